#!/usr/bin/env python3
"""Sealed 24: blind labelled log corpus generator.

Standard library only and fully deterministic: no wall clock, no locale.
Base seed 20270106; system k (1..6) uses random.Random(20270106 * 10 + k).
All time comes from an integer nanosecond clock on 2026-03-14 UTC.

Running this script writes, for each system, <System>/<System>.log (300 raw
lines) and <System>/<System>.log_structured.csv (LineId,Content,EventId,
EventTemplate), then self-checks every file and prints a per-system summary.
"""
import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270106
HERE = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

NS = 1_000_000_000
MS = 1_000_000
US = 1_000


# ---------------------------------------------------------------- time ----
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


DAY0 = days_from_civil(2026, 3, 14) * 86400 * NS
DAY_END = DAY0 + 86400 * NS


def at(h, m=0, s=0):
    return DAY0 + ((h * 60 + m) * 60 + s) * NS


def parts(ns):
    secs, frac = divmod(ns, NS)
    days, sod = divmod(secs, 86400)
    y, mo, d = civil_from_days(days)
    hh, rem = divmod(sod, 3600)
    mi, ss = divmod(rem, 60)
    return y, mo, d, hh, mi, ss, frac, days


def http_date(ns):
    y, mo, d, hh, mi, ss, _, days = parts(ns)
    wd = WEEKDAYS[(days + 3) % 7]  # 1970-01-01 was a Thursday
    return "%s, %02d %s %04d %02d:%02d:%02d GMT" % (wd, d, MONTHS[mo - 1], y, hh, mi, ss)


def us_date(ns):
    """.NET invariant-ish short date time, e.g. 3/14/2026 9:41:07 AM"""
    y, mo, d, hh, mi, ss, _, _ = parts(ns)
    ap = "AM" if hh < 12 else "PM"
    h12 = hh % 12 or 12
    return "%d/%d/%04d %d:%02d:%02d %s" % (mo, d, y, h12, mi, ss, ap)


