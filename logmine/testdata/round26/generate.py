#!/usr/bin/env python3
"""Round 26 blind log corpus generator.

Python 3 standard library only and fully deterministic: no wall clock, no
locale (month names come from a fixed list), one random.Random per system
seeded with 20270107*10 + k.  All times are integer nanoseconds since
2026-03-14T00:00:00 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for the six systems below and then self-checks every file.
"""
import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270107
HERE = os.path.dirname(os.path.abspath(__file__))
NS = 1_000_000_000
MS = 1_000_000
YEAR, MONTH, DAY = 2026, 3, 14
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DAY_NS = 86400 * NS
N_LINES = 300
DATE = "%04d-%02d-%02d" % (YEAR, MONTH, DAY)


# ---------------------------------------------------------------- helpers
def hms(t):
    assert 0 <= t < DAY_NS, t
    s = t // NS
    return s // 3600, (s // 60) % 60, s % 60


def at(h, m=0, s=0):
    return ((h * 60 + m) * 60 + s) * NS


def sec(x):
    return int(round(x * NS))


def hms_str(t):
    return "%02d:%02d:%02d" % hms(t)


class System:
    def __init__(self, name, k, kind, events, header_re, ts_key):
        self.name = name
        self.k = k
        self.kind = kind                      # "simulation" / "shuffle"
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.events = events                  # [(key, template)], declaration order
        self.eid = {key: "E%d" % (i + 1) for i, (key, _) in enumerate(events)}
        self.tmpl = dict(events)
        assert len(self.eid) == len(events)
        self.header_re = re.compile(header_re)
        self.ts_key = ts_key                  # header -> sortable key or None
        self._cyc = {}

    def cyc(self, key, slot, pool):
        """Cycle through a small pool per (event, slot), random start."""
        i = self._cyc.get((key, slot))
        if i is None:
            i = self.rng.randrange(len(pool))
        self._cyc[(key, slot)] = i + 1
        return pool[i % len(pool)]

    def hexs(self, n):
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def alnum(self, n):
        a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
        return "".join(self.rng.choice(a) for _ in range(n))

    def exp_gap(self, mean_s):
        return max(1, sec(self.rng.expovariate(1.0 / mean_s)))


def shuffled_schedule(S, counts, start, mean_gap_s):
    """Fixed count per event, shuffled, forward-only clock with exp gaps."""
    assert list(counts) == [k for k, _ in S.events], "counts must follow declaration"
    keys = [k for k, c in counts.items() for _ in range(c)]
    assert len(keys) == N_LINES, (S.name, len(keys))
    S.rng.shuffle(keys)
    t = start
    out = []
    for k in keys:
        t += S.exp_gap(mean_gap_s)
        out.append((t, k))
    return out


def merge(records):
    """records: (t, seq, header, content, key); time order, first 300 kept."""
    records.sort(key=lambda r: (r[0], r[1]))
    return [(r[2], r[3], r[4]) for r in records[:N_LINES]]


class Emitter:
    """Collects simulation output; seq keeps multi-line blocks in order."""

    def __init__(self):
        self.recs = []
        self.seq = 0

    def add(self, t, header, content, key):
        self.seq += 1
        self.recs.append((t, self.seq, header, content, key))


# ================================================================ 1 NodeRed
def nodered_ts(h):
    m = re.match(r"(\d{1,2}) ([A-Z][a-z]{2}) (\d\d):(\d\d):(\d\d) ", h)
    return (MONTHS.index(m.group(2)), int(m.group(1)),
            int(m.group(3)), int(m.group(4)), int(m.group(5)))


def build_nodered():
    S = System(
        "NodeRed", 1, "shuffle",
        [("stop_mod", "Stopping modified nodes"),
         ("stopped_mod", "Stopped modified nodes"),
         ("start_mod", "Starting modified nodes"),
         ("started_mod", "Started modified nodes"),
         ("connected", "Connected to broker: <*>"),
         ("disconnected", "Disconnected from broker: <*>"),
         ("connfail", "Connection failed to broker: <*>"),
         ("reqerr", "RequestError: <*>"),
         ("typeerr", "TypeError: Cannot read properties of undefined (reading '<*>')"),
         ("installing", "Installing module: <*>, version: <*>"),
         ("installed", "Installed module: <*>"),
         ("removed", "Removed module: <*>"),
         ("waiting", "Waiting for missing types to be registered:"),
         ("missing", "- <*>")],
        r"^\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d\d:\d\d:\d\d - "
        r"\[(info|warn|error|debug|trace)\] (\[[a-z][a-z0-9 -]*:[^\]]+\] )? ?$",
        nodered_ts)
    counts = {"stop_mod": 20, "stopped_mod": 20, "start_mod": 20, "started_mod": 20,
              "connected": 95, "disconnected": 40, "connfail": 12, "reqerr": 25,
              "typeerr": 18, "installing": 6, "installed": 6, "removed": 4,
              "waiting": 4, "missing": 10}
    brokers = [("Home MQTT", "mqtt://10.20.0.5:1883"),
               ("a3f9c1d2e4b5a6f7", "mqtts://broker.lab.internal:8883"),
               ("Plant floor", "mqtt://mosquitto:1883"),
               ("Shelly bridge", "mqtt://192.168.50.12:1883")]
    http_nodes = ["Fetch forecast", "POST to InfluxDB", "Call Shelly relay", "9c0e4b7d21f3a865"]
    fn_nodes = ["Parse payload", "Compute average", "Format alert", "Map sensor ids"]
    props = ["temperature", "payload", "length", "split", "humidity", "0", "state"]
    modules = [("node-red-contrib-modbus", "5.30.0"), ("node-red-dashboard", "3.6.5"),
               ("@flowfuse/node-red-dashboard", "1.13.0"), ("node-red-node-email", "3.0.1"),
               ("node-red-contrib-influxdb", "0.7.0"), ("node-red-contrib-home-assistant-websocket", "0.62.2")]
    missing_types = ["modbus-client", "modbus-read", "server-state-changed",
                     "ui_gauge", "influxdb out", "e-mail"]
    hosts = ["api.open-meteo.local", "influx.lab.internal", "shelly-plug-07.lan", "grafana.home.arpa"]

    def reason():
        r = S.rng
        form = S.cyc("reqerr", "form", [0, 1, 2, 3, 4])
        ip = "10.20.%d.%d" % (r.randint(0, 3), r.randint(2, 250))
        if form == 0:
            return "connect ECONNREFUSED %s:%d" % (ip, r.choice([8080, 8086, 80, 3000]))
        if form == 1:
            return "getaddrinfo ENOTFOUND %s" % r.choice(hosts)
        if form == 2:
            return "Timeout awaiting 'request' for %dms" % r.choice([5000, 10000, 120000])
        if form == 3:
            return "read ECONNRESET"
        return "connect ETIMEDOUT %s:%d" % (ip, r.choice([443, 8443, 1880]))

    out = []
    for t, key in shuffled_schedule(S, counts, at(6, 30, 12), 58.0):
        h, m, s = hms(t)
        stamp = "%d %s %02d:%02d:%02d" % (DAY, MONTHS[MONTH - 1], h, m, s)
        lvl, tag, extra = "info", None, ""
        if key == "stop_mod":
            c = "Stopping modified nodes"
        elif key == "stopped_mod":
            c = "Stopped modified nodes"
        elif key == "start_mod":
            c = "Starting modified nodes"
        elif key == "started_mod":
            c = "Started modified nodes"
        elif key in ("connected", "disconnected", "connfail"):
            name, url = S.cyc(key, 1, brokers)
            tag = ("mqtt-broker", name)
            c = {"connected": "Connected to broker: ",
                 "disconnected": "Disconnected from broker: ",
                 "connfail": "Connection failed to broker: "}[key] + url
        elif key == "reqerr":
            lvl, tag = "error", ("http request", S.cyc(key, "node", http_nodes))
            c = "RequestError: " + reason()
        elif key == "typeerr":
            lvl, tag = "error", ("function", S.cyc(key, "node", fn_nodes))
            c = "TypeError: Cannot read properties of undefined (reading '%s')" % S.cyc(key, 1, props)
        elif key == "installing":
            mod, ver = S.cyc(key, 1, modules)
            c = "Installing module: %s, version: %s" % (mod, ver)
        elif key == "installed":
            c = "Installed module: %s" % S.cyc(key, 1, modules)[0]
        elif key == "removed":
            c = "Removed module: %s" % S.cyc(key, 1, modules)[0]
        elif key == "waiting":
            c = "Waiting for missing types to be registered:"
        elif key == "missing":
            c = "- " + S.cyc(key, 1, missing_types)
            extra = " "          # Node-RED logs " - type", i.e. two spaces after [info]
        header = "%s - [%s] " % (stamp, lvl)
        if tag:
            header += "[%s:%s] " % tag
        out.append((header + extra, c, key))
    return S, out


