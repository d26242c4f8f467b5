#!/usr/bin/env python3
"""Sealed 31: blind labelled log corpus generator.

Python 3 standard library only, fully deterministic: no wall clock, no locale.
Every message is invented in the style of its project.  Running this script
writes <System>/<System>.log and <System>/<System>.log_structured.csv for the
six systems and then self-checks every file.
"""
import csv
import datetime
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270121
HERE = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
YEAR, MONTH, DAY = 2026, 3, 14
WDAY = WEEKDAYS[datetime.date(YEAR, MONTH, DAY).weekday()]
EPOCH_DAY_S = (datetime.date(YEAR, MONTH, DAY) - datetime.date(1970, 1, 1)).days * 86400

US = 10 ** 3
MS = 10 ** 6
SEC = 10 ** 9
DAY_NS = 86400 * SEC


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------
def clock(ns):
    """Integer nanoseconds since 2026-03-14 00:00:00 UTC -> h, m, s, frac_ns."""
    assert 0 <= ns < DAY_NS, "clock left 2026-03-14"
    s, frac = divmod(ns, SEC)
    h, r = divmod(s, 3600)
    m, s = divmod(r, 60)
    return h, m, s, frac


def unix_s(ns):
    return EPOCH_DAY_S + ns // SEC


def _frac(whole, rem, width):
    out = str(whole)
    if rem:
        out += "." + ("%0*d" % (width, rem)).rstrip("0")
    return out


