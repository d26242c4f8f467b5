#!/usr/bin/env python3
"""Writes Sealed 12, a never-read, labelled log corpus (see README.md beside this file).

Six systems, 300 lines each: Alertmanager, CertManager, Mattermost, Varnish, SGLang, HBase.
Every line is made here from event formats written for this corpus, following each program's
default log layout (written from memory), with values from generators of this file. No line,
template or value list is copied from a real log or data set; the messages are invented in each
project's style. The corpus was written without running any template miner or log parser on it
and without reading the miner's source.

Deterministic: fixed seed 20261219, integer clock, no dependence on locale or wall time;
`python3 generate.py` rewrites the same files. Each system gets `<System>/<System>.log` (the raw
lines, header included) and `<System>/<System>.log_structured.csv` (LineId, Content, EventId,
EventTemplate).

Ground truth convention (Loghub style): one `<*>` per value; a value that holds spaces (a
free-text reason or error, a command, a list, a name with spaces) is one `<*>`; punctuation
around a value stays literal (`(<*>)`, `'<*>'`, `"<*>"`, `\\"<*>\\"`, `[<*>]`, `key=<*>`,
`"key":"<*>"`, `<*>:` before a message, a sentence-final `.`); a unit attached to a number stays
literal after it (`<*>ms`, `<*> GB`, `<*>%`) unless the unit varies within the slot (a Go
duration, a size printed with a varying unit); text that never changes within an event type
stays literal. Event formats are written directly as their templates: each `<*>` in a format is
filled with one generated value, and every `<*>` slot takes at least two different values within
its event type (checked when the lines are made and again on read-back).

At the end the files are read back and checked (see `self_check` and `check_clock_order`).
"""
import calendar
import csv
import json
import os
import re
import time
import random

