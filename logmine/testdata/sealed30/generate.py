#!/usr/bin/env python3
"""Sealed 30: blind labelled log corpus generator.

Python 3 standard library only, fully deterministic: no wall clock, no locale.
Base seed 20270119; system k (1..6) uses random.Random(20270119 * 10 + k).
Time comes from an integer nanosecond clock on 2026-03-14 UTC.
Running this writes <System>/<System>.log and <System>/<System>.log_structured.csv
for every system and then self-checks every file.
"""
import csv
import datetime
import os
import re
import statistics

import random

BASE_SEED = 20270119
N_LINES = 300
OUT = os.path.dirname(os.path.abspath(__file__))
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DAY = datetime.date(2026, 3, 14)
DAY0_NS = (DAY - datetime.date(1970, 1, 1)).days * 86400 * 10 ** 9
SEC = 10 ** 9
MS = 10 ** 6


def at(h, m, s=0):
    return DAY0_NS + ((h * 60 + m) * 60 + s) * SEC


def tparts(ns):
    d = ns - DAY0_NS
    assert 0 <= d < 86400 * SEC, "clock left 2026-03-14"
    s, frac = divmod(d, SEC)
    hh, r = divmod(s, 3600)
    mm, ss = divmod(r, 60)
    return hh, mm, ss, frac


def hms(ns):
    hh, mm, ss, _ = tparts(ns)
    return "%02d:%02d:%02d" % (hh, mm, ss)


def iso_z(ns, digits=3):
    hh, mm, ss, frac = tparts(ns)
    f = str(frac).rjust(9, "0")[:digits]
    return "%04d-%02d-%02dT%02d:%02d:%02d.%sZ" % (DAY.year, DAY.month, DAY.day, hh, mm, ss, f)


def fill(template, vals):
    parts = template.split("<*>")
    assert len(parts) - 1 == len(vals), (template, vals)
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\r" not in v, (template, vals)
        out.append(v)
        out.append(p)
    return "".join(out)


class Ctx:
    """Random helpers; small pools cycle per (event, slot)."""

    def __init__(self, rng):
        self.rng = rng
        self.counters = {}
        self.ev = None
        self.now = 0

    def cyc(self, slot, pool):
        key = (self.ev, slot)
        i = self.counters.get(key, 0)
        self.counters[key] = i + 1
        return pool[i % len(pool)]

    def ri(self, a, b):
        return self.rng.randint(a, b)

    def ch(self, seq):
        return self.rng.choice(seq)

    def hexs(self, n):
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def b62(self, n):
        al = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
        return "".join(self.rng.choice(al) for _ in range(n))

    def uuid(self):
        h = self.hexs(32)
        return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16],
                                        self.ch("89ab"), h[17:20], h[20:32])

    def lan_ip(self):
        return "192.168.%d.%d" % (self.ch([10, 10, 20, 30]), self.ri(11, 240))

    def pub_ip(self):
        a = self.ch([5, 23, 31, 37, 45, 46, 62, 77, 80, 85, 89, 91, 103, 109, 117,
                     128, 141, 152, 162, 176, 185, 193, 194, 212, 213, 217])
        return "%d.%d.%d.%d" % (a, self.ri(1, 254), self.ri(0, 255), self.ri(1, 254))


class Ev:
    def __init__(self, template, count, gen):
        self.template = template
        self.count = count
        self.gen = gen


# --------------------------------------------------------------------------
# shared invented value pools
WEB_HOSTS = ["www.velmora-news.com", "cdn.quintaro.net", "static.brisklane.io",
             "api.hollowpine.org", "img.corvalis-daily.com", "mail.tarnwick.de",
             "shop.ostermere.co.uk", "files.ribbonfern.net", "login.kestrelbay.com",
             "media.pellworth.tv", "updates.grindlow.org", "forum.saltmarsh-radio.net"]
AD_HOSTS = ["ads.trackvane.net", "pixel.adquorum.com", "beacon.metricloft.io",
            "sync.bidmarrow.net", "tags.clickhaven.com", "stats.funnelwise.org"]
PATHS = ["/", "/index.html", "/assets/app.3f9c21.js", "/api/v1/feed?page=2",
         "/images/hero-1920.webp", "/favicon.ico", "/css/site.min.css",
         "/article/2026/03/harbour-vote", "/download/setup-4.2.1.exe",
         "/v2/session/refresh", "/robots.txt", "/static/fonts/inter.woff2"]
AD_PATHS = ["/banner/728x90.gif", "/collect?tid=UA-9920&v=1", "/px.gif?e=view",
            "/js/tag.min.js", "/sync?partner=44&uid=f02a", "/ad/serve?slot=top"]
NET_ERRORS = ["Connection refused", "Connection timed out", "No route to host",
              "Network is unreachable", "Connection reset by peer"]


# --------------------------------------------------------------------------
# 1. Privoxy (seeded shuffle)
PV_THREADS = ["7f3c8e9fb700", "7f3c8f7fe700", "7f3c8d7f9700",
              "7f3c8cff8700", "7f3c8e7fa700", "7f3c8b7f6700", "7f3c897f2700"]


def pv_hdr(c, lvl):
    return {"lvl": lvl, "tid": c.ch(PV_THREADS)}


def pv_header(ns, h):
    hh, mm, ss, frac = tparts(ns)
    return "2026-03-14 %02d:%02d:%02d.%03d %s %s: " % (hh, mm, ss, frac // MS, h["tid"], h["lvl"])


PV_RE = (r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) [0-9a-f]{12} "
         r"(?:Request|Connect|Info|Error|Crunch|Header|Actions|Redirect|Re-Filter|"
         r"Fatal error|CGI|Writing|Received|Force|Tagger): ")


def pv_request(c):
    h = c.ch(WEB_HOSTS)
    if c.rng.random() < 0.45:
        return h + ":443/"
    return h + c.ch(PATHS)


def pv_blocked(c):
    h = c.ch(AD_HOSTS)
    if c.rng.random() < 0.4:
        return h + ":443"
    return "http://" + h + c.ch(AD_PATHS)


