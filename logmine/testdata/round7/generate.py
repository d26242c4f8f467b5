#!/usr/bin/env python3
"""Writes the round-7 blind, labelled log corpus (see README.md beside this file).

Six systems, 300 lines each: Laravel, MinIO, Keepalived, Gin, DCGM, Systemd. Every line is made
here from event formats written for this corpus, following each program's default log layout
(written from memory; for DCGM an invented shape, documented in the README), with values from
generators of this file. No line, template or value list is copied from a real log or data set;
the messages are invented in each project's style. The corpus was written without running any
template miner on it and without reading the miner's source.

Deterministic: fixed seed 20261207, integer clock, no dependence on locale or wall time;
`python3 generate.py` rewrites the same files. Each system gets `<System>/<System>.log` (the raw
lines, header included) and `<System>/<System>.log_structured.csv` (LineId, Content, EventId,
EventTemplate).

Ground truth convention (Loghub style): one `<*>` per value; a value that holds spaces (a
quoted string, a free-text reason or error, a list, an SQL statement, a unit description) is
one `<*>`; punctuation around a value stays literal (`(<*>)`, `'<*>'`, `"<*>"`, `key=<*>`,
`[<*>]`, `"key":"<*>"`); a unit attached to a number stays literal after it (`<*>ms`, `<*> C`)
unless the unit itself varies within the slot (a Go duration such as `850µs`/`12.5ms`/`1.2s`,
or a systemd time span such as `345ms`/`2min 3.456s`, is one value); text that never changes
within an event type stays literal. Padding that a program adds to a fixed-width field (Gin's
`%13v` latency, `%15s` client IP, `%-7s` method) belongs to the padded value, so templates are
single-spaced. Event formats are written directly as their templates: each `<*>` in a format is
filled with one generated value, and every `<*>` slot takes at least two different values within
its event type (checked when the lines are made and again on read-back).

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

SEED = 20261207
R = random.Random(SEED)
LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["Laravel", "MinIO", "Keepalived", "Gin", "DCGM", "Systemd"]
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


def lower_alnum(n):
    return "".join(R.choice(string.ascii_lowercase + string.digits) for _ in range(n))


def uuid():
    return "%s-%s-4%s-%s%s-%s" % (hexid(8), hexid(4), hexid(3), R.choice("89ab"), hexid(3), hexid(12))


def client_ip():
    kind = R.random()
    if kind < 0.45:
        return "203.0.113.%d" % R.randint(1, 254)
    if kind < 0.8:
        return "198.51.100.%d" % R.randint(1, 254)
    return "192.0.2.%d" % R.randint(1, 254)


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
    """A Go duration between lo_ms and hi_ms, log-uniform, sometimes rounded as Go code often
    does before logging (`time.Since(t).Round(time.Millisecond)`)."""
    lo, hi = max(lo_ms, 0.0005), hi_ms
    ms = lo * (hi / lo) ** R.random()
    ns = int(ms * 10 ** 6)
    if R.random() < 0.25 and ns >= 10 ** 6:
        ns -= ns % 10 ** 6
    return go_duration(max(ns, 1))


def sd_timespan(lo_ms, hi_ms):
    """systemd's `format_timespan()` at millisecond accuracy: `345ms`, `1.234s`, `2min 3.456s`."""
    ms = int(lo_ms * (hi_ms / lo_ms) ** R.random())
    if ms < 1000:
        return "%dms" % ms
    minutes, rest = divmod(ms, 60000)
    sec = ("%d.%03d" % divmod(rest, 1000)).rstrip("0").rstrip(".")
    return ("%dmin %ss" % (minutes, sec)) if minutes else sec + "s"


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
    """Integer nanosecond clock starting on 2026-12-04 at a random second of the morning (UTC)."""

    def __init__(self):
        self.start = calendar.timegm((2026, 12, 4, 0, 0, 0)) + R.randint(6 * 3600, 11 * 3600)
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
        """`Dec  4 10:00:00` (RFC 3164, day padded with a space)."""
        g = self.g
        return "%s %2d %s" % (MONTHS[g.tm_mon - 1], g.tm_mday, self.hms())

    def journal(self):
        """journalctl `short-precise`: `Dec 04 10:00:00.123456`."""
        g = self.g
        return "%s %02d %s.%s" % (MONTHS[g.tm_mon - 1], g.tm_mday, self.hms(), self.frac(6))


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


def jstr(s):
    """The body of a JSON string (no surrounding quotes) as PHP's json_encode writes it with
    JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE (Monolog): backslashes and quotes escaped."""
    return json.dumps(s, ensure_ascii=False)[1:-1]


