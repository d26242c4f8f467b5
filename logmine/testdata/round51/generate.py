#!/usr/bin/env python3
"""Round 51 blind labelled log corpus generator.

Writes <System>/<System>.log and <System>/<System>.log_structured.csv for six
Java application-server style systems and then self-checks every file.

Python 3 standard library only.  Fully deterministic: no wall clock, no locale;
month and weekday names come from fixed lists below.  Base seed 20270158,
system k (1..6) uses random.Random(20270158 * 10 + k).  Time is an integer
nanosecond clock counted from 2026-03-14T00:00:00 UTC.
"""
import calendar
import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270158
OUT = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
YEAR, MONTH, DAY = 2026, 3, 14
DAY_EPOCH_MS = calendar.timegm((YEAR, MONTH, DAY, 0, 0, 0, 0, 0, 0)) * 1000
WEEKDAY = WEEKDAYS[calendar.weekday(YEAR, MONTH, DAY)]

SEC = 10 ** 9
MS = 10 ** 6
DAY_NS = 86400 * SEC


def hms(t):
    """ns since midnight -> (h, m, s, ms)."""
    assert 0 <= t < DAY_NS, t
    total = t // MS
    h, rem = divmod(total, 3600000)
    m, rem = divmod(rem, 60000)
    s, ms = divmod(rem, 1000)
    return h, m, s, ms


def epoch_ms(t):
    return DAY_EPOCH_MS + t // MS


def gap(r, mean_s):
    """Exponential gap in integer nanoseconds (at least 1 ns)."""
    return max(1, int(r.expovariate(1.0) * mean_s * SEC))


def ugap(r, lo_ms, hi_ms):
    """Uniform gap in integer nanoseconds between lo_ms and hi_ms."""
    return r.randint(int(lo_ms * MS), int(hi_ms * MS))


def grouped(n):
    return format(n, ",")


class Cycler:
    """Small pools cycle per (event, slot) key so every slot takes >= 2 values."""

    def __init__(self):
        self.i = {}

    def __call__(self, key, pool):
        n = self.i.get(key, 0)
        self.i[key] = n + 1
        return pool[n % len(pool)]


class Event:
    def __init__(self, key, tpl, n=0, gen=None, **meta):
        self.key = key
        self.tpl = tpl
        self.n = n
        self.gen = gen
        self.meta = meta


def fill(tpl, vals):
    parts = tpl.split("<*>")
    assert len(parts) == len(vals) + 1, (tpl, vals)
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\r" not in v, (tpl, v)
        out.append(v)
        out.append(p)
    return "".join(out)


class System:
    def __init__(self, k, name, mode, events, header_re, parse_ts, note):
        self.k = k
        self.name = name
        self.mode = mode
        self.events = events
        self.header_re = re.compile(header_re)
        self.parse_ts = parse_ts
        self.note = note
        self.rows = []  # (raw, content, event index)
        keys = [e.key for e in events]
        assert len(set(keys)) == len(keys)
        self.idx = {e.key: i for i, e in enumerate(events)}


def run_shuffle(system, header, start_ns, mean_gap_s):
    r = random.Random(BASE_SEED * 10 + system.k)
    cyc = Cycler()
    order = [i for i, e in enumerate(system.events) for _ in range(e.n)]
    assert len(order) == N_LINES, (system.name, len(order))
    r.shuffle(order)
    t = start_ns
    for i in order:
        t += gap(r, mean_gap_s)
        e = system.events[i]

        def c(slot, pool, _i=i):
            return cyc((_i, slot), pool)

        content = fill(e.tpl, e.gen(r, c, t))
        system.rows.append((header(r, cyc, e, t) + content, content, i))


class Sim:
    """Collects lines from many entities, each on its own clock."""

    def __init__(self, system):
        self.system = system
        self.lines = []
        self.seq = 0

    def emit(self, t, key, vals, **meta):
        self.seq += 1
        self.lines.append((t, self.seq, key, list(vals), meta))

    def finish(self, header):
        self.lines.sort(key=lambda x: (x[0], x[1]))
        for t, _, key, vals, meta in self.lines[:N_LINES]:
            i = self.system.idx[key]
            e = self.system.events[i]
            content = fill(e.tpl, vals)
            self.system.rows.append((header(e, t, meta) + content, content, i))
        assert len(self.system.rows) == N_LINES, (self.system.name, len(self.system.rows))


# ---------------------------------------------------------------------------
# 1. Payara (seeded shuffle)
# ---------------------------------------------------------------------------
PAY_LEVEL_VALUE = {"INFO": 800, "WARNING": 900, "SEVERE": 1000}
PAY_APPS = [("shop-web", "/shop"), ("billing-ear#billing-web.war", "/billing"),
            ("inventory-api", "/inventory"), ("auth-portal", "/auth"),
            ("reports", "/reports"), ("crm-web", "/crm")]
PAY_DEPLOYED = ["shop-web", "billing-ear", "inventory-api", "auth-portal", "reports", "crm-web", "ledger-svc"]
PAY_AUTODEPLOY = "/opt/payara6/glassfish/domains/domain1/autodeploy/"
PAY_POOLS = ["ordersPool", "mysql-reporting", "__TimerPool", "crmPostgresPool"]
PAY_REASONS = [
    "com.sun.appserv.connectors.internal.api.PoolingException: Connection could not be allocated because: Communications link failure",
    "com.sun.appserv.connectors.internal.api.PoolingException: In-use connections equal max-pool-size and expired max-wait-time. Cannot allocate more connections.",
    "com.sun.appserv.connectors.internal.api.PoolingException: Connection could not be allocated because: FATAL: password authentication failed for user \"crm_rw\"",
    "com.sun.appserv.connectors.internal.api.PoolingException: Connection could not be allocated because: Connection refused (Connection refused)",
    "com.sun.appserv.connectors.internal.api.PoolingException: Connection could not be allocated because: Too many connections",
]