PRIVOXY_EVENTS = [
    Ev("<*>", 90, lambda c: (pv_hdr(c, "Request"), [pv_request(c)])),
    Ev("Blocked: <*>", 30, lambda c: (pv_hdr(c, "Crunch"), [pv_blocked(c)])),
    Ev("Redirected: <*>", 6, lambda c: (pv_hdr(c, "Crunch"), [
        c.cyc("u", ["https://www.velmora-news.com/article/2026/03/harbour-vote",
                    "https://files.ribbonfern.net/download/setup-4.2.1.exe",
                    "https://media.pellworth.tv/watch?v=k3Jd9"])])),
    Ev("Accepted connection from <*> on socket <*>", 45, lambda c: (pv_hdr(c, "Connect"), [
        c.lan_ip(), c.ri(4, 60)])),
    Ev("Closing client socket <*>. Keep-alive: <*>. Socket alive: <*>. Data available: <*>. "
       "Configuration file change detected: <*>. Requests received: <*>.", 30,
       lambda c: (pv_hdr(c, "Connect"), [
           c.ri(4, 60), c.cyc("ka", ["1", "1", "0"]), c.cyc("sa", ["1", "0", "1", "1"]),
           c.cyc("da", ["0", "0", "0", "1"]), c.cyc("cf", ["0", "0", "0", "0", "0", "1"]),
           c.ch([1, 1, 1, 2, 3, 4, 7, 12])])),
    Ev("Reusing server socket <*> connected to <*>. Total requests: <*>.", 22,
       lambda c: (pv_hdr(c, "Connect"), [c.ri(5, 61), c.ch(WEB_HOSTS), c.ri(2, 40)])),
    Ev("Created new connection to <*>:<*> on socket <*>.", 30,
       lambda c: (pv_hdr(c, "Connect"), [c.ch(WEB_HOSTS + AD_HOSTS[:2]),
                                         c.cyc("p", ["443", "80", "443", "443", "8080"]),
                                         c.ri(5, 61)])),
    Ev("Waiting for the next client request on socket <*>. Keeping the server socket <*> to <*> open.", 16,
       lambda c: (pv_hdr(c, "Connect"), [c.ri(4, 60), c.ri(5, 61), c.ch(WEB_HOSTS)])),
    Ev("Complete client request followed by <*> bytes of pipelined data received.", 5,
       lambda c: (pv_hdr(c, "Connect"), [c.ch([31, 118, 204, 377, 512, 1460])])),
    Ev("Loading filter file: <*>", 4, lambda c: (pv_hdr(c, "Info"), [
        c.cyc("f", ["/etc/privoxy/default.filter", "/etc/privoxy/user.filter"])])),
    Ev("Loading actions file: <*>", 4, lambda c: (pv_hdr(c, "Info"), [
        c.cyc("f", ["/etc/privoxy/match-all.action", "/etc/privoxy/default.action",
                    "/etc/privoxy/user.action"])])),
    Ev("connect to: <*> failed: <*>", 9, lambda c: (pv_hdr(c, "Error"), [
        c.ch(WEB_HOSTS), c.cyc("e", NET_ERRORS[:4])])),
    Ev("Rejecting connection from <*>. Maximum number of connections reached.", 3,
       lambda c: (pv_hdr(c, "Connect"), [c.lan_ip()])),
    Ev("Empty server or forwarder response received on socket <*>.", 6,
       lambda c: (pv_hdr(c, "Error"), [c.ri(4, 60)])),
]


# --------------------------------------------------------------------------
# 2. OPNsense / pfSense filterlog (seeded shuffle)
OP_HOST = "fw01"
OP_PID = 48213


def op_header(ns, h):
    hh, mm, ss, _ = tparts(ns)
    return "%s %2d %02d:%02d:%02d %s filterlog[%d]: " % (
        MONTHS[DAY.month - 1], DAY.day, hh, mm, ss, OP_HOST, OP_PID)


OP_RE = r"(?P<ts>[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d) [\w.-]+ filterlog\[\d+\]: "
OP_WAN = ["203.0.113.46", "203.0.113.47"]
OP_SCAN_PORTS = [22, 23, 80, 443, 445, 1433, 3389, 5900, 8080, 8443, 6379, 2375, 25, 5060]
OP_TTLS = [44, 48, 52, 54, 57, 63, 113, 116, 117, 241, 243, 245, 249]
OP_OPTS = ["mss", "mss;sackOK;TS;nop;wscale", "mss;nop;wscale;nop;nop;sackOK", "mss;nop;nop;sackOK"]
def op_label(c, ev):
    labels = c.__dict__.setdefault("labels", {})
    if ev not in labels:
        labels[ev] = [c.hexs(32), c.hexs(32)]
    return c.cyc("label", labels[ev])


def v6_addr(c, prefix):
    return "%s:%x:%x:%x:%x" % (prefix, c.ri(1, 0xffff), c.ri(1, 0xffff), c.ri(1, 0xffff), c.ri(1, 0xffff))


def op_block_syn(c):
    return {}, [c.cyc("rule", ["5", "7"]), op_label(c, 1), c.cyc("if", ["igb0", "igb0", "pppoe0"]),
                c.ch(OP_TTLS), c.ri(1, 65535), c.ch([40, 44, 52, 60]), c.pub_ip(), c.ch(OP_WAN),
                c.ri(1024, 65535), c.ch(OP_SCAN_PORTS), c.ri(10 ** 8, 4294967295),
                c.ch([1024, 29200, 64240, 65535, 14600]), c.ch(OP_OPTS)]


def op_pass_lan_syn(c):
    return {}, [c.cyc("rule", ["63", "64", "71"]), op_label(c, 2), c.cyc("if", ["igb1", "igb1_vlan20"]),
                c.ri(1, 65535), c.lan_ip(), c.pub_ip(), c.ri(32768, 60999),
                c.ch([443, 443, 443, 80, 22, 993, 5223, 853]), c.ri(10 ** 8, 4294967295)]


def op_pass_dns(c):
    return {}, [c.cyc("rule", ["60", "61"]), op_label(c, 3), c.cyc("if", ["igb1", "igb1_vlan20", "igb1_vlan30"]),
                c.ch([64, 128]), c.ri(1, 65535), c.ch([57, 59, 63, 67, 71, 84]), c.lan_ip(),
                c.cyc("gw", ["192.168.10.1", "192.168.20.1", "192.168.30.1"]),
                c.ri(1024, 65535), c.ch([29, 31, 35, 39, 43, 56])]


def op_block_udp(c):
    return {}, [c.cyc("rule", ["5", "7"]), op_label(c, 4), c.cyc("if", ["igb0", "pppoe0"]),
                c.ch(OP_TTLS), c.ri(1, 65535), c.ch([28, 45, 62, 78, 129, 437]), c.pub_ip(), c.ch(OP_WAN),
                c.ri(1024, 65535), c.ch([53, 123, 161, 1900, 5060, 11211, 137, 500, 3478]),
                c.ch([0, 17, 34, 50, 101, 409])]


def op_pass_ntp(c):
    return {}, [c.cyc("rule", ["1", "2"]), op_label(c, 5), c.cyc("if", ["igb0", "pppoe0"]),
                c.ri(1, 65535), c.ch(OP_WAN), c.pub_ip(), c.ri(20000, 60999)]


