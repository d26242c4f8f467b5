#!/usr/bin/env python3
"""Round 60 blind labelled log corpus generator.

Python 3 standard library only, fully deterministic: no wall clock, no locale.
Base seed 20270176; system k (1..6) uses random.Random(20270176 * 10 + k).
Time is an integer nanosecond clock on 2026-03-14 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for every system and then self-checks every file.
"""
import csv
import datetime
import os
import re
import statistics

import random

BASE_SEED = 20270176
OUT = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300
CSV_HEADER = ["LineId", "Content", "EventId", "EventTemplate"]

YEAR, MONTH, DAY = 2026, 3, 14
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
WDAY = WDAYS[datetime.date(YEAR, MONTH, DAY).weekday()]
DATE = "%04d-%02d-%02d" % (YEAR, MONTH, DAY)
EPOCH_DAY_MS = (datetime.date(YEAR, MONTH, DAY) - datetime.date(1970, 1, 1)).days * 86400000

SEC = 10 ** 9
MS = 10 ** 6
HOUR = 3600 * SEC
MIN = 60 * SEC


# ---------------------------------------------------------------- time helpers
def split_ns(ns):
    s = ns // SEC
    return s // 3600, (s // 60) % 60, s % 60, (ns // MS) % 1000


def ts_iso_ms(ns, sep=","):
    h, m, s, f = split_ns(ns)
    return "%s %02d:%02d:%02d%s%03d" % (DATE, h, m, s, sep, f)


def ts_iso_s(ns, t=" "):
    h, m, s, _ = split_ns(ns)
    return "%s%s%02d:%02d:%02d" % (DATE, t, h, m, s)


def ts_ctime(ns):
    h, m, s, _ = split_ns(ns)
    return "%s %s %2d %02d:%02d:%02d %04d" % (WDAY, MONTHS[MONTH - 1], DAY, h, m, s, YEAR)


def epoch_ms(ns):
    return EPOCH_DAY_MS + ns // MS


# ---------------------------------------------------------------- framework
class System:
    def __init__(self, k, name, header_re, kind):
        self.k = k
        self.name = name
        self.kind = kind
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.header_re = re.compile(header_re)
        self.events = []          # [(key, template)] in declaration order
        self.index = {}
        self.cycles = {}
        self.lines = []           # (ns, seq, header, key, values)
        self.seq = 0

    # declaration ----------------------------------------------------------
    def event(self, key, template):
        assert key not in self.index
        self.index[key] = len(self.events)
        self.events.append((key, template))

    def eid(self, key):
        return "E%d" % (self.index[key] + 1)

    # values ---------------------------------------------------------------
    def cyc(self, key, pool):
        """Small pools cycle through the pool per (event, slot) key."""
        i = self.cycles.get(key, 0)
        self.cycles[key] = i + 1
        return pool[i % len(pool)]

    def hexs(self, n):
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def uuid(self):
        r = self.rng
        return "%s-%s-4%s-%s%s-%s" % (self.hexs(8), self.hexs(4), self.hexs(3),
                                      r.choice("89ab"), self.hexs(3), self.hexs(12))

    # lines ----------------------------------------------------------------
    def add(self, ns, header, key, values):
        tpl = self.events[self.index[key]][1]
        assert tpl.count("<*>") == len(values), (self.name, key, values)
        self.seq += 1
        self.lines.append((ns, self.seq, header, key, [str(v) for v in values]))

    def content(self, key, values):
        parts = self.events[self.index[key]][1].split("<*>")
        out = [parts[0]]
        for v, p in zip(values, parts[1:]):
            out.append(v)
            out.append(p)
        return "".join(out)

    def shuffle_plan(self, counts):
        """counts: {key: n}; returns a shuffled list of event keys."""
        assert sum(counts.values()) == N_LINES, (self.name, sum(counts.values()))
        plan = []
        for key, _ in self.events:
            plan.extend([key] * counts[key])
        self.rng.shuffle(plan)
        return plan

    def forward_clock(self, start_ns, mean_gap_ns, n):
        t = start_ns
        out = []
        for _ in range(n):
            t += 1 + int(self.rng.expovariate(1.0 / mean_gap_ns))
            out.append(t)
        return out

    def finish(self):
        self.lines.sort(key=lambda x: (x[0], x[1]))
        assert len(self.lines) >= N_LINES, (self.name, len(self.lines))
        self.lines = self.lines[:N_LINES]

    def write(self):
        d = os.path.join(OUT, self.name)
        os.makedirs(d, exist_ok=True)
        log_path = os.path.join(d, self.name + ".log")
        csv_path = os.path.join(d, self.name + ".log_structured.csv")
        with open(log_path, "w", encoding="utf-8", newline="\n") as lf, \
                open(csv_path, "w", encoding="utf-8", newline="") as cf:
            w = csv.writer(cf, lineterminator="\n")
            w.writerow(CSV_HEADER)
            for i, (_, _, header, key, values) in enumerate(self.lines, 1):
                content = self.content(key, values)
                lf.write(header + content + "\n")
                w.writerow([i, content, self.eid(key), self.events[self.index[key]][1]])


def pick_weighted(rng, items):
    total = sum(w for _, w in items)
    x = rng.random() * total
    for v, w in items:
        x -= w
        if x < 0:
            return v
    return items[-1][0]


# ============================================================ 1 CloudStackMgmt
CS_HDR = (r"(?P<D>\d{4}-\d\d-\d\d) (?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d),(?P<F>\d{3}) "
          r"(?:TRACE|DEBUG|INFO |WARN |ERROR|FATAL) \[[\w.$]+\] \([^()]+:[^()]*\) "
          r"\(logid:[0-9a-f]{0,8}\) ")


