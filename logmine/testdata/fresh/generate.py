#!/usr/bin/env python3
"""Writes a fresh, blind, labelled log corpus (see README.md beside this file).

Six systems, 300 lines each. Every line is made here from event formats written for this
corpus from each project's documented default log layout (written from memory), with values
from generators of this file; no line is copied from a real log or data set. The corpus was
written without running any template miner on it.

Deterministic: fixed seed 20261205, integer clock, no dependence on locale or wall time;
`python3 generate.py` rewrites the same files. Each system gets `<System>/<System>.log` (the raw
lines) and `<System>/<System>.log_structured.csv` (LineId, Content, EventId, EventTemplate).

Ground truth convention (Loghub style): one `<*>` per value; a value that holds spaces (a
quoted string, an SQL statement, a free-text reason, a user agent, a timestamp) is one `<*>`;
punctuation around a value stays literal (`(<*>)`, `'<*>'`, `key=<*>`, `key="<*>"`, `[<*>]`);
a unit attached to a number stays literal after it (`<*>ms`, `<*>s`); a variable-length list is
one `<*>`. Event formats are written directly as their templates: each `<*>` in a format is
filled with one generated value.

At the end the files are read back and checked (see `self_check`).
"""
import calendar
import csv
import os
import random
import re
import string
import time

SEED = 20261205
R = random.Random(SEED)
LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["Containerd", "Keycloak", "NginxError", "Airflow", "Traefik", "Gunicorn"]
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


# ------------------------------------------------------------------------------------------
# Small value generators (pools written for this corpus).
def pick(seq):
    return R.choice(seq)


def num(a, b):
    return str(R.randint(a, b))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def uuid():
    return "%s-%s-4%s-%s%s-%s" % (hexid(8), hexid(4), hexid(3), R.choice("89ab"), hexid(3), hexid(12))


def client_ip():
    kind = R.random()
    if kind < 0.45:
        return "203.0.113.%d" % R.randint(1, 254)
    if kind < 0.8:
        return "198.51.100.%d" % R.randint(1, 254)
    return "10.%d.%d.%d" % (R.randint(0, 40), R.randint(0, 255), R.randint(1, 254))


def pod_ip():
    return "10.244.%d.%d" % (R.randint(0, 12), R.randint(2, 250))


def go_duration():
    """A Go time.Duration as String() prints it (ms or s form)."""
    if R.random() < 0.5:
        return ("%.6f" % R.uniform(0.2, 999)).rstrip("0").rstrip(".") + "ms"
    return ("%.9f" % R.uniform(1, 95)).rstrip("0").rstrip(".") + "s"


AGENTS = [
    "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
    "kube-probe/1.29", "Go-http-client/1.1", "Wget/1.21.4", "python-httpx/0.27.0", "Uptime-Kuma/1.23.11",
]


