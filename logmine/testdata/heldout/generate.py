#!/usr/bin/env python3
"""Writes the miner's held-out corpus (see README.md beside this file).

Eight systems whose formats are neither in `../dev_corpus` nor among the eight Loghub-2k systems
the miner was tuned on. Every line is made here from event formats written for this corpus from
the formats' documented shapes, with random values; nothing is copied from a public log.
Deterministic (fixed seed): `python3 generate.py` rewrites the same files. Each system gets
`<System>.log` (raw lines) and `<System>.log_structured.csv` (LineId, Content, EventId,
EventTemplate), the layout `loghub-eval` reads.

Ground truth convention (Loghub style): one `<*>` per value; a value that holds spaces (a quoted
string, an SQL statement, a reason phrase) is one `<*>`; punctuation around a value stays literal.
"""
import csv
import os
import random
import time

R = random.Random(20261204)
LINES = 360
HERE = os.path.dirname(os.path.abspath(__file__))

# Value pools of their own (not the dev corpus's), with words that are values in some systems.
USERS = ["root", "ftp", "postgres", "app_rw", "reporting", "ivan", "li.wei", "grafana", "backup"]
DATABASES = ["shop", "billing", "analytics", "postgres", "inventory"]
TABLES = ["orders", "line_items", "customers", "invoices", "events_2026_05", "pg_toast_16412"]
URLS = ["/", "/checkout", "/api/v2/carts/{}", "/api/v2/search?q={}", "/assets/main.{}.css", "/metrics",
        "/account/settings", "/img/p/{}.webp"]
