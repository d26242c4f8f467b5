#!/usr/bin/env python3
"""Round 22: a blind corpus for the log template miner.

Writes six labelled log files (300 lines each) next to this script:
  <System>/<System>.log                 raw lines, header included
  <System>/<System>.log_structured.csv  LineId,Content,EventId,EventTemplate

Every message is invented in the style of its project; nothing is copied from
a public log or data set. Python 3 standard library only. Deterministic:
seed 20261230, one random.Random(20261230*10 + k) per system, an integer
nanosecond clock on 2026-12-30 (UTC). No wall time, no locale.
The script ends with a self-check that must print "self-check passed".
"""

import csv
import heapq
import os
import random
import re
import statistics
from datetime import datetime, timedelta, timezone

SEED = 20261230
HERE = os.path.dirname(os.path.abspath(__file__))
MIDNIGHT = datetime(2026, 12, 30, tzinfo=timezone.utc)  # fixed date, never the wall clock
NS = 1_000_000_000
MS = 1_000_000
US = 1_000
N_LINES = 300


# ----------------------------------------------------------------------------
# clock and formatting helpers
# ----------------------------------------------------------------------------

def clock(ns):
    """ns after 2026-12-30 00:00:00 UTC -> (datetime to the microsecond, ns within the second)."""
    return MIDNIGHT + timedelta(microseconds=ns // US), ns % NS


def unix_ms(ns):
    """Milliseconds since 1970 for a clock reading (pure arithmetic on the fixed date)."""
    return int((MIDNIGHT - datetime(1970, 1, 1, tzinfo=timezone.utc)).total_seconds()) * 1000 + ns // MS


def ymd(dt, sep="-"):
    return f"{dt.year:04d}{sep}{dt.month:02d}{sep}{dt.day:02d}"


def hms(dt):
    return f"{dt.hour:02d}:{dt.minute:02d}:{dt.second:02d}"


def trim_num(text):
    return text.rstrip("0").rstrip(".") if "." in text else text


def go_duration(ns):
    """Rough Go time.Duration.String(): 812.345ms, 4.25s, 1m17s, 2m8.5s."""
    ns = max(ns, US)
    if ns < NS:
        return trim_num(f"{ns / MS:.6f}") + "ms"
    total_us = ns // US
    minutes, rest_us = divmod(total_us, 60 * 1_000_000)
    hours, minutes = divmod(minutes, 60)
    secs = trim_num(f"{rest_us / 1_000_000:.6f}")
    out = ""
    if hours:
        out += f"{hours}h"
    if hours or minutes:
        out += f"{minutes}m"
    return out + secs + "s"


LOGRUS_SAFE = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._/@^+")


def go_escape(text):
    return text.replace("\\", "\\\\").replace('"', '\\"')


def lq(text):
    """logrus TextFormatter value: bare when every byte is safe, else Go-quoted."""
    text = str(text)
    if text and all(c in LOGRUS_SAFE for c in text):
        return text
    return '"' + go_escape(text) + '"'


def fill(template, values):
    parts = template.split("<*>")
    if len(parts) != len(values) + 1:
        raise ValueError(f"{template!r} needs {len(parts) - 1} values, got {len(values)}")
    out = [parts[0]]
    for value, literal in zip(values, parts[1:]):
        out.append(str(value))
        out.append(literal)
    return "".join(out)


# ----------------------------------------------------------------------------
# the per-system container, the simulation loop and the shuffle stamper
# ----------------------------------------------------------------------------

class System:
    def __init__(self, name, k, header_re, header_fn, mode):
        self.name = name
        self.k = k
        self.rng = random.Random(SEED * 10 + k)
        self.header_re = re.compile(header_re)
        self.header_fn = header_fn
        self.mode = mode
        self.order = []      # keys in declaration order
        self.eid = {}        # key -> E<n>
        self.template = {}   # key -> template
        self.meta = {}       # key -> header defaults
        self.rows = []       # (ns, header, key, values)
        self.last_ns = 0
        self.cursor = {}

    def declare(self, key, template, **meta):
        if key in self.eid:
            raise ValueError(key)
        self.order.append(key)
        self.eid[key] = f"E{len(self.order)}"
        self.template[key] = template
        self.meta[key] = meta

    def cycle(self, key, slot, items):
        """Cycling pool per (event, slot): even a rare event sees >= 2 values."""
        ck = (key, slot)
        if ck not in self.cursor:
            self.cursor[ck] = self.rng.randrange(len(items))
        i = self.cursor[ck]
        self.cursor[ck] = i + 1
        return items[i % len(items)]

    def emit(self, ns, key, values, **hdr):
        ns = max(int(ns), self.last_ns)
        self.last_ns = ns
        fields = dict(self.meta[key])
        fields.update(hdr)
        self.rows.append((ns, self.header_fn(ns, **fields), key, [str(v) for v in values]))
        return ns


class Sim:
    """A tiny discrete-event loop; processes are generators that yield delays in ns."""

    def __init__(self, start_ns):
        self.now = start_ns
        self.queue = []
        self.seq = 0

    def spawn(self, gen, delay=0):
        heapq.heappush(self.queue, (self.now + int(delay), self.seq, gen))
        self.seq += 1

    def run(self, done):
        while self.queue and not done():
            t, _, gen = heapq.heappop(self.queue)
            self.now = t
            try:
                delay = next(gen)
            except StopIteration:
                continue
            heapq.heappush(self.queue, (t + max(1, int(delay)), self.seq, gen))
            self.seq += 1


def shuffle_stamp(S, counts, start_ns, mean_gap_s, make):
    """Seeded shuffle of fixed per-event counts, stamped by a forward-only clock."""
    assert list(counts) == S.order, "counts must follow declaration order"
    keys = [key for key, n in counts.items() for _ in range(n)]
    assert len(keys) == N_LINES, (S.name, len(keys))
    S.rng.shuffle(keys)
    t = start_ns
    for key in keys:
        t += int(S.rng.expovariate(1.0 / mean_gap_s) * NS) + 1
        values, hdr = make(key, t)
        S.emit(t, key, values, **hdr)


def rand_token(rng, n, alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"):
    return "".join(rng.choice(alphabet) for _ in range(n))


def rand_hex(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


# ----------------------------------------------------------------------------
# 1. SaltMinion -- salt-minion log file (simulation: jobs from the master)
# ----------------------------------------------------------------------------
# default log_fmt_logfile:
#   %(asctime)s,%(msecs)03d [%(name)-17s:%(lineno)-4d][%(levelname)-8s][%(process)d] %(message)s

SALT_RE = (r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} \[[a-z_.]+ *:\d+ *\]"
           r"\[(?:DEBUG|INFO|WARNING|ERROR|CRITICAL) *\]\[\d+\] ")


def salt_header(ns, logger, line, level, pid):
    dt, _ = clock(ns)
    return (f"{ymd(dt)} {hms(dt)},{dt.microsecond // 1000:03d} "
            f"[{logger:<17}:{line:<4}][{level:<8}][{pid}] ")


def build_salt():
    S = System("SaltMinion", 1, SALT_RE, salt_header, "simulation")
    minion, state, cmdmod, fileclient = ("salt.minion", "salt.state",
                                         "salt.loaded.int.module.cmdmod", "salt.fileclient")
    S.declare("user_exec", "User <*> Executing command <*> with jid <*>", logger=minion, line=1601, level="INFO")
    S.declare("new_job", "Starting a new job <*> with PID <*>", logger=minion, line=1795, level="INFO")
    S.declare("fresh", "Loading fresh modules for state activity", logger=state, line=1179, level="INFO")
    S.declare("running", "Running state [<*>] at time <*>", logger=state, line=2238, level="INFO")
    S.declare("executing", "Executing state <*> for [<*>]", logger=state, line=2269, level="INFO")
    S.declare("fetch", "Fetching file from saltenv '<*>', ** done ** '<*>'", logger=fileclient, line=1247, level="INFO")
    S.declare("file_ok", "File <*> is in the correct state", logger=state, line=325, level="INFO")
    S.declare("svc_ok", "The service <*> is already running", logger=state, line=325, level="INFO")
    S.declare("pkg_ok", "All specified packages are already installed", logger=state, line=325, level="INFO")
    S.declare("cmd", "Executing command <*> in directory '<*>'", logger=cmdmod, line=438, level="INFO")
    S.declare("cmd_as", "Executing command <*> as user '<*>' in directory '<*>'", logger=cmdmod, line=438, level="INFO")
    S.declare("cmd_fail", "Command '<*>' failed with return code: <*>", logger=cmdmod, line=880, level="ERROR")
    S.declare("cmd_ret", "{'pid': <*>, 'retcode': <*>, 'stderr': <*>, 'stdout': <*>}", logger=state, line=325, level="INFO")
    S.declare("completed", "Completed state [<*>] at time <*> (duration_in_ms=<*>)", logger=state, line=2422, level="INFO")
    S.declare("returning", "Returning information for job: <*>", logger=minion, line=2138, level="INFO")

    rng = S.rng
    sim = Sim(9 * 3600 * NS + 12 * 60 * NS)
    MAIN = 2197
    pid_box = [30411]

    def ms(a, b):
        return rng.randint(a * 1000, b * 1000) * US

    def log(key, values, pid, **hdr):
        S.emit(sim.now, key, values, pid=pid, **hdr)

    def new_pid():
        pid_box[0] += rng.randint(2, 60)
        return pid_box[0]

    def jid_at(ns):
        dt, _ = clock(ns)
        return f"{ymd(dt, '')}{dt.hour:02d}{dt.minute:02d}{dt.second:02d}{dt.microsecond:06d}"

    def at_time(ns):
        dt, _ = clock(ns)
        return f"{hms(dt)}.{dt.microsecond:06d}"

    def svc_cmds(unit):
        return [repr(["systemctl", "status", f"{unit}.service", "-n", "0"]),
                repr(["systemctl", "is-active", f"{unit}.service"]),
                repr(["systemctl", "is-enabled", f"{unit}.service"])]

    dpkg = repr(["dpkg-query", "--showformat", "${Status} ${Package} ${Version} ${Architecture}", "-W"])

    # (state function, name/ID, kind, extra)
    ST = {
        "nginx_conf": ("file.managed", "/etc/nginx/nginx.conf", "file", ("base", "nginx/files/nginx.conf")),
        "site_conf": ("file.managed", "/etc/nginx/sites-enabled/shop.example.com.conf", "file",
                      ("prod", "nginx/sites/shop.example.com.conf.jinja")),
        "sshd": ("file.managed", "/etc/ssh/sshd_config", "file", ("base", "ssh/sshd_config")),
        "notes": ("file.managed", "/srv/app/shared/Release Notes.txt", "file", ("prod", "app/files/Release Notes.txt")),
        "motd": ("file.managed", "/etc/motd", "file", ("base", "common/motd")),
        "nginx_pkg": ("pkg.installed", "nginx", "pkg", None),
        "py_pkgs": ("pkg.installed", "app-runtime-deps", "pkg", None),
        "nginx_svc": ("service.running", "nginx", "svc", "nginx"),
        "cron_svc": ("service.running", "cron", "svc", "cron"),
        "worker_svc": ("service.running", "app-worker", "svc", "app-worker"),
        "ssh_svc": ("service.running", "ssh", "svc", "ssh"),
        "fpm_svc": ("service.running", "php8.2-fpm", "svc", "php8.2-fpm"),
        "migrate": ("cmd.run", "/srv/app/current/bin/migrate --env production", "cmd", ("deploy", "/srv/app/current")),
        "reload": ("cmd.run", "nginx -t && systemctl reload nginx", "cmd", (None, "/etc/nginx")),
        "collect": ("cmd.run", "python3 manage.py collectstatic --noinput", "cmd", ("deploy", "/srv/app/current")),
    }
    SLS = [
        ["nginx_pkg", "nginx_conf", "site_conf", "nginx_svc", "fpm_svc", "reload"],
        ["sshd", "ssh_svc", "motd", "cron_svc"],
        ["py_pkgs", "notes", "migrate", "collect", "worker_svc"],
        ["nginx_conf", "nginx_svc"],
    ]
    CMD_OUT = {
        "migrate": ["Applying 3 migrations: 0041_orders, 0042_refunds, 0043_index", "No migrations to apply."],
        "reload": ["", "Reloading nginx configuration: nginx."],
        "collect": ["0 static files copied to '/srv/app/static', 812 unmodified.",
                    "4 static files copied to '/srv/app/static', 808 unmodified."],
    }
    CMD_ERR = {
        "migrate": "django.db.utils.OperationalError: could not connect to server: Connection refused",
        "reload": "nginx: [emerg] unknown directive \"gzip_typs\" in /etc/nginx/nginx.conf:31",
        "collect": "PermissionError: [Errno 13] Permission denied: '/srv/app/static/admin'",
    }

    def run_state(sid, pid):
        fun, name, kind, extra = ST[sid]
        t0 = sim.now
        log("running", [name, at_time(t0)], pid)
        yield ms(1, 4)
        log("executing", [fun, name], pid)
        yield ms(2, 30)
        if kind == "file":
            if rng.random() < 0.45:
                log("fetch", list(extra), pid)
                yield ms(5, 120)
            log("file_ok", [name], pid)
        elif kind == "pkg":
            log("cmd", [dpkg, "/root"], pid)
            yield ms(150, 900)
            log("pkg_ok", [], pid)
        elif kind == "svc":
            for c in svc_cmds(extra):
                log("cmd", [c, "/root"], pid)
                yield ms(8, 60)
            log("svc_ok", [name], pid)
        else:
            runas, cwd = extra
            if runas:
                log("cmd_as", [repr(name), runas, cwd], pid)
            else:
                log("cmd", [repr(name), cwd], pid)
            yield ms(300, 9000)
            failed = rng.random() < 0.3
            child = new_pid()
            if failed:
                rc = S.cycle("cmd_fail", "rc", [1, 2, 1])
                log("cmd_fail", [name, rc], pid)
                log("cmd_ret", [child, rc, repr(CMD_ERR[sid]), repr("")], pid, level="ERROR")
            else:
                out = S.cycle("cmd_ret", sid, CMD_OUT[sid])
                log("cmd_ret", [child, 0, repr(""), repr(out)], pid)
        yield ms(1, 6)
        log("completed", [name, at_time(sim.now), f"{(sim.now - t0) / MS:.3f}"], pid)

    running_state_jobs = [0]

    def job(fun, user, body=None):
        jid = jid_at(sim.now - ms(3, 60))
        log("user_exec", [user, fun, jid], MAIN)
        yield ms(3, 25)
        pid = new_pid()
        log("new_job", [jid, pid], pid)
        yield ms(15, 180)
        if body is not None:
            yield from body(pid)
            yield ms(5, 40)
        log("returning", [jid], pid)

    def state_body(sls):
        def body(pid):
            running_state_jobs[0] += 1
            log("fresh", [], pid)
            yield ms(400, 1600)
            for sid in sls:
                yield from run_state(sid, pid)
                yield ms(2, 15)
            running_state_jobs[0] -= 1
        return body

    CLI_CMDS = [
        ("df -h /", None, "/root", None),
        ("uptime", None, "/root", None),
        ("du -sh releases", None, "/srv/app", None),
        ("systemctl restart app-worker", None, "/root", 1),
        ("grep -c 'ERROR, FATAL' /var/log/app/app.log", None, "/root", 1),
        ("whoami", "deploy", "/home/deploy", None),
        ("git -C /srv/app/current log -1 --format=%h", "deploy", "/home/deploy", None),
        ("pg_dump shop > /var/backups/shop.sql", "postgres", "/var/lib/postgresql", 2),
    ]

    def cmd_body(spec):
        cmd, runas, cwd, fail_rc = spec

        def body(pid):
            if runas:
                log("cmd_as", [repr(cmd), runas, cwd], pid)
            else:
                log("cmd", [repr(cmd), cwd], pid)
            yield ms(20, 1500)
            if fail_rc is not None:
                log("cmd_fail", [cmd, fail_rc], pid)
        return body

    def find_job_poller():
        # the CLI asks the minion about a long state run every ~10 s
        yield 10 * NS + ms(0, 400)
        while running_state_jobs[0] > 0:
            sim.spawn(job("saltutil.find_job", "root"))
            yield 10 * NS + ms(0, 400)

    def master():
        plan = ["state.apply", "cmd.run", "test.ping", "cmd.run", "state.sls", "grains.items",
                "cmd.run", "state.apply", "test.ping", "saltutil.sync_all", "cmd.run"]
        i = 0
        while True:
            yield int(rng.expovariate(1 / 38.0) * NS) + ms(200, 900)
            fun = plan[i % len(plan)]
            i += 1
            user = S.cycle("user_exec", "user", ["root", "sudo_ops", "root", "saltapi"])
            if fun in ("state.apply", "state.sls"):
                sls = SLS[S.cycle("master", "sls", [0, 1, 2, 3])]
                sim.spawn(job(fun, user, state_body(sls)))
                sim.spawn(find_job_poller())
            elif fun == "cmd.run":
                spec = CLI_CMDS[S.cycle("master", "cmd", list(range(len(CLI_CMDS))))]
                sim.spawn(job(fun, user, cmd_body(spec)))
            else:
                sim.spawn(job(fun, user))

    sim.spawn(master())
    sim.run(lambda: len(S.rows) >= N_LINES)
    return S


# ----------------------------------------------------------------------------
# 2. Dendrite -- Matrix homeserver, logrus text formatter (simulation)
# ----------------------------------------------------------------------------
# time="2006-01-02T15:04:05.000000000Z" level=info msg="..." key=value ...
# Content = everything from msg= on (the message plus its sorted logrus fields).

DENDRITE_RE = r'time="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z" level=(?:trace|debug|info|warning|error|fatal|panic) '


def dendrite_header(ns, level):
    dt, sub = clock(ns)
    return f'time="{ymd(dt)}T{hms(dt)}.{sub:09d}Z" level={level} '


def build_dendrite():
    S = System("Dendrite", 2, DENDRITE_RE, dendrite_header, "simulation")
    S.declare("req_done", 'msg="Request completed" code=<*> duration=<*> req.id=<*> req.method=<*> req.path=<*> user_id="<*>"', level="info")
    S.declare("req_fail", 'msg="Failed to handle request" error="<*>" req.id=<*> req.method=<*> req.path=<*> user_id="<*>"', level="error")
    S.declare("processed", 'msg="Processed room event" event_id="<*>" room_id="<*>" type=<*>', level="info")
    S.declare("processed_state", 'msg="Processed room event" event_id="<*>" room_id="<*>" state_key=<*> type=<*>', level="info")
    S.declare("rejected", 'msg="Rejected room event" error="<*>" event_id="<*>" room_id="<*>"', level="warning")
    S.declare("missing", 'msg="Fetching <*> missing events from <*>" room_id="<*>"', level="info")
    S.declare("incoming", 'msg="Received federation transaction" edus=<*> origin=<*> pdus=<*> txn_id=<*>', level="info")
    S.declare("sending", 'msg="Sending transaction \\"<*>\\" containing <*> PDUs, <*> EDUs" server_name=<*>', level="info")
    S.declare("sent", 'msg="Transaction sent successfully" server_name=<*> took=<*>', level="info")
    S.declare("send_fail", 'msg="Failed to send transaction" error="<*>" server_name=<*>', level="warning")
    S.declare("backoff", 'msg="Backing off \\"<*>\\" for <*>"', level="warning")
    S.declare("blacklist", 'msg="Destination is now blacklisted" server_name=<*>', level="warning")
    S.declare("reset", 'msg="Destination is reachable again, resetting backoff" server_name=<*>', level="info")

    rng = S.rng
    sim = Sim(11 * 3600 * NS + 3 * 60 * NS)
    B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

    def log(key, values, **hdr):
        S.emit(sim.now, key, values, **hdr)

    def secs(a, b):
        return int(rng.uniform(a, b) * NS)

    def event_id():
        return "$" + rand_token(rng, 43, B64)

    def room(local=True, server="example.org"):
        return "!" + rand_token(rng, 18) + ":" + server

    ROOMS = {
        room(): ["matrix.example.net", "chat.example.com"],
        room(): ["matrix.example.net", "offline.example.invalid", "m.fictional.dev"],
        room(server="matrix.example.net"): ["matrix.example.net"],
        room(): ["chat.example.com", "m.fictional.dev"],
    }
    ROOM_IDS = list(ROOMS)
    USERS = ["@alice:example.org", "@bob:example.org", "@carol.ops:example.org",
             "@m:example.org", "@integration-bot:example.org"]
    REMOTE_USERS = {
        "matrix.example.net": ["@dana:matrix.example.net", "@erik:matrix.example.net"],
        "chat.example.com": ["@fatima:chat.example.com"],
        "m.fictional.dev": ["@gus:m.fictional.dev", "@h:m.fictional.dev"],
        "offline.example.invalid": ["@ivy:offline.example.invalid"],
    }
    # baseline failure rate, plus outage windows (seconds after the simulation start)
    FLAKY = {"offline.example.invalid": 0.9, "m.fictional.dev": 0.08,
             "matrix.example.net": 0.03, "chat.example.com": 0.05}
    OUTAGE = {"m.fictional.dev": [(150, 560)], "chat.example.com": [(760, 1080)],
              "offline.example.invalid": [], "matrix.example.net": []}
    T0 = sim.now

    def down(srv):
        el = (sim.now - T0) / NS
        return any(a <= el < b for a, b in OUTAGE[srv])

    def fail_p(srv):
        return 0.97 if down(srv) else FLAKY[srv]
    IPS = {"offline.example.invalid": "192.0.2.66", "m.fictional.dev": "198.51.100.23",
           "matrix.example.net": "203.0.113.7", "chat.example.com": "203.0.113.80"}

    def req_id():
        return rand_token(rng, 10, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    # ---- outgoing federation queues ----
    queues = {}

    class Dest:
        def __init__(self, name):
            self.name = name
            self.pending_pdus = 0
            self.pending_edus = 0
            self.failures = 0
            self.blacklisted = False
            self.backoff_until = 0
            self.busy = False
            self.txn = 0

    for name in FLAKY:
        queues[name] = Dest(name)

    def send_error(d, txn):
        ip = IPS[d.name]
        path = f"https://{d.name}:8448/_matrix/federation/v1/send/{txn}"
        kinds = [
            f'Put "{path}": dial tcp {ip}:8448: connect: connection refused',
            f'Put "{path}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
            "HTTP 502: Bad Gateway",
            f"dial tcp: lookup {d.name} on 127.0.0.11:53: no such host",
        ]
        return go_escape(S.cycle("send_fail", d.name, kinds))

    def sender(d):
        d.busy = True
        while d.pending_pdus + d.pending_edus > 0 and not d.blacklisted:
            if sim.now < d.backoff_until:
                yield d.backoff_until - sim.now
                continue
            pdus, edus = min(d.pending_pdus, 50), min(d.pending_edus, 100)
            d.pending_pdus -= pdus
            d.pending_edus -= edus
            d.txn += 1
            txn = f"{unix_ms(sim.now)}-{d.txn}"
            log("sending", [txn, pdus, edus, d.name])
            took = secs(0.04, 0.9) if rng.random() > 0.1 else secs(1.2, 6.0)
            ok = rng.random() > fail_p(d.name)
            if not ok:
                took = secs(0.2, 4.0) if rng.random() < 0.6 else 30 * NS + secs(0, 0.01)
            yield took
            if ok:
                log("sent", [d.name, go_duration(took)])
                if d.failures:
                    log("reset", [d.name])
                d.failures = 0
            else:
                d.pending_pdus += pdus
                d.pending_edus += edus
                d.failures += 1
                log("send_fail", [send_error(d, txn), d.name])
                yield rng.randint(1 * MS, 3 * MS)
                if d.failures >= 4:
                    d.blacklisted = True
                    log("blacklist", [d.name])
                else:
                    wait = int((2 ** d.failures) * NS * rng.uniform(0.85, 1.25) * 2)
                    d.backoff_until = sim.now + wait
                    log("backoff", [d.name, go_duration(wait)])
            yield rng.randint(2 * MS, 40 * MS)
        d.busy = False

    def fanout(room_id, pdus=1, edus=0):
        for srv in ROOMS[room_id]:
            d = queues[srv]
            d.pending_pdus += pdus
            d.pending_edus += edus
            if not d.busy and not d.blacklisted:
                sim.spawn(sender(d), rng.randint(1 * MS, 20 * MS))

    # ---- local clients ----
    tick = {"pdu": 0, "txn": 0, "req": 0, "sync": 0}  # every n-th PDU / txn / request goes the rare way

    def sync_loop(user):
        yield secs(0, 20)
        while True:
            dur = secs(29.9, 30.2) if rng.random() < 0.9 else secs(0.002, 12.0)
            yield dur
            tick["sync"] += 1
            if tick["sync"] % 17 == 9:
                err = S.cycle("req_fail", "sync_error", SYNC_ERRORS)
                log("req_fail", [go_escape(err), req_id(), "GET", "/_matrix/client/v3/sync", user])
                yield secs(1, 3)
                continue
            log("req_done", [200, go_duration(dur), req_id(), "GET", "/_matrix/client/v3/sync", user])
            yield secs(0.01, 0.3)

    SYNC_ERRORS = [
        "PDUStreamProvider.IncrementalSync: pq: canceling statement due to user request",
        "failed to load device list changes: context canceled",
    ]

    REQ_ERRORS = [
        "rsAPI.QueryLatestEventsAndState: context deadline exceeded",
        "failed to get room version: room not found",
        'pq: duplicate key value violates unique constraint "syncapi_send_to_device_pkey"',
        "json: cannot unmarshal number into Go struct field .body of type string",
    ]

    def sender_loop(user, mean_s):
        yield secs(1, mean_s)
        n = 0
        while True:
            yield int(rng.expovariate(1 / mean_s) * NS) + MS
            n += 1
            rid = rng.choice(ROOM_IDS)
            what = rng.random()
            if what < 0.70:
                path = f"/_matrix/client/v3/rooms/{rid}/send/m.room.message/m{unix_ms(sim.now)}.{n}"
                method, etype = "PUT", "m.room.message"
            elif what < 0.80:
                path = f"/_matrix/client/v3/rooms/{rid}/send/m.reaction/m{unix_ms(sim.now)}.{n}"
                method, etype = "PUT", "m.reaction"
            elif what < 0.92:
                path = f"/_matrix/client/v3/rooms/{rid}/read_markers"
                method, etype = "POST", None
            else:
                path = "/_matrix/client/v3/keys/query"
                method, etype = "POST", None
            dur = secs(0.004, 0.35)
            yield dur
            tick["req"] += 1
            if tick["req"] % 6 == 4:
                err = S.cycle("req_fail", "error", REQ_ERRORS)
                log("req_fail", [go_escape(err), req_id(), method, lq(path), user])
                continue
            if tick["req"] % 10 == 7:  # rate limited: M_LIMIT_EXCEEDED, nothing is sent
                log("req_done", [429, go_duration(dur // 20), req_id(), method, lq(path), user])
                continue
            log("req_done", [200, go_duration(dur), req_id(), method, lq(path), user])
            if etype:
                yield rng.randint(1 * MS, 15 * MS)
                log("processed", [event_id(), rid, etype])
                fanout(rid, 1, rng.choice([0, 0, 1, 2]))
            else:
                fanout(rid, 0, 1)

    def membership_changes():
        while True:
            yield int(rng.expovariate(1 / 150.0) * NS) + NS
            rid = rng.choice(ROOM_IDS)
            user = rng.choice(USERS)
            path = f"/_matrix/client/v3/rooms/{rid}/join" if S.cycle("membership", "kind", [0, 1, 0]) else \
                f"/_matrix/client/v3/rooms/{rid}/state/m.room.topic/"
            dur = secs(0.02, 0.6)
            yield dur
            log("req_done", [200, go_duration(dur), req_id(), rng.choice(["POST", "PUT"]), lq(path), user])
            yield rng.randint(2 * MS, 30 * MS)
            if path.endswith("/join"):
                log("processed_state", [event_id(), rid, lq(user), "m.room.member"])
            else:
                log("processed_state", [event_id(), rid, lq(""), "m.room.topic"])
            fanout(rid, 1, 0)

    # ---- remote servers pushing to us ----
    REJECT = [
        "event not signed by the origin server",
        "the event's sender is not allowed to send this event: invalid power level",
        'auth event "$GQ2x" is missing or rejected',
    ]


    def remote(srv, mean_s):
        yield secs(2, mean_s)
        txn = 1798000000000 + rng.randint(0, 99999)
        rooms = [r for r, srvs in ROOMS.items() if srv in srvs]
        while True:
            yield int(rng.expovariate(1 / mean_s) * NS) + MS
            if down(srv):
                continue
            txn += rng.randint(1, 40)
            npdu = rng.choice([0, 1, 1, 1, 2, 3])
            nedu = rng.choice([0, 1, 2, 4])
            if npdu + nedu == 0:
                nedu = 1
            log("incoming", [nedu, srv, npdu, txn])
            d = queues[srv]
            if d.blacklisted or d.failures:
                yield rng.randint(1 * MS, 4 * MS)
                d.blacklisted = False
                d.failures = 0
                d.backoff_until = 0
                log("reset", [srv])
                if not d.busy and d.pending_pdus + d.pending_edus:
                    sim.spawn(sender(d), rng.randint(5 * MS, 50 * MS))
            rid = rng.choice(rooms)
            tick["txn"] += 1
            if npdu and tick["txn"] % 6 == 3:
                yield rng.randint(3 * MS, 20 * MS)
                nmiss = rng.randint(1, 25)
                log("missing", [nmiss, srv, rid])
                yield secs(0.1, 1.5)
            for _ in range(npdu):
                yield rng.randint(2 * MS, 40 * MS)
                tick["pdu"] += 1
                if tick["pdu"] % 9 == 4:
                    log("rejected", [go_escape(S.cycle("rejected", "err", REJECT)), event_id(), rid])
                elif tick["pdu"] % 7 == 2:
                    ruser = rng.choice(REMOTE_USERS[srv])
                    log("processed_state", [event_id(), rid, lq(ruser), "m.room.member"])
                else:
                    log("processed", [event_id(), rid,
                                      S.cycle("processed", "remote_type",
                                              ["m.room.message", "m.room.encrypted", "m.room.message", "m.reaction"])])

    for u in USERS[:2]:
        sim.spawn(sync_loop(u))
    for u, mean in zip(USERS, [140, 190, 300, 240, 600]):
        sim.spawn(sender_loop(u, mean))
    sim.spawn(membership_changes())
    for srv, mean in [("matrix.example.net", 70), ("chat.example.com", 110),
                      ("m.fictional.dev", 140), ("offline.example.invalid", 240)]:
        sim.spawn(remote(srv, mean))
    sim.run(lambda: len(S.rows) >= N_LINES)
    return S


# ----------------------------------------------------------------------------
# 3. Zulip -- server.log written by Django with ZulipFormatter (shuffle)
# ----------------------------------------------------------------------------
# %(asctime)s.%(msecs)03d %(zulip_level_abbrev)-4s [%(zulip_origin)s] %(message)s

ZULIP_RE = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} (?:INFO|WARN|ERR |DEBG|CRIT) \[[A-Za-z_.]+\] "


def zulip_header(ns, level, origin):
    dt, _ = clock(ns)
    return f"{ymd(dt)} {hms(dt)}.{dt.microsecond // 1000:03d} {level:<4} [{origin}] "


def build_zulip():
    S = System("Zulip", 3, ZULIP_RE, zulip_header, "shuffle")
    S.declare("req_db", "<*> <*> <*> <*> (db: <*>/<*>) <*> (<*> via <*>)", level="INFO", origin="zr")
    S.declare("req_nodb", "<*> <*> <*> <*> <*> (<*> via <*>)", level="INFO", origin="zr")
    S.declare("req_start", "<*> <*> <*> <*> (db: <*>/<*>) (+start: <*>) <*> (<*> via <*>)", level="INFO", origin="zr")
    S.declare("status", "status=<*>, data=b'<*>', uid=<*>", level="INFO", origin="zr")
    S.declare("push_send", "Sending push notifications to mobile clients for user <*>", level="INFO",
              origin="zerver.lib.push_notifications")
    S.declare("push_sent", "Sent mobile push notifications for user <*> through bouncer: <*> via FCM devices, <*> via APNs devices",
              level="INFO", origin="zerver.lib.push_notifications")
    S.declare("gc", "Tornado <*> removed <*> expired event queues owned by <*> users in <*>. Now <*> active queues, <*>",
              level="INFO", origin="zerver.tornado.event_queue")
    S.declare("ise", "Internal Server Error: <*>", level="ERR", origin="django.request")
    S.declare("not_found", "Not Found: <*>", level="WARN", origin="django.request")
    S.declare("bad_host", "Invalid HTTP_HOST header: '<*>'. You may need to add '<*>' to ALLOWED_HOSTS.",
              level="ERR", origin="django.security.DisallowedHost")
    S.declare("w_connect", "Worker <*> connecting to queue <*>", level="INFO", origin="zerver.worker.queue_processors")
    S.declare("w_reconnect", "Worker <*> reconnecting to queue <*>", level="WARN", origin="zerver.worker.queue_processors")
    S.declare("q_problem", "Problem handling data on queue <*>", level="ERR", origin="zulip.queue")
    counts = {"req_db": 128, "req_nodb": 40, "req_start": 12, "status": 20, "push_send": 22, "push_sent": 20,
              "gc": 16, "ise": 5, "not_found": 14, "bad_host": 6, "w_connect": 9, "w_reconnect": 4, "q_problem": 4}
    rng = S.rng

    IPS = ["127.0.0.1", "10.8.0.12", "192.168.40.201", "203.0.113.145", "172.20.0.1",
           "2001:db8:1c::4f", "198.51.100.7", "10.8.0.130"]
    REQUESTERS = ["8u@acme", "12u@acme", "8u@acme", "31u@acme", "2u@research", "140u@acme", "5u@research"]
    CLIENTS = ["website", "ZulipMobile", "website", "ZulipElectron", "ZulipTerminal"]
    ROUTES = [  # method, path, client override
        ("GET", "/json/events", None),
        ("POST", "/json/users/me/presence", None),
        ("POST", "/json/messages", None),
        ("GET", "/json/messages", None),
        ("POST", "/json/messages/flags", None),
        ("PATCH", "/json/messages/48213", None),
        ("POST", "/api/v1/messages", "ZulipPython"),
        ("GET", "/api/v1/users/me/subscriptions", "ZulipMobile"),
        ("DELETE", "/json/users/me/subscriptions", None),
        ("POST", "/api/v1/external/github", "ZulipGitHubWebhook"),
        ("POST", "/json/typing", None),
    ]

    def fmt_td(seconds):
        return f"{seconds:.1f}s" if seconds >= 1 else f"{seconds * 1000:.0f}ms"

    def head(method, status, secs):
        ip = S.cycle("zr", "ip", IPS)
        return [f"{ip:<15}", f"{method:<7}", f"{status:3}", fmt_td(secs)]

    def request(key):
        method, path, client = S.cycle(key, "route", ROUTES)
        client = client or S.cycle(key, "client", CLIENTS)
        who = S.cycle(key, "who", REQUESTERS)
        if client == "ZulipGitHubWebhook":
            who = S.cycle(key, "bot", ["27u@acme", "93u@research"])
        status = 200 if rng.random() < 0.86 else rng.choice([400, 403, 429])
        if path == "/json/events":
            secs = rng.uniform(0.002, 0.08) if rng.random() < 0.4 else rng.uniform(48, 60)
        else:
            secs = rng.expovariate(1 / 0.06)
        return method, path, client, who, status, secs

    STATUS_DATA = [
        (400, '{"result":"error","msg":"Invalid message(s)","code":"BAD_REQUEST"}'),
        (400, '{"result":"error","msg":"Invalid narrow operator: unknown operator, expected channel or topic","code":"BAD_REQUEST"}'),
        (403, '{"result":"error","msg":"Not logged in: API authentication or user session required","code":"UNAUTHORIZED"}'),
        (429, '{"result":"error","msg":"API usage exceeded rate limit","retry-after":2.37,"code":"RATE_LIMIT_HIT"}'),
        (400, '{"result":"error","msg":"Missing \'content\' argument","code":"REQUEST_VARIABLE_MISSING","var_name":"content"}'),
    ]
    QUEUES = ["user_activity", "missedmessage_emails", "embed_links", "deferred_work",
              "outgoing_webhooks", "email_senders", "user_presence"]

    def make(key, t):
        if key == "req_db":
            method, path, client, who, status, secs = request(key)
            qn = rng.randint(1, 40)
            db = fmt_td(min(secs, 0.25) * rng.uniform(0.05, 0.6))
            return head(method, status, secs) + [db, f"{qn}q", path, who, client], {}
        if key == "req_nodb":
            method, path, client, who, status, secs = request(key)
            if rng.random() < 0.5:
                method, path, who, client, status = "GET", S.cycle(key, "unauth", ["/", "/login/", "/static/favicon.ico"]), \
                    "unauth@acme", "Mozilla", S.cycle(key, "unauth_status", [302, 200, 304])
            return head(method, status, secs) + [path, who, client], {}
        if key == "req_start":
            method, path, client, who, status, secs = request(key)
            secs += rng.uniform(0.2, 1.5)
            return head(method, status, secs) + [fmt_td(secs * 0.2), f"{rng.randint(5, 60)}q",
                                                  fmt_td(secs * rng.uniform(0.3, 0.8)), path, who, client], {}
        if key == "status":
            status, data = S.cycle(key, "data", STATUS_DATA)
            shown = repr(data.encode())  # b'...' (JSON has double quotes, so repr picks single ones)
            assert shown.startswith("b'") and shown.endswith("'")
            return [f"{status:3}", shown[2:-1], S.cycle(key, "who", REQUESTERS)], {}
        if key == "push_send":
            return [S.cycle(key, "uid", ["8", "12", "31", "140", "1207"])], {}
        if key == "push_sent":
            return [S.cycle(key, "uid", ["12", "8", "1207", "31"]), S.cycle(key, "fcm", [1, 0, 2, 1]),
                    S.cycle(key, "apns", [0, 1, 0, 3, 1])], {}
        if key == "gc":
            active = rng.randint(40, 260)
            web = rng.randint(10, active)
            mob = rng.randint(0, active - web)
            clients = {"website": web, "ZulipMobile": mob, "ZulipElectron": active - web - mob}
            return [S.cycle(key, "port", [9800, 9801]), rng.randint(0, 30), rng.randint(0, 12),
                    f"{rng.uniform(0.0004, 0.09):.3f}s", active, repr(clients)], {}
        if key == "ise":
            return [S.cycle(key, "path", ["/json/messages", "/api/v1/register", "/json/realm/emoji/party_parrot"])], {}
        if key == "not_found":
            return [S.cycle(key, "path", ["/favicon.ico", "/wp-login.php", "/.env", "/apple-touch-icon-precomposed.png",
                                          "/json/streams/9999/members", "/.git/config"])], {}
        if key == "bad_host":
            host = S.cycle(key, "host", ["203.0.113.9:443", "chat.acme.example:8443", "localhost", "198.51.100.250"])
            return [host, host.split(":")[0]], {}
        if key == "w_connect":
            return [S.cycle(key, "n", [0, 1, 2]), S.cycle(key, "q", QUEUES)], {}
        if key == "w_reconnect":
            return [S.cycle(key, "n", [0, 1]), S.cycle(key, "q", ["embed_links", "outgoing_webhooks", "email_senders"])], {}
        if key == "q_problem":
            return [S.cycle(key, "q", ["embed_links", "outgoing_webhooks", "missedmessage_emails"])], {}
        raise KeyError(key)

    shuffle_stamp(S, counts, 8 * 3600 * NS + 41 * 60 * NS, 9.0, make)
    return S


# ----------------------------------------------------------------------------
# 4. BIRD -- BIRD 2 log file, timeformat "iso long ms" (simulation: BGP sessions)
# ----------------------------------------------------------------------------

BIRD_RE = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} <(?:TRACE|INFO|RMT|WARN|ERR|AUTH|FATAL|BUG|DBG)> "


def bird_header(ns, level):
    dt, _ = clock(ns)
    return f"{ymd(dt)} {hms(dt)}.{dt.microsecond // 1000:03d} <{level}> "


def build_bird():
    S = System("BIRD", 4, BIRD_RE, bird_header, "simulation")
    S.declare("state", "<*>: State changed to <*>", level="TRACE")
    S.declare("connecting", "<*>: Connecting to <*> from local address <*>", level="TRACE")
    S.declare("send_open", "<*>: Sending OPEN(ver=4,as=<*>,hold=<*>,id=c0000202)", level="TRACE")
    S.declare("got_open", "<*>: Got OPEN(as=<*>,hold=<*>,id=<*>)", level="TRACE")
    S.declare("send_ka", "<*>: Sending KEEPALIVE", level="TRACE")
    S.declare("got_ka", "<*>: Got KEEPALIVE", level="TRACE")
    S.declare("established", "<*>: BGP session established", level="TRACE")
    S.declare("imp_added", "<*> < added <*> unicast", level="TRACE")
    S.declare("imp_filtered", "<*> < filtered out <*> unicast", level="TRACE")
    S.declare("imp_removed", "<*> < removed <*> unicast", level="TRACE")
    S.declare("exp_added", "<*> > added [best] <*> unicast", level="TRACE")
    S.declare("error", "<*>: Error: <*>", level="RMT")
    S.declare("received", "<*>: Received: <*>", level="RMT")
    S.declare("reconfiguring", "Reconfiguring", level="INFO")
    S.declare("reconfigured", "Reconfigured", level="INFO")

    rng = S.rng
    sim = Sim(14 * 3600 * NS + 27 * 60 * NS)

    def log(key, values, **hdr):
        S.emit(sim.now, key, values, **hdr)

    def msr(a, b):
        return int(rng.uniform(a, b) * MS)

    PEERS = [
        dict(name="transit_a", nbr="192.0.2.1", local="192.0.2.2", las=65010, hold=240, open_as=64500,
             phold=240, pid="192.0.2.1", v6=False, flap=0.07, pkts=True,
             pfx=["198.51.100.0/24", "203.0.113.0/24", "100.64.0.0/10", "192.0.2.128/25", "45.12.8.0/22",
                  "10.0.0.0/8", "185.40.16.0/20", "93.184.216.0/24", "23.0.0.0/12"]),
        dict(name="ix_rs1", nbr="203.0.113.254", local="203.0.113.17", las=65010, hold=240, open_as=64496,
             phold=180, pid="203.0.113.254", v6=False, flap=0.05, pkts=False,
             pfx=["185.1.0.0/24", "141.101.64.0/18", "172.16.5.0/24", "31.13.24.0/21", "192.168.0.0/16"]),
        dict(name="r2", nbr="10.255.0.2", local="10.255.0.1", las=65010, hold=90, open_as=65010,
             phold=90, pid="10.255.255.2", v6=False, flap=0.025, pkts=False,
             pfx=["10.20.0.0/16", "10.21.4.0/22", "10.255.0.2/32"]),
        dict(name="transit_b_v6", nbr="2001:db8:ff00::1", local="2001:db8:ff00::2", las=65010, hold=240,
             open_as=64511, phold=90, pid="198.18.0.1", v6=True, flap=0.025, pkts=False,
             pfx=["2001:db8:100::/40", "2a00:1450::/32", "2001:db8:abcd:12::/64", "2606:4700::/32", "fd00::/8"]),
        dict(name="cust_acme", nbr="198.51.100.9", local="198.51.100.10", las=64512, hold=180,
             open_as=23456, phold=180, pid="198.51.100.9", v6=False, flap=0.08, pkts=True,
             pfx=["198.51.100.0/28", "192.0.2.0/24", "203.0.113.64/26"]),
    ]
    BOGON = {"10.0.0.0/8", "192.168.0.0/16", "172.16.5.0/24", "fd00::/8", "100.64.0.0/10", "192.0.2.0/24"}
    LOCAL_ERR = ["Hold timer expired", "Bad peer AS: 65099", "Hold timer expired", "Connection lost: Broken pipe"]
    REMOTE_ERR = ["Administrative reset", "Hold timer expired", "Administrative shutdown", "Peer de-configured"]

    def session(p):
        yield msr(0, 12000)
        while True:
            name = p["name"]
            log("state", [name, "start"])
            yield msr(1, 8)
            log("connecting", [name, p["nbr"], p["local"]])
            yield msr(1, 40)
            if p["pkts"]:  # "debug all" on the two peers being watched; states/routes/events elsewhere
                log("send_open", [name, p["las"], p["hold"]])
                yield msr(1, 60)
                log("got_open", [name, p["open_as"], p["phold"], p["pid"]])
                yield msr(0.2, 2)
                log("send_ka", [name])
                yield msr(1, 60)
                log("got_ka", [name])
                yield msr(0.1, 1)
            else:
                yield msr(2, 120)
            log("established", [name])
            yield msr(0.1, 1)
            log("state", [name, "up"])
            installed = []
            share = rng.sample(p["pfx"], k=max(2, int(len(p["pfx"]) * rng.uniform(0.6, 1.0))))
            for pfx in share:
                yield msr(1, 120)
                if pfx in BOGON:
                    log("imp_filtered", [name, pfx])
                else:
                    log("imp_added", [name, pfx])
                    installed.append(pfx)
                    if rng.random() < 0.55:
                        yield msr(0.1, 3)
                        log("exp_added", ["kernel6" if p["v6"] else "kernel4", pfx])
            ka = min(p["hold"], p["phold"]) / 3.0
            while True:
                yield int(rng.uniform(0.75, 1.0) * ka * NS)
                if rng.random() < p["flap"]:
                    break
                if not p["pkts"]:
                    continue
                log("send_ka", [name])
                if rng.random() < 0.9:
                    yield msr(1, 50)
                    log("got_ka", [name])
            if S.cycle("down", name, ["error", "received"]) == "error":
                log("error", [name, S.cycle("error", name, LOCAL_ERR)])
            else:
                log("received", [name, S.cycle("received", name, REMOTE_ERR)])
            yield msr(0.1, 2)
            log("state", [name, "stop"])
            for pfx in installed:
                yield msr(0.1, 4)
                log("imp_removed", [name, pfx])
            yield msr(1, 30)
            log("state", [name, "down"])
            yield int(rng.uniform(5, 120) * NS)

    def reconfig():
        while True:
            yield int(rng.uniform(300, 520) * NS)
            log("reconfiguring", [])
            yield msr(20, 300)
            log("reconfigured", [])

    for p in PEERS:
        sim.spawn(session(p))
    sim.spawn(reconfig(), 30 * NS)
    sim.run(lambda: len(S.rows) >= N_LINES)
    return S


# ----------------------------------------------------------------------------
# 5. FRRouting -- bgpd/zebra/watchfrr log file (shuffle)
# ----------------------------------------------------------------------------
# YYYY/MM/DD HH:MM:SS DAEMON: [XXXXX-XXXXX] message
# YYYY/MM/DD HH:MM:SS DAEMON: [XXXXX-XXXXX][EC nnnnnnnnn] message

FRR_RE = (r"\d{4}/\d\d/\d\d \d\d:\d\d:\d\d (?:BGP|ZEBRA|OSPF|STATIC|WATCHFRR): "
          r"\[[0-9A-Z]{5}-[0-9A-Z]{5}\](?:\[EC \d+\])? ")


def frr_header(ns, daemon, uid, ec=None):
    dt, _ = clock(ns)
    tail = f"[EC {ec}]" if ec else ""
    return f"{ymd(dt, '/')} {hms(dt)} {daemon}: [{uid}]{tail} "


def build_frr():
    S = System("FRRouting", 5, FRR_RE, frr_header, "shuffle")
    S.declare("adj_up", "%ADJCHANGE: neighbor <*>(<*>) in vrf default Up", daemon="BGP", uid="MKVQ1-P8N2X")
    S.declare("adj_down", "%ADJCHANGE: neighbor <*>(<*>) in vrf default Down <*>", daemon="BGP", uid="HF7WD-3TZ0R")
    S.declare("notif_sent", "%NOTIFICATION: sent to neighbor <*> <*>/<*> (<*>) <*> bytes", daemon="BGP", uid="5YZ2K-Q0D7A")
    S.declare("notif_rcvd", "%NOTIFICATION: received from neighbor <*> <*>/<*> (<*>) <*> bytes", daemon="BGP", uid="AG4CV-9J1EM")
    S.declare("eor", "bgp_update_receive: rcvd End-of-RIB for <*> from <*> in vrf default", daemon="BGP", uid="N3R0T-W6HKB")
    S.declare("maxpfx", "%MAXPFX: No. of <*> prefix received from <*> reaches <*>, max <*>", daemon="BGP", uid="Z8B5E-1XQ4P")
    S.declare("maxpfx_exceed", "%MAXPFXEXCEED: No. of <*> prefix received from <*> <*> exceed, limit <*>",
              daemon="BGP", uid="R2M9C-7VFJS", ec=33554451)
    S.declare("connect_failed", "<*> [Event] Connect failed <*>(<*>)", daemon="BGP", uid="J0WPS-4CGY6")
    S.declare("hello", "client <*> says hello and bids fair to announce only <*> routes vrf=<*>", daemon="ZEBRA", uid="B6TQ3-X2K8W")
    S.declare("client_close", "client <*> disconnected <*> <*> routes removed from the rib", daemon="ZEBRA", uid="S9DXY-N04RC")
    S.declare("netlink_err", "<*> (NS 0) error: <*>, type=<*>(<*>), seq=<*>, pid=<*>", daemon="ZEBRA", uid="C1VEA-Z3QH5",
              ec=4043309093)
    S.declare("speed", "if_zebra_speed_update: <*> old speed: <*> new speed: <*>", daemon="ZEBRA", uid="K4G7N-HQ2ZD")
    S.declare("terminating", "Terminating on signal", daemon="BGP", uid="X7PQG-0A6MN")
    S.declare("watch_up", "<*> state -> up : connect succeeded", daemon="WATCHFRR", uid="QDG3Y-BY5TN")
    S.declare("config_read", "Configuration Read in Took: <*>", daemon="BGP", uid="T5E6W-8CK1J")
    counts = {"adj_up": 30, "adj_down": 22, "notif_sent": 14, "notif_rcvd": 10, "eor": 40, "maxpfx": 6,
              "maxpfx_exceed": 4, "connect_failed": 102, "hello": 16, "client_close": 8, "netlink_err": 20,
              "speed": 9, "terminating": 5, "watch_up": 8, "config_read": 6}
    rng = S.rng
    NBRS = [("10.0.0.1", "spine1"), ("10.0.0.5", "spine2"), ("swp51", "spine01"),
            ("2001:db8:0:1::1", "leaf3-v6"), ("192.0.2.77", "Unknown"), ("172.31.255.9", "border-rtr-frankfurt-02")]
    NOTIFS = [("4", "0", "Hold Timer Expired"), ("6", "4", "Cease/Administrative Reset"),
              ("6", "2", "Cease/Administrative Shutdown"), ("2", "2", "OPEN Message Error/Bad Peer AS"),
              ("6", "7", "Cease/Connection Collision Resolution")]
    AFI = ["IPv4 Unicast", "IPv6 Unicast", "L2VPN EVPN", "IPv4 Unicast"]
    DAEMONS = [("bgpd", "BGP"), ("zebra", "ZEBRA"), ("staticd", "STATIC"), ("ospfd", "OSPF")]
    NL_ERR = ["File exists", "Network is unreachable", "No such process", "Invalid argument"]
    NL_TYPE = [("RTM_NEWROUTE", 24), ("RTM_DELROUTE", 25), ("RTM_NEWNEXTHOP", 104), ("RTM_NEWROUTE", 24)]
    NL_SOCK = [("netlink-dp", 3523454976), ("netlink-cmd", 3523454977), ("netlink-dp", 3523454976)]

    def make(key, t):
        c = lambda slot, items: S.cycle(key, slot, items)  # noqa: E731
        if key in ("adj_up", "adj_down"):
            host, name = c("nbr", NBRS)
            vals = [host, name]
            if key == "adj_down":
                vals.append(c("why", ["BGP Notification send", "Peer closed the session", "User reset",
                                      "BGP Notification received", "Interface down"]))
            return vals, {}
        if key in ("notif_sent", "notif_rcvd"):
            code, sub, text = c("code", NOTIFS)
            return [c("nbr", [n[0] for n in NBRS]), code, sub, text, c("bytes", [0, 0, 2, 0, 6])], {}
        if key == "eor":
            return [c("afi", AFI), c("from", ["10.0.0.1", "swp51", "10.0.0.5", "2001:db8:0:1::1"])], {}
        if key == "maxpfx":
            limit = c("limit", [1000, 200, 50000])
            return [c("afi", AFI[:2]), c("from", ["192.0.2.77", "172.31.255.9"]), int(limit * 0.75) + rng.randint(0, 9), limit], {}
        if key == "maxpfx_exceed":
            limit = c("limit", [1000, 200])
            return [c("afi", AFI[:2]), c("from", ["192.0.2.77", "172.31.255.9"]), limit + rng.randint(1, 40), limit], {}
        if key == "connect_failed":
            errno, text = c("errno", [(111, "Connection refused"), (113, "No route to host"), (111, "Connection refused"),
                                      (110, "Connection timed out")])
            return [c("peer", ["192.0.2.77", "172.31.255.9", "2001:db8:0:1::1", "192.0.2.77"]), errno, text], {}
        if key == "hello":
            return [rng.randint(18, 64), c("proto", ["bgp", "static", "ospf", "sharp"]), c("vrf", [0, 0, 5])], {}
        if key == "client_close":
            return [rng.randint(18, 64), c("n", [0, 12, 4087, 3, 0]), c("proto", ["bgp", "static", "ospf"])], {}
        if key == "netlink_err":
            sock, pid = c("sock", NL_SOCK)
            tname, tnum = c("type", NL_TYPE)
            return [sock, c("err", NL_ERR), tname, tnum, rng.randint(1000, 2_000_000), pid], {}
        if key == "speed":
            return [c("if", ["swp1", "swp2", "eth0", "bond0.100"]), c("old", [0, 1000, 0]),
                    c("new", [10000, 25000, 100000])], {}
        if key == "terminating":
            daemon = c("daemon", DAEMONS)[1]
            return [], {"daemon": daemon}
        if key == "watch_up":
            return [c("d", [d[0] for d in DAEMONS])], {}
        if key == "config_read":
            daemon = c("daemon", DAEMONS)[1]
            return [c("took", ["00:00:00", "00:00:01", "00:00:00"])], {"daemon": daemon}
        raise KeyError(key)

    shuffle_stamp(S, counts, 6 * 3600 * NS + 5 * 60 * NS, 24.0, make)
    return S


# ----------------------------------------------------------------------------
# 6. Watchtower -- containrrr/watchtower, logrus text formatter (shuffle)
# ----------------------------------------------------------------------------

WATCHTOWER_RE = r'time="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ" level=(?:trace|debug|info|warning|error|fatal|panic) '


def watchtower_header(ns, level):
    dt, _ = clock(ns)
    return f'time="{ymd(dt)}T{hms(dt)}Z" level={level} '


def build_watchtower():
    S = System("Watchtower", 6, WATCHTOWER_RE, watchtower_header, "shuffle")
    S.declare("version", 'msg="Watchtower <*>"', level="info")
    S.declare("no_notify", 'msg="Using no notifications"', level="info")
    S.declare("check_all", 'msg="Checking all containers (except explicitly disabled with label)"', level="info")
    S.declare("schedule", 'msg="Scheduling first run: <*>"', level="info")
    S.declare("note_first", 'msg="Note that the first check will be performed in <*>"', level="info")
    S.declare("found", 'msg="Found new <*> image (<*>)"', level="info")
    S.declare("stopping", 'msg="Stopping <*> (<*>) with <*>"', level="info")
    S.declare("creating", 'msg="Creating <*>"', level="info")
    S.declare("removing", 'msg="Removing image <*>"', level="info")
    S.declare("session", 'msg="Session done" Failed=<*> Scanned=<*> Updated=<*> notify=no', level="info")
    S.declare("head_fail", 'msg="Could not do a head request for \\"<*>\\", falling back to regular pull." container=<*> image="<*>"',
              level="warning")
    S.declare("head_reason", 'msg="Reason: registry responded to head request with \\"<*>\\", auth: \\"<*>\\"" container=<*> image="<*>"',
              level="warning")
    S.declare("unable", 'msg="Unable to update container \\"<*>\\": <*>. Proceeding to next."', level="info")
    counts = {"version": 5, "no_notify": 5, "check_all": 5, "schedule": 5, "note_first": 5, "found": 22,
              "stopping": 22, "creating": 22, "removing": 18, "session": 121, "head_fail": 30,
              "head_reason": 30, "unable": 10}
    rng = S.rng
    CONTAINERS = [("/web", "nginx:1.27-alpine"), ("/db-backup", "ghcr.io/tiredofit/docker-db-backup:4.0.29"),
                  ("/homeassistant", "ghcr.io/home-assistant/home-assistant:stable"),
                  ("/app", "registry.example.com/team/shop-api:main"), ("/redis", "redis:7"),
                  ("/watchtower", "containrrr/watchtower:latest")]
    PRIVATE = [("/app", "registry.example.com/team/shop-api:main"), ("/db-backup", "ghcr.io/tiredofit/docker-db-backup:4.0.29"),
               ("/mqtt", "docker.io/library/eclipse-mosquitto:2")]
    ERRORS = [
        "Error response from daemon: pull access denied for registry.example.com/team/shop-api, repository does not "
        "exist or may require 'docker login': denied: requested access to the resource is denied",
        'Error response from daemon: Get "https://ghcr.io/v2/": net/http: request canceled while waiting for '
        "connection (Client.Timeout exceeded while awaiting headers)",
        "Error response from daemon: toomanyrequests: You have reached your pull rate limit. You may increase the "
        "limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit",
    ]

    def make(key, t):
        c = lambda slot, items: S.cycle(key, slot, items)  # noqa: E731
        if key == "version":
            return [c("v", ["v1.7.1", "v1.6.0", "v1.7.1"])], {}
        if key in ("no_notify", "check_all"):
            return [], {}
        if key == "schedule":
            dt, _ = clock(t + c("ahead", [3600, 300, 86400 - 2]) * NS)
            first = dt.replace(second=0, microsecond=0)
            return [f"{ymd(first)} {hms(first)} +0000 UTC"], {}
        if key == "note_first":
            return [c("in", ["59 minutes, 58 seconds", "4 minutes, 59 seconds", "23 hours, 59 minutes, 57 seconds",
                             "1 hour, 0 minutes, 0 seconds"])], {}
        if key == "found":
            name, image = c("c", CONTAINERS)
            return [image, "sha256:" + rand_hex(rng, 64)], {}
        if key == "stopping":
            name, _ = c("c", CONTAINERS)
            return [name, rand_hex(rng, 12), c("sig", ["SIGTERM", "SIGTERM", "SIGQUIT", "SIGINT"])], {}
        if key == "creating":
            return [c("c", CONTAINERS)[0]], {}
        if key == "removing":
            return [rand_hex(rng, 12)], {}
        if key == "session":
            scanned = c("scanned", [6, 6, 7, 9])
            updated = rng.choice([0, 0, 0, 0, 1, 2])
            failed = rng.choice([0, 0, 0, 0, 1])
            return [failed, scanned, updated], {}
        if key == "head_fail":
            name, image = c("c", PRIVATE)
            return [image, name, image], {}
        if key == "head_reason":
            name, image = c("c", PRIVATE)
            reason, auth = c("r", [("401 Unauthorized", "not present"), ("404 Not Found", "present"),
                                   ("429 Too Many Requests", "not present")])
            return [reason, auth, name, image], {}
        if key == "unable":
            name, _ = c("c", PRIVATE)
            err = c("e", ERRORS)
            return [name, go_escape(err)], {}
        raise KeyError(key)

    shuffle_stamp(S, counts, 7 * 3600 * NS, 110.0, make)
    return S


# ----------------------------------------------------------------------------
# writing and self-check
# ----------------------------------------------------------------------------

BUILDERS = [build_salt, build_dendrite, build_zulip, build_bird, build_frr, build_watchtower]


def finish(S):
    S.rows = S.rows[:N_LINES]
    out_dir = os.path.join(HERE, S.name)
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, f"{S.name}.log"), "w", encoding="utf-8", newline="\n") as raw:
        for _, header, key, values in S.rows:
            raw.write(header + fill(S.template[key], values) + "\n")
    with open(os.path.join(out_dir, f"{S.name}.log_structured.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_, _, key, values) in enumerate(S.rows, 1):
            w.writerow([i, fill(S.template[key], values), S.eid[key], S.template[key]])


STAMP_RE = re.compile(r"\d{4}[-/]\d\d[-/]\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?")


def template_regex(template):
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in template.split("<*>")) + "$", re.S)


def self_check(S):
    name = S.name
    d = os.path.join(HERE, name)
    with open(os.path.join(d, f"{name}.log"), encoding="utf-8", newline="") as fh:
        text = fh.read()
    assert text.endswith("\n"), name
    raw = text.split("\n")[:-1]
    assert len(raw) == N_LINES, (name, len(raw))
    with open(os.path.join(d, f"{name}.log_structured.csv"), encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], (name, rows[0])
    rows = rows[1:]
    assert len(rows) == N_LINES, (name, len(rows))

    tpl_of = {}
    captures = {}
    counts = {}
    last_time = None
    for i, (row, line) in enumerate(zip(rows, raw), 1):
        assert len(row) == 4, (name, i, row)
        line_id, content, eid, tpl = row
        assert line_id == str(i), (name, i, line_id)
        assert content and content == content.strip(), (name, i, content)
        assert "\n" not in content and "\r" not in content, (name, i)
        assert line.endswith(content), (name, i, line, content)
        header = line[: len(line) - len(content)]
        assert S.header_re.fullmatch(header), (name, i, header)
        tm = STAMP_RE.search(header)
        assert tm, (name, i, header)
        stamp = tuple(int(x) for x in re.findall(r"\d+", tm.group(0)))
        assert last_time is None or stamp >= last_time, (name, i, "time went back")
        last_time = stamp
        assert re.fullmatch(r"E[1-9]\d*", eid), (name, i, eid)
        assert tpl_of.setdefault(eid, tpl) == tpl, (name, i, "two templates for", eid)
        m = template_regex(tpl).fullmatch(content)
        assert m, (name, i, tpl, content)
        for g, value in enumerate(m.groups()):
            captures.setdefault((eid, g), set()).add(value)
        counts[eid] = counts.get(eid, 0) + 1

    # one template per EventId, templates distinct, ids follow declaration order
    assert len(set(tpl_of.values())) == len(tpl_of), (name, "duplicate templates")
    assert set(tpl_of) == {S.eid[k] for k in S.order}, (name, "declared vs used events")
    for k in S.order:
        assert tpl_of[S.eid[k]] == S.template[k], (name, k)
    for (eid, g), vals in captures.items():
        assert len(vals) >= 2, (name, eid, g, vals)
    # the intended values too: every slot takes >= 2 distinct values
    intended = {}
    for _, _, key, values in S.rows:
        for g, v in enumerate(values):
            intended.setdefault((key, g), set()).add(v)
    for (key, g), vals in intended.items():
        assert len(vals) >= 2, (name, key, g, vals)
    # count rules
    n = list(counts.values())
    assert 12 <= len(n) <= 15, (name, len(n))
    assert min(n) >= 3, (name, counts)
    assert sum(1 for c in n if 3 <= c <= 10) >= 3, (name, counts)
    assert max(n) >= 3 * statistics.median(n), (name, counts)
    return counts


def main():
    systems = []
    for b in BUILDERS:
        S = b()
        assert len(S.rows) >= N_LINES, (S.name, len(S.rows))
        finish(S)
        systems.append(S)
    sims = sum(1 for S in systems if S.mode == "simulation")
    assert sims >= 3, sims
    for S in systems:
        counts = self_check(S)
        ordered = sorted(counts.items(), key=lambda kv: int(kv[0][1:]))
        print(f"{S.name} ({S.mode}): {len(counts)} events, "
              + " ".join(f"{e}={c}" for e, c in ordered))
    print("self-check passed")


if __name__ == "__main__":
    main()
