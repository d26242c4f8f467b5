#!/usr/bin/env python3
"""Writes sealed corpus 7, a blind, labelled log corpus (see README.md beside this file).

Six systems, 300 lines each: Harbor, Filebeat, Proxmox, Rundeck, Sentry, Longhorn. Every line is
made here from event formats written for this corpus, following each program's default log
layout (written from memory), with values from generators of this file. No line, template or
value list is copied from a real log or data set; the messages are invented in each project's
style. The corpus was written without running any template miner on it and without reading the
miner's source.

Deterministic: fixed seed 20261205, integer clock, no dependence on locale or wall time;
`python3 generate.py` rewrites the same files. Each system gets `<System>/<System>.log` (the raw
lines, header included) and `<System>/<System>.log_structured.csv` (LineId, Content, EventId,
EventTemplate).

Ground truth convention (Loghub style): one `<*>` per value; a value that holds spaces (a
free-text reason or error, a job name, a user agent, a list) is one `<*>`; punctuation around a
value stays literal (`(<*>)`, `'<*>'`, `"<*>"`, `key=<*>`, `[<*>]`, `"key":"<*>"`, `<<*>>`); a
unit attached to a number stays literal after it (`<*> ms`, `<*>%`, `<*>s`) unless the unit
itself varies within the slot (a Go duration such as `850ms`/`1m9.5s`, or a size such as
`18.6 MiB`/`912 KiB`, is one value); text that never changes within an event type stays literal
(file:line of a Go caller, `"ecs.version":"1.6.0"`, the node of the longhorn-manager pod, the
totals of a Proxmox node). Event formats are written directly as their templates: each `<*>` in a
format is filled with one generated value, and every `<*>` slot takes at least two different
values within its event type (checked when the lines are made and again on read-back).

At the end the files are read back and checked (see `self_check`).
"""
import calendar
import csv
import json
import os
import random
import re
import time