def payara_system():
    ev = [
        Event("http_listener", "Created HTTP listener <*> on host/port <*>", 24,
              lambda r, c, t: [c("l", ["http-listener-1", "http-listener-2", "admin-listener"]),
                               c("hp", ["0.0.0.0:8080", "0.0.0.0:8181", "0.0.0.0:4848"])],
              lvl="INFO", mid="AS-WEB-GLUE-00201", logger="javax.enterprise.web", th="runlevel"),
        Event("virtual_server", "Created virtual server <*>", 16,
              lambda r, c, t: [c("vs", ["server", "__asadmin"])],
              lvl="INFO", mid="AS-WEB-GLUE-00200", logger="javax.enterprise.web", th="runlevel"),
        Event("grizzly", "Grizzly Framework 4.0.2 started in: <*> - bound to [<*>]", 23,
              lambda r, c, t: ["%dms" % r.randint(4, 95),
                               c("b", ["/0.0.0.0:8080", "/0.0.0.0:8181", "/0.0.0.0:4848"])],
              lvl="INFO", mid="", logger="javax.enterprise.web", th="runlevel"),
        Event("loading_app", "Loading application [<*>] at [<*>]", 40,
              lambda r, c, t: list(c("app", PAY_APPS)),
              lvl="INFO", mid="AS-WEB-GLUE-00172", logger="javax.enterprise.web", th="admin"),
        Event("deployed", "<*> was successfully deployed in <*> milliseconds.", 40,
              lambda r, c, t: [c("app", PAY_DEPLOYED), grouped(r.randint(380, 14800))],
              lvl="INFO", mid="NCLS-DEPLOYMENT-02035",
              logger="javax.enterprise.system.tools.deployment.common", th="admin"),
        Event("mojarra", "Initializing Mojarra 4.0.5 for context '<*>'", 30,
              lambda r, c, t: [c("ctx", ["/shop", "/billing", "/crm", "/reports", "/portal"])],
              lvl="INFO", mid="", logger="javax.enterprise.resource.webcontainer.faces.config", th="admin"),
        Event("ctx_path_warn", "Context path from ServletContext: <*> differs from path from bundle: <*>", 6,
              lambda r, c, t: list(c("p", [("/shop", "/shop-web"), ("/crm", "/crm-web"),
                                         ("/inventory", "/inventory-api")])),
              lvl="WARNING", mid="", logger="javax.enterprise.web", th="admin"),
        Event("autodeployed", "Successfully autodeployed : <*>.", 9,
              lambda r, c, t: [PAY_AUTODEPLOY + c("w", ["reports.war", "ledger-svc.war", "promo-banner.war", "crm-web.war"])],
              lvl="INFO", mid="NCLS-DEPLOYMENT-02027",
              logger="javax.enterprise.system.tools.deployment.autodeploy", th="sched"),
        Event("autoundeployed", "Successfully autoundeployed : <*>.", 5,
              lambda r, c, t: [PAY_AUTODEPLOY + c("w", ["promo-banner.war", "ledger-svc.war", "reports.war"])],
              lvl="INFO", mid="NCLS-DEPLOYMENT-02028",
              logger="javax.enterprise.system.tools.deployment.autodeploy", th="sched"),
        Event("rar5117", "RAR5117 : Failed to obtain/create connection from connection pool [ <*> ]. Reason : <*>", 90,
              lambda r, c, t: [c("pool", PAY_POOLS), r.choice(PAY_REASONS)],
              lvl="WARNING", mid="", logger="javax.enterprise.resource.resourceadapter.com.sun.enterprise.connectors",
              th="http"),
        Event("rar5114", "RAR5114 : Error allocating connection : [<*>]", 4,
              lambda r, c, t: [c("e", ["Error in allocating a connection. Cause: Connection could not be allocated because: Communications link failure",
                                       "Error in allocating a connection. Cause: In-use connections equal max-pool-size and expired max-wait-time. Cannot allocate more connections."])],
              lvl="WARNING", mid="", logger="javax.enterprise.resource.resourceadapter.com.sun.enterprise.resource.allocator",
              th="http"),
        Event("jts", "JTS5014: Recoverable JTS instance, serverId = [<*>]", 3,
              lambda r, c, t: [c("s", ["100", "3700"])],
              lvl="INFO", mid="", logger="javax.enterprise.system.core.transaction.com.sun.jts.CosTransactions",
              th="runlevel"),
        Event("startup_time", "Payara Server  6.2024.6 #badassfish (build 4) startup time : Felix (<*>), startup services(<*>), total(<*>)", 5,
              lambda r, c, t: (lambda a, b: ["%sms" % grouped(a), "%sms" % grouped(b), "%sms" % grouped(a + b)])(
                  r.randint(900, 2600), r.randint(2400, 9800)),
              lvl="INFO", mid="NCLS-CORE-00017", logger="javax.enterprise.system.core", th="main"),
        Event("shutdown", "Server shutdown initiated", 5, lambda r, c, t: [],
              lvl="INFO", mid="NCLS-CORE-00005", logger="javax.enterprise.system.core", th="admin"),
    ]

    def parse(m):
        d, tm = m.group("ts")[:-5].split("T")
        y, mo, dd = (int(x) for x in d.split("-"))
        h, mi, rest = tm.split(":")
        s, ms = rest.split(".")
        return calendar.timegm((y, mo, dd, int(h), int(mi), int(s), 0, 0, 0)) * 1000 + int(ms)

    header_re = (r"\[(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000)\] \[Payara 6\.2024\.6\] "
                 r"\[(?:INFO|WARNING|SEVERE)\] \[[A-Z0-9-]*\] \[[\w.]+\] "
                 r"\[tid: _ThreadID=\d+ _ThreadName=[^\]]+\] \[timeMillis: (?P<ms>\d{13})\] "
                 r"\[levelValue: (?:800|900|1000)\] ")
    return System(1, "Payara", "shuffle", ev, header_re, parse,
                  "single-line ODL record (multiLineMode off)")


def payara_header(r, cyc, e, t):
    h, m, s, ms = hms(t)
    kind = e.meta["th"]
    if kind == "main":
        tid, tname = 1, "main"
    elif kind == "runlevel":
        tid, tname = cyc(("pth", "rl"), [(103, "RunLevelControllerThread-1773470452118"),
                                         (104, "RunLevelControllerThread-1773470452118"),
                                         (97, "RunLevelControllerThread-1773468221906")])
    elif kind == "admin":
        n = r.randint(1, 5)
        tid, tname = 88 + n, "admin-thread-pool::admin-listener(%d)" % n
    elif kind == "http":
        n = r.randint(1, 40)
        tid, tname = 118 + n, "http-thread-pool::http-listener-1(%d)" % n
    else:
        tid, tname = 52, "payara-executor-service-scheduled-task"
    lvl = e.meta["lvl"]
    return ("[%04d-%02d-%02dT%02d:%02d:%02d.%03d+0000] [Payara 6.2024.6] [%s] [%s] [%s] "
            "[tid: _ThreadID=%d _ThreadName=%s] [timeMillis: %d] [levelValue: %d] " % (
                YEAR, MONTH, DAY, h, m, s, ms, lvl, e.meta["mid"], e.meta["logger"],
                tid, tname, epoch_ms(t), PAY_LEVEL_VALUE[lvl]))


# ---------------------------------------------------------------------------
# 2. WebSphere Liberty (seeded shuffle)
# ---------------------------------------------------------------------------
WL_APPS = ["shop", "billingService", "inventory-api", "authPortal", "reports", "crm"]
WL_HOST = "app01.internal.example"
WL_CHANNELS = [("defaultHttpEndpoint", WL_HOST, "10.40.2.17", "9080"),
               ("defaultHttpEndpoint-ssl", WL_HOST, "10.40.2.17", "9443"),
               ("adminHttpEndpoint", "localhost", "127.0.0.1", "9060")]
WL_SERVLETS = [("shop", "/shop", "com.acme.shop.web.CartServlet"),
               ("shop", "/shop", "com.acme.shop.web.CheckoutServlet"),
               ("billingService", "/billing", "com.acme.billing.rest.BillingApplication"),
               ("inventory-api", "/inventory", "com.acme.inventory.InventoryResource"),
               ("authPortal", "/auth", "javax.faces.webapp.FacesServlet"),
               ("reports", "/reports", "/WEB-INF/jsp/summary.jsp"),
               ("crm", "/crm", "com.acme.crm.web.ContactServlet")]
WL_FEATURES = [
    "appSecurity-5.0, beanValidation-3.0, cdi-4.0, jdbc-4.3, jndi-1.0, jsonb-3.0, jsonp-2.1, restfulWS-3.1, servlet-6.0, ssl-1.0",
    "jakartaee-10.0",
    "mpConfig-3.1, mpHealth-4.0, mpMetrics-5.1, restfulWS-3.1, servlet-6.0",
    "adminCenter-1.0, localConnector-1.0, monitor-1.0, restConnector-2.0, servlet-6.0",
]


