#!/usr/bin/env python3
"""Sealed 47: blind labelled log corpus generator (standard library only).

Writes, for each of six systems, <System>/<System>.log (300 raw lines) and
<System>/<System>.log_structured.csv (LineId,Content,EventId,EventTemplate),
then re-reads every file and self-checks it.  Fully deterministic: no wall
clock, no locale; every system k uses random.Random(BASE_SEED * 10 + k).
"""

import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270156
N_LINES = 300
OUT = os.path.dirname(os.path.abspath(__file__))

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

SEC = 10 ** 9
MS = 10 ** 6


# ---------------------------------------------------------------------------
# integer nanosecond clock (UTC), no datetime / time module
# ---------------------------------------------------------------------------

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


DAY0 = days_from_civil(2026, 3, 14)
DAY_START_NS = DAY0 * 86400 * SEC


def tm(ns):
    s, frac = divmod(ns, SEC)
    days, sod = divmod(s, 86400)
    y, m, d = civil_from_days(days)
    return {"Y": y, "m": m, "d": d, "H": sod // 3600, "M": sod // 60 % 60,
            "S": sod % 60, "ns": frac, "wd": WEEKDAYS[(days + 3) % 7],
            "mon": MONTHS[m - 1]}


def at(h, m, s=0):
    return DAY_START_NS + ((h * 60 + m) * 60 + s) * SEC


def hms(t):
    return "%02d:%02d:%02d" % (t["H"], t["M"], t["S"])


def ctime_like(ns):
    t = tm(ns)
    return "%s %s %02d %d %s" % (t["wd"], t["mon"], t["d"], t["Y"], hms(t))


# ---------------------------------------------------------------------------
# templates
# ---------------------------------------------------------------------------

SLOT = "<*>"


def fill(template, values):
    parts = template.split(SLOT)
    if len(parts) - 1 != len(values):
        raise ValueError("slot count mismatch for %r: %r" % (template, values))
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        if not v or v != v.strip() or "\n" in v or "\r" in v:
            raise ValueError("bad value %r for %r" % (v, template))
        out.append(v)
        out.append(p)
    return "".join(out)


def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split(SLOT)))


class Event:
    def __init__(self, key, template, count=0, gen=None, **hdr):
        self.key = key
        self.template = template
        self.count = count
        self.gen = gen
        self.hdr = hdr


class Pools:
    """Small pools cycle per (event, slot) so every slot takes >= 2 values."""

    def __init__(self):
        self.counters = {}

    def cyc(self, key, pool):
        i = self.counters.get(key, 0)
        self.counters[key] = i + 1
        return pool[i % len(pool)]


# ---------------------------------------------------------------------------
# invented value material
# ---------------------------------------------------------------------------

SYL = ["ka", "ri", "mo", "zen", "tal", "vex", "lun", "dor", "pip", "quo",
       "sa", "bel", "tor", "fen", "ix", "ra", "nim", "oz", "gri", "ul", "ash",
       "bry", "cor", "del", "emi", "fa", "gus", "hal", "ivo", "jas", "kel",
       "mar", "nor", "pel", "rho", "sil", "tam", "vi", "wen", "yor", "zed"]
FIRST = ["Mara", "Tobin", "Ilse", "Quentin", "Rosa", "Jory", "Anouk", "Devi",
         "Emeric", "Sela", "Bram", "Odile", "Kasimir", "Nell", "Pavo", "Runa",
         "Teodor", "Yusra", "Wim", "Liesel", "Corwin", "Hana", "Ansel", "Fenna"]
LAST = ["Vantongeren", "Okafor", "Lindqvist", "Marchetti", "Haldane", "Szabo",
        "Ferreira", "Nakagawa", "Brandt", "Oyelaran", "Kowalczyk", "Delacroix",
        "Thorsen", "Abernathy", "Quispe", "Raikkonen", "Mbeki", "Castellanos"]
DOMAINS = ["veltnet.example", "kordia-isp.example", "orbel.example",
           "stramnet.example", "fibrelane.example", "nordwave.example",
           "hexacom.example", "corvid-telecom.example"]
PUB_OCTETS = [23, 31, 37, 46, 62, 78, 81, 85, 89, 91, 94, 109, 146, 176, 185,
              188, 203, 212, 217]
CHANNELS = ["#lounge", "#homelab", "#rustaceans-ot", "#synthdiy", "#nixers",
            "#chess-club", "#retrocomputing", "#bikes", "#kernel-newbies",
            "#photog", "#offtopic", "#help"]
CHAT = ["anyone tried the new firmware yet?", "brb, coffee",
        "that build broke again on arm64", "lol no",
        "you need to bump the timeout to 30s", "thanks, that fixed it",
        "is the mirror down for everyone or just me",
        "ok pushed a patch, please review", "morning all",
        "the logs say permission denied on /var/spool", "which version are you on?",
        "works here with 2.4.1", "git bisect points at 3f9c2e1",
        "try clearing the cache first", "heh, classic", "see the pinned message",
        "ping me when you're back", "it's in the FAQ, section 4",
        "nope, same error after reboot", "sounds like a DNS issue tbh"]
QUITS = ["Quit: Leaving", "Ping timeout: 240 seconds",
         "Read error: Connection reset by peer", "Quit: brb",
         "Remote host closed the connection", "Quit: gone to sleep",
         "Excess Flood", "Quit: updating client", "Client exited",
         "Write error: Broken pipe", "Quit: see you tomorrow"]


def nick(rng):
    n = rng.choice(SYL) + rng.choice(SYL)
    if rng.random() < 0.3:
        n += rng.choice(SYL)
    if rng.random() < 0.5:
        n = n.capitalize()
    r = rng.random()
    if r < 0.15:
        n += "_"
    elif r < 0.35:
        n += str(rng.randint(1, 99))
    elif r < 0.42:
        n += "|away"
    elif r < 0.47:
        n += "`"
    return n


def ident(rng, nk):
    base = re.sub(r"[^a-z0-9]", "", nk.lower())[:9] or "user"
    return ("~" + base) if rng.random() < 0.45 else base


def realname(rng):
    r = rng.random()
    if r < 0.55:
        return "%s %s" % (rng.choice(FIRST), rng.choice(LAST))
    if r < 0.75:
        return rng.choice(FIRST).lower()
    if r < 0.9:
        return rng.choice(["realname", "https://%s" % rng.choice(DOMAINS),
                           "Hexchat user", "weechat", "irssi user",
                           "just lurking", "%s from the lab" % rng.choice(FIRST)])
    return "%s %s." % (rng.choice(FIRST), rng.choice(LAST)[0])


def pub_ip(rng):
    return "%d.%d.%d.%d" % (rng.choice(PUB_OCTETS), rng.randint(1, 254),
                            rng.randint(0, 254), rng.randint(1, 254))


def ipv6(rng):
    return "2001:db8:%x:%x::%x" % (rng.randint(0x10, 0xfff),
                                    rng.randint(0, 0xffff),
                                    rng.randint(1, 0xffff))


def rdns(rng, ip):
    if ":" in ip or rng.random() < 0.25:
        return ip
    a, b, c, d = ip.split(".")
    pat = rng.choice(["dsl-{a}-{b}-{c}-{d}.dyn.{dom}",
                      "{d}.{c}.{b}.{a}.broadband.{dom}",
                      "cpe-{a}-{b}-{c}-{d}.res.{dom}",
                      "host{c}-{d}.pool.{dom}",
                      "static-{d}.{c}.{b}.{a}.biz.{dom}"])
    return pat.format(a=a, b=b, c=c, d=d, dom=rng.choice(DOMAINS))


