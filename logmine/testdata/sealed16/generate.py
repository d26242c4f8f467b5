#!/usr/bin/env python3
"""Sealed 16: writes a small labelled log corpus (six systems, 300 lines each)
and checks it.  Python 3 standard library only; fully deterministic.

    cd /work/notes/corpora/sealed16 && python3 generate.py

Every event format below is written directly as a Loghub-style template; each
<*> is filled with a generated value.  Three systems are simulations
(Superset, Boundary, CyrusIMAP), three are seeded shuffles stamped by a
forward-only clock (Gerrit, Hazelcast, Metabase).
"""
import csv
import datetime
import json
import os
import random
import re
import statistics
import sys

SEED = 20261222
HERE = os.path.dirname(os.path.abspath(__file__))
DAY = datetime.date(2026, 12, 17)
DATE = "%04d-%02d-%02d" % (DAY.year, DAY.month, DAY.day)
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
S = 10 ** 9          # one second in ns; the clock is integer nanoseconds since 00:00 UTC
MS = 10 ** 6
US = 10 ** 3
N = 300
EPOCH_S = (DAY - datetime.date(1970, 1, 1)).days * 86400
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
SYSTEMS = ["Gerrit", "Hazelcast", "Superset", "Boundary", "CyrusIMAP", "Metabase"]


# ---------------------------------------------------------------- clock formats
def hms(ns):
    if not 0 <= ns < 86400 * S:
        raise ValueError("time outside %s: %r" % (DATE, ns))
    sec, frac = divmod(ns, S)
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    return h, m, s, frac


