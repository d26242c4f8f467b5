#!/usr/bin/env python3
"""Round 67: blind labelled log corpus for a log template miner.

Standard library only and fully deterministic: no wall clock, no locale, no
environment input.  Base seed 20270190; system number k (1..6) uses its own
random.Random(20270190 * 10 + k).  Time is an integer nanosecond clock counted
from 2026-03-14 00:00:00 UTC (the whole corpus stays inside that one day).

Running this script writes <System>/<System>.log and
<System>/<System>.log_structured.csv for every system next to this file, then
reads the files back and self-checks them, printing a per-system summary.
"""
import csv
import os
import random
import re
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BASE_SEED = 20270190
N_LINES = 300
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, DAY = 2026, 3, 14
WEEKDAY = "Sat"           # 2026-03-14 is a Saturday (fixed, not computed from a locale)
SEC = 10 ** 9
MSEC = 10 ** 6
DAY_NS = 86400 * SEC
CSV_HEADER = ["LineId", "Content", "EventId", "EventTemplate"]


# --------------------------------------------------------------------------
# time formatting (integer nanoseconds since 2026-03-14T00:00:00Z)
# --------------------------------------------------------------------------
def split_ns(ns):
    if not 0 <= ns < DAY_NS:
        raise ValueError("clock left 2026-03-14: %d" % ns)
    total_ms = ns // MSEC
    s = total_ms // 1000
    return s // 3600, (s // 60) % 60, s % 60, total_ms % 1000


def hms(ns):
    h, m, s, _ = split_ns(ns)
    return "%02d:%02d:%02d" % (h, m, s)


def msec(ns):
    return split_ns(ns)[3]


DATE = "%04d-%02d-%02d" % (YEAR, MONTH, DAY)
MON = MONTHS[MONTH - 1]


def at(h, m=0, s=0):
    return ((h * 60 + m) * 60 + s) * SEC


# --------------------------------------------------------------------------
# value helpers
# --------------------------------------------------------------------------
HEX = "0123456789abcdef"
B62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def hexs(r, n):
    return "".join(r.choice(HEX) for _ in range(n))


def uuid4(r):
    h = hexs(r, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], r.choice("89ab"), h[17:20], h[20:])


def b64id(r, n=22):
    return "".join(r.choice(B62 + "-_") for _ in range(n))


def alnum(r, n):
    return "".join(r.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(n))


def gap(r, lo_ms, hi_ms):
    """uniform gap in integer nanoseconds"""
    return r.randint(lo_ms * 1000, hi_ms * 1000) * 1000


def expgap(r, mean_s):
    return int(r.expovariate(1.0) * mean_s * SEC)


def human_size(r, lo_kb, hi_kb):
    kb = r.uniform(lo_kb, hi_kb)
    if kb >= 1024 * 1024:
        return "%.1f GB" % (kb / 1024 / 1024)
    if kb >= 1024:
        return "%.1f MB" % (kb / 1024)
    return "%.1f KB" % kb


def bag(r, lo, hi, *sizes):
    """Seeded 'bag' of rare outcomes: disjoint random index sets drawn from range(lo, hi)."""
    picked = r.sample(range(lo, hi), sum(sizes))
    out, i = [], 0
    for n in sizes:
        out.append(set(picked[i:i + n]))
        i += n
    return out


class Pools:
    """Small value pools are cycled per (event, slot), from a seeded start."""

    def __init__(self, r):
        self.r = r
        self.pos = {}

    def cyc(self, event, slot, pool):
        k = (event, slot)
        if k not in self.pos:
            self.pos[k] = self.r.randrange(len(pool))
        i = self.pos[k]
        self.pos[k] = i + 1
        return pool[i % len(pool)]


class Ev:
    def __init__(self, key, tpl, **meta):
        self.key = key
        self.tpl = tpl
        self.meta = meta
        self.nslots = tpl.count("<*>")


def fill(tpl, values):
    parts = tpl.split("<*>")
    if len(parts) - 1 != len(values):
        raise ValueError("slot count mismatch for %r: %r" % (tpl, values))
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        if not v or "\n" in v or "\r" in v:
            raise ValueError("bad value %r in %r" % (v, tpl))
        out.append(v)
        out.append(p)
    return "".join(out)


def shuffle_records(r, events, counts, gen, start_ns, mean_gap_s):
    """Seeded shuffle: fixed count per event, shuffled, forward-only clock."""
    keys = []
    for ev in events:
        keys.extend([ev.key] * counts[ev.key])
    if len(keys) != N_LINES:
        raise ValueError("counts sum to %d" % len(keys))
    r.shuffle(keys)
    ns = start_ns
    recs = []
    for key in keys:
        ns += expgap(r, mean_gap_s) + r.randint(0, 999) * 1000
        values, meta = gen(key, ns)
        recs.append((ns, key, values, meta))
    return recs


def merge_entities(streams):
    """Merge per-entity streams in time order and keep the first N_LINES."""
    allrecs = []
    seq = 0
    for stream in streams:
        for rec in stream:
            allrecs.append((rec[0], seq) + tuple(rec))
            seq += 1
    allrecs.sort(key=lambda x: (x[0], x[1]))
    if len(allrecs) < N_LINES:
        raise ValueError("simulation produced only %d lines" % len(allrecs))
    return [x[2:] for x in allrecs[:N_LINES]]


# ==========================================================================
# 1. Zuul -- simulation of changes (trigger event -> buildset -> builds)
# ==========================================================================
ZUUL_EVENTS = [
    Ev("gerrit_event", "Received gerrit event <*> for change <*>,<*> of project <*> branch <*>",
       level="INFO", logger="zuul.GerritEventConnector"),
    Ev("enqueue", "Adding change <Change <*> <*>,<*>> to queue <ChangeQueue <*>: <*>> in <Pipeline <*>>",
       level="INFO", logger="PIPELINE"),
    Ev("merge", "Merge request <*> complete, merged: <*>, updated: <*>, commit: <*>",
       level="INFO", logger="zuul.Scheduler"),
    Ev("node_submit", "Submitted node request <NodeRequest <*> <*>>",
       level="INFO", logger="zuul.nodepool"),
    Ev("node_ok", "Node request <NodeRequest <*> <*>> fulfilled",
       level="INFO", logger="zuul.nodepool"),
    Ev("node_fail", "Node request <NodeRequest <*> <*>> failed",
       level="WARNING", logger="zuul.nodepool"),
    Ev("execute", "Execute job <*> (uuid: <*>) on nodes <*> for change <Change <*> <*>,<*>>",
       level="INFO", logger="zuul.ExecutorClient"),
    Ev("begin", "Beginning job <*> for ref <*> (change <*>)",
       level="INFO", logger="zuul.AnsibleJob"),
    Ev("ansible", "Ansible output: <*>",
       level="DEBUG", logger="zuul.AnsibleJob"),
    Ev("timeout", "Ansible timeout exceeded: <*>",
       level="WARNING", logger="zuul.AnsibleJob"),
    Ev("complete", "Build <Build <*> of <*> voting:<*>> complete, result <*>",
       level="INFO", logger="zuul.Scheduler"),
    Ev("report", "Reporting change <Change <*> <*>,<*>>, actions: <*>",
       level="INFO", logger="PIPELINE"),
    Ev("dequeue", "Removing change <Change <*> <*>,<*>> from queue",
       level="INFO", logger="PIPELINE"),
]

ZUUL_PROJECTS = ["acme/billing-api", "openstack/nova", "acme/web-frontend", "zuul/nodepool",
                 "openstack/neutron", "opendev/system-config", "acme/mobile-sdk"]