def client_ip(rng):
    return ipv6(rng) if rng.random() < 0.18 else pub_ip(rng)


def dur_hms(seconds):
    h, rem = divmod(int(seconds), 3600)
    m, s = divmod(rem, 60)
    out = ""
    if h:
        out += "%dh" % h
    if h or m:
        out += "%dm" % m
    return out + "%ds" % s


def mmss(seconds):
    return "%d:%02d" % (int(seconds) // 60, int(seconds) % 60)


# ---------------------------------------------------------------------------
# shuffle & simulation drivers
# ---------------------------------------------------------------------------

def run_shuffle(rng, events, start_ns, mean_gap_s):
    """Fixed count per event, shuffled, stamped by a forward-only clock."""
    total = sum(e.count for e in events)
    assert total == N_LINES, (total, [e.count for e in events])
    order = []
    for idx, e in enumerate(events):
        order.extend([idx] * e.count)
    rng.shuffle(order)
    pools = Pools()
    rows = []
    t = start_ns
    for idx in order:
        t += int(rng.expovariate(1.0 / mean_gap_s) * SEC) + rng.randint(1, 999)
        e = events[idx]
        values, extra = e.gen(rng, pools, t)
        rows.append((t, idx, fill(e.template, values), extra))
    return rows


class Sim:
    """Entities emit on their own clocks; merged in time order, first 300 kept."""

    def __init__(self, events):
        self.events = events
        self.index = {e.key: i for i, e in enumerate(events)}
        self.buf = []
        self.seq = 0

    def emit(self, t, key, values, **extra):
        idx = self.index[key]
        self.buf.append((int(t), self.seq, idx,
                         fill(self.events[idx].template, values), extra))
        self.seq += 1

    def rows(self):
        self.buf.sort(key=lambda r: (r[0], r[1]))
        if len(self.buf) < N_LINES:
            raise RuntimeError("simulation produced only %d lines" % len(self.buf))
        return [(t, idx, content, extra)
                for t, _s, idx, content, extra in self.buf[:N_LINES]]


# ---------------------------------------------------------------------------
# 1. InspIRCd  (seeded shuffle)
# ---------------------------------------------------------------------------

INSP_SERVERS = ["hub.eu.tidewater.example", "leaf1.us.tidewater.example",
                "leaf2.ap.tidewater.example", "services.tidewater.example"]
INSP_OPERS = ["Korvath", "mira", "deltaV", "Osk"]
INSP_MODULES = ["m_sslinfo.so", "m_cloaking.so", "m_chanhistory.so",
                "m_geoban.so", "m_dnsbl.so", "m_spanningtree.so",
                "m_ldapauth.so", "m_filter.so"]


def insp_events():
    def user(rng):
        nk = nick(rng)
        ip = client_ip(rng)
        return nk, ident(rng, nk), rdns(rng, ip), ip

    def g_connect(rng, P, t):
        nk, idn, host, ip = user(rng)
        return [P.cyc("c.port", ["6697", "6667", "6697", "7000"]),
                P.cyc("c.class", ["main", "tls-users", "webchat"]),
                nk, idn, host, ip, realname(rng)], {}

    def g_quit(rng, P, t):
        nk, idn, host, ip = user(rng)
        return [nk, idn, host, ip, rng.choice(QUITS)], {}

    def g_nick(rng, P, t):
        a = nick(rng)
        b = rng.choice([a.rstrip("_") + "_", a + "|afk", nick(rng), a.lower() + "2"])
        if b == a:
            b = a + "^"
        return [a, b], {}

    def g_oper(rng, P, t):
        o = P.cyc("o.nick", INSP_OPERS)
        ip = pub_ip(rng)
        return [o, "%s@%s" % (o.lower(), rdns(rng, ip)), ip,
                P.cyc("o.type", ["NetAdmin", "GlobalOp", "Helper"]), o.lower()], {}

    def g_operfail(rng, P, t):
        nk, idn, host, ip = user(rng)
        reason = P.cyc("pool333", ["the password was incorrect",
                             "their host (%s@%s) did not match" % (idn, host),
                             "there is no oper block with that name",
                             "they are not connected using TLS"])
        return [nk, idn, host, P.cyc("of.login", ["admin", "root", nk.lower()]),
                reason], {}

    def g_gline(rng, P, t):
        secs = P.cyc("g.dur", [86400, 3600 * 12, 1800, 86400 * 7])
        label = {86400: "1d", 43200: "12h", 1800: "30m", 604800: "7d"}[secs]
        return [P.cyc("g.oper", INSP_OPERS), "*@%s" % pub_ip(rng), label,
                ctime_like(t + secs * SEC),
                P.cyc("pool345", ["Spamming", "Clones are not allowed on this network",
                            "Drone activity (ref #%d)" % rng.randint(1000, 9999),
                            "Ban evasion", "Open proxy detected by DNSBL",
                            "Flooding #help repeatedly"])], {}

    def g_glineexp(rng, P, t):
        return ["*@%s" % pub_ip(rng), P.cyc("ge.oper", INSP_OPERS),
                dur_hms(rng.randint(1800, 700000)),
                P.cyc("pool353", ["Spamming", "Ban evasion", "Botnet drone",
                            "Abusive behaviour, appeal via kline@tidewater.example"])], {}

    def link_ip(rng):
        return "10.40.%d.%d" % (rng.randint(0, 3), rng.randint(2, 60))

    def g_linkstart(rng, P, t):
        return [P.cyc("ls.srv", INSP_SERVERS[1:]), link_ip(rng)], {}

    def g_linkfail(rng, P, t):
        return [P.cyc("lf.srv", INSP_SERVERS[1:3]), link_ip(rng),
                P.cyc("pool364", ["Connection refused", "Connection timed out",
                            "No route to host",
                            "Could not resolve hostname"])], {}

    def g_burst(rng, P, t):
        return [P.cyc("b.srv", INSP_SERVERS), str(rng.randint(12, 2400))], {}

    def g_split(rng, P, t):
        return [P.cyc("sp.srv", INSP_SERVERS[1:]),
                P.cyc("pool373", ["Ping timeout", "Connection closed",
                            "Error: Write error: Broken pipe",
                            "Remote host closed connection"])], {}

    def g_modload(rng, P, t):
        return [P.cyc("ml.mod", INSP_MODULES)], {}

    def g_modunload(rng, P, t):
        return [P.cyc("mu.mod", INSP_MODULES[2:6])], {}

    def g_rehash(rng, P, t):
        return [P.cyc("r.oper", INSP_OPERS), P.cyc("r.srv", INSP_SERVERS[:3])], {}

    def g_kill(rng, P, t):
        nk, idn, host, ip = user(rng)
        return [P.cyc("k.oper", INSP_OPERS), nk, idn, host,
                P.cyc("pool389", ["Spambot", "Flooding", "Ghost session",
                            "Go away (repeat offender)", "Clone limit exceeded"])], {}

    return [
        Event("connect", "Client connecting on port <*> (class <*>): <*>!<*>@<*> (<*>) [<*>]",
              90, g_connect, type="CONNECT"),
        Event("quit", "Client exiting: <*>!<*>@<*> (<*>) [<*>]", 75, g_quit, type="QUIT"),
        Event("nick", "User <*> changed their nickname to <*>", 50, g_nick, type="NICK"),
        Event("oper", "<*> (<*>) [<*>] is now a server operator of type <*> (using oper '<*>')",
              8, g_oper, type="OPER"),
        Event("operfail", "Failed oper attempt by <*>!<*>@<*> using login '<*>': <*>",
              5, g_operfail, type="OPER"),
        Event("gline", "<*> added a timed G-line on <*>, expires in <*> (on <*>): <*>",
              6, g_gline, type="XLINE"),
        Event("glineexp", "Removing expired G-line <*> (set by <*> <*> ago): <*>",
              4, g_glineexp, type="XLINE"),
        Event("linkstart", "Connection to <*>[<*>] started.", 7, g_linkstart, type="LINK"),
        Event("linkfail", "Connection to <*>[<*>] failed with error: <*>",
              5, g_linkfail, type="LINK"),
        Event("burst", "Received end of netburst from <*> (burst time: <*> msecs)",
              10, g_burst, type="LINK"),
        Event("split", "Server <*> split: <*>", 4, g_split, type="LINK"),
        Event("modload", "New module introduced: <*>", 6, g_modload, type="MODULE"),
        Event("modunload", "Module <*> unloaded", 3, g_modunload, type="MODULE"),
        Event("rehash", "<*> is rehashing config file conf/inspircd.conf on <*>",
              4, g_rehash, type="ANNOUNCEMENT"),
        Event("kill", "Local kill by <*>: <*>!<*>@<*> (<*>)", 23, g_kill, type="KILL"),
    ]


def insp_header(ns, hdr):
    t = tm(ns)
    return "%s %s %02d %d %s %s: " % (t["wd"], t["mon"], t["d"], t["Y"], hms(t), hdr["type"])


INSP_RE = (r"(?P<wd>Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?P<mon>[A-Z][a-z]{2}) (?P<d>\d{2}) "
           r"(?P<Y>\d{4}) (?P<H>\d{2}):(?P<M>\d{2}):(?P<S>\d{2}) [A-Za-z_]+: ")


def gen_inspircd(rng):
    ev = insp_events()
    return ev, run_shuffle(rng, ev, at(6, 41, 17), 21.0)


# ---------------------------------------------------------------------------
# 2. ZNC  (seeded shuffle)
# ---------------------------------------------------------------------------

ZNC_USERS = [("kestrel", "moonlit"), ("kestrel", "ferrous"), ("tamsin", "moonlit"),
             ("orrin", "quillnet"), ("vale", "ferrous"), ("vale", "oakirc"),
             ("brisk", "quillnet")]
ZNC_SERVERS = {"moonlit": ["irc.moonlit.example", "tungsten.moonlit.example",
                           "cobalt.moonlit.example"],
               "ferrous": ["irc.ferrous.example", "ingot.ferrous.example"],
               "quillnet": ["irc.quillnet.example", "nib.quillnet.example"],
               "oakirc": ["irc.oakirc.example", "acorn.oakirc.example"]}
ZNC_MODULES = [("log", "/usr/lib/znc/log.so"), ("sasl", "/usr/lib/znc/sasl.so"),
               ("clientbuffer", "/var/lib/znc/modules/clientbuffer.so"),
               ("webadmin", "/usr/lib/znc/webadmin.so"),
               ("autoreply", "/usr/lib/znc/autoreply.so"),
               ("push", "/var/lib/znc/modules/push.so")]


def znc_events():
    def un(rng):
        return rng.choice(ZNC_USERS)

    def g_in_msg(rng, P, t):
        u, n = un(rng)
        nk = nick(rng)
        ip = client_ip(rng)
        return [u, n, nk, ident(rng, nk), rdns(rng, ip), rng.choice(CHANNELS),
                rng.choice(CHAT)], {}

    def g_out_msg(rng, P, t):
        u, n = un(rng)
        return [u, n, rng.choice(CHANNELS + [nick(rng)]), rng.choice(CHAT)], {}

    def g_ping(rng, P, t):
        u, n = un(rng)
        return [u, n, rng.choice(ZNC_SERVERS[n])], {}

    def g_pong(rng, P, t):
        u, n = un(rng)
        return [u, n, rng.choice(ZNC_SERVERS[n])], {}

    def g_join(rng, P, t):
        u, n = un(rng)
        return [u, n, P.cyc("j.chan", CHANNELS)], {}

    def g_cli(rng, P, t):
        u = P.cyc("cli.user", ["kestrel", "vale", "orrin", "tamsin"])
        return [u, rng.choice(["ListNetworks", "ListClients", "Jump",
                               "Disconnect", "ListChans", "Help",
                               "SetBuffer #lounge 500", "Connect",
                               "ShowMOTD", "ListMods"])], {}

    def g_connecting(rng, P, t):
        u, n = un(rng)
        port = P.cyc("cn.port", ["+6697", "6667", "+6697", "+7000"])
        return [u, rng.choice(ZNC_SERVERS[n]), port, n], {}

    def g_timeout(rng, P, t):
        u, n = P.cyc("to.un", ZNC_USERS[1:5])
        return [u, n], {}

    def g_disc(rng, P, t):
        u, n = un(rng)
        return [u, n, P.cyc("pool497", ["Connection reset by peer", "Connection closed",
                                  "Ping timeout: 180 seconds",
                                  "Closing Link: %s (Excess Flood)" % pub_ip(rng),
                                  "Broken pipe"])], {}

    def g_login(rng, P, t):
        return [P.cyc("li.user", ["kestrel", "tamsin", "orrin", "vale", "brisk"]),
                client_ip(rng)], {}

    def g_logout(rng, P, t):
        return [P.cyc("lo.user", ["vale", "kestrel", "orrin", "tamsin"]),
                client_ip(rng)], {}

    def g_loginfail(rng, P, t):
        return [P.cyc("lf.user", ["admin", "kestrel", "root", "znc"]), pub_ip(rng)], {}

    def g_modload(rng, P, t):
        name, path = P.cyc("ml.mod", ZNC_MODULES)
        return [name, path], {}

    def g_modunload(rng, P, t):
        return [P.cyc("mu.mod", ["push", "autoreply", "clientbuffer"])], {}

    return [
        Event("in_msg", "(<*>/<*>) IRC -> ZNC [:<*>!<*>@<*> PRIVMSG <*> :<*>]", 108, g_in_msg),
        Event("out_msg", "(<*>/<*>) ZNC -> IRC [PRIVMSG <*> :<*>]", 40, g_out_msg),
        Event("ping", "(<*>/<*>) IRC -> ZNC [PING :<*>]", 45, g_ping),
        Event("pong", "(<*>/<*>) ZNC -> IRC [PONG :<*>]", 30, g_pong),
        Event("join", "(<*>/<*>) ZNC -> IRC [JOIN <*>]", 15, g_join),
        Event("cli", "(<*>) CLI -> ZNC [PRIVMSG *status :<*>]", 12, g_cli),
        Event("connecting", "User [<*>] is connecting to [<*> <*>] on network [<*>]", 10,
              g_connecting),
        Event("timeout", "(<*>/<*>) IRC connection timed out", 5, g_timeout),
        Event("disc", "(<*>/<*>) Disconnected from IRC (<*>)", 6, g_disc),
        Event("login", "[<*>] connected to ZNC from <*>", 9, g_login),
        Event("logout", "[<*>] disconnected from ZNC from <*>", 8, g_logout),
        Event("loginfail", "[<*>] failed to login from <*>", 5, g_loginfail),
        Event("modload", "Loaded module [<*>] [<*>]", 4, g_modload),
        Event("modunload", "Unloaded module [<*>]", 3, g_modunload),
    ]


def znc_header(ns, hdr):
    t = tm(ns)
    return "[%d-%02d-%02d %s.%06d] " % (t["Y"], t["m"], t["d"], hms(t), t["ns"] // 1000)


ZNC_RE = (r"\[(?P<Y>\d{4})-(?P<mon>\d{2})-(?P<d>\d{2}) (?P<H>\d{2}):(?P<M>\d{2}):"
          r"(?P<S>\d{2})\.(?P<f>\d{6})\] ")


def gen_znc(rng):
    ev = znc_events()
    return ev, run_shuffle(rng, ev, at(13, 5, 48), 9.0)


# ---------------------------------------------------------------------------
# 3. Logitech Media Server  (simulation: players + scanner + plugin fetches)
# ---------------------------------------------------------------------------

ARTISTS = ["Halvard Quist", "The Saltmarsh Choir", "Nadia Oyelowo",
           "Brass Lantern", "Mireille Tanaka-Ross", "Copper & Fern",
           "Ostrava Sound Unit", "Lowtide Orchestra", "Juno Kellerman"]
ALBUMS = ["Northern Light", "Field Recordings Vol. 2", "Paper Boats",
          "Live at the Granary", "Slow Rivers", "Kinetic", "Ashes & Amber"]
TITLES = ["Morning Ferry", "Glasswork", "The Long Field", "Harbour Lights",
          "Tin Roof Rain", "Seventeen Winters", "Small Hours", "Lantern Song",
          "Undertow", "Carousel", "Quiet Engine", "Blue Hour", "Salt Road",
          "Driftwood", "Orchard"]
LMS_EXT = [("flac", "flc"), ("mp3", "mp3"), ("m4a", "aac"), ("ogg", "ogg"),
           ("flac", "flc"), ("wav", "pcm")]


def lms_events():
    E = Event
    return [
        E("accept", "Accepted connection from: [<*>:<*>]",
          method="Slim::Networking::Slimproto::slimproto_accept", line=312),
        E("hello", "Hello from player <*>: model <*>, firmware <*>",
          method="Slim::Networking::Slimproto::_hello_handler", line=1206),
        E("stream", "Streaming <*> with format <*> to player <*>",
          method="Slim::Player::Song::open", line=585),
        E("playing", "Player <*> started playing \"<*>\" (<*>)",
          method="Slim::Player::StreamingController::_Playing", line=1092),
        E("paused", "Player <*> paused at <*>",
          method="Slim::Player::StreamingController::_Pause", line=1260),
        E("resumed", "Player <*> resumed at <*>",
          method="Slim::Player::StreamingController::_Resume", line=1291),
        E("stopped", "Player <*> stopped after <*>",
          method="Slim::Player::StreamingController::_Stop", line=1169),
        E("volume", "Setting volume for <*> to <*>",
          method="Slim::Control::Commands::mixerVolumeCommand", line=1487),
        E("underrun", "Warning: Buffer underrun on player <*>: only <*> bytes buffered",
          method="Slim::Player::Source::_readNextChunk", line=790),
        E("noheard", "Haven't heard from <*>, closing connection",
          method="Slim::Networking::Slimproto::check_all_clients", line=187),
        E("closed", "Connection closed for player <*> (<*>)",
          method="Slim::Networking::Slimproto::slimproto_close", line=251),
        E("scanstart", "Starting <*> scan",
          method="Slim::Music::Import::runScan", line=391),
        E("scandone", "Completed <*> Scan in <*> seconds.",
          method="Slim::Music::Import::endImporter", line=529),
        E("badtags", "Warning: Can't read tags for <*>: <*>",
          method="Slim::Formats::readTags", line=266),
        E("fetchfail", "Failed to fetch <*>: <*>",
          method="Slim::Networking::SimpleAsyncHTTP::onError", line=238),
    ]


def gen_lms(rng):
    events = lms_events()
    sim = Sim(events)
    P = Pools()
    t0 = at(19, 2, 31)
    horizon = t0 + 150 * 60 * SEC

    def mac(real):
        if real:
            return "00:04:20:%02x:%02x:%02x" % (rng.randint(0, 255), rng.randint(0, 255),
                                                rng.randint(0, 255))
        return "%s:%02x:%02x:%02x" % (rng.choice(["b8:27:eb", "dc:a6:32", "e4:5f:01"]),
                                      rng.randint(0, 255), rng.randint(0, 255),
                                      rng.randint(0, 255))

    def track_url():
        ext, fmt = rng.choice(LMS_EXT)
        artist = rng.choice(ARTISTS)
        album = rng.choice(ALBUMS)
        title = rng.choice(TITLES)
        path = "/srv/music/%s/%s/%02d %s.%s" % (artist, album, rng.randint(1, 14), title, ext)
        url = "file://" + path.replace(" ", "%20").replace("&", "%26")
        return url, fmt, title, path

    def player(start, preconnected):
        model = P.cyc("player.model", ["baby", "squeezelite", "fab4", "boom", "receiver",
                                       "squeezelite"])
        m = mac(model not in ("squeezelite",))
        fw = {"baby": "7.8.0-r16754", "fab4": "8.0.1-r16936", "squeezelite": "v1.9.9-1432",
              "boom": "57", "receiver": "77"}[model]
        ip = "192.168.%d.%d" % (rng.choice([1, 1, 20]), rng.randint(20, 240))
        t = start
        if not preconnected:
            sim.emit(t, "accept", [ip, rng.randint(33000, 60999)])
            t += rng.randint(40, 400) * MS
            sim.emit(t, "hello", [m, model, fw])
            t += rng.randint(2, 90) * SEC
        session_start = t
        vol = rng.randint(15, 70)
        ntracks = rng.randint(1, 8)
        for _ in range(ntracks):
            url, fmt, title, path = track_url()
            sim.emit(t, "stream", [url, fmt, m])
            t += rng.randint(150, 1600) * MS
            length = rng.randint(140, 430)
            sim.emit(t, "playing", [m, title, mmss(length)])
            pos = 0
            if rng.random() < 0.35:
                dv = rng.choice([-10, -5, 5, 10, 3, -3])
                vol = max(0, min(100, vol + dv))
                sim.emit(t + rng.randint(5, length - 5) * SEC, "volume", [m, vol])
            if rng.random() < 0.08:
                sim.emit(t + rng.randint(5, length - 5) * SEC, "underrun",
                         [m, rng.randint(1, 60) * 1024 + rng.randint(0, 1023)])
            if rng.random() < 0.12:
                pos = rng.randint(10, length - 10)
                sim.emit(t + pos * SEC, "paused", [m, mmss(pos)])
                gap = rng.randint(20, 600)
                sim.emit(t + (pos + gap) * SEC, "resumed", [m, mmss(pos)])
                t += gap * SEC
            t += length * SEC + rng.randint(0, 400) * MS
            if t > horizon:
                return
        sim.emit(t, "stopped", [m, dur_hms((t - session_start) // SEC)])
        t += rng.randint(30, 900) * SEC
        if rng.random() < 0.5:
            sim.emit(t, "noheard", [m])
            t += rng.randint(1, 30) * MS
            sim.emit(t, "closed", [m, "heartbeat timeout"])
        else:
            sim.emit(t, "closed", [m, P.cyc("pool676", ["EOF", "Connection reset by peer",
                                                    "player shut down", "EOF"])])

    for i in range(4):
        player(t0 + rng.randint(0, 200000) * MS, True)
    t = t0
    while t < horizon:
        t += int(rng.expovariate(1 / 420.0) * SEC)
        player(t, False)

    # library scanner: two rescans, each running the importers in sequence
    broken = ["/srv/music/Incoming/%s - %s.m4a", "/srv/music/%s/%s/cover-scan.flac",
              "/srv/music/Podcasts/%s/%s ep.mp3"]
    reasons = ["Unknown atom type 'free' at offset 4096", "File is truncated",
               "Invalid FLAC header", "Unable to parse ID3v2 frame APIC",
               "Permission denied"]
    for scan_t in (t0 + 9 * 60 * SEC + rng.randint(0, 60) * SEC,
                   t0 + 47 * 60 * SEC + rng.randint(0, 60) * SEC,
                   t0 + 88 * 60 * SEC):
        st = scan_t + rng.randint(0, 999999) * 1000
        for imp in ["Slim::Media::MediaFolderScan", "Slim::Plugin::FullTextSearch::Plugin",
                    "Slim::Plugin::OnlineLibrary::Importer"]:
            sim.emit(st, "scanstart", [imp])
            secs = rng.randint(2, 140)
            if imp.endswith("MediaFolderScan"):
                for _ in range(rng.randint(1, 3)):
                    fp = rng.choice(broken) % (rng.choice(ARTISTS), rng.choice(TITLES))
                    sim.emit(st + rng.randint(1, secs) * SEC, "badtags",
                             [fp, P.cyc("tag_reasons", reasons)])
            st += secs * SEC + rng.randint(1, 900) * MS
            sim.emit(st, "scandone", [imp, secs])
            st += rng.randint(50, 600) * MS

    urls = ["http://opml.radiodir.example/Browse.ashx?c=presets&partnerId=16",
            "https://config.squeezenet.example/api/v1/time",
            "http://feeds.podcastlane.example/rss/4411.xml",
            "https://artwork.coverhub.example/v2/album/8f3c21/large.jpg",
            "http://stream.radiokelp.example:8000/live.mp3"]
    errs = ["Connect timed out", "500 Internal Server Error", "404 Not Found",
            "Can't connect to host: Connection refused", "SSL handshake failed"]
    ft = t0
    while ft < horizon:
        ft += int(rng.expovariate(1 / 900.0) * SEC)
        sim.emit(ft, "fetchfail", [P.cyc("fetch.url", urls), P.cyc("fetch_errs", errs)])
    return events, sim.rows()


def lms_header(ns, hdr):
    t = tm(ns)
    return "[%02d-%02d-%02d %s.%04d] %s (%d) " % (t["Y"] % 100, t["m"], t["d"], hms(t),
                                                 t["ns"] // 100000, hdr["method"], hdr["line"])


LMS_RE = (r"\[(?P<Y>\d{2})-(?P<mon>\d{2})-(?P<d>\d{2}) (?P<H>\d{2}):(?P<M>\d{2}):"
          r"(?P<S>\d{2})\.(?P<f>\d{4})\] [A-Za-z_][\w:]*(?:__ANON__)? \(\d+\) ")


# ---------------------------------------------------------------------------
# 4. BitlBee via syslog  (simulation: forked client sessions)
# ---------------------------------------------------------------------------

BB_HOST = "imgw"
BB_MASTER_PID = 1187
BB_PROTOS = [("jabber", "%s@xmpp.orbel.example"), ("steam", "%s_plays"),
             ("twitter", "@%s"), ("discord", "%s#%04d"), ("telegram", "+4917%07d"),
             ("slack", "%s@teamhub.example"), ("gtalk", "%s.%s@gmail.example")]


def bitlbee_events():
    E = Event
    return [
        E("accept", "Accepted connection from <*>"),
        E("identify", "User <*> identified (<*> accounts loaded)"),
        E("register", "Registered new user <*>"),
        E("connecting", "<*> - Logging in: Connecting"),
        E("loggedin", "<*> - Logging in: Logged in"),
        E("loginerr", "<*> - Login error: <*>"),
        E("reconnect", "<*> - Reconnecting in <*> seconds.."),
        E("signoff", "<*> - Signing off.."),
        E("acc_add", "Account <*> (<*>) added for user <*>"),
        E("acc_del", "Account <*> removed for user <*>"),
        E("saved", "Saved settings for <*> to <*>"),
        E("closed", "Client connection closed: <*>"),
        E("child_exit", "Child process <*> exited with status <*>"),
        E("proto_err", "<*> - Error: <*>"),
    ]


def gen_bitlbee(rng):
    events = bitlbee_events()
    sim = Sim(events)
    P = Pools()
    t0 = at(8, 14, 2)
    horizon = t0 + 220 * 60 * SEC
    next_pid = [24310]

    def handle(proto, u):
        fmt = dict(BB_PROTOS)[proto]
        if proto == "discord":
            return fmt % (u, rng.randint(1, 9999))
        if proto == "telegram":
            return fmt % rng.randint(0, 9999999)
        if proto == "gtalk":
            return fmt % (u, rng.choice(SYL))
        return fmt % u

    login_errs = ["Authentication failure", "Couldn't connect to host",
                  "Error while reading from server", "Connection timeout",
                  "Invalid token, please re-authenticate", "SSL handshake failed"]
    proto_errs = ["Stream error: conflict", "Ping timeout",
                  "Rate limit exceeded (HTTP 429)", "Server closed the connection",
                  "Unexpected end of stream"]

    def session(start, user, preexisting, n=0):
        pid = next_pid[0]
        next_pid[0] += rng.randint(1, 37)
        t = start
        ip = rng.choice(["127.0.0.1", "::1", "10.8.0.%d" % rng.randint(2, 40),
                         pub_ip(rng)])
        if not preexisting:
            sim.emit(t, "accept", [ip], pid=BB_MASTER_PID)
            t += rng.randint(300, 4000) * MS
            if n % 4 == 1:
                sim.emit(t, "register", [user], pid=pid)
                t += rng.randint(2, 60) * SEC
                accs = []
            else:
                accs = rng.sample([p for p, _ in BB_PROTOS], rng.randint(2, 5))
                sim.emit(t, "identify", [user, len(accs)], pid=pid)
        else:
            accs = rng.sample([p for p, _ in BB_PROTOS], rng.randint(2, 5))
        end = t + int(rng.expovariate(1 / 1500.0) * SEC) + 300 * SEC
        live = []
        clocks = []
        for a in accs:
            clocks.append([a, t + rng.randint(50, 900) * MS])
        if not accs or rng.random() < 0.25:
            # user adds a new account interactively
            a = rng.choice([p for p, _ in BB_PROTOS if p not in accs])
            at_t = t + rng.randint(20, 600) * SEC
            sim.emit(at_t, "acc_add", [a, handle(a, user), user], pid=pid)
            sim.emit(at_t + rng.randint(1, 9) * SEC, "saved",
                     [user, "/var/lib/bitlbee/%s.xml" % user], pid=pid)
            accs.append(a)
            clocks.append([a, at_t + rng.randint(10, 30) * SEC])
        removed = None
        if n % 3 == 0 and len(accs) > 1:
            # the user removes one account part-way through the session
            removed = (accs[0], t + rng.randint(60, max(61, (end - t) // SEC - 30)) * SEC)
        for a, ct in clocks:
            # each account connects, flaps, reconnects on its own clock
            a_end = removed[1] if removed and removed[0] == a else end
            while ct < a_end:
                sim.emit(ct, "connecting", [a], pid=pid)
                ct += rng.randint(200, 4000) * MS
                if rng.random() < 0.14:
                    sim.emit(ct, "loginerr", [a, P.cyc("login_errs", login_errs)], pid=pid)
                else:
                    sim.emit(ct, "loggedin", [a], pid=pid)
                    up = int(rng.expovariate(1 / 1200.0) * SEC) + 30 * SEC
                    if ct + up >= a_end:
                        if a_end == end:
                            live.append(a)
                        else:
                            sim.emit(a_end - rng.randint(5, 400) * MS, "signoff", [a], pid=pid)
                        break
                    ct += up
                    sim.emit(ct, "proto_err", [a, P.cyc("proto_errs", proto_errs)], pid=pid)
                ct += rng.randint(1, 500) * MS
                delay = P.cyc("reconnect.delay", [5, 15, 45, 120, 5])
                sim.emit(ct, "reconnect", [a, delay], pid=pid)
                ct += delay * SEC
        if removed:
            a, dt = removed
            sim.emit(dt, "acc_del", [a, user], pid=pid)
            sim.emit(dt + rng.randint(1, 5) * SEC, "saved",
                     [user, "/var/lib/bitlbee/%s.xml" % user], pid=pid)
        t = end
        sim.emit(t, "closed", [P.cyc("pool847", ["Leaving", "Quit: bye", "Ping timeout",
                                           "Read error: Connection reset by peer",
                                           "Quit: WeeChat 4.1.2", "Client quit"])],
                 pid=pid)
        for a in live:
            t += rng.randint(2, 90) * MS
            sim.emit(t, "signoff", [a], pid=pid)
        t += rng.randint(5, 200) * MS
        sim.emit(t, "saved", [user, "/var/lib/bitlbee/%s.xml" % user], pid=pid)
        t += rng.randint(5, 80) * MS
        sim.emit(t, "child_exit", [pid, P.cyc("exit.status", [0, 0, 1, 0, 255])], pid=BB_MASTER_PID)

    users = ["marlo", "ivett", "quinnf", "dorjee", "saskia", "tbone", "h4rriet",
             "nils", "oyelade", "prue", "wexford", "kalju"]
    for i in range(3):
        session(t0 - rng.randint(600, 3000) * SEC, users[i], True, i)
    t = t0
    i = 3
    while t < horizon:
        t += int(rng.expovariate(1 / 420.0) * SEC)
        session(t, users[i % len(users)], False, i)
        i += 1
    sim.buf = [r for r in sim.buf if r[0] >= t0]
    return events, sim.rows()


def syslog_header(ns, host, prog, pid):
    t = tm(ns)
    return "%s %2d %s %s %s[%d]: " % (t["mon"], t["d"], hms(t), host, prog, pid)


def bitlbee_header(ns, hdr):
    return syslog_header(ns, BB_HOST, "bitlbee", hdr["pid"])


BB_RE = (r"(?P<mon>[A-Z][a-z]{2}) (?P<d>[ \d]\d) (?P<H>\d{2}):(?P<M>\d{2}):(?P<S>\d{2}) "
         r"[\w.-]+ bitlbee\[\d+\]: ")


# ---------------------------------------------------------------------------
# 5. Ergo  (simulation: client connections)
# ---------------------------------------------------------------------------

def ergo_events():
    E = Event
    return [
        E("connip", "Client connecting: real IP <*>, proxied IP <nil>",
          level="info ", ltype="connect-ip"),
        E("connip_proxy", "Client connecting: real IP <*>, proxied IP <*>",
          level="info ", ltype="connect-ip"),
        E("connected", "Client connected [<*>] [u:<*>] [r:<*>]",
          level="info ", ltype="connect"),
        E("gone", "<*> is no longer on the server", level="info ", ltype="quit"),
        E("acc_reg", "client : <*> : registered account : <*>",
          level="info ", ltype="accounts"),
        E("acc_login", "client : <*> : logged into account : <*>",
          level="info ", ltype="accounts"),
        E("acc_fail", "client : <*> : failed to authenticate : <*>",
          level="info ", ltype="accounts"),
        E("oper", "Client opered up [<*>, <*>]", level="info ", ltype="opers"),
        E("operfail", "Client <*> failed to oper up as <*>", level="warn ", ltype="opers"),
        E("nick", "client : <*> : changed nickname to : <*>", level="info ", ltype="nick"),
        E("limited", "Client rejected by connection limiter: <*>",
          level="warn ", ltype="connect-ip"),
        E("rehash", "Rehashing due to SIGHUP", level="info ", ltype="server"),
        E("rehashed", "Rehash completed successfully", level="info ", ltype="server"),
        E("chanreg", "Client <*> registered channel <*>", level="info ", ltype="services"),
    ]


def gen_ergo(rng):
    events = ergo_events()
    sim = Sim(events)
    P = Pools()
    t0 = at(2, 33, 9)
    horizon = t0 + 160 * 60 * SEC
    accounts = {}
    chans = ["#ergo-users", "#synthdiy", "#night-owls", "#rustaceans-ot",
             "#homelab", "#bikes", "#tabletop", "#photog"]

    def client(start, preexisting):
        t = start
        nk = nick(rng)
        if not preexisting:
            ip = client_ip(rng)
            if rng.random() < 0.22:
                sim.emit(t, "connip_proxy",
                         [P.cyc("proxy.gw", ["10.66.0.4", "10.66.0.5"]), ip])
            else:
                sim.emit(t, "connip", [ip])
            t += rng.randint(20, 1800) * MS
            if rng.random() < 0.07:
                return  # never finished registration
            r = rng.random()
            acct = re.sub(r"[^a-z0-9]", "", nk.lower()) or "user"
            if r < 0.45:
                sim.emit(t, "acc_login", [nk, accounts.setdefault(nk, acct)])
                t += rng.randint(5, 120) * MS
            elif r < 0.52:
                sim.emit(t, "acc_fail", [nk, rng.choice(
                    ["invalid credentials", "account not found",
                     "certfp does not match", "account suspended"])])
                t += rng.randint(5, 120) * MS
            sim.emit(t, "connected", [nk, ident(rng, nk), realname(rng)])
            t += rng.randint(1, 50) * SEC
            if rng.random() < 0.10:
                sim.emit(t, "acc_reg", [nk, acct])
                t += rng.randint(5, 300) * SEC
        end = start + int(rng.expovariate(1 / 2400.0) * SEC) + 20 * SEC
        while True:
            t += int(rng.expovariate(1 / 1300.0) * SEC)
            if t >= end:
                break
            r = rng.random()
            if r < 0.72:
                new = rng.choice([nick(rng), nk.rstrip("_") + "_", nk + "|away",
                                  nk.split("|")[0]])
                if new != nk:
                    sim.emit(t, "nick", [nk, new])
                    nk = new
            elif r < 0.82:
                sim.emit(t, "oper", [nk, P.cyc("oper.class", ["admin", "helper",
                                                               "server-admin"])])
            elif r < 0.90:
                sim.emit(t, "operfail", [nk, P.cyc("operfail.name", ["admin", "root",
                                                                      "oper"])])
            else:
                sim.emit(t, "chanreg", [nk, rng.choice(chans)])
        sim.emit(end, "gone", [nk])

    for _ in range(25):
        client(t0 - rng.randint(60, 3600) * SEC, True)
    t = t0
    while t < horizon:
        t += int(rng.expovariate(1 / 55.0) * SEC)
        client(t, False)
    # connection limiter bursts from abusive hosts
    for bt in (t0 + 7 * 60 * SEC, t0 + 31 * 60 * SEC, t0 + 64 * 60 * SEC):
        ip = pub_ip(rng)
        bt += rng.randint(0, 120) * SEC + rng.randint(0, 999999) * 1000
        for _ in range(rng.randint(1, 3)):
            bt += rng.randint(10, 900) * MS
            sim.emit(bt, "limited", [ip])
    # operator-triggered rehashes
    for rt in (t0 + 4 * 60 * SEC, t0 + 26 * 60 * SEC, t0 + 52 * 60 * SEC,
               t0 + 75 * 60 * SEC):
        rt += rng.randint(0, 240) * SEC + rng.randint(0, 999999) * 1000
        sim.emit(rt, "rehash", [])
        sim.emit(rt + rng.randint(15, 400) * MS, "rehashed", [])
    sim.buf = [r for r in sim.buf if r[0] >= t0]
    return events, sim.rows()


def ergo_header(ns, hdr):
    t = tm(ns)
    return "%d-%02d-%02dT%s.%03dZ : %s : %s : " % (t["Y"], t["m"], t["d"], hms(t),
                                                 t["ns"] // MS, hdr["level"], hdr["ltype"])


ERGO_RE = (r"(?P<Y>\d{4})-(?P<mon>\d{2})-(?P<d>\d{2})T(?P<H>\d{2}):(?P<M>\d{2}):"
           r"(?P<S>\d{2})\.(?P<f>\d{3})Z : (?:debug|info |warn |error) : [a-z-]+ : ")


# ---------------------------------------------------------------------------
# 6. ngIRCd via syslog  (seeded shuffle)
# ---------------------------------------------------------------------------

NG_HOST = "irc-gw2"
NG_PID = 1342
NG_PEERS = ["irc.ravensgate.example", "hub.ravensgate.example", "leaf3.ravensgate.example"]


def ngircd_events():
    def mask(rng):
        nk = nick(rng)
        return nk, ident(rng, nk), rdns(rng, client_ip(rng))

    def g_accept(rng, P, t):
        return [rng.randint(8, 420), pub_ip(rng), rng.randint(1025, 65535),
                P.cyc("a.sock", ["5", "6", "7"])], {}

    def g_reg(rng, P, t):
        return list(mask(rng)) + [rng.randint(8, 420)], {}

    def g_unreg(rng, P, t):
        return list(mask(rng)) + [rng.randint(8, 420), rng.choice(
            ["Got QUIT command", "Ping timeout: 120 seconds", "Socket closed",
             "Read error: Connection reset by peer", "Excess flood",
             "Quit: %s" % rng.choice(["bye", "see ya", "rebooting", "zzz"])])], {}

    def g_shut(rng, P, t):
        return [rng.randint(8, 420), P.cyc("pool1041", ["Got QUIT command.", "Ping timeout",
                                                 "Socket closed!", "Server going down",
                                                 "Client closed connection"]),
                pub_ip(rng), rng.randint(1025, 65535)], {}

    def kb(rng):
        return "%.1fk" % (rng.expovariate(1 / 12.0) + 0.1)

    def g_closed(rng, P, t):
        return [rng.randint(8, 420), pub_ip(rng), rng.randint(1025, 65535),
                kb(rng), kb(rng)], {}

    def g_oper(rng, P, t):
        nk, idn, host = mask(rng)
        return [P.cyc("o.name", ["netadmin", "sysop", "helper"]),
                "%s!%s@%s" % (nk, idn, host)], {}

    def g_operfail(rng, P, t):
        nk, idn, host = mask(rng)
        return ["%s!%s@%s" % (nk, idn, host), P.cyc("of.reason", [
            "Bad password!", "Name \"root\" not configured!",
            "Mask is not matching!"])], {}

    def g_srvreg(rng, P, t):
        return [P.cyc("sr.peer", NG_PEERS), rng.randint(3, 40)], {}

    def g_srvunreg(rng, P, t):
        return [P.cyc("su.peer", NG_PEERS), rng.randint(3, 40),
                P.cyc("pool1072", ["Ping timeout", "Server closed connection",
                            "Connection reset by peer"])], {}

    def g_establish(rng, P, t):
        peer = P.cyc("e.peer", NG_PEERS)
        return [peer.split(".")[0], peer, P.cyc("e.port", ["6667", "6697", "7000"]),
                "10.12.%d.%d" % (rng.randint(0, 4), rng.randint(2, 250)),
                rng.randint(9, 60)], {}

    def g_sync(rng, P, t):
        return [P.cyc("s.peer", NG_PEERS), rng.randint(3, 40)], {}

    def g_cantconn(rng, P, t):
        return [P.cyc("cc.err", ["Connection refused", "No route to host",
                                 "Connection timed out"])], {}

    def g_chancreate(rng, P, t):
        return [rng.choice(CHANNELS + ["#ngircd", "#dev-%s" % rng.choice(SYL)]),
                nick(rng)], {}

    def g_chandestroy(rng, P, t):
        return [rng.choice(CHANNELS + ["#tmp-%s" % rng.choice(SYL)])], {}

    def g_kill(rng, P, t):
        return [P.cyc("k.oper", ["Graum", "velda"]), nick(rng),
                P.cyc("pool1097", ["Spam", "Flooding", "Clones", "Bye bye"])], {}

    return [
        Event("accept", "Accepted connection <*> from \"<*>:<*>\" on socket <*>.", 68, g_accept),
        Event("reg", "User \"<*>!<*>@<*>\" registered (connection <*>).", 55, g_reg),
        Event("unreg", "User \"<*>!<*>@<*>\" unregistered (connection <*>): <*>", 48, g_unreg),
        Event("shut", "Shutting down connection <*> (<*>) with \"<*>:<*>\" ...", 20, g_shut),
        Event("closed", "Connection <*> with \"<*>:<*>\" closed (in: <*>, out: <*>).",
              50, g_closed),
        Event("oper", "Got valid OPER for \"<*>\" from \"<*>\", user is an IRC operator now.",
              6, g_oper),
        Event("operfail", "Got invalid OPER from \"<*>\": <*>", 4, g_operfail),
        Event("srvreg", "Server \"<*>\" registered (connection <*>, 1 hop - direct link).",
              5, g_srvreg),
        Event("srvunreg", "Server \"<*>\" unregistered (connection <*>): <*>", 4, g_srvunreg),
        Event("establish", "Establishing connection for \"<*>\" to \"<*>:<*>\" (<*>), "
              "socket <*> ...", 7, g_establish),
        Event("sync", "Synchronizing with \"<*>\" (connection <*>) ...", 5, g_sync),
        Event("cantconn", "Can't connect socket: <*>!", 4, g_cantconn),
        Event("chancreate", "Channel \"<*>\" created by \"<*>\".", 12, g_chancreate),
        Event("chandestroy", "Channel \"<*>\" destroyed.", 9, g_chandestroy),
        Event("kill", "Got KILL command from \"<*>\" for \"<*>\": \"<*>\".", 3, g_kill),
    ]


def ngircd_header(ns, hdr):
    return syslog_header(ns, NG_HOST, "ngircd", NG_PID)


NG_RE = (r"(?P<mon>[A-Z][a-z]{2}) (?P<d>[ \d]\d) (?P<H>\d{2}):(?P<M>\d{2}):(?P<S>\d{2}) "
         r"[\w.-]+ ngircd\[\d+\]: ")


def gen_ngircd(rng):
    ev = ngircd_events()
    return ev, run_shuffle(rng, ev, at(21, 18, 40), 17.0)


# ---------------------------------------------------------------------------
# systems
# ---------------------------------------------------------------------------

SYSTEMS = [
    # (k, name, generator, header formatter, header regex, kind)
    (1, "InspIRCd", gen_inspircd, insp_header, INSP_RE, "shuffle"),
    (2, "Znc", gen_znc, znc_header, ZNC_RE, "shuffle"),
    (3, "LogitechMediaServer", gen_lms, lms_header, LMS_RE, "simulation"),
    (4, "Bitlbee", gen_bitlbee, bitlbee_header, BB_RE, "simulation"),
    (5, "Ergo", gen_ergo, ergo_header, ERGO_RE, "simulation"),
    (6, "Ngircd", gen_ngircd, ngircd_header, NG_RE, "shuffle"),
]


def write_system(k, name, gen, header_fn):
    rng = random.Random(BASE_SEED * 10 + k)
    events, rows = gen(rng)
    assert len(rows) == N_LINES
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    log_path = os.path.join(d, name + ".log")
    csv_path = os.path.join(d, name + ".log_structured.csv")
    with open(log_path, "w", encoding="utf-8", newline="\n") as f:
        for t, idx, content, extra in rows:
            hdr = dict(events[idx].hdr)
            hdr.update(extra)
            f.write(header_fn(t, hdr) + content + "\n")
    with open(csv_path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (t, idx, content, extra) in enumerate(rows, 1):
            w.writerow([i, content, "E%d" % (idx + 1), events[idx].template])
    return events, [log_path, csv_path]


# ---------------------------------------------------------------------------
# self-check
# ---------------------------------------------------------------------------

def ts_key(m):
    g = m.groupdict()
    mon = g["mon"]
    mon_i = MONTHS.index(mon) + 1 if mon in MONTHS else int(mon)
    return (int(g.get("Y") or 0), mon_i, int(g["d"]), int(g["H"]), int(g["M"]),
            int(g["S"]), int(g.get("f") or 0))


def check_system(name, header_re, events):
    errors = []
    d = os.path.join(OUT, name)
    with open(os.path.join(d, name + ".log"), "rb") as f:
        raw = f.read()
    if not raw.endswith(b"\n"):
        errors.append("log does not end with newline")
    if b"\r" in raw:
        errors.append("log contains CR")
    lines = raw.decode("utf-8").split("\n")[:-1]
    with open(os.path.join(d, name + ".log_structured.csv"), "rb") as f:
        craw = f.read()
    if not craw.endswith(b"\n"):
        errors.append("csv does not end with newline")
    if b"\r" in craw:
        errors.append("csv contains CR")
    reader = csv.reader(craw.decode("utf-8").splitlines(True))
    table = list(reader)
    if not table or table[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errors.append("bad csv header %r" % (table[:1],))
    body = table[1:]
    if len(lines) != N_LINES:
        errors.append("%d log lines" % len(lines))
    if len(body) != N_LINES:
        errors.append("%d csv rows" % len(body))
    hre = re.compile(header_re)
    declared = ["E%d" % (i + 1) for i in range(len(events))]
    declared_tpl = {"E%d" % (i + 1): e.template for i, e in enumerate(events)}
    tpl_of = {}
    captures = {}
    counts = {}
    last = None
    for i, (line, row) in enumerate(zip(lines, body), 1):
        if len(row) != 4:
            errors.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errors.append("row %d LineId %r" % (i, lid))
        if not content or content != content.strip():
            errors.append("row %d content empty or unstripped" % i)
        if not line.endswith(content):
            errors.append("line %d does not end with its Content" % i)
            continue
        head = line[:len(line) - len(content)]
        m = hre.fullmatch(head)
        if not m:
            errors.append("line %d header %r does not match" % (i, head))
            continue
        key = ts_key(m)
        if last is not None and key < last:
            errors.append("line %d timestamp goes back" % i)
        last = key
        if not re.fullmatch(r"E\d+", eid):
            errors.append("row %d bad EventId %r" % (i, eid))
        if tpl_of.setdefault(eid, tpl) != tpl:
            errors.append("EventId %s has two templates" % eid)
        if declared_tpl.get(eid) != tpl:
            errors.append("row %d template differs from declaration" % i)
        mm = template_regex(tpl).fullmatch(content)
        if not mm:
            errors.append("row %d template does not match content" % i)
            continue
        for si, v in enumerate(mm.groups()):
            captures.setdefault((eid, si), set()).add(v)
        counts[eid] = counts.get(eid, 0) + 1
    if len(set(tpl_of.values())) != len(tpl_of):
        errors.append("two EventIds share a template")
    if sorted(tpl_of, key=lambda e: int(e[1:])) != declared:
        errors.append("declared events unused: %s" % sorted(set(declared) - set(tpl_of)))
    for eid, tpl in tpl_of.items():
        for si in range(tpl.count(SLOT)):
            if len(captures.get((eid, si), ())) < 2:
                errors.append("%s slot %d has < 2 distinct values" % (eid, si + 1))
    c = sorted(counts.values())
    if not 12 <= len(c) <= 15:
        errors.append("%d event types" % len(c))
    if c and c[0] < 3:
        errors.append("an event has %d < 3 lines: %s" % (
            c[0], [e for e, n in counts.items() if n < 3]))
    if sum(1 for n in c if 3 <= n <= 10) < 3:
        errors.append("fewer than 3 events with 3-10 lines")
    med = statistics.median(c) if c else 0
    if c and c[-1] < 3 * med:
        errors.append("largest %d < 3 x median %s" % (c[-1], med))
    return errors, counts, med


def main():
    written = []
    declared = {}
    for k, name, gen, header_fn, header_re, kind in SYSTEMS:
        events, paths = write_system(k, name, gen, header_fn)
        declared[name] = events
        written.extend(paths)
    ok = True
    for k, name, gen, header_fn, header_re, kind in SYSTEMS:
        errors, counts, med = check_system(name, header_re, declared[name])
        c = sorted(counts.values())
        print("%-20s %-10s lines=%d events=%d min=%d median=%s max=%d small(3-10)=%d %s" % (
            name, kind, sum(c), len(c), c[0] if c else 0, med, c[-1] if c else 0,
            sum(1 for n in c if 3 <= n <= 10), "OK" if not errors else "FAIL"))
        for e in errors[:25]:
            print("    " + e)
        ok = ok and not errors
    print("files written: %d" % len(written))
    print("SELF-CHECK %s" % ("PASSED" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
