#!/usr/bin/env python3
"""Writes the round-5 blind, labelled log corpus (see README.md beside this file).

Six systems, 300 lines each: Linkerd, Synapse, Asterisk, Kong, Dovecot, Minecraft. Every line
is made here from event formats written for this corpus, following each program's documented
default log layout (written from memory), with values from generators of this file. No line,
template or value list is copied from a real log or data set; the messages are invented in each
project's style. The corpus was written without running any template miner on it.

Deterministic: fixed seed 20261211, integer clock, no dependence on locale or wall time;
`python3 generate.py` rewrites the same files. Each system gets `<System>/<System>.log` (the raw
lines, header included) and `<System>/<System>.log_structured.csv` (LineId, Content, EventId,
EventTemplate).

Ground truth convention (Loghub style): one `<*>` per value; a value that holds spaces (a
quoted string, a free-text reason, a list, a user agent) is one `<*>`; punctuation around a
value stays literal (`(<*>)`, `'<*>'`, `key=<*>`, `[<*>]`, `<<*>>`, `*<*>`); a unit attached to
a number stays literal after it (`<*>ms`, `<*>s`, `<*>B`); text that never changes within an
event type stays literal. Event formats are written directly as their templates: each `<*>` in
a format is filled with one generated value, and every `<*>` slot takes at least two different
values within its event type (checked when the lines are made and again on read-back).

At the end the files are read back and checked (see `self_check`).
"""
import calendar
import csv
import os
import random
import re
import string
import time

SEED = 20261211
R = random.Random(SEED)
LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["Linkerd", "Synapse", "Asterisk", "Kong", "Dovecot", "Minecraft"]
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


# ------------------------------------------------------------------------------------------
# Small value generators (pools written for this corpus).
def pick(seq):
    return R.choice(seq)


def num(a, b):
    return str(R.randint(a, b))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def b64id(n):
    return "".join(R.choice(string.ascii_letters + string.digits + "+/") for _ in range(n))


def alnum(n):
    return "".join(R.choice(string.ascii_letters + string.digits) for _ in range(n))


def uuid():
    return "%s-%s-4%s-%s%s-%s" % (hexid(8), hexid(4), hexid(3), R.choice("89ab"), hexid(3), hexid(12))


def client_ip():
    kind = R.random()
    if kind < 0.45:
        return "203.0.113.%d" % R.randint(1, 254)
    if kind < 0.8:
        return "198.51.100.%d" % R.randint(1, 254)
    return "192.0.2.%d" % R.randint(1, 254)


def pod_ip():
    return "10.244.%d.%d" % (R.randint(0, 9), R.randint(2, 250))


def svc_ip():
    return "10.96.%d.%d" % (R.randint(0, 60), R.randint(1, 250))


def eph_port():
    return str(R.randint(32768, 60999))


class Cycle:
    """Draws from a pool in seeded shuffled rounds: two draws in a row differ whenever the pool
    holds two different values (used for slots of rare event types)."""

    def __init__(self, pool):
        self.pool = list(pool)
        assert len(set(self.pool)) >= 2, pool
        self.queue = []

    def __call__(self):
        if not self.queue:
            q = self.pool[:]
            R.shuffle(q)
            self.queue = q
        return self.queue.pop()


class Clock:
    """Integer nanosecond clock starting on 2026-12-04 at a random second of the morning."""

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

    def syslog(self):
        """`Dec  4 10:00:01` (day of month padded with a space)."""
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


