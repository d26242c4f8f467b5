#!/usr/bin/env python3
"""Sealed 50 corpus generator: six labelled log files for a template miner.

Standard library only, fully deterministic: no wall clock, no locale.
Every system k (1..6) uses random.Random(BASE_SEED * 10 + k); time is an
integer nanosecond clock on 2026-03-14 UTC.  Running this script writes
<System>/<System>.log and <System>/<System>.log_structured.csv for every
system and then self-checks the written files.
"""
import csv
import os
import random
import re
import statistics
import sys

OUT = os.path.dirname(os.path.abspath(__file__))
BASE_SEED = 20270161
NS = 10 ** 9
MS = 10 ** 6
N_LINES = 300


# --------------------------------------------------------------------------
# integer calendar helpers (proleptic Gregorian, UTC)
# --------------------------------------------------------------------------
def days_from_civil(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def civil_from_days(z):
    z += 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    return y + (m <= 2), m, d


DAY0 = days_from_civil(2026, 3, 14) * 86400 * NS


def split_ns(ns):
    days, rem = divmod(ns, 86400 * NS)
    y, m, d = civil_from_days(days)
    secs, frac = divmod(rem, NS)
    hh, r = divmod(secs, 3600)
    mi, ss = divmod(r, 60)
    return y, m, d, hh, mi, ss, frac


def join_ns(y, m, d, hh, mi, ss, frac=0):
    return (days_from_civil(y, m, d) * 86400 + hh * 3600 + mi * 60 + ss) * NS + frac


def hms(h, m, s, ms=0):
    return DAY0 + (h * 3600 + m * 60 + s) * NS + ms * MS


# --------------------------------------------------------------------------
# value helpers
# --------------------------------------------------------------------------
HEX = "0123456789abcdef"
ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz"
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def hexs(rng, n):
    return "".join(rng.choice(HEX) for _ in range(n))


def uuid4(rng):
    h = hexs(rng, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], rng.choice("89ab"), h[17:20], h[20:])


def secs(rng, a, b):
    return int(rng.uniform(a, b) * NS)


def expo(rng, mean_s, floor_s=0.0):
    return int(max(floor_s, rng.expovariate(1.0 / mean_s)) * NS)


def go_dur(ms):
    """Go time.Duration String() style at millisecond precision."""
    h, r = divmod(ms, 3600000)
    m, r = divmod(r, 60000)
    s, frac = divmod(r, 1000)
    sec = str(s) + (("." + "%03d" % frac).rstrip("0") if frac else "")
    if h:
        return "%dh%dm%ss" % (h, m, sec)
    if m:
        return "%dm%ss" % (m, sec)
    return sec + "s"


# --------------------------------------------------------------------------
# generic system container
# --------------------------------------------------------------------------
class System:
    def __init__(self, k, name, kind, header_re, parse_ts):
        self.k = k
        self.name = name
        self.kind = kind
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.header_re = re.compile(header_re)
        self.parse_ts = parse_ts  # match -> (ns, resolution_ns) or None
        self.tpls = []
        self.meta = []
        self._cyc = {}
        self.header = None  # (ns, eidx, hx) -> header string

    def ev(self, tpl, **meta):
        assert tpl not in self.tpls, tpl
        self.tpls.append(tpl)
        self.meta.append(meta)
        return len(self.tpls) - 1

    def cyc(self, key, pool):
        i = self._cyc.get(key, 0)
        self._cyc[key] = i + 1
        return pool[i % len(pool)]


