#!/usr/bin/env python3
"""Writes sealed corpus 6, a blind, labelled log corpus (see README.md beside this file).

Six systems, 300 lines each: Bind, Samba, Puppet, Loki, Tekton, Cups. Every line is made here
from event formats written for this corpus, following each program's default log layout
(written from memory; the few settings chosen on top of the defaults are documented in the
README), with values from generators of this file. No line, template or value list is copied
from a real log or data set; the messages are invented in each project's style. The corpus was
written without running any template miner on it and without reading the miner's source.

Deterministic: fixed seed 20261214, integer clock, no dependence on locale or wall time;
`python3 generate.py` rewrites the same files. Each system gets `<System>/<System>.log` (the raw
lines, header included) and `<System>/<System>.log_structured.csv` (LineId, Content, EventId,
EventTemplate).

Ground truth convention (Loghub style): one `<*>` per value; a value that holds spaces (a
free-text reason or error, a path with spaces, a Go-quoted query, a list, an RR's data) is one
`<*>`; punctuation around a value stays literal (`(<*>)`, `'<*>'`, `"<*>"`, `key=<*>`, `[<*>]`,
`@<*>`, `<*>#53`); a unit attached to a number stays literal after it when it is fixed in the
slot (`<*> seconds`, `<*> secs`), a Go duration or a size whose unit varies is one value; text
that never changes within an event type stays literal even when it looks like a value. Event
formats are written directly as their templates: each `<*>` in a format is filled with one
generated value, and every `<*>` slot takes at least two different values within its event type
(checked when the lines are made and again on read-back).

At the end the files are read back and checked (see `self_check`).
"""
import calendar
import csv
import json
import os
import random
import re
import string
import time

SEED = 20261214
R = random.Random(SEED)
LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["Bind", "Samba", "Puppet", "Loki", "Tekton", "Cups"]
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
WEEKDAYS = "Mon Tue Wed Thu Fri Sat Sun".split()


# ------------------------------------------------------------------------------------------
# Small value generators (pools written for this corpus).
def pick(seq):
    return R.choice(seq)


def num(a, b):
    return str(R.randint(a, b))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def lower_alnum(n):
    return "".join(R.choice(string.ascii_lowercase + string.digits) for _ in range(n))


def uuid():
    return "%s-%s-4%s-%s%s-%s" % (hexid(8), hexid(4), hexid(3), R.choice("89ab"), hexid(3), hexid(12))


def eph_port():
    return str(R.randint(32768, 60999))


def go_duration(ns):
    """Go's `time.Duration.String()` for ns below one minute: `845ns`, `123.456µs`,
    `1.234567ms`, `2.5s` (trailing zeros of the fraction dropped)."""
    if ns < 1000:
        return "%dns" % ns
    if ns < 10 ** 6:
        unit, div, prec = "µs", 10 ** 3, 3
    elif ns < 10 ** 9:
        unit, div, prec = "ms", 10 ** 6, 6
    else:
        unit, div, prec = "s", 10 ** 9, 9
    whole, frac = divmod(ns, div)
    f = ("%0*d" % (prec, frac)).rstrip("0")
    return "%d%s%s" % (whole, "." + f if f else "", unit)


def rand_go_duration(lo_ms, hi_ms):
    """A Go duration between lo_ms and hi_ms (below one minute), log-uniform, sometimes rounded
    to the millisecond as Go code often does before logging."""
    lo, hi = max(lo_ms, 0.0005), hi_ms
    ms = lo * (hi / lo) ** R.random()
    ns = int(ms * 10 ** 6)
    if R.random() < 0.25 and ns >= 10 ** 6:
        ns -= ns % 10 ** 6
    return go_duration(max(ns, 1))


class Cycle:
    """Draws from a pool in seeded shuffled rounds: two draws in a row differ whenever the pool
    holds two different values (used for slots of rare event types)."""

    def __init__(self, pool):
        self.pool = list(pool)
        assert len(set(map(repr, self.pool))) >= 2, pool
        self.queue = []

    def __call__(self):
        if not self.queue:
            q = self.pool[:]
            R.shuffle(q)
            self.queue = q
        return self.queue.pop()


