#!/usr/bin/env python3
"""Writes the miner's own development corpus (see README.md beside this file).

Every line is made here from an event format of our own and random values; nothing is copied
from a public log. Deterministic (fixed seed): `python3 generate.py` rewrites the same files.
Each system gets `<System>.log` (raw lines) and `<System>.log_structured.csv` (LineId, Content,
EventId, EventTemplate), the layout `loghub-eval` reads.
"""
import csv
import json
import os
import random

R = random.Random(20261203)
LINES = 400
HERE = os.path.dirname(os.path.abspath(__file__))

USERS = ["root", "ftp", "alice", "bob", "deploy", "www-data", "carol", "svc-backup", "mallory"]
STATES = ["Started", "Paused", "Resumed", "Stopped"]
HOSTS = ["web-1", "web-2", "db-primary", "cache-a", "worker-7", "edge03"]
PATHS = ["/api/v1/orders", "/api/v1/users/42", "/healthz", "/static/app.js", "/login", "/cart/items"]
METHODS = ["GET", "POST", "PUT", "DELETE"]
QUEUES = ["emails", "thumbnails", "invoices", "reports"]
TABLES = ["orders", "users", "payments", "sessions", "audit_log"]


def ip():
    return "10.%d.%d.%d" % (R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))


def hexid(n=8):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def uuid():
    return "-".join(hexid(n) for n in (8, 4, 4, 4, 12))


def ms():
    return str(R.randint(1, 5000))


def num(a=1, b=99999):
    return str(R.randint(a, b))


def dur():
    return "%d.%03ds" % (R.randint(0, 9), R.randint(0, 999))


class Clock:
    def __init__(self):
        self.t = 1714557600.0 + R.randint(0, 86400)

    def tick(self):
        self.t += R.random() * 3
        return self.t

    def parts(self):
        import time
        t = self.tick()
        g = time.gmtime(t)
        return g, int((t % 1) * 1_000_000)


