#!/usr/bin/env python3
"""Round 65: blind labelled log corpus for a log template miner.

Python 3 standard library only, fully deterministic: no wall clock, no locale
(month names come from a fixed list), every random draw comes from a
random.Random seeded with BASE_SEED * 10 + k for system number k.

Templates are written with ${name} placeholders.  The ground-truth template
replaces every placeholder with <*>; the content substitutes the value.
EventIds E1, E2, ... follow the order in which events are declared below.
"""
import csv
import io
import os
import random
import re
import statistics
from collections import Counter, defaultdict

BASE_SEED = 20270185
HERE = os.path.dirname(os.path.abspath(__file__))
NS = 10 ** 9
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, DAY = 2026, 3, 14
N_LINES = 300
SLOT = re.compile(r"\$\{(\w+)\}")


def days_from_civil(y, m, d):
    """Days since 1970-01-01 for a proleptic Gregorian date (no datetime)."""
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


DAY0_NS = days_from_civil(YEAR, MONTH, DAY) * 86400 * NS  # 2026-03-14 00:00 UTC


def at(h, m, s):
    return ((h * 60 + m) * 60 + s) * NS


def hms(t):
    s = t // NS
    return "%02d:%02d:%02d" % (s // 3600, s // 60 % 60, s % 60)


def epoch_s(t):
    return (DAY0_NS + t) // NS


# ---------------------------------------------------------------- value helpers
FIRST_OCTETS = [23, 31, 37, 45, 52, 62, 77, 81, 89, 91, 104, 109, 141, 151,
                157, 178, 185, 193, 212, 217]
USERS = ["akowalski", "bnakamura", "cferreira", "dmensah", "eolsen", "fhaddad",
         "gpetrov", "hlindqvist", "iokoro", "jvarga", "kdubois", "lmarsh"]
ADMINS = ["admin", "netops.rk", "secops.tw", "fw-admin"]
COUNTRIES = ["United States", "Germany", "Netherlands", "Ireland", "France",
             "Japan", "Singapore"]
WEB_HOSTS = ["brightlane-portal.com", "cdn.pixelforge.net", "api.tidewatercrm.io",
             "static.nordhaven.com", "updates.quillsoft.net", "files.harborbox.io",
             "www.meridianpost.com", "telemetry.zentrix.net", "media.kestrelstream.tv",
             "sso.acme-intl.com", "docs.larkspur-wiki.org", "shop.copperfox.store"]
WEB_PATHS = ["/", "/index.html", "/api/v2/items?page=3", "/static/js/app.4f9c2e.js",
             "/login", "/assets/img/banner_1280.png", "/v1/telemetry/batch",
             "/downloads/setup-3.2.1.exe", "/news/2026/03/14/markets", "/search?q=vpn+client",
             "/cart/checkout", "/wp-json/wp/v2/posts"]
USER_AGENTS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:123.0) Gecko/20100101 Firefox/123.0",
    "Microsoft-CryptoAPI/10.0",
    "curl/8.5.0",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36",
]


def pub_ip(r):
    return "%d.%d.%d.%d" % (r.choice(FIRST_OCTETS), r.randint(1, 254),
                            r.randint(0, 255), r.randint(1, 254))


def lan_ip(r, pre):
    return "%s.%d.%d" % (pre, r.randint(1, 30), r.randint(10, 250))


def eph(r):
    return r.randint(49152, 65535)


def hexs(r, n):
    return "%0*x" % (n, r.getrandbits(4 * n))


def uuid4(r):
    h = hexs(r, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], "89ab"[int(h[16], 16) % 4],
                                 h[17:20], h[20:32])


def mac(r, oui):
    return oui + ":%02x:%02x:%02x" % (r.randrange(256), r.randrange(256), r.randrange(256))


def wchoice(r, pairs):
    tot = sum(w for _, w in pairs)
    x = r.uniform(0, tot)
    for v, w in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][0]


def gapper(r):
    def gap(mean_s):
        return 1 + int(r.expovariate(1.0 / (mean_s * NS)))
    return gap


# ---------------------------------------------------------------- framework
class Sys:
    def __init__(self, k, name, kind):
        self.k, self.name, self.kind = k, name, kind
        self.r = random.Random(BASE_SEED * 10 + k)
        self.order, self.tpl, self.meta, self.count, self.maker = [], {}, {}, {}, {}
        self._cyc = {}
        self.cur = None
        self.header = None      # fn(t, key, vals) -> header string
        self.header_re = None   # compiled regex, fullmatch on the header
        self.ts_key = None      # fn(match) -> comparable timestamp key

    def event(self, key, template, count=None, **meta):
        assert key not in self.tpl, key
        self.order.append(key)
        self.tpl[key] = template
        self.meta[key] = meta
        if count is not None:
            self.count[key] = count

        def deco(fn):
            self.maker[key] = fn
            return fn
        return deco

    def cyc(self, key, pool):
        """Cycle through a small pool (random start) for one (event, slot) key."""
        i = self._cyc.get(key)
        if i is None:
            i = self.r.randrange(len(pool))
        self._cyc[key] = i + 1
        return pool[i % len(pool)]

    def pick(self, name, pool):
        return self.cyc((self.cur, name), pool)

    def eid(self, key):
        return "E%d" % (self.order.index(key) + 1)

    def template(self, key):
        return SLOT.sub("<*>", self.tpl[key])


def fill(tpl, vals):
    def rep(m):
        v = str(vals[m.group(1)])
        assert v and v == v.strip() and "\n" not in v and "\r" not in v, (m.group(1), v)
        return v
    return SLOT.sub(rep, tpl)


def shuffle_records(S, start, mean_gap_s):
    seq = [key for key in S.order for _ in range(S.count[key])]
    assert len(seq) == N_LINES, (S.name, len(seq))
    S.r.shuffle(seq)
    gap = gapper(S.r)
    t, recs = start, []
    for i, key in enumerate(seq):
        t += gap(mean_gap_s)
        S.cur = key
        recs.append((t, i, key, S.maker[key](t)))
    return recs


def finalize(S, recs):
    recs = sorted(recs, key=lambda x: (x[0], x[1]))[:N_LINES]
    assert len(recs) == N_LINES, (S.name, len(recs))
    rows = []
    for t, _, key, vals in recs:
        vals = {k: (v() if callable(v) else v) for k, v in vals.items()}
        names = set(SLOT.findall(S.tpl[key]))
        given = set(k for k in vals if not k.startswith("_"))
        assert names == given, (S.name, key, names ^ given)
        content = fill(S.tpl[key], vals)
        header = S.header(t, key, vals)
        rows.append((header, content, S.eid(key), S.template(key)))
    return rows


def write(S, rows):
    d = os.path.join(HERE, S.name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, S.name + ".log"), "w", encoding="utf-8", newline="") as f:
        for header, content, _, _ in rows:
            f.write(header + content + "\n")
    with open(os.path.join(d, S.name + ".log_structured.csv"), "w", encoding="utf-8",
              newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_, content, eid, tpl) in enumerate(rows, 1):
            w.writerow([i, content, eid, tpl])


def tpl_regex(tpl):
    parts = tpl.split("<*>")
    return re.compile("(.+?)".join(re.escape(p) for p in parts))


def check(S):
    d = os.path.join(HERE, S.name)
    with open(os.path.join(d, S.name + ".log"), "rb") as f:
        log = f.read().decode("utf-8")
    with open(os.path.join(d, S.name + ".log_structured.csv"), "rb") as f:
        csvtext = f.read().decode("utf-8")
    for name, text in (("log", log), ("csv", csvtext)):
        assert text.endswith("\n"), (S.name, name, "no final newline")
        assert "\r" not in text, (S.name, name, "carriage return")
    lines = log[:-1].split("\n")
    assert len(lines) == N_LINES, (S.name, len(lines))
    rows = list(csv.reader(io.StringIO(csvtext)))
    assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], rows[0]
    body = rows[1:]
    assert len(body) == N_LINES, (S.name, len(body))
    declared = {S.eid(k): S.template(k) for k in S.order}
    tpl_of, rx_of, caps, counts = {}, {}, defaultdict(set), Counter()
    prev = None
    for i, (row, line) in enumerate(zip(body, lines), 1):
        assert len(row) == 4, (S.name, i, row)
        lid, content, eid, tpl = row
        assert lid == str(i), (S.name, i, lid)
        assert content and content == content.strip(), (S.name, i)
        assert line.endswith(content), (S.name, i)
        hdr = line[:len(line) - len(content)]
        m = S.header_re.fullmatch(hdr)
        assert m, (S.name, i, hdr)
        key = S.ts_key(m)
        assert prev is None or key >= prev, (S.name, i, "time went back", prev, key)
        prev = key
        assert re.fullmatch(r"E\d+", eid), (S.name, i, eid)
        assert tpl_of.setdefault(eid, tpl) == tpl, (S.name, i, "two templates", eid)
        assert declared.get(eid) == tpl, (S.name, i, "undeclared", eid)
        rx = rx_of.setdefault(eid, tpl_regex(tpl))
        mm = rx.fullmatch(content)
        assert mm, (S.name, i, eid, content)
        for j, g in enumerate(mm.groups()):
            caps[(eid, j)].add(g)
        counts[eid] += 1
    assert len(set(tpl_of.values())) == len(tpl_of), (S.name, "duplicate templates")
    assert set(tpl_of) == set(declared), (S.name, "unused events",
                                          sorted(set(declared) - set(tpl_of)))
    for eid, tpl in tpl_of.items():
        for j in range(tpl.count("<*>")):
            assert len(caps[(eid, j)]) >= 2, (S.name, eid, j, caps[(eid, j)], tpl)
    n = len(declared)
    assert 12 <= n <= 15, (S.name, n)
    cs = [counts[e] for e in declared]
    assert min(cs) >= 3, (S.name, counts)
    assert sum(1 for c in cs if 3 <= c <= 10) >= 3, (S.name, sorted(cs))
    med = statistics.median(cs)
    assert max(cs) >= 3 * med, (S.name, sorted(cs), med)
    return counts, med