METHODS = ["GET", "GET", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"]
AGENTS = ["curl/7.88.1", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
          "python-requests/2.31.0", "Prometheus/2.51.0", "okhttp/4.12.0"]
DOMAINS = ["shop.example.org", "api.example.org", "static.example.org"]


def ip(prefix=None):
    a = prefix or R.choice(["172.16", "192.168", "10.4"])
    return "%s.%d.%d" % (a, R.randint(0, 255), R.randint(1, 254))


def hexid(n=8):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def uuid():
    return "-".join(hexid(n) for n in (8, 4, 4, 4, 12))


def num(a=1, b=99999):
    return str(R.randint(a, b))


def dec(a, b, places=3):
    return "%.*f" % (places, R.uniform(a, b))


def url():
    u = R.choice(URLS)
    if "{}" in u:
        u = u.format(R.choice([num(1, 9999), hexid(10), R.choice(["boots", "red+shoes", "tent"])]))
    return u


class Clock:
    def __init__(self):
        self.t = 1777600000.0 + R.randint(0, 86400)

    def tick(self):
        self.t += R.random() * 2.5
        g = time.gmtime(self.t)
        return g, int((self.t % 1) * 1_000_000)


MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def ymd(g, sep="-"):
    return "%04d%s%02d%s%02d" % (g.tm_year, sep, g.tm_mon, sep, g.tm_mday)


def hms(g):
    return "%02d:%02d:%02d" % (g.tm_hour, g.tm_min, g.tm_sec)


def write(system, events, render):
    """events: list of (weight, tag, format with {} holes, value makers). render(tag, content,
    values) -> the raw line. A format may also be a callable returning (content, template), for
    events whose template depends on the values (variable-length lists)."""
    folder = os.path.join(HERE, system)
    os.makedirs(folder, exist_ok=True)
    rows, raw = [], []
    weights = [e[0] for e in events]
    for i in range(LINES):
        k = R.choices(range(len(events)), weights)[0]
        _, tag, fmt, makers = events[k]
        values = [m() for m in makers]
        if callable(fmt):
            content, template = fmt(*values)
        else:
            content = fmt.format(*values)
            template = fmt.format(*["<*>"] * len(values))
        rows.append([i + 1, content, "E%d" % (k + 1), template])
        raw.append(render(tag, content, values))
    with open(os.path.join(folder, system + ".log"), "w", newline="") as f:
        f.write("\n".join(raw) + "\n")
    with open(os.path.join(folder, system + ".log_structured.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


# ---------------------------------------------------------------------------------------------
# PostgreSQL server log, log_line_prefix = '%m [%p] %q%u@%d ' (the Debian default): background
# processes have no session, so no `user@db`. Content is what follows `LEVEL:  `.
def postgres():
    c = Clock()
    stmts = ["SELECT * FROM orders WHERE customer_id = $1", "UPDATE carts SET updated_at = now() WHERE id = $1",
             "SELECT count(*) FROM line_items", "DELETE FROM sessions WHERE expires_at < now()",
             "INSERT INTO events_2026_05 (kind, payload) VALUES ($1, $2)"]
    events = [
        (8, "LOG", "connection received: host={} port={}", [ip, lambda: num(30000, 60999)]),
        (7, "LOG/s", "connection authorized: user={} database={} application_name={}", [lambda: R.choice(USERS), lambda: R.choice(DATABASES), lambda: R.choice(["psql", "pgbouncer", "rails", "metabase"])]),
        (7, "LOG/s", "disconnection: session time: {} user={} database={} host={} port={}", [lambda: "0:%02d:%02d.%03d" % (R.randint(0, 59), R.randint(0, 59), R.randint(0, 999)), lambda: R.choice(USERS), lambda: R.choice(DATABASES), ip, lambda: num(30000, 60999)]),
        (9, "LOG/s", "duration: {} ms  statement: {}", [lambda: dec(0, 3000), lambda: R.choice(stmts)]),
        (3, "FATAL/s", "password authentication failed for user \"{}\"", [lambda: R.choice(USERS)]),
        (2, "FATAL/s", "database \"{}\" does not exist", [lambda: R.choice(["shop_dev", "test", "billing_old"])]),
        (3, "ERROR/s", "duplicate key value violates unique constraint \"{}\"", [lambda: R.choice(["customers_email_key", "orders_pkey", "invoices_number_key"])]),
        (3, "DETAIL/s", "Key ({})=({}) already exists.", [lambda: R.choice(["email", "id", "number"]), lambda: R.choice([num(1, 99999), "ivan@example.org", "INV-" + num(1000, 9999)])]),
        (3, "STATEMENT/s", "{}", [lambda: R.choice(stmts)]),
        (3, "LOG", "checkpoint starting: {}", [lambda: R.choice(["time", "wal", "immediate force wait"])]),
        (3, "LOG", "checkpoint complete: wrote {} buffers ({}%); {} WAL file(s) added, {} removed, {} recycled; write={} s, sync={} s, total={} s; sync files={}, longest={} s, average={} s; distance={} kB, estimate={} kB", [lambda: num(1, 9000), lambda: dec(0, 40, 1), lambda: num(0, 3), lambda: num(0, 3), lambda: num(0, 9), lambda: dec(0, 270), lambda: dec(0, 1), lambda: dec(0, 271), lambda: num(1, 300), lambda: dec(0, 1), lambda: dec(0, 1), lambda: num(10, 999999), lambda: num(10, 999999)]),
        (4, "LOG", "automatic vacuum of table \"{}\": index scans: {}", [lambda: "%s.public.%s" % (R.choice(DATABASES), R.choice(TABLES)), lambda: num(0, 2)]),
        (3, "LOG", "automatic analyze of table \"{}\"", [lambda: "%s.public.%s" % (R.choice(DATABASES), R.choice(TABLES))]),
        (2, "ERROR/s", "relation \"{}\" does not exist at character {}", [lambda: R.choice(["order_items", "tmp_import", "users"]), lambda: num(15, 80)]),
        (2, "LOG/s", "could not receive data from client: Connection reset by peer", []),
        (2, "ERROR/s", "canceling statement due to statement timeout", []),
        (1, "LOG", "database system is ready to accept connections", []),
        (1, "LOG", "received fast shutdown request", []),
        (2, "WARNING/s", "there is no transaction in progress", []),
        (1, "LOG", "background worker \"{}\" (PID {}) exited with exit code {}", [lambda: R.choice(["logical replication launcher", "parallel worker", "TimescaleDB Background Worker Scheduler"]), lambda: num(100, 65000), lambda: num(0, 1)]),
    ]

    def render(tag, content, values):
        g, us = c.tick()
        level, _, who = tag.partition("/")
        prefix = "%s %s.%03d UTC [%d] " % (ymd(g), hms(g), us // 1000, R.randint(100, 65000))
        if who:
            prefix += "%s@%s " % (R.choice(USERS), R.choice(DATABASES))
        return "%s%s:  %s" % (prefix, level, content)
    write("Postgres", events, render)


# ---------------------------------------------------------------------------------------------
# MySQL 8 error log: `time thread [Level] [MY-code] [Subsystem] message`.
def mysql():
    c = Clock()

    def denied(user, host, pw):
        return ("Access denied for user '%s'@'%s' (using password: %s)" % (user, host, pw),
                "Access denied for user '<*>'@'<*>' (using password: <*>)")
    events = [
        (8, "Note MY-010914 Server", "Aborted connection {} to db: '{}' user: '{}' host: '{}' ({}).", [lambda: num(10, 99999), lambda: R.choice(DATABASES), lambda: R.choice(USERS), ip, lambda: R.choice(["Got an error reading communication packets", "Got timeout reading communication packets"])]),
        (6, "Warning MY-010055 Server", "IP address '{}' could not be resolved: {}", [ip, lambda: R.choice(["Name or service not known", "Temporary failure in name resolution"])]),
        (6, "Note MY-010926 Server", denied, [lambda: R.choice(USERS), ip, lambda: R.choice(["YES", "NO"])]),
        (4, "Warning MY-011825 InnoDB", "page_cleaner: 1000ms intended loop took {}ms. The settings might not be optimal. (flushed={}, during the time.)", [lambda: num(1001, 20000), lambda: num(0, 2000)]),
        (3, "System MY-010931 Server", "/usr/sbin/mysqld: ready for connections. Version: '{}'  socket: '{}'  port: {}  MySQL Community Server - GPL.", [lambda: R.choice(["8.0.36", "8.0.37"]), lambda: "/var/run/mysqld/mysqld.sock", lambda: R.choice(["3306", "3307"])]),
        (3, "Note MY-010581 Repl", "Replica SQL thread for channel '{}' initialized, starting replication in log '{}' at position {}, relay log '{}' position: {}", [lambda: R.choice(["", "east"]), lambda: "binlog.%06d" % R.randint(1, 999), lambda: num(4, 99999999), lambda: "./relay-bin.%06d" % R.randint(1, 999), lambda: num(4, 99999)]),
        (3, "Error MY-010584 Repl", "Replica I/O for channel '{}': Error reconnecting to source '{}'. This was attempt {}/{}, with a delay of {} seconds between attempts. Message: {}", [lambda: R.choice(["", "east"]), lambda: "repl@" + ip() + ":3306", lambda: num(1, 86400), lambda: "86400", lambda: "60", lambda: R.choice(["Can't connect to MySQL server on '%s:3306' (111)" % ip(), "Lost connection to MySQL server at 'reading initial communication packet', system error: 104"])]),
        (3, "Note MY-012345 InnoDB", "Buffer pool(s) load completed at {}", [lambda: "26%02d%02d %02d:%02d:%02d" % (R.randint(1, 12), R.randint(1, 28), R.randint(0, 23), R.randint(0, 59), R.randint(0, 59))]),
        (2, "Warning MY-010068 Server", "CA certificate {} is self signed.", [lambda: R.choice(["ca.pem", "/etc/mysql/ssl/ca.pem"])]),
        (2, "Error MY-013183 InnoDB", "Assertion failure: {}:{} thread {}", [lambda: R.choice(["btr0cur.cc", "row0sel.cc", "buf0flu.cc"]), lambda: num(100, 6000), lambda: num(100000000000, 999999999999)]),
        (2, "Note MY-010733 Server", "Shutting down plugin '{}'", [lambda: R.choice(["InnoDB", "mysqlx", "sha256_password", "caching_sha2_password", "MyISAM"])]),
        (2, "Warning MY-010909 Server", "/usr/sbin/mysqld: Forcing close of thread {}  user: '{}'.", [lambda: num(10, 99999), lambda: R.choice(USERS)]),
        (1, "System MY-010910 Server", "/usr/sbin/mysqld: Shutdown complete (mysqld {})  MySQL Community Server - GPL.", [lambda: R.choice(["8.0.36", "8.0.37"])]),
        (2, "Warning MY-013360 Server", "Plugin sha256_password reported: ''sha256_password' is deprecated and will be removed in a future release. Please use caching_sha2_password instead'", []),
    ]

    def render(tag, content, values):
        g, us = c.tick()
        level, code, sub = tag.split()
        return "%sT%s.%06dZ %d [%s] [%s] [%s] %s" % (ymd(g), hms(g), us, R.choice([0, 0, 1, R.randint(8, 9999)]), level, code, sub, content)
    write("MySQL", events, render)


# ---------------------------------------------------------------------------------------------
# HAProxy through syslog (RFC 3164 as rsyslog writes it to a file): `Mon dd hh:mm:ss host
# haproxy[pid]: message`; the message is an HTTP log line (`option httplog`) or an event.
def haproxy():
    c = Clock()
    backends = [("be_shop", ["shop-1", "shop-2", "shop-3"]), ("be_api", ["api-a", "api-b"]), ("be_static", ["cdn-edge"])]

    def httplog(client, port, date, fe, be, srv, timers, status, size, term, conns, queues, method, path):
        content = '%s:%s [%s] %s %s/%s %s %s %s - - %s %s %s "%s %s HTTP/1.1"' % (client, port, date, fe, be, srv, timers, status, size, term, conns, queues, method, path)
        return content, '<*>:<*> [<*>] <*> <*>/<*> <*>/<*>/<*>/<*>/<*> <*> <*> - - <*> <*>/<*>/<*>/<*>/<*> <*>/<*> "<*> <*> HTTP/1.1"'

    def pick_backend():
        be, srvs = R.choice(backends)
        return be, R.choice(srvs)
    state = {}

    def be():
        state["b"] = pick_backend()
        return state["b"][0]

    def srv():
        return state["b"][1]

    def hadate():
        g = time.gmtime(c.t)
        return "%02d/%s/%04d:%s.%03d" % (g.tm_mday, MONTHS[g.tm_mon - 1], g.tm_year, hms(g), R.randint(0, 999))

    def down(be_srv, layer, info, dur, active):
        b, s = be_srv
        content = 'Server %s/%s is DOWN, reason: %s, info: "%s", check duration: %sms. %s active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.' % (b, s, layer, info, dur, active)
        return content, 'Server <*>/<*> is DOWN, reason: <*>, info: "<*>", check duration: <*>ms. <*> active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.'

    def up(be_srv, layer, dur, active):
        b, s = be_srv
        content = "Server %s/%s is UP, reason: %s, check duration: %sms. %s active and 0 backup servers online. 0 sessions requeued, 0 total in queue." % (b, s, layer, dur, active)
        return content, "Server <*>/<*> is UP, reason: <*>, check duration: <*>ms. <*> active and 0 backup servers online. 0 sessions requeued, 0 total in queue."
    events = [
        (20, "", httplog, [lambda: ip(), lambda: num(1024, 65535), hadate, lambda: R.choice(["http-in", "https-in~"]), be, srv,
                           lambda: "%d/%d/%d/%d/%d" % (R.randint(0, 5), R.randint(0, 3), R.randint(0, 4), R.randint(1, 900), R.randint(1, 1000)),
                           lambda: R.choice(["200", "200", "304", "404", "503", "301"]), lambda: num(0, 90000), lambda: R.choice(["----", "----", "CD--", "sH--", "SC--"]),
                           lambda: "%d/%d/%d/%d/%d" % (R.randint(1, 300), R.randint(1, 300), R.randint(0, 50), R.randint(0, 20), R.randint(0, 3)),
                           lambda: "%d/%d" % (R.randint(0, 2), R.randint(0, 2)), lambda: R.choice(METHODS), url]),
        (3, "", down, [pick_backend, lambda: R.choice(["Layer4 connection problem", "Layer4 timeout", "Layer7 wrong status"]), lambda: R.choice(["Connection refused", "No route to host", "HTTP status check returned code <503>"]), lambda: num(0, 2000), lambda: num(0, 3)]),
        (3, "", up, [pick_backend, lambda: R.choice(["Layer7 check passed", "Layer4 check passed"]), lambda: num(0, 40), lambda: num(1, 3)]),
        (2, "", "{}:{} [{}] {}/{}: SSL handshake failure", [ip, lambda: num(1024, 65535), hadate, lambda: "https-in", lambda: R.choice(["1", "2"])]),
        (1, "", "Proxy {} started.", [lambda: R.choice(["http-in", "https-in", "be_shop", "be_api", "stats"])]),
        (1, "", "Stopping frontend {} in {} ms.", [lambda: R.choice(["http-in", "https-in"]), lambda: num(0, 5000)]),
        (1, "", "Stopping backend {} in {} ms.", [lambda: R.choice(["be_shop", "be_api", "be_static"]), lambda: num(0, 5000)]),
        (1, "", "Proxy {} stopped (cumulated conns: FE: {}, BE: {}).", [lambda: R.choice(["http-in", "be_shop", "be_api"]), lambda: num(0, 999999), lambda: num(0, 999999)]),
        (2, "", "backend {} has no server available!", [lambda: R.choice(["be_shop", "be_api", "be_static"])]),
        (1, "", "Health check for server {}/{} failed, reason: {}, code: {}, check duration: {}ms, status: {}/{} UP.", [lambda: R.choice(["be_shop", "be_api"]), lambda: R.choice(["shop-1", "api-a", "api-b"]), lambda: R.choice(["Layer7 wrong status", "Layer7 timeout"]), lambda: R.choice(["500", "503", "404"]), lambda: num(1, 2000), lambda: num(0, 2), lambda: "3"]),
    ]

    def render(tag, content, values):
        g, _ = c.tick()
        return "%s %2d %s %s haproxy[%d]: %s" % (MONTHS[g.tm_mon - 1], g.tm_mday, hms(g), R.choice(["lb-1", "lb-2"]), R.choice([2741, 2741, 18833]), content)
    write("HAProxy", events, render)


# ---------------------------------------------------------------------------------------------
# Envoy: its own log (`[date][thread][level][component] [file:line] message`, the default
# --log-format) mixed with its default access log (`[date] "METHOD PATH PROTO" ...`). Content
# is the message, and for an access line everything after the bracketed start time.
def envoy():
    c = Clock()

    def access(method, path, code, flags, rx, tx, dur, upt, xff, agent, rid, authority, upstream):
        content = '"%s %s HTTP/1.1" %s %s %s %s %s %s "%s" "%s" "%s" "%s" "%s"' % (method, path, code, flags, rx, tx, dur, upt, xff, agent, rid, authority, upstream)
        return content, '"<*> <*> HTTP/1.1" <*> <*> <*> <*> <*> <*> "<*>" "<*>" "<*>" "<*>" "<*>"'
    events = [
        (16, "access", access, [lambda: R.choice(METHODS), url, lambda: R.choice(["200", "200", "204", "404", "503", "504"]), lambda: R.choice(["-", "-", "UF", "URX", "UT"]), lambda: num(0, 9000), lambda: num(0, 90000), lambda: num(0, 3000), lambda: R.choice(["-", num(0, 3000)]), ip, lambda: R.choice(AGENTS), uuid, lambda: R.choice(DOMAINS), lambda: ip("10.20") + ":8080"]),
        (4, "info upstream source/common/upstream/cds_api_helper.cc:32", "cds: add {} cluster(s), remove {} cluster(s)", [lambda: num(0, 40), lambda: num(0, 5)]),
        (3, "info upstream source/common/upstream/cluster_manager_impl.cc:222", "cm init: all clusters initialized", []),
        (3, "info config source/server/listener_manager_impl.cc:841", "lds: add/update listener '{}'", [lambda: R.choice(["ingress_http", "ingress_https", "admin", "egress_tcp"])]),
        (4, "debug connection source/common/network/connection_impl.cc:139", "[C{}] closing data_to_write={} type={}", [lambda: num(1, 999999), lambda: num(0, 9999), lambda: R.choice(["0", "1"])]),
        (4, "debug http source/common/http/conn_manager_impl.cc:329", "[C{}] new stream", [lambda: num(1, 999999)]),
        (3, "debug http source/common/http/conn_manager_impl.cc:1151", "[C{}][S{}] request end stream", [lambda: num(1, 999999), lambda: num(10 ** 17, 10 ** 19)]),
        (3, "warning hc source/common/upstream/health_checker_impl.cc:330", "health check failed for host {} in cluster {}: {}", [lambda: ip("10.20") + ":8080", lambda: R.choice(["shop_service", "api_service", "auth_service"]), lambda: R.choice(["timeout", "connection refused", "bad status 503"])]),
        (2, "info main source/server/server.cc:932", "starting main dispatch loop", []),
        (2, "warning config source/common/config/grpc_stream.h:163", "StreamAggregatedResources gRPC config stream to {} closed: {}, {}", [lambda: R.choice(["xds_cluster", "control_plane"]), lambda: R.choice(["14", "13", "4"]), lambda: R.choice(["upstream connect error or disconnect/reset before headers. reset reason: connection failure", "no healthy upstream", "Deadline Exceeded"])]),
        (2, "error upstream source/common/upstream/outlier_detection_impl.cc:570", "host {} ejected from cluster {} after {} consecutive 5xx", [lambda: ip("10.20") + ":8080", lambda: R.choice(["shop_service", "api_service"]), lambda: num(3, 9)]),
        (1, "info main source/server/drain_manager_impl.cc:70", "shutting down parent after drain", []),
    ]

    def render(tag, content, values):
        g, us = c.tick()
        if tag == "access":
            return "[%sT%s.%03dZ] %s" % (ymd(g), hms(g), us // 1000, content)
        level, comp, where = tag.split()
        return "[%s %s.%03d][%d][%s][%s] [%s] %s" % (ymd(g), hms(g), us // 1000, R.choice([1, 14, 15, 16, 17]), level, comp, where, content)
    write("Envoy", events, render)


# ---------------------------------------------------------------------------------------------
# Ruby's Logger default format (`S, [time #pid]  LEVEL -- progname: message`) as a Rails app
# writes it, with the request id as a tagged-logging tag inside the message.
def rails():
    c = Clock()
    ctrls = ["OrdersController#show", "OrdersController#create", "CartsController#update", "SessionsController#new", "Api::V2::SearchController#index"]
    ok = [("200", "OK"), ("302", "Found"), ("404", "Not Found"), ("422", "Unprocessable Entity"), ("500", "Internal Server Error")]
    views = ["orders/show.html.erb", "carts/_line_item.html.erb", "sessions/new.html.erb", "layouts/_footer.html.erb"]

    def completed(rid, status_reason, total, views_ms, ar_ms, allocs):
        status, reason = status_reason
        content = "[%s] Completed %s %s in %sms (Views: %sms | ActiveRecord: %sms | Allocations: %s)" % (rid, status, reason, total, views_ms, ar_ms, allocs)
        return content, "[<*>] Completed <*> <*> in <*>ms (Views: <*>ms | ActiveRecord: <*>ms | Allocations: <*>)"

    def params(rid, pairs):
        body = ", ".join('"%s"=>"%s"' % kv for kv in pairs)
        return "[%s]   Parameters: {%s}" % (rid, body), "[<*>]   Parameters: {<*>}"

    def pairs():
        keys = ["id", "page", "q", "authenticity_token", "quantity", "sku"]
        return [(k, R.choice([num(1, 999), hexid(12), "boots"])) for k in R.sample(keys, R.randint(1, 4))]
    events = [
        (10, "INFO", "[{}] Started {} \"{}\" for {} at {}", [uuid, lambda: R.choice(METHODS[:6]), url, ip, lambda: "2026-05-01 %02d:%02d:%02d +0000" % (R.randint(0, 23), R.randint(0, 59), R.randint(0, 59))]),
        (9, "INFO", "[{}] Processing by {} as {}", [uuid, lambda: R.choice(ctrls), lambda: R.choice(["HTML", "JSON", "TURBO_STREAM", "*/*"])]),
        (6, "INFO", params, [uuid, pairs]),
        (9, "INFO", completed, [uuid, lambda: R.choice(ok), lambda: num(1, 900), lambda: dec(0, 300, 1), lambda: dec(0, 200, 1), lambda: num(100, 99999)]),
        (6, "INFO", "[{}]   Rendered {} within {} (Duration: {}ms | Allocations: {})", [uuid, lambda: R.choice(views), lambda: R.choice(["layouts/application", "layouts/admin"]), lambda: dec(0, 90, 1), lambda: num(10, 9999)]),
        (2, "INFO", "[{}] Redirected to {}", [uuid, lambda: "https://%s%s" % (R.choice(DOMAINS), url())]),
        (2, "WARN", "[{}] Can't verify CSRF token authenticity.", [uuid]),
        (2, "FATAL", "[{}] ActiveRecord::RecordNotFound (Couldn't find {} with 'id'={}):", [uuid, lambda: R.choice(["Order", "Cart", "Customer"]), lambda: num(1, 99999)]),
        (3, "INFO", "[ActiveJob] [{}] [{}] Performing {} (Job ID: {}) from Sidekiq({}) enqueued at {}", [lambda: R.choice(["InvoiceMailerJob", "ReindexJob", "PurgeCartsJob"]), uuid, lambda: R.choice(["InvoiceMailerJob", "ReindexJob", "PurgeCartsJob"]), uuid, lambda: R.choice(["default", "mailers", "low"]), lambda: "2026-05-01T%02d:%02d:%02d.%03dZ" % (R.randint(0, 23), R.randint(0, 59), R.randint(0, 59), R.randint(0, 999))]),
        (3, "INFO", "[ActiveJob] [{}] [{}] Performed {} (Job ID: {}) from Sidekiq({}) in {}ms", [lambda: R.choice(["InvoiceMailerJob", "ReindexJob"]), uuid, lambda: R.choice(["InvoiceMailerJob", "ReindexJob"]), uuid, lambda: R.choice(["default", "mailers", "low"]), lambda: dec(1, 9000, 2)]),
        (2, "DEBUG", "[{}]   {} Load ({}ms)  SELECT \"{}\".* FROM \"{}\" WHERE \"{}\".\"id\" = $1 LIMIT $2", [uuid, lambda: R.choice(["Order", "Cart", "Customer"]), lambda: dec(0, 50, 1), lambda: "orders", lambda: "orders", lambda: "orders"]),
        (1, "ERROR", "[{}] Redis::CannotConnectError (Error connecting to Redis on {}:6379 (Errno::ECONNREFUSED)):", [uuid, lambda: ip("10.20")]),
    ]

    def render(tag, content, values):
        g, us = c.tick()
        return "%s, [%sT%s.%06d #%d] %5s -- : %s" % (tag[0], ymd(g), hms(g), us, R.choice([611, 614, 620, 633]), tag, content)
    write("Rails", events, render)


# ---------------------------------------------------------------------------------------------
# Elasticsearch's plain-text log (log4j2 pattern `[%d][%-5p][%-25c{1.}] [%node_name]%marker %m`):
# Content is the message after the node name.
def elasticsearch():
    c = Clock()
    indices = ["logs-2026.05.01", "orders-v3", ".kibana_8.13.2_001", "metrics-2026.05"]
    nodes = ["es-hot-0", "es-hot-1", "es-warm-0"]

    def health(before, after, shards):
        shards_txt = ", ".join("[%s][%d]" % (R.choice(indices), R.randint(0, 4)) for _ in range(shards))
        content = "Cluster health status changed from [%s] to [%s] (reason: [shards started [%s]])." % (before, after, shards_txt)
        return content, "Cluster health status changed from [<*>] to [<*>] (reason: [shards started [<*>]])."
    events = [
        ("o.e.c.m.MetadataCreateIndexService", "INFO", "[{}] creating index, cause [{}], templates [{}], shards [{}]/[{}]", [lambda: R.choice(indices), lambda: R.choice(["auto(bulk api)", "api", "rollover_data_stream"]), lambda: R.choice(["logs", "metrics", ""]), lambda: num(1, 5), lambda: num(0, 2)]),
        ("o.e.m.j.JvmGcMonitorService", "INFO/WARN", "[gc][{}] overhead, spent [{}] collecting in the last [{}]", [lambda: num(1000, 999999), lambda: "%dms" % R.randint(200, 990), lambda: "%d.%ds" % (R.randint(1, 3), R.randint(0, 9))]),
        ("o.e.c.r.a.DiskThresholdMonitor", "WARN", "high disk watermark [{}] exceeded on [{}][{}][{}] free: {}[{}], shards will be relocated away from this node; currently relocating away shards totalling [{}] bytes", [lambda: "90%", lambda: hexid(22), lambda: R.choice(nodes), lambda: "/usr/share/elasticsearch/data", lambda: "%d.%dgb" % (R.randint(1, 99), R.randint(0, 9)), lambda: "%d.%d%%" % (R.randint(1, 9), R.randint(0, 9)), lambda: num(0, 10 ** 10)]),
        ("o.e.c.r.a.AllocationService", "INFO", health, [lambda: R.choice(["RED", "YELLOW"]), lambda: R.choice(["YELLOW", "GREEN"]), lambda: R.randint(1, 3)]),
        ("o.e.c.s.ClusterApplierService", "INFO", "added {}, term: {}, version: {}, reason: {}", [lambda: "{%s}{%s}{%s}{%s:9300}" % (R.choice(nodes), hexid(22), hexid(22), ip("10.30")), lambda: num(1, 40), lambda: num(100, 99999), lambda: "ApplyCommitRequest{term=%d, version=%d, sourceNode={%s}}" % (R.randint(1, 40), R.randint(100, 99999), R.choice(nodes))]),
        ("o.e.c.m.MetadataMappingService", "INFO", "[{}/{}] update_mapping [_doc]", [lambda: R.choice(indices), lambda: hexid(22)]),
        ("o.e.x.s.a.AuthenticationService", "WARN", "Authentication to realm {} failed - Password authentication failed for {}", [lambda: R.choice(["file1", "native1", "ldap1"]), lambda: R.choice(USERS)]),
        ("o.e.i.c.IndicesClusterStateService", "WARN", "[{}][{}] marking and sending shard failed due to [failed recovery]", [lambda: R.choice(indices), lambda: num(0, 4)]),
        ("o.e.c.c.Coordinator", "INFO", "master node changed {{previous [{}], current [{}]}}, term: {}, version: {}, reason: {}", [lambda: R.choice(nodes), lambda: R.choice(nodes), lambda: num(1, 40), lambda: num(100, 99999), lambda: "becoming candidate: joinLeaderInTerm"]),
        ("o.e.h.AbstractHttpServerTransport", "WARN", "caught exception while handling client http traffic, closing connection Netty4HttpChannel{{localAddress={}, remoteAddress={}}}", [lambda: "/" + ip("10.30") + ":9200", lambda: "/" + ip() + ":" + num(1024, 65535)]),
        ("o.e.x.i.IndexLifecycleRunner", "INFO", "policy [{}] for index [{}] on an error step due to a transient error, moving back to the failed step [{}] for execution. retry attempt [{}]", [lambda: R.choice(["logs", "metrics", "30-days-default"]), lambda: R.choice(indices), lambda: R.choice(["check-rollover-ready", "shrink", "forcemerge"]), lambda: num(1, 40)]),
        ("o.e.n.Node", "INFO", "started {{{}}}{{{}}}{{{}}}{{{}:9300}}", [lambda: R.choice(nodes), lambda: hexid(22), lambda: hexid(22), lambda: ip("10.30")]),
    ]
    weights = [5, 8, 2, 3, 2, 5, 3, 2, 1, 2, 2, 1]
    wrapped = [(w, "%s|%s" % (lg, lvl), f, m) for w, (lg, lvl, f, m) in zip(weights, events)]

    def render(tag, content, values):
        g, us = c.tick()
        logger, level = tag.split("|")
        level = R.choice(level.split("/"))
        return "[%sT%s,%03d][%-5s][%-25s] [%s] %s" % (ymd(g), hms(g), us // 1000, level, logger, R.choice(nodes), content)
    write("Elasticsearch", wrapped, render)


# ---------------------------------------------------------------------------------------------
# Kafka broker (log4j `[%d] %p %m (%c)%n`): Content is `%m`, the logger in parentheses closes
# the raw line.
def kafka():
    c = Clock()
    topics = ["orders", "payments", "clickstream", "__consumer_offsets"]

    def partition():
        return "%s-%d" % (R.choice(topics), R.randint(0, 49))

    def isr(part, old, new):
        content = "[Partition %s broker=%d] Shrinking ISR from %s to %s. Leader: (highWatermark: %d, endOffset: %d). Out of sync replicas: (brokerId: %d, endOffset: %d)." % (
            part, R.randint(1, 3), ",".join(old), ",".join(new), R.randint(0, 99999), R.randint(0, 99999), R.randint(1, 3), R.randint(0, 99999))
        return content, "[Partition <*> broker=<*>] Shrinking ISR from <*> to <*>. Leader: (highWatermark: <*>, endOffset: <*>). Out of sync replicas: (brokerId: <*>, endOffset: <*>)."

    def replicas():
        return [str(x) for x in R.sample([1, 2, 3, 4], R.randint(1, 3))]
    events = [
        (6, "INFO kafka.log.LocalLog$", "[LocalLog partition={}, dir={}] Rolled new log segment at offset {} in {} ms.", [partition, lambda: "/var/lib/kafka/data", lambda: num(0, 9999999), lambda: num(0, 40)]),
        (5, "INFO kafka.coordinator.group.GroupCoordinator", "[GroupCoordinator {}]: Preparing to rebalance group {} in state {} with old generation {} ({}) (reason: {})", [lambda: num(1, 3), lambda: R.choice(["billing-workers", "search-indexer", "fraud-scorer"]), lambda: R.choice(["PreparingRebalance", "Stable", "CompletingRebalance", "Empty"]), lambda: num(0, 500), lambda: "__consumer_offsets-" + num(0, 49), lambda: R.choice(["Adding new member consumer-1-%s with group instance id None" % uuid(), "Removing member consumer-2-%s on LeaveGroup" % uuid(), "Leader consumer-1-%s re-joining group during Stable" % uuid()])]),
        (5, "INFO kafka.coordinator.group.GroupCoordinator", "[GroupCoordinator {}]: Stabilized group {} generation {} ({}) with {} members", [lambda: num(1, 3), lambda: R.choice(["billing-workers", "search-indexer", "fraud-scorer"]), lambda: num(0, 500), lambda: "__consumer_offsets-" + num(0, 49), lambda: num(1, 12)]),
        (4, "INFO kafka.coordinator.group.GroupMetadataManager", "[GroupMetadataManager brokerId={}] Removed {} expired offsets in {} milliseconds.", [lambda: num(1, 3), lambda: num(0, 40), lambda: num(0, 12)]),
        (3, "INFO kafka.server.ReplicaFetcherThread", "[ReplicaFetcher replicaId={}, leaderId={}, fetcherId={}] Truncating partition {} with TruncationState(offset={}, completed={}) due to local high watermark {}", [lambda: num(1, 3), lambda: num(1, 3), lambda: num(0, 1), partition, lambda: num(0, 99999), lambda: R.choice(["true", "false"]), lambda: num(0, 99999)]),
        (3, "INFO org.apache.kafka.common.network.Selector", "[SocketServer listenerType=ZK_BROKER, nodeId={}] Failed authentication with /{} ({})", [lambda: num(1, 3), ip, lambda: R.choice(["SSL handshake failed", "Unexpected Kafka request of type METADATA during SASL handshake."])]),
        (3, "INFO kafka.cluster.Partition", isr, [partition, replicas, replicas]),
        (2, "INFO kafka.log.LogManager", "Deleted log for partition {} in {}.", [partition, lambda: "/var/lib/kafka/data/%s-%d.%s-delete" % (R.choice(topics), R.randint(0, 49), hexid(32))]),
        (2, "WARN kafka.server.ReplicaFetcherThread", "[ReplicaFetcher replicaId={}, leaderId={}, fetcherId={}] Error in response for fetch request (type=FetchRequest, replicaId={}, maxWait=500, minBytes=1, maxBytes=10485760, fetchData={{{}}}, isolationLevel=READ_UNCOMMITTED, removed=, replaced=, metadata=(sessionId={}, epoch={}), rackId=)", [lambda: num(1, 3), lambda: num(1, 3), lambda: num(0, 1), lambda: num(1, 3), lambda: partition() + "=(fetchOffset=%d, logStartOffset=0, maxBytes=1048576, currentLeaderEpoch=Optional[%d], lastFetchedEpoch=Optional.empty)" % (R.randint(0, 99999), R.randint(0, 40)), lambda: num(10 ** 8, 10 ** 10), lambda: R.choice(["INITIAL", num(1, 999)])]),
        (2, "INFO kafka.controller.KafkaController", "[Controller id={}] Processing automatic preferred replica leader election", [lambda: num(1, 3)]),
        (1, "INFO kafka.server.KafkaServer", "[KafkaServer id={}] started", [lambda: num(1, 3)]),
        (1, "ERROR kafka.server.LogDirFailureChannel", "Error while writing to checkpoint file {}", [lambda: "/var/lib/kafka/data/" + R.choice(["recovery-point-offset-checkpoint", "replication-offset-checkpoint", "log-start-offset-checkpoint"])]),
        (2, "INFO state.change.logger", "[Broker id={}] Transitioning {} partition(s) to local leaders.", [lambda: num(1, 3), lambda: num(1, 60)]),
    ]

    def render(tag, content, values):
        g, us = c.tick()
        level, logger = tag.split()
        return "[%s %s,%03d] %s %s (%s)" % (ymd(g), hms(g), us // 1000, level, content, logger)
    write("Kafka", events, render)


# ---------------------------------------------------------------------------------------------
# PHP-FPM master log: `[dd-Mon-yyyy hh:mm:ss] LEVEL: message`, pool events in `[pool name]`.
def php_fpm():
    c = Clock()
    pools = ["www", "shop", "admin"]
    events = [
        (8, "NOTICE", "[pool {}] child {} started", [lambda: R.choice(pools), lambda: num(100, 65000)]),
        (6, "WARNING", "[pool {}] child {} exited on signal {} ({}) after {} seconds from start", [lambda: R.choice(pools), lambda: num(100, 65000), lambda: R.choice(["9", "11", "15"]), lambda: R.choice(["SIGKILL", "SIGSEGV", "SIGTERM"]), lambda: dec(0, 90000, 6)]),
        (6, "NOTICE", "[pool {}] child {} exited with code {} after {} seconds from start", [lambda: R.choice(pools), lambda: num(100, 65000), lambda: num(0, 255), lambda: dec(0, 90000, 6)]),
        (5, "WARNING", "[pool {}] server reached pm.max_children setting ({}), consider raising it", [lambda: R.choice(pools), lambda: R.choice(["5", "20", "50"])]),
        (4, "WARNING", "[pool {}] seems busy (you may need to increase pm.start_servers, or pm.min/max_spare_servers), spawning {} children, there are {} idle, and {} total children", [lambda: R.choice(pools), lambda: R.choice(["8", "16", "32"]), lambda: num(0, 3), lambda: num(5, 60)]),
        (6, "WARNING", "[pool {}] child {} said into stderr: \"{}\"", [lambda: R.choice(pools), lambda: num(100, 65000), lambda: R.choice([
            "PHP message: PHP Warning:  Undefined variable $%s in /var/www/html/%s on line %d" % (R.choice(["cart", "user", "total"]), R.choice(["index.php", "cart.php", "lib/db.php"]), R.randint(1, 900)),
            "PHP message: PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate %d bytes) in /var/www/html/%s on line %d" % (R.randint(4096, 9999999), R.choice(["export.php", "report.php"]), R.randint(1, 900)),
            "NOTICE: PHP message: PHP Deprecated:  strlen(): Passing null to parameter #1 ($string) of type string is deprecated in /var/www/html/vendor/legacy/%s.php on line %d" % (R.choice(["Str", "Arr", "Mail"]), R.randint(1, 900)),
        ])]),
        (3, "WARNING", "[pool {}] child {}, script '{}' (request: \"{} {}\") executing too slow ({} sec), logging", [lambda: R.choice(pools), lambda: num(100, 65000), lambda: R.choice(["/var/www/html/index.php", "/var/www/html/export.php"]), lambda: R.choice(["GET", "POST"]), lambda: R.choice(["/index.php", "/export.php?fmt=csv", "/index.php?route=checkout"]), lambda: dec(5, 60, 6)]),
        (2, "NOTICE", "child {} stopped for tracing", [lambda: num(100, 65000)]),
        (2, "NOTICE", "about to trace {}", [lambda: num(100, 65000)]),
        (2, "NOTICE", "finished trace of {}", [lambda: num(100, 65000)]),
        (1, "NOTICE", "fpm is running, pid {}", [lambda: num(1, 9)]),
        (1, "NOTICE", "ready to handle connections", []),
        (1, "NOTICE", "Terminating ...", []),
        (1, "NOTICE", "exiting, bye-bye!", []),
        (2, "ERROR", "unable to read what child {} said into {} ({}): Resource temporarily unavailable ({})", [lambda: num(100, 65000), lambda: R.choice(["stderr", "stdout"]), lambda: num(1, 40), lambda: "11"]),
        (1, "ALERT", "[pool {}] user has not been defined", [lambda: R.choice(pools)]),
    ]

    def render(tag, content, values):
        g, _ = c.tick()
        return "[%02d-%s-%04d %s] %s: %s" % (g.tm_mday, MONTHS[g.tm_mon - 1], g.tm_year, hms(g), tag, content)
    write("PhpFpm", events, render)


if __name__ == "__main__":
    postgres()
    mysql()
    haproxy()
    envoy()
    rails()
    elasticsearch()
    kafka()
    php_fpm()