def liberty_system():
    ev = [
        Event("launched", "CWWKE0001I: The server defaultServer has been launched.", 4, lambda r, c, t: [],
              L="A", logger="com.ibm.ws.kernel.launch.internal.FrameworkManager", th="boot"),
        Event("features", "CWWKF0012I: The server installed the following features: [<*>].", 4,
              lambda r, c, t: [c("f", WL_FEATURES)],
              L="A", logger="com.ibm.ws.kernel.feature.internal.FeatureManager", th="early"),
        Event("ready", "CWWKF0011I: The defaultServer server is ready to run a smarter planet. The defaultServer server started in <*> seconds.", 4,
              lambda r, c, t: ["%.3f" % (r.randint(4200, 38000) / 1000.0)],
              L="A", logger="com.ibm.ws.kernel.feature.internal.FeatureManager", th="early"),
        Event("tcp_start", "CWWKO0219I: TCP Channel <*> has been started and is now listening for requests on host <*>  (IPv4: <*>) port <*>.", 12,
              lambda r, c, t: list(c("ch", WL_CHANNELS)),
              L="I", logger="com.ibm.ws.tcpchannel.internal.TCPPort", th="early"),
        Event("tcp_stop", "CWWKO0220I: TCP Channel <*> has stopped listening for requests on host <*>  (IPv4: <*>) port <*>.", 6,
              lambda r, c, t: list(c("ch", WL_CHANNELS)),
              L="I", logger="com.ibm.ws.tcpchannel.internal.TCPChannel", th="run"),
        Event("app_starting", "CWWKZ0018I: Starting application <*>.", 24,
              lambda r, c, t: [c("a", WL_APPS)],
              L="A", logger="com.ibm.ws.app.manager.AppMessageHelper", th="run"),
        Event("app_started", "CWWKZ0001I: Application <*> started in <*> seconds.", 22,
              lambda r, c, t: [c("a", WL_APPS), "%.3f" % (r.randint(310, 21000) / 1000.0)],
              L="A", logger="com.ibm.ws.app.manager.AppMessageHelper", th="run"),
        Event("app_stopped", "CWWKZ0009I: The application <*> has stopped successfully.", 9,
              lambda r, c, t: [c("a", WL_APPS)],
              L="A", logger="com.ibm.ws.app.manager.AppMessageHelper", th="run"),
        Event("web_available", "CWWKT0016I: Web application available (default_host): <*>", 30,
              lambda r, c, t: ["http://%s:9080%s/" % (WL_HOST, c("p", ["/shop", "/billing", "/inventory", "/auth", "/reports", "/crm"]))],
              L="A", logger="com.ibm.ws.http.internal.VirtualHostImpl", th="run"),
        Event("web_removed", "CWWKT0017I: Web application removed (default_host): <*>", 10,
              lambda r, c, t: ["http://%s:9080%s/" % (WL_HOST, c("p", ["/reports", "/crm", "/shop", "/auth"]))],
              L="A", logger="com.ibm.ws.http.internal.VirtualHostImpl", th="run"),
        Event("servlet_init", "SRVE0242I: [<*>] [<*>] [<*>]: Initialization successful.", 40,
              lambda r, c, t: list(c("s", WL_SERVLETS)),
              L="I", logger="com.ibm.ws.webcontainer.servlet", th="http"),
        Event("servlet_destroy", "SRVE0253I: [<*>] [<*>] [<*>]: Destroy successful.", 12,
              lambda r, c, t: list(c("s", WL_SERVLETS[::-1])),
              L="I", logger="com.ibm.ws.webcontainer.servlet", th="run"),
        Event("auth_failed", "CWWKS1100A: Authentication did not succeed for user ID <*>. An invalid user ID or password was specified.", 65,
              lambda r, c, t: [c("u", ["jsmith", "admin", "svc_reports", "mkowalski", "test", "root", "a.nguyen"])],
              L="A", logger="com.ibm.ws.security.authentication.internal.jaas.modules.UsernameAndPasswordLoginModule",
              th="http"),
        Event("j2ca0045", "J2CA0045E: Connection not available while invoking method createOrWaitForConnection for resource <*>.", 8,
              lambda r, c, t: [c("ds", ["jdbc/shopDS", "jdbc/billingDS", "jdbc/crmDS"])],
              L="E", logger="com.ibm.ejs.j2c.PoolManager", th="http"),
        Event("config_updated", "CWWKG0017I: The server configuration was successfully updated in <*> seconds.", 50,
              lambda r, c, t: ["%.3f" % (r.randint(38, 2900) / 1000.0)],
              L="A", logger="com.ibm.ws.config.xml.internal.ConfigRefresher", th="cfg"),
    ]

    def parse(m):
        d, tm = m.group("ts").split(", ")
        mo, dd, yy = (int(x) for x in d.split("/"))
        h, mi, s, ms = (int(x) for x in tm.split(":"))
        return calendar.timegm((2000 + yy, mo, dd, h, mi, s, 0, 0, 0)) * 1000 + ms

    header_re = (r"\[(?P<ts>\d{1,2}/\d{1,2}/\d\d, \d{1,2}:\d\d:\d\d:\d{3}) UTC\] [0-9a-f]{8} "
                 r"[\w.$]+ +[AIWE] ")
    return System(2, "WebSphereLiberty", "shuffle", ev, header_re, parse, "messages.log basic format")


def liberty_header(r, cyc, e, t):
    h, m, s, ms = hms(t)
    th = e.meta["th"]
    if th == "boot":
        tid = 1
    elif th == "early":
        tid = cyc(("lth", "early"), [0x1f, 0x22, 0x27, 0x2a])
    elif th == "cfg":
        tid = cyc(("lth", "cfg"), [0x3c, 0x41, 0x58])
    elif th == "http":
        tid = r.randint(0x60, 0xbf)
    else:
        tid = r.randint(0x28, 0x5f)
    return "[%d/%d/%02d, %d:%02d:%02d:%03d UTC] %08x %-60s %s " % (
        MONTH, DAY, YEAR % 100, h, m, s, ms, tid, e.meta["logger"], e.meta["L"])


# ---------------------------------------------------------------------------
# 3. WebLogic (seeded shuffle)
# ---------------------------------------------------------------------------
WLS_SEVERITY_VALUE = {"Info": 64, "Notice": 32, "Warning": 16, "Error": 8}
WLS_QUEUE = "for queue: 'weblogic.kernel.Default (self-tuning)'"
WLS_MODULES = [("orders-web.war", "orders-app"), ("billing-ejb.jar", "billing-app"),
               ("shop", "shop"), ("reporting-web", "reporting"), ("jms-notify.rar", "notify-adapter")]
WLS_TRANSITIONS = [("STATE_NEW", "STATE_PREPARED"), ("STATE_PREPARED", "STATE_ADMIN"),
                   ("STATE_ADMIN", "STATE_ACTIVE"), ("STATE_ACTIVE", "STATE_ADMIN"),
                   ("STATE_ADMIN", "STATE_PREPARED"), ("STATE_PREPARED", "STATE_NEW")]
WLS_POOLS = ["OrdersDS", "BillingDS", "ReportingDS", "JMSStoreDS"]
WLS_JDBC_ERRORS = [
    "java.sql.SQLRecoverableException: IO Error: The Network Adapter could not establish the connection",
    "java.sql.SQLException: ORA-01017: invalid username/password; logon denied",
    "java.sql.SQLRecoverableException: IO Error: Connection reset",
    "java.sql.SQLException: Listener refused the connection with the following error: ORA-12514, TNS:listener does not currently know of service requested in connect descriptor",
]


