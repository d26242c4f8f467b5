#!/usr/bin/env python3
"""Round 47 blind labelled log corpus generator.

Six HPC-cluster systems, 300 lines each, written as <System>/<System>.log plus
<System>/<System>.log_structured.csv (LineId,Content,EventId,EventTemplate).
Python 3 standard library only; fully deterministic (no wall clock, no locale).
Every message is invented in the style of the named program.

Torque and Conserver are simulations (jobs / console client sessions and
console outages with overlapping lifetimes, merged in time order, first 300
kept).  Moab, XCat, Gmond and Nhc are seeded shuffles (fixed count per event,
shuffled, stamped by a forward-only clock with exponential gaps).
"""

import csv
import datetime
import os
import re
import random
import statistics
import sys

BASE_SEED = 20270149
N_LINES = 300
OUT = os.path.dirname(os.path.abspath(__file__))

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

NS = 10 ** 9
_DAY = datetime.date(2026, 3, 14)
DAY0_NS = (_DAY.toordinal() - datetime.date(1970, 1, 1).toordinal()) * 86400 * NS
DAY0_EPOCH = DAY0_NS // NS


def tparts(ns):
    """Integer ns clock -> (Y, M, D, weekday, h, m, s, epoch_seconds)."""
    sec = ns // NS
    sod = sec - DAY0_EPOCH
    assert 0 <= sod < 86400, "clock left 2026-03-14"
    return (_DAY.year, _DAY.month, _DAY.day, _DAY.weekday(),
            sod // 3600, (sod // 60) % 60, sod % 60, sec)


def hms(ns):
    p = tparts(ns)
    return "%02d:%02d:%02d" % (p[4], p[5], p[6])


def syslog_ts(ns):
    p = tparts(ns)
    return "%s %2d %s" % (MONTHS[p[1] - 1], p[2], hms(ns))


class Cycler:
    """Small pools cycle per (event, slot) so every slot takes several values."""

    def __init__(self, rng):
        self.rng = rng
        self.n = {}
        self.order = {}

    def __call__(self, key, pool):
        key = (key, tuple(pool))
        if key not in self.order:
            idx = list(range(len(pool)))
            self.rng.shuffle(idx)
            self.order[key] = idx
            self.n[key] = 0
        i = self.order[key][self.n[key] % len(pool)]
        self.n[key] += 1
        return pool[i]


def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) - 1 == len(values), (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\r" not in v, (template, v)
        out.append(v)
        out.append(p)
    return "".join(out)


def forward_clock(rng, start_ns, mean_gap_s, n):
    t = start_ns
    out = []
    for _ in range(n):
        t += int(rng.expovariate(1.0 / mean_gap_s) * NS)
        out.append(t)
    return out


def shuffle_system(rng, events, counts, start_ns, mean_gap_s):
    """events: list of (template, fn(rng, cyc, eid, ns) -> (values, header_info))."""
    assert len(events) == len(counts) and sum(counts) == N_LINES
    cyc = Cycler(rng)
    order = []
    for eid, c in enumerate(counts):
        order.extend([eid] * c)
    rng.shuffle(order)
    times = forward_clock(rng, start_ns, mean_gap_s, N_LINES)
    rows = []
    for ns, eid in zip(times, order):
        vals, hinfo = events[eid][1](rng, cyc, eid, ns)
        rows.append((ns, eid, vals, hinfo))
    return rows


def at(h, m=0, s=0):
    return DAY0_NS + (h * 3600 + m * 60 + s) * NS


# ---------------------------------------------------------------- shared pools
USERS = ["akovacs", "bmensah", "cortiz", "dvarga", "ekaur", "fhalvorsen",
         "gtanaka", "hmorales", "ipetrov", "jnwosu"]
LOGINS = ["login1", "login2", "login3"]


def node(rng, lo=1, hi=384, prefix="cn"):
    return "%s%03d" % (prefix, rng.randint(lo, hi))


def ip10(rng, b=None):
    return "10.%d.%d.%d" % (rng.choice([20, 21, 40]) if b is None else b,
                            rng.randint(0, 7), rng.randint(2, 254))


def hhmmss(sec):
    return "%02d:%02d:%02d" % (sec // 3600, (sec // 60) % 60, sec % 60)


# =============================================================== 1. Torque
TORQUE_SERVER = "hpcsrv7"
TORQUE_PID = 3318

TORQUE_EVENTS = [
    # (template, type code, object class)
    ("Type authenticate request received from <*>@<*>, sock=<*>", "0100", "Req"),        # E1
    ("Type statusjob request received from <*>@<*>, sock=<*>", "0100", "Req"),           # E2
    ("Job Queued at request of <*>@<*>, owner = <*>@<*>, job name = <*>, queue = <*>",
     "0008", "Job"),                                                                     # E3
    ("enqueuing into <*>, state 1 hop 1", "0100", "Job"),                                # E4
    ("Job Modified at request of <*>@<*>", "0008", "Job"),                               # E5
    ("Job Run at request of <*>@<*>", "0008", "Job"),                                    # E6
    ("Not sending email: User does not want mail of this type.", "0008", "Job"),         # E7
    ("obit received - updating final job usage info", "0100", "Job"),                    # E8
    ("Exit_status=<*> resources_used.cput=<*> resources_used.mem=<*> "
     "resources_used.vmem=<*> resources_used.walltime=<*>", "0010", "Job"),              # E9
    ("job exit status <*> handled", "0100", "Job"),                                      # E10
    ("on_job_exit valid pjob: <*> (substate=<*>)", "0100", "Job"),                       # E11
    ("dequeuing from <*>, state COMPLETE", "0100", "Job"),                               # E12
    ("Job deleted at request of <*>@<*>", "0008", "Job"),                                # E13
    ("Post job file processing error; job <*> on host <*>", "0001", "Job"),              # E14
    ("Reject reply code=<*>(<*>), aux=0, type=<*>, from <*>@<*>", "0080", "Req"),        # E15
]
TORQUE_HDR = re.compile(
    r"(?P<date>\d\d/\d\d/\d{4}) (?P<hms>\d\d:\d\d:\d\d);"
    r"(0001|0002|0004|0008|0010|0020|0040|0080|0100);PBS_Server\.\d+;"
    r"(Job|Req|Svr|Node|Queue);[^;]*;")


def torque_header(ns, eid, obj):
    p = tparts(ns)
    _, code, cls = TORQUE_EVENTS[eid]
    return "%02d/%02d/%04d %s;%s;PBS_Server.%d;%s;%s;" % (
        p[1], p[2], p[0], hms(ns), code, TORQUE_PID, cls, obj)


def gen_torque(rng):
    cyc = Cycler(rng)
    ev = []  # (ns, seq, eid, values, obj)
    seq = [0]

    def emit(ns, eid, vals, obj):
        seq[0] += 1
        ev.append((ns, seq[0], eid, vals, obj))

    queues = ["batch", "short", "long", "gpu"]
    jobnames = ["STDIN", "relax_md", "cfd_run42", "bwa_align.sh", "wrf-d02",
                "train_resnet", "gromacs_eq", "postproc", "lammps-melt", "vasp_scf"]
    clients = [(u, h) for u in USERS[:6] for h in LOGINS]

    t = at(7, 2, 11)
    jobid = 88410
    for j in range(40):
        t += int(rng.expovariate(1 / 75.0) * NS)
        jobid += rng.randint(1, 4)
        jid = "%d.%s" % (jobid, TORQUE_SERVER)
        user = cyc("job.user", USERS)
        lh = cyc("job.login", LOGINS)
        q = cyc("job.queue", queues)
        sock = rng.randint(9, 63)
        c = t
        emit(c, 0, [user, lh, sock], "")
        c += rng.randint(0, 1) * NS
        emit(c, 2, [user, lh, user, lh, cyc("job.name", jobnames), q], jid)
        emit(c, 3, [q], jid)
        c += int(rng.expovariate(1 / 50.0) * NS) + 2 * NS
        sched = cyc("sched", ["root", "moab"])
        if rng.random() < 0.75:
            emit(c, 4, [sched, cyc("mod.host", [TORQUE_SERVER, TORQUE_SERVER + ".hpc.lan"])], jid)
            c += rng.randint(0, 2) * NS
        deleted = (j % 5 == 1)
        emit(c, 5, [sched, cyc("run.host", [TORQUE_SERVER, TORQUE_SERVER + ".hpc.lan"])], jid)
        run = int(rng.expovariate(1 / 420.0) * NS) + 15 * NS
        if deleted:
            run //= 3
        c += run
        wall = run // NS
        if deleted:
            emit(c, 12, [user, lh], jid)
            c += rng.randint(1, 3) * NS
            status = 271
        else:
            status = 0 if rng.random() < 0.8 else rng.choice([1, 2, 127, 137, -11])
        emit(c, 7, [], jid)
        cput = int(wall * rng.uniform(0.2, 31.5))
        mem = rng.randint(2100, 9200000)
        emit(c, 8, [status, hhmmss(cput), "%dkb" % mem,
                    "%dkb" % (mem + rng.randint(40000, 900000)), hhmmss(wall)], jid)
        emit(c, 9, [status], jid)
        if rng.random() < 0.55:
            emit(c, 6, [], jid)
        if j % 5 == 3:
            emit(c, 13, [jid, "%s/%d" % (node(rng, 1, 128), rng.randint(0, 3))], jid)
        c += rng.randint(0, 2) * NS
        emit(c, 10, [jid, 50], jid)
        if rng.random() < 0.5:
            c += rng.randint(1, 5) * NS
            emit(c, 10, [jid, cyc("substate", [53, 58])], jid)
        emit(c, 11, [q], jid)

    # qstat / scheduler polling clients, own clocks
    rejects = [("15001", "Unknown Job Id Error", "StatusJob"),
               ("15007", "Unauthorized Request", "DeleteJob"),
               ("15001", "Unknown Job Id Error", "DeleteJob"),
               ("15004", "Invalid request", "ModifyJob")]
    for ci in range(5):
        c = at(7, 2, 30) + ci * 97 * NS
        root = ci == 0
        k = 0
        while c < at(9, 30):
            c += int(rng.expovariate(1 / (30.0 if root else 190.0)) * NS) + NS
            if root:
                u, h = "root", TORQUE_SERVER
            else:
                u, h = cyc("client", clients)
            emit(c, 1, [u, h, rng.randint(9, 63)], "")
            k += 1
            if not root and k % 6 == 2:
                code, msg, typ = cyc("reject", rejects)
                emit(c, 14, [code, msg, typ, u, h], "req_reject")
    ev.sort(key=lambda e: (e[0], e[1]))
    rows = []
    for ns, _s, eid, vals, obj in ev[:N_LINES]:
        rows.append((ns, eid, vals, obj))
    return rows


# =============================================================== 2. Moab
MOAB_HDR = re.compile(r"(?P<date>\d\d/\d\d) (?P<hms>\d\d:\d\d:\d\d) ")
_moab_iter = [118204]


def moab_job(rng):
    return str(rng.randint(88300, 88990))


def m_iter(rng, cyc, eid, ns):
    _moab_iter[0] += rng.randint(1, 3)
    return [_moab_iter[0]], None


RMS = ["base", "torque-gpu"]
MOAB_REASONS = [
    "RM failure, rc: 15046, msg: 'Resource temporarily unavailable'",
    "cannot allocate nodes to job",
    "job violates active policy MAXPROC",
    "requested feature 'a100' not available in partition gpu",
    "RM failure, rc: 15057, msg: 'Server could not connect to MOM'",
]
MOAB_DEFER = [
    "cannot create reservation for job",
    "NoResources",
    "job exceeds available partition procs",
    "RM rejected job (15046)",
]
NODE_STATES = [("Idle", "Busy"), ("Busy", "Idle"), ("Running", "Idle"), ("Idle", "Running"),
               ("Busy", "Down"), ("Down", "Idle"), ("Idle", "Drained"), ("Running", "Busy")]
RES_NAMES = ["system.%d", "job.%d", "maint.%d", "gpu_pm.%d", "admin.%d"]


def moab_dur(rng, lo, hi):
    s = rng.randint(lo, hi)
    if s >= 86400:
        return "%d:%s" % (s // 86400, hhmmss(s % 86400))
    return hhmmss(s)


MOAB_EVENTS = [
    ("INFO:     starting iteration <*>", m_iter),
    ("INFO:     <*> PBS jobs detected on RM <*>",
     lambda r, c, e, ns: ([r.randint(84, 162), c((e, 1), RMS)], None)),
    ("INFO:     <*> PBS resources detected on RM <*>",
     lambda r, c, e, ns: ([r.choice([252, 256, 255, 248, 64, 60]), c((e, 1), RMS)], None)),
    ("MRMJobStart(<*>,Msg,SC)", lambda r, c, e, ns: ([moab_job(r)], None)),
    ("INFO:     job '<*>' successfully started on <*> procs",
     lambda r, c, e, ns: ([moab_job(r), r.choice([1, 4, 16, 28, 56, 112, 224, 448])], None)),
    ("INFO:     node '<*>' state changed from <*> to <*>",
     lambda r, c, e, ns: ((lambda st: [node(r, 1, 256), st[0], st[1]])(c((e, 1), NODE_STATES)), None)),
    ("INFO:     reservation '<*>' created on <*> nodes (start: <*>, duration: <*>)",
     lambda r, c, e, ns: ([c((e, 0), RES_NAMES) % r.randint(3, 990), r.randint(1, 64),
                           "%s %s %2d %02d:%02d:00" % (WDAYS[tparts(ns)[3]], MONTHS[2], 14,
                                                       r.randint(tparts(ns)[4] + 1, 23),
                                                       r.choice([0, 15, 30, 45])),
                           moab_dur(r, 1800, 3 * 86400)], None)),
    ("INFO:     reservation '<*>' removed",
     lambda r, c, e, ns: ([c((e, 0), RES_NAMES) % r.randint(3, 990)], None)),
    ("INFO:     job '<*>' cancelled by user '<*>'",
     lambda r, c, e, ns: ([moab_job(r), c((e, 1), USERS + ["root"])], None)),
    ("ALERT:    cannot start job '<*>' (<*>)",
     lambda r, c, e, ns: ([moab_job(r), c((e, 1), MOAB_REASONS)], None)),
    ("WARNING:  job '<*>' exceeded wallclock limit <*> (used <*>), cancelling",
     lambda r, c, e, ns: ((lambda lim: [moab_job(r), hhmmss(lim), hhmmss(lim + r.randint(30, 300))])(
         r.choice([3600, 7200, 14400, 43200, 86399])), None)),
    ("ERROR:    cannot connect to RM '<*>' at '<*>:<*>' (<*>)",
     lambda r, c, e, ns: ([c((e, 0), RMS), c((e, 1), ["hpcsrv7", "gpusrv2"]), c((e, 2), [15001, 15051]),
                           c((e, 3), ["connection refused", "timeout after 30 seconds",
                                      "no route to host"])], None)),
    ("INFO:     job '<*>' deferred for <*>: <*>",
     lambda r, c, e, ns: ([moab_job(r), c((e, 1), ["00:01:00", "00:05:00", "01:00:00"]),
                           c((e, 2), MOAB_DEFER)], None)),
    ("INFO:     job '<*>' completed  QueueTime: <*>  RunTime: <*>  Accuracy: <*>",
     lambda r, c, e, ns: ([moab_job(r), r.randint(0, 90000), r.randint(12, 172800),
                           "%5.2f" % r.uniform(0.4, 99.9)], None)),
]
MOAB_COUNTS = [70, 35, 30, 24, 24, 28, 8, 7, 15, 12, 5, 4, 16, 22]


def moab_header(ns, eid, hinfo):
    p = tparts(ns)
    return "%02d/%02d %s " % (p[1], p[2], hms(ns))


# =============================================================== 3. XCat
XCAT_MN = "xcatmn1"
XCAT_HDR = re.compile(r"(?P<mon>[A-Z][a-z]{2}) [ \d]\d (?P<hms>\d\d:\d\d:\d\d) [\w.-]+ "
                      r"xcat(\.genesis\.(doxcat|dodiscovery))?(\[\d+\])?: ")

NODERANGES = ["cn[001-016]", "cn042", "rack3", "gpu[01-08]", "cn117,cn118", "compute", "svc02"]
OSIMAGES = ["rhels8.6.0-x86_64-install-compute", "rocky9.2-x86_64-netboot-compute",
            "rhels8.6.0-ppc64le-install-gpu", "sles15.4-x86_64-statelite-service"]
XUSERS = ["root", "xcatadm", "hpcops"]
XFROM = ["localhost", XCAT_MN, "10.20.0.5"]


def xmn(rng):
    return ("mn", rng.randint(2000, 32000))


def allow(extra):
    def f(r, c, e, ns):
        vals = [c((e, 0), NODERANGES)]
        if extra == "action":
            vals.append(c((e, 1), ["on", "off", "reset", "stat", "boot"]))
        elif extra == "osimage":
            vals.append(c((e, 1), OSIMAGES))
        vals += [c((e, 8), XUSERS), c((e, 9), XFROM)]
        return vals, xmn(r)
    return f


XCAT_EVENTS = [
    ("xCAT: Allowing rpower to <*> <*> for <*> from <*>", allow("action")),
    ("xCAT: Allowing nodeset to <*> osimage=<*> for <*> from <*>", allow("osimage")),
    ("xCAT: Allowing rinstall to <*> osimage=<*> for <*> from <*>", allow("osimage")),
    ("xCAT: Allowing makedhcp to <*> for <*> from <*>", allow(None)),
    ("xCAT: Allowing lsdef to <*> for <*> from <*>", allow(None)),
    ("xCAT: Permission denied for request <*> to <*> for <*> from <*>",
     lambda r, c, e, ns: ([c((e, 0), ["rpower", "nodeset", "chdef", "rinv"]), c((e, 1), NODERANGES),
                           c((e, 2), ["guest", "jnwosu", "ekaur"]), c((e, 3), XFROM)], xmn(r))),
    ("xcatd: Processing discovery request from <*>",
     lambda r, c, e, ns: ([ip10(r, 21)], xmn(r))),
    ("xcatd: Discovery Error: Could not find any node.", lambda r, c, e, ns: ([], xmn(r))),
    ("xcatd: <*> has been discovered via switch <*> port <*>",
     lambda r, c, e, ns: ([node(r, 1, 384), c((e, 1), ["sw-r01-1", "sw-r02-1", "sw-r03-2"]),
                           "Ethernet1/%d" % r.randint(1, 48)], xmn(r))),
    ("xcatd: Unable to dispatch hierarchical sub-command to <*>. Error: <*>",
     lambda r, c, e, ns: (["%s:3001" % c((e, 0), ["sn01", "sn02", "sn03"]),
                           c((e, 1), ["Connection failure: IO::Socket::INET: connect: Connection refused",
                                      "Connection failure: IO::Socket::INET: connect: timeout",
                                      "SSL connect attempt failed with unknown error"])], xmn(r))),
    ("xcatd: <*>: Error: BMC did not respond within <*> seconds, retry count <*>",
     lambda r, c, e, ns: ([node(r, 1, 384), c((e, 1), [10, 20, 30]), r.randint(1, 5)], xmn(r))),
    ("Beginning node discovery process...", lambda r, c, e, ns: ([], ("node", "doxcat"))),
    ("Acquired IPv4 address <*> on <*>",
     lambda r, c, e, ns: ([ip10(r, 21), c((e, 1), ["enp1s0f0", "eno1", "ib0", "enP5p1s0f0"])],
                          ("node", "dodiscovery"))),
    ("Waiting <*> seconds for discovery response from <*>",
     lambda r, c, e, ns: ([c((e, 0), [5, 10, 30, 60]), c((e, 1), ["10.20.0.1", "10.21.0.1"])],
                          ("node", "dodiscovery"))),
]
XCAT_COUNTS = [80, 35, 8, 12, 30, 6, 27, 9, 14, 7, 16, 18, 28, 10]


def xcat_header(ns, eid, hinfo, rng):
    if hinfo[0] == "mn":
        return "%s %s xcat[%d]: " % (syslog_ts(ns), XCAT_MN, hinfo[1])
    # discovery / genesis messages forwarded from nodes in genesis, no pid
    host = "%s" % ip10(rng, 21) if rng.random() < 0.35 else node(rng, 1, 384)
    return "%s %s xcat.genesis.%s: " % (syslog_ts(ns), host, hinfo[1])


# =============================================================== 4. Conserver
CONS_HDR = re.compile(r"\[(?P<wd>Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?P<mon>[A-Z][a-z]{2}) [ \d]\d "
                      r"(?P<hms>\d\d:\d\d:\d\d) \d{4}\] conserver \(\d+\): ")

CONS_EVENTS = [
    "<*>: login <*>@<*>",                           # E1
    "<*>: logout <*>@<*>",                          # E2
    "<*>: attach <*>@<*>",                          # E3
    "<*>: spy <*>@<*>",                             # E4
    "<*>: bumped by <*>@<*>",                       # E5
    "<*>: replay <*> lines for <*>@<*>",            # E6
    "<*>: authentication failed for <*>@<*>",       # E7
    "<*>: console down",                            # E8
    "<*>: console up",                              # E9
    "<*>: connect(): <*>@<*>: <*>",                 # E10
    "<*>: exit(<*>)",                               # E11
    "<*>: automatic reinitialization",              # E12
    "<*>: break sequence sent by <*>@<*>",          # E13
]


def cons_header(ns, pid):
    p = tparts(ns)
    return "[%s %s %2d %s %d] conserver (%d): " % (WDAYS[p[3]], MONTHS[p[1] - 1], p[2],
                                                   hms(ns), p[0], pid)


def gen_conserver(rng):
    cyc = Cycler(rng)
    consoles = (["r01n%02d" % i for i in range(1, 9)] + ["r02n%02d" % i for i in range(1, 7)]
                + ["gpu%02d" % i for i in range(1, 5)] + ["sw-core1", "pdu-r01", "stor-io2"])
    groups = {}
    child_pids = [4412, 4413, 4415, 4418]
    for i, c in enumerate(consoles):
        groups[c] = child_pids[i % len(child_pids)]
    termsrv = {c: ("10.40.1.%d" % (10 + i // 8), 7001 + i % 8) for i, c in enumerate(consoles)}
    exec_cons = set(c for c in consoles if c.startswith("gpu") or c.startswith("r02"))
    cusers = ["root", "akovacs", "dvarga", "hpcops", "gtanaka", "nocbot"]
    chosts = ["localhost", "adm1", "adm2", "10.20.0.5", "noc-ws3"]
    ev = []
    seq = [0]

    def emit(ns, eid, vals, con):
        seq[0] += 1
        ev.append((ns, seq[0], eid, vals, groups[con]))

    attached = {}  # console -> list of (start, end, user@host)
    t = at(10, 14, 3)
    for s in range(120):
        t += int(rng.expovariate(1 / 55.0) * NS)
        con = cyc("sess.console", consoles)
        if rng.random() < 0.45:
            con = rng.choice(consoles[:3])
        u = cyc("sess.user", cusers)
        h = cyc("sess.host", chosts)
        c = t
        if s % 13 == 7:
            emit(c, 6, [con, cyc("badu", ["guest", "oper", "akovacs"]), h], con)
            continue
        emit(c, 0, [con, u, h], con)
        end = c + int(rng.expovariate(1 / 420.0) * NS) + 5 * NS
        busy = [x for x in attached.get(con, []) if x[0] <= c < x[1]]
        if busy:
            if s % 2 == 0:
                emit(c, 3, [con, u, h], con)
            else:
                emit(c, 4, [con, u, h], con)
                emit(c, 2, [con, u, h], con)
        else:
            emit(c, 2, [con, u, h], con)
        attached.setdefault(con, []).append((c, end, "%s@%s" % (u, h)))
        if rng.random() < 0.4:
            emit(c + NS, 5, [con, cyc("replay", [20, 60, 100, 500]), u, h], con)
        if rng.random() < 0.08:
            emit(c + int(rng.uniform(5, 60) * NS), 12, [con, u, h], con)
        emit(end, 1, [con, u, h], con)

    # console outages, each console on its own clock
    for con in consoles:
        c = at(10, 14, 3) + int(rng.uniform(0, 1200) * NS)
        while c < at(13, 30):
            c += int(rng.expovariate(1 / 2400.0) * NS)
            if con in exec_cons:
                emit(c, 10, [con, cyc("exitcode", [1, 255, 0])], con)
            else:
                emit(c, 7, [con], con)
                for k in range(rng.randint(0, 2)):
                    c += 10 * NS
                    ip, port = termsrv[con]
                    emit(c, 9, [con, ip, port, cyc("connerr", ["Connection refused",
                                                               "Connection timed out",
                                                               "No route to host"])], con)
            c += rng.randint(1, 30) * NS
            emit(c, 11, [con], con)
            c += rng.randint(0, 2) * NS
            emit(c, 8, [con], con)
    ev.sort(key=lambda e: (e[0], e[1]))
    return [(ns, eid, vals, pid) for ns, _s, eid, vals, pid in ev[:N_LINES]]


# =============================================================== 5. Gmond
GMETA = "gmeta01"
GMETAD_PID = 2719
GM_HDR = re.compile(r"(?P<mon>[A-Z][a-z]{2}) [ \d]\d (?P<hms>\d\d:\d\d:\d\d) [\w.-]+ "
                    r"(/usr/sbin/)?gm(ond|etad)\[\d+\]: ")
CLUSTERS = ["hpc-compute", "gpu-partition", "storage", "login-nodes"]
GM_NODES = {}


def gm_meta(r):
    return ("gmetad", None)


def gm_node(r):
    return ("gmond", node(r, 1, 300))


GMOND_EVENTS = [
    ("data_thread() for [<*>] failed to contact node <*>",
     lambda r, c, e, ns: ([c((e, 0), CLUSTERS), ip10(r, 20)], gm_meta(r))),
    ("data_thread() got no answer from any [<*>] datasource",
     lambda r, c, e, ns: ([c((e, 0), CLUSTERS)], gm_meta(r))),
    ("RRD_update (<*>): illegal attempt to update using time <*> when last update time is <*> "
     "(minimum one second step)",
     lambda r, c, e, ns: ((lambda t: ["/var/lib/ganglia/rrds/%s/%s/%s.rrd" % (
         c((e, 0), CLUSTERS), node(r, 1, 300), c((e, 1), ["cpu_user", "load_one", "mem_free",
                                                            "bytes_in", "disk_free", "gpu0_util"])),
                                    t, t + r.choice([0, 0, 1, 15])])(tparts(ns)[7]), gm_meta(r))),
    ("Data thread <*> is monitoring [<*>] data source",
     lambda r, c, e, ns: ([r.randint(139800000000000, 139899999999999), c((e, 1), CLUSTERS)],
                          gm_meta(r))),
    ("Going to run as user <*>",
     lambda r, c, e, ns: ([c((e, 0), ["nobody", "ganglia"])], gm_meta(r))),
    ("server_thread() <*> unable to write root preamble (DTD, etc)",
     lambda r, c, e, ns: ([r.randint(139800000000000, 139899999999999)], gm_meta(r))),
    ("Process XML (<*>): XML_ParseBuffer() error at line <*>: <*>",
     lambda r, c, e, ns: ([c((e, 0), CLUSTERS), r.randint(1, 4800),
                           c((e, 2), ["not well-formed (invalid token)", "unclosed token",
                                      "mismatched tag"])], gm_meta(r))),
    ("Error creating multicast server mcast_join=<*> port=<*> mcast_if=<*> family='inet4'.  "
     "Will try again...",
     lambda r, c, e, ns: ([c((e, 0), ["239.2.11.71", "239.2.11.72"]), c((e, 1), [8649, 8659]),
                           c((e, 2), ["NULL", "eth0", "ib0"])], gm_node(r))),
    ("slurpfile() open() error on file <*>: <*>",
     lambda r, c, e, ns: ([c((e, 0), ["/proc/stat", "/proc/meminfo", "/proc/net/dev",
                                      "/proc/loadavg", "/sys/class/infiniband/mlx5_0/ports/1/state"]),
                           c((e, 1), ["Too many open files", "No such file or directory",
                                      "Permission denied"])], gm_node(r))),
    ("[PYTHON] Can't call the metric handler function for [<*>] in the python module [<*>].",
     lambda r, c, e, ns: ((lambda m: [m[0] % r.randint(0, 7) if "%d" in m[0] else m[0], m[1]])(
         c((e, 0), [("gpu%d_util", "nvidia"), ("gpu%d_mem_used", "nvidia"),
                    ("diskstat_nvme0n1_reads", "diskstat"), ("ib_port%d_rcv_data", "infiniband"),
                    ("lustre_read_bytes_per_sec", "lustre")])), gm_node(r))),
    ("[PYTHON] Can't import the metric module [<*>].",
     lambda r, c, e, ns: ([c((e, 0), ["nvidia", "infiniband", "lustre", "diskstat"])], gm_node(r))),
    ("Unable to find the metric information for '<*>'. Possible that the module has not been loaded.",
     lambda r, c, e, ns: (["%s" % c((e, 0), ["gpu%d_temp" % r.randint(0, 3), "ib_port1_xmit_data",
                                             "diskstat_sda_writes", "lustre_open_files",
                                             "mem_hugepages"])], gm_node(r))),
    ("Unable to join multicast channel <*> on <*>: <*>",
     lambda r, c, e, ns: ([c((e, 0), ["239.2.11.71", "239.2.11.72"]), c((e, 1), ["eth0", "ib0", "eno1"]),
                           c((e, 2), ["No such device", "Address already in use",
                                      "Cannot assign requested address"])], gm_node(r))),
    ("Added data source [<*>]: polling <*> every <*> seconds",
     lambda r, c, e, ns: ([c((e, 0), CLUSTERS), "%s:8649" % ip10(r, 20), c((e, 2), [15, 20, 60])],
                          gm_meta(r))),
]
GMOND_COUNTS = [75, 30, 35, 16, 4, 7, 9, 14, 30, 36, 8, 18, 12, 6]


def gmond_header(ns, eid, hinfo, rng):
    if hinfo[0] == "gmetad":
        return "%s %s /usr/sbin/gmetad[%d]: " % (syslog_ts(ns), GMETA, GMETAD_PID)
    host = hinfo[1]
    if host not in GM_NODES:
        # some images log the bare program name, others the full path
        GM_NODES[host] = (rng.randint(1000, 9000), rng.random() < 0.7)
    pid, full = GM_NODES[host]
    return "%s %s %sgmond[%d]: " % (syslog_ts(ns), host, "/usr/sbin/" if full else "", pid)


# =============================================================== 6. Nhc
NHC_HDR = re.compile(r"(?P<mon>[A-Z][a-z]{2}) [ \d]\d (?P<hms>\d\d:\d\d:\d\d) [\w.-]+ nhc\[\d+\]: ")
NHC_CHECKS = ['check_fs_mount_rw -f /', 'check_fs_mount_rw -t lustre -s 10.40.2.2@o2ib:/scratch -f /scratch',
              'check_ps_service -u root -S sshd', 'check_hw_cpuinfo 2 64 128',
              'check_hw_physmem 512gb 512gb 3%', 'check_fs_used /tmp 90%', 'check_hw_ib 100',
              'check_ps_loadavg 256', 'check_ps_service -u munge -S munged',
              'check_hw_gpu 4', 'check_file_test -r -d /home']
NHC_RM_STATE = ["idle", "alloc", "mix"]


def nhost(r):
    return node(r, 1, 320)


def nh(f):
    def g(r, c, e, ns):
        host = nhost(r)
        return f(r, c, e, host), host
    return g


NHC_EVENTS = [
    ("Node Health Check starting.", nh(lambda r, c, e, h: [])),
    ('Running check:  "<*>"', nh(lambda r, c, e, h: [c((e, 0), NHC_CHECKS)])),
    ("Node Health Check completed successfully (<*>).",
     nh(lambda r, c, e, h: ["%ds" % r.choice([0, 1, 1, 1, 2, 2, 3, 5, 12])])),
    ("ERROR:  nhc:  Health check failed:  check_fs_mount:  <*> not mounted",
     nh(lambda r, c, e, h: [c((e, 0), ["/scratch", "/home", "/apps", "/projects"])])),
    ("ERROR:  nhc:  Health check failed:  check_hw_physmem:  Actual RAM size (<*> kB) less than "
     "minimum allowed (<*> kB).",
     nh(lambda r, c, e, h: [r.randint(395000000, 502000000), c((e, 1), [508559360, 524288000])])),
    ("ERROR:  nhc:  Health check failed:  check_ps_service:  Service <*> (process <*>) owned by <*> "
     "not running",
     nh(lambda r, c, e, h: (lambda s: [s[0], s[1], s[2]])(
         c((e, 0), [("sshd", "sshd", "root"), ("munge", "munged", "munge"),
                    ("slurmd", "slurmd", "root"), ("nslcd", "nslcd", "nslcd")])))),
    ("ERROR:  nhc:  Health check failed:  check_hw_ib:  No IB port is ACTIVE (LinkUp <*> Gb/sec).",
     nh(lambda r, c, e, h: [c((e, 0), [100, 200, 56])])),
    ("ERROR:  nhc:  Health check failed:  check_fs_used:  <*> is <*> full (threshold <*>)",
     nh(lambda r, c, e, h: [c((e, 0), ["/tmp", "/var", "/local_scratch"]), "%d%%" % r.randint(91, 100),
                            c((e, 2), ["90%", "95%"])])),
    ("/usr/libexec/nhc/node-mark-offline:  Marking <*> <*> offline: NHC: <*>",
     nh(lambda r, c, e, h: [c((e, 0), NHC_RM_STATE), h,
                            c((e, 2), ["check_fs_mount:  /scratch not mounted",
                                       "check_ps_service:  Service munge (process munged) owned by munge not running",
                                       "check_hw_ib:  No IB port is ACTIVE (LinkUp 100 Gb/sec).",
                                       "check_fs_used:  /tmp is 97% full (threshold 90%)",
                                       "Script timed out while executing \"check_fs_mount_rw -f /home\"."])])),
    ("/usr/libexec/nhc/node-mark-online:  Marking <*> <*> online and clearing note (<*>)",
     nh(lambda r, c, e, h: [c((e, 0), ["drain", "down", "drng"]), h,
                            c((e, 1), ["NHC: check_fs_mount:  /scratch not mounted",
                                       "NHC: check_hw_ib:  No IB port is ACTIVE (LinkUp 200 Gb/sec).",
                                       "NHC: check_fs_used:  /var is 93% full (threshold 90%)"])])),
    ("/usr/libexec/nhc/node-mark-offline:  Node <*> is already offline.",
     nh(lambda r, c, e, h: [h])),
    ("/usr/libexec/nhc/node-mark-online:  Node <*> is already online.",
     nh(lambda r, c, e, h: [h])),
    ("/usr/libexec/nhc/node-mark-online:  Not onlining <*>:  Down for non-NHC reason (<*>)",
     nh(lambda r, c, e, h: [h, c((e, 1), ["bad DIMM A3 - ticket 4471", "Kill task failed",
                                          "reboot requested by hpcops", "GPU XID 79 (fallen off bus)"])])),
    ("ERROR:  nhc:  Watchdog timer <*> (<*> secs) has expired.  Signaling NHC:  kill -s ALRM -- -<*>",
     nh(lambda r, c, e, h: (lambda p: [p + 1, c((e, 1), [30, 60, 300]), p])(r.randint(2000, 60000)))),
]
NHC_COUNTS = [50, 90, 38, 8, 5, 12, 6, 9, 20, 16, 14, 18, 10, 4]


def nhc_header(ns, eid, host, rng):
    return "%s %s nhc[%d]: " % (syslog_ts(ns), host, rng.randint(1000, 65000))


# =============================================================== build + write
def build():
    systems = []
    # 1 Torque (simulation)
    r = random.Random(BASE_SEED * 10 + 1)
    rows = gen_torque(r)
    lines = [(torque_header(ns, eid, obj), fill(TORQUE_EVENTS[eid][0], vals), eid)
             for ns, eid, vals, obj in rows]
    systems.append(("Torque", [e[0] for e in TORQUE_EVENTS], TORQUE_HDR, lines, "simulation"))
    # 2 Moab (shuffle)
    r = random.Random(BASE_SEED * 10 + 2)
    rows = shuffle_system(r, MOAB_EVENTS, MOAB_COUNTS, at(5, 40, 12), 21.0)
    lines = [(moab_header(ns, eid, h), fill(MOAB_EVENTS[eid][0], vals), eid) for ns, eid, vals, h in rows]
    systems.append(("Moab", [e[0] for e in MOAB_EVENTS], MOAB_HDR, lines, "shuffle"))
    # 3 XCat (shuffle)
    r = random.Random(BASE_SEED * 10 + 3)
    rows = shuffle_system(r, XCAT_EVENTS, XCAT_COUNTS, at(13, 5, 48), 31.0)
    lines = [(xcat_header(ns, eid, h, r), fill(XCAT_EVENTS[eid][0], vals), eid) for ns, eid, vals, h in rows]
    systems.append(("XCat", [e[0] for e in XCAT_EVENTS], XCAT_HDR, lines, "shuffle"))
    # 4 Conserver (simulation)
    r = random.Random(BASE_SEED * 10 + 4)
    rows = gen_conserver(r)
    lines = [(cons_header(ns, pid), fill(CONS_EVENTS[eid], vals), eid) for ns, eid, vals, pid in rows]
    systems.append(("Conserver", list(CONS_EVENTS), CONS_HDR, lines, "simulation"))
    # 5 Gmond (shuffle)
    r = random.Random(BASE_SEED * 10 + 5)
    rows = shuffle_system(r, GMOND_EVENTS, GMOND_COUNTS, at(2, 17, 40), 19.0)
    lines = [(gmond_header(ns, eid, h, r), fill(GMOND_EVENTS[eid][0], vals), eid)
             for ns, eid, vals, h in rows]
    systems.append(("Gmond", [e[0] for e in GMOND_EVENTS], GM_HDR, lines, "shuffle"))
    # 6 Nhc (shuffle)
    r = random.Random(BASE_SEED * 10 + 6)
    rows = shuffle_system(r, NHC_EVENTS, NHC_COUNTS, at(16, 0, 9), 24.0)
    lines = [(nhc_header(ns, eid, h, r), fill(NHC_EVENTS[eid][0], vals), eid) for ns, eid, vals, h in rows]
    systems.append(("Nhc", [e[0] for e in NHC_EVENTS], NHC_HDR, lines, "shuffle"))
    return systems


def write(systems):
    for name, templates, _hdr, lines, _kind in systems:
        d = os.path.join(OUT, name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="") as f:
            for h, c, _e in lines:
                f.write(h + c + "\n")
        with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
            for i, (h, c, e) in enumerate(lines, 1):
                w.writerow([i, c, "E%d" % (e + 1), templates[e]])


def tmpl_regex(t):
    return re.compile("(.+?)".join(re.escape(p) for p in t.split("<*>")), re.S)


def check(systems):
    ok = True

    def fail(name, msg):
        nonlocal ok
        ok = False
        print("FAIL %s: %s" % (name, msg))

    for name, templates, hdr_re, _lines, kind in systems:
        d = os.path.join(OUT, name)
        logp = os.path.join(d, name + ".log")
        csvp = os.path.join(d, name + ".log_structured.csv")
        for p in (logp, csvp):
            raw = open(p, "rb").read()
            if not raw.endswith(b"\n"):
                fail(name, "%s does not end with newline" % p)
            if b"\r" in raw:
                fail(name, "%s contains CR" % p)
        raw_lines = open(logp, encoding="utf-8", newline="").read().split("\n")
        assert raw_lines[-1] == ""
        raw_lines = raw_lines[:-1]
        with open(csvp, encoding="utf-8", newline="") as f:
            rd = list(csv.reader(f))
        header, rows = rd[0], rd[1:]
        if header != ["LineId", "Content", "EventId", "EventTemplate"]:
            fail(name, "bad csv header %r" % header)
        if len(raw_lines) != N_LINES or len(rows) != N_LINES:
            fail(name, "line/row count %d/%d" % (len(raw_lines), len(rows)))
        tmpl_of = {}
        counts = {}
        slot_vals = {}
        last_ts = None
        for i, (line, row) in enumerate(zip(raw_lines, rows), 1):
            if len(row) != 4:
                fail(name, "row %d has %d columns" % (i, len(row)))
                continue
            lid, content, eid, tmpl = row
            if lid != str(i):
                fail(name, "LineId %r at %d" % (lid, i))
            if not content or content != content.strip():
                fail(name, "content not stripped/non-empty at %d" % i)
            if not line.endswith(content):
                fail(name, "line %d does not end with content" % i)
                continue
            head = line[:len(line) - len(content)]
            m = hdr_re.fullmatch(head)
            if not m:
                fail(name, "header mismatch at %d: %r" % (i, head))
                continue
            ts = tuple(int(x) for x in m.group("hms").split(":"))
            if last_ts is not None and ts < last_ts:
                fail(name, "timestamp goes back at %d" % i)
            last_ts = ts
            if not re.fullmatch(r"E\d+", eid):
                fail(name, "bad EventId %r" % eid)
            if tmpl_of.setdefault(eid, tmpl) != tmpl:
                fail(name, "EventId %s has two templates" % eid)
            counts[eid] = counts.get(eid, 0) + 1
            mm = tmpl_regex(tmpl).fullmatch(content)
            if not mm:
                fail(name, "template does not match content at %d: %r / %r" % (i, tmpl, content))
                continue
            for k, g in enumerate(mm.groups()):
                slot_vals.setdefault((eid, k), set()).add(g)
        if len(set(tmpl_of.values())) != len(tmpl_of):
            fail(name, "templates not distinct")
        declared = ["E%d" % (k + 1) for k in range(len(templates))]
        if sorted(tmpl_of, key=lambda x: int(x[1:])) != declared:
            fail(name, "not all declared events used: %s" % sorted(set(declared) - set(tmpl_of)))
        for eid, t in tmpl_of.items():
            if t != templates[int(eid[1:]) - 1]:
                fail(name, "%s template differs from declaration" % eid)
        for (eid, k), vs in sorted(slot_vals.items()):
            if len(vs) < 2:
                fail(name, "%s slot %d has a single value %r" % (eid, k + 1, vs))
        cs = [counts.get(e, 0) for e in declared]
        med = statistics.median(cs)
        small = sum(1 for c in cs if 3 <= c <= 10)
        if not 12 <= len(cs) <= 15:
            fail(name, "%d event types" % len(cs))
        if min(cs) < 3:
            fail(name, "an event has fewer than 3 lines: %s" % cs)
        if small < 3:
            fail(name, "only %d events with 3-10 lines: %s" % (small, cs))
        if max(cs) < 3 * med:
            fail(name, "largest %d < 3 x median %s" % (max(cs), med))
        print("%-10s %-10s events=%2d lines=%d max=%d median=%s small=%d counts=%s" % (
            name, kind, len(cs), len(raw_lines), max(cs), med, small,
            " ".join("%s:%d" % (e, c) for e, c in zip(declared, cs))))
    return ok


def main():
    systems = build()
    write(systems)
    if check(systems):
        print("self-check passed")
        return 0
    print("self-check FAILED")
    return 1


if __name__ == "__main__":
    sys.exit(main())
