#!/usr/bin/env python3
"""Writes round 16, a blind, labelled log corpus for the log template miner (see README.md).

Six systems, 300 lines each: CrowdSec, Authelia, FreeSWITCH, Apptainer, GPFS, Puma. Every line
is made here from event formats written for this corpus, following each program's default log
layout (written from memory), with values from the generators of this file. No line, template
or value list is copied from a real log or data set; the messages are invented in each
project's style. The corpus was written without running any template miner or log parser on it
and without reading the miner's source.

Deterministic: fixed seed 20261220, integer nanosecond clock starting on 2026-12-17, no
dependence on locale or wall time; `python3 generate.py` rewrites the same files. Each system
gets `<System>/<System>.log` (the raw lines, header included) and
`<System>/<System>.log_structured.csv` (LineId, Content, EventId, EventTemplate).

Event formats are written directly as their Loghub-style templates: each `<*>` of a format is
filled with one generated value (see README.md for the convention). CrowdSec, Authelia and GPFS
are seeded shuffles of their event types stamped by a clock that only moves forward;
FreeSWITCH (concurrent calls), Apptainer (the tasks of `srun` job steps) and Puma (requests on
three workers) are simulations whose lines interleave, cut to the first 300 lines in time order.

At the end every file is read back and checked (`self_check`).
"""
import calendar
import csv
import math
import os
import random
import re
import string
import time

SEED = 20261220
R = random.Random(SEED)
LINES = 300
MIN_EVENTS, MAX_EVENTS = 12, 15
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["CrowdSec", "Authelia", "FreeSWITCH", "Apptainer", "GPFS", "Puma"]
DAY = calendar.timegm((2026, 12, 17, 0, 0, 0))
SEC = 10 ** 9
MS = 10 ** 6
US = 10 ** 3
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


# ------------------------------------------------------------------------------------------
# Value generators.
def pick(seq):
    return R.choice(seq)


def hexs(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def uuid4():
    h = hexs(32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], R.choice("89ab"), h[17:20], h[20:])


class Cycle:
    """Draws from a pool in seeded shuffled rounds, so that a rare event type sees different
    values in a slot as soon as it has two lines."""

    def __init__(self, pool):
        self.pool = list(pool)
        assert len(set(map(repr, self.pool))) >= 2, pool
        self.queue = []

    def __call__(self):
        if not self.queue:
            self.queue = self.pool[:]
            R.shuffle(self.queue)
        return self.queue.pop()


def start_ns(h_lo, h_hi):
    """A start on 2026-12-17 (UTC) between two hours, with a random sub-second part."""
    return (DAY + R.randint(h_lo * 3600, h_hi * 3600)) * SEC + R.randint(0, SEC - 1)


