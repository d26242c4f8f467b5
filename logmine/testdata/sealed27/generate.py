#!/usr/bin/env python3
"""Sealed 27 corpus generator: six invented system logs with Loghub-style ground truth.

Python 3 standard library only.  Fully deterministic: no wall clock, no locale.
Base seed 20270112; system k (1..6) uses random.Random(20270112 * 10 + k).
Time is an integer nanosecond clock on 2026-03-14 UTC.
"""
import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270112
OUT_DIR = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300

YEAR, MONTH, DAY = 2026, 3, 14
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
WEEKDAY = WEEKDAYS[5]  # 2026-03-14 is a Saturday (checked in self_check)

NS = 1
US = 1000
MS = 1000 * US
SEC = 1000 * MS
MIN = 60 * SEC
HOUR = 60 * MIN


def hms(t):
    """Split a nanosecond-of-day clock value into h, m, s, ns."""
    assert 0 <= t < 24 * HOUR, "clock left the day"
    s, ns = divmod(t, SEC)
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return h, m, s, ns


def ts_date_iso(t, frac=0, sep="T", comma=False, zulu=""):
    h, m, s, ns = hms(t)
    out = "%04d-%02d-%02d%s%02d:%02d:%02d" % (YEAR, MONTH, DAY, sep, h, m, s)
    if frac:
        out += ("," if comma else ".") + ("%09d" % ns)[:frac]
    return out + zulu


def ts_syslog(t):
    h, m, s, _ = hms(t)
    return "%s %2d %02d:%02d:%02d" % (MONTHS[MONTH - 1], DAY, h, m, s)


def ts_rfc2822(t):
    h, m, s, _ = hms(t)
    return "%s, %02d %s %04d %02d:%02d:%02d +0000" % (WEEKDAY, DAY, MONTHS[MONTH - 1], YEAR, h, m, s)


def go_duration(ns):
    """Format like Go's time.Duration.String()."""
    if ns < US:
        return "%dns" % ns
    if ns < MS:
        whole, frac = divmod(ns, US)
        return ("%d.%03d" % (whole, frac)).rstrip("0").rstrip(".") + "\u00b5s"
    if ns < SEC:
        whole, frac = divmod(ns, MS)
        return ("%d.%06d" % (whole, frac)).rstrip("0").rstrip(".") + "ms"
    mins, rest = divmod(ns, MIN)
    whole, frac = divmod(rest, SEC)
    sec = ("%d.%09d" % (whole, frac)).rstrip("0").rstrip(".") + "s"
    return ("%dm" % mins + sec) if mins else sec


# ---------------------------------------------------------------- value helpers
HEX = "0123456789abcdef"


def hexs(rng, n):
    return "".join(rng.choice(HEX) for _ in range(n))


def uuid4(rng):
    h = hexs(rng, 32)
    h = h[:12] + "4" + h[13:16] + rng.choice("89ab") + h[17:]
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def ip10(rng):
    return "10.%d.%d.%d" % (rng.randint(0, 31), rng.randint(0, 255), rng.randint(2, 254))


def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\r" not in v, (template, v)
        out.append(v)
        out.append(p)
    return "".join(out)


def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


# ---------------------------------------------------------------- system model
class System:
    """One log source: declared events, header format, rng and slot pools."""

    def __init__(self, name, k, header_re, header_fn, kind, entities=""):
        self.name = name
        self.k = k
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.header_re = re.compile(header_re)
        self.header_fn = header_fn
        self.kind = kind          # "simulation" or "shuffle"
        self.entities = entities
        self.events = []          # (key, template) in declaration order
        self.index = {}
        self._pools = {}
        self.lines = []           # (t, header, content, eid, template)

    def ev(self, key, template):
        assert key not in self.index
        self.index[key] = len(self.events)
        self.events.append((key, template))

    def cy(self, slot, pool):
        """Cycle through a small pool per (event, slot); pool order shuffled once."""
        st = self._pools.get(slot)
        if st is None:
            order = list(pool)
            self.rng.shuffle(order)
            st = self._pools[slot] = [order, 0]
        order, i = st
        st[1] = i + 1
        return order[i % len(order)]

    def render(self, t, key, values, hdr):
        i = self.index[key]
        template = self.events[i][1]
        content = fill(template, values)
        header = self.header_fn(t, **hdr)
        return (t, header, content, "E%d" % (i + 1), template)


def run_simulation(sysobj, items):
    """items: list of (t, seq, key, values, hdr); merged in time order, first 300 kept."""
    items.sort(key=lambda it: (it[0], it[1]))
    assert len(items) >= N_LINES, (sysobj.name, len(items))
    for t, _seq, key, values, hdr in items[:N_LINES]:
        sysobj.lines.append(sysobj.render(t, key, values, hdr))


def run_shuffle(sysobj, specs, start, mean_gap):
    """specs: list of (key, count, gen) where gen(t) -> (values, hdr)."""
    rng = sysobj.rng
    assert [s[0] for s in specs] == [e[0] for e in sysobj.events]
    assert sum(s[1] for s in specs) == N_LINES, (sysobj.name, sum(s[1] for s in specs))
    gens = {key: gen for key, _count, gen in specs}
    order = [key for key, count, _gen in specs for _ in range(count)]
    rng.shuffle(order)
    t = start
    for key in order:
        t += max(MS, int(rng.expovariate(1.0 / mean_gap)))
        values, hdr = gens[key](t)
        sysobj.lines.append(sysobj.render(t, key, values, hdr))


class Emitter:
    """Collects simulation items with a global sequence number for stable ordering."""

    def __init__(self):
        self.items = []

    def __call__(self, t, key, values, **hdr):
        self.items.append((int(t), len(self.items), key, list(values), hdr))