ZUUL_BRANCHES = ["master", "main", "stable/2025.2", "master", "feature/zuulv12"]
ZUUL_JOBS = ["tox-py311", "tox-pep8", "build-container-image", "tox-docs", "unit-tests",
             "integration-multinode", "openstack-tox-cover", "tox-py312"]
ZUUL_NONVOTING = {"integration-multinode", "openstack-tox-cover"}
ZUUL_LABELS = ["ubuntu-jammy", "ubuntu-noble", "debian-bookworm", "centos-9-stream"]
ZUUL_TIMEOUTS = ["180", "240", "300"]
ZUUL_TASKS = [
    "PLAY [all] *******************************************************************",
    "TASK [prepare-workspace : Start zuul_console daemon.] ************************",
    "TASK [ensure-tox : Install tox] **********************************************",
    "TASK [tox : Run tox testenv] *************************************************",
    "TASK [fetch-subunit-output : Find stestr or testr executable] ****************",
    "TASK [upload-logs : Upload logs to swift] ************************************",
    "PLAY RECAP *******************************************************************",
    "TASK [build-container-image : Build image] ***********************************",
]


def zuul_change(r, P, t0, idx, plan):
    out = []
    eid = hexs(r, 32)

    def emit(t, key, values, **meta):
        meta.setdefault("e", eid)
        out.append((t, key, values, meta))

    pipeline = P.cyc("change", "pipeline", ["check", "check", "gate", "check", "gate"])
    project = P.cyc("change", "project", ZUUL_PROJECTS)
    tenant = "acme" if project.startswith("acme/") else "opendev"
    plog = "zuul.Pipeline.%s.%s" % (tenant, pipeline)
    branch = P.cyc("change", "branch", ZUUL_BRANCHES)
    change = str(r.randint(880000, 949999))
    ps = str(r.choice([1, 1, 2, 2, 3, 4, 5, 7, 11]))
    addr = "0x7f" + hexs(r, 10)
    if pipeline == "check":
        evtype = P.cyc("change", "evtype", ["patchset-created", "patchset-created", "comment-added"])
        queue = project
    else:
        evtype = "comment-added"
        queue = "integrated" if project.startswith("openstack/") else project
    t = t0
    emit(t, "gerrit_event", [evtype, change, ps, project, branch])
    t += gap(r, 15, 400)
    emit(t, "enqueue", [addr, change, ps, pipeline, queue, pipeline], logger=plog)
    t += gap(r, 800, 7000)
    merged = idx not in plan["merge_fail"]
    if merged:
        emit(t, "merge", [uuid4(r), "True", "True", hexs(r, 40)])
    else:
        emit(t, "merge", [uuid4(r), "False", "False", "None"])
        t += gap(r, 100, 900)
        emit(t, "report", [addr, change, ps, "[<GerritReporter connection: gerrit>]"], logger=plog)
        t += gap(r, 5, 120)
        emit(t, "dequeue", [addr, change, ps], logger=plog)
        return out
    njobs = r.choice([1, 2, 2, 3, 3])
    jobs = []
    while len(jobs) < njobs:
        j = P.cyc("change", "job", ZUUL_JOBS)
        if j not in jobs:
            jobs.append(j)
    ends = []
    results = []
    for job in jobs:
        tj = t + gap(r, 30, 600)
        label = P.cyc("job", "label", ZUUL_LABELS)
        multi = job == "integration-multinode"
        labels = "['%s', '%s']" % (label, label) if multi else "['%s']" % label
        req = "200-%010d" % r.randint(1200000, 1999999)
        build = hexs(r, 32)
        emit(tj, "node_submit", [req, labels])
        jidx = plan["jobs"]
        plan["jobs"] += 1
        if jidx in plan["node_fail"]:
            tj += gap(r, 20000, 140000)
            emit(tj, "node_fail", [req, labels], level="WARNING")
            ends.append(tj)
            results.append("NODE_FAILURE")
            continue
        tj += gap(r, 2500, 95000)
        emit(tj, "node_ok", [req, labels])
        nodes = "['%010d']" % r.randint(1000000, 9999999)
        if multi:
            nodes = "['%010d', '%010d']" % (r.randint(1000000, 9999999), r.randint(1000000, 9999999))
        tj += gap(r, 60, 900)
        emit(tj, "execute", [job, build, nodes, addr, change, ps])
        tj += gap(r, 400, 3000)
        ref = "refs/changes/%s/%s/%s" % (change[-2:], change, ps)
        url = "https://review.%s.example/c/%s/+/%s" % (tenant, project, change)
        emit(tj, "begin", [job, ref, url], build=build)
        timed_out = jidx in plan["timeout"]
        if timed_out:
            limit = P.cyc("timeout", 0, ZUUL_TIMEOUTS)
            deadline = tj + int(limit) * SEC + gap(r, 20, 900)
        for _ in range(r.randint(2, 6)):
            tj += gap(r, 1500, 80000)
            if timed_out and tj >= deadline:
                break
            task = P.cyc("ansible", "task", ZUUL_TASKS + ["ok: [%s]" % label, "changed: [%s]" % label])
            emit(tj, "ansible", ["b'%s'" % task], build=build)
        voting = "False" if job in ZUUL_NONVOTING else "True"
        if timed_out:
            tj = deadline
            emit(tj, "timeout", [limit], build=build)
            result = "TIMED_OUT"
        else:
            result = P.cyc("complete", "result", ["SUCCESS", "SUCCESS", "FAILURE", "SUCCESS",
                                                  "SUCCESS", "POST_FAILURE", "SUCCESS"])
        tj += gap(r, 300, 4000)
        emit(tj, "complete", [build, job, voting, result], build=build)
        ends.append(tj)
        results.append(result if voting == "True" else "SUCCESS")
    t = max(ends) + gap(r, 150, 2500)
    ok = all(x == "SUCCESS" for x in results)
    if ok and pipeline == "gate":
        actions = "[<GerritReporter connection: gerrit>, <MQTTReporter connection: mqtt>]"
    elif ok:
        actions = "[<GerritReporter connection: gerrit>]"
    else:
        actions = "[<GerritReporter connection: gerrit>, <SMTPReporter connection: smtp>]"
    emit(t, "report", [addr, change, ps, actions], logger=plog)
    t += gap(r, 5, 150)
    emit(t, "dequeue", [addr, change, ps], logger=plog)
    return out


def zuul_records(r):
    P = Pools(r)
    streams = []
    t = at(7, 41, 12) + r.randint(0, 999999) * 1000
    merge_fail, = bag(r, 2, 15, 2)
    timeout, = bag(r, 0, 12, 5)
    node_fail, = bag(r, 12, 30, 4)
    plan = {"merge_fail": merge_fail, "timeout": timeout, "node_fail": node_fail, "jobs": 0}
    for idx in range(40):
        streams.append(zuul_change(r, P, t, idx, plan))
        t += expgap(r, 38) + gap(r, 200, 3000)
    return merge_entities(streams)


def zuul_header(ns, ev, meta):
    h = "%s %s,%03d %s %s: " % (DATE, hms(ns), msec(ns), meta.get("level", ev.meta["level"]),
                                meta.get("logger", ev.meta["logger"]))
    if meta.get("e"):
        h += "[e: %s] " % meta["e"]
    if meta.get("build"):
        h += "[build: %s] " % meta["build"]
    return h


ZUUL_HEADER_RE = (r"(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}) (DEBUG|INFO|WARNING|ERROR) "
                  r"zuul(\.[A-Za-z0-9_\-]+)+: (\[e: [0-9a-f]{32}\] )?(\[build: [0-9a-f]{32}\] )?")