def op_pass_ping(c):
    return {}, [c.cyc("rule", ["62", "66"]), op_label(c, 6), c.cyc("if", ["igb1", "igb1_vlan30"]),
                c.ch([64, 128]), c.ri(1, 65535), c.lan_ip(),
                c.ch(["192.168.10.1", "9.9.9.9", "1.1.1.1", c.pub_ip()]), c.ri(1, 65535), c.ri(0, 900)]


def op_block_ping(c):
    return {}, [c.cyc("rule", ["5", "9"]), op_label(c, 7), c.cyc("if", ["igb0", "pppoe0"]),
                c.ch(OP_TTLS), c.ri(1, 65535), c.ch([28, 60, 84, 92]), c.pub_ip(), c.ch(OP_WAN),
                c.ri(1, 65535), c.ri(0, 40)]


def op_block_v6(c):
    return {}, [c.cyc("rule", ["8", "10"]), op_label(c, 8), c.cyc("if", ["igb0", "pppoe0"]),
                "0x%05x" % c.ri(1, 0xfffff), c.ch([49, 53, 54, 57, 117, 241]), c.ch([20, 32, 40]),
                v6_addr(c, "2a0e:97c0:3e1"), v6_addr(c, "2001:db8:4c10:1"),
                c.ri(1024, 65535), c.ch(OP_SCAN_PORTS), c.ri(10 ** 8, 4294967295),
                c.ch([1024, 14400, 64800, 65535]), c.ch(OP_OPTS)]


def op_pass_ns(c):
    return {}, [c.cyc("rule", ["3", "4"]), op_label(c, 9), c.cyc("if", ["igb1", "igb1_vlan20"]),
                "fe80::%x:%x:%x:%x" % (c.ri(1, 0xffff), c.ri(1, 0xffff), c.ri(1, 0xffff), c.ri(1, 0xffff)),
                "ff02::1:ff%02x:%x" % (c.ri(0, 255), c.ri(1, 0xffff))]


def op_pass_https_in(c):
    return {}, [c.cyc("rule", ["21", "22"]), op_label(c, 10), c.cyc("if", ["igb0", "pppoe0"]),
                c.ch([45, 49, 52, 53, 54, 56, 113, 116, 117, 118]), c.ri(1, 65535),
                c.ch([52, 60, 64]), c.pub_ip(), c.ch(OP_WAN), c.ri(1024, 65535),
                c.ri(10 ** 8, 4294967295), c.ch([64240, 65535, 29200, 42340]), c.ch(OP_OPTS)]


def op_block_igmp(c):
    return {}, [c.cyc("rule", ["5", "11"]), op_label(c, 11), c.cyc("if", ["igb1_vlan30", "igb1"]),
                c.ri(1, 65535), c.cyc("len", ["32", "36", "40"]), c.lan_ip(),
                c.cyc("dst", ["224.0.0.22", "224.0.0.251", "239.255.255.250"]),
                c.cyc("dl", ["8", "12", "16"])]


def op_block_stale(c):
    flags = c.cyc("fl", ["FA", "A", "PA", "RA", "FPA", "R"])
    dlen = 0 if flags in ("A", "FA", "RA", "R") else c.ch([31, 39, 517, 1248])
    s = c.ri(10 ** 8, 4294967295 - 2000)
    seq = str(s) if dlen == 0 else "%d:%d" % (s, s + dlen)
    iface = c.cyc("if", ["igb0", "igb1", "pppoe0"])
    if iface == "igb1":
        src, dst, sport, dport = c.lan_ip(), c.pub_ip(), c.ri(32768, 60999), c.ch([443, 80, 993, 5223])
        ttl = c.ch([64, 128])
    else:
        src, dst, sport, dport = c.pub_ip(), c.ch(OP_WAN), c.ch([443, 80, 993, 51820]), c.ri(1024, 65535)
        ttl = c.ch([49, 52, 57, 116, 118])
    return {}, [c.cyc("rule", ["5", "7"]), op_label(c, 12), iface, ttl, c.ri(1, 65535),
                40 + dlen if dlen else c.ch([40, 52]), src, dst, sport, dport, dlen, flags, seq,
                c.ri(10 ** 8, 4294967295), c.ch([501, 1026, 2048, 8192, 64240])]


def op_pass_dhcp6(c):
    return {}, [c.cyc("rule", ["3", "4"]), op_label(c, 13), c.cyc("if", ["igb1", "igb1_vlan20"]),
                c.ch([96, 104, 120, 132]),
                "fe80::%x:%x:%x:%x" % (c.ri(1, 0xffff), c.ri(1, 0xffff), c.ri(1, 0xffff), c.ri(1, 0xffff)),
                c.ch([56, 64, 80, 92])]


OPNSENSE_EVENTS = [
    Ev("<*>,,,<*>,<*>,match,block,in,4,0x0,,<*>,<*>,0,none,6,tcp,<*>,<*>,<*>,<*>,<*>,0,S,<*>,,<*>,,<*>",
       80, op_block_syn),
    Ev("<*>,,,<*>,<*>,match,pass,in,4,0x0,,64,<*>,0,DF,6,tcp,60,<*>,<*>,<*>,<*>,0,S,<*>,,64240,,"
       "mss;sackOK;TS;nop;wscale", 50, op_pass_lan_syn),
    Ev("<*>,,,<*>,<*>,match,pass,in,4,0x0,,<*>,<*>,0,none,17,udp,<*>,<*>,<*>,<*>,53,<*>", 40, op_pass_dns),
    Ev("<*>,,,<*>,<*>,match,block,in,4,0x0,,<*>,<*>,0,none,17,udp,<*>,<*>,<*>,<*>,<*>,<*>", 30, op_block_udp),
    Ev("<*>,,,<*>,<*>,match,pass,out,4,0x0,,64,<*>,0,DF,17,udp,76,<*>,<*>,<*>,123,56", 12, op_pass_ntp),
    Ev("<*>,,,<*>,<*>,match,pass,in,4,0x0,,<*>,<*>,0,none,1,icmp,84,<*>,<*>,request,<*>,<*>", 15, op_pass_ping),
    Ev("<*>,,,<*>,<*>,match,block,in,4,0x0,,<*>,<*>,0,none,1,icmp,<*>,<*>,<*>,request,<*>,<*>", 8, op_block_ping),
    Ev("<*>,,,<*>,<*>,match,block,in,6,0x00,<*>,<*>,tcp,6,<*>,<*>,<*>,<*>,<*>,0,S,<*>,,<*>,,<*>", 10, op_block_v6),
    Ev("<*>,,,<*>,<*>,match,pass,out,6,0x00,0x00000,255,ipv6-icmp,58,32,<*>,<*>,datalength=32", 6, op_pass_ns),
    Ev("<*>,,,<*>,<*>,match,pass,in,4,0x0,,<*>,<*>,0,DF,6,tcp,<*>,<*>,<*>,<*>,443,0,S,<*>,,<*>,,<*>",
       20, op_pass_https_in),
    Ev("<*>,,,<*>,<*>,match,block,in,4,0xc0,,1,<*>,0,none,2,igmp,<*>,<*>,<*>,datalength=<*>", 5, op_block_igmp),
    Ev("<*>,,,<*>,<*>,match,block,in,4,0x0,,<*>,<*>,0,DF,6,tcp,<*>,<*>,<*>,<*>,<*>,<*>,<*>,<*>,<*>,<*>,,",
       20, op_block_stale),
    Ev("<*>,,,<*>,<*>,match,pass,in,6,0x00,0x00000,1,udp,17,<*>,<*>,ff02::1:2,546,547,<*>", 4, op_pass_dhcp6),
]


