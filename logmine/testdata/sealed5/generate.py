#!/usr/bin/env python3
"""Writes sealed corpus 5, a blind, labelled log corpus (see README.md beside this file).

Six systems, 300 lines each: Fail2ban, Vault, Podman, Dnsmasq, Pulsar, Dask. Every line is made
here from event formats written for this corpus, following each program's default log layout
(written from memory), with values from generators of this file. No line, template or value list
is copied from a real log or data set; the messages are invented in each project's style. The
corpus was written without running any template miner on it and without reading the miner's
source.

Deterministic: fixed seed 20261213, integer clock, no dependence on locale or wall time;
`python3 generate.py` rewrites the same files. Each system gets `<System>/<System>.log` (the raw
lines, header included) and `<System>/<System>.log_structured.csv` (LineId, Content, EventId,
EventTemplate).

Ground truth convention (Loghub style): one `<*>` per value; a value that holds spaces (a
free-text reason or error, a date with its time, a Python timedelta, a list, a size with its
unit) is one `<*>`; punctuation around a value stays literal (`(<*>)`, `'<*>'`, `"<*>"`,
`key=<*>`, `[<*>]`, `<*>#53`); a unit attached to a number stays literal after it when it is
fixed in the slot (`<*> ms`, `<*>s.`, `<*>%`) and is part of the value when it varies (a Go
duration such as `20ms`/`1.28s`, a size such as `1.21 GiB`/`640.35 MiB`); text that never
changes within an event type stays literal even when it looks like a value. Event formats are
written directly as their templates: each `<*>` in a format is filled with one generated value,
and every `<*>` slot takes at least two different values within its event type (checked when
the lines are made and again on read-back).

At the end the files are read back and checked (see `self_check`).
"""
import calendar
import csv
import os
import random
import re
import string
import time

SEED = 20261213
R = random.Random(SEED)
LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["Fail2ban", "Vault", "Podman", "Dnsmasq", "Pulsar", "Dask"]
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


# ------------------------------------------------------------------------------------------
# Small value generators (pools written for this corpus).
def pick(seq):
    return R.choice(seq)


def num(a, b):
    return str(R.randint(a, b))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def alnum(n):
    return "".join(R.choice(string.ascii_letters + string.digits) for _ in range(n))


def uuid4():
    return "%s-%s-4%s-%s%s-%s" % (hexid(8), hexid(4), hexid(3), R.choice("89ab"), hexid(3), hexid(12))


def outside_ip():
    kind = R.random()
    if kind < 0.4:
        return "203.0.113.%d" % R.randint(1, 254)
    if kind < 0.75:
        return "198.51.100.%d" % R.randint(1, 254)
    return "192.0.2.%d" % R.randint(1, 254)


def eph_port():
    return str(R.randint(32768, 60999))


def go_duration(ns):
    """Go's `time.Duration.String()` below one minute: `845ns`, `123.456µs`, `1.234567ms`,
    `2.5s` (trailing zeros of the fraction dropped)."""
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
    ms = lo_ms * (hi_ms / lo_ms) ** R.random()
    return go_duration(max(int(ms * 10 ** 6), 1))