# ==========================================================================
# 2. Buildbot -- seeded shuffle
# ==========================================================================
BUILDBOT_EVENTS = [
    Ev("attaching", "worker '<*>' attaching from IPv4Address(type='TCP', host='<*>', port=<*>)"),
    Ev("workerinfo", "Got workerinfo from '<*>'"),
    Ev("attached", "worker '<*>' attached to '<*>'"),
    Ev("detached", "worker '<*>' detached from '<*>'"),
    Ev("starting", "starting build <Build <*> number:<*> results:success> using worker "
                   "<WorkerForBuilder builder='<*>' worker='<*>' state=BUILDING>"),
    Ev("finished", "<Build <*> number:<*> results:<*>>: build finished"),
    Ev("step", "step '<*>' complete: <*>"),
    Ev("buildset", "added buildset <*> to database"),
    Ev("gitpoller", "gitpoller: processing <*> changes: <*> from \"<*>\" branch \"<*>\""),
    Ev("factory_start", "Starting factory <twisted.web.client._HTTP11ClientFactory object at <*>>"),
    Ev("factory_stop", "Stopping factory <twisted.web.client._HTTP11ClientFactory object at <*>>"),
    Ev("access", "\"<*>\" - - [<*>] \"GET <*> HTTP/1.1\" <*> <*> \"<*>\" \"<*>\""),
    Ev("reconfig_start", "configuration update started"),
    Ev("reconfig_done", "configuration update complete"),
    Ev("conn_lost", "worker '<*>' lost connection: <*>"),
]
BUILDBOT_COUNTS = {
    "attaching": 10, "workerinfo": 10, "attached": 18, "detached": 7, "starting": 30,
    "finished": 28, "step": 92, "buildset": 20, "gitpoller": 14, "factory_start": 22,
    "factory_stop": 21, "access": 14, "reconfig_start": 3, "reconfig_done": 3, "conn_lost": 8,
}
BB_WORKERS = [("linux-amd64-01", "10.40.2.11"), ("linux-arm64-02", "10.40.2.27"),
              ("win-x64-01", "10.40.3.5"), ("macos-arm-01", "10.40.3.18"),
              ("docker-worker-3", "172.18.0.9")]
BB_BUILDERS = ["runtests", "docs", "lint", "package-deb", "release-wheels", "coverage"]
BB_STEPS = ["git", "compile", "test", "shell", "upload", "install-deps", "trial", "flake8", "make docs"]
BB_STEP_RESULTS = ["success", "success", "success", "failure", "success", "warnings", "success", "skipped"]
BB_BUILD_RESULTS = ["success", "failure", "success", "warnings", "success", "exception", "success"]
BB_REPOS = ["https://github.com/acme/libfrob.git", "https://git.example.org/tools/widget-server.git",
            "git@github.com:acme/firmware.git"]
BB_BRANCHES = ["master", "main", "release/3.1"]
BB_PATHS = ["/api/v2/builders", "/api/v2/builds?order=-number&limit=20", "/api/v2/workers",
            "/api/v2/builders/3/builds/412/steps", "/", "/api/v2/changes?limit=50",
            "/img/favicon.ico", "/api/v2/buildrequests?complete=false"]
BB_UA = ["Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
         "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15",
         "python-requests/2.31.0", "curl/8.5.0"]
BB_REFERERS = ["-", "https://ci.acme.example/", "https://ci.acme.example/#/builders/3"]
BB_CLIENTS = ["10.40.9.14", "10.40.9.77", "192.168.55.3", "10.40.12.201"]
BB_LOST = [
    "[Failure instance: Traceback (failure with no frames): <class 'twisted.internet.error.ConnectionLost'>: "
    "Connection to the other side was lost in a non-clean fashion: Connection lost.]",
    "[Failure instance: Traceback (failure with no frames): <class 'twisted.internet.error.ConnectionDone'>: "
    "Connection was closed cleanly.]",
    "[Failure instance: Traceback (failure with no frames): <class 'twisted.internet.error.TimeoutError'>: "
    "User timeout caused connection failure.]",
]


def buildbot_records(r):
    P = Pools(r)
    numbers = {b: r.randint(80, 1400) for b in BB_BUILDERS}

    def broker(ip):
        return "Broker,%d,%s" % (r.randint(0, 24), ip)

    def gen(key, ns):
        if key in ("attaching", "workerinfo", "attached", "detached", "conn_lost"):
            w, ip = P.cyc(key, "worker", BB_WORKERS)
            sysname = broker(ip)
            if key == "attaching":
                return [w, ip, str(r.randint(32768, 60999))], {"system": sysname}
            if key == "workerinfo":
                return [w], {"system": sysname}
            if key == "conn_lost":
                return [w, P.cyc(key, 1, BB_LOST)], {"system": sysname}
            return [w, P.cyc(key, "builder", BB_BUILDERS)], {"system": sysname}
        if key == "starting":
            b = P.cyc(key, "builder", BB_BUILDERS)
            numbers[b] += 1
            w = P.cyc(key, "worker", BB_WORKERS)[0]
            return [b, str(numbers[b]), b, w], {}
        if key == "finished":
            b = P.cyc(key, "builder", BB_BUILDERS)
            return [b, str(numbers[b] - r.randint(0, 2)), P.cyc(key, "res", BB_BUILD_RESULTS)], {}
        if key == "step":
            return [P.cyc(key, 0, BB_STEPS), P.cyc(key, 1, BB_STEP_RESULTS)], {}
        if key == "buildset":
            return [str(r.randint(20500, 22999))], {}
        if key == "gitpoller":
            n = r.choice([1, 1, 1, 2, 3])
            shas = "[" + ", ".join("'%s'" % hexs(r, 40) for _ in range(n)) + "]"
            return [str(n), shas, P.cyc(key, "repo", BB_REPOS), P.cyc(key, "branch", BB_BRANCHES)], {}
        if key in ("factory_start", "factory_stop"):
            return ["0x7f%s" % hexs(r, 10)], {}
        if key == "access":
            ip = P.cyc(key, "client", BB_CLIENTS)
            stamp = "%02d/%s/%04d:%s +0000" % (DAY, MON, YEAR, hms(ns))
            status = P.cyc(key, "status", ["200", "200", "304", "200", "404"])
            size = str(r.randint(180, 48000)) if status != "304" else "-"
            return [ip, stamp, P.cyc(key, "path", BB_PATHS), status, size,
                    P.cyc(key, "ref", BB_REFERERS), P.cyc(key, "ua", BB_UA)], {"system": "-"}
        if key in ("reconfig_start", "reconfig_done"):
            return [], {}
        raise KeyError(key)

    return shuffle_records(r, BUILDBOT_EVENTS, BUILDBOT_COUNTS, gen, at(3, 17, 40), 17)


def buildbot_header(ns, ev, meta):
    return "%s %s+0000 [%s] " % (DATE, hms(ns), meta.get("system", "-"))


BUILDBOT_HEADER_RE = r"(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})\+0000 \[(-|Broker,\d+,[0-9.]+)\] "