# --------------------------------------------------------------------------
# 3. Kestra (seeded shuffle)
def ke_header(ns, h):
    hh, mm, ss, frac = tparts(ns)
    thread = h["thread"][-12:]
    return "2026-03-14 %02d:%02d:%02d,%03d %-5s %-12s %s " % (
        hh, mm, ss, frac // MS, h["lvl"], thread, h["logger"])


KE_RE = (r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) (?:TRACE|DEBUG|INFO |WARN |ERROR) "
         r".{12} [\w.$-]+ ")
KE_NS = ["acme.data", "acme.finance.reports", "platform.ops", "marketing.etl", "acme.data.lake"]
KE_FLOWS = ["nightly-ingest", "refresh_dashboards", "sync-crm", "backup_pg", "notify-slack",
            "invoice-export", "clickstream_compact", "geo-enrichment"]
KE_TASKS = ["extract", "transform", "load", "check_api", "upload", "wait_for_file",
            "dbt_build", "notify", "fetch_orders", "compress"]
KE_TYPES = ["Log", "Query", "Download", "Commands", "Script", "Request", "Upload", "Return",
            "ForEach", "Sleep", "Trigger", "Copy"]
KE_THREADS_W = ["worker_%d" % i for i in range(8)]
KE_THREADS_X = ["executor_0", "executor_1", "executor_2"]
KE_FAIL = ["Connection refused: pg-warehouse.internal/10.40.2.17:5432",
           "Command failed with exit code 1",
           "Server returned 503 Service Unavailable for https://api.partnerhub.example/v2/orders",
           "Read timed out after PT30S",
           "No such file: s3://acme-landing/raw/2026/03/13/orders.parquet",
           "ERROR: relation \"staging.orders_v2\" does not exist"]


def ke_dur(c, lo_ms, hi_ms):
    ms = c.ri(lo_ms, hi_ms)
    s, ms = divmod(ms, 1000)
    m, s = divmod(s, 60)
    h, m = divmod(m, 60)
    return "%02d:%02d:%02d.%03d" % (h, m, s, ms)


KE_FLOW_NS = {f: KE_NS[i % len(KE_NS)] for i, f in enumerate(KE_FLOWS)}


def ke_flow(c):
    f = c.ch(KE_FLOWS)
    return KE_FLOW_NS[f], f


def ke_exec_ev(c, lvl="INFO"):
    ns, f = ke_flow(c)
    return {"lvl": lvl, "thread": c.ch(KE_THREADS_X), "logger": "flow." + f}, ns, f


def ke_task_ev(c, lvl="INFO"):
    ns, f = ke_flow(c)
    return {"lvl": lvl, "thread": c.ch(KE_THREADS_W), "logger": "flow." + f}, ns, f


def ke_e1(c):
    h, ns, f = ke_exec_ev(c)
    return h, [ns, f, c.b62(22)]


def ke_e2(c):
    h, ns, f = ke_exec_ev(c)
    return h, [ns, f, c.b62(22), ke_dur(c, 300, 420000)]


def ke_e3(c):
    h, ns, f = ke_exec_ev(c)
    return h, [ns, f, c.b62(22), ke_dur(c, 800, 90000)]


def ke_task(c, lvl="INFO"):
    h, ns, f = ke_task_ev(c, lvl)
    return h, [ns, f, c.ch(KE_TASKS), c.b62(22), c.b62(22)]


def ke_e4(c):
    h, v = ke_task(c)
    return h, v + [c.ch(KE_TYPES)]


def ke_e5(c):
    h, v = ke_task(c)
    return h, v + [c.ch(KE_TYPES), ke_dur(c, 4, 240000)]


def ke_e6(c):
    h, v = ke_task(c)
    return h, v + [c.cyc("val", ["eu-west", "us-east", "2026-03-13", "orders", "customers", "ap-south"]),
                   c.cyc("type", ["Query", "Download", "Script", "Log"])]


def ke_e7(c):
    h, v = ke_task(c)
    return h, v + [c.cyc("type", ["Query", "Request", "Commands", "Download"]), ke_dur(c, 50, 300000)]


def ke_e8(c):
    ns, f = ke_flow(c)
    t = c.now - (c.now % (300 * SEC))
    d = iso_z(t)[:-5] + "Z"
    return ({"lvl": "INFO", "thread": "scheduler", "logger": "flow." + f},
            [ns, f, c.cyc("trig", ["schedule", "every_15m", "hourly", "nightly"]), d, c.b62(22), d])


def ke_e12(c):
    h, v = ke_task(c, "WARN")
    return h, v + [c.cyc("att", ["1", "2", "3"]), c.cyc("d", ["PT30S", "PT1M", "PT2M", "PT10S"])]


def ke_e13(c):
    h, v = ke_task(c, "ERROR")
    return h, v + [c.cyc("err", KE_FAIL)]


