#!/usr/bin/env python3
"""Sealed 44 -- blind labelled log corpus generator.

Python 3 standard library only, fully deterministic: no wall clock, no locale
(month and weekday names come from fixed lists).  Base seed 20270151; system k
(1..6, in the order of SYSTEMS below) uses random.Random(20270151 * 10 + k).
All time comes from an integer nanosecond clock on 2026-03-14 UTC.

Running it writes, for every system, <System>/<System>.log (300 raw lines) and
<System>/<System>.log_structured.csv (LineId,Content,EventId,EventTemplate),
then re-reads every file and self-checks it, printing a per-system summary.
EventIds E1, E2, ... follow the order in which each system declares its events.
"""
import calendar
import csv
import os
import random
import re
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BASE_SEED = 20270151
N_LINES = 300

NS = 10 ** 9
MS = 10 ** 6
US = 10 ** 3

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
YEAR, MONTH, DAY = 2026, 3, 14
DAY0 = calendar.timegm((YEAR, MONTH, DAY, 0, 0, 0, 0, 0, 0)) * NS
WDAY = WDAYS[calendar.weekday(YEAR, MONTH, DAY)]


# --------------------------------------------------------------------------
# clock formatting (all from the integer ns clock, never the wall clock)
# --------------------------------------------------------------------------
def hms(ns):
    s = (ns - DAY0) // NS
    assert 0 <= s < 86400, "clock left 2026-03-14"
    return s // 3600, s // 60 % 60, s % 60


def syslog_stamp(ns):
    h, m, s = hms(ns)
    return "%s %2d %02d:%02d:%02d" % (MONTHS[MONTH - 1], DAY, h, m, s)


def ctime_stamp(ns):
    h, m, s = hms(ns)
    return "%s %s %2d %02d:%02d:%02d %d" % (WDAY, MONTHS[MONTH - 1], DAY, h, m, s, YEAR)


def rfc822_stamp(ns):
    h, m, s = hms(ns)
    return "%s, %d %s %d %02d:%02d:%02d +0000 (UTC)" % (
        WDAY, DAY, MONTHS[MONTH - 1], YEAR, h, m, s)


def slash_stamp(ns):
    h, m, s = hms(ns)
    return "%04d/%02d/%02d-%02d:%02d:%02d" % (YEAR, MONTH, DAY, h, m, s)


def tai64n(ns):
    secs, nano = divmod(ns, NS)
    return "@%016x%08x" % ((1 << 62) + 10 + secs, nano)


