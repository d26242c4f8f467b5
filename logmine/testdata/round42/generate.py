#!/usr/bin/env python3
"""Round 42 blind labelled log corpus generator (standard library only, deterministic).

Writes <System>/<System>.log and <System>/<System>.log_structured.csv for six
job-queue systems, then self-checks every file and prints a per-system summary.
"""
import calendar
import csv
import os
import random
import re
import statistics
import sys

SEED = 20270140
OUT = os.path.dirname(os.path.abspath(__file__))
NLINES = 300
# 2026-03-14 00:00:00 UTC as an integer nanosecond clock origin (never the wall clock)
DAY0 = calendar.timegm((2026, 3, 14, 0, 0, 0, 0, 0, 0)) * 10**9
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DATE = "2026-%02d-14" % (MONTHS.index("Mar") + 1)
SEC = 10**9
MS = 10**6
US = 10**3


def split_ns(t):
    off = t - DAY0
    assert 0 <= off < 86400 * SEC, "clock left 2026-03-14"
    s, frac = divmod(off, SEC)
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return h, m, sec, frac


def hms(t):
    h, m, s, _ = split_ns(t)
    return "%02d:%02d:%02d" % (h, m, s)


def fill(tpl, vals):
    parts = tpl.split("<*>")
    assert len(parts) - 1 == len(vals), (tpl, vals)
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\r" not in v, (tpl, v)
        out.append(v)
        out.append(p)
    return "".join(out)


class Ctx:
    def __init__(self, k):
        self.rng = random.Random(SEED * 10 + k)
        self.cnt = {}

    def cyc(self, key, pool):
        """Small pools cycle per (event, slot) so every slot sees >= 2 values."""
        i = self.cnt.get(key, 0)
        self.cnt[key] = i + 1
        return pool[i % len(pool)]

    def hexs(self, n):
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def uuid4(self):
        h = self.hexs(32)
        h = h[:12] + "4" + h[13:16] + self.rng.choice("89ab") + h[17:]
        return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    def exp_ns(self, mean_s):
        return int(self.rng.expovariate(1.0 / mean_s) * SEC) + 1


def shuffle_stream(c, counts, start, mean_gap_s):
    """Seeded shuffle: fixed count per event, shuffled, forward-only clock with exponential gaps."""
    keys = []
    for k, n in counts:
        keys += [k] * n
    c.rng.shuffle(keys)
    t = start
    out = []
    for k in keys:
        t += c.exp_ns(mean_gap_s)
        out.append((t, k))
    return out


# ---------------------------------------------------------------------------
# 1. Hangfire (Serilog file sink default outputTemplate), seeded shuffle
# ---------------------------------------------------------------------------
HANGFIRE_EVENTS = [
    ("start", "INF", "Starting Hangfire Server using job storage: '<*>'"),
    ("announced", "INF", "Server <*> successfully announced in <*> ms"),
    ("dispatchers", "INF", "Server <*> is starting the registered dispatchers: ServerWatchdog, ServerJobCancellationWatcher, ExpirationManager, CountersAggregator, SqlServerHeartbeatProcess, Worker, DelayedJobScheduler, RecurringJobScheduler..."),
    ("all_started", "INF", "Server <*> all the dispatchers started"),
    ("stopping", "INF", "Server <*> caught stopping signal..."),
    ("reported_stopped", "INF", "Server <*> successfully reported itself as stopped in <*> ms"),
    ("stopped_total", "INF", "Server <*> has been stopped in total <*> ms"),
    ("retry", "WRN", "Failed to process the job '<*>': an exception occurred. Retry attempt <*> of <*> will be performed in <*>."),
    ("deleted", "WRN", "Failed to process the job '<*>': an exception occurred. Job was automatically deleted because the retry attempt count exceeded <*>."),
    ("removing", "DBG", "Removing outdated records from the '<*>' table..."),
    ("removed", "DBG", "Outdated records removed from the '<*>' table."),
    ("email", "INF", "Sending order confirmation email to <*> for order <*>"),
    ("report", "INF", "Generated report <*> with <*> rows in <*> ms"),
    ("inventory", "INF", "Synced inventory for warehouse <*>: <*> items updated, <*> skipped"),
    ("proc_error", "ERR", "Error occurred during execution of '<*>' process. Execution will be retried (attempt #<*>) in <*> seconds."),
]
HANGFIRE_COUNTS = [4, 5, 4, 4, 3, 3, 3, 18, 6, 24, 20, 90, 50, 60, 6]
HANGFIRE_HDR = r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) \+00:00 \[(?:VRB|DBG|INF|WRN|ERR|FTL)\] "


