#!/usr/bin/env python3
"""Writes round 15, a blind, labelled log corpus for the log template miner (see README.md).

Six systems, 300 lines each: StrongSwan, OpenVSwitch, TiDB, Thanos, Rspamd, OpenSM. Every line is
made here from event formats written for this corpus, following each program's default log layout
(written from memory), with values from the generators of this file. No line, template or value
list is copied from a real log or data set; the messages are invented in each project's style.
The corpus was written without running any template miner or log parser on it.

Deterministic: fixed seed 20261218, integer nanosecond clocks starting on 2026-12-17 (UTC), no
dependence on locale or wall time; `python3 generate.py` rewrites the same files. Each system gets
`<System>/<System>.log` (the raw lines, header included) and `<System>/<System>.log_structured.csv`
(LineId, Content, EventId, EventTemplate).

Ground truth (Loghub style): one `<*>` per value; a value holding spaces (free text, a list, a
query, a node description) is one `<*>`; punctuation around a value stays literal; a unit that
never changes in a slot stays literal (`<*>ms`, `<*> bytes`), a Go duration is one value; printf
padding belongs to the value it pads; text that never changes within an event type stays literal.
Event formats are written directly as their templates: each `<*>` is filled with one generated
value, and every slot takes at least two different values within its event type (checked when the
lines are made and again when the files are read back, see `self_check`).
"""
import calendar
import csv
import os
import random
import re
import time

SEED = 20261218
R = random.Random(SEED)
LINES = 300
MIN_EVENTS, MAX_EVENTS = 12, 15
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["StrongSwan", "OpenVSwitch", "TiDB", "Thanos", "Rspamd", "OpenSM"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
DAY = calendar.timegm((2026, 12, 17, 0, 0, 0))
NS = 10 ** 9
MS = 10 ** 6


# ------------------------------------------------------------------------------------------
# Value generators (pools written for this corpus).
def pick(seq):
    return R.choice(seq)


def hexs(n, upper=False):
    s = "".join(R.choice("0123456789abcdef") for _ in range(n))
    return s.upper() if upper else s


def alnum(n, alphabet="ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789"):
    return "".join(R.choice(alphabet) for _ in range(n))


def uuid4():
    h = hexs(32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], R.choice("89ab"), h[17:20], h[20:])


def public_ipv4():
    while True:
        a = R.randint(24, 223)
        if a not in (100, 127, 169, 172, 192, 198, 203):
            return "%d.%d.%d.%d" % (a, R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))


B32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def ulid(ms):
    """A ULID whose time part is `ms` (Unix milliseconds)."""
    head = ""
    for _ in range(10):
        head = B32[ms % 32] + head
        ms //= 32
    return head + "".join(R.choice(B32) for _ in range(16))


def go_duration(ns):
    """Go's `time.Duration.String()`: `912ns`, `41.3µs`, `7.204ms`, `2.5s`, `1m4.25s`."""
    def frac(v, unit, digits, suffix):
        whole, rest = divmod(v, unit)
        f = ("%0*d" % (digits, rest)).rstrip("0")
        return "%d%s%s" % (whole, "." + f if f else "", suffix)
    if ns < 1000:
        return "%dns" % ns
    if ns < MS:
        return frac(ns, 1000, 3, "µs")
    if ns < NS:
        return frac(ns, MS, 6, "ms")
    secs, rest = divmod(ns, NS)
    h, rem = divmod(secs, 3600)
    m, s = divmod(rem, 60)
    tail = frac(s * NS + rest, NS, 9, "s")
    if h:
        return "%dh%dm%s" % (h, m, tail)
    if m:
        return "%dm%s" % (m, tail)
    return tail


def go_quote(s):
    """Go's strconv.Quote body for the ASCII text used here (logfmt and zap quote this way)."""
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


class Cycle:
    """Draws from a pool in seeded shuffled rounds, so two draws in a row differ (for slots of
    rare event types)."""

    def __init__(self, pool):
        self.pool = list(pool)
        assert len(set(map(repr, self.pool))) >= 2, pool
        self.queue = []

    def __call__(self):
        if not self.queue:
            q = self.pool[:]
            R.shuffle(q)
            self.queue = q
        return self.queue.pop()


class Clock:
    """Integer nanosecond clock starting on 2026-12-17 (UTC)."""

    def __init__(self, start_s, lo_ms=5, hi_ms=3000):
        self.ns = (DAY + start_s) * NS + R.randint(0, NS - 1)
        self.lo, self.hi = lo_ms, hi_ms

    def tick(self, lo=None, hi=None):
        lo = self.lo if lo is None else lo
        hi = self.hi if hi is None else hi
        self.ns += R.randint(lo * MS, hi * MS)