# ------------------------------------------------------------------------------------------
def write(system, clock, events, render, extract=None):
    """events: list of (count, tag, gen); gen() -> ev(...), called after the clock ticked for
    the line; render(tag, content) -> the raw line. Counts sum to LINES; the order of lines is a
    seeded shuffle. Checks that every slot of every event type takes two or more values.
    extract(line) -> Content, for systems whose Content is not a suffix of the line (MinIO)."""
    assert sum(e[0] for e in events) == LINES, (system, sum(e[0] for e in events))
    assert 12 <= len(events) <= 15, system
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
# 1. Laravel (PHP), Monolog `LineFormatter` default format
#    `[%datetime%] %channel%.%level_name%: %message% %context% %extra%` with Laravel's
#    `Y-m-d H:i:s` date format: `[2026-12-04 10:00:00] production.ERROR: message {"k":"v"} []`.
#    Context and extra are JSON (slashes and unicode unescaped); an empty one is `[]`. An
#    exception in the context is normalised to `[object] (Class(code: N): message at file:line)`;
#    the `[stacktrace]` Laravel appends there (which spans lines) is left out. Content is what
#    follows `channel.LEVEL: ` (the context JSON and the extra `[]` are part of it).
def laravel():
    c = Clock()
    users = [R.randint(1, 48000) for _ in range(30)]
    ips = [client_ip() for _ in range(25)]

    def cache_key():
        return pick(["product:%s:price" % num(1, 9000), "catalog:category:%s" % pick(["shoes", "outdoor", "kids-wear", "sale"]),
                     "user:%s:cart" % pick(users), "settings:storefront", "shipping:rates:%s" % pick(["DE", "NL", "FR", "AT"])])

    tag_lists = ['"catalog"', '"catalog","pricing"', '"users"', '"cart","users"', '"settings"']
    slow_sql = [lambda: "select * from `orders` where `user_id` = %s order by `created_at` desc limit 20" % pick(users),
                lambda: "select count(*) as aggregate from `products` where `category_id` = %s and `deleted_at` is null" % num(1, 60),
                lambda: "update `carts` set `updated_at` = '2026-12-04 %s', `total` = %s where `id` = %s" % (c.hms(), "%.2f" % R.uniform(5, 900), num(1, 90000)),
                lambda: "select `products`.* from `products` inner join `category_product` on `products`.`id` = `category_product`.`product_id` where `category_product`.`category_id` = %s" % num(1, 60)]
    session_sql = [lambda: "select * from `sessions` where `id` = '%s' limit 1" % alnum(40),
                   lambda: "select * from `users` where `id` = %s limit 1" % pick(users),
                   lambda: "insert into `jobs` (`queue`, `payload`, `attempts`) values (default, %s, 0)" % num(100, 99999)]
    db_errors = [("2002", "Connection refused"), ("2006", "MySQL server has gone away"),
                 ("1045", "Access denied for user 'shop'@'10.20.3.14' (using password: YES)"),
                 ("2002", "No such file or directory")]
    models = ["App\\Models\\Order", "App\\Models\\Product", "App\\Models\\Invoice", "App\\Models\\Coupon"]
    mailables = ["App\\Mail\\OrderShipped", "App\\Mail\\InvoicePaid", "App\\Mail\\PasswordReset"]
    mail_errors = ["Connection could not be established with host \"smtp.example.net:587\": stream_socket_client(): Unable to connect to smtp.example.net:587 (Connection timed out)",
                   "Expected response code \"250\" but got code \"550\", with message \"550 5.1.1 Recipient address rejected: User unknown\".",
                   "Expected response code \"354\" but got an empty response.",
                   "Failed to authenticate on SMTP server with username \"shop-mailer\" using the following authenticators: \"LOGIN\", \"PLAIN\"."]
    failed_jobs = Cycle([("App\\Jobs\\SyncInventory", "3", "imports", "cURL error 28: Operation timed out after 30001 milliseconds with 0 bytes received"),
                         ("App\\Jobs\\GenerateInvoicePdf", "5", "default", "Undefined array key \"vat_rate\""),
                         ("App\\Jobs\\PushOrderToErp", "3", "erp", "Server error: `POST https://erp.example.com/api/orders` resulted in a `502 Bad Gateway` response")])
    commands = Cycle([("inventory:sync --chunk=500", "0", "41.27"), ("reports:daily", "0", "8.9"), ("telescope:prune --hours=48", "1", "0.41")])
    emails = ["m.keller@example.org", "j.ngata@example.com", "orders@example.net", "l.dubois@example.org"]

    def sql_error(with_user):
        def gen():
            code, msg = pick(db_errors)
            sql = pick(session_sql)()
            return ev("SQLSTATE[HY000] [<*>] <*> (Connection: mysql, SQL: <*>) "
                      "{\"exception\":\"[object] (Illuminate\\\\Database\\\\QueryException(code: <*>): SQLSTATE[HY000] [<*>] <*> (Connection: mysql, SQL: <*>) "
                      "at /var/www/html/vendor/laravel/framework/src/Illuminate/Database/Connection.php:829)\"} []",
                      code, msg, sql, code, code, jstr(msg), jstr(sql))
        return gen

    def not_found(with_user):
        head = "{\"userId\":<*>,\"exception\"" if with_user else "{\"exception\""
        tmpl = ("No query results for model [<*>] <*> " + head +
                ":\"[object] (Symfony\\\\Component\\\\HttpKernel\\\\Exception\\\\NotFoundHttpException(code: 0): No query results for model [<*>] <*> "
                "at /var/www/html/vendor/laravel/framework/src/Illuminate/Foundation/Exceptions/Handler.php:631)\"} []")

        def gen():
            model, key = pick(models), num(1, 250000)
            vals = [model, key] + ([pick(users)] if with_user else []) + [jstr(model), key]
            return ev(tmpl, *vals)
        return gen

    events = [
        (78, "INFO", lambda: ev("Order placed {\"order_id\":<*>,\"user_id\":<*>,\"total\":\"<*>\",\"currency\":\"<*>\"} []",
                                num(100000, 999999), pick(users), "%.2f" % R.uniform(4, 1200), pick(["EUR", "EUR", "EUR", "USD", "GBP"]))),
        (52, "DEBUG", lambda: ev("Cache miss {\"key\":\"<*>\",\"tags\":[<*>]} []", cache_key(), pick(tag_lists))),
        (36, "WARNING", lambda: ev("Slow query detected {\"connection\":\"mysql\",\"sql\":\"<*>\",\"time_ms\":<*>} []",
                                   pick(slow_sql)(), "%.2f" % R.uniform(1000, 9000))),
        (28, "INFO", lambda: ev("User logged in {\"user_id\":<*>,\"ip\":\"<*>\",\"guard\":\"<*>\"} []", pick(users), pick(ips), pick(["web", "web", "sanctum", "admin"]))),
        (24, "INFO", lambda: ev("User logged out {\"user_id\":<*>,\"ip\":\"<*>\",\"guard\":\"<*>\"} []", pick(users), pick(ips), pick(["web", "web", "sanctum", "admin"]))),
        (20, "ERROR", sql_error(False)),
        (16, "ERROR", not_found(True)),
        (13, "ERROR", not_found(False)),
        (10, "WARNING", lambda: ev("Payment gateway timeout, retrying {\"gateway\":\"<*>\",\"attempt\":<*>,\"timeout_s\":<*>} []",
                                   pick(["stripe", "mollie", "adyen"]), num(1, 3), pick(["10", "15", "30"]))),
        (8, "CRITICAL", lambda: ev("Queue worker exceeded memory limit {\"queue\":\"<*>\",\"memory_mb\":<*>,\"limit_mb\":128} []",
                                   pick(["default", "emails", "imports"]), num(129, 512))),
        (7, "NOTICE", lambda: ev("Mail delivery failed: <*> {\"mailable\":\"<*>\",\"to\":\"<*>\"} []",
                                 pick(mail_errors), jstr(pick(mailables)), pick(emails))),
        (5, "ERROR", lambda: (lambda j: ev("Job <*> failed after <*> attempts {\"queue\":\"<*>\",\"job_id\":\"<*>\",\"reason\":\"<*>\"} []",
                                           j[0], j[1], j[2], uuid(), jstr(j[3])))(failed_jobs())),
        (3, "INFO", lambda: ev("Scheduled command finished {\"command\":\"<*>\",\"exit_code\":<*>,\"runtime_s\":<*>} []", *commands())),
    ]

    def render(level, content):
        return "[%s %s] production.%s: %s" % (c.ymd(), c.hms(), level, content)
    write("Laravel", c, events, render)