# ================================================================ 2 N8n
def build_n8n():
    S = System(
        "N8n", 2, "simulation",
        [("ready", "n8n worker is now ready"),
         ("version", "* Version: <*>"),
         ("concurrency", "* Concurrency: <*>"),
         ("started", "Worker started execution <*> (job <*>)"),
         ("finished", "Worker finished execution <*> (job <*>)"),
         ("errored", "Worker errored while running execution <*> (job <*>)"),
         ("problem", "Problem with execution <*>: <*>. Aborting."),
         ("nodata", 'Unable to find data of execution "<*>" in database. Aborting execution.'),
         ("runner", 'Registered runner "JS Task Runner" (<*>)'),
         ("redis_lost", "Lost Redis connection. Trying to reconnect in <*>... (<*>/10s)"),
         ("redis_ok", "Recovered Redis connection"),
         ("stopping", "Stopping n8n..."),
         ("waiting", "Waiting for <*> active executions to finish...")],
        r"^ ?$",                     # default console output: the bare message
        lambda h: None)
    r = S.rng
    E = Emitter()
    problems = ["Workflow did not finish, possible out-of-memory issue",
                "Task request timed out after 60 seconds",
                "Connection terminated unexpectedly",
                "Execution was cancelled while waiting in the queue",
                'Node "HTTP Request" hit timeout of 300000ms']
    versions = ["1.81.4", "1.81.4", "1.82.1", "1.82.1", "1.82.1"]
    concs = [10, 10, 5, 8, 8]
    exec_id = 71230 + r.randint(0, 60)
    job_id = 18800 + r.randint(0, 40)
    t = at(5, 58, 3) + sec(r.uniform(0, 20))
    epoch = 0
    while epoch < 5:
        # process start lines
        E.add(t, "", "n8n worker is now ready", "ready")
        E.add(t + sec(0.001), " ", "* Version: %s" % versions[epoch], "version")
        E.add(t + sec(0.002), " ", "* Concurrency: %d" % concs[epoch], "concurrency")
        E.add(t + sec(r.uniform(0.8, 2.5)), "",
              'Registered runner "JS Task Runner" (%s)' % S.alnum(21), "runner")
        length = sec(r.uniform(3.5, 5.5) * 60)
        stop = t + length
        # a redis hiccup in most epochs
        if epoch in (0, 1, 2):
            tl = t + sec(r.uniform(0.3, 0.7) * length / NS)
            el = 0
            for wait in (1, 2, 4)[: r.choice([2, 3])]:
                E.add(tl + sec(el), "",
                      "Lost Redis connection. Trying to reconnect in %ds... (%ds/10s)" % (wait, el),
                      "redis_lost")
                el += wait
            E.add(tl + sec(el + r.uniform(0.1, 0.9)), "", "Recovered Redis connection", "redis_ok")
        # jobs: each on its own clock
        ta = t + S.exp_gap(6)
        ends = []
        while ta < stop:
            exec_id += r.choice([1, 1, 1, 2, 3])
            job_id += 1
            roll = r.random()
            if roll < 0.05:
                E.add(ta + sec(0.02), "",
                      'Unable to find data of execution "%d" in database. Aborting execution.' % exec_id,
                      "nodata")
            else:
                E.add(ta, "", "Worker started execution %d (job %d)" % (exec_id, job_id), "started")
                dur = sec(r.lognormvariate(0.9, 1.1))
                if r.random() < 0.05:
                    dur += sec(r.uniform(15, 90))
                te = ta + dur
                ends.append(te)
                if te > stop + sec(30):
                    pass                            # killed at the shutdown timeout
                elif roll < 0.09:
                    E.add(te, "", "Problem with execution %d: %s. Aborting." %
                          (exec_id, S.cyc("problem", 1, problems)), "problem")
                elif roll < 0.16:
                    E.add(te, "", "Worker errored while running execution %d (job %d)" %
                          (exec_id, job_id), "errored")
                else:
                    E.add(te, "", "Worker finished execution %d (job %d)" % (exec_id, job_id), "finished")
            ta += S.exp_gap(9)
        # graceful shutdown: n8n reports the running jobs every 2s until they are done
        E.add(stop, "", "Stopping n8n...", "stopping")
        tw = stop + sec(0.003)
        last_end = min(max(ends + [stop]), stop + sec(30))
        while tw < stop + sec(30):          # default graceful shutdown timeout
            n = sum(1 for e in ends if e > tw)
            if n == 0:
                break
            E.add(tw, "", "Waiting for %d active executions to finish..." % n, "waiting")
            tw += sec(2)
        t = last_end + sec(r.uniform(4, 15))
        epoch += 1
    return S, merge(E.recs)


# ================================================================ 3 Portainer
def portainer_ts(h):
    m = re.match(r"(\d{4})/(\d\d)/(\d\d) (\d\d):(\d\d)(AM|PM) ", h)
    hh = int(m.group(4)) % 12 + (12 if m.group(6) == "PM" else 0)
    return (int(m.group(1)), int(m.group(2)), int(m.group(3)), hh, int(m.group(5)))


