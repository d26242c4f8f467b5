#!/usr/bin/env python3
"""Round 75 blind labelled log corpus generator.

Standard library only, fully deterministic: no wall clock, no locale (month and
weekday names come from fixed lists), one random.Random per system seeded with
BASE_SEED * 10 + k.  All times come from an integer nanosecond clock on
2026-03-14 UTC.  Running it writes <System>/<System>.log and
<System>/<System>.log_structured.csv for the six systems and then self-checks
every file, printing a per-system summary.
"""
import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270206
N_LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

US = 1000
MS = 1000 * US
SEC = 1000 * MS
MIN = 60 * SEC
HOUR = 60 * MIN
DAY = 24 * HOUR


# ---------------------------------------------------------------- clock ----
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


DAY_NS = days_from_civil(2026, 3, 14) * DAY      # 2026-03-14T00:00:00Z in ns
DAY_END = DAY_NS + DAY


def parts(ns):
    assert DAY_NS <= ns < DAY_END, "clock left 2026-03-14"
    days, rem = divmod(ns, DAY)
    y, m, d = civil_from_days(days)
    h, rem = divmod(rem, HOUR)
    mi, rem = divmod(rem, MIN)
    s, sub = divmod(rem, SEC)
    return y, m, d, h, mi, s, sub // MS, WDAYS[(days + 3) % 7]


def ts_dash(ns):            # 2026-03-14 08:00:01
    y, m, d, h, mi, s, _, _ = parts(ns)
    return "%04d-%02d-%02d %02d:%02d:%02d" % (y, m, d, h, mi, s)


def ts_slash_ms(ns):        # 2026/03/14 08:00:01.123
    y, m, d, h, mi, s, ms, _ = parts(ns)
    return "%04d/%02d/%02d %02d:%02d:%02d.%03d" % (y, m, d, h, mi, s, ms)


def ts_iso_ms(ns):          # 2026-03-14T08:00:01.123Z
    y, m, d, h, mi, s, ms, _ = parts(ns)
    return "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (y, m, d, h, mi, s, ms)


def ts_jsdate(ns):          # Sat Mar 14 2026 08:00:01 GMT+0000 (Coordinated Universal Time)
    y, m, d, h, mi, s, _, wd = parts(ns)
    return "%s %s %02d %04d %02d:%02d:%02d GMT+0000 (Coordinated Universal Time)" % (
        wd, MONTHS[m - 1], d, y, h, mi, s)


def unix_s(ns):
    return ns // SEC


# parsers used by the self-check (return a comparable integer, ms resolution)
def _p_dash(s):
    y, mo, d, h, mi, se = map(int, re.match(r"(\d+)-(\d+)-(\d+) (\d+):(\d+):(\d+)$", s).groups())
    return ((days_from_civil(y, mo, d) * 24 + h) * 60 + mi) * 60000 + se * 1000


def _p_slash_ms(s):
    y, mo, d, h, mi, se, ms = map(int, re.match(r"(\d+)/(\d+)/(\d+) (\d+):(\d+):(\d+)\.(\d+)$", s).groups())
    return ((days_from_civil(y, mo, d) * 24 + h) * 60 + mi) * 60000 + se * 1000 + ms


def _p_iso_ms(s):
    y, mo, d, h, mi, se, ms = map(int, re.match(r"(\d+)-(\d+)-(\d+)T(\d+):(\d+):(\d+)\.(\d+)Z$", s).groups())
    return ((days_from_civil(y, mo, d) * 24 + h) * 60 + mi) * 60000 + se * 1000 + ms


def _p_jsdate(s):
    m = re.match(r"\w{3} (\w{3}) (\d+) (\d+) (\d+):(\d+):(\d+) ", s)
    mon = MONTHS.index(m.group(1)) + 1
    d, y, h, mi, se = map(int, m.groups()[1:])
    return ((days_from_civil(y, mon, d) * 24 + h) * 60 + mi) * 60000 + se * 1000


# -------------------------------------------------------------- helpers ----
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def uuid4(rng):
    h = "%032x" % rng.getrandbits(128)
    h = h[:12] + "4" + h[13:16] + "89ab"[rng.randrange(4)] + h[17:]
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def hexs(rng, n):
    return "%0*x" % (n, rng.getrandbits(4 * n))


def b62(rng, n):
    return "".join(rng.choice(B62) for _ in range(n))


def expo(rng, mean_ns):
    return max(1, int(rng.expovariate(1.0 / mean_ns)))


def ms(rng, lo, hi):
    """A random gap between lo and hi milliseconds, at microsecond resolution."""
    return rng.randint(lo * 1000, hi * 1000) * US


def priv_ip(rng):
    r = rng.random()
    if r < 0.45:
        return "10.%d.%d.%d" % (rng.randint(0, 40), rng.randint(0, 255), rng.randint(2, 254))
    if r < 0.7:
        return "172.%d.%d.%d" % (rng.randint(16, 31), rng.randint(0, 255), rng.randint(2, 254))
    return "192.168.%d.%d" % (rng.randint(0, 20), rng.randint(2, 254))


def pub_ip(rng):
    net = rng.choice(["203.0.113", "198.51.100", "192.0.2", "100.64.%d" % rng.randint(0, 63)])
    return "%s.%d" % (net, rng.randint(2, 254))


def eph_port(rng):
    return rng.randint(32768, 60999)


def go_dur(ns):
    """Go time.Duration.String() at microsecond precision."""
    ns -= ns % US
    if ns < SEC:
        whole, frac = divmod(ns, MS)
        f = ("%06d" % frac).rstrip("0")
        return "%d%sms" % (whole, "." + f if f else "")
    h, rem = divmod(ns, HOUR)
    m, rem = divmod(rem, MIN)
    whole, frac = divmod(rem, SEC)
    f = ("%09d" % frac).rstrip("0")
    out = ""
    if h:
        out += "%dh" % h
    if h or m:
        out += "%dm" % m
    return out + "%d%ss" % (whole, "." + f if f else "")


class Cyc:
    """Small pools cycle per (event, slot) key, starting at a seeded offset."""

    def __init__(self, rng):
        self.rng = rng
        self.pos = {}

    def __call__(self, key, pool):
        if key not in self.pos:
            self.pos[key] = self.rng.randrange(len(pool))
        i = self.pos[key]
        self.pos[key] = (i + 1) % len(pool)
        return pool[i]


def fill(tmpl, vals):
    segs = tmpl.split("<*>")
    assert len(segs) == len(vals) + 1, (tmpl, vals)
    out = [segs[0]]
    for v, s in zip(vals, segs[1:]):
        v = str(v)
        assert v and "\n" not in v and "\r" not in v, (tmpl, vals)
        out.append(v)
        out.append(s)
    return "".join(out)


def merge(records, n=N_LINES):
    """records: (t_ns, entity_no, seq, [(header_ts_or_None, key, vals), ...]).
    Sort by time (entity and own sequence break ties), flatten, keep first n."""
    records.sort(key=lambda r: (r[0], r[1], r[2]))
    out = []
    for r in records:
        out.extend(r[3])
    return out[:n]