def build_cloudstack():
    S = System(1, "CloudStackMgmt", CS_HDR, "simulation")
    r = S.rng
    S.event("start", "===START===  <*> -- <*>  command=<*>")
    S.event("end", "===END===  <*> -- <*>  command=<*>")
    S.event("exec", "Executing AsyncJobVO {id:<*>, userId: <*>, accountId: <*>, instanceType: VirtualMachine, "
                    "instanceId: <*>, cmd: <*>, cmdInfo: <*>, cmdVersion: 0, status: IN_PROGRESS, processStatus: 0, "
                    "resultCode: 0, result: null, initMsid: 345049098498, completeMsid: null, lastUpdated: null, "
                    "lastPolled: null, created: null}")
    S.event("addmon", "Add job-<*> into job monitoring")
    S.event("rmmon", "Remove job-<*> from job monitoring")
    S.event("send", "Seq <*>-<*>: Sending  { Cmd , MgmtId: 345049098498, via: <*>(<*>), Ver: v1, Flags: <*>, <*> }")
    S.event("recv", "Seq <*>-<*>: Received:  { Ans: , MgmtId: 345049098498, via: <*>(<*>), Ver: v1, Flags: <*>, { <*> } }")
    S.event("vmstate", "VM state transitted from :<*> to <*> with event: <*> vm's original host id: <*> "
                       "new host id: <*> host id before state transition: <*>")
    S.event("complete", "Complete async job-<*>, jobStatus: <*>, resultCode: <*>, result: <*>")
    S.event("ping", "Ping from Routing host <*>(<*>)")
    S.event("found", "Found <*> hosts for allocation after prioritization: <*>")
    S.event("capacity", "Checking if host: <*> has enough capacity for requested CPU: <*> and requested RAM: "
                        "(<*>) <*> , cpuOverprovisioningFactor: <*>")
    S.event("avoids", "Deploy avoids pods: <*>, clusters: <*>, hosts: <*>")
    S.event("unable", "Unable to start VM <*> due to: <*>")
    S.event("authfail", "Failed to authenticate user: <*> in domain <*>; please provide valid credentials")

    hosts = [(1, "kvm-a01", "10.40.1.11"), (2, "kvm-a02", "10.40.1.12"), (4, "kvm-b01", "10.40.2.11"),
             (5, "kvm-b03", "10.40.2.13"), (7, "kvm-c02", "10.40.3.12"), (9, "kvm-c04", "10.40.3.14"),
             (11, "kvm-d01", "10.40.4.11"), (12, "kvm-d02", "10.40.4.12")]
    host_by_id = {h[0]: h for h in hosts}
    overprov = {1: "1.0", 2: "1.0", 4: "2.0", 5: "2.0", 7: "4.0", 9: "4.0", 11: "1.5", 12: "1.5"}
    seqno = {h[0]: r.randint(10 ** 18, 6 * 10 ** 18) for h in hosts}
    clients = ["10.8.14.22", "10.8.14.37", "192.168.77.5", "172.20.3.118", "10.8.15.201"]
    users = [(2, 2, "admin"), (5, 4, "jhalvorsen"), (8, 6, "ops-automation"), (11, 9, "mbeaudry")]
    offerings = [(1, 1000, "1.00 GB", 1073741824), (2, 2000, "2.00 GB", 2147483648),
                 (4, 2000, "4.00 GB", 4294967296), (2, 500, "512.00 MB", 536870912)]
    vms = []
    for i in range(14):
        acct = users[i % len(users)]
        vid = 41 + i * 3 + r.randint(0, 2)
        vms.append({"id": vid, "name": "i-%d-%d-VM" % (acct[1], vid), "uuid": S.uuid(),
                    "disp": r.choice(["web", "db", "cache", "ci-runner", "bastion", "mq"]) + "-%02d" % r.randint(1, 40),
                    "user": acct, "host": r.choice(hosts)[0], "off": offerings[i % len(offerings)]})
    list_cmds = [
        "listVirtualMachines&listall=true&page=1&pagesize=20&response=json",
        "listZones&available=true&response=json",
        "listHosts&type=Routing&page=1&pagesize=50&response=json",
        "queryAsyncJobResult&jobid=%s&response=json",
        "listNetworks&listall=true&zoneid=%s&response=json",
        "listCapabilities&response=json",
        "listEvents&level=ERROR&startdate=2026-03-14&response=json",
    ]
    fail_reasons = [
        "Unable to create a deployment for VM[User|%s]",
        "Insufficient capacity to deploy VM[User|%s], no suitable host found in cluster 3",
        "Unable to orchestrate start VM instance {\"name\":\"%s\"} due to [Host 5 is in Maintenance state]",
    ]
    bad_users = [("jdoe", 1), ("svc-backup", 3), ("admin", 1), ("m.okafor", 4)]

    def H(ns, level, logger, thread, ctx, logid=""):
        return "%s %-5s [%s] (%s:%s) (logid:%s) " % (ts_iso_ms(ns), level, logger, thread, ctx, logid)

    def api_thread():
        return "qtp1480010240-%d" % r.randint(12, 97)

    def ms(a, b):
        return int(r.uniform(a, b) * MS)

    job_counter = [48213]
    T0 = 9 * HOUR + 41 * MIN + 7 * SEC + r.randint(0, SEC)
    END = T0 + 8 * MIN

    # agent pings: each host pings on its own clock
    for hid, hname, _ in hosts:
        t = T0 + r.randint(0, 60 * SEC)
        while t < END:
            S.add(t, H(t, "DEBUG", "c.c.a.m.AgentManagerImpl", "AgentManager-Handler-%d" % r.randint(1, 15), "null"),
                  "ping", [hid, hname])
            t += 60 * SEC + r.randint(-400, 400) * MS

    def api_call(t, method, cmd, body):
        """sync part of an API call; body(t, ctx) returns time when response is sent"""
        ctx = S.hexs(8)
        th = api_thread()
        ip = S.cyc("client", clients)
        S.add(t, H(t, "DEBUG", "c.c.a.ApiServlet", th, "ctx-" + ctx, ctx), "start", [ip, method, cmd])
        t2 = body(t, ctx, th)
        S.add(t2, H(t2, "DEBUG", "c.c.a.ApiServlet", th, "ctx-" + ctx, ctx), "end", [ip, method, cmd])

    def list_req(t):
        c = S.cyc("listcmd", list_cmds)
        if "%s" in c:
            c = c % (S.uuid() if "zoneid" in c else S.uuid())
        c += "&_=%d" % epoch_ms(t)
        api_call(t, "GET", c, lambda t0, ctx, th: t0 + ms(8, 180))

    def login_req(t):
        fail = S.cyc("loginfail", [True, False, True])
        u = S.cyc("baduser", bad_users)

        def body(t0, ctx, th):
            t1 = t0 + ms(20, 90)
            if fail:
                S.add(t1, H(t1, "INFO", "c.c.a.ApiServer", th, "ctx-" + ctx, ctx), "authfail", [u[0], u[1]])
            return t1 + ms(2, 15)
        api_call(t, "POST", "login&response=json", body)

    def job_req(t, kind):
        vm = S.cyc("vm." + kind, vms)
        jid = job_counter[0]
        job_counter[0] += r.randint(1, 4)
        acct = vm["user"]
        if kind == "start":
            cmd = "startVirtualMachine&id=%s&response=json" % vm["uuid"]
            cls = S.cyc("startcls", ["org.apache.cloudstack.api.command.admin.vm.StartVMCmdByAdmin",
                                     "org.apache.cloudstack.api.command.user.vm.StartVMCmd"])
        else:
            cmd = "stopVirtualMachine&id=%s&forced=false&response=json" % vm["uuid"]
            cls = S.cyc("stopcls", ["org.apache.cloudstack.api.command.user.vm.StopVMCmd",
                                    "org.apache.cloudstack.api.command.admin.vm.StopVMCmdByAdmin"])
        info = '{"response":"json","id":"%s","ctxUserId":"%d","httpmethod":"GET","ctxAccountId":"%d"}' % (
            vm["uuid"], acct[0], acct[1])
        jctx = S.hexs(8)
        jth = "API-Job-Executor-%d" % r.randint(1, 48)
        jc = "ctx-%s job-%d" % (jctx, jid)
        wth = "Work-Job-Executor-%d" % r.randint(1, 40)
        wjid = jid + 1
        wc = "ctx-%s job-%d/job-%d ctx-%s" % (jctx, jid, wjid, S.hexs(8))
        job_counter[0] += 1
        plan = {}

        def body(t0, ctx, th):
            t1 = t0 + ms(4, 20)
            S.add(t1, H(t1, "INFO", "o.a.c.f.j.i.AsyncJobMonitor", jth, jc, jctx), "addmon", [jid])
            t1 += ms(1, 6)
            S.add(t1, H(t1, "DEBUG", "o.a.c.f.j.i.AsyncJobManagerImpl", jth, jc, jctx), "exec",
                  [jid, acct[0], acct[1], vm["id"], cls, info])
            plan["t"] = t1
            return t1 + ms(3, 25)
        api_call(t, "GET", cmd, body)
        t = plan["t"] + ms(30, 400)

        def wh(tt, level, logger):
            return H(tt, level, logger, wth, wc, jctx)

        hid = vm["host"]
        cpus, speed, ramtxt, ram = vm["off"]
        result = None
        if kind == "start":
            S.add(t, wh(t, "DEBUG", "c.c.c.CapacityManagerImpl"), "vmstate",
                  ["Stopped", "Starting", "StartRequested", hid, "null", "null"])
            t += ms(20, 200)
            fail = S.cyc("startfail", [False, True, False, False])
            n = r.randint(3, 6)
            cand = r.sample(hosts, n)
            S.add(t, wh(t, "DEBUG", "c.c.a.m.a.i.FirstFitAllocator"), "found",
                  [n, "[" + ", ".join("Host[-%d-Routing]" % h[0] for h in cand) + "]"])
            for h in cand:
                t += ms(2, 30)
                S.add(t, wh(t, "DEBUG", "c.c.c.CapacityManagerImpl"), "capacity",
                      [h[0], cpus * speed, ramtxt, ram, overprov[h[0]]])
            t += ms(10, 120)
            if fail:
                S.add(t, wh(t, "DEBUG", "c.c.d.DeploymentPlanningManagerImpl"), "avoids",
                      [S.cyc("avpod", ["[]", "[2]"]), S.cyc("avcl", ["[]", "[3]", "[5, 6]"]),
                       "[" + ", ".join(str(h[0]) for h in cand) + "]"])
                t += ms(30, 300)
                reason = S.cyc("failreason", fail_reasons) % vm["name"]
                S.add(t, wh(t, "WARN", "c.c.v.UserVmManagerImpl"), "unable", [vm["name"], reason])
                t += ms(5, 60)
                S.add(t, wh(t, "DEBUG", "c.c.c.CapacityManagerImpl"), "vmstate",
                      ["Starting", "Stopped", "OperationFailed", hid, "null", "null"])
                result = ("FAILED", S.cyc("errcode", ["530", "533"]),
                          'org.apache.cloudstack.api.response.ExceptionResponse/null/{"uuidList":[],"errorcode":%s,'
                          '"errortext":"%s"}')
                result = (result[0], result[1], result[2] % (result[1], reason))
            else:
                target = r.choice(cand)
                tid, tname, tip = target
                seqno[tid] += r.randint(1, 9)
                sq = seqno[tid]
                payload = ('[{"com.cloud.agent.api.StartCommand":{"vm":{"id":%d,"name":"%s","type":"User",'
                           '"cpus":%d,"speed":%d,"minRam":%d,"maxRam":%d},"hostIp":"%s","executeInSequence":false,'
                           '"wait":0}}]' % (vm["id"], vm["name"], cpus, speed, ram, ram, tip))
                S.add(t, wh(t, "DEBUG", "c.c.a.t.Request"), "send",
                      [tid, sq, tid, tname, S.cyc("sflag", ["100011", "100111"]), payload])
                t += ms(1800, 9000)
                S.add(t, H(t, "DEBUG", "c.c.a.t.Request", "AgentManager-Handler-%d" % r.randint(1, 15), "null"),
                      "recv", [tid, sq, tid, tname, S.cyc("rflag", ["10", "110"]), "StartAnswer"])
                t += ms(10, 90)
                S.add(t, wh(t, "DEBUG", "c.c.c.CapacityManagerImpl"), "vmstate",
                      ["Starting", "Running", "OperationSucceeded", hid, tid, "null"])
                vm["host"] = tid
                result = ("SUCCEEDED", "0",
                          'org.apache.cloudstack.api.response.UserVmResponse/virtualmachine/{"id":"%s","name":"%s",'
                          '"displayname":"%s","state":"Running","hostname":"%s"}' % (vm["uuid"], vm["disp"],
                                                                                   vm["disp"], tname))
        else:
            S.add(t, wh(t, "DEBUG", "c.c.c.CapacityManagerImpl"), "vmstate",
                  ["Running", "Stopping", "StopRequested", hid, hid, hid])
            t += ms(20, 150)
            tid, tname, tip = host_by_id[hid]
            seqno[tid] += r.randint(1, 9)
            sq = seqno[tid]
            payload = ('[{"com.cloud.agent.api.StopCommand":{"isProxy":false,"checkBeforeCleanup":false,'
                       '"forceStop":false,"vmName":"%s","executeInSequence":false,"wait":0}}]' % vm["name"])
            S.add(t, wh(t, "DEBUG", "c.c.a.t.Request"), "send",
                  [tid, sq, tid, tname, S.cyc("sflag", ["100011", "100111"]), payload])
            t += ms(900, 6000)
            S.add(t, H(t, "DEBUG", "c.c.a.t.Request", "AgentManager-Handler-%d" % r.randint(1, 15), "null"),
                  "recv", [tid, sq, tid, tname, S.cyc("rflag", ["10", "110"]), "StopAnswer"])
            t += ms(10, 90)
            S.add(t, wh(t, "DEBUG", "c.c.c.CapacityManagerImpl"), "vmstate",
                  ["Stopping", "Stopped", "OperationSucceeded", hid, "null", hid])
            result = ("SUCCEEDED", "0",
                      'org.apache.cloudstack.api.response.UserVmResponse/virtualmachine/{"id":"%s","name":"%s",'
                      '"displayname":"%s","state":"Stopped"}' % (vm["uuid"], vm["disp"], vm["disp"]))
        t += ms(5, 40)
        S.add(t, H(t, "DEBUG", "o.a.c.f.j.i.AsyncJobManagerImpl", jth, jc, jctx), "complete",
              [jid, result[0], result[1], result[2]])
        t += ms(1, 10)
        S.add(t, H(t, "INFO", "o.a.c.f.j.i.AsyncJobMonitor", jth, jc, jctx), "rmmon", [jid])

    t = T0 + r.randint(0, 2 * SEC)
    while t < END:
        kind = pick_weighted(r, [("list", 0.34), ("login", 0.14), ("start", 0.36), ("stop", 0.16)])
        if kind == "list":
            list_req(t)
        elif kind == "login":
            login_req(t)
        else:
            job_req(t, kind)
        t += 1 + int(r.expovariate(1.0 / (3.2 * SEC)))
    S.finish()
    return S


