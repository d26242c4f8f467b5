#!/usr/bin/env python3
"""Round 39 blind labelled log corpus generator.

Python 3 standard library only, fully deterministic: no wall clock, no locale.
Base seed 20270132; system k (1..6) uses random.Random(20270132 * 10 + k).
All times come from an integer nanosecond clock on 2026-03-14 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for the six systems below, then self-checks every file and prints a summary.
"""
import csv
import os
import random
import re
import statistics

BASE_SEED = 20270132
HERE = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300
NS = 1_000_000_000
MS = 1_000_000
DAY0 = 1773446400  # 2026-03-14T00:00:00Z, Unix seconds (integer constant)
YEAR, MONTH, DAY = 2026, 3, 14
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


# ---------------------------------------------------------------- time helpers
def at(h, m=0, s=0):
    """Nanosecond clock value for hh:mm:ss on 2026-03-14 UTC."""
    return (DAY0 + h * 3600 + m * 60 + s) * NS


def _hms(t):
    sod = t // NS - DAY0
    assert 0 <= sod < 86400, "clock left 2026-03-14"
    return sod // 3600, (sod // 60) % 60, sod % 60


def syslog_ts(t):
    h, m, s = _hms(t)
    return "%s %2d %02d:%02d:%02d" % (MONTHS[MONTH - 1], DAY, h, m, s)


