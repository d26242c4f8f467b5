#!/usr/bin/env python3
"""Sealed 59: blind labelled log corpus generator.

Python 3 standard library only and fully deterministic: no wall clock, no
locale.  Every message, name, address and id below was invented for this
corpus in the style of the respective program.

Running it writes, for each system, <System>/<System>.log (300 raw lines) and
<System>/<System>.log_structured.csv (LineId,Content,EventId,EventTemplate),
plus README.md, and then re-reads every file and self-checks it.
"""
import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270181
HERE = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300

# Fixed calendar data (never taken from the locale).
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, DAY = 2026, 3, 14          # 2026-03-14, UTC
SEC = 1000000000
MS = 1000000
DAY_NS = 86400 * SEC


# ---------------------------------------------------------------- helpers
def hms(t):
    """Split an integer ns-of-day (UTC, 2026-03-14) into h, m, s, ms."""
    if not 0 <= t < DAY_NS:
        raise ValueError("clock left 2026-03-14: %r" % t)
    s, rem = divmod(t, SEC)
    h, s = divmod(s, 3600)
    m, s = divmod(s, 60)
    return h, m, s, rem // MS


def date_iso():
    return "%04d-%02d-%02d" % (YEAR, MONTH, DAY)


def date_us():
    return "%02d/%02d/%04d" % (MONTH, DAY, YEAR)


def at(h, m, s):
    return (h * 3600 + m * 60 + s) * SEC


def exp_ns(rng, mean_s):
    return 1 + int(rng.expovariate(1.0 / mean_s) * SEC)


def uni_ns(rng, a, b):
    return int(rng.uniform(a, b) * SEC)


IP_FIRST = [5, 23, 31, 37, 46, 62, 78, 85, 91, 94, 109, 141, 151, 176,
            185, 193, 203, 212, 217]


def rand_ip(rng):
    return "%d.%d.%d.%d" % (rng.choice(IP_FIRST), rng.randint(0, 255),
                            rng.randint(0, 255), rng.randint(1, 254))


ALNUM = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def rand_code(rng, n):
    return "".join(rng.choice(ALNUM) for _ in range(n))


class Cycler:
    """Small pools cycle per (event, slot) key through a seeded permutation."""

    def __init__(self, rng):
        self.rng = rng
        self.state = {}

    def __call__(self, key, pool):
        st = self.state.get(key)
        if st is None:
            order = list(pool)
            if len(set(order)) < 2:
                raise ValueError("pool for %r needs two values" % (key,))
            self.rng.shuffle(order)
            st = [order, 0]
            self.state[key] = st
        v = st[0][st[1] % len(st[0])]
        st[1] += 1
        return v


class Emitter:
    """Collects lines from simulated entities; merged later in time order."""

    def __init__(self):
        self.lines = []
        self.seq = 0

    def __call__(self, t, key, vals, hdr=None):
        self.lines.append((t, self.seq, key, [str(v) for v in vals], hdr))
        self.seq += 1

    def merged(self, t0):
        out = sorted((ln for ln in self.lines if ln[0] >= t0),
                     key=lambda ln: (ln[0], ln[1]))
        if len(out) < N_LINES:
            raise RuntimeError("simulation produced only %d lines" % len(out))
        return [(t, key, vals, hdr) for (t, _s, key, vals, hdr) in out[:N_LINES]]


def shuffle_build(rng, counts, gen, t0, mean_gap_s):
    """Seeded shuffle: fixed count per unit kind, shuffled, forward clock."""
    units = []
    for key, n in counts:
        units.extend([key] * n)
    rng.shuffle(units)
    t = t0
    out = []
    for key in units:
        t += exp_ns(rng, mean_gap_s)
        for (k, vals, hdr) in gen(key):
            out.append((t, k, [str(v) for v in vals], hdr))
    return out


# =================================================================
# 1. Minetest / Luanti server debug.txt  (simulation: player sessions)
# =================================================================
MT_EVENTS = [
    ("join", "<*> [<*>] joins game. List of players: <*>"),
    ("leave", "<*> leaves game. List of players: <*>"),
    ("timeout", "<*> times out. List of players: <*>"),
    ("dig", "<*> digs <*> at (<*>,<*>,<*>)"),
    ("place", "<*> places node <*> at (<*>,<*>,<*>)"),
    ("chat", "CHAT: <<*>> <*>"),
    ("chest_put", "<*> moves <*> to chest at (<*>,<*>,<*>)"),
    ("chest_take", "<*> takes <*> from chest at (<*>,<*>,<*>)"),
    ("craft", "<*> crafts <*>"),
    ("respawn", "<*> respawns at (<*>,<*>,<*>)"),
    ("global", 'Undeclared global variable "<*>" accessed at <*>:<*>'),
    ("badpw", "Server: User <*> at <*> supplied wrong password (auth mechanism: SRP)."),
    ("denied", 'Server: Player with the name "<*>" tried to connect from <*> '
               'but it was disallowed for the following reason: <*>'),
    ("modsave", "[<*>] saved <*> entries in <*>"),
    ("nopeer", "Server::ProcessData(): Canceling: peer <*> not found"),
]
MT_NAMES = ["bluebird42", "mossy_tom", "Ilkka_R", "dandelion", "pyrox",
            "terra_nova", "kestrel", "Quillon", "hazel_b", "Otterpop",
            "nimbus7", "Grendel_x", "sprocket", "fennwick"]
MT_DIG = ["default:stone", "default:dirt_with_grass", "default:dirt",
          "default:tree", "default:sand", "default:stone_with_coal",
          "default:gravel", "default:leaves", "default:stone_with_iron",
          "default:desert_stone", "default:cobble", "flowers:dandelion_yellow"]
MT_PLACE = ["default:cobble", "default:wood", "default:torch_wall",
            "default:glass", "default:brick", "default:ladder_wood",
            "stairs:slab_wood", "stairs:stair_cobble", "default:stonebrick",
            "doors:door_wood_a", "default:fence_wood", "default:torch"]
MT_STACKS = ["default:cobble 99", "default:coal_lump 14", "default:iron_lump 6",
             "default:wood 40", "default:torch 23", "farming:wheat 17",
             "default:steel_ingot 3", "default:apple 8", "default:mese_crystal",
             "default:sapling 5"]
MT_CRAFTS = ["default:torch 4", "default:wood 4", "default:stick 4",
             "default:pick_stone", "default:chest", "default:furnace",
             "default:ladder_wood 5", "farming:bread", "default:sword_steel",
             "stairs:slab_cobble 6"]
MT_CHAT = ["anyone got spare iron?", "brb dinner", "where is the spawn shop",
           "nice castle!", "lag spike again", "who flooded my farm",
           "thx for the pick", "heading to the mines at -300",
           "can someone protect this area for me", "lol", "gg",
           "the mese is deeper than I thought", "server restart soon?",
           "found a dungeon near the lake", "need 2 more obsidian"]
MT_GLOBAL_VARS = ["pos", "meta", "node_name", "inv", "timer_cb", "player_name"]
MT_GLOBAL_PATHS = ["/home/mt/.minetest/mods/pipeworks_lite/init.lua",
                   "/home/mt/.minetest/mods/tinyshop/api.lua",
                   "/home/mt/.minetest/mods/nightlamp/nodes.lua",
                   "/home/mt/.minetest/worlds/valdera/worldmods/spawnfix/init.lua"]
MT_BADNAMES = ["Guest2231", "admin", "xXdestroyerXx", "player", "Bot_0417",
               "singleplayer", "tw1stedfox"]
MT_REASONS = ["Wrong password", "Too many users.",
              "Name contains unallowed characters",
              "Your client's version is not supported.",
              "Banned: griefing at spawn (by marlowe)",
              "Player name too long"]
MT_MODS = ["areas", "xban2", "mail"]


