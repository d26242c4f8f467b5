#!/usr/bin/env python3
"""Writes Sealed 14, a sealed, labelled log corpus for the log template miner (see README.md).

Six systems, 300 lines each: Neo4j, CouchDB, Cloudflared, Solr, Dagster, Lighttpd. Each line is
built here from event formats written for this corpus, in the program's default log layout as
remembered, with values drawn from generators in this file. No line, message or value list is
taken from a real log or a public data set. Nothing in this file was checked against a template
miner or log parser.

Deterministic: fixed seed 20261219, an integer millisecond clock per system starting on
2026-12-17 (UTC), no dependence on locale or wall time. `python3 generate.py` rewrites the same
files: `<System>/<System>.log` (raw lines, header included) and
`<System>/<System>.log_structured.csv` (LineId, Content, EventId, EventTemplate).

Each event format *is* its ground-truth template: every `<*>` is filled with one generated
value. The conventions (Loghub style) are listed in README.md. At the end the files are read
back and checked (`self_check`).
"""
import calendar
import csv
import os
import random
import re
import time

SEED = 20261219
R = random.Random(SEED)
N_LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["Neo4j", "CouchDB", "Cloudflared", "Solr", "Dagster", "Lighttpd"]
DAY0 = calendar.timegm((2026, 12, 17, 0, 0, 0))


