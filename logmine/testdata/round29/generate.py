#!/usr/bin/env python3
"""Round 29 blind labelled log corpus generator.

Python 3 standard library only, fully deterministic: no wall clock, no locale.
Base seed 20270113; system k (1..6) uses random.Random(20270113 * 10 + k).
All times come from an integer nanosecond clock on 2026-03-14 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for every system, then re-reads and self-checks them and prints a summary.
"""
import calendar
import csv
import datetime
import heapq
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270113
OUT = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]  # fixed list, never the locale
DAY0_NS = calendar.timegm((2026, 3, 14, 0, 0, 0, 0, 0, 0)) * 10**9
EPOCH = datetime.datetime(1970, 1, 1)
MS = 10**6
SEC = 10**9


def at(h, m, s):
    return DAY0_NS + ((h * 60 + m) * 60 + s) * SEC


# ----------------------------------------------------------------- time formats
def _dt(ns):
    return EPOCH + datetime.timedelta(microseconds=ns // 1000)


def iso_s(ns):
    d = _dt(ns)
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (d.year, d.month, d.day, d.hour, d.minute, d.second)


def iso_ms(ns):
    d = _dt(ns)
    return "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (
        d.year, d.month, d.day, d.hour, d.minute, d.second, d.microsecond // 1000)


def glog_ts(ns):
    d = _dt(ns)
    return "%02d%02d %02d:%02d:%02d.%06d" % (d.month, d.day, d.hour, d.minute, d.second, d.microsecond)


def golog_ts(ns):
    d = _dt(ns)
    return "%04d/%02d/%02d %02d:%02d:%02d" % (d.year, d.month, d.day, d.hour, d.minute, d.second)


def zap_epoch(ns):
    s = repr(ns / 1e9)
    if s.endswith(".0"):
        s = s[:-2]
    return s


def go_dur(ns):
    """Go time.Duration.String() for durations below one minute."""
    if ns < 1000:
        return "%dns" % ns
    if ns < MS:
        unit, div = "\u00b5s", 1000
    elif ns < SEC:
        unit, div = "ms", MS
    else:
        unit, div = "s", SEC
    q, r = divmod(ns, div)
    frac = str(r).zfill(len(str(div)) - 1).rstrip("0")
    return ("%d.%s%s" % (q, frac, unit)) if frac else ("%d%s" % (q, unit))


# ----------------------------------------------------------------- helpers
class Pools:
    """Small pools cycle per (event, slot) key, starting at a seeded offset."""

    def __init__(self, rng):
        self.rng = rng
        self.pos = {}

    def __call__(self, key, pool):
        if key not in self.pos:
            self.pos[key] = self.rng.randrange(len(pool))
        v = pool[self.pos[key] % len(pool)]
        self.pos[key] += 1
        return v


def hexs(rng, n):
    return "%0*x" % (n, rng.getrandbits(4 * n))


def uuid4(rng):
    h = hexs(rng, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], "89ab"[int(h[16], 16) % 4], h[17:20], h[20:])


K8S_ALNUM = "bcdfghjklmnpqrstvwxz2456789"


def k8s_suffix(rng, n):
    return "".join(rng.choice(K8S_ALNUM) for _ in range(n))


def fill(tpl, vals):
    parts = tpl.split("<*>")
    assert len(parts) - 1 == len(vals), (tpl, vals)
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\r" not in v, (tpl, vals)
        out.append(v)
        out.append(p)
    return "".join(out)


def shuffle_lines(rng, events, counts, start_ns, mean_gap_s, gen, header):
    """Seeded shuffle: fixed count per event, shuffled, stamped by a forward-only clock."""
    keys = [e[0] for e in events]
    assert sum(counts[k] for k in keys) == N_LINES, sum(counts.values())
    seq = [k for k in keys for _ in range(counts[k])]
    rng.shuffle(seq)
    tpl = {e[0]: e[1] for e in events}
    meta = {e[0]: e[2] for e in events}
    t = start_ns
    out = []
    for k in seq:
        t += 1000 + int(rng.expovariate(1.0) * mean_gap_s * SEC)
        vals = gen[k](t)
        out.append((t, header(t, meta[k]), fill(tpl[k], vals), k))
    return out


def finish_sim(events, raw, header):
    """raw: (ns, seq, key, vals); merged in time order, first 300 kept."""
    tpl = {e[0]: e[1] for e in events}
    meta = {e[0]: e[2] for e in events}
    raw.sort(key=lambda r: (r[0], r[1]))
    raw = raw[:N_LINES]
    assert len(raw) == N_LINES, len(raw)
    return [(t, header(t, meta[k]), fill(tpl[k], vals), k) for (t, _s, k, vals) in raw]