def fill(tpl, values):
    parts = tpl.split("<*>")
    assert len(parts) == len(values) + 1, (tpl, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\r" not in v, (tpl, v)
        out.append(v)
        out.append(p)
    return "".join(out)


def run_shuffle(S, items, t0, mean_gap_s):
    """items: callables f(t) -> [(ns, eidx, values[, hx])...] with ns >= t."""
    rng = S.rng
    rng.shuffle(items)
    t = t0
    recs = []
    for f in items:
        t += expo(rng, mean_gap_s, 0.001)
        for r in f(t):
            assert r[0] >= t
            t = r[0]
            recs.append(r)
    return recs


class Sim:
    """Collects lines of many entities, each on its own clock."""

    def __init__(self):
        self.recs = []

    def add(self, ns, e, vals, hx=None):
        self.recs.append((ns, len(self.recs), e, vals, hx))

    def merged(self, n=N_LINES):
        rs = sorted(self.recs, key=lambda r: (r[0], r[1]))
        assert len(rs) >= n, len(rs)
        return [(r[0], r[2], r[3], r[4]) for r in rs[:n]]


# ==========================================================================
# 1. Factorio headless server (seeded shuffle)
# ==========================================================================
FACTORIO_START = hms(7, 41, 12, 345)


def factorio_parse(m):
    if m.group("up"):
        a, b = m.group("up").split(".")
        return FACTORIO_START + (int(a) * 1000 + int(b)) * MS, MS
    y, mo, d, hh, mi, ss = map(int, re.findall(r"\d+", m.group("wall")))
    return join_ns(y, mo, d, hh, mi, ss), NS


def build_factorio():
    S = System(1, "Factorio", "shuffle",
               r"(?: *(?P<up>\d+\.\d{3}) (?:(?:Info|Warning|Error) [A-Za-z]+\.cpp:\d+: )?"
               r"|(?P<wall>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) )",
               factorio_parse)
    rng = S.rng
    ev = S.ev
    E_JOIN = ev("[JOIN] <*> joined the game", con=True)
    E_LEAVE = ev("[LEAVE] <*> left the game", con=True)
    E_CHAT = ev("[CHAT] <*>: <*>", con=True)
    E_PEER = ev("Received peer info for peer(<*>) username(<*>).", lvl="Info", src="ServerMultiplayerManager.cpp:1060")
    E_STATE = ev("updateTick(<*>) received stateChanged peerID(<*>) oldState(<*>) newState(<*>)",
                 lvl="Info", src="ServerMultiplayerManager.cpp:780")
    E_DISC = ev("Disconnect notification for peer (<*>)", lvl="Info", src="ServerMultiplayerManager.cpp:832")
    E_SAVE = ev("Saving to <*> (non-blocking).", lvl="Info", src="AppManagerStates.cpp:1802")
    E_SAVED = ev("Saving finished", lvl="Info", src="AppManagerStates.cpp:1873")
    E_CHG = ev("updateTick(<*>) changing state from(<*>) to(<*>)", lvl="Info", src="ServerMultiplayerManager.cpp:684")
    E_CSUM = ev("Checksum for <*>: <*>")
    E_LOAD = ev("Loading mod <*> <*> (<*>)", lvl="Info", src="ModManager.cpp:283")
    E_DROP = ev("Dropping peer(<*>) username(<*>) due to high latency: <*>", lvl="Warning",
                src="ServerMultiplayerManager.cpp:1297")
    E_MODERR = ev('Failed to load mod "<*>": <*>', lvl="Error", src="ModManager.cpp:512")
    E_KICK = ev("[KICK] <*> was kicked by <*>. Reason: <*>.", con=True)

    def header(ns, e, hx):
        meta = S.meta[e]
        if meta.get("con"):
            y, m, d, hh, mi, ss, _ = split_ns(ns)
            return "%04d-%02d-%02d %02d:%02d:%02d " % (y, m, d, hh, mi, ss)
        up = (ns - FACTORIO_START) // MS
        t = ("%d.%03d" % divmod(up, 1000)).rjust(8) + " "
        if meta.get("lvl"):
            t += "%s %s: " % (meta["lvl"], meta["src"])
        return t
    S.header = header

    players = ["Brakkus", "tilly_m", "Quorvane", "sprocket42", "Odelia", "nyxfield", "Harrow", "pip_engineer"]
    chat = ["need more iron on the main bus", "biters hitting the north wall again",
            "who took all the red circuits?", "train stop 4 is deadlocked", "brb",
            "gg on the rocket", "anyone seen my blueprint book", "setting up the oil outpost east",
            "lol", "power is dipping, adding more boilers", "can someone fix the copper smelters",
            "nuclear is online", "do not touch the roundabout", "afk 10 min", "thanks!"]
    mods = [("core", "0.0.0"), ("base", "1.1.107"), ("flib", "0.13.0"), ("Krastorio2", "1.3.24"),
            ("RateCalculator", "3.2.7"), ("even-distribution", "2.0.2"), ("squeak-through", "1.8.2")]
    stages = ["settings.lua", "data.lua", "data-updates.lua", "data-final-fixes.lua", "control.lua"]
    peer_of = {}
    nextpeer = [2]
    tick0 = 21604317

    def tick(ns):
        return tick0 + (ns - FACTORIO_START) * 60 // NS

    def g_join(t):
        name = S.cyc("join.name", players)
        nextpeer[0] += 1
        p = nextpeer[0]
        peer_of[name] = p
        out = [(t, E_PEER, [p, name])]
        for a, b in [("Ready", "ConnectedWaitingForMap"),
                     ("ConnectedWaitingForMap", "ConnectedDownloadingMap"),
                     ("ConnectedDownloadingMap", "ConnectedLoadingMap"),
                     ("ConnectedLoadingMap", "TryingToCatchUp")]:
            t += secs(rng, 0.2, 4.0)
            out.append((t, E_STATE, [tick(t), p, a, b]))
        t += secs(rng, 0.3, 2.5)
        out.append((t, E_JOIN, [name]))
        return out

    def g_leave(t):
        name = S.cyc("leave.name", players)
        if name not in peer_of:
            nextpeer[0] += 1
            peer_of[name] = nextpeer[0]
        p = peer_of.pop(name)
        out = [(t, E_DISC, [p])]
        t += secs(rng, 0.01, 0.2)
        out.append((t, E_STATE, [tick(t), p, "InGame", "DisconnectScheduled"]))
        t += secs(rng, 0.01, 0.3)
        out.append((t, E_LEAVE, [name]))
        return out

    def g_save(t):
        slot = S.cyc("save.slot", ["_autosave1", "_autosave2", "_autosave3", "_autosave4", "_autosave5"])
        out = [(t, E_CHG, [tick(t), "InGame", "InGameSavingMap"])]
        t += secs(rng, 0.001, 0.02)
        out.append((t, E_SAVE, [slot]))
        t += secs(rng, 0.4, 4.5)
        out.append((t, E_SAVED, []))
        t += secs(rng, 0.01, 0.05)
        out.append((t, E_CHG, [tick(t), "InGameSavingMap", "InGame"]))
        return out

    def g_chat(t):
        return [(t, E_CHAT, [S.cyc("chat.name", players), S.cyc("chat.msg", chat)])]

    def g_csum(t):
        return [(t, E_CSUM, [S.cyc("csum.mod", mods)[0], rng.randint(10 ** 8, 4294967295)])]

    def g_load(t):
        mod, ver = S.cyc("load.mod", mods)
        return [(t, E_LOAD, [mod, ver, S.cyc("load.stage", stages)])]

    def g_drop(t):
        name = S.cyc("drop.name", players)
        p = peer_of.get(name) or rng.randint(3, 40)
        return [(t, E_DROP, [p, name, "%dms" % rng.randint(2500, 9800)])]

    def g_moderr(t):
        return [(t, E_MODERR, [S.cyc("moderr.mod", ["Krastorio2", "space-exploration", "alien-biomes", "bobinserters"]),
                               S.cyc("moderr.why", ["Dependency base >= 1.1.109 is not satisfied (active version 1.1.107)",
                                                    "Mod zip file is corrupted: unexpected end of archive",
                                                    "Mod version 0.6.128 is not compatible with Factorio 1.1.107"])])]

    def g_kick(t):
        return [(t, E_KICK, [S.cyc("kick.name", players), S.cyc("kick.by", ["<server>", "Brakkus"]),
                             S.cyc("kick.why", ["afk", "griefing the main bus", "unspecified"])])]

    items = ([g_join] * 15 + [g_leave] * 14 + [g_save] * 12 + [g_chat] * 76 + [g_csum] * 9 +
             [g_load] * 20 + [g_drop] * 8 + [g_moderr] * 4 + [g_kick] * 3)
    recs = run_shuffle(S, items, hms(9, 3, 5), 45.0)
    return S, [(r[0], r[1], r[2], None) for r in recs]


# ==========================================================================
# 2. Valheim dedicated server (seeded shuffle)
# ==========================================================================
def valheim_parse(m):
    if not m.group("ts"):
        return None
    mo, d, y, hh, mi, ss = map(int, re.findall(r"\d+", m.group("ts")))
    return join_ns(y, mo, d, hh, mi, ss), NS


def build_valheim():
    S = System(2, "Valheim", "shuffle",
               r"(?:(?P<ts>\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2}): |(?:  )?)", valheim_parse)
    rng = S.rng
    ev = S.ev
    E_CONN = ev("Got connection SteamID <*>")
    E_HAND = ev("Got handshake from client <*>")
    E_PEER = ev("Server: New peer connected,sending global keys")
    E_ZDOID = ev("Got character ZDOID from <*> : <*>")
    E_CLOSE = ev("Closing socket <*>")
    E_ABAND = ev("Destroying abandoned non persistent zdo <*> owner <*>")
    E_WSTART = ev("World save writing starting")
    E_WFIN = ev("World save writing finished")
    E_WSAVED = ev("World saved ( <*> )")
    E_BACKUP = ev("Considering autobackup. World time: <*>, short time: 7200, long time: 43200, backup count: 4")
    E_STATS = ev("Connections <*> ZDOS:<*>  sent:<*> recv:<*>")
    E_PASS = ev("Peer <*> has wrong password")
    E_NRE = ev("NullReferenceException: Object reference not set to an instance of an object", plain=True)
    E_FRAME = ev("at <*> (<*>) [<*>] in <<*>>:0", frame=True)
    E_FILE = ev("(Filename: <<*>> Line: 0)", plain=True)

    def header(ns, e, hx):
        meta = S.meta[e]
        if meta.get("plain"):
            return ""
        if meta.get("frame"):
            return "  "
        y, m, d, hh, mi, ss, _ = split_ns(ns)
        return "%02d/%02d/%04d %02d:%02d:%02d: " % (m, d, y, hh, mi, ss)
    S.header = header

    names = ["Hrodgar", "Sigrun", "Bjolf", "Eirwen", "Kolli", "Ragnvi", "Torstein"]
    players = []
    for n in names:
        players.append((n, str(76561197960265728 + rng.randint(40000000, 900000000)),
                        rng.randint(-2147483647, 2147483647)))
    respawn = {n: 0 for n in names}
    t0 = hms(8, 17, 42)
    wt0 = 48211.37
    zdos0 = 208113
    asm = ["%s" % hexs(rng, 32), "%s" % hexs(rng, 32)]
    frames = [("ZDOMan.RPC_ZDOData", "ZRpc rpc, ZPackage pkg", 0),
              ("ZRpc.HandlePackage", "ZPackage package", 0),
              ("ZNetScene.CreateObject", "ZDO zdo", 0),
              ("ZNet.RPC_PeerInfo", "ZRpc rpc, ZPackage pkg", 0),
              ("ZPackage.ReadZDOID", "System.Boolean resetPos", 1)]

    def zdoid_of(name, uid):
        respawn[name] += 1
        return "%d:%d" % (uid, respawn[name])

    def g_connect(t):
        name, sid, uid = S.cyc("conn.player", players)
        out = [(t, E_CONN, [sid])]
        t += secs(rng, 0.05, 0.6)
        out.append((t, E_HAND, [sid]))
        t += secs(rng, 0.01, 0.2)
        out.append((t, E_PEER, []))
        t += secs(rng, 4, 25)
        out.append((t, E_ZDOID, [name, zdoid_of(name, uid)]))
        return out

    def g_respawn(t):
        name, sid, uid = S.cyc("respawn.player", players[2:] + players[:2])
        return [(t, E_ZDOID, [name, zdoid_of(name, uid)])]

    def g_close(t):
        name, sid, uid = S.cyc("close.player", players[1:] + players[:1])
        return [(t, E_CLOSE, [sid])]

    def g_pass(t):
        return [(t, E_PASS, [str(76561197960265728 + rng.randint(40000000, 900000000))])]

    def g_save(t):
        out = [(t, E_WSTART, [])]
        dur = rng.uniform(180, 2400)
        t += int(dur * 0.8 * MS)
        out.append((t, E_WFIN, []))
        t += int(dur * 0.2 * MS)
        out.append((t, E_WSAVED, ["%.3fms" % dur]))
        t += secs(rng, 0.001, 0.01)
        out.append((t, E_BACKUP, ["%.2f" % (wt0 + (t - t0) / NS)]))
        return out

    def g_aband(t):
        name, sid, uid = S.cyc("aband.player", players)
        owner = uid if rng.random() < 0.6 else S.cyc("aband.owner", players)[2]
        return [(t, E_ABAND, ["%d:%d" % (uid, rng.randint(1000, 4000000)), owner])]

    def g_stats(t):
        zd = zdos0 + (t - t0) // (NS * 9) + rng.randint(-300, 300)
        n = rng.randint(0, 5)
        sent = rng.randint(0, 60) * n
        recv = rng.randint(0, 40) * n
        return [(t, E_STATS, [n, zd, sent, recv])]

    def g_exc(t):
        a = S.cyc("exc.asm", asm)
        out = [(t, E_NRE, [])]
        for _ in range(2):
            meth, args, _x = S.cyc("exc.frame", frames)
            out.append((t, E_FRAME, [meth, args, "0x%05x" % rng.randint(0, 0x2ff), a]))
        out.append((t, E_FILE, [a]))
        return out

    items = ([g_connect] * 14 + [g_respawn] * 12 + [g_close] * 12 + [g_pass] * 5 + [g_save] * 16 +
             [g_aband] * 44 + [g_stats] * 95 + [g_exc] * 3)
    recs = run_shuffle(S, items, t0, 55.0)
    return S, [(r[0], r[1], r[2], None) for r in recs]


# ==========================================================================
# 3. Owncast (seeded shuffle)
# ==========================================================================
def owncast_parse(m):
    y, mo, d, hh, mi, ss = map(int, re.findall(r"\d+", m.group("ts")))
    return join_ns(y, mo, d, hh, mi, ss), NS


def build_owncast():
    S = System(3, "Owncast", "shuffle",
               r"(?:INFO|WARN|ERRO|DEBU|TRAC|FATA|PANI)\[(?P<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)\] ",
               owncast_parse)
    rng = S.rng
    ev = S.ev
    E_IN = ev("Inbound stream connected.", lvl="INFO")
    E_OUT = ev("Inbound stream disconnected.", lvl="INFO")
    E_TRANS = ev("Video transcoder started using <*> with <*> stream variants.", lvl="INFO")
    E_TERR = ev("transcoding error. look at data/logs/transcoder.log to help debug. "
                "your copy of ffmpeg may not support your selected codec of <*>", lvl="ERRO")
    E_KEY = ev("Stream key rejected for inbound connection from <*>", lvl="WARN")
    E_CJOIN = ev("Chat client connected: <*> (<*>) from <*>", lvl="INFO")
    E_CPART = ev("Chat client disconnected: <*> (<*>) after <*>", lvl="INFO")
    E_RENAME = ev('User "<*>" changed their display name to "<*>"', lvl="INFO")
    E_WSERR = ev("websocket read error for client <*>: <*>", lvl="ERRO")
    E_VIEW = ev("Viewer count updated: <*> active, <*> peak", lvl="INFO")
    E_CLEAN = ev("Cleaned up <*> stale HLS segments in <*>", lvl="INFO")
    E_SLOW = ev("Transcoder is not keeping up with the inbound stream (speed <*>)", lvl="WARN")
    E_NOTIFY = ev("Sending live notifications via <*> to <*> recipients", lvl="INFO")
    E_BLOCK = ev("Chat message from <*> blocked: <*>", lvl="WARN")

    def header(ns, e, hx):
        y, m, d, hh, mi, ss, _ = split_ns(ns)
        return "%s[%04d-%02d-%02dT%02d:%02d:%02dZ] " % (S.meta[e]["lvl"], y, m, d, hh, mi, ss)
    S.header = header

    adj = ["eager", "quirky", "sleepy", "jolly", "stoic", "brave", "nifty", "dreamy", "focused", "wizardly"]
    noun = ["otter", "lamplighter", "heron", "tinker", "marmot", "cartographer", "puffin", "falconer", "badger"]

    def new_user():
        return "%s-%s" % (rng.choice(adj), rng.choice(noun)), "".join(rng.choice(B62 + "_-") for _ in range(9))

    def ext_ip():
        return "%d.%d.%d.%d" % (rng.choice([203, 198, 185, 91, 77, 46, 84, 151, 176, 37]),
                                rng.randint(1, 254), rng.randint(0, 255), rng.randint(1, 254))

    clients = [new_user() for _ in range(20)]
    view = [14, 14]
    werr = ["websocket: close 1001 (going away)",
            "websocket: close 1006 (abnormal closure): unexpected EOF",
            "read tcp 172.18.0.3:8080->%s:%d: i/o timeout",
            "read tcp 172.18.0.3:8080->%s:%d: read: connection reset by peer"]
    blocks = ["message contains a blocked word", "rate limit exceeded (10 messages in 5s)",
              "user is not allowed to chat", "message exceeds 500 characters"]

    def ipport():
        return "%s:%d" % (ext_ip(), rng.randint(1024, 65535))

    def g_in(t):
        out = [(t, E_IN, [])]
        t += secs(rng, 0.2, 1.5)
        out.append((t, E_TRANS, [S.cyc("trans.codec", ["libx264", "h264_nvenc", "h264_vaapi"]),
                                 S.cyc("trans.var", [1, 2, 3, 2])]))
        return out

    def g_out(t):
        return [(t, E_OUT, [])]

    def g_terr(t):
        return [(t, E_TERR, [S.cyc("terr.codec", ["h264_vaapi", "h264_nvenc", "h264_qsv"])])]

    def g_key(t):
        return [(t, E_KEY, [ipport()])]

    def g_cjoin(t):
        u = rng.choice(clients)
        return [(t, E_CJOIN, [u[0], u[1], ext_ip()])]

    def g_cpart(t):
        u = rng.choice(clients)
        return [(t, E_CPART, [u[0], u[1], go_dur(int(rng.expovariate(1 / 900.0) * 1000) + 1200)])]

    def g_rename(t):
        i = rng.randrange(len(clients))
        old, uid = clients[i]
        new = S.cyc("rename.new", ["DJ Kestrel", "mossbyte", "Lena from chat", "quietstorm", "pixel_pilgrim",
                                   "Arvo", "not_a_bot"])
        clients[i] = (new, uid)
        return [(t, E_RENAME, [old, new])]

    def g_wserr(t):
        u = rng.choice(clients)
        w = S.cyc("wserr.err", werr)
        if "%s" in w:
            w = w % (ext_ip(), rng.randint(1024, 65535))
        return [(t, E_WSERR, [u[1], w])]

    def g_view(t):
        view[0] = max(0, view[0] + rng.randint(-4, 5))
        view[1] = max(view[1], view[0])
        return [(t, E_VIEW, [view[0], view[1]])]

    def g_clean(t):
        return [(t, E_CLEAN, [rng.randint(1, 30), S.cyc("clean.dir", ["data/hls/0", "data/hls/1", "data/hls/2"])])]

    def g_slow(t):
        return [(t, E_SLOW, ["%.2fx" % rng.uniform(0.55, 0.97)])]

    def g_notify(t):
        return [(t, E_NOTIFY, [S.cyc("notify.via", ["Discord", "browser push", "fediverse"]), rng.randint(3, 420)])]

    def g_block(t):
        return [(t, E_BLOCK, [rng.choice(clients)[0], S.cyc("block.why", blocks)])]

    items = ([g_in] * 6 + [g_out] * 6 + [g_terr] * 4 + [g_key] * 5 + [g_cjoin] * 46 + [g_cpart] * 45 +
             [g_rename] * 12 + [g_wserr] * 20 + [g_view] * 90 + [g_clean] * 30 + [g_slow] * 12 +
             [g_notify] * 8 + [g_block] * 10)
    recs = run_shuffle(S, items, hms(16, 2, 11), 38.0)
    return S, [(r[0], r[1], r[2], None) for r in recs]


# ==========================================================================
# 4. MediaMTX (simulation: publishers, RTSP readers, HLS muxers, WebRTC sessions)
# ==========================================================================
def mediamtx_parse(m):
    y, mo, d, hh, mi, ss = map(int, re.findall(r"\d+", m.group("ts")))
    return join_ns(y, mo, d, hh, mi, ss), NS


def build_mediamtx():
    S = System(4, "MediaMtx", "simulation",
               r"(?P<ts>\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}) (?:DEB|INF|WAR|ERR) ", mediamtx_parse)
    rng = S.rng
    ev = S.ev
    E_CO = ev("[RTSP] [conn <*>] opened", lvl="INF")
    E_CC = ev("[RTSP] [conn <*>] closed: <*>", lvl="INF")
    E_SC = ev("[RTSP] [session <*>] created by <*>", lvl="INF")
    E_PUB = ev("[RTSP] [session <*>] is publishing to path '<*>', <*> tracks (<*>)", lvl="INF")
    E_READ = ev("[RTSP] [session <*>] is reading from path '<*>', with <*>, <*> tracks (<*>)", lvl="INF")
    E_SD = ev("[RTSP] [session <*>] destroyed: <*>", lvl="INF")
    E_LOST = ev("[RTSP] [session <*>] <*> RTP packets lost", lvl="WAR")
    E_MC = ev("[HLS] [muxer <*>] created (requested by <*>)", lvl="INF")
    E_MCONV = ev("[HLS] [muxer <*>] is converting into HLS, <*> tracks (<*>)", lvl="INF")
    E_MD = ev("[HLS] [muxer <*>] destroyed: not used anymore", lvl="INF")
    E_WC = ev("[WebRTC] [session <*>] created by <*>", lvl="INF")
    E_WPC = ev("[WebRTC] [session <*>] peer connection established, local candidate: <*>, remote candidate: <*>",
               lvl="INF")
    E_WR = ev("[WebRTC] [session <*>] is reading from path '<*>', <*> tracks (<*>)", lvl="INF")
    E_WCL = ev("[WebRTC] [session <*>] closed: <*>", lvl="INF")

    def header(ns, e, hx):
        y, m, d, hh, mi, ss, _ = split_ns(ns)
        return "%04d/%02d/%02d %02d:%02d:%02d %s " % (y, m, d, hh, mi, ss, S.meta[e]["lvl"])
    S.header = header

    sim = Sim()
    add = sim.add
    t0 = hms(6, 12, 40)
    horizon = t0 + 3 * 3600 * NS
    srv = "192.168.20.5"
    paths = [("cam1", "H264, MPEG-4 Audio", "192.168.20.11"),
             ("cam2", "H265, Opus", "192.168.20.12"),
             ("garage", "H264, G711", "192.168.20.31"),
             ("frontdoor", "H264, MPEG-4 Audio, KLV", "192.168.20.32"),
             ("lobby/cam3", "H265, MPEG-4 Audio", "192.168.20.40")]
    ntr = {p: tr.count(",") + 1 for p, tr, _ in paths}
    trk = {p: tr for p, tr, _ in paths}

    def port():
        return rng.randint(32768, 60999)

    def viewer_ip():
        if rng.random() < 0.6:
            return "192.168.%d.%d" % (rng.choice([10, 20, 30]), rng.randint(50, 250))
        return "%d.%d.%d.%d" % (rng.choice([81, 94, 188, 213, 62]), rng.randint(1, 254),
                                rng.randint(0, 255), rng.randint(1, 254))

    # publishers: cameras pushing into their paths, reconnecting after drops
    for i, (path, tracks, cam) in enumerate(paths):
        t = t0 + (secs(rng, 0, 60) if i < 3 else secs(rng, 150, 700))
        while t < horizon:
            conn = "%s:%d" % (cam, port())
            sid = hexs(rng, 8)
            add(t, E_CO, [conn])
            t += secs(rng, 0.005, 0.08)
            add(t, E_SC, [sid, conn])
            t += secs(rng, 0.02, 0.3)
            add(t, E_PUB, [sid, path, ntr[path], tracks])
            end = t + expo(rng, 1500, 60)
            tl = t
            while True:
                tl += expo(rng, 150, 1)
                if tl >= end:
                    break
                add(tl, E_LOST, [sid, rng.randint(1, 90)])
            add(end, E_SD, [sid, S.cyc("pub.sd", ["EOF", "session timed out", "terminated"])])
            add(end + secs(rng, 0.001, 0.02), E_CC, [conn, S.cyc("pub.cc", [
                "EOF", "read tcp %s:8554->%s: i/o timeout" % (srv, conn),
                "read tcp %s:8554->%s: read: connection reset by peer" % (srv, conn)])])
            t = end + secs(rng, 3, 40)

    # RTSP readers
    t = t0 + expo(rng, 30)
    while t < horizon:
        ip = viewer_ip()
        conn = "%s:%d" % (ip, port())
        sid = hexs(rng, 8)
        path = S.cyc("read.path", [p[0] for p in paths])
        proto = S.cyc("read.proto", ["UDP", "TCP", "UDP", "TCP", "multicast"])
        tt = t
        add(tt, E_CO, [conn])
        tt += secs(rng, 0.01, 0.2)
        add(tt, E_SC, [sid, conn])
        tt += secs(rng, 0.05, 0.6)
        add(tt, E_READ, [sid, path, proto, ntr[path], trk[path]])
        end = tt + expo(rng, 240, 3)
        add(end, E_SD, [sid, S.cyc("read.sd", ["teared down by %s" % conn, "terminated", "session timed out"])])
        add(end + secs(rng, 0.001, 0.05), E_CC, [conn, S.cyc("read.cc", [
            "EOF", "terminated", "read tcp %s:8554->%s: read: connection reset by peer" % (srv, conn)])])
        t += expo(rng, 35, 0.5)

    # HLS muxers, one per path while requested
    active = {}
    t = t0 + expo(rng, 150)
    while t < horizon:
        path = S.cyc("hls.path", [p[0] for p in paths][::-1])
        if active.get(path, 0) <= t:
            add(t, E_MC, [path, viewer_ip()])
            tt = t + secs(rng, 0.3, 2.5)
            add(tt, E_MCONV, [path, ntr[path], trk[path]])
            end = tt + expo(rng, 420, 60)
            add(end, E_MD, [path])
            active[path] = end + 1
        t += expo(rng, 150, 1)

    # WebRTC readers
    t = t0 + expo(rng, 180)
    while t < horizon:
        sid = hexs(rng, 8)
        ip = viewer_ip()
        rport = port()
        path = S.cyc("webrtc.path", [p[0] for p in paths[1:]])
        add(t, E_WC, [sid, "%s:%d" % (ip, port())])
        tt = t + secs(rng, 0.4, 3.0)
        local = S.cyc("webrtc.local", ["host/udp/%s/8189" % srv, "host/tcp/%s/8189" % srv])
        rtype = S.cyc("webrtc.rtype", ["prflx/udp", "srflx/udp", "host/udp", "host/tcp"])
        add(tt, E_WPC, [sid, local, "%s/%s/%d" % (rtype, ip, rport)])
        tt += secs(rng, 0.005, 0.05)
        add(tt, E_WR, [sid, path, ntr[path], trk[path]])
        end = tt + expo(rng, 300, 5)
        add(end, E_WCL, [sid, S.cyc("webrtc.cl", ["terminated", "peer connection closed",
                                                  "deadline exceeded while waiting connection"])])
        t += expo(rng, 170, 1)

    return S, sim.merged()


# ==========================================================================
# 5. SRS (simulation: RTMP publishers, RTMP players, HTTP-FLV players, timer)
# ==========================================================================
SRS_PID = 28731


def srs_parse(m):
    y, mo, d, hh, mi, ss, ms = map(int, re.findall(r"\d+", m.group("ts")))
    return join_ns(y, mo, d, hh, mi, ss, ms * MS), MS


def build_srs():
    S = System(5, "SrsServer", "simulation",
               r"\[(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3})\]\[(?:INFO|WARN|ERROR|Trace|Debug)\]"
               r"\[\d+\]\[[0-9a-z]{8}\](?:\[\d+\])? ", srs_parse)
    rng = S.rng
    ev = S.ev
    E_CLIENT = ev("RTMP client ip=<*>, fd=<*>", lvl="INFO")
    E_HS = ev("complex handshake success", lvl="INFO")
    E_APP = ev("connect app, tcUrl=<*>, pageUrl=, swfUrl=, schema=rtmp, vhost=__defaultVhost__, port=1935, "
               "app=<*>, args=null", lvl="INFO")
    E_IDENT = ev("client identified, type=<*>, vhost=__defaultVhost__, app=<*>, stream=<*>, param=, "
                 "duration=-1ms", lvl="INFO")
    E_SRC = ev("new live source, stream_url=<*>", lvl="INFO")
    E_START = ev("start publish mr=0/350, p1stpt=20000, pnt=5000, tcp_nodelay=0", lvl="INFO")
    E_REAP = ev("Reap ts segment, sequence_no=<*>, uri=<*>, duration=<*>, start=<*>, pos=<*>", lvl="INFO")
    E_CPB = ev("<- CPB time=<*>, okbps=0,0,0, ikbps=<*>, mr=0/350, p1stpt=20000, pnt=5000", lvl="INFO")
    E_PLA = ev("-> PLA time=<*>, msgs=<*>, okbps=<*>, ikbps=0,0,0, mw=350/8", lvl="INFO")
    E_UNPUB = ev("cleanup when unpublish", lvl="INFO")
    E_DISC = ev("client disconnect peer. ret=<*>", lvl="WARN")
    E_DISP = ev("TCP: before dispose resource(<*>)(<*>), conns=<*>, zombies=0, ign=0, inz=0, ind=0", lvl="INFO")
    E_ZOMB = ev("TCP: clear zombies=1 resources, conns=<*>, removing=0, unsubs=0", lvl="INFO")
    E_HTTP = ev("HTTP #0 <*> GET <*>, content-length=-1", lvl="INFO")
    E_HYB = ev("Hybrid cpu=<*>,<*>, cid=1,0, timer=<*>, clock=<*>, "
               "objs=(pkt:0,raw:0,fua:0,msg:<*>,oth:0,buf:0)", lvl="INFO")

    def header(ns, e, hx):
        y, m, d, hh, mi, ss, frac = split_ns(ns)
        h = "[%04d-%02d-%02d %02d:%02d:%02d.%03d][%s][%d][%s]" % (
            y, m, d, hh, mi, ss, frac // MS, S.meta[e]["lvl"], SRS_PID, hx["cid"])
        if hx.get("errno"):
            h += "[%d]" % hx["errno"]
        return h + " "
    S.header = header

    def cid():
        return "".join(rng.choice(ALNUM) for _ in range(8))

    main_cid = cid()
    sim = Sim()
    t0 = hms(13, 27, 8, 412)
    horizon = t0 + 90 * 60 * NS

    # --- plan connection lifetimes first so conns= can be computed
    conns = []  # dicts: kind, start, end
    t = t0 + secs(rng, 1, 8)
    while t < horizon:
        conns.append({"kind": "pub", "start": t, "end": t + expo(rng, 110, 30)})
        t += expo(rng, 70, 10)
    t = t0 + expo(rng, 30)
    while t < horizon:
        conns.append({"kind": "play", "start": t, "end": t + expo(rng, 150, 4)})
        t += expo(rng, 60, 1)
    t = t0 + expo(rng, 45)
    while t < horizon:
        conns.append({"kind": "flv", "start": t, "end": t + expo(rng, 180, 4)})
        t += expo(rng, 80, 1)
    conns.sort(key=lambda c: c["start"])

    def nconns(ns):
        return sum(1 for c in conns if c["start"] <= ns < c["end"])

    hosts = ["live.kestrelcast.net", "10.40.0.21", "srs.studio.lan"]
    apps = ["live", "live", "studio"]
    streams = ["livestream", "cam-north", "studio_a", "match_feed", "lobby", "church_main", "pitch2"]
    live = []  # (start, end, app, stream)
    fds = [10]

    def new_fd():
        fds[0] = 10 + (fds[0] - 9) % 47
        return fds[0] + rng.randint(0, 3)

    def pub_ip():
        return "%d.%d.%d.%d:%d" % (rng.choice([203, 198, 185, 91, 77, 5]), rng.randint(1, 254),
                                   rng.randint(0, 255), rng.randint(1, 254), rng.randint(1024, 65535))

    def rtmp_handshake(c, t, app, host, hx):
        sim.add(t, E_CLIENT, [pub_ip(), new_fd()], hx)
        t += secs(rng, 0.002, 0.03)
        sim.add(t, E_HS, [], hx)
        t += secs(rng, 0.01, 0.08)
        sim.add(t, E_APP, ["rtmp://%s:1935/%s" % (host, app), app], hx)
        return t + secs(rng, 0.01, 0.06)

    def finish(c, hx, res):
        t = c["end"]
        sim.add(t, E_DISC, [S.cyc("disc.ret", [1007, 1011, 1009, 1007])],
                dict(hx, errno=S.cyc("disc.errno", [104, 32, 104, 110])))
        t += secs(rng, 0.001, 0.01)
        n = nconns(t) + 1
        sim.add(t, E_DISP, [res, "0x60%010x" % rng.randint(0x3000000, 0x3ffffffff), n], hx)
        t += secs(rng, 0.0005, 0.003)
        sim.add(t, E_ZOMB, [n - 1], hx)

    for c in conns:
        hx = {"cid": cid()}
        t = c["start"]
        if c["kind"] == "pub":
            app = S.cyc("pub.app", apps)
            host = S.cyc("pub.host", hosts)
            stream = S.cyc("pub.stream", streams)
            t = rtmp_handshake(c, t, app, host, hx)
            sim.add(t, E_IDENT, ["fmle-publish", app, stream], hx)
            t += secs(rng, 0.001, 0.01)
            sim.add(t, E_SRC, ["/%s/%s" % (app, stream)], hx)
            t += secs(rng, 0.01, 0.05)
            sim.add(t, E_START, [], hx)
            live.append((t, c["end"], app, stream))
            seq = rng.randint(0, 20)
            dts = rng.randint(0, 5000)
            pos = 0
            tr = t + secs(rng, 9.8, 10.5)
            tc = t + secs(rng, 9.0, 11.0)
            ikb = rng.choice([1800, 2500, 3500, 4500, 6000])
            while tr < c["end"] or tc < c["end"]:
                if tr <= tc:
                    dur = rng.randint(9960, 10120)
                    sim.add(tr, E_REAP, [seq, "%s-%d.ts" % (stream, seq), "%dms" % dur, dts, pos], hx)
                    seq += 1
                    dts += dur
                    pos += dur * ikb // 8 + rng.randint(0, 9999)
                    tr += dur * MS + secs(rng, -0.05, 0.05)
                else:
                    el = (tc - c["start"]) // MS
                    k = ",".join(str(ikb + rng.randint(-300, 300)) for _ in range(3))
                    sim.add(tc, E_CPB, [el, k], hx)
                    tc += secs(rng, 29.5, 30.5)
            sim.add(c["end"] - secs(rng, 0.001, 0.004), E_UNPUB, [], hx)
            finish(c, hx, "RtmpConn")
        else:
            cand = [x for x in live if x[0] < t < x[1]]
            if cand:
                _, _, app, stream = cand[rng.randrange(len(cand))]
            else:
                app, stream = "live", "livestream"
            if c["kind"] == "play":
                host = S.cyc("play.host", hosts)
                t = rtmp_handshake(c, t, app, host, hx)
                sim.add(t, E_IDENT, [S.cyc("play.type", ["rtmp-play", "flash-play"]), app, stream], hx)
                res = "RtmpConn"
            else:
                url = "http://%s:8080/%s/%s.flv" % (S.cyc("flv.host", hosts), app, stream)
                sim.add(t, E_HTTP, [pub_ip(), url], hx)
                res = "HttpConn"
            tp = t + secs(rng, 9.0, 11.0)
            msgs = 0
            while tp < c["end"]:
                msgs += rng.randint(2, 12)
                kb = ",".join(str(rng.randint(900, 6200)) for _ in range(3))
                sim.add(tp, E_PLA, [(tp - c["start"]) // MS, msgs, kb], hx)
                tp += secs(rng, 29.5, 30.5)
            finish(c, hx, res)

    # periodic hybrid server stats
    t = t0 + secs(rng, 0, 5)
    while t < horizon:
        sim.add(t, E_HYB, ["%.2f%%" % rng.uniform(0.4, 14.0), "%dMB" % rng.randint(24, 71),
                           "%d,0,0" % rng.randint(58, 63),
                           "0,%d,%d,0,0,0,0,0,0" % (rng.randint(38, 52), rng.randint(0, 4)),
                           rng.randint(0, 40)], {"cid": main_cid})
        t += secs(rng, 29.0, 31.0)

    return S, sim.merged()


# ==========================================================================
# 6. Nakama (simulation: sessions, matchmaker, matches)
# ==========================================================================
def nakama_parse(m):
    y, mo, d, hh, mi, ss, ms = map(int, re.findall(r"\d+", m.group("ts")))
    return join_ns(y, mo, d, hh, mi, ss, ms * MS), MS


def build_nakama():
    S = System(6, "Nakama", "simulation",
               r"(?P<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\t(?:debug|info|warn|error)"
               r"\t[a-z_]+/[a-z_]+\.go:\d+\t", nakama_parse)
    rng = S.rng
    ev = S.ev
    JS = "server/runtime_javascript_logger.go:74"
    E_AUTH = ev('Authenticated user\t{"uid": "<*>", "username": "<*>", "method": "<*>"}',
                lvl="info", src="server/api_authenticate.go:118")
    E_WSNEW = ev('New WebSocket session connected\t{"uid": "<*>", "sid": "<*>", "format": "<*>"}',
                 lvl="info", src="server/socket_ws.go:103")
    E_RPC = ev('rpc completed\t{"runtime": "js", "rpc_id": "<*>", "uid": "<*>", "elapsed_ms": <*>}',
               lvl="info", src=JS)
    E_RPCERR = ev('Runtime RPC function caused an error\t{"id": "<*>", "error": "<*>"}',
                  lvl="error", src="server/api_rpc.go:238")
    E_MM = ev('matchmaker matched\t{"runtime": "js", "entries": <*>, "mid": "<*>"}', lvl="info", src=JS)
    E_MCREATE = ev('match created\t{"runtime": "js", "mid": "<*>", "label": "<*>"}', lvl="info", src=JS)
    E_MJOIN = ev('player joined match\t{"runtime": "js", "mid": "<*>", "uid": "<*>", "username": "<*>"}',
                 lvl="info", src=JS)
    E_MLEAVE = ev('player left match\t{"runtime": "js", "mid": "<*>", "uid": "<*>", "username": "<*>"}',
                  lvl="info", src=JS)
    E_SLOW = ev('Match handler tick exceeded budget\t{"mid": "<*>", "tick": <*>, "elapsed": "<*>"}',
                lvl="warn", src="server/match_handler.go:262")
    E_MEND = ev('match terminated\t{"runtime": "js", "mid": "<*>", "tick": <*>, "reason": "<*>"}',
                lvl="info", src=JS)
    E_RDERR = ev('Error reading message from client\t{"uid": "<*>", "sid": "<*>", "error": "<*>"}',
                 lvl="warn", src="server/session_ws.go:183")
    E_CLEAN = ev('Cleaning up closed client connection\t{"uid": "<*>", "sid": "<*>"}',
                 lvl="info", src="server/session_ws.go:475")
    E_CLOSED = ev('Closed client connection\t{"uid": "<*>", "sid": "<*>"}',
                  lvl="info", src="server/session_ws.go:527")
    E_AUTHFAIL = ev('Authentication failed\t{"username": "<*>", "method": "<*>", "error": "<*>"}',
                    lvl="warn", src="server/api_authenticate.go:317")

    def header(ns, e, hx):
        y, m, d, hh, mi, ss, frac = split_ns(ns)
        return "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ\t%s\t%s\t" % (
            y, m, d, hh, mi, ss, frac // MS, S.meta[e]["lvl"], S.meta[e]["src"])
    S.header = header

    sim = Sim()
    add = sim.add
    t0 = hms(19, 44, 3, 221)
    horizon = t0 + 60 * 60 * NS
    a1 = ["quiet", "red", "lucky", "brisk", "hollow", "salty", "sunny", "grim", "tiny", "wild"]
    a2 = ["Fox", "Moth", "Golem", "Pike", "Wren", "Yak", "Comet", "Badger", "Raven", "Toad"]
    rpcs = ["claim_daily_reward", "get_inventory", "equip_item", "open_chest", "list_friends_online",
            "purchase_offer"]
    rpc_errs = [("claim_daily_reward", "daily reward already claimed"),
                ("equip_item", "item not found in inventory"),
                ("purchase_offer", "not enough gems (need 120, have 45)"),
                ("open_chest", "chest is still locked (unlocks in 2h14m)"),
                ("purchase_offer", "offer expired")]
    rd_errs = ["websocket: close 1006 (abnormal closure): unexpected EOF",
               "read tcp 10.8.0.14:7350->%s: i/o timeout",
               "websocket: close 1001 (going away)"]

    def cip():
        return "%d.%d.%d.%d:%d" % (rng.choice([84, 92, 176, 212, 37, 109]), rng.randint(1, 254),
                                   rng.randint(0, 255), rng.randint(1, 254), rng.randint(1024, 65535))

    # --- sessions
    sessions = []
    t = t0 + expo(rng, 8)
    while t < horizon:
        uid = uuid4(rng)
        name = "%s%s%d" % (rng.choice(a1), rng.choice(a2), rng.randint(1, 999))
        s = {"uid": uid, "sid": uuid4(rng), "name": name, "start": t}
        add(t, E_AUTH, [uid, name, S.cyc("auth.method", ["device", "email", "custom", "device"])])
        tc = t + secs(rng, 0.05, 0.6)
        s["conn"] = tc
        add(tc, E_WSNEW, [uid, s["sid"], S.cyc("ws.format", ["json", "protobuf"])])
        end = tc + expo(rng, 420, 20)
        s["end"] = end
        s["queue"] = tc + secs(rng, 3, 30) if rng.random() < 0.75 else None
        tr = tc + expo(rng, 50, 0.5)
        while tr < end - NS:
            if rng.random() < 0.15:
                add(tr, E_RPCERR, list(S.cyc("rpc.err", rpc_errs)))
            else:
                add(tr, E_RPC, [S.cyc("rpc.id", rpcs), uid, rng.randint(1, 180)])
            tr += expo(rng, 50, 0.5)
        if rng.random() < 0.35:
            err = S.cyc("rd.err", rd_errs)
            if "%s" in err:
                err = err % cip()
            add(end, E_RDERR, [uid, s["sid"], err])
            end += secs(rng, 0.0005, 0.003)
        add(end, E_CLEAN, [uid, s["sid"]])
        add(end + secs(rng, 0.0005, 0.004), E_CLOSED, [uid, s["sid"]])
        sessions.append(s)
        t += expo(rng, 11, 0.2)

    # --- failed logins
    t = t0 + expo(rng, 70)
    while t < horizon:
        add(t, E_AUTHFAIL, ["%s%s%d" % (rng.choice(a1), rng.choice(a2), rng.randint(1, 999)),
                            S.cyc("fail.method", ["email", "device", "custom"]),
                            S.cyc("fail.err", ["Invalid credentials.", "User account not found.",
                                               "Username is already in use."])])
        t += expo(rng, 70, 5)

    # --- matchmaker runs every 15s and forms matches
    modes = [(2, "ranked_duel"), (4, "squad_2v2"), (2, "casual_duel"), (3, "coop_raid")]
    tick_t = t0 + 15 * NS
    matched = set()
    while tick_t < horizon:
        pool = [s for s in sessions if s["queue"] is not None and s["queue"] <= tick_t
                and s["end"] > tick_t + 20 * NS and s["sid"] not in matched]
        while True:
            size, label = S.cyc("mm.mode", modes)
            if len(pool) < size:
                break
            group, pool = pool[:size], pool[size:]
            mid = "%s.nakama1" % uuid4(rng)
            for s in group:
                matched.add(s["sid"])
            tt = tick_t + secs(rng, 0.001, 0.05)
            add(tt, E_MM, [size, mid])
            tt += secs(rng, 0.002, 0.03)
            add(tt, E_MCREATE, [mid, label])
            mstart = tt
            mend = mstart + secs(rng, 60, 260)
            for s in group:
                tj = tt + secs(rng, 0.1, 1.5)
                add(tj, E_MJOIN, [mid, s["uid"], s["name"]])
                tl = min(mend, s["end"] - secs(rng, 0.05, 0.4))
                add(tl, E_MLEAVE, [mid, s["uid"], s["name"]])
            ts = mstart + expo(rng, 90, 2)
            while ts < mend:
                add(ts, E_SLOW, [mid, (ts - mstart) // (NS // 10), "%.1fms" % rng.uniform(101, 380)])
                ts += expo(rng, 90, 2)
            add(mend + secs(rng, 0.001, 0.01), E_MEND, [mid, (mend - mstart) // (NS // 10),
                                                       S.cyc("mm.end", ["all players left", "match complete",
                                                                        "inactivity timeout"])])
        tick_t += 15 * NS

    return S, sim.merged()


# ==========================================================================
# writing and self-check
# ==========================================================================
BUILDERS = [build_factorio, build_valheim, build_owncast, build_mediamtx, build_srs, build_nakama]


def write_system(S, recs):
    d = os.path.join(OUT, S.name)
    os.makedirs(d, exist_ok=True)
    assert len(recs) == N_LINES
    with open(os.path.join(d, S.name + ".log"), "w", encoding="utf-8", newline="") as fl, \
            open(os.path.join(d, S.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as fc:
        w = csv.writer(fc, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (ns, e, vals, hx) in enumerate(recs, 1):
            content = fill(S.tpls[e], vals)
            fl.write(S.header(ns, e, hx) + content + "\n")
            w.writerow([i, content, "E%d" % (e + 1), S.tpls[e]])
    return 2


def tpl_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")))


def self_check(S):
    d = os.path.join(OUT, S.name)
    lp = os.path.join(d, S.name + ".log")
    cp = os.path.join(d, S.name + ".log_structured.csv")
    errs = []
    for p in (lp, cp):
        raw = open(p, "rb").read()
        if not raw.endswith(b"\n"):
            errs.append("%s: no final newline" % p)
        if b"\r" in raw:
            errs.append("%s: contains CR" % p)
    lines = open(lp, encoding="utf-8", newline="").read().split("\n")[:-1]
    with open(cp, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header")
    rows = rows[1:]
    if len(lines) != N_LINES or len(rows) != N_LINES:
        errs.append("line/row count %d/%d" % (len(lines), len(rows)))
    tpl_of = {}
    counts = {}
    slots = {}
    lower = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            errs.append("row %d: %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errs.append("row %d: LineId %s" % (i, lid))
        if not content or content != content.strip():
            errs.append("row %d: content empty or unstripped" % i)
        if not line.endswith(content):
            errs.append("line %d: does not end with content" % i)
            continue
        hdr = line[:len(line) - len(content)]
        m = S.header_re.fullmatch(hdr)
        if not m:
            errs.append("line %d: header %r does not match" % (i, hdr))
        else:
            ts = S.parse_ts(m)
            if ts is not None:
                ns, res = ts
                if lower is not None and ns + res <= lower:
                    errs.append("line %d: timestamp goes back" % i)
                lower = ns if lower is None else max(lower, ns)
        if not re.fullmatch(r"E\d+", eid):
            errs.append("row %d: bad EventId %s" % (i, eid))
        if tpl_of.setdefault(eid, tpl) != tpl:
            errs.append("row %d: EventId %s has two templates" % (i, eid))
        counts[eid] = counts.get(eid, 0) + 1
        mm = tpl_regex(tpl).fullmatch(content)
        if not mm:
            errs.append("row %d: template does not match content" % i)
            continue
        for j, g in enumerate(mm.groups()):
            slots.setdefault((eid, j), set()).add(g)
    if len(set(tpl_of.values())) != len(tpl_of):
        errs.append("two EventIds share a template")
    want = {"E%d" % (j + 1): t for j, t in enumerate(S.tpls)}
    if tpl_of != want:
        errs.append("EventIds/templates differ from declaration (unused or unknown events)")
    for eid, t in tpl_of.items():
        for j in range(t.count("<*>")):
            if len(slots.get((eid, j), ())) < 2:
                errs.append("%s slot %d takes fewer than 2 values" % (eid, j + 1))
    c = sorted(counts.values())
    med = statistics.median(c) if c else 0
    if not 12 <= len(c) <= 15:
        errs.append("%d event types" % len(c))
    if c and c[0] < 3:
        errs.append("an event has fewer than 3 lines: %s" % counts)
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines: %s" % c)
    if c and c[-1] < 3 * med:
        errs.append("largest %d < 3 x median %s" % (c[-1], med))
    return errs, c, med


def main():
    written = 0
    failed = False
    print("%-10s %-10s %6s %6s %4s %6s %4s" % ("system", "kind", "lines", "events", "min", "median", "max"))
    for b in BUILDERS:
        S, recs = b()
        written += write_system(S, recs)
        errs, c, med = self_check(S)
        print("%-10s %-10s %6d %6d %4d %6s %4d %s" % (S.name, S.kind, N_LINES, len(c), c[0] if c else 0, med,
                                                     c[-1] if c else 0, "OK" if not errs else "FAIL"))
        for e in errs[:25]:
            print("    " + e)
        failed = failed or bool(errs)
    print("files written: %d" % written)
    if failed:
        print("SELF-CHECK FAILED")
        return 1
    print("self-check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
