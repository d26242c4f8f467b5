#!/usr/bin/env python3
"""Sealed 68: blind labelled log corpus generator.

Python 3 standard library only and fully deterministic: no wall clock, no locale.
Base seed 20270198; system k (1..6) uses random.Random(20270198 * 10 + k).
All times come from an integer nanosecond clock on 2026-03-14 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv for
every system plus README.md, then re-reads the files and self-checks them.
"""
import csv
import os
import re
import statistics
import sys
import random

BASE_SEED = 20270198
OUT = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300
NS = 1_000_000_000
MS = 1_000_000
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SLOT = "<*>"


# ----------------------------------------------------------------------------
# integer clock helpers (proleptic Gregorian, UTC)
# ----------------------------------------------------------------------------
def days_from_civil(y, m, d):
    y -= 1 if m <= 2 else 0
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def civil_from_days(z):
    z += 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return y + (1 if m <= 2 else 0), m, d


DAY0 = days_from_civil(2026, 3, 14) * 86400 * NS


def parts(ns):
    sec, frac = divmod(ns, NS)
    days, rem = divmod(sec, 86400)
    y, mo, d = civil_from_days(days)
    h, rem = divmod(rem, 3600)
    mi, s = divmod(rem, 60)
    return y, mo, d, h, mi, s, frac


def iso_z(ns):
    y, mo, d, h, mi, s, _ = parts(ns)
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (y, mo, d, h, mi, s)


def ymd_hms(ns):
    y, mo, d, h, mi, s, _ = parts(ns)
    return "%04d-%02d-%02d %02d:%02d:%02d" % (y, mo, d, h, mi, s)