def hhmmss(seconds):
    seconds = int(seconds)
    return "%02d:%02d:%02d" % (seconds // 3600, seconds // 60 % 60, seconds % 60)


def fill(template, vals):
    parts = template.split("<*>")
    assert len(parts) - 1 == len(vals), (template, vals)
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        out.append(str(v))
        out.append(p)
    return "".join(out)


# --------------------------------------------------------------------------
# shared value pools (all invented)
# --------------------------------------------------------------------------
DOMAINS = ["brackenfield.net", "oakmoor-logistics.com", "veltrano.io", "harrowgate.org",
           "quillon.co.uk", "saltmarsh-dental.com", "pinewick.de", "torvane.nl",
           "lumenacre.com", "greyfell.org", "castellan-hr.com", "ninebark.io",
           "wrenfold.fr", "tallowmere.net", "corbelstone.com", "ashdown-print.co.uk"]
LOCALPARTS = ["marta", "ollie", "teodor", "kasia", "renee", "jovan", "priya.n",
              "h.okafor", "billing", "noreply", "sales", "t.lindqvist", "devops",
              "accounts", "news", "support", "f.moreau", "dana", "invoices", "ines.v"]
NETS = ["198.51.100", "203.0.113", "192.0.2"]


class Ctx:
    def __init__(self, k):
        self.rng = random.Random(BASE_SEED * 10 + k)
        self._cyc = {}

    def cyc(self, ev, slot, pool):
        """Small pools cycle per (event, slot) so every slot takes >= 2 values."""
        key = (ev, slot)
        i = self._cyc.get(key, 0)
        self._cyc[key] = i + 1
        return pool[i % len(pool)]

    def hexs(self, n, upper=True):
        alpha = "0123456789ABCDEF" if upper else "0123456789abcdef"
        return "".join(self.rng.choice(alpha) for _ in range(n))

    def ip(self):
        return "%s.%d" % (self.rng.choice(NETS), self.rng.randint(2, 250))

    def domain(self):
        return self.rng.choice(DOMAINS)

    def email(self, domain=None):
        return "%s@%s" % (self.rng.choice(LOCALPARTS), domain or self.domain())

    def mailhost(self, domain=None):
        d = domain or self.domain()
        pre = self.rng.choice(["mail", "mx", "mx2", "smtp", "out", "relay", "mta3"])
        if pre == "out":
            pre = "out-%d" % self.rng.randint(1, 40)
        return "%s.%s" % (pre, d)

    def exp_ns(self, mean_s):
        return int(self.rng.expovariate(1.0 / mean_s) * NS) + 1


def shuffle_records(ctx, counts, start_ns, mean_gap_s, make):
    """Seeded shuffle: fixed count per event, shuffled, forward-only clock."""
    seq = []
    for key, c in counts:
        seq.extend([key] * c)
    assert len(seq) == N_LINES, (len(seq), counts)
    ctx.rng.shuffle(seq)
    t = start_ns
    recs = []
    for key in seq:
        t += ctx.exp_ns(mean_gap_s)
        header, vals = make(key, t)
        recs.append((t, header, key, vals))
    return recs


class Sim:
    """Collects lines from entities that each run on their own clock."""

    def __init__(self):
        self.recs = []
        self.n = 0

    def add(self, t, key, vals, header_fn):
        self.n += 1
        self.recs.append([t, self.n, key, vals, header_fn])

    def merged(self):
        self.recs.sort(key=lambda x: (x[0], x[1]))
        return self.recs[:N_LINES]


# ==========================================================================
# 1. Qmail -- simulation: messages (and their SMTP connections) as entities
# ==========================================================================
QMAIL_EVENTS = [
    ("new", "new msg <*>"),
    ("info", "info msg <*>: bytes <*> from <<*>> qp <*> uid <*>"),
    ("start_local", "starting delivery <*>: msg <*> to local <*>"),
    ("start_remote", "starting delivery <*>: msg <*> to remote <*>"),
    ("status", "status: local <*>/10 remote <*>/20"),
    ("ok_local", "delivery <*>: success: did_<*>+<*>+<*>/"),
    ("ok_remote", "delivery <*>: success: <*>_accepted_message./Remote_host_said:_250_2.0.0_Ok:_queued_as_<*>/"),
    ("defer", "delivery <*>: deferral: Connected_to_<*>_but_greeting_failed./Remote_host_said:_<*>/"),
    ("fail_local", "delivery <*>: failure: Sorry,_no_mailbox_here_by_that_name._(#5.1.1)/"),
    ("fail_remote", "delivery <*>: failure: <*>_does_not_like_recipient./Remote_host_said:_550_5.1.1_<<*>>:_Recipient_address_rejected:_User_unknown/Giving_up_on_<*>./"),
    ("bounce", "bounce msg <*> qp <*>"),
    ("end", "end msg <*>"),
    ("tcp_pid", "tcpserver: pid <*> from <*>"),
    ("tcp_ok", "tcpserver: ok <*> <*>:<*>:25 ::<*>:<*>"),
    ("tcp_end", "tcpserver: end <*> status <*>"),
]


def gen_qmail(ctx):
    r = ctx.rng
    sim = Sim()
    hdr = lambda t: tai64n(t) + " "

    class Deliv:
        pass

    local_rcpts = ["marta@brackenfield.net", "brackenfield.net-ollie@brackenfield.net",
                   "teodor@brackenfield.net", "ninebark.io-sales@ninebark.io",
                   "kasia@ninebark.io", "brackenfield.net-billing@brackenfield.net",
                   "renee@ninebark.io", "ninebark.io-devops@ninebark.io"]
    local_senders = ["root@mx1.brackenfield.net", "marta@brackenfield.net",
                     "logwatch@mx1.brackenfield.net", "kasia@ninebark.io",
                     "alias-billing@brackenfield.net"]
    local_uids = [0, 1003, 1007, 1011, 1003]
    lhosts = [("mx1.brackenfield.net", "192.0.2.25"), ("mx2.ninebark.io", "192.0.2.26")]
    greet_fail = ["421_4.3.2_Service_not_available,_closing_transmission_channel",
                  "421_4.7.0_Too_many_concurrent_SMTP_connections;_please_try_again_later",
                  "421_mx.tallowmere.net_Error:_timeout_exceeded"]
    used_inodes = set()
    add = lambda t, key, vals: sim.add(t, key, vals, hdr)

    t = DAY0 + (5 * 3600 + 17 * 60) * NS + r.randint(0, 59 * NS)
    pid = 31870
    lc = rc = 0
    for i in range(90):
        t += ctx.exp_ns(33.0)
        inode = r.randint(1900000, 2099999)
        while inode in used_inodes:
            inode += 1
        used_inodes.add(inode)
        size = int(r.lognormvariate(8.6, 1.3)) + 300
        tt = t
        if i % 10 in (3, 8):
            # locally injected message (qmail-inject / sendmail wrapper)
            qp = r.randint(40000, 65000)
            add(tt, "new", [inode])
            tt += r.randint(80 * US, 900 * US)
            add(tt, "info", [inode, size, ctx.cyc("info", "lsender", local_senders), qp,
                             ctx.cyc("info", "luid", local_uids)])
        else:
            pid += r.randint(2, 45)
            rip = ctx.ip()
            lh, lip = ctx.cyc("tcp_ok", "lhost", lhosts)
            add(tt, "tcp_pid", [pid, rip])
            tt += r.randint(150 * US, 3 * MS)
            add(tt, "tcp_ok", [pid, lh, lip, rip, r.randint(32768, 64999)])
            if i % 9 == 4:
                # rejected by rcpthosts / spammer gave up: no message queued
                tt += r.randint(200 * MS, 9 * NS)
                add(tt, "tcp_end", [pid, 256])
                continue
            tt += r.randint(300 * MS, 5 * NS)
            qp = pid + r.randint(1, 3)
            add(tt, "new", [inode])
            tt += r.randint(80 * US, 900 * US)
            add(tt, "info", [inode, size, ctx.email(), qp, 1004])
            add(tt + r.randint(2 * MS, 60 * MS), "tcp_end", [pid, 0])

        # deliveries
        nrcpt = r.choices([1, 2, 3], [68, 22, 10])[0]
        tt += r.randint(3 * MS, 80 * MS)
        end_t = tt
        failed = False
        for j in range(nrcpt):
            start = tt + j * r.randint(200 * US, 6 * MS)
            local = r.random() < 0.45
            if local:
                lc += 1
                d = Deliv()
                add(start, "start_local", [d, inode, ctx.cyc("start_local", "rcpt", local_rcpts)])
                add(start + r.randint(20, 300) * US, "status", None)
                res = start + r.randint(4 * MS, 120 * MS)
                if lc % 5 == 3:
                    add(res, "fail_local", [d])
                    failed = True
                else:
                    trio = ctx.cyc("ok_local", "did", [(0, 0, 1), (0, 0, 1), (0, 1, 0), (0, 0, 1), (1, 0, 0)])
                    add(res, "ok_local", [d, trio[0], trio[1], trio[2]])
                add(res + r.randint(20, 300) * US, "status", None)
                end_t = max(end_t, res)
            else:
                rc += 1
                rdom = ctx.domain()
                rcpt = ctx.email(rdom)
                mxip = ctx.ip()
                d = Deliv()
                add(start, "start_remote", [d, inode, rcpt])
                add(start + r.randint(20, 300) * US, "status", None)
                res = start + r.randint(250 * MS, 6 * NS)
                if rc % 6 == 1:
                    add(res, "defer", [d, mxip, ctx.cyc("defer", "reply", greet_fail)])
                    add(res + r.randint(20, 300) * US, "status", None)
                    # qmail retries a remote deferral after ~400 s
                    start = res + (400 + r.randint(0, 90)) * NS
                    d = Deliv()
                    add(start, "start_remote", [d, inode, rcpt])
                    add(start + r.randint(20, 300) * US, "status", None)
                    res = start + r.randint(250 * MS, 4 * NS)
                    add(res, "ok_remote", [d, mxip, ctx.hexs(r.choice([10, 11, 12]))])
                elif rc % 6 == 4:
                    add(res, "fail_remote", [d, mxip, rcpt, mxip])
                    failed = True
                else:
                    add(res, "ok_remote", [d, mxip, ctx.hexs(r.choice([10, 11, 12]))])
                add(res + r.randint(20, 300) * US, "status", None)
                end_t = max(end_t, res)
        end_t += r.randint(1 * MS, 4 * MS)
        if failed:
            add(end_t, "bounce", [inode, r.randint(40000, 65000)])
            end_t += r.randint(1 * MS, 3 * MS)
        add(end_t, "end", [inode])

    lines = sim.merged()
    # qmail-send numbers deliveries sequentially and reports its concurrency
    # after every start/finish: resolve both in merged time order.
    dmap = {}
    next_d = 18342
    nloc = nrem = 0
    out = []
    for t, _, key, vals, hf in lines:
        if key == "status":
            vals = [nloc, nrem]
        else:
            vals = list(vals)
            for k, v in enumerate(vals):
                if isinstance(v, Deliv):
                    if id(v) not in dmap:
                        dmap[id(v)] = next_d
                        next_d += 1
                    vals[k] = dmap[id(v)]
            if key == "start_local":
                nloc += 1
            elif key == "start_remote":
                nrem += 1
            elif key in ("ok_local", "fail_local"):
                nloc -= 1
            elif key in ("ok_remote", "fail_remote", "defer"):
                nrem -= 1
        out.append((t, hf(t), key, vals))
    return out


# ==========================================================================
# 2. MailScanner -- seeded shuffle
# ==========================================================================
MAILSCANNER_EVENTS = [
    ("batch_scan", "New Batch: Scanning <*> messages, <*> bytes"),
    ("batch_found", "New Batch: Found <*> messages waiting"),
    ("vscan_start", "Virus and Content Scanning: Starting"),
    ("spam_start", "Spam Checks: Starting"),
    ("is_spam", "Message <*> from <*> (<*>) to <*> is spam, SpamAssassin (not cached, score=<*>, required 5, <*>)"),
    ("not_spam", "Message <*> from <*> (<*>) to <*> is not spam, SpamAssassin (not cached, score=<*>, required 5, <*>)"),
    ("spam_actions", "Spam Actions: message <*> actions are <*>"),
    ("requeue", "Requeue: <*> to <*>"),
    ("delivered", "Uninfected: Delivered <*> messages"),
    ("clam_found", "Virus Scanning: ClamAV found <*> infections"),
    ("infected_from", "Infected message <*> came from <*>"),
    ("saved", "Saved infected \"<*>\" to <*>"),
    ("batch_done", "Batch completed at <*> bytes per second (<*> / <*>)"),
    ("cache_hit", "SpamAssassin cache hit for message <*>"),
    ("filename", "Filename Checks: Windows/DOS Executable (<*> <*>)"),
]
MAILSCANNER_COUNTS = [70, 14, 40, 26, 18, 28, 12, 30, 20, 7, 7, 5, 10, 4, 9]

SPAM_RULES = [("BAYES_99", 3.50), ("BAYES_95", 3.00), ("RCVD_IN_SBL_CSS", 3.34),
              ("URIBL_DBL_SPAM", 2.50), ("HTML_IMAGE_ONLY_16", 1.16), ("RDNS_NONE", 1.27),
              ("MIME_HTML_ONLY", 0.72), ("FREEMAIL_FORGED_REPLYTO", 2.10),
              ("SUBJ_ALL_CAPS", 0.50), ("RCVD_IN_BL_SPAMCOP_NET", 1.35),
              ("HTML_MESSAGE", 0.00), ("URIBL_ABUSE_SURBL", 1.95)]
HAM_RULES = [("BAYES_00", -1.90), ("DKIM_SIGNED", 0.10), ("DKIM_VALID", -0.10),
             ("DKIM_VALID_AU", -0.10), ("SPF_PASS", -0.00), ("HTML_MESSAGE", 0.00),
             ("BAYES_20", -0.00), ("RCVD_IN_DNSWL_LOW", -0.70), ("MIME_HTML_MOSTLY", 0.10),
             ("BAYES_50", 0.80), ("T_SCC_BODY_TEXT_LINE", -0.01)]


def gen_mailscanner(ctx):
    r = ctx.rng
    host = "relay-b"
    pids = [21407, 21411, 21418, 21436, 21452]

    def mid():
        return "%s.%s" % (ctx.hexs(r.choice([10, 10, 11])), ctx.hexs(5))

    def rules(pool, spam):
        picked = r.sample(pool, r.randint(3, 6))
        score = sum(s for _, s in picked)
        if spam:
            while score < 5.0:
                extra = r.choice(SPAM_RULES)
                if extra in picked:
                    continue
                picked.append(extra)
                score += extra[1]
        else:
            if score >= 5.0:
                picked = picked[:2]
                score = sum(s for _, s in picked)
        text = ", ".join("%s %.2f" % (n, s) for n, s in picked)
        return "%.2f" % score, text

    def make(key, t):
        header = "%s %s MailScanner[%d]: " % (syslog_stamp(t), host, r.choice(pids))
        if key == "batch_scan":
            n = r.randint(2, 30)
            v = [n, n * r.randint(1800, 60000)]
        elif key == "batch_found":
            v = [r.randint(2, 45)]
        elif key in ("vscan_start", "spam_start"):
            v = []
        elif key in ("is_spam", "not_spam"):
            score, text = rules(SPAM_RULES if key == "is_spam" else HAM_RULES, key == "is_spam")
            v = [mid(), ctx.ip(), ctx.email(), ctx.domain(), score, text]
        elif key == "spam_actions":
            v = [mid(), ctx.cyc(key, "act", ["store", "deliver,header", "delete",
                                             "store,forward quarantine@brackenfield.net", "deliver"])]
        elif key == "requeue":
            v = [mid(), ctx.hexs(r.choice([10, 11]))]
        elif key == "delivered":
            v = [r.randint(2, 28)]
        elif key == "clam_found":
            v = [ctx.cyc(key, "n", [1, 2, 1, 3])]
        elif key == "infected_from":
            v = [mid(), ctx.ip()]
        elif key == "saved":
            m = mid()
            v = [ctx.cyc(key, "file", ["invoice_0314.zip", "scan0042.docm", "payment-advice.html",
                                       "DHL_notice.exe", "remittance.iso"]),
                 "/var/spool/MailScanner/quarantine/20260314/%s" % m]
        elif key == "batch_done":
            secs = r.randint(1, 9)
            total = r.randint(4000, 900000)
            v = [total // secs, total, secs]
        elif key == "cache_hit":
            v = [mid()]
        elif key == "filename":
            v = [mid(), ctx.cyc(key, "file", ["setup.exe", "Invoice_2026-03.pif", "update.scr",
                                              "photo_album.com", "statement.bat"])]
        else:
            raise KeyError(key)
        return header, v

    counts = list(zip([k for k, _ in MAILSCANNER_EVENTS], MAILSCANNER_COUNTS))
    start = DAY0 + (6 * 3600 + 40 * 60) * NS
    return shuffle_records(ctx, counts, start, 41.0, make)


# ==========================================================================
# 3. Cbpolicyd -- seeded shuffle
# ==========================================================================
_TRIP = "host=<*>, helo=<*>, from=<*>, to=<*>"
CBPOLICYD_EVENTS = [
    ("gl_defer", "module=Greylisting, action=defer, " + _TRIP + ", reason=greylisted"),
    ("gl_auth", "module=Greylisting, action=pass, " + _TRIP + ", reason=authenticated"),
    ("gl_awl", "module=Greylisting, action=pass, " + _TRIP + ", reason=auto-whitelisted"),
    ("gl_wl", "module=Greylisting, action=pass, " + _TRIP + ", reason=whitelisted"),
    ("q_update", "module=Quotas, action=pass, " + _TRIP + ", reason=quota_update, policy=<*>, quota=<*>, limit=<*>, track=<*>, counter=<*>, quota=<*>/<*> (<*>%)"),
    ("q_match", "module=Quotas, action=defer, " + _TRIP + ", reason=quota_match, policy=<*>, quota=<*>, limit=<*>, track=<*>, counter=<*>, quota=<*>/<*> (<*>%)"),
    ("acl_reject", "module=AccessControl, action=reject, " + _TRIP + ", reason=policy_match, policy=<*>, accesscontrol=<*>"),
    ("helo_reject", "module=CheckHelo, action=reject, " + _TRIP + ", reason=blacklisted"),
    ("helo_pass", "module=CheckHelo, action=pass, " + _TRIP + ", reason=whitelisted"),
    ("spf_pass", "module=CheckSPF, action=pass, " + _TRIP + ", reason=spf_pass"),
    ("spf_reject", "module=CheckSPF, action=reject, " + _TRIP + ", reason=spf_fail"),
    ("preforked", "Child Preforked (<*>)"),
    ("prefork", "Beginning prefork (<*> processes)"),
    ("db_fail", "Failed to connect to database: <*>"),
    ("closing", "Server closing!"),
]
CBPOLICYD_COUNTS = [80, 12, 34, 16, 46, 8, 6, 9, 14, 30, 10, 22, 5, 4, 4]


def gen_cbpolicyd(ctx):
    r = ctx.rng
    master = 2718
    children = [2731, 2732, 2735, 2740, 2744, 2751, 2756, 2762]
    db_errors = [
        "DBI connect('DATABASE=policyd;host=10.20.0.5','cbpolicyd',...) failed: Can't connect to MySQL server on '10.20.0.5' (111)",
        "Lost connection to MySQL server at 'reading initial communication packet', system error: 0",
        "DBI connect('DATABASE=policyd;host=10.20.0.5','cbpolicyd',...) failed: Too many connections",
        "Access denied for user 'cbpolicyd'@'10.20.0.9' (using password: YES)",
    ]

    def trip():
        d = ctx.domain()
        return [ctx.ip(), ctx.mailhost(d), ctx.email(d), ctx.email(r.choice(["brackenfield.net", "ninebark.io"]))]

    def quota(key, tr):
        counter = ctx.cyc(key, "counter", ["MessageCount", "MessageCumulativeSize"])
        if counter == "MessageCount":
            limit = ctx.cyc(key, "mclimit", [100, 250, 500])
            used = r.randint(1, limit - 1) if key == "q_update" else limit + r.randint(0, 4)
        else:
            limit = ctx.cyc(key, "szlimit", [52428800, 104857600])
            used = r.randint(20000, limit - 1) if key == "q_update" else limit + r.randint(1000, 900000)
        track = ctx.cyc(key, "track", ["Sender:" + tr[2], "SenderIP:" + tr[0]])
        pol = ctx.cyc(key, "policy", [3, 5, 7])
        return [pol, ctx.cyc(key, "quota", [2, 4, 6]), r.randint(2, 19), track, counter,
                "%.2f" % used, limit, "%.1f" % (100.0 * used / limit)]

    def make(key, t):
        stamp = slash_stamp(t)
        if key in ("preforked", "prefork", "closing"):
            header = "[%s - %d] " % (stamp, master)
        elif key == "db_fail":
            header = "[%s - %d] [CORE] ERROR: " % (stamp, r.choice(children))
        else:
            header = "[%s - %d] [CORE] INFO: " % (stamp, r.choice(children))
        if key in ("q_update", "q_match"):
            tr = trip()
            v = tr + quota(key, tr)
        elif key == "acl_reject":
            v = trip() + [ctx.cyc(key, "policy", [2, 9]), ctx.cyc(key, "acl", [4, 11, 12])]
        elif key.startswith(("gl_", "helo_", "spf_")):
            v = trip()
        elif key == "preforked":
            v = [r.randint(2800, 9900)]
        elif key == "prefork":
            v = [ctx.cyc(key, "n", [4, 8, 4])]
        elif key == "db_fail":
            v = [ctx.cyc(key, "err", db_errors)]
        elif key == "closing":
            v = []
        else:
            raise KeyError(key)
        return header, v

    counts = list(zip([k for k, _ in CBPOLICYD_EVENTS], CBPOLICYD_COUNTS))
    start = DAY0 + (8 * 3600 + 3 * 60) * NS
    return shuffle_records(ctx, counts, start, 23.0, make)


# ==========================================================================
# 4. MilterGreylist -- simulation: sender triplets (retrying MTAs) as entities
# ==========================================================================
_ADDR = "addr=<*>[<*>]) ACL <*>"
MILTERGREYLIST_EVENTS = [
    ("delayed", "<*>: addr <*>[<*>] from <<*>> to <<*>> delayed for <*> (ACL <*>)"),
    ("awl", "<*>: addr <*> from <<*>> rcpt <<*>>: autowhitelisted for more <*>"),
    ("skip_addr", "<*>: skipping greylist because address <*> is whitelisted, (from=<<*>>, rcpt=<<*>>, " + _ADDR),
    ("skip_auth", "<*>: skipping greylist because sender is authenticated, (from=<<*>>, rcpt=<<*>>, " + _ADDR),
    ("skip_rcpt", "<*>: skipping greylist because recipient is whitelisted, (from=<<*>>, rcpt=<<*>>, " + _ADDR),
    ("black", "<*>: addr <*>[<*>] from <<*>> to <<*>> blacklisted (ACL <*>)"),
    ("dnsrbl_err", "DNSRBL lookup for <*> in <*> failed: <*>"),
    ("reloading", "reloading config file \"/etc/mail/greylist.conf\""),
    ("reloaded", "reloaded config file \"/etc/mail/greylist.conf\""),
    ("dumped", "dumped <*> entries to /var/milter-greylist/greylist.db in <*>"),
    ("sync_up", "sync: connection to peer <*> established"),
    ("sync_down", "sync: lost connection with peer <*>: <*>"),
    ("expired", "expired <*> greylist entries and <*> autowhitelist entries"),
]

B60 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwx"


def gen_miltergreylist(ctx):
    r = ctx.rng
    sim = Sim()
    mpid = 1187
    hdr = lambda t: "%s %s milter-greylist[%d]: " % (syslog_stamp(t), "gatekeeper", mpid)
    add = lambda t, key, vals: sim.add(t, key, vals, hdr)
    ourdoms = ["brackenfield.net", "ninebark.io"]

    def qid(t):
        h, m, s = hms(t)
        return "%s%s%s%s%s%s%s%s%06d" % (B60[YEAR % 60], B60[MONTH - 1], B60[DAY], B60[h],
                                         B60[m], B60[s], r.choice(B60), r.choice(B60),
                                         r.randint(1000, 99999))

    def sender():
        d = ctx.domain()
        rip = ctx.ip()
        if r.random() < 0.25:
            host = "%s.dyn.%s" % (rip.replace(".", "-"), r.choice(["tarnbrook.net", "velocom-bb.de", "fibrelane.nl"]))
        else:
            host = ctx.mailhost(d)
        return rip, host, ctx.email(d)

    def rcpt():
        return "%s@%s" % (r.choice(["marta", "ollie", "teodor", "kasia", "renee", "sales", "billing"]),
                          r.choice(ourdoms))

    kinds = ["legit"] * 5 + ["spam"] * 3 + ["wl_addr", "wl_addr", "auth", "auth"]
    rare = ["black", "wl_rcpt", "dnsrbl"]
    t = DAY0 + (7 * 3600 + 12 * 60) * NS + r.randint(0, 59) * NS
    t_first = t
    i = 0
    block = []
    while i < 150:
        if not block:
            block = kinds[:]
            x = rare[(i // 13) % len(rare)]
            if x:
                block.append(x)
            r.shuffle(block)
        kind = block.pop()
        i += 1
        t += ctx.exp_ns(55.0)
        rip, host, frm = sender()
        to = rcpt()
        if kind == "legit" or kind == "dnsrbl":
            acl, delay, awl = ctx.cyc("delayed", "acl", [(158, 1800, 72 * 3600), (158, 1800, 72 * 3600),
                                                         (162, 3600, 24 * 3600)])
            if kind == "dnsrbl":
                add(t - r.randint(1, 40) * MS, "dnsrbl_err",
                    [rip, ctx.cyc("dnsrbl_err", "zone", ["zen.spamhaus.org", "bl.spamcop.net", "b.barracudacentral.org"]),
                     ctx.cyc("dnsrbl_err", "why", ["Connection timed out", "SERVFAIL", "No route to host"])])
            add(t, "delayed", [qid(t), host, rip, frm, to, hhmmss(delay), acl])
            mta = r.choice(["postfix", "sendmail", "exim"])
            sched = {"postfix": [300, 600, 1200, 2400, 4000, 4000],
                     "sendmail": [900, 900, 900, 900, 900, 900],
                     "exim": [900, 900, 1800, 2700, 4050]}[mta]
            tt = t
            passed = None
            for step in sched:
                tt += (step + r.randint(-20, 90)) * NS
                el = (tt - t) // NS
                if el < delay:
                    add(tt, "delayed", [qid(tt), host, rip, frm, to, hhmmss(delay - el), acl])
                else:
                    add(tt, "awl", [qid(tt), rip, frm, to, hhmmss(awl)])
                    passed = tt
                    break
            if passed is not None:
                t2 = passed
                for _ in range(r.choice([0, 1, 1, 2, 3])):
                    t2 += ctx.exp_ns(1300.0)
                    add(t2, "awl", [qid(t2), rip, frm, rcpt() if r.random() < 0.3 else to,
                                    hhmmss(awl - (t2 - passed) // NS)])
        elif kind == "spam":
            add(t, "delayed", [qid(t), host, rip, frm, to, hhmmss(1800), 158])
            if r.random() < 0.4:
                tt = t + r.randint(20, 150) * NS
                add(tt, "delayed", [qid(tt), host, rip, frm, rcpt(), hhmmss(1800 - (tt - t) // NS), 158])
        elif kind == "wl_addr":
            add(t, "skip_addr", [qid(t), rip, frm, to, host, rip, ctx.cyc("skip_addr", "acl", [41, 44, 47])])
        elif kind == "auth":
            add(t, "skip_auth", [qid(t), frm, to, host, rip, ctx.cyc("skip_auth", "acl", [12, 13])])
        elif kind == "wl_rcpt":
            to2 = ctx.cyc("skip_rcpt", "rcpt", ["postmaster@brackenfield.net", "abuse@ninebark.io",
                                                  "postmaster@ninebark.io"])
            add(t, "skip_rcpt", [qid(t), frm, to2, host, rip, ctx.cyc("skip_rcpt", "acl", [20, 21])])
        elif kind == "black":
            add(t, "black", [qid(t), host, rip, frm, to, ctx.cyc("black", "acl", [201, 204])])

    # daemon housekeeping entity
    ts = t_first + r.randint(60, 200) * NS
    entries = 4180
    for k in range(14):
        ts += (600 + r.randint(-5, 15)) * NS
        entries += r.randint(-40, 90)
        add(ts, "dumped", [entries, "%.3fs" % (0.004 + r.random() * 0.05)])
        if k % 3 == 1:
            add(ts + r.randint(2, 9) * NS, "expired", [r.randint(3, 80), r.randint(0, 12)])
    for off in (900, 2500, 4000):
        tr = t_first + (off + r.randint(0, 300)) * NS
        add(tr, "reloading", [])
        add(tr + r.randint(3, 60) * MS, "reloaded", [])
    peers = ["10.40.0.12", "10.40.0.13"]
    for n, off in enumerate((400, 1500, 2800, 3900)):
        tr = t_first + (off + r.randint(0, 200)) * NS
        p = peers[n % 2]
        add(tr, "sync_down", [p, ctx.cyc("sync_down", "why", ["Connection reset by peer", "Broken pipe",
                                                               "Connection timed out"])])
        add(tr + r.randint(5, 90) * NS, "sync_up", [p])

    return [(t, hf(t), key, list(vals)) for t, _, key, vals, hf in sim.merged()]


# ==========================================================================
# 5. Fetchmail -- seeded shuffle
# ==========================================================================
FETCHMAIL_EVENTS = [
    ("count", "<*> messages for <*> at <*> (<*> octets)."),
    ("count_seen", "<*> messages (<*> seen) for <*> at <*> (<*> octets)."),
    ("read", "reading message <*>@<*>:<*> of <*> (<*> octets) flushed"),
    ("read_hb", "reading message <*>@<*>:<*> of <*> (<*> header octets) (<*> body octets) flushed"),
    ("read_kept", "reading message <*>@<*>:<*> of <*> (<*> octets) not flushed"),
    ("skip", "skipping message <*>@<*>:<*> (<*> octets) not flushed"),
    ("sleep", "sleeping at <*> for <*> seconds"),
    ("awake", "awakened at <*>"),
    ("authfail", "Authorization failure on <*>@<*>"),
    ("connfail", "connection to <*>:<*> [<*>/<*>] failed: <*>."),
    ("query", "Query status=<*> (<*>)"),
    ("timeout", "timeout after <*> seconds waiting for server <*>."),
    ("cert", "Server certificate verification error: <*>"),
    ("tls", "<*>: upgrade to TLS succeeded."),
]
FETCHMAIL_COUNTS = [40, 9, 80, 30, 14, 6, 36, 34, 5, 8, 12, 4, 7, 15]


def gen_fetchmail(ctx):
    r = ctx.rng
    host = "homebox"
    accounts = [  # user, server, service, port, pid, poll interval
        ("marta.k", "pop.veltrano.io", "pop3s", 995, 1402, 300),
        ("ollie", "imap.harrowgate.org", "imaps", 993, 1409, 600),
        ("tlindqvist", "mail.quillon.co.uk", "pop3s", 995, 1411, 300),
        ("kasia77", "imap.greyfell.org", "imaps", 993, 1416, 900),
        ("renee.b", "pop.wrenfold.fr", "pop3", 110, 1420, 300),
    ]
    srv_ip = {a[1]: ctx.ip() for a in accounts}
    conn_err = ["Connection refused", "Network is unreachable", "No route to host",
                "Connection timed out"]
    q_codes = [(2, "SOCKET"), (3, "AUTHFAIL"), (4, "PROTOCOL"), (2, "SOCKET"), (7, "ERROR"),
               (11, "DNS")]
    cert_err = ["unable to get local issuer certificate", "certificate has expired",
                "self-signed certificate in certificate chain", "Hostname mismatch"]

    def make(key, t):
        acct = r.choice(accounts)
        if key in ("read_hb",):
            acct = r.choice([a for a in accounts if a[2] == "imaps"])
        elif key in ("read", "read_kept", "skip", "count_seen"):
            acct = r.choice([a for a in accounts if a[2] != "imaps"])
        elif key in ("connfail", "tls", "cert", "timeout"):
            acct = r.choice([a for a in accounts if a[2] != "pop3"])
        user, srv, svc, port, pid, poll = acct
        header = "%s %s fetchmail[%d]: " % (syslog_stamp(t), host, pid)
        total = r.randint(2, 24)
        n = r.randint(1, total)
        if key == "count":
            v = [total, user, srv, total * r.randint(2200, 90000)]
        elif key == "count_seen":
            v = [total, r.randint(1, total - 1), user, srv, total * r.randint(2200, 90000)]
        elif key in ("read", "read_kept"):
            v = [user, srv, n, total, int(r.lognormvariate(8.9, 1.2)) + 400]
        elif key == "read_hb":
            v = [user, srv, n, total, r.randint(700, 6000), int(r.lognormvariate(8.5, 1.3)) + 10]
        elif key == "skip":
            v = [user, srv, n, r.randint(5300000, 48000000)]
        elif key == "sleep":
            v = [rfc822_stamp(t), poll]
        elif key == "awake":
            v = [rfc822_stamp(t)]
        elif key == "authfail":
            v = [user, srv]
        elif key == "connfail":
            v = [srv, svc, srv_ip[srv], port, ctx.cyc(key, "err", conn_err)]
        elif key == "query":
            v = list(ctx.cyc(key, "code", q_codes))
        elif key == "timeout":
            v = [ctx.cyc(key, "secs", [300, 120]), srv]
        elif key == "cert":
            v = [ctx.cyc(key, "err", cert_err)]
        elif key == "tls":
            v = [srv]
        else:
            raise KeyError(key)
        return header, v

    counts = list(zip([k for k, _ in FETCHMAIL_EVENTS], FETCHMAIL_COUNTS))
    start = DAY0 + (10 * 3600 + 5 * 60) * NS
    return shuffle_records(ctx, counts, start, 47.0, make)


# ==========================================================================
# 6. Procmail -- simulation: one procmail run per delivery, runs overlap
# ==========================================================================
PROCMAIL_EVENTS = [
    ("pidline", "[<*>] <*>"),
    ("assign", "Assigning \"<*>=<*>\""),
    ("match", "Match on \"<*>\""),
    ("match_not", "Match on ! \"<*>\""),
    ("nomatch", "No match on \"<*>\""),
    ("exec", "Executing \"<*>\""),
    ("lock", "Locking \"<*>\""),
    ("klock", "Acquiring kernel-lock"),
    ("unlock", "Unlocking \"<*>\""),
    ("comsat", "Notified comsat: \"<*>@<*>:<*>\""),
    ("from", "From <*>  <*>"),
    ("subject", "Subject: <*>"),
    ("folder", "Folder: <*>\t\t<*>"),
    ("write_err", "Error while writing to \"<*>\""),
    ("prog_fail", "Program failure (<*>) of \"<*>\""),
]

PM_USERS = ["marta", "ollie", "teodor", "kasia", "renee", "jovan"]
PM_SUBJECTS = ["Re: quarterly numbers for the board pack", "Your order #A-20931 has shipped",
               "[pgsql-hackers] Re: vacuum stalls on partitioned tables",
               "Invitation: planning sync (Tue 10:00)", "[cron] backup-nightly on vault02",
               "Fwd: lease renewal draft v3", "FreeBSD Security Advisory SA-26:04",
               "Re: Re: dentist on Thursday?", "Payment received - thank you",
               "URGENT account verification needed", "Minutes from Wednesday",
               "[pgsql-hackers] patch: faster COPY for wide rows", "Re: spare keys",
               "Delivery Status Notification (Failure)", "Photos from the weekend"]


def procmail_folder_line(path, size):
    s = "  Folder: " + path
    col = len(s)
    tabs = ""
    while col < 56:
        tabs += "\t"
        col = (col // 8 + 1) * 8
    assert tabs == "\t\t", (path, len(path))
    return s + tabs + str(size)


def gen_procmail(ctx):
    r = ctx.rng
    sim = Sim()
    hdr_pm = lambda t: "procmail: "
    mbox_size = {}
    state = {"pid": 40112, "n": 0}

    lists = [("^List-Id:.*pgsql-hackers", "lists.postgres-dev"),
             ("^List-Id:.*freebsd-announce", "lists.bsd-announce")]
    senders = {"list": ["pgsql-hackers-owner@lists.torvane.nl", "owner-freebsd-announce@lists.greyfell.org"],
               "cron": ["root@vault02.brackenfield.net", "root@build7.brackenfield.net"],
               "receipt": ["orders@ashdown-print.co.uk", "noreply@corbelstone.com", "billing@lumenacre.com"],
               "spam": ["promo@tallowmere.net", "secure-alert@wrenfold.fr", "h.okafor@oakmoor-logistics.com"],
               "plain": ["dana@castellan-hr.com", "f.moreau@pinewick.de", "ines.v@saltmarsh-dental.com",
                         "jovan@brackenfield.net", "priya.n@veltrano.io"]}

    def deliver(t, user, cls, frm, subj):
        state["n"] += 1
        n = state["n"]
        state["pid"] += r.randint(1, 14)
        pid = state["pid"]
        maildir = "/home/%s/Mail" % user
        tt = [t]

        def emit(key, vals, lo=40, hi=900, header=hdr_pm):
            tt[0] += r.randint(lo, hi) * US
            sim.add(tt[0], key, vals, header)

        sim.add(t, "pidline", [pid, ctime_stamp(t)], hdr_pm)
        emit("assign", ["MAILDIR", maildir])
        emit("assign", ["DEFAULT", maildir + "/incoming.primary"])
        emit("exec", ["formail,-zxFrom:"], 100, 2000)
        emit("assign", ["FROM", frm], 800, 6000)
        # recipe 1: spam filter through spamc for messages under 256 kB
        emit("match", ["< 256000"])
        spamc = "/usr/bin/spamc,-u,%s" % user
        emit("exec", [spamc])
        if n % 5 == 2:
            emit("prog_fail", [ctx.cyc("prog_fail", "code", [75, 74, 1]), spamc], 300 * 1000, 3000 * 1000)
        else:
            tt[0] += r.randint(150, 2500) * MS
        spam = cls == "spam"
        emit("match" if spam else "nomatch", ["^X-Spam-Status: Yes"])
        dest = None
        if spam:
            dest = "spam.quarantine"
        else:
            for rx, folder in lists:
                if cls == "list" and subj.startswith("[pgsql") == (folder == "lists.postgres-dev"):
                    emit("match", [rx])
                    dest = folder
                    break
                emit("nomatch", [rx])
            if dest is None:
                rx = "^Subject:.*\\[cron\\]"
                if cls == "cron":
                    emit("match", [rx])
                    dest = "notices.cron-jobs"
                else:
                    emit("nomatch", [rx])
            if dest is None:
                rx = "^From:.*(ashdown-print|corbelstone|lumenacre)"
                if cls == "receipt":
                    emit("match", [rx])
                    dest = "receipts.vendors"
                else:
                    emit("nomatch", [rx])
            if dest is None and user in ("teodor", "renee", "jovan", "kasia"):
                # vacation auto-reply recipe, guarded by a negated X-Loop condition
                emit("match", ["^TO_%s" % user])
                emit("match_not", ["^X-Loop: %s@brackenfield.net" % user])
                emit("exec", ["formail,-rt,-A,X-Loop: %s@brackenfield.net" % user], 200, 3000)
        if dest is None:
            dest = "incoming.primary"
        path = "%s/%s" % (maildir, dest)
        lock = path + ".lock"
        size = int(r.lognormvariate(8.4, 1.0)) + 600
        emit("lock", [lock])
        emit("klock", [])
        if n % 6 == 3:
            emit("write_err", [path], 500, 30000)
            emit("unlock", [lock])
            path = maildir + "/incoming.primary"
            lock = path + ".lock"
            emit("lock", [lock])
            emit("klock", [])
        off = mbox_size.get(path, r.randint(200000, 9000000))
        mbox_size[path] = off + size
        emit("unlock", [lock], 200, 4000)
        emit("comsat", [user, off, path])
        emit("from", [frm, ctime_stamp(t - r.randint(1, 4) * NS)], 20, 200, lambda x: "")
        emit("subject", [subj], 5, 40, lambda x: " ")
        folder_line = procmail_folder_line(path, size)
        emit("folder", [path, size], 5, 40, lambda x: "  ")
        assert folder_line.endswith(fill("Folder: <*>\t\t<*>", [path, size]))

    t = DAY0 + (9 * 3600 + 26 * 60) * NS + r.randint(0, 59) * NS
    classes = ["plain", "plain", "plain", "spam", "receipt", "cron", "plain", "spam", "list"]
    for i in range(60):
        t += ctx.exp_ns(75.0)
        cls = classes[i % len(classes)] if i % 4 else r.choice(classes)
        frm = r.choice(senders[cls])
        if cls == "list":
            subj = r.choice([s for s in PM_SUBJECTS if s.startswith("[pgsql")] + ["FreeBSD Security Advisory SA-26:04"])
            # a list post fans out to several local subscribers at once
            for k, u in enumerate(r.sample(PM_USERS, 3)):
                deliver(t + k * r.randint(20, 400) * MS, u, cls, frm, subj)
            continue
        if cls == "cron":
            subj = "[cron] %s on %s" % (r.choice(["backup-nightly", "certbot renew", "logrotate"]),
                                        frm.split("@")[1].split(".")[0])
        elif cls == "spam":
            subj = r.choice(["URGENT account verification needed", "You have (3) undelivered parcels",
                             "Re: invoice overdue - final notice"])
        elif cls == "receipt":
            subj = r.choice(["Your order #A-%d has shipped" % r.randint(10000, 99999),
                             "Payment received - thank you", "Receipt %s" % ctx.hexs(8)])
        else:
            subj = r.choice([s for s in PM_SUBJECTS if not s.startswith(("[", "URGENT"))])
        deliver(t, r.choice(PM_USERS), cls, frm, subj)

    return [(t, hf(t), key, list(vals)) for t, _, key, vals, hf in sim.merged()]


# ==========================================================================
# system table, writer and self-check
# ==========================================================================
SYSTEMS = [
    # name, events, generator, kind, header regex, timestamp extractor
    ("Qmail", QMAIL_EVENTS, gen_qmail, "simulation (messages + SMTP connections)",
     r"@[0-9a-f]{24} ",
     lambda h, c: int(h[1:25], 16)),
    ("MailScanner", MAILSCANNER_EVENTS, gen_mailscanner, "seeded shuffle",
     r"[A-Z][a-z]{2} [ 123]\d \d\d:\d\d:\d\d [a-z0-9-]+ MailScanner\[\d+\]: ",
     lambda h, c: h[:15]),
    ("Cbpolicyd", CBPOLICYD_EVENTS, gen_cbpolicyd, "seeded shuffle",
     r"\[\d{4}/\d\d/\d\d-\d\d:\d\d:\d\d - \d+\] (?:\[[A-Z][A-Za-z]*\] (?:DEBUG|INFO|NOTICE|WARNING|ERROR): )?",
     lambda h, c: h[1:20]),
    ("MilterGreylist", MILTERGREYLIST_EVENTS, gen_miltergreylist, "simulation (sender triplets / retries)",
     r"[A-Z][a-z]{2} [ 123]\d \d\d:\d\d:\d\d [a-z0-9-]+ milter-greylist\[\d+\]: ",
     lambda h, c: h[:15]),
    ("Fetchmail", FETCHMAIL_EVENTS, gen_fetchmail, "seeded shuffle",
     r"[A-Z][a-z]{2} [ 123]\d \d\d:\d\d:\d\d [a-z0-9-]+ fetchmail\[\d+\]: ",
     lambda h, c: h[:15]),
    ("Procmail", PROCMAIL_EVENTS, gen_procmail, "simulation (concurrent procmail deliveries)",
     r"(?:procmail: | {1,2}|)",
     lambda h, c: (c.split("] ", 1)[1][11:19] if h == "procmail: " and re.fullmatch(
         r"\[\d+\] [A-Z][a-z]{2} [A-Z][a-z]{2} [ 123]\d \d\d:\d\d:\d\d \d{4}", c) else None)),
]


def write_system(name, events, recs):
    d = os.path.join(HERE, name)
    os.makedirs(d, exist_ok=True)
    eid = {key: "E%d" % (i + 1) for i, (key, _) in enumerate(events)}
    tpl = dict(events)
    assert len(recs) == N_LINES
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="") as lf, \
            open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as cf:
        w = csv.writer(cf, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for n, (t, header, key, vals) in enumerate(recs, 1):
            content = fill(tpl[key], vals)
            lf.write(header + content + "\n")
            w.writerow([n, content, eid[key], tpl[key]])
    return 2


def template_regex(t):
    return re.compile("(.+?)".join(re.escape(p) for p in t.split("<*>")), re.S)


def check_system(name, events, header_re, ts_of):
    errs = []
    d = os.path.join(HERE, name)
    raw = open(os.path.join(d, name + ".log"), "rb").read()
    craw = open(os.path.join(d, name + ".log_structured.csv"), "rb").read()
    for label, data in (("log", raw), ("csv", craw)):
        if not data.endswith(b"\n"):
            errs.append("%s does not end with newline" % label)
        if b"\r" in data:
            errs.append("%s contains \\r" % label)
    lines = raw.decode("utf-8").split("\n")[:-1]
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header")
    rows = rows[1:]
    if len(lines) != N_LINES or len(rows) != N_LINES:
        errs.append("line/row count %d/%d" % (len(lines), len(rows)))
    declared = {"E%d" % (i + 1): t for i, (_, t) in enumerate(events)}
    if len(set(declared.values())) != len(declared):
        errs.append("declared templates not distinct")
    hre = re.compile(header_re)
    seen_tpl = {}
    counts = {}
    slotvals = {}
    last_ts = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errs.append("LineId %s at row %d" % (lid, i))
        if not content or content != content.strip() or "\n" in content:
            errs.append("row %d content empty/unstripped" % i)
        if not line.endswith(content):
            errs.append("line %d does not end with content" % i)
            continue
        header = line[: len(line) - len(content)]
        if not hre.fullmatch(header):
            errs.append("line %d header %r fails regex" % (i, header))
        ts = ts_of(header, content)
        if ts is not None:
            if last_ts is not None and ts < last_ts:
                errs.append("line %d timestamp goes back" % i)
            last_ts = ts
        if not re.fullmatch(r"E\d+", eid):
            errs.append("row %d bad EventId %r" % (i, eid))
        if seen_tpl.setdefault(eid, tpl) != tpl:
            errs.append("EventId %s has more than one template" % eid)
        if declared.get(eid) != tpl:
            errs.append("row %d template differs from declaration" % i)
        m = template_regex(tpl).fullmatch(content)
        if not m:
            errs.append("row %d template does not match content" % i)
            continue
        counts[eid] = counts.get(eid, 0) + 1
        for k, g in enumerate(m.groups()):
            slotvals.setdefault((eid, k), set()).add(g)
    inv = {}
    for eid, tpl in seen_tpl.items():
        if tpl in inv:
            errs.append("EventIds %s and %s share a template" % (inv[tpl], eid))
        inv[tpl] = eid
    for eid in declared:
        if eid not in counts:
            errs.append("declared event %s unused" % eid)
    for (eid, k), vs in sorted(slotvals.items()):
        if len(vs) < 2:
            errs.append("%s slot %d has a single value %r" % (eid, k + 1, next(iter(vs))))
    c = sorted(counts.values())
    if not 12 <= len(declared) <= 15:
        errs.append("%d event types" % len(declared))
    if c and c[0] < 3:
        errs.append("an event has fewer than 3 lines: %s" %
                    [e for e, v in counts.items() if v < 3])
    if sum(1 for v in c if 3 <= v <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines")
    med = statistics.median(c) if c else 0
    if c and c[-1] < 3 * med:
        errs.append("largest %d < 3 x median %s" % (c[-1], med))
    return errs, counts, med


def main():
    written = 0
    for k, (name, events, gen, kind, header_re, ts_of) in enumerate(SYSTEMS, 1):
        recs = gen(Ctx(k))
        written += write_system(name, events, recs)
    ok = True
    print("%-15s %-44s %5s %6s %5s %5s %6s  %s" % ("system", "kind", "lines", "events", "min", "max",
                                                   "median", "check"))
    for name, events, gen, kind, header_re, ts_of in SYSTEMS:
        errs, counts, med = check_system(name, events, header_re, ts_of)
        c = list(counts.values())
        print("%-15s %-44s %5d %6d %5d %5d %6s  %s" % (name, kind, sum(c), len(events), min(c or [0]),
                                                      max(c or [0]), med, "OK" if not errs else "FAIL"))
        for e in errs[:25]:
            print("    - " + e)
        ok = ok and not errs
    print("files written: %d" % written)
    print("SELF-CHECK PASSED" if ok else "SELF-CHECK FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