def shuffle_stream(rng, counts, start_ns, mean_gap_ns, make):
    """Fixed count per event, shuffled, stamped by a forward-only clock."""
    keys = []
    for k, c in counts:
        keys.extend([k] * c)
    assert len(keys) == N_LINES, (len(keys), counts)
    rng.shuffle(keys)
    t = start_ns
    out = []
    for k in keys:
        t += expo(rng, mean_gap_ns)
        out.append((t, k, make(k, t)))
    return out


# ====================================================== 1. Centrifugo ======
CF_EVENTS = [
    ("conn", "DBG", "client connection established client=<*> transport=<*>"),
    ("auth", "DBG", "client authenticated client=<*> user=<*>"),
    ("badtoken", "INF", 'invalid connection token client=<*> error="<*>"'),
    ("sub", "DBG", "client subscribed to channel channel=<*> client=<*> user=<*>"),
    ("unsub", "DBG", "client unsubscribed from channel channel=<*> client=<*> user=<*>"),
    ("pub", "DBG", "client published to channel channel=<*> client=<*> size=<*> user=<*>"),
    ("presence", "DBG", "client presence request channel=<*> client=<*> user=<*>"),
    ("refresh", "DBG", "client token refreshed client=<*> exp=<*> user=<*>"),
    ("cmderr", "INF", 'client command error client=<*> code=<*> error="<*>" method=<*> user=<*>'),
    ("slow", "WRN", "client is slow, message queue size exceeded client=<*> queue_size=<*> user=<*>"),
    ("writeerr", "ERR", 'error writing to client client=<*> error="<*>" user=<*>'),
    ("closing", "DBG", 'closing client connection client=<*> reason="<*>" user=<*>'),
    ("done", "DBG", "client connection completed client=<*> duration=<*> transport=<*>"),
]
CF_RE = re.compile(r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) \[(?:DBG|INF|WRN|ERR)\] ")

CF_USERS = ["1873", "42", "alice", "u_5f3a9c", "bob.smith", "90211", "marta.k",
            "dev-7", "30077", "svc-dashboard", "kenji", "5512"]
CF_CHANNELS = ["chat:index", "news", "room:general", "room:random", "prices:BTC-USD",
               "prices:ETH-USD", "notifications:#1873", "game:lobby", "orders:eu-west",
               "dashboard:metrics", "support:queue-3", "personal:#42"]
CF_TRANSPORTS = ["websocket", "websocket", "sse", "websocket", "http_stream", "uni_websocket"]
CF_TOKEN_ERRS = ["token is expired", "signature is invalid", "token is not valid yet",
                 "token contains an invalid number of segments"]
CF_CMD_ERRS = [(103, "permission denied"), (102, "unknown channel"), (107, "bad request"),
               (106, "limit exceeded"), (111, "too many requests"), (105, "already subscribed")]
# per-client outcome, cycled so that rare outcomes recur at a steady rate
CF_FATES = ["normal", "badtoken", "writeerr", "normal", "slow", "normal", "normal", "writeerr", "normal"]
CF_METHODS = ["publish", "subscribe", "presence", "history", "rpc"]
CF_REASONS = ["connection closed", "connection closed", "no pong", "force reconnect",
              "connection closed", "insufficient state"]