# ================================================================ 1. EcsAgent (simulation)
def build_ecs():
    def header(t, level="INFO"):
        return "%s [%s] " % (ts_date_iso(t, zulu="Z"), level)

    S = System("EcsAgent", 1,
               r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z \[(?:DEBUG|INFO|WARN|ERROR|CRITICAL)\] ",
               header, "simulation",
               "ECS tasks (1-3 containers each, pulled, created, started, stopped and cleaned up on "
               "their own clocks) plus the ACS websocket session and the image-cleanup loop")
    S.ev("pull", "Task engine [<*>]: pulling image <*> for container <*> concurrently")
    S.ev("pulled", "Task engine [<*>]: finished pulling image <*> in <*>")
    S.ev("cevent", "Managed task [<*>]: got container [<*>] event: [<*>]")
    S.ev("created", "Task engine [<*>]: created docker container for task: <*> -> <*>, took <*>")
    S.ev("started", "Task engine [<*>]: started docker container for task: <*> -> <*>, took <*>")
    S.ev("stopped", "Task engine [<*>]: stopped docker container for task: <*> -> <*>, took <*>")
    S.ev("steady", "Managed task [<*>]: task at steady state: <*>")
    S.ev("sent", "Sending state change to ECS: TaskChange: [<*> -> <*>, Known Sent: <*>]")
    S.ev("cleanup", "Managed task [<*>]: cleaning up task's containers and data")
    S.ev("redundant", "Managed task [<*>]: redundant container state change. <*> to <*>, but already <*>")
    S.ev("acsclosed", "ACS Websocket connection closed for a valid reason")
    S.ev("establish", "Establishing a Websocket connection to <*>")
    S.ev("connected", "Connected to ACS endpoint")
    S.ev("wserr", "Error getting message from ws backend: error: [<*>], messageType: [-1]")
    S.ev("rmimage", "Removing Image: <*>")

    rng = S.rng
    emit = Emitter()
    region, acct, cluster = "eu-west-1", "739152046218", "orders-prod"
    ecr = "%s.dkr.ecr.%s.amazonaws.com" % (acct, region)
    ci_id = hexs(rng, 32)
    agent_hash = hexs(rng, 8)
    families = [
        [("orders-api", ecr + "/orders-api:v2.14.3"),
         ("envoy", "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.27.3.0-prod"),
         ("log-router", "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.2")],
        [("invoice-worker", ecr + "/invoice-worker:3.8.1")],
        [("nginx", "public.ecr.aws/nginx/nginx:1.25-alpine"),
         ("storefront", ecr + "/storefront:2026.03.2")],
        [("report-cron", ecr + "/report-cron:1.4.0")],
        [("payments", ecr + "/payments-svc:v5.2.0"),
         ("xray-daemon", "public.ecr.aws/xray/aws-xray-daemon:3.3.10")],
    ]

    def small():
        return rng.randint(200 * US, 3 * MS)

    start = 9 * HOUR + 41 * MIN + 7 * SEC + rng.randint(0, SEC)
    t = start
    for n in range(30):
        fam = S.cy("family", families)
        arn = "arn:aws:ecs:%s:%s:task/%s/%s" % (region, acct, cluster, hexs(rng, 32))
        ctrs, running_at = [], []
        for i, (name, img) in enumerate(fam):
            tc = t + i * rng.randint(1 * MS, 4 * MS)
            emit(tc, "pull", [arn, img, name])
            pd = rng.randint(300 * MS, 14 * SEC)
            tc += pd
            emit(tc, "pulled", [arn, img, go_duration(pd)])
            emit(tc + small(), "cevent", [arn, name, "PULLED"])
            cd = rng.randint(40 * MS, 600 * MS)
            tc += cd + small()
            did = hexs(rng, 64)
            emit(tc, "created", [arn, name, did, go_duration(cd)])
            tc += small()
            emit(tc, "cevent", [arn, name, "CREATED"])
            sd = rng.randint(90 * MS, 2 * SEC)
            tc += sd
            emit(tc, "started", [arn, name, did, go_duration(sd)])
            tc += small()
            emit(tc, "cevent", [arn, name, "RUNNING"])
            ctrs.append((name, did))
            running_at.append(tc)
        tr = max(running_at) + rng.randint(1 * MS, 8 * MS)
        emit(tr, "steady", [arn, "RUNNING"])
        emit(tr + rng.randint(1 * MS, 30 * MS), "sent", [arn, "RUNNING", "NONE"])
        if n % 3 == 1:
            emit(tr + rng.randint(50 * MS, 3 * SEC), "redundant",
                 [arn, ctrs[-1][0], "RUNNING", "RUNNING"])
        ts = tr + 20 * SEC + int(rng.expovariate(1.0 / (150 * SEC)))
        stopped_at = []
        for name, did in ctrs:
            d = rng.randint(150 * MS, 10 * SEC)
            tc = ts + d
            emit(tc, "stopped", [arn, name, did, go_duration(d)])
            tc += small()
            emit(tc, "cevent", [arn, name, "STOPPED"])
            stopped_at.append(tc)
        tz = max(stopped_at) + small()
        emit(tz, "steady", [arn, "STOPPED"])
        emit(tz + small(), "sent", [arn, "STOPPED", "RUNNING"])
        if n % 3 == 2:
            emit(tz + rng.randint(20 * MS, 900 * MS), "redundant",
                 [arn, ctrs[0][0], "STOPPED", "STOPPED"])
        emit(tz + 60 * SEC + rng.randint(0, 5 * SEC), "cleanup", [arn])
        t += 10 * SEC + int(rng.expovariate(1.0 / (35 * SEC)))

    # ACS websocket session: periodic disconnects and reconnects
    tb, j, seq = start - 30 * SEC, 0, 1
    while tb < start + 60 * MIN:
        tb += rng.randint(45 * SEC, 100 * SEC)
        if j % 2 == 0:
            emit(tb, "acsclosed", [])
        else:
            reason = S.cy("wserr.reason", [
                "websocket: close 1002 (protocol error): Channel long idle: No message is received, close the connection",
                "read tcp 172.31.%d.%d:%d->52.95.%d.%d:443: read: connection reset by peer",
                "websocket: close 1006 (abnormal closure): unexpected EOF",
                "read tcp 172.31.%d.%d:%d->52.95.%d.%d:443: i/o timeout",
            ])
            if "%d" in reason:
                reason = reason % (rng.randint(16, 31), rng.randint(2, 254), rng.randint(32768, 60999),
                                   rng.randint(0, 255), rng.randint(1, 254))
            emit(tb, "wserr", [reason], level="WARN")
        j += 1
        seq += rng.randint(3, 40)
        url = ("https://ecs-a-%d.%s.amazonaws.com/ws?agentHash=%s&agentVersion=1.82.1&clusterArn=%s"
               "&containerInstanceArn=arn%%3Aaws%%3Aecs%%3A%s%%3A%s%%3Acontainer-instance%%2F%s%%2F%s"
               "&dockerVersion=DockerVersion%%3A+20.10.25&protocolVersion=2&sendCredentials=%s&seqNum=%d"
               % (rng.randint(1, 6), region, agent_hash, cluster, region, acct, cluster, ci_id,
                  S.cy("establish.cred", ["true", "false"]), seq))
        te = tb + rng.randint(100 * MS, 2 * SEC)
        emit(te, "establish", [url])
        emit(te + rng.randint(40 * MS, 400 * MS), "connected", [])

    # image cleanup loop
    old_images = [ecr + "/orders-api:v2.14.1", ecr + "/orders-api:v2.13.9", ecr + "/storefront:2026.02.4",
                  "public.ecr.aws/nginx/nginx:1.24-alpine", ecr + "/invoice-worker:3.7.12",
                  ecr + "/payments-svc:v5.1.7"]
    tb = start + 1 * MIN
    while tb < start + 60 * MIN:
        tb += rng.randint(100 * SEC, 180 * SEC)
        for i in range(rng.randint(1, 2)):
            emit(tb + i * rng.randint(5 * MS, 900 * MS), "rmimage", [S.cy("rmimage.img", old_images)])

    run_simulation(S, emit.items)
    return S