def weblogic_system():
    ev = [
        Event("state", "<BEA-000365> <Server state changed to <*>.>", 18,
              lambda r, c, t: [c("s", ["STARTING", "STANDBY", "ADMIN", "RESUMING", "RUNNING",
                                       "SUSPENDING", "FORCE_SUSPENDING", "SHUTTING_DOWN"])],
              sev="Notice", sub="WebLogicServer", th="main"),
        Event("running_mode", "<BEA-000360> <The server started in RUNNING mode.>", 3, lambda r, c, t: [],
              sev="Notice", sub="WebLogicServer", th="main"),
        Event("channel", "<BEA-002613> <Channel \"<*>\" is now listening on <*> for protocols <*>.>", 12,
              lambda r, c, t: list(c("ch", [("Default", "10.30.4.21:7001", "iiop, t3, ldap, snmp, http"),
                                            ("Default[1]", "127.0.0.1:7001", "iiop, t3, ldap, snmp, http"),
                                            ("DefaultSecure", "10.30.4.21:7002", "iiops, t3s, ldaps, https"),
                                            ("Default[2]", "0:0:0:0:0:0:0:1%lo:7001", "iiop, t3, ldap, snmp, http")])),
              sev="Notice", sub="Server", th="standby"),
        Event("transitioning", "<BEA-149059> <Module <*> of application <*> is transitioning from <*> to <*> on server ms1.>", 30,
              lambda r, c, t: list(c("m", WLS_MODULES)) + list(c("tr", WLS_TRANSITIONS)),
              sev="Info", sub="Deployer", th="active"),
        Event("transitioned", "<BEA-149060> <Module <*> of application <*> successfully transitioned from <*> to <*> on server ms1.>", 28,
              lambda r, c, t: list(c("m", WLS_MODULES)) + list(c("tr", WLS_TRANSITIONS)),
              sev="Info", sub="Deployer", th="active"),
        Event("pool_closed", "<BEA-001128> <Connection for pool \"<*>\" closed.>", 14,
              lambda r, c, t: [c("p", WLS_POOLS)],
              sev="Info", sub="JDBC", th="active"),
        Event("pool_exception", "<BEA-001129> <Received exception while creating connection for pool \"<*>\": <*>>", 9,
              lambda r, c, t: [c("p", WLS_POOLS), c("e", WLS_JDBC_ERRORS)],
              sev="Warning", sub="JDBC", th="active"),
        Event("created_resources", "<BEA-000628> <Created \"<*>\" resources for pool \"<*>\", out of which \"<*>\" are available and \"<*>\" are unavailable.>", 16,
              lambda r, c, t: (lambda n, u: [str(n), c("p", WLS_POOLS), str(n - u), str(u)])(
                  r.randint(1, 15), c("u", [0, 0, 1, 0, 2])),
              sev="Info", sub="Common", th="active"),
        Event("max_capacity", "<BEA-000627> <Reached maximum capacity of pool \"<*>\", making \"<*>\" new resource instances instead of \"<*>\".>", 6,
              lambda r, c, t: [c("p", WLS_POOLS), str(r.randint(0, 2)), str(r.randint(3, 10))],
              sev="Info", sub="Common", th="active"),
        Event("memory_free", "<BEA-310002> <<*>% of the total memory in the server is free.>", 110,
              lambda r, c, t: [str(r.randint(3, 92))],
              sev="Info", sub="WebLogicServer", th="gc"),
        Event("socket_idle", "<BEA-000449> <Closing the socket, as no data read from it on <*>:<*> during the configured idle timeout of <*> seconds.>", 30,
              lambda r, c, t: [c("ip", ["10.30.8.14", "10.30.8.15", "172.16.40.3", "10.30.4.99"]),
                               str(r.randint(32768, 60999)), c("to", ["30", "65"])],
              sev="Info", sub="Socket", th="muxer"),
        Event("file_lock", "<BEA-141281> <unable to get file lock, will retry ...>", 5, lambda r, c, t: [],
              sev="Info", sub="Management", th="main"),
        Event("shutdown_requested", "<BEA-000396> <Server shutdown has been requested by <*>.>", 3,
              lambda r, c, t: [c("u", ["weblogic", "opsadmin"])],
              sev="Notice", sub="WebLogicServer", th="active"),
        Event("lockout", "<BEA-090078> <User <*> in security realm myrealm has had 5 invalid login attempts, locking account for 30 minutes.>", 8,
              lambda r, c, t: [c("u", ["jsmith", "admin", "svc_batch", "guest"])],
              sev="Notice", sub="Security", th="active"),
        Event("ca_ignored", "<BEA-090898> <Ignoring the trusted CA certificate \"<*>\". The loading of the trusted certificate list raised a certificate parsing exception PKIX: Unsupported OID in the AlgorithmIdentifier object: <*>.>", 8,
              lambda r, c, t: list(c("ca", [("CN=Northwind Internal Root CA G2,O=Northwind Traders,C=US", "1.2.840.113549.1.1.10"),
                                            ("CN=Contoso ECC Root 2021,OU=PKI,O=Contoso Ltd,L=Dublin,C=IE", "1.2.840.10045.4.3.4"),
                                            ("CN=Fabrikam Ed25519 Root,O=Fabrikam,C=DE", "1.3.101.112")])),
              sev="Warning", sub="Security", th="main"),
    ]

    def parse(m):
        # ts looks like "Mar 14, 2026 8:01:02,345 AM"
        parts = m.group("ts").split(" ")
        mo = MONTHS.index(parts[0]) + 1
        dd = int(parts[1].rstrip(","))
        yy = int(parts[2])
        hh, mi, rest = parts[3].split(":")
        s, ms = rest.split(",")
        hh = int(hh) % 12 + (12 if parts[4] == "PM" else 0)
        return calendar.timegm((yy, mo, dd, hh, int(mi), int(s), 0, 0, 0)) * 1000 + int(ms)

    header_re = (r"####<(?P<ts>[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d\d:\d\d,\d{3} [AP]M) UTC> "
                 r"<(?:Info|Notice|Warning|Error)> <\w+> <wls-prod-01> <ms1> <[^<>]+> "
                 r"<(?:<[^<>]+>|[^<>]*)> <[^<>]*> <[^<>]*> <(?P<ms>\d{13})> "
                 r"<\[severity-value: \d+\] \[rid: [\d:]+\] \[partition-id: 0\] \[partition-name: DOMAIN\] > ")
    return System(3, "WebLogic", "shuffle", ev, header_re, parse, "WebLogic 12.2 server log")


def weblogic_header(r, cyc, e, t):
    h, m, s, ms = hms(t)
    h12 = h % 12 or 12
    ampm = "AM" if h < 12 else "PM"
    th = e.meta["th"]
    txid = ""
    rid = "0"
    if th == "main":
        thread, user, dcid = "main", "<WLS Kernel>", ""
    elif th == "standby":
        thread = "[STANDBY] ExecuteThread: '%d' %s" % (r.randint(1, 9), WLS_QUEUE)
        user, dcid = "<WLS Kernel>", ""
    elif th == "gc":
        thread, user, dcid = "weblogic.GCMonitor", "<WLS Kernel>", ""
    elif th == "muxer":
        thread = "ExecuteThread: '%d' for queue: 'weblogic.socket.Muxer'" % r.randint(1, 4)
        user, dcid = "<WLS Kernel>", ""
    else:
        thread = "[ACTIVE] ExecuteThread: '%d' %s" % (r.randint(0, 48), WLS_QUEUE)
        user = cyc(("wu", e.key), ["<WLS Kernel>", "<anonymous>", "weblogic", ""])
        dcid = "%08x-%04x-%04x-%04x-%012x-%08x" % (
            r.getrandbits(32), r.getrandbits(16), 0x4000 | r.getrandbits(12), 0x8000 | r.getrandbits(14),
            r.getrandbits(48), r.randint(1, 0x3ff))
        rid = cyc(("wr", e.key), ["0", "0:1", "0:2:1"])
        if e.meta["sub"] == "JDBC" and r.random() < 0.4:
            txid = "BEA1-%04X%016X" % (r.getrandbits(16), r.getrandbits(64))
    sev = e.meta["sev"]
    return ("####<%s %d, %d %d:%02d:%02d,%03d %s UTC> <%s> <%s> <wls-prod-01> <ms1> <%s> <%s> <%s> <%s> <%d> "
            "<[severity-value: %d] [rid: %s] [partition-id: 0] [partition-name: DOMAIN] > " % (
                MONTHS[MONTH - 1], DAY, YEAR, h12, m, s, ms, ampm, sev, e.meta["sub"], thread, user, txid, dcid,
                epoch_ms(t), WLS_SEVERITY_VALUE[sev], rid))


# ---------------------------------------------------------------------------
# 4. Resin (seeded shuffle)
# ---------------------------------------------------------------------------
RESIN_APPS = ["ROOT", "shop", "resin-admin", "api", "reports", "cms"]
RESIN_MODIFIED = ["WEB-INF/web.xml", "WEB-INF/classes/com/example/app/Config.class",
                  "WEB-INF/lib/commons-text-1.11.0.jar", "WEB-INF/resin-web.xml"]
RESIN_DISCONNECT = ["java.io.IOException: Broken pipe", "java.io.IOException: Connection reset by peer",
                    "java.net.SocketException: Connection reset", "java.io.IOException: Connection timed out"]


