#!/usr/bin/env python3
"""Generate the "Sealed 17" labelled log corpus and self-check it.

Deterministic: fixed seed, integer nanosecond clock on 2026-12-17, no locale
or wall-clock dependence, Python 3 standard library only.

Systems (300 lines each):
  Jetty, TrafficServer, Frigate, NSD  -- seeded shuffles stamped by a forward-only clock
  Icecast, Radicale                   -- simulations (interleaved entity lives), cut to
                                         the first 300 lines in time order
"""
import csv
import heapq
import itertools
import os
import re
import statistics

import random

SEED = 20261224
HERE = os.path.dirname(os.path.abspath(__file__))
DATE = "2026-12-17"
NS = 10 ** 9
MS = 10 ** 6
DAY_NS = 86400 * NS
N_LINES = 300


# ----------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------

def hms(t):
    s = t // NS
    assert 0 <= s < 86400, t
    return "%02d:%02d:%02d" % (s // 3600, s // 60 % 60, s % 60)


def msec(t):
    return "%03d" % (t // MS % 1000)


def nsec(t):
    return "%09d" % (t % NS)


def at(h, m=0, s=0):
    return ((h * 60 + m) * 60 + s) * NS


class Cyc:
    """Cycling pools: each key walks its pool from a seeded random start."""

    def __init__(self, rng):
        self.rng = rng
        self.pos = {}

    def __call__(self, key, pool):
        if key not in self.pos:
            self.pos[key] = self.rng.randrange(len(pool))
        i = self.pos[key]
        self.pos[key] = i + 1
        return pool[i % len(pool)]


def fill(tpl, vals):
    parts = tpl.split("<*>")
    assert len(parts) == len(vals) + 1, (tpl, vals)
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        assert v and v == v.strip() and "\n" not in v and "<*>" not in v, (tpl, v)
        out.append(v)
        out.append(p)
    content = "".join(out)
    assert content == content.strip(), content
    return content


def hexid(rng):
    return "%x" % rng.randrange(0x10000000, 0x7FFFFFFF)


def uuidish(rng):
    h = "%032x" % rng.getrandbits(128)
    h = h[:12] + "4" + h[13:16] + "89ab"[rng.randrange(4)] + h[17:]
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


class Corpus:
    """Collects lines of one system: (t_ns, header, template, content)."""

    def __init__(self, name, templates):
        self.name = name
        self.templates = list(templates)
        assert len(set(self.templates)) == len(self.templates), name
        self.eid = {tpl: "E%d" % (i + 1) for i, tpl in enumerate(self.templates)}
        self.lines = []

    def add(self, t, header, tpl, vals):
        assert tpl in self.eid, (self.name, tpl)
        self.lines.append((t, header, tpl, fill(tpl, vals)))


def shuffle_system(rng, name, specs, header_fn, start, gap_lo, gap_hi):
    """specs: list of (template, count, gen); gen() -> (header-dict, values)."""
    corpus = Corpus(name, [s[0] for s in specs])
    order = []
    for k, (_, count, _) in enumerate(specs):
        order.extend([k] * count)
    assert len(order) == N_LINES, (name, len(order))
    rng.shuffle(order)
    t = start
    for k in order:
        t += rng.randint(gap_lo, gap_hi)
        tpl, _, gen = specs[k]
        hdr, vals = gen()
        corpus.add(t, header_fn(t, hdr), tpl, vals)
    return corpus


# shared pools ---------------------------------------------------------------

PUBLIC_IPS = ["203.0.113.14", "198.51.100.77", "203.0.113.201", "192.0.2.45",
              "198.51.100.3", "203.0.113.88", "192.0.2.190", "198.51.100.162"]
LAN_IPS = ["10.20.0.31", "10.20.0.57", "192.168.1.23", "192.168.1.114",
           "10.20.3.9", "172.16.4.22"]


# ----------------------------------------------------------------------------
# Jetty 12 (shuffle)
# header: yyyy-MM-dd HH:mm:ss.SSS:LEVEL:condensed.Logger:thread: message
# level rendered 5 wide: "INFO ", "WARN ", "ERROR"
# ----------------------------------------------------------------------------

def build_jetty(rng):
    C = Cyc(rng)
    QTP = "1356280423"
    lvl5 = {"INFO": "INFO ", "WARN": "WARN ", "ERROR": "ERROR", "DEBUG": "DEBUG"}

    def header(t, h):
        return "%s %s.%s:%s:%s:%s: " % (DATE, hms(t), msec(t), lvl5[h["level"]], h["logger"], h["thread"])

    def qt():
        return "qtp%s-%d" % (QTP, rng.randint(17, 71))

    def H(level, logger, thread=None):
        return dict(level=level, logger=logger, thread=thread or qt())

    def client():
        return "%s:%d" % (rng.choice(PUBLIC_IPS), rng.randint(32768, 60999))

    methods = ["GET", "POST", "GET", "PUT", "DELETE", "GET", "PATCH", "HEAD"]
    uris = ["/", "/api/v2/orders/88213", "/api/v2/orders?status=open&page=3",
            "/static/js/app.9f3c1e.js", "/login;jsessionid=node0x1k3p9w2q7",
            "/reports/export.csv", "/ws/notifications", "/admin/users/4417/roles",
            "/search?q=red%20shoes&sort=price,asc", "/api/v2/cart/items/12"]
    reasons = [
        "Broken pipe",
        "java.io.IOException: Connection reset by peer",
        "org.eclipse.jetty.io.EofException: Early EOF",
        "java.util.concurrent.TimeoutException: Idle timeout expired: 30000/30000 ms",
        "jakarta.servlet.ServletException: Request processing failed: java.lang.IllegalStateException: "
        "Cannot call sendError() after the response has been committed",
        "java.lang.IllegalArgumentException: Invalid character found in parameter \"q\" (value=\"a=b, c\")",
        "org.eclipse.jetty.http.BadMessageException: 400: Unable to parse form content",
        "java.lang.NullPointerException: Cannot invoke \"com.example.shop.Cart.items()\" because \"cart\" is null",
        "Connection closed",
    ]
    tls_errors = [
        "javax.net.ssl.SSLHandshakeException: no cipher suites in common",
        "Received fatal alert: certificate_unknown",
        "javax.net.ssl.SSLException: Unsupported or unrecognized SSL message",
        "javax.net.ssl.SSLHandshakeException: Empty client certificate chain",
        "Connection reset",
        "javax.net.ssl.SSLHandshakeException: The client supported protocol versions [TLSv1, TLSv1.1] "
        "are not accepted by server preferences [TLS13, TLS12]",
    ]
    contexts = [("ROOT", "/", "ROOT_war", "/var/lib/jetty/webapps/ROOT.war"),
                ("shop", "/shop", "shop_war", "/var/lib/jetty/webapps/shop.war"),
                ("admin-console", "/admin", "admin-console_war", "/var/lib/jetty/webapps/admin-console.war"),
                ("reports", "/reports", "reports_war", "/var/lib/jetty/webapps/reports.war")]

    def ctx_vals(key):
        name, path, war, src = C(key, contexts)
        base = "file:///tmp/jetty-0_0_0_0-8080-%s-_-any-%d/webapp/" % (war, rng.randint(10 ** 17, 10 ** 18))
        return [hexid(rng), name, path, base, hexid(rng), src]

    connectors = [("HTTP/1.1", "http/1.1", "0.0.0.0:8080"),
                  ("SSL", "ssl, alpn, h2, http/1.1", "0.0.0.0:8443"),
                  ("h2c", "h2c, http/1.1", "0.0.0.0:8081"),
                  ("PROXY", "proxy, http/1.1", "127.0.0.1:8009")]
    versions = [("12.0.15", "2024-11-05T19:44:57.623Z", "8f2d4e1c0b7a93561fe2d8c04b9a7e3d51c6f0a2"),
                ("12.0.16", "2024-12-18T21:07:31.980Z", "c31a5b07e9d2468f0a1b3c5d7e9f1a2b4c6d8e0f")]
    jvms = ["21.0.5+11-LTS", "17.0.13+11", "21.0.5+11-Ubuntu-1ubuntu124.04"]
    servlets = [("ReportServlet", "/reports", "java.lang.ClassNotFoundException: com.example.reports.PdfRenderer"),
                ("jsp", "/admin", "Missing init parameter: compilerTargetVM"),
                ("CartApi", "/shop",
                 "jakarta.servlet.UnavailableException: datasource 'jdbc/shop' not bound (check jetty-env.xml, line 14)"),
                ("default", "/", "Resource base file:///var/lib/jetty/webapps/ROOT/ does not exist")]

    def endpoint():
        return "SocketChannelEndPoint@%s{l=/10.20.0.4:8443,r=/%s,OPEN,fill=FI,flush=-,to=%d/30000}" % (
            hexid(rng), client(), rng.randint(30000, 30017))

    def qtp_vals():
        t = rng.randint(180, 200)
        return [str(rng.choice([1356280423, 917142466])), hexid(rng), str(t), str(rng.randint(0, 3)),
                str(rng.randint(0, 2)), str(rng.randint(190, 200)), str(rng.randint(12, 480)), hexid(rng),
                str(rng.choice([8, 16, 12])), str(rng.randint(0, 4)),
                "oejs.HttpConnection$$Lambda/0x00007f%x@%s" % (rng.randrange(0x10000000, 0xffffffff), hexid(rng))]

    def v2():
        return C("ver", versions)

    specs = [
        ("Failed to handle <*> <*>: <*>", 88,
         lambda: (H("WARN", "oejes.ServletChannel"), [C("1m", methods), C("1u", uris), C("1r", reasons)])),
        ("Failed to handle <*> <*> from <*>: <*>", 52,
         lambda: (H("WARN", "oejes.ServletChannel"), [C("2m", methods), C("2u", uris), client(), C("2r", reasons)])),
        ("Illegal character <*> in state=<*> for buffer HeapByteBuffer@<*>[p=<*>,l=<*>,c=8192,r=<*>]", 30,
         lambda: (lambda p, l: (H("WARN", "oejh.HttpParser"),
                                [C("3c", ["0x16", "0x3", "0x0", "0xff", "0x1b"]),
                                 C("3s", ["START", "METHOD", "SPACE1", "URI", "HEADER"]),
                                 hexid(rng), str(p), str(l), str(l - p)]))(rng.randint(0, 40), rng.randint(41, 517))),
        ("TLS handshake with <*> failed: <*>", 28,
         lambda: (H("WARN", "oejis.SslConnection"), ["/" + client(), C("4e", tls_errors)])),
        ("<*> closed: idle timeout expired <*>/30000 ms", 24,
         lambda: (H("WARN", "oeji.IdleTimeout", "Connector-Scheduler-%s-1" % rng.choice(["5c0d3a7e", "1b8e6f42"])),
                  [endpoint(), str(rng.randint(30000, 30042))])),
        ("Started oeje10w.WebAppContext@<*>{<*>,<*>,b=<*>,a=AVAILABLE,h=oeje10s.SessionHandler@<*>{STARTED}}{<*>}", 14,
         lambda: (H("INFO", "oejsh.ContextHandler", rng.choice(["main", "Scanner-0"])), ctx_vals("6"))),
        ("Stopped oeje10w.WebAppContext@<*>{<*>,<*>,b=<*>,a=UNAVAILABLE,h=oeje10s.SessionHandler@<*>{STOPPED}}{<*>}", 10,
         lambda: (H("INFO", "oejsh.ContextHandler", rng.choice(["JettyShutdownThread", "Scanner-0"])), ctx_vals("7"))),
        ("Started oejs.ServerConnector@<*>{<*>, (<*>)}{<*>}", 9,
         lambda: (lambda c: (H("INFO", "oejs.AbstractConnector", "main"), [hexid(rng), c[0], c[1], c[2]]))(C("8", connectors))),
        ("Started oejs.Server@<*>{STARTING}[<*>,sto=<*>] @<*>ms", 8,
         lambda: (H("INFO", "oejs.Server", "main"),
                  [hexid(rng), v2()[0], C("9s", ["5000", "0", "10000"]), str(rng.randint(640, 4200))])),
        ("jetty-<*>; built: <*>; git: <*>; jvm <*>", 8,
         lambda: (lambda v: (H("INFO", "oejs.Server", "main"), [v[0], v[1], v[2], C("10j", jvms)]))(v2())),
        ("QueuedThreadPool[qtp<*>]@<*>{STARTED,8<=<*><=200,i=<*>,r=<*>,t=<*>,q=<*>}"
         "[ReservedThreadExecutor@<*>{capacity=<*>,threads=<*>}] rejected <*>", 7,
         lambda: (H("WARN", "oejut.QueuedThreadPool"), qtp_vals())),
        ("Deployment monitor <*> in [<*>] at intervals <*>s", 7,
         lambda: (H("INFO", "oejdp.ContextProvider", "main"),
                  [C("12e", ["ee10", "ee9", "ee8"]),
                   C("12d", ["file:///var/lib/jetty/webapps/", "file:///opt/jetty-base/webapps-ee9/"]),
                   C("12i", ["0", "1", "5"])])),
        ("KeyStore password is stored in clear text; consider obfuscating it with the jetty-util Password tool", 6,
         lambda: (H("WARN", "oejus.SslContextFactory", "main"), [])),
        ("Unable to initialize servlet <*> in context <*>: <*>", 9,
         lambda: (lambda s: (H("ERROR", "oejes.ServletHandler", rng.choice(["main", "Scanner-0"])), list(s)))(C("14", servlets))),
    ]
    return shuffle_system(rng, "Jetty", specs, header, at(6, 2, 11) + 417 * MS, 20 * NS, 210 * NS)


# ----------------------------------------------------------------------------
# Apache Traffic Server diags.log (shuffle)
# header: [Mon DD HH:MM:SS.mmm] <who> LEVEL:   who = traffic_server | [THREAD N]
# ----------------------------------------------------------------------------

def build_trafficserver(rng):
    C = Cyc(rng)

    def header(t, h):
        return "[Dec 17 %s.%s] %s %s: " % (hms(t), msec(t), h["who"], h["level"])

    def net():
        return "[ET_NET %d]" % rng.randint(0, 7)

    origins = ["10.40.1.11:80", "10.40.1.12:8080", "10.40.2.30:443", "172.20.9.4:80", "[2001:db8:40::21]:443"]
    urls = ["http://origin-a.internal/assets/img/hero.webp",
            "https://api.example.net/v1/items?id=5521&fields=name,price",
            "http://video.example.com/vod/ep12/seg-00041.ts",
            "https://www.example.org/",
            "http://origin-b.internal/feeds/latest.json?since=2026-12-17T06:00:00Z"]
    failures = [("-110", "connection timed out"), ("-111", "connection refused"),
                ("-113", "no route to host"), ("-104", "connection reset by peer")]
    snis = ["www.example.org", "api.example.net", "cdn.example.com", "legacy.example.net", "static.example.org"]
    ssl_errs = ["unexpected EOF",
                "error:0A000086:SSL routines::certificate verify failed",
                "error:0A00010B:SSL routines::wrong version number (peer sent \"HTTP/1.1 400 Bad Request\")",
                "error:0A000412:SSL routines::sslv3 alert bad certificate",
                "handshake timed out after 10s"]
    h2 = [("GOAWAY received", "0x0"), ("stream limit exceeded", "0x7"),
          ("too many RST_STREAM frames (rate 212/s, limit 200/s)", "0xb"),
          ("protocol error: invalid HEADERS frame on stream 7", "0x1"), ("flow control window overflow", "0x3")]
    configs = ["remap.config", "ip_allow.yaml", "sni.yaml", "parent.config", "ssl_multicert.config",
               "/etc/trafficserver/logging.yaml", "strategies.yaml"]
    builds = [("10.0.2", "121908", "Dec  9 2026", "14:02:11"), ("9.2.6", "87115", "Nov 29 2026", "08:47:55")]
    plugins = ["/opt/ts/libexec/trafficserver/header_rewrite.so", "/opt/ts/libexec/trafficserver/cachekey.so",
               "/opt/ts/libexec/trafficserver/xdebug.so", "/opt/ts/libexec/trafficserver/stats_over_http.so",
               "/opt/ts/libexec/trafficserver/regex_remap.so"]
    plugin_errs = [("/opt/ts/libexec/trafficserver/geo_acl.so",
                    "/opt/ts/libexec/trafficserver/geo_acl.so: cannot open shared object file: No such file or directory"),
                   ("/usr/local/lib/ts/edge_auth.so", "TSPluginInit failed"),
                   ("/opt/ts/libexec/trafficserver/compress.so",
                    "undefined symbol: TSHttpTxnServerAddrSet (built against 9.2?)")]
    spans = [("/dev/sdb", "480103981056", "2"), ("/dev/sdc", "960197124096", "4"), ("/dev/nvme1n1", "1920383410176", "8")]
    hosts = ["origin-a.internal", "origin-b.internal", "api.example.net", "auth.example.com", "img.example.org"]
    dns_errs = ["NXDOMAIN", "SERVFAIL from 10.40.0.2", "timeout (no response from any of 2 nameservers)", "REFUSED"]

    def H(level, who):
        return dict(level=level, who=who)

    specs = [
        ("CONNECT: origin <*> unreachable for '<*>' attempt=<*>/3 result=<*> elapsed=<*>ms error=<*>", 110,
         lambda: (lambda f: (H("WARNING", net()),
                             [C("1o", origins), C("1u", urls), str(rng.randint(1, 3)), f[0],
                              str(rng.randint(3, 30000)), f[1]]))(C("1f", failures))),
        ("SSL handshake with <*> failed for SNI '<*>': <*>", 60,
         lambda: (H("ERROR", net()), ["%s:%d" % (rng.choice(PUBLIC_IPS), rng.randint(1024, 65000)),
                                      C("2s", snis), C("2e", ssl_errs)])),
        ("HTTP/2 session [<*>] closed by peer: <*> (error_code=<*>)", 36,
         lambda: (lambda e: (H("WARNING", net()), [str(rng.randint(1000, 99999)), e[0], e[1]]))(C("3", h2))),
        ("<*> finished loading", 18,
         lambda: (H("NOTE", rng.choice(["[ET_TASK 0]", "[TS_MAIN]"])), [C("4", configs)])),
        ("--- traffic_server Starting ---", 5, lambda: (H("NOTE", "traffic_server"), [])),
        ("Apache Traffic Server <*> (build #<*> on <*> at <*>)", 5,
         lambda: (H("NOTE", "traffic_server"), list(C("6", builds)))),
        ("traffic server running", 5, lambda: (H("NOTE", "[TS_MAIN]"), [])),
        ("loading plugin '<*>'", 16, lambda: (H("NOTE", "[TS_MAIN]"), [C("8", plugins)])),
        ("unable to load plugin '<*>': <*>", 4, lambda: (H("ERROR", "[TS_MAIN]"), list(C("9", plugin_errs)))),
        ("Enabling cache span <*> (<*> bytes, <*> volumes)", 6,
         lambda: (H("NOTE", "[ET_TASK %d]" % rng.randint(0, 1)), list(C("10", spans)))),
        ("Disabling cache span <*> (<*> bytes, <*> volumes)", 5,
         lambda: (H("WARNING", "[ET_TASK %d]" % rng.randint(0, 1)), list(C("11", spans)))),
        ("DNS lookup for '<*>' failed after <*> retries: <*>", 12,
         lambda: (H("ERROR", net()), [C("12h", hosts), str(rng.randint(1, 5)), C("12e", dns_errs)])),
        ("log space is low: <*> MB used of <*> MB, rolling <*>", 6,
         lambda: (lambda tot: (H("WARNING", "[LOG_FLUSH]"),
                               [str(tot - rng.randint(40, 400)), str(tot),
                                C("13", ["/var/log/trafficserver/squid.log", "/var/log/trafficserver/error.log",
                                         "/var/log/trafficserver/diags.log"])]))(rng.choice([25000, 10000, 51200]))),
        ("origin <*> marked down after <*> failures, retry in <*>", 12,
         lambda: (H("NOTE", net()), [C("14o", origins), str(rng.randint(3, 12)),
                                     C("14r", ["30s", "2m", "300s", "1m30s"])])),
    ]
    return shuffle_system(rng, "TrafficServer", specs, header, at(5, 31, 2) + 88 * MS, 15 * NS, 240 * NS)


# ----------------------------------------------------------------------------
# Frigate NVR container log (shuffle), three header shapes after the s6 stamp
#   python:  [YYYY-MM-DD HH:MM:SS] logger(-30) LEVEL(-8): msg
#   s6:      [LEVEL] msg
#   go2rtc:  HH:MM:SS.mmm LVL msg
# ----------------------------------------------------------------------------

def build_frigate(rng):
    C = Cyc(rng)

    def header(t, h):
        stamp = "%s %s.%s  " % (DATE, hms(t), nsec(t))
        inner = max(0, t - rng.randint(40_000, 2_500_000))
        if h["shape"] == "py":
            return stamp + "[%s %s] %-30s %-8s: " % (DATE, hms(inner), h["logger"], h["level"])
        if h["shape"] == "s6":
            return stamp + "[%s] " % h["level"]
        return stamp + "%s.%s %s " % (hms(inner), msec(inner), h["level"])

    def py(logger, level):
        return dict(shape="py", logger=logger, level=level)

    cams = ["front_door", "driveway", "backyard", "garage_side", "porch"]
    ff_msgs = [("rtsp", "method DESCRIBE failed: 401 Unauthorized"),
               ("rtsp", "Connection timed out"),
               ("h264", "error while decoding MB 45 23, bytestream -7"),
               ("hevc", "Could not find ref with POC 12"),
               ("rtsp", "RTP: missed 38 packets"),
               ("segment", "Failed to open segment '/tmp/cache/driveway@20261217101530+0000.mp4': No space left on device"),
               ("tcp", "Port missing in uri"),
               ("h264", "cabac decode of qscale diff failed at 12 30")]
    brokers = ["mqtt.lan:1883", "192.168.1.5:1883", "mosquitto:1883"]
    streams = ["front_door", "driveway_sub", "backyard", "porch_hd"]
    srcs = ["rtsp://admin:***@192.168.1.20:554/cam/realmonitor?channel=1&subtype=0",
            "rtsp://192.168.1.31:554/h264Preview_01_main",
            "rtsp://viewer:***@192.168.1.42:8554/live/ch1"]
    dial_errs = ["dial tcp 192.168.1.20:554: i/o timeout",
                 "EOF",
                 "wrong response on DESCRIBE: 401 Unauthorized",
                 "read tcp 172.18.0.2:48612->192.168.1.31:554: read: connection reset by peer"]

    def cam():
        return C("cam", cams)

    def ff():
        c = cam()
        proto, msg = C("3m", ff_msgs)
        return (py("ffmpeg.%s.%s" % (c, rng.choice(["detect", "record"])), "ERROR"),
                [proto, "0x%012x" % rng.randrange(0x550000000000, 0x56ffffffffff), msg])

    def wd():
        c = C("4c", cams)
        return (py("watchdog." + c, "ERROR"), [c, C("4x", ["1", "255", "-9", "69"])])

    def lag():
        fps = C("15f", [5.0, 10.0, 15.0])
        return (py("frigate.stats.emitter", "WARNING"),
                [C("15c", cams), "%.1f" % fps, "%.1f" % (fps * rng.uniform(0.2, 0.6)),
                 "%.1f" % (fps * rng.uniform(0.3, 0.8)), "%.1f" % rng.uniform(0.0, 4.0),
                 str(rng.randint(300, 900)), str(rng.randint(300, 900))])

    specs = [
        ("Recording segments are piling up in cache for <*>: keeping the newest <*> of <*> segments and dropping the rest",
         100, lambda: (lambda k: (py("frigate.record.maintainer", "WARNING"),
                                  [cam(), str(k), str(k + rng.randint(1, 9))]))(rng.choice([5, 6, 7]))),
        ("<*>: no frames received from ffmpeg for <*> seconds.", 45,
         lambda: (py("frigate.video", "ERROR"), [cam(), str(rng.choice([10, 20, 30, 60]))])),
        ("[<*> @ <*>] <*>", 40, ff),
        ("ffmpeg for <*> exited unexpectedly with code <*>, restarting", 20, wd),
        ("Lost connection to MQTT broker <*>, retrying in <*> seconds", 12,
         lambda: (py("frigate.comms.mqtt", "WARNING"), [C("5b", brokers), C("5r", ["5", "10", "30"])])),
        ("Lost connection to MQTT broker <*> (rc=<*>), retrying in <*> seconds", 8,
         lambda: (py("frigate.comms.mqtt", "WARNING"), [C("6b", brokers), C("6c", ["5", "7", "16"]),
                                                        C("6r", ["5", "10", "30"])])),
        ("Starting Frigate (<*>)", 4,
         lambda: (py("frigate.app", "INFO"), [C("7", ["0.14.1-3b9d2e7", "0.15.0-8a41c06"])])),
        ("Capture process for <*> started with pid <*>", 12,
         lambda: (py("frigate.app", "INFO"), [C("8", cams), str(rng.randint(300, 990))])),
        ("Detection process for <*> started with pid <*>", 10,
         lambda: (py("frigate.app", "INFO"), [C("9", cams), str(rng.randint(300, 990))])),
        ("Starting <*>...", 9,
         lambda: (dict(shape="s6", level="INFO"), [C("10", ["NGINX", "go2rtc", "Frigate", "certsync"])])),
        ("Service <*> exited with code <*> (signal <*>)", 5,
         lambda: (dict(shape="s6", level="INFO"),
                  [C("11s", ["NGINX", "go2rtc", "Frigate"]), C("11c", ["0", "1", "256"]), C("11g", ["0", "15", "9"])])),
        ("[streams] producer dial failed url=<*> error=\"<*>\"", 14,
         lambda: (dict(shape="go", level="WRN"), [C("12u", srcs), C("12e", dial_errs)])),
        ("[webrtc] new peer from <*> for stream=<*> codecs=<*>", 7,
         lambda: (dict(shape="go", level="INF"),
                  ["%s:%d" % (rng.choice(LAN_IPS), rng.randint(40000, 60999)), C("13s", streams),
                   C("13c", ["H264,OPUS", "H265", "H264,PCMA"])])),
        ("Object detection process appears hung, restarting it", 5,
         lambda: (py("frigate.watchdog", "ERROR"), [])),
        ("Camera <*> is lagging: camera_fps=<*> process_fps=<*> skipped_fps=<*> detection_fps=<*> pid=<*> ffmpeg_pid=<*>",
         9, lag),
    ]
    return shuffle_system(rng, "Frigate", specs, header, at(8, 14, 40) + 123456789, 5 * NS, 180 * NS)


# ----------------------------------------------------------------------------
# NSD (shuffle); logfile shape with log-time-ascii:
#   [YYYY-MM-DD HH:MM:SS.mmm] nsd[pid]: level: message
# ----------------------------------------------------------------------------

def build_nsd(rng):
    C = Cyc(rng)

    def header(t, h):
        return "[%s %s.%s] nsd[%d]: %s: " % (DATE, hms(t), msec(t), h["pid"], h["level"])

    MAIN = [812, 4471]
    XFRD = [815, 4474]
    SERVERS = [816, 817, 4475, 4476, 5102]
    zones = ["example.com.", "example.net.", "example.org.", "mail.example.com.", "2.0.192.in-addr.arpa.",
             "corp.example.net.", "8.b.d.0.1.0.0.2.ip6.arpa.", "shop.example.org."]
    primaries = ["192.0.2.53", "198.51.100.53", "2001:db8::53", "203.0.113.10"]
    keys = ["xfr-key.", "transfer-2026.", "hidden-primary.", "tsig.example.com."]
    serial = [2026121700]

    def ser():
        serial[0] += rng.randint(1, 3)
        return str(serial[0])

    def H(pids, level):
        return dict(pid=rng.choice(pids), level=level)

    contact_errs = ["Connection refused", "connect timeout after 10 seconds (will retry)",
                    "bad TSIG signature: \"BADSIG\" from key 'xfr-key.'",
                    "received RCODE NOTAUTH, zone not served there: check primary's config",
                    "Network is unreachable"]
    zonefile_errs = [("/etc/nsd/zones/example.net.zone", "No such file or directory"),
                     ("/var/lib/nsd/corp.example.net.zone", "Permission denied"),
                     ("/etc/nsd/zones/shop.example.org.zone", "syntax error at line 41: expected TTL or class, got 'IN A'")]

    specs = [
        ("xfrd: zone <*> received update to serial <*> from <*> (<*> parts, <*> bytes, TSIG <*>)", 110,
         lambda: (H(XFRD, "info"), [C("1z", zones), ser(), C("1p", primaries), str(rng.randint(1, 4)),
                                    str(rng.randint(312, 48210)), C("1k", keys)])),
        ("notify for <*> from <*> serial <*>", 64,
         lambda: (H(SERVERS, "info"), [C("2z", zones), C("2p", primaries), ser()])),
        ("notify for <*> from <*>", 30,
         lambda: (H(SERVERS, "info"), [C("3z", zones), C("3p", primaries)])),
        ("<*>: refused <*> from <*>, no acl matches", 18,
         lambda: (H(SERVERS, "info"), [C("4z", zones), C("4q", ["axfr", "ixfr", "notify"]),
                                       rng.choice(PUBLIC_IPS)])),
        ("zone <*> now serving serial <*>.", 20,
         lambda: (H(SERVERS, "info"), [C("5z", zones), ser()])),
        ("xfrd: zone <*>: could not contact <*>: <*>", 12,
         lambda: (H(XFRD, "error"), [C("6z", zones), C("6p", primaries), C("6e", contact_errs)])),
        ("zone <*> has expired after <*> without a successful refresh", 6,
         lambda: (H(XFRD, "warning"), [C("7z", zones), C("7d", ["7 days", "36 hours", "2419200 seconds", "1w"])])),
        ("nsd starting (NSD <*>)", 4, lambda: (H(MAIN, "notice"), [C("8", ["4.10.1", "4.11.0"])])),
        ("nsd started (NSD <*>), pid <*>", 4,
         lambda: (lambda p: (dict(pid=p, level="notice"), [C("9", ["4.10.1", "4.11.0"]), str(p)]))(rng.choice(MAIN))),
        ("shutdown signal received, stopping servers and xfrd", 4, lambda: (H(MAIN, "notice"), [])),
        ("ratelimit block <*> type <*> target <*> query <*> <*> at <*> qps", 15,
         lambda: (H(SERVERS, "warning"),
                  [C("11z", zones), C("11t", ["any", "nxdomain", "positive", "referral"]),
                   C("11n", ["198.51.100.0/24", "203.0.113.0/24", "2001:db8:77::/56"]),
                   rng.choice(PUBLIC_IPS), C("11q", ["TYPE255", "A", "TXT", "DNSKEY"]), str(rng.randint(201, 4800))])),
        ("could not open zone file <*>: <*>", 5,
         lambda: (H(MAIN, "error"), list(C("12", zonefile_errs)))),
        ("zonefile <*> written to disk: <*> records, <*> bytes in <*> ms", 8,
         lambda: (H(XFRD, "info"), ["/var/lib/nsd/" + C("13", zones) + "zone", str(rng.randint(9, 5200)),
                                    str(rng.randint(800, 410000)), str(rng.randint(1, 180))])),
    ]
    return shuffle_system(rng, "NSD", specs, header, at(4, 50, 9) + 5 * MS, 10 * NS, 250 * NS)


# ----------------------------------------------------------------------------
# Icecast 2 error.log (simulation): sources on mounts, listeners joining and
# leaving, metadata updates, fallbacks; header [YYYY-MM-DD  HH:MM:SS] LEVL module/function
# ----------------------------------------------------------------------------

IC_T = {
    "thread": "<*> thread started",
    "src_in": "Source connected to mountpoint \"<*>\" from <*>",
    "src_rej": "Source login rejected for \"<*>\" from <*>: <*>",
    "cli_ua": "Client <*> connected to <*> from <*> using \"<*>\"",
    "cli": "Client <*> connected to <*> from <*>",
    "count": "listener count on <*> now <*>",
    "left": "Client <*> from <*> left <*> after <*> seconds: <*> bytes sent, <*> queue drops",
    "meta": "Metadata on mountpoint <*> changed to \"<*>\"",
    "disc": "Disconnecting source on <*>: <*>",
    "move": "passing <*> listeners to \"<*>\"",
    "src_out": "Source at \"<*>\" from <*> shutting down",
    "fserve": "request for file \"<*>\" failed: <*>",
    "yp": "YP directory <*> rejected update for <*>: <*>",
    "limit": "client limit reached, refusing new listener",
}
IC_ORDER = ["thread", "src_in", "cli_ua", "cli", "count", "left", "meta", "disc", "move", "src_out",
            "src_rej", "fserve", "yp", "limit"]


def build_icecast(rng):
    C = Cyc(rng)
    corpus = Corpus("Icecast", [IC_T[k] for k in IC_ORDER])

    def emit(t, level, where, key, vals):
        corpus.add(t, "[%s  %s] %s %s " % (DATE, hms(t), level, where), IC_T[key], vals)

    uas = ["VLC/3.0.20 LibVLC/3.0.20", "Lavf/60.16.100",
           "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
           "iTunes/12.13 (Macintosh; OS X 14.6)", "WinampMPEG/5.66", "foobar2000/2.1.6", "mpv 0.39.0",
           "StreamBox/1.2 (model \"SB-10\"; fw 3.4)", "Radio.Garden/2.8 (iPhone; iOS 18.1; Scale/3.00)"]
    titles = ["The Paper Lanterns - Harbour Lights",
              "Mira Okafor - \"Slow Tide\" (Live at Dockside)",
              "Station ID",
              "DJ Kessel: Late Mix [Part 2]",
              "Unknown - Track 07",
              "Aurelia & the Quiet - Blue, Again (Radio Edit)",
              "L\u00e9a Marchand - Nuit blanche",
              "News at the top of the hour",
              "Hollow Pines - Northbound (feat. J. Ramos) [2026 Remaster]"]
    disc_reasons = ["socket timeout after 10 seconds", "client closed connection",
                    "stream format changed mid-stream: expected Ogg page, got \"ID3\" tag",
                    "read error (104: Connection reset by peer)", "burst queue overflow"]
    rej_reasons = ["bad password", "mountpoint in use",
                   "content-type \"audio/x-wav\" not allowed: check <mount> limits",
                   "source limit reached (max 4)"]
    fserve = [("/usr/share/icecast2/web/favicon.ico", "No such file or directory"),
              ("/usr/share/icecast2/web/robots.txt", "No such file or directory"),
              ("/usr/share/icecast2/web/../admin/listclients.xsl", "path outside webroot (\"..\" in request)"),
              ("/usr/share/icecast2/web/status.json", "Permission denied")]
    yp_dirs = ["http://dir.xiph.org/cgi-bin/yp-cgi", "https://yp.example-radio.net/announce"]
    yp_reasons = ["Invalid listen URL", "Unknown SID", "server sent 502 (Bad Gateway): try again later",
                  "stream name too long: limit is 80 characters"]

    mounts = {
        "/autodj.mp3": dict(fallback=None, meta=True), "/autodj.ogg": dict(fallback=None, meta=False),
        "/live.mp3": dict(fallback="/autodj.mp3", meta=True), "/live.ogg": dict(fallback="/autodj.ogg", meta=False),
        "/talk.aac": dict(fallback="/autodj.mp3", meta=True), "/lofi.opus": dict(fallback=None, meta=False),
    }
    live_mounts = ["/live.mp3", "/live.ogg", "/talk.aac", "/lofi.opus"]
    source_ips = ["192.168.10.21", "192.168.10.35", "203.0.113.144", "198.51.100.201", "10.8.0.6"]
    active = {}     # mount -> dict(ip, sid, listeners:set)
    clients = {}    # cid -> dict(mount, ip, since)
    heap = []
    seq = itertools.count()
    next_cid = [11]

    def sched(t, kind, *args):
        heapq.heappush(heap, (t, next(seq), kind, args))

    t0 = at(7, 0, 0) + 214 * MS
    for i, (w, name) in enumerate([("stats/_stats_thread", "stats"), ("fserve/fserv_thread_function", "file serving"),
                                   ("yp/yp_update_thread", "YP update"), ("slave/_slave_thread", "relay")]):
        emit(t0 + i * 3 * MS, "INFO", w, "thread", [name])
    sched(t0 + 2 * NS + 117 * MS, "src_start", "/autodj.mp3", "127.0.0.1", None)
    sched(t0 + 3 * NS + 902 * MS, "src_start", "/autodj.ogg", "127.0.0.1", None)
    sched(t0 + 40 * NS, "live_try")
    sched(t0 + 25 * NS, "arrive")
    sched(t0 + rng.randint(200, 600) * NS, "fserve")
    sched(t0 + rng.randint(300, 900) * NS, "yp")

    def drop_listeners(t, mount, st):
        fb = mounts[mount]["fallback"]
        if st["listeners"] and fb and fb in active:
            n = len(st["listeners"])
            emit(t, "INFO", "source/source_move_clients", "move", [str(n), fb])
            for cid in st["listeners"]:
                clients[cid]["mount"] = fb
                active[fb]["listeners"].add(cid)
            emit(t, "INFO", "source/source_main", "count", [fb, str(len(active[fb]["listeners"]))])
        else:
            for cid in sorted(st["listeners"]):
                leave(t, cid)

    def leave(t, cid):
        c = clients.pop(cid)
        dur = max(1, (t - c["since"]) // NS)
        emit(t, "INFO", "client/client_destroy", "left",
             [str(cid), c["ip"], c["mount"], str(dur), str(dur * rng.choice([16000, 24000, 40000]) + rng.randint(0, 9999)),
              str(rng.choice([0, 0, 0, 1, 2, 5]))])
        st = active.get(c["mount"])
        if st is not None:
            st["listeners"].discard(cid)
            emit(t, "INFO", "source/source_main", "count", [c["mount"], str(len(st["listeners"]))])

    n_lines_target = N_LINES + 60
    while heap and len(corpus.lines) < n_lines_target:
        t, _, kind, args = heapq.heappop(heap)
        if kind == "src_start":
            mount, ip, dur = args
            active[mount] = dict(ip=ip, listeners=set(), since=t)
            emit(t, "INFO", "connection/_handle_source_request", "src_in", [mount, ip])
            if mounts[mount]["meta"]:
                sched(t + rng.randint(20, 200) * NS, "meta", mount, t)
            if dur is not None:
                sched(t + dur, "src_end", mount, t, rng.random() < 0.5)
        elif kind == "src_end":
            mount, since, broken = args
            st = active.get(mount)
            if st is None or st["since"] != since:
                continue
            if broken:
                emit(t, "WARN", "source/get_next_buffer", "disc", [mount, C("disc", disc_reasons)])
            del active[mount]
            drop_listeners(t, mount, st)
            emit(t, "INFO", "source/source_shutdown", "src_out", [mount, st["ip"]])
        elif kind == "live_try":
            free = [m for m in live_mounts if m not in active]
            if free:
                mount = rng.choice(free)
                ip = rng.choice(source_ips)
                if rng.random() < 0.3:
                    emit(t, "EROR", "connection/connection_check_pass", "src_rej", [mount, ip, C("rej", rej_reasons)])
                else:
                    sched(t + rng.randint(1, 400) * MS, "src_start", mount, ip, rng.randint(300, 900) * NS)
            sched(t + rng.randint(150, 420) * NS, "live_try")
        elif kind == "meta":
            mount, since = args
            st = active.get(mount)
            if st is None or st["since"] != since:
                continue
            emit(t, "INFO", "admin/command_metadata", "meta", [mount, C("title", titles)])
            sched(t + rng.randint(150, 420) * NS, "meta", mount, since)
        elif kind == "arrive":
            sched(t + int(rng.expovariate(1 / 80.0) * NS) + 1 * NS, "arrive")
            if rng.random() < 0.035:
                emit(t, "WARN", "connection/_handle_get_request", "limit", [])
                continue
            candidates = sorted(active)
            weights = [4 if m.startswith("/live") or m == "/talk.aac" else 1 for m in candidates]
            mount = rng.choices(candidates, weights)[0]
            cid = next_cid[0]
            next_cid[0] += rng.randint(1, 4)
            ip = rng.choice(PUBLIC_IPS + LAN_IPS[:2])
            clients[cid] = dict(mount=mount, ip=ip, since=t)
            active[mount]["listeners"].add(cid)
            if rng.random() < 0.15:
                emit(t, "INFO", "connection/_handle_get_request", "cli", [str(cid), mount, ip])
            else:
                emit(t, "INFO", "connection/_handle_get_request", "cli_ua", [str(cid), mount, ip, C("ua", uas)])
            emit(t, "INFO", "source/source_main", "count", [mount, str(len(active[mount]["listeners"]))])
            sched(t + int(rng.expovariate(1 / 900.0) * NS) + 3 * NS, "leave", cid)
        elif kind == "leave":
            cid, = args
            if cid in clients:
                leave(t, cid)
        elif kind == "fserve":
            emit(t, "WARN", "fserve/fserve_client_create", "fserve", list(C("fs", fserve)))
            sched(t + rng.randint(300, 1100) * NS, "fserve")
        elif kind == "yp":
            listed = [m for m in ["/autodj.mp3", "/live.mp3", "/talk.aac"] if m in active]
            if listed:
                emit(t, "WARN", "yp/do_yp_touch", "yp", [C("ypd", yp_dirs), rng.choice(listed), C("ypr", yp_reasons)])
            sched(t + rng.randint(400, 1300) * NS, "yp")
    corpus.lines = corpus.lines[:N_LINES]
    return corpus


# ----------------------------------------------------------------------------
# Radicale 3 (simulation): CalDAV/CardDAV requests, one thread per request
#   [YYYY-MM-DD HH:MM:SS +0000] [pid/Thread-N (process_request_thread)] [LEVEL] msg
#   [YYYY-MM-DD HH:MM:SS +0000] [pid] [LEVEL] msg               (main thread)
# ----------------------------------------------------------------------------

RA_T = {
    "listen": "Listening on '<*>'",
    "req": "<*> request for '<*>' received from <*> using '<*>'",
    "req_d": "<*> request for '<*>' with depth '<*>' received from <*> using '<*>'",
    "req_f": "<*> request for '<*>' received from 127.0.0.1 (forwarded for '<*>') using '<*>'",
    "resp": "<*> response status for '<*>' in <*> seconds: <*>",
    "resp_d": "<*> response status for '<*>' with depth '<*>' in <*> seconds: <*>",
    "login": "Successful login: '<*>'",
    "badlogin": "Failed login attempt from <*>: '<*>'",
    "denied": "Access to '<*>' denied for '<*>'",
    "bad": "Bad <*> request on '<*>': <*>",
    "exc": "An exception occurred during <*> request on '<*>': <*>",
    "timeout": "Client timed out while sending the request",
    "toolarge": "Request body too large for '<*>': <*> bytes exceeds max_content_length 100000000",
}
RA_ORDER = ["listen", "req_d", "resp_d", "req", "resp", "login", "req_f", "badlogin", "denied", "bad", "exc",
            "timeout", "toolarge"]


def build_radicale(rng):
    C = Cyc(rng)
    corpus = Corpus("Radicale", [RA_T[k] for k in RA_ORDER])
    PID = 2291
    raw = []  # (t, seq, thread, level, key, vals)
    seq = itertools.count()

    def emit(t, thread, level, key, vals):
        raw.append((t, next(seq), thread, level, key, vals))

    users = {"mkowalski": "10.20.0.31", "anna.berg": "192.168.1.23", "family": "192.168.1.114",
             "j.ortega": "10.20.3.9", "dev-team": "172.16.4.22"}
    user_names = sorted(users)
    colls = {u: ["%s/" % uuidish(rng), "calendar/", "contacts/"] for u in user_names}
    agents = ["DAVx5/4.4.3.2-ose (2024/10/20; dav4jvm; okhttp/4.12.0) Android/14",
              "Thunderbird/128.5.0", "macOS/14.6 (23G93) dataaccessd/1.0",
              "iOS/18.1 (22B83) remindd/1.0", "Evolution/3.52.4", "curl/8.5.0",
              "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"]
    user_agents = {u: [agents[(i * 2) % 6], agents[(i * 2 + 3) % 6]] for i, u in enumerate(user_names)}
    bad_reasons = ["Invalid XML request body",
                   "Failed to parse iCalendar component: line 14: Expected ':' after property name, got 'DTSTART;TZID'",
                   "Unsupported sync-level",
                   "Content-Length header missing"]
    exc_reasons = ["PermissionError: [Errno 13] Permission denied: '/var/lib/radicale/collections/.Radicale.lock'",
                   "OSError: [Errno 28] No space left on device",
                   "ValueError: Failed to load item 'b1946ac9.ics' in collection '/family/calendar/': duplicate UID"]
    statuses = {"GET": "200 OK", "PUT": "201 Created", "DELETE": "200 OK", "OPTIONS": "200 OK",
                "MKCOL": "201 Created", "POST": "200 OK", "PROPPATCH": "207 Multi-Status"}

    # startup on the main thread
    t = at(9, 12, 3) + 501 * MS
    for addr in ["10.20.0.2:5232", "127.0.0.1:5232", "[::1]:5232"]:
        emit(t, None, "INFO", "listen", [addr])
        t += rng.randint(1, 4) * MS

    specials = (["badlogin"] * 6 + ["denied"] * 5 + ["bad"] * 6 + ["exc"] * 4 + ["timeout"] * 5 +
                ["toolarge"] * 4 + ["forward"] * 7)
    normal_n = 80
    plan = specials + ["normal"] * normal_n
    rng.shuffle(plan)
    thread_no = 0
    t += rng.randint(2, 20) * NS
    for kind in plan:
        t += int(rng.expovariate(1 / 7.0) * NS) + 30 * MS
        thread_no += 1
        th = "Thread-%d (process_request_thread)" % thread_no
        user = rng.choice(user_names)
        ip = users[user]
        agent = C("ua." + user, user_agents[user])
        coll = "/%s/%s" % (user, rng.choice(colls[user][:2] if kind in ("bad", "exc", "toolarge") else colls[user]))
        item = coll + "%s.%s" % (uuidish(rng), "vcf" if "contacts" in coll else "ics")
        dt = int(rng.uniform(0.002, 1.4) * NS)
        end = t + dt
        if kind == "timeout":
            emit(t + int(rng.uniform(5, 30) * NS), th, "INFO", "timeout", [])
            continue
        if kind == "forward":
            method = C("fwd.m", ["GET", "POST", "PUT", "DELETE"])
            path = "/.web/" if method == "GET" and rng.random() < 0.4 else item
            emit(t, th, "INFO", "req_f", [method, path, rng.choice(PUBLIC_IPS), C("fwd.ua", agents[-3:])])
            if rng.random() < 0.6:
                emit(t + dt // 3, th, "INFO", "login", [user])
            emit(end, th, "INFO", "resp", [method, path, "%.3f" % (dt / NS), statuses[method]])
            continue
        if kind in ("bad", "exc", "toolarge", "denied", "badlogin"):
            method = {"bad": C("bad.m", ["REPORT", "PUT", "PROPFIND"]), "exc": C("exc.m", ["PUT", "REPORT", "DELETE"]),
                      "toolarge": "PUT", "denied": C("den.m", ["PROPFIND", "GET", "DELETE"]),
                      "badlogin": C("bl.m", ["PROPFIND", "REPORT", "GET"])}[kind]
        else:
            method = rng.choices(["PROPFIND", "REPORT", "GET", "PUT", "DELETE", "OPTIONS", "MKCOL", "PROPPATCH"],
                                 [40, 34, 9, 9, 3, 2, 1, 2])[0]
        depth = None
        path = item if method in ("GET", "PUT", "DELETE") else coll
        if method == "PROPFIND":
            depth = rng.choice(["0", "1", "1"])
            if depth == "0" and rng.random() < 0.5:
                path = "/%s/" % user
        elif method == "REPORT":
            depth = "1"
        if kind == "denied":
            other = rng.choice([u for u in user_names if u != user])
            path = "/%s/%s" % (other, colls[other][1])
        if kind == "badlogin":
            path = "/%s/" % user
        if depth:
            emit(t, th, "INFO", "req_d", [method, path, depth, ip, agent])
        else:
            emit(t, th, "INFO", "req", [method, path, ip, agent])
        status = statuses.get(method, "207 Multi-Status")
        if kind == "normal":
            if rng.random() < 0.3:
                emit(t + dt // 4, th, "INFO", "login", [user])
            if method == "GET" and rng.random() < 0.3:
                status = "404 Not Found"
            elif method == "PUT" and rng.random() < 0.25:
                status = rng.choice(["412 Precondition Failed", "204 No Content"])
        elif kind == "badlogin":
            emit(t + dt // 2, th, "WARNING", "badlogin", [ip, C("bl.u", user_names + ["admin", "root"])])
            status = "401 Unauthorized"
        else:
            emit(t + dt // 4, th, "INFO", "login", [user])
            if kind == "denied":
                emit(t + dt // 2, th, "WARNING", "denied", [path, user])
                status = "403 Forbidden"
            elif kind == "bad":
                emit(t + dt // 2, th, "WARNING", "bad", [method, path, C("bad.r", bad_reasons)])
                status = "400 Bad Request"
            elif kind == "exc":
                emit(t + dt // 2, th, "ERROR", "exc", [method, path, C("exc.r", exc_reasons)])
                status = "500 Internal Server Error"
            elif kind == "toolarge":
                emit(t + dt // 2, th, "WARNING", "toolarge", [path, str(rng.randint(100000001, 480000000))])
                status = "413 Request Entity Too Large"
        if depth:
            emit(end, th, "INFO", "resp_d", [method, path, depth, "%.3f" % (dt / NS), status])
        else:
            emit(end, th, "INFO", "resp", [method, path, "%.3f" % (dt / NS), status])
    raw.sort(key=lambda r: (r[0], r[1]))
    for t, _, thread, level, key, vals in raw[:N_LINES]:
        ident = "%d/%s" % (PID, thread) if thread else "%d" % PID
        corpus.add(t, "[%s %s +0000] [%s] [%s] " % (DATE, hms(t), ident, level), RA_T[key], vals)
    return corpus


# ----------------------------------------------------------------------------
# writing and self-check
# ----------------------------------------------------------------------------

HEADER_RE = {
    "Jetty": r"(?P<ts>2026-12-17 \d\d:\d\d:\d\d\.\d{3}):(?:INFO |WARN |ERROR|DEBUG):[A-Za-z0-9_.$]+:[^:]+: ",
    "Icecast": r"\[(?P<ts>2026-12-17  \d\d:\d\d:\d\d)\] (?:EROR|WARN|INFO|DBUG) [a-z0-9_-]+/[A-Za-z0-9_.]+ ",
    "TrafficServer": r"\[(?P<ts>Dec [ \d]\d \d\d:\d\d:\d\d\.\d{3})\] (?:traffic_server|\[[A-Z_]+(?: [0-9:]+)?\]) "
                     r"(?:DIAG|DEBUG|STATUS|NOTE|WARNING|ERROR|FATAL|ALERT|EMERGENCY): ",
    "Frigate": r"(?P<ts>2026-12-17 \d\d:\d\d:\d\d\.\d{9})  (?:\[2026-12-17 \d\d:\d\d:\d\d\] [a-z0-9_.]+ +"
               r"(?:DEBUG|INFO|WARNING|ERROR|CRITICAL) *: |\[(?:INFO|WARNING|ERROR)\] |"
               r"\d\d:\d\d:\d\d\.\d{3} (?:TRC|DBG|INF|WRN|ERR) )",
    "Radicale": r"\[(?P<ts>2026-12-17 \d\d:\d\d:\d\d) \+0000\] \[\d+(?:/[^\]]+)?\] \[(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\] ",
    "NSD": r"\[(?P<ts>2026-12-17 \d\d:\d\d:\d\d\.\d{3})\] nsd\[\d+\]: (?:error|warning|notice|info|debug): ",
}
SYSTEMS = ["Jetty", "Icecast", "TrafficServer", "Frigate", "Radicale", "NSD"]


def write(corpus):
    assert len(corpus.lines) == N_LINES, (corpus.name, len(corpus.lines))
    d = os.path.join(HERE, corpus.name)
    os.makedirs(d, exist_ok=True)
    last = -1
    with open(os.path.join(d, corpus.name + ".log"), "w", encoding="utf-8", newline="\n") as f:
        for t, header, tpl, content in corpus.lines:
            assert t >= last
            last = t
            f.write(header + content + "\n")
    with open(os.path.join(d, corpus.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (t, header, tpl, content) in enumerate(corpus.lines, 1):
            w.writerow([i, content, corpus.eid[tpl], tpl])


def tpl_regex(tpl):
    return re.compile("".join("(.+?)" if p == "<*>" else re.escape(p) for p in re.split(r"(<\*>)", tpl)), re.S)


def self_check():
    for name in SYSTEMS:
        d = os.path.join(HERE, name)
        with open(os.path.join(d, name + ".log"), encoding="utf-8", newline="") as f:
            text = f.read()
        assert text.endswith("\n") and "\r" not in text, name
        raw = text[:-1].split("\n")
        assert len(raw) == N_LINES, (name, len(raw))
        with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], name
        rows = rows[1:]
        assert len(rows) == N_LINES, name
        hre = re.compile(HEADER_RE[name])
        last_ts = ""
        tpl_of = {}
        counts = {}
        caps = {}
        for i, (row, line) in enumerate(zip(rows, raw), 1):
            assert len(row) == 4, (name, i)
            line_id, content, eid, tpl = row
            assert line_id == str(i), (name, i)
            assert content and content == content.strip(), (name, i)
            assert re.fullmatch(r"E\d+", eid), (name, i)
            assert line.endswith(content), (name, i)
            m = hre.fullmatch(line[:len(line) - len(content)])
            assert m, (name, i, line)
            ts = m.group("ts")
            assert ts >= last_ts, (name, i, ts, last_ts)
            last_ts = ts
            assert tpl_of.setdefault(eid, tpl) == tpl, (name, eid)
            mm = tpl_regex(tpl).fullmatch(content)
            assert mm, (name, i, tpl, content)
            counts[eid] = counts.get(eid, 0) + 1
            for g, v in enumerate(mm.groups()):
                caps.setdefault((eid, g), set()).add(v)
        assert len(set(tpl_of.values())) == len(tpl_of), name
        for eid, tpl in tpl_of.items():
            for g in range(tpl.count("<*>")):
                assert len(caps[(eid, g)]) >= 2, (name, eid, g, tpl, caps[(eid, g)])
        n = sorted(counts.values())
        assert 12 <= len(counts) <= 15, (name, len(counts))
        assert n[0] >= 3, (name, counts)
        assert sum(1 for c in n if 3 <= c <= 10) >= 3, (name, counts)
        assert n[-1] >= 3 * statistics.median(n), (name, counts)
        order = sorted(counts, key=lambda e: int(e[1:]))
        print("%-14s %2d event types: %s" % (name, len(counts), " ".join("%s=%d" % (e, counts[e]) for e in order)))
    print("self-check passed")


def main():
    builders = {"Jetty": build_jetty, "Icecast": build_icecast, "TrafficServer": build_trafficserver,
                "Frigate": build_frigate, "Radicale": build_radicale, "NSD": build_nsd}
    for name in SYSTEMS:
        rng = random.Random("%d/%s" % (SEED, name))
        corpus = builders[name](rng)
        assert corpus.name == name
        write(corpus)
    self_check()


if __name__ == "__main__":
    main()