# ================================================================ 2. SsmAgent (simulation)
def build_ssm():
    def header(t, level="INFO", tags=()):
        return "%s %s %s" % (ts_date_iso(t, sep=" "), level, "".join("[%s] " % x for x in tags))

    S = System("SsmAgent", 2,
               r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} (?:DEBUG|INFO|WARN|ERROR|CRITICAL) (?:\[[\w.:=-]+\] )*",
               header, "simulation",
               "Run Command invocations (document worker and plugins) and Session Manager sessions "
               "(data channel and stream messages) on their own clocks, plus the health-check loop and "
               "control-channel reconnects")
    S.ev("health", "HealthCheck reporting agent health.")
    S.ev("longrun", "There are no long running plugins currently getting executed - skipping their healthcheck")
    S.ev("recv", "Received message with messageId <*> and topic <*>")
    S.ev("reply", "Sending reply for command <*> with overall status <*>")
    S.ev("wstart", "document: <*> worker started")
    S.ev("wstop", "document: <*> worker stopped")
    S.ev("run", "Running plugin <*>")
    S.ev("result", "Plugin <*> ResultStatus <*>")
    S.ev("dcsetup", "Setting up datachannel for session: <*>, requestId: <*>, clientId: <*>")
    S.ev("open", "Opening websocket connection to: <*>")
    S.ev("opened", "Successfully opened websocket connection to: <*>")
    S.ev("stream", "Received stream data message with sequence number: <*>")
    S.ev("close", "Closing datachannel for session: <*>")
    S.ev("ccerr", "error while reading message from control channel: <*>")
    S.ev("ccsetup", "Setting up websocket for controlchannel for instance: i-0f3a8c21d94b7e065, requestId: <*>")

    rng = S.rng
    emit = Emitter()
    region, iid = "ap-southeast-2", "i-0f3a8c21d94b7e065"
    MGS = ("ssm-agent-worker", "MessageService", "MGSInteractor")
    MH = ("ssm-agent-worker", "MessageService", "MessageHandler")
    EXE = MH + ("CommandProcessor", "EngineProcessor", "OutOfProcExecuter")
    docs = [["aws:runShellScript"], ["aws:configurePackage"], ["aws:updateSsmAgent"],
            ["aws:softwareInventory"], ["aws:downloadContent", "aws:runShellScript"],
            ["aws:runShellScript"], ["aws:runDocument", "aws:runShellScript"]]
    users = ["deploy-bot", "mkowalski", "t.nguyen", "ops-oncall", "rpatel", "jhalvorsen"]

    start = 14 * HOUR + 3 * MIN + 12 * SEC + rng.randint(0, SEC)
    end = start + 40 * MIN

    # Run Command invocations
    t = start + rng.randint(5 * SEC, 40 * SEC)
    while t < end:
        cid, mid = uuid4(rng), uuid4(rng)
        doc = S.cy("doc", docs)
        dtags = ("ssm-document-worker", "%s.%s" % (cid, iid))
        emit(t, "recv", [mid, "aws.ssm.sendCommand"], tags=MGS)
        tc = t + rng.randint(5 * MS, 40 * MS)
        emit(tc, "reply", [cid, "InProgress"], tags=MH)
        tc += rng.randint(40 * MS, 200 * MS)
        emit(tc, "wstart", [cid], tags=EXE)
        tc += rng.randint(100 * MS, 600 * MS)
        failed = False
        for p in doc:
            emit(tc, "run", [p], tags=dtags)
            tc += rng.randint(200 * MS, 3 * SEC) + int(rng.expovariate(1.0 / (8 * SEC)))
            st = S.cy("result.status", ["Success", "Success", "Success", "Success", "Failed"])
            failed = failed or st == "Failed"
            emit(tc, "result", [p, st], tags=dtags + ("pluginName=" + p,))
            if st == "Failed":
                break
            tc += rng.randint(5 * MS, 50 * MS)
        tc += rng.randint(20 * MS, 300 * MS)
        emit(tc, "wstop", [cid], tags=EXE)
        emit(tc + rng.randint(5 * MS, 60 * MS), "reply", [cid, "Failed" if failed else "Success"], tags=MH)
        t += 15 * SEC + int(rng.expovariate(1.0 / (75 * SEC)))

    # Session Manager sessions
    t = start + rng.randint(20 * SEC, 90 * SEC)
    while t < end:
        sid = "%s-%s" % (S.cy("session.user", users), hexs(rng, 17))
        stags = ("ssm-session-worker", sid)
        emit(t, "recv", [uuid4(rng), "aws.ssm.startSession"], tags=MGS)
        tc = t + rng.randint(30 * MS, 150 * MS)
        emit(tc, "dcsetup", [sid, uuid4(rng), uuid4(rng)], tags=stags)
        url = "wss://ssmmessages.%s.amazonaws.com/v1/data-channel/%s?role=publish_subscribe" % (region, sid)
        tc += rng.randint(5 * MS, 30 * MS)
        emit(tc, "open", [url], tags=stags)
        tc += rng.randint(80 * MS, 400 * MS)
        emit(tc, "opened", [url], tags=stags)
        for sq in range(rng.randint(4, 22)):
            tc += rng.randint(50 * MS, 500 * MS) + int(rng.expovariate(1.0 / (5 * SEC)))
            emit(tc, "stream", [sq], tags=stags + ("DataBackend",))
        tc += rng.randint(1 * SEC, 20 * SEC)
        emit(tc, "recv", [uuid4(rng), "aws.ssm.terminateSession"], tags=MGS)
        emit(tc + rng.randint(10 * MS, 120 * MS), "close", [sid], tags=stags)
        t += 30 * SEC + int(rng.expovariate(1.0 / (120 * SEC)))

    # background loops
    tb = start + rng.randint(10 * SEC, 200 * SEC)
    while tb < end:
        emit(tb, "health", [], tags=("HealthCheck",))
        tb += 300 * SEC + rng.randint(0, 400 * MS)
    tb = start + rng.randint(30 * SEC, 200 * SEC)
    while tb < end:
        emit(tb, "longrun", [], tags=("ssm-agent-worker", "LongRunningPluginsManager"))
        tb += 300 * SEC + rng.randint(0, 900 * MS)
    tb = start
    cc_url = "wss://ssmmessages.%s.amazonaws.com/v1/control-channel/%s?role=subscribe&stream=input" % (region, iid)
    while tb < end:
        tb += rng.randint(4 * MIN, 8 * MIN)
        reason = S.cy("ccerr.reason", [
            "websocket: close 1006 (abnormal closure): unexpected EOF",
            "read tcp 10.0.%d.%d:%d->52.94.%d.%d:443: read: connection timed out",
            "websocket: close 1001 (going away): Control channel closed by the service",
        ])
        if "%d" in reason:
            reason = reason % (rng.randint(0, 15), rng.randint(2, 254), rng.randint(32768, 60999),
                               rng.randint(0, 255), rng.randint(1, 254))
        emit(tb, "ccerr", [reason], level="ERROR", tags=MGS)
        tc = tb + rng.randint(1 * SEC, 5 * SEC)
        emit(tc, "ccsetup", [uuid4(rng)], tags=("ssm-agent-worker", "MessageService", "MGSInteractor"))
        tc += rng.randint(5 * MS, 40 * MS)
        emit(tc, "open", [cc_url], tags=MGS)
        emit(tc + rng.randint(60 * MS, 300 * MS), "opened", [cc_url], tags=MGS)

    run_simulation(S, emit.items)
    return S