# =============================================================================================
# Value helpers
# =============================================================================================
def hexs(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def new_uuid():
    h = hexs(32)
    return "-".join([h[:8], h[8:12], "4" + h[13:16], R.choice("89ab") + h[17:20], h[20:32]])


class Deck:
    """Deals values of a pool in reshuffled rounds, so a rare event type still sees several
    different values."""

    def __init__(self, pool):
        self.pool = list(pool)
        assert len({repr(p) for p in self.pool}) >= 2, pool
        self.left = []

    def __call__(self):
        if not self.left:
            self.left = self.pool[:]
            R.shuffle(self.left)
        return self.left.pop()


def weighted(pairs):
    """pairs: [(value, weight)] -> a callable drawing one value."""
    vals = [v for v, _ in pairs]
    wts = [w for _, w in pairs]
    return lambda: R.choices(vals, wts)[0]


class Clock:
    """Integer millisecond clock (UTC) with a sub-millisecond part for microsecond stamps."""

    def __init__(self, start_s):
        self.ms = (DAY0 + start_s) * 1000 + R.randint(0, 999)
        self.us = R.randint(0, 999)

    def tick(self, lo_ms, hi_ms):
        assert lo_ms >= 1
        self.ms += R.randint(lo_ms, hi_ms)
        self.us = R.randint(0, 999)

    def parts(self):
        g = time.gmtime(self.ms // 1000)
        return g, self.ms % 1000

    def date(self):
        g, _ = self.parts()
        return "%04d-%02d-%02d" % (g.tm_year, g.tm_mon, g.tm_mday)

    def hms(self):
        g, _ = self.parts()
        return "%02d:%02d:%02d" % (g.tm_hour, g.tm_min, g.tm_sec)

    # the six stamp layouts
    def neo4j(self):
        return "%s %s.%03d+0000" % (self.date(), self.hms(), self.ms % 1000)

    def couch(self):
        return "%sT%s.%03d%03dZ" % (self.date(), self.hms(), self.ms % 1000, self.us)

    def zerolog(self):
        return "%sT%sZ" % (self.date(), self.hms())

    def solr(self):
        return "%s %s.%03d" % (self.date(), self.hms(), self.ms % 1000)

    def dagster(self):
        return "%s %s +0000" % (self.date(), self.hms())

    def lighttpd(self):
        return "%s %s:" % (self.date(), self.hms())


def fmt_at(ms, layout):
    c = Clock.__new__(Clock)
    c.ms, c.us = ms, 0
    return getattr(c, layout)()


# =============================================================================================
# Templates, lines and the two files
# =============================================================================================
def fill(template, values):
    pieces = template.split("<*>")
    assert len(pieces) == len(values) + 1, (template, values)
    out = [pieces[0]]
    for v, p in zip(values, pieces[1:]):
        assert isinstance(v, str) and v, (template, values)
        assert v == v.strip() and not re.search(r"[\r\n\t]", v), (template, repr(v))
        out.append(v)
        out.append(p)
    content = "".join(out)
    assert content == content.strip() and content, (template, values)
    return content


class Kind:
    """One event type: its template, how many single lines to shuffle in (systems written as a
    shuffle), and a generator returning (values, header fields)."""

    def __init__(self, template, count=0, gen=None):
        self.template = template
        self.count = count
        self.gen = gen


def write_system(system, kinds, items):
    """items: [(kind index, raw line, content, values)] in file order. Checks the per-type
    invariants on the way, then writes the raw log and the structured CSV."""
    assert len(items) == N_LINES, (system, len(items))
    assert 12 <= len(kinds) <= 15, system
    seen = {}
    rows, raw = [], []
    for n, (k, line, content, values) in enumerate(items, 1):
        assert line.endswith(content) and "\n" not in line, (system, line)
        slots = seen.setdefault(k, [set() for _ in values])
        for s, v in zip(slots, values):
            s.add(v)
        rows.append([str(n), content, "E%d" % (k + 1), kinds[k].template])
        raw.append(line)
    assert sorted(seen) == list(range(len(kinds))), (system, sorted(seen))
    for k, slots in seen.items():
        for j, s in enumerate(slots):
            assert len(s) >= 2, (system, "E%d" % (k + 1), j + 1, s)
    folder = os.path.join(HERE, system)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, system + ".log"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(raw) + "\n")
    with open(os.path.join(folder, system + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


def shuffled(system, kinds, clock, render, gap, blocks=(), block_gap=(1, 50)):
    """A seeded shuffle of units: one unit per single line of each kind (Kind.count of them)
    plus the given blocks (lists of (kind index, gen) written in a row). The clock moves
    forward by `gap` ms before each unit and by `block_gap` ms inside a block."""
    units = [[(k, kd.gen)] for k, kd in enumerate(kinds) for _ in range(kd.count)]
    units += [list(b) for b in blocks]
    R.shuffle(units)
    items = []
    for unit in units:
        for j, (k, gen) in enumerate(unit):
            clock.tick(*(gap if j == 0 else block_gap))
            values, hdr = gen()
            values = tuple(str(v) for v in values)
            content = fill(kinds[k].template, values)
            items.append((k, render(clock, hdr, content), content, values))
    write_system(system, kinds, items)


# =============================================================================================
# 1. Neo4j 5 (official Docker image). The server writes two files with log4j2 layouts from
#    its default server-logs.xml: neo4j.log `%d{yyyy-MM-dd HH:mm:ss.SSSZ} %-5p %m` and
#    debug.log `%d{yyyy-MM-dd HH:mm:ss.SSSZ} %-5p [%c{1.}] %m`. The corpus is the two files of
#    one server merged by time (as a shipper tailing /logs/*.log forwards them). Content is what
#    follows the padded level and, on debug.log lines, the `[abbreviated.Logger] `.
# =============================================================================================
def neo4j():
    dbs = {"neo4j": "4c1e7a2b", "catalog": "9d03f7e1", "system": "00000000"}
    pick_db = weighted([("neo4j", 6), ("catalog", 3), ("system", 1)])
    guard_dbs = {"off": Deck(["neo4j", "catalog"]), "on": Deck(["neo4j", "catalog"])}
    txid = {"neo4j": R.randint(4100000, 4300000), "catalog": R.randint(180000, 240000), "system": R.randint(300, 600)}
    logv = {"neo4j": R.randint(310, 340), "catalog": R.randint(40, 60), "system": R.randint(2, 5)}

    def db():
        d = pick_db()
        return d, dbs[d]

    def udb(which):
        d = guard_dbs[which]()
        return d, dbs[d]

    def bump(d):
        txid[d] += {"neo4j": R.randint(900, 40000), "catalog": R.randint(50, 3000), "system": R.randint(0, 3)}[d] + 1
        return txid[d]

    reasons = {
        "neo4j": weighted([("Scheduled checkpoint for every 15 minutes threshold", 5),
                           ("Scheduled checkpoint for every 100000 transactions threshold", 4),
                           ("Call to db.checkpoint() procedure", 1)]),
        "catalog": weighted([("Scheduled checkpoint for every 15 minutes threshold", 6),
                             ("Store copy", 1)]),
        "system": lambda: "Scheduled checkpoint for every 15 minutes threshold",
    }
    io_limit = {"neo4j": "1200", "catalog": "unlimited", "system": "unlimited"}

    def ckpt_start():
        d, i = db()
        return (d, i, reasons[d](), bump(d)), ("INFO", "o.n.k.i.t.l.c.CheckPointerImpl")

    def ckpt_done():
        d, i = db()
        pages = R.randint(0, 40) if d == "system" else R.randint(30, 90000)
        ms = R.randint(1, 30) if d == "system" else R.randint(20, 9000)
        paused = R.randint(0, 40) if io_limit[d] != "unlimited" else 0
        if d == "neo4j" and R.random() < 0.3:
            paused = 0
        return ((d, i, reasons[d](), bump(d), ms, pages, R.randint(0, 9) if pages > 1000 else 0,
                 max(1, pages // R.randint(8, 30)), io_limit[d], paused, paused * R.randint(8, 100)),
                ("INFO", "o.n.k.i.t.l.c.CheckPointerImpl"))

    def pruned():
        d, i = db()
        lo = max(0, logv[d] - R.randint(3, 6))
        return (d, i, lo, lo + R.randint(0, 2), logv[d] + R.randint(0, 1)), ("INFO", "o.n.k.i.t.l.p.LogPruningImpl")

    def rotated():
        d, i = db()
        logv[d] += 1
        return ((d, i, "/data/transactions/%s/neostore.transaction.db.%d" % (d, logv[d]), logv[d], bump(d),
                 R.randint(0, 45), R.randint(100, 900000)), ("INFO", "o.n.k.i.t.l.f.TransactionLogFile"))

    def vm_pause():
        p = R.choice([R.randint(101, 400), R.randint(400, 2600)])
        gc = max(0, p - R.randint(2, 60))
        return (p, gc, R.randint(1, 3)), ("WARN", "o.n.k.i.c.VmPauseMonitorComponent")

    bolt_clients = ["10.42.3.17", "10.42.3.18", "10.42.7.101", "10.42.0.56"]

    def channel():
        return "/%s:%d" % (R.choice(bolt_clients), R.randint(32768, 60999))

    limiter_chan = {"c": channel()}

    def auto_read_off():
        limiter_chan["c"] = channel()
        return (limiter_chan["c"], R.choice([100, 100, 200])), ("WARN", "o.n.b.r.BoltConnectionReadLimiter")

    def auto_read_on():
        if R.random() < 0.5:
            limiter_chan["c"] = channel()
        return (limiter_chan["c"], R.choice([100, 100, 50])), ("INFO", "o.n.b.r.BoltConnectionReadLimiter")

    indexes = Deck([
        ("neo4j", "Index( id=14, name='person_email_idx', type='RANGE', schema=(:Person {email}), indexProvider='range-1.0' )"),
        ("neo4j", "Index( id=17, name='order_lookup', type='RANGE', schema=(:Order {customerId, placedAt}), "
                  "indexProvider='range-1.0' )"),
        ("catalog", "Index( id=9, name='article_text', type='FULLTEXT', schema=(:Article:BlogPost {title, body}), "
                    "indexProvider='fulltext-1.0' )"),
        ("neo4j", "Index( id=21, name='rated_score', type='RANGE', schema=()-[:RATED {score}]-(), indexProvider='range-1.0' )"),
        ("catalog", "Index( id=11, name='store_location', type='POINT', schema=(:Store {location}), indexProvider='point-1.0' )"),
        ("catalog", "Index( id=12, name='sku_text', type='TEXT', schema=(:Product {sku}), indexProvider='text-2.0' )"),
    ])

    def index_started():
        d, desc = indexes()
        return (d, dbs[d], desc), ("INFO", "o.n.k.i.a.i.IndexingService")

    def index_finished():
        d, desc = indexes()
        return (d, dbs[d], desc), ("INFO", "o.n.k.i.a.i.IndexingService")

    bolt = {"n": R.randint(1400, 1900)}

    def bolt_id():
        bolt["n"] += R.randint(1, 40)
        return "bolt-%d" % bolt["n"]

    def unauthorized():
        return (bolt_id(),), ("WARN", None)

    errors = Deck([
        ("Neo.DatabaseError.General.UnknownError", "null"),
        ("Neo.DatabaseError.Statement.ExecutionFailed",
         "java.lang.IllegalStateException: Node[48211] is deleted and cannot be used to create a relationship"),
        ("Neo.TransientError.General.MemoryPoolOutOfMemoryError",
         "The allocation of an extra 2.0 MiB would use more than the limit 2.0 GiB. Currently using 1.9 GiB. "
         "db.memory.transaction.total.max threshold reached"),
        ("Neo.DatabaseError.Transaction.TransactionCommitFailed",
         "Could not apply the transaction to the store after written to log"),
        ("Neo.DatabaseError.General.UnknownError", "Unable to acquire lock within 5s, resource: NODE(9931), owner: Transaction(18224)"),
        ("Neo.DatabaseError.Statement.ExecutionFailed", "Index is not ready"),
    ])

    def unexpected():
        code, msg = errors()
        return (bolt_id(), code, msg, new_uuid()), ("ERROR", None)

    requirements = Deck(["Database unavailable", "Store copy in progress", "Index population of 'article_text'",
                         "Database stopped"])
    unavailable_state = {}

    def unavailable():
        d, i = udb("off")
        r = requirements()
        unavailable_state[d] = r
        return (d, i, r, d), ("INFO", "o.n.k.a.DatabaseAvailabilityGuard")

    def available():
        d, i = udb("on")
        r = unavailable_state.pop(d, None) or requirements()
        return (d, i, r, d), ("INFO", "o.n.k.a.DatabaseAvailabilityGuard")

    def warmup():
        d, i = db()
        pages = R.randint(10, 900) if d == "system" else R.randint(20000, 700000)
        ms = pages // R.randint(40, 400) + R.randint(1, 30)
        dur = "%dms" % ms if ms < 1000 else "%ds %dms" % (ms // 1000, ms % 1000)
        return (d, i, pages, dur), ("INFO", "o.n.k.i.p.PageCacheWarmer")

    P = "[<*>/<*>] "
    kinds = [
        Kind(P + 'Checkpoint triggered by "<*>" @ txId: <*> checkpoint started...', 62, ckpt_start),
        Kind(P + 'Checkpoint triggered by "<*>" @ txId: <*> checkpoint completed in <*>ms. Checkpoint flushed <*> pages '
             '(<*>% of total available pages), in <*> IOs. Checkpoint performed with IO limit: <*>, paused in total '
             '<*> times(<*> millis).', 60, ckpt_done),
        Kind(P + "Pruned log versions <*>-<*>, last checkpoint was made in version <*>", 30, pruned),
        Kind(P + "Rotated to transaction log [<*>] version=<*>, last transaction in previous log=<*>, rotation took <*> "
             "millis, started after <*> millis.", 28, rotated),
        Kind("Detected VM stop-the-world pause: {pauseTime=<*>, gcTime=<*>, gcCount=<*>}", 22, vm_pause),
        Kind("Channel [<*>]: client produced <*> messages on the worker queue, auto-read is being disabled.", 12, auto_read_off),
        Kind("Channel [<*>]: consumed messages on the worker queue below <*>, auto-read is being enabled.", 11, auto_read_on),
        Kind(P + "Index population started: [<*>]", 7, index_started),
        Kind(P + "Index creation finished for index [<*>].", 6, index_finished),
        Kind("[<*>] The client is unauthorized due to authentication failure.", 26, unauthorized),
        Kind("[<*>] Client triggered an unexpected error [<*>]: <*>, reference <*>.", 9, unexpected),
        Kind(P + "Requirement `<*>` makes database <*> unavailable.", 5, unavailable),
        Kind(P + "Fulfilling of requirement `<*>` makes database <*> available.", 4, available),
        Kind(P + "Page cache warmup completed. <*> pages loaded. Duration: <*>.", 18, warmup),
    ]

    def render(c, hdr, content):
        level, logger = hdr
        if logger is None:  # neo4j.log
            return "%s %-5s %s" % (c.neo4j(), level, content)
        return "%s %-5s [%s] %s" % (c.neo4j(), level, logger, content)

    shuffled("Neo4j", kinds, Clock(R.randint(6 * 3600, 7 * 3600)), render, gap=(40, 70000))


# =============================================================================================
# 2. CouchDB 3 (official image, default `[log] writer = stderr`, read with `docker logs`):
#    `[level] 2026-12-17T08:12:33.456789Z node@host <0.1234.0> reqid message`, the request id
#    ten hex digits inside an HTTP request and `--------` elsewhere. Content is what follows the
#    request id.
# =============================================================================================
def couchdb():
    node = "couchdb@couch-1.couch.db.svc.cluster.local"

    def pid():
        return "<0.%d.%d>" % (R.choice([R.randint(200, 9999), R.randint(10000, 99999)]), R.choice([0, 0, 0, 1, 2, 7]))

    shards = ["00000000-7fffffff", "80000000-ffffffff"]
    suffix = {"orders": "1765891204", "inventory": "1765891311", "customers": "1766002918", "_users": "1765890002",
              "audit_log": "1766110457"}

    def shard(dbs=("orders", "inventory", "customers", "_users", "audit_log")):
        d = R.choice(dbs)
        return "shards/%s/%s.%s" % (R.choice(shards), d, suffix[d])

    hosts = weighted([("couch-1.couch.db.svc.cluster.local:5984", 5), ("localhost:5984", 2), ("10.44.2.19:5984", 2)])
    peers = ["10.44.0.12", "10.44.1.37", "10.44.3.5", "127.0.0.1", "10.44.2.19"]

    def orders_doc():
        return "order%%3A2026-%05d" % R.randint(1, 99999)

    def request():
        r = R.random()
        user = weighted([("svc_orders", 5), ("admin", 2), ("undefined", 2), ("replicator", 2), ("jdoe", 1)])()
        if r < 0.16:
            m, p, s = "GET", "/_up", 200
            user = "undefined"
        elif r < 0.34:
            m, p, s = "GET", "/orders/" + orders_doc(), R.choice([200, 200, 200, 404])
        elif r < 0.48:
            m, p, s = "PUT", "/orders/" + orders_doc(), R.choice([201, 201, 201, 409])
        elif r < 0.58:
            m = "POST"
            p, s = R.choice(["/orders/_bulk_docs", "/inventory/_bulk_docs", "/audit_log/_bulk_docs"]), 201
        elif r < 0.70:
            m, s = "GET", 200
            p = "/inventory/_design/stock/_view/by_sku?key=%%22SKU-%d%%22&include_docs=true" % R.randint(1000, 9999)
        elif r < 0.80:
            m, s = "GET", 200
            p = "/orders/_changes?feed=longpoll&since=%d-g1AAAAB%s&heartbeat=10000" % (R.randint(40000, 90000), hexs(12))
            user = "replicator"
        elif r < 0.86:
            m, p, s = "POST", "/_session", R.choice([200, 401])
        elif r < 0.91:
            m, p, s = "DELETE", "/orders/%s?rev=%d-%s" % (orders_doc(), R.randint(1, 9), hexs(32)), R.choice([200, 409])
        elif r < 0.95:
            m, p, s = "HEAD", "/customers/cust-%d" % R.randint(10000, 99999), R.choice([200, 404])
        else:
            m, s = "POST", 200
            p = "/customers/_find"
        ms = R.choice([R.randint(1, 9), R.randint(1, 60), R.randint(30, 2500)])
        if "_changes" in p:
            ms = R.randint(2000, 10000)
        elif p == "/_up":
            ms = R.randint(0, 3)
        return (hosts(), R.choice(peers), user, m, p, s, ms), ("notice", hexs(10))

    ddocs = {"orders": ["_design/by_customer", "_design/reports"], "inventory": ["_design/stock"],
             "customers": ["_design/search"]}

    def view_shard():
        d = R.choice(["orders", "orders", "inventory", "customers"])
        return "shards/%s/%s.%s" % (R.choice(shards), d, suffix[d]), R.choice(ddocs[d])

    def none_req(level="info"):
        return (level, "--------")

    seq = {"n": R.randint(90000, 120000)}

    def compact_start():
        seq["n"] += R.randint(10, 900)
        return (shard(), seq["n"]), none_req()

    def compact_done():
        return (shard(),), none_req()

    def index_start():
        s, dd = view_shard()
        return (s, dd), none_req()

    def index_done():
        s, dd = view_shard()
        return (s, dd), none_req()

    sigs = {}

    def opening():
        s, dd = view_shard()
        sig = sigs.setdefault(dd, hexs(32))
        return (s, dd, sig), none_req()

    def shutdown():
        s, dd = view_shard()
        return (s, dd), none_req()

    def stable():
        return (), none_req("notice")

    def unstable():
        return (), none_req("notice")

    req_errs = Deck([
        ("unknown_error", "badarg", '<<"couch_util:json_decode/2 L526">>,<<"chttpd_db:db_doc_req/3 L1204">>'),
        ("badmatch", "{error,enoent}", '<<"couch_file:open/2 L91">>,<<"couch_db:open/2 L88">>,<<"chttpd_db:handle_request/1 L66">>'),
        ("timeout", "The request could not be processed in a reasonable amount of time.",
         '<<"fabric_view_all_docs:go/5 L61">>'),
        ("function_clause", "no function clause matching couch_httpd_db:parse_doc_query({mochiweb_request,[...]})",
         '<<"chttpd_db:db_doc_req/3 L1102">>,<<"chttpd:handle_req_after_auth/2 L425">>'),
        ("case_clause", "{error,{badmatch,{error,\"Invalid JSON: unexpected end of input\"}}}",
         '<<"couch_replicator_docs:parse_rep_doc/2 L300">>'),
    ])

    def req_err():
        a, b, st = req_errs()
        return (R.randint(1000000000, 4294967295), a, b, st), ("error", hexs(10))

    remotes = ["https://backup.example.net:6984/orders_bak/_changes?feed=normal&style=all_docs&since=0",
               "https://backup.example.net:6984/orders_bak/_bulk_docs",
               "https://10.60.0.8:6984/inventory_mirror/_revs_diff",
               "https://backup.example.net:6984/orders_bak/_local/1f6c8c82a2b9a6c1e6d2"]
    repl_errs = Deck(["{error,req_timedout}", "{error,{conn_failed,{error,econnrefused}}}", "{code,503}",
                      "sel_conn_closed", "{error,{closed,\"The connection was closed\"}}"])

    remote_deck = Deck(remotes)

    def repl_failed():
        url = remote_deck()
        m = "GET" if "_changes" in url or "_local" in url else "POST"
        return (m, url, repl_errs()), none_req("error")

    def behind():
        a = R.randint(3000, 90000)
        return (a, a - R.randint(1, 400)), none_req()

    os_errs = Deck(["{os_process_error,{exit_status,1}}", "{os_process_error,\"OS process timed out.\"}",
                    "{os_process_error,{exit_status,137}}"])

    def os_error():
        return (pid(), os_errs()), none_req("error")

    died = Deck(["shutdown", "{timeout,{gen_server,call,[<0.3312.0>,{open_ref_count,<0.412.1>}]}}",
                 "{badmatch,{error,eacces}}", "killed",
                 "{{badmatch,{error,system_limit}},[{couch_bt_engine,init,2,[{file,\"src/couch_bt_engine.erl\"},{line,156}]}]}"])

    def db_died():
        return (shard(), died()), none_req("error")

    kinds = [
        Kind("<*> <*> <*> <*> <*> <*> ok <*>", 122, request),
        Kind('Starting compaction for db "<*>" at <*>', 22, compact_start),
        Kind('Compaction for db "<*>" completed.', 20, compact_done),
        Kind("Starting index update for db: <*> idx: <*>", 34, index_start),
        Kind("Index update finished for db: <*> idx: <*>", 32, index_done),
        Kind('Opening index for db: <*> idx: <*> sig: "<*>"', 12, opening),
        Kind("Index shutdown by monitor notice for db: <*> idx: <*>", 9, shutdown),
        Kind("couch_replicator_clustering : cluster stable", 5, stable),
        Kind("couch_replicator_clustering : cluster unstable", 4, unstable),
        Kind("req_err(<*>) <*> : <*> [<*>]", 18, req_err),
        Kind('Replicator, request <*> to "<*>" failed due to error <*>', 7, repl_failed),
        Kind("Compaction file still behind main file (update seq=<*>. compact update seq=<*>). Retrying.", 4, behind),
        Kind("OS Process Error <*> :: <*>", 5, os_error),
        Kind("db <*> died with reason <*>", 6, db_died),
    ]

    def render(c, hdr, content):
        level, rid = hdr
        return "[%s] %s %s %s %s %s" % (level, c.couch(), node, pid(), rid, content)

    shuffled("CouchDB", kinds, Clock(R.randint(7 * 3600, 8 * 3600)), render, gap=(5, 14000))


# =============================================================================================
# 3. Cloudflared (`cloudflared tunnel run` as a systemd service or container, default console
#    log: zerolog's ConsoleWriter without colours): `2026-12-17T08:12:33Z INF message key=value
#    ...`. Levels `INF`, `WRN`, `ERR`; fields sorted by key with `error` first, values with
#    spaces or quotes quoted Go-style. A line with an empty message keeps the two spaces after
#    the level. Content is what follows the level and its spaces. Three starts of the daemon
#    (two after an auto-update) are written as blocks.
# =============================================================================================
def cloudflared():
    edges = [("198.41.192.7", "ams01"), ("198.41.200.13", "fra08"), ("198.41.192.107", "ams08"),
             ("198.41.200.193", "fra13"), ("198.41.192.227", "cdg02"), ("198.41.200.53", "lhr15")]
    conn_edge = {i: edges[i] for i in range(4)}

    def conn():
        i = R.randint(0, 3)
        return i, conn_edge[i][0]

    unreachable = ("Unable to reach the origin service. The service may be down or it may not be responding to "
                   "traffic from cloudflared: ")
    common = [("Incoming request ended abruptly: context canceled", 8), ("stream %d canceled by remote with error code 0", 3),
              ("writing response: broken pipe", 1), ("EOF", 1)]
    origin_errs = {
        "http://localhost:8080": weighted(common + [
            (unreachable + "dial tcp 127.0.0.1:8080: connect: connection refused", 7),
            (unreachable + "read tcp 127.0.0.1:%d->127.0.0.1:8080: read: connection reset by peer", 2)]),
        "http://grafana.monitoring.svc:3000": weighted(common + [
            (unreachable + 'Get \\"http://grafana.monitoring.svc:3000/api/live/ws\\": net/http: timeout awaiting '
                           'response headers', 2),
            (unreachable + "dial tcp: lookup grafana.monitoring.svc on 10.96.0.10:53: no such host", 2)]),
        "https://10.0.3.14:8443": weighted(common + [
            (unreachable + "tls: failed to verify certificate: x509: certificate signed by unknown authority", 3)]),
    }
    origins = [("http://localhost:8080", "0"), ("http://grafana.monitoring.svc:3000", "1"),
               ("https://10.0.3.14:8443", "2"), ("ssh://localhost:22", "3")]
    pick_origin = weighted([(origins[0], 6), (origins[1], 3), (origins[2], 2)])

    def origin_error_text(svc):
        e = origin_errs[svc]()
        if "%d" in e:
            e = e % R.randint(1, 60000)
        return e
    colos = ["AMS", "FRA", "CDG", "LHR", "AMS", "FRA"]

    def origin_err():
        svc, rule = pick_origin()
        return (origin_error_text(svc), "%s%s-%s" % (R.choice("6789"), hexs(15), R.choice(colos)), rule, svc), "ERR"

    tcp_errs = {"ssh://localhost:22": Deck(["dial tcp [::1]:22: connect: connection refused", "EOF",
                                            "connection to origin closed: read tcp 127.0.0.1:53012->127.0.0.1:22: use of "
                                            "closed network connection"]),
                "https://10.0.3.14:8443": Deck(["EOF", "remote error: tls: handshake failure"])}

    tcp_origins = Deck([origins[3], origins[2], origins[3]])

    def origin_err_nocf():
        svc, rule = tcp_origins()
        return (tcp_errs[svc](), rule, svc), "ERR"

    dests = ["https://grafana.example.org/api/ds/query?ds_type=prometheus&requestId=Q%d" % n for n in (102, 117, 331)]
    dests += ["https://app.example.org/api/v2/orders?page=%d" % n for n in (1, 2, 7)]
    dests += ["https://grafana.example.org/api/live/ws", "https://app.example.org/healthz"]
    req_errs = weighted([("Incoming request ended abruptly: context canceled", 6),
                         ("stream 4021 canceled by remote with error code 0", 1),
                         ("stream 388 canceled by remote with error code 0", 1),
                         ("timeout: no recent network activity", 1),
                         ("Application error 0x0 (remote)", 1)])

    def request_failed():
        i, ip = conn()
        d = R.choice(dests)
        return (req_errs(), i, d, R.choice(["0", "0", "1"]), ip, "ws" if d.endswith("/ws") else "http"), "ERR"

    serve_errs = Deck(["timeout: no recent network activity",
                       "failed to accept QUIC stream: timeout: no recent network activity",
                       "Application error 0x0 (remote): server shutdown"])

    def serve_failed():
        i, ip = conn()
        return (serve_errs(), i, ip), "ERR"

    term_errs = Deck(["timeout: no recent network activity", "control stream encountered a failure while serving",
                      "context canceled"])

    def terminated():
        i, _ = conn()
        return (term_errs(), i), "WRN"

    backoff = Deck(["1s", "2s", "4s", "8s", "16s", "1m4s", "2s", "1s"])

    def retrying():
        i, ip = conn()
        return (backoff(), i, ip), "INF"

    curves = {"quic": "X25519MLKEM768 CurveP256", "http2": "CurveP256"}
    proto = {"p": "quic"}

    def curve(i=None):
        if i is None:
            i, _ = conn()
        return (curves[proto["p"]] if R.random() < 0.8 else "CurveP256", i, conn_edge[i][0]), "INF"

    def registered(i=None):
        if i is None:
            i = R.randint(0, 3)
            conn_edge[i] = R.choice(edges)
        ip, loc = conn_edge[i]
        return (i, new_uuid(), ip, loc, proto["p"]), "INF"

    def unregistered():
        i, ip = conn()
        return (i, ip), "INF"

    cfg_v = {"v": R.randint(11, 18)}
    cfgs = [
        '{\\"ingress\\":[{\\"hostname\\":\\"grafana.example.org\\", \\"service\\":\\"http://grafana.monitoring.svc:3000\\"}, '
        '{\\"hostname\\":\\"app.example.org\\", \\"service\\":\\"http://localhost:8080\\"}, {\\"service\\":\\"http_status:404\\"}], '
        '\\"warp-routing\\":{\\"enabled\\":false}}',
        '{\\"ingress\\":[{\\"hostname\\":\\"app.example.org\\", \\"service\\":\\"http://localhost:8080\\", '
        '\\"originRequest\\":{\\"connectTimeout\\":10}}, {\\"service\\":\\"http_status:404\\"}], \\"warp-routing\\":{\\"enabled\\":false}}',
        '{\\"ingress\\":[{\\"service\\":\\"http_status:503\\"}], \\"warp-routing\\":{\\"enabled\\":false}}',
    ]
    cfg_deck = Deck(cfgs)

    def config():
        cfg_v["v"] += 1
        return (cfg_deck(), cfg_v["v"]), "INF"

    versions = iter([("2026.9.1", hexs(64)), ("2026.11.0", hexs(64)), ("2026.12.0", hexs(64))])
    metrics_ports = iter(["127.0.0.1:20241", "127.0.0.1:20242", "127.0.0.1:20241"])
    protos = iter(["quic", "quic", "http2"])

    def version():
        return versions.__next__(), "INF"

    def connector():
        return (new_uuid(),), "INF"

    def initial():
        proto["p"] = next(protos)
        return (proto["p"],), "INF"

    def metrics():
        return (next(metrics_ports),), "INF"

    kinds = [
        Kind("Registered tunnel connection connIndex=<*> connection=<*> event=0 ip=<*> location=<*> protocol=<*>", 16, registered),
        Kind('error="<*>" cfRay=<*> event=1 ingressRule=<*> originService=<*>', 141, origin_err),
        Kind('error="<*>" event=1 ingressRule=<*> originService=<*>', 8, origin_err_nocf),
        Kind('Request failed error="<*>" connIndex=<*> dest=<*> event=<*> ip=<*> type=<*>', 40, request_failed),
        Kind('Failed to serve quic connection error="<*>" connIndex=<*> event=0 ip=<*>', 7, serve_failed),
        Kind("Retrying connection in up to <*> connIndex=<*> event=0 ip=<*>", 17, retrying),
        Kind("Unregistered tunnel connection connIndex=<*> event=0 ip=<*>", 5, unregistered),
        Kind('Updated to new configuration config="<*>" version=<*>', 4, config),
        Kind("Tunnel connection curve preferences: [<*>] connIndex=<*> event=0 ip=<*>", 14, curve),
        Kind("Version <*> (Checksum <*>)", 0, version),
        Kind("Starting metrics server on <*>/metrics", 0, metrics),
        Kind("Initial protocol <*>", 0, initial),
        Kind('Connection terminated error="<*>" connIndex=<*>', 12, terminated),
        Kind("Generated Connector ID: <*>", 0, connector),
    ]

    def start_block():
        b = [(9, version), (13, connector), (11, initial), (10, metrics)]
        for i in range(4):
            b.append((8, lambda i=i: curve(i)))
            b.append((0, lambda i=i: registered(i)))
        return b

    blocks = [start_block() for _ in range(3)]

    def render(c, level, content):
        sep = "  " if content.startswith('error="') else " "
        return "%s %s%s%s" % (c.zerolog(), level, sep, content)

    assert sum(k.count for k in kinds) + sum(len(b) for b in blocks) == N_LINES
    # the daemon's first start opens the file; the other two starts are shuffled in
    first = blocks.pop(0)
    units = [[(k, kd.gen)] for k, kd in enumerate(kinds) for _ in range(kd.count)] + blocks
    R.shuffle(units)
    units = [first] + units
    clock = Clock(R.randint(5 * 3600, 6 * 3600))
    items = []
    for unit in units:
        for j, (k, gen) in enumerate(unit):
            clock.tick(*((200, 40000) if j == 0 else (1, 400)))
            values, level = gen()
            values = tuple(str(v) for v in values)
            content = fill(kinds[k].template, values)
            items.append((k, render(clock, level, content), content, values))
    write_system("Cloudflared", kinds, items)


# =============================================================================================
# 4. Apache Solr 9 in SolrCloud mode (official image), solr.log with the default log4j2 layout
#    `%d{yyyy-MM-dd HH:mm:ss.SSS} %-5p (%t) [%notEmpty{c:%X{collection}}%notEmpty{ s:%X{shard}}
#    %notEmpty{ r:%X{replica}}%notEmpty{ x:%X{core}}%notEmpty{ t:%X{trace_id}}] %c{1.} %m`.
#    Content is what follows the abbreviated logger name and one space.
# =============================================================================================
def solr():
    cores = [("products", "shard1", "core_node2", "products_shard1_replica_n1"),
             ("products", "shard2", "core_node5", "products_shard2_replica_n4"),
             ("reviews", "shard1", "core_node3", "reviews_shard1_replica_n2")]
    pick_core = weighted([(cores[0], 5), (cores[1], 4), (cores[2], 3)])
    trace = {"n": R.randint(2000, 6000)}
    qtp = "qtp1289696681"

    def mdc(core, with_trace):
        c, s, r, x = core
        t = ""
        if with_trace:
            trace["n"] += R.randint(1, 9)
            t = " t:null-%d" % trace["n"]
        return "[c:%s s:%s r:%s x:%s%s]" % (c, s, r, x, t)

    def qtp_thread():
        return "%s-%d" % (qtp, R.randint(18, 96))

    brands = ["Acme Co", "Northwind", "Globex", "Initech"]
    nodes = ["10.42.1.12", "10.42.2.31", "10.42.3.7"]

    def select_params(core):
        if core[0] == "reviews":
            return R.choice([
                "q=review_text:broken&sort=created_at desc&rows=5&wt=json",
                "q=product_id:SKU-%d&fl=id,rating,title&rows=20&wt=json" % R.randint(100000, 130000),
                "q=*:*&fq=rating:[1 TO 2]&facet=true&facet.field=product_id&rows=0&wt=json",
            ])
        r = R.random()
        if r < 0.35:
            return ("q=*:*&distrib=false&fl=id,score&shards.purpose=16388&isShard=true&wt=javabin&version=2"
                    "&shard.url=http://%s:8983/solr/%s/&rid=%s-%d" % (R.choice(nodes), core[3], R.choice(nodes), R.randint(100, 999)))
        if r < 0.65:
            return 'q=title:(red AND shoes)&fq={!tag=brand}brand:"%s"&rows=%d&start=%d&wt=json' % (
                R.choice(brands), R.choice([10, 20, 48]), R.choice([0, 0, 20, 40]))
        if r < 0.85:
            return "q=sku:SKU-%d&fl=id,price,stock&wt=json" % R.randint(100000, 130000)
        return "q=*:*&facet=true&facet.field={!ex=brand}brand&facet.mincount=1&rows=0&wt=json"

    slow_paths = Deck(["/select", "/query", "/select"])

    def req_values(slow=False):
        core = pick_core()
        p = slow_paths() if slow else R.choice(["/select", "/select", "/select", "/query"])
        params = select_params(core)
        hits = 0 if "rows=0" not in params and R.random() < 0.1 else R.randint(0, 140000)
        qt = R.randint(1200, 9000) if slow else R.choice([R.randint(0, 9), R.randint(0, 120)])
        return core, (core[3], p, params, hits, qt)

    def request():
        core, v = req_values()
        return v, ("INFO", qtp_thread(), mdc(core, True), "o.a.s.c.S.Request")

    def slow():
        core, v = req_values(True)
        return v, ("WARN", qtp_thread(), mdc(core, True), "o.a.s.c.S.SlowRequest")

    ver = {"v": R.randint(1819280000000000000, 1819290000000000000)}

    def doc_list(n, delete=False):
        ids = []
        for _ in range(min(n, 10)):
            ver["v"] += R.randint(1000, 90000000)
            ids.append("SKU-%d (%s%d)" % (R.randint(100000, 130000), "-" if delete else "", ver["v"]))
        s = ", ".join(ids)
        if n > 10:
            s += ", ... (%d %s)" % (n, "deletes" if delete else "adds")
        return s

    def upd_params():
        return R.choice(["wt=javabin&version=2",
                         "update.distrib=FROMLEADER&distrib.from=http://%s:8983/solr/%s/&wt=javabin&version=2"
                         % (R.choice(nodes), R.choice(cores)[3]),
                         "commitWithin=1000&overwrite=true&wt=json"])

    def add():
        core = pick_core()
        n = R.choice([1, 1, 2, 3, R.randint(4, 10), R.randint(11, 400)])
        return (core[3], upd_params(), doc_list(n), R.randint(0, 90)), ("INFO", qtp_thread(), mdc(core, True),
                                                                        "o.a.s.u.p.LogUpdateProcessorFactory")

    def delete():
        core = pick_core()
        n = R.choice([1, 1, 2, 14])
        return (core[3], upd_params(), doc_list(n, True), R.randint(0, 40)), ("INFO", qtp_thread(), mdc(core, True),
                                                                               "o.a.s.u.p.LogUpdateProcessorFactory")

    commit_core = {"c": cores[0]}

    def start_commit(soft):
        def g():
            commit_core["c"] = pick_core()
            commit_core["t"] = th = "commitScheduler-%d-thread-1" % (R.randint(20, 24))
            flag = "true" if soft else "false"
            return (flag, flag), ("INFO", th, mdc(commit_core["c"], False), "o.a.s.u.DirectUpdateHandler2")
        return g

    def end_flush():
        th = commit_core["t"]
        return (), ("INFO", th, mdc(commit_core["c"], False), "o.a.s.u.DirectUpdateHandler2")

    def opening():
        th = commit_core["t"]
        return (hexs(8).lstrip("0") or "1a", commit_core["c"][3]), ("INFO", th, mdc(commit_core["c"], False),
                                                                    "o.a.s.s.SolrIndexSearcher")

    def registered():
        th = "searcherExecutor-%d-thread-1" % (R.randint(30, 34))
        return (commit_core["c"][3], R.choice([0, 0, 0, R.randint(1, 900)])), ("INFO", th, mdc(commit_core["c"], False),
                                                                                "o.a.s.c.SolrCore")

    client_errs = Deck([
        "undefined field colour",
        "org.apache.solr.search.SyntaxError: Cannot parse 'title:(red AND': Encountered \"<EOF>\" at line 1, column 14. "
        "Was expecting one of: <NOT> ... \"+\" ... \"-\" ... <BAREOPER> ... \"(\" ... \"*\" ...",
        "Can not sort on multivalued field: tags of type: string",
        "org.apache.solr.search.SyntaxError: Expected identifier at pos 13 str='{!tag=brand brand:acme'",
        "Invalid Number: abc",
    ])

    def client_exc():
        core = pick_core()
        return (client_errs(),), ("ERROR", qtp_thread(), mdc(core, True), "o.a.s.h.RequestHandlerBase")

    on_deck = Deck([2, 3, 2])
    perf_cores = Deck(cores)

    def perf_warn():
        core = perf_cores()
        th = "commitScheduler-%d-thread-1" % (R.randint(20, 24))
        return (core[3], on_deck()), ("WARN", th, mdc(core, False), "o.a.s.c.SolrCore")

    def zk_thread():
        return "zkCallback-%d-thread-%d" % (R.randint(14, 16), R.randint(1, 12))

    live = {"n": 3}
    live_seen = Deck([3, 3, 3, 2])

    def state_change():
        coll = R.choice(["products", "products", "reviews"])
        return ((R.choice(["NodeDataChanged", "NodeDataChanged", "NodeChildrenChanged"]),
                 "/collections/%s/state.json" % coll, coll, live_seen()), ("INFO", zk_thread(), "[]", "o.a.s.c.c.ZkStateReader"))

    def live_nodes():
        old = live["n"]
        live["n"] = 2 if old == 3 else 3
        return (old, live["n"]), ("INFO", zk_thread(), "[]", "o.a.s.c.c.ZkStateReader")

    recover_errs = Deck([
        "org.apache.solr.common.SolrException: No registered leader was found after waiting for 4000ms , collection: "
        "products slice: shard2",
        "java.util.concurrent.ExecutionException: org.apache.solr.client.solrj.SolrServerException: IOException occurred "
        "when talking to server at: http://10.42.3.7:8983/solr",
        "org.apache.solr.common.SolrException: Cloud state still says we are leader.",
    ])

    def recover_thread():
        return "recoveryExecutor-%d-thread-%d" % (R.randint(10, 12), R.randint(1, 4))

    rec_cores = {"err": Deck(cores[1:]), "done": Deck(cores[1:]), "peer": Deck(cores[1:])}
    peer_urls = Deck(["http://%s:8983/solr" % n for n in nodes])

    def recover_err():
        core = rec_cores["err"]()
        return (core[3], recover_errs()), ("ERROR", recover_thread(), mdc(core, False), "o.a.s.c.RecoveryStrategy")

    rec_ok = Deck(["true", "false", "true"])

    def recover_done():
        core = rec_cores["done"]()
        return ((rec_ok(), R.randint(800, 60000)),
                ("INFO", recover_thread(), mdc(core, False), "o.a.s.c.RecoveryStrategy"))

    def peersync():
        core = rec_cores["peer"]()
        return ((core[3], peer_urls()),
                ("WARN", recover_thread(), mdc(core, False), "o.a.s.u.PeerSync"))

    kinds = [
        Kind("[<*>]  webapp=/solr path=<*> params={<*>} hits=<*> status=0 QTime=<*>", 146, request),
        Kind("[<*>]  webapp=/solr path=/update params={<*>}{add=[<*>]} 0 <*>", 40, add),
        Kind("[<*>]  webapp=/solr path=/update params={<*>}{delete=[<*>]} 0 <*>", 8, delete),
        Kind("start commit{,optimize=false,openSearcher=<*>,waitSearcher=true,expungeDeletes=false,softCommit=<*>,"
             "prepareCommit=false}", 0, None),
        Kind("end_commit_flush", 0, end_flush),
        Kind("Opening [Searcher@<*>[<*>] main]", 0, opening),
        Kind("[<*>]  Registered new searcher autowarm time: <*> ms", 0, registered),
        Kind("Client exception => <*>", 9, client_exc),
        Kind("[<*>]  PERFORMANCE WARNING: Overlapping onDeckSearchers=<*>", 4, perf_warn),
        Kind("A cluster state change: [WatchedEvent state:SyncConnected type:<*> path:<*>] for collection [<*>] has "
             "occurred - updating... (live nodes size: [<*>])", 14, state_change),
        Kind("slow: [<*>]  webapp=/solr path=<*> params={<*>} hits=<*> status=0 QTime=<*>", 6, slow),
        Kind("Error while trying to recover. core=<*>:<*>", 4, recover_err),
        Kind("Finished recovery process, successful=[<*>] msTimeTaken=<*>", 5, recover_done),
        Kind("Updated live nodes from ZooKeeper... (<*>) -> (<*>)", 5, live_nodes),
        Kind("PeerSync: core=<*> url=<*> too many updates received since start - startingUpdates no longer overlaps "
             "with our currentUpdates", 3, peersync),
    ]
    blocks = []
    for soft in [True] * 10 + [False] * 8:
        if soft:
            blocks.append([(3, start_commit(True)), (5, opening), (4, end_flush), (6, registered)])
        else:
            blocks.append([(3, start_commit(False)), (4, end_flush)])
    assert sum(k.count for k in kinds) + sum(len(b) for b in blocks) == N_LINES

    def render(c, hdr, content):
        level, thread, ctx, logger = hdr
        return "%s %-5s (%s) %s %s %s" % (c.solr(), level, thread, ctx, logger, content)

    shuffled("Solr", kinds, Clock(R.randint(9 * 3600, 10 * 3600)), render, gap=(3, 9000), blocks=blocks,
             block_gap=(1, 120))


# =============================================================================================
# 5. Dagster, `dagster dev` console (webserver, daemon and the run workers it launches share one
#    terminal). Python logging `%(asctime)s - %(name)s - %(levelname)s - %(message)s` with
#    `%Y-%m-%d %H:%M:%S %z`. Daemon loggers are `dagster.daemon.<Daemon>`; run workers log as
#    `dagster`, their message built as `job - run_id - pid - step - EVENT_TYPE - text` for
#    framework events (no step for run-level events) and `job - run_id - step - text` for
#    `context.log` calls. Content is the `%(message)s` part, after `- <LEVEL> - `. This one is a
#    simulation: two sensors ticking every 30 s, two schedules, the queued run coordinator, and
#    runs whose lines interleave.
# =============================================================================================
def dagster():
    K = {}
    kinds = []

    def kind(name, template):
        K[name] = len(kinds)
        kinds.append(Kind(template))

    kind("eval_sched", "Evaluating schedule `<*>` at <*>")
    kind("launched", "Completed scheduled launch of run <*> for <*>")
    kind("sensor_check", "Checking for new runs for sensor: <*>")
    kind("sensor_skip", "No run requests returned for <*>, skipping")
    kind("queued", "Retrieved <*> queued runs, checking limits.")
    kind("run_start", '<*> - <*> - <*> - RUN_START - Started execution of run for "<*>".')
    kind("engine", "<*> - <*> - <*> - ENGINE_EVENT - Executing steps in process (pid: <*>)")
    kind("step_start", '<*> - <*> - <*> - <*> - STEP_START - Started execution of step "<*>".')
    kind("loaded", '<*> - <*> - <*> - <*> - LOADED_INPUT - Loaded input "<*>" using input manager "<*>", from output '
                   '"<*>" of step "<*>"')
    kind("output", '<*> - <*> - <*> - <*> - STEP_OUTPUT - Yielded output "<*>" of type "<*>". (Type check passed).')
    kind("handled", '<*> - <*> - <*> - <*> - HANDLED_OUTPUT - Handled output "<*>" using IO manager "<*>"')
    kind("step_ok", '<*> - <*> - <*> - <*> - STEP_SUCCESS - Finished execution of step "<*>" in <*>.')
    kind("run_ok", '<*> - <*> - <*> - RUN_SUCCESS - Finished execution of run for "<*>".')
    kind("wrote", "<*> - <*> - <*> - Wrote <*> rows to <*>")
    kind("retry", "<*> - <*> - <*> - Retrying request to <*> after error: <*>")

    # job: [(step, output name, output type, io manager, [(input name, from step)])]
    jobs = {
        "orders_etl_job": [
            ("extract_orders", "raw_orders", "DataFrame", "io_manager", []),
            ("clean_orders", "orders", "DataFrame", "s3_parquet_io_manager", [("raw_orders", "extract_orders")]),
            ("load_orders_warehouse", "result", "Nothing", "warehouse_io_manager", [("orders", "clean_orders")]),
        ],
        "metrics_rollup_job": [
            ("raw_events", "events", "DataFrame", "io_manager", []),
            ("compute_dau", "dau", "int", "io_manager", [("events", "raw_events")]),
            ("compute_revenue", "revenue", "float", "io_manager", [("events", "raw_events")]),
            ("publish_dashboard", "result", "Any", "warehouse_io_manager",
             [("dau", "compute_dau"), ("revenue", "compute_revenue")]),
        ],
    }
    tables = {"extract_orders": None, "clean_orders": "staging.orders_clean", "load_orders_warehouse": "analytics.fct_orders",
              "raw_events": None, "compute_dau": "analytics.daily_active_users", "compute_revenue": "analytics.revenue_daily",
              "publish_dashboard": "bi.dashboard_snapshot"}
    retry_targets = {"extract_orders": "https://api.shop-backend.internal/v1/orders?updated_since=2026-12-17T07:00:00Z",
                     "raw_events": "s3://acme-events-prod/landing/2026/12/17/",
                     "publish_dashboard": "https://bi.example.org/api/dashboards/42/refresh"}
    retry_errs = Deck([
        "ReadTimeout",
        "503 Server Error: Service Unavailable - upstream connect error or disconnect/reset before headers. reset reason: "
        "connection termination for url: https://api.shop-backend.internal/v1/orders",
        "ConnectionResetError(104, 'Connection reset by peer')",
        "An error occurred (SlowDown) when calling the ListObjectsV2 operation (reached max retries: 4): Please reduce "
        "your request rate.",
    ])
    job_of = {"orders_etl_schedule": "orders_etl_job", "metrics_rollup_schedule": "metrics_rollup_job"}
    every = {"orders_etl_schedule": 5, "metrics_rollup_schedule": 10}

    ev = []  # (t_ms, seq, kind, values, header fields)

    def add(t, name, values, logger, level):
        ev.append((t, len(ev), K[name], tuple(str(v) for v in values), (logger, level)))

    t0 = (DAY0 + 8 * 3600 - 200) * 1000 + R.randint(0, 999)
    end = t0 + 40 * 60 * 1000
    # sensors
    for sensor, off in (("s3_landing_sensor", R.randint(0, 14000)), ("partner_feed_sensor", R.randint(15000, 29000))):
        t = t0 + off
        while t < end:
            add(t, "sensor_check", (sensor,), "dagster.daemon.SensorDaemon", "INFO")
            add(t + R.randint(40, 900), "sensor_skip", (sensor,), "dagster.daemon.SensorDaemon", "INFO")
            t += 30000 + R.randint(0, 1800)
    # schedules and runs
    launches = []
    minute0 = (t0 // 60000) + 1
    for m in range(minute0, end // 60000):
        minute = m % 60
        for sched in ("orders_etl_schedule", "metrics_rollup_schedule"):
            if minute % every[sched]:
                continue
            tick = m * 60000
            te = tick + R.randint(300, 4500)
            stamp = fmt_at(tick, "dagster")
            add(te, "eval_sched", (sched, stamp), "dagster.daemon.SchedulerDaemon", "INFO")
            rid = new_uuid()
            tl = te + R.randint(200, 1500)
            add(tl, "launched", (rid, sched), "dagster.daemon.SchedulerDaemon", "INFO")
            launches.append((tl, rid, job_of[sched]))
    # queued run coordinator: polls every 5 s, dequeues what was queued since the last poll
    launches.sort()
    poll = t0 + R.randint(0, 4999)
    li = 0
    started = []
    while poll < end and li < len(launches):
        batch = []
        while li < len(launches) and launches[li][0] < poll:
            batch.append(launches[li])
            li += 1
        if batch:
            add(poll, "queued", (len(batch),), "dagster.daemon.QueuedRunCoordinatorDaemon", "INFO")
            for b in batch:
                started.append((poll + R.randint(2500, 6000),) + b[1:])
        poll += 5000 + R.randint(0, 300)

    def dur(ms):
        if ms < 1000:
            return "%dms" % ms
        if ms < 60000:
            return "%.2fs" % (ms / 1000.0)
        return "%dm %ds" % (ms // 60000, (ms % 60000) // 1000)

    for t, rid, job in started:
        pid = R.randint(21000, 64000)
        D = "dagster"
        add(t, "run_start", (job, rid, pid, job), D, "DEBUG")
        t += R.randint(20, 300)
        add(t, "engine", (job, rid, pid, pid), D, "DEBUG")
        for step, out, typ, iom, inputs in jobs[job]:
            t += R.randint(30, 700)
            ts = t
            add(t, "step_start", (job, rid, pid, step, step), D, "DEBUG")
            for inp, src in inputs:
                t += R.randint(5, 900)
                src_iom = [s[3] for s in jobs[job] if s[0] == src][0]
                add(t, "loaded", (job, rid, pid, step, inp, src_iom, inp, src), D, "DEBUG")
            if step in retry_targets and R.random() < 0.6:
                for _ in range(R.randint(1, 2)):
                    t += R.randint(3000, 31000)
                    add(t, "retry", (job, rid, step, retry_targets[step], retry_errs()), D, "WARNING")
            work = R.choice([R.randint(60, 999), R.randint(1000, 20000), R.randint(20000, 95000)])
            t += work
            if tables[step]:
                add(t, "wrote", (job, rid, step, R.choice([R.randint(1, 99), R.randint(100, 250000)]), tables[step]), D, "INFO")
                t += R.randint(5, 400)
            add(t, "output", (job, rid, pid, step, out, typ), D, "DEBUG")
            t += R.randint(2, 1500)
            add(t, "handled", (job, rid, pid, step, out, iom), D, "DEBUG")
            t += R.randint(1, 40)
            add(t, "step_ok", (job, rid, pid, step, step, dur(t - ts)), D, "DEBUG")
        t += R.randint(10, 400)
        add(t, "run_ok", (job, rid, pid, job), D, "DEBUG")

    ev.sort()
    items = []
    for t, _, k, values, (logger, level) in ev[:N_LINES]:
        content = fill(kinds[k].template, values)
        line = "%s - %s - %s - %s" % (fmt_at(t, "dagster"), logger, level, content)
        items.append((k, line, content, values))
    write_system("Dagster", kinds, items)


# =============================================================================================
# 6. lighttpd 1.4 error log (Debian/Ubuntu package under systemd, `server.errorlog =
#    "/var/log/lighttpd/error.log"`): `2026-12-17 08:12:33: (mod_fastcgi.c.487) message`.
#    Content is what follows `(<source>.c.<line>) `.
# =============================================================================================
def lighttpd():
    php = weighted([
        ('PHP Warning:  Undefined array key "page" in /var/www/html/index.php on line 42', 8),
        ("PHP Warning:  Undefined variable $cart in /var/www/html/shop/checkout.php on line 118", 6),
        ("PHP Deprecated:  strlen(): Passing null to parameter #1 ($string) of type string is deprecated in "
         "/var/www/html/lib/Str.php on line 9", 5),
        ("Primary script unknown", 3),
        ("PHP Notice:  Only variables should be passed by reference in /var/www/html/lib/Router.php on line 77", 3),
        ("PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in "
         "/var/www/html/shop/export.php on line 211", 2),
        ("PHP Warning:  file_get_contents(https://rates.example.com/v1/eur?symbols=USD,GBP): Failed to open stream: "
         "HTTP request failed! HTTP/1.1 429 Too Many Requests in /var/www/html/shop/rates.php on line 23", 2),
        ("PHP Warning:  session_start(): Session cannot be started after headers have already been sent in "
         "/var/www/html/account/login.php on line 5", 2),
    ])
    sockets = ["unix:/run/php/php8.2-fpm.sock-0", "unix:/run/php/php8.2-fpm.sock-1", "tcp:127.0.0.1:9000"]
    uris = ["/index.php?page=cart", "/shop/checkout.php", "/api/v1/orders?since=2026-12-01&fields=id,total",
            "/account/login.php", "/shop/rates.php?from=EUR", "/index.php"]

    def fcgi():
        return (php(),), "mod_fastcgi.c.487"

    def conn_failed():
        return (R.choice(["Connection refused", "Connection refused", "Resource temporarily unavailable",
                          "No such file or directory"]), R.choice(sockets)), "gw_backend.c.313"

    disable_for = Deck([1, 2, 1])

    def overloaded():
        return (disable_for(), R.randint(17, 260)), "gw_backend.c.1012"

    def all_down():
        u = R.choice(uris)
        return (u, "/api" if u.startswith("/api") else ".php"), "gw_backend.c.1289"

    ssl = weighted([(("0A000126", "unexpected eof while reading"), 8), (("0A00009C", "http request"), 4),
                    (("0A000102", "unsupported protocol"), 3), (("0A000418", "tlsv1 alert unknown ca"), 2),
                    (("0A0000C1", "no shared cipher"), 1), (("0A00010B", "wrong version number"), 2)])

    def ssl_err():
        return ssl(), "mod_openssl.c.3413"

    def ssl_sys():
        ret, errno, text = R.choice([("-1", 104, "Connection reset by peer"), ("-1", 32, "Broken pipe"),
                                     ("0", 104, "Connection reset by peer"), ("-1", 110, "Connection timed out")])
        return (ret, errno, text), "mod_openssl.c.3437"

    ips = ["203.0.113.7", "198.51.100.23", "192.0.2.140", "10.12.0.5", "2001:db8:7::15"]
    users = ["jdoe", "admin", "John Smith", "admin' --", "backup", "m.garcia"]
    realms = ["/admin/", "/admin/index.php", "/munin/", "/server-status"]

    def bad_pw():
        return (R.choice(realms), R.choice(users), R.choice(ips)), "mod_auth.c.853"

    def no_user():
        return (R.choice(realms), R.choice(users + ["root", "test"]), R.choice(ips)), "mod_auth.c.842"

    def off():
        return (), "server.c.1747"

    def on():
        return (), "server.c.1702"

    def cycled():
        return (R.randint(2000, 60000),), "server.c.1209"

    signals = Deck([9, 11, 15])

    def cgi():
        return (signals(),), "mod_cgi.c.569"

    def delayed():
        return (R.choice(sockets),), "gw_backend.c.1024"

    def not_received():
        return (R.randint(400, 2200), R.choice(sockets), R.choice(uris)), "mod_fastcgi.c.392"

    kinds = [
        Kind("FastCGI-stderr: <*>", 150, fcgi),
        Kind("establishing connection failed: <*> socket: <*>", 20, conn_failed),
        Kind("backend is overloaded; we'll disable it for <*> seconds and send the request to another backend instead: "
             "load: <*>", 6, overloaded),
        Kind("all handlers for <*> on <*> are down.", 14, all_down),
        Kind("SSL: 1 error:<*>:SSL routines::<*>", 40, ssl_err),
        Kind("SSL: <*> 5 <*> <*>", 12, ssl_sys),
        Kind("password doesn't match for <*> username: <*> IP: <*>", 16, bad_pw),
        Kind("user not found for <*> username: <*> IP: <*>", 7, no_user),
        Kind("[note] sockets disabled, connection limit reached", 0, off),
        Kind("[note] sockets enabled again", 0, on),
        Kind("logfiles cycled UID = 0 PID = <*>", 4, cycled),
        Kind("cleaning up CGI: process died with signal <*>", 4, cgi),
        Kind("connect delayed; will continue later: <*>", 9, delayed),
        Kind("response not received, request sent: <*> on socket: <*> for <*>, closing connection", 8, not_received),
    ]
    blocks = [[(8, off), (9, on)] for _ in range(5)]
    assert sum(k.count for k in kinds) + sum(len(b) for b in blocks) == N_LINES

    def render(c, src, content):
        return "%s (%s) %s" % (c.lighttpd(), src, content)

    shuffled("Lighttpd", kinds, Clock(R.randint(3600, 2 * 3600)), render, gap=(200, 90000), blocks=blocks,
             block_gap=(300, 9000))


# =============================================================================================
# Reading the files back
# =============================================================================================
HEADER = {
    "Neo4j": re.compile(r"2026-12-\d\d \d\d:\d\d:\d\d\.\d{3}\+0000 (INFO |WARN |ERROR) (\[[a-z](\.[a-z])*\.[A-Z][A-Za-z0-9]+\] )?"),
    "CouchDB": re.compile(r"\[(info|notice|warning|error)\] 2026-12-\d\dT\d\d:\d\d:\d\d\.\d{6}Z couchdb@[a-z0-9.-]+ "
                          r"<0\.\d+\.\d+> (--------|[0-9a-f]{10}) "),
    "Cloudflared": re.compile(r"2026-12-\d\dT\d\d:\d\d:\d\dZ (INF|WRN|ERR)  ?"),
    "Solr": re.compile(r"2026-12-\d\d \d\d:\d\d:\d\d\.\d{3} (INFO |WARN |ERROR) \([A-Za-z0-9-]+\) "
                       r"\[(c:[a-z]+ s:shard\d r:core_node\d+ x:[a-z0-9_]+( t:null-\d+)?)?\] o\.a\.s(\.[A-Za-z])*\.[A-Za-z0-9]+ "),
    "Dagster": re.compile(r"2026-12-\d\d \d\d:\d\d:\d\d \+0000 - dagster(\.daemon\.[A-Za-z]+)? - (DEBUG|INFO|WARNING|ERROR) - "),
    "Lighttpd": re.compile(r"2026-12-\d\d \d\d:\d\d:\d\d: \([a-z0-9_]+\.c\.\d+\) "),
}
STAMP = {  # the stamp of a raw line as a sortable tuple of numbers
    "Neo4j": r"^(\d+)-(\d+)-(\d+) (\d+):(\d+):(\d+)\.(\d+)",
    "CouchDB": r"^\[\w+\] (\d+)-(\d+)-(\d+)T(\d+):(\d+):(\d+)\.(\d+)Z",
    "Cloudflared": r"^(\d+)-(\d+)-(\d+)T(\d+):(\d+):(\d+)Z",
    "Solr": r"^(\d+)-(\d+)-(\d+) (\d+):(\d+):(\d+)\.(\d+)",
    "Dagster": r"^(\d+)-(\d+)-(\d+) (\d+):(\d+):(\d+) ",
    "Lighttpd": r"^(\d+)-(\d+)-(\d+) (\d+):(\d+):(\d+):",
}


def template_regex(t):
    return re.compile("(.+?)".join(re.escape(p) for p in t.split("<*>")), re.S)


def self_check():
    report = {}
    for system in SYSTEMS:
        folder = os.path.join(HERE, system)
        with open(os.path.join(folder, system + ".log"), encoding="utf-8", newline="") as f:
            text = f.read()
        assert text.endswith("\n") and "\r" not in text, system
        lines = text[:-1].split("\n")
        assert len(lines) == N_LINES, (system, len(lines))
        with open(os.path.join(folder, system + ".log_structured.csv"), encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], system
        rows = rows[1:]
        assert len(rows) == N_LINES, (system, len(rows))
        # stamps never go back
        stamps = []
        for line in lines:
            m = re.match(STAMP[system], line)
            assert m, (system, line)
            stamps.append(tuple(int(x) for x in m.groups()))
            assert stamps[-1][:3] == (2026, 12, 17), (system, line)
        assert all(a <= b for a, b in zip(stamps, stamps[1:])), system
        tpl_of, count, slot_vals = {}, {}, {}
        for i, (row, line) in enumerate(zip(rows, lines)):
            assert len(row) == 4, (system, row)
            lid, content, eid, tpl = row
            assert lid == str(i + 1), (system, lid)
            assert re.fullmatch(r"E\d+", eid), (system, eid)
            assert content and content == content.strip(), (system, lid)
            assert line.endswith(content), (system, lid)
            header = line[:len(line) - len(content)]
            assert HEADER[system].fullmatch(header), (system, lid, line)
            if system == "Cloudflared":  # an empty message leaves two spaces after the level
                assert header.endswith("  ") == content.startswith('error="'), (system, lid)
            m = template_regex(tpl).fullmatch(content)
            assert m, (system, lid, tpl, content)
            assert tpl_of.setdefault(eid, tpl) == tpl, (system, eid)
            count[eid] = count.get(eid, 0) + 1
            sv = slot_vals.setdefault(eid, [set() for _ in m.groups()])
            for s, v in zip(sv, m.groups()):
                s.add(v)
        assert len(set(tpl_of.values())) == len(tpl_of), system
        assert 12 <= len(count) <= 15, (system, len(count))
        assert min(count.values()) >= 3, (system, count)
        assert sum(1 for n in count.values() if 3 <= n <= 10) >= 3, (system, count)
        desc = sorted(count.values(), reverse=True)
        median = desc[(len(desc) - 1) // 2]  # the upper median when the count is even
        assert desc[0] >= 3 * median, (system, count)
        for eid, sv in slot_vals.items():
            for j, s in enumerate(sv):
                assert len(s) >= 2, (system, eid, j + 1, s)
        report[system] = count
    return report


if __name__ == "__main__":
    neo4j()
    couchdb()
    cloudflared()
    solr()
    dagster()
    lighttpd()
    for system, count in self_check().items():
        print("%-12s %2d event types  %s" % (system, len(count),
                                             " ".join("%s:%d" % kv for kv in sorted(count.items(), key=lambda kv: int(kv[0][1:])))))
    print("self-check passed")
