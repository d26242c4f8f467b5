#!/usr/bin/env python3
"""Round 31 blind labelled log corpus generator.

Python 3 standard library only and fully deterministic: no wall clock, no
locale, no environment input.  System k (1..6) draws every value from its own
random.Random(20270115 * 10 + k) and stamps lines with an integer nanosecond
clock that runs on 2026-03-14 (UTC).

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for the six systems next to this file, then re-reads and self-checks them.
"""

import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270115
N_LINES = 300
NS = 1_000_000_000
MS = 1_000_000
US = 1_000
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, DAY = 2026, 3, 14
DAY_NS = 86400 * NS
OUT_DIR = os.path.dirname(os.path.abspath(__file__))
CSV_HEADER = ["LineId", "Content", "EventId", "EventTemplate"]


# --------------------------------------------------------------------------
# clock and value helpers
# --------------------------------------------------------------------------

def at(h, m, s):
    return ((h * 60 + m) * 60 + s) * NS


def hmsf(t):
    """Split a nanosecond offset into 2026-03-14 into h, m, s, nanoseconds."""
    if not 0 <= t < DAY_NS:
        raise ValueError("clock left 2026-03-14: %d" % t)
    sec, frac = divmod(t, NS)
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    return h, m, s, frac


def dec(whole, frac, width):
    txt = str(whole)
    if frac:
        txt += "." + ("%0*d" % (width, frac)).rstrip("0")
    return txt