# ============================================================== 1. Osquery
def build_osquery():
    rng = random.Random(BASE_SEED * 10 + 1)
    P = Pools(rng)
    events = [
        ("init", "osquery initialized [version=5.12.1]", dict(lv="I", src="init.cpp:383", th="main")),
        ("exec", "Executing scheduled query <*>: <*>", dict(lv="I", src="scheduler.cpp:102", th="sched")),
        ("found", "Found results for query: <*>", dict(lv="I", src="scheduler.cpp:127", th="sched")),
        ("execerr", "Error executing scheduled query <*>: <*>", dict(lv="E", src="scheduler.cpp:119", th="sched")),
        ("dirty", "Scheduled query may have failed: <*>", dict(lv="W", src="scheduler.cpp:86", th="sched")),
        ("dist", "Executing distributed query: <*>: <*>", dict(lv="I", src="distributed.cpp:305", th="dist")),
        ("tlspost", "TLS/HTTPS POST request to URI: <*>", dict(lv="I", src="tls.cpp:253", th="tls")),
        ("expire", "Expiring events for subscriber: <*> (overflowed limit <*>)",
         dict(lv="I", src="eventsubscriberplugin.cpp:344", th="events")),
        ("pubdis", "Event publisher not enabled: <*>: <*>", dict(lv="W", src="events.cpp:841", th="main")),
        ("loopstart", "Starting event publisher run loop: <*>", dict(lv="I", src="events.cpp:916", th="pub")),
        ("loopend", "Event publisher <*> run loop terminated for reason: <*>",
         dict(lv="I", src="events.cpp:934", th="pub")),
        ("wdcpu", "osqueryd worker (<*>) stopping: Maximum sustainable CPU utilization limit exceeded: <*>",
         dict(lv="W", src="watcher.cpp:338", th="watcher")),
        ("wdmem", "osqueryd worker (<*>) stopping: Memory limits exceeded: <*>",
         dict(lv="W", src="watcher.cpp:349", th="watcher")),
        ("extreg", "Registering extension (<*>, <*>, version=<*>, sdk=<*>)",
         dict(lv="I", src="interface.cpp:186", th="ext")),
        ("extping", "Extension UUID <*> ping failed", dict(lv="W", src="watcher.cpp:590", th="watcher")),
    ]
    counts = dict(init=4, exec=100, found=52, execerr=9, dirty=4, dist=14, tlspost=47, expire=22,
                  pubdis=6, loopstart=12, loopend=8, wdcpu=5, wdmem=4, extreg=6, extping=7)
    tids = dict(main=[24187, 31502], sched=[24203, 31518], dist=[24206, 31521], tls=[24204, 31519],
                events=[24211, 31526], pub=[24213, 24214, 31528], watcher=[24169], ext=[24209, 31524])
    queries = [
        ("pack_incident-response_crontab", "SELECT * FROM crontab;"),
        ("pack_incident-response_listening_ports",
         "SELECT p.pid, p.name, l.port, l.address FROM listening_ports l JOIN processes p USING (pid);"),
        ("pack_it-compliance_os_version", "SELECT * FROM os_version;"),
        ("pack_osquery-monitoring_schedule",
         "SELECT name, interval, executions, output_size, wall_time FROM osquery_schedule;"),
        ("usb_devices", "SELECT vendor, model, serial, removable FROM usb_devices;"),
        ("pack_vuln-management_deb_packages", "SELECT name, version, source, arch FROM deb_packages;"),
        ("authorized_keys_snapshot",
         "SELECT u.username, k.key_file, k.algorithm FROM users u CROSS JOIN authorized_keys k USING (uid);"),
        ("pack_hardware-monitoring_kernel_modules", "SELECT name, size, used_by, status FROM kernel_modules;"),
        ("suid_bin_snapshot", "SELECT path, username, permissions FROM suid_bin;"),
    ]
    errq = ["docker_containers_snapshot", "pack_unwanted-chrome-extensions_chrome_extensions",
            "yara_tmp_scan", "pack_incident-response_shell_history"]
    errs = ["no such table: docker_containers", "no such column: profile_path",
            "Query interrupted: exceeded allowed time of 60 seconds",
            "Error 'near \"FORM\": syntax error' at position 14", "database disk image is malformed"]
    dist_sql = ["SELECT * FROM system_info;", "SELECT pid, name, path, cmdline FROM processes WHERE on_disk = 0;",
                "SELECT name, version FROM deb_packages WHERE name LIKE 'openssl%';",
                "SELECT * FROM logged_in_users;", "SELECT path, sha256 FROM hash WHERE path = '/usr/bin/sudo';"]
    hosts = ["fleet.corp-int.example:8412", "fleet-dr.corp-int.example:8412"]
    paths = ["/api/v1/osquery/log", "/api/v1/osquery/distributed/read", "/api/v1/osquery/distributed/write",
             "/api/v1/osquery/config", "/api/v1/osquery/carve/block"]
    subs = [("process_events", 50000), ("socket_events", 50000), ("file_events", 20000),
            ("user_events", 10000), ("process_file_events", 20000)]
    pubdis = [("auditeventpublisher", "Publisher disabled via configuration"),
              ("syslog", "Publisher disabled via configuration"),
              ("BPFEventPublisher", "Publisher disabled via configuration"),
              ("inotify", "Could not initialize inotify handle"),
              ("udev", "Could not create udev monitor")]
    pubs = ["inotify", "udev", "auditeventpublisher", "syslog", "BPFEventPublisher"]
    reasons = ["Publisher stopped", "Thread interrupted", "audit netlink socket closed unexpectedly",
               "inotify descriptor became invalid"]
    exts = ["fleet_extension", "com.acme.edr_bridge", "osquery_go_tables", "macadmins_extension"]
    def g_exec(t):
        name, sql = P(("exec", "q"), queries)
        return [name, sql]

    gen = dict(
        init=lambda t: [],
        exec=g_exec,
        found=lambda t: [P(("found", "q"), queries)[0]],
        execerr=lambda t: [P(("execerr", "q"), errq), P(("execerr", "e"), errs)],
        dirty=lambda t: [P(("dirty", "q"), queries)[0]],
        dist=lambda t: ["fleet_distributed_query_%d" % rng.randint(1200, 9800), P(("dist", "sql"), dist_sql)],
        tlspost=lambda t: ["https://%s%s" % (P(("tls", "h"), hosts), P(("tls", "p"), paths))],
        expire=lambda t: list(P(("expire", "s"), subs)),
        pubdis=lambda t: list(P(("pubdis", "p"), pubdis)),
        loopstart=lambda t: [P(("loopstart", "p"), pubs)],
        loopend=lambda t: [P(("loopend", "p"), pubs), P(("loopend", "r"), reasons)],
        wdcpu=lambda t: [rng.randint(20000, 65000), rng.randint(7, 24)],
        wdmem=lambda t: [rng.randint(20000, 65000), rng.randint(210, 780) * 1048576 + rng.randint(0, 1048575)],
        extreg=lambda t: [P(("extreg", "n"), exts), rng.randint(10000, 65000), P(("extreg", "v"), ["1.4.2", "0.9.0", "2.1.3"]),
                          P(("extreg", "s"), ["0.0.0", "5.12.1", "5.9.1"])],
        extping=lambda t: [rng.randint(10000, 65000)],
    )

    def header(ns, m):
        tid = P(("tid", m["th"]), tids[m["th"]])
        return "%s%s %5d %s] " % (m["lv"], glog_ts(ns), tid, m["src"])

    lines = shuffle_lines(rng, events, counts, at(6, 12, 3) + 481220000, 4.0, gen, header)
    hre = r"[IWEF](?P<ts>\d{4} \d{2}:\d{2}:\d{2}\.\d{6}) +\d+ [\w.-]+\.(?:cpp|h|mm):\d+\] "
    return "Osquery", events, lines, hre, str


# ============================================================== 2. Tetragon
def logrus_q(v):
    v = str(v)
    if re.fullmatch(r"[A-Za-z0-9\-._/@^+]+", v):
        return v
    return '"%s"' % v.replace("\\", "\\\\").replace('"', '\\"')