# ============================================================ 2 OpenNebula
ONE_HDR = (r"(?P<WD>Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?P<MO>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
           r"(?P<DD>[ \d]\d) (?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d) (?P<Y>\d{4}) "
           r"\[Z\d+\]\[[A-Za-z]{2,4}\]\[(?:D|I|W|E|DDD)\]: ")


def build_opennebula():
    S = System(2, "OpenNebula", ONE_HDR, "shuffle")
    r = S.rng
    S.event("invoked", "Req:<*> UID:<*> IP:<*> <*> invoked , <*>")
    S.event("success", "Req:<*> UID:<*> <*> result SUCCESS, <*>")
    S.event("failure", "Req:<*> UID:<*> <*> result FAILURE <*>")
    S.event("monitored", "Host <*> (<*>) successfully monitored.")
    S.event("monerr", "Error monitoring Host <*> (<*>): <*>")
    S.event("monitoring", "Monitoring host <*> (<*>)")
    S.event("logvirt", "Message received: LOG I <*> Successfully execute virtualization driver operation: <*>.")
    S.event("lognet", "Message received: LOG I <*> Successfully execute network driver operation: <*>.")
    S.event("deployok", "Message received: DEPLOY SUCCESS <*> <*>")
    S.event("shutok", "Message received: SHUTDOWN SUCCESS <*> -")
    S.event("transfer", "Message received: TRANSFER SUCCESS <*> -")
    S.event("deploying", "Deploying VM <*>")
    S.event("terminating", "Terminating VM <*>")
    S.event("authfail", "Message received: AUTHENTICATE FAILURE <*> <*>")
    counts = {"invoked": 70, "success": 60, "failure": 5, "monitored": 40, "monerr": 4, "monitoring": 22,
              "logvirt": 18, "lognet": 12, "deployok": 15, "shutok": 6, "transfer": 23, "deploying": 9,
              "terminating": 7, "authfail": 9}

    hosts = [(0, "nebula-kvm01"), (1, "nebula-kvm02"), (2, "nebula-kvm03"), (4, "edge-lxd-a"),
             (5, "edge-lxd-b"), (7, "nebula-kvm07")]
    uids = ["0", "0", "2", "5", "0", "11"]
    ips = ["127.0.0.1", "10.12.0.4", "127.0.0.1", "10.12.0.19", "192.168.122.1"]
    vmnames = ["web-fe", "pg-primary", "k8s-worker", "jenkins-agent", "ldap", "grafana"]

    def vmid():
        return r.randint(212, 298)

    def vmxml(v):
        return ('"<VM><ID>%d</ID><UID>%s</UID><GID>0</GID><UNAME>oneadmin</UNAME><GNAME>oneadmin</GNAME>'
                '<NAME>%s-%d</NAME><PERMISSIONS><OWNER_U>1</OWNER_U><OWNER_M>1</OWNER_M>..."'
                % (v, S.cyc("xmluid", ["0", "2"]), r.choice(vmnames), v))

    methods = [
        ("one.vm.info", lambda: "%d, false" % vmid(), lambda: vmxml(vmid())),
        ("one.vmpool.info", lambda: "-2, -1, -1, -1", lambda: '"<VM_POOL><VM><ID>%d</ID><UID>0</UID>..."' % vmid()),
        ("one.host.info", lambda: "%d, false" % r.choice(hosts)[0],
         lambda: '"<HOST><ID>%d</ID><NAME>%s</NAME><STATE>2</STATE>..."' % r.choice(hosts)),
        ("one.vm.action", lambda: '"%s", %d' % (r.choice(["terminate", "poweroff", "resume", "reboot"]), vmid()),
         lambda: "%d" % vmid()),
        ("one.vm.deploy", lambda: '%d, %d, false, -1, ""' % (vmid(), r.choice(hosts)[0]), lambda: "%d" % vmid()),
        ("one.hostpool.info", lambda: "-2, -1, -1", lambda: '"<HOST_POOL><HOST><ID>0</ID><NAME>nebula-kvm01</NAME>..."'),
        ("one.user.info", lambda: "-1, false", lambda: '"<USER><ID>%s</ID><GID>1</GID><GROUPS><ID>1</ID>..."'
         % S.cyc("useruid", ["2", "5", "11"])),
    ]
    failures = [
        lambda: ("one.vm.action", "[one.vm.action] User [%s] : Not authorized to perform MANAGE VM [%d]."
                 % (S.cyc("fuid", ["5", "11"]), vmid())),
        lambda: ("one.vm.info", "[one.vm.info] Error getting virtual machine [%d]." % r.randint(400, 520)),
        lambda: ("one.vm.deploy", "[one.vm.deploy] Host [%d] is disabled." % r.choice(hosts)[0]),
        lambda: ("one.template.instantiate", "[one.template.instantiate] VM_QUOTA: VM quota exceeded: "
                 "CPU: (Limit: 8, Used: 8, Requested: 2)."),
    ]
    monerr = ["Could not update remotes", "Timeout monitoring host after 300s",
              "Error executing kvm.rb: virsh: error: failed to connect to the hypervisor",
              "ssh: connect to host nebula-kvm07 port 22: No route to host"]
    authreasons = ["Invalid credentials", "User oneuser not found",
                   "Authentication driver failed: LDAP server ldap01.lab.internal unreachable"]

    req = [r.randint(3100, 3900)]

    def next_req():
        req[0] += r.randint(1, 9)
        return req[0]

    def gen(key):
        if key == "invoked":
            m = S.cyc("E1.m", methods)
            return "ReM", "D", [next_req(), S.cyc("E1.uid", uids), S.cyc("E1.ip", ips), m[0], m[1]()]
        if key == "success":
            m = S.cyc("E2.m", methods)
            return "ReM", "D", [next_req(), S.cyc("E2.uid", uids), m[0], m[2]()]
        if key == "failure":
            name, msg = S.cyc("E3.f", failures)()
            return "ReM", "D", [next_req(), S.cyc("E3.uid", ["5", "11", "0"]), name, msg]
        if key == "monitored":
            h = S.cyc("E4.h", hosts)
            return "InM", "D", [h[1], h[0]]
        if key == "monerr":
            h = S.cyc("E5.h", hosts[3:])
            return "InM", "E", [h[1], h[0], S.cyc("E5.why", monerr)]
        if key == "monitoring":
            h = S.cyc("E6.h", hosts)
            return "InM", "D", [h[1], h[0]]
        if key == "logvirt":
            return "VMM", "D", [vmid(), S.cyc("E7.op", ["deploy", "shutdown", "cancel", "reboot", "attach_nic"])]
        if key == "lognet":
            return "VMM", "D", [vmid(), S.cyc("E8.op", ["pre", "post", "clean"])]
        if key == "deployok":
            v = vmid()
            return "VMM", "D", [v, "one-%d" % v]
        if key == "shutok":
            return "VMM", "D", [vmid()]
        if key == "transfer":
            return "TM", "D", [vmid()]
        if key == "deploying":
            return "DiM", "D", [vmid()]
        if key == "terminating":
            return "DiM", "D", [vmid()]
        if key == "authfail":
            return "AuM", "D", [r.randint(20, 90), S.cyc("E14.why", authreasons)]
        raise KeyError(key)

    plan = S.shuffle_plan(counts)
    times = S.forward_clock(14 * HOUR + 2 * MIN + r.randint(0, 59) * SEC, int(1.4 * SEC), len(plan))
    for t, key in zip(times, plan):
        mod, lvl, vals = gen(key)
        S.add(t, "%s [Z0][%s][%s]: " % (ts_ctime(t), mod, lvl), key, vals)
    S.finish()
    return S