# ================================================================ 3. CloudInit (shuffle)
def build_cloudinit():
    def header(t, mod="util.py", level="DEBUG"):
        return "%s - %s[%s]: " % (ts_date_iso(t, frac=3, sep=" ", comma=True), mod, level)

    S = System("CloudInit", 3,
               r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3} - [\w.]+\.py\[(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\]: ",
               header, "shuffle")
    ver = "24.4.1-0ubuntu0~24.04.1"
    S.ev("reading", "Reading from <*> (quiet=False)")
    S.ev("read", "Read <*> bytes from <*>")
    S.ev("writing", "Writing to <*> - wb: [<*>] <*> bytes")
    S.ev("subp", "Running command <*> with allowed return codes [0] (shell=False, capture=True)")
    S.ev("module", "Running module <*> (<*>) with frequency <*>")
    S.ev("start", "start: <*>: running <*> with frequency <*>")
    S.ev("finish_ok", "finish: <*>: SUCCESS: <*> ran successfully")
    S.ev("finish_fail", "finish: <*>: FAIL: running <*> with frequency <*>")
    S.ev("already", "<*> already ran (freq=once-per-instance)")
    S.ev("open", "[<*>/<*>] open '<*>' with {'url': '<*>', 'stream': False, 'allow_redirects': True, "
                 "'method': '<*>', 'timeout': <*>, 'headers': {'User-Agent': 'Cloud-Init/" + ver + "'}} configuration")
    S.ev("readurl", "Read from <*> (<*>, <*>) after <*> attempts")
    S.ev("yaml", "Attempting to load yaml from string of length <*> with allowed root types <*>")
    S.ev("failed", "Failed running <*> [<*>]")
    S.ev("running", "Cloud-init v. " + ver + " running '<*>' at <*>. Up <*> seconds.")
    S.ev("finished", "Cloud-init v. " + ver + " finished at <*>. Datasource DataSourceEc2Local.  Up <*> seconds")

    rng = S.rng
    iid = "i-0b7d3e91c4a25f608"
    reads = [("/proc/uptime", 10, 16), ("/etc/cloud/cloud.cfg", 3000, 4200),
             ("/var/lib/cloud/data/instance-id", 20, 20), ("/etc/os-release", 380, 400),
             ("/proc/cmdline", 120, 220), ("/etc/hosts", 200, 420),
             ("/run/cloud-init/instance-data.json", 5000, 9000), ("/etc/ssh/sshd_config", 3200, 3300),
             ("/sys/class/net/ens5/address", 18, 18), ("/var/lib/cloud/instance/obj.pkl", 8000, 30000)]
    mods = [("seed_random", "init-network", "once-per-instance"), ("bootcmd", "init-network", "always"),
            ("write_files", "init-network", "once-per-instance"), ("growpart", "init-network", "always"),
            ("resizefs", "init-network", "always"), ("mounts", "init-network", "once-per-instance"),
            ("set_hostname", "init-network", "once-per-instance"), ("update_hostname", "init-network", "always"),
            ("update_etc_hosts", "init-network", "always"), ("users_groups", "init-network", "once-per-instance"),
            ("ssh", "init-network", "once-per-instance"), ("set_passwords", "init-network", "once-per-instance"),
            ("locale", "modules-config", "once-per-instance"), ("apt_configure", "modules-config", "once-per-instance"),
            ("ntp", "modules-config", "once-per-instance"), ("timezone", "modules-config", "once-per-instance"),
            ("runcmd", "modules-config", "once-per-instance"),
            ("package_update_upgrade_install", "modules-final", "once-per-instance"),
            ("scripts_per_boot", "modules-final", "always"), ("scripts_user", "modules-final", "once-per-instance"),
            ("ssh_authkey_fingerprints", "modules-final", "once-per-instance"),
            ("keys_to_console", "modules-final", "once-per-instance"), ("final_message", "modules-final", "always")]
    once_mods = [m for m in mods if m[2] == "once-per-instance"]
    writes = [("/var/lib/cloud/instances/%s/sem/config_%%s" % iid, "644", 20, 26),
              ("/etc/hostname", "644", 14, 22), ("/var/lib/cloud/data/previous-hostname", "644", 14, 22),
              ("/home/ubuntu/.ssh/authorized_keys", "600", 390, 1250),
              ("/var/lib/cloud/instance/boot-finished", "644", 60, 72),
              ("/etc/netplan/50-cloud-init.yaml", "600", 380, 720),
              ("/run/cloud-init/result.json", "644", 80, 130),
              ("/var/lib/cloud/instance/scripts/part-001", "700", 300, 2100),
              ("/etc/ssh/sshd_config.d/60-cloudimg-settings.conf", "644", 26, 26)]
    cmds = ["['systemctl', 'restart', 'ssh']", "['netplan', 'generate']", "['udevadm', 'settle']",
            "['ssh-keygen', '-t', 'ed25519', '-N', '', '-f', '/etc/ssh/ssh_host_ed25519_key']",
            "['hostnamectl', 'set-hostname', 'ip-10-40-3-117']", "['ip', '--json', 'addr']",
            "['growpart', '/dev/nvme0n1', '1']", "['resize2fs', '/dev/nvme0n1p1']",
            "['lsblk', '--pairs', '--nodeps', '-o', 'NAME,FSTYPE,LABEL']", "['locale-gen', 'en_US.UTF-8']"]
    imds = "http://169.254.169.254"
    urls = [(imds + "/latest/api/token", "PUT"), (imds + "/2021-03-23/meta-data/instance-id", "GET"),
            (imds + "/2021-03-23/meta-data/", "GET"), (imds + "/2021-03-23/user-data", "GET"),
            (imds + "/2021-03-23/dynamic/instance-identity/document", "GET"),
            (imds + "/2021-03-23/meta-data/network/interfaces/macs/", "GET"),
            (imds + "/2021-03-23/meta-data/public-keys/", "GET")]

    def g_reading(t):
        return [S.cy("reading.path", [r[0] for r in reads])], {}

    def g_read(t):
        path, lo, hi = S.cy("read.path", reads)
        return [rng.randint(lo, hi), path], {}

    def g_writing(t):
        path, mode, lo, hi = S.cy("writing.path", writes)
        if "%s" in path:
            path = path % rng.choice(once_mods)[0]
        return [path, mode, rng.randint(lo, hi)], {}

    def g_subp(t):
        return [S.cy("subp.cmd", cmds)], {"mod": "subp.py"}

    def g_module(t):
        name, _stage, freq = S.cy("module.mod", mods)
        rep = "<module 'cloudinit.config.cc_%s' from '/usr/lib/python3/dist-packages/cloudinit/config/cc_%s.py'>" % (name, name)
        return [name, rep, freq], {"mod": "modules.py"}

    def g_start(t):
        name, stage, freq = S.cy("start.mod", mods)
        return ["%s/config-%s" % (stage, name), "config-" + name, freq], {"mod": "handlers.py"}

    def g_finish_ok(t):
        name, stage, _freq = S.cy("finish_ok.mod", mods)
        return ["%s/config-%s" % (stage, name), "config-" + name], {"mod": "handlers.py"}

    def g_finish_fail(t):
        name, stage, freq = S.cy("finish_fail.mod", [("scripts_user", "modules-final", "once-per-instance"),
                                                     ("scripts_per_boot", "modules-final", "always"),
                                                     ("growpart", "init-network", "always")])
        return ["%s/config-%s" % (stage, name), "config-" + name, freq], {"mod": "handlers.py"}

    def g_already(t):
        return ["config-" + S.cy("already.mod", once_mods)[0]], {"mod": "helpers.py"}

    def g_open(t):
        url, method = S.cy("open.url", urls)
        i, n = S.cy("open.attempt", [(0, 1), (0, 6), (1, 6), (0, 6), (2, 6)])
        return [i, n, url, url, method, S.cy("open.timeout", ["5.0", "50.0", "1.0"])], {"mod": "url_helper.py"}

    def g_readurl(t):
        url, _m = S.cy("readurl.url", urls)
        return [url, S.cy("readurl.code", ["200", "200", "200", "404"]), "%db" % rng.randint(2, 6200),
                S.cy("readurl.n", ["1", "1", "2", "1", "3"])], {"mod": "url_helper.py"}

    def g_yaml(t):
        return [rng.randint(180, 9400), S.cy("yaml.types", ["(<class 'dict'>,)", "(<class 'dict'>, <class 'list'>)"])], {}

    def g_failed(t):
        return [S.cy("failed.script", ["/var/lib/cloud/instance/scripts/part-001",
                                       "/var/lib/cloud/instance/scripts/runcmd",
                                       "/var/lib/cloud/scripts/per-boot/10-mount-data.sh"]),
                S.cy("failed.rc", ["1", "2", "127"])], {"level": "WARNING"}

    def g_running(t):
        return [S.cy("running.stage", ["init-local", "init", "modules:config", "modules:final"]),
                ts_rfc2822(t), "%.2f" % rng.uniform(4.0, 61.0)], {}

    def g_finished(t):
        return [ts_rfc2822(t), "%.2f" % rng.uniform(22.0, 95.0)], {}

    specs = [("reading", 62, g_reading), ("read", 38, g_read), ("writing", 30, g_writing),
             ("subp", 25, g_subp), ("module", 22, g_module), ("start", 22, g_start),
             ("finish_ok", 20, g_finish_ok), ("finish_fail", 4, g_finish_fail), ("already", 18, g_already),
             ("open", 20, g_open), ("readurl", 18, g_readurl), ("yaml", 9, g_yaml), ("failed", 3, g_failed),
             ("running", 6, g_running), ("finished", 3, g_finished)]
    run_shuffle(S, specs, 6 * HOUR + 12 * MIN + 44 * SEC + rng.randint(0, SEC), 1400 * MS)
    return S


