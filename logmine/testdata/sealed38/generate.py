#!/usr/bin/env python3
"""Sealed 38 corpus generator (standard library only, fully deterministic).

Writes <System>/<System>.log and <System>/<System>.log_structured.csv for six
systems and then self-checks every file.  Never reads the wall clock or locale.
"""
import csv
import os
import random
import re
import statistics
import sys

SEED = 20270138
OUT = os.path.dirname(os.path.abspath(__file__))
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WDAYS_SUN0 = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
YEAR, MONTH, DAY = 2026, 3, 14
NS = 10 ** 9
N_LINES = 300


def weekday_sun0(y, m, d):
    t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
    if m < 3:
        y -= 1
    return (y + y // 4 - y // 100 + y // 400 + t[m - 1] + d) % 7


WDAY = WDAYS_SUN0[weekday_sun0(YEAR, MONTH, DAY)]
MON = MONTHS[MONTH - 1]


def sec(x):
    """seconds (float) -> integer nanoseconds"""
    return int(round(x * NS))


def hms(t):
    s = t // NS
    return s // 3600, (s // 60) % 60, s % 60


def msec(t):
    return (t // 10 ** 6) % 1000


def go_duration(ns):
    """Format integer nanoseconds the way Go's time.Duration.String() does."""
    if ns < 1000:
        return "%dns" % ns
    if ns < 10 ** 6:
        whole, frac, unit, w = ns // 1000, ns % 1000, "\u00b5s", 3
    elif ns < 10 ** 9:
        whole, frac, unit, w = ns // 10 ** 6, ns % 10 ** 6, "ms", 6
    else:
        whole, frac, unit, w = ns // 10 ** 9, ns % 10 ** 9, "s", 9
    f = ("%0*d" % (w, frac)).rstrip("0")
    return "%d%s%s" % (whole, "." + f if f else "", unit)


def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def alnum(rng, n):
    chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return "".join(rng.choice(chars) for _ in range(n))


def fill(template, vals):
    parts = template.split("<*>")
    if len(parts) - 1 != len(vals):
        raise ValueError("slot count mismatch for %r: %r" % (template, vals))
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        out.append(str(v))
        out.append(p)
    return "".join(out)


class Sys:
    def __init__(self, k, name, header_re):
        self.k = k
        self.name = name
        self.rng = random.Random(SEED * 10 + k)
        self.events = []          # (key, template, meta)
        self.idx = {}
        self.cyc_state = {}
        self.header_re = re.compile(header_re)
        self.kind = None

    def ev(self, key, template, **meta):
        assert key not in self.idx
        self.idx[key] = len(self.events)
        self.events.append((key, template, meta))

    def meta(self, key):
        return self.events[self.idx[key]][2]

    def template(self, key):
        return self.events[self.idx[key]][1]

    def cyc(self, key, slot, pool):
        i = self.cyc_state.get((key, slot), 0)
        self.cyc_state[(key, slot)] = i + 1
        return pool[i % len(pool)]

    def pub_ip(self):
        r = self.rng
        return "%d.%d.%d.%d" % (r.choice([37, 45, 61, 91, 103, 141, 176, 185, 193, 203, 218]),
                                r.randint(1, 254), r.randint(0, 255), r.randint(1, 254))


def run_shuffle(S, start_ns, mean_gap_s, gens):
    """Fixed count per event, shuffled, stamped by a forward-only clock."""
    S.kind = "shuffle"
    keys = []
    for key, _t, meta in S.events:
        keys += [key] * meta["n"]
    assert len(keys) == N_LINES, (S.name, len(keys))
    S.rng.shuffle(keys)
    t = start_ns
    recs = []
    for key in keys:
        t += sec(S.rng.expovariate(1.0 / mean_gap_s)) + 1
        res = gens[key](t)
        vals, extra = (res if isinstance(res, tuple) else (res, {}))
        rec = dict(t=t, key=key, vals=list(vals))
        rec.update(extra)
        recs.append(rec)
    return recs


def merge_sim(S, recs):
    """Merge entity records in time order and keep the first 300."""
    S.kind = "simulation"
    order = sorted(range(len(recs)), key=lambda i: (recs[i]["t"], i))
    out = [recs[i] for i in order[:N_LINES]]
    assert len(out) == N_LINES, (S.name, len(recs))
    return out


# ---------------------------------------------------------------------------
# 1. Cockpit (simulation: browser sessions, brute-force clients, scanners,
#    socket-activated cockpit-ws instances)
# ---------------------------------------------------------------------------
def build_cockpit():
    S = Sys(1, "Cockpit",
            r"[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} [a-z0-9.-]+ cockpit-(?:ws|session)\[\d+\]: ")
    E = S.ev
    E("cert", "Using certificate: /etc/cockpit/ws-certs.d/<*>", proc="ws")
    E("newconn", "New connection to session from <*>", proc="ws")
    E("authfail_user", "pam_unix(cockpit:auth): authentication failure; logname= uid=0 euid=0 tty= ruser= rhost=<*>  user=<*>", proc="session")
    E("unknown", "pam_unix(cockpit:auth): check pass; user unknown", proc="session")
    E("authfail", "pam_unix(cockpit:auth): authentication failure; logname= uid=0 euid=0 tty= ruser= rhost=<*>", proc="session")
    E("opened", "pam_unix(cockpit:session): session opened for user <*>(uid=<*>) by (uid=0)", proc="session")
    E("closed", "pam_unix(cockpit:session): session closed for user <*>", proc="session")
    E("timeout", "session timed out", proc="ws")
    E("readerr", "couldn't read from connection: Error receiving data: <*>", proc="ws")
    E("tls", "Error performing TLS handshake: <*>", proc="ws")
    E("badreq", "received invalid HTTP request line", proc="ws")
    E("origin", "received request from bad Origin: <*>", proc="ws")
    E("faillock", "pam_faillock(cockpit:auth): Consecutive login failures for user <*> account temporarily locked", proc="session")
    E("wsclosed", "WebSocket from <*> for session closed", proc="ws")

    rng = S.rng
    recs = []
    sid = [0]

    def new_sid():
        sid[0] += 1
        return sid[0]

    def add(t, key, vals, sess=None):
        recs.append(dict(t=t, key=key, vals=vals, sess=sess))

    start = sec(6 * 3600 + 41 * 60 + 7.5)
    end = start + sec(12 * 3600)

    # cockpit-ws is socket activated and exits when idle: every start logs its cert
    t = start
    while t < end:
        add(t, "cert", [S.cyc("cert", 0, ["0-self-signed.cert", "50-certmonger-ws.cert"])])
        t += sec(rng.uniform(40, 85) * 60)

    # legitimate admins from the LAN / VPN
    users = [("mhartwell", 1001), ("okeller", 1002), ("sysop", 1000),
             ("tnakamura", 1004), ("root", 0), ("dvasquez", 1003)]
    lan = ["192.168.40.17", "192.168.40.52", "10.12.3.88", "10.12.3.141",
           "192.168.40.203", "172.20.9.14", "10.12.7.30"]
    origins = ["https://cockpit.corp.lan", "http://192.168.40.5:9090",
               "https://srv-cockpit01.intra.example:8443", "https://mgmt-proxy.lan"]
    t = start + sec(rng.uniform(2, 6) * 60)
    i = 0
    while t < end:
        u, uid = S.cyc("legit", "user", users)
        ip = S.cyc("legit", "ip", lan)
        tt = t
        if i % 4 == 1:
            add(tt, "newconn", [ip])
            tt += sec(rng.uniform(0.2, 1.6))
            add(tt, "authfail_user", [ip, u], sess=new_sid())
            tt += sec(rng.uniform(4, 25))
        add(tt, "newconn", [ip])
        tt += sec(rng.uniform(0.3, 2.2))
        s = new_sid()
        add(tt, "opened", [u, str(uid)], sess=s)
        dur = sec(30 + rng.expovariate(1.0 / (22 * 60)))
        if i % 3 == 0:
            add(tt + int(dur * rng.uniform(0.2, 0.8)), "readerr",
                [S.cyc("readerr", 0, ["Connection reset by peer", "Connection timed out", "Broken pipe"])])
        if i % 4 == 2:
            add(tt + int(dur * rng.uniform(0.05, 0.5)), "origin", [S.cyc("origin", 0, origins)])
        te = tt + dur
        m = i % 3
        if m == 0:
            add(te, "timeout", [])
            te += sec(rng.uniform(0.01, 0.3))
        elif m == 1:
            add(te, "wsclosed", [ip])
            te += sec(rng.uniform(0.01, 0.3))
        add(te, "closed", [u], sess=s)
        i += 1
        t += sec(60 + rng.expovariate(1.0 / (16 * 60)))

    # password guessing clients from the internet
    others = ["test", "ubuntu", "oracle", "git", "postgres", "user", "guest",
              "support", "pi", "deploy", "ftpuser"]
    t = start + sec(rng.uniform(8, 25) * 60)
    while t < end:
        ip = S.pub_ip()
        primary = S.cyc("attack", "primary", ["root", "sysop", "admin"])
        n = rng.randint(5, 10)
        tt = t
        fails = 0
        locked = False
        for a in range(n):
            u = primary if (a % 2 == 0 and not locked) else S.cyc("attack", "other", others)
            add(tt, "newconn", [ip])
            tt += sec(rng.uniform(0.3, 2.4))
            s = new_sid()
            if u in ("root", "sysop", "admin"):
                add(tt, "authfail_user", [ip, u], sess=s)
                fails += 1
                if fails == 3:
                    tt += sec(rng.uniform(0.001, 0.02))
                    add(tt, "faillock", [u], sess=s)
                    locked = True
            else:
                add(tt, "unknown", [], sess=s)
                tt += sec(rng.uniform(0.001, 0.02))
                add(tt, "authfail", [ip], sess=s)
            tt += sec(rng.uniform(2, 9))
        t += sec(5 * 60 + rng.expovariate(1.0 / (38 * 60)))

    # scanners poking the TLS port
    tls_err = ["No supported cipher suites have been found.",
               "The TLS connection was non-properly terminated.",
               "An unexpected TLS packet was received.",
               "A packet with illegal or unsupported version was received."]
    t = start + sec(rng.uniform(3, 12) * 60)
    while t < end:
        kind = S.cyc("scan", "kind", ["tls", "badreq", "tls"])
        if kind == "tls":
            add(t, "tls", [S.cyc("tls", 0, tls_err)])
        else:
            add(t, "badreq", [])
        t += sec(rng.expovariate(1.0 / (13 * 60)))

    out = merge_sim(S, recs)
    ws_pid = 0
    last_pid = rng.randint(1100, 1400)
    spids = {}
    for r in out:
        if r["key"] == "cert" or ws_pid == 0:
            last_pid += rng.randint(40, 900)
            ws_pid = last_pid
        if S.meta(r["key"])["proc"] == "ws":
            r["pid"] = ws_pid
            r["prog"] = "cockpit-ws"
        else:
            if r["sess"] not in spids:
                last_pid += rng.randint(3, 160)
                spids[r["sess"]] = last_pid
            r["pid"] = spids[r["sess"]]
            r["prog"] = "cockpit-session"

    def header(r):
        h, m, s = hms(r["t"])
        return "%s %2d %02d:%02d:%02d srv-cockpit01 %s[%d]: " % (MON, DAY, h, m, s, r["prog"], r["pid"])
    return S, out, header


# ---------------------------------------------------------------------------
# 2. Navidrome (seeded shuffle)
# ---------------------------------------------------------------------------
def build_navidrome():
    S = Sys(2, "Navidrome",
            r'time="\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z" level=(?:trace|debug|info|warning|error|fatal) ')
    E = S.ev
    E("http", 'msg="HTTP: <*> <*>" elapsed=<*> httpStatus=<*> remoteAddr="<*>" requestId=<*> responseSize=<*>', level="debug", n=70)
    E("apireq", 'msg="API: New request <*>" client=<*> requestId=<*> username=<*> version=<*>', level="debug", n=40)
    E("transcoded", 'msg="Streaming TRANSCODED file" id=<*> path="<*>" requestBitrate=<*> requestFormat=<*> requestId=<*> selectedBitrate=<*> selectedFormat=<*> transcoding=true', level="debug", n=18)
    E("raw", 'msg="Streaming RAW file" id=<*> path="<*>" requestBitrate=0 requestFormat=raw requestId=<*> selectedBitrate=0 selectedFormat=raw transcoding=false', level="debug", n=22)
    E("ffmpeg", 'msg="Executing ffmpeg command" cmd="<*>"', level="debug", n=15)
    E("transerr", 'msg="Error executing transcoding command" error="<*>" requestId=<*>', level="error", n=5)
    E("nowplaying", 'msg="Now Playing" artist="<*>" player="<*>" title="<*>" user=<*>', level="info", n=25)
    E("scrobble", 'msg="Sending scrobble" artist="<*>" scrobbler=<*> track="<*>" user=<*>', level="info", n=14)
    E("badlogin", 'msg="API: Invalid login" authMethod=<*> remoteAddr="<*>" username=<*>', level="warning", n=12)
    E("scanstart", 'msg="Scanner: Starting scan" fullScan=<*>', level="info", n=6)
    E("dbupdate", 'msg="Updating tracks in DB" dir="<*>" numTracks=<*>', level="debug", n=30)
    E("scandone", 'msg="Finished processing Music Folder" added=<*> deleted=<*> elapsed=<*> folder=/music updated=<*>', level="info", n=5)
    E("tagerr", 'msg="Error reading tags" error="<*>" file="<*>"', level="warning", n=10)
    E("coverr", 'msg="Error loading cover art" error="<*>" id=<*>', level="warning", n=20)
    E("purge", 'msg="Purged expired entries from cache" cache=<*> purged=<*> size="<*>"', level="info", n=8)

    rng = S.rng
    host = "music.hollis.lan"
    node = "4f0c1b7a9d2e"
    reqn = [rng.randint(120, 400)]
    users = ["jhollis", "maren", "kids", "tbeck"]
    artists = [("Lantern Coast", "Tidewater Songs"), ("The Ferric Owls", "Night Ferry"),
               ("Mira Osei Trio", "Slow Weather"), ("Dust & Halcyon", "Overpass"),
               ("Juniper Vale", "Paper Satellites"), ("Old Harbour Band", "Salt Roads")]
    titles = ["Low Tide Radio", "Glass Orchard", "Letters to Ohio", "Second Signal",
              "The Quiet Hour", "Ember Street", "Northbound Again", "Copper Sky"]
    clients = ["DSub", "Symfonium", "substreamer", "Feishin", "play:Sub"]
    players = ["DSub [Pixel 7]", "Symfonium [Galaxy S23]", "Feishin [Firefox]", "NavidromeUI [Chrome]"]
    lan = ["192.168.1.%d" % x for x in (23, 41, 57, 102, 118)] + ["10.8.0.6", "10.8.0.9"]

    def rid():
        reqn[0] += rng.randint(1, 9)
        return "%s/%s-%06d" % (node, alnum(rng, 10), reqn[0])

    def mfid():
        return alnum(rng, 22)

    def track_path():
        a, al = rng.choice(artists)
        ti = rng.choice(titles)
        ext = rng.choice(["flac", "flac", "mp3", "m4a"])
        return "/music/%s/%s/%02d - %s.%s" % (a, al, rng.randint(1, 14), ti, ext)

    endpoints = ["getAlbumList2", "getCoverArt", "stream", "scrobble", "getArtists",
                 "search3", "getPlaylists", "ping", "getAlbum", "getLyrics"]

    def g_http(t):
        m = rng.choice(["GET"] * 5 + ["POST"])
        ep = rng.choice(endpoints)
        u = rng.choice(users)
        if rng.random() < 0.8:
            uri = "http://%s/rest/%s?c=%s&f=json&u=%s&v=1.16.1" % (host, ep, rng.choice(clients), u)
            if ep in ("getCoverArt", "stream", "getAlbum"):
                uri += "&id=" + mfid()
        else:
            uri = "http://%s/api/%s" % (host, rng.choice(["album?_end=60&_order=DESC&_sort=recently_added&_start=0",
                                                          "song?_end=100&_start=0", "keepalive/keepalive",
                                                          "player", "queue"]))
        el = rng.choice([rng.randint(120000, 9000000), rng.randint(9000000, 900000000)])
        st = rng.choice([200] * 8 + [304, 404, 401])
        size = rng.randint(90, 40000) if ep != "stream" else rng.randint(2000000, 14000000)
        return [m, uri, go_duration(el), st, "%s:%d" % (rng.choice(lan), rng.randint(32768, 60999)), rid(), size]

    def g_apireq(t):
        return ["/" + rng.choice(endpoints), S.cyc("apireq", 1, clients), rid(), rng.choice(users),
                S.cyc("apireq", 4, ["1.16.1", "1.15.0", "1.13.0"])]

    def g_transcoded(t):
        fmt = S.cyc("transcoded", 3, ["mp3", "opus", "mp3"])
        sel = {"mp3": rng.choice([192, 256, 320]), "opus": rng.choice([96, 128])}[fmt]
        return [mfid(), track_path(), S.cyc("transcoded", 2, [0, 320, 128, 192]), fmt, rid(), sel, fmt]

    def g_raw(t):
        return [mfid(), track_path(), rid()]

    def g_ffmpeg(t):
        br = S.cyc("ffmpeg", 0, ["192", "128", "320"])
        return ["[/usr/bin/ffmpeg -i %s -ss 0 -map 0:a:0 -b:a %sk -v 0 -f mp3 -]" % (track_path(), br)]

    def g_transerr(t):
        return [S.cyc("transerr", 0, ["exit status 1", "signal: killed", "context canceled",
                                      "write |1: broken pipe"]), rid()]

    def g_nowplaying(t):
        a, _al = rng.choice(artists)
        return [a, S.cyc("nowplaying", 1, players), rng.choice(titles), rng.choice(users)]

    def g_scrobble(t):
        a, _al = rng.choice(artists)
        return [a, S.cyc("scrobble", 1, ["lastfm", "listenbrainz"]), rng.choice(titles), rng.choice(users)]

    def g_badlogin(t):
        return [S.cyc("badlogin", 0, ["token", "password", "apiKey"]),
                "%s:%d" % (rng.choice(lan + ["203.0.113.77", "198.51.100.14"]), rng.randint(32768, 60999)),
                S.cyc("badlogin", 2, ["admin", "jhollis", "guest", "Maren"])]

    def g_scanstart(t):
        return [S.cyc("scanstart", 0, ["false", "false", "true"])]

    def g_dbupdate(t):
        a, al = rng.choice(artists)
        return ["/music/%s/%s" % (a, al), rng.randint(1, 24)]

    def g_scandone(t):
        return [rng.randint(0, 40), S.cyc("scandone", 1, [0, 2, 0, 11]),
                go_duration(rng.randint(800000000, 95000000000)), rng.randint(0, 60)]

    def g_tagerr(t):
        return [S.cyc("tagerr", 0, ["invalid or corrupt file", "unsupported file format",
                                    "taglib: file could not be opened", "unexpected EOF"]), track_path()]

    def g_coverr(t):
        return [S.cyc("coverr", 0, ["artwork not found", "context canceled",
                                    "image: unknown format", "open /data/cache/images/tmp: no space left on device"]),
                rng.choice(["al-", "ar-", "mf-"]) + mfid() + "_0"]

    def g_purge(t):
        return [S.cyc("purge", 0, ["Image", "Transcoding"]), rng.randint(3, 400),
                "%d %s" % (rng.randint(2, 900), S.cyc("purge", 2, ["MiB", "KiB", "MiB"]))]

    gens = dict(http=g_http, apireq=g_apireq, transcoded=g_transcoded, raw=g_raw, ffmpeg=g_ffmpeg,
                transerr=g_transerr, nowplaying=g_nowplaying, scrobble=g_scrobble, badlogin=g_badlogin,
                scanstart=g_scanstart, dbupdate=g_dbupdate, scandone=g_scandone, tagerr=g_tagerr,
                coverr=g_coverr, purge=g_purge)
    out = run_shuffle(S, sec(7 * 3600 + 12 * 60 + 40), 14.0, gens)

    def header(r):
        h, m, s = hms(r["t"])
        return 'time="%04d-%02d-%02dT%02d:%02d:%02dZ" level=%s ' % (YEAR, MONTH, DAY, h, m, s,
                                                                 S.meta(r["key"])["level"])
    return S, out, header


# ---------------------------------------------------------------------------
# 3. Gogs (seeded shuffle)
# ---------------------------------------------------------------------------
def build_gogs():
    S = Sys(3, "Gogs",
            r"(?:\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2} \[(?:TRACE| INFO| WARN|ERROR|FATAL)\] (?:\[[^\]]+\] )?"
            r"|\[Macaron\] \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}: )")
    E = S.ev
    E("started", "Started <*> <*> for <*>", level="macaron", n=75)
    E("completed", "Completed <*> <*> <*> in <*>", level="macaron", n=45)
    E("session", "Session ID: <*>", level="TRACE", n=30)
    E("csrf", "CSRF Token: <*>", level="TRACE", n=25)
    E("handshake", "SSH: Handshaking for <*>", level="TRACE", n=18)
    E("sshconn", "SSH: Connection from <*> (<*>)", level="TRACE", n=15)
    E("payload", "SSH: Payload: <*>", level="TRACE", n=20)
    E("ssherr", "SSH: Error on handshaking: <*>", level="ERROR",
      caller="gogs.io/gogs/internal/ssh/ssh.go:124 handleServerConn()", n=6)
    E("syncmirror", "SyncMirrors [repo_id: <*>]", level="TRACE", n=22)
    E("mirrorfail", "Failed to update mirror repository '<*>': <*>", level="ERROR",
      caller="gogs.io/gogs/internal/db/mirror.go:342 (*Mirror).runSync()", n=9)
    E("repocreated", "Repository created: <*>", level="TRACE", n=12)
    E("repodeleted", "Repository deleted: <*>", level="TRACE", n=5)
    E("nouser", "GetUserByName: user does not exist [user_id: 0, name: <*>]", level="ERROR",
      caller="gogs.io/gogs/internal/context/repo.go:152 RepoAssignment.func1()", n=10)
    E("mailfail", "Failed to send emails <*>: <*> - <*>", level="ERROR",
      caller="gogs.io/gogs/internal/email/message.go:184 processMailQueue()", n=8)

    rng = S.rng
    owners = ["infra", "kpetrov", "webteam", "amaya", "data-eng", "lbrandt"]
    repos = ["deploy-scripts", "homepage", "ansible-roles", "etl-jobs", "dotfiles",
             "billing-api", "docs", "terraform-modules"]
    lan = ["10.30.%d.%d" % (a, b) for a, b in ((1, 14), (1, 77), (2, 9), (2, 131), (4, 22), (6, 201))]

    def repo():
        return "%s/%s" % (rng.choice(owners), rng.choice(repos))

    def path():
        r = repo()
        return rng.choice(["/" + r, "/%s/commits/master" % r, "/%s/src/master/README.md" % r,
                           "/%s.git/info/refs?service=git-upload-pack" % r, "/user/login",
                           "/explore/repos", "/api/v1/repos/%s/issues" % r, "/%s/pulls" % r,
                           "/%s/raw/master/Makefile" % r, "/", "/issues"])

    def g_started(t):
        return [rng.choice(["GET"] * 6 + ["POST"]), path(), rng.choice(lan)]

    def g_completed(t):
        st = rng.choice(["200 OK"] * 6 + ["302 Found", "304 Not Modified", "404 Not Found", "401 Unauthorized"])
        el = rng.choice([rng.randint(300000, 9000000), rng.randint(9000000, 600000000), rng.randint(40000, 990000)])
        return [rng.choice(["GET"] * 6 + ["POST"]), path(), st, go_duration(el)]

    def g_session(t):
        return [hexs(rng, 16)]

    def g_csrf(t):
        return [alnum(rng, 27).replace("Q", "-").replace("z", "_") + "6MTc3MzQ3" + alnum(rng, 16)]

    def addr():
        return "%s:%d" % (rng.choice(lan + ["10.30.9.5"]), rng.randint(32768, 60999))

    def g_handshake(t):
        return [addr()]

    def g_sshconn(t):
        return [addr(), S.cyc("sshconn", 1, ["SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13.5", "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3",
                                            "SSH-2.0-Go", "SSH-2.0-OpenSSH_for_Windows_8.1"])]

    def g_payload(t):
        return ["%s '%s.git'" % (S.cyc("payload", 0, ["git-upload-pack", "git-receive-pack", "git-upload-pack"]), repo())]

    def g_ssherr(t):
        return [S.cyc("ssherr", 0, ["EOF", "ssh: no auth passed yet",
                                   "read tcp 10.30.0.4:2222->%s: read: connection reset by peer" % addr(),
                                   "ssh: disconnect, reason 11: Bye Bye"])]

    def g_syncmirror(t):
        return [rng.randint(3, 260)]

    def g_mirrorfail(t):
        r = repo()
        errs = ["exit status 128 - fatal: unable to access 'https://github.com/%s.git/': Could not resolve host: github.com" % r,
                "exit status 128 - fatal: could not read Username for 'https://gitlab.example.net': terminal prompts disabled",
                "context deadline exceeded",
                "exit status 1 - error: cannot lock ref 'refs/remotes/origin/main': is at %s but expected %s" % (hexs(rng, 40), hexs(rng, 40))]
        return ["/var/lib/gogs/repositories/%s.git" % r, S.cyc("mirrorfail", 1, errs)]

    def g_repocreated(t):
        return [repo()]

    def g_repodeleted(t):
        return [repo()]

    def g_nouser(t):
        return [S.cyc("nouser", 0, ["wp-admin", "favicon.ico", "robots.txt", "jsmith", ".env", "kpetrov2"])]

    def g_mailfail(t):
        to = "[%s@%s]" % (rng.choice(["kpetrov", "amaya", "lbrandt", "ops"]), rng.choice(["corp.example", "mail.example.org"]))
        return [to, S.cyc("mailfail", 1, ["activate account", "issue comment", "reset password", "new pull request"]),
                S.cyc("mailfail", 2, ["dial tcp 10.30.0.25:587: i/o timeout",
                                      "gomail: could not send email 1: 535 5.7.8 Authentication credentials invalid",
                                      "dial tcp: lookup smtp.corp.example: no such host"])]

    gens = dict(started=g_started, completed=g_completed, session=g_session, csrf=g_csrf, handshake=g_handshake,
                sshconn=g_sshconn, payload=g_payload, ssherr=g_ssherr, syncmirror=g_syncmirror,
                mirrorfail=g_mirrorfail, repocreated=g_repocreated, repodeleted=g_repodeleted,
                nouser=g_nouser, mailfail=g_mailfail)
    out = run_shuffle(S, sec(8 * 3600 + 3 * 60 + 11), 11.0, gens)

    def header(r):
        h, m, s = hms(r["t"])
        meta = S.meta(r["key"])
        if meta["level"] == "macaron":
            return "[Macaron] %04d-%02d-%02d %02d:%02d:%02d: " % (YEAR, MONTH, DAY, h, m, s)
        lv = {"TRACE": "TRACE", "INFO": " INFO", "WARN": " WARN", "ERROR": "ERROR"}[meta["level"]]
        hd = "%04d/%02d/%02d %02d:%02d:%02d [%s] " % (YEAR, MONTH, DAY, h, m, s, lv)
        if "caller" in meta:
            hd += "[%s] " % meta["caller"]
        return hd
    return S, out, header


# ---------------------------------------------------------------------------
# 4. OpenHab (seeded shuffle)
# ---------------------------------------------------------------------------
def build_openhab():
    S = Sys(4, "OpenHab",
            r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} \[(?:TRACE|DEBUG|INFO |WARN |ERROR)\] \[.{36}\] - ")
    E = S.ev
    MR = "org.openhab.core.model.core.internal.ModelRepositoryImpl"
    TM = "org.openhab.core.thing.internal.ThingManagerImpl"
    ZW = "org.openhab.binding.zwave.internal.protocol.ZWaveNode"
    E("loading", "Loading model '<*>'", level="INFO", logger=MR, n=9)
    E("refreshing", "Refreshing model '<*>'", level="INFO", logger=MR, n=20)
    E("motion", "Motion detected in <*>, switching on <*>", level="INFO",
      logger="org.openhab.core.model.script.lighting", n=75)
    E("setpoint", "Heating setpoint for <*> changed to <*>", level="INFO",
      logger="org.openhab.core.model.script.heating", n=45)
    E("scriptfail", "Script execution of rule with UID '<*>' failed: <*>", level="ERROR",
      logger="org.openhab.core.automation.module.script.internal.handler.AbstractScriptModuleHandler", n=12)
    E("inbox", "Added new thing '<*>' to inbox.", level="INFO",
      logger="org.openhab.core.config.discovery.internal.PersistentInbox", n=10)
    E("dead", "NODE <*>: Node is DEAD.", level="WARN", logger=ZW, n=15)
    E("alive", "NODE <*>: Node is ALIVE.", level="INFO", logger=ZW, n=18)
    E("httpfail", "Requesting '<*>' (method='<*>', content='<*>') failed: <*>", level="WARN",
      logger="org.openhab.binding.http.internal.http.RefreshingUrlCache", n=30)
    E("initslow", "Initializing handler for thing '<*>' takes more than 5000ms.", level="WARN", logger=TM, n=5)
    E("disposeslow", "Disposing handler for thing '<*>' takes more than 5000ms.", level="WARN", logger=TM, n=6)
    E("notaccepted", "Received update of a not accepted type (<*>) for item <*>", level="WARN",
      logger="org.openhab.core.internal.items.ItemUpdater", n=22)
    E("convert", "Cannot convert '<*>' to a state type which item '<*>' accepts: [DecimalType, QuantityType, UnDefType].",
      level="WARN", logger="org.openhab.core.model.script.actions.BusEvent", n=25)
    E("mqttlost", "MQTT broker connection to '<*>' lost: <*>", level="WARN",
      logger="org.openhab.binding.mqtt.handler.BrokerHandler", n=8)

    rng = S.rng
    models = ["home.items", "lighting.rules", "heating.rules", "zwave.things", "sensors.items",
              "presence.rules", "default.sitemap", "http.things"]
    rooms = [("Hallway", "Hallway_Ceiling"), ("Kitchen", "Kitchen_Spots"), ("Garage", "Garage_Light"),
             ("Bathroom", "Bath_Mirror_Light"), ("Living Room", "LR_FloorLamp"), ("Stairs", "Stairs_LED_Strip"),
             ("Porch", "Porch_Lantern")]
    zones = ["Living room", "Office", "Bedroom", "Kids room", "Bathroom", "Kitchen"]
    things = ["zwave:device:a1b2c3d4:node%d" % n for n in (4, 7, 12, 15, 23)] + \
             ["hue:0210:ecb5fa1c22d0:%d" % n for n in (3, 8, 11)] + \
             ["http:url:weatherstation", "mqtt:topic:mosquitto:shelly_plug_2", "shelly:shellyplus1pm:b8d61a3f0e22"]
    num_items = ["Outdoor_Temperature", "Solar_Power_Now", "Office_Humidity", "Basement_Temperature",
                 "Grid_Import_Power", "Rain_Last_Hour"]

    def g_loading(t):
        return [S.cyc("loading", 0, models)]

    def g_refreshing(t):
        return [S.cyc("refreshing", 0, models[::-1])]

    def g_motion(t):
        room, it = rng.choice(rooms)
        return [room, it]

    def g_setpoint(t):
        return [rng.choice(zones), "%.1f \u00b0C" % (rng.randint(32, 46) / 2.0)]

    def g_scriptfail(t):
        errs = ["cannot invoke method public abstract java.lang.String org.openhab.core.types.State.toString() on null",
                "The name 'Presence_Anyone' cannot be resolved to an item or type; line 27, column 9, length 15",
                "Could not cast NULL to org.openhab.core.library.types.DecimalType; line 41, column 22, length 38",
                "TypeError: Cannot read property \"state\" of undefined"]
        return [S.cyc("scriptfail", 0, ["lighting-3", "heating-1", "a3f7c01e5d", "presence-2", "solar_surplus"]),
                S.cyc("scriptfail", 1, errs)]

    def g_inbox(t):
        return [S.cyc("inbox", 0, ["hue:0210:ecb5fa1c22d0:%d" % rng.randint(12, 30),
                                   "shelly:shellyplus1pm:%s" % hexs(rng, 12),
                                   "zwave:device:a1b2c3d4:node%d" % rng.randint(24, 40),
                                   "chromecast:audio:%s" % hexs(rng, 32)])]

    def g_dead(t):
        return [rng.choice([4, 7, 12, 15, 23, 31])]

    def g_alive(t):
        return [rng.choice([4, 7, 12, 15, 23, 31])]

    def g_httpfail(t):
        url = S.cyc("httpfail", 0, ["http://192.168.2.61/cm?cmnd=Status%2010", "http://weatherstation.lan/api/v1/current",
                                    "http://192.168.2.77:8080/status", "https://api.example-solar.io/v2/site/4471/overview"])
        meth = S.cyc("httpfail", 1, ["GET", "GET", "POST"])
        content = "null" if meth == "GET" else S.cyc("httpfail", 2, ['{"on":true}', '{"mode":"eco"}'])
        err = S.cyc("httpfail", 3, ["java.util.concurrent.TimeoutException: Total timeout 3000 ms elapsed",
                                    "java.net.ConnectException: Connection refused",
                                    "java.net.NoRouteToHostException: No route to host",
                                    "java.io.EOFException: HttpConnectionOverHTTP@3f1a9c2e::DecryptedEndPoint@7b2e10d4"])
        return [url, meth, content, err]

    def g_initslow(t):
        return [rng.choice(things)]

    def g_disposeslow(t):
        return [rng.choice(things)]

    def g_notaccepted(t):
        return [S.cyc("notaccepted", 0, ["StringType", "DecimalType", "OnOffType"]),
                rng.choice(num_items + ["Porch_Lantern", "Presence_Anyone"])]

    def g_convert(t):
        return [S.cyc("convert", 0, ["NULL", "nan", "--", "unavailable", "23,4"]), rng.choice(num_items)]

    def g_mqttlost(t):
        return [S.cyc("mqttlost", 0, ["tcp://192.168.2.10:1883", "ssl://mqtt.home.lan:8883"]),
                S.cyc("mqttlost", 1, ["Connection lost (32109) - java.io.EOFException",
                                      "Timed out waiting for a response from the server (32000)",
                                      "Connection reset by peer"])]

    gens = dict(loading=g_loading, refreshing=g_refreshing, motion=g_motion, setpoint=g_setpoint,
                scriptfail=g_scriptfail, inbox=g_inbox, dead=g_dead, alive=g_alive, httpfail=g_httpfail,
                initslow=g_initslow, disposeslow=g_disposeslow, notaccepted=g_notaccepted, convert=g_convert,
                mqttlost=g_mqttlost)
    out = run_shuffle(S, sec(5 * 3600 + 58 * 60 + 2.25), 19.0, gens)

    def header(r):
        h, m, s = hms(r["t"])
        meta = S.meta(r["key"])
        lg = meta["logger"][-36:].ljust(36)
        return "%04d-%02d-%02d %02d:%02d:%02d.%03d [%-5.5s] [%s] - " % (YEAR, MONTH, DAY, h, m, s, msec(r["t"]),
                                                                    meta["level"], lg)
    return S, out, header


# ---------------------------------------------------------------------------
# 5. Mopidy (seeded shuffle)
# ---------------------------------------------------------------------------
def build_mopidy():
    S = Sys(5, "Mopidy",
            r"(?:DEBUG   |INFO    |WARNING |ERROR   |CRITICAL) \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3} "
            r"\[\d+:[A-Za-z0-9_-]+\] [a-z_.]+ ")
    E = S.ev
    E("request", "Request from [<*>]:<*>: <*>", level="DEBUG", logger="mopidy_mpd.session", thread="mpd", n=80)
    E("response", "Response to [<*>]:<*>: <*>", level="DEBUG", logger="mopidy_mpd.session", thread="mpd", n=60)
    E("newconn", "New MPD connection from [<*>]:<*>", level="INFO", logger="mopidy_mpd.network", thread="MainThread", n=14)
    E("connclosed", "MPD client connection closed: [<*>]:<*>", level="INFO", logger="mopidy_mpd.network", thread="mpd", n=12)
    E("state", "Changing state: <*> -> <*>", level="DEBUG", logger="mopidy.core.playback", thread="Core-7", n=30)
    E("trigger", "Triggering event: <*>(<*>)", level="DEBUG", logger="mopidy.listener", thread="Core-7", n=22)
    E("notplayable", "Track is not playable: <*>", level="WARNING", logger="mopidy.core.playback", thread="Core-7", n=8)
    E("gsterr", "GStreamer error: <*>", level="ERROR", logger="mopidy.audio.actor", thread="MainThread", n=9)
    E("gststate", "Setting GStreamer state to <*>", level="DEBUG", logger="mopidy.audio.actor", thread="Audio-2", n=18)
    E("access", "<*> <*> <*> (<*>) <*>", level="INFO", logger="tornado.access", thread="HttpServer", n=17)
    E("scanned", "Scanned <*> of <*> files in <*>, ~<*> left.", level="INFO", logger="mopidy_local.commands",
      thread="MainThread", proc="scan", n=15)
    E("scanfail", "Failed scanning <*>: <*>", level="WARNING", logger="mopidy_local.commands",
      thread="MainThread", proc="scan", n=10)
    E("backendexc", "<*> backend caused an exception.", level="ERROR", logger="mopidy.core.library", thread="Core-7", n=5)

    rng = S.rng
    main_pid = 734
    scan_pids = [21977, 23410, 24188]
    clients = ["::ffff:192.168.1.%d" % x for x in (34, 61, 88, 120)] + ["::1", "127.0.0.1"]
    commands = ["status", "currentsong", "idle", "noidle", "playlistinfo", "outputs", "stats",
                'lsinfo "local:directory"', "setvol 55", "play 3", "pause 1", "plchanges 41",
                'find "albumartist" "Juniper Vale"', "command_list_ok_begin"]
    responses = ["OK", "ACK [50@0] {play} No such song", "volume: 55", "state: play",
                 "file: local:track:Lantern%20Coast/Tidewater%20Songs/03%20Glass%20Orchard.flac",
                 "ACK [5@0] {} unknown command \"albumart\""]
    tracks = ["local:track:Lantern%%20Coast/Tidewater%%20Songs/%02d%%20Low%%20Tide%%20Radio.flac",
              "local:track:Mira%%20Osei%%20Trio/Slow%%20Weather/%02d%%20Ember%%20Street.mp3",
              "spotify:track:%s", "tidal:track:%s"]

    def mpd_thread():
        return "MpdSession-%d" % rng.choice([11, 12, 14, 17, 18])

    def thr(key):
        th = S.meta(key)["thread"]
        return mpd_thread() if th == "mpd" else th

    def extra(key):
        pid = S.cyc("pid", "scan", scan_pids) if S.meta(key).get("proc") == "scan" else main_pid
        return {"pid": pid, "thread": thr(key)}

    def trk():
        p = rng.choice(tracks)
        if "%s" in p:
            return p % alnum(rng, 22)
        return p % rng.randint(1, 12)

    def g_request(t):
        return [rng.choice(clients), rng.randint(40000, 60999), rng.choice(commands)], extra("request")

    def g_response(t):
        return [rng.choice(clients), rng.randint(40000, 60999), S.cyc("response", 2, responses)], extra("response")

    def g_newconn(t):
        return [rng.choice(clients), rng.randint(40000, 60999)], extra("newconn")

    def g_connclosed(t):
        return [rng.choice(clients), rng.randint(40000, 60999)], extra("connclosed")

    def g_state(t):
        a, b = S.cyc("state", 0, [("stopped", "playing"), ("playing", "paused"), ("paused", "playing"),
                                  ("playing", "stopped")])
        return [a, b], extra("state")

    def g_trigger(t):
        ev = S.cyc("trigger", 0, ["playback_state_changed", "track_playback_started", "volume_changed",
                                  "tracklist_changed", "seeked"])
        args = {"playback_state_changed": "old_state='stopped', new_state='playing'",
                "track_playback_started": "tl_track=TlTrack(tlid=%d, track=Track(uri='%s'))" % (rng.randint(10, 300), trk()),
                "volume_changed": "volume=%d" % rng.randint(10, 100),
                "tracklist_changed": "",
                "seeked": "time_position=%d" % rng.randint(1000, 300000)}[ev]
        if not args:
            args = "tracks=%d" % rng.randint(2, 80)
        return [ev, args], extra("trigger")

    def g_notplayable(t):
        return [trk()], extra("notplayable")

    def g_gsterr(t):
        return [S.cyc("gsterr", 0, ["Could not open resource for reading.",
                                    "Internal data stream error.",
                                    "Could not open audio device for playback. Device is being used by another application.",
                                    "Your GStreamer installation is missing a plug-in."])], extra("gsterr")

    def g_gststate(t):
        return [S.cyc("gststate", 0, ["GST_STATE_READY", "GST_STATE_PLAYING", "GST_STATE_PAUSED", "GST_STATE_NULL"])], extra("gststate")

    def g_access(t):
        st, m, p = S.cyc("access", 0, [("101", "GET", "/mopidy/ws"), ("200", "GET", "/iris/"), ("304", "GET", "/iris/assets/app.js"),
                                       ("200", "POST", "/mopidy/rpc"), ("404", "GET", "/favicon.ico"),
                                       ("200", "GET", "/local/albumart/%s.jpeg" % hexs(rng, 32))])
        ex = extra("access")
        return [st, m, p, rng.choice(["192.168.1.34", "192.168.1.88", "127.0.0.1", "192.168.1.120"]),
                "%.2fms" % (rng.randint(18, 9000) / 100.0)], ex

    def g_scanned(t):
        total = S.cyc("scanned", 1, [4312, 4318, 4340])
        done = rng.randint(100, total)
        el = rng.randint(5, 400)
        return [done, total, "%ds" % el, "%ds" % rng.randint(2, 900)], extra("scanned")

    def g_scanfail(t):
        f = rng.choice(["Lantern%20Coast/Tidewater%20Songs/07%20Second%20Signal.flac",
                        "Dust%20%26%20Halcyon/Overpass/cover.jpg", "Juniper%20Vale/Paper%20Satellites/desktop.ini",
                        "Old%20Harbour%20Band/Salt%20Roads/11%20Northbound%20Again.m4a"])
        return ["file:///srv/music/" + f, S.cyc("scanfail", 1, ["Data stream error.",
                                                                "Rejecting file with unsupported mime type: text/plain",
                                                                "Timeout after 1000ms",
                                                                "Could not determine type of stream."])], extra("scanfail")

    def g_backendexc(t):
        return [S.cyc("backendexc", 0, ["SpotifyBackend", "TidalBackend", "SoundCloudBackend"])], extra("backendexc")

    gens = dict(request=g_request, response=g_response, newconn=g_newconn, connclosed=g_connclosed,
                state=g_state, trigger=g_trigger, notplayable=g_notplayable, gsterr=g_gsterr,
                gststate=g_gststate, access=g_access, scanned=g_scanned, scanfail=g_scanfail,
                backendexc=g_backendexc)
    out = run_shuffle(S, sec(9 * 3600 + 27 * 60 + 51.875), 9.0, gens)

    def header(r):
        h, m, s = hms(r["t"])
        meta = S.meta(r["key"])
        lv = meta["level"]
        if r["key"] == "access" and fill(S.template("access"), r["vals"]).startswith("404 "):
            lv = "WARNING"
        return "%-8s %04d-%02d-%02d %02d:%02d:%02d,%03d [%d:%s] %s " % (lv, YEAR, MONTH, DAY, h, m, s, msec(r["t"]),
                                                                    r["pid"], r["thread"], meta["logger"])
    return S, out, header


# ---------------------------------------------------------------------------
# 6. Nzbget (simulation: download jobs, server outages, scheduler tasks)
# ---------------------------------------------------------------------------
def build_nzbget():
    S = Sys(6, "Nzbget",
            r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} \d{4}\t"
            r"(?:INFO|WARNING|ERROR|DETAIL|DEBUG)\t")
    E = S.ev
    E("add", "Adding collection <*> to queue", level="INFO")
    E("downloading", "Downloading <*> [<*>/<*>] @ <*> (<*>)", level="DETAIL")
    E("downloaded", "Successfully downloaded <*>", level="INFO")
    E("article", "Article <*> [<*>/<*>] @ <*> (<*>) failed: <*>", level="WARNING")
    E("noconnect", "Could not connect to <*>: <*>", level="ERROR")
    E("blocking", "Blocking <*> (<*>) for <*> sec", level="WARNING")
    E("parcheck", "Checking pars for <*>", level="INFO")
    E("repairnotneeded", "Repair not needed for <*>", level="INFO")
    E("repaired", "Successfully repaired <*>", level="INFO")
    E("unpacking", "Unpacking <*>", level="INFO")
    E("unpackok", "Unpack for <*> successful", level="INFO")
    E("unpackfail", "Unpack for <*> failed: <*>", level="ERROR")
    E("history", "Collection <*> added to history", level="INFO")
    E("pause", "Scheduler: pausing download", level="INFO")
    E("resume", "Scheduler: resuming download", level="INFO")

    rng = S.rng
    recs = []

    def add(t, key, vals):
        recs.append(dict(t=t, key=key, vals=vals))

    servers = [("frostnews", "news.frostnews.example"), ("relay-eu", "eu.newsrelay.example"),
               ("blockfill", "reader.blockfill.example")]
    shows = ["Harbor.Lights", "Quiet.Meridian", "Copper.Valley", "The.Long.Signal", "Night.Orchard",
             "Glass.Frontier"]
    start = sec(6 * 3600 + 30 * 60 + 4)
    end = start + sec(15 * 3600)

    t = start + sec(rng.uniform(1, 4) * 60)
    j = 0
    while t < end:
        if j % 3 == 2:
            name = "%s.%d.1080p.BluRay.x264-%s" % (rng.choice(["Paper.Tigers", "Saltmarsh", "North.of.Nine", "Kestrel"]),
                                                  rng.randint(1994, 2024), rng.choice(["VETO", "DRONES", "SHORTBREHD"]))
        else:
            name = "%s.S%02dE%02d.720p.WEB.h264-%s" % (rng.choice(shows), rng.randint(1, 6), rng.randint(1, 12),
                                                       rng.choice(["GGEZ", "EDITH", "KOGi", "NTb"]))
        base = hexs(rng, 24)
        nfiles = rng.randint(4, 9)
        tt = t
        add(tt, "add", [name])
        tt += sec(rng.uniform(0.5, 3))
        for f in range(1, nfiles + 1):
            fname = "%s/%s.part%02d.rar" % (name, base, f)
            srv, host = servers[(j + f) % 3 if f % 4 else 0]
            add(tt, "downloading", [fname, f, nfiles, srv, host])
            tt += sec(rng.uniform(8, 70))
            if S.cyc("article", "gate", [0, 0, 0, 0, 0, 0, 0, 1]):
                segs = rng.randint(60, 140)
                add(tt, "article", [fname, rng.randint(1, segs), segs, srv, host,
                                    S.cyc("article", 5, ["Article not found", "Connection closed by remote host",
                                                         "CRC error"])])
                tt += sec(rng.uniform(1, 8))
            add(tt, "downloaded", [fname])
            tt += sec(rng.uniform(0.1, 2))
        tt += sec(rng.uniform(1, 5))
        add(tt, "parcheck", [name])
        tt += sec(rng.uniform(5, 60))
        if S.cyc("job", "par", ["repair", "ok", "ok"]) == "repair":
            tt += sec(rng.uniform(20, 120))
            add(tt, "repaired", [name])
        else:
            add(tt, "repairnotneeded", [name])
        tt += sec(rng.uniform(0.5, 3))
        add(tt, "unpacking", [name])
        tt += sec(rng.uniform(10, 90))
        if S.cyc("job", "unpack", ["ok", "fail", "ok", "ok"]) == "fail":
            add(tt, "unpackfail", [name, S.cyc("unpackfail", 1, ["unrar: CRC error in the encrypted file",
                                                                 "Not enough disk space on /downloads/intermediate",
                                                                 "unrar: Corrupt header is found",
                                                                 "Password required"])])
        else:
            add(tt, "unpackok", [name])
        tt += sec(rng.uniform(0.2, 3))
        add(tt, "history", [name])
        j += 1
        t += sec(rng.uniform(5, 25) * 60)

    t = start + sec(rng.uniform(10, 30) * 60)
    while t < end:
        srv, host = S.cyc("outage", "srv", servers[1:] + servers[:1])
        add(t, "noconnect", [host, S.cyc("noconnect", 1, ["Connection timed out", "Connection refused",
                                                          "Could not resolve hostname %s" % host])])
        add(t + sec(rng.uniform(0.001, 0.5)), "blocking", [srv, host, S.cyc("blocking", 2, [10, 60])])
        t += sec(rng.uniform(35, 65) * 60)

    t = start + sec(rng.uniform(15, 35) * 60)
    while t < end:
        add(t, "pause", [])
        add(t + sec(rng.uniform(8, 20) * 60), "resume", [])
        t += sec(rng.uniform(40, 60) * 60)

    out = merge_sim(S, recs)

    def header(r):
        h, m, s = hms(r["t"])
        return "%s %s %02d %02d:%02d:%02d %04d\t%s\t" % (WDAY, MON, DAY, h, m, s, YEAR, S.meta(r["key"])["level"])
    return S, out, header


# ---------------------------------------------------------------------------
# writing and self-check
# ---------------------------------------------------------------------------
def write_system(S, recs, header):
    d = os.path.join(OUT, S.name)
    os.makedirs(d, exist_ok=True)
    lines, rows = [], []
    for i, r in enumerate(recs, 1):
        key = r["key"]
        content = fill(S.template(key), r["vals"])
        lines.append(header(r) + content)
        rows.append([str(i), content, "E%d" % (S.idx[key] + 1), S.template(key)])
    with open(os.path.join(d, S.name + ".log"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(d, S.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


TIME_RE = re.compile(r"(\d{2}):(\d{2}):(\d{2})(?:[.,](\d{3}))?")


def template_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")))


def check_system(S):
    errs = []
    d = os.path.join(OUT, S.name)
    with open(os.path.join(d, S.name + ".log"), "rb") as f:
        raw = f.read()
    with open(os.path.join(d, S.name + ".log_structured.csv"), "rb") as f:
        rawcsv = f.read()
    for nm, data in (("log", raw), ("csv", rawcsv)):
        if not data.endswith(b"\n"):
            errs.append("%s does not end with newline" % nm)
        if b"\r" in data:
            errs.append("%s contains CR" % nm)
    lines = raw.decode("utf-8").split("\n")[:-1]
    with open(os.path.join(d, S.name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header")
    rows = rows[1:]
    if len(lines) != N_LINES or len(rows) != N_LINES:
        errs.append("line/row count %d/%d" % (len(lines), len(rows)))
    tpl_of = {}
    counts = {}
    caps = {}
    last = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errs.append("LineId %s at row %d" % (lid, i))
        if not content or content != content.strip():
            errs.append("content empty/unstripped at %d" % i)
        if "\n" in line or "\r" in line:
            errs.append("multiline at %d" % i)
        if not line.endswith(content):
            errs.append("line %d does not end with content" % i)
            continue
        hd = line[:len(line) - len(content)]
        if not S.header_re.fullmatch(hd):
            errs.append("header mismatch at %d: %r" % (i, hd))
        m = TIME_RE.search(hd)
        if not m:
            errs.append("no time at %d" % i)
        else:
            ts = (int(m.group(1)), int(m.group(2)), int(m.group(3)), int(m.group(4) or 0))
            if last is not None and ts < last:
                errs.append("time goes back at %d" % i)
            last = ts
        if not re.fullmatch(r"E\d+", eid):
            errs.append("bad EventId %r" % eid)
        if tpl_of.setdefault(eid, tpl) != tpl:
            errs.append("EventId %s has two templates" % eid)
        counts[eid] = counts.get(eid, 0) + 1
        mm = template_regex(tpl).fullmatch(content)
        if not mm:
            errs.append("template does not match content at %d: %r / %r" % (i, tpl, content))
            continue
        for gi, g in enumerate(mm.groups()):
            caps.setdefault((eid, gi), set()).add(g)
    if len(set(tpl_of.values())) != len(tpl_of):
        errs.append("templates not distinct")
    declared = ["E%d" % (i + 1) for i in range(len(S.events))]
    for e in declared:
        if e not in counts:
            errs.append("declared event %s unused" % e)
    for e in counts:
        if e not in declared:
            errs.append("undeclared event %s" % e)
    for e, (_k, tpl, _m) in zip(declared, S.events):
        if e in tpl_of and tpl_of[e] != tpl:
            errs.append("template of %s differs from declaration" % e)
        for gi in range(tpl.count("<*>")):
            if len(caps.get((e, gi), ())) < 2:
                errs.append("%s slot %d has <2 distinct values" % (e, gi + 1))
    c = list(counts.values())
    if not 12 <= len(S.events) <= 15:
        errs.append("%d event types" % len(S.events))
    if min(c) < 3:
        errs.append("an event has fewer than 3 lines: %r" % counts)
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines: %r" % counts)
    med = statistics.median(c)
    if max(c) < 3 * med:
        errs.append("largest %d < 3x median %s" % (max(c), med))
    return errs, counts, med


def main():
    builders = [build_cockpit, build_navidrome, build_gogs, build_openhab, build_mopidy, build_nzbget]
    systems = []
    for b in builders:
        S, recs, header = b()
        write_system(S, recs, header)
        systems.append(S)
    ok = True
    for S in systems:
        errs, counts, med = check_system(S)
        order = sorted(counts, key=lambda e: int(e[1:]))
        c = [counts[e] for e in order]
        print("%-10s %-10s events=%2d lines=%d max=%d median=%s min=%d small(3-10)=%d  %s" % (
            S.name, S.kind, len(S.events), sum(c), max(c), med, min(c),
            sum(1 for x in c if 3 <= x <= 10), "OK" if not errs else "FAIL"))
        print("           counts: " + " ".join("%s=%d" % (e, counts[e]) for e in order))
        for e in errs[:20]:
            print("   ! " + e)
        ok = ok and not errs
    print("self-check: %s" % ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