def gen_centrifugo(rng):
    cy = Cyc(rng)
    tmpl = {k: (lvl, t) for k, lvl, t in CF_EVENTS}
    recs = []
    t_arr = DAY_NS + 9 * HOUR + 12 * MIN + ms(rng, 0, 59000)

    def client(no, t0):
        out = []
        cid = uuid4(rng)
        tr = cy(("conn", "transport"), CF_TRANSPORTS)
        user = cy(("client", "user"), CF_USERS)
        fate = cy(("client", "fate"), CF_FATES)
        # clients that end up slow or broken tend to drop early
        life = 3 * SEC + expo(rng, 38 * SEC if fate == "normal" else 14 * SEC)
        out.append((t0, "conn", [cid, tr]))
        t = t0 + ms(rng, 1, 25)
        if fate == "badtoken":
            out.append((t, "badtoken", [cid, cy(("badtoken", "error"), CF_TOKEN_ERRS)]))
            t += ms(rng, 0, 3)
            out.append((t, "done", [cid, go_dur(t - t0), tr]))
            return out
        out.append((t, "auth", [cid, user]))
        end = t0 + life
        chans = rng.sample(CF_CHANNELS, rng.choice([1, 1, 2, 2, 3]))
        for ch in chans:
            t += ms(rng, 2, 250)
            out.append((t, "sub", [ch, cid, user]))
        ta = t
        while True:
            ta += expo(rng, 4 * SEC)
            if ta >= end:
                break
            r = rng.random()
            if r < 0.74:
                out.append((ta, "pub", [rng.choice(chans), cid, rng.randint(18, 4096), user]))
            elif r < 0.89:
                out.append((ta, "presence", [rng.choice(chans), cid, user]))
            else:
                code, err = cy(("cmderr", "code"), CF_CMD_ERRS)
                out.append((ta, "cmderr", [cid, code, err, cy(("cmderr", "method"), CF_METHODS), user]))
        if life > 32 * SEC:     # short-lived connection tokens get refreshed
            tr_ = t0 + 28 * SEC + ms(rng, 0, 3000)
            out.append((tr_, "refresh", [cid, unix_s(tr_) + 3600, user]))
        for ch in chans[1:]:
            if rng.random() < 0.5:
                out.append((t + (end - t) * rng.randint(30, 95) // 100, "unsub", [ch, cid, user]))
        if fate == "slow":
            out.append((end - ms(rng, 5, 40), "slow", [cid, rng.randint(1048577, 4194304), user]))
            reason = "slow client"
        elif fate == "writeerr":
            err = "write tcp 10.0.4.17:8000->%s:%d: write: %s" % (
                priv_ip(rng), eph_port(rng), cy(("writeerr", "errno"), ["broken pipe", "connection reset by peer"]))
            if rng.random() < 0.3:
                err = "use of closed network connection"
            out.append((end - ms(rng, 1, 5), "writeerr", [cid, err, user]))
            reason = "write error"
        else:
            reason = cy(("closing", "reason"), CF_REASONS)
        out.append((end, "closing", [cid, reason, user]))
        t_done = end + ms(rng, 0, 2)
        out.append((t_done, "done", [cid, go_dur(t_done - t0), tr]))
        out.sort(key=lambda x: x[0])
        return out

    for no in range(90):
        t_arr += expo(rng, 2600 * MS)
        for seq, (t, k, v) in enumerate(client(no, t_arr)):
            recs.append((t, no, seq, [(t, k, v)]))
    lines = merge(recs)
    res = []
    for t, k, v in lines:
        lvl, tp = tmpl[k]
        res.append(("%s [%s] " % (ts_dash(t), lvl), k, fill(tp, v)))
    return res


# ========================================================= 2. Mercure =======
# (key, level, logger or None, template); the console encoder separates the
# message from its JSON fields with a tab.
MC_EVENTS = [
    ("newsub", "INFO", "http.handlers.mercure",
     'New subscriber\t{"subscriber": {"id": "urn:uuid:<*>", "last_event_id": "", "remote_addr": "<*>", '
     '"topic_selectors": ["<*>"], "topics": ["<*>"]}}'),
    ("discsub", "INFO", "http.handlers.mercure",
     'Subscriber disconnected\t{"subscriber": {"id": "urn:uuid:<*>", "last_event_id": "", "remote_addr": "<*>", '
     '"topic_selectors": ["<*>"], "topics": ["<*>"]}}'),
    ("update", "DEBUG", "http.handlers.mercure",
     'Update published\t{"update": {"id": "urn:uuid:<*>", "topics": ["<*>"], "private": <*>, "data": "<*>"}, '
     '"remote_addr": "<*>"}'),
    ("access", "INFO", "http.log.access.log0",
     'handled request\t{"request": {"remote_ip": "<*>", "remote_port": "<*>", "proto": "<*>", "method": "<*>", '
     '"host": "<*>", "uri": "<*>"}, "bytes_read": <*>, "user_id": "", "duration": <*>, "size": <*>, "status": <*>}'),
    ("denied", "INFO", "http.handlers.mercure",
     'Topic selectors not matched, not provided or authorization error\t{"remote_addr": "<*>", "error": "<*>"}'),
    ("dispatch", "ERROR", "http.handlers.mercure",
     'Unable to dispatch update\t{"update": {"id": "urn:uuid:<*>", "topics": ["<*>"]}, "error": "<*>"}'),
    ("maint_start", "INFO", "tls.cache.maintenance", 'started background certificate maintenance\t{"cache": "<*>"}'),
    ("maint_stop", "INFO", "tls.cache.maintenance", 'stopped background certificate maintenance\t{"cache": "<*>"}'),
    ("autotls", "INFO", "http", 'enabling automatic TLS certificate management\t{"domains": ["<*>"]}'),
    ("obtained", "INFO", "tls.obtain", 'certificate obtained successfully\t{"identifier": "<*>", "issuer": "<*>"}'),
    ("autosave", "INFO", None, 'autosaved config (load with --resume flag)\t{"file": "<*>"}'),
    ("running", "INFO", "http.log", 'server running\t{"name": "<*>", "protocols": ["h1", "h2", "h3"]}'),
    ("h2skip", "WARN", "http", 'HTTP/2 skipped because it requires TLS\t{"network": "tcp", "addr": "<*>"}'),
    ("serving", "INFO", None, "serving initial configuration"),
]
MC_COUNTS = [("newsub", 38), ("discsub", 31), ("update", 44), ("access", 96), ("denied", 9),
             ("dispatch", 4), ("maint_start", 6), ("maint_stop", 5), ("autotls", 7), ("obtained", 8),
             ("autosave", 12), ("running", 16), ("h2skip", 7), ("serving", 17)]
MC_RE = re.compile(r"(?P<ts>\d{4}/\d\d/\d\d \d\d:\d\d:\d\d\.\d{3})\t(?:DEBUG|INFO|WARN|ERROR)\t"
                   r"(?:[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*\t)?")

MC_HOSTS = ["mercure.example.com", "hub.acme.test", "live.shop-demo.test", "localhost"]
MC_TOPIC_KINDS = [
    ("https://example.com/books/{id}", "https://example.com/books/%d"),
    ("https://shop.acme.test/orders/{id}", "https://shop.acme.test/orders/%d"),
    ("/chat/rooms/{room}", "/chat/rooms/%d"),
    ("https://api.example.org/users/{id}/notifications", "https://api.example.org/users/%d/notifications"),
    ("urn:acme:stock:{sku}", "urn:acme:stock:%d"),
]
MC_DATA = ['{\\"status\\":\\"%s\\"}', '{\\"id\\":%d,\\"qty\\":%d}', '{\\"message\\":\\"%s\\",\\"from\\":%d}']
MC_WORDS = ["shipped", "pending", "hello there", "paid", "out of stock", "typing"]


def mc_quote(s):
    return s.replace(":", "%3A").replace("/", "%2F").replace("{", "%7B").replace("}", "%7D")


def gen_mercure(rng):
    cy = Cyc(rng)
    meta = {k: (lvl, lg, tp) for k, lvl, lg, tp in MC_EVENTS}

    def topic(key):
        sel, pat = cy((key, "topic"), MC_TOPIC_KINDS)
        return sel, pat % rng.randint(1, 9999)

    def remote():
        return "%s:%d" % (cy(("remote", "ip"), [priv_ip(rng), pub_ip(rng), pub_ip(rng)]), eph_port(rng))

    def make(k, t):
        if k in ("newsub", "discsub"):
            sel, top = topic(k)
            if rng.random() < 0.4:
                sel = top
            return [uuid4(rng), remote(), sel, top]
        if k == "update":
            _, top = topic(k)
            d = cy(("update", "data"), MC_DATA)
            if d.count("%") == 1:
                data = d % rng.choice(MC_WORDS)
            elif "message" in d:
                data = d % (rng.choice(MC_WORDS), rng.randint(1, 900))
            else:
                data = d % (rng.randint(1, 99999), rng.randint(0, 50))
            return [uuid4(rng), top, cy(("update", "private"), ["true", "false", "false"]), data, remote()]
        if k == "access":
            ip = cy(("access", "ip"), [priv_ip(rng), pub_ip(rng), pub_ip(rng), "127.0.0.1"])
            host = cy(("access", "host"), MC_HOSTS)
            kind = rng.random()
            if kind < 0.45:
                _, top = topic("access")
                uri = "/.well-known/mercure?topic=" + mc_quote(top)
                dur = "%.9f" % (rng.uniform(2.0, 600.0))
                return [ip, eph_port(rng), cy(("access", "proto"), ["HTTP/1.1", "HTTP/2.0"]), "GET", host, uri,
                        0, dur, rng.randint(180, 90000), 200]
            if kind < 0.8:
                return [ip, eph_port(rng), cy(("access", "proto"), ["HTTP/1.1", "HTTP/2.0"]), "POST", host,
                        "/.well-known/mercure", rng.randint(60, 900), "%.9f" % rng.uniform(0.0004, 0.02),
                        45, 200]
            if kind < 0.9:
                return [ip, eph_port(rng), "HTTP/1.1", "GET", host, "/.well-known/mercure/subscriptions",
                        0, "%.9f" % rng.uniform(0.0002, 0.004), rng.randint(300, 6000), 200]
            return [ip, eph_port(rng), "HTTP/2.0", cy(("access", "deny_method"), ["GET", "POST"]), host,
                    "/.well-known/mercure", rng.randint(0, 400), "%.9f" % rng.uniform(0.0001, 0.002),
                    cy(("access", "deny_size"), [13, 10]), cy(("access", "deny_status"), [401, 403])]
        if k == "denied":
            return [remote(), cy(("denied", "error"), [
                "unable to parse JWT: token is expired",
                "unable to parse JWT: signature is invalid",
                "no topic selectors provided",
                "publisher is not authorized to publish on topic(s)"])]
        if k == "dispatch":
            _, top = topic(k)
            return [uuid4(rng), top, cy(("dispatch", "error"), [
                "timeout", "write /data/mercure.db: no space left on device", "hub: transport closed"])]
        if k in ("maint_start", "maint_stop"):
            return ["0xc000%06x" % (rng.randrange(0x100000, 0xfffff0) & ~0xf)]
        if k == "autotls":
            return [cy(("autotls", "domain"), MC_HOSTS[:3])]
        if k == "obtained":
            return [cy(("obtained", "domain"), MC_HOSTS[:3]),
                    cy(("obtained", "issuer"), ["acme-v02.api.letsencrypt.org-directory",
                                                "acme.zerossl.com-v2-DV90"])]
        if k == "autosave":
            return [cy(("autosave", "file"), ["/config/caddy/autosave.json", "/root/.config/caddy/autosave.json",
                                              "/home/mercure/.config/caddy/autosave.json"])]
        if k == "running":
            return [cy(("running", "name"), ["srv0", "srv1"])]
        if k == "h2skip":
            return [cy(("h2skip", "addr"), [":80", ":8080", ":3000"])]
        if k == "serving":
            return []
        raise KeyError(k)

    start = DAY_NS + 14 * HOUR + 3 * MIN + ms(rng, 0, 59000)
    res = []
    for t, k, v in shuffle_stream(rng, MC_COUNTS, start, 700 * MS, make):
        lvl, lg, tp = meta[k]
        hdr = "%s\t%s\t" % (ts_slash_ms(t), lvl) + ("%s\t" % lg if lg else "")
        res.append((hdr, k, fill(tp, v)))
    return res


# =========================================================== 3. Soketi ======
E_SCI = "\U0001F468\u200D\U0001F52C"
SK_EVENTS = [
    ("newconn", True, E_SCI + " New connection:"),
    ("newconn_obj", False, "{ socketId: '<*>', appKey: '<*>', ip: '<*>' }"),
    ("sent", True, "\u2708 Sent message to client:"),
    ("est_obj", False, "{ socketId: '<*>', event: 'pusher:connection_established', activity_timeout: 30 }"),
    ("recv", True, "\u26A1 New message received:"),
    ("subscribe_obj", False, "{ socketId: '<*>', event: 'pusher:subscribe', channel: '<*>' }"),
    ("succeeded_obj", False, "{ socketId: '<*>', event: 'pusher_internal:subscription_succeeded', channel: '<*>' }"),
    ("ping_obj", False, "{ socketId: '<*>', event: 'pusher:ping' }"),
    ("pong_obj", False, "{ socketId: '<*>', event: 'pusher:pong' }"),
    ("closed", True, "\u274C Connection closed:"),
    ("closed_obj", False, "{ socketId: '<*>', code: <*>, message: '<*>' }"),
    ("http", True, "\u26A1 HTTP Payload received"),
    ("http_obj", False, "{ appId: '<*>', name: '<*>', channels: [ '<*>' ], data: '<*>' }"),
    ("webhook", True, "\U0001F680 Processing webhook from queue."),
    ("webhook_obj", False, "{ appId: '<*>', url: '<*>', events: [ '<*>' ] }"),
]
# titles are strings and get the "[Date.toString()] " prefix; object dumps do not
SK_RE = re.compile(r"(?:\[(?P<ts>(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                   r"\d\d \d{4} \d\d:\d\d:\d\d GMT\+0000 \(Coordinated Universal Time\))\] )?")

