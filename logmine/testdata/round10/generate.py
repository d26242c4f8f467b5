#!/usr/bin/env python3
"""Writes the round-10 blind, labelled log corpus (see README.md beside this file).

Six systems, 300 lines each: Keystone, NginxIngress, Zeek, Couchbase, Spinnaker, EnterpriseGateway.
Every line is made here from event formats written for this corpus, following each program's
default log layout (written from memory), with values from generators of this file. No line,
template or value list is copied from a real log or data set; the messages are invented in each
project's style. The corpus was written without running any template miner on it and without
reading the miner's source.

Deterministic: fixed seed 20261206, integer clock, no dependence on locale or wall time;
`python3 generate.py` rewrites the same files. Each system gets `<System>/<System>.log` (the raw
lines, header included) and `<System>/<System>.log_structured.csv` (LineId, Content, EventId,
EventTemplate).

Ground truth convention (Loghub style): one `<*>` per value; a value that holds spaces (a
free-text reason or error, a list, a user agent, a pipeline name, an Erlang term) is one `<*>`;
punctuation around a value stays literal (`(<*>)`, `'<*>'`, `"<*>"`, `key=<*>`, `[<*>]`,
`"key":"<*>"`, `<*>, line <*>`); a unit attached to a number stays literal after it (`<*> ms`,
`<*>ms`, `<*> s`, `<*>%`) unless the unit itself varies within the slot (a Couchbase duration
`830 ms`/`2.1 s`, a size `824.3 MiB`/`1.2 GiB`, an ISO-8601 duration `PT12M30S`, each one value);
text that never changes within an event type stays literal. Event formats are written directly
as their templates: each `<*>` in a format is filled with one generated value, and every `<*>`
slot takes at least two different values within its event type (checked when the lines are made
and again on read-back).

At the end the files are read back and checked (see `self_check`).
"""
import calendar
import csv
import os
import random
import re
import string
import time

SEED = 20261206
R = random.Random(SEED)
LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["Keystone", "NginxIngress", "Zeek", "Couchbase", "Spinnaker", "EnterpriseGateway"]


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


def ulid():
    return "01JE" + "".join(R.choice("0123456789ABCDEFGHJKMNPQRSTVWXYZ") for _ in range(22))


def client_ip():
    kind = R.random()
    if kind < 0.45:
        return "203.0.113.%d" % R.randint(1, 254)
    if kind < 0.8:
        return "198.51.100.%d" % R.randint(1, 254)
    return "192.0.2.%d" % R.randint(1, 254)


def eph_port():
    return str(R.randint(32768, 60999))


def cb_duration():
    """A Couchbase-style duration whose unit varies: `830 ms`, `2.1 s`."""
    if R.random() < 0.6:
        return "%d ms" % R.randint(500, 999)
    return "%.1f s" % R.uniform(1, 14)


def mib_size():
    """A size whose unit varies: `824.3 MiB`, `1.2 GiB`."""
    if R.random() < 0.5:
        return "%.1f MiB" % R.uniform(20, 1023)
    return "%.1f GiB" % R.uniform(1, 24)


def go_quote(s):
    """The body of a Go `%q` / klog-quoted string for printable ASCII text."""
    return s.replace("\\", "\\\\").replace('"', '\\"')


class Cycle:
    """Draws from a pool in seeded shuffled rounds: two draws in a row differ whenever the pool
    holds two different values (used for slots of rare event types)."""

    def __init__(self, pool):
        self.pool = list(pool)
        assert len(set(map(repr, self.pool))) >= 2, pool
        self.queue = []

    def __call__(self):
        if not self.queue:
            q = self.pool[:]
            R.shuffle(q)
            self.queue = q
        return self.queue.pop()