# ================================================================ 4. WaAgent (shuffle)
def build_waagent():
    def header(t, level="INFO", thread="ExtHandler", prefix="ExtHandler"):
        return "%s %s %s %s" % (ts_date_iso(t, frac=6, zulu="Z"), level, thread,
                                (prefix + " ") if prefix else "")

    S = System("WaAgent", 4,
               r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z (?:VERBOSE|INFO|WARNING|ERROR) [A-Za-z]+ "
               r"(?:(?:ExtHandler|Daemon|\[[\w.]+-[\d.]+\]) )?",
               header, "shuffle")
    S.ev("heartbeat", "[HEARTBEAT] Agent WALinuxAgent-<*> is running as the goal state agent [DEBUG "
                      "HeartbeatCounter: <*>;HeartbeatId: <*>;DroppedPackets: 0;UpdateGSErrors: 0;AutoUpdate: 1]")
    S.ev("pegs_start", "ProcessExtensionsGoalState started [<*> <*>]")
    S.ev("pegs_done", "ProcessExtensionsGoalState completed [<*> <*> ms]")
    S.ev("target", "Target handler state: <*> [<*>]")
    S.ev("install", "Install extension [<*>]")
    S.ev("enable", "Enable extension [<*>]")
    S.ev("disable", "Disable extension [<*>]")
    S.ev("exec", "Executing command: <*> with environment variables: {\"AZURE_GUEST_AGENT_EXTENSION_PATH\": "
                 "\"<*>\", \"AZURE_GUEST_AGENT_EXTENSION_VERSION\": \"<*>\", "
                 "\"AZURE_GUEST_AGENT_WIRE_PROTOCOL_ADDRESS\": \"168.63.129.16\", \"ConfigSequenceNumber\": \"<*>\"}")
    S.ev("cert", "Downloaded certificate {'thumbprint': '<*>', 'hasPrivateKey': <*>}")
    S.ev("incarnation", "Fetched a new incarnation for the WireServer goal state [incarnation <*>]")
    S.ev("gserr", "Error fetching the goal state: <*>")
    S.ev("cg_start", "Started tracking cgroup <*> [<*>]")
    S.ev("cg_stop", "Stopped tracking cgroup <*> [<*>]")
    S.ev("update", "Agent WALinuxAgent-<*> discovered update WALinuxAgent-<*> -- exiting")

    rng = S.rng
    exts = [("Microsoft.Azure.Extensions.CustomScript", "2.1.10", "bin/custom-script-shim %s"),
            ("Microsoft.Azure.Monitor.AzureMonitorLinuxAgent", "1.29.6", "./shim.sh -%s"),
            ("Microsoft.CPlat.Core.RunCommandLinux", "1.0.5", "bin/run-command-shim %s"),
            ("Microsoft.OSTCExtensions.VMAccessForLinux", "1.5.18", "extension_shim.sh -c vmaccess.py -%s"),
            ("Microsoft.GuestConfiguration.ConfigurationforLinux", "1.26.79", "bin/guest-configuration-shim %s"),
            ("Microsoft.Azure.Security.Monitoring.AzureSecurityLinuxAgent", "2.22.48", "bin/ASAHandler %s")]
    versions = ["2.10.0.8", "2.11.1.4"]
    hb_ids = {v: uuid4(rng).upper() for v in versions}
    hb_count = {v: rng.randint(40, 900) for v in versions}

    def ext_prefix(e):
        return "[%s-%s]" % (e[0], e[1])

    def cgroup(e):
        return ("/sys/fs/cgroup/cpu,cpuacct/azure.slice/azure-vmextensions.slice/"
                "azure-vmextensions-%s_%s.slice" % (e[0], e[1]))

    gs = {"inc": rng.randint(3, 9)}

    def inc():
        return gs["inc"]

    def g_heartbeat(t):
        v = S.cy("heartbeat.ver", versions)
        hb_count[v] += rng.randint(1, 4)
        return [v, hb_count[v], hb_ids[v]], {}

    def g_pegs_start(t):
        return ["incarnation_%d" % inc(), ts_date_iso(t - rng.randint(300 * MS, 40 * SEC), frac=3, zulu="Z")], {}

    def g_pegs_done(t):
        return ["incarnation_%d" % inc(), rng.randint(180, 9200)], {}

    def g_target(t):
        e = S.cy("target.ext", exts)
        st = S.cy("target.state", ["enabled", "enabled", "enabled", "enabled", "disabled"])
        return [st, "incarnation_%d" % inc()], {"prefix": ext_prefix(e)}

    def g_op(op):
        def g(t):
            e = S.cy(op + ".ext", exts)
            return [e[2] % op], {"prefix": ext_prefix(e)}
        return g

    def g_exec(t):
        e = S.cy("exec.ext", exts)
        op = S.cy("exec.op", ["enable", "enable", "install", "disable", "update", "enable"])
        path = "/var/lib/waagent/%s-%s" % (e[0], e[1])
        return ["%s/%s" % (path, e[2] % op), path, e[1], rng.randint(0, 14)], {"prefix": ext_prefix(e)}

    def g_cert(t):
        th = S.cy("cert.thread", ["ExtHandler", "ExtHandler", "Daemon"])
        return [hexs(rng, 40).upper(), S.cy("cert.pk", ["True", "False", "True"])], {"thread": th, "prefix": th}

    def g_incarnation(t):
        gs["inc"] += 1
        return [inc()], {}

    def g_gserr(t):
        th = S.cy("gserr.thread", ["ExtHandler", "Daemon"])
        reason = S.cy("gserr.reason", [
            "[ProtocolError] [Wireserver Exception] [HttpError] [HTTP Failed] GET "
            "http://168.63.129.16/machine/?comp=goalstate -- IOError timed out -- 6 attempts made",
            "[ProtocolError] [Wireserver Exception] [HttpError] [HTTP Failed] GET "
            "http://168.63.129.16/machine/?comp=goalstate -- IOError [Errno 104] Connection reset by peer -- 6 attempts made",
            "[ResourceGoneError] [HTTP Failed] [410: Gone] The page you requested was removed.",
        ])
        return [reason], {"level": "WARNING", "thread": th, "prefix": th}

    def g_cg_start(t):
        e = S.cy("cg_start.ext", exts)
        return ["%s-%s" % (e[0], e[1]), cgroup(e)], {"prefix": ext_prefix(e)}

    def g_cg_stop(t):
        e = S.cy("cg_stop.ext", exts)
        return ["%s-%s" % (e[0], e[1]), cgroup(e)], {"thread": "MonitorHandler"}

    def g_update(t):
        a, b = S.cy("update.pair", [("2.10.0.8", "2.11.1.4"), ("2.11.1.4", "2.12.0.2")])
        return [a, b], {}

    specs = [("heartbeat", 18, g_heartbeat), ("pegs_start", 30, g_pegs_start), ("pegs_done", 30, g_pegs_done),
             ("target", 80, g_target), ("install", 8, g_op("install")), ("enable", 24, g_op("enable")),
             ("disable", 5, g_op("disable")), ("exec", 37, g_exec), ("cert", 12, g_cert),
             ("incarnation", 28, g_incarnation), ("gserr", 4, g_gserr), ("cg_start", 15, g_cg_start),
             ("cg_stop", 6, g_cg_stop), ("update", 3, g_update)]
    run_shuffle(S, specs, 7 * HOUR + 2 * MIN + 51 * SEC + rng.randint(0, SEC), 9 * SEC)
    return S