def build_minetest(rng, cyc):
    T0 = at(9, 17, 23)
    H = T0 + 3 * 3600 * SEC
    em = Emitter()
    ips = {}

    def ip_of(name):
        if name not in ips:
            ips[name] = rand_ip(rng)
        return ips[name]

    sessions = [
        dict(name="oakleaf99", join=T0 - 47 * 60 * SEC, end=H + 3600 * SEC,
             peer=2, timeout=False),
        dict(name="marlowe", join=T0 - 81 * 60 * SEC, end=H + 3600 * SEC,
             peer=3, timeout=False),
    ]
    sessions.sort(key=lambda s: s["join"])
    peer = 6
    name_i = 0
    idx = 0
    t = T0 - 12 * 60 * SEC
    while True:
        t += exp_ns(rng, 200)
        if t > H:
            break
        online = {s["name"] for s in sessions if s["join"] <= t < s["end"]}
        chosen = None
        for _ in range(len(MT_NAMES)):
            nm = MT_NAMES[name_i % len(MT_NAMES)]
            name_i += 1
            if nm not in online:
                chosen = nm
                break
        if chosen is None:
            continue
        sessions.append(dict(name=chosen, join=t, end=t + uni_ns(rng, 150, 1300),
                             peer=peer, timeout=(idx % 3 == 2)))
        peer += rng.randint(1, 2)
        idx += 1

    def online(tt):
        return " ".join(s["name"] for s in sessions if s["join"] <= tt < s["end"])

    ACTS = ["dig", "place", "chat", "chest_put", "chest_take", "craft", "respawn"]
    WEIGHTS = [36, 24, 9, 4, 4, 6, 3]
    SRV = ("ACTION", "Server")
    for s in sessions:
        nm = s["name"]
        em(s["join"], "join", [nm, ip_of(nm), online(s["join"])], SRV)
        bx, by, bz = rng.randint(-1800, 1800), rng.randint(-25, 45), rng.randint(-1800, 1800)
        chest = (bx + rng.randint(-6, 6), by + rng.randint(0, 2), bz + rng.randint(-6, 6))
        bed = (bx + rng.randint(-8, 8), by + 1, bz + rng.randint(-8, 8))
        t = s["join"] + exp_ns(rng, 25)
        while t < s["end"]:
            act = rng.choices(ACTS, WEIGHTS)[0]
            if act == "dig":
                em(t, act, [nm, cyc(("dig", 1), MT_DIG), bx + rng.randint(-15, 15),
                            by + rng.randint(-9, 4), bz + rng.randint(-15, 15)], SRV)
            elif act == "place":
                em(t, act, [nm, cyc(("place", 1), MT_PLACE), bx + rng.randint(-12, 12),
                            by + rng.randint(-2, 7), bz + rng.randint(-12, 12)], SRV)
            elif act == "chat":
                em(t, act, [nm, cyc(("chat", 1), MT_CHAT)], SRV)
            elif act == "chest_put":
                em(t, act, [nm, cyc(("chest_put", 1), MT_STACKS)] + list(chest), SRV)
            elif act == "chest_take":
                em(t, act, [nm, cyc(("chest_take", 1), MT_STACKS)] + list(chest), SRV)
            elif act == "craft":
                em(t, act, [nm, cyc(("craft", 1), MT_CRAFTS)], SRV)
            else:
                em(t, act, [nm] + list(bed), SRV)
            t += exp_ns(rng, 60)
        if s["end"] <= H:
            if s["timeout"]:
                em(s["end"], "timeout", [nm, online(s["end"])], SRV)
                te = s["end"]
                for _ in range(rng.randint(1, 2)):
                    te += uni_ns(rng, 0.05, 2.5)
                    em(te, "nopeer", [s["peer"]], ("WARNING", "Server"))
            else:
                em(s["end"], "leave", [nm, online(s["end"])], SRV)

    t = T0 + uni_ns(rng, 60, 400)
    while t < H:
        em(t, "badpw", [cyc(("badpw", 0), MT_NAMES), rand_ip(rng)], SRV)
        t += uni_ns(rng, 400, 900)
    t = T0 + uni_ns(rng, 200, 700)
    while t < H:
        em(t, "denied", [cyc(("denied", 0), MT_BADNAMES), rand_ip(rng),
                         cyc(("denied", 2), MT_REASONS)], SRV)
        t += uni_ns(rng, 500, 1000)
    t = T0 + uni_ns(rng, 100, 500)
    while t < H:
        em(t, "global", [cyc(("global", 0), MT_GLOBAL_VARS),
                         cyc(("global", 1), MT_GLOBAL_PATHS), rng.randint(12, 640)],
           ("WARNING", "Server"))
        t += uni_ns(rng, 450, 900)
    t = T0 + uni_ns(rng, 30, 290)
    while t < H:
        em(t, "modsave", [cyc(("modsave", 0), MT_MODS), rng.randint(12, 950),
                          "%dms" % rng.randint(1, 48)], ("", "Server"))
        t += uni_ns(rng, 295, 305)
    return em.merged(T0)


def hdr_minetest(t, hdr):
    h, m, s, _ = hms(t)
    label, thread = hdr
    return "%s %02d:%02d:%02d: %s[%s]: " % (date_iso(), h, m, s, label, thread)


# =================================================================
# 2. OpenTTD dedicated server console  (seeded shuffle)
# =================================================================
OT_EVENTS = [
    ("joined", "*** <*> has joined the game (Client #<*>)"),
    ("left", "*** <*> has left the game (<*>)"),
    ("company", "*** <*> has joined company #<*>"),
    ("spectators", "*** <*> has joined spectators"),
    ("newco", "*** <*> has started a new company #<*>"),
    ("rename", "*** <*> has changed their name to <*>"),
    ("chat_all", "[All] <*>: <*>"),
    ("chat_team", "[Team] <*>: <*>"),
    ("closed", "[server] Client #<*> (<*>) closed connection: <*>"),
    ("autosave", "Autosaving to '<*>'"),
    ("invite", "Server is registered with the Game Coordinator; invite code: <*>"),
    ("script", "[<*>] [<*>] <*>"),
    ("admin_conn", "[admin] '<*>' (<*>) has connected"),
    ("admin_disc", "[admin] '<*>' (<*>) has disconnected"),
]
OT_COUNTS = [("joined", 25), ("left", 22), ("company", 30), ("spectators", 12),
             ("newco", 6), ("rename", 4), ("chat_all", 105), ("chat_team", 28),
             ("closed", 15), ("autosave", 20), ("invite", 3), ("script", 18),
             ("admin_conn", 7), ("admin_disc", 5)]
OT_NAMES = ["Jonas", "tram_enjoyer", "K. Harlow", "bustop", "Mireille",
            "signalman", "Pelle", "Coalface", "ottomatic", "Vasquez", "Ines R",
            "maglev_max"]
OT_LEFT = ["leaving", "connection lost", "general timeout", "kicked by server"]
OT_CLOSED = ["connection lost", "leaving", "general timeout", "join timeout",
             "server full"]
OT_COMPANIES = ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
OT_CHAT = ["anyone want to share the coal line?", "gl all", "my trains are stuck at Fenbridge",
           "who built a level crossing on my mainline", "lol",
           "pls dont terraform next to my station", "nice network!",
           "brb 10 min", "how do you set up path signals again",
           "server lag or is it just me", "can I join company 3?",
           "oil rig near Ston Woodway is free", "gg, good game everyone",
           "I'll take the north coast", "the bridge limit is killing me"]
OT_TEAM = ["build the depot behind the hill", "I'll do buses in Kinburg",
           "we need more money for the tunnel", "replacing the old engines now",
           "dont touch the junction please", "loan paid off"]
OT_SCRIPT = ["BusyBee: found route Fenbridge -> Ston Woodway (54 tiles)",
             "AdmiralAI: increased loan to 300000",
             "SimpleAI: vehicle 'Bus 12' is unprofitable, selling",
             "CluelessPlus: building station near Kinburg",
             "BusyBee: not enough money to build route",
             "CityGrowth GS: Great Lunworth needs 3 more cargo types",
             "AdmiralAI: connecting oil wells to refinery at Dinstead"]
OT_SCRIPT_CO = ["1", "2", "4", "7", "9"]
OT_SCRIPT_LVL = ["I", "I", "W", "I", "E"]
OT_ADMIN = [("discord-relay", "1.4.2"), ("ottd-stats", "0.9.0"),
            ("soap", "2.1"), ("gs-monitor", "3.0.1")]