# ------------------------------------------------------------------------------------------
# 2. MinIO server started with `--json`: one JSON object a line, keys in this order:
#    `{"level":"INFO","errKind":"","time":"<RFC3339Nano>","message":"..."}`; WARNING and ERROR
#    records add `"source":["file.go:line:func()", ...]` after the message. Go's encoder escapes
#    `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026`. Content is the `message` value,
#    JSON-decoded.
def minio_line_message(line):
    return json.loads(line)["message"]


def minio():
    c = Clock()
    nodes = ["https://minio-%d.stor.internal:9000" % i for i in range(1, 5)]
    node_ip = {n: "10.0.4.%d" % (10 + i) for i, n in enumerate(nodes, 1)}
    drives = ["/mnt/disk%d" % i for i in range(1, 5)]

    def endpoint():
        return pick(nodes) + pick(drives)

    def offline_cause(ep):
        node = ep[:ep.index(":9000") + 5]
        ip = node_ip[node]
        return pick([
            "Post \"%s/minio/storage%s/v63/diskinfo?did=%s&metrics=true\": dial tcp %s:9000: connect: connection refused" % (node, ep[len(node):], uuid(), ip),
            "drive not found",
            "context deadline exceeded",
            "read tcp %s:%s->%s:9000: read: connection reset by peer" % (pick(list(node_ip.values())), eph_port(), ip),
            "Post \"%s/minio/storage%s/v63/readall?disk-id=%s&file-path=format.json&volume=.minio.sys\": net/http: TLS handshake timeout" % (node, ep[len(node):], uuid()),
        ])

    buckets = ["photos", "backups-prod", "ml-datasets", "logs-archive", "invoices"]

    def obj():
        return pick(["2026/12/%02d/IMG_%04d.jpg" % (R.randint(1, 4), R.randint(1, 9999)), "db/pg-base-%s.tar.zst" % num(100, 999),
                     "train/shard-%05d.tfrecord" % R.randint(0, 2047), "app/%s.log.gz" % hexid(8), "2026/INV-%06d.pdf" % R.randint(1, 999999)])

    def quota_usage():
        """(usage, quota): a round quota and a usage at or a little above it."""
        q, unit = pick([(100, "GiB"), (250, "GiB"), (500, "GiB"), (1, "TiB"), (2, "TiB"), (50, "GiB")])
        used = q * R.uniform(1.0, 1.08)
        return ("%.2f %s" % (used, unit) if unit == "TiB" else "%.1f %s" % (used, unit)), "%d %s" % (q, unit)

    drive_errors = ["drive not found", "drive is faulty", "file system is read-only", "unformatted drive found",
                    "drive path full", "drive access denied"]
    tier_errors = ["context deadline exceeded", "remote tier returned 503 Slow Down",
                   "The specified bucket does not exist", "write tcp 10.0.4.11:9000->10.9.0.20:443: write: broken pipe"]
    targets = ["arn:minio:sqs::primary:webhook", "arn:minio:sqs::audit:kafka", "arn:minio:sqs::thumbs:amqp"]
    target_errors = Cycle(["Post \"https://hooks.example.net/minio\": dial tcp: lookup hooks.example.net: no such host",
                           "kafka: client has run out of available brokers to talk to (Is your cluster reachable?)",
                           "Exception (504) Reason: \"channel/connection is not open\"",
                           "connection refused"])
    signals = Cycle(["terminated", "interrupt"])

    events = [
        (79, ("ERROR", "MINIO", ["cmd/storage-rest-client.go:184:cmd.(*storageRESTClient).call()"]),
         lambda: (lambda ep: ev("Marking <*> offline temporarily; caused by <*>", ep, offline_cause(ep)))(endpoint())),
        (52, ("INFO", "", None), lambda: ev("Remote drive <*> is online again (offline for <*>)", endpoint(), rand_go_duration(900, 600000))),
        (36, ("ERROR", "MINIO", ["cmd/erasure-sets.go:215:cmd.(*erasureSets).connectDisks.func2()"]),
         lambda: ev("Unable to use the drive <*>: <*>", endpoint(), pick(drive_errors))),
        (30, ("WARNING", "MINIO", ["cmd/bucket-quota.go:131:cmd.(*BucketQuotaSys).enforceQuotaHard()"]),
         lambda: ev("Bucket quota reached for '<*>': usage <*> of <*>", pick(buckets), *quota_usage())),
        (24, ("ERROR", "ALL", ["cmd/erasure-object.go:242:cmd.erasureObjects.GetObjectNInfo()", "cmd/object-handlers.go:611:cmd.objectAPIHandlers.getObjectHandler()"]),
         lambda: ev("Storage resources are insufficient for the read operation <*>/<*>", pick(buckets), obj())),
        (20, ("ERROR", "ALL", ["cmd/erasure-object.go:1319:cmd.erasureObjects.putObject()", "cmd/object-handlers.go:2024:cmd.objectAPIHandlers.PutObjectHandler()"]),
         lambda: ev("Storage resources are insufficient for the write operation <*>/<*>", pick(buckets), obj())),
        (16, ("INFO", "", None), lambda: ev("Healing drive '<*>' - 'mc admin heal alias/ --verbose' to check the current status.", endpoint())),
        (12, ("INFO", "", None), lambda: ev("Healing of drive '<*>' complete (healed: <*>, skipped: <*>, failed: <*>).",
                                            endpoint(), num(0, 90000), num(0, 400), "0" if R.random() < 0.6 else num(1, 40))),
        (10, ("ERROR", "MINIO", ["cmd/bucket-lifecycle.go:488:cmd.transitionObject()"]),
         lambda: ev("lifecycle: unable to transition <*>/<*> to tier <*>: <*>", pick(buckets), obj(), pick(["COLD-S3", "GLACIER-TIER", "WARM-MINIO"]), pick(tier_errors))),
        (8, ("WARNING", "MINIO", ["cmd/site-replication.go:3310:cmd.(*SiteReplicationSys).healBuckets()"]),
         lambda: ev("Site replication with peer <*> is lagging: <*> operations pending, oldest <*> ago",
                    pick(["dc-fra-minio", "dc-ams-minio", "dr-site"]), num(10, 80000), rand_go_duration(5000, 59000))),
        (6, ("ERROR", "MINIO", ["internal/event/targetlist.go:278:event.(*TargetList).sendSync()"]),
         lambda: ev("Event notification target <*> is offline: <*>", pick(targets), target_errors())),
        (4, ("INFO", "", None), lambda: ev("Expired <*> objects from bucket <*> (rule <*>)", num(1, 5000), pick(buckets), pick(["expire-tmp", "logs-90d", "cleanup-uploads"]))),
        (3, ("INFO", "", None), lambda: ev("Exiting on signal: <*>", signals())),
    ]

    def render(tag, content):
        level, kind, source = tag
        d = {"level": level, "errKind": kind, "time": c.rfc3339nano(), "message": content}
        if source:
            d["source"] = source
        s = json.dumps(d, ensure_ascii=False, separators=(",", ":"))
        return s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    write("MinIO", c, events, render, extract=minio_line_message)