def resin_health(r, c, t):
    name = c("n", ["Resin|HeapMemory", "Resin|CpuHealthCheck", "Resin|ThreadHealthCheck", "Resin|HttpStatusHealthCheck"])
    if name == "Resin|HeapMemory":
        p = r.randint(2, 9)
        msg = "heap free %d%% (%dM) is below 10%%" % (p, p * 20 + r.randint(0, 19))
    elif name == "Resin|CpuHealthCheck":
        msg = "cpu usage %d%% over %ds" % (r.randint(91, 100), r.choice([30, 60, 120]))
    elif name == "Resin|ThreadHealthCheck":
        msg = "%d active threads, %d blocked on com.caucho.util.LruCache" % (r.randint(180, 256), r.randint(12, 64))
    else:
        msg = "http://127.0.0.1:8080/%s returned %d after %dms" % (
            r.choice(["ping", "shop/health", "api/status"]), r.choice([500, 502, 503]), r.randint(1200, 9000))
    return [name, msg]


def resin_system():
    ev = [
        Event("banner", "Resin Professional 4.0.66 (built Tue, 09 Sep 2025 11:40:21 PDT)", 4, lambda r, c, t: [], th="main"),
        Event("starting", "Starting Resin Professional on <*>", 4,
              lambda r, c, t: ["%s, %02d %s %d %02d:%02d:%02d +0000 (UTC)" % ((WEEKDAY, DAY, MONTHS[MONTH - 1], YEAR) + hms(t)[:3])],
              th="main"),
        Event("http_listen", "http listening to <*>", 6, lambda r, c, t: [c("a", ["*:8080", "10.20.0.15:8080"])], th="main"),
        Event("https_listen", "https listening to <*>", 5, lambda r, c, t: [c("a", ["*:8443", "10.20.0.15:8443"])], th="main"),
        Event("host_active", "Host[production/host/<*>] active", 10,
              lambda r, c, t: [c("h", ["default", "shop.example.test", "admin.example.test"])], th="main"),
        Event("webapp_active", "WebApp[production/webapp/default/<*>] active", 50,
              lambda r, c, t: [c("a", RESIN_APPS)], th="worker"),
        Event("webapp_stopping", "WebApp[production/webapp/default/<*>] stopping", 20,
              lambda r, c, t: [c("a", RESIN_APPS[::-1])], th="worker"),
        Event("webapp_restart", "WebApp[production/webapp/default/<*>] restarting: <*> is modified", 18,
              lambda r, c, t: (lambda a: [a, "/var/resin/webapps/%s/%s" % (a, c("f", RESIN_MODIFIED))])(
                  c("a", ["shop", "api", "reports", "cms"])), th="worker"),
        Event("started_in", "Resin[id=app-0] started in <*>", 4,
              lambda r, c, t: ["%dms" % r.randint(1800, 9400)], th="main"),
        Event("shutdown", "ShutdownSystem: Resin shutdown with exit-code <*> (<*>)", 4,
              lambda r, c, t: list(c("x", [("0", "OK: stop from watchdog"), ("3", "MODIFIED: resin.xml changed"),
                                           ("2", "OUT_OF_MEMORY: java.lang.OutOfMemoryError: Java heap space")])),
              th="shutdown"),
        Event("client_disconnect", "com.caucho.vfs.ClientDisconnectException: <*>", 110,
              lambda r, c, t: [r.choice(RESIN_DISCONNECT)], th="port"),
        Event("health_warning", "HealthCheck[<*>] WARNING: <*>", 50, resin_health, th="health"),
        Event("pool_fail", "ConnectionPool[<*>] unable to create connection: <*>", 9,
              lambda r, c, t: [c("p", ["jdbc/shop", "jdbc/cms", "jdbc/reports"]),
                               c("e", ["java.net.ConnectException: Connection refused",
                                       "java.sql.SQLException: Access denied for user 'shop'@'10.20.0.15' (using password: YES)",
                                       "java.sql.SQLTransientConnectionException: timeout after 30000ms"])],
              th="port"),
        Event("servlet_init_failed", "Servlet[<*>] init() failed: <*>", 6,
              lambda r, c, t: list(c("s", [
                  ("jersey-api", "java.lang.ClassNotFoundException: org.glassfish.jersey.servlet.ServletContainer"),
                  ("cms-dispatcher", "java.lang.IllegalStateException: cms.properties not found in /var/resin/conf"),
                  ("ReportExportServlet", "javax.naming.NameNotFoundException: java:comp/env/jdbc/reports")])),
              th="worker"),
    ]

    def parse(m):
        d, tm = m.group("ts").split(" ")
        yy, mo, dd = (int(x) for x in d.split("-"))
        hh, mi, rest = tm.split(":")
        s, ms = rest.split(".")
        return calendar.timegm((2000 + yy, mo, dd, int(hh), int(mi), int(s), 0, 0, 0)) * 1000 + int(ms)

    header_re = r"\[(?P<ts>\d\d-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})\] \{[^{}]+\} "
    return System(4, "Resin", "shuffle", ev, header_re, parse, "Resin 4 default log format")


def resin_header(r, cyc, e, t):
    h, m, s, ms = hms(t)
    th = e.meta["th"]
    if th == "main":
        thread = "main"
    elif th == "port":
        thread = "resin-port-8080-%d" % r.randint(11, 96)
    elif th == "health":
        thread = cyc(("rth", "health"), ["resin-health-check", "resin-%d" % 17])
    elif th == "shutdown":
        thread = "resin-shutdown"
    else:
        thread = "resin-%d" % r.randint(12, 58)
    return "[%02d-%02d-%02d %02d:%02d:%02d.%03d] {%s} " % (YEAR % 100, MONTH, DAY, h, m, s, ms, thread)


# ---------------------------------------------------------------------------
# 5. TomEE (simulation: web applications deployed / undeployed, overlapping)
# ---------------------------------------------------------------------------
TOMEE_WEBAPPS = "/opt/tomee/webapps/"
TOMEE_APPS = [
    ("shop", [("CartBean", "com.acme.shop.Cart", "Stateless"), ("OrderService", None, "Stateless"),
              ("CatalogCache", None, "Singleton")], [("jdbc/shopDS", "Default JDBC Database")]),
    ("billing", [("InvoiceFacade", "com.acme.billing.api.InvoiceFacade", "Stateless"),
                 ("PaymentScheduler", None, "Singleton")],
     [("jdbc/billingDS", "Default JDBC Database"), ("jms/invoiceQueue", "Default Queue")]),
    ("inventory-api", [("StockResourceBean", None, "Stateless"), ("WarehouseSync", None, "Singleton"),
                       ("ReservationBean", "com.acme.inventory.Reservations", "Stateful"),
                       ("AuditLogger", None, "Stateless")], [("jdbc/inventoryDS", "Default JDBC Database")]),
    ("auth-portal", [("LoginBean", "com.acme.auth.Login", "Stateless")], []),
    ("reports", [("ReportGenerator", None, "Stateless"), ("ExportJob", None, "Singleton")],
     [("jdbc/reportsDS", "Default JDBC Database")]),
    ("crm-web", [("ContactService", "com.acme.crm.ContactService", "Stateless"),
                 ("LeadImporter", None, "Stateless"), ("SessionTracker", None, "Stateful")],
     [("jdbc/crmDS", "Default JDBC Database"), ("mail/crmSmtp", "Default Mail Session")]),
    ("notify", [("MailDispatcher", None, "Singleton")], [("jms/notifyTopic", "Default Topic")]),
]
TOMEE_CONTAINERS = {"Stateless": "Default Stateless Container", "Singleton": "Default Singleton Container",
                    "Stateful": "Default Stateful Container"}
