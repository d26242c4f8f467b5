#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Round 73: blind labelled log corpus for a log template miner.

Writes, next to this file, for six identity / OAuth2 servers:

    <System>/<System>.log                  300 raw lines with the program's default header
    <System>/<System>.log_structured.csv   LineId,Content,EventId,EventTemplate

and then re-reads every file and self-checks it (see self_check()).

Python 3 standard library only.  Fully deterministic: no wall clock, no locale,
month names from a fixed list.  System number k (1..6) uses its own
random.Random(20270202 * 10 + k).  Time is an integer nanosecond clock counted
from 2026-03-14T00:00:00Z.

Every message was invented in the style of the program; nothing is copied from
a public log or data set.  Hosts, addresses, ids and users are made up.
"""

import csv
import os
import random
import re
import statistics

HERE = os.path.dirname(os.path.abspath(__file__))
BASE_SEED = 20270202
N_LINES = 300
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

US = 1000
MS = 1000 * US
SEC = 1000 * MS
MIN = 60 * SEC
HOUR = 60 * MIN
DAY = 24 * HOUR


# --------------------------------------------------------------------------
# calendar arithmetic on the integer clock (ns since 2026-03-14T00:00:00Z)
# --------------------------------------------------------------------------

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
    return (y + (m <= 2), m, d)


DAY0 = days_from_civil(2026, 3, 14)


def tparts(t):
    """ns clock -> (Y, M, D, h, m, s, ns-fraction).  Must stay on 2026-03-14."""
    assert 0 <= t < DAY, "clock left 2026-03-14: %d" % t
    days, rem = divmod(t, DAY)
    y, mo, d = civil_from_days(DAY0 + days)
    sec, frac = divmod(rem, SEC)
    h, r = divmod(sec, 3600)
    mi, s = divmod(r, 60)
    return y, mo, d, h, mi, s, frac


def hms(h, m, s=0, ms=0):
    return h * HOUR + m * MIN + s * SEC + ms * MS


def _frac(ns, unit, digits):
    i, f = divmod(ns, unit)
    out = str(i)
    if f:
        out += "." + ("%0*d" % (digits, f)).rstrip("0")
    return out


def go_dur(ns):
    """Go time.Duration.String()."""
    if ns < US:
        return "%dns" % ns
    if ns < MS:
        return _frac(ns, US, 3) + "\u00b5s"
    if ns < SEC:
        return _frac(ns, MS, 6) + "ms"
    if ns < MIN:
        return _frac(ns, SEC, 9) + "s"
    m, rem = divmod(ns, MIN)
    return "%dm%ss" % (m, _frac(rem, SEC, 9))


def js_bytes(n):
    """the `bytes` npm package, lower-cased as koa-logger prints it."""
    if n < 1024:
        return "%db" % n
    for unit, div in (("kb", 1024), ("mb", 1024 ** 2)):
        if n < div * 1024 or unit == "mb":
            s = ("%.2f" % (n / div)).rstrip("0").rstrip(".")
            return s + unit
    raise AssertionError


def tpl_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


# --------------------------------------------------------------------------
# event registry, value helpers
# --------------------------------------------------------------------------

class System:
    def __init__(self, k, name):
        self.k = k
        self.name = name
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.events = []          # [(key, eid, template)] in declaration order
        self.index = {}           # key -> (eid, template)
        self.cycles = {}
        self.kind = None          # "simulation" or "shuffle"
        self.header = None        # f(t, hdr) -> header string
        self.header_re = None     # compiled, named group ts (optional)
        self.parse_ts = None      # f(match) -> comparable tuple
        self.mismatch = 0         # lines where regex captures != intended values

    # ---- events -------------------------------------------------------
    def event(self, key, template):
        assert key not in self.index, key
        eid = "E%d" % (len(self.events) + 1)
        self.events.append((key, eid, template))
        self.index[key] = (eid, template, tpl_regex(template))

    def line(self, key, *values, **hdr):
        eid, tpl, rx = self.index[key]
        pieces = tpl.split("<*>")
        assert len(pieces) - 1 == len(values), (key, len(values))
        out = [pieces[0]]
        vals = []
        for v, p in zip(values, pieces[1:]):
            v = str(v)
            assert v and "\n" not in v and "\r" not in v, (key, v)
            vals.append(v)
            out.append(v)
            out.append(p)
        content = "".join(out)
        m = rx.fullmatch(content)
        assert m, (key, content)
        if list(m.groups()) != vals:
            self.mismatch += 1
        hdr["key"] = key
        return {"key": key, "content": content, "hdr": hdr}

    # ---- values -------------------------------------------------------
    def pick(self, key, slot, pool):
        """cycle through a small pool per (event, slot)"""
        i = self.cycles.get((key, slot), 0)
        self.cycles[(key, slot)] = i + 1
        return pool[i % len(pool)]

    def chance(self, p):
        return self.rng.random() < p

    def ri(self, a, b):
        return self.rng.randint(a, b)

    def hexs(self, n):
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def chars(self, n, alphabet):
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def uuid(self):
        h = self.hexs(32)
        h = h[:12] + "4" + h[13:16] + self.rng.choice("89ab") + h[17:]
        return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    def nanoid(self, n=21):
        return self.chars(n, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-")

    def lowid(self, n=12):
        return self.chars(n, "0123456789abcdefghijklmnopqrstuvwxyz")

    def b64url(self, n):
        return self.chars(n, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-")

    def ip(self, prefix):
        parts = prefix.rstrip(".").split(".")
        while len(parts) < 4:
            parts.append(str(self.ri(2, 250)))
        return ".".join(parts)

    def port(self):
        return self.ri(32768, 60999)

    def expns(self, mean_s):
        return int(self.rng.expovariate(1.0 / mean_s) * SEC)

    def uns(self, a_s, b_s):
        return int(self.rng.uniform(a_s, b_s) * SEC)


class Sim:
    """entities emit blocks of lines on their own clocks; merged in time order"""

    def __init__(self):
        self.items = []
        self.seq = 0

    def emit(self, t, *lines):
        self.items.append((t, self.seq, list(lines)))
        self.seq += 1

    def take(self, n=N_LINES):
        self.items.sort(key=lambda it: (it[0], it[1]))
        out = []
        for t, _, lines in self.items:
            for ln in lines:
                if len(out) < n:
                    out.append((t, ln))
        assert len(out) == n, "simulation produced only %d lines" % len(out)
        return out


def spawn_all(S, specs, start, end):
    """specs: [(entity, mean seconds between arrivals, 'poisson' | 'jitter')]
    poisson: exponential gaps (busy traffic); jitter: mean * U(0.5, 1.5) (occasional actors)"""
    for entity, mean, mode in specs:
        t = start + (S.expns(mean / 3) if mode == "poisson" else S.uns(0.1 * mean, 0.6 * mean))
        while t < end:
            entity(t)
            t += S.expns(mean) if mode == "poisson" else S.uns(0.5 * mean, 1.5 * mean)


def shuffle_run(S, units, start, mean_gap_s, min_gap=MS):
    """units: [(count, factory)] ; factory() -> list of lines (a block).
    fixed count per unit, seeded shuffle, forward-only clock with exponential gaps"""
    bag = []
    for count, factory in units:
        bag.extend([factory] * count)
    S.rng.shuffle(bag)
    t = start
    out = []
    for factory in bag:
        t += min_gap + S.expns(mean_gap_s)
        for ln in factory():
            out.append((t, ln))
    assert len(out) == N_LINES, "%s shuffle gives %d lines" % (S.name, len(out))
    return out


# ==========================================================================
# 1. OryHydra -- simulation (browser login/consent flows, machine clients,
#    resource servers introspecting, an operator editing config and rotating
#    keys, database blips).  logrusx text format:
#    time=2026-03-14T09:41:12Z level=info msg=started handling request audience=...
# ==========================================================================

HYDRA_REDACTED = ('Value is sensitive and has been redacted. To see the value set config key '
                  '"log.leak_sensitive_values = true" or environment variable '
                  '"LOG_LEAK_SENSITIVE_VALUES=true".')
HYDRA_REQ = ("http_request=map[headers:map[accept:<*> user-agent:<*>] host:<*> method:<*> path:<*> query:"
             + HYDRA_REDACTED + " remote:<*> scheme:http]")
HYDRA_SVC = "service_name=Ory Hydra service_version=v2.2.0"
HYDRA_ERR = "error=map[message:<*> reason:<*> status:<*> status_code:<*>]"
GO_STATUS = {200: "OK", 204: "No Content", 302: "Found", 303: "See Other", 400: "Bad Request",
             401: "Unauthorized", 404: "Not Found", 410: "Gone", 500: "Internal Server Error"}


def build_oryhydra():
    S = System(1, "OryHydra")
    S.kind = "simulation"
    S.event("req_start", "started handling request audience=application " + HYDRA_REQ + " " + HYDRA_SVC)
    S.event("req_done", "completed handling request audience=application " + HYDRA_REQ +
            " http_response=map[headers:map[cache-control:<*> content-type:<*>] size:<*> status:<*>"
            " text_status:<*> took:<*>] " + HYDRA_SVC)
    S.event("allowed", "access allowed audience=audit " + HYDRA_REQ + " " + HYDRA_SVC)
    S.event("denied", "access denied audience=audit " + HYDRA_ERR + " " + HYDRA_REQ + " " + HYDRA_SVC)
    S.event("req_error", "An error occurred while handling a request audience=application " + HYDRA_ERR
            + " " + HYDRA_REQ + " " + HYDRA_SVC)
    S.event("jwks_gen", 'JSON Web Key Set "<*>" does not exist yet, generating new key pair... '
            'audience=application ' + HYDRA_SVC)
    S.event("cfg_change", "A change to a configuration file was detected. audience=application file=<*> "
            + HYDRA_SVC)
    S.event("cfg_ok", "Configuration change processed successfully. audience=application file=<*> "
            + HYDRA_SVC)
    S.event("cfg_bad", "The changed configuration is invalid and could not be loaded. Rolling back to the "
            "last working configuration revision. Please address the validation errors before restarting "
            "the process. audience=application error=map[message:<*>] file=<*> " + HYDRA_SVC)
    S.event("db_retry", "Unable to ping the database connection, retrying. audience=application "
            "error=map[message:<*>] " + HYDRA_SVC)
    S.event("bcl_fail", "Unable to execute OpenID Connect Back-Channel Logout Request audience=application "
            "client_id=<*> error=map[message:<*>] " + HYDRA_SVC + " url=<*>")
    S.event("hook_fail", "The token hook target responded with an error. audience=application "
            "error=map[message:<*>] " + HYDRA_SVC + " status_code=<*>")

    def header(t, h):
        y, mo, d, hh, mi, s, _ = tparts(t)
        return "time=%04d-%02d-%02dT%02d:%02d:%02dZ level=%s msg=" % (y, mo, d, hh, mi, s, h["level"])
    S.header = header
    S.header_re = re.compile(r"time=(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ) "
                             r"level=(?:trace|debug|info|warning|error|fatal|panic) msg=")
    S.parse_ts = lambda m: tuple(int(x) for x in re.findall(r"\d+", m.group("ts")))

    sim = Sim()
    PUB = "auth.velmora.test"
    PUB_SVC = "hydra-public.iam.svc.cluster.local:4444"     # in-cluster backends call the public port directly
    ADM = "hydra-admin.iam.svc.cluster.local:4445"
    HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
    JSON = "application/json"
    BROWSERS = [
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        "Version/17.3.1 Safari/605.1.15",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:123.0) Gecko/20100101 Firefox/123.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        "Version/17.3 Mobile/15E148 Safari/604.1",
    ]
    LOGIN_APP_UA = "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)"
    ACCEPT_BY_UA = {"okhttp/4.12.0": "application/json", "Go-http-client/1.1": "application/json",
                    "Go-http-client/2.0": "application/json", "python-requests/2.31.0": "*/*",
                    "curl/8.5.0": "*/*"}
    INGRESS = ["10.42.1.9", "10.42.3.22", "10.42.0.17"]
    LOGIN_APP = ["10.42.2.31", "10.42.4.8"]
    # (client_id, backend user agent, backend ip prefix, backchannel url or None, has failing token hook)
    WEB_CLIENTS = [
        ("shop-frontend", "okhttp/4.12.0", "10.42.5.", "https://shop.velmora.test/oidc/backchannel-logout", False),
        ("grafana", "Go-http-client/1.1", "10.42.6.", None, False),
        ("billing-portal", "python-requests/2.31.0", "10.42.7.", None, True),
        ("wiki", "Go-http-client/2.0", "10.42.8.", "http://wiki.tools.svc:3000/auth/backchannel", False),
    ]
    M2M = [("inventory-sync", "Go-http-client/1.1", "10.42.9."),
           ("report-runner", "python-requests/2.31.0", "10.42.10."),
           ("mail-relay", "okhttp/4.12.0", "10.42.11.")]
    RESOURCE_SERVERS = [("orders-api", "Go-http-client/1.1", "10.42.12."),
                        ("catalog-api", "Go-http-client/2.0", "10.42.13.")]

    NOCACHE = "private, no-cache, no-store, must-revalidate"
    E_GRANT_USED = ("The provided authorization grant (e.g., authorization code, resource owner credentials) or "
                    "refresh token is invalid, expired, revoked, does not match the redirection URI used in the "
                    "authorization request, or was issued to another client.",
                    "The authorization code has already been used.", "Bad Request", 400)
    CLIENT_AUTH = ("Client authentication failed (e.g., unknown client, no client authentication included, "
                   "or unsupported authentication method).")
    E_UNKNOWN_CLIENT = (CLIENT_AUTH, "The requested OAuth 2.0 Client does not exist.", "Unauthorized", 401)
    E_BAD_SECRET = (CLIENT_AUTH, "crypto/bcrypt: hashedPassword is not the hash of the given password",
                    "Unauthorized", 401)
    E_SCOPE = ("The requested scope is invalid, unknown, or malformed.",
               'The OAuth 2.0 Client is not allowed to request scope "<S>".', "Bad Request", 400)
    E_HOOK = ("The authorization server encountered an unexpected condition that prevented it from fulfilling "
              "the request.", "An error occurred while executing the token hook.", "Internal Server Error", 500)
    E_REDIRECT = ("The request is missing a required parameter, includes an invalid parameter value, includes "
                  "a parameter more than once, or is otherwise malformed.",
                  "The 'redirect_uri' parameter does not match any of the OAuth 2.0 Client's pre-registered "
                  "redirect urls.", "Bad Request", 400)
    E_RESPONSE_TYPE = ("The authorization server does not support obtaining a token using this method.",
                       'The client is not allowed to request response_type "token".', "Bad Request", 400)
    E_NOTFOUND = ("The requested resource could not be found", "Unable to locate the resource",
                  "Not Found", 404)
    E_GONE = ("The requested resource is no longer available.",
              "The login request was already handled and can not be used again.", "Gone", 410)

    def expired_err(t):
        y, mo, d, hh, mi, s, _ = tparts(t - S.uns(20, 900))
        return ("Token expired. The token expired.",
                "Access token expired at '%04d-%02d-%02d %02d:%02d:%02d +0000 UTC'." % (y, mo, d, hh, mi, s),
                "Unauthorized", 401)

    def http(t, method, path, host, remote, accept, ua, status, ctype, cache, size, took,
             audit=None, err=None, inner=None):
        """one request: started / [inner lines] / [audit or error] / completed"""
        if accept is None:
            accept = ACCEPT_BY_UA[ua]
        vals = [accept, ua, host, method, path, remote]
        sim.emit(t, S.line("req_start", *vals, level="info"))
        if inner:
            for off, ln in inner:
                sim.emit(t + off, ln)
        tail = t + took - S.ri(20, 200) * US
        if audit == "allowed":
            sim.emit(tail, S.line("allowed", *vals, level="info"))
        elif audit == "denied":
            sim.emit(tail, S.line("denied", *(list(err) + vals), level="info"))
        elif err is not None:
            sim.emit(tail, S.line("req_error", *(list(err) + vals), level="error"))
        sim.emit(t + took, S.line("req_done", *(vals + [cache, ctype, size, status, GO_STATUS[status],
                                                        go_dur(took)]), level="info"))
        return t + took

    def ms(a, b):
        return S.ri(int(a * 1000), int(b * 1000)) * US

    CLIENT_HOST = {"shop-frontend": PUB, "grafana": PUB_SVC, "billing-portal": PUB_SVC, "wiki": PUB_SVC,
                   "inventory-sync": PUB_SVC, "report-runner": PUB, "mail-relay": PUB_SVC}

    def token_request(t, client, remote, ua, grant):
        host = CLIENT_HOST[client[0]]
        if client[4] and S.chance(0.6):
            took = ms(5000, 5200)
            hook = S.line("hook_fail",
                          S.pick("hook_fail", 0, ["upstream connect error or disconnect/reset before headers. "
                                                  "reset reason: connection termination",
                                                  "no healthy upstream",
                                                  "upstream request timeout"]),
                          S.pick("hook_fail", 1, [503, 502, 504]), level="error")
            return http(t, "POST", "/oauth2/token", host, remote, None, ua, 500, "application/json;charset=UTF-8",
                        "no-store", S.ri(190, 240), took, audit="denied", err=E_HOOK,
                        inner=[(took - ms(2, 6), hook)])
        if grant == "authorization_code" and S.chance(0.06):
            return http(t, "POST", "/oauth2/token", host, remote, None, ua, 400, "application/json;charset=UTF-8",
                        "no-store", S.ri(380, 420), ms(4, 15), audit="denied", err=E_GRANT_USED)
        return http(t, "POST", "/oauth2/token", host, remote, None, ua, 200, "application/json;charset=UTF-8",
                    "no-store", S.ri(1150, 2350), ms(9, 60), audit="allowed")

    def browser_flow(t0):
        t = t0
        ua = S.pick("flow", "ua", BROWSERS)
        remote_ip = S.pick("flow", "ingress", INGRESS)
        rp = lambda: "%s:%d" % (remote_ip, S.port())
        client = S.pick("flow", "client", WEB_CLIENTS)
        app_ip = S.pick("flow", "loginapp", LOGIN_APP)
        arp = lambda: "%s:%d" % (app_ip, S.port())
        t = http(t, "GET", "/oauth2/auth", PUB, rp(), HTML, ua, 302, "text/html; charset=utf-8", NOCACHE,
                 S.ri(300, 420), ms(3, 18))
        t += ms(40, 300)
        t = http(t, "GET", "/admin/oauth2/auth/requests/login", ADM, arp(), JSON, LOGIN_APP_UA, 200,
                 "application/json; charset=utf-8", NOCACHE, S.ri(1400, 2600), ms(2, 9))
        t += S.uns(3, 40)
        if S.chance(0.12):
            err = S.pick("flow", "lerr", [E_NOTFOUND, E_GONE])
            http(t, "PUT", "/admin/oauth2/auth/requests/login/accept", ADM, arp(), JSON, LOGIN_APP_UA,
                 err[3], "application/json; charset=utf-8", NOCACHE, S.ri(180, 260), ms(1, 5), err=err)
            return
        t = http(t, "PUT", "/admin/oauth2/auth/requests/login/accept", ADM, arp(), JSON, LOGIN_APP_UA, 200,
                 "application/json; charset=utf-8", NOCACHE, S.ri(560, 760), ms(4, 20))
        t += ms(60, 400)
        t = http(t, "GET", "/oauth2/auth", PUB, rp(), HTML, ua, 302, "text/html; charset=utf-8", NOCACHE,
                 S.ri(300, 420), ms(4, 20))
        t += ms(40, 300)
        t = http(t, "GET", "/admin/oauth2/auth/requests/consent", ADM, arp(), JSON, LOGIN_APP_UA, 200,
                 "application/json; charset=utf-8", NOCACHE, S.ri(1800, 3200), ms(2, 9))
        t += ms(30, 200) if S.chance(0.6) else S.uns(2, 15)
        t = http(t, "PUT", "/admin/oauth2/auth/requests/consent/accept", ADM, arp(), JSON, LOGIN_APP_UA, 200,
                 "application/json; charset=utf-8", NOCACHE, S.ri(580, 780), ms(4, 20))
        t += ms(60, 400)
        t = http(t, "GET", "/oauth2/auth", PUB, rp(), HTML, ua, 302, "text/html; charset=utf-8", NOCACHE,
                 S.ri(320, 460), ms(6, 30))
        t += ms(50, 400)
        bip = client[2]
        bremote = lambda: "%s:%d" % (S.ip(bip), S.port())
        t = token_request(t, client, bremote(), client[1], "authorization_code")
        t += ms(5, 120)
        t = http(t, "GET", "/userinfo", CLIENT_HOST[client[0]], bremote(), None, client[1], 200, "application/json; charset=utf-8",
                 "no-store", S.ri(160, 420), ms(2, 10), audit="allowed")
        if S.chance(0.6):
            t += S.uns(20, 200)
            t = http(t, "GET", "/oauth2/sessions/logout", PUB, rp(), HTML, ua, 302, "text/html; charset=utf-8",
                     NOCACHE, S.ri(280, 400), ms(5, 30))
            if client[3]:
                host = client[3].split("/")[2]
                why = S.pick("bcl_fail", "why", [
                    'Post "%s": dial tcp %s:443: connect: connection refused' % (client[3], S.ip("10.43.7.")),
                    'Post "%s": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'
                    % client[3],
                    'Post "%s": dial tcp: lookup %s on 10.43.0.10:53: no such host' % (client[3], host.split(":")[0]),
                ])
                sim.emit(t + ms(1, 5) + S.uns(0, 10),
                         S.line("bcl_fail", client[0], why, client[3], level="error"))

    def bad_redirect(t0):
        """a developer's half-configured client keeps retrying the authorization endpoint"""
        ua, accept = S.pick("badredir", "ua", [(BROWSERS[0], HTML), ("curl/8.5.0", "*/*"), (BROWSERS[2], HTML)])
        http(t0, "GET", "/oauth2/auth", PUB, "%s:%d" % (S.pick("badredir", "ing", INGRESS), S.port()), accept, ua,
             302, "text/html; charset=utf-8", NOCACHE, S.ri(260, 320), S.ri(1000, 4000) * US,
             err=S.pick("badredir", "err", [E_REDIRECT, E_UNKNOWN_CLIENT, E_RESPONSE_TYPE]))

    def stale_challenge(t0):
        """back button / double submit: the login app asks for a challenge that is gone or already handled"""
        path, method = S.pick("stale", "ep", [("/admin/oauth2/auth/requests/login", "GET"),
                                              ("/admin/oauth2/auth/requests/consent/accept", "PUT"),
                                              ("/admin/oauth2/auth/requests/login/accept", "PUT")])
        err = S.pick("stale", "err", [E_GONE, E_NOTFOUND])
        http(t0, method, path, ADM, "%s:%d" % (S.pick("stale", "ip", LOGIN_APP), S.port()), JSON, LOGIN_APP_UA,
             err[3], "application/json; charset=utf-8", NOCACHE, S.ri(180, 260), S.ri(900, 5000) * US, err=err)

    def billing_refresh(t0):
        """billing-portal backend refreshing tokens; its token hook target is unreliable"""
        client = WEB_CLIENTS[2]
        token_request(t0, client, "%s:%d" % (S.ip(client[2]), S.port()), client[1], "refresh_token")

    def logout_only(t0):
        """a user whose session started before this log signs out of a back-channel client"""
        client = S.pick("logout", "client", [WEB_CLIENTS[0], WEB_CLIENTS[3]])
        ua = S.pick("logout", "ua", BROWSERS)
        t = http(t0, "GET", "/oauth2/sessions/logout", PUB, "%s:%d" % (S.pick("logout", "ing", INGRESS), S.port()),
                 HTML, ua, 302, "text/html; charset=utf-8", NOCACHE, S.ri(280, 400), ms(5, 30))
        if S.chance(0.7):
            why = S.pick("bcl_fail", "why2", [
                'Post "%s": context deadline exceeded (Client.Timeout exceeded while awaiting headers)' % client[3],
                'Post "%s": dial tcp %s:443: connect: connection refused' % (client[3], S.ip("10.43.7.")),
            ])
            sim.emit(t + ms(1, 5) + S.uns(0, 10), S.line("bcl_fail", client[0], why, client[3], level="error"))

    def machine_client(t0):
        t = t0
        cid, ua, pfx = S.pick("m2m", "client", M2M)
        remote = lambda: "%s:%d" % (S.ip(pfx), S.port())
        r = S.rng.random()
        if r < 0.06:
            http(t, "POST", "/oauth2/token", CLIENT_HOST[cid], remote(), None, ua, 401, "application/json;charset=UTF-8",
                 "no-store", S.ri(300, 340), ms(40, 90), audit="denied",
                 err=S.pick("m2m", "autherr", [E_BAD_SECRET, E_UNKNOWN_CLIENT]))
            return
        if r < 0.10:
            sc = S.pick("m2m", "scope", ["orders:write", "admin", "catalog:delete"])
            err = (E_SCOPE[0], E_SCOPE[1].replace("<S>", sc), E_SCOPE[2], E_SCOPE[3])
            http(t, "POST", "/oauth2/token", CLIENT_HOST[cid], remote(), None, ua, 400, "application/json;charset=UTF-8",
                 "no-store", S.ri(250, 300), ms(30, 80), audit="denied", err=err)
            return
        t = http(t, "POST", "/oauth2/token", CLIENT_HOST[cid], remote(), None, ua, 200, "application/json;charset=UTF-8",
                 "no-store", S.ri(980, 1240), ms(35, 95), audit="allowed")
        for _ in range(S.ri(1, 3)):
            t += S.uns(0.05, 6)
            rs, rua, rpfx = S.pick("m2m", "rs", RESOURCE_SERVERS)
            t = http(t, "POST", "/admin/oauth2/introspect", ADM, "%s:%d" % (S.ip(rpfx), S.port()), None, rua, 200,
                     "application/json;charset=UTF-8", "no-store", S.ri(280, 520), ms(1, 6), audit="allowed")
        if S.chance(0.12):
            t += S.uns(30, 90)
            http(t, "GET", "/userinfo", CLIENT_HOST[cid], remote(), None, ua, 401, "application/json;charset=UTF-8", "no-store",
                 S.ri(200, 260), ms(1, 4), audit="denied", err=expired_err(t))

    CFG_FILES = ["/etc/config/hydra/hydra.yml", "/etc/secrets/hydra/secrets.yml"]
    CFG_ERRS = [
        'I[#/ttl/access_token] S[#/properties/ttl/properties/access_token/pattern] does not match pattern '
        '"^([0-9]+(ns|us|ms|s|m|h))+$"',
        'I[#/urls/self/issuer] S[#/properties/urls/properties/self/properties/issuer/format] "auth.velmora.test" '
        'is not valid "uri"',
        'I[#/secrets/system] S[#/properties/secrets/properties/system/items/minLength] length must be >= 16, '
        'but got 11',
    ]

    def config_edit(t0):
        f = S.pick("cfg", "file", CFG_FILES)
        sim.emit(t0, S.line("cfg_change", f, level="info"))
        if S.pick("cfg", "outcome", ["ok", "bad", "ok", "bad", "ok"]) == "ok":
            sim.emit(t0 + ms(3, 40), S.line("cfg_ok", f, level="info"))
        else:
            sim.emit(t0 + ms(3, 40), S.line("cfg_bad", S.pick("cfg", "err", CFG_ERRS), f, level="error"))

    def key_rotation(t0):
        kset = S.pick("jwks", "set", ["hydra.openid.id-token", "hydra.jwt.access-token"])
        ops = "%s:%d" % (S.ip("10.42.14."), S.port())
        t = http(t0, "DELETE", "/admin/keys/" + kset, ADM, ops, None, "curl/8.5.0", 204,
                 "application/json; charset=utf-8", NOCACHE, 0, ms(3, 12))
        t += S.uns(1, 20)
        took = ms(350, 2400)
        gen = S.line("jwks_gen", kset, level="info")
        http(t, "GET", "/.well-known/jwks.json", PUB, "%s:%d" % (S.pick("jwks", "ing", INGRESS), S.port()), JSON,
             S.pick("jwks", "ua", ["Go-http-client/1.1", "okhttp/4.12.0"]), 200, "application/json; charset=utf-8",
             "public, max-age=3600", S.ri(1500, 2200), took, inner=[(ms(0.2, 1), gen)])

    def db_blip(t0):
        t = t0
        reason = S.pick("db", "reason", [
            "failed to connect to `host=pg-hydra-rw.iam.svc user=hydra database=hydra`: dial error "
            "(dial tcp 10.43.88.14:5432: connect: connection refused)",
            "failed to connect to `host=pg-hydra-rw.iam.svc user=hydra database=hydra`: server error "
            "(FATAL: the database system is starting up (SQLSTATE 57P03))",
            "driver: bad connection",
        ])
        for i in range(S.ri(3, 4)):
            sim.emit(t, S.line("db_retry", reason, level="warning"))
            t += SEC * (1 << i) + ms(0, 50)

    T0 = hms(9, 41, 12, 345)
    END = T0 + 40 * MIN
    spawn_all(S, [(browser_flow, 90, "poisson"), (machine_client, 60, "poisson"), (bad_redirect, 150, "jitter"), (stale_challenge, 160, "jitter"),
                  (billing_refresh, 110, "jitter"), (logout_only, 120, "jitter"), (config_edit, 80, "jitter"),
                  (key_rotation, 220, "jitter"), (db_blip, 420, "jitter")], T0, END)
    return S, sim.take()


