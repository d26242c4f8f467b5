#!/usr/bin/env python3
"""Round 43 blind labelled log corpus generator (standard library only, deterministic).

Writes <System>/<System>.log and <System>/<System>.log_structured.csv for six systems,
then re-reads every file and self-checks it.
"""
import csv
import os
import random
import re
import statistics
import sys

SEED = 20270141
OUT = os.path.dirname(os.path.abspath(__file__))
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
YEAR, MONTH, DAY = 2026, 3, 14
SEC = 10 ** 9
MS = 10 ** 6
N_LINES = 300


def weekday(y, m, d):
    """Sakamoto's method, returns 0=Mon..6=Sun (no locale, no wall clock)."""
    t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
    if m < 3:
        y -= 1
    w = (y + y // 4 - y // 100 + y // 400 + t[m - 1] + d) % 7  # 0=Sunday
    return (w + 6) % 7


ISO_DATE = "%04d-%02d-%02d" % (YEAR, MONTH, DAY)
SYSLOG_DATE = "%s %2d" % (MONTHS[MONTH - 1], DAY)
WDAY = WDAYS[weekday(YEAR, MONTH, DAY)]


def hms(ns):
    s = ns // SEC
    assert 0 <= s < 86400, "clock left the day"
    return "%02d:%02d:%02d" % (s // 3600, s // 60 % 60, s % 60)


def millis(ns):
    return "%03d" % (ns % SEC // MS)


def go_dur(ns):
    """Go time.Duration.String() style for durations >= 1ms."""
    if ns < SEC:
        w, f = divmod(ns, MS)
        s = ("%d.%06d" % (w, f)).rstrip("0").rstrip(".")
        return s + "ms"
    w, f = divmod(ns, SEC)
    s = ("%d.%09d" % (w, f)).rstrip("0").rstrip(".")
    return s + "s"


def fill(tpl, vals):
    parts = tpl.split("<*>")
    assert len(parts) - 1 == len(vals), (tpl, vals)
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        out.append(str(v))
        out.append(p)
    return "".join(out)


def hexs(r, n):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b64s(r, n):
    return "".join(r.choice(B64) for _ in range(n))


def pub_ip(r):
    return "%d.%d.%d.%d" % (r.choice([31, 45, 62, 77, 81, 89, 94, 103, 109, 117, 146, 151, 176, 178,
                                      185, 188, 193, 195, 203, 212, 217]),
                            r.randint(0, 255), r.randint(0, 255), r.randint(1, 254))


def phone(r, cc="44", n=10):
    return "+" + cc + str(r.choice([7, 7, 7, 6])) + "".join(str(r.randint(0, 9)) for _ in range(n - 1))


class System:
    def __init__(self, k, name, header_re, events):
        self.k = k
        self.name = name
        self.rng = random.Random(SEED * 10 + k)
        self.header_re = re.compile(header_re)
        self.events = events  # list of (key, template), declaration order -> E1, E2, ...
        self.tpl = dict(events)
        assert len(self.tpl) == len(events)
        self.eid = {key: "E%d" % (i + 1) for i, (key, _) in enumerate(events)}
        self.counters = {}
        self.recs = []
        self.seq = 0
        self.kind = ""

    def cyc(self, key, slot, pool):
        """Small pools cycle per (event, slot), starting at a seeded offset."""
        ck = (key, slot)
        if ck not in self.counters:
            self.counters[ck] = self.rng.randrange(len(pool))
        i = self.counters[ck]
        self.counters[ck] = i + 1
        return pool[i % len(pool)]

    def emit(self, ns, header, key, vals):
        content = fill(self.tpl[key], vals)
        self.recs.append((ns, self.seq, header, key, content))
        self.seq += 1

    def finish(self, t_from=None):
        recs = sorted(self.recs, key=lambda x: (x[0], x[1]))
        if t_from is not None:
            recs = [x for x in recs if x[0] >= t_from]
        assert len(recs) >= N_LINES, (self.name, len(recs))
        self.recs = recs[:N_LINES]

    def write(self):
        d = os.path.join(OUT, self.name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, self.name + ".log"), "w", encoding="utf-8", newline="") as f:
            for ns, _, header, key, content in self.recs:
                line = header + content
                assert "\n" not in line and "\r" not in line
                f.write(line + "\n")
        with open(os.path.join(d, self.name + ".log_structured.csv"), "w", encoding="utf-8",
                  newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
            for i, (ns, _, header, key, content) in enumerate(self.recs):
                w.writerow([i + 1, content, self.eid[key], self.tpl[key]])


def shuffle_run(S, counts, t0, mean_gap_s, make):
    """Seeded shuffle: fixed count per event, shuffled, forward-only exponential clock."""
    assert sum(counts.values()) == N_LINES, (S.name, sum(counts.values()))
    assert set(counts) == set(S.tpl)
    keys = []
    for key, _ in S.events:
        keys += [key] * counts[key]
    S.rng.shuffle(keys)
    t = t0
    for key in keys:
        t += int(S.rng.expovariate(1.0 / mean_gap_s) * SEC) + S.rng.randint(1, 999) * 1000
        header, vals = make(key, t)
        S.emit(t, header, key, vals)
    S.finish()


# ---------------------------------------------------------------- 1. Kannel (simulation)
def build_kannel():
    S = System(1, "Kannel",
               r"^" + ISO_DATE + r" (?P<t>\d\d:\d\d:\d\d) \[\d+\] \[\d+\] (?:DEBUG|INFO|WARNING|ERROR|PANIC): $",
               [
                   ("sendsms", "sendsms sender:<<*>:<*>> (<*>) to:<<*>> msg:<<*>>"),
                   ("dlr_add", "DLR[internal]: Adding DLR smsc=<*>, ts=<*>, src=<*>, dst=<*>, mask=<*>, entries in queue: <*>"),
                   ("dlr_look", "DLR[internal]: Looking for DLR smsc=<*>, ts=<*>, dst=<*>, type=<*>"),
                   ("dlr_created", "DLR[internal]: created DLR message for URL <<*>>"),
                   ("mo", "Starting to service <<*>> from <<*>> to <<*>>"),
                   ("dlr_nf", "SMPP[<*>]: got DLR but could not find message or was not interested in it id<<*>> dst<<*>>, type<<*>>"),
                   ("connecting", "SMPP[<*>]: Connecting to <*>:<*>"),
                   ("ioerr", "SMPP[<*>]: I/O error or other error. Re-connecting."),
                   ("noconn", "SMPP[<*>]: Couldn't connect to server."),
                   ("rejected", "SMPP[<*>]: SMSC rejected login to transmit, code 0x<*> (<*>)."),
                   ("bound", "SMPP[<*>]: Bound to SMSC as <*>"),
                   ("box_conn", "Client connected from <<*>>"),
                   ("box_closed", "Connection closed by the box <<*>>"),
                   ("fetch_fail", "Couldn't fetch <<*>>: <*>"),
               ])
    S.kind = "simulation (MT messages with their DLRs, MO messages, SMSC reconnect episodes, box connections)"
    r = S.rng
    BB, SB = 2211, 2237
    T0 = (9 * 3600 + 12 * 60) * SEC + r.randint(0, SEC)
    W = 1800 * SEC
    smscs = [("smpp_telvora", "10.31.4.20", 2775), ("smpp_brightlink", "10.31.7.11", 2776),
             ("smpp_nordsms", "172.20.1.5", 3700)]

    def H(ns, pid, thr, lvl):
        return "%s %s [%d] [%d] %s: " % (ISO_DATE, hms(ns), pid, thr, lvl)

    # --- MT messages
    mts = []
    t = T0
    for i in range(58):
        t += int(r.expovariate(1.0 / 30) * SEC) + r.randint(1, 900) * MS
        si = r.choice([0, 0, 1, 1, 2])
        m = {
            "t": t, "smsc": si, "user": S.cyc("mt", "user", ["otp-svc", "crm-app", "tester", "billing-gw"]),
            "from": S.cyc("mt", "from", ["ACMEBANK", "+447700900123", "NORDPOST", "60777", "+447700900456"]),
            "client": S.cyc("mt", "client", ["10.20.0.40", "10.20.0.41", "127.0.0.1"]),
            "to": phone(r),
            "ts": hexs(r, 8) if si != 1 else str(r.randint(10 ** 9, 4 * 10 ** 9)),
            "mask": S.cyc("mt", "mask", [31, 31, 19, 7, 31]),
            "id": hexs(r, 8) + "-" + hexs(r, 4) + "-" + hexs(r, 4),
        }
        kindm = r.randrange(5)
        if kindm == 0:
            m["msg"] = "Your verification code is %06d" % r.randint(0, 999999)
        elif kindm == 1:
            m["msg"] = "Payment of EUR %d.%02d approved at %s" % (r.randint(3, 900), r.randint(0, 99),
                                                                  r.choice(["LIDO MARKET", "CITYFUEL 22", "WEBSHOP"]))
        elif kindm == 2:
            m["msg"] = "Parcel %s%06d is out for delivery today" % (r.choice(["NP", "QX", "ZL"]), r.randint(0, 999999))
        elif kindm == 3:
            m["msg"] = "Reminder: appointment on 16/03 at %02d:%s" % (r.randint(8, 17), r.choice(["00", "15", "30", "45"]))
        else:
            m["msg"] = "Your login code: %04d. Do not share it." % r.randint(0, 9999)
        m["add"] = t + r.randint(6, 140) * MS
        m["ack"] = (m["add"] + r.randint(250, 2600) * MS) if i % 2 == 0 else None
        m["fin"] = m["add"] + int(r.expovariate(1.0 / 25) * SEC) + 900 * MS
        m["ftype"] = S.cyc("mt", "ftype", [1, 1, 2, 1, 16, 1, 1])
        m["nf"] = (i % 13 == 6)
        mts.append(m)
    for i, m in enumerate(mts):
        q = sum(1 for o in mts if o["add"] <= m["add"] < o["fin"])
        sname = smscs[m["smsc"]][0]
        sthr = 4 + 2 * m["smsc"]
        S.emit(m["t"], H(m["t"], SB, S.cyc("mt", "sbthr", [7, 8, 9, 10, 11]), "INFO"), "sendsms",
               [m["user"], m["from"], m["client"], m["to"], m["msg"]])
        S.emit(m["add"], H(m["add"], BB, sthr, "DEBUG"), "dlr_add",
               [sname, m["ts"], m["from"], m["to"], m["mask"], q])
        url = "http://10.20.0.40:8080/kannel/dlr?msgid=%s&status=%%d&smsc=%s" % (m["id"], sname)
        if m["ack"] is not None:
            S.emit(m["ack"], H(m["ack"], BB, sthr + 1, "DEBUG"), "dlr_look", [sname, m["ts"], m["to"], 8])
            tc = m["ack"] + r.randint(1, 4) * MS
            S.emit(tc, H(tc, BB, sthr + 1, "DEBUG"), "dlr_created", [url.replace("%d", "8")])
        S.emit(m["fin"], H(m["fin"], BB, sthr + 1, "DEBUG"), "dlr_look", [sname, m["ts"], m["to"], m["ftype"]])
        tc = m["fin"] + r.randint(1, 4) * MS
        if m["nf"]:
            S.emit(tc, H(tc, BB, sthr + 1, "WARNING"), "dlr_nf", [sname, m["ts"], m["to"], m["ftype"]])
        else:
            S.emit(tc, H(tc, BB, sthr + 1, "DEBUG"), "dlr_created", [url.replace("%d", str(m["ftype"]))])

    # --- MO messages
    t = T0
    for i in range(34):
        t += int(r.expovariate(1.0 / 52) * SEC) + r.randint(1, 999) * MS
        kw = S.cyc("mo", "text", ["STOP", "BAL", "INFO TRAIN", "YES", "HELP", "JOIN QUIZ", "PIN"])
        if kw in ("BAL", "PIN"):
            kw += " %04d" % r.randint(0, 9999)
        S.emit(t, H(t, SB, S.cyc("mo", "thr", [12, 13, 14]), "INFO"), "mo",
               [kw, phone(r), S.cyc("mo", "to", ["60777", "84433", "2020"])])

    # --- SMSC reconnect episodes
    episodes = [
        (0.06, 0, ["ioerr", "connecting", "bound"]),
        (0.21, 1, ["ioerr", "connecting", "noconn", "connecting", "noconn", "connecting", "bound"]),
        (0.40, 2, ["ioerr", "connecting", "rejected", "connecting", "rejected", "connecting", "bound"]),
        (0.57, 0, ["ioerr", "connecting", "noconn", "connecting", "bound"]),
        (0.70, 1, ["ioerr", "connecting", "rejected", "connecting", "bound"]),
    ]
    for frac, si, steps in episodes:
        name, host, port = smscs[si]
        t = T0 + int(W * frac) + r.randint(0, 30 * SEC)
        thr = 4 + 2 * si
        prev = None
        for st in steps:
            if st == "connecting":
                t += (r.randint(10, 900) * MS) if prev == "ioerr" else (10 * SEC + r.randint(0, 300) * MS)
                S.emit(t, H(t, BB, thr, "INFO"), "connecting", [name, host, port])
            elif st == "ioerr":
                S.emit(t, H(t, BB, thr, "ERROR"), "ioerr", [name])
            elif st == "noconn":
                t += r.randint(5, 30) * SEC + r.randint(0, 999) * MS
                S.emit(t, H(t, BB, thr, "ERROR"), "noconn", [name])
            elif st == "rejected":
                t += r.randint(80, 600) * MS
                code, why = S.cyc("rejected", "code", [("0000000e", "Invalid Password"), ("0000000d", "Bind Failed"),
                                                       ("0000000f", "Invalid System ID")])
                S.emit(t, H(t, BB, thr, "ERROR"), "rejected", [name, code, why])
            elif st == "bound":
                t += r.randint(80, 600) * MS
                S.emit(t, H(t, BB, thr, "INFO"), "bound",
                       [name, S.cyc("bound", "mode", ["transceiver", "transmitter", "receiver"])])
            prev = st

    # --- box connections
    for frac in (0.03, 0.18, 0.36, 0.52, 0.66):
        t = T0 + int(W * frac) + r.randint(0, 20 * SEC)
        ip = S.cyc("box", "ip", ["127.0.0.1", "10.20.0.15", "10.20.0.16"])
        S.emit(t, H(t, BB, S.cyc("box", "thr", [21, 22, 23]), "INFO"), "box_conn", [ip])
        t2 = t + r.randint(40, 260) * SEC + r.randint(0, 999) * MS
        S.emit(t2, H(t2, BB, S.cyc("box", "thr2", [21, 22]), "INFO"), "box_closed", [ip])

    # --- failed URL fetches in smsbox
    for frac in (0.12, 0.33, 0.61, 0.79):
        t = T0 + int(W * frac) + r.randint(0, 40 * SEC)
        url = S.cyc("fetch", "url", ["http://10.20.0.50/mo/handler.php?kw=BAL&from=%2B4477",
                                     "http://quiz.internal.lan:8081/sms/in",
                                     "http://10.20.0.51:9000/keyword/info"])
        why = S.cyc("fetch", "why", ["HTTP status 503", "connection refused", "HTTP status 500", "timeout after 30s"])
        S.emit(t, H(t, SB, S.cyc("fetch", "thr", [15, 16]), "ERROR"), "fetch_fail", [url, why])
    S.finish()
    return S


# ---------------------------------------------------------------- 2. CourierImap (simulation)
def build_courier():
    HOST = "mx-corvid"
    S = System(2, "CourierImap",
               r"^" + SYSLOG_DATE + r" (?P<t>\d\d:\d\d:\d\d) " + HOST +
               r" (?:imapd|imapd-ssl|pop3d|pop3d-ssl|authdaemond): $",
               [
                   ("conn", "Connection, ip=[<*>]"),
                   ("auth_req", "received auth request, service=<*>, authtype=<*>"),
                   ("login_imap", "LOGIN, user=<*>, ip=[<*>], port=[<*>], protocol=IMAP"),
                   ("login_pop", "LOGIN, user=<*>, ip=[<*>], port=[<*>]"),
                   ("login_failed", "LOGIN FAILED, user=<*>, ip=[<*>]"),
                   ("auth_err", "authentication error: <*>"),
                   ("logout_imap", "LOGOUT, user=<*>, ip=[<*>], headers=<*>, body=<*>, rcvd=<*>, sent=<*>, time=<*>"),
                   ("timeout", "TIMEOUT, user=<*>, ip=[<*>], headers=<*>, body=<*>, rcvd=<*>, sent=<*>, time=<*>"),
                   ("disc", "DISCONNECTED, user=<*>, ip=[<*>], headers=<*>, body=<*>, rcvd=<*>, sent=<*>, time=<*>"),
                   ("logout_pop", "LOGOUT, user=<*>, ip=[<*>], port=[<*>], top=<*>, retr=<*>, rcvd=<*>, sent=<*>, time=<*>"),
                   ("tls_err", "couriertls: accept: <*>"),
                   ("ssl_shut", "Unexpected SSL connection shutdown."),
                   ("maxconn", "Maximum connection limit reached for <*>"),
               ])
    S.kind = "simulation (IMAP/POP3 client sessions)"
    r = S.rng
    T0 = (7 * 3600 + 41 * 60) * SEC + r.randint(0, SEC)
    W = 2000 * SEC

    def H(ns, prog):
        return "%s %s %s %s: " % (SYSLOG_DATE, hms(ns), HOST, prog)

    users = ["alice@corvid-mail.net", "b.okafor@corvid-mail.net", "sales@hartwell-tools.eu", "m.lindqvist",
             "postmaster@corvid-mail.net", "tkowalczyk", "helpdesk@hartwell-tools.eu", "ravi.n@corvid-mail.net"]
    tls_errs = ["error:1408F10B:SSL routines:ssl3_get_record:wrong version number",
                "error:14094416:SSL routines:ssl3_read_bytes:sslv3 alert certificate unknown",
                "error:1417A0C1:SSL routines:tls_post_process_client_hello:no shared cipher",
                "error:14209102:SSL routines:tls_early_post_process_client_hello:unsupported protocol"]

    def client_ip():
        if r.random() < 0.15:
            return "2001:db8:%x:%x::%x" % (r.randint(1, 0xfff), r.randint(1, 0xffff), r.randint(1, 0xfff))
        return "::ffff:" + pub_ip(r)

    t = T0 - 3000 * SEC
    i = 0
    while t < T0 + W:
        t += int(r.expovariate(1.0 / 19) * SEC) + r.randint(1, 999) * MS
        i += 1
        kind = S.cyc("sess", "kind", ["imapd-ssl", "imapd-ssl", "imapd", "pop3d-ssl", "imapd-ssl", "pop3d", "imapd-ssl"])
        imap = kind.startswith("imap")
        ssl = kind.endswith("ssl")
        ip = client_ip()
        user = r.choice(users)
        port = r.randint(1025, 65535)
        S.emit(t, H(t, kind), "conn", [ip])
        if ssl and i % 23 == 7:
            te = t + r.randint(20, 400) * MS
            S.emit(te, H(te, kind), "tls_err", [S.cyc("tls_err", "e", tls_errs)])
            continue
        if ssl and i % 17 == 12:
            te = t + r.randint(1, 30) * SEC
            S.emit(te, H(te, kind), "ssl_shut", [])
            continue
        t1 = t + r.randint(30, 900) * MS
        S.emit(t1, H(t1, "authdaemond"), "auth_req",
               ["imap" if imap else "pop3", S.cyc("auth_req", "type", ["login", "plain", "login", "cram-md5"])])
        if i % 11 == 4:
            if i % 22 == 4:
                ta = t1 + r.randint(2, 40) * MS
                S.emit(ta, H(ta, kind), "auth_err",
                       [S.cyc("auth_err", "e", ["Input/output error", "Permission denied", "Connection refused"])])
            tf = t1 + 3 * SEC + r.randint(0, 200) * MS
            S.emit(tf, H(tf, kind), "login_failed", [S.cyc("login_failed", "u", users[::-1] + ["admin", "test"]), ip])
            continue
        tl = t1 + r.randint(3, 60) * MS
        rcvd = r.randint(60, 9000)
        if imap:
            S.emit(tl, H(tl, kind), "login_imap", [user, ip, port])
            end = S.cyc("imap", "end", ["logout"] * 4 + ["timeout", "logout", "disc", "logout", "logout", "timeout", "disc"])
            if end == "timeout":
                dur = 1800 + r.randint(0, 40)
            else:
                dur = r.choice([r.randint(1, 40), r.randint(41, 900), r.randint(300, 2400)])
            te = tl + dur * SEC + r.randint(0, 999) * MS
            key = {"logout": "logout_imap", "timeout": "timeout", "disc": "disc"}[end]
            hdrs = r.randint(200, 90000) if S.cyc(key, "hdrs", [0, 1, 1]) else 0
            body = r.randint(500, 4000000) if S.cyc(key, "body", [0, 1, 0]) else 0
            sent = hdrs + body + r.randint(300, 20000)
            S.emit(te, H(te, kind), key, [user, ip, hdrs, body, rcvd, sent, dur])
        else:
            S.emit(tl, H(tl, kind), "login_pop", [user, ip, port])
            dur = r.randint(0, 14)
            te = tl + dur * SEC + r.randint(0, 999) * MS
            top = r.choice([0, 0, r.randint(100, 5000)])
            retr = r.choice([0, r.randint(800, 3000000)])
            S.emit(te, H(te, kind), "logout_pop", [user, ip, port, top, retr, rcvd // 4, top + retr + r.randint(80, 900), dur])

    for frac in (0.09, 0.31, 0.55, 0.74):
        tm = T0 + int(W * frac) + r.randint(0, 30 * SEC)
        S.emit(tm, H(tm, S.cyc("maxconn", "prog", ["imapd-ssl", "imapd"])), "maxconn",
               [S.cyc("maxconn", "ip", ["::ffff:185.220.14.77", "::ffff:89.248.163.12", "::ffff:45.142.120.9"])])
    S.finish(t_from=T0)
    return S


# ---------------------------------------------------------------- 3. DnscryptProxy (shuffle)
def build_dnscrypt():
    S = System(3, "DnscryptProxy",
               r"^\[" + ISO_DATE + r" (?P<t>\d\d:\d\d:\d\d)\] \[(?:DEBUG|INFO|NOTICE|WARNING|ERROR|CRITICAL|FATAL)\] $",
               [
                   ("ok_dnscrypt", "[<*>] OK (DNSCrypt) - rtt: <*>"),
                   ("ok_doh", "[<*>] OK (DoH) - rtt: <*>"),
                   ("timeout", "[<*>] TIMEOUT"),
                   ("sorted_row", "-    <*> <*>"),
                   ("sorted", "Sorted latencies:"),
                   ("lowest", "Server with the lowest initial latency: <*> (rtt: <*>)"),
                   ("ready", "dnscrypt-proxy is ready - live servers: <*>"),
                   ("listen_udp", "Now listening to <*> [UDP]"),
                   ("listen_tcp", "Now listening to <*> [TCP]"),
                   ("source", "Source [<*>] loaded"),
                   ("blocking", "Loading the set of blocking rules from [<*>]"),
                   ("forwarding", "Loading the set of forwarding rules from [<*>]"),
                   ("anon", "Anonymized DNS: routing [<*>] via [<*>]"),
                   ("bootstrap", "System DNS configuration not usable yet, exceptionally resolving [<*>] using bootstrap resolvers over <*>"),
                   ("cert_fail", "[<*>] Certificate refresh failed: <*>"),
               ])
    S.kind = "seeded shuffle"
    r = S.rng
    dc = ["vela-dnscrypt-de", "saltmarsh-dnscrypt-fr", "tern-dnscrypt-se", "moss-dnscrypt-nl", "kestrel-ip4",
          "quillon-ip6", "brandt-dnscrypt-at", "osprey-dnscrypt-pl"]
    doh = ["northwind-doh", "pinecone-doh-ch", "harbor-doh-us", "fjord-doh-no", "lumen-doh-ie", "cobalt-doh-jp"]
    relays = ["anon-fjord-relay", "anon-kestrel-relay", "anon-larch-relay", "anon-tidewater-relay"]
    counts = {"ok_dnscrypt": 84, "ok_doh": 64, "timeout": 22, "sorted_row": 50, "sorted": 4, "lowest": 4,
              "ready": 4, "listen_udp": 6, "listen_tcp": 6, "source": 8, "blocking": 5, "forwarding": 4,
              "anon": 12, "bootstrap": 9, "cert_fail": 18}
    counts["cert_fail"] = N_LINES - sum(v for k, v in counts.items() if k != "cert_fail")
    lvl = {"timeout": "INFO", "blocking": "INFO", "forwarding": "INFO", "cert_fail": "WARNING"}

    def rtt(lo, hi):
        return "%dms" % r.randint(lo, hi)

    def make(key, t):
        h = "[%s %s] [%s] " % (ISO_DATE, hms(t), lvl.get(key, "NOTICE"))
        if key == "ok_dnscrypt":
            v = [r.choice(dc), rtt(8, 240)]
        elif key == "ok_doh":
            v = [r.choice(doh), rtt(11, 310)]
        elif key == "timeout":
            v = [S.cyc(key, "n", dc[:4] + doh[:3])]
        elif key == "sorted_row":
            v = [rtt(10, 99), r.choice(dc + doh)]
        elif key == "sorted":
            v = []
        elif key == "lowest":
            v = [S.cyc(key, "n", ["moss-dnscrypt-nl", "northwind-doh", "vela-dnscrypt-de"]), rtt(9, 35)]
        elif key == "ready":
            v = [r.randint(9, 38)]
        elif key == "listen_udp" or key == "listen_tcp":
            v = [S.cyc(key, "a", ["127.0.0.1:53", "[::1]:53", "127.0.2.1:5300"])]
        elif key == "source":
            v = [S.cyc(key, "s", ["public-resolvers", "relays", "odoh-servers", "odoh-relays"])]
        elif key == "blocking":
            v = [S.cyc(key, "f", ["blocked-names.txt", "/etc/dnscrypt-proxy/blocklist-ads.txt"])]
        elif key == "forwarding":
            v = [S.cyc(key, "f", ["forwarding-rules.txt", "/etc/dnscrypt-proxy/forward-lan.txt"])]
        elif key == "anon":
            v = [r.choice(dc), r.choice(relays)]
        elif key == "bootstrap":
            v = [S.cyc(key, "h", ["mirror.resolverlists.net", "dl.dnslist-mirror.org", "lists.quillon.example"]),
                 S.cyc(key, "p", ["udp", "tcp"])]
        elif key == "cert_fail":
            e = S.cyc(key, "e", ["read udp 192.168.1.20:%d->%s:443: i/o timeout",
                                 "Certificate has expired",
                                 "no certificate found for resolver",
                                 "read udp 192.168.1.20:%d->%s:8443: connection refused"])
            if "%d" in e:
                e = e % (r.randint(32768, 60999), pub_ip(r))
            v = [r.choice(dc), e]
        return h, v

    shuffle_run(S, counts, (6 * 3600 + 2 * 60) * SEC + r.randint(0, SEC), 5.5, make)
    return S


# ---------------------------------------------------------------- 4. Ulogd (shuffle)
def build_ulogd():
    HOST = "fw-edge1"
    S = System(4, "Ulogd",
               r"^(?:" + SYSLOG_DATE + r" (?P<t>\d\d:\d\d:\d\d) " + HOST + r" |" + WDAY + " " + SYSLOG_DATE +
               r" (?P<t2>\d\d:\d\d:\d\d) %d <[1-8]> [A-Za-z0-9_]+\.c:\d+ )$" % YEAR,
               [
                   ("in_tcp", "INPUT-DROP: IN=<*> OUT= MAC=<*> SRC=<*> DST=<*> LEN=<*> TOS=<*> PREC=0x00 TTL=<*> ID=<*> DF PROTO=TCP SPT=<*> DPT=<*> WINDOW=<*> RES=0x00 SYN URGP=0"),
                   ("in_udp", "INPUT-DROP: IN=<*> OUT= MAC=<*> SRC=<*> DST=<*> LEN=<*> TOS=<*> PREC=0x00 TTL=<*> ID=<*> PROTO=UDP SPT=<*> DPT=<*> LEN=<*>"),
                   ("in_icmp", "INPUT-DROP: IN=<*> OUT= MAC=<*> SRC=<*> DST=<*> LEN=<*> TOS=0x00 PREC=0x00 TTL=<*> ID=<*> PROTO=ICMP TYPE=<*> CODE=0 ID=<*> SEQ=<*>"),
                   ("fwd_tcp", "FWD-ACCEPT: IN=<*> OUT=<*> MAC=<*> SRC=<*> DST=<*> LEN=<*> TOS=<*> PREC=0x00 TTL=<*> ID=<*> DF PROTO=TCP SPT=<*> DPT=<*> WINDOW=<*> RES=0x00 SYN URGP=0"),
                   ("out_rej", "OUTPUT-REJECT: IN= OUT=<*> SRC=<*> DST=<*> LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=<*> DF PROTO=TCP SPT=<*> DPT=<*> WINDOW=<*> RES=0x00 SYN URGP=0"),
                   ("in_rst", "INPUT-DROP: IN=<*> OUT= MAC=<*> SRC=<*> DST=<*> LEN=40 TOS=<*> PREC=0x00 TTL=<*> ID=<*> PROTO=TCP SPT=<*> DPT=<*> WINDOW=0 RES=0x00 ACK RST URGP=0"),
                   ("reg_plugin", "registering plugin `<*>'"),
                   ("stack", "building new pluginstance stack: '<*>'"),
                   ("version", "ulogd Version <*> (re-)starting"),
                   ("init_done", "initialization finished, entering main loop"),
                   ("reopen", "reopening logfile `<*>'"),
                   ("bind_err", "unable to bind to log group <*>: <*>"),
                   ("losing", "We are losing events, please, consider using the clauses `netlink_socket_buffer_size' and `netlink_socket_buffer_maxsize'"),
                   ("term", "Terminal signal received, exiting"),
               ])
    S.kind = "seeded shuffle"
    r = S.rng
    counts = {"in_tcp": 105, "in_udp": 75, "in_icmp": 22, "fwd_tcp": 30, "out_rej": 12, "in_rst": 14,
              "reg_plugin": 12, "stack": 4, "version": 4, "init_done": 4, "reopen": 5, "bind_err": 3,
              "losing": 6, "term": 4}
    own = {"reg_plugin": (5, "ulogd.c", 408), "stack": (5, "ulogd.c", 976), "version": (5, "ulogd.c", 1563),
           "init_done": (5, "ulogd.c", 1617), "reopen": (5, "ulogd_output_LOGEMU.c", 154),
           "bind_err": (7, "ulogd_inppkt_NFLOG.c", 604), "losing": (7, "ulogd_inppkt_NFLOG.c", 371),
           "term": (5, "ulogd.c", 1309)}
    ifmac = {"eth0": "52:54:00:3a:9c:11", "eth1": "52:54:00:7e:02:4d", "ens19": "52:54:00:c1:88:e0", "eth2": "52:54:00:5d:41:b7"}
    lan = ["10.40.0.%d" % n for n in (12, 17, 23, 54, 101)]
    wan_ip = ["198.51.100.%d" % n for n in (7, 8, 9)]

    def mac(iface):
        return "%s:%s:08:00" % (ifmac[iface], ":".join("%02x" % r.randint(0, 255) for _ in range(6)))

    def make(key, t):
        if key in own:
            lv, f, ln = own[key]
            h = "%s %s %s %d <%d> %s:%d " % (WDAY, SYSLOG_DATE, hms(t), YEAR, lv, f, ln)
        else:
            h = "%s %s %s " % (SYSLOG_DATE, hms(t), HOST)
        tos = lambda k: S.cyc(k, "tos", ["0x00", "0x00", "0x08", "0x00", "0x20", "0x10"])
        if key == "in_tcp":
            ifc = S.cyc(key, "if", ["eth0", "eth0", "ens19"])
            v = [ifc, mac(ifc), pub_ip(r), r.choice(wan_ip), r.choice([40, 44, 52, 60]), tos(key), r.randint(38, 250),
                 r.randint(0, 65535), r.randint(1024, 65535),
                 S.cyc(key, "dpt", [22, 23, 3389, 445, 8080, 5900, 1433, 22, 6379, 2323]),
                 r.choice([1024, 29200, 64240, 65535, 14600, 42340])]
        elif key == "in_udp":
            ifc = S.cyc(key, "if", ["eth0", "ens19", "eth0"])
            ln = r.choice([28, 32, 48, 58, 76, 120, 331])
            v = [ifc, mac(ifc), pub_ip(r), r.choice(wan_ip), ln, tos(key), r.randint(38, 250), r.randint(0, 65535),
                 r.randint(1024, 65535), S.cyc(key, "dpt", [53, 123, 161, 1900, 5060, 11211, 500, 137]), ln - 20]
        elif key == "in_icmp":
            ifc = S.cyc(key, "if", ["eth0", "ens19"])
            v = [ifc, mac(ifc), pub_ip(r), r.choice(wan_ip), r.choice([28, 60, 84]), r.randint(40, 250),
                 r.randint(0, 65535), S.cyc(key, "type", [8, 8, 13]), r.randint(1, 65535), r.randint(1, 4000)]
        elif key == "fwd_tcp":
            ifc = S.cyc(key, "if", ["eth1", "eth1", "eth2"])
            v = [ifc, S.cyc(key, "of", ["eth0", "eth0", "ens19"]), mac(ifc), r.choice(lan), pub_ip(r), r.choice([52, 60]), tos(key), 63, r.randint(0, 65535),
                 r.randint(32768, 60999), S.cyc(key, "dpt", [443, 443, 80, 993, 22, 587]), r.choice([64240, 29200])]
            v[7] = S.cyc(key, "ttl", [63, 127])
        elif key == "out_rej":
            v = [S.cyc(key, "of", ["eth0", "eth1"]), S.cyc(key, "src", ["198.51.100.7", "10.40.0.1"]), pub_ip(r),
                 r.randint(0, 65535), r.randint(32768, 60999), S.cyc(key, "dpt", [25, 6667, 4444, 25]),
                 S.cyc(key, "win", [64240, 29200])]
        elif key == "in_rst":
            ifc = S.cyc(key, "if", ["eth0", "ens19"])
            v = [ifc, mac(ifc), pub_ip(r), r.choice(wan_ip), tos(key), r.randint(40, 250), r.randint(0, 65535),
                 r.choice([80, 443, 8443, r.randint(1024, 65535)]), r.randint(1024, 65535)]
        elif key == "reg_plugin":
            v = [S.cyc(key, "p", ["NFLOG", "BASE", "IFINDEX", "IP2STR", "PRINTPKT", "LOGEMU", "NFCT", "GPRINT",
                                  "SYSLOG"])]
        elif key == "stack":
            v = [S.cyc(key, "s", ["log1:NFLOG,base1:BASE,ifi1:IFINDEX,ip2str1:IP2STR,print1:PRINTPKT,emu1:LOGEMU",
                                  "log2:NFLOG,base1:BASE,ifi1:IFINDEX,ip2str1:IP2STR,print1:PRINTPKT,sys1:SYSLOG",
                                  "ct1:NFCT,ip2str1:IP2STR,print1:PRINTFLOW,emu1:LOGEMU"])]
        elif key == "version":
            v = [S.cyc(key, "v", ["2.0.7", "2.0.8"])]
        elif key == "reopen":
            v = [S.cyc(key, "f", ["/var/log/ulog/syslogemu.log", "/var/log/ulog/fwd-accept.log"])]
        elif key == "bind_err":
            v = [S.cyc(key, "g", [1, 2]), S.cyc(key, "e", ["Operation not permitted", "Device or resource busy"])]
        else:
            v = []
        return h, v

    shuffle_run(S, counts, (13 * 3600 + 5 * 60) * SEC + r.randint(0, SEC), 3.0, make)
    return S


# ---------------------------------------------------------------- 5. Miniflux (simulation)
def build_miniflux():
    S = System(5, "Miniflux",
               r"^time=" + ISO_DATE + r"T(?P<t>\d\d:\d\d:\d\d\.\d{3})Z level=(?:DEBUG|INFO|WARN|ERROR) $",
               [
                   ("batch", 'msg="Created a batch of feeds" nb_jobs=<*>'),
                   ("job_recv", 'msg="Job received by worker" worker_id=<*> user_id=<*> feed_id=<*> feed_url=<*>'),
                   ("begin", 'msg="Begin feed refresh process" user_id=<*> feed_id=<*> force_refresh=<*>'),
                   ("not_mod", 'msg="Feed not modified" user_id=<*> feed_id=<*>'),
                   ("modified", 'msg="Feed modified" user_id=<*> feed_id=<*> nb_new_entries=<*>'),
                   ("refresh_err", 'msg="Unable to refresh the feed" user_id=<*> feed_id=<*> feed_url=<*> error="<*>"'),
                   ("store_err", 'msg="Unable to store feed entries" user_id=<*> feed_id=<*> error="<*>"'),
                   ("job_done", 'msg="Job processed by worker" worker_id=<*> feed_id=<*> duration=<*>'),
                   ("http", 'msg="Incoming request" client_ip=<*> request.method=<*> request.uri=<*> request.protocol=HTTP/1.1 execution_time=<*>'),
                   ("sessions", 'msg="Sessions cleanup" removed_sessions=<*>'),
                   ("arch_read", 'msg="Archiving read entries" nb_entries=<*> limit=5000'),
                   ("arch_unread", 'msg="Archiving unread entries" nb_entries=<*> limit=5000'),
                   ("auth_fail", 'msg="Incorrect username or password" authentication_failed=true client_ip=<*> user_agent="<*>" username=<*>'),
                   ("auth_ok", 'msg="User authenticated successfully" authentication_successful=true client_ip=<*> user_agent="<*>" user_id=<*> username=<*>'),
               ])
    S.kind = "simulation (scheduler batches, feed refresh jobs on a 5-worker pool, HTTP requests, cleanup runs)"
    r = S.rng
    T0 = (10 * 3600 + 3 * 60) * SEC + r.randint(0, SEC)
    W = 1900 * SEC

    def H(ns, lvl):
        return "time=%sT%s.%sZ level=%s " % (ISO_DATE, hms(ns), millis(ns), lvl)

    hosts = ["https://blog.ferrowave.dev/feed.xml", "https://news.kestrelhill.org/rss", "https://www.tidepool-notes.net/atom.xml",
             "https://feeds.larchbyte.io/posts.rss", "https://quill-and-ink.example/index.xml",
             "https://releases.harborstack.dev/atom", "https://podcast.oddmoor.fm/feed", "https://journal.saltmarsh.eu/rss.xml",
             "https://lwn-mirror.brightcomb.net/headlines", "https://dev.pinecone-labs.ch/blog/feed",
             "https://weekly.cobaltcode.jp/feed.atom", "https://status.northwind-cloud.com/history.rss",
             "https://photos.fjordlight.no/feed", "https://changelog.vela-apps.de/rss", "https://mossgarden.blog/feed/",
             "https://www.osprey-sec.pl/advisories.xml", "https://notes.brandt.at/atom.xml", "https://ravens-table.org/feed",
             "https://lumen-data.ie/blog/rss", "https://git.tern.se/project/releases.atom"]
    feeds = [(100 + 7 * i + r.randint(0, 6), 1 + i % 3, u) for i, u in enumerate(hosts)]
    errs = ["Unable to fetch this resource (Status Code = 404)", "Unable to fetch this resource (Status Code = 503)",
            "Website unreachable, the request timed out after 20 seconds", "Unable to parse feed: invalid XML document",
            "Too many requests (Status Code = 429)"]
    store_errs = ["store: unable to create entry: pq: duplicate key value violates unique constraint entries_feed_id_hash_key",
                  "store: unable to update entry: pq: deadlock detected",
                  "store: unable to start transaction: context canceled"]
    agents = ["Mozilla/5.0 (X11; Linux x86_64; rv:124.0) Gecko/20100101 Firefox/124.0",
              "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15",
              "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0 Mobile Safari/537.36"]
    clients = ["192.168.7.21", "192.168.7.35", "10.8.0.6", "172.16.4.12"]
    counter = {"job": 0}

    def refresh(tstart, f, force, worker):
        """One feed refresh; returns end time."""
        fid, uid, url = f
        tb = tstart + r.randint(50, 900) * 1000
        S.emit(tb, H(tb, "DEBUG"), "begin", [uid, fid, force])
        d = int(r.expovariate(1.0 / 1.1) * SEC) + r.randint(60, 400) * MS
        te = tb + d
        counter["job"] += 1
        j = counter["job"]
        if j % 9 == 4:
            S.emit(te, H(te, "WARN"), "refresh_err", [uid, fid, url, S.cyc("refresh_err", "e", errs)])
        elif r.random() < 0.55:
            S.emit(te, H(te, "DEBUG"), "not_mod", [uid, fid])
        else:
            S.emit(te, H(te, "DEBUG"), "modified", [uid, fid, r.choice([1, 1, 2, 3, 4, 7, 12])])
            if j % 10 == 7:
                te += r.randint(5, 90) * MS
                S.emit(te, H(te, "ERROR"), "store_err", [uid, fid, S.cyc("store_err", "e", store_errs)])
        return te

    # scheduler batches and the worker pool
    free = [T0] * 5
    for bi, off in enumerate((15, 470, 930, 1390, 1850)):
        tb = T0 + off * SEC + r.randint(0, 999) * MS
        n = S.cyc("batch", "n", [12, 9, 14, 11, 10])
        S.emit(tb, H(tb, "INFO"), "batch", [n])
        for f in r.sample(feeds, n):
            w = min(range(5), key=lambda x: (free[x], x))
            ts = max(free[w], tb) + r.randint(100, 3000) * 1000
            S.emit(ts, H(ts, "DEBUG"), "job_recv", [w, f[1], f[0], f[2]])
            te = refresh(ts, f, "false", w) + r.randint(1, 25) * MS
            S.emit(te, H(te, "DEBUG"), "job_done", [w, f[0], go_dur(te - ts)])
            free[w] = te

    # HTTP requests (some are manual refreshes)
    pages = [("GET", "/unread"), ("GET", "/v1/feeds/counters"), ("GET", "/feeds"), ("POST", "/entry/status"),
             ("GET", "/healthcheck"), ("GET", "/category/3/entries"), ("PUT", "/v1/entries"), ("GET", "/history"),
             ("GET", "/v1/me"), ("GET", "/unread/entry/%d")]
    t = T0
    hi = 0
    while t < T0 + W:
        t += int(r.expovariate(1.0 / 17) * SEC) + r.randint(1, 999) * MS
        hi += 1
        ip = S.cyc("http", "ip", clients)
        if hi % 11 == 5:
            f = r.choice(feeds)
            te = refresh(t, f, "true", None)
            te += r.randint(2, 30) * MS
            S.emit(te, H(te, "DEBUG"), "http", [ip, "GET", "/feed/%d/refresh" % f[0], go_dur(te - t)])
            continue
        m, uri = S.cyc("http", "page", pages)
        if "%d" in uri:
            uri = uri % r.randint(20000, 48000)
        dur = r.randint(900, 60000) * 1000 if uri != "/healthcheck" else r.randint(1000, 3000) * 1000
        S.emit(t + dur, H(t + dur, "DEBUG"), "http", [ip, m, uri, go_dur(dur)])

    # logins
    for frac, ok in ((0.04, True), (0.2, False), (0.27, True), (0.44, False), (0.58, True), (0.63, False),
                     (0.8, True), (0.86, False)):
        ta = T0 + int(W * frac) + r.randint(0, 20 * SEC)
        ip = S.cyc("login", "ip", clients)
        ua = S.cyc("login", "ua", agents)
        if ok:
            uname = S.cyc("auth_ok", "u", [("admin", 1), ("jmarsh", 2), ("priya", 3)])
            S.emit(ta, H(ta, "INFO"), "auth_ok", [ip, ua, uname[1], uname[0]])
        else:
            S.emit(ta, H(ta, "WARN"), "auth_fail", [ip, ua, S.cyc("auth_fail", "u", ["admin", "jmarsh", "root"])])
        d = r.randint(60, 400) * MS
        S.emit(ta + d, H(ta + d, "DEBUG"), "http", [ip, "POST", "/login", go_dur(d)])

    # cleanup runs
    for off in (200, 610, 1020):
        tc = T0 + off * SEC + r.randint(0, 999) * MS
        S.emit(tc, H(tc, "INFO"), "sessions", [r.randint(0, 14)])
        tc += r.randint(5, 400) * MS
        S.emit(tc, H(tc, "INFO"), "arch_read", [r.randint(0, 900)])
        tc += r.randint(5, 400) * MS
        S.emit(tc, H(tc, "INFO"), "arch_unread", [r.randint(0, 60)])
    S.finish()
    return S


# ---------------------------------------------------------------- 6. Gitolite (shuffle)
def build_gitolite():
    HOST = "git-01"
    S = System(6, "Gitolite",
               r"^(?:" + ISO_DATE + r"\.(?P<t>\d\d:\d\d:\d\d)\t\d+\t|" + SYSLOG_DATE + r" (?P<t2>\d\d:\d\d:\d\d) " +
               HOST + r" sshd\[\d+\]: )$",
               [
                   ("fetch", "ssh\tARGV=<*>\tSOC=git-upload-pack '<*>'\tFROM=<*>"),
                   ("push", "ssh\tARGV=<*>\tSOC=git-receive-pack '<*>'\tFROM=<*>"),
                   ("pre_r", "pre_git\t<*>\t<*>\tR\tany\trefs/.*"),
                   ("pre_w", "pre_git\t<*>\t<*>\tW\tany\trefs/.*"),
                   ("update", "update\t<*>\t<*>\tW\t<*>\t<*>\t<*>\trefs/.*"),
                   ("end", "END"),
                   ("denied", "die\t<*> any <*> <*> DENIED by fallthru<<newline>>(or you mis-spelled the reponame)"),
                   ("info", "ssh\tARGV=<*>\tSOC=info\tFROM=<*>"),
                   ("create", "create\t<*>\t<*>"),
                   ("accepted", "Accepted publickey for git from <*> port <*> ssh2: <*> SHA256:<*>"),
                   ("sess_open", "pam_unix(sshd:session): session opened for user git(uid=998) by (uid=0)"),
                   ("sess_close", "pam_unix(sshd:session): session closed for user git"),
                   ("disconnected", "Disconnected from user git <*> port <*>"),
                   ("invalid", "Invalid user <*> from <*> port <*>"),
                   ("preauth", "Connection closed by <*> port <*> [preauth]"),
               ])
    S.kind = "seeded shuffle"
    r = S.rng
    counts = {"fetch": 45, "push": 14, "pre_r": 42, "pre_w": 13, "update": 12, "end": 55, "denied": 6, "info": 5,
              "create": 3, "accepted": 50, "sess_open": 20, "sess_close": 18, "disconnected": 10, "invalid": 4,
              "preauth": 3}
    users = ["amrita", "jdoe", "ci-bot", "kwame", "lena", "deploy", "s.varga"]
    repos = ["infra/terraform", "web/storefront", "tools/ci-scripts", "gitolite-admin", "libs/parser", "docs/handbook",
             "u/lena/scratch", "mobile/app-android"]
    froms = ["10.60.2.%d" % n for n in (14, 15, 31, 77, 102)] + ["192.168.40.%d" % n for n in (5, 9)]
    refs = ["refs/heads/main", "refs/heads/feature/login-rate-limit", "refs/tags/v2.4.1", "refs/heads/release/2026.03",
            "refs/heads/fix/null-deref", "refs/heads/develop"]

    def make(key, t):
        if key in ("accepted", "sess_open", "sess_close", "disconnected", "invalid", "preauth"):
            h = "%s %s %s sshd[%d]: " % (SYSLOG_DATE, hms(t), HOST, r.randint(20000, 39999))
        else:
            h = "%s.%s\t%d\t" % (ISO_DATE, hms(t), r.randint(20000, 39999))
        if key in ("fetch", "push"):
            v = [r.choice(users), r.choice(repos), r.choice(froms)]
        elif key in ("pre_r", "pre_w"):
            v = [r.choice(repos), r.choice(users)]
        elif key == "update":
            old = "0" * 40 if r.random() < 0.2 else hexs(r, 40)
            v = [r.choice(repos), r.choice(users), r.choice(refs), old, hexs(r, 40)]
        elif key == "end":
            v = []
        elif key == "denied":
            v = [S.cyc(key, "p", ["R", "W"]), S.cyc(key, "repo", ["infra/secrets", "web/storefornt", "gitolite-admin"]),
                 S.cyc(key, "u", ["ci-bot", "kwame", "deploy", "lena"])]
        elif key == "info":
            v = [S.cyc(key, "u", users), r.choice(froms)]
        elif key == "create":
            u = S.cyc(key, "u", ["lena", "kwame", "s.varga"])
            v = ["u/%s/%s" % (u, S.cyc(key, "r", ["scratch2", "dotfiles", "experiments"])), u]
        elif key == "accepted":
            v = [r.choice(froms), r.randint(32768, 60999), S.cyc(key, "kt", ["ED25519", "RSA", "ED25519", "ECDSA"]),
                 b64s(r, 43)]
        elif key == "disconnected":
            v = [r.choice(froms), r.randint(32768, 60999)]
        elif key == "invalid":
            v = [S.cyc(key, "u", ["admin", "oracle", "ubuntu", "test"]), pub_ip(r), r.randint(1024, 65535)]
        elif key == "preauth":
            v = [pub_ip(r), r.randint(1024, 65535)]
        else:
            v = []
        return h, v

    shuffle_run(S, counts, (15 * 3600 + 27 * 60) * SEC + r.randint(0, SEC), 6.0, make)
    return S


# ---------------------------------------------------------------- self-check
def tpl_regex(tpl):
    return re.compile("".join("(.+?)" if p == "<*>" else re.escape(p) for p in re.split(r"(<\*>)", tpl) if p != ""))


def check(S):
    d = os.path.join(OUT, S.name)
    with open(os.path.join(d, S.name + ".log"), "rb") as f:
        raw = f.read()
    with open(os.path.join(d, S.name + ".log_structured.csv"), "rb") as f:
        rawcsv = f.read()
    for b in (raw, rawcsv):
        assert b.endswith(b"\n") and b"\r" not in b
    lines = raw.decode("utf-8").split("\n")[:-1]
    assert len(lines) == N_LINES, len(lines)
    with open(os.path.join(d, S.name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"]
    rows = rows[1:]
    assert len(rows) == N_LINES
    declared = {S.eid[k]: t for k, t in S.events}
    assert len(set(declared.values())) == len(declared)
    e2t, caps, counts = {}, {}, {}
    prev = ""
    for i, (row, line) in enumerate(zip(rows, lines)):
        assert len(row) == 4
        lid, content, eid, tpl = row
        assert lid == str(i + 1)
        assert content and content == content.strip()
        assert line.endswith(content), (i, line)
        m = S.header_re.fullmatch(line[:len(line) - len(content)])
        assert m, (S.name, i, line)
        ts = m.group("t") if m.groupdict().get("t") is not None else m.group("t2")
        assert ts >= prev, (S.name, i, ts, prev)
        prev = ts
        assert re.fullmatch(r"E\d+", eid)
        assert e2t.setdefault(eid, tpl) == tpl
        assert declared[eid] == tpl
        mm = tpl_regex(tpl).fullmatch(content)
        assert mm, (S.name, i, tpl, content)
        counts[eid] = counts.get(eid, 0) + 1
        for j, g in enumerate(mm.groups()):
            caps.setdefault((eid, j), set()).add(g)
    assert set(e2t) == set(declared), (S.name, sorted(set(declared) - set(e2t)))
    assert len(set(e2t.values())) == len(e2t)
    for (eid, j), vals in caps.items():
        assert len(vals) >= 2, (S.name, eid, j, vals)
    c = list(counts.values())
    assert 12 <= len(c) <= 15, (S.name, len(c))
    assert min(c) >= 3, (S.name, counts)
    assert sum(1 for x in c if 3 <= x <= 10) >= 3, (S.name, counts)
    med = statistics.median(c)
    assert max(c) >= 3 * med, (S.name, max(c), med)
    return counts, med


def main():
    systems = [build_kannel(), build_courier(), build_dnscrypt(), build_ulogd(), build_miniflux(), build_gitolite()]
    for S in systems:
        S.write()
    ok = True
    for S in systems:
        try:
            counts, med = check(S)
        except AssertionError as e:
            ok = False
            print("%-14s FAIL %r" % (S.name, e))
            continue
        order = sorted(counts, key=lambda e: int(e[1:]))
        print("%-14s OK  %-16s events=%d max=%d median=%s small(3-10)=%d  %s" % (
            S.name, S.kind.split(" (")[0], len(counts), max(counts.values()), med,
            sum(1 for v in counts.values() if 3 <= v <= 10), " ".join("%s:%d" % (e, counts[e]) for e in order)))
    if not ok:
        sys.exit(1)
    print("all self-checks passed")


if __name__ == "__main__":
    main()