# ================================================================ 5. GoogleGuestAgent (shuffle)
def build_google():
    host = "ci-runner-04"
    state = {"pid": 0}

    def header(t, sev=None, src=None):
        extra = ("%s %s " % (sev, src)) if sev else ""
        return "%s %s google_guest_agent[%d]: %s" % (ts_syslog(t), host, state["pid"], extra)

    S = System("GoogleGuestAgent", 5,
               r"[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} [\w.-]+ google_guest_agent\[\d+\]: "
               r"(?:(?:DEBUG|INFO|WARNING|ERROR|CRITICAL) \w+\.go:\d+ )?",
               header, "shuffle")
    S.ev("create", "Creating user <*>.")
    S.ev("upkeys", "Updating keys for user <*>.")
    S.ev("rmuser", "Removing user <*>.")
    S.ev("addsudo", "Adding existing user <*> to google-sudoers group.")
    S.ev("rmsudo", "Removing user <*> from google-sudoers group.")
    S.ev("fwd", "Changing forwarded IPs for <*> from <*> to <*> by adding <*> and removing <*>.")
    S.ev("clock", "Clock drift token has changed: <*>.")
    S.ev("oslogin_on", "Enabling OS Login")
    S.ev("oslogin_off", "Disabling OS Login")
    S.ev("started", "GCE Agent Started (version <*>)")
    S.ev("mderr", "Error watching metadata: <*>")
    S.ev("scriptfail", "Failed to run \"<*>\" script: <*>")
    S.ev("idchanged", "Instance ID changed, running first-boot actions")
    S.ev("errcreate", "Error creating user: <*>")

    rng = S.rng
    state["pid"] = rng.randint(600, 1400)
    users = ["jdoe", "priya_k", "mokafor", "ci_runner", "lchen", "tbauer", "anna_ivanova", "svc_backup", "rgarcia"]
    macs = ["42:01:0a:80:00:%02x" % rng.randint(2, 250), "42:01:0a:8c:00:%02x" % rng.randint(2, 250)]
    fwd_pool = ["34.117.%d.%d" % (rng.randint(0, 255), rng.randint(1, 254)) for _ in range(2)] + \
               ["10.128.0.%d" % rng.randint(2, 250) for _ in range(2)]
    fwd_state = {m: [] for m in macs}

    def golist(xs):
        return "[" + " ".join(xs) + "]"

    def g_user(ev):
        def g(t):
            return [S.cy(ev + ".user", users)], {}
        return g

    def g_fwd(t):
        mac = S.cy("fwd.mac", macs)
        old = fwd_state[mac]
        while True:
            new = sorted(rng.sample(fwd_pool, rng.randint(0, 2)))
            if new != old:
                break
        fwd_state[mac] = new
        add = [x for x in new if x not in old]
        rem = [x for x in old if x not in new]
        return [mac, golist(old), golist(new), golist(add), golist(rem)], {}

    def g_clock(t):
        return [str(rng.randint(10 ** 9, 10 ** 10 - 1))], {}

    def g_const(t):
        return [], {}

    def g_started(t):
        state["pid"] = rng.randint(600, 1400)
        return [S.cy("started.ver", ["20251118.00", "20260211.01"])], {}

    def g_mderr(t):
        etag = hexs(rng, 16)
        q = "http://169.254.169.254/computeMetadata/v1/?alt=json&last_etag=%s&recursive=true&timeout=60&wait_for_change=true" % etag
        reason = S.cy("mderr.reason", [
            "network error when requesting metadata, make sure your instance has an active network and can "
            "reach the metadata server: Get \"%s\": dial tcp 169.254.169.254:80: connect: network is unreachable" % q,
            "Get \"%s\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)" % q,
            "Get \"%s\": read tcp 10.128.0.%d:%d->169.254.169.254:80: read: connection reset by peer"
            % (q, rng.randint(2, 250), rng.randint(32768, 60999)),
            "unexpected end of JSON input",
        ])
        return [reason], {"sev": "ERROR", "src": "metadata.go:%d" % 218}

    def g_scriptfail(t):
        script = S.cy("scriptfail.script", ["google_set_multiqueue", "google_optimize_local_ssd"])
        err = S.cy("scriptfail.err", ["exec: \"%s\": executable file not found in $PATH" % script,
                                      "exit status 1", "exit status 2"])
        return [script, err], {"sev": "WARNING", "src": "instance_setup.go:159"}

    def g_errcreate(t):
        u = S.cy("errcreate.user", users)
        err = S.cy("errcreate.err", ["useradd: group 'docker' does not exist",
                                     "useradd: user '%s' already exists" % u,
                                     "exit status 9",
                                     "useradd: cannot lock /etc/passwd; try again later."])
        return [err], {"sev": "ERROR", "src": "non_windows_accounts.go:144"}

    specs = [("create", 14, g_user("create")), ("upkeys", 104, g_user("upkeys")), ("rmuser", 9, g_user("rmuser")),
             ("addsudo", 30, g_user("addsudo")), ("rmsudo", 7, g_user("rmsudo")), ("fwd", 52, g_fwd),
             ("clock", 37, g_clock), ("oslogin_on", 4, g_const), ("oslogin_off", 3, g_const),
             ("started", 5, g_started), ("mderr", 20, g_mderr), ("scriptfail", 6, g_scriptfail),
             ("idchanged", 3, g_const), ("errcreate", 6, g_errcreate)]
    run_shuffle(S, specs, 8 * HOUR + 25 * MIN + 3 * SEC + rng.randint(0, SEC), 40 * SEC)
    return S