SK_APPS = [("app-id", "app-key"), ("1042", "f3a9c21b7d4e5a60"), ("staging", "pk-staging-82c1")]
SK_CHANNELS = ["private-orders.1842", "presence-chat.lobby", "public-ticker", "private-App.Models.User.57",
               "presence-room.17", "notifications", "private-encrypted-vault", "presence-support.3",
               "private-App.Models.User.311", "market-eur-usd"]
SK_CLOSE = [(1000, "Client closed the connection"), (1001, "Going away"),
            (4201, "Pong reply not received in time"), (1006, "Connection dropped"),
            (1000, "Client closed the connection")]
SK_HOOKS = ["https://api.example.com/pusher/webhook", "http://laravel.internal:8000/broadcasting/webhook",
            "https://hooks.acme.test/soketi"]
# util.inspect escapes backslashes inside quoted strings
SK_EVENTNAMES = ["App\\\\Events\\\\OrderShipped", "price.updated", "message.sent", "App\\\\Events\\\\UserNotified"]


def gen_soketi(rng):
    cy = Cyc(rng)
    tmpl = {k: (hdr, t) for k, hdr, t in SK_EVENTS}
    recs = []
    t_start = DAY_NS + 10 * HOUR + 41 * MIN + ms(rng, 0, 59000)
    t_arr = t_start

    def rec(t, no, seq, *items):
        recs.append((t, no, seq, [(t if tmpl[k][0] else None, k, v) for k, v in items]))

    def sid():
        return "%d.%d" % (rng.randrange(10 ** 10), rng.randrange(10 ** 10))

    for no in range(60):
        t_arr += expo(rng, 4200 * MS)
        t0 = t_arr
        s = sid()
        app_id, app_key = cy(("conn", "app"), SK_APPS)
        life = 2 * SEC + expo(rng, 55 * SEC)
        end = t0 + life
        seq = 0
        rec(t0, no, seq, ("newconn", []), ("newconn_obj", [s, app_key, priv_ip(rng)]))
        t = t0 + ms(rng, 1, 4)
        seq += 1
        rec(t, no, seq, ("sent", []), ("est_obj", [s]))
        for ch in rng.sample(SK_CHANNELS, rng.choice([1, 1, 2, 2, 3])):
            t += ms(rng, 20, 900)
            if t >= end:
                break
            seq += 1
            rec(t, no, seq, ("recv", []), ("subscribe_obj", [s, ch]))
            seq += 1
            rec(t + ms(rng, 1, 3), no, seq, ("sent", []), ("succeeded_obj", [s, ch]))
            if rng.random() < 0.2:
                ev = "member_added" if ch.startswith("presence-") else "channel_occupied"
                seq += 1
                rec(t + ms(rng, 30, 400), no, seq, ("webhook", []),
                    ("webhook_obj", [app_id, cy(("webhook", "url"), SK_HOOKS), ev]))
        tp = t0 + 30 * SEC + ms(rng, 0, 900)
        while tp < end:
            seq += 1
            rec(tp, no, seq, ("recv", []), ("ping_obj", [s]))
            seq += 1
            rec(tp + ms(rng, 0, 2), no, seq, ("sent", []), ("pong_obj", [s]))
            tp += 30 * SEC + ms(rng, 0, 900)
        code, msg = cy(("closed", "code"), SK_CLOSE)
        seq += 1
        rec(end, no, seq, ("closed", []), ("closed_obj", [s, code, msg]))
    # server-side HTTP API publishes: one more actor with its own clock
    t = t_start
    for i in range(40):
        t += expo(rng, 10 * SEC)
        app_id, _ = cy(("http", "app"), SK_APPS)
        ch = cy(("http", "channel"), SK_CHANNELS)
        data = cy(("http", "data"), ['{"id":%d,"status":"shipped"}', '{"price":%d.%02d}', '{"text":"hi","user":%d}'])
        n = data.count("%")
        data = data % tuple(rng.randint(1, 9999) if j == 0 else rng.randint(0, 99) for j in range(n))
        rec(t, 1000, i, ("http", []), ("http_obj", [app_id, cy(("http", "name"), SK_EVENTNAMES), ch, data]))
    lines = merge(recs)
    res = []
    for t, k, v in lines:
        hdr = "[%s] " % ts_jsdate(t) if t is not None else ""
        res.append((hdr, k, fill(tmpl[k][1], v)))
    return res