def build_portainer():
    S = System(
        "Portainer", 3, "shuffle",
        [("httperr", 'HTTP error | error="<*>" msg="<*>" status_code=<*>'),
         ("tls", "http: TLS handshake error from <*>: <*>"),
         ("proxy", "http: proxy error: <*>"),
         ("snapshot", 'background schedule error (environment snapshot), unable to create snapshot | endpoint_id=<*> error="<*>"'),
         ("git_same", "no changes detected in git repository, skipping redeploy | stack_id=<*> stack_name=<*>"),
         ("git_redeploy", "redeploying stack after git update | commit=<*> stack_id=<*> stack_name=<*>"),
         ("git_fail", 'failed to auto-update stack | error="<*>" stack_id=<*>'),
         ("starting", "starting Portainer | build_number=<*> go_version=<*> image_tag=<*> nodejs_version=18.20.4 version=<*> webpack_version=5.88.2 yarn_version=1.22.22"),
         ("nokey", "encryption key file not present | filename=portainer"),
         ("proceed", "proceeding without encryption key"),
         ("loaddb", "loading PortainerDB | filename=portainer.db"),
         ("fingerprint", "server fingerprint | fingerprint=2c:71:9e:0b:d4:58:a3:16:f7:e2:4c:9d:85:30:bb:6a"),
         ("https", "starting HTTPS server | bind_address=:9443"),
         ("http", "starting HTTP server | bind_address=:9000")],
        r"^\d{4}/\d\d/\d\d \d\d:\d\d(AM|PM) (INF|WRN|ERR|DBG) [A-Za-z0-9_./@-]+\.go:\d+ > $",
        portainer_ts)
    counts = {"httperr": 130, "tls": 46, "proxy": 25, "snapshot": 37, "git_same": 20,
              "git_redeploy": 8, "git_fail": 6, "starting": 4, "nokey": 4, "proceed": 4,
              "loaddb": 4, "fingerprint": 4, "https": 4, "http": 4}
    api = "github.com/portainer/portainer/api/"
    callers = {
        "httperr": ("ERR", "github.com/portainer/portainer/pkg/libhttp/error/error.go:34"),
        "tls": ("INF", "log/log.go:195"),
        "proxy": ("INF", "log/log.go:195"),
        "snapshot": ("WRN", api + "internal/snapshot/snapshot.go:264"),
        "git_same": ("INF", api + "stacks/deployments/deploy.go:121"),
        "git_redeploy": ("INF", api + "stacks/deployments/deploy.go:156"),
        "git_fail": ("ERR", api + "stacks/deployments/deploy.go:74"),
        "starting": ("INF", api + "cmd/portainer/main.go:598"),
        "nokey": ("INF", api + "cmd/portainer/main.go:330"),
        "proceed": ("INF", api + "cmd/portainer/main.go:337"),
        "loaddb": ("INF", api + "database/boltdb/db.go:137"),
        "fingerprint": ("INF", api + "chisel/service.go:200"),
        "https": ("INF", api + "http/server.go:366"),
        "http": ("INF", api + "http/server.go:351"),
    }
    http_errors = [
        ("Invalid JWT token", "Unauthorized", 401),
        ("object not found inside the database",
         "Unable to find an environment with the specified identifier inside the database", 404),
        ("Error response from daemon: No such container: {hex12}",
         "Unable to proxy the request via the Docker socket", 500),
        ("Invalid request payload", "Invalid Compose file content", 400),
        ("Access denied to resource", "Permission denied to access environment", 403),
        ("Error response from daemon: pull access denied for {img}, repository does not exist or may require 'docker login'",
         "Unable to pull image", 500),
    ]
    images = ["registry.lab.internal/billing-api", "ghcr.io/acme/edge-sync", "privateorg/worker"]
    tls_reasons = ["EOF", "remote error: tls: bad certificate", "remote error: tls: unknown certificate",
                   "tls: first record does not look like a TLS handshake",
                   "read tcp 172.18.0.3:9443->{peer}: read: connection reset by peer"]
    # zerolog's console writer quotes values with spaces using strconv.Quote, so inner quotes are escaped
    snapshot_errs = [r'Get \"http://10.40.2.{o}:2375/v1.41/info\": dial tcp 10.40.2.{o}:2375: connect: no route to host',
                     "unable to connect to the Docker daemon: context deadline exceeded",
                     "edge agent has not checked in for 43 minutes",
                     r'Get \"https://10.40.3.{o}:9001/ping\": x509: certificate has expired or is not yet valid']
    stacks = [(3, "monitoring"), (7, "nextcloud"), (12, "traefik"), (15, "billing-api"), (21, "gitea")]
    git_errs = ["authentication required", "repository not found",
                "failed to clone git repository: dial tcp: lookup git.lab.internal: i/o timeout",
                "unable to deploy stack: compose up failed: exit status 1"]
    starts = [("33912", "go1.21.11", "linux-amd64-2.21.0", "2.21.0"),
              ("33912", "go1.21.11", "linux-amd64-2.21.0", "2.21.0"),
              ("34487", "go1.22.7", "linux-amd64-2.21.2", "2.21.2"),
              ("34487", "go1.22.7", "linux-amd64-2.21.2", "2.21.2")]

    def peer():
        return "%s:%d" % (S.rng.choice(["172.18.0.1", "10.0.8.14", "192.168.10.77", "45.155.205.%d" % S.rng.randint(2, 250)]),
                          S.rng.randint(32768, 60999))

    out = []
    for t, key in shuffled_schedule(S, counts, at(7, 41, 30), 95.0):
        h, m, _ = hms(t)
        stamp = "%04d/%02d/%02d %02d:%02d%s" % (YEAR, MONTH, DAY, h % 12 or 12, m, "AM" if h < 12 else "PM")
        lvl, caller = callers[key]
        r = S.rng
        if key == "httperr":
            e, msg, code = S.cyc(key, 1, http_errors)
            e = e.format(hex12=S.hexs(12), img=r.choice(images))
            c = 'HTTP error | error="%s" msg="%s" status_code=%d' % (e, msg, code)
        elif key == "tls":
            c = "http: TLS handshake error from %s: %s" % (peer(), S.cyc(key, 2, tls_reasons).format(peer=peer()))
        elif key == "proxy":
            c = "http: proxy error: " + S.cyc(key, 1, [
                "dial tcp 10.40.2.%d:2375: connect: connection refused" % r.randint(2, 60),
                "context canceled",
                "dial unix /var/run/docker.sock: connect: permission denied",
                "read tcp 172.18.0.3:%d->10.40.2.%d:9001: i/o timeout" % (r.randint(32768, 60999), r.randint(2, 60))])
        elif key == "snapshot":
            c = 'background schedule error (environment snapshot), unable to create snapshot | endpoint_id=%d error="%s"' % (
                S.cyc(key, 1, [2, 4, 5, 9, 11]), S.cyc(key, 2, snapshot_errs).format(o=r.randint(2, 60)))
        elif key == "git_same":
            sid, sname = S.cyc(key, 1, stacks)
            c = "no changes detected in git repository, skipping redeploy | stack_id=%d stack_name=%s" % (sid, sname)
        elif key == "git_redeploy":
            sid, sname = S.cyc(key, 1, stacks)
            c = "redeploying stack after git update | commit=%s stack_id=%d stack_name=%s" % (S.hexs(40), sid, sname)
        elif key == "git_fail":
            sid, _ = S.cyc(key, 1, stacks)
            c = 'failed to auto-update stack | error="%s" stack_id=%d' % (S.cyc(key, 2, git_errs), sid)
        elif key == "starting":
            b, g, tag, v = starts[S._cyc.get(("starting", "n"), 0) % 4]
            S._cyc[("starting", "n")] = S._cyc.get(("starting", "n"), 0) + 1
            c = ("starting Portainer | build_number=%s go_version=%s image_tag=%s nodejs_version=18.20.4 "
                 "version=%s webpack_version=5.88.2 yarn_version=1.22.22" % (b, g, tag, v))
        else:
            c = S.tmpl[key]
        out.append(("%s %s %s > " % (stamp, lvl, caller), c, key))
    return S, out