# ============================================================ 3 Ganeti
GNT_HDR = (r"(?P<D>\d{4}-\d\d-\d\d) (?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d),(?P<F>\d{3}): "
           r"ganeti-(?:noded|masterd) pid=\d+(?:/[\w.-]+)* (?:DEBUG|INFO|WARNING|ERROR|CRITICAL) ")


def build_ganeti():
    S = System(3, "Ganeti", GNT_HDR, "simulation")
    r = S.rng
    S.event("newjob", "Received new job")
    S.event("poll", "Received job poll request for <*>")
    S.event("oprun", "Op <*>/<*>: Opcode <*> is now running")
    S.event("opok", "Op <*>/<*>: Successfully finished opcode <*>")
    S.event("operr", "Op <*>/<*>: Error in opcode <*>: <*>")
    S.event("finished", "Finished job <*>, status = <*>")
    S.event("starting", "Starting instance <*> on node <*>")
    S.event("shutting", "Shutting down instance <*> on node <*>")
    S.event("migrating", "Migrating instance <*>")
    S.event("diskcons", "* checking disk consistency between source and target")
    S.event("secondary", "* switching node <*> to secondary mode")
    S.event("rpc", "<*> PUT <*> HTTP/1.1 200")
    S.event("commfail", "Communication failure to node <*>: <*>")
    S.event("waitsync", "Waiting for instance <*> to sync disks")
    S.event("insync", "Instance <*>'s disks are in sync")

    MPID, NPID = 2213, 1874
    master_ip = "192.168.81.10"
    nodes = ["gnt-node1.lab.example.net", "gnt-node2.lab.example.net", "gnt-node3.lab.example.net",
             "gnt-node4.lab.example.net", "gnt-node5.lab.example.net"]
    insts = []
    for i, nm in enumerate(["web01", "web02", "mail", "gitlab", "db-replica", "ns1", "monitor", "build07",
                            "vpn-gw", "wiki"]):
        p = nodes[i % len(nodes)]
        s = nodes[(i + 2) % len(nodes)]
        insts.append({"name": nm + ".lab.example.net", "p": p, "s": s})
    group_uuid = S.uuid()
    comm_reasons = ["Error 7: Failed connect to 192.168.81.14:1811; Connection refused",
                    "Error 28: Connection timed out after 60001 milliseconds",
                    "Error while executing backend function: Can't find device <DRBD8(hosts=(1/0), port=11034)>"]
    op_err = {"verify": ["Cluster verification of node group failed: %s did not return node_verify data",
                         "Node %s: unreachable, skipping node group verification"],
              "startup": ["Could not start instance: Hypervisor error: Failed to start instance: exited with code 1",
                          "Can't contact node %s for instance information"],
              "migrate": ["Disk 0 is degraded on target node, aborting migration",
                          "Could not pre-migrate instance on %s: Can't connect to migration target"]}

    def H(t, prog, thread, lvl):
        if prog == "noded":
            return "%s: ganeti-noded pid=%d %s " % (ts_iso_ms(t), NPID, lvl)
        return "%s: ganeti-masterd pid=%d/%s %s " % (ts_iso_ms(t), MPID, thread, lvl)

    def ms(a, b):
        return int(r.uniform(a, b) * MS)

    def rpc(t, path):
        S.add(t, H(t, "noded", "", "INFO"), "rpc", ["%s:%d" % (master_ip, r.randint(33000, 60999)), path])

    jobid = [187340]
    T0 = 7 * HOUR + 55 * MIN + r.randint(0, 59) * SEC
    END = T0 + 12 * MIN

    def job(t0, kind):
        jid = jobid[0]
        jobid[0] += 1
        off = {"startup": 0, "shutdown": 3, "migrate": 6, "replace": 8, "verify": 1}[kind]
        inst = S.cyc("inst." + kind, insts[off:] + insts[:off])
        S.add(t0, H(t0, "masterd", "ClientReq%d" % r.randint(1, 16), "INFO"), "newjob", [])
        t = t0 + ms(30, 250)
        jq = "Jq%d" % r.randint(1, 25)
        fail = kind in ("startup", "migrate", "verify") and S.cyc("fail." + kind, [False, False, True])
        if kind == "verify":
            ops = [("CLUSTER_VERIFY", "C_VERIFY"), ("CLUSTER_VERIFY_GROUP(%s)" % group_uuid, "C_VERIFY_GROUP")]
        else:
            opname = {"startup": "INSTANCE_STARTUP", "shutdown": "INSTANCE_SHUTDOWN",
                      "migrate": "INSTANCE_MIGRATE", "replace": "INSTANCE_REPLACE_DISKS"}[kind]
            tiny = {"startup": "I_STARTUP", "shutdown": "I_SHUTDOWN", "migrate": "I_MIGRATE",
                    "replace": "I_REPLACE_DISKS"}[kind]
            ops = [("%s(%s)" % (opname, inst["name"]), tiny)]
        n = len(ops)
        status = "success"
        for i, (summ, tiny) in enumerate(ops, 1):
            th = "%s/Job%d/%s" % (jq, jid, tiny)
            S.add(t, H(t, "masterd", th, "INFO"), "oprun", [i, n, summ])
            t += ms(20, 300)
            if kind == "verify":
                for nd in nodes if i == 2 else nodes[:2]:
                    rpc(t, "/node_verify")
                    t += ms(80, 900)
            elif kind == "startup":
                rpc(t, "/instance_info")
                t += ms(20, 200)
                S.add(t, H(t, "masterd", th, "INFO"), "starting", [inst["name"], inst["p"]])
                t += ms(20, 200)
                rpc(t, "/blockdev_assemble")
                t += ms(300, 2500)
                if not fail:
                    rpc(t, "/instance_start")
                    t += ms(500, 4000)
            elif kind == "shutdown":
                S.add(t, H(t, "masterd", th, "INFO"), "shutting", [inst["name"], inst["p"]])
                t += ms(20, 200)
                rpc(t, "/instance_shutdown")
                t += ms(1000, 9000)
                rpc(t, "/blockdev_shutdown")
                t += ms(100, 900)
            elif kind == "migrate":
                S.add(t, H(t, "masterd", th, "INFO"), "migrating", [inst["name"]])
                t += ms(20, 200)
                S.add(t, H(t, "masterd", th, "INFO"), "diskcons", [])
                rpc(t + ms(1, 20), "/blockdev_find")
                t += ms(200, 1200)
                if not fail:
                    S.add(t, H(t, "masterd", th, "INFO"), "secondary", [inst["s"]])
                    for p in ("/drbd_disconnect_net", "/drbd_attach_net", "/migration_info", "/accept_instance",
                              "/instance_migrate", "/finalize_migration_dst"):
                        t += ms(100, 1500)
                        rpc(t, p)
                    t += ms(100, 600)
                    inst["p"], inst["s"] = inst["s"], inst["p"]
            elif kind == "replace":
                rpc(t, "/blockdev_find")
                t += ms(200, 900)
                rpc(t, "/blockdev_replace_children")
                t += ms(200, 900)
                S.add(t, H(t, "masterd", th, "INFO"), "waitsync", [inst["name"]])
                for _ in range(r.randint(1, 3)):
                    t += ms(1000, 5000)
                    rpc(t, "/blockdev_getmirrorstatus")
                t += ms(50, 300)
                S.add(t, H(t, "masterd", th, "INFO"), "insync", [inst["name"]])
                t += ms(50, 300)
            if fail and (kind != "verify" or i == n):
                nd = inst["s"] if kind == "migrate" else inst["p"]
                S.add(t, H(t, "masterd", th, "WARNING"), "commfail", [nd, S.cyc("commwhy", comm_reasons)])
                t += ms(10, 80)
                why = S.cyc("operr." + kind, op_err[kind])
                if "%s" in why:
                    why = why % nd
                S.add(t, H(t, "masterd", th, "ERROR"), "operr", [i, n, summ, why])
                status = "error"
                break
            S.add(t, H(t, "masterd", th, "INFO"), "opok", [i, n, summ])
            t += ms(10, 120)
        th = "%s/Job%d/%s" % (jq, jid, ops[0][1])
        S.add(t, H(t, "masterd", th, "INFO"), "finished", [jid, status])
        # the CLI client polls on its own clock until the job is done
        tp = t0 + ms(300, 700)
        while tp < t + ms(200, 900):
            S.add(tp, H(tp, "masterd", "ClientReq%d" % r.randint(1, 16), "INFO"), "poll", [jid])
            tp += ms(900, 2500)

    t = T0
    block = []
    while t < END:
        if not block:
            # job mix per block of ten submissions, shuffled
            block = ["startup"] * 3 + ["shutdown"] * 2 + ["migrate"] * 2 + ["replace"] * 2 + ["verify"]
            r.shuffle(block)
        kind = block.pop()
        job(t, kind)
        t += 1 + int(r.expovariate(1.0 / (5.0 * SEC)))
    S.finish()
    return S


