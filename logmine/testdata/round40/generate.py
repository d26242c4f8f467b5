#!/usr/bin/env python3
"""Round 40 blind labelled log corpus generator.

Python 3 standard library only, fully deterministic: no wall clock, no locale.
Base seed 20270136; system k (1..6) uses random.Random(20270136*10 + k).
All time comes from an integer nanosecond clock counted from 2026-03-14 00:00:00 UTC.
Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv for
every system and then re-reads and self-checks them.
"""
import csv
import os
import re
import statistics
import sys
import random

BASE_SEED = 20270136
N_LINES = 300
OUT = os.path.dirname(os.path.abspath(__file__))
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, DAY = 2026, 3, 14
SEC = 10 ** 9
MS = 10 ** 6
EPOCH_DAY_S = 1773446400  # 2026-03-14T00:00:00Z in Unix seconds (fixed constant)


# ---------------------------------------------------------------- clock ----
def parts(ns):
    assert 0 <= ns < 86400 * SEC, "clock left 2026-03-14"
    s = ns // SEC
    return (YEAR, MONTH, DAY, s // 3600, (s // 60) % 60, s % 60, (ns // MS) % 1000)


def ts_iso_ms_comma(ns, sep=" "):
    y, mo, d, h, mi, s, ms = parts(ns)
    return "%04d-%02d-%02d%s%02d:%02d:%02d,%03d" % (y, mo, d, sep, h, mi, s, ms)


def epoch_ms(ns):
    return EPOCH_DAY_S * 1000 + ns // MS


# --------------------------------------------------------------- model -----
class Ev:
    def __init__(self, level, tpl, gen=None, count=0, **meta):
        self.level = level
        self.tpl = tpl
        self.gen = gen
        self.count = count
        self.meta = meta
        self.nslots = tpl.count("<*>")
        self.eid = None

    def fill(self, vals):
        vals = [str(v) for v in vals]
        assert len(vals) == self.nslots, (self.tpl, vals)
        pieces = self.tpl.split("<*>")
        out = pieces[0]
        for v, p in zip(vals, pieces[1:]):
            assert v, (self.tpl, vals)
            assert "\n" not in v and "\r" not in v
            out += v + p
        return out


class Ctx:
    def __init__(self, k):
        self.r = random.Random(BASE_SEED * 10 + k)
        self.cnt = {}

    def cy(self, key, pool):
        """Cycle through a small pool per (event, slot) key."""
        i = self.cnt.get(key, 0)
        self.cnt[key] = i + 1
        return pool[i % len(pool)]

    def hexs(self, n):
        return "".join(self.r.choice("0123456789abcdef") for _ in range(n))

    def alnum(self, n, alphabet="ABCDEFGHJKMNPQRSTUVWXYZ23456789"):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def uuid(self):
        h = self.hexs(32)
        return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16],
                                       self.r.choice("89ab"), h[17:20], h[20:32])

    def ip(self, prefix):
        return "%s.%d" % (prefix, self.r.randint(2, 250))

    def gap(self, mean_s, min_ms=1):
        return int(self.r.expovariate(1.0 / mean_s) * SEC) + min_ms * MS


def shuffle_records(ctx, events, start_ns, mean_gap_s):
    order = []
    for i, ev in enumerate(events):
        order += [i] * ev.count
    assert len(order) == N_LINES, (len(order), [e.count for e in events])
    ctx.r.shuffle(order)
    t = start_ns
    recs = []
    for i in order:
        t += ctx.gap(mean_gap_s)
        recs.append((t, i, events[i].gen(ctx)))
    return recs


class Sim:
    """Collects (time, seq, event index, values, extra) records from simulated entities."""

    def __init__(self, names):
        self.names = names
        self.recs = []
        self.seq = 0

    def emit(self, t, name, vals, **extra):
        self.seq += 1
        self.recs.append((t, self.seq, self.names[name], vals, extra))

    def first(self, n=N_LINES):
        self.recs.sort(key=lambda x: (x[0], x[1]))
        return self.recs[:n]