def stamp(ns, off=0, dsep="-", mid=" ", digits=0):
    """`2026-12-17 08:12:44[.fff]` of ns (UTC) shifted by off seconds (a local time zone)."""
    g = time.gmtime(ns // SEC + off)
    out = "%04d%s%02d%s%02d%s%02d:%02d:%02d" % (g.tm_year, dsep, g.tm_mon, dsep, g.tm_mday, mid,
                                              g.tm_hour, g.tm_min, g.tm_sec)
    if digits:
        out += "." + ("%09d" % (ns % SEC))[:digits]
    return out


def rfc1123(ns):
    """Go's time.RFC1123 in UTC: `Thu, 17 Dec 2026 08:12:44 UTC`."""
    g = time.gmtime(ns // SEC)
    return "%s, %02d %s %04d %02d:%02d:%02d UTC" % (WEEKDAYS[g.tm_wday], g.tm_mday, MONTHS[g.tm_mon - 1],
                                                    g.tm_year, g.tm_hour, g.tm_min, g.tm_sec)


def _trim(n, div, prec):
    whole, frac = divmod(n, div)
    f = ("%0*d" % (prec, frac)).rstrip("0")
    return str(whole) + ("." + f if f else "")


def go_duration(ns):
    """Go's time.Duration.String(): `850ns`, `312.5µs`, `41.07ms`, `2.5s`, `1m4.25s`, `1h0m0s`."""
    if ns < US:
        return "%dns" % ns
    if ns < MS:
        return _trim(ns, US, 3) + "µs"
    if ns < SEC:
        return _trim(ns, MS, 6) + "ms"
    h, rest = divmod(ns, 3600 * SEC)
    m, rest = divmod(rest, 60 * SEC)
    out = ("%dh" % h if h else "") + ("%dm" % m if h or m else "")
    return out + _trim(rest, SEC, 9) + "s"


def go_time(ns, off=0, zone="+0000 UTC", nanos=True):
    """Go's Time.String(): `2026-12-17 08:12:41.527481123 +0000 UTC` (fraction trimmed)."""
    out = stamp(ns, off)
    if nanos:
        f = ("%09d" % (ns % SEC)).rstrip("0")
        out += "." + f if f else ""
    return out + " " + zone


def log_uniform(lo, hi):
    """An integer between lo and hi, log-uniformly (durations, sizes)."""
    return int(round(math.exp(R.uniform(math.log(lo), math.log(hi)))))


# logrus TextFormatter (CrowdSec, Authelia): a value is written bare when every character is a
# letter, a digit or one of `-._/@^+`, otherwise Go-quoted (`%q`).
LOGRUS_BARE = set(string.ascii_letters + string.digits + "-._/@^+")


def gq(s):
    """The body of Go's strconv.Quote (printable non-ASCII such as `µ` stays as it is)."""
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\x%02x" % ord(ch))
        else:
            out.append(ch)
    return "".join(out)


def needs_quoting(s):
    return not s or any(ch not in LOGRUS_BARE for ch in s)


def qf(v):
    """A logrus field value that gets quoted: written as `key="<*>"`, the value escaped."""
    assert needs_quoting(v), v
    return gq(v)


def bf(v):
    """A logrus field value written bare: `key=<*>`."""
    assert not needs_quoting(v), v
    return v


# ------------------------------------------------------------------------------------------
# Filling templates and writing a system.
def ev(template, *values, padded=False):
    """(content, template, values) of one line of an event type."""
    values = tuple(str(v) for v in values)
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        assert v and v.strip() and not any(c in v for c in "\n\r\t"), (template, values)
        assert padded or v == v.strip(), (template, values)
        out += [v, p]
    return "".join(out), template, values


def emit(system, n_events, items):
    """items: (k, header, content, template, values) in file order, k the event type's index.
    Checks the per-type invariants while writing, then writes both files."""
    assert len(items) == LINES, (system, len(items))
    assert MIN_EVENTS <= n_events <= MAX_EVENTS, system
    rows, raw, templates, slots = [], [], {}, {}
    for i, (k, header, content, template, values) in enumerate(items):
        assert templates.setdefault(k, template) == template, (system, template)
        assert content and content == content.strip(), (system, content)
        line = header + content
        assert "\n" not in line and "\r" not in line, (system, line)
        rows.append([i + 1, content, "E%d" % (k + 1), template])
        raw.append(line)
        seen = slots.setdefault(k, [set() for _ in values])
        assert len(seen) == len(values), (system, template)
        for s, v in zip(seen, values):
            s.add(v)
    assert sorted(templates) == list(range(n_events)), (system, sorted(templates))
    assert len(set(templates.values())) == n_events, system
    for k, seen in slots.items():
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


def shuffled(system, events, header, t0, gap_ms):
    """A seeded shuffle of event types. events: list of (count, level, gen), gen(ns) -> ev(...);
    header(ns, level) -> the header; the clock moves forward by gap_ms (lo, hi) per line."""
    order = [k for k, e in enumerate(events) for _ in range(e[0])]
    assert len(order) == LINES, (system, len(order))
    R.shuffle(order)
    ns, items = t0, []
    for k in order:
        ns += log_uniform(gap_ms[0] * MS, gap_ms[1] * MS)
        _, level, gen = events[k]
        content, template, values = gen(ns)
        items.append((k, header(ns, level), content, template, values))
    emit(system, len(events), items)


class Timeline:
    """Lines of a simulation, stamped when they happen and written in time order. A line's
    header is rendered once its place in the file is known."""

    def __init__(self):
        self.lines = []

    def add(self, t, k, header, e, tag=None):
        self.lines.append((t, len(self.lines), k, header, e, tag))

    def first(self, n=LINES, drop=lambda line: False):
        kept = sorted((l for l in self.lines if not drop(l)), key=lambda l: (l[0], l[1]))
        assert len(kept) >= n, len(kept)
        return [(k, header(t), e[0], e[1], e[2]) for t, _, k, header, e, _ in kept[:n]]


def ipv4(first_octets):
    return "%d.%d.%d.%d" % (pick(first_octets), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))


PUBLIC_OCTETS = [5, 23, 31, 37, 45, 46, 62, 77, 79, 85, 89, 91, 94, 103, 109, 117, 139, 146, 152, 159,
                 167, 176, 178, 183, 185, 188, 193, 195, 212, 217, 218, 222]


def ipv6_public():
    return "2%03x:%x:%x:%x::%x" % (R.choice([0x001, 0x400, 0x604, 0xa01, 0xa02, 0xa0b]), R.randint(0x100, 0xffff),
                                   R.randint(0, 0xffff), R.randint(0, 0xfff), R.randint(1, 0xffff))


# ------------------------------------------------------------------------------------------
# 1. CrowdSec security engine (agent + local API in one process), default `log_media: file`,
#    /var/log/crowdsec.log, logrus text format with an RFC3339 UTC time:
#    `time="2026-12-17T06:41:09Z" level=info msg="..." key=value ...`.
#    Content starts at `msg=` (after `level=<level> `); the quoted message and the sorted
#    logrus fields after it are part of Content.
def crowdsec():
    scenarios = ["crowdsecurity/ssh-bf", "crowdsecurity/ssh-slow-bf", "crowdsecurity/http-probing",
                 "crowdsecurity/http-crawl-non_statics", "crowdsecurity/http-sensitive-files",
                 "crowdsecurity/http-bad-user-agent", "crowdsecurity/http-admin-interface-probing",
                 "crowdsecurity/postfix-spam", "hafenstrasse/gitea-bf", "hafenstrasse/wp-xmlrpc-abuse"]
    geo = [("CN", 4134), ("US", 14061), ("DE", 24940), ("RU", 49505), ("NL", 202425), ("BR", 28573),
           ("VN", 7552), ("FR", 16276), ("IN", 9829), ("SG", 45102), ("HK", 4760), ("KR", 4766)]

    def attacker():
        return ipv6_public() if R.random() < 0.12 else ipv4(PUBLIC_OCTETS)

    def overflow(ns):
        n = R.randint(5, 60)
        span = log_uniform(80 * MS, 900 * SEC)
        return ev(r'''msg="Ip <*> performed '<*>' (<*> events over <*>) at <*>"''',
                  attacker(), pick(scenarios), n, go_duration(span), go_time(ns - R.randint(1, 900) * MS))

    bouncers = [("127.0.0.1", "cs-nginx-bouncer/v1.0.8"),
                ("172.18.0.7", "cs-traefik-bouncer/v1.3.4"),
                ("10.8.0.21", "crowdsec-firewall-bouncer/v0.0.31-debian-pragmatic-amd64-5c2a61e")]
    agent_ua = "crowdsec/v1.6.4-debian-pragmatic-amd64-0f1e3b7a-linux"

    def lapi(ns):
        r = R.random()
        if r < 0.62:
            ip, ua = pick(bouncers)
            path = pick(["/v1/decisions/stream?startup=false"] * 6 + ["/v1/decisions/stream?startup=true",
                        "/v1/decisions/stream?startup=false&scenarios_containing=ssh,http&origins=crowdsec,cscli"])
            m, st, lat = "GET", 200, log_uniform(90 * US, 4 * MS)
        elif r < 0.72:
            ip, ua = "127.0.0.1", "cs-nginx-bouncer/v1.0.8"
            path = "/v1/decisions?ip=%s&type=ban" % ipv4(PUBLIC_OCTETS)
            m, st, lat = "GET", 200, log_uniform(300 * US, 9 * MS)
        elif r < 0.84:
            ip, ua = "127.0.0.1", agent_ua
            m, path, st = pick([("POST", "/v1/alerts", 201), ("GET", "/v1/heartbeat", 200),
                                ("POST", "/v1/usage-metrics", 201)])
            lat = log_uniform(2 * MS, 180 * MS)
        elif r < 0.9:
            ip, ua = "127.0.0.1", agent_ua
            m, path, st, lat = "POST", "/v1/watchers/login", 200, log_uniform(40 * MS, 400 * MS)
        else:
            ip, ua = "10.8.0.33", "crowdsec-firewall-bouncer/v0.0.29"
            m, path, st, lat = "GET", "/v1/decisions/stream?startup=false", 403, log_uniform(50 * US, 900 * US)
        return ev(r'msg="<*> - [<*>] \"<*> <*> HTTP/1.1 <*> <*> \"<*>\" \"\n"',
                  ip, rfc1123(ns), m, gq(path), st, go_duration(lat), gq(ua))

    def decision(kind):
        durations = Cycle(["4h", "4h", "8h", "24h", "168h"])
        types = Cycle(["ban", "ban", "ban", "captcha"])

        def gen(ns):
            ip = ipv4(PUBLIC_OCTETS)
            cc, asn = pick(geo)
            target = ip if kind == "Ip" else ip.rsplit(".", 1)[0] + ".0/24"
            return ev("msg=\"(localhost/crowdsec) <*> by ip <*> (<*>/<*>) : <*> <*> on %s <*>\"" % kind,
                      pick(scenarios), ip, cc, asn, durations(), types(), target)
        return gen

    def signals(ns):
        return ev('msg="Signal push: <*> signals to push"', R.randint(1, 24))

    files = Cycle(["/var/log/nginx/access.log", "/var/log/auth.log", "/var/log/mail.log",
                   "/var/log/nginx/git.hafenstrasse.dev.access.log", "/var/log/traefik/access.log",
                   "/srv/wordpress/logs/error_log-20261217"])

    def tail(word):
        return lambda ns: ev('msg="%s tail" filename=<*> type=file' % word, bf(files()))

    reasons = Cycle(["private ipv4/ipv6 ip/ranges", 'uptime monitoring ("statuscake", "hetrix")',
                     "office VPN egress, Hamburg", "ci runners", "backup host: nas-02 (rsync over ssh)"])

    def whitelisted(ns):
        return ev('msg="Ip <*> is whitelisted, event dropped (reason: <*>)"',
                  pick(["10.8.0.14", "192.168.1.20", "172.18.0.7", "81.14.202.6", "94.130.12.77"]),
                  gq(reasons()))

    push_errors = Cycle([
        "context deadline exceeded",
        'failed sending alert to LAPI: API error: Post "http://127.0.0.1:8080/v1/alerts": dial tcp '
        '127.0.0.1:8080: connect: connection refused',
        "API error: access forbidden : token expired, re-login needed",
        'unexpected status 500 from /v1/alerts: {"message":"constraint failed: UNIQUE constraint '
        'failed: alerts.uuid"}',
        "write tcp 127.0.0.1:51842->127.0.0.1:8080: write: broken pipe"])

    def push_error(ns):
        return ev('msg="while pushing to api : <*>"', gq(push_errors()))

    def capi_pull(ns):
        sc = R.sample(scenarios[:8], R.randint(2, 4))
        return ev('msg="pulled <*> decisions from CAPI" deleted=<*> scenarios="<*>"',
                  R.randint(900, 28000), bf(str(R.randint(0, 2400))), qf(",".join(sc)))

    def metrics(ns):
        return ev('msg="usage metrics sent successfully"')

    def unauthorized(ns):
        ip = pick(["10.8.0.33", "172.18.0.9", "10.8.0.40"])
        return ev(r'''msg="Unauthorized request from '<*>' (real IP = <*>)"''',
                  "%s:%d" % (ip, R.randint(32768, 60999)), ip)

    idle = Cycle(["5m0s", "30m0s", "1h0m0s", "2h30m0s", "45m0s"])

    def stale(ns):
        return ev('msg="no lines read from datasource" filename=<*> idle=<*> type=file', bf(files()), bf(idle()))

    events = [
        (75, "info", overflow),
        (110, "info", lapi),
        (36, "info", decision("Ip")),
        (20, "info", signals),
        (5, "info", tail("Starting")),
        (4, "info", tail("Stopping")),
        (7, "info", whitelisted),
        (6, "error", push_error),
        (5, "info", capi_pull),
        (15, "info", metrics),
        (4, "info", decision("Range")),
        (5, "error", unauthorized),
        (8, "warning", stale),
    ]

    def header(ns, level):
        return 'time="%sZ" level=%s ' % (stamp(ns, 0, "-", "T"), level)
    shuffled("CrowdSec", events, header, start_ns(6, 7), (40, 30000))


# ------------------------------------------------------------------------------------------
# 2. Authelia in a container with the default `log.format: text` (logrus text format) and
#    `TZ=Europe/Berlin`: `time="2026-12-17T08:14:03+01:00" level=error msg="..." error="..."
#    method=POST path=/api/firstfactor remote_ip=192.168.10.41`. Default level `info`.
#    Content starts at `msg=` (after `level=<level> `); the fields after the message are part
#    of Content.
def authelia():
    CET = 3600
    users = Cycle(["jdoe", "m.keller", "anna.lindqvist", "svc-backup", "o'brien", "admin", "root",
                   "t.nguyen", "Administrator", "p.ferreira@corp.example", "kim"])
    lan = lambda: "192.168.10.%d" % R.randint(20, 240)
    vpn = lambda: "10.9.0.%d" % R.randint(2, 60)
    remote = lambda: pick([lan, lan, vpn, lambda: ipv4(PUBLIC_OCTETS)])()

    fa1_errors = Cycle(["invalid credentials", "user not found", "user not found", "invalid credentials",
                        'failed to search the user: LDAP Result Code 200 "Network Error": dial tcp '
                        '10.20.0.4:636: i/o timeout',
                        "user is disabled", "password has expired"])

    def fa1(ns):
        return ev(r'''msg="Unsuccessful 1FA authentication attempt by user '<*>'" error="<*>" '''
                  "method=POST path=/api/firstfactor remote_ip=<*>", gq(users()), qf(fa1_errors()), bf(remote()))

    fa2_errors = Cycle(["invalid totp passcode", "totp passcode was already used",
                        "webauthn assertion failed: the signature is not valid for the credential",
                        "duo api returned status deny: user 'm.keller' has not enrolled a device"])

    def fa2(ns):
        return ev(r'''msg="Unsuccessful 2FA authentication attempt by user '<*>'" error="<*>" '''
                  "method=POST path=<*> remote_ip=<*>", gq(users()), qf(fa2_errors()),
                  bf(pick(["/api/secondfactor/totp", "/api/secondfactor/webauthn", "/api/secondfactor/duo"])),
                  bf(remote()))

    hosts = ["grafana.lab.example", "cloud.lab.example", "git.lab.example", "ha.lab.example",
             "prometheus.lab.example", "jellyfin.lab.example"]
    paths = ["/", "/", "/d/node-exporter/nodes?orgId=1&refresh=30s", "/apps/files/?dir=/Photos/2026 Trip, Como",
             "/api/v1/query?query=up", '/explore?left=["now-1h","now"]', "/user/login?redirect_to=%2F",
             "/web/index.html#!/details?id=7c1f", "/lovelace/0", "/api/states"]

    def url():
        return "https://%s%s" % (pick(hosts), pick(paths))

    def denied(ns):
        who = pick(["<anonymous>", "<anonymous>", "<anonymous>", None])
        if who is None:
            who, code = users(), 403
        else:
            code = 401
        return ev('msg="Access to <*> (method <*>) is not authorized to user <*>, responding with status code <*>" '
                  "method=GET path=/api/authz/forward-auth remote_ip=<*>",
                  gq(url()), pick(["GET", "GET", "GET", "POST", "PROPFIND", "PUT"]), gq(who), code, bf(remote()))

    groups = ["admins", "dev", "family", "media", "Domain Users", "grafana-editors"]

    def granted(ns):
        ip = remote()
        return ev('msg="Authorization granted for subject username=<*> groups=<*> ip=<*> on object <*> '
                  '(method <*>): policy <*> matched rule #<*>" method=GET path=/api/authz/forward-auth remote_ip=<*>',
                  gq(users()), gq(",".join(R.sample(groups, R.randint(1, 3)))), ip, gq(url()),
                  pick(["GET", "GET", "POST", "PATCH"]), pick(["one_factor", "two_factor", "two_factor"]),
                  R.randint(0, 9), bf(ip))

    session_errors = Cycle(["unable to decrypt session: cipher: message authentication failed",
                            "redis: connection pool timeout",
                            "dial tcp 10.9.0.2:6379: connect: connection refused",
                            "session data is malformed"])

    def session_error(ns):
        return ev('msg="Error occurred getting the user session" error="<*>" method=GET path=<*> remote_ip=<*>',
                  qf(session_errors()), bf(pick(["/api/state", "/api/user/info", "/api/authz/forward-auth"])),
                  bf(remote()))

    def totp(word, method):
        return lambda ns: ev(r'''msg="User '<*>' %s a TOTP configuration" method=%s path=/api/secondfactor/totp '''
                             "remote_ip=<*>" % (word, method), gq(users()), bf(remote()))

    recipients = Cycle(['"Jane Doe" <jane.doe@corp.example>', "<m.keller@corp.example>",
                        '"Lindqvist, Anna" <anna.lindqvist@corp.example>', "<kim@lab.example>"])
    smtp_errors = Cycle(["dial tcp 10.0.9.4:587: connect: connection refused",
                         "535 5.7.8 Authentication credentials invalid",
                         "timeout", "x509: certificate signed by unknown authority (possibly because of "
                         "\"crypto/rsa: verification error\" while trying to verify candidate authority "
                         "certificate \"Lab Root CA\")"])

    def notify_error(ns):
        return ev('msg="Failed to send the identity verification notification to <*>: <*>"',
                  gq(recipients()), gq(smtp_errors()))

    def reloaded(ns):
        return ev('msg="Users database file changed on disk, reloaded"')

    timeouts = Cycle(["context deadline exceeded", "read tcp 172.20.0.5:9091->172.20.0.3:41872: i/o timeout",
                      "timeout reading request headers"])

    codes = Cycle([408, 408, 503])

    def req_timeout(ns):
        return ev('msg="Request timeout occurred while handling request from client." error="<*>" method=<*> '
                  "path=<*> remote_ip=<*> status_code=<*>", qf(timeouts()), pick(["GET", "POST"]),
                  bf(pick(["/api/firstfactor", "/api/authz/forward-auth", "/api/health", "/api/state"])),
                  bf(remote()), codes())

    attempts = Cycle([3, 3, 5])

    def banned(ns):
        until = ns + pick([5, 10, 15, 30]) * 60 * SEC
        return ev(r'''msg="User '<*>' has been banned until <*> after <*> failed authentication attempts" '''
                  "remote_ip=<*>", gq(users()), go_time(until, CET, "+0100 CET", nanos=False),
                  attempts(), bf(remote()))

    def fa1_no_error(ns):
        return ev(r'''msg="Unsuccessful 1FA authentication attempt by user '<*>'" '''
                  "method=POST path=/api/firstfactor remote_ip=<*>", gq(users()), bf(remote()))

    events = [
        (67, "error", fa1),
        (14, "error", fa2),
        (120, "info", denied),
        (46, "info", granted),
        (8, "error", session_error),
        (7, "info", totp("registered", "POST")),
        (4, "info", totp("deleted", "DELETE")),
        (5, "error", notify_error),
        (4, "info", reloaded),
        (9, "error", req_timeout),
        (6, "warning", banned),
        (10, "error", fa1_no_error),
    ]

    def header(ns, level):
        return 'time="%s+01:00" level=%s ' % (stamp(ns, CET, "-", "T"), level)
    shuffled("Authelia", events, header, start_ns(7, 8), (50, 40000))


# ------------------------------------------------------------------------------------------
# 3. FreeSWITCH 1.10, mod_logfile's default freeswitch.log (log level debug):
#    `[<call uuid> ]2026-12-17 09:03:11.482017 97.25% [NOTICE] switch_channel.c:1142 message`.
#    Lines logged for a session start with its UUID; the percentage is the idle CPU; the level
#    is in brackets (DEBUG, INFO, NOTICE, WARNING, ERR); then the source file and line.
#    Content is what follows `<file>.c:<line> `. A simulation: concurrent calls (bridged,
#    unanswered, busy, IVR) on one box, plus SIP scanners trying to register.
def freeswitch():
    T = [
        ("NOTICE", "switch_channel.c:1142", "New Channel <*> [<*>]"),
        ("INFO", "mod_dialplan_xml.c:639", "Processing <*> <<*>>-><*> in context <*>"),
        ("DEBUG", "sofia.c:7493", "Channel <*> entering state [<*>][<*>]"),
        ("NOTICE", "sofia.c:1065", "Hangup <*> [<*>] [<*>]"),
        ("NOTICE", "switch_core_session.c:1744", "Session <*> (<*>) Ended"),
        ("NOTICE", "switch_core_session.c:2742", "Close Channel <*> [CS_DESTROY]"),
        ("NOTICE", "switch_channel.c:3908", "Channel [<*>] has been answered"),
        ("DEBUG", "switch_channel.c:2421", "(<*>) State Change <*> -> <*>"),
        ("NOTICE", "switch_ivr_originate.c:612", "Ring-Ready <*>!"),
        ("NOTICE", "switch_ivr_originate.c:587", "Pre-Answer <*>!"),
        ("WARNING", "sofia_reg.c:3177", "SIP auth failure (<*>) on sofia profile '<*>' for [<*>@<*>] from ip <*>"),
        ("WARNING", "sofia_reg.c:3219", "Can't find user [<*>@<*>] from <*>"),
        ("NOTICE", "switch_core_state_machine.c:318", "<*> has executed the last dialplan instruction, hanging up."),
        ("ERR", "switch_ivr_async.c:1561", "Error opening recording <*>: <*>"),
    ]
    NEW, PROC, STATE, HANGUP, ENDED, CLOSE, ANSWERED, CHANGE, RING, PRE, AUTHFAIL, NOUSER, LAST, RECERR = range(14)
    DOMAIN = "10.40.0.12"
    tl = Timeline()

    def header(uuid, k):
        level, src = T[k][0], T[k][1]

        def h(t):
            idle = R.uniform(90.0, 99.9) if R.random() < 0.9 else R.uniform(55.0, 90.0)
            return "%s%s %.2f%% [%s] %s " % (uuid + " " if uuid else "", stamp(t, 0, "-", " ", 6), idle, level, src)
        return h

    def add(t, k, uuid, *values):
        tl.add(t, k, header(uuid, k), ev(T[k][2], *values))

    staff = [("1001", "Anna Berger"), ("1002", "Jonas Hoffmann"), ("1003", "Reception"), ("1004", "Lea Schmitz"),
             ("1007", "Mehmet Yilmaz"), ("1011", "Conf Room 2"), ("1012", "Dr. Katrin Weber"), ("1019", "Lager"),
             ("1023", "Tom O'Neill")]
    phones = {ext: "192.168.20.%d:%d" % (R.randint(30, 90), pick([5060, 5062, 47260, 51234])) for ext, _ in staff}
    outside = [("+4940302118870", "+4940302118870"), ("+4917623849102", "Praxis Dr. Weber, Empfang"),
               ("+4930991827364", "+4930991827364"), ("+498912764530", "Mueller & Sohn GmbH"),
               ("+4915112093847", "UNKNOWN")]
    outside_callers, staff_callers = Cycle(outside), Cycle(staff)
    counter = {"session": 4180, "rec": 0}

    def session_no():
        counter["session"] += R.randint(1, 3)
        return counter["session"]

    ms = lambda lo, hi: R.randint(int(lo * MS), int(hi * MS))

    def leg_end(t, chan, uuid, sess):
        add(t, ENDED, uuid, sess, chan)
        add(t + ms(0.1, 0.6), CLOSE, uuid, chan)

    def call(t, kind, early=False, record=False, rec_error=False):
        if kind != "ivr" and R.random() < 0.4:
            num, name = outside_callers()
            chan_a, ctx, dest = "sofia/external/%s@%s" % (num, pick(["198.51.100.20", "198.51.100.21"])), "public", \
                pick(["0403021180", "0403021181"])
        else:
            num, name = staff_callers()
            chan_a, ctx, dest = "sofia/internal/%s@%s" % (num, DOMAIN), "default", None
        ua, sa = uuid4(), session_no()
        add(t, NEW, ua, chan_a, ua)
        t += ms(0.1, 0.5)
        add(t, STATE, ua, chan_a, "received", 100)
        t += ms(0.2, 0.9)
        add(t, CHANGE, ua, chan_a, "CS_NEW", "CS_INIT")
        t += ms(0.1, 0.4)
        add(t, CHANGE, ua, chan_a, "CS_INIT", "CS_ROUTING")
        if kind == "ivr":
            dest = pick(["*97", "5000", "*98"])
        elif dest is None:
            dest = pick([e for e, _ in staff if e != num])
        t += ms(0.5, 2.0)
        add(t, PROC, ua, name, num, dest, ctx)
        t += ms(0.3, 1.5)
        add(t, CHANGE, ua, chan_a, "CS_ROUTING", "CS_EXECUTE")
        if kind == "ivr":
            t += ms(20, 90)
            add(t, ANSWERED, ua, chan_a)
            add(t + ms(0.2, 1), STATE, ua, chan_a, "completed", 200)
            t += ms(40, 160)
            add(t, STATE, ua, chan_a, "ready", 200)
            if rec_error:
                add(t + ms(30, 300), RECERR, ua, *recording_error())
            t += R.randint(6, 50) * SEC
            add(t, LAST, ua, chan_a)
            t += ms(0.3, 2)
            add(t, HANGUP, ua, chan_a, "CS_EXECUTE", "NORMAL_CLEARING")
            t += ms(5, 60)
            add(t, STATE, ua, chan_a, "terminated", 200)
            leg_end(t + ms(1, 20), chan_a, ua, sa)
            return
        callee = dest if dest in phones else pick(["1001", "1003", "1003", "1012"])
        chan_b = "sofia/internal/%s@%s" % (callee, phones[callee])
        ub, sb = uuid4(), session_no()
        t += ms(2, 9)
        add(t, NEW, ub, chan_b, ub)
        t += ms(0.2, 0.8)
        add(t, CHANGE, ub, chan_b, "CS_NEW", "CS_INIT")
        t += ms(0.2, 0.8)
        add(t, CHANGE, ub, chan_b, "CS_ROUTING", "CS_CONSUME_MEDIA")
        t += ms(1, 5)
        add(t, STATE, ub, chan_b, "calling", 0)
        t += ms(25, 180)
        add(t, STATE, ub, chan_b, "proceeding", 180)
        if kind == "busy":
            t += ms(200, 1500)
            add(t, STATE, ub, chan_b, "terminated", 486)
            t += ms(0.5, 3)
            add(t, HANGUP, ub, chan_b, "CS_CONSUME_MEDIA", "USER_BUSY")
            leg_end(t + ms(2, 30), chan_b, ub, sb)
            t += ms(40, 120)
            add(t, LAST, ua, chan_a)
            t += ms(0.3, 2)
            add(t, HANGUP, ua, chan_a, "CS_EXECUTE", "USER_BUSY")
            t += ms(5, 40)
            add(t, STATE, ua, chan_a, "terminated", 486)
            leg_end(t + ms(1, 20), chan_a, ua, sa)
            return
        t += ms(1, 40)
        if early:
            add(t, STATE, ub, chan_b, "early", 183)
            add(t + ms(0.5, 3), PRE, ua, chan_b)
        else:
            add(t, RING, ua, chan_b)
        if kind == "noanswer":
            t += R.randint(8, 30) * SEC + ms(0, 999)
            if R.random() < 0.5:
                add(t, HANGUP, ua, chan_a, "CS_EXECUTE", "ORIGINATOR_CANCEL")
                add(t + ms(1, 6), STATE, ua, chan_a, "terminated", 487)
                t += ms(10, 60)
                add(t, HANGUP, ub, chan_b, "CS_CONSUME_MEDIA", "ORIGINATOR_CANCEL")
                add(t + ms(20, 90), STATE, ub, chan_b, "terminated", 487)
                leg_end(t + ms(100, 300), chan_b, ub, sb)
                leg_end(t + ms(310, 500), chan_a, ua, sa)
            else:
                add(t, HANGUP, ub, chan_b, "CS_CONSUME_MEDIA", "NO_ANSWER")
                add(t + ms(10, 60), STATE, ub, chan_b, "terminated", 487)
                leg_end(t + ms(70, 120), chan_b, ub, sb)
                t += ms(130, 300)
                add(t, LAST, ua, chan_a)
                add(t + ms(0.5, 2), HANGUP, ua, chan_a, "CS_EXECUTE", "NO_ANSWER")
                add(t + ms(3, 9), STATE, ua, chan_a, "terminated", 480)
                leg_end(t + ms(10, 40), chan_a, ua, sa)
            return
        t += R.randint(2, 14) * SEC + ms(0, 999)
        add(t, STATE, ub, chan_b, "completing", 200)
        t += ms(1, 6)
        add(t, ANSWERED, ub, chan_b)
        t += ms(0.5, 3)
        add(t, STATE, ub, chan_b, "ready", 200)
        t += ms(1, 8)
        add(t, ANSWERED, ua, chan_a)
        add(t + ms(0.5, 3), STATE, ua, chan_a, "completed", 200)
        t += ms(30, 140)
        add(t, STATE, ua, chan_a, "ready", 200)
        if rec_error:
            add(t + ms(2, 40), RECERR, ua, *recording_error())
        t += R.randint(6, 100) * SEC + ms(0, 999)
        first_b = R.random() < 0.5
        x = (chan_b, ub, "CS_EXCHANGE_MEDIA") if first_b else (chan_a, ua, "CS_EXECUTE")
        y = (chan_a, ua, "CS_EXECUTE") if first_b else (chan_b, ub, "CS_EXCHANGE_MEDIA")
        add(t, HANGUP, x[1], x[0], x[2], "NORMAL_CLEARING")
        add(t + ms(1, 5), STATE, x[1], x[0], "terminated", 200)
        t += ms(8, 40)
        add(t, HANGUP, y[1], y[0], y[2], "NORMAL_CLEARING")
        add(t + ms(20, 80), STATE, y[1], y[0], "terminated", 200)
        leg_end(t + ms(90, 200), chan_b, ub, sb)
        leg_end(t + ms(210, 400), chan_a, ua, sa)

    rec_errors = Cycle(["File not found", "Permission denied",
                        "No space left on device (disk quota for /var/lib/freeswitch/recordings reached: 95%, "
                        "see record-min-free)", "Unsupported format [wav49], only [wav, mp3, ogg] are loaded"])

    def recording_error():
        counter["rec"] += 1
        return ("/var/lib/freeswitch/recordings/2026-12-17/%s_%d.wav" % (uuid4()[:8], counter["rec"]), rec_errors())

    def scanner(t):
        ip = ipv4(PUBLIC_OCTETS)
        port = pick([5060, 5070, 5080, R.randint(10000, 65000)])
        profile = pick(["external", "external", "internal"])
        for _ in range(R.randint(3, 8)):
            realm = pick([DOMAIN, "198.51.100.20", "pbx.kanzlei-nord.de"])
            user = pick(["1001", "1002", "1003", "100", "1000", "admin", "2000", "9999", "101", "1007"])
            if user in phones:
                add(t, AUTHFAIL, None, pick(["REGISTER", "REGISTER", "INVITE"]), profile, user, realm, ip)
            else:
                add(t, NOUSER, None, user, realm, "%s:%d" % (ip, port))
            t += ms(40, 700)

    t0 = start_ns(9, 10)
    plan = (["bridge"] * 8 + ["noanswer"] * 3 + ["busy"] * 2 + ["ivr"] * 3)
    R.shuffle(plan)
    early = set(R.sample(range(len(plan)), 7))
    rec = set(R.sample([i for i, k in enumerate(plan[:10]) if k in ("bridge", "ivr")], 4))
    t = t0
    for i, kind in enumerate(plan):
        call(t, kind, early=i in early, rec_error=i in rec)
        t += R.randint(3, 16) * SEC + ms(0, 999)
    t = t0 + R.randint(1, 20) * SEC + ms(0, 999)
    while t < t0 + 240 * SEC:
        scanner(t)
        t += R.randint(8, 30) * SEC + ms(0, 999)
    emit("FreeSWITCH", len(T), tl.first())


# ------------------------------------------------------------------------------------------
# 4. Apptainer 1.3 run with `-v` from a Slurm batch script (`srun apptainer -v exec
#    docker://... python ...`), as it lands in the job's stderr file. Apptainer's own lines
#    carry only the level column, `%-8s ` of `LEVEL:` (`VERBOSE: `, `INFO:    `,
#    `WARNING: `, `FATAL:   `); no time. While an image is pulled and converted, the
#    containers/image progress lines (`Copying blob ...`) have no header at all, and umoci's
#    lines have their own: `2026/12/17 10:21:07  info ` (local time, level `%5s`).
#    Content is what follows the level column / umoci header, or the whole line.
#    A simulation: job steps of 2 to 4 tasks whose lines interleave; the first task of a step
#    that needs an image not yet in the cache pulls it while the others wait for the cache lock.
def apptainer():
    T = [
        ("VERBOSE", "Set messagelevel to: 4"),
        ("VERBOSE", "Default mount: <*>"),
        ("VERBOSE", "Found 'bind path' = <*>, <*>"),
        ("INFO", "Using cached SIF image"),
        ("INFO", "Converting OCI blobs to SIF format"),
        ("", "Copying blob <*> done"),
        ("", "Copying blob <*> skipped: already exists"),
        ("", "Copying config <*> done"),
        ("info", "unpack layer: sha256:<*>"),
        ("warn", 'rootless{<*>} ignoring (usually) harmless EPERM on setxattr "<*>"'),
        ("INFO", "Creating SIF file..."),
        ("WARNING", "Environment variable <*> is already set to [<*>] in the container, host value [<*>] is not forwarded"),
        ("WARNING", "Skipping mount <*> [<*>]: <*> doesn't exist in container"),
        ("INFO", "underlay of <*> required more than 50 (<*>) bind mounts"),
        ("FATAL", "container creation failed: <*>"),
    ]
    (LEVEL, DEFMOUNT, BINDPATH, CACHED, CONVERT, BLOB, BLOBSKIP, CONFIG, UNPACK, ROOTLESS, CREATESIF, ENVWARN,
     SKIPMOUNT, UNDERLAY, FATAL) = range(15)
    CET = 3600
    tl = Timeline()

    def header(k):
        level = T[k][0]
        if level == "":
            return lambda t: ""
        if level in ("info", "warn"):
            return lambda t: "%s %5s " % (stamp(t, CET, "/", " "), level)
        return lambda t: "%-8s " % (level + ":")

    def add(t, k, *values, padded=False):
        tl.add(t, k, header(k), ev(T[k][1], *values, padded=padded))

    user = "kmuller"
    # Image layers: a shared base (already in the blob cache for later pulls) and own layers.
    base = [hexs(64) for _ in range(3)]
    images = {
        "pytorch": base + [hexs(64) for _ in range(4)],
        "rbase": base[:2] + [hexs(64) for _ in range(3)],
        "jax": base + [hexs(64) for _ in range(2)],
    }
    cached = set()
    blobs_seen = set()
    setuid_files = Cycle(["usr/bin/ping", "usr/bin/newgidmap", "usr/lib/x86_64-linux-gnu/gstreamer1.0/gst-ptp-helper",
                          "usr/bin/arping"])
    xattrs = Cycle(["security.capability", "security.capability", "user.rootlesscontainers"])
    ms = lambda lo, hi: R.randint(int(lo * MS), int(hi * MS))

    def pull(t, image):
        add(t, CONVERT)
        layers = images[image]
        for layer in layers:
            t += ms(300, 4000)
            if layer in blobs_seen:
                add(t, BLOBSKIP, layer[:12])
            else:
                add(t, BLOB, layer[:12])
        t += ms(50, 400)
        add(t, CONFIG, hexs(12))
        for layer in layers:
            t += ms(200, 2500)
            add(t, UNPACK, layer)
            if image in ("pytorch", "jax") and layer == layers[-1]:
                for _ in range(2):
                    t += ms(1, 20)
                    add(t, ROOTLESS, setuid_files(), xattrs())
            blobs_seen.add(layer)
        t += ms(500, 3000)
        add(t, CREATESIF)
        cached.add(image)
        return t + ms(4000, 30000)

    default_mounts = ["/proc:/proc", "/sys:/sys", "/dev:/dev", "/tmp:/tmp", "/var/tmp:/var/tmp",
                      "/home/%s:/home/%s" % (user, user), "/etc/resolv.conf:/etc/resolv.conf",
                      "/etc/hosts:/etc/hosts"]
    conf_binds = [("/etc/localtime", "/etc/localtime"), ("/scratch/%s" % user, "/scratch"),
                  ("/sw/apps/cuda/12.4", "/usr/local/cuda"), ("/etc/slurm", "/etc/slurm")]
    env_values = {
        "PS1": (r"Apptainer> ", r"(base) [\u@\h \W]\$ "),
        "LD_LIBRARY_PATH": ("/usr/local/cuda/lib64:/usr/local/nvidia/lib64",
                            "/sw/apps/cuda/12.4/lib64:/sw/apps/openmpi/4.1.6/lib:/home/kmuller/.local/lib"),
        "PYTHONPATH": ("/opt/conda/lib/python3.11/site-packages", "/home/kmuller/projects/seg-net/src:"),
    }
    fatal_errors = Cycle([
        "mount /scratch/kmuller/run_07->/data error: while mounting /scratch/kmuller/run_07: mount source "
        "/scratch/kmuller/run_07 doesn't exist",
        "no space left on device",
        "while performing image mount: failed to mount squashfs filesystem: input/output error"])

    skip_tags = Cycle(["binds", "files"])
    skip_srcs = Cycle(["/etc/slurm", "/sw/apps/cuda/12.4"])

    def task(t, image, puller, ready_at, env, skip, underlay, fatal, binds):
        add(t, LEVEL)
        t += ms(2, 30)
        if puller:
            ready_at = pull(t, image)
            t = ready_at
        else:
            t = max(t, ready_at) + ms(5, 60)
            add(t, CACHED)
        for src, dst in binds:
            t += ms(0.3, 12)
            add(t, BINDPATH, src, dst)
        for m in default_mounts[:R.choice([5, 6, 6, 7])]:
            t += ms(0.2, 9)
            add(t, DEFMOUNT, m)
        if env:
            t += ms(0.2, 3)
            var = env
            add(t, ENVWARN, var, env_values[var][0], env_values[var][1], padded=True)
        if underlay:
            t += ms(1, 9)
            add(t, UNDERLAY, pick(["/etc/localtime", "/usr/bin/nvidia-smi", "/etc/slurm"]), R.randint(51, 140))
        if skip:
            t += ms(0.5, 4)
            src = skip_srcs()
            add(t, SKIPMOUNT, src, skip_tags(), dict(conf_binds)[src])
        if fatal:
            t += ms(2, 60)
            add(t, FATAL, fatal_errors())
        return ready_at

    # Job steps: (image, tasks, env warning, skip-mount warning, underlay, tasks that fail)
    steps = [("pytorch", 4, None, False, False, ()),
             ("pytorch", 4, "PS1", False, False, (2,)),
             ("rbase", 3, None, False, False, ()),
             ("pytorch", 4, None, True, False, (3,)),
             ("jax", 2, "LD_LIBRARY_PATH", False, False, (1,)),
             ("rbase", 3, None, False, True, ()),
             ("jax", 4, "PYTHONPATH", False, False, (0,)),
             ("pytorch", 4, None, False, False, ()),
             ("rbase", 4, None, False, False, ())]
    t = start_ns(9, 10)
    for image, n, env, skip, underlay, fails in steps:
        binds = conf_binds[:2] if image == "rbase" else conf_binds[:3]
        if skip or underlay:
            binds = conf_binds
        ready_at = t
        need_pull = image not in cached
        end = t
        for i in range(n):
            ts = t + ms(0, 40)
            ready_at = task(ts, image, need_pull and i == 0, ready_at if i else t, env, skip and i != 1,
                            underlay, i in fails, binds)
            end = max(end, ready_at)
        t = end + R.randint(180, 1500) * SEC
    emit("Apptainer", len(T), tl.first())


# ------------------------------------------------------------------------------------------
# 5. IBM Storage Scale (GPFS) 5.1, /var/adm/ras/mmfs.log.latest on an NSD server:
#    `2026-12-17_10:02:44.318+0100: [I] message`, local time with milliseconds and the UTC
#    offset, then the severity letter in brackets ([I], [N], [W], [E]). Lines written by the mm
#    command scripts (mmcommon, ...) have no severity. Content is what follows the `[X] `, or
#    the `: ` after the time when there is no severity.
def gpfs():
    CET = 3600
    nodes = [("10.12.0.%d" % (10 + i), "nsd%02d" % (i + 1)) for i in range(4)] + \
            [("10.12.%d.%d" % (R.randint(1, 3), R.randint(10, 250)), "c%02dn%02d" % (R.randint(1, 12), R.randint(1, 36)))
             for _ in range(22)]
    filesystems = ["gpfs01", "scratch", "projects", "home"]

    def node():
        return pick(nodes)

    def conn():
        return "c0n%d" % R.randint(1, 160)

    def accepted(ns):
        ip, host = node()
        return ev("Accepted and connected to <*> <*> <<*>>", ip, host, conn())

    close_reasons = Cycle(["Connection reset by peer", "Connection timed out", "No route to host",
                           "Node failure detected, the node was expelled from the cluster",
                           "RDMA read error IBV_WC_RETRY_EXC_ERR, vendor_err 129 (see the verbs trace: port 1, qp 0x1a3)"])

    def close(reconnect):
        def gen(ns):
            ip, host = node()
            t = "Close connection to <*> <*> <<*>> (<*>)" + (". Attempting reconnect." if reconnect else "")
            return ev(t, ip, host, conn(), close_reasons())
        return gen

    def overdue(ns):
        ip, host = node()
        return ev("Node <*> (<*>) lease renewal is overdue. Pinging to check if it is alive", ip, host)

    def command(successful):
        def gen(ns):
            t = "Command: successful mount <*> <*>" if successful else "Command: mount <*> <*>"
            return ev(t, pick(filesystems), R.randint(2000, 98000))
        return gen

    cycles = {name: Cycle(pool) for name, pool in [
        ("state", [1, 4, 7, 1]), ("ca", [0, 1, 4, 3]), ("cwnd", [1, 2, 10, 7]), ("ssth", [2, 7, 2147483647]),
        ("unacked", [0, 1, 3, 12]), ("probes", [0, 1, 2]), ("backoff", [0, 2, 5, 9]), ("retx", [0, 3, 6]),
        ("rto", [201000, 204000, 1632000, 6528000]), ("rcvss", [64076, 3145728, 1560112]),
        ("rtt", [112, 5243, 980, 40213]), ("rttvar", [54, 2701, 120, 17388]), ("sacked", [0, 2, 0, 5]),
        ("retrans", [0, 1, 4]), ("reord", [3, 3, 12]), ("lost", [0, 1, 3, 0])]}

    def tcp(ns):
        ip, host = node()
        c = {k: v() for k, v in cycles.items()}
        return ev("The TCP connection to IP address <*> <*> <<*>> (socket <*>) state is unexpected: state=<*> "
                  "ca_state=<*> snd_cwnd=<*> snd_ssthresh=<*> unacked=<*> probes=<*> backoff=<*> retransmits=<*> "
                  "rto=<*> rcv_ssthresh=<*> rtt=<*> rttvar=<*> sacked=<*> retrans=<*> reordering=<*> lost=<*>",
                  ip, host, conn(), R.randint(40, 900), c["state"], c["ca"], c["cwnd"], c["ssth"], c["unacked"],
                  c["probes"], c["backoff"], c["retx"], c["rto"], c["rcvss"], c["rtt"], c["rttvar"], c["sacked"],
                  c["retrans"], c["reord"], c["lost"])

    def recovered(ns):
        return ev("Recovered <*> nodes for file system <*>.", R.randint(1, 6), pick(filesystems))

    volumes = Cycle(["nsd_data_07", "nsd_meta_02", "nsd_data_11", "nsd_data_03"])

    def disk_failure(ns):
        return ev("Disk failure. Volume <*>. rc = <*>. Physical volume <*>.", pick(filesystems),
                  pick([5, 19, 217]), volumes())

    def expel(ns):
        a, b, c = R.sample(nodes, 3)
        return ev("Expel <*> (<*>) request from <*> (<*>). Expelling: <*> (<*>)", a[0], a[1], b[0], b[1], a[0], a[1]) \
            if R.random() < 0.5 else \
            ev("Expel <*> (<*>) request from <*> (<*>). Expelling: <*> (<*>)", a[0], a[1], b[0], b[1], c[0], c[1])

    reasons = Cycle(["SGPanic", "normal", "SGPanic", "mmshutdown"])

    def preunmount(ns):
        return ev("mmcommon preunmount invoked.  File system: <*>  Reason: <*>", pick(filesystems), reasons())

    exits = Cycle([("mmSysMonGpfsStartup", "startup", "/usr/lpp/mmfs/bin/mmsysmoncontrol start"),
                   ("mmSinceShutdownRoleChange", "shutdown", "/usr/lpp/mmfs/bin/mmsysmonc event gpfs "
                                                            "gpfs_role_change shutdown"),
                   ("quotaNotify", "softQuotaExceeded", "/var/mmfs/etc/quota_notify.sh --fs scratch --mail hpc-admin@uni.example"),
                   ("mmNodeRoleChange", "nodeLeave", "/usr/lpp/mmfs/bin/mmsysmonc event gpfs node_left")])

    def user_exit(ns):
        return ev("Calling user exit script <*>: event <*>, Async command <*>.", *exits())

    def manager(ns):
        ip, host = pick(nodes[:4])
        return ev("<*> (<*>) is now the file system manager for <*>.", ip, host, pick(filesystems))

    def lease(ns):
        return ev("Disk lease period expired, re-establishing lease")

    events = [
        (111, "I", accepted),
        (14, "E", close(False)),
        (28, "E", close(True)),
        (55, "N", overdue),
        (20, "I", command(False)),
        (18, "I", command(True)),
        (6, "W", tcp),
        (8, "I", recovered),
        (4, "E", disk_failure),
        (6, "N", expel),
        (4, "", preunmount),
        (12, "I", user_exit),
        (5, "N", manager),
        (9, "W", lease),
    ]

    def header(ns, level):
        return "%s+0100: %s" % (stamp(ns, CET, "-", "_", 3), "[%s] " % level if level else "")
    shuffled("GPFS", events, header, start_ns(8, 9), (30, 60000))


# ------------------------------------------------------------------------------------------
# 6. Puma 6 in cluster mode (3 workers) serving a Rails 7.1 app in a container; both write to
#    stdout. Rails 7.1's production logger: ActiveSupport::TaggedLogging over Ruby's
#    Logger::Formatter (`%s, [%s #%d] %5s -- %s: %s`) with `config.log_tags = [:request_id]`:
#    `I, [2026-12-17T11:04:52.318264 #17]  INFO -- : [<request id>] Started GET ...`; the pid
#    is the worker's. ActiveJob adds the tag `[ActiveJob] `. Some Rails messages start with two
#    spaces (`  Parameters: ...`, `  Rendered ...`). Puma's master writes `[1] ` and its message
#    (`- Worker ...`, `! Terminating ...`); Puma's error logger writes `2026-12-17 11:05:02 +0000 `
#    and the error. Content is what follows `-- : `, the tags and the leading spaces; or `[1] `;
#    or the error logger's time. A simulation: requests on three workers
#    whose lines interleave; three times a worker hangs, is killed by the master (its requests
#    in flight are cut) and a new one boots.
def puma():
    T = [
        ("I", 'Started <*> "<*>" for <*> at <*>'),
        ("I", "Processing by <*> as <*>"),
        ("I", "Parameters: <*>"),
        ("I", "Rendered <*> within <*> (Duration: <*>ms | Allocations: <*>)"),
        ("I", "Rendered layout <*> (Duration: <*>ms | Allocations: <*>)"),
        ("I", "Completed <*> <*> in <*>ms (Views: <*>ms | ActiveRecord: <*>ms | Allocations: <*>)"),
        ("I", "Completed <*> <*> in <*>ms (ActiveRecord: <*>ms | Allocations: <*>)"),
        ("I", "Redirected to <*>"),
        ("I", "Filter chain halted as :<*> rendered or redirected"),
        ("W", "Can't verify CSRF token authenticity."),
        ("E", "Payment provider declined charge for invoice <*>: <*>"),
        ("M", "- Worker <*> (PID: <*>) booted in <*>s, phase: 0"),
        ("M", "! Terminating timed out worker (Worker <*> failed to check in within 60 seconds): <*>"),
        ("X", "HTTP parse error, malformed request: #<Puma::HttpParserError: <*>>"),
        ("J", "Enqueued <*> (Job ID: <*>) to Sidekiq(<*>) with arguments: <*>"),
    ]
    (STARTED, PROCESSING, PARAMS, RENDERED, LAYOUT, COMPLETED_V, COMPLETED, REDIRECTED, HALTED, CSRF, PAYERR,
     BOOTED, TIMEOUT, PARSEERR, ENQUEUED) = range(15)
    INDENTED = {PARAMS, RENDERED, LAYOUT}
    WORDS = {"I": "INFO", "W": "WARN", "E": "ERROR", "J": "INFO"}
    HOST = "https://app.tasklane.io"
    tl = Timeline()

    def rails_header(k, pid, rid):
        letter = T[k][0]
        word = WORDS[letter]

        def h(t):
            return "%s, [%s #%d] %5s -- : [%s] %s%s" % (word[0], stamp(t, 0, "-", "T", 6), pid, word, rid,
                                                      "[ActiveJob] " if letter == "J" else "",
                                                      "  " if k in INDENTED else "")
        return h

    def add_rails(t, k, pid, rid, *values):
        tl.add(t, k, rails_header(k, pid, rid), ev(T[k][1], *values), tag=pid)

    def add_master(t, k, *values):
        tl.add(t, k, lambda _t: "[1] ", ev(T[k][1], *values))

    def add_error(t, k, *values):
        tl.add(t, k, lambda _t: stamp(_t) + " +0000 ", ev(T[k][1], *values))

    def client():
        return ipv6_public() if R.random() < 0.15 else ipv4(PUBLIC_OCTETS)

    def ms_f(lo, hi):
        return "%.1f" % R.uniform(lo, hi)

    projects = ["42", "7", "118", "305"]
    titles = Cycle(['Renew TLS certs, then restart "edge" proxy', "Q4 report", "Fix login => SSO redirect loop",
                    "Order 500 labels (A4, matte)", "Call back: Müller & Co.", "{draft} onboarding checklist"])
    counter = {"task": 390, "invoice": 41}

    def rb(s):
        """Ruby String#inspect."""
        return '"%s"' % s.replace("\\", "\\\\").replace('"', '\\"')

    def request(t, kind, pid):
        rid = uuid4()
        ip = client()
        p = projects[R.randrange(len(projects))]
        lines = []

        def at(dt_ms, k, *values):
            lines.append((t + int(dt_ms * MS), k, values))

        ar = lambda total: "%.1f" % (total * R.uniform(0.04, 0.55))
        if kind == "html":
            route = pick([("/projects/%s" % p, "ProjectsController#show", '{"id"=>"%s"}' % p, "projects/show"),
                          ("/projects", "ProjectsController#index", None, "projects/index"),
                          ("/projects/%s/tasks" % p, "TasksController#index", '{"project_id"=>"%s"}' % p, "tasks/index"),
                          ("/dashboard", "DashboardController#show", None, "dashboard/show"),
                          ("/invoices/2026-00%d" % R.randint(10, 60), "InvoicesController#show", None, "invoices/show")])
            path, action, params, view = route
            if action == "InvoicesController#show":
                params = '{"id"=>"%s"}' % path.rsplit("/", 1)[1]
            at(0, STARTED, "GET", path, ip, stamp(t) + " +0000")
            at(0.4, PROCESSING, action, "HTML")
            if params:
                at(0.5, PARAMS, params)
            layout = "layouts/project" if view.startswith(("projects/show", "tasks/")) else "layouts/application"
            d1 = R.uniform(2, 120)
            at(5 + d1, RENDERED, view + ".html.erb", layout, "%.1f" % d1, R.randint(800, 90000))
            d2 = d1 + R.uniform(3, 60)
            at(8 + d2, LAYOUT, layout + ".html.erb", "%.1f" % d2, R.randint(3000, 160000))
            total = 10 + d2 + R.uniform(1, 30)
            at(total, COMPLETED_V, 200, "OK", int(round(total)), "%.1f" % d2, ar(total - d2), R.randint(5000, 200000))
        elif kind == "json":
            verb = pick(["GET", "GET", "GET", "POST", "PATCH"])
            if verb == "GET":
                if R.random() < 0.5:
                    path, action, params = "/api/v1/tasks?project_id=%s&status=open" % p, "Api::V1::TasksController#index", \
                        '{"project_id"=>"%s", "status"=>"open"}' % p
                else:
                    tid = str(R.randint(100, 399))
                    path, action, params = "/api/v1/tasks/" + tid, "Api::V1::TasksController#show", '{"id"=>"%s"}' % tid
                status = (200, "OK") if R.random() < 0.9 else (404, "Not Found")
            elif verb == "POST":
                path, action = "/api/v1/tasks", "Api::V1::TasksController#create"
                params = '{"task"=>{"title"=>%s, "project_id"=>%s, "labels"=>["ops", "urgent"]}}' % (rb(titles()), p)
                status = (201, "Created") if R.random() < 0.7 else (422, "Unprocessable Entity")
            else:
                tid = str(R.randint(100, 399))
                path, action = "/api/v1/tasks/" + tid, "Api::V1::TasksController#update"
                params = '{"task"=>{"status"=>"done"}, "id"=>"%s"}' % tid
                status = (200, "OK")
            at(0, STARTED, verb, path, ip, stamp(t) + " +0000")
            at(0.3, PROCESSING, action, "JSON")
            at(0.4, PARAMS, params)
            total = R.uniform(3, 90)
            at(total, COMPLETED_V, status[0], status[1], int(round(total)), ms_f(0.1, min(12, total / 3)), ar(total / 2),
               R.randint(900, 60000))
        elif kind == "health":
            at(0, STARTED, "GET", "/up", pick(["10.0.1.5", "10.0.1.6"]), stamp(t) + " +0000")
            at(0.2, PROCESSING, "Rails::HealthController#show", "HTML")
            total = R.uniform(0.4, 3)
            at(total, COMPLETED_V, 200, "OK", int(round(total)), ms_f(0.1, 0.9), "0.0", R.randint(180, 420))
        elif kind in ("form", "payment"):
            if kind == "form":
                counter["task"] += R.randint(1, 4)
                path, action = "/projects/%s/tasks" % p, "TasksController#create"
                params = ('{"authenticity_token"=>"[FILTERED]", "task"=>{"title"=>%s, "due_on"=>"2026-12-%d", '
                          '"assignee_id"=>"%d"}, "commit"=>"Create Task", "project_id"=>"%s"}'
                          % (rb(titles()), R.randint(18, 31), R.randint(2, 40), p))
                target = "%s/projects/%s/tasks/%d" % (HOST, p, counter["task"])
            else:
                inv = "2026-00%d" % R.randint(10, 60)
                path, action = "/invoices/%s/payments" % inv, "PaymentsController#create"
                params = ('{"authenticity_token"=>"[FILTERED]", "payment"=>{"method"=>"%s"}, "invoice_id"=>"%s"}'
                          % (pick(["card", "sepa_debit"]), inv))
                target = "%s/invoices/%s" % (HOST, inv)
            at(0, STARTED, "POST", path, ip, stamp(t) + " +0000")
            at(0.3, PROCESSING, action, pick(["HTML", "TURBO_STREAM"]))
            at(0.4, PARAMS, params)
            dt = R.uniform(8, 60)
            if kind == "form":
                if R.random() < 0.6:
                    gid = "#<GlobalID:0x00007f%s @uri=#<URI::GID gid://tasklane/Task/%d>>" % (hexs(10), counter["task"])
                    at(dt - 2, ENQUEUED, "TaskNotificationJob", uuid4(), "default", gid + pick(["", ', "created"']))
                else:
                    gid = "#<GlobalID:0x00007f%s @uri=#<URI::GID gid://tasklane/User/%d>>" % (hexs(10), R.randint(2, 40))
                    at(dt - 2, ENQUEUED, "ActionMailer::MailDeliveryJob", uuid4(), "mailers",
                       '"TaskMailer", "assigned", "deliver_now", {:args=>[%s]}' % gid)
            else:
                dt += R.uniform(200, 1400)
                at(dt - 1, PAYERR, inv, payment_errors())
            at(dt, REDIRECTED, target)
            at(dt + 0.6, COMPLETED, 302, "Found", int(round(dt + 0.6)), ar(min(dt, 60)), R.randint(4000, 70000))
        elif kind in ("unauth", "member"):
            path, action = pick([("/projects", "ProjectsController#index"), ("/projects/%s" % p, "ProjectsController#show"),
                                 ("/dashboard", "DashboardController#show"),
                                 ("/projects/%s/tasks" % p, "TasksController#index")])
            at(0, STARTED, "GET", path, ip, stamp(t) + " +0000")
            at(0.3, PROCESSING, action, "HTML")
            if kind == "unauth":
                at(1.2, REDIRECTED, HOST + "/users/sign_in")
                at(1.3, HALTED, "authenticate_user!")
            else:
                at(2.5, REDIRECTED, HOST + "/projects")
                at(2.6, HALTED, "require_project_member")
            total = R.uniform(1.5, 6)
            at(total + 1.3, COMPLETED, 302, "Found", int(round(total + 1.3)), ms_f(0, 2), R.randint(600, 3000))
        elif kind == "csrf":
            at(0, STARTED, "POST", "/users/sign_in", ip, stamp(t) + " +0000")
            at(0.3, PROCESSING, "Users::SessionsController#create", "HTML")
            at(0.4, PARAMS, '{"authenticity_token"=>"[FILTERED]", "user"=>{"email"=>%s, "password"=>"[FILTERED]", '
                            '"remember_me"=>"%d"}, "commit"=>"Log in"}'
               % (rb(logins()), R.randint(0, 1)))
            at(0.9, CSRF)
            total = R.uniform(180, 420)
            at(total, COMPLETED, 401, "Unauthorized", int(round(total)), ms_f(0.5, 3), R.randint(1500, 9000))
        for tt, k, values in lines:
            add_rails(tt, k, pid, rid, *values)

    logins = Cycle(["jana@kanzlei-nord.de", "x' or 1=1--", "admin"])
    payment_errors = Cycle(["card_declined", "Your card has insufficient funds.",
                            "An error occurred while processing your card. Try again in a little bit, or contact "
                            "support (request req_Q8fK2LmZ0a, code: processing_error).",
                            "timeout after 30s (Net::ReadTimeout)"])
    parse_errors = Cycle(["Invalid HTTP format, parsing fails. Are you trying to open an SSL connection to a non-SSL Puma?",
                          "HTTP element REQUEST_PATH is longer than the (8192) allowed length (was 9024)"])

    workers = {0: 14, 1: 17, 2: 20}
    deaths = {}
    next_pid = [211]
    t = start_ns(11, 12)
    plan = ["html"] * 22 + ["json"] * 20 + ["form"] * 9 + ["unauth"] * 6 + ["member"] * 3 + ["health"] * 8
    R.shuffle(plan)
    for kind, at_i in [("csrf", 8), ("csrf", 25), ("csrf", 40), ("payment", 12), ("payment", 30), ("payment", 47),
                       ("payment", 5), ("parse", 18), ("parse", 33), ("parse", 52)]:
        plan.insert(at_i, kind)
    kills = {14: 1, 29: 0, 44: 2}
    for i, kind in enumerate(plan):
        t += log_uniform(150 * MS, 8 * SEC)
        if i in kills:
            w = kills[i]
            old = workers[w]
            deaths[old] = t
            add_master(t, TIMEOUT, w, old)
            workers[w] = None
            boot_t = t + R.randint(900, 2600) * MS
            next_pid[0] += R.randint(3, 40)
            new = next_pid[0]

            add_master(boot_t, BOOTED, w, new, "%.2f" % R.uniform(0.8, 2.9))
            workers[w] = (new, boot_t)
        if kind == "parse":
            add_error(t, PARSEERR, parse_errors())
            continue
        alive = []
        for w, v in workers.items():
            if isinstance(v, tuple):
                if v[1] <= t:
                    workers[w] = v = v[0]
                else:
                    continue
            if v is not None:
                alive.append(v)
        request(t, kind, pick(alive))

    def cut(line):
        pid = line[5]
        return pid in deaths and line[0] > deaths[pid]
    emit("Puma", len(T), tl.first(drop=cut))


# ------------------------------------------------------------------------------------------
# Reading the files back.
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
HEADERS = {
    "CrowdSec": re.compile(r'time="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ" level=(info|warning|error) '),
    "Authelia": re.compile(r'time="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+01:00" level=(info|warning|error) '),
    "FreeSWITCH": re.compile(r"(%s )?\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6} \d{1,3}\.\d\d%% "
                             r"\[(DEBUG|INFO|NOTICE|WARNING|ERR)\] [a-z_]+\.c:\d+ " % UUID),
    "Apptainer": re.compile(r"(VERBOSE: |INFO:    |WARNING: |ERROR:   |FATAL:   "
                            r"|\d{4}/\d\d/\d\d \d\d:\d\d:\d\d  (info|warn) |)"),
    "GPFS": re.compile(r"\d{4}-\d\d-\d\d_\d\d:\d\d:\d\d\.\d{3}\+0100: (\[[INWE]\] )?"),
    "Puma": re.compile(r"(I, \[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6} #\d+\]  INFO"
                       r"|W, \[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6} #\d+\]  WARN"
                       r"|E, \[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6} #\d+\] ERROR)"
                       r" -- : \[%s\] (\[ActiveJob\] )?(  )?"
                       r"|\[1\] |\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000 " % UUID),
}

# Per system: the header's time as a sortable string (None: the line has no time). Puma's
# Rails lines have microseconds and its error-logger lines whole seconds, so Puma's times are
# compared to the second.
STAMPS = {
    "CrowdSec": lambda h: h[6:25].replace("T", " "),
    "Authelia": lambda h: h[6:25].replace("T", " "),
    "FreeSWITCH": lambda h: re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}", h).group(0),
    "Apptainer": lambda h: h[:19].replace("/", "-") if h[:1].isdigit() else None,
    "GPFS": lambda h: h[:23].replace("_", " "),
    "Puma": lambda h: (h[4:23].replace("T", " ") if h[1:2] == "," else h[:19] if h[:1].isdigit() else None),
}