def ymd_hms_ms(ns):
    y, mo, d, h, mi, s, f = parts(ns)
    return "%04d-%02d-%02d %02d:%02d:%02d,%03d" % (y, mo, d, h, mi, s, f // MS)


def clf(ns):
    y, mo, d, h, mi, s, _ = parts(ns)
    return "%02d/%s/%04d:%02d:%02d:%02d +0000" % (d, MONTHS[mo - 1], y, h, mi, s)


def at(h, m, s):
    return DAY0 + (h * 3600 + m * 60 + s) * NS


def sec(x):
    return int(x * NS)


# ----------------------------------------------------------------------------
# value helpers
# ----------------------------------------------------------------------------
B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
LOWER = "abcdefghijklmnopqrstuvwxyz"


class Gen:
    """Random helpers plus per-(event, slot) cycling through small pools."""

    def __init__(self, rng):
        self.rng = rng
        self.pos = {}

    def cyc(self, ev, slot, pool):
        key = (ev, slot)
        if key not in self.pos:
            self.pos[key] = self.rng.randrange(len(pool))
        i = self.pos[key]
        self.pos[key] = i + 1
        return pool[i % len(pool)]

    def hx(self, n):
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def s(self, alphabet, n):
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def ri(self, a, b):
        return self.rng.randint(a, b)

    def ch(self, seq):
        return self.rng.choice(seq)

    def p(self, prob):
        return self.rng.random() < prob

    def uni(self, a, b):
        return self.rng.uniform(a, b)

    def uuid(self):
        return "%s-%s-4%s-%s%s-%s" % (self.hx(8), self.hx(4), self.hx(3),
                                       self.ch("89ab"), self.hx(3), self.hx(12))

    def ip(self, prefix):
        return "%s.%d" % (prefix, self.ri(2, 250))

    def size_h(self, lo_kb, hi_kb):
        return fmt_kb(self.uni(lo_kb, hi_kb))


def fmt_kb(kb):
    if kb <= 0:
        return "0 B"
    if kb >= 1024:
        return "%.1f MB" % (kb / 1024.0)
    if kb < 1:
        return "%d B" % int(kb * 1024)
    return "%d kB" % int(kb)


def fill(tpl, vals):
    pieces = tpl.split(SLOT)
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


def shuffled_plan(rng, counts):
    seq = []
    for key, n in counts:
        seq.extend([key] * n)
    rng.shuffle(seq)
    return seq


class Clock:
    """Forward-only clock with exponential gaps (integer nanoseconds)."""

    def __init__(self, rng, start, mean_s):
        self.rng = rng
        self.t = start
        self.mean = mean_s

    def tick(self):
        self.t += max(1, int(self.rng.expovariate(1.0 / self.mean) * NS))
        return self.t


class Sim:
    """Collects lines of many entities, each on its own clock; merged by time."""

    def __init__(self):
        self.recs = []
        self.seq = 0

    def emit(self, t, lines):
        # lines: list of (key, values, header_info); one record may be a multi-line block
        self.recs.append((t, self.seq, lines))
        self.seq += 1

    def merged(self):
        out = []
        for t, _, lines in sorted(self.recs, key=lambda r: (r[0], r[1])):
            for key, vals, hinfo in lines:
                out.append((t, key, vals, hinfo))
        if len(out) < N_LINES:
            raise RuntimeError("simulation produced only %d lines" % len(out))
        return out[:N_LINES]


# ============================================================================
# 1. Gophish: logrus text formatter (time="..." level=... msg="..." fields)
# ============================================================================
GOPHISH_EVENTS = [
    ("admin_access", "info",
     r'msg="<*> - - [<*>] \"<*> <*> HTTP/1.1\" <*> <*> \"<*>\" \"<*>\""'),
    ("phish_access", "info",
     r'msg="<*> - - [<*>] \"<*> <*> HTTP/1.1\" <*> <*> \"\" \"<*>\""'),
    ("email_sent", "info", 'msg="Email sent" email=<*>'),
    ("send_maillogs", "info", 'msg="Sending <*> maillogs to Mailer"'),
    ("email_error", "error", 'msg="Error sending email" email=<*> error="<*>"'),
    ("imap_new", "debug", 'msg="<*> new emails for <*>"'),
    ("imap_start", "info", 'msg="Starting new IMAP monitor for user <*>"'),
    ("imap_stop", "info", 'msg="Stopping IMAP monitor for user <*>"'),
    ("camp_launch", "info", 'msg="Campaign launched" campaign_id=<*> name="<*>"'),
    ("camp_done", "info", 'msg="Campaign completed" campaign_id=<*>'),
    ("webhook_err", "error", 'msg="error sending webhook" error="<*>" url="<*>"'),
    ("rid_missing", "warning", 'msg="Unable to find result for rid <*>" error="record not found"'),
    ("phish_start", "info", 'msg="Starting phishing server at <*>"'),
    ("admin_start", "info", 'msg="Starting admin server at <*>"'),
]
GOPHISH_COUNTS = [
    ("admin_access", 94), ("phish_access", 48), ("email_sent", 36), ("send_maillogs", 15),
    ("email_error", 18), ("imap_new", 24), ("imap_start", 10), ("imap_stop", 7),
    ("camp_launch", 12), ("camp_done", 9), ("webhook_err", 5), ("rid_missing", 14),
    ("phish_start", 4), ("admin_start", 4),
]
GOPHISH_HEADER_RE = (r'time="(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)" '
                     r'level=(?:debug|info|warning|error|fatal) ')


def build_gophish(rng):
    g = Gen(rng)
    lv = {k: l for k, l, _ in GOPHISH_EVENTS}
    desktop_uas = [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36 Edg/122.0.2365.80",
    ]
    phish_uas = desktop_uas + [
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
        "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)",
        "Mozilla/5.0 (Linux; Android 14; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.6167.178 Mobile Safari/537.36",
        "python-requests/2.31.0",
    ]
    admin_ips = ["10.40.2.31", "10.40.2.58", "192.168.77.14", "10.40.5.102"]
    admin_hosts = ["phishops.corp-sec.example", "10.40.2.15"]
    domains = ["acme-widgets.example", "northwind-logistics.test", "fabrikam-hq.example",
               "contoso-bank.example"]
    firsts = ["jane", "omar", "li", "priya", "marcus", "elena", "tobias", "aisha", "kenji",
              "sofia", "daniel", "ngozi", "viktor", "hannah", "ravi", "ines"]
    lasts = ["marsh", "haddad", "wei", "patel", "brandt", "rossi", "keller", "okafor",
             "nakamura", "lindqvist", "cheng", "adeyemi", "novak", "becker", "iyer", "duarte"]
    imap_users = ["phish-reports@acme-widgets.example", "soc-inbox@fabrikam-hq.example",
                  "report-phish@northwind-logistics.test"]
    camp_names = ["Q1 Payroll Update", "IT Password Expiry", "Benefits Enrollment 2026",
                  "DocuSign Invoice Lure", "VPN Client Upgrade", "Shared OneDrive File",
                  "Parking Permit Renewal"]
    smtp_errors = [
        "dial tcp 203.0.113.25:587: i/o timeout",
        "535 5.7.8 Username and Password not accepted",
        "421 4.7.0 Try again later, closing connection",
        "x509: certificate signed by unknown authority",
        "550 5.1.1 The email account that you tried to reach does not exist",
        "dial tcp: lookup smtp.relay.corp-sec.example: no such host",
    ]
    hook_errors = [
        r'Post \"https://hooks.corp-sec.example/gophish\": dial tcp 10.40.3.9:443: connect: connection refused',
        r'Post \"https://siem.fabrikam-hq.example:8443/ingest/gophish\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
        "webhook returned non-2xx status: 502",
    ]
    hook_urls = ["https://hooks.corp-sec.example/gophish",
                 "https://siem.fabrikam-hq.example:8443/ingest/gophish"]
    cids = [3, 4, 5, 6, 7, 8, 9, 11, 12]
    rids = [g.s(ALNUM, 7) for _ in range(40)]

    def email():
        return "%s.%s@%s" % (g.ch(firsts), g.ch(lasts), g.ch(domains))

    def admin_access(ts):
        cid = g.ch(cids)
        routes = [
            ("GET", "/api/campaigns/?_=%d" % (ts // MS), 200),
            ("GET", "/api/campaigns/%d/results" % cid, 200),
            ("GET", "/api/campaigns/summary", 200),
            ("GET", "/campaigns/%d" % cid, 200),
            ("GET", "/api/templates/", 200),
            ("GET", "/api/groups/summary", 200),
            ("POST", "/api/campaigns/", 201),
            ("PUT", "/api/groups/%d" % g.ri(1, 14), 200),
            ("DELETE", "/api/campaigns/%d" % cid, 200),
            ("GET", "/static/js/dist/app/campaign_results.min.js", 304),
            ("GET", "/api/smtp/", 200),
            ("GET", "/api/pages/%d" % g.ri(1, 9), 404),
        ]
        method, path, status = g.ch(routes)
        size = 0 if status == 304 else (g.ri(19, 40) if status == 404 else g.ri(48, 64000))
        page = g.ch(["/campaigns", "/campaigns/%d" % cid, "/templates", "/groups",
                     "/sending_profiles", "/"])
        ref = "https://%s:3333%s" % (g.cyc("admin_access", "host", admin_hosts), page)
        return (g.cyc("admin_access", "ip", admin_ips), clf(ts), method, path, status, size,
                ref, g.cyc("admin_access", "ua", desktop_uas))

    def phish_access(ts):
        rid = g.ch(rids)
        routes = [
            ("GET", "/?rid=" + rid, 200, 4000, 18000),
            ("GET", "/track?rid=" + rid, 200, 43, 43),
            ("POST", "/?rid=" + rid, 302, 0, 0),
            ("GET", "/report?rid=" + rid, 204, 0, 0),
            ("GET", "/favicon.ico", 404, 19, 19),
            ("GET", "/static/img/sso-logo.png", 200, 5200, 9800),
        ]
        method, path, status, lo, hi = g.ch(routes)
        ip = "%d.%d.%d.%d" % (g.ch([81, 94, 145, 176, 198, 203]), g.ri(1, 254), g.ri(1, 254), g.ri(2, 250))
        return (ip, clf(ts), method, path, status, g.ri(lo, hi),
                g.cyc("phish_access", "ua", phish_uas))

    render = {
        "admin_access": admin_access,
        "phish_access": phish_access,
        "email_sent": lambda ts: (email(),),
        "send_maillogs": lambda ts: (g.ri(1, 60),),
        "email_error": lambda ts: (email(), g.cyc("email_error", "err", smtp_errors)),
        "imap_new": lambda ts: (g.ri(1, 7), g.cyc("imap_new", "user", imap_users)),
        "imap_start": lambda ts: (g.cyc("imap_start", "user", imap_users),),
        "imap_stop": lambda ts: (g.cyc("imap_stop", "user", imap_users),),
        "camp_launch": lambda ts: (g.ch(cids), g.cyc("camp_launch", "name", camp_names)),
        "camp_done": lambda ts: (g.ch(cids),),
        "webhook_err": lambda ts: (g.cyc("webhook_err", "err", hook_errors),
                                   g.cyc("webhook_err", "url", hook_urls)),
        "rid_missing": lambda ts: (g.s(ALNUM, 7),),
        "phish_start": lambda ts: (g.cyc("phish_start", "addr",
                                         ["http://0.0.0.0:80", "https://0.0.0.0:443", "http://0.0.0.0:8080"]),),
        "admin_start": lambda ts: (g.cyc("admin_start", "addr",
                                         ["https://127.0.0.1:3333", "https://0.0.0.0:3333"]),),
    }
    plan = shuffled_plan(rng, GOPHISH_COUNTS)
    clock = Clock(rng, at(8, 2, 11) + rng.randrange(NS), 21.0)
    out = []
    for key in plan:
        ts = clock.tick()
        hdr = 'time="%s" level=%s ' % (iso_z(ts), lv[key])
        out.append((hdr, key, render[key](ts)))
    return out


# ============================================================================
# 2. Caldera: python logging "%(asctime)s - %(levelname)-5s (%(filename)s:%(lineno)s %(funcName)s) %(message)s"
# ============================================================================
CALDERA_EVENTS = [
    ("first", "DEBUG", "contact_svc.py:91 handle_heartbeat", "First time <*> beacon from <*>"),
    ("beacon", "DEBUG", "contact_svc.py:94 handle_heartbeat", "Incoming <*> beacon from <*>"),
    ("download", "INFO", "file_svc.py:63 get_file", "<*> downloaded with hash=<*> and name=<*>"),
    ("opstart", "INFO", "operation.py:287 run",
     "Starting operation '<*>' (adversary=<*>, planner=<*>, group=<*>)"),
    ("queued", "DEBUG", "planning_svc.py:171 exhaust_bucket",
     "Operation '<*>': link <*> queued for agent <*> (<*>)"),
    ("result", "DEBUG", "contact_svc.py:152 _save", "Received result for link <*> from <*> with status <*>"),
    ("timeout", "WARNING", "operation.py:402 _check_link_timeouts", "Link <*> timed out after <*>"),
    ("parsefail", "ERROR", "learning_svc.py:68 learn", "Failed to parse output of link <*>: <*>"),
    ("facts", "INFO", "learning_svc.py:75 learn", "Parsed <*> facts from link <*> output"),
    ("upload", "INFO", "file_svc.py:112 save_multipart_file_upload", "Uploaded file <*> (<*> bytes)"),
    ("paused", "INFO", "operation.py:241 set_state", "Operation '<*>' paused"),
    ("resumed", "INFO", "operation.py:241 set_state", "Operation '<*>' resumed"),
    ("finished", "INFO", "operation.py:318 run", "Operation '<*>' finished: <*> links completed in <*>"),
    ("untrusted", "WARNING", "app_svc.py:96 start_sniffer_untrusted_agents",
     "Agent <*> has not beaconed in <*>, marking untrusted"),
]
CALDERA_HEADER_RE = (r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) - (?:DEBUG|INFO |WARNING|ERROR) "
                     r"\([a-z_]+\.py:\d+ [a-z_]+\) ")


def build_caldera(rng):
    g = Gen(rng)
    sim = Sim()
    meta = {k: (l, src) for k, l, src, _ in CALDERA_EVENTS}
    t0 = at(9, 41, 17) + rng.randrange(NS)
    platforms = ["sandcat.go-linux", "sandcat.go-windows", "sandcat.go-darwin"]
    contacts = ["HTTP", "TCP", "websocket", "UDP"]
    procnames = ["splunkd", "svchost-upd", "dbus-helper", "OneDriveSync", "mdworker_x", "snmpd2",
                 "WmiPrvSE32", "crond-ng"]
    hosts = ["wks-0142", "fin-lt-077", "srv-db-03", "web-edge-02", "hr-pc-19", "mac-design-11",
             "build-runner-5", "dc01", "lab-win10-4", "jump-02"]
    adversaries = ["Discovery", "Hunter", "Ransack", "Thief", "Enumerator", "Super Spy", "Worm"]
    planners = ["atomic", "batch", "buckets", "look_ahead"]
    groups = ["red", "finance-lab", "dmz", "purple-team"]
    opnames = ["nightly-discovery", "Q1 purple exercise", "ransack finance", "lateral test 3",
               "thief run", "dmz sweep", "enum-AD-2", "exfil drill", "hunter #7", "spy-check"]
    abilities = ["Find files", "Identify active user", "Discover local network", "Compress staged directory",
                 "Exfil staged directory", "View admin shares", "Find user processes",
                 "System information discovery", "Collect ARP details", "GetComputers (PowerView)",
                 "Dump LSASS (procdump)", "Permission Groups Discovery"]
    parse_errors = ["Expecting value: line 1 column 1 (char 0)",
                    "'NoneType' object has no attribute 'group'",
                    "list index out of range",
                    "invalid literal for int() with base 10: 'N/A'",
                    "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"]
    exfil_names = ["staged.tar.gz", "passwords.txt.zip", "Q4-forecast.xlsx", "id_rsa", "loot.7z",
                   "ntds.dit.gz"]

    def L(key, *vals):
        return (key, vals, meta[key])

    # agents
    agents = []
    n_agents = 9
    for i in range(n_agents):
        start = t0 + sec(i * g.uni(90, 260) + g.uni(0, 40))
        paw = g.s(LOWER, 6)
        host = hosts[i % len(hosts)]
        sleep_lo, sleep_hi = g.ch([(45, 75), (60, 90), (30, 60), (80, 120)])
        dies = i % 3 != 2
        life = g.uni(500, 1300) if dies else g.uni(4000, 6000)
        sim.emit(start, [L("download", g.cyc("download", "plat", platforms), g.hx(32),
                           g.cyc("download", "name", procnames))])
        t = start + sec(g.uni(1, 5))
        contact = g.cyc("first", "contact", contacts)
        sim.emit(t, [L("first", contact, paw)])
        last = t
        while t < start + sec(life):
            t += sec(g.uni(sleep_lo, sleep_hi))
            sim.emit(t, [L("beacon", contact, paw)])
            last = t
        if dies:
            quiet = g.uni(2.5, 4.0) * sleep_hi
            sim.emit(last + sec(quiet), [L("untrusted", paw, "%ds" % int(quiet))])
        agents.append((paw, host, start, last))

    # operations
    n_ops = 10
    nlink = [0]
    nok = [0]
    for j in range(n_ops):
        t = t0 + sec(150 + j * g.uni(180, 300))
        name = opnames[j % len(opnames)]
        alive = [a for a in agents if a[2] <= t <= a[3]] or agents[:2]
        sim.emit(t, [L("opstart", name, g.cyc("opstart", "adv", adversaries),
                       g.cyc("opstart", "planner", planners), g.cyc("opstart", "group", groups))])
        start = t
        n_links = g.ri(4, 8)
        done = 0
        for _ in range(n_links):
            t += sec(g.uni(5, 40))
            paw, host = g.ch(alive)[:2]
            link = g.uuid()
            ability = g.ch(abilities)
            sim.emit(t, [L("queued", name, link, paw, ability)])
            t += sec(g.uni(20, 95))
            nlink[0] += 1
            if nlink[0] % 11 == 4:
                sim.emit(t, [L("timeout", link, g.cyc("timeout", "d", ["60s", "120s", "300s"]))])
                continue
            status = 0 if g.p(0.8) else g.ch([1, 127, 2])
            sim.emit(t, [L("result", link, paw, status)])
            done += 1
            if status == 0:
                nok[0] += 1
                if nok[0] % 8 == 3:
                    sim.emit(t + sec(g.uni(0.05, 0.6)),
                             [L("parsefail", link, g.cyc("parsefail", "err", parse_errors))])
                elif g.p(0.5):
                    sim.emit(t + sec(g.uni(0.05, 0.6)), [L("facts", g.ri(1, 24), link)])
                if "Exfil" in ability or nok[0] % 7 == 5:
                    sim.emit(t + sec(g.uni(0.5, 3)),
                             [L("upload", "/opt/caldera/data/exfil/%s-%s/%s" % (host, paw, g.ch(exfil_names)),
                                g.ri(180, 48000000))])
            if nlink[0] % 6 == 2:
                t += sec(g.uni(3, 20))
                sim.emit(t, [L("paused", name)])
                t += sec(g.uni(40, 240))
                sim.emit(t, [L("resumed", name)])
        t += sec(g.uni(2, 30))
        dur = (t - start) // NS
        sim.emit(t, [L("finished", name, done, "%dm%02ds" % (dur // 60, dur % 60))])

    out = []
    for t, key, vals, (lvl, src) in sim.merged():
        hdr = "%s - %-5s (%s) " % (ymd_hms(t), lvl, src)
        out.append((hdr, key, vals))
    return out


# ============================================================================
# 3. Velociraptor: console logger "[LEVEL] 2006-01-02T15:04:05Z message"
# ============================================================================
VELO_EVENTS = [
    ("enrolled", "INFO", 'Enrolled new client {"client_id":"<*>","hostname":"<*>","remote":"<*>"}'),
    ("connected", "INFO", "Client <*> connected from <*>"),
    ("disconnected", "INFO", "Client <*> disconnected after <*>"),
    ("notify", "DEBUG", "Notifying client <*>"),
    ("scheduled", "INFO", "Scheduled flow <*> on <*>: <*>"),
    ("rows", "INFO", "Received <*> rows for <*> from <*>/<*>"),
    ("upload", "INFO", "Upload <*> received from <*> (<*>)"),
    ("completed", "INFO", "Flow <*> on <*> completed: <*> rows, <*> uploaded in <*>"),
    ("failed", "ERROR", "Flow <*> on <*> failed: <*>"),
    ("cancelled", "WARN", "Flow <*> on <*> cancelled by <*>"),
    ("hunt_start", "INFO", 'Hunt <*> started by <*>: "<*>"'),
    ("hunt_stop", "INFO", "Hunt <*> stopped by <*>"),
    ("hunt_sched", "INFO", "Scheduling hunt <*> on client <*>"),
    ("dropping", "WARN", "Dropping <*> messages from <*>: <*>"),
]
VELO_HEADER_RE = r"\[(?:INFO|WARN|ERROR|DEBUG)\] (?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ) "


def build_velociraptor(rng):
    g = Gen(rng)
    sim = Sim()
    lv = {k: l for k, l, _ in VELO_EVENTS}
    t0 = at(13, 5, 48) + rng.randrange(NS)
    hostnames = ["WKS-0142", "FIN-LT-077", "srv-db-03", "web-edge-02", "HR-PC-19", "mac-design-11",
                 "DC01", "build-runner-5", "LAB-W10-04", "jump-02", "KIOSK-3", "pos-term-12"]
    artifacts_win = ["Windows.System.Pslist", "Windows.Forensics.Prefetch", "Windows.EventLogs.EvtxHunter",
                     "Windows.Network.Netstat", "Windows.KapeFiles.Targets", "Windows.Detection.Yara.Process"]
    artifacts_nix = ["Linux.Sys.Users", "Linux.Syslog.SSHLogin", "Generic.System.Pstree",
                     "Linux.Network.Netstat", "Linux.Sys.Crontab"]
    analysts = ["admin", "j.marsh", "analyst.okafor", "p.iyer", "svc-automation"]
    hunt_desc = ["Sweep for suspicious scheduled tasks", "YARA scan for CobaltStrike beacons",
                 "Collect prefetch after phishing incident", "SSH brute force triage",
                 "Netstat snapshot for IR-2026-031"]
    fail_reasons = ["Timeout: Query exceeded 600 seconds", "Symbol not found: pslist",
                    "CreateFile: Access is denied.", "Max rows exceeded (1000000)",
                    "Artifact Windows.Forensics.SRUM not found",
                    "yara: error while scanning process 4120: could not read memory"]
    drop_reasons = ["flow not found", "session expired", "client message queue full"]
    win_paths = [r"C:\Windows\System32\winevt\Logs\Security.evtx", r"C:\Users\jmarsh\NTUSER.DAT",
                 r"C:\Windows\Prefetch\POWERSHELL.EXE-022A1004.pf", r"C:\$MFT",
                 r"C:\Windows\System32\config\SYSTEM"]
    nix_paths = ["/var/log/auth.log", "/home/dcheng/.bash_history", "/etc/crontab", "/var/log/syslog.1",
                 "/root/.ssh/authorized_keys"]

    def L(key, *vals):
        return (key, vals, lv[key])

    def flow_id():
        return "F." + g.s(B32[:26] + "0123456789", 13)

    nflow = [0]

    def run_flow(t, client, arts, win, via_hunt=None):
        cid, host = client[0], client[1]
        fid = flow_id()
        t_start = t
        sim.emit(t, [L("notify", cid), L("scheduled", fid, cid, ",".join(arts))])
        total = 0
        uploads = 0
        n = g.ri(1, 3)
        for _ in range(n):
            t += sec(g.expo(7.0))
            art = g.ch(arts)
            if art == "Generic.Client.Info":
                art = g.ch(["Generic.Client.Info/BasicInformation", "Generic.Client.Info/Users",
                            "Generic.Client.Info/WindowsInfo" if win else "Generic.Client.Info/LinuxInfo"])
            rows = g.ri(1, 900)
            total += rows
            sim.emit(t, [L("rows", rows, art, cid, fid)])
            if g.p(0.15):
                t += sec(g.uni(0.2, 4))
                kb = g.uni(12, 90000) if g.p(0.7) else g.uni(12, 900)
                uploads += kb
                sim.emit(t, [L("upload", g.ch(win_paths if win else nix_paths), cid, fmt_kb(kb))])
        t += sec(g.uni(0.5, 6))
        nflow[0] += 1
        if nflow[0] % 8 == 5:
            sim.emit(t, [L("failed", fid, cid, g.cyc("failed", "why", fail_reasons))])
        elif nflow[0] % 7 == 2:
            sim.emit(t, [L("cancelled", fid, cid, g.cyc("cancelled", "who", analysts))])
        else:
            sim.emit(t, [L("completed", fid, cid, total, fmt_kb(uploads), "%.3fs" % ((t - t_start) / NS))])

    g.expo = lambda m: g.rng.expovariate(1.0 / m)

    clients = []
    for i in range(18):
        c0 = t0 + sec(i * g.uni(40, 120) + g.uni(0, 20))
        cid = "C." + g.hx(16)
        host = hostnames[i % len(hostnames)]
        win = host.upper() == host or host.startswith("DC")
        ip = "%s.%d" % (g.ch(["10.12.4", "10.12.9", "172.20.30", "192.168.88"]), g.ri(3, 250))
        life = g.uni(150, 1000)
        c1 = c0 + sec(life)
        clients.append((cid, host, win, c0, c1))
        block = []
        if i % 3 == 0:
            block.append(L("enrolled", cid, host, ip))
        block.append(L("connected", cid, "%s:%d" % (ip, g.ri(40000, 65000))))
        sim.emit(c0, block)
        if i % 3 == 0:
            run_flow(c0 + sec(g.uni(1, 4)), clients[-1], ["Generic.Client.Info"], win)
        m, s = divmod(life, 60)
        sim.emit(c1, [L("disconnected", cid, "%dm%.3fs" % (int(m), s))])
        tq = c0 + sec(g.uni(30, 400))
        if g.p(0.6) and tq < c1:
            sim.emit(tq, [L("dropping", g.ri(2, 480), cid, g.cyc("dropping", "why", drop_reasons))])

    # hunts
    for j in range(5):
        h0 = t0 + sec(90 + j * g.uni(150, 260))
        h1 = h0 + sec(g.uni(120, 300))
        want_win = j % 2 == 0
        hid = "H." + g.s(B32[:26] + "0123456789", 13)
        who = g.cyc("hunt_start", "who", analysts)
        sim.emit(h0, [L("hunt_start", hid, who, hunt_desc[j % len(hunt_desc)])])
        for c in clients:
            cid, host, win, c0, c1 = c
            ts = max(h0, c0) + sec(g.uni(1, 30))
            if ts < min(h1, c1) and win == want_win:
                arts = [g.ch(artifacts_win if win else artifacts_nix)]
                sim.emit(ts, [L("hunt_sched", hid, cid)])
                run_flow(ts + sec(g.uni(0.5, 3)), c, arts, win)
        sim.emit(h1, [L("hunt_stop", hid, g.cyc("hunt_stop", "who", analysts))])

    # ad-hoc collections by analysts
    t = t0
    for _ in range(60):
        t += sec(g.expo(50.0))
        live = [c for c in clients if c[3] < t < c[4]]
        if not live:
            continue
        c = g.ch(live)
        pool = artifacts_win if c[2] else artifacts_nix
        arts = sorted(set(g.ch(pool) for _ in range(g.ri(1, 3))))
        run_flow(t, c, arts, c[2])

    out = []
    for t, key, vals, lvl in sim.merged():
        out.append(("[%s] %s " % (lvl, iso_z(t)), key, vals))
    return out


# ============================================================================
# 4. TheHive 5: logback "%date [%level] from %logger in %thread [%X{request}|%X{tx}] %message"
# ============================================================================
THEHIVE_EVENTS = [
    ("access", "INFO", "org.thp.scalligraph.AccessLogFilter", "req",
     "<*> <*> <*> took <*> and returns <*> <*> bytes"),
    ("case_created", "INFO", "org.thp.thehive.services.CaseSrv", "tx", "Case #<*> created by <*>: <*>"),
    ("alert_created", "INFO", "org.thp.thehive.services.AlertSrv", "tx",
     "Alert <*> (<*>:<*>) created in organisation <*>"),
    ("alert_merged", "INFO", "org.thp.thehive.services.AlertSrv", "tx", "Alert <*> merged into case #<*>"),
    ("obs_added", "INFO", "org.thp.thehive.services.ObservableSrv", "tx", "Observable <*> (<*>) added to case #<*>"),
    ("auth_ok", "INFO", "org.thp.scalligraph.auth.MultiAuthSrv", "req", "User <*> authenticated with <*> from <*>"),
    ("auth_fail", "WARN", "org.thp.scalligraph.auth.MultiAuthSrv", "req", "Authentication failure for <*>: <*>"),
    ("cortex_submit", "INFO", "org.thp.thehive.connector.cortex.services.JobSrv", "tx",
     "Cortex job <*> submitted to <*> for analyzer <*> on observable <*>"),
    ("cortex_done", "INFO", "org.thp.thehive.connector.cortex.services.JobSrv", "bg",
     "Cortex job <*> finished, report imported in <*>"),
    ("notif_sent", "INFO", "org.thp.thehive.services.notification.NotificationActor", "bg",
     "Notification <*> sent to <*> (HTTP <*>)"),
    ("notif_fail", "ERROR", "org.thp.thehive.services.notification.NotificationActor", "bg",
     "Notification <*> to <*> failed: <*>"),
    ("integrity", "INFO", "org.thp.thehive.services.IntegrityCheckActor", "bg",
     "Integrity check on <*>: removed <*> duplicates in <*>"),
    ("task_update", "INFO", "org.thp.thehive.services.TaskSrv", "tx", 'Task "<*>" in case #<*> updated: <*> -> <*>'),
    ("attachment", "INFO", "org.thp.thehive.services.AttachmentSrv", "tx", "Attachment <*> (<*>, <*>) saved"),
]
THEHIVE_COUNTS = [
    ("access", 111), ("case_created", 14), ("alert_created", 30), ("alert_merged", 9), ("obs_added", 24),
    ("auth_ok", 18), ("auth_fail", 8), ("cortex_submit", 16), ("cortex_done", 12), ("notif_sent", 20),
    ("notif_fail", 5), ("integrity", 7), ("task_update", 22), ("attachment", 4),
]
THEHIVE_HEADER_RE = (r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) \[(?:DEBUG|INFO|WARN|ERROR)\] "
                     r"from [\w.$]+ in [\w.-]+ \[(?:[0-9a-f]{8})?\|(?:[0-9a-f]{8})?\] ")


def build_thehive(rng):
    g = Gen(rng)
    meta = {k: (l, lg, ctx) for k, l, lg, ctx, _ in THEHIVE_EVENTS}
    users = ["jmarsh@soc.corp-sec.example", "p.iyer@soc.corp-sec.example", "admin@thehive.local",
             "okafor@mssp-one.example", "svc-cortex@soc.corp-sec.example", "h.becker@soc.corp-sec.example"]
    orgs = ["soc-main", "mssp-one", "fabrikam-ir", "acme-csirt"]
    alert_types = ["external", "splunk", "misp", "crowdstrike", "email-report"]
    sources = ["Splunk-ES", "MISP-Prod", "Falcon", "phish-inbox", "Zeek-DMZ", "O365-Defender"]
    case_titles = ["Suspicious PowerShell on WKS-0142", "Phishing campaign targeting finance",
                   "Brute force against VPN gateway", "Malware beacon to 198.51.100.77",
                   "Impossible travel for p.rossi", "Ransomware note found on FS02"]
    task_titles = ["Contain host", "Collect memory image", "Notify data owner", "Reset credentials",
                   "Block IOC at proxy", "Review mailbox rules"]
    states = ["Waiting", "InProgress", "Completed", "Cancel"]
    dtypes = ["ip", "domain", "hash", "url", "mail", "filename", "fqdn"]
    analyzers = ["VirusTotal_GetReport_3_1", "AbuseIPDB_1_0", "Shodan_Host_1_0", "URLhaus_2_0",
                 "MaxMind_GeoIP_4_0", "OTXQuery_2_0"]
    cortex_servers = ["cortex-prod", "cortex-lab"]
    auth_methods = ["session", "key", "basic", "oauth2"]
    auth_fail = ["invalid password", "user is locked", "API key not found", "token expired",
                 "user not found in organisation soc-main"]
    notif_targets = ["https://hooks.slack.example/services/T0A1/B2C3/xyz", "mailto:soc-oncall@corp-sec.example",
                     "https://n8n.corp-sec.example/webhook/thehive", "https://teams.example/webhookb2/8f3a"]
    notif_err = ["Connection refused", "Request timeout after 10000 ms",
                 "HTTP 413 Payload Too Large", "SMTP 554 5.7.1 relay access denied"]
    notif_names = ["CaseCreated", "AlertCreated", "TaskAssigned", "JobFinished", "CaseClosed", "ObservableAdded"]
    entities = ["Tag", "Organisation", "User", "CustomField", "ObservableType", "Profile", "Taxonomy"]
    files = [("screenshot.png", "image/png"), ("mail-headers.eml", "message/rfc822"),
             ("sample.zip", "application/zip"), ("report.pdf", "application/pdf"),
             ("triage.txt", "text/plain")]
    client_ips = ["10.30.1.21", "10.30.1.44", "192.168.60.17", "10.30.2.9", "172.16.8.40"]
    obs_vals = {"ip": lambda: "%d.%d.%d.%d" % (g.ch([45, 91, 185, 198, 203]), g.ri(0, 255), g.ri(0, 255), g.ri(1, 254)),
                "domain": lambda: g.ch(["login-micros0ft.example", "cdn-update.test", "paypa1-secure.example",
                                         "dropbox-share.test"]),
                "hash": lambda: g.hx(64), "url": lambda: "https://%s/%s" % (g.ch(["bit-ly.test", "files-drop.example"]),
                                                                             g.s(ALNUM, 8)),
                "mail": lambda: "%s@%s" % (g.ch(["billing", "hr-dept", "it.support"]), g.ch(["corp-mail.test", "payroll.example"])),
                "filename": lambda: g.ch(["invoice_0323.docm", "setup_x64.exe", "update.ps1", "scan_0041.pdf.js"]),
                "fqdn": lambda: "%s.%s" % (g.s(LOWER, 10), g.ch(["duckdns.test", "ngrok-free.example"]))}
    threads = ["application-akka.actor.default-dispatcher-%d" % i for i in (4, 5, 7, 9, 12, 15, 18)]
    bg_threads = ["application-akka.actor.default-dispatcher-%d" % i for i in (3, 6)] + \
                 ["pool-%d-thread-%d" % (a, b) for a, b in ((5, 1), (7, 2))]
    cnt = [rng.randrange(0x1000, 0x3000)]

    def case_no():
        return g.ri(180, 1460)

    def eid():
        return "~%d" % g.ri(4100000, 49000000)

    def access():
        routes = [
            ("GET", "/api/v1/user/current", 200, 300, 900),
            ("POST", "/api/v1/query?name=cases", 200, 400, 90000),
            ("POST", "/api/v1/query?name=alerts", 200, 400, 120000),
            ("GET", "/api/v1/case/%s" % eid(), 200, 1200, 9000),
            ("PATCH", "/api/v1/alert/%s" % eid(), 204, 0, 0),
            ("POST", "/api/v1/alert", 201, 900, 4000),
            ("GET", "/api/v1/status", 200, 500, 700),
            ("GET", "/api/stream/%s" % g.s(ALNUM, 20), 200, 2, 6000),
            ("POST", "/api/v1/query?name=get-case-observables", 200, 200, 50000),
            ("GET", "/api/v1/observable/%s" % eid(), 404, 80, 120),
            ("POST", "/api/v1/login", 401, 60, 90),
        ]
        method, path, status, lo, hi = g.ch(routes)
        took = g.ri(2, 60000) if path.startswith("/api/stream") else g.ri(2, 1800)
        return (g.cyc("access", "ip", client_ips), method, path, "%dms" % took, status, g.ri(lo, hi))

    def dtype_val():
        d = g.ch(dtypes)
        return d, obs_vals[d]()

    def obs():
        d, v = dtype_val()
        return (v, d, case_no())

    def cortex_submit():
        d, v = dtype_val()
        return (g.s(ALNUM + "-_", 20), g.cyc("cortex_submit", "srv", cortex_servers),
                g.cyc("cortex_submit", "an", analyzers), v)

    def attachment():
        f, ct = g.cyc("attachment", "file", files)
        return (f, ct, g.size_h(3, 25000))

    def task():
        a = g.ch(states[:3])
        b = g.ch([s for s in states if s != a])
        return (g.cyc("task_update", "title", task_titles), case_no(), a, b)

    render = {
        "access": access,
        "case_created": lambda: (case_no(), g.cyc("case_created", "user", users),
                                 g.cyc("case_created", "title", case_titles)),
        "alert_created": lambda: (eid(), g.cyc("alert_created", "type", alert_types),
                                  "%s-%d" % (g.ch(sources), g.ri(10000, 99999)), g.cyc("alert_created", "org", orgs)),
        "alert_merged": lambda: (eid(), case_no()),
        "obs_added": obs,
        "auth_ok": lambda: (g.cyc("auth_ok", "user", users), g.cyc("auth_ok", "m", auth_methods),
                            g.cyc("auth_ok", "ip", client_ips)),
        "auth_fail": lambda: (g.cyc("auth_fail", "user", users + ["root", "administrator"]),
                              g.cyc("auth_fail", "why", auth_fail)),
        "cortex_submit": cortex_submit,
        "cortex_done": lambda: (g.s(ALNUM + "-_", 20), "%dms" % g.ri(40, 4200)),
        "notif_sent": lambda: (g.cyc("notif_sent", "n", notif_names), g.cyc("notif_sent", "tgt", notif_targets),
                               g.ch([200, 200, 200, 202, 204])),
        "notif_fail": lambda: (g.cyc("notif_fail", "n", notif_names), g.cyc("notif_fail", "tgt", notif_targets),
                               g.cyc("notif_fail", "err", notif_err)),
        "integrity": lambda: (g.cyc("integrity", "ent", entities), g.ri(0, 14), "%dms" % g.ri(12, 9000)),
        "task_update": task,
        "attachment": attachment,
    }
    plan = shuffled_plan(rng, THEHIVE_COUNTS)
    clock = Clock(rng, at(7, 48, 3) + rng.randrange(NS), 17.0)
    out = []
    for key in plan:
        ts = clock.tick()
        lvl, logger, ctx = meta[key]
        cnt[0] += g.ri(1, 6)
        if ctx == "req":
            br, th = "%08x|" % cnt[0], g.ch(threads)
        elif ctx == "tx":
            br, th = "%08x|%s" % (cnt[0], g.hx(8)), g.ch(threads)
        else:
            br, th = "|", g.ch(bg_threads)
        hdr = "%s [%s] from %s in %s [%s] " % (ymd_hms_ms(ts), lvl, logger, th, br)
        out.append((hdr, key, render[key]()))
    return out


# ============================================================================
# 5. Cortex: logback "%date [%level] from %logger in %thread - %message%n" (+ indented continuation lines)
# ============================================================================
CORTEX_EVENTS = [
    ("access", "INFO", "org.thp.cortex.services.AccessLogFilter", "<*> <*> <*> took <*> and returned <*> <*> bytes"),
    ("created", "INFO", "org.thp.cortex.services.JobSrv", "Job <*> created for analyzer <*> on <*> <*> (TLP:<*>)"),
    ("cached", "INFO", "org.thp.cortex.services.JobSrv",
     "Found similar job <*> in cache (<*> old), reusing its report for job <*>"),
    ("execute", "INFO", "org.thp.cortex.services.DockerJobRunnerSrv", "Execute container <*>"),
    ("c_timeout", None, None, "timeout: <*>"),
    ("c_image", None, None, "image  : <*>"),
    ("c_volume", None, None, "volume : <*>"),
    ("remove", "INFO", "org.thp.cortex.services.DockerJobRunnerSrv", "Remove container <*>"),
    ("success", "INFO", "org.thp.cortex.services.JobRunnerSrv", "Job <*> has finished successfully in <*>"),
    ("failure", "ERROR", "org.thp.cortex.services.JobRunnerSrv", "Job <*> has failed: <*>"),
    ("aborted", "WARN", "org.thp.cortex.services.JobRunnerSrv", "Job <*> has been aborted: no report after <*>"),
    ("ratelimit", "WARN", "org.thp.cortex.services.JobSrv", "Rate limit reached for worker <*>: <*> jobs in the last <*>"),
    ("report", "INFO", "org.thp.cortex.services.JobRunnerSrv", "Report of job <*> contains <*> artifacts and <*> taxonomies"),
]
CORTEX_HEADER_RE = (r"(?:(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) \[(?:DEBUG|INFO|WARN|ERROR)\] "
                    r"from [\w.$]+ in [\w.-]+ - |  )")


def build_cortex(rng):
    g = Gen(rng)
    sim = Sim()
    meta = {k: (l, lg) for k, l, lg, _ in CORTEX_EVENTS}
    t0 = at(10, 27, 50) + rng.randrange(NS)
    # analyzer, image, data types, timeout label, timeout seconds, rate (n, window)
    analyzers = [
        ("VirusTotal_GetReport_3_1", "cortexneurons/virustotal_getreport:3", ["hash", "domain", "ip", "url"], "30 minutes", 1800, ("4", "1 minute")),
        ("AbuseIPDB_1_0", "cortexneurons/abuseipdb:1", ["ip"], "5 minutes", 300, ("1000", "1 day")),
        ("Shodan_Host_1_0", "cortexneurons/shodan_host:1", ["ip"], "10 minutes", 600, ("1", "1 second")),
        ("URLhaus_2_0", "cortexneurons/urlhaus:2", ["url", "domain", "hash"], "5 minutes", 300, None),
        ("MaxMind_GeoIP_4_0", "cortexneurons/maxmind_geoip:4", ["ip"], "3 minutes", 180, None),
        ("OTXQuery_2_0", "cortexneurons/otxquery:2", ["ip", "domain", "hash", "url"], "10 minutes", 600, None),
        ("FileInfo_8_0", "cortexneurons/fileinfo:8", ["file"], "1 hour", 3600, None),
        ("Yara_2_0", "cortexneurons/yara:2", ["file"], "2 minutes", 120, None),
    ]
    aids = {a[0]: g.hx(32) for a in analyzers}
    thehive_ips = ["10.20.0.11", "10.20.0.12", "192.168.50.23", "10.20.0.31"]
    fail_reasons = ["Invalid VirusTotal API key",
                    "HTTPSConnectionPool(host='api.shodan.io', port=443): Read timed out. (read timeout=30)",
                    "Unsupported data type: mail",
                    "429 Client Error: Too Many Requests for url: https://api.abuseipdb.com/api/v2/check",
                    "Error during yara scan: could not open file",
                    "Invalid output"]
    disp = ["application-akka.actor.default-dispatcher-%d" % i for i in (2, 4, 5, 8, 11, 14)]
    pool_th = ["pool-2-thread-%d" % i for i in (1, 2, 3, 4)]

    def jid():
        return g.s(ALNUM + "-_", 20)

    def data_for(dt):
        if dt == "ip":
            return "%d.%d.%d.%d" % (g.ch([45, 89, 103, 185, 194]), g.ri(0, 255), g.ri(0, 255), g.ri(1, 254))
        if dt == "domain":
            return g.ch(["cdn-update.test", "login-micros0ft.example", "paypa1-secure.example", "x7kq.duckdns.test"])
        if dt == "hash":
            return g.hx(g.ch([32, 40, 64]))
        if dt == "url":
            return "http://%s/%s" % (g.ch(["files-drop.example", "185.44.10.9", "bit-ly.test"]), g.s(ALNUM, 9))
        return g.ch(["invoice_0323.docm", "setup_x64.exe", "scan_0041.pdf.js", "payload.bin", "update.ps1"])

    def L(key, *vals):
        return (key, vals, meta[key])

    def access_line(ip, method, path, took_ms, status, size):
        return L("access", ip, method, path, "%dms" % took_ms, status, size)

    t = t0
    seen = {}
    nexec, nshort = [0], [0]
    for n in range(70):
        t += sec(g.rng.expovariate(1.0 / 22.0))
        a = g.ch(analyzers)
        name, image, dts, tlabel, tsec, rate = a
        ip = g.ch(thehive_ips)
        seen[name] = seen.get(name, 0) + 1
        if rate and seen[name] % 3 == 0:
            sim.emit(t, [L("ratelimit", name, rate[0], rate[1]),
                         access_line(ip, "POST", "/api/analyzer/%s/run" % aids[name], g.ri(3, 40), 429, g.ri(90, 160))])
            continue
        job = jid()
        dt = g.ch(dts)
        sim.emit(t, [L("created", job, name, dt, data_for(dt), g.cyc("created", "tlp", ["AMBER", "GREEN", "WHITE", "RED"])),
                     access_line(ip, "POST", "/api/analyzer/%s/run" % aids[name], g.ri(20, 180), 200, g.ri(380, 720))])
        tt = t
        if seen[name] % 7 == 5:
            tt += sec(g.uni(0.01, 0.3))
            sim.emit(tt, [L("cached", jid(), "%d minutes" % g.ri(1, 9), job)])
            tt += sec(g.uni(0.5, 3))
            sim.emit(tt, [access_line(ip, "GET", "/api/job/%s/waitreport?atMost=1%%20minute" % job,
                                      g.ri(5, 90), 200, g.ri(900, 30000))])
            continue
        tt += sec(g.uni(0.1, 1.5))
        cont = g.hx(64)
        sim.emit(tt, [L("execute", cont),
                      ("c_timeout", (tlabel,), ("", "")),
                      ("c_image", (image,), ("", "")),
                      ("c_volume", ("/tmp/cortex-jobs/cortex-job-%s-%d:/job" % (job, g.ri(10 ** 17, 10 ** 18)),), ("", ""))])
        nexec[0] += 1
        if tsec <= 300:
            nshort[0] += 1
        r = "abort" if tsec <= 300 and nshort[0] % 3 == 2 else ("fail" if nexec[0] % 6 == 3 else "ok")
        if r == "abort":
            run = tsec
        else:
            run = g.rng.expovariate(1.0 / 25.0) + 1.5
        # TheHive polls waitreport with atMost=1 minute
        poll_start = t + sec(g.uni(1.0, 4.0))
        end = tt + sec(run)
        p = poll_start
        while p + sec(60) < end:
            p += sec(60)
            sim.emit(p, [access_line(ip, "GET", "/api/job/%s/waitreport?atMost=1%%20minute" % job,
                                     60000 + g.ri(0, 40), 200, g.ri(500, 700))])
        lines = [L("remove", cont)]
        if r == "abort":
            lines.append(L("aborted", job, tlabel))
        elif r == "fail":
            lines.append(L("failure", job, g.cyc("failure", "why", fail_reasons)))
        else:
            lines.append(L("success", job, "%.1fs" % run if run < 60 else "%dm%02ds" % (int(run) // 60, int(run) % 60)))
            if g.p(0.45):
                lines.append(L("report", job, g.ri(0, 40), g.ri(1, 6)))
        sim.emit(end, lines)
        sim.emit(end + sec(g.uni(0.02, 0.4)),
                 [access_line(ip, "GET", "/api/job/%s/waitreport?atMost=1%%20minute" % job,
                              int((end - p) / MS) + g.ri(5, 60), 200, g.ri(900, 60000))])
        if g.p(0.3):
            sim.emit(end + sec(g.uni(0.5, 3)),
                     [access_line(ip, "GET", "/api/job/%s/artifacts" % job, g.ri(4, 60), 200, g.ri(2, 9000))])

    out = []
    for ts, key, vals, (lvl, logger) in sim.merged():
        if lvl is None or lvl == "":
            out.append(("  ", key, vals))
        else:
            th = g.ch(pool_th) if logger.endswith("RunnerSrv") else g.ch(disp)
            out.append(("%s [%s] from %s in %s - " % (ymd_hms_ms(ts), lvl, logger, th), key, vals))
    return out


# ============================================================================
# 6. MISP: CakePHP 2 FileLog "Y-m-d H:i:s Type: message" (+ Request URL / Referer URL lines)
# ============================================================================
MISP_EVENTS = [
    ("missing_ctrl", "Error", "[MissingControllerException] Controller class <*> could not be found."),
    ("not_found", "Error", "[NotFoundException] Invalid event"),
    ("forbidden", "Error", "[ForbiddenException] Authentication failed. Please make sure you pass the API key "
                           "of an API enabled user along in the Authorization header."),
    ("not_allowed", "Error", "[MethodNotAllowedException] You don't have permission to do that."),
    ("request_url", None, "Request URL: <*>"),
    ("referer_url", None, "Referer URL: <*>"),
    ("w_stream", "Warning", "Warning (2): <*>: failed to open stream: <*> in [<*>, line <*>]"),
    ("n_index", "Notice", "Notice (8): Undefined index: <*> in [<*>, line <*>]"),
    ("n_property", "Notice", "Notice (8): Trying to get property '<*>' of non-object in [<*>, line <*>]"),
    ("pull_fail", "Error", "Failed to pull event <*> from server #<*> (<*>): <*>"),
    ("pulled", "Debug", "Pulled <*> events from server #<*> (<*>) in <*>"),
    ("job_fail", "Error", "Background job <*> (<*>) failed: <*>"),
    ("feed", "Info", "Feed #<*> (<*>) fetched: <*> new, <*> updated"),
]
MISP_COUNTS = [
    ("missing_ctrl", 30), ("not_found", 14), ("forbidden", 34), ("not_allowed", 6),
    ("w_stream", 12), ("n_index", 47), ("n_property", 8), ("pull_fail", 15), ("pulled", 24),
    ("job_fail", 5), ("feed", 9),
]
MISP_REFERERS = 12
MISP_HEADER_RE = r"(?:(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) (?:Error|Warning|Notice|Info|Debug): )?"


def build_misp(rng):
    g = Gen(rng)
    lv = {k: l for k, l, _ in MISP_EVENTS}
    ctrl = [("WpLoginPhpController", "/wp-login.php"), ("PhpmyadminController", "/phpmyadmin/index.php"),
            ("RobotsTxtController", "/robots.txt"), ("AutodiscoverController", "/autodiscover/autodiscover.xml"),
            ("EcpController", "/ecp/Current/exporttool/microsoft.exchange.ediscovery.exporttool.application"),
            ("SitemapXmlController", "/sitemap.xml"), ("CgiBinController", "/cgi-bin/luci/;stok=/locale"),
            ("OwaController", "/owa/auth/logon.aspx"), ("VendorController", "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php")]
    forb_urls = ["/attributes/restSearch", "/events/index", "/servers/getVersion", "/users/view/me.json",
                 "/events/restSearch", "/feeds/fetchFromAllFeeds"]
    base = ["https://misp.corp-sec.example", "https://10.50.0.8"]
    referer_pages = ["/events/index", "/events/view/%d", "/attributes/search", "/servers/index", "/users/login"]
    php_files = ["/var/www/MISP/app/Model/Event.php", "/var/www/MISP/app/Model/Attribute.php",
                 "/var/www/MISP/app/Model/Server.php", "/var/www/MISP/app/Controller/EventsController.php",
                 "/var/www/MISP/app/Model/Feed.php", "/var/www/MISP/app/View/Elements/eventattribute.ctp",
                 "/var/www/MISP/app/Lib/Tools/SyncTool.php"]
    keys = ["org_id", "Orgc", "uuid", "Tag", "distribution", "sharing_group_id", "EventTag", "object_relation"]
    props = ["id", "name", "value", "uuid"]
    stream_targets = ["file_get_contents(/var/www/MISP/app/files/attachments/%d/%s)",
                      "fopen(/var/www/MISP/app/tmp/cache/feeds/%d.cache)",
                      "file_get_contents(/var/www/MISP/app/files/scripts/tmp/%s)"]
    stream_why = ["No such file or directory", "Permission denied"]
    servers = [(1, "CIRCL OSINT"), (2, "partner-isac"), (4, "mssp-one-misp"), (7, "internal-dev")]
    pull_why = ["Connection timed out after 10001 milliseconds", "Remote server returned HTTP 403",
                "SSL certificate problem: self-signed certificate in certificate chain",
                "Could not resolve host: misp.partner-isac.example", "Event blocked by local event blocklist"]
    job_types = ["fetchFeed", "pullServer", "cacheServer", "enrichment", "generateCorrelation"]
    job_why = ["Worker exited with code 255", "Allowed memory size of 2147483648 bytes exhausted (tried to allocate 20480 bytes)",
               "SQLSTATE[HY000] [2002] Connection refused", "Lock wait timeout exceeded; try restarting transaction"]
    feeds = [(1, "CIRCL OSINT Feed"), (3, "abuse.ch URLhaus"), (8, "Botvrij.eu Data"), (11, "Tor exit nodes"),
             (14, "blocklist.de/lists/all.txt")]

    def pf():
        return g.ch(php_files)

    def stream():
        tpl = g.cyc("w_stream", "target", stream_targets)
        if tpl.count("%") == 2:
            v = tpl % (g.ri(100, 9000), g.hx(32))
        elif "%d" in tpl:
            v = tpl % g.ri(1, 20)
        else:
            v = tpl % g.hx(16)
        return (v, g.cyc("w_stream", "why", stream_why), pf(), g.ri(40, 7800))

    render = {
        "w_stream": stream,
        "n_index": lambda: (g.cyc("n_index", "key", keys), pf(), g.ri(40, 7800)),
        "n_property": lambda: (g.cyc("n_property", "p", props), pf(), g.ri(40, 7800)),
        "pull_fail": lambda: (g.uuid(),) + tuple(g.cyc("pull_fail", "srv", servers)) + (g.cyc("pull_fail", "why", pull_why),),
        "pulled": lambda: (g.ri(0, 480),) + tuple(g.cyc("pulled", "srv", servers)) + ("%.1fs" % g.uni(0.3, 240),),
        "job_fail": lambda: (g.uuid(), g.cyc("job_fail", "type", job_types), g.cyc("job_fail", "why", job_why)),
        "feed": lambda: tuple(g.cyc("feed", "f", feeds)) + (g.ri(0, 3000), g.ri(0, 800)),
    }

    def url_for(key):
        if key == "missing_ctrl":
            c, u = g.cyc("missing_ctrl", "ctrl", ctrl)
            return (c,), u
        if key == "not_found":
            return (), "/events/%s/%d" % (g.ch(["view", "edit", "view", "delete"]), g.ri(40, 99999))
        if key == "forbidden":
            return (), g.cyc("forbidden", "url", forb_urls)
        return (), "/%s/delete/%d" % (g.ch(["events", "attributes", "objects"]), g.ri(10, 400000))

    plan = shuffled_plan(rng, MISP_COUNTS)
    exc_idx = [i for i, k in enumerate(plan) if k in ("not_found", "not_allowed")]
    with_ref = set(rng.sample(exc_idx, MISP_REFERERS))
    clock = Clock(rng, at(6, 15, 40) + rng.randrange(NS), 23.0)
    out = []
    for i, key in enumerate(plan):
        ts = clock.tick()
        hdr = "%s %s: " % (ymd_hms(ts), lv[key])
        if key in render:
            out.append((hdr, key, render[key]()))
            continue
        vals, url = url_for(key)
        out.append((hdr, key, vals))
        out.append(("", "request_url", (url,)))
        if i in with_ref:
            page = g.ch(referer_pages)
            if "%d" in page:
                page = page % g.ri(40, 99999)
            out.append(("", "referer_url", (g.cyc("referer_url", "base", base) + page,)))
    return out


# ============================================================================
# driver, writer, self-check
# ============================================================================
def templates_of(events):
    return [e[-1] for e in events]


SYSTEMS = [
    # (k, name, events-templates, header regex, builder, kind)
    (1, "Gophish", templates_of(GOPHISH_EVENTS), [e[0] for e in GOPHISH_EVENTS], GOPHISH_HEADER_RE, build_gophish),
    (2, "Caldera", templates_of(CALDERA_EVENTS), [e[0] for e in CALDERA_EVENTS], CALDERA_HEADER_RE, build_caldera),
    (3, "Velociraptor", templates_of(VELO_EVENTS), [e[0] for e in VELO_EVENTS], VELO_HEADER_RE, build_velociraptor),
    (4, "Thehive", templates_of(THEHIVE_EVENTS), [e[0] for e in THEHIVE_EVENTS], THEHIVE_HEADER_RE, build_thehive),
    (5, "Cortex", templates_of(CORTEX_EVENTS), [e[0] for e in CORTEX_EVENTS], CORTEX_HEADER_RE, build_cortex),
    (6, "Misp", templates_of(MISP_EVENTS), [e[0] for e in MISP_EVENTS], MISP_HEADER_RE, build_misp),
]


def tpl_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split(SLOT)), re.S)


def write_system(k, name, tpls, keys, header_re, builder):
    rng = random.Random(BASE_SEED * 10 + k)
    lines = builder(rng)
    eid = {key: "E%d" % (i + 1) for i, key in enumerate(keys)}
    tpl = {key: t for key, t in zip(keys, tpls)}
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    raw, rows = [], []
    for i, (hdr, key, vals) in enumerate(lines, 1):
        content = fill(tpl[key], vals)
        raw.append(hdr + content)
        rows.append([str(i), content, eid[key], tpl[key]])
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(raw) + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)
    return [os.path.join(d, name + ".log"), os.path.join(d, name + ".log_structured.csv")]


def fail(name, msg):
    raise SystemExit("SELF-CHECK FAILED [%s]: %s" % (name, msg))


def check_system(k, name, tpls, keys, header_re, builder):
    d = os.path.join(OUT, name)
    logp = os.path.join(d, name + ".log")
    csvp = os.path.join(d, name + ".log_structured.csv")
    for p in (logp, csvp):
        b = open(p, "rb").read()
        if not b.endswith(b"\n"):
            fail(name, "%s does not end with newline" % p)
        if b"\r" in b:
            fail(name, "%s contains CR" % p)
    lines = open(logp, encoding="utf-8", newline="").read().split("\n")[:-1]
    if len(lines) != N_LINES:
        fail(name, "log has %d lines" % len(lines))
    with open(csvp, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        fail(name, "bad csv header")
    rows = rows[1:]
    if len(rows) != N_LINES:
        fail(name, "csv has %d rows" % len(rows))
    hre = re.compile(header_re)
    declared = {"E%d" % (i + 1): t for i, t in enumerate(tpls)}
    if len(set(declared.values())) != len(declared):
        fail(name, "declared templates not distinct")
    seen_tpl = {}
    caps = {}
    counts = {}
    last = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            fail(name, "row %d has %d columns" % (i, len(row)))
        lid, content, eid, tpl = row
        if lid != str(i):
            fail(name, "LineId %s at row %d" % (lid, i))
        if not content or content != content.strip():
            fail(name, "content not stripped/non-empty at %d" % i)
        if not line.endswith(content):
            fail(name, "line %d does not end with content" % i)
        head = line[:len(line) - len(content)]
        m = hre.fullmatch(head)
        if not m:
            fail(name, "header mismatch at %d: %r" % (i, head))
        ts = m.groupdict().get("ts")
        if ts:
            key = re.sub(r"\D", "", ts)
            if last is not None and (len(key), key) < (len(last), last):
                fail(name, "timestamp goes back at line %d" % i)
            last = key
        if not re.fullmatch(r"E\d+", eid):
            fail(name, "bad EventId %r" % eid)
        if eid not in declared or declared[eid] != tpl:
            fail(name, "EventId %s template mismatch at %d" % (eid, i))
        if seen_tpl.setdefault(eid, tpl) != tpl:
            fail(name, "EventId %s has two templates" % eid)
        mm = tpl_regex(tpl).fullmatch(content)
        if not mm:
            fail(name, "template does not match content at %d: %r / %r" % (i, tpl, content))
        for j, gval in enumerate(mm.groups()):
            caps.setdefault((eid, j), set()).add(gval)
        counts[eid] = counts.get(eid, 0) + 1
    if set(seen_tpl) != set(declared):
        fail(name, "declared but unused events: %s" % sorted(set(declared) - set(seen_tpl)))
    if len(set(seen_tpl.values())) != len(seen_tpl):
        fail(name, "templates not distinct")
    for eid, t in declared.items():
        for j in range(t.count(SLOT)):
            if len(caps.get((eid, j), ())) < 2:
                fail(name, "%s slot %d has < 2 distinct values" % (eid, j + 1))
    n = len(declared)
    if not 12 <= n <= 15:
        fail(name, "%d event types" % n)
    c = sorted(counts.values())
    if c[0] < 3:
        fail(name, "an event has fewer than 3 lines: %s" % counts)
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        fail(name, "fewer than 3 events with 3-10 lines: %s" % counts)
    med = statistics.median(c)
    if c[-1] < 3 * med:
        fail(name, "largest %d < 3 x median %s" % (c[-1], med))
    return n, counts, med


README = """# Sealed 68: a blind corpus for the log template miner

Six small labelled logs for testing a log template miner: the Gophish phishing-simulation server
(logrus text output), the MITRE Caldera adversary-emulation server console, the Velociraptor DFIR
server console, TheHive 5 case-management `application.log`, the Cortex analyzer server
`application.log`, and the MISP threat-sharing platform's CakePHP `error.log`/`debug.log`. Each
system lives in its own folder `<System>/` with `<System>.log` (exactly 300 raw lines with the
program's default header) and `<System>.log_structured.csv` (columns
`LineId,Content,EventId,EventTemplate`, LineId 1..300). `generate.py` (Python 3 standard library
only, deterministic) writes every file and self-checks them.

**Blind:** written without running the miner or any other log parser, without reading the miner's
source, tests, docs or earlier corpora; no Loghub data or per-system analysis was used; messages
were invented in each project's style from memory; no line, template or value list was copied from
a public log or data set; hosts, addresses, ids and users are made up.

## Scores

(filled in by the maintainer)

## How it was made

Base seed `20270198`; system *k* (1..6 in the order Gophish, Caldera, Velociraptor, Thehive,
Cortex, Misp) uses `random.Random(20270198*10 + k)`. Times come from an integer nanosecond clock on
2026-03-14 UTC; month names come from a fixed list, never the locale or the wall clock.

Simulations (entities with overlapping lifetimes, each on its own clock, merged in time order,
first 300 lines kept):

- **Caldera**: agents (payload download, first beacon, periodic beacons, going quiet and marked
  untrusted) and operations (start, links queued and returning results or timing out, fact
  parsing, exfil uploads, pause/resume, finish).
- **Velociraptor**: clients (enrolment, connect, disconnect, dropped messages), collection flows
  (notify, schedule, result rows, uploads, completed/failed/cancelled) and hunts (start, per-client
  scheduling, stop).
- **Cortex**: analysis jobs (submission request, job creation or cache hit or rate limit, a
  container run printed as a multi-line block, long-poll requests, success/failure/abort, report
  summary).

Seeded shuffles (fixed count per event, shuffled, stamped by a forward-only clock with exponential
gaps): **Gophish**, **Thehive** and **Misp** (Misp exceptions are followed by their `Request URL:`
and, sometimes, `Referer URL:` continuation lines, which carry no header).

| system | format (default shape) | Content is |
|---|---|---|
%(table)s

## Ground-truth convention (Loghub style)

- One `<*>` per value. A value that contains spaces still gets one `<*>` (free-text errors, SQL,
  lists, `2 MB`, glued durations like `1.2s` or `350ms`, timestamps inside the message).
- Punctuation around a value stays literal (`(<*>)`, `[<*>]`, `<*>,`, `"<*>"`, `key=<*>`).
- Words that name a different event stay literal; different words mean different events.
- An optional field makes a separate event type.
- Text that never changes within an event type stays literal, even if it looks like a number.
- Every `<*>` takes at least two distinct values in the data.

Example templates:

%(examples)s
"""

FORMAT_DESC = {
    "Gophish": ("logrus TextFormatter: `time=\"RFC3339\" level=... msg=\"...\" key=value...`",
                "everything from `msg=` on, including the trailing logrus fields"),
    "Caldera": ("Python logging `%(asctime)s - %(levelname)-5s (%(filename)s:%(lineno)s %(funcName)s) %(message)s`",
                "the `%(message)s` part"),
    "Velociraptor": ("console logger `[LEVEL] RFC3339 message`", "the message, including any JSON field blob"),
    "Thehive": ("logback `%date [%level] from %logger in %thread [%X{request}|%X{tx}] %message` (MDC parts optional)",
                "the `%message` part"),
    "Cortex": ("logback `%date [%level] from %logger in %thread - %message`, multi-line messages continue on "
               "indented lines without header", "the `%message` part, or the stripped continuation line"),
    "Misp": ("CakePHP 2 FileLog `Y-m-d H:i:s Type: message`; exception continuation lines have no header",
             "the message after `Type: `, or the whole continuation line"),
}
EXAMPLE_EVENTS = {"Gophish": [1, 5, 9], "Caldera": [2, 5, 13], "Velociraptor": [1, 6, 8],
                  "Thehive": [1, 3, 13], "Cortex": [1, 4, 6], "Misp": [1, 5, 7]}


def md_cell(s):
    return "`" + s.replace("|", "\\|") + "`"


def write_readme():
    table, examples = [], []
    for k, name, tpls, keys, header_re, builder in SYSTEMS:
        lines = open(os.path.join(OUT, name, name + ".log"), encoding="utf-8").read().split("\n")[:-1]
        with open(os.path.join(OUT, name, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))[1:]
        first = lines[0]
        head = first[:len(first) - len(rows[0][1])]
        fmt, content = FORMAT_DESC[name]
        table.append("| %s | %s; e.g. %s | %s |" % (name, fmt.replace("|", "\\|"), md_cell(head.rstrip() + " "),
                                                   content.replace("|", "\\|")))
        examples.append("- **%s**: " % name + ", ".join(
            "`E%d` `%s`" % (i, tpls[i - 1]) for i in EXAMPLE_EVENTS[name]))
    text = README % {"table": "\n".join(table), "examples": "\n".join(examples)}
    p = os.path.join(OUT, "README.md")
    with open(p, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return p


def main():
    written = [os.path.abspath(__file__)]
    for spec in SYSTEMS:
        written += write_system(*spec)
    written.append(write_readme())
    print("Sealed 68 corpus written to %s" % OUT)
    for spec in SYSTEMS:
        n, counts, med = check_system(*spec)
        c = [counts["E%d" % (i + 1)] for i in range(n)]
        print("  %-13s events=%2d lines=%d max=%d median=%s small(3-10)=%d counts=%s" % (
            spec[1], n, sum(c), max(c), med, sum(1 for x in c if 3 <= x <= 10), c))
    print("self-check passed; %d files" % len(written))


if __name__ == "__main__":
    main()