SEED = 20261219
R = random.Random(SEED)
LINES = 300
MIN_EVENTS, MAX_EVENTS = 12, 15
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["Alertmanager", "CertManager", "Mattermost", "Varnish", "SGLang", "HBase"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


# ------------------------------------------------------------------------------------------
# Small value generators (pools written for this corpus).
def pick(seq):
    return R.choice(seq)


def wpick(pairs):
    """pairs: [(weight, value), ...]"""
    return R.choices([v for _, v in pairs], weights=[w for w, _ in pairs])[0]


def num(a, b):
    return str(R.randint(a, b))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


MM_ALPHABET = "ybndrfg8ejkmcpqxot1uwisza345h769"


def mm_id():
    """A Mattermost id: 26 characters of its base32 alphabet."""
    return "".join(R.choice(MM_ALPHABET) for _ in range(26))


def go_duration(ns):
    """Go's `time.Duration.String()`: `845ns`, `123.456µs`, `1.234567ms`, `2.5s`, `1m9.5s`."""
    if ns < 1000:
        return "%dns" % ns
    if ns < 10 ** 6:
        unit, div, prec = "µs", 10 ** 3, 3
    elif ns < 10 ** 9:
        unit, div, prec = "ms", 10 ** 6, 6
    elif ns < 60 * 10 ** 9:
        unit, div, prec = "s", 10 ** 9, 9
    else:
        minutes, rest = divmod(ns, 60 * 10 ** 9)
        return "%dm%s" % (minutes, go_duration(rest) if rest >= 10 ** 9 else "0s")
    whole, frac = divmod(ns, div)
    f = ("%0*d" % (prec, frac)).rstrip("0")
    return "%d%s%s" % (whole, "." + f if f else "", unit)


def goq(s):
    """The inside of a Go-quoted string (logfmt, klog): backslash, quote, newline, tab escaped."""
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")


def jsq(s):
    """The inside of a JSON string."""
    return json.dumps(s, ensure_ascii=False)[1:-1]


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
    """Integer nanosecond clock starting on 2026-12-19 at a given or random second (UTC)."""

    def __init__(self, start_s=None, lo_ms=3, hi_ms=2600):
        if start_s is None:
            start_s = R.randint(6 * 3600, 11 * 3600)
        self.ns = (calendar.timegm((2026, 12, 19, 0, 0, 0)) + start_s) * 10 ** 9 + R.randint(0, 10 ** 9 - 1)
        self.lo, self.hi = lo_ms, hi_ms

    def tick(self, lo_ms=None, hi_ms=None):
        lo = self.lo if lo_ms is None else lo_ms
        hi = self.hi if hi_ms is None else hi_ms
        self.ns += R.randint(lo * 10 ** 6, hi * 10 ** 6)

    def g(self):
        return time.gmtime(self.ns // 10 ** 9)

    def frac(self, digits):
        return "%0*d" % (digits, (self.ns % 10 ** 9) // 10 ** (9 - digits))

    def ymd(self):
        g = self.g()
        return "%04d-%02d-%02d" % (g.tm_year, g.tm_mon, g.tm_mday)

    def hms(self):
        g = self.g()
        return "%02d:%02d:%02d" % (g.tm_hour, g.tm_min, g.tm_sec)

    def epoch_ms(self):
        return self.ns // 10 ** 6

    def iso_ms(self):
        """go-kit / promlog `2026-12-19T08:00:00.123Z`"""
        return "%sT%s.%sZ" % (self.ymd(), self.hms(), self.frac(3))

    def klog(self):
        """klog `1219 08:00:00.123456` (the level letter goes in front)"""
        g = self.g()
        return "%02d%02d %s.%s" % (g.tm_mon, g.tm_mday, self.hms(), self.frac(6))

    def mattermost(self):
        """Mattermost's JSON timestamp `2026-12-19 08:00:00.123 Z`"""
        return "%s %s.%s Z" % (self.ymd(), self.hms(), self.frac(3))

    def syslog(self):
        """RFC 3164 `Dec 19 08:00:00` (day padded with a space)"""
        g = self.g()
        return "%s %2d %s" % (MONTHS[g.tm_mon - 1], g.tm_mday, self.hms())

    def plain(self):
        """Python logging `%Y-%m-%d %H:%M:%S`"""
        return "%s %s" % (self.ymd(), self.hms())

    def log4j(self):
        """log4j `%d{ISO8601}`: `2026-12-19 08:00:00,123`"""
        return "%s %s,%s" % (self.ymd(), self.hms(), self.frac(3))


# ------------------------------------------------------------------------------------------
# Filling a template.
def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v and v == v.strip() and "\n" not in v, (template, values)
        out += [v, p]
    return "".join(out)


def ev(template, *values):
    """(content, template, values) of one line of an event type."""
    values = tuple(str(v) for v in values)
    return fill(template, values), template, values


# ------------------------------------------------------------------------------------------
def emit(system, n_events, items):
    """items: list of (event index k, raw line, content, template, values) in file order.
    Checks the per-type invariants while writing, then writes both files."""
    assert len(items) == LINES, (system, len(items))
    assert MIN_EVENTS <= n_events <= MAX_EVENTS, system
    rows, raw = [], []
    slot_values, templates = {}, {}
    for i, (k, line, content, template, values) in enumerate(items):
        assert templates.setdefault(k, template) == template, (system, template)
        assert "\n" not in line and "\r" not in line, (system, line)
        assert content and content == content.strip(), (system, line)
        assert line.endswith(content), (system, line)
        rows.append([i + 1, content, "E%d" % (k + 1), template])
        raw.append(line)
        seen = slot_values.setdefault(k, [set() for _ in values])
        assert len(seen) == len(values), (system, template)
        for s, v in zip(seen, values):
            s.add(v)
    assert sorted(templates) == list(range(n_events)), (system, sorted(templates))
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


def write(system, clock, events, render):
    """events: list of (count, tag, gen); gen() -> ev(...), called after the clock ticked for
    the line; render(tag, content) -> the raw line. Counts sum to LINES; the order of lines is a
    seeded shuffle."""
    assert sum(e[0] for e in events) == LINES, (system, sum(e[0] for e in events))
    order = [k for k, e in enumerate(events) for _ in range(e[0])]
    R.shuffle(order)
    items = []
    for k in order:
        _, tag, gen = events[k]
        clock.tick()
        content, template, values = gen()
        items.append((k, render(tag, content), content, template, values))
    emit(system, len(events), items)


# ------------------------------------------------------------------------------------------
# 1. Prometheus Alertmanager (0.2x, go-kit logfmt on stderr):
#    `ts=2026-12-19T08:00:00.123Z caller=dispatch.go:353 level=error component=dispatcher msg="..." key=value ...`
#    (UTC time with milliseconds, the calling file and line, the level in lower case; then the
#    logger context such as `component=`, the message and its fields; values with spaces, `=` or
#    quotes are quoted with Go escapes). Content is what follows `level=<level> `.
def alertmanager():
    c = Clock()
    routes = ['{}', '{}/{severity="critical"}', '{}/{team="payments"}', '{}/{team=~"search|ingest"}',
              '{}/{severity="critical"}/{team="payments"}']
    alerts = ["KubePodCrashLooping", "HighErrorRate", "NodeFilesystemAlmostFull", "TargetDown", "KafkaConsumerLagHigh",
              "CertificateExpiresSoon", "PostgresReplicationLag", "ProbeFailed"]
    namespaces = ["shop", "payments", "search", "ingest", "monitoring"]

    def aggr_group():
        r, a, s = pick(routes), pick(alerts), R.random()
        if s < 0.45:
            labels = '{alertname="%s"}' % a
        elif s < 0.85:
            labels = '{alertname="%s", namespace="%s"}' % (a, pick(namespaces))
        else:
            labels = '{cluster="%s", service="%s"}' % (pick(["prod-eu-1", "prod-us-2"]), pick(["checkout", "search-api", "ledger"]))
        return goq(r + ":" + labels)

    receivers = [(30, ("payments-slack", "slack", [0])), (22, ("oncall-pagerduty", "pagerduty", [0])),
                 (16, ("platform-email", "email", [0])), (14, ("ops-webhooks", "webhook", [0, 1])),
                 (8, ("sre-opsgenie", "opsgenie", [0])), (6, ("search-msteams", "msteams", [0]))]
    errors = {
        "slack": ['Post "<redacted>": context deadline exceeded', "unexpected status code 429: rate_limited",
                  'Post "<redacted>": dial tcp: lookup hooks.slack.com on 10.96.0.10:53: server misbehaving'],
        "pagerduty": ['failed to post message to PagerDuty: Post "https://events.pagerduty.com/v2/enqueue": net/http: TLS handshake timeout',
                      'unexpected status code 400: {"status":"invalid event","message":"Event object is invalid","errors":'
                      '["Length of \'routing_key\' is incorrect (should be 32 characters)"]}',
                      "EOF"],
        "email": ["establish connection to server: dial tcp 10.40.0.25:587: connect: connection refused",
                  "*smtp.plainAuth auth: 535 5.7.8 Username and Password not accepted",
                  "send DATA command: 452 4.3.1 Insufficient system storage"],
        "webhook": ['Post "<redacted>": EOF', "unexpected status code 502: http://alert-bridge.ops.svc:8080/hook",
                    'Post "<redacted>": dial tcp 10.96.44.12:8080: connect: connection refused'],
        "opsgenie": ['unexpected status code 422: {"message":"Request body is not processable. Please check the errors.",'
                     '"errors":{"message":"Message can not be empty."},"took":0.002}',
                     'Post "<redacted>": context deadline exceeded'],
        "msteams": ["unexpected status code 400: Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 400",
                    'Post "<redacted>": context deadline exceeded'],
    }

    def attempt_failed():
        name, kind, idxs = wpick(receivers)
        return ev('component=dispatcher receiver=<*> integration=<*> aggrGroup="<*>" msg="Notify attempt failed, will retry later" '
                  'attempts=<*> err="<*>"', name, "%s[%d]" % (kind, pick(idxs)), aggr_group(),
                  wpick([(50, 1), (20, 2), (12, 3), (8, 4), (6, 6), (4, 9)]), goq(pick(errors[kind])))

    def notify_failed():
        name, kind, idxs = wpick(receivers)
        e = pick(errors[kind])
        if e.startswith("unexpected status code 4"):
            err = "%s/%s[%d]: notify retry canceled due to unrecoverable error after 1 attempts: %s" % (name, kind, pick(idxs), e)
        else:
            err = "%s/%s[%d]: notify retry canceled after %d attempts: %s" % (name, kind, pick(idxs), R.randint(2, 17), e)
        return ev('component=dispatcher msg="Notify for alerts failed" num_alerts=<*> err="<*>"',
                  wpick([(40, 1), (20, 2), (10, 3), (8, 5), (5, 12), (3, 31)]), goq(err))

    gossip = {"polls": 0}

    def not_settled():
        p = gossip["polls"] = (gossip["polls"] + 1) % 5
        before = R.randint(0, 2)
        return ev('component=cluster msg="gossip not settled" polls=<*> before=<*> now=<*> elapsed=<*>', p, before,
                  before + R.randint(0, 2), go_duration((p + 1) * 2 * 10 ** 9 + R.randint(200000, 9000000)))

    files = Cycle(["/etc/alertmanager/alertmanager.yml", "/etc/alertmanager/config_out/alertmanager.env.yaml"])
    files2 = Cycle(["/etc/alertmanager/alertmanager.yml", "/etc/alertmanager/config_out/alertmanager.env.yaml"])
    files3 = Cycle(["/etc/alertmanager/alertmanager.yml", "/etc/alertmanager/config_out/alertmanager.env.yaml"])
    config_errors = Cycle(["yaml: unmarshal errors:\n  line 14: field group_intervall not found in type config.plain",
                           'undefined receiver "oncall-pagr" used in route',
                           "missing to address in email config"])
    builds = Cycle([("0.27.0", "0aa3c2aad14cff039931923ab16b26b7481783b5"), ("0.28.1", "b2099eaa2c9ebc25edb26517cb9c732738e93910")])
    contexts = Cycle([("go1.21.7", "root@22cd11f671e9", "20240228-11:51:20"), ("go1.23.7", "root@fa3d2c0e7a61", "20250307-15:05:18")])
    join_errors = Cycle(["1 error occurred:\n\t* Failed to resolve alertmanager-main-2.alertmanager-operated:9094: lookup "
                         "alertmanager-main-2.alertmanager-operated on 10.96.0.10:53: no such host\n\n",
                         "2 errors occurred:\n\t* Failed to join 10.244.3.17:9094: dial tcp 10.244.3.17:9094: connect: connection refused\n"
                         "\t* Failed to join 10.244.5.9:9094: dial tcp 10.244.5.9:9094: i/o timeout\n\n"])
    validation_errors = Cycle(["start time must be before end time", "at least one label pair required",
                               'invalid label set: invalid name "0_instance"',
                               'end time can\'t be before start time; invalid label set: invalid name "0_instance"'])
    sizes = {"silences": R.randint(2000, 4000), "nflog": R.randint(30000, 60000)}

    def maintenance(comp):
        def gen():
            sizes[comp] += R.randint(-300, 400)
            return ev("component=" + comp + ' msg="Maintenance done" duration=<*> size=<*>',
                      go_duration(R.randint(80000, 4000000)), sizes[comp])
        return gen

    events = [
        (109, ("notify.go:848", "warn"), attempt_failed),
        (60, ("dispatch.go:353", "error"), notify_failed),
        (30, ("cluster.go:700", "info"), not_settled),
        (20, ("silence.go:373", "info"), maintenance("silences")),
        (20, ("nflog.go:336", "info"), maintenance("nflog")),
        (12, ("coordinator.go:113", "info"), lambda: ev('component=configuration msg="Loading configuration file" file=<*>', files())),
        (9, ("coordinator.go:126", "info"),
         lambda: ev('component=configuration msg="Completed loading of configuration file" file=<*>', files2())),
        (8, ("api.go:395", "error"), lambda: ev('component=api version=v2 msg="Failed to validate alerts" err="<*>"',
                                                goq(validation_errors()))),
        (6, ("cluster.go:708", "info"),
         lambda: ev('component=cluster msg="gossip settled; proceeding" elapsed=<*>', go_duration(10 * 10 ** 9 + R.randint(300000, 9000000)))),
        (6, ("cluster.go:681", "info"), lambda: ev('component=cluster msg="Waiting for gossip to settle..." interval=2s')),
        (6, ("main.go:181", "info"),
         lambda: ev('msg="Starting Alertmanager" version="(version=<*>, branch=HEAD, revision=<*>)"', *builds())),
        (6, ("main.go:182", "info"),
         lambda: ev('msg="Build context" build_context="(go=<*>, platform=linux/amd64, user=<*>, date=<*>, tags=netgo)"', *contexts())),
        (5, ("main.go:253", "warn"), lambda: ev('msg="unable to join gossip mesh" err="<*>"', goq(join_errors()))),
        (3, ("coordinator.go:118", "error"),
         lambda: ev('component=configuration msg="Loading configuration file failed" file=<*> err="<*>"', files3(), goq(config_errors()))),
    ]

    def render(tag, content):
        caller, level = tag
        return "ts=%s caller=%s level=%s %s" % (c.iso_ms(), caller, level, content)
    write("Alertmanager", c, events, render)


# ------------------------------------------------------------------------------------------
# 2. cert-manager controller (klog text output on stderr):
#    `I1219 08:00:00.123456       1 controller.go:162] "message" key="value" ...`
#    (severity letter I/W/E glued to month and day, time with microseconds, the pid padded to
#    seven, source file and line, `] `). Structured lines quote the message and string values with
#    Go escapes; a few client-go and older lines are plain text. Content is what follows `] `.
def certmanager():
    c = Clock()
    proc_start = c.ns - R.randint(600, 5000) * 10 ** 9
    certs = [("shop", "frontend-tls", "shop.example.com"), ("payments", "api-gateway-tls", "api.pay.example.com"),
             ("monitoring", "grafana-tls", "grafana.example.org"), ("auth", "keycloak-tls", "sso.example.org"),
             ("default", "wildcard-example-com", "*.example.com"), ("data", "kafka-broker-tls", "kafka.data.example.net"),
             ("ingress-nginx", "ingress-default-cert", "ingress.example.org")]
    revision = {n: R.randint(1, 9) for _, n, _ in certs}

    def order_name(name):
        return "%s-%d-%d" % (name, revision[name], R.randint(1000000000, 4294967295))

    controllers = [("cert-manager.certificates-trigger", "certificates.cert-manager.io", "cert"),
                   ("cert-manager.certificates-readiness", "certificates.cert-manager.io", "cert"),
                   ("cert-manager.certificates-key-manager", "certificates.cert-manager.io", "cert"),
                   ("cert-manager.certificaterequests-issuer-acme", "certificaterequests.cert-manager.io", "cr"),
                   ("cert-manager.orders", "orders.acme.cert-manager.io", "order"),
                   ("cert-manager.challenges", "challenges.acme.cert-manager.io", "challenge")]

    def obj(kind, name):
        if kind == "cert":
            return name
        if kind == "cr":
            return "%s-%d" % (name, revision[name])
        if kind == "order":
            return order_name(name)
        return "%s-%d" % (order_name(name), R.randint(1000000000, 4294967295))

    def optimistic():
        logger, res, kind = pick(controllers)
        ns, name, _ = pick(certs)
        o = obj(kind, name)
        return ev('"re-queuing item due to optimistic locking on resource" logger="<*>" key="<*>" error="Operation cannot be '
                  'fulfilled on <*> \\"<*>\\": the object has been modified; please apply your changes to the latest version and '
                  'try again"', logger, "%s/%s" % (ns, o), res, o)

    def propagation():
        ns, name, dns = pick(certs)
        ch = obj("challenge", name)
        if dns.startswith("*") or R.random() < 0.45:
            typ = "DNS-01"
            err = pick(['DNS record for "%s" not yet propagated' % dns.lstrip("*."),
                        'When querying the SOA record for domain "_acme-challenge.%s": dial udp 10.96.0.10:53: i/o timeout'
                        % dns.lstrip("*.")])
        else:
            typ = "HTTP-01"
            tok = "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") for _ in range(43))
            url = "http://%s/.well-known/acme-challenge/%s" % (dns, tok)
            err = pick(["wrong status code '404', expected '200'", "wrong status code '503', expected '200'",
                        "failed to perform self check GET request '%s': Get \"%s\": dial tcp 203.0.113.%d:80: connect: connection refused"
                        % (url, url, R.randint(2, 250)),
                        "failed to perform self check GET request '%s': Get \"%s\": context deadline exceeded (Client.Timeout "
                        "exceeded while awaiting headers)" % (url, url)])
        return ev('"propagation check failed" err="<*>" logger="cert-manager.challenges" resource_name="<*>" resource_namespace="<*>" '
                  'resource_kind="Challenge" resource_version="v1" dnsName="<*>" type="<*>"', goq(err), ch, ns, dns, typ)

    transitions = [("Ready", "False", "True"), ("Ready", "True", "False"), ("Issuing", "False", "True"), ("Issuing", "True", "False"),
                   ("Ready", "Unknown", "False")]

    def status_change():
        _, name, _ = pick(certs)
        cond, a, b = pick(transitions)
        wall = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(c.ns // 10 ** 9))
        mono = c.ns - proc_start
        stamp = "%s.%09d +0000 UTC m=+%d.%09d" % (wall, c.ns % 10 ** 9, mono // 10 ** 9, mono % 10 ** 9)
        return ev('Found status change for Certificate "<*>" condition "<*>": "<*>" -> "<*>"; setting lastTransitionTime to <*>',
                  name, cond, a, b, stamp)

    proc_errors = ['Internal error occurred: failed calling webhook "webhook.cert-manager.io": failed to call webhook: Post '
                   '"https://cert-manager-webhook.cert-manager.svc:443/validate?timeout=30s": context deadline exceeded',
                   'secret "%s" not found',
                   "failed to update status: Timeout: request did not complete within requested timeout - context deadline exceeded",
                   'error getting issuer: clusterissuer.cert-manager.io "letsencrypt-prod" not found',
                   "EOF"]

    def error_processing():
        logger, _, kind = pick(controllers)
        ns, name, _ = pick(certs)
        e = pick(proc_errors)
        if "%s" in e:
            e = e % name
        return ev('"re-queuing item due to error processing" err="<*>" logger="<*>" key="<*>"', goq(e), logger,
                  "%s/%s" % (ns, obj(kind, name)))

    def reissue():
        ns, name, _ = pick(certs)
        renew_at = time.strftime("%Y-%m-%d %H:%M:%S +0000 UTC", time.gmtime(c.ns // 10 ** 9 - R.randint(10, 9000)))
        reason, message = pick([("Renewing", "Renewing certificate as renewal was scheduled at %s" % renew_at),
                                ("Renewing", "Renewing certificate as renewal was scheduled at %s" % renew_at),
                                ("DoesNotExist", "Issuing certificate as Secret does not exist"),
                                ("IncorrectIssuer", 'Issuing certificate as Secret was previously issued by "ClusterIssuer.cert-manager.io/'
                                                    'letsencrypt-staging"'),
                                ("SecretMismatch", "Secret contains a private key that does not match the current Certificate spec")])
        return ev('"Certificate must be re-issued" logger="cert-manager.certificates-trigger" key="<*>" reason="<*>" message="<*>"',
                  "%s/%s" % (ns, name), reason, goq(message))

    issuers = ["letsencrypt-prod", "letsencrypt-staging", "zerossl-prod"]

    def not_approved():
        ns, name, _ = pick(certs)
        return ev('"Not signing CertificateRequest until it is Approved" logger="cert-manager.certificaterequests-issuer-acme" '
                  'resource_name="<*>" resource_namespace="<*>" resource_kind="CertificateRequest" resource_version="v1" '
                  'related_resource_name="<*>" related_resource_kind="ClusterIssuer"', obj("cr", name), ns,
                  wpick([(6, issuers[0]), (2, issuers[1]), (1, issuers[2])]))

    def order_done():
        ns, name, _ = pick(certs)
        return ev('"Order has already been completed, cleaning up any owned Challenge resources" logger="cert-manager.orders" '
                  'resource_name="<*>" resource_namespace="<*>" resource_kind="Order" resource_version="v1"', obj("order", name), ns)

    acme_errors = Cycle(['Get "https://acme-v02.api.letsencrypt.org/directory": dial tcp: lookup acme-v02.api.letsencrypt.org on '
                         '10.96.0.10:53: read udp 10.244.1.9:41235->10.96.0.10:53: i/o timeout',
                         "429 urn:ietf:params:acme:error:rateLimited: Service busy; retry later.",
                         "context deadline exceeded"])
    acme_issuers = Cycle(issuers)
    acme_issuers2 = Cycle(issuers)

    def issued():
        ns, name, _ = pick(certs)
        not_after = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(c.ns // 10 ** 9 + 90 * 86400 - R.randint(0, 3600)))
        return ev('"Stored issued certificate in Secret" logger="cert-manager.certificates-issuing" key="<*>" secret_name="<*>" '
                  'not_after="<*>"', "%s/%s" % (ns, name), name, not_after)

    ingresses = Cycle(["shop/storefront", "monitoring/prometheus-ui", "data/kafka-ui", "default/echo"])

    events = [
        (105, ("I", "controller.go:162"), optimistic),
        (64, ("E", "sync.go:218"), propagation),
        (30, ("I", "conditions.go:263"), status_change),
        (20, ("E", "controller.go:167"), error_processing),
        (20, ("I", "sync.go:116"), not_approved),
        (18, ("I", "trigger_controller.go:215"), reissue),
        (12, ("I", "sync.go:105"), order_done),
        (10, ("I", "issuing_controller.go:371"), issued),
        (6, ("E", "setup.go:311"),
         lambda: ev('"error re-verifying ACME account" err="<*>" logger="cert-manager.issuers" resource_name="<*>" resource_namespace="" '
                    'resource_kind="ClusterIssuer" resource_version="v1"', goq(acme_errors()), acme_issuers())),
        (5, ("W", "sync.go:82"),
         lambda: ev('"skipping Ingress, it has no TLS entries with hosts" logger="cert-manager.ingress-shim" key="<*>"', ingresses())),
        (4, ("W", "setup.go:212"),
         lambda: ev('"ACME server URL host and ACME private key registration host differ. Re-checking ACME account registration" '
                    'logger="cert-manager.issuers" resource_name="<*>" resource_namespace="" resource_kind="ClusterIssuer" '
                    'resource_version="v1"', acme_issuers2())),
        (3, ("I", "leaderelection.go:250"), lambda: ev("attempting to acquire leader lease kube-system/cert-manager-controller...")),
        (3, ("I", "leaderelection.go:260"), lambda: ev("successfully acquired lease kube-system/cert-manager-controller")),
    ]

    def render(tag, content):
        letter, src = tag
        return "%s%s %7d %s] %s" % (letter, c.klog(), 1, src, content)
    write("CertManager", c, events, render)


# ------------------------------------------------------------------------------------------
# 3. Mattermost server, its JSON log (mattermost.log / console with ConsoleJson):
#    `{"timestamp":"2026-12-19 08:00:00.123 Z","level":"debug","msg":"...","caller":"web/handlers.go:187",...}`
#    (one JSON object a line; the time, the level in lower case, the message, the calling file and
#    line, then the fields of the call). Content is what follows `"level":"<level>",`: it starts
#    with `"msg":` and ends with the closing `}`.
def mattermost():
    c = Clock()
    users = [mm_id() for _ in range(14)]
    channels = [mm_id() for _ in range(8)]
    teams = [mm_id() for _ in range(3)]
    client_ips = ["10.8.0.%d" % R.randint(2, 250) for _ in range(4)] + ["192.0.2.%d" % R.randint(2, 250) for _ in range(3)]

    def url():
        return wpick([(8, "/api/v4/users/me"), (6, "/api/v4/channels/%s/posts?since=%d" % (pick(channels), c.epoch_ms() - R.randint(1000, 900000))),
                      (5, "/api/v4/users/status/ids"), (4, "/api/v4/posts/%s/thread" % mm_id()),
                      (3, "/api/v4/users/me/teams/%s/channels/members" % pick(teams)), (3, "/api/v4/system/ping?get_server_status=true"),
                      (2, "/api/v4/channels/%s/members/me/view" % pick(channels)), (2, "/api/v4/files/%s/preview" % mm_id()),
                      (1, "/plugins/focalboard/api/v2/teams/%s/boards" % pick(teams))])

    def http_request():
        u = url()
        method = "POST" if u.endswith("/view") or u.endswith("/ids") else ("PUT" if R.random() < 0.05 else "GET")
        return ev('"msg":"Received HTTP request","caller":"web/handlers.go:187","method":"<*>","url":"<*>","request_id":"<*>",'
                  '"user_id":"<*>","status_code":"<*>"}', method, u, mm_id(), pick(users),
                  wpick([(80, "200"), (6, "201"), (5, "304"), (4, "403"), (3, "404"), (2, "401")]))

    ws_errors = ["websocket: close 1001 (going away)", "websocket: close 1006 (abnormal closure): unexpected EOF",
                 "read tcp 10.8.0.12:8065->10.8.0.3:51234: i/o timeout", "websocket: close 1005 (no status)", "EOF"]

    def ws_close():
        return ev('"msg":"websocket.NextReader: closing websocket","caller":"app/web_conn.go:841","user_id":"<*>","conn_id":"<*>",'
                  '"error":"<*>"}', pick(users), mm_id(), jsq(pick(ws_errors)))

    def not_sent():
        s, r = R.sample(users, 2)
        return ev('"msg":"Notification not sent","caller":"app/notification_push.go:536","type":"push","ack_id":"","push_type":"<*>",'
                  '"post_id":"<*>","status":"Not Sent","reason":"<*>","sender_id":"<*>","receiver_id":"<*>"}',
                  wpick([(6, "message"), (2, "clear"), (1, "update_badge")]), mm_id(),
                  pick(["user_status", "muted_channel", "push_disabled", "session_missing", "user_status"]), s, r)

    def invalid_session():
        u = url()
        return ev('"msg":"Invalid or expired session, please login again.","caller":"web/context.go:105","path":"<*>",'
                  '"request_id":"<*>","ip_addr":"<*>","user_id":"","method":"<*>","err_where":"ServeHTTP","http_code":401,'
                  '"error":"ServeHTTP: Invalid or expired session, please login again., <*>"}',
                  u.split("?")[0], mm_id(), pick(client_ips), "GET" if R.random() < 0.8 else "POST", "token=" + mm_id())

    perm_places = [("getSystemPing", "/api/v4/system/ping", "GET", "manage_system"),
                   ("updateChannelMemberRoles", "/api/v4/channels/%s/members/%s/roles", "PUT", "manage_channel_roles"),
                   ("getAnalytics", "/api/v4/analytics/old", "GET", "get_analytics"),
                   ("createTeam", "/api/v4/teams", "POST", "create_team"),
                   ("patchConfig", "/api/v4/config/patch", "PUT", "sysconsole_write_environment_web_server")]

    def no_permission():
        where, path, method, perm = pick(perm_places)
        if "%s" in path:
            path = path % (pick(channels), pick(users))
        uid = pick(users)
        return ev('"msg":"You do not have the appropriate permissions.","caller":"web/context.go:105","path":"<*>","request_id":"<*>",'
                  '"ip_addr":"<*>","user_id":"<*>","method":"<*>","err_where":"<*>","http_code":403,'
                  '"error":"<*>: You do not have the appropriate permissions., <*>"}',
                  path, mm_id(), pick(client_ips), uid, method, where, where, "userId=%s, permission=%s" % (uid, perm))

    save_errors = Cycle([
        "unable to write the data in the file 20261219/teams/noteam/channels/%s/users/%s/%s/report Q4 (final).pdf: write "
        "/mattermost/data/20261219/teams/noteam/channels/%s: no space left on device",
        "failed to upload file to S3: RequestTimeout: Your socket connection to the server was not read from or written to within "
        "the timeout period.",
        "context canceled"])

    def save_file():
        uid, ch = pick(users), pick(channels)
        e = save_errors()
        if "%s" in e:
            e = e % (ch, uid, mm_id(), ch)
        return ev('"msg":"Unable to save the file.","caller":"web/context.go:105","path":"/api/v4/files","request_id":"<*>",'
                  '"ip_addr":"<*>","user_id":"<*>","method":"POST","err_where":"UploadFileX","http_code":500,'
                  '"error":"UploadFileX: Unable to save the file., <*>"}', mm_id(), pick(client_ips), uid, jsq(e))

    workers = ["ExpiryNotify", "ActiveUsers", "CleanupDesktopTokens", "ProductNotices", "ExportDelete", "LastAccessiblePost",
               "RefreshPostStats"]
    failed_workers = Cycle(["ExportDelete", "ActiveUsers", "ProductNotices"])
    job_errors = Cycle(['pq: duplicate key value violates unique constraint "idx_jobs_type_status"',
                        "Get \"https://notices.mattermost.com/production/notices.json\": dial tcp: lookup notices.mattermost.com: "
                        "i/o timeout",
                        "context deadline exceeded"])
    plugins = [("com.mattermost.calls", "0.29.4"), ("playbooks", "1.40.0"), ("focalboard", "8.0.0"), ("com.github.manland.mattermost-plugin-gitlab",
                                                                                                          "1.9.1"),
               ("com.mattermost.nps", "1.3.3")]
    deact = Cycle(plugins)
    health = Cycle([("com.mattermost.calls", "plugin RPC connection is not responding"), ("focalboard", "connection is shut down"),
                    ("playbooks", "plugin process exited with status 2: signal: killed")])
    activity_errors = ["failed to update Session with id=%s: context deadline exceeded",
                       "pq: canceling statement due to user request", "dial tcp 10.8.1.20:5432: connect: connection refused"]
    mail_errors = Cycle([("j.meyer@example.com", "dial tcp 10.8.2.25:587: i/o timeout"),
                         ("ops-alerts@example.org", "554 5.7.1 Relay access denied"),
                         ("a.okafor@example.com", "SMTP authentication failed: 535 Authentication credentials invalid")])

    def last_activity():
        sid = mm_id()
        e = pick(activity_errors)
        if "%s" in e:
            e = e % sid
        return ev('"msg":"Failed to update LastActivityAt","caller":"app/session.go:421","user_id":"<*>","session_id":"<*>","error":"<*>"}',
                  pick(users), sid, jsq(e))

    events = [
        (95, "debug", http_request),
        (45, "debug", ws_close),
        (35, "debug", not_sent),
        (25, "debug", invalid_session),
        (24, "info", lambda: ev('"msg":"Worker: Job is complete","caller":"jobs/base_workers.go:97","worker":"<*>","job_id":"<*>"}',
                                pick(workers), mm_id())),
        (18, "debug", no_permission),
        (14, "warn", last_activity),
        (12, "info", lambda: ev('"msg":"Plugin activated","caller":"app/plugin.go:176","plugin_id":"<*>","version":"<*>"}', *pick(plugins))),
        (9, "error", lambda: ev('"msg":"Failed to send mail","caller":"email/email.go:104","to":"<*>","error":"<*>"}',
                                *[jsq(v) for v in mail_errors()])),
        (6, "error", save_file),
        (5, "error", lambda: ev('"msg":"Worker: Job failed","caller":"jobs/base_workers.go:92","worker":"<*>","job_id":"<*>","error":"<*>"}',
                                failed_workers(), mm_id(), jsq(job_errors()))),
        (5, "error", lambda: ev('"msg":"Health check failed for plugin","caller":"plugin/health_check.go:59","id":"<*>","error":"<*>"}',
                                *health())),
        (4, "info", lambda: ev('"msg":"Plugin deactivated","caller":"app/plugin.go:176","plugin_id":"<*>","version":"<*>"}', *deact())),
        (3, "info", lambda: ev('"msg":"Starting Server...","caller":"app/server.go:1068"}')),
    ]

    def render(level, content):
        return '{"timestamp":"%s","level":"%s",%s' % (c.mattermost(), level, content)
    write("Mattermost", c, events, render)


# ------------------------------------------------------------------------------------------
# 4. Varnish on two cache hosts, as a central syslog server writes it (RFC 3164 file format):
#    `Dec 19 08:00:00 cache-ams-01 varnishd[812]: message` for the manager process, and
#    `Dec 19 08:00:00 cache-ams-01 varnishlog[1433]: -   ReqURL         /path` for a
#    `varnishlog -i ReqURL,RespStatus,BereqURL,BerespStatus,FetchError,VCL_Log,Backend_health`
#    piped into `logger -t varnishlog`: its default vxid grouping, a `*   << Request  >> vxid`
#    line opening each transaction, then `-   ` and the record tag padded to 14. Content is
#    what follows `<program>[<pid>]: `.
def varnish():
    c = Clock(lo_ms=150, hi_ms=5200)
    names = ["req_hdr", "req_url", "resp_status", "bereq_hdr", "bereq_url", "beresp_status", "backend_health", "cli", "fetch_error",
             "vcl_log", "child_started", "cleanup", "died", "died_core", "not_responding"]
    E = {n: i for i, n in enumerate(names)}
    items = []
    hosts = [{"name": "cache-ams-01", "mgr": 812, "vlog": 1433, "child": 834, "vxid": R.randint(30000, 90000), "cli": "127.0.0.1"},
             {"name": "cache-ams-02", "mgr": 797, "vlog": 1419, "child": 821, "vxid": R.randint(30000, 90000), "cli": "::1"}]
    backends = ["boot.web01", "boot.web02", "boot.img01"]
    for h in hosts:
        h["probe"] = {b: {"win": [True] * 5, "avg": R.uniform(0.0008, 0.002)} for b in backends}

    def vsl(tag):
        return "-   %-14s <*>" % tag

    def add(name, host, prog, evt):
        content, template, values = evt
        pid = host["mgr"] if prog == "varnishd" else host["vlog"]
        items.append((E[name], "%s %s %s[%d]: %s" % (c.syslog(), host["name"], prog, pid, content), content, template, values))

    paths = [(20, "/"), (12, "/static/app.%s.js"), (10, "/api/products?page=%d"), (8, "/img/p/%d-800x600.webp"),
             (6, "/api/cart"), (5, "/health"), (4, "/static/fonts/inter-var.woff2"), (4, "/api/search?q=%s"),
             (3, "/robots.txt"), (3, "/product/%d/oak-shelf-120cm")]

    def any_url():
        p = wpick(paths)
        if "%s" in p and p.startswith("/static"):
            return p % hexid(8)
        if "%s" in p:
            return p % pick(["desk+lamp", "kettle", "blue%20kettle", "gift"])
        if "%d" in p:
            return p % R.randint(1, 9000)
        return p

    fetch_errors = Cycle(["backend boot.web02: fail errno 111 (Connection refused)", "first byte timeout", "HTC idle (3)",
                          "Could not get storage", "backend boot.img01: fail errno 110 (Connection timed out)"])
    vcl_logs = Cycle(["purge: /api/products?page=2 from 10.20.0.7", "ab=B", "geo: country=NL, pop=ams", "bypass: cookie sess=*",
                      "X-Forwarded-For: 203.0.113.9, 10.20.0.3", "grace hit"])

    def request(h, miss, fetch_error, vcl_log):
        h["vxid"] += R.randint(1, 40)
        vx = h["vxid"]
        u = any_url()
        if miss:
            h["vxid"] += 1
            add("bereq_hdr", h, "varnishlog", ev("*   << BeReq    >> <*>", vx + 1))
            add("bereq_url", h, "varnishlog", ev(vsl("BereqURL"), u))
            if fetch_error:
                add("fetch_error", h, "varnishlog", ev(vsl("FetchError"), fetch_errors()))
                status = 503
            else:
                status = wpick([(80, 200), (6, 301), (8, 404), (3, 500), (3, 206)])
            add("beresp_status", h, "varnishlog", ev(vsl("BerespStatus"), status))
        else:
            status = wpick([(80, 200), (12, 304), (3, 404), (3, 206), (2, 301)])
        c.tick(0, 3)
        add("req_hdr", h, "varnishlog", ev("*   << Request  >> <*>", vx))
        add("req_url", h, "varnishlog", ev(vsl("ReqURL"), u))
        if vcl_log:
            add("vcl_log", h, "varnishlog", ev(vsl("VCL_Log"), vcl_logs()))
        add("resp_status", h, "varnishlog", ev(vsl("RespStatus"), status))

    def health(h, b):
        st = h["probe"][b]
        was = sum(st["win"]) >= 3
        fail_p = 0.55 if b == "boot.web02" else 0.08
        ok = R.random() >= fail_p
        st["win"] = st["win"][1:] + [ok]
        good = sum(st["win"])
        now = good >= 3
        label = {(True, True): "Still healthy", (True, False): "Went sick", (False, False): "Still sick",
                 (False, True): "Back healthy"}[(was, now)]
        if ok:
            rt = R.uniform(0.0004, 0.004)
            st["avg"] = (st["avg"] * 3 + rt) / 4
            bits, resp = "4---X-RH", "HTTP/1.1 200 OK"
        else:
            rt = 0.0
            bits, resp = "4--x----", pick(["Open error 111 (Connection refused)", "Open error 110 (Connection timed out)"])
        add("backend_health", h, "varnishlog", ev("-   Backend_health <*> <*> <*> <*> 3 5 <*> <*> <*>", b, label, bits, good,
                                                  "%.6f" % rt, "%.6f" % st["avg"], resp))

    commands = Cycle(["ping", "status", "vcl.list", "backend.list", "ban req.http.host == www.example.org && req.url ~ ^/api/products",
                      "vcl.load reload_%s /etc/varnish/default.vcl", "vcl.use reload_%s", "backend.set_health boot.web02 sick",
                      "param.show default_ttl", "ping"])

    def cli(h):
        cmd = commands()
        if "%s" in cmd:
            cmd = cmd % time.strftime("%Y%m%d_%H%M%S", time.gmtime(c.ns // 10 ** 9 - R.randint(0, 40)))
        add("cli", h, "varnishd", ev("CLI telnet <*> <*> <*> 6082 Rd <*>", h["cli"], R.randint(32768, 60999), h["cli"], cmd))

    died_signals = Cycle(["6", "11"])

    def crash(h, kind):
        pid = h["child"]
        if kind == "kill":
            add("not_responding", h, "varnishd", ev("Child (<*>) not responding to CLI, killed it.", pid))
            c.tick(5, 40)
            add("died", h, "varnishd", ev("Child (<*>) died signal=<*>", pid, 9))
        elif kind == "abort":
            add("died", h, "varnishd", ev("Child (<*>) died signal=<*>", pid, 6))
        else:
            add("died_core", h, "varnishd", ev("Child (<*>) died signal=<*> (core dumped)", pid, died_signals()))
        c.tick(200, 1800)
        add("cleanup", h, "varnishd", ev("Child cleanup complete"))
        h["child"] = pid + R.randint(12, 400)
        c.tick(50, 900)
        add("child_started", h, "varnishd", ev("Child (<*>) Started", h["child"]))

    episodes = [("crash", k) for k in ["kill", "kill", "kill", "abort", "core", "core", "core"]]
    episodes += [("health", None)] * 20 + [("cli", None)] * 16
    n_req = 60
    misses = set(R.sample(range(n_req), 16))
    fetch = set(R.sample(sorted(misses), 5))
    vcl = set(R.sample(range(n_req), 6))
    episodes += [("req", (i in misses, i in fetch, i in vcl)) for i in range(n_req)]
    R.shuffle(episodes)
    episodes += [("req", (False, False, False))] * 10  # only the first of these are reached
    for kind, arg in episodes:
        if len(items) >= LINES:
            break
        c.tick()
        h = pick(hosts)
        if kind == "req":
            request(h, *arg)
        elif kind == "health":
            health(h, wpick([(3, "boot.web01"), (4, "boot.web02"), (2, "boot.img01")]))
        elif kind == "cli":
            cli(h)
        else:
            crash(h, arg)
    del items[LINES:]
    emit("Varnish", len(E), items)


# ------------------------------------------------------------------------------------------
# 5. SGLang inference server (`python -m sglang.launch_server --tp 4`), its stdout/stderr:
#    `[2026-12-19 08:00:00 TP0] message` for the scheduler and model workers (the tensor-parallel
#    rank in the prefix), `[2026-12-19 08:00:00] message` for the main process, and uvicorn's
#    lines with the same time prefix followed by uvicorn's level prefix (`INFO:     `,
#    `WARNING:  `). No level is printed for SGLang's own lines. Content is what follows `] `,
#    and for uvicorn lines what follows its level prefix.
def sglang():
    c = Clock()
    runs = Cycle([("LlamaForCausalLM", 131072, "15.06"), ("Qwen2ForCausalLM", 32768, "14.37")])
    max_total = {"n": 0}

    def load_begin():
        return ev("Load weight begin. avail mem=<*> GB", "%.2f" % R.uniform(77.9, 78.9))

    def load_end():
        arch, _, usage = runs()
        return ev("Load weight end. type=<*>, dtype=torch.bfloat16, avail mem=<*> GB, mem usage=<*> GB.", arch,
                  "%.2f" % R.uniform(62.8, 64.1), usage)

    def kv():
        toks = R.choice([1184512, 1184736, 1365201, 1365408])
        size = "%.2f" % (toks * 16.0 / 1e6)
        return ev("KV Cache is allocated. #tokens: <*>, K size: <*> GB, V size: <*> GB", toks, size, size)

    def max_tokens():
        arch, ctx, _ = runs()
        return ev("max_total_num_tokens=<*>, chunked_prefill_size=8192, max_prefill_tokens=16384, max_running_requests=<*>, "
                  "context_len=<*>", R.choice([1184512, 1365201]), R.choice([2048, 4096]), ctx)

    def decode():
        running = R.randint(1, 48) if R.random() < 0.7 else R.randint(48, 210)
        tokens = running * R.randint(300, 2400)
        q = 0 if R.random() < 0.8 else R.randint(1, 40)
        return ev("Decode batch. #running-req: <*>, #token: <*>, token usage: <*>, cuda graph: <*>, gen throughput (token/s): <*>, "
                  "#queue-req: <*>", running, tokens, "%.2f" % (tokens / 1184512.0), "True" if running <= 160 else "False",
                  "%.2f" % (running * R.uniform(18, 42)), q)

    def prefill():
        n = R.randint(1, 8)
        new = n * R.randint(12, 2048)
        cached = 0 if R.random() < 0.4 else R.randint(1, 40) * 64
        return ev("Prefill batch. #new-seq: <*>, #new-token: <*>, #cached-token: <*>, token usage: <*>, #running-req: <*>, "
                  "#queue-req: <*>", n, new, cached, "%.2f" % R.uniform(0, 0.6), R.randint(0, 180), 0 if R.random() < 0.75 else R.randint(1, 30))

    clients = ["127.0.0.1", "10.30.2.17", "10.30.2.18", "10.30.4.5"]

    def access():
        method, path = wpick([(40, ("POST", "/v1/chat/completions")), (18, ("POST", "/generate")), (14, ("GET", "/health")),
                              (6, ("POST", "/v1/completions")), (4, ("GET", "/v1/models")), (2, ("GET", "/get_model_info"))])
        status = wpick([(90, "200 OK"), (5, "400 Bad Request"), (3, "503 Service Unavailable"), (2, "404 Not Found")])
        return ev('<*> - "<*> <*> HTTP/1.1" <*>', "%s:%d" % (pick(clients), R.randint(32768, 60999)), method, path, status)

    def retract():
        a = R.uniform(0.2, 0.7)
        return ev("KV cache pool is full. Retract requests. #retracted_reqs: <*>, #new_token_ratio: <*> -> <*>", R.randint(1, 12),
                  "%.4f" % a, "%.4f" % min(1.0, a + R.uniform(0.1, 0.5)))

    def health_fail():
        t = c.ns // 10 ** 9
        last = R.randint(20, 95)
        return ev("Health check failed. Server couldn't get a response from detokenizer for last <*> seconds. tic start time: <*>. "
                  "last_heartbeat time: <*>", last, time.strftime("%H:%M:%S", time.gmtime(t - R.randint(1, 5))),
                  time.strftime("%H:%M:%S", time.gmtime(t - last)))

    pids = Cycle([R.randint(2000, 9000), R.randint(9000, 30000), R.randint(30000, 90000)])
    ranks = [0, 1, 2, 3]

    events = [
        (125, ("tp0", None), decode),
        (67, ("tp0", None), prefill),
        (52, ("uv", "INFO:     "), access),
        (8, ("tp", None), load_begin),
        (8, ("tp", None), load_end),
        (8, ("tp", None), kv),
        (7, ("tp0", None), retract),
        (4, ("tp", None), lambda: ev("Capture cuda graph begin. This can take up to several minutes. avail mem=<*> GB",
                                     "%.2f" % R.uniform(5.5, 9.5))),
        (4, ("tp", None), lambda: ev("Capture cuda graph end. Time elapsed: <*> s. mem usage=<*> GB. avail mem=<*> GB.",
                                     "%.2f" % R.uniform(9, 48), "%.2f" % R.uniform(0.6, 1.9), "%.2f" % R.uniform(4.2, 8.1))),
        (4, ("tp0", None), max_tokens),
        (4, ("main", None), health_fail),
        (3, ("main", None), lambda: ev("The server is fired up and ready to roll!")),
        (3, ("uv", "INFO:     "), lambda: ev("Started server process [<*>]", pids())),
        (3, ("uv", "WARNING:  "), lambda: ev("Invalid HTTP request received.")),
    ]

    def render(tag, content):
        kind, prefix = tag
        if kind == "tp0":
            rank = " TP0"
        elif kind == "tp":
            rank = " TP%d" % pick(ranks)
        else:
            rank = ""
        return "[%s%s] %s%s" % (c.plain(), rank, prefix or "", content)
    write("SGLang", c, events, render)


# ------------------------------------------------------------------------------------------
# 6. HBase RegionServer (2.x), its log4j file with HBase's default pattern
#    `%d{ISO8601} %-5p [%t] %c{2}: %m%n`:
#    `2026-12-19 08:00:00,123 INFO  [MemStoreFlusher.0] regionserver.HRegion: message`
#    (level padded to five, the thread name in brackets, the last two parts of the logger name).
#    Content is what follows `<logger>: `.
def hbase():
    c = Clock(lo_ms=20, hi_ms=4000)
    host = "rs-03.dc1.example.net"
    start_code = c.epoch_ms() - R.randint(3, 30) * 86400 * 1000
    short = "regionserver/rs-03:16020"
    nn = "hdfs://nameservice1/hbase"
    specs = [("default", "usertable", ["cf"], ["", "user1842", "user3710", "user5527", "user7391"]),
             ("orders", "line_items", ["d"], ["", "2026-11-30|A9F2", "2026-12-14|3C07"]),
             ("events", "clicks_v2", ["m", "raw"], ["", "eu|1766000000", "us|1765000000"])]
    regions = []
    for ns, tbl, cfs, keys in specs:
        base = R.randint(1762000000000, 1765000000000)
        for i, k in enumerate(keys):
            enc = hexid(32)
            rid = base + i * R.randint(1000, 9000000)
            tname = tbl if ns == "default" else ns + ":" + tbl
            regions.append({"ns": ns, "tbl": tbl, "cfs": cfs, "start": k, "end": keys[i + 1] if i + 1 < len(keys) else "",
                            "enc": enc, "rid": rid, "full": "%s,%s,%d.%s." % (tname, k, rid, enc)})
    seq = {"n": R.randint(2000000, 6000000)}

    def next_seq():
        seq["n"] += R.randint(1, 4000)
        return seq["n"]

    def mb(b):
        return "%.2f MB" % (b / 1048576.0) if b >= 1048576 else "%.2f KB" % (b / 1024.0)

    def gb(b):
        return "%.2f GB" % (b / 1073741824.0) if b >= 1073741824 else "%.2f MB" % (b / 1048576.0)

    def hfs(b):
        return "%.1f M" % (b / 1048576.0) if b >= 1048576 else "%.1f K" % (b / 1024.0)

    def store_path(r, cf, tmp=False):
        return "%s/data/%s/%s/%s/%s%s/%s" % (nn, r["ns"], r["tbl"], r["enc"], ".tmp/" if tmp else "", cf, hexid(32))

    def flushing():
        r = pick(regions)
        n = len(r["cfs"])
        k = n if R.random() < 0.7 else 1
        d = R.randint(200000, 134217728)
        return ev("Flushing <*> <*>/<*> column families, dataSize=<*> heapSize=<*>", r["enc"], k, n, mb(d), mb(int(d * R.uniform(1.01, 1.05))))

    def flushed():
        r = pick(regions)
        cf = pick(r["cfs"])
        return ev("Flushed memstore data size=<*> at sequenceid=<*> (bloomFilter=<*>), to=<*>", mb(R.randint(200000, 134217728)), next_seq(),
                  "false" if cf == "raw" else "true", store_path(r, cf, tmp=True))

    def added():
        r = pick(regions)
        cf = pick(r["cfs"])
        return ev("Added <*>, entries=<*>, sequenceid=<*>, filesize=<*>", store_path(r, cf), R.randint(400, 900000), next_seq(),
                  hfs(R.randint(90000, 80000000)))

    def finished():
        r = pick(regions)
        d = R.randint(200000, 134217728)
        h = int(d * R.uniform(1.01, 1.05))
        cur = R.randint(0, 3000000)
        return ev("Finished flush of dataSize ~<*>/<*>, heapSize ~<*>/<*>, currentSize=<*>/<*> for <*> in <*>ms, sequenceid=<*>, "
                  "compaction requested=<*>", mb(d), d, mb(h), h, mb(cur) if cur >= 1024 else "%d B" % cur, cur, r["enc"],
                  R.randint(40, 9000), next_seq(), "true" if R.random() < 0.3 else "false")

    def comp_thread(long_):
        return "%s-%s-0" % (short, "longCompactions" if long_ else "shortCompactions")

    def starting():
        r = pick(regions)
        return ev("Starting compaction of <*> file(s) in <*> of <*> into tmpdir=<*>, totalSize=<*>", R.randint(2, 10), pick(r["cfs"]),
                  r["full"], "%s/data/%s/%s/%s/.tmp" % (nn, r["ns"], r["tbl"], r["enc"]), hfs(R.randint(2000000, 900000000)))

    def time_diff(s):
        m, s = divmod(s, 60)
        return "%dmins, %dsec" % (m, s) if m else "%dsec" % s

    def completed(major):
        def gen():
            r = pick(regions)
            size = R.randint(2000000, 900000000)
            t = "Completed major compaction of <*> (all) file(s)" if major else "Completed compaction of <*> file(s)"
            return ev(t + " in <*> of <*> into <*>(size=<*>), total size for store is <*>. This selection was in queue for <*>, and took "
                      "<*> to execute.", R.randint(2, 12), pick(r["cfs"]), r["full"], hexid(32), hfs(size),
                      hfs(size + R.randint(0, 2000000000)), time_diff(R.choice([0, 0, 0, 1, 3, 75])), time_diff(R.randint(1, 260)))
        return gen

    cache = {"max": int(3.2 * 1073741824), "acc": R.randint(50000000, 90000000), "hits": 0, "cacc": 0, "chits": 0,
             "evictions": R.randint(100, 3000), "evicted": 0}
    cache["hits"] = int(cache["acc"] * 0.964)
    cache["cacc"] = cache["acc"] - R.randint(1000, 40000)
    cache["chits"] = int(cache["cacc"] * 0.967)
    cache["evicted"] = cache["evictions"] * R.randint(200, 400)

    def lru():
        a = R.randint(100000, 900000)
        cache["acc"] += a
        cache["hits"] += int(a * R.uniform(0.90, 0.99))
        cache["cacc"] += a - R.randint(0, 200)
        cache["chits"] += int(a * R.uniform(0.90, 0.99))
        if R.random() < 0.6:
            cache["evictions"] += R.randint(1, 30)
            cache["evicted"] += R.randint(100, 20000)
        total = R.randint(int(cache["max"] * 0.55), int(cache["max"] * 0.85))
        return ev("totalSize=<*>, freeSize=<*>, max=3.20 GB, blockCount=<*>, accesses=<*>, hits=<*>, hitRatio=<*>%, , cachingAccesses=<*>, "
                  "cachingHits=<*>, cachingHitsRatio=<*>%, evictions=<*>, evicted=<*>, evictedPerRun=<*>", gb(total),
                  gb(cache["max"] - total), total // 65536, cache["acc"], cache["hits"], "%.2f" % (100.0 * cache["hits"] / cache["acc"]),
                  cache["cacc"], cache["chits"], "%.2f" % (100.0 * cache["chits"] / cache["cacc"]), cache["evictions"], cache["evicted"],
                  repr(round(cache["evicted"] / float(cache["evictions"]), 1)))

    wal = {"ts": c.epoch_ms() - R.randint(60000, 900000)}
    wal_dir = "/hbase/WALs/%s,16020,%d" % (host, start_code)

    def wal_name(ts):
        return "%s/%s%%2C16020%%2C%d.%d" % (wal_dir, host, start_code, ts)

    def rolled():
        old, new = wal["ts"], c.epoch_ms()
        wal["ts"] = new
        return ev("Rolled WAL <*> with entries=<*>, filesize=<*>; new WAL <*>", wal_name(old), R.randint(2000, 90000),
                  mb(R.randint(30000000, 134217728)), wal_name(new))

    clients = ["10.20.3.%d" % R.randint(2, 250) for _ in range(5)]

    def multi_slow():
        r = pick(regions)
        acts = R.choice([1, 40, 100, 300, 1000])
        muts = acts if R.random() < 0.7 else R.randint(0, acts)
        row = (r["start"] or "user0") + str(R.randint(100, 9999))
        return ev('(responseTooSlow): {"call":"Multi(org.apache.hadoop.hbase.shaded.protobuf.generated.ClientProtos$MultiRequest)",'
                  '"multi.gets":<*>,"starttimems":"<*>","responsesize":"<*>","method":"Multi","param":"region= <*>, for <*> action(s) '
                  'and 1st row key=<*>","processingtimems":<*>,"client":"<*>","multi.service_calls":0,"queuetimems":<*>,'
                  '"class":"HRegionServer","multi.mutations":<*>}', acts - muts, c.epoch_ms() - R.randint(10000, 60000), R.randint(8, 400),
                  r["full"], acts, row, R.randint(10000, 60000), "%s:%d" % (pick(clients), R.randint(32768, 60999)), R.randint(0, 40), muts)

    def single_slow():
        r = pick(regions)
        if R.random() < 0.5:
            call, method = "Scan(org.apache.hadoop.hbase.shaded.protobuf.generated.ClientProtos$ScanRequest)", "Scan"
            param = ("scanner_id: %d number_of_rows: %d close_scanner: false next_call_seq: %d client_handles_partials: true "
                     "client_handles_heartbeats: true track_scan_metrics: false renew: false"
                     % (R.randint(10 ** 9, 9 * 10 ** 9), R.choice([100, 1000, 2147483647]), R.randint(0, 40)))
        else:
            call, method = "Get(org.apache.hadoop.hbase.shaded.protobuf.generated.ClientProtos$GetRequest)", "Get"
            param = 'region { type: REGION_NAME value: \\"%s\\" } get { row: \\"%s%d\\" }' % (r["full"], r["start"] or "user0",
                                                                                             R.randint(100, 9999))
        return ev('(responseTooSlow): {"call":"<*>","starttimems":"<*>","responsesize":"<*>","method":"<*>","param":"<*>",'
                  '"processingtimems":<*>,"client":"<*>","queuetimems":<*>,"class":"HRegionServer"}', call,
                  c.epoch_ms() - R.randint(10000, 60000), R.randint(8, 9000000), method, param, R.randint(10000, 90000),
                  "%s:%d" % (pick(clients), R.randint(32768, 60999)), R.randint(0, 40))

    dns = ["10.20.2.%d" % R.randint(2, 250) for _ in range(6)]

    def slow_sync():
        pipe = R.sample(dns, 3)
        return ev("Slow sync cost: <*> ms, current pipeline: [<*>]", R.randint(100, 4000),
                  ", ".join("DatanodeInfoWithStorage[%s:9866,DS-%s-%s-%s-%s-%s,DISK]" % (d, hexid(8), hexid(4), hexid(4), hexid(4), hexid(12))
                            for d in pipe))

    keyed = Cycle([r for r in regions if r["start"] and r["end"]])
    closing = Cycle(regions)

    codes = Cycle(["OPENED", "CLOSED"])
    backoffs = Cycle([1000, 2000, 4000, 8000])

    def report_failed():
        r = keyed()
        return ev('Failed report transition server { host_name: "%s" port: 16020 start_code: %d } transition { transition_code: <*> '
                  'region_info { region_id: <*> table_name { namespace: "<*>" qualifier: "<*>" } start_key: "<*>" end_key: "<*>" '
                  'offline: false split: false replica_id: 0 } proc_id: <*> }; retry (#<*>) after <*>ms.' % (host, start_code),
                  codes(), r["rid"], r["ns"], r["tbl"], r["start"], r["end"], R.randint(10000, 99999), R.randint(0, 9), backoffs())

    handler = {"n": 0}

    def rs_thread(kind):
        handler["n"] = (handler["n"] + 1) % 3
        return "RS_%s_REGION-%s-%d" % (kind, short, handler["n"])

    events = [
        (80, ("INFO", lambda: "MemStoreFlusher.%d" % R.randint(0, 1), "regionserver.HRegion"), flushing),
        (70, ("INFO", lambda: "MemStoreFlusher.%d" % R.randint(0, 1), "regionserver.DefaultStoreFlusher"), flushed),
        (60, ("INFO", lambda: pick(["MemStoreFlusher.0", "MemStoreFlusher.1", comp_thread(False), comp_thread(True)]),
              "regionserver.HStore"), added),
        (16, ("INFO", lambda: "MemStoreFlusher.%d" % R.randint(0, 1), "regionserver.HRegion"), finished),
        (12, ("INFO", lambda: "LruBlockCacheStatsExecutor", "hfile.LruBlockCache"), lru),
        (10, ("INFO", lambda: comp_thread(R.random() < 0.3), "regionserver.HRegion"), starting),
        (10, ("INFO", lambda: "%s.logRoller" % short, "wal.AbstractFSWAL"), rolled),
        (8, ("INFO", lambda: comp_thread(False), "regionserver.HStore"), completed(False)),
        (8, ("WARN", lambda: "RpcServer.default.FPBQ.Fifo.handler=%d,queue=%d,port=16020" % (R.randint(0, 29), R.randint(0, 2)),
             "ipc.RpcServer"), multi_slow),
        (6, ("WARN", lambda: "RpcServer.default.FPBQ.Fifo.handler=%d,queue=%d,port=16020" % (R.randint(0, 29), R.randint(0, 2)),
             "ipc.RpcServer"), single_slow),
        (6, ("WARN", lambda: "AsyncFSWAL-0-%s" % nn, "wal.AbstractFSWAL"), slow_sync),
        (4, ("INFO", lambda: comp_thread(True), "regionserver.HStore"), completed(True)),
        (4, ("INFO", lambda: rs_thread("OPEN"), "regionserver.HRegion"),
         lambda: ev("Opened <*>; next sequenceid=<*>", pick(regions)["enc"], next_seq())),
        (3, ("WARN", lambda: rs_thread("OPEN"), "regionserver.HRegionServer"), report_failed),
        (3, ("ERROR", lambda: rs_thread("CLOSE"), "regionserver.HRegion"),
         lambda: ev("Memstore data size is <*> in region <*>", R.randint(120, 900000), closing()["full"])),
    ]

    def render(tag, content):
        level, thread, logger = tag
        return "%s %-5s [%s] %s: %s" % (c.log4j(), level, thread(), logger, content)
    write("HBase", c, events, render)


# ------------------------------------------------------------------------------------------
def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


MON = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
# Per system: the header that must precede Content on every raw line.
HEADERS = {
    "Alertmanager": re.compile(r"ts=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z caller=[a-z_]+\.go:\d+ level=(debug|info|warn|error) "),
    "CertManager": re.compile(r"[IWE]\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ [a-z_]+\.go:\d+\] "),
    "Mattermost": re.compile(r'\{"timestamp":"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} Z","level":"(debug|info|warn|error)",'),
    "Varnish": re.compile(MON + r" [ \d]\d \d\d:\d\d:\d\d cache-ams-0[12] (varnishd|varnishlog)\[\d+\]: "),
    "SGLang": re.compile(r"\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d( TP\d)?\] (INFO: {5}|WARNING: {2})?"),
    "HBase": re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (INFO |WARN |ERROR) \[[^\]]+\] [A-Za-z]+\.[A-Za-z]+: "),
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
            assert line.endswith(content), (system, i + 1)
            h = HEADERS[system].fullmatch(line[:len(line) - len(content)])
            assert h, (system, i + 1, line)
            assert "<*><*>" not in template, (system, template)
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
        assert top[0] >= 3 * top[len(top) // 2], (system, counts)  # skewed frequencies
        for event_id, seen in slots.items():
            for j, s in enumerate(seen):
                assert len(s) >= 2, (system, event_id, "slot %d" % (j + 1), s)
        summary[system] = dict(sorted(counts.items(), key=lambda kv: int(kv[0][1:])))
    return summary


def check_clock_order():
    """Timestamps never go back: the header times of every system, read back in a sortable form."""
    def varnish_key(l):
        m = re.match(MON + r" ([ \d]\d) (\d\d:\d\d:\d\d) ", l)
        return "%02d-%02d %s" % (MONTHS.index(m.group(1)) + 1, int(m.group(2)), m.group(3))

    parsers = {
        "Alertmanager": lambda l: re.match(r"ts=(\S+) ", l).group(1),
        "CertManager": lambda l: re.match(r"[IWE](\d{4} \d\d:\d\d:\d\d\.\d{6}) ", l).group(1),
        "Mattermost": lambda l: re.match(r'\{"timestamp":"([^"]+)"', l).group(1),
        "Varnish": varnish_key,
        "SGLang": lambda l: re.match(r"\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)", l).group(1),
        "HBase": lambda l: l[:23],
    }
    for system, key in parsers.items():
        with open(os.path.join(HERE, system, system + ".log"), encoding="utf-8") as f:
            stamps = [key(l) for l in f.read().splitlines()]
        assert len(stamps) == LINES, system
        assert stamps == sorted(stamps), system


if __name__ == "__main__":
    alertmanager()
    certmanager()
    mattermost()
    varnish()
    sglang()
    hbase()
    check_clock_order()
    for system, counts in self_check().items():
        print("%-13s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