def sge_ts(t):
    h, m, s = _hms(t)
    return "%02d/%02d/%04d %02d:%02d:%02d.%03d" % (MONTH, DAY, YEAR, h, m, s, (t // MS) % 1000)


def epoch_f(t):
    """Lua-style %f of the Unix time (six decimals)."""
    return "%d.%06d" % (t // NS, (t // 1000) % 1_000_000)


def gap(rng, mean_s):
    """Exponential gap in ns (at least 1 ns)."""
    return 1 + int(rng.expovariate(1.0 / mean_s) * NS)


def uni(rng, lo_s, hi_s):
    return int(rng.uniform(lo_s, hi_s) * NS)


# ---------------------------------------------------------------- value helpers
B32 = "abcdefghijklmnopqrstuvwxyz234567"


def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def b32(rng, n):
    return "".join(rng.choice(B32) for _ in range(n))


def mac(rng, prefix):
    return prefix + ":" + ":".join("%02x" % rng.randrange(256) for _ in range(3))


def fill(template, vals):
    parts = template.split("<*>")
    assert len(parts) == len(vals) + 1, (template, vals)
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        out.append(str(v))
        out.append(p)
    return "".join(out)


def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


# ---------------------------------------------------------------- system object
class System:
    def __init__(self, k, name, mode, header_re, ts_group_names=None):
        self.k = k
        self.name = name
        self.mode = mode  # "simulation" or "shuffle"
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.header_re = re.compile(header_re)
        self.ts_groups = ts_group_names  # None: the program prints no timestamp
        self.events = []  # (EventId, template) in declaration order
        self.by_key = {}
        self.cyc = {}
        self.lines = []  # (t_ns, seq, header, content, eid)

    def ev(self, key, template):
        assert key not in self.by_key
        eid = "E%d" % (len(self.events) + 1)
        self.events.append((eid, template))
        self.by_key[key] = (eid, template)

    def pick(self, ev_key, slot, pool):
        """Small pools cycle per (event, slot), from a seeded starting point."""
        k = (ev_key, slot)
        if k not in self.cyc:
            self.cyc[k] = self.rng.randrange(len(pool))
        else:
            self.cyc[k] += 1
        return pool[self.cyc[k] % len(pool)]

    def add(self, t, header, key, *vals):
        eid, tpl = self.by_key[key]
        content = fill(tpl, vals)
        assert content == content.strip() and content, (key, content)
        assert "\n" not in content and "\r" not in content
        self.lines.append((t, len(self.lines), header, content, eid))

    def shuffle(self, counts, make, t_start, mean_gap_s):
        assert list(counts) == [k for k in self.by_key], "counts must follow declaration order"
        assert sum(counts.values()) == N_LINES, sum(counts.values())
        keys = []
        for key, c in counts.items():
            keys += [key] * c
        self.rng.shuffle(keys)
        t = t_start
        for key in keys:
            t += gap(self.rng, mean_gap_s)  # forward-only clock
            make(t, key)

    def finish_simulation(self, t_min):
        self.lines.sort(key=lambda x: (x[0], x[1]))
        kept = [x for x in self.lines if x[0] >= t_min]
        assert len(kept) >= N_LINES, (self.name, len(kept))
        self.lines = kept[:N_LINES]

    def write(self):
        d = os.path.join(HERE, self.name)
        os.makedirs(d, exist_ok=True)
        assert len(self.lines) == N_LINES
        with open(os.path.join(d, self.name + ".log"), "w", encoding="utf-8", newline="") as f:
            for _, _, header, content, _ in self.lines:
                f.write(header + content + "\n")
        tpl = dict(self.events)
        with open(os.path.join(d, self.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
            for i, (_, _, _, content, eid) in enumerate(self.lines, 1):
                w.writerow([i, content, eid, tpl[eid]])


# ============================================================ 1. GridEngine
def gen_gridengine():
    S = System(1, "GridEngine", "simulation",
               r"(?P<mo>\d\d)/(?P<d>\d\d)/(?P<y>\d{4}) (?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d)\.(?P<ms>\d{3})"
               r"\|(?:listener|worker|timer|event_master)\|sgemaster\|[IWEC]\|",
               ["y", "mo", "d", "H", "M", "S", "ms"])
    S.ev("finished", "job <*> finished on host <*>")
    S.ev("reg_del", "<*> has registered the job <*> for deletion")
    S.ev("deleted", "<*> has deleted job <*>")
    S.ev("failed", "job <*> failed on host <*> assumedly after job because: job <*> died through signal <*> (<*>)")
    S.ev("qerror", "queue <*> marked QERROR as result of job <*>'s failure at host <*>")
    S.ev("commlib", 'commlib error: got read error (closing "<*>/execd/1")')
    S.ev("registered", "execd on <*> registered")
    S.ev("trigger", "removing trigger to terminate job <*>")
    S.ev("unheard", 'got max. unheard timeout for target "execd" on host "<*>", can\'t deliver job "<*>"')
    S.ev("running_state", 'execd <*> reports running state for job (<*>/master) in queue "<*>" while job is in state <*>')
    S.ev("denied", 'denied: host "<*>" is neither submit nor admin host')
    S.ev("pe_task", "tightly integrated parallel task <*> task <*> failed - killing job")
    S.ev("order", 'unable to find job "<*>" from the scheduler order package')
    S.ev("in_del", "job <*> is already in deletion")
    rng = S.rng

    def L(t, thread, lvl, key, *v):
        S.add(t, "%s|%s|sgemaster|%s|" % (sge_ts(t), thread, lvl), key, *v)

    users = ["mkowalczyk", "jli", "rsantos", "apetrova", "dnguyen", "tbauer", "skumar", "ehansen", "oadeyemi"]
    submit_hosts = ["login01", "login02", "login03"]
    cpu_hosts = ["node%03d" % i for i in range(1, 97)]
    gpu_hosts = ["gpu%02d" % i for i in range(1, 9)]
    signals = [("KILL", 9), ("KILL", 9), ("XCPU", 24), ("SEGV", 11), ("KILL", 9), ("BUS", 7)]
    t_log = at(6, 0, 0)
    t = t_log - 4 * 3600 * NS
    t_end = t_log + 14 * 3600 * NS
    jid = 731204

    def task_life(jid, task, kind, host, slaves, queue, owner, t_sub, t_start, run):
        jt = "%d.%d" % (jid, task)
        t_fin = t_start + run
        u = rng.random()
        if kind != "array" and u < 0.10:  # qdel of a running job
            td = t_start + int(run * rng.random())
            L(td, "worker", "I", "reg_del", owner, jid)
            if rng.random() < 0.3:  # the user runs qdel a second time
                L(td + uni(rng, 1, 5), "worker", "I", "in_del", jid)
            if rng.random() < 0.45:  # execd does not answer any more
                tu = td + uni(rng, 300, 700)
                L(tu, "timer", "E", "unheard", host, jt)
                L(tu + uni(rng, 0.001, 0.05), "timer", "W", "trigger", jt)
            else:
                L(td + uni(rng, 5, 20), "worker", "I", "finished", jt, host)
            return
        if kind == "pe" and u < 0.40:  # a slave task of a tightly integrated job dies
            tf = t_start + int(run * rng.random())
            sl = rng.choice(slaves)
            L(tf, "worker", "W", "pe_task", jt, "%d.%s" % (rng.randint(1, 3), sl))
            sig, num = S.pick("failed", "sig", signals)
            L(tf + uni(rng, 1, 8), "worker", "W", "failed", jt, host, jt, sig, num)
            return
        if u < 0.15:  # job killed (limits, crash)
            sig, num = S.pick("failed", "sig", signals)
            L(t_fin, "worker", "W", "failed", jt, host, jt, sig, num)
            if rng.random() < 0.45:
                L(t_fin + uni(rng, 0.001, 0.2), "worker", "E", "qerror", queue + "@" + host, jid, host)
            return
        L(t_fin, "worker", "I", "finished", jt, host)
        if rng.random() < 0.035:
            L(t_fin + uni(rng, 30, 120), "worker", "W", "running_state", host, jt, queue + "@" + host,
              S.pick("running_state", "state", ["65536", "8224"]))

    while t < t_end:
        t += gap(rng, 110)
        jid += rng.randint(1, 3)
        owner = "%s@%s" % (S.pick("job", "user", users), S.pick("job", "submit", submit_hosts))
        r = rng.random()
        kind = "array" if r < 0.14 else ("pe" if r < 0.30 else "single")
        if kind != "pe" and rng.random() < 0.12:
            queue, host = "gpu.q", rng.choice(gpu_hosts)
        else:
            queue, host = ("long.q" if rng.random() < 0.2 else "all.q"), rng.choice(cpu_hosts)
        wait = int(rng.expovariate(1 / 420.0) * NS) + 3 * NS
        if kind == "single" and rng.random() < 0.06:  # qdel while still pending
            td = t + int(wait * rng.random())
            L(td, "worker", "I", "deleted", owner, jid)
            if rng.random() < 0.35:
                L(td + uni(rng, 0.01, 1.5), "worker", "W", "order", jid)
            continue
        slaves = rng.sample(cpu_hosts, 3) if kind == "pe" else []
        ntask = rng.randint(2, 6) if kind == "array" else 1
        for task in range(1, ntask + 1):
            if kind == "array":
                host = rng.choice(cpu_hosts)
            run = int(rng.expovariate(1 / 2700.0) * NS) + 25 * NS
            ts = t + wait + uni(rng, 0, 60) * (task - 1)
            task_life(jid, task, kind, host, slaves, queue, owner, t, ts, run)

    # execd hosts dropping off and coming back
    t = t_log - 3600 * NS
    while t < t_end:
        t += gap(rng, 2700)
        h = rng.choice(cpu_hosts + gpu_hosts)
        L(t, "listener", "E", "commlib", h)
        L(t + uni(rng, 240, 1500), "worker", "I", "registered", h)
    # freshly reinstalled hosts registering
    t = t_log
    while t < t_end:
        t += gap(rng, 3600)
        L(t, "worker", "I", "registered", rng.choice(cpu_hosts))
    # workstations that try to submit without being submit hosts
    for h, mean in (("ws-chem14", 3000), ("vis02", 4200)):
        t = t_log - 1800 * NS
        while t < t_end:
            t += gap(rng, mean)
            L(t, "listener", "E", "denied", h)

    S.finish_simulation(t_log)
    return S


# ============================================================ 2. OpenMpi
def gen_openmpi():
    S = System(2, "OpenMpi", "shuffle", r"(?:\[[a-z][a-z0-9]*:\d+\] |  )?", None)
    S.ev("bound", "MCW rank <*> bound to socket <*>[core <*>[hwt <*>]]: <*>")
    S.ev("unbound", "MCW rank <*> is not bound (or bound to all available processors)")
    S.ev("help_agg", "<*> more processes have sent help message <*> / <*>")
    S.ev("help_hint", 'Set MCA parameter "orte_base_help_aggregate" to 0 to see all help / error messages')
    S.ev("err_in", "*** An error occurred in <*>")
    S.ev("reported", "*** reported by process [<*>,<*>]")
    S.ev("on_comm", "*** on communicator <*>")
    S.ev("fatal", "*** MPI_ERRORS_ARE_FATAL (processes in this communicator will now abort,")
    S.ev("orte_err", "[[<*>,0],<*>] ORTE_ERROR_LOG: <*> in file <*> at line <*>")
    S.ev("pmix_err", "PMIX ERROR: <*> in file <*> at line <*>")
    S.ev("noticed", "mpirun noticed that process rank <*> with PID <*> on node <*> exited on signal <*> (<*>).")
    S.ev("detected", "mpirun detected that one or more processes exited with non-zero status, thus causing")
    S.ev("local_host", "Local host:   <*>")
    S.ev("local_dev", "Local device: <*>")
    S.ev("proc_name", "Process name: [[<*>,1],<*>]")
    counts = dict(bound=92, unbound=12, help_agg=20, help_hint=18, err_in=24, reported=24, on_comm=24,
                  fatal=20, orte_err=9, pmix_err=8, noticed=10, detected=6, local_host=14, local_dev=14,
                  proc_name=5)
    rng = S.rng
    hosts = ["cn0412", "cn0413", "cn0587", "cn0588", "gpu017", "cn1203", "cn1204"]
    pids = {h: [rng.randint(18000, 260000) for _ in range(3)] for h in hosts}
    smt = {"gpu017": True, "cn1203": True, "cn1204": True}
    cores = 12
    jobfams = [rng.randint(10000, 65000) for _ in range(5)]

    def hdr(host=None):
        host = host or rng.choice(hosts)
        return "[%s:%d] " % (host, rng.choice(pids[host]))

    def bind_map(sock, core, nh):
        socks = []
        for s in range(2):
            cells = []
            for c in range(cores):
                cells.append(("B" if (s == sock and c == core) else ".") * nh)
            socks.append("[" + "/".join(cells) + "]")
        return "".join(socks)

    def make(t, key):
        if key == "bound":
            host = S.pick(key, "host", hosts)
            rank = rng.randint(0, 95)
            lr = rank % (2 * cores)
            sock, core = lr // cores, lr % cores
            nh = 2 if smt.get(host) else 1
            S.add(t, hdr(host), key, rank, sock, core, "0-1" if nh == 2 else "0", bind_map(sock, core, nh))
        elif key == "unbound":
            S.add(t, hdr(), key, rng.randint(0, 63))
        elif key == "help_agg":
            f, topic = S.pick(key, "msg", [("help-mpi-btl-openib.txt", "no active ports found"),
                                           ("help-mpi-btl-base.txt", "btl:no-nics"),
                                           ("help-mpi-runtime.txt", "mpi_init:warn-fork"),
                                           ("help-mpi-btl-openib.txt", "error in device init"),
                                           ("help-mca-bml-r2.txt", "unreachable proc")])
            S.add(t, hdr(), key, rng.choice([1, 3, 7, 15, 31, 63, 127]), f, topic)
        elif key == "help_hint":
            S.add(t, hdr(), key)
        elif key == "err_in":
            S.add(t, hdr(), key, S.pick(key, "fn", ["MPI_Send", "MPI_Allreduce", "MPI_Recv", "MPI_Comm_split",
                                                     "MPI_Waitall", "MPI_Bcast", "MPI_File_open"]))
        elif key == "reported":
            S.add(t, hdr(), key, rng.randint(1000000000, 4200000000), rng.randint(0, 127))
        elif key == "on_comm":
            S.add(t, hdr(), key, S.pick(key, "comm", ["MPI_COMM_WORLD", "MPI_COMM_WORLD",
                                                       "MPI COMMUNICATOR 3 DUP FROM 0",
                                                       "MPI COMMUNICATOR 5 SPLIT FROM 3"]))
        elif key == "fatal":
            S.add(t, hdr(), key)
        elif key == "orte_err":
            err, f, line = S.pick(key, "err", [("Not found", "orted/pmix/pmix_server_fence.c", 234),
                                                ("Data unpack would read past end of buffer",
                                                 "base/plm_base_launch_support.c", 1081),
                                                ("Unreachable", "routed_radix.c", 228),
                                                ("Out of resource", "ess_hnp_module.c", 319)])
            S.add(t, hdr(), key, rng.choice(jobfams), rng.randint(0, 6), err, f, line)
        elif key == "pmix_err":
            err, f, line = S.pick(key, "err", [("UNREACHABLE", "server/pmix_server.c", 2795),
                                                ("OUT-OF-RESOURCE", "dstore_base.c", 1508),
                                                ("NOT-FOUND", "gds_ds12_lock_pthread.c", 206),
                                                ("UNREACHABLE", "ptl_tcp_component.c", 1423)])
            S.add(t, hdr(), key, err, f, line)
        elif key == "noticed":
            sig, name = S.pick(key, "sig", [(9, "Killed"), (11, "Segmentation fault"), (6, "Aborted"),
                                            (15, "Terminated")])
            pid = 0 if rng.random() < 0.3 else rng.randint(20000, 260000)
            S.add(t, "", key, rng.randint(0, 127), pid, rng.choice(hosts), sig, name)
        elif key == "detected":
            S.add(t, "", key)
        elif key == "local_host":
            S.add(t, "  ", key, S.pick(key, "host", hosts))
        elif key == "local_dev":
            S.add(t, "  ", key, S.pick(key, "dev", ["mlx5_0", "mlx5_1", "mlx4_0", "hfi1_0", "mlx5_bond_0"]))
        elif key == "proc_name":
            S.add(t, "  ", key, rng.choice(jobfams), rng.randint(0, 127))

    S.shuffle(counts, make, at(10, 0, 0), 4.0)
    return S


# ============================================================ 3. MpichHydra
def gen_mpichhydra():
    S = System(3, "MpichHydra", "shuffle", r"(?:\[(?:mpiexec|proxy:\d+:\d+)@[a-z][a-z0-9-]*\] )?", None)
    S.ev("got_pmi", "got pmi command (from <*>): <*>")
    S.ev("kvs_key", "kvsname=<*> key=<*>")
    S.ev("resp_kvs", "PMI response: cmd=my_kvsname kvsname=<*>")
    S.ev("resp_get", "PMI response: cmd=get_result rc=0 msg=success value=<*>")
    S.ev("resp_maxes", "PMI response: cmd=maxes kvsname_max=256 keylen_max=64 vallen_max=1024")
    S.ev("put", "[pgid: <*>] got PMI command: cmd=put kvsname=<*> key=<*> value=<*>")
    S.ev("barrier_out", "PMI response to fd <*> pid <*>: cmd=barrier_out")
    S.ev("launch", "Launch arguments: <*> --control-port <*> --debug --rmk <*> --launcher <*> --demux poll "
                   "--pgid 0 --retries 10 --usize -2 --proxy-id <*>")
    S.ev("sock_write", "HYDU_sock_write (utils/sock/sock.c:<*>): write error (<*>)")
    S.ev("assert_closed", "HYD_pmcd_pmip_control_cmd_cb (pm/pmiserv/pmip_cb.c:<*>): assert (!closed) failed")
    S.ev("demux_cb", "HYDT_dmxu_poll_wait_for_event (tools/demux/demux_poll.c:<*>): callback returned error status")
    S.ev("demux_main", "main (pm/pmiserv/pmip.c:<*>): demux engine error waiting for event")
    S.ev("pid_at", "=   PID <*> RUNNING AT <*>")
    S.ev("exit_code", "=   EXIT CODE: <*>")
    S.ev("exit_string", "YOUR APPLICATION TERMINATED WITH THE EXIT STRING: <*> (signal <*>)")
    counts = dict(got_pmi=105, kvs_key=32, resp_kvs=20, resp_get=26, resp_maxes=18, put=19, barrier_out=24,
                  launch=8, sock_write=6, assert_closed=5, demux_cb=10, demux_main=4, pid_at=9, exit_code=9,
                  exit_string=5)
    rng = S.rng
    nodes = ["hpc-c%02d" % i for i in (3, 4, 5, 6, 11, 12, 17, 18)]
    runs = []
    for i, pg in enumerate([0, 1, 0, 0, 2, 0]):  # mpiexec runs: launch node, kvs name, node list, pgid
        start = rng.randrange(0, len(nodes) - 3)
        nl = nodes[start:start + rng.randint(2, 4)]
        runs.append(dict(nodes=nl, kvs="kvs_%d_0" % rng.randint(1200, 98000), pgid=pg))

    def run():
        return S.pick("any", "run", runs)

    def proxy_hdr(r):
        i = rng.randrange(len(r["nodes"]))
        return "[proxy:%d:%d@%s] " % (r["pgid"], i, r["nodes"][i]), i

    def mpiexec_hdr(r):
        return "[mpiexec@%s] " % r["nodes"][0]

    def bizcard(r):
        n = rng.choice(r["nodes"])
        return "description#%s$port#%d$ifname#10.41.0.%d$" % (n, rng.randint(32768, 60999), nodes.index(n) + 10)

    def make(t, key):
        r = run()
        if key == "got_pmi":
            h, _ = proxy_hdr(r)
            S.add(t, h, key, rng.choice([4, 6, 7, 9, 11, 14]),
                  S.pick(key, "cmd", ["init", "get_maxes", "get_appnum", "get_my_kvsname", "barrier_in", "get",
                                      "barrier_in", "get", "put", "finalize"]))
        elif key == "kvs_key":
            S.add(t, "", key, r["kvs"], S.pick(key, "key", ["PMI_process_mapping", "P%d-businesscard" %
                                                            rng.randint(0, 31), "PMI_hwloc_xmlfile",
                                                            "P%d-businesscard" % rng.randint(0, 31)]))
        elif key == "resp_kvs":
            S.add(t, proxy_hdr(r)[0], key, r["kvs"])
        elif key == "resp_get":
            n = len(r["nodes"])
            ppn = rng.choice([4, 8, 16, 32])
            val = S.pick(key, "kind", ["map", "card"])
            v = "(vector,(0,%d,%d))" % (n, ppn) if val == "map" else bizcard(r)
            S.add(t, proxy_hdr(r)[0], key, v)
        elif key == "resp_maxes":
            S.add(t, proxy_hdr(r)[0], key)
        elif key == "put":
            S.add(t, mpiexec_hdr(r), key, r["pgid"], r["kvs"], "P%d-businesscard" % rng.randint(0, 63), bizcard(r))
        elif key == "barrier_out":
            S.add(t, mpiexec_hdr(r), key, rng.choice([6, 7, 9, 10, 12, 13]), rng.randint(0, 3))
        elif key == "launch":
            path = S.pick(key, "path", ["/opt/mpich/4.1.2/bin/hydra_pmi_proxy", "/usr/lib64/mpich/bin/hydra_pmi_proxy"])
            rmk, launcher = S.pick(key, "rmk", [("user", "ssh"), ("slurm", "slurm"), ("pbs", "ssh")])
            S.add(t, mpiexec_hdr(r), key, path, "%s:%d" % (r["nodes"][0], rng.randint(32768, 60999)), rmk, launcher,
                  rng.randrange(len(r["nodes"])))
        elif key == "sock_write":
            line = S.pick(key, "line", [256, 294])
            S.add(t, mpiexec_hdr(r), key, line, S.pick(key, "err", ["Bad file descriptor", "Broken pipe"]))
        elif key == "assert_closed":
            S.add(t, proxy_hdr(r)[0], key, S.pick(key, "line", [887, 912]))
        elif key == "demux_cb":
            h = proxy_hdr(r)[0] if rng.random() < 0.6 else mpiexec_hdr(r)
            S.add(t, h, key, S.pick(key, "line", [76, 77]))
        elif key == "demux_main":
            S.add(t, proxy_hdr(r)[0], key, S.pick(key, "line", [202, 169]))
        elif key == "pid_at":
            S.add(t, "", key, rng.randint(3000, 240000), rng.choice(r["nodes"]))
        elif key == "exit_code":
            S.add(t, "", key, S.pick(key, "code", [9, 139, 134, 1, 255]))
        elif key == "exit_string":
            name, sig = S.pick(key, "sig", [("Killed", 9), ("Segmentation fault", 11), ("Aborted", 6),
                                            ("Terminated", 15)])
            S.add(t, "", key, name, sig)

    S.shuffle(counts, make, at(13, 0, 0), 2.0)
    return S


# ============================================================ 4. Lmod
def gen_lmod():
    mon = MONTHS[MONTH - 1]
    S = System(4, "Lmod", "shuffle",
               mon + r" (?P<d>[ \d]\d) (?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d) [a-z][a-z0-9-]* "
                     r"(?:ModuleUsageTracking|Lmod\[\d+\]): ",
               ["d", "H", "M", "S"])
    S.ev("load", "user=<*> module=<*> path=<*> host=<*> time=<*>")
    S.ev("load_job", "user=<*> module=<*> path=<*> host=<*> time=<*> jobid=<*>")
    S.ev("unknown", 'user=<*> Lmod has detected the following error: The following module(s) are unknown: "<*>"')
    S.ev("cannot_load", "user=<*> Lmod has detected the following error: These module(s) or extension(s) exist "
                        'but cannot be loaded as requested: "<*>"')
    S.ev("conflict", 'user=<*> Lmod has detected the following error: Cannot load module "<*>" because these '
                     "module(s) are loaded: <*>")
    S.ev("replacing", 'user=<*> Lmod is automatically replacing "<*>" with "<*>".')
    S.ev("reloaded", "user=<*> Due to MODULEPATH changes, the following have been reloaded: <*>")
    S.ev("version_change", "user=<*> The following have been reloaded with a version change: <*>")
    S.ev("inactive", "user=<*> Inactive Modules: <*>")
    S.ev("activating", "user=<*> Activating Modules: <*>")
    S.ev("not_unloaded", 'user=<*> The following modules were not unloaded: (Use "module --force purge" to '
                         "unload all): <*>")
    S.ev("family", "user=<*> Lmod has detected the following error: You can only have one <*> module loaded at a "
                   "time. You already have <*> loaded. To correct the situation, please execute the following "
                   "command: $ module swap <*> <*>")
    S.ev("eval_err", "user=<*> Lmod has detected the following error: Unable to load module because of error when "
                     "evaluating modulefile: <*>: <*>")
    counts = dict(load=146, load_job=60, unknown=8, cannot_load=5, conflict=6, replacing=14, reloaded=12,
                  version_change=9, inactive=10, activating=6, not_unloaded=12, family=8, eval_err=4)
    rng = S.rng
    users = ["mkowalczyk", "jli", "rsantos", "apetrova", "dnguyen", "tbauer", "skumar", "ehansen", "oadeyemi",
             "cweber", "ysato"]
    logins = ["login01", "login02"]
    computes = ["cn%04d" % i for i in (17, 18, 33, 102, 141, 142, 207, 311, 312)] + ["gpu004", "gpu009"]
    MF = "/opt/apps/modulefiles"
    mods = [  # (full name, modulefile path)
        ("gcc/12.3.0", MF + "/Core/gcc/12.3.0.lua"),
        ("gcc/13.2.0", MF + "/Core/gcc/13.2.0.lua"),
        ("intel/2023.2.1", MF + "/Core/intel/2023.2.1.lua"),
        ("cmake/3.27.7", MF + "/Core/cmake/3.27.7.lua"),
        ("python/3.11.7", MF + "/Core/python/3.11.7.lua"),
        ("cuda/12.2.2", MF + "/Core/cuda/12.2.2.lua"),
        ("anaconda3/2023.09", MF + "/Core/anaconda3/2023.09.lua"),
        ("StdEnv/2024", MF + "/Core/StdEnv/2024.lua"),
        ("openmpi/4.1.6", MF + "/Compiler/gcc/12/openmpi/4.1.6.lua"),
        ("openmpi/5.0.1", MF + "/Compiler/gcc/13/openmpi/5.0.1.lua"),
        ("intel-mpi/2021.10", MF + "/Compiler/intel/2023/intel-mpi/2021.10.lua"),
        ("fftw/3.3.10", MF + "/MPI/gcc/12/openmpi/4/fftw/3.3.10.lua"),
        ("hdf5/1.14.3", MF + "/MPI/gcc/12/openmpi/4/hdf5/1.14.3.lua"),
        ("netcdf-c/4.9.2", MF + "/MPI/gcc/12/openmpi/4/netcdf-c/4.9.2.lua"),
        ("R/4.3.2", MF + "/Compiler/gcc/12/R/4.3.2.lua"),
        ("gromacs/2023.3", MF + "/MPI/gcc/12/openmpi/4/gromacs/2023.3.lua"),
        ("lammps/2Aug2023", MF + "/MPI/gcc/12/openmpi/4/lammps/2Aug2023.lua"),
    ]
    mpidep = ["fftw/3.3.10", "hdf5/1.14.3", "netcdf-c/4.9.2", "gromacs/2023.3", "lammps/2Aug2023"]

    def hdr_track(t, host):
        return "%s %s ModuleUsageTracking: " % (syslog_ts(t), host)

    def hdr_msg(t, host):
        # every module command is a new process, so the pid changes from line to line
        return "%s %s Lmod[%d]: " % (syslog_ts(t), host, rng.randint(2000, 399999))

    def lst(names):
        return "  ".join("%d) %s" % (i, n) for i, n in enumerate(names, 1))

    def make(t, key):
        user = S.pick(key, "user", users)
        if key in ("load", "load_job"):
            host = rng.choice(logins) if (key == "load" and rng.random() < 0.7) else rng.choice(computes)
            name, path = rng.choice(mods)
            tl = t - rng.randint(5, 900) * MS
            vals = [user, name, path, host, epoch_f(tl)]
            if key == "load_job":
                vals.append(rng.randint(4810000, 4899999))
            S.add(t, hdr_track(t, host), key, *vals)
            return
        host = rng.choice(logins + computes[:4])
        h = hdr_msg(t, host)
        if key == "unknown":
            S.add(t, h, key, user, S.pick(key, "m", ["cuda/11.2", "python3", "matlab/R2023b", "gcc/9",
                                                     "openmpi/3.1.6"]))
        elif key == "cannot_load":
            S.add(t, h, key, user, S.pick(key, "m", mpidep))
        elif key == "conflict":
            a, b = S.pick(key, "pair", [("intel-mpi/2021.10", "openmpi"), ("anaconda3/2023.09", "python"),
                                        ("openmpi/5.0.1", "intel-mpi")])
            S.add(t, h, key, user, a, b)
        elif key == "replacing":
            a, b = S.pick(key, "pair", [("gcc/12.3.0", "intel/2023.2.1"), ("openmpi/4.1.6", "intel-mpi/2021.10"),
                                        ("intel/2023.2.1", "gcc/13.2.0"), ("gcc/12.3.0", "gcc/13.2.0")])
            S.add(t, h, key, user, a, b)
        elif key == "reloaded":
            S.add(t, h, key, user, lst(rng.sample(["openmpi/4.1.6", "fftw/3.3.10", "hdf5/1.14.3", "R/4.3.2",
                                                   "netcdf-c/4.9.2"], rng.randint(1, 3))))
        elif key == "version_change":
            S.add(t, h, key, user, lst([S.pick(key, "chg", ["gcc/12.3.0 => gcc/13.2.0",
                                                            "openmpi/4.1.6 => openmpi/5.0.1",
                                                            "python/3.10.13 => python/3.11.7"])]))
        elif key == "inactive":
            S.add(t, h, key, user, lst(rng.sample(mpidep, rng.randint(1, 3))))
        elif key == "activating":
            S.add(t, h, key, user, lst(rng.sample(mpidep, rng.randint(1, 2))))
        elif key == "not_unloaded":
            S.add(t, h, key, user, lst(S.pick(key, "sticky", [["StdEnv/2024"], ["StdEnv/2024", "slurm/23.11"],
                                                              ["slurm/23.11"]])))
        elif key == "family":
            fam, have, want = S.pick(key, "fam", [("compiler", "gcc", "intel/2023.2.1"),
                                                  ("mpi", "openmpi", "intel-mpi/2021.10"),
                                                  ("compiler", "intel", "gcc/13.2.0")])
            S.add(t, h, key, user, fam, have, have, want)
        elif key == "eval_err":
            path, err = S.pick(key, "err", [
                (MF + "/Core/matlab/R2024a.lua", '[string "local root = os.getenv(\\"MATLAB_ROOT\\") .. ..."]:4: '
                                                  "attempt to concatenate a nil value"),
                (MF + "/Core/ansys/2024R1.lua", '[string "setenv(\\"ANSYSLMD_LICENSE_FILE\\", lic)..."]:9: '
                                                 "bad argument #2 to 'setenv' (string expected, got nil)")])
            S.add(t, h, key, user, path, err)

    S.shuffle(counts, make, at(8, 0, 0), 95.0)
    return S


# ============================================================ 5. Spack
def gen_spack():
    S = System(5, "Spack", "shuffle", r"(?:==> (?:Error: |Warning: )?|  )?", None)
    S.ev("installing", "Installing <*> [<*>/<*>]")
    S.ev("no_binary", "No binary for <*> found: installing from source")
    S.ev("fetching", "Fetching <*>")
    S.ev("no_patches", "No patches needed for <*>")
    S.ev("phase", "<*>: Executing phase: '<*>'")
    S.ev("success", "<*>: Successfully installed <*>")
    S.ev("t_autotools", "Stage: <*>.  Autoreconf: <*>.  Configure: <*>.  Build: <*>.  Install: <*>.  "
                        "Post-install: <*>.  Total: <*>")
    S.ev("t_cmake", "Stage: <*>.  CMake: <*>.  Build: <*>.  Install: <*>.  Post-install: <*>.  Total: <*>")
    S.ev("t_binary", "Search: <*>.  Fetch: <*>.  Install: <*>.  Extract: <*>.  Relocate: <*>.  Total: <*>")
    S.ev("installed", "[+] <*>")
    S.ev("extracting", "Extracting <*> from binary cache")
    S.ev("cached", "Using cached archive: <*>")
    S.ev("skipping", "Skipping build of <*> since <*> failed")
    S.ev("process_error", "ProcessError: Command exited with status <*>:")
    S.ev("patch", "Applied patch <*>")
    counts = dict(installing=30, no_binary=22, fetching=30, no_patches=16, phase=93, success=30, t_autotools=10,
                  t_cmake=9, t_binary=8, installed=20, extracting=9, cached=8, skipping=5, process_error=4,
                  patch=6)
    rng = S.rng
    P = [("zlib-ng", "2.1.5", "autotools"), ("bzip2", "1.0.8", "makefile"), ("xz", "5.4.1", "autotools"),
         ("libiconv", "1.17", "autotools"), ("libxml2", "2.10.3", "autotools"), ("hwloc", "2.9.1", "autotools"),
         ("numactl", "2.0.14", "autotools"), ("libevent", "2.1.12", "autotools"), ("openmpi", "4.1.6", "autotools"),
         ("hdf5", "1.14.3", "cmake"), ("netcdf-c", "4.9.2", "autotools"), ("fftw", "3.3.10", "autotools"),
         ("ncurses", "6.4", "autotools"), ("openssl", "3.1.3", "generic"), ("eigen", "3.4.0", "cmake"),
         ("gmake", "4.4.1", "autotools"), ("zstd", "1.5.5", "makefile"), ("lz4", "1.9.4", "makefile"),
         ("pkgconf", "1.9.5", "autotools"), ("metis", "5.1.0", "cmake"), ("parmetis", "4.0.3", "cmake"),
         ("gromacs", "2023.3", "cmake"), ("superlu-dist", "8.2.1", "cmake"), ("cmake", "3.27.9", "generic"),
         ("boost", "1.83.0", "generic"), ("petsc", "3.20.1", "generic")]
    phases = {"autotools": ["autoreconf", "configure", "build", "install"], "cmake": ["cmake", "build", "install"],
              "makefile": ["edit", "build", "install"], "generic": ["install"]}
    hashes = {p[0]: b32(rng, 32) for p in P}
    src_pkgs = [p for p in P]
    cmake_pkgs = [p for p in P if p[2] == "cmake"]
    auto_pkgs = [p for p in P if p[2] == "autotools"]
    root = S.pick("root", "root", ["/opt/spack", "/home/spack/spack"])
    arch = "linux-rocky9-zen3"
    comp = "gcc-11.4.1"

    def spec(p):
        return "%s-%s-%s" % (p[0], p[1], hashes[p[0]])

    def dur(x):
        if x < 60:
            return "%.2fs" % x
        return "%dm %.2fs" % (int(x // 60), x - 60 * int(x // 60))

    def sha():
        return hexs(rng, 64)

    def make(t, key):
        hd = "==> "
        if key == "installing":
            total = S.pick(key, "total", [27, 41, 12, 58])
            S.add(t, hd, key, spec(S.pick(key, "pkg", src_pkgs)), rng.randint(1, total), total)
        elif key == "no_binary":
            S.add(t, hd, key, spec(S.pick(key, "pkg", src_pkgs)))
        elif key == "fetching":
            p = S.pick(key, "pkg", src_pkgs)
            kind = S.pick(key, "kind", ["mirror", "binary", "mirror", "upstream"])
            if kind == "mirror":
                h = sha()
                url = "https://mirror.spack.io/_source-cache/archive/%s/%s.tar.gz" % (h[:2], h)
            elif kind == "binary":
                url = "https://binaries.spack.io/v0.21.2/build_cache/%s-%s-%s.spec.json.sig" % (arch, comp, spec(p))
            else:
                url = S.pick(key, "up", ["https://zlib.net/fossils/zlib-1.3.tar.gz",
                                         "https://download.open-mpi.org/release/open-mpi/v4.1/openmpi-4.1.6.tar.bz2",
                                         "https://www.fftw.org/fftw-3.3.10.tar.gz",
                                         "https://github.com/Kitware/CMake/releases/download/v3.27.9/"
                                         "cmake-3.27.9.tar.gz"])
            S.add(t, hd, key, url)
        elif key == "no_patches":
            S.add(t, hd, key, S.pick(key, "pkg", src_pkgs)[0])
        elif key == "phase":
            p = S.pick(key, "pkg", src_pkgs)
            S.add(t, hd, key, p[0], rng.choice(phases[p[2]]))
        elif key == "success":
            p = S.pick(key, "pkg", src_pkgs)
            S.add(t, hd, key, p[0], spec(p))
        elif key == "t_autotools":
            a = [rng.uniform(0.1, 3), rng.choice([0.0, rng.uniform(2, 20)]), rng.uniform(3, 90),
                 rng.expovariate(1 / 80.0), rng.uniform(0.3, 12), rng.uniform(0.05, 2)]
            S.add(t, "  ", key, *[dur(x) for x in a], dur(sum(a)))
        elif key == "t_cmake":
            a = [rng.uniform(0.1, 3), rng.uniform(2, 40), rng.expovariate(1 / 150.0), rng.uniform(0.3, 15),
                 rng.uniform(0.05, 2)]
            S.add(t, "  ", key, *[dur(x) for x in a], dur(sum(a)))
        elif key == "t_binary":
            a = [rng.uniform(0, 0.05), rng.uniform(0.1, 6), rng.uniform(0.2, 4), rng.uniform(0.1, 3),
                 rng.uniform(0.01, 1)]
            S.add(t, "  ", key, *[dur(x) for x in a], dur(a[0] + a[1] + a[2]))
        elif key == "installed":
            p = S.pick(key, "pkg", src_pkgs)
            S.add(t, "", key, "%s/opt/spack/%s/%s/%s" % (root, arch, comp, spec(p)))
        elif key == "extracting":
            S.add(t, hd, key, spec(S.pick(key, "pkg", src_pkgs)))
        elif key == "cached":
            h = sha()
            S.add(t, hd, key, "%s/var/spack/cache/_source-cache/archive/%s/%s.tar.gz" % (root, h[:2], h))
        elif key == "skipping":
            a, b = S.pick(key, "pair", [("petsc", "hdf5"), ("gromacs", "fftw"), ("netcdf-c", "hdf5"),
                                        ("superlu-dist", "parmetis")])
            pa = [p for p in P if p[0] == a][0]
            pb = [p for p in P if p[0] == b][0]
            S.add(t, "==> Warning: ", key, spec(pa), spec(pb))
        elif key == "process_error":
            S.add(t, "==> Error: ", key, S.pick(key, "st", [2, 1]))
        elif key == "patch":
            S.add(t, hd, key, S.pick(key, "patch", ["fix-gcc13-missing-cstdint.patch", "hdf5-1.14-cmake-rpath.patch",
                                                    "ucx-disable-werror.patch", "mpi4-compat-no-cxx.patch"]))

    S.shuffle(counts, make, at(15, 0, 0), 6.0)
    return S


# ============================================================ 6. Warewulf
def gen_warewulf():
    mon = MONTHS[MONTH - 1]
    S = System(6, "Warewulf", "simulation",
               mon + r" (?P<d>[ \d]\d) (?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d) wwctl01 warewulfd\[1873\]: "
                     r"(?:RECV|SEND|INFO|WARN|ERROR|DENIED) *: *",
               ["d", "H", "M", "S"])
    S.ev("recv", "hwaddr: <*>, ipaddr: <*>, stage: <*>")
    S.ev("send", "<*>: <*>")
    S.ev("build_system", "Building system overlay for <*>: <*>")
    S.ev("build_runtime", "Building runtime overlay for <*>: <*>")
    S.ev("discovered", "Discovered node <*> with hwaddr <*>")
    S.ev("no_container", "No container set for node <*>")
    S.ev("no_kernel", "No kernel found for container <*>")
    S.ev("unknown", "<*> (unknown/unconfigured node)")
    S.ev("asset", "Incorrect asset key for node: <*>")
    S.ev("nonpriv", "Non-privileged port: <*>")
    S.ev("write_err", "write tcp 10.10.0.1:9873-><*>: write: <*>")
    S.ev("open_err", "open <*>: no such file or directory")
    S.ev("build_fail", "Could not build system overlay for <*>: <*>")
    rng = S.rng
    lvl_of = {"recv": "RECV", "send": "SEND", "build_system": "INFO", "build_runtime": "INFO",
              "discovered": "INFO", "no_container": "WARN", "no_kernel": "ERROR", "unknown": "ERROR",
              "asset": "DENIED", "nonpriv": "DENIED", "write_err": "ERROR", "open_err": "ERROR",
              "build_fail": "ERROR"}
    PROV = "/var/lib/warewulf/provision"

    def L(t, key, *v):
        pad = ""
        if key == "send":  # wwlog.Send("%15s: %s", node, file)
            pad = " " * max(0, 15 - len(str(v[0])))
        S.add(t, "%s wwctl01 warewulfd[1873]: %-7s: %s" % (syslog_ts(t), lvl_of[key], pad), key, *v)

    def ip_port(ip, priv=False):
        return "%s:%d" % (ip, rng.randint(600, 1023) if priv else rng.randint(32768, 60999))

    containers = {"rocky-9.3": "5.14.0-362.18.1.el9_3.x86_64", "rocky-9.3-cuda": "5.14.0-362.18.1.el9_3.x86_64"}
    nodes = []
    for i in range(101, 141):
        n = dict(id="n%04d" % i, ip="10.10.1.%d" % i, hw=mac(rng, "b8:59:9f" if i < 131 else "0c:c4:7a"),
                 cont="rocky-9.3" if i < 131 else "rocky-9.3-cuda", fault=None)
        nodes.append(n)
    byid = {n["id"]: n for n in nodes}
    byid["n0117"]["fault"] = "no_container"
    byid["n0138"]["fault"] = "no_container"
    byid["n0129"].update(fault="no_kernel", cont="alma-8.9-test")
    byid["n0135"].update(fault="no_kernel", cont="rocky-9.4-beta")
    byid["n0112"]["fault"] = "asset"
    byid["n0126"]["fault"] = "asset"
    byid["n0121"]["fault"] = "overlay"
    byid["n0133"]["fault"] = "overlay"
    byid["n0108"]["fault"] = "nonpriv"  # still draining, skipped by the reboot wave;
    byid["n0119"]["fault"] = "nonpriv"  # wwclient was restarted by hand as a normal user
    sys_ov = ["[wwinit generic]", "[wwinit generic infiniband]"]
    rt_ov = ["[generic]", "[generic slurm]"]
    ov_fail = ['template: overlays/generic/etc/hosts.ww:14: function "IpCIDR" not defined',
               "open /var/lib/warewulf/overlays/infiniband/etc/rdma/rdma.conf.ww: permission denied"]
    t_log = at(9, 30, 0)
    horizon = t_log + 40 * 60 * NS

    def boot(n, t, first, discovered=False):
        """One PXE boot attempt; returns the time the node comes up or None."""
        ip, hw, nid = n["ip"], n["hw"], n["id"]
        L(t, "recv", hw, ip_port(ip), "ipxe")
        if discovered:  # hwaddr handed to a discoverable node entry
            L(t + uni(rng, 0.001, 0.005), "discovered", nid, hw)
            t += uni(rng, 0.005, 0.02)
        if n["fault"] == "asset":
            L(t + uni(rng, 0.001, 0.01), "asset", nid)
            return None
        L(t + uni(rng, 0.002, 0.03), "send", nid, "/etc/warewulf/ipxe/default.ipxe")
        t += uni(rng, 0.4, 1.5)
        L(t, "recv", hw, ip_port(ip), "kernel")
        if n["fault"] == "no_kernel":
            L(t + uni(rng, 0.001, 0.01), "no_kernel", n["cont"])
            return None
        L(t + uni(rng, 0.3, 1.2), "send", nid, "/var/lib/warewulf/chroots/%s/rootfs/boot/vmlinuz-%s"
          % (n["cont"], containers.get(n["cont"], "5.14.0-362.18.1.el9_3.x86_64")))
        t += uni(rng, 1.5, 4)
        L(t, "recv", hw, ip_port(ip), "container")
        if n["fault"] == "no_container":
            L(t + uni(rng, 0.001, 0.01), "no_container", nid)
            return None
        if rng.random() < 0.2:
            L(t + uni(rng, 2, 9), "write_err", ip_port(ip),
              S.pick("write_err", "why", ["broken pipe", "connection reset by peer"]))
            return None
        L(t + uni(rng, 3, 14), "send", nid, "%s/container/%s.img.gz" % (PROV, n["cont"]))
        t += uni(rng, 15, 40)
        L(t, "recv", hw, ip_port(ip), "system")
        sys_img = "%s/overlays/%s/__SYSTEM__.img.gz" % (PROV, nid)
        if n["fault"] == "overlay":
            L(t + uni(rng, 0.001, 0.01), "build_system", nid, S.pick("bs", "ov", sys_ov))
            L(t + uni(rng, 0.05, 0.3), "build_fail", nid, S.pick("bf", "why", ov_fail))
            L(t + uni(rng, 0.3, 0.4), "open_err", sys_img)
            return None
        if first and rng.random() < 0.45:
            L(t + uni(rng, 0.001, 0.01), "build_system", nid, S.pick("bs", "ov", sys_ov))
            t += uni(rng, 0.4, 2.5)
        L(t + uni(rng, 0.01, 0.2), "send", nid, sys_img)
        return t + uni(rng, 35, 80)

    def runtime(n, t, first):
        ip, hw, nid = n["ip"], n["hw"], n["id"]
        priv = n["fault"] != "nonpriv"
        ipp = ip_port(ip, priv)
        L(t, "recv", hw, ipp, "runtime")
        if not priv:
            L(t + uni(rng, 0.001, 0.005), "nonpriv", ipp)
            return
        if first and rng.random() < 0.85:
            L(t + uni(rng, 0.001, 0.01), "build_runtime", nid, S.pick("br", "ov", rt_ov))
            t += uni(rng, 0.2, 1.0)
        L(t + uni(rng, 0.005, 0.05), "send", nid, "%s/overlays/%s/__RUNTIME__.img.gz" % (PROV, nid))

    def node_life(n, t, discovered=False):
        while t < horizon:
            up = boot(n, t, True, discovered)
            discovered = False
            if up is None:
                t += uni(rng, 70, 140)  # BIOS/iPXE retries the boot
                continue
            first = True
            while up < horizon:
                runtime(n, up, first)
                first = False
                up += uni(rng, 59, 61.5)  # wwclient polls every minute
            return

    # rolling reboot after maintenance: one node every ~30 s
    healthy = [n for n in nodes if n["fault"] is None]
    faulty = [n for n in nodes if n["fault"] not in (None, "nonpriv")]
    for n in nodes:
        if n["fault"] == "nonpriv":  # up since yesterday, polling from an unprivileged port
            t = t_log + uni(rng, 0, 60)
            while t < horizon:
                runtime(n, t, False)
                t += uni(rng, 59, 61.5)
    rng.shuffle(healthy)
    rng.shuffle(faulty)
    slots = sorted(rng.sample(range(11), len(faulty)))  # the nodes that fail were reset first
    order, fi = [], iter(faulty)
    for i in range(len(healthy) + len(faulty)):
        order.append(next(fi) if i in slots else healthy.pop())
    for i, n in enumerate(order):
        node_life(n, t_log + i * 30 * NS + uni(rng, 0, 10))
    # brand-new nodes picked up by discovery, then booting normally
    for j, k in enumerate((141, 142, 143)):
        n = dict(id="n%04d" % k, ip="10.10.1.%d" % k, hw=mac(rng, "3c:ec:ef"), cont="rocky-9.3", fault=None)
        node_life(n, t_log + (70 + 90 * j) * NS + uni(rng, 0, 20), discovered=True)
    # unknown machines PXE booting on the provisioning network
    for hw0, start in ((mac(rng, "a4:bf:01"), 40), (mac(rng, "00:25:90"), 150)):
        t = t_log + start * NS
        ip = "10.10.9.%d" % rng.randint(20, 200)
        while t < horizon:
            L(t, "recv", hw0, ip_port(ip), "ipxe")
            L(t + uni(rng, 0.001, 0.01), "unknown", hw0)
            t += uni(rng, 55, 95)

    S.finish_simulation(t_log)
    return S


# ============================================================ self-check
def median(xs):
    return statistics.median(sorted(xs))


def check(S):
    d = os.path.join(HERE, S.name)
    errs = []

    def need(cond, msg):
        if not cond:
            errs.append(msg)

    log_path = os.path.join(d, S.name + ".log")
    csv_path = os.path.join(d, S.name + ".log_structured.csv")
    for p in (log_path, csv_path):
        with open(p, "rb") as f:
            b = f.read()
        need(b.endswith(b"\n"), "%s does not end with newline" % p)
        need(b"\r" not in b, "%s contains CR" % p)
    with open(log_path, encoding="utf-8", newline="") as f:
        raw = f.read().split("\n")[:-1]
    with open(csv_path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    need(len(raw) == N_LINES, "log has %d lines" % len(raw))
    need(rows and rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], "bad csv header")
    rows = rows[1:]
    need(len(rows) == N_LINES, "csv has %d rows" % len(rows))
    declared = dict(S.events)
    templates = [tpl for _, tpl in S.events]
    need(len(set(templates)) == len(templates), "duplicate templates declared")
    regex = {eid: template_regex(tpl) for eid, tpl in S.events}
    seen_tpl, counts, slots = {}, {}, {}
    prev_ts = None
    for i, (r, line) in enumerate(zip(rows, raw), 1):
        if len(r) != 4:
            need(False, "row %d has %d columns" % (i, len(r)))
            continue
        lid, content, eid, tpl = r
        need(lid == str(i), "row %d LineId %s" % (i, lid))
        need(bool(content) and content == content.strip(), "row %d content empty/unstripped" % i)
        need(line.endswith(content), "line %d does not end with its content" % i)
        header = line[:len(line) - len(content)]
        m = S.header_re.fullmatch(header)
        need(m is not None, "line %d header %r does not match" % (i, header))
        if m is not None and S.ts_groups:
            ts = tuple(int(m.group(g)) for g in S.ts_groups)
            need(prev_ts is None or ts >= prev_ts, "line %d timestamp goes back" % i)
            prev_ts = ts
        need(re.fullmatch(r"E\d+", eid) is not None, "row %d bad EventId" % i)
        need(seen_tpl.setdefault(eid, tpl) == tpl, "EventId %s has two templates" % eid)
        need(declared.get(eid) == tpl, "row %d template differs from declaration" % i)
        counts[eid] = counts.get(eid, 0) + 1
        mm = regex[eid].fullmatch(content) if eid in regex else None
        need(mm is not None, "row %d content does not match its template" % i)
        if mm:
            for j, g in enumerate(mm.groups()):
                slots.setdefault((eid, j), set()).add(g)
    need(len(set(seen_tpl.values())) == len(seen_tpl), "templates not distinct")
    need(set(counts) == set(declared), "unused events: %s" % sorted(set(declared) - set(counts)))
    for (eid, j), vs in sorted(slots.items()):
        need(len(vs) >= 2, "%s slot %d has a single value %r" % (eid, j + 1, next(iter(vs))))
    c = list(counts.values())
    need(12 <= len(declared) <= 15, "%d event types" % len(declared))
    need(min(c) >= 3, "an event has fewer than 3 lines: %s" % counts)
    need(sum(1 for x in c if 3 <= x <= 10) >= 3, "fewer than 3 events with 3-10 lines: %s" % counts)
    need(max(c) >= 3 * median(c), "largest %d < 3x median %s" % (max(c), median(c)))
    return errs, counts


def main():
    gens = [gen_gridengine, gen_openmpi, gen_mpichhydra, gen_lmod, gen_spack, gen_warewulf]
    systems = [g() for g in gens]
    for S in systems:
        S.write()
    bad = 0
    for S in systems:
        errs, counts = check(S)
        c = [counts.get(eid, 0) for eid, _ in S.events]
        print("%-11s %-10s events=%2d lines=%d counts=%s median=%s max=%d  %s" % (
            S.name, S.mode, len(S.events), N_LINES, ",".join(map(str, c)), median(c), max(c),
            "OK" if not errs else "FAIL"))
        for e in errs[:25]:
            print("    " + e)
        bad += len(errs)
    if bad:
        raise SystemExit("self-check failed (%d problems)" % bad)
    print("all self-checks passed")


if __name__ == "__main__":
    main()