def build_openttd(rng, cyc):
    T0 = at(11, 48, 2)
    state = {"client": rng.randint(30, 60), "save": rng.randint(0, 15)}
    invites = ["+" + rand_code(rng, 6) for _ in range(3)]

    def gen(key):
        if key == "joined":
            state["client"] += rng.randint(1, 4)
            return [(key, [cyc((key, 0), OT_NAMES), state["client"]], None)]
        if key == "left":
            return [(key, [cyc((key, 0), OT_NAMES), cyc((key, 1), OT_LEFT)], None)]
        if key == "company":
            return [(key, [cyc((key, 0), OT_NAMES), cyc((key, 1), OT_COMPANIES)], None)]
        if key == "spectators":
            return [(key, [cyc((key, 0), OT_NAMES)], None)]
        if key == "newco":
            return [(key, [cyc((key, 0), OT_NAMES), cyc((key, 1), OT_COMPANIES)], None)]
        if key == "rename":
            a = cyc((key, 0), OT_NAMES)
            b = cyc((key, 1), ["Player", "Jonas2", "tramfan", "Harlow", "newbie_7"])
            return [(key, [a, b], None)]
        if key == "chat_all":
            return [(key, [cyc((key, 0), OT_NAMES), cyc((key, 1), OT_CHAT)], None)]
        if key == "chat_team":
            return [(key, [cyc((key, 0), OT_NAMES), cyc((key, 1), OT_TEAM)], None)]
        if key == "closed":
            cid = state["client"] - rng.randint(0, 12)
            return [(key, [cid, rand_ip(rng), cyc((key, 2), OT_CLOSED)], "net")]
        if key == "autosave":
            state["save"] = (state["save"] + 1) % 16
            return [(key, ["autosave/autosave%d.sav" % state["save"]], None)]
        if key == "invite":
            return [(key, [cyc((key, 0), invites)], "net")]
        if key == "script":
            return [(key, [cyc((key, 0), OT_SCRIPT_CO), cyc((key, 1), OT_SCRIPT_LVL),
                           cyc((key, 2), OT_SCRIPT)], "script")]
        if key in ("admin_conn", "admin_disc"):
            app, ver = cyc((key, 0), OT_ADMIN)
            return [(key, [app, ver], "net")]
        raise KeyError(key)

    return shuffle_build(rng, OT_COUNTS, gen, T0, 20)


def hdr_openttd(t, hdr):
    h, m, s, _ = hms(t)
    head = "[%s %02d:%02d:%02d] " % (date_iso(), h, m, s)
    if hdr:
        head += "dbg: [%s] " % hdr
    return head


# =================================================================
# 3. Teeworlds / DDNet server log  (simulation: client connections)
# =================================================================
TW_EVENTS = [
    ("ready", "player is ready. ClientID=<*> addr=<{<*>}> secure=<*>"),
    ("enter", "player has entered the game. ClientID=<*> addr=<{<*>}> sixup=<*>"),
    ("join", "join player='<*>:<*>'"),
    ("team", "team_join player='<*>:<*>' team=<*>"),
    ("chat", "<*>:<*>:<*>: <*>"),
    ("kill", "kill killer='<*>:<*>' victim='<*>:<*>' weapon=<*> special=<*>"),
    ("drop", "client dropped. cid=<*> addr=<{<*>}> reason='<*>'"),
    ("leave", "leave player='<*>:<*>'"),
    ("auth", "ClientID=<*> authed with key=<*> (<*>)"),
    ("rcon", "ClientID=<*> rcon='<*>'"),
    ("ban", "banned '<*>' for <*> minutes (<*>)"),
    ("round", "start round type='<*>' teamplay='<*>'"),
    ("reg_ok", "successfully registered"),
    ("reg_err", "error sending request to master: <*>"),
]
TW_HDR = {"ready": ("I", "server"), "enter": ("I", "server"), "join": ("I", "game"),
          "team": ("I", "game"), "chat": ("I", "chat"), "kill": ("I", "game"),
          "drop": ("I", "server"), "leave": ("I", "game"), "auth": ("I", "server"),
          "rcon": ("I", "server"), "ban": ("I", "net_ban"), "round": ("I", "game")}
TW_NAMES = ["nameless tee", "Brainless", "tee_kid", "Pulsar", "m0rtis", "Fluffo",
            "Zeck", "Snowflake", "krumm", "Ruby.", "Gleich", "Tumbleweed",
            "boxhead", "Valkyr", "ekko", "Halcyon"]
TW_BOTS = ["FREE SKINS", "bot_2281", "xx_spam_xx", "join my srv"]
TW_CHAT = ["gg", "nice shot", "lag?", "who is camping the flag", "brb",
           "rematch?", "wtf that hook", "ez", "hi all", "gl hf", "hammer only?",
           "stop spawn killing pls", "blue has the flag!"]
TW_SPAM = ["JOIN NORDKAP FUN SERVER NOW!!!", "best skins at tee-skins dot shop",
           "free rcon password here", "!!!!!!!!!!!!!!!!!!!!!"]
TW_RCON = ["status", "change_map ctf5", "kick 6 afk", "sv_motd Welcome to Kestrel Vanilla",
           "restart 10", "mute 4 300 spam", "vote yes", "sv_scorelimit 30"]
TW_KEYS = [("kestrel_admin", "admin"), ("mod_ella", "moderator"),
           ("mod_tomek", "moderator"), ("helper_rin", "helper")]
TW_DROP = ["Timeout", "leaving", "Kicked (vote kick)", "Connection lost",
           "Kicked (afk)"]
TW_BANREASON = ["Spamming", "Advertising", "Chat flood"]
TW_REGERR = ["Timeout was reached", "Could not resolve host: master1.ddnet.org",
             "SSL connect error", "HTTP 502 Bad Gateway"]


