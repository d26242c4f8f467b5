#!/usr/bin/env python3
"""Round 70 blind labelled log corpus generator.

Python 3 standard library only. Fully deterministic: no wall clock, no locale.
Base seed 20270196; system k (1..6) uses random.Random(20270196 * 10 + k).
All times come from an integer nanosecond clock on 2026-03-14 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for every system and then re-reads and self-checks every file.
"""
import csv
import os
import random
import re
import statistics
import sys
from collections import Counter, defaultdict

BASE_SEED = 20270196
ROOT = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300
CSV_HEADER = ["LineId", "Content", "EventId", "EventTemplate"]

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
Y, MO, D = 2026, 3, 14
MON = MONTHS[MO - 1]

NS_US = 1_000
NS_MS = 1_000_000
NS_S = 1_000_000_000
DAY_NS = 86_400 * NS_S


def days_from_civil(y, m, d):
    """Days since 1970-01-01 (proleptic Gregorian), integer arithmetic only."""
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


DAY0_UNIX = days_from_civil(Y, MO, D) * 86_400   # unix seconds at 2026-03-14 00:00:00 UTC


def at(h, m=0, s=0):
    return ((h * 60 + m) * 60 + s) * NS_S


def hms(ns):
    assert 0 <= ns < DAY_NS, ns
    sec, frac = divmod(ns, NS_S)
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    return h, m, s, frac


def _frac(v, digits):
    q, rem = divmod(v, 10 ** digits)
    if rem == 0:
        return str(q)
    return "%d.%s" % (q, str(rem).rjust(digits, "0").rstrip("0"))


def go_dur(ns):
    """Format nanoseconds like Go's time.Duration.String()."""
    ns = int(ns)
    if ns == 0:
        return "0s"
    if ns < NS_US:
        return "%dns" % ns
    if ns < NS_MS:
        return _frac(ns, 3) + "\u00b5s"
    if ns < NS_S:
        return _frac(ns, 6) + "ms"
    h, rem = divmod(ns, 3600 * NS_S)
    m, rem = divmod(rem, 60 * NS_S)
    out = ""
    if h:
        out += "%dh" % h
    if h or m:
        out += "%dm" % m
    return out + _frac(rem, 9) + "s"


def go_time(ns):
    """Go's time.Time.String() for a UTC time on the corpus day (no monotonic part)."""
    h, m, s, frac = hms(ns)
    f = ("." + ("%09d" % frac).rstrip("0")) if frac else ""
    return "%04d-%02d-%02d %02d:%02d:%02d%s +0000 UTC" % (Y, MO, D, h, m, s, f)


def render(tpl, vals):
    parts = tpl.split("<*>")
    assert len(parts) == len(vals) + 1, (tpl, vals)
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\r" not in v, (tpl, vals)
        out.append(v)
        out.append(p)
    return "".join(out)


def tpl_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")))


class System:
    def __init__(self, k, name, header_re, kind):
        self.k = k
        self.name = name
        self.header_re = header_re
        self.kind = kind
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.events = []
        self.by = {}
        self._cyc = {}

    def ev(self, key, tpl, **meta):
        assert key not in self.by
        e = {"key": key, "eid": "E%d" % (len(self.events) + 1), "tpl": tpl, "meta": meta}
        self.events.append(e)
        self.by[key] = e

    def cyc(self, key, slot, pool):
        """Small pools cycle per (event, slot) so each slot takes several values."""
        i = self._cyc.get((key, slot), 0)
        self._cyc[(key, slot)] = i + 1
        return pool[i % len(pool)]

    def header(self, ns, meta, extra):
        raise NotImplementedError


def shuffle_records(S, counts, gens, start_ns, mean_gap_s):
    """Seeded shuffle: fixed count per event, shuffled, forward-only exponential clock."""
    r = S.rng
    keys = []
    for e in S.events:
        keys.extend([e["key"]] * counts[e["key"]])
    assert len(keys) == N_LINES, (S.name, len(keys))
    r.shuffle(keys)
    t = start_ns
    recs = []
    for key in keys:
        t += int(r.expovariate(1.0 / mean_gap_s) * NS_S) + r.randint(1, 999) * NS_US
        S.now = t
        vals, extra = gens[key]()
        recs.append((t, key, vals, extra))
    return recs


class Sim:
    """Entities emit lines on their own clocks; merged in time order, first 300 kept."""

    def __init__(self):
        self.recs = []
        self.n_ent = 0

    def entity(self):
        self.n_ent += 1
        return [self.n_ent, 0]

    def add(self, ent, t, key, vals, extra=None):
        ent[1] += 1
        self.recs.append((t, ent[0], ent[1], key, vals, extra))

    def first(self, n=N_LINES):
        recs = sorted(self.recs, key=lambda x: (x[0], x[1], x[2]))
        assert len(recs) >= n, len(recs)
        return [(t, key, vals, extra) for (t, _e, _s, key, vals, extra) in recs[:n]]


# --------------------------------------------------------------------------------------
# shared value helpers (all invented)
FIRST = ["ana", "bruno", "chloe", "dmitri", "esther", "farid", "greta", "hugo", "ines",
         "jonas", "keiko", "lars", "maren", "nikhil", "olga", "pavel", "quinn", "rosa",
         "sven", "tamsin", "ulrich", "vera", "wim", "xiu", "yusuf", "zofia"]
LAST = ["adler", "brandt", "costa", "dalton", "eriksen", "fontaine", "gill", "haas",
        "ivers", "jaeger", "kowal", "lund", "moreau", "novak", "okafor", "petrov",
        "quist", "ramos", "sato", "thorne", "ueda", "varga", "weiss", "yilmaz", "zeller"]
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
HEX = "0123456789abcdef"


def rstr(r, alphabet, n):
    return "".join(r.choice(alphabet) for _ in range(n))


def person(r, domains, style=None):
    f, l = r.choice(FIRST), r.choice(LAST)
    style = style if style is not None else r.randint(0, 3)
    local = [f + "." + l, f[0] + l, f + l[0] + str(r.randint(2, 99)), f][style]
    return "%s@%s" % (local, r.choice(domains))


def pub_ip(r):
    return "%d.%d.%d.%d" % (r.choice([31, 45, 62, 77, 85, 91, 109, 141, 151, 176, 185,
                                        188, 193, 195, 212, 217]),
                            r.randint(0, 255), r.randint(0, 255), r.randint(1, 254))


def pub_ip6(r):
    return "2a0%d:%x:%x::%x" % (r.randint(1, 9), r.randint(0x100, 0xffff),
                                r.randint(0x1, 0xffff), r.randint(1, 0xfff))


def eport(r):
    return r.randint(32768, 60999)