def godur(ns):
    """Go's time.Duration.String()."""
    if ns < US:
        return "%dns" % ns
    if ns < MS:
        return _frac(ns // US, ns % US, 3) + "\u00b5s"
    if ns < SEC:
        return _frac(ns // MS, ns % MS, 6) + "ms"
    h, r = divmod(ns, 3600 * SEC)
    m, r = divmod(r, 60 * SEC)
    out = ""
    if h:
        out += "%dh" % h
    if h or m:
        out += "%dm" % m
    return out + _frac(r // SEC, r % SEC, 9) + "s"


def fill(tpl, vals):
    parts = tpl.split("<*>")
    assert len(parts) == len(vals) + 1, (tpl, vals)
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        out.append(str(v))
        out.append(p)
    return "".join(out)


def abbrev_logger(name, target):
    """logback's TargetLengthBasedClassNameAbbreviator."""
    if len(name) <= target:
        return name
    segs = name.split(".")
    for i in range(len(segs) - 1):
        if len(".".join(segs)) <= target:
            break
        segs[i] = segs[i][0]
    return ".".join(segs)


class System:
    def __init__(self, k, name, events, header_fn, header_re, kind):
        self.k = k
        self.name = name
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.events = events
        self.eid = {key: "E%d" % (i + 1) for i, (key, _) in enumerate(events)}
        self.tpl = dict(events)
        assert len(self.tpl) == len(events), "duplicate event key"
        assert len(set(self.tpl.values())) == len(events), "duplicate template"
        self.header_fn = header_fn
        self.header_re = header_re
        self.kind = kind
        self._cyc = {}
        self.rows = []

    def cyc(self, ev, slot, pool):
        """Cycle through a small pool per (event, slot), in a seeded order."""
        key = (ev, slot, tuple(pool))
        st = self._cyc.get(key)
        if st is None:
            order = list(pool)
            self.rng.shuffle(order)
            st = self._cyc[key] = [order, 0]
        v = st[0][st[1] % len(st[0])]
        st[1] += 1
        return v

    def add(self, ns, key, vals, **h):
        assert key in self.tpl, key
        self.rows.append((ns, len(self.rows), key, tuple(vals), h))

    def shuffle_stamp(self, records, start_ns, mean_gap_ns):
        """Seeded shuffle of records, stamped by a forward-only clock."""
        self.rng.shuffle(records)
        t = start_ns
        for rec in records:
            t += 1 + int(self.rng.expovariate(1.0) * mean_gap_ns)
            for key, vals, h in rec:
                self.add(t, key, vals, **h)

    def lines(self):
        rows = sorted(self.rows, key=lambda r: (r[0], r[1]))[:N_LINES]
        assert len(rows) == N_LINES, (self.name, len(rows))
        out = []
        for ns, _, key, vals, h in rows:
            content = fill(self.tpl[key], vals)
            out.append((self.header_fn(ns, h) + content, content, key))
        return out

    def write(self):
        d = os.path.join(HERE, self.name)
        os.makedirs(d, exist_ok=True)
        lines = self.lines()
        with open(os.path.join(d, self.name + ".log"), "w", encoding="utf-8", newline="") as f:
            for raw, _, _ in lines:
                f.write(raw + "\n")
        with open(os.path.join(d, self.name + ".log_structured.csv"), "w",
                  encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
            for i, (_, content, key) in enumerate(lines, 1):
                w.writerow([i, content, self.eid[key], self.tpl[key]])


TS_GROUPS = (r"(?P<Y>\d{4})", r"(?P<mo>\d\d)", r"(?P<d>\d\d)",
             r"(?P<H>\d\d)", r"(?P<M>\d\d)", r"(?P<S>\d\d)")


# --------------------------------------------------------------------------
# 1. Nsqlookupd -- simulation (nsqd producer connections, HTTP clients)
# --------------------------------------------------------------------------
def hdr_nsqlookupd(ns, h):
    H, M, S, f = clock(ns)
    return "[nsqlookupd] %04d/%02d/%02d %02d:%02d:%02d.%06d %s: " % (
        YEAR, MONTH, DAY, H, M, S, f // US, h.get("lvl", "INFO"))


RE_NSQLOOKUPD = (r"\[nsqlookupd\] (?P<Y>\d{4})/(?P<mo>\d\d)/(?P<d>\d\d) "
                 r"(?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d)\.(?P<f>\d{6}) "
                 r"(?:DEBUG|INFO|WARNING|ERROR|FATAL): ")


def build_nsqlookupd():
    events = [
        ("tcp_new", "TCP: new client(<*>)"),
        ("magic", "CLIENT(<*>): desired protocol magic '  V1'"),
        ("identify", "CLIENT(<*>): IDENTIFY Address:<*> TCP:<*> HTTP:<*> Version:<*>"),
        ("reg_client", "DB: client(<*>) REGISTER category:client key: subkey:"),
        ("reg_topic", "DB: client(<*>) REGISTER category:topic key:<*> subkey:"),
        ("reg_channel", "DB: client(<*>) REGISTER category:channel key:<*> subkey:<*>"),
        ("pinged", "CLIENT(<*>): pinged (last ping <*>)"),
        ("read_err", "CLIENT(<*>): failed to read command - <*>"),
        ("exit", "PROTOCOL(V1): [<*>] exiting ioloop"),
        ("unreg_client", "DB: client(<*>) UNREGISTER category:client key: subkey:"),
        ("unreg_topic", "DB: client(<*>) UNREGISTER category:topic key:<*> subkey:"),
        ("unreg_channel", "DB: client(<*>) UNREGISTER category:channel key:<*> subkey:<*>"),
        ("http_lookup", "<*> GET /lookup?topic=<*> (<*>) <*>"),
        ("http_ping", "200 GET /ping (<*>) <*>"),
        ("http_nodes", "200 GET /nodes (<*>) <*>"),
    ]
    S = System(1, "Nsqlookupd", events, hdr_nsqlookupd, RE_NSQLOOKUPD, "simulation")
    rng = S.rng
    T0 = (6 * 3600 + 52 * 60 + 17) * SEC + rng.randrange(SEC)
    END = T0 + 40 * 60 * SEC
    LOOKUPD = "10.42.0.5:4160"

    producers = [
        ("nsqd-ingest-01.kelp.internal", "10.42.3.11", (4150, 4151), "1.2.1", ["orders", "payments.v2"]),
        ("nsqd-ingest-02.kelp.internal", "10.42.3.12", (4150, 4151), "1.2.1", ["orders", "click_events"]),
        ("nsqd-edge-a.kelp.internal", "10.42.7.31", (4250, 4251), "1.3.0", ["click_events", "geo.updates"]),
        ("nsqd-edge-b.kelp.internal", "10.42.7.32", (4250, 4251), "1.3.0", ["geo.updates", "audit_log"]),
        ("nsqd-mail-01.kelp.internal", "10.42.5.20", (4150, 4151), "1.2.1", ["email-outbox"]),
        ("nsqd-batch-01.kelp.internal", "10.42.9.4", (4150, 4151), "1.3.0", ["audit_log", "orders"]),
    ]
    channels = {
        "orders": ["archive", "fulfilment"],
        "payments.v2": ["ledger"],
        "click_events": ["clickhouse-sink", "sessionizer"],
        "geo.updates": ["tracker"],
        "audit_log": ["s3-archive"],
        "email-outbox": ["sender", "bounce-check"],
    }
    extra_channels = ["tail-4821#ephemeral", "replay-0314", "nsq_to_file", "debug#ephemeral"]
    reasons = [
        "read tcp %s->%s: read: connection reset by peer",
        "read tcp %s->%s: i/o timeout",
        "read tcp %s->%s: use of closed network connection",
    ]

    def session(p, t):
        host, ip, (tport, hport), ver, tops = p
        addr = "%s:%d" % (ip, rng.randint(32768, 60999))
        S.add(t, "tcp_new", [addr])
        t += rng.randint(15, 90) * US
        S.add(t, "magic", [addr])
        t += rng.randint(150, 1400) * US + rng.randrange(US)
        S.add(t, "identify", [addr, host, tport, hport, ver])
        last = t
        t += rng.randint(8, 70) * US + rng.randrange(US)
        S.add(t, "reg_client", [addr])
        regs = []
        for tp in tops:
            t += rng.randint(40, 600) * US + rng.randrange(US)
            S.add(t, "reg_topic", [addr, tp])
            regs.append(("topic", tp, ""))
            for ch in channels[tp]:
                t += rng.randint(20, 300) * US + rng.randrange(US)
                S.add(t, "reg_channel", [addr, tp, ch])
                regs.append(("channel", tp, ch))
        life = int(rng.uniform(40, 300) * SEC)
        end = t + life
        # mid-session: a consumer opens a channel, later it goes away
        if rng.random() < 0.7:
            ct = t + int(rng.uniform(5, max(6, life / SEC - 5)) * SEC)
            tp = rng.choice(tops)
            ch = S.cyc("reg_channel", 2, extra_channels)
            S.add(ct, "reg_channel", [addr, tp, ch])
            gone = ct + int(rng.uniform(15, 200) * SEC)
            if gone < end - SEC:
                S.add(gone, "unreg_channel", [addr, tp, ch])
            else:
                regs.append(("channel", tp, ch))
        pt = t + 15 * SEC + rng.randint(-900, 900) * US
        while pt < end:
            S.add(pt, "pinged", [addr, godur(pt - last)])
            last = pt
            pt += 15 * SEC + rng.randint(-900, 900) * US + rng.randrange(US)
        t = end
        if rng.random() < 0.6:
            reason = S.cyc("read_err", 1, reasons) % (LOOKUPD, addr)
            S.add(t, "read_err", [addr, reason], lvl="ERROR")
            t += rng.randint(20, 200) * US
        S.add(t, "exit", [addr])
        allregs = regs + [("client", "", "")]
        rng.shuffle(allregs)
        for cat, key, sub in allregs:
            t += rng.randint(5, 60) * US + rng.randrange(US)
            if cat == "client":
                S.add(t, "unreg_client", [addr])
            elif cat == "topic":
                S.add(t, "unreg_topic", [addr, key])
            else:
                S.add(t, "unreg_channel", [addr, key, sub])
        return t + int(rng.uniform(2, 25) * SEC)

    for p in producers:
        t = T0 + int(rng.uniform(0, 20) * SEC)
        while t < END:
            t = session(p, t)

    consumers = [
        ("10.42.11.7", ["orders", "payments.v2"]),
        ("10.42.11.8", ["click_events"]),
        ("10.42.12.3", ["geo.updates", "legacy.metrics"]),
        ("10.42.12.9", ["email-outbox", "audit_log"]),
        ("10.42.13.15", ["orders", "stock-levels"]),
    ]
    for ip, tops in consumers:
        t = T0 + int(rng.uniform(1, 45) * SEC)
        while t < END:
            for tp in tops:
                known = tp not in ("legacy.metrics", "stock-levels")
                dur = rng.randint(60, 240 if not known else 1900) * US + rng.randrange(US)
                port = rng.randint(32768, 60999)
                S.add(t, "http_lookup", ["200" if known else "404", tp, "%s:%d" % (ip, port), godur(dur)])
                t += dur + rng.randint(1, 30) * MS
            t += int(60 * SEC * rng.uniform(0.8, 1.2))

    t = T0 + rng.randrange(10 * SEC)
    probe_ips = ["10.42.0.1", "10.42.0.129"]
    while t < END:
        ip = S.cyc("http_ping", 0, probe_ips)
        S.add(t, "http_ping", ["%s:%d" % (ip, rng.randint(32768, 60999)),
                               godur(rng.randint(14, 70) * US + rng.randrange(US))])
        t += 10 * SEC + rng.randint(-3, 3) * MS + rng.randrange(MS)

    t = T0 + int(rng.uniform(30, 90) * SEC)
    while t < END:
        ip = S.cyc("http_nodes", 0, ["10.42.14.2", "10.42.14.3"])
        S.add(t, "http_nodes", ["%s:%d" % (ip, rng.randint(32768, 60999)),
                                godur(rng.randint(90, 800) * US + rng.randrange(US))])
        t += int(rng.expovariate(1.0 / 35) * SEC) + SEC
    return S


# --------------------------------------------------------------------------
# 2. Cachet -- seeded shuffle of records (an exception record is multi-line)
# --------------------------------------------------------------------------
def hdr_cachet(ns, h):
    if h.get("cont"):
        return ""
    H, M, S, _ = clock(ns)
    return "[%04d-%02d-%02d %02d:%02d:%02d] production.%s: " % (
        YEAR, MONTH, DAY, H, M, S, h.get("lvl", "INFO"))


RE_CACHET = (r"(?:\[(?P<Y>\d{4})-(?P<mo>\d\d)-(?P<d>\d\d) "
             r"(?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d)\] production\."
             r"(?:DEBUG|INFO|NOTICE|WARNING|ERROR|CRITICAL|ALERT|EMERGENCY): )?")

V = "/var/www/html/vendor/laravel/framework/src/Illuminate"
EXC_MNF = (r'{"exception":"[object] (Illuminate\\Database\\Eloquent\\ModelNotFoundException(code: 0): '
           r'No query results for model [<*>] <*> at ' + V + r'/Database/Eloquent/Builder.php:470)')


def build_cachet():
    events = [
        ("incident_notify", 'Incident notification queued. {"incident_id":<*>,"subscribers":<*>} []'),
        ("component_status", 'Component status changed. {"component_id":<*>,"old_status":<*>,"new_status":<*>} []'),
        ("sub_verified", 'Subscriber verified. {"email":"<*>"} []'),
        ("sub_unsubscribed", 'Subscriber unsubscribed. {"email":"<*>"} []'),
        ("beacon_fail", 'Cachet beacon failed to send. {"error":"<*>"} []'),
        ("exc_mnf", "No query results for model [<*>] <*> " + EXC_MNF),
        ("exc_mnf_user", 'No query results for model [<*>] <*> {"userId":<*>,' + EXC_MNF[1:]),
        ("exc_query", r'SQLSTATE[HY000] [2002] Connection refused (SQL: <*>) {"exception":"[object] '
                      r'(Illuminate\\Database\\QueryException(code: 2002): SQLSTATE[HY000] [2002] Connection '
                      r'refused (SQL: <*>) at ' + V + r'/Database/Connection.php:664)'),
        ("exc_smtp", r'Expected response code 250 but got code "<*>", with message "<*>" {"exception":"[object] '
                     r'(Swift_TransportException(code: <*>): Expected response code 250 but got code \"<*>\", '
                     r'with message \"<*>\" at /var/www/html/vendor/swiftmailer/swiftmailer/lib/classes/Swift/'
                     r'Transport/AbstractSmtpTransport.php:457)'),
        ("st_head", "[stacktrace]"),
        ("st_frame", "#<*> <*>(<*>): <*>"),
        ("st_internal", "#<*> [internal function]: <*>"),
        ("st_main", "#<*> {main}"),
        ("st_close", '"}'),
    ]
    S = System(2, "Cachet", events, hdr_cachet, RE_CACHET, "shuffle")
    rng = S.rng

    first = ["amira", "jonas", "li.wei", "tomasz", "grace", "oyelaran", "freya", "mateo", "ines", "ravi"]
    last = ["okafor", "lindqvist", "brandt", "moreau", "haddad", "novak", "quist", "serrano"]
    domains = ["brightlane.io", "mailbox.example.net", "corvid-labs.co", "ops.tallyho.dev", "fastmail.test"]

    def email(ev):
        return "%s.%s@%s" % (S.cyc(ev, "f", first), S.cyc(ev, "l", last), S.cyc(ev, "d", domains))

    models = ["Incident", "Component", "Schedule", "Subscriber", "ComponentGroup"]
    sqls = ["select * from `settings`",
            "select * from `components` where `enabled` = 1 order by `order` asc",
            "select count(*) as aggregate from `incidents` where `visible` = 1",
            "select * from `users` where `id` = 3 limit 1"]
    smtp = [("550", "550 5.1.1 <%s>: Recipient address rejected: User unknown"),
            ("535", "535 5.7.8 Authentication credentials invalid"),
            ("554", "554 5.7.1 <%s>: Relay access denied")]
    beacon_errors = [
        "cURL error 28: Operation timed out after 10001 milliseconds with 0 bytes received",
        "cURL error 6: Could not resolve host: cachethq.io",
        "cURL error 7: Failed to connect to cachethq.io port 443: Connection refused",
        "Server error: `POST https://cachethq.io/beacon` resulted in a `502 Bad Gateway` response",
    ]

    web_tail = [
        (V + "/Routing/ControllerDispatcher.php", 45, r"Illuminate\\Routing\\Controller->callAction('%s', Array)"),
        (V + "/Routing/Route.php", 219, r"Illuminate\\Routing\\ControllerDispatcher->dispatch(Object(Illuminate\\Routing\\Route), Object(CachetHQ\\Cachet\\Http\\Controllers\\%s), '%s')"),
        (V + "/Routing/Route.php", 176, r"Illuminate\\Routing\\Route->runController()"),
        (V + "/Routing/Router.php", 680, r"Illuminate\\Routing\\Route->run()"),
        (V + "/Routing/Pipeline.php", 30, r"Illuminate\\Routing\\Router->Illuminate\\Routing\\{closure}(Object(Illuminate\\Http\\Request))"),
        (V + "/Routing/Middleware/SubstituteBindings.php", 41, r"Illuminate\\Routing\\Pipeline->Illuminate\\Routing\\{closure}(Object(Illuminate\\Http\\Request))"),
        (V + "/Pipeline/Pipeline.php", 163, r"Illuminate\\Routing\\Middleware\\SubstituteBindings->handle(Object(Illuminate\\Http\\Request), Object(Closure))"),
        ("/var/www/html/app/Http/Middleware/ReadyForUse.php", 60, r"Illuminate\\Pipeline\\Pipeline->Illuminate\\Pipeline\\{closure}(Object(Illuminate\\Http\\Request))"),
        (V + "/Pipeline/Pipeline.php", 163, r"CachetHQ\\Cachet\\Http\\Middleware\\ReadyForUse->handle(Object(Illuminate\\Http\\Request), Object(Closure))"),
        (V + "/Session/Middleware/StartSession.php", 58, r"Illuminate\\Pipeline\\Pipeline->Illuminate\\Pipeline\\{closure}(Object(Illuminate\\Http\\Request))"),
        (V + "/Foundation/Http/Kernel.php", 151, r"Illuminate\\Routing\\Router->dispatch(Object(Illuminate\\Http\\Request))"),
    ]
    web_last = ("/var/www/html/public/index.php", 54, r"Illuminate\\Foundation\\Http\\Kernel->handle(Object(Illuminate\\Http\\Request))")
    queue_tail = [
        (V + "/Container/BoundMethod.php", 29, r"call_user_func_array(Array, Array)"),
        (V + "/Container/BoundMethod.php", 87, r"Illuminate\\Container\\BoundMethod::Illuminate\\Container\\{closure}()"),
        (V + "/Container/Container.php", 564, r"Illuminate\\Container\\BoundMethod::call(Object(Illuminate\\Foundation\\Application), Array, Array, NULL)"),
        (V + "/Bus/Dispatcher.php", 94, r"Illuminate\\Container\\Container->call(Array)"),
        (V + "/Queue/CallQueuedHandler.php", 49, r"Illuminate\\Bus\\Dispatcher->dispatchNow(Object(Illuminate\\Notifications\\SendQueuedNotifications), false)"),
        (V + "/Queue/Jobs/Job.php", 83, r"Illuminate\\Queue\\CallQueuedHandler->call(Object(Illuminate\\Queue\\Jobs\\DatabaseJob), Array)"),
        (V + "/Queue/Worker.php", 327, r"Illuminate\\Queue\\Jobs\\Job->fire()"),
        (V + "/Queue/Worker.php", 277, r"Illuminate\\Queue\\Worker->process('database', Object(Illuminate\\Queue\\Jobs\\DatabaseJob), Object(Illuminate\\Queue\\WorkerOptions))"),
        (V + "/Queue/Console/WorkCommand.php", 101, r"Illuminate\\Queue\\Worker->daemon('database', 'default', Object(Illuminate\\Queue\\WorkerOptions))"),
    ]
    queue_last = ("/var/www/html/artisan", 35, r"Illuminate\\Foundation\\Console\\Kernel->handle(Object(Symfony\\Component\\Console\\Input\\ArgvInput), Object(Symfony\\Component\\Console\\Output\\ConsoleOutput))")

    controllers = [("StatusPageController", "showIncident", "Incident"),
                   ("StatusPageController", "showComponentBadge", "Component"),
                   ("SubscribeController", "getManage", "Subscriber"),
                   ("Dashboard\\\\ScheduleController", "showEditSchedule", "Schedule"),
                   ("Dashboard\\\\ComponentGroupController", "showEditComponentGroup", "ComponentGroup")]

    def stack(kind, ctx):
        frames = []  # (internal?, text)
        if kind in ("mnf", "mnf_user"):
            ctrl, meth, model, mid = ctx
            frames.append((False, "%s(%d): %s" % (V + "/Database/Eloquent/Builder.php", 331,
                                                  r"Illuminate\\Database\\Eloquent\\Builder->findOrFail('%d')" % mid)))
            frames.append((False, "%s(%d): %s" % (V + "/Support/Traits/ForwardsCalls.php", 23,
                                                  r"Illuminate\\Database\\Eloquent\\Builder->__call('findOrFail', Array)")))
            frames.append((True, r"CachetHQ\\Cachet\\Http\\Controllers\\%s->%s('%d')" % (ctrl, meth, mid)))
            tail = web_tail[:]
            tail[0] = (tail[0][0], tail[0][1], tail[0][2] % meth)
            tail[1] = (tail[1][0], tail[1][1], tail[1][2] % (ctrl, meth))
            take = rng.randint(3, len(tail))
            for p, ln, c in tail[:take] + [web_last]:
                frames.append((False, "%s(%d): %s" % (p, ln, c)))
        elif kind == "query":
            frames.append((False, "%s(%d): %s" % (V + "/Database/Connection.php", 624,
                                                  r"Illuminate\\Database\\Connection->runQueryCallback('%s', Array, Object(Closure))" % ctx)))
            frames.append((False, "%s(%d): %s" % (V + "/Database/Connection.php", 333,
                                                  r"Illuminate\\Database\\Connection->run('%s', Array, Object(Closure))" % ctx)))
            frames.append((False, "%s(%d): %s" % (V + "/Database/Query/Builder.php", 2027,
                                                  r"Illuminate\\Database\\Connection->select('%s', Array, true)" % ctx)))
            take = rng.randint(3, 7)
            for p, ln, c in web_tail[4:4 + take] + [web_last]:
                frames.append((False, "%s(%d): %s" % (p, ln, c)))
        else:
            frames.append((False, "%s(%d): %s" % ("/var/www/html/vendor/swiftmailer/swiftmailer/lib/classes/Swift/Transport/AbstractSmtpTransport.php",
                                                  341, r"Swift_Transport_AbstractSmtpTransport->assertResponseCode('%s', Array)" % ctx)))
            frames.append((False, "%s(%d): %s" % (V + "/Mail/Mailer.php", 484,
                                                  r"Swift_Mailer->send(Object(Swift_Message), Array)")))
            frames.append((False, "%s(%d): %s" % (V + "/Notifications/Channels/MailChannel.php", 65,
                                                  r"Illuminate\\Mail\\Mailer->send(Array, Array, Object(Closure))")))
            frames.append((True, r"Illuminate\\Notifications\\SendQueuedNotifications->handle(Object(Illuminate\\Notifications\\ChannelManager))"))
            take = rng.randint(4, len(queue_tail))
            for p, ln, c in queue_tail[:take] + [queue_last]:
                frames.append((False, "%s(%d): %s" % (p, ln, c)))
        rec = [("st_head", [], {"cont": True})]
        for i, (internal, text) in enumerate(frames):
            if internal:
                rec.append(("st_internal", [i, text], {"cont": True}))
            else:
                m = re.match(r"(.+?)\((\d+)\): (.+)$", text)
                rec.append(("st_frame", [i, m.group(1), m.group(2), m.group(3)], {"cont": True}))
        rec.append(("st_main", [len(frames)], {"cont": True}))
        rec.append(("st_close", [], {"cont": True}))
        return rec

    records = []
    exc_plan = ["mnf"] * 5 + ["mnf_user"] * 4 + ["query"] * 3 + ["smtp"] * 3
    for kind in exc_plan:
        if kind in ("mnf", "mnf_user"):
            ctrl, meth, model = S.cyc("exc_" + kind, 0, controllers)
            mid = rng.randint(1, 900)
            fq = "CachetHQ\\Cachet\\Models\\" + model
            fqj = fq.replace("\\", "\\\\")
            if kind == "mnf":
                head = ("exc_mnf", [fq, mid, fqj, mid])
            else:
                head = ("exc_mnf_user", [fq, mid, S.cyc("exc_mnf_user", 2, [1, 2, 3, 7]), fqj, mid])
            rec = [(head[0], head[1], {"lvl": "ERROR"})] + stack(kind, (ctrl, meth, model, mid))
        elif kind == "query":
            sql = S.cyc("exc_query", 0, sqls)
            rec = [("exc_query", [sql, sql], {"lvl": "ERROR"})] + stack("query", sql)
        else:
            code, msg = S.cyc("exc_smtp", 0, smtp)
            if "%s" in msg:
                msg = msg % email("exc_smtp")
            rec = [("exc_smtp", [code, msg, code, code, msg], {"lvl": "ERROR"})] + stack("smtp", code)
        records.append(rec)

    n_exc_lines = sum(len(r) for r in records)
    fixed = {"incident_notify": 26, "sub_verified": 21, "sub_unsubscribed": 9, "beacon_fail": 6}
    fixed["component_status"] = N_LINES - n_exc_lines - sum(fixed.values())
    assert fixed["component_status"] >= 3
    for _ in range(fixed["incident_notify"]):
        records.append([("incident_notify", [rng.randint(40, 260), rng.randint(3, 1400)], {})])
    for _ in range(fixed["component_status"]):
        a = rng.randint(1, 4)
        b = rng.choice([x for x in (1, 2, 3, 4) if x != a])
        records.append([("component_status", [rng.randint(1, 38), a, b], {})])
    for _ in range(fixed["sub_verified"]):
        records.append([("sub_verified", [email("sub_verified")], {})])
    for _ in range(fixed["sub_unsubscribed"]):
        records.append([("sub_unsubscribed", [email("sub_unsubscribed")], {})])
    for _ in range(fixed["beacon_fail"]):
        records.append([("beacon_fail", [S.cyc("beacon_fail", 0, beacon_errors)], {"lvl": "WARNING"})])
    S.shuffle_stamp(records, (8 * 3600 + 14 * 60) * SEC, 38 * SEC)
    return S


# --------------------------------------------------------------------------
# 3. Airsonic -- seeded shuffle (Airsonic-Advanced, Spring Boot default log)
# --------------------------------------------------------------------------
AIRSONIC_PID = 2318


def hdr_airsonic(ns, h):
    H, M, S, f = clock(ns)
    thread = h["thread"][-15:]
    logger = abbrev_logger(h["logger"], 39)[-40:]
    return "%04d-%02d-%02d %02d:%02d:%02d.%03d %5s %d --- [%15s] %-40s : " % (
        YEAR, MONTH, DAY, H, M, S, f // MS, h.get("lvl", "INFO"), AIRSONIC_PID, thread, logger)


RE_AIRSONIC = (r"(?P<Y>\d{4})-(?P<mo>\d\d)-(?P<d>\d\d) (?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d)\.(?P<f>\d{3}) "
               r"(?:TRACE|DEBUG| INFO| WARN|ERROR) \d+ --- \[[^\]]{15}\] [\w.$ ]{40} : ")


def build_airsonic():
    P = "org.airsonic.player."
    events = [
        ("scan_start", "Starting media library scan."),
        ("scan_done", "Scanned media library with <*> entries."),
        ("listening", '<*>: <*> listening to "<*>"'),
        ("transcoder", "Starting transcoder: ffmpeg -ss <*> -i <*> -map 0:0 -b:a <*> -v 0 -f mp3 -"),
        ("stream_end", 'Stream of "<*>" to <*> ended after <*>.'),
        ("login_failed", "Login failed for [<*>] from [<*>]"),
        ("login_ok", "User <*> logged in from <*>"),
        ("pod_dl", "Downloading Podcast from <*>."),
        ("pod_done", "Downloaded <*> from <*>."),
        ("pod_fail", "Failed to download Podcast from <*>: <*>"),
        ("pl_created", 'Created playlist "<*>" for user <*>.'),
        ("pl_deleted", 'Deleted playlist "<*>" for user <*>.'),
        ("scan_sched", "Scheduled media library scan to run every <*> hours, starting at <*>."),
        ("meta_fail", "Failed to parse metadata of <*>: <*>"),
    ]
    S = System(3, "Airsonic", events, hdr_airsonic, RE_AIRSONIC, "shuffle")
    rng = S.rng
    artists = ["Velvet Orbit", "Marrow Lane", "The Quiet Ferns", "Odalys Brand", "Northbound Static",
               "Kite & Copper", "Lumen Daughters", "Ashgrove Trio", "Sable Motel", "Juniper Coast"]
    albums = ["Glass Harbor", "Low Tide Radio", "Paper Comets", "Night Ferry", "Saltwater Hymns",
              "Second Floor Lights", "Kestrel", "Blue Hours"]
    words = ["Lantern", "Years", "Northern", "Quiet", "Engine", "Sparrow", "Rooftops", "Winter", "Ghost",
             "Satellite", "Harbour", "Letters", "Copper", "Waves", "Midnight", "Orchard", "Static", "Summer"]
    users = ["admin", "mkessler", "jules", "priya", "tobias", "nadia_r", "family"]
    ips = ["192.168.1.23", "192.168.1.41", "10.8.0.6", "10.8.0.9", "172.20.4.17", "192.168.1.107"]
    exts = ["flac", "mp3", "m4a", "ogg"]

    def title():
        return "%s %s" % tuple(rng.sample(words, 2))

    def track_path(ev):
        a = S.cyc(ev, "artist", artists)
        al = S.cyc(ev, "album", albums)
        return "/var/music/%s/%s (%d)/%02d - %s.%s" % (a, al, rng.randint(1998, 2025), rng.randint(1, 14),
                                                        title(), S.cyc(ev, "ext", exts))

    def size():
        v = rng.uniform(0.4, 180)
        return "%.1f MB" % v if v >= 1 else "%d KB" % int(v * 1024)

    feeds = ["https://feeds.lowfidelity.fm", "https://cdn.podnook.net/shows", "http://radio.brickyard.org/pod",
             "https://media.tinkercast.io/episodes"]

    def podurl(ev):
        return "%s/%s/ep%03d-%s.mp3" % (S.cyc(ev, "feed", feeds), rng.choice(["weekly", "digest", "bonus", "main"]),
                                         rng.randint(1, 480), rng.choice(words).lower())

    web_threads = ["http-nio-4040-exec-%d" % i for i in range(1, 11)]
    L_SCAN = P + "service.MediaScannerService"
    L_STREAM = P + "controller.StreamController"
    L_TRANS = P + "service.TranscodingService"
    L_SEC = P + "security.LoginFailureListener"
    L_LOGIN = P + "security.LoginSuccessListener"
    L_POD = P + "service.PodcastService"
    L_PL = P + "service.PlaylistService"
    L_META = P + "service.metadata.JaudiotaggerParser"

    def wt():
        return rng.choice(web_threads)

    counts = {"scan_start": 4, "scan_done": 4, "transcoder": 45, "stream_end": 40, "login_failed": 12,
              "login_ok": 18, "pod_dl": 16, "pod_done": 13, "pod_fail": 5, "pl_created": 9, "pl_deleted": 6,
              "scan_sched": 4, "meta_fail": 22}
    counts["listening"] = N_LINES - sum(counts.values())
    records = []
    for _ in range(counts["scan_start"]):
        records.append([("scan_start", [], {"thread": "MediaLibraryScan-1", "logger": L_SCAN})])
    for _ in range(counts["scan_done"]):
        records.append([("scan_done", [rng.randint(18200, 18950)], {"thread": "MediaLibraryScan-1", "logger": L_SCAN})])
    for _ in range(counts["listening"]):
        song = "%s - %s" % (S.cyc("listening", 2, artists), title())
        records.append([("listening", [S.cyc("listening", 0, ips), S.cyc("listening", 1, users), song],
                         {"thread": wt(), "logger": L_STREAM})])
    for _ in range(counts["transcoder"]):
        records.append([("transcoder", [rng.choice([0, 0, 0, rng.randint(5, 340)]), track_path("transcoder"),
                                        S.cyc("transcoder", 2, ["128k", "192k", "256k", "320k"])],
                         {"thread": wt(), "logger": L_TRANS})])
    for _ in range(counts["stream_end"]):
        song = "%s - %s" % (S.cyc("stream_end", 0, artists), title())
        records.append([("stream_end", [song, S.cyc("stream_end", 1, users), size()],
                         {"thread": wt(), "logger": L_STREAM})])
    bad_users = ["admin", "root", "test", "guest", "jules", "administrator", "ubnt"]
    bad_ips = ["45.134.26.77", "185.220.101.9", "103.41.204.12", "192.168.1.41", "91.240.118.33"]
    for _ in range(counts["login_failed"]):
        records.append([("login_failed", [S.cyc("login_failed", 0, bad_users), S.cyc("login_failed", 1, bad_ips)],
                         {"thread": wt(), "logger": L_SEC, "lvl": "WARN"})])
    for _ in range(counts["login_ok"]):
        records.append([("login_ok", [S.cyc("login_ok", 0, users), S.cyc("login_ok", 1, ips)],
                         {"thread": wt(), "logger": L_LOGIN})])
    for _ in range(counts["pod_dl"]):
        records.append([("pod_dl", [podurl("pod_dl")], {"thread": "PodcastDownload-%d" % rng.randint(1, 3), "logger": L_POD})])
    for _ in range(counts["pod_done"]):
        records.append([("pod_done", [size(), podurl("pod_done")], {"thread": "PodcastDownload-%d" % rng.randint(1, 3), "logger": L_POD})])
    pod_errs = ["Connection reset", "Read timed out", "HTTP 404 Not Found", "HTTP 503 Service Unavailable",
                "No space left on device"]
    for _ in range(counts["pod_fail"]):
        records.append([("pod_fail", [podurl("pod_fail"), S.cyc("pod_fail", 1, pod_errs)],
                         {"thread": "PodcastDownload-%d" % rng.randint(1, 3), "logger": L_POD, "lvl": "WARN"})])
    pl_names = ["Road Trip", "Sunday Morning", "Gym 2026", "Focus", "Kids Car Songs", "Late Night", "Imported"]
    for key in ("pl_created", "pl_deleted"):
        for _ in range(counts[key]):
            records.append([(key, [S.cyc(key, 0, pl_names), S.cyc(key, 1, users)], {"thread": wt(), "logger": L_PL})])
    for _ in range(counts["scan_sched"]):
        hrs = S.cyc("scan_sched", 0, [24, 12])
        records.append([("scan_sched", [hrs, "2026-03-15 %02d:00:00" % rng.choice([2, 3, 4])],
                         {"thread": "main", "logger": L_SCAN})])
    meta_errs = ["Invalid audio header", "No audio header found within /var/music",
                 "Unable to read file: Permission denied", "ID3 tag frame size is invalid (-5)",
                 "Ogg page header is corrupt"]
    for _ in range(counts["meta_fail"]):
        records.append([("meta_fail", [track_path("meta_fail"), S.cyc("meta_fail", 1, meta_errs)],
                         {"thread": "MediaLibraryScan-1", "logger": L_META, "lvl": "WARN"})])
    S.shuffle_stamp(records, (13 * 3600 + 5 * 60 + 12) * SEC, 52 * SEC)
    return S


# --------------------------------------------------------------------------
# 4. Smokeping -- seeded shuffle (daemon messages written to its logfile)
# --------------------------------------------------------------------------
def hdr_smokeping(ns, h):
    H, M, S, _ = clock(ns)
    return "%s %s %2d %02d:%02d:%02d %04d - " % (WDAY, MONTHS[MONTH - 1], DAY, H, M, S, YEAR)


RE_SMOKEPING = (r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?P<mo>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                r"(?P<d>[ \d]\d) (?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d) (?P<Y>\d{4}) - ")


def build_smokeping():
    events = [
        ("launched", "Smokeping version 2.8.2 successfully launched."),
        ("multiproc", "Entering multiprocess mode."),
        ("child_start", "Child process <*> started for probe <*>."),
        ("probing", "<*>: probing <*> targets with step <*> s and offset <*> s."),
        ("alert_on", 'Alert "<*>" issued for <*>'),
        ("alert_off", 'Alert "<*>" cleared for <*>'),
        ("alert_mail", "Sending alert mail for <*> to <*>"),
        ("rrd_err", "RRDs::update ERROR: <*>: illegal attempt to update using time <*> when last update "
                    "time is <*> (minimum one second step)"),
        ("slow_probe", "<*>: probing took <*> s, longer than step <*> s; consider reducing the number of pings"),
        ("hup", "Got HUP signal, reloading configuration."),
        ("child_stop", "Child process <*> stopped for probe <*>."),
        ("resolve", "WARNING: Hostname <*> for target <*> could not be resolved: <*>"),
        ("replies", "<*>: got <*> replies from <*>, expected <*>"),
        ("rrd_create", "Creating RRD file <*> with step <*> s"),
    ]
    S = System(4, "Smokeping", events, hdr_smokeping, RE_SMOKEPING, "shuffle")
    rng = S.rng
    probes = {"FPing": (48, 300, 20), "FPing6": (12, 300, 20), "DNS": (6, 300, 5), "Curl": (9, 60, 5),
              "TCPPing": (7, 120, 10)}
    names = list(probes)
    targets = {
        "Servers.web-fra-01": "web-fra-01.nimbusworks.de", "Servers.db-ams-2": "db-ams-2.nimbusworks.de",
        "Network.Core.rtr-ams-2": "rtr-ams-2.core.nimbusworks.net", "Network.Uplinks.isp-b": "203.0.113.57",
        "DNS.Resolvers.ns2": "ns2.nimbusworks.net", "Web.Shop.checkout": "shop.nimbusworks.de",
        "Branches.Leipzig.fw": "fw-lej.branch.nimbusworks.net", "Network.Uplinks.isp-a": "198.51.100.14",
    }
    tnames = list(targets)
    alerts = ["bigloss", "someloss", "startloss", "rttdetect", "hostdown"]
    mails = ["noc@nimbusworks.de", "oncall-net@nimbusworks.de", "m.reiter@nimbusworks.de"]
    counts = {"launched": 4, "multiproc": 4, "child_start": 9, "alert_on": 30, "alert_off": 26, "alert_mail": 28,
              "rrd_err": 6, "slow_probe": 8, "hup": 5, "child_stop": 6, "resolve": 12, "replies": 25, "rrd_create": 7}
    counts["probing"] = N_LINES - sum(counts.values())
    R = []
    R += [[("launched", [], {})] for _ in range(counts["launched"])]
    R += [[("multiproc", [], {})] for _ in range(counts["multiproc"])]
    for key in ("child_start", "child_stop"):
        for _ in range(counts[key]):
            R.append([(key, [rng.randint(1200, 48000), S.cyc(key, 1, names)], {})])
    for _ in range(counts["probing"]):
        p = S.cyc("probing", 0, names)
        n, step, _ = probes[p]
        R.append([("probing", [p, n, step, rng.randrange(step)], {})])
    for key in ("alert_on", "alert_off"):
        for _ in range(counts[key]):
            R.append([(key, [S.cyc(key, 0, alerts), S.cyc(key, 1, tnames)], {})])
    for _ in range(counts["alert_mail"]):
        R.append([("alert_mail", [S.cyc("alert_mail", 0, tnames), S.cyc("alert_mail", 1, mails)], {})])
    base = unix_s((3 * 3600) * SEC)
    for _ in range(counts["rrd_err"]):
        tn = S.cyc("rrd_err", 0, tnames)
        ts = base + rng.randint(0, 6 * 3600)
        R.append([("rrd_err", ["/var/lib/smokeping/%s.rrd" % tn.replace(".", "/"), ts, ts + rng.choice([0, 0, 1, 2])], {})])
    for _ in range(counts["slow_probe"]):
        p = S.cyc("slow_probe", 0, ["FPing", "Curl", "TCPPing"])
        step = probes[p][1]
        R.append([("slow_probe", [p, step + rng.randint(3, step // 2), step], {})])
    R += [[("hup", [], {})] for _ in range(counts["hup"])]
    res_errs = ["Name or service not known", "Temporary failure in name resolution", "No address associated with hostname"]
    hostish = [t for t in tnames if not targets[t][0].isdigit()]
    for _ in range(counts["resolve"]):
        tn = S.cyc("resolve", 1, hostish)
        R.append([("resolve", [targets[tn], tn, S.cyc("resolve", 2, res_errs)], {})])
    for _ in range(counts["replies"]):
        p = S.cyc("replies", 0, ["FPing", "DNS", "TCPPing"])
        exp = probes[p][2]
        R.append([("replies", [p, rng.randint(0, exp - 1), targets[S.cyc("replies", 2, tnames)], exp], {})])
    for _ in range(counts["rrd_create"]):
        tn = S.cyc("rrd_create", 0, tnames)
        R.append([("rrd_create", ["/var/lib/smokeping/%s.rrd" % tn.replace(".", "/"), S.cyc("rrd_create", 1, [300, 60, 120])], {})])
    S.shuffle_stamp(R, (2 * 3600 + 10 * 60 + 4) * SEC, 58 * SEC)
    return S


# --------------------------------------------------------------------------
# 5. Glances -- seeded shuffle (glances.log)
# --------------------------------------------------------------------------
def hdr_glances(ns, h):
    H, M, S, f = clock(ns)
    return "%04d-%02d-%02d %02d:%02d:%02d,%03d -- %s -- " % (
        YEAR, MONTH, DAY, H, M, S, f // MS, h.get("lvl", "INFO"))


RE_GLANCES = (r"(?P<Y>\d{4})-(?P<mo>\d\d)-(?P<d>\d\d) (?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d),(?P<f>\d{3}) "
              r"-- (?:DEBUG|INFO|WARNING|ERROR|CRITICAL) -- ")


def build_glances():
    events = [
        ("start", "Start Glances 4.1.2"),
        ("python", "CPython 3.11.2 (/usr/bin/python3) and psutil 5.9.4 detected"),
        ("config", "Read configuration file '<*>'"),
        ("webui", "Glances Web User Interface started on <*>"),
        ("missing_lib", "Missing Python Lib (<*>), <*> plugin is disabled"),
        ("sensors", "Cannot grab <*> sensors (<*>)"),
        ("influx_ok", "Connected to InfluxDB server <*>"),
        ("influx_fail", "Cannot export <*> stats to InfluxDB (<*>)"),
        ("stop", "Stop Glances (keyboard interrupt)"),
        ("docker", "Cannot connect to Docker server (<*>)"),
        ("slow_procs", "Processes list takes <*> seconds, disabling extended stats"),
        ("action", "Run action '<*>' for <*> (<*>)"),
        ("public_ip", "Cannot grab public IP information (<*>)"),
    ]
    S = System(5, "Glances", events, hdr_glances, RE_GLANCES, "shuffle")
    rng = S.rng
    counts = {"start": 5, "python": 5, "config": 5, "webui": 5, "missing_lib": 25, "sensors": 30, "influx_ok": 6,
              "stop": 4, "docker": 35, "slow_procs": 7, "action": 40, "public_ip": 8}
    counts["influx_fail"] = N_LINES - sum(counts.values())
    R = []
    R += [[("start", [], {})] for _ in range(counts["start"])]
    R += [[("python", [], {})] for _ in range(counts["python"])]
    R += [[("stop", [], {})] for _ in range(counts["stop"])]
    for _ in range(counts["config"]):
        R.append([("config", [S.cyc("config", 0, ["/etc/glances/glances.conf",
                                                  "/home/monitor/.config/glances/glances.conf"])], {})])
    for _ in range(counts["webui"]):
        R.append([("webui", [S.cyc("webui", 0, ["http://0.0.0.0:61208/", "http://10.8.0.14:61208/"])], {})])
    libs = [("No module named 'docker'", "Docker"), ("No module named 'pySMART'", "SMART"),
            ("No module named 'wifi'", "Wifi"), ("No module named 'pynvml'", "GPU"),
            ("No module named 'batinfo'", "Battery")]
    for _ in range(counts["missing_lib"]):
        lib, plug = S.cyc("missing_lib", 0, libs)
        R.append([("missing_lib", [lib, plug], {"lvl": "WARNING"})])
    sens_errs = ["[Errno 2] No such file or directory: '/sys/class/hwmon/hwmon2/temp1_input'",
                 "'NoneType' object is not iterable", "[Errno 13] Permission denied: '/sys/class/hwmon/hwmon0/fan1_input'",
                 "sensors_temperatures not available on this platform"]
    for _ in range(counts["sensors"]):
        R.append([("sensors", [S.cyc("sensors", 0, ["temperature", "fan", "battery"]), S.cyc("sensors", 1, sens_errs)],
                   {"lvl": "WARNING"})])
    influx = ["http://influx.lab.lan:8086", "https://metrics.hollow-pine.net:8086"]
    for _ in range(counts["influx_ok"]):
        R.append([("influx_ok", [S.cyc("influx_ok", 0, influx)], {})])
    plugins = ["cpu", "mem", "load", "network", "diskio", "fs", "sensors", "processcount", "memswap", "uptime"]
    ierrs = ["HTTPConnectionPool(host='influx.lab.lan', port=8086): Read timed out. (read timeout=10.0)",
             "(401) Reason: Unauthorized HTTP response body: {\"code\":\"unauthorized\",\"message\":\"unauthorized access\"}",
             "[Errno 111] Connection refused",
             "(503) Reason: Service Unavailable",
             "<urllib3.connection.HTTPConnection object at 0x7f3a1c2b9d50>: Failed to establish a new connection: [Errno 113] No route to host"]
    for _ in range(counts["influx_fail"]):
        R.append([("influx_fail", [S.cyc("influx_fail", 0, plugins), S.cyc("influx_fail", 1, ierrs)], {"lvl": "ERROR"})])
    derrs = ["Error while fetching server API version: ('Connection aborted.', FileNotFoundError(2, 'No such file or directory'))",
             "Error while fetching server API version: ('Connection aborted.', PermissionError(13, 'Permission denied'))",
             "HTTPConnectionPool(host='localhost', port=2375): Max retries exceeded with url: /version"]
    for _ in range(counts["docker"]):
        R.append([("docker", [S.cyc("docker", 0, derrs)], {"lvl": "ERROR"})])
    for _ in range(counts["slow_procs"]):
        R.append([("slow_procs", ["%.2f" % rng.uniform(1.2, 9.8)], {"lvl": "WARNING"})])
    acts = [("/usr/local/bin/notify-ops.sh cpu_total %.1f", "cpu_total"),
            ("/usr/local/bin/notify-ops.sh mem %.1f", "mem"),
            ("logger -t glances load %.2f", "load"),
            ("/opt/scripts/clean-cache.sh / %.1f", "fs_/")]
    for _ in range(counts["action"]):
        cmd, stat = S.cyc("action", 0, acts)
        R.append([("action", [cmd % rng.uniform(70, 99.9), stat, S.cyc("action", 2, ["warning", "critical"])], {})])
    perrs = ["HTTPSConnectionPool(host='ip-api.com', port=443): Read timed out. (read timeout=2)",
             "[Errno -3] Temporary failure in name resolution", "Expecting value: line 1 column 1 (char 0)"]
    for _ in range(counts["public_ip"]):
        R.append([("public_ip", [S.cyc("public_ip", 0, perrs)], {"lvl": "WARNING"})])
    S.shuffle_stamp(R, (10 * 3600 + 20 * 60 + 41) * SEC, 44 * SEC)
    return S


# --------------------------------------------------------------------------
# 6. Dkron -- simulation (job executions, cluster members), leader node log
# --------------------------------------------------------------------------
def hdr_dkron(ns, h):
    H, M, S, _ = clock(ns)
    return 'time="%04d-%02d-%02dT%02d:%02d:%02dZ" level=%s ' % (
        YEAR, MONTH, DAY, H, M, S, h.get("lvl", "info"))


RE_DKRON = (r'time="(?P<Y>\d{4})-(?P<mo>\d\d)-(?P<d>\d\d)T(?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d)Z" '
            r"level=(?:trace|debug|info|warning|error|fatal|panic) ")


def build_dkron():
    SELF = "dk-sched-01"
    events = [
        ("job_add", 'msg="scheduler: Adding job to cron" job=<*> node=%s schedule="<*>"' % SELF),
        ("job_remove", 'msg="scheduler: Removing job from cron" job=<*> node=%s' % SELF),
        ("agent_run", 'msg="agent: Calling AgentRun" job=<*> node=%s target=<*>' % SELF),
        ("job_start", 'msg="agent: Starting job" execution=<*> job=<*> node=%s' % SELF),
        ("shell_run", 'msg="shell: going to run" command="<*>" job=<*> node=%s' % SELF),
        ("job_ok", 'msg="agent: Job finished" duration=<*> execution=<*> job=<*> node=%s success=true' % SELF),
        ("job_fail", 'msg="agent: Job failed" duration=<*> error="<*>" execution=<*> job=<*> node=%s success=false' % SELF),
        ("exec_done", 'msg="grpc: Received execution done" execution=<*> job=<*> node=%s' % SELF),
        ("retry", 'msg="grpc: Retrying execution" attempt=<*> job=<*> node=%s' % SELF),
        ("no_retries", 'msg="grpc: Execution failed, no retries left" job=<*> node=%s retries=<*>' % SELF),
        ("webhook", 'msg="notifier: Sending webhook" job=<*> node=%s url="<*>"' % SELF),
        ("skip", 'msg="scheduler: Skipping execution, job still running" concurrency=forbid job=<*> node=%s' % SELF),
        ("member_join", 'msg="agent: Member joined" member=<*> node=%s' % SELF),
        ("member_left", 'msg="agent: Member left" member=<*> node=%s' % SELF),
    ]
    S = System(6, "Dkron", events, hdr_dkron, RE_DKRON, "simulation")
    rng = S.rng
    T0 = (17 * 3600 + 40 * 60 + 9) * SEC + rng.randrange(SEC)
    END = T0 + 30 * 60 * SEC
    peers = ["dk-sched-02", "dk-worker-03", "dk-worker-04"]
    # name, schedule, interval s, command, eligible targets, duration range s, fail p, retries, forbid, webhook
    jobs = [
        ("healthcheck-ping", "@every 20s", 20, "curl -fsS http://10.4.0.7:8080/healthz", [SELF, "dk-worker-03"], (0.05, 0.4), 0.04, 0, False, None),
        ("purge-tmp-uploads", "@every 30s", 30, "find /srv/uploads/tmp -mmin +60 -delete", [SELF, "dk-worker-04"], (0.2, 2.5), 0.02, 0, False, None),
        ("sync-assets-s3", "@every 45s", 45, "aws s3 sync /srv/assets s3://nw-assets-eu/assets --delete", ["dk-worker-03", "dk-worker-04"], (4, 30), 0.2, 3, False, "https://hooks.nimbus.chat/services/T04/B9K/storage-alerts"),
        ("rotate-nginx-logs", "@every 1m", 60, "logrotate -f /etc/logrotate.d/nginx", [SELF, "dk-sched-02"], (0.3, 3), 0.03, 0, False, None),
        ("export-orders-csv", "@every 1m", 60, "python3 /opt/jobs/export_orders.py --since 1h", [SELF], (40, 95), 0.1, 1, True, "https://alerts.nimbusworks.de/dkron/hook"),
        ("pg-backup-orders", "0 */2 * * * *", 120, "pg_dump -Fc orders -f /backups/orders.dump", ["dk-worker-04", SELF], (70, 190), 0.12, 1, True, "https://alerts.nimbusworks.de/dkron/hook"),
        ("refresh-fx-rates", "@every 2m", 120, "curl -fsS -X POST https://rates.internal.lan/refresh", [SELF, "dk-sched-02"], (0.4, 6), 0.3, 2, False, "https://hooks.nimbus.chat/services/T04/B7X/ops-alerts"),
        ("send-digest-mails", "@every 3m", 180, "php /srv/app/artisan digest:send --queue=mail", ["dk-worker-03", SELF], (5, 50), 0.05, 1, False, None),
        ("reindex-search", "@every 5m", 300, "python3 /opt/jobs/reindex.py --full", [SELF, "dk-worker-04"], (200, 420), 0.05, 0, True, None),
    ]
    # outages: (job, from s, to s) during which nearly every attempt fails
    outages = {"refresh-fx-rates": (150, 540), "export-orders-csv": (200, 420), "sync-assets-s3": (240, 430)}
    errors = ["exit status 1", "exit status 2", "signal: killed", "exit status 28",
              "fork/exec /bin/sh: resource temporarily unavailable"]

    # membership: every peer joins at start; some flap later
    down = {p: [] for p in peers}
    t = T0 + rng.randint(50, 400) * MS
    for p in peers:
        S.add(t, "member_join", [p])
        t += rng.randint(5, 120) * MS
    flaps = [("dk-worker-04", 95), ("dk-worker-03", 200), ("dk-worker-04", 310), ("dk-sched-02", 420), ("dk-worker-03", 560)]
    for p, at in flaps:
        a = T0 + at * SEC + rng.randrange(SEC)
        b = a + int(rng.uniform(20, 80) * SEC)
        S.add(a, "member_left", [p])
        S.add(b, "member_join", [p])
        down[p].append((a, b))

    def alive(node, when):
        if node == SELF:
            return True
        return not any(a <= when < b for a, b in down[node])

    t = T0 + rng.randint(400, 900) * MS
    for j in jobs:
        t += rng.randint(1, 9) * MS + rng.randrange(MS)
        S.add(t, "job_add", [j[0], j[1]])
    # API updates of some jobs: remove + re-add
    for at, idx in ((130, 6), (260, 2), (400, 7), (515, 6)):
        a = T0 + at * SEC + rng.randrange(SEC)
        j = jobs[idx]
        S.add(a, "job_remove", [j[0]])
        S.add(a + rng.randint(1, 40) * MS, "job_add", [j[0], j[1]])

    def execute(j, t, attempt):
        name, _, _, cmd, elig, (dlo, dhi), pfail, retries, _, hook = j
        cands = [n for n in elig if alive(n, t)] or [SELF]
        target = S.cyc("agent_run", 2, cands) if len(cands) > 1 else cands[0]
        t += rng.randint(1, 6) * MS + rng.randrange(MS)
        S.add(t, "agent_run", [name, target])
        start = t + rng.randint(2, 15) * MS + rng.randrange(MS)
        exe = "%d-%s" % (EPOCH_DAY_S * SEC + start, target)
        dur = int(rng.uniform(dlo, dhi) * SEC) + rng.randrange(US)
        o = outages.get(name)
        if o and T0 + o[0] * SEC <= t < T0 + o[1] * SEC:
            pfail = 0.97
        failed = rng.random() < pfail
        if target == SELF:
            S.add(start, "job_start", [exe, name])
            S.add(start + rng.randint(200, 900) * US, "shell_run", [cmd, name])
            if failed:
                S.add(start + dur, "job_fail", [godur(dur), S.cyc("job_fail", 1, errors), exe, name], lvl="error")
            else:
                S.add(start + dur, "job_ok", [godur(dur), exe, name])
        t = start + dur + rng.randint(2, 12) * MS + rng.randrange(MS)
        S.add(t, "exec_done", [exe, name])
        if failed:
            if attempt < retries:
                t += rng.randint(1, 5) * MS
                S.add(t, "retry", [attempt + 1, name], lvl="warning")
                return execute(j, t, attempt + 1)
            if retries:
                t += rng.randint(1, 5) * MS
                S.add(t, "no_retries", [name, retries], lvl="error")
            if hook:
                t += rng.randint(2, 20) * MS
                S.add(t, "webhook", [name, hook])
        return t

    for j in jobs:
        interval = j[2] * SEC
        first = T0 + 2 * SEC
        tick = first - first % interval + interval
        busy_until = 0
        while tick < END:
            if j[8] and tick < busy_until:
                S.add(tick + rng.randint(0, 3) * MS, "skip", [j[0]], lvl="warning")
            else:
                busy_until = execute(j, tick + rng.randint(0, 4) * MS + rng.randrange(MS), 0)
            tick += interval
    return S


# --------------------------------------------------------------------------
# self-check
# --------------------------------------------------------------------------
def template_regex(tpl):
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in tpl.split("<*>")) + "$", re.S)


def ts_key(m):
    if m.group("Y") is None:
        return None
    mo = m.group("mo")
    mo = MONTHS.index(mo) + 1 if mo in MONTHS else int(mo)
    f = m.groupdict().get("f") or "0"
    return (int(m.group("Y")), mo, int(m.group("d")), int(m.group("H")), int(m.group("M")),
            int(m.group("S")), int(f.ljust(9, "0")))


def check(S):
    d = os.path.join(HERE, S.name)
    logp = os.path.join(d, S.name + ".log")
    csvp = os.path.join(d, S.name + ".log_structured.csv")
    errs = []
    for p in (logp, csvp):
        with open(p, "rb") as f:
            b = f.read()
        if not b.endswith(b"\n"):
            errs.append("%s does not end with newline" % p)
        if b"\r" in b:
            errs.append("%s contains CR" % p)
    with open(logp, encoding="utf-8", newline="") as f:
        raw = f.read().split("\n")
    assert raw[-1] == ""
    raw = raw[:-1]
    if len(raw) != N_LINES:
        errs.append("log has %d lines" % len(raw))
    with open(csvp, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header")
    rows = rows[1:]
    if len(rows) != N_LINES:
        errs.append("csv has %d rows" % len(rows))
    hre = re.compile(S.header_re)
    tpl_of = {}
    counts = {}
    slots = {}
    last_ts = None
    for i, (r, line) in enumerate(zip(rows, raw), 1):
        if len(r) != 4:
            errs.append("row %d has %d columns" % (i, len(r)))
            continue
        lid, content, eid, tpl = r
        if lid != str(i):
            errs.append("row %d LineId %s" % (i, lid))
        if not content or content != content.strip():
            errs.append("row %d content empty/unstripped" % i)
        if "\n" in content or "\r" in content:
            errs.append("row %d multi-line content" % i)
        if not line.endswith(content):
            errs.append("row %d raw line does not end with content" % i)
            continue
        header = line[:len(line) - len(content)]
        m = hre.fullmatch(header)
        if not m:
            errs.append("row %d header %r does not match" % (i, header))
        else:
            k = ts_key(m)
            if k is not None:
                if k[:3] != (YEAR, MONTH, DAY):
                    errs.append("row %d timestamp not on 2026-03-14" % i)
                if last_ts is not None and k < last_ts:
                    errs.append("row %d timestamp goes back" % i)
                last_ts = k
        if not re.fullmatch(r"E\d+", eid):
            errs.append("row %d bad EventId %s" % (i, eid))
        if tpl_of.setdefault(eid, tpl) != tpl:
            errs.append("EventId %s has two templates" % eid)
        counts[eid] = counts.get(eid, 0) + 1
        mm = template_regex(tpl).fullmatch(content)
        if not mm:
            errs.append("row %d content does not match template %s" % (i, eid))
            continue
        for j, g in enumerate(mm.groups()):
            slots.setdefault((eid, j), set()).add(g)
    if len(set(tpl_of.values())) != len(tpl_of):
        errs.append("templates not distinct")
    declared = {S.eid[k]: t for k, t in S.events}
    if set(tpl_of) != set(declared):
        errs.append("declared/used events differ: %s" % sorted(set(declared) ^ set(tpl_of)))
    for eid, t in tpl_of.items():
        if declared.get(eid) != t:
            errs.append("EventId %s template differs from declaration" % eid)
    for eid, t in tpl_of.items():
        for j in range(t.count("<*>")):
            if len(slots.get((eid, j), ())) < 2:
                errs.append("%s slot %d has < 2 distinct values" % (eid, j))
    c = sorted(counts.values())
    if not 12 <= len(c) <= 15:
        errs.append("%d event types" % len(c))
    if c and c[0] < 3:
        errs.append("an event has fewer than 3 lines")
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines")
    med = statistics.median(c) if c else 0
    if c and c[-1] < 3 * med:
        errs.append("largest %d < 3 x median %s" % (c[-1], med))
    return errs, counts, med


def main():
    builders = [build_nsqlookupd, build_cachet, build_airsonic, build_smokeping, build_glances, build_dkron]
    systems = []
    for b in builders:
        S = b()
        S.write()
        systems.append(S)
    ok = True
    for S in systems:
        errs, counts, med = check(S)
        order = sorted(counts, key=lambda e: int(e[1:]))
        print("%-10s %-10s events=%2d lines=%d largest=%d median=%s  %s" % (
            S.name, S.kind, len(counts), sum(counts.values()), max(counts.values()), med,
            " ".join("%s:%d" % (e, counts[e]) for e in order)))
        for e in errs:
            ok = False
            print("  FAIL:", e)
    print("self-check:", "PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