def go_dur(ns):
    """Go time.Duration.String() for durations >= 1ms."""
    if ns < MS:
        ns = MS
    if ns < NS:
        return dec(ns // MS, ns % MS, 6) + "ms"
    if ns < 60 * NS:
        return dec(ns // NS, ns % NS, 9) + "s"
    mins, rem = divmod(ns, 60 * NS)
    hours, mins = divmod(mins, 60)
    return ("%dh" % hours if hours else "") + "%dm" % mins + dec(rem // NS, rem % NS, 9) + "s"


def go_time(t):
    """Go time.Time.String() of a UTC instant on the corpus day."""
    h, m, s, f = hmsf(t)
    return "%04d-%02d-%02d %02d:%02d:%02d%s +0000 UTC" % (
        YEAR, MONTH, DAY, h, m, s, ("." + ("%09d" % f).rstrip("0")) if f else "")


def old_go_time(r, month_lo, month_hi):
    """A Go time.Time.String() of some earlier day (instance creation etc.)."""
    y = 2025 if month_lo > 3 else 2026
    mo = r.randint(month_lo, month_hi)
    d = r.randint(1, 28)
    f = r.randint(1, NS - 1)
    return "%04d-%02d-%02d %02d:%02d:%02d.%s +0000 UTC" % (
        y, mo, d, r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), ("%09d" % f).rstrip("0"))


def hx(r, n):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


def uuid4(r):
    h = hx(r, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], r.choice("89ab"), h[17:20], h[20:])


def alnum5(r):
    return "".join(r.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(5))


def mac(r):
    oui = r.choice(["3c:22:fb", "b8:27:eb", "dc:a6:32", "f0:9f:c2", "a4:83:e7", "00:11:32", "ec:fa:bc"])
    return oui + ":" + ":".join(hx(r, 2) for _ in range(3))


PUB_FIRST = [23, 31, 37, 45, 62, 77, 80, 89, 91, 103, 109, 141, 151, 176, 178, 185,
             193, 194, 203, 212, 217]


def ip_pub(r):
    return "%d.%d.%d.%d" % (r.choice(PUB_FIRST), r.randint(0, 255), r.randint(0, 255), r.randint(1, 254))


def eport(r):
    return r.randint(32768, 60999)


def ms_between(r, lo, hi):
    return r.randint(lo * MS, hi * MS)


# --------------------------------------------------------------------------
# framework
# --------------------------------------------------------------------------

class Ev:
    """One event type: key, template (one <*> per value), generator, count, header attrs."""

    def __init__(self, key, tpl, gen=None, count=0, **hdr):
        self.key = key
        self.tpl = tpl
        self.gen = gen
        self.count = count
        self.hdr = hdr


class Ctx:
    def __init__(self, k):
        self.r = random.Random(BASE_SEED * 10 + k)
        self._cyc = {}

    def cyc(self, key, pool):
        """Cycle through a small pool, separately per key (event, slot)."""
        i = self._cyc.get(key, 0)
        self._cyc[key] = i + 1
        return pool[i % len(pool)]


def fill(tpl, vals):
    parts = tpl.split("<*>")
    if len(parts) != len(vals) + 1:
        raise ValueError("slot count mismatch for %r: %r" % (tpl, vals))
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        if not v or v != v.strip() or "\n" in v or "\r" in v:
            raise ValueError("bad value %r for %r" % (v, tpl))
        out.append(v)
        out.append(p)
    return "".join(out)


def build_shuffle(c, events, start, mean_gap_s):
    """Fixed count per event, seeded shuffle, forward-only clock with exponential gaps."""
    seq = []
    for ev in events:
        seq.extend([ev] * ev.count)
    if len(seq) != N_LINES:
        raise ValueError("shuffle counts sum to %d" % len(seq))
    c.r.shuffle(seq)
    t = start
    out = []
    for ev in seq:
        t += max(1, int(c.r.expovariate(1.0 / mean_gap_s) * NS))

        def pick(slot, pool, _k=ev.key):
            return c.cyc((_k, slot), pool)

        res = ev.gen(c, pick) if ev.gen else []
        vals, extra = res if isinstance(res, tuple) else (res, {})
        out.append((t, ev, fill(ev.tpl, vals), extra))
    return out


class Sim:
    """Entities emit records on their own clocks; merged in time order, first 300 kept."""

    def __init__(self):
        self.recs = []

    def emit(self, t, key, vals, **extra):
        self.recs.append((t, len(self.recs), key, list(vals), extra))

    def lines(self, events):
        evmap = {e.key: e for e in events}
        recs = sorted(self.recs, key=lambda x: (x[0], x[1]))
        if len(recs) < N_LINES:
            raise ValueError("simulation produced only %d records" % len(recs))
        return [(t, evmap[k], fill(evmap[k].tpl, v), ex) for t, _, k, v, ex in recs[:N_LINES]]


class System:
    def __init__(self, name, mode, events, lines, header, header_re, ts_key):
        self.name = name
        self.mode = mode
        self.events = events
        self.lines = lines
        self.header = header
        self.header_re = re.compile(header_re)
        self.ts_key = ts_key


def ts_digits(s):
    return tuple(int(x) for x in re.findall(r"\d+", s))


# --------------------------------------------------------------------------
# 1. AdGuardHome  (seeded shuffle)
# --------------------------------------------------------------------------

def sys_adguard():
    c = Ctx(1)
    r = c.r

    LISTEN = ["0.0.0.0:53", "[::]:53", "192.168.1.2:53"]
    GOTO = ["http://127.0.0.1:3000", "http://192.168.1.2:3000", "http://[::1]:3000"]
    QNAMES = ["www.google.com.", "api.github.com.", "connectivitycheck.gstatic.com.",
              "time.apple.com.", "updates.signal.org.", "www.bbc.co.uk.", "i.ytimg.com.",
              "cdn.jsdelivr.net.", "login.microsoftonline.com.", "pool.ntp.org.",
              "nas.home.arpa.", "mqtt.home.arpa.", "2.1.168.192.in-addr.arpa.",
              "gateway.fe2.apple-dns.net.", "weather-data.apple.com.", "s3.eu-central-1.amazonaws.com."]
    QTYPES = ["A", "AAAA", "HTTPS", "A", "PTR", "AAAA", "SRV", "TXT"]
    UPSTREAMS = ["https://dns10.quad9.net:443/dns-query", "tls://1.1.1.1:853", "8.8.8.8:53",
                 "quic://dns.adguard-dns.com:853", "https://cloudflare-dns.com:443/dns-query"]
    ADHOSTS = [("doubleclick.net", ["googleads.g.", "stats.g.", "ad."]),
               ("app-measurement.com", ["", "region1."]),
               ("ads.yahoo.com", ["", "us."]),
               ("graph.instagram.com", [""]),
               ("analytics.tiktok.com", ["", "mon."]),
               ("settings-win.data.microsoft.com", [""]),
               ("metrics.icloud.com", ["", "p31-"]),
               ("adservice.google.com", ["", "pagead2."]),
               ("track.hubspot-mail.net", [""]),
               ("samsungads.com", ["config.", "gpm."])]
    LISTS = ["1", "1712345678", "1698765432", "2"]
    CLIENTS = ["Living room TV", "kids-tablet", "Office PC", "printer", "Mia's phone", "NAS"]
    HOSTNAMES = ["android-3f2a9c1d0b7e4a55", "raspberrypi", "LAPTOP-8QK2M1", "espressif",
                 "shellyplug-s-3C6105", "iPad", "brw-3c2af4", "octopi"]
    TLS_ERRS = ["EOF", "remote error: tls: unknown certificate",
                "tls: client offered only unsupported versions: [302 301]",
                "tls: first record does not look like a TLS handshake",
                "read tcp 192.168.1.2:443->{peer}: read: connection reset by peer"]
    VURLS = ["https://static.adtidy.org/adguardhome/release/version.json",
             "https://static.adtidy.org/adguardhome/beta/version.json"]
    VERRS = ["dial tcp: lookup static.adtidy.org: i/o timeout",
             "unexpected status code 503",
             "context deadline exceeded (Client.Timeout exceeded while awaiting headers)"]

    def lan(r):
        return "192.168.1.%d" % r.randint(20, 199)

    def g_exchange(c, P):
        d = r.randint(1 * MS, 90 * MS) if r.random() < 0.93 else r.randint(1 * NS, 4 * NS)
        return [r.choice(QNAMES), P(1, QTYPES), P(2, UPSTREAMS), go_dur(d + r.randint(0, MS - 1))]

    def g_blocked(c, P):
        base, subs = P(0, ADHOSTS)
        host = r.choice(subs) + base
        return [host, "||%s^" % base, P(2, LISTS)]

    def g_flushed(c, P):
        return [r.randint(12, 1000), go_dur(r.randint(2 * MS, 48 * MS) + r.randint(0, MS - 1))]

    def g_fupd(c, P):
        before = r.randint(38000, 162000)
        return [P(0, LISTS[1:] + ["1"]), before, before + r.randint(-400, 900)]

    def g_client(c, P):
        ids = [lan(r)]
        if r.random() < 0.6:
            ids.append(mac(r))
        return [P(0, CLIENTS), " ".join(ids)]

    def g_lease(c, P):
        return ["192.168.1.%d" % r.randint(100, 199), mac(r), P(2, HOSTNAMES)]

    def g_uerr(c, P):
        up = P(0, UPSTREAMS)
        addr = up.split("//")[-1].split("/")[0]
        if up.startswith("https://"):
            err = "requesting %s: context deadline exceeded (Client.Timeout exceeded while awaiting headers)" % up
        elif up.startswith("tls://"):
            err = "dialing %s: dial tcp %s: connect: network is unreachable" % (up, addr)
        elif up.startswith("quic://"):
            err = "opening quic connection to %s: timeout: no recent network activity" % addr
        else:
            err = "exchanging with %s over udp: read udp 192.168.1.2:%d->%s: i/o timeout" % (addr, eport(r), addr)
        return [up, err]

    def g_tls(c, P):
        peer = "%s:%d" % (lan(r) if r.random() < 0.7 else ip_pub(r), eport(r))
        return [peer, P(1, TLS_ERRS).replace("{peer}", peer)]

    events = [
        Ev("version", "AdGuard Home, version <*>",
           lambda c, P: [P(0, ["v0.107.57", "v0.107.55", "v0.107.52"])], 4, lvl="info"),
        Ev("listen_udp", "dnsproxy: listening to udp addr=<*>", lambda c, P: [P(0, LISTEN)], 5, lvl="info"),
        Ev("listen_tcp", "dnsproxy: listening to tcp addr=<*>", lambda c, P: [P(0, LISTEN)], 5, lvl="info"),
        Ev("goto", "webapi: go to <*>", lambda c, P: [P(0, GOTO)], 4, lvl="info"),
        Ev("exchange", "dnsproxy: exchange question=<*> qtype=<*> upstream=<*> elapsed=<*>",
           g_exchange, 100, lvl="debug"),
        Ev("blocked", "filtering: blocked host=<*> rule=<*> list_id=<*>", g_blocked, 58, lvl="debug"),
        Ev("flushed", "querylog: flushed to file count=<*> elapsed=<*>", g_flushed, 36, lvl="debug"),
        Ev("filter_upd", "Updated filter #<*>. Rules: <*> -> <*>", g_fupd, 9, lvl="info"),
        Ev("client_add", 'clients: added persistent client "<*>" with ids [<*>]', g_client, 6, lvl="info"),
        Ev("client_del", 'clients: removed persistent client "<*>" with ids [<*>]', g_client, 4, lvl="info"),
        Ev("lease_add", "dhcpd: v4: added lease ip=<*> mac=<*> hostname=<*>", g_lease, 15, lvl="info"),
        Ev("lease_del", "dhcpd: v4: removed lease ip=<*> mac=<*> hostname=<*>", g_lease, 7, lvl="info"),
        Ev("upstream_err", 'dnsproxy: upstream exchange failed upstream=<*> err="<*>"', g_uerr, 26, lvl="error"),
        # written by net/http through the standard library logger: no level tag
        Ev("tls_err", "http: TLS handshake error from <*>: <*>", g_tls, 18),
        Ev("vcheck", "Couldn't get version check json from <*>: <*>",
           lambda c, P: [P(0, VURLS), P(1, VERRS)], 3, lvl="error"),
    ]

    def header(ev, t, extra):
        h, m, s, f = hmsf(t)
        out = "%04d/%02d/%02d %02d:%02d:%02d.%06d " % (YEAR, MONTH, DAY, h, m, s, f // US)
        lvl = ev.hdr.get("lvl")
        return out + ("[%s] " % lvl if lvl else "")

    lines = build_shuffle(c, events, at(6, 12, 3) + r.randint(0, NS - 1), 9.0)
    return System("AdGuardHome", "shuffle", events, lines, header,
                  r"(?P<ts>\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}\.\d{6}) (?:\[(?:debug|info|error)\] )?",
                  ts_digits)


# --------------------------------------------------------------------------
# 2. Typesense  (seeded shuffle, glog lines)
# --------------------------------------------------------------------------

def sys_typesense():
    c = Ctx(2)
    r = c.r

    COLLS = ["products", "orders_2026_03", "companies", "books", "docs_v2", "recipes", "listings_eu"]
    NODES = ["10.0.1.11:8107:8108", "10.0.1.12:8107:8108", "10.0.1.13:8107:8108"]
    PEER_ERRS = ["Unable to resolve host typesense-2.typesense.search.svc.cluster.local",
                 "Nodes file /etc/typesense/nodes is empty or unreadable",
                 "Peer configuration change already in progress"]
    IMPORT_ERRS = ["Field `price` must be a float.",
                   "Document with `id` {n} already exists.",
                   "Field `title` has been declared in the schema, but is not found in the document.",
                   "Bad JSON: unexpected end of input.",
                   "Field `created_at` must be an int64."]
    SLOW_PATHS = ["/collections/{c}/documents/search", "/multi_search",
                  "/collections/{c}/documents/import", "/collections/{c}/documents/export"]

    raft = {"n": 0, "last": r.randint(180000, 200000), "seq": r.randint(5_000_000, 6_000_000)}

    def g_status(c, P):
        # the periodic status line: indexes only move forward; one election half-way through
        raft["n"] += 1
        raft["last"] += r.randint(0, 900)
        raft["seq"] += r.randint(0, 4000)
        last = raft["last"]
        committed = last - (0 if r.random() < 0.7 else r.randint(1, 3))
        applying = 0 if r.random() < 0.75 else committed + 1
        qw = 0 if r.random() < 0.6 else r.randint(1, 9)
        pq = 0 if r.random() < 0.7 else r.randint(1, 4)
        return ["5" if raft["n"] <= 41 else "6", last, committed, committed, applying, qw, pq, raft["seq"]]

    def g_indexed(c, P):
        total = r.randint(2000, 260000)
        done = min(total, r.randint(1, total // 1000 + 1) * 1000)
        return [done, total, P(2, COLLS)]

    def g_dummy(c, P):
        node = P(0, NODES).split(":")[0]
        ok = P(1, [True, True, False])
        return ["http://%s:8108/health" % node, 200 if ok else 503,
                '{"ok": true}' if ok else '{"ok": false}']

    def g_import(c, P):
        n = r.randint(1, 40) * 250
        errs = 0 if r.random() < 0.6 else r.randint(1, 30)
        return [P(0, COLLS), n, errs, "%dms" % r.randint(40, 4800)]

    def g_slow(c, P):
        path = P(1, SLOW_PATHS).replace("{c}", r.choice(COLLS))
        method = "GET" if "search" in path and r.random() < 0.6 else ("POST" if "export" not in path else "GET")
        return [method, path, r.randint(1001, 9800)]

    def g_snap(c, P):
        return ["/var/lib/typesense/state/snapshot/snapshot_%020d" % r.randint(150000, 260000),
                "%dms" % r.randint(120, 9000)]

    def g_imperr(c, P):
        return [P(0, COLLS), r.randint(1, 5000), P(2, IMPORT_ERRS).replace("{n}", str(r.randint(100, 99999)))]

    RAFT_TIDS = [97, 98]
    HTTP_TIDS = [211, 214, 217, 220, 226]
    BRAFT_TIDS = [104, 109, 113, 118]
    events = [
        Ev("status", "Term: <*>, last_index index: <*>, committed_index: <*>, known_applied_index: <*>, "
                     "applying_index: <*>, queued_writes: <*>, pending_queue_size: <*>, local_sequence: <*>",
           g_status, 92, L="I", src="raft_server.cpp:545", tids=RAFT_TIDS),
        Ev("gc", "Running GC for aborted requests, req map size: <*>",
           lambda c, P: [0 if r.random() < 0.5 else r.randint(1, 12)], 48,
           L="I", src="raft_server.cpp:633", tids=RAFT_TIDS),
        Ev("start", "Starting Typesense <*>", lambda c, P: [P(0, ["27.1", "28.0"])], 3,
           L="I", src="typesense_server_utils.cpp:331", tids=[1]),
        Ev("indexed", "Indexed <*>/<*> documents into collection <*>.", g_indexed, 14,
           L="I", src="collection_manager.cpp:402", tids=[1, 88]),
        Ev("peer_ok", "Peer refresh succeeded!", None, 30, L="I", src="raft_server.cpp:593", tids=RAFT_TIDS),
        Ev("peer_fail", "Peer refresh failed, error: <*>", lambda c, P: [P(0, PEER_ERRS)], 8,
           L="E", src="raft_server.cpp:598", tids=RAFT_TIDS),
        Ev("vote", "node default_group:<*> term <*> start vote and grant vote self",
           lambda c, P: [P(0, NODES), r.randint(5, 9)], 5,
           L="W", src="external/com_github_brpc_braft/src/braft/node.cpp:1549", tids=BRAFT_TIDS),
        Ev("dummy", "Dummy write to <*>, status = <*>, response = <*>", g_dummy, 6,
           L="I", src="raft_server.cpp:807", tids=RAFT_TIDS),
        Ev("reset", "Node with no leader. Resetting peers of size: <*>", lambda c, P: [P(0, ["3", "2"])], 4,
           L="W", src="raft_server.cpp:612", tids=RAFT_TIDS),
        Ev("import", "Batch import into collection <*>: <*> records, <*> errors, took <*>", g_import, 29,
           L="I", src="core_api.cpp:1174", tids=HTTP_TIDS),
        Ev("slow", "event: slow_request, method: <*>, path: <*>, time_ms: <*>", g_slow, 22,
           L="I", src="http_server.cpp:736", tids=HTTP_TIDS),
        Ev("snapshot", "Snapshot save succeeded, path: <*>, took <*>", g_snap, 7,
           L="I", src="raft_server.cpp:709", tids=BRAFT_TIDS),
        Ev("import_err", "Document import failed for collection <*>, line <*>: <*>", g_imperr, 18,
           L="E", src="core_api.cpp:1203", tids=HTTP_TIDS),
        Ev("coll_created", "Collection <*> was created.", lambda c, P: [P(0, COLLS)], 9,
           L="I", src="collection_manager.cpp:561", tids=HTTP_TIDS),
        Ev("coll_dropped", "Collection <*> was dropped.", lambda c, P: [P(0, COLLS[::-1])], 5,
           L="I", src="collection_manager.cpp:618", tids=HTTP_TIDS),
    ]

    def header(ev, t, extra):
        h, m, s, f = hmsf(t)
        tid = c.cyc((ev.key, "tid"), ev.hdr["tids"])
        return "%s%04d%02d%02d %02d:%02d:%02d.%06d %5d %s] " % (
            ev.hdr["L"], YEAR, MONTH, DAY, h, m, s, f // US, tid, ev.hdr["src"])

    lines = build_shuffle(c, events, at(8, 30, 41) + r.randint(0, NS - 1), 12.0)
    return System("Typesense", "shuffle", events, lines, header,
                  r"[IWEF](?P<ts>\d{8} \d{2}:\d{2}:\d{2}\.\d{6}) +\d+ [\w./+-]+\.(?:cpp|cc|h):\d+\] ",
                  ts_digits)


# --------------------------------------------------------------------------
# 3. Incus  (simulation: instances, plus daemon tasks)
# --------------------------------------------------------------------------

def sys_incus():
    c = Ctx(3)
    r = c.r
    sim = Sim()
    T0 = at(5, 47, 29) + r.randint(0, NS - 1)
    TEND = T0 + 7 * 3600 * NS
    NEVER = "1970-01-01 00:00:00 +0000 UTC"

    ALIASES = ["ubuntu/24.04", "debian/12", "alpine/3.20", "ubuntu/24.04/cloud", "rockylinux/9", "debian/12/cloud"]
    SERVERS = ["https://images.linuxcontainers.org", "https://images.lab.brannock.net:8443"]
    START_ERRS = ["Failed to start device 'eth0': Parent device 'incusbr1' doesn't exist",
                  "Instance is busy running a restart operation",
                  "Failed creating instance record: Insufficient disk space in pool 'default'",
                  "The instance requires 8GiB of memory but only 3.1GiB is available"]
    TIMEOUTS = ["-1s", "30s", "2m0s"]

    events = [
        Ev("creating", 'msg="Creating instance" ephemeral=<*> instance=<*> instanceType=<*> project=<*>', lvl="info"),
        Ev("created", 'msg="Created instance" ephemeral=<*> instance=<*> instanceType=<*> project=<*>', lvl="info"),
        Ev("starting", 'msg="Starting instance" action=start created="<*>" ephemeral=<*> instance=<*> '
                       'instanceType=<*> project=<*> stateful=<*> used="<*>"', lvl="info"),
        Ev("started", 'msg="Started instance" action=start created="<*>" ephemeral=<*> instance=<*> '
                      'instanceType=<*> project=<*> stateful=<*> used="<*>"', lvl="info"),
        Ev("stopping", 'msg="Stopping instance" action=stop created="<*>" ephemeral=<*> instance=<*> '
                       'instanceType=<*> project=<*> stateful=<*> used="<*>"', lvl="info"),
        Ev("stopped", 'msg="Stopped instance" action=stop created="<*>" ephemeral=<*> instance=<*> '
                      'instanceType=<*> project=<*> stateful=<*> used="<*>"', lvl="info"),
        Ev("shutting", 'msg="Shutting down instance" action=shutdown created="<*>" ephemeral=<*> instance=<*> '
                       'instanceType=<*> project=<*> stateful=<*> timeout=<*> used="<*>"', lvl="info"),
        Ev("shut", 'msg="Shut down instance" action=shutdown created="<*>" ephemeral=<*> instance=<*> '
                   'instanceType=<*> project=<*> stateful=<*> timeout=<*> used="<*>"', lvl="info"),
        Ev("deleting", 'msg="Deleting instance" created="<*>" ephemeral=<*> instance=<*> instanceType=<*> '
                       'project=<*> used="<*>"', lvl="info"),
        Ev("deleted", 'msg="Deleted instance" created="<*>" ephemeral=<*> instance=<*> instanceType=<*> '
                      'project=<*> used="<*>"', lvl="info"),
        Ev("image", 'msg="Image downloaded" alias=<*> fingerprint=<*> server=<*>', lvl="info"),
        Ev("prune", 'msg="Pruning expired instance backups"', lvl="info"),
        Ev("prune_done", 'msg="Done pruning expired instance backups"', lvl="info"),
        Ev("heartbeat", 'msg="Heartbeat round duration greater than heartbeat interval" duration=<*> interval=10s',
           lvl="warning"),
        Ev("start_fail", 'msg="Failed starting instance" err="<*>" instance=<*> project=<*>', lvl="error"),
    ]

    # -- daemon background: cluster heartbeats and hourly backup pruning
    t = T0 + r.randint(0, 10 * NS)
    while t < TEND:
        if r.random() < 0.07:
            sim.emit(t + r.randint(0, 30 * MS), "heartbeat", [go_dur(10 * NS + r.randint(40 * MS, 9 * NS))])
        t += 10 * NS
    t = T0 + at(0, 9, 51) + r.randint(0, NS - 1)
    while t < TEND:
        sim.emit(t, "prune", [])
        sim.emit(t + r.randint(3 * MS, 900 * MS), "prune_done", [])
        t += 3600 * NS + r.randint(0, 40 * MS)

    def eph(i):
        return "true" if i["eph"] else "false"

    def base(i):
        return [i["created"], eph(i), i["name"], i["type"], i["project"], "true" if i["stateful"] else "false"]

    def start(i, t):
        """Starting ... Started (or Failed starting). Returns (t, ok)."""
        sim.emit(t, "starting", base(i) + [i["used"]])
        t0 = t
        t += ms_between(r, 250, 2900) if i["type"] == "container" else ms_between(r, 2000, 9500)
        if r.random() < 0.07:
            sim.emit(t, "start_fail", [c.cyc("start_err", START_ERRS), i["name"], i["project"]])
            return t, False
        i["used"] = go_time(t0)
        sim.emit(t, "started", base(i) + [i["used"]])
        return t, True

    def stop(i, t):
        sim.emit(t, "stopping", base(i) + [i["used"]])
        t += ms_between(r, 300, 4000)
        sim.emit(t, "stopped", base(i) + [i["used"]])
        return t

    def shutdown(i, t):
        to = c.cyc("timeout", TIMEOUTS)
        sim.emit(t, "shutting", base(i) + [to, i["used"]])
        t += ms_between(r, 800, 14000)
        sim.emit(t, "shut", base(i) + [to, i["used"]])
        return t

    def delete(i, t):
        sim.emit(t, "deleting", [i["created"], eph(i), i["name"], i["type"], i["project"], i["used"]])
        t += ms_between(r, 40, 2500)
        sim.emit(t, "deleted", [i["created"], eph(i), i["name"], i["type"], i["project"], i["used"]])
        return t

    def create(i, t):
        if r.random() < 0.4:
            sim.emit(t, "image", [c.cyc("alias", ALIASES), hx(r, 64), c.cyc("server", SERVERS)])
            t += ms_between(r, 300, 3000)
        i["created"] = go_time(t)
        sim.emit(t, "creating", [eph(i), i["name"], i["type"], i["project"]])
        t += ms_between(r, 900, 18000) if i["type"] == "container" else ms_between(r, 5000, 40000)
        sim.emit(t, "created", [eph(i), i["name"], i["type"], i["project"]])
        return t + ms_between(r, 30, 600)

    def ci_runner(t):
        i = {"name": "ci-runner-" + alnum5(r), "project": "ci", "eph": True,
             "type": c.cyc("ci_type", ["container", "container", "virtual-machine"]),
             "stateful": False, "used": NEVER}
        t = create(i, t)
        t, ok = start(i, t)
        if ok:
            t += r.randint(60, 900) * NS
            if c.cyc("ci_end", [False, True, False]):
                t = shutdown(i, t) + ms_between(r, 20, 300)
            else:
                t = stop(i, t) + ms_between(r, 20, 300)
        else:
            t += r.randint(2, 30) * NS
        delete(i, t)

    svc_n = [0]

    def service(t):
        svc_n[0] += 1
        itype = c.cyc("svc_type", ["container", "virtual-machine", "container"])
        i = {"name": "%s%02d" % (c.cyc("svc_name", ["web", "db", "cache", "build", "mon", "gw", "dev"]), svc_n[0]),
             "project": c.cyc("svc_proj", ["default", "web", "staging"]), "eph": False, "type": itype,
             "stateful": itype == "virtual-machine" and c.cyc("svc_stateful", [True, False]), "used": NEVER}
        t = create(i, t)
        lifecycle(i, t)

    def lifecycle(i, t, running=False):
        while t < TEND:
            if not running:
                t, running = start(i, t)
                if not running:
                    t += r.randint(30, 300) * NS
                    continue
            t += r.randint(300, 5400) * NS
            roll = r.random()
            if roll < 0.5:
                t = shutdown(i, t) + ms_between(r, 200, 3000)
                running = False
            elif roll < 0.75:
                t = stop(i, t) + ms_between(r, 100, 2000)
                delete(i, t)
                return
            else:
                t = stop(i, t) + r.randint(60, 1200) * NS
                running = False

    # pre-existing instances that are already running when the excerpt starts
    for n, (name, proj, itype, stf) in enumerate([
            ("nextcloud", "default", "container", False), ("pg-main", "default", "virtual-machine", True),
            ("gitea", "web", "container", False), ("win11-test", "staging", "virtual-machine", False),
            ("haproxy01", "web", "container", False), ("grafana", "default", "container", False),
            ("k3s-node1", "staging", "virtual-machine", True)]):
        i = {"name": name, "project": proj, "eph": False, "type": itype, "stateful": stf,
             "created": old_go_time(r, 9 if n % 2 else 1, 12 if n % 2 else 2),
             "used": old_go_time(r, 2, 3).replace("2025", "2026") if n % 2 == 0 else old_go_time(r, 1, 2)}
        lifecycle(i, T0 + r.randint(0, 3600) * NS - 5400 * NS, running=True)

    t = T0 + r.randint(20, 200) * NS
    while t < TEND:
        ci_runner(t)
        t += int(r.expovariate(1 / 700.0) * NS) + NS
    t = T0 + r.randint(100, 900) * NS
    while t < TEND:
        service(t)
        t += int(r.expovariate(1 / 2400.0) * NS) + NS

    sim.recs = [x for x in sim.recs if x[0] >= T0]

    def header(ev, t, extra):
        h, m, s, f = hmsf(t)
        return 'time="%04d-%02d-%02dT%02d:%02d:%02dZ" level=%s ' % (YEAR, MONTH, DAY, h, m, s, ev.hdr["lvl"])

    return System("Incus", "simulation", events, sim.lines(events), header,
                  r'time="(?P<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)" level=(?:debug|info|warning|error) ',
                  ts_digits)


# --------------------------------------------------------------------------
# 4. NetworkUpsTools  (seeded shuffle, syslog lines)
# --------------------------------------------------------------------------

def sys_nut():
    c = Ctx(4)
    r = c.r
    HOST = "backup-nas"
    UPSES = ["eaton5p", "rackapc"]
    DRV_PID = {"eaton5p": 1398, "rackapc": 1403}
    USERS = ["upsmon", "monuser", "hass", "observer"]
    FROM = ["127.0.0.1", "::1", "192.168.10.21", "192.168.10.35", "192.168.10.60"]
    MONHOSTS = ["localhost", "backup-nas.lan"]

    def ups_at(P, slot):
        return "%s@%s" % (P(slot, UPSES), P(slot + 100, MONHOSTS))

    def g_user(c, P):
        return [P(0, USERS), P(1, FROM), P(2, UPSES)]

    def g_drv(c, P):
        u = P(99, UPSES)
        return [P(0, ["Input/Output Error", "Pipe error", "Input/Output Error", "Operation timed out"])], \
            {"pid": DRV_PID[u]}

    def g_claim(c, P):
        u = P(99, UPSES)
        return [{"eaton5p": "0463:ffff", "rackapc": "051d:0002"}[u],
                P(1, ["Device or resource busy", "Entity not found", "Access denied (insufficient permissions)"])], \
            {"pid": DRV_PID[u]}

    events = [
        Ev("login", "User <*>@<*> logged into UPS [<*>]", g_user, 66, prog="upsd"),
        Ev("logout", "User <*>@<*> logged out from UPS [<*>]", g_user, 45, prog="upsd"),
        Ev("onbatt", "UPS <*> on battery", lambda c, P: [ups_at(P, 0)], 9, prog="upsmon"),
        Ev("online", "UPS <*> on line power", lambda c, P: [ups_at(P, 0)], 9, prog="upsmon"),
        Ev("commlost", "Communications with UPS <*> lost", lambda c, P: [ups_at(P, 0)], 6, prog="upsmon"),
        Ev("commok", "Communications with UPS <*> established", lambda c, P: [ups_at(P, 0)], 6, prog="upsmon"),
        Ev("pollfail", "Poll UPS [<*>] failed - <*>",
           lambda c, P: [ups_at(P, 0), P(1, ["Data stale", "Driver not connected",
                                             "Write error: Connection reset by peer"])], 30, prog="upsmon"),
        Ev("stale", "Data for UPS [<*>] is stale - check driver", lambda c, P: [P(0, UPSES)], 24, prog="upsd"),
        Ev("notstale", "UPS [<*>] data is no longer stale", lambda c, P: [P(0, UPSES)], 20, prog="upsd"),
        Ev("libusb", "nut_libusb_get_interrupt: <*>", g_drv, 56, prog="usbhid-ups"),
        Ev("connected", "Connected to UPS [<*>]: <*>",
           lambda c, P: (lambda u: [u, "usbhid-ups-" + u])(P(0, UPSES)), 5, prog="upsd"),
        Ev("lowbatt", "UPS <*> battery is low", lambda c, P: [ups_at(P, 0)], 3, prog="upsmon"),
        Ev("claim", "Can't claim USB device [<*>]: <*>", g_claim, 7, prog="usbhid-ups"),
        Ev("connfail", "UPS [<*>]: connect failed: <*>",
           lambda c, P: [ups_at(P, 0), P(1, ["Connection failure: Connection refused",
                                             "Connection failure: Network is unreachable",
                                             "Connection failure: Connection timed out"])], 10, prog="upsmon"),
        Ev("listen", "listening on <*> port 3493", lambda c, P: [P(0, ["127.0.0.1", "::1", "192.168.10.5"])], 4,
           prog="upsd"),
    ]
    PIDS = {"upsd": 1412, "upsmon": 1421}

    def header(ev, t, extra):
        h, m, s, f = hmsf(t)
        prog = ev.hdr["prog"]
        pid = extra.get("pid", PIDS.get(prog))
        return "%s %2d %02d:%02d:%02d %s %s[%d]: " % (MONTHS[MONTH - 1], DAY, h, m, s, HOST, prog, pid)

    def ts_key(s):
        mon, day, hms = s.split()
        return (MONTHS.index(mon), int(day)) + tuple(int(x) for x in hms.split(":"))

    lines = build_shuffle(c, events, at(1, 5, 22) + r.randint(0, NS - 1), 40.0)
    return System("NetworkUpsTools", "shuffle", events, lines, header,
                  r"(?P<ts>[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}) [\w.-]+ [\w.-]+\[\d+\]: ", ts_key)


# --------------------------------------------------------------------------
# 5. Kueue  (simulation: batch Jobs and their Workloads)
# --------------------------------------------------------------------------

def sys_kueue():
    c = Ctx(5)
    r = c.r
    sim = Sim()
    T0 = at(9, 41, 17) + r.randint(0, NS - 1)
    TEND = T0 + 4 * 3600 * NS

    JOBCTX = ('"controller": "job", "controllerGroup": "batch", "controllerKind": "Job", '
              '"Job": {"name":"<*>","namespace":"<*>"}, "namespace": "<*>", "name": "<*>", "reconcileID": "<*>"')
    WL = '"workload": {"name":"<*>","namespace":"<*>"}'
    WLC = "core/workload_controller.go"
    events = [
        Ev("reconcile", 'Reconciling Job\t{' + JOBCTX + ', "job": "<*>", "gvk": "batch/v1, Kind=Job"}',
           lvl="LEVEL(-2)", caller="jobframework/reconciler.go:288"),
        Ev("wl_create", 'Workload create event\t{' + WL + ', "queue": "<*>", "status": "pending"}',
           lvl="LEVEL(-2)", logger="workload-reconciler", caller=WLC + ":598"),
        Ev("wl_update", 'Workload update event\t{' + WL + ', "queue": "<*>", "status": "<*>", "prevStatus": "<*>", '
                        '"clusterQueue": "<*>"}',
           lvl="LEVEL(-2)", logger="workload-reconciler", caller=WLC + ":638"),
        Ev("wl_delete", 'Workload delete event\t{' + WL + ', "queue": "<*>", "status": "<*>"}',
           lvl="LEVEL(-2)", logger="workload-reconciler", caller=WLC + ":612"),
        Ev("assumed", 'Workload assumed in the cache\t{"schedulingCycle": <*>, ' + WL +
                      ', "clusterQueue": {"name":"<*>"}}',
           lvl="LEVEL(-2)", logger="scheduler", caller="scheduler/scheduler.go:543"),
        Ev("noadmit", 'Workload could not be admitted\t{"schedulingCycle": <*>, ' + WL +
                      ', "clusterQueue": {"name":"<*>"}, "reason": "<*>"}',
           lvl="LEVEL(-2)", logger="scheduler", caller="scheduler/scheduler.go:259"),
        Ev("unsuspend", 'Job admitted, unsuspending\t{' + JOBCTX + ', "job": "<*>", "workload": "<*>"}',
           lvl="INFO", caller="jobframework/reconciler.go:431"),
        Ev("finished", 'Job finished, marking workload as finished\t{' + JOBCTX + ', "workload": "<*>", '
                       '"condition": "<*>"}',
           lvl="INFO", caller="jobframework/reconciler.go:356"),
        Ev("preempt", 'Preempting workload\t{"schedulingCycle": <*>, "preemptor": {"name":"<*>","namespace":"<*>"}, '
                      + WL + ', "targetClusterQueue": {"name":"<*>"}, "reason": "<*>"}',
           lvl="INFO", logger="scheduler", caller="preemption/preemption.go:178"),
        Ev("suspend", 'Suspending job after eviction\t{' + JOBCTX + ', "workload": "<*>", "reason": "<*>"}',
           lvl="INFO", caller="jobframework/reconciler.go:402"),
        Ev("cq_update", 'ClusterQueue update event\t{"clusterQueue": {"name":"<*>"}}',
           lvl="LEVEL(-2)", logger="clusterqueue-reconciler", caller="core/clusterqueue_controller.go:341"),
        Ev("lq_update", 'LocalQueue update event\t{"localQueue": {"name":"<*>","namespace":"<*>"}}',
           lvl="LEVEL(-2)", logger="localqueue-reconciler", caller="core/localqueue_controller.go:204"),
        Ev("ctrl_start", 'Starting Controller\t{"controller": "<*>", "controllerGroup": "<*>", "controllerKind": "<*>"}',
           lvl="INFO", caller="controller/controller.go:186"),
        Ev("workers", 'Starting workers\t{"controller": "<*>", "controllerGroup": "<*>", "controllerKind": "<*>", '
                      '"worker count": <*>}',
           lvl="INFO", caller="controller/controller.go:220"),
    ]

    CTRLS = [("workload", "kueue.x-k8s.io", "Workload", 5), ("clusterqueue", "kueue.x-k8s.io", "ClusterQueue", 1),
             ("localqueue", "kueue.x-k8s.io", "LocalQueue", 1), ("resourceflavor", "kueue.x-k8s.io", "ResourceFlavor", 1),
             ("job", "batch", "Job", 5), ("mpijob", "kubeflow.org", "MPIJob", 2)]
    t = T0
    for name, grp, kind, _ in CTRLS:
        t += r.randint(200 * US, 3 * MS)
        sim.emit(t, "ctrl_start", [name, grp, kind])
    t += ms_between(r, 40, 160)
    for name, grp, kind, workers in CTRLS:
        t += r.randint(100 * US, 2 * MS)
        sim.emit(t, "workers", [name, grp, kind, workers])

    NSQ = [("team-a", "user-queue", "cq-cpu"), ("ml-research", "lq-gpu", "cq-gpu"),
           ("team-b", "user-queue", "cq-cpu"), ("default", "user-queue", "cluster-queue"),
           ("data-eng", "lq-batch", "cq-cpu"), ("ml-research", "lq-gpu-spot", "cq-gpu")]
    PREFIXES = ["sample-job", "train-bert", "etl-nightly", "render-frames", "sim-montecarlo",
                "ingest-logs", "resize-images", "eval-llm"]
    QUOTA = {"cq-cpu": [("cpu", "default-flavor", ["2", "500m", "3", "1500m"]),
                        ("memory", "default-flavor", ["4Gi", "512Mi", "12Gi"])],
             "cq-gpu": [("nvidia.com/gpu", "a100-80gb", ["1", "2", "4"]),
                        ("nvidia.com/gpu", "l4", ["1", "3"])],
             "cluster-queue": [("cpu", "default-flavor", ["1", "250m", "6"])]}

    def cycle_no(t):
        return 1412 + (t - T0) // (137 * MS)

    def job(t):
        ns_, lq, cq = c.cyc("ns", NSQ)
        name = "%s-%s" % (c.cyc("prefix", PREFIXES), alnum5(r))
        wl = "job-%s-%s" % (name, hx(r, 5))

        def reconcile(t):
            rid = uuid4(r)
            sim.emit(t, "reconcile", [name, ns_, ns_, name, rid, ns_ + "/" + name])
            return rid

        def jobline(t, key, rid, more):
            sim.emit(t, key, [name, ns_, ns_, name, rid] + more)

        def upd(t, st, prev):
            sim.emit(t, "wl_update", [wl, ns_, lq, st, prev, cq])

        reconcile(t)
        t += ms_between(r, 3, 15)
        sim.emit(t, "wl_create", [wl, ns_, lq])
        t += ms_between(r, 1, 6)
        sim.emit(t, "lq_update", [lq, ns_])
        attempts = 0
        first = True
        while t < TEND:
            t += ms_between(r, 20, 1500) if first else r.randint(8, 75) * NS + r.randint(0, NS)
            first = False
            if r.random() < 0.6:
                sim.emit(t, "assumed", [cycle_no(t), wl, ns_, cq])
                t += ms_between(r, 1, 4)
                upd(t, "quotaReserved", "pending")
                t += ms_between(r, 1, 5)
                sim.emit(t, "cq_update", [cq])
                t += ms_between(r, 2, 12)
                upd(t, "admitted", "quotaReserved")
                t += ms_between(r, 3, 20)
                rid = reconcile(t)
                t += ms_between(r, 1, 8)
                jobline(t, "unsuspend", rid, [ns_ + "/" + name, ns_ + "/" + wl])
                run = int(r.expovariate(1 / 150.0) * NS) + 20 * NS
                for _ in range(r.randint(1, 3)):
                    reconcile(t + r.randint(2 * NS, run - NS))
                if r.random() < 0.22:
                    t += run // 3
                    why = c.cyc("evict_reason", ["Preempted", "Preempted", "PodsReadyTimeout"])
                    if why == "Preempted":
                        pre = "job-%s-%s-%s" % (c.cyc("urgent", ["hotfix-eval", "prio-train", "urgent-etl"]),
                                                alnum5(r), hx(r, 5))
                        sim.emit(t, "preempt", [cycle_no(t), pre, ns_, wl, ns_, cq,
                                                c.cyc("preempt_reason", ["InClusterQueue", "InCohortReclamation"])])
                        t += ms_between(r, 2, 15)
                    upd(t, "pending", "admitted")
                    t += ms_between(r, 3, 20)
                    rid = reconcile(t)
                    t += ms_between(r, 1, 8)
                    jobline(t, "suspend", rid, [ns_ + "/" + wl, why])
                    t += ms_between(r, 1, 6)
                    sim.emit(t, "cq_update", [cq])
                    continue
                t += run
                rid = reconcile(t)
                t += ms_between(r, 1, 9)
                jobline(t, "finished", rid, [ns_ + "/" + wl, "Complete" if r.random() < 0.82 else "Failed"])
                t += ms_between(r, 2, 14)
                upd(t, "finished", "admitted")
                t += ms_between(r, 1, 6)
                sim.emit(t, "cq_update", [cq])
                t += r.randint(20, 240) * NS
                reconcile(t)
                t += ms_between(r, 2, 20)
                sim.emit(t, "wl_delete", [wl, ns_, lq, "finished"])
                t += ms_between(r, 1, 6)
                sim.emit(t, "lq_update", [lq, ns_])
                return
            res, flavor, amounts = c.cyc(("quota", cq), QUOTA[cq])
            reason = ("couldn't assign flavors to pod set main: insufficient unused quota for %s in flavor %s, "
                      "%s more needed" % (res, flavor, r.choice(amounts)))
            sim.emit(t, "noadmit", [cycle_no(t), wl, ns_, cq, reason])
            attempts += 1
            if attempts >= 2 and r.random() < 0.3:
                t += r.randint(20, 200) * NS
                reconcile(t)
                t += ms_between(r, 2, 20)
                sim.emit(t, "wl_delete", [wl, ns_, lq, "pending"])
                t += ms_between(r, 1, 6)
                sim.emit(t, "lq_update", [lq, ns_])
                return

    t = T0 + r.randint(2, 9) * NS
    while t < TEND:
        job(t)
        t += int(r.expovariate(1 / 75.0) * NS) + 50 * MS

    def header(ev, t, extra):
        h, m, s, f = hmsf(t)
        ts = "%04d-%02d-%02dT%02d:%02d:%02d%sZ" % (YEAR, MONTH, DAY, h, m, s,
                                                   ("." + ("%09d" % f).rstrip("0")) if f else "")
        parts = [ts, ev.hdr["lvl"]]
        if ev.hdr.get("logger"):
            parts.append(ev.hdr["logger"])
        parts.append(ev.hdr["caller"])
        return "\t".join(parts) + "\t"

    def ts_key(s):
        main, _, frac = s.rstrip("Z").partition(".")
        return ts_digits(main) + (int((frac + "000000000")[:9]),)

    return System("Kueue", "simulation", events, sim.lines(events), header,
                  r"(?P<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z)\t"
                  r"(?:DEBUG|INFO|WARN|ERROR|LEVEL\(-\d+\))\t(?:[a-z][a-z-]*\t)?[a-z][\w/.-]*\.go:\d+\t",
                  ts_key)


# --------------------------------------------------------------------------
# 6. Stalwart  (simulation: SMTP / IMAP sessions and outbound deliveries)
# --------------------------------------------------------------------------

def sys_stalwart():
    c = Ctx(6)
    r = c.r
    sim = Sim()
    T0 = at(7, 3, 11) + r.randint(0, NS - 1)
    TEND = T0 + 5 * 3600 * NS
    DOM = "fernwood-tech.net"

    events = [
        Ev("smtp_start", 'SMTP connection started (smtp.connection-start) listenerId = "<*>", localPort = <*>, '
                         'remoteIp = <*>, remotePort = <*>', lvl="INFO"),
        Ev("smtp_end", 'SMTP connection ended (smtp.connection-end) listenerId = "<*>", localPort = <*>, '
                       'remoteIp = <*>, remotePort = <*>, elapsed = <*>', lvl="INFO"),
        Ev("mail_from", 'SMTP MAIL FROM command (smtp.mail-from) remoteIp = <*>, from = "<*>"', lvl="INFO"),
        Ev("rcpt_to", 'SMTP RCPT TO command (smtp.rcpt-to) remoteIp = <*>, to = "<*>"', lvl="INFO"),
        Ev("ham", 'Message ingested (message-ingest.ham) accountId = <*>, documentId = <*>, mailboxIds = [<*>], '
                  'size = <*>, elapsed = <*>', lvl="INFO"),
        Ev("spam", 'Message ingested (message-ingest.spam) accountId = <*>, documentId = <*>, mailboxIds = [<*>], '
                   'size = <*>, elapsed = <*>', lvl="INFO"),
        Ev("auth_ok", 'Authentication successful (auth.success) accountName = "<*>", accountId = <*>, remoteIp = <*>',
           lvl="INFO"),
        Ev("auth_fail", 'Authentication failed (auth.failed) accountName = "<*>", remoteIp = <*>', lvl="WARN"),
        Ev("imap_start", 'IMAP connection started (imap.connection-start) listenerId = "<*>", localPort = <*>, '
                         'remoteIp = <*>, remotePort = <*>', lvl="INFO"),
        Ev("imap_end", 'IMAP connection ended (imap.connection-end) listenerId = "<*>", localPort = <*>, '
                       'remoteIp = <*>, remotePort = <*>, elapsed = <*>', lvl="INFO"),
        Ev("ban", 'Banned due to authentication errors (security.authentication-ban) remoteIp = <*>, '
                  'accountName = "<*>"', lvl="WARN"),
        Ev("dlv_start", 'Delivery attempt started (delivery.attempt-start) queueId = <*>, from = "<*>", to = [<*>], '
                        'size = <*>', lvl="INFO"),
        Ev("dlv_done", 'Message delivered (delivery.completed) queueId = <*>, hostname = "<*>", code = 250, '
                       'elapsed = <*>', lvl="INFO"),
        Ev("mx_fail", 'MX lookup failed (delivery.mx-lookup-failed) queueId = <*>, domain = "<*>", reason = "<*>"',
           lvl="WARN"),
    ]

    ACCOUNTS = [("alice", 2, 4), ("bob", 3, 6), ("carol.m", 5, 4), ("dmitri", 7, 9), ("frontdesk", 11, 4),
                ("j.okafor", 14, 6), ("billing", 16, 5)]
    docid = {a[1]: r.randint(300, 9000) for a in ACCOUNTS}
    SENDERS = [("newsletter@mailer.kestrelbank.com", "kestrelbank.com"),
               ("noreply@notify.orbitcrm.io", "orbitcrm.io"),
               ("owner-dev@lists.opensprocket.org", "opensprocket.org"),
               ("invoices@billing.tallgrass-hosting.de", "tallgrass-hosting.de"),
               ("m.keller@keller-partner.ch", "keller-partner.ch"),
               ("support@helpdesk.plinth.app", "plinth.app")]
    REMOTE_RCPTS = ["ops@keller-partner.ch", "j.doyle@harbourline.co.uk", "accounts@tallgrass-hosting.de",
                    "sam@quillbyte.dev", "team@arcadia-events.fr"]
    MXHOSTS = {"keller-partner.ch": "mx1.keller-partner.ch", "harbourline.co.uk": "mail.harbourline.co.uk",
               "tallgrass-hosting.de": "mx00.tallgrass-hosting.de", "quillbyte.dev": "aspmx.quillbyte.dev",
               "arcadia-events.fr": "mx.arcadia-events.fr"}
    MX_REASONS = ["DNS lookup timed out", "No MX records found", "DNS server failure (SERVFAIL)"]
    GUESSES = ["admin", "info@" + DOM, "test", "postmaster@" + DOM, "sales@" + DOM, "root", "alice"]
    SUBS = [("submission", 587), ("submissions", 465)]
    IMAPS = [("imaptls", 993), ("imap", 143)]

    def elapsed(d):
        return "%dms" % max(1, d // MS)

    def addr(acct):
        return "%s@%s" % (acct[0], DOM)

    def smtp_open(t, lst, port, ip):
        rp = eport(r)
        sim.emit(t, "smtp_start", [lst, port, ip, rp])
        return rp

    # 1. scanners: connect and drop
    def scanner(t):
        ip = ip_pub(r)
        rp = smtp_open(t, "smtp", 25, ip)
        d = ms_between(r, 80, 6000)
        sim.emit(t + d, "smtp_end", ["smtp", 25, ip, rp, elapsed(d)])

    # 2. password guessers on submission ports
    brute = [ip_pub(r) for _ in range(2)]
    fails = {}

    def guesser(t):
        k = c.cyc("brute_slot", [0, 1])
        ip = brute[k]
        lst, port = c.cyc("brute_lst", SUBS)
        t0 = t
        rp = smtp_open(t, lst, port, ip)
        for _ in range(r.randint(1, 3)):
            t += ms_between(r, 400, 3500)
            guess = r.choice(GUESSES)
            sim.emit(t, "auth_fail", [guess, ip])
            fails[ip] = fails.get(ip, 0) + 1
            if fails[ip] >= 5:
                t += ms_between(r, 1, 5)
                sim.emit(t, "ban", [ip, guess])
                brute[k] = ip_pub(r)
                break
        t += ms_between(r, 2, 40)
        sim.emit(t, "smtp_end", [lst, port, ip, rp, elapsed(t - t0)])

    # 3. inbound mail from other MTAs
    def inbound(t):
        sender, _dom = c.cyc("sender", SENDERS)
        ip = ip_pub(r)
        t0 = t
        rp = smtp_open(t, "smtp", 25, ip)
        t += ms_between(r, 150, 1200)
        sim.emit(t, "mail_from", [ip, sender])
        rcpts = r.sample(ACCOUNTS, r.choice([1, 1, 1, 2, 3]))
        for a in rcpts:
            t += ms_between(r, 20, 120)
            sim.emit(t, "rcpt_to", [ip, addr(a)])
        size = r.randint(2100, 480000)
        t += ms_between(r, 300, 2500)
        for a in rcpts:
            docid[a[1]] += 1
            spam = r.random() < 0.27
            d = ms_between(r, 8, 160)
            t += d
            if spam:
                sim.emit(t, "spam", [a[1], docid[a[1]], a[2], size, elapsed(d)])
            else:
                box = "0" if r.random() < 0.8 else "0, %d" % r.randint(12, 30)
                sim.emit(t, "ham", [a[1], docid[a[1]], box, size, elapsed(d)])
        t += ms_between(r, 20, 90)
        sim.emit(t, "smtp_end", ["smtp", 25, ip, rp, elapsed(t - t0)])

    def user_ip(a):
        return "192.168.20.%d" % (10 + a[1]) if r.random() < 0.6 else ip_pub(r)

    # 4. local users submitting mail, followed by outbound delivery
    def submission(t):
        a = c.cyc("sub_acct", ACCOUNTS)
        ip = user_ip(a)
        lst, port = c.cyc("sub_lst", SUBS)
        t0 = t
        rp = smtp_open(t, lst, port, ip)
        t += ms_between(r, 200, 900)
        sim.emit(t, "auth_ok", [addr(a), a[1], ip])
        t += ms_between(r, 30, 200)
        sim.emit(t, "mail_from", [ip, addr(a)])
        rcpts = r.sample(REMOTE_RCPTS, r.choice([1, 1, 2]))
        for x in rcpts:
            t += ms_between(r, 20, 120)
            sim.emit(t, "rcpt_to", [ip, x])
        t += ms_between(r, 200, 1800)
        sim.emit(t, "smtp_end", [lst, port, ip, rp, elapsed(t - t0)])
        qid = r.randint(10 ** 17, 10 ** 18 - 1)
        size = r.randint(1800, 2400000)
        dom = rcpts[0].split("@")[1]
        t += ms_between(r, 100, 900)
        for _attempt in range(3):
            sim.emit(t, "dlv_start", [qid, addr(a), ", ".join('"%s"' % x for x in rcpts), size])
            d = ms_between(r, 300, 4500)
            if r.random() < 0.35:
                sim.emit(t + ms_between(r, 20, 3000), "mx_fail", [qid, dom, c.cyc("mx_reason", MX_REASONS)])
                t += r.randint(60, 420) * NS
                continue
            sim.emit(t + d, "dlv_done", [qid, MXHOSTS[dom], elapsed(d)])
            return

    # 5. IMAP clients
    def imap(t):
        a = r.choice(ACCOUNTS)
        ip = user_ip(a)
        lst, port = c.cyc("imap_lst", IMAPS)
        t0 = t
        rp = eport(r)
        sim.emit(t, "imap_start", [lst, port, ip, rp])
        t += ms_between(r, 60, 700)
        if r.random() < 0.1:
            sim.emit(t, "auth_fail", [addr(a), ip])
            t += ms_between(r, 5, 60)
        else:
            sim.emit(t, "auth_ok", [addr(a), a[1], ip])
            t += ms_between(r, 500, 1800 * 1000)
        sim.emit(t, "imap_end", [lst, port, ip, rp, elapsed(t - t0)])

    for proc, mean in [(scanner, 90.0), (guesser, 420.0), (inbound, 330.0), (submission, 300.0), (imap, 360.0)]:
        t = T0 + r.randint(0, int(mean)) * NS
        while t < TEND:
            proc(t)
            t += int(r.expovariate(1 / mean) * NS) + 10 * MS

    def header(ev, t, extra):
        h, m, s, f = hmsf(t)
        return "%04d-%02d-%02dT%02d:%02d:%02dZ %s " % (YEAR, MONTH, DAY, h, m, s, ev.hdr["lvl"])

    return System("Stalwart", "simulation", events, sim.lines(events), header,
                  r"(?P<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z) (?:TRACE|DEBUG|INFO|WARN|ERROR) ",
                  ts_digits)


# --------------------------------------------------------------------------
# writing and self-check
# --------------------------------------------------------------------------

def write_system(s):
    d = os.path.join(OUT_DIR, s.name)
    os.makedirs(d, exist_ok=True)
    ids = {ev.key: "E%d" % (i + 1) for i, ev in enumerate(s.events)}
    with open(os.path.join(d, s.name + ".log"), "w", encoding="utf-8", newline="") as f:
        for t, ev, content, extra in s.lines:
            f.write(s.header(ev, t, extra) + content + "\n")
    with open(os.path.join(d, s.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(CSV_HEADER)
        for n, (t, ev, content, extra) in enumerate(s.lines, 1):
            w.writerow([n, content, ids[ev.key], ev.tpl])


def tpl_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")))


def check_system(s):
    d = os.path.join(OUT_DIR, s.name)
    errors = []

    def need(cond, msg):
        if not cond:
            errors.append(msg)

    raw = {}
    for suffix in (".log", ".log_structured.csv"):
        with open(os.path.join(d, s.name + suffix), "rb") as f:
            raw[suffix] = f.read()
        need(raw[suffix].endswith(b"\n"), suffix + " does not end with a newline")
        need(b"\r" not in raw[suffix], suffix + " contains \\r")
    lines = raw[".log"].decode("utf-8").split("\n")[:-1]
    need(len(lines) == N_LINES, "log has %d lines" % len(lines))
    with open(os.path.join(d, s.name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    need(rows and rows[0] == CSV_HEADER, "bad csv header")
    rows = rows[1:]
    need(len(rows) == N_LINES, "csv has %d rows" % len(rows))

    declared = {"E%d" % (i + 1): ev.tpl for i, ev in enumerate(s.events)}
    need(12 <= len(declared) <= 15, "%d event types" % len(declared))
    need(len(set(declared.values())) == len(declared), "declared templates not distinct")
    tpl_of = {}
    counts = {}
    slot_vals = {}
    prev_ts = None
    for n, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            need(False, "row %d has %d columns" % (n, len(row)))
            continue
        lid, content, eid, tpl = row
        need(lid == str(n), "LineId %r at row %d" % (lid, n))
        need(content != "" and content == content.strip(), "content not stripped at %d" % n)
        need(line.endswith(content), "line %d does not end with its Content" % n)
        head = line[:len(line) - len(content)]
        m = s.header_re.fullmatch(head)
        need(m is not None, "header does not match at line %d: %r" % (n, head))
        if m is not None:
            k = s.ts_key(m.group("ts"))
            need(prev_ts is None or k >= prev_ts, "timestamp goes back at line %d" % n)
            prev_ts = k
        need(re.fullmatch(r"E\d+", eid) is not None, "bad EventId %r" % eid)
        need(tpl_of.setdefault(eid, tpl) == tpl, "EventId %s has two templates" % eid)
        need(declared.get(eid) == tpl, "EventId %s does not match its declaration" % eid)
        counts[eid] = counts.get(eid, 0) + 1
        mm = tpl_regex(tpl).fullmatch(content)
        need(mm is not None, "template of %s does not match line %d" % (eid, n))
        if mm is not None:
            for i, g in enumerate(mm.groups()):
                slot_vals.setdefault((eid, i), set()).add(g)
    need(len(set(tpl_of.values())) == len(tpl_of), "templates not distinct")
    need(set(counts) == set(declared), "unused events: %s" % sorted(set(declared) - set(counts)))
    for eid, tpl in declared.items():
        for i in range(tpl.count("<*>")):
            vals = slot_vals.get((eid, i), set())
            need(len(vals) >= 2, "%s slot %d takes %d value(s)" % (eid, i + 1, len(vals)))
    cs = sorted(counts.values())
    need(cs and cs[0] >= 3, "an event has fewer than 3 lines")
    need(sum(1 for x in cs if 3 <= x <= 10) >= 3, "fewer than 3 events with 3-10 lines")
    med = statistics.median(cs) if cs else 0
    need(cs and cs[-1] >= 3 * med, "largest %s < 3 x median %s" % (cs[-1] if cs else 0, med))
    return errors, cs, med, lines


def main():
    systems = [sys_adguard(), sys_typesense(), sys_incus(), sys_nut(), sys_kueue(), sys_stalwart()]
    for s in systems:
        write_system(s)
    failed = False
    for k, s in enumerate(systems, 1):
        errors, cs, med, lines = check_system(s)
        first = s.header_re.match(lines[0]).group("ts") if lines else "?"
        last = s.header_re.match(lines[-1]).group("ts") if lines else "?"
        print("%d %-16s %-10s %3d lines  %2d events  counts min %d / median %s / max %d  [%s .. %s]  %s" % (
            k, s.name, s.mode, len(lines), len(cs), cs[0] if cs else 0, med, cs[-1] if cs else 0,
            first, last, "OK" if not errors else "FAIL"))
        for e in errors:
            failed = True
            print("    - " + e)
    if failed:
        print("self-check FAILED")
        return 1
    print("self-check passed for all systems")
    return 0


if __name__ == "__main__":
    sys.exit(main())