# ================================================================ 6. Ignition (shuffle)
def build_ignition():
    def header(t, pid=0, lvl=None):
        extra = ("%-9s: " % lvl) if lvl else ""
        return "%s localhost ignition[%d]: %s" % (ts_syslog(t), pid, extra)

    S = System("Ignition", 6,
               r"[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} [\w.-]+ ignition\[\d+\]: "
               r"(?:(?:DEBUG|INFO|NOTICE|WARNING|ERROR|CRITICAL) *: )?",
               header, "shuffle")
    S.ev("version", "Ignition 2.19.0")
    S.ev("stage", "Stage: <*>")
    S.ev("noconfigs", "no configs at \"<*>\"")
    S.ev("getattempt", "GET <*>: attempt #<*>")
    S.ev("getresult", "GET result: <*>")
    S.ev("geterror", "GET error: <*>")
    S.ev("sha", "parsing config with SHA512: <*>")
    S.ev("wstart", "files: createFilesystemsFiles: createFiles: op(<*>): [started]  writing file \"<*>\"")
    S.ev("wfinish", "files: createFilesystemsFiles: createFiles: op(<*>): [finished] writing file \"<*>\"")
    S.ev("ustart", "files: op(<*>): [started]  processing unit \"<*>\"")
    S.ev("ufinish", "files: op(<*>): [finished] processing unit \"<*>\"")
    S.ev("dropin", "files: op(<*>): op(<*>): [started]  writing systemd drop-in \"<*>\" at \"<*>\"")
    S.ev("sshkeys", "files: ensureUsers: op(<*>): [started]  adding ssh keys to user \"<*>\"")
    S.ev("passed", "<*>: <*> passed")
    S.ev("referenced", "fetched referenced user config from \"<*>\"")

    rng = S.rng
    stages = ["fetch-offline", "fetch", "kargs", "disks", "mount", "files", "umount"]
    pids, p = {}, rng.randint(480, 560)
    for st in stages:
        p += rng.randint(9, 40)
        pids[st] = p
    files = ["/sysroot/etc/hostname", "/sysroot/etc/systemd/network/10-eth0.network",
             "/sysroot/opt/bin/kubelet", "/sysroot/etc/kubernetes/kubeconfig", "/sysroot/home/core/.bashrc",
             "/sysroot/etc/sysctl.d/90-k8s.conf", "/sysroot/etc/flatcar/update.conf",
             "/sysroot/etc/docker/daemon.json", "/sysroot/etc/ssh/sshd_config.d/10-hardening.conf",
             "/sysroot/opt/extensions/kubernetes/kubernetes-v1.29.2-x86-64.raw",
             "/sysroot/etc/modules-load.d/br_netfilter.conf", "/sysroot/etc/containerd/config.toml"]
    units = ["containerd.service", "kubelet.service", "docker.socket", "node-exporter.service",
             "update-engine.service", "locksmithd.service", "systemd-networkd-wait-online.service"]
    ref_urls = ["https://ignition.infra.corp-example.net/configs/worker-v12.ign",
                "https://ignition.infra.corp-example.net/configs/common/base.ign",
                "s3://bootstrap-cfg-euc1/nodes/pool-b/user.ign"]
    get_urls = ["http://169.254.169.254/2019-10-01/user-data"] + [u for u in ref_urls if u.startswith("https")]

    def op():
        return "%x" % rng.randint(1, 0x3f)

    def hdr(stage, lvl="INFO"):
        return {"pid": pids[stage], "lvl": lvl if rng.random() < 0.4 else None}

    def g_version(t):
        return [], hdr(S.cy("version.stage", stages))

    def g_stage(t):
        st = S.cy("stage.stage", stages)
        return [st], hdr(st)

    def g_noconfigs(t):
        return [S.cy("noconfigs.dir", ["/usr/lib/ignition/base.d", "/usr/lib/ignition/base.platform.d/aws"])], \
            hdr(S.cy("noconfigs.stage", ["fetch-offline", "fetch"]))

    def g_getattempt(t):
        return [S.cy("getattempt.url", get_urls), S.cy("getattempt.n", ["1", "1", "2", "1", "3", "4"])], hdr("fetch")

    def g_getresult(t):
        return [S.cy("getresult.res", ["OK", "OK", "OK", "OK", "Not Found"])], hdr("fetch")

    def g_geterror(t):
        url = S.cy("geterror.url", get_urls)
        host = url.split("/")[2]
        err = S.cy("geterror.err", [
            "Get \"%s\": dial tcp %s:80: connect: network is unreachable" % (url, host),
            "Get \"%s\": dial tcp: lookup %s on 10.0.0.2:53: no such host" % (url, host),
            "Get \"%s\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)" % url,
        ])
        return [err], hdr("fetch", "WARNING")

    def g_sha(t):
        return [hexs(rng, 128)], hdr(S.cy("sha.stage", ["fetch-offline", "fetch"]))

    def g_write(ev):
        def g(t):
            return [op(), S.cy(ev + ".file", files)], hdr("files")
        return g

    def g_unit(ev):
        def g(t):
            return [op(), S.cy(ev + ".unit", units)], hdr("files")
        return g

    def g_dropin(t):
        unit = S.cy("dropin.unit", units)
        name = S.cy("dropin.name", ["10-custom.conf", "20-proxy.conf", "50-kubeadm.conf"])
        return [op(), op(), name, "/sysroot/etc/systemd/system/%s.d/%s" % (unit, name)], hdr("files")

    def g_sshkeys(t):
        return [op(), S.cy("sshkeys.user", ["core", "deploy", "core"])], hdr("files")

    def g_passed(t):
        st = S.cy("passed.stage", stages)
        return [st, st], hdr(st)

    def g_referenced(t):
        return [S.cy("referenced.url", ref_urls)], hdr("fetch")

    specs = [("version", 5, g_version), ("stage", 9, g_stage), ("noconfigs", 8, g_noconfigs),
             ("getattempt", 30, g_getattempt), ("getresult", 24, g_getresult), ("geterror", 6, g_geterror),
             ("sha", 12, g_sha), ("wstart", 65, g_write("wstart")), ("wfinish", 62, g_write("wfinish")),
             ("ustart", 20, g_unit("ustart")), ("ufinish", 19, g_unit("ufinish")), ("dropin", 14, g_dropin),
             ("sshkeys", 7, g_sshkeys), ("passed", 9, g_passed), ("referenced", 10, g_referenced)]
    run_shuffle(S, specs, 3 * HOUR + 17 * MIN + 42 * SEC + rng.randint(0, SEC), 160 * MS)
    return S