def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


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
        with open(os.path.join(folder, system + ".log_structured.csv"), encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], system
        rows = rows[1:]
        assert len(rows) == LINES, (system, len(rows))
        templates, counts, slots, stamps = {}, {}, {}, []
        for i, (row, line) in enumerate(zip(rows, lines)):
            assert len(row) == 4, (system, row)
            line_id, content, event_id, template = row
            assert line_id == str(i + 1), (system, line_id)
            assert re.fullmatch(r"E[1-9][0-9]*", event_id), (system, event_id)
            assert content and content == content.strip(), (system, i + 1)
            assert line.endswith(content), (system, i + 1)
            header = line[:len(line) - len(content)]
            assert HEADERS[system].fullmatch(header), (system, i + 1, line)
            stamp_ = STAMPS[system](header)
            if stamp_ is not None:
                assert re.fullmatch(r"2026-12-17 \d\d:\d\d:\d\d(\.\d+)?", stamp_), (system, i + 1, stamp_)
                stamps.append(stamp_[:19] if system == "Puma" else stamp_)
            assert "<*><*>" not in template and template == template.strip(), (system, template)
            m = template_regex(template).fullmatch(content)
            assert m, (system, i + 1, template, content)
            assert templates.setdefault(event_id, template) == template, (system, event_id)
            counts[event_id] = counts.get(event_id, 0) + 1
            seen = slots.setdefault(event_id, [set() for _ in m.groups()])
            for s, v in zip(seen, m.groups()):
                s.add(v)
        assert stamps == sorted(stamps), (system, "header times go back")
        assert len(stamps) >= 3, (system, "too few header times")
        assert len(set(templates.values())) == len(templates), system
        assert MIN_EVENTS <= len(counts) <= MAX_EVENTS, (system, len(counts))
        assert min(counts.values()) >= 3, (system, counts)
        assert sum(1 for n in counts.values() if 3 <= n <= 10) >= 3, (system, counts)
        top = sorted(counts.values(), reverse=True)
        assert top[0] >= 3 * top[len(top) // 2], (system, counts)  # skewed frequencies
        for event_id, seen in slots.items():
            for j, s in enumerate(seen):
                assert len(s) >= 2, (system, event_id, "slot %d" % (j + 1), s)
        summary[system] = dict(sorted(counts.items(), key=lambda kv: int(kv[0][1:])))
    return summary


if __name__ == "__main__":
    crowdsec()
    authelia()
    freeswitch()
    apptainer()
    gpfs()
    puma()
    for system, counts in self_check().items():
        print("%-11s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