# ------------------------------------------------------------------------------------------
def write(system, clock, events, render):
    """events: list of (count, tag, gen); gen() -> ev(...), called after the clock ticked for
    the line; render(tag, content) -> the raw line. Counts sum to LINES; the order of lines is a
    seeded shuffle. Checks that every slot of every event type takes two or more values."""
    assert sum(e[0] for e in events) == LINES, (system, sum(e[0] for e in events))
    assert 10 <= len(events) <= 16, system
    order = [k for k, e in enumerate(events) for _ in range(e[0])]
    R.shuffle(order)
    rows, raw = [], []
    slot_values = {}
    for i, k in enumerate(order):
        _, tag, gen = events[k]
        clock.tick()
        content, template, values = gen()
        line = render(tag, content)
        assert line.endswith(content) and "\n" not in line, (system, line)
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
# 1. Linkerd: linkerd2-proxy plain tracing format
#    `[<secs:>6>.<micros:06>s] <LEVEL:>5> ThreadId(NN) <span>:<span>: <target>: <message> k=v ...`
#    (the span context is optional). Content is what follows the target's `: `.
def linkerd():
    c = Clock()
    up0 = R.randint(2000, 90000)  # proxy uptime (s) at the first line
    wall0 = c.ns
    namespaces = ["payments", "storefront", "default", "search"]
    services = [("payments", "ledger", 8080), ("storefront", "web", 80), ("storefront", "cart", 8080),
                ("search", "indexer", 9200), ("default", "echo", 80), ("payments", "fraud-score", 50051)]
    svc_addr = {s: svc_ip() for s in services}

    def inbound_span():
        return "inbound:server{port=%s}" % pick(["8080", "8080", "9090", "4191"])

    def outbound_span():
        s = pick(services)
        return "outbound:proxy{addr=%s:%d}" % (svc_addr[s], s[2])

    def service_span():
        s = pick(services)
        return "outbound:proxy{addr=%s:%d}:service{ns=%s name=%s port=%d}" % (svc_addr[s], s[2], s[0], s[1], s[2])

    def endpoint_span():
        s = pick(services)
        return "outbound:proxy{addr=%s:%d}:service{ns=%s name=%s port=%d}:endpoint{addr=%s:%d}" % (
            svc_addr[s], s[2], s[0], s[1], s[2], pod_ip(), s[2])

    def conn_span():
        return inbound_span() if R.random() < 0.55 else outbound_span()

    def peer():
        return "%s:%s" % (pod_ip(), eph_port())

    def local_addr():
        return "%s:%s" % (pod_ip(), pick(["8080", "9090", "4143", "4140"]))

    closed_errors = ["connection reset by peer (os error 104)",
                     "TLS detection timed out",
                     "client closed the connection before sending a request",
                     "broken pipe (os error 32)",
                     "HTTP/2 stream was reset by the client"]
    connect_errors = ["Connection refused (os error 111)",
                      "connect timed out after 1s",
                      "No route to host (os error 113)",
                      "handshake with peer identity did not complete within 10s"]
    request_errors = ["logical service in fail-fast",
                      "request timed out after 10s",
                      "endpoint connection closed before the response was complete",
                      "request was rejected by the outbound policy",
                      "upstream returned a malformed HTTP/2 frame"]
    source_pool = ["operation was canceled", "service in fail-fast", "Connection refused (os error 111)",
                   "error trying to connect", "deadline has elapsed", "channel closed"]

    def sources():
        return ", ".join(R.sample(source_pool, R.randint(1, 3)))

    resolve_errors = ["no record found for the query",
                      "request timed out",
                      "failed to look up address information: Name or service not known",
                      "resolver returned SERVFAIL"]
    control_addrs = ["linkerd-dst-headless.linkerd.svc.cluster.local.:8086",
                     "linkerd-identity-headless.linkerd.svc.cluster.local.:8080",
                     "linkerd-policy.linkerd.svc.cluster.local.:8090"]
    tls_states = ["None(NoClientHello)", "None(PortSkipped)",
                  "Some(web.storefront.serviceaccount.identity.linkerd.cluster.local)",
                  "Some(ingress.default.serviceaccount.identity.linkerd.cluster.local)",
                  "Some(batch-runner.search.serviceaccount.identity.linkerd.cluster.local)"]
    accept_errors = Cycle(["Too many open files (os error 24)", "Software caused connection abort (os error 103)",
                           "accept queue overflowed"])

    def expiry():
        t = time.gmtime(c.ns // 10 ** 9 + R.randint(20 * 3600, 24 * 3600))
        return "%04d-%02d-%02dT%02d:%02d:%02dZ" % t[:6]

    def dst():
        s = pick(services)
        return "%s.%s.svc.cluster.local:%d" % (s[1], s[0], s[2])

    events = [
        (65, ("INFO", "linkerd_app_core::serve", conn_span),
         lambda: ev("Connection closed error=<*> client.addr=<*>", pick(closed_errors), peer())),
        (55, ("DEBUG", "linkerd_app_core::serve", conn_span),
         lambda: ev("Connection accepted client.addr=<*> server.addr=<*>", peer(), local_addr())),
        (40, ("WARN", "linkerd_reconnect", endpoint_span),
         lambda: ev("Failed to connect error=<*>", pick(connect_errors))),
        (30, ("INFO", "linkerd_app_core::errors::respond", service_span),
         lambda: ev("Request failed error=<*> error.sources=[<*>]", pick(request_errors), sources())),
        (25, ("DEBUG", "linkerd_app_outbound::discover", outbound_span),
         lambda: ev("Resolved destination addr=<*> endpoints=<*>", dst(), num(0, 24))),
        (20, ("INFO", "linkerd_reconnect", endpoint_span),
         lambda: ev("Recovered after <*> failed attempts", num(1, 40))),
        (15, ("INFO", "linkerd_app_inbound::policy::http", inbound_span),
         lambda: ev("Request denied server.group=policy.linkerd.io server.kind=server server.name=<*> route.name=<*> client.tls=<*> client.ip=<*>",
                    pick(["web-http", "admin-port", "grpc-api", "metrics"]), pick(["default", "health-probes", "write-paths", "internal-only"]),
                    pick(tls_states), pod_ip())),
        (12, ("WARN", "linkerd_stack::failfast", service_span),
         lambda: ev("Service entered failfast after <*>s", pick(["1", "3", "3"]))),
        (10, ("INFO", "linkerd_stack::failfast", service_span),
         lambda: ev("Service recovered from failfast")),
        (8, ("ERROR", "linkerd_app_core::control", lambda: pick(["dst", "policy", "identity"]) + ":controller{addr=%s}" % pick(control_addrs)),
         lambda: ev("Failed to resolve control plane component error=<*> addr=<*>", pick(resolve_errors), pick(control_addrs))),
        (7, ("INFO", "linkerd_app_identity", lambda: "daemon:identity"),
         lambda: ev("Identity certificate renewed expiry=<*> refresh_in=<*>s", expiry(), num(50000, 70000))),
        (6, ("DEBUG", "linkerd_proxy_balance::queue", service_span),
         lambda: ev("Balancer endpoints updated added=<*> removed=<*> ready=<*>", num(0, 4), num(0, 3), num(1, 12))),
        (4, ("WARN", "linkerd_app_core::serve", inbound_span),
         lambda: ev("Server failed to accept connection error=<*>", accept_errors())),
        (3, ("INFO", "linkerd2_proxy::signal", lambda: ""),
         (lambda sig: lambda: ev("Received <*>, starting graceful shutdown", sig()))(Cycle(["SIGTERM", "SIGINT"]))),
    ]

    def render(tag, content):
        level, target, span = tag
        up_us = up0 * 10 ** 6 + (c.ns - wall0) // 1000 + R.randint(0, 999)
        sp = span()
        ctx = (sp + ": " if sp else "") + target + ": "
        return "[%6d.%06ds] %5s ThreadId(%02d) %s%s" % (up_us // 10 ** 6, up_us % 10 ** 6, level, pick([1, 1, 2]), ctx, content)
    write("Linkerd", c, events, render)


# ------------------------------------------------------------------------------------------
# 2. Synapse: Python logging `%(asctime)s - %(name)s - %(lineno)d - %(levelname)s -
#    %(request)s - %(message)s`, asctime `2026-12-04 10:00:01,123`; the request field is a
#    request id (`GET-123`) or a background context (`-` or `<process>-<n>`). Content is what
#    follows the request field and its ` - `.
def synapse():
    c = Clock()
    state = {"req": R.randint(2000, 60000), "method": "GET"}
    home = "chat.example.org"
    users = ["@mkowalski:%s" % home, "@priya.n:%s" % home, "@ops-bot:%s" % home, "@t.lindqvist:%s" % home,
             "@juno:matrix.example.net", "@hassan.r:%s" % home, "@bridge-irc:%s" % home]
    servers = ["matrix.example.net", "hs.example.edu", "chat.example.com", "synapse.example.io", "m.example.co.uk"]
    rooms = ["!%s:%s" % (alnum(18), pick([home, "matrix.example.net"])) for _ in range(8)]

    def event_id():
        return "$" + "".join(R.choice(string.ascii_letters + string.digits + "-_") for _ in range(43))

    def sync_path():
        return "/_matrix/client/v3/sync?timeout=30000&since=s%d_%d_%d" % (R.randint(1000, 90000), R.randint(10, 999), R.randint(0, 40))

    def request_line():
        kind = R.random()
        if kind < 0.4:
            return "GET", sync_path()
        if kind < 0.55:
            return "PUT", "/_matrix/client/v3/rooms/%s/send/m.room.message/m%d.%d" % (pick(rooms), R.randint(10 ** 12, 10 ** 13), R.randint(0, 9))
        if kind < 0.65:
            return "PUT", "/_matrix/federation/v1/send/%d" % R.randint(10 ** 12, 10 ** 13)
        if kind < 0.75:
            return "POST", "/_matrix/client/v3/keys/query"
        if kind < 0.85:
            return "GET", "/_matrix/media/v3/thumbnail/%s/%s?width=96&height=96&method=crop" % (pick([home, "matrix.example.net"]), alnum(24))
        if kind < 0.93:
            return "POST", "/_matrix/client/v3/rooms/%s/read_markers" % pick(rooms)
        return "GET", "/_matrix/client/v3/pushrules/"

    agents = ["Element/1.11.84 (Linux; Android 14; Pixel 8 Build/AP2A)", "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
              "FluffyChat/1.22.1", "matrix-nio/0.25.2", "Synapse/1.119.0", "Element Nightly/2026120401 (Macintosh; macOS 15.1)", "-"]

    def secs(a, b):
        return "%.3f" % R.uniform(a, b)

    def access():
        method, path = request_line()
        state["method"] = method
        fed = path.startswith("/_matrix/federation")
        who = "None" if fed or R.random() < 0.1 else pick(users)
        real = secs(0.001, 0.05) if "sync" not in path else secs(0.2, 30.5)
        return ev('<*> - 8008 - {<*>} Processed request: <*>sec/<*>sec (<*>sec, <*>sec) (<*>sec/<*>sec/<*>) <*>B <*> "<*> <*> <*>" "<*>" [<*> dbevts]',
                  client_ip(), who, real, secs(0, 0.002), secs(0.001, 0.03), secs(0, 0.01), secs(0, 0.01), secs(0, 0.04), num(0, 9),
                  num(2, 90000), pick(["200", "200", "200", "200", "401", "404", "429", "502"]), method, path,
                  pick(["HTTP/1.1", "HTTP/1.1", "HTTP/1.0"]), pick(agents), num(0, 40))

    def presence():
        a, b = R.sample(["online", "unavailable", "offline", "busy"], 2)
        return ev("Presence of <*> changed from <*> to <*>", pick(users), a, b)

    fed_errors = ["DNS lookup failed", "Connection refused",
                  "TLS handshake failed: certificate verify failed: hostname mismatch",
                  "timed out waiting for response headers", "502 Bad Gateway"]
    bg_updates = ["event_search_fts_reindex", "populate_room_stats_v2", "device_lists_outbound_cleanup",
                  "receipts_linearized_unique_index", "redactions_recheck_v3"]
    push_errors = ["HTTP 410 Gone", "connection timed out", "gateway rejected the pushkey as unregistered", "TLS error"]
    push_gateways = ["https://push.example.net/_matrix/push/v1/notify", "https://ntfy.example.org/_matrix/push/v1/notify",
                     "https://sygnal.example.com/_matrix/push/v1/notify"]
    txn_errors = ["could not serialize access due to concurrent update", "deadlock detected",
                  "canceling statement due to statement timeout", "server closed the connection unexpectedly"]
    reject_reasons = Cycle(["signature on event could not be verified", "auth events do not allow this membership change",
                            "event is too large", "room version 11 forbids this field"])
    listeners = Cycle([("0.0.0.0", "8008", "client, federation"), ("::", "8448", "federation"),
                       ("127.0.0.1", "9093", "replication"), ("127.0.0.1", "9000", "metrics")])

    events = [
        (96, ("synapse.access.http.8008", 465, "INFO", "req"), access),
        (40, ("synapse.handlers.presence", 1120, "INFO", "bg"), presence),
        (30, ("synapse.federation.sender.transaction_manager", 142, "INFO", "bg"),
         lambda: ev("Sending transaction <*> to <*> with <*> PDUs and <*> EDUs", str(R.randint(10 ** 12, 10 ** 13)), pick(servers), num(0, 50), num(0, 100))),
        (25, ("synapse.http.matrixfederationclient", 733, "WARNING", "bg"),
         lambda: ev("Outbound request to <*> failed after <*> attempts: <*>", pick(servers), num(1, 10), pick(fed_errors))),
        (22, ("synapse.storage.background_updates", 318, "INFO", "bg"),
         lambda: ev("Background update <*> handled <*> items in <*>ms", pick(bg_updates), num(1, 5000), "%.1f" % R.uniform(2, 900))),
        (20, ("synapse.handlers.room_member", 702, "INFO", "req"),
         lambda: ev("Membership of <*> in room <*> set to <*>", pick(users), pick(rooms), pick(["join", "leave", "invite", "ban", "knock"]))),
        (15, ("synapse.replication.tcp.handler", 498, "DEBUG", "bg"),
         lambda: ev("Stream <*> from instance <*> advanced to position <*>", pick(["events", "typing", "receipts", "to_device", "presence"]),
                    pick(["main", "worker1", "federation_sender1", "event_persister2"]), num(10000, 9000000))),
        (12, ("synapse.handlers.auth", 1604, "WARNING", "req"),
         lambda: ev("Failed password login for <*> from <*>", pick(users), client_ip())),
        (10, ("synapse.push.httppusher", 389, "WARNING", "bg"),
         lambda: ev("Delivery to push gateway <*> for <*> failed: <*>", pick(push_gateways), pick(users), pick(push_errors))),
        (9, ("synapse.metrics._gc", 120, "INFO", "bg"),
         lambda: ev("Garbage collection of generation <*> took <*>ms", pick(["0", "1", "2", "2"]), "%.2f" % R.uniform(1, 450))),
        (8, ("synapse.storage.txn", 611, "ERROR", "bg"),
         lambda: ev("Transaction <*> failed on attempt <*> of 5: <*>", "%s-%s" % (pick(["persist_events", "update_presence", "store_device", "upsert_receipt"]), hexid(4)),
                    num(1, 5), pick(txn_errors))),
        (6, ("synapse.handlers.device", 1288, "INFO", "bg"),
         lambda: ev("Resyncing stale device list of <*>: <*> devices on record", pick(users), num(1, 30))),
        (4, ("synapse.federation.federation_server", 955, "ERROR", "req"),
         lambda: ev("Rejecting event <*> from <*>: <*>", event_id(), pick(servers), reject_reasons())),
        (3, ("synapse.app._base", 214, "INFO", "main"),
         lambda: ev("Listener ready on <*> port <*> serving <*>", *listeners())),
    ]
    bg_names = ["-", "-", "-", "federation_transaction_transmission_loop", "presence.handle_timeouts", "background_updates", "httppush.process"]

    def render(tag, content):
        logger, lineno, level, ctx = tag
        if ctx == "req":
            state["req"] += R.randint(1, 9)
            method = state["method"] if logger.startswith("synapse.access") else pick(["GET", "POST", "PUT"])
            request = "%s-%d" % (method, state["req"])
        elif ctx == "main":
            request = "sentinel"
        else:
            name = pick(bg_names)
            request = name if name == "-" else "%s-%d" % (name, R.randint(1, 4000))
        return "%s %s,%s - %s - %d - %s - %s - %s" % (c.ymd(), c.hms(), c.frac(3), logger, lineno, level, request, content)
    write("Synapse", c, events, render)


# ------------------------------------------------------------------------------------------
# 3. Asterisk full log: `[Dec  4 10:00:01] LEVEL[thread][C-xxxxxxxx] file.c: message` (the
#    call id is present only on lines tied to a channel). Content is what follows the source
#    file's `: `.
def asterisk():
    c = Clock()
    threads = [R.randint(1500, 32000) for _ in range(9)]
    state = {"call": R.randint(0x100, 0x900)}
    exts = ["1001", "1002", "1003", "1010", "2040", "3100"]
    trunks = ["carrier-a", "carrier-b", "sipgate-backup"]

    def chan():
        return "PJSIP/%s-%08x" % (pick(exts + trunks), R.randint(0x10, 0xfff))

    def scanner_ip():
        return "%s:%s" % (client_ip(), pick(["5060", "5060", "5062", "5071", eph_port()]))

    reject_reasons = ["wrong password", "unknown endpoint", "identify by source address failed",
                      "stale nonce and retry limit reached", "ACL denied"]
    uas = ["Yealink SIP-T46U 108.86.0.20", "Zoiper rv2.10.20.3", "Linphone-Desktop/5.2.4 (belle-sip/5.2.0)",
           "Grandstream GXP2170 1.0.11.79", "MicroSIP/3.21.5"]
    apps = [("Dial", lambda: "PJSIP/%s,%s" % (pick(exts), pick(["20", "30", "30,tT"]))),
            ("Playback", lambda: pick(["custom/welcome-dec", "custom/after-hours", "beep"])),
            ("Set", lambda: "CDR(userfield)=%s" % pick(["vip", "support", "billing"])),
            ("Queue", lambda: "%s,t" % pick(["support", "sales"])),
            ("VoiceMail", lambda: "%s@default,u" % pick(exts)),
            ("Dial", lambda: "PJSIP/%s@%s,60" % ("0049" + num(10000000, 99999999), pick(trunks)))]

    def step():
        name, args = pick(apps)
        return ev("-- Running [<*>@<*>:<*>] <*>(<*>) for channel <*>", pick(exts + ["s"]), pick(["internal", "from-trunk", "ivr-main"]),
                  num(1, 6), name, args(), chan())

    def contact(ext):
        return "sip:%s@10.20.%d.%d:%s;transport=%s" % (ext, R.randint(0, 3), R.randint(2, 250), pick(["5060", "5062", eph_port()]), pick(["udp", "tcp", "tls"]))

    session_errors = ["no transport available for the target URI", "endpoint has no reachable contacts",
                      "SDP negotiation failed", "codec mismatch between offer and configured allow list"]
    odbc_errors = ["[unixODBC][MariaDB] Lost connection to server during query", "Data truncated for column 'userfield'",
                   "connection pool exhausted", "Deadlock found when trying to get lock"]
    qualify = ["200 OK", "200 OK", "408 Request Timeout", "503 Service Unavailable", "404 Not Found"]
    registrars = {"carrier-a": "sip:sbc1.carrier-a.example.net", "carrier-b": "sip:gw.carrier-b.example.org",
                  "sipgate-backup": "sip:sip.sipgate-backup.example.com:5061"}
    reg_status = ["403 Forbidden", "408 Request Timeout", "no response", "401 Unauthorized after retry"]
    tp_names = Cycle(["stasis/m:manager:core-00000006", "pjsip/distributor-00000021", "subm:cdr_engine-00000003"])
    modules = Cycle(["res_pjsip.so", "chan_pjsip.so", "app_queue.so", "res_musiconhold.so"])

    events = [
        (75, ("NOTICE", "res_pjsip/pjsip_distributor.c", False),
         lambda: ev("Rejected <*> from '<*>' at <*> (call-id <*>): <*>", pick(["REGISTER", "REGISTER", "INVITE", "OPTIONS"]),
                    "sip:%s@%s" % (pick(["100", "1001", "admin", "test", "2000", "asterisk"]), client_ip()), scanner_ip(), alnum(22), pick(reject_reasons))),
        (55, ("VERBOSE", "pbx.c", True), step),
        (40, ("VERBOSE", "res_pjsip_registrar.c", False),
         lambda: (lambda e: ev("-- Endpoint <*> bound contact <<*>> for <*> seconds, user agent '<*>'", e, contact(e), pick(["60", "300", "3600"]), pick(uas)))(pick(exts))),
        (25, ("WARNING", "res_pjsip_sdp_rtp.c", True),
         lambda: ev("Channel '<*>' hung up after <*> seconds without RTP from <*>", chan(), pick(["30", "30", "300"]), "%s:%d" % (client_ip(), R.randint(10000, 20000)))),
        (20, ("VERBOSE", "app_dial.c", True),
         lambda: ev("-- Outbound leg <*> answered after <*>ms, bridging with <*>", chan(), num(400, 25000), chan())),
        (20, ("NOTICE", "chan_pjsip.c", True),
         lambda: ev("No dialplan match for '<*>' in context '<*>' on call from <*>, replying 404", pick(["011972", "9999", "00441632960", "1004", "8"]) + num(0, 99),
                    pick(["from-trunk", "internal", "guest"]), pick(["'sip:%s@%s'" % (num(100, 999), client_ip()), "'Reception' <sip:1001@10.20.0.7>"]))),
        (15, ("WARNING", "res_pjsip_outbound_registration.c", False),
         lambda: (lambda t: ev("Registration of client '<*>' to <*> failed with <*>, next attempt in <*> seconds", t, registrars[t], pick(reg_status), pick(["30", "60", "300"])))(pick(trunks))),
        (12, ("VERBOSE", "bridge_channel.c", True),
         lambda: ev("-- <*> left bridge <*> after <*> seconds", chan(), uuid(), num(2, 3600))),
        (10, ("ERROR", "res_pjsip_session.c", True),
         lambda: ev("Could not open outbound session to <*>: <*>", pick(exts + ["0049%s@carrier-a" % num(10000000, 99999999)]), pick(session_errors))),
        (8, ("VERBOSE", "res_pjsip/pjsip_options.c", False),
         lambda: (lambda e: ev("-- Qualify of <*> returned <*> after <*>ms", "%s/%s" % (e, contact(e)), pick(qualify), "%.3f" % R.uniform(0.4, 5000)))(pick(exts))),
        (7, ("NOTICE", "res_pjsip_registrar.c", False),
         lambda: (lambda e: ev("Removed expired contact <<*>> of endpoint <*>", contact(e), e))(pick(exts))),
        (6, ("ERROR", "cdr_adaptive_odbc.c", False),
         lambda: ev("Insert into table <*> failed for CDR <*>: <*>", pick(["cdr", "cdr_archive"]), "%d.%d" % (c.ns // 10 ** 9 - R.randint(0, 900), R.randint(1, 999)), pick(odbc_errors))),
        (4, ("WARNING", "taskprocessor.c", False),
         lambda: ev("Queue of task processor '<*>' grew past <*> items", tp_names(), pick(["500", "1000", "3000"]))),
        (3, ("NOTICE", "loader.c", False),
         lambda: ev("Reloaded module <*> in <*>ms", modules(), num(2, 900))),
    ]

    def render(tag, content):
        level, src, has_call = tag
        callid = ""
        if has_call:
            if R.random() < 0.6:
                state["call"] += R.randint(0, 2)
            callid = "[C-%08x]" % (state["call"] - R.randint(0, 3))
        return "[%s] %s[%d]%s %s: %s" % (c.syslog(), level, pick(threads), callid, src, content)
    write("Asterisk", c, events, render)


# ------------------------------------------------------------------------------------------
# 4. Kong: OpenResty/nginx error log `yyyy/mm/dd hh:mm:ss [level] pid#tid: *conn [lua]
#    file.lua:line: message, client: ..., server: kong, request: "...", host: "..."` (no `*conn`
#    in timer and init contexts, no `[lua] file:line:` for nginx core messages), plus
#    `[kong] init.lua:line message` notices. Content is what follows `pid#tid: `.
def kong():
    c = Clock()
    state = {"conn": R.randint(1000, 50000)}
    pids = [R.randint(1200, 9000) for _ in range(4)]
    hosts = ["api.example.com", "shop.example.com", "partners.example.net", "internal-api.example.org"]
    consumers = ["mobile-app", "partner-acme", "checkout-frontend", "reporting-job", "anonymous"]
    routes = ["orders-v1", "billing-read", "catalog-public", "auth-token", "ws-notify"]
    upstreams = ["orders.upstream", "billing.upstream", "catalog.upstream", "notify.upstream"]

    def conn():
        state["conn"] += R.randint(1, 300)
        return state["conn"]

    def path():
        return pick(["/orders/v1/items?page=%s" % num(1, 40), "/billing/invoices/INV-2026-%04d" % R.randint(1, 9999),
                     "/auth/token", "/catalog/products/%s" % num(100, 99999), "/ws/notifications",
                     "/orders/v1/orders/%s/status" % uuid()])

    def req():
        return [pick(["GET", "GET", "GET", "POST", "PUT", "DELETE", "PATCH"]), path(), pick(["HTTP/1.1", "HTTP/1.1", "HTTP/2.0"])]

    def in_request(head, *extra, upstream=False):
        def gen():
            m, p, proto = req()
            vals = [conn()] + [e() for e in extra] + [client_ip(), m, p, proto]
            tail = ', client: <*>, server: kong, request: "<*> <*> <*>"'
            if upstream:
                tail += ', upstream: "<*>"'
                vals.append("http://%s:%s%s" % (pod_ip(), pick(["8080", "3000", "8443"]), p))
            tail += ', host: "<*>"'
            vals.append(pick(hosts))
            return ev(head + tail, *vals)
        return gen

    probe_errors = ["timeout", "connection refused", "status 503 received",
                    "TLS handshake failed: certificate has expired"]
    dns_errors = ["NXDOMAIN", "query timed out", "no A or SRV records returned", "resolver socket closed unexpectedly"]
    jwt_reasons = ["signature mismatch", "token expired", "no credentials for this issuer",
                   "algorithm HS256 not allowed for this consumer"]
    runtime_errors = ["/usr/local/share/lua/5.1/kong/plugins/tenant-header/handler.lua:57: attempt to index local 'claims' (a nil value)",
                      "/usr/local/share/lua/5.1/kong/plugins/geo-fence/access.lua:112: bad argument #1 to 'sub' (string expected, got nil)",
                      "/usr/local/share/lua/5.1/kong/plugins/tenant-header/handler.lua:81: attempt to concatenate field 'tier' (a nil value)"]
    origins = ["https://evil.example.net", "http://localhost:3000", "https://shop-staging.example.com", "null"]
    deny_rules = Cycle(["198.51.100.0/24", "203.0.113.64/26", "192.0.2.0/25"])
    entities = Cycle(["services", "routes", "consumers", "plugins", "certificates"])

    events = [
        (79, ("error", True), in_request("*<*> upstream timed out (110: Connection timed out) while reading response header from upstream", upstream=True)),
        (50, ("warn", True), in_request("*<*> [lua] handler.lua:118: [rate-limiting] consumer <*> exceeded <*> requests per <*> on route <*>",
                                        lambda: pick(consumers), lambda: pick(["60", "100", "1000", "5000"]), lambda: pick(["second", "minute", "hour"]), lambda: pick(routes))),
        (35, ("error", False), lambda: ev("[lua] healthcheck.lua:1102: target <*> of upstream <*> failed active probe: <*>, context: ngx.timer",
                                          "%s:%s" % (pod_ip(), pick(["8080", "3000"])), pick(upstreams), pick(probe_errors))),
        (28, ("info", True), in_request("*<*> [lua] handler.lua:64: [jwt] token from issuer <*> rejected: <*>",
                                        lambda: pick(["https://id.example.com/realms/shop", "partner-acme", "https://login.example.net/"]), lambda: pick(jwt_reasons))),
        (22, ("notice", False), lambda: ev("[kong] init.lua:612 router rebuilt with <*> routes and <*> services in <*>ms, context: ngx.timer",
                                           num(40, 220), num(12, 80), num(3, 400))),
        (20, ("error", True), in_request("*<*> [lua] balancer.lua:291: failed to resolve host <*> for upstream <*>: <*>",
                                         lambda: pick(["orders.payments.svc", "billing-db-proxy.internal", "catalog.example.internal", "legacy-soap.example.org"]),
                                         lambda: pick(upstreams), lambda: pick(dns_errors))),
        (18, ("warn", True), in_request("*<*> [lua] handler.lua:152: [cors] origin <*> not allowed on route <*>",
                                        lambda: pick(origins), lambda: pick(routes))),
        (14, ("warn", True), lambda: ev("*<*> [lua] certificate.lua:78: no certificate found for SNI <*>, using default, context: ssl_certificate_by_lua*, client: <*>, server: <*>",
                                        conn(), pick(["api.example.com", "old-shop.example.com", "203.0.113.9", "test.partners.example.net"]), client_ip(), pick(["0.0.0.0:8443", "[::]:8443"]))),
        (10, ("error", True), in_request("*<*> lua entry thread aborted: runtime error: <*>", lambda: pick(runtime_errors))),
        (8, ("notice", False), lambda: ev("[kong] init.lua:538 worker #<*> started with config hash <*>, context: init_worker_by_lua*", num(0, 3), hexid(32))),
        (7, ("warn", True), in_request("*<*> [lua] handler.lua:88: [ip-restriction] address <*> matched deny rule <*>",
                                       lambda: client_ip(), deny_rules)),
        (6, ("error", False), lambda: ev("[lua] broker.lua:140: event queue of worker <*> overflowed, <*> events dropped, context: ngx.timer", num(0, 3), num(1, 900))),
        (3, ("notice", False), lambda: ev("[lua] warmup.lua:94: cache warmup of entity <*> finished: <*> rows in <*>ms, context: ngx.timer", entities(), num(5, 5000), num(1, 800))),
    ]

    def render(tag, content):
        level, _ = tag
        pid = pick(pids)
        return "%s %s [%s] %d#0: %s" % (c.ymd("/"), c.hms(), level, pid, content)
    write("Kong", c, events, render)


# ------------------------------------------------------------------------------------------
# 5. Dovecot via syslog: `Dec  4 10:00:01 mail dovecot: <service prefix>: [Info:|Warning:|
#    Error: ]message`, service prefixes `imap(user)<pid><session>:`, `imap-login:`, `auth:`,
#    `lmtp(pid):`, `master:`. Content is what follows `dovecot: `.
def dovecot():
    c = Clock()
    users = ["m.okonkwo@example.org", "sales@example.org", "j.haddad@example.org", "l.fontaine@example.net",
             "r.almeida@example.org", "helpdesk@example.net", "k.tanaka@example.org"]
    local_ips = ["192.0.2.25", "2001:db8:10::25"]

    def pid():
        return num(1000, 999999)

    def sess():
        return b64id(16)

    def mailbox():
        return pick(["INBOX", "INBOX", "Junk", "INBOX/Receipts", "Archive/2026", "Lists/devel"])

    def msgid():
        return "%s.%s@%s" % (time.strftime("%Y%m%d%H%M%S", c.g), alnum(8), pick(["mailer.example.com", "lists.example.net", "mx.example.org", "billing.example.com"]))

    logout_reasons = ["Logged out", "Logged out", "Client closed connection", "Idle timeout reached",
                      "Server shutting down for maintenance"]
    abort_reasons = ["auth failed, 3 attempts in 12 secs", "no auth attempts", "client closed during TLS handshake",
                     "disallowed plaintext auth"]
    rejected = ["password mismatch", "unknown user", "account disabled by administrator", "expired password"]
    corrupt = ["invalid header size", "file size shrank unexpectedly", "message count went backwards", "bad record offset"]
    delivery_errors = ["Quota exceeded (mailbox for user is full)", "Temporary internal error",
                       "mailbox Archive/2027 does not exist", "Disk quota exceeded"]
    limits = Cycle([("imap-login", "1000"), ("pop3-login", "100"), ("auth", "500"), ("imap", "1024")])
    versions = Cycle([("2.3.21", "47349e2482"), ("2.3.21.1", "d492236fa0")])
    signals = Cycle([("imap", "11 (Segmentation fault)"), ("lmtp", "9 (Killed)"), ("auth-worker", "6 (Aborted)")])

    def quota():
        total = pick(["1024", "2048", "5120", "10240"])
        pct = R.randint(85, 100)
        return ev("imap(<*>)<<*>><<*>>: Warning: Quota usage at <*>% (<*> of <*> MB used)",
                  pick(users), pid(), sess(), pct, int(total) * pct // 100, total)

    events = [
        (72, ("info",), lambda: ev("imap(<*>)<<*>><<*>>: Disconnected: <*> in=<*> out=<*> deleted=<*> expunged=<*>",
                                   pick(users), pid(), sess(), pick(logout_reasons), num(10, 90000), num(200, 9000000), pick(["0", "0", "0", "1", "4", "12"]), pick(["0", "0", "0", "2", "7"]))),
        (55, ("info",), lambda: ev("imap-login: Logged in: user=<<*>>, mech=<*>, remote=<*>, local=<*>, pid=<*>, session=<<*>>",
                                   pick(users), pick(["PLAIN", "PLAIN", "LOGIN", "XOAUTH2"]), client_ip(), pick(local_ips), pid(), sess())),
        (40, ("info",), lambda: ev("lmtp(<*>): user <*>: stored msgid=<<*>> in <*> (<*> bytes)", pid(), pick(users), msgid(), mailbox(), num(900, 4000000))),
        (30, ("warning",), lambda: ev("auth: Warning: sql(<*>,<*>): credentials rejected: <*>", pick(users + ["admin", "test", "info@example.org"]), client_ip(), pick(rejected))),
        (25, ("info",), lambda: ev("imap-login: Login aborted (<*>): user=<<*>>, remote=<*>, session=<<*>>", pick(abort_reasons), pick(users + ["admin", "root"]), client_ip(), sess())),
        (20, ("warning",), quota),
        (15, ("warning",), lambda: ev("master: Warning: service <*> hit its client limit of <*>, new connections wait in queue", *limits())),
        (12, ("err",), lambda: ev("imap(<*>)<<*>><<*>>: Error: Index file <*> is corrupted (<*>), rebuilding",
                                  *(lambda u: [u, pid(), sess(), "/var/vmail/%s/%s/mail/.imap/%s/dovecot.index" % (u.split("@")[1], u.split("@")[0], mailbox())])(pick(users)), pick(corrupt))),
        (10, ("err",), lambda: ev("lmtp(<*>): Error: delivery of <<*>> to <*> failed: <*>", pid(), msgid(), pick(users), pick(delivery_errors))),
        (8, ("info",), lambda: ev("auth: Info: penalty for <*> raised to <*> ms after <*> failures", client_ip(), pick(["2000", "4000", "8000", "15000"]), num(2, 12))),
        (6, ("info",), lambda: ev("pop3(<*>)<<*>><<*>>: Session ended: fetched=<*> removed=<*> bytes=<*>", pick(users), pid(), sess(), num(0, 40), num(0, 40), num(0, 30000000))),
        (4, ("info",), lambda: ev("master: Info: Starting Dovecot <*> build <*> with services <*>", *versions(),
                                  ", ".join(["imap"] + R.sample(["pop3", "lmtp", "sieve", "submission"], R.randint(1, 3))))),
        (3, ("err",), lambda: ev("master: Error: <*> process <*> terminated by signal <*>", *(lambda s: [s[0], pid(), s[1]])(signals()))),
    ]

    def render(tag, content):
        return "%s mail dovecot: %s" % (c.syslog(), content)
    write("Dovecot", c, events, render)


# ------------------------------------------------------------------------------------------
# 6. Minecraft Java server console log `[HH:MM:SS] [thread/LEVEL]: message`. Content is what
#    follows `]: `.
def minecraft():
    c = Clock()
    players = ["Quartzfox", "mossy_lantern", "Bramble_King", "nyx404", "PixelTortoise", "oakheart", "Zephyrine_", "coppergolem77"]
    pid = {p: uuid() for p in players}
    state = {"auth": R.randint(0, 20), "entity": R.randint(200, 3000)}

    def coord(lo, hi):
        return "%.15g" % R.uniform(lo, hi) if R.random() < 0.8 else "%.1f" % R.uniform(lo, hi)

    def login():
        p = pick(players)
        state["entity"] += R.randint(1, 400)
        return ev("<*>[/<*>:<*>] logged in with entity id <*> at (<*>, <*>, <*>)", p, client_ip(), eph_port(), state["entity"],
                  coord(-2000, 2000), coord(-40, 200), coord(-2000, 2000))

    def behind():
        ms = R.randint(2001, 30000)
        return ev("Can't keep up! Is the server overloaded? Running <*>ms or <*> ticks behind", ms, ms // 50)

    lost_reasons = ["Disconnected", "Disconnected", "Timed out", "Internal Exception: java.io.IOException: Connection reset by peer",
                    "Kicked by an operator", "You logged in from another location"]
    advancements = ["Stone Age", "Getting an Upgrade", "Acquire Hardware", "We Need to Go Deeper", "Diamonds!",
                    "Sweet Dreams", "Hot Topic", "Monster Hunter"]
    commands = ["/home base", "/spawn", "/tp @s 120 64 -300", "/gamemode creative", "/msg oakheart meet at the portal",
                "/warp market", "/sethome mine2"]
    mobs = Cycle(["Zombie", "Skeleton", "Piglin Brute", "Vindicator", "Drowned"])

    events = [
        (50, ("Server thread", "INFO"), lambda: ev("<*> lost connection: <*>", pick(players), pick(lost_reasons))),
        (45, ("Server thread", "INFO"), lambda: ev("<*> joined the game", pick(players))),
        (40, ("auth", "INFO"), lambda: (lambda p: ev("UUID of player <*> is <*>", p, pid[p]))(pick(players))),
        (35, ("Server thread", "INFO"), login),
        (30, ("Server thread", "INFO"), lambda: ev("<*> left the game", pick(players))),
        (25, ("Server thread", "WARN"), behind),
        (20, ("Server thread", "INFO"), lambda: ev("<*> has made the advancement [<*>]", pick(players), pick(advancements))),
        (15, ("Server thread", "INFO"), lambda: ev("<*> issued server command: <*>", pick(players), pick(commands))),
        (10, ("Server thread", "INFO"), lambda: ev("Saving chunks for level 'ServerLevel[world]'/<*>", pick(["minecraft:overworld", "minecraft:the_nether", "minecraft:the_end"]))),
        (8, ("Server thread", "INFO"), lambda: ev("ThreadedAnvilChunkStorage (<*>): All chunks are saved", pick(["world", "DIM-1", "DIM1"]))),
        (7, ("Server thread", "WARN"), lambda: ev("<*> moved too quickly! <*>,<*>,<*>", pick(players), "%.6f" % R.uniform(-120, 120), "%.6f" % R.uniform(-30, 30), "%.6f" % R.uniform(-120, 120))),
        (6, ("Server thread", "INFO"), lambda: ev("Saving the game (this may take a moment!)")),
        (5, ("Server thread", "INFO"), lambda: ev("<*> was slain by <*>", pick(players), mobs())),
        (4, ("Server thread", "INFO"), (lambda who: lambda: ev("Made <*> a server operator", who()))(Cycle(players))),
    ]

    def render(tag, content):
        thread, level = tag
        if thread == "auth":
            state["auth"] += 1
            thread = "User Authenticator #%d" % state["auth"]
        return "[%s] [%s/%s]: %s" % (c.hms(), thread, level, content)
    write("Minecraft", c, events, render)


# ------------------------------------------------------------------------------------------
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
            assert content and content == content.strip() and line.endswith(content), (system, i + 1)
            assert len(line) > len(content), (system, i + 1)  # a header precedes the Content
            assert "<*><*>" not in template, (system, template)
            m = template_regex(template).fullmatch(content)
            assert m, (system, i + 1, template, content)
            assert templates.setdefault(event_id, template) == template, (system, event_id)
            counts[event_id] = counts.get(event_id, 0) + 1
            seen = slots.setdefault(event_id, [set() for _ in m.groups()])
            for s, v in zip(seen, m.groups()):
                s.add(v)
        assert len(set(templates.values())) == len(templates), system
        assert 10 <= len(counts) <= 16, (system, len(counts))
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
    linkerd()
    synapse()
    asterisk()
    kong()
    dovecot()
    minecraft()
    for system, counts in self_check().items():
        print("%-10s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