# ==========================================================================
# 2. Casdoor -- seeded shuffle.  Beego logger:
#    2026/03/14 07:58:03.120 [D] [router.go:1089]  |      10.20.4.12| 200 |...
# ==========================================================================

def build_casdoor():
    S = System(2, "Casdoor")
    S.kind = "shuffle"
    # key, template, level letter, "file.go:line"
    decl = [
        ("access", "|<*>| <*> |<*>|   match| <*> <*>   r:<*>", "D", "router.go:1089"),
        ("nomatch", "|<*>| 404 |<*>| nomatch| <*> <*>", "D", "router.go:1089"),
        ("login_ok", "(<*>) Login succeeded for user: <*>/<*>, application: <*>, method: <*>", "I", "log.go:33"),
        ("login_fail", "(<*>) Login failed for user: <*>/<*>, application: <*>, reason: <*>", "W", "log.go:41"),
        ("ldap_start", "autoSync started for <*>", "I", "ldap_autosync.go:86"),
        ("ldap_stop", "autoSync stopped for <*>", "I", "ldap_autosync.go:70"),
        ("ldap_fail", "autoSync failed for <*>, error <*>", "W", "ldap_autosync.go:112"),
        ("ldap_ok", "ldap autosync success, <*> new users, <*> existing users", "I", "ldap_autosync.go:131"),
        ("syncer", "Syncer [<*>] finished: added <*>, updated <*>, deleted <*>, took <*>", "I", "syncer_util.go:212"),
        ("code_sent", "Sent verification code to <*> via provider <*>", "I", "verification.go:118"),
        ("code_fail", "Failed to send verification code to <*> via provider <*>: <*>", "E", "verification.go:124"),
        ("hook_ok", "Webhook [<*>] posted event <*> to <*>, status code: <*>", "I", "webhook_util.go:97"),
        ("hook_fail", "Webhook [<*>] failed to post event <*>: <*>", "E", "webhook_util.go:89"),
        ("captcha", "(<*>) Captcha verification failed for user: <*>/<*>, captcha type: <*>", "W", "log.go:41"),
    ]
    meta = {}
    for key, tpl, lvl, fl in decl:
        S.event(key, tpl)
        meta[key] = (lvl, fl)

    def header(t, h):
        y, mo, d, hh, mi, s, f = tparts(t)
        lvl, fl = meta[h["key"]]
        return "%04d/%02d/%02d %02d:%02d:%02d.%03d [%s] [%s]  " % (y, mo, d, hh, mi, s, f // MS, lvl, fl)
    S.header = header
    S.header_re = re.compile(r"(?P<ts>\d{4}/\d\d/\d\d \d\d:\d\d:\d\d\.\d{3}) \[[MACEWNID]\] "
                             r"\[[\w.\-]+\.(?:go|s):\d+\]  ")
    S.parse_ts = lambda m: tuple(int(x) for x in re.findall(r"\d+", m.group("ts")))

    CLIENT_NETS = ["10.20.4.", "10.20.7.", "172.18.0.", "192.168.31."]
    ROUTES = [("GET", "/api/get-account"), ("POST", "/api/login"), ("GET", "/api/get-app-login"),
              ("GET", "/api/userinfo"), ("POST", "/api/login/oauth/access_token"), ("GET", "/api/get-users"),
              ("GET", "/api/get-organization-applications"), ("POST", "/api/update-user"),
              ("POST", "/api/logout"), ("GET", "/api/get-default-application"), ("POST", "/api/signup"),
              ("GET", "/.well-known/openid-configuration"), ("GET", "/api/get-resources")]
    JUNK = [("GET", "/favicon.ico"), ("GET", "/.env"), ("GET", "/wp-login.php"), ("POST", "/api/get-acount"),
            ("GET", "/robots.txt"), ("GET", "/api/v1/users")]
    ORGS = ["built-in", "velmora", "northwind-labs"]
    USERS = ["admin", "j.okafor", "mlindqvist", "priya.n", "t.haverkamp", "svc-backup", "a.moreau", "kwame"]
    APPS = ["app-built-in", "app-velmora-portal", "app-grafana", "app-northwind-crm"]
    METHODS = ["password", "verification code", "WebAuthn", "GitHub", "LDAP", "Google"]
    LDAPS = ["ldap_corp_ad", "ldap_eng_openldap"]
    PROVIDERS_MAIL = ["provider_email_smtp", "provider_email_sendgrid"]
    PROVIDERS_SMS = ["provider_sms_aliyun", "provider_sms_twilio"]

    def ip(key):
        return S.ip(S.pick(key, "net", CLIENT_NETS))

    def who(key):
        return S.pick(key, "org", ORGS), S.pick(key, "user", USERS)

    def access():
        m, p = S.pick("access", "route", ROUTES)
        dur = S.ri(180, 9000) * US + S.ri(0, 999) if S.chance(0.85) else S.ri(10, 480) * MS + S.ri(0, 999999)
        return [S.line("access", "%15s" % ip("access"), S.pick("access", "status", [200, 200, 200, 302, 200, 401, 200, 500]),
                       "%13s" % go_dur(dur), "%-7s" % m, p, p)]

    def nomatch():
        m, p = S.pick("nomatch", "route", JUNK)
        return [S.line("nomatch", "%15s" % ip("nomatch"), "%13s" % go_dur(S.ri(40, 900) * US + S.ri(0, 999)), "%-7s" % m, p)]

    def login_ok():
        o, u = who("login_ok")
        return [S.line("login_ok", ip("login_ok"), o, u, S.pick("login_ok", "app", APPS), S.pick("login_ok", "m", METHODS))]

    def login_fail():
        o, u = who("login_fail")
        reason = S.pick("login_fail", "reason", [
            "password or code is incorrect, you have %d remaining chances" % S.ri(1, 4),
            "the user: %s/%s doesn't exist" % (o, u),
            "You have entered the wrong password or code too many times, please wait for %d minutes and try again"
            % S.ri(3, 15),
            "the user is forbidden to sign in, please contact the administrator",
        ])
        return [S.line("login_fail", ip("login_fail"), o, u, S.pick("login_fail", "app", APPS), reason)]

    def ldap_start():
        return [S.line("ldap_start", S.pick("ldap_start", 0, LDAPS))]

    def ldap_stop():
        return [S.line("ldap_stop", S.pick("ldap_stop", 0, LDAPS))]

    def ldap_fail():
        err = S.pick("ldap_fail", "err", [
            'LDAP Result Code 49 "Invalid Credentials": 80090308: LdapErr: DSID-0C09044E, comment: '
            'AcceptSecurityContext error, data 52e, v4563',
            'LDAP Result Code 200 "Network Error": dial tcp %s:389: i/o timeout' % S.ip("10.30.1."),
            'LDAP Result Code 200 "Network Error": dial tcp %s:636: connect: connection refused' % S.ip("10.30.2."),
        ])
        return [S.line("ldap_fail", S.pick("ldap_fail", 0, LDAPS), err)]

    def ldap_ok():
        return [S.line("ldap_ok", S.ri(0, 6), S.ri(80, 420))]

    def syncer():
        return [S.line("syncer", S.pick("syncer", 0, ["syncer_hr_mysql", "syncer_keycloak_import"]),
                       S.ri(0, 9), S.ri(0, 40), S.ri(0, 3), go_dur(S.ri(80, 4200) * MS + S.ri(0, 999999)))]

    def dest(key):
        if S.chance(0.5):
            return "%s@%s" % (S.pick(key, "mailuser", USERS).replace("svc-", ""),
                              S.pick(key, "maildom", ["velmora.test", "northwind-labs.test", "mail.example"])), \
                PROVIDERS_MAIL
        return "+%d%09d" % (S.pick(key, "cc", [44, 49, 86, 254, 1]), S.ri(100000000, 999999999)), PROVIDERS_SMS

    def code_sent():
        to, provs = dest("code_sent")
        return [S.line("code_sent", to, S.pick("code_sent", "prov", provs))]

    def code_fail():
        to, provs = dest("code_fail")
        if provs is PROVIDERS_MAIL:
            why = S.pick("code_fail", "mailwhy", ["dial tcp %s:587: i/o timeout" % S.ip("10.30.5."),
                                                  "535 5.7.8 Username and Password not accepted"])
        else:
            why = S.pick("code_fail", "smswhy", ["Twilio error 21211: Invalid 'To' Phone Number",
                                "isv.BUSINESS_LIMIT_CONTROL: triggered the business flow control"])
        return [S.line("code_fail", to, S.pick("code_fail", "prov", provs), why)]

    HOOKS = [("webhook_audit_sink", "https://audit.velmora.test/ingest/casdoor"),
             ("webhook_crm_sync", "https://crm.northwind-labs.test/hooks/casdoor")]
    EVENTS = ["login", "signup", "logout", "update-user", "add-user", "delete-user"]

    def hook_ok():
        name, url = S.pick("hook_ok", 0, HOOKS)
        return [S.line("hook_ok", name, S.pick("hook_ok", "ev", EVENTS), url, S.pick("hook_ok", "code", [200, 204, 200, 202]))]

    def hook_fail():
        name, url = S.pick("hook_fail", 0, HOOKS)
        why = S.pick("hook_fail", "why", [
            'Post "%s": context deadline exceeded (Client.Timeout exceeded while awaiting headers)' % url,
            'Post "%s": dial tcp %s:443: connect: connection refused' % (url, S.ip("10.30.9.")),
            'Post "%s": x509: certificate has expired or is not yet valid' % url,
        ])
        return [S.line("hook_fail", name, S.pick("hook_fail", "ev", EVENTS), why)]

    def captcha():
        o, u = who("captcha")
        return [S.line("captcha", ip("captcha"), o, u,
                       S.pick("captcha", "type", ["Default", "reCAPTCHA", "Cloudflare Turnstile"]))]

    units = [(110, access), (9, nomatch), (45, login_ok), (22, login_fail), (8, ldap_start), (5, ldap_stop),
             (4, ldap_fail), (6, ldap_ok), (14, syncer), (28, code_sent), (6, code_fail), (20, hook_ok),
             (10, hook_fail), (13, captcha)]
    return S, shuffle_run(S, units, hms(7, 58, 3, 120), 4.0)


# ==========================================================================
# 3. Logto -- simulation (browser sign-in flows through the Experience API,
#    machine-to-machine clients on the Management API, kubelet probes,
#    console edits, Redis / Postgres hiccups).  Node: koa-logger lines and
#    ConsoleLog lines ("core info ..."), captured with `docker logs -t`, so
#    every physical line starts with the daemon's RFC3339Nano timestamp.
# ==========================================================================

def build_logto():
    S = System(3, "Logto")
    S.kind = "simulation"
    S.event("req_in", "<-- <*> <*>")
    S.event("req_out", "--> <*> <*> <*> <*> <*>")
    S.event("req_err", "xxx <*> <*> 500 <*> -")
    S.event("hook_ok", "Hook <*> delivered event <*> to <*>, status <*>")
    S.event("hook_fail", "Hook <*> failed to deliver event <*> to <*>: <*>")
    S.event("code_sent", "Sending verification code with template <*> to <*> via connector <*>")
    S.event("code_bad", "Verification code for <*> is invalid, <*> attempts left")
    S.event("oidc_err", "OIDC error <*> for client <*>: <*>")
    S.event("expired", "Interaction <*> has expired, restarting sign-in for application <*>")
    S.event("redis_lost", "Redis cache disconnected, reconnecting in <*>")
    S.event("redis_back", "Redis cache reconnected after <*> attempts")
    S.event("error", "Error: <*>")
    S.event("stack", "at <*> (<*>)")
    S.event("cache_inval", "Invalidated well-known cache for tenant <*>")

    def header(t, h):
        y, mo, d, hh, mi, s, f = tparts(t)
        frac = ("%09d" % f).rstrip("0")
        ts = "%04d-%02d-%02dT%02d:%02d:%02d%sZ" % (y, mo, d, hh, mi, s, ("." + frac) if frac else "")
        kind = h.get("lv")
        if kind == "koa":
            return ts + "   "
        if kind == "stack":
            return ts + "     "
        return ts + " core %s " % kind
    S.header = header
    S.header_re = re.compile(r"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z) "
                             r"(?:core (?:info|warn|error|fatal) | +)")

    def parse(m):
        ts = m.group("ts")
        nums = [int(x) for x in re.findall(r"\d+", ts[:19])]
        frac = ts[20:-1] if "." in ts else ""
        return tuple(nums) + (int((frac + "000000000")[:9]),)
    S.parse_ts = parse

    sim = Sim()
    APPS = [("k2x8m4qz7c1vtn", "https%3A%2F%2Fportal.quillrow.test%2Fcallback", "portal"),
            ("p7h3w9d0fa2lre", "https%3A%2F%2Fdocs.quillrow.test%2Fapi%2Fauth%2Fcallback%2Flogto", "docs"),
            ("zy51mb8ke6g0ua", "io.quillrow.app%3A%2F%2Fcallback", "mobile")]
    M2M = ["m2m7q0xhz4ksdb", "m2mf92cnw1tyua", "m2m3lr8ebv5opi"]
    HOOK_TARGETS = [("hk4t9sx02bqm", "https://hooks.quillrow.test/logto/events", [True, True, False]),
                    ("hk8v1ca7u3ne", "https://crm-bridge.quillrow.test/ingest", [False, True, False])]

    def koa(t, method, url, status, ms_, length, inner=()):
        sim.emit(t, S.line("req_in", method, url, lv="koa"))
        for off, lines in inner:
            sim.emit(t + off, *lines)
        end = t + ms_ * MS + S.ri(0, 900000)
        sim.emit(end, S.line("req_out", method, url, status, "%dms" % ms_, length, lv="koa"))
        return end

    def kerr(t, method, url, ms_, block):
        sim.emit(t, S.line("req_in", method, url, lv="koa"))
        end = t + ms_ * MS + S.ri(0, 900000)
        sim.emit(end - S.ri(10000, 200000), *block)
        sim.emit(end, S.line("req_err", method, url, "%dms" % ms_, lv="koa"))
        return end

    def ms(a, b):
        return S.ri(a, b)

    def gap(a, b):
        return S.uns(a, b)

    def hook(t, event):
        """every event goes to each subscribed hook; one target is flaky"""
        for hid, url, pattern in HOOK_TARGETS:
            if S.pick("hook", hid, pattern):
                why = S.pick("hook_fail", "why", ["Timeout awaiting 'request' for 10000ms",
                                                  "Response code 502 (Bad Gateway)",
                                                  "getaddrinfo ENOTFOUND " + url.split("/")[2]])
                delay = 10 * SEC + ms(5, 40) * MS if why.startswith("Timeout") else gap(0.05, 2)
                sim.emit(t + delay, S.line("hook_fail", hid, event, url, why, lv="warn"))
            else:
                sim.emit(t + gap(0.05, 0.9), S.line("hook_ok", hid, event, url,
                                                    S.pick("hook_ok", "code", [200, 202, 200, 204]), lv="info"))

    def stale_tab(t0):
        """a sign-in page left open long before this log starts is finally submitted"""
        cid = S.pick("stale", "app", APPS)[0]
        warn = S.line("expired", S.nanoid(21), cid, lv="warn")
        koa(t0, "POST", "/api/experience/submit", 400, ms(2, 8), js_bytes(S.ri(120, 160)),
            inner=[(ms(1, 2) * MS, [warn])])

    def sign_in(t0, by_code=False):
        t = t0
        cid, redir, appname = S.pick("flow", "app", APPS)
        uid = S.nanoid(21)
        q = ("/oidc/auth?client_id=%s&redirect_uri=%s&response_type=code&scope=openid+profile+offline_access"
             "&state=%s&code_challenge=%s&code_challenge_method=S256" % (cid, redir, S.b64url(22), S.b64url(43)))
        t = koa(t, "GET", q, 303, ms(3, 14), "-")
        t += gap(0.03, 0.2)
        t = koa(t, "GET", "/sign-in", 200, ms(1, 6), js_bytes(S.ri(1700, 1900)))
        t += gap(0.1, 0.5)
        t = koa(t, "GET", "/api/.well-known/sign-in-exp", 200, ms(4, 25), js_bytes(S.ri(5200, 5900)))
        t = koa(t + gap(0.01, 0.1), "GET", "/api/.well-known/phrases?lng=" + S.pick("flow", "lng",
                                                                                  ["en", "de", "fr", "pt-BR"]),
                200, ms(2, 12), js_bytes(S.ri(40000, 47000)))
        t += gap(2, 15)
        t = koa(t, "PUT", "/api/experience", 204, ms(5, 20), "-")
        email = "%s@%s" % (S.pick("flow", "user", ["lena.v", "t.obi", "marcus", "s.ikeda", "noor", "b.kowalski"]),
                           S.pick("flow", "dom", ["quillrow.test", "mailbox.example", "fastpost.example"]))
        if not by_code:
            while True:
                bad = S.chance(0.18)
                t = koa(t, "POST", "/api/experience/verification/password", 422 if bad else 200, ms(60, 180),
                        js_bytes(S.ri(80, 110)) if bad else "36b")
                if not bad:
                    break
                t += gap(2, 8)
        else:
            tmpl = S.pick("code_sent", "tpl", ["SignIn", "Register", "ForgotPassword"])
            conn = S.pick("code_sent", "conn", ["aws-ses-mail", "twilio-sms", "smtp-mail"])
            if conn.endswith("-sms"):
                email = "+%d%09d" % (S.pick("code_sent", "cc", [44, 1, 49, 81]), S.ri(100000000, 999999999))
            sent = S.line("code_sent", tmpl, email, conn, lv="info")
            t = koa(t, "POST", "/api/experience/verification/verification-code", 200, ms(180, 900), "36b",
                    inner=[(ms(20, 120) * MS, [sent])])
            left = 4
            while True:
                t += gap(12, 50)
                bad = S.pick("code_bad", "typo", [True, True, False, True, False, False])
                if bad:
                    left -= 1
                    warn = S.line("code_bad", email, left, lv="warn")
                    t = koa(t, "POST", "/api/experience/verification/verification-code/verify", 400, ms(8, 30),
                            js_bytes(S.ri(120, 150)), inner=[(ms(3, 7) * MS, [warn])])
                else:
                    t = koa(t, "POST", "/api/experience/verification/verification-code/verify", 200, ms(8, 30),
                            "36b")
                    break
        t += gap(0.05, 0.3)
        t = koa(t, "POST", "/api/experience/identification", 204, ms(10, 40), "-")
        t = koa(t + gap(0.02, 0.1), "POST", "/api/experience/submit", 200, ms(30, 120), js_bytes(S.ri(120, 140)))
        hook(t, S.pick("hook", "ev", ["PostSignIn", "PostSignIn", "PostRegister"]))
        t = koa(t + gap(0.05, 0.3), "GET", "/oidc/auth/" + uid, 303, ms(8, 30), "-")
        t += gap(0.1, 0.6)
        if S.chance(0.15):
            err = S.line("oidc_err", "invalid_grant", cid, "grant request is invalid", lv="error")
            koa(t, "POST", "/oidc/token", 400, ms(8, 25), js_bytes(S.ri(70, 90)), inner=[(ms(4, 7) * MS, [err])])
            return
        t = koa(t, "POST", "/oidc/token", 200, ms(25, 90), js_bytes(S.ri(2300, 2600)))
        koa(t + gap(0.02, 0.4), "GET", "/oidc/me", 200, ms(4, 15), js_bytes(S.ri(160, 260)))

    def misconfigured_m2m(t0):
        """a job with a rotated secret / wrong resource keeps failing at the token endpoint"""
        cid = S.pick("badm2m", "cid", ["m2mq8d0vyz2rke", "m2mw4hx1ps7nga"])
        why = S.pick("oidc_err", "why", [("invalid_client", "client authentication failed"),
                                         ("invalid_target", "resource indicator is missing, or unknown")])
        err = S.line("oidc_err", why[0], cid, why[1], lv="error")
        koa(t0, "POST", "/oidc/token", 400 if why[0] == "invalid_target" else 401, ms(20, 60),
            js_bytes(S.ri(80, 120)), inner=[(ms(5, 15) * MS, [err])])

    def machine(t0):
        t = t0
        cid = S.pick("m2m", "cid", M2M)
        t = koa(t, "POST", "/oidc/token", 200, ms(30, 110), js_bytes(S.ri(1100, 1300)))
        for _ in range(S.ri(1, 4)):
            t += gap(0.02, 3)
            uidx = S.lowid(12)
            op = S.rng.random()
            if op < 0.45:
                t = koa(t, "GET", "/api/users?page=%d&page_size=20" % S.ri(1, 9), 200, ms(15, 80),
                        js_bytes(S.ri(9000, 24000)))
            elif op < 0.7:
                t = koa(t, "GET", "/api/users/" + uidx, 200, ms(6, 25), js_bytes(S.ri(900, 1600)))
            elif op < 0.9:
                t = koa(t, "PATCH", "/api/users/%s/custom-data" % uidx, 200, ms(10, 45), js_bytes(S.ri(60, 400)))
                hook(t, "User.Data.Updated")
            else:
                t = koa(t, "POST", "/api/users", 200, ms(60, 200), js_bytes(S.ri(900, 1400)))
                hook(t, "User.Created")

    def probe(t0):
        koa(t0, "GET", "/api/status", 204, ms(0, 2), "-")

    def console_edit(t0):
        tenant = S.pick("console", "tenant", ["default", "admin"])
        url = "/api/sign-in-exp" if tenant == "default" else "/api/configs/admin-console"
        t = koa(t0, "PATCH", url, 200, ms(20, 70), js_bytes(S.ri(900, 5800)),
                inner=[(ms(10, 18) * MS, [S.line("cache_inval", tenant, lv="info")])])

    PG = "/etc/logto/node_modules/.pnpm/pg@8.11.3/node_modules/pg/lib/"
    PG_FRAMES = [("Client._handleErrorEvent", PG + "client.js:344:19"),
                 ("Connection.<anonymous>", PG + "client.js:132:73"),
                 ("Object.onceWrapper", "node:events:634:26"),
                 ("Connection.emit", "node:events:519:28"),
                 ("Socket.<anonymous>", PG + "connection.js:62:12"),
                 ("Socket.emit", "node:events:519:28"),
                 ("TCP.<anonymous>", "node:net:339:12")]

    def outage(t0):
        t = t0
        if S.pick("outage", "kind", ["redis", "pg", "redis"]) == "redis":
            addr = S.pick("outage", "redis", ["10.52.7.3:6379", "10.52.7.14:6379"])
            n = S.pick("outage", "tries", [3, 2, 4, 2])
            for i in range(n):
                sim.emit(t, S.line("redis_lost", "%dms" % (100 * (1 << i)), lv="warn"))
                if i == 0:
                    block = [S.line("error", "connect ECONNREFUSED " + addr, lv="error"),
                             S.line("stack", "TCPConnectWrap.afterConnect [as oncomplete]", "node:net:1595:16",
                                    lv="stack")]
                    kerr(t + ms(5, 60) * MS, "GET", "/api/.well-known/sign-in-exp", ms(2, 9), block)
                t += (100 * (1 << i)) * MS + ms(1, 20) * MS
            sim.emit(t, S.line("redis_back", n, lv="info"))
        else:
            msg = S.pick("outage", "pgmsg", ["Connection terminated unexpectedly", "read ECONNRESET"])
            k = S.ri(4, 7)
            block = [S.line("error", msg, lv="error")]
            for fn, loc in PG_FRAMES[:k]:
                block.append(S.line("stack", fn, loc, lv="stack"))
            url = S.pick("outage", "url", ["/api/experience/submit", "/api/users?page=1&page_size=20",
                                           "/oidc/token"])
            kerr(t, "GET" if url.startswith("/api/users") else "POST", url, ms(3, 40), block)

    T0 = hms(13, 5, 40, 212)
    END = T0 + 40 * MIN
    code_login = lambda t: sign_in(t, by_code=True)
    spawn_all(S, [(sign_in, 300, "poisson"), (machine, 120, "poisson"), (code_login, 110, "jitter"),
                  (stale_tab, 95, "jitter"), (console_edit, 90, "jitter"), (outage, 85, "jitter"),
                  (misconfigured_m2m, 95, "jitter")], T0, END)
    t = T0 + S.uns(0, 10)
    while t < END:                      # kubelet probe, every 10 s
        probe(t)
        t += 10 * SEC + S.ri(-3000000, 3000000)
    return S, sim.take()


# ==========================================================================
# 4. SuperTokens -- seeded shuffle.  Core info + error log (Java):
#    14 Mar 2026 10:02:11:457 +0000 | INFO | pid: <uuid> | [main] thread | io...(Main.java:190) | msg
#    exception text and stack frames follow an ERROR line on their own lines.
# ==========================================================================

def build_supertokens():
    S = System(4, "SuperTokens")
    S.kind = "shuffle"
    S.event("api", "API called: <*>. Method: <*>. Version: <*>")
    S.event("cron_start", "Cronjob started: <*>")
    S.event("cron_done", "Cronjob finished: <*>")
    S.event("sessions_gc", "DeleteExpiredSessions: removed <*> expired sessions in <*>")
    S.event("started", "Started SuperTokens on 0.0.0.0:3567 with PID: <*>")
    S.event("stopping", "Stopping SuperTokens...")
    S.event("storage", "Loading storage layer.")
    S.event("theft", "Token theft detected for session handle <*> of user <*>")
    S.event("api_exc", "API threw an exception: <*> <*>")
    S.event("sqe", "io.supertokens.pluginInterface.exceptions.StorageQueryException: <*>")
    S.event("frame", "at <*>(<*>)")
    S.event("caused", "Caused by: <*>: <*>")
    S.event("more", "... <*> more")

    PID = S.uuid()

    def header(t, h):
        if "cont" in h:
            return h["cont"]
        y, mo, d, hh, mi, s, f = tparts(t)
        ts = "%02d %s %04d %02d:%02d:%02d:%03d +0000" % (d, MONTHS[mo - 1], y, hh, mi, s, f // MS)
        return "%s | %s | pid: %s | [%s] thread | %s | " % (ts, h["lv"], PID, h["th"], h["loc"])
    S.header = header
    S.header_re = re.compile(r"(?:(?P<ts>\d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d:\d{3}) \+0000 \| (?:INFO|ERROR) \| "
                             r"pid: [0-9a-f\-]{36} \| \[[^\]]+\] thread \| [\w.$<>]+\(\w+\.java:\d+\) \| |\t?)")

    def parse(m):
        d, mon, y, rest = m.group("ts").split(" ", 3)
        hh, mi, s, ms_ = (int(x) for x in rest.split(":"))
        return (int(y), MONTHS.index(mon) + 1, int(d), hh, mi, s, ms_)
    S.parse_ts = parse

    def exec_thread():
        return "http-nio-3567-exec-%d" % S.ri(1, 10)

    APIS = [("/recipe/session/verify", "POST"), ("/recipe/session/refresh", "POST"), ("/recipe/session", "POST"),
            ("/recipe/session/remove", "POST"), ("/recipe/signin", "POST"), ("/recipe/signup", "POST"),
            ("/recipe/user", "GET"), ("/recipe/jwt/jwks", "GET"), ("/recipe/session/user", "GET"),
            ("/recipe/user/password/reset/token", "POST"), ("/public/recipe/signinup/code", "POST"),
            ("/recipe/user/metadata", "PUT"), ("/hello", "GET")]
    CRONS = ["DeleteExpiredSessions", "DeleteExpiredPasswordResetTokens", "DeleteExpiredEmailVerificationTokens",
             "DeleteExpiredPasswordlessDevices", "DeleteExpiredAccessTokenSigningKeys",
             "DeleteExpiredDashboardSessions", "Telemetry", "SyncCoreConfigWithDb"]
    API_LOC = "io.supertokens.webserver.WebserverAPI.service(WebserverAPI.java:277)"
    CRON_LOC_S = "io.supertokens.cronjobs.CronTask.run(CronTask.java:71)"
    CRON_LOC_F = "io.supertokens.cronjobs.CronTask.run(CronTask.java:87)"

    def api():
        path, method = S.pick("api", "ep", APIS)
        return [S.line("api", path, method, S.pick("api", "v", ["3.0", "4.0", "5.0", "5.1"]),
                       lv="INFO", th=exec_thread(), loc=API_LOC)]

    def cron_thread():
        return "pool-%d-thread-%d" % (S.ri(2, 3), S.ri(1, 4))

    def cron_start():
        return [S.line("cron_start", S.pick("cron_start", 0, CRONS), lv="INFO", th=cron_thread(), loc=CRON_LOC_S)]

    def cron_done():
        return [S.line("cron_done", S.pick("cron_done", 0, CRONS[3:] + CRONS[:3]), lv="INFO", th=cron_thread(),
                       loc=CRON_LOC_F)]

    def sessions_gc():
        return [S.line("sessions_gc", S.ri(0, 480), "%dms" % S.ri(3, 900), lv="INFO", th=cron_thread(),
                       loc="io.supertokens.cronjobs.deleteExpiredSessions.DeleteExpiredSessions.doTaskPerStorage"
                           "(DeleteExpiredSessions.java:62)")]

    def started():
        return [S.line("started", S.ri(1, 60), lv="INFO", th="main", loc="io.supertokens.Main.init(Main.java:190)")]

    def stopping():
        return [S.line("stopping", lv="INFO", th="Thread-%d" % S.ri(1, 9),
                       loc="io.supertokens.Main.lambda$addShutdownHook$0(Main.java:354)")]

    def storage():
        return [S.line("storage", lv="INFO", th="main", loc="io.supertokens.Main.init(Main.java:134)")]

    def theft():
        return [S.line("theft", S.uuid(), S.uuid(), lv="INFO", th=exec_thread(),
                       loc="io.supertokens.session.Session.refreshSessionHelper(Session.java:641)")]

    PG = "org.postgresql"
    STORAGE_FRAMES = [
        ("io.supertokens.storage.postgresql.queries.SessionQueries.getSessionInfo_Transaction", "SessionQueries.java:212"),
        ("io.supertokens.storage.postgresql.Start.getSessionInfo_Transaction", "Start.java:804"),
        ("io.supertokens.session.Session.lambda$refreshSessionHelper$2", "Session.java:598"),
        ("io.supertokens.storage.postgresql.Start.startTransactionHelper", "Start.java:321"),
        ("io.supertokens.storage.postgresql.Start.startTransaction", "Start.java:282"),
        ("io.supertokens.session.Session.refreshSessionHelper", "Session.java:591"),
        ("io.supertokens.session.Session.refreshSession", "Session.java:566"),
        ("io.supertokens.webserver.api.session.RefreshSessionAPI.doPost", "RefreshSessionAPI.java:97"),
    ]
    CLOSED_FRAMES = [
        (PG + ".jdbc.PgConnection.checkClosed", "PgConnection.java:917"),
        (PG + ".jdbc.PgConnection.prepareStatement", "PgConnection.java:1793"),
        ("com.zaxxer.hikari.pool.ProxyConnection.prepareStatement", "ProxyConnection.java:337"),
        ("com.zaxxer.hikari.pool.HikariProxyConnection.prepareStatement", "HikariProxyConnection.java"),
    ]
    POOL_FRAMES = [
        ("com.zaxxer.hikari.pool.HikariPool.createTimeoutException", "HikariPool.java:696"),
        ("com.zaxxer.hikari.pool.HikariPool.getConnection", "HikariPool.java:181"),
        ("com.zaxxer.hikari.pool.HikariPool.getConnection", "HikariPool.java:146"),
        ("com.zaxxer.hikari.HikariDataSource.getConnection", "HikariDataSource.java:100"),
    ]
    QUERY_FRAMES = [
        (PG + ".core.v3.QueryExecutorImpl.receiveErrorResponse", "QueryExecutorImpl.java:2713"),
        (PG + ".core.v3.QueryExecutorImpl.processResults", "QueryExecutorImpl.java:2401"),
        (PG + ".core.v3.QueryExecutorImpl.execute", "QueryExecutorImpl.java:368"),
        (PG + ".jdbc.PgStatement.executeInternal", "PgStatement.java:498"),
    ]
    CAUSES = [(PG + ".util.PSQLException", "This connection has been closed.", CLOSED_FRAMES),
              ("java.sql.SQLTransientConnectionException",
               "postgresql-pool - Connection is not available, request timed out after 10001ms.", POOL_FRAMES),
              (PG + ".util.PSQLException", "ERROR: canceling statement due to statement timeout", QUERY_FRAMES),
              (PG + ".util.PSQLException", "ERROR: deadlock detected", QUERY_FRAMES)]
    TOP_N = [6, 5, 7, 6, 5]
    CAUSE_N = [3, 2, 3, 2, 3]
    MORE_N = [24, 31, 22, 27, 19]

    def api_exc():
        path, method = S.pick("api_exc", "api", [("/recipe/session/refresh", "POST"), ("/recipe/session/verify", "POST"),
                                                 ("/recipe/signin", "POST"), ("/recipe/user", "GET")])
        cls, msg, cause_frames = S.pick("api_exc", "cause", CAUSES)
        block = [S.line("api_exc", method, path, lv="ERROR", th=exec_thread(),
                        loc="io.supertokens.webserver.WebserverAPI.service(WebserverAPI.java:512)"),
                 S.line("sqe", "%s: %s" % (cls, msg), cont="")]
        top = S.pick("api_exc", "top", TOP_N)
        for fn, loc in STORAGE_FRAMES[:top]:
            block.append(S.line("frame", fn, loc, cont="\t"))
        block.append(S.line("caused", cls, msg, cont=""))
        for fn, loc in cause_frames[:S.pick("api_exc", "cn", CAUSE_N)]:
            block.append(S.line("frame", fn, loc, cont="\t"))
        block.append(S.line("more", S.pick("api_exc", "more", MORE_N), cont="\t"))
        return block

    units = [(128, api), (32, cron_start), (32, cron_done), (16, sessions_gc), (4, started), (3, stopping),
             (4, storage), (19, theft), (5, api_exc)]
    return S, shuffle_run(S, units, hms(10, 2, 11, 457), 7.0)


# ==========================================================================
# 5. FusionAuth -- seeded shuffle.  logback, 12-hour clock:
#    2026-03-14 02:17:44.903 PM INFO  io.fusionauth.api.service.email.DefaultEmailService - msg
#    exception text / frames / "Caused by" / "... n common frames omitted" on their own lines.
# ==========================================================================

def build_fusionauth():
    S = System(5, "FusionAuth")
    S.kind = "shuffle"
    decl = [
        ("hook_ok", "Sent event [<*>] to webhook [<*>]. Response code [<*>]",
         "INFO", "io.fusionauth.api.service.webhook.DefaultWebhookEventSender"),
        ("hook_fail", "Failed to send event [<*>] to webhook [<*>]. Response code [<*>]",
         "WARN", "io.fusionauth.api.service.webhook.DefaultWebhookEventSender"),
        ("mail_ok", "Sent email template [<*>] to [<*>]",
         "INFO", "io.fusionauth.api.service.email.DefaultEmailService"),
        ("mail_fail", "Unable to send email template [<*>] to [<*>]. Cause [<*>]",
         "ERROR", "io.fusionauth.api.service.email.DefaultEmailService"),
        ("starvation", "<*> - Thread starvation or clock leap detected (housekeeper delta=<*>).",
         "WARN", "com.zaxxer.hikari.pool.HikariPool"),
        ("unhandled", "An unhandled exception was thrown while processing the request [<*>]",
         "ERROR", "io.fusionauth.app.primeframework.error.ExceptionExceptionHandler"),
        ("rte", "java.lang.RuntimeException: <*>", None, None),
        ("frame", "at <*>(<*>)", None, None),
        ("caused", "Caused by: <*>: <*>", None, None),
        ("omitted", "... <*> common frames omitted", None, None),
        ("cleanup", "Removed [<*>] expired rows from [<*>] in [<*>] ms",
         "INFO", "io.fusionauth.api.service.system.DefaultCleanupService"),
        ("locked", "User [<*>] was locked after [<*>] failed login attempts",
         "INFO", "io.fusionauth.api.service.user.DefaultUserActionService"),
        ("unlocked", "User [<*>] was unlocked after [<*>] minutes",
         "INFO", "io.fusionauth.api.service.user.DefaultUserActionService"),
        ("reindex", "Reindex of [<*>] users completed in [<*>] ms",
         "INFO", "io.fusionauth.api.service.search.ElasticsearchSearchEngine"),
        ("revoked", "Revoked [<*>] refresh tokens for user [<*>] and application [<*>]",
         "INFO", "io.fusionauth.api.service.jwt.DefaultRefreshTokenService"),
    ]
    meta = {}
    for key, tpl, lvl, logger in decl:
        S.event(key, tpl)
        meta[key] = (lvl, logger)

    def header(t, h):
        lvl, logger = meta[h["key"]]
        if lvl is None:
            return h["cont"]
        y, mo, d, hh, mi, s, f = tparts(t)
        h12 = hh % 12 or 12
        return "%04d-%02d-%02d %02d:%02d:%02d.%03d %s %-5s %s - " % (
            y, mo, d, h12, mi, s, f // MS, "AM" if hh < 12 else "PM", lvl, logger)
    S.header = header
    S.header_re = re.compile(r"(?:(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} (?:AM|PM)) "
                             r"(?:TRACE|DEBUG|INFO |WARN |ERROR) [\w.$]+ - |\t?)")

    def parse(m):
        ts = m.group("ts")
        y, mo, d, hh, mi, s, ms_ = (int(x) for x in re.findall(r"\d+", ts))
        hh = hh % 12 + (12 if ts.endswith("PM") else 0)
        return (y, mo, d, hh, mi, s, ms_)
    S.parse_ts = parse

    EVENTS = ["user.login.success", "user.login.failed", "user.create", "user.update", "jwt.refresh-token.revoke",
              "user.registration.create", "user.email.verified"]
    HOOKS = ["https://hooks.ardentcove.test/fusionauth", "http://audit-collector.sec.svc:8088/events",
             "https://zap.ardentcove.test/hooks/catch/4417/"]
    TEMPLATES = ["Forgot Password", "Email Verification", "Passwordless Login", "Two Factor Authentication",
                 "Setup Password", "Breached Password Notification"]
    NAMES = ["r.castellano", "hwang.minji", "d.oyelaran", "e.brandt", "lucia.f", "ops-oncall", "n.petrov",
             "s.mwangi", "aiko.t"]
    DOMAINS = ["ardentcove.test", "inbox.example", "partners.ardentcove.test"]
    APPS = ["Ardent Portal", "Ardent Mobile", "Grafana", "Support Desk"]

    def email(key):
        return "%s@%s" % (S.pick(key, "name", NAMES), S.pick(key, "dom", DOMAINS))

    def L(key, *v):
        return S.line(key, *v)

    def hook_ok():
        return [L("hook_ok", S.pick("hook_ok", "ev", EVENTS), S.pick("hook_ok", "url", HOOKS),
                  S.pick("hook_ok", "code", [200, 200, 202, 200, 204]))]

    def hook_fail():
        return [L("hook_fail", S.pick("hook_fail", "ev", EVENTS), S.pick("hook_fail", "url", HOOKS),
                  S.pick("hook_fail", "code", [500, 502, 504, 503]))]

    def mail_ok():
        return [L("mail_ok", S.pick("mail_ok", "tpl", TEMPLATES), email("mail_ok"))]

    def mail_fail():
        why = S.pick("mail_fail", "why", [
            "javax.mail.MessagingException: Could not connect to SMTP host: smtp.ardentcove.test, port: 587",
            "com.sun.mail.smtp.SMTPSendFailedException: 554 5.7.1 Message rejected: Sending paused for this account",
            "javax.mail.AuthenticationFailedException: 535 5.7.8 Authentication credentials invalid",
        ])
        return [L("mail_fail", S.pick("mail_fail", "tpl", TEMPLATES), email("mail_fail"), why)]

    def starvation():
        delta = "%dm%ds%dms" % (S.ri(1, 4), S.ri(0, 59), S.ri(0, 999))
        return [L("starvation", S.pick("starvation", "pool", ["HikariPool-1", "HikariPool-2"]), delta)]

    def cleanup():
        return [L("cleanup", S.ri(0, 3200), S.pick("cleanup", "table", ["refresh_tokens", "authentication_keys",
                                                                          "passwordless_codes", "user_action_logs"]),
                  S.ri(4, 2600))]

    def locked():
        return [L("locked", email("locked"), S.pick("locked", "n", [5, 3, 10]))]

    def unlocked():
        return [L("unlocked", email("unlocked"), S.pick("unlocked", "n", [15, 30, 60]))]

    def reindex():
        return [L("reindex", S.ri(4000, 48000), S.ri(2500, 95000))]

    def revoked():
        return [L("revoked", S.ri(1, 6), S.uuid(), S.pick("revoked", "app", APPS))]

    PRIME = "org.primeframework.mvc"
    TOP = [
        ("io.fusionauth.api.service.user.DefaultUserService.retrieveUserById", "DefaultUserService.java:1203"),
        ("io.fusionauth.app.action.oauth2.TokenAction.handleRefreshToken", "TokenAction.java:611"),
        ("io.fusionauth.app.action.oauth2.TokenAction.post", "TokenAction.java:287"),
        ("jdk.internal.reflect.GeneratedMethodAccessor412.invoke", "Unknown Source"),
        ("java.base/java.lang.reflect.Method.invoke", "Unknown Source"),
        (PRIME + ".util.ReflectionUtils.invoke", "ReflectionUtils.java:525"),
        (PRIME + ".action.DefaultActionInvocationWorkflow.execute", "DefaultActionInvocationWorkflow.java:155"),
    ]
    CAUSE = [
        ("java.sql.SQLTransientConnectionException",
         "HikariPool-1 - Connection is not available, request timed out after 30000ms.",
         [("com.zaxxer.hikari.pool.HikariPool.createTimeoutException", "HikariPool.java:696"),
          ("com.zaxxer.hikari.pool.HikariPool.getConnection", "HikariPool.java:197"),
          ("com.zaxxer.hikari.pool.HikariPool.getConnection", "HikariPool.java:162"),
          ("com.zaxxer.hikari.HikariDataSource.getConnection", "HikariDataSource.java:128")]),
        ("org.postgresql.util.PSQLException", "An I/O error occurred while sending to the backend.",
         [("org.postgresql.core.v3.QueryExecutorImpl.execute", "QueryExecutorImpl.java:395"),
          ("org.postgresql.jdbc.PgStatement.executeInternal", "PgStatement.java:498"),
          ("org.postgresql.jdbc.PgStatement.execute", "PgStatement.java:415"),
          ("org.postgresql.jdbc.PgPreparedStatement.executeWithFlags", "PgPreparedStatement.java:190")]),
    ]
    PATHS = ["/oauth2/token", "/api/user", "/oauth2/authorize", "/api/login"]
    TOP_N = [6, 5, 7, 6]
    CAUSE_N = [3, 4, 3, 3]

    def unhandled():
        cls, msg, frames = S.pick("unhandled", "cause", CAUSE)
        block = [L("unhandled", S.pick("unhandled", "path", PATHS)),
                 S.line("rte", "%s: %s" % (cls, msg), cont="")]
        for fn, loc in TOP[:S.pick("unhandled", "top", TOP_N)]:
            block.append(S.line("frame", fn, loc, cont="\t"))
        block.append(S.line("caused", cls, msg, cont=""))
        for fn, loc in frames[:S.pick("unhandled", "cn", CAUSE_N)]:
            block.append(S.line("frame", fn, loc, cont="\t"))
        block.append(S.line("omitted", S.pick("unhandled", "om", [38, 41, 36, 44]), cont="\t"))
        return block

    units = [(80, hook_ok), (12, hook_fail), (45, mail_ok), (6, mail_fail), (5, starvation), (4, unhandled),
             (28, cleanup), (9, locked), (4, unlocked), (3, reindex), (55, revoked)]
    return S, shuffle_run(S, units, hms(11, 38, 44, 903), 9.0)


# ==========================================================================
# 6. Janssen -- simulation (browser authorization-code flows, client-credentials
#    and refresh-token clients, logouts, the cleaner timer, a misconfigured
#    client id).  log4j2 pattern "%d %-5p [%t] [%C{6}] (%F:%L) - %m%n",
#    exceptions rendered with %xEx (frames carry "~[jar:?]").
# ==========================================================================

def build_janssen():
    S = System(6, "Janssen")
    S.kind = "simulation"
    AUTHZ = ("io.jans.as.server.authorize.ws.rs.AuthorizeRestWebServiceImpl", "AuthorizeRestWebServiceImpl.java:239")
    AUTHN = "io.jans.as.server.auth.Authenticator"
    TOKEN = ("io.jans.as.server.token.ws.rs.TokenRestWebServiceImpl", "TokenRestWebServiceImpl.java:162")
    UINFO = ("io.jans.as.server.userinfo.ws.rs.UserInfoRestWebServiceImpl", "UserInfoRestWebServiceImpl.java:121")
    ENDS = ("io.jans.as.server.session.ws.rs.EndSessionRestWebServiceImpl", "EndSessionRestWebServiceImpl.java:114")
    CLEAN = "io.jans.as.server.service.cdi.event.CleanerTimer"
    CLIENTS = ("io.jans.as.server.service.ClientService", "ClientService.java:212")
    REDIR = ("io.jans.as.server.service.RedirectionUriService", "RedirectionUriService.java:146")
    SESS = ("io.jans.as.server.service.SessionIdService", "SessionIdService.java:904")

    S.event("authz", "Attempting to request authorization: responseType = <*>, clientId = <*>, scope = <*>, "
            "redirectUri = <*>, nonce = <*>, state = <*>, request = null, isSecure = true, sessionId = <*>")
    S.event("user_ok", "Authentication success for User: '<*>'")
    S.event("user_fail", "Authentication failed for User: '<*>'")
    S.event("client_ok", "Authentication success for Client: '<*>'")
    S.event("token", "Attempting to request access token: grantType = <*>, code = <*>, redirectUri = <*>, "
            "username = null, refreshToken = <*>, clientId = <*>, ExtraParams = {}, isSecure = true, "
            "codeVerifier = <*>, ticket = null")
    S.event("userinfo", "Attempting to request User Info, Access token = <*>, Is Secure = true")
    S.event("endsession", "Attempting to end session, idTokenHint: <*>, postLogoutRedirectUri: <*>, sid: <*>, "
            "Is Secure = true")
    S.event("clean_start", "Start clean up for baseDn: <*>, batchSize: 1000")
    S.event("clean_end", "End clean up for baseDn: <*>, removed: <*>, took: <*> ms")
    S.event("client_err", "Failed to find client by inum: <*>")
    S.event("epe", "io.jans.orm.exception.EntryPersistenceException: Failed to find entry: <*>")
    S.event("frame", "at <*>(<*>) ~[<*>]")
    S.event("redir_bad", "Redirection URI is not allowed for client '<*>': <*>")
    S.event("sess_removed", "Removed session '<*>' of user '<*>'")

    def header(t, h):
        if "cont" in h:
            return h["cont"]
        y, mo, d, hh, mi, s, f = tparts(t)
        return "%04d-%02d-%02d %02d:%02d:%02d,%03d %-5s [%s] [%s] (%s) - " % (
            y, mo, d, hh, mi, s, f // MS, h["lv"], h["th"], h["cls"], h["fl"])
    S.header = header
    S.header_re = re.compile(r"(?:(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) (?:TRACE|DEBUG|INFO |WARN |ERROR) "
                             r"\[[^\]]+\] \[[\w.$]+\] \(\w+\.java:\d+\) - |\t?)")
    S.parse_ts = lambda m: tuple(int(x) for x in re.findall(r"\d+", m.group("ts")))

    sim = Sim()
    QTP = "qtp1509514333-%d"

    def th():
        return QTP % S.ri(18, 96)

    def at(lv, where, thread=None):
        return {"lv": lv, "cls": where[0], "fl": where[1], "th": thread or th()}

    def ln(key, hdr, *vals):
        return S.line(key, *vals, **hdr)

    # (client inum, redirect uri, post logout uri, scope, uses PKCE)
    # (client inum, redirect uri, post logout uri, scope, uses PKCE, response type)
    WEB = [("3c1f0a9e-7d4b-4e62-9a15-2b8c6f0d4e71", "https://intranet.tallgrass.test/callback",
            "https://intranet.tallgrass.test/", "openid profile email", True, "code"),
           ("91be7d42-0c3a-4f5e-8d17-6a2e9b4c0f38", "https://jenkins.tallgrass.test/securityRealm/finishLogin",
            "https://jenkins.tallgrass.test/", "openid profile user_name", False, "code"),
           ("5ad2c8f1-4e97-43b0-b6a1-0f7e3d29c5b4", "https://wiki.tallgrass.test/oauth2/callback",
            "https://wiki.tallgrass.test/logged-out", "openid email", True, "code id_token")]
    SERVICE = ["1800.8e9f34c7-2a51-4d0b-9c6e-71f2a8d45b03", "a7d0e3b9-61f4-4c28-8e35-c94b1f0a7d26",
               "e2f84c1d-9b3a-4f70-a5d6-380c7b1e9f42"]
    MOBILE = ("0d6b9e2a-3f48-4c71-b8e5-a1c2d94f7e60", "io.tallgrass.app:/oauthredirect")
    USERS = ["admin", "jdoe", "m.achterberg", "kpatel", "lucia.romero", "o.nwachukwu", "svetlana.k"]

    def cc_or_uma(t):
        """service client: client_credentials token"""
        cid = S.pick("svc", "cid", SERVICE)
        thr = th()
        sim.emit(t, ln("client_ok", at("INFO", (AUTHN, "Authenticator.java:178"), thr), cid))
        sim.emit(t + S.ri(1, 6) * MS, ln("token", at("DEBUG", TOKEN, thr), "client_credentials", "null", "null",
                                         "null", cid, "null"))

    def service(t0):
        t = t0
        for _ in range(S.ri(1, 3)):
            cc_or_uma(t)
            t += S.uns(0.5, 20)

    def mobile_refresh(t0):
        thr = th()
        sim.emit(t0, ln("client_ok", at("INFO", (AUTHN, "Authenticator.java:178"), thr), MOBILE[0]))
        sim.emit(t0 + S.ri(1, 5) * MS, ln("token", at("DEBUG", TOKEN, thr), "refresh_token", "null", "null",
                                          S.uuid(), MOBILE[0], "null"))
        if S.chance(0.5):
            sim.emit(t0 + S.uns(0.2, 2), ln("userinfo", at("DEBUG", UINFO), S.uuid()))

    def bad_redirect(t0):
        cid, redir, post, scope, pkce, rtype = S.pick("badredir", "client", WEB)
        bad = S.pick("badredir", "how", [redir.replace("https://", "http://"), redir + "/../admin",
                                         redir.split("/")[0] + "//" + redir.split("/")[2] + ".evil.example/cb"])
        thr = th()
        sim.emit(t0, ln("authz", at("DEBUG", AUTHZ, thr), rtype, cid, scope, bad, S.b64url(22), S.b64url(16),
                        "null"))
        sim.emit(t0 + S.ri(1, 4) * MS, ln("redir_bad", at("WARN", REDIR, thr), cid, bad))

    def browser(t0):
        t = t0
        cid, redir, post, scope, pkce, rtype = S.pick("web", "client", WEB)
        user = S.pick("web", "user", USERS)
        nonce, state = S.b64url(22), S.b64url(16)
        sim.emit(t, ln("authz", at("DEBUG", AUTHZ), rtype, cid, scope, redir, nonce, state, "null"))
        t += S.uns(4, 35)
        while S.chance(0.3):
            sim.emit(t, ln("user_fail", at("INFO", (AUTHN, "Authenticator.java:402")), user))
            t += S.uns(4, 20)
        sid = S.uuid()
        sim.emit(t, ln("user_ok", at("INFO", (AUTHN, "Authenticator.java:389")), user))
        t += S.ri(40, 300) * MS
        sim.emit(t, ln("authz", at("DEBUG", AUTHZ), rtype, cid, scope, redir, nonce, state, sid))
        t += S.ri(200, 900) * MS
        thr = th()
        sim.emit(t, ln("client_ok", at("INFO", (AUTHN, "Authenticator.java:178"), thr), cid))
        sim.emit(t + S.ri(1, 6) * MS, ln("token", at("DEBUG", TOKEN, thr), "authorization_code", S.uuid(), redir,
                                         "null", cid, S.b64url(43) if pkce else "null"))
        t += S.ri(60, 400) * MS
        sim.emit(t, ln("userinfo", at("DEBUG", UINFO), S.uuid()))
        if S.chance(0.6):
            t += S.uns(30, 240)
            thr = th()
            sim.emit(t, ln("endsession", at("DEBUG", ENDS, thr), "eyJraWQiOiJ" + S.b64url(24) + "...", post, sid))
            sim.emit(t + S.ri(2, 9) * MS, ln("sess_removed", at("INFO", SESS, thr), sid, user))

    JARS = {"io.jans.orm.sql": "jans-orm-sql-1.1.2.jar:?", "io.jans.orm": "jans-orm-core-1.1.2.jar:?",
            "io.jans.as.server": "classes/:?", "java.": "?:?", "jdk.": "?:?"}
    FRAMES = [("io.jans.orm.sql.impl.SqlEntryManager.find", "SqlEntryManager.java:812"),
              ("io.jans.orm.sql.impl.SqlEntryManager.find", "SqlEntryManager.java:790"),
              ("io.jans.orm.impl.BaseEntryManager.find", "BaseEntryManager.java:968"),
              ("io.jans.as.server.service.ClientService.getClientByDn", "ClientService.java:208"),
              ("io.jans.as.server.service.ClientService.getClient", "ClientService.java:243"),
              ("io.jans.as.server.service.ClientService.getClient", "ClientService.java:226"),
              ("io.jans.as.server.auth.AuthenticationFilter.doFilter", "AuthenticationFilter.java:218"),
              ("jdk.internal.reflect.GeneratedMethodAccessor311.invoke", "Unknown Source"),
              ("java.base/java.lang.reflect.Method.invoke", "Method.java:568")]

    def jar(fn):
        for pfx in ("io.jans.orm.sql", "io.jans.orm", "io.jans.as.server", "java.", "jdk."):
            if fn.startswith(pfx):
                return JARS[pfx]
        raise AssertionError(fn)

    def ghost_client(t0):
        cid = S.pick("ghost", "cid", ["c0ffee00-1111-4bad-8a11-5e7a1de0c0de", "4f3d2a10-9b8c-4e7f-a6d5-0c1b2a3e4f5d"])
        thr = th()
        block = [ln("client_err", at("ERROR", CLIENTS, thr), cid),
                 S.line("epe", "inum=%s,ou=clients,o=jans" % cid, cont="")]
        for fn, loc in FRAMES[:S.ri(5, 9)]:
            block.append(S.line("frame", fn, loc, jar(fn), cont="\t"))
        sim.emit(t0, *block)

    BASES = ["ou=sessions,o=jans", "ou=tokens,o=jans", "ou=metric,o=jans", "ou=uma,o=jans"]

    def cleaner(t0):
        t = t0
        thr = "pool-7-thread-%d" % S.ri(1, 2)
        for base in BASES:
            sim.emit(t, ln("clean_start", at("DEBUG", (CLEAN, "CleanerTimer.java:181"), thr), base))
            took = S.ri(3, 900)
            t += took * MS + S.ri(0, 999) * US
            sim.emit(t, ln("clean_end", at("DEBUG", (CLEAN, "CleanerTimer.java:196"), thr), base,
                           S.ri(0, 250) if base != "ou=uma,o=jans" else S.ri(0, 3), took))
            t += S.ri(1, 20) * MS

    T0 = hms(16, 22, 3, 518)
    END = T0 + 40 * MIN
    spawn_all(S, [(browser, 45, "poisson"), (service, 30, "poisson"), (mobile_refresh, 45, "poisson"),
                  (ghost_client, 150, "jitter"), (bad_redirect, 160, "jitter")], T0, END)
    t = T0 + S.uns(5, 60)
    while t < END:                      # cleaner timer fires every 60 s
        cleaner(t)
        t += 60 * SEC + S.ri(0, 40) * MS
    return S, sim.take()


# ==========================================================================
# writing
# ==========================================================================

BUILDERS = [build_oryhydra, build_casdoor, build_logto, build_supertokens, build_fusionauth, build_janssen]


def write_system(S, recs):
    d = os.path.join(HERE, S.name)
    os.makedirs(d, exist_ok=True)
    raw, rows = [], []
    for i, (t, ln) in enumerate(recs, 1):
        header = S.header(t, ln["hdr"])
        raw.append(header + ln["content"])
        eid, tpl, _ = S.index[ln["key"]]
        rows.append([i, ln["content"], eid, tpl])
    with open(os.path.join(d, S.name + ".log"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(raw) + "\n")
    with open(os.path.join(d, S.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


# ==========================================================================
# self-check (reads the files back)
# ==========================================================================

class CheckError(Exception):
    pass


def need(cond, msg):
    if not cond:
        raise CheckError(msg)


def self_check(S):
    d = os.path.join(HERE, S.name)
    log_path = os.path.join(d, S.name + ".log")
    csv_path = os.path.join(d, S.name + ".log_structured.csv")
    for p in (log_path, csv_path):
        with open(p, "rb") as f:
            data = f.read()
        need(data.endswith(b"\n"), "%s does not end with a newline" % p)
        need(b"\r" not in data, "%s contains \\r" % p)
    with open(log_path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")[:-1]
    need(len(lines) == N_LINES, "%s: %d lines" % (S.name, len(lines)))
    with open(csv_path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    need(rows and rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], "bad csv header")
    rows = rows[1:]
    need(len(rows) == N_LINES, "%s: %d csv rows" % (S.name, len(rows)))

    declared = [(eid, tpl) for _, eid, tpl in S.events]
    tpl_of = {}
    counts = {}
    last_ts = None
    for i, (row, raw) in enumerate(zip(rows, lines), 1):
        need(len(row) == 4, "row %d has %d columns" % (i, len(row)))
        lid, content, eid, tpl = row
        need(lid == str(i), "row %d: LineId %r" % (i, lid))
        need(content != "" and content == content.strip(), "row %d: content empty or not stripped" % i)
        need(raw.endswith(content), "line %d does not end with its Content" % i)
        header = raw[:len(raw) - len(content)]
        m = S.header_re.fullmatch(header)
        need(m is not None, "line %d: header %r does not match" % (i, header))
        if m.group("ts"):
            ts = S.parse_ts(m)
            need(last_ts is None or ts >= last_ts, "line %d: timestamp goes back" % i)
            last_ts = ts
        need(re.fullmatch(r"E\d+", eid) is not None, "row %d: EventId %r" % (i, eid))
        need(tpl_of.setdefault(eid, tpl) == tpl, "%s has two templates" % eid)
        counts[eid] = counts.get(eid, 0) + 1
    need(len(set(tpl_of.values())) == len(tpl_of), "two EventIds share a template")
    need(sorted(tpl_of.items()) == sorted(declared), "used events differ from the declared ones")

    slots = {}
    for row in rows:
        _, content, eid, tpl = row
        m = tpl_regex(tpl).fullmatch(content)
        need(m is not None, "row %s: template %s does not match its content" % (row[0], eid))
        for j, g in enumerate(m.groups()):
            slots.setdefault((eid, j), set()).add(g)
    for eid, tpl in declared:
        for j in range(tpl.count("<*>")):
            need(len(slots.get((eid, j), ())) >= 2, "%s slot %d takes fewer than 2 values" % (eid, j + 1))

    c = [counts[eid] for eid, _ in declared]
    need(12 <= len(c) <= 15, "%d event types" % len(c))
    need(min(c) >= 3, "an event has fewer than 3 lines")
    need(sum(1 for x in c if 3 <= x <= 10) >= 3, "fewer than 3 events with 3-10 lines")
    med = statistics.median(c)
    need(max(c) >= 3 * med, "largest %d < 3 x median %s" % (max(c), med))
    return counts, med


def main():
    systems = []
    for build in BUILDERS:
        S, recs = build()
        write_system(S, recs)
        systems.append(S)
    ok = True
    for S in systems:
        try:
            counts, med = self_check(S)
        except CheckError as e:
            ok = False
            print("%-12s FAIL: %s" % (S.name, e))
            continue
        c = [counts[eid] for _, eid, _ in S.events]
        print("%-12s ok  %-10s events=%2d  max=%3d  median=%4s  min=%d  counts=%s" % (
            S.name, S.kind, len(c), max(c), med, min(c),
            " ".join("%s:%d" % (eid, counts[eid]) for _, eid, _ in S.events)))
    if not ok:
        raise SystemExit("self-check failed")
    print("all %d systems passed the self-check" % len(systems))


if __name__ == "__main__":
    main()
