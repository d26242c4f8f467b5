#!/usr/bin/env python3
"""Round 48 blind labelled log corpus generator.

Python 3 standard library only, fully deterministic: no wall clock, no locale.
Base seed 20270150; system k (1..6) uses random.Random(20270150 * 10 + k).
Time comes from an integer nanosecond clock on 2026-03-14 UTC.

Systems:
  1 Dante        simulation (SOCKS client sessions + daemon restarts)
  2 ThreeProxy   seeded shuffle
  3 Shadowsocks  seeded shuffle
  4 Stunnel      simulation (TLS connections + config reloads)
  5 Sshguard     seeded shuffle
  6 Dropbear     simulation (SSH connections + daemon restarts)

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for every system, then re-reads the files and self-checks them.
"""
import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270150
N_LINES = 300
OUT_DIR = os.path.dirname(os.path.abspath(__file__))

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

NS = 1_000_000_000
MS = 1_000_000
# 2026-03-14T00:00:00Z as seconds since the epoch (fixed constant, checked below).
DAY0_S = 1773446400


def days_from_civil(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


assert days_from_civil(2026, 3, 14) * 86400 == DAY0_S


def civil(ns_abs):
    """Absolute ns since epoch -> (Y, M, D, h, m, s, ns_fraction). UTC, no tz database."""
    s, frac = divmod(ns_abs, NS)
    days, rem = divmod(s, 86400)
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    if m <= 2:
        y += 1
    return y, m, d, rem // 3600, rem // 60 % 60, rem % 60, frac


def absns(t):
    """Clock offset (ns since 2026-03-14 00:00:00 UTC) -> absolute ns."""
    return DAY0_S * NS + t


def syslog_ts(t):
    y, mo, d, hh, mm, ss, _ = civil(absns(t))
    return "%s %2d %02d:%02d:%02d" % (MONTHS[mo - 1], d, hh, mm, ss)


class Cycler:
    """Small pools cycle per (event, slot) so every slot takes several values."""

    def __init__(self):
        self.n = {}

    def __call__(self, key, pool):
        i = self.n.get(key, 0)
        self.n[key] = i + 1
        return pool[i % len(pool)]


# ---------------------------------------------------------------- value helpers
PUBLIC_FIRST = [5, 31, 37, 45, 46, 62, 77, 78, 80, 91, 94, 103, 109, 141, 146,
                151, 159, 176, 178, 185, 188, 193, 195, 212, 217]


def pub_ip(rng):
    return "%d.%d.%d.%d" % (rng.choice(PUBLIC_FIRST), rng.randint(0, 255),
                            rng.randint(0, 255), rng.randint(1, 254))


def eport(rng):
    return rng.randint(32768, 60999)


def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b64s(rng, n):
    return "".join(rng.choice(B64) for _ in range(n))


def expgap(rng, mean_s):
    return int(rng.expovariate(1.0 / mean_s) * NS) + rng.randint(1, 999) * 1000


# ============================================================ 1. Dante (simulation)
DANTE_TAIL = ("<*> -> username%<*>@<*> <*> -> <*>, <*> -> <*> <*> -> <*>: ")
DANTE_EVENTS = [
    ("acc_pass", "pass(<*>): tcp/accept [: <*> <*>"),
    ("con_open", "pass(<*>): tcp/connect [: username%<*>@<*> <*> -> <*> <*>"),
    ("con_lcl", "pass(<*>): tcp/connect ]: " + DANTE_TAIL +
     "local client closed.  Session duration: <*>"),
    ("con_rmt", "pass(<*>): tcp/connect ]: " + DANTE_TAIL +
     "remote server closed.  Session duration: <*>"),
    ("con_lerr", "pass(<*>): tcp/connect ]: " + DANTE_TAIL +
     "local client error (<*>).  Session duration: <*>"),
    ("con_rerr", "pass(<*>): tcp/connect ]: " + DANTE_TAIL +
     "remote server error (<*>).  Session duration: <*>"),
    ("acc_block", "block(<*>): tcp/accept ]: <*> <*>"),
    ("con_block", "block(<*>): tcp/connect ]: username%<*>@<*> <*> -> <*>"),
    ("acc_err", "pass(<*>): tcp/accept ]: <*> <*>: error after reading <*> bytes in <*> seconds: <*>"),
    ("udp_open", "pass(<*>): udp/udpassociate [: username%<*>@<*> <*>"),
    ("udp_close", "pass(<*>): udp/udpassociate ]: <*> -> username%<*>@<*> <*> -> <*>: "
     "local client closed.  Session duration: <*>"),
    ("running", "Dante/server[1/1] v1.4.3 running"),
    ("exit", "exiting on signal <*>"),
]
DANTE_HDR = re.compile(r"[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \((\d+)\.(\d{6})\) "
                       r"danted\[\d+\]: (?:info|warning|error|alert): ")


def dante_hdr(t, pid, level="info"):
    a = absns(t)
    return "%s (%d.%06d) danted[%d]: %s: " % (syslog_ts(t), a // NS, (a % NS) // 1000, pid, level)


def dante_key(m):
    return int(m.group(1)) * 1_000_000 + int(m.group(2))


def dante(rng, cyc):
    recs = []  # (t, seq, header, key, values)
    seq = [0]

    def emit(t, pid, key, vals, level="info"):
        seq[0] += 1
        recs.append((t, seq[0], dante_hdr(t, pid, level), key, vals))

    listens = [("10.20.0.1", 1), ("192.168.40.1", 2)]
    ext_ip = "198.51.100.23"
    users = ["alice", "bkumar", "svc-backup", "jmoreau", "ci-runner", "tvogel"]
    tports = [443, 443, 443, 80, 22, 993, 8443, 5222]
    blocked_ports = [25, 6667, 445, 23]
    acc_err_reason = ["client closed", "Connection reset by peer", "negotiation timed out"]
    lerr = ["Connection reset by peer", "Broken pipe"]
    rerr = ["Connection timed out", "Connection reset by peer", "No route to host"]

    # daemon generations: (start time, mother pid)
    restarts = [9 * 60 * NS + 410 * MS, 19 * 60 * NS + 77 * MS, 28 * 60 * NS + 902 * MS]
    gens = [(0, 811)]
    pid = 811
    for i, rt in enumerate(restarts):
        emit(rt, gens[-1][1], "exit", [cyc(("exit", 0), ["15", "1", "2"])])
        pid += rng.randint(40, 400)
        gens.append((rt + 1 * NS + rng.randint(0, 900) * MS, pid))
    for st, mp in gens:
        emit(st, mp, "running", [])

    def gen_of(t):
        g = gens[0]
        for st, mp in gens:
            if st <= t:
                g = (st, mp)
        return g[1]

    def dur_s():
        r = rng.random()
        if r < 0.5:
            return rng.uniform(0.2, 5)
        if r < 0.85:
            return rng.uniform(5, 120)
        return rng.uniform(120, 1800)

    t = 2 * NS
    while t < 45 * 60 * NS:
        t += expgap(rng, 17)
        mp = gen_of(t)
        neg = mp + rng.randint(1, 2)
        req = mp + rng.randint(3, 5)
        io = mp + rng.randint(6, 9)
        lip, rule = cyc(("sess", "listen"), listens)
        listen = "%s.1080" % lip
        client = "10.%d.%d.%d.%d" % (rng.choice([20, 20, 40]), rng.randint(0, 3),
                                     rng.randint(2, 250), eport(rng))
        if lip.startswith("192."):
            client = "192.168.40.%d.%d" % (rng.randint(2, 250), eport(rng))
        user = cyc(("sess", "user"), users)
        r = rng.random()
        if r < 0.07:
            emit(t, neg, "acc_block", [cyc(("acc_block", 0), ["3", "4"]), pub_ip(rng) + ".%d" % eport(rng), listen])
            continue
        emit(t, neg, "acc_pass", [str(rule), client, listen])
        t1 = t + rng.randint(3, 90) * MS
        if r < 0.14:
            emit(t1, neg, "acc_err", [str(rule), client, listen,
                                      cyc(("acc_err", 3), ["0", "3", "7"]),
                                      cyc(("acc_err", 4), ["0", "1", "30"]),
                                      cyc(("acc_err", 5), acc_err_reason)])
            continue
        if r < 0.21:
            tgt = "%s.%d" % (pub_ip(rng), cyc(("con_block", 4), blocked_ports))
            emit(t1, req, "con_block", [cyc(("con_block", 0), ["5", "6"]), user, client, listen, tgt])
            continue
        if r < 0.28:
            emit(t1, req, "udp_open", [str(rule + 6), user, client, listen])
            d = dur_s()
            emit(t1 + int(d * NS), io, "udp_close", [str(rule + 6), str(rng.randint(200, 9000)), user, client,
                                                     listen, str(rng.randint(300, 60000)), "%ds" % int(d)])
            continue
        srule = str(cyc(("con", "srule"), [1, 2, 3]))
        ext = "%s.%d" % (ext_ip, eport(rng))
        tgt = "%s.%d" % (pub_ip(rng), rng.choice(tports))
        emit(t1, req, "con_open", [srule, user, client, listen, ext, tgt])
        d = dur_s()
        up = rng.randint(80, 40000)
        down = int(up * rng.uniform(0.5, 60))
        e = rng.random()
        if e < 0.55:
            key, extra = "con_lcl", []
        elif e < 0.83:
            key, extra = "con_rmt", []
        elif e < 0.92:
            key, extra = "con_lerr", [cyc(("con_lerr", 11), lerr)]
        else:
            key, extra = "con_rerr", [cyc(("con_rerr", 11), rerr)]
        vals = [srule, str(up), user, client, listen, str(down), str(down), ext, tgt, str(up)] + extra + ["%ds" % int(d)]
        emit(t1 + int(d * NS), io, key, vals)

    recs.sort(key=lambda r: (r[0], r[1]))
    return DANTE_EVENTS, [(t, h, k, v) for t, _, h, k, v in recs]


# ========================================================= 2. ThreeProxy (shuffle)
# Default logformat "G%y%m%d%H%M%S.%. %p %E %U %C:%c %R:%r %O %I %h %T":
# header = timestamp, Content = service port, error code, user, client, remote, bytes, hops, text.
TP_EVENTS = [
    ("get", "3128 00000 <*> <*> <*> <*> <*> 0 GET <*> HTTP/1.1", 69),
    ("connect", "3128 00000 <*> <*> <*> <*> <*> 0 CONNECT <*> HTTP/1.1", 62),
    ("post", "3128 00000 <*> <*> <*> <*> <*> 0 POST <*> HTTP/1.1", 18),
    ("socks", "1080 00000 <*> <*> <*> <*> <*> 0 CONNECT <*>", 46),
    ("deny_http", "3128 00001 <*> <*> 0.0.0.0:0 0 0 0 GET <*> HTTP/1.1", 13),
    ("auth_req", "3128 00005 - <*> 0.0.0.0:0 0 <*> 0 CONNECT <*> HTTP/1.1", 22),
    ("socks_fail", "1080 00012 <*> <*> <*> 0 0 0 CONNECT <*>", 17),
    ("timeout", "3128 00092 <*> <*> <*> <*> <*> 0 CONNECT <*> HTTP/1.1", 9),
    ("noname", "3128 00100 <*> <*> 0.0.0.0:0 0 0 0 GET <*> HTTP/1.1", 7),
    ("deny_socks", "1080 00001 <*> <*> 0.0.0.0:0 0 0 0 CONNECT <*>", 5),
    ("accepting", "<*> 00000 - <*> 0.0.0.0:0 0 0 0 Accepting connections [<*>/<*>]", 4),
    ("exiting", "<*> 00000 - <*> 0.0.0.0:0 0 0 0 Exiting thread [<*>/<*>]", 4),
    ("head", "3128 00000 <*> <*> <*> <*> <*> 0 HEAD <*> HTTP/1.1", 24),
]
TP_HDR = re.compile(r"(\d{12})\.(\d{3}) ")


def tp_key(m):
    return int(m.group(1)) * 1000 + int(m.group(2))


def tp_hdr(t):
    y, mo, d, hh, mm, ss, frac = civil(absns(t))
    return "%02d%02d%02d%02d%02d%02d.%03d " % (y % 100, mo, d, hh, mm, ss, frac // MS)


def threeproxy(rng, cyc):
    users = ["-", "anna.k", "pmorales", "build01", "wlee", "kiosk3"]
    hosts = ["repo.quayside-mirror.net", "api.lumenfield.io", "static.birchcdn.com",
             "updates.orvane-soft.de", "pkg.tallowbrook.org", "img.pepperlane.net",
             "telemetry.kestrel-apps.com", "www.fjordwatch.no", "cdn.saltmarsh.media"]
    paths = ["/", "/index.html", "/v2/status", "/debian/dists/bookworm/InRelease",
             "/assets/app.min.js", "/images/logo-192.png", "/api/v1/ping?ts=%d",
             "/feeds/latest.xml", "/dl/agent-4.2.1.tar.gz", "/check?id=%s"]
    tls_ports = [443, 443, 443, 8443, 993, 5223]

    def client():
        return "10.60.%d.%d:%d" % (rng.randint(0, 7), rng.randint(2, 250), eport(rng))

    def url(ev):
        p = rng.choice(paths)
        if "%d" in p:
            p = p % rng.randint(100000, 999999)
        elif "%s" in p:
            p = p % hexs(rng, 12)
        return "http://%s%s" % (cyc((ev, "host"), hosts), p)

    def hp(ev):
        return "%s:%d" % (cyc((ev, "host"), hosts), cyc((ev, "port"), tls_ports))

    def user(ev):
        return cyc((ev, "user"), users)

    ipmap = {}

    def ip_of(host):
        # each made-up host resolves to one (or two) made-up addresses
        if host not in ipmap:
            ipmap[host] = [pub_ip(rng), pub_ip(rng)]
        return rng.choice(ipmap[host])

    starts = [(3128, 2231), (1080, 2231), (3128, 4876), (1080, 4876)]

    def make(ev):
        if ev in ("get", "post", "head"):
            out = rng.randint(180, 2400) if ev != "post" else rng.randint(900, 250000)
            inn = rng.randint(200, 900000) if ev == "get" else rng.randint(150, 4000)
            u = url(ev)
            return [user(ev), client(), ip_of(u.split("/")[2]) + ":80", str(out), str(inn), u]
        if ev in ("connect", "timeout", "socks"):
            h = hp(ev)
            return [user(ev), client(), "%s:%s" % (ip_of(h.split(":")[0]), h.split(":")[1]),
                    str(rng.randint(300, 90000)), str(rng.randint(900, 5000000)), h]
        if ev == "deny_http" or ev == "noname":
            return [user(ev), client(), url(ev)]
        if ev == "auth_req":
            return [client(), cyc((ev, "sz"), ["0", "247"]), hp(ev)]
        if ev == "socks_fail":
            h = hp(ev)
            return [user(ev), client(), "%s:%s" % (ip_of(h.split(":")[0]), h.split(":")[1]), h]
        if ev == "deny_socks":
            return [user(ev), client(), hp(ev)]
        if ev in ("accepting", "exiting"):
            port, pid = cyc((ev, "svc"), starts)
            return [str(port), "0.0.0.0:%d" % port, str(pid), str(rng.randint(139000000000000, 140999999999999))]
        raise KeyError(ev)

    return shuffle_run(rng, TP_EVENTS, make, lambda t, ev: tp_hdr(t), 11)


def shuffle_run(rng, events, make, hdr, mean_gap_s):
    order = []
    for key, _tpl, n in events:
        order += [key] * n
    assert len(order) == N_LINES, (len(order), events[0])
    rng.shuffle(order)
    t = rng.randint(0, 40) * NS + rng.randint(0, 999) * MS
    out = []
    for ev in order:
        t += expgap(rng, mean_gap_s)
        out.append((t, hdr(t, ev), ev, make(ev)))
    return [(k, tpl) for k, tpl, _n in events], out


# ======================================================== 3. Shadowsocks (shuffle)
SS_EVENTS = [
    ("init", "INFO", "initializing ciphers... <*>", 5),
    ("tcp_listen", "INFO", "tcp server listening at <*>", 5),
    ("udp_listen", "INFO", "udp server listening at <*>", 4),
    ("root", "INFO", "running from root user", 4),
    ("ns", "INFO", "using nameserver: <*>", 6),
    ("connect", "INFO", "connect to <*>", 120),
    ("cache_miss", "INFO", "[udp] cache miss: <*> <-> <*>", 32),
    ("cache_hit", "INFO", "[udp] cache hit: <*> <-> <*>", 21),
    ("server_recv", "ERROR", "server recv: <*>", 27),
    ("remote_recv", "ERROR", "remote recv: <*>", 17),
    ("handshake", "ERROR", "failed to handshake with <*>: <*>", 24),
    ("getaddrinfo", "ERROR", "getaddrinfo: <*>", 9),
    ("connect_err", "ERROR", "connect: <*>", 11),
    ("timeout", "INFO", "TCP connection timeout", 15),
]
SS_HDR = re.compile(r" (\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) (?:INFO|ERROR|WARN): ")


def ymdhms_key(m):
    return int("".join(m.group(i) for i in range(1, 7)))


def ss_hdr(t, level):
    y, mo, d, hh, mm, ss, _ = civil(absns(t))
    return " %04d-%02d-%02d %02d:%02d:%02d %s: " % (y, mo, d, hh, mm, ss, level)


def shadowsocks(rng, cyc):
    levels = {k: lv for k, lv, _t, _n in SS_EVENTS}
    ciphers = ["chacha20-ietf-poly1305", "aes-256-gcm", "aes-128-gcm", "xchacha20-ietf-poly1305"]
    ports = [8388, 8389, 9001, 443, 8443]
    nameservers = ["1.1.1.1", "8.8.8.8", "9.9.9.9", "127.0.0.53"]
    hosts = ["www.mapleharbor.com", "chat.sorrelbay.app", "video.quillstream.tv",
             "api.greyfinch.dev", "mail.thornwick.org", "dl.ambercoast.net", "push.oxbowlabs.io"]
    dports = [443, 443, 443, 80, 993, 5228, 8080]
    udp_dports = [53, 443, 3478, 123, 19302]
    recv_err = ["Connection reset by peer", "Connection timed out"]
    hs_err = ["authentication error", "invalid address type", "malformed request",
              "repeat salt detected"]
    gai = ["Name or service not known", "Temporary failure in name resolution",
           "No address associated with hostname"]
    conn_err = ["Connection refused", "Network is unreachable", "No route to host"]

    def make(ev):
        if ev == "init":
            return [cyc((ev, 0), ciphers)]
        if ev in ("tcp_listen", "udp_listen"):
            return ["%s:%d" % (cyc((ev, "a"), ["0.0.0.0", "::"]), cyc((ev, "p"), ports))]
        if ev == "ns":
            return [cyc((ev, 0), nameservers)]
        if ev == "connect":
            if rng.random() < 0.6:
                return ["%s:%d" % (rng.choice(hosts), rng.choice(dports))]
            return ["%s:%d" % (pub_ip(rng), rng.choice(dports))]
        if ev in ("cache_miss", "cache_hit"):
            return ["%s:%d" % (pub_ip(rng), rng.choice(udp_dports)),
                    "%s:%d" % (pub_ip(rng), eport(rng))]
        if ev in ("server_recv", "remote_recv"):
            return [cyc((ev, 0), recv_err)]
        if ev == "handshake":
            return ["%s:%d" % (pub_ip(rng), eport(rng)), cyc((ev, 1), hs_err)]
        if ev == "getaddrinfo":
            return [cyc((ev, 0), gai)]
        if ev == "connect_err":
            return [cyc((ev, 0), conn_err)]
        if ev in ("root", "timeout"):
            return []
        raise KeyError(ev)

    evs = [(k, tpl, n) for k, _lv, tpl, n in SS_EVENTS]
    return shuffle_run(rng, evs, make, lambda t, ev: ss_hdr(t, levels[ev]), 9)


# ========================================================= 4. Stunnel (simulation)
ST_EVENTS = [
    ("accepted", 5, "Service [<*>] accepted connection from <*>"),
    ("tls_new", 6, "TLS accepted: new session negotiated"),
    ("tls_reuse", 6, "TLS accepted: previous session reused"),
    ("cipher", 6, "<*> ciphersuite: <*> (<*>-bit encryption)"),
    ("connecting", 6, "s_connect: connecting <*>"),
    ("connected", 6, "s_connect: connected <*>"),
    ("remote", 5, "Service [<*>] connected remote server from <*>"),
    ("closed", 5, "Connection closed: <*> byte(s) sent to TLS, <*> byte(s) sent to socket"),
    ("reset", 5, "Connection reset: <*> byte(s) sent to TLS, <*> byte(s) sent to socket"),
    ("ssl_err", 3, "SSL_accept: <*>: error:<*>:SSL routines::<*>"),
    ("peer_gone", 3, "SSL_accept: Peer suddenly disconnected"),
    ("conn_err", 3, "s_connect: connect <*>: <*>"),
    ("no_more", 3, "No more addresses to connect"),
    ("sighup", 5, "Received signal 1; reloading configuration"),
    ("conf_ok", 5, "Configuration successful"),
]
ST_HDR = re.compile(r"(\d{4})\.(\d{2})\.(\d{2}) (\d{2}):(\d{2}):(\d{2}) LOG[0-7]\[(?:\d+|main|ui|cron)\]: ")


def st_hdr(t, level, tid):
    y, mo, d, hh, mm, ss, _ = civil(absns(t))
    return "%04d.%02d.%02d %02d:%02d:%02d LOG%d[%s]: " % (y, mo, d, hh, mm, ss, level, tid)


def stunnel(rng, cyc):
    lv = {k: l for k, l, _t in ST_EVENTS}
    recs = []
    seq = [0]

    def emit(t, tid, key, vals):
        seq[0] += 1
        recs.append((t, seq[0], st_hdr(t, lv[key], tid), key, vals))

    services = [("https", "127.0.0.1:8080", "127.0.0.1"), ("https", "127.0.0.1:8080", "127.0.0.1"),
                ("imaps", "127.0.0.1:143", "127.0.0.1"), ("smtps", "127.0.0.1:25", "127.0.0.1"),
                ("redis-tls", "10.4.0.21:6379", "10.4.0.5"), ("https", "127.0.0.1:8080", "127.0.0.1")]
    suites = [("TLSv1.3", "TLS_AES_256_GCM_SHA384", "256"), ("TLSv1.3", "TLS_AES_128_GCM_SHA256", "128"),
              ("TLSv1.3", "TLS_AES_256_GCM_SHA384", "256"), ("TLSv1.2", "ECDHE-RSA-AES256-GCM-SHA384", "256"),
              ("TLSv1.3", "TLS_CHACHA20_POLY1305_SHA256", "256"), ("TLSv1.2", "ECDHE-RSA-AES128-GCM-SHA256", "128")]
    ssl_errs = [("ssl/record/ssl3_record.c:354", "0A00010B", "wrong version number"),
                ("ssl/statem/statem_srvr.c:1658", "0A0000C1", "no shared cipher"),
                ("ssl/record/rec_layer_s3.c:1586", "0A000418", "tlsv1 alert unknown ca"),
                ("ssl/statem/statem_srvr.c:1512", "0A00009C", "http request")]
    conn_errs = ["Connection refused (111)", "Connection timed out (110)", "No route to host (113)"]

    for rt in (8 * 60 * NS + 203 * MS, 17 * 60 * NS + 640 * MS, 26 * 60 * NS + 18 * MS):
        emit(rt, "main", "sighup", [])
        emit(rt + rng.randint(20, 90) * MS, "main", "conf_ok", [])

    tid = 4107
    t = rng.randint(1, 5) * NS
    while t < 50 * 60 * NS:
        t += expgap(rng, 50)
        tid += 1
        sid = str(tid)
        svc, backend, lip = cyc(("conn", "svc"), services)
        client = "%s:%d" % (pub_ip(rng), eport(rng))
        emit(t, sid, "accepted", [svc, client])
        t1 = t + rng.randint(4, 180) * MS
        r = rng.random()
        if r < 0.08:
            e = cyc(("ssl_err", 0), ssl_errs)
            emit(t1, sid, "ssl_err", list(e))
            emit(t1, sid, "reset", ["0", "0"])
            continue
        if r < 0.15:
            emit(t1, sid, "peer_gone", [])
            emit(t1, sid, "reset", ["0", "0"])
            continue
        reuse = rng.random() < 0.25
        emit(t1, sid, "tls_reuse" if reuse else "tls_new", [])
        emit(t1, sid, "cipher", list(cyc(("cipher", 0), suites)))
        t2 = t1 + rng.randint(0, 3) * MS
        emit(t2, sid, "connecting", [backend])
        t3 = t2 + rng.randint(0, 40) * MS
        if r < 0.26:
            t3 += rng.randint(0, 3) * NS
            emit(t3, sid, "conn_err", [backend, cyc(("conn_err", 1), conn_errs)])
            emit(t3, sid, "no_more", [])
            emit(t3, sid, "reset", [str(rng.choice([0, 0, 31])), "0"])
            continue
        emit(t3, sid, "connected", [backend])
        emit(t3, sid, "remote", [svc, "%s:%d" % (lip, eport(rng))])
        d = rng.choice([rng.uniform(0.05, 3), rng.uniform(1, 90), rng.uniform(30, 1500)])
        tls_b = rng.randint(300, 2_000_000)
        sock_b = rng.randint(120, 60_000)
        emit(t3 + int(d * NS), sid, "reset" if rng.random() < 0.14 else "closed", [str(tls_b), str(sock_b)])

    recs.sort(key=lambda r: (r[0], r[1]))
    return [(k, tpl) for k, _l, tpl in ST_EVENTS], [(t, h, k, v) for t, _, h, k, v in recs]


# ========================================================= 5. Sshguard (shuffle)
SG_EVENTS = [
    ("attack", 'Attack from "<*>" on service <*> with danger <*>.', 128),
    ("block", 'Blocking "<*>" for <*> secs (<*> attacks in <*> secs, after <*> abuses over <*> secs.)', 42),
    ("block_forever", 'Blocking "<*>" forever (<*> attacks in <*> secs, after <*> abuses over <*> secs.)', 7),
    ("release", "Releasing <*> after <*> seconds.", 36),
    ("wl_ipv4", "whitelist: add '<*>' as plain IPv4.", 14),
    ("wl_ipv4_block", "whitelist: add '<*>' as plain IPv4 block.", 10),
    ("wl_host", "whitelist: add '<*>' as host.", 9),
    ("wl_ipv6", "whitelist: add '<*>' as plain IPv6.", 5),
    ("wl_ipv6_block", "whitelist: add '<*>' as plain IPv6 block.", 4),
    ("monitoring", "Now monitoring attacks.", 6),
    ("exiting", "Exiting on signal <*>.", 5),
    ("bl_loaded", "Blacklist loaded, blocking <*> addresses.", 6),
    ("wl_skip", "<*>: not blocking (on whitelist)", 28),
]
SYSLOG_HDR_SSHG = re.compile(r"([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) [\w.-]+ sshguard\[\d+\]: ")
SYSLOG_HDR_DB = re.compile(r"([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) [\w.-]+ dropbear\[\d+\]: ")


def syslog_key(m):
    return (MONTHS.index(m.group(1)) * 31 + int(m.group(2))) * 86400 + \
        int(m.group(3)) * 3600 + int(m.group(4)) * 60 + int(m.group(5))


def sshguard(rng, cyc):
    services = ["100", "100", "110", "100", "260"]
    dangers = ["10", "10", "10", "5"]
    host = "fw-edge01"
    pid = 1187

    def v6():
        return "2a0%d:%s:%s::%s" % (rng.randint(1, 9), hexs(rng, 4), hexs(rng, 3), hexs(rng, 2))

    def attacker():
        return pub_ip(rng) if rng.random() < 0.9 else v6()

    def make(ev):
        c = lambda slot, pool: cyc((ev, slot), pool)
        if ev == "attack":
            return [attacker(), c(1, services), c(2, dangers)]
        if ev in ("block", "block_forever"):
            a = attacker()
            pre = "%s/%s" % (a, "64" if ":" in a else "32")
            n = rng.choice([3, 3, 4, 5])
            secs = str(rng.randint(0, 30))
            abuses = c(4, ["1", "2", "3", "4"])
            over = str(rng.randint(int(abuses) * 100, int(abuses) * 900)) if abuses != "1" else secs
            if ev == "block":
                return [pre, str(120 * (2 ** (int(abuses) - 1)) + rng.randint(0, 40)), str(n), secs, abuses, over]
            return [pre, str(n), secs, c(4, ["4", "5", "6"]), str(rng.randint(2000, 9000))]
        if ev == "release":
            return [attacker(), str(rng.randint(120, 1900))]
        if ev == "wl_ipv4":
            return [c(0, ["127.0.0.1", "192.0.2.10", "203.0.113.7", "10.1.1.254"])]
        if ev == "wl_ipv4_block":
            return [c(0, ["10.0.0.0/8", "192.168.0.0/16", "172.16.0.0/12", "100.64.0.0/10"])]
        if ev == "wl_host":
            return [c(0, ["localhost", "bastion.corp.ferrowick.net", "monitor-02.ferrowick.net"])]
        if ev == "wl_ipv6":
            return [c(0, ["::1", "2001:db8:40::15"])]
        if ev == "wl_ipv6_block":
            return [c(0, ["fe80::/10", "2001:db8:40::/48"])]
        if ev == "exiting":
            return [c(0, ["15", "2", "1"])]
        if ev == "bl_loaded":
            return [str(rng.randint(3, 480))]
        if ev == "wl_skip":
            return [c(0, ["10.1.4.22", "192.168.10.5", "10.1.1.254", "172.16.3.40", "192.0.2.10"])]
        if ev == "monitoring":
            return []
        raise KeyError(ev)

    return shuffle_run(rng, SG_EVENTS, make,
                       lambda t, ev: "%s %s sshguard[%d]: " % (syslog_ts(t), host, pid), 14)


# ========================================================= 6. Dropbear (simulation)
DB_EVENTS = [
    ("child", "Child connection from <*>"),
    ("pw_ok", "Password auth succeeded for '<*>' from <*>"),
    ("pk_ok", "Pubkey auth succeeded for '<*>' with <*> key <*> from <*>"),
    ("pw_bad", "Bad password attempt for '<*>' from <*>"),
    ("nouser", "Login attempt for nonexistent user from <*>"),
    ("exit_disc", "Exit (<*>) from <<*>>: Disconnect received"),
    ("exit_norm", "Exit (<*>) from <<*>>: Exited normally"),
    ("exit_err", "Exit (<*>) from <<*>>: Error reading: <*>"),
    ("pre_norm", "Exit before auth from <<*>>: Exited normally"),
    ("pre_max", "Exit before auth from <<*>>: Max auth tries reached - user '<*>'"),
    ("pre_err", "Exit before auth from <<*>>: Error reading: <*>"),
    ("pre_timeout", "Exit before auth from <<*>>: Timeout before auth"),
    ("bg", "Running in background"),
    ("early_exit", "Early exit: Terminated by signal"),
]


def dropbear(rng, cyc):
    host = "gw-r7800"
    recs = []
    seq = [0]

    def emit(t, pid, key, vals):
        seq[0] += 1
        recs.append((t, seq[0], "%s %s dropbear[%d]: " % (syslog_ts(t), host, pid), key, vals))

    master = 1402
    emit(rng.randint(0, 3) * NS, master, "bg", [])
    for rt in (6 * 60 * NS + 40 * MS, 14 * 60 * NS + 515 * MS, 21 * 60 * NS + 3 * MS):
        emit(rt, master, "early_exit", [])
        master += rng.randint(300, 3000)
        emit(rt + rng.randint(300, 1500) * MS, master, "bg", [])

    legit_users = ["root", "deploy", "mwelsh", "admin", "backup"]
    keytypes = ["ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256"]
    brute_users = ["root", "admin", "root", "ubnt", "root"]
    read_errs = ["Connection reset by peer", "Connection timed out"]
    fps = {}

    pid = 3150
    t = 5 * NS
    while t < 60 * 60 * NS:
        t += expgap(rng, 19)
        pid += rng.randint(1, 60)
        r = rng.random()
        if r < 0.55 or r >= 0.87:
            addr = "%s:%d" % (pub_ip(rng), eport(rng))
        else:
            addr = "192.168.%d.%d:%d" % (rng.choice([1, 1, 8]), rng.randint(2, 250), eport(rng))
        emit(t, pid, "child", [addr])
        tt = t + rng.randint(200, 2500) * MS
        if r < 0.55:
            # brute-force attempt
            n = rng.choice([1, 1, 2, 2, 3, 4, 5, 6, 10, 10])
            u = cyc(("brute", "user"), brute_users)
            nonexist = rng.random() < 0.35
            for _ in range(n):
                emit(tt, pid, "nouser" if nonexist else "pw_bad", [addr] if nonexist else [u, addr])
                tt += rng.randint(800, 4000) * MS
            if n >= 10:
                emit(tt, pid, "pre_max", [addr, u if not nonexist else cyc(("pre_max", 1), ["oracle", "pi", "test"])])
            else:
                e = rng.random()
                if e < 0.4:
                    emit(tt, pid, "pre_norm", [addr])
                else:
                    emit(tt, pid, "pre_err", [addr, cyc(("pre_err", 1), read_errs)])
        elif r < 0.87:
            # legitimate session
            u = cyc(("legit", "user"), legit_users)
            if rng.random() < 0.15:
                emit(tt, pid, "pw_bad", [u, addr])
                tt += rng.randint(2000, 6000) * MS
            if rng.random() < 0.45:
                emit(tt, pid, "pw_ok", [u, addr])
            else:
                if u not in fps:
                    fps[u] = (cyc(("pk", "type"), keytypes), "SHA256:" + b64s(rng, 43))
                kt, fp = fps[u]
                emit(tt, pid, "pk_ok", [u, kt, fp, addr])
            d = rng.choice([rng.uniform(1, 20), rng.uniform(20, 600), rng.uniform(300, 3000)])
            te = tt + int(d * NS)
            e = rng.random()
            if e < 0.6:
                emit(te, pid, "exit_disc", [u, addr])
            elif e < 0.88:
                emit(te, pid, "exit_norm", [u, addr])
            else:
                emit(te, pid, "exit_err", [u, addr, cyc(("exit_err", 2), read_errs)])
        else:
            # scanner: banner grab or idle
            if rng.random() < 0.55:
                emit(tt, pid, "pre_norm", [addr])
            else:
                emit(t + 300 * NS, pid, "pre_timeout", [addr])

    recs.sort(key=lambda r: (r[0], r[1]))
    return DB_EVENTS, [(t, h, k, v) for t, _, h, k, v in recs]


# ================================================================== driver
SYSTEMS = [
    # (k, name, builder, header regex, timestamp key, kind)
    (1, "Dante", dante, DANTE_HDR, dante_key, "simulation"),
    (2, "ThreeProxy", threeproxy, TP_HDR, tp_key, "shuffle"),
    (3, "Shadowsocks", shadowsocks, SS_HDR, ymdhms_key, "shuffle"),
    (4, "Stunnel", stunnel, ST_HDR, ymdhms_key, "simulation"),
    (5, "Sshguard", sshguard, SYSLOG_HDR_SSHG, syslog_key, "shuffle"),
    (6, "Dropbear", dropbear, SYSLOG_HDR_DB, syslog_key, "simulation"),
]


def fill(tpl, vals):
    parts = tpl.split("<*>")
    if len(parts) - 1 != len(vals):
        raise ValueError("slot count mismatch for %r: %r" % (tpl, vals))
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        out.append(str(v))
        out.append(p)
    return "".join(out)


def build(k, name, builder):
    rng = random.Random(BASE_SEED * 10 + k)
    events, recs = builder(rng, Cycler())
    if len(recs) < N_LINES:
        raise SystemExit("%s: only %d lines generated" % (name, len(recs)))
    recs = recs[:N_LINES]
    eid = {key: "E%d" % (i + 1) for i, (key, _tpl) in enumerate(events)}
    tpl = {key: t for key, t in events}
    d = os.path.join(OUT_DIR, name)
    os.makedirs(d, exist_ok=True)
    lines, rows = [], []
    for i, (t, hdr, key, vals) in enumerate(recs, 1):
        if t >= 86400 * NS:
            raise SystemExit("%s: clock left 2026-03-14" % name)
        content = fill(tpl[key], vals)
        if "\n" in content or "\r" in content:
            raise SystemExit("%s: newline in content" % name)
        lines.append(hdr + content)
        rows.append([i, content, eid[key], tpl[key]])
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)
    return events


def tpl_regex(tpl):
    return re.compile("".join("(.+?)" if p == "<*>" else re.escape(p)
                              for p in re.split(r"(<\*>)", tpl)), re.S)


def self_check(name, events, hdr_re, ts_key):
    errs = []
    d = os.path.join(OUT_DIR, name)
    with open(os.path.join(d, name + ".log"), "rb") as f:
        raw = f.read()
    with open(os.path.join(d, name + ".log_structured.csv"), "rb") as f:
        craw = f.read()
    for label, data in (("log", raw), ("csv", craw)):
        if not data.endswith(b"\n"):
            errs.append("%s does not end with newline" % label)
        if b"\r" in data:
            errs.append("%s contains \\r" % label)
    lines = raw.decode("utf-8").split("\n")[:-1]
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rd = list(csv.reader(f))
    header, rows = rd[0], rd[1:]
    if header != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header %r" % header)
    if len(lines) != N_LINES or len(rows) != N_LINES:
        errs.append("line/row count %d/%d" % (len(lines), len(rows)))
    tpl_of, counts, caps = {}, {}, {}
    prev = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, ev, tpl = row
        if lid != str(i):
            errs.append("LineId %r at row %d" % (lid, i))
        if not content or content != content.strip():
            errs.append("row %d content empty/unstripped" % i)
        if not line.endswith(content):
            errs.append("line %d does not end with content" % i)
            continue
        h = line[:len(line) - len(content)]
        m = hdr_re.fullmatch(h)
        if not m:
            errs.append("line %d header %r does not match" % (i, h))
            continue
        key = ts_key(m)
        if prev is not None and key < prev:
            errs.append("line %d timestamp goes back" % i)
        prev = key
        if not re.fullmatch(r"E\d+", ev):
            errs.append("bad EventId %r" % ev)
        if tpl_of.setdefault(ev, tpl) != tpl:
            errs.append("%s has two templates" % ev)
        counts[ev] = counts.get(ev, 0) + 1
        mm = tpl_regex(tpl).fullmatch(content)
        if not mm:
            errs.append("line %d: template %r does not match %r" % (i, tpl, content))
            continue
        for j, g in enumerate(mm.groups()):
            caps.setdefault((ev, j), set()).add(g)
    if len(set(tpl_of.values())) != len(tpl_of):
        errs.append("two EventIds share a template")
    declared = ["E%d" % (i + 1) for i in range(len(events))]
    for i, (key, tpl) in enumerate(events):
        e = "E%d" % (i + 1)
        if e not in counts:
            errs.append("declared event %s (%s) unused" % (e, key))
        elif tpl_of[e] != tpl:
            errs.append("%s template differs from declaration" % e)
    if set(counts) - set(declared):
        errs.append("undeclared EventIds %r" % (set(counts) - set(declared)))
    for (ev, j), vals in sorted(caps.items()):
        if len(vals) < 2:
            errs.append("%s slot %d captures only %r" % (ev, j + 1, vals))
    for ev, tpl in tpl_of.items():
        if tpl.count("<*>") and not all((ev, j) in caps for j in range(tpl.count("<*>"))):
            errs.append("%s slots not captured" % ev)
    c = sorted(counts.values())
    if not 12 <= len(c) <= 15:
        errs.append("%d event types" % len(c))
    if c and min(c) < 3:
        errs.append("an event has fewer than 3 lines")
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines")
    med = statistics.median(c) if c else 0
    if c and max(c) < 3 * med:
        errs.append("largest %d < 3 x median %s" % (max(c), med))
    return errs, counts, med


def main():
    failed = False
    for k, name, builder, hdr_re, ts_key, kind in SYSTEMS:
        events = build(k, name, builder)
        errs, counts, med = self_check(name, events, hdr_re, ts_key)
        ordered = " ".join("E%d:%d" % (i + 1, counts.get("E%d" % (i + 1), 0)) for i in range(len(events)))
        print("%-12s %-10s events=%d max=%d median=%s small=%d | %s" % (
            name, kind, len(counts), max(counts.values()) if counts else 0, med,
            sum(1 for x in counts.values() if 3 <= x <= 10), ordered))
        for e in errs[:25]:
            print("   FAIL:", e)
        failed = failed or bool(errs)
    print("SELF-CHECK", "FAILED" if failed else "PASSED")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
