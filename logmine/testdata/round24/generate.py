#!/usr/bin/env python3
"""Round 24: blind labelled log corpus for a log template miner.

Python 3 standard library only and fully deterministic: no wall clock, no
locale (month names come from a fixed list), one random.Random per system
seeded with 20270103*10 + k.  Time is an integer nanosecond clock counted from
2026-03-14T00:00:00Z.

Running it writes, next to this file, for every system:
    <System>/<System>.log                 300 raw lines
    <System>/<System>.log_structured.csv  LineId,Content,EventId,EventTemplate
and then re-reads and self-checks everything, printing a per-system summary.
Exit status is 1 if any check fails.
"""
import csv
import os
import random
import re
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BASE_SEED = 20270103
N_LINES = 300
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, DAY = 2026, 3, 14
NS_PER_S = 1_000_000_000
NS_PER_MS = 1_000_000
DAY_NS = 86400 * NS_PER_S


def days_from_civil(y, m, d):
    """Days since 1970-01-01 for a proleptic Gregorian date (no datetime)."""
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


EPOCH_S = days_from_civil(YEAR, MONTH, DAY) * 86400   # 2026-03-14T00:00:00Z


# --------------------------------------------------------------------------
# clock helpers (t = integer nanoseconds since 2026-03-14 00:00:00 UTC)
# --------------------------------------------------------------------------
def split(t):
    if not 0 <= t < DAY_NS:
        raise ValueError("clock left 2026-03-14: %d" % t)
    s, sub = divmod(t, NS_PER_S)
    return s // 3600, s // 60 % 60, s % 60, sub


def at(h, m, s=0, ms=0):
    return ((h * 60 + m) * 60 + s) * NS_PER_S + ms * NS_PER_MS