KE_PFX_X = "[namespace: <*>] [flow: <*>] [execution: <*>] "
KE_PFX_T = "[namespace: <*>] [flow: <*>] [task: <*>] [execution: <*>] [taskrun: <*>] "
KESTRA_EVENTS = [
    Ev(KE_PFX_X + "Flow started", 35, ke_e1),
    Ev(KE_PFX_X + "Flow completed with state SUCCESS in <*>", 30, ke_e2),
    Ev(KE_PFX_X + "Flow completed with state FAILED in <*>", 7, ke_e3),
    Ev(KE_PFX_T + "Type <*> started", 80, ke_e4),
    Ev(KE_PFX_T + "Type <*> with state SUCCESS completed in <*>", 70, ke_e5),
    Ev(KE_PFX_T + "[value: <*>] Type <*> started", 18, ke_e6),
    Ev(KE_PFX_T + "Type <*> with state FAILED completed in <*>", 8, ke_e7),
    Ev("[namespace: <*>] [flow: <*>] [trigger: <*>] [date: <*>] Scheduled execution <*> at '<*>' started",
       20, ke_e8),
    Ev("Starting Kestra with environments [<*>]", 3, lambda c: (
        {"lvl": "INFO", "thread": "main", "logger": "io.kestra.cli.AbstractCommand"},
        [c.cyc("env", ["cli, standalone", "cli, server", "cli, standalone, prod"])])),
    Ev("Registered <*> core plugins (scan done in <*>)", 3, lambda c: (
        {"lvl": "INFO", "thread": "main", "logger": "i.k.core.plugins.PluginScanner"},
        [c.cyc("n", ["74", "74", "81"]), c.cyc("d", ["412ms", "388ms", "1s 27ms"])])),
    Ev("Server Running: <*>, Management server on port <*>", 3, lambda c: (
        {"lvl": "INFO", "thread": "main", "logger": "io.kestra.cli.AbstractCommand"},
        [c.cyc("u", ["http://0.0.0.0:8080", "http://kestra-01.internal:8080"]),
         c.cyc("m", ["http://0.0.0.0:8081/health", "http://kestra-01.internal:8081/health"])])),
    Ev(KE_PFX_T + "Task attempt <*> failed, retrying in <*>", 9, ke_e12),
    Ev(KE_PFX_T + "Task execution failed: <*>", 10, ke_e13),
    Ev("Worker started with <*> thread(s)", 4, lambda c: (
        {"lvl": "INFO", "thread": "main", "logger": "io.kestra.core.runners.Worker"},
        [c.cyc("n", ["16", "32", "8"])])),
]


# --------------------------------------------------------------------------
# 4. Overseerr (seeded shuffle)
def ov_header(ns, h):
    lab = "[%s]" % h["label"] if h.get("label") else ""
    return "%s [%s]%s: " % (iso_z(ns, 3), h["lvl"], lab)


OV_RE = r"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z) \[(?:debug|info|warn|error)\](?:\[[^\]]+\])?: "
OV_TITLES = ["The Glass Orchard", "Northbound Static", "Hollow Creek", "A Quiet Ledger",
             "Saltwater Kings", "The Ninth Lantern", "Copperfield Drive", "Midnight at Varrow",
             "Paper Satellites", "The Long Thaw", "Ember & Ash", "Signal Lost",
             "Brightwater", "The Cartographer's Son", "Low Tide Motel", "Fourteen Winters"]
OV_JOBS = ["Plex Recently Added Scan", "Download Sync", "Radarr Scan", "Sonarr Scan",
           "Image Cache Cleanup", "Plex Watchlist Sync", "Download Sync Reset", "Plex Full Scan"]
OV_USERS = ["mira.holt@fastmail.example", "dbranner@outlook.example", "kofi.a@homelab.example",
            "tessa@brightmail.example", "ruben.v@posteo.example"]


def ov_title_year(c):
    return "%s (%d)" % (c.ch(OV_TITLES), c.ri(1994, 2026))


OVERSEERR_EVENTS = [
    Ev("Title already exists and no new media detected: <*>", 90, lambda c: (
        {"lvl": "debug", "label": "Plex Scan"}, [c.ch(OV_TITLES)])),
    Ev("Updating existing title: <*>", 28, lambda c: (
        {"lvl": "info", "label": "Plex Scan"}, [c.ch(OV_TITLES)])),
    Ev('Scan starting {"sessionId":"<*>"}', 8, lambda c: (
        {"lvl": "info", "label": "Plex Scan"}, [c.uuid()])),
    Ev('Scan complete {"sessionId":"<*>","duration":"<*>"}', 8, lambda c: (
        {"lvl": "info", "label": "Plex Scan"}, [c.uuid(), "%d.%ds" % (c.ri(1, 340), c.ri(0, 9))])),
    Ev("Starting scheduled job: <*>", 48, lambda c: (
        {"lvl": "info", "label": "Jobs"}, [c.cyc("job", OV_JOBS)])),
    Ev("Found <*> item(s) in progress on Radarr server: <*>", 25, lambda c: (
        {"lvl": "debug", "label": "Download Tracker"},
        [c.ch([0, 1, 1, 2, 3, 5, 8]), c.cyc("srv", ["Radarr", "Radarr 4K"])])),
    Ev("Found <*> item(s) in progress on Sonarr server: <*>", 15, lambda c: (
        {"lvl": "debug", "label": "Download Tracker"},
        [c.ch([0, 1, 2, 4, 6, 11]), c.cyc("srv", ["Sonarr", "Sonarr Anime", "Sonarr 4K"])])),
    Ev('Sending Discord notification {"type":"<*>","subject":"<*>"}', 47, lambda c: (
        {"lvl": "debug", "label": "Notifications"},
        [c.cyc("t", ["MEDIA_PENDING", "MEDIA_APPROVED", "MEDIA_AVAILABLE", "MEDIA_AVAILABLE",
                     "MEDIA_DECLINED", "MEDIA_FAILED"]), ov_title_year(c)])),
    Ev('Sending email notification {"type":"<*>","subject":"<*>","recipient":"<*>"}', 10, lambda c: (
        {"lvl": "debug", "label": "Notifications"},
        [c.cyc("t", ["MEDIA_APPROVED", "MEDIA_AVAILABLE", "MEDIA_DECLINED"]), ov_title_year(c),
         c.cyc("u", OV_USERS)])),
    Ev('Failed to process Plex media: <*> {"title":"<*>"}', 6, lambda c: (
        {"lvl": "error", "label": "Plex Scan"},
        [c.cyc("e", ["Request failed with status code 404", "timeout of 30000ms exceeded",
                     "Unable to find TMDB ID for media",
                     "SQLITE_BUSY: database is locked"]), c.ch(OV_TITLES)])),
    Ev("Server ready on port 5055", 3, lambda c: ({"lvl": "info", "label": "Server"}, [])),
    Ev("Starting Overseerr version <*>", 3, lambda c: (
        {"lvl": "info", "label": "Server"}, [c.cyc("v", ["1.33.2", "1.33.2", "1.34.0"])])),
    Ev('Failed sign-in attempt using invalid Overseerr password {"ip":"<*>","email":"<*>"}', 5, lambda c: (
        {"lvl": "warn", "label": "Auth"}, [c.lan_ip(), c.cyc("u", OV_USERS)])),
    Ev("Media with ID <*> does not exist in any of your media servers and will be removed", 4, lambda c: (
        {"lvl": "info", "label": "AvailabilitySync"}, [c.ri(40, 2400)])),
]