def build_tetragon():
    rng = random.Random(BASE_SEED * 10 + 2)
    P = Pools(rng)
    events = [
        ("loading", 'msg="Loading sensor" name=<*>', dict(lv="info")),
        ("loaded", 'msg="Loaded sensor successfully" sensor=<*>', dict(lv="info")),
        ("unloaded", 'msg="Unloaded sensor successfully" sensor=<*>', dict(lv="info")),
        ("tpadd", 'msg="Added TracingPolicy with success" metadata.name=<*>', dict(lv="info")),
        ("tpnsadd", 'msg="Added TracingPolicyNamespaced with success" metadata.name=<*> metadata.namespace=<*>',
         dict(lv="info")),
        ("tpdel", 'msg="Deleted TracingPolicy with success" metadata.name=<*>', dict(lv="info")),
        ("loadfail", 'msg="Failed to load sensor" error="<*>" sensor=<*>', dict(lv="warning")),
        ("procfs", 'msg="Read ProcFS /proc appended <*>/<*> entries"', dict(lv="info")),
        ("cachemiss", 'msg="Unable to find process in cache" event_type=<*> pid=<*>', dict(lv="warning")),
        ("perflost", 'msg="Perf ring buffer lost events" count=<*> cpu=<*>', dict(lv="warning")),
        ("connected", 'msg="GetEvents client connected" peer="<*>"', dict(lv="info")),
        ("disconnected", 'msg="GetEvents client disconnected" peer="<*>"', dict(lv="info")),
        ("sendfail", 'msg="Failed to send event to client" error="<*>" peer="<*>"', dict(lv="error")),
    ]
    counts = dict(loading=14, loaded=14, unloaded=6, tpadd=8, tpnsadd=5, tpdel=4, loadfail=3, procfs=5,
                  cachemiss=134, perflost=40, connected=30, disconnected=26, sendfail=11)
    sensors = ["__base__", "gkp-sensor-1", "gkp-sensor-2", "gkp-sensor-3", "gkp-sensor-4", "gtp-sensor-5",
               "gkp-sensor-6", "__cgroup__"]
    policies = ["file-monitoring-filtered", "process-credentials-changes", "network-egress-connect",
                "sys-mount-monitor", "fd-install-etc-shadow", "privileged-exec-audit"]
    nspol = [("block-curl-in-payments", "payments"), ("observe-tcp-connect", "ml-batch"),
             ("detect-shell-in-ingress", "ingress-nginx")]
    lfail = ["attaching kprobe fd_install: permission denied",
             "loading BPF program bpf_generic_kprobe_v61.o: program too large (1000001 insns)",
             "btf: type not found: struct linux_binprm", "kprobe_multi link: operation not supported"]
    etypes = ["PROCESS_KPROBE", "PROCESS_EXIT", "PROCESS_TRACEPOINT", "PROCESS_LSM"]
    peers_local = ["127.0.0.1", "10.42.1.17", "10.42.3.5", "10.42.0.88"]
    sfail = ["rpc error: code = Unavailable desc = transport is closing", "context canceled",
             "rpc error: code = ResourceExhausted desc = grpc: received message larger than max"]

    def peer():
        return "%s:%d" % (P(("peer", "ip"), peers_local), rng.randint(32768, 60999))

    gen = dict(
        loading=lambda t: [P(("loading", "s"), sensors)],
        loaded=lambda t: [P(("loaded", "s"), sensors)],
        unloaded=lambda t: [P(("unloaded", "s"), sensors[1:])],
        tpadd=lambda t: [P(("tpadd", "p"), policies)],
        tpnsadd=lambda t: list(P(("tpnsadd", "p"), nspol)),
        tpdel=lambda t: [P(("tpdel", "p"), policies)],
        loadfail=lambda t: [P(("loadfail", "e"), lfail), P(("loadfail", "s"), sensors[1:])],
        procfs=lambda t: (lambda n: [n - rng.randint(0, 19), n])(rng.randint(180, 560)),
        cachemiss=lambda t: [P(("cachemiss", "e"), etypes), rng.randint(1200, 4194000)],
        perflost=lambda t: [rng.choice([1, 2, 3, 8, 17, 64, 128, 311, 1024]), rng.randint(0, 15)],
        connected=lambda t: [peer()],
        disconnected=lambda t: [peer()],
        sendfail=lambda t: [P(("sendfail", "e"), sfail), peer()],
    )

    def header(ns, m):
        return 'time="%s" level=%s ' % (iso_s(ns), m["lv"])

    lines = shuffle_lines(rng, events, counts, at(7, 40, 11), 9.0, gen, header)
    hre = r'time="(?P<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)" level=(?:debug|info|warning|error|fatal) '
    return "Tetragon", events, lines, hre, str


# ============================================================== 3. Trivy
def build_trivy():
    rng = random.Random(BASE_SEED * 10 + 3)
    P = Pools(rng)
    events = [
        ("needdb", "Need to update DB", dict(lv="INFO")),
        ("dbrepo", "DB Repository: <*>", dict(lv="INFO")),
        ("dl", "Downloading DB...", dict(lv="INFO")),
        ("vuln", "Vulnerability scanning is enabled", dict(lv="INFO")),
        ("secret", "Secret scanning is enabled", dict(lv="INFO")),
        ("slow", "If your scanning is slow, please try '--scanners vuln' to disable secret scanning",
         dict(lv="INFO")),
        ("os", "Detected OS: <*>", dict(lv="INFO")),
        ("detecting", "Detecting <*> vulnerabilities...", dict(lv="INFO")),
        ("langfiles", "Number of language-specific files: <*>", dict(lv="INFO")),
        ("noeol", "This OS version is not on the EOL list: <*>", dict(lv="WARN")),
        ("eol", "This OS version is no longer supported by the distribution: <*>", dict(lv="WARN")),
        ("insuff", "The vulnerability detection may be insufficient because security updates are not provided",
         dict(lv="WARN")),
        ("table", "Table result includes only package filenames. Use '--format json' option to get the full "
                  "path to the package file.", dict(lv="INFO")),
        ("anaerr", "Failed to analyze <*>: <*>", dict(lv="WARN")),
    ]
    counts = dict(needdb=6, dbrepo=6, dl=6, vuln=40, secret=32, slow=32, os=38, detecting=79, langfiles=30,
                  noeol=8, eol=5, insuff=5, table=9, anaerr=4)
    repos = ["ghcr.io/aquasecurity/trivy-db:2", "mirror.gcr.io/aquasec/trivy-db:2",
             "registry.build.example:5000/security/trivy-db:2"]
    oses = ["alpine", "debian", "ubuntu", "redhat", "amazon", "rocky"]
    det = ["Alpine", "Debian", "Ubuntu", "Red Hat", "Amazon Linux", "gobinary", "jar", "npm", "pip",
           "python-pkg", "node-pkg", "gemspec", "cargo"]
    noeol = ["alpine 3.21.2", "debian 13.1", "ubuntu 25.10", "rocky 10.1"]
    eol = ["debian 9.13", "alpine 3.12.12", "ubuntu 18.04", "centos 7.9.2009"]
    anapaths = ["/app/lib/legacy-client-1.2.jar", "/usr/share/java/tomcat/catalina-ant.jar",
                "/srv/app/node_modules/fsevents/package.json", "/opt/venv/lib/python3.11/site-packages/six-1.16.0.dist-info/METADATA"]
    anaerrs = ["zip: not a valid zip file", "unexpected EOF", "json parse error: invalid character '}' looking for beginning of value"]
    gen = dict(
        needdb=lambda t: [], dbrepo=lambda t: [P(("dbrepo", "r"), repos)], dl=lambda t: [],
        vuln=lambda t: [], secret=lambda t: [], slow=lambda t: [],
        os=lambda t: [P(("os", "o"), oses)],
        detecting=lambda t: [P(("det", "d"), det)],
        langfiles=lambda t: [rng.randint(1, 23)],
        noeol=lambda t: [P(("noeol", "v"), noeol)],
        eol=lambda t: [P(("eol", "v"), eol)],
        insuff=lambda t: [], table=lambda t: [],
        anaerr=lambda t: [P(("anaerr", "p"), anapaths), P(("anaerr", "e"), anaerrs)],
    )

    def header(ns, m):
        return "%s\t%s\t" % (iso_ms(ns), m["lv"])

    lines = shuffle_lines(rng, events, counts, at(9, 2, 47) + 133 * MS, 6.0, gen, header)
    hre = r"(?P<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\t(?:DEBUG|INFO|WARN|ERROR|FATAL)\t"
    return "Trivy", events, lines, hre, str