def ts_dash(t, sep):
    h, m, s, sub = split(t)
    return "%04d-%02d-%02d %02d:%02d:%02d%s%03d" % (
        YEAR, MONTH, DAY, h, m, s, sep, sub // NS_PER_MS)


def ts_iso(t):
    h, m, s, sub = split(t)
    return "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (
        YEAR, MONTH, DAY, h, m, s, sub // NS_PER_MS)


def ts_plex(t):
    h, m, s, sub = split(t)
    return "%s %02d, %04d %02d:%02d:%02d.%03d" % (
        MONTHS[MONTH - 1], DAY, YEAR, h, m, s, sub // NS_PER_MS)


def ts_seconds(t):
    h, m, s, _ = split(t)
    return "%04d-%02d-%02d %02d:%02d:%02d" % (YEAR, MONTH, DAY, h, m, s)


def unix_ms(t):
    return EPOCH_S * 1000 + t // NS_PER_MS


def fill(tpl, vals):
    parts = tpl.split("<*>")
    if len(parts) != len(vals) + 1:
        raise ValueError("template %r wants %d values, got %r"
                         % (tpl, len(parts) - 1, vals))
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        if not v or "\n" in v or "\r" in v:
            raise ValueError("bad value %r for %r" % (v, tpl))
        out.append(v)
        out.append(p)
    return "".join(out)


def tpl_regex(tpl):
    """Template -> regex: each <*> becomes (.+?), the rest is escaped."""
    return re.compile("".join("(.+?)" if p == "<*>" else re.escape(p)
                              for p in _interleave(tpl.split("<*>"))))


def _interleave(parts):
    out = []
    for i, p in enumerate(parts):
        if i:
            out.append("<*>")
        out.append(p)
    return out


# --------------------------------------------------------------------------
# a system: declared events, its own RNG, pool cycling, records
# --------------------------------------------------------------------------
class System:
    def __init__(self, k, name, kind, header_re):
        self.k = k
        self.name = name
        self.kind = kind
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.header_re = re.compile(header_re)
        self.order = []           # event keys in declaration order
        self.tpl = {}
        self._cyc = {}
        self._seq = 0
        self.recs = []            # (t, seq, key, content, header)

    # declaration -----------------------------------------------------------
    def ev(self, key, tpl):
        assert key not in self.tpl, key
        self.order.append(key)
        self.tpl[key] = tpl

    def eid(self, key):
        return "E%d" % (self.order.index(key) + 1)

    # values ----------------------------------------------------------------
    def cyc(self, key, slot, pool):
        """Small pools cycle per (event, slot) so every slot varies."""
        i = self._cyc.get((key, slot), 0)
        self._cyc[(key, slot)] = i + 1
        return pool[i % len(pool)]

    def hexs(self, n):
        return "%0*x" % (n, self.rng.getrandbits(4 * n))

    def uuid4(self):
        return "%s-%s-4%s-%s%s-%s" % (
            self.hexs(8), self.hexs(4), self.hexs(3),
            self.rng.choice("89ab"), self.hexs(3), self.hexs(12))

    def gap(self, mean_s):
        return max(NS_PER_MS, int(self.rng.expovariate(1.0 / mean_s) * NS_PER_S))

    def ms(self, lo, hi):
        """A random duration in [lo, hi] ms, at microsecond resolution (ns)."""
        return self.rng.randint(lo * 1000, hi * 1000) * 1000

    def pub_ip(self):
        r = self.rng
        a = r.choice([37, 46, 62, 77, 81, 91, 109, 146, 178, 185, 193, 212, 217])
        return "%d.%d.%d.%d" % (a, r.randint(0, 255), r.randint(0, 255),
                                r.randint(1, 254))

    # records ---------------------------------------------------------------
    def emit(self, t, key, vals, header):
        content = fill(self.tpl[key], vals)
        self._seq += 1
        self.recs.append((t, self._seq, key, content, header))
        return t


def run_shuffle(S, units, start, mean_gap_s):
    """Seeded shuffle: fixed count per unit kind (hence per event), shuffled,
    stamped by a forward-only clock with exponential gaps.  A unit is a short
    fixed sequence of events (e.g. request + response, error + stack)."""
    order = []
    for fn, n in units:
        order.extend([fn] * n)
    S.rng.shuffle(order)
    t = start
    for fn in order:
        t += S.gap(mean_gap_s)
        t = fn(S, t)
    return [r for r in S.recs]


def run_simulation(S):
    """Entities emitted on their own clocks; merge in time order, keep 300."""
    recs = sorted(S.recs, key=lambda r: (r[0], r[1]))
    if len(recs) < N_LINES:
        raise ValueError("%s simulation produced only %d lines" % (S.name, len(recs)))
    return recs[:N_LINES]


# ==========================================================================
# 1. Vaultwarden  (fern logger: [timestamp][target][LEVEL] message)
# ==========================================================================
VW_USERS = ["marta@harbourline.org", "j.okafor@quillmere.net",
            "devops@kestrel-labs.io", "lena.v@fjordpost.eu",
            "tomasz@brightfield.dev", "ines.carvalho@harbourline.org"]
VW_BAD_USERS = ["admin@harbourline.org", "test@test.com", "root@kestrel-labs.io",
                "marta@harbourline.org", "info@quillmere.net"]
VW_ICON_DOMAINS = ["intranet.kestrel-labs.io", "nas.fjordpost.lan",
                   "portal.quillmere.net", "old-router.home", "wiki.brightfield.dev"]
VW_ICON_ERRORS = [
    "error sending request for url (https://{d}/): error trying to connect: dns error: failed to lookup address information: Name or service not known",
    "error sending request for url (https://{d}/favicon.ico): operation timed out",
    "error sending request for url (https://{d}/): error trying to connect: invalid peer certificate: UnknownIssuer",
    "HTTP status client error (404 Not Found) for url (https://{d}/favicon.ico)",
]


def vw_ip(S):
    r = S.rng
    kind = S.cyc("ip", 0, ["lan", "vpn", "pub", "lan", "pub"])
    if kind == "lan":
        return "192.168.40.%d" % r.randint(2, 250)
    if kind == "vpn":
        return "10.8.0.%d" % r.randint(2, 60)
    return S.pub_ip()


def vaultwarden():
    S = System(1, "Vaultwarden", "shuffle",
               r"\[(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3})\]"
               r"\[(?:[a-z_][a-z0-9_]*(?:::[a-z_][a-z0-9_]*)*|_)\]"
               r"\[(?:TRACE|DEBUG|INFO|WARN|ERROR)\] ")
    S.ev("req_get", "GET <*>")
    S.ev("req_post", "POST <*>")
    S.ev("resp_get", "(<*>) GET <*> => <*>")
    S.ev("resp_post", "(<*>) POST <*> => <*>")
    S.ev("login_ok", "User <*> logged in successfully. IP: <*>")
    S.ev("login_bad", "Username or password is incorrect. Try again. IP: <*>. Username: <*>.")
    S.ev("ws", "Accepting Rocket WS connection from <*>")
    S.ev("ws_anon", "Accepting Anonymous Rocket WS connection from <*>")
    S.ev("totp", "Invalid TOTP code! Server time: <*> IP: <*>")
    S.ev("admin", "Invalid admin token. IP: <*>")
    S.ev("icon", "Unable to download icon: <*>")
    S.ev("sends", "Initiating send deletion")
    S.ev("noroute", "No matching routes for GET <*>.")
    S.ev("catcher", "Responding with registered (not_found) 404 catcher.")

    def H(t, target, level):
        return "[%s][%s][%s] " % (ts_dash(t, "."), target, level)

    def step(S, t):
        return t + S.ms(1, 60)

    get_routes = [
        ("sync", lambda: "/api/sync?excludeDomains=true", ["200 OK"]),
        ("revision_date", lambda: "/api/accounts/revision-date", ["200 OK", "401 Unauthorized"]),
        ("alive", lambda: "/alive", ["200 OK"]),
        ("config", lambda: "/api/config", ["200 OK"]),
        ("get_cipher", lambda: "/api/ciphers/" + S.uuid4(), ["200 OK", "404 Not Found"]),
        ("get_org_users", lambda: "/api/organizations/%s/users?includeCollections=true" % S.uuid4(),
         ["200 OK", "401 Unauthorized"]),
        ("get_folders", lambda: "/api/folders", ["200 OK"]),
        ("web_files", lambda: "/app/main.%s.js" % S.hexs(20), ["200 OK", "304 Not Modified"]),
        ("get_sends", lambda: "/api/sends", ["200 OK"]),
    ]
    post_routes = [
        ("prelogin", lambda: "/api/accounts/prelogin", ["200 OK"]),
        ("post_ciphers", lambda: "/api/ciphers", ["200 OK", "400 Bad Request"]),
        ("post_events_collect", lambda: "/events/collect", ["200 OK"]),
        ("negotiate", lambda: "/notifications/hub/negotiate", ["200 OK"]),
        ("post_folders", lambda: "/api/folders", ["200 OK"]),
        ("login", lambda: "/identity/connect/token", ["200 OK"]),   # refresh_token grant
    ]

    def u_get(S, t):
        name, path_fn, statuses = S.cyc("resp_get", "route", get_routes)
        path = path_fn()
        S.emit(t, "req_get", [path], H(t, "request", "INFO"))
        t += S.ms(2, 180)
        status = S.rng.choice(statuses) if S.rng.random() < 0.3 else statuses[0]
        return S.emit(t, "resp_get", [name, path, status], H(t, "response", "INFO"))

    def u_post(S, t):
        name, path_fn, statuses = S.cyc("resp_post", "route", post_routes)
        path = path_fn()
        S.emit(t, "req_post", [path], H(t, "request", "INFO"))
        t += S.ms(3, 250)
        status = S.rng.choice(statuses)
        return S.emit(t, "resp_post", [name, path, status], H(t, "response", "INFO"))

    def u_login_ok(S, t):
        S.emit(t, "req_post", ["/identity/connect/token"], H(t, "request", "INFO"))
        t += S.ms(150, 900)        # argon2/pbkdf2 verification
        S.emit(t, "login_ok", [S.cyc("login_ok", 0, VW_USERS), vw_ip(S)],
               H(t, "vaultwarden::api::identity", "INFO"))
        t = step(S, t)
        return S.emit(t, "resp_post", ["login", "/identity/connect/token", "200 OK"],
                      H(t, "response", "INFO"))

    def u_login_bad(S, t):
        S.emit(t, "req_post", ["/identity/connect/token"], H(t, "request", "INFO"))
        t += S.ms(150, 900)
        S.emit(t, "login_bad", [vw_ip(S), S.cyc("login_bad", 1, VW_BAD_USERS)],
               H(t, "vaultwarden::api::identity", "ERROR"))
        t = step(S, t)
        return S.emit(t, "resp_post", ["login", "/identity/connect/token", "400 Bad Request"],
                      H(t, "response", "INFO"))

    def u_totp(S, t):
        S.emit(t, "req_post", ["/identity/connect/token"], H(t, "request", "INFO"))
        t += S.ms(150, 900)
        S.emit(t, "totp", [ts_seconds(t) + " UTC", vw_ip(S)],
               H(t, "vaultwarden::api::core::two_factor::authenticator", "ERROR"))
        t = step(S, t)
        return S.emit(t, "resp_post", ["login", "/identity/connect/token", "400 Bad Request"],
                      H(t, "response", "INFO"))

    def u_admin(S, t):
        S.emit(t, "req_post", ["/admin"], H(t, "request", "INFO"))
        t = step(S, t)
        S.emit(t, "admin", [vw_ip(S)], H(t, "vaultwarden::api::admin", "ERROR"))
        t = step(S, t)
        return S.emit(t, "resp_post", ["post_admin_login", "/admin", "401 Unauthorized"],
                      H(t, "response", "INFO"))

    def u_ws(S, t):
        path = "/notifications/hub?access_token=eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.%s" % S.hexs(12)
        S.emit(t, "req_get", [path], H(t, "request", "INFO"))
        t = step(S, t)
        S.emit(t, "ws", [vw_ip(S)], H(t, "vaultwarden::api::notifications", "INFO"))
        t = step(S, t)
        return S.emit(t, "resp_get", ["websockets_hub", path, "101 Switching Protocols"],
                      H(t, "response", "INFO"))

    def u_ws_anon(S, t):
        path = "/notifications/anonymous-hub?Token=%s" % S.hexs(32)
        S.emit(t, "req_get", [path], H(t, "request", "INFO"))
        t = step(S, t)
        S.emit(t, "ws_anon", [vw_ip(S)], H(t, "vaultwarden::api::notifications", "INFO"))
        t = step(S, t)
        return S.emit(t, "resp_get", ["anonymous_websockets_hub", path, "101 Switching Protocols"],
                      H(t, "response", "INFO"))

    def u_icon(S, t):
        dom = S.cyc("icon", "dom", VW_ICON_DOMAINS)
        path = "/icons/%s/icon.png" % dom
        S.emit(t, "req_get", [path], H(t, "request", "INFO"))
        t += S.ms(300, 4000)
        err = S.cyc("icon", 0, VW_ICON_ERRORS).format(d=dom)
        S.emit(t, "icon", [err], H(t, "vaultwarden::api::icons", "WARN"))
        t = step(S, t)
        return S.emit(t, "resp_get", ["icon_internal", path, "200 OK"], H(t, "response", "INFO"))

    def u_sends(S, t):
        return S.emit(t, "sends", [], H(t, "vaultwarden::api::core::sends", "INFO"))

    def u_404(S, t):
        path = S.cyc("noroute", 0, ["/favicon.ico", "/.env", "/wp-login.php",
                                     "/api/devices/knowndevice/%s" % S.uuid4(),
                                     "/robots.txt", "/.git/config"])
        S.emit(t, "req_get", [path], H(t, "request", "INFO"))
        t = step(S, t)
        S.emit(t, "noroute", [path], H(t, "rocket::server", "WARN"))
        return S.emit(t, "catcher", [], H(t, "_", "WARN"))

    units = [(u_get, 39), (u_post, 10), (u_login_ok, 20), (u_login_bad, 9),
             (u_totp, 4), (u_admin, 3), (u_ws, 12), (u_ws_anon, 5), (u_icon, 8),
             (u_sends, 4), (u_404, 5)]
    return S, run_shuffle(S, units, at(7, 58, 12, 431), 9.0)


# ==========================================================================
# 2. paperless-ngx  (Django "[asctime] [LEVEL] [logger] msg" + Celery worker
#    "[asctime: LEVEL/Process] msg", both on the container's stdout)
# ==========================================================================
PL_CORRESPONDENTS = ["Stadtwerke Nordhafen", "Fjordpost Versicherung", "ACME Hosting",
                     "Dr. Lindqvist", "Finanzamt Kestrel", "Quillmere Telecom"]
PL_TYPES = ["Invoice", "Contract", "Letter", "Receipt", "Payslip", "Statement"]
PL_TAGS = ["Inbox", "Tax 2025", "Bills", "Insurance", "Health", "Car", "House", "Paid"]
PL_TITLES = ["Electricity bill February", "Policy renewal 2026", "Annual statement",
             "Invoice 2026-0311", "Lab results", "Phone bill March", "Payslip February",
             "Notice of assessment", "Service contract amendment", "Receipt hardware store"]
PL_FILES = ["scan_%04d.pdf", "SCN_%04d.pdf", "doc%04d.pdf", "IMG_%04d.jpg",
            "invoice-%04d.pdf", "Brother_%04d.pdf"]


def paperless():
    S = System(2, "PaperlessNgx", "shuffle",
               r"(?:\[(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3})\] "
               r"\[(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\] \[[a-z_][a-z0-9_.]*\] "
               r"|\[(?P<ts2>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}): "
               r"(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)/(?:MainProcess|ForkPoolWorker-\d+)\] )")
    S.ev("queue", "Adding <*> to the task queue.")
    S.ev("consuming", "Consuming <*>")
    S.ev("ocrwarn", "Encountered an error while running OCR: <*>. Attempting force OCR to get the text.")
    S.ev("corr", "Assigning correspondent <*> to <*>")
    S.ev("dtype", "Assigning document type <*> to <*>")
    S.ev("tags", "Tagging \"<*>\" with \"<*>\"")
    S.ev("finished", "Document <*> consumption finished")
    S.ev("dup", "Not consuming <*>: It is a duplicate of <*> (#<*>)")
    S.ev("mail", "Mail account <*>: Processed <*> matching mail(s)")
    S.ev("notfound", "Not Found: <*>")
    S.ev("forbidden", "Forbidden: <*>")
    S.ev("received", "Task <*>[<*>] received")
    S.ev("succeeded", "Task <*>[<*>] succeeded in <*>: <*>")
    S.ev("raised", "Task documents.tasks.consume_file[<*>] raised unexpected: <*>")
    S.ev("beat", "Scheduler: Sending due task <*> (<*>)")

    def D(t, level, logger):
        return "[%s] [%s] [%s] " % (ts_dash(t, ","), level, logger)

    def C(t, level, proc):
        return "[%s: %s/%s] " % (ts_dash(t, ","), level, proc)

    def worker(S):
        return "ForkPoolWorker-%d" % S.rng.randint(1, 4)

    def runtime(S, lo, hi):
        return "%.*fs" % (S.rng.choice([5, 6]), S.rng.uniform(lo, hi))

    def doc(S, key):
        title = S.cyc(key, "title", PL_TITLES)
        corr = S.cyc(key, "corr", PL_CORRESPONDENTS)
        month = S.rng.randint(1, 14)          # documents dated up to 2026-03-13
        created = ("2025-%02d-%02d" % (month - 2, S.rng.randint(1, 28)) if month > 2
                   else "2026-%02d-%02d" % (month, S.rng.randint(1, 28)))
        if S.rng.random() < 0.3:
            created = "2026-03-%02d" % S.rng.randint(1, 13)
        return corr, "%s %s %s" % (created, corr, title)

    def fname(S, key):
        return S.cyc(key, "file", PL_FILES) % S.rng.randint(1, 9999)

    def consume(S, t, steps, via_dir=True):
        name = fname(S, "consuming")
        tid = S.uuid4()
        if via_dir:
            S.emit(t, "queue", ["/usr/src/paperless/consume/" + name],
                   D(t, "INFO", "paperless.management.consumer"))
            t += S.ms(5, 80)
        S.emit(t, "received", ["documents.tasks.consume_file", tid], C(t, "INFO", "MainProcess"))
        t0 = t
        proc = worker(S)
        t += S.ms(20, 300)
        S.emit(t, "consuming", [name], D(t, "INFO", "paperless.consumer"))
        corr, docname = doc(S, "finished")
        if "ocrwarn" in steps:
            t += S.ms(2000, 9000)
            S.emit(t, "ocrwarn", [S.cyc("ocrwarn", 0, [
                "page already has text!", "Could not read input file: image has no DPI set",
                "TaggedPDFError: This PDF is marked as a Tagged PDF",
                "DigitalSignatureError: Input PDF has a digital signature"])],
                D(t, "WARNING", "paperless.parsing.tesseract"))
        t += S.ms(3000, 25000)
        if "corr" in steps:
            S.emit(t, "corr", [corr, docname], D(t, "INFO", "paperless.handlers"))
            t += S.ms(1, 40)
        if "dtype" in steps:
            S.emit(t, "dtype", [S.cyc("dtype", 0, PL_TYPES), docname],
                   D(t, "INFO", "paperless.handlers"))
            t += S.ms(1, 40)
        if "tags" in steps:
            n = S.rng.randint(1, 3)
            tags = ", ".join(S.rng.sample(PL_TAGS, n))
            S.emit(t, "tags", [docname, tags], D(t, "INFO", "paperless.handlers"))
            t += S.ms(1, 40)
        t += S.ms(100, 900)
        S.emit(t, "finished", [docname], D(t, "INFO", "paperless.consumer"))
        t += S.ms(5, 60)
        return S.emit(t, "succeeded", [
            "documents.tasks.consume_file", tid, "%.5fs" % ((t - t0) / NS_PER_S),
            "'Success. New document id %d created'" % S.rng.randint(300, 2400)],
            C(t, "INFO", proc))

    def k_full(S, t):
        return consume(S, t, ("corr", "dtype", "tags"))

    def k_tags(S, t):
        return consume(S, t, ("tags",))

    def k_plain(S, t):
        return consume(S, t, ())

    def k_ocr(S, t):
        return consume(S, t, ("ocrwarn", "corr"))

    def k_api(S, t):
        return consume(S, t, (), via_dir=False)

    def k_dup(S, t):
        name = fname(S, "dup")
        tid = S.uuid4()
        S.emit(t, "queue", ["/usr/src/paperless/consume/" + name],
               D(t, "INFO", "paperless.management.consumer"))
        t += S.ms(5, 80)
        S.emit(t, "received", ["documents.tasks.consume_file", tid], C(t, "INFO", "MainProcess"))
        proc = worker(S)
        t += S.ms(20, 300)
        S.emit(t, "consuming", [name], D(t, "INFO", "paperless.consumer"))
        t += S.ms(100, 900)
        _, orig = doc(S, "dup")
        docid = S.rng.randint(20, 2200)
        S.emit(t, "dup", [name, orig, docid], D(t, "ERROR", "paperless.consumer"))
        t += S.ms(5, 50)
        return S.emit(t, "raised", [
            tid, "ConsumerError('%s: Not consuming %s: It is a duplicate of %s (#%d)')"
            % (name, name, orig, docid)], C(t, "ERROR", proc))

    def k_mail(S, t):
        tid = S.uuid4()
        S.emit(t, "beat", ["Check all e-mail accounts", "paperless_mail.tasks.process_mail_accounts"],
               C(t, "INFO", "MainProcess"))
        t += S.ms(2, 40)
        S.emit(t, "received", ["paperless_mail.tasks.process_mail_accounts", tid],
               C(t, "INFO", "MainProcess"))
        t0 = t
        proc = worker(S)
        t += S.ms(800, 6000)
        n = S.cyc("mail", 1, [0, 0, 2, 1, 0, 3])
        S.emit(t, "mail", [S.cyc("mail", 0, ["Household", "Work IMAP", "scans@harbourline.org"]), n],
               D(t, "INFO", "paperless_mail"))
        t += S.ms(5, 60)
        return S.emit(t, "succeeded", [
            "paperless_mail.tasks.process_mail_accounts", tid,
            "%.5fs" % ((t - t0) / NS_PER_S), "'Added %d document(s).'" % n],
            C(t, "INFO", proc))

    sched = [("Train the classifier", "documents.tasks.train_classifier", (0.5, 40.0),
              ["None", "'Training data unchanged.'"]),
             ("Optimize the index", "documents.tasks.index_optimize", (0.05, 2.0), ["None"]),
             ("Perform sanity check", "documents.tasks.sanity_check", (2.0, 30.0),
              ["'No issues detected.'", "'Sanity checker detected issues.'"]),
             ("Empty trash", "documents.tasks.empty_trash", (0.01, 0.5), ["None"])]

    def k_sched(S, t):
        label, task, (lo, hi), results = S.cyc("beat", 0, sched)
        tid = S.uuid4()
        S.emit(t, "beat", [label, task], C(t, "INFO", "MainProcess"))
        t += S.ms(2, 40)
        S.emit(t, "received", [task, tid], C(t, "INFO", "MainProcess"))
        proc = worker(S)
        dur = S.rng.uniform(lo, hi)
        t += int(dur * NS_PER_S)
        return S.emit(t, "succeeded", [task, tid, "%.6fs" % dur, S.rng.choice(results)],
                      C(t, "INFO", proc))

    def k_notfound(S, t):
        path = S.cyc("notfound", 0, ["/api/documents/%d/thumb/", "/api/documents/%d/",
                                      "/api/documents/%d/preview/", "/api/tasks/%d/"]) % S.rng.randint(10, 3000)
        return S.emit(t, "notfound", [path], D(t, "WARNING", "django.request"))

    def k_forbidden(S, t):
        path = S.cyc("forbidden", 0, ["/api/documents/%d/", "/api/documents/%d/notes/",
                                       "/api/documents/bulk_edit/", "/api/users/%d/"])
        if "%d" in path:
            path = path % S.rng.randint(2, 3000)
        return S.emit(t, "forbidden", [path], D(t, "WARNING", "django.request"))

    units = [(k_full, 10), (k_tags, 8), (k_plain, 5), (k_ocr, 4), (k_dup, 4),
             (k_mail, 7), (k_sched, 12), (k_notfound, 9), (k_forbidden, 6), (k_api, 5)]
    return S, run_shuffle(S, units, at(6, 12, 40, 77), 70.0)


# ==========================================================================
# 3. Plex Media Server  (Plex Media Server.log:
#    "Mon DD, YYYY HH:MM:SS.mmm [0xthread] LEVEL - message")
# ==========================================================================
PX_USERS = ["marta.k", "jonas_h", "plexadmin", "ellie.r", "grandpa-tv"]
PX_CLIENTS = [("Subnet", "192.168.1.%d"), ("Subnet", "192.168.1.%d"),
              ("WAN", None), ("Loopback", "127.0.0.%d"), ("Subnet", "10.0.20.%d")]
PX_TITLES = ["The Lantern Keeper", "Cold Harbour", "Ninefold", "A Quiet Meridian",
             "Saltwater Saints", "Ashgrove Road", "The Ferryman Protocol", "Hollow Tide"]
PX_ACTIVITIES = ["Scanning Movies", "Scanning TV Shows", "Media download by jonas_h",
                 "Generating video preview thumbnails", "Refreshing Music",
                 "Optimizing database", "Converting Ashgrove Road"]
PX_SRC = ["/data/jenkins/server/3625417891/Library/MetadataItem.cpp:1893",
          "/data/jenkins/server/3625417891/Statistics/StatisticsManager.cpp:414",
          "/data/jenkins/server/3625417891/Library/MediaItem.cpp:522",
          "/data/jenkins/server/3625417891/Activity/ActivityManager.cpp:208"]


def plex():
    S = System(3, "PlexMediaServer", "shuffle",
               r"(?P<ts>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{2}, \d{4} "
               r"\d{2}:\d{2}:\d{2}\.\d{3}) \[0x[0-9a-f]{12}\] "
               r"(?:VERBOSE|DEBUG|INFO|WARN|ERROR) - ")
    S.ev("request", "Request: [<*>:<*> (<*>)] GET <*> (<*> live) #<*> TLS GZIP Signed-in Token (<*>)")
    S.ev("completed", "Completed: [<*>:<*>] <*> GET <*> (<*> live) #<*> TLS GZIP <*> <*> bytes (pipelined: <*>)")
    S.ev("auth", "Auth: Refreshing tokens inside the token-based authentication filter.")
    S.ev("act_reg", "Activity: registered new activity <*> - \"<*>\"")
    S.ev("act_upd", "Activity: updated activity <*> - completed <*> - <*>")
    S.ev("act_end", "Activity: Ended activity <*>.")
    S.ev("stats", "Statistics: (<*>) Reporting active playback in state <*> of type <*> (scrobble: <*>) for account <*>")
    S.ev("progress", "Play progress on <*> '<*>' - got played <*> ms by account <*>!")
    S.ev("held", "Held transaction for too long (<*>): <*> seconds")
    S.ev("sqlite", "Sqlite3: Sleeping for <*> to retry busy DB.")
    S.ev("jobs", "Jobs: '<*>' exit code for process <*> is <*> (<*>)")
    S.ev("section", "Library section <*> (<*>) will be updated because of a change in \"<*>\"")
    S.ev("terminated", "[Req#<*>] Streaming Resource: Terminated session <*> with reason <*>")
    S.ev("curl", "Error issuing curl_easy_perform(handle): <*>")
    S.ev("httperr", "HTTP error requesting GET <*> (<*>, <*>) (<*>)")

    threads = ["7f3c%08x" % S.rng.getrandbits(32) for _ in range(7)]

    def H(t, level):
        return "%s [0x%s] %s - " % (ts_plex(t), S.rng.choice(threads), level)

    def path(S):
        r = S.rng
        rk = r.randint(1000, 98000)
        kind = S.cyc("request", "path", ["timeline", "section", "hubs", "meta", "photo",
                                         "sessions", "timeline", "decision", "ondeck"])
        if kind == "timeline":
            return ("/:/timeline?ratingKey=%d&key=%%2Flibrary%%2Fmetadata%%2F%d&state=%s"
                    "&time=%d&duration=%d" % (rk, rk, r.choice(["playing", "paused", "playing"]),
                                               r.randint(0, 5_400_000), r.randint(1_300_000, 7_800_000)))
        if kind == "section":
            return ("/library/sections/%d/all?type=%d&sort=addedAt%%3Adesc"
                    "&X-Plex-Container-Start=0&X-Plex-Container-Size=%d"
                    % (r.randint(1, 6), r.choice([1, 2, 8]), r.choice([50, 100])))
        if kind == "hubs":
            return "/hubs/home/recentlyAdded?type=%d&sectionID=%d" % (r.choice([1, 2]), r.randint(1, 6))
        if kind == "meta":
            return "/library/metadata/%d?includeExtras=1&includeOnDeck=1&asyncAugmentMetadata=1" % rk
        if kind == "photo":
            return ("/photo/:/transcode?width=%d&height=%d&minSize=1&upscale=1"
                    "&url=%%2Flibrary%%2Fmetadata%%2F%d%%2Fthumb%%2F%d"
                    % (r.choice([240, 320, 480]), r.choice([360, 480, 720]), rk, r.randint(1_600_000_000, 1_770_000_000)))
        if kind == "sessions":
            return "/status/sessions"
        if kind == "ondeck":
            return "/library/onDeck"
        return ("/video/:/transcode/universal/decision?hasMDE=1&path=%%2Flibrary%%2Fmetadata%%2F%d"
                "&session=%s&directPlay=0&directStream=1" % (rk, S.hexs(24)))

    def client(S):
        net, pat = S.cyc("request", "net", PX_CLIENTS)
        ip = S.pub_ip() if pat is None else pat % S.rng.randint(2, 250)
        if net == "Loopback":
            ip = "127.0.0.1"
        return net, ip, S.rng.randint(32768, 60999)

    def u_pair(S, t, complete=True):
        net, ip, port = client(S)
        p = path(S)
        live = S.rng.randint(1, 28)
        rid = S.hexs(S.rng.choice([3, 4]))
        S.emit(t, "request", [ip, port, net, p, live, rid, S.cyc("request", "user", PX_USERS)],
               H(t, "DEBUG"))
        if not complete:
            return t
        dt = S.ms(1, 420)
        t += dt
        status = S.cyc("completed", "status", ["200"] * 7 + ["304", "200", "401", "200", "404"])
        nbytes = S.rng.randint(0, 2000) if status != "200" else S.rng.randint(300, 480000)
        return S.emit(t, "completed", [ip, port, status, p, live, rid,
                                       "%dms" % (dt // NS_PER_MS), nbytes,
                                       S.rng.choice([0, 0, 0, 1, 2, 3])], H(t, "DEBUG"))

    def u_req_only(S, t):
        return u_pair(S, t, complete=False)

    def u_auth(S, t):
        return S.emit(t, "auth", [], H(t, "DEBUG"))

    def u_reg(S, t):
        return S.emit(t, "act_reg", [S.uuid4(), S.cyc("act_reg", 1, PX_ACTIVITIES)], H(t, "DEBUG"))

    def u_upd(S, t):
        return S.emit(t, "act_upd", [S.uuid4(), "%.1f%%" % S.rng.uniform(0, 99.9),
                                     S.cyc("act_upd", 2, PX_ACTIVITIES)], H(t, "DEBUG"))

    def u_end(S, t):
        return S.emit(t, "act_end", [S.uuid4()], H(t, "DEBUG"))

    def u_stats(S, t):
        return S.emit(t, "stats", [
            S.hexs(S.rng.choice([4, 5])), S.cyc("stats", 1, ["playing", "paused", "playing", "buffering"]),
            S.cyc("stats", 2, ["video", "video", "music"]), S.rng.choice([0, 0, 1]),
            S.cyc("stats", 4, ["1", "48213906", "51077342"])], H(t, "DEBUG"))

    def u_progress(S, t):
        return S.emit(t, "progress", [
            S.rng.randint(1000, 98000), S.cyc("progress", 1, PX_TITLES),
            S.rng.randint(1000, 7_500_000), S.cyc("progress", 3, ["1", "48213906", "51077342"])],
            H(t, "DEBUG"))

    def u_held(S, t):
        return S.emit(t, "held", [S.cyc("held", 0, PX_SRC), "%.6f" % S.rng.uniform(0.5, 4.2)],
                      H(t, "WARN"))

    def u_sqlite(S, t):
        return S.emit(t, "sqlite", [S.cyc("sqlite", 0, ["200ms", "400ms", "200ms", "1000ms"])],
                      H(t, "WARN"))

    def u_jobs(S, t):
        prog, code, why = S.cyc("jobs", 0, [
            ("/usr/lib/plexmediaserver/Plex Transcoder", "0", "success"),
            ("/usr/lib/plexmediaserver/Plex Media Scanner", "0", "success"),
            ("/usr/lib/plexmediaserver/Plex Transcoder", "-9", "signal: Killed"),
            ("/usr/lib/plexmediaserver/Plex Media Fingerprinter", "0", "success"),
            ("/usr/lib/plexmediaserver/Plex Transcoder", "255", "failure")])
        return S.emit(t, "jobs", [prog, S.rng.randint(2000, 480000), code, why], H(t, "DEBUG"))

    def u_section(S, t):
        num, name, root = S.cyc("section", 0, [
            (1, "Movies", "/data/movies"), (2, "TV Shows", "/data/tv"),
            (4, "Music", "/data/music"), (1, "Movies", "/data/movies")])
        title = S.rng.choice(PX_TITLES)
        if name == "TV Shows":
            leaf = "%s/Season %02d" % (title, S.rng.randint(1, 4))
        elif name == "Music":
            leaf = "Various Artists/%s" % title
        else:
            leaf = "%s (%d)" % (title, S.rng.randint(1998, 2025))
        return S.emit(t, "section", [num, name, "%s/%s" % (root, leaf)], H(t, "INFO"))

    def u_term(S, t):
        return S.emit(t, "terminated", [
            S.hexs(S.rng.choice([3, 4])), "0x7f3c%08x" % S.rng.getrandbits(32),
            S.cyc("terminated", 2, ["Client stopped playback.", "Transcode session timed out.",
                                    "Media was changed by client."])], H(t, "DEBUG"))

    def u_curl(S, t):
        return S.emit(t, "curl", [S.cyc("curl", 0, ["28", "7", "6"])], H(t, "ERROR"))

    def u_httperr(S, t):
        url, code, phrase, why = S.cyc("httperr", 0, [
            ("https://plex.tv/api/v2/user?X-Plex-Token=xxxxxxxxxxxxxxxxxxxx", "0", "No error",
             "Timeout was reached"),
            ("https://plex.tv/devices/%s/certificate/subject" % S.hexs(40), "503",
             "Service Unavailable", "status code 503"),
            ("https://metadata.provider.plex.tv/library/metadata/%s" % S.hexs(24), "404",
             "Not Found", "status code 404"),
            ("https://plex.tv/api/v2/resources?includeHttps=1", "0", "No error",
             "Could not resolve host: plex.tv")])
        return S.emit(t, "httperr", [url, code, phrase, why], H(t, "WARN"))

    units = [(u_pair, 80), (u_req_only, 4), (u_auth, 31), (u_reg, 9), (u_upd, 20),
             (u_end, 8), (u_stats, 16), (u_progress, 14), (u_held, 5), (u_sqlite, 4),
             (u_jobs, 7), (u_section, 6), (u_term, 5), (u_curl, 3), (u_httperr, 8)]
    return S, run_shuffle(S, units, at(19, 3, 27, 512), 4.0)


# ==========================================================================
# 4. Haraka  (log.ini timestamps=true:
#    "ISO-time [LEVEL] [uuid|uuid.N|-] [plugin] message")
# ==========================================================================
HK_SENDERS = [("smtp2.brightfield-logistics.com", "brightfield-logistics.com"),
              ("out-14.mailer.tallowmere.net", "tallowmere.net"),
              ("mx-relay.fjordpost.eu", "fjordpost.eu"),
              ("mail.quillmere.net", "quillmere.net"),
              ("bounce.newsletters.kestrel-labs.io", "kestrel-labs.io"),
              ("vps-5521.hostingcloud.example", "hostingcloud.example")]
HK_LOCAL = ["harbourline.org", "lists.harbourline.org"]
HK_LOCAL_USERS = ["marta", "j.okafor", "billing", "support", "lena", "noc", "tomasz",
                  "ines", "announce", "dev"]
HK_REMOTE_DOMAINS = ["tallowmere.net", "fjordpost.eu", "quillmere.net", "kestrel-labs.io",
                     "brightfield-logistics.com"]
HK_ZONES = ["zen.spamhaus.org", "b.barracudacentral.org", "bl.spamcop.net"]
HK_CIPHERS = [("TLS_AES_256_GCM_SHA384", "TLSv1.3"), ("ECDHE-RSA-AES256-GCM-SHA384", "TLSv1.2"),
              ("TLS_AES_128_GCM_SHA256", "TLSv1.3"), ("ECDHE-RSA-AES128-GCM-SHA256", "TLSv1.2")]
HK_SA_TESTS = ["BAYES_00", "DKIM_SIGNED", "DKIM_VALID", "DKIM_VALID_AU", "SPF_PASS",
               "HTML_MESSAGE", "RCVD_IN_DNSWL_NONE", "MIME_HTML_ONLY", "URIBL_BLOCKED",
               "FREEMAIL_FROM", "BAYES_50", "RDNS_NONE", "HTML_IMAGE_ONLY_16"]


def haraka():
    S = System(4, "Haraka", "simulation",
               r"(?P<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z) "
               r"\[(?:PROTOCOL|DEBUG|INFO|NOTICE|WARN|ERROR|CRIT|ALERT|EMERG)\] "
               r"\[(?:[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}(?:\.\d+)?|-)\] "
               r"\[[a-z_][a-z0-9_./-]*\] ")
    S.ev("connect", "connect ip=<*> port=<*> local_ip=<*> local_port=<*>")
    S.ev("dnsbl", "hook=connect plugin=dnsbl function=connect_first params=\"\" retval=DENY msg=\"host [<*>] is blacklisted by <*>\"")
    S.ev("tls", "secured: cipher=<*> version=<*> verified=<*>")
    S.ev("auth", "AUTH user=\"<*>\" success=<*> method=<*>")
    S.ev("spf_helo", "identity=helo ip=<*> domain=<*> helo=<*> result=<*>")
    S.ev("spf_mfrom", "identity=mfrom ip=<*> domain=<*> mfrom=<<*>> result=<*>")
    S.ev("rcpt_ok", "hook=rcpt plugin=rcpt_to.in_host_list function=hook_rcpt params=<<*>> retval=OK msg=\"\"")
    S.ev("rcpt_deny", "hook=rcpt plugin=rcpt_to.in_host_list function=hook_rcpt params=<<*>> retval=DENY msg=\"I cannot deliver mail for <<*>>\"")
    S.ev("sa", "status=<*>, score=<*>, required=5.0, reqd=5.0, tests=\"<*>\"")
    S.ev("message", "message mid=\"<<*>>\" size=<*> rcpts=<*> delay=<*> code=<*> msg=\"<*>\"")
    S.ev("disconnect", "disconnect ip=<*> rdns=<*> helo=<*> relay=<*> early=<*> esmtp=<*> tls=<*> pipe=<*> errors=<*> txns=<*> rcpts=<*> msgs=<*> bytes=<*> lr=<*> time=<*>")
    S.ev("delivered", "delivered file=<*> domain=<*> host=<*> ip=<*> port=25 mode=SMTP tls=<*> auth=N response=\"<*>\" delay=<*> fails=<*> rcpts=<*>")
    S.ev("deferred", "deferred domain=<*> host=<*> ip=<*> port=25 mode=SMTP tls=<*> auth=N response=\"<*>\" delay=<*> fails=<*> rcpts=<*>")

    def H(t, level, uid, plugin):
        return "%s [%s] [%s] [%s] " % (ts_iso(t), level, uid, plugin)

    local_ips = ["10.20.0.5", "10.20.0.6"]

    def secs(ns):
        return "%.3f" % (ns / NS_PER_S)

    def disconnect(t, t0, u, ip, rdns, helo, relay, early, esmtp, tls, pipe,
                   errors, txns, rcpts, msgs, nbytes, lr):
        lr = '""' if not lr else '"%s"' % lr
        S.emit(t, "disconnect", [ip, rdns, helo, relay, early, esmtp, tls, pipe, errors,
                                 txns, rcpts, msgs, nbytes, lr, secs(t - t0)],
               H(t, "NOTICE", u, "core"))

    def inbound(t0):
        r = S.rng
        u = S.uuid4().upper()
        tx = u + ".1"
        ip = S.pub_ip()
        rdns, sdomain = S.cyc("inbound", "sender", HK_SENDERS)
        if r.random() < 0.15:
            rdns = "NXDOMAIN"
        helo = rdns if rdns != "NXDOMAIN" else "[%s]" % ip
        t = t0
        S.emit(t, "connect", [ip, r.randint(1024, 65535), S.cyc("connect", 2, local_ips), 25],
               H(t, "NOTICE", u, "core"))
        if S.cyc("inbound", "listed", [0, 0, 0, 0, 1, 0, 0, 0]):
            zone = S.cyc("dnsbl", 1, HK_ZONES)
            t += S.ms(20, 350)
            S.emit(t, "dnsbl", [ip, zone], H(t, "INFO", u, "core"))
            t += S.ms(1, 15)
            disconnect(t, t0, u, ip, rdns, helo if r.random() < 0.3 else "undefined", "N",
                       S.cyc("dnsbl", "early", ["N", "Y"]), "N", "N", "N", 0, 0,
                       "0/0/0", "0/0/0", 0, "host [%s] is blacklisted by %s" % (ip, zone))
            return
        tls = S.cyc("inbound", "tls", [1, 1, 1, 1, 1, 0])
        t += S.ms(30, 400)
        if tls:
            cipher, ver = S.cyc("tls", 0, HK_CIPHERS)
            S.emit(t, "tls", [cipher, ver, S.cyc("tls", 2, ["false", "true", "false"])],
                   H(t, "INFO", u, "tls"))
            t += S.ms(20, 200)
        S.emit(t, "spf_helo", [ip, helo.strip("[]"), helo,
                               S.cyc("spf_helo", 3, ["None", "Pass", "None", "Neutral"])],
               H(t, "INFO", u, "spf"))
        t += S.ms(20, 300)
        local_part = S.cyc("spf_mfrom", "lp", ["noreply", "billing", "info", "bounces+%s" % S.hexs(8),
                                               "j.smith", "orders"])
        sender = "%s@%s" % (local_part, sdomain)
        tx_start = t
        S.emit(t, "spf_mfrom", [ip, sdomain, sender,
                                S.cyc("spf_mfrom", 3, ["Pass", "Pass", "SoftFail", "None", "Pass", "Fail"])],
               H(t, "INFO", tx, "spf"))
        n = r.choice([1, 1, 1, 2, 2, 3, 4, 6, 9, 14])
        ok = deny = 0
        lr = ""
        dom = S.cyc("inbound", "localdom", HK_LOCAL)
        for _ in range(n):
            t += S.ms(3, 90)
            rcpt = "%s@%s" % (r.choice(HK_LOCAL_USERS), dom)
            if r.random() < 0.9:
                S.emit(t, "rcpt_ok", [rcpt], H(t, "INFO", tx, "core"))
                ok += 1
            else:
                rcpt = "%s@%s" % (r.choice(["postmaster2", "sales", "webmaster", "a.jones", "hr"]), dom)
                S.emit(t, "rcpt_deny", [rcpt, rcpt], H(t, "INFO", tx, "core"))
                lr = "I cannot deliver mail for <%s>" % rcpt
                deny += 1
        nbytes = 0
        msgs = "0/0/0"
        if ok:
            t += S.ms(300, 4000)
            nbytes = r.randint(2400, 380000)
            spam = S.cyc("sa", "spam", [False, False, False, False, True, False, False])
            score = r.uniform(10.5, 24.0) if spam else r.uniform(-3.5, 4.4)
            tests = ",".join(sorted(r.sample(HK_SA_TESTS, r.randint(2, 6))))
            t += S.ms(200, 2500)
            S.emit(t, "sa", ["Yes" if score >= 5 else "No", "%.1f" % score, tests],
                   H(t, "INFO", tx, "spamassassin"))
            t += S.ms(1, 20)
            mid = "%s@%s" % (S.hexs(16), sdomain)
            if spam:
                code, msg = "DENY", "spam score exceeded threshold"
                msgs = "0/0/1"
                lr = "550 spam score exceeded threshold"
            else:
                code, msg = "OK", "250 2.0.0 Ok: queued as %s" % S.hexs(10).upper()
                msgs = "1/0/0"
            S.emit(t, "message", [mid, nbytes, "%d/0/%d" % (ok, deny), secs(t - tx_start), code, msg],
                   H(t, "NOTICE", tx, "core"))
        t += S.ms(5, 250)
        disconnect(t, t0, u, ip, rdns, helo, "N", "N", "Y", "Y" if tls else "N",
                   S.cyc("disconnect", "pipe", ["N", "N", "Y"]), 0, 1,
                   "%d/0/%d" % (ok, deny), msgs, nbytes, lr)

    def submission(t0):
        r = S.rng
        u = S.uuid4().upper()
        tx = u + ".1"
        ip = "%s.%d" % (r.choice(["10.8.0", "192.168.77", "172.20.14"]), r.randint(2, 250))
        helo = S.cyc("submission", "helo", ["[%s]" % ip, "marta-laptop.local", "thinkpad-jo",
                                            "mail.harbourline.org"])
        t = t0
        S.emit(t, "connect", [ip, r.randint(40000, 65535), S.cyc("connect", 2, local_ips), 587],
               H(t, "NOTICE", u, "core"))
        t += S.ms(30, 250)
        cipher, ver = S.cyc("tls", 0, HK_CIPHERS)
        S.emit(t, "tls", [cipher, ver, "false"], H(t, "INFO", u, "tls"))
        t += S.ms(20, 400)
        user = "%s@harbourline.org" % r.choice(HK_LOCAL_USERS[:7])
        good = S.cyc("auth", "good", [1, 1, 0, 1, 1])
        S.emit(t, "auth", [user, "true" if good else "false",
                           S.cyc("auth", 2, ["PLAIN", "LOGIN", "PLAIN"])],
               H(t, "INFO", u, "auth/flat_file"))
        if not good:
            t += S.ms(1000, 3000)
            disconnect(t, t0, u, ip, "NXDOMAIN", helo, "N", "N", "Y", "Y", "N", 1, 0,
                       "0/0/0", "0/0/0", 0, "535 5.7.8 Authentication failed")
            return
        t += S.ms(20, 200)
        tx_start = t
        rcpts = []
        one_dom = r.choice(HK_REMOTE_DOMAINS)
        for _ in range(r.choice([1, 1, 2, 3])):
            t += S.ms(3, 60)
            rcpt = "%s@%s" % (r.choice(["anna", "orders", "p.meyer", "kontakt", "hello"]),
                              one_dom if r.random() < 0.7 else r.choice(HK_REMOTE_DOMAINS))
            rcpts.append(rcpt)
            S.emit(t, "rcpt_ok", [rcpt], H(t, "INFO", tx, "core"))
        t += S.ms(200, 2500)
        nbytes = r.randint(1800, 2_400_000)
        mid = "%s@harbourline.org" % S.uuid4()
        S.emit(t, "message", [mid, nbytes, "%d/0/0" % len(rcpts), secs(t - tx_start), "OK",
                              "Message Queued (%s)" % tx], H(t, "NOTICE", tx, "core"))
        t_end = t + S.ms(5, 200)
        disconnect(t_end, t0, u, ip, "NXDOMAIN", helo, "Y", "N", "Y", "Y", "N", 0, 1,
                   "%d/0/0" % len(rcpts), "1/0/0", nbytes, "")
        queued = t
        qfile = "%d_%d_0_%d_%s_%d_mx1" % (unix_ms(t), unix_ms(t), r.randint(900, 4000),
                                          "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789")
                                                  for _ in range(6)), r.randint(1, 40))
        by_dom = {}
        for rc in rcpts:
            by_dom.setdefault(rc.split("@")[1], []).append(rc)
        for dom in sorted(by_dom):
            t = queued + S.ms(300, 5000)
            host = "mx%d.%s" % (r.randint(1, 2), dom)
            mxip = S.pub_ip()
            k = len(by_dom[dom])
            if S.cyc("outbound", "ok", [1, 1, 1, 0]):
                S.emit(t, "delivered", [qfile, dom, host, mxip, S.cyc("delivered", "tls", ["Y", "Y", "N"]),
                                        S.cyc("delivered", "resp", [
                                            "250 2.0.0 Ok: queued as %s" % S.hexs(10).upper(),
                                            "250 OK id=1w%s-000%s-%s" % (S.hexs(4), S.hexs(3), S.hexs(2)),
                                            "250 2.6.0 Queued mail for delivery"]),
                                        secs(t - queued), 0, "%d/0/0" % k],
                       H(t, "NOTICE", tx, "outbound"))
            else:
                S.emit(t, "deferred", [dom, host, mxip, S.cyc("deferred", "tls", ["Y", "N"]),
                                       S.cyc("deferred", "resp", [
                                           "451 4.7.1 Greylisted, please try again later",
                                           "421 4.7.0 Try again later, closing connection",
                                           "452 4.2.2 Mailbox full"]),
                                       secs(t - queued), 1, "0/%d/0" % k],
                       H(t, "WARN", tx, "outbound"))

    def retry(t):
        """The outbound queue re-trying a message deferred before this window."""
        r = S.rng
        tx = S.uuid4().upper() + ".1"
        dom = S.cyc("retry", "dom", HK_REMOTE_DOMAINS)
        host, mxip = "mx%d.%s" % (r.randint(1, 2), dom), S.pub_ip()
        fails = S.cyc("retry", "fails", [1, 2, 1, 3])
        k = r.choice([1, 1, 2])
        delay = "%.3f" % (60 * 2 ** fails + r.uniform(0.5, 40.0))
        if S.cyc("retry", "ok", [1, 0, 1]):
            qfile = "%d_%d_%d_%d_%s_%d_mx1" % (unix_ms(t) - int(float(delay) * 1000),
                                               unix_ms(t), fails, r.randint(900, 4000),
                                               S.hexs(6), r.randint(1, 40))
            S.emit(t, "delivered", [qfile, dom, host, mxip, S.cyc("delivered", "tls", ["Y", "Y", "N"]),
                                    "250 2.0.0 Ok: queued as %s" % S.hexs(10).upper(),
                                    delay, fails, "%d/0/0" % k], H(t, "NOTICE", tx, "outbound"))
        else:
            S.emit(t, "deferred", [dom, host, mxip, S.cyc("deferred", "tls", ["Y", "N"]),
                                   S.cyc("deferred", "resp", [
                                       "451 4.7.1 Greylisted, please try again later",
                                       "421 4.7.0 Try again later, closing connection",
                                       "452 4.2.2 Mailbox full"]),
                                   delay, fails + 1, "0/%d/0" % k], H(t, "WARN", tx, "outbound"))

    t = at(13, 47, 2, 118)
    for _ in range(6):
        retry(t + S.gap(60.0))
    for _ in range(60):
        t += S.gap(3.0)
        if S.cyc("haraka", "kind", [0, 0, 1, 0, 0, 0, 1, 0, 0, 0]):
            submission(t)
        else:
            inbound(t)
    return S, run_simulation(S)


# ==========================================================================
# 5. Uvicorn serving a FastAPI app.  uvicorn's own default formatter has no
#    timestamp ("INFO:     msg", levelname + ":" padded); access lines use
#    the same prefix; the app's own loggers use logging.basicConfig with
#    "%(asctime)s [%(levelname)s] %(name)s: %(message)s".
# ==========================================================================
UV_PREFIX = {"INFO": "INFO:     ", "WARNING": "WARNING:  ", "ERROR": "ERROR:    "}


def uvicorn():
    S = System(5, "Uvicorn", "simulation",
               r"(?:INFO:     |WARNING:  |ERROR:    |DEBUG:    |CRITICAL: "
               r"|(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}) "
               r"\[(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\] [a-z_][a-z0-9_.]*: )")
    S.ev("started", "Started server process [<*>]")
    S.ev("wait_start", "Waiting for application startup.")
    S.ev("start_done", "Application startup complete.")
    S.ev("shutting", "Shutting down")
    S.ev("wait_stop", "Waiting for application shutdown.")
    S.ev("stop_done", "Application shutdown complete.")
    S.ev("finished", "Finished server process [<*>]")
    S.ev("get", "<*>:<*> - \"GET <*> HTTP/1.1\" <*>")
    S.ev("post", "<*>:<*> - \"POST <*> HTTP/1.1\" <*>")
    S.ev("ws", "('<*>', <*>) - \"WebSocket <*>\" [accepted]")
    S.ev("ws_open", "connection open")
    S.ev("ws_closed", "connection closed")
    S.ev("invalid", "Invalid HTTP request received.")
    S.ev("order", "Created order <*> for customer <*> (<*> items, total <*>)")
    S.ev("slow", "Payment provider <*> responded in <*> (threshold 800ms)")

    def U(level):
        return UV_PREFIX[level]

    def A(t, level, logger):
        return "%s [%s] %s: " % (ts_dash(t, ","), level, logger)

    def client(S):
        kind = S.cyc("client", 0, ["proxy", "proxy", "svc", "proxy", "proxy", "svc"])
        if kind == "proxy":
            return "172.18.0.%d" % S.rng.choice([5, 5, 5, 9])
        return "172.18.0.%d" % S.rng.randint(10, 40)

    def request(t0):
        r = S.rng
        ip, port = client(S), r.randint(32768, 60999)
        if r.random() < 0.8:
            kind = S.cyc("get", "path", ["order", "list", "health", "customer", "order",
                                         "product", "metrics", "order", "list"])
            if kind == "order":
                path, st = "/api/orders/%d" % r.randint(10000, 99999), \
                    r.choice(["200 OK"] * 6 + ["404 Not Found", "401 Unauthorized"])
            elif kind == "list":
                path, st = "/api/orders?status=%s&limit=%d" % (
                    r.choice(["open", "paid", "shipped"]), r.choice([20, 50])), \
                    r.choice(["200 OK"] * 5 + ["422 Unprocessable Entity"])
            elif kind == "health":        # the container's HEALTHCHECK curl
                ip, path, st = "127.0.0.1", "/health", "200 OK"
            elif kind == "customer":
                path, st = "/api/customers/c-%05d/orders" % r.randint(1, 60000), \
                    r.choice(["200 OK", "200 OK", "404 Not Found"])
            elif kind == "product":
                path, st = "/api/products/SKU-%s" % S.hexs(6).upper(), \
                    r.choice(["200 OK", "200 OK", "404 Not Found"])
            else:
                path, st = "/metrics", "200 OK"
            t = t0 + S.ms(1, 140)
            S.emit(t, "get", [ip, port, path, st], U("INFO"))
            return
        kind = S.cyc("post", "path", ["create", "pay", "token", "create", "cart", "pay"])
        t = t0
        if kind == "create":
            oid = r.randint(10000, 99999)
            if r.random() < 0.85:
                t += S.ms(20, 180)
                items = r.randint(1, 9)
                S.emit(t, "order", [oid, "c-%05d" % r.randint(1, 60000), items,
                                    "%.2f EUR" % (items * r.uniform(4.0, 60.0))],
                       A(t, "INFO", "app.api.orders"))
                st = "201 Created"
            else:
                st = r.choice(["422 Unprocessable Entity", "409 Conflict"])
            t += S.ms(2, 30)
            S.emit(t, "post", [ip, port, "/api/orders", st], U("INFO"))
        elif kind == "pay":
            oid = r.randint(10000, 99999)
            slow = r.random() < 0.25
            dur = r.randint(810, 4200) if slow else r.randint(90, 700)
            t += dur * NS_PER_MS
            if slow:
                S.emit(t, "slow", [S.cyc("slow", 0, ["stripe", "adyen", "mollie"]), "%dms" % dur],
                       A(t, "WARNING", "app.services.payments"))
            t += S.ms(2, 25)
            S.emit(t, "post", [ip, port, "/api/orders/%d/pay" % oid,
                               r.choice(["200 OK", "200 OK", "200 OK", "402 Payment Required"])], U("INFO"))
        elif kind == "token":
            t += S.ms(40, 300)
            S.emit(t, "post", [ip, port, "/api/auth/token",
                               r.choice(["200 OK", "200 OK", "401 Unauthorized"])], U("INFO"))
        else:
            t += S.ms(5, 80)
            S.emit(t, "post", [ip, port, "/api/carts/%s/items" % S.uuid4(),
                               r.choice(["201 Created", "201 Created", "404 Not Found"])], U("INFO"))

    def websocket(t0):
        r = S.rng
        ip, port = "172.18.0.5", r.randint(32768, 60999)
        if S.cyc("ws", "ip", [0, 1, 0]):
            ip = "172.18.0.%d" % r.randint(10, 40)
        path = S.cyc("ws", "path", ["/ws/orders/%d" % r.randint(10000, 99999), "/ws/notifications",
                                    "/ws/orders/%d" % r.randint(10000, 99999)])
        t = t0 + S.ms(1, 20)
        S.emit(t, "ws", [ip, port, path], U("INFO"))
        S.emit(t + S.ms(0, 2), "ws_open", [], U("INFO"))
        S.emit(t + S.gap(70.0) + S.ms(500, 3000), "ws_closed", [], U("INFO"))

    pids = [39, 40, 41, 42]
    next_pid = [57]

    def recycle(t0):
        r = S.rng
        old = pids.pop(r.randrange(len(pids)))
        t = t0
        for key in ("shutting", "wait_stop", "stop_done", "finished"):
            S.emit(t, key, [old] if key == "finished" else [], U("INFO"))
            t += S.ms(1, 40)
        t += S.ms(80, 400)
        new = next_pid[0]
        next_pid[0] += r.randint(1, 9)
        pids.append(new)
        for key in ("started", "wait_start", "start_done"):
            S.emit(t, key, [new] if key == "started" else [], U("INFO"))
            t += S.ms(300, 1500) if key == "wait_start" else S.ms(1, 15)

    start = at(16, 41, 3, 602)
    end = start + 9 * 60 * NS_PER_S
    t = start
    while t < end:
        t += S.gap(1.15)
        request(t)
    t = start
    while t < end:
        t += S.gap(28.0)
        websocket(t)
    t = start
    while t < end:
        t += S.gap(55.0)
        S.emit(t, "invalid", [], U("WARNING"))
    t = start + S.ms(5000, 15000)
    while t < end:
        recycle(t)
        t += 50 * NS_PER_S + S.ms(0, 30000)
    return S, run_simulation(S)


# ==========================================================================
# 6. Quarkus REST service, default console format
#    "%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c{3.}] (%t) %s%e%n"
# ==========================================================================
def abbrev(cat):
    parts = cat.split(".")
    return ".".join([p[:3] for p in parts[:-1]] + parts[-1:])


def quarkus():
    S = System(6, "Quarkus", "shuffle",
               r"(?:(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}) "
               r"(?:TRACE|DEBUG|INFO |WARN |ERROR|FATAL) \[[A-Za-z0-9_.$]+\] \([^()]+\) "
               r"|\t|  |)")
    S.ev("fetch", "Fetching order <*> for customer <*>")
    S.ev("created", "Created order <*> with <*> items, total <*> EUR")
    S.ev("sqlerr", "SQL Error: 0, SQLState: <*>")
    S.ev("dupkey", "ERROR: duplicate key value violates unique constraint \"<*>\"")
    S.ev("dup_detail", "Detail: Key (<*>)=(<*>) already exists.")
    S.ev("fk", "ERROR: insert or update on table \"<*>\" violates foreign key constraint \"<*>\"")
    S.ev("fk_detail", "Detail: Key (<*>)=(<*>) is not present in table \"<*>\".")
    S.ev("httpfail", "HTTP Request to <*> failed, error id: <*>: <*>")
    S.ev("frame", "at <*>(<*>:<*>)")
    S.ev("causedby", "Caused by: <*>: <*>")
    S.ev("more", "... <*> more")
    S.ev("agroal", "Datasource '<*>': <*>")
    S.ev("restart", "Restarting quarkus due to changes in <*>.")
    S.ev("stopped", "order-service stopped in <*>")
    S.ev("started", "order-service 1.0.0-SNAPSHOT on JVM (powered by Quarkus 3.15.1) started in <*>. Listening on: http://localhost:8080")

    def H(t, level, cat, thread):
        return "%s %-5s [%s] (%s) " % (ts_dash(t, ","), level, abbrev(cat), thread)

    def ex(S):
        return "executor-thread-%d" % S.rng.randint(1, 12)

    RES = "org.acme.orders.api.OrderResource"
    SQL = "org.hibernate.engine.jdbc.spi.SqlExceptionHelper"

    def u_fetch(S, t):
        return S.emit(t, "fetch", [S.rng.randint(1000, 99999), "c-%05d" % S.rng.randint(1, 60000)],
                      H(t, "INFO", RES, ex(S)))

    def u_created(S, t):
        n = S.rng.randint(1, 12)
        return S.emit(t, "created", [S.rng.randint(1000, 99999), n, "%.2f" % (n * S.rng.uniform(3, 80))],
                      H(t, "INFO", "org.acme.orders.service.OrderService", ex(S)))

    def u_dup(S, t):
        th = ex(S)
        S.emit(t, "sqlerr", ["23505"], H(t, "WARN", SQL, th))
        cons, col, val = S.cyc("dupkey", 0, [
            ("uk_customer_email", "email", "%s@%s" % (S.rng.choice(["anna", "p.meyer", "kofi", "li.wen"]),
                                                       S.rng.choice(["fjordpost.eu", "quillmere.net"]))),
            ("orders_order_number_key", "order_number", "ORD-2026-%05d" % S.rng.randint(1, 99999)),
            ("uk_product_sku", "sku", "SKU-%s" % S.hexs(6).upper())])
        S.emit(t, "dupkey", [cons], H(t, "ERROR", SQL, th))
        return S.emit(t, "dup_detail", [col, val], "  ")

    def u_fk(S, t):
        th = ex(S)
        S.emit(t, "sqlerr", ["23503"], H(t, "WARN", SQL, th))
        table, cons, col, ref = S.cyc("fk", 0, [
            ("order_items", "fk_order_items_product", "product_id", "products"),
            ("orders", "fk_orders_customer", "customer_id", "customers"),
            ("shipments", "fk_shipments_order", "order_id", "orders")])
        S.emit(t, "fk", [table, cons], H(t, "ERROR", SQL, th))
        return S.emit(t, "fk_detail", [col, S.rng.randint(1, 99999), ref], "  ")

    REST = [
        ("org.jboss.resteasy.reactive.client.impl.InvocationBuilderImpl.unwrap", "InvocationBuilderImpl.java", 207),
        ("org.jboss.resteasy.reactive.client.impl.InvocationBuilderImpl.method", "InvocationBuilderImpl.java", 318),
        ("org.acme.orders.service.PaymentService.capture", "PaymentService.java", 64),
        ("org.acme.orders.service.OrderService.checkout", "OrderService.java", 118),
        ("org.acme.orders.api.OrderResource.checkout", "OrderResource.java", 77),
        ("org.jboss.resteasy.reactive.server.handlers.InvocationHandler.handle", "InvocationHandler.java", 29),
        ("io.quarkus.resteasy.reactive.server.runtime.QuarkusResteasyReactiveRequestContext.invokeHandler",
         "QuarkusResteasyReactiveRequestContext.java", 141),
        ("org.jboss.resteasy.reactive.common.core.AbstractResteasyReactiveContext.run",
         "AbstractResteasyReactiveContext.java", 147),
        ("io.quarkus.vertx.core.runtime.VertxCoreRecorder$14.runWith", "VertxCoreRecorder.java", 635),
        ("org.jboss.threads.EnhancedQueueExecutor$Task.doRunWith", "EnhancedQueueExecutor.java", 2516),
    ]
    STOCK = [
        ("org.acme.orders.service.StockService.reserve", "StockService.java", 52),
        ("org.acme.orders.service.OrderService.create", "OrderService.java", 71),
        ("org.acme.orders.api.OrderResource.create", "OrderResource.java", 49),
        ("org.jboss.resteasy.reactive.server.handlers.InvocationHandler.handle", "InvocationHandler.java", 29),
        ("io.quarkus.resteasy.reactive.server.runtime.QuarkusResteasyReactiveRequestContext.invokeHandler",
         "QuarkusResteasyReactiveRequestContext.java", 141),
        ("org.jboss.resteasy.reactive.common.core.AbstractResteasyReactiveContext.run",
         "AbstractResteasyReactiveContext.java", 147),
    ]
    CAUSE_TIMEOUT = [
        ("java.base/sun.nio.ch.NioSocketImpl.timedRead", "NioSocketImpl.java", 288),
        ("java.base/sun.nio.ch.NioSocketImpl.implRead", "NioSocketImpl.java", 314),
        ("io.vertx.core.http.impl.Http1xClientConnection.handleClosed", "Http1xClientConnection.java", 1217),
    ]
    CAUSE_REFUSED = [
        ("io.netty.channel.unix.Errors.newConnectException0", "Errors.java", 166),
        ("io.netty.channel.unix.Errors.handleConnectErrno", "Errors.java", 131),
    ]

    def http_unit(main, n_main, cause_frames, cause, path_fn, exc, total):
        def u(S, t):
            th = ex(S)
            S.emit(t, "httpfail", [path_fn(S), "%s-%d" % (S.uuid4(), S.rng.randint(1, 40)), exc],
                   H(t, "ERROR", "io.quarkus.vertx.http.runtime.QuarkusErrorHandler", th))
            for fn, f, ln in main[:n_main]:
                S.emit(t, "frame", [fn, f, ln], "\t")
            S.emit(t, "causedby", list(cause), "")
            for fn, f, ln in cause_frames:
                S.emit(t, "frame", [fn, f, ln], "\t")
            return S.emit(t, "more", [total], "\t")
        return u

    u_http_a = http_unit(REST, 7, CAUSE_TIMEOUT,
                         ("java.net.SocketTimeoutException", "Read timed out"),
                         lambda S: "/api/orders/%d/checkout" % S.rng.randint(1000, 99999),
                         "jakarta.ws.rs.ProcessingException: java.net.SocketTimeoutException: Read timed out", 14)
    u_http_b = http_unit(REST, 9, CAUSE_REFUSED[:2],
                         ("io.netty.channel.AbstractChannel$AnnotatedConnectException",
                          "Connection refused: payments.internal/10.42.0.17:8443"),
                         lambda S: "/api/orders/%d/checkout" % S.rng.randint(1000, 99999),
                         "jakarta.ws.rs.ProcessingException: io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused: payments.internal/10.42.0.17:8443", 22)
    u_http_c = http_unit(STOCK, 6, CAUSE_REFUSED[:2],
                         ("java.net.ConnectException", "Connection refused"),
                         lambda S: "/api/orders",
                         "jakarta.ws.rs.ProcessingException: java.net.ConnectException: Connection refused", 9)

    def u_agroal(S, t):
        ds, msg = S.cyc("agroal", 0, [
            ("<default>", "FATAL: terminating connection due to administrator command"),
            ("reporting", "Connection attempt failed"),
            ("<default>", "Closing connection in incorrect state VALIDATION"),
            ("<default>", "Connection leak of io.agroal.pool.ConnectionHandler@%s acquired by thread executor-thread-%d"
             % (S.hexs(7), S.rng.randint(1, 12)))])
        return S.emit(t, "agroal", [ds, msg], H(t, "WARN", "io.agroal.pool", "agroal-%d" % S.rng.randint(11, 14)))

    def u_reload(S, t):
        files = S.cyc("restart", 0, ["OrderResource.class", "OrderService.class, PaymentService.class",
                                     "application.properties", "StockService.class"])
        S.emit(t, "restart", [files], H(t, "INFO", "io.quarkus.deployment.dev.RuntimeUpdatesProcessor",
                                        "vert.x-worker-thread-%d" % S.rng.randint(0, 3)))
        t += S.ms(5, 60)
        S.emit(t, "stopped", ["%.3fs" % S.rng.uniform(0.008, 0.06)], H(t, "INFO", "io.quarkus", "Quarkus Main Thread"))
        t += S.ms(400, 1600)
        return S.emit(t, "started", ["%.3fs" % S.rng.uniform(0.4, 1.6)], H(t, "INFO", "io.quarkus", "Quarkus Main Thread"))

    units = [(u_fetch, 140), (u_created, 48), (u_dup, 6), (u_fk, 4), (u_http_a, 2),
             (u_http_b, 2), (u_http_c, 1), (u_agroal, 5), (u_reload, 4)]
    return S, run_shuffle(S, units, at(10, 20, 55, 340), 3.5)


# ==========================================================================
# writing and self-check
# ==========================================================================
def write(S, recs):
    if len(recs) != N_LINES:
        raise ValueError("%s: %d records" % (S.name, len(recs)))
    d = os.path.join(HERE, S.name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, S.name + ".log"), "w", encoding="utf-8", newline="") as f:
        for _, _, _, content, header in recs:
            f.write(header + content + "\n")
    with open(os.path.join(d, S.name + ".log_structured.csv"), "w",
              encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_, _, key, content, _) in enumerate(recs, 1):
            w.writerow([i, content, S.eid(key), S.tpl[key]])