# ======================================================================================
# 1. Mailpit -- seeded shuffle
def build_mailpit():
    S = System(1, "Mailpit",
               r"(?:INFO|WARN|ERRO|DEBU)\[(?P<d>\d{4}/\d{2}/\d{2}) (?P<t>\d{2}:\d{2}:\d{2})\] ",
               "shuffle")
    S.day = "%04d/%02d/%02d" % (Y, MO, D)

    def header(ns, meta, extra):
        h, m, s, _ = hms(ns)
        return "%s[%s %02d:%02d:%02d] " % (meta["lvl"], S.day, h, m, s)
    S.header = header
    r = S.rng

    S.ev("recv", '[smtpd] received (<*>) from:<*> subject:"<*>"', lvl="INFO")
    S.ev("prune", "[db] auto-pruned <*> messages in <*>", lvl="INFO")
    S.ev("delete", "[db] deleted <*> messages in <*>", lvl="INFO")
    S.ev("vacuum", "[db] vacuumed database in <*>", lvl="INFO")
    S.ev("ws_on", "[websocket] client connected (<*>)", lvl="INFO")
    S.ev("ws_off", "[websocket] client disconnected (<*>)", lvl="INFO")
    S.ev("relay_ok", "[relay] sent message <*> to <*> via <*>", lvl="INFO")
    S.ev("relay_err", "[relay] error: <*>", lvl="ERRO")
    S.ev("rcpt_rej", '[smtpd] rejected recipient "<*>" from <*>', lvl="WARN")
    S.ev("smtpd_err", "[smtpd] error: <*>", lvl="ERRO")
    S.ev("hook_ok", "[webhook] posted message <*> to <*> (<*>)", lvl="INFO")
    S.ev("hook_err", "[webhook] error: <*>", lvl="ERRO")
    S.ev("auth_fail", '[smtpd] authentication failed for "<*>" from <*>', lvl="WARN")
    S.ev("mark_read", "[db] marked <*> messages as read", lvl="INFO")

    counts = {"recv": 70, "relay_ok": 45, "ws_on": 35, "ws_off": 28, "mark_read": 24,
              "prune": 20, "hook_ok": 18, "vacuum": 15, "delete": 12, "smtpd_err": 10,
              "relay_err": 8, "rcpt_rej": 6, "hook_err": 5, "auth_fail": 4}

    client_ips = ["172.18.0.1", "172.18.0.5", "172.18.0.7", "127.0.0.1", "10.0.2.2",
                  "192.168.65.1", "172.18.0.12"]
    senders = ["noreply@shop.devbox.test", "alerts@ci.devbox.test", "no-reply@accounts.acme.test",
               "billing@invoicer.local", "notifications@forum.dev.test", "support@helpdesk.local",
               "digest@newsroom.devbox.test", "security@accounts.acme.test"]
    rcpt_domains = ["example.test", "acme.test", "devbox.test", "qa.internal"]
    branches = ["main", "develop", "release/2.14", "feature/checkout-v2", "hotfix/tax-rounding"]

    def subject():
        k = r.randint(0, 10)
        F = r.choice(FIRST).capitalize()
        return [
            lambda: "Your order #%d has shipped" % r.randint(10000, 99999),
            lambda: "Reset your password",
            lambda: "Welcome to Acme, %s!" % F,
            lambda: "[CI] Pipeline #%d failed on %s" % (r.randint(3000, 9999), r.choice(branches)),
            lambda: "Invoice INV-2026-%04d from Brightwave" % r.randint(1, 2400),
            lambda: "%s %s mentioned you in a comment" % (F, r.choice(LAST).capitalize()),
            lambda: "Weekly report: %d new signups" % r.randint(3, 480),
            lambda: "Verify your email address",
            lambda: "Your login code is %06d" % r.randint(0, 999999),
            lambda: "Reminder: %s shift starts at %02d:00" % (F, r.randint(6, 22)),
            lambda: "Ticket #%d updated: status changed to %s" % (r.randint(100, 9999),
                                                                 r.choice(["Pending", "Solved", "Open"])),
        ][k]()

    def mpid():
        return rstr(r, B62, 22)

    def rcpt():
        return person(r, rcpt_domains)

    def g_recv():
        return [r.choice(client_ips), r.choice(senders), subject()], None

    def g_prune():
        return [r.randint(1, 480), go_dur(r.randint(700_000, 96_000_000))], None

    def g_delete():
        return [r.choice([1, 1, 2, 3, 5, 12, 40, r.randint(1, 900)]),
                go_dur(r.randint(300_000, 60_000_000))], None

    def g_vacuum():
        return [go_dur(r.randint(4_000_000, 2_400_000_000))], None

    def g_ws():
        return ["%s:%d" % (r.choice(client_ips), eport(r))], None

    def g_relay_ok():
        rc = ", ".join(rcpt() for _ in range(r.choice([1, 1, 1, 2, 3])))
        return [mpid(), rc, S.cyc("relay_ok", "via", ["smtp.sendrelay.test:587",
                                                      "mail-relay.dev.internal:25"])], None

    def g_relay_err():
        kinds = [
            lambda: "dial tcp 10.20.%d.%d:587: connect: connection refused" % (r.randint(0, 9), r.randint(2, 250)),
            lambda: "535 5.7.8 Authentication credentials invalid",
            lambda: "read tcp 172.18.0.3:%d->10.20.0.15:587: i/o timeout" % eport(r),
            lambda: "550 5.1.1 <%s>: Recipient address rejected: User unknown in virtual mailbox table" % rcpt(),
            lambda: "x509: certificate is valid for *.mailhost.test, not mail-relay.dev.internal",
        ]
        return [S.cyc("relay_err", "kind", kinds)()], None

    def g_rcpt_rej():
        return [rcpt(), r.choice(client_ips)], None

    def g_smtpd_err():
        kinds = [
            lambda: "read tcp 172.18.0.3:1025->%s:%d: read: connection reset by peer" % (r.choice(client_ips), eport(r)),
            lambda: "read tcp 172.18.0.3:1025->%s:%d: i/o timeout" % (r.choice(client_ips), eport(r)),
            lambda: "message size %d exceeds limit of 10485760 bytes" % r.randint(10_500_000, 40_000_000),
            lambda: "tls: first record does not look like a TLS handshake",
            lambda: "too many recipients (%d > 100)" % r.randint(101, 600),
        ]
        return [S.cyc("smtpd_err", "kind", kinds)()], None

    hooks = ["http://hooks.devbox.test:9000/mailpit", "https://n8n.qa.internal/webhook/7f3c2a91"]

    def g_hook_ok():
        return [mpid(), S.cyc("hook_ok", "url", hooks),
                S.cyc("hook_ok", "status", ["200 OK", "204 No Content", "200 OK", "202 Accepted"])], None

    def g_hook_err():
        kinds = [
            lambda: 'Post "%s": dial tcp 172.18.0.9:9000: connect: connection refused' % hooks[0],
            lambda: 'Post "%s": context deadline exceeded (Client.Timeout exceeded while awaiting headers)' % hooks[1],
            lambda: "unexpected response %d from %s" % (r.choice([500, 502, 503]), hooks[1]),
        ]
        return [S.cyc("hook_err", "kind", kinds)()], None

    def g_auth_fail():
        return [r.choice(["mailpit", "smtp-test", "app", "ci-runner", "admin"]),
                r.choice(client_ips)], None

    def g_mark_read():
        return [r.choice([1, 1, 1, 2, 4, r.randint(2, 80)])], None

    gens = {"recv": g_recv, "prune": g_prune, "delete": g_delete, "vacuum": g_vacuum,
            "ws_on": g_ws, "ws_off": g_ws, "relay_ok": g_relay_ok, "relay_err": g_relay_err,
            "rcpt_rej": g_rcpt_rej, "smtpd_err": g_smtpd_err, "hook_ok": g_hook_ok,
            "hook_err": g_hook_err, "auth_fail": g_auth_fail, "mark_read": g_mark_read}
    return S, shuffle_records(S, counts, gens, at(9, 0, 4), 38.0)