class Clock:
    """Integer nanosecond clock starting on 2026-12-14 at a random second of the morning (UTC)."""

    def __init__(self):
        self.start = calendar.timegm((2026, 12, 14, 0, 0, 0)) + R.randint(6 * 3600, 11 * 3600)
        self.ns = self.start * 10 ** 9 + R.randint(0, 10 ** 9 - 1)

    def tick(self):
        self.ns += R.randint(2 * 10 ** 6, 2400 * 10 ** 6)

    @property
    def g(self):
        return time.gmtime(self.ns // 10 ** 9)

    def frac(self, digits):
        return "%0*d" % (digits, (self.ns % 10 ** 9) // 10 ** (9 - digits))

    def ymd(self, sep="-"):
        g = self.g
        return "%04d%s%02d%s%02d" % (g.tm_year, sep, g.tm_mon, sep, g.tm_mday)

    def hms(self):
        g = self.g
        return "%02d:%02d:%02d" % (g.tm_hour, g.tm_min, g.tm_sec)

    def rfc3339nano(self):
        """Go's `time.RFC3339Nano` in UTC: the fraction loses its trailing zeros."""
        f = self.frac(9).rstrip("0")
        return "%sT%s%sZ" % (self.ymd(), self.hms(), "." + f if f else "")

    def syslog(self):
        """`Dec 14 10:00:00` (RFC 3164, day padded with a space below 10)."""
        g = self.g
        return "%s %2d %s" % (MONTHS[g.tm_mon - 1], g.tm_mday, self.hms())

    def samba(self):
        """Samba's hires header time: `2026/12/14 10:00:00.123456`."""
        return "%s %s.%s" % (self.ymd("/"), self.hms(), self.frac(6))

    def samba_auth(self):
        """The time inside Samba's `Auth:` audit line: `Mon, 14 Dec 2026 10:00:00.123456 UTC`."""
        g = self.g
        return "%s, %02d %s %04d %s.%s UTC" % (WEEKDAYS[g.tm_wday], g.tm_mday, MONTHS[g.tm_mon - 1], g.tm_year, self.hms(), self.frac(6))

    def cups(self):
        """CUPS `[14/Dec/2026:10:00:00 +0000]` (LogTimeFormat standard)."""
        g = self.g
        return "[%02d/%s/%04d:%s +0000]" % (g.tm_mday, MONTHS[g.tm_mon - 1], g.tm_year, self.hms())

    def epoch_float(self):
        """zap's EpochTimeEncoder: float64(UnixNano) / 1e9, written shortest ('f', -1)."""
        return float(self.ns) / 1e9


# ------------------------------------------------------------------------------------------
# Filling a template.
def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v and "\n" not in v, (template, values)
        out += [v, p]
    return "".join(out)


def ev(template, *values):
    """(content, template, values) of one line of an event type."""
    values = tuple(str(v) for v in values)
    return fill(template, values), template, values


def logfmt_q(s):
    """A go-kit logfmt value that needs quoting (it holds a space, `=` or `"`): quoted, with
    `\\` and `"` escaped. Only used for values that always need the quotes."""
    assert re.search(r'[ ="]', s), s
    return s.replace("\\", "\\\\").replace('"', '\\"')


# ------------------------------------------------------------------------------------------
def write(system, clock, events, render, extract=None):
    """events: list of (count, tag, gen); gen() -> ev(...), called after the clock ticked for
    the line; render(tag, content) -> the raw line. Counts sum to LINES; the order of lines is a
    seeded shuffle. Checks that every slot of every event type takes two or more values.
    extract(line) -> Content, for systems whose Content is not a suffix of the line (Tekton)."""
    assert sum(e[0] for e in events) == LINES, (system, sum(e[0] for e in events))
    assert 13 <= len(events) <= 14, system
    order = [k for k, e in enumerate(events) for _ in range(e[0])]
    R.shuffle(order)
    rows, raw = [], []
    slot_values = {}
    templates = {}
    for i, k in enumerate(order):
        _, tag, gen = events[k]
        clock.tick()
        content, template, values = gen()
        assert templates.setdefault(k, template) == template, (system, template)
        line = render(tag, content)
        assert "\n" not in line, (system, line)
        if extract is None:
            assert line.endswith(content), (system, line)
        else:
            assert extract(line) == content, (system, line)
        rows.append([i + 1, content, "E%d" % (k + 1), template])
        raw.append(line)
        seen = slot_values.setdefault(k, [set() for _ in values])
        assert len(seen) == len(values), (system, template)
        for s, v in zip(seen, values):
            s.add(v)
    for k, seen in slot_values.items():
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


# ------------------------------------------------------------------------------------------
# 1. BIND 9 `named` through rsyslog's traditional file format (default_syslog channel, no
#    print-category/print-severity): `Dec 14 10:00:00 ns1 named[812]: message`. Two servers.
#    Query logging is on (category queries goes to default_syslog). Content is what follows
#    `named[pid]: `.
def bind():
    c = Clock()
    pids = {"ns1": R.randint(600, 1900), "ns2": R.randint(600, 1900)}
    listen = {"ns1": ["10.20.0.53", "127.0.0.1", "2001:db8:20::53"], "ns2": ["10.20.0.54", "127.0.0.1", "2001:db8:20::54"]}
    zones = ["example.com", "corp.example.net", "shop.example.com", "lab.example.org", "20.10.in-addr.arpa", "2.0.192.in-addr.arpa"]
    signed = ["example.com", "shop.example.com", "corp.example.net"]
    names = ["www.example.com", "api.shop.example.com", "mail.corp.example.net", "_ldap._tcp.corp.example.net",
             "cdn.example.org", "git.lab.example.org", "updates.vendor.example", "time.corp.example.net",
             "17.4.20.10.in-addr.arpa", "wpad.corp.example.net", "static.shop.example.com", "example.com"]
    qtypes = ["A", "A", "A", "AAAA", "AAAA", "MX", "TXT", "SRV", "PTR", "HTTPS", "NS"]
    flags = ["+", "+E(0)", "+E(0)K", "-E(0)DC", "+ET", "-E(0)", "+E(0)DC"]
    inside = ["10.20.4.%d" % i for i in (17, 23, 88, 102)] + ["10.20.31.%d" % i for i in (5, 44, 61)] + ["10.20.0.8"]
    outside = ["203.0.113.%d" % i for i in (4, 19, 77, 200)] + ["198.51.100.%d" % i for i in (9, 131)]
    ns6 = ["2001:db8:ff00::%x" % R.randint(1, 0xffff) for _ in range(5)]
    remote_ns = ["198.51.100.9", "203.0.113.53", "192.0.2.200", "198.51.100.250"]

    def ptr():
        return "0x7f%s" % hexid(10)

    def serial():
        return "202612%02d%02d" % (R.randint(10, 14), R.randint(1, 12))

    def query():
        q = pick(names)
        t = "PTR" if q.endswith(".arpa") else pick([x for x in qtypes if x != "PTR"])
        host = pick(sorted(pids))
        return ev("client @<*> <*> (<*>): query: <*> IN <*> <*> (<*>)",
                  ptr(), "%s#%s" % (pick(inside), eph_port()), q, q, t, pick(flags), pick(listen[host]))

    def denied():
        q = pick(["www.example.com", "example.com", "version.example.net", "any.example.org", "ns1.example.com",
                  "mail.example.com", "a.b.example.net"])
        return ev("client @<*> <*> (<*>): query (cache) '<*>/<*>/IN' denied",
                  ptr(), "%s#%s" % (pick(outside), pick([eph_port(), eph_port(), "53", "80"])), q, q, pick(["A", "ANY", "TXT", "AAAA", "NS"]))

    def xfr():
        recs = R.randint(12, 900)
        size = recs * R.randint(28, 60)
        secs_ms = R.randint(1, 40)
        return ev("transfer of '<*>/IN' from <*>#53: Transfer completed: <*> messages, <*> records, <*> bytes, <*> secs (<*> bytes/sec) (serial <*>)",
                  pick(zones), pick(["10.20.0.53", "10.20.0.54"]), str(1 + size // 16000), recs, size,
                  "0.%03d" % secs_ms, size * 1000 // secs_ms, serial())

    rr_keys = ["dhcp-ddns", "acme-dns01"]

    def rr():
        key = pick(rr_keys)
        if key == "dhcp-ddns":
            who = pick(["laptop-ana", "laptop-marek", "printer-2f", "phone-ingrid", "kiosk-3"])
            zone = "corp.example.net"
            if R.random() < 0.6:
                return key, zone, "%s.%s" % (who, zone), "A", "10.20.31.%d" % R.randint(2, 250)
            return key, zone, "%s.%s" % (who, zone), "TXT", "\"%s\"" % ("31" + hexid(32))
        zone = pick(["shop.example.com", "example.com"])
        return key, zone, "_acme-challenge.%s" % pick(["www." + zone, zone, "api." + zone]), "TXT", "\"%s\"" % "".join(R.choice(string.ascii_letters + string.digits + "-_") for _ in range(43))

    def update(word):
        def gen():
            key, zone, owner, t, data = rr()
            return ev("client @<*> <*>/key <*>: updating zone '<*>/IN': %s an RR at '<*>' <*> <*>" % word,
                      ptr(), "%s#%s" % (pick(["10.20.0.8", "10.20.0.9", "10.20.7.30"]), eph_port()), key, zone, owner, t, data)
        return gen

    reasons = ["reply has no answer", "invalid response", "non-improving referral",
               "Name example.org (SOA) not subdomain of zone cdn.example.org -- invalid response",
               "truncated TCP response", "FORMERR"]
    controls = Cycle(["reload", "flush", "sync -clean", "reconfig", "reload corp.example.net"])

    events = [
        (80, None, query),
        (50, None, denied),
        (32, None, lambda: ev("zone <*>/IN: loaded serial <*>", pick(zones), serial())),
        (26, None, lambda: ev("network unreachable resolving '<*>/<*>/IN': <*>#53",
                              pick(["cdn.example.org", "ns2.example.org", "mx1.vendor.example", "example.net", "a.iana-servers.example"]),
                              pick(["A", "AAAA", "DNSKEY", "NS", "DS"]), pick(ns6))),
        (22, None, lambda: ev("zone <*>/IN: sending notifies (serial <*>)", pick(zones), serial())),
        (18, None, xfr),
        (16, None, lambda: ev("client @<*> <*>: update '<*>/IN' denied", ptr(), "%s#%s" % (pick(inside + outside), eph_port()), pick(zones))),
        (14, None, update("adding")),
        (12, None, update("deleting")),
        (10, None, lambda: ev("DNS format error from <*>#53 resolving <*>/<*> for <*>: <*>",
                              pick(remote_ns), pick(["cdn.example.org", "img.vendor.example", "example.net", "mx1.vendor.example"]),
                              pick(["A", "AAAA", "MX"]), "%s#%s" % (pick(inside), eph_port()), pick(reasons))),
        (8, None, lambda: ev("zone <*>/IN: loaded serial <*> (DNSSEC signed)", pick(signed), serial())),
        (5, None, lambda: ev("zone <*>/IN: refresh: unexpected rcode (<*>) from primary server <*>#53 (source 0.0.0.0#0)",
                             pick(["lab.example.org", "20.10.in-addr.arpa"]), pick(["REFUSED", "SERVFAIL", "NOTAUTH"]), pick(["10.20.0.53", "192.0.2.10"]))),
        (4, None, lambda: ev("received control channel command '<*>'", controls())),
        (3, None, lambda: ev("resolver priming query complete")),
    ]

    def render(_, content):
        host = pick(sorted(pids))
        return "%s %s named[%d]: %s" % (c.syslog(), host, pids[host], content)
    write("Bind", c, events, render)


# ------------------------------------------------------------------------------------------
# 2. Samba `smbd`, log file `log.smbd`. By default Samba writes a header line
#    `[2026/12/14 10:00:00.123456,  2] ../../source3/smbd/open.c:1621(open_file)` and the
#    message on the next line, indented by two spaces. This corpus uses the single-line form
#    Samba writes with `debug prefix timestamp = yes`: `[2026/12/14 10:00:00.123456,  2] message`
#    (hires timestamp, level as `%2d`, no pid, no class); `log level = 3`. Content is what
#    follows `] `.
def samba():
    c = Clock()
    users = {"ana": ("1001", "1001"), "marek": ("1002", "100"), "ingrid": ("1003", "1003"), "tobias": ("1004", "100"),
             "ruth": ("1005", "1010"), "kofi": ("1006", "100"), "scanner": ("1100", "1100")}
    machines = {"heron": "10.30.0.41", "otter": "10.30.0.57", "maple": "10.30.1.12", "birch": "10.30.1.80",
                "falcon": "10.30.2.9", "lynx": "10.30.2.33"}
    shares = ["Projects", "Scans", "Finance", "homes", "Public"]
    files = ["Projects/2026/q4-budget.xlsx", "Projects/Team Meeting/minutes 2026-12.docx", "Scans/scan_%04d.pdf",
             "Finance/Invoices/INV-%06d.pdf", "Public/handbook.pdf", "ana/notes.txt", "Projects/site-plan v3.dwg",
             "Projects/photos/IMG_%04d.JPG", "Public/Vorlagen/Brief.dotx", "Finance/Payroll 2026/december.ods"]

    def fname():
        f = pick(files)
        return f % R.randint(1, 9999) if "%" in f else f

    def remote():
        m = pick(sorted(machines))
        return m, "ipv4:%s:%s" % (machines[m], eph_port())

    def connect():
        m, addr = remote()
        u = pick(sorted(users))
        uid, gid = users[u]
        return ev("<*> (<*>) connect to service <*> initially as user <*> (uid=<*>, gid=<*>) (pid <*>)",
                  m, addr, pick(shares), u, uid, gid, num(2000, 60000))

    def opened():
        rw = pick([("Yes", "No"), ("Yes", "No"), ("Yes", "Yes"), ("No", "No")])
        return ev("<*> opened file <*> read=<*> write=<*> (numopen=<*>)", pick(sorted(users)), fname(), rw[0], rw[1], num(1, 14))

    def closed():
        return ev("<*> closed file <*> (numopen=<*>) <*>", pick(sorted(users)), fname(), num(0, 13),
                  pick(["NT_STATUS_OK"] * 6 + ["NT_STATUS_FILE_CLOSED", "NT_STATUS_INVALID_HANDLE"]))

    def auth_ok():
        m, addr = remote()
        u = pick([u for u in sorted(users) if u != "scanner"])
        return ev("Auth: [SMB2,(null)] user [<*>]\\[<*>] at [<*>] with [<*>] status [NT_STATUS_OK] workstation [<*>] remote host [<*>] became [FILES01]\\[<*>] [<*>]. local host [ipv4:10.30.0.2:445]",
                  pick(["OFFICE", "FILES01", "OFFICE"]), u, c.samba_auth(), pick(["NTLMv2", "NTLMv2", "Kerberos"]), m.upper(), addr, u,
                  "S-1-5-21-3318094672-1180524719-2409337811-%s" % users[u][0])

    def auth_fail():
        m, addr = remote()
        u = pick(["ana", "marek", "administrator", "guest", "backup", "ruth"])
        dom = pick(["OFFICE", "WORKGROUP", m.upper()])
        return ev("Auth: [SMB2,(null)] user [<*>]\\[<*>] at [<*>] with [NTLMv2] status [<*>] workstation [<*>] remote host [<*>] mapped to [<*>]\\[<*>]. local host [ipv4:10.30.0.2:445]",
                  dom, u, c.samba_auth(), pick(["NT_STATUS_WRONG_PASSWORD", "NT_STATUS_NO_SUCH_USER", "NT_STATUS_ACCOUNT_LOCKED_OUT"]),
                  m.upper(), addr, dom, u)

    smb2_locs = ["../../source3/smbd/smb2_create.c:351", "../../source3/smbd/smb2_read.c:136",
                 "../../source3/smbd/smb2_query_directory.c:157", "../../source3/smbd/smb2_ioctl.c:309"]
    smb2_status = ["NT_STATUS_OBJECT_NAME_NOT_FOUND", "NT_STATUS_ACCESS_DENIED", "NT_STATUS_NO_MORE_FILES",
                   "NT_STATUS_FILE_IS_A_DIRECTORY", "NT_STATUS_NOT_FOUND"]
    exits = ["NT_STATUS_CONNECTION_RESET", "failed to receive smb request", "NT_STATUS_END_OF_FILE",
             "smbXsrv_connection_disconnect_transport(NT_STATUS_IO_TIMEOUT)", "termination signal"]
    versions = Cycle(["4.19.5-Debian", "4.20.6-Debian", "4.19.5-Debian"])
    badshares = Cycle(["IPC", "scans", "printers", "Projekte", "backup$"])
    rename_err = ["NT_STATUS_ACCESS_DENIED", "NT_STATUS_OBJECT_NAME_COLLISION", "NT_STATUS_SHARING_VIOLATION"]

    events = [
        (73, 2, opened),
        (52, 2, closed),
        (34, 1, connect),
        (28, 1, lambda: (lambda r: ev("<*> (<*>) closed connection to service <*>", r[0], r[1], pick(shares)))(remote())),
        (22, 3, auth_ok),
        (18, 0, lambda: ev("Unable to connect to CUPS server <*> - <*>", pick(["localhost:631", "/run/cups/cups.sock"]),
                           pick(["Connection refused", "No such file or directory"]))),
        (16, 3, lambda: ev("smbd_smb2_request_error_ex: smbd_smb2_request_error_ex: idx[<*>] status[<*>] || at <*>",
                           pick(["1", "1", "3", "5"]), pick(smb2_status), pick(smb2_locs))),
        (14, 2, auth_fail),
        (12, 1, lambda: (lambda a: ev("rename_internals_fsp: Error <*> rename <*> -> <*>", pick(rename_err), a,
                                      a.rsplit("/", 1)[0] + "/" + pick(["old_", "Copy of ", "~$"]) + a.rsplit("/", 1)[1]))(fname())),
        (10, 1, lambda: ev("Server exit (<*>)", pick(exits))),
        (8, 3, lambda: ev("lp_load_ex: refreshing parameters")),
        (6, 0, lambda: ev("make_connection_snum: canonicalize_connect_path failed for service <*>, path <*>",
                          *pick([("Projects", "/srv/samba/projects"), ("Scans", "/srv/samba/scans"), ("Finance", "/mnt/finance-vol/finance")]))),
        (4, 1, lambda: (lambda r: ev("<*> (<*>) couldn't find service <*>", r[0], r[1], badshares()))(remote())),
        (3, 0, lambda: ev("smbd version <*> started.", versions())),
    ]

    def render(level, content):
        return "[%s, %2d] %s" % (c.samba(), level, content)
    write("Samba", c, events, render)


# ------------------------------------------------------------------------------------------
# 3. Puppet agent (daemon, default logdest syslog) through rsyslog's traditional file format:
#    `Dec 14 10:00:00 web-07 puppet-agent[2345]: message`; messages about a resource are written
#    by Puppet's syslog destination as `(<resource path>) message`. Four agents. Content is what
#    follows `puppet-agent[pid]: ` (the resource path in parentheses is part of it, one value).
def puppet():
    c = Clock()
    hosts = {h: R.randint(900, 30000) for h in ["web-07", "web-08", "db-02", "build"]}
    files = [("Profile::Nginx", "/etc/nginx/nginx.conf"), ("Ntp::Config", "/etc/chrony/chrony.conf"),
             ("Role::Web/Nginx::Vhost[shop.example.com]", "/etc/nginx/sites-enabled/shop.conf"),
             ("Profile::App", "/etc/shop-api/config.yaml"), ("Ssh::Server::Config", "/etc/ssh/sshd_config"),
             ("Profile::Postgres", "/etc/postgresql/16/main/pg_hba.conf"), ("Profile::Base", "/etc/motd")]
    services = [("Profile::Nginx", "nginx"), ("Profile::App", "shop-api"), ("Profile::Postgres", "postgresql"),
                ("Ntp::Service", "chrony"), ("Profile::Monitoring", "node-exporter")]
    packages = [("Profile::Base", "htop"), ("Profile::App", "shop-api"), ("Profile::Monitoring", "prometheus-node-exporter"),
                ("Profile::Base", "unattended-upgrades")]
    deps = ["Package[shop-api]", "File[/etc/shop-api/config.yaml]", "Exec[migrate-db]", "Service[postgresql]",
            "User[deploy]"]

    def fpath(suffix=""):
        cls, f = pick(files)
        return "/Stage[main]/%s/File[%s]%s" % (cls, f, suffix)

    def any_res():
        k = R.random()
        if k < 0.4:
            return fpath()
        if k < 0.75:
            return "/Stage[main]/%s/Service[%s]" % pick(services)
        return "/Stage[main]/%s/Package[%s]" % pick(packages)

    def ensure_changed():
        k = R.random()
        if k < 0.55:
            res = "/Stage[main]/%s/Service[%s]/ensure" % pick(services)
            a, b = pick([("stopped", "running"), ("stopped", "running"), ("running", "stopped")])
        else:
            res = "/Stage[main]/%s/Package[%s]/ensure" % pick(packages)
            a, b = pick([("purged", "present"), ("1.24.0-1", "1.26.2-1"), ("3.0.7", "3.0.9"), ("absent", "latest")])
        return ev("(<*>) ensure changed '<*>' to '<*>'", res, a, b)

    def created_removed(word):
        def gen():
            return ev("(<*>) ensure: %s" % word, pick([fpath("/ensure"), "/Stage[main]/Profile::Base/User[%s]/ensure" % pick(["deploy", "ana", "backup"]),
                                                      "/Stage[main]/Profile::Cron/Cron[%s]/ensure" % pick(["logrotate-shop", "db-dump"])]))
        return gen

    catalog_err = ["execution expired",
                   "Failed to open TCP connection to puppet.example.net:8140 (Connection refused - connect(2) for \"puppet.example.net\" port 8140)",
                   "SSL_connect returned=1 errno=0 peeraddr=10.1.0.5:8140 state=error: certificate verify failed (unable to get local issuer certificate)",
                   "Error 500 on SERVER: Server Error: Evaluation Error: Error while evaluating a Function Call, Could not find class ::profile::redis for db-02.example.net (file: /etc/puppetlabs/code/environments/production/manifests/site.pp, line: 14, column: 3) on node db-02.example.net",
                   "getaddrinfo: Name or service not known"]
    eval_err = ["Could not retrieve information from environment production source(s) puppet:///modules/profile/app/config.yaml",
                "Execution of '/usr/bin/systemctl start shop-api' returned 1: Job for shop-api.service failed because the control process exited with error code.",
                "No such file or directory @ rb_sysopen - /etc/ssl/private/shop.key",
                "Permission denied"]

    events = [
        (70, None, lambda: ev("(<*>) content changed '{sha256}<*>' to '{sha256}<*>'", fpath("/content"), hexid(64), hexid(64))),
        (46, None, lambda: ev("Applied catalog in <*> seconds", "%.2f" % R.uniform(2, 95))),
        (36, None, lambda: ev("(<*>) Dependency <*> has failures: true", any_res(), pick(deps))),
        (28, None, lambda: ev("(<*>) Skipping because of failed dependencies", any_res())),
        (24, None, lambda: ev("Retrieving <*>", pick(["pluginfacts", "plugin", "locales"]))),
        (20, None, lambda: ev("Caching catalog for <*>", pick(sorted(hosts)) + ".example.net")),
        (16, None, lambda: ev("Applying configuration version '<*>'", pick([str(c.ns // 10 ** 9 - R.randint(0, 9000)), "production-" + hexid(7)]))),
        (14, None, ensure_changed),
        (12, None, lambda: ev("Could not retrieve catalog from remote server: <*>", pick(catalog_err))),
        (10, None, created_removed("created")),
        (8, None, lambda: ev("(<*>) Could not evaluate: <*>", pick([fpath(), "/Stage[main]/%s/Service[%s]" % pick(services)]), pick(eval_err))),
        (7, None, created_removed("removed")),
        (5, None, lambda: ev("Not using cache on failed catalog")),
        (4, None, lambda: ev("Run of Puppet configuration client already in progress; skipping  (/opt/puppetlabs/puppet/cache/state/agent_catalog_run.lock exists)")),
    ]

    def render(_, content):
        host = pick(sorted(hosts))
        return "%s %s puppet-agent[%d]: %s" % (c.syslog(), host, hosts[host], content)
    write("Puppet", c, events, render)


# ------------------------------------------------------------------------------------------
# 4. Grafana Loki (single binary), go-kit logfmt to stderr:
#    `level=info ts=2026-12-14T10:00:00.123456789Z caller=flush.go:167 msg="flushing stream" k=v`
#    (`ts` RFC3339Nano in UTC, trailing zeros dropped; a value is quoted only when it needs it,
#    with `"` and `\` escaped). Content is the raw text after `caller=<file>:<line> ` (the rest
#    of the line as written: `msg="..."` and the key=value pairs in their order, quotes and
#    escapes kept; some lines have pairs before `msg`).
def loki():
    c = Clock()
    orgs = ["shop", "platform", "billing", "search", "infra"]
    apps = ["shop-api", "checkout", "nginx", "batch-export", "search-indexer"]
    nss = ["prod", "staging", "monitoring"]

    def labels():
        a = pick(apps)
        s = "{app=\"%s\", namespace=\"%s\", pod=\"%s-%s-%s\"}" % (a, pick(nss), a, hexid(9)[:R.randint(8, 10)], lower_alnum(5))
        return logfmt_q(s)

    queries = [lambda: "{app=\"%s\"} |= \"%s\"" % (pick(apps), pick(["timeout", "error", "level=warn", "panic"])),
               lambda: "sum by (level) (count_over_time({namespace=\"%s\"} | json [%s]))" % (pick(nss), pick(["1m", "5m"])),
               lambda: "{job=\"varlogs\"} != \"healthz\" | logfmt | duration > %ds" % R.randint(1, 5),
               lambda: "rate({app=\"%s\"}[1m])" % pick(apps),
               lambda: "topk(10, sum by (path) (rate({app=\"nginx\"} | pattern `<_> \"<method> <path> <_>\" <status> <_>` [5m])))"]

    def stats():
        k = R.randrange(len(queries))
        q = queries[k]()
        qtype = "filter" if k in (0, 2) else "metric"
        if k in (0, 2) and R.random() < 0.3:
            qtype = "limited"
        size = R.choice([("%.1fkB", 10, 999), ("%.1fMB", 1, 999), ("%.2fGB", 1, 9)])
        return ev("component=frontend org_id=<*> traceID=<*> latency=<*> query_type=<*> range_type=range length=<*> step=<*> duration=<*> status=200 limit=<*> returned_lines=<*> throughput=<*> total_bytes=<*> query=\"<*>\"",
                  pick(orgs), hexid(16), pick(["fast", "fast", "slow"]), qtype, pick(["1h0m0s", "6h0m0s", "30m0s", "24h0m0s", "2h0m0s"]),
                  pick(["14s", "15s", "1m0s", "30s"]), rand_go_duration(3, 40000), pick(["100", "1000", "5000"]), num(0, 5000),
                  size[0] % R.uniform(size[1], size[2]), ("%.1fMB" % R.uniform(1, 900)) if R.random() < 0.7 else ("%.1fkB" % R.uniform(5, 999)),
                  logfmt_q(q))

    def http():
        k = R.random()
        if k < 0.6:
            m, p, s = "POST", "/loki/api/v1/push", pick(["204", "204", "204", "429", "400"])
        elif k < 0.85:
            m, p, s = "GET", pick(["/loki/api/v1/query_range", "/loki/api/v1/labels", "/loki/api/v1/series"]), pick(["200", "200", "400", "499"])
        else:
            m, p, s = "GET", pick(["/ready", "/metrics"]), pick(["200", "503"])
        return ev("traceID=<*> orgID=<*> msg=\"<*> <*> (<*>) <*>\"", hexid(16), pick(orgs), m, p, s, rand_go_duration(0.2, 9000))

    frontend_err = ["rpc error: code = Canceled desc = context canceled",
                    "rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while dialing: dial tcp 10.42.3.17:9095: connect: connection refused\"",
                    "rpc error: code = DeadlineExceeded desc = context deadline exceeded",
                    "frontend not connected"]
    flush_err = ["store put chunk: RequestCanceled: request context canceled",
                 "PutObject: googleapi: Error 503: We encountered an internal error. Please try again., backendError",
                 "context deadline exceeded",
                 "failed to put chunk: s3: SlowDown: Please reduce your request rate."]
    push_err = [("429", lambda o: "Ingestion rate limit exceeded for user %s (limit: %d bytes/sec) while attempting to ingest '%d' lines totaling '%d' bytes, reduce log volume or contact your Loki administrator to see if the limit can be increased"
                 % (o, 4194304, R.randint(200, 9000), R.randint(2 * 10 ** 6, 9 * 10 ** 6))),
                ("400", lambda o: "entry for stream '{app=\"%s\", namespace=\"%s\"}' has timestamp too old: 2026-12-14T0%d:%02d:%02dZ, oldest acceptable timestamp is: 2026-12-14T05:00:00Z"
                 % (pick(apps), pick(nss), R.randint(0, 4), R.randint(0, 59), R.randint(0, 59))),
                ("400", lambda o: "stream '{app=\"%s\"}' has %d label names; limit 15" % (pick(apps), R.randint(16, 24))),
                ("429", lambda o: "Per stream rate limit exceeded (limit: 3MB/sec) while attempting to ingest '%d' lines totaling '%d' bytes" % (R.randint(50, 900), R.randint(10 ** 5, 9 * 10 ** 6)))]
    storage_err = ["failed to load chunk 'shop/%s:18c2f%s:18c30%s:%s': not found",
                   "context canceled",
                   "query timed out after 2m0s"]

    def push():
        o = pick(orgs)
        code, f = pick(push_err)
        return ev("org_id=<*> msg=\"push request failed\" code=<*> err=\"<*>\"", o, code, logfmt_q(f(o)))

    def table():
        return "index_%d" % R.randint(20430, 20436)

    def storage():
        e = pick(storage_err)
        if "%s" in e:
            e = e % (hexid(16), hexid(6), hexid(6), hexid(8))
        return ev("msg=\"error querying storage\" err=\"<*>\"", logfmt_q(e))

    events = [
        (84, ("info", "metrics.go:159"), stats),
        (50, ("info", "flush.go:167"), lambda: ev("msg=\"flushing stream\" component=ingester org_id=<*> fp=<*> immediate=<*> num_chunks=<*> labels=\"<*>\"",
                                                  pick(orgs), hexid(16), pick(["false", "false", "true"]), num(1, 12), labels())),
        (34, ("debug", "logging.go:85"), http),
        (28, ("warn", "frontend_processor.go:69"), lambda: ev("msg=\"error notifying frontend about finished query\" err=\"<*>\" frontend=<*>",
                                                              logfmt_q(pick(frontend_err)), "10.42.%d.%d:9095" % (R.randint(0, 7), R.randint(2, 250)))),
        (22, ("info", "table_manager.go:136"), lambda: ev("msg=\"uploading table\" table=<*>", table())),
        (18, ("info", "checkpoint.go:498"), lambda: ev("msg=\"checkpoint done\" time=<*>", rand_go_duration(40, 30000))),
        (16, ("error", "flush.go:128"), lambda: ev("msg=\"failed to flush chunks\" err=\"<*>\" num_chunks=<*> user=<*>",
                                                   logfmt_q(pick(flush_err)), num(1, 40), pick(orgs))),
        (12, ("warn", "push.go:136"), push),
        (10, ("info", "compactor.go:523"), lambda: ev("msg=\"started compacting table\" table-name=<*>", table())),
        (8, ("info", "compactor.go:523"), lambda: ev("msg=\"finished compacting table\" table-name=<*>", table())),
        (6, ("warn", "lifecycler.go:913"), lambda: ev("msg=\"instance is not ready\" ring=<*> state=<*>",
                                                      pick(["ingester", "compactor", "scheduler"]), pick(["JOINING", "LEAVING", "PENDING"]))),
        (5, ("info", "table_manager.go:136"), lambda: ev("msg=\"uploading table\" table=<*> tenant=<*>", table(), pick(orgs))),
        (4, ("error", "series_store.go:382"), storage),
        (3, ("info", "main.go:132"), lambda: ev("msg=\"Loki started\"")),
    ]

    def render(tag, content):
        level, caller = tag
        return "level=%s ts=%s caller=%s %s" % (level, c.rfc3339nano(), caller, content)
    write("Loki", c, events, render)


# ------------------------------------------------------------------------------------------
# 5. Tekton Pipelines controller, zap JSON (production encoder keys), one object a line:
#    `{"level":"info","ts":1765706400.1234567,"logger":"tekton-pipelines-controller",
#    "caller":"taskrun/taskrun.go:245","msg":"...", <fields>}`; `ts` is zap's epoch seconds
#    float; fields after `msg`: `commit` and the knative ones (`knative.dev/controller`,
#    `knative.dev/kind`, `knative.dev/traceid`, `knative.dev/key`); error records add `error`
#    and a `stacktrace` string. zap escapes only `"`, `\` and control characters (no HTML
#    escaping). Content is the `msg` value, JSON-decoded.
def tekton_line_message(line):
    return json.loads(line)["msg"]


def tekton():
    c = Clock()
    commit = hexid(7)
    nss = ["ci", "release", "team-web", "data-eng"]
    pipelines = ["build-api", "release-web", "nightly-etl", "pr-check", "docs-site"]
    tasks = ["fetch-source", "build-image", "run-tests", "push-image", "deploy", "lint"]
    ctrl = {"TaskRun": "github.com.tektoncd.pipeline.pkg.reconciler.taskrun.Reconciler",
            "PipelineRun": "github.com.tektoncd.pipeline.pkg.reconciler.pipelinerun.Reconciler"}

    def prun():
        return "%s-run-%s" % (pick(pipelines), lower_alnum(5))

    def trun():
        return "%s-%s" % (prun(), pick(tasks))

    state = {}

    def keyed(kind, ns, name):
        state["kind"], state["key"] = kind, "%s/%s" % (ns, name)

    def queue():
        kind = pick(["TaskRun", "TaskRun", "PipelineRun"])
        ns, name = pick(nss), trun() if kind == "TaskRun" else prun()
        keyed(kind, ns, name)
        return ev("Adding to queue <*> (depth: <*>)", "%s/%s" % (ns, name), pick(["1", "1", "1", "2", "3", "5"]))

    def succeeded():
        kind = pick(["TaskRun", "PipelineRun"])
        keyed(kind, pick(nss), trun() if kind == "TaskRun" else prun())
        return ev("Reconcile succeeded")

    tr_conds = [("True", "Succeeded", "All Steps have completed executing"),
                ("False", "Failed", "\"step-build\" exited with code 1"),
                ("Unknown", "Running", "Not all Steps in the Task have finished executing"),
                ("Unknown", "Pending", "pod status \"Initialized\":\"False\"; message: \"containers with incomplete status: [prepare place-scripts]\""),
                ("False", "TaskRunTimeout", "TaskRun \"%s\" failed to finish within \"1h0m0s\"")]
    pr_conds = [("True", "Succeeded", "Tasks Completed: %d (Failed: 0, Cancelled 0), Skipped: 0"),
                ("Unknown", "Running", "Tasks Completed: %d (Failed: 0, Cancelled 0), Incomplete: 2, Skipped: 0"),
                ("False", "Failed", "Tasks Completed: %d (Failed: 1, Cancelled 0), Skipped: 1"),
                ("False", "Cancelled", "PipelineRun \"%s\" was cancelled")]

    def reconciled(kind):
        def gen():
            ns = pick(nss)
            if kind == "TaskRun":
                name = trun()
                st, reason, msg = pick(tr_conds)
                msg = msg % name if "%s" in msg else msg
            else:
                name = prun()
                st, reason, msg = pick(pr_conds)
                msg = msg % name if "%s" in msg else (msg % R.randint(1, 6) if "%d" in msg else msg)
            keyed(kind, ns, name)
            return ev("Successfully reconciled %s <*>/<*> with status: &apis.Condition{Type:\"Succeeded\", Status:\"<*>\", Severity:\"\", Reason:\"<*>\", Message:\"<*>\"}" % kind.lower(),
                      ns, name, st, reason, msg.replace("\\", "\\\\").replace("\"", "\\\""))
        return gen

    def creating(with_attempt):
        def gen():
            ns, pr, t = pick(nss), prun(), pick(tasks)
            keyed("PipelineRun", ns, pr)
            if with_attempt:
                return ev("Creating a new TaskRun object <*> for pipeline task <*> (attempt <*>)", "%s-%s-retry%d" % (pr, t, R.randint(1, 2)), t, num(2, 3))
            return ev("Creating a new TaskRun object <*> for pipeline task <*>", "%s-%s" % (pr, t), t)
        return gen

    def pod_fail():
        ns, tr = pick(nss), trun()
        keyed("TaskRun", ns, tr)
        pod = tr + "-pod"
        err = pick(["pods \"%s\" is forbidden: exceeded quota: compute-resources, requested: limits.cpu=2, used: limits.cpu=%d, limited: limits.cpu=8" % (pod, R.randint(7, 8)),
                    "admission webhook \"validation.gatekeeper.sh\" denied the request: [require-team-label] you must provide labels: {\"team\"}",
                    "serviceaccounts \"%s\" not found" % pick(["builder", "pipeline-sa"]),
                    "pods \"%s\" already exists" % pod])
        return ev("Failed to create task run pod for taskrun \"<*>\": <*>", tr, err)

    def conflict():
        ns, tr = pick(nss), trun()
        keyed("TaskRun", ns, tr)
        return ev("Tried to update TaskRun labels and annotations but got error: Operation cannot be fulfilled on taskruns.tekton.dev \"<*>\": the object has been modified; please apply your changes to the latest version and try again", tr)

    def missing():
        ns, pr = pick(nss), prun()
        keyed("PipelineRun", ns, pr)
        return ev("PipelineRun <*>/<*> is missing parameters required by Pipeline <*>: [<*>]", ns, pr, pr.split("-run-")[0],
                  pick(["git-url", "git-url revision", "image-tag", "revision", "git-url revision image-tag"]))

    def affinity():
        ns, pr = pick(nss), prun()
        keyed("PipelineRun", ns, pr)
        return ev("Deleted affinity assistant StatefulSet <*> for PipelineRun <*>/<*>", "affinity-assistant-" + hexid(10), ns, pr)

    def timed_out():
        ns, tr = pick(nss), trun()
        keyed("TaskRun", ns, tr)
        return ev("TaskRun <*>/<*> timed out after <*>", ns, tr, pick(["1h0m0s", "10m0s", "30m0s", "2h0m0s", "1h30m0s"]))

    pods = ["tekton-pipelines-controller-%s-%s" % (hexid(9), lower_alnum(5)) for _ in range(2)]
    leases = ["tekton-pipelines-controller.github.com.tektoncd.pipeline.pkg.reconciler.taskrun.reconciler.00-of-01",
              "tekton-pipelines-controller.github.com.tektoncd.pipeline.pkg.reconciler.pipelinerun.reconciler.00-of-01",
              "tekton-pipelines-controller.knative.dev.pkg.leaderelection.00-of-01"]
    lead_started = Cycle([(p, l) for p in pods for l in leases])
    lead_stopped = Cycle([(p, l) for p in pods for l in leases])

    def leading(word, cyc):
        def gen():
            state["kind"] = None
            return ev("\"<*>\" has %s leading \"<*>\"" % word, *cyc())
        return gen

    resolve_err = Cycle(["error requesting remote resource: error getting \"Git\" \"ci/git-%s\": failed to clone repository: authentication required" % lower_alnum(5),
                         "error requesting remote resource: resolution took longer than global timeout of 1m0s",
                         "error requesting remote resource: error getting \"Bundles\" \"ci/bundles-%s\": could not find object in image with kind: pipeline and name: %s" % (lower_alnum(5), pick(pipelines))])

    def resolve():
        ns, pr = pick(nss), prun()
        keyed("PipelineRun", ns, pr)
        return ev("Failed to resolve pipeline <*>: <*>", pr.split("-run-")[0], resolve_err())

    events = [
        (74, ("debug", "controller/controller.go:550"), queue),
        (50, ("info", "controller/controller.go:579"), succeeded),
        (34, ("info", "taskrun/taskrun.go:245"), reconciled("TaskRun")),
        (28, ("info", "pipelinerun/pipelinerun.go:227"), reconciled("PipelineRun")),
        (22, ("info", "pipelinerun/pipelinerun.go:912"), creating(False)),
        (18, ("error", "taskrun/taskrun.go:581"), pod_fail),
        (16, ("warn", "taskrun/taskrun.go:289"), conflict),
        (14, ("warn", "pipelinerun/pipelinerun.go:441"), missing),
        (12, ("info", "pipelinerun/affinity_assistant.go:171"), affinity),
        (10, ("warn", "taskrun/taskrun.go:203"), timed_out),
        (8, ("info", "leaderelection/context.go:156"), leading("started", lead_started)),
        (6, ("info", "leaderelection/context.go:163"), leading("stopped", lead_stopped)),
        (5, ("info", "pipelinerun/pipelinerun.go:912"), creating(True)),
        (3, ("error", "pipelinerun/pipelinerun.go:372"), resolve),
    ]
    stack = {"taskrun": "github.com/tektoncd/pipeline/pkg/reconciler/taskrun.(*Reconciler).ReconcileKind\n\tgithub.com/tektoncd/pipeline/pkg/reconciler/taskrun/taskrun.go:201\n"
                        "github.com/tektoncd/pipeline/pkg/client/injection/reconciler/pipeline/v1/taskrun.(*reconcilerImpl).Reconcile\n\tgithub.com/tektoncd/pipeline/pkg/client/injection/reconciler/pipeline/v1/taskrun/reconciler.go:236\n"
                        "knative.dev/pkg/controller.(*Impl).processNextWorkItem\n\tknative.dev/pkg@v0.0.0-20241203095322-f4a4b4f6c0a1/controller/controller.go:542",
             "pipelinerun": "github.com/tektoncd/pipeline/pkg/reconciler/pipelinerun.(*Reconciler).ReconcileKind\n\tgithub.com/tektoncd/pipeline/pkg/reconciler/pipelinerun/pipelinerun.go:268\n"
                            "knative.dev/pkg/controller.(*Impl).processNextWorkItem\n\tknative.dev/pkg@v0.0.0-20241203095322-f4a4b4f6c0a1/controller/controller.go:542"}

    def render(tag, content):
        level, caller = tag
        d = {"level": level, "ts": c.epoch_float(), "logger": "tekton-pipelines-controller", "caller": caller, "msg": content,
             "commit": commit}
        if state.get("kind"):
            d["knative.dev/controller"] = ctrl[state["kind"]]
            d["knative.dev/kind"] = "tekton.dev." + state["kind"]
            d["knative.dev/traceid"] = uuid()
            d["knative.dev/key"] = state["key"]
        if level == "error":
            d["error"] = content.split(": ", 1)[1]
            d["stacktrace"] = stack[caller.split("/")[0]]
        return json.dumps(d, ensure_ascii=False, separators=(",", ":"))
    write("Tekton", c, events, render, extract=tekton_line_message)


# ------------------------------------------------------------------------------------------
# 6. CUPS scheduler `error_log`, default format `E [14/Dec/2026:10:00:00 +0000] message`
#    (level letter, LogTimeFormat standard, time in UTC here); `LogLevel info`, so the letters
#    seen are E, W, N, I. Content is what follows `] `.
def cups():
    c = Clock()
    printers = ["Office", "Reception_Laser", "Plotter-A0", "Lab_Color", "Warehouse-Zebra"]
    users = ["ana", "marek", "ingrid", "tobias", "ruth", "kofi", "reception"]
    filters = ["/usr/lib/cups/filter/pdftopdf", "/usr/lib/cups/filter/gstoraster", "/usr/lib/cups/filter/rastertopwg",
               "/usr/lib/cups/filter/foomatic-rip", "/usr/lib/cups/filter/pstops"]
    backends = ["/usr/lib/cups/backend/ipp", "/usr/lib/cups/backend/socket", "/usr/lib/cups/backend/usb", "/usr/lib/cups/backend/lpd"]

    def job():
        return num(1200, 1599)

    def ipp_ret():
        k = pick([("client-error-not-found", "Get-Job-Attributes", "ipp://localhost/jobs/%s" % job()),
                  ("client-error-not-possible", "Create-Job", "ipp://localhost/printers/%s" % pick(printers)),
                  ("client-error-forbidden", "CUPS-Add-Modify-Printer", "ipp://localhost/printers/%s" % pick(printers)),
                  ("client-error-not-authorized", "Cancel-Job", "ipp://localhost:631/jobs/%s" % job()),
                  ("server-error-not-accepting-jobs", "Print-Job", "ipp://printsrv.example.net:631/printers/%s" % pick(printers))])
        return ev("[Client <*>] Returning IPP <*> for <*> (<*>) from <*>.", num(1, 400), k[0], k[1], k[2],
                  pick(["localhost", "10.30.0.41", "10.30.1.12", "[v1.::1]", "10.30.2.33"]))

    def stopped():
        p = R.random()
        prog = pick(filters) if p < 0.6 else pick(backends)
        return ev("[Job <*>] PID <*> (<*>) stopped with status <*>.", job(), num(3000, 60000), prog, pick(["1", "1", "2", "4", "9"]))

    saves = Cycle(["printers.conf", "subscriptions.conf", "job.cache", "classes.conf"])
    listen_err = Cycle([("[v1.::1]:631", "Cannot assign requested address"), ("0.0.0.0:631", "Address already in use"),
                        ("/run/cups/cups.sock", "Address already in use")])
    pam = Cycle([("7", "Authentication failure"), ("10", "User not known to the underlying authentication module"), ("7", "Authentication failure")])
    directives = Cycle([("PageLogFormat", "41"), ("SystemGroupe", "23"), ("MaxJobTime", "12")])

    events = [
        (80, "I", lambda: ev("[Job <*>] Queued on \"<*>\" by \"<*>\".", job(), pick(printers), pick(users))),
        (52, "I", lambda: ev("[Job <*>] Started filter <*> (PID <*>)", job(), pick(filters), num(3000, 60000))),
        (38, "I", lambda: ev("[Job <*>] Started backend <*> (PID <*>)", job(), pick(backends), num(3000, 60000))),
        (28, "I", lambda: ev("[Job <*>] Job completed.", job())),
        (22, "W", ipp_ret),
        (18, "E", stopped),
        (16, "I", lambda: ev("[Job <*>] PID <*> (<*>) exited with no errors.", job(), num(3000, 60000), pick(filters + backends))),
        (12, "E", lambda: ev("[Job <*>] Backend returned status <*> (<*>)", job(),
                             *pick([("1", "failed"), ("4", "stop printer"), ("6", "retry"), ("2", "authentication required"), ("5", "cancel job")]))),
        (10, "W", lambda: ev("[Job <*>] Job stopped.", job())),
        (8, "I", lambda: ev("Saving <*>...", saves())),
        (6, "N", lambda: ev("Expiring subscriptions...")),
        (4, "E", lambda: ev("Unable to open listen socket for address <*> - <*>.", *listen_err())),
        (3, "E", lambda: ev("[Client <*>] pam_authenticate() returned <*> (<*>)", num(1, 400), *pam())),
        (3, "W", lambda: ev("Unknown directive <*> on line <*> of /etc/cups/cupsd.conf.", *directives())),
    ]

    def render(level, content):
        return "%s %s %s" % (level, c.cups(), content)
    write("Cups", c, events, render)


# ------------------------------------------------------------------------------------------
def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


# Per system: the header that must precede Content on every raw line (Tekton is JSON).
HEADERS = {
    "Bind": re.compile(r"[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d ns[12] named\[\d+\]: "),
    "Samba": re.compile(r"\[\d{4}/\d\d/\d\d \d\d:\d\d:\d\d\.\d{6}, [ \d]\d\] "),
    "Puppet": re.compile(r"[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d (web-07|web-08|db-02|build) puppet-agent\[\d+\]: "),
    "Loki": re.compile(r"level=(debug|info|warn|error) ts=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z caller=[a-z_]+\.go:\d+ "),
    "Cups": re.compile(r"[EWNIDCA] \[\d\d/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d:\d\d \+0000\] "),
}


def self_check():
    """Reads every written file back and asserts the corpus invariants. Returns per-system
    event counts."""
    summary = {}
    for system in SYSTEMS:
        folder = os.path.join(HERE, system)
        with open(os.path.join(folder, system + ".log"), encoding="utf-8", newline="") as f:
            raw = f.read()
        assert raw.endswith("\n") and "\r" not in raw
        lines = raw[:-1].split("\n")
        assert len(lines) == LINES, (system, len(lines))
        with open(os.path.join(folder, system + ".log_structured.csv"), encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], system
        rows = rows[1:]
        assert len(rows) == LINES, (system, len(rows))
        templates, counts, slots = {}, {}, {}
        for i, (row, line) in enumerate(zip(rows, lines)):
            assert len(row) == 4, (system, row)
            line_id, content, event_id, template = row
            assert line_id == str(i + 1), (system, line_id)
            assert re.fullmatch(r"E[0-9]+", event_id), (system, event_id)
            assert content and content == content.strip(), (system, i + 1)
            if system == "Tekton":
                obj = json.loads(line)
                assert list(obj)[:5] == ["level", "ts", "logger", "caller", "msg"], (system, i + 1)
                assert obj["msg"] == content, (system, i + 1)
                assert isinstance(obj["ts"], float), (system, i + 1)
                assert line == json.dumps(obj, ensure_ascii=False, separators=(",", ":")), (system, i + 1)
            else:
                assert line.endswith(content), (system, i + 1)
                assert HEADERS[system].fullmatch(line[:len(line) - len(content)]), (system, i + 1, line)
            assert "<*><*>" not in template, (system, template)
            m = template_regex(template).fullmatch(content)
            assert m, (system, i + 1, template, content)
            assert templates.setdefault(event_id, template) == template, (system, event_id)
            counts[event_id] = counts.get(event_id, 0) + 1
            seen = slots.setdefault(event_id, [set() for _ in m.groups()])
            for s, v in zip(seen, m.groups()):
                s.add(v)
        assert len(set(templates.values())) == len(templates), system
        assert 13 <= len(counts) <= 14, (system, len(counts))
        assert min(counts.values()) >= 2, (system, counts)
        assert sum(1 for n in counts.values() if 2 <= n <= 10) >= 3, (system, counts)
        top = sorted(counts.values(), reverse=True)
        assert top[0] >= 3 * top[len(top) // 2], (system, counts)  # skewed frequencies
        for event_id, seen in slots.items():
            for j, s in enumerate(seen):
                assert len(s) >= 2, (system, event_id, "slot %d" % (j + 1), s)
        summary[system] = dict(sorted(counts.items(), key=lambda kv: int(kv[0][1:])))
    return summary


def check_clock_order():
    """Timestamps never go back: the header times, read back in a sortable form."""
    def syslog_key(l):
        p = l.split()
        return "%02d-%02d %s" % (MONTHS.index(p[0]) + 1, int(p[1]), p[2])

    def loki_key(l):
        m = re.match(r"level=\w+ ts=(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z ", l)
        assert m, l
        return m.group(1) + "." + (m.group(2) or "").ljust(9, "0")

    def cups_key(l):
        m = re.match(r"[A-Z] \[(\d\d)/([A-Z][a-z]{2})/(\d{4}):(\d\d:\d\d:\d\d) ", l)
        return "%s-%02d-%s %s" % (m.group(3), MONTHS.index(m.group(2)) + 1, m.group(1), m.group(4))

    parsers = {
        "Bind": syslog_key,
        "Samba": lambda l: l[1:27],
        "Puppet": syslog_key,
        "Loki": loki_key,
        "Tekton": lambda l: json.loads(l)["ts"],
        "Cups": cups_key,
    }
    for system, key in parsers.items():
        with open(os.path.join(HERE, system, system + ".log"), encoding="utf-8") as f:
            stamps = [key(l) for l in f.read().splitlines()]
        assert len(stamps) == LINES, system
        assert stamps == sorted(stamps), system


if __name__ == "__main__":
    bind()
    samba()
    puppet()
    loki()
    tekton()
    cups()
    check_clock_order()
    for system, counts in self_check().items():
        print("%-7s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self_check OK")