# ============================================================ 4 OvirtEngine
OV_HDR = (r"(?P<D>\d{4}-\d\d-\d\d) (?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d),(?P<F>\d{3})Z "
          r"(?:TRACE|DEBUG|INFO |WARN |ERROR|FATAL) \[[\w.$]+\] \([^()]+\) \[[0-9a-f-]*\] ")


def build_ovirt():
    S = System(4, "OvirtEngine", OV_HDR, "shuffle")
    r = S.rng
    S.event("lockacq", "Lock Acquired to object 'EngineLock:{exclusiveLocks='[<*>=VM]', sharedLocks=''}'")
    S.event("lockfree", "Lock freed to object 'EngineLock:{exclusiveLocks='[<*>=VM]', sharedLocks=''}'")
    S.event("running", "Running command: <*> internal: <*>. Entities affected :  ID: <*> Type: VMAction group <*> "
                       "with role type USER")
    S.event("vdsstart", "START, <*>(HostName = <*>, <*>:{hostId='<*>', vmId='<*>'}), log id: <*>")
    S.event("vdsfinish", "FINISH, <*>, return: <*>, log id: <*>")
    S.event("started", "EVENT_ID: USER_STARTED_VM(153), VM <*> was started by <*> (Host: <*>).")
    S.event("poweredoff", "EVENT_ID: USER_STOP_VM(33), VM <*> powered off by <*> (Host: <*>).")
    S.event("moved", "VM '<*>'(<*>) moved from '<*>' --> '<*>'")
    S.event("connecting", "Connecting to <*>/<*>")
    S.event("cmdfail", "Command '<*>' execution failed: <*>")
    S.event("validation", "Validation of action '<*>' failed for user <*>. Reasons: <*>")
    S.event("login", "User <*> successfully logged in with scopes: <*>")
    S.event("tasks", "Setting new tasks map. The map contains now <*> tasks")
    S.event("fetched", "Fetched <*> VMs from VDS '<*>'")
    S.event("notresp", "EVENT_ID: VDS_HOST_NOT_RESPONDING_CONNECTING(9,008), Host <*> is not responding. It will "
                       "stay in Connecting state for a grace period of <*> seconds and after that an attempt to "
                       "fence the host will be issued.")
    counts = {"lockacq": 22, "lockfree": 22, "running": 20, "vdsstart": 24, "vdsfinish": 24, "started": 12,
              "poweredoff": 8, "moved": 30, "connecting": 20, "cmdfail": 5, "validation": 4, "login": 7,
              "tasks": 16, "fetched": 80, "notresp": 6}

    hosts = []
    for i, nm in enumerate(["rhv-h01", "rhv-h02", "rhv-h03", "rhv-h05", "ovirt-gpu1"]):
        hosts.append({"name": nm, "fqdn": nm + ".dc2.corp.lan", "ip": "10.60.8.%d" % (21 + i * 2),
                      "id": S.uuid()})
    vms = [{"name": n, "id": S.uuid()} for n in ["sap-app01", "win2019-ts", "gitea", "elk-data-2", "hana-qa",
                                                "rhel9-tmpl-test", "jump01", "oracle-rac1"]]
    users = ["admin@internal-authz", "k.nakamura@corp.lan-authz", "svc-ansible@internal-authz",
             "l.moreau@corp.lan-authz"]
    login_users = ["admin@internal", "k.nakamura@corp.lan", "svc-ansible@internal"]
    cmds = [("RunVmCommand", "RUN_VM"), ("StopVmCommand", "STOP_VM"), ("ShutdownVmCommand", "SHUT_DOWN_VM"),
            ("MigrateVmCommand", "MIGRATE_VM"), ("RebootVmCommand", "REBOOT_VM")]
    vds = [("CreateBrokerVDSCommand", "CreateVDSCommandParameters", "WaitForLaunch"),
           ("DestroyVDSCommand", "DestroyVmVDSCommandParameters", "PoweringDown"),
           ("CreateVDSCommand", "CreateVDSCommandParameters", "WaitForLaunch"),
           ("MigrateBrokerVDSCommand", "MigrateVDSCommandParameters", "MigratingFrom")]
    states = [("WaitForLaunch", "PoweringUp"), ("PoweringUp", "Up"), ("Up", "PoweringDown"),
              ("PoweringDown", "Down"), ("MigratingFrom", "Up"), ("Up", "Paused")]
    reasons = ["VAR__ACTION__RUN,VAR__TYPE__VM,ACTION_TYPE_FAILED_VDS_VM_MEMORY,SCHEDULING_ALL_HOSTS_FILTERED_OUT",
               "VAR__ACTION__MIGRATE,VAR__TYPE__VM,ACTION_TYPE_FAILED_VM_IS_NOT_RUNNING",
               "VAR__ACTION__STOP,VAR__TYPE__VM,ACTION_TYPE_FAILED_OBJECT_LOCKED"]
    failcmds = ["GetAllVmStatsVDSCommand(HostName = %s, VdsIdVDSCommandParametersBase:{hostId='%s'})",
                "GetStatsAsyncVDSCommand(HostName = %s, VdsIdAndVdsVDSCommandParametersBase:{hostId='%s', vds='Host[%s]'})"]
    failwhy = ["VDSGenericException: VDSNetworkException: Message timeout which can be caused by communication issues",
               "VDSGenericException: VDSNetworkException: Broken pipe",
               "VDSGenericException: VDSNetworkException: Connection issue java.net.ConnectException: Connection refused"]
    scopes = ["ovirt-app-admin ovirt-app-api ovirt-app-portal ovirt-ext=auth:sequence-priority=~ "
              "ovirt-ext=revoke:revoke-all ovirt-ext=token-info:authz-search ovirt-ext=token-info:public-authz-search "
              "ovirt-ext=token-info:validate ovirt-ext=token:password-access",
              "ovirt-app-api ovirt-ext=token-info:authz-search ovirt-ext=token-info:public-authz-search "
              "ovirt-ext=token-info:validate ovirt-ext=token:password-access"]

    def corr():
        return S.cyc("corr", [lambda: S.hexs(8), lambda: S.uuid()])()

    def task():
        return "default task-%d" % r.randint(1, 180)

    def sched():
        return "EE-ManagedThreadFactory-engineScheduled-Thread-%d" % r.randint(1, 100)

    def gen(key):
        B = "org.ovirt.engine.core."
        if key in ("lockacq", "lockfree", "running"):
            c = S.cyc(key + ".cmd", cmds)
            vm = S.cyc(key + ".vm", vms)
            if key == "running":
                return "INFO", B + "bll." + c[0], task(), corr(), [c[0], S.cyc("int", ["false", "true"]), vm["id"], c[1]]
            return "INFO", B + "bll." + c[0], task(), corr(), [vm["id"]]
        if key == "vdsstart":
            v = S.cyc("vs.v", vds)
            h = S.cyc("vs.h", hosts)
            vm = S.cyc("vs.vm", vms)
            return "INFO", B + "vdsbroker.vdsbroker." + v[0], task(), corr(), [v[0], h["name"], v[1], h["id"], vm["id"],
                                                                              S.hexs(8)]
        if key == "vdsfinish":
            v = S.cyc("vf.v", vds)
            return "INFO", B + "vdsbroker.vdsbroker." + v[0], task(), corr(), [v[0], v[2], S.hexs(8)]
        if key in ("started", "poweredoff"):
            vm = S.cyc(key + ".vm", vms)
            h = S.cyc(key + ".h", hosts)
            return "INFO", B + "dal.dbbroker.auditloghandling.AuditLogDirector", task(), corr(), [
                vm["name"], S.cyc(key + ".u", users), h["name"]]
        if key == "moved":
            vm = S.cyc("mv.vm", vms)
            st = S.cyc("mv.st", states)
            return "INFO", B + "vdsbroker.monitoring.VmAnalyzer", "ForkJoinPool-1-worker-%d" % r.randint(1, 31), "", [
                vm["id"], vm["name"], st[0], st[1]]
        if key == "connecting":
            h = S.cyc("cn.h", hosts)
            return "INFO", "org.ovirt.vdsm.jsonrpc.client.reactors.ReactorClient", "SSL Stomp Reactor", "", [
                h["fqdn"], h["ip"]]
        if key == "cmdfail":
            h = S.cyc("cf.h", hosts)
            fc = S.cyc("cf.c", failcmds)
            fc = fc % ((h["name"], h["id"]) if fc.count("%s") == 2 else (h["name"], h["id"], h["name"]))
            return "ERROR", B + "vdsbroker.vdsbroker.GetAllVmStatsVDSCommand", sched(), "", [fc, S.cyc("cf.w", failwhy)]
        if key == "validation":
            return "WARN", B + "bll." + S.cyc("vl.c", ["RunVmCommand", "MigrateVmCommand", "StopVmCommand"]), task(), \
                corr(), [S.cyc("vl.a", ["RunVm", "MigrateVm", "StopVm"]), S.cyc("vl.u", users), S.cyc("vl.r", reasons)]
        if key == "login":
            return "INFO", "org.ovirt.engine.core.sso.service.AuthenticationService", task(), "", [
                S.cyc("lg.u", login_users), S.cyc("lg.s", scopes)]
        if key == "tasks":
            return "INFO", B + "bll.tasks.AsyncTaskManager", sched(), "", [S.cyc("tk.n", ["0", "0", "1", "2", "3"])]
        if key == "fetched":
            h = S.cyc("ft.h", hosts)
            return "INFO", B + "vdsbroker.monitoring.VmsStatisticsFetcher", sched(), "", [r.randint(0, 14), h["id"]]
        if key == "notresp":
            h = S.cyc("nr.h", hosts[2:])
            return "WARN", B + "dal.dbbroker.auditloghandling.AuditLogDirector", sched(), "", [
                h["name"], S.cyc("nr.g", ["60", "81", "122"])]
        raise KeyError(key)

    plan = S.shuffle_plan(counts)
    times = S.forward_clock(11 * HOUR + 17 * MIN + r.randint(0, 59) * SEC, int(0.9 * SEC), len(plan))
    for t, key in zip(times, plan):
        lvl, logger, thread, cid, vals = gen(key)
        S.add(t, "%sZ %-5s [%s] (%s) [%s] " % (ts_iso_ms(t), lvl, logger, thread, cid), key, vals)
    S.finish()
    return S