class Clock:
    """Integer nanosecond clock starting on 2026-12-06 at a random second of the morning (UTC)."""

    def __init__(self):
        self.start = calendar.timegm((2026, 12, 6, 0, 0, 0)) + R.randint(6 * 3600, 11 * 3600)
        self.ns = self.start * 10 ** 9 + R.randint(0, 10 ** 9 - 1)

    def tick(self):
        self.ns += R.randint(3 * 10 ** 6, 2600 * 10 ** 6)

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

    def ms(self):
        """`2026-12-06 10:00:00.123` (oslo.log `%(asctime)s.%(msecs)03d`, Spring Boot / logback)."""
        return "%s %s.%s" % (self.ymd(), self.hms(), self.frac(3))

    def klog(self):
        """klog `mmdd hh:mm:ss.uuuuuu` (after the level letter)."""
        g = self.g
        return "%02d%02d %s.%s" % (g.tm_mon, g.tm_mday, self.hms(), self.frac(6))

    def epoch_us(self):
        """Zeek `ts`: epoch seconds with six decimals."""
        return "%d.%s" % (self.ns // 10 ** 9, self.frac(6))

    def iso_us_offset(self):
        """Couchbase memcached (spdlog `%Y-%m-%dT%T.%f%z`): `2026-12-06T10:00:00.123456+00:00`."""
        return "%sT%s.%s+00:00" % (self.ymd(), self.hms(), self.frac(6))

    def iso_ms_z(self):
        """Couchbase ns_server: `2026-12-06T10:00:00.123Z`."""
        return "%sT%s.%sZ" % (self.ymd(), self.hms(), self.frac(3))

    def tornado(self):
        """tornado `LogFormatter` default date format `%y%m%d %H:%M:%S`."""
        g = self.g
        return "%02d%02d%02d %s" % (g.tm_year % 100, g.tm_mon, g.tm_mday, self.hms())

    def iso_z_at(self, ns, micro=False):
        g = time.gmtime(ns // 10 ** 9)
        base = "%04d-%02d-%02dT%02d:%02d:%02d" % (g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec)
        if micro:
            return "%s.%06dZ" % (base, (ns % 10 ** 9) // 1000)
        return base + "Z"


# ------------------------------------------------------------------------------------------
# Filling a template.
def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\r" not in v and "\t" not in v, (template, values)
        out += [v, p]
    return "".join(out)


def ev(template, *values):
    """(content, template, values) of one line of an event type."""
    values = tuple(str(v) for v in values)
    return fill(template, values), template, values


# ------------------------------------------------------------------------------------------
def write(system, clock, events, render):
    """events: list of (count, tag, gen); gen() -> ev(...), called after the clock ticked for
    the line; render(tag, content) -> the raw line, which must end with Content. Counts sum to
    LINES; the order of lines is a seeded shuffle. Checks that every slot of every event type
    takes two or more values."""
    assert sum(e[0] for e in events) == LINES, (system, sum(e[0] for e in events))
    assert 13 <= len(events) <= 14, system
    order = [k for k, e in enumerate(events) for _ in range(e[0])]
    R.shuffle(order)
    rows, raw = [], []
    slot_values = {}
    templates = {}
    for i, k in enumerate(order):
        _, tag, gen = events[k]
        clock.tick()
        content, template, values = gen()
        assert templates.setdefault(k, template) == template, (system, template)
        line = render(tag, content)
        assert "\n" not in line and "\r" not in line, (system, line)
        assert line.endswith(content), (system, line)
        rows.append([i + 1, content, "E%d" % (k + 1), template])
        raw.append(line)
        seen = slot_values.setdefault(k, [set() for _ in values])
        assert len(seen) == len(values), (system, template)
        for s, v in zip(seen, values):
            s.add(v)
    for k, seen in slot_values.items():
        for j, s in enumerate(seen):
            assert len(s) >= 2, (system, "E%d" % (k + 1), "slot %d" % (j + 1), s)
    folder = os.path.join(HERE, system)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, system + ".log"), "w", newline="", encoding="utf-8") as f:
        f.write("\n".join(raw) + "\n")
    with open(os.path.join(folder, system + ".log_structured.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


# ------------------------------------------------------------------------------------------
# 1. OpenStack Keystone (under uWSGI) with oslo.log's defaults:
#    logging_context_format_string `%(asctime)s.%(msecs)03d %(process)d %(levelname)s %(name)s
#    [%(global_request_id)s %(request_id)s %(user_identity)s] %(instance)s%(message)s` and, with no
#    request context, logging_default_format_string `... %(name)s [-] %(instance)s%(message)s`;
#    user_identity `%(user)s %(project)s %(domain)s %(system_scope)s %(user_domain)s
#    %(project_domain)s` with `-` for unset parts; `%(instance)s` empty. Content is what follows
#    `] `.
def keystone():
    c = Clock()
    workers = [str(R.randint(18000, 29999)) for _ in range(4)]
    user_ids = [hexid(32) for _ in range(10)]
    project_ids = [hexid(32) for _ in range(6)]
    names = ["alice", "b.okafor", "svc-nova", "svc-glance", "ci bot (jenkins)", "m.larsen@corp.example.com", "admin",
             "svc-octavia", "r.ito", "backup-operator"]
    bases = ["http://10.40.0.10:5000", "https://cloud.example.net/identity"]
    ips = [client_ip() for _ in range(10)] + ["10.40.2.15", "10.40.2.16", "10.40.3.201"]
    roles = ["admin", "member", "reader", "load-balancer_member", "heat_stack_owner", "creator"]

    def request_ctx():
        gr = "None" if R.random() < 0.85 else "req-" + uuid()
        k = R.random()
        if k < 0.3:
            ident = "- - - - - -"
        elif k < 0.85:
            ident = "%s %s - - default default" % (pick(user_ids), pick(project_ids))
        else:
            ident = "%s - - all default -" % pick(user_ids)
        return "[%s req-%s %s]" % (gr, uuid(), ident)

    def api():
        u, p = pick(user_ids), pick(project_ids)
        method, path = pick([("POST", "/v3/auth/tokens"), ("POST", "/v3/auth/tokens"), ("GET", "/v3/auth/tokens"),
                             ("HEAD", "/v3/auth/tokens"), ("DELETE", "/v3/auth/tokens"), ("GET", "/v3/users/%s/projects" % u),
                             ("GET", "/v3/projects?domain_id=default&enabled=True"),
                             ("GET", "/v3/role_assignments?user.id=%s&effective" % u),
                             ("PUT", "/v3/projects/%s/users/%s/roles/%s" % (p, u, hexid(32))), ("GET", "/v3/auth/catalog"),
                             ("POST", "/v3/users/%s/application_credentials" % u), ("PATCH", "/v3/users/%s" % u), ("GET", "/v3")])
        return ev("<*> <*>", method, pick(bases) + path)

    methods = ["'password'", "'password'", "'token'", "'password', 'totp'", "'application_credential'", "'mapped'"]

    def scope():
        k = R.random()
        if k < 0.6:
            return "project:" + pick(project_ids)
        if k < 0.75:
            return "domain:default"
        if k < 0.9:
            return "system:all"
        return "unscoped"

    agents = ["openstacksdk/3.0.0 keystoneauth1/5.6.0 python-requests/2.31.0 CPython/3.11.6",
              "python-openstackclient keystoneauth1/5.6.0 python-requests/2.31.0 CPython/3.10.12",
              "Terraform/1.9.8 (+https://www.terraform.io) Terraform-Plugin-SDK/2.10.1 terraform-provider-openstack/openstack/2.1.0",
              "curl/8.5.0",
              "nova-compute keystonemiddleware.auth_token/10.7.1 keystoneauth1/5.6.0 python-requests/2.31.0 CPython/3.12.3"]

    def cadf():
        k = R.randrange(len(names))
        return ev("Emitting CADF notification identity.authenticate: outcome=<*>, initiator=<*> (<*>), project=<*>, host=<*>, "
                  "agent=<*>, target=service/security/account/user, request=<*>",
                  pick(["success", "success", "success", "failure", "pending"]), user_ids[k], names[k],
                  pick(project_ids + ["-"]), pick(ips), pick(agents), "req-" + uuid())

    def rejected():
        reason = pick(["The request you have made requires authentication.",
                       "Invalid username or password.",
                       "Could not find user: %s." % pick(names),
                       "The account is locked for user: %s." % pick(user_ids),
                       "The password is expired and needs to be changed for user: %s." % pick(user_ids),
                       "Additional authentication factor required: rules [['password', 'totp']] not satisfied (methods used: ['password'])"])
        return ev("Authentication rejected: <*> (remote address <*>)", reason, pick(ips))

    domains = [("default", "sql"), ("default", "sql"), ("corp", "ldap"), ("partners", "ldap")]

    def resolved():
        d, drv = pick(domains)
        return ev("Resolved user <*> in domain <*> via the <*> identity driver", pick(names), d, drv)

    def assignment(word):
        return lambda: ev("Assignment of role <*> to user <*> on project <*> " + word, pick(roles), pick(user_ids), pick(project_ids))

    lock_users = Cycle(user_ids)
    lock_durations = Cycle(["600", "1800", "3600"])
    ldap_urls = ["ldaps://ldap1.corp.example.com:636", "ldaps://ldap2.corp.example.com:636", "ldap://10.40.8.21"]
    bind_dns = ["cn=keystone,ou=services,dc=corp,dc=example,dc=com", "uid=svc-keystone,cn=sysaccounts,cn=etc,dc=partners,dc=example"]
    ldap_errors = ["{'result': -1, 'desc': \"Can't contact LDAP server\", 'ctrls': []}",
                   "{'msgtype': 97, 'msgid': 1, 'result': 49, 'desc': 'Invalid credentials', 'ctrls': [], "
                   "'info': '80090308: LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data 52e, v2580'}",
                   "{'result': -1, 'desc': \"Can't contact LDAP server\", 'errno': 110, 'ctrls': [], 'info': 'Connection timed out'}",
                   "timeout"]
    key_state = {"/etc/keystone/fernet-keys/": R.randint(20, 40), "/etc/keystone/credential-keys/": R.randint(3, 9)}
    repos = Cycle(sorted(key_state))

    def rotated():
        repo = repos()
        key_state[repo] += 1
        return ev("Promoted key <*> to primary in repository <*> (<*> keys on disk)", key_state[repo], repo, pick(["3", "4", "5"]))

    db_errors = Cycle(["(pymysql.err.OperationalError) (2013, 'Lost connection to MySQL server during query')",
                       "(pymysql.err.OperationalError) (2003, \"Can't connect to MySQL server on 'db.cloud.example.net' "
                       "([Errno 111] Connection refused)\")",
                       "(pymysql.err.InterfaceError) (0, '')",
                       "(pymysql.err.OperationalError) (1047, 'WSREP has not yet prepared node for application use')"])
    revoke_users = Cycle(user_ids)
    app_creds = Cycle([hexid(32) for _ in range(4)])

    def revoked():
        return ev("Revocation event recorded for user <*>: tokens issued before <*> are no longer valid",
                  revoke_users(), c.iso_z_at(c.ns, micro=True))

    def app_expired():
        exp = c.ns - R.randint(3600, 40 * 86400) * 10 ** 9
        return ev("Application credential <*> of user <*> expired at <*>; rejecting request", app_creds(), pick(user_ids),
                  c.iso_z_at(exp))

    events = [
        (72, ("INFO", "keystone.common.wsgi", "req"), api),
        (48, ("DEBUG", "keystone.token.provider", "req"),
         lambda: ev("Token validated for user <*> with methods [<*>], scope <*>", pick(user_ids), pick(methods), scope())),
        (32, ("WARNING", "keystone.server.flask.application", "req"), rejected),
        (26, ("DEBUG", "keystone.identity.core", "req"), resolved),
        (22, ("INFO", "keystone.assignment.core", "req"), assignment("created")),
        (20, ("INFO", "keystone.assignment.core", "req"), assignment("deleted")),
        (16, ("DEBUG", "keystone.notifications", "req"), cadf),
        (14, ("WARNING", "keystone.identity.core", "req"),
         lambda: ev("Disabling user <*> after <*> failed authentication attempts", lock_users(), pick(["3", "5", "6"]))),
        (12, ("ERROR", "keystone.identity.backends.ldap.common", "req"),
         lambda: ev("LDAP bind to <*> as <*> failed: <*>", pick(ldap_urls), pick(bind_dns), pick(ldap_errors))),
        (10, ("ERROR", "oslo_db.sqlalchemy.engines", "none"),
         lambda: ev("Database connection was lost; reconnecting in <*> seconds (attempt <*> of 10): <*>",
                    pick(["1", "2", "4", "8"]), num(1, 9), db_errors())),
        (9, ("WARNING", "keystone.identity.core", "req"),
         lambda: ev("Disabling user <*> after <*> failed authentication attempts (lockout duration <*> s)",
                    lock_users(), pick(["3", "5", "6"]), lock_durations())),
        (8, ("INFO", "keystone.common.fernet_utils", "manage"), rotated),
        (6, ("INFO", "keystone.revoke.core", "req"), revoked),
        (5, ("WARNING", "keystone.auth.plugins.application_credential", "req"), app_expired),
    ]

    def render(tag, content):
        level, logger, ctx = tag
        pid = str(R.randint(30000, 60000)) if ctx == "manage" else pick(workers)
        context = request_ctx() if ctx == "req" else "[-]"
        return "%s %s %s %s %s %s" % (c.ms(), pid, level, logger, context, content)
    write("Keystone", c, events, render)


# ------------------------------------------------------------------------------------------
# 2. NGINX Ingress Controller (ingress-nginx), the controller's own log on stderr, klog text
#    format: `Lmmdd hh:mm:ss.uuuuuu threadid file:line] msg` with the id printed `%7d`
#    (`I1206 10:00:00.123456       7 store.go:440] ...`). Plain printf messages and structured
#    ones (`"message" key="value" key=value`, values quoted Go-style) are mixed. Content is what
#    follows `] `.
def nginx_ingress():
    c = Clock()
    ingresses = [("shop", "storefront"), ("shop", "checkout-api"), ("payments", "gateway"), ("monitoring", "grafana"),
                 ("default", "echo"), ("auth", "keycloak"), ("data", "airflow-web")]
    ing_uid = {i: uuid() for i in ingresses}
    rv = {"n": R.randint(4000000, 9000000)}
    services = ["shop/storefront", "shop/checkout-api", "payments/gateway-v2", "monitoring/grafana", "data/airflow-web",
                "default/echo-canary"]
    lb_ips = ["203.0.113.40", "203.0.113.41"]

    def ing():
        return "%s/%s" % pick(ingresses)

    def sync_event():
        i = pick(ingresses)
        rv["n"] += R.randint(1, 4000)
        return ev('Event(v1.ObjectReference{Kind:"Ingress", Namespace:"<*>", Name:"<*>", UID:"<*>", '
                  'APIVersion:"networking.k8s.io/v1", ResourceVersion:"<*>", FieldPath:""}): '
                  "type: 'Normal' reason: 'Sync' Scheduled for sync", i[0], i[1], ing_uid[i], rv["n"])

    def addrs(n):
        return "[" + " ".join("{IP:%s Hostname: Ports:[]}" % ip for ip in lb_ips[:n]) + "]"

    status_moves = [("[]", addrs(1)), (addrs(1), addrs(2)), (addrs(2), addrs(1)), (addrs(1), "[]")]

    def status():
        ns, name = pick(ingresses)
        return ev('"updating Ingress status" namespace="<*>" ingress="<*>" currentValue=<*> newValue=<*>', ns, name,
                  *pick(status_moves))

    def tls_error():
        ns, name = pick(ingresses)
        secret = "%s/%s-tls" % (ns, name)
        err = pick(['no object matching key "%s" in local store' % secret,
                    "secret %s does not contain a key 'tls.crt'" % secret,
                    "x509: certificate has expired or is not yet valid: current time 2026-12-06T00:00:00Z is after 2026-12-01T00:00:00Z",
                    "tls: private key does not match public key"])
        return ev('Error loading TLS secret "<*>": <*>', secret, err)

    reload_errors = Cycle([go_quote('exit status 1: nginx: [emerg] unknown directive "proxy_bufer_size" in /tmp/nginx/nginx-cfg2841:1093'),
                           go_quote('exit status 1: nginx: [emerg] duplicate location "/api" in /tmp/nginx/nginx-cfg771:688'),
                           "signal: killed",
                           "timed out waiting for nginx master process to accept the new configuration"])
    pods = ["ingress-nginx-controller-7d9f8b6c5d-x2k4p", "ingress-nginx-controller-7d9f8b6c5d-q8mzt",
            "ingress-nginx-controller-5c6b9d7f4-hn2vw"]
    secrets = ["shop/storefront-tls", "payments/gateway-tls", "auth/keycloak-tls", "monitoring/basic-auth", "data/airflow-oauth"]
    bad_class = Cycle([("default/echo", "ingress does not contain a valid IngressClass"),
                       ("data/airflow-web", go_quote('no object matching key "nginx-legacy" in local store')),
                       ("auth/keycloak", "IngressClass nginx-internal is handled by controller k8s.io/ingress-nginx-internal, not by k8s.io/ingress-nginx")])
    versions = Cycle([("v1.11.3", "0106de65cf"), ("v1.12.0", "b3b7a8c2e1")])
    tcp_ports = ["5432", "6379", "9000", "1883"]

    events = [
        (76, ("I", "store.go:440"),
         lambda: ev('"Found valid IngressClass" ingress="<*>" ingressclass="<*>"', ing(), pick(["nginx", "nginx", "nginx-internal"]))),
        (50, ("I", "event.go:377"), sync_event),
        (34, ("I", "controller.go:193"), lambda: ev('"Configuration changes detected, backend reload required"')),
        (30, ("I", "controller.go:213"), lambda: ev('"Backend successfully reloaded"')),
        (24, ("W", "controller.go:1109"), lambda: ev('Service "<*>" does not have any active Endpoint.', pick(services))),
        (18, ("I", "status.go:304"), status),
        (16, ("W", "backend_ssl.go:61"), tls_error),
        (12, ("E", "controller.go:205"), lambda: ev('"Backend reload failed" err="<*>"', reload_errors())),
        (9, ("I", "leaderelection.go:88"), lambda: ev('"Leader lease acquired by another replica" identity="<*>"', pick(pods))),
        (8, ("I", "store.go:628"),
         lambda: ev('"Secret was added and is referenced by an Ingress, syncing" secret="<*>"', pick(secrets))),
        (7, ("W", "controller.go:1116"),
         lambda: ev('Service "<*>" does not have any active Endpoint for TCP port <*>', pick(services), pick(tcp_ports))),
        (6, ("I", "store.go:651"),
         lambda: ev('"Secret was updated and is referenced by an Ingress, syncing" secret="<*>"', pick(secrets))),
        (5, ("W", "store.go:417"), lambda: ev('"Skipping ingress with unusable class" ingress="<*>" error="<*>"', *bad_class())),
        (5, ("I", "main.go:54"), lambda: ev('"Starting NGINX Ingress controller" version="<*>" commit="<*>"', *versions())),
    ]

    def render(tag, content):
        level, where = tag
        return "%s%s %7d %s] %s" % (level, c.klog(), 7, where, content)
    write("NginxIngress", c, events, render)


# ------------------------------------------------------------------------------------------
# 3. Zeek: the lines of one cluster's `reporter.log` and `weird.log` in Zeek's default TSV
#    format (the `#` header lines, `#fields` included, left out), merged in time order.
#    reporter.log: `ts level message location`; weird.log: `ts uid id.orig_h id.orig_p id.resp_h
#    id.resp_p name addl notice peer source`; fields separated by tabs, unset fields `-`. Content
#    is the record after the `ts` field and its tab (the tabs between the other fields kept).
def zeek():
    c = Clock()
    b62 = string.ascii_letters + string.digits

    def uid():
        return "C" + "".join(R.choice(b62) for _ in range(17))

    def internal():
        return "10.60.%d.%d" % (R.randint(1, 40), R.randint(2, 250))

    def external():
        if R.random() < 0.2:
            return "2001:db8:%x::%x" % (R.randint(1, 0xfff), R.randint(1, 0xffff))
        return client_ip()

    peers = ["worker-%d-%d" % (a, b) for a in (1, 2) for b in (1, 2, 3, 4)]

    def weird(name, addl, source, conn=True):
        head = "<*>\t<*>\t<*>\t<*>\t<*>" if conn else "-\t-\t-\t-\t-"
        return "%s\t%s\t%s\tF\t<*>\t%s" % (head, name, "<*>" if addl else "-", source)

    def dns_unmatched():
        if R.random() < 0.15:
            conn = (uid(), internal(), "5353", "224.0.0.251", "5353")
        else:
            conn = (uid(), internal(), eph_port(), pick(["10.60.0.2", "10.60.0.3"]), "53")
        return ev(weird("dns_unmatched_reply", False, "DNS"), *conn, pick(peers))

    def split_routing():
        if R.random() < 0.5:
            conn = (uid(), internal(), eph_port(), external(), pick(["443", "443", "80", eph_port()]))
        else:
            conn = (uid(), external(), eph_port(), internal(), pick(["443", "22", "25"]))
        return ev(weird("possible_split_routing", False, "TCP"), *conn, pick(peers))

    def before_established():
        return ev(weird("data_before_established", False, "TCP"), uid(), external(), eph_port(), internal(),
                  pick(["22", "443", "25", "3389"]), pick(peers))

    def bad_http():
        return ev(weird("bad_HTTP_request", False, "HTTP"), uid(), external(), eph_port(), internal(), pick(["80", "8080"]),
                  pick(peers))

    methods = ["BREW", "SSTP_DUPLEX_POST", "\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xfc\\x03\\x03", "MKTEMP", "get"]

    def unknown_method():
        return ev(weird("unknown_HTTP_method", True, "HTTP"), uid(), external(), eph_port(), internal(), pick(["80", "8080", "8000"]),
                  pick(methods), pick(peers))

    rr_types = Cycle(["65", "64", "262", "32769"])

    def rr_unknown():
        return ev(weird("DNS_RR_unknown_type", True, "DNS"), uid(), internal(), eph_port(), pick(["10.60.0.2", "10.60.0.3"]),
                  pick(["53", "5353"]), rr_types(), pick(peers))

    bad_lines = Cycle(["\\x05\\x01\\x00",
                       "CONNECT www.example.org:443 HTTP/1.1 Proxy-Connection: keep-alive",
                       "GET /../../../../etc/passwd HTTP/1.0",
                       "GET /index.html HTTP/1.1 extra-token",
                       "HEAD"])

    def bad_http_addl():
        return ev(weird("bad_HTTP_request", True, "HTTP"), uid(), external(), eph_port(), internal(), pick(["80", "8080"]),
                  bad_lines(), pick(peers))

    ifaces = ["af_packet::ens2f0", "af_packet::ens2f1"]

    def drops():
        total = R.randint(2 * 10 ** 6, 9 * 10 ** 7)
        dropped = int(total * R.uniform(0.0005, 0.06))
        return ev("Reporter::WARNING\t<*> of <*> packets dropped on <*> in the last <*> s (<*>%)\t-", dropped, total, pick(ifaces),
                  pick(["60", "300"]), "%.2f" % (100.0 * dropped / total))

    unset = Cycle([("c$http$host", "/opt/zeek/share/zeek/site/custom/http-vhosts.zeek", "41"),
                   ("c$ssl$server_name", "/opt/zeek/share/zeek/site/custom/tls-inventory.zeek", "118"),
                   ("rec$query", "/opt/zeek/share/zeek/site/custom/dns-tunnels.zeek", "27"),
                   ("c$dns$qtype_name", "/opt/zeek/share/zeek/site/custom/dns-tunnels.zeek", "63")])
    broker = Cycle([("manager", "10.60.0.5:27761"), ("logger-1", "10.60.0.6:27762"), ("proxy-1", "10.60.0.7:27763")])
    inputs = Cycle([("intel-feed", "/opt/zeek/share/zeek/site/intel/feeds/ip-blocklist.dat", "No such file or directory"),
                    ("known-scanners", "/var/lib/zeek/input/scanners.tsv", "Permission denied"),
                    ("asset-inventory", "/srv/nfs/zeek/assets.tsv", "Stale file handle")])

    events = [
        (74, None, dns_unmatched),
        (48, None, split_routing),
        (34, None, before_established),
        (28, None, bad_http),
        (22, None, unknown_method),
        (18, None, lambda: ev(weird("non_ip_packet_in_ethernet", False, "-", conn=False), pick(peers))),
        (14, None, rr_unknown),
        (12, None, drops),
        (10, None, lambda: ev("Reporter::ERROR\tread of unset field <*>\t<*>, line <*>", *unset())),
        (9, None, bad_http_addl),
        (8, None, lambda: (lambda b: ev("Reporter::WARNING\tBroker peer <*> at <*> unreachable, retrying in <*> seconds\t-",
                                        b[0], b[1], pick(["10", "30"])))(broker())),
        (8, None, lambda: ev("Reporter::INFO\tpacket processing suspended\t-")),
        (7, None, lambda: ev("Reporter::INFO\tpacket processing resumed\t-")),
        (8, None, lambda: ev("Reporter::ERROR\t<*>/Input::READER_ASCII: cannot open <*>: <*>\t-", *inputs())),
    ]

    def render(_, content):
        return "%s\t%s" % (c.epoch_us(), content)
    write("Zeek", c, events, render)


# ------------------------------------------------------------------------------------------
# 4. Couchbase Server: the lines of one node's `memcached.log` and ns_server's `debug.log`
#    merged in time order, each in its default format.
#    memcached (spdlog): `2026-12-06T10:00:00.123456+00:00 INFO message`; Content is what follows
#    the level and one space.
#    ns_server (ale): `[category:level,2026-12-06T10:00:00.123Z,ns_1@10.20.0.11:<process>:module:function:line]message`
#    with `<process>` an Erlang pid `<0.N.0>`, prefixed by its registered name when it has one;
#    Content is what follows `]` (no space).
def couchbase():
    c = Clock()
    me = "10.20.0.11"
    others = ["10.20.0.12", "10.20.0.13", "10.20.0.14"]
    buckets = ["travel", "orders", "sessions", "analytics-staging"]
    app_ips = ["10.20.5.%d" % i for i in (31, 32, 47, 48, 90)]
    agents = ['{"a":"gocbcore/v10.3.1 gocb/v2.7.1","i":"%s/%s"}',
              '{"a":"java/3.6.2 (Java/17.0.10; OpenJDK 64-Bit Server VM; Linux amd64)","i":"%s/%s"}',
              '{"a":"python/4.2.1 (python/3.11.6; Linux/x86_64)","i":"%s/%s"}',
              '{"a":"cbq-engine/7.6.3","i":"%s/%s"}']
    features = ["TCP nodelay", "XATTR", "XERROR", "Select bucket", "Snappy", "JSON", "Duplex", "Collections",
                "Tracing", "Unordered execution", "Alt request support", "Sync Replication"]

    def helo():
        feats = [f for f in features if R.random() < 0.6] or ["XERROR"]
        auth = "not authenticated" if R.random() < 0.7 else "<ud>%s</ud>" % pick(["svc-orders", "svc-sessions", "Administrator"])
        return ev("<*>: HELO [<*>] <*> [ <*> - <*> (<*>) ]", num(40, 4000), pick(agents) % (hexid(16), hexid(16)), ", ".join(feats),
                  '{"ip":"%s","port":%s}' % (pick(app_ips), eph_port()), '{"ip":"%s","port":%s}' % (me, pick(["11210", "11210", "11207"])),
                  auth)

    def producer_name():
        b = pick(buckets)
        return pick(["replication:ns_1@%s->ns_1@%s:%s" % (me, pick(others), b), "fts:%s_idx_%s" % (b, hexid(16)),
                     "secidx:proj-%s-MAINT_STREAM_TOPIC_%s" % (b, hexid(12))]), b

    def consumer_name():
        b = pick(buckets)
        return "replication:ns_1@%s->ns_1@%s:%s" % (pick(others), me, b), b

    def create_stream():
        name, b = producer_name()
        start = R.randint(0, 4 * 10 ** 6)
        end = pick(["18446744073709551615", "18446744073709551615", str(start + R.randint(1, 90000))])
        filt = pick(["{}", "{}", '{"collections":["8"]}', '{"collections":["8","9","c"]}'])
        return ev("(<*>) DCP (Producer) eq_dcpq:<*> - (vb:<*>) Creating stream with start seqno <*> and end seqno <*>; "
                  "requested end seqno was <*>, collections-manifest uid:<*>, filter:<*> sid:none",
                  b, name, num(0, 1023), start, end, end, "%x" % R.randint(1, 0x2f), filt)

    dead_status = ["The stream closed due to a close stream message", "The stream closed early because the conn was disconnected",
                   "The stream was closed because the vbucket state changed", "The stream closed as part of a rollback"]

    def dead(kind, namer):
        def gen():
            name, b = namer()
            return ev("(<*>) DCP (%s) eq_dcpq:<*> - (vb:<*>) Setting stream to dead state, last_sent_seqno <*>, unAckedBytes <*>, "
                      "status:<*>" % kind, b, name, num(0, 1023), num(0, 4 * 10 ** 6), pick(["0", "0", num(1, 2 ** 20)]),
                      pick(dead_status))
        return gen

    commands = ["GET", "SET", "DELETE", "SUBDOC_MULTI_LOOKUP", "RANGE_SCAN_CONTINUE", "GET_META"]

    def slow_op():
        b = pick(buckets)
        cmd = pick(commands)
        key = pick(["user::%d" % R.randint(1000, 99999), "order:2026-12:%s" % hexid(8), "session_%s" % hexid(24), "cfg"])
        t0 = R.randint(10 ** 13, 9 * 10 ** 13)
        trace = "request=%d:%d execute=%d:%d" % (t0, R.randint(500, 9000), t0 + R.randint(1, 40), R.randint(400, 8000))
        return ev('<*>: Slow operation: {"bucket":"<*>","cid":"<*>","command":"<*>","duration":"<*>","packet":{"bodylen":<*>,"cas":0,'
                  '"datatype":"<*>","extlen":<*>,"key":"<ud><*></ud>","keylen":<*>,"magic":"ClientRequest","opaque":<*>,'
                  '"opcode":"<*>","vbucket":<*>},"peer":{"ip":"<*>","port":<*>},"trace":"<*>","worker_tid":<*>}',
                  num(40, 4000), b, "%s/%s" % (hexid(8), hexid(8)), cmd, cb_duration(), num(0, 20000),
                  pick(["raw", "JSON", "snappy,JSON"]), pick(["0", "4", "8", "20"]), key, len(key), num(1, 2 ** 31), cmd,
                  num(0, 1023), pick(app_ips), eph_port(), trace, num(140000, 180000))

    warm_buckets = Cycle(buckets)

    def warmup():
        keys = R.randint(10 ** 4, 9 * 10 ** 7)
        return ev("(<*>) Warmup completed: <*> keys and <*> values loaded in <*>, mem_used now at <*>",
                  warm_buckets(), keys, int(keys * R.uniform(0.3, 1)), cb_duration(), mib_size())

    read_errors = ["Connection reset by peer", "No route to host", "Broken pipe",
                   "SSL_read() returned: error:0A000126:SSL routines::unexpected eof while reading"]

    def closing():
        return ev("<*>: Closing connection [ <*> - <*> (<*>) ] due to read error: <*>", num(40, 4000),
                  '{"ip":"%s","port":%s}' % (pick(app_ips), eph_port()), '{"ip":"%s","port":%s}' % (me, pick(["11210", "11207"])),
                  pick(["not authenticated", "<ud>svc-orders</ud>", "<ud>svc-sessions</ud>"]), pick(read_errors))

    down_reasons = ["net_tick_timeout", "connection_closed", "disconnect",
                    '{shutdown,{tls_alert,{unknown_ca,"TLS client: In state certify received SERVER ALERT: Fatal - Unknown CA\\n"}}}']
    rebalances = Cycle([("'ns_1@10.20.0.11','ns_1@10.20.0.12','ns_1@10.20.0.13'", "['ns_1@10.20.0.14']", "none"),
                        ("'ns_1@10.20.0.11','ns_1@10.20.0.12','ns_1@10.20.0.13','ns_1@10.20.0.14'", "[]", "all"),
                        ("'ns_1@10.20.0.11','ns_1@10.20.0.13'", "['ns_1@10.20.0.12']", "none")])
    stat_errors = ["{error,timeout}",
                   "{exit,{noproc,{gen_server,call,[{'ns_memcached-travel','ns_1@10.20.0.12'},{stats,<<>>},180000]}}}",
                   "{error,{badmatch,{memcached_error,key_enoent,undefined}}}",
                   "{exit,{timeout,{gen_server,call,[ns_heart,status,30000]}}}"]
    loaded = Cycle(buckets)
    observers = [me] + others  # ns_node_disco logs what this node's peers report, too
    skips = Cycle(["Maximum number of auto-failover nodes (1) has been reached.",
                   "Could not auto-failover more nodes ['ns_1@10.20.0.13']. This would make the cluster lose data in bucket \"sessions\".",
                   "rebalance is running"])

    def ns(cat, lvl, proc, where):
        return ("ns", cat, lvl, proc, where)

    events = [
        (78, ("mc", "INFO"), helo),
        (52, ns("ns_server", "debug", None, "ns_janitor:cleanup:118"),
         lambda: ev('Janitor run for bucket "<*>" finished in <*> ms, <*> vbuckets fixed', pick(buckets), num(2, 4000),
                    pick(["0", "0", "0", "1", "4", "64"]))),
        (38, ("mc", "INFO"), create_stream),
        (26, ("mc", "WARNING"), slow_op),
        (22, ("mc", "INFO"), dead("Producer", producer_name)),
        (18, ("mc", "INFO"), dead("Consumer", consumer_name)),
        (14, ("mc", "WARNING"), closing),
        (12, ns("user", "warn", "ns_node_disco", "ns_node_disco:handle_info:171"),
         lambda: (lambda a, b: ev("Node <*> noticed that node <*> went down, reason: <*>", "ns_1@" + a, "ns_1@" + b,
                                  pick(down_reasons)))(*R.sample(observers, 2))),
        (10, ns("user", "info", "ns_node_disco", "ns_node_disco:handle_info:165"),
         lambda: (lambda a, b: ev("Node <*> noticed that node <*> came up", "ns_1@" + a, "ns_1@" + b))(*R.sample(observers, 2))),
        (9, ns("ns_server", "error", "ns_heart_slow_status_updater", "ns_heart:grab_bucket_stats:240"),
         lambda: ev('Failed to get stats for bucket "<*>" from <*>: <*>', pick(buckets), "ns_1@" + pick([me] + others), pick(stat_errors))),
        (6, ("mc", "INFO"), warmup),
        (6, ns("user", "info", None, "ns_memcached:handle_cast:612"),
         lambda: ev('Bucket "<*>" loaded on node <*> in <*> seconds.', loaded(), "'ns_1@%s'" % pick([me, "10.20.0.12"]), num(0, 40))),
        (5, ns("rebalance", "info", None, "ns_rebalancer:rebalance:430"),
         lambda: (lambda r: ev("Starting rebalance <*>: keep_nodes = [<*>], eject_nodes = <*>, delta_recovery = <*>",
                               hexid(32), *r))(rebalances())),
        (4, ns("user", "warn", "auto_failover", "auto_failover:log_failover_skip:545"),
         lambda: ev("Auto-failover of node <*> skipped: <*>", "'ns_1@%s'" % pick(others), skips())),
    ]
    pids = {}

    def render(tag, content):
        if tag[0] == "mc":
            return "%s %s %s" % (c.iso_us_offset(), tag[1], content)
        _, cat, lvl, proc, where = tag
        if proc:
            pid = pids.setdefault(proc, "<0.%d.0>" % R.randint(300, 900))
            process = proc + pid
        else:
            process = "<0.%d.0>" % R.randint(1000, 99999)
        return "[%s:%s,%s,ns_1@%s:%s:%s]%s" % (cat, lvl, c.iso_ms_z(), me, process, where, content)
    write("Couchbase", c, events, render)


# ------------------------------------------------------------------------------------------
# 5. Spinnaker Orca (Spring Boot, logback) with Spring Boot's default console/file pattern
#    `%d{yyyy-MM-dd HH:mm:ss.SSS} %5p ${PID} --- [%15.15t] %-40.40logger{39} : %m%n`:
#    `2026-12-06 10:00:00.123  INFO 1 --- [    handlers-12] c.n.s.orca.q.handler.RunTaskHandler      : ...`
#    (PID 1 in its container; thread right-aligned in 15, cut from the left; logger abbreviated
#    to 39 by shortening packages to their first letter, then padded to 40 or cut from the left).
#    Content is what follows ` : `.
def logback_logger(fqn, target=39, width=40):
    if len(fqn) >= target:
        parts = fqn.split(".")
        trim = len(fqn) - target
        for i in range(len(parts) - 1):
            if trim <= 0:
                break
            trim -= len(parts[i]) - 1
            parts[i] = parts[i][0]
        fqn = ".".join(parts)
    return fqn[-width:] if len(fqn) > width else fqn.ljust(width)


def spinnaker():
    c = Clock()
    apps = ["ordersapi", "checkout", "fraudscore", "webstore", "paymentsgw"]
    execs = [ulid() for _ in range(24)]
    stages = [ulid() for _ in range(30)]
    tasks = ["waitForUpInstances", "monitorDeploy", "createServerGroup", "determineHealthProviders", "waitForCapacityMatch",
             "disableServerGroup", "bakeImage", "runJob"]
    users = ["anonymous", "a.moreau@example.com", "deploy-bot@example.com", "k.nakamura@example.com"]

    def handlers():
        return "handlers-%d" % R.randint(1, 60)

    def http():
        return "http-nio-8083-exec-%d" % R.randint(1, 40)

    def ran():
        return ev("Task <*> for stage <*> of execution <*> returned <*> in <*> ms", pick(tasks), pick(stages), pick(execs),
                  pick(["RUNNING", "RUNNING", "RUNNING", "SUCCEEDED", "SUCCEEDED", "TERMINAL", "FAILED_CONTINUE"]), num(3, 9000))

    def server_group():
        a = pick(apps)
        return "%s-%s-v%03d" % (a, pick(["prod", "staging", "prod-canary"]), R.randint(1, 200))

    def waiting():
        total = R.randint(1, 24)
        return ev("Waiting for <*> of <*> instances to be Up in server group <*> (<*>, <*>)", R.randint(0, total - 1) if total > 1 else 0,
                  total, server_group(), pick(["prod-aws", "staging-aws", "prod-k8s"]), pick(["us-east-1", "eu-west-1", "us-west-2"]))

    pipelines = ["Deploy to prod", "Bake & Deploy", "Promote 'staging' -> prod", "nightly-db-migration",
                 "Rollback (manual, emergency)", "Canary: 5% for 30m"]

    retry_errors = ["java.net.SocketTimeoutException: timeout",
                    "Status: 503, URL: http://spin-clouddriver.spinnaker:7002/applications/ordersapi/serverGroups, Message: Service Unavailable",
                    "com.netflix.spinnaker.kork.exceptions.SystemException: Unable to acquire lock for ordersapi-prod-v112 (held by clouddriver-5f7c9)",
                    "Connection refused"]
    cancel_reasons = Cycle(["superseded by a newer execution", "Canary analysis marked the release as failed: score 41.0 < 75.0",
                            "manual stop"])

    def http_fail():
        e = pick(execs)
        a = pick(apps)
        method, path, status, err = pick([
            ("GET", "/pipelines/%s" % e, "404", "Execution not found"),
            ("PUT", "/pipelines/%s/cancel" % e, "403", "Access denied to application %s - required authorization: EXECUTE" % a),
            ("POST", "/orchestrate", "400",
             "Pipeline config is invalid: stage 'Deploy (us-east-1)' references unknown account 'prod-gcp'"),
            ("GET", "/v2/applications/%s/pipelines" % a, "500", "Request timed out")])
        return ev("Request <*> <*> failed with HTTP <*>: <*>", method, path, status, err)

    def completed():
        t0 = c.ns // 10 ** 6 - R.randint(2000, 3600000)
        t1 = c.ns // 10 ** 6 - R.randint(0, 1500)
        outputs = pick(["deploy.server.groups, deploy.account.name", "outputs.createdArtifacts",
                        "deploy.server.groups, deploy.account.name, targetReferences, kato.tasks", "jobStatus, completionDetails"])
        name, kind = pick([("Deploy (us-east-1)", "deploy"), ("Bake", "bake"), ("Manual Judgment", "manualJudgment"),
                           ("Run Job: db-migrate", "runJob"), ("Canary Analysis", "kayentaCanary")])
        return ev("Stage <*> (<*>) of execution <*> completed: status=<*>, type=<*>, startTime=<*>, endTime=<*>, duration=<*>ms, outputs=[<*>]",
                  pick(stages), name, pick(execs), pick(["SUCCEEDED", "SUCCEEDED", "TERMINAL", "STOPPED"]), kind, t0, t1, t1 - t0, outputs)

    zombies = Cycle(execs[:6])
    ages = Cycle(["PT12M30S", "PT1H4M", "PT45M12.5S", "PT3H"])
    boots = Cycle([("31.82", "34.107"), ("28.4", "30.911")])
    cleanup_apps = Cycle(apps)
    artifacts = Cycle([("gs://spin-artifacts/ordersapi/manifest.yml", "Artifact not found in bucket spin-artifacts"),
                       ("docker.io/example/checkout:1.42.0", "no matching artifact found in trigger or prior stages"),
                       ("github/file: deploy/k8s/fraudscore.yaml", "401 Unauthorized from api.github.com: Bad credentials")])

    RT = "com.netflix.spinnaker.orca.q.handler.RunTaskHandler"
    OP = "com.netflix.spinnaker.orca.pipeline.CompoundExecutionOperator"
    events = [
        (80, ("INFO", RT, handlers), ran),
        (50, ("INFO", "com.netflix.spinnaker.orca.clouddriver.tasks.instance.WaitForUpInstancesTask", handlers), waiting),
        (34, ("INFO", "com.netflix.spinnaker.orca.q.handler.StartExecutionHandler", handlers),
         lambda: ev("Starting execution <*> of pipeline '<*>' for application <*> (trigger: <*>)", pick(execs), pick(pipelines), pick(apps),
                    pick(["manual", "manual", "docker", "jenkins", "cron", "pipeline"]))),
        (28, ("WARN", RT, handlers),
         lambda: ev("Task <*> of stage <*> failed with a retryable error, will retry in <*> ms: <*>", pick(tasks), pick(stages),
                    pick(["5000", "15000", "30000"]), pick(retry_errors))),
        (22, ("INFO", "com.netflix.spinnaker.orca.q.handler.CompleteStageHandler", handlers), completed),
        (18, ("ERROR", "com.netflix.spinnaker.kork.web.exceptions.GenericExceptionHandlers", http), http_fail),
        (14, ("INFO", OP, http), lambda: ev("Execution <*> of application <*> was canceled by <*>", pick(execs), pick(apps), pick(users))),
        (12, ("WARN", "com.netflix.spinnaker.q.redis.RedisQueue", lambda: "spinnaker-queue-%d" % R.randint(1, 4)),
         lambda: ev("Re-delivering message <*> (<*>) after <*> attempts", uuid(), pick(["RunTask", "CompleteStage", "StartStage"]),
                    num(2, 9))),
        (10, ("INFO", OP, http), lambda: ev("Execution <*> of application <*> was paused by <*>", pick(execs), pick(apps), pick(users))),
        (9, ("WARN", "com.netflix.spinnaker.orca.q.ZombieExecutionCheckingAgent", lambda: "scheduling-1"),
         lambda: ev("Zombie execution <*> detected for application <*>; last updated <*> ago", zombies(), pick(apps), ages())),
        (8, ("INFO", OP, http),
         lambda: ev("Execution <*> of application <*> was canceled by <*> (reason: <*>)", pick(execs), pick(apps), pick(users),
                    cancel_reasons())),
        (6, ("INFO", "com.netflix.spinnaker.orca.notifications.scheduling.OldPipelineCleanupPollingNotificationAgent",
             lambda: "pool-4-thread-1"),
         lambda: ev("Cleaned up <*> old executions for application <*> (threshold <*> days)", num(1, 400), cleanup_apps(),
                    pick(["30", "90"]))),
        (6, ("ERROR", "com.netflix.spinnaker.orca.pipeline.util.ArtifactUtils", handlers),
         lambda: (lambda a: ev("Unable to resolve artifact <*> for stage <*>: <*>", a[0], pick(stages), a[1]))(artifacts())),
        (3, ("INFO", "com.netflix.spinnaker.orca.Main", lambda: "main"),
         lambda: ev("Started Main in <*> seconds (process running for <*>)", *boots())),
    ]

    def render(tag, content):
        level, logger, thread = tag
        t = thread()
        t = t[-15:] if len(t) > 15 else t.rjust(15)
        return "%s %5s 1 --- [%s] %s : %s" % (c.ms(), level, t, logback_logger(logger), content)
    write("Spinnaker", c, events, render)


# ------------------------------------------------------------------------------------------
# 6. Jupyter Enterprise Gateway, written with tornado's `LogFormatter` and its defaults
#    (`[%(levelname)1.1s %(asctime)s %(module)s:%(lineno)d] %(message)s`, date format
#    `%y%m%d %H:%M:%S`, no colour in a file): `[I 261206 10:00:00 web:2348] 200 GET /api/kernels (10.42.3.17) 3.21ms`.
#    tornado's access log line is `<status> <method> <uri> (<remote ip>) <ms>ms` at INFO below
#    400, WARNING below 500, ERROR from 500. Content is what follows `] `.
def enterprise_gateway():
    c = Clock()
    kernels = [uuid() for _ in range(14)]
    specs = ["python_kubernetes", "r_kubernetes", "spark_python_operator", "scala_kubernetes"]
    users = ["jovyan", "alice", "bkumar", "data-eng-bot", "m.rossi"]
    hub_ips = ["10.42.%d.%d" % (R.randint(0, 7), R.randint(2, 250)) for _ in range(8)]
    images = {"python_kubernetes": "elyra/kernel-py:3.2.3", "r_kubernetes": "elyra/kernel-r:3.2.3",
              "spark_python_operator": "elyra/kernel-spark-py:3.2.3", "scala_kubernetes": "elyra/kernel-scala:3.2.3"}

    def level_for(status):
        return "I" if status < 400 else ("W" if status < 500 else "E")

    current = {}

    def access():
        """tornado's access log line; the route (method, path maker, statuses) is drawn first."""
        method, path, statuses = pick(routes)
        status = pick(statuses)
        current["level"] = level_for(status)
        return ev("<*> <*> <*> (<*>) <*>ms", status, method, path(), pick(hub_ips),
                  "%.2f" % (R.uniform(0.4, 40) if method != "POST" else R.uniform(20, 9000)))

    get_routes = [("GET", lambda: "/api/kernels", [200, 200, 304]), ("GET", lambda: "/api/kernelspecs", [200, 304]),
                  ("GET", lambda: "/api/kernels/%s" % pick(kernels), [200, 200, 404]),
                  ("GET", lambda: "/api/kernels/%s/channels" % pick(kernels), [101, 404]), ("GET", lambda: "/api", [200])]
    post_routes = [("POST", lambda: "/api/kernels", [201, 201, 201, 500, 403]),
                   ("POST", lambda: "/api/kernels/%s/interrupt" % pick(kernels), [204]),
                   ("POST", lambda: "/api/kernels/%s/restart" % pick(kernels), [200, 200, 500])]
    delete_routes = [("DELETE", lambda: "/api/kernels/%s" % pick(kernels), [204, 204, 404]),
                     ("DELETE", lambda: "/api/sessions/%s" % uuid(), [204, 404])]
    routes = get_routes * 3 + post_routes * 2 + delete_routes
    spec_dirs = Cycle([("/usr/local/share/jupyter/kernels", "4"), ("/opt/conda/share/jupyter/kernels", "1"),
                       ("/usr/local/share/jupyter/kernels", "5")])

    def launch():
        spec = pick(specs)
        k = pick(kernels)
        user = pick(users).replace(".", "-")
        ns = "%s-%s" % (user, k[:8]) if R.random() < 0.7 else "enterprise-gateway"
        cmd = "['/usr/local/bin/bootstrap-kernel.sh', '--RemoteProcessProxy.kernel-id', '%s', '--RemoteProcessProxy.response-address', " \
              "'10.42.0.17:8877', '--RemoteProcessProxy.port-range', '0..0']" % k
        return ev("Launching kernel pod <*> in namespace <*> with image <*>, cmd: '<*>'", "%s-%s" % (user, k), ns, images[spec], cmd)

    def waiting():
        k = pick(kernels)
        status = pick(["Pending", "Pending", "ContainerCreating", "Running"])
        pod_ip = "None" if status != "Running" else "10.42.%d.%d" % (R.randint(0, 7), R.randint(2, 250))
        total = pick(["60", "120"])
        return ev("<*>: pod '<*>' in namespace '<*>' is <*> (host IP <*>, pod IP <*>), kernel <*>, attempt <*>/<*>",
                  pick(["KubernetesProcessProxy", "KubernetesProcessProxy", "SparkOperatorProcessProxy"]),
                  "%s-%s" % (pick(users).replace(".", "-"), k), pick(["enterprise-gateway", "jupyter-kernels"]), status,
                  "None" if status == "Pending" else "10.20.1.%d" % R.randint(10, 40), pod_ip, k, num(1, int(total)), total)

    reasons = Cycle(["idle culling", "client request",
                     "pod deleted by kubelet: The node was low on resource: memory. Threshold quantity: 100Mi, available: 81232Ki."])
    launch_errors = Cycle(["(403) Reason: Forbidden: pods \"jovyan-1c2d\" is forbidden: exceeded quota: kernel-quota, requested: "
                           "limits.memory=4Gi, used: limits.memory=14Gi, limited: limits.memory=16Gi",
                           "Timed out waiting for kernel pod to reach Running state after 300.0 seconds",
                           "ImagePullBackOff for elyra/kernel-scala:3.2.3",
                           "KeyError: 'KERNEL_USERNAME'"])
    limits = Cycle([("4", "4"), ("8", "8"), ("6", "6")])
    banners = Cycle([("3.2.3", "http://0.0.0.0:8888"), ("3.2.2", "https://0.0.0.0:8443")])

    events = [
        (110, ("@status", "web:2348"), access),
        (30, ("I", "k8s:141"), launch),
        (26, ("D", "container:203"), waiting),
        (24, ("I", "remotemanager:388"),
         lambda: ev("Kernel <*> (<*>) started for user '<*>' in <*> seconds", pick(kernels), pick(specs), pick(users),
                    "%.1f" % R.uniform(4, 180))),
        (22, ("I", "handlers:214"),
         lambda: ev("Connecting kernel websocket for <*> (session <*>, user '<*>')", pick(kernels), uuid(), pick(users))),
        (16, ("I", "mixins:512"),
         lambda: ev("Culling idle kernel '<*>' (<*>, <*>): no connections, inactive for <*> seconds.", pick(specs), pick(kernels),
                    pick(users), pick(["3600", "7200", "3612", "3625"]))),
        (14, ("I", "remotemanager:421"), lambda: ev("Kernel shutdown: <*>", pick(kernels))),
        (12, ("I", "handlers:77"), lambda: ev("Kernel <*> interrupted by user '<*>'", pick(kernels), pick(users))),
        (10, ("E", "remotemanager:402"), lambda: ev("Failed to launch kernel <*> (<*>): <*>", pick(kernels), pick(specs), launch_errors())),
        (9, ("I", "handlers:77"), lambda: ev("Kernel <*> restarted by user '<*>'", pick(kernels), pick(users))),
        (8, ("I", "remotemanager:421"), lambda: ev("Kernel shutdown: <*> (reason: <*>)", pick(kernels), reasons())),
        (7, ("W", "mixins:388"),
         lambda: (lambda lim: ev("Remote kernel limit reached for user '<*>': <*> of <*> kernels in use", pick(users), *lim))(limits())),
        (8, ("D", "kernelspec:287"), lambda: (lambda d: ev("Found <*> kernel specs in <*>", d[1], d[0]))(spec_dirs())),
        (4, ("I", "enterprisegatewayapp:339"), lambda: ev("Jupyter Enterprise Gateway <*> is available at <*>", *banners())),
    ]

    def render(tag, content):
        level, where = tag
        if level == "@status":
            level = current["level"]
        return "[%s %s %s] %s" % (level, c.tornado(), where, content)
    write("EnterpriseGateway", c, events, render)


# ------------------------------------------------------------------------------------------
def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
H32 = r"[0-9a-f]{32}"
# Per system: the header that must precede Content on every raw line.
HEADERS = {
    "Keystone": re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \d+ (DEBUG|INFO|WARNING|ERROR) [a-z_.]+ "
                           r"\[(-|(None|req-%s) req-%s (- - - - - -|%s %s - - default default|%s - - all default -))\] "
                           % (UUID, UUID, H32, H32, H32)),
    "NginxIngress": re.compile(r"[IWE]\d{4} \d\d:\d\d:\d\d\.\d{6} {7}7 [a-z_]+\.go:\d+\] "),
    "Zeek": re.compile(r"\d{10}\.\d{6}\t"),
    "Couchbase": re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00 (DEBUG|INFO|WARNING|ERROR|CRITICAL) "
                            r"|\[(ns_server|user|rebalance):(debug|info|warn|error),\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z,"
                            r"ns_1@10\.20\.0\.11:([a-z_]+)?<0\.\d+\.0>:[a-z_]+:[a-z_]+:\d+\]"),
    "Spinnaker": re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} ( INFO| WARN|ERROR) 1 --- \[(?P<thread>.{15})\] "
                            r"(?P<logger>[A-Za-z0-9_. ]{40}) : "),
    "EnterpriseGateway": re.compile(r"\[[DIWE] \d{6} \d\d:\d\d:\d\d [a-z0-9_]+:\d+\] "),
}