# =========================================================== 4. NanoMq ======
NM_SRC = "/nanomq/nanomq/"
NM_EVENTS = [
    ("conn", "INFO", "nmq_mqtt.c", 1093, "nano_pipe_start",
     "client connected! client_id: <*> username: <*> ip: <*> proto: <*> keepalive: <*>"),
    ("disc", "INFO", "nmq_mqtt.c", 1262, "nano_pipe_close",
     "client disconnected! client_id: <*> reason code: <*>"),
    ("pub", "DEBUG", "pub_handler.c", 1187, "handle_pub",
     "pub from client <*> topic: <*> qos: <*> retain: <*> payload len: <*>"),
    ("sub", "DEBUG", "sub_handler.c", 372, "sub_ctx_handle", "client <*> subscribed topic <*> qos <*>"),
    ("unsub", "DEBUG", "unsub_handler.c", 159, "unsub_ctx_handle", "client <*> unsubscribed topic <*>"),
    ("keepalive", "WARN", "nmq_mqtt.c", 1418, "nano_pipe_timer_cb",
     "keepalive timeout! closing pipe <*> of client <*>"),
    ("acl", "WARN", "acl_handler.c", 212, "check_acl", "acl deny! client_id: <*> action: <*> topic: <*>"),
    ("authfail", "ERROR", "nmq_mqtt.c", 1041, "nano_pipe_start",
     "authentication failed! client_id: <*> username: <*> reason code: <*>"),
    ("bridge_up", "INFO", "bridge.c", 441, "bridge_connect_cb", "Bridge client connected! url: <*>"),
    ("bridge_down", "WARN", "bridge.c", 473, "bridge_disconnect_cb",
     "Bridge client disconnected! url: <*> reason: <*>"),
    ("webhook", "ERROR", "webhook_post.c", 118, "webhook_post", "webhook post to <*> failed: <*>"),
    ("badtopic", "WARN", "pub_handler.c", 1302, "handle_pub", "invalid topic <*> from client <*>, packet dropped"),
    ("aioerr", "ERROR", "/nanomq/nng/src/sp/transport/mqtt/broker_tcp.c", 388, "tcptran_pipe_recv_cb",
     "aio recv error: <*>"),
    ("retain", "DEBUG", "pub_handler.c", 1251, "handle_pub", "retain msg saved, topic: <*> len: <*>"),
]
NM_COUNTS = [("conn", 32), ("disc", 28), ("pub", 110), ("sub", 38), ("unsub", 14), ("keepalive", 9),
             ("acl", 8), ("authfail", 6), ("bridge_up", 4), ("bridge_down", 5), ("webhook", 7),
             ("badtopic", 10), ("aioerr", 13), ("retain", 16)]
NM_RE = re.compile(r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) \[\d+\] (?:TRACE|DEBUG|INFO |WARN |ERROR|FATAL) "
                   r"\S+\.c:\d+ \w+: ")

NM_PREFIX = ["sensor-", "mqttx_", "plc-line2-", "app-ios-", "nanomq-", "gw-edge-"]
NM_USERS = ["admin", "sensor", "iot-gw", "telemetry", "alice", "plc"]
NM_TOPICS = ["sensors/room-%d/temperature", "factory/line2/plc%02d/status", "devices/%d/telemetry",
             "home/livingroom/light%d/set", "fleet/truck-%d/gps", "$share/g1/alerts/%d"]
NM_TIDS = [41207, 41208, 41209, 41211, 41214]


def gen_nanomq(rng):
    cy = Cyc(rng)
    meta = {e[0]: e[1:] for e in NM_EVENTS}
    clients = []

    def cid(key):
        if len(clients) > 3 and rng.random() < 0.45:
            return rng.choice(clients[-12:])
        c = cy((key, "client_prefix"), NM_PREFIX) + hexs(rng, rng.choice([4, 8]))
        clients.append(c)
        return c

    def topic(key):
        return cy((key, "topic"), NM_TOPICS) % rng.randint(1, 64)

    def make(k, t):
        if k == "conn":
            return [cid(k), cy((k, "user"), NM_USERS), "%s:%d" % (priv_ip(rng), eph_port(rng)),
                    cy((k, "proto"), [4, 5, 4]), cy((k, "keepalive"), [60, 30, 120, 60, 15])]
        if k == "disc":
            return [cid(k), cy((k, "rc"), [0, 0, 142, 0, 141, 4])]
        if k == "pub":
            return [cid(k), topic(k), cy((k, "qos"), [0, 1, 0, 2, 1]), cy((k, "retain"), [0, 0, 1, 0]),
                    rng.choice([rng.randint(2, 64), rng.randint(64, 2048)])]
        if k == "sub":
            return [cid(k), topic(k), cy((k, "qos"), [0, 1, 2, 1])]
        if k == "unsub":
            return [cid(k), topic(k)]
        if k == "keepalive":
            return ["%d" % rng.randint(2000000, 9000000), cid(k)]
        if k == "acl":
            return [cid(k), cy((k, "action"), ["publish", "subscribe"]), topic(k)]
        if k == "authfail":
            return [cid(k), cy((k, "user"), ["guest", "admin", "test"]), cy((k, "rc"), [134, 135])]
        if k == "bridge_up":
            return [cy((k, "url"), ["mqtt-tcp://broker.emqx.io:1883", "tls+mqtt-tcp://cloud.acme.test:8883"])]
        if k == "bridge_down":
            return [cy((k, "url"), ["mqtt-tcp://broker.emqx.io:1883", "tls+mqtt-tcp://cloud.acme.test:8883"]),
                    cy((k, "reason"), ["Connection refused", "Connection reset by peer", "Timed out"])]
        if k == "webhook":
            return [cy((k, "url"), ["http://127.0.0.1:8080/webhook", "http://hooks.plant.local:9000/mqtt/events"]),
                    cy((k, "err"), ["Connection refused", "HTTP status 502", "Timed out", "HTTP status 404"])]
        if k == "badtopic":
            return [cy((k, "topic"), ["sensors/#/temp", "devices/+", "fleet//gps#", "a/b/+/c#"]), cid(k)]
        if k == "aioerr":
            return [cy((k, "err"), ["Connection shut down", "Connection reset by peer", "Object closed",
                                    "Timed out"])]
        if k == "retain":
            return [topic(k), rng.randint(2, 512)]
        raise KeyError(k)

    start = DAY_NS + 6 * HOUR + 27 * MIN + ms(rng, 0, 59000)
    res = []
    for t, k, v in shuffle_stream(rng, NM_COUNTS, start, 450 * MS, make):
        lvl, f, line, func, tp = meta[k]
        path = f if f.startswith("/") else NM_SRC + f
        hdr = "%s [%d] %-5s %s:%d %s: " % (ts_dash(t), rng.choice(NM_TIDS), lvl, path, line, func)
        res.append((hdr, k, fill(tp, v)))
    return res