# --------------------------------------------------------------------------
# 5. PgCat (simulation: client sessions, server connections, replica incidents)
def pg_header(ns, h):
    return "%s %5s ThreadId(%02d) %s: " % (iso_z(ns, 6), h["lvl"], h["tid"], h["target"])


PG_RE = (r"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z) +(?:TRACE|DEBUG|INFO|WARN|ERROR) "
         r"ThreadId\(\d+\) pgcat(?:::\w+)*: ")
PG_POOLS = [("shop", "app_rw", "transaction", 20), ("shop", "app_ro", "transaction", 12),
            ("analytics", "bi_reader", "session", 5), ("billing", "billing_svc", "transaction", 15)]
PG_SERVERS = {"shop": [("10.20.0.11", 0, "Primary", 0), ("10.20.0.12", 0, "Replica", 0),
                       ("10.20.0.13", 0, "Replica", 1)],
              "analytics": [("10.20.0.21", 0, "Primary", 0), ("10.20.0.22", 1, "Primary", 0)],
              "billing": [("10.20.0.31", 0, "Primary", 0), ("10.20.0.32", 0, "Replica", 0)]}
PG_APPS = ["psql", "rails-web", "sidekiq", "metabase", "billing-worker", "pg_dump"]
PG_CLIENT_ERR = ['SocketError("Error reading message code from socket - Kind(UnexpectedEof)")',
                 'ClientGeneralError("Invalid password", ClientIdentifier { application_name: "sidekiq" })',
                 'SocketError("Error writing to socket - Kind(BrokenPipe)")',
                 "ProtocolSyncError(\"Unexpected startup code: 80877103\")"]
PG_EVENTS = [
    ("pool_size", "[pool: <*>][user: <*>] Pool size: <*>"),
    ("pool_mode", "[pool: <*>][user: <*>] Pool mode: <*>"),
    ("connected", "Client <*> connected to pool <*> as user <*>"),
    ("disconnected", "Client <*> disconnected, session duration: <*>"),
    ("client_err", "Client <*> disconnected with error: <*>"),
    ("new_server", 'Creating a new server connection Address { id: <*>, host: "<*>", port: 5432, '
                   'shard: <*>, database: "<*>", role: <*>, replica_number: <*> }'),
    ("state", "Server returned with session state altered, discarding state "
              "(SET: <*>, PREPARE: <*>) for application <*>"),
    ("hc_fail", "Failed health check on instance <*>: <*>"),
    ("ban", "Banning instance <*>, reason: <*>"),
    ("unban", "Unbanning instance <*>"),
    ("reload", "Automatically reloading config"),
    ("checkout", "[pool: <*>][user: <*>] Could not get connection from pool: <*>"),
]


def pg_dur(ms):
    s, ms = divmod(ms, 1000)
    m, s = divmod(s, 60)
    h, m = divmod(m, 60)
    return "0d %02d:%02d:%02d.%03d" % (h, m, s, ms)


def sim_pgcat(c):
    out = []
    rng = c.rng
    t0 = at(8, 41, 7) + 211_004_000

    def emit(t, name, lvl, target, vals, tid=None):
        out.append((t, len(out), name, {"lvl": lvl, "target": target,
                                         "tid": tid if tid is not None else rng.randint(2, 9)}, vals))

    # startup: pool settings, on the main thread
    t = t0
    for (db, user, mode, size) in PG_POOLS:
        t += rng.randint(40_000, 900_000)
        emit(t, "pool_size", "INFO", "pgcat::config", [db, user, size], 1)
        t += rng.randint(10_000, 200_000)
        emit(t, "pool_mode", "INFO", "pgcat::config", [db, user, mode], 1)
    # autoreload timer
    tr = t0 + 15 * SEC
    while tr < t0 + 900 * SEC:
        emit(tr + rng.randint(0, 3 * MS), "reload", "INFO", "pgcat::config", [], 1)
        tr += 15 * SEC
    # replica incidents: health-check failures and other ban reasons, unban after ban_time
    incidents = [(9, "hc", "10.20.0.12:5432", "timed out after 1000ms"),
                 (37, "other", "10.20.0.32:5432", "MessageSendFailed"),
                 (61, "hc", "10.20.0.13:5432", "Connection refused (os error 111)"),
                 (96, "hc", "10.20.0.32:5432", "timed out after 1000ms"),
                 (118, "other", "10.20.0.22:5432", "StatementTimeout")]
    for (sec, kind, addr, why) in incidents:
        ti = t0 + sec * SEC + rng.randint(0, SEC)
        if kind == "hc":
            emit(ti, "hc_fail", "ERROR", "pgcat::pool", [addr, why])
            reason = "FailedHealthCheck"
        else:
            reason = why
        emit(ti + rng.randint(100_000, 900_000), "ban", "ERROR", "pgcat::pool", [addr, reason])
        emit(ti + 60 * SEC + rng.randint(0, 400 * MS), "unban", "INFO", "pgcat::pool", [addr])
    # client sessions
    ta = t0 + 2 * SEC
    n = 0
    while ta < t0 + 600 * SEC:
        ta += int(rng.expovariate(1.0) * 1.1 * SEC) + 1
        n += 1
        c.ev = "client"
        db, user, mode, size = c.cyc("pool", PG_POOLS[:2] * 3 + PG_POOLS[2:])
        addr = "%s:%d" % (c.ch(["10.30.1.14", "10.30.1.15", "10.30.1.16", "10.30.2.40",
                                "10.30.2.41", "10.30.4.7", "172.17.0.5", "172.17.0.9"]),
                          rng.randint(32768, 60999))
        tid = rng.randint(2, 9)
        emit(ta, "connected", "INFO", "pgcat::client", [addr, db, user], tid)
        tt = ta
        if n % 11 == 3:
            tt += rng.randint(2 * MS, 40 * MS)
            emit(tt, "checkout", "ERROR", "pgcat::client",
                 [db, user, c.cyc("why", ["CheckoutTimeout", "AllServersDown"])], tid)
            continue
        if rng.random() < 0.38:
            tt += rng.randint(1 * MS, 12 * MS)
            host, shard, role, rn = c.ch(PG_SERVERS[db])
            emit(tt, "new_server", "INFO", "pgcat::pool",
                 [rng.randint(0, 7), host, shard, db, role, rn], tid)
        dur = int(rng.lognormvariate(8.2, 1.6))  # milliseconds
        if rng.random() < 0.3:
            c.ev = "state"
            emit(tt + rng.randint(5 * MS, max(6 * MS, dur * MS)), "state", "WARN", "pgcat::server",
                 list(c.cyc("setprep", [("true", "false"), ("true", "false"), ("false", "true"), ("true", "true")]))
                 + [c.ch(PG_APPS)], tid)
        c.ev = "end"
        if n % 13 == 6:
            emit(tt + dur * MS + rng.randint(0, MS), "client_err", "WARN", "pgcat::client",
                 [addr, c.cyc("err", PG_CLIENT_ERR)], tid)
        else:
            emit(tt + dur * MS + rng.randint(0, MS), "disconnected", "INFO", "pgcat::client",
                 [addr, pg_dur(dur + rng.randint(1, 30))], tid)
    return out