# ============================================================== 4. Kyverno (simulation)
def build_kyverno():
    rng = random.Random(BASE_SEED * 10 + 4)
    P = Pools(rng)
    events = [
        ("mutok", 'mutation rules from policy applied successfully\t{"policy": "<*>", "rules": [<*>]}',
         dict(lv="INFO", lg="webhooks.resource.mutate", src="mutation/mutation.go:134")),
        ("muterr", 'failed to apply mutation patches\t{"policy": "<*>", "uid": "<*>", "error": "<*>"}',
         dict(lv="ERROR", lg="webhooks.resource.mutate", src="mutation/mutation.go:148")),
        ("valok", 'validation passed\t{"gvk": "<*>", "namespace": "<*>", "name": "<*>", "operation": "<*>"}',
         dict(lv="INFO", lg="webhooks.resource.validate", src="validation/validation.go:121")),
        ("valfail", 'validation failed\t{"action": "<*>", "policy": "<*>", "failed rules": [<*>]}',
         dict(lv="INFO", lg="webhooks.resource.validate", src="validation/validation.go:140")),
        ("denied", 'admission request denied\t{"gvk": "<*>", "namespace": "<*>", "name": "<*>", '
                   '"operation": "<*>", "uid": "<*>"}',
         dict(lv="INFO", lg="webhooks.resource.validate", src="validation/validation.go:158")),
        ("done", 'admission request processed\t{"uid": "<*>", "operation": "<*>", "time": "<*>"}',
         dict(lv="INFO", lg="webhooks.handler", src="handlers/admission.go:91")),
        ("tls", "<*> http: TLS handshake error from <*>: EOF",
         dict(lv="INFO", lg="webhooks.server", src="logging/log.go:184")),
        ("gen", 'created generate target resource\t{"policy": "<*>", "kind": "<*>", "namespace": "<*>", '
                '"name": "<*>"}', dict(lv="INFO", lg="background.generate", src="generate/generate.go:317")),
        ("pcadd", 'policy added to cache\t{"policy": "<*>"}',
         dict(lv="INFO", lg="policycache", src="policycache/controller.go:98")),
        ("pcdel", 'policy removed from cache\t{"policy": "<*>"}',
         dict(lv="INFO", lg="policycache", src="policycache/controller.go:107")),
        ("whupd", 'updating webhook configuration\t{"name": "<*>", "policies": <*>}',
         dict(lv="INFO", lg="webhook-controller", src="webhook/controller.go:412")),
        ("rpterr", 'failed to update policy report\t{"namespace": "<*>", "name": "<*>", "error": "<*>"}',
         dict(lv="ERROR", lg="report-controller", src="aggregate/controller.go:279")),
        ("scan", 'background scan completed\t{"namespace": "<*>", "resources": <*>, "duration": "<*>"}',
         dict(lv="INFO", lg="background-scan-controller", src="background/controller.go:201")),
    ]
    T0 = at(11, 4, 26) + 317 * MS
    H = 900 * SEC
    raw = []
    seq = [0]

    def emit(t, key, vals):
        seq[0] += 1
        raw.append((t, seq[0], key, vals))

    namespaces = ["payments", "checkout", "team-a", "ml-batch", "observability", "default", "search"]
    apps = ["web", "api-gateway", "checkout-svc", "ledger", "feature-store", "redis-cache", "grafana",
            "order-worker"]
    kinds = [("Pod", "/v1, Kind=Pod", 50), ("Deployment", "apps/v1, Kind=Deployment", 20),
             ("ConfigMap", "/v1, Kind=ConfigMap", 14), ("Service", "/v1, Kind=Service", 9),
             ("Job", "batch/v1, Kind=Job", 7)]
    kw = [k[2] for k in kinds]
    ops = ["CREATE", "UPDATE", "DELETE"]
    vpol = [("disallow-latest-tag", "Enforce", ['"validate-image-tag"']),
            ("require-requests-limits", "Audit", ['"validate-resources"']),
            ("restrict-image-registries", "Enforce", ['"validate-registries"']),
            ("disallow-privileged-containers", "Enforce", ['"privileged-containers"']),
            ("require-run-as-nonroot", "Audit", ['"run-as-non-root"', '"run-as-non-root-user"'])]
    merrs = ["replace operation does not apply: doc is missing key: /metadata/labels/team",
             "add operation does not apply: doc is missing path: /spec/template/metadata/annotations",
             "failed to evaluate preconditions: failed to substitute variables: variable request.object.metadata.labels.app not found"]

    # --- entity: admission requests (each with its own clock)
    t = T0
    while t < T0 + H:
        t += int(rng.expovariate(1.0) * 2.3 * SEC) + 1
        kind, gvk, _w = rng.choices(kinds, weights=kw)[0]
        ns = rng.choice(namespaces)
        app = rng.choice(apps)
        if kind == "Pod":
            name = "%s-%s-%s" % (app, k8s_suffix(rng, 9), k8s_suffix(rng, 5))
        elif kind == "ConfigMap":
            name = app + "-config"
        elif kind == "Job":
            name = "%s-migrate-%d" % (app, rng.randint(29000000, 29999999))
        else:
            name = app
        op = rng.choices(ops, weights=[50, 42, 8])[0]
        uid = uuid4(rng)
        total = int(rng.lognormvariate(17.2, 0.9))  # ~30ms median, long tail
        c = t
        steps = []
        if kind in ("Pod", "Deployment", "Job") and op != "DELETE":
            if rng.random() < 0.62:
                if rng.random() < 0.06:
                    steps.append(("muterr", [P(("muterr", "p"), ["add-default-labels", "add-safe-to-evict"]), uid,
                                             P(("muterr", "e"), merrs)]))
                else:
                    rules = P(("mutok", "r"), [['"add-team-label"'], ['"add-team-label"', '"add-cost-center"']])
                    steps.append(("mutok", ["add-default-labels", ", ".join(rules)]))
            if kind == "Pod" and rng.random() < 0.45:
                steps.append(("mutok", ["add-safe-to-evict", '"annotate-empty-dir"']))
        failed = []
        if kind in ("Pod", "Deployment", "Job") and op != "DELETE" and rng.random() < 0.17:
            failed.append(P(("valfail", "p"), vpol))
        for pol, action, rules in failed:
            steps.append(("valfail", [action, pol, ", ".join(rules)]))
        if any(f[1] == "Enforce" for f in failed):
            steps.append(("denied", [gvk, ns, name, op, uid]))
        else:
            steps.append(("valok", [gvk, ns, name, op]))
        for i, (k, v) in enumerate(steps):
            c += max(1, total // (len(steps) + 1)) + rng.randint(0, 400000)
            emit(c, k, v)
        c += rng.randint(50000, 500000)
        emit(c, "done", [uid, op, go_dur(c - t)])

    # --- entity: TLS handshake noise from kubelet / load balancer probes
    t = T0
    while t < T0 + H:
        t += int(rng.expovariate(1.0) * 24 * SEC) + 1
        src = "%s:%d" % (P(("tls", "ip"), ["10.244.0.1", "10.244.2.1", "172.18.0.4", "172.18.0.7"]),
                         rng.randint(30000, 61000))
        emit(t, "tls", [golog_ts(t), src])

    # --- entity: namespaces created (generate rules), then periodic background scans
    genpols = [("add-networkpolicy", "NetworkPolicy", "default-deny"),
               ("sync-registry-secret", "Secret", "regcred"),
               ("add-ns-quota", "ResourceQuota", "default-quota")]
    newns = ["team-orion-dev", "team-vega-staging", "pr-4821-preview", "team-lyra-dev", "pr-4877-preview",
             "data-lake-sandbox"]
    t = T0
    i = 0
    while t < T0 + H and i < len(newns):
        t += int(rng.expovariate(1.0) * 55 * SEC) + 1
        nsname = newns[i]
        i += 1
        c = t
        for pol, kind, name in genpols[: rng.choice([2, 3])]:
            c += rng.randint(40 * MS, 900 * MS)
            emit(c, "gen", [pol, kind, nsname, name])
    for nsname in namespaces[:5]:
        period = rng.randint(50, 95) * SEC
        c = T0 + rng.randint(0, period)
        while c < T0 + H:
            emit(c, "scan", [nsname, rng.randint(4, 160), go_dur(rng.randint(80 * MS, 4 * SEC))])
            c += period + rng.randint(0, 3 * SEC)

    # --- entity: policies with lifetimes (cache add/remove -> webhook config updates)
    base_v, base_m = 9, 3
    lives = []
    newpols = [("require-pod-probes", "v"), ("add-default-securitycontext", "m"), ("restrict-nodeport", "v"),
               ("disallow-host-path", "v"), ("inject-trace-env", "m"), ("require-ro-rootfs", "v")]
    t = T0
    for pol, typ in newpols:
        t += int(rng.expovariate(1.0) * 22 * SEC) + 1
        life = rng.randint(20, 75) * SEC
        lives.append((t, t + life, pol, typ))

    def active(ts, typ):
        return sum(1 for a, b, _p, ty in lives if ty == typ and a <= ts < b)

    for a, b, pol, typ in lives:
        emit(a, "pcadd", [pol])
        for tt in (a + rng.randint(200 * MS, 1500 * MS),):
            emit(tt, "whupd", ["kyverno-resource-validating-webhook-cfg", base_v + active(tt, "v")])
            emit(tt + rng.randint(5 * MS, 80 * MS), "whupd",
                 ["kyverno-resource-mutating-webhook-cfg", base_m + active(tt, "m")])
        emit(b, "pcdel", [pol])
        tt = b + rng.randint(200 * MS, 1500 * MS)
        emit(tt, "whupd", ["kyverno-resource-validating-webhook-cfg", base_v + active(tt, "v")])
        emit(tt + rng.randint(5 * MS, 80 * MS), "whupd",
             ["kyverno-resource-mutating-webhook-cfg", base_m + active(tt, "m")])

    # --- entity: report controller conflicts
    rerrs = ['Operation cannot be fulfilled on policyreports.wgpolicyk8s.io \\"%s\\": the object has been '
             'modified; please apply your changes to the latest version and try again',
             'policyreports.wgpolicyk8s.io \\"%s\\" not found',
             'Put \\"https://10.96.0.1:443/apis/wgpolicyk8s.io/v1alpha2/namespaces/payments/policyreports/%s\\": '
             'context deadline exceeded']
    t = T0
    while t < T0 + H:
        t += int(rng.expovariate(1.0) * 40 * SEC) + 1
        pol = P(("rpterr", "p"), [p[0] for p in vpol])
        rname = "cpol-" + pol
        emit(t, "rpterr", [P(("rpterr", "ns"), namespaces), rname, P(("rpterr", "e"), rerrs) % rname])

    def header(ns, m):
        return "%s\t%s\t%s\t%s\t" % (iso_s(ns), m["lv"], m["lg"], m["src"])

    lines = finish_sim(events, raw, header)
    hre = r"(?P<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)\t(?:DEBUG|INFO|ERROR)\t[\w.-]+\t[\w./-]+\.go:\d+\t"
    return "Kyverno", events, lines, hre, str


# ============================================================== 5. Gatekeeper
def build_gatekeeper():
    rng = random.Random(BASE_SEED * 10 + 5)
    P = Pools(rng)
    CG = '"constraint_group":"constraints.gatekeeper.sh","constraint_api_version":"v1beta1",'
    events = [
        ("astart", '"msg":"auditing constraints and violations","process":"audit","audit_id":"<*>",'
                   '"event_type":"audit_started"}', dict(lv="info", lg="controller")),
        ("aresult", '"msg":"audit results for constraint","process":"audit","audit_id":"<*>",'
                    '"event_type":"constraint_audited",' + CG + '"constraint_kind":"<*>","constraint_name":"<*>",'
                    '"constraint_action":"<*>","constraint_violations":"<*>"}', dict(lv="info", lg="controller")),
        ("aviol", '"msg":"<*>","process":"audit","audit_id":"<*>","details":{},"event_type":"violation_audited",'
                  + CG + '"constraint_kind":"<*>","constraint_name":"<*>","constraint_namespace":"",'
                  '"constraint_action":"<*>","resource_kind":"<*>","resource_namespace":"<*>",'
                  '"resource_name":"<*>"}', dict(lv="info", lg="controller")),
        ("aend", '"msg":"auditing is complete","process":"audit","audit_id":"<*>","event_type":"audit_finished"}',
         dict(lv="info", lg="controller")),
        ("denied", '"msg":"denied admission: <*>","process":"admission","event_type":"violation",'
                   '"constraint_name":"<*>","constraint_kind":"<*>","constraint_action":"deny",'
                   '"resource_kind":"<*>","resource_namespace":"<*>","resource_name":"<*>",'
                   '"request_username":"<*>"}', dict(lv="info", lg="webhook")),
        ("evsrc", '"msg":"Starting EventSource","controller":"<*>","source":"<*>"}', dict(lv="info", lg=None)),
        ("ctrl", '"msg":"Starting Controller","controller":"<*>"}', dict(lv="info", lg=None)),
        ("workers", '"msg":"Starting workers","controller":"<*>","worker count":<*>}', dict(lv="info", lg=None)),
        ("cupd", '"msg":"handling constraint update","process":"constraint_controller","instance":'
                 '{"apiVersion":"constraints.gatekeeper.sh/v1beta1","kind":"<*>","name":"<*>"}}',
         dict(lv="info", lg="controller")),
        ("opa", '"msg":"loading code into OPA","process":"constraint_template_controller","name":"<*>",'
                '"generation":<*>}', dict(lv="info", lg="controller")),
        ("wadd", '"msg":"adding watch","gvk":"<*>"}', dict(lv="info", lg="watchManager")),
        ("wrem", '"msg":"removing watch","gvk":"<*>"}', dict(lv="info", lg="watchManager")),
        ("recerr", '"msg":"Reconciler error","controller":"<*>","object":{"name":"<*>"},"namespace":"",'
                   '"name":"<*>","reconcileID":"<*>","error":"<*>"}', dict(lv="error", lg=None)),
        ("cert", '"msg":"no cert refresh needed"}', dict(lv="info", lg="cert-rotation")),
    ]
    counts = dict(astart=8, aresult=40, aviol=119, aend=8, denied=30, evsrc=12, ctrl=6, workers=6, cupd=30,
                  opa=10, wadd=10, wrem=4, recerr=5, cert=12)
    cons = [
        ("K8sRequiredLabels", "deploy-must-have-team", "deny",
         lambda r: 'you must provide labels: {\\"team\\"}'),
        ("K8sContainerLimits", "container-must-have-limits", "deny",
         lambda r: "container <%s> has no resource limits" % r),
        ("K8sAllowedRepos", "prod-repo-is-registry-acme", "deny",
         lambda r: 'container <%s> has an invalid image repo <docker.io/library/%s:1.25>, allowed repos are '
                   '[\\"registry.acme.example/\\"]' % (r, r)),
        ("K8sPSPPrivilegedContainer", "psp-privileged-container", "dryrun",
         lambda r: 'Privileged container is not allowed: %s, securityContext: {\\"privileged\\": true}' % r),
        ("K8sDisallowedTags", "container-image-must-not-have-latest-tag", "warn",
         lambda r: 'container <%s> uses a disallowed tag <registry.acme.example/apps/%s:latest>; disallowed '
                   'tags are [\\"latest\\"]' % (r, r)),
    ]
    rkinds = ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"]
    rns = ["payments", "checkout", "ml-batch", "observability", "legacy-crm", "kube-system"]
    cnames = ["web", "nginx", "istio-proxy", "worker", "exporter", "redis"]
    users = ["system:serviceaccount:argocd:argocd-application-controller", "alice@acme.example",
             "system:serviceaccount:kube-system:replicaset-controller", "ci-deployer@acme.example"]
    ctrls = [("config-controller", "kind source: *v1alpha1.Config", 1),
             ("constrainttemplate-controller", "kind source: *v1beta1.ConstraintTemplate", 1),
             ("constraint-controller", "kind source: *unstructured.Unstructured", 4),
             ("sync-controller", "kind source: *unstructured.Unstructured", 4),
             ("mutator-status-controller", "kind source: *v1beta1.MutatorPodStatus", 1),
             ("constraintstatus-controller", "channel source: 0xc000a1b2c0", 1)]
    gvks = ["constraints.gatekeeper.sh/v1beta1, Kind=K8sRequiredLabels", "/v1, Kind=Namespace",
            "apps/v1, Kind=Deployment", "constraints.gatekeeper.sh/v1beta1, Kind=K8sAllowedRepos",
            "/v1, Kind=Pod", "networking.k8s.io/v1, Kind=Ingress"]
    rerrs = ['Operation cannot be fulfilled on constrainttemplates.templates.gatekeeper.sh \\"%s\\": the object '
             'has been modified; please apply your changes to the latest version and try again',
             "context deadline exceeded",
             'template %s: 1 error occurred: __modset_templates[\\"admission.k8s.gatekeeper.sh\\"][\\"%s\\"]_idx_0'
             ':12: rego_type_error: undefined function strings.repalce']

    def audit_id(t):
        return iso_s(t - (t - DAY0_NS) % (60 * SEC))

    def g_aviol(t):
        kind, name, action, msgf = P(("aviol", "c"), cons)
        return [msgf(P(("aviol", "cn"), cnames)), audit_id(t), kind, name, action, P(("aviol", "rk"), rkinds),
                P(("aviol", "ns"), rns), "%s-%s" % (rng.choice(cnames), k8s_suffix(rng, 5))]

    def g_denied(t):
        kind, name, action, msgf = P(("denied", "c"), cons[:3])
        return [msgf(P(("denied", "cn"), cnames)), name, kind, P(("denied", "rk"), rkinds[:2]),
                P(("denied", "ns"), rns[:5]), "%s-%s" % (rng.choice(cnames), k8s_suffix(rng, 5)),
                P(("denied", "u"), users)]

    def g_recerr(t):
        ctrl = P(("recerr", "c"), ["constrainttemplate-controller", "constraint-controller"])
        obj = P(("recerr", "o"), ["k8srequiredlabels", "k8sallowedrepos", "k8scontainerlimits"])
        e = P(("recerr", "e"), rerrs)
        e = e.replace("%s", obj)
        return [ctrl, obj, obj, uuid4(rng), e]

    gen = dict(
        astart=lambda t: [audit_id(t)],
        aresult=lambda t: (lambda c: [audit_id(t), c[0], c[1], c[2], rng.randint(0, 140)])(P(("ares", "c"), cons)),
        aviol=g_aviol,
        aend=lambda t: [audit_id(t)],
        denied=g_denied,
        evsrc=lambda t: list(P(("evsrc", "c"), ctrls)[:2]),
        ctrl=lambda t: [P(("ctrl", "c"), ctrls)[0]],
        workers=lambda t: (lambda c: [c[0], c[2]])(P(("workers", "c"), ctrls)),
        cupd=lambda t: list(P(("cupd", "c"), cons)[:2]),
        opa=lambda t: [P(("opa", "n"), [c[0].lower() for c in cons]), rng.randint(1, 7)],
        wadd=lambda t: [P(("wadd", "g"), gvks)],
        wrem=lambda t: [P(("wrem", "g"), gvks)],
        recerr=g_recerr,
        cert=lambda t: [],
    )

    def header(ns, m):
        h = '{"level":"%s","ts":%s,' % (m["lv"], zap_epoch(ns))
        if m["lg"]:
            h += '"logger":"%s",' % m["lg"]
        return h

    lines = shuffle_lines(rng, events, counts, at(13, 30, 2) + 945625500, 2.5, gen, header)
    hre = r'\{"level":"(?:debug|info|error)","ts":(?P<ts>\d+(?:\.\d+)?),(?:"logger":"[\w.-]+",)?'
    return "Gatekeeper", events, lines, hre, float


# ============================================================== 6. ConsulTemplate (simulation)
def build_consul_template():
    rng = random.Random(BASE_SEED * 10 + 6)
    events = [
        ("recv", "(runner) receiving dependency <*>", dict(lv="DEBUG")),
        ("init", "(runner) initiating run", dict(lv="DEBUG")),
        ("check", "(runner) checking template <*>", dict(lv="DEBUG")),
        ("rendering", '(runner) rendering "<*>" => "<*>"', dict(lv="DEBUG")),
        ("rendered", '(runner) rendered "<*>" => "<*>"', dict(lv="INFO")),
        ("exec", '(runner) executing command "<*>" from "<*>" => "<*>"', dict(lv="INFO")),
        ("spawn", "(child) spawning: <*>", dict(lv="INFO")),
        ("missing", "(runner) missing dependency: <*>", dict(lv="DEBUG")),
        ("wadd", "(watcher) adding <*>", dict(lv="DEBUG")),
        ("diff", "(runner) diffing and updating dependencies", dict(lv="DEBUG")),
        ("still", "(runner) <*> is still needed", dict(lv="DEBUG")),
        ("wrem", "(watcher) removing <*>", dict(lv="DEBUG")),
        ("watching", "(runner) watching <*> dependencies", dict(lv="DEBUG")),
        ("allrend", "(runner) all templates rendered", dict(lv="DEBUG")),
        ("retry", '(view) <*>: <*> (retry attempt <*> after "<*>")', dict(lv="WARN")),
    ]

    def svc(s):
        return "health.service(%s|passing)" % s

    templates = [
        dict(src="/etc/consul-template/nginx-upstreams.ctmpl", dst="/etc/nginx/conf.d/upstreams.conf",
             cmd="systemctl reload nginx", deps=["catalog.services"], dyn=True),
        dict(src="/etc/consul-template/haproxy.cfg.ctmpl", dst="/etc/haproxy/haproxy.cfg",
             cmd="/usr/local/bin/reload-haproxy.sh", deps=[svc("api"), svc("auth")], dyn=False),
        dict(src="/opt/app/templates/app.env.ctmpl", dst="/opt/app/config/app.env", cmd=None,
             deps=["kv.block(service/app/config)", "vault.read(secret/data/app/db)"], dyn=False),
        dict(src="/etc/consul-template/prometheus-targets.ctmpl", dst="/etc/prometheus/targets/consul.json",
             cmd="curl -s -X POST http://127.0.0.1:9090/-/reload",
             deps=["catalog.services", svc("node-exporter")], dyn=False),
    ]
    for tp in templates:
        tp["hash"] = hexs(rng, 32)
    active = ["web", "api"]
    dyn_pool = ["web", "api", "billing", "search", "worker", "payments-gw"]

    def tdeps(tp):
        d = list(tp["deps"])
        if tp["dyn"]:
            d += [svc(s) for s in active]
        return d

    def needed():
        out = []
        for tp in templates:
            for d in tdeps(tp):
                if d not in out:
                    out.append(d)
        return out

    means = {"catalog.services": 7, "vault.read(secret/data/app/db)": 240, "kv.block(service/app/config)": 150}
    T0 = at(15, 21, 9) + 602 * MS
    H = 3600 * SEC
    raw = []
    seq = [0]

    def emit(t, key, vals):
        seq[0] += 1
        raw.append((t, seq[0], key, vals))

    heap = []
    hseq = [0]

    def push(t, d):
        hseq[0] += 1
        heapq.heappush(heap, (t, hseq[0], d))

    watched = needed()
    have = set(watched)
    for d in watched:
        push(T0 + int(rng.expovariate(1.0) * means.get(d, 120) * SEC), d)
    runner_free = T0
    while heap:
        t, _q, d = heapq.heappop(heap)
        if t > T0 + H:
            break
        if d not in watched:
            continue
        c = max(t, runner_free)

        def em(key, vals, lo=15000, hi=400000):
            nonlocal c
            c += rng.randint(lo, hi)
            emit(c, key, vals)

        em("recv", [d])
        em("init", [])
        have.add(d)
        changed_catalog = False
        if d == "catalog.services" and rng.random() < 0.8:
            addable = [s for s in dyn_pool if s not in active]
            removable = [s for s in active if s not in ("web", "api")]
            if addable and (not removable or rng.random() < 0.55):
                active.append(rng.choice(addable))
            else:
                active.remove(rng.choice(removable))
            changed_catalog = True
        missing = []
        for tp in templates:
            em("check", [tp["hash"]])
            deps = tdeps(tp)
            miss = [x for x in deps if x not in have]
            if miss:
                for x in miss:
                    em("missing", [x])
                missing += miss
                continue
            if d in deps or (changed_catalog and tp["dyn"]):
                em("rendering", [tp["src"], tp["dst"]])
                if changed_catalog or rng.random() < 0.75:
                    em("rendered", [tp["src"], tp["dst"]], 1 * MS, 6 * MS)
                    if tp["cmd"]:
                        em("exec", [tp["cmd"], tp["src"], tp["dst"]])
                        em("spawn", ["sh -c " + tp["cmd"]], 100000, 900000)
        new = needed()
        added = [x for x in new if x not in watched]
        for x in added:
            em("wadd", [x])
        em("diff", [])
        for x in new:
            if x in watched:
                em("still", [x], 5000, 60000)
        for x in watched:
            if x not in new:
                em("wrem", [x])
                have.discard(x)
        watched = new
        em("watching", [len(watched)])
        if not missing:
            em("allrend", [])
        runner_free = c
        for x in added:
            push(c + rng.randint(5 * MS, 80 * MS), x)
        if d in watched:
            push(t + int(rng.expovariate(1.0) * means.get(d, 120) * SEC) + 1, d)

    # --- entity: Consul agent outages; every blocking view retries on its own clock
    urls = {"catalog.services": "/v1/catalog/services?index=%d&stale=&wait=60000ms",
            "kv.block(service/app/config)": "/v1/kv/service/app/config?index=%d&stale=&wait=60000ms",
            svc("api"): "/v1/health/service/api?index=%d&passing=1&stale=&wait=60000ms",
            svc("auth"): "/v1/health/service/auth?index=%d&passing=1&stale=&wait=60000ms",
            svc("web"): "/v1/health/service/web?index=%d&passing=1&stale=&wait=60000ms",
            svc("node-exporter"): "/v1/health/service/node-exporter?index=%d&passing=1&stale=&wait=60000ms"}
    outage_errs = ['Get "http://127.0.0.1:8500%s": dial tcp 127.0.0.1:8500: connect: connection refused',
                   'Unexpected response code: 500 (rpc error making call: No cluster leader) from "%s"']
    backoff = [250 * MS, 500 * MS, 1 * SEC, 2 * SEC, 4 * SEC]
    for oi, ostart in enumerate([T0 + 41 * SEC + rng.randint(0, 9 * SEC), T0 + 118 * SEC + rng.randint(0, 9 * SEC)]):
        views = list(urls)
        rng.shuffle(views)
        for v in views[: rng.randint(3, 5)]:
            c = ostart + rng.randint(0, 2 * SEC)
            idx = rng.randint(120000, 990000)
            for n in range(1, rng.randint(2, 4) + 1):
                err = outage_errs[oi] % (urls[v] % idx)
                emit(c, "retry", [v, err, n, go_dur(backoff[n - 1])])
                c += backoff[n - 1] + rng.randint(1 * MS, 30 * MS)

    def header(ns, m):
        return "%s [%s] " % (iso_ms(ns), m["lv"])

    lines = finish_sim(events, raw, header)
    hre = r"(?P<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z) \[(?:TRACE|DEBUG|INFO|WARN|ERR)\] "
    return "ConsulTemplate", events, lines, hre, str


# ============================================================== write + check
def write_system(name, events, lines):
    idx = {e[0]: i for i, e in enumerate(events)}
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="") as f:
        for _t, h, c, _k in lines:
            f.write(h + c + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_t, _h, c, k) in enumerate(lines, 1):
            j = idx[k]
            w.writerow([i, c, "E%d" % (j + 1), events[j][1]])