def build_teeworlds(rng, cyc):
    T0 = at(16, 41, 7)
    H = T0 + 3 * 3600 * SEC
    em = Emitter()
    sessions = []
    idx = 0
    t = T0
    while True:
        t += exp_ns(rng, 150)
        if t > H:
            break
        sessions.append(dict(join=t, end=t + uni_ns(rng, 300, 2400), bot=False, idx=idx))
        idx += 1
    t = T0 + uni_ns(rng, 120, 400)
    while t < H:
        sessions.append(dict(join=t, end=t + uni_ns(rng, 25, 90), bot=True, idx=-1))
        t += uni_ns(rng, 300, 520)
    sessions.sort(key=lambda s: s["join"])
    # assign client ids (lowest free slot) and names
    active = []
    used_names = {}
    name_i = 0
    for s in sessions:
        active = [a for a in active if a["end"] > s["join"]]
        if len(active) >= 16:
            s["skip"] = True
            continue
        taken = {a["cid"] for a in active}
        s["cid"] = min(c for c in range(16) if c not in taken)
        names_online = {a["name"] for a in active}
        if s["bot"]:
            pool = TW_BOTS
        else:
            pool = TW_NAMES
        for _ in range(len(pool)):
            nm = pool[name_i % len(pool)]
            name_i += 1
            if nm not in names_online:
                break
        s["name"] = nm
        s["addr"] = "%s:%d" % (rand_ip(rng), rng.randint(1024, 65535))
        s["team"] = "0" if s["bot"] else cyc(("team", 2), ["0", "1", "0", "1", "-1"])
        s["enter"] = s["join"] + uni_ns(rng, 0.3, 2.5)
        active.append(s)
    sessions = [s for s in sessions if not s.get("skip")]

    def victims(tt, me):
        return [s for s in sessions if s is not me and s["enter"] <= tt < s["end"]
                and s["team"] != "-1"]

    for s in sessions:
        cid, nm, addr = s["cid"], s["name"], s["addr"]
        em(s["join"], "ready", [cid, addr, cyc(("ready", 2), ["yes", "yes", "no"])], TW_HDR["ready"])
        em(s["enter"], "enter", [cid, addr, cyc(("enter", 2), ["0", "0", "1"])], TW_HDR["enter"])
        em(s["enter"] + MS, "join", [cid, nm], TW_HDR["join"])
        em(s["enter"] + uni_ns(rng, 0.1, 1.0), "team", [cid, nm, s["team"]], TW_HDR["team"])
        if s["bot"]:
            t = s["enter"] + uni_ns(rng, 2, 6)
            while t < s["end"] - 2 * SEC:
                em(t, "chat", [cid, "-2", nm, cyc(("chat", 3), TW_SPAM)], TW_HDR["chat"])
                t += uni_ns(rng, 2, 8)
            mins = cyc(("ban", 1), ["5", "10", "30", "60"])
            why = cyc(("ban", 2), TW_BANREASON)
            em(s["end"], "ban", [addr.rsplit(":", 1)[0], mins, why], TW_HDR["ban"])
            em(s["end"] + MS, "drop", [cid, addr, "You have been banned for %s minutes (%s)" % (mins, why)],
               TW_HDR["drop"])
            em(s["end"] + 2 * MS, "leave", [cid, nm], TW_HDR["leave"])
            continue
        if s["team"] != "-1":
            t = s["enter"] + exp_ns(rng, 90)
            while t < s["end"]:
                w = cyc(("kill", 4), ["0", "1", "2", "3", "4", "5", "-1", "3", "1"])
                if w == "-1":
                    vic = s
                else:
                    vs = victims(t, s)
                    vic = rng.choice(vs) if vs else None
                if vic is not None:
                    em(t, "kill", [cid, nm, vic["cid"], vic["name"], w,
                                   cyc(("kill", 5), ["0", "0", "0", "1", "0", "2"])], TW_HDR["kill"])
                t += exp_ns(rng, 90)
        t = s["enter"] + exp_ns(rng, 200)
        while t < s["end"]:
            team = "-2" if rng.random() < 0.8 else s["team"]
            em(t, "chat", [cid, team, nm, cyc(("chat", 3), TW_CHAT)], TW_HDR["chat"])
            t += exp_ns(rng, 200)
        if s["idx"] % 4 == 1:
            t = s["enter"] + exp_ns(rng, 40)
            if t < s["end"]:
                key, role = cyc(("auth", 1), TW_KEYS)
                em(t, "auth", [cid, key, role], TW_HDR["auth"])
                for _ in range(rng.randint(1, 3)):
                    t += exp_ns(rng, 120)
                    if t >= s["end"]:
                        break
                    em(t, "rcon", [cid, cyc(("rcon", 1), TW_RCON)], TW_HDR["rcon"])
        em(s["end"], "drop", [cid, addr, cyc(("drop", 2), TW_DROP)], TW_HDR["drop"])
        em(s["end"] + MS, "leave", [cid, nm], TW_HDR["leave"])

    t = T0 + uni_ns(rng, 3, 10)
    while t < H:
        typ = cyc(("round", 0), ["DM", "TDM", "CTF"])
        em(t, "round", [typ, "0" if typ == "DM" else "1"], TW_HDR["round"])
        t += uni_ns(rng, 240, 480)
    em(T0 + 2 * SEC, "reg_ok", [], ("I", "register/ipv4"))
    em(T0 + 3 * SEC, "reg_ok", [], ("I", "register/ipv6"))
    t = T0 + uni_ns(rng, 150, 300)
    while t < H:
        fam = cyc(("reg_err", "fam"), ["register/ipv4", "register/ipv6"])
        em(t, "reg_err", [cyc(("reg_err", 0), TW_REGERR)], ("W", fam))
        em(t + uni_ns(rng, 30, 120), "reg_ok", [], ("I", fam))
        t += uni_ns(rng, 300, 600)
    return em.merged(T0)


def hdr_teeworlds(t, hdr):
    h, m, s, _ = hms(t)
    level, system = hdr
    return "%s %02d:%02d:%02d %s %s: " % (date_iso(), h, m, s, level, system)


# =================================================================
# 4. Terraria / tModLoader server log  (seeded shuffle)
# =================================================================
TR_EVENTS = [
    ("connecting", "<*> is connecting..."),
    ("joined", "<*> has joined."),
    ("left", "<*> has left."),
    ("moddata", "Sending <*> of mod data to client <*>"),
    ("chat", "<<*>> <*>"),
    ("slain", "<*> was slain by <*>."),
    ("awoken", "<*> has awoken!"),
    ("defeated", "<*> has been defeated!"),
    ("kicked", "<*> was kicked: <*>"),
    ("autosave", "World autosave finished in <*>"),
    ("exc", "Silently Caught Exception: <*>: <*>"),
    ("at", "at <*>"),
    ("atin", "at <*> in <*>:line <*>"),
]
# unit counts; one "exc" unit writes exc + at + 2 x atin (a short stack trace)
TR_COUNTS = [("connecting", 27), ("joined", 25), ("left", 22), ("moddata", 25),
             ("chat", 119), ("slain", 30), ("awoken", 5), ("defeated", 4),
             ("kicked", 5), ("autosave", 14), ("exc", 6)]
TR_HDR = {"connecting": ("Server", "INFO", "Network"), "joined": ("Server", "INFO", "Terraria"),
          "left": ("Server", "INFO", "Terraria"), "moddata": ("Server", "INFO", "tML"),
          "chat": ("Server", "INFO", "Terraria"), "slain": ("Server", "INFO", "Terraria"),
          "awoken": ("Server", "INFO", "Terraria"), "defeated": ("Server", "INFO", "Terraria"),
          "kicked": ("Server", "INFO", "Network"), "autosave": ("Main Thread", "INFO", "tML"),
          "exc": (".NET TP Worker", "WARN", "tML")}
TR_NAMES = ["Lunafrey", "Baxter", "ozzie", "Mira_Sol", "Grumbo", "pip", "Tansy",
            "Corvid", "Emberly", "Nash", "wobbles", "Kade"]
TR_CHAT = ["anyone have a grappling hook?", "boss tonight?", "I'll build the arena",
           "where's the nurse", "my house got eaten by the corruption", "lol", "gg",
           "need more hellstone", "who took my chest stuff", "afk 5 min", "ty!",
           "goblin army incoming", "meet at spawn", "dont break the pylons pls",
           "anyone got a spare mana potion"]
TR_SLAYERS = ["Zombie", "Demon Eye", "Cave Bat", "Skeleton", "Eater of Souls",
              "Hornet", "Blue Slime", "Man Eater", "Goblin Archer", "Angry Bones"]
TR_BOSSES = ["Eye of Cthulhu", "King Slime", "Skeletron", "Queen Bee",
             "Brain of Cthulhu", "Deerclops"]
TR_KICK = ["Lost connection", "You are not using the same version as this server.",
           "Invalid operation at this state.", "Kicked by server admin"]
TR_EXC = [("System.IO.IOException",
           "Unable to read data from the transport connection: Connection reset by peer."),
          ("System.Net.Sockets.SocketException (104)", "Connection reset by peer"),
          ("System.ObjectDisposedException",
           "Cannot access a disposed object. Object name: 'System.Net.Sockets.Socket'."),
          ("System.IO.EndOfStreamException", "Unable to read beyond the end of the stream.")]
TR_AT = ["System.Net.Sockets.NetworkStream.Read(Byte[] buffer, Int32 offset, Int32 count)",
         "System.Net.Sockets.Socket.EndReceive(IAsyncResult asyncResult)",
         "System.IO.BinaryReader.ReadByte()",
         "System.Threading.ExecutionContext.RunInternal(ExecutionContext executionContext, "
         "ContextCallback callback, Object state)"]
TR_ATIN = [("Terraria.Net.Sockets.TcpSocket.ReadCallback(IAsyncResult result)",
            "tModLoader\\Terraria\\Net\\Sockets\\TcpSocket.cs", "132"),
           ("Terraria.Netplay.ServerLoop(Object threadContext)",
            "tModLoader\\Terraria\\Netplay.cs", "611"),
           ("Terraria.MessageBuffer.GetData(Int32 start, Int32 length, Int32& messageType)",
            "tModLoader\\Terraria\\MessageBuffer.cs", "85"),
           ("Terraria.ModLoader.ModNet.HandleModPacket(BinaryReader reader, Int32 whoAmI, Int32 len)",
            "tModLoader\\Terraria\\ModLoader\\ModNet.cs", "367"),
           ("Terraria.Net.Sockets.TcpSocket.Terraria.Net.Sockets.ISocket.AsyncSend(Byte[] data, "
            "Int32 offset, Int32 size, SocketSendCallback callback, Object state)",
            "tModLoader\\Terraria\\Net\\Sockets\\TcpSocket.cs", "101")]