# -------------------------------------------------------------- helpers ---
class Picker:
    """Per (event, slot) cycling through small pools, plus random values."""

    def __init__(self, rng):
        self.rng = rng
        self.pos = {}

    def cyc(self, key, pool):
        if key not in self.pos:
            self.pos[key] = self.rng.randrange(len(pool))
        v = pool[self.pos[key] % len(pool)]
        self.pos[key] += 1
        return v

    def hexs(self, n):
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def alnum(self, n, alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"):
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def uuid(self):
        h = self.hexs(32)
        h = h[:12] + "4" + h[13:16] + self.rng.choice("89ab") + h[17:]
        return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    def ip(self):
        r = self.rng
        kind = r.randrange(5)
        if kind == 0:
            return "10.%d.%d.%d" % (r.randrange(256), r.randrange(256), r.randrange(1, 255))
        if kind == 1:
            return "172.%d.%d.%d" % (r.randrange(16, 32), r.randrange(256), r.randrange(1, 255))
        if kind == 2:
            return "198.51.100.%d" % r.randrange(1, 255)
        if kind == 3:
            return "203.0.113.%d" % r.randrange(1, 255)
        return "%d.%d.%d.%d" % (r.choice([37, 81, 94, 141, 185, 212]), r.randrange(256),
                                r.randrange(256), r.randrange(1, 255))


def fill(tpl, vals):
    pieces = tpl.split("<*>")
    if len(pieces) - 1 != len(vals):
        raise ValueError("slot count mismatch for %r: %r" % (tpl, vals))
    out = [pieces[0]]
    for v, p in zip(vals, pieces[1:]):
        v = str(v)
        if not v or "\n" in v or "\r" in v:
            raise ValueError("bad value %r for %r" % (v, tpl))
        out.append(v)
        out.append(p)
    return "".join(out)


def json_str(s):
    """Escape a text for embedding inside a JSON string literal."""
    return s.replace("\\", "\\\\").replace('"', '\\"')


class Line:
    __slots__ = ("ns", "ev", "vals", "h")

    def __init__(self, ns, ev, vals, **h):
        self.ns = ns
        self.ev = ev
        self.vals = [str(v) for v in vals]
        self.h = h


class Sim:
    """Entities emit groups of lines on their own clocks; merged in time order."""

    def __init__(self):
        self.groups = []
        self.seq = 0

    def emit(self, ns, *lines):
        self.seq += 1
        for ln in lines:
            ln.ns = ns
        self.groups.append((ns, self.seq, list(lines)))

    def lines(self):
        self.groups.sort(key=lambda g: (g[0], g[1]))
        out = []
        for _, _, ls in self.groups:
            out.extend(ls)
        return out[:N_LINES]


def shuffle_stream(rng, counts, start_ns, mean_gap_ns):
    keys = []
    for k, c in counts:
        keys.extend([k] * c)
    assert len(keys) == N_LINES, (len(keys), counts)
    rng.shuffle(keys)
    t = start_ns
    out = []
    for k in keys:
        t += 1 + int(rng.expovariate(1.0) * mean_gap_ns)
        out.append((t, k))
    return out


def dur_ms4(rng, lo, hi):
    """ASP.NET style elapsed milliseconds with 4 decimals, glued unit."""
    return "%.4fms" % (rng.uniform(lo, hi))


# =============================================================== 1 ========
# Plausible Analytics (Elixir/Phoenix, Elixir Logger console backend)
# format "$time $metadata[$level] $message\n", metadata [:request_id]

PLAUSIBLE_DOMAINS = ["brightfjord.io", "tallowandwick.shop", "quietkettle.net", "mossgarden.dev",
                     "lindqvist-bakery.se", "orbitalpine.app", "paperlantern.blog"]

PLAUSIBLE_EVENTS = [
    ("get", "GET <*>"),
    ("post", "POST <*>"),
    ("proc", "Processing with <*>"),
    ("params", "Parameters: <*>"),
    ("pipes", "Pipelines: <*>"),
    ("sent", "Sent <*> in <*>"),
    ("conv", "Converted error <*> to <*> response"),
    ("jstart", '{"args":<*>,"attempt":<*>,"event":"job:start","id":<*>,"max_attempts":<*>,'
               '"meta":{},"queue":"<*>","source":"oban","system_time":<*>,"tags":[],"worker":"<*>"}'),
    ("jstop", '{"args":<*>,"attempt":<*>,"duration":<*>,"event":"job:stop","id":<*>,'
              '"max_attempts":<*>,"meta":{},"queue":"<*>","queue_time":<*>,"source":"oban",'
              '"state":"success","tags":[],"worker":"<*>"}'),
    ("jexc", '{"args":<*>,"attempt":<*>,"duration":<*>,"error":"<*>","event":"job:exception",'
             '"id":<*>,"kind":"error","max_attempts":<*>,"meta":{},"queue":"<*>","queue_time":<*>,'
             '"source":"oban","state":"failure","tags":[],"worker":"<*>"}'),
    ("pgdisc", "Postgrex.Protocol (<*>) disconnected: ** (DBConnection.ConnectionError) client <*> "
               "timed out because it queued and checked out the connection for longer than 15000ms"),
    ("flev", "Flushing <*> events"),
    ("flse", "Flushing <*> sessions"),
    ("drop", "Dropped <*> event(s) for <*> (reason: <*>)"),
]

PLAUSIBLE_HEADER_RE = (r"(?:(?P<ts>\d\d:\d\d:\d\d\.\d{3}) (?:request_id=[A-Za-z0-9_-]{20} )?"
                       r"\[(?:debug|info|notice|warning|error)\] |  )")


def plausible_header(ln):
    if ln.h.get("cont"):
        return "  "
    _, _, _, hh, mi, ss, frac, _ = parts(ln.ns)
    s = "%02d:%02d:%02d.%03d " % (hh, mi, ss, frac // MS)
    if ln.h.get("rid"):
        s += "request_id=%s " % ln.h["rid"]
    return s + "[%s] " % ln.h["lvl"]


def phx_elapsed(rng, lo_us, hi_us):
    v = int(rng.uniform(lo_us, hi_us))
    if v < 1000:
        return "%dµs" % v
    return "%dms" % (v // 1000)


def gen_plausible(rng):
    P = Picker(rng)
    sim = Sim()
    L = Line
    job_seq = [48213 + rng.randrange(500)]
    pid_seq = [2400 + rng.randrange(300)]

    def pid():
        pid_seq[0] += rng.randrange(3, 400)
        return "#PID<0.%d.0>" % pid_seq[0]

    def rid():
        return "F" + P.alnum(19, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")

    def request(t0):
        r = rid()
        kind = rng.choices(["ingest", "dash", "api", "login", "noroute", "share", "settings"],
                           [46, 12, 22, 5, 5, 4, 6])[0]
        dom = P.cyc(("req", "domain"), PLAUSIBLE_DOMAINS)
        t = t0
        if kind == "ingest":
            sim.emit(t, L(0, "post", ["/api/event"], rid=r, lvl="info"))
            t += rng.randrange(80, 400) * US
            name = P.cyc(("params", "name"), ["pageview", "pageview", "pageview", "Signup", "Outbound Link: Click", "404"])
            page = P.cyc(("params", "page"), ["/", "/pricing", "/blog/%s" % P.hexs(6), "/docs/getting-started",
                                             "/about", "/changelog", "/blog"])
            ref = P.cyc(("params", "ref"), ["nil", '"https://news.ycombinator.com/"', '"https://www.google.com/"',
                                            "nil", '"https://duckduckgo.com/"', '"https://lobste.rs/"'])
            params = '%%{"d" => "%s", "n" => "%s", "r" => %s, "u" => "https://%s%s"}' % (dom, name, ref, dom, page)
            sim.emit(t, L(0, "proc", ["PlausibleWeb.Api.ExternalController.event/2"], rid=r, lvl="debug"),
                     L(0, "params", [params], cont=True),
                     L(0, "pipes", ["[:api]"], cont=True))
            if rng.random() < 0.10:
                t += rng.randrange(50, 300) * US
                reason = P.cyc(("drop", "reason"), [":throttle", ":site_not_found", ":spam_referrer",
                                                    ":bot", ":payment_required"])
                n = P.cyc(("drop", "n"), ["1", "1", "2", "1", "3"])
                sim.emit(t, L(0, "drop", [n, dom, reason], rid=r, lvl="warning"))
            t += rng.randrange(200, 1500) * US
            sim.emit(t, L(0, "sent", ["202", phx_elapsed(rng, 250, 1600)], rid=r, lvl="info"))
        elif kind in ("dash", "api", "settings"):
            if kind == "dash":
                path = "/%s" % dom
                ctrl = "PlausibleWeb.StatsController.stats/2"
                params = '%%{"domain" => "%s"}' % dom
                pipes = "[:browser, :csrf]"
                lo, hi = 4000, 60000
            elif kind == "settings":
                sect = P.cyc(("settings", "sect"), ["general", "people", "visibility", "goals", "email-reports",
                                                   "integrations"])
                path = "/%s/settings/%s" % (dom, sect)
                ctrl = "PlausibleWeb.SiteController.settings_%s/2" % sect.replace("-", "_")
                params = '%%{"website" => "%s"}' % dom
                pipes = "[:browser, :csrf]"
                lo, hi = 6000, 90000
            else:
                ep = P.cyc(("api", "ep"), ["main-graph", "top-stats", "sources", "pages", "countries",
                                          "browsers", "entry-pages", "current-visitors"])
                period = P.cyc(("api", "period"), ["day", "7d", "30d", "month", "realtime", "12mo"])
                path = "/api/stats/%s/%s?period=%s" % (dom, ep, period)
                ctrl = "PlausibleWeb.Api.StatsController.%s/2" % ep.replace("-", "_")
                params = '%%{"domain" => "%s", "period" => "%s"}' % (dom, period)
                pipes = "[:internal_stats_api]"
                lo, hi = 9000, 900000
            sim.emit(t, L(0, "get", [path], rid=r, lvl="info"))
            t += rng.randrange(100, 600) * US
            sim.emit(t, L(0, "proc", [ctrl], rid=r, lvl="debug"),
                     L(0, "params", [params], cont=True),
                     L(0, "pipes", [pipes], cont=True))
            d = int(rng.uniform(lo, hi))
            t += d * US
            sim.emit(t, L(0, "sent", ["200", "%dms" % max(1, d // 1000)], rid=r, lvl="info"))
        elif kind == "login":
            sim.emit(t, L(0, "post", ["/login"], rid=r, lvl="info"))
            t += rng.randrange(100, 600) * US
            user = P.cyc(("login", "user"), ["maja.lindqvist", "oskar", "t.okafor", "hello", "ines.barros"])
            params = '%%{"_csrf_token" => "%s", "email" => "%s@%s", "password" => "[FILTERED]"}' % (
                P.alnum(32), user, dom)
            sim.emit(t, L(0, "proc", ["PlausibleWeb.AuthController.login/2"], rid=r, lvl="debug"),
                     L(0, "params", [params], cont=True),
                     L(0, "pipes", ["[:browser, :csrf]"], cont=True))
            if rng.random() < 0.3:
                t += rng.randrange(100, 900) * US
                sim.emit(t, L(0, "conv", ["Plug.CSRFProtection.InvalidCSRFTokenError", "403"], rid=r, lvl="info"))
                t += rng.randrange(300, 2000) * US
                sim.emit(t, L(0, "sent", ["403", phx_elapsed(rng, 900, 4000)], rid=r, lvl="info"))
            else:
                d = int(rng.uniform(40000, 260000))
                t += d * US
                sim.emit(t, L(0, "sent", ["302", "%dms" % (d // 1000)], rid=r, lvl="info"))
        elif kind == "noroute":
            path = P.cyc(("noroute", "path"), ["/wp-login.php", "/.env", "/xmlrpc.php", "/phpmyadmin/index.php",
                                              "/.git/config", "/admin/config.php"])
            sim.emit(t, L(0, "get", [path], rid=r, lvl="info"))
            t += rng.randrange(100, 900) * US
            sim.emit(t, L(0, "conv", ["Phoenix.Router.NoRouteError", "404"], rid=r, lvl="info"))
            t += rng.randrange(300, 3000) * US
            sim.emit(t, L(0, "sent", ["404", phx_elapsed(rng, 400, 3500)], rid=r, lvl="info"))
        else:  # shared link that does not exist
            slug = P.alnum(22)
            sim.emit(t, L(0, "get", ["/share/%s?auth=%s" % (dom, slug)], rid=r, lvl="info"))
            t += rng.randrange(100, 600) * US
            sim.emit(t, L(0, "proc", ["PlausibleWeb.StatsController.shared_link/2"], rid=r, lvl="debug"),
                     L(0, "params", ['%%{"auth" => "%s", "domain" => "%s"}' % (slug, dom)], cont=True),
                     L(0, "pipes", ["[:shared_link]"], cont=True))
            t += rng.randrange(2000, 9000) * US
            sim.emit(t, L(0, "conv", ["Ecto.NoResultsError", "404"], rid=r, lvl="info"))
            t += rng.randrange(300, 3000) * US
            sim.emit(t, L(0, "sent", ["404", "%dms" % rng.randrange(3, 14)], rid=r, lvl="info"))

    workers = [
        ("Plausible.Workers.SendEmailReport", "send_email_reports", 5, lambda: '{"interval":"%s","site_id":%d}' % (
            P.cyc(("job", "interval"), ["weekly", "monthly"]), rng.randrange(1, 4000))),
        ("Plausible.Workers.SpikeNotifier", "spike_notifications", 1, lambda: "{}"),
        ("Plausible.Workers.ImportAnalytics", "analytics_imports", 3,
         lambda: '{"import_id":%d,"source":"%s"}' % (rng.randrange(100, 900),
                                                     P.cyc(("job", "source"), ["CSV", "UniversalAnalytics", "GoogleAnalytics4"]))),
        ("Plausible.Workers.CheckUsage", "check_usage", 1, lambda: "{}"),
        ("Plausible.Workers.ScheduleEmailReports", "schedule_email_reports", 1, lambda: "{}"),
        ("Plausible.Workers.RotateSalts", "rotate_salts", 1, lambda: "{}"),
        ("Plausible.Workers.CleanInvitations", "clean_invitations", 1, lambda: "{}"),
    ]
    errors = ["** (Bamboo.ApiError) There was a problem sending the email through the Postmark API: 422 Inactive recipient",
              "** (DBConnection.ConnectionError) tcp recv: closed",
              "** (Mint.TransportError) timeout",
              "** (RuntimeError) ClickHouse insert failed: Code: 241. DB::Exception: Memory limit exceeded",
              "** (Ecto.StaleEntryError) attempted to update a stale struct"]

    def job(t0, fail):
        job_seq[0] += rng.randrange(1, 40)
        jid = job_seq[0]
        w, q, maxa, argf = P.cyc(("job", "worker%d" % int(fail)), workers)
        args = argf()
        att = P.cyc(("job", "attempt"), [1, 1, 2, 1, 3])
        maxa = P.cyc(("job", "max"), [maxa, 20]) if maxa == 1 else maxa
        qt = rng.randrange(400, 90000)
        sim.emit(t0, L(0, "jstart", [args, att, jid, maxa, q, t0, w], lvl="info"))
        d = rng.randrange(800, 2400000)
        if fail:
            err = P.cyc(("jexc", "error"), errors)
            sim.emit(t0 + d * US, L(0, "jexc", [args, att, d, json_str(err), jid, maxa, q, qt, w], lvl="error"))
        else:
            sim.emit(t0 + d * US, L(0, "jstop", [args, att, d, jid, maxa, q, qt, w], lvl="info"))

    start = at(11, 42, 7) + rng.randrange(NS)
    horizon = start + 60 * 60 * NS
    t = start
    while t < horizon:
        request(t)
        t += 1 + int(rng.expovariate(1.0) * 3.1 * NS)
    t = start + rng.randrange(5 * NS)
    while t < horizon:
        job(t, False)
        t += 1 + int(rng.expovariate(1.0) * 30 * NS)
    t = start + rng.randrange(20 * NS)
    while t < horizon:
        job(t, True)
        t += 1 + int(rng.expovariate(1.0) * 45 * NS)
    t = start + rng.randrange(30 * NS)
    while t < horizon:
        sim.emit(t, L(0, "pgdisc", [pid(), pid()], lvl="error"))
        t += 1 + int(rng.expovariate(1.0) * 50 * NS)
    for key, off in (("flev", 2), ("flse", 4)):
        t = start + off * NS + rng.randrange(NS)
        while t < horizon:
            n = rng.randrange(3, 260) if key == "flev" else rng.randrange(1, 90)
            sim.emit(t, L(0, key, [n], lvl="info"))
            t += int(rng.uniform(18, 26) * NS)
    return sim.lines()


# =============================================================== 2 ========
# Wallabag (Symfony, Monolog LineFormatter "[%datetime%] %channel%.%level_name%: %message% %context% %extra%")

WB_HOST = "https://read.cobaltheron.org"
WB_USERS = ["nadia", "jbrooks", "kai.wenzel", "admin", "rmorales", "tove"]
WB_HOSTS = ["www.lwn-mirror.example.net", "blog.quarryhill.dev", "news.tidewater-post.com",
            "longreads.saltmarsh.org", "www.feuilleton-heute.de", "engineering.kestrelworks.io"]

WALLABAG_EVENTS = [
    ("notified", 'Notified event "<*>" to listener "<*>". {"event":"<*>","listener":"<*>"} []'),
    ("stmt", 'Executing statement: <*> (parameters: <*>, types: <*>) {"sql":"<*>","params":<*>,"types":<*>} []'),
    ("route", 'Matched route "<*>". {"route":"<*>","route_parameters":{"_route":"<*>","_controller":"<*>"},'
              '"request_uri":"<*>","method":"<*>"} []'),
    ("route_id", 'Matched route "<*>". {"route":"<*>","route_parameters":{"_route":"<*>","_controller":"<*>",'
                 '"id":"<*>"},"request_uri":"<*>","method":"<*>"} []'),
    ("guard", 'Checking for guard authentication credentials. {"firewall_key":"<*>","authenticators":<*>} []'),
    ("readtok", 'Read existing security token from the session. {"key":"_security_secured_area","token_class":"<*>"} []'),
    ("reload", 'User was reloaded from a user provider. {"provider":"FOS\\\\UserBundle\\\\Security\\\\UserProvider",'
               '"username":"<*>"} []'),
    ("fetch", 'Fetching url: <*> {"url":"<*>"} []'),
    ("trying", 'Trying using method "<*>" on url "<*>" {"method":"<*>","url":"<*>"} []'),
    ("siteconf", '. looking for site config for <*> in primary folder {"host":"<*>"} []'),
    ("begin", "Beginning transaction [] []"),
    ("commit", "Committing transaction [] []"),
    ("authok", 'User has been authenticated successfully. {"username":"<*>"} []'),
    ("authfail", 'Authentication request failed. {"exception":"[object] (<*>(code: 0): <*> at <*>:<*>)"} []'),
    ("uncaught", 'Uncaught PHP Exception <*>: "<*>" at <*> line <*> {"exception":"[object] (<*>(code: 0): <*> at <*>:<*>)"} []'),
]

WALLABAG_HEADER_RE = (r"\[(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00)\] "
                      r"(?:request|security|doctrine|graby|event|php|app|cache|console)\."
                      r"(?:DEBUG|INFO|NOTICE|WARNING|ERROR|CRITICAL|ALERT|EMERGENCY): ")


def wallabag_header(ln):
    y, mo, d, hh, mi, ss, frac, _ = parts(ln.ns)
    return "[%04d-%02d-%02dT%02d:%02d:%02d.%06d+00:00] %s.%s: " % (
        y, mo, d, hh, mi, ss, frac // US, ln.h["ch"], ln.h["lvl"])


def sql_dt(ns):
    y, mo, d, hh, mi, ss, _, _ = parts(ns)
    return "%04d-%02d-%02d %02d:%02d:%02d" % (y, mo, d, hh, mi, ss)


def gen_wallabag(rng):
    P = Picker(rng)
    counts = [("notified", 80), ("stmt", 48), ("route", 28), ("route_id", 22), ("readtok", 20),
              ("reload", 18), ("guard", 16), ("fetch", 14), ("trying", 12), ("siteconf", 10),
              ("begin", 9), ("commit", 8), ("authok", 6), ("authfail", 5), ("uncaught", 4)]
    stream = shuffle_stream(rng, counts, at(7, 18, 40) + rng.randrange(NS), 2200 * MS)
    listeners = [
        ("kernel.request", "Symfony\\Component\\HttpKernel\\EventListener\\DebugHandlersListener::configure"),
        ("kernel.request", "Symfony\\Component\\HttpKernel\\EventListener\\RouterListener::onKernelRequest"),
        ("kernel.request", "Symfony\\Component\\Security\\Http\\Firewall::onKernelRequest"),
        ("kernel.controller", "Symfony\\Bundle\\FrameworkBundle\\DataCollector\\RouterDataCollector::onKernelController"),
        ("kernel.request", "Wallabag\\CoreBundle\\EventListener\\LocaleListener::onKernelRequest"),
        ("kernel.response", "Symfony\\Component\\HttpKernel\\EventListener\\ResponseListener::onKernelResponse"),
        ("kernel.response", "Symfony\\Component\\Security\\Http\\RememberMe\\ResponseListener::onKernelResponse"),
        ("kernel.finish_request", "Symfony\\Component\\HttpKernel\\EventListener\\LocaleListener::onKernelFinishRequest"),
        ("kernel.terminate", "FOS\\UserBundle\\EventListener\\FlashListener::addSuccessFlash"),
        ("security.interactive_login", "Wallabag\\CoreBundle\\Event\\Listener\\UserLocaleListener::onInteractiveLogin"),
    ]
    routes = [("homepage", "Wallabag\\CoreBundle\\Controller\\EntryController::showUnreadAction", "/", "GET"),
              ("unread", "Wallabag\\CoreBundle\\Controller\\EntryController::showUnreadAction", "/unread/list", "GET"),
              ("starred", "Wallabag\\CoreBundle\\Controller\\EntryController::showStarredAction", "/starred/list", "GET"),
              ("archive", "Wallabag\\CoreBundle\\Controller\\EntryController::showArchiveAction", "/archive/list", "GET"),
              ("new_entry", "Wallabag\\CoreBundle\\Controller\\EntryController::addEntryFormAction", "/new-entry", "POST"),
              ("config", "Wallabag\\CoreBundle\\Controller\\ConfigController::indexAction", "/config", "GET"),
              ("fos_user_security_check", "FOS\\UserBundle\\Controller\\SecurityController::checkAction", "/login_check", "POST"),
              ("tag", "Wallabag\\CoreBundle\\Controller\\TagController::showTagAction", "/tag/list", "GET")]
    id_routes = [("view", "Wallabag\\CoreBundle\\Controller\\EntryController::viewAction", "/view/%s", "GET"),
                 ("archive_entry", "Wallabag\\CoreBundle\\Controller\\EntryController::toggleArchiveAction", "/archive/%s", "GET"),
                 ("star_entry", "Wallabag\\CoreBundle\\Controller\\EntryController::toggleStarAction", "/star/%s", "GET"),
                 ("edit", "Wallabag\\CoreBundle\\Controller\\EntryController::editEntryAction", "/edit/%s", "POST"),
                 ("delete_entry", "Wallabag\\CoreBundle\\Controller\\EntryController::deleteEntryAction", "/delete/%s", "GET"),
                 ("reload_entry", "Wallabag\\CoreBundle\\Controller\\EntryController::reloadAction", "/reload-entry/%s", "GET")]
    sqls = [
        ("SELECT t0.id AS id_1, t0.username AS username_2, t0.email AS email_3, t0.enabled AS enabled_4, t0.password AS password_5 FROM `wallabag_user` t0 WHERE t0.id = ?",
         lambda: ('{"1":%d}' % rng.randrange(1, 40), '{"1":1}')),
        ("SELECT w0_.id AS id_0, w0_.title AS title_1, w0_.url AS url_2, w0_.is_archived AS is_archived_3 FROM `wallabag_entry` w0_ WHERE w0_.user_id = ? AND w0_.is_archived = ? ORDER BY w0_.created_at DESC LIMIT 12",
         lambda: ('{"1":%d,"2":%d}' % (rng.randrange(1, 40), rng.randrange(2)), '{"1":1,"2":5}')),
        ("SELECT count(DISTINCT w0_.id) AS sclr_0 FROM `wallabag_entry` w0_ WHERE w0_.user_id = ? AND w0_.is_starred = ?",
         lambda: ('{"1":%d,"2":1}' % rng.randrange(1, 40), '{"1":1,"2":5}')),
        ("UPDATE `wallabag_entry` SET is_archived = ?, archived_at = ?, updated_at = ? WHERE id = ?",
         lambda: ('{"1":%s,"2":"%s","3":"%s","4":%d}' % (
             P.cyc(("stmt", "flag"), ["true", "false"]), sql_dt(T[0]), sql_dt(T[0]), rng.randrange(1000, 9000)),
                  '{"1":5,"2":2,"3":2,"4":1}')),
        ("SELECT t0.id AS id_1, t0.label AS label_2, t0.slug AS slug_3 FROM `wallabag_tag` t0 INNER JOIN `wallabag_entry_tag` ON t0.id = wallabag_entry_tag.tag_id WHERE wallabag_entry_tag.entry_id = ?",
         lambda: ('{"1":%d}' % rng.randrange(1000, 9000), '{"1":1}')),
        ("SELECT t0.id AS id_1, t0.name AS name_2, t0.value AS value_3 FROM `craue_config_setting` t0",
         lambda: ("[]", "[]")),
        ("DELETE FROM `wallabag_entry` WHERE id = ?",
         lambda: ('{"1":%d}' % rng.randrange(1000, 9000), '{"1":1}')),
    ]
    token_classes = ["Symfony\\Component\\Security\\Core\\Authentication\\Token\\UsernamePasswordToken",
                     "Symfony\\Component\\Security\\Core\\Authentication\\Token\\RememberMeToken",
                     "Symfony\\Component\\Security\\Guard\\Token\\PostAuthenticationGuardToken"]
    authfails = [("Symfony\\Component\\Security\\Core\\Exception\\BadCredentialsException", "Bad credentials.",
                  "/var/www/wallabag/vendor/symfony/symfony/src/Symfony/Component/Security/Core/Authentication/Provider/UserAuthenticationProvider.php", "84"),
                 ("Symfony\\Component\\Security\\Core\\Exception\\UsernameNotFoundException", 'Username \\"%s\\" does not exist.',
                  "/var/www/wallabag/vendor/friendsofsymfony/user-bundle/Security/UserProvider.php", "55"),
                 ("Symfony\\Component\\Security\\Core\\Exception\\DisabledException", "User account is disabled.",
                  "/var/www/wallabag/vendor/symfony/symfony/src/Symfony/Component/Security/Core/User/UserChecker.php", "51")]
    uncaught = [("Symfony\\Component\\HttpKernel\\Exception\\NotFoundHttpException", 'No route found for "GET %s"',
                 "/var/www/wallabag/vendor/symfony/symfony/src/Symfony/Component/HttpKernel/EventListener/RouterListener.php",
                 "139", "request", "ERROR"),
                ("Symfony\\Component\\HttpKernel\\Exception\\NotFoundHttpException",
                 "Wallabag\\CoreBundle\\Entity\\Entry object not found by the @ParamConverter annotation.",
                 "/var/www/wallabag/vendor/sensio/framework-extra-bundle/src/Request/ParamConverter/DoctrineParamConverter.php",
                 "63", "request", "ERROR"),
                ("Doctrine\\DBAL\\Exception\\DriverException",
                 "An exception occurred while executing a query: SQLSTATE[HY000]: General error: 1205 Lock wait timeout exceeded; try restarting transaction",
                 "/var/www/wallabag/vendor/doctrine/dbal/src/Driver/API/MySQL/ExceptionConverter.php",
                 "117", "request", "CRITICAL"),
                ("Symfony\\Component\\Security\\Core\\Exception\\AccessDeniedException", "Access Denied.",
                 "/var/www/wallabag/vendor/symfony/symfony/src/Symfony/Component/Security/Http/Firewall/AccessListener.php",
                 "104", "request", "ERROR")]
    T = [0]
    junk_paths = ["/favicon.png", "/apple-touch-icon.png", "/wp-admin/setup-config.php", "/.well-known/traffic-advice"]
    lines = []
    for t, k in stream:
        T[0] = t
        L = lambda vals, ch, lvl: lines.append(Line(t, k, vals, ch=ch, lvl=lvl))
        if k == "notified":
            ev, lis = P.cyc((k, "listener"), listeners)
            L([ev, lis, ev, json_str(lis)], "event", "DEBUG")
        elif k == "stmt":
            sql, pf = P.cyc((k, "sql"), sqls)
            params, types = pf()
            L([sql, "array" + params if params != "[]" else "array{}",
               "array" + types if types != "[]" else "array{}", json_str(sql), params, types], "doctrine", "DEBUG")
        elif k == "route":
            name, ctrl, path, meth = P.cyc((k, "route"), routes)
            L([name, name, name, json_str(ctrl), WB_HOST + path, meth], "request", "INFO")
        elif k == "route_id":
            name, ctrl, path, meth = P.cyc((k, "route"), id_routes)
            eid = str(rng.randrange(1200, 9800))
            L([name, name, name, json_str(ctrl), eid, WB_HOST + path % eid, meth], "request", "INFO")
        elif k == "guard":
            fw = P.cyc((k, "fw"), ["secured_area", "secured_area", "api", "wsse_secured"])
            L([fw, P.cyc((k, "n"), ["1", "2"])], "security", "DEBUG")
        elif k == "readtok":
            L([json_str(P.cyc((k, "cls"), token_classes))], "security", "DEBUG")
        elif k == "reload":
            L([P.cyc((k, "user"), WB_USERS)], "security", "DEBUG")
        elif k == "authok":
            L([P.cyc((k, "user"), WB_USERS)], "security", "INFO")
        elif k in ("fetch", "trying", "siteconf"):
            host = P.cyc((k, "host"), WB_HOSTS)
            slug = P.cyc((k, "slug"), ["2026/03/the-slow-web-manifesto", "posts/rust-async-cancellation",
                                       "article/%d" % rng.randrange(10000, 99999), "p/why-we-left-kubernetes",
                                       "stories/harbour-town-%s" % P.hexs(4)])
            url = "https://%s/%s" % (host, slug)
            if k == "fetch":
                L([url, url], "graby", "INFO")
            elif k == "trying":
                m = P.cyc((k, "method"), ["get", "head", "get"])
                L([m, url, m, url], "graby", "INFO")
            else:
                L([host, host], "graby", "DEBUG")
        elif k in ("begin", "commit"):
            L([], "doctrine", "DEBUG")
        elif k == "authfail":
            cls, msg, f, ln = P.cyc((k, "exc"), authfails)
            if "%s" in msg:
                msg = msg % P.cyc((k, "who"), ["jbroks", "administrator", "nadia@cobaltheron.org", "test"])
            L([json_str(cls), msg, f, ln], "security", "INFO")
        elif k == "uncaught":
            cls, msg, f, ln, ch, lvl = P.cyc((k, "exc"), uncaught)
            if "%s" in msg:
                msg = msg % P.cyc((k, "path"), junk_paths)
            L([cls, msg, f, ln, json_str(cls), json_str(msg), f, ln], ch, lvl)
    return lines


# =============================================================== 3 ========
# Bitwarden self-hosted (.NET, Serilog "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj}")

BW_HOST = "https://vault.haldor-systems.net"

BITWARDEN_EVENTS = [
    ("rs_get", "Request starting HTTP/1.1 GET <*> - -"),
    ("rs_post", "Request starting HTTP/1.1 POST <*> <*> <*>"),
    ("rf_get", "Request finished HTTP/1.1 GET <*> - - - <*> - <*> <*>"),
    ("rf_post", "Request finished HTTP/1.1 POST <*> <*> <*> - <*> <*> <*> <*>"),
    ("ep_start", "Executing endpoint '<*>'"),
    ("ep_end", "Executed endpoint '<*>'"),
    ("route", 'Route matched with {action = "<*>", controller = "<*>"}. Executing controller action with '
              'signature <*> on controller <*> (<*>).'),
    ("action", "Executed action <*> in <*>"),
    ("loginfail", "Failed login attempt. Is2FARequest: <*> IpAddress: <*>"),
    ("job_start", "Execute job task: <*>: Start"),
    ("job_end", "Execute job task: <*>: End"),
    ("unhandled", 'Connection id "<*>", Request id "<*>": An unhandled exception was thrown by the application.'),
    ("mailfail", "Failed to send email to <*>: <*>"),
    ("bearer", "Bearer was not authenticated. Failure message: <*>"),
    ("tokok", "Successfully validated the token."),
]

BITWARDEN_HEADER_RE = (r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \+00:00) "
                       r"\[(?:VRB|DBG|INF|WRN|ERR|FTL)\] ")


def bitwarden_header(ln):
    y, mo, d, hh, mi, ss, frac, _ = parts(ln.ns)
    return "%04d-%02d-%02d %02d:%02d:%02d.%03d +00:00 [%s] " % (y, mo, d, hh, mi, ss, frac // MS, ln.h["lvl"])


def gen_bitwarden(rng):
    P = Picker(rng)
    counts = [("rs_get", 66), ("rs_post", 20), ("rf_get", 50), ("rf_post", 18), ("ep_start", 30),
              ("ep_end", 28), ("route", 25), ("action", 24), ("loginfail", 6), ("job_start", 8),
              ("job_end", 7), ("unhandled", 4), ("mailfail", 3), ("bearer", 5), ("tokok", 6)]
    stream = shuffle_stream(rng, counts, at(14, 3, 11) + rng.randrange(NS), 1700 * MS)
    gets = ["/api/sync?excludeDomains=true", "/api/accounts/revision-date", "/api/config", "/alive",
            "/api/ciphers/{g}", "/api/folders", "/notifications/hub?access_token={t}", "/api/accounts/profile",
            "/icons/{d}/icon.png", "/api/organizations/{g}/users?includeGroups=true"]
    posts = [("/identity/connect/token", "application/x-www-form-urlencoded"),
             ("/identity/accounts/prelogin", "application/json"),
             ("/api/ciphers", "application/json"),
             ("/api/devices/identifier/{g}/token", "application/json"),
             ("/notifications/hub/negotiate?negotiateVersion=1", "text/plain;charset=UTF-8"),
             ("/api/two-factor/get-authenticator", "application/json")]
    icon_domains = ["github.com", "news.ycombinator.com", "login.microsoftonline.com", "accounts.google.com",
                    "app.fastmail.com", "id.atlassian.com"]

    def url_get(with_path=False):
        p = P.cyc(("get", "path"), gets)
        if with_path:
            return p, url_get_of(p)
        return url_get_of(p)

    def url_get_of(p):
        return BW_HOST + p.replace("{g}", P.uuid()).replace("{t}", P.alnum(24)).replace(
            "{d}", P.cyc(("get", "icon"), icon_domains))

    actions = [
        ("Get", "Sync", "System.Threading.Tasks.Task`1[Bit.Api.Vault.Models.Response.SyncResponseModel] Get(Boolean)",
         "Bit.Api.Vault.Controllers.SyncController", "Api"),
        ("GetAccountRevisionDate", "Accounts", "System.Threading.Tasks.Task`1[System.Nullable`1[System.Int64]] GetAccountRevisionDate()",
         "Bit.Api.Auth.Controllers.AccountsController", "Api"),
        ("Post", "Ciphers", "System.Threading.Tasks.Task`1[Bit.Api.Vault.Models.Response.CipherResponseModel] Post(Bit.Api.Vault.Models.Request.CipherRequestModel)",
         "Bit.Api.Vault.Controllers.CiphersController", "Api"),
        ("PostPrelogin", "Accounts", "System.Threading.Tasks.Task`1[Bit.Core.Auth.Models.Api.Response.Accounts.PreloginResponseModel] PostPrelogin(Bit.Core.Auth.Models.Api.Request.Accounts.PreloginRequestModel)",
         "Bit.Identity.Controllers.AccountsController", "Identity"),
        ("GetConfigs", "Config", "Bit.Api.Models.Response.ConfigResponseModel GetConfigs()",
         "Bit.Api.Controllers.ConfigController", "Api"),
        ("Get", "Folders", "System.Threading.Tasks.Task`1[Bit.Api.Models.Response.ListResponseModel`1[Bit.Api.Vault.Models.Response.FolderResponseModel]] Get()",
         "Bit.Api.Vault.Controllers.FoldersController", "Api"),
        ("Get", "Icons", "System.Threading.Tasks.Task`1[Microsoft.AspNetCore.Mvc.IActionResult] Get(System.String)",
         "Bit.Icons.Controllers.IconsController", "Icons"),
    ]
    jobs = ["DeleteSendsJob", "DatabaseExpiredGrantsJob", "DatabaseUpdateStatisticsJob", "DeleteCiphersJob",
            "ValidateOrganizationsJob", "DatabaseRebuildlIndexesJob", "AliveJob"]
    mails = ["ops@haldor-systems.net", "j.vermeulen@haldor-systems.net", "lena.marsh@fastpostbox.example",
             "it-admin@kleinwerk.example"]
    mailerr = ["Unable to connect to the remote server",
               "5.7.1 Client was not authenticated to send anonymous mail during MAIL FROM",
               "The operation has timed out.",
               "MailKit.Security.AuthenticationException: 535: 5.7.8 Username and Password not accepted"]
    lines = []
    for t, k in stream:
        L = lambda vals, lvl: lines.append(Line(t, k, vals, lvl=lvl))
        if k == "rs_get":
            L([url_get()], "INF")
        elif k == "rs_post":
            p, ct = P.cyc(("post", "path"), posts)
            L([BW_HOST + p.replace("{g}", P.uuid()), ct, rng.randrange(2, 2400)], "INF")
        elif k == "rf_get":
            p, url = url_get(True)
            if p.startswith("/icons/"):
                st = P.cyc((k, "icon_status"), ["200", "304", "200", "404"])
                ct = {"200": "image/png", "304": "-", "404": "text/plain"}[st]
                d = dur_ms4(rng, 0.3, 900)
            elif p == "/alive":
                st, ct, d = "200", "text/plain;+charset=utf-8", dur_ms4(rng, 0.2, 3)
            else:
                st = P.cyc((k, "status"), ["200", "200", "200", "200", "401", "200", "200", "404"])
                ct = "application/json;+charset=utf-8"
                d = dur_ms4(rng, 1.5, 240)
            L([url, st, ct, d], "INF")
        elif k == "rf_post":
            p, ct = P.cyc(("post", "path"), posts)
            st = P.cyc((k, "status"), ["200", "200", "400", "200", "204"])
            rl = "0" if st == "204" else str(rng.randrange(40, 5200))
            rct = "-" if st == "204" else "application/json;+charset=utf-8"
            L([BW_HOST + p.replace("{g}", P.uuid()), ct, rng.randrange(2, 2400), st, rl, rct,
               dur_ms4(rng, 2, 900)], "INF")
        elif k in ("ep_start", "ep_end"):
            a = P.cyc((k, "act"), actions)
            L(["%s.%s (%s)" % (a[3], a[0], a[4])], "INF")
        elif k == "route":
            a = P.cyc((k, "act"), actions)
            L(list(a), "INF")
        elif k == "action":
            a = P.cyc((k, "act"), actions)
            L(["%s.%s (%s)" % (a[3], a[0], a[4]), dur_ms4(rng, 0.8, 600)], "INF")
        elif k == "loginfail":
            L([P.cyc((k, "2fa"), ["False", "True", "False"]), P.ip()], "WRN")
        elif k in ("job_start", "job_end"):
            L([P.cyc((k, "job"), jobs)], "INF")
        elif k == "unhandled":
            cid = "0HN" + P.alnum(10, "0123456789ABCDEFGHIJKLMNOPQRSTUV")
            L([cid, "%s:%08X" % (cid, rng.randrange(1, 40))], "ERR")
        elif k == "mailfail":
            L([P.cyc((k, "to"), mails), P.cyc((k, "err"), mailerr)], "ERR")
        elif k == "bearer":
            kind = P.cyc((k, "kind"), [0, 1, 2])
            if kind == 0:
                msg = ("IDX10223: Lifetime validation failed. The token is expired. ValidTo (UTC): '%s', "
                       "Current time (UTC): '%s'." % (us_date(t - rng.randrange(60, 7200) * NS), us_date(t)))
            elif kind == 1:
                msg = ("IDX10503: Signature validation failed. Token does not have a kid. Keys tried: "
                       "'System.Text.StringBuilder'. Number of keys in TokenValidationParameters: '1'.")
            else:
                msg = ("IDX10214: Audience validation failed. Audiences: 'System.String'. Did not match: "
                       "validationParameters.ValidAudience: 'api' or validationParameters.ValidAudiences: 'null'.")
            L([msg], "INF")
        elif k == "tokok":
            L([], "DBG")
    return lines


# =============================================================== 4 ========
# Lemmy (Rust, tracing-subscriber fmt default: "<rfc3339>Z LEVEL spans: target: message")

LEMMY_SELF = "lemmy.saltwindow.social"
LEMMY_PEERS = ["lemmy.ml", "beehaw.org", "feddit.de", "sh.itjust.works", "lemm.ee", "programming.dev",
               "lemmy.world", "midwest.social", "discuss.tchncs.de", "infosec.pub", "lemmy.ca",
               "slrpnk.net", "lemmy.dbzer0.com", "aussie.zone", "reddthat.com", "lemmy.sdf.org",
               "fedia.io", "kbin.social", "mander.xyz", "lemmy.blahaj.zone"]

LEMMY_EVENTS = [
    ("aggr", "Updating active site and community aggregates ..."),
    ("done", "Done."),
    ("hot", "Finished process_hot_ranks_in_batches execution for <*> (processed <*> rows)"),
    ("clear", "Clearing old activities..."),
    ("fedsum", "Federating to <*>/<*> instances (<*> dead, <*> disallowed)"),
    ("wstart", "Federation worker for <*> started"),
    ("wstop", "Federation worker for <*> stopped"),
    ("retry", "<*>: retrying ActivityId(<*>) attempt <*> with delay <*>. (<*>)"),
    ("caught", "<*>: caught up to ActivityId(<*>) after sending <*> activities"),
    ("reqerr", "Error encountered while processing the incoming HTTP request: <*>"),
    ("sigfail", "Failed to verify HTTP signature of <*>: <*>"),
    ("imgfail", "Failed to proxy image <*>: <*>"),
    ("fetchfail", "Failed to fetch remote object <*>: <*>"),
    ("pool", "Database pool timed out after <*> waiting for a connection"),
]

LEMMY_HEADER_RE = (r"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z) (?:TRACE|DEBUG| INFO| WARN|ERROR) "
                   r"(?:HTTP request\{http\.method=[A-Z]+ http\.scheme=\"https\" http\.host=[a-z0-9.-]+ "
                   r"http\.target=\S+ otel\.kind=\"server\" request_id=[0-9a-f-]{36}\}: )?"
                   r"[a-z_][a-z0-9_]*(?:::[a-z0-9_]+)*: ")


def lemmy_header(ln):
    y, mo, d, hh, mi, ss, frac, _ = parts(ln.ns)
    s = "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ %5s " % (y, mo, d, hh, mi, ss, frac // US, ln.h["lvl"])
    if ln.h.get("span"):
        m, tgt, rid = ln.h["span"]
        s += ('HTTP request{http.method=%s http.scheme="https" http.host=%s http.target=%s '
              'otel.kind="server" request_id=%s}: ' % (m, LEMMY_SELF, tgt, rid))
    return s + ln.h["target"] + ": "


def gen_lemmy(rng):
    P = Picker(rng)
    sim = Sim()
    act = [31_884_000 + rng.randrange(20000)]
    start = at(3, 27, 52) + rng.randrange(NS)
    horizon = start + 90 * 60 * NS

    def L(ev, vals, lvl, target, span=None):
        return Line(0, ev, vals, lvl=lvl, target=target, span=span)

    ST = "lemmy_server::scheduled_tasks"

    # scheduled tasks
    t = start + rng.randrange(20 * NS, 60 * NS)
    while t < horizon:
        sim.emit(t, L("aggr", [], "INFO", ST))
        t2 = t + rng.randrange(200, 4000) * MS
        sim.emit(t2, L("done", [], "INFO", ST))
        t += int(rng.uniform(170, 200) * NS)
    t = start + rng.randrange(60 * NS, 120 * NS)
    while t < horizon:
        for tbl in ("post", "comment", "community"):
            t += rng.randrange(300, 9000) * MS
            sim.emit(t, L("hot", [tbl, rng.randrange(40, 18000)], "INFO", ST))
        t += int(rng.uniform(280, 320) * NS)
    t = start + rng.randrange(90 * NS, 200 * NS)
    while t < horizon:
        sim.emit(t, L("clear", [], "INFO", ST))
        sim.emit(t + rng.randrange(500, 6000) * MS, L("done", [], "INFO", ST))
        t += int(rng.uniform(230, 260) * NS)
    # federation summary
    total = 2870 + rng.randrange(60)
    t = start + rng.randrange(10 * NS)
    while t < horizon:
        dead = 412 + rng.randrange(-3, 4)
        dis = P.cyc(("fedsum", "dis"), ["17", "17", "18"])
        total += rng.randrange(0, 2)
        sim.emit(t, L("fedsum", [total - dead - int(dis), total, dead, dis], "INFO", "lemmy_federate"))
        t += 60 * NS + rng.randrange(-200, 200) * MS
    # federation workers, one per peer
    reasons = [
        lambda d, t: "Request error: error sending request for url (https://%s/inbox): operation timed out" % d,
        lambda d, t: "Queueing activity for retry after failure with status 502 Bad Gateway",
        lambda d, t: "Request error: error sending request for url (https://%s/inbox): error trying to connect: "
                     "dns error: failed to lookup address information: Name or service not known" % d,
        lambda d, t: "Received 429 Too Many Requests, retry after %s" % http_date(t + rng.randrange(30, 600) * NS),
        lambda d, t: "Request error: error sending request for url (https://%s/inbox): error trying to connect: "
                     "tcp connect error: Connection refused (os error 111)" % d,
    ]
    peers = list(LEMMY_PEERS)
    rng.shuffle(peers)
    for i, dom in enumerate(peers):
        flaky = i % 3 == 0
        t = start + rng.randrange(0, 20 * 60 * NS)
        sim.emit(t, L("wstart", [dom], "INFO", "lemmy_federate::worker"))
        end = t + rng.randrange(2 * 60 * NS, 30 * 60 * NS)
        attempt = 0
        while t < min(end, horizon):
            if flaky and rng.random() < 0.75:
                attempt += 1
                delay = "%.2fs" % (20.0 * 2 ** min(attempt - 1, 6))
                r = P.cyc(("retry", "reason"), reasons)(dom, t)
                sim.emit(t, L("retry", [dom, act[0] + rng.randrange(5000), attempt, delay, r], "WARN",
                              "lemmy_federate::worker"))
                t += int(float(delay[:-1]) * NS) + rng.randrange(NS)
            else:
                attempt = 0
                sim.emit(t, L("caught", [dom, act[0] + rng.randrange(6000, 9000), rng.randrange(1, 400)],
                              "INFO", "lemmy_federate::worker"))
                t += rng.randrange(60, 240) * NS
        if end < horizon:
            sim.emit(end, L("wstop", [dom], "INFO", "lemmy_federate::worker"))
    # incoming HTTP requests that end in warnings
    reqerrs = ["couldnt_find_object", "not_a_mod_or_admin", "rate_limit_error", "incorrect_login",
               "couldnt_find_community", "site_ban", "invalid_url", "person_is_blocked"]
    targets_api = ["/api/v3/post/list?sort=Hot&type_=All&page=%d", "/api/v3/comment/list?post_id=%d",
                   "/api/v3/user/login", "/api/v3/community?name=%s", "/api/v3/post/like",
                   "/api/v3/resolve_object?q=https%%3A%%2F%%2Flemmy.ml%%2Fpost%%2F%d"]
    t = start
    while t < horizon:
        t += 1 + int(rng.expovariate(1.0) * 14 * NS)
        rid = P.uuid()
        kind = rng.choices(["api", "inbox", "img", "resolve", "pool"], [60, 18, 10, 10, 0])[0]
        if kind == "api":
            tgt = P.cyc(("reqerr", "tgt"), targets_api)
            if "name=%s" in tgt:
                tgt = tgt % P.cyc(("reqerr", "comm"), ["selfhosted", "linux_gaming", "fountainpens", "askscience",
                                                        "bikewrench", "localllama"])
            elif "page=%d" in tgt:
                tgt = tgt % rng.randrange(1, 40)
            elif "%d" in tgt:
                tgt = tgt % rng.randrange(100, 900000)
            meth = "POST" if tgt in ("/api/v3/user/login", "/api/v3/post/like") else "GET"
            sim.emit(t, L("reqerr", [P.cyc(("reqerr", "e"), reqerrs)], "WARN", "lemmy_server::root_span_builder",
                          (meth, tgt, rid)))
        elif kind == "inbox":
            actor = "https://%s/u/%s" % (P.cyc(("sig", "dom"), LEMMY_PEERS),
                                         P.cyc(("sig", "user"), ["ghostweaver", "moss_and_ferns", "b3ck",
                                                                 "quietotter", "lindenleaf"]))
            why = P.cyc(("sig", "why"), ["Signature is expired", "Signature is invalid",
                                         "Failed to fetch public key: 410 Gone",
                                         "Incoming activity has invalid digest for body"])
            span = ("POST", "/inbox", rid)
            sim.emit(t, L("sigfail", [actor, why], "WARN", "activitypub_federation::http_signatures", span))
            sim.emit(t + rng.randrange(100, 900) * US,
                     L("reqerr", [P.cyc(("reqerr", "inbox"), ["Unauthorized", "actor_is_gone"])], "WARN",
                       "lemmy_server::root_span_builder", span))
        elif kind == "img":
            src = "https://%s/pictrs/image/%s.%s" % (P.cyc(("img", "dom"), LEMMY_PEERS), P.uuid(),
                                                     P.cyc(("img", "ext"), ["webp", "jpeg", "png"]))
            why = P.cyc(("img", "why"), ["Upstream returned 404 Not Found", "Request timed out after 10s",
                                         "Image too large (max 10 MB)", "Unsupported media type image/avif"])
            tgt = "/api/v3/image_proxy?url=%s" % src.replace(":", "%3A").replace("/", "%2F")
            sim.emit(t, L("imgfail", [src, why], "WARN", "lemmy_routes::images", ("GET", tgt, rid)))
        elif kind == "resolve":
            obj = "https://%s/post/%d" % (P.cyc(("fetch", "dom"), LEMMY_PEERS), rng.randrange(100, 9000000))
            why = P.cyc(("fetch", "why"), ["410 Gone", "Object is not public", "Response body limit was reached",
                                           "Domain is blocked", "invalid type: string, expected a sequence"])
            tgt = "/api/v3/resolve_object?q=%s" % obj.replace(":", "%3A").replace("/", "%2F")
            span = ("GET", tgt, rid)
            sim.emit(t, L("fetchfail", [obj, why], "WARN", "lemmy_apub::fetcher", span))
            sim.emit(t + rng.randrange(100, 900) * US,
                     L("reqerr", ["couldnt_find_object"], "WARN", "lemmy_server::root_span_builder", span))
        else:
            sim.emit(t, L("pool", [P.cyc(("pool", "d"), ["30s", "5s", "30s"])], "ERROR", "lemmy_db_schema::utils"))
    # database pool exhaustion, in short bursts
    t = start + rng.randrange(30 * NS, 120 * NS)
    while t < horizon:
        for _ in range(rng.randrange(1, 3)):
            t += rng.randrange(5, 3000) * MS
            sim.emit(t, L("pool", [P.cyc(("pool", "d"), ["30s", "5s", "30s"])], "ERROR", "lemmy_db_schema::utils"))
        t += 1 + int(rng.expovariate(1.0) * 4 * 60 * NS)
    return sim.lines()


# =============================================================== 5 ========
# Meilisearch (Rust, env_logger default "[<ts>Z LEVEL target] message", actix Logger access lines)

MEILI_INDEXES = ["products", "recipes", "docs_en", "movies", "support_tickets", "places"]
MEILI_UA = ["Meilisearch JavaScript (v0.38.0)", "Meilisearch Python (v0.31.1)", "Meilisearch PHP (v1.6.1)",
            "curl/8.5.0", "Go-http-client/1.1", "Meilisearch Rust (v0.24.3)",
            "Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0"]

MEILI_ACCESS = '<*> "%s <*> HTTP/1.1" <*> <*> "-" "<*>" <*>'
MEILISEARCH_EVENTS = [
    ("get", MEILI_ACCESS % "GET"),
    ("post", MEILI_ACCESS % "POST"),
    ("delete", MEILI_ACCESS % "DELETE"),
    ("patch", MEILI_ACCESS % "PATCH"),
    ("batch", "Processing batch <*> with <*> task(s): <*>"),
    ("indexed", "Indexed <*> documents into `<*>` in <*>"),
    ("ok", "A batch of tasks was successfully completed."),
    ("failed", "Batch failed <*>"),
    ("dstart", "Dump <*> creation started"),
    ("dend", "Dump <*> creation finished"),
    ("stream", "stream error: <*>"),
    ("cancel", "Task <*> was canceled by task <*>"),
]

MEILISEARCH_HEADER_RE = (r"\[(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ) (?:ERROR|WARN |INFO |DEBUG|TRACE) "
                         r"[a-z_][a-z0-9_]*(?:::[a-z0-9_]+)*\] ")


def meili_header(ln):
    y, mo, d, hh, mi, ss, _, _ = parts(ln.ns)
    return "[%04d-%02d-%02dT%02d:%02d:%02dZ %-5s %s] " % (y, mo, d, hh, mi, ss, ln.h["lvl"], ln.h["target"])


def gen_meilisearch(rng):
    P = Picker(rng)
    sim = Sim()
    task = [18_240 + rng.randrange(400)]
    batch = [9_310 + rng.randrange(200)]
    start = at(16, 51, 3) + rng.randrange(NS)
    horizon = start + 60 * 60 * NS
    AX = "actix_web::middleware::logger"
    IS = "index_scheduler"

    def acc(ev, ip, path, st, size, ua, secs):
        return Line(0, ev, [ip, path, st, size, ua, "%.6f" % secs], lvl="INFO", target=AX)

    clients = [P.ip() for _ in range(5)]

    def client():
        return P.cyc(("acc", "ip"), clients)

    def process(t, kind, index, ntasks, fail_msg=None, docs=None, cancel_of=None):
        batch[0] += 1
        sim.emit(t, Line(0, "batch", [batch[0], ntasks, kind], lvl="INFO", target=IS))
        t += rng.randrange(2, 60) * MS
        if cancel_of is not None:
            sim.emit(t, Line(0, "cancel", [cancel_of, task[0]], lvl="WARN", target=IS))
        if kind == "dumpCreation":
            uid = "%s-%03d" % (fmt_compact(t), rng.randrange(1000))
            sim.emit(t, Line(0, "dstart", [uid], lvl="INFO", target="index_scheduler::dump"))
            t += rng.randrange(800, 20000) * MS
            sim.emit(t, Line(0, "dend", [uid], lvl="INFO", target="index_scheduler::dump"))
        if fail_msg:
            t += rng.randrange(5, 900) * MS
            sim.emit(t, Line(0, "failed", [fail_msg], lvl="ERROR", target=IS))
            return
        if docs:
            d = rng.uniform(0.02, 14.0)
            t += int(d * NS)
            sim.emit(t, Line(0, "indexed", [docs, index, "%.2fs" % d if d >= 1 else "%dms" % int(d * 1000)],
                             lvl="INFO", target="milli::update::index_documents"))
        t += rng.randrange(1, 200) * MS
        sim.emit(t, Line(0, "ok", [], lvl="INFO", target=IS))

    fails = ["Index `%s` not found.", "Document doesn't have a `id` attribute: `{\"title\":\"Untitled\",\"price\":0}`.",
             "The primary key inference failed as the engine did not find any field ending with `id` in its name. Please specify the primary key manually using the `primaryKey` query parameter.",
             "Payload size is too large: the maximum size is 100 MB.",
             "Document identifier `%s` is invalid. A document identifier can be of type integer or string, only composed of alphanumeric characters (a-z A-Z 0-9), hyphens (-) and underscores (_)."]

    t = start
    while t < horizon:
        t += 1 + int(rng.expovariate(1.0) * 1.6 * NS)
        idx = P.cyc(("req", "idx"), MEILI_INDEXES)
        ua = P.cyc(("req", "ua"), MEILI_UA)
        kind = rng.choices(["search", "get", "docs", "del", "settings", "dump", "cancel"],
                           [60, 22, 7, 3, 4, 0, 2])[0]
        if kind == "search":
            st = P.cyc(("post", "st"), ["200"] * 9 + ["400"])
            sim.emit(t, acc("post", client(), "/indexes/%s/search" % idx, st, rng.randrange(180, 24000) if st == "200" else 312,
                            ua, rng.uniform(0.0004, 0.09)))
        elif kind == "get":
            p = P.cyc(("get", "path"), ["/health", "/indexes/%s/documents/%d", "/tasks/%d", "/indexes/%s/stats",
                                        "/version", "/indexes/%s/search?q=%s", "/stats"])
            if p.count("%") == 2 and "search" in p:
                p = p % (idx, P.cyc(("get", "q"), ["lentil", "usb-c+hub", "berlin", "refund", "dune"]))
            elif p.count("%") == 2:
                p = p % (idx, rng.randrange(1, 90000))
            elif "%d" in p:
                p = p % rng.randrange(task[0] - 300, task[0])
            elif "%s" in p:
                p = p % idx
            st = P.cyc(("get", "st"), ["200"] * 6 + ["404"])
            size = rng.randrange(20, 9000) if st == "200" else rng.randrange(95, 140)
            sim.emit(t, acc("get", client(), p, st, size, ua, rng.uniform(0.00004, 0.02)))
        elif kind == "docs":
            task[0] += 1
            sim.emit(t, acc("post", client(), "/indexes/%s/documents" % idx, "202", rng.randrange(130, 150),
                            ua, rng.uniform(0.002, 0.6)))
            nd = rng.randrange(1, 25000)
            tt = t + rng.randrange(20, 900) * MS
            if rng.random() < 0.25:
                m = P.cyc(("failed", "msg"), fails)
                if "`%s`" in m and "Index" in m:
                    m = m % idx
                elif "%s" in m:
                    m = m % P.cyc(("failed", "docid"), ["sku#4471", "2026/03/14", "ü-42"])
                process(tt, "documentAdditionOrUpdate", idx, rng.randrange(1, 4), fail_msg=m)
            else:
                process(tt, "documentAdditionOrUpdate", idx, rng.randrange(1, 12), docs=nd)
        elif kind == "del":
            task[0] += 1
            st = P.cyc(("delete", "st"), ["202", "202", "202", "404"])
            p = P.cyc(("delete", "path"), ["/indexes/%s/documents/%d", "/indexes/%s/documents", "/tasks?statuses=succeeded"])
            p = p % (idx, rng.randrange(1, 90000)) if p.count("%") == 2 else (p % idx if "%s" in p else p)
            sim.emit(t, acc("delete", client(), p, st, rng.randrange(130, 150), ua, rng.uniform(0.001, 0.05)))
            if st == "202":
                process(t + rng.randrange(20, 900) * MS,
                        "taskDeletion" if p.startswith("/tasks") else "documentDeletion", idx, 1)
        elif kind == "settings":
            task[0] += 1
            st = P.cyc(("patch", "st"), ["202", "202", "400"])
            sub = P.cyc(("patch", "sub"), ["", "/synonyms", "/filterable-attributes", "/ranking-rules", "/typo-tolerance"])
            sim.emit(t, acc("patch", client(), "/indexes/%s/settings%s" % (idx, sub), st,
                            rng.randrange(120, 400), ua, rng.uniform(0.001, 0.05)))
            if st == "202":
                process(t + rng.randrange(20, 900) * MS, "settingsUpdate", idx, 1)
        elif kind == "dump":
            task[0] += 1
            sim.emit(t, acc("post", client(), "/dumps", "202", rng.randrange(110, 130), ua, rng.uniform(0.001, 0.02)))
            process(t + rng.randrange(20, 900) * MS, "dumpCreation", idx, 1)
        else:
            victim = task[0] - rng.randrange(1, 5)
            task[0] += 1
            sim.emit(t, acc("post", client(), "/tasks/cancel?uids=%d" % victim, "202", rng.randrange(110, 130),
                            ua, rng.uniform(0.001, 0.02)))
            process(t + rng.randrange(20, 400) * MS, "taskCancelation", idx, 1, cancel_of=victim)
    t = start + rng.randrange(10 * NS, 40 * NS)
    while t < horizon:  # backup cron asking for a dump
        task[0] += 1
        sim.emit(t, acc("post", "127.0.0.1", "/dumps", "202", rng.randrange(110, 130), "curl/8.5.0",
                        rng.uniform(0.001, 0.02)))
        process(t + rng.randrange(20, 900) * MS, "dumpCreation", "-", 1)
        t += int(rng.uniform(75, 95) * NS)
    t = start
    while t < horizon:
        t += 1 + int(rng.expovariate(1.0) * 55 * NS)
        why = P.cyc(("stream", "why"), ["request parse error: invalid Header provided",
                                        "payload error: stream is incomplete", "Connection reset by peer (os error 104)",
                                        "request parse error: invalid Method specified"])
        sim.emit(t, Line(0, "stream", [why], lvl="WARN", target="actix_http::h1::dispatcher"))
    return sim.lines()


def fmt_compact(ns):
    y, mo, d, hh, mi, ss, frac, _ = parts(ns)
    return "%04d%02d%02d-%02d%02d%02d%03d" % (y, mo, d, hh, mi, ss, frac // MS)


# =============================================================== 6 ========
# Strapi v4 (Node, winston console "[YYYY-MM-DD HH:mm:ss.SSS] level: message")

STRAPI_EVENTS = [
    ("get", "GET <*> (<*> ms) <*>"),
    ("post", "POST <*> (<*> ms) <*>"),
    ("put", "PUT <*> (<*> ms) <*>"),
    ("delete", "DELETE <*> (<*> ms) <*>"),
    ("forbidden", "Forbidden access"),
    ("undef", "Cannot read properties of undefined (reading '<*>')"),
    ("insert", 'insert into "<*>" (<*>) values (<*>) returning "id" - <*>'),
    ("webhook", 'Webhook "<*>" to <*> failed with status <*>'),
    ("mailok", "Email sent to <*> (template: <*>)"),
    ("mailfail", "Failed to send email to <*>: <*>"),
    ("cronstart", 'Cron task "<*>" started'),
    ("cronend", 'Cron task "<*>" finished'),
    ("upload", "Could not generate responsive formats for <*>: <*>"),
]

STRAPI_HEADER_RE = r"\[(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})\] (?:error|warn|info|http|verbose|debug|silly): "


def strapi_header(ln):
    y, mo, d, hh, mi, ss, frac, _ = parts(ln.ns)
    return "[%04d-%02d-%02d %02d:%02d:%02d.%03d] %s: " % (y, mo, d, hh, mi, ss, frac // MS, ln.h["lvl"])


def gen_strapi(rng):
    P = Picker(rng)
    counts = [("get", 140), ("post", 45), ("put", 20), ("delete", 12), ("forbidden", 10), ("undef", 8),
              ("insert", 6), ("webhook", 5), ("mailok", 14), ("mailfail", 4), ("cronstart", 15),
              ("cronend", 14), ("upload", 7)]
    stream = shuffle_stream(rng, counts, at(20, 12, 30) + rng.randrange(NS), 2600 * MS)
    types = ["articles", "authors", "categories", "events", "menu-items", "testimonials"]
    lines = []
    for t, k in stream:
        L = lambda vals, lvl: lines.append(Line(t, k, vals, lvl=lvl))
        ct = P.cyc(("http", "type"), types)
        if k == "get":
            p = P.cyc((k, "path"), ["/api/%s?populate=*", "/api/%s/%d", "/admin/init", "/api/%s?pagination[page]=%d&pagination[pageSize]=25",
                                    "/content-manager/collection-types/api::%s.%s?page=1&pageSize=10&sort=id:ASC",
                                    "/uploads/%s_%s.webp", "/admin/project-type", "/api/%s?filters[slug][$eq]=%s"])
            if "api::" in p:
                sing = ct.rstrip("s").replace("ie", "y") if ct.endswith("ies") else ct.rstrip("s")
                p = p % (sing, sing)
            elif "/uploads/" in p:
                p = p % (P.cyc(("get", "fmt"), ["large_hero", "small_team", "thumbnail_cover", "medium_map"]), P.hexs(10))
            elif "%s" in p and "%d" in p:
                p = p % (ct, rng.randrange(1, 400))
            elif "slug" in p:
                p = p % (ct, P.cyc(("get", "slug"), ["spring-open-day", "meet-the-team", "q1-roadmap", "welcome"]))
            elif "%s" in p:
                p = p % ct
            st = P.cyc((k, "st"), ["200"] * 7 + ["304", "404", "200", "403"])
            L([p, rng.randrange(1, 420), st], "http")
        elif k == "post":
            p = P.cyc((k, "path"), ["/api/%s", "/api/auth/local", "/api/upload", "/admin/login",
                                    "/content-manager/collection-types/api::%s.%s", "/api/auth/forgot-password"])
            if "api::" in p:
                sing = ct[:-3] + "y" if ct.endswith("ies") else ct.rstrip("s")
                p = p % (sing, sing)
            elif "%s" in p:
                p = p % ct
            st = P.cyc((k, "st"), ["200", "201", "400", "200", "401", "200"])
            L([p, rng.randrange(8, 2600), st], "http")
        elif k == "put":
            L(["/api/%s/%d" % (ct, rng.randrange(1, 400)), rng.randrange(10, 900),
               P.cyc((k, "st"), ["200", "200", "400", "404"])], "http")
        elif k == "delete":
            L(["/api/%s/%d" % (ct, rng.randrange(1, 400)), rng.randrange(6, 300),
               P.cyc((k, "st"), ["200", "200", "404", "403"])], "http")
        elif k == "forbidden":
            L([], "error")
        elif k == "undef":
            L([P.cyc((k, "prop"), ["id", "attributes", "data", "slug", "map"])], "error")
        elif k == "insert":
            tbl, cols, vals = P.cyc((k, "tbl"), [
                ("articles", '"title", "slug", "content", "created_at", "updated_at", "published_at"', "$1, $2, $3, $4, $5, $6"),
                ("categories", '"name", "slug", "created_at", "updated_at"', "$1, $2, $3, $4"),
                ("up_users", '"username", "email", "provider", "confirmed", "blocked", "created_at", "updated_at"',
                 "$1, $2, $3, $4, $5, $6, $7"),
            ])
            why = P.cyc((k, "why"), ['duplicate key value violates unique constraint "%s_slug_unique"' % tbl,
                                     'null value in column "title" of relation "%s" violates not-null constraint' % tbl,
                                     "value too long for type character varying(255)"])
            L([tbl, cols, vals, why], "error")
        elif k == "webhook":
            L([P.cyc((k, "name"), ["Netlify rebuild", "Search sync", "Slack #content"]),
               P.cyc((k, "url"), ["https://api.netlify.com/build_hooks/%s" % P.hexs(24),
                                  "http://search-sync.internal:8080/strapi", "https://hooks.slack.com/services/T0%s/B0%s/%s" % (
                                      P.alnum(8, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), P.alnum(8, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), P.alnum(24))]),
               P.cyc((k, "st"), ["500", "404", "502", "410"])], "warn")
        elif k == "mailok":
            L([P.cyc((k, "to"), ["editor@verdant-press.example", "m.kowalczyk@orchardlane.example", "newsletter@verdant-press.example",
                                 "a.faure@studio-lumen.example"]),
               P.cyc((k, "tpl"), ["reset_password", "email_confirmation", "new-article-review"])], "info")
        elif k == "mailfail":
            L([P.cyc((k, "to"), ["editor@verdant-press.example", "h.ito@orchardlane.example"]),
               P.cyc((k, "err"), ["connect ECONNREFUSED 10.20.4.7:587", "Invalid login: 535 Authentication failed",
                                  "Greeting never received", "queryA ETIMEOUT smtp.verdant-press.example"])], "error")
        elif k in ("cronstart", "cronend"):
            L([P.cyc((k, "task"), ["publish-scheduled-articles", "cleanup-expired-tokens", "sync-search-index"])], "info")
        elif k == "upload":
            L([P.cyc((k, "file"), ["IMG_%04d.HEIC" % rng.randrange(10000), "scan-%s.tiff" % P.hexs(6), "banner-%d.avif" % rng.randrange(100)]),
               P.cyc((k, "err"), ["Input buffer contains unsupported image format", "Input file is missing",
                                  "VipsJpeg: Premature end of input file"])], "warn")
    return lines


# ============================================================ systems ====
SYSTEMS = [
    # (k, name, events, generator, header fn, header regex, kind)
    (1, "Plausible", PLAUSIBLE_EVENTS, gen_plausible, plausible_header, PLAUSIBLE_HEADER_RE, "simulation"),
    (2, "Wallabag", WALLABAG_EVENTS, gen_wallabag, wallabag_header, WALLABAG_HEADER_RE, "shuffle"),
    (3, "Bitwarden", BITWARDEN_EVENTS, gen_bitwarden, bitwarden_header, BITWARDEN_HEADER_RE, "shuffle"),
    (4, "Lemmy", LEMMY_EVENTS, gen_lemmy, lemmy_header, LEMMY_HEADER_RE, "simulation"),
    (5, "Meilisearch", MEILISEARCH_EVENTS, gen_meilisearch, meili_header, MEILISEARCH_HEADER_RE, "simulation"),
    (6, "Strapi", STRAPI_EVENTS, gen_strapi, strapi_header, STRAPI_HEADER_RE, "shuffle"),
]


def write_system(k, name, events, gen, hdr):
    rng = random.Random(BASE_SEED * 10 + k)
    index = {key: i for i, (key, _) in enumerate(events)}
    lines = gen(rng)
    d = os.path.join(HERE, name)
    os.makedirs(d, exist_ok=True)
    raw, rows = [], []
    for i, ln in enumerate(lines, 1):
        tpl = events[index[ln.ev]][1]
        content = fill(tpl, ln.vals)
        raw.append(hdr(ln) + content)
        rows.append([str(i), content, "E%d" % (index[ln.ev] + 1), tpl])
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(raw) + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)
    return 2


# ========================================================== self-check ===
def tpl_regex(tpl):
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in tpl.split("<*>")) + "$", re.S)


def check_system(name, events, header_re):
    d = os.path.join(HERE, name)
    errs = []
    with open(os.path.join(d, name + ".log"), "rb") as f:
        raw_b = f.read()
    with open(os.path.join(d, name + ".log_structured.csv"), "rb") as f:
        csv_b = f.read()
    for label, b in (("log", raw_b), ("csv", csv_b)):
        if not b.endswith(b"\n"):
            errs.append("%s does not end with newline" % label)
        if b"\r" in b:
            errs.append("%s contains CR" % label)
    raw = raw_b.decode("utf-8").split("\n")[:-1]
    rows = list(csv.reader(csv_b.decode("utf-8").splitlines(True)))
    if not rows or rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header")
    rows = rows[1:]
    if len(raw) != N_LINES:
        errs.append("log has %d lines" % len(raw))
    if len(rows) != N_LINES:
        errs.append("csv has %d rows" % len(rows))
    hre = re.compile(header_re)
    last_ts = None
    tpl_of = {}
    counts = {}
    caps = {}
    for i, (line, row) in enumerate(zip(raw, rows), 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errs.append("row %d LineId %r" % (i, lid))
        if not content or content != content.strip():
            errs.append("row %d content empty or not stripped" % i)
        if "\n" in content or "\r" in content:
            errs.append("row %d multi-line content" % i)
        if not line.endswith(content):
            errs.append("line %d does not end with content" % i)
            continue
        header = line[:len(line) - len(content)]
        m = hre.fullmatch(header)
        if not m:
            errs.append("line %d header %r does not match" % (i, header))
        else:
            ts = m.groupdict().get("ts")
            if ts is not None:
                if last_ts is not None and ts < last_ts:
                    errs.append("line %d timestamp goes back" % i)
                last_ts = ts
        if not re.fullmatch(r"E\d+", eid):
            errs.append("row %d bad EventId %r" % (i, eid))
        if tpl_of.setdefault(eid, tpl) != tpl:
            errs.append("EventId %s has two templates" % eid)
        counts[eid] = counts.get(eid, 0) + 1
        mm = tpl_regex(tpl).fullmatch(content)
        if not mm:
            errs.append("row %d template does not match content" % i)
            continue
        slot = caps.setdefault(eid, [set() for _ in mm.groups()])
        for s, g in zip(slot, mm.groups()):
            s.add(g)
    if len(set(tpl_of.values())) != len(tpl_of):
        errs.append("templates not distinct")
    declared = ["E%d" % (i + 1) for i in range(len(events))]
    for i, (_, tpl) in enumerate(events):
        eid = declared[i]
        if eid not in counts:
            errs.append("declared event %s unused" % eid)
        elif tpl_of[eid] != tpl:
            errs.append("event %s template differs from declaration" % eid)
    for eid in counts:
        if eid not in declared:
            errs.append("undeclared EventId %s" % eid)
    for eid, slots in caps.items():
        for j, s in enumerate(slots):
            if len(s) < 2:
                errs.append("%s slot %d captures only %r" % (eid, j + 1, sorted(s)))
    c = sorted(counts.values())
    if not 12 <= len(c) <= 15:
        errs.append("%d event types" % len(c))
    if c and min(c) < 3:
        errs.append("an event has fewer than 3 lines: %r" % counts)
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines: %r" % c)
    med = statistics.median(c) if c else 0
    if c and max(c) < 3 * med:
        errs.append("largest %d < 3 x median %s" % (max(c), med))
    return errs, counts, med


def main():
    files = 0
    for k, name, events, gen, hdr, _, _ in SYSTEMS:
        files += write_system(k, name, events, gen, hdr)
    ok = True
    for k, name, events, _, _, hre, kind in SYSTEMS:
        errs, counts, med = check_system(name, events, hre)
        c = sorted(counts.values())
        print("%-12s %-10s lines=%d events=%d min=%d max=%d median=%s small(3-10)=%d  %s" % (
            name, kind, sum(c), len(c), c[0] if c else 0, c[-1] if c else 0, med,
            sum(1 for x in c if 3 <= x <= 10), "OK" if not errs else "FAIL"))
        for e in errs[:20]:
            print("    " + e)
        ok = ok and not errs
    print("files written: %d (+ generate.py, README.md)" % files)
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
