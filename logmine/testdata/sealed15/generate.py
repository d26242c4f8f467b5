#!/usr/bin/env python3
"""Writes Sealed 15, a sealed (blind), labelled log corpus (see README.md beside this file).

Six systems, 300 lines each: Kamailio, Immich, Syncthing, Wazuh, Pacemaker, LSF. Every line is
made here from event formats written for this corpus, following each program's default log
layout (written from memory), with values from the generators of this file. No line, template or
value list is copied from a real log or data set; the messages are invented in each project's
style. Nothing here was run through a template miner or log parser.

Deterministic: fixed seed 20261221, integer clock (whole seconds) starting on 2026-12-17, no
dependence on locale or wall time; `python3 generate.py` rewrites the same files. Each system gets
`<System>/<System>.log` (the raw lines, header included) and `<System>/<System>.log_structured.csv`
(LineId, Content, EventId, EventTemplate).

Ground truth (Loghub style): each event format is written directly as its template; every `<*>`
is filled with one generated value. A value that holds spaces is one `<*>`; punctuation around a
value stays literal; a unit that never changes in a slot stays literal; printf padding belongs to
the value it pads; text that never changes within an event type stays literal. Every slot takes
at least two values within its event type (asserted while writing and again on read-back).
"""
import calendar
import csv
import os
import random
import re
import time