def self_check():
    """Reads every written file back and asserts the corpus invariants. Returns per-system
    event counts."""
    summary = {}
    for system in SYSTEMS:
        folder = os.path.join(HERE, system)
        with open(os.path.join(folder, system + ".log"), encoding="utf-8", newline="") as f:
            raw = f.read()
        assert raw.endswith("\n") and "\r" not in raw
        lines = raw[:-1].split("\n")
        assert len(lines) == LINES, (system, len(lines))
        with open(os.path.join(folder, system + ".log_structured.csv"), encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], system
        rows = rows[1:]
        assert len(rows) == LINES, (system, len(rows))
        templates, counts, slots = {}, {}, {}
        for i, (row, line) in enumerate(zip(rows, lines)):
            assert len(row) == 4, (system, row)
            line_id, content, event_id, template = row
            assert line_id == str(i + 1), (system, line_id)
            assert re.fullmatch(r"E[0-9]+", event_id), (system, event_id)
            assert content and content == content.strip(), (system, i + 1)
            assert line.endswith(content), (system, i + 1)
            h = HEADERS[system].fullmatch(line[:len(line) - len(content)])
            assert h, (system, i + 1, line)
            if system == "Spinnaker":  # `%15.15t` right-aligned; `%-40.40logger{39}` left-aligned
                th, lg = h.group("thread"), h.group("logger")
                assert th == th.strip().rjust(15) and " " not in th.strip(), (system, i + 1)
                assert lg == lg.strip().ljust(40) and " " not in lg.strip(), (system, i + 1)
            if system == "Zeek":  # TSV: reporter records have 3 fields after ts, weird records 10
                assert content.count("\t") in (2, 9), (system, i + 1)
                assert (content.count("\t") == 2) == content.startswith("Reporter::"), (system, i + 1)
            assert "<*><*>" not in template, (system, template)
            m = template_regex(template).fullmatch(content)
            assert m, (system, i + 1, template, content)
            assert templates.setdefault(event_id, template) == template, (system, event_id)
            counts[event_id] = counts.get(event_id, 0) + 1
            seen = slots.setdefault(event_id, [set() for _ in m.groups()])
            for s, v in zip(seen, m.groups()):
                s.add(v)
        assert len(set(templates.values())) == len(templates), system
        assert 13 <= len(counts) <= 14, (system, len(counts))
        assert min(counts.values()) >= 2, (system, counts)
        assert sum(1 for n in counts.values() if 2 <= n <= 10) >= 3, (system, counts)
        top = sorted(counts.values(), reverse=True)
        assert top[0] >= 3 * top[len(top) // 2], (system, counts)  # skewed frequencies
        for event_id, seen in slots.items():
            for j, s in enumerate(seen):
                assert len(s) >= 2, (system, event_id, "slot %d" % (j + 1), s)
        summary[system] = dict(sorted(counts.items(), key=lambda kv: int(kv[0][1:])))
    return summary


def check_clock_order():
    """Timestamps never go back: the header times, read back as strings in a sortable form."""
    def couchbase_key(l):
        if l.startswith("["):
            return re.match(r"\[[a-z_]+:[a-z]+,(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})Z,", l).group(1)
        return l[:23]

    parsers = {
        "Keystone": lambda l: l[:23],
        "NginxIngress": lambda l: l[1:21],
        "Zeek": lambda l: l.split("\t", 1)[0],
        "Couchbase": couchbase_key,
        "Spinnaker": lambda l: l[:23],
        "EnterpriseGateway": lambda l: l[3:18],
    }
    for system, key in parsers.items():
        with open(os.path.join(HERE, system, system + ".log"), encoding="utf-8") as f:
            stamps = [key(l) for l in f.read().splitlines()]
        assert len(stamps) == LINES, system
        assert stamps == sorted(stamps), system
        assert len(set(len(s) for s in stamps)) == 1, system


if __name__ == "__main__":
    keystone()
    nginx_ingress()
    zeek()
    couchbase()
    spinnaker()
    enterprise_gateway()
    check_clock_order()
    for system, counts in self_check().items():
        print("%-17s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