# ======================================================================================
# 2. Listmonk -- simulation (campaigns, import jobs, bounce stream, admin API errors)
def build_listmonk():
    S = System(2, "Listmonk",
               r"(?P<d>\d{4}/\d{2}/\d{2}) (?P<t>\d{2}:\d{2}:\d{2}) [a-z_]+\.go:\d+: ",
               "simulation")
    S.day = "%04d/%02d/%02d" % (Y, MO, D)

    def header(ns, meta, extra):
        h, m, s, _ = hms(ns)
        return "%s %02d:%02d:%02d %s: " % (S.day, h, m, s, meta["src"])
    S.header = header
    r = S.rng

    S.ev("c_start", "start processing campaign (<*>)", src="pipe.go:92")
    S.ev("c_prog", "campaign (<*>): sent <*> of <*> messages, rate <*>/min", src="pipe.go:207")
    S.ev("c_senderr", "error sending message in campaign <*>: subscriber <*>: <*>", src="manager.go:318")
    S.ev("c_window", "messages exceeded (<*>) for the window (<*> since <*>). Sleeping for <*>.",
         src="manager.go:521")
    S.ev("c_done", "campaign (<*>) finished", src="pipe.go:133")
    S.ev("c_pause", "campaign (<*>) paused", src="pipe.go:141")
    S.ev("c_cancel", "campaign (<*>) cancelled", src="pipe.go:149")
    S.ev("i_start", "processing '<*>'", src="importer.go:398")
    S.ev("i_prog", "imported <*>", src="importer.go:566")
    S.ev("i_done", "imported finished", src="importer.go:480")
    S.ev("i_err", "error importing '<*>': <*>", src="importer.go:472")
    S.ev("b_rec", "recorded <*> bounce for <*> from <*>", src="bounce.go:140")
    S.ev("b_block", "blocklisted subscriber <*> after <*> bounces", src="bounce.go:187")
    S.ev("h_err", "error fetching campaign stats: <*>", src="campaigns.go:91")

    sim = Sim()
    sub_domains = ["gmail.test", "posteo.test", "fastmail.test", "web.test", "kestrel.example",
                   "outlook.test", "mailbox.test"]

    def uuid4():
        h = rstr(r, HEX, 32)
        return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], r.choice("89ab"), h[17:20], h[20:32])

    # campaigns ---------------------------------------------------------------------
    topics = ["March Newsletter", "Spring Sale 2026", "Product Update #14", "Webinar invite: Data pipelines",
              "Weekly digest 11", "Members-only preview", "Release notes v4.2", "Pi Day offer",
              "Community call recap", "Survey: tell us more", "Onboarding tips (week 2)", "Security notice",
              "Conference early bird", "Partner spotlight", "Holiday hours update", "Beta invite round 3"]
    r.shuffle(topics)
    outcomes = ["finished", "finished", "paused", "finished", "cancelled", "finished", "paused",
                "finished", "cancelled", "paused", "finished", "cancelled", "finished", "finished",
                "paused", "finished"]
    send_errs = [
        lambda: "dial tcp 10.40.0.%d:587: i/o timeout" % r.randint(10, 30),
        lambda: "554 5.7.1 Message rejected: Email address is not verified",
        lambda: "timed out waiting for free conn in pool",
        lambda: "421 4.7.0 Try again later, closing connection",
        lambda: "EOF",
        lambda: "452 4.5.3 Too many recipients",
    ]
    windows = [(3000, 5 * 60 * NS_S), (1000, 60 * NS_S), (10000, 3600 * NS_S)]

    t = at(8, 1, 12)
    for ci in range(len(topics)):
        t += int(r.expovariate(1 / 400.0) * NS_S) + r.randint(0, 999) * NS_MS
        ent = sim.entity()
        name = topics[ci]
        total = r.randint(900, 16000)
        rate = r.choice([600, 900, 1200, 1500, 2400])
        outcome = outcomes[ci % len(outcomes)]
        stop_frac = r.uniform(0.2, 0.8)
        window = windows[ci % len(windows)] if r.random() < 0.5 else None
        tc = t
        sim.add(ent, tc, "c_start", [name])
        sent = 0
        win_start, win_sent = tc, 0
        while True:
            step = r.randint(40, 75) * NS_S + r.randint(0, 999) * NS_MS
            n = max(1, int(rate * step / NS_S / 60 * r.uniform(0.8, 1.1)))
            hit = bool(window) and win_sent + n >= window[0]
            if hit:
                n = max(1, window[0] - win_sent)
            tc += step
            sent = min(total, sent + n)
            win_sent += n
            if r.random() < 0.13:
                sim.add(ent, tc - r.randint(1, 30) * NS_S, "c_senderr",
                        [name, uuid4(), r.choice(send_errs)()])
            sim.add(ent, tc, "c_prog", [name, sent, total, int(n * 60 * NS_S / step)])
            if outcome != "finished" and sent >= stop_frac * total:
                sim.add(ent, tc + r.randint(2, 50) * NS_S, "c_pause" if outcome == "paused" else "c_cancel", [name])
                break
            if sent >= total:
                sim.add(ent, tc + r.randint(1, 4) * NS_S, "c_done", [name])
                break
            if hit:
                tc += r.randint(1, 900) * NS_MS
                sleep = max(window[1] - (tc - win_start), 3 * NS_S + r.randint(0, 999) * NS_MS)
                sleep += r.randint(0, 999_999)
                sim.add(ent, tc, "c_window", [window[0], go_dur(window[1]), go_time(win_start), go_dur(sleep)])
                tc += sleep
                win_start, win_sent = tc, 0

    # import jobs -------------------------------------------------------------------
    files = ["subscribers-2026-03.csv", "crm_export_0314.zip", "webinar-attendees.csv", "legacy_list.csv",
             "shop_customers_q1.csv", "newsletter-optins.zip", "conference-2025.csv", "partners.csv"]
    imp_errs = [
        lambda: "line %d: invalid email: %s" % (r.randint(2, 9000), r.choice(["n/a", "john@@example", "-", "mary.example.com"])),
        lambda: "error reading CSV: record on line %d: wrong number of fields" % r.randint(2, 9000),
        lambda: "zip: not a valid zip file",
        lambda: "pq: duplicate key value violates unique constraint \"subscribers_email_key\"",
    ]
    imp_ok = [True, False, True, False, True, False, True, True]
    t = at(8, 6, 40)
    for ii, fn in enumerate(files):
        t += int(r.expovariate(1 / 620.0) * NS_S)
        ent = sim.entity()
        tc = t
        sim.add(ent, tc, "i_start", [fn])
        total = r.randint(2500, 30000)
        stop_at = total if imp_ok[ii] else int(total * r.uniform(0.1, 0.7))
        done = 0
        while True:
            tc += r.randint(3, 9) * NS_S + r.randint(0, 999) * NS_MS
            done = min(stop_at, done + r.randint(900, 3500))
            if done >= stop_at:
                break
            sim.add(ent, tc, "i_prog", [done])
        if imp_ok[ii]:
            sim.add(ent, tc, "i_prog", [done])
            sim.add(ent, tc + r.randint(0, 900) * NS_MS, "i_done", [])
        else:
            sim.add(ent, tc, "i_err", [fn, S.cyc("i_err", "why", imp_errs)()])

    # bounce stream -----------------------------------------------------------------
    t = at(8, 0, 30)
    ent = sim.entity()
    for _ in range(160):
        t += int(r.expovariate(1 / 110.0) * NS_S) + r.randint(0, 999) * NS_MS
        kind = r.choice(["soft", "soft", "hard", "hard", "complaint"])
        email = person(r, sub_domains)
        src = r.choice(["ses", "sendgrid", "postmark", "api", "mailbox"])
        sim.add(ent, t, "b_rec", [kind, email, src])
        if kind != "soft" and r.random() < 0.2:
            sim.add(ent, t + r.randint(50, 900) * NS_MS, "b_block", [email, r.choice([1, 2, 3, 5])])

    # admin API errors --------------------------------------------------------------
    herrs = [
        lambda: "pq: canceling statement due to statement timeout",
        lambda: "dial tcp 10.40.0.5:5432: connect: connection refused",
        lambda: "pq: could not resize shared memory segment \"/PostgreSQL.%d\" to %d bytes: No space left on device" % (r.randint(10**8, 10**9), r.choice([8388608, 16777216])),
        lambda: "context canceled",
    ]
    t = at(8, 3, 0)
    ent = sim.entity()
    for _ in range(30):
        t += int(r.expovariate(1 / 700.0) * NS_S) + r.randint(0, 999) * NS_MS
        sim.add(ent, t, "h_err", [S.cyc("h_err", "why", herrs)()])

    return S, sim.first()


