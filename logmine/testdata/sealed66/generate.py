#!/usr/bin/env python3
"""Sealed 66: blind labelled log corpus generator.

Standard library only, fully deterministic: no wall clock, no locale.
Base seed 20270194; system k (1..6) uses random.Random(20270194 * 10 + k).
All times come from an integer nanosecond clock (nanoseconds since
2026-03-14 00:00:00 UTC).
"""
import csv
import os
import re
import random
import statistics
import sys

BASE_SEED = 20270194
OUT = os.path.dirname(os.path.abspath(__file__))
NS = 1_000_000_000
MS = 1_000_000
N_LINES = 300
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, DAY = 2026, 3, 14
DAY_NS = 86400 * NS

HEX = "0123456789abcdef"
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


# ----------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------
def tparts(ns):
    assert 0 <= ns < DAY_NS, ns
    total_ms = ns // MS
    sec = total_ms // 1000
    return sec // 3600, (sec // 60) % 60, sec % 60, total_ms % 1000


def hexs(rng, n):
    return "".join(rng.choice(HEX) for _ in range(n))


def b58(rng, n):
    return "".join(rng.choice(B58) for _ in range(n))


def ipv4(rng):
    first = rng.choice([23, 31, 37, 45, 46, 51, 62, 77, 78, 82, 85, 91, 94,
                        95, 104, 135, 138, 139, 144, 157, 159, 165, 167, 172,
                        176, 178, 185, 188, 193, 195, 203, 209, 212, 213])
    return "%d.%d.%d.%d" % (first, rng.randrange(256), rng.randrange(256),
                            rng.randrange(1, 255))


def peer_id(rng):
    return "12D3KooW" + b58(rng, 44)


def short_hex(rng):
    return "0x%s\u2026%s" % (hexs(rng, 4), hexs(rng, 4))


def expo_ns(rng, mean_s):
    return int(rng.expovariate(1.0 / mean_s) * NS)


def fmt_bytes(n):
    for unit, div in (("TB", 1 << 40), ("GB", 1 << 30), ("MB", 1 << 20),
                      ("KB", 1 << 10)):
        if n >= div:
            return "%.1f%s" % (n / div, unit)
    return "%dB" % n


def go_dur(rng, lo_ms, hi_ms):
    """A Go-style duration string such as 1.204s or 356.2ms or 84.3µs."""
    v = rng.uniform(lo_ms, hi_ms)
    if v >= 1000:
        return "%.3fs" % (v / 1000.0)
    if v >= 1:
        return "%.1fms" % v
    return "%.1f\u00b5s" % (v * 1000.0)


def pad40(msg, kv):
    """log15 / slog style: message padded to 40 columns before the key/values."""
    return (msg.ljust(40) if len(msg) < 40 else msg + " ") + kv


def fill(tmpl, vals):
    parts = tmpl.split("<*>")
    assert len(parts) == len(vals) + 1, (tmpl, vals)
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\r" not in v, (tmpl, v)
        out.append(v)
        out.append(p)
    return "".join(out)


def civil_from_days(z):
    """Days since 1970-01-01 -> (year, month, day); proleptic Gregorian."""
    z += 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (y + 1 if m <= 2 else y), m, d