# ------------------------------------------------------------------------------------------
# 3. Keepalived (VRRP and health checkers) through rsyslog's traditional file format:
#    `Dec  4 10:00:00 lb1 Keepalived_vrrp[1234]: (VI_1) Entering MASTER STATE`. Two balancers,
#    three programs (`Keepalived`, `Keepalived_vrrp`, `Keepalived_healthcheckers`). Content is
#    what follows `prog[pid]: `.
def keepalived():
    c = Clock()
    hosts = {h: {"Keepalived": R.randint(700, 1200)} for h in ["lb1", "lb2"]}
    for h in hosts:
        hosts[h]["Keepalived_vrrp"] = hosts[h]["Keepalived"] + 1
        hosts[h]["Keepalived_healthcheckers"] = hosts[h]["Keepalived"] + 2
    instances = {"VI_WEB": ("ens192", "10.40.0.100"), "VI_DB": ("ens224", "10.40.8.50"), "VI_1": ("eth0", "192.168.50.10")}
    real = ["10.40.1.%d" % i for i in (11, 12, 13, 14, 21, 22)]
    vs = [("10.40.0.100", "80"), ("10.40.0.100", "443"), ("10.40.0.101", "8080")]
    scripts = ["chk_haproxy", "chk_nginx", "chk_pgbouncer"]

    def inst():
        i = pick(sorted(instances))
        return i, instances[i]

    def rs():
        v = pick(vs)
        return pick(real), v[1], v[0], v[1]

    def arps():
        i, (iface, vip) = inst()
        return ev("(<*>) Sending/queueing gratuitous ARPs on <*> for <*>", i, iface, vip)

    def arp():
        _, (iface, vip) = inst()
        return ev("Sending gratuitous ARP on <*> for <*>", iface, vip)

    def advert():
        i, _ = inst()
        ours = pick(["150", "200", "254"])
        return ev("(<*>) Received advert from <*> with lower priority <*>, ours <*>, forcing new election",
                  i, pick(["10.40.0.2", "10.40.0.3", "192.168.50.3"]), num(50, int(ours) - 1), ours)

    def prio():
        i, _ = inst()
        a = R.choice([150, 200, 254])
        d = R.choice([-2, -5, -10, -20])
        if R.random() < 0.5:
            return ev("(<*>) Changing effective priority from <*> to <*>", i, a, a + d)
        return ev("(<*>) Changing effective priority from <*> to <*>", i, a + d, a)

    stops = Cycle([("0.004112", "0.019870"), ("0.011036", "0.042518"), ("0.002990", "0.008117")])
    ok_scripts = Cycle(scripts)

    events = [
        (76, "Keepalived_vrrp", arps),
        (54, "Keepalived_vrrp", arp),
        (36, "Keepalived_healthcheckers", lambda: (lambda r: ev("TCP connection to [<*>]:tcp:<*> failed.", r[0], r[1]))(rs())),
        (30, "Keepalived_healthcheckers", lambda: (lambda r: ev("TCP connection to [<*>]:tcp:<*> success.", r[0], r[1]))(rs())),
        (24, "Keepalived_healthcheckers", lambda: ev("Removing service [<*>]:tcp:<*> from VS [<*>]:tcp:<*>", *rs())),
        (20, "Keepalived_healthcheckers", lambda: ev("Adding service [<*>]:tcp:<*> to VS [<*>]:tcp:<*>", *rs())),
        (16, "Keepalived_vrrp", advert),
        (12, "Keepalived_vrrp", lambda: ev("(<*>) Entering <*> STATE", inst()[0], pick(["MASTER", "BACKUP", "BACKUP", "FAULT"]))),
        (10, "Keepalived_vrrp", lambda: ev("VRRP_Script(<*>) failed (exited with status <*>)", pick(scripts), pick(["1", "1", "2", "127"]))),
        (8, "Keepalived_vrrp", prio),
        (6, "Keepalived_healthcheckers", lambda: (lambda r: ev("HTTP status code error to [<*>]:tcp:<*> url(<*>), status_code [<*>].",
                                                               r[0], r[1], pick(["1", "2"]), pick(["500", "502", "503", "404"])))(rs())),
        (5, "Keepalived", lambda: ev("Stopped - used <*> user time, <*> system time", *stops())),
        (3, "Keepalived_vrrp", lambda: ev("VRRP_Script(<*>) succeeded", ok_scripts())),
    ]

    def render(prog, content):
        host = pick(sorted(hosts))
        return "%s %s %s[%d]: %s" % (c.syslog(), host, prog, hosts[host][prog], content)
    write("Keepalived", c, events, render)