TS_PARTS = re.compile(r"(\d{2}):(\d{2}):(\d{2})[.,](\d{3})")


def check(S):
    errs = []
    d = os.path.join(HERE, S.name)
    logp = os.path.join(d, S.name + ".log")
    csvp = os.path.join(d, S.name + ".log_structured.csv")
    raw = open(logp, "rb").read()
    craw = open(csvp, "rb").read()
    for what, b in (("log", raw), ("csv", craw)):
        if not b.endswith(b"\n"):
            errs.append("%s does not end with \\n" % what)
        if b"\r" in b:
            errs.append("%s contains \\r" % what)
    lines = raw.decode("utf-8").split("\n")[:-1]
    if len(lines) != N_LINES:
        errs.append("log has %d lines" % len(lines))
    with open(csvp, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if not rows or rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header %r" % (rows[:1],))
    body = rows[1:]
    if len(body) != N_LINES:
        errs.append("csv has %d rows" % len(body))
    declared = {"E%d" % (i + 1): S.tpl[k] for i, k in enumerate(S.order)}
    tpl_of, counts, caps, regs = {}, {}, {}, {}
    last = None
    for i, (row, line) in enumerate(zip(body, lines), 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errs.append("row %d LineId %r" % (i, lid))
        if not content or content != content.strip():
            errs.append("row %d content empty or unstripped" % i)
        if not line.endswith(content):
            errs.append("line %d does not end with its Content" % i)
            continue
        header = line[:len(line) - len(content)]
        m = S.header_re.fullmatch(header)
        if not m:
            errs.append("line %d header %r does not match" % (i, header))
        else:
            ts = next((v for k, v in m.groupdict().items() if k.startswith("ts") and v), None)
            if ts is not None:
                if "2026-03-14" not in ts and "Mar 14, 2026" not in ts:
                    errs.append("line %d timestamp %r not on 2026-03-14" % (i, ts))
                p = TS_PARTS.search(ts)
                key = tuple(int(x) for x in p.groups())
                if last is not None and key < last:
                    errs.append("line %d timestamp goes back" % i)
                last = key
        if not re.fullmatch(r"E\d+", eid):
            errs.append("row %d EventId %r" % (i, eid))
        if tpl_of.setdefault(eid, tpl) != tpl:
            errs.append("%s has two templates" % eid)
        if declared.get(eid) != tpl:
            errs.append("row %d: %s template differs from declaration" % (i, eid))
        if tpl not in regs:
            regs[tpl] = tpl_regex(tpl)
        rx = regs[tpl]
        mm = rx.fullmatch(content)
        if not mm:
            errs.append("row %d content does not match %s template" % (i, eid))
        else:
            for j, g in enumerate(mm.groups()):
                caps.setdefault((eid, j), set()).add(g)
        counts[eid] = counts.get(eid, 0) + 1
    if len(set(tpl_of.values())) != len(tpl_of):
        errs.append("two EventIds share a template")
    if set(tpl_of) != set(declared):
        errs.append("declared but unused or undeclared events: %s"
                    % sorted(set(declared) ^ set(tpl_of)))
    for eid, tpl in tpl_of.items():
        for j in range(tpl.count("<*>")):
            if len(caps.get((eid, j), ())) < 2:
                errs.append("%s slot %d takes one value only: %r" % (eid, j + 1, caps.get((eid, j))))
    c = sorted(counts.values())
    if not 12 <= len(c) <= 15:
        errs.append("%d event types" % len(c))
    if c and c[0] < 3:
        errs.append("an event has %d lines" % c[0])
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines")
    med = statistics.median(c) if c else 0
    if c and c[-1] < 3 * med:
        errs.append("largest %d < 3 x median %s" % (c[-1], med))
    return errs, counts, med


def main():
    builders = [vaultwarden, paperless, plex, haraka, uvicorn, quarkus]
    failed = False
    print("%-16s %-10s %5s %6s %5s %6s %5s  %s" % ("system", "kind", "lines", "events",
                                                   "min", "median", "max", "status"))
    for build in builders:
        S, recs = build()
        write(S, recs)
        errs, counts, med = check(S)
        c = sorted(counts.values())
        print("%-16s %-10s %5d %6d %5d %6s %5d  %s" % (
            S.name, S.kind, sum(c), len(c), c[0] if c else 0, med, c[-1] if c else 0,
            "ok" if not errs else "FAIL"))
        print("    " + " ".join("%s=%d" % (e, counts.get(e, 0))
                                for e in ("E%d" % (i + 1) for i in range(len(S.order)))))
        for e in errs:
            failed = True
            print("    ! " + e)
    print("self-check:", "FAILED" if failed else "passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
