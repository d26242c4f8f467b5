#!/usr/bin/env python3
"""Round 44 blind labelled log corpus generator (stdlib only, deterministic)."""
import csv
import io
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270144
OUT = os.path.dirname(os.path.abspath(__file__))
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
# the day is fixed: 2026-03-14 UTC (a Saturday); the clock is integer ns since midnight
YEAR, MONTH, DAY = 2026, 3, 14
SEC = 1_000_000_000
MS = 1_000_000
EPOCH_MIDNIGHT = 1773446400  # 2026-03-14 00:00:00 UTC as a Unix time
LAST_VALS = [[]]  # values of the line being generated
NOW = [0]  # clock of the line being generated (ns since midnight)

USERS = ["jdoe", "asmith", "mgarcia", "tnguyen", "pkowalski", "lbernard", "frossi", "hkim",
         "oyilmaz", "ebrown", "svolkova", "dwright", "nokafor", "ilarsen", "cmoreau", "bsato"]
DOMAINS = ["example.org", "corp-mail.example", "northwind.example", "acme-labs.example",
           "fjordnet.example", "bluepeak.example", "kestrel.example", "oakridge.example"]
FOREIGN = ["gmail.example", "outlook.example", "yahoo.example", "mailbox.example",
           "web-de.example", "proton.example", "laposte.example", "fastmail.example"]