def parts(ns):
    g = time.gmtime(ns // NS)
    return g, ns % NS


def stamp_syslog(ns):
    """journald short / syslog: `Dec 17 08:12:03`."""
    g, _ = parts(ns)
    return "%s %02d %02d:%02d:%02d" % (MONTHS[g.tm_mon - 1], g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec)


def stamp_iso(ns, sep="T", dsep="-", digits=3):
    g, f = parts(ns)
    s = "%04d%s%02d%s%02d%s%02d:%02d:%02d" % (g.tm_year, dsep, g.tm_mon, dsep, g.tm_mday, sep, g.tm_hour, g.tm_min,
                                              g.tm_sec)
    if digits:
        s += ".%0*d" % (digits, f // 10 ** (9 - digits))
    return s


def stamp_rfc3339nano(ns):
    g, f = parts(ns)
    fs = ("%09d" % f).rstrip("0")
    return "%04d-%02d-%02dT%02d:%02d:%02d%sZ" % (g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec,
                                                "." + fs if fs else "")


def http_date(ns):
    """RFC 7231 date: `Thu, 17 Dec 2026 08:17:03 GMT` (locale-free)."""
    g, _ = parts(ns)
    return "%s, %02d %s %04d %02d:%02d:%02d GMT" % (WEEKDAYS[g.tm_wday], g.tm_mday, MONTHS[g.tm_mon - 1], g.tm_year,
                                                   g.tm_hour, g.tm_min, g.tm_sec)


# ------------------------------------------------------------------------------------------
# Filling a template.
def fill(template, values, padded=False):
    pieces = template.split("<*>")
    assert len(pieces) == len(values) + 1, (template, values)
    out = [pieces[0]]
    for v, p in zip(values, pieces[1:]):
        assert v.strip() and "\n" not in v and "\r" not in v and "\t" not in v, (template, values)
        assert padded or v == v.strip(), (template, values)
        out += [v, p]
    return "".join(out)


def ev(template, *values):
    """(content, template, values) of one line of an event type."""
    values = tuple(str(v) for v in values)
    return fill(template, values), template, values


def ev_padded(template, *values):
    """Like `ev`, for values that carry their own printf padding (`%-24s`, `%5.1f`)."""
    values = tuple(str(v) for v in values)
    return fill(template, values, padded=True), template, values


# ------------------------------------------------------------------------------------------
def emit(system, n_events, items):
    """items: (event index k, raw line, content, template, values) in file order. Checks the
    per-type invariants while writing, then writes both files."""
    assert len(items) == LINES, (system, len(items))
    assert MIN_EVENTS <= n_events <= MAX_EVENTS, system
    rows, raw = [], []
    slot_values, templates = {}, {}
    for i, (k, line, content, template, values) in enumerate(items):
        assert templates.setdefault(k, template) == template, (system, template)
        assert "\n" not in line and "\r" not in line, (system, line)
        assert content == content.strip() and content, (system, line)
        assert line.endswith(content), (system, line)
        rows.append([i + 1, content, "E%d" % (k + 1), template])
        raw.append(line)
        seen = slot_values.setdefault(k, [set() for _ in values])
        assert len(seen) == len(values), (system, template)
        for s, v in zip(seen, values):
            s.add(v)
    assert sorted(templates) == list(range(n_events)), (system, sorted(templates))
    for k, seen in slot_values.items():
        for j, s in enumerate(seen):
            assert len(s) >= 2, (system, "E%d" % (k + 1), "slot %d" % (j + 1), s)
    folder = os.path.join(HERE, system)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, system + ".log"), "w", newline="", encoding="utf-8") as f:
        f.write("\n".join(raw) + "\n")
    with open(os.path.join(folder, system + ".log_structured.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


def write_shuffled(system, clock, events, render, blocks=(), block_gap=(0, 40)):
    """events: list of (count, gen); gen() -> ((content, template, values), header fields), called
    after the clock ticked for the line; render(ns, header, content) -> the raw line. The lines
    are a seeded shuffle of units: one unit per single line plus the given blocks (lists of
    (k, gen) written in a row with a short clock step). Everything sums to LINES."""
    units = [[(k, e[1])] for k, e in enumerate(events) for _ in range(e[0])]
    units += [list(b) for b in blocks]
    assert sum(len(u) for u in units) == LINES, (system, sum(len(u) for u in units))
    R.shuffle(units)
    items = []
    for unit in units:
        for j, (k, gen) in enumerate(unit):
            if j == 0:
                clock.tick()
            else:
                clock.tick(*block_gap)
            (content, template, values), hdr = gen()
            items.append((k, render(clock.ns, hdr, content), content, template, values))
    emit(system, len(events), items)


# ------------------------------------------------------------------------------------------
# 1. strongSwan 5.9 with the classic `strongswan-starter.service` (ipsec starter + charon),
#    charon logging to syslog (the default `charon.syslog.daemon`, `ike_name = no`), read with
#    `journalctl -u strongswan-starter` (short format):
#    `Dec 17 08:01:12 vpn-gw-01 charon[1873]: 09[NET] received packet: from ...`.
#    The charon prefix `%.2d[%s] ` (worker thread and log group) belongs to the header; Content
#    follows it. Simulation: IKE_SA negotiations of road warriors and sites, DPD exchanges (some
#    peers gone), peer deletes and stray IKE_SA_INIT probes; each message step runs on one worker
#    thread, the lines of concurrent negotiations interleave; the file is the first 300 lines.
SWAN_T = [
    ("recv", "NET", "received packet: from <*>[<*>] to <*>[<*>] (<*> bytes)"),
    ("send", "NET", "sending packet: from <*>[<*>] to <*>[<*>] (<*> bytes)"),
    ("parsed", "ENC", "parsed <*> <*> <*> [ <*> ]"),
    ("generating", "ENC", "generating <*> <*> <*> [ <*> ]"),
    ("parsed_empty", "ENC", "parsed INFORMATIONAL <*> <*> [ ]"),
    ("generating_empty", "ENC", "generating INFORMATIONAL <*> <*> [ ]"),
    ("initiating", "IKE", "<*> is initiating an IKE_SA"),
    ("proposal", "CFG", "selected proposal: <*>"),
    ("auth_peer", "IKE", "authentication of '<*>' with <*> successful"),
    ("auth_myself", "IKE", "authentication of '<*>' (myself) with <*> successful"),
    ("ike_up", "IKE", "IKE_SA <*>[<*>] established between <*>[<*>]...<*>[<*>]"),
    ("child_up", "IKE", "CHILD_SA <*>{<*>} established with SPIs <*>_i <*>_o and TS <*> === <*>"),
    ("dpd", "IKE", "sending DPD request"),
    ("retransmit", "IKE", "retransmit <*> of request with message ID <*>"),
    ("deleting", "IKE", "deleting IKE_SA <*>[<*>] between <*>[<*>]...<*>[<*>]"),
]


def strongswan():
    K = {name: i for i, (name, _, _) in enumerate(SWAN_T)}
    GROUP = {name: g for name, g, _ in SWAN_T}
    TPL = {name: t for name, _, t in SWAN_T}
    pid = R.randint(1100, 2900)
    out = []  # (t_ns, seq, k, content, template, values, thread, group)
    counter = {"seq": 0, "ike": R.randint(380, 520), "child": R.randint(1100, 1700)}

    def step(t, lines):
        """One message step on one worker thread: lines are (name, values...), 0.05-0.9 ms apart."""
        thread = R.randint(5, 16)
        for name, *vals in lines:
            content, template, values = ev(TPL[name], *vals)
            out.append((t, counter["seq"], K[name], content, template, values, thread, GROUP[name]))
            counter["seq"] += 1
            t += R.randint(50_000, 900_000)
        return t

    gw_site = ("198.51.100.10", "C=DE, O=Aldermoor Logistik GmbH, CN=vpn-gw-01.aldermoor.example")
    gw_v6 = ("2001:db8:100::10", "vpn-gw-01.aldermoor.example")
    gw_rw = ("198.51.100.26", "vpn.aldermoor.example")
    sites = [
        dict(conn="site-hamburg", child="hamburg-lan", rip="203.0.113.45",
             rid="C=DE, O=Aldermoor Logistik GmbH, OU=Netz, CN=gw.hamburg.aldermoor.example", gw=gw_site,
             auth="RSA_EMSA_PKCS1_SHA2_256", mine="RSA_EMSA_PKCS1_SHA2_256", lts="10.12.0.0/16",
             rts="10.40.0.0/16 10.41.8.0/24", prop="IKE:AES_GCM_16_256/PRF_HMAC_SHA2_384/ECP_384", kind="swan"),
        dict(conn="site-lyon", child="lyon-lan", rip="192.0.2.77",
             rid="C=FR, O=Aldermoor SAS, L=Lyon, CN=fw-lyon.aldermoor.example", gw=gw_site,
             auth="ECDSA_WITH_SHA384_DER", mine="RSA_EMSA_PKCS1_SHA2_256", lts="10.12.0.0/16 10.13.0.0/20",
             rts="10.52.0.0/16", prop="IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_3072", kind="swan"),
        dict(conn="site-porto", child="porto-net", rip="2001:db8:7a::1", rid="porto.aldermoor.example", gw=gw_v6,
             auth="pre-shared key", mine="pre-shared key", lts="fd00:12::/48", rts="fd00:61::/48",
             prop="IKE:CHACHA20_POLY1305/PRF_HMAC_SHA2_256/CURVE_25519", kind="swan"),
        dict(conn="partner-kessler", child="kessler-erp", rip="198.18.4.9",
             rid="C=AT, O=Kessler & O'Neill KG, CN=ipsec.kessler.example", gw=gw_site,
             auth="RSA_EMSA_PSS_SHA2_256", mine="RSA_EMSA_PKCS1_SHA2_256", lts="10.12.30.17/32 10.12.30.18/32",
             rts="172.20.4.0/24", prop="IKE:AES_CBC_128/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048", kind="other"),
    ]
    users = ["m.ferreira", "j.okafor", "d.o'sullivan", "lena.brandt", "k.nakamura", "p.wojcik", "t.haddad",
             "s.lindqvist", "r.mbeki", "a.dubois", "h.yilmaz", "c.ortega", "e.novak", "b.adeyemi"]
    R.shuffle(users)
    vip = iter(R.sample(range(11, 240), 40))

    def rw_peer(user):
        split = R.random() < 0.4
        return dict(conn=pick(["rw-staff", "rw-staff", "rw-contractors"]), child="rw", rip=public_ipv4(),
                    rid="%s@aldermoor.example" % user, gw=gw_rw,
                    auth=pick(["RSA_EMSA_PKCS1_SHA2_256", "ECDSA_WITH_SHA256_DER"]), mine="RSA_EMSA_PKCS1_SHA2_384",
                    lts="10.12.0.0/16 10.20.0.0/16" if split else "0.0.0.0/0",
                    rts="10.99.%d.%d/32" % (R.randint(0, 3), next(vip)),
                    prop=pick(["IKE:AES_GCM_16_256/PRF_HMAC_SHA2_256/ECP_256",
                               "IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/ECP_256",
                               "IKE:AES_GCM_16_128/PRF_HMAC_SHA2_256/CURVE_25519"]),
                    kind=pick(["swan", "other", "other"]))

    def new_sa(peer):
        counter["ike"] += 1
        nat = peer["gw"] is gw_rw
        return dict(peer, uid=counter["ike"], port500=R.randint(1025, 65000) if nat else 500,
                    port4500=R.randint(1025, 65000) if nat else 4500, my_mid=0, peer_mid=2)

    def old_sa(peer):
        sa = new_sa(peer)
        sa["uid"] = R.randint(120, counter["ike"] - 40)
        sa["my_mid"], sa["peer_mid"] = R.randint(1, 40), R.randint(3, 60)
        return sa

    def spi_out(sa):
        """charon allocates its inbound SPIs in 0xc0000000-0xcfffffff; other peers use any value."""
        return "c" + hexs(7) if sa["kind"] == "swan" else hexs(8)

    def establish(t, sa):
        lip, lid = sa["gw"]
        init_req = {"swan": "SA KE No N(NATD_S_IP) N(NATD_D_IP) N(FRAG_SUP) N(HASH_ALG) N(REDIR_SUP)",
                    "other": "SA KE No N(FRAG_SUP) N(NATD_S_IP) N(NATD_D_IP) V V V V"}[sa["kind"]]
        init_resp = "SA KE No N(NATD_S_IP) N(NATD_D_IP) CERTREQ N(FRAG_SUP) N(HASH_ALG) N(CHDLESS_SUP) N(MULT_AUTH)"
        if sa["gw"] is gw_rw:
            auth_req = ("IDi CERT N(INIT_CONTACT) CERTREQ IDr AUTH CPRQ(ADDR DNS) SA TSi TSr N(MOBIKE_SUP) "
                        "N(NO_ADD_ADDR) N(MULT_AUTH) N(EAP_ONLY) N(MSG_ID_SYN_SUP)")
            auth_resp = "IDr CERT AUTH CPRP(ADDR DNS) SA TSi TSr N(AUTH_LFT) N(MOBIKE_SUP) N(NO_ADD_ADDR)"
        elif sa["auth"] == "pre-shared key":
            auth_req = ("IDi N(INIT_CONTACT) IDr AUTH SA TSi TSr N(MOBIKE_SUP) N(ADD_6_ADDR) N(MULT_AUTH) "
                        "N(EAP_ONLY) N(MSG_ID_SYN_SUP)")
            auth_resp = "IDr AUTH SA TSi TSr N(AUTH_LFT) N(MOBIKE_SUP) N(ADD_6_ADDR)"
        else:
            auth_req = ("IDi CERT N(INIT_CONTACT) CERTREQ IDr AUTH SA TSi TSr N(MOBIKE_SUP) N(ADD_4_ADDR) "
                        "N(MULT_AUTH) N(EAP_ONLY) N(MSG_ID_SYN_SUP)")
            auth_resp = "IDr CERT AUTH SA TSi TSr N(AUTH_LFT) N(MOBIKE_SUP) N(ADD_4_ADDR)"
        rip = sa["rip"]
        t = step(t, [("recv", rip, sa["port500"], lip, 500, R.randint(330, 1150)),
                     ("parsed", "IKE_SA_INIT", "request", 0, init_req),
                     ("initiating", rip),
                     ("proposal", sa["prop"]),
                     ("generating", "IKE_SA_INIT", "response", 0, init_resp),
                     ("send", lip, 500, rip, sa["port500"], R.randint(270, 520))])
        t += R.randint(60, 650) * MS
        counter["child"] += 1
        step(t, [("recv", rip, sa["port4500"], lip, 4500, R.randint(980, 1960)),
                 ("parsed", "IKE_AUTH", "request", 1, auth_req),
                 ("auth_peer", sa["rid"], sa["auth"]),
                 ("auth_myself", lid, sa["mine"]),
                 ("ike_up", sa["conn"], sa["uid"], lip, lid, rip, sa["rid"]),
                 ("child_up", sa["child"], counter["child"], "c" + hexs(7), spi_out(sa), sa["lts"], sa["rts"]),
                 ("generating", "IKE_AUTH", "response", 1, auth_resp),
                 ("send", lip, 4500, rip, sa["port4500"], R.randint(880, 1720))])

    def dpd_ours(t, sa, alive=True):
        lip = sa["gw"][0]
        mid = sa["my_mid"]
        sa["my_mid"] += 1
        size = pick([57, 65, 76, 80])
        t = step(t, [("dpd",), ("generating_empty", "request", mid),
                     ("send", lip, 4500, sa["rip"], sa["port4500"], size)])
        if alive:
            t += R.randint(20, 380) * MS
            step(t, [("recv", sa["rip"], sa["port4500"], lip, 4500, size), ("parsed_empty", "response", mid)])
            return
        for n, wait in enumerate([4.0, 7.2, 13.0, 23.3, 41.9][:R.randint(2, 4)], 1):
            t += int(wait * NS)
            t = step(t, [("retransmit", n, mid), ("send", lip, 4500, sa["rip"], sa["port4500"], size)])

    def dpd_peer(t, sa):
        lip = sa["gw"][0]
        mid = sa["peer_mid"]
        sa["peer_mid"] += 1
        size = pick([57, 65, 76, 80])
        step(t, [("recv", sa["rip"], sa["port4500"], lip, 4500, size), ("parsed_empty", "request", mid),
                 ("generating_empty", "response", mid), ("send", lip, 4500, sa["rip"], sa["port4500"], size)])

    def delete_by_peer(t, sa):
        lip, lid = sa["gw"]
        mid = sa["peer_mid"]
        sa["peer_mid"] += 1
        step(t, [("recv", sa["rip"], sa["port4500"], lip, 4500, pick([80, 96, 112])),
                 ("parsed", "INFORMATIONAL", "request", mid, "D"),
                 ("deleting", sa["conn"], sa["uid"], lip, lid, sa["rip"], sa["rid"]),
                 ("generating_empty", "response", mid),
                 ("send", lip, 4500, sa["rip"], sa["port4500"], pick([57, 65, 76, 80]))])

    def rekey(t, sa, ours):
        """A CHILD_SA rekey (CREATE_CHILD_SA), started by us or by the peer."""
        lip = sa["gw"][0]
        counter["child"] += 1
        child = ("child_up", sa["child"], counter["child"], "c" + hexs(7), spi_out(sa), sa["lts"], sa["rts"])
        req = "N(REKEY_SA) SA No KE TSi TSr"
        resp = "SA No KE TSi TSr"
        if ours:
            mid = sa["my_mid"]
            sa["my_mid"] += 1
            t = step(t, [("generating", "CREATE_CHILD_SA", "request", mid, req),
                         ("send", lip, 4500, sa["rip"], sa["port4500"], R.randint(380, 620))])
            t += R.randint(20, 380) * MS
            step(t, [("recv", sa["rip"], sa["port4500"], lip, 4500, R.randint(360, 600)),
                     ("parsed", "CREATE_CHILD_SA", "response", mid, resp), child])
        else:
            mid = sa["peer_mid"]
            sa["peer_mid"] += 1
            step(t, [("recv", sa["rip"], sa["port4500"], lip, 4500, R.randint(380, 620)),
                     ("parsed", "CREATE_CHILD_SA", "request", mid, req), child,
                     ("generating", "CREATE_CHILD_SA", "response", mid, resp),
                     ("send", lip, 4500, sa["rip"], sa["port4500"], R.randint(360, 600))])

    def probe(t):
        rip, port = public_ipv4(), pick([500, R.randint(1025, 65000)])
        lip = pick([gw_site[0], gw_rw[0]])
        answer = pick(["N(NO_PROP)", "N(INVAL_KE)"])
        step(t, [("recv", rip, port, lip, 500, R.randint(220, 900)),
                 ("parsed", "IKE_SA_INIT", "request", 0, pick(["SA KE No", "SA KE No N(NATD_S_IP) N(NATD_D_IP)"])),
                 ("initiating", rip),
                 ("generating", "IKE_SA_INIT", "response", 0, answer),
                 ("send", lip, 500, rip, port, 36 if answer == "N(NO_PROP)" else 38)])

    t0 = (DAY + 7 * 3600 + 58 * 60 + R.randint(0, 240)) * NS
    span = 20 * 60 * NS
    # SAs that exist when the excerpt starts: three sites and a few road warriors.
    existing = [old_sa(p) for p in sites[:3]] + [old_sa(rw_peer(u)) for u in users[:5]]
    born = {id(sa): t0 - NS for sa in existing}
    end = {id(sa): t0 + span for sa in existing}
    fresh_users = users[5:]
    # The morning burst: road warriors connecting within a second or so of each other, so their
    # IKE_SA_INIT and IKE_AUTH exchanges interleave.
    fresh = []
    tb = t0 + R.randint(2, 9) * NS
    for u in fresh_users[:5]:
        fresh.append((tb + R.randint(0, 1100) * MS, new_sa(rw_peer(u))))
    for u in fresh_users[5:]:
        fresh.append((t0 + R.randint(20, span // NS) * NS + R.randint(0, NS), new_sa(rw_peer(u))))
    # Sites that re-authenticate during the excerpt (a new IKE_SA each, make-before-break: the
    # peer then deletes its old IKE_SA).
    for p in (sites[3], sites[0]):
        fresh.append((t0 + R.randint(30, span // NS) * NS + R.randint(0, NS), new_sa(p)))
    for t, sa in fresh:
        establish(t, sa)
        born[id(sa)], end[id(sa)] = t + 2 * NS, t0 + span
        for old in existing[:3]:
            if old["conn"] == sa["conn"]:
                end[id(old)] = t + R.randint(1200, 2500) * MS
                delete_by_peer(end[id(old)], old)
    # Road warriors that log off, and two that vanish (our DPD is retransmitted).
    gone = R.sample(existing[3:], 2)
    for sa in gone:
        end[id(sa)] = t0 + R.randint(10, span // NS // 2) * NS
        dpd_ours(end[id(sa)], sa, alive=False)
    for sa in [sa for sa in existing[3:] if sa not in gone] + [sa for _, sa in fresh[:3]]:
        end[id(sa)] = R.randint(max(born[id(sa)] + 60 * NS, t0), t0 + span)
        delete_by_peer(end[id(sa)], sa)
    live = existing + [sa for _, sa in fresh]

    def during(sa):
        """A time at which the SA is up (None if it has no room left)."""
        lo, hi = born[id(sa)] + 5 * NS, end[id(sa)] - 5 * NS
        return R.randint(lo, hi) if lo < hi else None

    jobs = [("dpd_ours" if i % 2 else "dpd_peer") for i in range(20)] + ["rekey_ours", "rekey_peer"] * 3
    for job in jobs:
        while True:
            sa = pick(live)
            if job.startswith("rekey") and sa["conn"].startswith("rw") and R.random() < 0.6:
                continue
            t = during(sa)
            if t is not None:
                break
        if job == "dpd_ours":
            dpd_ours(t, sa)
        elif job == "dpd_peer":
            dpd_peer(t, sa)
        else:
            rekey(t, sa, ours=job == "rekey_ours")
    for _ in range(7):
        probe(t0 + R.randint(0, span))

    out.sort(key=lambda x: (x[0], x[1]))
    items = []
    for t, _, k, content, template, values, thread, group in out[:LINES]:
        line = "%s vpn-gw-01 charon[%d]: %02d[%s] %s" % (stamp_syslog(t), pid, thread, group, content)
        items.append((k, line, content, template, values))
    emit("StrongSwan", len(SWAN_T), items)


# ------------------------------------------------------------------------------------------
# 2. Open vSwitch `ovs-vswitchd` log file (`/var/log/openvswitch/ovs-vswitchd.log`), default file
#    pattern `%D{%Y-%m-%dT%H:%M:%S.###Z}|%05N|%c%T|%p|%m`:
#    `2026-12-17T09:02:11.407Z|04211|bridge|INFO|message`. `%05N` is the message sequence number
#    (one more per line), `%c%T` the module plus `(thread)` on threads other than the main one,
#    `%p` the level (`INFO`, `WARN`, `ERR`). Content is after the fourth `|`. Seeded shuffle; a
#    long poll interval is a block in a row (timeval warnings, then the coverage report:
#    header, padded counter lines, `events never hit`).
def openvswitch():
    clock = Clock(R.randint(8 * 3600, 9 * 3600), 5, 2400)
    seq = {"n": R.randint(3100, 9800)}
    bridges = ["br-int"] * 5 + ["br-ex", "br-tun"]
    unix_conn = {"n": R.randint(1800, 4200)}

    def conn():
        unix_conn["n"] += R.randint(1, 3)
        return unix_conn["n"]

    def iface():
        r = R.random()
        if r < 0.5:
            return "tap%s-%s" % (hexs(8), hexs(2))
        if r < 0.75:
            return "qvo%s-%s" % (hexs(8), hexs(2))
        if r < 0.9:
            return "vnet%d" % R.randint(0, 63)
        return "vxlan-0a%s" % hexs(6)

    def H(module, level, thread=None):
        return dict(module=module, level=level, thread=thread)

    def flow_adds():
        n = R.choice([1, 1, 1, 2, 2, 3, 4, 6, 12])
        return ev("<*><->unix#<*>: <*> flow_mods in the last <*> s (<*> adds)", pick(bridges), conn(), n,
                  R.randint(0, 9), n), H("connmgr", "INFO")

    def flow_deletes():
        n = R.choice([1, 1, 2, 2, 3, 8])
        return ev("<*><->unix#<*>: <*> flow_mods in the last <*> s (<*> deletes)", pick(bridges), conn(), n,
                  R.randint(0, 9), n), H("connmgr", "INFO")

    def flow_both():
        a, d = R.randint(1, 14), R.randint(1, 9)
        return ev("<*><->unix#<*>: <*> flow_mods in the last <*> s (<*> adds, <*> deletes)", pick(bridges), conn(),
                  a + d, R.randint(0, 9), a, d), H("connmgr", "INFO")

    def added():
        return ev("bridge <*>: added interface <*> on port <*>", pick(bridges), iface(), R.randint(2, 480)), \
            H("bridge", "INFO")

    def deleted():
        return ev("bridge <*>: deleted interface <*> on port <*>", pick(bridges), iface(), R.randint(2, 480)), \
            H("bridge", "INFO")

    controllers = Cycle([("br-int", "tcp:10.20.0.4:6653"), ("br-int", "tcp:10.20.0.5:6653"),
                         ("br-ex", "ssl:[fd00:20::4]:6653"), ("br-tun", "tcp:127.0.0.1:6633")])

    def connecting():
        b, c = controllers()
        return ev("<*><-><*>: connecting...", b, c), H("rconn", "INFO")

    drop_reason = Cycle(["Connection reset by peer", "Broken pipe", "End of file", "Protocol error",
                         "Connection timed out", "unexpected SSL connection close"])

    def dropped_conn():
        b, c = controllers()
        return ev("<*><-><*>: connection dropped (<*>)", b, c, drop_reason()), H("rconn", pick(["WARN", "INFO"]))

    put_op = Cycle(["create", "modify", "create"])
    put_err = Cycle(["File exists", "No such file or directory", "Invalid argument", "No space left on device"])

    def mac():
        return "fa:16:3e:%s:%s:%s" % (hexs(2), hexs(2), hexs(2))

    def flow_key():
        proto, sport, dport = pick([(6, R.randint(32768, 60999), pick([443, 5432, 8080, 22])),
                                    (17, R.randint(32768, 60999), pick([53, 123, 4789]))])
        l4 = "tcp" if proto == 6 else "udp"
        key = ("skb_priority(0),in_port(%d),skb_mark(0),ct_state(0/0),ct_zone(0/0),eth(src=%s,dst=%s),"
               "eth_type(0x0800),ipv4(src=10.%d.%d.%d/0.0.0.0,dst=10.%d.%d.%d/0.0.0.0,proto=%d/0,tos=0/0x3,ttl=64/0,"
               "frag=no),%s(src=%d/0,dst=%d/0)" % (R.randint(2, 40), mac(), mac(), R.randint(0, 3), R.randint(0, 255),
                                                   R.randint(2, 250), R.randint(0, 3), R.randint(0, 255),
                                                   R.randint(2, 250), proto, l4, sport, dport))
        if proto == 6:
            key += ",tcp_flags(0/0)"
        return key

    def put_failed():
        return ev("system@ovs-system: failed to put[<*>] (<*>) ufid:<*> <*>", put_op(), put_err(), uuid4(),
                  flow_key()), H("dpif", "WARN", "handler%d" % R.randint(1, 24))

    rate_src = Cycle([("ofproto_dpif_upcall", "handler%d"), ("dpif", "handler%d"), ("netdev_linux", None),
                      ("ofproto_dpif_upcall", "revalidator%d")])

    def rate_dropped():
        module, thread = rate_src()
        n = R.randint(2, 900)
        return ev("Dropped <*> log messages in last <*> seconds (most recently, <*> seconds ago) due to excessive rate",
                  n, R.randint(5, 60), R.randint(0, 4)), \
            H(module, "WARN" if module != "netdev_linux" else "INFO", thread % R.randint(1, 24) if thread else None)

    counters = ["bridge_reconfigure", "ofproto_flush", "ofproto_recv_openflow", "ofproto_update_port",
                "rev_reconfigure", "rev_flow_table", "xlate_actions", "dpif_flow_put", "dpif_flow_del",
                "dpif_execute", "flow_extract", "miniflow_malloc", "hmap_pathological", "hmap_expand",
                "netdev_get_stats", "txn_unchanged", "txn_incomplete", "txn_success", "poll_create_node",
                "poll_zero_timeout", "rconn_queued", "rconn_sent", "seq_change", "unixctl_received",
                "unixctl_replied", "util_xalloc", "netlink_received", "netlink_sent", "upcall_flow_limit_hit"]

    majors = Cycle([0, 0, 1, 3])

    def make_block():
        ms = R.randint(1100, 9800)
        user = R.randint(ms // 3, ms - 60)

        def long_poll():
            return ev("Unreasonably long <*>ms poll interval (<*>ms user, <*>ms system)", ms, user,
                      ms - user - R.randint(0, 40)), H("timeval", "WARN")

        def faults():
            return ev("faults: <*> minor, <*> major", R.randint(40, 9000), majors()), H("timeval", "WARN")

        def switches():
            return ev("context switches: <*> voluntary, <*> involuntary", R.randint(2, 900), R.randint(1, 140)), \
                H("timeval", "WARN")

        def cov_header():
            return ev("Event coverage, avg rate over last: 5 seconds, last minute, last hour,  hash=<*>:", hexs(8)), \
                H("coverage", "INFO")

        blk = [(5, long_poll), (6, faults), (7, switches), (8, cov_header)]
        names = sorted(R.sample(counters, R.randint(6, 10)), key=counters.index)
        for name in names:
            def line(name=name):
                a = R.choice([0.0, 0.0, 0.2, 1.0, 3.4, 12.8, 47.6, 210.4])
                b = a * R.uniform(0.3, 1.2)
                c = b * R.uniform(0.2, 1.1)
                total = int(c * 3600 * R.uniform(2, 40)) + R.randint(1, 40)
                return ev_padded("<*> <*>/sec <*>/sec <*>/sec   total: <*>", "%-24s" % name, "%5.1f" % a, "%9.3f" % b,
                                 "%13.4f" % c, total), H("coverage", "INFO")
            blk.append((9, line))

        def never_hit():
            return ev("<*> events never hit", R.randint(80, 140)), H("coverage", "INFO")
        blk.append((10, never_hit))
        return blk

    blocks = [make_block() for _ in range(4)]
    events = [
        [0, flow_adds],      # E1, filled up to LINES below
        [34, flow_deletes],  # E2
        [8, flow_both],      # E3
        [30, added],         # E4
        [22, deleted],       # E5
        [0, None], [0, None], [0, None], [0, None], [0, None], [0, None],  # E6-E11: blocks only
        [12, connecting],    # E12
        [7, dropped_conn],   # E13
        [6, put_failed],     # E14
        [5, rate_dropped],   # E15
    ]
    events[0][0] = LINES - sum(e[0] for e in events) - sum(len(b) for b in blocks)

    def render(ns, hdr, content):
        seq["n"] += 1
        module = hdr["module"] + ("(%s)" % hdr["thread"] if hdr["thread"] else "")
        return "%sZ|%05d|%s|%s|%s" % (stamp_iso(ns), seq["n"], module, hdr["level"], content)
    write_shuffled("OpenVSwitch", clock, [tuple(e) for e in events], render, blocks=blocks, block_gap=(0, 3))


# ------------------------------------------------------------------------------------------
# 3. TiDB `tidb-server` default log (stderr in a container, same as `--log-file`): TiDB's text
#    encoder `[%time] [%LEVEL] [%caller] [%message] [key=value]...`:
#    `[2026/12/17 09:14:02.118 +00:00] [INFO] [server.go:734] ["new connection"] [conn=2097331] ...`.
#    The message and field values are quoted (Go-quoted, `\"` inside) when they hold spaces or
#    special characters. Content starts with the bracketed message, after `[<caller>] `. Seeded
#    shuffle.
def tidb():
    clock = Clock(R.randint(9 * 3600, 10 * 3600), 5, 4000)
    conn_id = {"n": R.randint(2097200, 2098000)}
    schema = {"v": R.randint(5200, 6900)}
    job_id = {"n": R.randint(880, 1400)}
    ts_base = (DAY + 9 * 3600) * 1000 << 18

    def new_conn():
        conn_id["n"] += R.randint(1, 4)
        return conn_id["n"]

    def old_conn():
        return conn_id["n"] - R.randint(0, 300)

    def client():
        return "10.%d.%d.%d:%d" % (R.choice([0, 2, 7]), R.randint(0, 40), R.randint(2, 250), R.randint(32768, 60999))

    def tso():
        return ts_base + R.randint(0, 3600 * 1000) * (1 << 18) + R.randint(0, 200)

    def H(level, caller):
        return dict(level=level, caller=caller)

    def connect():
        return ev('["new connection"] [conn=<*>] [remoteAddr=<*>]', new_conn(), client()), H("INFO", "server.go:734")

    def connect_tls():
        return ev('["new connection"] [conn=<*>] [remoteAddr=<*>] [tlsVersion="<*>"]', new_conn(), client(),
                  pick(["TLS 1.3", "TLS 1.3", "TLS 1.2"])), H("INFO", "server.go:734")

    def read_failed():
        c = old_conn()
        err = R.choice([
            "unexpected EOF",
            "read tcp 10.0.4.11:4000->%s: i/o timeout" % client(),
            "read tcp 10.0.4.11:4000->%s: read: connection reset by peer" % client(),
            "[server:8052]invalid sequence, received %d while expecting %d" % (R.randint(2, 9), 1),
            "unexpected EOF",
            "packet got EOF",
        ])
        return ev('["read packet failed, close this connection"] [conn=<*>] [session_alias=] [error="<*>"]', c,
                  go_quote(err)), H("INFO", "conn.go:1183")

    users = ["app_rw", "app_ro", "etl_loader", "grafana", "root", "bi_reader"]
    sqls = Cycle([
        "SELECT order_no, amount_usd FROM orders WHERE customer_id = 55310 ORDER BY created_at DESC LIMIT 20",
        'INSERT INTO orders (order_no, customer_id, status) VALUES ("ORD-2026-118842", 5531, "new")',
        "UPDATE stock SET qty = qty - 1 WHERE sku = 'KX-2210' AND qty > 0",
        "select * from shipments where carrier in ('dhl', 'ups') and shipped_at > now() - interval 1 day",
        "DELETE FROM sessions WHERE expires_at < '2026-12-17 00:00:00'",
    ])
    errs = Cycle([
        "[planner:1054]Unknown column 'amount_usd' in 'field list'",
        "[kv:1062]Duplicate entry 'ORD-2026-118842' for key 'orders.uk_order_no'",
        "[executor:8175]Your query has been cancelled due to exceeding the allowed memory limit for a single SQL "
        "query. Please try narrowing your query scope or increase the tidb_mem_quota_query limit and try again.",
        "[tikv:9007]Write conflict, txnStartTS=%d, conflictStartTS=%d, conflictCommitTS=%d, key={tableID=112, "
        "handle=88213} primary={tableID=112, handle=88213}, reason=Optimistic [try again later]" % (tso(), tso(), tso()),
        "[kv:8022]Error: KV error safe to retry Txn(Mvcc(TxnLockNotFound)) [try again later]\n"
        "github.com/pingcap/errors.AddStack\n\t/go/pkg/mod/github.com/pingcap/errors/errors.go:178",
        "[tikv:1205]Lock wait timeout exceeded; try restarting transaction",
    ])

    def dispatch_failed():
        c = old_conn()
        return ev('["command dispatched failed"] [conn=<*>] [session_alias=] [connInfo="id:<*>, addr:<*> status:<*>, '
                  'collation:utf8mb4_bin, user:<*>"] [command=Query] [status="inTxn:<*>, autocommit:1"] [sql="<*>"] '
                  '[txn_mode=PESSIMISTIC] [timestamp=<*>] [err="<*>"]', c, c, client(), pick([2, 3, 10, 11]),
                  pick(users), R.randint(0, 1), go_quote(sqls()), tso(), go_quote(errs())), H("WARN", "conn.go:1151")

    heavy = Cycle([
        ("SELECT c.region, SUM(o.amount_usd) FROM orders o JOIN customers c ON c.id = o.customer_id GROUP BY c.region",
         "112,97"),
        ("select count(*) from events_2026 where payload like '%timeout%'", "131"),
        ("SELECT * FROM audit_log WHERE actor = 'svc-billing' ORDER BY ts", "140"),
    ])

    exp_user = Cycle(["etl_loader", "bi_reader", "grafana"])
    exp_db = Cycle(["shop", "analytics"])

    def expensive():
        cost = R.uniform(60, 340)
        mem = R.randint(40 * 2 ** 20, 3 * 2 ** 30)
        sql, tables = heavy()
        human = "%.2f GB" % (mem / 2 ** 30) if mem >= 2 ** 30 else "%.2f MB" % (mem / 2 ** 20)
        total_keys = R.randint(10 ** 6, 9 * 10 ** 8)
        return ev('[expensive_query] [cost_time=<*>s] [cop_time=<*>s] [process_time=<*>s] [wait_time=<*>s] '
                  '[request_count=<*>] [total_keys=<*>] [process_keys=<*>] [num_cop_tasks=<*>] [conn=<*>] [user=<*>] '
                  '[database=<*>] [table_ids="[<*>]"] [txn_start_ts=<*>] [mem_max="<*> Bytes (<*>)"] [sql="<*>"]',
                  ("%.9f" % cost).rstrip("0"), "%.3f" % (cost * 0.8), "%.3f" % (cost * 0.7), "%.3f" % R.uniform(0.1, 9),
                  R.randint(20, 900), total_keys, R.randint(total_keys // 3, total_keys),
                  R.randint(20, 900), old_conn(), exp_user(), exp_db(), tables, tso(), mem,
                  human, go_quote(sql)), \
            H("WARN", "expensivequery.go:145")

    def load_schema():
        old = schema["v"]
        schema["v"] += R.randint(1, 3)
        ids = R.sample([97, 112, 113, 131, 140, 152, 153], R.randint(1, 2))
        acts = [pick([3, 5, 7, 11, 12]) for _ in ids]
        return ev('["diff load InfoSchema success"] [currentSchemaVersion=<*>] [neededSchemaVersion=<*>] '
                  '["start time"=<*>] [gotSchemaVersion=<*>] [phyTblIDs="[<*>]"] [actionTypes="[<*>]"]', old,
                  schema["v"], go_duration(R.randint(300_000, 9_000_000)), schema["v"],
                  ",".join(map(str, ids)), ",".join(map(str, acts))), H("INFO", "domain.go:324")

    ddl_types = Cycle(["add index", "create table", "modify column", "truncate table", "add column"])
    jobs = []
    run_state = Cycle(["queueing", "running"])
    run_schema_state = Cycle(["none", "delete only", "write only", "write reorganization"])
    done_state = Cycle(["done", "synced"])
    done_schema_state = Cycle(["public", "none"])
    schema_id = Cycle([2, 104])

    def job_fields(state, schema_state):
        """The values of a DDL job's String(): ID, Type, State, SchemaState, SchemaID, TableID,
        RowCount, ArgLen, start time. A finished job is one that ran before, when there is one."""
        if state in ("queueing", "running"):
            job_id["n"] += R.randint(1, 3)
            start = stamp_iso(clock.ns - R.randint(0, 900) * MS, sep=" ") + " +0000 UTC"
            job = (job_id["n"], ddl_types(), schema_id(), R.randint(150, 190), R.randint(0, 3), start)
            jobs.append(job)
        elif jobs:
            job = jobs.pop(0)
        else:
            start = stamp_iso(clock.ns - R.randint(20, 900) * NS, sep=" ") + " +0000 UTC"
            job = (job_id["n"] - R.randint(5, 20), ddl_types(), schema_id(), R.randint(150, 190), R.randint(0, 3),
                   start)
        jid, tp, sid, table, argc, start = job
        return jid, (jid, tp, state, schema_state, sid, table, R.randint(0, 90000), argc, start)

    job_tpl = ('[job="ID:<*>, Type:<*>, State:<*>, SchemaState:<*>, SchemaID:<*>, TableID:<*>, RowCount:<*>, '
               'ArgLen:<*>, start time: <*>, Err:<nil>, ErrCount:0, SnapshotVersion:0, Version: v2"]')

    def run_job():
        jid, fields = job_fields(run_state(), run_schema_state())
        return ev('["run DDL job"] [category=ddl] [jobID=<*>] [conn=<*>] ' + job_tpl, jid, old_conn(), *fields), \
            H("INFO", "ddl_worker.go:1021")

    def finish_job():
        jid, fields = job_fields(done_state(), done_schema_state())
        return ev('["finish DDL job"] [category=ddl] [jobID=<*>] [conn=<*>] ' + job_tpl, jid, old_conn(), *fields), \
            H("INFO", "ddl_worker.go:653")

    gc_conc = Cycle([2, 3, 4])

    def gc_start():
        return ev('["[gc worker] starts the whole job"] [uuid=<*>] [safePoint=<*>] [concurrency=<*>]', hexs(15),
                  tso(), gc_conc()), H("INFO", "gc_worker.go:742")

    stores = Cycle([(4, "tikv-2.tikv-peer.tidb.svc:20160"), (1, "tikv-0.tikv-peer.tidb.svc:20160"),
                    (5, "tikv-3.tikv-peer.tidb.svc:20160")])
    store_errs = Cycle([
        'rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp '
        '10.0.3.12:20160: connect: connection refused"',
        "context deadline exceeded",
        "rpc error: code = DeadlineExceeded desc = context deadline exceeded",
        'rpc error: code = Unavailable desc = error reading from server: read tcp 10.0.4.11:50124->10.0.3.14:20160: '
        "read: connection reset by peer",
    ])

    def store_refill():
        sid, addr = stores()
        return ev('["mark store\'s regions need be refill"] [id=<*>] [addr=<*>] [error="<*>"]', sid, addr,
                  go_quote(store_errs())), H("INFO", "region_cache.go:2893")

    def analyze_skip():
        return ev('["auto analyze skipped, outside of the allowed time window"] [category=stats]'), \
            H("INFO", "refresher.go:128")

    def tso_slow():
        return ev('["get timestamp too slow"] ["cost time"=<*>]', go_duration(R.randint(31 * MS, 900 * MS))), \
            H("WARN", "pd.go:318")

    lock_ttl = Cycle([3000, 20000, 3500])
    lock_type = Cycle(["Put", "Del", "Lock", "Pessimistic"])

    def lock():
        start = tso()
        key = "7480000000000000%02x5f72%016x" % (R.randint(0x61, 0x99), R.randint(1, 10 ** 7))
        return ev('["prewrite encounters lock"] [conn=<*>] [session_alias=] [txnStartTS=<*>] [lock="key: <*>, '
                  'primary: <*>, txnStartTS: <*>, lockForUpdateTS: 0, minCommitTs: <*>, ttl: <*>, type: <*>, '
                  'UseAsyncCommit: false, txnSize: <*>"]', old_conn(), tso(), key,
                  "7480000000000000%02x5f72%016x" % (R.randint(0x61, 0x99), R.randint(1, 10 ** 7)), start, start + 1,
                  lock_ttl(), lock_type(), R.randint(1, 40)), \
            H("WARN", "2pc.go:1004")

    events = [
        [0, connect],          # E1, filled up to LINES
        [22, connect_tls],     # E2
        [38, read_failed],     # E3
        [12, dispatch_failed],  # E4
        [5, expensive],        # E5
        [44, load_schema],     # E6
        [7, run_job],          # E7
        [6, finish_job],       # E8
        [4, gc_start],         # E9
        [8, store_refill],     # E10
        [9, analyze_skip],     # E11
        [3, tso_slow],         # E12
        [10, lock],            # E13
    ]
    events[0][0] = LINES - sum(e[0] for e in events)

    def render(ns, hdr, content):
        return "[%s +00:00] [%s] [%s] %s" % (stamp_iso(ns, sep=" ", dsep="/"), hdr["level"], hdr["caller"], content)
    write_shuffled("TiDB", clock, [tuple(e) for e in events], render)


# ------------------------------------------------------------------------------------------
# 4. Thanos store gateway (`thanos store`, v0.3x), default `--log.format=logfmt` on stderr (go-kit
#    logfmt): `ts=2026-12-17T10:21:07.480315922Z caller=bucket.go:667 level=info msg="loaded new
#    block" elapsed=...`. `ts` is RFC3339Nano in UTC (trailing zeros of the fraction dropped),
#    `caller` the source file and line, `level` one of `info`, `warn`, `error`. Values with spaces,
#    `=` or `"` are quoted, with `\"` inside. Content is everything after `level=<level> `. Seeded
#    shuffle.
def thanos():
    clock = Clock(R.randint(10 * 3600, 11 * 3600), 10, 9000)
    now_ms = lambda: clock.ns // MS
    blocks = [ulid((DAY - R.randint(1, 40) * 86400 + R.randint(0, 86399)) * 1000 + R.randint(0, 999)) for _ in range(60)]

    def block():
        return pick(blocks)

    def H(level, caller):
        return dict(level=level, caller=caller)

    def synced():
        ns = R.randint(8 * MS, 3 * NS)
        ret = R.randint(380, 460)
        return ev('msg="successfully synchronized block metadata" duration=<*> duration_ms=<*> cached=<*> returned=<*> '
                  'partial=<*>', go_duration(ns), ns // MS, ret + R.randint(0, 6), ret, R.randint(0, 4)), \
            H("info", "fetcher.go:557")

    def loaded():
        return ev('msg="loaded new block" elapsed=<*> id=<*>', go_duration(R.randint(40 * MS, 14 * NS)), block()), \
            H("info", "bucket.go:667")

    def dropped():
        return ev('msg="dropped outdated block" block=<*>', block()), H("info", "bucket.go:601")

    methods = ["Series"] * 6 + ["LabelNames", "LabelValues", "Info"]
    queriers = ["10.42.%d.%d" % (R.randint(0, 7), R.randint(2, 250)) for _ in range(5)]

    def finished():
        code = R.choices(["OK", "Canceled", "DeadlineExceeded", "ResourceExhausted"], [80, 10, 6, 4])[0]
        return ev('msg="finished call" grpc.service=thanos.Store grpc.method=<*> grpc.code=<*> grpc.time_ms=<*> '
                  'peer.address=<*>', pick(methods), code, "%.3f" % R.uniform(0.4, 9000),
                  "%s:%d" % (pick(queriers), R.randint(32768, 60999))), \
            H("info" if code == "OK" else "warn", "logging.go:86")

    series_errs = Cycle([
        "rpc error: code = Canceled desc = context canceled",
        "exceeded series limit: limit 50000 violated (got 73412)",
        'expanded matching posting: get postings: fetch postings: read postings range: get range reader: Get '
        '"https://thanos-blocks.s3.eu-west-1.amazonaws.com/%s/index": context deadline exceeded' % pick(blocks),
        "bytes limit exceeded while fetching chunks: limit 2147483648 violated (got 2147500032)",
        "preload series: read series range: EOF",
    ])

    def series_failed():
        return ev('msg="series request failed" err="<*>"', go_quote(series_errs())), H("warn", "bucket.go:1391")

    probe_status = Cycle(["ready", "healthy"])

    def probe_ok():
        return ev('msg="changing probe status" status=<*>', probe_status()), H("info", "intrumentation.go:56")

    reasons = Cycle(["shutting down",
                     "bucket store initial sync: sync block: iter bucket: context deadline exceeded",
                     "store gateway is draining connections before shutdown"])

    def probe_not_ready():
        return ev('msg="changing probe status" status=not-ready reason="<*>"', go_quote(reasons())), \
            H("warn", "intrumentation.go:67")

    load_errs = Cycle([
        "create index header reader: write index header: new index reader: get object attributes of %s/index: "
        "The specified key does not exist." % pick(blocks),
        "read meta.json: unexpected end of JSON input",
        "new bucket block: load chunk sizes: context deadline exceeded",
    ])

    def load_failed():
        return ev('msg="loading block failed" elapsed=<*> id=<*> err="<*>"', go_duration(R.randint(MS, 30 * NS)),
                  block(), go_quote(load_errs())), H("warn", "bucket.go:672")

    def lazy_loaded():
        return ev('msg="lazily loaded index-header" block=<*> elapsed=<*>', block(),
                  go_duration(R.randint(300_000, 4 * NS))), H("info", "lazy.go:174")

    def lazy_unloaded():
        return ev('msg="lazily unloaded index-header" block=<*> elapsed=<*>', block(),
                  go_duration(R.randint(20_000, 90 * MS))), H("info", "lazy.go:229")

    mc_errs = Cycle([
        "memcache: connect timeout to 10.0.5.21:11211",
        "server=10.0.5.22:11211: read tcp 10.0.1.4:%d->10.0.5.22:11211: i/o timeout" % R.randint(32768, 60999),
        'memcache: unexpected response line from "set": "SERVER_ERROR out of memory storing object\\r\\n"',
        "the async buffer is full",
    ])

    mc_name = Cycle(["index-cache", "caching-bucket", "index-cache"])

    def mc_failed():
        name = mc_name()
        if name == "index-cache":
            key = "P:%s:%s" % (block(), alnum(43, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"))
        else:
            key = "subrange:%s/chunks/%06d:%d:%d" % (block(), R.randint(1, 9), R.randint(0, 9) * 16000,
                                                    R.randint(1, 9) * 16000 + 16000)
        return ev('name=<*> msg="failed to store item to memcached" key=<*> err="<*>"', name, key,
                  go_quote(mc_errs())), H("warn", "memcached_client.go:482")

    def skip_sync():
        return ev('msg="skipping sync, another one is still in progress"'), H("info", "bucket.go:583")

    matchers = Cycle([
        '__name__="node_cpu_seconds_total" mode!="idle" instance=~"db-.*"',
        '__name__="http_requests_total" job="api-gateway" code=~"5.."',
        '__name__=~"kube_pod_container_status_.*" namespace="payments"',
        'job="blackbox" instance="https://status.aldermoor.example/health"',
    ])

    def slow_series():
        maxt = now_ms() - R.randint(0, 60000)
        return ev('msg="slow series request" duration=<*> mint=<*> maxt=<*> matchers="[<*>]" blocks=<*>',
                  go_duration(R.randint(5 * NS, 80 * NS)), maxt - R.randint(3600, 30 * 86400) * 1000, maxt,
                  go_quote(matchers()), R.randint(3, 140)), H("warn", "bucket.go:1288")

    events = [
        [26, synced],          # E1
        [0, finished],         # E2, filled up to LINES
        [30, loaded],          # E3
        [12, dropped],         # E4
        [9, series_failed],    # E5
        [4, probe_ok],         # E6
        [3, probe_not_ready],  # E7
        [5, load_failed],      # E8
        [27, lazy_loaded],     # E9
        [21, lazy_unloaded],   # E10
        [8, mc_failed],        # E11
        [4, skip_sync],        # E12
        [6, slow_series],      # E13
    ]
    events[1][0] = LINES - sum(e[0] for e in events)

    def render(ns, hdr, content):
        return "ts=%s caller=%s level=%s %s" % (stamp_rfc3339nano(ns), hdr["caller"], hdr["level"], content)
    write_shuffled("Thanos", clock, [tuple(e) for e in events], render)


# ------------------------------------------------------------------------------------------
# 5. Rspamd 3.x log file `/var/log/rspamd/rspamd.log` (default `type = "file"` logging, no
#    microseconds): `2026-12-17 11:04:52 #2718(normal) <5e0c1a>; task; rspamd_task_write_log: ...`:
#    date and time, `#<pid>(<process type>)`, `<uid>` (the task or session id, 6 hex), the log
#    module, then the message, which the logger starts with the C function name or the Lua
#    `file.lua:line`. Content is after `; <module>; ` and so starts with that function name.
#    Simulation: scan tasks on four normal workers (loaded message, module lines, the task log
#    line `time:` after), with map checks, controller learns, heartbeat warnings and a log reopen
#    in between; the lines of concurrent tasks interleave; the file is the first 300 lines.
RSPAMD_T = [
    ("write_log", "task", "rspamd_task_write_log: id: <<*>>, qid: <<*>>, ip: <*>, from: <<*>>, (default: <*> (<*>): "
                          "[<*>/15.00] [<*>]), len: <*>, time: <*>ms, dns req: <*>, digest: <<*>>, rcpts: <<*>>, "
                          "mime_rcpts: <<*>>"),
    ("write_log_user", "task", "rspamd_task_write_log: id: <<*>>, qid: <<*>>, ip: <*>, user: <*>, from: <<*>>, "
                               "(default: <*> (<*>): [<*>/15.00] [<*>]), len: <*>, time: <*>ms, dns req: <*>, "
                               "digest: <<*>>, rcpts: <<*>>, mime_rcpts: <<*>>"),
    ("loaded", "task", "rspamd_message_parse: loaded message; id: <<*>>; queue-id: <<*>>; size: <*>; checksum: <<*>>"),
    ("greylisted", "lua", 'greylist.lua:349: greylisted until "<*>", new record'),
    ("timeout", "task", "rspamd_task_timeout: processing of task time out: <*>s spent; 8.0s limit; forced processing"),
    ("dkim", "dkim", "rspamd_dkim_check: body hash did not verify for <*> (selector <*>): <*> != <*>"),
    ("rbl", "lua", "rbl.lua:613: error requesting <*>: <*>"),
    ("ratelimit", "lua", 'ratelimit.lua:571: ratelimit "<*>(<*>)" exceeded, (<*> / <*>): <*> (<*>:<*> dyn); '
                         "redis key: <*>"),
    ("map_same", "map", "http_map_finish: data is not modified for server <*>"),
    ("map_cached", "map", "read_map_file_chunks: read cached map <*> from <*> (<*> bytes)"),
    ("learned", "csession", "rspamd_controller_learn_fin_task: <<*>> learned message as <*>: <<*>>"),
    ("heartbeat", "main", "rspamd_main_heartbeat_cb: lost heartbeat from worker type <*> with pid <*>, "
                          "last beat on: <*> (<*> beats lost)"),
    ("reopen", "main", "rspamd_log_reopen: log file reopened after rotation"),
]


def rspamd():
    K = {name: i for i, (name, _, _) in enumerate(RSPAMD_T)}
    MOD = {name: m for name, m, _ in RSPAMD_T}
    TPL = {name: t for name, _, t in RSPAMD_T}
    main_pid = R.randint(1400, 2600)
    ctrl_pid = main_pid + R.randint(3, 6)
    workers = [ctrl_pid + 2 + i for i in range(4)]
    proc = {main_pid: "main", ctrl_pid: "controller"}
    proc.update({w: "normal" for w in workers})
    out = []  # (t_ns, seq, k, content, template, values, pid, uid, module)
    seq = {"n": 0}

    def add(t, pid, uid, name, *vals):
        content, template, values = ev(TPL[name], *vals)
        out.append((t, seq["n"], K[name], content, template, values, pid, uid, MOD[name]))
        seq["n"] += 1

    domains = ["aldermoor.example", "mail.nordlicht-versand.example", "kessler.example", "lists.fablab-ost.example",
               "news.tickethub.example", "billing.cloudhost.example", "gmail.example", "outlook.example"]
    local_users = ["m.ferreira", "j.okafor", "lena.brandt", "k.nakamura", "t.haddad", "r.mbeki", "invoices", "support"]

    def addr(local=None, domain=None):
        return "%s@%s" % (local or pick(["noreply", "info", "news", "a.keller", "m.rossi", "dmarc-reports", "orders",
                                         "j.smith", "bounce-%d" % R.randint(1000, 99999)]), domain or pick(domains))

    def msgid(t):
        g, _ = parts(t)
        if R.random() < 0.07:
            return "undef"
        return pick(["%04d%02d%02d%02d%02d%02d.%s@%s" % (g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec,
                                                         hexs(8), pick(domains)),
                     "%s@%s" % (alnum(24), pick(domains))])

    def sym(name, score, opts=""):
        return "%s(%.2f){%s}" % (name, score, opts)

    def symbols(spamminess, domain, ip, internal):
        s = []
        if spamminess < 0.6:
            s += [sym("BAYES_HAM", -3.0, "%.2f%%;" % R.uniform(90, 100)),
                  sym("R_SPF_ALLOW", -0.2, "+ip4:%s;" % ip), sym("DMARC_POLICY_ALLOW", -0.5, "%s;none;" % domain),
                  sym("R_DKIM_ALLOW", -0.2, "%s:s=mail%d;" % (domain, R.randint(2020, 2026)))]
        else:
            s += [sym("BAYES_SPAM", R.uniform(4.2, 5.1), "%.2f%%;" % R.uniform(80, 100)),
                  sym("R_SPF_SOFTFAIL", 0.0, "~all:c;")]
            if spamminess > 0.72:
                s += [sym("HFILTER_HOSTNAME_UNKNOWN", 2.5)]
            if spamminess > 0.88:
                s += [sym("FUZZY_DENIED", 12.0, "1:%s:1.00:txt;" % hexs(10)), sym("SUBJ_ALL_CAPS", 3.0)]
        if not internal:
            s.append(sym("ASN", 0.0, "asn:%d, ipnet:%s.0.0/16, country:%s;" % (
                R.randint(3000, 210000), ip.rsplit(".", 2)[0], pick(["DE", "FR", "US", "NL", "BR", "VN"]))))
        s += R.sample([sym("ARC_NA", 0.0), sym("RCVD_TLS_ALL", 0.0), sym("FROM_HAS_DN", 0.0), sym("TO_DN_NONE", 0.0),
                       sym("MIME_GOOD", -0.1, "text/plain;"), sym("MID_RHS_MATCH_FROM", 0.0),
                       sym("RCVD_COUNT_TWO", 0.0, "2;")], R.randint(1, 4))
        s.sort()
        score = sum(float(x.split("(")[1].split(")")[0]) for x in s)
        return score, ",".join(s)

    def action_of(score):
        if score >= 15:
            return "T", "reject"
        if score >= 6:
            return "T", "add header"
        if score >= 4:
            return "F", "greylist"
        return "F", "no action"

    rbl_errs = Cycle(["timeout", "server fail", "no records with this name",
                      "DNS request failed after 3 retries: no response from 127.0.0.53:53, last error: read udp: "
                      "connection refused"])
    rate_buckets = Cycle([("user_outbound", 100, "1h"), ("to_ip_from", 20, "1m"), ("bounce_to_ip", 5, "1m")])

    n_task = {"n": 0}

    def task(t):
        n_task["n"] += 1
        pid = pick(workers)
        uid = hexs(6)
        auth = R.random() < 0.16
        ip = pick(["10.12.4.%d" % R.randint(2, 60)]) if auth else public_ipv4()
        sender = addr(pick(local_users), "aldermoor.example") if auth else addr()
        domain = sender.split("@")[1]
        rcpts = [addr(pick(local_users), "aldermoor.example") if not auth else addr()
                 for _ in range(R.choice([1, 1, 1, 2, 3]))]
        mid, qid, size = msgid(t), alnum(R.choice([11, 12, 15])), R.randint(1400, 260000)
        add(t, pid, uid, "loaded", mid, qid, size, hexs(32))
        if auth:  # now and then a compromised account sends spam
            n_task["auth"] = n_task.get("auth", 0) + 1
            spamminess = R.uniform(0.75, 0.95) if n_task["auth"] % 4 == 2 else R.random() * 0.5
        else:
            spamminess = R.random()
        score, syms = symbols(spamminess, domain, ip, auth)
        is_spam, action = action_of(score)
        scan_ms = R.uniform(35, 1900) * (3 if R.random() < 0.1 else 1)
        timed_out = n_task["n"] % 29 == 11
        if timed_out:
            scan_ms = R.uniform(8000, 9600)
            add(t + int(scan_ms * MS) - R.randint(1, 30) * MS, pid, uid, "timeout", "%.1f" % (scan_ms / 1000))
        if not auth and R.random() < 0.1:
            rev = ".".join(reversed(ip.split(".")))
            add(t + int(scan_ms * R.uniform(0.2, 0.8) * MS), pid, uid, "rbl",
                "%s.%s" % (rev, pick(["zen.rbl.aldermoor.example", "bl.mailspike.example", "dnsbl.shield.example"])),
                rbl_errs())
        if not auth and R.random() < 0.09:
            add(t + int(scan_ms * R.uniform(0.1, 0.7) * MS), pid, uid, "dkim", domain,
                pick(["s1", "mail%d" % R.randint(2019, 2026), "selector2", "k1"]), alnum(43) + "=", alnum(43) + "=")
        if R.random() < 0.06:
            name, burst, period = rate_buckets()
            if name == "user_outbound" and not auth:
                name, burst, period = "to_ip_from", 20, "1m"
            add(t + int(scan_ms * R.uniform(0.5, 0.9) * MS), pid, uid, "ratelimit", name,
                sender if name == "user_outbound" else ip, burst, period,
                "%.2f" % (burst + R.uniform(0.1, 4)), "%.2f" % R.uniform(0.5, 2), "%.2f" % R.uniform(0.5, 2),
                "RL" + hexs(20))
        if action == "greylist":
            add(t + int(scan_ms * 0.95 * MS), pid, uid, "greylisted", http_date(t + 300 * NS))
        mime = rcpts if R.random() < 0.8 else rcpts[:1] + [addr()]
        common = [mid, qid, ip] + ([sender.split("@")[0] + "@aldermoor.example"] if auth else []) + [
            sender, is_spam, action, "%.2f" % score, syms, size, "%.2f" % scan_ms, R.randint(3, 60), hexs(32),
            ",".join(rcpts), ",".join(mime)]
        add(t + int(scan_ms * MS), pid, uid, "write_log_user" if auth else "write_log", *common)

    t0 = (DAY + 11 * 3600 + R.randint(0, 1800)) * NS
    span = 230 * NS
    early = 140  # seconds: the rare lines fall in the part of the run that makes the first 300 lines
    t = t0
    while t < t0 + span:
        task(t)
        t += int(R.expovariate(1 / 1.55) * NS) + 20 * MS
    map_servers = ["maps.rspamd.com", "rspamd-maps.aldermoor.example", "static.ruleset.example"]
    for w in workers:
        tm = t0 + R.randint(0, 60) * NS
        while tm < t0 + span:
            add(tm, w, hexs(6), "map_same", pick(map_servers))
            tm += R.randint(40, 110) * NS
    cached = Cycle([("https://maps.rspamd.com/rspamd/surbl-whitelist.inc.zst",
                     "/var/lib/rspamd/2f7c1e0a9b8d4c3f.map"),
                    ("https://rspamd-maps.aldermoor.example/local_bl_ip.map",
                     "/var/lib/rspamd/a91d0e6c55b2f7e4.map"),
                    ("https://maps.rspamd.com/freemail/free.txt.zst", "/var/lib/rspamd/0c4b7e2d19fa6831.map")])
    for _ in range(5):
        url, path = cached()
        add(t0 + R.randint(0, early) * NS, pick(workers), hexs(6), "map_cached", url, path,
            R.randint(900, 2400000))
    for _ in range(11):
        tl = t0 + R.randint(0, early) * NS + R.randint(0, NS)
        add(tl, ctrl_pid, hexs(6), "learned", pick(["10.12.4.%d" % R.randint(2, 60), "127.0.0.1"]),
            pick(["spam", "ham", "spam"]), msgid(tl))
    lost = iter(R.sample(range(3, 13), 3))
    for wtype, wpid in [("normal", pick(workers)), ("controller", ctrl_pid), ("normal", pick(workers))]:
        th = t0 + R.randint(5, early) * NS
        add(th, main_pid, hexs(6), "heartbeat", wtype, wpid, stamp_iso(th - R.randint(8, 40) * NS, sep=" ", digits=0),
            next(lost))
    tr = t0 + R.randint(40, early) * NS
    for p in [main_pid, ctrl_pid] + workers:
        add(tr, p, hexs(6), "reopen")
        tr += R.randint(1, 40) * MS

    out.sort(key=lambda x: (x[0], x[1]))
    items = []
    for t, _, k, content, template, values, pid, uid, module in out[:LINES]:
        line = "%s #%d(%s) <%s>; %s; %s" % (stamp_iso(t, sep=" ", digits=0), pid, proc[pid], uid, module, content)
        items.append((k, line, content, template, values))
    emit("Rspamd", len(RSPAMD_T), items)


# ------------------------------------------------------------------------------------------
# 6. OpenSM (InfiniBand subnet manager) log file `/var/log/opensm.log`, default log flags
#    (errors 0x01 and info 0x02): `Dec 17 12:40:03 481007 [7F2E4B3FE700] 0x02 -> message`:
#    month, day and time, microseconds `%06d`, the thread id in hex, the message level in hex,
#    ` -> `. Messages mostly start with the function name. Content is after `-> `. Seeded shuffle.
def opensm():
    clock = Clock(R.randint(12 * 3600, 13 * 3600), 3, 9000)
    threads = ["7F2E4B3FE700", "7F2E4ABFD700", "7F2E4A3FC700", "7F2E49BFB700", "7F2E52C8E740"]

    def guid(prefix):
        return "0x%s%s" % (prefix, hexs(6))

    def gid(g):
        v = int(g, 16)
        groups = ["%x" % ((v >> s) & 0xffff) for s in (48, 32, 16, 0)]
        return "fe80::" + ":".join(groups)

    hcas = [(guid("0002c90300"), "cn-r%02d-%02d mlx5_0" % (R.randint(1, 12), R.randint(1, 36)), R.randint(20, 900))
            for _ in range(40)]
    hcas += [(guid("b8599f0300"), "gpu%03d HCA-%d" % (R.randint(1, 96), R.randint(1, 4)), R.randint(20, 900))
             for _ in range(12)]
    switches = [(guid("506b4b0300"), "MF0;ib-leaf-%02d:MQM8700/U1" % i, R.randint(1, 19)) for i in range(1, 9)]
    switches += [(guid("fc6a1c0300"), "ib-spine-%02d QM9700" % i, R.randint(1, 19)) for i in range(1, 4)]

    def H(level):
        return dict(level=level, thread=pick(threads))

    notices = Cycle([("3", "64", "GID in service"), ("3", "65", "GID out of service"),
                     ("3", "66", "New mcast group created"), ("3", "67", "Mcast group deleted"),
                     ("3", "64", "GID in service"), ("4", "144", "Capability mask changed")])

    def reporting():
        ty, num, desc = notices()
        g, _, lid = pick(hcas)
        return ev("log_notice: Reporting Generic Notice type:<*> num:<*> (<*>) from LID:<*> GID:<*>", ty, num, desc,
                  lid, gid(g)), H("0x02")

    traps = [("1", "128", "Link state change", "2", "Switch"),
             ("1", "129", "Local Link Integrity threshold reached", "1", "CA"),
             ("1", "130", "Excessive Buffer Overrun", "2", "Switch"),
             ("4", "144", "Capability mask changed", "1", "CA"),
             ("1", "128", "Link state change", "2", "Switch")]

    def trap_info():
        ty, num, desc, prod, pname = pick(traps)
        _, _, lid = pick(switches if pname == "Switch" else hcas)
        return ev("log_trap_info: Received Generic Notice type:<*> num:<*> (<*>) Producer:<*> (<*>) from LID:<*> "
                  "Port <*> TID:<*>", ty, num, desc, prod, pname, lid, R.randint(1, 40) if pname == "Switch" else 1,
                  "0x%016x" % R.randint(1, 2 ** 20)), H("0x02")

    groups = ["ff12:401b:ffff::1", "ff12:401b:ffff::ffff:ffff", "ff12:601b:ffff::16", "ff12:601b:ffff::1:ff%s" % hexs(2),
              "ff12:401b:8001::1"]
    mlid = {g: "0x%04X" % (0xC000 + i) for i, g in enumerate(groups)}

    def joined():
        g = pick(groups)
        return ev("mcmr_rcv_mcm: Port <*> joined multicast group <*> (MLID <*>)", pick(hcas)[0], g, mlid[g]), H("0x02")

    def left():
        g = pick(groups)
        return ev("mcmr_rcv_mcm: Port <*> left multicast group <*> (MLID <*>)", pick(hcas)[0], g, mlid[g]), H("0x02")

    def subnet_up():
        return ev("SUBNET UP"), H("0x02")

    transitions = [("DOWN", "INIT"), ("INIT", "ARMED"), ("ARMED", "ACTIVE"), ("ACTIVE", "DOWN")]

    def state_change():
        g, desc, _ = pick(hcas + switches)
        a, b = pick(transitions)
        return ev("pi_rcv_process_endport: Port <*> (<*> port <*>) state changed from <*> to <*>", g, desc,
                  R.randint(1, 40) if desc.startswith(("MF0", "ib-")) else R.choice([1, 1, 2]), a, b), H("0x02")

    attrs = Cycle([("0x15", "PortInfo"), ("0x11", "NodeInfo"), ("0x10", "NodeDescription"),
                   ("0x19", "LinearForwardingTable"), ("0x15", "PortInfo")])

    def mad_timeout():
        a, name = attrs()
        return ev("sm_mad_ctrl_send_err_cb: ERR 3120: Timeout while getting attribute <*> (<*>); Possible mis-set "
                  "mkey?", a, name), H("0x01")

    def lid_range():
        lid = R.randint(2, 900)
        return "0x%04X" % lid, "0x%04X" % lid

    def discovered():
        g, desc, _ = pick(hcas + switches)
        lo, hi = lid_range()
        return ev("ni_rcv_process_new: Discovered new port with GUID:<*> LID range [<*>,<*>] of node: <*>", g, lo, hi,
                  desc), H("0x02")

    def removed():
        g, desc, _ = pick(hcas + switches)
        lo, hi = lid_range()
        return ev("drop_mgr_remove_port: Removed port with GUID:<*> LID range [<*>,<*>] of node: <*>", g, lo, hi,
                  desc), H("0x02")

    statuses = Cycle([("0x1C", "Invalid attribute/modifier value"), ("0x0C", "Unsupported attribute"),
                      ("0x1C", "Invalid attribute/modifier value"), ("0x08", "Unsupported method/attribute combo")])

    def bad_status():
        code, text = statuses()
        return ev("sm_mad_ctrl_process_get_resp: ERR 3115: Error status = <*> (<*>)", code, text), H("0x01")

    perf_errs = Cycle(["timeout", "Unsupported PortCounters attribute on this device (ClassPortInfo cap mask 0x0200)",
                       "node not found in PerfMgr DB", "MAD send failed: Resource temporarily unavailable"])

    def perf_failed():
        g, desc, _ = pick(hcas + switches)
        return ev("perfmgr_query_counters: ERR 54FE: PerfMgr query failed for node <*> port <*>: <*>", g,
                  R.randint(1, 40), perf_errs()), H("0x01")

    def no_path():
        return ev("ucast_mgr_route: ERR 3A55: Switch <*> has no path to LID <*> (port <*>)", pick(switches)[0],
                  R.randint(2, 900), R.randint(1, 40)), H("0x01")

    events = [
        [0, reporting],      # E1, filled up to LINES
        [46, trap_info],     # E2
        [34, joined],        # E3
        [21, left],          # E4
        [8, subnet_up],      # E5
        [25, state_change],  # E6
        [12, mad_timeout],   # E7
        [7, discovered],     # E8
        [6, removed],        # E9
        [4, bad_status],     # E10
        [9, perf_failed],    # E11
        [4, no_path],        # E12
    ]
    events[0][0] = LINES - sum(e[0] for e in events)

    def render(ns, hdr, content):
        return "%s %06d [%s] %s -> %s" % (stamp_syslog(ns), (ns % NS) // 1000, hdr["thread"], hdr["level"], content)
    write_shuffled("OpenSM", clock, [tuple(e) for e in events], render)


# ------------------------------------------------------------------------------------------
def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


# Per system: the header that must precede Content on every raw line.
SWAN_GROUPS = "|".join(sorted({g for _, g, _ in SWAN_T}))
HEADERS = {
    "StrongSwan": re.compile(r"Dec 17 \d\d:\d\d:\d\d vpn-gw-01 charon\[\d+\]: (0[1-9]|1[0-6])\[(%s)\] " % SWAN_GROUPS),
    "OpenVSwitch": re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\|\d{5}\|[a-z_]+(\([a-z]+\d+\))?"
                              r"\|(ERR|WARN|INFO)\|"),
    "TiDB": re.compile(r"\[\d{4}/\d\d/\d\d \d\d:\d\d:\d\d\.\d{3} \+00:00\] \[(INFO|WARN|ERROR)\] \[[a-z0-9_]+\.go:\d+\] "),
    "Thanos": re.compile(r"ts=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z caller=[a-z_]+\.go:\d+ "
                         r"level=(info|warn|error) "),
    "Rspamd": re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d #\d+\((main|normal|controller)\) <[0-9a-f]{6}>; "
                         r"(task|lua|dkim|map|csession|main); "),
    "OpenSM": re.compile(r"Dec 17 \d\d:\d\d:\d\d \d{6} \[[0-9A-F]{12}\] 0x0[12] -> "),
}


def stamp_key(system, line):
    """The header time of a line as nanoseconds since 2026-12-17 00:00 UTC (the syslog-style
    headers carry no year; they are checked to be on Dec 17)."""
    def hms(s):
        h, m, sec = s.split(":")
        return (int(h) * 3600 + int(m) * 60 + int(sec)) * NS

    def date(s, dsep):
        y, mo, d = s.split(dsep)
        assert (int(y), int(mo), int(d)) == (2026, 12, 17), (system, line)

    if system in ("StrongSwan", "OpenSM"):
        assert line.startswith("Dec 17 "), (system, line)
        ns = hms(line[7:15])
        return ns + (int(line[16:22]) * 1000 if system == "OpenSM" else 0)
    if system == "OpenVSwitch":
        date(line[:10], "-")
        return hms(line[11:19]) + int(line[20:23]) * MS
    if system == "TiDB":
        date(line[1:11], "/")
        return hms(line[12:20]) + int(line[21:24]) * MS
    if system == "Thanos":
        m = re.match(r"ts=(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.(\d+))?Z ", line)
        date(m.group(1), "-")
        return hms(m.group(2)) + int((m.group(3) or "0").ljust(9, "0"))
    if system == "Rspamd":
        date(line[:10], "-")
        return hms(line[11:19])
    raise AssertionError(system)


def self_check():
    """Reads every written file back and asserts the corpus invariants. Returns per-system
    event counts."""
    summary = {}
    for system in SYSTEMS:
        folder = os.path.join(HERE, system)
        with open(os.path.join(folder, system + ".log"), encoding="utf-8", newline="") as f:
            raw = f.read()
        assert raw.endswith("\n") and "\r" not in raw, system
        lines = raw[:-1].split("\n")
        assert len(lines) == LINES, (system, len(lines))
        stamps = [stamp_key(system, l) for l in lines]
        assert all(a <= b for a, b in zip(stamps, stamps[1:])), (system, "header time goes back")
        if system == "OpenVSwitch":  # the sequence number goes up by one per line
            nums = [int(l.split("|")[1]) for l in lines]
            assert nums == list(range(nums[0], nums[0] + LINES)), system
        with open(os.path.join(folder, system + ".log_structured.csv"), encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], system
        rows = rows[1:]
        assert len(rows) == LINES, (system, len(rows))
        templates, counts, slots = {}, {}, {}
        for i, (row, line) in enumerate(zip(rows, lines)):
            assert len(row) == 4, (system, row)
            line_id, content, event_id, template = row
            assert line_id == str(i + 1), (system, line_id)
            assert re.fullmatch(r"E[1-9][0-9]*", event_id), (system, event_id)
            assert content and content == content.strip(), (system, i + 1)
            assert line.endswith(content), (system, i + 1)
            header = line[:len(line) - len(content)]
            assert HEADERS[system].fullmatch(header), (system, i + 1, line)
            assert "<*><*>" not in template and template == template.strip(), (system, template)
            m = template_regex(template).fullmatch(content)
            assert m, (system, i + 1, template, content)
            assert templates.setdefault(event_id, template) == template, (system, event_id)
            counts[event_id] = counts.get(event_id, 0) + 1
            seen = slots.setdefault(event_id, [set() for _ in m.groups()])
            for s, v in zip(seen, m.groups()):
                s.add(v)
        assert len(set(templates.values())) == len(templates), system
        assert MIN_EVENTS <= len(counts) <= MAX_EVENTS, (system, len(counts))
        assert sorted(counts, key=lambda e: int(e[1:])) == ["E%d" % (i + 1) for i in range(len(counts))], system
        assert min(counts.values()) >= 3, (system, counts)
        assert sum(1 for n in counts.values() if 3 <= n <= 10) >= 3, (system, counts)
        top = sorted(counts.values(), reverse=True)
        median = sorted(counts.values())[len(top) // 2] if len(top) % 2 else \
            (sorted(counts.values())[len(top) // 2 - 1] + sorted(counts.values())[len(top) // 2]) / 2
        assert top[0] >= 3 * median, (system, counts)  # skewed frequencies
        for event_id, seen in slots.items():
            for j, s in enumerate(seen):
                assert len(s) >= 2, (system, event_id, "slot %d" % (j + 1), s)
        summary[system] = dict(sorted(counts.items(), key=lambda kv: int(kv[0][1:])))
    return summary


if __name__ == "__main__":
    strongswan()
    openvswitch()
    tidb()
    thanos()
    rspamd()
    opensm()
    for system, counts in self_check().items():
        print("%-12s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