# ======================================================================================
# 3. Postorius / HyperKitty (mailman-web, Django logging 'verbose' formatter) -- shuffle
def build_postorius():
    S = System(3, "Postorius",
               r"(?:DEBUG|INFO|WARNING|ERROR|CRITICAL) (?P<d>\d{4}-\d{2}-\d{2}) "
               r"(?P<t>\d{2}:\d{2}:\d{2},\d{3}) \d+ [A-Za-z_][\w.-]* ",
               "shuffle")
    S.day = "%04d-%02d-%02d" % (Y, MO, D)

    def header(ns, meta, extra):
        h, m, s, frac = hms(ns)
        return "%s %s %02d:%02d:%02d,%03d %d %s " % (meta["lvl"], S.day, h, m, s, frac // NS_MS,
                                                     extra["pid"], meta["logger"])
    S.header = header
    r = S.rng

    S.ev("nf", "Not Found: <*>", lvl="WARNING", logger="django.request")
    S.ev("q_proc", "<*> processing [<*>]", lvl="INFO", logger="django-q")
    S.ev("q_done", "Processed [<*>]", lvl="INFO", logger="django-q")
    S.ev("archived", "Archived message <*> in <*>", lvl="INFO", logger="hyperkitty.views.mailman")
    S.ev("q_enq", "Enqueued <*>", lvl="INFO", logger="django-q")
    S.ev("perm", "Forbidden (Permission denied): <*>", lvl="WARNING", logger="django.request")
    S.ev("ise", "Internal Server Error: <*>", lvl="ERROR", logger="django.request")
    S.ev("sub_acc", "Accepted subscription request <*> for <*> on <*>", lvl="INFO", logger="postorius.views.list")
    S.ev("sub_rej", "Rejected subscription request <*> for <*> on <*>", lvl="INFO", logger="postorius.views.list")
    S.ev("csrf_tok", "Forbidden (CSRF token missing.): <*>", lvl="WARNING", logger="django.security.csrf")
    S.ev("bad", "Bad Request: <*>", lvl="WARNING", logger="django.request")
    S.ev("api_err", "Mailman REST API request <*> <*> failed: <*>", lvl="ERROR", logger="postorius")
    S.ev("q_fail", "Failed [<*>] - <*>", lvl="ERROR", logger="django-q")
    S.ev("csrf_cookie", "Forbidden (CSRF cookie not set.): <*>", lvl="WARNING", logger="django.security.csrf")

    counts = {"nf": 70, "q_proc": 45, "q_done": 35, "archived": 28, "q_enq": 24, "perm": 20, "ise": 18,
              "sub_acc": 15, "sub_rej": 12, "csrf_tok": 10, "bad": 8, "api_err": 6, "q_fail": 5,
              "csrf_cookie": 4}

    web_pids = [2841, 2842, 2843, 2846]
    lists = [("announce", "lists.wrenfield.example"), ("dev", "lists.wrenfield.example"),
             ("users", "lists.wrenfield.example"), ("board", "lists.kestrel-labs.test"),
             ("events", "lists.kestrel-labs.test"), ("translators", "lists.kestrel-labs.test")]
    words = ["alpha", "autumn", "bacon", "beryllium", "blossom", "bravo", "cardinal", "carpet", "charlie",
             "coffee", "colorado", "delta", "diet", "echo", "emma", "fillet", "fish", "florida", "four",
             "golf", "hamper", "hawaii", "helium", "hotel", "india", "jig", "juliet", "kilo", "king",
             "lake", "lemon", "lima", "lithium", "magnesium", "mango", "mike", "minnesota", "monkey",
             "nebraska", "nine", "nitrogen", "oscar", "oven", "papa", "pizza", "quebec", "red", "river",
             "romeo", "salami", "seven", "sierra", "snake", "social", "spring", "stairway", "tango",
             "tennis", "three", "uncle", "uniform", "vegan", "victor", "washington", "whiskey", "wolfram",
             "xray", "yankee", "yellow", "zebra", "zulu"]
    user_domains = ["wrenfield.example", "kestrel-labs.test", "posteo.test", "gmail.test", "fastmail.test"]

    def fqdn():
        n, d = r.choice(lists)
        return "%s@%s" % (n, d)

    def listid():
        n, d = r.choice(lists)
        return "%s.%s" % (n, d)

    def b32(n=32):
        return rstr(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", n)

    def task():
        return "-".join(r.choice(words) for _ in range(4))

    def web():
        return {"pid": r.choice(web_pids)}

    def nf_path():
        return r.choice([
            lambda: "/archives/list/%s/message/%s/" % (fqdn(), b32()),
            lambda: "/archives/list/%s/thread/%s/" % (fqdn(), b32()),
            lambda: "/archives/list/%s/%d/%d/" % (fqdn(), r.choice([2019, 2021, 2023, 2024]), r.randint(1, 12)),
            lambda: "/postorius/lists/%s/held_messages/%d" % (listid(), r.randint(1, 400)),
            lambda: r.choice(["/favicon.ico", "/wp-login.php", "/.env", "/apple-touch-icon.png",
                              "/xmlrpc.php", "/.git/config", "/mailman3/static/img/logo.png"]),
            lambda: "/archives/list/%s/latest" % fqdn(),
        ])()

    def g_nf():
        return [nf_path()], web()

    def g_q_proc():
        k = r.randint(1, 4)
        return ["Process-1:%d" % k, task()], {"pid": 3102 + k}

    def g_q_done():
        return [task()], {"pid": 3101}

    def g_archived():
        return [b32(), fqdn()], web()

    def g_q_enq():
        return [task()], {"pid": 3100}

    def g_perm():
        return [r.choice([
            lambda: "/postorius/lists/%s/members/member/" % listid(),
            lambda: "/postorius/lists/%s/settings/" % listid(),
            lambda: "/archives/list/%s/message/%s/delete" % (fqdn(), b32()),
            lambda: "/postorius/lists/%s/held_messages" % listid(),
        ])()], web()

    def g_ise():
        return [r.choice([
            lambda: "/postorius/lists/%s/" % listid(),
            lambda: "/archives/list/%s/" % fqdn(),
            lambda: "/archives/search",
            lambda: "/postorius/lists/%s/subscription_requests" % listid(),
            lambda: "/accounts/login/",
        ])()], web()

    def g_sub(key):
        def g():
            return [rstr(r, HEX, 40), person(r, user_domains), listid()], web()
        return g

    def g_csrf():
        return [r.choice(["/accounts/login/", "/accounts/signup/",
                          "/postorius/lists/%s/" % listid(), "/archives/list/%s/message/new" % fqdn(),
                          "/accounts/password/reset/"])], web()

    def g_bad():
        return [r.choice([
            lambda: "/archives/search?q=%s&page=%d" % (r.choice(["%27", "%00", "%25%32%37"]), r.randint(2, 900)),
            lambda: "/archives/list/%s/export/%s.mbox.gz" % (fqdn(), r.choice(["all", "2025-13", "x"])),
            lambda: "/postorius/lists/%s/members/%s" % (listid(), r.choice(["owner", "x", "nonmember2"])),
        ])()], web()

    def g_api():
        method = S.cyc("api_err", "method", ["GET", "POST", "PATCH", "DELETE"])
        url = r.choice([
            "http://localhost:8001/3.1/lists/%s/roster/member" % listid(),
            "http://localhost:8001/3.1/lists/%s/requests" % listid(),
            "http://localhost:8001/3.1/members/%s" % rstr(r, HEX, 32),
            "http://localhost:8001/3.1/lists/%s/config" % listid(),
        ])
        why = S.cyc("api_err", "why", ["[Errno 111] Connection refused", "HTTP Error 500: Internal Server Error",
                                       "Read timed out. (read timeout=30)",
                                       "HTTP Error 404: 404 Not Found"])
        return [method, url, why], web()

    def g_q_fail():
        why = S.cyc("q_fail", "why", ["OperationalError: database is locked",
                                      "TimeoutError: task exceeded 300 seconds",
                                      "MailmanConnectionError: Could not connect to Mailman API http://localhost:8001/3.1",
                                      "FileNotFoundError: [Errno 2] No such file or directory: '/opt/mailman/web/fulltext_index/_MAIN_1.toc'"])
        return [task(), why], {"pid": 3101}

    gens = {"nf": g_nf, "q_proc": g_q_proc, "q_done": g_q_done, "archived": g_archived, "q_enq": g_q_enq,
            "perm": g_perm, "ise": g_ise, "sub_acc": g_sub("acc"), "sub_rej": g_sub("rej"),
            "csrf_tok": g_csrf, "bad": g_bad, "api_err": g_api, "q_fail": g_q_fail, "csrf_cookie": g_csrf}
    return S, shuffle_records(S, counts, gens, at(6, 0, 2), 45.0)


# ======================================================================================
# 4. Roundcube (logs/errors.log + logs/userlogins.log, plus PHP's own error_log lines) -- shuffle
def build_roundcube():
    S = System(4, "Roundcube",
               r"\[(?P<d>\d{2}-[A-Z][a-z]{2}-\d{4}) (?P<t>\d{2}:\d{2}:\d{2}) "
               r"(?:[+-]\d{4}\]: (?:<[0-9a-v]{8}> )?|UTC\] )",
               "shuffle")
    S.day = "%02d-%s-%04d" % (D, MON, Y)

    def header(ns, meta, extra):
        h, m, s, _ = hms(ns)
        if meta.get("php"):
            return "[%s %02d:%02d:%02d UTC] " % (S.day, h, m, s)
        sess = extra.get("sess") if extra else None
        return "[%s %02d:%02d:%02d +0000]: %s" % (S.day, h, m, s, ("<%s> " % sess[:8]) if sess else "")
    S.header = header
    r = S.rng

    RC = "/var/www/roundcube"
    IMAP_PHP = RC + "/program/lib/Roundcube/rcube_imap.php"
    SEND_PHP = RC + "/program/include/rcmail_sendmail.php"
    SEND_REQ = "(POST /?_task=mail&_unlock=<*>&_framed=1&_action=send)"

    S.ev("ok", "Successful login for <*> (ID: <*>) from <*> in session <*>")
    S.ev("fail", "Failed login for <*> from <*> in session <*> (error: <*>)")
    S.ev("imap_login", "IMAP Error: Login failed for <*> against <*> from <*>. <*> in %s on line 211 "
                       "(POST /?_task=login&_action=login)" % IMAP_PHP)
    S.ev("php_key", 'PHP Warning:  Undefined array key "<*>" in <*> on line <*>', php=True)
    S.ev("smtp_rcpt", "SMTP Error: Failed to add recipient '<*>' (Code: <*>) in %s on line 1357 %s" % (SEND_PHP, SEND_REQ))
    S.ev("php_dep", "PHP Deprecated:  <*> in <*> on line <*>", php=True)
    S.ev("smtp_auth", "SMTP Error: Authentication failure: <*> (Code: <*>) in %s on line 1357 %s" % (SEND_PHP, SEND_REQ))
    S.ev("csrf", "PHP Error: Request security check failed in %s/program/include/rcmail.php on line 1021 (<*> <*>)" % RC)
    S.ev("db", "DB Error: <*> in %s/program/lib/Roundcube/rcube_db.php on line 564 (<*> <*>)" % RC)
    S.ev("imap_conn", "IMAP Error: Could not connect to <*>: <*> in %s on line 200 (<*> <*>)" % IMAP_PHP)
    S.ev("sieve", "Managesieve: Unable to connect to managesieve on <*>: <*> in %s/plugins/managesieve/lib/"
                  "Roundcube/rcube_sieve_engine.php on line 218 (<*> <*>)" % RC)
    S.ev("smtp_conn", "SMTP Error: Connection failed: <*> in %s on line 1357 %s" % (SEND_PHP, SEND_REQ))
    S.ev("php_mem", "PHP Fatal error:  Allowed memory size of <*> bytes exhausted (tried to allocate <*> bytes) "
                    "in <*> on line <*>", php=True)
    S.ev("php_fpc", "PHP Warning:  file_put_contents(<*>): Failed to open stream: Permission denied "
                    "in <*> on line <*>", php=True)

    counts = {"ok": 70, "fail": 45, "imap_login": 35, "php_key": 28, "smtp_rcpt": 24, "php_dep": 20,
              "smtp_auth": 18, "csrf": 15, "db": 12, "imap_conn": 10, "sieve": 8, "smtp_conn": 6,
              "php_mem": 5, "php_fpc": 4}

    domains = ["northfield.example", "lakeside-coop.test"]
    users = []
    for i in range(34):
        u = person(r, domains, style=i % 3)
        users.append((u, r.randint(2, 640)))
    sess_alpha = "0123456789abcdefghijklmnopqrstuv"

    def sess():
        return rstr(r, sess_alpha, 26)

    def cip():
        return r.choice([lambda: pub_ip(r), lambda: "10.12.%d.%d" % (r.randint(0, 3), r.randint(2, 250)),
                         lambda: pub_ip6(r)])()

    def unlock():
        # the compose screen was opened a little before the failing send request
        return "loading%d" % (DAY0_UNIX * 1000 + (S.now - r.randint(20, 1800) * NS_S) // NS_MS)

    def g_ok():
        u, uid = r.choice(users)
        s = sess()
        return [u, uid, cip(), s], {"sess": s}

    def g_fail():
        u = r.choice([lambda: r.choice(users)[0], lambda: person(r, domains),
                      lambda: r.choice(["admin", "test", "info", "webmaster", "root"])])()
        s = sess()
        return [u, cip(), s, S.cyc("fail", "err", [0, 0, 0, 3])], {"sess": s}

    imap_hosts = ["localhost", "imap.northfield.example"]

    def g_imap_login():
        u = r.choice([lambda: r.choice(users)[0], lambda: r.choice(["admin", "test", "info", "sales"])])()
        why = S.cyc("imap_login", "why", ["AUTHENTICATE PLAIN: Authentication failed.", "LOGIN: Authentication failed.",
                                          "AUTHENTICATE PLAIN: Authentication failed.",
                                          "AUTHENTICATE PLAIN: [UNAVAILABLE] Temporary authentication failure."])
        return [u, S.cyc("imap_login", "host", imap_hosts), cip(), why], {"sess": sess()}

    key_sites = [("_task", RC + "/program/include/rcmail.php", 171),
                 ("identity", RC + "/plugins/password/password.php", 244),
                 ("mailbox", RC + "/program/actions/mail/index.php", 1312),
                 ("pref_name", RC + "/plugins/carddav/src/Frontend/AdminSettings.php", 512),
                 ("HTTP_X_FORWARDED_PROTO", RC + "/program/lib/Roundcube/rcube_utils.php", 812)]

    def g_php_key():
        k, f, ln = S.cyc("php_key", "site", key_sites)
        return [k, f, ln], None

    def g_smtp_rcpt():
        rc = r.choice([lambda: person(r, ["gmial.test", "example.invalid", "outlook.test", "posteo.test"]),
                       lambda: "undisclosed-recipients:"])()
        return [rc, S.cyc("smtp_rcpt", "code", [550, 553, 550, 554, 450]), unlock(), ], {"sess": sess()}

    dep_sites = [("Creation of dynamic property rcube_imap_generic::$prefs is deprecated",
                  RC + "/program/lib/Roundcube/rcube_imap_generic.php", 96),
                 ("strlen(): Passing null to parameter #1 ($string) of type string is deprecated",
                  RC + "/plugins/managesieve/lib/Roundcube/rcube_sieve_script.php", 1104),
                 ("Optional parameter $args declared before required parameter $uid is implicitly treated as a required parameter",
                  RC + "/plugins/enigma/lib/enigma_engine.php", 563),
                 ("Return type of Net_LDAP3_Result::current() should either be compatible with Iterator::current(): mixed",
                  RC + "/vendor/pear/net_ldap3/lib/Net/LDAP3/Result.php", 133)]

    def g_php_dep():
        t, f, ln = S.cyc("php_dep", "site", dep_sites)
        return [t, f, ln], None

    def g_smtp_auth():
        why, code = S.cyc("smtp_auth", "why", [("Invalid response code received from server", 535),
                                               ("SMTP server does not support authentication", ""),
                                               ("Invalid response code received from server", 454)])
        if code == "":
            code = 504
        return [why, code, unlock()], {"sess": sess()}

    def g_csrf():
        method = S.cyc("csrf", "method", ["POST", "GET", "POST"])
        url = {"POST": r.choice(["/?_task=settings&_action=save-identity", "/?_task=mail&_action=send",
                                 "/?_task=settings&_action=save-pref", "/?_task=addressbook&_action=save"]),
               "GET": r.choice(["/?_task=mail&_action=show&_uid=%d&_mbox=INBOX" % r.randint(1, 9000),
                                "/?_task=logout", "/?_task=mail&_mbox=Sent&_action=list"])}[method]
        return [method, url], {"sess": sess() if r.random() < 0.6 else None}

    def g_db():
        why = S.cyc("db", "why", [
            "[2002] Connection refused (SQL Query: SELECT * FROM `session` WHERE `sess_id` = '%s')" % sess(),
            "[1213] Deadlock found when trying to get lock; try restarting transaction (SQL Query: UPDATE `cache_index` SET `valid` = 1 WHERE `user_id` = %d)" % r.randint(2, 640),
            "SQLSTATE[HY000]: General error: 1205 Lock wait timeout exceeded; try restarting transaction",
        ])
        method = r.choice(["GET", "POST"])
        url = r.choice(["/?_task=mail&_action=list&_mbox=INBOX&_refresh=1", "/?_task=login",
                        "/?_task=mail&_action=refresh", "/?_task=mail&_action=show&_uid=%d&_mbox=INBOX" % r.randint(1, 9000)])
        return [why, method, url], {"sess": sess()}

    def g_imap_conn():
        tgt = S.cyc("imap_conn", "tgt", ["ssl://imap.northfield.example:993", "tls://localhost:143"])
        why = S.cyc("imap_conn", "why", ["Connection refused", "Connection timed out", "Empty startup greeting",
                                         "stream_socket_client(): SSL operation failed with code 1"])
        method = S.cyc("imap_conn", "m", ["GET", "POST"])
        url = r.choice(["/?_task=mail&_action=refresh", "/?_task=login&_action=login", "/?_task=mail&_mbox=INBOX"])
        return [tgt, why, method, url], {"sess": sess()}

    def g_sieve():
        host = S.cyc("sieve", "host", ["localhost:4190", "sieve.northfield.example:4190"])
        why = S.cyc("sieve", "why", ["Connection refused", "Authentication failed", "Connection timed out"])
        method, url = S.cyc("sieve", "req", [("GET", "/?_task=settings&_action=plugin.managesieve"),
                                             ("POST", "/?_task=settings&_action=plugin.managesieve-action"),
                                             ("GET", "/?_task=settings&_action=plugin.managesieve-vacation")])
        return [host, why, method, url], {"sess": sess()}

    def g_smtp_conn():
        why = S.cyc("smtp_conn", "why", ["Failed to connect socket: Connection refused",
                                         "Failed to connect socket: Connection timed out",
                                         "Failed to connect socket: stream_socket_client(): unable to connect to "
                                         "ssl://smtp.northfield.example:465 (Connection refused)"])
        return [why, unlock()], {"sess": sess()}

    def g_php_mem():
        lim = S.cyc("php_mem", "lim", [134217728, 268435456])
        f, ln = S.cyc("php_mem", "site", [(RC + "/program/lib/Roundcube/rcube_imap_generic.php", 1302),
                                          (RC + "/program/lib/Roundcube/rcube_message.php", 842)])
        return [lim, r.randint(2_000_000, 90_000_000), f, ln], None

    def g_php_fpc():
        p = S.cyc("php_fpc", "p", [RC + "/temp/RCMTMP%s" % rstr(r, HEX, 13), RC + "/logs/imap.log"])
        f, ln = S.cyc("php_fpc", "site", [(RC + "/program/lib/Roundcube/rcube_message.php", 266),
                                          (RC + "/program/lib/Roundcube/rcube.php", 1451)])
        return [p, f, ln], None

    gens = {"ok": g_ok, "fail": g_fail, "imap_login": g_imap_login, "php_key": g_php_key, "smtp_rcpt": g_smtp_rcpt,
            "php_dep": g_php_dep, "smtp_auth": g_smtp_auth, "csrf": g_csrf, "db": g_db, "imap_conn": g_imap_conn,
            "sieve": g_sieve, "smtp_conn": g_smtp_conn, "php_mem": g_php_mem, "php_fpc": g_php_fpc}
    return S, shuffle_records(S, counts, gens, at(7, 0, 11), 60.0)


# ======================================================================================
# 5. SnappyMail -- simulation (webmail user sessions issuing JSON/Raw requests)
def build_snappymail():
    S = System(5, "SnappyMail",
               r"\[(?P<t>\d{2}:\d{2}:\d{2}\.\d{3})\]\[[0-9a-f]{8}\] (?:INFO|NOTICE|WARNING|ERROR)\[[A-Z]+\]: ",
               "simulation")

    def header(ns, meta, extra):
        h, m, s, frac = hms(ns)
        return "[%02d:%02d:%02d.%03d][%s] %s: " % (h, m, s, frac // NS_MS, extra["guid"], meta["lvl"])
    S.header = header
    r = S.rng

    S.ev("req", "[<*>] <*>", lvl="INFO[DATA]")
    S.ev("action", "Action: <*>", lvl="INFO[DATA]")
    S.ev("sock_start", 'Start connection to "<*>"', lvl="INFO[SOCKET]")
    S.ev("sock_ok", 'Connected ("<*>" / <*>)', lvl="INFO[SOCKET]")
    S.ev("greet", "< * OK <*>", lvl="INFO[DATA]")
    S.ev("login", '> TAG1 LOGIN "<*>" "********"', lvl="INFO[DATA]")
    S.ev("login_ok", "< TAG1 OK <*> Logged in", lvl="INFO[DATA]")
    S.ev("login_no", "< TAG1 NO [AUTHENTICATIONFAILED] Authentication failed.", lvl="INFO[DATA]")
    S.ev("authlog", "Auth failed: ip=<*> user=<*> host=<*> port=<*>", lvl="WARNING[AUTH]")
    S.ev("select", '> TAG2 SELECT "<*>"', lvl="INFO[DATA]")
    S.ev("search", "> TAG3 UID SEARCH <*>", lvl="INFO[DATA]")
    S.ev("fetch", "> <*> UID FETCH <*> (<*>)", lvl="INFO[DATA]")
    S.ev("fetch_resp", "< * <*> FETCH (UID <*> FLAGS (<*>))", lvl="INFO[DATA]")
    S.ev("tag_ok", "< <*> OK <*> completed (<*> + <*> secs).", lvl="INFO[DATA]")
    S.ev("disc", "Disconnected", lvl="INFO[SOCKET]")

    sim = Sim()
    hosts = [
        {"dom": "kestrel.example", "url": "ssl://imap.kestrel.example:993", "host": "imap.kestrel.example",
         "port": 993,
         "greet": "[CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ AUTH=PLAIN] Dovecot (Debian) ready.",
         "caps": "[CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY THREAD=REFERENCES "
                 "MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 "
                 "CONDSTORE QRESYNC ESEARCH SEARCHRES WITHIN CONTEXT=SEARCH LIST-STATUS BINARY MOVE SNIPPET=FUZZY "
                 "PREVIEW=FUZZY SPECIAL-USE]"},
        {"dom": "wrenfield.test", "url": "tcp://mail.wrenfield.test:143", "host": "mail.wrenfield.test",
         "port": 143,
         "greet": "[CAPABILITY IMAP4rev1 LITERAL+ SASL-IR LOGIN-REFERRALS ID ENABLE IDLE STARTTLS AUTH=PLAIN AUTH=LOGIN] Dovecot ready.",
         "caps": "[CAPABILITY IMAP4rev1 LITERAL+ SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT THREAD=REFERENCES "
                 "MULTIAPPEND UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC "
                 "ESEARCH SEARCHRES WITHIN CONTEXT=SEARCH LIST-STATUS MOVE SPECIAL-USE QUOTA]"},
    ]
    folders = ["INBOX", "INBOX", "INBOX", "Sent", "Archive", "INBOX/Invoices", "Newsletters", "Drafts", "Junk"]
    flags = ["\\Seen", "\\Seen", "\\Seen \\Answered", "\\Recent", "\\Seen $Forwarded", "\\Flagged \\Seen",
             "\\Seen $Junk", "$NotJunk"]
    other_actions = ["DoAppDelayedData", "DoSettingsUpdate", "DoContacts", "DoSuggestions", "DoMessageSetSeen"]
    login_fail = [True, False, True, False, False, True, False, True, False, False]
    JSON = "/?/Json/&q[]=/0/"

    def client_ip():
        return r.choice([lambda: pub_ip(r), lambda: "10.8.%d.%d" % (r.randint(0, 3), r.randint(2, 250))])()

    def secs():
        return "%.3f" % (r.randint(0, 6) / 1000.0)

    t = at(10, 15, 3)
    n_login = 0
    for si in range(60):
        t += int(r.expovariate(1 / 75.0) * NS_S) + r.randint(0, 999) * NS_MS
        host = hosts[si % 2]
        user = person(r, [host["dom"]], style=si % 3)
        ip = client_ip()
        ent = sim.entity()
        tc = t
        uid_next = r.randint(900, 14000)
        exists = r.randint(40, 3000)

        def imap_open(tc, guid):
            ex = {"guid": guid}
            sim.add(ent, tc, "sock_start", [host["url"]], ex)
            c = r.randint(3, 90) * NS_MS + r.randint(0, 999) * NS_US
            tc += c
            sim.add(ent, tc, "sock_ok", [host["url"], "%.3fs" % (c / NS_S)], ex)
            tc += r.randint(1, 20) * NS_MS
            sim.add(ent, tc, "greet", [host["greet"]], ex)
            tc += r.randint(0, 3) * NS_MS + r.randint(1, 999) * NS_US
            sim.add(ent, tc, "login", [user], ex)
            return tc + r.randint(5, 120) * NS_MS

        def imap_close(tc, guid):
            tc += r.randint(0, 4) * NS_MS + r.randint(1, 999) * NS_US
            sim.add(ent, tc, "disc", [], {"guid": guid})
            return tc

        def cmd_ok(tc, guid, tag, what):
            tc += r.randint(1, 40) * NS_MS
            sim.add(ent, tc, "tag_ok", [tag, what, secs(), secs()], {"guid": guid})
            return tc

        # login attempts
        logged = False
        for attempt in range(3):
            guid = rstr(r, HEX, 8)
            ex = {"guid": guid}
            sim.add(ent, tc, "req", ["POST", JSON], ex)
            tc += r.randint(0, 2) * NS_MS + r.randint(1, 999) * NS_US
            sim.add(ent, tc, "action", ["DoLogin"], ex)
            tc = imap_open(tc + r.randint(1, 5) * NS_MS, guid)
            fail = login_fail[n_login % len(login_fail)]
            n_login += 1
            if fail:
                sim.add(ent, tc, "login_no", [], ex)
                tc += r.randint(0, 2) * NS_MS + r.randint(1, 999) * NS_US
                sim.add(ent, tc, "authlog", [ip, user, host["host"], host["port"]], ex)
                tc = imap_close(tc, guid)
                tc += r.randint(4, 25) * NS_S
                continue
            sim.add(ent, tc, "login_ok", [host["caps"]], ex)
            tc = imap_close(tc, guid)
            logged = True
            break
        if not logged:
            continue

        # session requests
        for _ in range(r.randint(2, 9)):
            tc += r.randint(2, 45) * NS_S + r.randint(0, 999) * NS_MS
            guid = rstr(r, HEX, 8)
            ex = {"guid": guid}
            kind = r.choice(["list", "list", "list", "message", "message", "raw", "other", "other"])
            if kind == "raw":
                sim.add(ent, tc, "req", ["GET", "/?/Raw/&q[]=/0/Download/&q[]=/%s" % rstr(r, B62 + "-_", 48)], ex)
            else:
                sim.add(ent, tc, "req", ["POST", JSON], ex)
                tc += r.randint(0, 2) * NS_MS + r.randint(1, 999) * NS_US
                act = {"list": "DoMessageList", "message": "DoMessage"}.get(kind) or r.choice(other_actions)
                sim.add(ent, tc, "action", [act], ex)
                if kind == "other":
                    continue
            tc = imap_open(tc + r.randint(1, 5) * NS_MS, guid)
            sim.add(ent, tc, "login_ok", [host["caps"]], ex)
            folder = r.choice(folders)
            tc += r.randint(0, 3) * NS_MS + r.randint(1, 999) * NS_US
            sim.add(ent, tc, "select", [folder], ex)
            tc = cmd_ok(tc, guid, "TAG2", "[READ-WRITE] Select")
            tag = 3
            if kind == "list":
                if r.random() < 0.45:
                    tc += r.randint(0, 3) * NS_MS + r.randint(1, 999) * NS_US
                    sim.add(ent, tc, "search", [S.cyc("search", "crit", [
                        "UNDELETED UNSEEN", "ALL", "SINCE 1-Mar-2026",
                        "OR FROM \"%s\" SUBJECT \"invoice\"" % r.choice(FIRST), "UNSEEN"])], ex)
                    tc = cmd_ok(tc, guid, "TAG3", "Search")
                    tag = 4
                page = r.randint(5, 14)
                hi = uid_next
                lo = hi - page + 1
                tc += r.randint(0, 3) * NS_MS + r.randint(1, 999) * NS_US
                sim.add(ent, tc, "fetch", ["TAG%d" % tag, "%d:%d" % (lo, hi),
                                           "UID RFC822.SIZE FLAGS INTERNALDATE BODY.PEEK[HEADER.FIELDS (FROM TO SUBJECT DATE)]"], ex)
                for k in range(page):
                    tc += r.randint(0, 900) * NS_US
                    sim.add(ent, tc, "fetch_resp", [exists - k, hi - k, r.choice(flags)], ex)
                tc = cmd_ok(tc, guid, "TAG%d" % tag, "Fetch")
            else:
                uid = uid_next - r.randint(0, 60)
                part = "BODY.PEEK[]" if kind == "message" else "BODY.PEEK[%d]" % r.randint(2, 4)
                tc += r.randint(0, 3) * NS_MS + r.randint(1, 999) * NS_US
                sim.add(ent, tc, "fetch", ["TAG3", uid, "UID RFC822.SIZE %s" % part], ex)
                tc = cmd_ok(tc, guid, "TAG3", "Fetch")
            tc = imap_close(tc, guid)
    return S, sim.first()


# ======================================================================================
# 6. Mox -- simulation (SMTP connections, IMAP sessions, queue deliveries, HTTP requests)
def build_mox():
    S = System(6, "Mox",
               r"(?P<d>[A-Z][a-z]{2} [ \d]\d) (?P<t>\d{2}:\d{2}:\d{2}) [\w.-]+ mox\[\d+\]: "
               r"l=(?:tracedata|traceauth|trace|debug|info|print|error|fatal) ",
               "simulation")
    S.day = "%s %2d" % (MON, D)

    def header(ns, meta, extra):
        h, m, s, _ = hms(ns)
        return "%s %02d:%02d:%02d mx1 mox[812]: l=%s " % (S.day, h, m, s, meta["lvl"])
    S.header = header
    r = S.rng

    S.ev("smtp_new", 'm="new connection" pkg=smtpserver cid=<*> remote=<*> local=<*> submission=false '
                     'tls=false listener=public', lvl="info")
    S.ev("smtp_tls", 'm="tls handshake done" pkg=smtpserver cid=<*> delta=<*> tls="<*>" servername=<*>', lvl="debug")
    S.ev("smtp_deliv", 'm="incoming message delivered" pkg=smtpserver cid=<*> delta=<*> mailfrom=<*> '
                       'rcptto=<*> size=<*>', lvl="info")
    S.ev("smtp_rej", 'm="incoming message rejected" pkg=smtpserver cid=<*> delta=<*> reason=<*> mailfrom=<*>',
         lvl="info")
    S.ev("smtp_err", 'm="smtp connection error" pkg=smtpserver cid=<*> delta=<*> err="<*>"', lvl="error")
    S.ev("smtp_close", 'm="connection closed" pkg=smtpserver cid=<*> delta=<*>', lvl="debug")
    S.ev("imap_new", 'm="new connection" pkg=imapserver cid=<*> remote=<*> local=<*> tls=true listener=public',
         lvl="info")
    S.ev("imap_auth", 'm="authenticated" pkg=imapserver cid=<*> delta=<*> username=<*> method=<*>', lvl="info")
    S.ev("imap_authfail", 'm="authentication failed" pkg=imapserver cid=<*> delta=<*> username=<*> err="<*>"',
         lvl="info")
    S.ev("imap_cmd", 'm="imap command done" pkg=imapserver cid=<*> delta=<*> cmd=<*> duration=<*>', lvl="debug")
    S.ev("q_try", 'm="delivering message" pkg=queue msgid=<*> recipient=<*> attempt=<*>', lvl="info")
    S.ev("q_ok", 'm="delivered message" pkg=queue msgid=<*> recipient=<*> host=<*> duration=<*>', lvl="info")
    S.ev("q_fail", 'm="temporary failure delivering from queue" pkg=queue msgid=<*> recipient=<*> err="<*>" '
                   'backoff=<*> nextattempt=<*>', lvl="error")
    S.ev("http", 'm="http request" pkg=http httpaccess= handler=<*> method=<*> url=<*> duration=<*> '
                 'statuscode=<*> remoteaddr=<*> size=<*>', lvl="debug")

    sim = Sim()
    def cid(t0):
        # connection ids grow with connection start time (unique: one connection per 10ms at most here)
        return "%x" % (0x18e3f2a0000 + t0 // (10 * NS_MS))

    def remote():
        if r.random() < 0.25:
            return "[%s]:%d" % (pub_ip6(r), eport(r))
        return "%s:%d" % (pub_ip(r), eport(r))

    local_domains = ["kestrel.example", "wrenfield.test"]
    senders_dom = ["newsletter.shopwave.test", "github.test", "bank-notify.test", "mailer.calendly.test",
                   "lists.fosdem.test", "outlook.test", "gmail.test"]
    end = at(13, 0)

    # SMTP connections (incoming, port 25) ----------------------------------------------
    t = at(11, 0, 5)
    while t < end:
        t += int(r.expovariate(1 / 55.0) * NS_S) + r.randint(0, 999) * NS_MS
        ent = sim.entity()
        t0 = t
        c = cid(t0)
        local = S.cyc("smtp_new", "local", ["203.0.113.25:25", "[2001:db8:41::25]:25", "203.0.113.25:25"])
        sim.add(ent, t0, "smtp_new", [c, remote(), local])
        tc = t0
        if r.random() < 0.7:
            tc += r.randint(30, 400) * NS_MS + r.randint(0, 999_999)
            sim.add(ent, tc, "smtp_tls", [c, go_dur(tc - t0), r.choice(["TLSv1.3 TLS_AES_128_GCM_SHA256",
                                                                         "TLSv1.3 TLS_AES_256_GCM_SHA384",
                                                                         "TLSv1.2 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"]),
                                          r.choice(["mx1.kestrel.example", "mx1.wrenfield.test"])])
        u = S.cyc("smtp_new", "outcome", [0.1, 0.5, 0.7, 0.2, 0.85, 0.3, 0.6, 0.95, 0.4, 0.0, 0.88, 0.65])
        if u < 0.66:
            mf = r.choice(["bounces+%s@%s" % (rstr(r, HEX, 10), r.choice(senders_dom)),
                           person(r, senders_dom)])
            for _ in range(r.choice([1, 1, 1, 2])):
                tc += r.randint(80, 2500) * NS_MS + r.randint(0, 999_999)
                sim.add(ent, tc, "smtp_deliv", [c, go_dur(tc - t0), mf, person(r, local_domains, style=0),
                                                r.randint(1800, 2_400_000)])
        elif u < 0.82:
            tc += r.randint(80, 2500) * NS_MS + r.randint(0, 999_999)
            sim.add(ent, tc, "smtp_rej", [c, go_dur(tc - t0),
                                          S.cyc("smtp_rej", "reason", ["dnsbl", "junk-content", "dmarc-policy",
                                                                       "reputation", "spf-fail"]),
                                          person(r, ["promo-blast.test", "cheap-meds.test", "invoice-secure.test",
                                                     "gmail.test"])])
        elif u < 0.90:
            tc += r.randint(100, 30000) * NS_MS + r.randint(0, 999_999)
            sim.add(ent, tc, "smtp_err", [c, go_dur(tc - t0),
                                          S.cyc("smtp_err", "err", [
                                              "reading command: read tcp 203.0.113.25:25->%s: i/o timeout" % remote(),
                                              "write tcp 203.0.113.25:25->%s: write: broken pipe" % remote(),
                                              "tls handshake: tls: client offered only unsupported versions: [302 301]",
                                              "reading command: line too long"])])
        tc += r.randint(5, 300) * NS_MS + r.randint(0, 999_999)
        sim.add(ent, tc, "smtp_close", [c, go_dur(tc - t0)])

    # IMAP sessions ------------------------------------------------------------------
    imap_users = [person(r, local_domains, style=0) for _ in range(9)]
    t = at(11, 0, 40)
    while t < end:
        t += int(r.expovariate(1 / 100.0) * NS_S) + r.randint(0, 999) * NS_MS
        ent = sim.entity()
        t0 = t
        c = cid(t0)
        sim.add(ent, t0, "imap_new", [c, remote(), S.cyc("imap_new", "local", ["203.0.113.25:993",
                                                                               "[2001:db8:41::25]:993"])])
        tc = t0 + r.randint(40, 600) * NS_MS + r.randint(0, 999_999)
        if S.cyc("imap_new", "fails", [False, False, True, False, False, False, True, False]):
            sim.add(ent, tc, "imap_authfail", [c, go_dur(tc - t0),
                                               S.cyc("imap_authfail", "user", ["admin@kestrel.example", imap_users[0],
                                                                                "test@wrenfield.test", imap_users[3]]),
                                               S.cyc("imap_authfail", "err", ["invalid credentials",
                                                                              "no such account",
                                                                              "too many authentication failures"])])
            continue
        sim.add(ent, tc, "imap_auth", [c, go_dur(tc - t0), r.choice(imap_users),
                                       S.cyc("imap_auth", "method", ["SCRAM-SHA-256-PLUS", "PLAIN", "SCRAM-SHA-256"])])
        for _ in range(r.randint(2, 8)):
            tc += r.randint(20, 40000) * NS_MS + r.randint(0, 999_999)
            cmd = r.choice(["select", "fetch", "fetch", "uidfetch", "store", "idle", "noop", "status", "list",
                            "uidsearch", "expunge", "namespace", "enable"])
            dur = r.randint(80_000, 40_000_000) if cmd != "idle" else r.randint(20, 900) * NS_S + r.randint(0, NS_S)
            sim.add(ent, tc, "imap_cmd", [c, go_dur(tc - t0), cmd, go_dur(dur)])

    # outgoing queue -------------------------------------------------------------------
    remotes = [("gmail.test", "mx1.gmail.test"), ("outlook.test", "outlook-test.mail.protection.test"),
               ("posteo.test", "mx04.posteo.test"), ("fastmail.test", "in1-smtp.fastmail.test"),
               ("uni-hamburg.test", "mailhost.uni-hamburg.test")]
    t = at(11, 1, 0)
    msgid = 4120
    while t < end:
        t += int(r.expovariate(1 / 170.0) * NS_S) + r.randint(0, 999) * NS_MS
        ent = sim.entity()
        msgid += r.randint(1, 3)
        dom, mxh = r.choice(remotes)
        rcpt = person(r, [dom])
        tc = t
        first = S.cyc("q_try", "first", [1, 1, 2, 1, 1, 3, 1, 2])
        fail_first = S.cyc("q_try", "fail", [False, True, True, False, False, True, False, True, False, False])
        backoff = (7 * 60 + 30) * 2 ** (first - 1)
        for attempt in range(first, first + 4):
            sim.add(ent, tc, "q_try", [msgid, rcpt, attempt])
            d = r.randint(200, 6000) * NS_MS + r.randint(0, 999_999)
            tc += d
            if not (fail_first if attempt == first else r.random() < 0.3):
                sim.add(ent, tc, "q_ok", [msgid, rcpt, mxh, go_dur(d)])
                break
            err = S.cyc("q_fail", "err", [
                "450 4.2.1 The user you are trying to contact is receiving mail too quickly",
                "dial tcp %s:25: connect: connection timed out" % pub_ip(r),
                "421 4.7.0 Try again later, closing connection (EHLO)",
                "451 4.7.1 Greylisting in action, please come back later"])
            nxt = tc + backoff * NS_S
            h, m, s, frac = hms(nxt)
            sim.add(ent, tc, "q_fail", [msgid, rcpt, err, go_dur(backoff * NS_S),
                                        "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (Y, MO, D, h, m, s, frac // NS_MS)])
            tc = nxt + r.randint(0, 900) * NS_MS
            backoff *= 2

    # HTTP requests --------------------------------------------------------------------
    t = at(11, 0, 20)
    while t < end:
        t += int(r.expovariate(1 / 70.0) * NS_S) + r.randint(0, 999) * NS_MS
        kind = r.choice(["webmail", "webmail", "webmail", "webaccount", "admin", "mta-sts", "autoconfig", "acme"])
        handler, method, url, code = {
            "webmail": lambda: ("webmail", "post", "/webmail/api/%s" % r.choice(["Request", "MessageGet",
                                                                                 "FlagsAdd", "MessageSubmit",
                                                                                 "ParsedMessage"]),
                                r.choice([200, 200, 200, 401])),
            "webaccount": lambda: ("webaccount", "get", "/", 200),
            "admin": lambda: ("admin", r.choice(["get", "post"]), "/admin/api/%s" % r.choice(["Domains", "QueueList",
                                                                                               "CheckDomain"]),
                              r.choice([200, 401])),
            "mta-sts": lambda: ("mtasts", "get", "/.well-known/mta-sts.txt", 200),
            "autoconfig": lambda: ("autoconfig", "get", "/mail/config-v1.1.xml?emailaddress=%s" % person(r, local_domains),
                                   200),
            "acme": lambda: ("acme-tls-alpn", "get", "/.well-known/acme-challenge/%s" % rstr(r, B62 + "-_", 43),
                             r.choice([200, 404])),
        }[kind]()
        ent = sim.entity()
        for _ in range(r.choice([1, 1, 2, 3]) if kind == "webmail" else 1):
            sim.add(ent, t, "http", [handler, method, url, go_dur(r.randint(90_000, 60_000_000)), code,
                                     remote(), r.randint(120, 98000)])
            t += r.randint(50, 3000) * NS_MS
    return S, sim.first()


# ======================================================================================
def write_system(S, recs):
    assert len(recs) == N_LINES
    raw, rows = [], []
    for i, (ns, key, vals, extra) in enumerate(recs, 1):
        e = S.by[key]
        content = render(e["tpl"], vals)
        assert content == content.strip() and content, content
        raw.append(S.header(ns, e["meta"], extra) + content)
        rows.append([i, content, e["eid"], e["tpl"]])
    d = os.path.join(ROOT, S.name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, S.name + ".log"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(raw) + "\n")
    with open(os.path.join(d, S.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(CSV_HEADER)
        w.writerows(rows)


def check_system(S):
    d = os.path.join(ROOT, S.name)
    with open(os.path.join(d, S.name + ".log"), encoding="utf-8", newline="") as f:
        raw = f.read()
    with open(os.path.join(d, S.name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        csv_text = f.read()
    assert raw.endswith("\n") and "\r" not in raw, "log line endings"
    assert csv_text.endswith("\n") and "\r" not in csv_text, "csv line endings"
    lines = raw[:-1].split("\n")
    assert len(lines) == N_LINES, ("lines", len(lines))
    rows = list(csv.reader(csv_text.splitlines(True)))
    assert rows[0] == CSV_HEADER, rows[0]
    rows = rows[1:]
    assert len(rows) == N_LINES, ("rows", len(rows))
    hre = re.compile(S.header_re)
    declared = {e["eid"]: e["tpl"] for e in S.events}
    tpl_of, counts, caps = {}, Counter(), defaultdict(set)
    prev_t = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        assert len(row) == 4, (i, row)
        lid, content, eid, tpl = row
        assert lid == str(i), (i, lid)
        assert content and content == content.strip(), (i, content)
        assert line.endswith(content), (i, line)
        hdr = line[:len(line) - len(content)]
        m = hre.fullmatch(hdr)
        assert m, (i, "header", hdr)
        if "d" in m.groupdict():
            assert m.group("d") == S.day, (i, m.group("d"))
        tkey = m.group("t")
        assert prev_t is None or tkey >= prev_t, (i, "time went back", prev_t, tkey)
        prev_t = tkey
        assert re.fullmatch(r"E\d+", eid), (i, eid)
        assert tpl_of.setdefault(eid, tpl) == tpl, (i, "two templates for", eid)
        assert declared.get(eid) == tpl, (i, "undeclared", eid, tpl)
        mm = tpl_regex(tpl).fullmatch(content)
        assert mm, (i, "template does not match", tpl, content)
        for j, g in enumerate(mm.groups()):
            caps[(eid, j)].add(g)
        counts[eid] += 1
    assert len(set(tpl_of.values())) == len(tpl_of), "duplicate templates"
    assert set(counts) == set(declared), ("unused events", sorted(set(declared) - set(counts)))
    for e in S.events:
        for j in range(e["tpl"].count("<*>")):
            assert len(caps[(e["eid"], j)]) >= 2, (S.name, e["eid"], "slot", j + 1, "constant", caps[(e["eid"], j)])
    c = [counts[e["eid"]] for e in S.events]
    assert 12 <= len(c) <= 15, ("event count", len(c))
    assert min(c) >= 3, ("rare event", dict(counts))
    assert sum(1 for x in c if 3 <= x <= 10) >= 3, ("need three small events", dict(counts))
    med = statistics.median(c)
    assert max(c) >= 3 * med, ("skew", max(c), med, dict(counts))
    first_t, last_t = hre.fullmatch(lines[0][:len(lines[0]) - len(rows[0][1])]).group("t"), prev_t
    return c, med, first_t, last_t


BUILDERS = [build_mailpit, build_listmonk, build_postorius, build_roundcube, build_snappymail, build_mox]


def main():
    ok = True
    for k, build in enumerate(BUILDERS, 1):
        S, recs = build()
        assert S.k == k
        write_system(S, recs)
    for k, build in enumerate(BUILDERS, 1):
        S, _ = build()   # rebuild declarations (deterministic) for checking
        try:
            c, med, t0, t1 = check_system(S)
        except AssertionError as exc:
            ok = False
            print("%-10s FAIL %s" % (S.name, exc))
            continue
        print("%-10s %-10s ok  lines=%d events=%d counts=%s median=%s max=%d span=%s..%s"
              % (S.name, S.kind, N_LINES, len(c), c, med, max(c), t0, t1))
    if not ok:
        sys.exit(1)
    print("all self-checks passed")


if __name__ == "__main__":
    main()