# --------------------------------------------------------------------------
# 6. Tinyproxy (simulation: client connections with overlapping lifetimes)
TP_PID = 2917


def tp_header(ns, h):
    hh, mm, ss, frac = tparts(ns)
    return "%-9s %s %02d %02d:%02d:%02d.%03d [%d]: " % (
        h["lvl"], MONTHS[DAY.month - 1], DAY.day, hh, mm, ss, frac // MS, TP_PID)


TP_RE = (r"(?:CONNECT|INFO|NOTICE|WARNING|ERROR|CRITICAL|DEBUG) +"
         r"(?P<ts>[A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d\.\d{3}) \[\d+\]: ")
TP_EVENTS = [
    ("connect", "Connect (file descriptor <*>): <*>"),
    ("request", "Request (file descriptor <*>): <*> <*> HTTP/1.1"),
    ("request_connect", "Request (file descriptor <*>): CONNECT <*>:<*> HTTP/1.1"),
    ("opensock", "opensock: opening connection to <*>:<*>"),
    ("established", 'Established connection to host "<*>" using file descriptor <*>.'),
    ("closed", "Closed connection between local client (fd:<*>) and remote client (fd:<*>)"),
    ("filter_domain", 'Proxying refused on filtered domain "<*>"'),
    ("filter_url", 'Proxying refused on filtered url "<*>"'),
    ("connfail", "opensock: Could not establish a connection to <*>"),
    ("early_close", "read_request_line: Client (file descriptor: <*>) closed socket before read."),
    ("unauth", 'Unauthorized connection from "<*>".'),
    ("relay_err", 'relay_connection: select() error "<*>". Closing connection (client_fd:<*>, server_fd:<*>)'),
    ("upstream", "Found upstream proxy <*>:<*> for <*>"),
]
TP_CLIENTS = ["192.168.40.%d" % i for i in (12, 17, 23, 31, 44, 58, 61, 102, 117, 150)] + ["10.8.0.6", "10.8.0.10"]


def sim_tinyproxy(c):
    out = []
    rng = c.rng
    t0 = at(14, 2, 51) + 73_118_000

    def emit(t, name, lvl, vals):
        out.append((t, len(out), name, {"lvl": lvl}, vals))

    n_conns = 90
    rare = (["unauth"] * 4 + ["early_close"] * 4 + ["filter_domain"] * 5 + ["filter_url"] * 4 +
            ["connfail"] * 5 + ["upstream"] * 5 + ["relay_err"] * 4)
    fates = ["normal"] * n_conns
    for pos, f in zip(rng.sample(range(2, 48), len(rare)), rare):
        fates[pos] = f
    busy = {}  # fd -> busy until (ns)

    def alloc(t):
        fd = 6
        while busy.get(fd, 0) > t:
            fd += 1
        busy[fd] = 1 << 62
        return fd

    ta = t0
    for i in range(n_conns):
        ta += int(rng.expovariate(1.0) * 1.4 * SEC) + 1
        fate = fates[i]
        c.ev = "conn"
        fd = alloc(ta)
        sfd = None
        cip = c.ch(TP_CLIENTS)
        t = ta
        emit(t, "connect", "CONNECT", [fd, cip])
        if fate == "unauth":
            c.ev = "unauth"
            t += rng.randint(50_000, 400_000)
            emit(t, "unauth", "NOTICE", [c.cyc("ip", ["10.8.0.23", "172.16.5.9", "192.168.41.7"])])
            busy[fd] = t
            continue
        if fate == "early_close":
            t += rng.randint(1 * MS, 30 * MS)
            emit(t, "early_close", "ERROR", [fd])
            busy[fd] = t
            continue
        c.ev = "req"
        host = c.ch(AD_HOSTS) if fate in ("filter_domain", "filter_url") else c.ch(WEB_HOSTS + AD_HOSTS)
        tunnel = rng.random() < 0.55 and fate != "filter_url"
        t += rng.randint(300_000, 25 * MS)
        if tunnel:
            port = c.cyc("port", [443, 443, 443, 8443, 443, 5223])
            emit(t, "request_connect", "CONNECT", [fd, host, port])
        else:
            port = 80
            path = c.ch(PATHS + AD_PATHS) if fate != "filter_url" else c.ch(AD_PATHS)
            emit(t, "request", "CONNECT",
                 [fd, c.cyc("m", ["GET", "GET", "GET", "POST", "GET", "HEAD"]), "http://" + host + path])
        t += rng.randint(20_000, 2 * MS)
        if fate == "filter_domain":
            emit(t, "filter_domain", "NOTICE", [host])
            busy[fd] = t
            continue
        if fate == "filter_url":
            emit(t, "filter_url", "NOTICE", ["http://" + host + path])
            busy[fd] = t
            continue
        conn_host, conn_port = host, port
        if fate == "upstream":
            c.ev = "up"
            conn_host = c.cyc("uh", ["proxy-a.corp-gw.internal", "proxy-b.corp-gw.internal"])
            conn_port = c.cyc("up", [3128, 8080])
            emit(t, "upstream", "INFO", [conn_host, conn_port, host])
            t += rng.randint(10_000, 200_000)
        emit(t, "opensock", "INFO", [conn_host, conn_port])
        if fate == "connfail":
            t += rng.randint(200 * MS, 5000 * MS)
            emit(t, "connfail", "ERROR", [conn_host])
            busy[fd] = t
            continue
        t += rng.randint(5 * MS, 180 * MS)
        sfd = alloc(t)
        emit(t, "established", "CONNECT", [host, sfd])
        life = int(rng.expovariate(1.0) * (25 if tunnel else 1.5) * SEC) + rng.randint(20 * MS, 300 * MS)
        t += life
        if fate == "relay_err":
            c.ev = "relay"
            emit(t, "relay_err", "ERROR", [c.cyc("why", ["Connection reset by peer", "Broken pipe",
                                                         "Connection timed out"]), fd, sfd])
            t += rng.randint(10_000, 200_000)
        emit(t, "closed", "INFO", [fd, sfd])
        busy[fd] = t
        busy[sfd] = t
    return out


# --------------------------------------------------------------------------
SYSTEMS = [
    {"name": "Privoxy", "k": 1, "kind": "shuffle", "events": PRIVOXY_EVENTS, "header": pv_header,
     "re": PV_RE, "start": at(9, 12, 40) + 518_220_417, "gap": 0.8},
    {"name": "OpnsenseFilterlog", "k": 2, "kind": "shuffle", "events": OPNSENSE_EVENTS,
     "header": op_header, "re": OP_RE, "start": at(3, 47, 2) + 4_120_339, "gap": 1.6},
    {"name": "Kestra", "k": 3, "kind": "shuffle", "events": KESTRA_EVENTS, "header": ke_header,
     "re": KE_RE, "start": at(11, 58, 19) + 880_012_553, "gap": 2.2},
    {"name": "Overseerr", "k": 4, "kind": "shuffle", "events": OVERSEERR_EVENTS, "header": ov_header,
     "re": OV_RE, "start": at(17, 5, 31) + 302_774_901, "gap": 3.0},
    {"name": "Pgcat", "k": 5, "kind": "simulation", "sim": sim_pgcat, "declared": PG_EVENTS,
     "header": pg_header, "re": PG_RE},
    {"name": "Tinyproxy", "k": 6, "kind": "simulation", "sim": sim_tinyproxy, "declared": TP_EVENTS,
     "header": tp_header, "re": TP_RE},
]


def build(system):
    rng = random.Random(BASE_SEED * 10 + system["k"])
    c = Ctx(rng)
    rows = []  # (raw_line, content, eid, template)
    if system["kind"] == "shuffle":
        events = system["events"]
        order = [i for i, e in enumerate(events) for _ in range(e.count)]
        assert len(order) == N_LINES, (system["name"], len(order))
        rng.shuffle(order)
        t = system["start"]
        mean = system["gap"] * SEC
        for i in order:
            t += int(rng.expovariate(1.0) * mean) + 1
            c.ev = i + 1
            c.now = t
            hdr, vals = events[i].gen(c)
            content = fill(events[i].template, vals)
            rows.append((system["header"](t, hdr) + content, content, "E%d" % (i + 1), events[i].template))
        templates = [e.template for e in events]
    else:
        declared = system["declared"]
        index = {name: i for i, (name, _) in enumerate(declared)}
        recs = sorted(system["sim"](c), key=lambda r: (r[0], r[1]))[:N_LINES]
        for (t, _, name, hdr, vals) in recs:
            i = index[name]
            tpl = declared[i][1]
            content = fill(tpl, vals)
            rows.append((system["header"](t, hdr) + content, content, "E%d" % (i + 1), tpl))
        templates = [tpl for _, tpl in declared]
    return rows, templates


def write(system, rows):
    d = os.path.join(OUT, system["name"])
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, system["name"] + ".log"), "w", encoding="utf-8", newline="") as f:
        for r in rows:
            f.write(r[0] + "\n")
    with open(os.path.join(d, system["name"] + ".log_structured.csv"), "w",
              encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, r in enumerate(rows, 1):
            w.writerow([i, r[1], r[2], r[3]])


def tpl_regex(t):
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in t.split("<*>")) + "$", re.S)


