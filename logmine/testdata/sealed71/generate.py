#!/usr/bin/env python3
"""Sealed 71: blind labelled log corpus generator.

Python 3 standard library only.  Fully deterministic: no wall clock, no
locale; every timestamp comes from an integer nanosecond clock on
2026-03-14 UTC and month names come from a fixed list.

System k (1..6) uses random.Random(20270203 * 10 + k).

Running this script writes, for every system, <System>/<System>.log and
<System>/<System>.log_structured.csv next to this file, then re-reads and
self-checks every file and prints a per-system summary.
"""

import base64
import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270203
HERE = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, DAY = 2026, 3, 14
SEC = 10 ** 9
MS = 10 ** 6
US = 10 ** 3
DAY_NS = 86400 * SEC


# ---------------------------------------------------------------- time ----

def hms(ns):
    if not 0 <= ns < DAY_NS:
        raise ValueError("clock left 2026-03-14: %d" % ns)
    s, frac = divmod(ns, SEC)
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return h, m, s, frac


def ts_rfc3339(ns):
    h, m, s, _ = hms(ns)
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (YEAR, MONTH, DAY, h, m, s)


def ts_rfc3339_us(ns):
    h, m, s, f = hms(ns)
    return "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ" % (YEAR, MONTH, DAY, h, m, s, f // US)


def ts_syslog(ns):
    h, m, s, _ = hms(ns)
    return "%s %2d %02d:%02d:%02d" % (MONTHS[MONTH - 1], DAY, h, m, s)


def ts_python(ns):
    h, m, s, f = hms(ns)
    return "%04d-%02d-%02d %02d:%02d:%02d,%03d" % (YEAR, MONTH, DAY, h, m, s, f // MS)


def at(hour, minute=0, second=0):
    return ((hour * 60 + minute) * 60 + second) * SEC


def secs(r, lo, hi):
    """Uniform duration in [lo, hi) seconds, as integer nanoseconds."""
    return r.randrange(int(lo * 1000), int(hi * 1000)) * MS + r.randrange(0, MS)


def expo(r, mean_s):
    return int(r.expovariate(1.0 / mean_s) * SEC) + r.randrange(1, MS)


# -------------------------------------------------------------- values ----

HEX = "0123456789abcdef"


def hexs(r, n):
    return "".join(r.choice(HEX) for _ in range(n))


def b64key(r):
    return base64.b64encode(bytes(r.randrange(256) for _ in range(32))).decode("ascii")


def uuid4(r):
    h = hexs(r, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[0:8], h[8:12], h[13:16], r.choice("89ab"), h[17:20], h[20:32])


def pub_ip(r):
    first = r.choice([203, 198, 192, 81, 94, 145, 176, 188, 46, 62, 85, 109, 37, 151])
    if first == 203:
        return "203.0.113.%d" % r.randrange(2, 254)
    if first == 198:
        return "198.51.100.%d" % r.randrange(2, 254)
    if first == 192:
        return "192.0.2.%d" % r.randrange(2, 254)
    return "%d.%d.%d.%d" % (first, r.randrange(1, 255), r.randrange(0, 256), r.randrange(1, 255))


def lan_ip(r):
    c = r.randrange(3)
    if c == 0:
        return "192.168.%d.%d" % (r.choice([0, 1, 10, 50, 178]), r.randrange(2, 250))
    if c == 1:
        return "10.%d.%d.%d" % (r.randrange(0, 40), r.randrange(0, 256), r.randrange(2, 250))
    return "172.%d.%d.%d" % (r.randrange(16, 32), r.randrange(0, 256), r.randrange(2, 250))


def cgnat_ip(r):
    return "100.%d.%d.%d" % (r.randrange(64, 128), r.randrange(0, 256), r.randrange(1, 255))


def eph_port(r):
    return r.randrange(32768, 61000)


# -------------------------------------------------------------- system ----

class System:
    def __init__(self, k, name, kind, header_re):
        self.k = k
        self.name = name
        self.kind = kind
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.header_re = re.compile(header_re)
        self.events = []      # (key, template) in declaration order
        self.index = {}
        self._cyc = {}
        self.rows = []        # (raw line, content, event id)
        self.entities = ""

    def declare(self, key, template):
        if key in self.index:
            raise ValueError("duplicate event key %s" % key)
        self.index[key] = len(self.events)
        self.events.append((key, template))

    def eid(self, key):
        return "E%d" % (self.index[key] + 1)

    def template(self, key):
        return self.events[self.index[key]][1]

    def cyc(self, key, slot, pool):
        """Cycle through a small pool per (event, slot)."""
        n = self._cyc.get((key, slot), 0)
        self._cyc[(key, slot)] = n + 1
        return pool[n % len(pool)]

    def render(self, key, values):
        parts = self.template(key).split("<*>")
        if len(parts) != len(values) + 1:
            raise ValueError("%s %s: %d slots, %d values" % (self.name, key, len(parts) - 1, len(values)))
        out = [parts[0]]
        for v, p in zip(values, parts[1:]):
            v = str(v)
            if not v or "\n" in v or "\r" in v:
                raise ValueError("%s %s: bad value %r" % (self.name, key, v))
            out.append(v)
            out.append(p)
        return "".join(out)

    def emit(self, header, key, values):
        content = self.render(key, values)
        self.rows.append((header + content, content, self.eid(key)))


def shuffle_units(r, units):
    r.shuffle(units)
    return units


# ======================================================== 1. Headscale ====

def build_headscale():
    S = System(1, "Headscale", "simulation",
               r"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ) (?:TRC|DBG|INF|WRN|ERR|FTL) "
               r"(?:/[\w./-]+\.go:\d+ > )?")
    S.entities = "tailnet nodes (one long-poll session each, overlapping), plus server workers"
    r = S.rng
    d = S.declare
    d("auth", "Successfully authenticated via AuthKey node=<*> user=<*>")
    d("conn", "Node connected node=<*> node.id=<*>")
    d("disc", "Node disconnected node=<*> node.id=<*>")
    d("keepalive", "Sending keepalive node=<*> node.id=<*>")
    d("mapresp", "Sending map response bytes=<*> node=<*> reason=<*>")
    d("endpoints", "Received endpoint update endpoints=<*> node=<*>")
    d("hostinfo", "Received hostinfo update hostname=<*> node.id=<*> os=<*>")
    d("writeerr", 'Failed to write map response error="<*>" node=<*>')
    d("expire", "Expiring node expiry=<*> node=<*>")
    d("ephemeral", "Deleting ephemeral node node=<*> node.id=<*>")
    d("derp", "Fetching DERPMap updates url=<*>")
    d("unknown", "Node not found in database node_key=<*>")
    d("policy", "ACL policy successfully reloaded, notifying nodes of change")
    d("cli", "Registering node via CLI node=<*> user=<*>")

    src = "/home/runner/work/headscale/headscale/hscontrol/"
    meta = {
        "auth": ("INF", None), "conn": ("INF", None), "disc": ("INF", None),
        "keepalive": ("DBG", None), "mapresp": ("DBG", None), "endpoints": ("DBG", None),
        "hostinfo": ("TRC", src + "poll.go:268"), "writeerr": ("ERR", src + "poll.go:417"),
        "expire": ("INF", None), "ephemeral": ("INF", None), "derp": ("INF", None),
        "unknown": ("WRN", src + "noise.go:231"), "policy": ("INF", None), "cli": ("INF", None),
    }

    prefixes = ["ana-laptop", "build-runner", "nas", "pi-garage", "dev-vm", "kiosk", "ci-worker",
                "mbp-lucas", "gw-office", "db-replica", "phone-maya", "tv-livingroom", "thinkpad-oskar",
                "jetson", "k3s-node", "ipad-fern", "media-srv", "backup-box", "desk-ivo", "lab-switch"]
    users = ["alice", "bob", "ops", "ivo", "maya", "lucas", "ci", "fern"]
    oses = ["linux", "linux", "linux", "windows", "macOS", "iOS", "android", "freebsd"]
    reasons = ["peer-changed", "derp-map", "peer-patch", "policy", "self-update", "dns-config"]
    derp_urls = ["https://controlplane.tailscale.com/derpmap/default",
                 "https://derp.home.example.net/derpmap.json"]
    errs = ["write tcp {s}:8080->{c}:{p}: write: broken pipe",
            "write tcp {s}:443->{c}:{p}: i/o timeout",
            "http2: stream closed by client {c}:{p}",
            "write tcp {s}:8080->{c}:{p}: write: connection reset by peer"]
    server_ip = "10.20.0.4"

    nodes = []
    used = set()
    next_id = 41
    for i in range(60):
        while True:
            p = r.choice(prefixes)
            name = p if p not in used and r.random() < 0.5 else "%s-%d" % (p, r.randrange(1, 30))
            if name not in used:
                used.add(name)
                break
        nodes.append({"name": name, "id": next_id, "user": r.choice(users),
                      "os": r.choice(oses), "new": r.random() < 0.3, "eph": r.random() < 0.4})
        next_id += r.randrange(1, 4)

    recs = []

    def add(t, key, vals):
        recs.append((t, len(recs), key, tuple(vals)))

    def endpoints():
        eps = ['"%s:%d"' % (pub_ip(r), r.choice([41641, eph_port(r)]))]
        for _ in range(r.randrange(1, 3)):
            eps.append('"%s:41641"' % lan_ip(r))
        return "[" + ",".join(eps) + "]"

    t0 = at(9, 12, 7) + r.randrange(0, SEC)
    horizon = t0 + 3 * 3600 * SEC
    t = t0
    for i, nd in enumerate(nodes):
        if i < 6:
            start = t0 + secs(r, 0, 20)
        else:
            t += expo(r, 75)
            start = t
        name, nid = nd["name"], nd["id"]
        ts = start
        if nd["new"]:
            add(ts, "auth", (name, nd["user"]))
            ts += secs(r, 0.01, 0.2)
        add(ts, "conn", (name, nid))
        ts += secs(r, 0.005, 0.05)
        if r.random() < 0.7:
            add(ts, "hostinfo", (name, nid, nd["os"]))
            ts += secs(r, 0.001, 0.02)
        add(ts, "endpoints", (endpoints(), name))
        ts += secs(r, 0.002, 0.03)
        add(ts, "mapresp", (r.randrange(9000, 90000), name, "full"))
        dur = min(max(int(r.expovariate(1 / 780.0) * SEC), 90 * SEC), 3600 * SEC)
        end = start + dur
        ka = start + secs(r, 50, 60)
        nm = start + expo(r, 150)
        while True:
            nxt = min(ka, nm)
            if nxt >= end:
                break
            if ka <= nm:
                add(ka, "keepalive", (name, nid))
                ka += secs(r, 50, 60)
            else:
                if r.random() < 0.2:
                    add(nm, "endpoints", (endpoints(), name))
                    nm += secs(r, 0.002, 0.02)
                add(nm, "mapresp", (r.randrange(300, 6000), name, S.cyc("mapresp", 2, reasons)))
                nm += expo(r, 150)
        if r.random() < 0.35:
            e = r.choice(errs).format(s=server_ip, c=pub_ip(r), p=eph_port(r))
            add(end - secs(r, 0.001, 0.01), "writeerr", (e, name))
        add(end, "disc", (name, nid))
        if nd["eph"]:
            add(end + secs(r, 20, 120), "ephemeral", (name, nid))
        if t > horizon:
            break

    # server-side workers
    tt = t0 + secs(r, 1, 3)
    while tt < horizon:
        add(tt, "derp", (S.cyc("derp", 0, derp_urls),))
        tt += secs(r, 150, 250)
    tt = t0
    while True:
        tt += expo(r, 150)
        if tt >= horizon:
            break
        nd = r.choice(nodes)
        add(tt, "expire", (ts_rfc3339(tt - secs(r, 0, 3600)), nd["name"]))
    tt = t0
    while True:
        tt += expo(r, 130)
        if tt >= horizon:
            break
        add(tt, "unknown", ("nodekey:" + hexs(r, 64),))
    tt = t0
    while True:
        tt += expo(r, 120)
        if tt >= horizon:
            break
        add(tt, "policy", ())
    tt = t0
    while True:
        tt += expo(r, 170)
        if tt >= horizon:
            break
        add(tt, "cli", ("%s-%d" % (r.choice(prefixes), r.randrange(30, 99)), r.choice(users)))

    recs.sort()
    for t, _, key, vals in recs[:N_LINES]:
        lvl, caller = meta[key]
        hdr = "%s %s " % (ts_rfc3339(t), lvl)
        if caller:
            hdr += caller + " > "
        S.emit(hdr, key, vals)
    return S


# ========================================================== 2. NetBird ====

def build_netbird():
    S = System(2, "NetBird", "simulation",
               r"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ) (?:TRAC|DEBG|INFO|WARN|ERRO|PANC|FATL) "
               r"(?:\[peer: [A-Za-z0-9+/]{43}=\] )?[\w/.-]+\.go:\d+: ")
    S.entities = "remote peers (one connection session each, overlapping) seen by a client and the management service"
    r = S.rng
    d = S.declare
    d("offer_ice", "OnNewOffer for ICE, serial: <*>")
    d("offer_relay", "OnNewOffer for Relay, serial: <*>")
    d("ice_ok", "ICE connection established: local <*> (<*>) remote <*> (<*>)")
    d("relay_ok", "Relay connection has been established, setup the WireGuard")
    d("wg_ep", "configure WireGuard endpoint to: <*>")
    d("ice_fail", "failed to dial ICE connection: <*>")
    d("close", "closing peer connection, reason: <*>")
    d("peers_update", "got peers update from Management Service, total peers to connect to = <*>")
    d("dns", "updated DNS settings, <*> nameserver groups and <*> custom zones")
    d("m_conn", "peer <*> has connected")
    d("m_disc", "peer <*> has disconnected")
    d("m_update", "update was sent to channel for peer <*>")
    d("m_loginfail", "failed handling login request of peer <*>: <*>")
    d("m_login", "peer <*> logged in with setup key <*>")

    meta = {
        "offer_ice": ("DEBG", True, "client/internal/peer/handshaker.go:131"),
        "offer_relay": ("DEBG", True, "client/internal/peer/handshaker.go:137"),
        "ice_ok": ("INFO", True, "client/internal/peer/worker_ice.go:362"),
        "relay_ok": ("INFO", True, "client/internal/peer/conn.go:604"),
        "wg_ep": ("INFO", True, "client/internal/peer/conn.go:722"),
        "ice_fail": ("WARN", True, "client/internal/peer/worker_ice.go:248"),
        "close": ("INFO", True, "client/internal/peer/conn.go:289"),
        "peers_update": ("INFO", False, "client/internal/engine.go:812"),
        "dns": ("INFO", False, "client/internal/dns/server.go:344"),
        "m_conn": ("INFO", False, "management/server/grpcserver.go:173"),
        "m_disc": ("INFO", False, "management/server/grpcserver.go:241"),
        "m_update": ("DEBG", False, "management/server/updatechannel.go:58"),
        "m_loginfail": ("WARN", False, "management/server/grpcserver.go:522"),
        "m_login": ("INFO", False, "management/server/peer.go:689"),
    }
    cand_types = ["host", "srflx", "prflx", "relay"]
    ice_errs = ["all candidate pairs failed after {n} checks",
                "ICE agent closed before connection: timeout after {n}s",
                "context deadline exceeded while gathering candidates ({n} gathered)",
                "no remote candidates received within {n}s"]
    close_reasons = ["peer removed from network map", "wireguard handshake timeout",
                     "ICE connection disconnected", "engine shutdown", "signal stream lost"]
    login_errs = ["peer login has expired, please log in once more",
                  "invalid setup key: key is revoked",
                  "failed getting account: context deadline exceeded",
                  "peer is not registered with this account",
                  "setup key usage limit reached (used {n} of {n} times)"]
    setup_keys = ["A3F1C0D2-5E8B-4B7A-9C31-7D2E6F0B1A44", "9B0E7C15-2D4F-4E61-8A9B-3C5D7E1F2A80",
                  "E1D2C3B4-A596-4877-8899-AABBCCDDEE01"]

    peers = [b64key(r) for _ in range(28)]
    local_lan = lan_ip(r)
    local_pub = pub_ip(r)

    # first pass: session intervals
    t0 = at(13, 41, 2) + r.randrange(0, SEC)
    horizon = t0 + 3 * 3600 * SEC
    sessions = []
    busy_until = {}
    t = t0
    i = 0
    while t < horizon:
        if i < 5:
            start = t0 + secs(r, 0, 15)
        else:
            t += expo(r, 55)
            start = t
        i += 1
        free = [p for p in peers if busy_until.get(p, 0) < start]
        if not free:
            continue
        key = r.choice(free)
        dur = min(max(int(r.expovariate(1 / 420.0) * SEC), 40 * SEC), 2400 * SEC)
        busy_until[key] = start + dur + 5 * SEC
        sessions.append((start, start + dur, key))

    def active(tq, exclude):
        return [k for (s, e, k) in sessions if s <= tq < e and k != exclude]

    recs = []

    def add(tq, key, vals, peer=None):
        recs.append((tq, len(recs), key, tuple(vals), peer))

    def fanout(tq, exclude):
        others = active(tq, exclude)
        r.shuffle(others)
        tq += secs(r, 0.001, 0.01)
        for k in others[:4]:
            add(tq, "m_update", (k,))
            tq += secs(r, 0.0005, 0.004)
        add(tq + secs(r, 0.05, 0.4), "peers_update", (len(others) + 1,))
        if r.random() < 0.25:
            add(tq + secs(r, 0.4, 0.6), "dns", (r.randrange(1, 5), r.randrange(0, 4)))

    def negotiate(tq, key):
        serial = r.randrange(10 ** 9, 10 ** 10)
        add(tq, "offer_ice", (serial,), key)
        tq += secs(r, 0.0001, 0.003)
        add(tq, "offer_relay", (serial,), key)
        tq += secs(r, 0.3, 2.5)
        if r.random() < 0.7:
            lt = S.cyc("ice_ok", 1, cand_types[:2])
            rt = S.cyc("ice_ok", 3, cand_types)
            add(tq, "ice_ok", ("%s:%d" % (local_lan if lt == "host" else local_pub, 51820), lt,
                               "%s:%d" % (pub_ip(r), eph_port(r)), rt), key)
            tq += secs(r, 0.001, 0.01)
            add(tq, "wg_ep", ("%s:%d" % (pub_ip(r), eph_port(r)),), key)
        else:
            e = r.choice(ice_errs).format(n=r.randrange(3, 40))
            add(tq, "ice_fail", (e,), key)
            tq += secs(r, 0.05, 0.6)
            add(tq, "relay_ok", (), key)
            tq += secs(r, 0.001, 0.01)
            add(tq, "wg_ep", ("127.0.0.1:%d" % eph_port(r),), key)

    for start, end, key in sessions:
        tq = start
        if r.random() < 0.4:
            add(tq, "m_login", (key, S.cyc("m_login", 1, setup_keys)))
            tq += secs(r, 0.01, 0.2)
        add(tq, "m_conn", (key,))
        fanout(tq, key)
        negotiate(tq + secs(r, 0.5, 1.5), key)
        nx = start + expo(r, 500)
        while nx < end - 10 * SEC:
            negotiate(nx, key)
            nx += expo(r, 500)
        add(end, "close", (S.cyc("close", 0, close_reasons),), key)
        add(end + secs(r, 0.01, 0.3), "m_disc", (key,))
        fanout(end + secs(r, 0.3, 0.5), key)

    tq = t0
    while True:
        tq += expo(r, 120)
        if tq >= horizon:
            break
        add(tq, "m_loginfail", (b64key(r), r.choice(login_errs).format(n=r.randrange(1, 20))))

    recs.sort(key=lambda x: (x[0], x[1]))
    for tq, _, key, vals, peer in recs[:N_LINES]:
        lvl, has_peer, where = meta[key]
        hdr = "%s %s " % (ts_rfc3339(tq), lvl)
        if has_peer:
            hdr += "[peer: %s] " % peer
        hdr += where + ": "
        S.emit(hdr, key, vals)
    return S


# ========================================================= 3. ZeroTier ====

def build_zerotier():
    S = System(3, "ZeroTier", "shuffle",
               r"(?P<ts>[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d) [\w.-]+ zerotier-one\[\d+\]: ")
    r = S.rng
    d = S.declare
    d("start", "Starting Control Plane...")
    d("start6", "Starting V6 Control Plane...")
    d("join", "joining network <*>")
    d("leave", "leaving network <*>")
    d("netconf", "network <*> config updated: rev <*>, <*> assigned address(es)")
    d("conftimeout", "WARNING: network <*> request for configuration timed out, retrying in <*>")
    d("porterr", "ERROR: unable to configure virtual network port: <*>")
    d("addip", "ERROR: unable to add IP address <*> to <*>")
    d("rmip", "ERROR: unable to remove IP address <*> from <*>")
    d("bind", "WARNING: unable to bind to port <*>: <*>")
    d("learned", "path to <*> via <*> learned")
    d("forgotten", "path to <*> via <*> forgotten")
    d("badpkt", "WARNING: rejected invalid packet from <*>: <*>")
    d("authz", "controller: authorized member <*> on network <*>")

    counts = {"join": 6, "leave": 5, "netconf": 22, "conftimeout": 18, "porterr": 3,
              "addip": 7, "rmip": 5, "bind": 4, "learned": 88, "forgotten": 80,
              "badpkt": 40, "authz": 14}
    units = [["start", "start6"] for _ in range(4)]
    for k, n in counts.items():
        units += [[k] for _ in range(n)]
    shuffle_units(r, units)

    nets = ["8056c2e21c000001", "a0cbf4b62a1f83c2", "e5cd7a9e1c3b44f0", "17d709436c2fd8e1"]
    ifaces = ["ztuku5pvx3", "zt5u4rjk2m", "ztrf26c8ov", "ztbtoaqzn7"]
    peers = [hexs(r, 10) for _ in range(16)]
    members = [hexs(r, 10) for _ in range(9)]
    port_errs = ["could not open TUN/TAP device: No such file or directory",
                 "ioctl(TUNSETIFF) failed: Operation not permitted",
                 "could not open TUN/TAP device: Device or resource busy"]
    bind_errs = ["Address already in use", "Cannot assign requested address",
                 "Permission denied"]
    pkt_errs = ["MAC authentication failed", "unsupported protocol version 7",
                "packet too short (27 bytes)", "invalid verb 0x1f",
                "identity collision, expected different public key"]
    ip_errs_v = lambda: "%s/%d" % (r.choice(["10.147.17.", "172.25.40.", "192.168.192."]) + str(r.randrange(2, 250)),
                                   r.choice([24, 16]))

    def path(r):
        if r.random() < 0.25:
            return "%s/%d" % (lan_ip(r), r.choice([9993, 9993, 21337]))
        return "%s/%d" % (pub_ip(r), r.choice([9993, eph_port(r), eph_port(r)]))

    hostname = "mesh-edge-02"
    pid = 1187
    t = at(6, 3, 11) + r.randrange(0, SEC)
    gens = {
        "start": lambda: (),
        "start6": lambda: (),
        "join": lambda: (S.cyc("join", 0, nets),),
        "leave": lambda: (S.cyc("leave", 0, nets),),
        "netconf": lambda: (S.cyc("netconf", 0, nets), r.randrange(3, 400), r.choice([1, 1, 2, 3])),
        "conftimeout": lambda: (S.cyc("conftimeout", 0, nets), "%dms" % r.choice([500, 1000, 2000, 4000, 8000])),
        "porterr": lambda: (S.cyc("porterr", 0, port_errs),),
        "addip": lambda: (ip_errs_v(), S.cyc("addip", 1, ifaces)),
        "rmip": lambda: (ip_errs_v(), S.cyc("rmip", 1, ifaces)),
        "bind": lambda: (r.choice([9993, 21337, 43127, r.randrange(20000, 65000)]), S.cyc("bind", 1, bind_errs)),
        "learned": lambda: (r.choice(peers), path(r)),
        "forgotten": lambda: (r.choice(peers), path(r)),
        "badpkt": lambda: (path(r), S.cyc("badpkt", 1, pkt_errs)),
        "authz": lambda: (r.choice(members), S.cyc("authz", 1, nets[:2])),
    }
    first = True
    for unit in units:
        t += expo(r, 24)
        for key in unit:
            if key == "start" and not first:
                pid += r.randrange(40, 3000)
                t += secs(r, 1, 4)
            first = False
            S.emit("%s %s zerotier-one[%d]: " % (ts_syslog(t), hostname, pid), key, gens[key]())
            t += secs(r, 0.001, 0.05)
    return S


# ========================================================== 4. Pritunl ====

def build_pritunl():
    S = System(4, "Pritunl", "shuffle",
               r"(?:\[[\w.-]+\]\[(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3})\]"
               r"\[(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\] |  |)")
    r = S.rng
    d = S.declare
    d("start", "Starting vpn server")
    d("stop", "Stopping vpn server")
    d("uconn", "User connected to vpn server")
    d("udisc", "User disconnected from vpn server")
    d("sid", 'server_id = "<*>"')
    d("uid", 'user_id = "<*>"')
    d("rip", 'remote_ip = "<*>"')
    d("authfail", "Failed to authenticate user")
    d("reason", 'reason = "<*>"')
    d("srvfail", "Server failed to start")
    d("tb", "Traceback (most recent call last):")
    d("frame", 'File "<*>", line <*>, in <*>')
    d("exc", "pymongo.errors.AutoReconnect: <*>")
    d("ping", "Server instance ping timed out, restarting in <*> seconds")

    levels = {"start": "INFO", "stop": "INFO", "uconn": "INFO", "udisc": "INFO",
              "authfail": "WARNING", "srvfail": "ERROR", "ping": "WARNING"}
    cont = {"sid": "  ", "uid": "  ", "rip": "  ", "reason": "  ", "frame": "  ", "tb": "", "exc": ""}

    units = []
    units += [["start", "sid"] for _ in range(5)]
    units += [["stop", "sid"] for _ in range(4)]
    units += [["uconn", "sid", "uid", "rip"] for _ in range(34)]
    units += [["udisc", "sid", "uid"] for _ in range(30)]
    units += [["authfail", "uid", "rip", "reason"] for _ in range(7)]
    units += [["srvfail", "sid", "tb", "frame", "frame", "frame", "exc"] for _ in range(3)]
    units += [["ping"] for _ in range(7)]
    shuffle_units(r, units)

    servers = [hexs(r, 24) for _ in range(3)]
    users = [hexs(r, 24) for _ in range(22)]
    reasons = ["Invalid pin", "User is disabled", "Invalid OTP code",
               "Client version not allowed", "Device not authorized for this user"]
    base = "/usr/lib/pritunl/usr/lib/python3.9/site-packages/pritunl/"
    frames = [(base + "server/instance.py", "start_server"),
              (base + "server/instance.py", "_run_thread"),
              (base + "server/server.py", "start"),
              (base + "mongo/collection.py", "find_one"),
              (base + "utils/misc.py", "ObjectId"),
              (base + "server/bridge.py", "start")]
    mongo_errs = ["localhost:27017: [Errno 111] Connection refused",
                  "connection closed",
                  "db0.vpn.internal:27017: timed out"]
    host = "lively-harbor-3018"

    t = at(7, 48, 30) + r.randrange(0, SEC)
    for unit in units:
        t += expo(r, 55)
        ctx = {"sid": r.choice(servers), "uid": r.choice(users),
               "rip": pub_ip(r)}
        fi = 0
        for key in unit:
            if key in levels:
                hdr = "[%s][%s][%s] " % (host, ts_python(t), levels[key])
            else:
                hdr = cont[key]
            if key == "sid":
                vals = (ctx["sid"],)
            elif key == "uid":
                vals = (ctx["uid"],)
            elif key == "rip":
                vals = (ctx["rip"],)
            elif key == "reason":
                vals = (S.cyc("reason", 0, reasons),)
            elif key == "frame":
                fpath, func = frames[(fi + S.cyc("frame", 9, [0, 1, 2])) % len(frames)]
                fi += 1
                vals = (fpath, r.randrange(40, 1400), func)
            elif key == "exc":
                vals = (S.cyc("exc", 0, mongo_errs),)
            elif key == "ping":
                vals = (S.cyc("ping", 0, [3, 5, 10, 15]),)
            else:
                vals = ()
            S.emit(hdr, key, vals)
    return S


# ========================================================= 5. Firezone ====

def build_firezone():
    S = System(5, "Firezone", "shuffle",
               r"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z) (?:TRACE|DEBUG| INFO| WARN|ERROR) "
               r"(?:[a-z_]+\{[^{}]*\}(?::[a-z_]+\{[^{}]*\})*: )?[a-z_]+(?:::[a-z_]+)*: ")
    r = S.rng
    d = S.declare
    d("portal", "Connected to portal host=<*>")
    d("allow", "Allowing access to resource client=<*> resource=<*> expires=<*>")
    d("revoke", "Revoking access to resource client=<*> resource=<*>")
    d("newconn", "Created new connection cid=<*>")
    d("rmconn", "Removed connection cid=<*> reason=<*>")
    d("cand", "Added new remote candidate candidate=<*>")
    d("bestpath", "Updating best path local=<*> remote=<*> rtt=<*>")
    d("drop", "Dropping packet to unknown client dst=<*> src=<*>")
    d("heartbeat", "Sent heartbeat ref=<*>")
    d("hiccup", "Hiccup in portal connection: <*>; reconnecting in <*>")
    d("dns", "Resolved DNS resource domain=<*> addresses=<*>")
    d("reqfail", "Failed to handle request from portal error=<*>")
    d("alloc", "Refreshing allocation lifetime=<*>")

    meta = {  # level, span kind, target
        "portal": (" INFO", None, "phoenix_channel"),
        "allow": (" INFO", None, "firezone_tunnel::gateway"),
        "revoke": (" INFO", None, "firezone_tunnel::gateway"),
        "newconn": (" INFO", None, "snownet::node"),
        "rmconn": (" INFO", None, "snownet::node"),
        "cand": ("DEBUG", "connection", "snownet::node"),
        "bestpath": (" INFO", "connection", "snownet::node"),
        "drop": ("DEBUG", None, "firezone_tunnel::gateway"),
        "heartbeat": ("DEBUG", None, "phoenix_channel"),
        "hiccup": (" WARN", None, "phoenix_channel"),
        "dns": (" INFO", None, "firezone_tunnel::dns"),
        "reqfail": ("ERROR", None, "firezone_gateway::eventloop"),
        "alloc": ("TRACE", "allocation", "snownet::allocation"),
    }
    counts = {"portal": 3, "allow": 30, "revoke": 24, "newconn": 20, "rmconn": 18, "cand": 64,
              "bestpath": 22, "drop": 40, "heartbeat": 45, "hiccup": 5, "dns": 16,
              "reqfail": 4, "alloc": 9}
    units = []
    for k, n in counts.items():
        units += [k for _ in range(n)]
    shuffle_units(r, units)

    clients = [uuid4(r) for _ in range(12)]
    resources = [uuid4(r) for _ in range(8)]
    client_ips = {c: cgnat_ip(r) for c in clients}
    relays = ["%s:3478" % pub_ip(r) for _ in range(3)]
    hosts = ["api.firezone.dev", "api.eu.firezone.dev"]
    rm_reasons = ["idle timeout", "client disconnected", "ICE failed", "access revoked by portal"]
    hiccups = ["Connection reset by peer (os error 104)", "WebSocket protocol error: Connection reset without closing handshake",
               "IO error: Connection timed out (os error 110)", "HTTP error: 502 Bad Gateway"]
    req_errs = ["Failed to resolve DNS resource: no records found for name",
                "Unknown client, cannot allow access",
                "Resource is not a DNS resource (addresses not resolvable)",
                "Failed to add route to TUN device: File exists (os error 17)"]
    domains = ["gitlab.corp.example", "grafana.internal.example", "*.build.example.org",
               "vault.ops.example", "wiki.corp.example"]
    gw_lan = lan_ip(r)
    ref = r.randrange(20, 200)

    def candidate():
        prio = r.choice([2130706431, 1694498815, 16777215])
        typ = {2130706431: "host", 1694498815: "srflx", 16777215: "relay"}[prio]
        ip = lan_ip(r) if typ == "host" else pub_ip(r)
        c = "candidate:%d 1 udp %d %s %d typ %s" % (r.randrange(10 ** 7, 10 ** 10), prio, ip, eph_port(r), typ)
        if typ != "host":
            c += " raddr %s rport %d" % (lan_ip(r), eph_port(r))
        return c

    def expires(tq):
        if r.random() < 0.3:
            return "None"
        return "Some(%s)" % ts_rfc3339(min(tq + secs(r, 3600, 36000), DAY_NS - SEC))

    def resource_addrs():
        n = r.randrange(1, 4)
        return "[" + ", ".join(lan_ip(r) for _ in range(n)) + "]"

    t = at(10, 5, 40) + r.randrange(0, SEC)
    for key in units:
        t += expo(r, 20)
        c = r.choice(clients)
        if key == "portal":
            vals = (S.cyc(key, 0, hosts),)
        elif key == "allow":
            vals = (c, r.choice(resources), expires(t))
        elif key == "revoke":
            vals = (c, r.choice(resources))
        elif key == "newconn":
            vals = (c,)
        elif key == "rmconn":
            vals = (c, S.cyc(key, 1, rm_reasons))
        elif key == "cand":
            vals = (candidate(),)
        elif key == "bestpath":
            vals = ("%s:%d" % (gw_lan, r.choice([52625, 52625, 41894, 60211])), "%s:%d" % (pub_ip(r), eph_port(r)),
                    "%.1fms" % (r.uniform(1.5, 180.0)))
        elif key == "drop":
            vals = (cgnat_ip(r), lan_ip(r))
        elif key == "heartbeat":
            ref += r.randrange(1, 6)
            vals = (ref,)
        elif key == "hiccup":
            vals = (S.cyc(key, 0, hiccups), "%.1fs" % r.uniform(0.5, 30))
        elif key == "dns":
            vals = (S.cyc(key, 0, domains), resource_addrs())
        elif key == "reqfail":
            vals = (S.cyc(key, 0, req_errs),)
        elif key == "alloc":
            vals = ("%ds" % S.cyc(key, 0, [600, 300, 3600]),)
        lvl, span, target = meta[key]
        hdr = "%s %s " % (ts_rfc3339_us(t), lvl)
        if span == "connection":
            hdr += "connection{cid=%s}: " % c
        elif span == "allocation":
            hdr += "allocation{relay=%s}: " % r.choice(relays)
        hdr += target + ": "
        S.emit(hdr, key, vals)
    return S


# ========================================================= 6. Innernet ====

def build_innernet():
    S = System(6, "Innernet", "shuffle",
               r"(?P<ts>[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d) [\w.-]+ (?:innernet|innernet-server)\[\d+\]: "
               r"\[[*!ED]\] ")
    r = S.rng
    d = S.declare
    d("fetch", "fetching state for <*> from server...")
    d("updated", "updated interface <*>")
    d("added", "peer <*> (<*>...) was added.")
    d("modified", "peer <*> (<*>...) was modified.")
    d("removed", "peer <*> (<*>...) was removed.")
    d("report", "reporting <*> interface address(es) as NAT traversal candidates...")
    d("nat", "Attempting to establish connection with <*> remaining unconnected peers...")
    d("fetchfail", "failed to fetch state from server: <*>")
    d("uptodate", "interface <*> is up to date")
    d("listen", "<*> started, listening on <*>")
    d("request", "request <*> <*> from <*> (peer <*>)")
    d("redeem", "redeemed invitation for peer <*> (<*>)")
    d("denied", "denied request from unknown peer <*>")
    d("wgfail", "failed to update WireGuard interface <*>: <*>")
    d("endpoint", "updated endpoint for peer <*> to <*>")

    server_side = {"listen", "request", "redeem", "denied", "endpoint"}
    marks = {"fetchfail": "[!]", "denied": "[!]", "wgfail": "[E]", "request": "[D]"}
    counts = {"fetch": 70, "updated": 18, "added": 8, "modified": 22, "removed": 4, "report": 30,
              "nat": 26, "fetchfail": 6, "uptodate": 40, "listen": 3, "request": 50,
              "redeem": 5, "denied": 6, "wgfail": 4, "endpoint": 8}
    units = []
    for k, n in counts.items():
        units += [k for _ in range(n)]
    shuffle_units(r, units)

    nets = ["acmecorp", "homelab"]
    server_host = "hub-01"
    server_pid = {"acmecorp": 721, "homelab": 733}
    clients = [("ws-ren", 1312), ("build-03", 880), ("nuc-kitchen", 2044), ("lt-priya", 4410),
               ("db-02", 951)]
    peer_names = ["ren-laptop", "build-03", "nuc-kitchen", "priya-phone", "db-02", "gw-berlin",
                  "ci-runner-2", "media", "jump-host", "ops-desktop", "nas-attic"]
    peer_ips = {p: "10.%d.%d.%d" % (r.choice([42, 66]), r.randrange(0, 4), r.randrange(1, 250))
                for p in peer_names}
    peer_keys = {p: base64.b64encode(bytes(r.randrange(256) for _ in range(32))).decode()[:10]
                 for p in peer_names}
    fetch_errs = ["http request failed: Connection refused (os error 111)",
                  "http request failed: operation timed out",
                  "server returned 401 Unauthorized",
                  "invalid response body: EOF while parsing a value at line 1 column 0"]
    wg_errs = ["Operation not permitted (os error 1)", "No such device (os error 19)",
               "Resource busy (os error 16)"]
    endpoints_paths = [("GET", "/v1/user/state"), ("PUT", "/v1/user/endpoint"),
                       ("POST", "/v1/user/redeem"), ("GET", "/v1/admin/peers"),
                       ("PUT", "/v1/user/candidates")]

    t = at(15, 20, 9) + r.randrange(0, SEC)
    for key in units:
        t += expo(r, 18)
        net = S.cyc(key, "net", nets)
        p = r.choice(peer_names)
        if key == "fetch":
            vals = (net,)
        elif key in ("updated", "uptodate"):
            vals = (net,)
        elif key in ("added", "modified", "removed"):
            vals = (p, peer_keys[p])
        elif key == "report":
            vals = (r.choice([1, 1, 2, 3, 4]),)
        elif key == "nat":
            vals = (r.randrange(1, 9),)
        elif key == "fetchfail":
            vals = (S.cyc(key, 0, fetch_errs),)
        elif key == "listen":
            vals = (net, "%s:%d" % (peer_ips["jump-host"] if net == "acmecorp" else "10.66.0.1",
                                    r.choice([51820, 51821])))
        elif key == "request":
            m, pth = S.cyc(key, 0, endpoints_paths)
            vals = (m, pth, peer_ips[p], p)
        elif key == "redeem":
            vals = (p, peer_ips[p])
        elif key == "denied":
            vals = (r.choice([cgnat_ip(r), "10.42.%d.%d" % (r.randrange(4, 9), r.randrange(1, 250))]),)
        elif key == "wgfail":
            vals = (net, S.cyc(key, 1, wg_errs))
        elif key == "endpoint":
            vals = (p, "%s:%d" % (pub_ip(r), r.choice([51820, eph_port(r)])))
        mark = marks.get(key, "[*]")
        if key in server_side:
            hdr = "%s %s innernet-server[%d]: %s " % (ts_syslog(t), server_host, server_pid[net], mark)
        else:
            host, pid = r.choice(clients)
            hdr = "%s %s innernet[%d]: %s " % (ts_syslog(t), host, pid, mark)
        S.emit(hdr, key, vals)
    return S


# ============================================================= output ====

def write_system(S):
    folder = os.path.join(HERE, S.name)
    os.makedirs(folder, exist_ok=True)
    log_path = os.path.join(folder, S.name + ".log")
    csv_path = os.path.join(folder, S.name + ".log_structured.csv")
    with open(log_path, "w", encoding="utf-8", newline="") as f:
        for raw, _, _ in S.rows:
            f.write(raw + "\n")
    with open(csv_path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_, content, eid) in enumerate(S.rows, 1):
            w.writerow([i, content, eid, S.events[int(eid[1:]) - 1][1]])
    return log_path, csv_path


def template_regex(tpl):
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in tpl.split("<*>")) + "$", re.S)