def hms(ns):
    s = ns // SEC
    return "%02d:%02d:%02d" % (s // 3600, (s // 60) % 60, s % 60)


def ts_syslog(ns):
    return "%s %2d %s" % (MONTHS[MONTH - 1], DAY, hms(ns))


def ts_sogo(ns):
    return "%s %02d %s" % (MONTHS[MONTH - 1], DAY, hms(ns))


def ts_freepbx(ns):
    return "%04d-%s-%02d %s" % (YEAR, MONTHS[MONTH - 1], DAY, hms(ns))


class Cyc:
    """Small pools cycle per (event, slot) so every slot takes several values."""

    def __init__(self):
        self.n = {}

    def __call__(self, key, pool):
        i = self.n.get(key, 0)
        self.n[key] = i + 1
        return pool[i % len(pool)]


def hexs(r, n, upper=False):
    s = "".join(r.choice("0123456789abcdef") for _ in range(n))
    return s.upper() if upper else s


def ip_priv(r):
    return "10.%d.%d.%d" % (r.randint(0, 40), r.randint(0, 255), r.randint(2, 254))


def ip_pub(r):
    return "%s.%d" % (r.choice(["192.0.2", "198.51.100", "203.0.113"]), r.randint(2, 254))


def uuid(r):
    h = hexs(r, 32)
    return "%s-%s-4%s-%s-%s" % (h[:8], h[8:12], h[13:16], h[16:20], h[20:32])


def dur_s(r, lo, hi):
    return "%.2fs" % r.uniform(lo, hi)


def fill(template, vals):
    parts = template.split("<*>")
    assert len(parts) == len(vals) + 1, (template, vals)
    out = parts[0]
    for v, p in zip(vals, parts[1:]):
        out += str(v) + p
    return out


# ---------------------------------------------------------------------------
# 1. FreePbx  (seeded shuffle)
# ---------------------------------------------------------------------------
PBX_MODULES = [("framework", "16.0.40.7", "16.0.40.8"), ("core", "16.0.68.12", "16.0.68.14"),
               ("certman", "16.0.19", "16.0.21"), ("backup", "16.0.64", "16.0.66"),
               ("sipsettings", "16.0.30", "16.0.31"), ("voicemail", "16.0.51", "16.0.52"),
               ("ucp", "16.0.23", "16.0.25"), ("firewall", "16.0.72", "16.0.74")]
PBX_EVENTS = [
    ("INFO", "Reload started (requested by <*>)",
     lambda r, c: [c("who", ["admin", "fwconsole", "apiuser", "cron", "operator2"])]),
    ("INFO", "Reload completed in <*>", lambda r, c: [dur_s(r, 1.2, 14.0)]),
    ("INFO", "Module <*> upgraded from <*> to <*>",
     lambda r, c: list(c("m", PBX_MODULES))),
    ("INFO", "Module <*> enabled", lambda r, c: [c("m", ["ucp", "parking", "callrecording", "queues", "calendar", "pm2"])]),
    ("INFO", "Module <*> disabled", lambda r, c: [c("m", ["calendar", "sipstation", "xmpp", "fax", "digium_phones"])]),
    ("WARNING", "Module <*> has an invalid signature: <*>",
     lambda r, c: [c("m", ["sipstation", "digium_phones", "sangomacrm", "fax"]),
                   c("why", ["File altered: /var/www/html/admin/modules/%s/functions.inc.php",
                             "Unsigned module", "Signature expired on 2025-11-02",
                             "File missing: assets/js/%s.js"]).replace("%s", r.choice(["fax", "sipstation", "crm"]))]),
    ("INFO", "Certificate '<*>' renewed, valid until <*>",
     lambda r, c: [c("cn", ["pbx.northwind.example", "voip.acme-labs.example", "sip.oakridge.example", "pbx2.kestrel.example"]),
                   "2026-%02d-%02d %s" % (r.randint(5, 6), r.randint(1, 28), hms(r.randint(0, 86399) * SEC))]),
    ("ERROR", "Unable to renew certificate '<*>': <*>",
     lambda r, c: [c("cn", ["voip.acme-labs.example", "pbx.northwind.example", "sip.oakridge.example"]),
                   c("why", ["Timeout during connect (likely firewall problem)",
                             "Invalid response from http://%s/.well-known/acme-challenge/%s [403]" % ("voip.acme-labs.example", hexs(r, 22)),
                             "too many certificates already issued for exact set of domains",
                             "DNS problem: NXDOMAIN looking up A for sip.oakridge.example"])]),
    ("INFO", "Backup '<*>' started (job <*>)",
     lambda r, c: [c("b", ["Nightly full", "Weekly offsite", "Config only", "Voicemail archive"]), uuid(r)]),
    ("INFO", "Backup '<*>' finished: <*> written to <*> in <*>",
     lambda r, c: [c("b", ["Nightly full", "Config only", "Weekly offsite", "Voicemail archive"]),
                   "%.1f %s" % (r.uniform(1, 900), c("u", ["MB", "MB", "GB", "KB"])),
                   "/var/spool/asterisk/backup/%s/%s-%s.tar.gz" % (c("d", ["nightly_full", "config_only", "weekly"]), "20260314", hexs(r, 8)),
                   "%dm%02ds" % (r.randint(0, 18), r.randint(0, 59))]),
    ("ERROR", "Backup '<*>' failed: <*>",
     lambda r, c: [c("b", ["Weekly offsite", "Nightly full"]),
                   c("why", ["SFTP server 203.0.113.40 refused connection", "Disk quota exceeded on /var/spool/asterisk/backup",
                             "mysqldump exited with code 2", "Remote path /backups/pbx01 is not writable"])]),
    ("WARNING", "Depreciated Function <*> detected in <*> on line <*>",
     lambda r, c: [c("f", ["dbug", "sql", "needreload", "core_users_list", "modgettext"]),
                   c("p", ["/var/www/html/admin/modules/cxpanel/functions.inc.php",
                           "/var/www/html/admin/modules/customappsreg/functions.inc.php",
                           "/var/www/html/admin/modules/bulkhandler/page.bulkhandler.php"]),
                   r.randint(40, 1900)]),
    ("ERROR", "AMI connection to <*> failed: <*>",
     lambda r, c: [c("h", ["127.0.0.1:5038", "localhost:5038", "10.20.0.5:5038"]),
                   c("why", ["Connection refused", "Authentication failed for user 'admin'",
                             "Read timeout after 10 seconds"])]),
    ("INFO", "Cron job '<*>' finished in <*>",
     lambda r, c: [c("j", ["fwconsole util cleanplaybackcache", "fwconsole certificates --updateall",
                           "fwconsole ma refreshsignatures", "fwconsole job --run", "fwconsole userman --syncall --force"]),
                   "%dms" % r.randint(80, 9000)]),
]
PBX_COUNTS = [70, 45, 12, 30, 8, 22, 18, 5, 28, 25, 6, 15, 4, 12]
PBX_HEADER = re.compile(r"\[(?P<ts>\d{4}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2})\] "
                        r"\[freepbx\.(?:DEBUG|INFO|NOTICE|WARNING|ERROR|CRITICAL)\]: ")


def shuffle_system(r, events, counts, start_ns, mean_gap_s, header_fn):
    ids = []
    for i, n in enumerate(counts):
        ids += [i] * n
    r.shuffle(ids)
    cy = Cyc()
    t = start_ns
    recs = []
    for i in ids:
        t += int(r.expovariate(1.0 / mean_gap_s) * SEC) + r.randint(1, 999) * MS
        ev = events[i]
        NOW[0] = t
        vals = ev[-1](r, lambda k, pool, i=i: cy((i, k), pool))
        LAST_VALS[0] = vals
        content = fill(ev[1], vals)
        recs.append((t, header_fn(r, t, ev, i), content, i))
    return recs


def gen_freepbx(r):
    return shuffle_system(r, PBX_EVENTS, PBX_COUNTS, 5 * 3600 * SEC, 55.0,
                          lambda r, t, ev, i: "[%s] [freepbx.%s]: " % (ts_freepbx(t), ev[0]))


# ---------------------------------------------------------------------------
# 2. LemonLdap  (simulation: portal sessions)
# ---------------------------------------------------------------------------
LL_EVENTS = [
    ("notice", "User <*> successfully authenticated at level <*>"),       # E1
    ("notice", "Session <*> created for <*> from <*>"),                   # E2
    ("warn", "Bad password for <*>"),                                     # E3
    ("warn", "User <*> was not found in LDAP directory"),                 # E4
    ("notice", "TOTP code verified for <*>"),                             # E5
    ("notice", "SAML: SSO response sent to SP <*> for <*>"),              # E6
    ("notice", "OIDC: authorization code issued to RP <*> for <*>"),      # E7
    ("info", "OIDC: access token <*> issued to RP <*> (expires in <*>)"), # E8
    ("info", "Redirect <*> to <*>"),                                      # E9
    ("notice", "Session <*> deleted for <*> (logout)"),                   # E10
    ("info", "Session <*> expired after <*> of inactivity"),              # E11
    ("error", "SAML: unable to find metadata for SP <*>"),                # E12
    ("error", "OIDC: RP <*> sent an unregistered redirect_uri <*>"),      # E13
    ("error", "LDAP connection to <*> failed: <*>"),                      # E14
]
LL_SPS = ["https://wiki.northwind.example/saml/metadata", "https://hr.acme-labs.example/shibboleth",
          "urn:amazon:webservices", "https://git.kestrel.example/users/auth/saml/metadata"]
LL_RPS = ["nextcloud", "gitlab", "grafana", "matrix-synapse", "rocketchat", "mattermost"]
LL_URLS = ["https://intranet.northwind.example/", "https://mail.northwind.example/SOGo/",
           "https://wiki.northwind.example/doku.php?id=start", "https://tickets.northwind.example/login",
           "https://grafana.northwind.example/login/generic_oauth"]
LL_HEADER = re.compile(r"(?P<ts>[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}) [a-z0-9.-]+ "
                       r"llng-fastcgi-server\[\d+\]: \[(?:debug|info|notice|warn|error)\] ")


def gen_lemonldap(r):
    recs = []
    host = "sso-portal01"
    pids = [r.randint(1200, 4000) for _ in range(4)]
    t = 7 * 3600 * SEC
    seq = 0

    def emit(at, e, vals):
        nonlocal seq
        seq += 1
        lvl, tpl = LL_EVENTS[e]
        hdr = "%s %s llng-fastcgi-server[%d]: [%s] " % (ts_syslog(at), host, r.choice(pids), lvl)
        recs.append((at, seq, hdr, fill(tpl, vals), e))

    for _ in range(260):
        t += int(r.expovariate(1 / 30.0) * SEC) + r.randint(1, 999) * MS
        lt = t
        user = r.choice(USERS + ["guest42", "admin.ops"])
        ip = ip_priv(r) if r.random() < 0.8 else ip_pub(r)
        step = lambda lo, hi: int(r.uniform(lo, hi) * SEC)
        if r.random() < 0.1:
            emit(lt, 3, [user + r.choice(["", "x", "2", ".old"])])
            continue
        if r.random() < 0.15:
            emit(lt, 13, [r.choice(["ldaps://ldap1.northwind.example:636", "ldap://10.20.0.11:389"]),
                          r.choice(["Can't contact LDAP server", "Timed out", "Invalid credentials for bind DN cn=llng,ou=services,dc=northwind,dc=example"])])
            continue
        while r.random() < 0.2:
            emit(lt, 2, [user])
            lt += step(3, 25)
        if r.random() < 0.25:
            lt += step(5, 30)
            emit(lt, 4, [user])
            level = 5
        else:
            level = r.choice([1, 2, 2])
        emit(lt, 0, [user, level])
        sid = hexs(r, 64)
        emit(lt + step(0.001, 0.05), 1, [sid, user, ip])
        lt += step(0.05, 0.3)
        for _k in range(r.randint(1, 6)):
            x = r.random()
            if x < 0.2:
                if r.random() < 0.3:
                    emit(lt, 11, [r.choice(["https://crm.bluepeak.example/saml2/sp", "https://old-portal.northwind.example/sp"])])
                else:
                    emit(lt, 5, [r.choice(LL_SPS), user])
            elif x < 0.45:
                rp = r.choice(LL_RPS)
                if r.random() < 0.15:
                    emit(lt, 12, [rp, "https://%s.northwind.example/%s" % (rp, r.choice(["callback", "oauth2/cb", "login/oidc"]))])
                else:
                    emit(lt, 6, [rp, user])
                    emit(lt + step(0.2, 1.5), 7, [hexs(r, 32), rp, r.choice(["3600s", "600s", "1800s"])])
            emit(lt + step(0.01, 0.2), 8, [user, r.choice(LL_URLS)])
            lt += step(10, 120)
        if r.random() < 0.55:
            emit(lt, 9, [sid, user])
        else:
            idle = r.choice([5, 10, 15])
            emit(lt + idle * 60 * SEC, 10, [sid, "%dmin" % idle])
    recs.sort(key=lambda x: (x[0], x[1]))
    return [(a, h, c, e) for a, _s, h, c, e in recs[:300]]


# ---------------------------------------------------------------------------
# 3. Sogo  (simulation: DAV sync clients and web sessions)
# ---------------------------------------------------------------------------
SG_EVENTS = [
    (None, None, '<*> "PROPFIND <*> HTTP/1.1" <*> <*>/<*> <*> - - 0'),   # E1
    (None, None, '<*> "REPORT <*> HTTP/1.1" <*> <*>/<*> <*> - - 0'),     # E2
    (None, None, '<*> "GET <*> HTTP/1.1" <*> <*>/0 <*> - - 0'),          # E3
    (None, None, '<*> "PUT <*> HTTP/1.1" <*> 0/<*> <*> - - 0'),          # E4
    (None, None, '<*> "POST <*> HTTP/1.1" <*> <*>/<*> <*> - - 0'),       # E5
    (None, None, '<*> "DELETE <*> HTTP/1.1" <*> 0/0 <*> - - 0'),         # E6
    (None, None, "SOGoRootPage successful login from '<*>' for user '<*>' - expire = -1  grace = -1"),  # E7
    (None, None, "SOGoRootPage Login from '<*>' for user '<*>' might not have worked - password policy: 65535  grace: -1  expire: -1  bound: 0"),  # E8
    ("ERROR", "SOGoMailFolder", "folder at URL <*> could not be opened: <*>"),                       # E9
    ("WARN", "WOHttpAdaptor", "client disconnected during delivery of response for <*> (len=<*>): the socket was shutdown"),  # E10
    (None, "SOGoAppointmentObject", "sending iMIP invitation for '<*>' to <*>"),                        # E11
    ("ERROR", "LDAPSource", "Could not bind to the LDAP server <*> (<*>) using the bind DN: <*>"),   # E12
    (None, "SOGoMailFolder", "expunged <*> messages from <*>"),                                      # E13
]
SG_HEADER = re.compile(r"(?P<ts>[A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2}) sogod \[\d+\]: "
                       r"(?:\[(?:ERROR|WARN|INFO|DEBUG)\] )?(?:<0x0x[0-9a-f]+\[[A-Za-z0-9]+\]> )?")
SG_EVENT_TITLES = ["Team standup", "Dentist", "Quarterly review", "Flight to Oslo", "1:1 with Maria",
                   "Budget planning", "School pickup", "Release party"]


def gen_sogo(r):
    recs = []
    workers = [r.randint(2000, 2999) for _ in range(6)]
    objs = {}
    seq = 0

    def obj(cls):
        if cls not in objs:
            objs[cls] = ["0x0x55%s" % hexs(r, 10) for _ in range(2)]
        return r.choice(objs[cls])

    def emit(at, e, vals):
        nonlocal seq
        seq += 1
        lvl, cls, tpl = SG_EVENTS[e]
        hdr = "%s sogod [%d]: " % (ts_sogo(at), r.choice(workers))
        if lvl:
            hdr += "[%s] " % lvl
        if cls:
            hdr += "<%s[%s]> " % (obj(cls), cls)
        recs.append((at, seq, hdr, fill(tpl, vals), e))

    def access(at, e, ip, url, codes, size_rng, body_rng, tmax):
        vals = [ip, url, r.choice(codes)]
        if size_rng:
            vals.append(r.randint(*size_rng))
        if body_rng:
            vals.append(r.randint(*body_rng))
        emit(at, e, vals + ["%.3f" % r.uniform(0.004, tmax)])

    t0 = 8 * 3600 * SEC
    # DAV sync clients: long-lived, poll periodically
    for _ in range(8):
        user = r.choice(USERS)
        ip = ip_priv(r)
        lt = t0 + int(r.uniform(0, 600) * SEC)
        period = r.uniform(60, 240)
        coll = r.choice(["Calendar/personal", "Contacts/personal", "Calendar/%s" % hexs(r, 4).upper()])
        while lt < t0 + 3 * 3600 * SEC:
            base = "/SOGo/dav/%s/%s/" % (user, coll)
            access(lt, 0, ip, base, [207, 207, 207, 404], (400, 9000), (180, 700), 0.2)
            lt += int(r.uniform(0.05, 0.6) * SEC)
            if r.random() < 0.45:
                access(lt, 1, ip, base, [207, 207, 403], (600, 30000), (200, 900), 0.9)
                lt += int(r.uniform(0.05, 0.5) * SEC)
                if r.random() < 0.35:
                    item = "%s.ics" % uuid(r).upper() if "Calendar" in coll else "%s.vcf" % hexs(r, 8).upper()
                    access(lt, 2, ip, base + item, [200, 200, 304], (700, 5000), None, 0.1)
            if r.random() < 0.1:
                item = "%s.ics" % uuid(r).upper() if "Calendar" in coll else "%s.vcf" % hexs(r, 8).upper()
                access(lt, 3, ip, base + item, [201, 204, 412], None, (500, 4000), 0.3)
                if "Calendar" in coll and r.random() < 0.6:
                        emit(lt, 10, [r.choice(SG_EVENT_TITLES), "%s@%s" % (r.choice(USERS), r.choice(DOMAINS + FOREIGN))])
            if r.random() < 0.06:
                item = "%s.ics" % uuid(r).upper() if "Calendar" in coll else "%s.vcf" % hexs(r, 8).upper()
                access(lt, 5, ip, base + item, [204, 204, 404], None, None, 0.1)
            if r.random() < 0.025:
                emit(lt, 9, ["<WORequest[0x0x55%s]: method=PROPFIND uri=%s app=SOGo rqKey=dav>" % (hexs(r, 10), base), r.randint(1200, 90000)])
            lt += int(period * SEC * r.uniform(0.8, 1.2))
    # web sessions
    t = t0
    for _ in range(120):
        t += int(r.expovariate(1 / 70.0) * SEC)
        user = r.choice(USERS)
        ip = ip_priv(r)
        lt = t
        if r.random() < 0.2:
            emit(lt, 7, [ip, user])
            access(lt, 4, ip, "/SOGo/connect", [403], (60, 90), (40, 80), 0.5)
            lt += int(r.uniform(5, 30) * SEC)
        if r.random() < 0.14:
            srv = r.choice([("ldaps://ldap1.northwind.example:636", 636), ("ldap://10.20.0.11", 389), ("ldap://ldap2.northwind.example", 389)])
            emit(lt, 11, [srv[0], srv[1], r.choice(["cn=sogo,ou=services,dc=northwind,dc=example", "uid=sogo-bind,ou=system,dc=northwind,dc=example"])])
            continue
        emit(lt, 6, [ip, user])
        access(lt, 4, ip, "/SOGo/connect", [200], (60, 90), (40, 80), 0.4)
        for _k in range(r.randint(1, 5)):
            lt += int(r.expovariate(1 / 40.0) * SEC) + MS
            x = r.random()
            if x < 0.6:
                path = r.choice(["/SOGo/so/%s/Mail/view", "/SOGo/so/%s/Calendar/view",
                                 "/SOGo/so/%s/Mail/0/folderINBOX/%d/viewAsAttachment",
                                 "/SOGo/so/%s/Contacts/personal/view",
                                 "/SOGo/so/%s/Calendar/alarmslist?browserTime=%d"]).replace("%s", user, 1)
                if "browserTime" in path:
                    path = path % (EPOCH_MIDNIGHT + lt // SEC)
                elif "%d" in path:
                    path = path % r.randint(1000, 60000)
                access(lt, 2, ip, path, [200, 200, 304], (900, 80000), None, 0.6)
                if "viewAsAttachment" in path and r.random() < 0.3:
                    emit(lt + int(r.uniform(0.5, 4) * SEC), 9, ["<WORequest[0x0x55%s]: method=GET uri=%s app=SOGo rqKey=so>" % (hexs(r, 10), path), r.randint(90000, 4000000)])
            elif x < 0.85:
                path = r.choice(["/SOGo/so/%s/Mail/0/folderINBOX/changes", "/SOGo/so/%s/Mail/0/folderDrafts/newDraft%d/send",
                                 "/SOGo/so/%s/Calendar/eventslist"]).replace("%s", user, 1)
                if "%d" in path:
                    path = path % r.randint(1000000, 9999999)
                access(lt, 4, ip, path, [200, 200, 500], (80, 30000), (30, 9000), 1.5)
            elif x < 0.93:
                emit(lt, 12, [r.randint(1, 40), "imap://%s@127.0.0.1:143/%s" % (user, r.choice(["INBOX", "Trash", "Junk"]))])
            else:
                emit(lt, 8, ["imap://%s@127.0.0.1:143/%s" % (user, r.choice(["Archives/2025", "Shared/support", "Old%20Mail"])),
                             r.choice(["NO Mailbox doesn't exist", "BAD Error in IMAP command SELECT: Invalid mailbox name", "connection to IMAP server timed out"])])
    recs.sort(key=lambda x: (x[0], x[1]))
    return [(a, h, c, e) for a, _s, h, c, e in recs[:300]]


# ---------------------------------------------------------------------------
# 4. OpenDmarc  (seeded shuffle)
# ---------------------------------------------------------------------------
def qid(r):
    return hexs(r, r.choice([10, 11]), upper=True)


DM_EVENTS = [
    ("opendmarc", "<*>: <*> <*>", lambda r, c: [qid(r), c("d", FOREIGN + DOMAINS), c("res", ["pass", "pass", "pass", "fail", "none", "pass", "none"])]),
    ("opendmarc", "<*>: SPF(mailfrom): <*> <*>", lambda r, c: [qid(r), c("d", FOREIGN[::-1] + DOMAINS), c("res", ["pass", "pass", "softfail", "none", "pass", "fail", "neutral"])]),
    ("opendmarc", "<*>: SPF(helo): <*> <*>", lambda r, c: [qid(r), "%s.%s" % (c("h", ["mx1", "mail", "smtp-out3", "o12", "relay"]), r.choice(FOREIGN)), c("res", ["pass", "none", "pass", "fail"])]),
    ("opendmarc", "<*>: ignoring Authentication-Results at <*> from <*>", lambda r, c: [qid(r), c("n", [1, 2, 3]), c("h", ["mx.outlook.example", "relay.gmail.example", "spamgw.northwind.example"])]),
    ("opendmarc", "<*>: RFC5322 requirement error: <*>", lambda r, c: [qid(r), c("w", ["missing From field", "multiple From fields", "empty From field"])]),
    ("opendmarc", "<*>: unable to parse Authentication-Results header field", lambda r, c: [qid(r)]),
    ("opendmarc", "<*>: rejected by DMARC policy for <*>", lambda r, c: [qid(r), c("d", ["paypal-secure.example", "bank-notice.example", "outlook.example", "fjordnet.example"])]),
    ("opendmarc", "<*>: quarantined by DMARC policy for <*>", lambda r, c: [qid(r), c("d", ["laposte.example", "kestrel.example", "invoices-online.example"])]),
    ("opendmarc", "ignoring connection from <*>", lambda r, c: [c("h", ["localhost", "127.0.0.1", "[10.20.0.7]", "relay.northwind.example"])]),
    ("opendmarc", "<*>: opendmarc_policy_query_dmarc(<*>) returned status <*>", lambda r, c: [qid(r), c("d", ["tempfail-dns.example", "mailbox.example", "web-de.example"]), c("s", [7, 3, 7])]),
    ("opendmarc", "OpenDMARC Filter v1.4.2 starting (args: <*>)", lambda r, c: [c("a", ["-c /etc/opendmarc.conf -p inet:8893@localhost", "-c /etc/opendmarc.conf -P /run/opendmarc/opendmarc.pid"])]),
    ("opendmarc", "terminating with status <*>, errno = <*>", lambda r, c: [c("s", [0, 0, 1]), c("e", [0, 4, 0])]),
    ("opendmarc-reports", "sent report for <*> to <*> (<*> bytes)", lambda r, c: [c("d", FOREIGN + DOMAINS[2:]), "mailto:%s@%s" % (c("u", ["dmarc-rua", "rua", "dmarc-reports", "postmaster"]), r.choice(FOREIGN)), r.randint(900, 48000)]),
    ("opendmarc-reports", "failed to send report for <*> to <*>: <*>", lambda r, c: [c("d", ["kestrel.example", "mailbox.example", "bluepeak.example"]), "mailto:dmarc@%s" % r.choice(["rua.kestrel.example", "mailbox.example"]), c("w", ["450 4.2.0 Mailbox temporarily unavailable", "550 5.7.1 external reporting not authorized", "connection timed out"])]),
]
DM_COUNTS = [80, 60, 40, 10, 6, 5, 12, 9, 25, 8, 4, 3, 30, 8]
DM_HEADER = re.compile(r"(?P<ts>[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}) [a-z0-9.-]+ "
                       r"opendmarc(?:-reports)?\[\d+\]: ")


def gen_opendmarc(r):
    pid = r.randint(600, 999)
    rpid = [r.randint(20000, 40000)]

    def hdr(r, t, ev, i):
        if ev[0] == "opendmarc-reports":
            if r.random() < 0.3:
                rpid[0] += r.randint(3, 900)
            return "%s mx1 opendmarc-reports[%d]: " % (ts_syslog(t), rpid[0])
        return "%s mx1 opendmarc[%d]: " % (ts_syslog(t), pid)
    return shuffle_system(r, DM_EVENTS, DM_COUNTS, 4 * 3600 * SEC, 40.0, hdr)


# ---------------------------------------------------------------------------
# 5. PostSrsd  (seeded shuffle)
# ---------------------------------------------------------------------------
def srs0(r, user, dom, fwd):
    return "SRS0=%s=%s=%s=%s@%s" % (hexs(r, 4).upper(), r.choice("ABCDEFGH") + r.choice("234567QRSTUVWXYZ"), dom, user, fwd)


PS_FWD = ["forward.northwind.example", "lists.acme-labs.example", "mx.fjordnet.example"]
PS_EVENTS = [
    ("srs_forward: <<*>> rewritten as <<*>>", lambda r, c: (lambda u, d: ["%s@%s" % (u, d), srs0(r, u, d, r.choice(PS_FWD))])(r.choice(USERS), r.choice(FOREIGN))),
    ("srs_reverse: <<*>> rewritten as <<*>>", lambda r, c: (lambda u, d: [srs0(r, u, d, r.choice(PS_FWD)), "%s@%s" % (u, d)])(r.choice(USERS), r.choice(FOREIGN))),
    ("srs_forward: <<*>> not rewritten: <*>", lambda r, c: ["%s@%s" % (r.choice(USERS), c("d", ["northwind.example", "forward.northwind.example", "acme-labs.example"])), c("w", ["Domain excluded by policy", "Valid domain", "Domain excluded by policy"])]),
    ("srs_reverse: <<*>> not rewritten: <*>", lambda r, c: [c("a", ["SRS0=%s=%s=%s=%s@%s" % (hexs(r, 4).upper(), "ZZ", r.choice(FOREIGN), r.choice(USERS), PS_FWD[0]), "%s@%s" % (r.choice(USERS), PS_FWD[1]), "bounce-%d@%s" % (r.randint(100, 9999), PS_FWD[0])]), c("w", ["Hash invalid in SRS address.", "No SRS tag in address.", "Time stamp out of date."])]),
    ("connection from <*>:<*>", lambda r, c: [c("h", ["127.0.0.1", "::1"]), r.randint(32768, 60999)]),
    ("client <*>:<*> closed connection after <*> requests", lambda r, c: [c("h", ["127.0.0.1", "::1"]), r.randint(32768, 60999), r.randint(1, 40)]),
    ("invalid socketmap request from <*>: <*>", lambda r, c: [c("h", ["127.0.0.1", "::1"]), c("w", ["netstring length exceeds 1024", "missing map name", "unexpected end of input"])]),
    ("unknown map name '<*>'", lambda r, c: [c("m", ["srs_decode", "sender_canonical", "forward_map"])]),
    ("postsrsd <*> starting", lambda r, c: [c("v", ["2.0.8", "2.0.10"])]),
    ("listening on <*>", lambda r, c: [c("l", ["unix:/var/spool/postfix/srs", "inet:localhost:10003", "inet:localhost:10001"])]),
    ("dropping privileges to user <*> in chroot <*>", lambda r, c: [c("u", ["nobody", "postsrsd"]), c("d", ["/var/lib/postsrsd", "/usr/lib/postsrsd"])]),
    ("loaded <*> secret(s) from <*>", lambda r, c: [c("n", [1, 2]), c("f", ["/etc/postsrsd.secret", "/etc/postsrsd/postsrsd.secret"])]),
    ("cannot open secrets file <*>: <*>", lambda r, c: [c("f", ["/etc/postsrsd.secret", "/etc/postsrsd/postsrsd.secret"]), c("w", ["No such file or directory", "Permission denied"])]),
    ("received signal <*>, shutting down", lambda r, c: [c("s", ["SIGTERM", "SIGINT"])]),
]
PS_COUNTS = [110, 48, 25, 18, 35, 33, 6, 4, 3, 5, 3, 3, 4, 3]
PS_HEADER = re.compile(r"(?P<ts>[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}) [a-z0-9.-]+ postsrsd\[\d+\]: ")


def gen_postsrsd(r):
    pids = [r.randint(400, 900)]

    def hdr(r, t, ev, i):
        if ev[0].startswith("postsrsd "):
            pids[0] = r.randint(400, 30000)
        return "%s %s postsrsd[%d]: " % (ts_syslog(t), "mx2", pids[0])
    ev2 = [(None,) + e for e in PS_EVENTS]
    ev2 = [(e[1], e[1], e[2]) for e in ev2]
    return shuffle_system(r, ev2, PS_COUNTS, 6 * 3600 * SEC, 35.0, hdr)


# ---------------------------------------------------------------------------
# 6. Sympa  (seeded shuffle)
# ---------------------------------------------------------------------------
SY_LISTS = ["announce", "dev", "sales-team", "board", "users-fr", "alumni", "security-alerts"]
SY_ROBOT = "lists.northwind.example"


def sy_msg(r, c, k):
    lst = c(k, SY_LISTS)
    return lst, "%s@%s.%d.%d" % (lst, SY_ROBOT, EPOCH_MIDNIGHT + NOW[0] // SEC - r.randint(0, 900), r.randint(1000, 40000))


def sy_mid(r):
    return "<%s.%s@%s>" % (hexs(r, 12).upper(), hexs(r, 6), r.choice(["mail.northwind.example", "mx.gmail.example", "smtp.acme-labs.example", "outlook.example"]))


SY_EVENTS = [
    ("sympa_msg", "notice", "Sympa::Spindle::ProcessIncoming::_twist()",
     "Processing Sympa::Message <<*>>; envelope_sender=<*>; message_id=<*>; sender=<*>",
     lambda r, c: (lambda lm, u: [lm[1], u, sy_mid(r), u])(sy_msg(r, c, "l"), "%s@%s" % (r.choice(USERS), r.choice(DOMAINS)))),
    ("sympa_msg", "notice", "Sympa::Spindle::DistributeMessage::_distribute()",
     "Message Sympa::Message <<*>> for Sympa::List <<*>> from <*> accepted (<*> seconds, <*> sessions, <*> subscribers), message ID=<*>, size=<*>",
     lambda r, c: (lambda lm: [lm[1], "%s@%s" % (lm[0], SY_ROBOT), "%s@%s" % (r.choice(USERS), r.choice(DOMAINS)), "%.2f" % r.uniform(0.01, 3),
                               r.randint(1, 12), r.randint(3, 4200), sy_mid(r), r.randint(2000, 900000)])(sy_msg(r, c, "l"))),
    ("bulk", "notice", "Sympa::Spindle::ProcessOutgoing::_twist()",
     "Done sending message Sympa::Message <<*>> for Sympa::List <<*>> (priority <*>) in <*> seconds since scheduled expedition date",
     lambda r, c: (lambda lm: [lm[1], "%s@%s" % (lm[0], SY_ROBOT), c("p", [5, 1, 5, 9]), r.randint(0, 400)])(sy_msg(r, c, "l"))),
    ("bounced", "notice", "Sympa::Spindle::ProcessBounce::_twist()",
     "Bounce received from <*> for list <*>: status <*>",
     lambda r, c: ["%s@%s" % (r.choice(USERS), r.choice(FOREIGN)), c("l", SY_LISTS), c("s", ["5.1.1", "4.2.2", "5.2.2", "4.4.1", "5.7.1"])]),
    ("bounced", "err", "Sympa::Spindle::ProcessBounce::_twist()",
     "Unable to find list <*> for bounce <*>",
     lambda r, c: [c("l", ["old-project", "test2", "hr-internal"]), "%s.%d" % (hexs(r, 8), r.randint(1000, 9999))]),
    ("sympa_msg", "notice", "Sympa::Spindle::DoCommand::_twist()",
     "SUB <*> from <*> accepted (<*> seconds, <*> subscribers)",
     lambda r, c: [c("l", SY_LISTS), "%s@%s" % (r.choice(USERS), r.choice(FOREIGN + DOMAINS)), "%.2f" % r.uniform(0.01, 0.9), r.randint(3, 4200)]),
    ("sympa_msg", "notice", "Sympa::Spindle::DoCommand::_twist()",
     "SIG <*> from <*> accepted (<*> seconds, <*> subscribers)",
     lambda r, c: [c("l", SY_LISTS[::-1]), "%s@%s" % (r.choice(USERS), r.choice(FOREIGN + DOMAINS)), "%.2f" % r.uniform(0.01, 0.9), r.randint(3, 4200)]),
    ("task_manager", "notice", "Sympa::Spindle::ProcessTask::_twist()",
     "Task <*> for <*> done in <*>",
     lambda r, c: [c("t", ["expire_bounce_daily", "purge_logs_table", "eval_bouncers", "sync_include", "purge_orphan_bounces"]),
                   c("o", ["*", "announce@" + SY_ROBOT, "dev@" + SY_ROBOT, "alumni@" + SY_ROBOT]), "%.3fs" % r.uniform(0.01, 40)]),
    ("task_manager", "err", "Sympa::Spindle::ProcessTask::_twist()",
     "Task <*> failed: <*>",
     lambda r, c: [c("t", ["sync_include", "eval_bouncers"]), c("w", ["Unable to connect to data source ldap://ldap1.northwind.example", "Error while executing SQL query: Lock wait timeout exceeded", "Unable to open file /var/lib/sympa/list_data/alumni/include_sql"])]),
    ("wwsympa", "info", "main::do_login()",
     "User <*> logged in using <*>",
     lambda r, c: ["%s@northwind.example" % r.choice(USERS), c("a", ["ldap", "classic", "cas"])]),
    ("wwsympa", "info", "main::do_logout()",
     "User <*> logged out",
     lambda r, c: ["%s@northwind.example" % r.choice(USERS)]),
    ("sympa_msg", "notice", "Sympa::Spindle::AuthorizeMessage::_twist()",
     "Message Sympa::Message <<*>> for Sympa::List <<*>> from <*> rejected by scenario <*>",
     lambda r, c: (lambda lm: [lm[1], "%s@%s" % (lm[0], SY_ROBOT), "%s@%s" % (r.choice(USERS), r.choice(FOREIGN)), c("s", ["send.privateoronlyeditors", "send.private", "send.closed"])])(sy_msg(r, c, "l"))),
    ("archived", "notice", "Sympa::Spindle::ProcessArchive::_twist()",
     "Archiving Sympa::Message <<*>> for list Sympa::List <<*>>",
     lambda r, c: (lambda lm: [lm[1], "%s@%s" % (lm[0], SY_ROBOT)])(sy_msg(r, c, "l"))),
    ("sympa_msg", "notice", "Sympa::Spindle::ToModeration::_twist()",
     "Message Sympa::Message <<*>> for Sympa::List <<*>> from <*> kept for moderation (key <*>)",
     lambda r, c: (lambda lm: [lm[1], "%s@%s" % (lm[0], SY_ROBOT), "%s@%s" % (r.choice(USERS), r.choice(FOREIGN)), hexs(r, 32)])(sy_msg(r, c, "l"))),
]
SY_COUNTS = [70, 60, 45, 25, 5, 20, 14, 18, 4, 12, 9, 6, 8, 4]
SY_HEADER = re.compile(r"(?P<ts>[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}) [a-z0-9.-]+ "
                       r"(?:sympa_msg|bulk|bounced|archived|task_manager|wwsympa)\[\d+\]: "
                       r"(?:notice|info|err|debug|debug2|trace) [A-Za-z_:]+\(\) "
                       r"(?:\[robot [^\]]+\] \[session \d+\] \[client [^\]]+\](?: \[user [^\]]+\])? )?")


def gen_sympa(r):
    pids = {p: r.randint(1000, 9000) for p in ["sympa_msg", "bulk", "bounced", "archived", "task_manager"]}

    def hdr(r, t, ev, i):
        prog, lvl, fn = ev[0], ev[1], ev[2]
        if prog == "wwsympa":
            pid = r.randint(10000, 40000)
            tag = "[robot %s] [session %d] [client %s]" % (SY_ROBOT, r.randint(10**13, 10**14 - 1), ip_priv(r))
            if fn == "main::do_logout()":
                tag += " [user %s]" % LAST_VALS[0][0]
            return "%s lists %s[%d]: %s %s %s " % (ts_syslog(t), prog, pid, lvl, fn, tag)
        return "%s lists %s[%d]: %s %s " % (ts_syslog(t), prog, pids[prog], lvl, fn)
    ev2 = [(e[0], e[1], e[2], e[3], e[4]) for e in SY_EVENTS]
    # shuffle_system uses ev[1] as template: adapt
    ev3 = [(e, e[3], e[4]) for e in ev2]
    return shuffle_system(r, ev3, SY_COUNTS, 3 * 3600 * SEC, 60.0,
                          lambda r, t, ev, i: hdr(r, t, ev[0], i))


# ---------------------------------------------------------------------------
SYSTEMS = [
    ("FreePbx", gen_freepbx, [e[1] for e in PBX_EVENTS], PBX_HEADER, "shuffle"),
    ("LemonLdap", gen_lemonldap, [e[1] for e in LL_EVENTS], LL_HEADER, "simulation"),
    ("Sogo", gen_sogo, [e[2] for e in SG_EVENTS], SG_HEADER, "simulation"),
    ("OpenDmarc", gen_opendmarc, [e[1] for e in DM_EVENTS], DM_HEADER, "shuffle"),
    ("PostSrsd", gen_postsrsd, [e[0] for e in PS_EVENTS], PS_HEADER, "shuffle"),
    ("Sympa", gen_sympa, [e[3] for e in SY_EVENTS], SY_HEADER, "shuffle"),
]


def write_system(name, recs, templates):
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="\n") as f:
        for _t, h, c, _e in recs:
            f.write(h + c + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_t, _h, c, e) in enumerate(recs, 1):
            w.writerow([i, c, "E%d" % (e + 1), templates[e]])


def tsec(ts):
    h, m, s = ts[-8:].split(":")
    return int(h) * 3600 + int(m) * 60 + int(s)


def check_system(name, templates, header_re):
    errs = []
    d = os.path.join(OUT, name)
    raw = open(os.path.join(d, name + ".log"), "rb").read()
    if b"\r" in raw or not raw.endswith(b"\n"):
        errs.append("bad line endings")
    lines = raw.decode("utf-8").split("\n")[:-1]
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header")
    rows = rows[1:]
    if len(lines) != 300 or len(rows) != 300:
        errs.append("need 300 lines/rows: %d/%d" % (len(lines), len(rows)))
    tpl_of = {}
    counts = {}
    caps = {}
    last = -1
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errs.append("LineId %s at %d" % (lid, i))
        if not content or content != content.strip():
            errs.append("content empty/unstripped at %d" % i)
        if not line.endswith(content):
            errs.append("line %d does not end with content" % i)
            continue
        hdr = line[:len(line) - len(content)]
        m = header_re.fullmatch(hdr)
        if not m:
            errs.append("header mismatch at %d: %r" % (i, hdr))
        else:
            s = tsec(m.group("ts"))
            if s < last:
                errs.append("time goes back at %d" % i)
            last = s
        if not re.fullmatch(r"E\d+", eid):
            errs.append("bad EventId %s" % eid)
        if tpl_of.setdefault(eid, tpl) != tpl:
            errs.append("EventId %s has two templates" % eid)
        counts[eid] = counts.get(eid, 0) + 1
        rx = "^" + "(.+?)".join(re.escape(p) for p in tpl.split("<*>")) + "$"
        mm = re.match(rx, content)
        if not mm:
            errs.append("template of %s does not match line %d: %r" % (eid, i, content))
            continue
        for k, g in enumerate(mm.groups()):
            caps.setdefault((eid, k), set()).add(g)
    if len(set(tpl_of.values())) != len(tpl_of):
        errs.append("templates not distinct")
    want = {"E%d" % (k + 1): t for k, t in enumerate(templates)}
    if want != tpl_of:
        missing = set(want) - set(tpl_of)
        errs.append("declared events unused or mismatched: %s" % sorted(missing))
    for (eid, k), vals in caps.items():
        if len(vals) < 2:
            errs.append("slot %d of %s is constant %r" % (k, eid, vals))
    c = sorted(counts.values())
    if not 12 <= len(c) <= 15:
        errs.append("event count %d" % len(c))
    if c and c[0] < 3:
        errs.append("an event has < 3 lines: %s" % counts)
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines: %s" % counts)
    if c and max(c) < 3 * statistics.median(c):
        errs.append("largest < 3x median: %s" % counts)
    return errs, counts


def main():
    ok = True
    for k, (name, gen, templates, header_re, kind) in enumerate(SYSTEMS, 1):
        r = random.Random(BASE_SEED * 10 + k)
        recs = gen(r)
        write_system(name, recs, templates)
        errs, counts = check_system(name, templates, header_re)
        order = sorted(counts, key=lambda e: int(e[1:]))
        print("%-10s %-10s events=%2d lines=%d counts=%s %s" % (
            name, kind, len(counts), sum(counts.values()),
            " ".join("%s:%d" % (e, counts[e]) for e in order), "OK" if not errs else "FAIL"))
        for e in errs[:15]:
            print("    " + e)
        ok = ok and not errs
    print("self-check:", "PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