# ========================================================== 5. LiveKit ======
LK_EVENTS = [
    ("ws", "INFO", "livekit", "service/rtcservice.go:268",
     'new client WS connected\t{"connID": "<*>", "room": "<*>", "participant": "<*>", "remote": "<*>"}'),
    ("start", "INFO", "livekit", "service/roommanager.go:414",
     'starting RTC session\t{"room": "<*>", "roomID": "<*>", "participant": "<*>", "pID": "<*>", '
     '"protocol": <*>, "reconnect": false}'),
    ("ice", "DEBUG", "livekit.transport", "rtc/transport.go:1098",
     'ICE connection state changed\t{"room": "<*>", "participant": "<*>", "pID": "<*>", '
     '"transport": "<*>", "state": "<*>"}'),
    ("active", "INFO", "livekit", "rtc/participant.go:1520",
     'participant active\t{"room": "<*>", "roomID": "<*>", "participant": "<*>", "pID": "<*>", '
     '"connectionType": "<*>"}'),
    ("pub", "INFO", "livekit", "rtc/participant.go:2133",
     'mediaTrack published\t{"room": "<*>", "participant": "<*>", "pID": "<*>", "kind": "<*>", '
     '"trackID": "<*>", "source": "<*>"}'),
    ("unpub", "INFO", "livekit", "rtc/participant.go:2210",
     'mediaTrack unpublished\t{"room": "<*>", "participant": "<*>", "pID": "<*>", "kind": "<*>", '
     '"trackID": "<*>"}'),
    ("sub", "DEBUG", "livekit", "rtc/subscriptionmanager.go:612",
     'subscribed to track\t{"room": "<*>", "participant": "<*>", "pID": "<*>", "publisher": "<*>", '
     '"trackID": "<*>"}'),
    ("unsub", "DEBUG", "livekit", "rtc/subscriptionmanager.go:701",
     'unsubscribed from track\t{"room": "<*>", "participant": "<*>", "pID": "<*>", "publisher": "<*>", '
     '"trackID": "<*>"}'),
    ("quality", "DEBUG", "livekit", "rtc/participant.go:1788",
     'connection quality changed\t{"room": "<*>", "participant": "<*>", "pID": "<*>", '
     '"prevQuality": "<*>", "quality": "<*>"}'),
    ("icefail", "WARN", "livekit.transport", "rtc/transport.go:1152",
     'ICE connection failed, restarting ICE\t{"room": "<*>", "participant": "<*>", "pID": "<*>", '
     '"transport": "<*>"}'),
    ("senderr", "ERROR", "livekit", "rtc/participant.go:1402",
     'could not send message to participant\t{"room": "<*>", "participant": "<*>", "pID": "<*>", '
     '"messageType": "<*>", "error": "<*>"}'),
    ("closing", "INFO", "livekit", "rtc/participant.go:884",
     'participant closing\t{"room": "<*>", "roomID": "<*>", "participant": "<*>", "pID": "<*>", '
     '"sendLeave": <*>, "reason": "<*>"}'),
    ("finished", "INFO", "livekit", "service/roommanager.go:533",
     'RTC session finished\t{"room": "<*>", "participant": "<*>", "pID": "<*>", "duration": "<*>"}'),
]
LK_RE = re.compile(r"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\t(?:DEBUG|INFO|WARN|ERROR)\t"
                   r"livekit(?:\.[a-z]+)*\t[a-z]+/[a-z_]+\.go:\d+\t")

LK_ROOMS = ["standup-daily", "town-hall", "sales-demo-42", "support-queue-3", "eng-sync"]
LK_NAMES = ["alice", "bob-macbook", "user-4821", "guest_17", "carla.r", "dmitri", "egress-recorder",
            "fatima", "guest_52", "hugo-ipad", "ines", "jonas.w", "kai", "user-9930"]
LK_CLOSE = [("false", "CLIENT_REQUEST_LEAVE"), ("false", "SIGNAL_SOURCE_CLOSE"),
            ("true", "PEER_CONNECTION_DISCONNECTED"), ("false", "CLIENT_REQUEST_LEAVE"), ("true", "STALE")]
LK_QUAL = ["EXCELLENT", "GOOD", "POOR"]
LK_SENDERR = [("offer", "transport is not established"), ("speakersChanged", "channel is full"),
              ("trackPublished", "write: broken pipe"), ("connectionQuality", "signal connection closed")]