# ==========================================================================
# 3. GoCd -- simulation of pipeline runs, idle material polls, agent flaps
# ==========================================================================
MU = "138@MessageListener for MaterialUpdateListener"
GOCD_EVENTS = [
    Ev("mat_start", "[Material Update] Starting update of material GitMaterial{url=<*>, branch='<*>'}",
       level="INFO", thread=MU, logger="MaterialDatabaseUpdater", line=92),
    Ev("mat_done", "[Material Update] Completed update of material GitMaterial{url=<*>, branch='<*>'} in <*>",
       level="INFO", thread=MU, logger="MaterialDatabaseUpdater", line=118),
    Ev("mat_fail", "[Material Update] Modification check failed for material GitMaterial{url=<*>, branch='<*>'}: <*>",
       level="WARN", thread=MU, logger="MaterialDatabaseUpdater", line=131),
    Ev("scheduled", "[Pipeline Schedule] Successfully scheduled pipeline <*>, buildCause:[<*>]",
       level="INFO", thread="ThreadPoolTaskScheduler-1", logger="BuildCauseProducerService", line=214),
    Ev("sched_error", "[Pipeline Schedule] Error while scheduling pipeline <*>: <*>",
       level="ERROR", thread="ThreadPoolTaskScheduler-1", logger="BuildCauseProducerService", line=241),
    Ev("stage_sched", "[Stage Schedule] Scheduling stage <*> for pipeline <*>",
       level="INFO", thread="ThreadPoolTaskScheduler-1", logger="ScheduleService", line=327),
    Ev("assigned", "[Agent Interaction] Assigned job [<*>] to agent [<*>, <*>, <*>]",
       level="INFO", thread="QTP", logger="BuildAssignmentService", line=189),
    Ev("status", "[Agent Interaction] Agent [<*>, <*>, <*>] is reporting status [<*>] for [<*>]",
       level="INFO", thread="QTP", logger="BuildRepositoryRemoteImpl", line=85),
    Ev("result", "[Agent Interaction] Agent [<*>, <*>, <*>] is reporting result [<*>] for [<*>]",
       level="INFO", thread="QTP", logger="BuildRepositoryRemoteImpl", line=96),
    Ev("artifact", "[Artifact Upload] Saved artifact <*> (<*>) for job [<*>]",
       level="INFO", thread="QTP", logger="ArtifactsController", line=143),
    Ev("stage_done", "[Stage Status] Stage [<*>] completed with result <*>",
       level="INFO", thread="ThreadPoolTaskScheduler-2", logger="StageService", line=412),
    Ev("agent_lost", "[Agent Interaction] Agent [<*>, <*>, <*>] has lost contact, last heard at <*>",
       level="WARN", thread="ThreadPoolTaskScheduler-3", logger="AgentService", line=268),
    Ev("agent_back", "[Agent Registration] Agent [<*>, <*>, <*>] re-registered with cookie <*>",
       level="INFO", thread="QTP", logger="AgentRegistrationController", line=157),
]
GOCD_PIPES = [("billing-api", "https://git.acme.example/team/billing-api.git", "main"),
              ("web-frontend", "https://git.acme.example/team/web-frontend.git", "main"),
              ("infra-terraform", "git@git.acme.example:ops/infra-terraform.git", "master"),
              ("mobile-ios", "https://git.acme.example/mobile/ios-app.git", "release-4.2"),
              ("docs-site", "https://github.com/acme/docs-site.git", "master"),
              ("payments-worker", "https://git.acme.example/team/payments-worker.git", "main")]
GOCD_STAGES = {"billing-api": ["build", "test"], "web-frontend": ["build", "package"],
               "infra-terraform": ["plan", "apply-staging"], "mobile-ios": ["build"],
               "docs-site": ["publish"], "payments-worker": ["build", "test", "deploy-staging"]}
GOCD_JOBS = ["compile", "unit", "lint", "integration", "docker-image", "smoke"]
GOCD_AGENTS = [("build-agent-01", "10.20.1.11"), ("build-agent-02", "10.20.1.12"),
               ("build-agent-03", "10.20.1.13"), ("mac-agent-01", "10.20.4.7"),
               ("docker-agent-7f2c", "172.17.0.5"), ("build-agent-04", "10.20.1.14")]
GOCD_CAUSES = ["modified by Priya Nair <priya.nair@acme.example>",
               "modified by Tomasz Zielinski <tomasz@acme.example>",
               "triggered by changes", "Forced by admin", "modified by ci-bot <ci-bot@acme.example>"]
GOCD_MAT_ERRORS = [
    "Failed to run git clone command: fatal: unable to access '{url}/': Could not resolve host: {host}",
    "Failed to run git fetch command: fatal: could not read Username for 'https://{host}': terminal prompts disabled",
    "Command 'git ls-remote {url} refs/heads/{branch}' timed out after 300 seconds",
]
GOCD_SCHED_ERRORS = [
    "Cannot schedule pipeline: no agents match resources [linux, docker]",
    "Failed to schedule pipeline, material modifications changed during scheduling",
    "org.postgresql.util.PSQLException: FATAL: remaining connection slots are reserved",
]
GOCD_ARTIFACTS = ["target/app.jar", "dist/bundle.tgz", "reports/junit.xml", "coverage/lcov.info",
                  "build/ios-app.ipa", "plan.tfplan"]


def gocd_uuid_map(r):
    return {name: uuid4(r) for name, _ in GOCD_AGENTS}