# ================================================================ output and self-check
CSV_HEADER = ["LineId", "Content", "EventId", "EventTemplate"]
TIME_RE = re.compile(r"(\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?")


def paths(name):
    d = os.path.join(OUT_DIR, name)
    return d, os.path.join(d, name + ".log"), os.path.join(d, name + ".log_structured.csv")


def write_system(S):
    d, log_path, csv_path = paths(S.name)
    os.makedirs(d, exist_ok=True)
    with open(log_path, "w", encoding="utf-8", newline="") as f:
        for _t, header, content, _eid, _tpl in S.lines:
            f.write(header + content + "\n")
    with open(csv_path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(CSV_HEADER)
        for i, (_t, _h, content, eid, tpl) in enumerate(S.lines, 1):
            w.writerow([i, content, eid, tpl])
    return [log_path, csv_path]


def header_time_key(header):
    m = TIME_RE.search(header)
    assert m, "no time in header %r" % header
    h, mi, s = int(m.group(1)), int(m.group(2)), int(m.group(3))
    frac = (m.group(4) or "").ljust(9, "0")[:9]
    assert ("%04d-%02d-%02d" % (YEAR, MONTH, DAY)) in header or \
        header.startswith("%s %2d " % (MONTHS[MONTH - 1], DAY)), "wrong date in %r" % header
    return ((h * 60 + mi) * 60 + s) * SEC + int(frac)


def self_check(S):
    errors = []

    def err(msg):
        errors.append("%s: %s" % (S.name, msg))

    _d, log_path, csv_path = paths(S.name)
    raw_log = open(log_path, "rb").read()
    raw_csv = open(csv_path, "rb").read()
    for label, raw in (("log", raw_log), ("csv", raw_csv)):
        if not raw.endswith(b"\n"):
            err("%s does not end with newline" % label)
        if b"\r" in raw:
            err("%s contains CR" % label)
    log_lines = raw_log.decode("utf-8").split("\n")[:-1]
    with open(csv_path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != CSV_HEADER:
        err("bad csv header %r" % rows[0])
    rows = rows[1:]
    if len(log_lines) != N_LINES:
        err("log has %d lines" % len(log_lines))
    if len(rows) != N_LINES:
        err("csv has %d rows" % len(rows))

    declared = {"E%d" % (i + 1): tpl for i, (_k, tpl) in enumerate(S.events)}
    if len(set(declared.values())) != len(declared):
        err("declared templates not distinct")
    tpl_of, counts, captures, last = {}, {}, {}, -1
    regex_cache = {}
    for i, (line, row) in enumerate(zip(log_lines, rows), 1):
        if len(row) != 4:
            err("row %d has %d columns" % (i, len(row)))
            continue
        line_id, content, eid, tpl = row
        if line_id != str(i):
            err("row %d LineId %r" % (i, line_id))
        if not content or content != content.strip():
            err("row %d content empty or not stripped" % i)
        if not line.endswith(content):
            err("line %d does not end with its Content" % i)
            continue
        header = line[:len(line) - len(content)]
        if not S.header_re.fullmatch(header):
            err("line %d header %r does not match" % (i, header))
        key = header_time_key(header)
        if key < last:
            err("line %d time goes back" % i)
        last = key
        if not re.fullmatch(r"E\d+", eid):
            err("row %d bad EventId %r" % (i, eid))
        if tpl_of.setdefault(eid, tpl) != tpl:
            err("EventId %s has two templates" % eid)
        if declared.get(eid) != tpl:
            err("row %d template differs from declaration" % i)
        counts[eid] = counts.get(eid, 0) + 1
        rx = regex_cache.setdefault(tpl, template_regex(tpl))
        m = rx.fullmatch(content)
        if not m:
            err("row %d template does not match content" % i)
            continue
        for j, g in enumerate(m.groups()):
            captures.setdefault((eid, j), set()).add(g)
    if len(set(tpl_of.values())) != len(tpl_of):
        err("two EventIds share a template")
    if set(counts) != set(declared):
        err("declared events unused: %s" % sorted(set(declared) - set(counts)))
    for eid, tpl in declared.items():
        for j in range(tpl.count("<*>")):
            if len(captures.get((eid, j), ())) < 2:
                err("%s slot %d takes fewer than 2 values" % (eid, j + 1))
    n_ev = len(declared)
    if not 12 <= n_ev <= 15:
        err("%d event types" % n_ev)
    cs = sorted(counts.values())
    med = statistics.median(cs) if cs else 0
    if cs and cs[0] < 3:
        err("an event has fewer than 3 lines")
    small = sum(1 for c in cs if 3 <= c <= 10)
    if small < 3:
        err("only %d events with 3-10 lines" % small)
    if cs and cs[-1] < 3 * med:
        err("largest %d < 3 x median %s" % (cs[-1], med))
    summary = "%-17s %-10s events=%2d min=%3d median=%5.1f max=%3d small=%d span=%s" % (
        S.name, S.kind, n_ev, cs[0] if cs else 0, med, cs[-1] if cs else 0, small,
        go_duration(S.lines[-1][0] - S.lines[0][0]) if S.lines else "-")
    return errors, summary


BUILDERS = [build_ecs, build_ssm, build_cloudinit, build_waagent, build_google, build_ignition]


def main():
    import datetime  # only to confirm the fixed weekday constant; never reads the clock
    assert WEEKDAYS[datetime.date(YEAR, MONTH, DAY).weekday()] == WEEKDAY
    written, all_errors = [], []
    for k, build in enumerate(BUILDERS, 1):
        S = build()
        assert S.k == k
        written += write_system(S)
        errors, summary = self_check(S)
        all_errors += errors
        print(summary + ("  OK" if not errors else "  FAIL"))
    for e in all_errors:
        print("  " + e, file=sys.stderr)
    print("wrote %d files; self-check %s" % (len(written), "passed" if not all_errors else "FAILED"))
    return 1 if all_errors else 0


if __name__ == "__main__":
    sys.exit(main())