def write(system, events, render):
    """events: list of (weight, level, format with {} holes, value makers). render(level, content,
    event) -> the raw line."""
    folder = os.path.join(HERE, system)
    os.makedirs(folder, exist_ok=True)
    rows, raw = [], []
    weights = [e[0] for e in events]
    for i in range(LINES):
        k = R.choices(range(len(events)), weights)[0]
        _, level, fmt, makers = events[k]
        values = [m() for m in makers]
        content = fmt.format(*values)
        template = fmt.format(*["<*>"] * len(values))
        rows.append([i + 1, content, "E%d" % (k + 1), template])
        raw.append(render(level, content, fmt, values))
    with open(os.path.join(folder, system + ".log"), "w", newline="") as f:
        f.write("\n".join(raw) + "\n")
    with open(os.path.join(folder, system + ".log_structured.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


def iso(c, sep="T", frac=3, z="Z"):
    g, us = c.parts()
    s = "%04d-%02d-%02d%s%02d:%02d:%02d" % (g.tm_year, g.tm_mon, g.tm_mday, sep, g.tm_hour, g.tm_min, g.tm_sec)
    if frac:
        s += "." + ("%06d" % us)[:frac]
    return s + z


MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()

# Events shared by the web-ish services (used with different headers).
WEB = [
    (8, "INFO", "request completed method={} path={} status={} duration={}ms", [lambda: R.choice(METHODS), lambda: R.choice(PATHS), lambda: R.choice(["200", "201", "204", "304"]), ms]),
    (4, "INFO", "user {} logged in from {}", [lambda: R.choice(USERS), ip]),
    (2, "WARN", "slow query on table {} took {}", [lambda: R.choice(TABLES), dur]),
    (2, "ERROR", "connection refused to {} (attempt {})", [lambda: ip() + ":6379", lambda: num(1, 5)]),
    (1, "ERROR", "payment {} failed: card declined", [uuid]),
    (2, "INFO", "cache miss for key session:{}", [hexid]),
    (1, "FATAL", "panic: runtime error: index out of range [{}] with length {}", [lambda: num(1, 9), lambda: num(0, 9)]),
    (2, "DEBUG", "job {} queued on {}", [lambda: num(100, 999999), lambda: R.choice(QUEUES)]),
    (1, "INFO", "VM {} (Lifecycle Event)", [lambda: R.choice(STATES)]),
    (1, "WARN", "retrying upload of {} in {} seconds", [lambda: "/var/data/" + hexid(6) + ".tar.gz", lambda: num(1, 60)]),
]


def go_log():
    c = Clock()
    def render(level, content, fmt, values):
        g, _ = c.parts()
        return "%04d/%02d/%02d %02d:%02d:%02d %s" % (g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, content)
    write("GoLog", WEB, render)


def zap():
    c = Clock()
    callers = ["server/http.go:%d", "db/pool.go:%d", "jobs/queue.go:%d"]
    def render(level, content, fmt, values):
        return "%s\t%s\t%s\t%s\t%s" % (iso(c), level.lower() if level != "FATAL" else "panic", R.choice(["api", "api.db", "api.jobs"]), R.choice(callers) % R.randint(10, 400), content)
    write("Zap", WEB, render)


def logfmt():
    c = Clock()
    def render(level, content, fmt, values):
        extra = " request_id=%s" % hexid(12) if R.random() < 0.5 else ""
        return 'time=%s level=%s msg="%s"%s' % (iso(c), level, content.replace('"', '\\"'), extra)
    write("Logfmt", WEB, render)


def pino():
    c = Clock()
    levels = {"DEBUG": 20, "INFO": 30, "WARN": 40, "ERROR": 50, "FATAL": 60}
    def render(level, content, fmt, values):
        obj = {"level": levels[level], "time": int(c.tick() * 1000), "pid": 4242, "hostname": R.choice(HOSTS), "msg": content}
        if R.random() < 0.4:
            obj["reqId"] = "req-" + num(1, 9999)
        return json.dumps(obj, separators=(",", ":"))
    write("Pino", WEB, render)


def python_logging():
    c = Clock()
    loggers = ["worker.tasks", "worker", "celery.beat", "app.db.pool"]
    events = [
        (6, "INFO", "Task {} succeeded in {}", [lambda: "tasks.send_email[" + uuid() + "]", dur]),
        (3, "ERROR", "Task {} raised unexpected: TimeoutError({})", [uuid, lambda: "'timed out after " + num(5, 60) + "s'"]),
        (3, "INFO", "Scheduler: Sending due task {} ({})", [lambda: R.choice(["cleanup", "digest", "sync-users"]), lambda: "tasks." + R.choice(["cleanup", "digest", "sync"])]),
        (2, "WARNING", "Connection pool is full, discarding connection: {}", [lambda: R.choice(HOSTS)]),
        (2, "INFO", "Received task: {}", [lambda: "tasks.resize_image[" + uuid() + "]"]),
        (1, "CRITICAL", "Worker lost: signal {} (SIGKILL) job {}", [lambda: "9", lambda: num(1, 99999)]),
        (2, "DEBUG", "Pool {} has {} idle connections", [lambda: R.choice(TABLES), lambda: num(0, 20)]),
        (2, "INFO", "user {} exported {} rows", [lambda: R.choice(USERS), lambda: num(1, 100000)]),
    ]
    def render(level, content, fmt, values):
        g, us = c.parts()
        return "%04d-%02d-%02d %02d:%02d:%02d,%03d - %s - %s - %s" % (g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, us // 1000, R.choice(loggers), level, content)
    write("PythonLogging", events, render)


def logback():
    c = Clock()
    threads = ["main", "http-nio-8080-exec-%d", "scheduling-1", "kafka-consumer-%d"]
    loggers = ["c.e.shop.OrderController", "c.e.shop.PaymentService", "o.h.e.jdbc.spi.SqlExceptionHelper", "c.e.shop.Inventory"]
    events = [
        (6, "INFO", "Order {} placed by {} total={}", [lambda: num(1000, 99999), lambda: R.choice(USERS), lambda: "%d.%02d" % (R.randint(1, 999), R.randint(0, 99))]),
        (3, "WARN", "SQL Error: {}, SQLState: {}", [lambda: num(0, 1500), lambda: R.choice(["08001", "40001", "23505"])]),
        (3, "ERROR", "Payment gateway timeout after {} ms for order {}", [ms, lambda: num(1000, 99999)]),
        (2, "INFO", "Reserved {} items of SKU-{} in warehouse {}", [lambda: num(1, 50), lambda: num(100, 999), lambda: R.choice(["eu-1", "us-2", "ap-3"])]),
        (2, "DEBUG", "Cache hit ratio {}", [lambda: "0.%02d" % R.randint(0, 99)]),
        (1, "ERROR", "Could not commit JPA transaction; nested exception is javax.persistence.RollbackException: Error while committing the transaction", []),
        (2, "INFO", "Started ShopApplication in {} seconds (JVM running for {})", [lambda: "%d.%d" % (R.randint(1, 30), R.randint(0, 9)), lambda: "%d.%d" % (R.randint(30, 60), R.randint(0, 9))]),
    ]
    def render(level, content, fmt, values):
        g, us = c.parts()
        t = R.choice(threads)
        if "%d" in t:
            t = t % R.randint(1, 12)
        return "%02d:%02d:%02d.%03d [%s] %-5s %s - %s" % (g.tm_hour, g.tm_min, g.tm_sec, us // 1000, t, level, R.choice(loggers), content)
    write("Logback", events, render)


def nginx():
    c = Clock()
    agents = ["curl/8.4.0", "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0", "kube-probe/1.29", "Go-http-client/1.1"]
    events = [
        (10, "ACCESS", "{}", []),
        (2, "error", "open() \"{}\" failed (2: No such file or directory), client: {}, server: {}, request: \"GET {} HTTP/1.1\", host: \"{}\"", []),
        (2, "error", "upstream timed out (110: Connection timed out) while reading response header from upstream, client: {}, server: {}, request: \"{} {} HTTP/1.1\", upstream: \"{}\", host: \"{}\"", []),
        (1, "warn", "an upstream response is buffered to a temporary file {} while reading upstream, client: {}, server: {}, request: \"GET {} HTTP/1.1\"", []),
        (1, "notice", "signal process started", []),
    ]
    folder = os.path.join(HERE, "Nginx")
    os.makedirs(folder, exist_ok=True)
    rows, raw = [], []
    for i in range(LINES):
        k = R.choices(range(len(events)), [e[0] for e in events])[0]
        g, _ = c.parts()
        if k == 0:
            status = R.choice(["200", "404", "304", "502"])
            line = '%s - %s [%02d/%s/%04d:%02d:%02d:%02d +0000] "%s %s HTTP/1.1" %s %s "-" "%s"' % (ip(), R.choice(["-", "-", "alice", "bob"]), g.tm_mday, MONTHS[g.tm_mon - 1], g.tm_year, g.tm_hour, g.tm_min, g.tm_sec, R.choice(METHODS), R.choice(PATHS), status, num(0, 50000), R.choice(agents))
            content, template = line, "<*> - <*> [<*>] \"<*> <*> HTTP/1.1\" <*> <*> \"-\" \"<*>\""
        else:
            server = R.choice(["shop.example.com", "api.example.com"])
            if k == 1:
                p = R.choice(PATHS)
                vals = ["/usr/share/nginx/html" + p, ip(), server, p, server]
            elif k == 2:
                vals = [ip(), server, R.choice(METHODS), R.choice(PATHS), "http://" + ip() + ":8080" + R.choice(PATHS), server]
            elif k == 3:
                vals = ["/var/cache/nginx/proxy_temp/%d/%02d/%010d" % (R.randint(1, 9), R.randint(0, 99), R.randint(0, 10**9)), ip(), server, R.choice(PATHS)]
            else:
                vals = []
            fmt = events[k][2]
            content = fmt.format(*vals)
            template = fmt.format(*["<*>"] * len(vals))
            pid = R.randint(1, 40)
            cid = " *%d" % R.randint(1, 99999) if k != 4 else ""
            line = "%04d/%02d/%02d %02d:%02d:%02d [%s] %d#%d:%s %s" % (g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, events[k][1], pid, pid, cid, content)
            if cid:
                content = cid.strip() + " " + content
                template = "<*> " + template
        rows.append([i + 1, content, "E%d" % (k + 1), template])
        raw.append(line)
    with open(os.path.join(folder, "Nginx.log"), "w", newline="") as f:
        f.write("\n".join(raw) + "\n")
    with open(os.path.join(folder, "Nginx.log_structured.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


def syslog():
    c = Clock()
    events = [
        (5, "sshd", "Accepted publickey for {} from {} port {} ssh2: RSA SHA256:{}", [lambda: R.choice(USERS), ip, lambda: num(1024, 65535), lambda: hexid(16)]),
        (4, "sshd", "Failed password for invalid user {} from {} port {} ssh2", [lambda: R.choice(USERS + ["admin", "test", "oracle"]), ip, lambda: num(1024, 65535)]),
        (3, "CRON", "({}) CMD (run-parts {})", [lambda: R.choice(["root", "www-data"]), lambda: R.choice(["/etc/cron.hourly", "/etc/cron.daily"])]),
        (3, "systemd", "Started Session {} of User {}.", [lambda: num(1, 9999), lambda: R.choice(USERS)]),
        (2, "kernel", "Out of memory: Killed process {} ({}) total-vm:{}kB, anon-rss:{}kB", [lambda: num(100, 99999), lambda: R.choice(["java", "python3", "node"]), lambda: num(10000, 9999999), lambda: num(1000, 999999)]),
        (2, "dhclient", "DHCPACK from {} (xid={})", [ip, lambda: "0x" + hexid(8)]),
        (2, "su", "pam_unix(su:session): session opened for user {} by {}(uid={})", [lambda: R.choice(USERS), lambda: R.choice(USERS), lambda: num(0, 1000)]),
    ]
    def render(level, content, fmt, values):
        g, _ = c.parts()
        host = R.choice(["node1", "node2", "bastion"])
        prog = level
        pid = "" if prog == "kernel" else "[%d]" % R.randint(100, 65000)
        if R.random() < 0.5:
            return "<%d>%s %2d %02d:%02d:%02d %s %s%s: %s" % (R.choice([13, 38, 86]), MONTHS[g.tm_mon - 1], g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, host, prog, pid, content)
        return "<%d>1 %s %s %s %s - - %s" % (R.choice([13, 38, 86]), iso(c, frac=6), host + ".example.net", prog, pid.strip("[]") or "-", content)
    write("Syslog", events, render)


def klog():
    c = Clock()
    events = [
        (5, "I", "\"Reconciling\" pod=\"{}\" generation={}", [lambda: "default/web-" + hexid(5), lambda: num(1, 99)]),
        (3, "I", "Successfully assigned {} to {}", [lambda: "default/job-" + hexid(5), lambda: R.choice(HOSTS)]),
        (2, "E", "\"Error syncing pod, skipping\" err=\"failed to \\\"StartContainer\\\" with CrashLoopBackOff\" pod=\"{}\"", [lambda: "kube-system/dns-" + hexid(5)]),
        (2, "W", "watch of *v1.Pod ended with: too old resource version: {} ({})", [lambda: num(10000, 999999), lambda: num(10000, 999999)]),
        (2, "I", "Observed a panic in reconciler: {}", [lambda: R.choice(["nil map", "index out of range"])]),
        (2, "I", "Caches populated for {} from {}", [lambda: R.choice(["*v1.Node", "*v1.Pod", "*v1.Service"]), lambda: "k8s.io/client-go/informers/factory.go:" + num(100, 200)]),
    ]
    def render(level, content, fmt, values):
        g, us = c.parts()
        return "%s%02d%02d %02d:%02d:%02d.%06d %7d %s] %s" % (level, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, us, R.randint(1, 99), R.choice(["reconciler.go:%d", "controller.go:%d", "reflector.go:%d"]) % R.randint(10, 999), content)
    write("Klog", events, render)


def redis_like():
    c = Clock()
    events = [
        (4, "*", "Background saving started by pid {}", [lambda: num(100, 99999)]),
        (4, "*", "DB saved on disk", []),
        (3, "*", "{} changes in {} seconds. Saving...", [lambda: num(1, 10000), lambda: num(1, 900)]),
        (2, "#", "Error accepting a client connection: {}", [lambda: R.choice(["Too many open files", "Connection reset by peer"])]),
        (2, "*", "Accepted {}", [lambda: ip() + ":" + num(1024, 65535)]),
        (1, "#", "WARNING overcommit_memory is set to 0! Background save may fail under low memory condition.", []),
    ]
    def render(level, content, fmt, values):
        g, us = c.parts()
        return "%d:%s %02d %s %04d %02d:%02d:%02d.%03d %s %s" % (R.choice([1, 1, 1, 2345]), R.choice(["M", "C"]), g.tm_mday, MONTHS[g.tm_mon - 1], g.tm_year, g.tm_hour, g.tm_min, g.tm_sec, us // 1000, level, content)
    write("RedisLike", events, render)


def oslo_like():
    c = Clock()
    events = [
        (4, "INFO", "ledger.api.wsgi", "{} \"{} {} HTTP/1.1\" status: {} len: {} time: {}", [ip, lambda: R.choice(METHODS), lambda: R.choice(PATHS), lambda: R.choice(["200", "202", "404"]), lambda: num(100, 9999), lambda: "0.%07d" % R.randint(0, 9999999)]),
        (3, "INFO", "ledger.compute.worker", "[account: {}] Balance recomputed in {} seconds", [uuid, lambda: "%d.%02d" % (R.randint(0, 9), R.randint(0, 99))]),
        (2, "WARNING", "ledger.compute.worker", "[account: {}] Account {} is frozen", [uuid, lambda: R.choice(STATES)]),
        (2, "ERROR", "ledger.db.api", "DB exception wrapped: (pymysql.err.OperationalError) ({}, \"Lost connection to MySQL server during query\")", [lambda: num(2000, 2100)]),
        (2, "INFO", "ledger.scheduler.manager", "Scheduled {} jobs for tenant {}", [lambda: num(1, 500), lambda: hexid(32)]),
    ]
    def render(level, content, fmt, values):
        req = "[req-%s %s %s - - -]" % (uuid(), hexid(32), hexid(32)) if R.random() < 0.8 else "[-]"
        return "%s %d %s %s %s %s" % (iso(c, sep=" ", z=""), R.randint(1000, 30000), level, fmt[0], req, content)
    # Reuse write() with the logger carried in the format tuple.
    wrapped = [(w, lvl, f, m) for (w, lvl, lg, f, m) in events]
    loggers = {f: lg for (_, _, lg, f, _) in events}
    write("OsloLike", wrapped, lambda level, content, fmt, values: render(level, content, (loggers[fmt],), values))


if __name__ == "__main__":
    go_log()
    zap()
    logfmt()
    pino()
    python_logging()
    logback()
    nginx()
    syslog()
    klog()
    redis_like()
    oslo_like()