def build_terraria(rng, cyc):
    T0 = at(19, 5, 33) + 417 * MS

    def size():
        if rng.random() < 0.3:
            return "%d KB" % rng.randint(40, 990)
        return "%.1f MB" % rng.uniform(1.2, 48.0)

    def gen(key):
        h = TR_HDR.get(key)
        if key == "connecting":
            return [(key, ["%s:%d" % (rand_ip(rng), rng.randint(1024, 65535))], h)]
        if key in ("joined", "left"):
            return [(key, [cyc((key, 0), TR_NAMES)], h)]
        if key == "moddata":
            return [(key, [size(), rng.randint(0, 15)], h)]
        if key == "chat":
            return [(key, [cyc((key, 0), TR_NAMES), cyc((key, 1), TR_CHAT)], h)]
        if key == "slain":
            return [(key, [cyc((key, 0), TR_NAMES), cyc((key, 1), TR_SLAYERS)], h)]
        if key in ("awoken", "defeated"):
            return [(key, [cyc((key, 0), TR_BOSSES)], h)]
        if key == "kicked":
            return [(key, [cyc((key, 0), TR_NAMES), cyc((key, 1), TR_KICK)], h)]
        if key == "autosave":
            if rng.random() < 0.4:
                d = "%dms" % rng.randint(180, 990)
            else:
                d = "%.2fs" % rng.uniform(1.0, 6.5)
            return [(key, [d], h)]
        if key == "exc":
            typ, msg = cyc(("exc", 0), TR_EXC)
            lines = [("exc", [typ, msg], h),
                     ("at", [cyc(("at", 0), TR_AT)], "STACK")]
            for _ in range(2):
                meth, path, line = cyc(("atin", 0), TR_ATIN)
                lines.append(("atin", [meth, path, line], "STACK"))
            return lines
        raise KeyError(key)

    # shuffle_build advances the clock per unit; stack lines share the unit time
    return shuffle_build(rng, TR_COUNTS, gen, T0, 25)


def hdr_terraria(t, hdr):
    if hdr == "STACK":
        return "   "
    h, m, s, ms = hms(t)
    thread, level, logger = hdr
    return "[%02d:%02d:%02d.%03d] [%s/%s] [%s]: " % (h, m, s, ms, thread, level, logger)


# =================================================================
# 5. Counter-Strike 2 dedicated server log  (simulation: players + rounds)
# =================================================================
CS_P = '"<*><<*>><<*>><<*>>"'
CS_EVENTS = [
    ("connect", '"<*><<*>><<*>><>" connected, address "<*>"'),
    ("validated", '"<*><<*>><<*>><>" STEAM USERID validated'),
    ("entered", '"<*><<*>><<*>><>" entered the game'),
    ("switch", '"<*><<*>><<*>>" switched from team <<*>> to <<*>>'),
    ("purchase", CS_P + ' purchased "<*>"'),
    ("kill", CS_P + ' [<*> <*> <*>] killed ' + CS_P + ' [<*> <*> <*>] with "<*>"'),
    ("kill_hs", CS_P + ' [<*> <*> <*>] killed ' + CS_P + ' [<*> <*> <*>] with "<*>" (headshot)'),
    ("say", CS_P + ' say "<*>"'),
    ("say_team", CS_P + ' say_team "<*>"'),
    ("throw", CS_P + ' threw <*> [<*> <*> <*>]'),
    ("round_start", 'World triggered "Round_Start"'),
    ("round_end", 'World triggered "Round_End"'),
    ("team_win", 'Team "<*>" triggered "<*>" (CT "<*>") (T "<*>")'),
    ("disconnect", CS_P + ' disconnected (reason "<*>")'),
]
CS_NAMES = ["Kolya", "stepwise", "br4x", "jukka", "nebu", "Dr. Fish", "zestt", "mono",
            "okami", "frosty_p", "Renzo", "tilt_machine", "h0lm", "Quasi", "vexa", "pakko",
            "Sable", "wintergreen"]
CS_BUY = {"CT": ["m4a1_silencer", "famas", "item_assaultsuit", "item_defuser",
                 "smokegrenade", "mp9", "incgrenade", "awp", "deagle"],
          "T": ["ak47", "galilar", "item_kevlar", "molotov", "hegrenade", "mac10",
                "tec9", "item_assaultsuit", "ssg08"]}
CS_WEAPONS = ["ak47", "m4a1_silencer", "awp", "deagle", "glock", "usp_silencer",
              "galilar", "famas", "mp9", "mac10", "ssg08", "p250", "knife", "hegrenade"]
CS_NADES = ["hegrenade", "smokegrenade", "molotov", "decoy", "incgrenade"]
CS_SAY = ["gg", "nice one", "wp", "lag", "ns", "glhf", "that was not a headshot",
          "who is afk?", "close one"]
CS_TEAM = ["eco?", "save", "rush B no stop", "who has the bomb", "force buy",
           "drop me an ak pls", "2 long", "one hp", "rotate A"]
CS_REASONS = ["NETWORK_DISCONNECT_DISCONNECT_BY_USER", "NETWORK_DISCONNECT_TIMEDOUT",
              "NETWORK_DISCONNECT_KICKED_IDLE", "NETWORK_DISCONNECT_EXITING"]
CS_CT_WIN = ["SFUI_Notice_CTs_Win", "SFUI_Notice_Bomb_Defused", "SFUI_Notice_Target_Saved"]
CS_T_WIN = ["SFUI_Notice_Terrorists_Win", "SFUI_Notice_Target_Bombed"]