def gen_livekit(rng):
    cy = Cyc(rng)
    meta = {e[0]: e[1:] for e in LK_EVENTS}
    room_ids = {r: "RM_" + b62(rng, 12) for r in LK_ROOMS}
    t_arr = DAY_NS + 16 * HOUR + 5 * MIN + ms(rng, 0, 59000)
    parts_ = []
    lines_by = []
    for no in range(40):
        t_arr += expo(rng, 6 * SEC)
        t0 = t_arr
        room = cy(("p", "room"), LK_ROOMS[:4] if no < 20 else LK_ROOMS)
        name = cy(("p", "name"), LK_NAMES)
        pid = "PA_" + b62(rng, 12)
        rid = room_ids[room]
        life = 8 * SEC + expo(rng, 150 * SEC)
        out = []
        base = [room, name, pid]
        out.append((t0, "ws", ["CO_" + b62(rng, 12), room, name, "%s:%d" % (pub_ip(rng), eph_port(rng))]))
        t = t0 + ms(rng, 2, 8)
        out.append((t, "start", [room, rid, name, pid, cy(("start", "protocol"), [9, 12, 13, 8])]))
        t += ms(rng, 40, 200)
        out.append((t, "ice", base + ["PUBLISHER", "checking"]))
        t += ms(rng, 30, 400)
        out.append((t, "ice", base + ["PUBLISHER", "connected"]))
        t += ms(rng, 1, 10)
        t_active = t
        out.append((t, "active", [room, rid, name, pid, cy(("active", "ctype"), ["udp", "udp", "tcp", "turn"])]))
        ts_ = t + ms(rng, 20, 100)
        out.append((ts_, "ice", base + ["SUBSCRIBER", "checking"]))
        out.append((ts_ + ms(rng, 50, 300), "ice", base + ["SUBSCRIBER", "connected"]))
        leave = t0 + life
        tracks = []
        if rng.random() < 0.9:
            tracks.append(["audio", "MICROPHONE", t + ms(rng, 200, 1500), None])
        if rng.random() < 0.65:
            tracks.append(["video", "CAMERA", t + ms(rng, 200, 1500), None])
        if rng.random() < 0.22:
            st = t + ms(rng, 3000, 40000)
            tracks.append(["video", "SCREEN_SHARE", st, st + ms(rng, 15000, 90000)])
        pub_tracks = []
        for kind, src, tp, tend in tracks:
            if tp >= leave:
                continue
            tid = "TR_" + b62(rng, 12)
            end_ = min(tend, leave) if tend else leave
            out.append((tp, "pub", base + [kind, tid, src]))
            pub_tracks.append((tid, tp, end_, kind))
            if tend and tend < leave:
                out.append((tend, "unpub", base + [kind, tid]))
        tq = t_active
        prev = "EXCELLENT"
        while True:
            tq += expo(rng, 50 * SEC)
            if tq >= leave:
                break
            q = rng.choice([x for x in LK_QUAL if x != prev])
            out.append((tq, "quality", base + [prev, q]))
            prev = q
        if rng.random() < 0.2 and leave - t_active > 10 * SEC:
            tf = t_active + (leave - t_active) * rng.randint(20, 80) // 100
            trn = cy(("icefail", "transport"), ["PUBLISHER", "SUBSCRIBER"])
            out.append((tf, "ice", base + [trn, "disconnected"]))
            out.append((tf + 5 * SEC + ms(rng, 0, 200), "ice", base + [trn, "failed"]))
            out.append((tf + 5 * SEC + ms(rng, 201, 260), "icefail", base + [trn]))
            out.append((tf + 5 * SEC + ms(rng, 400, 900), "ice", base + [trn, "connected"]))
        if rng.random() < 0.18:
            mt, err = cy(("senderr", "pair"), LK_SENDERR)
            out.append((t_active + (leave - t_active) * rng.randint(10, 95) // 100, "senderr", base + [mt, err]))
        send_leave, reason = cy(("closing", "pair"), LK_CLOSE)
        out.append((leave, "closing", [room, rid, name, pid, send_leave, reason]))
        for tid, tp, end_, kind in pub_tracks:
            if end_ >= leave:
                out.append((leave + ms(rng, 1, 20), "unpub", base + [kind, tid]))
        fin = leave + ms(rng, 50, 300)
        out.append((fin, "finished", base + [go_dur(fin - t0)]))
        parts_.append(dict(no=no, room=room, name=name, pid=pid, active=t_active, leave=leave, tracks=pub_tracks))
        lines_by.append(out)
    # subscriptions: every other participant in the room subscribes to each published track
    for q in parts_:
        out = lines_by[q["no"]]
        for p in parts_:
            if p is q or p["room"] != q["room"]:
                continue
            for tid, tp, end_, kind in p["tracks"]:
                ts_ = max(tp, q["active"]) + ms(rng, 30, 250)
                stop = min(end_, q["leave"])
                if ts_ >= stop:
                    continue
                b = [q["room"], q["name"], q["pid"], p["name"], tid]
                out.append((ts_, "sub", b))
                out.append((stop + ms(rng, 2, 40), "unsub", b))
    recs = []
    for no, out in enumerate(lines_by):
        out.sort(key=lambda x: x[0])
        for seq, (t, k, v) in enumerate(out):
            recs.append((t, no, seq, [(t, k, v)]))
    res = []
    for t, k, v in merge(recs):
        lvl, lg, caller, tp = meta[k]
        res.append(("%s\t%s\t%s\t%s\t" % (ts_iso_ms(t), lvl, lg, caller), k, fill(tp, v)))
    return res


# ======================================================== 6. Mediasoup ======
MS_EVENTS = [
    ("spawn", "mediasoup:Worker", "spawning worker process: <*> <*>"),
    ("running", "mediasoup:Worker", "worker process running [pid:<*>]"),
    ("createRouter", "mediasoup:Worker", "createRouter()"),
    ("createWebRtcTransport", "mediasoup:Router", "createWebRtcTransport()"),
    ("connect", "mediasoup:Transport", "connect()"),
    ("produce", "mediasoup:Transport", "produce()"),
    ("consume", "mediasoup:Transport", "consume()"),
    ("pause", "mediasoup:Consumer", "pause()"),
    ("resume", "mediasoup:Consumer", "resume()"),
    ("close", None, "close()"),
    ("request", "mediasoup:Channel", "request() [method:<*>, id:<*>]"),
    ("succeeded", "mediasoup:Channel", "request succeeded [method:<*>, id:<*>]"),
    ("failed", "mediasoup:WARN:Channel", "request failed [method:<*>, id:<*>]: <*>"),
    ("nosuitable", "mediasoup:WARN:Channel",
     "[pid:<*>] RTC::Transport::ReceiveRtpPacket() | no suitable Producer for received RTP packet "
     "[ssrc:<*>, payloadType:<*>]"),
    ("died", "mediasoup:ERROR:Worker", "worker process died unexpectedly [pid:<*>, code:<*>, signal:<*>]"),
]
MS_COUNTS = [("spawn", 4), ("running", 4), ("createRouter", 9), ("createWebRtcTransport", 20), ("connect", 17),
             ("produce", 18), ("consume", 34), ("pause", 8), ("resume", 7), ("close", 30), ("request", 62),
             ("succeeded", 58), ("failed", 6), ("nosuitable", 20), ("died", 3)]
MS_RE = re.compile(r"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z) mediasoup:(?:(?:WARN|ERROR):)?[A-Z][A-Za-z]+ ")

MS_METHODS = ["transport.connect", "transport.produce", "transport.consume", "consumer.resume",
              "router.createWebRtcTransport", "transport.close", "producer.getStats", "consumer.pause",
              "transport.setMaxIncomingBitrate", "worker.createRouter", "consumer.setPreferredLayers"]
MS_PIDS = [30617, 30618, 30619, 30620]
MS_BINS = ["/srv/app/node_modules/mediasoup/worker/out/Release/mediasoup-worker",
           "/opt/sfu/node_modules/mediasoup/worker/out/Release/mediasoup-worker"]


def gen_mediasoup(rng):
    cy = Cyc(rng)
    meta = {k: (ns, tp) for k, ns, tp in MS_EVENTS}
    state = {"id": rng.randint(40, 400)}

    def make(k, t):
        if k == "spawn":
            lo = cy((k, "port"), [40000, 41000, 42000, 43000])
            args = "--logLevel=%s --logTag=info --logTag=ice --logTag=dtls --rtcMinPort=%d --rtcMaxPort=%d" % (
                cy((k, "level"), ["warn", "debug", "warn"]), lo, lo + 999)
            return [cy((k, "bin"), MS_BINS), args]
        if k == "running":
            return [cy((k, "pid"), MS_PIDS)]
        if k in ("request", "succeeded", "failed"):
            state["id"] += rng.randint(1, 3)
            if k == "failed":
                m, err = cy((k, "pair"), [
                    ("transport.consume", "Producer not found [producerId:%s]" % uuid4(rng)),
                    ("transport.connect", "connect() already called"),
                    ("transport.produce", "a Producer with same producerId already exists"),
                    ("transport.produce", "invalid RTP parameters: missing encodings"),
                    ("consumer.resume", "Consumer not found [consumerId:%s]" % uuid4(rng))])
                return [m, state["id"], err]
            m = cy((k, "method"), MS_METHODS)
            return [m, state["id"]]
        if k == "nosuitable":
            return [cy((k, "pid"), MS_PIDS), rng.randint(10 ** 8, 4294967295), cy((k, "pt"), [100, 111, 96, 101])]
        if k == "died":
            code, sig = cy((k, "pair"), [("null", "SIGSEGV"), ("1", "null"), ("null", "SIGKILL")])
            return [cy((k, "pid"), MS_PIDS), code, sig]
        return []

    close_ns = ["mediasoup:Transport", "mediasoup:Producer", "mediasoup:Consumer", "mediasoup:Router",
                "mediasoup:WebRtcTransport", "mediasoup:Consumer"]
    start = DAY_NS + 19 * HOUR + 48 * MIN + ms(rng, 0, 59000)
    res = []
    for t, k, v in shuffle_stream(rng, MS_COUNTS, start, 380 * MS, make):
        ns, tp = meta[k]
        if ns is None:
            ns = cy(("close", "namespace"), close_ns)
        res.append(("%s %s " % (ts_iso_ms(t), ns), k, fill(tp, v)))
    return res


# ============================================================== systems =====
SYSTEMS = [
    # (k, name, kind, events [(key, template)], header regex, ts parser, generator)
    (1, "Centrifugo", "simulation", [(e[0], e[2]) for e in CF_EVENTS], CF_RE, _p_dash, gen_centrifugo),
    (2, "Mercure", "shuffle", [(e[0], e[3]) for e in MC_EVENTS], MC_RE, _p_slash_ms, gen_mercure),
    (3, "Soketi", "simulation", [(e[0], e[2]) for e in SK_EVENTS], SK_RE, _p_jsdate, gen_soketi),
    (4, "NanoMq", "shuffle", [(e[0], e[5]) for e in NM_EVENTS], NM_RE, _p_dash, gen_nanomq),
    (5, "LiveKit", "simulation", [(e[0], e[4]) for e in LK_EVENTS], LK_RE, _p_iso_ms, gen_livekit),
    (6, "Mediasoup", "shuffle", [(e[0], e[2]) for e in MS_EVENTS], MS_RE, _p_iso_ms, gen_mediasoup),
]


def write_system(k, name, events, gen):
    rng = random.Random(BASE_SEED * 10 + k)
    lines = gen(rng)
    eid = {key: "E%d" % (i + 1) for i, (key, _) in enumerate(events)}
    tmpl = dict(events)
    d = os.path.join(HERE, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="") as f:
        for hdr, key, content in lines:
            f.write(hdr + content + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (hdr, key, content) in enumerate(lines, 1):
            w.writerow([i, content, eid[key], tmpl[key]])


def tmpl_regex(t):
    return re.compile("(.+?)".join(re.escape(p) for p in t.split("<*>")), re.S)


def check_system(name, kind, events, header_re, ts_parse):
    errs = []
    d = os.path.join(HERE, name)
    raw_b = open(os.path.join(d, name + ".log"), "rb").read()
    csv_b = open(os.path.join(d, name + ".log_structured.csv"), "rb").read()
    for label, b in (("log", raw_b), ("csv", csv_b)):
        if not b.endswith(b"\n"):
            errs.append("%s does not end with \\n" % label)
        if b"\r" in b:
            errs.append("%s contains \\r" % label)
    raw = raw_b.decode("utf-8").split("\n")
    if raw[-1] != "":
        errs.append("log: trailing data")
    raw = raw[:-1]
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("csv header %r" % rows[0])
    rows = rows[1:]
    if len(raw) != N_LINES:
        errs.append("log has %d lines" % len(raw))
    if len(rows) != N_LINES:
        errs.append("csv has %d rows" % len(rows))
    declared = {"E%d" % (i + 1): t for i, (_, t) in enumerate(events)}
    if len(set(declared.values())) != len(declared):
        errs.append("declared templates not distinct")
    regs = {e: tmpl_regex(t) for e, t in declared.items()}
    seen_tmpl = {}
    slots = {}
    counts = {}
    last_ts = None
    ambiguous = 0
    for i, (line, row) in enumerate(zip(raw, rows), 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, e, t = row
        if lid != str(i):
            errs.append("row %d LineId %r" % (i, lid))
        if not content or content != content.strip():
            errs.append("row %d content empty or unstripped" % i)
        if not line.endswith(content):
            errs.append("line %d does not end with its Content" % i)
            continue
        hdr = line[:len(line) - len(content)]
        m = header_re.fullmatch(hdr)
        if not m:
            errs.append("line %d header %r does not match" % (i, hdr))
        elif m.group("ts"):
            ts = ts_parse(m.group("ts"))
            if last_ts is not None and ts < last_ts:
                errs.append("line %d timestamp goes back" % i)
            last_ts = ts
        if not re.fullmatch(r"E\d+", e) or e not in declared:
            errs.append("row %d bad EventId %r" % (i, e))
            continue
        if seen_tmpl.setdefault(e, t) != t or t != declared[e]:
            errs.append("row %d template mismatch for %s" % (i, e))
        mm = regs[e].fullmatch(content)
        if not mm:
            errs.append("row %d content does not match template %s" % (i, e))
            continue
        for j, g in enumerate(mm.groups()):
            slots.setdefault((e, j), set()).add(g)
        counts[e] = counts.get(e, 0) + 1
        if sum(1 for e2, r in regs.items() if e2 != e and r.fullmatch(content)):
            ambiguous += 1
    if set(counts) != set(declared):
        errs.append("unused events: %s" % sorted(set(declared) - set(counts)))
    tmpls = list(seen_tmpl.values())
    if len(set(tmpls)) != len(tmpls):
        errs.append("two EventIds share a template")
    for e, t in declared.items():
        for j in range(t.count("<*>")):
            vals = slots.get((e, j), set())
            if len(vals) < 2:
                errs.append("%s slot %d has %d distinct value(s)" % (e, j + 1, len(vals)))
    c = [counts.get(e, 0) for e in declared]
    if not 12 <= len(declared) <= 15:
        errs.append("%d event types" % len(declared))
    if min(c) < 3:
        errs.append("an event has fewer than 3 lines")
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines")
    med = statistics.median(c)
    if max(c) < 3 * med:
        errs.append("largest %d < 3 x median %s" % (max(c), med))
    if ambiguous:
        errs.append("%d lines match more than one template" % ambiguous)
    return errs, c, med


def main():
    failed = False
    for k, name, kind, events, hre, tsp, gen in SYSTEMS:
        write_system(k, name, events, gen)
    for k, name, kind, events, hre, tsp, gen in SYSTEMS:
        errs, c, med = check_system(name, kind, events, hre, tsp)
        status = "OK" if not errs else "FAIL"
        print("%-10s %-10s %2d events  counts=%s  median=%s max=%d  %s" % (
            name, kind, len(events), c, med, max(c), status))
        for e in errs[:20]:
            print("    - " + e)
        failed = failed or bool(errs)
    if failed:
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