def hf_header(t, lvl, h):
    hh, m, s, frac = split_ns(t)
    return "%s %02d:%02d:%02d.%03d +00:00 [%s] " % (DATE, hh, m, s, frac // MS, lvl)


def gen_hangfire(c):
    r = c.rng
    servers = ["web-api-7f6d9c-x2l4k:1:%s" % c.hexs(8), "jobs-worker-01:4412:%s" % c.hexs(8),
               "jobs-worker-02:3980:%s" % c.hexs(8), "web-api-7f6d9c-q8m1z:1:%s" % c.hexs(8)]
    storages = ["SQL Server: sql-prod-01@HangfireDb", "SQL Server: 10.20.4.17,1433@Hangfire",
                "SQL Server: sqlhf.corp.internal@JobsDb"]
    tables = ["AggregatedCounter", "Job", "List", "Set", "Hash"]
    users = ["anna.keller", "j.moreau", "tomasz.w", "li.mei", "r.okafor", "sven88", "maria.gomez", "k.tanaka"]
    domains = ["example.org", "mailbox.test", "shop-customer.net"]
    reports = ["daily-sales-2026-03-13", "inventory-aging", "returns-by-region", "vat-summary-q1", "top-skus-weekly"]
    procs = ["Worker #3", "Worker #11", "DelayedJobScheduler", "RecurringJobScheduler", "ExpirationManager"]
    whs = ["WH-BER-01", "WH-AMS-02", "WH-LYS-03", "WH-WAW-01"]
    counts = list(zip([e[0] for e in HANGFIRE_EVENTS], HANGFIRE_COUNTS))
    recs = []
    for t, k in shuffle_stream(c, counts, DAY0 + 8 * 3600 * SEC + 17 * SEC, 2.4):
        if k == "start":
            v = [c.cyc((k, 0), storages)]
        elif k in ("announced", "reported_stopped"):
            v = [c.cyc((k, 0), servers), "%.1f" % r.uniform(2.0, 180.0)]
        elif k == "stopped_total":
            v = [c.cyc((k, 0), servers), "%.1f" % r.uniform(300.0, 15000.0)]
        elif k in ("dispatchers", "all_started", "stopping"):
            v = [c.cyc((k, 0), servers)]
        elif k == "retry":
            mx = c.cyc((k, 2), [10, 10, 5])
            a = r.randint(1, mx - 1)
            secs = a ** 4 + 15 + r.randrange(30) * (a + 1)
            v = [r.randint(180000, 189999), a, mx,
                 "%02d:%02d:%02d" % (secs // 3600, secs // 60 % 60, secs % 60)]
        elif k == "deleted":
            v = [r.randint(180000, 189999), c.cyc((k, 1), [10, 5])]
        elif k in ("removing", "removed"):
            v = [c.cyc((k, 0), tables)]
        elif k == "email":
            v = ["%s@%s" % (r.choice(users), r.choice(domains)), "SO-2026-%06d" % r.randint(4000, 19999)]
        elif k == "report":
            v = [c.cyc((k, 0), reports), r.randint(12, 250000), "%.1f" % r.uniform(40, 9000)]
        elif k == "inventory":
            v = [c.cyc((k, 0), whs), r.randint(0, 2400), r.randint(0, 40)]
        elif k == "proc_error":
            a = r.randint(1, 6)
            v = [c.cyc((k, 0), procs), a, "00:00:%02d" % min(59, 2 ** a)]
        recs.append((t, k, v, {}))
    return recs


# ---------------------------------------------------------------------------
# 2. Resque (Ruby Logger default formatter), seeded shuffle
# ---------------------------------------------------------------------------
RESQUE_EVENTS = [
    ("start", "INFO", "Starting worker <*>"),
    ("signals", "INFO", "Registered signals"),
    ("checking", "DEBUG", "Checking <*>"),
    ("found", "DEBUG", "Found job on <*>"),
    ("got", "INFO", "got: (Job{<*>} | <*> | <*>)"),
    ("before_fork", "INFO", "Running before_fork hooks with [(Job{<*>} | <*> | <*>)]"),
    ("forked", "DEBUG", "Forked <*> at <*>"),
    ("done", "INFO", "done: (Job{<*>} | <*> | <*>)"),
    ("failed", "ERROR", "(Job{<*>} | <*> | <*>) failed: #<<*>: <*>>"),
    ("sleeping", "DEBUG", "Sleeping for <*> seconds"),
    ("pruning", "INFO", "Pruning dead worker: <*>"),
    ("killing", "DEBUG", "Killing child at <*>"),
    ("exiting", "INFO", "Exiting..."),
    ("redis_err", "ERROR", "Error reconnecting to Redis; retrying"),
]
RESQUE_COUNTS = [4, 4, 69, 40, 40, 6, 30, 34, 8, 50, 5, 3, 3, 4]
RESQUE_HDR = r"[DIWEFA], \[(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}) #\d+\] (?:DEBUG| INFO| WARN|ERROR|FATAL|  ANY) -- : "


def rq_ruby_header(t, lvl, h):
    hh, m, s, frac = split_ns(t)
    return "%s, [%sT%02d:%02d:%02d.%06d #%d] %5s -- : " % (lvl[0], DATE, hh, m, s, frac // US, h["pid"], lvl)


def gen_resque(c):
    r = c.rng
    hosts = ["jobs-01.prod.shopline.io", "jobs-02.prod.shopline.io", "jobs-03.prod.shopline.io"]
    parents = [4821, 4822, 5107, 6034]
    qsets = ["critical,default,mailers", "default,low", "mailers", "*"]
    queues = ["critical", "default", "mailers", "low"]
    jobs = [
        ("mailers", "SendWelcomeEmail", lambda: '[%d, "welcome"]' % r.randint(1000, 99999)),
        ("mailers", "SendPasswordReset", lambda: '[%d, "%s"]' % (r.randint(1000, 99999), c.hexs(20))),
        ("default", "ResizeAvatar", lambda: '[%d, "avatars/%s.png", [128, 256]]' % (r.randint(1000, 99999), c.hexs(12))),
        ("critical", "ChargeSubscription", lambda: '["sub_%s", %d]' % (c.hexs(14), r.choice([999, 1999, 4900, 12900]))),
        ("low", "ExportOrdersCsv", lambda: '[{"account_id"=>%d, "from"=>"2026-03-01"}]' % r.randint(10, 900)),
        ("default", "SyncCrmContact", lambda: "[%d]" % r.randint(1000, 99999)),
        ("low", "PurgeExpiredCarts", lambda: "[]"),
    ]
    excs = [("Redis::TimeoutError", "Connection timed out"),
            ("ActiveRecord::RecordNotFound", "Couldn't find User with 'id'=%d"),
            ("Stripe::CardError", "Your card was declined."),
            ("Net::ReadTimeout", "Net::ReadTimeout with #<TCPSocket:(closed)>"),
            ("Errno::ECONNREFUSED", "Failed to open TCP connection to crm.internal:8443 (Connection refused - connect(2) for \"crm.internal\" port 8443)")]
    counts = list(zip([e[0] for e in RESQUE_EVENTS], RESQUE_COUNTS))
    recs = []
    for t, k in shuffle_stream(c, counts, DAY0 + 6 * 3600 * SEC + 41 * SEC, 3.1):
        pid = c.cyc(("pid", k), parents)
        if k in ("start", "pruning"):
            p = c.cyc((k, "pid"), parents)
            v = ["%s:%d:%s" % (c.cyc((k, "host"), hosts), p if k == "start" else r.randint(2000, 9000), c.cyc((k, "q"), qsets))]
        elif k in ("signals", "exiting", "redis_err"):
            v = []
        elif k in ("checking", "found"):
            v = [c.cyc((k, 0), queues)]
        elif k in ("got", "before_fork", "done", "failed"):
            q, cls, args = c.cyc((k, "job"), jobs)
            v = [q, cls, args()]
            if k in ("done", "failed"):
                pid = r.randint(10000, 32000)
            if k == "failed":
                en, em = c.cyc((k, "exc"), excs)
                v += [en, em % r.randint(1000, 99999) if "%d" in em else em]
        elif k == "forked":
            v = [r.randint(10000, 32000), t // SEC]
        elif k == "sleeping":
            v = [c.cyc((k, 0), ["5.0", "5.0", "2.0", "5.0", "0.5"])]
        elif k == "killing":
            v = [r.randint(10000, 32000)]
        recs.append((t, k, v, {"pid": pid}))
    return recs


# ---------------------------------------------------------------------------
# 3. Oban in a Phoenix app (Elixir Logger default console format), simulation
# ---------------------------------------------------------------------------
_JOB_COMMON_A = '{"args":<*>,"attempt":<*>,'
OBAN_EVENTS = [
    ("start", "info", '{"args":<*>,"attempt":<*>,"event":"job:start","id":<*>,"max_attempts":<*>,"meta":{},"queue":"<*>","source":"oban","system_time":<*>,"tags":[],"worker":"<*>"}'),
    ("stop", "info", '{"args":<*>,"attempt":<*>,"duration":<*>,"event":"job:stop","id":<*>,"max_attempts":<*>,"meta":{},"queue":"<*>","queue_time":<*>,"source":"oban","state":"success","tags":[],"worker":"<*>"}'),
    ("snoozed", "info", '{"args":<*>,"attempt":<*>,"duration":<*>,"event":"job:stop","id":<*>,"max_attempts":<*>,"meta":{},"queue":"<*>","queue_time":<*>,"source":"oban","state":"snoozed","tags":[],"worker":"<*>"}'),
    ("failure", "error", '{"args":<*>,"attempt":<*>,"duration":<*>,"error":"<*>","event":"job:exception","id":<*>,"kind":"error","max_attempts":<*>,"meta":{},"queue":"<*>","queue_time":<*>,"source":"oban","state":"failure","tags":[],"worker":"<*>"}'),
    ("discard", "error", '{"args":<*>,"attempt":<*>,"duration":<*>,"error":"<*>","event":"job:exception","id":<*>,"kind":"error","max_attempts":<*>,"meta":{},"queue":"<*>","queue_time":<*>,"source":"oban","state":"discard","tags":[],"worker":"<*>"}'),
    ("get", "info", "GET <*>"),
    ("post", "info", "POST <*>"),
    ("sent", "info", "Sent <*> in <*>"),
    ("enqueued", "info", "Enqueued <*> job <*>"),
    ("delivered", "info", 'Delivered "<*>" email to <*>'),
    ("webhook_warn", "warning", "Webhook delivery to <*> failed: <*>"),
    ("pruner", "info", '{"duration":<*>,"event":"plugin:stop","plugin":"Oban.Plugins.Pruner","pruned_count":<*>,"source":"oban"}'),
    ("cron", "info", '{"duration":<*>,"event":"plugin:stop","jobs":<*>,"plugin":"Oban.Plugins.Cron","source":"oban"}'),
    ("isolated", "warning", '{"event":"notifier:switch","message":"notifier can\'t receive messages from any nodes, functionality degraded until it reconnects","source":"oban","status":"isolated"}'),
    ("clustered", "info", '{"event":"notifier:switch","message":"notifier is receiving messages from other nodes","source":"oban","status":"clustered"}'),
]
OBAN_HDR = r"(\d\d:\d\d:\d\d\.\d{3}) (?:request_id=[A-Za-z0-9_-]{20} )?\[(?:debug|info|notice|warning|error)\] "


def oban_header(t, lvl, h):
    hh, m, s, frac = split_ns(t)
    rid = h.get("rid")
    return "%02d:%02d:%02d.%03d %s[%s] " % (hh, m, s, frac // MS, ("request_id=%s " % rid) if rid else "", lvl)


def gen_oban(c):
    r = c.rng
    recs = []
    T0 = DAY0 + 13 * 3600 * SEC + 4 * 60 * SEC + 7 * SEC
    END = T0 + 25 * 60 * SEC
    users = ["anna@example.org", "kofi.mensah@mailbox.test", "p.novak@example.org", "yuki.sato@shop-customer.net", "dev+qa@shopline.io"]
    tmpls = ["order_confirmation", "password_reset", "order_shipped", "cart_reminder"]
    hooks = ["https://hooks.acme-erp.io/shopline/orders", "https://api.partner-logistics.com/v2/webhooks/77", "http://10.40.2.18:8080/callbacks/shopline"]
    hook_fail = ["HTTP 503 Service Unavailable", "timeout after 5000ms", "connection refused (econnrefused)", "HTTP 410 Gone"]
    errors = ["** (Shopline.WebhookError) %s", "** (Mint.TransportError) timeout", "** (DBConnection.ConnectionError) connection not available and request was dropped from queue after 2000ms",
              "** (RuntimeError) image decoder crashed on asset %s", "** (Req.HTTPError) %s"]
    B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    # worker name, queue, max_attempts, args builder, weight
    W = [
        ("Shopline.Workers.Mailer", "mailers", 20, lambda: '{"template":"%s","to":"%s","user_id":%d}' % (c.cyc(("mail", "t"), tmpls), r.choice(users), r.randint(1000, 99999))),
        ("Shopline.Workers.WebhookDelivery", "webhooks", 10, lambda: '{"endpoint_id":%d,"event":"%s"}' % (r.choice([77, 104, 391]), r.choice(["order.paid", "order.shipped", "refund.created"]))),
        ("Shopline.Workers.ThumbnailGenerator", "media", 5, lambda: '{"asset_id":"%s","sizes":[128,512]}' % c.hexs(12)),
        ("Shopline.Workers.InvoiceSync", "default", 20, lambda: '{"invoice_id":%d}' % r.randint(90000, 99999)),
    ]
    seq = [0]
    # outcome scripts per worker (first attempt, later attempts), cycled per worker
    OUTCOMES = {0: (["ok"], ["ok"]),
                1: (["ok", "fail", "ok", "fail", "ok", "ok", "fail"], ["fail", "fail", "ok"]),
                2: (["ok", "snooze", "ok", "fail", "ok", "ok", "snooze", "ok"], ["snooze", "fail", "ok"]),
                3: (["ok", "ok", "ok", "snooze", "ok", "ok"], ["ok", "snooze"])}

    def emit(t, k, v, h=None):
        seq[0] += 1
        recs.append((t, seq[0], k, v, h or {}))

    inserts = []
    # HTTP requests (entities with a request_id and their own clock)
    t = T0
    reqs = []
    while t < END:
        t += c.exp_ns(11.0)
        rid = "".join(r.choice(B64) for _ in range(20))
        if r.random() < 0.62:
            path = r.choice(["/api/orders/%d" % r.randint(4000, 19999), "/api/products?page=%d" % r.randint(1, 12),
                             "/api/carts/%s" % c.hexs(10), "/health/ready"])
            reqs.append((t, rid, "get", path, None))
        else:
            wi = r.choice([0, 0, 1, 2])
            path = {0: "/api/orders", 1: "/api/webhooks/endpoints/%d/test" % r.choice([77, 104, 391]), 2: "/api/assets"}[wi]
            ins = {"t": t + r.randint(3, 25) * MS, "w": wi, "attempt": 1, "req": rid}
            inserts.append(ins)
            reqs.append((t, rid, "post", path, ins))
    # other nodes / application code inserting jobs
    t = T0
    while t < END:
        t += c.exp_ns(8.0)
        wi = r.choice([0, 0, 1, 1, 1, 2, 3])
        att = c.cyc(("insert", "attempt", wi), [1, 1, 1, "max", 1, 1, "mid", 1, "max-1", 1, "max"])
        att = {"max": W[wi][2], "max-1": W[wi][2] - 1, "mid": r.randint(2, W[wi][2])}.get(att, att)
        inserts.append({"t": t, "w": wi, "attempt": att})
    # cron ticks at minute boundaries
    crons = []
    t = T0 - (T0 - DAY0) % (60 * SEC) + 60 * SEC
    while t < END:
        n = c.cyc(("cron", "n"), [2, 1, 0, 3, 1])
        lst = []
        for i in range(n):
            ins = {"t": t + (i + 1) * 2 * MS, "w": 3, "attempt": 1}
            inserts.append(ins)
            lst.append(ins)
        crons.append((t, lst))
        t += 60 * SEC
    inserts.sort(key=lambda d: d["t"])
    for i, ins in enumerate(inserts):
        ins["id"] = 88213 + i
    for (t, rid, m, path, ins) in reqs:
        emit(t, m, [path], {"rid": rid})
        dur = r.randint(1, 40) * MS
        if ins:
            emit(ins["t"], "enqueued", [W[ins["w"]][0], ins["id"]], {"rid": rid})
            dur += 30 * MS
            status = 201
        else:
            status = c.cyc(("sent", "st"), [200, 200, 200, 404, 200, 200, 304])
        if dur < 2 * MS and r.random() < 0.5:
            ds = "%dµs" % r.randint(300, 999)
        else:
            ds = "%dms" % (dur // MS)
        emit(t + dur, "sent", [status, ds], {"rid": rid})
    for t, lst in crons:
        emit(t + r.randint(2, 9) * MS, "cron", [r.randint(900, 9000), "[" + ",".join(str(x["id"]) for x in lst) + "]"])
    t = T0 + 20 * SEC
    while t < END:
        emit(t + r.randint(0, 999999) * US, "pruner", [r.randint(800, 12000), r.randint(0, 900)])
        t += 60 * SEC
    for off in (50, 150, 262):
        ti = T0 + off * SEC + r.randint(0, 900) * MS
        emit(ti, "isolated", [])
        emit(ti + c.exp_ns(8.0), "clustered", [])

    def run(ins, avail, attempt, maxa):
        name, q, _, _ = W[ins["w"]]
        if "args" not in ins:
            ins["args"] = W[ins["w"]][3]()
        qt = r.randint(400, 60000) * US if r.random() < 0.8 else r.randint(60, 2500) * MS
        ts = avail + qt
        if ts > END:
            return
        base = [ins["args"], attempt]
        emit(ts, "start", base + [ins["id"], maxa, q, ts, name])
        wi = ins["w"]
        dur = {0: r.randint(80, 900), 1: r.randint(50, 5000), 2: r.randint(400, 6000), 3: r.randint(30, 1500)}[wi] * MS + r.randint(0, 999999)
        te = ts + dur
        out = c.cyc(("outcome", wi, attempt > 1), OUTCOMES[wi][attempt > 1])
        durv, qtv = dur // US, qt // US
        if out == "ok":
            if wi == 0:
                a = ins["args"]
                tm = a.split('"template":"')[1].split('"')[0]
                to = a.split('"to":"')[1].split('"')[0]
                emit(te - r.randint(1, 20) * MS, "delivered", [tm, to])
            emit(te, "stop", base + [durv, ins["id"], maxa, q, qtv, name])
        elif out == "snooze":
            emit(te, "snoozed", base + [durv, ins["id"], maxa, q, qtv, name])
            run(ins, te + r.choice([30, 60, 120]) * SEC, attempt + 1, maxa + 1)
        else:
            if wi == 1:
                url, why = r.choice(hooks), c.cyc(("hook", "why"), hook_fail)
                emit(te - r.randint(1, 5) * MS, "webhook_warn", [url, why])
                err = c.cyc(("err", "hook"), [errors[0] % why, errors[1], errors[4] % why])
            else:
                err = c.cyc(("err", "media"), [errors[3] % c.hexs(12), errors[2]])
            if attempt >= maxa:
                emit(te, "discard", base + [durv, err, ins["id"], maxa, q, qtv, name])
            else:
                emit(te, "failure", base + [durv, err, ins["id"], maxa, q, qtv, name])
                backoff = (15 + attempt ** 4 + r.randint(0, 10)) * SEC
                run(ins, te + backoff, attempt + 1, maxa)

    for ins in inserts:
        run(ins, ins["t"], ins["attempt"], W[ins["w"]][2])
    recs.sort(key=lambda x: (x[0], x[1]))
    return [(t, k, v, h) for (t, _, k, v, h) in recs[:NLINES]]


# ---------------------------------------------------------------------------
# 4. BullMQ workers logging with pino (JSON lines), simulation
# ---------------------------------------------------------------------------
BULLMQ_EVENTS = [
    ("added", 30, '"jobId":"<*>","jobName":"<*>","msg":"job added to queue"}'),
    ("delayed", 30, '"jobId":"<*>","jobName":"<*>","delay":<*>,"msg":"delayed job added to queue"}'),
    ("active", 30, '"jobId":"<*>","attemptsMade":<*>,"msg":"job active"}'),
    ("progress", 20, '"jobId":"<*>","progress":<*>,"msg":"job progress"}'),
    ("lock", 20, '"jobId":"<*>","lockDuration":<*>,"msg":"extending job lock"}'),
    ("completed", 30, '"jobId":"<*>","duration":"<*>","msg":"job completed"}'),
    ("retry", 40, '"jobId":"<*>","attemptsMade":<*>,"err":"<*>","backoff":<*>,"msg":"job failed, retrying"}'),
    ("failed", 50, '"jobId":"<*>","attemptsMade":<*>,"err":"<*>","msg":"job failed permanently, moved to failed set"}'),
    ("stalled", 40, '"jobId":"<*>","msg":"job stalled, moved back to wait"}'),
    ("ready", 30, '"concurrency":<*>,"msg":"worker ready"}'),
    ("drained", 30, '"msg":"queue drained"}'),
    ("error", 50, '"err":"<*>","msg":"worker error"}'),
    ("redis_ready", 30, '"host":"<*>","port":6379,"msg":"redis connection ready"}'),
    ("reconnecting", 40, '"host":"<*>","port":6379,"delay":<*>,"msg":"redis reconnecting"}'),
    ("repeatable", 30, '"jobName":"<*>","pattern":"<*>","next":"<*>","msg":"repeatable job scheduled"}'),
]
BULLMQ_HDR = r'\{"level":(?:10|20|30|40|50|60),"time":(\d{13}),"pid":\d+,"hostname":"[a-z0-9-]+",(?:"queue":"[a-z-]+",)?'


def bull_header(t, lvl, h):
    s = '{"level":%d,"time":%d,"pid":%d,"hostname":"%s",' % (lvl, t // MS, h["pid"], h["host"])
    if h.get("queue"):
        s += '"queue":"%s",' % h["queue"]
    return s


def gen_bullmq(c):
    r = c.rng
    recs = []
    seq = [0]
    T0 = DAY0 + 15 * 3600 * SEC + 22 * 60 * SEC + 3 * SEC
    END = T0 + 30 * 60 * SEC
    pods = [{"host": "orders-worker-6d9f7c8b4-kx2lp", "pid": 27, "t": T0},
            {"host": "orders-worker-6d9f7c8b4-r7tqm", "pid": 31, "t": T0 + 47 * SEC + 312 * MS}]
    Q = {"emails": (["send-welcome", "send-receipt", "send-password-reset"], 10, 30000),
         "thumbnails": (["generate-thumbnail"], 4, 5000),
         "webhooks": (["deliver-webhook"], 20, 30000),
         "reports": (["build-daily-report", "cleanup-expired-sessions"], 1, 60000)}
    qnames = list(Q)
    errs = {"emails": ["SMTP 421 4.7.0 Try again later", "Invalid recipient address"],
            "thumbnails": ["Input buffer contains unsupported image format", "ENOENT: no such file or directory, open '/tmp/uploads/%s.heic'"],
            "webhooks": ["Request failed with status code 502", "timeout of 10000ms exceeded", "getaddrinfo ENOTFOUND hooks.acme-erp.io"],
            "reports": ["canceling statement due to statement timeout", "Request failed with status code 500"]}
    redis_hosts = ["redis-master.queue.svc.cluster.local", "10.12.3.41"]
    # outcome scripts per queue (first attempt, later attempts), cycled per queue
    OUTCOMES = {"emails": (["ok", "ok", "ok", "ok", "ok", "stall", "ok", "ok", "ok", "fail", "ok", "ok"], ["ok", "ok", "fail"]),
                "thumbnails": (["ok", "ok", "ok", "fail", "ok", "ok", "ok", "ok", "stall", "ok"], ["ok", "fail"]),
                "webhooks": (["ok", "fail", "ok", "ok", "fail", "ok", "stall", "ok", "fail", "ok"], ["fail", "fail", "ok"]),
                "reports": (["ok", "ok", "fail", "ok"], ["fail", "ok"])}

    def emit(t, k, v, pod, queue=None):
        seq[0] += 1
        recs.append((t, seq[0], k, v, {"pid": pod["pid"], "host": pod["host"], "queue": queue}))

    for i, pod in enumerate(pods):
        t = pod["t"]
        emit(t, "redis_ready", [redis_hosts[i]], pod)
        for q in qnames:
            t += r.randint(2, 40) * MS
            emit(t, "ready", [Q[q][1]], pod, q)
        for jn, pat, nxt in [("build-daily-report", "0 2 * * *", "2026-03-15T02:00:00.000Z"),
                             ("cleanup-expired-sessions", "*/15 * * * *", None)]:
            t += r.randint(1, 15) * MS
            if nxt is None:
                h, m, _, _ = split_ns(t)
                m = (m // 15 + 1) * 15
                h, m = h + m // 60, m % 60
                nxt = "%sT%02d:%02d:00.000Z" % (DATE, h, m)
            emit(t, "repeatable", [jn, pat, nxt], pod, "reports")
    # redis outage episodes, one per pod
    for pod, off in ((pods[0], 3 * 60), (pods[1], 7 * 60)):
        t = T0 + off * SEC + r.randint(0, 999) * MS
        for q in qnames:
            emit(t + r.randint(0, 30) * MS, "error", [c.cyc(("error", 0), ["Connection is closed.", "read ECONNRESET", "connect ECONNREFUSED 10.12.3.41:6379"])], pod, q)
        d = 50
        t += 40 * MS
        for _ in range(2):
            t += d * MS
            emit(t, "reconnecting", [redis_hosts[pods.index(pod)], d], pod)
            d *= 2
        emit(t + r.randint(100, 900) * MS, "redis_ready", [redis_hosts[pods.index(pod)]], pod)
    jid = 48211
    t = T0 + 3 * SEC

    def attempt(job, t_av, made):
        pod = r.choice([p for p in pods if p["t"] < t_av] or pods[:1])
        q = job["q"]
        ta = t_av + r.randint(2, 900) * MS
        if ta > END:
            return
        emit(ta, "active", [job["id"], made], pod, q)
        run = {"emails": r.randint(120, 1500), "thumbnails": r.randint(800, 9000),
               "webhooks": r.randint(60, 11000), "reports": r.randint(20000, 95000)}[q] * MS
        lockd = Q[q][2]
        tl = ta + lockd * MS // 2
        while tl < ta + run:
            emit(tl, "lock", [job["id"], lockd], pod, q)
            tl += lockd * MS // 2
        if q == "thumbnails":
            for p in (25, 50, 75):
                emit(ta + run * p // 100, "progress", [job["id"], p], pod, q)
        te = ta + run
        out = c.cyc(("outcome", q, made > 0), OUTCOMES[q][made > 0])
        if out == "stall" and made == 0:
            emit(te + 30 * SEC + r.randint(0, 999) * MS, "stalled", [job["id"]], r.choice(pods), q)
            attempt(job, te + 31 * SEC, made)
        elif out == "fail":
            e = c.cyc(("err", q), errs[q])
            if "%s" in e:
                e = e % c.hexs(10)
            if made + 1 >= job["attempts"]:
                emit(te, "failed", [job["id"], made + 1, e], pod, q)
            else:
                bo = 1000 * 2 ** made
                emit(te, "retry", [job["id"], made + 1, e, bo], pod, q)
                attempt(job, te + bo * MS, made + 1)
        else:
            ds = "%dms" % (run // MS) if run < SEC else "%.2fs" % (run / SEC)
            emit(te, "completed", [job["id"], ds], pod, q)
            if r.random() < 0.14:
                emit(te + r.randint(1, 8) * MS, "drained", [], pod, q)

    while t < END:
        t += c.exp_ns(9.0)
        q = r.choice(["emails", "emails", "emails", "webhooks", "webhooks", "thumbnails", "thumbnails", "reports"])
        jid += 1
        job = {"id": jid, "q": q, "name": r.choice(Q[q][0]), "attempts": {"webhooks": 3, "reports": 2}.get(q, 3)}
        if r.random() < 0.4 and q == "webhooks":
            job["attempts"] = 2
        prod = r.choice([p for p in pods if p["t"] < t] or pods[:1])
        if r.random() < 0.13:
            d = c.cyc(("delayed", "d"), [5000, 30000, 60000, 15000])
            emit(t, "delayed", [jid, job["name"], d], prod, q)
            attempt(job, t + d * MS, 0)
        else:
            emit(t, "added", [jid, job["name"]], prod, q)
            attempt(job, t, 0)
    recs.sort(key=lambda x: (x[0], x[1]))
    return [(t, k, v, h) for (t, _, k, v, h) in recs[:NLINES]]


# ---------------------------------------------------------------------------
# 5. Faktory server (its default "L yyyy-mm-ddThh:mm:ss.mmmZ msg" lines), seeded shuffle
# ---------------------------------------------------------------------------
FAKTORY_EVENTS = [
    ("banner", "I", "Faktory 1.9.0"),
    ("storage", "I", "Initializing redis storage at <*>, socket <*>"),
    ("web", "I", "Web server now listening at <*>"),
    ("listening", "I", "PID <*> listening at <*>, press Ctrl-C to stop"),
    ("retries", "I", "Retries processed <*> jobs"),
    ("scheduled", "I", "Scheduled processed <*> jobs"),
    ("reaped", "I", "Reaped <*> jobs"),
    ("badconn", "W", "Bad connection: <*>"),
    ("unknown", "E", "Unknown command: <*>"),
    ("expired", "I", "Job <*> (<*>) reservation expired after <*>, requeuing to <*>"),
    ("connected", "D", "Worker <*> connected: hostname=<*> pid=<*> labels=<*>"),
    ("disconnected", "D", "Worker <*> disconnected after <*>"),
    ("paused", "I", "Queue <*> paused"),
    ("resumed", "I", "Queue <*> resumed"),
    ("heartbeat", "W", "Worker <*> missed heartbeat for <*>, reaping"),
]
FAKTORY_COUNTS = [3, 3, 3, 3, 50, 75, 20, 9, 4, 18, 45, 40, 4, 4, 19]
FAKTORY_HDR = r"[DIWEF] (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z) "


def faktory_header(t, lvl, h):
    hh, m, s, frac = split_ns(t)
    return "%s %sT%02d:%02d:%02d.%03dZ " % (lvl, DATE, hh, m, s, frac // MS)


def go_dur(c, lo, hi):
    ms = c.rng.randint(lo, hi)
    s, frac = divmod(ms, 1000)
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    out = ""
    if h:
        out += "%dh" % h
    if h or m:
        out += "%dm" % m
    return out + ("%d.%03ds" % (s, frac)).replace(".000s", "s")


def gen_faktory(c):
    r = c.rng
    counts = list(zip([e[0] for e in FAKTORY_EVENTS], FAKTORY_COUNTS))
    hosts = ["app-web-5f7d8-2xk9q", "app-worker-0", "app-worker-1", "billing-7c9f6-mm2lp", "ip-10-0-3-117"]
    labels = ["[ruby-3.2.2]", "[ruby-3.2.2 web]", "[golang]", "[node-20.11.1 reports]", "[python]"]
    queues = ["default", "critical", "mailers", "bulk", "reports"]
    jobtypes = ["SendInvoiceEmail", "ResizeImage", "SyncLedger", "GenerateReport", "PushNotification", "ImportCsv"]
    badconn = ["EOF", "read tcp 10.0.4.12:7419->10.0.5.31:%d: read: connection reset by peer",
               "write tcp 10.0.4.12:7419->10.0.7.8:%d: write: broken pipe", "tls: first record does not look like a TLS handshake",
               "read tcp 10.0.4.12:7419->10.0.5.44:%d: i/o timeout"]
    unknown = ["GET", "STATS", "HEAD", "PUSHB"]
    JID = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    recs = []
    for t, k in shuffle_stream(c, counts, DAY0 + 3 * 3600 * SEC + 12 * 60 * SEC, 6.5):
        if k == "banner":
            v = []
        elif k == "storage":
            d = c.cyc((k, 0), ["/var/lib/faktory/db", "/data/faktory/db"])
            v = [d, d + "/redis.sock"]
        elif k == "web":
            v = [c.cyc((k, 0), ["localhost:7420", "0.0.0.0:7420", "[::]:7420"])]
        elif k == "listening":
            v = [c.cyc((k, 0), [1, 1, 7]), c.cyc((k, 1), ["localhost:7419", "0.0.0.0:7419"])]
        elif k in ("retries", "scheduled", "reaped"):
            v = [int(r.paretovariate(1.3))]
        elif k == "badconn":
            b = c.cyc((k, 0), badconn)
            v = [b % r.randint(32768, 60999) if "%d" in b else b]
        elif k == "unknown":
            v = [c.cyc((k, 0), unknown)]
        elif k == "expired":
            v = ["".join(r.choice(JID) for _ in range(16)), c.cyc((k, 1), jobtypes),
                 c.cyc((k, 2), ["30m0s", "1h0m0s", "10m0s", "30m0s"]), c.cyc((k, 3), queues)]
        elif k == "connected":
            v = [c.hexs(16), c.cyc((k, 1), hosts), r.randint(7, 48000), c.cyc((k, 3), labels)]
        elif k == "disconnected":
            v = [c.hexs(16), go_dur(c, 800, 30000000)]
        elif k in ("paused", "resumed"):
            v = [c.cyc((k, 0), ["bulk", "reports", "mailers"])]
        elif k == "heartbeat":
            v = [c.hexs(16), go_dur(c, 60000, 300000)]
        lvl = [e[1] for e in FAKTORY_EVENTS if e[0] == k][0]
        recs.append((t, k, v, {}))
    return recs


# ---------------------------------------------------------------------------
# 6. RQ worker (rq default logging: "%(asctime)s %(message)s", datefmt "%H:%M:%S"), simulation
# ---------------------------------------------------------------------------
RQ_EVENTS = [
    ("started", "INFO", "Worker <*> started with PID <*>, version 1.16.2"),
    ("subscribing", "INFO", "Subscribing to channel <*>"),
    ("listening", "INFO", "*** Listening on <*>..."),
    ("cleaning", "INFO", "Cleaning registries for queue: <*>"),
    ("job", "INFO", "<*>: <*> (<*>)"),
    ("ok", "INFO", "<*>: Job OK (<*>)"),
    ("kept", "INFO", "Result is kept for <*> seconds"),
    ("exc", "ERROR", "[Job <*>]: exception raised while executing (<*>)"),
    ("traceback", "ERROR", "Traceback (most recent call last):"),
    ("file", "ERROR", 'File "<*>", line <*>, in <*>'),
    ("src_perform", "ERROR", "rv = job.perform()"),
    ("src_execute", "ERROR", "self._result = self._execute()"),
    ("src_func", "ERROR", "result = self.func(*self.args, **self.kwargs)"),
    ("exc_line", "ERROR", "<*>: <*>"),
]
RQ_HDR = r"(?:(\d\d:\d\d:\d\d) |\s*)"


def rq_header(t, lvl, h):
    if "indent" in h:
        return " " * h["indent"]
    return hms(t) + " "


def gen_rq(c):
    r = c.rng
    recs = []
    seq = [0]
    T0 = DAY0 + 11 * 3600 * SEC + 30 * 60 * SEC + 2 * SEC
    END = T0 + 60 * 60 * SEC
    SP = "/usr/local/lib/python3.10/site-packages/rq/"
    funcs = [
        ("tasks.email.send_receipt", lambda: "(%d, '%s')" % (r.randint(1000, 99999), r.choice(["anna@example.org", "kofi@mailbox.test", "p.novak@example.org"])), "/app/tasks/email.py", 41, "send_receipt"),
        ("tasks.billing.charge_invoice", lambda: "(%d)" % r.randint(90000, 99999), "/app/tasks/billing.py", 88, "charge_invoice"),
        ("tasks.reports.build_report", lambda: "('%s', date='2026-03-13')" % r.choice(["daily", "weekly", "vat"]), "/app/tasks/reports.py", 132, "build_report"),
        ("tasks.media.transcode", lambda: "('s3://media-prod/uploads/%s.mov', preset='720p')" % c.hexs(10), "/app/tasks/media.py", 57, "transcode"),
        ("tasks.crm.sync_contact", lambda: "(%d, force=True)" % r.randint(1000, 99999), "/app/tasks/crm.py", 23, "sync_contact"),
    ]
    fails = {
        "tasks.email.send_receipt": ("smtplib.SMTPServerDisconnected", "Connection unexpectedly closed"),
        "tasks.billing.charge_invoice": ("psycopg2.OperationalError", "server closed the connection unexpectedly"),
        "tasks.reports.build_report": ("KeyError", "'region_code'"),
        "tasks.media.transcode": ("subprocess.CalledProcessError", "Command '['ffmpeg', '-y', '-i', '/tmp/in.mov']' returned non-zero exit status 1."),
        "tasks.crm.sync_contact": ("requests.exceptions.ConnectTimeout", "HTTPSConnectionPool(host='api.crm-partner.io', port=443): Max retries exceeded with url: /v2/contacts (Caused by ConnectTimeoutError(<urllib3.connection.HTTPSConnection object at 0x7f3a%s>, 'Connection to api.crm-partner.io timed out. (connect timeout=10)'))"),
    }
    workers = [(["high", "default", "low"], 0), (["default"], 700), (["emails", "default"], 1500)]

    def emit(t, k, v, h=None):
        seq[0] += 1
        recs.append((t, seq[0], k, v, h or {}))

    for qs, off in workers:
        name = c.hexs(32)
        t = T0 + off * MS + r.randint(0, 200) * MS
        emit(t, "started", ["rq:worker:" + name, r.randint(8, 90)])
        emit(t + 2 * MS, "subscribing", ["rq:pubsub:" + name])
        emit(t + 4 * MS, "listening", [",".join(qs)])
        for i, q in enumerate(qs):
            emit(t + (6 + i) * MS, "cleaning", [q])
        last_clean = t
        while t < END:
            t += c.exp_ns(9.0)
            if t - last_clean > 600 * SEC:
                for i, q in enumerate(qs):
                    emit(t + i * MS, "cleaning", [q])
                last_clean = t
                t += 5 * MS
            q = r.choice(qs)
            fn, argf, path, line, short = r.choice(funcs)
            jid = c.uuid4()
            emit(t, "job", [q, fn + argf(), jid])
            t += int(r.expovariate(1 / 1.5) * SEC) + r.randint(5, 80) * MS
            if r.random() < 0.08:
                emit(t, "exc", [jid, fn])
                emit(t, "traceback", [], {"indent": 0})
                emit(t, "file", [SP + "worker.py", 1431, "perform_job"], {"indent": 2})
                emit(t, "src_perform", [], {"indent": 4})
                emit(t, "file", [SP + "job.py", 1280, "perform"], {"indent": 2})
                emit(t, "src_execute", [], {"indent": 4})
                emit(t, "file", [SP + "job.py", 1317, "_execute"], {"indent": 2})
                emit(t, "src_func", [], {"indent": 4})
                emit(t, "file", [path, line, short], {"indent": 2})
                en, em = fails[fn]
                emit(t, "exc_line", [en, em % c.hexs(8) if "%s" in em else em], {"indent": 0})
            else:
                emit(t, "ok", [q, jid])
                emit(t + 1 * MS, "kept", [500 if fn != "tasks.reports.build_report" else 86400])
    recs.sort(key=lambda x: (x[0], x[1]))
    return [(t, k, v, h) for (t, _, k, v, h) in recs[:NLINES]]


# ---------------------------------------------------------------------------
SYSTEMS = [
    # name, events, generator, header fn, header regex, kind
    ("Hangfire", HANGFIRE_EVENTS, gen_hangfire, hf_header, HANGFIRE_HDR, "shuffle"),
    ("Resque", RESQUE_EVENTS, gen_resque, rq_ruby_header, RESQUE_HDR, "shuffle"),
    ("Oban", OBAN_EVENTS, gen_oban, oban_header, OBAN_HDR, "simulation"),
    ("BullMq", BULLMQ_EVENTS, gen_bullmq, bull_header, BULLMQ_HDR, "simulation"),
    ("Faktory", FAKTORY_EVENTS, gen_faktory, faktory_header, FAKTORY_HDR, "shuffle"),
    ("RqWorker", RQ_EVENTS, gen_rq, rq_header, RQ_HDR, "simulation"),
]


def write_system(k, name, events, gen, hdr_fn):
    c = Ctx(k)
    recs = gen(c)
    assert len(recs) == NLINES, (name, len(recs))
    idx = {e[0]: i for i, e in enumerate(events)}
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    lines, rows = [], []
    for i, (t, key, vals, h) in enumerate(recs, 1):
        _, lvl, tpl = events[idx[key]]
        content = fill(tpl, vals)
        lines.append(hdr_fn(t, lvl, h) + content)
        rows.append([i, content, "E%d" % (idx[key] + 1), tpl])
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


def check_system(name, events, hdr_re):
    d = os.path.join(OUT, name)
    raw = open(os.path.join(d, name + ".log"), "rb").read()
    assert raw.endswith(b"\n") and b"\r" not in raw, name
    lines = raw.decode("utf-8").split("\n")[:-1]
    assert len(lines) == NLINES, (name, len(lines))
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rdr = list(csv.reader(f))
    assert rdr[0] == ["LineId", "Content", "EventId", "EventTemplate"], name
    rows = rdr[1:]
    assert len(rows) == NLINES, name
    hre = re.compile(hdr_re)
    declared = {"E%d" % (i + 1): e[2] for i, e in enumerate(events)}
    assert len(set(declared.values())) == len(declared), name + ": duplicate templates"
    tpl_of, counts, caps = {}, {}, {}
    last = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        assert len(row) == 4, (name, i)
        lid, content, eid, tpl = row
        assert lid == str(i), (name, i)
        assert content and content == content.strip(), (name, i)
        assert line.endswith(content), (name, i)
        m = hre.fullmatch(line[: len(line) - len(content)])
        assert m, (name, i, line)
        ts = m.group(1) if m.groups() else None
        if ts is not None:
            assert last is None or ts >= last, (name, i, "time went back")
            last = ts
        assert re.fullmatch(r"E\d+", eid) and eid in declared, (name, i)
        assert tpl_of.setdefault(eid, tpl) == tpl == declared[eid], (name, i)
        counts[eid] = counts.get(eid, 0) + 1
        rx = "^" + "(.+?)".join(re.escape(p) for p in tpl.split("<*>")) + "$"
        mm = re.fullmatch(rx, content)
        assert mm, (name, i, content, tpl)
        for j, g in enumerate(mm.groups()):
            caps.setdefault((eid, j), set()).add(g)
    assert set(counts) == set(declared), (name, "unused events", set(declared) - set(counts))
    for (eid, j), vals in caps.items():
        assert len(vals) >= 2, (name, eid, "slot", j, "constant", vals)
    n = list(counts.values())
    assert 12 <= len(n) <= 15, name
    assert min(n) >= 3, (name, counts)
    assert sum(1 for x in n if 3 <= x <= 10) >= 3, (name, counts)
    med = statistics.median(n)
    assert max(n) >= 3 * med, (name, max(n), med)
    return counts, med


def main():
    ok = True
    for k, (name, events, gen, hdr_fn, hdr_re, kind) in enumerate(SYSTEMS, 1):
        write_system(k, name, events, gen, hdr_fn)
    for k, (name, events, gen, hdr_fn, hdr_re, kind) in enumerate(SYSTEMS, 1):
        try:
            counts, med = check_system(name, events, hdr_re)
        except AssertionError as e:
            ok = False
            print("%-9s FAIL %s" % (name, e))
            continue
        order = sorted(counts, key=lambda e: int(e[1:]))
        print("%-9s OK  %-10s events=%2d max=%3d median=%g  %s" % (
            name, kind, len(counts), max(counts.values()), med,
            " ".join("%s:%d" % (e, counts[e]) for e in order)))
    if not ok:
        sys.exit(1)
    print("all self-checks passed")


if __name__ == "__main__":
    main()