SEED = 20261221
R = random.Random(SEED)
LINES = 300
MIN_EVENTS, MAX_EVENTS = 12, 15
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["Kamailio", "Immich", "Syncthing", "Wazuh", "Pacemaker", "LSF"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DAY = calendar.timegm((2026, 12, 17, 0, 0, 0))


# ------------------------------------------------------------------------------------------
# Value helpers.
def pick(seq):
    return R.choice(seq)


def hexs(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def uuid4():
    h = hexs(32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], R.choice("89ab"), h[17:20], h[20:])


def go_duration(ns):
    """Go's time.Duration.String()."""
    if ns < 1000:
        return "%dns" % ns
    if ns < 10 ** 6:
        unit, div, prec = "\u00b5s", 10 ** 3, 3
    elif ns < 10 ** 9:
        unit, div, prec = "ms", 10 ** 6, 6
    elif ns < 60 * 10 ** 9:
        unit, div, prec = "s", 10 ** 9, 9
    else:
        s_total = ns // 10 ** 9
        h, rest = divmod(s_total, 3600)
        m, s = divmod(rest, 60)
        return ("%dh%dm%ds" % (h, m, s)) if h else ("%dm%ds" % (m, s))
    whole, frac = divmod(ns, div)
    f = ("%0*d" % (prec, frac)).rstrip("0")
    return "%d%s%s" % (whole, "." + f if f else "", unit)


def human_size(n, units=("B", "KiB", "MiB", "GiB", "TiB")):
    v, i = float(n), 0
    while v >= 1024 and i < len(units) - 1:
        v /= 1024.0
        i += 1
    return ("%d %s" % (v, units[i])) if i == 0 else ("%.1f %s" % (v, units[i]))


class Cycle:
    """Draws from a pool in seeded shuffled rounds, so two draws in a row differ."""

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
    """Integer clock in whole seconds (UTC), starting on 2026-12-17."""

    def __init__(self, lo_h=7, hi_h=10):
        self.t = DAY + R.randint(lo_h * 3600, hi_h * 3600)

    def tick(self, lo, hi):
        self.t += R.randint(lo, hi)

    def g(self, t=None):
        return time.gmtime(self.t if t is None else t)


def syslog_stamp(t):
    g = time.gmtime(t)
    return "%s %2d %02d:%02d:%02d" % (MONTHS[g.tm_mon - 1], g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec)


def hms(t):
    g = time.gmtime(t)
    return "%02d:%02d:%02d" % (g.tm_hour, g.tm_min, g.tm_sec)


# ------------------------------------------------------------------------------------------
# Filling a template and writing a system.
def fill(template, values, padded=False):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        assert isinstance(v, str) and v.strip(), (template, values)
        assert "\n" not in v and "\r" not in v and "\t" not in v, (template, values)
        assert padded or v == v.strip(), (template, values)
        out += [v, p]
    return "".join(out)


def emit(system, n_events, items):
    """items: (k, header, content, template, values) in file order."""
    assert len(items) == LINES, (system, len(items))
    assert MIN_EVENTS <= n_events <= MAX_EVENTS, system
    rows, raw, templates, seen = [], [], {}, {}
    for i, (k, header, content, template, values) in enumerate(items):
        assert templates.setdefault(k, template) == template, (system, k)
        assert content and content == content.strip(), (system, content)
        line = header + content
        assert "\n" not in line and "\r" not in line, (system, line)
        rows.append([i + 1, content, "E%d" % (k + 1), template])
        raw.append(line)
        sl = seen.setdefault(k, [set() for _ in values])
        assert len(sl) == len(values), (system, template)
        for s, v in zip(sl, values):
            s.add(v)
    assert sorted(templates) == list(range(n_events)), (system, sorted(templates))
    assert len(set(templates.values())) == n_events, system
    for k, sl in seen.items():
        for j, s in enumerate(sl):
            assert len(s) >= 2, (system, "E%d" % (k + 1), "slot %d" % (j + 1), s)
    folder = os.path.join(HERE, system)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, system + ".log"), "w", newline="", encoding="utf-8") as f:
        f.write("\n".join(raw) + "\n")
    with open(os.path.join(folder, system + ".log_structured.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


def shuffled(system, clock, events, header, step=(0, 4)):
    """A seeded shuffle of event lines. events: list of (count, template, gen, hdr[, padded]);
    gen() -> tuple of values; header(hdr, t) -> the raw header (may draw per-line fields)."""
    order = [k for k, e in enumerate(events) for _ in range(e[0])]
    assert len(order) == LINES, (system, len(order))
    R.shuffle(order)
    items = []
    for k in order:
        e = events[k]
        clock.tick(*step)
        values = tuple(str(v) for v in e[2]())
        padded = len(e) > 4 and e[4]
        content = fill(e[1], values, padded)
        items.append((k, header(e[3], clock.t), content, e[1], values))
    emit(system, len(events), items)


def topup(events):
    """Sets the first event's count so that the counts sum to LINES."""
    rest = sum(e[0] for e in events[1:])
    events[0] = (LINES - rest,) + tuple(events[0][1:])
    return events


# ------------------------------------------------------------------------------------------
# 1. Kamailio, logging to syslog (the packaged systemd service runs it with log_stderror=no),
#    as rsyslog writes /var/log/syslog in the traditional format:
#    `Dec 17 08:12:03 sbc-edge-02 /usr/sbin/kamailio[2318]: INFO: <script>: message`
#    Script (xlog) lines carry `<script>: `, core lines `<core> [core/file.c:line]: func(): `,
#    module lines `module [file.c:line]: func(): `. Each SIP worker is its own process, so the pid
#    varies per line. Content is what follows that prefix.
def kamailio():
    host = "sbc-edge-02"
    main_pid = R.randint(2100, 2200)
    workers = [main_pid + i for i in range(3, 15)]
    domains = ["voip.lindenfeld.example", "pbx.harbourline.example", "sip.kestrel-tel.example"]
    users = ["1001", "1002", "1007", "1014", "1020", "2031", "2044", "frontdesk", "m.ortega", "conf-room-b",
             "+4930556671", "+441632960418", "fax-lab", "ivr"]
    pub = ["198.51.100.%d" % i for i in (7, 23, 41, 88, 130, 201)] + ["203.0.113.%d" % i for i in (5, 19, 62, 144)]
    priv = ["10.40.%d.%d" % (a, b) for a, b in ((1, 12), (1, 31), (2, 7), (3, 240), (7, 18))]

    def user_uri():
        return "sip:%s@%s" % (pick(users), pick(domains))

    def src():
        r = R.random()
        if r < 0.12:
            return "[2001:db8:4a::%x]:%d" % (R.randint(2, 4000), pick([5060, 5061]))
        port = pick([5060, 5060, 5061, R.randint(10000, 65000)])
        return "%s:%d" % (pick(pub + priv), port)

    def callid():
        r = R.random()
        if r < 0.4:
            return "%s@%s" % (hexs(24), pick(pub + priv))
        if r < 0.7:
            return uuid4()
        if r < 0.9:
            return "%s-%s@%s" % (hexs(8), R.randint(1000, 99999), pick(["pbx01", "softphone", "10.40.1.12"]))
        return "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(22)) + ".."

    def contact(u):
        r = R.random()
        if r < 0.4:
            return "sip:%s@%s:%d" % (u, pick(pub), R.randint(1024, 65000))
        if r < 0.7:
            return "sip:%s@%s:%d;transport=tcp;ob" % (u, pick(priv), R.randint(1024, 65000))
        if r < 0.85:
            return "sip:%s@[2001:db8:4a::%x]:5060;transport=tls" % (u, R.randint(2, 4000))
        return "sips:%s@%s:5061;rinstance=%s;transport=tls" % (u, pick(pub), hexs(16))

    uas = ["Zoiper rv2.10.20.6", "Linphone/5.2.4 (belle-sip/5.2.4)", "Yealink SIP-T54W 96.86.0.100",
           "Grandstream GXP2170 1.0.11.74", "MicroSIP/3.21.3", "\"Bria 6\" release 6.5.2 stamp 109004",
           "PolycomVVX-VVX_450-UA/6.4.3.5018", "FPBX-16.0.40(18.20.0)", "Cisco/SPA504G-7.6.2f",
           "Obihai/OBi200-3.2.2 (Build: 8680EX), \"lab unit\""]
    methods = ["INVITE", "INVITE", "INVITE", "OPTIONS", "MESSAGE", "SUBSCRIBE", "NOTIFY", "REFER", "INFO"]
    replies = [("180", "Ringing"), ("183", "Session Progress"), ("200", "OK"), ("200", "OK"), ("486", "Busy Here"),
               ("487", "Request Terminated"), ("404", "Not Found"), ("603", "Decline"), ("408", "Request Timeout")]
    clock = Clock()

    def ruri():
        if R.random() < 0.3:
            return "sip:%s@%s;user=phone" % (pick(["+4930556671", "+4989213400", "+12025550143", "+33170369812"]), pick(domains))
        return user_uri()

    def acc_answered():
        m = pick(["INVITE", "INVITE", "BYE", "MESSAGE"])
        code, reason = ("202", "Accepted") if m == "MESSAGE" and R.random() < 0.6 else ("200", "OK")
        return (clock.t, m, hexs(10), hexs(8), callid(), code, reason, pick(users), pick(domains), src().rsplit(":", 1)[0])

    missed = Cycle([("486", "Busy Here"), ("487", "Request Terminated"), ("480", "Temporarily Unavailable"),
                    ("404", "Not Found"), ("503", "Service Unavailable"), ("408", "Request Timeout")])

    def acc_missed():
        code, reason = missed()
        return (clock.t, hexs(10), hexs(8), callid(), code, reason, pick(users), pick(domains), pick(pub))

    probe = Cycle(["408 Request Timeout", "503 Service Unavailable",
                   "transport error", "no reply within 2 seconds, fr_timer fired, destination kept in probing mode",
                   "500 Server Internal Error (db pool exhausted)"])
    gws = Cycle(["sip:10.40.7.18:5060", "sip:10.40.7.19:5060", "sip:gw2.carrier-a.example:5060;transport=tcp",
                 "sip:[2001:db8:4a::e1]:5060"])
    errnos = Cycle([("111", "Connection refused"), ("110", "Connection timed out"), ("113", "No route to host"),
                    ("104", "Connection reset by peer")])
    sanity = Cycle(["Max-Forwards header missing", "Via: malformed branch parameter, z9hG4bK cookie absent",
                    "Content-Length mismatch (declared 412, got 389)", "bad CSeq",
                    "R-URI scheme \"tel\" not allowed: only sip, sips"])

    ds_set, ds_state = Cycle(["1", "2"]), Cycle(["inactive", "active", "probing"])
    pike_block, n_dst = Cycle(["300", "900"]), Cycle(["1", "2", "3"])

    def errno_line():
        e = errnos()
        return (src(), e[0], e[1])

    SCRIPT = ("INFO", "<script>: ")
    events = topup([
        (0, "<*> <*> from <*> to <*> src=<*> cid=<*>", lambda: (pick(methods), ruri(), user_uri(), user_uri(), src(), callid()), SCRIPT),
        (52, "REGISTER <*> contact=<<*>> expires=<*> ua=\"<*>\"",
         lambda: (lambda u: ("sip:%s@%s" % (u, pick(domains)), contact(u), pick(["3600", "600", "300", "120", "0"]), pick(uas)))(pick(users)), SCRIPT),
        (38, "<*>: <*> <*> reply for <*>", lambda: (callid(),) + pick(replies) + (pick(["INVITE", "INVITE", "BYE", "MESSAGE"]),), SCRIPT),
        (26, "digest auth accepted for <*>@<*> from <*>", lambda: (pick(users), pick(domains), src()), ("NOTICE", "<script>: ")),
        (21, "ACC: transaction answered: timestamp=<*>;method=<*>;from_tag=<*>;to_tag=<*>;call_id=<*>;code=<*>;reason=<*>;"
             "src_user=<*>;src_domain=<*>;src_ip=<*>", acc_answered, ("NOTICE", "acc [acc.c:279]: acc_log_request(): ")),
        (12, "digest auth rejected for <*>@<*> from <*>", lambda: (pick(users + ["admin", "test", "100"]), pick(domains), src()),
         ("WARNING", "<script>: ")),
        (10, "ACC: call missed: timestamp=<*>;method=INVITE;from_tag=<*>;to_tag=<*>;call_id=<*>;code=<*>;reason=<*>;"
             "src_user=<*>;src_domain=<*>;src_ip=<*>", acc_missed, ("NOTICE", "acc [acc.c:279]: acc_log_request(): ")),
        (9, "connect to <*> failed: (<*>) <*>", errno_line, ("ERROR", "<core> [core/tcp_main.c:1343]: tcpconn_connect(): ")),
        (7, "destination <*> in set <*> did not answer the probe: <*>", lambda: (gws(), ds_set(), probe()),
         ("WARNING", "dispatcher [dispatch.c:3341]: ds_options_callback(): ")),
        (6, "pike: flood from <*> (<*> requests), blocked for <*> seconds",
         lambda: (pick(pub), R.randint(41, 900), pike_block()), ("ALERT", "<script>: ")),
        (5, "destination <*> in set <*> is now <*>", lambda: (gws(), ds_set(), ds_state()),
         ("NOTICE", "dispatcher [dispatch.c:2877]: ds_set_state(): ")),
        (4, "sanity check failed for <*> from <*>: <*>", lambda: (callid(), src(), sanity()), ("WARNING", "<script>: ")),
        (4, "no branch could be relayed for <*> (<*> destinations tried)", lambda: (callid(), n_dst()),
         ("ERROR", "tm [t_fwd.c:1761]: t_forward_nonack(): ")),
        (3, "destination list reloaded from database", lambda: (), ("NOTICE", "dispatcher [dispatch.c:1102]: ds_reload(): ")),
    ])

    def header(hdr, t):
        level, prefix = hdr
        pid = main_pid if hdr[1].startswith("dispatcher") and "reload" in hdr[1] else pick(workers)
        return "%s %s /usr/sbin/kamailio[%d]: %s: %s" % (syslog_stamp(t), host, pid, level, prefix)

    shuffled("Kamailio", clock, events, header, step=(0, 3))


# ------------------------------------------------------------------------------------------
# 2. Immich server (v1.1xx, one container running the Api and Microservices workers), default
#    NestJS ConsoleLogger on stdout as `docker logs immich_server` shows it (no colours):
#    `[Nest] 7  - 12/17/2026, 8:12:03 AM     LOG [Api:AlbumService] message`
#    pid per worker, `toLocaleString('en-US')` time (TZ=UTC), level padded to 7 characters,
#    `[Worker:Context] `. Content is what follows `] ` of the context.
def immich():
    api_pid, ms_pid = 7, R.randint(16, 40)
    emails = ["anna.berg@familie-berg.example", "tom.k@example.net", "admin@photos.lan", "ole@example.org",
              "mira+phone@example.com", "j.nakamura@example.jp"]
    lib = ["anna", "tom", "admin", "ole", "mira"]
    files = ["IMG_2041.HEIC", "PXL_20261216_181422391.jpg", "Screenshot 2026-12-16 at 21.04.33.png",
             "Oma's 80th \"surprise\" (1).jpg", "holiday - beach, day 2.mp4", "DSC_0912.NEF", "VID_20261215_090012.mov",
             "scan[03].tif", "IMG_0001 (Edited).jpg", "a.png"]
    versions = Cycle([("v1.125.0", "2026-12-09T15:02:44.000Z"), ("v1.125.1", "2026-12-12T09:41:17.000Z"),
                      ("v1.125.2", "2026-12-16T18:20:05.000Z")])
    albums = Cycle(["Summer 2026", "Kids \"best of\"", "Berlin, Prague & Vienna (roadtrip)", "Xmas",
                    "Wedding - Anna & Tom", "to sort"])
    meta_err = Cycle(["exiftool timed out", "Error: Invalid JPEG marker at offset 0x1f3a, file may be truncated",
                      "ENOENT: no such file or directory, open '/usr/src/app/upload/library/tom/2026/2026-12-01/IMG_7731.HEIC'",
                      "Unsupported file type", "Warning: [minor] Bad MakerNotes offset for Canon:Unknown0x4018 - "
                      "Error: Bad format (0) for IFD0 entry 0, and a 13 kB unparseable trailer"])
    thumb_err = Cycle(["Input file is missing", "VipsJpeg: Premature end of JPEG file",
                       "ffmpeg exited with code 1: Conversion failed!",
                       "heif: Error while loading plugin: Support for this compression format has not been built in (11.6003)",
                       "Timeout"])
    ml_err = Cycle(["fetch failed", "connect ECONNREFUSED 172.18.0.4:3003",
                    "The operation was aborted due to timeout", "Request to ML server failed: 500 Internal Server Error "
                    "(CUDA out of memory. Tried to allocate 2.00 GiB)"])
    ml_url = Cycle(["http://immich-machine-learning:3003/predict", "http://10.0.20.31:3003/predict"])
    thumb_kind = Cycle(["thumbnail", "preview"])
    login_reason = Cycle(["invalid password", "user not found", "OAuth state mismatch", "account disabled"])

    def path(u=None, name=None, dest=False):
        folder = pick(["2026/2026-12-%02d" % R.randint(1, 16), "2026/Trip to Rome", "2025/Family - Xmas 2025",
                       "2026/12", "Screenshots"]) if dest else "2026/2026-12-%02d" % R.randint(1, 16)
        return "/usr/src/app/upload/library/%s/%s/%s" % (u or pick(lib), folder, name or pick(files))

    def move():
        """From the upload folder (file named by its id) or from another library folder to the
        path the storage template gives it."""
        u, name = pick(lib), pick(files)
        asset = uuid4()
        if R.random() < 0.5:
            owner = uuid4()
            src = "/usr/src/app/upload/upload/%s/%s/%s/%s.%s" % (owner, owner[:2], owner[2:4], asset, name.rsplit(".", 1)[1].lower())
        else:
            src = path(u, name)
        return (asset, src, path(u, name, dest=True))

    def thumb():
        kind = pick(["thumbnail", "preview", "preview"])
        if kind == "thumbnail":
            w, h = pick([(250, 188), (250, 333), (250, 141)])
        else:
            w, h = pick([(1440, 1080), (1080, 1440), (1440, 810), (1440, 960)])
        return (kind, uuid4(), w, h, R.randint(18, 2400))

    paths = ["/api/assets/%s/thumbnail?size=thumbnail", "/api/assets/%s/thumbnail?size=preview",
             "/api/assets/%s/original", "/api/albums/%s", "/api/timeline/bucket?size=MONTH&timeBucket=2026-12-01T00%%3A00%%3A00.000Z&isArchived=false",
             "/api/server/ping", "/api/users/me", "/api/search/smart", "/api/assets", "/api/sync/delta-sync"]

    def request():
        p = pick(paths)
        if "%s" in p:
            p = p % uuid4()
        m = {"/api/search/smart": "POST", "/api/assets": "POST", "/api/sync/delta-sync": "POST"}.get(p, "GET")
        if p.startswith("/api/albums/") and R.random() < 0.4:
            m = pick(["PUT", "DELETE"])
        st = {"GET": pick(["200", "200", "200", "304", "404"]), "POST": pick(["200", "201", "400"]),
              "PUT": "200", "DELETE": "204"}[m]
        if R.random() < 0.05:
            st = pick(["401", "500"])
        return (m, p, st, R.randint(1, 1900))

    agents = ["Immich_Android_1.125.2", "Immich_iOS_1.125.2", "Immich_iOS_1.124.2",
              "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
              "immich-go/0.22.1 (linux; amd64)", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15"]

    def usage():
        photos, videos = R.randint(200, 48000), R.randint(0, 3100)
        return (pick(emails), photos + videos, photos, videos, human_size(R.randint(2 * 10 ** 9, 900 * 10 ** 9)),
                pick(["unlimited", "500.0 GiB", "1.0 TiB", "200.0 GiB"]))

    bad_user = Cycle(["admin' --", "guest user", "admin", "root@localhost", emails[1], emails[3]])

    def ip():
        return pick(["192.168.1.%d" % R.randint(2, 250), "::ffff:172.18.0.1", "203.0.113.%d" % R.randint(2, 250),
                     "2001:db8:77::%x" % R.randint(16, 4000)])

    A, M = "Api", "Microservices"
    events = topup([
        (0, "Generated <*> for asset <*> (<*>x<*>) in <*>ms", thumb, ("LOG", M, "MediaService")),
        (58, "<*> <*> <*> <*>ms", request, ("LOG", A, "LoggingInterceptor")),
        (27, "Uploaded \"<*>\" (<*>) as asset <*> for <*>",
         lambda: (pick(files), human_size(R.randint(40000, 900000000)), uuid4(), pick(emails)), ("LOG", A, "AssetMediaService")),
        (23, "<*> <*> <*> <*>ms \"<*>\"", lambda: request() + (pick(agents),), ("LOG", A, "LoggingInterceptor")),
        (17, "Moving asset <*> from <*> to <*>", move,
         ("LOG", M, "StorageTemplateService")),
        (15, "Detected <*> new faces in asset <*> (minScore=0.7)", lambda: (R.randint(1, 14), uuid4()), ("LOG", M, "PersonService")),
        (10, "Created album \"<*>\" (<*>) for <*>", lambda: (albums(), uuid4(), pick(emails)), ("LOG", A, "AlbumService")),
        (9, "Unable to extract metadata from <*>: <*>", lambda: (path(), meta_err()), ("WARN", M, "MetadataService")),
        (7, "Deleted album \"<*>\" (<*>) for <*>", lambda: (albums(), uuid4(), pick(emails)), ("LOG", A, "AlbumService")),
        (6, "Machine learning request to <*> failed: <*>", lambda: (ml_url(), ml_err()), ("ERROR", M, "MachineLearningRepository")),
        (6, "Rejected login for <*> from <*>: <*>", lambda: (bad_user(), ip(), login_reason()), ("WARN", A, "AuthService")),
        (5, "Storage usage for <*>: <*> assets (<*> photos, <*> videos), <*> of <*> used", usage, ("LOG", M, "StorageService")),
        (5, "Failed to generate <*> for asset <*>: <*>", lambda: (thumb_kind(), uuid4(), thumb_err()),
         ("ERROR", M, "MediaService")),
        (4, "Checking for new release", lambda: (), ("LOG", A, "VersionService")),
        (4, "Latest release is <*> (published <*>), running v1.125.1", versions, ("LOG", A, "VersionService")),
    ])

    def header(hdr, t):
        level, worker, ctx = hdr
        g = time.gmtime(t)
        h12 = g.tm_hour % 12 or 12
        stamp = "%02d/%02d/%04d, %d:%02d:%02d %s" % (g.tm_mon, g.tm_mday, g.tm_year, h12, g.tm_min, g.tm_sec,
                                                    "AM" if g.tm_hour < 12 else "PM")
        pid = api_pid if worker == A else ms_pid
        return "[Nest] %d  - %s %7s [%s:%s] " % (pid, stamp, level, worker, ctx)

    shuffled("Immich", Clock(8, 10), events, header, step=(0, 4))


# ------------------------------------------------------------------------------------------
# 3. Syncthing v1 default log on stdout (docker / `syncthing serve`), default `--logflags=2`
#    (time of day only): `[7QRNB] 08:12:03 INFO: message`. The prefix is the first five
#    characters of the local device ID; lines from the monitor process carry `[monitor]`.
#    Levels INFO and WARNING. Content is what follows `INFO: ` / `WARNING: `.
def syncthing():
    b32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"

    def dev():
        return "-".join("".join(R.choice(b32) for _ in range(7)) for _ in range(8))

    local = dev()
    devices = [dev() for _ in range(7)]
    names = ["Anna's Pixel 8", "nas \"attic\"", "DESKTOP-4F2K9Q", "mbp-tom", "backup@hetzner (box 2)", "steamdeck",
             "raspberrypi"]
    folders = [("Photos", "x7kq2-mmd4p"), ("Default Folder", "default"), ("Music library", "m3rt8-a2kvz"),
               ("Work, shared", "w0rk1-shrd9"), ("Camera (Pixel)", "pixel_8_j3k4-photos"), ("Obsidian vault", "obs1d-vault")]
    lan = "192.168.10.4"
    remotes = ["203.0.113.41", "198.51.100.7", "192.168.10.22", "192.168.10.31", "100.72.4.9", "[2001:db8:9::21]"]

    def conn():
        r = pick(remotes)
        proto = pick(["tcp-server", "tcp-client", "quic-server", "quic-client", "relay-client"])
        suite = pick(["TLS1.3-TLS_AES_128_GCM_SHA256", "TLS1.3-TLS_CHACHA20_POLY1305_SHA256"])
        where = "LAN" if r.startswith("192.168") else "WAN"
        prio = {"tcp": 10, "quic": 20, "relay": 50}[proto.split("-")[0]] + (0 if where == "LAN" else 20)
        return "%s:22000-%s:%d/%s/%s/%s-P%d" % (lan if not r.startswith("[") else "[2001:db8:9::4]", r,
                                                pick([22000, R.randint(30000, 60999)]), proto, suite, where, prio)

    def lost(kind):
        c = conn()
        local_addr, rest = c.split("-", 1)
        remote_addr = rest.split("/", 1)[0]
        return (pick(devices), c, lost_err(local_addr, remote_addr, "quic" in c))

    def lost_err(local_addr, remote_addr, quic):
        r = R.random()
        if quic and r < 0.5:
            return pick(["timeout: no recent network activity", "Application error 0x0 (remote): closed"])
        if r < 0.25:
            return "EOF"
        if r < 0.45:
            return "reading length: read tcp %s->%s: read: connection reset by peer" % (local_addr, remote_addr)
        if r < 0.6:
            return "ping timeout"
        if r < 0.75:
            return "remote device closed the connection: shutting down"
        if r < 0.9:
            return "writing message: write tcp %s->%s: write: broken pipe" % (local_addr, remote_addr)
        return "replacing connection"

    def folder():
        return pick(folders)

    items = ["Documents/Taxes 2025, draft (v2).pdf", "notes/\"todo\".md", "DCIM/Camera/PXL_20261216_181422391.jpg",
             "Music/AC-DC - Back in Black/01 Hells Bells.flac", "vault/.obsidian/workspace.json", "a"]
    puller_err = Cycle(["syncing: no connected device has the required version of this file",
                        "finishing: checking existing file: file modified but not rescanned; will try again later",
                        "syncing: peers who had this file went away, or the file has changed while syncing. will retry later",
                        "opening temporary file: open /data/Photos/.syncthing.IMG_2041.HEIC.tmp: permission denied",
                        "insufficient space"])
    disco_err = Cycle(["Post \"https://discovery.syncthing.net/v2/?nolookup\": dial tcp: lookup discovery.syncthing.net: no such host",
                       "bad status code: 429 Too Many Requests", "context deadline exceeded",
                       "Post \"https://disco.example.org:8443/v2/\": tls: failed to verify certificate: x509: certificate has expired or is not yet valid"])
    disco_url = Cycle(["https://discovery.syncthing.net/v2/?nolookup&id=LYXKCHX-VI3NYZR-ALCJBHF-WMZYSPK-QG6QJA3-MPFYMSO-U56GTUK-NA2MIAW",
                       "https://discovery-v6.syncthing.net/v2/?nolookup", "https://disco.example.org:8443/v2/"])

    def relay():
        ip = pick(["203.0.113.77", "198.51.100.190", "192.0.2.61", "198.51.100.14"])
        prov = pick(["", "Jan%27s+relay%2C+NL", "hetzner-fsn1", "anon"])
        return ("relay://%s:22067/?id=%s&pingInterval=0m50s&networkTimeout=2m0s&sessionLimitBps=0&globalLimitBps=0&statusAddr=:22070&providedBy=%s" % (
            ip, dev(), prov),)

    def synced():
        f = folder()
        return f + (R.randint(1, 4200), human_size(R.randint(300, 9 * 10 ** 9)), go_duration(R.randint(2 * 10 ** 7, 900 * 10 ** 9)))

    def stuck():
        f = folder()
        return f + (R.randint(1, 60), retry())

    nat, exit_status = Cycle(["UPnP", "NAT-PMP", "PCP"]), Cycle(["3", "3", "1", "2"])
    retry = Cycle(["1m0s", "2m0s", "4m0s", "30s", "1h0m0s"])
    clients = ["syncthing v1.28.1", "syncthing v1.27.12", "syncthing v1.29.0-rc.2", "syncthing-android v1.28.1.1"]
    I, W = ("INFO", "main"), ("WARNING", "main")
    events = topup([
        (0, "Established secure connection to <*> at <*>", lambda: (pick(devices), conn()), I),
        (48, "Lost connection to <*> at <*>: <*>", lambda: lost("lost"), I),
        (30, "Device <*> client is \"<*>\" named \"<*>\" at <*>", lambda: (pick(devices), pick(clients), pick(names), conn()), I),
        (22, "Folder \"<*>\" (<*>): synced <*> files (<*>) in <*>", synced, I),
        (16, "Completed initial scan of <*> folder \"<*>\" (<*>)", lambda: (pick(["sendreceive", "sendonly", "receiveonly"]),) + folder(), I),
        (13, "Ready to synchronize folder \"<*>\" (<*>) as <*>", lambda: folder() + (pick(["sendreceive", "sendonly", "receiveonly"]),), I),
        (9, "Puller (folder \"<*>\" (<*>), item \"<*>\"): <*>", lambda: folder() + (pick(items), puller_err()), W),
        (8, "Joined relay <*>", relay, I),
        (7, "Folder \"<*>\" (<*>) is stuck with <*> failed items - retrying in <*>.", stuck, W),
        (6, "Lost primary connection to <*> at <*>: <*>", lambda: lost("lost"), I),
        (5, "Global discovery announce to <*> failed: <*>", lambda: (disco_url(), disco_err()), W),
        (5, "<*> mapped external address <*> to local port 22000",
         lambda: (nat(), "%s:%d" % (pick(["203.0.113.9", "198.51.100.220"]), R.randint(20000, 65000))), I),
        (4, "Syncthing exited: exit status <*>", lambda: (exit_status(),), ("INFO", "monitor")),
        (3, "Configuration saved; some changes require a restart to take effect", lambda: (), I),
    ])
    short = local[:5]

    def header(hdr, t):
        level, who = hdr
        return "[%s] %s %s: " % ("monitor" if who == "monitor" else short, hms(t), level)

    shuffled("Syncthing", Clock(7, 10), events, header, step=(0, 5))


# ------------------------------------------------------------------------------------------
# 4. Wazuh manager, /var/ossec/logs/ossec.log (plain format, the default):
#    `2026/12/17 08:12:03 wazuh-remoted: INFO: message`; wazuh-modulesd submodules write
#    `wazuh-modulesd:<module>: `. Content is what follows `<LEVEL>: ` (an `(NNNN): ` code, where
#    the message has one, is part of Content).
def wazuh():
    agents = [("003", "web-01", "10.20.1.11"), ("004", "web-02", "10.20.1.12"), ("007", "db-primary", "10.20.2.5"),
              ("012", "o'brien-laptop", "192.168.88.41"), ("015", "WIN-7KQ2PDF3", "10.20.9.77"),
              ("021", "k8s-node-a1.prod.example.org", "10.30.0.21"), ("022", "k8s-node-a2.prod.example.org", "10.30.0.22"),
              ("104", "pos-terminal-0042", "172.16.40.42"), ("230", "bastion", "198.51.100.9")]

    def ag():
        return pick(agents)

    rejected = Cycle(["wrong key or corrupt payload", "message too short",
                      "invalid counter (1720 < 1744), possible replay",
                      "decryption failed: AES-CBC padding error, agent key may have been regenerated on the agent side "
                      "without updating client.keys on the manager", "unknown ID"])
    open_err = Cycle([("2", "No such file or directory"), ("13", "Permission denied"), ("24", "Too many open files")])
    files = Cycle(["/var/log/nginx/access.log", "/var/log/app/orders (eu).log", "/opt/legacy app/logs/server.log",
                   "/var/log/audit/audit.log"])
    bulk_err = Cycle(["timeout", "429 Too Many Requests", "HTTP/1.1 400 Bad Request: {\"error\":{\"type\":\"mapper_parsing_exception\","
                      "\"reason\":\"failed to parse field [data.win.eventdata.processId] of type [long]\"}}",
                      "Couldn't connect to server: Connection refused"])
    bulk_url = Cycle(["https://wazuh-indexer-1:9200/_bulk", "https://10.20.0.40:9200/_bulk?refresh=wait_for"])

    up_ids, up_versions = Cycle([a[0] for a in agents]), Cycle(["v4.10.1", "v4.9.2", "v4.10.0"])

    def up_agent():
        return (up_ids(), up_versions())

    def disconnected():
        n = R.randint(2, 4)
        chosen = R.sample(agents, n)
        g = time.gmtime(DAY + R.randint(7 * 3600, 8 * 3600))
        since = "%04d/%02d/%02d %02d:%02d:%02d" % (g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec)
        return (n, since, ", ".join("'%s' (%s)" % (a[1], a[0]) for a in chosen))

    def scan():
        a = ag()
        crit = R.randint(0, 9)
        return (a[0], R.randint(180, 2900), R.randint(crit, 640), crit, pick(["%dms" % R.randint(80, 999), "%d.%ds" % (R.randint(1, 40), R.randint(0, 9))]))

    def queues():
        return tuple("%d" % R.randint(0, 100) for _ in range(4)) + (R.randint(1000, 90000), R.randint(0, 4000))

    dup_names = Cycle([a[1] for a in agents])

    def dup():
        return (dup_names(), pick(["10.20.%d.%d" % (R.randint(1, 9), R.randint(2, 250)), "172.16.40.%d" % R.randint(2, 250)]))

    events = topup([
        (0, "(1420): Agent '<*>' (<*>) reconnected from '<*>' over <*>.",
         lambda: (lambda a: (a[0], a[1], a[2], pick(["tcp", "tcp", "udp"])))(ag()), ("wazuh-remoted", "INFO")),
        (40, "(1404): Rejected message from agent '<*>' at '<*>': <*>", lambda: (lambda a: (a[0], a[2], rejected()))(ag()),
         ("wazuh-remoted", "WARNING")),
        (28, "New connection from <*>", lambda: (pick(agents)[2],), ("wazuh-authd", "INFO")),
        (24, "Agent key generated for '<*>' (requested by <*>)", lambda: (ag()[1], pick(["any", "10.20.0.5", "api"])), ("wazuh-authd", "INFO")),
        (18, "Queue usage: decoder=<*>%, archives=<*>%, alerts=<*>%, firewall=<*>%; events received=<*>, dropped=<*>", queues,
         ("wazuh-analysisd", "INFO")),
        (16, "Vulnerability scan for agent '<*>' finished: <*> packages, <*> CVEs (<*> critical), took <*>.", scan,
         ("wazuh-modulesd:vulnerability-scanner", "INFO")),
        (10, "(6008): File integrity monitoring scan started.", lambda: (), ("wazuh-syscheckd", "INFO")),
        (10, "(6009): File integrity monitoring scan ended.", lambda: (), ("wazuh-syscheckd", "INFO")),
        (8, "<*> agents disconnected since <*>: <*>", disconnected, ("wazuh-remoted", "WARNING")),
        (6, "Upgrade of agent '<*>' to <*> succeeded.", up_agent, ("wazuh-modulesd:agent-upgrade", "INFO")),
        (5, "(1103): Could not open file '<*>' due to [(<*>)-(<*>)].", lambda: (files(),) + open_err(), ("wazuh-logcollector", "ERROR")),
        (4, "Upgrade of agent '<*>' to <*> failed.", up_agent, ("wazuh-modulesd:agent-upgrade", "ERROR")),
        (4, "Bulk request to '<*>' failed (<*> documents): <*>", lambda: (bulk_url(), R.randint(50, 5000), bulk_err()),
         ("indexer-connector", "ERROR")),
        (3, "Duplicate agent name '<*>', rejecting enrollment from <*>", dup, ("wazuh-authd", "WARNING")),
    ])

    def header(hdr, t):
        g = time.gmtime(t)
        return "%04d/%02d/%02d %s %s: %s: " % (g.tm_year, g.tm_mon, g.tm_mday, hms(t), hdr[0], hdr[1])

    shuffled("Wazuh", Clock(7, 10), events, header, step=(0, 4))


# ------------------------------------------------------------------------------------------
# 5. Pacemaker 2.1 + corosync 3 on a systemd node, read with `journalctl` (short format, one
#    node's journal): `Dec 17 08:12:03 pcmk-db-02 pacemaker-controld[1843]:  notice: message`.
#    The Pacemaker daemons prefix the message with the level right-aligned in 7 characters and
#    `: `; corosync prefixes it with two spaces and the subsystem left-aligned in 6 characters in
#    brackets (`  [KNET  ] `). The scheduler's action list is indented by two spaces after the
#    level and pads the action and resource columns. Content is what follows `<level>: ` (and the
#    two-space indent) or `[<SUBSYS>] `.
def pacemaker():
    node, nodes = "pcmk-db-02", ["pcmk-db-01", "pcmk-db-02", "pcmk-db-03"]
    pids = {d: R.randint(1500, 2100) for d in ("controld", "schedulerd", "attrd", "execd", "fenced", "based")}
    pids["corosync"] = R.randint(1300, 1499)
    resources = ["db-vip", "pgsql", "fs-data", "web-nginx", "ping-gw", "stonith-ipmi-db01", "stonith-ipmi-db03"]
    ops = ["start", "stop", "monitor", "monitor", "promote", "demote", "notify"]

    def res_op():
        op = pick(ops)
        return ("pgsql" if op in ("promote", "demote", "notify") else pick(resources)), op
    state = {"tr": R.randint(310, 340), "pe": R.randint(1200, 1300)}

    def opkey(res, op):
        return "%s_%s_%s" % (res, op, "15000" if op == "monitor" else "0")

    def transitions():
        return pick([("S_IDLE", "S_POLICY_ENGINE"), ("S_POLICY_ENGINE", "S_TRANSITION_ENGINE"),
                     ("S_TRANSITION_ENGINE", "S_IDLE"), ("S_TRANSITION_ENGINE", "S_IDLE")])

    def calc():
        state["tr"] += 1
        state["pe"] += 1
        kind = pick(["pe-input", "pe-input", "pe-input", "pe-warn"])
        return (state["tr"], "/var/lib/pacemaker/pengine/%s-%d.bz2" % (kind, state["pe"] if kind == "pe-input" else R.randint(10, 90)))

    def result():
        res, op = res_op()
        r = pick(["ok", "ok", "ok", "not running", "error", "Timed Out"]) if op == "monitor" else pick(["ok", "ok", "error"])
        return (op, res, pick(nodes), r)

    def initiating():
        res, op = res_op()
        return (op, opkey(res, op), pick([n for n in nodes if n != node]))

    def locally():
        res, op = res_op()
        return (op, opkey(res, op))

    def complete():
        c = R.randint(1, 14)
        return (state["tr"] - R.randint(0, 1), c, c + R.randint(0, 2), R.randint(0, 3), R.randint(0, 1),
                "/var/lib/pacemaker/pengine/pe-input-%d.bz2" % (state["pe"] - R.randint(0, 1)))

    instances = resources + ["pgsql:0", "pgsql:1", "ping-gw:2"]
    width = max(len(r) for r in instances)

    def action():
        return ("%-*s" % (width, pick(instances)), pick(nodes))

    attrs = Cycle([("fail-count-pgsql#monitor_15000", "(unset)", "1"), ("master-pgsql", "5", "1000"),
                   ("pingd", "1000", "0"), ("fail-count-web-nginx#start_0", "(unset)", "INFINITY"),
                   ("last-failure-pgsql#monitor_15000", "(unset)", "1797405123"), ("pingd", "0", "1000")])

    def setting():
        a = attrs()
        return (a[0], pick(nodes), a[1], a[2])

    stderr = Cycle([("pgsql_monitor_15000", "psql: error: connection to server on socket \"/run/postgresql/.s.PGSQL.5432\" failed: No such file or directory"),
                    ("web-nginx_start_0", "ocf-exit-reason:Cannot read /etc/nginx/nginx.conf"),
                    ("fs-data_start_0", "mount: /srv/data: wrong fs type, bad option, bad superblock on /dev/mapper/vg0-data, missing codepage or helper program, or other error."),
                    ("ping-gw_monitor_10000", "Timeout"),
                    ("pgsql_promote_0", "pg_ctl: server is running (PID: 48012) [ok]")])

    def err_out():
        k, e = stderr()
        return (k, R.randint(30000, 99999), e)

    fence_res = Cycle(["OK (complete)", "Timeout occurred (Fencing did not complete within 60s)", "Error (No route to host)"])

    def fencing():
        target = pick(["pcmk-db-01", "pcmk-db-03"])
        by = pick([n for n in nodes if n != target])
        return (fence_op(), R.randint(1, 9999), target, by, "pacemaker-controld.%d@%s" % (R.randint(1500, 2100), pick(nodes)), fence_res())

    knet_host, knet_link, joined = Cycle(["1", "3"]), Cycle(["0", "1"]), Cycle(["1", "3", "1 3"])
    fence_op = Cycle(["reboot", "off"])
    ring = Cycle(["1.2f", "1.30", "3.31", "1.34"])
    members = Cycle(["1 2 3", "2 3", "1 2"])

    CD, SD = ("controld", " notice"), ("schedulerd", " notice")
    events = topup([
        (0, "State transition <*> -> <*>", transitions, CD),
        (44, "Result of <*> operation for <*> on <*>: <*>", result, CD),
        (36, "Calculated transition <*>, saving inputs in <*>", calc, SD),
        (33, "Initiating <*> operation <*> on <*>", initiating, CD),
        (19, "Transition <*> (Complete=<*>, Pending=0, Fired=<*>, Skipped=<*>, Incomplete=<*>, Source=<*>): Complete", complete, CD),
        (14, "Initiating <*> operation <*> locally on pcmk-db-02", locally, CD),
        (11, "Setting <*>[<*>]: <*> -> <*>", setting, ("attrd", " notice")),
        (10, "* Start      <*> ( <*> )", action, ("schedulerd", " notice", "  "), True),
        (8, "link: host: <*> link: <*> is down", lambda: (knet_host(), knet_link()), ("corosync", "KNET")),
        (7, "* Stop       <*> ( <*> )", action, ("schedulerd", " notice", "  "), True),
        (6, "<*>[<*>] error output [ <*> ]", err_out, ("execd", "warning")),
        (5, "Members[<*>]: <*>", lambda: (lambda m: (len(m.split()), m))(members()), ("corosync", "QUORUM")),
        (4, "A new membership (<*>) was formed. Members joined: <*>", lambda: (ring(), joined()), ("corosync", "TOTEM")),
        (4, "Operation '<*>' [<*>] targeting <*> by <*> for <*>: <*>", fencing, ("fenced", "  error")),
        (3, "Completed service synchronization, ready to provide service.", lambda: (), ("corosync", "MAIN")),
    ])

    def header(hdr, t):
        if hdr[0] == "corosync":
            return "%s %s corosync[%d]:   [%-6s] " % (syslog_stamp(t), node, pids["corosync"], hdr[1])
        indent = hdr[2] if len(hdr) > 2 else ""
        return "%s %s pacemaker-%s[%d]: %7s: %s" % (syslog_stamp(t), node, hdr[0], pids[hdr[0]], hdr[1].strip(), indent)

    shuffled("Pacemaker", Clock(7, 10), events, header, step=(0, 3))


# ------------------------------------------------------------------------------------------
# 6. IBM Spectrum LSF 10.1, the master's mbatchd log file `$LSF_LOGDIR/mbatchd.log.<host>`
#    (sbatchd.log has the same layout), `LSF_LOG_MASK=LOG_INFO`:
#    `Dec 17 09:14:05 2026 48211 6 10.1 dispatchJob: Job <48233> dispatched to <cn012>`
#    ctime-style time with the year, pid, syslog priority number (3 err, 4 warning, 5 notice,
#    6 info), LSF version, then the message, which starts with the function name. Query child
#    mbatchd processes log under their own pid. Content is what follows the version and its
#    space. A simulation: jobs are submitted, may pend, get dispatched, run and finish; query
#    children, host status changes and the other events happen at seeded random times; the
#    lines of concurrent jobs interleave. The file is the first 300 lines in time order.
def lsf():
    T = [
        ("submit", "do_submitReq: Job <<*>> submitted by user <<*>> to queue <<*>> from host <<*>>", 6),
        ("dispatch", "dispatchJob: Job <<*>> dispatched to <<*>>", 6),
        ("done", "job_done: Job <<*>> finished normally after <*> seconds", 6),
        ("pend", "pendJob: Job <<*>> pending: <*>", 6),
        ("exit", "job_exit: Job <<*>> exited: user=<*> queue=<*> exit_code=<*> run_time=<*>s max_mem=<*> exec_hosts=<*> reason=<*>", 5),
        ("fork", "forkQueryChild: Query child <<*>> started; <*> children active", 6),
        ("served", "queryChild: Served <*> query requests in <*> ms; exiting", 6),
        ("preempt", "dispatchJob: Job <<*>> dispatched to <<*>> (preempted <*>)", 6),
        ("host", "hostStatus: Host <<*>> status changed from <<*>> to <<*>>", 4),
        ("rpc", "chanRpc_: Failed to contact sbatchd on host <<*>>: <*>", 3),
        ("kill", "do_signalReq: Job <<*>> killed by user <<*>> from host <<*>>", 5),
        ("modify", "do_modifyReq: Job <<*>> modified by user <<*>>: <*>", 5),
        ("reject", "do_submitReq: Request from host <<*>> rejected: <*>", 4),
        ("switch", "switchELog: Switching the event log file lsb.events", 5),
    ]
    K = {name: i for i, (name, _, _) in enumerate(T)}
    TPL = {name: tpl for name, tpl, _ in T}
    LVL = {name: lv for name, _, lv in T}
    master = R.randint(30000, 60000)
    out = []  # (t, seq, pid, k, values)

    def add(t, name, *values, pid=None):
        out.append((t, len(out), master if pid is None else pid, K[name], tuple(str(v) for v in values)))

    users = ["mkowalski", "ahmed.r", "lchen", "svc_nightly", "pbrandt", "okafor", "ysato", "hgruber"]
    queues = {"normal": 30, "short": 25, "long": 12, "gpu_a100": 10, "priority": 8, "night": 6}
    submit_hosts = ["login01", "login02", "ci-runner-3", "viz05"]
    cns = ["cn%03d" % i for i in range(1, 65)]
    gpus = ["gpu%02d" % i for i in range(1, 9)]
    t0 = DAY + R.randint(9 * 3600, 10 * 3600)
    span = 1500
    job = {"id": R.randint(48100, 48300)}
    running = []  # (end_t, jobid)
    pend_reasons = Cycle(["Not enough job slot(s)", "The user has reached his/her job slot limit;",
                          "Job's requirements for reserving resource (mem) not satisfied: 3 hosts;",
                          "Job dependency condition not satisfied", "Queue's run window is closed",
                          "Not specified in job submission: -m \"cn0[01-16]\" excludes all candidate hosts, "
                          "and the remaining hosts are closed by LSF administrator: 12 hosts;"])
    mods = Cycle(["-W 240 -n 8", "-q long", "-R \"rusage[mem=16G] span[hosts=1]\"", "-sp 80",
                  "-w \"done(48215) && ended(48219)\""])
    exit_reasons = [("1", "application exited with non-zero status"), ("137", "TERM_MEMLIMIT: job killed after reaching LSF memory usage limit"),
                    ("140", "TERM_RUNLIMIT: job killed after reaching LSF run time limit"), ("2", "application exited with non-zero status"),
                    ("255", "TERM_EXTERNAL_SIGNAL: job killed by a signal external to LSF")]
    rpc_err = Cycle(["Connection refused", "Communication time out", "xdr_LSFHeader: Bad message header (opCode 93, length 0)",
                     "Broken pipe"])
    reject_err = Cycle(["User permission denied", "Queue <gpu_a100> does not accept jobs from user <svc_nightly>",
                        "Bad argument: -R \"select[type==X86_64 && mem>512G]\" matches no host", "Too many pending jobs"])

    def exec_hosts(q):
        if q == "gpu_a100":
            return pick(gpus)
        n = pick([1, 1, 1, 2, 4])
        if n == 1:
            return pick(cns)
        return " ".join("%d*%s" % (pick([4, 8, 16]), h) for h in R.sample(cns, n // 2 + 1))

    kill_hosts = Cycle(submit_hosts)

    def mem():
        return pick(["%dM" % R.randint(30, 999), "%.1fG" % R.uniform(1, 120)])

    def finish(t, run, jid, user, q, hosts, killed_by=None):
        """A job that started `run` seconds before t ends at t."""
        if killed_by:
            add(t, "kill", jid, killed_by, kill_hosts())
            add(t + 1, "exit", jid, user, q, "130", run + 1, mem(), hosts,
                "TERM_OWNER: job killed by owner" if killed_by == user else "TERM_ADMIN: job killed by root or LSF administrator")
            return
        if R.random() < 0.2:
            code, reason = pick(exit_reasons)
            add(t, "exit", jid, user, q, code, run, mem(), hosts, reason)
        else:
            add(t, "done", jid, run)

    # Jobs already running when the log starts finish during the window.
    for _ in range(6):
        job["id"] += 1
        q = pick(list(queues))
        finish(t0 + R.randint(10, span), R.randint(2000, 40000), job["id"] - 60, pick(users), q, exec_hosts(q))

    t = t0 + R.randint(1, 10)
    n_jobs = 0
    while t < t0 + span:
        n_jobs += 1
        job["id"] += 1
        jid = str(job["id"])
        if R.random() < 0.08:
            jid += "[%d]" % R.randint(1, 200)
        user = pick(users)
        q = R.choices(list(queues), list(queues.values()))[0]
        add(t, "submit", jid, user, q, pick(submit_hosts))
        td = t + R.randint(1, 6)
        if R.random() < 0.2:
            add(t + R.randint(1, 4), "pend", jid, pend_reasons())
            td = t + R.randint(40, 400)
            if R.random() < 0.3:
                add(t + R.randint(5, 35), "modify", jid, pick([user, "lsfadmin"]), mods())
        hosts = exec_hosts(q)
        if q == "priority" and R.random() < 0.5:
            victims = ",".join(str(job["id"] - R.randint(5, 90)) for _ in range(R.randint(1, 3)))
            add(td, "preempt", jid, hosts, victims)
        else:
            add(td, "dispatch", jid, hosts)
        run = int(R.expovariate(1 / 500.0)) + 5
        r = R.random()
        finish(td + run, run, jid, user, q, hosts, killed_by=(user if r < 0.04 else "lsfadmin" if r < 0.07 else None))
        t += int(R.expovariate(1 / 11.0)) + 1

    # Background events fall within the part of the simulation that the first 300 lines cover.
    bg = 800
    # Query children: the parent forks one, the child logs under its own pid when it exits.
    active = 0
    t = t0 + R.randint(5, 40)
    while t < t0 + bg:
        child = R.randint(60001, 99999)
        active = min(8, max(1, active + pick([1, 1, 0, -1])))
        add(t, "fork", child, active)
        add(t + R.randint(8, 60), "served", R.randint(1, 400), R.randint(12, 9000), pid=child)
        t += R.randint(45, 160)
    # Host trouble: a host goes unreachable (after failed RPCs) and comes back later.
    for h in R.sample(cns, 3):
        t = t0 + R.randint(20, bg - 200)
        add(t, "rpc", h, rpc_err())
        bad = pick(["unavail", "unreach"])
        add(t + R.randint(1, 20), "host", h, "ok", bad)
        add(t + R.randint(60, 180), "host", h, bad, "ok")
    for h in R.sample(cns, 2):
        add(t0 + R.randint(20, bg), "host", h, "ok", "closed_Full")
    for _ in range(2):
        add(t0 + R.randint(20, bg), "rpc", pick(cns), rpc_err())
    for _ in range(4):
        add(t0 + R.randint(20, bg), "reject", pick(submit_hosts), reject_err())
    for _ in range(3):
        add(t0 + R.randint(20, bg), "switch")

    out.sort(key=lambda x: (x[0], x[1]))
    items = []
    for t, _, pid, k, values in out[:LINES]:
        name = T[k][0]
        content = fill(TPL[name], values)
        g = time.gmtime(t)
        stamp = "%s %02d %s %04d" % (MONTHS[g.tm_mon - 1], g.tm_mday, hms(t), g.tm_year)
        items.append((k, "%s %d %d 10.1 " % (stamp, pid, LVL[name]), content, TPL[name], values))
    used = sorted(set(i[0] for i in items))
    assert used == list(range(len(T))), ("LSF", [T[k][0] for k in range(len(T)) if k not in used])
    emit("LSF", len(T), items)


# ------------------------------------------------------------------------------------------
# Read-back check.
def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


HEADERS = {
    "Kamailio": re.compile(r"Dec 17 \d\d:\d\d:\d\d sbc-edge-02 /usr/sbin/kamailio\[\d+\]: (INFO|NOTICE|WARNING|ERROR|ALERT): "
                           r"(<script>: |<core> \[core/[a-z_/]+\.c:\d+\]: [a-z_]+\(\): |[a-z_]+ \[[a-z_]+\.c:\d+\]: [a-z_]+\(\): )"),
    "Immich": re.compile(r"\[Nest\] \d+  - \d\d/\d\d/\d{4}, \d{1,2}:\d\d:\d\d (AM|PM) (    LOG|   WARN|  ERROR) "
                         r"\[(Api|Microservices):[A-Za-z]+\] "),
    "Syncthing": re.compile(r"\[(monitor|[A-Z2-7]{5})\] \d\d:\d\d:\d\d (INFO|WARNING): "),
    "Wazuh": re.compile(r"\d{4}/\d\d/\d\d \d\d:\d\d:\d\d (wazuh-[a-z]+(:[a-z-]+)?|indexer-connector): (INFO|WARNING|ERROR): "),
    "Pacemaker": re.compile(r"Dec 17 \d\d:\d\d:\d\d pcmk-db-02 (pacemaker-(controld|schedulerd|attrd|execd|fenced|based)\[\d+\]: "
                            r"( notice|warning|   info|  error): (  )?|corosync\[\d+\]:   \[(KNET  |TOTEM |QUORUM|MAIN  |CPG   )\] )"),
    "LSF": re.compile(r"Dec 17 \d\d:\d\d:\d\d 2026 \d+ [3-6] 10\.1 "),
}


def stamp_seconds(system, line):
    """The header time as seconds since midnight (all systems stay within 2026-12-17)."""
    if system in ("Kamailio", "Pacemaker"):
        m = re.match(r"Dec 17 (\d\d):(\d\d):(\d\d) ", line)
    elif system == "Immich":
        m = re.match(r"\[Nest\] \d+  - 12/17/2026, (\d{1,2}):(\d\d):(\d\d) (AM|PM) ", line)
    elif system == "Syncthing":
        m = re.match(r"\[\w+\] (\d\d):(\d\d):(\d\d) ", line)
    elif system == "Wazuh":
        m = re.match(r"2026/12/17 (\d\d):(\d\d):(\d\d) ", line)
    else:
        m = re.match(r"Dec 17 (\d\d):(\d\d):(\d\d) 2026 ", line)
    assert m, (system, line)
    h, mi, s = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if system == "Immich":
        h = h % 12 + (12 if m.group(4) == "PM" else 0)
    return h * 3600 + mi * 60 + s


def self_check():
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
        templates, counts, slots, last = {}, {}, {}, -1
        for i, (row, line) in enumerate(zip(rows, lines)):
            assert len(row) == 4, (system, row)
            line_id, content, event_id, template = row
            assert line_id == str(i + 1), (system, line_id)
            assert re.fullmatch(r"E[1-9][0-9]*", event_id), (system, event_id)
            assert content and content == content.strip(), (system, i + 1)
            assert line.endswith(content), (system, i + 1)
            header = line[:len(line) - len(content)]
            assert HEADERS[system].fullmatch(header), (system, i + 1, header)
            now = stamp_seconds(system, line)
            assert now >= last, (system, i + 1)
            last = now
            assert template == template.strip() and "<*><*>" not in template, (system, template)
            m = template_regex(template).fullmatch(content)
            assert m, (system, i + 1, template, content)
            assert templates.setdefault(event_id, template) == template, (system, event_id)
            counts[event_id] = counts.get(event_id, 0) + 1
            seen = slots.setdefault(event_id, [set() for _ in m.groups()])
            for s, v in zip(seen, m.groups()):
                s.add(v)
        assert len(set(templates.values())) == len(templates), system
        assert MIN_EVENTS <= len(counts) <= MAX_EVENTS, (system, len(counts))
        assert min(counts.values()) >= 3, (system, counts)
        assert sum(1 for n in counts.values() if 3 <= n <= 10) >= 3, (system, counts)
        top = sorted(counts.values(), reverse=True)
        assert top[0] >= 3 * top[len(top) // 2], (system, counts)
        for event_id, seen in slots.items():
            for j, s in enumerate(seen):
                assert len(s) >= 2, (system, event_id, "slot %d" % (j + 1), s)
        summary[system] = dict(sorted(counts.items(), key=lambda kv: int(kv[0][1:])))
    return summary


if __name__ == "__main__":
    kamailio()
    immich()
    syncthing()
    wazuh()
    pacemaker()
    lsf()
    for system, counts in self_check().items():
        print("%-10s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