def format_bytes(n):
    """dask's `format_bytes`: two decimals and a binary unit, `812.47 MiB`, `1.21 GiB`."""
    for unit, k in (("PiB", 2 ** 50), ("TiB", 2 ** 40), ("GiB", 2 ** 30), ("MiB", 2 ** 20), ("kiB", 2 ** 10)):
        if n >= k * 0.9:
            return "%.2f %s" % (n / k, unit)
    return "%d B" % n


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
    """Integer nanosecond clock starting on 2026-12-13 at a random second of the day (UTC)."""

    def __init__(self):
        self.start = calendar.timegm((2026, 12, 13, 0, 0, 0)) + R.randint(7 * 3600, 15 * 3600)
        self.ns = self.start * 10 ** 9 + R.randint(0, 10 ** 9 - 1)

    def tick(self):
        self.ns += R.randint(3 * 10 ** 6, 2500 * 10 ** 6)

    @property
    def sec(self):
        return self.ns // 10 ** 9

    def frac(self, digits):
        return "%0*d" % (digits, (self.ns % 10 ** 9) // 10 ** (9 - digits))


def ymd_hms(sec, sep="-", tsep=" "):
    g = time.gmtime(sec)
    return "%04d%s%02d%s%02d%s%02d:%02d:%02d" % (g.tm_year, sep, g.tm_mon, sep, g.tm_mday, tsep, g.tm_hour, g.tm_min, g.tm_sec)


def syslog_stamp(sec):
    """`Dec 13 10:00:00`: rsyslog's traditional format pads the day with a space, journalctl's
    short format with a zero; on the 13th both read the same."""
    g = time.gmtime(sec)
    return "%s %2d %02d:%02d:%02d" % (MONTHS[g.tm_mon - 1], g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec)


def timedelta_str(seconds):
    """Python's `str(datetime.timedelta(seconds=...))`: `2:00:00`, `1 day, 0:00:00`."""
    days, rest = divmod(seconds, 86400)
    h, rest = divmod(rest, 3600)
    m, s = divmod(rest, 60)
    hms = "%d:%02d:%02d" % (h, m, s)
    if days:
        return "%d day%s, %s" % (days, "" if days == 1 else "s", hms)
    return hms


def go_quote(s):
    """Go's `strconv.Quote` for printable ASCII: backslash and double quote escaped, `\\n`,
    `\\t` written as escapes."""
    out = []
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        else:
            assert 32 <= ord(ch) < 127, s
            out.append(ch)
    return '"' + "".join(out) + '"'


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


# ------------------------------------------------------------------------------------------
def write(system, clock, events, render):
    """events: list of (count, tag, gen); gen() -> ev(...), called after the clock ticked for
    the line; render(tag, content) -> the raw line. Counts sum to LINES; the order of lines is a
    seeded shuffle. Checks that every slot of every event type takes two or more values."""
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
        assert "\n" not in line and "\r" not in line, (system, line)
        assert line.endswith(content), (system, line)
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
# 1. Fail2ban, /var/log/fail2ban.log with the default format
#    `%(asctime)s %(name)-24s[%(process)d]: %(levelname)-7s %(message)s`:
#    `2026-12-13 10:00:00,123 fail2ban.actions        [812]: NOTICE  [sshd] Ban 203.0.113.7`.
#    Content is what follows `[pid]: ` and the level padded to 7 and its space.
def fail2ban():
    c = Clock()
    pid = R.randint(600, 2400)
    jails = ["sshd", "sshd", "sshd", "postfix-sasl", "nginx-botsearch", "dovecot", "recidive"]
    attackers = [outside_ip() for _ in range(40)]
    banned = []

    def jail():
        return pick(jails)

    def attacker():
        return pick(attackers)

    def found():
        seen = c.sec - R.randint(0, 3)
        return ev("[<*>] Found <*> - <*>", jail(), attacker(), ymd_hms(seen))

    def ban():
        ip = attacker()
        banned.append(ip)
        return ev("[<*>] Ban <*>", jail(), ip)

    def unban():
        ip = pick(banned) if banned and R.random() < 0.7 else attacker()
        return ev("[<*>] Unban <*>", jail(), ip)

    def increase():
        n = R.randint(2, 6)
        bantime = 600 * 4 ** min(n - 1, 4) if R.random() < 0.5 else 3600 * 2 ** (n - 1)
        bantime = min(bantime, 7 * 86400)
        return ev("[<*>] Increase Ban <*> (<*> # <*> -> <*>)", jail(), attacker(), n, timedelta_str(bantime),
                  ymd_hms(c.sec + bantime))

    ignore_by = Cycle(["ip", "ip", "ignoreself rule", "command"])
    ignored = ["10.8.0.4", "10.8.0.17", "192.168.77.2", "127.0.0.1"]
    logfiles = Cycle([("sshd", "/var/log/auth.log"), ("postfix-sasl", "/var/log/mail.log"),
                      ("nginx-botsearch", "/var/log/nginx/access.log"), ("dovecot", "/var/log/mail.log"),
                      ("recidive", "/var/log/fail2ban.log"), ("nginx-botsearch", "/srv/shop/logs/nginx-error.log")])
    dns_hosts = Cycle(["mx-backup.example.net", "office-gw.example.org", "monitor.internal", "vpn.example.com"])
    dns_errors = Cycle(["[Errno -2] Name or service not known", "[Errno -3] Temporary failure in name resolution",
                        "[Errno -5] No address associated with hostname", "timed out"])
    stderr_msgs = Cycle(["iptables: Chain already exists.",
                         "iptables v1.8.9 (nf_tables): Couldn't load match `multiport':No such file or directory",
                         "Error: Could not process rule: No such file or directory",
                         "ipset v7.17: The set with the given name does not exist",
                         "iptables: No chain/target/match by that name."])
    failures = Cycle([("ban", "nftables-multiport"), ("unban", "iptables-multiport"),
                      ("ban", "iptables-ipset-proto6"), ("unban", "nftables-multiport")])
    action_errors = Cycle(["Script error", "Timeout: command did not finish within 60 seconds",
                           "Error executing command, returned 4", "[Errno 13] Permission denied: '/run/xtables.lock'"])
    families = Cycle(["inet4", "inet4", "inet6"])
    failed_jail = Cycle(["sshd", "sshd", "postfix-sasl", "dovecot"])
    v6 = ["2001:db8:4:1::%x" % R.randint(1, 0xffff) for _ in range(6)]
    started = Cycle(["sshd", "postfix-sasl", "nginx-botsearch", "dovecot", "recidive"])
    stopped = Cycle(["sshd", "postfix-sasl", "nginx-botsearch", "dovecot", "recidive"])

    def failed_action():
        what, action = failures()
        fam = families()
        j = failed_jail()
        ip = pick(v6) if fam == "inet6" else attacker()
        return ev("Failed to execute <*> jail '<*>' action '<*>' info 'ActionInfo({'ip': '<*>', 'family': '<*>'})': <*>",
                  what, j, action, ip, fam, action_errors())

    events = [
        (92, ("fail2ban.filter", "INFO"), found),
        (46, ("fail2ban.actions", "NOTICE"), ban),
        (38, ("fail2ban.actions", "NOTICE"), unban),
        (24, ("fail2ban.actions", "NOTICE"), lambda: ev("[<*>] <*> already banned", jail(), attacker())),
        (20, ("fail2ban.actions", "NOTICE"), increase),
        (16, ("fail2ban.filter", "INFO"), lambda: ev("[<*>] Ignore <*> by <*>", jail(), pick(ignored), ignore_by())),
        (12, ("fail2ban.filter", "INFO"), lambda: (lambda j: ev("[<*>] Added logfile: '<*>' (pos = <*>, hash = <*>)",
                                                                j[0], j[1], pick(["0", num(1000, 9000000)]), hexid(40)))(logfiles())),
        (10, ("fail2ban.ipdns", "WARNING"), lambda: ev("Unable to find a corresponding IP address for <*>: <*>", dns_hosts(), dns_errors())),
        (9, ("fail2ban.jail", "INFO"), lambda: ev("Jail '<*>' started", started())),
        (7, ("fail2ban.jail", "INFO"), lambda: ev("Jail '<*>' stopped", stopped())),
        (8, ("fail2ban.utils", "ERROR"), lambda: ev("<*> -- stderr: '<*>'", "7f%s" % hexid(10), stderr_msgs())),
        (6, ("fail2ban.actions", "ERROR"), failed_action),
        (8, ("fail2ban.actions", "NOTICE"), lambda: ev("[<*>] Restore Ban <*>", jail(), attacker())),
        (4, ("fail2ban.server", "INFO"), lambda: ev("Exiting Fail2ban")),
    ]

    def render(tag, content):
        name, level = tag
        return "%s,%s %s[%d]: %s %s" % (ymd_hms(c.sec), c.frac(3), name.ljust(24), pid, level.ljust(7), content)
    write("Fail2ban", c, events, render)


# ------------------------------------------------------------------------------------------
# 2. HashiCorp Vault server, hclog's default text format:
#    `2026-12-13T10:00:00.123Z [INFO]  core: message: key=value key2="value with spaces"`.
#    The level bracket is padded to 7 (`[INFO] `, `[WARN] `, `[DEBUG]`, `[ERROR]`) and followed
#    by a space; after the message, `:` and the key=value pairs; a value is quoted (Go
#    `strconv.Quote`) when it holds a space or a quote, an empty string is `""`, an empty value
#    of a non-string type is nothing. Content is what follows the level bracket and its padding
#    (it starts at the logger name).
def vault():
    c = Clock()
    roles_db = ["app-readonly", "reporting", "payments-rw"]
    kube_accessors = ["auth_kubernetes_%s" % hexid(8) for _ in range(2)]

    def lease_id():
        k = R.random()
        if k < 0.45:
            return "database/creds/%s/%s" % (pick(roles_db), alnum(24))
        if k < 0.8:
            return "auth/kubernetes/login/h%s" % hexid(40)
        return "aws/creds/%s/%s" % (pick(["deploy", "s3-backup"]), alnum(24))

    rollback_paths = ["secret/", "auth/token/", "database/", "aws/", "identity/", "cubbyhole/", "sys/",
                      "kv-apps/", "auth/kubernetes/", "auth/k8s-edge/", "transit/"]

    def failed_revoke():
        lease = lease_id()
        if lease.startswith("database/"):
            role = lease.split("/")[2]
            err = pick(["failed to revoke entry: resp: (*logical.Response)(nil) err: pq: role \"v-kubernetes-%s-%s\" does not exist" % (role[:6], alnum(20)),
                        "error during revocation: failed to find connection for role \"%s\": database is not available" % role,
                        "failed to revoke entry: resp: (*logical.Response)(nil) err: context deadline exceeded"])
        elif lease.startswith("aws/"):
            err = pick(["failed to revoke entry: resp: (*logical.Response)(nil) err: error revoking IAM user: AccessDenied: not authorized to perform iam:DeleteAccessKey\n\tstatus code: 403, request id: %s" % uuid4(),
                        "plugin shut down"])
        else:
            err = pick(["failed to revoke entry: resp: (*logical.Response)(nil) err: context deadline exceeded", "plugin shut down"])
        return ev("expiration: failed to revoke lease: lease_id=<*> error=\"<*>\"", lease, go_quote(err)[1:-1])

    kube_errors = ["service account name not authorized", "namespace not authorized",
                   "lookup failed: service account unauthorized; this could mean it has been deleted or recreated with a new token",
                   "invalid audience (aud) claim: audience claim does not match any expected audience",
                   "permission denied"]
    service_accounts = ["payments/api", "shop/worker", "monitoring/prometheus", "ci/runner", "shop/frontend"]
    kube_roles = ["payments", "shop", "observability", "ci-deploy"]
    mounts = [("kv-apps/", "kv"), ("database/", "database"), ("transit/", "transit"), ("pki_int/", "pki"),
              ("aws/", "aws"), ("ssh-client-signer/", "ssh"), ("kv-team-data/", "kv")]
    peers = {"10.20.0.12:8201": "vault-2", "10.20.0.13:8201": "vault-3"}

    def heartbeat():
        peer = pick(sorted(peers))
        err = pick(["dial tcp %s: connect: connection refused" % peer,
                    "msgpack decode error [pos 0]: read tcp 10.20.0.11:%s->%s: i/o timeout" % (eph_port(), peer),
                    "remote error: tls: internal error",
                    "dial tcp %s: i/o timeout" % peer])
        return ev("storage.raft: failed to heartbeat to: peer=<*> backoff time=<*> error=\"<*>\"",
                  peer, pick(["10ms", "20ms", "40ms", "80ms", "160ms", "320ms", "640ms", "1.28s", "2.56s"]), go_quote(err)[1:-1])

    def follower():
        peer = pick(sorted(peers))
        return ev("storage.raft: entering follower state: follower=\"Node at 10.20.0.11:8201 [Follower]\" leader-address=<*> leader-id=<*>",
                  peer, peers[peer])

    audits_on = Cycle([("file/", "file"), ("syslog/", "syslog"), ("audit-socket/", "socket"), ("file-archive/", "file")])
    audits_off = Cycle([("file/", "file"), ("syslog/", "syslog"), ("audit-socket/", "socket")])
    seal_errors = Cycle(["context deadline exceeded",
                         "error encrypting data: operation error KMS: Encrypt, https response error StatusCode: 503, RequestID: %s, KMSInternalException: " % uuid4(),
                         "error encrypting data: operation error KMS: Encrypt, exceeded maximum number of attempts, 3"])
    tidy_errors = Cycle(["error fetching serial: context canceled",
                         "error deleting revoked serial 3f:9a:11:c0:7e:52:d4:08 from storage: storage operation timed out",
                         "tidy operation already in progress"])

    def tidy():
        return ev("core: completed token tidy: revoked_accessors=<*> cleaned_parents=<*> duration=<*>",
                  num(0, 900), num(0, 60), rand_go_duration(40, 9000))

    events = [
        (84, "INFO", lambda: ev("expiration: revoked lease: lease_id=<*>", lease_id())),
        (52, "DEBUG", lambda: ev("rollback: attempting rollback: path=<*>", pick(rollback_paths))),
        (34, "ERROR", failed_revoke),
        (28, "WARN", lambda: ev("auth.kubernetes.<*>: login unauthorized: role=<*> service_account=<*> error=\"<*>\"",
                                pick(kube_accessors), pick(kube_roles), pick(service_accounts), pick(kube_errors))),
        (22, "INFO", lambda: ev("core: successful mount: namespace=\"\" path=<*> type=<*> version=\"\"", *pick(mounts))),
        (18, "WARN", heartbeat),
        (14, "INFO", follower),
        (10, "INFO", lambda: ev("core: enabled audit backend: path=<*> type=<*>", *audits_on())),
        (8, "INFO", lambda: ev("core: disabled audit backend: path=<*> type=<*>", *audits_off())),
        (7, "ERROR", lambda: ev("core.autoseal: seal health check failed: elapsed=<*> error=\"<*>\"",
                                rand_go_duration(300, 12000), seal_errors())),
        (5, "INFO", lambda: ev("storage.raft: entering follower state: follower=\"Node at 10.20.0.11:8201 [Follower]\" leader-address= leader-id=")),
        (6, "ERROR", lambda: ev("secrets.pki.pki_7c31d0e4: error tidying certificate store: error=\"<*>\"", tidy_errors())),
        (4, "WARN", lambda: ev("expiration: lease count approaching max: count=<*> max=256000", num(230000, 255000))),
        (8, "INFO", tidy),
    ]

    def render(level, content):
        bracket = ("[%s]" % level).ljust(7)
        return "%s.%sZ %s %s" % (ymd_hms(c.sec, tsep="T"), c.frac(3), bracket, content)
    write("Vault", c, events, render)


# ------------------------------------------------------------------------------------------
# 3. Podman and conmon as `journalctl` prints them by default (`-o short`):
#    `Dec 13 10:00:00 node-7 podman[48213]: message` (day zero-padded). Three kinds of message:
#    podman's events (`<Go time.String()> container start <id> (image=..., name=...)`, with the
#    monotonic reading `m=+...`; pod events carry an empty `image=`), podman's logrus text lines
#    (`time="..." level=warning msg="..."`), and conmon's (`conmon <20 hex of the id> <ninfo>:
#    ...`). Content is what follows `prog[pid]: `.
def podman():
    c = Clock()
    host = "node-7"
    images = ["docker.io/library/nginx:1.27", "quay.io/prometheus/node-exporter:v1.8.2",
              "registry.example.net/shop/api:2026.12.1", "registry.example.net/shop/worker:2026.12.1",
              "docker.io/library/redis:7.4-alpine", "ghcr.io/acme/label-printer:0.9.3"]
    names = ["web", "node-exporter", "shop-api", "shop-worker-1", "shop-worker-2", "redis", "label-printer"]
    containers = {}
    for n in names:
        img = {"web": images[0], "node-exporter": images[1], "shop-api": images[2], "redis": images[4],
               "label-printer": images[5]}.get(n, images[3])
        containers[n] = (hexid(64), img, "container-%s.service" % n, R.randint(3000, 60000))
    pods = {"shop-pod": hexid(64), "monitoring": hexid(64), "printing": hexid(64)}

    def podtime():
        f = c.frac(9).rstrip("0")
        return ymd_hms(c.sec) + ("." + f if f else "")

    def mono():
        return "%d.%09d" % (R.randint(0, 2), R.randint(0, 10 ** 9 - 1))

    def cont():
        n = pick(names)
        return n, containers[n]

    def health():
        n, (cid, img, _, _) = cont()
        return ev("<*> +0000 UTC m=+<*> container health_status <*> (image=<*>, name=<*>, health_status=<*>)",
                  podtime(), mono(), cid, img, n, pick(["healthy", "healthy", "healthy", "unhealthy", "starting"]))

    def with_unit(status):
        def gen():
            n, (cid, img, unit, _) = cont()
            return ev("<*> +0000 UTC m=+<*> container %s <*> (image=<*>, name=<*>, PODMAN_SYSTEMD_UNIT=<*>)" % status,
                      podtime(), mono(), cid, img, n, unit)
        return gen

    def start_plain():
        n, (cid, img, _, _) = cont()
        return ev("<*> +0000 UTC m=+<*> container start <*> (image=<*>, name=<*>)", podtime(), mono(), cid, img, n)

    def exited():
        n, (cid, _, _, cpid) = cont()
        return ev("conmon <*> <ninfo>: container <*> exited with status <*>", cid[:20], cpid + R.randint(1, 40),
                  pick(["0", "0", "0", "1", "137", "143", "2"]))

    def pulled():
        img = pick(images)
        return ev("<*> +0000 UTC m=+<*> image pull <*> <*>", podtime(), "%d.%09d" % (R.randint(1, 40), R.randint(0, 10 ** 9 - 1)),
                  hexid(64), img)

    keys = Cycle([("engine.hooks_dir_override", "/etc/containers/containers.conf"),
                  ("storage.options.mount_program_opts", "/etc/containers/storage.conf"),
                  ("network.default_subnet_pool", "/home/deploy/.config/containers/containers.conf")])
    runtime_errors = Cycle(["error opening file `/run/crun/%s/status`: No such file or directory" % hexid(64),
                            "cannot stop container: container is not running",
                            "kill: No such process",
                            "writing file `pids.max`: Invalid argument",
                            "the requested cgroup controller `cpu` is not available"])
    pod_stop = Cycle(sorted(pods))
    pod_start = Cycle(sorted(pods))
    net_errors = Cycle(["netavark: iptables: No chain/target/match by that name.",
                        "netavark: remove aardvark entries: IO error: No such file or directory (os error 2)",
                        "tearing down network namespace configuration for container: unmounting network namespace: device or resource busy"])
    volumes = Cycle(["shop-uploads", "redis-data", "prom-wal", "%s" % hexid(64)])
    signals = Cycle(["terminated", "interrupt"])

    def pod(status, cyc):
        def gen():
            p = cyc()
            return ev("<*> +0000 UTC m=+<*> pod %s <*> (image=, name=<*>)" % status, podtime(), mono(), pods[p], p)
        return gen

    rare_cont = Cycle(names)

    def logrus_time():
        return ymd_hms(c.sec, tsep="T") + "Z"

    events = [
        (94, ("podman", None), health),
        (54, ("conmon", None), exited),
        (38, ("podman", None), with_unit("died")),
        (26, ("podman", None), with_unit("start")),
        (20, ("podman", None), start_plain),
        (16, ("podman", None), pulled),
        (12, ("podman", None), lambda: (lambda k: ev("time=\"<*>\" level=warning msg=\"Ignoring unknown key [\\\"<*>\\\"] in \\\"<*>\\\"\"",
                                                     logrus_time(), k[0], k[1]))(keys())),
        (10, ("conmon", None), lambda: ev("conmon <*> <nwarn>: runtime stderr: <*>", containers[rare_cont()][0][:20], runtime_errors())),
        (8, ("podman", None), pod("stop", pod_stop)),
        (6, ("podman", None), pod("start", pod_start)),
        (5, ("podman", None), lambda: (lambda n: ev("time=\"<*>\" level=error msg=\"Unable to clean up network for container <*>: \\\"<*>\\\"\"",
                                                    logrus_time(), n[1][0], net_errors()))((None, containers[rare_cont()]))),
        (4, ("podman", None), lambda: ev("<*> +0000 UTC m=+<*> volume create <*>", podtime(), mono(), volumes())),
        (3, ("conmon", None), lambda: ev("conmon <*> <ninfo>: OOM event received", containers[rare_cont()][0][:20])),
        (4, ("podman", None), lambda: ev("time=\"<*>\" level=info msg=\"Received shutdown signal \\\"<*>\\\", terminating!\"",
                                         logrus_time(), signals())),
    ]

    def render(tag, content):
        prog = tag[0]
        if prog == "conmon":
            m = re.match(r"conmon ([0-9a-f]{20}) ", content)
            p = [v[3] for v in containers.values() if v[0].startswith(m.group(1))][0]
        else:
            p = R.randint(61000, 399999)
        return "%s %s %s[%d]: %s" % (syslog_stamp(c.sec), host, prog, p, content)
    write("Podman", c, events, render)


# ------------------------------------------------------------------------------------------
# 4. dnsmasq (DNS with log-queries, and DHCP) in a syslog file, rsyslog's traditional format:
#    `Dec 13 10:00:00 gw-01 dnsmasq[823]: query[A] example.com from 192.168.40.23` (day padded
#    with a space); DHCP lines come from `dnsmasq-dhcp` with the same pid. Content is what
#    follows `prog[pid]: `.
def dnsmasq():
    c = Clock()
    host, pid = "gw-01", R.randint(500, 1500)
    clients = ["192.168.40.%d" % R.randint(20, 199) for _ in range(18)] + ["127.0.0.1", "fd00:40::1c"]
    names = ["api.example.com", "cdn.example.net", "time.example.org", "printer.lan", "nas.lan",
             "_ldap._tcp.corp.example.org", "updates.example.com", "telemetry.example.net",
             "mail.example.org", "wpad.lan", "%s.cloudfront.example.net" % alnum(8).lower(),
             "49.40.168.192.in-addr.arpa", "www.example.com"]
    upstreams = ["9.9.9.9", "149.112.112.112", "1.1.1.1", "2620:fe::fe"]
    ifaces = ["br-lan", "br-lan", "br-lan", "br-guest", "vlan30"]
    macs = ["%02x:%s" % (R.choice([0x00, 0x3c, 0xa4, 0xd8, 0xf0]), ":".join(hexid(2) for _ in range(5))) for _ in range(14)]
    hostnames = ["laptop-ines", "Pixel-8", "printer-2f", "tv-livingroom", "pi-hole-2", "ws-017", "iPad"]

    def lease_ip(iface):
        base = {"br-lan": "192.168.40", "br-guest": "192.168.77", "vlan30": "10.30.0"}[iface]
        return "%s.%d" % (base, R.randint(100, 250))

    def answer():
        k = R.random()
        if k < 0.55:
            return pick([outside_ip(), "192.168.40.%d" % R.randint(2, 19), "2001:db8:%x::%x" % (R.randint(1, 0xfff), R.randint(1, 0xffff))])
        return pick(["NXDOMAIN", "NODATA", "NODATA-IPv6", "<CNAME>", "<CNAME>"])

    def dhcp(tag, with_name):
        iface = Cycle(ifaces)

        def gen():
            i = iface()
            if with_name:
                return ev("%s(<*>) <*> <*> <*>" % tag, i, lease_ip(i), pick(macs), pick(hostnames))
            return ev("%s(<*>) <*> <*>" % tag, i, lease_ip(i), pick(macs))
        return gen

    nak_iface = Cycle(ifaces)
    nak_reasons = Cycle(["wrong network", "address in use", "lease not found", "wrong server-ID", "address not available"])
    hostfiles = Cycle([("/etc/hosts", "7"), ("/etc/dnsmasq.hosts", "42"), ("/var/lib/misc/blocklist.hosts", "18734")])
    nameservers = Cycle(upstreams[:3])

    events = [
        (86, "dnsmasq", lambda: ev("query[<*>] <*> from <*>", pick(["A", "A", "A", "AAAA", "AAAA", "HTTPS", "PTR", "SRV", "TXT"]),
                                   pick(names), pick(clients))),
        (56, "dnsmasq", lambda: ev("reply <*> is <*>", pick(names), answer())),
        (40, "dnsmasq", lambda: ev("forwarded <*> to <*>", pick(names), pick(upstreams))),
        (26, "dnsmasq", lambda: ev("cached <*> is <*>", pick(names), answer())),
        (20, "dnsmasq-dhcp", dhcp("DHCPREQUEST", False)),
        (16, "dnsmasq-dhcp", dhcp("DHCPACK", True)),
        (10, "dnsmasq-dhcp", dhcp("DHCPACK", False)),
        (12, "dnsmasq-dhcp", lambda: ev("DHCPDISCOVER(<*>) <*>", pick(ifaces), pick(macs))),
        (11, "dnsmasq-dhcp", dhcp("DHCPOFFER", False)),
        (6, "dnsmasq-dhcp", lambda: (lambda i: ev("DHCPNAK(<*>) <*> <*> <*>", i, lease_ip(i), pick(macs), nak_reasons()))(nak_iface())),
        (5, "dnsmasq", lambda: ev("read <*> - <*> names", *hostfiles())),
        (4, "dnsmasq", lambda: ev("using nameserver <*>#53", nameservers())),
        (5, "dnsmasq-dhcp", dhcp("DHCPRELEASE", False)),
        (3, "dnsmasq", lambda: ev("Maximum number of concurrent DNS queries reached (max: 150)")),
    ]

    def render(prog, content):
        return "%s %s %s[%d]: %s" % (syslog_stamp(c.sec), host, prog, pid, content)
    write("Dnsmasq", c, events, render)


# ------------------------------------------------------------------------------------------
# 5. Apache Pulsar broker, log4j2 with the broker's default pattern
#    `%d{ISO8601_OFFSET_DATE_TIME_HHMM} [%t] %-5level %logger{36} - %msg%n`:
#    `2026-12-13T10:00:00,123+0000 [pulsar-io-3-4] INFO  org.apache.pulsar.broker.service.ServerCnx - message`
#    (`%logger{36}` keeps up to 36 name segments, so the full class name). Content is what
#    follows `<logger> - `.
def pulsar():
    c = Clock()
    broker = "10.30.1.5"
    clients = ["10.30.%d.%d" % (R.randint(2, 9), R.randint(2, 250)) for _ in range(16)]
    topics = ["persistent://acme/orders/created", "persistent://acme/orders/created-partition-%d" % R.randint(0, 7),
              "persistent://acme/orders/created-partition-%d" % R.randint(8, 15), "persistent://acme/billing/invoices",
              "persistent://public/default/audit-events", "persistent://acme/shipping/label-requests",
              "non-persistent://acme/telemetry/gps-pings", "persistent://acme/billing/invoices-DLQ"]
    durable = [t for t in topics if t.startswith("persistent:")]
    subs = ["billing-sync", "orders-indexer", "audit-archiver", "label-worker", "reader-%s" % hexid(10), "fraud-check"]

    def addr():
        return "%s:%s" % (pick(clients), eph_port())

    def ml_name(t):
        scheme, rest = t.split("://")
        tenant, ns, local = rest.split("/")
        return "%s/%s/%s/%s" % (tenant, ns, scheme, local)

    def producer():
        a = addr()
        return ev("[/<*>] Created new producer: Producer{topic=PersistentTopic{topic=<*>}, client=[id: <*>, L:/%s:6650 - R:/<*>], producerName=<*>, producerId=<*>}" % broker,
                  a, pick(durable), "0x" + hexid(8), a, "pulsar-%d-%d" % (R.randint(1, 30), R.randint(100, 9999)), num(0, 40))

    exceptions = ["java.io.IOException: Connection reset by peer",
                  "io.netty.channel.unix.Errors$NativeIoException: recvAddress(..) failed: Connection reset by peer",
                  "java.lang.IllegalStateException: Namespace bundle acme/orders/0x40000000_0x80000000 is being unloaded",
                  "org.apache.pulsar.broker.service.BrokerServiceException$TopicFencedException: Topic is temporarily unavailable",
                  "javax.net.ssl.SSLHandshakeException: Received fatal alert: certificate_unknown",
                  "io.netty.handler.codec.TooLongFrameException: Adjusted frame length exceeds 5253120: 1195725860 - discarded"]
    sub_errors = Cycle(["org.apache.pulsar.broker.service.BrokerServiceException$SubscriptionBusyException: Subscription is fenced",
                        "org.apache.pulsar.broker.service.BrokerServiceException$ConsumerBusyException: Exclusive consumer is already connected",
                        "org.apache.bookkeeper.mledger.ManagedLedgerException$MetaStoreException: java.util.concurrent.TimeoutException"])
    bundles = ["acme/orders/0x00000000_0x40000000", "acme/orders/0x40000000_0x80000000",
               "acme/billing/0x00000000_0xffffffff", "public/default/0x80000000_0xc0000000"]
    load_b, unload_b = Cycle(bundles), Cycle(bundles)
    ledger_errors = Cycle([("-6", "Not enough non-faulty bookies available"), ("-23", "Bookie handle is not available"),
                           ("-6", "Not enough non-faulty bookies available"), ("-104", "Unexpected condition")])

    err_topic = Cycle(durable)
    backlog_n = Cycle([1, 2, 3])

    def backlog():
        n = backlog_n()
        ts = R.sample(durable, n)
        return ev("Backlog quota exceeded on <*> topics: [<*>]", n, ", ".join(ts))

    events = [
        (80, ("pulsar-io", "INFO", "org.apache.pulsar.broker.service.ServerCnx"),
         lambda: ev("[/<*>] Subscribing on topic <*> / <*>. consumerId: <*>", addr(), pick(topics), pick(subs), num(0, 60))),
        (46, ("pulsar-io", "INFO", "org.apache.pulsar.broker.service.ServerCnx"), producer),
        (34, ("pulsar-io", "WARN", "org.apache.pulsar.broker.service.ServerCnx"),
         lambda: ev("[/<*>] Got exception <*>", addr(), pick(exceptions))),
        (28, ("broker-topic-workers", "INFO", "org.apache.pulsar.broker.service.persistent.PersistentTopic"),
         lambda: ev("[<*>][<*>] Created new subscription for <*>", pick(durable), pick(subs), num(0, 60))),
        (22, ("bookkeeper-ml-scheduler", "INFO", "org.apache.bookkeeper.mledger.impl.ManagedLedgerImpl"),
         lambda: ev("[<*>] Closed ledger <*> after <*> entries (<*> bytes)", ml_name(pick(durable)), num(10000, 990000),
                    num(1000, 50000), num(10 ** 6, 2 * 10 ** 9))),
        (18, ("pulsar-io", "INFO", "org.apache.pulsar.broker.service.ServerCnx"),
         lambda: ev("[PersistentTopic{topic=<*>}][<*>] Closed producer on cnx /<*>. producerId=<*>", pick(durable),
                    "pulsar-%d-%d" % (R.randint(1, 30), R.randint(100, 9999)), addr(), num(0, 40))),
        (14, ("pulsar-io", "INFO", "org.apache.pulsar.broker.service.ServerCnx"),
         lambda: ev("[<*>][<*>] Closed consumer on cnx /<*>. consumerId=<*>", pick(topics), pick(subs), addr(), num(0, 60))),
        (10, ("broker-topic-workers", "ERROR", "org.apache.pulsar.broker.service.persistent.PersistentTopic"),
         lambda: ev("[<*>][<*>] Failed to create subscription: <*>", pick(durable), pick(subs), sub_errors())),
        (9, ("pulsar-dispatcher", "WARN", "org.apache.pulsar.broker.service.persistent.PersistentDispatcherMultipleConsumers"),
         lambda: ev("[<*> / <*>] Dispatch rate limit of <*> msg/s reached, delaying read by <*> ms", pick(durable), pick(subs),
                    pick(["500", "1000", "2000"]), pick(["100", "250", "500", "1000"]))),
        (8, ("pulsar-web", "INFO", "org.apache.pulsar.broker.namespace.NamespaceService"),
         lambda: ev("Loading all topics on bundle: <*>", load_b())),
        (6, ("pulsar-web", "INFO", "org.apache.pulsar.broker.namespace.NamespaceService"),
         lambda: ev("Unloading all topics on bundle: <*>", unload_b())),
        (4, ("pulsar-backlog-quota-checker", "WARN", "org.apache.pulsar.broker.service.BrokerService"), backlog),
        (3, ("bookkeeper-ml-scheduler", "ERROR", "org.apache.bookkeeper.mledger.impl.ManagedLedgerImpl"),
         lambda: (lambda e: ev("[<*>] Error creating ledger rc=<*> <*>", ml_name(err_topic()), e[0], e[1]))(ledger_errors())),
        (18, ("broker-topic-workers", "INFO", "org.apache.pulsar.broker.service.BrokerService"),
         lambda: ev("Created topic <*> - dedup is <*> (latency: <*> ms)", pick(topics), pick(["enabled", "disabled", "disabled"]),
                    num(2, 900))),
    ]

    threads = {"pulsar-io": lambda: "pulsar-io-3-%d" % R.randint(1, 16),
               "broker-topic-workers": lambda: "broker-topic-workers-OrderedExecutor-%d-0" % R.randint(0, 7),
               "bookkeeper-ml-scheduler": lambda: "bookkeeper-ml-scheduler-OrderedScheduler-%d-0" % R.randint(0, 7),
               "pulsar-dispatcher": lambda: "broker-topic-workers-OrderedExecutor-%d-0" % R.randint(0, 7),
               "pulsar-web": lambda: "pulsar-web-41-%d" % R.randint(1, 8),
               "pulsar-backlog-quota-checker": lambda: "pulsar-backlog-quota-checker-28-1"}

    def render(tag, content):
        thread, level, logger = tag
        return "%s,%s+0000 [%s] %s %s - %s" % (ymd_hms(c.sec, tsep="T"), c.frac(3), threads[thread](), level.ljust(5), logger, content)
    write("Pulsar", c, events, render)


# ------------------------------------------------------------------------------------------
# 6. Dask distributed (scheduler, nannies and workers writing to one stream) with its default
#    logging format `%(asctime)s - %(name)s - %(levelname)s - %(message)s`:
#    `2026-12-13 10:00:00,123 - distributed.scheduler - INFO - message`. Content is what follows
#    `- LEVEL - `.
def dask():
    c = Clock()
    workers = ["tcp://10.50.2.%d:%s" % (R.randint(10, 40), eph_port()) for _ in range(10)]
    wnames = {w: str(i) if i < 6 else "gpu-%d" % (i - 6) for i, w in enumerate(workers)}

    def client_id():
        return "%s-%s-11f1-%s-%s" % (hexid(8), hexid(4), hexid(4), hexid(12))

    def worker_state(status_pool):
        w = pick(workers)
        return w, wnames[w], pick(status_pool), num(0, 4000), num(0, 40)

    UNMANAGED = ("Unmanaged memory use is high. This may indicate a memory leak or the memory may not be released to "
                 "the OS; see https://distributed.dask.org/en/latest/worker-memory.html#memory-not-released-back-to-the-os "
                 "for more information. -- Unmanaged memory: <*> -- Worker memory limit: <*>")

    # Per-worker memory limits as `memory_limit="auto"` makes them (the host's memory split
    # between its workers), so not round numbers.
    limits = [int(g * 2 ** 30) for g in (0.93, 1.86, 3.73, 7.45, 15.61, 31.22)]

    def memory_line(word, pct):
        def gen():
            limit = pick(limits)
            p = R.randint(*pct)
            return ev("Worker is at <*>%% memory usage. %s worker. Process memory: <*> -- Worker memory limit: <*>" % word,
                      p, format_bytes(limit * p // 100), format_bytes(limit))
        return gen

    def unmanaged():
        limit = pick(limits)
        return ev(UNMANAGED, format_bytes(int(limit * R.uniform(0.2, 0.85))), format_bytes(limit))

    def task_key():
        return "('%s-%s', %d)" % (pick(["read-parquet", "getitem", "assign", "groupby-sum-chunk", "shuffle-transfer"]), hexid(32), R.randint(0, 63))

    gather_n = Cycle([1, 1, 2, 3])

    def gather():
        n = gather_n()
        return ev("Couldn't gather <*> keys, rescheduling [<*>]", n, ", ".join(task_key() for _ in range(n)))

    oob = Cycle(["dump_cluster_state", "collect_profile", "set_thread_count", "_warm_cache"])
    stop_reasons = ["scheduler-close", "nanny-close", "worker-close", "scheduler-remove-worker", "worker-handle-scheduler-connection-broken"]
    signals = Cycle(["9", "15", "9"])

    def stimulus():
        return "%s-%d.%07d" % (pick(["handle-worker-cleanup", "remove-worker", "worker-heartbeat-missing"]), c.sec, R.randint(0, 9999999))

    events = [
        (88, ("distributed.core", "WARNING"),
         lambda: ev("Event loop was unresponsive in <*> for <*>s.  This is often caused by long-running GIL-holding functions "
                    "or moving large chunks of data. This can cause timeouts and instability.",
                    pick(["Scheduler", "Worker", "Worker", "Nanny"]), "%.2f" % R.uniform(3.0, 48.0))),
        (52, ("distributed.scheduler", "INFO"),
         lambda: ev("Register worker <WorkerState '<*>', name: <*>, status: <*>, memory: <*>, processing: <*>>",
                    *worker_state(["init", "init", "running"]))),
        (38, ("distributed.scheduler", "INFO"), lambda: ev("Receive client connection: Client-<*>", client_id())),
        (26, ("distributed.scheduler", "INFO"), lambda: ev("Close client connection: Client-<*>", client_id())),
        (22, ("distributed.worker.memory", "WARNING"), unmanaged),
        (18, ("distributed.scheduler", "INFO"),
         lambda: ev("Remove worker <WorkerState '<*>', name: <*>, status: <*>, memory: <*>, processing: <*>> (stimulus_id='<*>')",
                    *(worker_state(["closing", "running", "paused", "closing_gracefully"]) + (stimulus(),)))),
        (14, ("distributed.worker.memory", "WARNING"), memory_line("Pausing", (80, 97))),
        (10, ("distributed.worker.memory", "WARNING"), memory_line("Resuming", (52, 79))),
        (8, ("distributed.utils_perf", "WARNING"),
         lambda: ev("full garbage collections took <*>% CPU time recently (threshold: 10%)", num(11, 64))),
        (6, ("distributed.scheduler", "ERROR"), gather),
        (5, ("distributed.worker", "INFO"), lambda: ev("Run out-of-band function '<*>'", oob())),
        (4, ("distributed.nanny", "WARNING"), lambda: ev("Restarting worker")),
        (3, ("distributed.nanny", "INFO"), lambda: ev("Worker process <*> was killed by signal <*>", num(3000, 90000), signals())),
        (6, ("distributed.worker", "INFO"), lambda: ev("Stopping worker at <*>. Reason: <*>", pick(workers), pick(stop_reasons))),
    ]

    def render(tag, content):
        name, level = tag
        return "%s,%s - %s - %s - %s" % (ymd_hms(c.sec), c.frac(3), name, level, content)
    write("Dask", c, events, render)


# ------------------------------------------------------------------------------------------
def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


# Per system: the header that must precede Content on every raw line.
HEADERS = {
    "Fail2ban": re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (?=fail2ban\.)[a-z2.]{1,24} *(?<=^.{48})\[\d+\]: "
                           r"(INFO   |NOTICE |WARNING|ERROR  ) "),
    "Vault": re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (\[DEBUG\]|\[INFO\] |\[WARN\] |\[ERROR\]) "),
    "Podman": re.compile(r"Dec 13 \d\d:\d\d:\d\d node-7 (podman|conmon)\[\d+\]: "),
    "Dnsmasq": re.compile(r"Dec [ 1-3]\d \d\d:\d\d:\d\d gw-01 dnsmasq(-dhcp)?\[\d+\]: "),
    "Pulsar": re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d,\d{3}\+0000 \[[\w.-]+\] (INFO |WARN |ERROR) [\w.$]+ - "),
    "Dask": re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} - distributed(\.\w+)* - (INFO|WARNING|ERROR) - "),
}

# Per system: the sortable timestamp of a raw line.
STAMPS = {
    "Fail2ban": lambda l: l[:23],
    "Vault": lambda l: l[:23],
    "Podman": lambda l: l[:15],
    "Dnsmasq": lambda l: l[:15],
    "Pulsar": lambda l: l[:23],
    "Dask": lambda l: l[:23],
}


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
        stamps = [STAMPS[system](l) for l in lines]
        assert stamps == sorted(stamps), (system, "timestamps go back")
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


if __name__ == "__main__":
    fail2ban()
    vault()
    podman()
    dnsmasq()
    pulsar()
    dask()
    for system, counts in self_check().items():
        print("%-9s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