# ======================================================= 1. Zeppelin =======
def zeppelin():
    k = 1
    c = Ctx(k)
    NOTES = ["2JQ3W5ZXK", "2HX8RT4MV", "2KCN7PBWQ", "2GZ5YE9HD", "2MTA6SUFJ"]
    NOTE_PATHS = ["Sales/Daily Revenue_2JQ3W5ZXK.zpln", "Ops/Kafka Lag Check_2HX8RT4MV.zpln",
                  "Users/alice.k/scratch_2KCN7PBWQ.zpln", "ETL/Backfill orders 2026_2GZ5YE9HD.zpln",
                  "Tutorial/Spark Basics_2MTA6SUFJ.zpln"]
    USERS = ["anonymous", "alice.k", "dmitri", "priya.n", "etl-bot"]
    INTERP = ["org.apache.zeppelin.spark.SparkInterpreter", "org.apache.zeppelin.markdown.Markdown",
              "org.apache.zeppelin.jdbc.JDBCInterpreter", "org.apache.zeppelin.spark.SparkSqlInterpreter",
              "org.apache.zeppelin.python.IPythonInterpreter", "org.apache.zeppelin.shell.ShellInterpreter"]
    GROUPS = ["spark-shared_process", "md-shared_process", "jdbc-alice.k", "python-2KCN7PBWQ",
              "sh-shared_process", "spark-dmitri"]
    SCHED = ["RemoteInterpreter-spark-shared_process-shared_session",
             "RemoteInterpreter-md-shared_process-shared_session",
             "RemoteInterpreter-jdbc-alice.k-alice.k",
             "RemoteInterpreter-sh-shared_process-2GZ5YE9HD"]
    SESS = ["shared_session", "2JQ3W5ZXK", "alice.k", "dmitri"]
    CLIENTS = ["10.40.7.21", "10.40.7.88", "172.16.4.19", "10.40.9.3"]

    def para():
        return "paragraph_%d_%d" % (epoch_ms(c.r.randint(0, 9 * 3600) * SEC) - c.r.randint(10 ** 6, 9 * 10 ** 8),
                                    c.r.randint(10 ** 8, 2 * 10 ** 9))

    def conn():
        return "%s:%d" % (c.r.choice(CLIENTS), c.r.randint(40000, 65000))

    evs = [
        Ev(" INFO", "New connection from <*>", lambda c: [conn()], 40,
           src="NotebookServer.java[onOpen]:386", th="qtp"),
        Ev(" INFO", "Closed connection to <*> (<*>) <*>",
           lambda c: [conn(), c.cy("E2.code", ["1001", "1000", "1006"]),
                      c.cy("E2.reason", ["null", "Idle Timeout", "null", "Disconnected"])], 35,
           src="NotebookServer.java[onClose]:472", th="qtp"),
        Ev(" INFO", "Run paragraph [paragraph_id: <*>, interpreter: <*>, note_id: <*>, user: <*>]",
           lambda c: [para(), c.cy("E3.i", INTERP), c.cy("E3.n", NOTES), c.cy("E3.u", USERS)], 30,
           src="Paragraph.java[jobRun]:452", th="sched"),
        Ev(" INFO", "Job <*> started by scheduler <*>",
           lambda c: [para(), c.cy("E4.s", SCHED)], 70,
           src="AbstractScheduler.java[runJob]:127", th="sched"),
        Ev(" INFO", "Job <*> finished by scheduler <*> with status <*>",
           lambda c: [para(), c.cy("E5.s", SCHED), c.cy("E5.st", ["FINISHED", "FINISHED", "ERROR", "FINISHED", "ABORT"])], 25,
           src="AbstractScheduler.java[runJob]:154", th="sched"),
        Ev(" INFO", "Interpreter <*> created for user: <*>, sessionId: <*>",
           lambda c: [c.cy("E6.i", INTERP), c.cy("E6.u", USERS), c.cy("E6.s", SESS)], 18,
           src="InterpreterSetting.java[createInterpreters]:869", th="qtp"),
        Ev(" INFO", "Create InterpreterProcess for InterpreterGroup: <*>",
           lambda c: [c.cy("E7.g", GROUPS)], 12,
           src="ManagedInterpreterGroup.java[getOrCreateInterpreterProcess]:66", th="sched"),
        Ev(" INFO", "Run interpreter process: [/opt/zeppelin/bin/interpreter.sh, -d, <*>, -c, 10.40.2.15, -p, <*>, -r, :, -i, <*>, -l, <*>, -g, <*>]",
           lambda c: (lambda n: ["/opt/zeppelin/interpreter/" + n, str(c.r.randint(34000, 46000)),
                                 c.cy("E8.g", GROUPS), "/opt/zeppelin/local-repo/" + n, n])(c.cy("E8.n", ["spark", "md", "jdbc", "python", "sh"])), 10,
           src="ExecRemoteInterpreterProcess.java[start]:93", th="sched"),
        Ev(" INFO", "Register interpreter process: <*>, interpreterGroup: <*>",
           lambda c: ["10.40.2.15:%d" % c.r.randint(34000, 46000), c.cy("E9.g", GROUPS)], 8,
           src="RemoteInterpreterEventServer.java[registerInterpreterProcess]:193", th="pool"),
        Ev(" INFO", "Process state is transitioned to <*>",
           lambda c: [c.cy("E10.s", ["LAUNCHED", "RUNNING", "COMPLETED", "TERMINATED"])], 22,
           src="ProcessLauncher.java[transition]:109", th="exec"),
        Ev(" INFO", "Save Interpreter Setting to /opt/zeppelin/conf/interpreter.json",
           lambda c: [], 5,
           src="LocalConfigStorage.java[save]:73", th="qtp"),
        Ev(" INFO", "Close InterpreterGroup: <*>",
           lambda c: [c.cy("E12.g", GROUPS)], 6,
           src="ManagedInterpreterGroup.java[close]:115", th="qtp"),
        Ev("ERROR", "Job failed: <*>",
           lambda c: [c.cy("E13.e", ["org.apache.zeppelin.interpreter.InterpreterException: Fail to open SparkInterpreter",
                                      "java.lang.OutOfMemoryError: Java heap space",
                                      "org.apache.thrift.transport.TTransportException: java.net.SocketException: Connection reset",
                                      "java.sql.SQLException: Communications link failure"])], 4,
           src="Job.java[run]:212", th="sched"),
        Ev(" INFO", "Saving note <*> to <*>",
           lambda c: (lambda i: [NOTES[i], NOTE_PATHS[i]])(c.cy("E14.n", [0, 1, 2, 3, 4])), 15,
           src="VFSNotebookRepo.java[save]:146", th="qtp"),
    ]

    def header(ns, ev, extra):
        th = ev.meta["th"]
        if th == "qtp":
            t = "qtp1783617230-%d" % c.r.choice([14, 15, 17, 22, 23, 31, 48])
        elif th == "sched":
            t = c.r.choice(["FIFOScheduler-interpreter_1406542571-Worker-1",
                            "ParallelScheduler-Worker-2", "ParallelScheduler-Worker-5",
                            "FIFOScheduler-interpreter_873210034-Worker-1"])
        elif th == "pool":
            t = "pool-%d-thread-%d" % (c.r.choice([6, 9]), c.r.randint(1, 4))
        else:
            t = "Exec Default Executor"
        src = ev.meta["src"]
        return "%s [%s] ({%s} %s) - " % (ev.level, ts_iso_ms_comma(ns), t, src)

    recs = shuffle_records(c, evs, 9 * 3600 * SEC + 1234 * MS, 14.0)
    return dict(name="Zeppelin", k=k, events=evs, header=header,
                recs=[(t, i, v, {}) for t, i, v in recs],
                header_re=r"(?: INFO| WARN|ERROR|DEBUG) \[(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3})\] "
                          r"\(\{[^{}]+\} [A-Za-z0-9]+\.java\[[A-Za-z0-9_$]+\]:\d+\) - ")