class Clock:
    """Integer nanosecond clock starting on 2026-05-01 at a random second of the morning."""

    def __init__(self):
        self.ns = (calendar.timegm((2026, 5, 1, 0, 0, 0)) + R.randint(0, 6 * 3600)) * 10 ** 9 + R.randint(0, 10 ** 9 - 1)

    def tick(self):
        self.ns += R.randint(2 * 10 ** 6, 2400 * 10 ** 6)

    @property
    def g(self):
        return time.gmtime(self.ns // 10 ** 9)

    def frac(self, digits):
        return "%0*d" % (digits, (self.ns % 10 ** 9) // 10 ** (9 - digits))

    def ymd(self, sep="-"):
        g = self.g
        return "%04d%s%02d%s%02d" % (g.tm_year, sep, g.tm_mon, sep, g.tm_mday)

    def hms(self):
        g = self.g
        return "%02d:%02d:%02d" % (g.tm_hour, g.tm_min, g.tm_sec)

    def rfc3339nano(self):
        f = self.frac(9).rstrip("0")
        return "%sT%s%sZ" % (self.ymd(), self.hms(), "." + f if f else "")

    def clf(self):
        g = self.g
        return "%02d/%s/%04d:%s +0000" % (g.tm_mday, MONTHS[g.tm_mon - 1], g.tm_year, self.hms())


# ------------------------------------------------------------------------------------------
# Filling a template and the logrus text formatter.
def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v, template
        out += [v, p]
    return "".join(out)


def ev(template, *values):
    return fill(template, values), template


_LOGRUS_SAFE = set(string.ascii_letters + string.digits + "-._/@^+")


def _needs_quoting(s):  # logrus TextFormatter.needsQuoting
    return any(ch not in _LOGRUS_SAFE for ch in s)


def _go_quote(s):  # Go %q for printable ASCII
    assert all(32 <= ord(c) < 127 for c in s), s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


class V:
    """A variable field value (a constant field value is given as a plain str). `around`
    wraps it in literal punctuation, e.g. ("[", "]") for a Go slice printed with %v."""

    def __init__(self, value, around=("", "")):
        self.value = str(value)
        self.around = around


def logrus(msg_template, msg_values, **fields):
    """Content and template of a logrus text line after `level=<lvl> `: msg, then the fields
    sorted by key; a value is quoted with Go %q when it holds a character outside
    [A-Za-z0-9-._/@^+]; quotes around a variable value stay literal in the template."""
    msg = fill(msg_template, msg_values)
    if _needs_quoting(msg):
        c, t = ["msg=" + _go_quote(msg)], ["msg=" + _go_quote(msg_template)]
    else:
        c, t = ["msg=" + msg], ["msg=" + msg_template]
    for key in sorted(fields):
        val = fields[key]
        if isinstance(val, V):
            assert val.value
            raw = val.around[0] + val.value + val.around[1]
            tmpl = val.around[0] + "<*>" + val.around[1]
            if _needs_quoting(raw):
                c.append("%s=%s" % (key, _go_quote(raw)))
                t.append("%s=%s" % (key, _go_quote(tmpl)))
            else:
                c.append("%s=%s" % (key, raw))
                t.append("%s=%s" % (key, tmpl))
        else:
            q = _go_quote(val) if _needs_quoting(val) else val
            c.append("%s=%s" % (key, q))
            t.append("%s=%s" % (key, q))
    return " ".join(c), " ".join(t)


# ------------------------------------------------------------------------------------------
def write(system, clock, events, render):
    """events: list of (count, tag, gen); gen() -> (content, template), called after the clock
    ticked for the line; render(tag, content) -> the raw line. Counts sum to LINES; the order
    of lines is a seeded shuffle."""
    assert sum(e[0] for e in events) == LINES, (system, sum(e[0] for e in events))
    assert 10 <= len(events) <= 16, system
    order = [k for k, e in enumerate(events) for _ in range(e[0])]
    R.shuffle(order)
    rows, raw = [], []
    for i, k in enumerate(order):
        _, tag, gen = events[k]
        clock.tick()
        content, template = gen()
        line = render(tag, content)
        assert line.endswith(content) and "\n" not in line, (system, line)
        rows.append([i + 1, content, "E%d" % (k + 1), template])
        raw.append(line)
    folder = os.path.join(HERE, system)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, system + ".log"), "w", newline="", encoding="utf-8") as f:
        f.write("\n".join(raw) + "\n")
    with open(os.path.join(folder, system + ".log_structured.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


# ------------------------------------------------------------------------------------------
# 1. containerd: logrus TextFormatter, `time="<RFC3339Nano>" level=<lvl> msg="..." k=v ...`
#    (fields sorted by key). Content is everything after `level=<lvl> `.
def containerd():
    c = Clock()
    namespaces = ["k8s.io", "k8s.io", "k8s.io", "moby", "buildkit"]
    runtimes = ["io.containerd.runc.v2", "io.containerd.runc.v2", "io.containerd.runsc.v1", "io.containerd.kata.v2"]
    images = ["registry.example.net/payments/ledger-api:2.14.3", "docker.io/library/nginx:1.27-alpine",
              "ghcr.io/acme-labs/feature-store:sha-9c41e2a", "quay.io/prometheus/node-exporter:v1.8.1",
              "registry.k8s.io/pause:3.9", "registry.example.net/search/indexer:0.9.0-rc2"]
    pull_errors = [
        "not found",
        "context deadline exceeded",
        "unexpected status from HEAD request to https://registry.example.net/v2/payments/ledger-api/manifests/2.14.3: 401 Unauthorized",
        "failed to resolve reference: pull access denied, repository does not exist or may require authorization",
        "failed to copy: read tcp 10.12.0.7:51544->104.18.2.9:443: read: connection reset by peer",
    ]
    cid = lambda: hexid(64)

    def rm_error():
        return pick(["container is still running",
                     "signal: killed",
                     "unlinkat /run/containerd/runc/k8s.io/%s: device or resource busy" % hexid(64),
                     "runc did not terminate successfully: exit status 1: container does not exist"])

    def exited_at():
        return "2026-05-01 %02d:%02d:%02d.%09d +0000 UTC" % (R.randint(0, 9), R.randint(0, 59), R.randint(0, 59), R.randint(0, 10 ** 9 - 1))

    def platforms():
        ps = ["linux/amd64", "linux/arm64", "linux/arm/v7", "linux/s390x", "windows/amd64"]
        return " ".join(R.sample(ps, R.randint(1, 4)))

    topics = {"TaskExit": "/tasks/exit", "TaskStart": "/tasks/start", "TaskCreate": "/tasks/create",
              "TaskDelete": "/tasks/delete", "TaskOOM": "/tasks/oom", "TaskExecAdded": "/tasks/exec-added"}

    def task_event():
        return pick(["TaskExit", "TaskExit", "TaskStart", "TaskCreate", "TaskDelete", "TaskOOM", "TaskExecAdded"])

    events = [
        (65, "info", lambda: logrus("shim connection lost", [], id=V(cid()), namespace=V(pick(namespaces)))),
        (50, "info", lambda: (lambda ns, i: logrus("starting task shim", [], namespace=V(ns), path=V("/run/containerd/io.containerd.runtime.v2.task/%s/%s" % (ns, i)), pid=V(num(1000, 4194303)), runtime=V(pick(runtimes))))(pick(namespaces), cid())),
        (40, "debug", lambda: (lambda e: logrus("forwarding event", [], ns=V(pick(namespaces)), topic=V(topics[e]), type=V("containerd.events." + e)))(task_event())),
        (35, "info", lambda: logrus("PullImage \"<*>\" returns image reference \"<*>\"", [pick(images), "sha256:" + hexid(64)])),
        (25, "info", lambda: logrus("StopContainer for \"<*>\" with timeout <*> (s)", [cid(), pick(["2", "10", "30", "30", "60"])])),
        (20, "warning", lambda: logrus("cleaning up stale shim after disconnect", [], id=V(cid()), namespace=V(pick(namespaces)))),
        (15, "error", lambda: logrus("PullImage \"<*>\" failed", [pick(images)], error=V(pick(pull_errors)))),
        (12, "info", lambda: logrus("container task exited", [], container=V(cid()), exit_status=V(pick(["0", "0", "1", "2", "137", "143"])), exited_at=V(exited_at()))),
        (8, "warning", lambda: logrus("failed to remove runc container", [], error=V(rm_error()), runtime=V(pick(runtimes)))),
        (8, "info", lambda: logrus("RemoveContainer for \"<*>\" returns successfully", [cid()])),
        (6, "error", lambda: logrus("ttrpc: message received on inactive stream", [], stream=V(num(3, 9999)))),
        (5, "info", lambda: logrus("content garbage collection done", [], d=V(go_duration()))),
        (4, "warning", lambda: logrus("skipping platforms the snapshotter cannot unpack", [], platforms=V(platforms(), ("[", "]")), snapshotter=V(pick(["overlayfs", "native", "stargz", "zfs"])))),
        (4, "info", lambda: logrus("containerd booted in <*>", [("%.6f" % R.uniform(0.05, 3)) + "s"])),
        (3, "info", lambda: logrus("serving...", [], address=V(pick(["/run/containerd/containerd.sock", "/run/containerd/containerd.sock.ttrpc", "/run/containerd/debug.sock"])))),
    ]

    def render(level, content):
        return 'time="%s" level=%s %s' % (c.rfc3339nano(), level, content)
    write("Containerd", c, events, render)


# ------------------------------------------------------------------------------------------
# 2. Keycloak (Quarkus console format `%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c] (%t) %s%e`).
#    Content is what follows `(thread) `.
def keycloak():
    c = Clock()
    realms = {"acme": uuid(), "partners": uuid(), "internal": uuid(), "master": uuid()}
    clients = ["grafana", "portal-web", "account-console", "ci-runner", "admin-cli", "mobile-app"]
    users = ["m.okafor", "jdoe", "svc-backup", "anna.k", "t.nguyen", "ops-bot", "r.castillo", "admin"]
    redirects = ["https://grafana.example.net/login/generic_oauth", "https://portal.example.net/auth/callback",
                 "https://id.example.com/realms/acme/account/#/", "com.example.mobile:/oauth2redirect"]
    login_errors = ["invalid_user_credentials", "user_not_found", "user_temporarily_disabled", "expired_code", "invalid_redirect_uri"]
    rejections = ["invalid client secret", "refresh token expired", "client not enabled to retrieve service account",
                  "code already used by another session or expired", "token issued before the not-before policy of the client"]
    exceptions = [
        "java.lang.NullPointerException: Cannot invoke \"org.keycloak.models.UserModel.getId()\" because \"user\" is null",
        "org.keycloak.models.ModelDuplicateException: Duplicate resource error",
        "jakarta.persistence.PersistenceException: org.hibernate.exception.JDBCConnectionException: Unable to acquire JDBC Connection",
        "java.lang.IllegalStateException: Session closed",
    ]

    def realm():
        name = pick(list(realms))
        return realms[name], name

    def user_id():
        return uuid()

    def login_error():
        rid, rname = realm()
        return ev('type="LOGIN_ERROR", realmId="<*>", realmName="<*>", clientId="<*>", userId="<*>", ipAddress="<*>", error="<*>", auth_method="openid-connect", redirect_uri="<*>", code_id="<*>", username="<*>"',
                  rid, rname, pick(clients), pick(["null", "null", user_id()]), client_ip(), pick(login_errors), pick(redirects), uuid(), pick(users))

    def refresh():
        rid, rname = realm()
        scope = " ".join(["openid"] + R.sample(["profile", "email", "roles", "offline_access", "groups", "web-origins"], R.randint(0, 4)))
        return ev('type="REFRESH_TOKEN", realmId="<*>", realmName="<*>", clientId="<*>", userId="<*>", sessionId="<*>", ipAddress="<*>", token_id="<*>", updated_refresh_token_id="<*>", refresh_token_type="Refresh", scope="<*>", refresh_token_id="<*>", client_auth_method="client-secret"',
                  rid, rname, pick(clients), user_id(), uuid(), client_ip(), uuid(), uuid(), scope, uuid())

    def login():
        rid, rname = realm()
        return ev('type="LOGIN", realmId="<*>", realmName="<*>", clientId="<*>", userId="<*>", sessionId="<*>", ipAddress="<*>", auth_method="openid-connect", auth_type="code", redirect_uri="<*>", consent="no_consent_required", code_id="<*>", username="<*>"',
                  rid, rname, pick(clients), user_id(), uuid(), client_ip(), pick(redirects), uuid(), pick(users))

    def cluster_view():
        nodes = ["kc-%d-%d" % (i, R.randint(10000, 65000)) for i in range(R.randint(1, 4))]
        return ev("ISPN000094: Received new cluster view for channel ISPN: [<*>|<*>] (<*>) [<*>]",
                  nodes[0], num(1, 40), len(nodes), ", ".join(nodes))

    exec_thread = lambda: "executor-thread-%d" % R.randint(1, 64)
    events = [
        (80, ("WARN", "org.keycloak.events", exec_thread), login_error),
        (55, ("DEBUG", "org.keycloak.events", exec_thread), refresh),
        (45, ("DEBUG", "org.keycloak.events", exec_thread), login),
        (37, ("INFO", "org.keycloak.services", lambda: "Timer-0"), lambda: ev("KC-SERVICES0180: Session <*> of user '<*>' in realm '<*>' expired after <*> seconds idle", uuid(), pick(users), pick(list(realms)), num(1800, 36000))),
        (25, ("WARN", "org.keycloak.services", exec_thread), lambda: ev("KC-SERVICES0193: Token request from <*> for client '<*>' rejected: <*>", client_ip(), pick(clients), pick(rejections))),
        (12, ("ERROR", "org.keycloak.services.error.KeycloakErrorHandler", exec_thread), lambda: ev("Uncaught server error: <*>", pick(exceptions))),
        (10, ("INFO", "org.infinispan.CLUSTER", lambda: "jgroups-%d,kc-0-%d" % (R.randint(2, 20), R.randint(10000, 65000))), cluster_view),
        (10, ("INFO", "org.keycloak.storage.ldap.LDAPStorageProviderFactory", lambda: "Timer-0"), lambda: ev("KC-LDAP0021: Federation provider '<*>' synchronized: <*> added, <*> updated, <*> removed, <*> failed", pick(["corp-ad", "ldap-eu", "ldap-partners"]), num(0, 40), num(0, 900), num(0, 12), num(0, 3))),
        (8, ("WARN", "org.keycloak.broker.oidc.AbstractOAuth2IdentityProvider", exec_thread), lambda: ev("KC-SERVICES0199: Identity provider '<*>' answered with error '<*>' for realm '<*>'", pick(["github", "google", "azure-ad", "gitlab-ee"]), pick(["access_denied", "invalid_grant", "temporarily_unavailable", "server_error"]), pick(list(realms)))),
        (6, ("WARN", "io.vertx.core.impl.BlockedThreadChecker", lambda: "vertx-blocked-thread-checker"), lambda: ev("Thread Thread[<*>,5,main] has been blocked for <*> ms, time limit is 2000 ms", "vert.x-eventloop-thread-%d" % R.randint(0, 7), num(2001, 9000))),
        (5, ("WARN", "org.keycloak.services", exec_thread), lambda: ev("KC-SERVICES0212: User '<*>' temporarily locked in realm '<*>' after <*> failed logins from <*>", pick(users), pick(list(realms)), num(3, 30), client_ip())),
        (4, ("INFO", "io.quarkus", lambda: "main"), lambda: ev("Keycloak <*> on JVM (powered by Quarkus <*>) started in <*>s. Listening on: <*>. Management interface listening on <*>.", pick(["25.0.6", "26.0.7", "26.1.2"]), pick(["3.8.6", "3.15.1"]), "%.3f" % R.uniform(6, 40), pick(["http://0.0.0.0:8080", "https://0.0.0.0:8443"]), pick(["http://0.0.0.0:9000", "https://0.0.0.0:9000"]))),
        (3, ("INFO", "org.keycloak.quarkus.runtime.storage.infinispan.CacheManagerFactory", lambda: "main"), lambda: ev("Starting Infinispan embedded cache manager")),
    ]

    def render(tag, content):
        level, logger, thread = tag
        return "%s %s,%s %-5s [%s] (%s) %s" % (c.ymd(), c.hms(), c.frac(3), level, logger, thread(), content)
    write("Keycloak", c, events, render)


# ------------------------------------------------------------------------------------------
# 3. nginx error log: `yyyy/mm/dd hh:mm:ss [level] pid#tid: *conn message`. Content is what
#    follows `pid#tid: ` (the `*conn` number included, as a value).
def nginx_error():
    c = Clock()
    servers = ["wiki.example.net", "api.example.net", "downloads.example.net", "status.example.com"]
    state = {"conn": R.randint(10000, 90000)}

    def conn():
        state["conn"] += R.randint(1, 400)
        return state["conn"]

    def path():
        return pick(["/wiki/Special:Search?search=%s" % pick(["kafka+lag", "vpn", "onboarding"]),
                     "/api/v3/projects/%s/issues" % num(1, 4000), "/static/js/app.%s.js" % hexid(8), "/favicon.ico",
                     "/uploads/2026/05/%s.png" % hexid(10), "/healthz", "/api/v3/search?q=%s&page=%s" % (pick(["deploy", "rfc", "budget"]), num(1, 9)),
                     "/files/releases/cli-%s-linux-amd64.tar.gz" % pick(["1.4.2", "1.5.0"])])

    def req():
        return [pick(["GET", "GET", "GET", "POST", "PUT", "DELETE", "HEAD"]), path(), pick(["HTTP/1.1", "HTTP/1.1", "HTTP/2.0"])]

    def upstream(p):
        return "http://%s:%s%s" % (pod_ip(), pick(["8080", "3000", "9000"]), p)

    def proxied(head, *extra):
        def gen():
            srv = pick(servers)
            m, p, proto = req()
            return ev(head + ", client: <*>, server: <*>, request: \"<*> <*> <*>\", upstream: \"<*>\", host: \"<*>\"",
                      conn(), *[e() for e in extra], client_ip(), srv, m, p, proto, upstream(p), srv)
        return gen

    def plain(head, *extra):
        def gen():
            srv = pick(servers)
            m, p, proto = req()
            return ev(head + ", client: <*>, server: <*>, request: \"<*> <*> <*>\", host: \"<*>\"",
                      conn(), *[e() for e in extra], client_ip(), srv, m, p, proto, srv)
        return gen

    def tmpfile(kind):
        return lambda: "/var/cache/nginx/%s_temp/%d/%02d/%010d" % (kind, R.randint(0, 9), R.randint(0, 99), R.randint(1, 99999))

    def missing_file():
        srv = pick(servers)
        p = pick(["/favicon.ico", "/robots.txt", "/wp-login.php", "/apple-touch-icon.png", "/.env", "/uploads/2026/05/%s.png" % hexid(10)])
        return ev("*<*> open() \"<*>\" failed (2: No such file or directory), client: <*>, server: <*>, request: \"<*> <*> <*>\", host: \"<*>\"",
                  conn(), "/srv/www/%s%s" % (srv.split(".")[0], p), client_ip(), srv, pick(["GET", "GET", "HEAD"]), p, pick(["HTTP/1.1", "HTTP/2.0"]), srv)

    ssl_reasons = ["error:0A00006C:SSL routines::bad key share",
                   "error:0A000102:SSL routines::unsupported protocol",
                   "error:0A0000C1:SSL routines::no shared cipher",
                   "error:0A000412:SSL routines::sslv3 alert bad certificate:SSL alert number 42"]
    events = [
        (70, "error", proxied("*<*> connect() failed (111: Connection refused) while connecting to upstream")),
        (45, "error", proxied("*<*> upstream timed out (110: Connection timed out) while reading response header from upstream")),
        (40, "error", missing_file),
        (30, "info", lambda: ev("*<*> client <*> closed keepalive connection", conn(), client_ip())),
        (25, "warn", proxied("*<*> an upstream response is buffered to a temporary file <*> while reading upstream", tmpfile("proxy"))),
        (20, "error", plain("*<*> limiting requests, excess: <*> by zone \"<*>\"", lambda: "%d.%03d" % (R.randint(1, 60), R.randint(0, 999)), lambda: pick(["api_rl", "login_rl", "per_ip"]))),
        (15, "crit", lambda: ev("*<*> SSL_do_handshake() failed (SSL: <*>) while SSL handshaking, client: <*>, server: <*>", conn(), pick(ssl_reasons), client_ip(), pick(["0.0.0.0:443", "0.0.0.0:443", "[::]:443"]))),
        (10, "error", plain("*<*> client intended to send too large body: <*> bytes", lambda: num(1048577, 900000000))),
        (10, "warn", plain("*<*> a client request body is buffered to a temporary file <*>", tmpfile("client_body"))),
        (8, "error", proxied("*<*> no live upstreams while connecting to upstream")),
        (8, "error", plain("*<*> access forbidden by rule")),
        (5, "notice", lambda: ev("signal 1 (SIGHUP) received from <*>, reconfiguring", num(2, 99999))),
        (6, "notice", lambda: ev("worker process <*> exited with code <*>", num(100, 99999), pick(["0", "0", "1", "2"]))),
        (4, "notice", lambda: ev("start worker process <*>", num(100, 99999))),
        (4, "emerg", lambda: ev("bind() to <*> failed (98: Address already in use)", pick(["0.0.0.0:80", "0.0.0.0:443", "[::]:443", "127.0.0.1:8081"]))),
    ]
    pids = [R.randint(1000, 60000) for _ in range(4)]

    def render(level, content):
        pid = pick(pids)
        return "%s %s [%s] %d#%d: %s" % (c.ymd("/"), c.hms(), level, pid, pid, content)
    write("NginxError", c, events, render)


# ------------------------------------------------------------------------------------------
# 4. Airflow task log (`[%(asctime)s] {%(filename)s:%(lineno)d} %(levelname)s - %(message)s`).
#    Content is what follows ` - `.
def airflow():
    c = Clock()
    dags = {"nightly_invoice_export": ["extract_invoices", "render_pdfs", "upload_to_sftp"],
            "ml_feature_refresh": ["pull_events", "build_features", "publish_features"],
            "warehouse_sync": ["stage_orders", "merge_orders", "vacuum_stage"]}
    operators = {"extract_invoices": "SQLExecuteQueryOperator", "render_pdfs": "PythonOperator", "upload_to_sftp": "SFTPOperator",
                 "pull_events": "KubernetesPodOperator", "build_features": "KubernetesPodOperator", "publish_features": "PythonOperator",
                 "stage_orders": "SQLExecuteQueryOperator", "merge_orders": "SQLExecuteQueryOperator", "vacuum_stage": "BashOperator"}
    statements = ["DELETE FROM staging.orders WHERE load_date = %(ds)s",
                  "INSERT INTO analytics.daily_invoices SELECT * FROM staging.invoices WHERE invoice_date = %(ds)s",
                  "VACUUM ANALYZE staging.orders",
                  "CALL refresh_feature_view('user_activity_7d')"]

    def dag_task():
        d = pick(list(dags))
        return d, pick(dags[d])

    def run_id():
        if R.random() < 0.8:
            return "scheduled__2026-05-01T%02d:00:00+00:00" % R.randint(0, 6)
        return "manual__2026-05-01T%02d:%02d:%02d.%06d+00:00" % (R.randint(6, 11), R.randint(0, 59), R.randint(0, 59), R.randint(0, 999999))

    def compact():
        return "20260501T%02d%02d%02d" % (R.randint(0, 11), R.randint(0, 59), R.randint(0, 59))

    def ti():
        d, t = dag_task()
        return "%s.%s" % (d, t), run_id()

    def running_cmd():
        d, t = dag_task()
        args = ["airflow", "tasks", "run", d, t, run_id(), "--job-id", num(1000, 99999), "--raw",
                "--subdir", "DAGS_FOLDER/%s.py" % d, "--cfg-path", "/tmp/tmp" + "".join(R.choice(string.ascii_lowercase + string.digits) for _ in range(8))]
        if R.random() < 0.35:
            args += ["--map-index", num(0, 31)]
        if R.random() < 0.25:
            args += ["--pool", pick(["default_pool", "warehouse", "k8s_pool"])]
        return ", ".join("'%s'" % a for a in args)

    dep_reasons = ["Task is in the 'running' state.",
                   "Not scheduling since there are 0 open slots in pool default_pool and 1 slots are required.",
                   "Task is not ready for retry yet but will be retried automatically. Current date is 2026-05-01T02:14:09.118+00:00 and task will be retried at 2026-05-01T02:19:09.118+00:00.",
                   "Upstream tasks failed."]
    job_reasons = ["Task received SIGTERM signal",
                   "Bash command failed. The command returned a non-zero exit code 1.",
                   "Pod took too long to start",
                   "No module named 'pyarrow'"]
    events = [
        (50, ("taskinstance.py:1956", "INFO"), lambda: ev("Dependencies all met for dep_context=<*> ti=<TaskInstance: <*> <*> [<*>]>", pick(["non-requeueable deps", "requeueable deps"]), *ti(), pick(["queued", "queued", "running"]))),
        (41, ("logging_mixin.py:188", "INFO"), lambda: ev("Fetched <*> rows from <*> in <*>s", num(0, 250000), pick(["s3://acme-raw/events/2026/05/01/", "postgres://billing/public.invoices", "gs://ml-features/raw/clicks/"]), "%.2f" % R.uniform(0.1, 300))),
        (25, ("sql.py:450", "INFO"), lambda: ev("Running statement: <*>, parameters: <*>", pick(statements), pick(["None", "{'ds': '2026-05-01'}", "{'ds': '2026-04-30'}"]))),
        (20, ("taskinstance.py:2170", "INFO"), lambda: ev("Starting attempt <*> of <*>", num(1, 3), pick(["1", "3", "4"]))),
        (20, ("taskinstance.py:2191", "INFO"), lambda: (lambda t: ev("Executing <Task(<*>): <*>> on <*>", operators[t], t, "2026-05-01 %02d:00:00+00:00" % R.randint(0, 6)))(dag_task()[1])),
        (20, ("standard_task_runner.py:60", "INFO"), lambda: ev("Started process <*> to run task", num(300, 99999))),
        (20, ("standard_task_runner.py:87", "INFO"), lambda: ev("Running: [<*>]", running_cmd())),
        (20, ("sql.py:459", "INFO"), lambda: ev("Rows affected: <*>", num(0, 90000))),
        (20, ("base.py:84", "INFO"), lambda: ev("Using connection ID '<*>' for task execution.", pick(["warehouse_pg", "sftp_partner", "aws_default", "kubernetes_default"]))),
        (18, ("taskinstance.py:1138", "INFO"), lambda: ev("Marking task as <*>. dag_id=<*>, task_id=<*>, run_id=<*>, execution_date=<*>, start_date=<*>, end_date=<*>", pick(["SUCCESS", "SUCCESS", "SUCCESS", "UP_FOR_RETRY", "FAILED", "SKIPPED"]), *dag_task(), run_id(), "20260501T%02d0000" % R.randint(0, 6), compact(), compact())),
        (18, ("local_task_job_runner.py:234", "INFO"), lambda: ev("Task exited with return code <*>", pick(["0", "0", "0", "1", "-9", "100"]))),
        (10, ("pod_manager.py:471", "INFO"), lambda: ev("Pod <*> has phase <*>", "%s-%s" % (pick(["build-features", "pull-events", "render-pdfs"]), "".join(R.choice(string.ascii_lowercase + string.digits) for _ in range(8))), pick(["Pending", "Running", "Running", "Succeeded", "Failed"]))),
        (6, ("taskinstance.py:2698", "ERROR"), lambda: ev("Task failed with exception")),
        (5, ("taskinstance.py:1160", "WARNING"), lambda: ev("Dependencies not met for <TaskInstance: <*> <*> [<*>]>, dependency '<*>' FAILED: <*>", *ti(), pick(["running", "up_for_retry", "queued"]), pick(["Task Instance State", "Not In Retry Period", "Pool Slots Available", "Trigger Rule"]), pick(dep_reasons))),
        (4, ("standard_task_runner.py:110", "ERROR"), lambda: ev("Failed to execute job <*> for task <*> (<*>; <*>)", num(1000, 99999), dag_task()[1], pick(job_reasons), num(300, 99999))),
        (3, ("local_task_job_runner.py:302", "WARNING"), lambda: ev("State of this instance has been externally set to <*>. Terminating instance.", pick(["failed", "success", "None"]))),
    ]

    def render(tag, content):
        where, level = tag
        return "[%sT%s.%s+0000] {%s} %s - %s" % (c.ymd(), c.hms(), c.frac(3), where, level, content)
    write("Airflow", c, events, render)


# ------------------------------------------------------------------------------------------
# 5. Traefik: access log in Traefik's Common Log Format
#    `<ip> - <user> [<time>] "<method> <path> <proto>" <status> <size> "<referer>" "<agent>"
#     <request count> "<router>" "<server URL>" <duration>ms` (Content = the whole line), mixed
#    with its logrus text application log `time="..." level=<lvl> msg="..." k=v` (Content =
#    after `level=<lvl> `).
def traefik():
    c = Clock()
    routes = [("grafana@docker", "http://%s:3000", ["/grafana/api/dashboards/uid/%s" % hexid(9), "/grafana/public/build/runtime.%s.js" % hexid(8), "/grafana/api/live/ws"]),
              ("billing-api@kubernetescrd", "http://%s:8080", ["/v1/tenants/%s/usage" % num(1, 900), "/v1/invoices?status=open&page=%s" % num(1, 20), "/v1/healthz"]),
              ("whoami@file", "http://%s:80", ["/whoami", "/whoami/headers"]),
              ("auth@docker", "http://%s:8443", ["/realms/acme/protocol/openid-connect/token", "/realms/acme/.well-known/openid-configuration"])]
    services = ["grafana@docker", "billing-api-svc@kubernetescrd", "whoami@file", "auth@docker"]
    state = {"count": R.randint(100, 9000)}

    def access():
        state["count"] += R.randint(1, 30)
        router, server, paths = pick(routes)
        status = pick(["200", "200", "200", "200", "304", "101", "401", "404", "499", "502", "504"])
        if status == "404" and R.random() < 0.5:
            router, server = "-", "-"
        else:
            server = server % pod_ip()
        return ev('<*> - <*> [<*>] "<*> <*> <*>" <*> <*> "<*>" "<*>" <*> "<*>" "<*>" <*>ms',
                  client_ip(), pick(["-", "-", "-", "-", "ci-bot", "j.alvarez"]), c.clf(), pick(["GET", "GET", "GET", "POST", "PUT", "DELETE", "OPTIONS"]),
                  pick(paths), pick(["HTTP/1.1", "HTTP/2.0"]), status, num(0, 250000),
                  pick(["-", "-", "https://grafana.example.net/grafana/d/%s" % hexid(9), "https://portal.example.net/"]),
                  pick(AGENTS), state["count"], router, server, 1 + int(R.expovariate(1 / 60.0)))

    def srv_url():
        return "http://%s:%s" % (pod_ip(), pick(["80", "3000", "8080"]))

    def hc_failed():
        url = srv_url()
        err = pick(["received error status code: 503",
                    "dial tcp %s: connect: connection refused" % url[7:],
                    "Get \"%s/healthz\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)" % url,
                    "read tcp: unexpected EOF"])
        return logrus("Health check failed.", [], error=V(err), server=V(url), service=V(pick(services)))
    acme_errors = ["context deadline exceeded",
                   "acme: error presenting token: cloudflare: failed to find zone example.net: zone could not be found",
                   "one or more domains had a problem: [status.example.com] invalid authorization: acme: error: 403 :: urn:ietf:params:acme:error:unauthorized :: Invalid response from http://status.example.com/.well-known/acme-challenge/x1Yq: 404",
                   "acme: error: 429 :: POST :: https://acme-v02.api.letsencrypt.org/acme/new-order :: urn:ietf:params:acme:error:rateLimited :: too many certificates already issued"]
    provider_errors = ["Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?",
                       "context canceled",
                       "Get \"https://10.96.0.1:443/apis/traefik.io/v1alpha1/ingressroutes\": dial tcp 10.96.0.1:443: i/o timeout"]
    domains = ["grafana.example.net", "portal.example.net", "status.example.com", "billing.example.net", "auth.example.com"]
    events = [
        (154, "access", access),
        (35, "debug", lambda: logrus("'<*>' caused by: <*>", [pick(["502 Bad Gateway", "504 Gateway Timeout", "499 Client Closed Request", "500 Internal Server Error"]),
                                                            pick(["dial tcp %s:3000: connect: connection refused" % pod_ip(), "context canceled", "EOF", "net/http: timeout awaiting response headers"])])),
        (25, "warning", hc_failed),
        (20, "debug", lambda: logrus("Adding certificate for domain(s) <*>", [",".join(R.sample(domains, R.randint(1, 3)))])),
        (15, "info", lambda: logrus("Health check up: returning server to load balancer", [], server=V(srv_url()), service=V(pick(services)))),
        (12, "error", lambda: logrus("Unable to obtain ACME certificate for domains \"<*>\"", [pick(domains)], error=V(pick(acme_errors)), providerName="letsencrypt.acme", routerName=V(pick(["grafana@docker", "auth@docker", "status@file"])))),
        (10, "error", lambda: (lambda name: logrus("service \"<*>\" error: port is missing", [name], container=V("%s-%s" % (name, hexid(64))), providerName="docker"))(pick(["legacy-cron", "mailpit", "adminer", "redis-commander"]))),
        (8, "info", lambda: logrus("Starting provider <*>", [pick(["*docker.Provider", "*file.Provider", "*crd.Provider", "*traefik.Provider", "*acme.ChallengeTLSALPN"])])),
        (6, "debug", lambda: logrus("Skipping unchanged configuration", [], providerName=V(pick(["docker", "file", "kubernetescrd"])))),
        (5, "error", lambda: logrus("Router <*> cannot be linked automatically with multiple Services: [<*>]", [pick(["api", "web", "admin"]), " ".join(R.sample(["api-v1", "api-v2", "api-canary", "web-blue", "web-green"], R.randint(2, 4)))], providerName="docker", routerName=V(pick(["api@docker", "web@docker", "admin@docker"])))),
        (4, "warning", lambda: logrus("Provider error, retrying in <*>", [go_duration()], error=V(pick(provider_errors)), providerName=V(pick(["docker", "kubernetescrd"])))),
        (3, "info", lambda: (lambda v: logrus("Traefik version <*> built on <*>", [v, "2026-0%d-%02dT%02d:%02d:%02dZ" % (R.randint(1, 4), R.randint(1, 28), R.randint(0, 23), R.randint(0, 59), R.randint(0, 59))], version=V(v)))(pick(["2.11.14", "2.11.20", "3.2.1"]))),
        (3, "error", lambda: logrus("Error while starting server: accept tcp <*>: use of closed network connection", [pick(["[::]:443", "[::]:80", "0.0.0.0:8082"])], entryPointName=V(pick(["websecure", "web", "metrics"])))),
    ]

    def render(level, content):
        if level == "access":
            return content
        return 'time="%sT%sZ" level=%s %s' % (c.ymd(), c.hms(), level, content)
    write("Traefik", c, events, render)


# ------------------------------------------------------------------------------------------
# 6. Gunicorn: error log `[%Y-%m-%d %H:%M:%S %z] [pid] [LEVEL] message` (Content = after
#    `[LEVEL] `) mixed with its default access log format
#    `%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s"` (Content = the whole line).
def gunicorn():
    c = Clock()
    paths = lambda: pick(["/admin/login/?next=/admin/", "/api/v1/reports/%s/export" % num(1, 9999), "/static/admin/css/base.css",
                          "/graphql", "/health/", "/accounts/profile/", "/api/v1/tickets?assignee=%s&page=%s" % (pick(["me", "unassigned"]), num(1, 30)),
                          "/media/avatars/%s.jpg" % hexid(12)])
    master = R.randint(1, 40)
    workers = [R.randint(41, 9000) for _ in range(6)]

    def access():
        status = pick(["200", "200", "200", "200", "302", "304", "400", "403", "404", "500"])
        size = "-" if status in ("304",) else num(0, 180000)
        return ev('<*> - <*> [<*>] "<*> <*> <*>" <*> <*> "<*>" "<*>"',
                  client_ip(), pick(["-", "-", "-", "-", "-", "reports", "k.osei"]), c.clf(), pick(["GET", "GET", "GET", "POST", "PATCH", "DELETE"]),
                  paths(), pick(["HTTP/1.0", "HTTP/1.1", "HTTP/1.1"]), status, size,
                  pick(["-", "-", "https://helpdesk.example.net/admin/", "https://helpdesk.example.net/tickets/%s" % num(1, 9999)]), pick(AGENTS + ["-"]))

    invalid = ["Invalid HTTP Version: 'HTTP/0.8'",
               "Invalid HTTP method: 'PRI'",
               "Request Line is too large (8190 > 4094)",
               "Invalid HTTP request line: '\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xfc\\x03\\x03'",
               "No more data after: 'GET /'"]
    events = [
        (172, ("access", None), access),
        (25, ("INFO", "w"), lambda: ev("Booting worker with pid: <*>", pick(workers))),
        (20, ("INFO", "w"), lambda: ev("Worker exiting (pid: <*>)", pick(workers))),
        (15, ("CRITICAL", "m"), lambda: ev("WORKER TIMEOUT (pid:<*>)", pick(workers))),
        (12, ("ERROR", "m"), lambda: ev("Worker (pid:<*>) was sent SIGKILL! Perhaps out of memory?", pick(workers))),
        (10, ("INFO", "m"), lambda: ev("Handling signal: <*>", pick(["term", "hup", "ttin", "ttou", "int", "winch"]))),
        (10, ("DEBUG", "w"), lambda: ev("Invalid request from ip=<*>: <*>", client_ip(), pick(invalid))),
        (8, ("ERROR", "w"), lambda: ev("Error handling request <*>", paths())),
        (6, ("WARNING", "m"), lambda: ev("Worker with pid <*> was terminated due to signal <*>", pick(workers), pick(["6", "11", "15"]))),
        (5, ("INFO", "w"), lambda: ev("Autorestarting worker after current request.")),
        (4, ("INFO", "m"), lambda: ev("Starting gunicorn <*>", pick(["21.2.0", "22.0.0", "23.0.0"]))),
        (4, ("INFO", "m"), lambda: ev("Listening at: <*> (<*>)", pick(["http://0.0.0.0:8000", "unix:/run/gunicorn/helpdesk.sock", "http://127.0.0.1:8001"]), master)),
        (4, ("INFO", "m"), lambda: ev("Using worker: <*>", pick(["sync", "gthread", "uvicorn.workers.UvicornWorker", "gevent"]))),
        (3, ("INFO", "m"), lambda: ev("Shutting down: Master")),
        (2, ("ERROR", "w"), lambda: ev("Exception in worker process")),
    ]

    def render(tag, content):
        level, who = tag
        if level == "access":
            return content
        pid = master if who == "m" else pick(workers)
        return "[%s %s +0000] [%d] [%s] %s" % (c.ymd(), c.hms(), pid, level, content)
    write("Gunicorn", c, events, render)


# ------------------------------------------------------------------------------------------
def template_regex(template):
    return re.compile(".+?".join(re.escape(p) for p in template.split("<*>")), re.S)


def self_check():
    """Reads every written file back and asserts the corpus invariants. Returns per-system
    event counts."""
    summary = {}
    for system in SYSTEMS:
        folder = os.path.join(HERE, system)
        with open(os.path.join(folder, system + ".log"), encoding="utf-8", newline="") as f:
            raw = f.read()
        assert raw.endswith("\n")
        lines = raw[:-1].split("\n")
        assert len(lines) == LINES, (system, len(lines))
        with open(os.path.join(folder, system + ".log_structured.csv"), encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], system
        rows = rows[1:]
        assert len(rows) == LINES, (system, len(rows))
        templates, counts = {}, {}
        for i, (row, line) in enumerate(zip(rows, lines)):
            assert len(row) == 4, (system, row)
            line_id, content, event_id, template = row
            assert line_id == str(i + 1), (system, line_id)
            assert re.fullmatch(r"E[0-9]+", event_id), (system, event_id)
            assert content and line.endswith(content), (system, i + 1)
            assert "<*><*>" not in template, (system, template)
            assert template_regex(template).fullmatch(content), (system, i + 1, template, content)
            assert templates.setdefault(event_id, template) == template, (system, event_id)
            counts[event_id] = counts.get(event_id, 0) + 1
        assert len(set(templates.values())) == len(templates), system
        assert 10 <= len(counts) <= 16, (system, len(counts))
        assert min(counts.values()) >= 2, (system, counts)
        assert sum(1 for n in counts.values() if 2 <= n <= 10) >= 3, (system, counts)
        summary[system] = dict(sorted(counts.items(), key=lambda kv: int(kv[0][1:])))
    return summary


if __name__ == "__main__":
    containerd()
    keycloak()
    nginx_error()
    airflow()
    traefik()
    gunicorn()
    for system, counts in self_check().items():
        print("%-11s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