def t_log4j(ns):          # 2026-12-17 09:00:01,234  (log4j %d / Python asctime)
    h, m, s, f = hms(ns)
    return "%s %02d:%02d:%02d,%03d" % (DATE, h, m, s, f // MS)


def t_gerrit(ns):         # yyyy-MM-dd'T'HH:mm:ss.SSSZ in UTC
    h, m, s, f = hms(ns)
    return "%sT%02d:%02d:%02d.%03d+0000" % (DATE, h, m, s, f // MS)


def t_gunicorn(ns):       # [%Y-%m-%d %H:%M:%S %z]
    h, m, s, f = hms(ns)
    return "[%s %02d:%02d:%02d +0000]" % (DATE, h, m, s)


def t_syslog(ns):         # RFC 3164 / rsyslog traditional: "Dec 17 09:00:01"
    h, m, s, f = hms(ns)
    return "%s %2d %02d:%02d:%02d" % (MONTHS[DAY.month - 1], DAY.day, h, m, s)


def t_go(ns):             # Go time.RFC3339Nano in UTC (trailing zeros trimmed)
    h, m, s, f = hms(ns)
    frac = ("%09d" % f).rstrip("0")
    return "%sT%02d:%02d:%02d%sZ" % (DATE, h, m, s, "." + frac if frac else "")


def t_javadate(ns):       # java.util.Date.toString() in UTC
    h, m, s, f = hms(ns)
    return "%s %s %02d %02d:%02d:%02d UTC %d" % (
        WDAYS[DAY.weekday()], MONTHS[DAY.month - 1], DAY.day, h, m, s, DAY.year)


def t_plain_ms(ns):       # 2026-12-17 09:00:01.234
    h, m, s, f = hms(ns)
    return "%s %02d:%02d:%02d.%03d" % (DATE, h, m, s, f // MS)


def epoch_ms(ns):
    return EPOCH_S * 1000 + ns // MS


def epoch_s(ns):
    return EPOCH_S + ns // S


# ---------------------------------------------------------------- helpers
def cyc(pool, i):
    return pool[i % len(pool)]


def rid(rng, n, alphabet=B62):
    return "".join(rng.choice(alphabet) for _ in range(n))


def uuid4(rng):
    h = "%032x" % rng.getrandbits(128)
    h = h[:12] + "4" + h[13:16] + rng.choice("89ab") + h[17:]
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def hexid(rng, n):
    return "%0*x" % (n, rng.getrandbits(4 * n))


def fill(tpl, vals):
    parts = tpl.split("<*>")
    if len(parts) != len(vals) + 1:
        raise ValueError("template %r wants %d values, got %d" % (tpl, len(parts) - 1, len(vals)))
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        if not v or v != v.strip() or "\n" in v or "\r" in v:
            raise ValueError("bad value %r for %r" % (v, tpl))
        out.append(v)
        out.append(p)
    return "".join(out)


class Corpus:
    def __init__(self, name):
        self.name = name
        self.tpl = {}
        self.keys = []
        self.items = []

    def define(self, key, tpl):
        if key in self.tpl or tpl in self.tpl.values():
            raise ValueError("duplicate event %r" % key)
        self.tpl[key] = tpl
        self.keys.append(key)

    def add(self, t, key, header, vals):
        self.items.append((t, len(self.items), key, header, fill(self.tpl[key], vals)))

    def write(self):
        items = sorted(self.items, key=lambda it: (it[0], it[1]))[:N]
        if len(items) != N:
            raise SystemExit("%s: only %d lines" % (self.name, len(items)))
        present = set(it[2] for it in items)
        missing = [k for k in self.keys if k not in present]
        if missing:
            raise SystemExit("%s: events missing after cut: %s" % (self.name, missing))
        eid = dict((k, "E%d" % (i + 1)) for i, k in enumerate(self.keys))
        d = os.path.join(HERE, self.name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, self.name + ".log"), "w", encoding="utf-8", newline="\n") as f:
            for it in items:
                f.write(it[3] + it[4] + "\n")
        with open(os.path.join(d, self.name + ".log_structured.csv"), "w",
                  encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
            for i, it in enumerate(items, 1):
                w.writerow([i, it[4], eid[it[2]], self.tpl[it[2]]])


def run_shuffle(C, rng, specs, t0, gap, header):
    """Seeded shuffle: every (event, occurrence) pair once, shuffled, then
    stamped by a clock that only moves forward."""
    for sp in specs:
        C.define(sp["key"], sp["tpl"])
    bag = [(sp, i) for sp in specs for i in range(sp["n"])]
    if len(bag) != N:
        raise SystemExit("%s: counts sum to %d" % (C.name, len(bag)))
    rng.shuffle(bag)
    t = t0
    for sp, i in bag:
        t += rng.randint(gap[0], gap[1])
        vals, extra = sp["gen"](i, t)
        C.add(t, sp["key"], header(t, sp, extra), vals)


# ================================================================ Gerrit
def gerrit():
    R = random.Random("%d:Gerrit" % SEED)
    C = Corpus("Gerrit")
    projects = ["platform/build", "tools/repo-sync", "infra/ci-config", "apps/billing-api",
                "libs/proto-common", "docs/handbook", "mobile/android-app", "All-Projects"]
    users = ["okafor", "lindqvist", "tanaka.r", "mbeki", "svensson", "ci-bot", "reyes.m", "haddad"]

    def enc(p):
        return p.replace("/", "%2F")

    def change():
        return R.randint(10234, 48911)

    def http():
        return "HTTP-%d" % R.randint(31, 214)

    def sha():
        return hexid(R, 40)

    def ip():
        return "10.20.%d.%d" % (R.randint(0, 15), R.randint(2, 250))

    specs = []

    def spec(key, n, level, logger, tpl, gen):
        specs.append(dict(key=key, n=n, level=level, logger=logger, tpl=tpl, gen=gen))

    IDX = ["Index-Batch-1", "Index-Batch-2", "Index-Batch-3", "Index-Interactive-1", "Index-Interactive-2"]
    spec("reindexed", 80, "INFO", "com.google.gerrit.server.index.change.ChangeIndexer",
         "Reindexed change <*> of project <*> in <*> ms",
         lambda i, t: ([change(), R.choice(projects), R.randint(3, 870)], R.choice(IDX)))

    EXC = [("IOException", "Connection reset by peer"), ("IOException", "Broken pipe"),
           ("SocketException", "Connection reset"), ("SshException", "Session is being closed")]
    spec("ssh_exc", 50, "WARN", "org.apache.sshd.server.session.ServerSessionImpl",
         "exceptionCaught(ServerSessionImpl[<*>@/<*>])[state=Opened] <*>: <*>",
         lambda i, t: ([R.choice(users), "%s:%d" % (ip(), R.randint(32768, 60999)),
                        cyc(EXC, i)[0], cyc(EXC, i)[1]],
                       "sshd-SshServer[5d3f0c1a](port=29418)-nio2-thread-%d" % R.randint(1, 12)))

    def rest_gen(i, t):
        p = R.choice(projects)
        n = change()
        opts = [("POST", "/a/changes/%s~%d/revisions/current/review" % (enc(p), n)),
                ("GET", "/changes/?q=status:open+project:%s&n=25&O=81" % p),
                ("GET", "/a/changes/%d/detail" % n),
                ("PUT", "/a/projects/%s/branches/release-%d.%d" % (enc(p), R.randint(1, 9), R.randint(0, 9))),
                ("POST", "/a/changes/%d/submit" % n),
                ("DELETE", "/a/changes/%d/reviewers/%s" % (n, R.choice(users)))]
        m, path = R.choice(opts) if i >= len(opts) else opts[i]
        return [m, path], http()
    spec("rest_error", 30, "ERROR", "com.google.gerrit.httpd.restapi.RestApiServlet",
         "Error in <*> <*>", rest_gen)

    def link_gen(i, t):
        u = R.choice(users)
        ext = cyc(["username:%s" % u, "mailto:%s@example.org" % u, "gerrit:%s" % u,
                   "external:oauth-gh/%s" % u], i)
        acct = 1000000 + R.randint(3, 480)
        reasons = [
            "already linked",
            "external ID is assigned to a different account",
            'External id mailto:%s@example.org is already used by account %d: duplicate key '
            '("mailto:%s@example.org", account=%d)' % (u, 1000000 + R.randint(3, 480), u, acct),
            "account is inactive",
            "identity provider 'ldap-corp' returned 'invalid_grant' (token expired at "
            "2026-12-17T0%d:%02d:%02dZ)" % (R.randint(5, 8), R.randint(0, 59), R.randint(0, 59)),
        ]
        return [ext, acct, cyc(reasons, i // 2)], http()
    spec("link", 24, "WARN", "com.google.gerrit.server.account.AccountManager",
         "Cannot link <*> to account <*>: <*>", link_gen)

    REFS = ["refs/for/main", "refs/for/master%topic=ci-flake", "refs/heads/main",
            "refs/for/release-3.2%wip,r=lindqvist", "refs/meta/config", "refs/heads/feature/ledger-v2"]
    RESULTS = ["OK", "OK", "REJECTED_NONFASTFORWARD", "OK", "REJECTED_OTHER_REASON", "OK", "OK"]

    def push_gen(i, t):
        u = R.choice(users)
        ref = cyc(REFS, i)
        old = "0" * 40 if ref.startswith("refs/heads/feature") else sha()
        return ([R.choice(projects), ref, u, 1000000 + R.randint(3, 480), old, sha(),
                 R.randint(1, 4) if ref.startswith("refs/for/") else 0, R.randint(1, 12), R.randint(41, 9120),
                 cyc(RESULTS, i)],
                "ReceiveCommits-%d" % R.randint(1, 8))
    spec("push", 20, "INFO", "com.google.gerrit.server.git.receive.ReceiveCommits",
         "Push processed: project=<*> ref=<*> user=<*> account=<*> old=<*> new=<*> changes=<*> "
         "commits=<*> elapsed=<*>ms result=<*>", push_gen)

    def missing_gen(i, t):
        n = change()
        return (["refs/changes/%02d/%d/meta" % (n % 100, n), R.choice(projects), sha()],
                http() if i % 3 else "Index-Batch-%d" % R.randint(1, 3))
    spec("missing_commit", 18, "WARN", "com.google.gerrit.server.notedb.ChangeNotes",
         "<*> in project <*> points to missing commit <*>", missing_gen)

    FILES = ["src/main/java/org/example/billing/InvoiceService.java", "docs/Release Notes, 2026.md",
             "third_party/icu/data (copy).txt", "README.md", "proto/common/v1/event.proto",
             "app/src/main/res/values-de/strings.xml"]
    spec("diff_timeout", 15, "ERROR", "com.google.gerrit.server.patch.DiffOperationsImpl",
         "Timeout computing diff for change <*>, patch set <*>, file <*>",
         lambda i, t: ([change(), R.randint(1, 14), cyc(FILES, i)], http()))

    def refail_gen(i, t):
        n = change()
        reasons = ["Missing NoteDb meta ref",
                   "Cannot read change notes: Invalid ref refs/changes/%02d/%d/meta: object %s is not a commit"
                   % (n % 100, n, sha()[:7]),
                   "timeout",
                   "Index write failed: this IndexWriter is closed (AlreadyClosedException)"]
        return [n, R.choice(projects), cyc(reasons, i)], R.choice(IDX)
    spec("reindex_fail", 13, "ERROR", "com.google.gerrit.server.index.change.ChangeIndexer",
         "Failed to reindex change <*> of project <*>: <*>", refail_gen)

    def recv_gen(i, t):
        p = R.choice(projects)
        return ([cyc(["4 min", "240 s", "2 min", "90 s"], i), p],
                "SSH git-receive-pack /%s (%s)" % (p, R.choice(users)))
    spec("recv_timeout", 12, "WARN", "com.google.gerrit.server.git.receive.AsyncReceiveCommits",
         "Timeout in ReceiveCommits after <*> for project <*>", recv_gen)

    def mail_gen(i, t):
        u = R.choice(users)
        reasons = ["Connection refused",
                   "Could not connect to SMTP host: smtp.example.org, port: 587",
                   "550 5.1.1 <%s@example.org>: Recipient address rejected: User unknown in virtual "
                   "mailbox table" % u,
                   "timeout"]
        return [change(), R.choice(projects), cyc(reasons, i)], "SendEmail-%d" % R.randint(1, 4)
    spec("email_fail", 10, "ERROR", "com.google.gerrit.server.change.EmailReviewComments",
         "Cannot email comments for change <*> of project <*>: <*>", mail_gen)

    PLUG = [("replication", "v3.11.1"), ("webhooks", "v3.11.1-12-g3a4b5c6"), ("download-commands", "3.11.1"),
            ("reviewers", "v3.11.0"), ("codemirror-editor", "v3.11.1"), ("hooks", "v3.11.1-3-gd41e0b9")]
    spec("plugin_loaded_v", 9, "INFO", "com.google.gerrit.server.plugins.PluginLoader",
         "Loaded plugin <*>, version <*>",
         lambda i, t: (list(cyc(PLUG, i)), cyc(["plugin-manager-preloader", "PluginScanner"], i)))
    spec("gc_all", 8, "INFO", "com.google.gerrit.server.git.GarbageCollectionRunner",
         "Triggering gc on all repositories",
         lambda i, t: ([], "WorkQueue-%d" % R.randint(1, 3)))
    spec("plugin_reloaded", 5, "INFO", "com.google.gerrit.server.plugins.PluginLoader",
         "Reloaded plugin <*>, version <*>",
         lambda i, t: (list(cyc(PLUG[::-1], i)), "PluginScanner"))
    spec("plugin_loaded", 3, "INFO", "com.google.gerrit.server.plugins.PluginLoader",
         "Loaded plugin <*>",
         lambda i, t: ([cyc(["gerrit-oauth-provider", "its-jira", "metrics-reporter-prometheus"], i)],
                       "plugin-manager-preloader"))
    spec("ready", 3, "INFO", "com.google.gerrit.pgm.Daemon",
         "Gerrit Code Review <*> ready",
         lambda i, t: ([cyc(["3.11.1", "3.11.2", "3.12.0"], i)], "main"))

    run_shuffle(C, R, specs, 6 * 3600 * S + 2 * S, (40 * MS, 12 * S),
                lambda t, sp, thread: "[%s] [%s] %-5s %s : " % (t_gerrit(t), thread, sp["level"], sp["logger"]))
    return C


# ================================================================ Hazelcast
def hazelcast():
    R = random.Random("%d:Hazelcast" % SEED)
    C = Corpus("Hazelcast")
    ME = "10.0.4.21"
    PFX = "[%s]:5701 [dev] [5.3.6] " % ME
    INST = "hz.frosty_noether"
    members = [("10.0.4.%d" % k, uuid4(R)) for k in (22, 23, 24)]
    clients = []
    for k, (name, ctype, ver) in enumerate([
            ("orders-service", "JVM", "5.3.6"), ("checkout-api", "JVM", "5.3.2"),
            ("hz.client_3", "JVM", "5.4.0"), ("fraud-scoring", "PYH", "5.3.0"),
            ("session-cache-web", "NJS", "5.3.0"), ("inventory-sync", "GOO", "1.4.1"),
            ("hz.client_7", "JVM", "5.3.6"), ("reporting-batch", "PYH", "5.2.0")]):
        clients.append(dict(ip="10.0.7.%d" % (30 + k * 3), name=name, type=ctype, ver=ver, uuid=uuid4(R)))
    conn = [100]

    def next_conn():
        conn[0] += R.randint(1, 4)
        return conn[0]

    def mem(b):
        return "%.1fG" % (b / 2.0 ** 30) if b >= 2 ** 30 else "%.1fM" % (b / 2.0 ** 20)

    specs = []

    def spec(key, n, level, logger, tpl, gen):
        specs.append(dict(key=key, n=n, level=level, logger=logger, tpl=PFX + tpl, gen=gen))

    def health(i, t):
        total = R.choice([2.0, 2.5, 3.0, 4.0]) * 2 ** 30
        used = total * R.uniform(0.18, 0.92)
        maxh = 7.8 * 2 ** 30
        minor = R.randint(180, 5200)
        major = R.randint(0, 4)
        thr = R.randint(61, 142)
        return ([mem(R.randint(700 * 2 ** 20, 6 * 2 ** 30)), mem(used), mem(total - used), mem(total),
                 "%.2f" % (100 * used / total), "%.2f" % (100 * used / maxh),
                 minor, R.randint(minor // 4, minor * 3), major, major * R.randint(40, 900),
                 "%.2f" % R.uniform(1, 85), "%.2f" % R.uniform(3, 95), "%.2f" % R.uniform(0.2, 6.5),
                 thr, thr + R.randint(0, 30), R.randint(-12, 9), R.randint(0, 40), R.randint(0, 310),
                 R.randint(0, 8), R.randint(3, 11)],
                INST + ".HealthMonitor")
    spec("health", 85, "INFO", "c.h.i.d.HealthMonitor",
         "processors=8, physical.memory.total=31.2G, physical.memory.free=<*>, swap.space.total=0, "
         "swap.space.free=0, heap.memory.used=<*>, heap.memory.free=<*>, heap.memory.total=<*>, "
         "heap.memory.max=7.8G, heap.memory.used/total=<*>%, heap.memory.used/max=<*>%, minor.gc.count=<*>, "
         "minor.gc.time=<*>ms, major.gc.count=<*>, major.gc.time=<*>ms, load.process=<*>%, load.system=<*>%, "
         "load.systemAverage=<*>, thread.count=<*>, thread.peakCount=<*>, cluster.timeDiff=<*>, "
         "event.q.size=<*>, operations.pending.invocations.count=<*>, clientEndpoint.count=<*>, "
         "connection.count=<*>", health)

    def peer(i):
        if i % 4 == 0:
            m = R.choice(members)
            return m[0], R.randint(40000, 60999), "[%s]:5701" % m[0], m[1], "MEMBER", R.randint(0, 3)
        c = R.choice(clients)
        port = R.randint(50000, 60999)
        return c["ip"], port, "[%s]:%d" % (c["ip"], port), c["uuid"], c["type"], -1

    spec("conn_init", 55, "INFO", "c.h.i.s.t.TcpServerConnection",
         "Initialized new cluster connection between /%s:5701 and /<*>" % ME,
         lambda i, t: (["%s:%d" % peer(i)[:2]], INST + ".IO.thread-Acceptor"))

    def closed(i, t):
        ip, port, ep, uid, ctype, plane = peer(i)
        c = R.choice(clients)
        m = R.choice(members)
        reasons = [
            "Connection closed by the other side",
            "Client disconnected from cluster",
            "Exception in Connection[id=%d, /%s:5701->/%s:%d, qualifier=null, endpoint=[%s]:%d, "
            "remoteUuid=%s, alive=true, connectionType=%s, planeIndex=-1], thread=%s.IO.thread-in-%d"
            % (next_conn(), ME, c["ip"], port, c["ip"], port, c["uuid"], c["type"], INST, R.randint(0, 2)),
            "Member left event received from master: Member [%s]:5701 - %s" % m,
            "java.io.IOException: Connection reset by peer",
            "Heartbeat timed out",
        ]
        return ([next_conn(), "%s:%d" % (ip, port), ep, uid, ctype, plane, cyc(reasons, i)],
                "%s.IO.thread-in-%d" % (INST, R.randint(0, 2)))
    spec("conn_closed", 30, "INFO", "c.h.i.s.t.TcpServerConnection",
         "Connection[id=<*>, /%s:5701->/<*>, qualifier=null, endpoint=<*>, remoteUuid=<*>, alive=false, "
         "connectionType=<*>, planeIndex=<*>] closed. Reason: <*>" % ME, closed)

    def auth(i, t):
        c = cyc(clients, i)
        port = R.randint(50000, 60999)
        return ([next_conn(), "%s:%d" % (c["ip"], port), "[%s]:%d" % (c["ip"], port), c["uuid"], c["type"],
                 c["uuid"], c["name"], c["ver"]],
                cyc(["%s.priority-generic-operation.thread-0" % INST,
                     "%s.generic-operation.thread-%d" % (INST, R.randint(0, 3))], i))
    spec("client_auth", 25, "INFO", "c.h.c.i.p.t.AuthenticationMessageTask",
         "Received auth from Connection[id=<*>, /%s:5701->/<*>, qualifier=null, endpoint=<*>, remoteUuid=<*>, "
         "alive=true, connectionType=<*>, planeIndex=-1], successfully authenticated, clientUuid: <*>, "
         "client name: <*>, client version: <*>" % ME, auth)

    def destroy(i, t):
        c = cyc(clients, i * 3)
        return ([c["uuid"], c["name"], cyc(["true", "true", "false"], i), c["ver"],
                 epoch_ms(t) - R.randint(5000, 3600000)],
                "%s.event-%d" % (INST, R.randint(1, 5)))
    spec("client_destroy", 20, "INFO", "c.h.c.i.ClientEndpointManagerImpl",
         "Destroying ClientEndpoint{clientUuid=<*>, clientName=<*>, authenticated=<*>, clientVersion=<*>, "
         "creationTime=<*>}", destroy)

    SLOW = ["com.hazelcast.map.impl.operation.PutOperation",
            "com.hazelcast.map.impl.query.QueryPartitionOperation",
            "com.hazelcast.map.impl.operation.MergeOperation",
            "com.hazelcast.collection.impl.queue.operations.OfferOperation"]
    spec("slow_op", 15, "WARN", "c.h.s.i.o.s.SlowOperationDetector",
         "Slow operation detected: <*>",
         lambda i, t: ([cyc(SLOW, i)], INST + ".SlowOperationDetectorThread"))
    spec("repartition", 12, "INFO", "c.h.i.p.i.MigrationManager",
         "Repartitioning cluster data. Migration tasks count: <*>",
         lambda i, t: ([R.choice([271, 180, 90, 136, 271, 542])], INST + ".migration"))

    def mig_done(i, t):
        planned = R.choice([271, 180, 90, 136, 542])
        return ([t_javadate(t - R.randint(2, 40) * S), planned, planned - cyc([0, 0, 0, 3], i),
                 planned * R.randint(2, 30)], INST + ".migration")
    spec("migration_done", 12, "INFO", "c.h.i.p.i.MigrationManager",
         "All migration tasks have been completed. (repartitionTime=<*>, plannedMigrations=<*>, "
         "completedMigrations=<*>, remainingMigrations=0, totalCompletedMigrations=<*>)", mig_done)
    spec("slow_op_n", 10, "WARN", "c.h.s.i.o.s.SlowOperationDetector",
         "Slow operation detected: <*> (<*> invocations)",
         lambda i, t: ([cyc(SLOW[::-1], i), R.randint(2, 40)], INST + ".SlowOperationDetectorThread"))
    spec("balanced", 9, "INFO", "c.h.i.p.i.MigrationManager",
         "Partition table is balanced, skipping repartitioning.",
         lambda i, t: ([], INST + ".migration"))

    def suspect(i, t):
        m = cyc(members, i)
        since = t - R.randint(60 * S, 75 * S)
        return (["[%s]:5701" % m[0], m[1], t_plain_ms(since), t_plain_ms(t), cyc(["0.99", "1.00", "0.97"], i)],
                "%s.cached.thread-%d" % (INST, R.randint(1, 9)))
    spec("suspect", 8, "WARN", "c.h.i.c.i.ClusterHeartbeatManager",
         "Suspecting Member <*> - <*> because it has not sent any heartbeats since <*>. Now: <*>, "
         "heartbeat timeout: 60000 ms, suspicion level: <*>", suspect)

    def mapstore(i, t):
        errs = ["Connection refused",
                "java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, "
                "request timed out after 30000ms.",
                "org.postgresql.util.PSQLException: ERROR: duplicate key value violates unique constraint "
                "\"orders_pkey\"  Detail: Key (id)=(81723) already exists.",
                "timeout"]
        return ([cyc(["orders", "customers", "customers", "sessions"], i),
                 cyc(["order:81723", "cust-5521", "o'brien-22", "sess=9f2c"], i), cyc(errs, i)],
                "%s.partition-operation.thread-%d" % (INST, R.randint(0, 7)))
    spec("mapstore_fail", 7, "ERROR", "c.h.m.i.m.w.WriteThroughStore",
         "Map store failed for map '<*>', key '<*>': <*>", mapstore)
    spec("remove_member", 6, "INFO", "c.h.i.c.i.MembershipManager",
         "Removing Member <*> - <*>",
         lambda i, t: (["[%s]:5701" % cyc(members, i)[0], cyc(members, i)[1]],
                       "%s.cached.thread-%d" % (INST, R.randint(1, 9))))
    spec("tx_rollback", 6, "INFO", "c.h.t.TransactionManagerService",
         "Committing/rolling-back live transactions of <*>, UUID: <*>",
         lambda i, t: (["[%s]:5701" % cyc(members, i + 1)[0], cyc(members, i + 1)[1]],
                       "%s.cached.thread-%d" % (INST, R.randint(1, 9))))

    run_shuffle(C, R, specs, 9 * 3600 * S + 41 * S, (20 * MS, 9 * S),
                lambda t, sp, thread: "%s [%5s] [%s] [%s]: " % (t_log4j(t), sp["level"], thread, sp["logger"]))
    return C


# ================================================================ Metabase
def metabase():
    R = random.Random("%d:Metabase" % SEED)
    C = Corpus("Metabase")
    specs = []

    def spec(key, n, level, logger, tpl, gen):
        specs.append(dict(key=key, n=n, level=level, logger=logger, tpl=tpl, gen=gen))

    def dur():
        k = R.random()
        if k < 0.15:
            return "%.1f \u00b5s" % R.uniform(80, 999)
        if k < 0.85:
            return "%.1f ms" % R.uniform(1, 999)
        return "%.1f s" % R.uniform(1, 40)

    def pool_stats():
        act = R.randint(0, 15)
        jetty = R.randint(2, 50)
        return [R.randint(0, 48), act, jetty, R.randint(0, 9), R.randint(0, 3), R.randint(58, 141),
                R.randint(0, 5), R.randint(0, 2)]

    def api_gen(i, t):
        c = R.randint(3, 412)
        opts = [("GET", "/api/user/current", 200), ("GET", "/api/session/properties", 200),
                ("GET", "/api/dashboard/%d" % R.randint(1, 64), 200), ("GET", "/api/card/%d" % c, 200),
                ("GET", "/api/card/%d" % c, 404), ("PUT", "/api/card/%d" % c, 200),
                ("GET", "/api/collection/root/items?models=dashboard&models=card", 200),
                ("GET", "/api/search?q=revenue&models=card", 200), ("DELETE", "/api/session", 204),
                ("GET", "/api/database?include=tables", 200), ("GET", "/api/activity/recent_views", 200),
                ("GET", "/api/table/%d/query_metadata" % R.randint(5, 90), 200), ("POST", "/api/card", 403)]
        m, p, st = opts[i] if i < len(opts) else R.choice(opts)
        ps = pool_stats()
        return [m, p, st, dur(), ps[0], ps[1], ps[2], ps[3], ps[4], ps[5], ps[6], ps[7]], None
    TAIL = ("(<*> DB calls) App DB connections: <*>/15 Jetty threads: <*>/50 (<*> idle, <*> queued) "
            "(<*> total active threads) Queries in flight: <*> (<*> queued)")
    spec("api", 105, "DEBUG", "middleware.log", "<*> <*> <*> <*> " + TAIL, api_gen)

    def async_gen(i, t):
        c = R.randint(3, 412)
        paths = ["/api/card/%d/query" % c, "/api/dataset",
                 "/api/dashboard/%d/dashcard/%d/card/%d/query" % (R.randint(1, 64), R.randint(100, 900), c)]
        ps = pool_stats()
        return [R.choice(paths), cyc(["completed", "completed", "completed", "canceled"], i), dur(),
                ps[0], ps[1], ps[2], ps[3], ps[4], ps[5], ps[6], ps[7]], None
    spec("api_async", 45, "DEBUG", "middleware.log", "POST <*> 202 [ASYNC: <*>] <*> " + TAIL, async_gen)

    DBS = [("h2", 1, "Sample Database"), ("postgres", 2, "Warehouse"), ("mysql", 3, "Ops, Legacy (read-only)"),
           ("snowflake", 4, "Finance 'FY27' Mart"), ("bigquery-cloud-sdk", 5, "Events")]
    STEPS = ["sync-timezone", "sync-tables", "sync-fields", "sync-fks", "sync-metabase-metadata",
             "analyze-data", "fingerprint-fields", "classify-fields", "update-field-values"]

    def step_gen(i, t):
        d = R.choice(DBS)
        return [cyc(STEPS, i), d[0], d[1], d[2]], None

    def step_done(i, t):
        d = R.choice(DBS)
        return [cyc(STEPS, i + 2), d[0], d[1], d[2], dur()], None
    spec("step_start", 32, "INFO", "sync.util", "STARTING: step '<*>' for <*> Database <*> '<*>'", step_gen)
    spec("step_done", 30, "INFO", "sync.util", "FINISHED: step '<*>' for <*> Database <*> '<*>' (<*>)", step_done)

    ERRS = ["Query canceled",
            'ERROR: relation "analytics.orders_v2" does not exist Position: 42',
            'ERROR: column "total_price" does not exist Hint: Perhaps you meant to reference the column '
            '"o.total". Position: 58',
            "Timed out after 15.0 mins.",
            "Access denied for user 'metabase_ro'@'10.0.3.14' (using password: YES)",
            "Division by zero"]
    spec("qp_error", 20, "ERROR", "middleware.catch-exceptions", "Error processing query: <*>",
         lambda i, t: ([cyc(ERRS, i)], None))
    PULSES = [(12, "Weekly revenue"), (31, "Ops: incidents by team"), (7, "Churn (EU)"), (44, "Daily KPIs")]
    spec("pulse", 15, "INFO", "pulse.send", "Sending Pulse (<*>: <*>) via Channel <*>",
         lambda i, t: ([cyc(PULSES, i)[0], cyc(PULSES, i)[1], cyc([":email", ":slack", ":email"], i)], None))
    spec("field_values", 12, "INFO", "models.field-values",
         "Field <*> has <*> distinct values, above the limit for a list widget; switching to search.",
         lambda i, t: ([R.randint(40, 2900), R.randint(1001, 48000)], None))
    spec("lazy_driver", 10, "DEBUG", "plugins.lazy-loaded-driver", "Registering lazy loading driver <*>...",
         lambda i, t: ([cyc([":redshift", ":snowflake", ":bigquery-cloud-sdk", ":athena", ":oracle"], i)], None))
    spec("settings_reload", 9, "INFO", "setting.cache",
         "Settings changed on another instance; reloading the cache.", lambda i, t: ([], None))
    USERS = ["ana.silva@example.com", "b.ortiz@example.com", "admin@example.com", "k.o'neill@example.com"]
    spec("login_fail", 8, "WARN", "api.session", "Failed login attempt for user '<*>' from <*>",
         lambda i, t: ([cyc(USERS, i), "10.0.%d.%d" % (R.randint(1, 9), R.randint(2, 250))], None))
    spec("step_error", 6, "ERROR", "sync.util", "Error running step '<*>' for <*> Database <*> '<*>'",
         lambda i, t: ([cyc(STEPS[1:4], i), cyc(DBS, i + 1)[0], cyc(DBS, i + 1)[1], cyc(DBS, i + 1)[2]], None))
    spec("pool_exhausted", 5, "WARN", "sql-jdbc.connection",
         "Connection pool for database <*> exhausted; <*> threads waiting",
         lambda i, t: ([cyc([2, 4, 5], i), R.randint(3, 40)], None))
    spec("init_done", 3, "INFO", "metabase.core", "Metabase Initialization COMPLETE in <*>",
         lambda i, t: ([cyc(["38.7 s", "44.0 s", "1.2 mins"], i)], None))

    run_shuffle(C, R, specs, 11 * 3600 * S + 17 * S, (15 * MS, 7 * S),
                lambda t, sp, extra: "%s %s %s :: " % (t_log4j(t), sp["level"], sp["logger"]))
    return C


# ================================================================ Superset (simulation)
def superset():
    R = random.Random("%d:Superset" % SEED)
    C = Corpus("Superset")
    C.define("sql_exec", "Query <*>: Executing <*> statement(s)")
    C.define("sql_stmt", "Query <*>: Running statement <*> out of <*>")
    C.define("sql_store", "Query <*>: Storing results in results backend, key: <*>")
    C.define("sql_fail", "Query <*>: execution failed: <*>")
    C.define("chart_miss", "Cache miss for chart <*> (datasource <*>), executing query")
    C.define("chart_hit", "Serving chart <*> from cache, key: <*>")
    C.define("sqla_fail", "Query <*> on schema <*> failed")
    C.define("login_fail", "Login failed for user: <*>")
    C.define("csrf_expired", "The CSRF token has expired.")
    C.define("csrf_missing", "The CSRF token is missing.")
    C.define("gu_boot", "Booting worker with pid: <*>")
    C.define("gu_timeout", "WORKER TIMEOUT (pid:<*>)")
    C.define("gu_exit", "Worker exiting (pid: <*>)")
    C.define("gu_kill", "Worker (pid:<*>) was sent SIGKILL! Perhaps out of memory?")

    def py(t, key, level, logger, vals):
        C.add(t, key, "%s:%s:%s:" % (t_log4j(t), level, logger), vals)

    def gu(t, key, pid, level, vals):
        C.add(t, key, "%s [%d] [%s] " % (t_gunicorn(t), pid, level), vals)

    def ms(a, b):
        return R.randint(a, b) * MS + R.randint(0, MS - 1)

    T0 = 13 * 3600 * S + 5 * 60 * S + 7 * S
    H = 900 * S
    QCP = "superset.common.query_context_processor"
    ds_ids = [3, 7, 12, 15, 21, 26, 33, 40]
    chart_ids = R.sample(range(12, 260), 40)
    charts = dict((c, "%d__table" % R.choice(ds_ids)) for c in chart_ids)
    cache_keys = dict((c, hexid(R, 32)) for c in chart_ids)
    dashboards = [R.sample(chart_ids, R.randint(2, 7)) for _ in range(10)]
    TABLES = [("public", "orders", "order_date", "status", "amount", "'shipped'"),
              ("sales", "daily_revenue", "day", "region", "revenue", "'EMEA'"),
              ("analytics", "web_sessions", "started_at", "country", "duration_s", "'DE'")]

    def sql(k):
        sch, tab, ts, dim, met, val = R.choice(TABLES)
        forms = [
            'SELECT "%s" AS "%s", SUM("%s") AS "sum__%s" FROM "%s"."%s" WHERE "%s" = %s GROUP BY "%s" LIMIT 10000'
            % (dim, dim, met, met, sch, tab, dim, val, dim),
            "SELECT count(*) AS count FROM %s.%s" % (sch, tab),
            'SELECT DATE_TRUNC(\'day\', "%s") AS "__timestamp", COUNT(DISTINCT "%s") AS "users" FROM "%s"."%s" '
            'WHERE "%s" >= \'2026-12-10 00:00:00.000000\' AND "%s" < \'2026-12-17 00:00:00.000000\' '
            'GROUP BY DATE_TRUNC(\'day\', "%s") ORDER BY "users" DESC LIMIT 1000'
            % (ts, dim, sch, tab, ts, ts, ts),
        ]
        return cyc(forms, k), sch

    # dashboards: bursts of chart-data requests that interleave
    t = T0
    nf = [0]
    while t < T0 + H:
        t += ms(3000, 16000)
        for c in R.choice(dashboards):
            tc = t + ms(20, 1800)
            if R.random() < 0.42:
                py(tc, "chart_hit", "INFO", QCP, [c, cache_keys[c]])
            else:
                py(tc, "chart_miss", "INFO", QCP, [c, charts[c]])
                if R.random() < 0.09:
                    q, sch = sql(nf[0])
                    nf[0] += 1
                    py(tc + ms(300, 20000), "sqla_fail", "WARNING", "superset.connectors.sqla.models", [q, sch])

    # SQL Lab queries: one entity per query, statements run one after another
    ERRS = ["statement timeout",
            '(psycopg2.errors.UndefinedTable) relation "staging.events_v2" does not exist',
            "(psycopg2.errors.QueryCanceled) canceling statement due to statement timeout",
            "(trino.exceptions.TrinoUserError) TrinoUserError(type=USER_ERROR, name=COLUMN_NOT_FOUND, "
            "message=\"line 1:8: Column 'revenu' cannot be resolved\", query_id=20261217_131532_00042_x7kq2)",
            "Only SELECT statements are allowed against this database."]
    t = T0 + ms(0, 5000)
    qid = 4810
    nerr = 0
    while t < T0 + H:
        t += ms(8000, 40000)
        qid += R.randint(1, 3)
        n = R.choice([1, 1, 1, 2, 2, 3, 4])
        fail_at = R.randint(1, n) if R.random() < 0.2 else 0
        py(t, "sql_exec", "INFO", "superset.sql_lab", [qid, n])
        tt = t
        for j in range(1, n + 1):
            tt += ms(40, 3000)
            py(tt, "sql_stmt", "INFO", "superset.sql_lab", [qid, j, n])
            if j == fail_at:
                py(tt + ms(100, 20000), "sql_fail", "ERROR", "superset.sql_lab", [qid, cyc(ERRS, nerr)])
                nerr += 1
                break
        else:
            py(tt + ms(100, 15000), "sql_store", "INFO", "superset.sql_lab", [qid, uuid4(R)])

    # rare web events
    for k, tr in enumerate(sorted(R.randint(10, 420) for _ in range(5))):
        py(T0 + tr * S + ms(0, 999), "login_fail", "WARNING", "flask_appbuilder.security.sqla.manager",
           [cyc(["jkowalczyk", "admin", "m.haddad", "analyst@example.org"], k)])
    for tr in sorted(R.randint(10, 420) for _ in range(4)):
        py(T0 + tr * S + ms(0, 999), "csrf_expired", "INFO", "flask_wtf.csrf", [])
    for tr in sorted(R.randint(10, 420) for _ in range(3)):
        py(T0 + tr * S + ms(0, 999), "csrf_missing", "INFO", "flask_wtf.csrf", [])

    # gunicorn: worker timeouts and OOM kills; the arbiter (pid 1) replaces the worker
    workers = [17, 18, 19, 20]
    nextpid = [24]
    kinds = ["timeout", "oom", "timeout", "timeout", "oom", "timeout", "oom"]
    for k, tr in enumerate(sorted(R.sample(range(20, 430), 7))):
        te = T0 + tr * S + ms(0, 999)
        victim = workers[R.randint(0, len(workers) - 1)]
        if kinds[k] == "timeout":
            gu(te, "gu_timeout", 1, "CRITICAL", [victim])
            te += ms(5, 90)
            gu(te, "gu_exit", victim, "INFO", [victim])
        else:
            gu(te, "gu_kill", 1, "ERROR", [victim])
        new = nextpid[0]
        nextpid[0] += R.randint(1, 5)
        workers[workers.index(victim)] = new
        gu(te + ms(20, 400), "gu_boot", new, "INFO", [new])
    return C


# ================================================================ Boundary (simulation)
def boundary():
    R = random.Random("%d:Boundary" % SEED)
    C = Corpus("Boundary")
    SRC = "https://hashicorp.com/boundary/ctl-a1/controller"
    HEAD = '{"id":"<*>","source":"%s","specversion":"1.0","type":"' % SRC
    TAIL = ',"datacontentype":"application/cloudevents","time":"<*>"}'

    def sysev(op, data):
        return HEAD + 'system","data":{"version":"v0.1","op":"%s","data":%s}' % (op, data) + TAIL
    REQ = '{"id":"<*>","method":"<*>","path":"<*>","public_id":"<*>","client_ip":"<*>"}'
    ERR = '"error":"<*>","error_fields":{"Code":<*>,"Msg":"<*>","Op":"<*>","Wrapped":null},"id":"<*>","version":"v0.1","op":"<*>"'
    C.define("obs_auth", HEAD + 'observation","data":{"latency-ms":<*>,"request_info":' + REQ +
             ',"start":"<*>","status":<*>,"stop":"<*>","version":"v0.1"}' + TAIL)
    C.define("obs_anon", HEAD + 'observation","data":{"latency-ms":<*>,"request_info":{"id":"<*>","method":"POST",'
             '"path":"<*>","client_ip":"<*>"},"start":"<*>","status":<*>,"stop":"<*>","version":"v0.1"}' + TAIL)
    C.define("user_auth", sysev("password.(Repository).Authenticate",
                                '{"auth_method_id":"<*>","msg":"user authenticated","user_id":"<*>"}'))
    C.define("sess_auth", sysev("session.(Repository).CreateSession",
                                '{"msg":"session authorized","session_id":"<*>","target_id":"<*>","user_id":"<*>"}'))
    C.define("conn_auth", sysev("cluster.(workerServiceServer).AuthorizeConnection",
                                '{"connection_id":"<*>","msg":"connection authorized","session_id":"<*>",'
                                '"worker_id":"<*>"}'))
    C.define("conn_est", sysev("cluster.(workerServiceServer).ConnectConnection",
                               '{"client_tcp_address":"<*>","connection_id":"<*>","endpoint_tcp_address":"<*>",'
                               '"msg":"connection established","session_id":"<*>"}'))
    C.define("conn_closed", sysev("cluster.(workerServiceServer).CloseConnection",
                                  '{"bytes_down":<*>,"bytes_up":<*>,"closed_reason":"<*>","connection_id":"<*>",'
                                  '"msg":"connection closed","session_id":"<*>"}'))
    C.define("sess_term", sysev("session.(Repository).TerminateSession",
                                '{"msg":"session terminated","reason":"<*>","session_id":"<*>"}'))
    C.define("worker_status", sysev("cluster.(workerServiceServer).Status",
                                    '{"active_connections":<*>,"msg":"worker status report","worker_id":"<*>"}'))
    C.define("job_done", sysev("scheduler.(Scheduler).runJob",
                               '{"job":"<*>","msg":"job run completed","run_id":"<*>"}'))
    C.define("job_failed", sysev("scheduler.(Scheduler).runJob",
                                 '{"job":"<*>","msg":"job run failed","run_id":"<*>"}'))
    C.define("err", HEAD + 'error","data":{' + ERR + '}' + TAIL)
    C.define("err_req", HEAD + 'error","data":{' + ERR + ',"request_info":' + REQ + '}' + TAIL)
    C.define("plugin", sysev("github.com/hashicorp/boundary/internal/observability/event.(*HclogLoggerAdapter).writeEvent",
                             '{"@original-log-level":"<*>","@original-log-name":"<*>","msg":"starting plugin",'
                             '"path":"<*>","pid":<*>}'))

    def js(s):   # Go encoding/json string body (HTML-safe escaping)
        b = json.dumps(s, ensure_ascii=False)[1:-1]
        return b.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

    def add(t, key, inner):
        C.add(t, key, "", [rid(R, 10)] + inner + [t_go(t)])

    def pub(prefix):
        return prefix + "_" + rid(R, 10)

    def gtrace():
        return "gtraceid_" + rid(R, 20)

    def latency(ns):
        v = ns / 1e6
        return str(int(v)) if v == int(v) else repr(v)

    def ms(a, b):
        return R.randint(a, b) * MS + R.randint(0, MS - 1)

    def obs_auth(t_end, method, path, tok, ip, status, lat):
        add(t_end, "obs_auth", [latency(lat), gtrace(), method, js(path), tok, ip, t_go(t_end - lat), status,
                                t_go(t_end - R.randint(2000, 60000))])
        return t_end

    def obs_anon(t_end, path, ip, status, lat):
        add(t_end, "obs_anon", [latency(lat), gtrace(), js(path), ip, t_go(t_end - lat), status,
                                t_go(t_end - R.randint(2000, 60000))])

    T0 = 10 * 3600 * S + 2 * S
    H = 800 * S
    users = [(pub("u"), "10.8.%d.%d" % (R.randint(0, 3), R.randint(10, 240))) for _ in range(9)]
    methods = [pub("ampw"), pub("ampw")]
    targets = [(pub("ttcp"), "10.0.20.%d:%d" % (R.randint(5, 60), port))
               for port in (22, 5432, 3389, 22, 443, 6443)]
    workers = [pub("w"), pub("w")]
    projects = [pub("p") for _ in range(3)]
    active = dict((w, 0) for w in workers)
    conn_events = []   # (t, worker, +1/-1) for worker status reports

    def err_event(t, key, error, code, msg, op_inner, op_outer, req=None):
        inner = [js(error), code, js(msg), op_inner, "e_" + rid(R, 10), op_outer]
        if req:
            inner += req
        add(t, key, inner)

    # user sessions
    t = T0 + ms(0, 4000)
    while t < T0 + H:
        t += ms(5000, 24000)
        uid, ip = R.choice(users)
        am = R.choice(methods)
        lat = ms(30, 280)
        if R.random() < 0.1:
            obs_anon(t + lat, "/v1/auth-methods/%s:authenticate" % am, ip, 401, lat)
            continue
        add(t + lat * 4 // 5, "user_auth", [am, uid])
        obs_anon(t + lat, "/v1/auth-methods/%s:authenticate" % am, ip, 200, lat)
        tok = pub("at")
        t2 = obs_auth(t + lat + ms(800, 4000), "GET", "/v1/targets?recursive=true&scope_id=global", tok, ip, 200,
                      ms(8, 120))
        tgt, endpoint = R.choice(targets)
        lat3 = ms(20, 160)
        t3 = t2 + ms(1000, 6000)
        path = "/v1/targets/%s:authorize-session" % tgt
        if R.random() < 0.12:
            err_event(t3 - lat3 // 4, "err_req",
                      'handlers.(TargetServiceServer).AuthorizeSession: permission denied: user "%s" lacks grant '
                      '"authorize-session" on target "%s"' % (uid, tgt),
                      403, "permission denied", "handlers.(TargetServiceServer).AuthorizeSession",
                      "handlers.(TargetServiceServer).AuthorizeSession",
                      [gtrace(), "POST", js(path), tok, ip])
            obs_auth(t3, "POST", path, tok, ip, 403, lat3)
            continue
        sid = pub("s")
        add(t3 - lat3 // 3, "sess_auth", [sid, tgt, uid])
        obs_auth(t3, "POST", path, tok, ip, 200, lat3)
        w = R.choice(workers)
        cancel_at = t3 + ms(20000, 150000) if R.random() < 0.18 else None
        tc = t3
        end = t3
        for k in range(R.choice([1, 1, 2, 2, 3])):
            tc += ms(300, 5000)
            if cancel_at and tc >= cancel_at:
                break
            cid = pub("sc")
            add(tc, "conn_auth", [cid, sid, w])
            te = tc + ms(15, 180)
            add(te, "conn_est", ["%s:%d" % (ip, R.randint(49152, 65535)), cid, endpoint, sid])
            tcl = te + ms(4000, 240000)
            reason = R.choice(["closed by end-user"] * 6 + ["timed out", "network error"])
            if cancel_at and tcl > cancel_at:
                tcl, reason = cancel_at + ms(5, 200), "canceled"
            add(tcl, "conn_closed", [R.randint(300, 9000000), R.randint(200, 400000), reason, cid, sid])
            conn_events.append((te, w, 1))
            conn_events.append((tcl, w, -1))
            end = max(end, tcl)
        if cancel_at:
            obs_auth(cancel_at, "POST", "/v1/sessions/%s:cancel" % sid, tok, ip, 200, ms(10, 90))
            add(max(end, cancel_at) + ms(300, 3000), "sess_term", ["canceled", sid])
        else:
            add(end + ms(1000, 9000), "sess_term",
                [R.choice(["closed by end-user"] * 4 + ["expired", "connection limit"]), sid])

    # admin console traffic
    admin_tok, admin_ip = pub("at"), "10.8.0.5"
    t = T0 + ms(0, 3000)
    while t < T0 + H:
        t += ms(1500, 11000)
        p = R.choice(projects)
        path, st = R.choice([
            ("/v1/scopes?scope_id=global", 200), ("/v1/users/%s" % R.choice(users)[0], 200),
            ("/v1/host-catalogs?scope_id=%s" % p, 200),
            ("/v1/sessions?scope_id=%s&include_terminated=true" % p, 200),
            ("/v1/targets/%s" % R.choice(targets)[0], 200), ("/v1/roles?scope_id=%s" % p, 200),
            ("/v1/credential-stores?scope_id=%s" % p, 200), ("/v1/workers/%s" % pub("w"), 404)])
        obs_auth(t, "GET", path, admin_tok, admin_ip, st, ms(4, 90))

    # background: worker status, scheduler jobs
    for wi, w in enumerate(workers):
        t = T0 + ms(1000, 30000)
        while t < T0 + H:
            n = sum(d for (tt, ww, d) in conn_events if ww == w and tt <= t)
            add(t, "worker_status", [max(n, 0) + wi, w])
            t += ms(35000, 70000)
    JOBS = ["terminate_completed_sessions", "cleanup_orphaned_connections", "sync_host_sets",
            "delete_terminated_sessions", "rotate_worker_auth"]
    t = T0 + ms(0, 10000)
    k = 0
    while t < T0 + H:
        t += ms(20000, 60000)
        add(t, "job_done", [cyc(JOBS, k), uuid4(R)])
        k += 1
    ERRS = [("session.(Repository).TerminateCompletedSessions", 0, "unable to terminate completed sessions",
             "session.(Repository).TerminateCompletedSessions: unable to terminate completed sessions: db.DoTx: "
             "context deadline exceeded", "terminate_completed_sessions"),
            ("host.(Repository).SyncSets", 5000, "plugin returned error",
             'plugin.(*Client).ListHosts: rpc error: code = Unavailable desc = connection error: desc = "transport: '
             'error while dialing: dial unix /tmp/plugin2519833141: connect: connection refused"', "sync_host_sets"),
            ("scheduler.(Scheduler).runJob", 0, "job run interrupted", "context canceled",
             "cleanup_orphaned_connections"),
            ("server.(WorkerAuthRepositoryStorage).Load", 1100, "worker auth not found",
             "server.(WorkerAuthRepositoryStorage).Load: worker auth not found: search issue: error #1100: "
             "record not found", None)]
    for k, tr in enumerate(sorted(R.sample(range(30, 380), 5))):
        op, code, msg, error, job = cyc(ERRS, k)
        te = T0 + tr * S + ms(0, 999)
        err_event(te, "err", error, code, msg, op, cyc(["scheduler.(Scheduler).runJob", op], k) if job else op)
        if job:
            add(te + ms(1, 30), "job_failed", [job, uuid4(R)])
    # request errors on session reads/cancels
    for k, tr in enumerate(sorted(R.sample(range(40, 380), 3))):
        te = T0 + tr * S + ms(0, 999)
        sid = pub("s")
        uid, ip = R.choice(users)
        tok = pub("at")
        if k == 1:
            path, method, op = "/v1/sessions/%s:cancel" % sid, "POST", "handlers.(SessionServiceServer).CancelSession"
        else:
            path, method, op = "/v1/sessions/%s" % sid, "GET", "handlers.(SessionServiceServer).GetSession"
        err_event(te, "err_req",
                  "%s: session.(Repository).LookupSession: session %s not found: search issue: error #1100: "
                  "record not found" % (op, sid),
                  1100, "session not found", "session.(Repository).LookupSession", op,
                  [gtrace(), method, js(path), tok, ip])
        obs_auth(te + ms(1, 20), method, path, tok, ip, 404, ms(5, 60))
    # host plugins (re)started, logged through the hclog adapter
    for k, tr in enumerate(sorted(R.sample(range(5, 390), 4))):
        name = cyc(["aws", "azure"], k)
        add(T0 + tr * S + ms(0, 999), "plugin",
            [cyc(["info", "debug"], k // 2 + k), "plugin.boundary-plugin-%s" % name,
             "/tmp/boundary-plugins-%d/boundary-plugin-%s" % (R.randint(1000, 9999), name), R.randint(2000, 60000)])
    return C


# ================================================================ Cyrus IMAP (simulation)
def cyrus():
    R = random.Random("%d:CyrusIMAP" % SEED)
    C = Corpus("CyrusIMAP")
    HOST = "mail01"
    C.define("accepted", "accepted connection")
    C.define("starttls", "starttls: <*> with cipher <*> (<*>/<*> bits <*>) no authentication")
    C.define("login", "login: <*> [<*>] <*> <*> User logged in SESSIONID=<<*>>")
    C.define("badlogin", "badlogin: <*> [<*>] <*> [<*>]")
    C.define("open", "open: user <*> opened <*>")
    C.define("expunged", "Expunged <*> messages from <*>")
    C.define("usage", "USAGE <*> user: <*> sys: <*>")
    C.define("audit_append", "auditlog: append sessionid=<<*>> mailbox=<<*>> uniqueid=<<*>> uid=<<*>> "
                             "modseq=<<*>> size=<<*>> guid=<<*>>")
    C.define("audit_expunge", "auditlog: expunge sessionid=<<*>> mailbox=<<*>> uniqueid=<<*>> uid=<<*>> guid=<<*>>")
    C.define("delivered", "Delivered: <<*>> to mailbox: <*>")
    C.define("dupelim", "dupelim: eliminated duplicate message to <*> id <<*>> (<*>)")
    C.define("exited", "process type:SERVICE name:<*> path:<*> age:<*>s pid:<*> exited, status 0")
    C.define("killed", "process type:SERVICE name:<*> path:<*> age:<*>s pid:<*> exited, signaled to death by <*>")
    C.define("ioerror", "IOERROR: opening <*>: <*>")
    C.define("quota", "<*>: quota at <*>% of <*> KiB")

    def emit(t, key, prog, pid, vals):
        C.add(t, key, "%s %s %s[%d]: " % (t_syslog(t), HOST, prog, pid), vals)

    def ms(a, b):
        return R.randint(a, b) * MS + R.randint(0, MS - 1)

    T0 = 7 * 3600 * S + 30 * 60 * S + 4 * S
    H = 600 * S
    MASTER = 1187
    PATHS = {"imap": "/usr/lib/cyrus/bin/imapd", "imaps": "/usr/lib/cyrus/bin/imapd",
             "lmtpunix": "/usr/lib/cyrus/bin/lmtpd"}
    nextpid = [21840]

    def newpid():
        nextpid[0] += R.randint(1, 37)
        return nextpid[0]
    # preforked service processes: pid -> [free_at, born]
    procs = dict((prog, dict((newpid(), [0, T0 - R.randint(60, 3000) * S]) for _ in range(n)))
                 for prog, n in (("imap", 5), ("imaps", 3), ("lmtpunix", 3)))

    def take(prog, t, busy_until):
        free = [p for p, st in sorted(procs[prog].items()) if st[0] <= t]
        if free:
            pid = R.choice(free)
        else:
            pid = newpid()
            procs[prog][pid] = [0, t - ms(1, 50)]
        procs[prog][pid][0] = busy_until
        return pid

    def retire(prog, pid, t, key, extra):
        born = procs[prog].pop(pid)[1]
        age = t - born
        emit(t, key, "master", MASTER, [prog, PATHS[prog], "%d.%03d" % (age // S, (age % S) // MS), pid] + extra)

    users = ["akoval", "bnguyen", "cfarah", "dmorales", "eschmidt", "fokonkwo",
             "gpetrov", "hsato", "ilarsen", "jmensah", "kdubois", "lwong"]
    clients = [("wks-114.corp.example.net", "10.30.1.114"), ("vpn-pool-7.example.net", "172.16.7.41"),
               ("host-203-0-113-25.isp.example", "203.0.113.25"), ("laptop-88.corp.example.net", "10.30.2.88"),
               ("unknown", "198.51.100.17"), ("mua-gw.example.net", "10.30.9.2")]
    folders = ["INBOX", "Sent", "Drafts", "Archive/2026", "Projects/Q4 planning", "Trash"]
    mbox = {}

    def mailbox(u, folder):
        name = "user.%s" % u if folder == "INBOX" else "user.%s.%s" % (u, folder.replace("/", "."))
        if name not in mbox:
            mbox[name] = [uuid4(R), R.randint(200, 9000), R.randint(10000, 900000)]
        return name

    def append(t, prog, pid, sess, name):
        st = mbox[name]
        st[1] += 1
        st[2] += R.randint(1, 7)
        emit(t, "audit_append", prog, pid, [sess, name, st[0], st[1], st[2], R.randint(900, 4000000), hexid(R, 40)])

    def sessid(pid, t):
        return "%s-%d-%d-%d-%d" % (HOST, pid, epoch_s(t), R.randint(1, 9), R.randint(10 ** 15, 10 ** 16 - 1))

    TLS = [("TLSv1.3", "TLS_AES_256_GCM_SHA384", 256, "new"), ("TLSv1.2", "ECDHE-RSA-AES128-GCM-SHA256", 128, "new"),
           ("TLSv1.3", "TLS_AES_256_GCM_SHA384", 256, "reused"), ("TLSv1.3", "TLS_CHACHA20_POLY1305_SHA256", 256, "new")]
    MECH = ["plaintext+TLS", "PLAIN+TLS", "LOGIN+TLS", "XOAUTH2+TLS", "plaintext", "PLAIN"]
    BAD = ["SASL(-13): authentication failure: Password verification failed",
           "SASL(-13): user not found: checkpass failed", "account locked",
           "SASL(-13): authentication failure: bad protocol / cancel (client sent \"*\")"]

    # IMAP sessions
    t = T0
    nbad = 0
    while t < T0 + H:
        t += ms(1500, 12000)
        prog = "imaps" if R.random() < 0.35 else "imap"
        host, ip = R.choice(clients)
        u = R.choice(users)
        tt = t
        events = []
        events.append((tt, "accepted", []))
        if prog == "imaps" or R.random() < 0.7:
            tt += ms(30, 300)
            tl = R.choice(TLS)
            events.append((tt, "starttls", [tl[0], tl[1], tl[2], tl[2], tl[3]]))
        tls = len(events) == 2
        tt += ms(100, 2500)
        if R.random() < 0.13:
            events.append((tt, "badlogin", [host, ip, R.choice(["PLAIN", "LOGIN", "plaintext"]), cyc(BAD, nbad)]))
            nbad += 1
            end = tt + ms(10, 400)
            pid = take(prog, t, end)
            for ev in events:
                emit(ev[0], ev[1], prog, pid, ev[2])
            continue
        # pid must be known for SESSIONID: pick a free process now, busy until logout
        dur = ms(2000, 120000)
        pid = take(prog, t, t + dur + 2 * S)
        sess = sessid(pid, tt)
        events.append((tt, "login", [host, ip, u, R.choice(MECH[:4] if tls else MECH[4:]), sess]))
        for k in range(R.choice([1, 1, 2, 3])):
            tt += ms(200, dur // 3 // MS + 300)
            f = folders[0] if k == 0 else R.choice(folders[1:])
            mailbox(u, f)
            events.append((tt, "open", [u, f]))
        if R.random() < 0.2:
            tt += ms(300, 8000)
            events.append((tt, "append", mailbox(u, "Sent")))
        if R.random() < 0.22:
            name = mailbox(u, R.choice(["Trash", "INBOX", "Drafts"]))
            n = R.randint(1, 3)
            for k in range(n):
                tt += ms(1, 20)
                events.append((tt, "audit_expunge", [sess, name, mbox[name][0], R.randint(1, mbox[name][1]),
                                                     hexid(R, 40)]))
            tt += ms(1, 20)
            events.append((tt, "expunged", [n, name]))
        tt += ms(100, 5000)
        events.append((tt, "usage", [u, "%.6f" % R.uniform(0.002, 0.4), "%.6f" % R.uniform(0.001, 0.2)]))
        for ev in events:
            if ev[1] == "append":
                append(ev[0], prog, pid, sess, ev[2])
            else:
                emit(ev[0], ev[1], prog, pid, ev[2])
        procs[prog][pid][0] = tt + ms(1, 100)
        if R.random() < 0.12:
            retire(prog, pid, tt + ms(5, 150), "exited", [])

    # LMTP deliveries from the MTA
    t = T0 + ms(0, 3000)
    ndup = 0
    ndeliv = 0
    while t < T0 + H:
        t += ms(2500, 16000)
        rcpts = R.sample(users, R.choice([1, 1, 1, 2, 3]))
        pid = take("lmtpunix", t, t + 3 * S)
        emit(t, "accepted", "lmtpunix", pid, [])
        sess = sessid(pid, t)
        tt = t
        h, mi, se, _ = hms(t - ms(800, 900000))
        msgid = "%s.%s@%s" % ("%s%02d%02d%02d" % (DATE.replace("-", ""), h, mi, se), hexid(R, 10).upper(),
                              R.choice(["mx-out.example.com", "mail.partner.example", "lists.example.org"]))
        for u in rcpts:
            tt += ms(20, 400)
            name = mailbox(u, "INBOX")
            ndeliv += 1
            if ndeliv % 9 == 4:
                emit(tt, "dupelim", "lmtpunix", pid, [name, msgid, cyc(["delivery", "sieve redirect"], ndup)])
                ndup += 1
                continue
            append(tt, "lmtpunix", pid, sess, name)
            emit(tt + ms(1, 10), "delivered", "lmtpunix", pid, [msgid, name])
        if R.random() < 0.1:
            retire("lmtpunix", pid, tt + ms(20, 200), "exited", [])

    # rare: crashes, I/O errors, quota warnings
    for k, tr in enumerate(sorted(R.sample(range(15, 230), 3))):
        te = T0 + tr * S + ms(0, 999)
        prog = cyc(["imap", "lmtpunix", "imaps"], k)
        pid = newpid()   # a process spawned earlier that has not logged yet
        procs[prog][pid] = [te, te - R.randint(40, 1800) * S - ms(0, 999)]
        retire(prog, pid, te, "killed", [cyc([11, 9, 6], k)])
    IOE = [("/var/lib/cyrus/user/a/akoval.seen", "No such file or directory"),
           ("/var/spool/cyrus/mail/b/user/bnguyen/cyrus.index", "Permission denied"),
           ("/var/lib/cyrus/quota/c/user.cfarah", "Stale file handle"),
           ("/var/spool/cyrus/mail/q/user/hsato/Projects/Q4 planning/cyrus.header", "No such file or directory")]
    for k, tr in enumerate(sorted(R.sample(range(10, 230), 4))):
        te = T0 + tr * S + ms(0, 999)
        emit(te, "ioerror", "imap", R.choice(sorted(procs["imap"])), list(cyc(IOE, k)))
    for k, tr in enumerate(sorted(R.sample(range(10, 230), 4))):
        te = T0 + tr * S + ms(0, 999)
        emit(te, "quota", "lmtpunix", R.choice(sorted(procs["lmtpunix"])),
             [mailbox(cyc(["lwong", "gpetrov", "akoval"], k), "INBOX"), R.randint(90, 99),
              cyc([2097152, 1048576, 5242880], k)])
    return C


# ================================================================ self-check
HEADERS = {
    "Gerrit": r"\[(\d{4}-\d\d-\d\d)T(\d\d):(\d\d):(\d\d)\.(\d{3})\+0000\] \[.+?\] (?:INFO |WARN |ERROR|DEBUG) "
              r"[A-Za-z0-9_.$]+ : ",
    "Hazelcast": r"(\d{4}-\d\d-\d\d) (\d\d):(\d\d):(\d\d),(\d{3}) \[(?: INFO| WARN|ERROR|DEBUG)\] \[[^\]]+\] "
                 r"\[[A-Za-z0-9_.$]+\]: ",
    "Superset": r"(?:(\d{4}-\d\d-\d\d) (\d\d):(\d\d):(\d\d),(\d{3}):(?:DEBUG|INFO|WARNING|ERROR|CRITICAL):[\w.]+:"
                r"|\[(\d{4}-\d\d-\d\d) (\d\d):(\d\d):(\d\d) \+0000\] \[\d+\] \[(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\] )",
    "Boundary": r"",
    "CyrusIMAP": r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([ \d]\d) (\d\d):(\d\d):(\d\d) mail01 "
                 r"[a-z0-9]+\[\d+\]: ",
    "Metabase": r"(\d{4}-\d\d-\d\d) (\d\d):(\d\d):(\d\d),(\d{3}) (?:TRACE|DEBUG|INFO|WARN|ERROR|FATAL) "
                r"[A-Za-z0-9_.\-]+ :: ",
}


def line_time(system, m, content):
    """Return (lo, hi) of the line's time in ns since midnight."""
    def span(h, mi, s, frac_ns, width):
        v = (int(h) * 3600 + int(mi) * 60 + int(s)) * S + frac_ns
        return v, v + width - 1
    if system == "Boundary":
        tm = json.loads(content)["time"]
        mm = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?Z", tm)
        assert mm and mm.group(1) == DATE, tm
        return span(mm.group(2), mm.group(3), mm.group(4), int((mm.group(5) or "0").ljust(9, "0")), 1)
    g = m.groups()
    if system == "CyrusIMAP":
        assert g[0] == MONTHS[DAY.month - 1] and int(g[1]) == DAY.day
        return span(g[2], g[3], g[4], 0, S)
    if system == "Superset" and g[0] is None:
        assert g[5] == DATE
        return span(g[6], g[7], g[8], 0, S)
    assert g[0] == DATE, g
    return span(g[1], g[2], g[3], int(g[4]) * MS, MS)


def check(system):
    d = os.path.join(HERE, system)
    with open(os.path.join(d, system + ".log"), encoding="utf-8", newline="") as f:
        raw = f.read()
    assert raw.endswith("\n")
    lines = raw[:-1].split("\n")
    assert len(lines) == N, (system, len(lines))
    with open(os.path.join(d, system + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], rows[0]
    rows = rows[1:]
    assert len(rows) == N, (system, len(rows))
    hre = re.compile(HEADERS[system])
    tpl_of = {}
    counts = {}
    groups = {}
    regex = {}
    last_lo = -1
    for i, (row, line) in enumerate(zip(rows, lines), 1):
        assert len(row) == 4, row
        lid, content, eid, tpl = row
        assert lid == str(i), (system, lid, i)
        assert content and content == content.strip(), (system, i)
        assert line.endswith(content), (system, i)
        head = line[:len(line) - len(content)]
        m = hre.fullmatch(head)
        assert m, (system, i, head)
        lo, hi = line_time(system, m, content)
        assert hi >= last_lo, (system, i, "time goes back")
        last_lo = max(last_lo, lo)
        assert re.fullmatch(r"E\d+", eid), eid
        if system == "Boundary":
            json.loads(content)
        assert tpl_of.setdefault(eid, tpl) == tpl, (system, eid, "two templates")
        if tpl not in regex:
            regex[tpl] = re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")), re.S)
        mm = regex[tpl].fullmatch(content)
        assert mm, (system, i, tpl, content)
        counts[eid] = counts.get(eid, 0) + 1
        gs = groups.setdefault(eid, [set() for _ in range(tpl.count("<*>"))])
        for k, v in enumerate(mm.groups()):
            gs[k].add(v)
    assert len(set(tpl_of.values())) == len(tpl_of), (system, "templates not distinct")
    ids = sorted(counts, key=lambda e: int(e[1:]))
    assert ids == ["E%d" % k for k in range(1, len(ids) + 1)], ids
    assert 12 <= len(ids) <= 15, (system, len(ids))
    for e in ids:
        assert counts[e] >= 3, (system, e, counts[e])
        for k, vs in enumerate(groups[e]):
            assert len(vs) >= 2, (system, e, "slot %d takes one value" % (k + 1), vs)
    assert sum(1 for e in ids if 3 <= counts[e] <= 10) >= 3, (system, "too few rare types")
    med = statistics.median(counts.values())
    assert max(counts.values()) >= 3 * med, (system, "not skewed", max(counts.values()), med)
    print("%-10s %2d event types: %s" % (system, len(ids), " ".join("%s=%d" % (e, counts[e]) for e in ids)))


def main():
    for make in (gerrit, hazelcast, superset, boundary, cyrus, metabase):
        make().write()
    for system in SYSTEMS:
        check(system)
    print("self-check passed")


if __name__ == "__main__":
    main()