# ======================================================= 2. ApmServer ======
def apmserver():
    k = 2
    c = Ctx(k)
    AGENTS = ["apm-agent-java/1.49.0 (order-service 2.3.1)", "apm-agent-python/6.21.3 (billing-api)",
              "apm-agent-nodejs/4.5.0 (checkout-web 1.8.0)", "elasticapm-go/2.5.0 go/go1.22.1",
              "apm-agent-dotnet/1.27.1 (inventory-svc)"]
    RUM_UA = ["Mozilla/5.0 (X11; Linux x86_64; rv:124.0) Gecko/20100101 Firefox/124.0",
              "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15"]
    NETS = ["10.60.4", "10.60.5", "10.61.12", "192.168.30"]
    ES = ["https://es-hot-01.obs.internal:9200", "https://es-hot-02.obs.internal:9200",
          "https://es-hot-03.obs.internal:9200"]
    SVC = '"service.name":"apm-server"'
    TAIL = ',"ecs.version":"1.6.0"}'

    def src():
        return c.ip(c.r.choice(NETS))

    def dur(lo, hi):
        return str(c.r.randint(lo, hi))

    def req_tpl(msg, url, method, code, err=None):
        s = ('"message":"%s",%s,"url.original":"%s","http.request.method":"%s",'
             '"user_agent.original":"<*>","source.address":"<*>","http.request.id":"<*>",'
             '"event.duration":<*>,"http.response.status_code":%s') % (msg, SVC, url, method, code)
        if err is not None:
            s += ',"error.message":"%s"' % err
        return s + TAIL

    VALIDATION = ["decode error: data read error: v2.transactionRoot.Transaction: v2.transaction.Duration: ReadFloat64: unexpected character",
                  "validation error: 'metadata' required",
                  "validation error: 'span' required: 'trace_id' required",
                  "decode error: data read error: unexpected EOF"]
    AUTH = ["authentication failed: missing or improperly formatted Authorization header",
            "authentication failed: invalid API Key",
            "authentication failed: invalid secret token"]
    LOGMW = dict(lg="request", org="middleware/log_middleware.go", ln=58)
    LOGMWE = dict(lg="request", org="middleware/log_middleware.go", ln=54)
    PUB = dict(lg="publisher_pipeline_output", org="pipeline/client_worker.go")

    def esfail(c):
        i = c.cy("E10.h", [0, 1, 2])
        e = c.cy("E10.e", ["dial tcp %s:9200: connect: connection refused", "dial tcp %s:9200: i/o timeout",
                           "401 Unauthorized: security_exception: unable to authenticate user [apm_writer]"])
        return [ES[i], e.replace("%s", "10.60.1.%d" % (21 + i))]

    def metrics(c):
        sp, tx = c.r.randint(800, 24000), c.r.randint(90, 3100)
        acc, ok = c.r.randint(40, 900), c.r.randint(3, 60)
        act, bat = c.cy("E7.act", [0, 50, 0, 128, 1600]), c.r.randint(2, 60)
        return [sp, tx, acc + ok, acc + ok, acc, ok, sp + tx, act, bat, sp + tx + act]

    evs = [
        Ev("info", req_tpl("request accepted", "<*>", "POST", "202"),
           lambda c: [c.cy("E1.u", ["/intake/v2/events", "/intake/v2/events", "/intake/v2/rum/events"]),
                      c.cy("E1.a", AGENTS + RUM_UA), src(), c.uuid(), dur(180000, 48000000)], 75, **LOGMW),
        Ev("info", req_tpl("request ok", "<*>", "<*>", "200"),
           lambda c: [c.cy("E2.u", ["/config/v1/agents", "/", "/config/v1/agents"]),
                      c.cy("E2.m", ["GET", "GET", "POST"]), c.cy("E2.a", AGENTS), src(), c.uuid(),
                      dur(90000, 9000000)], 42, **LOGMW),
        Ev("info", req_tpl("not modified", "/config/v1/agents", "GET", "304"),
           lambda c: [c.cy("E3.a", AGENTS), src(), c.uuid(), dur(60000, 2500000)], 35, **LOGMW),
        Ev("error", req_tpl("data validation error", "<*>", "POST", "400", "<*>"),
           lambda c: [c.cy("E4.u", ["/intake/v2/events", "/intake/v2/rum/events"]),
                      c.cy("E4.a", AGENTS[:3] + RUM_UA[:1]), src(), c.uuid(), dur(200000, 9000000),
                      c.cy("E4.e", VALIDATION)], 12, **LOGMWE),
        Ev("error", req_tpl("unauthorized", "<*>", "<*>", "401", "<*>"),
           lambda c: [c.cy("E5.u", ["/intake/v2/events", "/config/v1/agents"]), c.cy("E5.m", ["POST", "GET"]),
                      c.cy("E5.a", AGENTS), src(), c.uuid(), dur(30000, 900000), c.cy("E5.e", AUTH)], 8, **LOGMWE),
        Ev("error", req_tpl("too many requests", "/intake/v2/rum/events", "POST", "429", "rate limit exceeded"),
           lambda c: [c.cy("E6.a", RUM_UA), src(), c.uuid(), dur(20000, 300000)], 5, **LOGMWE),
        Ev("info", '"message":"Non-zero metrics in the last 30s",' + SVC + ',"monitoring":{"metrics":'
                   '{"apm-server":{"processor":{"span":{"transformations":<*>},"transaction":{"transformations":<*>}},'
                   '"server":{"request":{"count":<*>},"response":{"count":<*>,"valid":{"accepted":<*>,"ok":<*>}}}},'
                   '"libbeat":{"output":{"events":{"acked":<*>,"active":<*>,"batches":<*>,"total":<*>}}}}}' + TAIL,
           metrics, 30, lg="monitoring", org="log/log.go", ln=186),
        Ev("info", '"message":"Connecting to backoff(elasticsearch(<*>))",' + SVC + TAIL,
           lambda c: [c.cy("E8.h", ES)], 10, ln=139, **PUB),
        Ev("info", '"message":"Connection to backoff(elasticsearch(<*>)) established",' + SVC + TAIL,
           lambda c: [c.cy("E9.h", ES)], 18, ln=147, **PUB),
        Ev("error", '"message":"Failed to connect to backoff(elasticsearch(<*>)): <*>",' + SVC + TAIL,
           esfail, 22, ln=150, **PUB),
        Ev("info", '"message":"refreshed agent config cache",' + SVC + ',"agentcfg.entries":<*>,"event.duration":<*>' + TAIL,
           lambda c: [c.r.randint(3, 41), c.r.randint(900000, 95000000)], 25,
           lg="agentcfg", org="agentcfg/elasticsearch.go", ln=211),
        Ev("warn", '"message":"failed to refresh agent config cache",' + SVC + ',"error.message":"<*>"' + TAIL,
           lambda c: [c.cy("E12.e", ["search_phase_execution_exception: all shards failed",
                                     "context deadline exceeded",
                                     "index_not_found_exception: no such index [.apm-agent-configuration]"])], 15,
           lg="agentcfg", org="agentcfg/elasticsearch.go", ln=166),
        Ev("info", '"message":"Starting apm-server [<*>] built <*> +0000 UTC. Hit CTRL-C to stop it.",' + SVC + TAIL,
           lambda c: c.cy("E13.b", [["4f1c9e2a7b", "2026-02-26 09:14:55"], ["b83d0e6c51", "2026-03-09 17:02:31"]]), 3,
           lg="beater", org="beater/beater.go", ln=124),
    ]

    def header(ns, ev, extra):
        y, mo, d, h, mi, s, ms = parts(ns)
        return ('{"log.level":"%s","@timestamp":"%04d-%02d-%02dT%02d:%02d:%02d.%03dZ","log.logger":"%s",'
                '"log.origin":{"file.name":"%s","file.line":%d},') % (
            ev.level, y, mo, d, h, mi, s, ms, ev.meta["lg"], ev.meta["org"], ev.meta["ln"])

    recs = shuffle_records(c, evs, 11 * 3600 * SEC + 407 * MS, 3.5)
    return dict(name="ApmServer", k=k, events=evs, header=header,
                recs=[(t, i, v, {}) for t, i, v in recs],
                header_re=r'\{"log\.level":"(?:debug|info|warn|error)","@timestamp":"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})Z",'
                          r'"log\.logger":"[a-z_]+","log\.origin":\{"file\.name":"[a-z_/]+\.go","file\.line":\d+\},')