TOMEE_LOGGERS = {
    "deploying": "org.apache.catalina.startup.HostConfig.deployWAR",
    "conf_app": "org.apache.openejb.config.ConfigurationFactory.configureApplication",
    "conf_service": "org.apache.openejb.config.ConfigurationFactory.configureService",
    "loaded": "org.apache.openejb.config.ConfigurationFactory.configureApplication",
    "assembling": "org.apache.openejb.assembler.classic.Assembler.createApplication",
    "jndi": "org.apache.openejb.assembler.classic.JndiBuilder.bindJava",
    "created_ejb": "org.apache.openejb.assembler.classic.Assembler.startEjbs",
    "started_ejb": "org.apache.openejb.assembler.classic.Assembler.startEjbs",
    "owb": "org.apache.openejb.cdi.OpenEJBLifecycle.startApplication",
    "deployed_app": "org.apache.openejb.assembler.classic.Assembler.createApplication",
    "tld": "org.apache.jasper.servlet.TldScanner.scanJars",
    "ctx_failed": "org.apache.catalina.core.StandardContext.startInternal",
    "finished": "org.apache.catalina.startup.HostConfig.deployWAR",
    "undeploy_ctx": "org.apache.catalina.startup.HostConfig.undeploy",
    "undeploy_app": "org.apache.openejb.assembler.classic.Assembler.destroyApplication",
}
TLD_TEXT = ("At least one JAR was scanned for TLDs yet contained no TLDs. Enable debug logging for this logger "
            "for a complete list of JARs that were scanned but no TLDs were found in them. Skipping unneeded "
            "JARs during scanning can improve startup time and JSP compilation time.")


def tomee_system():
    ev = [
        Event("deploying", "Deploying web application archive [<*>]"),
        Event("conf_app", "Configuring enterprise application: <*>"),
        Event("conf_service", "Configuring Service(id=<*>, type=Resource, provider-id=<*>)"),
        Event("loaded", "Enterprise application \"<*>\" loaded."),
        Event("assembling", "Assembling app: <*>"),
        Event("jndi", "Jndi(name=<*>) --> Ejb(deployment-id=<*>)"),
        Event("created_ejb", "Created Ejb(deployment-id=<*>, ejb-name=<*>, container=<*>)"),
        Event("started_ejb", "Started Ejb(deployment-id=<*>, ejb-name=<*>, container=<*>)"),
        Event("owb", "OpenWebBeans Container has started, it took <*> ms."),
        Event("deployed_app", "Deployed Application(path=<*>)"),
        Event("tld", TLD_TEXT),
        Event("ctx_failed", "Context [<*>] startup failed due to previous errors"),
        Event("finished", "Deployment of web application archive [<*>] has finished in [<*>] ms"),
        Event("undeploy_ctx", "Undeploying context [<*>]"),
        Event("undeploy_app", "Undeploying app: <*>"),
    ]

    def parse(m):
        dd, mon, yy = m.group("ts").split(" ")[0].split("-")
        hh, mi, rest = m.group("ts").split(" ")[1].split(":")
        s, ms = rest.split(".")
        return calendar.timegm((int(yy), MONTHS.index(mon) + 1, int(dd), int(hh), int(mi), int(s), 0, 0, 0)) * 1000 + int(ms)

    header_re = (r"(?P<ts>\d\d-[A-Z][a-z]{2}-\d{4} \d\d:\d\d:\d\d\.\d{3}) (?:INFO|WARNING|SEVERE) "
                 r"\[[^\]]+\] [\w.$]+ ")
    return System(5, "TomEE", "simulation", ev, header_re, parse, "JULI OneLineFormatter catalina log")