def build_cs2(rng, cyc):
    T0 = at(20, 3, 41)
    H = T0 + 2 * 3600 * SEC
    FAR = H + 3600 * SEC
    em = Emitter()
    uid = [2]
    name_i = [0]
    sessions = []

    def new_session(join, end, mode):
        nm = CS_NAMES[name_i[0] % len(CS_NAMES)]
        name_i[0] += 1
        s = dict(name=nm, uid=uid[0], steam="[U:1:%d]" % rng.randint(10000000, 1500000000),
                 addr="%s:%d" % (rand_ip(rng), rng.randint(1024, 65535)),
                 join=join, end=end, mode=mode)
        uid[0] += 1
        s["valid"] = join + uni_ns(rng, 0.5, 3)
        s["entered"] = join + uni_ns(rng, 4, 20)
        s["picked"] = s["entered"] + uni_ns(rng, 1, 6)
        sessions.append(s)
        return s

    # ten initial players; some leave and are replaced
    leavers = {1, 4, 6, 8, 9}
    for i in range(10):
        join = T0 + uni_ns(rng, 0, 70)
        if i in leavers:
            end = T0 + uni_ns(rng, 250, 1000)
        else:
            end = FAR
        new_session(join, end, "spec" if i in (4, 9) else "plain")
    k = 0
    while k < len(sessions):
        s = sessions[k]
        if s["end"] < H:
            join = s["end"] + uni_ns(rng, 20, 90)
            if rng.random() < 0.35:
                end = join + uni_ns(rng, 300, 1200)
            else:
                end = FAR
            new_session(join, end, "spec" if k % 3 == 0 else "plain")
        k += 1
    # team assignment in order of picking; spectator moves before leaving
    for s in sessions:
        s["teams"] = []
    order = sorted(sessions, key=lambda s: s["picked"])

    def team_at(s, tt):
        cur = None
        for (ts, tm) in s["teams"]:
            if ts <= tt:
                cur = tm
        if tt >= s["end"]:
            return None
        return cur

    for s in order:
        ct = sum(1 for o in sessions if team_at(o, s["picked"]) == "CT")
        tt = sum(1 for o in sessions if team_at(o, s["picked"]) == "T")
        if ct < tt:
            team = "CT"
        elif tt < ct:
            team = "T"
        else:
            team = cyc(("switch", "first"), ["CT", "T"])
        s["teams"].append((s["picked"], team))
        if s["mode"] == "spec" and s["end"] < H:
            ts = s["end"] - uni_ns(rng, 20, 60)
            s["teams"].append((ts, "Spectator"))

    def tag(s, tt):
        return [s["name"], s["uid"], s["steam"], team_at(s, tt)]

    for s in sessions:
        em(s["join"], "connect", [s["name"], s["uid"], s["steam"], s["addr"]])
        em(s["valid"], "validated", [s["name"], s["uid"], s["steam"]])
        em(s["entered"], "entered", [s["name"], s["uid"], s["steam"]])
        prev = "Unassigned"
        for (ts, tm) in s["teams"]:
            em(ts, "switch", [s["name"], s["uid"], s["steam"], prev, tm])
            prev = tm
        if s["end"] < H:
            em(s["end"], "disconnect", [s["name"], s["uid"], s["steam"], prev,
                                        cyc(("disconnect", 4), CS_REASONS)])

    def pos():
        return [rng.randint(-2400, 2400), rng.randint(-2400, 2400), rng.randint(-180, 320)]

    # world: rounds, kills, round ends
    t = T0 + 90 * SEC
    score = {"CT": 0, "T": 0}
    rounds = []
    while t < H:
        start = t
        end = start + uni_ns(rng, 40, 115)
        rounds.append((start, end))
        em(start, "round_start", [])
        dead = set()
        n = rng.randint(3, 9)
        kts = sorted(start + uni_ns(rng, 8, (end - start) / SEC - 1) for _ in range(n))
        for kt in kts:
            alive = {"CT": [], "T": []}
            for s in sessions:
                tm = team_at(s, kt)
                if tm in alive and s["picked"] <= start and s["uid"] not in dead:
                    alive[tm].append(s)
            if not alive["CT"] or not alive["T"]:
                continue
            kteam = "CT" if rng.random() < len(alive["CT"]) / (len(alive["CT"]) + len(alive["T"])) else "T"
            vteam = "T" if kteam == "CT" else "CT"
            killer = rng.choice(alive[kteam])
            victim = rng.choice(alive[vteam])
            dead.add(victim["uid"])
            key = "kill_hs" if rng.random() < 0.35 else "kill"
            em(kt, key, tag(killer, kt) + pos() + tag(victim, kt) + pos()
               + [cyc(("kill", "weapon"), CS_WEAPONS)])
        alive_n = {"CT": 0, "T": 0}
        for s in sessions:
            tm = team_at(s, end)
            if tm in alive_n and s["uid"] not in dead:
                alive_n[tm] += 1
        if alive_n["CT"] > alive_n["T"] or (alive_n["CT"] == alive_n["T"] and rng.random() < 0.5):
            win, note = "CT", cyc(("team_win", 1, "CT"), CS_CT_WIN)
        else:
            win, note = "T", cyc(("team_win", 1, "T"), CS_T_WIN)
        score[win] += 1
        em(end, "team_win", [win, note, score["CT"], score["T"]])
        em(end, "round_end", [])
        t = end + 22 * SEC

    # player entities: purchases, grenades and chat per round
    for s in sessions:
        for (start, end) in rounds:
            buy0 = start - 15 * SEC
            tm = team_at(s, buy0)
            if tm not in ("CT", "T") or team_at(s, end) != tm:
                continue
            for _ in range(rng.choices([0, 1, 2, 3], [2, 4, 3, 1])[0]):
                bt = buy0 + uni_ns(rng, 0.5, 33)
                em(bt, "purchase", tag(s, bt) + [cyc(("purchase", tm), CS_BUY[tm])])
            if rng.random() < 0.3:
                nt = start + uni_ns(rng, 5, (end - start) / SEC - 1)
                em(nt, "throw", tag(s, nt) + [cyc(("throw", 4), CS_NADES)] + pos())
            if rng.random() < 0.07:
                ct_ = start + uni_ns(rng, -10, (end - start) / SEC + 5)
                em(ct_, "say", tag(s, ct_) + [cyc(("say", 4), CS_SAY)])
            if rng.random() < 0.06:
                ct_ = start + uni_ns(rng, -10, (end - start) / SEC)
                em(ct_, "say_team", tag(s, ct_) + [cyc(("say_team", 4), CS_TEAM)])
    return em.merged(T0)


def hdr_cs2(t, hdr):
    h, m, s, _ = hms(t)
    return "L %s - %02d:%02d:%02d: " % (date_us(), h, m, s)


# =================================================================
# 6. Xonotic dedicated server log  (seeded shuffle)
# =================================================================
XO_EVENTS = [
    ("connected", "<*>^7 connected"),
    ("disconnected", "<*>^7 disconnected"),
    ("playing", "<*>^7 is now playing"),
    ("spectating", "<*>^7 is now spectating"),
    ("ev_join", ":join:<*>:<*>:<*>:<*>"),
    ("ev_part", ":part:<*>"),
    ("ev_frag", ":kill:frag:<*>:<*>:type=<*>:items=<*>:victimitems=<*>"),
    ("obit", "^1<*>^1 was killed by <*>^1's <*>"),
    ("suicide", "^1<*>^1 couldn't resist the urge to self-destruct"),
    ("vote_call", "^2* ^3<*>^2 calls a vote for ^1<*>"),
    ("vote_yes", "^2* ^3<*>^2 was accepted"),
    ("vote_no", "^2* ^3<*>^2 was rejected"),
    ("gamestart", ":gamestart:<*>_<*>:<*>"),
    ("gameover", ":gameover"),
    ("chat", "<*>^7: <*>"),
]
XO_COUNTS = [("connected", 20), ("disconnected", 18), ("playing", 22), ("spectating", 9),
             ("ev_join", 20), ("ev_part", 18), ("ev_frag", 50), ("obit", 70),
             ("suicide", 12), ("vote_call", 7), ("vote_yes", 4), ("vote_no", 3),
             ("gamestart", 4), ("gameover", 3), ("chat", 40)]
XO_NAMES = ["^3Vel^7vet", "^1Kr^7ait", "Norbert", "^xF80Sparrow", "^4blue^7wire",
            "tarnished", "^2Moss", "^5Ion^7ic", "pixelrot", "^6Fen", "Graupel",
            "^1dead^7beef", "old man river"]
XO_WEAPONS = ["Vortex", "Mortar", "Crylink", "Electro", "Hagar", "Devastator",
              "Machine Gun", "Shotgun", "Arc", "Blaster"]
XO_VOTES = ["restart", "gotomap atelier", "endmatch", "kick #4",
            "g_grappling_hook 1", "gotomap stormkeep"]
XO_GT = ["dm", "tdm", "ctf", "ca", "duel"]
XO_MAPS = ["atelier", "stormkeep", "solarium", "silentsiege", "dance", "afterslime",
           "drain", "finalrage", "implosion", "oilrig", "warfare", "boil"]
XO_CHAT = ["gg", "nice vortex", "lag?", "rematch", "who voted endmatch lol",
           "ez", "hi", "brb", "mortar spam again", "good game all", "one more map?",
           "that was a lucky shot", "gl"]
XO_ITEMS = ["7", "3F", "2S", "12", "8F", "1", "9S1"]