def check_system(S, log_path, csv_path):
    errors = []

    def fail(msg):
        errors.append("%s: %s" % (S.name, msg))

    for p in (log_path, csv_path):
        with open(p, "rb") as f:
            data = f.read()
        if not data.endswith(b"\n"):
            fail("%s does not end with newline" % p)
        if b"\r" in data:
            fail("%s contains CR" % p)
    with open(log_path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if lines[-1] != "":
        fail("log last line not terminated")
    lines = lines[:-1]
    with open(csv_path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if not rows or rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        fail("bad csv header")
    rows = rows[1:]
    if len(lines) != N_LINES:
        fail("log has %d lines" % len(lines))
    if len(rows) != N_LINES:
        fail("csv has %d rows" % len(rows))

    declared = {"E%d" % (i + 1): tpl for i, (_, tpl) in enumerate(S.events)}
    if len(set(declared.values())) != len(declared):
        fail("declared templates not distinct")
    tpl_of = {}
    counts = {}
    captures = {}
    last_ts = None
    regexes = {e: template_regex(t) for e, t in declared.items()}
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            fail("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            fail("row %d LineId %s" % (i, lid))
        if not content or content != content.strip():
            fail("row %d content empty or not stripped" % i)
        if not line.endswith(content):
            fail("line %d does not end with content" % i)
            continue
        header = line[:len(line) - len(content)]
        m = S.header_re.fullmatch(header)
        if not m:
            fail("line %d header does not match: %r" % (i, header))
        else:
            ts = m.groupdict().get("ts")
            if ts is not None:
                key = tuple(int(x) for x in re.findall(r"\d+", ts))
                if last_ts is not None and key < last_ts:
                    fail("line %d timestamp goes back" % i)
                last_ts = key
        if not re.fullmatch(r"E\d+", eid) or eid not in declared:
            fail("row %d bad EventId %s" % (i, eid))
            continue
        if tpl_of.setdefault(eid, tpl) != tpl:
            fail("EventId %s has several templates" % eid)
        if tpl != declared[eid]:
            fail("row %d template differs from declaration" % i)
        mm = regexes[eid].fullmatch(content)
        if not mm:
            fail("row %d content does not match template %s" % (i, eid))
            continue
        counts[eid] = counts.get(eid, 0) + 1
        for j, g in enumerate(mm.groups()):
            captures.setdefault((eid, j), set()).add(g)

    if set(counts) != set(declared):
        fail("declared but unused events: %s" % sorted(set(declared) - set(counts)))
    for eid, tpl in declared.items():
        for j in range(tpl.count("<*>")):
            if len(captures.get((eid, j), ())) < 2:
                fail("%s slot %d takes fewer than 2 values" % (eid, j + 1))
    n = len(declared)
    c = sorted(counts.values())
    if not 12 <= n <= 15:
        fail("%d event types" % n)
    if c and c[0] < 3:
        fail("an event has fewer than 3 lines: %s" % counts)
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        fail("fewer than 3 events with 3-10 lines: %s" % counts)
    if c and c[-1] < 3 * statistics.median(c):
        fail("largest %d < 3x median %s" % (c[-1], statistics.median(c)))
    return errors, counts


BUILDERS = [build_headscale, build_netbird, build_zerotier,
            build_pritunl, build_firezone, build_innernet]


def main():
    all_errors = []
    for build in BUILDERS:
        S = build()
        log_path, csv_path = write_system(S)
        errors, counts = check_system(S, log_path, csv_path)
        all_errors += errors
        c = sorted(counts.values())
        print("%-9s %-10s lines=%d events=%d min=%d median=%s max=%d small(3-10)=%d %s" % (
            S.name, S.kind, len(S.rows), len(S.events), c[0] if c else 0,
            statistics.median(c) if c else 0, c[-1] if c else 0,
            sum(1 for x in c if 3 <= x <= 10), "OK" if not errors else "FAIL"))
        print("          " + " ".join("%s=%d" % (e, counts.get(e, 0))
                                     for e in ("E%d" % (i + 1) for i in range(len(S.events)))))
    if all_errors:
        for e in all_errors:
            print("ERROR", e, file=sys.stderr)
        sys.exit(1)
    print("all self-checks passed")


if __name__ == "__main__":
    main()
