#!/usr/bin/env python3
"""Sealed 56: blind labelled log corpus generator.

Python 3 standard library only, fully deterministic: no wall clock, no locale.
Base seed 20270174; system k (1..6) uses random.Random(20270174 * 10 + k).
Time comes from an integer nanosecond clock on 2026-03-14 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for each of the six systems next to this file, then self-checks every file and
prints a per-system summary.
"""
import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270174
HERE = os.path.dirname(os.path.abspath(__file__))
DATE = "2026-03-14"
# Fixed month list (never taken from the locale); the formats below are numeric.
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
NS = 10 ** 9
MS = 10 ** 6
DAY_NS = 86400 * NS
N_LINES = 300
CSV_HEADER = ["LineId", "Content", "EventId", "EventTemplate"]

# ---------------------------------------------------------------------------
# time formatting (integer nanoseconds since 2026-03-14 00:00:00 UTC)
# ---------------------------------------------------------------------------


def split_ns(ns):
    if not (0 <= ns < DAY_NS):
        raise ValueError("clock left 2026-03-14: %d" % ns)
    sec, frac = divmod(ns, NS)
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    return h, m, s, frac


def ts_iso_ms_z(ns):
    h, m, s, f = split_ns(ns)
    return "%sT%02d:%02d:%02d.%03dZ" % (DATE, h, m, s, f // MS)


def ts_space_s(ns):
    h, m, s, _ = split_ns(ns)
    return "%s %02d:%02d:%02d" % (DATE, h, m, s)


def ts_space_comma_ms(ns):
    h, m, s, f = split_ns(ns)
    return "%s %02d:%02d:%02d,%03d" % (DATE, h, m, s, f // MS)


# ---------------------------------------------------------------------------
# value helpers (all made up)
# ---------------------------------------------------------------------------

USERS = ["alva", "bertil", "cosima", "dorian", "elke", "faro", "greta",
         "hollis", "ines", "jory", "kasimir", "linnea", "marek", "noor",
         "odile", "pavel", "quinn", "rosalind", "sten", "tamsin", "ulla",
         "vesna", "wren", "yannick", "zora", "aurek", "britt", "cael"]
EXT_DOMAINS = ["brackenfold.net", "corviday.org", "dunmere.io",
               "elmstead-post.com", "fjordlyn.no", "glasswick.co.uk",
               "harrowgate.dev", "isenbrook.de", "juniperlane.fr",
               "kestrelmoor.org", "lowmarsh.net", "mirecrest.com",
               "northhollow.io", "oakhaven-mail.net", "pellucid.se",
               "quarrybank.eu", "rookwell.org", "saltmarrow.com"]
FIRST_OCTETS = [31, 37, 45, 62, 77, 81, 85, 91, 94, 104, 141, 149, 176,
                185, 188, 193, 195, 203, 212, 217]
HEX = "0123456789abcdef"


def hexs(rng, n):
    return "".join(rng.choice(HEX) for _ in range(n))


def ipv4(rng):
    return "%d.%d.%d.%d" % (rng.choice(FIRST_OCTETS), rng.randint(0, 255),
                            rng.randint(0, 255), rng.randint(1, 254))


def eport(rng):
    return rng.randint(32768, 60999)


def ext_addr(rng):
    return "%s@%s" % (rng.choice(USERS), rng.choice(EXT_DOMAINS))


def go_dur(rng, lo_ms, hi_ms):
    """Go time.Duration String() style value between lo_ms and hi_ms."""
    us = rng.randint(lo_ms * 1000, hi_ms * 1000)
    if us < 1000000:
        return "%d.%06dms" % (us // 1000, (us % 1000) * 1000 + rng.randint(0, 999))
    sec = us / 1e6
    if sec < 60:
        return ("%.9f" % (sec + rng.randint(0, 999) / 1e9)).rstrip("0").rstrip(".") + "s"
    m, s = divmod(int(sec), 60)
    return "%dm%ds" % (m, s)


def ms_gap(rng, lo, hi):
    return rng.randint(lo, hi) * MS + rng.randint(0, MS - 1)


def expo_gap(rng, mean_s):
    return MS + int(rng.expovariate(1.0) * mean_s * NS)


# ---------------------------------------------------------------------------
# system container
# ---------------------------------------------------------------------------


def fill(tpl, vals):
    parts = tpl.split("<*>")
    if len(parts) - 1 != len(vals):
        raise ValueError("slot count mismatch for %r: %r" % (tpl, vals))
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        if not v or "\n" in v or "\r" in v:
            raise ValueError("bad value %r for %r" % (v, tpl))
        out.append(v)
        out.append(p)
    return "".join(out)


class System:
    def __init__(self, k, name, events, header_fn, header_re, mode):
        self.k = k
        self.name = name
        self.mode = mode  # "simulation" or "shuffle"
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.events = events
        self.index = {}
        for i, e in enumerate(events):
            if e["key"] in self.index:
                raise ValueError("duplicate event key " + e["key"])
            self.index[e["key"]] = i
        self.header_fn = header_fn
        self.header_re = header_re
        self.recs = []
        self.seq = 0
        self.counters = {}

    def cyc(self, ev, slot, pool):
        """Small pools cycle per (event, slot)."""
        key = (ev, slot)
        i = self.counters.get(key, 0)
        self.counters[key] = i + 1
        return pool[i % len(pool)]

    def add(self, ns, key, vals, **extra):
        self.seq += 1
        self.recs.append((ns, self.seq, self.index[key], [str(v) for v in vals], extra))

    def build(self):
        recs = sorted(self.recs, key=lambda r: (r[0], r[1]))[:N_LINES]
        if len(recs) < N_LINES:
            raise ValueError("%s: only %d records" % (self.name, len(recs)))
        rows = []
        for ns, _, ei, vals, extra in recs:
            ev = self.events[ei]
            content = fill(ev["tpl"], vals)
            header = self.header_fn(self, ns, ev, extra)
            rows.append((header + content, content, "E%d" % (ei + 1), ev["tpl"]))
        return rows

    def write(self):
        rows = self.build()
        d = os.path.join(HERE, self.name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, self.name + ".log"), "w", encoding="utf-8", newline="\n") as f:
            for line, _, _, _ in rows:
                f.write(line + "\n")
        with open(os.path.join(d, self.name + ".log_structured.csv"), "w",
                  encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(CSV_HEADER)
            for i, (_, content, eid, tpl) in enumerate(rows, 1):
                w.writerow([i, content, eid, tpl])
        return 2


def run_shuffle(S, counts, start_s, mean_gap_s):
    """Fixed count per event, shuffled, stamped by a forward-only clock."""
    if set(counts) != set(S.index):
        raise ValueError("%s: counts do not cover events" % S.name)
    if sum(counts.values()) != N_LINES:
        raise ValueError("%s: counts sum to %d" % (S.name, sum(counts.values())))
    order = []
    for e in S.events:
        order.extend([e["key"]] * counts[e["key"]])
    S.rng.shuffle(order)
    ns = start_s * NS + S.rng.randint(0, 999) * MS
    for key in order:
        ns += expo_gap(S.rng, mean_gap_s)
        ev = S.events[S.index[key]]
        res = ev["gen"](S)
        if isinstance(res, tuple):
            vals, extra = res
        else:
            vals, extra = res, {}
        S.add(ns, key, vals, **extra)


# ===========================================================================
# 1. Maddy (simulation: SMTP sessions, submissions, outbound deliveries)
# ===========================================================================

MADDY_EVENTS = [
    dict(key="in_msg", mod="smtp",
         tpl='incoming message\t{"msg_id":"<*>","sender":"<*>","src_host":"<*>","src_ip":"<*>"}'),
    dict(key="sub_msg", mod="submission",
         tpl='incoming message\t{"msg_id":"<*>","sender":"<*>","src_host":"<*>","src_ip":"<*>","username":"<*>"}'),
    dict(key="rcpt_ok", mod="smtp",
         tpl='RCPT ok\t{"msg_id":"<*>","rcpt":"<*>"}'),
    dict(key="rcpt_err", mod="smtp",
         tpl='RCPT error\t{"msg_id":"<*>","rcpt":"<*>","reason":"<*>","smtp_code":<*>,"smtp_enchcode":"<*>","smtp_msg":"<*>"}'),
    dict(key="dnsbl", mod="check.dnsbl",
         tpl='DNSBL hit\t{"list":"<*>","msg_id":"<*>","reason":"<*>","src_ip":"<*>"}'),
    dict(key="accepted", mod="smtp",
         tpl='accepted\t{"msg_id":"<*>"}'),
    dict(key="data_err", mod="smtp",
         tpl='DATA error\t{"msg_id":"<*>","reason":"<*>","smtp_code":<*>,"smtp_enchcode":"<*>","smtp_msg":"<*>"}'),
    dict(key="aborted", mod="smtp",
         tpl='aborted\t{"msg_id":"<*>"}'),
    dict(key="connected", mod="remote", debug=True,
         tpl='connected\t{"msg_id":"<*>","remote_server":"<*>"}'),
    dict(key="delivered", mod="queue",
         tpl='delivered\t{"attempt":<*>,"msg_id":"<*>","rcpt":"<*>"}'),
    dict(key="attempt_failed", mod="queue",
         tpl='delivery attempt failed\t{"msg_id":"<*>","rcpt":"<*>","reason":"<*>","remote_server":"<*>","smtp_code":<*>,"smtp_enchcode":"<*>","smtp_msg":"<*>"}'),
    dict(key="retry", mod="queue",
         tpl='will retry\t{"attempts_count":<*>,"msg_id":"<*>","next_try_delay":"<*>","rcpts":[<*>]}'),
    dict(key="dsn", mod="queue",
         tpl='generated failed DSN\t{"dsn_id":"<*>","msg_id":"<*>"}'),
    dict(key="auth_failed", mod="submission",
         tpl='authentication failed\t{"reason":"<*>","src_ip":"<*>","username":"<*>"}'),
]

MADDY_LOCAL = ["thornvale.net", "ashgrove.org"]
MADDY_HELO = ["mail.%s", "mx%d.%s", "smtp-out.%s", "outbound-%d.%s"]
MADDY_CLIENT = ["[192.168.1.%d]", "laptop-%s.lan", "[10.20.0.%d]", "phone-%s"]
MADDY_RCPT_ERR = [
    ("imapsql: user does not exist", "550", "5.1.1", "User does not exist"),
    ("storage quota exceeded", "452", "4.2.2", "Mailbox is full"),
    ("relaying denied for non-local recipient", "550", "5.7.1", "Relaying is not allowed"),
]
MADDY_DNSBL = [("zen.spamhaus.org", "listed: 127.0.0.4"),
               ("bl.spamcop.net", "listed: 127.0.0.2"),
               ("b.barracudacentral.org", "listed: 127.0.0.2, rep score too low")]
MADDY_DATA_ERR = [
    ("rspamd: reject action", "550", "5.7.1", "Message rejected due to local policy"),
    ("message size limit exceeded", "552", "5.3.4", "Message too big"),
    ("dkim: DNS lookup timeout", "451", "4.7.0", "Temporary verification failure"),
]
MADDY_TEMP = [
    ("remote: try again later", "421", "4.7.0", "Try again later, closing connection"),
    ("remote: greylisted", "451", "4.7.1", "Greylisted, please retry in 5 minutes"),
    ("remote: mailbox busy", "450", "4.2.1", "Mailbox temporarily unavailable"),
]
MADDY_PERM = [
    ("remote: recipient rejected", "550", "5.1.1", "No such user here"),
    ("remote: message rejected", "554", "5.7.1", "Message rejected as spam"),
]
MADDY_AUTH = ["invalid credentials", "auth: user not found", "auth: account disabled"]
MADDY_RETRY_DELAY = [(15 * 60, "15m0s"), (18 * 60, "18m0s"), (21 * 60 + 36, "21m36s"),
                     (25 * 60 + 55, "25m55.2s")]


def maddy_helo(S, dom):
    f = S.cyc("in_msg", "src_host", MADDY_HELO)
    if "%d" in f:
        return f % (S.rng.randint(1, 9), dom)
    return f % dom


def maddy_client(S):
    f = S.cyc("sub_msg", "src_host", MADDY_CLIENT)
    if "%d" in f:
        return f % S.rng.randint(2, 250)
    return f % S.rng.choice(USERS)


def maddy_inbound(S, t):
    rng = S.rng
    mid = hexs(rng, 8)
    dom = rng.choice(EXT_DOMAINS)
    sender = "%s@%s" % (rng.choice(USERS), dom)
    ip = "%s:%d" % (ipv4(rng), eport(rng))
    S.add(t, "in_msg", [mid, sender, maddy_helo(S, dom), ip])
    t += ms_gap(rng, 40, 900)
    if rng.random() < 0.09:
        lst, reason = S.cyc("dnsbl", "list", MADDY_DNSBL)
        S.add(t, "dnsbl", [lst, mid, reason, ip])
        return
    ok = 0
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
        t += ms_gap(rng, 20, 300)
        rcpt = "%s@%s" % (rng.choice(USERS), rng.choice(MADDY_LOCAL))
        if rng.random() < 0.1:
            reason, code, ench, msg = S.cyc("rcpt_err", "err", MADDY_RCPT_ERR)
            S.add(t, "rcpt_err", [mid, rcpt, reason, code, ench, msg])
        else:
            S.add(t, "rcpt_ok", [mid, rcpt])
            ok += 1
    t += ms_gap(rng, 100, 3000)
    if ok == 0 or rng.random() < 0.06:
        S.add(t, "aborted", [mid])
        return
    if rng.random() < 0.08:
        reason, code, ench, msg = S.cyc("data_err", "err", MADDY_DATA_ERR)
        S.add(t, "data_err", [mid, reason, code, ench, msg])
        return
    S.add(t, "accepted", [mid])


def maddy_outbound(S, t, mid, rcpt, attempt):
    rng = S.rng
    dom = rcpt.split("@", 1)[1]
    server = "mx%d.%s" % (rng.choice([1, 1, 2]), dom)
    S.add(t, "connected", [mid, server])
    t += ms_gap(rng, 150, 2500)
    r = rng.random()
    p_temp = 0.16 if attempt == 1 else 0.45
    if r < 0.12 and attempt == 1:
        reason, code, ench, msg = S.cyc("attempt_failed", "perm", MADDY_PERM)
        S.add(t, "attempt_failed", [mid, rcpt, reason, server, code, ench, msg])
        t += ms_gap(rng, 2, 40)
        S.add(t, "dsn", [hexs(rng, 8), mid])
    elif r < 0.12 + p_temp and attempt < 4:
        reason, code, ench, msg = S.cyc("attempt_failed", "temp", MADDY_TEMP)
        S.add(t, "attempt_failed", [mid, rcpt, reason, server, code, ench, msg])
        t += ms_gap(rng, 1, 15)
        delay_s, delay_txt = MADDY_RETRY_DELAY[attempt - 1]
        S.add(t, "retry", [attempt, mid, delay_txt, '"%s"' % rcpt])
        maddy_outbound(S, t + delay_s * NS + ms_gap(rng, 0, 900), mid, rcpt, attempt + 1)
    else:
        S.add(t, "delivered", [attempt, mid, rcpt])


def maddy_submission(S, t):
    rng = S.rng
    mid = hexs(rng, 8)
    sender = "%s@%s" % (rng.choice(USERS), rng.choice(MADDY_LOCAL))
    ip = "%s:%d" % (ipv4(rng), eport(rng))
    S.add(t, "sub_msg", [mid, sender, maddy_client(S), ip, sender], mod="submission")
    doms = rng.sample(EXT_DOMAINS, rng.choice([1, 1, 2]))
    rcpts = ["%s@%s" % (rng.choice(USERS), d) for d in doms]
    for r in rcpts:
        t += ms_gap(rng, 20, 250)
        S.add(t, "rcpt_ok", [mid, r], mod="submission")
    t += ms_gap(rng, 80, 1500)
    S.add(t, "accepted", [mid], mod="submission")
    for r in rcpts:
        maddy_outbound(S, t + ms_gap(rng, 20, 400), mid, r, 1)


def maddy_authfail(S, t):
    rng = S.rng
    ip = ipv4(rng)
    guesses = ["admin", "info", "test", "postmaster@%s" % rng.choice(MADDY_LOCAL),
               "%s@%s" % (rng.choice(USERS), rng.choice(MADDY_LOCAL))]
    for _ in range(rng.randint(1, 4)):
        S.add(t, "auth_failed", [S.cyc("auth_failed", "reason", MADDY_AUTH),
                                 "%s:%d" % (ip, eport(rng)), rng.choice(guesses)])
        t += ms_gap(rng, 900, 6000)


def maddy_hdr(S, ns, ev, extra):
    dbg = "[debug] " if ev.get("debug") else ""
    return "%s %s%s: " % (ts_iso_ms_z(ns), dbg, extra.get("mod", ev["mod"]))


MADDY_RE = (r"(?P<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z) "
            r"(?:\[debug\] )?[a-z][a-z0-9_.]*: ")


def make_maddy():
    S = System(1, "Maddy", MADDY_EVENTS, maddy_hdr, MADDY_RE, "simulation")
    rng = S.rng
    t = 7 * 3600 * NS + rng.randint(0, 900) * NS
    for _ in range(170):
        t += expo_gap(rng, 19)
        r = rng.random()
        if r < 0.55:
            maddy_inbound(S, t)
        elif r < 0.86:
            maddy_submission(S, t)
        else:
            maddy_authfail(S, t)
    return S


# ===========================================================================
# 2. Mox (simulation: SMTP connections, queue deliveries, HTTP requests)
# ===========================================================================

MOX_EVENTS = [
    dict(key="conn", lvl="info",
         tpl='m="new connection" pkg=smtpserver cid=<*> remote=<*> local=<*> submission=<*> tls=<*> listener=public'),
    dict(key="cmd", lvl="debug",
         tpl='m="smtp command" pkg=smtpserver cid=<*> cmd=<*>'),
    dict(key="tls", lvl="debug",
         tpl='m="starttls handshake done" pkg=smtpserver cid=<*> version=<*> ciphersuite=<*> servername=<*>'),
    dict(key="dnsbl", lvl="info",
         tpl='m="dnsbl lookup" pkg=smtpserver cid=<*> zone=<*> ip=<*> status=<*>'),
    dict(key="accept", lvl="info",
         tpl='m="analyzed incoming message" pkg=smtpserver cid=<*> accept=true reason=<*> spf=<*> dkim=<*> dmarc=<*>'),
    dict(key="reject", lvl="info",
         tpl='m="analyzed incoming message" pkg=smtpserver cid=<*> accept=false reason=<*> spf=<*> dkim=<*> dmarc=<*>'),
    dict(key="delivered_in", lvl="info",
         tpl='m="incoming message delivered" pkg=smtpserver cid=<*> account=<*> mailbox=<*> msgid=<*> size=<*>'),
    dict(key="closed", lvl="debug",
         tpl='m="connection closed" pkg=smtpserver cid=<*> duration=<*>'),
    dict(key="auth_failed", lvl="info",
         tpl='m="authentication failed" pkg=smtpserver cid=<*> mechanism=<*> username=<*> err="<*>"'),
    dict(key="q_attempt", lvl="debug",
         tpl='m="attempting delivery" pkg=queue msgid=<*> recipient=<*> attempt=<*> host=<*>'),
    dict(key="q_delivered", lvl="info",
         tpl='m="delivered from queue" pkg=queue msgid=<*> recipient=<*> host=<*> duration=<*>'),
    dict(key="q_temp", lvl="error",
         tpl='m="temporary failure delivering from queue" pkg=queue msgid=<*> recipient=<*> backoff=<*> err="<*>"'),
    dict(key="q_perm", lvl="error",
         tpl='m="permanent failure delivering from queue" pkg=queue msgid=<*> recipient=<*> err="<*>"'),
    dict(key="http", lvl="info",
         tpl='m="http request" pkg=http handler=<*> method=<*> url=<*> status=<*> duration=<*> size=<*> remoteaddr=<*>'),
]

MOX_LOCAL = ["wyndmere.email", "kilnworth.org"]
MOX_IP4 = "95.217.40.12"
MOX_IP6 = "[2a01:4f9:c010:8d2e::25]"
MOX_TLS = [("TLS1.3", "TLS_AES_128_GCM_SHA256"), ("TLS1.3", "TLS_CHACHA20_POLY1305_SHA256"),
           ("TLS1.2", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"), ("TLS1.3", "TLS_AES_256_GCM_SHA384")]
MOX_ZONES = ["zen.spamhaus.org", "bl.spamcop.net", "dnsbl.sorbs.net"]
MOX_ACCEPT = [("reputation-good", "pass", "pass", "pass"), ("dmarc-pass", "pass", "pass", "pass"),
              ("known-sender", "none", "none", "none"), ("reputation-good", "softfail", "pass", "pass"),
              ("verified-domain", "pass", "none", "pass")]
MOX_REJECT = [("dmarc-reject", "fail", "fail", "fail"), ("reputation-bad", "softfail", "none", "none"),
              ("content-spam", "pass", "pass", "none"), ("dnsbl", "none", "none", "none")]
MOX_QUEUE_OUTCOMES = ["ok", "ok", "temp", "ok", "perm", "ok", "ok", "temp", "ok", "ok", "ok", "perm"]
MOX_VERDICTS = ["accept", "accept", "reject", "accept", "accept", "accept", "reject"]
MOX_MECH = ["plain", "scram-sha-256", "login", "cram-md5"]
MOX_AUTH_ERR = ["bad user/pass", "account not found", "authentication failed: too many failed attempts"]
MOX_BACKOFF = ["7m30s", "15m0s", "30m0s", "1h0m0s"]
MOX_TEMP_ERR = ["remote smtp server: 451 4.7.1 greylisted, try again later",
                "dial tcp %s:25: i/o timeout",
                "remote smtp server: 421 4.3.2 service not available, closing transmission channel"]
MOX_PERM_ERR = ["remote smtp server: 550 5.1.1 mailbox unavailable",
                "remote smtp server: 554 5.7.1 message rejected as spam",
                "no mx record and no address for domain"]
MOX_HTTP = [("webmail", "GET", "/webmail/"), ("webmail", "POST", "/webmail/api/Request"),
            ("account", "GET", "/account/"), ("account", "POST", "/account/api/SetPassword"),
            ("admin", "GET", "/admin/"), ("mta-sts", "GET", "/.well-known/mta-sts.txt"),
            ("autoconfig", "GET", "/mail/config-v1.1.xml?emailaddress=%s"),
            ("webmail", "GET", "/webmail/msg/%d/text")]
MOX_HTTP_STATUS = ["200", "200", "304", "200", "401", "200", "404", "302"]
MOX_MAILBOX = ["Inbox", "Inbox", "Inbox", "Lists/announce", "Inbox", "Archive"]


def mox_cid(rng):
    return "18" + hexs(rng, 9)


def mox_incoming(S, t):
    rng = S.rng
    cid = mox_cid(rng)
    t0 = t
    ip = ipv4(rng)
    local = S.cyc("conn", "local", [MOX_IP4 + ":25", MOX_IP4 + ":25", MOX_IP6 + ":25"])
    S.add(t, "conn", [cid, "%s:%d" % (ip, eport(rng)), local, "false", "false"])
    t += ms_gap(rng, 30, 400)
    S.add(t, "cmd", [cid, "ehlo"])
    if rng.random() < 0.75:
        t += ms_gap(rng, 40, 400)
        ver, cs = S.cyc("tls", "suite", MOX_TLS)
        S.add(t, "tls", [cid, ver, cs, "mail." + rng.choice(MOX_LOCAL)])
    t += ms_gap(rng, 20, 300)
    S.add(t, "cmd", [cid, "mail"])
    if rng.random() < 0.5:
        t += ms_gap(rng, 5, 120)
        st = S.cyc("dnsbl", "status", ["pass", "pass", "pass", "fail", "pass"])
        S.add(t, "dnsbl", [cid, S.cyc("dnsbl", "zone", MOX_ZONES), ip, st])
    rcpts = ["%s@%s" % (rng.choice(USERS), rng.choice(MOX_LOCAL))
             for _ in range(rng.choice([1, 1, 1, 2]))]
    t += ms_gap(rng, 10, 200) * len(rcpts)
    t += ms_gap(rng, 10, 200)
    S.add(t, "cmd", [cid, "data"])
    t += ms_gap(rng, 200, 2500)
    if S.cyc("smtp", "verdict", MOX_VERDICTS) == "accept":
        S.add(t, "accept", [cid] + list(S.cyc("accept", "verdict", MOX_ACCEPT)))
        for r in rcpts:
            t += ms_gap(rng, 2, 60)
            S.add(t, "delivered_in", [cid, r.split("@")[0], S.cyc("delivered_in", "mailbox", MOX_MAILBOX),
                                      rng.randint(1200, 98000), rng.randint(2100, 480000)])
    else:
        S.add(t, "reject", [cid] + list(S.cyc("reject", "verdict", MOX_REJECT)))
    t += ms_gap(rng, 20, 300)
    S.add(t, "closed", [cid, go_dur(rng, max(1, (t - t0) // MS), (t - t0) // MS + 30)])


def mox_queue(S, t, msgid, rcpt, attempt):
    rng = S.rng
    host = "mx%d.%s" % (rng.choice([1, 1, 2]), rcpt.split("@")[1])
    S.add(t, "q_attempt", [msgid, rcpt, attempt, host])
    t += ms_gap(rng, 200, 3000)
    if attempt == 1:
        outcome = S.cyc("queue", "outcome", MOX_QUEUE_OUTCOMES)
    else:
        outcome = S.cyc("queue", "retry_outcome", ["temp", "ok", "ok"])
    if outcome == "perm":
        S.add(t, "q_perm", [msgid, rcpt, S.cyc("q_perm", "err", MOX_PERM_ERR)])
    elif outcome == "temp" and attempt < 4:
        err = S.cyc("q_temp", "err", MOX_TEMP_ERR)
        if "%s" in err:
            err = err % ipv4(rng)
        backoff = MOX_BACKOFF[attempt - 1]
        S.add(t, "q_temp", [msgid, rcpt, backoff, err])
        mins = {"7m30s": 450, "15m0s": 900, "30m0s": 1800, "1h0m0s": 3600}[backoff]
        mox_queue(S, t + mins * NS + ms_gap(rng, 0, 999), msgid, rcpt, attempt + 1)
    else:
        S.add(t, "q_delivered", [msgid, rcpt, host, go_dur(rng, 180, 2900)])


def mox_submission(S, t, bad):
    rng = S.rng
    cid = mox_cid(rng)
    t0 = t
    ip = ipv4(rng)
    local = S.cyc("conn", "sublocal", [MOX_IP4 + ":465", MOX_IP6 + ":465", MOX_IP4 + ":465"])
    S.add(t, "conn", [cid, "%s:%d" % (ip, eport(rng)), local, "true", "true"])
    t += ms_gap(rng, 30, 300)
    S.add(t, "cmd", [cid, "ehlo"])
    t += ms_gap(rng, 20, 200)
    S.add(t, "cmd", [cid, "auth"])
    if bad or rng.random() < 0.12:
        t += ms_gap(rng, 100, 1500)
        user = rng.choice(["admin", "info", "test", "%s@%s" % (rng.choice(USERS), rng.choice(MOX_LOCAL))])
        S.add(t, "auth_failed", [cid, S.cyc("auth_failed", "mech", MOX_MECH), user,
                                 S.cyc("auth_failed", "err", MOX_AUTH_ERR)])
    else:
        t += ms_gap(rng, 20, 200)
        S.add(t, "cmd", [cid, "mail"])
        rcpts = [ext_addr(rng) for _ in range(rng.choice([1, 1, 2]))]
        t += ms_gap(rng, 10, 150) * len(rcpts)
        t += ms_gap(rng, 10, 150)
        S.add(t, "cmd", [cid, "data"])
        t += ms_gap(rng, 100, 1500)
        msgid = rng.randint(300, 9999)
        for r in rcpts:
            mox_queue(S, t + ms_gap(rng, 5, 300), msgid, r, 1)
    t += ms_gap(rng, 5, 200)
    S.add(t, "closed", [cid, go_dur(rng, max(1, (t - t0) // MS), (t - t0) // MS + 30)])


def mox_http(S, t):
    rng = S.rng
    ip = ipv4(rng)
    for _ in range(rng.randint(1, 3)):
        handler, method, url = S.cyc("http", "route", MOX_HTTP)
        if "%s" in url:
            url = url % ("%s%%40%s" % (rng.choice(USERS), rng.choice(MOX_LOCAL)))
        elif "%d" in url:
            url = url % rng.randint(100, 9999)
        status = S.cyc("http", "status", MOX_HTTP_STATUS)
        S.add(t, "http", [handler, method, url, status, go_dur(rng, 1, 400),
                          rng.randint(120, 64000), "%s:%d" % (ip, eport(rng))])
        t += ms_gap(rng, 200, 9000)


def mox_hdr(S, ns, ev, extra):
    return "t=%s l=%s " % (ts_iso_ms_z(ns), ev["lvl"])


MOX_RE = (r"t=(?P<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z) "
          r"l=(?:debug|info|error|print) ")


def make_mox():
    S = System(2, "Mox", MOX_EVENTS, mox_hdr, MOX_RE, "simulation")
    rng = S.rng
    t = 9 * 3600 * NS + rng.randint(0, 900) * NS
    for _ in range(170):
        t += expo_gap(rng, 18)
        r = rng.random()
        if r < 0.34:
            mox_incoming(S, t)
        elif r < 0.64:
            mox_submission(S, t, False)
        elif r < 0.72:
            mox_submission(S, t, True)
        else:
            mox_http(S, t)
    return S


# ===========================================================================
# 3. Postal worker (seeded shuffle)
# ===========================================================================

POSTAL_JOBS = ["UnqueueMessageJob", "SendWebhookJob", "ProcessMessageRetentionJob",
               "ExpireHeldMessagesJob", "PruneWebhookRequestsJob"]
POSTAL_PORTS = ["25", "25", "587", "25", "2525"]
POSTAL_SOFT = ["451 4.7.1 Greylisted, please try again later",
               "421 4.7.0 Too many connections from your IP",
               "Connection timed out after 30 seconds",
               "452 4.2.2 Mailbox full"]
POSTAL_HARD = ["550 5.1.1 Recipient address rejected: User unknown",
               "554 5.7.1 Service unavailable; client host blocked",
               "No SMTP servers were available for this domain",
               "550 5.7.26 Unauthenticated email is not accepted"]
POSTAL_HELD = ["Recipient is on the suppression list", "Sending limit exceeded",
               "Message has a spam score of 7.4", "Message contains a blocked attachment type"]
POSTAL_EVENTS_WH = ["MessageSent", "MessageDeliveryFailed", "MessageHeld", "MessageBounced",
                    "MessageLinkClicked"]
POSTAL_JOB_ERR = ["Errno::ECONNREFUSED: Connection refused - connect(2) for 10.40.2.12:3306",
                  "Timeout::Error: execution expired",
                  "Mysql2::Error::ConnectionError: Lost connection to MySQL server during query",
                  "ActiveRecord::RecordNotFound: Couldn't find Server with 'id'=41"]
POSTAL_PIDS = ["2817", "2821", "2826"]


def postal_qm(S):
    return S.rng.randint(180000, 999999)


def postal_mx(S, dom):
    return "%s.%s" % (S.rng.choice(["mx1", "mx2", "mail", "aspmx", "in1-smtp"]), dom)


def pg_sending(S):
    return [S.rng.randint(2000000, 9999999), ext_addr(S.rng)]


def pg_connecting(S):
    return [postal_mx(S, S.rng.choice(EXT_DOMAINS)), ipv4(S.rng), S.cyc("connecting", "port", POSTAL_PORTS)]


def pg_sent(S):
    rng = S.rng
    reply = S.cyc("sent", "reply", ["250 2.0.0 Ok: queued as %s" % hexs(rng, 10).upper(),
                                    "250 2.0.0 OK %d %s - gsmtp" % (rng.randint(1700000000, 1799999999), hexs(rng, 12)),
                                    "250 Message accepted for delivery"])
    return [rng.randint(2000000, 9999999), ext_addr(rng), reply]


POSTAL_EVENTS = [
    dict(key="lock_acq", lvl="INFO", job=0.5,
         tpl="Acquired lock for queued message <*>", gen=lambda S: [postal_qm(S)]),
    dict(key="lock_rel", lvl="INFO", job=0.5,
         tpl="Released lock for queued message <*>", gen=lambda S: [postal_qm(S)]),
    dict(key="job_start", lvl="INFO", job=1,
         tpl="Started processing <*> job",
         gen=lambda S: [S.cyc("job_start", "job", POSTAL_JOBS)]),
    dict(key="job_done", lvl="INFO", job=1,
         tpl="Completed processing <*> job in <*>",
         gen=lambda S: [S.cyc("job_done", "job", POSTAL_JOBS), "%.3fs" % (S.rng.randint(4, 4800) / 1000)]),
    dict(key="sending", lvl="INFO", job=1,
         tpl="Sending message <*> to <*>", gen=pg_sending),
    dict(key="connecting", lvl="DEBUG", job=1,
         tpl="Connecting to <*> (<*>:<*>)", gen=pg_connecting),
    dict(key="sent", lvl="INFO", job=1,
         tpl="Sent message <*> to <*>: <*>", gen=pg_sent),
    dict(key="softfail", lvl="WARN", job=1,
         tpl="SoftFail for message <*> to <*>: <*>. Will retry in <*> minutes",
         gen=lambda S: [S.rng.randint(2000000, 9999999), ext_addr(S.rng),
                        S.cyc("softfail", "reason", POSTAL_SOFT),
                        S.cyc("softfail", "mins", ["2", "5", "10", "20", "40"])]),
    dict(key="hardfail", lvl="ERROR", job=1,
         tpl="HardFail for message <*> to <*>: <*>",
         gen=lambda S: [S.rng.randint(2000000, 9999999), ext_addr(S.rng),
                        S.cyc("hardfail", "reason", POSTAL_HARD)]),
    dict(key="held", lvl="WARN", job=1,
         tpl="Message <*> held: <*>",
         gen=lambda S: [S.rng.randint(2000000, 9999999), S.cyc("held", "reason", POSTAL_HELD)]),
    dict(key="wh_send", lvl="INFO", job=1,
         tpl="Sending webhook request to <*> for <*> event",
         gen=lambda S: ["https://hooks.%s/postal/%s" % (S.rng.choice(EXT_DOMAINS), hexs(S.rng, 6)),
                        S.cyc("wh_send", "event", POSTAL_EVENTS_WH)]),
    dict(key="wh_done", lvl="INFO", job=1,
         tpl="Webhook request to <*> returned <*> after <*>",
         gen=lambda S: ["https://hooks.%s/postal/%s" % (S.rng.choice(EXT_DOMAINS), hexs(S.rng, 6)),
                        S.cyc("wh_done", "status", ["200", "204", "200", "500", "404"]),
                        "%dms" % S.rng.randint(38, 2900)]),
    dict(key="pruned", lvl="INFO", job=0,
         tpl="Pruned <*> expired messages from server <*> in <*>",
         gen=lambda S: [S.rng.randint(2, 4200), S.rng.randint(1, 60), "%.2fs" % (S.rng.randint(30, 9000) / 100)]),
    dict(key="tracking", lvl="DEBUG", job=1,
         tpl="Rewrote <*> links for click tracking in message <*>",
         gen=lambda S: [S.rng.randint(1, 24), S.rng.randint(2000000, 9999999)]),
    dict(key="job_fail", lvl="ERROR", job=1,
         tpl="Failed processing <*> job: <*>",
         gen=lambda S: [S.cyc("job_fail", "job", POSTAL_JOBS), S.cyc("job_fail", "err", POSTAL_JOB_ERR)]),
]
POSTAL_COUNTS = dict(job_start=55, job_done=40, sending=32, connecting=28, sent=24,
                     lock_acq=20, lock_rel=18, wh_send=16, wh_done=14, softfail=12,
                     held=11, tracking=10, hardfail=8, pruned=6, job_fail=6)


def postal_hdr(S, ns, ev, extra):
    pid = S.cyc("header", "pid", POSTAL_PIDS)
    job = ""
    if ev["job"] >= 1 or (ev["job"] > 0 and S.rng.random() < ev["job"]):
        job = "[%s] " % hexs(S.rng, 8)
    return "%s [worker] [%s] %-5s -- %s" % (ts_iso_ms_z(ns), pid, ev["lvl"], job)


POSTAL_RE = (r"(?P<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z) \[worker\] \[\d+\] "
             r"(?:DEBUG|INFO |WARN |ERROR) -- (?:\[[0-9a-f]{8}\] )?")


def make_postal():
    S = System(3, "Postal", POSTAL_EVENTS, postal_hdr, POSTAL_RE, "shuffle")
    run_shuffle(S, POSTAL_COUNTS, 5 * 3600 + 1200, 14)
    return S


# ===========================================================================
# 4. Mailu admin (seeded shuffle)
# ===========================================================================

MAILU_DOMAINS = ["hazelbrook.org", "mossgiel.net", "tarnwick.io"]
MAILU_MASTER = ["7", "8", "9"]
MAILU_WORKERS = ["14", "15", "16", "17", "23", "24"]


def mailu_email(S):
    return "%s@%s" % (S.rng.choice(USERS), S.rng.choice(MAILU_DOMAINS))


def mailu_int_ip(S):
    return "192.168.203.%d" % S.rng.randint(2, 60)


def mg_login(S, ev, reasons):
    rng = S.rng
    proto = S.cyc(ev, "proto", ["imap", "smtp", "web", "imap", "pop3", "sieve"])
    ip = ipv4(rng) if rng.random() < 0.7 else mailu_int_ip(S)
    return [mailu_email(S), proto, ip, S.cyc(ev, "reason", reasons)]


MAILU_EVENTS = [
    dict(key="start", lvl="INFO", master=True,
         tpl="Starting gunicorn <*>", gen=lambda S: [S.cyc("start", "ver", ["21.2.0", "22.0.0"])]),
    dict(key="listen", lvl="INFO", master=True,
         tpl="Listening at: http://0.0.0.0:8080 (<*>)", gen=lambda S: [S.cyc("listen", "pid", MAILU_MASTER)]),
    dict(key="worker_type", lvl="INFO", master=True,
         tpl="Using worker: <*>", gen=lambda S: [S.cyc("worker_type", "w", ["gthread", "sync"])]),
    dict(key="booting", lvl="INFO", master=False,
         tpl="Booting worker with pid: <*>", gen=lambda S: [S.rng.randint(10, 480)]),
    dict(key="exiting", lvl="INFO", master=False,
         tpl="Worker exiting (pid: <*>)", gen=lambda S: [S.rng.randint(10, 480)]),
    dict(key="timeout", lvl="CRITICAL", master=True,
         tpl="WORKER TIMEOUT (pid:<*>)", gen=lambda S: [S.rng.randint(10, 480)]),
    dict(key="signal", lvl="INFO", master=True,
         tpl="Handling signal: <*>", gen=lambda S: [S.cyc("signal", "sig", ["term", "hup", "winch", "int"])]),
    dict(key="rate_limited", lvl="WARNING", master=False,
         tpl="Authentication attempt from <*> has been rate limited.", gen=lambda S: [ipv4(S.rng)]),
    dict(key="login_ok", lvl="INFO", master=False,
         tpl="Login attempt for: <*>/<*>/<*>: success: <*>",
         gen=lambda S: mg_login(S, "login_ok", ["password", "token", "password", "app-token"])),
    dict(key="login_fail", lvl="INFO", master=False,
         tpl="Login attempt for: <*>/<*>/<*>: failed: <*>",
         gen=lambda S: mg_login(S, "login_fail", ["password", "account disabled", "unknown user",
                                                  "password", "rate limited"])),
    dict(key="user_created", lvl="INFO", master=False,
         tpl="Created user <*> with quota <*>",
         gen=lambda S: [mailu_email(S), S.cyc("user_created", "q", ["1.0 GiB", "500.0 MiB", "5.0 GiB"])]),
    dict(key="user_deleted", lvl="INFO", master=False,
         tpl="Deleted user <*>", gen=lambda S: [mailu_email(S)]),
    dict(key="dkim", lvl="INFO", master=False,
         tpl="Generated DKIM key for domain <*> with selector <*>",
         gen=lambda S: [S.cyc("dkim", "dom", MAILU_DOMAINS), S.cyc("dkim", "sel", ["dkim", "mail2026", "s1"])]),
    dict(key="resolve_err", lvl="ERROR", master=False,
         tpl="Unable to resolve <*>: <*>",
         gen=lambda S: [S.cyc("resolve_err", "host", ["redis", "smtp", "imap", "antispam", "webmail"]),
                        S.cyc("resolve_err", "err", ["[Errno -2] Name or service not known",
                                                     "[Errno -3] Temporary failure in name resolution",
                                                     "The DNS operation timed out."])]),
    dict(key="fetch", lvl="INFO", master=False,
         tpl="Fetch <*> for <*> completed with status <*>",
         gen=lambda S: [S.rng.randint(1, 40), mailu_email(S),
                        S.cyc("fetch", "st", ["ok", "ok", "ok", "error: authentication failed",
                                              "ok", "error: connection timed out"])]),
]
MAILU_COUNTS = dict(login_ok=70, login_fail=40, rate_limited=30, booting=25, exiting=22,
                    fetch=20, resolve_err=18, start=16, listen=14, worker_type=12,
                    signal=10, timeout=9, dkim=6, user_created=5, user_deleted=3)


def mailu_hdr(S, ns, ev, extra):
    if ev["master"]:
        pid = S.cyc("header", "master", MAILU_MASTER)
    else:
        pid = S.cyc("header", "worker", MAILU_WORKERS)
    return "[%s +0000] [%s] [%s] " % (ts_space_s(ns), pid, ev["lvl"])


MAILU_RE = (r"\[(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) \+0000\] \[\d+\] "
            r"\[(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\] ")


def make_mailu():
    S = System(4, "MailuAdmin", MAILU_EVENTS, mailu_hdr, MAILU_RE, "shuffle")
    run_shuffle(S, MAILU_COUNTS, 11 * 3600 + 300, 17)
    return S


# ===========================================================================
# 5. getmail6 (seeded shuffle)
# ===========================================================================

GETMAIL_RETR = [("SimpleIMAPSSLRetriever", "imap", 993), ("SimplePOP3SSLRetriever", "pop", 995),
                ("SimpleIMAPSSLRetriever", "mail", 993), ("SimpleIMAPRetriever", "imap", 143)]
GETMAIL_MDA = [("procmail", "/usr/bin/procmail"), ("maildrop", "/usr/bin/maildrop"),
               ("dovecot-lda", "/usr/lib/dovecot/dovecot-lda")]


def gm_retr(S, ev):
    cls, pre, port = S.cyc(ev, "retr", GETMAIL_RETR)
    return "%s:%s@%s.%s:%d" % (cls, S.rng.choice(USERS), pre, S.rng.choice(EXT_DOMAINS), port)


def gm_msg(S):
    n = S.rng.randint(1, 40)
    return [S.rng.randint(1, n), n, S.rng.randint(900, 260000)]


def gm_deliv_maildir(S):
    rng = S.rng
    u = rng.choice(USERS)
    dest = S.cyc("deliv_maildir", "dest", ["/home/%s/Maildir/", "/home/%s/Mail/inbox/",
                                           "/var/mail/vhosts/%s/"]) % u
    return [gm_retr(S, "deliv_maildir")] + gm_msg(S) + [ext_addr(rng), dest]


def gm_deliv_mda(S):
    name, path = S.cyc("deliv_mda", "mda", GETMAIL_MDA)
    return [gm_retr(S, "deliv_mda")] + gm_msg(S) + [ext_addr(S.rng), name, path]


GETMAIL_EVENTS = [
    dict(key="started", tpl="Started getmail <*> running on <*> (Python <*>)",
         gen=lambda S: [S.cyc("started", "v", ["6.18.13", "6.19.1"]),
                        S.cyc("started", "os", ["Linux 6.1.0-18-amd64", "Linux 6.8.0-52-generic",
                                                "FreeBSD 14.1-RELEASE"]),
                        S.cyc("started", "py", ["3.11.2", "3.12.3", "3.11.9"])]),
    dict(key="deliv_maildir",
         tpl="<*>: msg <*>/<*> (<*> bytes) from <<*>> delivered to Maildir <*>", gen=gm_deliv_maildir),
    dict(key="deliv_mda",
         tpl="<*>: msg <*>/<*> (<*> bytes) from <<*>> delivered to MDA_external command <*> (<*>)",
         gen=gm_deliv_mda),
    dict(key="not_retrieved",
         tpl="<*>: msg <*>/<*> (<*> bytes) not retrieved (already seen)",
         gen=lambda S: [gm_retr(S, "not_retrieved")] + gm_msg(S)),
    dict(key="deleted",
         tpl="<*>: msg <*>/<*> (<*> bytes) from <<*>> deleted",
         gen=lambda S: [gm_retr(S, "deleted")] + gm_msg(S) + [ext_addr(S.rng)]),
    dict(key="summary",
         tpl="<*>: <*> messages (<*> bytes) retrieved, <*> skipped",
         gen=lambda S: [gm_retr(S, "summary"), S.rng.randint(0, 14), S.rng.randint(0, 900000),
                        S.rng.randint(0, 60)]),
    dict(key="deliv_err", tpl="Delivery error (<*>)",
         gen=lambda S: [S.cyc("deliv_err", "e", ["command procmail %d exited 75" % S.rng.randint(2000, 65000),
                                                 "maildir delivery %d error (28, No space left on device)"
                                                 % S.rng.randint(2000, 65000),
                                                 "command maildrop %d exited 77" % S.rng.randint(2000, 65000)])]),
    dict(key="imap_err", tpl="IMAP error (<*>)",
         gen=lambda S: [S.cyc("imap_err", "e", ["[Errno 104] Connection reset by peer",
                                                "socket error: EOF",
                                                "command: FETCH => [UNAVAILABLE] server busy, try later",
                                                "[SSL: UNEXPECTED_EOF_WHILE_READING] EOF occurred in violation of protocol"])]),
    dict(key="broken",
         tpl="Retrieval error: server for <*> is broken; offered message <*> but failed to provide it",
         gen=lambda S: [gm_retr(S, "broken"), "%d/%d" % (S.rng.randint(1, 9999), S.rng.randint(1, 99999))]),
    dict(key="timeout", tpl="Timeout during <*> after <*> seconds",
         gen=lambda S: [S.cyc("timeout", "op", ["login", "FETCH", "SELECT", "RETR"]),
                        S.cyc("timeout", "s", ["180", "60", "180", "300"])]),
    dict(key="login_fail", tpl="<*>: IMAP login failed (<*>)",
         gen=lambda S: [gm_retr(S, "login_fail"),
                        S.cyc("login_fail", "e", ["[AUTHENTICATIONFAILED] Invalid credentials (Failure)",
                                                  "[ALERT] Application-specific password required",
                                                  "LOGIN failed."])]),
    dict(key="finished", tpl="Finished getmail run of <*> retrievers in <*>",
         gen=lambda S: [S.rng.randint(1, 6), "%.1fs" % (S.rng.randint(3, 900) / 10)]),
    dict(key="select", tpl="<*>: selected mailbox <*> (<*> messages)",
         gen=lambda S: [gm_retr(S, "select"),
                        S.cyc("select", "mb", ["INBOX", "INBOX", "Archive", "INBOX/Lists", "Spam"]),
                        S.rng.randint(0, 4800)]),
]
GETMAIL_COUNTS = dict(deliv_maildir=90, not_retrieved=40, summary=30, started=25, finished=22,
                      select=20, deliv_mda=18, deleted=15, imap_err=12, deliv_err=10,
                      timeout=8, login_fail=6, broken=4)


def getmail_hdr(S, ns, ev, extra):
    return "%s " % ts_space_s(ns)


GETMAIL_RE = r"(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) "


def make_getmail():
    S = System(5, "Getmail", GETMAIL_EVENTS, getmail_hdr, GETMAIL_RE, "shuffle")
    run_shuffle(S, GETMAIL_COUNTS, 3 * 3600 + 600, 41)
    return S


# ===========================================================================
# 6. OfflineIMAP (seeded shuffle)
# ===========================================================================

OI_ACCOUNTS = ["Personal", "Work", "Club", "Archive"]
OI_FOLDERS = ["INBOX", "Sent", "Archive/2025", "Drafts", "Lists/rust-users", "Junk", "Sent Items"]
OI_HOSTS = ["imap.%s" % d for d in ["brackenfold.net", "dunmere.io", "rookwell.org", "lowmarsh.net"]]


def oi_acc(S, ev):
    return S.cyc(ev, "acc", OI_ACCOUNTS)


def oi_copy(S):
    a = oi_acc(S, "copy")
    n = S.rng.randint(1, 60)
    return [S.rng.randint(1, 48000), S.rng.randint(1, n), n, a + "Remote",
            S.cyc("copy", "folder", OI_FOLDERS), a + "Local"]


def oi_flag(S, ev):
    a = oi_acc(S, ev)
    side = S.cyc(ev, "side", ["Remote", "Local", "Remote"])
    return [S.cyc(ev, "flag", ["S", "F", "R", "T", "D"]), S.rng.randint(1, 40), a + side,
            S.cyc(ev, "folder", OI_FOLDERS)]


def oi_del(S):
    a = oi_acc(S, "deleting")
    n = S.rng.randint(1, 4)
    uids = sorted(S.rng.sample(range(100, 48000), n))
    return [n, ", ".join(str(u) for u in uids), a + S.cyc("deleting", "side", ["Local", "Remote"]),
            S.cyc("deleting", "folder", OI_FOLDERS)]


OI_EVENTS = [
    dict(key="version", lvl="INFO", tpl="OfflineIMAP <*>",
         gen=lambda S: [S.cyc("version", "v", ["8.0.0", "8.0.1"])]),
    dict(key="acc_sync", lvl="INFO", tpl="Account sync <*>:", gen=lambda S: [oi_acc(S, "acc_sync")]),
    dict(key="processing", lvl="INFO", tpl="*** Processing account <*>",
         gen=lambda S: [oi_acc(S, "processing")]),
    dict(key="establishing", lvl="INFO", indent=True, tpl="Establishing connection to <*>:<*> (<*>)",
         gen=lambda S: [S.cyc("establishing", "h", OI_HOSTS), S.cyc("establishing", "p", ["993", "993", "143"]),
                        oi_acc(S, "establishing") + "Remote"]),
    dict(key="syncing", lvl="INFO", indent=True, tpl="Syncing <*>: IMAP -> Maildir",
         gen=lambda S: [S.cyc("syncing", "f", OI_FOLDERS)]),
    dict(key="copy", lvl="INFO", indent=True, tpl="Copy message UID <*> (<*>/<*>) <*>:<*> -> <*>", gen=oi_copy),
    dict(key="deleting", lvl="INFO", indent=True, tpl="Deleting <*> messages (<*>) in <*>:<*>", gen=oi_del),
    dict(key="add_flag", lvl="INFO", indent=True, tpl="Adding flag <*> to <*> messages on <*>:<*>",
         gen=lambda S: oi_flag(S, "add_flag")),
    dict(key="rm_flag", lvl="INFO", indent=True, tpl="Removing flag <*> from <*> messages on <*>:<*>",
         gen=lambda S: oi_flag(S, "rm_flag")),
    dict(key="finished", lvl="INFO", tpl="*** Finished account '<*>' in <*>",
         gen=lambda S: [oi_acc(S, "finished"), "%d:%02d" % (S.rng.randint(0, 3), S.rng.randint(0, 59))]),
    dict(key="conn_err", lvl="ERROR", tpl="Could not connect to server '<*>': <*>",
         gen=lambda S: [S.cyc("conn_err", "h", OI_HOSTS),
                        S.cyc("conn_err", "e", ["[Errno 111] Connection refused",
                                                "[Errno -3] Temporary failure in name resolution",
                                                "timed out"])]),
    dict(key="refresh", lvl="INFO", tpl="Next refresh in <*> minutes",
         gen=lambda S: [S.cyc("refresh", "m", ["5.0", "15.0", "3.0"])]),
    dict(key="folder", lvl="INFO", tpl="Folder <*> [acc: <*>]:",
         gen=lambda S: [S.cyc("folder", "f", OI_FOLDERS), oi_acc(S, "folder")]),
    dict(key="create", lvl="INFO", indent=True, tpl="Creating new Local folder '<*>' on account '<*>'",
         gen=lambda S: [S.cyc("create", "f", ["Lists/rust-users", "Archive/2026", "Receipts", "Sent Items"]),
                        oi_acc(S, "create")]),
]
OI_COUNTS = dict(copy=85, folder=35, syncing=30, add_flag=25, processing=22, finished=20,
                 establishing=18, acc_sync=16, deleting=14, rm_flag=12, refresh=9, create=7,
                 conn_err=4, version=3)


def oi_hdr(S, ns, ev, extra):
    return "%s %s: %s" % (ts_space_comma_ms(ns), ev["lvl"], " " if ev.get("indent") else "")


OI_RE = (r"(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}) "
         r"(?:DEBUG|INFO|WARNING|ERROR): {1,2}")


def make_offlineimap():
    S = System(6, "OfflineImap", OI_EVENTS, oi_hdr, OI_RE, "shuffle")
    run_shuffle(S, OI_COUNTS, 13 * 3600 + 420, 12)
    return S


# ===========================================================================
# self-check
# ===========================================================================


def tpl_regex(tpl):
    return re.compile("".join("(.+?)" if p == "<*>" else re.escape(p)
                              for p in re.split(r"(<\*>)", tpl) if p != ""))


def check(S):
    problems = []

    def bad(msg):
        problems.append("%s: %s" % (S.name, msg))

    d = os.path.join(HERE, S.name)
    with open(os.path.join(d, S.name + ".log"), "rb") as f:
        raw = f.read()
    if not raw.endswith(b"\n"):
        bad("log does not end with newline")
    if b"\r" in raw:
        bad("log contains CR")
    lines = raw.decode("utf-8").split("\n")[:-1]
    if len(lines) != N_LINES:
        bad("%d log lines" % len(lines))
    with open(os.path.join(d, S.name + ".log_structured.csv"), "rb") as f:
        craw = f.read()
    if not craw.endswith(b"\n") or b"\r" in craw:
        bad("csv line endings")
    with open(os.path.join(d, S.name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if not rows or rows[0] != CSV_HEADER:
        bad("csv header %r" % (rows[:1],))
    rows = rows[1:]
    if len(rows) != N_LINES:
        bad("%d csv rows" % len(rows))
    hre = re.compile(S.header_re)
    declared = {"E%d" % (i + 1): e["tpl"] for i, e in enumerate(S.events)}
    tpl_of = {}
    captures = {}
    counts = {}
    last_ts = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            bad("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            bad("row %d LineId %r" % (i, lid))
        if not content or content != content.strip():
            bad("row %d content empty or not stripped" % i)
        if "\n" in content or "\r" in content:
            bad("row %d multi-line content" % i)
        if not line.endswith(content):
            bad("line %d does not end with its content" % i)
            continue
        m = hre.fullmatch(line[:len(line) - len(content)])
        if not m:
            bad("line %d header does not match: %r" % (i, line[:len(line) - len(content)]))
            continue
        ts = tuple(int(x) for x in re.findall(r"\d+", m.group("ts")))
        if last_ts is not None and ts < last_ts:
            bad("line %d timestamp goes back" % i)
        last_ts = ts
        if not re.fullmatch(r"E\d+", eid):
            bad("row %d EventId %r" % (i, eid))
        if eid in tpl_of and tpl_of[eid] != tpl:
            bad("EventId %s has two templates" % eid)
        tpl_of[eid] = tpl
        if declared.get(eid) != tpl:
            bad("row %d template differs from declaration" % i)
        counts[eid] = counts.get(eid, 0) + 1
        mm = tpl_regex(tpl).fullmatch(content)
        if not mm:
            bad("row %d template does not match content" % i)
            continue
        for j, g in enumerate(mm.groups()):
            captures.setdefault((eid, j), set()).add(g)
    if len(set(tpl_of.values())) != len(tpl_of):
        bad("two EventIds share a template")
    if len(set(declared.values())) != len(declared):
        bad("declared templates not distinct")
    if set(tpl_of) != set(declared):
        bad("unused or undeclared events: %s" % sorted(set(declared) ^ set(tpl_of)))
    for eid, tpl in declared.items():
        for j in range(tpl.count("<*>")):
            if len(captures.get((eid, j), ())) < 2:
                bad("%s slot %d has < 2 distinct values" % (eid, j + 1))
    c = sorted(counts.values())
    if not (12 <= len(c) <= 15):
        bad("%d event types" % len(c))
    if c and min(c) < 3:
        bad("an event has fewer than 3 lines: %s" % counts)
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        bad("fewer than 3 events with 3-10 lines: %s" % counts)
    if c and max(c) < 3 * statistics.median(c):
        bad("largest %d < 3x median %s" % (max(c), statistics.median(c)))
    return problems, counts


def main():
    systems = [make_maddy(), make_mox(), make_postal(), make_mailu(), make_getmail(), make_offlineimap()]
    written = 0
    for S in systems:
        written += S.write()
    all_problems = []
    for S in systems:
        problems, counts = check(S)
        all_problems.extend(problems)
        c = sorted(counts.values())
        print("%-12s %-10s events=%2d lines=%d max=%d median=%s min=%d small(3-10)=%d %s" % (
            S.name, S.mode, len(counts), sum(c), max(c) if c else 0,
            statistics.median(c) if c else 0, min(c) if c else 0,
            sum(1 for x in c if 3 <= x <= 10), "OK" if not problems else "FAIL"))
    print("files written: %d" % written)
    if all_problems:
        for p in all_problems:
            print("PROBLEM " + p)
        sys.exit(1)
    print("self-check passed")


if __name__ == "__main__":
    main()