# ======================================================= 3. UnifiNetwork ===
def unifinetwork():
    """Simulation: UniFi devices (adopted and newly adopted) each on their own clock."""
    k = 3
    c = Ctx(k)
    evs = [
        Ev("INFO", "from [<*>](<*>, <*>, <*>): state=<*>, last_inform=<*>, ext/stun_ip=<*>, dev_ip=<*>, up=<*>",
           lg="inform", th="inform"),
        Ev("INFO", "device <*> (<*>) discovered at <*>, firmware <*>", lg="dev", th="discover"),
        Ev("INFO", "dev[<*>] adoption requested by admin <*>", lg="dev", th="webapi"),
        Ev("INFO", "dev[<*>] state change <*> -> <*>", lg="dev", th="devmgr"),
        Ev("INFO", "dev[<*>] provisioned (cfgversion=<*>) in <*>", lg="dev", th="devmgr"),
        Ev("WARN", "dev[<*>] provision failed: <*>", lg="dev", th="devmgr"),
        Ev("INFO", "device <*> websocket connected from <*>", lg="ws", th="ws"),
        Ev("INFO", "device <*> websocket closed: <*>", lg="ws", th="ws"),
        Ev("INFO", "<*>[<*>] was connected", lg="event", th="event"),
        Ev("INFO", "<*>[<*>] was disconnected", lg="event", th="event"),
        Ev("INFO", "dev[<*>] upgrade to <*> requested by <*>", lg="dev", th="webapi"),
        Ev("INFO", "dev[<*>] was upgraded from <*> to <*>", lg="dev", th="devmgr"),
        Ev("WARN", "dev[<*>] heartbeat missed, last seen <*> ago", lg="dev", th="devmgr"),
        Ev("INFO", "stat aggregation for <*> devices finished in <*>", lg="stat", th="stat"),
    ]
    names = ["inform", "discover", "adopt", "state", "prov", "provfail", "wsconn", "wsclose",
             "evconn", "evdisc", "upgreq", "upgraded", "hbmiss", "stat"]
    sim = Sim(dict((n, i) for i, n in enumerate(names)))
    ADMINS = ["netadmin", "j.okafor", "lena.b"]
    KIND = {"U6LR": "AP", "UAL6": "AP", "U7PG2": "AP", "USL8LP": "Switch", "US24P250": "Switch",
            "UDMPRO": "Gateway", "UXGPRO": "Gateway"}
    FW = {"AP": ["6.5.62.14789", "6.6.55.15189"], "Switch": ["6.5.59.14777", "6.6.61.15220"],
          "Gateway": ["3.2.12.9864", "4.0.6.10207"]}
    spec = [  # name, model, site net (None=local), is_new
        ("ap-lobby", "U6LR", None, False), ("ap-warehouse-2", "UAL6", None, False),
        ("ap-conf-3a", "U7PG2", None, False), ("sw-core-01", "US24P250", None, False),
        ("sw-floor3", "USL8LP", None, False), ("gw-main", "UDMPRO", None, False),
        ("ap-branch-kitchen", "UAL6", "203.0.113.58", False), ("sw-branch-01", "USL8LP", "203.0.113.58", False),
        ("ap-yard", "U6LR", None, False), ("ap-lab-east", "UAL6", None, False),
        ("ap-mezzanine", "U6LR", None, True), ("sw-lab-02", "USL8LP", None, True),
        ("ap-dock-5", "UAL6", "198.51.100.23", True), ("uxg-dr-site", "UXGPRO", "198.51.100.23", True),
    ]
    OUIS = ["fc:ec:da", "78:8a:20", "74:83:c2", "e0:63:da", "24:5a:4c", "68:d7:9a", "f4:92:bf", "d0:21:f9"]
    devs = []
    for i, (name, model, ext, new) in enumerate(spec):
        kind = KIND[model]
        mac = OUIS[i % len(OUIS)] + ":" + ":".join(c.hexs(2) for _ in range(3))
        ip = "10.12.%d.%d" % ({"AP": 20, "Switch": 10, "Gateway": 1}[kind], c.r.randint(2, 240)) if ext is None \
            else "192.168.%d.%d" % (40 + i % 3, c.r.randint(2, 200))
        fw = FW[kind][0 if i % 3 else 1]
        devs.append(dict(name=name, model=model, kind=kind, mac=mac, ip=ip, ext=ext or ip, fw=fw, new=new,
                         up=c.r.randint(3600, 40 * 86400), cfg=c.r.randint(10 ** 9, 9 * 10 ** 9)))
    T0 = 8 * 3600 * SEC + 17 * SEC + 301 * MS
    T_END = T0 + 90 * 60 * SEC
    INT = 240 * SEC
    ms = lambda a, b: c.r.randint(a, b) * MS

    def dur_txt(msv):
        return "%dms" % msv if msv < 1000 else "%.1fs" % (msv / 1000.0)

    def wsport(d):
        return "%s:%d" % (d["ext"], c.r.randint(32768, 60999))

    def provision(t, d, fail):
        if fail:
            t += ms(2000, 9000)
            sim.emit(t, "provfail", [d["mac"], c.cy("provfail.e", [
                "timeout waiting for device ack", "device busy, retrying", "config payload rejected (cfgversion mismatch)"])])
            t += ms(8000, 20000)
        t += ms(900, 6000)
        d["cfg"] += c.r.randint(1, 999)
        sim.emit(t, "prov", [d["mac"], "%x" % d["cfg"], dur_txt(c.r.randint(180, 4200))])
        t += ms(5, 60)
        sim.emit(t, "state", [d["mac"], "PROVISIONING", "CONNECTED"])
        return t

    def inform(t, d, state, last):
        sim.emit(t, "inform", [d["mac"], d["name"], d["model"], d["fw"], state, str(last), d["ext"], d["ip"],
                               str(d["up"])])

    # incident schedule (minutes after T0) for the already adopted devices
    incidents = {0: [(9.5, "upg")], 3: [(2.5, "hb")], 5: [(6.0, "prov"), (16, "upg")], 6: [(11.0, "hb")],
                 7: [(4.0, "prov")], 8: [(13.0, "upg")], 2: [(7.5, "hb"), (18.0, "prov")], 9: [(15.5, "hb")],
                 1: [(20.0, "upg")], 4: [(21.0, "hb")]}
    new_at = {10: 1.5, 11: 5.0, 12: 8.5, 13: 12.0}
    fail_cycle = [True, False, False, True, False, True]
    fi = [0]

    def nextfail():
        fi[0] += 1
        return fail_cycle[fi[0] % len(fail_cycle)]

    for idx, d in enumerate(devs):
        if d["new"]:
            t = T0 + int(new_at[idx] * 120 * SEC)
            d["up"] = c.r.randint(40, 300)
            sim.emit(t, "discover", [d["mac"], d["model"], d["ip"], d["fw"]])
            t += ms(20000, 90000)
            sim.emit(t, "adopt", [d["mac"], c.cy("adopt.a", ADMINS)])
            t += ms(10, 80)
            sim.emit(t, "state", [d["mac"], "PENDING", "ADOPTING"])
            t += ms(5000, 15000)
            sim.emit(t, "wsconn", [d["mac"], wsport(d)])
            t += ms(300, 1500)
            sim.emit(t, "state", [d["mac"], "ADOPTING", "PROVISIONING"])
            t += ms(1000, 4000)
            inform(t, d, "PROVISIONING", c.r.randint(1, 9))
            t = provision(t, d, nextfail())
            t += ms(20, 200)
            sim.emit(t, "evconn", [d["kind"], d["name"]])
            incs = []
        else:
            t = T0 + c.r.randint(0, 239 * 1000) * MS
            incs = [(T0 + int(m * 120 * SEC), kind) for m, kind in incidents.get(idx, [])]
        last_t = t - INT
        while t < T_END:
            if incs and t >= incs[0][0]:
                kind = incs.pop(0)[1]
                if kind == "hb":
                    gone = c.r.randint(150, 330)
                    sim.emit(t, "hbmiss", [d["mac"], "%ds" % c.r.randint(95, 190)])
                    t += ms(2, 40)
                    sim.emit(t, "state", [d["mac"], "CONNECTED", "DISCONNECTED"])
                    t += ms(2, 40)
                    sim.emit(t, "evdisc", [d["kind"], d["name"]])
                    t += ms(100, 900)
                    sim.emit(t, "wsclose", [d["mac"], c.cy("wsclose.hb", ["ping timeout", "connection reset by peer"])])
                    t += gone * SEC
                    d["up"] = c.r.randint(30, 200)
                    sim.emit(t, "wsconn", [d["mac"], wsport(d)])
                    t += ms(200, 1200)
                    sim.emit(t, "state", [d["mac"], "DISCONNECTED", "CONNECTED"])
                    t += ms(2, 40)
                    sim.emit(t, "evconn", [d["kind"], d["name"]])
                elif kind == "upg":
                    old = d["fw"]
                    new = [f for f in FW[d["kind"]] if f != old][0]
                    sim.emit(t, "upgreq", [d["mac"], new, c.cy("upg.a", ADMINS)])
                    t += ms(50, 400)
                    sim.emit(t, "state", [d["mac"], "CONNECTED", "UPGRADING"])
                    t += ms(30000, 70000)
                    sim.emit(t, "wsclose", [d["mac"], c.cy("wsclose.up", ["device rebooting", "going away"])])
                    t += ms(5, 50)
                    sim.emit(t, "evdisc", [d["kind"], d["name"]])
                    t += ms(90000, 170000)
                    d["fw"] = new
                    d["up"] = c.r.randint(40, 90)
                    sim.emit(t, "wsconn", [d["mac"], wsport(d)])
                    t += ms(300, 2000)
                    sim.emit(t, "state", [d["mac"], "UPGRADING", "PROVISIONING"])
                    t += ms(10, 90)
                    sim.emit(t, "upgraded", [d["mac"], old, new])
                    t = provision(t, d, False)
                    t += ms(10, 90)
                    sim.emit(t, "evconn", [d["kind"], d["name"]])
                else:  # reprovision after a config change
                    sim.emit(t, "state", [d["mac"], "CONNECTED", "PROVISIONING"])
                    t += ms(500, 3000)
                    inform(t, d, "PROVISIONING", (t - last_t) // SEC)
                    last_t = t
                    t = provision(t, d, nextfail())
                t += ms(3000, 12000)
                last_t = t - INT
                continue
            inform(t, d, "CONNECTED", max(1, (t - last_t) // SEC))
            step = INT + c.r.randint(-4000, 4000) * MS
            d["up"] += step // SEC
            last_t = t
            t += step
    # statistics aggregator
    t = T0 + 41 * SEC + 112 * MS
    n = 10
    while t < T_END:
        sim.emit(t, "stat", [str(n), "%dms" % c.r.randint(120, 980) if n % 2 else "%.1fs" % (c.r.randint(11, 48) / 10.0)])
        n = min(14, n + 1)
        t += 5 * 60 * SEC + c.r.randint(0, 900) * MS

    def header(ns, ev, extra):
        th = ev.meta["th"]
        if th in ("inform", "webapi", "ws"):
            th = {"inform": "inform", "webapi": "webapi", "ws": "device-ws"}[th] + "-%d" % c.r.randint(1, 8)
        elif th == "event":
            th = "EventProcessor"
        elif th == "stat":
            th = "stat-aggregator"
        y, mo, d, h, mi, s, msv = parts(ns)
        return "[%04d-%02d-%02dT%02d:%02d:%02d,%03d] <%s> %-5s %-6s - " % (y, mo, d, h, mi, s, msv, th,
                                                                            ev.level, ev.meta["lg"])

    recs = [(t, i, v, x) for t, _, i, v, x in sim.first()]
    return dict(name="UnifiNetwork", k=k, events=evs, header=header, recs=recs,
                header_re=r"\[(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d,\d{3})\] <[A-Za-z0-9_-]+> "
                          r"(?:INFO |WARN |ERROR|DEBUG) [a-z]+ * - ")


# ======================================================= 4. Openfire =======
def openfire():
    k = 4
    c = Ctx(k)
    DOM = "xmpp.corp-example.net"
    USERS = ["m.haddad", "svetlana", "jpark", "ops-alerts", "r.fontaine", "kiosk-07"]
    RES = ["Conversations.x1Qa", "gajim.4F2B9C11", "Pidgin", "spark_7c1e", "mobile-3391"]
    REMOTE = ["jabber.example-partner.org", "chat.fabrikam-labs.io", "xmpp.northwind.test", "im.contoso-example.com"]
    ROOMS = ["noc", "release-train", "helpdesk", "coffee", "incident-2026-0314"]
    NETS = ["10.80.3", "10.80.14", "172.20.1", "100.71.8"]
    PLUGINS = ["restapi", "monitoring", "search", "presence", "userservice", "packetfilter"]

    def sid():
        return "%s" % c.alnum(10, "abcdefghijklmnopqrstuvwxyz0123456789")

    def jid():
        return "%s@%s/%s" % (c.cy("jid.u", USERS), DOM, c.cy("jid.r", RES))

    def cip():
        return c.ip(c.r.choice(NETS))

    C2S = "org.jivesoftware.openfire.session.LocalClientSession"
    evs = [
        Ev("INFO", "Client session <*> created for <*> from <*>",
           lambda c: [sid(), jid(), cip()], 70, cls=C2S, th="c2s"),
        Ev("INFO", "Client session <*> for <*> closed: <*>",
           lambda c: [sid(), jid(), c.cy("E2.r", ["stream closed by client", "idle timeout", "connection reset by peer",
                                                  "stream closed by client", "replaced by new connection"])], 40,
           cls="org.jivesoftware.openfire.SessionManager", th="c2s"),
        Ev("INFO", "User <*> joined room <*> as \"<*>\"",
           lambda c: (lambda u: ["%s@%s" % (u, DOM), "%s@conference.%s" % (c.cy("E3.room", ROOMS), DOM),
                                 u.split(".")[-1].capitalize()])(c.cy("E3.u", USERS)), 35,
           cls="org.jivesoftware.openfire.muc.spi.LocalMUCRoom", th="c2s"),
        Ev("INFO", "User <*> left room <*>",
           lambda c: ["%s@%s" % (c.cy("E4.u", USERS), DOM), "%s@conference.%s" % (c.cy("E4.room", ROOMS), DOM)], 30,
           cls="org.jivesoftware.openfire.muc.spi.LocalMUCRoom", th="c2s"),
        Ev("INFO", "Outgoing server session from <*> to <*> established using <*>",
           lambda c: [c.cy("E5.f", [DOM, "conference." + DOM]), c.cy("E5.t", REMOTE),
                      c.cy("E5.m", ["SASL EXTERNAL", "dialback", "SASL EXTERNAL"])], 15,
           cls="org.jivesoftware.openfire.session.LocalOutgoingServerSession", th="s2s"),
        Ev("INFO", "Incoming server session from <*> established, stream <*>",
           lambda c: [c.cy("E6.f", REMOTE), c.uuid()], 12,
           cls="org.jivesoftware.openfire.session.LocalIncomingServerSession", th="s2s"),
        Ev("WARN", "Unable to connect to remote server <*>:<*>: <*>",
           lambda c: [c.cy("E7.h", ["xmpp.northwind.test", "im.contoso-example.com", "talk.oldpartner.example"]),
                      c.cy("E7.p", ["5269", "5269", "5270"]),
                      c.cy("E7.e", ["Connection refused", "connect timed out", "No route to host",
                                    "Certificate does not match domain"])], 10,
           cls="org.jivesoftware.openfire.server.ServerDialback", th="s2s"),
        Ev("WARN", "Closing connection due to exception in session: (<*>: nio socket, server, <*> => <*>)",
           lambda c: ["0x%08X" % c.r.randint(0x100, 0xFFFF), "/%s:%d" % (cip(), c.r.randint(40000, 64000)),
                      c.cy("E8.l", ["/10.80.0.5:5222", "/10.80.0.5:5223"])], 22,
           cls="org.jivesoftware.openfire.nio.ConnectionHandler", th="nio"),
        Ev("WARN", "SASL authentication failed for <*> from <*> using <*>",
           lambda c: [c.cy("E9.u", ["kiosk-07", "admin", "jpark", "test"]), cip(),
                      c.cy("E9.m", ["PLAIN", "SCRAM-SHA-1", "PLAIN"])], 18,
           cls="org.jivesoftware.openfire.net.SASLAuthentication", th="c2s"),
        Ev("INFO", "Successfully loaded plugin '<*>'.",
           lambda c: [c.cy("E10.p", PLUGINS)], 8,
           cls="org.jivesoftware.openfire.container.PluginManager", th="plugin"),
        Ev("INFO", "Successfully unloaded plugin '<*>'.",
           lambda c: [c.cy("E11.p", PLUGINS[::-1])], 5,
           cls="org.jivesoftware.openfire.container.PluginManager", th="plugin"),
        Ev("INFO", "Removed <*> empty rooms from service '<*>' in <*>",
           lambda c: [c.r.randint(1, 14), c.cy("E12.s", ["conference", "muc-archive"]), "%dms" % c.r.randint(3, 420)], 6,
           cls="org.jivesoftware.openfire.muc.spi.MultiUserChatServiceImpl", th="task"),
        Ev("ERROR", "Unable to get a connection from the pool: <*>",
           lambda c: [c.cy("E13.e", ["Timeout waiting for idle object", "Connection refused (Connection refused)",
                                     "FATAL: remaining connection slots are reserved for non-replication superuser connections"])], 4,
           cls="org.jivesoftware.database.DbConnectionManager", th="task"),
        Ev("INFO", "Flushed <*> pending items to database in <*>",
           lambda c: [c.r.randint(1, 380), "%dms" % c.r.randint(2, 900)], 25,
           cls="org.jivesoftware.openfire.pubsub.PubSubPersistenceProviderManager", th="task"),
    ]

    def header(ns, ev, extra):
        th = ev.meta["th"]
        th = {"c2s": "socket_c2s-thread-%d" % c.r.randint(2, 17),
              "s2s": "socket_s2s-thread-%d" % c.r.randint(1, 6),
              "nio": "NioProcessor-%d" % c.r.randint(1, 8),
              "plugin": "PluginMonitorExec-%d" % c.r.randint(1, 3),
              "task": "TaskEngine-pool-%d" % c.r.randint(0, 9)}[th]
        y, mo, d, h, mi, s, msv = parts(ns)
        return "%04d.%02d.%02d %02d:%02d:%02d.%03d %-5s [%s]: %s - " % (y, mo, d, h, mi, s, msv, ev.level, th,
                                                                        ev.meta["cls"])

    recs = shuffle_records(c, evs, 13 * 3600 * SEC + 5022 * MS, 9.0)
    return dict(name="Openfire", k=k, events=evs, header=header,
                recs=[(t, i, v, {}) for t, i, v in recs],
                header_re=r"(?P<ts>\d{4}\.\d\d\.\d\d \d\d:\d\d:\d\d\.\d{3}) (?:INFO |WARN |ERROR|DEBUG|TRACE) "
                          r"\[[^\]]+\]: [a-z]+(?:\.[A-Za-z0-9_$]+)+ - ")


# ======================================================= 5. Sabnzbd ========
def sabnzbd():
    """Simulation: NZB jobs (grab, download, post-process) plus server connection threads."""
    k = 5
    c = Ctx(k)
    evs = [
        Ev("INFO", "Grabbing URL <*>", mod="urlgrabber:134"),
        Ev("INFO", "Adding NZB \"<*>\" (<*> files, <*>) to queue at priority <*>", mod="nzbqueue:251"),
        Ev("INFO", "Creating directories: <*>", mod="filesystem:612"),
        Ev("INFO", "Thread <*>@<*>: Article <*> missing (error=430)", mod="downloader:807"),
        Ev("INFO", "Thread <*>@<*>: Initiating connection", mod="newswrapper:192"),
        Ev("INFO", "Thread <*>@<*>: Closing connection after <*> idle", mod="downloader:951"),
        Ev("WARNING", "Server <*> will be ignored for <*> minutes", mod="downloader:563"),
        Ev("ERROR", "Thread <*>@<*>: Failed to connect: <*>", mod="downloader:722"),
        Ev("INFO", "Finished downloading \"<*>\": <*> in <*> at <*>", mod="nzbqueue:893"),
        Ev("INFO", "Starting Post-Processing on <*> => Repair:<*>, Unpack:True, Delete:<*>, Script:<*>, Cat:<*>",
           mod="postproc:388"),
        Ev("INFO", "Verified \"<*>\" in <*>, all files correct", mod="newsunpack:1204"),
        Ev("INFO", "Repaired \"<*>\" in <*>, <*> blocks recovered", mod="newsunpack:1287"),
        Ev("INFO", "Unpacked <*> files/folders in <*>", mod="newsunpack:436"),
        Ev("ERROR", "Unpacking failed, <*>", mod="newsunpack:471"),
        Ev("INFO", "Cleaning up <*> (keep_basic=<*>)", mod="postproc:1021"),
    ]
    names = ["grab", "add", "mkdir", "missing", "conn", "idle", "ignored", "connfail", "finished", "ppstart",
             "verified", "repaired", "unpacked", "unpackfail", "cleanup"]
    sim = Sim(dict((n, i) for i, n in enumerate(names)))
    TITLES = ["Harbor.Lights.S03E07.1080p.WEB.h264-KOGI", "The.Quiet.Orchard.2025.720p.BluRay.x264-PLNK",
              "Night.Shift.Diaries.S01E02.2160p.WEB.H265-NOVA", "Open.Source.Weekly.2026.03.13.720p.HDTV.x264-TVC",
              "Mountain.Rail.Journeys.S02E11.1080p.HDTV.H264-DOCU", "Kestrel.Ridge.S05E01.720p.WEB.x264-KOGI",
              "linux-distro-dvd-2026.03-amd64", "Quantum.Cooking.S04E09.1080p.WEB.h264-BAKE",
              "Deep.Field.Archive.1998.REMASTERED.1080p.BluRay.x264-ARCV", "Harbor.Lights.S03E08.1080p.WEB.h264-KOGI",
              "Podcast.Bundle.March.2026.MP3-ORBIT", "Tidewater.S01E05.720p.WEB.x264-SALT",
              "Glass.Garden.2024.1080p.WEB-DL.DDP5.1.H264-FLOR", "Kestrel.Ridge.S05E02.720p.WEB.x264-KOGI",
              "Open.Source.Weekly.2026.03.14.720p.HDTV.x264-TVC", "Winter.Signal.2023.2160p.UHD.BluRay.x265-FRST",
              "Night.Shift.Diaries.S01E03.2160p.WEB.H265-NOVA", "Atlas.of.Rivers.S01E01.1080p.WEB.h264-DOCU",
              "Quantum.Cooking.S04E10.1080p.WEB.h264-BAKE", "Harbor.Lights.S03E09.1080p.WEB.h264-KOGI",
              "Copper.Line.S02E04.720p.HDTV.x264-RUST", "Tidewater.S01E06.720p.WEB.x264-SALT",
              "Mountain.Rail.Journeys.S02E12.1080p.HDTV.H264-DOCU", "Paper.Moons.2025.1080p.WEB.h264-LUNA",
              "Kestrel.Ridge.S05E03.720p.WEB.x264-KOGI", "Atlas.of.Rivers.S01E02.1080p.WEB.h264-DOCU",
              "Night.Shift.Diaries.S01E04.2160p.WEB.H265-NOVA", "Copper.Line.S02E05.720p.HDTV.x264-RUST",
              "Quiet.Hours.Live.2026.FLAC-ECHO", "Tidewater.S01E07.720p.WEB.x264-SALT"]
    SERVERS = [("news.eu.example-usenet.net", 20), ("bulk.fillserver.example.org", 6)]
    INDEXERS = ["https://api.nzbindex-example.net/getnzb/%s.nzb", "https://nzb.example-tracker.org/api?t=get&id=%s"]

    def cat_of(title):
        if ".S0" in title or ".S1" in title:
            return "tv"
        if "MP3" in title or "FLAC" in title:
            return "audio"
        if "linux" in title:
            return "*"
        return "movies"

    def size_txt(mb):
        return "%.1f GB" % (mb / 1024.0) if mb >= 1024 else "%d MB" % mb

    def secs_txt(s):
        if s >= 60:
            return "%dm %ds" % (s // 60, s % 60)
        return "%ds" % s

    T0 = 19 * 3600 * SEC + 3 * 60 * SEC + 877 * MS
    ms = lambda a, b: c.r.randint(a, b) * MS
    t_arr = T0
    dl_free = T0
    pp_free = T0
    conn_open = False
    fail_jobs = {2, 6, 11, 15, 19}
    for j, title in enumerate(TITLES):
        t_arr += c.gap(75.0, 200)
        t = t_arr
        if c.cy("job.grab", [True, True, False, True]):
            url = c.cy("grab.u", INDEXERS) % c.hexs(c.cy("grab.n", [32, 40]))
            sim.emit(t, "grab", [url])
            t += ms(400, 2600)
        size = c.r.choice([380, 720, 1450, 2300, 3900, 7800, 14600]) + c.r.randint(0, 300)
        nfiles = size // 50 + c.r.randint(3, 20)
        sim.emit(t, "add", [title, str(nfiles), size_txt(size), c.cy("add.p", ["Normal", "Normal", "High", "Low"])])
        t += ms(3, 40)
        sim.emit(t, "mkdir", ["/data/usenet/incomplete/" + title])
        # download, sequential queue
        start = max(t + ms(100, 900), dl_free)
        if not conn_open:
            nthreads = c.cy("conn.n", [3, 2, 4])
            tt = start
            for th in range(1, nthreads + 1):
                tt += ms(5, 120)
                sim.emit(tt, "conn", [str(th), SERVERS[0][0] if th < nthreads else SERVERS[1][0]])
            if j in fail_jobs:
                tt += ms(2000, 9000)
                srv = c.cy("connfail.s", [SERVERS[1][0], SERVERS[1][0], SERVERS[0][0]])
                sim.emit(tt, "connfail", [str(c.r.randint(1, 6)), srv,
                                          c.cy("connfail.e", ["[Errno 111] Connection refused",
                                                              "timed out",
                                                              "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed",
                                                              "[Errno -3] Temporary failure in name resolution"])])
                tt += ms(10, 300)
                sim.emit(tt, "ignored", [srv, c.cy("ignored.m", ["1", "2", "4"])])
            conn_open = True
        speed = c.r.choice([18.4, 31.0, 44.7, 52.2, 61.9]) + c.r.randint(0, 90) / 10.0
        dsecs = max(8, int(size / speed))
        end = start + dsecs * SEC + ms(0, 999)
        nmiss = c.cy("miss.n", [0, 3, 6, 1, 12, 4, 0, 9])
        for _ in range(nmiss):
            tm = start + c.r.randint(0, dsecs * 1000) * MS
            sim.emit(tm, "missing", [str(c.r.randint(1, 20)), SERVERS[0][0] if c.r.random() < 0.8 else SERVERS[1][0],
                                     "%s@%s.%s" % (c.alnum(c.r.choice([16, 20]), "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"),
                                                   c.r.choice(["powerpost2000AA", "ngPost", "JBinUp"]), c.r.choice(["local", "net"]))])
        sim.emit(end, "finished", [title, size_txt(size), secs_txt(dsecs), "%.1f MB/s" % speed])
        dl_free = end + ms(50, 400)
        # post-processing, sequential post-processing queue
        p = max(end + ms(100, 700), pp_free)
        cat = cat_of(title)
        script = c.cy("pp.s", ["None", "None", "notify_plex.py"])
        sim.emit(p, "ppstart", [title, c.cy("pp.r", ["True", "True", "True", "False"]),
                                c.cy("pp.d", ["True", "False", "True"]), script, cat])
        p += ms(2000, 9000) + size * MS * 6
        if nmiss == 0 or nmiss == 1:
            sim.emit(p, "verified", [title, secs_txt(c.r.randint(2, 40))])
        else:
            p += nmiss * ms(300, 1200)
            sim.emit(p, "repaired", [title, secs_txt(c.r.randint(5, 95)), str(nmiss * c.r.randint(1, 4))])
        p += ms(4000, 20000) + size * MS * 10
        if j in (3, 8, 12, 17):
            sim.emit(p, "unpackfail", [c.cy("unpackfail.e", ["CRC error", "archive requires a password",
                                                            "write error or disk is full?",
                                                            "see logfile"])])
        else:
            sim.emit(p, "unpacked", [str(c.r.randint(1, 14)), secs_txt(c.r.randint(3, 140))])
        p += ms(200, 1500)
        sim.emit(p, "cleanup", [title, c.cy("cl.k", ["False", "False", "True"])])
        pp_free = p + ms(10, 200)
        # idle: if the next job is far enough away, the threads close
        gap_next = c.r.random()
        if gap_next < 0.35:
            tt = end + ms(30000, 60000)
            idle = c.r.randint(30, 60)
            for th in range(1, c.cy("idle.n", [2, 3]) + 1):
                tt += ms(3, 90)
                sim.emit(tt, "idle", [str(th), c.cy("idle.s", [SERVERS[0][0], SERVERS[0][0], SERVERS[1][0]]), "%ds" % (idle + th)])
            conn_open = False
            t_arr = max(t_arr, tt + ms(1000, 30000))
            dl_free = max(dl_free, tt)

    def header(ns, ev, extra):
        y, mo, d, h, mi, s, msv = parts(ns)
        return "%04d-%02d-%02d %02d:%02d:%02d,%03d::%s::[%s] " % (y, mo, d, h, mi, s, msv, ev.level, ev.meta["mod"])

    recs = [(t, i, v, x) for t, _, i, v, x in sim.first()]
    return dict(name="Sabnzbd", k=k, events=evs, header=header, recs=recs,
                header_re=r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3})::(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)::"
                          r"\[[a-z_0-9]+:\d+\] ")


# ======================================================= 6. Duplicati ======
def duplicati():
    k = 6
    c = Ctx(k)
    BE = "Duplicati.Library.Main.BasicResults-BackendEvent"

    def vol(kind=None):
        kind = kind or c.cy("vol.k", ["dblock", "dblock", "dindex", "dblock", "dlist"])
        if kind == "dlist":
            s = c.r.randint(9 * 3600, 23 * 3600)
            return "duplicati-%04d%02d%02dT%02d%02d%02dZ.dlist.zip.aes" % (2026, 3, c.r.randint(1, 13),
                                                                         s // 3600, s // 60 % 60, s % 60), kind
        return "duplicati-%s%s.%s.zip.aes" % ("b" if kind == "dblock" else "i", c.hexs(32), kind), kind

    def size(kind):
        if kind == "dblock":
            return c.cy("sz.b", ["49.95 MB", "%.2f MB" % (c.r.randint(100, 4995) / 100.0)])
        if kind == "dindex":
            return "%.2f KB" % (c.r.randint(300, 9000) / 100.0)
        return "%.2f MB" % (c.r.randint(12, 380) / 100.0)

    def vol_size(c):
        n, kind = vol()
        return [n, size(kind)]

    def mb(lo, hi):
        return "%.2f MB" % (c.r.randint(lo * 100, hi * 100) / 100.0)

    def compact(c):
        dl, de, co = c.r.randint(2, 9), c.r.randint(3, 14), c.r.randint(1, 4)
        a, b = c.r.randint(60, 450), c.r.randint(10, 90)
        return [dl, "%.2f MB" % (a + 0.37), de, "%.2f MB" % (a + b + 0.81), co, "%.2f MB" % (a - 5.12),
                de - co, "%.2f MB" % (b + 5.93)]

    PATHS = ["C:\\Users\\mkovacs\\AppData\\Local\\Microsoft\\Outlook\\mkovacs@example.test.ost",
             "C:\\Users\\mkovacs\\NTUSER.DAT",
             "D:\\Projects\\render-farm\\cache\\frame_000412.exr.lock",
             "C:\\Users\\mkovacs\\AppData\\Roaming\\Thunderbird\\Profiles\\q8z1x0.default\\parent.lock"]
    evs = [
        Ev("Information", "The operation <*> has started",
           lambda c: [c.cy("E1.op", ["Backup", "Backup", "Compact", "Backup", "Test"])], 10,
           tag="Duplicati.Library.Main.Controller-StartingOperation"),
        Ev("Information", "The operation <*> has completed",
           lambda c: [c.cy("E2.op", ["Backup", "Backup", "Test", "Backup", "Compact"])], 8,
           tag="Duplicati.Library.Main.Controller-CompletedOperation"),
        Ev("Information", "Backend event: List - Started:  ()", lambda c: [], 12, tag=BE),
        Ev("Information", "Backend event: List - Completed:  (<*>)",
           lambda c: ["%d.%02d KB" % (c.r.randint(1, 900), c.r.randint(0, 99))], 15, tag=BE),
        Ev("Information", "Backend event: Put - Started: <*> (<*>)", vol_size, 65, tag=BE),
        Ev("Information", "Backend event: Put - Completed: <*> (<*>)", vol_size, 40, tag=BE),
        Ev("Information", "Backend event: Get - Started: <*> (<*>)", vol_size, 30, tag=BE),
        Ev("Information", "Backend event: Get - Completed: <*> (<*>)", vol_size, 35, tag=BE),
        Ev("Information", "Backend event: Delete - Started: <*> (<*>)", vol_size, 25, tag=BE),
        Ev("Information", "Backend event: Delete - Completed: <*> (<*>)", vol_size, 20, tag=BE),
        Ev("Retry", "Operation Put with file <*> attempt <*> of 5 failed with message: <*>",
           lambda c: [vol("dblock")[0], c.cy("E11.a", ["1", "1", "2", "3"]),
                      c.cy("E11.e", ["The operation has timed out.", "The remote server returned an error: (503) Server Unavailable.",
                                     "Unable to read data from the transport connection: Connection reset by peer.",
                                     "The SSL connection could not be established, see inner exception."])], 9,
           tag="Duplicati.Library.Main.Operation.Backup.BackendUploader-RetryPut"),
        Ev("Warning", "Failed to process path: <*>", lambda c: [c.cy("E12.p", PATHS)], 18,
           tag="Duplicati.Library.Main.Operation.Backup.FileBlockProcessor.FileEntry-PathProcessingFailed"),
        Ev("Information", "Renaming \"<*>\" to \"<*>\"",
           lambda c: [vol("dblock")[0], vol("dblock")[0]], 6,
           tag="Duplicati.Library.Main.Operation.Backup.BackendUploader-RenameRemoteTargetFile"),
        Ev("Information", "Downloaded <*> file(s) with a total size of <*>, deleted <*> file(s) with a total size of <*>, "
                          "and compacted to <*> file(s) with a size of <*>, which reduced storage by <*> file(s) and <*>",
           compact, 4, tag="Duplicati.Library.Main.Operation.CompactHandler-CompactResults"),
        Ev("Information", "Compacting not required", lambda c: [], 3,
           tag="Duplicati.Library.Main.Database.LocalDeleteDatabase-CompactReason"),
    ]

    def header(ns, ev, extra):
        y, mo, d, h, mi, s, msv = parts(ns)
        return "%04d-%02d-%02d %02d:%02d:%02d +00 - [%s-%s]: " % (y, mo, d, h, mi, s, ev.level, ev.meta["tag"])

    recs = shuffle_records(c, evs, 2 * 3600 * SEC + 11 * MS, 6.0)
    return dict(name="Duplicati", k=k, events=evs, header=header,
                recs=[(t, i, v, {}) for t, i, v in recs],
                header_re=r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) \+00 - "
                          r"\[(?:Information|Warning|Error|Retry|Verbose|Profiling|DryRun)-[A-Za-z0-9.:]+-[A-Za-z]+\]: ")


# ================================================================ output ===
SYSTEMS = [zeppelin, apmserver, unifinetwork, openfire, sabnzbd, duplicati]
MODE = {"Zeppelin": "shuffle", "ApmServer": "shuffle", "UnifiNetwork": "simulation",
        "Openfire": "shuffle", "Sabnzbd": "simulation", "Duplicati": "shuffle"}


def write_system(s):
    evs = s["events"]
    for i, ev in enumerate(evs):
        ev.eid = "E%d" % (i + 1)
    d = os.path.join(OUT, s["name"])
    os.makedirs(d, exist_ok=True)
    lines, rows = [], []
    assert len(s["recs"]) == N_LINES, (s["name"], len(s["recs"]))
    for n, (t, i, vals, extra) in enumerate(s["recs"], 1):
        ev = evs[i]
        content = ev.fill(vals)
        lines.append(s["header"](t, ev, extra) + content)
        rows.append([n, content, ev.eid, ev.tpl])
    with open(os.path.join(d, s["name"] + ".log"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(d, s["name"] + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


def tpl_regex(tpl):
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in tpl.split("<*>")) + "$", re.S)


def check_system(s):
    name = s["name"]
    d = os.path.join(OUT, name)
    raw = open(os.path.join(d, name + ".log"), "rb").read()
    assert raw.endswith(b"\n") and b"\r" not in raw, name
    lines = raw.decode("utf-8").split("\n")[:-1]
    assert len(lines) == N_LINES, (name, len(lines))
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], rows[0]
    rows = rows[1:]
    assert len(rows) == N_LINES, (name, len(rows))
    hre = re.compile(s["header_re"])
    declared = [ev.eid for ev in s["events"]]
    tpl_of, counts, slots = {}, {}, {}
    last_ts = None
    for n, (line, row) in enumerate(zip(lines, rows), 1):
        assert len(row) == 4, row
        lid, content, eid, tpl = row
        assert lid == str(n), (name, lid)
        assert content and content == content.strip(), (name, n)
        assert line.endswith(content), (name, n)
        m = hre.fullmatch(line[:len(line) - len(content)])
        assert m, (name, n, line)
        ts = m.group("ts")
        assert last_ts is None or ts >= last_ts, (name, n, ts, last_ts)
        last_ts = ts
        assert re.fullmatch(r"E\d+", eid), eid
        assert tpl_of.setdefault(eid, tpl) == tpl, (name, eid)
        mm = tpl_regex(tpl).match(content)
        assert mm, (name, n, tpl, content)
        counts[eid] = counts.get(eid, 0) + 1
        for j, g in enumerate(mm.groups()):
            slots.setdefault((eid, j), set()).add(g)
    assert len(set(tpl_of.values())) == len(tpl_of), (name, "duplicate templates")
    assert sorted(tpl_of, key=lambda e: int(e[1:])) == declared, (name, "unused events",
                                                                  set(declared) - set(tpl_of))
    for (eid, j), vals in slots.items():
        assert len(vals) >= 2, (name, eid, j, vals)
    for ev in s["events"]:
        for j in range(ev.nslots):
            assert (ev.eid, j) in slots
    cs = [counts[e] for e in declared]
    assert 12 <= len(declared) <= 15, (name, len(declared))
    assert min(cs) >= 3, (name, counts)
    assert sum(1 for x in cs if 3 <= x <= 10) >= 3, (name, counts)
    assert max(cs) >= 3 * statistics.median(cs), (name, counts, statistics.median(cs))
    return cs, lines[0][:len(lines[0]) - len(rows[0][1])], lines[0], lines[-1]


def main():
    built = [f() for f in SYSTEMS]
    for s in built:
        write_system(s)
    ok = True
    for s in built:
        try:
            cs, hdr, first, last = check_system(s)
        except AssertionError as e:
            ok = False
            print("FAIL %-13s %s" % (s["name"], e))
            continue
        print("ok   %-13s %-10s events=%2d counts=%s median=%s" % (
            s["name"], MODE[s["name"]], len(cs), cs, statistics.median(cs)))
    if not ok:
        sys.exit(1)
    print("all self-checks passed")


if __name__ == "__main__":
    main()