def build_xonotic(rng, cyc):
    T0 = at(22, 10, 9)
    state = {"pid": rng.randint(5, 20)}

    def gen(key):
        if key in ("connected", "disconnected", "playing", "spectating"):
            return [(key, [cyc((key, 0), XO_NAMES)], None)]
        if key == "ev_join":
            state["pid"] += rng.randint(1, 3)
            return [(key, [state["pid"], rng.randint(1, 16), rand_ip(rng),
                           cyc((key, 3), XO_NAMES)], None)]
        if key == "ev_part":
            return [(key, [state["pid"] - rng.randint(0, 6)], None)]
        if key == "ev_frag":
            a = state["pid"] - rng.randint(0, 6)
            b = state["pid"] - rng.randint(0, 6)
            if b == a:
                b = a - 1
            return [(key, [a, b, rng.randint(1, 14), cyc((key, 3), XO_ITEMS),
                           cyc((key, 4), XO_ITEMS)], None)]
        if key == "obit":
            v = cyc((key, 0), XO_NAMES)
            k = cyc((key, 1), XO_NAMES)
            if k == v:
                k = cyc((key, 1), XO_NAMES)
            return [(key, [v, k, cyc((key, 2), XO_WEAPONS)], None)]
        if key == "suicide":
            return [(key, [cyc((key, 0), XO_NAMES)], None)]
        if key == "vote_call":
            return [(key, [cyc((key, 0), XO_NAMES), cyc((key, 1), XO_VOTES)], None)]
        if key in ("vote_yes", "vote_no"):
            return [(key, [cyc((key, 0), XO_VOTES)], None)]
        if key == "gamestart":
            return [(key, [cyc((key, 0), XO_GT), cyc((key, 1), XO_MAPS),
                           rand_code(rng, 8)], None)]
        if key == "gameover":
            return [(key, [], None)]
        if key == "chat":
            return [(key, [cyc((key, 0), XO_NAMES), cyc((key, 1), XO_CHAT)], None)]
        raise KeyError(key)

    return shuffle_build(rng, XO_COUNTS, gen, T0, 12)


def hdr_xonotic(t, hdr):
    h, m, s, _ = hms(t)
    return "[%s %02d:%02d:%02d] " % (date_iso(), h, m, s)


# =================================================================
# System table
# =================================================================
SYSTEMS = [
    dict(k=1, name="Minetest", events=MT_EVENTS, build=build_minetest, header=hdr_minetest,
         kind="simulation",
         header_re=r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}: (?:ACTION|ERROR|WARNING|INFO|VERBOSE)?"
                   r"\[(?:Main|Server|Emerge-\d+)\]: ",
         ts_re=r"(?P<d>\d{4}-\d{2}-\d{2}) (?P<h>\d{2}):(?P<m>\d{2}):(?P<s>\d{2}):",
         shape="`YYYY-MM-DD HH:MM:SS: LEVEL[Thread]: ` (LEVEL empty for unlevelled lines)",
         content="the text after `]: `",
         entities="player sessions (join, dig/place/chat/chest/craft/respawn, leave or time out) "
                  "plus background auth failures, mod autosaves and Lua warnings",
         examples=["join", "dig", "global"]),
    dict(k=2, name="OpenTtd", events=OT_EVENTS, build=build_openttd, header=hdr_openttd,
         kind="shuffle",
         header_re=r"\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\] (?:dbg: \[[a-z]+\] )?",
         ts_re=r"\[(?P<d>\d{4}-\d{2}-\d{2}) (?P<h>\d{2}):(?P<m>\d{2}):(?P<s>\d{2})\]",
         shape="`[YYYY-MM-DD HH:MM:SS] ` plus `dbg: [category] ` on debug lines",
         content="the console text after the date (and after `dbg: [category] `)",
         examples=["joined", "chat_all", "admin_conn"]),
    dict(k=3, name="Teeworlds", events=TW_EVENTS, build=build_teeworlds, header=hdr_teeworlds,
         kind="simulation",
         header_re=r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [EWIDT] [a-z_]+(?:/[a-z0-9]+)?: ",
         ts_re=r"(?P<d>\d{4}-\d{2}-\d{2}) (?P<h>\d{2}):(?P<m>\d{2}):(?P<s>\d{2}) ",
         shape="`YYYY-MM-DD HH:MM:SS L system: ` (L = one-letter level)",
         content="the text after `system: `",
         entities="client connections (ready, enter, join, kills, chat, rcon, drop, leave), "
                  "short-lived spam bots that get banned, round starts and master registration",
         examples=["enter", "kill", "drop"]),
    dict(k=4, name="Terraria", events=TR_EVENTS, build=build_terraria, header=hdr_terraria,
         kind="shuffle",
         header_re=r"(?:\[\d{2}:\d{2}:\d{2}\.\d{3}\] \[(?:Main Thread|Server|\.NET TP Worker)/"
                   r"(?:DEBUG|INFO|WARN|ERROR|FATAL)\] \[[A-Za-z.]+\]: |   )",
         ts_re=r"\[(?P<h>\d{2}):(?P<m>\d{2}):(?P<s>\d{2})\.(?P<ms>\d{3})\]",
         shape="`[HH:MM:SS.mmm] [Thread/LEVEL] [Logger]: `; stack-trace lines are indented and unprefixed",
         content="the text after `]: ` (stack lines: the text after the indentation)",
         examples=["joined", "slain", "atin"]),
    dict(k=5, name="Cs2Server", events=CS_EVENTS, build=build_cs2, header=hdr_cs2,
         kind="simulation",
         header_re=r"L \d{2}/\d{2}/\d{4} - \d{2}:\d{2}:\d{2}: ",
         ts_re=r"L (?P<us>\d{2}/\d{2}/\d{4}) - (?P<h>\d{2}):(?P<m>\d{2}):(?P<s>\d{2}):",
         shape="`L MM/DD/YYYY - HH:MM:SS: `",
         content="the event text after the time stamp",
         entities="player connections (connect, validate, enter, team choice, per-round buys, "
                   "grenades and chat, disconnect) and the round clock (start, kills, win, end)",
         examples=["connect", "kill_hs", "team_win"]),
    dict(k=6, name="Xonotic", events=XO_EVENTS, build=build_xonotic, header=hdr_xonotic,
         kind="shuffle",
         header_re=r"\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\] ",
         ts_re=r"\[(?P<d>\d{4}-\d{2}-\d{2}) (?P<h>\d{2}):(?P<m>\d{2}):(?P<s>\d{2})\]",
         shape="`[YYYY-MM-DD HH:MM:SS] ` (console time stamps)",
         content="the console text after the time stamp",
         examples=["connected", "ev_frag", "obit"]),
]


def fill(template, vals):
    parts = template.split("<*>")
    if len(parts) - 1 != len(vals):
        raise ValueError("slot count mismatch for %r: %r" % (template, vals))
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        if not v or "\n" in v or "\r" in v:
            raise ValueError("bad value %r for %r" % (v, template))
        out.append(v)
        out.append(p)
    return "".join(out)


def write_system(sysd):
    k = sysd["k"]
    rng = random.Random(BASE_SEED * 10 + k)
    cyc = Cycler(rng)
    records = sysd["build"](rng, cyc)
    if len(records) != N_LINES:
        raise RuntimeError("%s: %d records" % (sysd["name"], len(records)))
    ids = {}
    for i, (key, tmpl) in enumerate(sysd["events"]):
        ids[key] = ("E%d" % (i + 1), tmpl)
    d = os.path.join(HERE, sysd["name"])
    os.makedirs(d, exist_ok=True)
    raw_lines, rows = [], []
    for n, (t, key, vals, hdr) in enumerate(records, 1):
        eid, tmpl = ids[key]
        content = fill(tmpl, vals)
        if content != content.strip():
            raise ValueError("content not stripped: %r" % content)
        raw_lines.append(sysd["header"](t, hdr) + content)
        rows.append([str(n), content, eid, tmpl])
    with open(os.path.join(d, sysd["name"] + ".log"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(raw_lines) + "\n")
    with open(os.path.join(d, sysd["name"] + ".log_structured.csv"), "w",
              encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)
    return raw_lines[0][:len(raw_lines[0]) - len(rows[0][1])]


# ---------------------------------------------------------------- self-check
def tmpl_regex(tmpl):
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in tmpl.split("<*>")) + "$", re.S)