# ================================================================ 1. CiscoAsa
def build_asa():
    S = Sys(1, "CiscoAsa", "simulation")
    r, ev = S.r, S.event
    ev("tcp_built", "Built outbound TCP connection ${cid} for outside:${dip}/${dport} (${dip}/${dport}) "
       "to inside:${sip}/${sport} (${mip}/${mport})", sev=6, mid="302013")
    ev("tcp_down", "Teardown TCP connection ${cid} for outside:${dip}/${dport} to inside:${sip}/${sport} "
       "duration ${dur} bytes ${nbytes} ${reason}", sev=6, mid="302014")
    ev("udp_built", "Built outbound UDP connection ${cid} for outside:${dip}/${dport} (${dip}/${dport}) "
       "to inside:${sip}/${sport} (${mip}/${mport})", sev=6, mid="302015")
    ev("udp_down", "Teardown UDP connection ${cid} for outside:${dip}/${dport} to inside:${sip}/${sport} "
       "duration ${dur} bytes ${nbytes}", sev=6, mid="302016")
    ev("xlate_built", "Built dynamic TCP translation from inside:${sip}/${sport} to outside:${mip}/${mport}",
       sev=6, mid="305011")
    ev("acl_deny", "Deny tcp src outside:${sip}/${sport} dst ${iface}:${dip}/${dport} by access-group "
       "\"${acl}\" [${ace}, 0x0]", sev=4, mid="106023")
    ev("udp_deny", "Deny inbound UDP from ${sip}/${sport} to ${dip}/${dport} on interface outside",
       sev=2, mid="106006")
    ev("tcp_denied", "Inbound TCP connection denied from ${sip}/${sport} to ${dip}/${dport} flags ${flags} "
       "on interface outside", sev=2, mid="106001")
    ev("aaa_ok", "AAA user authentication Successful : server =  ${srv} : user = ${user}",
       sev=6, mid="113004")
    ev("aaa_rej", "AAA user authentication Rejected : reason = ${reason} : server = ${srv} : "
       "user = ${user} : user IP = ${uip}", sev=6, mid="113005")
    ev("vpn_start", "Group <${gp}> User <${user}> IP <${uip}> AnyConnect parent session started.",
       sev=6, mid="113039")
    ev("svc_up", "Group <${gp}> User <${user}> IP <${uip}> ${proto} SVC connection established "
       "without compression", sev=6, mid="722022")
    ev("vpn_down", "Group = ${gp}, Username = ${user}, IP = ${uip}, Session disconnected. "
       "Session Type: ${stype}, Duration: ${dur}, Bytes xmt: ${tx}, Bytes rcv: ${rx}, Reason: ${reason}",
       sev=4, mid="113019")
    ev("fo_pass", "(${unit}) Testing on interface ${iface} Passed", sev=1, mid="105009")
    ev("fo_fail", "(${unit}) Testing on interface ${iface} Failed", sev=1, mid="105009")

    S.header = lambda t, key, v: "%s %02d %d %s %s : %%ASA-%d-%s: " % (
        MONTHS[MONTH - 1], DAY, YEAR, hms(t), v.get("_host", "asa-edge-01"),
        S.meta[key]["sev"], S.meta[key]["mid"])
    S.header_re = re.compile(r"(?P<ts>Mar 14 2026 \d{2}:\d{2}:\d{2}) asa-edge-0[12] : "
                             r"%ASA-[0-7]-\d{6}: ")
    S.ts_key = lambda m: m.group("ts")

    gap = gapper(r)
    recs = []

    def add(t, key, **v):
        recs.append((t, len(recs), key, v))

    def asa_dur(ns):
        s = ns // NS
        return "%d:%02d:%02d" % (s // 3600, s // 60 % 60, s % 60)

    T0 = at(7, 42, 5) + r.randrange(NS)
    HOR = T0 + 3600 * NS
    LAN = [lan_ip(r, "10.20") for _ in range(16)]
    PAT = ["198.51.100.23", "198.51.100.24"]
    TCP_PORTS = [(443, 9), (80, 3), (22, 1), (8443, 1), (993, 1)]
    RESOLVERS = ["203.0.113.53", "198.51.100.153"]

    # --- connections (TCP and UDP share one id counter, in arrival order)
    cid = r.randint(38000000, 52000000)
    t = T0
    while t < HOR:
        t += gap(8.0)
        cid += r.randint(1, 29)
        sip, sport = r.choice(LAN), eph(r)
        mip, mport = r.choice(PAT), r.randint(1024, 65535)
        if r.random() < 0.30:
            if r.random() < 0.8:
                dip, dport = r.choice(RESOLVERS), 53
                life = gap(0.12)
                nbytes = r.randint(48, 620)
            else:
                dip, dport = pub_ip(r), 123
                life = 120 * NS + gap(0.5)
                nbytes = 96
            add(t, "udp_built", cid=cid, dip=dip, dport=dport, sip=sip, sport=sport, mip=mip, mport=mport)
            add(t + life, "udp_down", cid=cid, dip=dip, dport=dport, sip=sip, sport=sport,
                dur=asa_dur(life), nbytes=nbytes)
            continue
        dip, dport = pub_ip(r), wchoice(r, TCP_PORTS)
        tt = t
        if r.random() < 0.33:
            add(tt, "xlate_built", sip=sip, sport=sport, mip=mip, mport=mport)
            tt += r.randint(20000, 90000)
        add(tt, "tcp_built", cid=cid, dip=dip, dport=dport, sip=sip, sport=sport, mip=mip, mport=mport)
        u = r.random()
        if u < 0.07:
            reason, life, nbytes = "SYN Timeout", 30 * NS + r.randrange(NS), 0
        elif u < 0.17:
            reason, life, nbytes = "TCP Reset-I", gap(6), r.randint(300, 9000)
        elif u < 0.27:
            reason, life, nbytes = "TCP Reset-O", gap(20), r.randint(300, 40000)
        elif u < 0.31:
            reason, life, nbytes = "FIN Timeout", 10 * NS + gap(50), r.randint(900, 90000)
        else:
            reason, life, nbytes = "TCP FINs", gap(35), int(r.lognormvariate(8.5, 1.7)) + 60
        add(tt + life, "tcp_down", cid=cid, dip=dip, dport=dport, sip=sip, sport=sport,
            dur=asa_dur(life), nbytes=nbytes, reason=reason)

    # --- scanners hitting the outside ACL
    ACES = [("outside_access_in", "0x5e7c1a2b"), ("outside_access_in", "0x0a91f3c4"),
            ("global_access", "0x91d2be07")]
    TARGETS = [("dmz", "172.16.10.21"), ("dmz", "172.16.10.22"), ("inside", "10.20.1.15")]
    t = T0
    while t < HOR:
        t += gap(230)
        sip, tt = pub_ip(r), t
        for _ in range(r.randint(3, 6)):
            tt += gap(2.5)
            acl, ace = S.cyc(("acl_deny", "ace"), ACES)
            iface, dip = S.cyc(("acl_deny", "dst"), TARGETS)
            add(tt, "acl_deny", sip=sip, sport=eph(r), iface=iface, dip=dip,
                dport=r.choice([22, 23, 445, 1433, 3389, 5900, 8080]), acl=acl, ace=ace)
    # --- background noise
    t = T0
    while t < HOR:
        t += gap(90)
        add(t, "udp_deny", sip=pub_ip(r), sport=r.choice([53, 123, 5353, eph(r)]),
            dip=S.cyc(("udp_deny", "dip"), PAT + ["198.51.100.30"]),
            dport=S.cyc(("udp_deny", "dport"), [161, 1900, 5060, 11211, 389]))
    t = T0
    while t < HOR:
        t += gap(100)
        add(t, "tcp_denied", sip=pub_ip(r), sport=r.choice([443, 80, 443, 993]),
            dip=r.choice(PAT), dport=eph(r),
            flags=S.cyc(("tcp_denied", "flags"), ["FIN ACK", "RST ACK", "ACK", "FIN PSH ACK", "RST"]))

    # --- AnyConnect users
    GP = ["GP_RemoteStaff", "GP_Contractors"]
    SRV = ["10.20.0.21", "10.20.0.22"]
    t = T0
    while t < HOR:
        t += gap(80)
        user, uip = S.cyc(("vpn", "user"), USERS), pub_ip(r)
        gp = S.cyc(("vpn", "gp"), GP)
        tt = t
        if r.random() < 0.5:
            add(tt, "aaa_rej", reason=S.cyc(("aaa_rej", "reason"),
                                            ["AAA failure", "Invalid password", "Account locked out"]),
                srv=S.cyc(("aaa_rej", "srv"), SRV), user=user, uip=uip)
            tt += 3 * NS + gap(9)
        add(tt, "aaa_ok", srv=S.cyc(("aaa_ok", "srv"), SRV), user=user)
        tt += r.randint(100, 400) * 10 ** 6
        add(tt, "vpn_start", gp=gp, user=user, uip=uip)
        tt += r.randint(900, 2500) * 10 ** 6
        add(tt, "svc_up", gp=gp, user=user, uip=uip, proto="TCP")
        if r.random() < 0.8:
            tt += r.randint(300, 900) * 10 ** 6
            add(tt, "svc_up", gp=gp, user=user, uip=uip, proto="UDP")
        life = 20 * NS + gap(100)
        s = (life // NS) + 3
        add(tt + life, "vpn_down", gp=gp, user=user, uip=uip,
            stype=S.cyc(("vpn_down", "stype"), ["AnyConnect-Parent", "SSL"]),
            dur="%dh:%02dm:%02ds" % (s // 3600, s // 60 % 60, s % 60),
            tx=r.randint(20000, 9000000), rx=r.randint(80000, 40000000),
            reason=S.cyc(("vpn_down", "reason"), ["User Requested", "Idle Timeout", "Port Preempted"]))

    # --- failover interface monitoring
    t = T0
    while t < HOR:
        t += gap(45)
        key = "fo_fail" if r.random() < 0.4 else "fo_pass"
        unit = S.cyc((key, "unit"), ["Primary", "Secondary"])
        add(t, key, unit=unit, iface=S.cyc((key, "iface"), ["outside", "inside", "dmz"]),
            _host="asa-edge-01" if unit == "Primary" else "asa-edge-02")
    return S, recs


# ================================================================ 2. FortiGate
def build_fortigate():
    S = Sys(2, "FortiGate", "shuffle")
    r, ev = S.r, S.event
    POLICIES = [(3, uuid4(r), "LAN-to-Internet"), (7, uuid4(r), "Staff-Web-Out"),
                (12, uuid4(r), "Servers-Updates")]
    WANIP = ["198.51.100.10", "198.51.100.11"]
    LAN = [lan_ip(r, "10.10") for _ in range(20)]
    sid = [r.randint(40000000, 60000000)]

    def nsid():
        sid[0] += r.randint(3, 900)
        return sid[0]

    def fwd(extra):
        def mk(t):
            pid, puuid, pname = S.pick("policy", POLICIES)
            d = dict(src=r.choice(LAN), sport=eph(r), dst=pub_ip(r), cc=S.pick("cc", COUNTRIES),
                     sid=nsid(), pid=pid, puuid=puuid, pname=pname, tip=S.pick("tip", WANIP),
                     tport=r.randint(1024, 65535))
            d.update(extra())
            return d
        return mk

    LANHEAD = ('srcip=${src} srcport=${sport} srcintf="port2" srcintfrole="lan" dstip=${dst} dstport=%s '
               'dstintf="wan1" dstintfrole="wan" srccountry="Reserved" dstcountry="${cc}" sessionid=${sid} '
               'proto=%s action="%s" policyid=${pid} policytype="policy" poluuid="${puuid}" '
               'policyname="${pname}" service="%s" trandisp="snat" transip=${tip} transport=${tport} ')
    TRAF = dict(logid="0000000013", type="traffic", sub="forward", level="notice")

    ev("tcp_close", LANHEAD % ("443", "6", "close", "HTTPS") +
       'appcat="unscanned" duration=${dur} sentbyte=${sb} rcvdbyte=${rb} sentpkt=${sp} rcvdpkt=${rp}',
       count=95, **TRAF)(fwd(lambda: dict(dur=r.randint(1, 900), sb=r.randint(900, 90000),
                                          rb=r.randint(2000, 4000000), sp=r.randint(8, 400),
                                          rp=r.randint(8, 3000))))
    ev("udp_dns", LANHEAD % ("53", "17", "accept", "DNS") +
       'duration=${dur} sentbyte=${sb} rcvdbyte=${rb} sentpkt=1 rcvdpkt=1 appcat="unscanned"',
       count=50, **TRAF)(fwd(lambda: dict(dur=r.randint(1, 180), sb=r.randint(56, 90),
                                          rb=r.randint(72, 520))))
    ev("tcp_srst", LANHEAD % ("443", "6", "server-rst", "HTTPS") +
       'appcat="unscanned" duration=${dur} sentbyte=${sb} rcvdbyte=${rb} sentpkt=${sp} rcvdpkt=${rp}',
       count=14, **TRAF)(fwd(lambda: dict(dur=r.randint(0, 60), sb=r.randint(200, 9000),
                                          rb=r.randint(40, 3000), sp=r.randint(3, 30),
                                          rp=r.randint(2, 20))))
    ev("tcp_crst", LANHEAD % ("443", "6", "client-rst", "HTTPS") +
       'appcat="unscanned" duration=${dur} sentbyte=${sb} rcvdbyte=${rb} sentpkt=${sp} rcvdpkt=${rp}',
       count=9, **TRAF)(fwd(lambda: dict(dur=r.randint(0, 300), sb=r.randint(200, 20000),
                                         rb=r.randint(500, 90000), sp=r.randint(3, 60),
                                         rp=r.randint(2, 90))))
    ev("tcp_timeout", LANHEAD % ("${dport}", "6", "timeout", "${svc}") +
       'appcat="unscanned" duration=${dur} sentbyte=${sb} rcvdbyte=${rb} sentpkt=${sp} rcvdpkt=${rp}',
       count=22, **TRAF)(fwd(lambda: dict(
           zip(("dport", "svc"), S.pick("svc", [(8443, "tcp/8443"), (80, "HTTP"), (5223, "tcp/5223")])),
           dur=r.randint(3600, 14400), sb=r.randint(2000, 900000), rb=r.randint(2000, 900000),
           sp=r.randint(40, 4000), rp=r.randint(40, 4000))))

    @ev("deny", 'srcip=${src} srcport=${sport} srcintf="wan1" srcintfrole="wan" dstip=${dst} '
        'dstport=${dport} dstintf="port3" dstintfrole="dmz" srccountry="${cc}" dstcountry="Reserved" '
        'sessionid=${sid} proto=6 action="deny" policyid=0 policytype="policy" service="${svc}" '
        'trandisp="noop" duration=0 sentbyte=0 rcvdbyte=0 sentpkt=0 appcat="unscanned" crscore=30 '
        'craction=131072 crlevel="high"', count=30, **TRAF)
    def _(t):
        dport, svc = S.pick("svc", [(22, "SSH"), (3389, "RDP"), (445, "SMB"), (23, "TELNET"),
                                    (1433, "MS-SQL"), (8080, "tcp/8080")])
        return dict(src=pub_ip(r), sport=eph(r), dst=S.pick("dst", WANIP + ["198.51.100.12"]),
                    dport=dport, cc=S.pick("cc", COUNTRIES + ["China", "Russian Federation", "Brazil"]),
                    sid=nsid(), svc=svc)

    CATS_BLOCK = [(26, "Malicious Websites"), (61, "Phishing"), (59, "Proxy Avoidance"),
                  (20, "Games")]
    CATS_OK = [(52, "Information Technology"), (31, "Finance and Banking"),
               (36, "General Organizations"), (49, "Business")]
    WF = ('policyid=${pid} sessionid=${sid} srcip=${src} srcport=${sport} srcintf="port2" '
          'srcintfrole="lan" dstip=${dst} dstport=443 dstintf="wan1" dstintfrole="wan" proto=6 '
          'service="HTTPS" hostname="${host}" profile="default" action="%s" reqtype="direct" '
          'url="${url}" sentbyte=${sb} rcvdbyte=${rb} direction="outgoing" msg="URL belongs to %s '
          'category in policy" method="domain" cat=${cat} catdesc="${catdesc}"')

    def wf(cats):
        def mk(t):
            host = S.pick("host", WEB_HOSTS)
            cat, catdesc = S.pick("cat", cats)
            return dict(pid=S.pick("pid", [3, 7]), sid=nsid(), src=r.choice(LAN), sport=eph(r),
                        dst=pub_ip(r), host=host, url="https://%s%s" % (host, S.pick("path", WEB_PATHS)),
                        sb=r.randint(400, 3000), rb=r.randint(0, 9000), cat=cat, catdesc=catdesc)
        return mk

    ev("wf_block", WF % ("blocked", "a denied"), count=16, logid="0316013056", type="utm",
       sub="webfilter", etype="ftgd_blk", level="warning")(wf(CATS_BLOCK))
    ev("wf_pass", WF % ("passthrough", "an allowed"), count=24, logid="0317013312", type="utm",
       sub="webfilter", etype="ftgd_allow", level="notice")(wf(CATS_OK))

    ATTACKS = [("Apache.Log4j.Error.Log.Remote.Code.Execution", 51006, "critical", "applications3"),
               ("PHPUnit.Eval-stdin.PHP.Remote.Code.Execution", 44938, "critical", "web_app3"),
               ("WordPress.REST.API.Username.Enumeration", 46893, "medium", "web_app3"),
               ("Bash.Function.Definitions.Remote.Code.Execution", 39294, "critical", "os_unix"),
               ("Nmap.Script.Scanner", 42781, "low", "scanner")]

    @ev("ips", 'severity="${sev}" srcip=${src} srccountry="${cc}" dstip=${dst} srcintf="wan1" '
        'srcintfrole="wan" dstintf="port3" dstintfrole="dmz" sessionid=${sid} action="dropped" proto=6 '
        'service="HTTP" policyid=${pid} attack="${attack}" srcport=${sport} dstport=80 '
        'hostname="${host}" url="${url}" direction="outgoing" attackid=${aid} profile="dmz-web" '
        'ref="${ref}" incidentserialno=${inc} msg="${mcat}: ${attack}," crscore=50 craction=4096 '
        'crlevel="critical"', count=7, logid="0419016384", type="utm", sub="ips", etype="signature",
        level="alert")
    def _(t):
        attack, aid, sev, mcat = S.pick("attack", ATTACKS)
        return dict(sev=sev, src=pub_ip(r), cc=S.pick("cc", COUNTRIES), dst=S.pick("dst", ["172.16.20.11", "172.16.20.12"]),
                    sid=nsid(), pid=S.pick("pid", [21, 22]), attack=attack, sport=eph(r),
                    host=S.pick("host", ["www.acme-intl.com", "shop.acme-intl.com"]),
                    url=S.pick("url", ["/index.php", "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php",
                                       "/cgi-bin/status", "/wp-json/wp/v2/users"]),
                    aid=aid, ref="http://www.fortinet.com/ids/VID%d" % aid,
                    inc=r.randint(100000000, 999999999), mcat=mcat)

    VIRUS = [("EICAR_TEST_FILE", 2172, "eicar.com"), ("W32/Agent.AXRT!tr", 8123451, "invoice_0342.zip"),
             ("JS/Miner.BP!tr", 7340012, "jquery.min.js"), ("MSOffice/Agent.DKX!tr.dldr", 9921077, "Q1_report.docm")]

    @ev("virus", 'policyid=${pid} msg="File is infected." action="blocked" service="HTTP" '
        'sessionid=${sid} srcip=${src} dstip=${dst} srcport=${sport} dstport=80 srcintf="port2" '
        'srcintfrole="lan" dstintf="wan1" dstintfrole="wan" proto=6 direction="incoming" '
        'filename="${fname}" quarskip="File-was-not-quarantined" virus="${virus}" dtype="Virus" '
        'ref="${ref}" virusid=${vid} url="${url}" profile="default" agent="${agent}" '
        'analyticssubmit="false" crscore=50 craction=2 crlevel="critical"', count=4,
        logid="0211008192", type="utm", sub="virus", etype="infected", level="warning")
    def _(t):
        virus, vid, fname = S.pick("virus", VIRUS)
        host = S.pick("host", WEB_HOSTS)
        return dict(pid=S.pick("pid", [3, 7]), sid=nsid(), src=r.choice(LAN), dst=pub_ip(r),
                    sport=eph(r), fname=fname, virus=virus,
                    ref="http://www.fortinet.com/ve?vn=" + virus.replace("/", "%2F").replace("!", "%21"),
                    vid=vid, url="http://%s/dl/%s" % (host, fname), agent=S.pick("agent", USER_AGENTS))

    EVT = dict(type="event", sub="system")
    MGMT = ["10.10.0.1", "10.10.99.1"]

    @ev("adm_in", 'logdesc="Admin login successful" sn="${sn}" user="${user}" ui="https(${sip})" '
        'method="https" srcip=${sip} dstip=${dip} action="login" status="success" reason="none" '
        'profile="super_admin" msg="Administrator ${user} logged in successfully from https(${sip})"',
        count=6, logid="0100032001", level="information", **EVT)
    def _(t):
        return dict(sn=r.randint(1700000000, 1773400000), user=S.pick("user", ADMINS),
                    sip=S.pick("sip", ["10.10.5.14", "10.10.5.33", "10.10.7.2"]), dip=S.pick("dip", MGMT))

    @ev("adm_out", 'logdesc="Admin logout successful" sn="${sn}" user="${user}" ui="https(${sip})" '
        'method="https" srcip=${sip} dstip=${dip} action="logout" status="success" duration=${dur} '
        'reason="${why}" msg="Administrator ${user} logged out from https(${sip})"',
        count=5, logid="0100032003", level="information", **EVT)
    def _(t):
        return dict(sn=r.randint(1700000000, 1773400000), user=S.pick("user", ADMINS),
                    sip=S.pick("sip", ["10.10.5.14", "10.10.5.33", "10.10.7.2"]), dip=S.pick("dip", MGMT),
                    dur=r.randint(40, 5400), why=S.pick("why", ["exit", "timeout"]))

    @ev("adm_fail", 'logdesc="Admin login failed" sn="0" user="${user}" ui="ssh(${sip})" method="ssh" '
        'srcip=${sip} dstip=${dip} action="login" status="failed" reason="${reason}" '
        'msg="Administrator ${user} login failed from ssh(${sip}) because of ${why}"',
        count=8, logid="0100032002", level="alert", **EVT)
    def _(t):
        reason, why = S.pick("reason", [("name_invalid", "invalid user name"),
                                        ("passwd_invalid", "invalid password")])
        return dict(user=S.pick("user", ["root", "admin", "ubnt", "netops.rk", "support"]),
                    sip=pub_ip(r), dip=S.pick("dip", WANIP), reason=reason, why=why)

    CFG = [("firewall.policy", "12", "status[enable->disable]"),
           ("firewall.address", "srv-backup-02", "subnet[10.10.40.12 255.255.255.255->10.10.40.13 255.255.255.255]"),
           ("system.interface", "port5", "allowaccess[ping https->ping https ssh]"),
           ("router.static", "4", "gateway[198.51.100.1->198.51.100.254]"),
           ("firewall.policy", "7", "schedule[always->business-hours]")]

    @ev("cfg", 'logdesc="Object attribute configured" user="${user}" ui="GUI(${sip})" action="Edit" '
        'cfgtid=${tid} cfgpath="${path}" cfgobj="${obj}" cfgattr="${attr}" msg="Edit ${path} ${obj}"',
        count=6, logid="0100044547", level="information", **EVT)
    def _(t):
        path, obj, attr = S.pick("cfg", CFG)
        return dict(user=S.pick("user", ADMINS), sip=S.pick("sip", ["10.10.5.14", "10.10.5.33"]),
                    tid=r.randint(1000000, 99999999), path=path, obj=obj, attr=attr)

    @ev("perf", 'logdesc="System performance statistics" action="perf-stats" cpu=${cpu} mem=${mem} '
        'totalsession=${ts} disk="${disk}" bandwidth="${bw}" setuprate=${sr} disklograte=${dl} '
        'fazlograte=0 freediskstorage=${fd} sysuptime=${up} msg="Performance statistics: average '
        'CPU: ${cpu}, memory: ${mem}, concurrent sessions: ${ts}, setup-rate: ${sr}"',
        count=4, logid="0100040704", level="notice", **EVT)
    def _(t):
        return dict(cpu=r.randint(3, 41), mem=r.randint(38, 61), ts=r.randint(1200, 9800),
                    disk="%d/%d" % (r.randint(0, 3), r.randint(20, 60)),
                    bw="%d/%d" % (r.randint(800, 90000), r.randint(800, 90000)), sr=r.randint(8, 240),
                    dl=r.randint(0, 40), fd=r.randint(180000, 220000), up=r.randint(2000000, 9000000))

    DEV = 'devname="FGT-HQ-01" devid="FG100FTK22013547"'

    def header(t, key, v):
        m = S.meta[key]
        et = (' eventtype="%s"' % m["etype"]) if "etype" in m else ""
        return ('date=%04d-%02d-%02d time=%s %s eventtime=%d tz="+0000" logid="%s" type="%s" '
                'subtype="%s"%s level="%s" vd="root" ' % (YEAR, MONTH, DAY, hms(t), DEV, DAY0_NS + t,
                                                          m["logid"], m["type"], m["sub"], et, m["level"]))
    S.header = header
    S.header_re = re.compile(r'date=2026-03-14 time=\d{2}:\d{2}:\d{2} devname="FGT-HQ-01" '
                             r'devid="FG100FTK22013547" eventtime=(?P<ts>\d{19}) tz="\+0000" '
                             r'logid="\d{10}" type="(?:traffic|utm|event)" subtype="\w+"'
                             r'(?: eventtype="\w+")? level="\w+" vd="root" ')
    S.ts_key = lambda m: int(m.group("ts"))
    return S, shuffle_records(S, at(9, 13, 27) + r.randrange(NS), 2.1)


# ================================================================ 3. PaloAltoTraffic
def build_paloalto():
    S = Sys(3, "PaloAltoTraffic", "shuffle")
    r, ev = S.r, S.event
    DEVNAME = "pa-3220-edge"
    LAN = [lan_ip(r, "10.40") for _ in range(20)]
    NATIPS = ["203.0.113.40", "203.0.113.41"]
    seq = [r.randint(7200000000, 7300000000)]
    sid = [r.randint(100000, 900000)]

    def pan_time(t):
        return "%04d/%02d/%02d %s" % (YEAR, MONTH, DAY, hms(t))

    def common(t):
        gt = t - r.randint(0, 2) * NS
        seq[0] += r.randint(1, 40)
        sid[0] += r.randint(1, 300)
        return dict(gt=pan_time(gt), seq=seq[0], sid=sid[0], _gt=gt)

    def tpl(fields):
        return ",".join(fields)

    TAIL = ["0", "0", "0", "0", "", DEVNAME, "from-policy"]
    APPS = [("ssl", 443, "computer-and-internet-info"), ("web-browsing", 80, "news"),
            ("ms-office365-base", 443, "computer-and-internet-info"),
            ("github-base", 443, "computer-and-internet-info"), ("slack-base", 443, "business-and-economy")]
    RULES = ["allow-web-outbound", "allow-saas-apps", "allow-o365"]

    def users():
        return "corp\\" + S.pick("user", USERS)

    def outbound(t, reason_bytes):
        d = common(t)
        app, dport, cat = S.pick("app", APPS)
        el = reason_bytes()
        bs, br = r.randint(400, 30000), r.randint(200, 2000000)
        ps, pr = r.randint(4, 200), r.randint(3, 1800)
        d.update(src=r.choice(LAN), dst=pub_ip(r), nsrc=S.pick("nsrc", NATIPS), rule=S.pick("rule", RULES),
                 user=users(), app=app, sport=eph(r), dport=dport, nsport=r.randint(1024, 65535),
                 bytes=bs + br, bs=bs, br=br, pkts=ps + pr, ps=ps, pr=pr,
                 st=pan_time(d["_gt"] - el * NS), el=el, cat=cat, cc=S.pick("cc", COUNTRIES))
        return d

    def end_tpl(reason):
        return tpl(["TRAFFIC", "end", "2561", "${gt}", "${src}", "${dst}", "${nsrc}", "${dst}", "${rule}",
                    "${user}", "", "${app}", "vsys1", "trust", "untrust", "ethernet1/2", "ethernet1/1",
                    "log-fwd-siem", "${gt}", "${sid}", "1", "${sport}", "${dport}", "${nsport}", "${dport}",
                    "0x40001c", "tcp", "allow", "${bytes}", "${bs}", "${br}", "${pkts}", "${st}", "${el}",
                    "${cat}", "0", "${seq}", "0x0", "10.0.0.0-10.255.255.255", "${cc}", "0", "${ps}",
                    "${pr}", reason] + TAIL)

    ev("end_fin", end_tpl("tcp-fin"), count=90, level="informational")(
        lambda t: outbound(t, lambda: r.randint(1, 600)))
    ev("end_rst", end_tpl("tcp-rst-from-server"), count=12, level="informational")(
        lambda t: outbound(t, lambda: r.randint(0, 40)))

    @ev("end_aged", tpl(["TRAFFIC", "end", "2561", "${gt}", "${src}", "${dst}", "${nsrc}", "${dst}",
                         "allow-dns", "${user}", "", "dns", "vsys1", "trust", "untrust", "ethernet1/2",
                         "ethernet1/1", "log-fwd-siem", "${gt}", "${sid}", "1", "${sport}", "53", "${nsport}",
                         "53", "0x400019", "udp", "allow", "${bytes}", "${bs}", "${br}", "2", "${st}",
                         "${el}", "any", "0", "${seq}", "0x0", "10.0.0.0-10.255.255.255", "${cc}", "0", "1",
                         "1", "aged-out"] + TAIL), count=55, level="informational")
    def _(t):
        d = common(t)
        el = r.randint(0, 30)
        bs, br = r.randint(60, 95), r.randint(76, 520)
        d.update(src=r.choice(LAN), dst=S.pick("dst", ["203.0.113.53", "198.51.100.153", "192.0.2.53"]),
                 nsrc=S.pick("nsrc", NATIPS), user=users(), sport=r.randint(1024, 65535),
                 nsport=r.randint(1024, 65535), bytes=bs + br, bs=bs, br=br,
                 st=pan_time(d["_gt"] - el * NS), el=el, cc=S.pick("cc", COUNTRIES[:3]))
        return d

    @ev("start", tpl(["TRAFFIC", "start", "2561", "${gt}", "${src}", "${dst}", "${nsrc}", "${dst}",
                      "${rule}", "${user}", "", "${app}", "vsys1", "trust", "untrust", "ethernet1/2",
                      "ethernet1/1", "log-fwd-siem", "${gt}", "${sid}", "1", "${sport}", "${dport}",
                      "${nsport}", "${dport}", "0x400000", "tcp", "allow", "${bytes}", "${bs}", "${br}",
                      "${pkts}", "${gt}", "0", "${cat}", "0", "${seq}", "0x0", "10.0.0.0-10.255.255.255",
                      "${cc}", "0", "${ps}", "${pr}", "n/a"] + TAIL), count=25, level="informational")
    def _(t):
        d = outbound(t, lambda: 0)
        d["bs"], d["br"], d["ps"], d["pr"] = r.randint(74, 700), r.randint(66, 5000), r.randint(1, 4), r.randint(1, 5)
        d["bytes"], d["pkts"] = d["bs"] + d["br"], d["ps"] + d["pr"]
        del d["st"], d["el"]
        return d

    @ev("drop", tpl(["TRAFFIC", "drop", "2561", "${gt}", "${src}", "${dst}", "0.0.0.0", "0.0.0.0",
                     "interzone-default", "", "", "not-applicable", "vsys1", "untrust", "dmz", "ethernet1/1",
                     "", "log-fwd-siem", "${gt}", "0", "1", "${sport}", "${dport}", "0", "0", "0x0",
                     "${proto}", "deny", "${bytes}", "${bytes}", "0", "1", "${gt}", "0", "any", "0",
                     "${seq}", "0x0", "${cc}", "10.0.0.0-10.255.255.255", "0", "1", "0", "policy-deny"] + TAIL),
        count=35, level="informational")
    def _(t):
        d = common(t)
        del d["sid"]
        proto = S.pick("proto", ["tcp", "tcp", "udp"])
        d.update(src=pub_ip(r), dst=S.pick("dst", NATIPS + ["203.0.113.44"]), sport=eph(r),
                 dport=r.choice([22, 23, 445, 3389, 5060, 1433, 8080]) if proto == "tcp" else r.choice([161, 1900, 5060, 389]),
                 proto=proto, bytes=r.choice([54, 60, 62, 74, 78]) if proto == "tcp" else r.randint(60, 120),
                 cc=S.pick("cc", COUNTRIES + ["China", "Brazil"]))
        return d

    @ev("deny", tpl(["TRAFFIC", "deny", "2561", "${gt}", "${src}", "${dst}", "${nsrc}", "${dst}",
                     "block-quic", "${user}", "", "quic", "vsys1", "trust", "untrust", "ethernet1/2",
                     "ethernet1/1", "log-fwd-siem", "${gt}", "${sid}", "1", "${sport}", "443", "${nsport}",
                     "443", "0x400064", "udp", "deny", "${bytes}", "${bytes}", "0", "1", "${gt}", "0", "any",
                     "0", "${seq}", "0x0", "10.0.0.0-10.255.255.255", "${cc}", "0", "1", "0",
                     "policy-deny"] + TAIL), count=9, level="informational")
    def _(t):
        d = common(t)
        d.update(src=r.choice(LAN), dst=pub_ip(r), nsrc=S.pick("nsrc", NATIPS), user=users(),
                 sport=eph(r), nsport=r.randint(1024, 65535), bytes=r.choice([1292, 1350, 1357, 1252]),
                 cc=S.pick("cc", COUNTRIES))
        return d

    THREAT_TAIL = ["0", "0", "0", "0", "", DEVNAME]

    def url_tpl(action, app, port, flags):
        return tpl(["THREAT", "url", "2561", "${gt}", "${src}", "${dst}", "${nsrc}", "${dst}", "${rule}",
                    "${user}", "", app, "vsys1", "trust", "untrust", "ethernet1/2", "ethernet1/1",
                    "log-fwd-siem", "${gt}", "${sid}", "1", "${sport}", port, "${nsport}", port, flags,
                    "tcp", action, '"${url}"', "(9999)", "${cat}", "informational", "client-to-server",
                    "${seq}", "0x8000000000000000", "10.0.0.0-10.255.255.255", "${cc}", "0", "text/html",
                    "0", "", "", "${uidx}", '"${ua}"', "", "", "", "", "", ""] + THREAT_TAIL)

    def url_mk(cats):
        def mk(t):
            d = common(t)
            d.update(src=r.choice(LAN), dst=pub_ip(r), nsrc=S.pick("nsrc", NATIPS), rule=S.pick("rule", RULES),
                     user=users(), sport=eph(r), nsport=r.randint(1024, 65535),
                     url=S.pick("host", WEB_HOSTS) + S.pick("path", WEB_PATHS), cat=S.pick("cat", cats),
                     cc=S.pick("cc", COUNTRIES), uidx=r.randint(1, 12), ua=S.pick("ua", USER_AGENTS))
            return d
        return mk

    ev("url_alert", url_tpl("alert", "web-browsing", "80", "0x40b000"), count=22, level="informational")(
        url_mk(["news", "computer-and-internet-info", "shopping", "business-and-economy"]))
    ev("url_block", url_tpl("block-url", "ssl", "443", "0x40b400"), count=14, level="informational")(
        url_mk(["malware", "phishing", "gambling", "proxy-avoidance-and-anonymizers"]))

    VULNS = [("Apache Log4j Remote Code Execution Vulnerability(91991)", "critical", "/api/login"),
             ("HTTP Directory Traversal Vulnerability(30844)", "medium", "/static/../../etc/passwd"),
             ("PHPUnit Remote Code Execution Vulnerability(54708)", "high", "eval-stdin.php"),
             ("Microsoft Exchange Server SSRF Vulnerability(90443)", "critical", "autodiscover.json")]

    @ev("vuln", tpl(["THREAT", "vulnerability", "2561", "${gt}", "${src}", "${dst}", "0.0.0.0", "${ndst}",
                     "allow-dmz-web", "", "", "web-browsing", "vsys1", "untrust", "dmz", "ethernet1/1",
                     "ethernet1/3", "log-fwd-siem", "${gt}", "${sid}", "1", "${sport}", "${dport}", "0",
                     "${dport}", "0x80402000", "tcp", "reset-both", '"${file}"', "${threat}", "any", "${sev}",
                     "client-to-server", "${seq}", "0x8000000000000000", "${cc}", "10.0.0.0-10.255.255.255",
                     "0", "", "${pcap}", "", "", "0", "", "", "", "", "", "", ""] + THREAT_TAIL),
        count=6, level="critical")
    def _(t):
        d = common(t)
        threat, sev, f = S.pick("threat", VULNS)
        srv, ndst = S.pick("srv", [("172.16.30.10", "203.0.113.45"), ("172.16.30.11", "203.0.113.46")])
        d.update(src=pub_ip(r), dst=srv, ndst=ndst, sport=eph(r), dport=S.pick("dport", [443, 80]),
                 file=f, threat=threat, sev=sev, cc=S.pick("cc", ["China", "Netherlands", "Russian Federation"]),
                 pcap=r.randint(1200, 9000))
        return d

    SPY = [("Malware DNS query: cdn-upd4te.net(109010003)", "medium"),
           ("Command and Control DNS query: x9k2-relay.org(109010211)", "high"),
           ("Grayware DNS query: fastdl-tracker.info(109010145)", "low")]

    @ev("spyware", tpl(["THREAT", "spyware", "2561", "${gt}", "${src}", "${dst}", "${nsrc}", "${dst}",
                        "allow-dns", "${user}", "", "dns", "vsys1", "trust", "untrust", "ethernet1/2",
                        "ethernet1/1", "log-fwd-siem", "${gt}", "${sid}", "1", "${sport}", "53", "${nsport}",
                        "53", "0x402000", "udp", "sinkhole", '""', "${threat}", "any", "${sev}",
                        "client-to-server", "${seq}", "0x2000", "10.0.0.0-10.255.255.255", "${cc}", "0", "",
                        "0", "", "", "0", "", "", "", "", "", "", ""] + THREAT_TAIL), count=8, level="high")
    def _(t):
        d = common(t)
        threat, sev = S.pick("threat", SPY)
        d.update(src=r.choice(LAN), dst=S.pick("dst", ["203.0.113.53", "198.51.100.153"]),
                 nsrc=S.pick("nsrc", NATIPS), user=users(), sport=r.randint(1024, 65535),
                 nsport=r.randint(1024, 65535), threat=threat, sev=sev, cc=S.pick("cc", COUNTRIES[:2]))
        return d

    SYS_TAIL = ["${seq}", "0x0", "0", "0", "0", "0", "", DEVNAME]
    AUTH = [("corp-ldap", "ldap-dc01", "10.40.0.11"), ("corp-radius", "radius-nps02", "10.40.0.12")]

    def sysmk(extra):
        def mk(t):
            d = common(t)
            del d["sid"]
            d.update(extra())
            return d
        return mk

    def auth_extra():
        prof, srv, sip = S.pick("auth", AUTH)
        return dict(prof=prof, srv=srv, sip=sip, user=S.pick("user", ADMINS + USERS[:3]),
                    frm=S.pick("from", ["10.40.2.17", "10.40.9.120", "10.40.2.44"]))

    ev("auth_ok", tpl(["SYSTEM", "auth", "0", "${gt}", "", "auth-success", "${prof}", "0", "0", "general",
                       "informational", "\"authenticated for user '${user}'.   auth profile '${prof}', vsys "
                       "'shared', server profile '${srv}', server address '${sip}', From: ${frm}.\""] + SYS_TAIL),
       count=7, level="informational")(sysmk(auth_extra))

    def fail_extra():
        d = auth_extra()
        d["reason"] = S.pick("reason", ["Invalid username or password", "Authentication request timed out",
                                        "User is not in allowlist"])
        return d

    ev("auth_fail", tpl(["SYSTEM", "auth", "0", "${gt}", "", "auth-fail", "${prof}", "0", "0", "general",
                         "medium", "\"failed authentication for user '${user}'.   Reason: ${reason} auth "
                         "profile '${prof}', vsys 'shared', server profile '${srv}', server address '${sip}', "
                         "From: ${frm}.\""] + SYS_TAIL), count=5, level="medium")(sysmk(fail_extra))

    def login_extra():
        via, proto = S.pick("via", [("Web", "https"), ("CLI", "ssh")])
        return dict(user=S.pick("user", ADMINS), via=via, proto=proto,
                    frm=S.pick("from", ["10.40.2.17", "10.40.9.120", "10.40.2.44"]))

    ev("login", tpl(["SYSTEM", "general", "0", "${gt}", "", "general", "", "0", "0", "general",
                     "informational", '"User ${user} logged in via ${via} from ${frm} using ${proto}"']
                    + SYS_TAIL), count=7, level="informational")(sysmk(login_extra))

    def logout_extra():
        d = login_extra()
        del d["proto"]
        return d

    ev("logout", tpl(["SYSTEM", "general", "0", "${gt}", "", "general", "", "0", "0", "general",
                      "informational", '"User ${user} logged out via ${via} from ${frm}"'] + SYS_TAIL),
       count=5, level="informational")(sysmk(logout_extra))

    S.header = lambda t, key, v: "%s %02d %s %s 1,%04d/%02d/%02d %s,013201012345," % (
        MONTHS[MONTH - 1], DAY, hms(t), DEVNAME, YEAR, MONTH, DAY, hms(t))
    S.header_re = re.compile(r"(?P<ts>Mar 14 \d{2}:\d{2}:\d{2}) pa-3220-edge "
                             r"1,2026/03/14 (?P<rt>\d{2}:\d{2}:\d{2}),013201012345,")
    S.ts_key = lambda m: (m.group("ts"), m.group("rt"))
    return S, shuffle_records(S, at(10, 5, 48) + r.randrange(NS), 1.4)


# ================================================================ 4. SophosUtm
def build_sophos():
    S = Sys(4, "SophosUtm", "shuffle")
    r, ev = S.r, S.event
    PIDS = {"ulogd": 4721, "httpproxy": 5123, "snort": 3311, "aua": 2988, "pluto": 6017}
    LAN = [lan_ip(r, "192.168") for _ in range(18)]
    LAN_MAC = [mac(r, "3c:52:82") for _ in range(6)] + [mac(r, "f4:8e:38") for _ in range(6)]
    WAN = [("eth1", "00:1a:8c:f0:3e:11", "00:0d:b9:4a:72:01", "198.51.100.70"),
           ("eth2", "00:1a:8c:f0:3e:12", "00:25:90:c1:08:aa", "203.0.113.70")]

    PF = ('id="%s" severity="info" sys="SecureNet" sub="packetfilter" name="%s" action="%s" ')

    def pf_in(t):
        iface, mymac, rmac, myip = S.pick("wan", WAN)
        return dict(fwrule="60001", initf=iface, smac=rmac, dmac=mymac, sip=pub_ip(r), dip=myip,
                    ttl=r.choice([45, 47, 49, 52, 54, 116, 241]), sport=eph(r))

    @ev("drop_tcp", PF % ("2001", "Packet dropped", "drop") +
        'fwrule="60001" initf="${initf}" srcmac="${smac}" dstmac="${dmac}" srcip="${sip}" dstip="${dip}" '
        'proto="6" length="${len}" tos="0x00" prec="0x00" ttl="${ttl}" srcport="${sport}" '
        'dstport="${dport}" tcpflags="${flags}"', count=70, proc="ulogd")
    def _(t):
        d = pf_in(t)
        del d["fwrule"]
        d.update(len=S.pick("len", ["40", "44", "52", "60"]),
                 dport=r.choice([22, 23, 80, 443, 445, 3389, 8080, 8443, 5900, 2323]),
                 flags=S.pick("flags", ["SYN", "SYN", "ACK RST", "FIN ACK"]))
        return d

    @ev("drop_udp", PF % ("2001", "Packet dropped", "drop") +
        'fwrule="60001" initf="${initf}" srcmac="${smac}" dstmac="${dmac}" srcip="${sip}" dstip="${dip}" '
        'proto="17" length="${len}" tos="0x00" prec="0x00" ttl="${ttl}" srcport="${sport}" '
        'dstport="${dport}"', count=30, proc="ulogd")
    def _(t):
        d = pf_in(t)
        del d["fwrule"]
        d.update(len=r.randint(33, 480), dport=r.choice([53, 123, 161, 1900, 5060, 11211, 500]))
        return d

    @ev("accept", PF % ("2002", "Packet accepted", "accept") +
        'fwrule="${rule}" initf="eth0" outitf="${outitf}" srcmac="${smac}" dstmac="00:1a:8c:f0:3e:10" '
        'srcip="${sip}" dstip="${dip}" proto="6" length="${len}" tos="0x00" prec="0x00" ttl="${ttl}" '
        'srcport="${sport}" dstport="${dport}" tcpflags="SYN"', count=20, proc="ulogd")
    def _(t):
        return dict(rule=S.pick("rule", ["7", "11", "14"]), outitf=S.pick("out", ["eth1", "eth2"]),
                    smac=r.choice(LAN_MAC), sip=r.choice(LAN), dip=pub_ip(r), len=S.pick("len", [60, 52]),
                    ttl=r.choice([63, 127]), sport=eph(r), dport=r.choice([25, 587, 993, 22, 3389, 5222]))

    PROF = ('profile="REF_HttProContaInterNetwo (Web Filter Profile)" '
            'filteraction="REF_HttCffStaffFilter (Staff content filter)" ')
    CATS = [("105", "trusted", "Business"), ("178", "neutral", "Internet Services"),
            ("153", "trusted", "News"), ("124", "neutral", "Software/Hardware"),
            ("171", "trusted", "Web Ads"), ("130", "neutral", "Finance")]
    BAD_CATS = [("159", "suspicious", "Spyware/Adware"), ("145", "untrusted", "Phishing"),
                ("175", "neutral", "Gambling"), ("157", "neutral", "Anonymizing Utilities")]

    def web(t, cats, anon=False):
        host = S.pick("host", WEB_HOSTS)
        catid, rep, catname = S.pick("cat", cats)
        d = dict(method=S.pick("method", ["GET", "GET", "POST", "CONNECT"]), sip=r.choice(LAN), dip=pub_ip(r),
                 size=r.randint(0, 2500000), req="0x%x" % r.randrange(0x7f00000000, 0x7fffffffff),
                 url="https://%s%s" % (host, S.pick("path", WEB_PATHS)),
                 at=r.randint(0, 40), dt=r.randint(0, 900), ct=r.randint(0, 400), avt=r.randint(0, 9000),
                 frt=r.randint(2000, 900000), ua=S.pick("ua", USER_AGENTS), catid=catid, rep=rep,
                 catname=catname)
        if not anon:
            d.update(user=S.pick("user", USERS), group=S.pick("group", ["Domain Users", "Sales-Staff", "Engineering"]))
        return d

    HTTP_OK = ('id="0001" severity="info" sys="SecureWeb" sub="http" name="http access" action="pass" '
               'method="${method}" srcip="${sip}" dstip="${dip}" ')

    @ev("http_pass", HTTP_OK + 'user="${user}" group="${group}" ad_domain="CORP" statuscode="${code}" '
        'cached="0" ' + PROF + 'size="${size}" request="${req}" url="${url}" referer="${ref}" error="" '
        'authtime="${at}" dnstime="${dt}" aptptime="0" cattime="${ct}" avscantime="${avt}" '
        'fullreqtime="${frt}" device="0" auth="2" ua="${ua}" exceptions="" category="${catid}" '
        'reputation="${rep}" categoryname="${catname}" content-type="${ctype}"', count=75, proc="httpproxy")
    def _(t):
        d = web(t, CATS)
        d.update(code=S.pick("code", ["200", "200", "200", "304", "204", "302"]),
                 ref="https://%s/" % S.pick("ref", WEB_HOSTS),
                 ctype=S.pick("ctype", ["text/html", "application/json", "image/png",
                                        "application/javascript", "application/octet-stream"]))
        return d

    @ev("http_anon", HTTP_OK + 'user="" group="" statuscode="${code}" cached="0" ' + PROF +
        'size="${size}" request="${req}" url="${url}" referer="" error="" authtime="0" dnstime="${dt}" '
        'aptptime="0" cattime="${ct}" avscantime="${avt}" fullreqtime="${frt}" device="0" auth="0" '
        'ua="${ua}" exceptions="" category="${catid}" reputation="${rep}" categoryname="${catname}" '
        'content-type="${ctype}"', count=25, proc="httpproxy")
    def _(t):
        d = web(t, CATS, anon=True)
        del d["at"]
        d.update(code=S.pick("code", ["200", "200", "304", "404"]),
                 ctype=S.pick("ctype", ["application/octet-stream", "application/pkix-crl", "text/plain"]))
        return d

    BLOCK = ('id="0002" severity="info" sys="SecureWeb" sub="http" name="web request blocked" '
             'action="block" method="${method}" srcip="${sip}" dstip="${dip}" user="${user}" '
             'group="${group}" ad_domain="CORP" statuscode="403" cached="0" ' + PROF +
             'size="${size}" request="${req}" url="${url}" referer="" error="" authtime="${at}" '
             'dnstime="${dt}" aptptime="0" cattime="${ct}" avscantime="%s" fullreqtime="${frt}" '
             'device="0" auth="2" ua="${ua}" exceptions="" category="${catid}" reputation="${rep}" '
             'categoryname="${catname}" reason="%s"')

    @ev("block_cat", BLOCK % ("0", "category"), count=15, proc="httpproxy")
    def _(t):
        d = web(t, BAD_CATS)
        del d["avt"]
        d["size"] = r.randint(2800, 3400)
        return d

    @ev("block_virus", BLOCK % ("${avt}", "virus") + ' virus="${virus}"', count=4, proc="httpproxy")
    def _(t):
        d = web(t, CATS)
        d["virus"] = S.pick("virus", ["EICAR-AV-Test", "Troj/DocDl-AFQX", "Mal/Generic-S", "JS/Miner-ABC"])
        return d

    @ev("http_err", HTTP_OK + 'user="${user}" group="${group}" ad_domain="CORP" statuscode="${code}" '
        'cached="0" ' + PROF + 'size="${size}" request="${req}" url="${url}" referer="" error="${err}" '
        'authtime="${at}" dnstime="${dt}" aptptime="0" cattime="${ct}" avscantime="0" '
        'fullreqtime="${frt}" device="0" auth="2" ua="${ua}" exceptions="" category="${catid}" '
        'reputation="${rep}" categoryname="${catname}"', count=9, proc="httpproxy")
    def _(t):
        d = web(t, CATS)
        del d["avt"]
        d.update(code=S.pick("code", ["502", "504", "503"]), size=r.randint(1500, 2900),
                 err=S.pick("err", ["Connection refused", "Read timeout", "Host not found",
                                    "SSL handshake with server failed: certificate has expired"]))
        return d

    SIGS = [("SERVER-WEBAPP Apache Struts remote code execution attempt", "410", "1:43102", "Attempted Administrator Privilege Gain", "1"),
            ("SERVER-OTHER Apache Log4j logging remote code execution attempt", "400", "1:58722", "Attempted User Privilege Gain", "1"),
            ("SERVER-WEBAPP PHPUnit eval-stdin.php remote code execution attempt", "410", "1:45267", "Web Application Attack", "1"),
            ("POLICY-OTHER SSH brute force login attempt", "150", "1:19559", "Misc activity", "3"),
            ("SERVER-WEBAPP directory traversal attempt", "410", "1:1113", "Attempted Information Leak", "2")]

    def ips(t):
        sig, grp, sid, cls, pri = S.pick("sig", SIGS)
        return dict(sig=sig, grp=grp, sip=pub_ip(r), dip=S.pick("dip", ["192.168.50.10", "192.168.50.11"]),
                    sport=eph(r), dport=S.pick("dport", [80, 443, 22]), sid=sid.split(":")[1], cls=cls, pri=pri)

    IPS = ('id="2101" severity="warn" sys="SecureNet" sub="ips" name="Intrusion protection alert" '
           'action="%s" reason="${sig}" group="${grp}" srcip="${sip}" dstip="${dip}" proto="6" '
           'srcport="${sport}" dstport="${dport}" sid="${sid}" class="${cls}" priority="${pri}" '
           'generator="1" msgid="0"')
    ev("ips_drop", IPS % "drop", count=8, proc="snort")(ips)
    ev("ips_alert", IPS % "alert", count=6, proc="snort")(ips)

    @ev("auth_ok", 'id="3004" severity="info" sys="System" sub="auth" name="Authentication successful" '
        'srcip="${sip}" host="" user="${user}" caller="${caller}" engine="${engine}"', count=10, proc="aua")
    def _(t):
        return dict(sip=r.choice(LAN + ["203.0.113.201", "198.51.100.144"]), user=S.pick("user", USERS),
                    caller=S.pick("caller", ["portal", "webadmin", "openvpn", "http"]),
                    engine=S.pick("engine", ["adirectory", "local"]))

    @ev("auth_fail", 'id="3005" severity="warn" sys="System" sub="auth" name="Authentication failed" '
        'srcip="${sip}" host="" user="${user}" caller="${caller}" reason="${reason}"', count=7, proc="aua")
    def _(t):
        return dict(sip=r.choice(LAN + [pub_ip(r)]), user=S.pick("user", USERS[:5] + ["administrator", "test"]),
                    caller=S.pick("caller", ["portal", "openvpn", "webadmin"]),
                    reason=S.pick("reason", ["DENIED", "wrong password", "user not found"]))

    CONNS = ["S_Branch-Lyon_0", "S_Branch-Graz_0", "S_DC-Backup_1", "S_Partner-Acme_0"]
    state = [r.randint(1800, 2600)]

    def st():
        state[0] += r.randint(1, 6)
        return state[0]

    @ev("ipsec_up", '"${conn}" #${st}: IPsec SA established tunnel mode {ESP=>${spo} <${spi} '
        'xfrm=AES_256-HMAC_SHA2_256 NATOA=none NATD=none DPD=active}', count=8, proc="pluto")
    def _(t):
        return dict(conn=S.pick("conn", CONNS), st=st(), spo="0x" + hexs(r, 8), spi="0x" + hexs(r, 8))

    @ev("isakmp_up", '"${conn}" #${st}: ISAKMP SA established {auth=OAKLEY_PRESHARED_KEY '
        'cipher=oakley_aes_cbc_256 prf=oakley_sha2_256 group=modp2048}', count=6, proc="pluto")
    def _(t):
        return dict(conn=S.pick("conn", CONNS), st=st())

    @ev("deleting", '"${conn}" #${st}: deleting state (${state})', count=7, proc="pluto")
    def _(t):
        return dict(conn=S.pick("conn", CONNS), st=st(),
                    state=S.pick("state", ["STATE_QUICK_I2", "STATE_MAIN_I4", "STATE_QUICK_R2", "STATE_MAIN_R3"]))

    S.header = lambda t, key, v: "%04d:%02d:%02d-%s utm-hq-1 %s[%d]: " % (
        YEAR, MONTH, DAY, hms(t), S.meta[key]["proc"], PIDS[S.meta[key]["proc"]])
    S.header_re = re.compile(r"(?P<ts>2026:03:14-\d{2}:\d{2}:\d{2}) utm-hq-1 "
                             r"(?:ulogd|httpproxy|snort|aua|pluto)\[\d+\]: ")
    S.ts_key = lambda m: m.group("ts")
    return S, shuffle_records(S, at(11, 27, 3) + r.randrange(NS), 2.6)


# ================================================================ 5. SonicWall
def build_sonicwall():
    S = Sys(5, "SonicWall", "simulation")
    r, ev = S.r, S.event
    ROUTER = "00:1a:8c:4e:22:01"
    ev("tcp_open", 'msg="Connection Opened" app=${app} appName="${appn}" n=${n} src=${sip}:${sport}:X0 '
       'dst=${dip}:${dport}:X1 srcMac=${smac} dstMac=' + ROUTER + ' proto=tcp/${svc} fw_action="NA"',
       pri=6, c=262144, m=98)
    ev("tcp_close", 'msg="Connection Closed" app=${app} appName="${appn}" n=${n} src=${sip}:${sport}:X0 '
       'dst=${dip}:${dport}:X1 srcMac=${smac} dstMac=' + ROUTER + ' proto=tcp/${svc} sent=${sent} '
       'rcvd=${rcvd} spkt=${spkt} rpkt=${rpkt} cdur=${cdur} fw_action="NA"', pri=6, c=1024, m=537)
    ev("udp_open", 'msg="Connection Opened" app=${app} appName="${appn}" n=${n} src=${sip}:${sport}:X0 '
       'dst=${dip}:${dport}:X1 srcMac=${smac} dstMac=' + ROUTER + ' proto=udp/${svc} fw_action="NA"',
       pri=6, c=262144, m=98)
    ev("udp_close", 'msg="Connection Closed" app=${app} appName="${appn}" n=${n} src=${sip}:${sport}:X0 '
       'dst=${dip}:${dport}:X1 srcMac=${smac} dstMac=' + ROUTER + ' proto=udp/${svc} sent=${sent} '
       'rcvd=${rcvd} spkt=${spkt} rpkt=${rpkt} cdur=${cdur} fw_action="NA"', pri=6, c=1024, m=537)
    ev("stray", 'msg="TCP packet received on non-existent/closed connection; TCP packet dropped" n=${n} '
       'src=${sip}:${sport}:X1 dst=${dip}:${dport}:X1 srcMac=' + ROUTER + ' dstMac=c0:ea:e4:5b:0d:22 '
       'proto=tcp/${svc} note="TCP Flag(s): ${flags}" fw_action="drop"', pri=6, c=1024, m=36)
    ev("web_hit", 'msg="Web site hit" app=${app} appName="${appn}" n=${n} src=${sip}:${sport}:X0 '
       'dst=${dip}:${dport}:X1 srcMac=${smac} dstMac=' + ROUTER + ' proto=tcp/${svc} dstname=${host} '
       'arg=${path} code=${code} Category="${cat}" fw_action="NA"', pri=6, c=1024, m=97)
    ev("web_deny", 'msg="Web site access denied" n=${n} src=${sip}:${sport}:X0 dst=${dip}:${dport}:X1 '
       'srcMac=${smac} dstMac=' + ROUTER + ' proto=tcp/${svc} dstname=${host} arg=${path} code=${code} '
       'Category="${cat}" fw_action="drop"', pri=4, c=1024, m=14)
    ev("port_scan", 'msg="Probable port scan detected" n=${n} src=${sip}:${sport}:X1 dst=${dip}:${dport}:X1 '
       'srcMac=' + ROUTER + ' dstMac=c0:ea:e4:5b:0d:22 proto=tcp/${svc} note="TCP scanned port list, '
       '${ports}" fw_action="NA"', pri=1, c=32, m=83)
    ev("ips_detect", 'msg="IPS Detection Alert: ${sig}" sid=${sid} ipscat=${cat} ipspri=${ipri} n=${n} '
       'src=${sip}:${sport}:X1 dst=${dip}:${dport}:X2 srcMac=' + ROUTER + ' dstMac=${dmac} '
       'proto=tcp/${svc} fw_action="NA"', pri=1, c=32, m=608)
    ev("ips_prevent", 'msg="IPS Prevention Alert: ${sig}" sid=${sid} ipscat=${cat} ipspri=${ipri} n=${n} '
       'src=${sip}:${sport}:X1 dst=${dip}:${dport}:X2 srcMac=' + ROUTER + ' dstMac=${dmac} '
       'proto=tcp/${svc} fw_action="drop"', pri=1, c=32, m=609)
    ev("admin_ok", 'msg="Administrator login allowed" n=${n} usr="${user}" src=${sip}:${sport}:X0 '
       'dst=10.30.0.1:443:X0 srcMac=${smac} dstMac=c0:ea:e4:5b:0d:21 proto=tcp/https fw_action="NA"',
       pri=5, c=32768, m=29)
    ev("admin_bad", 'msg="Administrator login denied due to bad credentials" n=${n} usr="${user}" '
       'src=${sip}:${sport}:X0 dst=10.30.0.1:443:X0 srcMac=${smac} dstMac=c0:ea:e4:5b:0d:21 '
       'proto=tcp/https fw_action="NA"', pri=1, c=32768, m=30)
    ev("admin_out", 'msg="Administrator logged out - ${why}" n=${n} usr="${user}" src=${sip}:${sport}:X0 '
       'dst=10.30.0.1:443:X0 proto=tcp/https fw_action="NA"', pri=5, c=32768, m=261)
    ev("vpn_in", 'msg="SSL VPN zone remote user login allowed" n=${n} usr="${user}" src=${sip}:${sport}:X1 '
       'dst=198.51.100.60:4433:X1 proto=tcp/4433 fw_action="NA"', pri=6, c=2048, m=1080)
    ev("vpn_out", 'msg="User logged out - ${why}" n=${n} usr="${user}" src=${sip}::X1 '
       'dst=198.51.100.60::X1 note="Session time ${note}" fw_action="NA"', pri=6, c=2048, m=1079)

    SN = "C0EAE45B0D20"
    S.header = lambda t, key, v: 'id=firewall sn=%s time="%04d-%02d-%02d %s UTC" fw=198.51.100.60 ' \
        'pri=%d c=%d m=%d ' % (SN, YEAR, MONTH, DAY, hms(t), S.meta[key]["pri"], S.meta[key]["c"],
                               S.meta[key]["m"])
    S.header_re = re.compile(r'id=firewall sn=[0-9A-F]{12} time="(?P<ts>2026-03-14 \d{2}:\d{2}:\d{2}) UTC" '
                             r'fw=198\.51\.100\.60 pri=[0-7] c=\d+ m=\d+ ')
    S.ts_key = lambda m: m.group("ts")

    gap = gapper(r)
    recs = []

    def add(t, key, **v):
        v["n"] = N(S.meta[key]["m"])
        recs.append((t, len(recs), key, v))

    nctr = {}
    for key in S.order:
        nctr.setdefault(S.meta[key]["m"], r.randint(20000, 2400000) if S.meta[key]["m"] in (98, 537, 97, 36)
                        else r.randint(10, 4000))

    def N(m):
        def f():
            nctr[m] += 1
            return nctr[m]
        return f

    T0 = at(8, 55, 31) + r.randrange(NS)
    HOR = T0 + 3600 * NS
    HOSTS = [(lan_ip(r, "10.30"), mac(r, r.choice(["00:50:56", "3c:52:82", "f4:8e:38", "a4:83:e7"])))
             for _ in range(16)]
    TCP_APPS = [((443, "https", 49201, "General HTTPS"), 7), ((80, "http", 49177, "General HTTP"), 3),
                ((443, "https", 1463, "Microsoft Office 365"), 2), ((443, "https", 5712, "Zoom Meetings"), 1),
                ((8080, "8080", 49160, "General TCP"), 1)]
    UDP_APPS = [((53, "dns", 49175, "General DNS"), 8), ((123, "ntp", 49188, "General NTP"), 2)]
    RESOLVERS = ["203.0.113.53", "198.51.100.153"]
    CATS_OK = ["Information Technology/Computers", "News and Media", "Business and Economy",
               "Search Engines and Portals", "Shopping"]
    CATS_BAD = ["Malware", "Gambling", "Proxy Avoidance", "Adult/Mature Content"]

    t = T0
    while t < HOR:
        t += gap(7.5)
        sip, smac = r.choice(HOSTS)
        sport = eph(r)
        if r.random() < 0.3:
            dport, svc, app, appn = wchoice(r, UDP_APPS)
            dip = r.choice(RESOLVERS) if dport == 53 else pub_ip(r)
            base = dict(app=app, appn=appn, sip=sip, sport=sport, dip=dip, dport=dport, smac=smac, svc=svc)
            add(t, "udp_open", **base)
            life = gap(0.08) if dport == 53 else 30 * NS + gap(2)
            spkt = r.choice([1, 1, 1, 2]) if dport == 53 else r.randint(1, 4)
            rpkt = spkt if dport == 53 else r.randint(1, spkt)
            add(t + life, "udp_close", sent=spkt * r.randint(60, 96), rcvd=rpkt * r.randint(76, 540), spkt=spkt,
                rpkt=rpkt, cdur=max(1, life // 10 ** 6), **base)
            continue
        dport, svc, app, appn = wchoice(r, TCP_APPS)
        dip = pub_ip(r)
        base = dict(app=app, appn=appn, sip=sip, sport=sport, dip=dip, dport=dport, smac=smac, svc=svc)
        add(t, "tcp_open", **base)
        u = r.random()
        host = r.choice(WEB_HOSTS)
        if (dport == 80 and u < 0.2) or (dport == 443 and u < 0.04):
            add(t + r.randint(20, 90) * 10 ** 6, "web_deny", sip=sip, sport=sport, dip=dip, dport=dport,
                smac=smac, svc=svc, host=host, path=r.choice(WEB_PATHS), code=S.cyc(("web_deny", "code"), [64, 67, 3, 59]),
                cat=S.cyc(("web_deny", "cat"), CATS_BAD))
            life = r.randint(100, 600) * 10 ** 6
        else:
            if dport == 80 or (dport == 443 and u < 0.2):
                add(t + r.randint(20, 90) * 10 ** 6, "web_hit", host=host, path=r.choice(WEB_PATHS),
                    code=S.cyc(("web_hit", "code"), [27, 12, 4, 40, 28]), cat=S.cyc(("web_hit", "cat"), CATS_OK),
                    **base)
            life = gap(30)
        sp, rp = r.randint(4, 300), r.randint(3, 2400)
        add(t + life, "tcp_close", sent=sp * r.randint(60, 900), rcvd=rp * r.randint(60, 1400), spkt=sp,
            rpkt=rp, cdur=max(1, life // 10 ** 6), **base)
        if r.random() < (0.3 if dport == 80 else 0.08):
            add(t + life + gap(3), "stray", sip=dip, sport=dport,
                dip=S.cyc(("stray", "dip"), ["198.51.100.60", "198.51.100.61"]), dport=r.randint(1024, 65535),
                svc=svc, flags=S.cyc(("stray", "flags"), ["ACK", "FIN ACK", "RST ACK", "PSH ACK"]))

    SCAN_PORTS = [22, 23, 25, 53, 80, 110, 135, 139, 143, 443, 445, 1433, 3306, 3389, 5900, 8080, 8443]
    t = T0
    while t < HOR:
        t += gap(170)
        ports = sorted(r.sample(SCAN_PORTS, r.randint(5, 8)))
        add(t, "port_scan", sip=pub_ip(r), sport=eph(r), dip=S.cyc(("port_scan", "dip"), ["198.51.100.60", "198.51.100.61"]),
            dport=ports[-1], svc=str(ports[-1]), ports=", ".join(str(p) for p in ports))

    SIGS = [("WEB-ATTACKS Apache Log4j Remote Code Execution 1", 15942, "WEB-ATTACKS", 1),
            ("SCAN Nmap HTTP NSE Scripting Engine", 9144, "SCAN", 3),
            ("WEB-ATTACKS Generic Path Traversal Attack 7", 4012, "WEB-ATTACKS", 2),
            ("WEB-APPS WordPress XML-RPC pingback abuse", 11023, "WEB-APPS", 3)]
    DMZ = [("172.16.30.10", "00:50:56:9a:11:0c"), ("172.16.30.11", "00:50:56:9a:11:0d")]
    t = T0
    while t < HOR:
        t += gap(95)
        key = "ips_prevent" if r.random() < 0.5 else "ips_detect"
        sig, sid, cat, ipri = S.cyc((key, "sig"), SIGS)
        dip, dmac = S.cyc((key, "dmz"), DMZ)
        dport, svc = S.cyc((key, "svc"), [(80, "http"), (443, "https")])
        add(t, key, sig=sig, sid=sid, cat=cat, ipri=ipri, sip=pub_ip(r), sport=eph(r), dip=dip, dport=dport,
            dmac=dmac, svc=svc)

    ADM = [("10.30.1.25", "3c:52:82:1f:0a:7e"), ("10.30.1.31", "a4:83:e7:52:19:c4"),
           ("10.30.4.12", "00:50:56:b2:44:01")]
    t = T0
    while t < HOR:
        t += gap(100)
        sip, smac = S.cyc(("admin", "ws"), ADM)
        user = S.cyc(("admin", "user"), ["admin", "netops.rk", "secops.tw"])
        tt = t
        if r.random() < 0.6:
            for _ in range(r.randint(1, 2)):
                add(tt, "admin_bad", user=S.cyc(("admin_bad", "user"), [user, "administrator", user, "root"]),
                    sip=sip, sport=eph(r), smac=smac)
                tt += 4 * NS + gap(6)
        add(tt, "admin_ok", user=user, sip=sip, sport=eph(r), smac=smac)
        tt += 30 * NS + gap(150)
        add(tt, "admin_out", user=user, sip=sip, sport=eph(r),
            why=S.cyc(("admin_out", "why"), ["inactivity timer expired", "logout button pressed",
                                             "session preempted by another administrator"]))

    t = T0
    while t < HOR:
        t += gap(160)
        user, sip = S.cyc(("vpn", "user"), USERS), pub_ip(r)
        add(t, "vpn_in", user=user, sip=sip, sport=eph(r))
        life = 40 * NS + gap(200)
        add(t + life, "vpn_out", user=user, sip=sip,
            why=S.cyc(("vpn_out", "why"), ["logout detected by client", "inactivity timer expired",
                                           "session terminated"]),
            note="%d:%02d:%02d" % (life // NS // 3600, life // NS // 60 % 60, life // NS % 60))
    return S, recs


# ================================================================ 6. CheckPoint
def build_checkpoint():
    S = Sys(6, "CheckPoint", "shuffle")
    r, ev = S.r, S.event
    LAYER = "8a9f3c1e-4b2d-4e7a-9c11-2f6d0b7e5a43"
    CLEANUP = "3f1c9e2a-77b0-4d5e-a8c2-91e4d0b6f7a1"
    GWS = [("10.0.0.1", "CN=gw-hq-01,O=cp-mgmt-hq..7hk3xq", "198.51.100.90"),
           ("10.64.0.1", "CN=gw-br-02,O=cp-mgmt-hq..7hk3xq", "203.0.113.90")]
    LAN = [lan_ip(r, "10.50") for _ in range(20)]
    PEERS = [("Branch_Star", "192.0.2.17"), ("Partner_Acme", "203.0.113.150"), ("DR_Site", "198.51.100.177")]

    def head(ifdir, ifname="eth1"):
        return ('flags:"${flags}"; ifdir:"%s"; ifname:"%s"; logid:"0"; loguid:"${loguid}"; '
                'origin:"${origin}"; originsicname:"${sic}"; sequencenum:"${seq}"; time:"${epoch}"; '
                'version:"5"; ' % (ifdir, ifname))

    def common(t, flags):
        origin, sic, gwpub = S.pick("gw", GWS)
        return dict(flags=S.pick("flags", flags), origin=origin, sic=sic, _gw=gwpub,
                    loguid="{0x%08x,0x%x,0x%s,0x%s}" % (epoch_s(t), r.randint(0, 60), hexs(r, 8), hexs(r, 8)),
                    seq=r.randint(1, 160), epoch=epoch_s(t))

    ACC_FLAGS = ["411908", "7263232", "393216"]
    RULES = [("12", "Staff_Web_Access", uuid4(r)), ("14", "Servers_Updates", uuid4(r)),
             ("17", "DevOps_SSH_Out", uuid4(r))]
    SVCS = [("443", "https"), ("443", "https"), ("80", "http"), ("22", "ssh"), ("8080", "http_proxy")]
    FW = 'product:"VPN-1 & FireWall-1"; '

    def accept(t):
        d = common(t, ACC_FLAGS)
        mid, rname, ruid = S.pick("rule", RULES)
        dport, svc = S.pick("svc", SVCS)
        d.update(dst=pub_ip(r), mid=mid, rname=rname, ruid=ruid, sport=eph(r), dport=dport, svc=svc,
                 src=r.choice(LAN))
        return d

    ACC = ('[action:"Accept"; ' + head("outbound") + 'dst:"${dst}"; inzone:"Internal"; layer_name:"Network"; '
           'layer_uuid:"' + LAYER + '"; match_id:"${mid}"; parent_rule:"0"; rule_action:"Accept"; '
           'rule_name:"${rname}"; rule_uid:"${ruid}"; outzone:"External"; ' + FW + 'proto:"6"; '
           's_port:"${sport}"; service:"${dport}"; service_id:"${svc}"; src:"${src}"')
    ev("accept", ACC + ']', count=85)(accept)

    @ev("drop", '[action:"Drop"; ' + head("inbound") + 'dst:"${dst}"; inzone:"External"; '
        'layer_name:"Network"; layer_uuid:"' + LAYER + '"; match_id:"63"; parent_rule:"0"; '
        'rule_action:"Drop"; rule_name:"Cleanup rule"; rule_uid:"' + CLEANUP + '"; outzone:"Internal"; '
        + FW + 'proto:"${proto}"; s_port:"${sport}"; service:"${dport}"; src:"${src}"]', count=40)
    def _(t):
        d = common(t, ["6144", "264192"])
        proto = S.pick("proto", ["6", "6", "17"])
        d.update(dst=d["_gw"], proto=proto, sport=eph(r), src=pub_ip(r),
                 dport=r.choice([22, 23, 445, 3389, 1433, 8080]) if proto == "6" else r.choice([161, 1900, 5060, 123]))
        return d

    @ev("reject", '[action:"Reject"; ' + head("inbound", "eth3") + 'dst:"${dst}"; inzone:"Guest"; '
        'layer_name:"Network"; layer_uuid:"' + LAYER + '"; match_id:"${mid}"; parent_rule:"0"; '
        'rule_action:"Reject"; rule_name:"${rname}"; rule_uid:"${ruid}"; outzone:"Internal"; ' + FW +
        'proto:"6"; s_port:"${sport}"; service:"${dport}"; src:"${src}"]', count=10)
    def _(t):
        d = common(t, ["6144", "264192"])
        mid, rname, ruid = S.pick("rule", [("5", "Deny_Guest_to_Internal", uuid4(r)),
                                           ("6", "Block_Legacy_Protocols", uuid4(r))])
        d.update(dst=r.choice(LAN), mid=mid, rname=rname, ruid=ruid, sport=eph(r),
                 dport=S.pick("dport", [445, 139, 23, 3389]), src=lan_ip(r, "172.20"))
        return d

    @ev("accept_nat", ACC + '; xlatedport:"0"; xlatedst:"0.0.0.0"; xlatesport:"${xsport}"; '
        'xlatesrc:"${xsrc}"]', count=45)
    def _(t):
        d = accept(t)
        d.update(xsport=r.randint(10000, 60000), xsrc=d["_gw"])
        return d

    @ev("accept_dns", '[action:"Accept"; ' + head("outbound") + 'dst:"${dst}"; inzone:"Internal"; '
        'layer_name:"Network"; layer_uuid:"' + LAYER + '"; match_id:"9"; parent_rule:"0"; '
        'rule_action:"Accept"; rule_name:"DNS_Out"; rule_uid:"c2d81f4b-0e6a-4a3f-b5d7-6e1f2a9c0b38"; '
        'outzone:"External"; ' + FW + 'proto:"17"; s_port:"${sport}"; service:"53"; '
        'service_id:"domain-udp"; src:"${src}"]', count=30)
    def _(t):
        d = common(t, ACC_FLAGS)
        d.update(dst=S.pick("dst", ["203.0.113.53", "198.51.100.153"]), sport=r.randint(1024, 65535),
                 src=S.pick("src", ["10.50.0.10", "10.50.0.11"]))
        return d

    IKE_HEAD = lambda ifdir: '[action:"%s"; ' + head(ifdir)

    def vpn(t):
        d = common(t, ["0", "2048"])
        comm, peer = S.pick("peer", PEERS)
        d.update(comm=comm, peer=peer, gw=d["_gw"])
        return d

    ev("key_main", (IKE_HEAD("outbound") % "Key Install") + 'community:"${comm}"; dst:"${peer}"; '
       'fw_subproduct:"VPN-1"; ike:"Main Mode completion."; peer_gateway:"${peer}"; product:"IKE"; '
       'scheme:"IKE"; src:"${gw}"; vpn_feature_name:"IKE"]', count=6)(vpn)

    @ev("key_quick", (IKE_HEAD("outbound") % "Key Install") + 'community:"${comm}"; dst:"${peer}"; '
        'fw_subproduct:"VPN-1"; ike:"Quick Mode completion."; ike_ids:"IKE IDs: subnet: ${lsub} '
        '(mask= 255.255.255.0) and subnet: ${rsub} (mask= 255.255.255.0)"; methods:"ESP: AES-256 + '
        'SHA256 + PFS (group 14)"; peer_gateway:"${peer}"; product:"IKE"; scheme:"IKE"; src:"${gw}"; '
        'vpn_feature_name:"IKE"]', count=8)
    def _(t):
        d = vpn(t)
        d.update(lsub=S.pick("lsub", ["10.50.0.0", "10.50.12.0", "10.50.20.0"]),
                 rsub=S.pick("rsub", ["172.24.1.0", "172.24.8.0", "192.168.77.0"]))
        return d

    def crypt(ifdir, inz, outz):
        return ((IKE_HEAD(ifdir) % ("Encrypt" if ifdir == "outbound" else "Decrypt")) +
                'community:"${comm}"; dst:"${dst}"; fw_subproduct:"VPN-1"; inzone:"%s"; layer_name:"Network"; '
                'layer_uuid:"%s"; match_id:"${mid}"; methods:"ESP: AES-256 + SHA256"; outzone:"%s"; '
                'parent_rule:"0"; peer_gateway:"${peer}"; %sproto:"6"; rule_action:"Accept"; '
                'rule_name:"${rname}"; rule_uid:"${ruid}"; s_port:"${sport}"; scheme:"IKE"; '
                'service:"${dport}"; service_id:"${svc}"; src:"${src}"; vpn_feature_name:"VPN"]'
                % (inz, LAYER, outz, FW))

    VPNRULES = [("21", "Site2Site_Branch", uuid4(r)), ("22", "Site2Site_Partner", uuid4(r))]
    VSVC = [("445", "microsoft-ds"), ("3389", "Remote_Desktop_Protocol"), ("443", "https"), ("1433", "MS-SQL-Server")]

    def crypt_mk(outbound):
        def mk(t):
            d = common(t, ["1064960", "1069056"])
            comm, peer = S.pick("peer", PEERS)
            mid, rname, ruid = S.pick("rule", VPNRULES)
            dport, svc = S.pick("svc", VSVC)
            local, remote = r.choice(LAN), "172.24.%d.%d" % (r.randint(1, 8), r.randint(10, 200))
            d.update(comm=comm, peer=peer, mid=mid, rname=rname, ruid=ruid, sport=eph(r), dport=dport, svc=svc,
                     src=local if outbound else remote, dst=remote if outbound else local)
            return d
        return mk

    ev("encrypt", crypt("outbound", "Internal", "External"), count=22)(crypt_mk(True))
    ev("decrypt", crypt("inbound", "External", "Internal"), count=18)(crypt_mk(False))

    @ev("ike_fail", (IKE_HEAD("inbound") % "Reject") + 'community:"${comm}"; dst:"${gw}"; '
        'fw_subproduct:"VPN-1"; ike:"Main Mode"; peer_gateway:"${peer}"; product:"IKE"; reason:"${reason}"; '
        'reject_category:"IKE failure"; scheme:"IKE"; src:"${peer}"; vpn_feature_name:"IKE"]', count=5)
    def _(t):
        d = vpn(t)
        d["reason"] = S.pick("reason", [
            "Main Mode Failed to match proposal: Transform: AES-256, SHA256, Group 14 (2048 bit); "
            "Reason: Wrong value for: Authentication Method",
            "Main Mode Failed: Timeout while waiting for peer response",
            "Main Mode Failed: peer certificate validation failed (CRL is not yet valid)"])
        return d

    AUD = ('[flags:"${flags}"; ifdir:"inbound"; loguid:"${loguid}"; origin:"10.0.0.5"; '
           'originsicname:"cn=cp_mgmt,o=cp-mgmt-hq..7hk3xq"; sequencenum:"${seq}"; time:"${epoch}"; '
           'version:"5"; ')
    ADMS = [("netops.rk", "10.0.8.21", "NOC-WS-04"), ("secops.tw", "10.0.8.37", "SOC-LT-11"),
            ("admin", "10.0.8.5", "MGMT-JUMP-01")]

    def aud(t):
        d = common(t, ["18688", "18432"])
        del d["origin"], d["sic"]
        admin, cip, ws = S.pick("adm", ADMS)
        d.update(admin=admin, cip=cip, ws=ws)
        return d

    @ev("install_ok", AUD + 'additional_info:"Installed ${pkg} on ${targets}"; administrator:"${admin}"; '
        'audit_status:"Success"; client_ip:"${cip}"; client_name:"SmartConsole"; machine:"${ws}"; '
        'operation:"Install Policy"; operation_number:"7"; product:"SmartConsole"; '
        'subject:"Policy Installation"]', count=4)
    def _(t):
        d = aud(t)
        d.update(pkg=S.pick("pkg", ["Corp_Standard", "Branch_Policy"]),
                 targets=S.pick("tg", ["gw-hq-01", "gw-br-02", "gw-hq-01, gw-br-02"]))
        return d

    @ev("install_fail", AUD + 'additional_info:"${why}"; administrator:"${admin}"; audit_status:"Failure"; '
        'client_ip:"${cip}"; client_name:"SmartConsole"; machine:"${ws}"; operation:"Install Policy"; '
        'operation_number:"7"; product:"SmartConsole"; subject:"Policy Installation"]', count=3)
    def _(t):
        d = aud(t)
        d["why"] = S.pick("why", ["Policy verification failed: Rule 14 hides Rule 17 for services https",
                                  "Installation failed on gw-br-02: Connection timed out (SIC)",
                                  "Policy installation failed on gw-hq-01: Load on module failed"])
        return d

    def session(op, num, subj):
        return (AUD + 'administrator:"${admin}"; audit_status:"Success"; client_ip:"${cip}"; '
                'client_name:"SmartConsole"; client_version:"R81.20"; machine:"${ws}"; operation:"%s"; '
                'operation_number:"%s"; product:"SmartConsole"; subject:"%s"]' % (op, num, subj))

    ev("login", session("Log In", "10", "Administrator Login"), count=9)(aud)
    ev("logout", session("Log Out", "12", "Administrator Logout"), count=6)(aud)

    IPS = [("Apache Log4j Remote Code Execution (CVE-2021-44228)", "asm_dynamic_prop_CVE_2021_44228",
            "Critical", "High", "High"),
           ("Web Server Directory Traversal", "asm_dynamic_prop_CVE_2019_0230", "High", "Medium", "Low"),
           ("SSH Brute Force Login Attempt", "asm_dynamic_prop_SSH_BRUTE", "Medium", "Medium-High", "Low"),
           ("Microsoft Exchange Server Remote Code Execution (CVE-2021-26855)",
            "asm_dynamic_prop_CVE_2021_26855", "Critical", "High", "Medium")]

    @ev("ips", '[action:"Prevent"; ' + head("inbound") + 'attack:"${attack}"; attack_info:"${ainfo}"; '
        'confidence_level:"${conf}"; dst:"${dst}"; performance_impact:"${perf}"; product:"SmartDefense"; '
        'protection_id:"${pid}"; protection_name:"${attack}"; protection_type:"IPS"; proto:"6"; '
        's_port:"${sport}"; service:"${dport}"; severity:"${sev}"; src:"${src}"]', count=9)
    def _(t):
        d = common(t, ["0", "4096"])
        attack, pid, sev, conf, perf = S.pick("ips", IPS)
        d.update(attack=attack, ainfo=S.pick("ainfo", ["Malicious payload in request header",
                                                       "Suspicious URI pattern", "Repeated login failures"]),
                 conf=conf, dst=S.pick("dst", ["172.16.40.10", "172.16.40.11"]), perf=perf, pid=pid,
                 sport=eph(r), dport=S.pick("dport", [443, 80, 22]), sev=sev, src=pub_ip(r))
        return d

    S.header = lambda t, key, v: "<134>1 %04d-%02d-%02dT%sZ mgmt-hq-01 CheckPoint 26203 - " % (
        YEAR, MONTH, DAY, hms(t))
    S.header_re = re.compile(r"<134>1 (?P<ts>2026-03-14T\d{2}:\d{2}:\d{2})Z mgmt-hq-01 CheckPoint \d+ - ")
    S.ts_key = lambda m: m.group("ts")
    return S, shuffle_records(S, at(13, 40, 12) + r.randrange(NS), 1.9)


BUILDERS = [build_asa, build_fortigate, build_paloalto, build_sophos, build_sonicwall, build_checkpoint]


def main():
    for b in BUILDERS:
        S, recs = b()
        write(S, finalize(S, recs))
    print("Round 65 corpus: base seed %d, %d lines per system" % (BASE_SEED, N_LINES))
    for b in BUILDERS:
        S, _ = b()  # rebuild the declarations only (deterministic), then check the written files
        counts, med = check(S)
        cs = [counts[S.eid(k)] for k in S.order]
        print("%-16s %-10s events=%2d lines=%d max=%d median=%s small(3-10)=%d counts=%s" % (
            S.name, S.kind, len(S.order), sum(cs), max(cs), med, sum(1 for c in cs if 3 <= c <= 10),
            " ".join("%s:%d" % (S.eid(k), counts[S.eid(k)]) for k in S.order)))
    print("self-check passed")


if __name__ == "__main__":
    main()