def check(system, templates):
    name = system["name"]
    d = os.path.join(OUT, name)
    logp = os.path.join(d, name + ".log")
    csvp = os.path.join(d, name + ".log_structured.csv")
    for p in (logp, csvp):
        with open(p, "rb") as f:
            data = f.read()
        assert data.endswith(b"\n"), p
        assert b"\r" not in data, p
    with open(logp, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    assert lines[-1] == ""
    lines = lines[:-1]
    assert len(lines) == N_LINES, (name, len(lines))
    with open(csvp, encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    assert table[0] == ["LineId", "Content", "EventId", "EventTemplate"], name
    body = table[1:]
    assert len(body) == N_LINES, (name, len(body))
    hre = re.compile(system["re"])
    last_ts = None
    tpl_of = {}
    counts = {}
    slot_vals = {}
    for i, (row, line) in enumerate(zip(body, lines), 1):
        assert len(row) == 4, (name, i)
        lid, content, eid, tpl = row
        assert lid == str(i), (name, i)
        assert content and content == content.strip(), (name, i)
        assert line.endswith(content), (name, i)
        m = hre.fullmatch(line[:len(line) - len(content)])
        assert m, (name, i, line)
        ts = m.group("ts")
        assert last_ts is None or ts >= last_ts, (name, i, ts, last_ts)
        last_ts = ts
        assert re.fullmatch(r"E\d+", eid), (name, i, eid)
        assert tpl_of.setdefault(eid, tpl) == tpl, (name, eid)
        counts[eid] = counts.get(eid, 0) + 1
        mm = tpl_regex(tpl).match(content)
        assert mm, (name, i, tpl, content)
        for j, g in enumerate(mm.groups()):
            slot_vals.setdefault((eid, j), set()).add(g)
    declared = {"E%d" % (i + 1): t for i, t in enumerate(templates)}
    assert tpl_of == declared, (name, "declared events vs used events differ")
    assert len(set(tpl_of.values())) == len(tpl_of), (name, "duplicate templates")
    for eid, tpl in tpl_of.items():
        for j in range(tpl.count("<*>")):
            assert len(slot_vals.get((eid, j), ())) >= 2, (name, eid, j, slot_vals.get((eid, j)))
    cs = sorted(counts.values())
    assert 12 <= len(cs) <= 15, (name, len(cs))
    assert min(cs) >= 3, (name, counts)
    assert sum(1 for v in cs if 3 <= v <= 10) >= 3, (name, counts)
    med = statistics.median(cs)
    assert max(cs) >= 3 * med, (name, max(cs), med)
    return counts, med


def main():
    ok = True
    built = []
    for s in SYSTEMS:
        rows, templates = build(s)
        write(s, rows)
        built.append((s, templates))
    for s, templates in built:
        try:
            counts, med = check(s, templates)
        except AssertionError as e:
            ok = False
            print("%-18s FAIL %r" % (s["name"], e))
            continue
        order = sorted(counts, key=lambda e: int(e[1:]))
        print("%-18s %-10s lines=%d events=%d min=%d median=%s max=%d  %s" % (
            s["name"], s["kind"], N_LINES, len(counts), min(counts.values()), med,
            max(counts.values()), " ".join("%s:%d" % (e, counts[e]) for e in order)))
    print("self-check:", "PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