SEED = 20261205
R = random.Random(SEED)
LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["Harbor", "Filebeat", "Proxmox", "Rundeck", "Sentry", "Longhorn"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


# ------------------------------------------------------------------------------------------
# Small value generators (pools written for this corpus).
def pick(seq):
    return R.choice(seq)


def num(a, b):
    return str(R.randint(a, b))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def uuid():
    return "%s-%s-4%s-%s%s-%s" % (hexid(8), hexid(4), hexid(3), R.choice("89ab"), hexid(3), hexid(12))


def client_ip():
    kind = R.random()
    if kind < 0.45:
        return "203.0.113.%d" % R.randint(1, 254)
    if kind < 0.8:
        return "198.51.100.%d" % R.randint(1, 254)
    return "192.0.2.%d" % R.randint(1, 254)


def go_duration(ns):
    """Go's `time.Duration.String()`: `845ns`, `123.456µs`, `1.234567ms`, `2.5s`, `1m9.5s`, `1h2m3s`."""
    if ns < 1000:
        return "%dns" % ns
    if ns < 10 ** 6:
        unit, div, prec = "µs", 10 ** 3, 3
    elif ns < 10 ** 9:
        unit, div, prec = "ms", 10 ** 6, 6
    elif ns < 60 * 10 ** 9:
        unit, div, prec = "s", 10 ** 9, 9
    else:
        hours, rest = divmod(ns, 3600 * 10 ** 9)
        minutes, rest = divmod(rest, 60 * 10 ** 9)
        sec = go_duration(rest) if rest >= 10 ** 9 else "0s"
        return ("%dh" % hours if hours else "") + "%dm%s" % (minutes, sec)
    whole, frac = divmod(ns, div)
    f = ("%0*d" % (prec, frac)).rstrip("0")
    return "%d%s%s" % (whole, "." + f if f else "", unit)


def rand_go_duration(lo_ms, hi_ms, rounded=0.3):
    ms = lo_ms * (hi_ms / lo_ms) ** R.random()
    ns = int(ms * 10 ** 6)
    if R.random() < rounded and ns >= 10 ** 7:
        ns -= ns % 10 ** 7
    return go_duration(max(ns, 1))


def iec_size(lo_kib=4, hi_gib=40):
    """A size whose unit varies: `912 KiB`, `18.64 MiB`, `1.2 GiB`."""
    k = R.random()
    if k < 0.25:
        return "%d KiB" % R.randint(lo_kib, 1023)
    if k < 0.8:
        return "%.2f MiB" % R.uniform(1, 1023)
    return "%.2f GiB" % R.uniform(1, hi_gib)


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
    """Integer nanosecond clock starting on 2026-12-05 at a random second of the morning (UTC)."""

    def __init__(self):
        self.start = calendar.timegm((2026, 12, 5, 0, 0, 0)) + R.randint(6 * 3600, 11 * 3600)
        self.ns = self.start * 10 ** 9 + R.randint(0, 10 ** 9 - 1)

    def tick(self):
        self.ns += R.randint(3 * 10 ** 6, 2600 * 10 ** 6)

    @property
    def sec(self):
        return self.ns // 10 ** 9

    @property
    def g(self):
        return time.gmtime(self.sec)

    def frac(self, digits):
        return "%0*d" % (digits, (self.ns % 10 ** 9) // 10 ** (9 - digits))

    def ymd(self):
        g = self.g
        return "%04d-%02d-%02d" % (g.tm_year, g.tm_mon, g.tm_mday)

    def hms(self):
        g = self.g
        return "%02d:%02d:%02d" % (g.tm_hour, g.tm_min, g.tm_sec)

    def rfc3339(self):
        """Go `time.RFC3339` in UTC: `2026-12-05T10:00:00Z`."""
        return "%sT%sZ" % (self.ymd(), self.hms())

    def iso_ms_z(self):
        """`2026-12-05T10:00:00.123Z`."""
        return "%sT%s.%sZ" % (self.ymd(), self.hms(), self.frac(3))

    def log4j_iso8601(self):
        """log4j2 `%d{ISO8601}`: `2026-12-05T10:00:00,123`."""
        return "%sT%s,%s" % (self.ymd(), self.hms(), self.frac(3))

    def rfc3164(self):
        """BSD syslog stamp: `Dec  5 10:00:00` (day padded with a space)."""
        g = self.g
        return "%s %2d %s" % (MONTHS[g.tm_mon - 1], g.tm_mday, self.hms())


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


def jesc(s):
    """The body of a JSON string as a Go JSON encoder writes it for ASCII text without `<`, `>`,
    `&`: `"` and `\\` escaped, control characters escaped."""
    assert not any(ch in s for ch in "<>&"), s
    return json.dumps(s, ensure_ascii=False)[1:-1]


LOGRUS_BARE = re.compile(r"[A-Za-z0-9\-._/@^+]+")


def lq(s):
    """A logrus text-formatter value: bare when it only holds `A-Za-z0-9-._/@^+`, else Go `%q`."""
    s = str(s)
    if LOGRUS_BARE.fullmatch(s):
        return s
    return '"%s"' % jesc(s)


def lq_inner(s):
    """The inside of a quoted logrus value (the value must need quoting)."""
    q = lq(s)
    assert q.startswith('"'), s
    return q[1:-1]


# ------------------------------------------------------------------------------------------
def write(system, clock, events, render, suffix=True):
    """events: list of (count, tag, gen); gen() -> ev(...), called after the clock ticked for
    the line; render(tag, content) -> the raw line. Counts sum to LINES; the order of lines is a
    seeded shuffle. Checks that every slot of every event type takes two or more values.
    suffix: the raw line ends with Content (Filebeat: checked by `self_check` instead)."""
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
        if suffix:
            assert line.endswith(content), (system, line)
        else:
            assert content in line, (system, line)
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
# 1. Harbor `harbor-core`, its default text logger (as `docker logs harbor-core` shows it):
#    `2026-12-05T10:00:00Z [INFO] [/controller/scan/base_controller.go:781]: message`, RFC 3339
#    time in UTC, level in upper case (`INFO`, `WARNING`, `ERROR`), the caller's file (path under
#    `src`, with a leading `/`) and line; lines logged with the request's context add
#    `[requestID="<uuid>"]` right after the caller. Content is what follows the caller bracket
#    (or the requestID bracket) and `: `.
def harbor():
    c = Clock()
    repos = ["library/nginx", "library/redis", "team-payments/ledger-api", "team-payments/fx-worker", "ml-models/resnet-serving",
             "ml-models/tokenizer/base", "infra/terraform-runner", "infra/vault-agent", "qa-sandbox/e2e/playwright", "edge-iot/gateway-fw"]
    tags = ["latest", "v1.4.2", "2026.12.04", "sha-3f9e2a1", "7.2-alpine", "rc-18", "v0.9.0-beta.3"]
    users = ["admin", "j.moreau", "ci-deployer", "k.tanaka", "robot$team-payments+ci", "robot$infra+renovate", "p.olsen"]

    def project(r):
        return r.split("/")[0]

    def digest():
        return "sha256:" + hexid(64)

    def http_error():
        r, t = pick(repos), pick(tags)
        code, msg = pick([
            ("NOT_FOUND", "artifact %s:%s not found" % (r, t)),
            ("NOT_FOUND", "repository %s not found" % r),
            ("UNAUTHORIZED", "unauthorized: authentication required"),
            ("UNAUTHORIZED", "unauthorized: authentication required"),
            ("FORBIDDEN", "forbidden: %s has no permission to push to project %s" % (pick(users), project(r))),
            ("PRECONDITION", 'tag %s of repository "%s" matches an immutability rule and cannot be overwritten' % (t, r)),
            ("DENIED", "pull of %s:%s blocked by project policy: %d vulnerabilities at severity Critical or above exceed the "
                       "allowed threshold, ask a project admin to add them to the CVE allowlist" % (r, t, R.randint(2, 19))),
            ("UNKNOWN", "internal server error"),
            ("BAD_REQUEST", 'invalid reference "%s::%s", expected name:tag or name@digest' % (r, t)),
        ])
        return ev('{"errors":[{"code":"<*>","message":"<*>"}]}', code, jesc(msg))

    def pulled_pushed(word):
        def gen():
            return ev(word + " artifact <*>:<*> (digest <*>, size <*>) by <*>", pick(repos), pick(tags), digest(), iec_size(), pick(users))
        return gen

    scanners = ["trivy-main", "trivy-airgap", "trivy-main", "clair-legacy"]

    def scan():
        return ev("scan of <*>@<*> by scanner <*> finished with status <*> in <*>", pick(repos), digest(), pick(scanners),
                  pick(["Success", "Success", "Success", "Error", "Stopped"]), rand_go_duration(800, 420000))

    limits = {"library": "20 GiB", "team-payments": "50 GiB", "ml-models": "200 GiB", "infra": "10 GiB", "qa-sandbox": "5 GiB",
              "edge-iot": "2 GiB"}

    def quota():
        p = project(pick(repos))
        return ev("project <*> exceeded its storage quota: used <*> of <*>, push of <*> rejected", p,
                  "%.2f GiB" % (float(limits[p].split()[0]) * R.uniform(0.9, 1.0)), limits[p], iec_size(100, 3))

    def token():
        return ev("<*> granted token for repository <*> with actions [<*>]", pick(users), pick(repos),
                  pick(["pull", "pull", "pull,push", "pull,push,delete", "push"]))

    registries = ["partner-hub", "dr-site (https://harbor-dr.example.org)", "ghcr-mirror", "ecr eu-central-1 backup"]
    copy_errors = ['Get "https://registry.partner.example.net/v2/": dial tcp 198.51.100.23:443: i/o timeout',
                   "unexpected status code 401 from target registry",
                   'http status code: 500, body: {"errors":[{"code":"UNKNOWN","message":"unknown error"}]}',
                   "context canceled",
                   "failed to push blob sha256:%s: received unexpected HTTP status: 413 Request Entity Too Large" % hexid(64)]

    def copy_failed():
        return ev("failed to copy <*> to <*>: <*>", "%s:%s" % (pick(repos), pick(tags)), pick(registries), pick(copy_errors))

    retries = Cycle(["3", "5", "3", "10"])
    copy_err_cycle = Cycle(copy_errors)

    def copy_failed_retries():
        return ev("failed to copy <*> to <*> after <*> retries: <*>", "%s:%s" % (pick(repos), pick(tags)), pick(registries), retries(),
                  copy_err_cycle())

    exec_ids = {"n": R.randint(1200, 1900)}

    def retention():
        exec_ids["n"] += R.randint(1, 4)
        return ev("retention execution <*> of policy <*> started (trigger=<*>, dry_run=<*>)", exec_ids["n"], num(1, 14),
                  pick(["SCHEDULE", "SCHEDULE", "MANUAL"]), pick(["false", "false", "true"]))

    gc_ids = {"n": R.randint(300, 600)}

    def gc(word, who):
        def gen():
            gc_ids["n"] += 1
            return ev("garbage collection <*> " + word + " by <*>", gc_ids["n"], who())
        return gen

    robots = ["robot$edge-iot+flasher", "robot$ml-models+trainer", "robot$qa-sandbox+nightly"]

    def robot_expired():
        r = pick(repos)
        return ev("robot account <*> expired at <*>, request to <*> denied", pick(robots),
                  "2026-%02d-%02dT00:00:00Z" % (R.randint(9, 11), R.randint(1, 28)), "/v2/%s/manifests/%s" % (r, pick(tags)))

    configs = Cycle([("robot_token_duration", "admin", "30", "90"), ("read_only", "j.moreau", "false", "true"),
                     ("scanner_skip_update_pulltime", "admin", "false", "true"), ("audit_log_forward_endpoint", "p.olsen", "none",
                                                                                  "tcp://syslog.example.internal:514")])
    preheat = Cycle([("infra/vault-agent:latest", "vault-agent-edge", "dragonfly", "dragonfly-eu-1", "6", "4", "2", "2m14.5s",
                      "2 of 6 preheat tasks failed: peer 10.44.0.17 returned 503"),
                     ("ml-models/resnet-serving:v1.4.2", "gpu-nodes", "kraken", "kraken-gpu", "12", "0", "12", "30s",
                      "provider instance kraken-gpu is unhealthy"),
                     ("library/nginx:7.2-alpine", "web-tier", "dragonfly", "dragonfly-eu-1", "3", "2", "1", "41.08s", "context deadline exceeded")])

    def preheat_failed():
        return ev("preheat of <*> failed: policy=<*> provider=<*> instance=<*> tasks=<*> succeeded=<*> failed=<*> elapsed=<*> reason=<*>",
                  *preheat())

    events = [
        (76, ("ERROR", "/lib/http/error.go:116", True), http_error),
        (48, ("INFO", "/controller/event/handler/internal/artifact.go:141", False), pulled_pushed("pulled")),
        (34, ("INFO", "/controller/scan/base_controller.go:781", False), scan),
        (28, ("INFO", "/controller/event/handler/internal/artifact.go:97", False), pulled_pushed("pushed")),
        (24, ("WARNING", "/controller/quota/controller.go:302", False), quota),
        (20, ("INFO", "/core/service/token/creator.go:218", True), token),
        (16, ("ERROR", "/controller/replication/flow/copy.go:66", False), copy_failed),
        (14, ("INFO", "/controller/retention/controller.go:254", False), retention),
        (11, ("INFO", "/controller/gc/controller.go:96", False), gc("triggered", lambda: pick(["schedule", "schedule", "admin", "j.moreau"]))),
        (9, ("INFO", "/controller/gc/controller.go:131", False), gc("stopped", lambda: pick(["admin", "k.tanaka"]))),
        (7, ("ERROR", "/controller/replication/flow/copy.go:88", False), copy_failed_retries),
        (6, ("WARNING", "/server/middleware/security/robot2.go:71", True), robot_expired),
        (4, ("INFO", "/controller/config/controller.go:143", False),
         lambda: ev("configuration <*> changed by <*>: <*> -> <*>", *configs())),
        (3, ("ERROR", "/controller/p2p/preheat/enforcer.go:402", False), preheat_failed),
    ]

    def render(tag, content):
        level, caller, with_request = tag
        rid = '[requestID="%s"]' % uuid() if with_request else ""
        return "%s [%s] [%s]%s: %s" % (c.rfc3339(), level, caller, rid, content)
    write("Harbor", c, events, render)


# ------------------------------------------------------------------------------------------
# 2. Filebeat 8 writing its own log file (`logging.to_files`, ndjson, ECS fields): one object a
#    line, `{"log.level":"info","@timestamp":"2026-12-05T10:00:00.123Z","log.logger":"...",
#    "log.origin":{"function":"...","file.name":"...","file.line":N},"message":"...",
#    "service.name":"filebeat",<context fields>,"ecs.version":"1.6.0"}`; escapes only `"`, `\`
#    and control characters. Content is the raw text of the object after the `log.origin`
#    member: from `"message":` up to, not including, the closing `}`.
def filebeat():
    c = Clock()
    files = [("nginx-access", "/var/log/nginx/access.log"), ("nginx-access", "/var/log/nginx/access.log.1"),
             ("app-json", "/var/log/app/orders-2026-12-05.json"), ("app-json", "/var/log/app/billing-worker.json"),
             ("syslog-fallback", "/var/log/syslog"), ("k8s-containers", "/var/log/containers/api-7d9f8c6b5-xk2lp_prod_api-%s.log" % hexid(12)),
             ("k8s-containers", "/var/log/containers/ingress-nginx-controller-5b8d9_ingress_controller-%s.log" % hexid(12))]
    inodes = {p: "%d-%d" % (R.randint(100000, 9999999), pick([2049, 64768, 66305])) for _, p in files}

    def file_ctx():
        i, p = pick(files)
        return i, p, inodes[p]

    SV = '","service.name":"filebeat",'
    END = ',"ecs.version":"1.6.0"'

    def metrics():
        ticks = R.randint(2000, 90000)
        added = R.randint(40, 9000)
        acked = added - R.randint(0, min(40, added))
        files_open = R.randint(1, 7)
        writes = R.randint(2, 40)
        return ev('"message":"Periodic metrics report (30s window)","service.name":"filebeat","monitoring":{"metrics":{"beat":{"cpu":'
                  '{"total":{"ticks":<*>,"time":{"ms":<*>}}},"memstats":{"memory_alloc":<*>,"rss":<*>},"runtime":{"goroutines":<*>}},'
                  '"filebeat":{"events":{"active":<*>,"added":<*>,"done":<*>},"harvester":{"open_files":<*>,"running":<*>}},'
                  '"libbeat":{"output":{"events":{"acked":<*>,"batches":<*>,"total":<*>}},"pipeline":{"queue":{"filled":{"pct":<*>}}}},'
                  '"registrar":{"writes":{"success":<*>,"total":<*>}}}}' + END,
                  ticks, ticks * 10 + R.randint(0, 9), R.randint(20, 90) * 10 ** 6 + R.randint(0, 999999),
                  R.randint(90, 260) * 10 ** 6 + R.randint(0, 999999), R.randint(40, 140), R.randint(0, 4096), added, acked,
                  files_open, R.randint(1, files_open), acked, R.randint(1, 40), added, "%.4f" % R.uniform(0.0001, 0.8),
                  writes - R.randint(0, 1), writes)

    def found():
        i, p, ino = file_ctx()
        return ev('"message":"File <*> discovered, starting harvester' + SV + '"id":"<*>","path":"<*>","state_id":"native::<*>",'
                  '"os_id":"<*>"' + END, p, i, p, ino, ino)

    def reader_closed():
        i, p, ino = file_ctx()
        return ev('"message":"Reader closed after <*> of inactivity' + SV + '"id":"<*>","path":"<*>","state_id":"native::<*>"' + END,
                  pick(["5m0s", "5m0s", "10m0s", "1h0m0s", "2m30s"]), i, p, ino)

    bulk_reasons = [('{"type":"mapper_parsing_exception","reason":"failed to parse field [http.response.bytes] of type [long] in '
                     'document with id \'%s\'. Preview of field\'s value: \'-\'"}'),
                    '{"type":"version_conflict_engine_exception","reason":"[%s]: version conflict, document already exists (current version [1])"}',
                    '{"type":"es_rejected_execution_exception","reason":"rejected execution of coordinating operation"}',
                    '{"type":"illegal_argument_exception","reason":"field [labels.team] exceeds the total fields limit of the mapping"}']
    indices = [".ds-logs-nginx.access-default-2026.12.05-000014", ".ds-logs-app-default-2026.12.01-000007", "filebeat-8.15.3-legacy"]

    def bulk_rejected():
        k = R.randrange(len(bulk_reasons))
        reason = bulk_reasons[k] % hexid(10) if "%s" in bulk_reasons[k] else bulk_reasons[k]
        status = {0: "400", 1: "409", 2: "429", 3: "400"}[k]
        return ev('"message":"Bulk item rejected (status=<*>): <*>' + SV + '"index":"<*>"' + END, status, jesc(reason), pick(indices))

    es_hosts = ["https://es-01.logs.internal:9200", "https://es-02.logs.internal:9200", "https://es-03.logs.internal:9200"]
    publish_errors = ["temporary bulk send failure",
                      'Post "https://es-02.logs.internal:9200/_bulk": dial tcp 10.12.0.22:9200: connect: connection refused',
                      "context deadline exceeded",
                      'Post "https://es-01.logs.internal:9200/_bulk?filter_path=errors%2Citems.%2A.error": net/http: request '
                      'canceled (Client.Timeout exceeded while awaiting headers)',
                      "x509: certificate has expired or is not yet valid"]

    def publish_failed():
        return ev('"message":"Failed to publish events: <*>","service.name":"filebeat"' + END, jesc(pick(publish_errors)))

    def output_conn(word):
        def gen():
            return ev('"message":"Output connection to elasticsearch(<*>) ' + word + '","service.name":"filebeat"' + END, pick(es_hosts))
        return gen

    def truncated():
        i, p, ino = file_ctx()
        return ev('"message":"File was truncated, reading again from offset 0' + SV + '"id":"<*>","path":"<*>","state_id":"native::<*>"' + END,
                  i, p, ino)

    reg_paths = Cycle(["/var/lib/filebeat/registry/filebeat", "/usr/share/filebeat/data/registry/filebeat"])

    open_errors = Cycle([("syslog-fallback", "/var/log/secure", "open /var/log/secure: permission denied"),
                         ("app-json", "/var/log/app/orders-2026-12-04.json", "file was removed before it could be opened"),
                         ("k8s-containers", "/var/log/containers/api-7d9f8c6b5-q8wzt_prod_api-%s.log" % hexid(12),
                          "lstat: too many levels of symbolic links")])

    versions = Cycle([("8.15.3", "a1c3e9f", "1"), ("8.16.1", "77e20b4", "3")])
    inputs = Cycle([("4", "0"), ("3", "1"), ("5", "0")])

    H = "github.com/elastic/beats/v7/"
    events = [
        (86, ("info", "monitoring", H + "libbeat/monitoring/report/log.(*reporter).logSnapshot", "log/log.go", 192), metrics),
        (54, ("info", "input.filestream", H + "filebeat/input/filestream.(*fileProspector).onFSEvent", "filestream/prospector.go", 331),
         found),
        (38, ("info", "input.harvester", H + "filebeat/input/filestream/internal/input-logfile.startHarvester.func1",
              "input-logfile/harvester.go", 318), reader_closed),
        (24, ("warn", "elasticsearch", H + "libbeat/outputs/elasticsearch.(*Client).bulkCollectPublishFails", "elasticsearch/client.go", 461),
         bulk_rejected),
        (20, ("error", "publisher_pipeline_output", H + "libbeat/publisher/pipeline.(*netClientWorker).run", "pipeline/client_worker.go", 176),
         publish_failed),
        (16, ("info", "publisher_pipeline_output", H + "libbeat/publisher/pipeline.(*netClientWorker).run", "pipeline/client_worker.go", 139),
         output_conn("opened")),
        (14, ("info", "publisher_pipeline_output", H + "libbeat/publisher/pipeline.(*netClientWorker).run", "pipeline/client_worker.go", 151),
         output_conn("closed")),
        (12, ("warn", "input.harvester", H + "filebeat/input/filestream.(*filestream).readFromSource", "filestream/input.go", 402),
         truncated),
        (10, ("info", "registrar", H + "filebeat/registrar.(*Registrar).gcStates", "registrar/registrar.go", 248),
         lambda: ev('"message":"Registry cleanup removed <*> stale entries","service.name":"filebeat"' + END, num(1, 900))),
        (8, ("info", "registrar", H + "filebeat/registrar.(*Registrar).gcStates", "registrar/registrar.go", 255),
         lambda: ev('"message":"Registry cleanup removed <*> stale entries","service.name":"filebeat","registry_path":"<*>"' + END,
                    num(1, 900), reg_paths())),
        (6, ("warn", "add_cloud_metadata", H + "libbeat/processors/add_cloud_metadata.(*addCloudMetadata).init.func1",
             "add_cloud_metadata/add_cloud_metadata.go", 104),
         lambda: ev('"message":"add_cloud_metadata: no provider answered within the timeout, cloud fields will not be added",'
                    '"service.name":"filebeat"' + END)),
        (5, ("info", "crawler", H + "filebeat/beater.(*crawler).Start", "beater/crawler.go", 76),
         lambda: ev('"message":"Loading inputs done: <*> started, <*> failed","service.name":"filebeat"' + END, *inputs())),
        (4, ("error", "input.filestream", H + "filebeat/input/filestream.(*filestream).open", "filestream/input.go", 217),
         lambda: (lambda e: ev('"message":"Failed to open file for harvesting' + SV + '"id":"<*>","path":"<*>","error":"<*>"' + END,
                               e[0], e[1], jesc(e[2])))(open_errors())),
        (3, ("info", "beat", H + "libbeat/cmd/instance.(*Beat).launch", "instance/beat.go", 512),
         lambda: ev('"message":"Filebeat <*> (commit <*>) starting with <*> config file(s)","service.name":"filebeat"' + END, *versions())),
    ]

    def render(tag, content):
        level, logger, function, fname, fline = tag
        return ('{"log.level":"%s","@timestamp":"%s","log.logger":"%s","log.origin":{"function":"%s","file.name":"%s","file.line":%d},%s}'
                % (level, c.iso_ms_z(), logger, function, fname, fline, content))
    write("Filebeat", c, events, render, suffix=False)


# ------------------------------------------------------------------------------------------
# 3. Proxmox VE node, `/var/log/syslog` in the RFC 3164 layout (rsyslog's traditional file
#    format): `Dec  5 10:00:00 pve03 pvedaemon[1342]: message`; programs `pvedaemon` (its three
#    workers and the master), `pveproxy` (master and workers), `pvestatd`. Content is what
#    follows `program[pid]: `.
def proxmox():
    c = Clock()
    host = "pve03"
    daemon_master = R.randint(1100, 1400)
    daemon_workers = sorted(R.sample(range(daemon_master + 800, daemon_master + 90000), 3))
    proxy_master = daemon_master + R.randint(20, 60)
    proxy_workers = sorted(R.sample(range(200000, 990000), 6))
    statd = daemon_master - R.randint(5, 30)
    users = ["root@pam", "root@pam", "j.ruiz@pve", "backup@pve!nightly", "m.kowal@ldap-corp", "monitor@pve!grafana"]
    task_types = [("qmstart", True), ("qmstop", True), ("vzdump", True), ("qmigrate", True), ("vncproxy", True), ("qmsnapshot", True),
                  ("aptupdate", False), ("vzstart", True), ("imgcopy", False)]

    def vmid():
        return str(pick([100, 101, 104, 112, 203, 214, 305, 1007]))

    def upid(user):
        typ, has_id = pick(task_types)
        return "UPID:%s:%08X:%08X:%08X:%s:%s:%s:" % (host, R.randint(100000, 999999), R.randint(0x100000, 0xFFFFFF), c.sec, typ,
                                                    vmid() if has_id else "", user)

    def started():
        u = pick(users)
        return ev("<<*>> starting worker task <*>", u, upid(u))

    end_status = ["OK"] * 12 + ["WARNINGS: 1", "WARNINGS: 3", "job errors", "unexpected status",
                                "command 'qm start 214 --skiplock' failed: exit code 2",
                                "migration problems: storage 'local-zfs-2' is not available on target node pve01",
                                "interrupted by signal"]

    def ended():
        u = pick(users)
        return ev("<<*>> worker task <*> ended: <*>", u, upid(u), pick(end_status))

    storages = ["pbs-main", "nfs-iso", "cephfs-shared", "local-zfs-2", "smb-archive"]
    auth_reasons = ["invalid credentials", "invalid credentials", "no such user", "user account disabled",
                    "realm ldap-corp: LDAP bind failed: Can't contact LDAP server (connection timed out after 5 seconds)"]
    auth_users = ["root@pam", "admin@pve", "j.ruiz@pve", "test@pam", "deploy@ldap-corp"]

    def peer():
        return "::ffff:%s" % client_ip() if R.random() < 0.8 else "2001:db8:%x::%x" % (R.randint(1, 0xfff), R.randint(1, 0xffff))

    vm_changes = ["-memory 8192", "-cores 4 -sockets 1", "-net0 virtio=BC:24:11:%s,bridge=vmbr0,firewall=1" % ":".join(
        "%02X" % R.randint(0, 255) for _ in range(3)), "-delete unused0", "-scsi1 local-zfs-2:32,iothread=1,discard=on -boot order=scsi0;ide2;net0",
        "-description Build agent (do not migrate)", "-onboot 1"]
    qmp_cmds = Cycle(["query-proxmox-support", "query-status", "query-balloon", "blockdev-snapshot-sync"])
    qmp_reasons = Cycle(["got timeout", "unable to open monitor socket",
                         "VM %s not running" % vmid(), "unable to connect to VM qmp socket - timeout after 31 retries"])
    tfa = Cycle(["totp", "webauthn", "recovery"])
    tfa_reasons = Cycle(["invalid credentials", "second factor rejected", "too many failed attempts, try again in 30 seconds"])
    n_workers = Cycle(["1", "2", "3"])

    def summary():
        mem_total, swap_total, root_total = 269854683136, 8589930496, 100861726720
        return ev("node resource summary: cpu=<*>% mem=<*>/269854683136 swap=<*>/8589930496 rootfs=<*>/100861726720 load=<*> <*> <*> "
                  "uptime=<*>s", "%.2f" % R.uniform(1, 96), R.randint(mem_total // 5, mem_total - 10 ** 9),
                  R.randint(0, swap_total // 4), R.randint(root_total // 6, root_total // 2), "%.2f" % R.uniform(0.2, 30),
                  "%.2f" % R.uniform(0.2, 30), "%.2f" % R.uniform(0.2, 30), R.randint(86400, 86400 * 90))

    def worker_pid(pids):
        return lambda: pick(pids)

    events = [
        (84, ("pvedaemon", worker_pid(daemon_workers)), started),
        (54, ("pvedaemon", worker_pid(daemon_workers)), ended),
        (34, ("pvestatd", lambda: statd), lambda: ev("status update cycle finished after <*> seconds", "%.3f" % R.uniform(0.2, 14))),
        (26, ("pveproxy", lambda: proxy_master), lambda: ev("worker <*> started", num(200000, 990000))),
        (22, ("pveproxy", lambda: proxy_master), lambda: ev("worker <*> finished", pick(proxy_workers))),
        (18, ("pvedaemon", worker_pid(daemon_workers)),
         lambda: ev("authentication rejected for '<*>' from <*>: <*>", pick(auth_users), peer(), pick(auth_reasons))),
        (14, ("pvestatd", lambda: statd), lambda: ev("storage '<*>' not reachable - skipping status update", pick(storages))),
        (12, ("pveproxy", worker_pid(proxy_workers)), lambda: ev("client <*> went away before the response was sent", peer())),
        (10, ("pvedaemon", worker_pid(daemon_workers)),
         lambda: ev("<<*>> updating VM <*> config: <*>", pick(users), vmid(), pick(vm_changes))),
        (8, ("pvestatd", lambda: statd), lambda: ev("VM <*> qmp command '<*>' failed - <*>", vmid(), qmp_cmds(), qmp_reasons())),
        (6, ("pvedaemon", worker_pid(daemon_workers)),
         lambda: ev("authentication rejected for '<*>' from <*> (second factor <*>): <*>", pick(auth_users), peer(), tfa(), tfa_reasons())),
        (5, ("pveproxy", lambda: proxy_master), lambda: ev("starting <*> worker(s)", n_workers())),
        (4, ("pvestatd", lambda: statd), summary),
        (3, ("pvedaemon", lambda: daemon_master), lambda: ev("received SIGHUP, reloading API server configuration")),
    ]

    def render(tag, content):
        prog, pid = tag
        return "%s %s %s[%d]: %s" % (c.rfc3164(), host, prog, pid(), content)
    write("Proxmox", c, events, render)


# ------------------------------------------------------------------------------------------
# 4. Rundeck `service.log` with the log4j2 pattern of its default `log4j2.properties`,
#    `[%d{ISO8601}] %-5p %c{2} - %m%n`: `[2026-12-05T10:00:00,123] INFO  services.ExecutionService
#    - message` (level padded to 5, the last two parts of the logger name). Content is what
#    follows `<logger> - `.
def rundeck():
    c = Clock()
    jobs = [("ops", "backup/Nightly DB dump"), ("ops", "maintenance/Rotate TLS certificates"),
            ("payments", "deploy/ledger-api (blue-green)"), ("payments", "reports/Daily settlement export"),
            ("data", "etl/Load clickstream to warehouse [hourly]"), ("infra", "k8s/Drain node and patch"), ("infra", "Ping")]
    job_ids = {j: uuid() for j in jobs}
    users = ["admin", "a.schmidt", "svc-jenkins", "r.okafor", "scheduler"]
    nodes = ["web-01.prod.example.com", "web-02.prod.example.com", "db-02", "localhost", "10.20.1.14", "k8s-worker-07"]
    exec_ids = {"n": R.randint(48000, 52000)}

    def new_exec():
        exec_ids["n"] += R.randint(1, 3)
        return str(exec_ids["n"])

    def old_exec():
        return str(exec_ids["n"] - R.randint(0, 40))

    def job():
        return pick(jobs)

    def started():
        j = job()
        return ev("Execution <*> of job '<*>' [<*>] started by <*> on <*> node(s)", new_exec(), j[1], job_ids[j], pick(users),
                  pick(["1", "1", "2", "4", "12"]))

    def completed():
        return ev("Execution <*> completed with status <*> after <*> ms", old_exec(),
                  pick(["succeeded"] * 6 + ["failed", "aborted", "timedout", "failed-with-retry"]), num(90, 3600000))

    def fire_time():
        t = (c.sec // 300 + R.randint(1, 12)) * 300
        return time.strftime("%a %b %d %H:%M:%S UTC %Y", time.gmtime(t))

    def triggered():
        j = job()
        return ev("<*> [<*>] triggered by schedule in project <*>, next fire time <*>", j[1], job_ids[j], j[0], fire_time())

    def skipped():
        j = job()
        return ev("Job '<*>' [<*>] not started: execution <*> is still running and multiple executions are not allowed", j[1],
                  job_ids[j], old_exec())

    node_errors = ["Remote command failed with exit status 1",
                   "SSH authentication failed: Auth fail",
                   "NonZeroResultCode: [jsch-ssh] Remote command failed with exit status 127",
                   "ConnectionFailure: [jsch-ssh] Failed to connect to db-02 (port 22): java.net.ConnectException: Connection timed out",
                   "Node not found in project: k8s-worker-07",
                   "Script or command timed out after 3600000 ms: step killed"]

    def failed():
        return ev("Execution <*> failed on node <*>: <*>", old_exec(), pick(nodes), pick(node_errors))

    step_errors = Cycle(node_errors)

    def failed_step():
        return ev("Execution <*> failed on node <*> (step <*>): <*>", old_exec(), pick(nodes), pick(["1", "2", "3", "5"]), step_errors())

    roles = ["user", "user, ops-readonly", "developer, payments", "ops-readonly"]

    def unauthorized():
        j = job()
        return ev("Unauthorized: user <*> with roles [<*>] is not allowed to <*> job '<*>' in project <*>", pick(users[1:4]), pick(roles),
                  pick(["run", "run", "update", "delete", "kill"]), j[1], j[0])

    def exported():
        p = pick(["ops", "payments", "data", "infra"])
        return ev("Project <*> exported to <*> (<*> jobs, <*> executions, <*> bytes)", p,
                  "/var/lib/rundeck/exports/%s-%s.rdproject.jar" % (p, time.strftime("%Y%m%d-%H%M%S", c.g)),
                  num(3, 140), num(0, 90000), num(40000, 900000000))

    keys = ["keys/project/ops/ssh/deploy.pem", "keys/project/payments/db/password", "keys/shared/vault-token",
            "keys/project/infra/kubeconfig-prod"]
    node_sources = Cycle([("1", "ops", "14", "312"), ("2", "infra", "58", "1904"), ("1", "payments", "6", "88"), ("3", "infra", "57", "2411")])
    storage = Cycle([("S3LogFileStoragePlugin", "1", "3", "Unable to upload log: Read timed out"),
                     ("S3LogFileStoragePlugin", "2", "3", "The specified bucket does not exist (Service: S3, Status Code: 404)"),
                     ("FileLogStorage", "1", "5", "java.io.IOException: No space left on device")])
    boots = Cycle([("5.8.0-20241205", uuid(), "https://rundeck.example.com", "4", "212", "39", "2 GB", "41877"),
                   ("5.8.0-20241205", uuid(), "http://rundeck-ha-2.internal:4440", "4", "212", "39", "768 MB", "38120"),
                   ("5.9.0-20250115", uuid(), "https://rundeck.example.com", "5", "219", "41", "2 GB", "44610")])

    def stor_req():
        s = storage()
        return ev("Log storage request via <*> for execution <*> failed (attempt <*> of <*>): <*>", s[0], old_exec(), s[1], s[2], s[3])

    SES = "services.ExecutionService"
    events = [
        (84, ("INFO", SES), started),
        (54, ("INFO", SES), completed),
        (34, ("INFO", "quartzjobs.ExecutionJob"), triggered),
        (26, ("WARN", "services.ScheduledExecutionService"), skipped),
        (22, ("ERROR", SES), failed),
        (18, ("WARN", "services.FrameworkService"), unauthorized),
        (14, ("INFO", "services.ProjectService"), exported),
        (12, ("INFO", "services.StorageService"), lambda: ev("Key storage entry <*> created by <*>", pick(keys), pick(users[:4]))),
        (10, ("INFO", "services.StorageService"), lambda: ev("Key storage entry <*> deleted by <*>", pick(keys), pick(users[:4]))),
        (8, ("ERROR", SES), failed_step),
        (6, ("INFO", "services.NodeService"),
         lambda: ev("Node source #<*> for project <*> returned <*> nodes in <*> ms", *node_sources())),
        (5, ("WARN", "services.LogFileStorageService"), stor_req),
        (4, ("INFO", "rundeckapp.BootStrap"),
         lambda: ev("Rundeck <*> started: serverUUID=<*>, url=<*>, projects=<*>, jobs=<*>, plugins=<*>, maxHeap=<*>, startup=<*> ms",
                    *boots())),
        (3, ("WARN", "services.ScheduledExecutionService"),
         lambda: ev("Scheduler is in standby mode, scheduled jobs will not run on this server")),
    ]

    def render(tag, content):
        level, logger = tag
        return "[%s] %-5s %s - %s" % (c.log4j_iso8601(), level, logger, content)
    write("Rundeck", c, events, render)


# ------------------------------------------------------------------------------------------
# 5. Sentry (self-hosted `web` and `worker` containers), the structlog human console renderer
#    Sentry configures by default: `10:00:00 [INFO] sentry.access.api: event.name (key='value'
#    key=12)`: the time of day only, the level in upper case in brackets, the logger name, the
#    event, then the remaining keys as `key=repr(value)` in parentheses (none: no parentheses).
#    Content is what follows `<logger>: `.
def sentry():
    c = Clock()
    orgs = ["acme", "acme", "globex-eng", "initech"]
    endpoints = [("GET", "OrganizationGroupIndexEndpoint", "/api/0/organizations/%s/issues/?query=is%%3Aunresolved&statsPeriod=14d"),
                 ("GET", "ProjectEventDetailsEndpoint", "/api/0/projects/%s/backend/events/" + "%s/"),
                 ("POST", "ReleasesEndpoint", "/api/0/organizations/%s/releases/"),
                 ("GET", "OrganizationStatsSummaryEndpoint", "/api/0/organizations/%s/stats-summary/?field=sum(quantity)&interval=1h"),
                 ("PUT", "GroupDetailsEndpoint", "/api/0/organizations/%s/issues/" + "%s/"),
                 ("GET", "OrganizationEventsEndpoint", "/api/0/organizations/%s/events/?field=title&field=count()&per_page=50")]
    agents = ["sentry-cli/2.39.1",
              "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
              "python-requests/2.32.3",
              "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
              "GitHub-Hookshot/8e1f2a7", "curl/8.5.0"]

    def r(v):
        return repr(v)

    def q(v):
        """The inside of the `'...'` that `repr` gives a string (the quotes stay in the template)."""
        x = repr(v)
        assert isinstance(v, str) and x[0] == x[-1] == "'" and "\\" not in x, v
        return x[1:-1]

    def api():
        method, view, path = pick(endpoints)
        org = pick(orgs)
        p = path.replace("%s", org, 1)
        if "%s" in p:
            p = p.replace("%s", str(R.randint(10 ** 9, 6 * 10 ** 9)) if "issues" in p else hexid(32), 1)
        status = pick([200] * 8 + [201, 204, 400, 403, 404, 429, 500])
        user = pick([None, R.randint(1, 240), R.randint(1, 240)])
        return ev("api.request (method='<*>' endpoint='<*>' status=<*> org_slug='<*>' user_id=<*> auth='<*>' path='<*>' remote_ip='<*>' "
                  "user_agent='<*>' duration_ms=<*>)", q(method), q(view), status, q(org), r(user),
                  q(pick(["session", "session", "api_token", "org_auth_token", "none"])), q(p), q(client_ip()), q(pick(agents)),
                  r(round(R.uniform(3, 4200), 2)))

    platforms = ["python", "javascript", "node", "java", "cocoa", "native", "go"]

    def saved():
        return ev("ingest.event.saved (project_id=<*> event_id='<*>' platform='<*>' size_bytes=<*>)", R.randint(2, 60), q(hexid(32)),
                  q(pick(platforms)), R.randint(600, 980000))

    def skipped():
        return ev("post_process.skipped (event_id='<*>' group_id=<*> reason='<*>')", q(hexid(32)), R.randint(10 ** 9, 6 * 10 ** 9),
                  q(pick(["duplicate", "group_not_found", "cache_miss", "reprocessing"])))

    def login(word):
        def gen():
            return ev("auth.login." + word + " (user_id=<*> ip_address='<*>' method='<*>')", r(pick([R.randint(1, 240), None] if word == "failure"
                                                                                                  else [R.randint(1, 240)])),
                      q(client_ip()), q(pick(["password", "password", "saml2", "github", "u2f"])))
        return gen

    sym_errors = ["timeout", "symbolicator returned 503",
                  "HTTPConnectionPool(host=symbolicator, port=3021): Read timed out. (read timeout=30)",
                  "missing debug file: libapp.so (debug_id=%s, arch=arm64)" % uuid(),
                  "invalid minidump: stream directory out of bounds"]

    def sym_failed():
        return ev("symbolicator.request.failed (project_id=<*> event_id='<*>' error='<*>')", R.randint(2, 60), q(hexid(32)),
                  q(pick(sym_errors)))

    relay_keys = [hexid(32) for _ in range(5)]
    revisions = Cycle([hexid(32) for _ in range(4)])
    tasks = Cycle(["sentry.tasks.process_buffer.process_incr", "sentry.tasks.post_process.post_process_group",
                   "sentry.tasks.reprocessing2.reprocess_group", "sentry.tasks.deletion.run_deletion"])
    limits = Cycle([5, 30, 60, 300])
    rules = Cycle([("Notify on-call for new issues", "backend", "Slack API returned channel_not_found"),
                   ("Regression alert", "web-frontend", "integration 17 is disabled"),
                   ("High volume (over 1000 events in 1h)", "backend",
                    "request to https://hooks.example.net/alerts failed after 3 retries: 502 Bad Gateway")])
    queues = Cycle([("worker-1", 8, ["events.save_event", "events.process_event", "alerts"]), ("worker-2", 4, ["default"]),
                    ("worker-1", 8, ["events.save_event", "post_process_errors"])])
    locks = Cycle([("pending-buffer:incr", 4.51), ("pending-buffer:flush", 12.0), ("pending-buffer:incr", 0.87)])
    cleanups = Cycle([("sentry.EventAttachment", 31244, 90), ("sentry.Group", 812, 90), ("nodestore.Node", 1904330, 30)])

    def ready():
        h, n, qs = queues()
        return ev("celery.worker.ready (hostname='<*>' concurrency=<*> queues=[<*>])", q("celery@" + h), n, ", ".join(map(repr, qs)))

    events = [
        (88, ("INFO", "sentry.access.api"), api),
        (52, ("INFO", "sentry.ingest.consumer"), saved),
        (34, ("WARNING", "sentry.tasks.post_process"), skipped),
        (26, ("INFO", "sentry.auth"), login("success")),
        (20, ("WARNING", "sentry.auth"), login("failure")),
        (18, ("ERROR", "sentry.tasks.symbolication"), sym_failed),
        (14, ("INFO", "sentry.relay"), lambda: ev("relay.project_config.fetched (public_key='<*>' projects=<*>)", q(pick(relay_keys)),
                                                  R.randint(1, 40))),
        (12, ("INFO", "sentry.relay"), lambda: ev("relay.project_config.fetched (public_key='<*>' projects=<*> revision='<*>')",
                                                  q(pick(relay_keys)), R.randint(1, 40), q(revisions()))),
        (10, ("WARNING", "sentry.tasks.base"), lambda: ev("<*> exceeded soft time limit (task_id='<*>' limit_seconds=<*>)", tasks(), q(uuid()),
                                                          limits())),
        (8, ("ERROR", "sentry.rules.processing"), lambda: ev("Failed to send notification for rule <*> in project <*>: <*>", *rules())),
        (6, ("INFO", "sentry.runner.commands.run"), ready),
        (5, ("ERROR", "sentry.buffer.redis"), lambda: (lambda k: ev("process_pending.lock_contention (key='<*>' waited_seconds=<*>)", q(k[0]),
                                                                   r(k[1])))(locks())),
        (4, ("INFO", "sentry.runner.commands.cleanup"), lambda: (lambda x: ev("cleanup.deleted (model='<*>' rows=<*> days=<*>)", q(x[0]), x[1],
                                                                              x[2]))(cleanups())),
        (3, ("WARNING", "sentry.digests"), lambda: ev("digests.schedule.skipped (reason='backend unavailable')")),
    ]

    def render(tag, content):
        level, logger = tag
        return "%s [%s] %s: %s" % (c.hms(), level, logger, content)
    write("Sentry", c, events, render)


# ------------------------------------------------------------------------------------------
# 6. Longhorn `longhorn-manager` (Go, logrus text formatter, output not a terminal, caller
#    reported): `time="2026-12-05T10:00:00Z" level=info msg="..." func="controller.(*X).y"
#    file="x_controller.go:N" key=value ...` with the other fields sorted by key; a value is bare
#    when it holds only `A-Za-z0-9-._/@^+`, else quoted with Go `%q`. The pod runs on node
#    `worker-a2`. Content is what follows `level=<level> `: from `msg=` to the end of the line.
def longhorn():
    c = Clock()
    volumes = ["pvc-" + uuid() for _ in range(9)]
    replicas = {v: ["%s-r-%s" % (v, hexid(8)) for _ in range(3)] for v in volumes}
    owners = ["worker-a1", "worker-a2", "worker-b1", "worker-b2"]

    def vol():
        return pick(volumes)

    def reconciled():
        return ev('msg="Volume state reconciled" func="controller.(*VolumeController).syncVolume" file="volume_controller.go:312" '
                  "accessMode=<*> controller=longhorn-volume currentState=<*> frontend=<*> node=worker-a2 owner=<*> volume=<*>",
                  pick(["rwo", "rwo", "rwx"]), pick(["attached", "attached", "detached", "attaching", "detaching"]),
                  pick(["blockdev", "blockdev", "nvmf"]), pick(owners), vol())

    def rebuild(word, line):
        def gen():
            v = vol()
            return ev('msg="Replica rebuilding ' + word + '" func="controller.(*EngineController).rebuildNewReplica" file="engine_controller.go:'
                      + line + '" controller=longhorn-engine engine=<*> node=worker-a2 replica=<*> replicaAddress="<*>" volume=<*>',
                      v + "-e-0", pick(replicas[v]), "tcp://10.42.%d.%d:%d" % (R.randint(0, 6), R.randint(2, 250), R.randint(10000, 10060)), v)
        return gen

    node_errors = ["context deadline exceeded",
                   "node worker-b1 is not ready",
                   'failed to get disk config: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while '
                   'dialing: dial tcp 10.42.2.9:8500: connect: connection refused"',
                   'Operation cannot be fulfilled on nodes.longhorn.io "worker-a1": the object has been modified; please apply your '
                   'changes to the latest version and try again']

    def sync_failed():
        return ev('msg="Failed to sync Longhorn node" func="controller.(*NodeController).syncNode" file="node_controller.go:487" '
                  'controller=longhorn-node error="<*>" node=worker-a2 targetNode=<*>', lq_inner(pick(node_errors)), pick(owners))

    def k8s_event():
        v = vol()
        kind, name, typ, reason, message = pick([
            ("Volume", v, "Normal", "Attached", "volume %s has been attached to %s" % (v, pick(owners))),
            ("Volume", v, "Normal", "Detached", "volume %s has been detached" % v),
            ("Engine", v + "-e-0", "Normal", "Rebuilt", "Replica %s with Address tcp://10.42.%d.%d:10045 has been rebuilt for volume %s"
             % (pick(replicas[v]), R.randint(0, 6), R.randint(2, 250), v)),
            ("Replica", pick(replicas[v]), "Warning", "Faulted", 'replica is faulted: "no space left on device"'),
            ("Volume", v, "Warning", "Degraded", "volume %s became degraded" % v),
        ])
        uid, rv = uuid(), num(100000, 99999999)
        return ev('msg="Event(v1.ObjectReference{Kind:\\"<*>\\", Namespace:\\"longhorn-system\\", Name:\\"<*>\\", UID:\\"<*>\\", '
                  'APIVersion:\\"longhorn.io/v1beta2\\", ResourceVersion:\\"<*>\\", FieldPath:\\"\\"}): type: \'<*>\' reason: \'<*>\' <*>" '
                  'func="record.(*eventBroadcasterImpl).StartLogging.func1" file="event.go:377"',
                  *[jesc(x) for x in (kind, name, uid, rv, typ, reason, message)])

    def snap_name():
        return pick(["snap-", "c-"]) + hexid(6) if R.random() < 0.3 else uuid()

    jobs = Cycle(["daily-snap", "hourly-snap", "weekly-backup-s3"])

    def snapshot(recurring):
        def gen():
            if recurring:
                return ev('msg="Created snapshot" func="controller.(*SnapshotController).handleSnapshotCreate" file="snapshot_controller.go:402" '
                          "controller=longhorn-snapshot node=worker-a2 recurringJob=<*> snapshot=<*> volume=<*>", jobs(), snap_name(), vol())
            return ev('msg="Created snapshot" func="controller.(*SnapshotController).handleSnapshotCreate" file="snapshot_controller.go:402" '
                      "controller=longhorn-snapshot node=worker-a2 snapshot=<*> volume=<*>", snap_name(), vol())
        return gen

    rj_errors = ["failed to create snapshot: volume is not attached",
                 "backup target is unavailable",
                 'failed to get backup volume "%s": error listing backups: NoSuchBucket: The specified bucket does not exist' % vol(),
                 "timed out waiting for the snapshot to be ready"]

    def rj_failed():
        return ev('msg="Failed to run recurring job" func="recurringjob.(*Job).run" file="recurring_job.go:208" error="<*>" job=<*> '
                  "node=worker-a2 task=<*> volume=<*>", lq_inner(pick(rj_errors)), pick(["daily-snap", "hourly-snap", "weekly-backup-s3"]),
                  pick(["snapshot", "backup"]), vol())

    targets = ["s3://lh-backups@us-east-1/", "nfs://10.0.9.4:/exports/longhorn"]

    def backup_done():
        return ev('msg="Backup completed" func="controller.(*BackupController).checkMonitor" file="backup_controller.go:733" backup=<*> '
                  'backupTarget="<*>" controller=longhorn-backup elapsed=<*> node=worker-a2 size=<*> volume=<*>',
                  "backup-" + hexid(16), pick(targets), rand_go_duration(1500, 3 * 3600 * 1000, 0.2), R.randint(2 * 1024 ** 2, 200 * 1024 ** 3), vol())

    disks = Cycle([("default-disk-fd01", "/var/lib/longhorn/", "storage available 12.40 GiB is below 25% of maximum 200.00 GiB",
                    "13314398617", "214748364800"),
                   ("nvme-b", "/mnt/nvme-b/longhorn/", "disk is marked as unschedulable", "412316860416", "960197124096"),
                   ("default-disk-fd01", "/var/lib/longhorn/", "storage available 8.02 GiB is below 25% of maximum 200.00 GiB",
                    "8611460956", "214748364800")])

    def disk_unsched():
        d = disks()
        return ev('msg="Disk is not schedulable" func="controller.(*NodeController).syncDiskStatus" file="node_controller.go:1092" '
                  'diskName=<*> diskPath=<*> node=worker-a2 reason="<*>" storageAvailable=<*> storageMaximum=<*>', d[0], d[1], lq_inner(d[2]),
                  d[3], d[4])

    ims = Cycle(["instance-manager-" + hexid(32) for _ in range(3)])
    replica_failures = Cycle(["replica process exited unexpectedly", 'failed to read from backing file: "input/output error"',
                              "revision counter mismatch"])

    def replica_failed():
        v = vol()
        return ev('msg="Replica failed, marking it for rebuild" func="controller.(*ReplicaController).syncReplica" file="replica_controller.go:289" '
                  'controller=longhorn-replica error="<*>" instanceManager=<*> node=worker-a2 replica=<*> volume=<*>', lq_inner(replica_failures()),
                  ims(), pick(replicas[v]), v)

    upgrades = Cycle([("longhornio/longhorn-engine:v1.7.2", "longhornio/longhorn-engine:v1.7.3"),
                      ("longhornio/longhorn-engine:v1.7.3", "longhornio/longhorn-engine:v1.8.0")])

    def upgrade():
        a, b = upgrades()
        return ev('msg="Upgrading volume engine image" func="controller.(*VolumeController).upgradeEngineForVolume" file="volume_controller.go:2911" '
                  'controller=longhorn-volume fromImage="<*>" node=worker-a2 toImage="<*>" volume=<*>', a, b, vol())

    events = [
        (86, "info", reconciled),
        (52, "info", rebuild("started", "1837")),
        (36, "info", rebuild("finished", "1881")),
        (26, "warning", sync_failed),
        (20, "info", k8s_event),
        (18, "info", snapshot(False)),
        (14, "info", snapshot(True)),
        (12, "error", rj_failed),
        (10, "info", backup_done),
        (8, "warning", disk_unsched),
        (6, "warning", replica_failed),
        (5, "info", upgrade),
        (4, "error", lambda: ev('msg="Lost connection to the Kubernetes API server, retrying" func="manager.(*Manager).watchAPIServer" '
                               'file="manager.go:164" node=worker-a2')),
        (3, "info", lambda: ev('msg="Instance manager pods are ready" func="controller.(*InstanceManagerController).syncInstanceManager" '
                               'file="instance_manager_controller.go:318" count=<*> node=worker-a2', pick(["2", "3"]))),
    ]

    def render(level, content):
        return 'time="%s" level=%s %s' % (c.rfc3339(), level, content)
    write("Longhorn", c, events, render)


# ------------------------------------------------------------------------------------------
def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


# Per system: the header that must precede Content on every raw line (Filebeat is JSON).
HEADERS = {
    "Harbor": re.compile(r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \[(INFO|WARNING|ERROR)\] \[/[A-Za-z0-9_/.]+\.go:\d+\]'
                         r'(\[requestID="[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"\])?: '),
    "Proxmox": re.compile(r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 1-3]\d \d\d:\d\d:\d\d pve03 "
                          r"(pvedaemon|pveproxy|pvestatd)\[\d+\]: "),
    "Rundeck": re.compile(r"\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d,\d{3}\] (INFO |WARN |ERROR) [A-Za-z0-9_]+\.[A-Za-z0-9_]+ - "),
    "Sentry": re.compile(r"\d\d:\d\d:\d\d \[(INFO|WARNING|ERROR)\] [a-z_]+(\.[a-z_0-9]+)*: "),
    "Longhorn": re.compile(r'time="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ" level=(info|warning|error) '),
}
FILEBEAT_LINE = re.compile(r'\{"log\.level":"(info|warn|error)","@timestamp":"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)",'
                           r'"log\.logger":"[a-z_.]+","log\.origin":\{"function":"[^"]+","file\.name":"[^"]+","file\.line":\d+\},(.*)\}')
LOGFMT_TOKEN = re.compile(r'([A-Za-z][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|[^ "]+)(?: |$)')


def check_logrus(line):
    """The line is logrus text output: `time`, `level`, `msg`, `func`, `file`, then the other keys
    sorted; every value re-encodes to itself with logrus' quoting rule."""
    pos, keys = 0, []
    while pos < len(line):
        m = LOGFMT_TOKEN.match(line, pos)
        assert m, line[pos:]
        key, raw = m.groups()
        value = json.loads(raw) if raw.startswith('"') else raw
        assert lq(value) == raw, (key, raw)
        keys.append(key)
        pos = m.end()
    assert not line.endswith(" ")
    assert keys[:5] == ["time", "level", "msg", "func", "file"], keys
    assert keys[5:] == sorted(keys[5:]) and len(set(keys)) == len(keys), keys


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
            if system == "Filebeat":
                m = FILEBEAT_LINE.fullmatch(line)
                assert m and m.group(3) == content, (system, i + 1)
                obj = json.loads(line)
                keys = list(obj)
                assert keys[:6] == ["log.level", "@timestamp", "log.logger", "log.origin", "message", "service.name"], (system, i + 1)
                assert keys[-1] == "ecs.version" and obj["ecs.version"] == "1.6.0", (system, i + 1)
                assert list(obj["log.origin"]) == ["function", "file.name", "file.line"], (system, i + 1)
                assert content.startswith('"message":"'), (system, i + 1)
            else:
                assert line.endswith(content), (system, i + 1)
                h = HEADERS[system].fullmatch(line[:len(line) - len(content)])
                assert h, (system, i + 1, line)
                if system == "Longhorn":
                    check_logrus(line)
                    assert content.startswith('msg="'), (system, i + 1)
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
    """Timestamps never go back: the header times, read back as strings in a sortable form."""
    def syslog_key(l):
        m = re.match(r"(\w{3}) ([ \d]\d) (\d\d:\d\d:\d\d)", l)
        return "%02d-%02d %s" % (MONTHS.index(m.group(1)) + 1, int(m.group(2)), m.group(3))

    parsers = {
        "Harbor": lambda l: l[:20],
        "Filebeat": lambda l: json.loads(l)["@timestamp"],
        "Proxmox": syslog_key,
        "Rundeck": lambda l: l[1:24],
        "Sentry": lambda l: l[:8],
        "Longhorn": lambda l: re.match(r'time="([^"]+)"', l).group(1),
    }
    for system, key in parsers.items():
        with open(os.path.join(HERE, system, system + ".log"), encoding="utf-8") as f:
            stamps = [key(l) for l in f.read().splitlines()]
        assert len(stamps) == LINES, system
        assert stamps == sorted(stamps), system


if __name__ == "__main__":
    harbor()
    filebeat()
    proxmox()
    rundeck()
    sentry()
    longhorn()
    check_clock_order()
    for system, counts in self_check().items():
        print("%-9s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