# ============================================================ 5 Foreman
FM_HDR = (r"(?P<D>\d{4}-\d\d-\d\d)T(?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d) "
          r"\[[DIWEF]\|[a-z]{3}\|[0-9a-f]{0,8}\] {1,3}")


def build_foreman():
    S = System(5, "Foreman", FM_HDR, "simulation")
    r = S.rng
    S.event("started", 'Started <*> "<*>" for <*> at <*>')
    S.event("processing", "Processing by <*> as <*>")
    S.event("params", "Parameters: <*>")
    S.event("authorized", "Authorized user <*>(<*>)")
    S.event("partial", "Rendered <*> (Duration: <*> | Allocations: <*>)")
    S.event("within", "Rendered <*> within <*> (Duration: <*> | Allocations: <*>)")
    S.event("completed", "Completed <*> in <*> (Views: <*> | ActiveRecord: <*> | Allocations: <*>)")
    S.event("completed302", "Completed 302 Found in <*> (ActiveRecord: <*> | Allocations: <*>)")
    S.event("halted", "Filter chain halted as :<*> rendered or redirected")
    S.event("redirected", "Redirected to <*>")
    S.event("facts", "Import facts for '<*>' completed. Added: <*>, Updated: <*>, Deleted <*> facts")
    S.event("unprocessable", "Unprocessable entity <*> (id: <*>): <*>")
    S.event("audit", "<*> (<*>) update event on <*> <*>, <*>")
    S.event("dnsadd", "Add the DNS A record for <*>/<*>")
    S.event("dnsrm", "Remove the DNS A record for <*>/<*>")

    base = "https://foreman.infra.acme-labs.io"
    hosts = []
    for i, nm in enumerate(["web-07", "db-02", "kafka-broker-3", "ci-agent-11", "proxy-eu1", "nfs-01", "mon-02",
                            "app-stg-4", "k8s-node-12", "ldap-2"]):
        hosts.append({"name": nm + ".infra.acme-labs.io", "id": 100 + i * 7 + r.randint(0, 6),
                      "ip": "10.31.%d.%d" % (r.randint(1, 9), r.randint(10, 250))})
    users = [("admin", "Admin User"), ("tvoss", "Tobias Voss"), ("api-terraform", "API Terraform"),
             ("rpatel", "Riya Patel")]
    clients = ["10.31.0.15", "10.31.0.16", "172.18.4.220", "10.44.9.3", "192.168.50.77"]
    proxies = ["10.31.0.40", "10.31.0.41"]
    ui_pages = [
        ("/hosts", "HostsController#index", "hosts/index.html.erb", ["hosts/_list.html.erb", "common/_searchbar.html.erb",
                                                                    "hosts/_selected_actions.html.erb",
                                                                    "common/_pagination.html.erb"]),
        ("/dashboard", "DashboardController#index", "dashboard/index.html.erb",
         ["dashboard/_list.html.erb", "dashboard/_host_configuration_status.html.erb",
          "dashboard/_reports_chart_widget.html.erb", "dashboard/_latest_events_widget.html.erb",
          "dashboard/_distribution_widget.html.erb"]),
        ("/config_reports", "ConfigReportsController#index", "config_reports/index.html.erb",
         ["config_reports/_list.html.erb", "common/_searchbar.html.erb", "common/_pagination.html.erb"]),
        ("/hosts/%s", "HostsController#show", "hosts/show.html.erb",
         ["hosts/_overview.html.erb", "hosts/_properties.html.erb", "hosts/_metrics.html.erb",
          "common/_puppetclasses_or_envs_changed.html.erb", "hosts/_host_detail_tabs.html.erb"]),
    ]
    api_gets = [
        ('/api/v2/hosts?search=os+%%3D+RedHat&per_page=100', "Api::V2::HostsController#index",
         '{"search"=>"os = RedHat", "per_page"=>"100", "apiv"=>"v2"}', "api/v2/hosts/index.json.rabl"),
        ('/api/v2/hosts/%s', "Api::V2::HostsController#show", '{"apiv"=>"v2", "id"=>"%s"}',
         "api/v2/hosts/show.json.rabl"),
        ('/api/v2/subnets?per_page=1000', "Api::V2::SubnetsController#index", '{"per_page"=>"1000", "apiv"=>"v2"}',
         "api/v2/subnets/index.json.rabl"),
        ('/api/v2/hostgroups?search=name+%%3D+prod', "Api::V2::HostgroupsController#index",
         '{"search"=>"name = prod", "apiv"=>"v2"}', "api/v2/hostgroups/index.json.rabl"),
    ]
    attrs = [("build", "true", "false"), ("comment", "staging", "decommission-2026Q2"), ("enabled", "true", "false"),
             ("hostgroup_id", "4", "9")]

    def H(t, rid, lvl="I", lg="app", indent=False):
        return "%sT%02d:%02d:%02d [%s|%s|%s] %s" % (DATE, *split_ns(t)[:3], lvl, lg, rid, "  " if indent else "")

    def ms(a, b):
        return int(r.uniform(a, b) * MS)

    def dur():
        return "%.1fms" % r.uniform(0.4, 95.0)

    def started(t, rid, method, path, ip):
        S.add(t, H(t, rid), "started", [method, path, ip, ts_iso_s(t) + " +0000"])

    def complete(t, rid, t0, status, views=True):
        total = max(1, (t - t0) // MS)
        if views:
            S.add(t, H(t, rid), "completed", [status, "%dms" % total, dur(), dur(), r.randint(2000, 190000)])
        else:
            S.add(t, H(t, rid), "completed302", ["%dms" % total, "%.1fms" % r.uniform(0.0, 9.0), r.randint(300, 4000)])

    def req(t0, kind):
        rid = S.hexs(8)
        t = t0
        ip = S.cyc("client", clients)
        user = S.cyc("user." + kind, users)
        host = S.cyc("host." + kind, hosts)
        if kind == "ui":
            page = S.cyc("uipage", ui_pages)
            path = page[0] % host["name"] if "%s" in page[0] else page[0]
            started(t, rid, "GET", path, ip)
            t += ms(1, 8)
            S.add(t, H(t, rid), "processing", [page[1], "HTML"])
            if "%s" in page[0]:
                t += ms(0, 2)
                S.add(t, H(t, rid, indent=True), "params", ['{"id"=>"%s"}' % host["name"]])
            t += ms(3, 30)
            S.add(t, H(t, rid), "authorized", list(user))
            for p in page[3]:
                t += ms(2, 120)
                S.add(t, H(t, rid, indent=True), "partial", [p, dur(), r.randint(300, 60000)])
            t += ms(2, 60)
            S.add(t, H(t, rid, indent=True), "within", [page[2], "layouts/application", dur(),
                                                        r.randint(20000, 300000)])
            t += ms(2, 40)
            complete(t, rid, t0, "200 OK")
        elif kind == "api":
            a = S.cyc("apiget", api_gets)
            path = a[0] % host["name"] if "%s" in a[0] else a[0].replace("%%", "%")
            started(t, rid, "GET", path, ip)
            t += ms(1, 8)
            S.add(t, H(t, rid), "processing", [a[1], "JSON"])
            t += ms(0, 2)
            S.add(t, H(t, rid, indent=True), "params", [a[2] % host["name"] if "%s" in a[2] else a[2]])
            t += ms(3, 30)
            S.add(t, H(t, rid), "authorized", list(user))
            t += ms(10, 900)
            S.add(t, H(t, rid, indent=True), "within", [a[3], "api/v2/layouts/index_layout", dur(),
                                                        r.randint(5000, 900000)])
            t += ms(2, 40)
            complete(t, rid, t0, "200 OK")
        elif kind == "redirect":
            page = S.cyc("rdpage", ui_pages[:3])
            started(t, rid, "GET", page[0], ip)
            t += ms(1, 8)
            S.add(t, H(t, rid), "processing", [page[1], "HTML"])
            t += ms(1, 10)
            S.add(t, H(t, rid), "halted", ["require_login"])
            S.add(t, H(t, rid), "redirected", [base + "/users/login"])
            t += ms(0, 3)
            complete(t, rid, t0, None, views=False)
        elif kind == "login":
            started(t, rid, "POST", "/users/login", ip)
            t += ms(1, 8)
            S.add(t, H(t, rid), "processing", ["UsersController#login", "HTML"])
            t += ms(0, 2)
            S.add(t, H(t, rid, indent=True), "params",
                  ['{"authenticity_token"=>"[FILTERED]", "login"=>{"login"=>"%s", "password"=>"[FILTERED]"}, '
                   '"commit"=>"Log In"}' % user[0]])
            t += ms(40, 400)
            S.add(t, H(t, rid), "redirected", [base + S.cyc("lgto", ["/hosts", "/", "/config_reports"])])
            t += ms(0, 3)
            complete(t, rid, t0, None, views=False)
        elif kind == "api401":
            a = S.cyc("api401", api_gets)
            path = a[0] % host["name"] if "%s" in a[0] else a[0].replace("%%", "%")
            started(t, rid, "GET", path, ip)
            t += ms(1, 8)
            S.add(t, H(t, rid), "processing", [a[1], "JSON"])
            t += ms(1, 10)
            S.add(t, H(t, rid), "halted", ["authorize"])
            t += ms(1, 10)
            S.add(t, H(t, rid, indent=True), "within", ["api/v2/errors/access_denied.json.rabl",
                                                        "api/v2/layouts/error_layout", dur(), r.randint(900, 5000)])
            complete(t + ms(0, 3), rid, t0, "401 Unauthorized")
        elif kind == "facts":
            px = S.cyc("proxy", proxies)
            started(t, rid, "POST", "/api/v2/hosts/facts", px)
            t += ms(1, 8)
            S.add(t, H(t, rid), "processing", ["Api::V2::HostsController#facts", "JSON"])
            t += ms(0, 2)
            S.add(t, H(t, rid, indent=True), "params",
                  ['{"facts"=>"[FILTERED]", "name"=>"%s", "certname"=>"%s", "apiv"=>"v2", "host"=>{"certname"=>"%s", '
                   '"name"=>"%s"}}' % ((host["name"],) * 4)])
            t += ms(300, 4000)
            S.add(t, H(t, rid), "facts", [host["name"], r.choice([0, 0, 1, 3]), r.randint(1, 40), r.choice([0, 0, 2])])
            t += ms(5, 60)
            S.add(t, H(t, rid, indent=True), "within", ["api/v2/common/facts.json.rabl", "api/v2/layouts/index_layout",
                                                        dur(), r.randint(900, 9000)])
            complete(t + ms(1, 10), rid, t0, "201 Created")
        elif kind in ("update", "create", "createfail", "delete"):
            method = {"update": "PUT", "create": "POST", "createfail": "POST", "delete": "DELETE"}[kind]
            path = "/api/v2/hosts" if kind in ("create", "createfail") else "/api/v2/hosts/" + host["name"]
            action = {"update": "update", "create": "create", "createfail": "create", "delete": "destroy"}[kind]
            ctrl, model = "Api::V2::HostsController", "Host::Managed"
            variant = S.cyc("cf.variant", ["host", "hostgroup", "hostupdate"]) if kind == "createfail" else ""
            if variant == "hostupdate":
                method, path, action = "PUT", "/api/v2/hosts/" + host["name"], "update"
            elif variant == "hostgroup":
                path, ctrl, model = "/api/v2/hostgroups", "Api::V2::HostgroupsController", "Hostgroup"
            started(t, rid, method, path, ip)
            t += ms(1, 8)
            S.add(t, H(t, rid), "processing", [ctrl + "#" + action, "JSON"])
            t += ms(0, 2)
            if variant == "hostgroup":
                p = ('{"hostgroup"=>{"name"=>"%s", "parent_id"=>"%d", "puppet_environment_id"=>"1"}, "apiv"=>"v2"}'
                     % (S.cyc("hgname", ["prod", "web", "staging"]), r.randint(1, 6)))
            elif method == "DELETE":
                p = '{"apiv"=>"v2", "id"=>"%s"}' % host["name"]
            elif method == "PUT":
                at = S.cyc("attr", attrs)
                p = '{"host"=>{"%s"=>"%s"}, "apiv"=>"v2", "id"=>"%s"}' % (at[0], at[2], host["name"])
            else:
                p = ('{"host"=>{"name"=>"%s", "hostgroup_id"=>"%d", "build"=>"true", "ip"=>"%s"}, "apiv"=>"v2"}'
                     % (host["name"].split(".")[0], r.randint(2, 12), host["ip"]))
            S.add(t, H(t, rid, indent=True), "params", [p])
            t += ms(3, 30)
            S.add(t, H(t, rid), "authorized", list(user))
            t += ms(20, 600)
            if kind == "createfail":
                ident = "new" if action == "create" else str(host["id"])
                if variant == "hostgroup":
                    why = "Name has already been taken"
                else:
                    why = S.cyc("unpr", ["IP address has already been taken", "Name has already been taken",
                                         "Hostgroup can't be blank, Architecture can't be blank"])
                S.add(t, H(t, rid), "unprocessable", [model, ident, why])
                t += ms(2, 20)
                S.add(t, H(t, rid, indent=True), "within", ["api/v2/errors/unprocessable_entity.json.rabl",
                                                            "api/v2/layouts/error_layout", dur(), r.randint(900, 9000)])
                complete(t + ms(1, 10), rid, t0, "422 Unprocessable Entity")
                return
            if kind == "update":
                for _ in range(r.randint(1, 2)):
                    at = S.cyc("auditattr", attrs)
                    S.add(t, H(t, rid, lg="aud"), "audit",
                          [S.cyc("audcls", ["Host::Managed", "Host::Base"]), host["id"], at[0], at[1], at[2]])
                    t += ms(1, 15)
            elif kind == "create":
                S.add(t, H(t, rid), "dnsadd", [host["name"], host["ip"]])
                t += ms(200, 2500)
            elif kind == "delete":
                S.add(t, H(t, rid), "dnsrm", [host["name"], host["ip"]])
                t += ms(200, 2500)
            S.add(t, H(t, rid, indent=True), "within", ["api/v2/hosts/show.json.rabl" if kind != "delete" else
                                                        "api/v2/hosts/destroy.json.rabl", "api/v2/layouts/index_layout",
                                                        dur(), r.randint(9000, 90000)])
            complete(t + ms(1, 10), rid, t0, "201 Created" if kind == "create" else "200 OK")

    T0 = 13 * HOUR + 8 * MIN + r.randint(0, 59) * SEC
    END = T0 + 10 * MIN
    t = T0
    block = []
    while t < END:
        if not block:
            # request mix per block of twelve requests, shuffled
            block = (["ui"] * 3 + ["api"] * 2 + ["redirect", "login", "api401", "facts", "update", "create",
                                                  "createfail", "delete"])
            block += [r.choice(["facts", "api"])]
            r.shuffle(block)
        req(t, block.pop())
        t += 1 + int(r.expovariate(1.0 / (2.2 * SEC)))
    S.finish()
    return S


# ============================================================ 6 MaasRegion
MAAS_HDR = (r"(?P<D>\d{4}-\d\d-\d\d) (?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d) [\w.]+: "
            r"\[(?:debug|info|warn|error|critical)\] ")


def build_maas():
    S = System(6, "MaasRegion", MAAS_HDR, "shuffle")
    r = S.rng
    S.event("http", "<*> <*> <*> HTTP/1.1 --> <*> (referrer: <*>; agent: <*>)")
    S.event("status", "<*>: Status transition from <*> to <*>")
    S.event("power", "<*>: Power state has changed from <*> to <*>.")
    S.event("rackconn", "Existing rack controller '<*>' running version <*> has connected to region '<*>'.")
    S.event("rackdisc", "Existing rack controller '<*>' has disconnected from region '<*>'.")
    S.event("dns", "Reloaded DNS configuration; <*>")
    S.event("lease", "Lease update: <*> for <*> on <*> at <*> (lease time: <*>) (hostname: <*>)")
    S.event("workerreg", "Worker pid:<*> registered RPC connection to ('<*>', '<*>', <*>).")
    S.event("workerlost", "Worker pid:<*> lost RPC connection to ('<*>', '<*>', <*>).")
    S.event("markfail", "<*>: Marking node failed: <*>")
    S.event("script", "<*>: Commissioning script '<*>' finished with exit status <*>")
    S.event("dhcp", "Successfully configured DHCPv4 on rack controller '<*>'.")
    S.event("powerq", "<*>: Power state could not be queried: <*>")
    counts = {"http": 100, "status": 36, "power": 32, "rackconn": 8, "rackdisc": 5, "dns": 18, "lease": 40,
              "workerreg": 12, "workerlost": 9, "markfail": 6, "script": 20, "dhcp": 10, "powerq": 4}

    machines = []
    for nm in ["fresh-lark", "noted-moth", "able-cow", "sweet-gnat", "brave-kiwi", "polite-eel", "vital-crow",
               "keen-yak", "calm-ibex", "still-wren"]:
        machines.append({"name": nm, "sid": "".join(r.choice("abcdefghkmnpqrstwxy0123456789") for _ in range(6)),
                         "ip": "10.245.%d.%d" % (r.randint(136, 139), r.randint(20, 240)),
                         "mac": "52:54:00:%s:%s:%s" % (S.hexs(2), S.hexs(2), S.hexs(2))})
    racks = [("rack-az1", "xfm7qe", "10.245.136.2"), ("rack-az2", "c8nwpb", "10.245.138.2"),
             ("rack-edge", "hq3r6k", "10.245.139.3")]
    regions = ["maas-region-01", "maas-region-02"]
    versions = ["3.4.2-14353-g.5a5221d57", "3.4.1-14343-g.aed7f6f3c"]
    transitions = [("NEW", "COMMISSIONING"), ("COMMISSIONING", "TESTING"), ("TESTING", "READY"),
                   ("READY", "ALLOCATED"), ("ALLOCATED", "DEPLOYING"), ("DEPLOYING", "DEPLOYED"),
                   ("DEPLOYED", "RELEASING"), ("RELEASING", "READY"), ("DEPLOYING", "FAILED_DEPLOYMENT")]
    http = [
        ("GET", "/MAAS/rpc/", "200 OK", "-", "provisioningserver.rpc.clusterservice.ClusterClientService"),
        ("POST", "/MAAS/metadata/status/%s", "204 NO CONTENT", "-", "python-requests/2.31.0"),
        ("GET", "/MAAS/metadata/2012-03-01/meta-data/instance-id", "200 OK", "-", "Cloud-Init/23.4.4"),
        ("GET", "/MAAS/api/2.0/machines/", "200 OK", "-", "Python-urllib/3.10"),
        ("GET", "/MAAS/api/2.0/version/", "200 OK", "-", "Terraform/1.7.4 (+https://www.terraform.io)"),
        ("GET", "/MAAS/r/machines", "200 OK", "http://10.245.136.1:5240/MAAS/r/dashboard",
         "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0"),
        ("POST", "/MAAS/api/2.0/machines/%s/op-deploy", "200 OK", "-", "Python-urllib/3.10"),
        ("GET", "/MAAS/api/2.0/machines/%s/", "404 NOT FOUND", "-", "python-requests/2.31.0"),
    ]
    dns_why = ["ip %s allocated", "ip %s released", "node %s deployed", "zone maas updated",
               "rack controller %s connected"]
    markfail = ["Power on for the node failed: Failed talking to node's BMC: Unable to establish IPMI v2 / RMCP+ session",
                "Installation failed (refer to the installation log for more information).",
                "Node operation 'Deploying' timed out after 30 minutes."]
    scripts = ["00-maas-01-cpuinfo", "00-maas-02-virtuality", "00-maas-03-install-lldpd", "20-maas-01-install-lldpd",
               "50-maas-01-commissioning", "maas-capture-lldpd", "maas-kernel-cmdline"]
    powerq = ["Failed to login to virsh console.", "Unable to connect to 10.245.137.201:623: Connection timed out",
              "IPMI session ended unexpectedly"]

    def gen(key, t):
        m = S.cyc(key + ".m", machines)
        if key == "http":
            h = S.cyc("http.h", http)
            path = h[1] % m["sid"] if "%s" in h[1] else h[1]
            ip = m["ip"] if h[0] == "POST" or "meta-data" in h[1] else S.cyc("http.ip", [rk[2] for rk in racks] +
                                                                            ["10.20.0.15"])
            return "regiond", "info", [ip, h[0], path, h[2], h[3], h[4]]
        if key == "status":
            tr = S.cyc("st.tr", transitions)
            return "maasserver.models.node", "info", [m["name"], tr[0], tr[1]]
        if key == "power":
            p = S.cyc("pw.p", [("off", "on"), ("on", "off"), ("unknown", "off")])
            return "maasserver.models.node", "info", [m["name"], p[0], p[1]]
        if key == "rackconn":
            rk = S.cyc("rc.r", racks)
            return "maasserver.rpc.rackcontrollers", "info", [rk[0], S.cyc("rc.v", versions), S.cyc("rc.g", regions)]
        if key == "rackdisc":
            rk = S.cyc("rd.r", racks)
            return "maasserver.rpc.rackcontrollers", "info", [rk[0], S.cyc("rd.g", regions)]
        if key == "dns":
            w = S.cyc("dns.w", dns_why)
            if "%s" in w:
                w = w % (m["ip"] if w.startswith("ip") else (m["name"] if w.startswith("node") else
                                                             S.cyc("dns.r", racks)[0]))
            return "maasserver.region_controller", "info", [w]
        if key == "lease":
            act = S.cyc("ls.a", ["commit", "commit", "expiry", "release"])
            return "maasserver.rpc.leases", "info", [act, m["ip"], m["mac"], ts_iso_s(t - r.randint(0, 40) * SEC),
                                                      S.cyc("ls.t", ["600s", "3600s", "600s"]), m["name"]]
        if key in ("workerreg", "workerlost"):
            rk = S.cyc(key + ".r", racks)
            return "maasserver.ipc", "info", [S.cyc(key + ".pid", ["40211", "40213", "40217", "40220"]), rk[1], rk[2],
                                              S.cyc(key + ".port", ["5250", "5251", "5252", "5253"])]
        if key == "markfail":
            return "maasserver.models.node", "error", [m["name"], S.cyc("mf.w", markfail)]
        if key == "script":
            return "metadataserver.api", "info", [m["name"], S.cyc("sc.s", scripts), S.cyc("sc.x", ["0", "0", "0", "1"])]
        if key == "dhcp":
            return "maasserver.dhcp", "info", [S.cyc("dh.r", racks)[0]]
        if key == "powerq":
            return "maasserver.models.node", "warn", [m["name"], S.cyc("pq.w", powerq)]
        raise KeyError(key)

    plan = S.shuffle_plan(counts)
    times = S.forward_clock(16 * HOUR + 40 * MIN + r.randint(0, 59) * SEC, int(1.1 * SEC), len(plan))
    for t, key in zip(times, plan):
        logger, lvl, vals = gen(key, t)
        S.add(t, "%s %s: [%s] " % (ts_iso_s(t), logger, lvl), key, vals)
    S.finish()
    return S


# ============================================================ self-check
def template_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")), re.S)


def time_key(m):
    g = m.groupdict()
    if "D" in g and g["D"] is not None:
        assert g["D"] == DATE, g["D"]
    if "WD" in g and g["WD"] is not None:
        assert (g["WD"], g["MO"], int(g["DD"]), int(g["Y"])) == (WDAY, MONTHS[MONTH - 1], DAY, YEAR), g
    f = g.get("F")
    return ((int(g["H"]) * 60 + int(g["M"])) * 60 + int(g["S"])) * 1000 + (int(f) if f else 0)


def self_check(S):
    d = os.path.join(OUT, S.name)
    log_path = os.path.join(d, S.name + ".log")
    csv_path = os.path.join(d, S.name + ".log_structured.csv")
    with open(log_path, "rb") as f:
        raw = f.read()
    assert raw.endswith(b"\n"), "log must end with newline"
    assert b"\r" not in raw, "no CR allowed"
    lines = raw.decode("utf-8").split("\n")[:-1]
    assert len(lines) == N_LINES, len(lines)
    with open(csv_path, newline="", encoding="utf-8") as f:
        rcsv = f.read()
    assert "\r" not in rcsv and rcsv.endswith("\n")
    rows = list(csv.reader(rcsv.splitlines(True)))
    assert rows[0] == CSV_HEADER, rows[0]
    rows = rows[1:]
    assert len(rows) == N_LINES, len(rows)
    declared = {"E%d" % (i + 1): tpl for i, (_, tpl) in enumerate(S.events)}
    assert len(set(declared.values())) == len(declared), "declared templates not distinct"
    tpl_of = {}
    slots = {}
    counts = {}
    prev = -1
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        assert len(row) == 4, row
        lid, content, eid, tpl = row
        assert lid == str(i), (lid, i)
        assert content and content == content.strip(), (i, content)
        assert "\n" not in content
        assert line.endswith(content), (i, line)
        header = line[:len(line) - len(content)]
        m = S.header_re.fullmatch(header)
        assert m, (S.name, i, header)
        k = time_key(m)
        assert k >= prev, (S.name, i, "time went back")
        prev = k
        assert re.fullmatch(r"E\d+", eid), eid
        assert eid in declared and declared[eid] == tpl, (eid, tpl)
        assert tpl_of.setdefault(eid, tpl) == tpl
        mm = template_regex(tpl).fullmatch(content)
        assert mm, (S.name, i, eid, tpl, content)
        sl = slots.setdefault(eid, [set() for _ in mm.groups()])
        for j, v in enumerate(mm.groups()):
            sl[j].add(v)
        counts[eid] = counts.get(eid, 0) + 1
    assert set(tpl_of) == set(declared), ("unused events", set(declared) - set(tpl_of))
    assert len(set(tpl_of.values())) == len(tpl_of)
    for eid, sl in slots.items():
        for j, vs in enumerate(sl):
            assert len(vs) >= 2, (S.name, eid, "slot", j + 1, vs)
    n = len(counts)
    assert 12 <= n <= 15, n
    c = sorted(counts.values())
    assert c[0] >= 3, (S.name, counts)
    assert sum(1 for x in c if 3 <= x <= 10) >= 3, (S.name, counts)
    med = statistics.median(c)
    assert c[-1] >= 3 * med, (S.name, c[-1], med)
    return counts, med


def main():
    builders = [build_cloudstack, build_opennebula, build_ganeti, build_ovirt, build_foreman, build_maas]
    systems = []
    for b in builders:
        S = b()
        S.write()
        systems.append(S)
    n_sim = sum(1 for S in systems if S.kind == "simulation")
    assert n_sim >= 2
    for S in systems:
        counts, med = self_check(S)
        order = sorted(counts, key=lambda e: int(e[1:]))
        print("%-15s %-10s events=%2d lines=%d max=%d median=%s  %s" % (
            S.name, S.kind, len(counts), N_LINES, max(counts.values()), med,
            " ".join("%s:%d" % (e, counts[e]) for e in order)))
    print("self-check OK")


if __name__ == "__main__":
    main()