def tomee_simulate(system):
    r = random.Random(BASE_SEED * 10 + system.k)
    cyc = Cycler()
    sim = Sim(system)
    deployed = set()

    def deploy(app, t, thread):
        name, beans, resources = app
        path = TOMEE_WEBAPPS + name
        t_start = t

        def em(key, vals, lvl="INFO"):
            sim.emit(t, key, vals, thread=thread, lvl=lvl)

        em("deploying", [path + ".war"])
        t += ugap(r, 40, 400)
        em("conf_app", [path])
        for rid, prov in resources:
            t += ugap(r, 2, 30)
            em("conf_service", [rid, prov])
        t += ugap(r, 80, 900)
        em("loaded", [path])
        t += ugap(r, 5, 60)
        em("assembling", [path])
        for bean, iface, kind in beans:
            names = ["%sLocal" % bean if iface else "%sLocalBean" % bean,
                     "global/%s/%s!%s" % (name, bean, iface or "com.acme.%s.%s" % (name.replace("-", ""), bean)),
                     "global/%s/%s" % (name, bean)]
            for n in names:
                t += ugap(r, 0.3, 6)
                em("jndi", [n, bean])
        for state in ("created_ejb", "started_ejb"):
            for bean, iface, kind in beans:
                t += ugap(r, 1, 25)
                em(state, [bean, bean, TOMEE_CONTAINERS[kind]])
        t += ugap(r, 40, 700)
        em("owb", [str(r.randint(45, 980))])
        t += ugap(r, 3, 40)
        em("deployed_app", [path])
        t += ugap(r, 100, 1500)
        em("tld", [])
        if cyc(("tomee", "fail"), [False, False, True, False, False, False, True, False, False]):
            t += ugap(r, 10, 120)
            em("ctx_failed", ["/" + name], lvl="SEVERE")
        t += ugap(r, 20, 400)
        em("finished", [path + ".war", grouped((t - t_start) // MS)])
        return t

    def undeploy(app, t, thread):
        name = app[0]
        sim.emit(t, "undeploy_ctx", ["/" + name], thread=thread, lvl="INFO")
        t += ugap(r, 15, 120)
        sim.emit(t, "undeploy_app", [TOMEE_WEBAPPS + name], thread=thread, lvl="INFO")
        return t

    # startup: five applications deploying in parallel on the utility threads
    t0 = 7 * 3600 * SEC + 58 * 60 * SEC + 12 * SEC + r.randint(0, 999) * MS
    t = t0
    for j in range(5):
        app = cyc(("tomee", "app"), TOMEE_APPS)
        deploy(app, t, "Catalina-utility-%d" % (j % 4 + 1))
        deployed.add(app[0])
        t += ugap(r, 30, 350)
    # later: hot redeploys and new deployments, each on whichever utility thread picks it up
    T = t0 + 40 * SEC
    for k in range(40):
        T += gap(r, 55)
        app = cyc(("tomee", "app"), TOMEE_APPS)
        thread = "Catalina-utility-%d" % r.randint(1, 4)
        if app[0] in deployed and r.random() < 0.8:
            tt = undeploy(app, T, thread)
            deploy(app, tt + ugap(r, 600, 4000), thread)
        else:
            deploy(app, T, thread)
            deployed.add(app[0])

    def header(e, t, meta):
        h, m, s, ms = hms(t)
        return "%02d-%s-%d %02d:%02d:%02d.%03d %s [%s] %s " % (
            DAY, MONTHS[MONTH - 1], YEAR, h, m, s, ms, meta["lvl"], meta["thread"], TOMEE_LOGGERS[e.key])

    sim.finish(header)


# ---------------------------------------------------------------------------
# 6. Apache Karaf (simulation: SSH sessions triggering feature jobs, blueprint bundles)
# ---------------------------------------------------------------------------
KARAF_FEATURES = [
    ("orders-service", "2.3.1", [("com.acme.orders", "orders-api", "2.3.1", "com.acme.orders.api", False),
                                 ("com.acme.orders", "orders-impl", "2.3.1", "com.acme.orders.impl", True),
                                 ("com.acme.orders", "orders-rest", "2.3.1", "com.acme.orders.rest", True)]),
    ("camel-jms", "3.21.4", [("org.apache.camel", "camel-jms", "3.21.4", "org.apache.camel.camel-jms", False),
                             ("org.apache.camel", "camel-support", "3.21.4", "org.apache.camel.camel-support", False),
                             ("org.apache.servicemix.bundles", "org.apache.servicemix.bundles.spring-jms", "5.3.31_1",
                              "org.apache.servicemix.bundles.spring-jms", False),
                             ("org.apache.geronimo.specs", "geronimo-jms_2.0_spec", "1.0-alpha-2",
                              "org.apache.geronimo.specs.geronimo-jms_2.0_spec", False)]),
    ("billing-service", "1.8.0", [("com.acme.billing", "billing-model", "1.8.0", "com.acme.billing.model", False),
                                  ("com.acme.billing", "billing-core", "1.8.0", "com.acme.billing.core", True),
                                  ("com.acme.billing", "billing-camel", "1.8.0", "com.acme.billing.camel", True)]),
    ("pax-jdbc-postgresql", "1.5.6", [("org.ops4j.pax.jdbc", "pax-jdbc-postgresql", "1.5.6", "org.ops4j.pax.jdbc.postgresql", False),
                                      ("org.postgresql", "postgresql", "42.7.3", "org.postgresql.jdbc", False),
                                      ("org.ops4j.pax.jdbc", "pax-jdbc-pool-common", "1.5.6", "org.ops4j.pax.jdbc.pool.common", False)]),
    ("inventory-sync", "0.9.4", [("com.acme.inventory", "inventory-model", "0.9.4", "com.acme.inventory.model", False),
                                 ("com.acme.inventory", "inventory-sync", "0.9.4", "com.acme.inventory.sync", True)]),
    ("cxf-jaxrs", "3.6.2", [("org.apache.cxf", "cxf-core", "3.6.2", "org.apache.cxf.cxf-core", False),
                            ("org.apache.cxf", "cxf-rt-frontend-jaxrs", "3.6.2", "org.apache.cxf.cxf-rt-frontend-jaxrs", False),
                            ("org.apache.cxf", "cxf-rt-rs-client", "3.6.2", "org.apache.cxf.cxf-rt-rs-client", False),
                            ("org.apache.cxf", "cxf-rt-transports-http", "3.6.2", "org.apache.cxf.cxf-rt-transports-http", True)]),
    ("notify-gateway", "1.2.0", [("com.acme.notify", "notify-api", "1.2.0", "com.acme.notify.api", False),
                                 ("com.acme.notify", "notify-smtp", "1.2.0", "com.acme.notify.smtp", True),
                                 ("com.acme.notify", "notify-sms", "1.2.0", "com.acme.notify.sms", True)]),
]
KARAF_DEPS = {
    "com.acme.orders.impl": "(&(osgi.jndi.service.name=jdbc/orders)(objectClass=javax.sql.DataSource))",
    "com.acme.orders.rest": "(objectClass=com.acme.orders.api.OrderService)",
    "com.acme.billing.core": "(&(osgi.jndi.service.name=jdbc/billing)(objectClass=javax.sql.DataSource))",
    "com.acme.billing.camel": "(&(component=jms)(objectClass=org.apache.camel.spi.ComponentResolver))",
    "com.acme.inventory.sync": "(objectClass=org.apache.camel.spi.ComponentResolver)",
    "org.apache.cxf.cxf-rt-transports-http": "(objectClass=org.osgi.service.http.HttpService)",
    "com.acme.notify.smtp": "(objectClass=com.acme.notify.api.TemplateRegistry)",
    "com.acme.notify.sms": "(&(objectClass=org.osgi.service.cm.ManagedService)(service.pid=com.acme.notify.sms))",
}
KARAF_USERS = ["karaf", "admin", "ops-jdoe", "deploy-bot"]
KARAF_IPS = ["10.12.0.45", "10.12.0.61", "192.168.56.1", "10.12.3.7"]
KARAF_FEATURES_THREAD = "features-3-thread-1"
KARAF_SSHD = "sshd-SshServer[7c9d2c41](port=8101)-nio2-thread-%d"
KARAF_MDC = {
    "features": "11 - org.apache.karaf.features.core - 4.4.6",
    "blueprint": "16 - org.apache.aries.blueprint.core - 1.10.3",
    "none": " -  - ",
}


def karaf_system():
    ev = [
        Event("add", "Adding features: <*>/[<*>,<*>]"),
        Event("remove", "Removing features: <*>/[<*>,<*>]"),
        Event("changes", "Changes to perform:"),
        Event("installing", "Installing bundles:"),
        Event("mvn", "mvn:<*>/<*>/<*>"),
        Event("starting", "Starting bundles:"),
        Event("stopping", "Stopping bundles:"),
        Event("uninstalling", "Uninstalling bundles:"),
        Event("bundle", "<*>/<*>"),
        Event("done", "Done."),
        Event("bp_started", "Blueprint bundle <*>/<*> has been started"),
        Event("bp_waiting", "Blueprint bundle <*>/<*> is waiting for dependencies [<*>]"),
        Event("bp_destroy", "Destroying container for blueprint bundle <*>/<*>"),
        Event("ssh_auth", "Session <*>@/<*>:<*> authenticated"),
        Event("ssh_closed", "Session <*>@/<*>:<*> closed"),
    ]

    def parse(m):
        d, tm = m.group("ts").split("T")
        y, mo, dd = (int(x) for x in d.split("-"))
        hh, mi, rest = tm.split(":")
        s, ms = rest.split(",")
        return calendar.timegm((y, mo, dd, int(hh), int(mi), int(s), 0, 0, 0)) * 1000 + int(ms)

    header_re = (r"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d,\d{3}) \| (?:INFO |WARN |ERROR|DEBUG) \| .{16} \| .{32} \| "
                 r"(?:\d+ - [\w.\-]+ - [\w.\-]+| -  - ) \| *")
    return System(6, "ApacheKaraf", "simulation", ev, header_re, parse, "karaf.log pax-logging default layout")


def karaf_simulate(system):
    r = random.Random(BASE_SEED * 10 + system.k)
    cyc = Cycler()
    sim = Sim(system)
    feat_logger = "org.apache.karaf.features.internal.service.FeaturesServiceImpl"
    bp_thread_pool = ["Blueprint Extender: 1", "Blueprint Extender: 2", "Blueprint Extender: 3"]

    def fl(t, key, vals, indent=0):
        sim.emit(t, key, vals, thread=KARAF_FEATURES_THREAD, logger=feat_logger, mdc="features", indent=indent)

    def install_job(feature, t):
        name, ver, bundles = feature
        fl(t, "add", [name, ver, ver])
        t += ugap(r, 1, 12)
        fl(t, "changes", [])
        t += ugap(r, 2, 40)
        fl(t, "installing", [])
        for g, a, v, sym, bp in bundles:
            t += ugap(r, 0.2, 4)
            fl(t, "mvn", [g, a, v], indent=2)
        t += ugap(r, 150, 2200)
        fl(t, "starting", [])
        bp_base = t
        for g, a, v, sym, bp in bundles:
            t += ugap(r, 0.2, 3)
            fl(t, "bundle", [sym, v], indent=2)
        # blueprint containers come up asynchronously on the extender threads
        for g, a, v, sym, bp in bundles:
            if not bp:
                continue
            bt = bp_base + ugap(r, 20, 900)
            th = cyc(("karaf", "bpthread"), bp_thread_pool)
            if cyc(("karaf", "wait"), [False, False, True, False, False, False, False]):
                sim.emit(bt, "bp_waiting", [sym, v, KARAF_DEPS[sym]],
                         thread=th, logger="org.apache.aries.blueprint.container.BlueprintContainerImpl",
                         mdc="blueprint", indent=0)
                bt += ugap(r, 1500, 30000)
            sim.emit(bt, "bp_started", [sym, v], thread=th,
                     logger="org.apache.aries.blueprint.container.BlueprintContainerImpl", mdc="blueprint", indent=0)
        t += ugap(r, 10, 300)
        fl(t, "done", [])
        return t

    def remove_job(feature, t):
        name, ver, bundles = feature
        fl(t, "remove", [name, ver, ver])
        t += ugap(r, 1, 12)
        fl(t, "changes", [])
        t += ugap(r, 2, 40)
        fl(t, "stopping", [])
        for g, a, v, sym, bp in bundles:
            t += ugap(r, 0.2, 3)
            fl(t, "bundle", [sym, v], indent=2)
        for g, a, v, sym, bp in bundles:
            if bp:
                t += ugap(r, 5, 120)
                sim.emit(t, "bp_destroy", [sym, v], thread=KARAF_FEATURES_THREAD,
                         logger="org.apache.aries.blueprint.container.BlueprintExtender", mdc="blueprint", indent=0)
        t += ugap(r, 20, 300)
        fl(t, "uninstalling", [])
        for g, a, v, sym, bp in bundles:
            t += ugap(r, 0.2, 3)
            fl(t, "bundle", [sym, v], indent=2)
        t += ugap(r, 10, 200)
        fl(t, "done", [])
        return t

    t0 = 9 * 3600 * SEC + 3 * 60 * SEC + r.randint(0, 59) * SEC
    installed = []
    # boot feature installed by the features service right after startup
    boot = KARAF_FEATURES[0]
    free_at = install_job(boot, t0)
    installed.append(boot)

    # SSH sessions with overlapping lifetimes; some run feature:install / feature:uninstall
    requests = []
    s = t0 + 20 * SEC
    for i in range(45):
        s += gap(r, 75)
        user = cyc(("karaf", "user"), KARAF_USERS)
        ip = cyc(("karaf", "ip"), KARAF_IPS)
        port = str(r.randint(40000, 64999))
        length = 25 * SEC + gap(r, 260)
        nio = r.randint(1, 8)
        sim.emit(s, "ssh_auth", [user, ip, port], thread=KARAF_SSHD % nio,
                 logger="org.apache.sshd.server.session.ServerSessionImpl", mdc="none", indent=0)
        sim.emit(s + length, "ssh_closed", [user, ip, port], thread=KARAF_SSHD % r.randint(1, 8),
                 logger="org.apache.sshd.server.session.ServerSessionImpl", mdc="none", indent=0)
        for _ in range(cyc(("karaf", "njobs"), [1, 2, 1, 0, 1, 2])):
            requests.append(s + r.randint(5 * SEC, length - 5 * SEC))
    requests.sort()
    for req in requests:
        start = max(req, free_at + ugap(r, 5, 80))
        not_installed = [f for f in KARAF_FEATURES if f not in installed]
        if installed and (not not_installed or r.random() < 0.3):
            f = installed.pop(r.randrange(len(installed)))
            free_at = remove_job(f, start)
        else:
            f = not_installed[r.randrange(len(not_installed))]
            installed.append(f)
            free_at = install_job(f, start)

    def trunc(s, n):
        return s[-n:] if len(s) > n else s

    def header(e, t, meta):
        h, m, s_, ms = hms(t)
        return "%04d-%02d-%02dT%02d:%02d:%02d,%03d | %-5s | %-16s | %-32s | %s | %s" % (
            YEAR, MONTH, DAY, h, m, s_, ms, "INFO", trunc(meta["thread"], 16),
            trunc(meta["logger"].rsplit(".", 1)[-1], 32), KARAF_MDC[meta["mdc"]], " " * meta["indent"])

    sim.finish(header)


# ---------------------------------------------------------------------------
# writing and self-check
# ---------------------------------------------------------------------------
def write(system):
    d = os.path.join(OUT, system.name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, system.name + ".log"), "w", encoding="utf-8", newline="") as f:
        for raw, _, _ in system.rows:
            f.write(raw + "\n")
    with open(os.path.join(d, system.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for n, (raw, content, i) in enumerate(system.rows, 1):
            w.writerow([n, content, "E%d" % (i + 1), system.events[i].tpl])


def tpl_regex(tpl):
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in tpl.split("<*>")) + "$", re.S)


def check(system):
    errs = []
    d = os.path.join(OUT, system.name)
    logp = os.path.join(d, system.name + ".log")
    csvp = os.path.join(d, system.name + ".log_structured.csv")
    with open(logp, "rb") as f:
        raw_bytes = f.read()
    with open(csvp, "rb") as f:
        csv_bytes = f.read()
    for label, b in (("log", raw_bytes), ("csv", csv_bytes)):
        if not b.endswith(b"\n"):
            errs.append("%s does not end with newline" % label)
        if b"\r" in b:
            errs.append("%s contains \\r" % label)
    lines = raw_bytes.decode("utf-8").split("\n")[:-1]
    if len(lines) != N_LINES:
        errs.append("log has %d lines" % len(lines))
    with open(csvp, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header %r" % rows[0])
    rows = rows[1:]
    if len(rows) != N_LINES:
        errs.append("csv has %d rows" % len(rows))
    declared = {"E%d" % (i + 1): e.tpl for i, e in enumerate(system.events)}
    eid_tpl = {}
    captures = {}
    counts = {}
    last_ts = None
    for n, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (n, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(n):
            errs.append("row %d LineId %r" % (n, lid))
        if not content or content != content.strip():
            errs.append("row %d content empty or unstripped" % n)
            continue
        if not line.endswith(content):
            errs.append("line %d does not end with its content" % n)
            continue
        hdr = line[:len(line) - len(content)]
        m = system.header_re.fullmatch(hdr)
        if not m:
            errs.append("line %d header does not match: %r" % (n, hdr))
            continue
        ts = system.parse_ts(m)
        if "ms" in m.groupdict() and m.group("ms") is not None and int(m.group("ms")) != ts:
            errs.append("line %d raw millis %s != timestamp %d" % (n, m.group("ms"), ts))
        if last_ts is not None and ts < last_ts:
            errs.append("line %d timestamp goes back" % n)
        last_ts = ts
        if not re.fullmatch(r"E\d+", eid):
            errs.append("row %d bad EventId %r" % (n, eid))
            continue
        if eid_tpl.setdefault(eid, tpl) != tpl:
            errs.append("EventId %s has two templates" % eid)
        if declared.get(eid) != tpl:
            errs.append("row %d template differs from declared %s" % (n, eid))
        mm = tpl_regex(tpl).fullmatch(content)
        if not mm:
            errs.append("row %d content does not match template %s" % (n, eid))
            continue
        counts[eid] = counts.get(eid, 0) + 1
        for j, g in enumerate(mm.groups()):
            captures.setdefault((eid, j), set()).add(g)
    if len(set(eid_tpl.values())) != len(eid_tpl):
        errs.append("two EventIds share a template")
    if len(set(declared.values())) != len(declared):
        errs.append("declared templates not distinct")
    if set(counts) != set(declared):
        errs.append("events declared but unused: %s" % sorted(set(declared) - set(counts)))
    for eid, tpl in declared.items():
        for j in range(tpl.count("<*>")):
            if len(captures.get((eid, j), ())) < 2:
                errs.append("%s slot %d takes fewer than 2 values" % (eid, j + 1))
    cs = [counts.get(e, 0) for e in declared]
    if not 12 <= len(declared) <= 15:
        errs.append("%d event types" % len(declared))
    if min(cs) < 3:
        errs.append("an event has fewer than 3 lines: %s" % counts)
    if sum(1 for x in cs if 3 <= x <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines: %s" % counts)
    med = statistics.median(cs)
    if max(cs) < 3 * med:
        errs.append("largest %d < 3 x median %s" % (max(cs), med))
    return errs, cs, med


def build():
    systems = []
    s = payara_system(); run_shuffle(s, payara_header, 6 * 3600 * SEC + 41 * 60 * SEC + 7 * SEC, 38); systems.append(s)
    s = liberty_system(); run_shuffle(s, liberty_header, 5 * 3600 * SEC + 12 * 60 * SEC + 55 * SEC, 41); systems.append(s)
    s = weblogic_system(); run_shuffle(s, weblogic_header, 7 * 3600 * SEC + 2 * 60 * SEC + 31 * SEC, 44); systems.append(s)
    s = resin_system(); run_shuffle(s, resin_header, 4 * 3600 * SEC + 55 * 60 * SEC + 3 * SEC, 47); systems.append(s)
    s = tomee_system(); tomee_simulate(s); systems.append(s)
    s = karaf_system(); karaf_simulate(s); systems.append(s)
    assert [x.k for x in systems] == [1, 2, 3, 4, 5, 6]
    return systems


def main():
    systems = build()
    for s in systems:
        write(s)
    ok = True
    for s in systems:
        errs, cs, med = check(s)
        status = "OK" if not errs else "FAIL"
        print("%-17s %-10s events=%2d lines=%d min=%d max=%d median=%s counts=%s  %s" % (
            s.name, s.mode, len(s.events), len(s.rows), min(cs), max(cs), med, cs, status))
        for e in errs[:25]:
            print("    " + e)
        ok = ok and not errs
    print("self-check:", "PASSED" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