def tpl_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")), re.S)


def check_system(name, events, hre, tsconv):
    errs = []
    d = os.path.join(OUT, name)
    logp = os.path.join(d, name + ".log")
    csvp = os.path.join(d, name + ".log_structured.csv")
    for p in (logp, csvp):
        with open(p, "rb") as f:
            b = f.read()
        if not b.endswith(b"\n"):
            errs.append("%s does not end with newline" % p)
        if b"\r" in b:
            errs.append("%s contains CR" % p)
    with open(logp, encoding="utf-8", newline="") as f:
        raw = f.read().split("\n")
    assert raw[-1] == ""
    raw = raw[:-1]
    with open(csvp, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header")
    rows = rows[1:]
    if len(raw) != N_LINES or len(rows) != N_LINES:
        errs.append("line/row count %d/%d" % (len(raw), len(rows)))
    hrx = re.compile(hre)
    declared = ["E%d" % (i + 1) for i in range(len(events))]
    tmap = {}
    slots = {}
    counts = {}
    last = None
    for i, (line, row) in enumerate(zip(raw, rows), 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errs.append("row %d LineId %s" % (i, lid))
        if not content or content != content.strip():
            errs.append("row %d content empty/unstripped" % i)
        if not line.endswith(content):
            errs.append("row %d raw line does not end with content" % i)
            continue
        header = line[: len(line) - len(content)]
        m = hrx.fullmatch(header)
        if not m:
            errs.append("row %d header mismatch: %r" % (i, header))
            continue
        ts = tsconv(m.group("ts"))
        if last is not None and ts < last:
            errs.append("row %d timestamp goes back" % i)
        last = ts
        if not re.fullmatch(r"E\d+", eid):
            errs.append("row %d bad EventId %s" % (i, eid))
        if eid in tmap and tmap[eid] != tpl:
            errs.append("%s has two templates" % eid)
        tmap[eid] = tpl
        k = declared.index(eid) if eid in declared else None
        if k is None or events[k][1] != tpl:
            errs.append("row %d template not the declared one for %s" % (i, eid))
        mm = tpl_regex(tpl).fullmatch(content)
        if not mm:
            errs.append("row %d template does not match content" % i)
            continue
        for si, g in enumerate(mm.groups()):
            slots.setdefault((eid, si), set()).add(g)
        counts[eid] = counts.get(eid, 0) + 1
    if len(set(tmap.values())) != len(tmap):
        errs.append("templates not distinct")
    if sorted(counts, key=lambda e: int(e[1:])) != declared:
        errs.append("not all declared events used: %s" % sorted(set(declared) - set(counts)))
    for (eid, si), vals in slots.items():
        if len(vals) < 2:
            errs.append("%s slot %d takes a single value %r" % (eid, si, vals))
    cs = [counts.get(e, 0) for e in declared]
    if not 12 <= len(declared) <= 15:
        errs.append("%d event types" % len(declared))
    if min(cs) < 3:
        errs.append("an event has fewer than 3 lines: %s" % cs)
    if sum(1 for c in cs if 3 <= c <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines: %s" % cs)
    med = statistics.median(cs)
    if max(cs) < 3 * med:
        errs.append("largest %d < 3 x median %s" % (max(cs), med))
    return errs, cs, med


def main():
    builders = [build_osquery, build_tetragon, build_trivy, build_kyverno, build_gatekeeper,
                build_consul_template]
    ok = True
    for k, b in enumerate(builders, 1):
        name, events, lines, hre, tsconv = b()
        assert len(lines) == N_LINES
        write_system(name, events, lines)
        errs, cs, med = check_system(name, events, hre, tsconv)
        span = (lines[-1][0] - lines[0][0]) / SEC
        print("%d %-15s events=%2d counts=%s median=%s max=%d span=%.0fs %s" % (
            k, name, len(events), cs, med, max(cs), span, "OK" if not errs else "FAIL"))
        for e in errs[:20]:
            print("    " + e)
        ok = ok and not errs
    print("self-check:", "PASSED" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