def gocd_run(r, P, t0, counters, uuids, outcome):
    out = []

    def emit(t, key, values, **meta):
        out.append((t, key, values, meta))

    def qtp():
        return "qtp1334722034-%d" % r.randint(21, 68)

    name, url, branch = P.cyc("run", "pipe", GOCD_PIPES)
    t = t0
    emit(t, "mat_start", [url, branch])
    t += gap(r, 400, 9000)
    if outcome == "mat_fail":
        host = url.split("/")[2] if "://" in url else url.split("@")[1].split(":")[0]
        reason = P.cyc("mat_fail", 2, GOCD_MAT_ERRORS).format(url=url, host=host, branch=branch)
        emit(t, "mat_fail", [url, branch, reason])
        return out
    emit(t, "mat_done", [url, branch, "%dms" % ((t - t0) // MSEC)])
    t += gap(r, 200, 12000)
    if outcome == "sched_error":
        emit(t, "sched_error", [name, P.cyc("sched_error", 1, GOCD_SCHED_ERRORS)])
        return out
    counters[name] += 1
    pc = counters[name]
    emit(t, "scheduled", [name, P.cyc("scheduled", 1, GOCD_CAUSES)])
    for stage in GOCD_STAGES[name]:
        t += gap(r, 50, 1500)
        emit(t, "stage_sched", [stage, "%s/%d" % (name, pc)])
        njobs = r.choice([1, 1, 2, 2, 3])
        ends = []
        stage_ok = True
        for ji in range(njobs):
            job = GOCD_JOBS[(ji + len(stage)) % len(GOCD_JOBS)]
            loc = "%s/%d/%s/1/%s" % (name, pc, stage, job)
            host, ip = P.cyc("assigned", "agent", GOCD_AGENTS)
            ag = [host, ip, uuids[host]]
            tj = t + gap(r, 800, 25000)
            emit(tj, "assigned", [loc] + ag, thread=qtp())
            for st, lo, hi in (("Preparing", 300, 2500), ("Building", 2000, 40000),
                               ("Completing", 20000, 420000)):
                tj += gap(r, lo, hi)
                emit(tj, "status", ag + [st, loc], thread=qtp())
            if r.random() < 0.55:
                tj += gap(r, 500, 8000)
                emit(tj, "artifact", [P.cyc("artifact", 0, GOCD_ARTIFACTS), human_size(r, 3, 250000), loc],
                     thread=qtp())
            res = P.cyc("result", "res", ["Passed", "Passed", "Passed", "Failed", "Passed", "Passed"])
            if res != "Passed":
                stage_ok = False
            tj += gap(r, 200, 3000)
            emit(tj, "result", ag + [res, loc], thread=qtp())
            ends.append(tj)
        t = max(ends) + gap(r, 100, 2000)
        emit(t, "stage_done", ["%s/%d/%s/1" % (name, pc, stage), "Passed" if stage_ok else "Failed"])
        if not stage_ok:
            break
    return out


def gocd_poll(r, P, t0):
    name, url, branch = P.cyc("poll", "pipe", GOCD_PIPES)
    t1 = t0 + gap(r, 300, 6000)
    return [(t0, "mat_start", [url, branch], {}),
            (t1, "mat_done", [url, branch, "%dms" % ((t1 - t0) // MSEC)], {})]


def java_date(ns):
    return "%s %s %02d %s UTC %d" % (WEEKDAY, MON, DAY, hms(ns), YEAR)


def gocd_flap(r, P, t0, uuids):
    host, ip = P.cyc("flap", "agent", GOCD_AGENTS)
    ag = [host, ip, uuids[host]]
    heard = t0 - gap(r, 300000, 900000)
    t1 = t0 + gap(r, 30000, 240000)
    return [(t0, "agent_lost", ag + [java_date(heard)], {}),
            (t1, "agent_back", ag + [uuid4(r)], {"thread": "qtp1334722034-%d" % r.randint(21, 68)})]


def gocd_records(r):
    P = Pools(r)
    uuids = gocd_uuid_map(r)
    counters = {name: r.randint(40, 900) for name, _, _ in GOCD_PIPES}
    streams = []
    t = at(9, 2, 51) + r.randint(0, 999999) * 1000
    mat_fail, sched_error = bag(r, 1, 13, 3, 3)
    for idx in range(34):
        outcome = "mat_fail" if idx in mat_fail else "sched_error" if idx in sched_error else "ok"
        streams.append(gocd_run(r, P, t, counters, uuids, outcome))
        t += expgap(r, 95) + gap(r, 1000, 5000)
    t = at(9, 3, 30) + r.randint(0, 999999) * 1000
    for _ in range(60):
        streams.append(gocd_poll(r, P, t))
        t += expgap(r, 70) + gap(r, 500, 3000)
    t = at(9, 3, 0)
    for _ in range(12):
        t += expgap(r, 200) + gap(r, 30000, 90000)
        streams.append(gocd_flap(r, P, t, uuids))
    return merge_entities(streams)


def gocd_header(ns, ev, meta):
    return "%s %s,%03d %5s [%s] %s:%d - " % (DATE, hms(ns), msec(ns), ev.meta["level"],
                                              meta.get("thread", ev.meta["thread"]),
                                              ev.meta["logger"], ev.meta["line"])


GOCD_HEADER_RE = (r"(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}) ( INFO| WARN|ERROR|DEBUG) "
                  r"\[[^\]]+\] [A-Za-z0-9$]+:\d+ - ")


# ==========================================================================
# 4. HarnessDelegate -- seeded shuffle
# ==========================================================================
ACCOUNT = "kmpySmUISimoRrJL6NL73w"
DAS = "io.harness.delegate.service.DelegateAgentServiceImpl"
HARNESS_EVENTS = [
    Ev("hb_send", "Sending heartbeat...", level="INFO", logger=DAS, thread="heartbeatExecutor"),
    Ev("hb_resp", "Delegate received heartbeat response <*> after sending. <*> since last response.",
       level="INFO", logger=DAS, thread="heartbeatExecutor"),
    Ev("task_event", "Processing DelegateTaskEvent DelegateTaskEvent(accountId=" + ACCOUNT +
       ", delegateTaskId=<*>, sync=<*>, taskType=<*>)", level="INFO", logger=DAS, thread="taskPollExecutor"),
    Ev("acquire", "Try to acquire DelegateTask - accountId: " + ACCOUNT + ", delegateTaskId: <*>",
       level="INFO", logger=DAS, thread="TASKEXEC"),
    Ev("validate", "Validating DelegateTask - uuid: <*>, accountId: " + ACCOUNT,
       level="INFO", logger=DAS, thread="TASKEXEC"),
    Ev("task_done", "Task <*> completed with status <*> in <*>",
       level="INFO", logger="io.harness.delegate.task.AbstractDelegateRunnableTask", thread="TASKEXEC"),
    Ev("resp_sent", "Response sent to manager for task <*> of size <*>",
       level="INFO", logger="io.harness.delegate.service.DelegateCallbackService", thread="TASKEXEC"),
    Ev("task_timeout", "Task <*> timed out after <*>, aborting",
       level="WARN", logger="io.harness.delegate.task.AbstractDelegateRunnableTask", thread="TASKEXEC"),
    Ev("resp_fail", "Failed to send response for task <*>: <*>",
       level="ERROR", logger="io.harness.delegate.service.DelegateCallbackService", thread="TASKEXEC"),
    Ev("ws_open", "Websocket connection opened for session <*>",
       level="INFO", logger=DAS, thread="WSTHREAD"),
    Ev("ws_close", "Websocket connection closed for session <*>, reason: <*>",
       level="WARN", logger=DAS, thread="WSTHREAD"),
    Ev("unreach", "Unable to reach manager at <*>: <*>",
       level="WARN", logger="io.harness.managerclient.DelegateAgentManagerClientFactory", thread="heartbeatExecutor"),
    Ev("pt_start", "Starting perpetual task with id: <*>.",
       level="INFO", logger="io.harness.perpetualtask.PerpetualTaskWorker", thread="PTWORKER"),
    Ev("pt_stop", "Stopping perpetual task with id: <*>.",
       level="INFO", logger="io.harness.perpetualtask.PerpetualTaskWorker", thread="PTWORKER"),
]
HARNESS_COUNTS = {
    "hb_send": 70, "hb_resp": 66, "task_event": 24, "acquire": 24, "validate": 20, "task_done": 18,
    "resp_sent": 17, "task_timeout": 4, "resp_fail": 3, "ws_open": 6, "ws_close": 5, "unreach": 9,
    "pt_start": 18, "pt_stop": 16,
}
H_TASK_TYPES = ["SHELL_SCRIPT_TASK_NG", "K8S_COMMAND_TASK_NG", "HTTP_TASK_NG", "GIT_FETCH_NEXT_GEN_TASK",
                "TERRAFORM_TASK_NG", "DOCKER_CONNECTIVITY_TEST_TASK", "CI_LE_STATUS"]
H_STATUS = ["SUCCESS", "SUCCESS", "FAILURE", "SUCCESS", "SUCCESS", "ERROR"]
H_URLS = ["https://app.harness.io/gratis/api/agent/delegates/heartbeat-with-polling",
          "https://app.harness.io/gratis/api/agent/delegates/kmpySmUISimoRrJL6NL73w/tasks/acquire",
          "https://app.harness.io/gratis/api/agent/v2/tasks/response"]
H_NET_ERRORS = ["java.net.SocketTimeoutException: timeout",
                "java.net.UnknownHostException: app.harness.io: Temporary failure in name resolution",
                "javax.net.ssl.SSLHandshakeException: Remote host terminated the handshake",
                "java.net.ConnectException: Failed to connect to app.harness.io/34.120.77.41:443"]
H_RESP_ERRORS = ["Response{protocol=h2, code=502, message=, url=https://app.harness.io/gratis/api/agent/v2/tasks/response}",
                 "java.io.IOException: unexpected end of stream on https://app.harness.io/...",
                 "Task response too large: payload exceeds 10MB limit"]
H_WS_REASONS = ["1006 Abnormal closure", "1001 Going away", "1000 Normal closure", "idle timeout expired"]


def harness_records(r):
    P = Pools(r)
    recent = [b64id(r) for _ in range(6)]
    perpetual = [b64id(r) for _ in range(5)]

    def tid():
        if r.random() < 0.5:
            recent.append(b64id(r))
            del recent[0]
        return r.choice(recent)

    def gen(key, ns):
        texec = "delegateTaskExecutor-%d" % r.randint(0, 31)
        if key == "hb_send":
            return [], {}
        if key == "hb_resp":
            return ["%dms" % r.randint(38, 2400), "%dms" % r.randint(59000, 61500)], {}
        if key == "task_event":
            return [tid(), P.cyc(key, 1, ["false", "false", "true"]), P.cyc(key, 2, H_TASK_TYPES)], {}
        if key in ("acquire", "validate"):
            return [tid()], {"thread": texec}
        if key == "task_done":
            return [tid(), P.cyc(key, 1, H_STATUS), "%.1fs" % r.uniform(0.3, 420)], {"thread": texec}
        if key == "resp_sent":
            return [tid(), human_size(r, 0.4, 3000)], {"thread": texec}
        if key == "task_timeout":
            return [tid(), P.cyc(key, 1, ["10m", "30m", "5m"])], {"thread": texec}
        if key == "resp_fail":
            return [tid(), P.cyc(key, 1, H_RESP_ERRORS)], {"thread": texec}
        if key in ("ws_open", "ws_close"):
            th = "WebSocketClient-SecureIO-%d" % r.randint(1, 4)
            sess = alnum(r, 8) + "-" + alnum(r, 4)
            if key == "ws_open":
                return [sess], {"thread": th}
            return [sess, P.cyc(key, 1, H_WS_REASONS)], {"thread": th}
        if key == "unreach":
            return [P.cyc(key, 0, H_URLS), P.cyc(key, 1, H_NET_ERRORS)], {}
        if key in ("pt_start", "pt_stop"):
            return [P.cyc(key, 0, perpetual)], {"thread": "perpetual-task-worker-%d" % r.randint(0, 3)}
        raise KeyError(key)

    return shuffle_records(r, HARNESS_EVENTS, HARNESS_COUNTS, gen, at(11, 26, 3), 12)


def harness_header(ns, ev, meta):
    return "%s %s,%03d [%s] %-5s %s - " % (DATE, hms(ns), msec(ns), meta.get("thread", ev.meta["thread"]),
                                            ev.meta["level"], ev.meta["logger"])


HARNESS_HEADER_RE = (r"(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}) \[[^\]]+\] "
                     r"(INFO |WARN |ERROR|DEBUG) [A-Za-z0-9_.$]+ - ")


# ==========================================================================
# 5. Screwdriver -- seeded shuffle
# ==========================================================================
SCREWDRIVER_EVENTS = [
    Ev("event_created", "Event <*> created for pipeline <*> (<*>) by <*>", level="info"),
    Ev("triggering", "Event <*>: triggering jobs <*>", level="info"),
    Ev("build_created", "Build <*> created for job <*> (pipeline <*>, event <*>)", level="info"),
    Ev("status", "Build <*>: status changed from <*> to <*>", level="info"),
    Ev("pod_create", "[executor-k8s] Build <*>: creating pod <*> in namespace <*>", level="info"),
    Ev("pod_delete", "[executor-k8s] Build <*>: pod <*> deleted", level="info"),
    Ev("enqueue", "[queue] Enqueued build <*> on queue <*>", level="info"),
    Ev("dequeue", "[queue] Dequeued build <*> from queue <*>", level="info"),
    Ev("sync", "Pipeline <*>: sync complete, <*> jobs updated", level="info"),
    Ev("webhook", "Webhook <*> received: event=<*> repo=<*>", level="info"),
    Ev("start_retry", "Build <*>: failed to start executor, retrying in <*>: <*>", level="warn"),
    Ev("update_fail", "Failed to update build <*>: <*>", level="error"),
    Ev("commit_fail", "Failed to fetch commit <*> for <*>: <*>", level="error"),
    Ev("stage_done", "Stage <*> of event <*> completed with status <*>", level="info"),
]
SCREWDRIVER_COUNTS = {
    "event_created": 20, "triggering": 20, "build_created": 34, "status": 88, "pod_create": 28,
    "pod_delete": 26, "enqueue": 24, "dequeue": 22, "sync": 8, "webhook": 14, "start_retry": 5,
    "update_fail": 4, "commit_fail": 3, "stage_done": 4,
}
SD_REPOS = ["acme/billing-api", "acme/web-frontend", "screwdriver-cd/example-app", "ops/terraform-live",
            "acme/data-pipeline"]
SD_USERS = ["jdoe", "mkowalski", "sd:scheduler", "aiko.tanaka", "github:rrivera"]
SD_JOBS = ["main", "test", "publish", "PR-42:main", "deploy-staging", "PR-117:test", "lint"]
SD_TRANSITIONS = [("QUEUED", "RUNNING"), ("RUNNING", "SUCCESS"), ("QUEUED", "RUNNING"),
                  ("RUNNING", "FAILURE"), ("QUEUED", "BLOCKED"), ("BLOCKED", "QUEUED"),
                  ("RUNNING", "SUCCESS"), ("RUNNING", "ABORTED"), ("CREATED", "QUEUED")]
SD_START_ERRORS = ["pods \"sdbuild\" is forbidden: exceeded quota: sd-quota, requested: cpu=2, limited: cpu=64",
                   "connect ETIMEDOUT 10.96.0.1:443",
                   "Request failed with status code 503"]
SD_UPDATE_ERRORS = ["SequelizeDatabaseError: deadlock detected",
                    "Request failed with status code 502",
                    "SequelizeConnectionAcquireTimeoutError: Operation timeout",
                    "Build is already in a final state"]
SD_COMMIT_ERRORS = ["Not Found", "API rate limit exceeded for installation ID 31337",
                    "getaddrinfo ENOTFOUND api.github.com"]


def screwdriver_records(r):
    P = Pools(r)
    base_build = r.randint(410000, 420000)
    base_event = r.randint(98000, 99000)
    pipelines = {repo: str(r.randint(1100, 4800)) for repo in SD_REPOS}

    def build_id():
        return str(base_build + r.randint(0, 900))

    def event_id():
        return str(base_event + r.randint(0, 300))

    def gen(key, ns):
        if key == "event_created":
            repo = P.cyc(key, "repo", SD_REPOS)
            return [event_id(), pipelines[repo], repo, P.cyc(key, "user", SD_USERS)], {}
        if key == "triggering":
            n = r.choice([1, 1, 2, 3])
            jobs = []
            while len(jobs) < n:
                j = P.cyc(key, "job", SD_JOBS)
                if j not in jobs:
                    jobs.append(j)
            return [event_id(), "[" + ", ".join(jobs) + "]"], {}
        if key == "build_created":
            repo = P.cyc(key, "repo", SD_REPOS)
            return [build_id(), P.cyc(key, "job", SD_JOBS), pipelines[repo], event_id()], {}
        if key == "status":
            a, b = P.cyc(key, "tr", SD_TRANSITIONS)
            return [build_id(), a, b], {}
        if key in ("pod_create", "pod_delete"):
            b = build_id()
            pod = "%s-%s" % (b, alnum(r, 5))
            if key == "pod_create":
                return [b, pod, P.cyc(key, "ns", ["sd-builds", "sd-builds", "sd-builds-arm64"])], {}
            return [b, pod], {}
        if key in ("enqueue", "dequeue"):
            return [build_id(), P.cyc(key, "q", ["builds", "builds", "periodicBuilds", "frozenBuilds"])], {}
        if key == "sync":
            return [pipelines[P.cyc(key, 0, SD_REPOS)], str(r.randint(1, 14))], {}
        if key == "webhook":
            return [uuid4(r), P.cyc(key, 1, ["push", "pull_request", "pull_request", "release"]),
                    P.cyc(key, 2, SD_REPOS)], {}
        if key == "start_retry":
            return [build_id(), P.cyc(key, 1, ["5s", "10s", "20s"]), P.cyc(key, 2, SD_START_ERRORS)], {}
        if key == "update_fail":
            return [build_id(), P.cyc(key, 1, SD_UPDATE_ERRORS)], {}
        if key == "commit_fail":
            return [hexs(r, 40), P.cyc(key, 1, SD_REPOS), P.cyc(key, 2, SD_COMMIT_ERRORS)], {}
        if key == "stage_done":
            return [P.cyc(key, 0, ["integration", "production", "canary"]), event_id(),
                    P.cyc(key, 2, ["SUCCESS", "FAILURE", "SUCCESS"])], {}
        raise KeyError(key)

    return screwdriver_records_run(r, gen)


def screwdriver_records_run(r, gen):
    return shuffle_records(r, SCREWDRIVER_EVENTS, SCREWDRIVER_COUNTS, gen, at(14, 48, 19), 9)


def screwdriver_header(ns, ev, meta):
    return "%sT%s.%03dZ %s: " % (DATE, hms(ns), msec(ns), ev.meta["level"])


SCREWDRIVER_HEADER_RE = r"(?P<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z) (error|warn|info|verbose|debug): "


# ==========================================================================
# 6. Laminar -- simulation of job runs, web clients, config reloads
# ==========================================================================
LAMINAR_EVENTS = [
    Ev("rpc_queue", "RPC queue; jobName = <*>", level="info", src="rpc.cpp:87"),
    Ev("rpc_run", "RPC run; jobName = <*>", level="info", src="rpc.cpp:104"),
    Ev("nonexist", "Non-existent job; name = <*>", level="warning", src="laminar.cpp:561"),
    Ev("queued", "Queued job; run->name = <*>; run->build = <*>", level="info", src="laminar.cpp:578"),
    Ev("started", "Started job; run->name = <*>; run->build = <*>; ctx->name = <*>",
       level="info", src="laminar.cpp:643"),
    Ev("script", "Script finished; script = <*>; status = <*>", level="info", src="run.cpp:162"),
    Ev("launch_fail", "Failed to launch script; script = <*>; errno = <*>", level="error", src="run.cpp:121"),
    Ev("abort", "RPC abort; jobName = <*>; buildNum = <*>", level="info", src="rpc.cpp:131"),
    Ev("completed", "Run completed; r->name = <*>; to_string(r->result) = <*>", level="info", src="laminar.cpp:702"),
    Ev("prune", "Deleting old run directory; path = <*>", level="info", src="laminar.cpp:724"),
    Ev("client_conn", "Client connected; path = <*>; addr = <*>", level="info", src="http.cpp:212"),
    Ev("client_disc", "Client disconnected; path = <*>; addr = <*>", level="info", src="http.cpp:238"),
    Ev("reload", "Reloading job configuration; file = <*>", level="info", src="laminar.cpp:186"),
]
L_JOBS = ["build-firmware", "nightly-backup", "docs", "release-tarball", "lint", "test-suite",
          "deploy-web", "build-firmware", "test-suite"]
L_BAD_JOBS = ["buld-firmware", "deploy-prod", "docs-old"]
L_CTX = ["default", "docker", "arm64", "default"]
L_ROOT = "/var/lib/laminar"
L_PATHS = ["/", "/jobs", "/jobs/build-firmware", "/jobs/test-suite/412", "/jobs/docs", "/wallboard"]
L_CLIENTS = ["10.8.0.14", "10.8.0.31", "192.168.40.22", "127.0.0.1", "10.8.0.52"]


def laminar_run(r, P, t0, counters, outcome):
    out = []

    def emit(t, key, values):
        out.append((t, key, values, {}))

    t = t0
    via_run = r.random() < 0.3
    if outcome == "nonexist":
        bad = P.cyc("nonexist", 0, L_BAD_JOBS)
        emit(t, "rpc_run" if via_run else "rpc_queue", [bad])
        emit(t + gap(r, 0, 2), "nonexist", [bad])
        return out
    job = P.cyc("run", "job", L_JOBS)
    counters[job] += 1
    num = str(counters[job])
    emit(t, "rpc_run" if via_run else "rpc_queue", [job])
    t += gap(r, 0, 3)
    emit(t, "queued", [job, num])
    t += gap(r, 1, 40000) if r.random() < 0.6 else gap(r, 40000, 300000)
    emit(t, "started", [job, num, P.cyc("run", "ctx", L_CTX)])
    scripts = [L_ROOT + "/cfg/before", "%s/cfg/jobs/%s.before" % (L_ROOT, job),
               "%s/cfg/jobs/%s.run" % (L_ROOT, job), "%s/cfg/jobs/%s.after" % (L_ROOT, job),
               L_ROOT + "/cfg/after"]
    if r.random() < 0.4:
        del scripts[1]
    if r.random() < 0.5:
        del scripts[-2]
    result = "success"
    aborted = outcome == "abort"
    fail_launch = outcome == "launch_fail"
    for i, sc in enumerate(scripts):
        t += gap(r, 80, 5000) if not sc.endswith(".run") else gap(r, 8000, 400000)
        if aborted and sc.endswith(".run"):
            emit(t, "abort", [job, num])
            t += gap(r, 5, 300)
            emit(t, "script", [sc, "15"])
            result = "aborted"
            break
        if fail_launch and sc.endswith(".run"):
            emit(t, "launch_fail", [sc, P.cyc("launch_fail", 1, ["13", "2", "8"])])
            result = "failed"
            break
        status = "0"
        if sc.endswith(".run") and r.random() < 0.18:
            status = P.cyc("script", "status", ["1", "2", "127", "1"])
            result = "failed"
        emit(t, "script", [sc, status])
        if status != "0":
            break
    t += gap(r, 1, 40)
    emit(t, "completed", [job, result])
    if r.random() < 0.45:
        t += gap(r, 1, 30)
        emit(t, "prune", ["%s/run/%s/%d" % (L_ROOT, job, int(num) - r.choice([10, 20, 20, 50]))])
    return out


def laminar_client(r, P, t0):
    path = P.cyc("client", "path", L_PATHS)
    addr = "%s:%d" % (P.cyc("client", "ip", L_CLIENTS), r.randint(40000, 60999))
    t1 = t0 + gap(r, 2000, 1800000)
    return [(t0, "client_conn", [path, addr], {}), (t1, "client_disc", [path, addr], {})]


def laminar_records(r):
    P = Pools(r)
    counters = {j: r.randint(30, 700) for j in sorted(set(L_JOBS))}
    streams = []
    t = at(6, 0, 4)
    nonexist, abort, launch_fail = bag(r, 1, 26, 3, 3, 3)
    for idx in range(70):
        outcome = ("nonexist" if idx in nonexist else "abort" if idx in abort
                   else "launch_fail" if idx in launch_fail else "ok")
        streams.append(laminar_run(r, P, t, counters, outcome))
        t += expgap(r, 75) + gap(r, 100, 2000)
    t = at(6, 1, 0)
    for _ in range(60):
        streams.append(laminar_client(r, P, t))
        t += expgap(r, 160) + gap(r, 100, 2000)
    t = at(6, 4, 0)
    for _ in range(8):
        t += expgap(r, 420) + gap(r, 30000, 120000)
        f = "%s/cfg/jobs/%s.conf" % (L_ROOT, P.cyc("reload", 0, L_JOBS[:7]))
        streams.append([(t, "reload", [f], {})])
    return merge_entities(streams)


def laminar_header(ns, ev, meta):
    return "%s %2d %s ci-builder laminard[812]: %s: %s: " % (MON, DAY, hms(ns), ev.meta["src"], ev.meta["level"])


LAMINAR_HEADER_RE = (r"(?P<ts>(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 0-3]\d \d{2}:\d{2}:\d{2}) "
                     r"[a-z0-9\-]+ laminard\[\d+\]: [a-z_]+\.cpp:\d+: (info|warning|error): ")


# ==========================================================================
# systems table
# ==========================================================================
def ts_iso(s):
    # "2026-03-14 08:00:01,234" / "2026-03-14T08:00:01.234Z" / "2026-03-14 08:00:01"
    return (s[:10], s[11:13], s[14:16], s[17:19], s[20:23] if len(s) > 20 else "000")


def ts_syslog(s):
    return (MONTHS.index(s[:3]), int(s[4:6]), s[7:9], s[10:12], s[13:15])


SYSTEMS = [
    # (k, name, kind, events, records, header, header_re, ts_key)
    (1, "Zuul", "simulation", ZUUL_EVENTS, zuul_records, zuul_header, ZUUL_HEADER_RE, ts_iso),
    (2, "Buildbot", "shuffle", BUILDBOT_EVENTS, buildbot_records, buildbot_header, BUILDBOT_HEADER_RE, ts_iso),
    (3, "GoCd", "simulation", GOCD_EVENTS, gocd_records, gocd_header, GOCD_HEADER_RE, ts_iso),
    (4, "HarnessDelegate", "shuffle", HARNESS_EVENTS, harness_records, harness_header, HARNESS_HEADER_RE, ts_iso),
    (5, "Screwdriver", "shuffle", SCREWDRIVER_EVENTS, screwdriver_records, screwdriver_header,
     SCREWDRIVER_HEADER_RE, ts_iso),
    (6, "Laminar", "simulation", LAMINAR_EVENTS, laminar_records, laminar_header, LAMINAR_HEADER_RE, ts_syslog),
]


def write_system(k, name, events, records_fn, header_fn):
    r = random.Random(BASE_SEED * 10 + k)
    recs = records_fn(r)
    by_key = {}
    for i, ev in enumerate(events, 1):
        if ev.key in by_key:
            raise ValueError("duplicate key " + ev.key)
        by_key[ev.key] = ("E%d" % i, ev)
    d = os.path.join(HERE, name)
    os.makedirs(d, exist_ok=True)
    lines = []
    rows = []
    last = -1
    for i, (ns, key, values, meta) in enumerate(recs, 1):
        if ns < last:
            raise ValueError("clock went back")
        last = ns
        eid, ev = by_key[key]
        content = fill(ev.tpl, values)
        lines.append(header_fn(ns, ev, meta) + content)
        rows.append([str(i), content, eid, ev.tpl])
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(CSV_HEADER)
        w.writerows(rows)


# ==========================================================================
# self-check (reads the written files back)
# ==========================================================================
def tpl_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")), re.S)


def check_system(name, events, header_re, ts_key):
    errs = []
    d = os.path.join(HERE, name)
    with open(os.path.join(d, name + ".log"), "rb") as f:
        raw = f.read()
    with open(os.path.join(d, name + ".log_structured.csv"), "rb") as f:
        rawcsv = f.read()
    for label, data in (("log", raw), ("csv", rawcsv)):
        if not data.endswith(b"\n"):
            errs.append("%s does not end with newline" % label)
        if b"\r" in data:
            errs.append("%s contains CR" % label)
    lines = raw.decode("utf-8").split("\n")[:-1]
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    if not table or table[0] != CSV_HEADER:
        errs.append("bad csv header")
    rows = table[1:]
    if len(lines) != N_LINES:
        errs.append("%d log lines" % len(lines))
    if len(rows) != N_LINES:
        errs.append("%d csv rows" % len(rows))
    declared = {"E%d" % i: ev.tpl for i, ev in enumerate(events, 1)}
    if len(set(declared.values())) != len(declared):
        errs.append("declared templates not distinct")
    hre = re.compile(header_re)
    seen_tpl = {}
    slots = {}
    counts = {}
    prev_ts = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errs.append("row %d LineId %r" % (i, lid))
        if not content or content != content.strip():
            errs.append("row %d content empty or unstripped" % i)
        if not line.endswith(content):
            errs.append("line %d does not end with content" % i)
            continue
        header = line[:len(line) - len(content)]
        m = hre.fullmatch(header)
        if not m:
            errs.append("line %d header %r does not match" % (i, header))
            continue
        ts = ts_key(m.group("ts"))
        if prev_ts is not None and ts < prev_ts:
            errs.append("line %d timestamp goes back" % i)
        prev_ts = ts
        if not re.fullmatch(r"E\d+", eid):
            errs.append("row %d bad EventId %r" % (i, eid))
        if eid not in declared or declared[eid] != tpl:
            errs.append("row %d template/EventId mismatch" % i)
        if seen_tpl.setdefault(eid, tpl) != tpl:
            errs.append("EventId %s has two templates" % eid)
        counts[eid] = counts.get(eid, 0) + 1
        m2 = tpl_regex(tpl).fullmatch(content)
        if not m2:
            errs.append("row %d content does not match its template" % i)
            continue
        for j, v in enumerate(m2.groups()):
            slots.setdefault((eid, j), set()).add(v)
    if len(set(seen_tpl.values())) != len(seen_tpl):
        errs.append("two EventIds share a template")
    unused = [e for e in declared if e not in counts]
    if unused:
        errs.append("declared events unused: %s" % unused)
    for e, tpl in declared.items():
        for j in range(tpl.count("<*>")):
            if len(slots.get((e, j), ())) < 2:
                errs.append("%s slot %d has fewer than 2 distinct values" % (e, j))
    n_ev = len(declared)
    if not 12 <= n_ev <= 15:
        errs.append("%d event types" % n_ev)
    c = sorted(counts.values())
    if c and min(c) < 3:
        errs.append("an event has fewer than 3 lines: %s" % {e: n for e, n in counts.items() if n < 3})
    if sum(1 for n in c if 3 <= n <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines")
    med = statistics.median(c) if c else 0
    if c and max(c) < 3 * med:
        errs.append("largest %d < 3 x median %s" % (max(c), med))
    return errs, counts, med


def main():
    failed = False
    for k, name, kind, events, records_fn, header_fn, header_re, ts_key in SYSTEMS:
        write_system(k, name, events, records_fn, header_fn)
    for k, name, kind, events, records_fn, header_fn, header_re, ts_key in SYSTEMS:
        errs, counts, med = check_system(name, events, header_re, ts_key)
        order = ["E%d" % i for i in range(1, len(events) + 1)]
        dist = " ".join("%s=%d" % (e, counts.get(e, 0)) for e in order)
        print("%-16s %-10s events=%d median=%s max=%d  %s" % (
            name, kind, len(events), med, max(counts.values()) if counts else 0, dist))
        for e in errs:
            failed = True
            print("    FAIL: " + e)
    if failed:
        print("SELF-CHECK FAILED")
        return 1
    print("self-check passed for all %d systems" % len(SYSTEMS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
