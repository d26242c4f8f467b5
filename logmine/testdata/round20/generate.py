#!/usr/bin/env python3
"""Round 20: a blind corpus for the log template miner.

Writes six labelled log files (300 lines each) next to this script:

    <System>/<System>.log                 raw lines, header included
    <System>/<System>.log_structured.csv  LineId,Content,EventId,EventTemplate

Every message is invented in the style of its project.  Nothing here reads a
real log, a data set or the miner.  Python 3 standard library only; fully
deterministic (seed 20261226, one random.Random(20261226*10 + k) per system,
an integer nanosecond clock on 2026-12-26 UTC, no wall time, no locale).
The script ends with a self-check that must print "self-check passed".
"""

import csv
import datetime
import os
import random
import re
import statistics

SEED = 20261226
HERE = os.path.dirname(os.path.abspath(__file__))
NS = 10 ** 9
MS = 10 ** 6
US = 10 ** 3
UTC = datetime.timezone.utc
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=UTC)
YEAR = 2026
DAY0 = ((datetime.datetime(YEAR, 12, 26, tzinfo=UTC) - EPOCH)
        // datetime.timedelta(seconds=1)) * NS
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
LINES_PER_SYSTEM = 300


# ---------------------------------------------------------------------------
# clock helpers (integer nanoseconds since the Unix epoch, always UTC)
# ---------------------------------------------------------------------------

def civil(t):
    """Return (datetime to the second, nanoseconds within the second)."""
    s, frac = divmod(t, NS)
    return EPOCH + datetime.timedelta(seconds=s), frac


def at(h, m=0, s=0):
    return DAY0 + ((h * 60 + m) * 60 + s) * NS


def to_ns(y, mo, d, hh, mi, ss, frac_ns=0):
    dt = datetime.datetime(y, mo, d, hh, mi, ss, tzinfo=UTC)
    return ((dt - EPOCH) // datetime.timedelta(seconds=1)) * NS + frac_ns


def gap(rng, mean_s, floor_ns=1000):
    """Exponential gap in integer nanoseconds (never zero)."""
    return max(floor_ns, int(rng.expovariate(1.0 / mean_s) * NS))


def hexid(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid4(rng):
    h = hexid(rng, 32)
    v = "89ab"[rng.randrange(4)]
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], v, h[17:20], h[20:32])


# ---------------------------------------------------------------------------
# the corpus object shared by all systems
# ---------------------------------------------------------------------------

class Corpus:
    def __init__(self, name, k, header_re, time_of):
        self.name = name
        self.rng = random.Random(SEED * 10 + k)
        self.header_re = re.compile(header_re)
        self.time_of = time_of
        self.templates = []
        self.rows = []
        self._cyc = {}
        self._seq = 0

    def declare(self, template):
        assert template not in self.templates, template
        self.templates.append(template)
        return len(self.templates)

    def cyc(self, eid, slot, pool):
        """Cycling pool per (event, slot): rare events still get >= 2 values."""
        key = (eid, slot)
        i = self._cyc.get(key, 0)
        self._cyc[key] = i + 1
        return pool[i % len(pool)]

    def content(self, eid, vals):
        parts = self.templates[eid - 1].split("<*>")
        assert len(parts) == len(vals) + 1, (self.name, eid, parts, vals)
        out = [parts[0]]
        for v, p in zip(vals, parts[1:]):
            out.append(str(v))
            out.append(p)
        return "".join(out)

    def add(self, t, header, eid, vals):
        self._seq += 1
        self.rows.append((t, self._seq, header, self.content(eid, vals), eid))

    def write(self, sort):
        rows = sorted(self.rows) if sort else list(self.rows)
        assert len(rows) >= LINES_PER_SYSTEM, (self.name, len(rows))
        rows = rows[:LINES_PER_SYSTEM]
        d = os.path.join(HERE, self.name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, self.name + ".log"), "w", encoding="utf-8", newline="") as f:
            for _, _, header, content, _ in rows:
                f.write(header + content + "\n")
        with open(os.path.join(d, self.name + ".log_structured.csv"), "w",
                  encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
            for i, (_, _, _, content, eid) in enumerate(rows, 1):
                w.writerow([i, content, "E%d" % eid, self.templates[eid - 1]])


def shuffled_plan(c, counts):
    plan = []
    for eid, n in counts.items():
        plan.extend([eid] * n)
    assert len(plan) == LINES_PER_SYSTEM, (c.name, len(plan))
    c.rng.shuffle(plan)
    return plan


# ---------------------------------------------------------------------------
# 1. Prosody -- "Mon DD HH:MM:SS source<TAB>level<TAB>message"   (shuffle)
# ---------------------------------------------------------------------------

PROSODY_HDR = (r"^(?P<mon>[A-Z][a-z]{2}) (?P<day>\d{2}) (?P<hms>\d{2}:\d{2}:\d{2}) "
               r"(?P<src>[A-Za-z0-9_.:-]+)\t(?P<lvl>debug|info|warn|error)\t")


def time_syslog(m):
    hh, mi, ss = map(int, m.group("hms").split(":"))
    mo = MONTHS.index(m.group("mon")) + 1
    return to_ns(YEAR, mo, int(m.group("day")), hh, mi, ss), NS


def gen_prosody():
    c = Corpus("Prosody", 1, PROSODY_HDR, time_syslog)
    rng = c.rng
    E = {}
    E["connected"] = c.declare("Client connected")
    E["authed"] = c.declare("Authenticated as <*>")
    E["disc"] = c.declare("Client disconnected: <*>")
    E["tls"] = c.declare("Stream encrypted (<*>) with <*>")
    E["recv"] = c.declare("Received[c2s]: <iq type='<*>' id='<*>'>")
    E["attempt"] = c.declare("Beginning new connection attempt to <*> (<*>)")
    E["out_ok"] = c.declare("Outgoing s2s connection <*>-><*> complete")
    E["in_ok"] = c.declare("Incoming s2s connection <*>-><*> complete")
    E["bounce"] = c.declare("Sending error replies for <*> queued stanzas because of "
                            "failed outgoing connection to <*>")
    E["streamerr"] = c.declare("Disconnecting client, <stream:error> is: <*>")
    E["activated"] = c.declare("Activated service '<*>' on <*>")
    E["authfail"] = c.declare("Failed authentication attempt (<*>) for user <*> from IP: <*>")
    E["destroy"] = c.declare("Destroying outgoing session <*>-><*>")
    E["destroy_r"] = c.declare("Destroying outgoing session <*>-><*>: <*>")

    counts = {E["connected"]: 41, E["authed"]: 36, E["disc"]: 29, E["tls"]: 31,
              E["attempt"]: 14, E["out_ok"]: 13, E["in_ok"]: 11, E["bounce"]: 6,
              E["streamerr"]: 5, E["activated"]: 4, E["authfail"]: 7,
              E["destroy"]: 5, E["destroy_r"]: 9}
    counts[E["recv"]] = LINES_PER_SYSTEM - sum(counts.values())
    plan = shuffled_plan(c, counts)

    c2s = ["c2s%012x" % (0x55d0e7000000 + rng.getrandbits(24) * 16) for _ in range(14)]
    s2sout = ["s2sout%012x" % (0x55d0e7000000 + rng.getrandbits(24) * 16) for _ in range(6)]
    s2sin = ["s2sin%012x" % (0x55d0e7000000 + rng.getrandbits(24) * 16) for _ in range(6)]
    local = ["example.com", "chat.example.com"]
    remote = ["jabber.example.org", "xmpp.example.net", "im.k.example",
              "a.rather-long-federated-server-name.example.org", "muc.example.io"]
    users = ["alice", "bob", "carol", "d", "erin.lindqvist", "frank+work", "hassan"]
    addrs = {"jabber.example.org": "[198.51.100.14]:5269",
             "xmpp.example.net": "[2001:db8:4f2::25]:5269",
             "im.k.example": "[203.0.113.9]:5269",
             "a.rather-long-federated-server-name.example.org": "[2001:db8::5]:5270",
             "muc.example.io": "[192.0.2.77]:5269"}

    def jid(eid):
        return "%s@%s" % (c.cyc(eid, "user", users), c.cyc(eid, "host", local))

    t = at(7, 58, 12)
    for eid in plan:
        t += gap(rng, 2.7, NS // 10)
        lvl = "info"
        if eid == E["connected"]:
            src, vals = rng.choice(c2s), []
        elif eid == E["authed"]:
            src, vals = rng.choice(c2s), [jid(eid)]
        elif eid == E["disc"]:
            src = rng.choice(c2s)
            vals = [c.cyc(eid, 0, ["connection closed", "closed", "Connection timeout",
                                   "connection closed", "Broken pipe",
                                   "ssl handshake failed: no shared cipher"])]
        elif eid == E["tls"]:
            src = rng.choice(c2s + s2sin[:2])
            v, ciph = c.cyc(eid, 0, [("TLSv1.3", "TLS_AES_256_GCM_SHA384"),
                                     ("TLSv1.3", "TLS_CHACHA20_POLY1305_SHA256"),
                                     ("TLSv1.3", "TLS_AES_256_GCM_SHA384"),
                                     ("TLSv1.2", "ECDHE-RSA-AES256-GCM-SHA384")])
            vals = [v, ciph]
        elif eid == E["recv"]:
            src, lvl = rng.choice(c2s), "debug"
            typ = c.cyc(eid, 0, ["get", "result", "get", "set", "result", "error"])
            iqid = rng.choice(["purple%s" % hexid(rng, 8), uuid4(rng),
                               "ping%d" % rng.randint(1, 99), hexid(rng, 5),
                               "lx%d" % rng.randint(100, 9999)])
            vals = [typ, iqid]
        elif eid == E["attempt"]:
            src, lvl = rng.choice(s2sout), "debug"
            host = c.cyc(eid, 0, remote)
            vals = [host, addrs[host]]
        elif eid == E["out_ok"]:
            src = rng.choice(s2sout)
            vals = [c.cyc(eid, 0, local), c.cyc(eid, 1, remote)]
        elif eid == E["in_ok"]:
            src = rng.choice(s2sin)
            vals = [c.cyc(eid, 0, remote), c.cyc(eid, 1, local[::-1])]
        elif eid == E["bounce"]:
            src = rng.choice(s2sout)
            vals = [c.cyc(eid, 0, [1, 3, 1, 12, 2]), c.cyc(eid, 1, remote[::-1])]
        elif eid == E["streamerr"]:
            src = rng.choice(c2s)
            vals = [c.cyc(eid, 0, [
                "<stream:error><connection-timeout xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>Idle connection</text></stream:error>",
                "<stream:error><conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>",
                "<stream:error><policy-violation xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>Too many stanzas: slow down</text>"
                "</stream:error>"])]
        elif eid == E["activated"]:
            src = "portmanager"
            vals = list(c.cyc(eid, 0, [("c2s", "[::]:5222, [*]:5222"),
                                       ("s2s", "[::]:5269, [*]:5269"),
                                       ("http", "[*]:5280"),
                                       ("c2s_direct_tls", "[::]:5223, [*]:5223")]))
        elif eid == E["authfail"]:
            src = rng.choice(local) + ":log_auth"
            vals = [c.cyc(eid, 0, ["not-authorized", "not-authorized", "account-disabled",
                                   "malformed-request"]),
                    c.cyc(eid, 1, users[::-1]),
                    c.cyc(eid, 2, ["203.0.113.45", "2001:db8:77::1", "198.51.100.200"])]
        elif eid == E["destroy"]:
            src = rng.choice(s2sout)
            vals = [c.cyc(eid, 0, local), c.cyc(eid, 1, remote)]
        elif eid == E["destroy_r"]:
            src = rng.choice(s2sout)
            vals = [c.cyc(eid, 0, local[::-1]), c.cyc(eid, 1, remote[1:]),
                    c.cyc(eid, 2, ["connection closed", "Connection timeout",
                                   "remote server closed the stream: see-other-host",
                                   "idle timeout"])]
        else:
            raise AssertionError(eid)
        dt, _ = civil(t)
        header = "%s %02d %02d:%02d:%02d %s\t%s\t" % (
            MONTHS[dt.month - 1], dt.day, dt.hour, dt.minute, dt.second, src, lvl)
        c.add(t, header, eid, vals)
    c.write(sort=False)
    return c


# ---------------------------------------------------------------------------
# 2. Ejabberd -- OTP logger: "YYYY-MM-DD HH:MM:SS.ffffff+00:00 [level]
#    <pid>@module:function/arity:line [(socket|pid) ]message"   (simulation)
# ---------------------------------------------------------------------------

EJABBERD_HDR = (r"^(?P<date>\d{4}-\d{2}-\d{2}) (?P<hms>\d{2}:\d{2}:\d{2})\.(?P<us>\d{6})\+00:00 "
                r"\[(?P<lvl>debug|info|notice|warning|error)\] "
                r"(?P<pid><0\.\d+\.0>)@(?P<mfa>[a-z_0-9]+:[a-z_0-9]+/\d+:\d+) "
                r"(?:\((?P<sock>(?:tcp|tls|http_bind|websocket)\|<0\.\d+\.0>)\) )?")


def time_ejabberd(m):
    y, mo, d = map(int, m.group("date").split("-"))
    hh, mi, ss = map(int, m.group("hms").split(":"))
    return to_ns(y, mo, d, hh, mi, ss, int(m.group("us")) * US), US


def gen_ejabberd():
    c = Corpus("Ejabberd", 2, EJABBERD_HDR, time_ejabberd)
    rng = c.rng
    ACC = c.declare("Accepted connection <*> -> <*>")
    AUTH = c.declare("Accepted c2s <*> authentication for <*> by <*> backend from <*>")
    FAILU = c.declare("Failed c2s <*> authentication for <*> from <*>: <*>")
    FAILN = c.declare("Failed c2s <*> authentication from <*>: <*>")
    OPEN = c.declare("Opened c2s session for <*>")
    CLOSE = c.declare("Closing c2s session for <*>: <*>")
    S2SIN = c.declare("Accepted inbound s2s <*> authentication <*> -> <*> (<*>)")
    S2SINC = c.declare("Closing inbound s2s connection <*> -> <*>: <*>")
    S2SOUT = c.declare("Accepted outbound s2s <*> authentication <*> -> <*> (<*>)")
    S2SFAIL = c.declare("Failed to establish outbound s2s connection <*> -> <*>: <*>; "
                        "bouncing for <*> seconds")
    S2SOUTC = c.declare("Closing outbound s2s connection <*> -> <*>: <*>")
    MUC = c.declare("Created MUC room <*> by <*>")
    TLSF = c.declare("Failed to secure c2s connection: <*>")

    def pid():
        return "<0.%d.0>" % rng.randint(700, 99999)

    acceptor = {5222: pid(), 5223: pid(), 5269: pid(), 5443: pid()}
    hosts = {"example.com": "sql", "chat.example.org": "mnesia", "corp.example.net": "ldap"}
    local_ip = {5222: "[::ffff:10.0.0.2]:5222", 5223: "[::ffff:10.0.0.2]:5223",
                5269: "[::ffff:10.0.0.2]:5269", 5443: "[2001:db8:100::2]:5443"}
    users = ["alice", "bob", "carol", "dmitri.ivanov", "e", "fatima", "grace", "heinrich",
             "ivy", "jo"]
    resources = ["Conversations.Xk3p", "gajim", "mobile", "Psi+", "dino.4f1c2a9e",
                 "Monal-iOS.a81b2c3d4e5f", "web"]
    remote = ["jabber.example.org", "xmpp.example.io", "conference.k.example",
              "a-very-long-federated-host-name.example.com"]

    def client_ip():
        r = rng.random()
        if r < 0.6:
            return "::ffff:%s.%d" % (rng.choice(["203.0.113", "198.51.100", "192.0.2",
                                                "100.64.12"]), rng.randint(1, 254))
        return "2001:db8:%x::%x" % (rng.randint(1, 0xfff), rng.randint(1, 0xffff))

    def hdr(t, lvl, proc, mfa, sock=None):
        dt, frac = civil(t)
        s = "%04d-%02d-%02d %02d:%02d:%02d.%06d+00:00 [%s] %s@%s " % (
            dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second, frac // US, lvl, proc, mfa)
        if sock:
            s += "(%s) " % sock
        return s

    # c2s sessions
    t = at(9, 14, 3) + 123456789
    for i in range(90):
        t += gap(rng, 11.0)
        port = rng.choice([5222, 5222, 5222, 5222, 5223, 5223, 5443])
        kind = "tls" if port != 5443 else rng.choice(["websocket", "http_bind"])
        ip = client_ip()
        c.add(t, hdr(t, "info", acceptor[port], "ejabberd_listener:accept/7:339"), ACC,
              ["[%s]:%d" % (ip, rng.randint(1025, 65535)), local_ip[port]])
        proc, sock = pid(), pid()
        tt = t + rng.randint(2000, 40000) * US
        if i % 17 == 8:
            c.add(tt, hdr(tt, "info", proc, "ejabberd_c2s:handle_stream_start/3:561",
                          "tcp|" + sock), TLSF,
                  [c.cyc(TLSF, 0, ["TLS failed: no shared cipher",
                                   "TLS failed: unknown ca",
                                   "TLS failed: SSL_accept failed: wrong version number"])])
            continue
        host = rng.choice(list(hosts))
        user = rng.choice(users)
        mech = c.cyc(AUTH, 0, ["SCRAM-SHA-1", "PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-1",
                               "SCRAM-SHA-512-PLUS"])
        ctx = kind + "|" + sock
        tt += rng.randint(20000, 400000) * US
        if i % 13 == 4:
            c.add(tt, hdr(tt, "warning", proc, "ejabberd_c2s:handle_auth_failure/4:468", ctx),
                  FAILN, [c.cyc(FAILN, 0, ["SCRAM-SHA-1", "PLAIN"]), ip,
                          c.cyc(FAILN, 1, ["Malformed username", "Invalid authzid",
                                           "Malformed request"])])
            continue
        if i % 7 == 2:
            c.add(tt, hdr(tt, "warning", proc, "ejabberd_c2s:handle_auth_failure/4:468", ctx),
                  FAILU, [mech, "%s@%s" % (user, host), ip,
                          c.cyc(FAILU, 3, ["Invalid username or password",
                                           "Invalid username or password",
                                           "Account is disabled: spam"])])
            if i % 2 == 0:
                continue
            tt += gap(rng, 4.0)
        c.add(tt, hdr(tt, "info", proc, "ejabberd_c2s:handle_auth_success/4:448", ctx),
              AUTH, [mech, "%s@%s" % (user, host), hosts[host], ip])
        tt += rng.randint(5000, 90000) * US
        full = "%s@%s/%s" % (user, host, rng.choice(resources))
        c.add(tt, hdr(tt, "info", proc, "ejabberd_c2s:bind/2:453", ctx), OPEN, [full])
        if i % 9 == 5:
            t2 = tt + gap(rng, 30.0)
            c.add(t2, hdr(t2, "info", pid(), "mod_muc_room:init/9:185"), MUC,
                  ["%s@conference.%s" % (c.cyc(MUC, 0, ["standup", "release-2026-12",
                                                         "x", "ops"]), host), full])
        tt += gap(rng, 160.0)
        c.add(tt, hdr(tt, "info", proc, "ejabberd_c2s:process_terminated/2:284", ctx), CLOSE,
              [full, c.cyc(CLOSE, 1, ["Connection failed: connection closed",
                                      "Stream closed by peer",
                                      "Connection failed: connection closed",
                                      "Connection failed: timeout",
                                      "Stream reset by peer",
                                      "Replaced by new connection"])])

    # inbound s2s
    t = at(9, 14, 20)
    for i in range(22):
        t += gap(rng, 55.0)
        rhost = c.cyc(S2SIN, 1, remote)
        rip = "::ffff:198.51.100.%d" % (10 + remote.index(rhost))
        c.add(t, hdr(t, "info", acceptor[5269], "ejabberd_listener:accept/7:339"), ACC,
              ["[%s]:%d" % (rip, rng.randint(30000, 60999)), local_ip[5269]])
        proc, sock = pid(), pid()
        tt = t + rng.randint(60000, 700000) * US
        lhost = rng.choice(list(hosts))
        c.add(tt, hdr(tt, "info", proc, "ejabberd_s2s_in:handle_auth_success/5:234",
                      "tls|" + sock), S2SIN,
              [c.cyc(S2SIN, 0, ["EXTERNAL", "EXTERNAL", "dialback"]), rhost, lhost, rip])
        tt += gap(rng, 120.0)
        c.add(tt, hdr(tt, "info", proc, "ejabberd_s2s_in:process_terminated/2:271",
                      "tls|" + sock), S2SINC,
              [rhost, lhost, c.cyc(S2SINC, 2, ["Stream closed by peer",
                                               "Connection failed: connection closed",
                                               "Idle connection"])])

    # outbound s2s
    t = at(9, 14, 40)
    for i in range(20):
        t += gap(rng, 60.0)
        proc = pid()
        lhost = rng.choice(list(hosts))
        if i % 4 == 1:
            rhost = c.cyc(S2SFAIL, 1, remote)
            c.add(t, hdr(t, "info", proc, "ejabberd_s2s_out:process_closed/2:157"), S2SFAIL,
                  [lhost, rhost, c.cyc(S2SFAIL, 2, ["DNS lookup failed: non-existing domain",
                                                    "Connection failed: connection refused",
                                                    "Connection failed: timeout"]),
                   rng.randint(12, 290)])
            continue
        sock = pid()
        rhost = c.cyc(S2SOUT, 2, remote[::-1])
        c.add(t, hdr(t, "info", proc, "ejabberd_s2s_out:handle_auth_success/3:176",
                     "tls|" + sock), S2SOUT,
              [c.cyc(S2SOUT, 0, ["EXTERNAL", "dialback", "EXTERNAL"]), lhost, rhost,
               "%s:5269" % c.cyc(S2SOUT, 3, ["[2001:db8:a::4]", "[::ffff:203.0.113.8]"])])
        tt = t + gap(rng, 150.0)
        c.add(tt, hdr(tt, "info", proc, "ejabberd_s2s_out:process_terminated/2:218",
                      "tls|" + sock), S2SOUTC,
              [lhost, rhost, c.cyc(S2SOUTC, 2, ["Stream closed by peer",
                                                "Connection failed: timeout",
                                                "Idle connection"])])
    c.write(sort=True)
    return c


# ---------------------------------------------------------------------------
# 3. Tor -- "Mon DD HH:MM:SS.mmm [level] [function(): ]message"   (shuffle)
# ---------------------------------------------------------------------------

TOR_HDR = (r"^(?P<mon>[A-Z][a-z]{2}) (?P<day>\d{2}) (?P<hms>\d{2}:\d{2}:\d{2})\.(?P<ms>\d{3}) "
           r"\[(?P<lvl>debug|info|notice|warn|err)\] (?:(?P<fn>[a-z_][a-z0-9_]*)\(\): )?")


def time_tor(m):
    hh, mi, ss = map(int, m.group("hms").split(":"))
    mo = MONTHS.index(m.group("mon")) + 1
    return to_ns(YEAR, mo, int(m.group("day")), hh, mi, ss, int(m.group("ms")) * MS), MS


def fmt_bytes(rng, lo, hi):
    v = rng.uniform(lo, hi)
    for unit in ["kB", "MB", "GB", "TB"]:
        if v < 1024 or unit == "TB":
            return "%.2f %s" % (v, unit)
        v /= 1024.0


def gen_tor():
    c = Corpus("Tor", 3, TOR_HDR, time_tor)
    rng = c.rng
    BOOT = c.declare("Bootstrapped <*>% (<*>): <*>")
    BEAT = c.declare("Heartbeat: Tor's uptime is <*>, with <*> circuits open. I've sent <*> "
                     "and received <*>. I've received <*> connections on IPv4 and <*> on IPv6. "
                     "I've made <*> connections with IPv4 and <*> with IPv6.")
    HS = c.declare("Circuit handshake stats since last time: <*>/<*> TAP, <*>/<*> NTor.")
    SINCE = c.declare("Since startup we initiated <*> and received <*> v1 connections; "
                      "initiated <*> and received <*> v2 connections; initiated <*> and "
                      "received <*> v3 connections; initiated <*> and received <*> v4 "
                      "connections; initiated <*> and received <*> v5 connections.")
    GUARD = c.declare("Your Guard <*> (<*>) is failing more circuits than usual. Most likely "
                      "this means the Tor network is overloaded. Success counts are <*>/<*>. "
                      "Use counts are <*>/<*>. <*> circuits completed, <*> were unusable, <*> "
                      "collapsed, and <*> timed out. For reference, your timeout cutoff is "
                      "<*> seconds.")
    CONN = c.declare("'connected' received for circid <*> streamid <*> after <*> seconds.")
    MARK = c.declare("Circuit <*> (id: <*>) marked for close at <*> (orig reason: <*>, "
                     "new reason: <*>)")
    ABAND = c.declare("Abandoning circ <*> <*>:<*> (state <*>:<*>, purpose <*>, len <*>)")
    TRIED = c.declare("Tried for <*> seconds to get a connection to [scrubbed]:<*>. "
                      "Giving up. (<*>)")
    OPENING = c.declare("Opening <*> listener on <*>")
    OPENED = c.declare("Opened <*> listener connection (ready) on <*>")
    HUP = c.declare("Received reload signal (hup). Reloading config and resetting internal "
                    "state.")
    HTTP = c.declare("Received http status code <*> (\"<*>\") from server <*> while "
                     "fetching \"<*>\".")
    CTRL = c.declare("New control connection opened from <*>.")
    CTRLU = c.declare("New control connection opened.")

    counts = {BOOT: 9, BEAT: 6, HS: 6, SINCE: 5, GUARD: 4, MARK: 60, ABAND: 30, TRIED: 18,
              OPENING: 8, OPENED: 8, HUP: 3, HTTP: 14, CTRL: 12, CTRLU: 5}
    counts[CONN] = LINES_PER_SYSTEM - sum(counts.values())
    plan = shuffled_plan(c, counts)

    phases = [("0", "starting", "Starting"),
              ("5", "conn", "Connecting to a relay"),
              ("10", "conn_done", "Connected to a relay"),
              ("14", "handshake", "Handshaking with a relay"),
              ("15", "handshake_done", "Handshake with a relay done"),
              ("75", "enough_dirinfo", "Loaded enough directory info to build circuits"),
              ("90", "ap_handshake_done", "Handshake finished with a relay to build circuits"),
              ("95", "circuit_create", "Establishing a Tor circuit"),
              ("100", "done", "Done")]
    listeners = [("Socks", "127.0.0.1:9050"), ("Control", "127.0.0.1:9051"),
                 ("OR", "0.0.0.0:9001"), ("OR", "[2001:db8:1::9]:9001"),
                 ("Directory", "0.0.0.0:9030"), ("Socks", "[::1]:9050"),
                 ("DNS", "127.0.0.1:5353"), ("Transparent", "127.0.0.1:9040")]
    guards = [("Unnamed", "$0A1B2C3D4E5F60718293A4B5C6D7E8F901234567"),
              ("ExampleRelayWithAQuiteLongNickname", "$9F8E7D6C5B4A39281706F5E4D3C2B1A098765432"),
              ("tor4", "$5D1E0C3B2A49586776A5B4C3D2E1F0A9B8C7D6E5")]
    mark_at = ["src/core/or/command.c:626", "src/core/or/relay.c:1689",
               "src/core/or/circuituse.c:1380", "src/core/or/circuitbuild.c:772",
               "src/feature/client/circpathbias.c:1262"]
    states = [("0", "doing handshakes"), ("0", "doing handshakes"), ("1", "waiting for keys"),
              ("2", "connecting to server")]
    fetches = [(404, "Not found", "/tor/micro/d/3pYkS9eGx1p0l8Zr6Qv4Hc2aYbUwTnJmKs7dQf0oLrE-"
                                  "hX2bN8cVz1qW9eR4tY7uI0oP3aS6dF9gH2jK5lZ8xC"),
               (503, "Directory busy", "/tor/status-vote/current/consensus-microdesc/"
                                       "0232AF+14C131+23D15D+49015F+D586D1+E8A9C4+ED03BB+EFCBE7.z"),
               (404, "Not found", "/tor/keys/fp/EFCBE720AB3A82B99F9E953CD5BF50F7EEFC7B97"),
               (400, "Servers unavailable.", "/tor/server/d/F1A2.z")]
    dirs = ["128.31.0.39:9131", "[2001:638:a000:4140::ffff:189]:80", "86.59.21.38:80",
            "204.13.164.118:80", "45.66.33.45:80"]

    start = at(3, 2, 41) - 2 * 24 * 3600 * NS  # the relay has been up for two days
    t = at(11, 40, 5) + 777 * MS
    for eid in plan:
        t += gap(rng, 4.3, MS)
        lvl, fn = "notice", None
        if eid == BOOT:
            vals = list(c.cyc(eid, 0, phases))
        elif eid == BEAT:
            up = (t - start) // NS
            d, rem = divmod(up, 86400)
            hm = "%d:%02d hours" % (rem // 3600, rem % 3600 // 60)
            uptime = ("%d day%s %s" % (d, "" if d == 1 else "s", hm)) if d else hm
            vals = [uptime, rng.randint(0, 3000), fmt_bytes(rng, 200, 9e6),
                    fmt_bytes(rng, 200, 9e6), rng.randint(100, 40000),
                    c.cyc(eid, 5, [0, 0, 212, 1930]), rng.randint(50, 9000),
                    c.cyc(eid, 7, [0, 17, 0])]
        elif eid == HS:
            tap = rng.randint(0, 40)
            ntor = rng.randint(1000, 400000)
            vals = [tap, tap + c.cyc(eid, 1, [0, 0, 3]), ntor, ntor + rng.randint(0, 30)]
        elif eid == SINCE:
            vals = [c.cyc(eid, 0, [0, 0, 1]), c.cyc(eid, 1, [0, 2, 0]),
                    c.cyc(eid, 2, [0, 0, 4]), c.cyc(eid, 3, [0, 13, 0]),
                    rng.randint(0, 9), rng.randint(10, 1400),
                    rng.randint(10, 900), rng.randint(1000, 90000),
                    rng.randint(100, 60000), rng.randint(5000, 900000)]
        elif eid == GUARD:
            lvl = "warn"
            name, fp = c.cyc(eid, 0, guards)
            att = rng.randint(80, 900)
            succ = att - rng.randint(30, att // 2)
            use_att = rng.randint(10, 200)
            vals = [name, fp, succ, att, use_att - rng.randint(0, 9), use_att,
                    succ, rng.randint(0, 12), rng.randint(5, 200), rng.randint(1, 40),
                    c.cyc(eid, 10, [60, 1.5, 12.5, 60])]
        elif eid == CONN:
            lvl, fn = "info", "connection_edge_process_relay_cell_not_open"
            vals = [rng.randint(2147483648, 4294967295), rng.randint(1, 65535),
                    c.cyc(eid, 2, [0, 1, 0, 0, 2, 1, 0, 5, 13])]
        elif eid == MARK:
            lvl, fn = "info", "circuit_mark_for_close_"
            vals = [rng.choice([0, 0, rng.randint(2147483648, 4294967295)]),
                    rng.randint(1, 9999), c.cyc(eid, 2, mark_at),
                    c.cyc(eid, 3, [8, 9, 8, 1, 3]), c.cyc(eid, 4, [0, 0, 9, 0])]
        elif eid == ABAND:
            lvl, fn = "info", "circuit_expire_building"
            st = c.cyc(eid, 3, states)
            vals = [rng.randint(1, 9999),
                    "%d.%d.%d.%d" % (rng.randint(5, 220), rng.randint(0, 255),
                                     rng.randint(0, 255), rng.randint(1, 254)),
                    rng.randint(2147483648, 4294967295), st[0], st[1],
                    c.cyc(eid, 5, [5, 4, 6, 12]), c.cyc(eid, 6, [3, 3, 4, 1])]
        elif eid == TRIED:
            vals = [c.cyc(eid, 0, [120, 15, 120, 10]), c.cyc(eid, 1, [443, 443, 80, 5222]),
                    c.cyc(eid, 2, ["waiting for circuit", "waiting for rendezvous desc",
                                   "waiting for circuit", "waiting for connect response"])]
        elif eid in (OPENING, OPENED):
            vals = list(c.cyc(eid, 0, listeners))
        elif eid == HUP:
            vals = []
        elif eid == HTTP:
            lvl = "warn"
            code, reason, path = c.cyc(eid, 0, fetches)
            vals = [code, reason, c.cyc(eid, 2, dirs), path]
        elif eid == CTRL:
            vals = [c.cyc(eid, 0, ["127.0.0.1", "127.0.0.1", "::1"])]
        elif eid == CTRLU:
            vals = []
        else:
            raise AssertionError(eid)
        dt, frac = civil(t)
        header = "%s %02d %02d:%02d:%02d.%03d [%s] " % (
            MONTHS[dt.month - 1], dt.day, dt.hour, dt.minute, dt.second, frac // MS, lvl)
        if fn:
            header += fn + "(): "
        c.add(t, header, eid, vals)
    c.write(sort=False)
    return c


# ---------------------------------------------------------------------------
# 4. JitsiVideobridge -- "JVB YYYY-MM-DD HH:MM:SS.mmm LEVEL: [thread]
#    [context] Class.method#line: message" (context group optional) (simulation)
# ---------------------------------------------------------------------------

JVB_HDR = (r"^JVB (?P<date>\d{4}-\d{2}-\d{2}) (?P<hms>\d{2}:\d{2}:\d{2})\.(?P<ms>\d{3}) "
           r"(?P<lvl>FINE|INFO|WARNING|SEVERE): \[(?P<thr>\d+)\] "
           r"(?:\[(?P<ctx>[^\]]+)\] )?(?P<where>[A-Za-z0-9_$<>.]+#\d+): ")


def time_jvb(m):
    y, mo, d = map(int, m.group("date").split("-"))
    hh, mi, ss = map(int, m.group("hms").split(":"))
    return to_ns(y, mo, d, hh, mi, ss, int(m.group("ms")) * MS), MS


def java_duration(ns):
    s, frac = divmod(ns, NS)
    if frac == 0:
        return "PT%dS" % s
    return "PT%d.%sS" % (s, ("%09d" % frac).rstrip("0"))


def gen_jvb():
    c = Corpus("JitsiVideobridge", 4, JVB_HDR, time_jvb)
    rng = c.rng
    HEALTH = c.declare("Performed a successful health check in <*>. Sticky failure: false")
    CREATE = c.declare("create_conf, id=<*> meeting_id=<*>")
    CONF = c.declare("Created new conference.")
    EP = c.declare("Created new endpoint, iceControlling=<*>")
    ICE = c.declare("ICE state changed from <*> to <*>.")
    ICEOK = c.declare("ICE connected")
    DTLS = c.declare("DTLS handshake complete")
    EXPIRING = c.declare("Expiring.")
    SPENT = c.declare("Spent <*> seconds oversending")
    INACT = c.declare("<*> is now inactive")
    ACT = c.declare("<*> is now active")
    EXPCONF = c.declare("Expired conference id=<*>, meeting_id=<*>")
    CREATE0 = c.declare("create_conf, id=<*>")
    NOENC = c.declare("Unable to find encoding matching packet! packet=<*>")

    def hdr(t, lvl, thr, ctx, where):
        dt, frac = civil(t)
        s = "JVB %04d-%02d-%02d %02d:%02d:%02d.%03d %s: [%d] " % (
            dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second, frac // MS, lvl, thr)
        if ctx:
            s += "[%s] " % ctx
        return s + where + ": "

    names = ["Kamron", "Ayla", "Jo", "Maximilian-Alexander", "Priya", "Tomasz", "Li", "Beatriz"]
    rooms = ["standup", "weekly-sync", "q", "incident-2026-12-26-db-failover", "book-club",
             "onboarding", "retro"]
    t0 = at(14, 2, 11) + 310 * MS
    t_end = t0 + 40 * 60 * NS

    # health checks: every 10 s on a small scheduler pool
    t = t0 + 1234 * MS
    while t < t_end:
        c.add(t, hdr(t, "INFO", rng.choice([23, 24, 26]), None, "HealthChecker.run#171"),
              HEALTH, [java_duration(rng.choice([rng.randint(6, 90) * 1000,
                                                 rng.randint(90, 900) * 1000,
                                                 rng.randint(1, 40) * MS]))])
        t += 10 * NS + rng.randint(0, 4) * MS

    t = t0
    conf_no = 0
    ep_ok = 0
    while t < t_end:
        t += gap(rng, 70.0)
        conf_no += 1
        cid = hexid(rng, 16)
        mid = uuid4(rng) if conf_no % 3 != 2 else None
        room = "%s@conference.meet.example.com" % rng.choice(rooms)
        thr = rng.randint(40, 99)
        if mid:
            c.add(t, hdr(t, "INFO", thr, None, "Videobridge.createConference#416"), CREATE,
                  [cid, mid])
            cctx = "confId=%s conf_name=%s meeting_id=%s" % (cid, room, mid[:8])
        else:
            c.add(t, hdr(t, "INFO", thr, None, "Videobridge.createConference#416"), CREATE0,
                  [cid])
            cctx = "confId=%s conf_name=%s" % (cid, room)
        tc = t + rng.randint(1, 6) * MS
        c.add(tc, hdr(tc, "INFO", thr, cctx, "Conference.<init>#259"), CONF, [])
        n_ep = rng.choice([2, 2, 3, 3, 4, 5, 7])
        last = tc
        for j in range(n_ep):
            te = tc + (0 if j == 0 else gap(rng, 25.0))
            epid = hexid(rng, 8)
            ectx = "%s epId=%s stats_id=%s-%s" % (cctx, epid, rng.choice(names),
                                                  "".join(rng.choice("abcdefghjkmnpqrstuvwxyzAB"
                                                                     "CDEFGH23456789")
                                                          for _ in range(3)))
            ithr = rng.randint(40, 99)
            ictx = "%s local_ufrag=%s" % (ectx, hexid(rng, 5))
            c.add(te, hdr(te, "INFO", ithr, ectx, "Endpoint.<init>#318"), EP,
                  [c.cyc(EP, 0, ["true", "true", "false"])])
            te += rng.randint(200, 1500) * MS
            c.add(te, hdr(te, "INFO", ithr, ictx, "IceTransport.iceStateChanged#355"), ICE,
                  ["Waiting", "Running"])
            failed = (conf_no + j) % 8 == 5
            te += rng.randint(30, 900) * MS
            if failed:
                c.add(te, hdr(te, "INFO", ithr, ictx, "IceTransport.iceStateChanged#355"), ICE,
                      ["Running", "Failed"])
                stay = gap(rng, 20.0)
            else:
                c.add(te, hdr(te, "INFO", ithr, ictx, "IceTransport.iceStateChanged#355"), ICE,
                      ["Running", "Completed"])
                te += rng.randint(0, 3) * MS
                c.add(te, hdr(te, "INFO", ithr, ectx, "Endpoint$setupIceTransport$3.invoke#391"),
                      ICEOK, [])
                te += rng.randint(15, 250) * MS
                c.add(te, hdr(te, "INFO", ithr, ectx, "Endpoint$setupDtlsTransport$2.invoke#432"),
                      DTLS, [])
                stay = gap(rng, 180.0)
                if (conf_no * 3 + j) % 5 == 1:
                    tw = te + gap(rng, 30.0)
                    for _ in range(c.cyc(NOENC, "n", [1, 2])):
                        tw += rng.randint(1, 20) * MS
                        ssrc = rng.randint(10 ** 6, 4 * 10 ** 9)
                        c.add(tw, hdr(tw, "WARNING", ithr, ectx, "VideoParser.transform#108"),
                              NOENC, ["VideoRtpPacket: PT=%d, Ssrc=%d, SeqNum=%d, M=%s, "
                                      "X=true, Ts=%d, payloadLength=%d"
                                      % (c.cyc(NOENC, "pt", [100, 96, 41]), ssrc,
                                         rng.randint(0, 65535), rng.choice(["false", "true"]),
                                         rng.randint(0, 2 ** 32 - 1), rng.randint(12, 1200))])
                ep_ok += 1
                if ep_ok % 3 == 1:
                    ti = te + gap(rng, 60.0)
                    c.add(ti, hdr(ti, "INFO", rng.randint(30, 39), cctx,
                                  "EndpointConnectionStatusMonitor.run#142"), INACT, [epid])
                    if ep_ok % 9 != 7:
                        ti += gap(rng, 20.0)
                        c.add(ti, hdr(ti, "INFO", rng.randint(30, 39), cctx,
                                      "EndpointConnectionStatusMonitor.run#142"), ACT, [epid])
                        stay = max(stay, ti - te + gap(rng, 60.0))
                    else:
                        stay = max(stay, ti - te + gap(rng, 10.0))
            te += stay
            xthr = rng.randint(40, 99)
            c.add(te, hdr(te, "INFO", xthr, ectx, "AbstractEndpoint.expire#89"), EXPIRING, [])
            te += rng.randint(0, 2) * MS
            c.add(te, hdr(te, "INFO", xthr, ectx, "Endpoint.expire#1106"), SPENT,
                  [0 if failed else c.cyc(SPENT, 0, [0, 0, 0, 3, 0, 17, 1])])
            if not failed:
                te += rng.randint(1, 9) * MS
                c.add(te, hdr(te, "INFO", xthr, ictx, "IceTransport.iceStateChanged#355"), ICE,
                      ["Completed", "Terminated"])
            last = max(last, te)
        tx = last + rng.randint(20, 900) * MS
        c.add(tx, hdr(tx, "INFO", rng.randint(40, 99), None, "Videobridge.expireConference#470"),
              EXPCONF, [cid, mid if mid else "null"])
    c.write(sort=True)
    return c


# ---------------------------------------------------------------------------
# 5. Mesos -- glog: "Lmmdd hh:mm:ss.uuuuuu threadid file:line] message"   (shuffle)
# ---------------------------------------------------------------------------

MESOS_HDR = (r"^(?P<lvl>[IWEF])(?P<mo>\d{2})(?P<day>\d{2}) (?P<hms>\d{2}:\d{2}:\d{2})\.(?P<us>\d{6}) "
             r"+(?P<tid>\d+) (?P<file>[a-z_]+\.[ch]pp):(?P<line>\d+)\] ")


def time_glog(m):
    hh, mi, ss = map(int, m.group("hms").split(":"))
    return to_ns(YEAR, int(m.group("mo")), int(m.group("day")), hh, mi, ss,
                 int(m.group("us")) * US), US


def gen_mesos():
    c = Corpus("Mesos", 5, MESOS_HDR, time_glog)
    rng = c.rng
    ALLOC = c.declare("Performed allocation for <*> agents in <*>")
    OFFERS = c.declare("Sending <*> offers to framework <*> (<*>) at <*>")
    ACCEPT = c.declare("Processing ACCEPT call for offers: [ <*> ] on agent <*> at <*> (<*>) "
                       "for framework <*> (<*>) at <*>")
    LTASK = c.declare("Launching task <*> of framework <*> (<*>) with resources <*> on agent "
                      "<*> at <*> (<*>)")
    STATUS = c.declare("Status update <*> (Status UUID: <*>) for task <*> of framework <*> "
                       "from agent <*> at <*> (<*>)")
    FWD = c.declare("Forwarding the update <*> (Status UUID: <*>) for task <*> of framework "
                    "<*> to <*>")
    ASSIGNED = c.declare("Got assigned task '<*>' for framework <*>")
    LEXEC = c.declare("Launching executor '<*>' of framework <*> with resources <*> in work "
                      "directory '<*>'")
    EXITED = c.declare("Executor '<*>' of framework <*> exited with status <*>")
    SIGNAL = c.declare("Executor '<*>' of framework <*> terminated with signal <*>")
    SUBCALL = c.declare("Received SUBSCRIBE call for framework '<*>' at <*>")
    SUBING = c.declare("Subscribing framework '<*>' with checkpointing <*> and capabilities "
                       "[ <*> ]")
    AGDISC = c.declare("Agent <*> at <*> (<*>) disconnected")
    DECLINE = c.declare("Processing DECLINE call for offers: [ <*> ] for framework <*> (<*>) "
                        "at <*>")

    counts = {OFFERS: 30, ACCEPT: 18, LTASK: 18, STATUS: 30, FWD: 28, ASSIGNED: 17,
              LEXEC: 12, EXITED: 9, SIGNAL: 5, SUBCALL: 4, SUBING: 4, AGDISC: 3, DECLINE: 14}
    counts[ALLOC] = LINES_PER_SYSTEM - sum(counts.values())
    plan = shuffled_plan(c, counts)

    mid = uuid4(rng)
    fws = [("%s-0000" % mid, "marathon", "scheduler-%s@10.0.0.5:38012" % uuid4(rng),
            "MULTI_ROLE, PARTITION_AWARE, GPU_RESOURCES"),
           ("%s-0001" % mid, "Spark Pi", "scheduler-%s@10.0.3.17:41877" % uuid4(rng),
            "MULTI_ROLE"),
           ("%s-0002" % mid, "jenkins-ci-framework", "scheduler-%s@10.0.0.9:45001" % uuid4(rng),
            "MULTI_ROLE, PARTITION_AWARE, REGION_AWARE, RESERVATION_REFINEMENT"),
           ("%s-0003" % mid, "chronos", "scheduler-%s@10.0.0.5:36110" % uuid4(rng),
            "PARTITION_AWARE")]
    agents = []
    for n in (3, 4, 7, 12, 15, 23):
        host = rng.choice(["mesos-agent-%02d.dc1.example.com" % n, "ip-10-0-1-%d" % (20 + n)])
        agents.append(("%s-S%d" % (mid, n), "slave(1)@10.0.1.%d:5051" % (20 + n), host))
    masters = ["master@10.0.0.2:5050", "master@10.0.0.3:5050"]
    offer_no = [1200]

    def offers(k):
        out = []
        for _ in range(k):
            offer_no[0] += rng.randint(1, 5)
            out.append("%s-O%d" % (mid, offer_no[0]))
        return ", ".join(out)

    def task(fw):
        name = fw[1]
        if name == "marathon":
            return "%s.%s" % (rng.choice(["web-api", "cache", "billing-worker"]), uuid4(rng))
        if name == "Spark Pi":
            return "%d" % rng.randint(0, 40)
        if name == "chronos":
            return "ct:%d:0:nightly-report:" % (1798272000000 + rng.randint(0, 10 ** 7))
        return "jenkins-slave-%s" % hexid(rng, 6)

    def resources(for_exec=False):
        cpu = rng.choice(["0.1", "0.5", "1", "2", "0.25"])
        mem = rng.choice(["32", "128", "1024", "4096"])
        role = rng.choice(["*", "marathon"])
        if for_exec:
            return "cpus(allocated: %s):%s; mem(allocated: %s):%s" % (role, cpu, role, mem)
        p = rng.randint(31000, 32000)
        return ("cpus(allocated: %s):%s; mem(allocated: %s):%s; disk(allocated: %s):%s; "
                "ports(allocated: %s):[%d-%d]" % (role, cpu, role, mem, role,
                                                  rng.choice(["0", "512"]), role, p, p))

    def duration():
        k = rng.random()
        if k < 0.55:
            return "%.3fus" % rng.uniform(120, 999)
        if k < 0.95:
            return "%.6fms" % rng.uniform(1, 40)
        return "%.7fsecs" % rng.uniform(1, 3)

    master_tids = [1931, 1932, 1934, 1937, 1940]
    agent_tids = [20415, 20418, 104227, 104229, 7713]
    t = at(6, 30, 1) + 5111 * US
    for eid in plan:
        t += gap(rng, 1.9, 10 * US)
        lvl = "I"
        fw = c.cyc(eid, "fw", fws)
        ag = c.cyc(eid, "agent", agents)
        if eid == ALLOC:
            tid, loc = 1936, "hierarchical.cpp:2050"
            vals = [rng.choice([5, 6, 6, 6, 1]), duration()]
        elif eid == OFFERS:
            tid, loc = rng.choice(master_tids), "master.cpp:10251"
            vals = [rng.choice([1, 1, 2, 3, 6]), fw[0], fw[1], fw[2]]
        elif eid == ACCEPT:
            tid, loc = rng.choice(master_tids), "master.cpp:4556"
            vals = [offers(rng.choice([1, 1, 1, 2])), ag[0], ag[1], ag[2], fw[0], fw[1], fw[2]]
        elif eid == LTASK:
            tid, loc = rng.choice(master_tids), "master.cpp:5874"
            vals = [task(fw), fw[0], fw[1], resources(), ag[0], ag[1], ag[2]]
        elif eid == STATUS:
            tid, loc = rng.choice(master_tids), "master.cpp:8850"
            vals = [c.cyc(eid, 0, ["TASK_RUNNING", "TASK_STARTING", "TASK_RUNNING",
                                   "TASK_FINISHED", "TASK_FAILED", "TASK_KILLED"]),
                    uuid4(rng), task(fw), fw[0], ag[0], ag[1], ag[2]]
        elif eid == FWD:
            tid, loc = rng.choice(agent_tids), "slave.cpp:5950"
            vals = [c.cyc(eid, 0, ["TASK_RUNNING", "TASK_STARTING", "TASK_FINISHED",
                                   "TASK_RUNNING", "TASK_KILLED"]),
                    uuid4(rng), task(fw), fw[0], c.cyc(eid, 4, masters)]
        elif eid == ASSIGNED:
            tid, loc = rng.choice(agent_tids), "slave.cpp:2411"
            vals = [task(fw), fw[0]]
        elif eid == LEXEC:
            tid, loc = rng.choice(agent_tids), "slave.cpp:3082"
            ex = task(fw)
            vals = [ex, fw[0], resources(True),
                    "/var/lib/mesos/slaves/%s/frameworks/%s/executors/%s/runs/%s"
                    % (ag[0], fw[0], ex, uuid4(rng))]
        elif eid == EXITED:
            tid, loc = rng.choice(agent_tids), "slave.cpp:6419"
            vals = [task(fw), fw[0], c.cyc(eid, 2, [0, 0, 1, 0, 137])]
        elif eid == SIGNAL:
            lvl = "W"
            tid, loc = rng.choice(agent_tids), "slave.cpp:6419"
            vals = [task(fw), fw[0], c.cyc(eid, 2, ["Killed", "Terminated", "Killed", "Aborted"])]
        elif eid == SUBCALL:
            tid, loc = rng.choice(master_tids), "master.cpp:2718"
            f = c.cyc(eid, 0, fws)
            vals = [f[1], f[2]]
        elif eid == SUBING:
            tid, loc = rng.choice(master_tids), "master.cpp:2855"
            f = c.cyc(eid, 0, fws)
            vals = [f[1], c.cyc(eid, 1, ["enabled", "disabled"]), f[3]]
        elif eid == AGDISC:
            tid, loc = rng.choice(master_tids), "master.cpp:1508"
            a = c.cyc(eid, 0, agents)
            vals = [a[0], a[1], a[2]]
        elif eid == DECLINE:
            tid, loc = rng.choice(master_tids), "master.cpp:5473"
            vals = [offers(rng.choice([1, 1, 2, 3])), fw[0], fw[1], fw[2]]
        else:
            raise AssertionError(eid)
        dt, frac = civil(t)
        header = "%s%02d%02d %02d:%02d:%02d.%06d %5d %s] " % (
            lvl, dt.month, dt.day, dt.hour, dt.minute, dt.second, frac // US, tid, loc)
        c.add(t, header, eid, vals)
    c.write(sort=False)
    return c


# ---------------------------------------------------------------------------
# 6. DockerRegistry -- logrus text: 'time="RFC3339Nano" level=lvl msg="..." k=v ...'
#    mixed with the combined-format access log of the HTTP handler   (simulation)
# ---------------------------------------------------------------------------

REGISTRY_HDR = (r"^(?:time=\"(?P<iso>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(?P<frac>\d{1,9}))?Z\" "
                r"level=(?P<lvl>debug|info|warning|error) "
                r"|(?P<ip>\d{1,3}(?:\.\d{1,3}){3}) - (?P<user>-|\S+) "
                r"\[(?P<clf>\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2}) \+0000\] )")


def time_registry(m):
    if m.group("iso"):
        d, tm = m.group("iso").split("T")
        y, mo, dd = map(int, d.split("-"))
        hh, mi, ss = map(int, tm.split(":"))
        frac = (m.group("frac") or "").ljust(9, "0")
        return to_ns(y, mo, dd, hh, mi, ss, int(frac)), 1
    dd, mon, rest = m.group("clf").split("/")
    y, hh, mi, ss = map(int, rest.split(":"))
    return to_ns(y, MONTHS.index(mon) + 1, int(dd), hh, mi, ss), NS


def lr_needs_quote(s):
    for ch in s:
        if not ((ch.isascii() and ch.isalnum()) or ch in "-._/@^+"):
            return True
    return False


def lr_quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def lr_value(s):
    s = str(s)
    return lr_quote(s) if lr_needs_quote(s) else s


def gen_registry():
    c = Corpus("DockerRegistry", 6, REGISTRY_HDR, time_registry)
    rng = c.rng
    specs = {}
    COMMON = {"go.version": "go1.20.8", "instance.id": None, "service": "registry",
              "version": "v2.8.3"}

    def declare_lr(msg, fields):
        """fields: key -> literal string | None (slot, logrus decides quoting)
        | 'Q' (slot that always needs quotes)."""
        f = dict(COMMON)
        f.update(fields)
        parts, slots = [], []
        if "<*>" in msg:
            slots.append(("msg", "inmsg"))
        parts.append("msg=" + lr_quote(msg))
        for k in sorted(f):
            v = f[k]
            if v is None:
                parts.append("%s=<*>" % k)
                slots.append((k, "auto"))
            elif v == "Q":
                parts.append('%s="<*>"' % k)
                slots.append((k, "q"))
            else:
                parts.append("%s=%s" % (k, lr_value(v)))
        eid = c.declare(" ".join(parts))
        specs[eid] = slots
        return eid

    def lr_vals(eid, vals):
        out = []
        for k, mode in specs[eid]:
            v = str(vals[k])
            if mode == "auto":
                out.append(lr_value(v))
            else:
                if mode == "q":
                    assert lr_needs_quote(v), (k, v)
                out.append(v.replace("\\", "\\\\").replace('"', '\\"'))
        return out

    REQ = {"http.request.host": "Q", "http.request.id": None, "http.request.method": None,
           "http.request.remoteaddr": "Q", "http.request.uri": None,
           "http.request.useragent": None}

    def req(**kw):
        d = dict(REQ)
        d.update(kw)
        return d

    ACCESS = c.declare('"<*> <*> HTTP/1.1" <*> <*> "" "<*>"')
    BASE = declare_lr("response completed", req(**{
        "auth.user.name": None, "http.request.method": "GET", "http.request.uri": "/v2/",
        "http.response.contenttype": "application/json; charset=utf-8",
        "http.response.duration": None, "http.response.status": "200",
        "http.response.written": "2"}))
    MANI = declare_lr("response completed", req(**{
        "auth.user.name": None, "http.response.contenttype": None,
        "http.response.duration": None, "http.response.status": "200",
        "http.response.written": None, "vars.name": None, "vars.reference": None}))
    BLOB = declare_lr("response completed", req(**{
        "auth.user.name": None, "http.request.method": "GET", "http.request.uri": "Q",
        "http.response.contenttype": "application/octet-stream",
        "http.response.duration": None, "http.response.status": "200",
        "http.response.written": None, "vars.digest": "Q", "vars.name": None}))
    UPLD = declare_lr("response completed", req(**{
        "auth.user.name": None, "http.response.duration": None,
        "http.response.status": None, "http.response.written": "0",
        "vars.name": None, "vars.uuid": None}))
    UPSTART = declare_lr("response completed", req(**{
        "auth.user.name": None, "http.request.method": "POST",
        "http.response.duration": None, "http.response.status": "202",
        "http.response.written": "0", "vars.name": None}))
    MPUT = declare_lr("response completed", req(**{
        "auth.user.name": None, "http.request.method": "PUT",
        "http.response.duration": None, "http.response.status": "201",
        "http.response.written": "0", "vars.name": None, "vars.reference": None}))
    MUNK = declare_lr("response completed with error", req(**{
        "auth.user.name": None, "err.code": "manifest unknown", "err.detail": None,
        "err.message": "manifest unknown", "http.response.contenttype": "application/json",
        "http.response.duration": None, "http.response.status": "404",
        "http.response.written": None, "vars.name": None, "vars.reference": None}))
    BUNK = declare_lr("response completed with error", req(**{
        "auth.user.name": None, "err.code": "blob unknown", "err.detail": "Q",
        "err.message": "blob unknown to registry", "http.request.method": "HEAD",
        "http.request.uri": "Q", "http.response.contenttype": "application/json",
        "http.response.duration": None, "http.response.status": "404",
        "http.response.written": "157", "vars.digest": "Q", "vars.name": None}))
    AUTHW = declare_lr('error authorizing context: basic authentication challenge for realm '
                       '"Registry Realm": invalid authorization credential',
                       req(**{"http.request.method": "GET", "http.request.uri": "/v2/"}))
    TGET = declare_lr('filesystem.GetContent("<*>")', req(**{
        "trace.duration": None,
        "trace.file": "/go/src/github.com/docker/distribution/registry/storage/driver/base/base.go",
        "trace.func": "github.com/docker/distribution/registry/storage/driver/base.(*Base)."
                      "GetContent",
        "trace.id": None, "trace.line": "95", "vars.name": None, "vars.reference": None}))
    TSTAT = declare_lr('filesystem.Stat("<*>")', req(**{
        "http.request.uri": "Q", "trace.duration": None,
        "trace.file": "/go/src/github.com/docker/distribution/registry/storage/driver/base/base.go",
        "trace.func": "github.com/docker/distribution/registry/storage/driver/base.(*Base).Stat",
        "trace.id": None, "trace.line": "155", "vars.digest": "Q", "vars.name": None}))
    PURGE = declare_lr("Starting upload purge in <*>", {})
    LISTEN = declare_lr("listening on <*>", {})
    REDIS = declare_lr("redis not configured", {})

    def lr_hdr(t, lvl):
        dt, frac = civil(t)
        fs = ("%09d" % frac).rstrip("0")
        return 'time="%04d-%02d-%02dT%02d:%02d:%02d%sZ" level=%s ' % (
            dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second,
            "." + fs if fs else "", lvl)

    def clf_hdr(t, ip):
        dt, _ = civil(t)
        return "%s - - [%02d/%s/%04d:%02d:%02d:%02d +0000] " % (
            ip, dt.day, MONTHS[dt.month - 1], dt.year, dt.hour, dt.minute, dt.second)

    def go_dur(ns):
        if ns < MS:
            return "%sµs" % ("%.3f" % (ns / 1000.0)).rstrip("0").rstrip(".")
        if ns < NS:
            return "%sms" % ("%.6f" % (ns / 1e6)).rstrip("0").rstrip(".")
        return "%ss" % ("%.9f" % (ns / 1e9)).rstrip("0").rstrip(".")

    def digest():
        return "sha256:" + hexid(rng, 64)

    uas = ["docker/24.0.7 go/go1.20.10 git-commit/311b9ff kernel/6.1.0-13-amd64 os/linux "
           "arch/amd64 UpstreamClient(Docker-Client/24.0.7 \\(linux\\))",
           "containerd/1.7.11+unknown",
           "docker/20.10.21 go/go1.18.7 git-commit/3056208 kernel/5.15.0-91-generic os/linux "
           "arch/amd64 UpstreamClient(Docker-Client/20.10.21 \\(linux\\))",
           "skopeo/1.13.3",
           "Go-http-client/1.1"]
    hosts = ["registry.example.com:5000", "10.20.0.4:5000", "registry.example.com:5000"]
    users = ["ci", "alice", "deploy-bot", "bo"]
    repos = ["library/nginx", "team-a/api-server", "alice/tools/jq", "ci/build-cache",
             "platform/observability/otel-collector-contrib", "x"]
    tags = ["latest", "1.25.3", "v2.14.0-rc.1", "sha-3f9c2e1", "2026-12-26", "main"]
    instance = [None]

    def emit_lr(t, lvl, eid, vals):
        vals = dict(vals)
        vals["instance.id"] = instance[0]
        c.add(t, lr_hdr(t, lvl), eid, lr_vals(eid, vals))

    def emit_access(t, ip, method, uri, status, size, ua):
        c.add(t, clf_hdr(t, ip), ACCESS,
              [method, uri, status, size, ua.replace("\\", "\\\\").replace('"', '\\"')])

    class Client:
        def __init__(self):
            self.ip = "10.%d.%d.%d" % (rng.choice([0, 20, 31]), rng.randint(0, 9),
                                       rng.randint(2, 250))
            self.ua = rng.choice(uas)
            self.host = rng.choice(hosts)
            self.user = rng.choice(users)

        def request(self, t, method, uri, extra=None):
            r = {"http.request.host": self.host, "http.request.id": uuid4(rng),
                 "http.request.method": method,
                 "http.request.remoteaddr": "%s:%d" % (self.ip, rng.randint(32768, 60999)),
                 "http.request.uri": uri, "http.request.useragent": self.ua}
            if extra:
                r.update(extra)
            return r

    def ping(cl, t):
        r = cl.request(t, "GET", "/v2/")
        t += rng.randint(80, 900) * US
        emit_lr(t, "warning", AUTHW, r)
        t += rng.randint(10, 90) * US
        emit_access(t, cl.ip, "GET", "/v2/", 401, 87, cl.ua)
        t += rng.randint(2, 40) * MS
        r = cl.request(t, "GET", "/v2/", {"auth.user.name": cl.user})
        d = rng.randint(300, 3000) * US
        r["http.response.duration"] = go_dur(d)
        emit_lr(t + d, "info", BASE, r)
        emit_access(t + d + 40 * US, cl.ip, "GET", "/v2/", 200, 2, cl.ua)
        return t + d + rng.randint(3, 30) * MS

    def pull(t, i):
        cl = Client()
        t = ping(cl, t)
        repo = rng.choice(repos)
        tag = rng.choice(tags)
        missing = i % 5 == 3
        uri = "/v2/%s/manifests/%s" % (repo, tag)
        r = cl.request(t, "HEAD" if i % 2 else "GET", uri,
                       {"auth.user.name": cl.user, "vars.name": repo, "vars.reference": tag})
        td = rng.randint(400, 9000) * US
        tr = dict(r, **{"msg": "/docker/registry/v2/repositories/%s/_manifests/tags/%s/current/link"
                                % (repo, tag), "trace.duration": go_dur(td),
                        "trace.id": uuid4(rng)})
        emit_lr(t + td, "debug", TGET, tr)
        d = td + rng.randint(100, 2000) * US
        r["http.response.duration"] = go_dur(d)
        if missing:
            r["err.detail"] = "unknown tag=%s" % tag
            r["http.response.written"] = 96 + len(tag)
            emit_lr(t + d, "error", MUNK, r)
            emit_access(t + d + 30 * US, cl.ip, r["http.request.method"], uri, 404,
                        96 + len(tag), cl.ua)
            return
        ctype = rng.choice(["application/vnd.docker.distribution.manifest.v2+json",
                            "application/vnd.oci.image.index.v1+json",
                            "application/vnd.docker.distribution.manifest.list.v2+json"])
        size = rng.randint(400, 9000)
        r["http.response.contenttype"] = ctype
        r["http.response.written"] = size if r["http.request.method"] == "GET" else 0
        emit_lr(t + d, "info", MANI, r)
        emit_access(t + d + 30 * US, cl.ip, r["http.request.method"], uri, 200,
                    r["http.response.written"], cl.ua)
        t += d + rng.randint(2, 30) * MS
        if r["http.request.method"] == "HEAD":
            dg = digest()
            uri = "/v2/%s/manifests/%s" % (repo, dg)
            r = cl.request(t, "GET", uri, {"auth.user.name": cl.user, "vars.name": repo,
                                           "vars.reference": dg})
            d = rng.randint(500, 6000) * US
            r["http.response.duration"] = go_dur(d)
            r["http.response.contenttype"] = ctype
            r["http.response.written"] = size
            emit_lr(t + d, "info", MANI, r)
            emit_access(t + d + 30 * US, cl.ip, "GET", uri, 200, size, cl.ua)
            t += d + rng.randint(2, 30) * MS
        for _ in range(rng.choice([1, 2, 3, 5])):
            dg = digest()
            uri = "/v2/%s/blobs/%s" % (repo, dg)
            r = cl.request(t, "GET", uri, {"auth.user.name": cl.user, "vars.name": repo,
                                           "vars.digest": dg})
            td = rng.randint(40, 900) * US
            emit_lr(t + td, "debug", TSTAT,
                    dict(r, **{"msg": "/docker/registry/v2/blobs/sha256/%s/%s/data"
                                      % (dg[7:9], dg[7:]),
                               "trace.duration": go_dur(td), "trace.id": uuid4(rng)}))
            blob = rng.choice([rng.randint(200, 4000), rng.randint(10 ** 5, 9 * 10 ** 7)])
            d = td + blob * rng.randint(2, 12)
            r["http.response.duration"] = go_dur(d)
            r["http.response.written"] = blob
            emit_lr(t + d, "info", BLOB, r)
            emit_access(t + d + 30 * US, cl.ip, "GET", uri, 200, blob, cl.ua)
            t += d + rng.randint(1, 20) * MS

    def push(t, i):
        cl = Client()
        cl.ua = uas[0] if i % 2 else uas[2]
        t = ping(cl, t)
        repo = rng.choice(repos)
        for _ in range(rng.choice([1, 2])):
            dg = digest()
            uri = "/v2/%s/blobs/%s" % (repo, dg)
            r = cl.request(t, "HEAD", uri, {"auth.user.name": cl.user, "vars.name": repo,
                                            "vars.digest": dg, "err.detail": dg})
            td = rng.randint(40, 900) * US
            emit_lr(t + td, "debug", TSTAT,
                    dict(r, **{"msg": "/docker/registry/v2/blobs/sha256/%s/%s/data"
                                      % (dg[7:9], dg[7:]),
                               "trace.duration": go_dur(td), "trace.id": uuid4(rng)}))
            d = td + rng.randint(50, 500) * US
            r["http.response.duration"] = go_dur(d)
            emit_lr(t + d, "error", BUNK, r)
            emit_access(t + d + 30 * US, cl.ip, "HEAD", uri, 404, 157, cl.ua)
            t += d + rng.randint(2, 30) * MS
            uri = "/v2/%s/blobs/uploads/" % repo
            r = cl.request(t, "POST", uri, {"auth.user.name": cl.user, "vars.name": repo})
            d = rng.randint(2, 30) * MS
            r["http.response.duration"] = go_dur(d)
            emit_lr(t + d, "info", UPSTART, r)
            emit_access(t + d + 30 * US, cl.ip, "POST", uri, 202, 0, cl.ua)
            t += d + rng.randint(2, 30) * MS
            up = uuid4(rng)
            for method, status, uri in (
                    ("PATCH", 202, "/v2/%s/blobs/uploads/%s?_state=%s" % (
                        repo, up, "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop"
                                                     "qrstuvwxyz0123456789_-")
                                          for _ in range(rng.choice([44, 88]))) + "%3D%3D")),
                    ("PUT", 201, "/v2/%s/blobs/uploads/%s?_state=%s&digest=%s" % (
                        repo, up, hexid(rng, 12), dg.replace(":", "%3A")))):
                r = cl.request(t, method, uri, {"auth.user.name": cl.user, "vars.name": repo,
                                                "vars.uuid": up})
                d = rng.randint(3, 2500) * MS
                r["http.response.duration"] = go_dur(d)
                r["http.response.status"] = status
                emit_lr(t + d, "info", UPLD, r)
                emit_access(t + d + 30 * US, cl.ip, method, uri, status, 0, cl.ua)
                t += d + rng.randint(2, 30) * MS
        tag = rng.choice(tags)
        uri = "/v2/%s/manifests/%s" % (repo, tag)
        r = cl.request(t, "PUT", uri, {"auth.user.name": cl.user, "vars.name": repo,
                                       "vars.reference": tag})
        d = rng.randint(4, 60) * MS
        r["http.response.duration"] = go_dur(d)
        emit_lr(t + d, "info", MPUT, r)
        emit_access(t + d + 30 * US, cl.ip, "PUT", uri, 201, 0, cl.ua)

    def startup(t):
        instance[0] = uuid4(rng)
        emit_lr(t, "info", REDIS, {})
        t += rng.randint(100, 900) * US
        emit_lr(t, "info", PURGE, {"msg": "%dm0s" % rng.randint(1, 59)})
        t += rng.randint(1, 30) * MS
        emit_lr(t, "info", LISTEN, {"msg": c.cyc(LISTEN, 0, ["[::]:5000", "0.0.0.0:5000"])})
        return t + 2 * NS

    t = at(16, 45, 2) + 4242
    session = 0
    for n_sessions in (5, 4, 40):
        t = startup(t)
        last = t
        for _ in range(n_sessions):
            t += gap(rng, 25.0)
            session += 1
            if session % 3 == 2:
                push(t, session)
            else:
                pull(t, session)
            last = max(last, max(r[0] for r in c.rows))
        t = last + gap(rng, 600.0)
    c.write(sort=True)
    return c


# ---------------------------------------------------------------------------
# self-check
# ---------------------------------------------------------------------------

def self_check(systems):
    for c in systems:
        d = os.path.join(HERE, c.name)
        with open(os.path.join(d, c.name + ".log"), encoding="utf-8", newline="") as f:
            raw = f.read()
        assert raw.endswith("\n") and "\r" not in raw, c.name
        lines = raw[:-1].split("\n")
        assert len(lines) == LINES_PER_SYSTEM, (c.name, len(lines))
        with open(os.path.join(d, c.name + ".log_structured.csv"), encoding="utf-8",
                  newline="") as f:
            rows = list(csv.reader(f))
        assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], rows[0]
        rows = rows[1:]
        assert len(rows) == LINES_PER_SYSTEM, (c.name, len(rows))
        tpl_of, eid_of_tpl, counts, values = {}, {}, {}, {}
        hi_seen = None
        lo_max = None
        for i, (row, line) in enumerate(zip(rows, lines), 1):
            assert len(row) == 4, row
            line_id, content, eid, tpl = row
            assert line_id == str(i), (c.name, line_id, i)
            assert content == content.strip() and content, (c.name, i, content)
            assert line.endswith(content), (c.name, i)
            header = line[:len(line) - len(content)]
            m = c.header_re.fullmatch(header)
            assert m, (c.name, i, header)
            lo, res = c.time_of(m)
            hi = lo + res - 1
            if lo_max is not None:
                assert hi >= lo_max, (c.name, "time goes back at line", i)
            lo_max = lo if lo_max is None else max(lo_max, lo)
            assert re.fullmatch(r"E[1-9][0-9]*", eid), eid
            tpl_of.setdefault(eid, set()).add(tpl)
            eid_of_tpl.setdefault(tpl, set()).add(eid)
            counts[eid] = counts.get(eid, 0) + 1
            rx = "^" + "(.+?)".join(re.escape(p) for p in tpl.split("<*>")) + "$"
            mm = re.match(rx, content, re.S)
            assert mm, (c.name, i, tpl, content)
            vs = values.setdefault(eid, [set() for _ in range(tpl.count("<*>"))])
            for k, g in enumerate(mm.groups()):
                vs[k].add(g)
        n = len(c.templates)
        assert sorted(counts, key=lambda e: int(e[1:])) == ["E%d" % k for k in range(1, n + 1)], \
            (c.name, sorted(counts))
        for eid, tpls in tpl_of.items():
            assert len(tpls) == 1, (c.name, eid, tpls)
            assert tpls == {c.templates[int(eid[1:]) - 1]}, (c.name, eid)
        for tpl, eids in eid_of_tpl.items():
            assert len(eids) == 1, (c.name, tpl, eids)
        for eid, vs in values.items():
            for k, s in enumerate(vs):
                assert len(s) >= 2, (c.name, eid, "slot", k + 1, s)
        cnt = [counts["E%d" % k] for k in range(1, n + 1)]
        assert 12 <= n <= 15, (c.name, n)
        assert min(cnt) >= 3, (c.name, cnt)
        assert sum(1 for x in cnt if 3 <= x <= 10) >= 3, (c.name, cnt)
        assert max(cnt) >= 3 * statistics.median(cnt), (c.name, cnt, statistics.median(cnt))
        print("%-16s %2d event types, %d lines: %s" % (
            c.name, n, len(lines), " ".join("E%d=%d" % (k, x) for k, x in enumerate(cnt, 1))))
    print("self-check passed")


def main():
    systems = [gen_prosody(), gen_ejabberd(), gen_tor(), gen_jvb(), gen_mesos(), gen_registry()]
    self_check(systems)


if __name__ == "__main__":
    main()