def check_system(sysd):
    name = sysd["name"]
    d = os.path.join(HERE, name)
    errs = []

    def need(cond, msg):
        if not cond:
            errs.append(msg)

    blobs = {}
    for suffix in (".log", ".log_structured.csv"):
        with open(os.path.join(d, name + suffix), "rb") as f:
            b = f.read()
        need(b.endswith(b"\n"), suffix + " does not end with newline")
        need(b"\r" not in b, suffix + " contains CR")
        blobs[suffix] = b.decode("utf-8")
    raw = blobs[".log"].split("\n")[:-1]
    need(len(raw) == N_LINES, "raw line count %d" % len(raw))
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    need(rows and rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], "bad csv header")
    rows = rows[1:]
    need(len(rows) == N_LINES, "csv row count %d" % len(rows))
    declared = {"E%d" % (i + 1): tmpl for i, (_k, tmpl) in enumerate(sysd["events"])}
    need(len(set(declared.values())) == len(declared), "declared templates not distinct")
    hre = re.compile(sysd["header_re"])
    tre = re.compile(sysd["ts_re"])
    tmpl_of = {}
    counts = {}
    caps = {}
    last_ts = None
    regs = {eid: tmpl_regex(t) for eid, t in declared.items()}
    for i, row in enumerate(rows, 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tmpl = row
        need(lid == str(i), "LineId %r at row %d" % (lid, i))
        need(content != "" and content == content.strip(), "content not stripped at %d" % i)
        need(re.fullmatch(r"E\d+", eid) is not None, "bad EventId %r" % eid)
        need(declared.get(eid) == tmpl, "EventId %s template mismatch at %d" % (eid, i))
        if tmpl_of.setdefault(eid, tmpl) != tmpl:
            errs.append("EventId %s has two templates" % eid)
        counts[eid] = counts.get(eid, 0) + 1
        if i <= len(raw):
            line = raw[i - 1]
            if not line.endswith(content):
                errs.append("line %d does not end with content" % i)
            else:
                head = line[:len(line) - len(content)]
                if not hre.fullmatch(head):
                    errs.append("line %d header %r fails regex" % (i, head))
                m = tre.match(head)
                if m:
                    gd = m.groupdict()
                    if gd.get("d") is not None:
                        need(gd["d"] == date_iso(), "wrong date at %d" % i)
                    if gd.get("us") is not None:
                        need(gd["us"] == date_us(), "wrong date at %d" % i)
                    ts = (int(gd["h"]), int(gd["m"]), int(gd["s"]), int(gd.get("ms") or 0))
                    if last_ts is not None and ts < last_ts:
                        errs.append("time goes back at line %d" % i)
                    last_ts = ts
        rg = regs.get(eid)
        if rg is not None:
            m = rg.match(content)
            if not m:
                errs.append("template %s does not match line %d: %r" % (eid, i, content))
            else:
                for j, g in enumerate(m.groups()):
                    caps.setdefault((eid, j), set()).add(g)
    tmpls = list(tmpl_of.values())
    need(len(set(tmpls)) == len(tmpls), "templates shared between EventIds")
    need(set(counts) == set(declared), "declared events unused: %s" % sorted(set(declared) - set(counts)))
    for eid, tmpl in declared.items():
        for j in range(tmpl.count("<*>")):
            vals = caps.get((eid, j), set())
            need(len(vals) >= 2, "%s slot %d has %d distinct values" % (eid, j, len(vals)))
    c = sorted(counts.values())
    n = len(c)
    med = statistics.median(c) if c else 0
    need(12 <= n <= 15, "%d event types" % n)
    need(c and c[0] >= 3, "an event has fewer than 3 lines")
    need(sum(1 for x in c if 3 <= x <= 10) >= 3, "fewer than 3 events with 3-10 lines")
    need(c and c[-1] >= 3 * med, "largest %s < 3x median %s" % (c[-1] if c else 0, med))
    return errs, counts, (c[0], med, c[-1]) if c else (0, 0, 0)


# ---------------------------------------------------------------- README
def write_readme(first_headers):
    L = []
    L.append("# Sealed 59: a blind corpus for the log template miner")
    L.append("")
    L.append("Six synthetic server logs for testing a log template miner: a Minetest/Luanti server "
             "`debug.txt` (Minetest), an OpenTTD dedicated server console (OpenTtd), a "
             "Teeworlds/DDNet server log (Teeworlds), a Terraria tModLoader server log (Terraria), "
             "a Counter-Strike 2 dedicated server console log (Cs2Server) and a Xonotic dedicated "
             "server log (Xonotic). Each system has `<System>/<System>.log` with exactly 300 raw "
             "lines in the program's default line format, and `<System>/<System>.log_structured.csv` "
             "with the header `LineId,Content,EventId,EventTemplate` (LineId 1..300), where `Content` "
             "is the message part after the header and `EventId`s `E1`, `E2`, ... follow the order in "
             "which the events are declared in `generate.py`. Running `python3 generate.py` rewrites "
             "every file (including this one) and self-checks them.")
    L.append("")
    L.append("**Blind:** this corpus was written without running the miner or any other log parser "
             "or template miner, and without reading the miner's source, tests, docs or earlier "
             "corpora. No Loghub data, public log data set or per-system analysis from any paper was "
             "used. All messages were invented in each project's style from memory of its default "
             "log format and usual messages; no line, template or value list was copied from a "
             "public log or data set. Host names, addresses, ids and user names are made up.")
    L.append("")
    L.append("## Scores")
    L.append("")
    L.append("(filled in by the maintainer)")
    L.append("")
    L.append("## How it was made")
    L.append("")
    L.append("`generate.py` uses only the Python 3 standard library and is fully deterministic: "
             "base seed `%d`, and system number k (1..6 in the order above) uses its own "
             "`random.Random(%d*10 + k)`. Time is an integer nanosecond clock on 2026-03-14 UTC; "
             "the wall clock and locale are never consulted." % (BASE_SEED, BASE_SEED))
    L.append("")
    sims = [s for s in SYSTEMS if s["kind"] == "simulation"]
    shuf = [s for s in SYSTEMS if s["kind"] == "shuffle"]
    L.append("Simulations (entities with overlapping lifetimes, each producing lines on its own "
             "clock, merged in time order, first 300 lines kept):")
    L.append("")
    for s in sims:
        L.append("- %s: %s." % (s["name"], s["entities"]))
    L.append("")
    L.append("Seeded shuffles (fixed count per event, shuffled, stamped by a forward-only clock "
             "with exponential gaps): %s. In Terraria one exception unit writes the exception "
             "line and its indented stack-trace lines together." % ", ".join(s["name"] for s in shuf))
    L.append("")
    L.append("Small value pools cycle through a seeded permutation per (event, slot), so every "
             "slot takes at least two values.")
    L.append("")
    L.append("| system | format (default shape) | Content is |")
    L.append("|---|---|---|")
    for s in SYSTEMS:
        L.append("| %s | %s, e.g. `%s` | %s |" % (s["name"], s["shape"],
                                                  first_headers[s["name"]].rstrip(),
                                                  s["content"]))
    L.append("")
    L.append("## Ground-truth convention (Loghub style)")
    L.append("")
    L.append("- One `<*>` per value. A value that contains spaces still gets one `<*>` (free-text "
             "errors, SQL, lists, `2 MB`, glued durations like `1.2s` or `350ms`, timestamps "
             "inside the message).")
    L.append("- Punctuation around a value stays literal (`(<*>)`, `[<*>]`, `<*>,`, `\"<*>\"`, "
             "`key=<*>`).")
    L.append("- Words that name a different event stay literal; different words mean different events.")
    L.append("- An optional field makes a separate event type.")
    L.append("- Text that never changes within an event type stays literal, even if it looks like a number.")
    L.append("- Every `<*>` takes at least two distinct values in the data.")
    L.append("- Multi-line output (stack traces) is one row per physical line, each with its own event.")
    L.append("")
    L.append("Example templates:")
    L.append("")
    for s in SYSTEMS:
        tm = dict(s["events"])
        ex = ", ".join("`%s`" % tm[k] for k in s["examples"])
        L.append("- %s: %s" % (s["name"], ex))
    L.append("")
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(L))


def main():
    first_headers = {}
    for s in SYSTEMS:
        first_headers[s["name"]] = write_system(s)
    write_readme(first_headers)
    bad = False
    for s in SYSTEMS:
        errs, counts, (lo, med, hi) = check_system(s)
        status = "OK" if not errs else "FAIL"
        print("%-10s %-10s %2d events, %d lines, min/median/max %d/%s/%d  %s"
              % (s["name"], s["kind"], len(counts), sum(counts.values()), lo, med, hi, status))
        for e in errs[:25]:
            print("    " + e)
        if errs:
            bad = True
    if bad:
        sys.exit(1)
    print("all self-checks passed")


if __name__ == "__main__":
    main()