def days_from_civil(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


DAY0_UNIX = days_from_civil(YEAR, MONTH, DAY) * 86400


def unix_to_go(ts):
    """Unix seconds -> Go time.Time String() in UTC."""
    days, rem = divmod(ts, 86400)
    y, m, d = civil_from_days(days)
    return "%04d-%02d-%02d %02d:%02d:%02d +0000 UTC" % (
        y, m, d, rem // 3600, (rem // 60) % 60, rem % 60)


# ----------------------------------------------------------------------------
# system scaffolding
# ----------------------------------------------------------------------------
class System:
    def __init__(self, name, k, header_fn, header_re):
        self.name = name
        self.k = k
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.events = []          # (eid, key, template, meta)
        self.idx = {}
        self.counters = {}
        self.header_fn = header_fn
        self.header_re = re.compile(header_re)
        self.mode = ""
        self.entities = ""

    def ev(self, key, tmpl, **meta):
        assert key not in self.idx, key
        eid = "E%d" % (len(self.events) + 1)
        self.events.append((eid, key, tmpl, meta))
        self.idx[key] = len(self.events) - 1

    def cyc(self, key, slot, pool):
        """Small pools cycle per (event, slot), starting at a seeded offset."""
        c = self.counters.get((key, slot))
        if c is None:
            c = self.rng.randrange(len(pool))
        self.counters[(key, slot)] = c + 1
        return pool[c % len(pool)]


def run_shuffle(S, counts, makers, start_ns, mean_gap_s):
    keys = [e[1] for e in S.events]
    assert set(counts) == set(keys) == set(makers), S.name
    assert sum(counts.values()) == N_LINES, (S.name, sum(counts.values()))
    seq = []
    for key in keys:
        seq += [key] * counts[key]
    S.rng.shuffle(seq)
    t = start_ns
    recs = []
    for key in seq:
        t += MS + expo_ns(S.rng, mean_gap_s)
        vals, hm = makers[key](t)
        recs.append((t, key, [str(v) for v in vals], hm))
    return recs


class Sim:
    """Collects per-entity records, then merges them in time order."""

    def __init__(self):
        self.recs = []
        self.seq = 0

    def emit(self, t, key, vals, **hm):
        self.seq += 1
        self.recs.append((t, self.seq, key, [str(v) for v in vals], hm))

    def merged(self):
        self.recs.sort(key=lambda r: (r[0], r[1]))
        out = [(t, key, vals, hm) for (t, _, key, vals, hm) in self.recs]
        assert len(out) >= N_LINES, len(out)
        return out[:N_LINES]


# ----------------------------------------------------------------------------
# 1. Lnd (simulation: peer connections with overlapping lifetimes)
# ----------------------------------------------------------------------------
def hdr_lnd(ns, m):
    h, mi, s, ms = tparts(ns)
    return "%04d-%02d-%02d %02d:%02d:%02d.%03d [%s] %s: " % (
        YEAR, MONTH, DAY, h, mi, s, ms, m["lvl"], m["sub"])


RE_LND = (r"(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}) "
          r"\[(?:TRC|DBG|INF|WRN|ERR|CRT)\] [A-Z]{4}: ")


def build_lnd():
    S = System("Lnd", 1, hdr_lnd, RE_LND)
    S.mode = "simulation"
    S.entities = "peer connections (connect, channel links, gossip syncer, disconnect) plus periodic switch/router/gossip/block tickers"
    E = S.ev
    E("inbound", "New inbound connection from <*>", lvl="INF", sub="SRVR")
    E("established", "Established connection to: <*>@<*>", lvl="INF", sub="SRVR")
    E("finalizing", "Finalizing connection to <*>@<*>, inbound=<*>", lvl="INF", sub="SRVR")
    E("loading", "Peer(<*>): Loading ChannelPoint(<*>:<*>), isPending=<*>", lvl="INF", sub="PEER")
    E("link_start", "ChannelLink(<*>:<*>): starting", lvl="INF", sub="HSWC")
    E("link_stop", "ChannelLink(<*>:<*>): stopping", lvl="INF", sub="HSWC")
    E("syncer_new", "Creating new GossipSyncer for peer=<*>", lvl="INF", sub="DISC")
    E("gossip_filter", "GossipSyncer(<*>): applying gossipFilter(start=<*>, end=<*>)", lvl="INF", sub="DISC")
    E("read_err", "Peer(<*>): unable to read message from peer: <*>", lvl="WRN", sub="PEER")
    E("disconnect", "Peer(<*>): disconnecting <*>@<*>, reason: <*>", lvl="INF", sub="PEER")
    E("syncer_rm", "Removing GossipSyncer for peer=<*>", lvl="INF", sub="DISC")
    E("block", "New block: height=<*>, sha=<*>", lvl="INF", sub="NTFN")
    E("processed", "Processed channels=<*> updates=<*> nodes=<*> in last <*>", lvl="INF", sub="CRTR")
    E("broadcast", "Broadcasting <*> new announcements in <*> sub batches", lvl="INF", sub="DISC")
    E("switch_stats", "Sent <*> satoshis and received <*> satoshis in the last 10 seconds (<*> tx/sec)", lvl="INF", sub="HSWC")

    rng = S.rng
    sim = Sim()
    emit = sim.emit
    T0 = (9 * 3600 + 12 * 60 + 3) * NS + rng.randrange(NS)
    TEND = T0 + 3 * 3600 * NS
    local_ip = "10.%d.%d.%d" % (rng.randrange(256), rng.randrange(256), rng.randrange(2, 250))

    def ms(a, b):
        return rng.randrange(a, b) * MS + rng.randrange(MS)

    reasons = ["read handler closed", "peer was idle for too long",
               "server: DisconnectPeer called", "unable to start peer: peer exiting",
               "ping timeout: no pong received", "write handler closed"]

    def read_err_text(ip, port):
        kind = S.cyc("read_err", "kind", [0, 1, 2])
        if kind == 0:
            return "EOF"
        if kind == 1:
            return "read tcp %s:9735->%s:%d: read: connection reset by peer" % (local_ip, ip, port)
        return "read tcp %s:9735->%s:%d: i/o timeout" % (local_ip, ip, port)

    def peer(t):
        pub = rng.choice(["02", "03"]) + hexs(rng, 64)
        ip = ipv4(rng)
        inbound = rng.random() < 0.4
        if inbound:
            port = rng.randrange(32768, 61000)
            addr = "%s:%d" % (ip, port)
            emit(t, "inbound", [addr])
        else:
            port = S.cyc("established", "port", [9735, 9735, 9735, 9736, 19735])
            addr = "%s:%d" % (ip, port)
            emit(t, "established", [pub, addr])
        t += ms(1, 40)
        emit(t, "finalizing", [pub, addr, "true" if inbound else "false"])
        nch = rng.choice([0, 1, 1, 1, 2, 2, 3])
        chans = []
        for _ in range(nch):
            cp = (hexs(rng, 64), rng.choice([0, 0, 1, 1, 2]))
            pending = rng.random() < 0.15
            chans.append((cp, pending))
            t += ms(1, 15)
            emit(t, "loading", [pub, cp[0], cp[1], "true" if pending else "false"])
        t += ms(1, 20)
        emit(t, "syncer_new", [pub])
        active = [cp for cp, pending in chans if not pending]
        for cp in active:
            t += ms(2, 30)
            emit(t, "link_start", [cp[0], cp[1]])
        if rng.random() < 0.75:
            tf = t + ms(300, 4000)
            start = DAY0_UNIX + tf // NS - rng.choice([0, 0, 3600, 86400, 1209600])
            emit(tf, "gossip_filter", [pub, unix_to_go(start), unix_to_go(start + 4294967295)])
        end = t + 40 * NS + expo_ns(rng, 1100)
        if rng.random() < 0.35:
            emit(end - ms(1, 50), "read_err", [pub, read_err_text(ip, port)])
        emit(end, "disconnect", [pub, pub, addr, S.cyc("disconnect", "reason", reasons)])
        for cp in active:
            end += ms(1, 10)
            emit(end, "link_stop", [cp[0], cp[1]])
        end += ms(1, 10)
        emit(end, "syncer_rm", [pub])

    t = T0
    while t < TEND:
        t += NS + expo_ns(rng, 55)
        peer(t)

    # switch statistics every 10 seconds when there was activity
    t = T0 + rng.randrange(10 * NS)
    while t < TEND:
        if rng.random() < 0.5:
            sent = rng.randrange(1, 400) * 1000 + rng.randrange(1000)
            recv = sent + rng.randrange(0, 5000)
            emit(t, "switch_stats", [sent, recv, "%.6f" % (rng.randrange(1, 12) / 10.0)])
        t += 10 * NS + rng.randrange(2 * MS)

    # router stats once a minute
    t = T0 + rng.randrange(60 * NS)
    while t < TEND:
        if rng.random() < 0.8:
            d = rng.choice(["59.99%ds" % rng.randrange(10, 99),
                            "1m0.%06ds" % rng.randrange(1, 999999)])
            emit(t, "processed", [rng.randrange(0, 40), rng.randrange(5, 400),
                                  rng.randrange(0, 30), d])
        t += 60 * NS + rng.randrange(50 * MS)

    # gossip broadcast trickle
    t = T0 + rng.randrange(90 * NS)
    while t < TEND:
        n = rng.randrange(3, 160)
        emit(t, "broadcast", [n, max(1, n // 10 + rng.randrange(0, 3))])
        t += 90 * NS + rng.randrange(500 * MS)

    # blocks
    t = T0
    height = 938_407 + rng.randrange(40)
    while t < TEND:
        t += 30 * NS + expo_ns(rng, 420)
        height += 1
        emit(t, "block", [height, "0000000000000000000" + hexs(rng, 45)])

    return S, sim.merged()


# ----------------------------------------------------------------------------
# 2. CoreLightning (simulation: peers flapping, channels opening / closing)
# ----------------------------------------------------------------------------
def hdr_cln(ns, m):
    h, mi, s, ms = tparts(ns)
    return "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ %-7s %s: " % (
        YEAR, MONTH, DAY, h, mi, s, ms, m["lvl"], m["pfx"].format(**m))


RE_CLN = (r"(?P<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z) "
          r"(?:BROKEN |UNUSUAL|INFO   |DEBUG  |IO     |TRACE  ) "
          r"(?:[0-9a-f]{66}-)?[a-z][a-z-]*(?:#\d+)?: ")


def build_cln():
    S = System("CoreLightning", 2, hdr_cln, RE_CLN)
    S.mode = "simulation"
    S.entities = "peers (disconnect/reconnect cycles per channel), channels opening and closing over blocks, plus chain/plugin background"
    E = S.ev
    E("reconnected", "Peer has reconnected, state CHANNELD_NORMAL: connecting subd", lvl="INFO", pfx="{id}-chan#{ch}")
    E("conn_lost", "Peer connection lost", lvl="INFO", pfx="{id}-channeld-chan#{ch}")
    E("transient", "Peer transient failure in CHANNELD_NORMAL: <*>", lvl="INFO", pfx="{id}-chan#{ch}")
    E("permanent", "Peer permanent failure in CHANNELD_NORMAL: <*>", lvl="UNUSUAL", pfx="{id}-chan#{ch}")
    E("state", "State changed from <*> to <*>", lvl="INFO", pfx="{id}-chan#{ch}")
    E("sees_addr", "Peer says it sees our address as: <*>", lvl="INFO", pfx="{id}-lightningd")
    E("depth", "Funding tx <*> depth <*> of <*>", lvl="INFO", pfx="{id}-chan#{ch}")
    E("resolved", "All outputs resolved: waiting <*> more blocks before forgetting channel", lvl="INFO", pfx="{id}-onchaind-chan#{ch}")
    E("feerate", "Feerate <*> raised from <*> perkw to floor of 253", lvl="UNUSUAL", pfx="lightningd")
    E("bcli", "bitcoin-cli <*> exited <*> (after <*> other errors) '<*>'", lvl="UNUSUAL", pfx="plugin-bcli")
    E("autoclean", "cleaned <*> expiredinvoices", lvl="INFO", pfx="plugin-autoclean")
    E("bad_gossip", "Bad gossip order: <*> before announcement <*>", lvl="INFO", pfx="{id}-gossipd")

    rng = S.rng
    sim = Sim()
    emit = sim.emit
    T0 = (7 * 3600 + 41 * 60 + 17) * NS + rng.randrange(NS)
    TEND = T0 + 5 * 3600 * NS

    def ms(a, b):
        return rng.randrange(a, b) * MS + rng.randrange(MS)

    chan_nums = list(range(2, 160))
    rng.shuffle(chan_nums)
    chan_iter = iter(chan_nums)

    def nodeid():
        return rng.choice(["02", "03"]) + hexs(rng, 64)

    blocks = []
    t = T0
    h = 938_211 + rng.randrange(60)
    while t < TEND:
        t += 20 * NS + expo_ns(rng, 560)
        h += 1
        blocks.append((t, h))

    def blocks_after(tt):
        return [b for b in blocks if b[0] > tt]

    our_addrs = ["%s:9735" % ipv4(rng),
                 "[2a01:4f8:%x:%x::2]:9735" % (rng.randrange(4096, 65535), rng.randrange(4096, 65535))]
    transient_reasons = ["channeld: Owning subdaemon channeld died (62208)", "Disconnected",
                         "channeld: Owning subdaemon channeld died (9)", "Reconnected"]

    all_nids = []
    # flapping peers
    for _ in range(14):
        nid = nodeid()
        all_nids.append(nid)
        chans = [next(chan_iter) for _ in range(rng.choice([1, 1, 1, 2, 2, 3]))]
        t = T0 + int(rng.uniform(0, 1700) * NS)
        while t < TEND:
            for ch in chans:
                emit(t, "conn_lost", [], id=nid, ch=ch)
                t += ms(1, 30)
                emit(t, "transient", [S.cyc("transient", "reason", transient_reasons)], id=nid, ch=ch)
                t += ms(0, 5)
            t += 2 * NS + expo_ns(rng, 90)
            if rng.random() < 0.35:
                emit(t, "sees_addr", [S.cyc("sees_addr", "addr", our_addrs)], id=nid)
            for ch in chans:
                t += ms(5, 200)
                emit(t, "reconnected", [], id=nid, ch=ch)
            t += 30 * NS + expo_ns(rng, 1500)

    # cooperative closes
    for _ in range(3):
        nid = nodeid()
        ch = next(chan_iter)
        tc = T0 + int(rng.uniform(300, 3300) * NS)
        emit(tc, "state", ["CHANNELD_NORMAL", "CHANNELD_SHUTTING_DOWN"], id=nid, ch=ch)
        tc += ms(200, 1500)
        emit(tc, "state", ["CHANNELD_SHUTTING_DOWN", "CLOSINGD_SIGEXCHANGE"], id=nid, ch=ch)
        tc += ms(300, 3000)
        emit(tc, "state", ["CLOSINGD_SIGEXCHANGE", "CLOSINGD_COMPLETE"], id=nid, ch=ch)
        later = blocks_after(tc)
        bt = later[0][0] + ms(50, 900)
        emit(bt, "state", ["CLOSINGD_COMPLETE", "FUNDING_SPEND_SEEN"], id=nid, ch=ch)
        bt += ms(1, 40)
        emit(bt, "state", ["FUNDING_SPEND_SEEN", "ONCHAIN"], id=nid, ch=ch)
        bt += ms(5, 300)
        emit(bt, "resolved", [100], id=nid, ch=ch)
        for i, (bt2, _) in enumerate(later[1:3]):
            emit(bt2 + ms(60, 900), "resolved", [99 - i], id=nid, ch=ch)

    # force closes
    perm_reasons = [
        lambda: "channeld: received ERROR channel %s: Internal error" % hexs(rng, 64),
        lambda: "Offered HTLC %d SENT_ADD_ACK_REVOCATION cltv %d hit deadline" % (
            rng.randrange(10, 3000), blocks[0][1] + rng.randrange(0, 6)),
        lambda: "channeld: sent ERROR bad reestablish revocation_number: %d vs %d" % (
            rng.randrange(0, 3), rng.randrange(3, 900)),
    ]
    for _ in range(3):
        nid = nodeid()
        ch = next(chan_iter)
        tc = T0 + int(rng.uniform(200, 4000) * NS)
        emit(tc, "permanent", [S.cyc("permanent", "reason", perm_reasons)()], id=nid, ch=ch)
        tc += ms(1, 60)
        emit(tc, "state", ["CHANNELD_NORMAL", "AWAITING_UNILATERAL"], id=nid, ch=ch)
        later = blocks_after(tc)
        bt = later[0][0] + ms(50, 900)
        emit(bt, "state", ["AWAITING_UNILATERAL", "FUNDING_SPEND_SEEN"], id=nid, ch=ch)
        emit(bt + ms(1, 40), "state", ["FUNDING_SPEND_SEEN", "ONCHAIN"], id=nid, ch=ch)

    # channel opens
    for _ in range(3):
        nid = nodeid()
        ch = next(chan_iter)
        txid = hexs(rng, 64)
        mind = S.cyc("depth", "of", [3, 6])
        to = T0 + int(rng.uniform(60, 2400) * NS)
        if rng.random() < 0.6:
            emit(to, "sees_addr", [S.cyc("sees_addr", "addr", our_addrs)], id=nid)
        later = blocks_after(to)
        for d in range(1, mind + 1):
            bt = later[d - 1][0] + ms(40, 1200)
            emit(bt, "depth", [txid, d, mind], id=nid, ch=ch)
        emit(bt + ms(2, 80), "state", ["CHANNELD_AWAITING_LOCKIN", "CHANNELD_NORMAL"], id=nid, ch=ch)

    # fee floor complaints on some blocks
    kinds = ["min_acceptable", "mutual_close", "penalty", "opening", "unilateral_close"]
    for bt, _ in blocks:
        if rng.random() < 0.6:
            emit(bt + ms(100, 2500), "feerate", [S.cyc("feerate", "kind", kinds), rng.randrange(150, 253)])

    # bitcoin backend hiccups
    bcli_errs = [
        ("getblockhash %d", "1", "error code: -8 error message: Block height out of range"),
        ("estimatesmartfee 6 ECONOMICAL", "28", "error code: -28 error message: Verifying blocks..."),
        ("getblockchaininfo", "1", "error: timeout on transient error: Could not connect to the server 127.0.0.1:8332"),
    ]
    t = T0
    while t < TEND:
        t += 60 * NS + expo_ns(rng, 700)
        cmd, code, msg = S.cyc("bcli", "err", bcli_errs)
        if "%d" in cmd:
            cmd = cmd % (blocks[-1][1] + rng.randrange(1, 3))
        emit(t, "bcli", [cmd, code, rng.randrange(0, 40), msg])

    # autoclean plugin
    t = T0 + int(rng.uniform(0, 600) * NS)
    while t < TEND:
        emit(t, "autoclean", [rng.randrange(1, 60)])
        t += 1200 * NS + rng.randrange(3 * NS)

    # out of order gossip from random peers
    t = T0
    while t < TEND:
        t += 30 * NS + expo_ns(rng, 650)
        nid = rng.choice(all_nids)
        scid = "%dx%dx%d/%d" % (rng.randrange(780000, 938000), rng.randrange(1, 4000),
                                rng.randrange(0, 3), rng.randrange(0, 2))
        emit(t, "bad_gossip", [S.cyc("bad_gossip", "msg", ["WIRE_CHANNEL_UPDATE", "WIRE_NODE_ANNOUNCEMENT"]), scid],
             id=nid)

    return S, sim.merged()


# ----------------------------------------------------------------------------
# 3. Monerod (seeded shuffle)
# ----------------------------------------------------------------------------
def hdr_monero(ns, m):
    h, mi, s, ms = tparts(ns)
    return "%04d-%02d-%02d %02d:%02d:%02d.%03d\t[%s]\t%s\t%s\t%s\t" % (
        YEAR, MONTH, DAY, h, mi, s, ms, m["thr"], m["lvl"], m["cat"], m["loc"])


RE_MONERO = (r"(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3})\t\[[A-Z][A-Z0-9_]*\]\t"
             r"(?:TRACE|DEBUG|INFO|WARN|ERROR|FATAL)\t[a-z][a-z0-9._]*\t"
             r"[a-z0-9_/]+\.(?:cpp|inl|h):\d+\t")


def build_monero():
    S = System("Monerod", 3, hdr_monero, RE_MONERO)
    S.mode = "shuffle"
    E = S.ev
    CPH = "src/cryptonote_protocol/cryptonote_protocol_handler.inl"
    E("synced", "[<*>:<*> <*>] Synced <*>/<*> (<*>%, <*> left)", lvl="INFO", cat="global", loc=CPH + ":1643")
    E("candidate", "[<*>:<*> <*>] Sync data returned a new top block candidate: <*> -> <*> [Your node is <*> blocks (<*>) behind]",
      lvl="INFO", cat="global", loc=CPH + ":408")
    E("tx_added", "Transaction added to pool: txid <<*>> weight: <*> fee/byte: <*>", lvl="INFO", cat="global",
      loc="src/cryptonote_core/tx_pool.cpp:414")
    E("tx_removed", "Transaction removed from pool: txid <<*>> weight: <*> fee/byte: <*>", lvl="INFO", cat="global",
      loc="src/cryptonote_core/tx_pool.cpp:623")
    E("blocked", "Host <*> blocked.", lvl="INFO", cat="global", loc="src/p2p/net_node.inl:273")
    E("unblocked", "Host <*> unblocked.", lvl="INFO", cat="global", loc="src/p2p/net_node.inl:318")
    E("sync_started", "SYNCHRONIZATION started", lvl="INFO", cat="global", loc=CPH + ":414")
    E("synchronized", "You are now synchronized with the network. You may now start monero-wallet-cli.",
      lvl="INFO", cat="global", loc=CPH + ":2611")
    E("backping", "[<*>:<*> <*>] back ping connect failed to <*>:<*>", lvl="WARN", cat="net.p2p",
      loc="src/p2p/net_node.inl:2557")
    E("mapsize", "LMDB Mapsize increased.  Old: <*>, New: <*>", lvl="INFO", cat="global",
      loc="src/blockchain_db/lmdb/db_lmdb.cpp:612")
    E("tx_verify", "[on_send_raw_tx]: tx verification failed: <*>", lvl="ERROR", cat="global",
      loc="src/rpc/core_rpc_server.cpp:1284")
    E("seed_fail", "Failed to connect to any of seed peers, continuing without seeds", lvl="WARN", cat="global",
      loc="src/p2p/net_node.inl:1902")
    E("block_verify", "[<*>:<*> <*>] Block verification failed, dropping connection", lvl="INFO", cat="net.cn",
      loc=CPH + ":1351")
    E("fluffy", "[<*>:<*> <*>] Received NOTIFY_NEW_FLUFFY_BLOCK <<*>> (height <*>, <*> txes)", lvl="INFO",
      cat="global", loc=CPH + ":533")

    rng = S.rng
    st = {"h": 3_612_000 + rng.randrange(5000), "map": 241_664 + rng.randrange(20) * 1024}

    def p2p():
        return "P2P%d" % rng.randrange(10)

    def conn(key):
        d = S.cyc(key, "dir", ["OUT", "OUT", "INC"])
        ip = ipv4(rng)
        port = 18080 if d == "OUT" else rng.randrange(30000, 61000)
        if d == "OUT" and rng.random() < 0.2:
            port = 18089
        return [ip, port, d]

    def txhash():
        return hexs(rng, 64)

    def ago(blocks):
        if blocks < 30:
            return "%d minutes" % (blocks * 2)
        if blocks < 720:
            return "%.1f hours" % (blocks / 30.0)
        return "%.1f days" % (blocks / 720.0)

    def m_synced(t):
        st["h"] += rng.randrange(20, 200)
        left = rng.choice([rng.randrange(30, 900), rng.randrange(900, 40000)])
        target = st["h"] + left
        return conn("synced") + [st["h"], target, st["h"] * 100 // target, left], {"thr": p2p()}

    def m_candidate(t):
        behind = rng.choice([rng.randrange(2, 29), rng.randrange(30, 700), rng.randrange(720, 60000)])
        return conn("candidate") + [st["h"], st["h"] + behind, behind, ago(behind)], {"thr": p2p()}

    def m_tx(key):
        def f(t):
            w = rng.choice([1_529, 1_531, 2_124, 2_657, 3_201, 1_525 + rng.randrange(0, 3000)])
            fee = S.cyc(key, "fee", [20000, 20000, 80000, 320000])
            thr = p2p() if key == "tx_added" and rng.random() < 0.8 else (
                "RPC%d" % rng.randrange(4) if key == "tx_added" else "SRV_MAIN")
            if key == "tx_removed":
                thr = S.cyc(key, "thr", ["SRV_MAIN", p2p()])
            return [txhash(), w, fee], {"thr": thr}
        return f

    def m_host(key):
        def f(t):
            return [ipv4(rng)], {"thr": p2p() if key == "blocked" else "SRV_MAIN"}
        return f

    def m_const(thrf):
        def f(t):
            return [], {"thr": thrf()}
        return f

    def m_backping(t):
        c = conn("backping")
        return c + [c[0], S.cyc("backping", "adport", [18080, 18080, 18084, 28080])], {"thr": p2p()}

    def m_mapsize(t):
        old = st["map"]
        st["map"] += S.cyc("mapsize", "step", [1024, 2048, 1024])
        return ["%dMiB" % old, "%dMiB" % st["map"]], {"thr": S.cyc("mapsize", "thr", ["SRV_MAIN", p2p()])}

    verify_errs = ["double spend", "fee too low", "too few outputs", "invalid input", "tx is too big",
                   "transaction uses an unsupported version"]

    def m_txverify(t):
        return [S.cyc("tx_verify", "why", verify_errs)], {"thr": "RPC%d" % rng.randrange(4)}

    def m_blockverify(t):
        return conn("block_verify"), {"thr": p2p()}

    def m_fluffy(t):
        st["h"] += rng.randrange(0, 3)
        return conn("fluffy") + [txhash(), st["h"], rng.choice([0, 3, 7, 12, 19, 25, 31, 44])], {"thr": p2p()}

    makers = {
        "synced": m_synced, "candidate": m_candidate,
        "tx_added": m_tx("tx_added"), "tx_removed": m_tx("tx_removed"),
        "blocked": m_host("blocked"), "unblocked": m_host("unblocked"),
        "sync_started": m_const(p2p), "synchronized": m_const(p2p),
        "backping": m_backping, "mapsize": m_mapsize, "tx_verify": m_txverify,
        "seed_fail": m_const(lambda: "P2P%d" % rng.randrange(10)),
        "block_verify": m_blockverify, "fluffy": m_fluffy,
    }
    counts = {"synced": 64, "tx_added": 52, "fluffy": 34, "candidate": 28, "tx_removed": 24,
              "backping": 20, "tx_verify": 20, "block_verify": 16, "blocked": 13, "unblocked": 11,
              "sync_started": 6, "synchronized": 5, "mapsize": 4, "seed_fail": 3}
    start = (6 * 3600 + 2 * 60 + 11) * NS + rng.randrange(NS)
    return S, run_shuffle(S, counts, makers, start, 2.6)


# ----------------------------------------------------------------------------
# 4. Erigon (seeded shuffle)
# ----------------------------------------------------------------------------
def hdr_erigon(ns, m):
    h, mi, s, ms = tparts(ns)
    return "[%s] [%02d-%02d|%02d:%02d:%02d.%03d] " % (m["lvl"], MONTH, DAY, h, mi, s, ms)


RE_ERIGON = (r"\[(?:TRCE|DBUG|INFO|WARN|EROR|CRIT)\] "
             r"\[(?P<ts>\d{2}-\d{2}\|\d{2}:\d{2}:\d{2}\.\d{3})\] ")


def build_erigon():
    S = System("Erigon", 4, hdr_erigon, RE_ERIGON)
    S.mode = "shuffle"
    E = S.ev
    E("exec", pad40("[4/12 Execution] Executed blocks",
                    "number=<*> blk/s=<*> tx/s=<*> Mgas/s=<*> gasState=<*> batch=<*> alloc=<*> sys=<*>"), lvl="INFO")
    E("goodpeers", pad40("[p2p] GoodPeers", "eth68=<*> eth67=<*>"), lvl="INFO")
    E("txpool", pad40("[txpool] stat", "pending=<*> baseFee=<*> queued=<*> alloc=<*> sys=<*>"), lvl="INFO")
    E("newpayload", pad40("[NewPayload] Handling new payload", "height=<*> hash=<*>"), lvl="INFO")
    E("rpcnotify", pad40("RPC Daemon notified of new headers",
                         "from=<*> to=<*> hash=<*> header sending=<*> log sending=<*>"), lvl="INFO")
    E("headupd", pad40("head updated", "hash=<*> number=<*>"), lvl="INFO")
    E("hdrproc", pad40("[2/12 Headers] Processed", "highest inserted=<*> age=<*>"), lvl="INFO")
    E("served", pad40("[rpc] served", 'conn=<*> method=<*> reqid=<*> t=<*> err="<*>"'), lvl="WARN")
    E("download", pad40("[downloader] Downloading",
                        'progress="<*>" time-left=<*> total-time=<*> download=<*> upload=<*> peers=<*> '
                        'files=<*> metadata=<*> connections=<*> alloc=<*> sys=<*>'), lvl="INFO")
    E("prune", pad40("[snapshots] Prune Blocks", "to=<*> limit=<*>"), lvl="INFO")
    E("timings", pad40("Timings (slower than 50ms)", "Headers=<*> BlockHashes=<*> Bodies=<*> Senders=<*> Execution=<*>"),
      lvl="INFO")
    E("tables", pad40("Tables", "PlainState=<*> AccountChangeSet=<*> StorageChangeSet=<*> TxLookup=<*> "
                                "freelist=<*> reclaimable=<*>"), lvl="INFO")
    E("execfail", pad40("[4/12 Execution] Execution failed", 'block=<*> hash=<*> err="<*>"'), lvl="EROR")
    E("handshake", pad40("[p2p] Peer handshake failed", 'peer=<*> addr=<*> err="<*>"'), lvl="WARN")

    rng = S.rng
    st = {"n": 24_612_000 + rng.randrange(3000)}

    def h0x():
        return "0x" + hexs(rng, 64)

    def gb(lo, hi):
        return "%.1fGB" % rng.uniform(lo, hi)

    def m_exec(t):
        st["n"] += rng.randrange(1, 4)
        return [st["n"], "%.1f" % rng.uniform(0.1, 40), "%.1f" % rng.uniform(50, 5000),
                "%.1f" % rng.uniform(5, 600), "%.2f" % rng.uniform(0.01, 0.9),
                "%.1fMB" % rng.uniform(1, 900), gb(1.5, 6), gb(4, 12)], {}

    def m_goodpeers(t):
        return [rng.randrange(8, 60), rng.randrange(0, 30)], {}

    def m_txpool(t):
        return [rng.randrange(2000, 10001), rng.randrange(1_000_000_000, 40_000_000_000) // 1,
                rng.randrange(500, 30001), gb(1.5, 6), gb(4, 12)], {}

    def m_newpayload(t):
        st["n"] += rng.randrange(0, 2)
        return [st["n"], h0x()], {}

    def m_rpcnotify(t):
        return [st["n"] - 1, st["n"], h0x(), go_dur(rng, 0.004, 0.2), go_dur(rng, 0.0005, 0.05)], {}

    def m_headupd(t):
        return [h0x(), st["n"]], {}

    def m_hdrproc(t):
        age = rng.choice(["%ds" % rng.randrange(1, 59), "%dm%ds" % (rng.randrange(1, 9), rng.randrange(0, 59))])
        return [st["n"] + rng.randrange(0, 3), age], {}

    methods = ["eth_call", "eth_getLogs", "debug_traceTransaction", "eth_estimateGas", "trace_block"]
    rpc_errs = ["execution reverted", "header not found", "context deadline exceeded",
                "query exceeds max results 20000", "max fee per gas less than block base fee"]

    def m_served(t):
        return ["127.0.0.1:%d" % rng.randrange(30000, 61000), S.cyc("served", "method", methods),
                rng.randrange(1, 90000), go_dur(rng, 300, 30000), S.cyc("served", "err", rpc_errs)], {}

    def m_download(t):
        total = rng.uniform(2.1, 2.4)
        done = total * rng.uniform(0.80, 0.999)
        pct = done / total * 100
        left_min = rng.randrange(3, 600)
        return ["%.2f%% %.1fTB/%.1fTB" % (pct, done, total),
                "%dhrs:%dm" % (left_min // 60, left_min % 60),
                "%dh%dm%ds" % (rng.randrange(1, 20), rng.randrange(0, 60), rng.randrange(0, 60)),
                "%dMB/s" % rng.randrange(5, 400), "%dMB/s" % rng.randrange(0, 40),
                rng.randrange(20, 120), rng.randrange(1800, 2400),
                "%d/%d" % ((lambda a: (a, a))(rng.randrange(1800, 2400))),
                rng.randrange(40, 400), gb(1.5, 6), gb(4, 12)], {}

    def m_prune(t):
        return [st["n"] - 90000 - rng.randrange(0, 100), S.cyc("prune", "limit", [100, 100, 1000])], {}

    def m_timings(t):
        return [go_dur(rng, 50, 3000) for _ in range(5)], {}

    def m_tables(t):
        return [gb(180, 260), gb(90, 140), gb(150, 220), gb(40, 80),
                "%.1fMB" % rng.uniform(1, 400), "%.1fGB" % rng.uniform(0.1, 9)], {}

    fail_errs = ["invalid block: gas used by execution: %d, in header: %d",
                 "invalid block: receiptHash mismatch: %d != %d",
                 "unexpected EOF reading snapshot segment v1-%06d-%06d-bodies.seg"]

    def m_execfail(t):
        e = S.cyc("execfail", "err", fail_errs)
        a = rng.randrange(100000, 30000000)
        return [st["n"] + 1, h0x(), e % (a, a + rng.randrange(1, 90000))], {}

    hs_errs = ["too many peers", "read tcp 10.0.0.4:30303->%s:%d: i/o timeout", "useless peer",
               "disconnect requested", "genesis mismatch"]

    def m_handshake(t):
        ip = ipv4(rng)
        port = S.cyc("handshake", "port", [30303, 30303, 30304])
        e = S.cyc("handshake", "err", hs_errs)
        if "%s" in e:
            e = e % (ip, port)
        return [hexs(rng, 16), "%s:%d" % (ip, port), e], {}

    makers = {"exec": m_exec, "goodpeers": m_goodpeers, "txpool": m_txpool, "newpayload": m_newpayload,
              "rpcnotify": m_rpcnotify, "headupd": m_headupd, "hdrproc": m_hdrproc, "served": m_served,
              "download": m_download, "prune": m_prune, "timings": m_timings, "tables": m_tables,
              "execfail": m_execfail, "handshake": m_handshake}
    counts = {"exec": 60, "txpool": 40, "goodpeers": 35, "rpcnotify": 30, "newpayload": 28, "headupd": 26,
              "hdrproc": 20, "served": 18, "timings": 12, "tables": 10, "download": 8, "prune": 6,
              "handshake": 4, "execfail": 3}
    start = (11 * 3600 + 31 * 60 + 48) * NS + rng.randrange(NS)
    return S, run_shuffle(S, counts, makers, start, 4.0)


# ----------------------------------------------------------------------------
# 5. Lighthouse (seeded shuffle)
# ----------------------------------------------------------------------------
def hdr_lighthouse(ns, m):
    h, mi, s, ms = tparts(ns)
    return "%s %02d %02d:%02d:%02d.%03d %s " % (MONTHS[MONTH - 1], DAY, h, mi, s, ms, m["lvl"])


RE_LIGHTHOUSE = (r"(?P<ts>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{2} "
                 r"\d{2}:\d{2}:\d{2}\.\d{3}) (?:CRIT|ERRO|WARN|INFO|DEBG|TRCE) ")


def build_lighthouse():
    S = System("Lighthouse", 5, hdr_lighthouse, RE_LIGHTHOUSE)
    S.mode = "shuffle"
    E = S.ev
    E("synced", pad40("Synced", "slot: <*>, block: <*>, epoch: <*>, finalized_epoch: <*>, finalized_root: <*>, "
                                "exec_hash: <*> (verified), peers: <*>, service: slot_notifier"), lvl="INFO")
    E("newblock", pad40("New block received", "root: <*>, slot: <*>"), lvl="INFO")
    E("syncstate", pad40("Sync state updated", "new_state: <*>, old_state: <*>, service: sync"), lvl="INFO")
    E("lowpeer", pad40("Low peer count", "peer_count: <*>, service: slot_notifier"), lvl="WARN")
    E("syncing", pad40("Syncing", 'peers: "<*>", distance: "<*>", est_time: "<*>", service: slot_notifier'), lvl="INFO")
    E("engfail", pad40("Execution engine call failed", "error: <*>, service: exec"), lvl="WARN")
    E("optimistic", pad40("Head is optimistic", "info: chain not fully verified, block and attestation production "
                                                "disabled until execution engine syncs, execution_block_hash: <*>, "
                                                "service: slot_notifier"), lvl="WARN")
    E("histdl", pad40("Downloading historical blocks", "est_time: <*>, speed: <*>, distance: <*>, service: slot_notifier"),
      lvl="INFO")
    E("httperr", pad40("Error processing HTTP API request", "method: <*>, path: <*>, status: <*>, elapsed: <*>"),
      lvl="WARN")
    E("proposer", pad40("Prepared beacon proposer", "validator: <*>, prepare_slot: <*>, parent_slot: <*>, service: beacon"),
      lvl="INFO")
    E("compact_start", pad40("Starting database compaction",
                             "old_finalized_epoch: <*>, new_finalized_epoch: <*>, service: beacon"), lvl="INFO")
    E("compact_done", pad40("Database compaction complete", "service: beacon"), lvl="INFO")
    E("blobfail", pad40("Could not verify blob sidecar for gossip. Ignoring the blob sidecar",
                        "error: <*>, slot: <*>, root: <*>, index: <*>, commitment: <*>"), lvl="WARN")
    E("elnotsynced", pad40("Execution endpoint is not synced",
                           "last_seen_block_unix_timestamp: <*>, endpoint: <*>, auth=true, service: deposit_contract_rpc"),
      lvl="WARN")

    rng = S.rng
    st = {"slot": 13_889_000 + rng.randrange(2000), "fin": None}

    def epoch():
        return st["slot"] // 32

    def m_synced(t):
        st["slot"] += rng.randrange(0, 3)
        return [st["slot"], short_hex(rng), epoch(), epoch() - 2, short_hex(rng), short_hex(rng),
                rng.randrange(60, 130)], {}

    def m_newblock(t):
        return [short_hex(rng), st["slot"] + rng.randrange(0, 2)], {}

    states = [("Syncing Head Chain", "Synced"), ("Synced", "Syncing Head Chain"),
              ("Syncing Finalized Chain", "Stalled"), ("Synced", "Syncing Finalized Chain"),
              ("Stalled", "Synced")]

    def m_syncstate(t):
        a, b = S.cyc("syncstate", "pair", states)
        return [a, b], {}

    def m_lowpeer(t):
        return [rng.randrange(0, 12)], {}

    def slots_text(n):
        secs = n * 12
        if secs >= 86400:
            return "%d slots (%d days %d hrs)" % (n, secs // 86400, (secs // 3600) % 24)
        if secs >= 3600:
            return "%d slots (%d hrs %d mins)" % (n, secs // 3600, (secs // 60) % 60)
        return "%d slots (%d mins)" % (n, max(1, secs // 60))

    def est():
        return S.cyc("est", "form", [lambda: "--", lambda: "%d mins" % rng.randrange(1, 59),
                                     lambda: "%d hrs %d mins" % (rng.randrange(1, 9), rng.randrange(0, 59))])()

    def m_syncing(t):
        return [rng.randrange(5, 110), slots_text(rng.randrange(4, 4000)), est()], {}

    eng_errs = [
        lambda: "HttpClient(url: http://localhost:8551/, kind: timeout, detail: operation timed out)",
        lambda: "HttpClient(url: http://127.0.0.1:8551/, kind: request, detail: error trying to connect: tcp connect error: Connection refused (os error 111))",
        lambda: 'ServerMessage { code: -32000, message: "header not found" }',
        lambda: "InvalidPayloadBody(\"mismatched block hash %s\")" % ("0x" + hexs(rng, 64)),
    ]

    def m_engfail(t):
        return [S.cyc("engfail", "err", eng_errs)()], {}

    def m_optimistic(t):
        return ["0x" + hexs(rng, 64)], {}

    def m_histdl(t):
        n = rng.randrange(20000, 4_000_000)
        return [est(), "%.2f slots/sec" % rng.uniform(5, 400), slots_text(n)], {}

    paths = ["/eth/v1/validator/duties/attester/%d", "/eth/v2/validator/blocks/%d",
             "/eth/v1/beacon/states/head/validators", "/eth/v1/validator/attestation_data",
             "/eth/v1/beacon/blob_sidecars/%d"]
    statuses = ["500 Internal Server Error", "404 Not Found", "400 Bad Request", "503 Service Unavailable"]

    def m_httperr(t):
        p = S.cyc("httperr", "path", paths)
        if "%d" in p:
            p = p % (epoch() + 1 if "duties" in p else st["slot"] + rng.randrange(0, 3))
        return [S.cyc("httperr", "method", ["GET", "GET", "POST"]), p, S.cyc("httperr", "status", statuses),
                "%.2fms" % rng.uniform(0.2, 4000)], {}

    def m_proposer(t):
        ps = st["slot"] + 1
        return [rng.randrange(1, 1_900_000), ps, ps - rng.choice([1, 1, 1, 2])], {}

    def m_compact_start(t):
        e = epoch() - 2
        return [e - rng.choice([1, 2, 3, 5]), e], {}

    blob_errs = [
        lambda: "UnknownParentBlob { parent_root: %s }" % short_hex(rng),
        lambda: "FutureSlot { message_slot: %d, latest_permissible_slot: %d }" % (st["slot"] + 2, st["slot"] + 1),
        lambda: "RepeatBlob { proposer: %d, slot: %d, index: %d }" % (rng.randrange(1, 1_900_000), st["slot"],
                                                                      rng.randrange(0, 6)),
        lambda: "ProposalSignatureInvalid",
    ]

    def m_blobfail(t):
        return [S.cyc("blobfail", "err", blob_errs)(), st["slot"] + rng.randrange(0, 2), short_hex(rng),
                rng.randrange(0, 6), short_hex(rng)], {}

    def m_elnotsynced(t):
        ts = DAY0_UNIX + t // NS - rng.randrange(12, 4000)
        return [S.cyc("elnotsynced", "ts", [ts, 0, ts]),
                S.cyc("elnotsynced", "ep", ["http://localhost:8551/", "http://127.0.0.1:8551/"])], {}

    makers = {"synced": m_synced, "newblock": m_newblock, "syncstate": m_syncstate, "lowpeer": m_lowpeer,
              "syncing": m_syncing, "engfail": m_engfail, "optimistic": m_optimistic, "histdl": m_histdl,
              "httperr": m_httperr, "proposer": m_proposer, "compact_start": m_compact_start,
              "compact_done": lambda t: ([], {}), "blobfail": m_blobfail, "elnotsynced": m_elnotsynced}
    counts = {"synced": 70, "newblock": 48, "proposer": 30, "syncing": 22, "httperr": 20, "histdl": 18,
              "syncstate": 16, "lowpeer": 14, "blobfail": 14, "engfail": 12, "optimistic": 10,
              "compact_start": 9, "compact_done": 9, "elnotsynced": 8}
    start = (13 * 3600 + 5 * 60 + 29) * NS + rng.randrange(NS)
    return S, run_shuffle(S, counts, makers, start, 3.2)


# ----------------------------------------------------------------------------
# 6. Ipfs / Kubo (seeded shuffle)
# ----------------------------------------------------------------------------
def hdr_ipfs(ns, m):
    h, mi, s, ms = tparts(ns)
    if m.get("std"):
        return "%04d/%02d/%02d %02d:%02d:%02d " % (YEAR, MONTH, DAY, h, mi, s)
    return "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ\t%s\t%s\t%s\t" % (
        YEAR, MONTH, DAY, h, mi, s, ms, m["lvl"], m["logger"], m["caller"])


RE_IPFS = (r"(?:(?P<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\t"
           r"(?:DEBUG|INFO|WARN|ERROR|DPANIC|PANIC|FATAL)\t[A-Za-z0-9/_.:-]+\t[A-Za-z0-9/_.-]+\.go:\d+\t"
           r"|(?P<ts2>\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}) )")


def build_ipfs():
    S = System("Ipfs", 6, hdr_ipfs, RE_IPFS)
    S.mode = "shuffle"
    E = S.ev
    E("rcm_exceeded", 'Resource limits were exceeded <*> times with error "<*>".', lvl="ERROR",
      logger="resourcemanager", caller="libp2p/rcmgr_logging.go:53")
    E("rcm_consider", "Consider inspecting logs and raising the resource manager limits. Documentation: "
                      "https://github.com/ipfs/kubo/blob/master/docs/libp2p-resource-management.md",
      lvl="ERROR", logger="resourcemanager", caller="libp2p/rcmgr_logging.go:57")
    E("identify", "failed to identify <*>: <*>", lvl="WARN", logger="net/identify", caller="identify/id.go:427")
    E("rtrefresh", 'failed when refreshing routing table\t{"error": "<*>"}', lvl="WARN",
      logger="dht/RtRefreshManager", caller="rtrefresh/rt_refresh_manager.go:322")
    E("reprovide", "failed to reprovide: <*>", lvl="ERROR", logger="reprovider.simple",
      caller="simple/reprovide.go:174")
    E("providers", "error reading providers: <*>", lvl="ERROR", logger="providers",
      caller="providers/providers_manager.go:174")
    E("writeheader", "http: superfluous response.WriteHeader call from <*> (<*>:<*>)", std=True)
    E("accept", "http: Accept error: <*>; retrying in <*>", std=True)
    E("autorelay", 'failed to reserve slot\t{"relay": "<*>", "error": "<*>"}', lvl="WARN", logger="autorelay",
      caller="autorelay/relay_finder.go:664")
    E("swarm_accept", "swarm listener for <*> accept error: <*>", lvl="ERROR", logger="swarm2",
      caller="swarm/swarm_listen.go:164")
    E("msgq", "Could not open message sender to peer <*>: <*>", lvl="WARN", logger="bitswap/client/msgq",
      caller="messagequeue/messagequeue.go:812")
    E("gateway", "error while serving <*>: <*>", lvl="ERROR", logger="core/server", caller="corehttp/gateway.go:118")
    E("bootstrap", "not enough connected peers (<*>) to bootstrap", lvl="WARN", logger="core/bootstrap",
      caller="bootstrap/bootstrap.go:143")

    rng = S.rng

    rcm_errs = [
        lambda: "system: cannot reserve inbound connection: resource limit exceeded",
        lambda: "transient: cannot reserve inbound stream: resource limit exceeded",
        lambda: "peer:%s: cannot reserve outbound stream: resource limit exceeded" % peer_id(rng),
        lambda: "system: cannot reserve outbound connection: resource limit exceeded",
    ]

    def m_rcm_exceeded(t):
        return [rng.choice([rng.randrange(1, 40), rng.randrange(40, 2000)]), S.cyc("rcm", "err", rcm_errs)()], {}

    id_errs = ["stream reset", "timed out reading response", "context deadline exceeded",
               "failed to negotiate protocol: protocols not supported: [/ipfs/id/1.0.0]",
               "Application error 0x0 (remote)", "connection closed"]

    def m_identify(t):
        return [peer_id(rng), S.cyc("identify", "err", id_errs)], {}

    rt_errs = ["failed to find any peer in table",
               "2 errors occurred:\\n\\t* failed to query for self, err=context deadline exceeded"
               "\\n\\t* failed to refresh cpl=0, err=failed to find any peer in table\\n\\n",
               "failed to query for self, err=context deadline exceeded"]

    def m_rtrefresh(t):
        return [S.cyc("rtrefresh", "err", rt_errs)], {}

    def cid():
        return "bafy" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz234567") for _ in range(55))

    rep_errs = [lambda: "context deadline exceeded",
                lambda: "failed to provide %s: failed to find any peer in table" % cid(),
                lambda: "failed to list keys: leveldb: closed"]

    def m_reprovide(t):
        return [S.cyc("reprovide", "err", rep_errs)()], {}

    prov_errs = [lambda: "datastore: key not found", lambda: "leveldb: closed",
                 lambda: "unexpected EOF reading provider record /providers/CIQ%s" % b58(rng, 20).upper()]

    def m_providers(t):
        return [S.cyc("providers", "err", prov_errs)()], {}

    callers = [("github.com/ipfs/boxo/gateway.(*handler).webError", "errors.go", "163"),
               ("github.com/ipfs/boxo/gateway.(*handler).serveDefaults", "handler_defaults.go", "212"),
               ("github.com/ipfs/boxo/gateway.(*handler).serveCodecRaw", "handler_codec.go", "301")]

    def m_writeheader(t):
        return list(S.cyc("writeheader", "caller", callers)), {}

    def m_accept(t):
        lst = S.cyc("accept", "listen", ["127.0.0.1:8080", "127.0.0.1:5001", "[::]:8080"])
        return ["accept tcp %s: accept4: too many open files" % lst,
                S.cyc("accept", "delay", ["5ms", "10ms", "20ms", "40ms", "80ms", "160ms", "320ms", "640ms", "1s"])], {}

    relay_errs = ["reservation refused", "error opening relay reservation: stream reset",
                  "context deadline exceeded", "error reading reservation response message: EOF"]

    def m_autorelay(t):
        return [peer_id(rng), S.cyc("autorelay", "err", relay_errs)], {}

    listen = ["/ip4/0.0.0.0/tcp/4001", "/ip6/::/tcp/4001", "/ip4/0.0.0.0/udp/4001/quic-v1"]

    def m_swarm_accept(t):
        ma = S.cyc("swarm_accept", "ma", listen)
        if "tcp" in ma:
            e = "accept tcp %s:4001: accept4: too many open files" % ("0.0.0.0" if "ip4" in ma else "[::]")
        else:
            e = "failed to negotiate security protocol: peer id mismatch: expected %s" % peer_id(rng)
        return [ma, e], {}

    msgq_errs = [lambda p: "failed to dial: context deadline exceeded",
                 lambda p: "protocols not supported: [/ipfs/bitswap/1.2.0 /ipfs/bitswap/1.1.0 /ipfs/bitswap/1.0.0 /ipfs/bitswap]",
                 lambda p: "failed to dial %s: no good addresses" % p,
                 lambda p: "resource limit exceeded"]

    def m_msgq(t):
        p = peer_id(rng)
        return [p, S.cyc("msgq", "err", msgq_errs)(p)], {}

    gw_errs = ["write tcp 127.0.0.1:8080->127.0.0.1:%d: write: broken pipe",
               "write tcp 127.0.0.1:8080->127.0.0.1:%d: write: connection reset by peer",
               "context canceled"]

    def m_gateway(t):
        e = S.cyc("gateway", "err", gw_errs)
        if "%d" in e:
            e = e % rng.randrange(32000, 61000)
        path = S.cyc("gateway", "path", ["/ipfs/%s", "/ipfs/%s/index.html", "/ipns/%s"])
        if path.startswith("/ipns/"):
            return [path % S.cyc("gateway", "name", ["docs.example-dweb.org", "k51qzi5uqu5dh" + b58(rng, 8).lower()]), e], {}
        return [path % cid(), e], {}

    def m_bootstrap(t):
        return [S.cyc("bootstrap", "n", [0, 1, 2, 3])], {}

    makers = {"rcm_exceeded": m_rcm_exceeded, "rcm_consider": lambda t: ([], {}), "identify": m_identify,
              "rtrefresh": m_rtrefresh, "reprovide": m_reprovide, "providers": m_providers,
              "writeheader": m_writeheader, "accept": m_accept, "autorelay": m_autorelay,
              "swarm_accept": m_swarm_accept, "msgq": m_msgq, "gateway": m_gateway, "bootstrap": m_bootstrap}
    counts = {"identify": 72, "msgq": 40, "rcm_exceeded": 28, "rcm_consider": 28, "autorelay": 25,
              "swarm_accept": 25, "providers": 20, "gateway": 18, "rtrefresh": 14, "reprovide": 10,
              "accept": 8, "writeheader": 7, "bootstrap": 5}
    start = (15 * 3600 + 47 * 60 + 2) * NS + rng.randrange(NS)
    return S, run_shuffle(S, counts, makers, start, 6.0)


# ----------------------------------------------------------------------------
# writing and self-check
# ----------------------------------------------------------------------------
def write_system(S, recs):
    d = os.path.join(OUT, S.name)
    os.makedirs(d, exist_ok=True)
    lines, rows = [], []
    for i, (ns, key, vals, hm) in enumerate(recs, 1):
        eid, _, tmpl, meta = S.events[S.idx[key]]
        m = dict(meta)
        m.update(hm)
        content = fill(tmpl, vals)
        lines.append(S.header_fn(ns, m) + content)
        rows.append([str(i), content, eid, tmpl])
    with open(os.path.join(d, S.name + ".log"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(d, S.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


def tmpl_regex(tmpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tmpl.split("<*>")))


TIME_RE = re.compile(r"(\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?Z?$")


def check_system(S):
    errors = []

    def fail(msg):
        errors.append("%s: %s" % (S.name, msg))

    d = os.path.join(OUT, S.name)
    logp = os.path.join(d, S.name + ".log")
    csvp = os.path.join(d, S.name + ".log_structured.csv")
    for p in (logp, csvp):
        raw = open(p, "rb").read()
        if not raw.endswith(b"\n"):
            fail("%s does not end with newline" % p)
        if b"\r" in raw:
            fail("%s contains CR" % p)
    lines = open(logp, "rb").read().decode("utf-8").split("\n")
    if lines[-1] != "":
        fail("log missing final newline")
    lines = lines[:-1]
    if len(lines) != N_LINES:
        fail("log has %d lines" % len(lines))
    with open(csvp, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        fail("bad csv header %r" % rows[0])
    rows = rows[1:]
    if len(rows) != N_LINES:
        fail("csv has %d rows" % len(rows))
    declared = [(eid, tmpl) for eid, _, tmpl, _ in S.events]
    decl_map = dict(declared)
    if len(set(t for _, t in declared)) != len(declared):
        fail("declared templates are not distinct")
    used_tmpl = {}
    counts = {}
    captures = {}
    max_full = -1
    max_sec = -1
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            fail("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tmpl = row
        if lid != str(i):
            fail("row %d LineId %r" % (i, lid))
        if not content or content != content.strip():
            fail("row %d content empty or not stripped" % i)
        if not line.endswith(content):
            fail("line %d does not end with content" % i)
            continue
        header = line[:len(line) - len(content)]
        hm = S.header_re.fullmatch(header)
        if not hm:
            fail("line %d header %r does not match" % (i, header))
            continue
        ts = hm.group("ts") if "ts" in hm.groupdict() and hm.group("ts") else hm.groupdict().get("ts2")
        tm = TIME_RE.search(ts or "")
        if not tm or "14" not in ts:
            fail("line %d bad timestamp %r" % (i, ts))
            continue
        sec = int(tm.group(1)) * 3600 + int(tm.group(2)) * 60 + int(tm.group(3))
        if sec < max_sec:
            fail("line %d timestamp goes back" % i)
        max_sec = max(max_sec, sec)
        if tm.group(4) is not None:
            full = sec * 1000 + int(tm.group(4))
            if full < max_full:
                fail("line %d timestamp goes back" % i)
            max_full = max(max_full, full)
        if not re.fullmatch(r"E\d+", eid):
            fail("row %d bad EventId %r" % (i, eid))
        if eid not in decl_map or decl_map[eid] != tmpl:
            fail("row %d EventId/template mismatch" % i)
        if used_tmpl.setdefault(eid, tmpl) != tmpl:
            fail("EventId %s has more than one template" % eid)
        m = tmpl_regex(tmpl).fullmatch(content)
        if not m:
            fail("row %d template does not match content" % i)
            continue
        counts[eid] = counts.get(eid, 0) + 1
        caps = captures.setdefault(eid, [set() for _ in m.groups()])
        for j, g in enumerate(m.groups()):
            caps[j].add(g)
    if len(set(used_tmpl.values())) != len(used_tmpl):
        fail("two EventIds share a template")
    for eid, _ in declared:
        if eid not in counts:
            fail("declared event %s unused" % eid)
    for eid, caps in captures.items():
        for j, c in enumerate(caps):
            if len(c) < 2:
                fail("%s slot %d captures only %r" % (eid, j + 1, c))
    n_ev = len(declared)
    if not 12 <= n_ev <= 15:
        fail("%d event types" % n_ev)
    cvals = sorted(counts.values())
    if cvals and min(cvals) < 3:
        fail("an event has fewer than 3 lines: %r" % counts)
    small = sum(1 for c in cvals if 3 <= c <= 10)
    if small < 3:
        fail("only %d events with 3-10 lines" % small)
    med = statistics.median(cvals) if cvals else 0
    if cvals and max(cvals) < 3 * med:
        fail("largest %d < 3 x median %s" % (max(cvals), med))
    return errors, counts, med


def main():
    builders = [build_lnd, build_cln, build_monero, build_erigon, build_lighthouse, build_ipfs]
    systems = []
    for b in builders:
        S, recs = b()
        write_system(S, recs)
        systems.append((S, recs))
    all_errors = []
    for S, recs in systems:
        errors, counts, med = check_system(S)
        all_errors += errors
        first = "%02d:%02d:%02d" % tparts(recs[0][0])[:3]
        last = "%02d:%02d:%02d" % tparts(recs[-1][0])[:3]
        cv = sorted(counts.values(), reverse=True)
        print("%-14s %-10s lines=%d events=%d largest=%d median=%s smallest=%d span=%s-%s %s" % (
            S.name, S.mode, N_LINES, len(S.events), cv[0] if cv else 0, med, cv[-1] if cv else 0,
            first, last, "OK" if not errors else "FAIL"))
        if os.environ.get("SEALED_DEBUG"):
            print("   ", sorted(counts.items(), key=lambda kv: int(kv[0][1:])))
    if all_errors:
        for e in all_errors[:25]:
            print("ERROR", e)
        sys.exit(1)
    print("self-check passed for %d systems" % len(systems))


if __name__ == "__main__":
    main()