# ------------------------------------------------------------------------------------------
# 4. Gin (Go web framework) in debug mode, stdout not a terminal (no colours). Three kinds of
#    line: the default access logger
#    `[GIN] 2026/12/04 - 10:00:00 | 200 |   1.234567ms |        10.0.0.1 | GET      "/path"`
#    (`| %3d | %13v | %15s | %-7s  %#v`); `[GIN-debug] message` lines (route table, redirects,
#    warnings, listen); and lines from Go's standard `log` package with its default flags,
#    `2026/12/04 10:00:00 message` (the application's own messages and net/http's error log).
#    Content: access lines, what follows `[GIN] <time> | ` (it starts at the status code);
#    debug lines, what follows `[GIN-debug] `; `log` lines, what follows the date, time and space.
#    The padding of a fixed-width field belongs to the padded value (templates are
#    single-spaced).
def gin():
    c = Clock()
    ips = [client_ip() for _ in range(20)] + ["127.0.0.1", "::1", "10.12.0.7", "10.12.3.41"]

    def api_path():
        return pick(["/api/v1/items", "/api/v1/items/%s" % num(1, 99999), "/api/v1/items?page=%s&limit=50" % num(1, 40),
                     "/api/v1/orders/%s" % uuid(), "/api/v1/cart", "/healthz", "/metrics", "/api/v1/users/%s/avatar" % num(1, 9000),
                     "/static/app.%s.js" % hexid(8), "/api/v1/search?q=%s" % pick(["boots", "rain+jacket", "tent", "usb-c"])])

    def access():
        path = api_path()
        if path.startswith(("/static/", "/healthz", "/metrics", "/api/v1/search")):
            m = pick(["GET", "GET", "GET", "HEAD"])
            status = pick(["200", "200", "200", "304", "404"] if path.startswith("/static/") else ["200", "200", "200", "503"])
        else:
            m = pick(["GET", "GET", "GET", "POST", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"])
            status = pick({"GET": ["200", "200", "200", "304", "401", "404", "500"], "POST": ["201", "201", "200", "400", "401", "422", "502"],
                           "PUT": ["200", "204", "400", "409"], "DELETE": ["204", "204", "404"], "PATCH": ["200", "400"],
                           "OPTIONS": ["204"]}[m])
        lat = rand_go_duration(0.02, 4000)
        return ev("<*> | <*> | <*> | <*> \"<*>\"", status, lat.rjust(13), pick(ips).rjust(15), m.ljust(7) + " ", path)

    tls_errors = ["EOF", "remote error: tls: bad certificate", "tls: first record does not look like a TLS handshake",
                  "read tcp 10.12.0.5:8443->%s: read: connection reset by peer",
                  "tls: client offered only unsupported versions: [302 301]", "remote error: tls: unknown certificate authority"]
    job_kinds = ["thumbnail", "email", "reindex", "webhook"]
    upstreams = ["http://inventory:8081", "http://pricing.svc.local:9000", "https://payments.example.com"]
    auth_errors = ["token is expired", "signature is invalid", "token used before issued",
                   "audience \"shop-admin\" is not accepted", "no Authorization header"]
    routes = [("GET", "/api/v1/items", "main.listItems", "3"), ("GET", "/api/v1/items/:id", "main.getItem", "3"),
              ("POST", "/api/v1/items", "main.createItem", "4"), ("DELETE", "/api/v1/items/:id", "main.deleteItem", "4"),
              ("GET", "/api/v1/orders/:id", "github.com/acme/shop/internal/api.(*Handler).GetOrder-fm", "5"),
              ("PUT", "/api/v1/cart", "github.com/acme/shop/internal/api.(*Handler).UpdateCart-fm", "5"),
              ("GET", "/healthz", "main.setupRouter.func1", "2"), ("GET", "/metrics", "github.com/gin-gonic/gin.WrapH.func1", "3")]
    route_cycle = Cycle(routes)
    superfluous = [("github.com/gin-gonic/gin.(*responseWriter).WriteHeader", "response_writer.go:61"),
                   ("github.com/acme/shop/internal/api.(*Handler).writeError", "errors.go:38"),
                   ("github.com/gin-gonic/gin.(*Context).Status", "context.go:954")]
    listen_http = Cycle([":8080", "0.0.0.0:8080", "127.0.0.1:8081"])
    listen_https = Cycle([":8443", "0.0.0.0:8443"])
    signals = Cycle(["terminated", "interrupt"])

    def redirect():
        p = pick(["/api/v1/items", "/api/v1/cart", "/api/v1/orders/%s" % num(1000, 99999), "/docs"])
        if R.random() < 0.5:
            return ev("redirecting request <*>: <*> --> <*>", pick(["301", "307"]), p + "/", p)
        return ev("redirecting request <*>: <*> --> <*>", pick(["301", "307"]), p, p + "/")

    def route():
        m, p, h, n = route_cycle()
        return ev("<*> <*> --> <*> (<*> handlers)", m.ljust(6), p.ljust(25), h, n)

    events = [
        (121, ("GIN", None), access),
        (40, ("log", None), lambda: ev("worker <*>: processed job <*> (<*>) in <*>", num(1, 8), num(10000, 999999), pick(job_kinds), rand_go_duration(3, 9000))),
        (30, ("log", None), lambda: ev("http: TLS handshake error from <*>: <*>", "%s:%s" % (client_ip(), eph_port()),
                                       (lambda e: e % ("%s:%s" % (client_ip(), eph_port())) if "%s" in e else e)(pick(tls_errors)))),
        (24, ("debug", None), redirect),
        (20, ("log", None), lambda: ev("upstream <*> returned <*>, retrying in <*> (attempt <*>/3)", pick(upstreams), pick(["502", "503", "504"]),
                                       pick(["100ms", "200ms", "400ms", "800ms", "1.6s"]), num(1, 3))),
        (16, ("log", None), lambda: ev("auth: rejected token for user <*>: <*>", pick(["ana", "bogdan", "chen.li", "svc-export", "deploy-bot"]), pick(auth_errors))),
        (12, ("debug", None), lambda: ev("[WARNING] Headers were already written. Wanted to override status code <*> with <*>",
                                         pick(["200", "200", "201"]), pick(["400", "500", "500", "503"]))),
        (10, ("debug", None), route),
        (8, ("log", None), lambda: ev("http: superfluous response.WriteHeader call from <*> (<*>)", *pick(superfluous))),
        (7, ("debug", None), lambda: ev("Listening and serving HTTP on <*>", listen_http())),
        (5, ("debug", None), lambda: ev("Listening and serving HTTPS on <*>", listen_https())),
        (4, ("log", None), lambda: ev("received signal <*>, shutting down", signals())),
        (3, ("debug", None), lambda: ev("[WARNING] Running in \"debug\" mode. Switch to \"release\" mode in production.")),
    ]

    def render(tag, content):
        kind = tag[0]
        if kind == "GIN":
            return "[GIN] %s - %s | %s" % (c.ymd("/"), c.hms(), content)
        if kind == "debug":
            return "[GIN-debug] " + content
        return "%s %s %s" % (c.ymd("/"), c.hms(), content)
    write("Gin", c, events, render)


# ------------------------------------------------------------------------------------------
# 5. NVIDIA DCGM host engine (`nv-hostengine`) log file, the shape used here (invented, modelled
#    on a plog-style layout): `2026-12-04 10:00:00.123 LEVEL [pid:tid] message [File.cpp:line]
#    [Class::Function]`, the level padded to 5 (`INFO `, `WARN `, `ERROR`, `DEBUG`). Content is
#    what follows `[pid:tid] `: the trailing `[File.cpp:line] [Class::Function]` is part of it
#    and literal (fixed per event type).
def dcgm():
    c = Clock()
    pid = R.randint(1500, 9000)
    tids = [pid + R.randint(1, 400) for _ in range(5)]
    buses = ["07", "0F", "47", "4E", "87", "90", "B7", "BD"]
    gpus = {str(i): "00000000:%s:00.0" % b for i, b in enumerate(buses)}

    def gpu():
        g = pick(sorted(gpus))
        return g, gpus[g]

    fields = {"150": lambda: num(28, 92), "155": lambda: "%.3f" % R.uniform(60, 400), "203": lambda: num(0, 100),
              "252": lambda: num(0, 81920), "1002": lambda: "%.6f" % R.uniform(0, 1), "100": lambda: num(210, 1410)}
    xids = [("79", "GPU has fallen off the bus"), ("48", "Double Bit ECC Error"), ("63", "ECC page retirement or row remapping recording event"),
            ("13", "Graphics Engine Exception"), ("31", "GPU memory page fault"), ("94", "Contained ECC error"), ("119", "GSP RPC timeout"),
            ("74", "NVLink Error")]
    nvml_errors = ["GPU is lost", "Timeout", "Not Supported", "Unknown Error", "GPU requires reset",
                   "Insufficient Permissions", "Function Not Found"]
    modules = Cycle([("health", "3"), ("policy", "2"), ("diag", "5"), ("introspect", "4")])

    def field_update():
        f = pick(sorted(fields))
        return ev("Appended sample for GPU <*> field <*>: value <*>, ts <*> [DcgmCacheManager.cpp:2874] [DcgmCacheManager::AppendEntityDouble]",
                  pick(sorted(gpus)), f, fields[f](), str(c.ns // 1000))

    def watch():
        return ev("Adding watch for field <*> on GPU <*>: update interval <*> usec, max keep age <*> sec, max keep samples <*> [DcgmCacheManager.cpp:1392] [DcgmCacheManager::AddFieldWatch]",
                  pick(sorted(fields)), pick(sorted(gpus)), pick(["100000", "1000000", "30000000"]), pick(["600", "3600", "30"]), pick(["0", "0", "10", "120"]))

    def ecc(kind, line):
        def gen():
            g, b = gpu()
            return ev("GPU <*> (<*>) ECC volatile %s-bit error count increased to <*> [DcgmHealthWatch.cpp:%d] [DcgmHealthWatch::MonitorMem]" % (kind, line),
                      g, b, num(1, 4000) if kind == "single" else num(1, 12))
        return gen

    def xid():
        g, b = gpu()
        x, text = pick(xids)
        return ev("Detected XID <*> on GPU <*> (<*>): <*> [DcgmCacheManager.cpp:3902] [DcgmCacheManager::ProcessXidEvent]", x, g, b, text)

    def temp():
        g, b = gpu()
        limit = pick(["87", "90"])
        return ev("GPU <*> (<*>) temperature <*> C exceeds slowdown threshold <*> C [DcgmHealthWatch.cpp:905] [DcgmHealthWatch::MonitorThermal]",
                  g, b, str(int(limit) + R.randint(1, 6)), limit)

    def remap():
        g, b = gpu()
        return ev("Row remapping pending on GPU <*> (<*>): correctable <*>, uncorrectable <*> [DcgmHealthWatch.cpp:1187] [DcgmHealthWatch::MonitorRowRemap]",
                  g, b, num(0, 12), num(0, 3))

    def retired():
        return ev("Retired pages on GPU <*>: single-bit <*>, double-bit <*>, pending <*> [DcgmCacheManager.cpp:4410] [DcgmCacheManager::ReadRetiredPages]",
                  pick(sorted(gpus)), num(0, 40), num(0, 6), pick(["yes", "no"]))

    events = [
        (83, "DEBUG", field_update),
        (52, "INFO", watch),
        (34, "WARN", ecc("single", 712)),
        (28, "ERROR", xid),
        (24, "ERROR", ecc("double", 734)),
        (20, "INFO", lambda: ev("Added connection id <*> from <*> [DcgmIpc.cpp:603] [DcgmIpc::OnNewConnection]",
                                num(1, 4000), pick(["127.0.0.1:%s" % eph_port(), "10.8.0.%d:%s" % (R.randint(2, 40), eph_port())]))),
        (16, "WARN", temp),
        (12, "INFO", lambda: ev("Removed connection id <*> [DcgmIpc.cpp:651] [DcgmIpc::RemoveConnection]", num(1, 4000))),
        (10, "ERROR", lambda: ev("NVML call nvmlDeviceGetFieldValues failed for GPU <*> with <*> [DcgmCacheManager.cpp:5127] [DcgmCacheManager::ReadAndCacheFieldValues]",
                                 pick(sorted(gpus)), pick(nvml_errors))),
        (8, "WARN", remap),
        (6, "INFO", retired),
        (4, "ERROR", lambda: (lambda g: ev("Unable to reach GPU <*> (<*>): <*> [DcgmHostEngineHandler.cpp:2210] [DcgmHostEngineHandler::ProcessRequest]",
                                           g[0], g[1], pick(["GPU is lost", "GPU requires reset", "Timeout"])))(gpu())),
        (3, "INFO", lambda: (lambda m: ev("Successfully loaded module <*> (id <*>) [DcgmModuleApi.cpp:118] [DcgmHostEngineHandler::LoadModule]", *m))(modules())),
    ]

    def render(level, content):
        return "%s %s.%s %-5s [%d:%d] %s" % (c.ymd(), c.hms(), c.frac(3), level, pid, pick(tids), content)
    write("DCGM", c, events, render)


# ------------------------------------------------------------------------------------------
# 6. systemd and systemd-logind read back with `journalctl -o short-precise`:
#    `Dec 04 10:00:00.123456 web-03 systemd[1]: message` (day zero-padded, microseconds).
#    Messages in the style of systemd 254 and later (`Started <unit> - <description>.`,
#    `Consumed ... CPU time[, ... memory peak].`). Content is what follows `prog[pid]: `.
def systemd():
    c = Clock()
    host = "web-03"
    logind = R.randint(600, 1100)
    users = ["ana", "bogdan", "chen", "deploy", "root", "svc-backup"]
    services = {"nginx.service": "A high performance web server and a reverse proxy server",
                "php8.3-fpm.service": "The PHP 8.3 FastCGI Process Manager",
                "backup-sync.service": "Nightly rsync of /srv to the backup host",
                "node-exporter.service": "Prometheus Node Exporter",
                "certbot.service": "Certbot",
                "logrotate.service": "Rotate log files",
                "celery-worker@2.service": "Celery worker 2 for the shop queue"}
    failing = ["backup-sync.service", "php8.3-fpm.service", "celery-worker@2.service", "node-exporter.service"]
    exits = [("exited", "1", "FAILURE"), ("exited", "2", "INVALIDARGUMENT"), ("exited", "203", "EXEC"),
             ("killed", "9", "KILL"), ("dumped", "6", "ABRT"), ("killed", "15", "TERM")]
    results = ["exit-code", "exit-code", "signal", "core-dump", "timeout"]
    targets = Cycle([("timers.target", "Timer Units"), ("network-online.target", "Network is Online"),
                     ("sleep.target", "Sleep"), ("multi-user.target", "Multi-User System")])

    def session():
        return num(1, 2400)

    def memory():
        return pick(["%.1fM" % R.uniform(1, 900), "%.1fG" % R.uniform(1, 4), "%dK" % R.randint(200, 999)])

    def unit():
        return pick(sorted(services)) if R.random() < 0.5 else "session-%s.scope" % session()

    def started_session():
        s = session()
        return ev("Started session-<*>.scope - Session <*> of User <*>.", s, s, pick(users))

    events = [
        (66, "systemd", started_session),
        (48, "systemd-logind", lambda: ev("New session <*> of user <*>.", session(), pick(users))),
        (36, "systemd", lambda: ev("<*>: Deactivated successfully.", unit())),
        (30, "systemd-logind", lambda: ev("Session <*> logged out. Waiting for processes to exit.", session())),
        (26, "systemd-logind", lambda: ev("Removed session <*>.", session())),
        (20, "systemd", lambda: ev("<*>: Main process exited, code=<*>, status=<*>/<*>", pick(failing), *pick(exits))),
        (18, "systemd", lambda: ev("<*>: Failed with result '<*>'.", pick(failing), pick(results))),
        (16, "systemd", lambda: ev("<*>: Consumed <*> CPU time.", unit(), sd_timespan(3, 400000))),
        (13, "systemd", lambda: ev("<*>: Consumed <*> CPU time, <*> memory peak.", unit(), sd_timespan(3, 400000), memory())),
        (10, "systemd", lambda: ev("<*>: Scheduled restart job, restart counter is at <*>.", pick(failing), num(1, 5))),
        (8, "systemd", lambda: (lambda u: ev("Starting <*> - <*>...", u, services[u]))(pick(sorted(services)))),
        (5, "systemd", lambda: ev("<*>: Start request repeated too quickly.", pick(failing))),
        (4, "systemd", lambda: ev("Reached target <*> - <*>.", *targets())),
    ]

    def render(prog, content):
        return "%s %s %s[%d]: %s" % (c.journal(), host, prog, 1 if prog == "systemd" else logind, content)
    write("Systemd", c, events, render)


# ------------------------------------------------------------------------------------------
def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


# Per system: the header that must precede Content on every raw line (MinIO is JSON).
HEADERS = {
    "Laravel": re.compile(r"\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] production\.(DEBUG|INFO|NOTICE|WARNING|ERROR|CRITICAL): "),
    "Keepalived": re.compile(r"[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d lb[12] Keepalived(_vrrp|_healthcheckers)?\[\d+\]: "),
    "Gin": re.compile(r"\[GIN\] \d{4}/\d\d/\d\d - \d\d:\d\d:\d\d \| |\[GIN-debug\] |\d{4}/\d\d/\d\d \d\d:\d\d:\d\d "),
    "DCGM": re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} (DEBUG|INFO |WARN |ERROR) \[\d+:\d+\] "),
    "Systemd": re.compile(r"[A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d\.\d{6} web-03 (systemd|systemd-logind)\[\d+\]: "),
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
            if system == "MinIO":
                obj = json.loads(line)
                assert list(obj)[:4] == ["level", "errKind", "time", "message"], (system, i + 1)
                assert obj["message"] == content, (system, i + 1)
                assert not re.search(r"[<>&]", line), (system, i + 1)  # Go's HTML-safe escaping
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
        assert 12 <= len(counts) <= 15, (system, len(counts))
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
    """Timestamps never go back: the header times, read back as strings in a sortable form
    (lines without a timestamp, Gin's `[GIN-debug]` lines, are skipped)."""
    def mon_day(mon, day):
        return "%02d-%02d" % (MONTHS.index(mon) + 1, int(day))

    def minio_key(l):
        t = json.loads(l)["time"]
        m = re.fullmatch(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z", t)
        assert m, t
        return m.group(1) + "." + (m.group(2) or "").ljust(9, "0")

    def gin_key(l):
        m = re.match(r"(?:\[GIN\] )?(\d{4}/\d\d/\d\d)(?: -)? (\d\d:\d\d:\d\d)", l)
        return m.group(1) + " " + m.group(2) if m else None

    parsers = {
        "Laravel": lambda l: l[1:20],
        "MinIO": minio_key,
        "Keepalived": lambda l: (lambda p: mon_day(p[0], p[1]) + " " + p[2])(l.split()),
        "Gin": gin_key,
        "DCGM": lambda l: l[:23],
        "Systemd": lambda l: (lambda p: mon_day(p[0], p[1]) + " " + p[2])(l.split()),
    }
    for system, key in parsers.items():
        with open(os.path.join(HERE, system, system + ".log"), encoding="utf-8") as f:
            stamps = [s for s in (key(l) for l in f.read().splitlines()) if s is not None]
        assert len(stamps) >= LINES // 2, system
        assert stamps == sorted(stamps), system


if __name__ == "__main__":
    laravel()
    minio()
    keepalived()
    gin()
    dcgm()
    systemd()
    check_clock_order()
    for system, counts in self_check().items():
        print("%-10s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