# ================================================================ 4 Matomo
def matomo_ts(h):
    m = re.search(r"\[(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)", h)
    return tuple(int(x) for x in m.groups())


def build_matomo():
    S = System(
        "Matomo", 4, "shuffle",
        [("start_site", "Start processing archives for site <*>."),
         ("archived", "Archived website id <*>, period = <*>, date = <*>, segment = '', <*> visits found. Time elapsed: <*>"),
         ("archived_seg", "Archived website id <*>, period = <*>, date = <*>, segment = '<*>', <*> visits found. Time elapsed: <*>"),
         ("finished_site", "Finished archiving for site <*>, <*> API requests, Time elapsed: <*> [<*> / <*> done]"),
         ("inval_today", "Will invalidate archived reports for today in site ID = <*>'s timezone (<*>)."),
         ("inval_yesterday", "Will invalidate archived reports for yesterday in site ID = <*>'s timezone (<*>)."),
         ("no_next", "No next invalidated archive."),
         ("done", "Done archiving!"),
         ("bad_response", "Got invalid response from API request: <*>. Response was '<*>'"),
         ("uncaught", "Uncaught exception: <*>(<*>): <*>"),
         ("tracker", "Error in Matomo (tracker): <*>"),
         ("scheduler", "Scheduler: executing task <*>..."),
         ("login", 'Failed login attempt for user "<*>" from IP <*>')],
        r"^(INFO \[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] \d+  |"
        r"(ERROR|WARNING|NOTICE|INFO|DEBUG|VERBOSE) [A-Za-z\\]+\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\] \[[0-9a-f]{5}\] )$",
        matomo_ts)
    counts = {"start_site": 25, "archived": 114, "archived_seg": 35, "finished_site": 25,
              "inval_today": 12, "inval_yesterday": 8, "no_next": 6, "done": 5,
              "bad_response": 4, "uncaught": 14, "tracker": 10, "scheduler": 30, "login": 12}
    archiver_keys = {"start_site", "archived", "archived_seg", "finished_site", "inval_today",
                     "inval_yesterday", "no_next", "done", "bad_response"}
    r = S.rng
    sites = [1, 2, 3, 5, 8, 13]
    tz_midnight = {1: ("2026-03-13 23:00:00", "2026-03-12 23:00:00"),
                   2: ("2026-03-14 00:00:00", "2026-03-13 00:00:00"),
                   3: ("2026-03-14 05:00:00", "2026-03-13 05:00:00"),
                   5: ("2026-03-13 18:30:00", "2026-03-12 18:30:00"),
                   8: ("2026-03-14 04:00:00", "2026-03-13 04:00:00"),
                   13: ("2026-03-13 15:00:00", "2026-03-12 15:00:00")}
    periods = [("day", "2026-03-14"), ("day", "2026-03-13"), ("week", "2026-03-09,2026-03-15"),
               ("month", "2026-03-01,2026-03-31"), ("year", "2026-01-01,2026-12-31")]
    segments = ["visitorType==returning", "deviceType==smartphone", "browserCode==FF",
                "countryCode==de", "referrerType==search;visitCount>=3"]
    # one archiver pid per 20-minute cron run
    pids = []
    p = 21870 + r.randint(0, 400)
    for _ in range(80):
        p += r.randint(180, 2600)
        pids.append(p)
    exc = [("/var/www/matomo/core/Db/Adapter/Pdo/Mysql.php", "186",
            "SQLSTATE[HY000] [2002] Connection refused"),
           ("/var/www/matomo/core/Plugin/Manager.php", "1102",
            "The plugin CustomReports was not found in the plugin directories"),
           ("/var/www/matomo/plugins/Live/Model.php", "451",
            "Live queries took too long and were aborted (max execution time 60s)"),
           ("/var/www/matomo/core/Access.php", "651",
            "You can't access this resource as it requires 'view' access for the website id = 5.")]
    tracker_errs = ["Error query: SQLSTATE[HY000] [1040] Too many connections",
                    "Error query: SQLSTATE[40001]: Serialization failure: 1213 Deadlock found when trying to get lock; try restarting transaction",
                    "Invalid idSite: 'abc'",
                    "Unexpected website id 42, expected to be one of the ids of existing websites"]
    tasks = ["Piwik\\Plugins\\CoreAdminHome\\Tasks.purgeOutdatedArchives",
             "Piwik\\Plugins\\CoreAdminHome\\Tasks.purgeInvalidatedArchives",
             "Piwik\\Plugins\\GeoIp2\\GeoIP2AutoUpdater.update",
             "Piwik\\Plugins\\PrivacyManager\\Tasks.deleteReportData",
             "Piwik\\Plugins\\CoreUpdater\\Tasks.sendNotificationIfUpdateAvailable",
             "Piwik\\Plugins\\SitesManager\\Tasks.cleanupSitesTrackingFailures"]
    users = ["admin", "jkowalski", "marketing", "root", "m.ferreira"]

    out = []
    for t, key in shuffled_schedule(S, counts, at(9, 0, 1), 29.0):
        stamp = "%s %s" % (DATE, hms_str(t))
        site = S.cyc(key, "site", sites)
        if key == "start_site":
            c = "Start processing archives for site %d." % site
        elif key in ("archived", "archived_seg"):
            per, d = S.cyc(key, "period", periods)
            visits = int(r.lognormvariate(5.5, 1.3)) if per == "day" else int(r.lognormvariate(7.5, 1.2))
            el = "%.3fs" % r.uniform(0.05, 9.5)
            if key == "archived":
                c = "Archived website id %d, period = %s, date = %s, segment = '', %d visits found. Time elapsed: %s" % (
                    site, per, d, visits, el)
            else:
                c = "Archived website id %d, period = %s, date = %s, segment = '%s', %d visits found. Time elapsed: %s" % (
                    site, per, d, S.cyc(key, "seg", segments), visits // 4, el)
        elif key == "finished_site":
            total = r.choice([4, 6, 9])
            c = "Finished archiving for site %d, %d API requests, Time elapsed: %.3fs [%d / %d done]" % (
                site, r.randint(4, 30), r.uniform(1.2, 48.0), r.randint(1, total), total)
        elif key == "inval_today":
            c = "Will invalidate archived reports for today in site ID = %d's timezone (%s)." % (site, tz_midnight[site][0])
        elif key == "inval_yesterday":
            c = "Will invalidate archived reports for yesterday in site ID = %d's timezone (%s)." % (site, tz_midnight[site][1])
        elif key == "no_next":
            c = "No next invalidated archive."
        elif key == "done":
            c = "Done archiving!"
        elif key == "bad_response":
            per, d = S.cyc(key, "period", periods)
            url = "?module=API&method=CoreAdminHome.archiveReports&idSite=%d&period=%s&date=%s&format=json&trigger=archivephp" % (
                site, per, d.split(",")[0])
            resp = S.cyc(key, "resp", [
                "PHP Fatal error:  Allowed memory size of 536870912 bytes exhausted (tried to allocate %d bytes)" % r.choice([20480, 65536, 4096]),
                "Error: Mysql server has gone away",
                "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>"])
            c = "Got invalid response from API request: %s. Response was '%s'" % (url, resp)
        elif key == "uncaught":
            f, ln, msg = S.cyc(key, 1, exc)
            c = "Uncaught exception: %s(%s): %s" % (f, ln, msg)
        elif key == "tracker":
            c = "Error in Matomo (tracker): " + S.cyc(key, 1, tracker_errs)
        elif key == "scheduler":
            c = "Scheduler: executing task %s..." % S.cyc(key, 1, tasks)
        elif key == "login":
            ip = S.cyc(key, "ip", ["203.0.113.%d" % r.randint(2, 250), "198.51.100.%d" % r.randint(2, 250),
                                   "2001:db8:4f1::%x" % r.randint(16, 4095)])
            c = 'Failed login attempt for user "%s" from IP %s' % (S.cyc(key, "user", users), ip)
        if key in archiver_keys:
            header = "INFO [%s] %d  " % (stamp, pids[(t - at(9)) // (20 * 60 * NS)])
        else:
            lvl, tag = {"uncaught": ("ERROR", "FrontController"), "tracker": ("ERROR", "Tracker"),
                        "scheduler": ("INFO", "Scheduler"), "login": ("WARNING", "Login")}[key]
            header = "%s %s[%s UTC] [%s] " % (lvl, tag, stamp, S.hexs(5))
        out.append((header, c, key))
    return S, out


# ================================================================ 5 Ghost
def ghost_ts(h):
    m = re.match(r"\[(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\]", h)
    return tuple(int(x) for x in m.groups()) if m else None


def build_ghost():
    S = System(
        "Ghost", 5, "simulation",
        [("get", '"GET <*>" <*> <*>'),
         ("post", '"POST <*>" <*> <*>'),
         ("put", '"PUT <*>" <*> <*>'),
         ("delete", '"DELETE <*>" <*> <*>'),
         ("val_msg", "Validation error, cannot <*>."),
         ("perm_msg", "You do not have permission to perform this action"),
         ("errid_label", "- Error ID:"),
         ("errid", "<*>"),
         ("rule", "----------------------------------------"),
         ("val_cls", "ValidationError: Validation error, cannot <*>."),
         ("perm_cls", "NoPermissionError: You do not have permission to perform this action"),
         ("frame", "at <*> (<*>)"),
         ("offload", "Adding offloaded job to the queue"),
         ("worker", 'Worker for job "<*>" online'),
         ("email", "[EmailAnalytics] Fetched <*> events and aggregated <*> events in <*>")],
        r"^(\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] (INFO|WARN|ERROR|DEBUG) | {0,4})$",
        ghost_ts)
    r = S.rng
    E = Emitter()
    T0 = at(8, 0, 0)
    END = at(10, 30, 0)
    V = "/var/lib/ghost/versions/5.82.2"

    def head(t, lvl):
        return "[%s %s] %s " % (DATE, hms_str(t), lvl)

    def req(t, method, path, status, dur_ms, key=None):
        lvl = "ERROR" if status in (403, 422, 500) else "INFO"
        E.add(t, head(t, lvl), '"%s %s" %d %dms' % (method, path, status, dur_ms), key or method.lower())

    def error_block(t, kind, what):
        if kind == "val":
            E.add(t, "", "Validation error, cannot %s." % what, "val_msg")
        else:
            E.add(t, "", "You do not have permission to perform this action", "perm_msg")
        E.add(t, "", "- Error ID:", "errid_label")
        E.add(t, "    ", "%s-%s-11ef-%s%s-%s" % (S.hexs(8), S.hexs(4), r.choice("89ab"), S.hexs(3), S.hexs(12)), "errid")
        E.add(t, "", "----------------------------------------", "rule")
        if kind == "val":
            E.add(t, "", "ValidationError: Validation error, cannot %s." % what, "val_cls")
            frames = [("Object.validate", V + "/node_modules/@tryghost/admin-api-schema/lib/utils/json-schema.js:47:19"),
                      ("validate", V + "/node_modules/@tryghost/admin-api-schema/lib/admin-api-schema.js:64:12"),
                      ("Object.input", V + "/core/server/api/endpoints/utils/validators/input/posts.js:88:27")]
        else:
            E.add(t, "", "NoPermissionError: You do not have permission to perform this action", "perm_cls")
            frames = [("applyStatusRules", V + "/core/server/services/permissions/can-this.js:80:23"),
                      ("Object.permissions", V + "/core/server/api/endpoints/utils/permissions.js:61:31"),
                      ("CanThisResult.beginCheck", V + "/core/server/services/permissions/can-this.js:131:16")]
        i = r.randrange(3)
        for f, loc in (frames[i], frames[(i + 1) % 3]):
            E.add(t, "    ", "at %s (%s)" % (f, loc), "frame")

    pages = ["/", "/welcome/", "/self-hosting-ghost-on-a-budget/", "/notes-from-the-march-meetup/",
             "/tag/homelab/", "/author/mira/", "/page/2/", "/about/", "/rss/", "/sitemap-posts.xml",
             "/zfs-snapshots-the-boring-way/", "/tag/networking/", "/why-i-left-the-cloud/"]
    assets = ["/assets/built/screen.css?v=8c2f1e7a90", "/assets/built/casper.js?v=8c2f1e7a90",
              "/public/cards.min.js?v=8c2f1e7a90", "/public/cards.min.css?v=8c2f1e7a90",
              "/content/images/size/w960/2026/03/rack-photo.jpg", "/content/images/2026/02/cover-1.webp",
              "/favicon.png", "/content/images/size/w600/2026/01/meetup-crowd.jpg"]
    probes = ["/wp-login.php", "/.env", "/xmlrpc.php", "/wp-admin/setup-config.php", "/.git/config",
              "/admin/config.php", "/phpmyadmin/index.php", "/wp-content/plugins/hello.php"]

    # --- anonymous visitors
    t = T0 + S.exp_gap(20)
    while t < END:
        tp = t
        revisit = r.random() < 0.25
        for _ in range(r.choice([1, 1, 2, 2, 3, 4])):
            path = r.choice(pages)
            if r.random() < 0.05 and path != "/" and not path.endswith(".xml"):
                req(tp + sec(r.uniform(0.005, 0.03)), "GET", path.rstrip("/"), 301, r.randint(2, 9))
                tp += sec(r.uniform(0.05, 0.3))
            req(tp + sec(r.uniform(0.03, 0.6)), "GET", path, 304 if revisit and r.random() < 0.5 else 200,
                r.randint(18, 640))
            ta = tp + sec(0.6)
            if not path.endswith((".xml", "/rss/")):
                for a in r.sample(assets, r.choice([0, 1, 1, 2, 3])):
                    ta += sec(r.uniform(0.01, 0.25))
                    req(ta, "GET", a, 304 if revisit else 200, r.randint(1, 45))
            tp += sec(r.expovariate(1 / 45.0)) + sec(1)
        t += S.exp_gap(50)

    # --- scanners probing for other software (404s are logged at INFO)
    t = T0 + sec(r.uniform(60, 300))
    while t < END:
        tb = t
        for p in r.sample(probes, r.randint(2, 5)):
            tb += sec(r.uniform(0.15, 1.2))
            req(tb, "GET", p, 404, r.randint(4, 30))
        t += sec(r.uniform(360, 900))

    # --- members signing in with magic links, plus Stripe webhooks
    t = T0 + sec(r.uniform(30, 200))
    while t < END:
        req(t, "POST", "/members/api/send-magic-link/", 201, r.randint(180, 1400))
        tl = t + sec(r.uniform(20, 240))
        req(tl, "GET", "/members/?token=%s&action=signin&r=%%2F" % S.alnum(32), 302, r.randint(25, 90))
        req(tl + sec(r.uniform(0.4, 1.5)), "GET", "/members/api/member/", 200, r.randint(8, 40))
        t += S.exp_gap(420)
    t = T0 + sec(r.uniform(100, 600))
    while t < END:
        req(t, "POST", "/members/webhooks/stripe/", 200, r.randint(40, 300))
        t += S.exp_gap(600)

    # --- staff sessions editing posts in the admin
    staff = [("owner", T0 + sec(r.uniform(60, 180))), ("contributor", T0 + sec(r.uniform(300, 480))),
             ("editor", T0 + sec(r.uniform(650, 850))), ("contributor", T0 + sec(r.uniform(950, 1200)))]
    for role, t in staff:
        req(t, "POST", "/ghost/api/admin/session/", 201, r.randint(250, 900))
        t += sec(r.uniform(0.3, 1.0))
        req(t, "GET", "/ghost/api/admin/users/me/?include=roles", 200, r.randint(10, 60))
        t += sec(r.uniform(0.1, 0.5))
        req(t, "GET", "/ghost/api/admin/posts/?limit=20&fields=id%2Cstatus%2Ctitle&filter=status%3Adraft", 200,
            r.randint(20, 120))
        post = "65f%s" % S.hexs(21)
        plan = ["save"] * r.randint(5, 10) + ["upload"] * r.randint(0, 2) + ["deltag"]
        plan += ["invalid"] * r.choice([0, 1, 1, 2])
        if role == "contributor":
            plan.append("publish")
        r.shuffle(plan)
        path = "/ghost/api/admin/posts/%s/?formats=mobiledoc%%2Clexical" % post
        for action in plan:
            t += sec(r.uniform(12, 70))
            if action == "invalid":
                req(t, "PUT", path, 422, r.randint(15, 60))
                error_block(t, "val", S.cyc("val", 1, ["edit post", "edit post", "save post"]))
            elif action == "upload":
                req(t, "POST", "/ghost/api/admin/images/upload/", 201, r.randint(300, 2500))
            elif action == "deltag":
                tag = "6%s" % S.hexs(23)
                if role == "contributor":
                    req(t, "DELETE", "/ghost/api/admin/tags/%s/" % tag, 403, r.randint(6, 30))
                    error_block(t, "perm", None)
                else:
                    req(t, "DELETE", "/ghost/api/admin/tags/%s/" % tag, 204, r.randint(20, 90))
            elif action == "publish":
                req(t, "PUT", path.replace("formats", "source=html&formats"), 403, r.randint(6, 30))
                error_block(t, "perm", None)
            else:
                req(t, "PUT", path, 200, r.randint(40, 420))
        if role != "contributor":
            t += sec(r.uniform(5, 40))
            req(t, "DELETE", "/ghost/api/admin/posts/65f%s/" % S.hexs(21), 204, r.randint(30, 120))
            if r.random() < 0.7:
                t += sec(r.uniform(2, 20))
                req(t, "PUT", "/ghost/api/admin/members/65e%s/" % S.hexs(21), 422, r.randint(10, 40))
                error_block(t, "val", "edit member")

    # --- background jobs and email analytics, each on its own timer
    t = T0 + sec(r.uniform(20, 200))
    jobs = ["update-check", "clean-expired-comped", "clean-tokens", "email-analytics-fetch-latest"]
    while t < END:
        E.add(t, head(t, "INFO"), "Adding offloaded job to the queue", "offload")
        tw = t + sec(r.uniform(0.05, 0.4))
        E.add(tw, head(tw, "INFO"), 'Worker for job "%s" online' % S.cyc("worker", 1, jobs), "worker")
        t += S.exp_gap(330)
    t = T0 + sec(r.uniform(10, 290))
    while t < END:
        ev = r.choice([0, 0, 3, 12, 27, 58, 140])
        E.add(t, head(t, "INFO"), "[EmailAnalytics] Fetched %d events and aggregated %d events in %dms" % (
            ev, ev // 2 + (1 if ev else 0), r.randint(90, 2400)), "email")
        t += sec(300) + sec(r.uniform(-2, 2))
    return S, merge(E.recs)


# ================================================================ 6 QBittorrent
def qbt_ts(h):
    m = re.match(r"\([NIWC]\) (\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d) - ", h)
    return tuple(int(x) for x in m.groups())


def build_qbittorrent():
    S = System(
        "QBittorrent", 6, "simulation",
        [("added", 'Added new torrent. Torrent: "<*>"'),
         ("finished", 'Torrent download finished. Torrent: "<*>"'),
         ("paused", 'Torrent paused. Torrent: "<*>"'),
         ("resumed", 'Torrent resumed. Torrent: "<*>"'),
         ("removed", 'Removed torrent. Torrent: "<*>"'),
         ("removed_del", 'Removed torrent and deleted its content. Torrent: "<*>"'),
         ("ratio_paused", 'Torrent reached the share ratio limit. Torrent paused. Torrent: "<*>".'),
         ("ratio_removed", 'Torrent reached the share ratio limit. Removed torrent. Torrent: "<*>".'),
         ("move_start", 'Start moving torrent. Torrent: "<*>". Destination: "<*>"'),
         ("move_ok", 'Successfully moved torrent. Torrent: "<*>". Destination: "<*>"'),
         ("file_err", 'File error alert. Torrent: "<*>". File: "<*>". Reason: "<*>"'),
         ("perf", "Performance alert: <*>: performance warning: <*>. More info: "
                  "https://libtorrent.org/reference-Alerts.html#enum-performance-warning-t"),
         ("login_ok", "WebAPI login success. IP: <*>"),
         ("login_fail", "WebAPI login failure. Reason: invalid credentials, attempt count: <*>, IP: <*>, username: <*>"),
         ("ext_ip", 'Detected external IP. IP: "<*>"')],
        r"^\((N|I|W|C)\) \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d - $",
        qbt_ts)
    r = S.rng
    E = Emitter()
    T0 = at(6, 0, 0)
    END = at(12, 0, 0)

    def log(t, lvl, content, key):
        E.add(t, "(%s) %sT%s - " % (lvl, DATE, hms_str(t)), content, key)

    def torrent_name():
        form = r.randrange(8)
        if form == 0:
            return "ubuntu-%s-%s-amd64.iso" % (r.choice(["24.04.2", "24.10", "22.04.5", "25.04-beta"]),
                                                r.choice(["desktop", "live-server"]))
        if form == 1:
            return "debian-%s-amd64-%s.iso" % (r.choice(["12.9.0", "12.10.0", "13.0.0-rc1"]),
                                                r.choice(["netinst", "DVD-1", "xfce-CD-1"]))
        if form == 2:
            return "Fedora-%s-Live-x86_64-%s" % (r.choice(["Workstation", "KDE", "Server-dvd"]), r.choice(["41-1.4", "42_Beta-1.3"]))
        if form == 3:
            return "archlinux-2026.0%d.01-x86_64.iso" % r.randint(1, 3)
        if form == 4:
            return "linuxmint-%s-%s-64bit.iso" % (r.choice(["22.1", "22"]), r.choice(["cinnamon", "mate", "xfce"]))
        if form == 5:
            return "%s.%d.1080p.%s" % (r.choice(["Big.Buck.Bunny", "Sintel", "Tears.of.Steel", "Cosmos.Laundromat",
                                                  "Elephants.Dream", "Spring.Blender.Open.Movie"]),
                                        r.choice([2008, 2010, 2012, 2015, 2019]), r.choice(["x264-OPEN", "WEB-DL.AAC", "BluRay.x265"]))
        if form == 6:
            return "kali-linux-2026.1-%s-amd64.iso" % r.choice(["installer", "live", "installer-netinst"])
        return ("%s_%s" % (r.choice(["LibreOffice_25.2.1_Linux_x86-64_deb", "blender-4.3.2-linux-x64",
                                     "openSUSE-Tumbleweed-DVD-x86_64-Snapshot2026031%d-Media" % r.randint(0, 3),
                                     "proxmox-ve_8.3-1", "TrueNAS-SCALE-24.10.2"]),
                           r.choice(["", "v2", "iso"]))).rstrip("_")

    dests = ["/downloads/complete/linux-isos", "/downloads/complete/movies",
             "/mnt/nas/software", "/downloads/complete/tv"]
    perf_warns = ["max outstanding disk writes reached", "max outstanding piece requests reached",
                  "upload limit too low (download rate will suffer)",
                  "download limit too low (upload rate will suffer)",
                  "send buffer watermark too low (upload rate will suffer)",
                  "too many optimistic unchoke slots"]
    file_reasons = ["No space left on device", "Permission denied", "Input/output error",
                    "Read-only file system"]

    # --- torrents, each on its own clock
    t = T0 + S.exp_gap(30)
    seen = set()
    while t < END:
        name = torrent_name()
        for _ in range(50):
            if name not in seen:
                break
            name = torrent_name()
        seen.add(name)
        log(t, "N", 'Added new torrent. Torrent: "%s"' % name, "added")
        size_mb = r.lognormvariate(7.6, 0.9)
        rate = r.uniform(1.5, 9.0)                    # MB/s
        tc = t + sec(size_mb / rate) + sec(r.uniform(5, 40))
        if r.random() < 0.10:
            tp = t + sec(r.uniform(10, (tc - t) / NS))
            log(tp, "N", 'Torrent paused. Torrent: "%s"' % name, "paused")
            tr_ = tp + sec(r.uniform(40, 900))
            log(tr_, "N", 'Torrent resumed. Torrent: "%s"' % name, "resumed")
            tc += tr_ - tp
        if r.random() < 0.12:
            tw = t + sec(r.uniform(3, max(4, (tc - t) / NS)))
            log(tw, "I", "Performance alert: %s: performance warning: %s. More info: "
                "https://libtorrent.org/reference-Alerts.html#enum-performance-warning-t" %
                (name, S.cyc("perf", 2, perf_warns)), "perf")
        if r.random() < 0.06:
            tf = t + sec(r.uniform(5, max(6, (tc - t) / NS)))
            fn = name if name.endswith(".iso") else "%s/%s" % (name, r.choice(["sample.mkv", "disk1/pool/main.deb", "readme.txt"]))
            log(tf, "C", 'File error alert. Torrent: "%s". File: "/downloads/incomplete/%s". Reason: "%s"' % (
                name, fn, S.cyc("file_err", 3, file_reasons)), "file_err")
            log(tf + sec(r.uniform(60, 600)), "N", 'Removed torrent. Torrent: "%s"' % name, "removed")
            t += S.exp_gap(75)
            continue
        if r.random() < 0.06:
            te = t + sec(r.uniform(5, max(6, (tc - t) / NS)))
            if r.random() < 0.5:
                log(te, "N", 'Removed torrent and deleted its content. Torrent: "%s"' % name, "removed_del")
            else:
                log(te, "N", 'Removed torrent. Torrent: "%s"' % name, "removed")
            t += S.exp_gap(75)
            continue
        log(tc, "N", 'Torrent download finished. Torrent: "%s"' % name, "finished")
        if r.random() < 0.55:
            d = S.cyc("move", 1, dests)
            log(tc + sec(r.uniform(0.2, 1.0)), "I", 'Start moving torrent. Torrent: "%s". Destination: "%s"' % (name, d), "move_start")
            log(tc + sec(r.uniform(3, 25) + size_mb / 400.0), "I",
                'Successfully moved torrent. Torrent: "%s". Destination: "%s"' % (name, d), "move_ok")
        ts_ = tc + sec(r.uniform(600, 5400))
        x = r.random()
        if x < 0.35:
            log(ts_, "N", 'Torrent reached the share ratio limit. Torrent paused. Torrent: "%s".' % name, "ratio_paused")
        elif x < 0.6:
            log(ts_, "N", 'Torrent reached the share ratio limit. Removed torrent. Torrent: "%s".' % name, "ratio_removed")
        elif x < 0.7:
            log(ts_, "N", 'Removed torrent and deleted its content. Torrent: "%s"' % name, "removed_del")
        t += S.exp_gap(75)

    # --- router reconnects: new external address
    t = T0 + sec(r.uniform(30, 120))
    while t < END:
        log(t, "I", 'Detected external IP. IP: "%s"' % S.cyc(
            "ext_ip", 1, ["81.%d.%d.%d" % (r.randint(2, 250), r.randint(0, 255), r.randint(2, 250)),
                          "2a02:8109:%x:%x::1" % (r.randint(4096, 65535), r.randint(4096, 65535)),
                          "95.%d.%d.%d" % (r.randint(2, 250), r.randint(0, 255), r.randint(2, 250))]), "ext_ip")
        t += sec(r.uniform(1200, 3000))

    # --- Web UI users and a password guesser
    t = T0 + sec(r.uniform(60, 400))
    while t < END:
        log(t, "I", "WebAPI login success. IP: %s" % S.cyc(
            "login_ok", 1, ["::ffff:192.168.1.23", "::ffff:192.168.1.41", "::ffff:10.8.0.6", "fd00::5c1a:2b3f"]), "login_ok")
        t += S.exp_gap(1500)
    t = T0 + sec(r.uniform(600, 1500))
    while t < END:
        ip = "::ffff:%d.%d.%d.%d" % (r.choice([45, 185, 193, 91]), r.randint(2, 250), r.randint(0, 255), r.randint(2, 250))
        user = S.cyc("login_fail", 3, ["admin", "qbittorrent", "root", "user"])
        tb = t
        for n in range(1, r.randint(2, 5) + 1):
            log(tb, "W", "WebAPI login failure. Reason: invalid credentials, attempt count: %d, IP: %s, username: %s" % (
                n, ip, user), "login_fail")
            tb += sec(r.uniform(0.8, 6))
        t += S.exp_gap(2400)
    return S, merge(E.recs)


# ================================================================ write + check
BUILDERS = [build_nodered, build_n8n, build_portainer, build_matomo, build_ghost, build_qbittorrent]


def write(S, rows):
    d = os.path.join(HERE, S.name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, S.name + ".log"), "w", encoding="utf-8", newline="") as f:
        for header, content, _ in rows:
            f.write(header + content + "\n")
    with open(os.path.join(d, S.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_, content, key) in enumerate(rows, 1):
            w.writerow([i, content, S.eid[key], S.tmpl[key]])


def tmpl_regex(t):
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in t.split("<*>")) + "$", re.S)


def check(S):
    errs = []
    d = os.path.join(HERE, S.name)
    with open(os.path.join(d, S.name + ".log"), "r", encoding="utf-8", newline="") as f:
        raw = f.read()
    with open(os.path.join(d, S.name + ".log_structured.csv"), "r", encoding="utf-8", newline="") as f:
        csv_raw = f.read()
    for label, text in (("log", raw), ("csv", csv_raw)):
        if not text.endswith("\n"):
            errs.append("%s does not end with newline" % label)
        if "\r" in text:
            errs.append("%s contains \\r" % label)
    lines = raw.split("\n")[:-1]
    with open(os.path.join(d, S.name + ".log_structured.csv"), "r", encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    if table[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header %r" % table[0])
    rows = table[1:]
    if len(lines) != N_LINES or len(rows) != N_LINES:
        errs.append("line/row count %d/%d" % (len(lines), len(rows)))
    tmpl_of = {}
    counts = {}
    captures = {}
    last_ts = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tmpl = row
        if lid != str(i):
            errs.append("row %d LineId %s" % (i, lid))
        if not content or content != content.strip():
            errs.append("row %d content empty or unstripped" % i)
        if not line.endswith(content):
            errs.append("line %d does not end with content" % i)
            continue
        header = line[: len(line) - len(content)]
        if not S.header_re.match(header):
            errs.append("line %d header %r does not match" % (i, header))
            continue
        ts = S.ts_key(header)
        if ts is not None:
            if last_ts is not None and ts < last_ts:
                errs.append("line %d time goes back" % i)
            last_ts = ts
        if not re.fullmatch(r"E\d+", eid):
            errs.append("row %d bad EventId %s" % (i, eid))
        if tmpl_of.setdefault(eid, tmpl) != tmpl:
            errs.append("EventId %s has two templates" % eid)
        counts[eid] = counts.get(eid, 0) + 1
        m = tmpl_regex(tmpl).match(content)
        if not m:
            errs.append("row %d content %r does not match template %r" % (i, content, tmpl))
            continue
        for j, g in enumerate(m.groups()):
            captures.setdefault((eid, j), set()).add(g)
    if len(set(tmpl_of.values())) != len(tmpl_of):
        errs.append("templates not distinct")
    declared = {S.eid[k]: t for k, t in S.events}
    if set(tmpl_of) != set(declared):
        errs.append("declared vs used events differ: %s" % sorted(set(declared) ^ set(tmpl_of)))
    for eid, t in tmpl_of.items():
        if declared.get(eid) != t:
            errs.append("%s template differs from declaration" % eid)
        for j in range(t.count("<*>")):
            if len(captures.get((eid, j), ())) < 2:
                errs.append("%s slot %d has fewer than 2 distinct values" % (eid, j + 1))
    c = list(counts.values())
    if not 12 <= len(c) <= 15:
        errs.append("%d event types" % len(c))
    if min(c) < 3:
        errs.append("an event has fewer than 3 lines: %s" % {k: v for k, v in counts.items() if v < 3})
    if sum(1 for v in c if 3 <= v <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines")
    med = statistics.median(c)
    if max(c) < 3 * med:
        errs.append("largest %d < 3 x median %s" % (max(c), med))
    return errs, counts, med


def main():
    ok = True
    for b in BUILDERS:
        S, rows = b()
        write(S, rows)
        errs, counts, med = check(S)
        order = sorted(counts, key=lambda e: int(e[1:]))
        print("%-12s %-10s events=%2d median=%-5s max=%-3d  %s" % (
            S.name, S.kind, len(counts), med, max(counts.values()),
            " ".join("%s:%d" % (e, counts[e]) for e in order)))
        for e in errs:
            ok = False
            print("   FAIL:", e)
    print("self-check:", "PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
