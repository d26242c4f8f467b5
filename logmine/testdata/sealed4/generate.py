#!/usr/bin/env python3
"""Writes the sealed4 blind, labelled log corpus (see README.md beside this file).

Six systems, 300 lines each: Nextflow, GlusterFS, Karpenter, Garage, Exim, NXOS.
Every line is made here from event formats written for this corpus, following each program's
documented default log layout (written from memory), with values from generators of this file.
No line, template or value list is copied from a real log or data set; the messages are invented
in each project's style. The corpus was written without running any template miner on it.

Deterministic: fixed seed 20261208, integer clock, no dependence on locale or wall time;
`python3 generate.py` rewrites the same files. Each system gets `<System>/<System>.log` (the raw
lines, header included) and `<System>/<System>.log_structured.csv` (LineId, Content, EventId,
EventTemplate).

Ground truth convention (Loghub style): one `<*>` per value; a value that holds spaces (a
free-text reason or error, a list, a status phrase) is one `<*>`; punctuation around a value
stays literal (`(<*>)`, `'<*>'`, `"<*>"`, `key=<*>`, `{key=<*>}`, `[<*>]`, `<<*>>`, `<*>@<*>`);
a prefix or unit attached to a value stays literal around it (`scratch-client-<*>`, `<*>s`);
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

SEED = 20261208
R = random.Random(SEED)
LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["Nextflow", "GlusterFS", "Karpenter", "Garage", "Exim", "NXOS"]
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
MIN_EVENTS, MAX_EVENTS = 12, 15


# ------------------------------------------------------------------------------------------
# Small value generators (pools written for this corpus).
def pick(seq):
    return R.choice(seq)


def num(a, b):
    return str(R.randint(a, b))


def flt(a, b, digits=1):
    return "%.*f" % (digits, R.uniform(a, b))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def alnum(n):
    return "".join(R.choice(string.ascii_letters + string.digits) for _ in range(n))


def kname(n):
    """A Kubernetes-style generated name suffix (no vowels, as the apiserver makes them)."""
    return "".join(R.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(n))


def uuid():
    return "%s-%s-4%s-%s%s-%s" % (hexid(8), hexid(4), hexid(3), R.choice("89ab"), hexid(3), hexid(12))


def client_ip():
    kind = R.random()
    if kind < 0.45:
        return "203.0.113.%d" % R.randint(1, 254)
    if kind < 0.8:
        return "198.51.100.%d" % R.randint(1, 254)
    return "192.0.2.%d" % R.randint(1, 254)


def pod_ip():
    return "10.42.%d.%d" % (R.randint(0, 7), R.randint(2, 250))


def eph_port():
    return str(R.randint(32768, 60999))


def godur_ms(ms):
    """A Go time.Duration as String() prints it: `310.52ms`, `1.402339s`."""
    if ms < 1000:
        return ("%.6f" % ms).rstrip("0").rstrip(".") + "ms"
    return ("%.9f" % (ms / 1000.0)).rstrip("0").rstrip(".") + "s"


def byte_count(n):
    """A byte count with a unit that varies: `812B`, `12.3kB`, `1.4MB`."""
    if n < 1000:
        return "%dB" % n
    if n < 10 ** 6:
        return "%.1fkB" % (n / 1000.0)
    return "%.1fMB" % (n / 10.0 ** 6)


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
    """Integer nanosecond clock starting on 2026-12-08 at a random second of the morning."""

    def __init__(self):
        self.start = calendar.timegm((2026, 12, 8, 0, 0, 0)) + R.randint(6 * 3600, 11 * 3600)
        self.ns = self.start * 10 ** 9 + R.randint(0, 10 ** 9 - 1)

    def tick(self):
        self.ns += R.randint(3 * 10 ** 6, 2400 * 10 ** 6)

    @property
    def g(self):
        return time.gmtime(self.ns // 10 ** 9)

    @property
    def unix(self):
        return self.ns // 10 ** 9

    def frac(self, digits):
        return "%0*d" % (digits, (self.ns % 10 ** 9) // 10 ** (9 - digits))

    def ymd(self, sep="-"):
        g = self.g
        return "%04d%s%02d%s%02d" % (g.tm_year, sep, g.tm_mon, sep, g.tm_mday)

    def hms(self):
        g = self.g
        return "%02d:%02d:%02d" % (g.tm_hour, g.tm_min, g.tm_sec)

    def iso_ago(self, lo, hi, digits=6, zone="+0000"):
        """An ISO timestamp lo to hi seconds before now (for timestamps inside messages)."""
        ns = self.ns - int(R.uniform(lo, hi) * 10 ** 9)
        g = time.gmtime(ns // 10 ** 9)
        return "%04d-%02d-%02dT%02d:%02d:%02d.%0*d%s" % (g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec,
                                                        digits, (ns % 10 ** 9) // 10 ** (9 - digits), zone)


# ------------------------------------------------------------------------------------------
# Filling a template.
def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\t" not in v, (template, values)
        out += [v, p]
    return "".join(out)


def ev(template, *values):
    """(content, template, values) of one line of an event type."""
    values = tuple(str(v) for v in values)
    return fill(template, values), template, values


# ------------------------------------------------------------------------------------------
def write(system, clock, events, render):
    """events: list of (count, tag, gen); gen() -> ev(...), called after the clock ticked for
    the line; render(tag, content) -> the raw line. Counts sum to LINES; the order of lines is a
    seeded shuffle. Checks that every slot of every event type takes two or more values."""
    assert sum(e[0] for e in events) == LINES, (system, sum(e[0] for e in events))
    assert MIN_EVENTS <= len(events) <= MAX_EVENTS, system
    order = [k for k, e in enumerate(events) for _ in range(e[0])]
    R.shuffle(order)
    rows, raw = [], []
    slot_values = {}
    for i, k in enumerate(order):
        _, tag, gen = events[k]
        clock.tick()
        content, template, values = gen()
        line = render(tag, content)
        assert line.endswith(content) and "\n" not in line, (system, line)
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
# 1. Nextflow (`.nextflow.log` of a run on a SLURM cluster), Nextflow's logback pattern
#    `%d{MMM-dd HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n`:
#    `Dec-08 hh:mm:ss.mmm [Task monitor] DEBUG n.processor.TaskPollingMonitor - message`, the
#    logger abbreviated by logback to 36 characters, the level left-aligned to 5.
#    Content is what follows the ` - ` after the logger.
def logback_abbrev(name, width=36):
    parts = name.split(".")
    i = 0
    while len(".".join(parts)) > width and i < len(parts) - 1:
        parts[i] = parts[i][0]
        i += 1
    return ".".join(parts)


def nextflow():
    c = Clock()
    work = "/scratch/nf-rnaseq/work"
    procs = ["NFCORE_RNASEQ:RNASEQ:FASTQC", "NFCORE_RNASEQ:RNASEQ:FASTQ_FASTQC_UMITOOLS_TRIMGALORE:TRIMGALORE",
             "NFCORE_RNASEQ:RNASEQ:ALIGN_STAR:STAR_ALIGN", "NFCORE_RNASEQ:RNASEQ:QUANTIFY_SALMON:SALMON_QUANT",
             "NFCORE_RNASEQ:RNASEQ:BAM_MARKDUPLICATES_PICARD:PICARD_MARKDUPLICATES", "NFCORE_RNASEQ:RNASEQ:QUALIMAP_RNASEQ",
             "NFCORE_RNASEQ:RNASEQ:SUBREAD_FEATURECOUNTS"]
    samples = ["WT_REP1", "WT_REP2", "WT_REP3", "KO_REP1", "KO_REP2", "KO_REP3", "RAP1_IAA_30M_REP1", "RAP1_UNINDUCED_REP2"]
    state = {"task": R.randint(20, 200), "job": R.randint(4100000, 4900000)}
    tasks = []  # (task id, job id, process, sample, work dir, short hash)

    def new_task():
        state["task"] += 1
        state["job"] += R.randint(1, 40)
        a, b = hexid(2), hexid(30)
        t = (state["task"], state["job"], pick(procs), pick(samples), "%s/%s/%s" % (work, a, b), "%s/%s" % (a, b[:6]))
        tasks.append(t)
        return t

    def old_task():
        return pick(tasks[-40:]) if tasks else new_task()

    def completed():
        tid, job, p, s, wd, _ = old_task()
        return ev("Task completed > TaskHandler[jobId: <*>; id: <*>; name: <*> (<*>); status: COMPLETED; exit: <*>; error: -; workDir: <*>]",
                  job, tid, p, s, pick(["0"] * 8 + ["1", "137", "140"]), wd)

    def submitted():
        _, _, p, s, _, h = new_task()
        return ev("[<*>] Submitted process > <*> (<*>)", h, p, s)

    def grid_submitted():
        tid, job, p, s, wd, _ = old_task()
        return ev("[SLURM] submitted process <*> (<*>) > jobId: <*>; workDir: <*>", p, s, job, wd)

    def queue():
        run = R.randint(0, 60)
        return ev("[SLURM] queue (<*>) status > <*> running, <*> pending", pick(["gpu", "gpu", "cpu", "highmem"]), run, num(0, 200))

    def publish():
        tid, _, p, s, wd, _ = old_task()
        f = pick(["%s.bam" % s, "%s_fastqc.html" % s, "%s.markdup.sorted.bam.bai" % s, "quant.sf", "%s.featureCounts.txt" % s])
        return ev("publishing file: <*> [mode: <*>] -> <*>", "%s/%s" % (wd, f), pick(["copy", "symlink", "link"]),
                  "/projects/rnaseq/results/%s/%s" % (p.split(":")[-1].lower(), f))

    buckets = ["s3://ngs-raw-eu/run_2412", "s3://ngs-raw-eu/run_2419", "s3://ngs-refs/GRCh38"]

    def porter():
        s = pick(samples)
        return ev("Copying foreign file <*> to work dir: <*>", "%s/%s_%s.fastq.gz" % (pick(buckets), s, pick(["R1", "R2"])),
                  "%s/stage-%s/%s/%s" % (work, uuid(), hexid(2), hexid(30)))

    def retried():
        _, _, p, s, _, h = old_task()
        return ev("[<*>] NOTE: Process `<*> (<*>)` terminated with an error exit status (<*>) -- Execution is retried (<*>)",
                  h, p, s, pick(["137", "140", "143", "1"]), num(1, 3))

    images = ["quay.io-biocontainers-fastqc-0.12.1--hdfd78af_0.img", "quay.io-biocontainers-star-2.7.11b--h43eeafb_0.img",
              "quay.io-biocontainers-salmon-1.10.3--h6dccd9a_2.img", "quay.io-biocontainers-trim-galore-0.6.10--hdfd78af_0.img",
              "quay.io-biocontainers-picard-3.1.1--hdfd78af_0.img"]

    def sing():
        img = pick(images)
        return ev("Singularity found local store for image=<*>; path=<*>", "docker://" + img.rsplit(".img", 1)[0].replace("-", "/", 2),
                  "/scratch/nf-rnaseq/singularity/" + img)

    queue_errs = Cycle(["1", "255", "124"])

    def failed_exec():
        _, _, p, s, _, _ = old_task()
        return ev("Error executing process > '<*> (<*>)'", p, s)

    def cached():
        _, _, p, s, _, h = new_task()
        return ev("[<*>] Cached process > <*> (<*>)", h, p, s)

    def memlimit():
        _, job, p, s, _, _ = old_task()
        return ev("[SLURM] job <*> for process <*> (<*>) exceeded its memory request: requested <*>, peak <*>", job, p, s,
                  pick(["36 GB", "72 GB", "6 GB"]), "%.1f GB" % R.uniform(7, 90))

    def pending():
        return ev("!! executor slurm > tasks to be completed: <*> -- submitted tasks are shown below", num(2, 160))

    finals = lambda: "TaskFinalizer-%d" % R.randint(1, 8)
    events = [
        (82, ("Task monitor", "DEBUG", "nextflow.processor.TaskPollingMonitor"), completed),
        (58, ("Task submitter", "INFO", "nextflow.Session"), submitted),
        (38, ("Task submitter", "DEBUG", "nextflow.executor.GridTaskHandler"), grid_submitted),
        (30, ("Task monitor", "DEBUG", "nextflow.executor.AbstractGridExecutor"), queue),
        (24, (lambda: "PublishDir-%d" % R.randint(1, 4), "DEBUG", "nextflow.processor.PublishDir"), publish),
        (20, (lambda: "FileTransfer-%d" % R.randint(1, 4), "DEBUG", "nextflow.file.FilePorter"), porter),
        (14, (finals, "INFO", "nextflow.processor.TaskProcessor"), retried),
        (10, (lambda: "Actor Thread %d" % R.randint(2, 30), "DEBUG", "nextflow.container.SingularityCache"), sing),
        (8, ("Task monitor", "WARN", "nextflow.executor.AbstractGridExecutor"),
         lambda: ev("[SLURM] queue status cannot be fetched > exit status: <*>", queue_errs())),
        (6, (finals, "ERROR", "nextflow.processor.TaskProcessor"), failed_exec),
        (4, (lambda: "Actor Thread %d" % R.randint(2, 30), "INFO", "nextflow.processor.TaskProcessor"), cached),
        (3, ("Task monitor", "WARN", "nextflow.executor.GridTaskHandler"), memlimit),
        (3, ("Task monitor", "DEBUG", "nextflow.processor.TaskPollingMonitor"), pending),
    ]

    def render(tag, content):
        thread, level, logger = tag
        if callable(thread):
            thread = thread()
        g = c.g
        return "%s-%02d %s.%s [%s] %-5s %s - %s" % (MONTHS[g.tm_mon - 1], g.tm_mday, c.hms(), c.frac(3), thread, level,
                                                   logback_abbrev(logger), content)
    write("Nextflow", c, events, render)


# ------------------------------------------------------------------------------------------
# 2. GlusterFS FUSE client (the mount's log, /var/log/glusterfs/mnt-scratch.log), gluster's own
#    log format: `[yyyy-mm-dd hh:mm:ss.uuuuuu +0000] L [MSGID: n] [file.c:line:function] xlator: message`,
#    L one of `T D I N W E C A`, the `[MSGID: n] ` left out by messages that have none; newer
#    messages end in a `[{key=value}, …]` list. Content is what follows the `[file:line:function] `
#    bracket (the xlator name, e.g. `0-scratch-client-3: `, is part of it).
def glusterfs():
    c = Clock()
    bricks = [("10.70.1.%d" % (11 + i // 2), "/bricks/nvme%d/scratch" % (i % 2)) for i in range(12)]
    dirs = ["/datasets/laion-subset/shard-%05d" % R.randint(0, 9999) for _ in range(4)] + \
           ["/home/%s/.cache/huggingface/hub" % u for u in ("akumar", "jlin", "mrossi")] + \
           ["/projects/climate/run%03d/output" % R.randint(1, 300) for _ in range(3)]
    files = ["part-%05d.tar" % R.randint(0, 99999), "model-00003-of-00008.safetensors", "restart.nc", "events.out.tfevents",
             "index.lock", "checkpoint.pt.tmp", ".nfs%016x" % R.getrandbits(64), "stdout.log"]

    def path():
        return "%s/%s" % (pick(dirs), pick(files))

    errnos = [("2", "No such file or directory"), ("2", "No such file or directory"), ("13", "Permission denied"),
              ("116", "Stale file handle"), ("107", "Transport endpoint is not connected")]

    def lookup_failed():
        e, msg = pick(errnos)
        return ev("0-scratch-client-<*>: remote operation failed. [{path=<*>}, {gfid=<*>}, {errno=<*>}, {error=<*>}]",
                  R.randint(0, 11), path(), uuid(), e, msg)

    def selfheal():
        srcs = R.sample([0, 1, 2], R.choice([1, 1, 2]))
        sinks = [x for x in (0, 1, 2) if x not in srcs]
        return ev("0-scratch-replicate-<*>: Completed <*> selfheal on <*>. sources=[<*>]  sinks=<*>", R.randint(0, 3),
                  pick(["data", "data", "metadata", "entry"]), uuid(), " ".join(map(str, sorted(srcs))), " ".join(map(str, sinks)))

    def rename():
        d = pick(dirs)
        f = pick(files)
        return ev("0-scratch-dht: renaming <*> (<*>) (hash=scratch-replicate-<*>/cache=scratch-replicate-<*>) => <*> (hash=scratch-replicate-<*>/cache=<nul>)",
                  "%s/%s.%s" % (d, f, alnum(6)), uuid(), num(0, 3), num(0, 3), "%s/%s" % (d, f), num(0, 3))

    fops = ["FLUSH", "FSYNC", "FSTAT", "OPEN", "READ", "SETATTR"]
    fop_errs = ["Transport endpoint is not connected", "Stale file handle", "Input/output error", "No space left on device"]
    state = {"unique": R.randint(100000, 900000)}

    def unique():
        state["unique"] += R.randint(1, 5000)
        return state["unique"]

    def fuse_err():
        return ev("0-glusterfs-fuse: <*>: <*>() ERR => -1 (<*>)", unique(), pick(fops), pick(fop_errs))

    def connected():
        i = R.randint(0, 11)
        return ev("0-scratch-client-<*>: Connected, attached to remote volume [{conn-name=scratch-client-<*>}, {remote_subvol=<*>}]",
                  i, i, bricks[i][1])

    def fuse_write():
        return ev("0-glusterfs-fuse: <*>: WRITE => -1 gfid=<*> fd=<*> (<*>)", unique(), uuid(), "0x7f%010x" % R.getrandbits(40),
                  pick(["No space left on device", "Disk quota exceeded", "Transport endpoint is not connected"]))

    def ping_timeout():
        i = R.randint(0, 11)
        return ev("0-scratch-client-<*>: server <*>:<*> has not responded in the last 42 seconds, disconnecting.", i, bricks[i][0],
                  pick(["49152", "49153", "24007"]))

    def disconnected():
        i = R.randint(0, 11)
        return ev("0-scratch-client-<*>: disconnected from client-<*>. Client process will keep trying to connect glusterd until brick's port is available [{conn-name=scratch-client-<*>}]",
                  i, i, i)

    def split_brain():
        return ev("0-scratch-replicate-<*>: Failing <*> on gfid <*>: split-brain observed. [Input/output error]", num(0, 3),
                  pick(["READ", "FSTAT", "FGETXATTR"]), uuid())

    ports = Cycle(["49152", "49153", "49154"])

    def dentry():
        return ev("0-inode: <*>/<*>: dentry not found in <*>", uuid(), pick(files), uuid())

    events = [
        (80, ("W", "114031", "client-rpc-fops_v2.c:2561:client4_0_lookup_cbk"), lookup_failed),
        (56, ("I", "108026", "afr-self-heal-common.c:1746:afr_log_selfheal"), selfheal),
        (40, ("I", "109066", "dht-rename.c:1951:dht_rename"), rename),
        (30, ("W", "", "fuse-bridge.c:1883:fuse_err_cbk"), fuse_err),
        (24, ("I", "114057", "client-handshake.c:1128:select_server_supported_programs"),
         lambda: ev("0-scratch-client-<*>: Using Program [{Program-name=GlusterFS 4.x v1}, {Num=1298437}, {Version=400}]", num(0, 11))),
        (20, ("I", "114046", "client-handshake.c:855:client_setvolume_cbk"), connected),
        (14, ("W", "", "fuse-bridge.c:3031:fuse_writev_cbk"), fuse_write),
        (10, ("C", "", "rpc-clnt-ping.c:152:rpc_clnt_ping_timer_expired"), ping_timeout),
        (8, ("I", "114018", "client.c:2242:client_rpc_notify"), disconnected),
        (6, ("E", "108008", "afr-read-txn.c:312:afr_read_txn_refresh_done"), split_brain),
        (5, ("I", "", "rpc-clnt.c:1970:rpc_clnt_reconfig"), lambda: ev("0-scratch-client-<*>: changing port to <*> (from 0)", num(0, 11), ports())),
        (4, ("I", "", "glusterfsd-mgmt.c:2170:mgmt_getspec_cbk"), lambda: ev("0-glusterfs: No change in volfile,continuing")),
        (3, ("W", "101159", "inode.c:1282:__inode_unlink"), dentry),
    ]

    def render(tag, content):
        level, msgid, where = tag
        return "[%s %s.%s +0000] %s %s[%s] %s" % (c.ymd(), c.hms(), c.frac(6), level, "[MSGID: %s] " % msgid if msgid else "", where, content)
    write("GlusterFS", c, events, render)


# ------------------------------------------------------------------------------------------
# 3. Karpenter controller (Kubernetes node autoscaler on AWS), zap's default production JSON
#    encoder as Karpenter configures it: `{"level":"INFO","time":"yyyy-mm-ddThh:mm:ss.mmmZ",
#    "logger":"controller","message":"…","commit":"…",<fields>}`. Content is everything after
#    the `time` field and its comma (keys, quotes and braces stay literal).
def karpenter():
    c = Clock()
    commit = "6f1e2c4"
    pools = ["gpu-spot", "gpu-ondemand", "general"]
    itypes = {"g5.12xlarge": ("47810m", "178933Mi", "4"), "g5.48xlarge": ("191450m", "733010Mi", "8"),
              "p4d.24xlarge": ("95690m", "1082712Mi", "8"), "g6e.12xlarge": ("47810m", "356421Mi", "4"),
              "p5.48xlarge": ("191450m", "1967215Mi", "8")}
    zones = ["us-east-1a", "us-east-1b", "us-east-1d"]
    claims = []

    def claim():
        if not claims or R.random() < 0.35:
            pool = pick(pools)
            it = pick(sorted(itypes))
            claims.append(("%s-%s" % (pool, kname(5)), pool, it, pick(zones), "i-0%s" % hexid(16),
                           "ip-10-%d-%d-%d.ec2.internal" % (R.randint(0, 3), R.randint(0, 255), R.randint(1, 254)),
                           "spot" if pool == "gpu-spot" else "on-demand"))
        return pick(claims[-12:])

    workloads = [("ml-train", "llama-ft"), ("ml-train", "vit-pretrain"), ("inference", "vllm-chat"), ("inference", "whisper-batch"),
                 ("research", "jupyter-jlin"), ("ci", "gpu-e2e")]

    def pod():
        ns, w = pick(workloads)
        return ns, "%s-%s-%s" % (w, kname(9), kname(5))

    def pods():
        return ", ".join("%s/%s" % pod() for _ in range(R.choice([1, 1, 2, 3])))

    def prov():
        return ev('"logger":"controller","message":"found provisionable pod(s)","commit":"%s","controller":"provisioner","namespace":"","name":"","reconcileID":"<*>","Pods":"<*>","duration":"<*>"}' % commit,
                  uuid(), pods(), godur_ms(R.uniform(5, 900)))

    def computed():
        return ev('"logger":"controller","message":"computed new nodeclaim(s) to fit pod(s)","commit":"%s","controller":"provisioner","namespace":"","name":"","reconcileID":"<*>","nodeclaims":<*>,"pods":<*>}' % commit,
                  uuid(), pick([1, 1, 1, 2, 3]), num(1, 24))

    def created():
        name, pool, it, _, _, _, _ = claim()
        others = R.randint(0, 30)
        its = ", ".join(sorted(R.sample(sorted(itypes), 3))) + (" and %d other(s)" % others if others else "")
        return ev('"logger":"controller","message":"created nodeclaim","commit":"%s","controller":"provisioner","namespace":"","name":"","reconcileID":"<*>","NodePool":{"name":"<*>"},"NodeClaim":{"name":"<*>"},"requests":{"cpu":"<*>","memory":"<*>","nvidia.com/gpu":"<*>","pods":"<*>"},"instance-types":"<*>"}' % commit,
                  uuid(), pool, name, "%dm" % (R.randint(2, 90) * 100), "%dGi" % R.randint(8, 700),
                  pick(["1", "2", "4", "8"]), num(3, 12), its)

    lc = '"logger":"controller","message":"%s","commit":"' + commit + '","controller":"nodeclaim.lifecycle","controllerGroup":"karpenter.sh","controllerKind":"NodeClaim","NodeClaim":{"name":"<*>"},"namespace":"","name":"<*>","reconcileID":"<*>"'

    def launched():
        name, _, it, z, iid, _, cap = claim()
        cpu, mem, gpu = itypes[it]
        return ev(lc % "launched nodeclaim" + ',"provider-id":"aws:///<*>/<*>","instance-type":"<*>","zone":"<*>","capacity-type":"<*>","allocatable":{"cpu":"<*>","ephemeral-storage":"<*>","memory":"<*>","nvidia.com/gpu":"<*>","pods":"<*>"}}',
                  name, name, uuid(), z, iid, it, z, cap, cpu, pick(["89Gi", "179Gi", "1788Gi"]), mem, gpu, pick(["234", "737", "110"]))

    def registered():
        name, _, _, z, iid, node, _ = claim()
        return ev(lc % "registered nodeclaim" + ',"provider-id":"aws:///<*>/<*>","Node":{"name":"<*>"}}', name, name, uuid(), z, iid, node)

    def initialized():
        name, _, it, z, iid, node, _ = claim()
        cpu, mem, gpu = itypes[it]
        return ev(lc % "initialized nodeclaim" + ',"provider-id":"aws:///<*>/<*>","Node":{"name":"<*>"},"allocatable":{"cpu":"<*>","memory":"<*>","nvidia.com/gpu":"<*>"}}',
                  name, name, uuid(), z, iid, node, cpu, mem, gpu)

    sched_errs = ["incompatible with nodepool general, daemonset overhead={cpu:380m,memory:612Mi,pods:5}, no instance type satisfied resources",
                  "all available instance types exceed limits for nodepool: gpu-ondemand",
                  "incompatible with nodepool gpu-spot, did not tolerate nvidia.com/gpu=true:NoSchedule",
                  "no instance type which had enough resources and the required offering met the scheduling requirements"]

    def cannot():
        ns, p = pod()
        return ev('"logger":"controller","message":"could not schedule pod","commit":"%s","controller":"provisioner","namespace":"","name":"","reconcileID":"<*>","Pod":{"name":"<*>","namespace":"<*>"},"error":"<*>"}' % commit,
                  uuid(), p, ns, pick(sched_errs))

    disrupt_sizes = Cycle([1, 1, 2])

    def disrupting():
        n = disrupt_sizes()
        cs = [claim() for _ in range(n)]
        return ev('"logger":"controller","message":"disrupting nodeclaim(s) via <*>, terminating <*> nodes (<*> pods) <*>","commit":"%s","controller":"disruption","namespace":"","name":"","reconcileID":"<*>","command-id":"<*>","reason":"<*>"}' % commit,
                  pick(["delete", "delete", "replace"]), n, num(0, 14), ", ".join("%s/%s/%s" % (x[5], x[2], x[6]) for x in cs), uuid(), uuid(),
                  pick(["underutilized", "empty", "drifted"]))

    nt = '"logger":"controller","message":"%s","commit":"' + commit + '","controller":"node.termination","controllerGroup":"","controllerKind":"Node","Node":{"name":"<*>"},"namespace":"","name":"<*>","reconcileID":"<*>"'

    def tainted():
        node = claim()[5]
        return ev(nt % "tainted node" + ',"taint.Key":"karpenter.sh/disrupted","taint.Value":"","taint.Effect":"NoSchedule"}', node, node, uuid())

    def deleted():
        node = claim()[5]
        return ev(nt % "deleted node" + "}", node, node, uuid())

    launch_errs = Cycle(["creating instance, insufficient capacity, with fleet error(s), InsufficientInstanceCapacity: We currently do not have sufficient p5.48xlarge capacity in the Availability Zone you requested (us-east-1b).",
                         "creating instance, with fleet error(s), UnfulfillableCapacity: Unable to fulfill capacity due to your request configuration.",
                         "getting launch template configs, resolving ami family, no amis exist given constraints"])

    def launch_failed():
        name = claim()[0]
        return ev(lc % "failed launching nodeclaim" + ',"error":"<*>"}', name, name, uuid(), launch_errs())

    budgets = Cycle([("gpu-spot", "drifted"), ("gpu-ondemand", "underutilized"), ("general", "empty")])
    workers = Cycle([("nodeclaim.lifecycle", "karpenter.sh", "NodeClaim", "1000"), ("nodeclass.status", "karpenter.k8s.aws", "EC2NodeClass", "10"),
                     ("nodeclaim.disruption", "karpenter.sh", "NodeClaim", "100")])

    events = [
        (78, "INFO", prov),
        (56, "INFO", computed),
        (38, "INFO", created),
        (30, "INFO", launched),
        (24, "INFO", registered),
        (20, "INFO", initialized),
        (14, "ERROR", cannot),
        (10, "INFO", disrupting),
        (8, "INFO", tainted),
        (6, "INFO", deleted),
        (5, "ERROR", launch_failed),
        (4, "WARN", lambda: ev('"logger":"controller","message":"disruption budget prevented disruption of candidate nodes","commit":"%s","controller":"disruption","NodePool":{"name":"<*>"},"reason":"<*>","allowed":0}' % commit,
                                *budgets())),
        (4, "INFO", lambda: ev('"logger":"controller","message":"Starting workers","commit":"%s","controller":"<*>","controllerGroup":"<*>","controllerKind":"<*>","worker count":<*>}' % commit,
                               *workers())),
        (3, "INFO", lambda: ev('"logger":"controller","message":"updated spot pricing with instance types and offerings","commit":"%s","controller":"pricing","instance-type-count":<*>,"offering-count":<*>}' % commit,
                               num(700, 820), num(2000, 4200))),
    ]

    def render(level, content):
        return '{"level":"%s","time":"%sT%s.%sZ",%s' % (level, c.ymd(), c.hms(), c.frac(3), content)
    write("Karpenter", c, events, render)


# ------------------------------------------------------------------------------------------
# 4. Garage (S3-compatible object store, Rust), tracing-subscriber's default fmt output without
#    ANSI colours: `yyyy-mm-ddThh:mm:ss.uuuuuuZ LEVEL target: message`, the level right-aligned
#    to 5 (`  INFO`, `  WARN`, ` ERROR`, ` DEBUG`). Content is what follows `target: `.
def garage():
    c = Clock()
    nodes = [hexid(16) for _ in range(6)]
    addrs = ["10.80.0.%d:3901" % (11 + i) for i in range(6)]
    proxies = ["10.80.0.2:%s" % eph_port() for _ in range(3)] + ["[::ffff:10.80.0.3]:%s" % eph_port() for _ in range(2)]
    buckets = ["datasets", "checkpoints", "mlflow-artifacts", "loki-chunks", "velero-backups"]

    def api():
        b = pick(buckets)
        meth, uri = pick([("GET", "/%s/%s" % (b, "shard-%06d.tar" % R.randint(0, 200000))), ("PUT", "/%s/%s?partNumber=%d&uploadId=%s" % (b, "ckpt/step-%d/model.safetensors" % (R.randint(1, 90) * 1000), R.randint(1, 40), hexid(32))),
                          ("HEAD", "/%s/%s" % (b, "fake/%s" % hexid(24))), ("GET", "/%s?list-type=2&prefix=%s&max-keys=1000" % (b, pick(["train/", "eval/", "tenant-7/", "backups/"]))),
                          ("DELETE", "/%s/%s" % (b, "chunks/%s" % hexid(16))), ("POST", "/%s/%s?uploads" % (b, "ckpt/step-%d/optim.pt" % (R.randint(1, 90) * 1000)))])
        return ev("<*> (via <*>) <*> <*>", "10.60.%d.%d:%s" % (R.randint(0, 15), R.randint(2, 250), eph_port()), pick(proxies), meth, uri)

    tables = ["object", "version", "block_ref", "bucket_v2", "key", "mpu"]

    def sync():
        return ev("(<*>) Sync with <*>: <*> items to send, <*> items received", pick(tables), pick(nodes), num(0, 900), num(0, 900))

    def resync():
        return ev("Resync block <*>: fetching absent but needed block (refcount > 0)", hexid(64))

    def conn():
        i = R.randint(0, 5)
        return ev("Connection established to <*> at <*>, handshake took <*>", nodes[i], addrs[i], godur_ms(R.uniform(0.3, 40)))

    resp = [("404", "Not Found", "Key not found"), ("403", "Forbidden", "Forbidden: Access denied for key GK%s" % hexid(24)),
            ("503", "Service Unavailable", "Could not reach quorum of 2. 1 of 3 request succeeded, others returned errors: [\"Timeout\"]"),
            ("400", "Bad Request", "Bad request: Invalid part number"), ("404", "Not Found", "Bucket not found: tmp-scratch")]

    def response():
        return ev("Response: error <*> <*>, <*>", *pick(resp))

    def gc():
        return ev("(<*>) GC: <*> items successfully pushed, will try to delete.", pick(tables[:3]), num(1, 500))

    def bootstrap():
        return ev("Doing a bootstrap/discovery step (not_configured: false, no_peers: <*>, bad_peers: <*>)",
                  pick(["false", "true"]), pick(["true", "false"]))

    fetch_errs = ["Could not reach quorum of 1. 0 of 3 request succeeded, others returned errors: [\"Netapp error: Not connected: %s\"]" % nodes[2][:8],
                  "Block not found", "Timeout", "Corrupt data: block hash mismatch"]

    def fetch_err():
        return ev("Error while fetching block <*>: <*>", hexid(64), pick(fetch_errs))

    peer_errs = ["Connection refused (os error 111)", "deadline has elapsed", "No route to host (os error 113)"]

    def peer_down():
        i = R.randint(0, 5)
        return ev("Could not connect to peer <*> at <*>: <*>", nodes[i], addrs[i], pick(peer_errs))

    scrubs = Cycle([("scrub", "2"), ("repair", "0"), ("scrub", "4")])
    worker_exits = Cycle([("Block resync worker", "3", "Timeout"), ("object GC", "11", "Could not reach quorum of 2"),
                          ("version sync", "7", "Netapp error: Not connected")])
    launches = Cycle([("S3 API", "[::]:3900"), ("Admin API", "[::]:3903"), ("K2V API", "[::]:3904"), ("S3 website", "[::]:3902")])
    state = {"layout": R.randint(5, 40)}

    def layout():
        state["layout"] += 1
        return ev("Cluster layout updated to version <*> (<*> staged changes applied)", state["layout"], num(1, 6))

    events = [
        (86, ("INFO", "garage_api::generic_server"), api),
        (56, ("DEBUG", "garage_table::sync"), sync),
        (40, ("INFO", "garage_block::resync"), resync),
        (28, ("DEBUG", "garage_net::netapp"), conn),
        (22, ("WARN", "garage_api::generic_server"), response),
        (18, ("INFO", "garage_table::gc"), gc),
        (14, ("INFO", "garage_rpc::system"), bootstrap),
        (10, ("ERROR", "garage_block::manager"), fetch_err),
        (8, ("WARN", "garage_net::peering"), peer_down),
        (6, ("INFO", "garage_block::repair"), lambda: ev("Starting <*> of all blocks (tranquility: <*>)", *scrubs())),
        (5, ("ERROR", "garage_util::background::worker"), lambda: ev("Worker <*> (TID <*>) exited with error: <*>", *worker_exits())),
        (4, ("INFO", "garage_rpc::layout::manager"), layout),
        (3, ("INFO", "garage::server"), lambda: ev("Launching <*> server, listening on <*>", *launches())),
    ]

    def render(tag, content):
        level, target = tag
        return "%sT%s.%sZ %5s %s: %s" % (c.ymd(), c.hms(), c.frac(6), level, target, content)
    write("Garage", c, events, render)


# ------------------------------------------------------------------------------------------
# 5. Exim mail transfer agent, its main log (/var/log/exim4/mainlog) with the default
#    log_selector: `yyyy-mm-dd hh:mm:ss message`, message lines start with the message id
#    (`1tQx7a-00000003Kq2-1bZr`, the 4.97 format) and a flag (`<=`, `=>`, `==`, `**`).
#    Content is what follows the time and its space (the message id is a value in it).
def exim():
    c = Clock()
    b62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
    ids = []

    def new_id():
        i = "%s-%s-%s" % ("1tQ" + "".join(R.choice(b62) for _ in range(3)), "0" * 6 + "".join(R.choice(b62) for _ in range(5)),
                          "".join(R.choice(b62) for _ in range(4)))
        ids.append(i)
        return i

    def old_id():
        return pick(ids[-30:]) if ids else new_id()

    local_users = ["akumar", "jlin", "mrossi", "hpc-admin", "slurm", "root", "grafana"]
    domain = "hpc.example.org"
    senders = ["noreply@github.com", "alerts@grafana.example.net", "billing@cloud.example.com", "jlin@uni.example.edu",
               "no-reply@slurm.%s" % domain, "postmaster@partner.example.de", "news@conference.example.org"]
    relays = [("mail-ej1-f49.google.example.com", "209.85.218.49"), ("out-3.smtp.example.net", "198.51.100.23"),
              ("mx.partner.example.de", "192.0.2.77"), ("(ehlo.localdomain)", "203.0.113.140"), ("relay.uni.example.edu", "198.51.100.9")]
    tls = ["TLS1.3:TLS_AES_256_GCM_SHA384:256", "TLS1.3:TLS_AES_128_GCM_SHA256:128", "TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256"]
    mxs = [("aspmx.l.google.example.com", "142.250.27.26"), ("mx1.uni.example.edu", "198.51.100.25"), ("mail.partner.example.de", "192.0.2.80"),
           ("mx.cloud.example.com", "203.0.113.25")]
    remote_rcpts = ["jlin@uni.example.edu", "ops@partner.example.de", "pi-group@uni.example.edu", "support@cloud.example.com", "a.researcher@gmail.example.com"]

    def arrival():
        h, ip = pick(relays)
        return ev("<*> <= <*> H=<*> [<*>] P=esmtps X=<*> CV=no S=<*> id=<*>", new_id(), pick(senders), h, ip, pick(tls), num(900, 2400000),
                  "%s.%s@%s" % (alnum(16), num(1000, 99999), pick(["mail.gmail.example.com", "github.com", "grafana.example.net", "mta.cloud.example.com"])))

    def remote_delivery():
        h, ip = pick(mxs)
        conf = pick(["250 2.0.0 OK  %d %s.%d - gsmtp" % (c.unix, alnum(12), R.randint(100, 999)), "250 2.0.0 Ok: queued as %s" % hexid(10).upper(),
                     "250 OK id=%s" % new_id()])
        return ev('<*> => <*> R=dnslookup T=remote_smtp H=<*> [<*>] X=<*> CV=yes C="<*>"', old_id(), pick(remote_rcpts), h, ip, pick(tls), conf)

    def local_delivery():
        u = pick(local_users)
        return ev("<*> => <*> <<*>> R=local_user T=mail_spool", old_id(), u, "%s@%s" % (u, domain))

    def relay_denied():
        h, ip = pick(relays[3:] + [("(WIN-%s)" % alnum(11).upper(), "203.0.113.%d" % R.randint(2, 250))])
        return ev("H=<*> [<*>] F=<<*>> rejected RCPT <<*>>: relay not permitted", h, ip, pick(["admin@%s" % domain, "test@example.com", "info@%s" % domain]),
                  pick(["victim%d@example.net" % R.randint(1, 99), "spamtarget@example.org", "bulk@example.com"]))

    def deferred():
        return ev("<*> == <*> R=dnslookup T=remote_smtp defer (-53): retry time not reached for any host for '<*>'", old_id(),
                  *(lambda r: (r, r.split("@")[1]))(pick(remote_rcpts)))

    bounce_msgs = ["550 5.1.1 The email account that you tried to reach does not exist.", "550 5.1.1 <%s>: Recipient address rejected: User unknown",
                   "552 5.2.2 Mailbox full", "554 5.7.1 Message rejected due to content restrictions"]

    def bounced():
        h, ip = pick(mxs)
        r = pick(remote_rcpts)
        return ev("<*> ** <*> R=dnslookup T=remote_smtp H=<*> [<*>]: SMTP error from remote mail server after RCPT TO:<<*>>: <*>", old_id(), r, h, ip, r,
                  pick(bounce_msgs).replace("%s", r))

    tls_errs = ["error:0A000126:SSL routines::unexpected eof while reading", "error:0A00010B:SSL routines::wrong version number",
                "error:0A000418:SSL routines::tlsv1 alert unknown ca", "(gnutls_handshake): A TLS packet with unexpected length was received."]

    def tls_err():
        h, ip = pick(relays)
        return ev("TLS error on connection from <*> [<*>] (SSL_accept): <*>", h, ip, pick(tls_errs))

    runs = [R.randint(100000, 400000) + 17 * k for k in range(6)]
    starts = Cycle(runs)
    ends = Cycle(runs)
    bounce_ids = []

    def bounce_arrival():
        i = new_id()
        return ev("<*> <= <> R=<*> U=Debian-exim P=local S=<*>", i, old_id() if len(ids) > 1 else new_id(), num(2000, 9000))

    syncs = Cycle([("(%s)" % alnum(8), "203.0.113.%d" % R.randint(2, 250), "EHLO x\\r\\n"), ("(User)", "192.0.2.%d" % R.randint(2, 250), "\\026\\003\\001"),
                   ("(localhost)", "198.51.100.%d" % R.randint(2, 250), "HELP\\r\\n")])
    timeouts = Cycle([("(%s)" % alnum(7), "203.0.113.%d" % R.randint(2, 250)), ("mx.partner.example.de", "192.0.2.77")])

    events = [
        (70, arrival),
        (62, remote_delivery),
        (58, lambda: ev("<*> Completed", old_id())),
        (30, local_delivery),
        (22, relay_denied),
        (16, deferred),
        (12, bounced),
        (10, tls_err),
        (6, lambda: ev("Start queue run: pid=<*>", starts())),
        (5, lambda: ev("End queue run: pid=<*>", ends())),
        (4, bounce_arrival),
        (3, lambda: ev('SMTP protocol synchronization error (input sent without waiting for greeting): rejected connection from H=<*> [<*>] input="<*>"', *syncs())),
        (2, lambda: ev("SMTP command timeout on connection from <*> [<*>]", *timeouts())),
    ]

    def render(_, content):
        return "%s %s %s" % (c.ymd(), c.hms(), content)
    write("Exim", c, [(n, None, g) for n, g in events], render)


# ------------------------------------------------------------------------------------------
# 6. Cisco NX-OS leaf switch of a GPU fabric, `show logging logfile` (the switch's default
#    local log): `yyyy Mmm dd hh:mm:ss hostname %FACILITY-SEVERITY-MNEMONIC: message`, the day
#    padded with a space. Content is what follows the hostname and its space (the
#    `%FACILITY-SEVERITY-MNEMONIC: ` tag is part of it).
def nxos():
    c = Clock()
    host = "leaf-gpu-%02d" % R.randint(1, 40)
    ifaces = ["Ethernet1/%d" % n for n in R.sample(range(1, 49), 14)] + ["Ethernet1/%d/%d" % (n, k) for n in (49, 50, 53) for k in (1, 2)] + \
             ["port-channel%d" % n for n in (101, 102, 201)]
    phys = [i for i in ifaces if i.startswith("Eth")]

    def acl():
        proto = pick([("TCP", "6"), ("TCP", "6"), ("UDP", "17")])
        return ev('%ACLLOG-5-ACLLOG_FLOW_INTERVAL: Src IP: <*>, Dst IP: <*>, Src Port: <*>, Dst Port: <*>, Src Intf: <*>, Protocol: "<*>"(<*>), Hit-count = <*>',
                  "10.%d.%d.%d" % (R.choice([60, 61, 80]), R.randint(0, 15), R.randint(2, 250)), "10.%d.%d.%d" % (R.choice([60, 70, 80]), R.randint(0, 15), R.randint(2, 250)),
                  eph_port(), pick(["22", "443", "4791", "9100", "2379", "53"]), pick(phys), proto[0], proto[1], num(1, 4000))

    neighbors = ["10.255.0.%d" % n for n in (1, 2, 3, 4)] + ["fd00:255::%x" % n for n in (1, 2)]
    bgp_states = ["Up", "Up", "Down - sent:  holdtimer expired error", "Down - BFD session down", "Down - recv:  other configuration change"]
    macs = ["%04x.%04x.%04x" % (R.getrandbits(16), R.getrandbits(16), R.getrandbits(16)) for _ in range(6)]
    admins = ["netops", "admin", "ansible"]
    psus = Cycle([("1", "DTM2437%s" % alnum(4).upper()), ("2", "DTM2437%s" % alnum(4).upper())])

    def mac_move():
        a, b = R.sample(phys, 2)
        return ev("%L2FM-4-L2FM_MAC_MOVE: Mac <*> in vlan <*> has moved from <*> to <*>", pick(macs), pick(["10", "20", "110", "3001"]), a, b)

    def pam_fail():
        return ev("%AUTHPRIV-3-SYSTEM_MSG: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=<*>  user=<*> - dcos_sshd[<*>]",
                  pick(["10.60.0.5", "10.60.0.9", "172.16.4.20"]), pick(admins + ["root"]), num(2000, 32000))

    def cfg():
        return ev("%VSHD-5-VSHD_SYSLOG_CONFIG_I: Configured from vty by <*> on <*>@<*>", pick(admins), pick(["10.60.0.5", "10.60.0.9"]), pick(["pts/0", "pts/1", "pts/2"]))

    def pfcwd():
        return ev("%QOSMGR-4-PFCWD_QUEUE_SHUTDOWN: PFC watchdog shut down queue <*> on interface <*> after <*> ms of continuous pause",
                  pick(["3", "4"]), pick(phys), pick(["100", "200", "400"]))

    def sshd_max():
        return ev("%DAEMON-3-SYSTEM_MSG: error: maximum authentication attempts exceeded for invalid user <*> from <*> port <*> ssh2 - dcos_sshd[<*>]",
                  pick(["ubuntu", "test", "oracle", "pi"]), pick(["172.16.4.20", "172.16.9.31"]), eph_port(), num(2000, 32000))

    events = [
        (83, acl),
        (54, lambda: ev("%ETHPORT-5-IF_DOWN_LINK_FAILURE: Interface <*> is down (Link failure)", pick(phys))),
        (40, lambda: ev("%ETHPORT-5-IF_UP: Interface <*> is up in mode <*>", pick(ifaces), pick(["access", "trunk", "routed"]))),
        (30, lambda: ev("%ETHPORT-5-SPEED: Interface <*>, operational speed changed to <*>", pick(ifaces), pick(["100 Gbps", "400 Gbps", "25 Gbps"]))),
        (22, lambda: ev("%BGP-5-ADJCHANGE:  bgp-65101 [4127] (default) neighbor <*> <*>", pick(neighbors), pick(bgp_states))),
        (18, mac_move),
        (14, pam_fail),
        (10, cfg),
        (8, lambda: ev("%ETHPORT-3-IF_SFP_WARNING: Interface <*>, <*> Warning", pick(phys), pick(["Low Rx Power", "High Temperature", "Low Tx Power"]))),
        (6, lambda: ev("%ETHPORT-5-IF_DUPLEX: Interface <*>, operational duplex mode changed to Full", pick(ifaces))),
        (5, pfcwd),
        (4, lambda: ev("%PLATFORM-2-PS_FAIL: Power supply <*> failed or shutdown (Serial number <*>)", *psus())),
        (3, sshd_max),
        (3, lambda: ev("%AUTHPRIV-6-SYSTEM_MSG: pam_unix(sshd:session): session opened for user <*> by (uid=0) - dcos_sshd[<*>]", pick(admins), num(2000, 32000))),
    ]

    def render(_, content):
        g = c.g
        return "%04d %s %2d %s %s %s" % (g.tm_year, MONTHS[g.tm_mon - 1], g.tm_mday, c.hms(), host, content)
    write("NXOS", c, [(n, None, g) for n, g in events], render)


# ------------------------------------------------------------------------------------------
# Read-back checks.
# Each system's header: the raw line minus its Content must match this (the named group `ts` is
# the timestamp), and `key` turns `ts` into a sortable tuple; `strict` is True where the
# timestamp resolution is finer than the smallest clock step (so timestamps must increase).
HEADERS = {
    "Nextflow": (r"(?P<ts>[A-Z][a-z]{2}-\d\d \d\d:\d\d:\d\d\.\d{3}) \[[A-Za-z0-9 -]+\] (?:TRACE|DEBUG|INFO |WARN |ERROR) [A-Za-z0-9_.]+ - ",
                 lambda ts: (MONTHS.index(ts[:3]), ts[4:]), True),
    "GlusterFS": (r"\[(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}) \+0000\] [TDINWECA] (?:\[MSGID: \d+\] )?\[[\w.-]+:\d+:\w+\] ",
                  lambda ts: (ts,), True),
    "Karpenter": (r'\{"level":"(?:DEBUG|INFO|WARN|ERROR)","time":"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})Z",',
                  lambda ts: (ts,), True),
    "Garage": (r"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6})Z (?:TRACE|DEBUG| INFO| WARN|ERROR) [a-z_]+(?:::[a-z_]+)*: ",
               lambda ts: (ts,), True),
    "Exim": (r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) ", lambda ts: (ts,), False),
    "NXOS": (r"(?P<ts>\d{4} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d) leaf-gpu-\d\d ",
             lambda ts: (ts[:4], MONTHS.index(ts[5:8]), int(ts[9:11]), ts[12:]), False),
}


def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


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
        header_re, ts_key, strict = HEADERS[system]
        header_re = re.compile(header_re)
        templates, counts, slots, contents = {}, {}, {}, []
        last = None
        for i, (row, line) in enumerate(zip(rows, lines)):
            assert len(row) == 4, (system, row)
            line_id, content, event_id, template = row
            assert line_id == str(i + 1), (system, line_id)
            assert re.fullmatch(r"E[0-9]+", event_id), (system, event_id)
            assert content and content == content.strip() and line.endswith(content), (system, i + 1)
            h = header_re.fullmatch(line[:len(line) - len(content)])  # a header precedes the Content
            assert h, (system, i + 1, line)
            key = ts_key(h.group("ts"))
            if last is not None:
                assert key > last if strict else key >= last, (system, i + 1, "timestamp went back")
            last = key
            assert "<*><*>" not in template, (system, template)
            m = template_regex(template).fullmatch(content)
            assert m, (system, i + 1, template, content)
            assert templates.setdefault(event_id, template) == template, (system, event_id)
            counts[event_id] = counts.get(event_id, 0) + 1
            seen = slots.setdefault(event_id, [set() for _ in m.groups()])
            for s, v in zip(seen, m.groups()):
                s.add(v)
            contents.append((event_id, content))
        assert len(set(templates.values())) == len(templates), system
        regexes = {e: template_regex(t) for e, t in templates.items()}
        for event_id, content in contents:  # no line fits the template of another event type
            for other, rx in regexes.items():
                assert other == event_id or not rx.fullmatch(content), (system, event_id, other, content)
        assert MIN_EVENTS <= len(counts) <= MAX_EVENTS, (system, len(counts))
        assert min(counts.values()) >= 2, (system, counts)
        assert sum(1 for n in counts.values() if 2 <= n <= 10) >= 3, (system, counts)
        top = sorted(counts.values(), reverse=True)
        assert top[0] >= 3 * top[len(top) // 2], (system, counts)  # skewed frequencies
        for event_id, seen in slots.items():
            for j, s in enumerate(seen):
                assert len(s) >= 2, (system, event_id, "slot %d" % (j + 1), s)
        summary[system] = dict(sorted(counts.items(), key=lambda kv: int(kv[0][1:])))
    return summary




if __name__ == "__main__":
    nextflow()
    glusterfs()
    karpenter()
    garage()
    exim()
    nxos()
    for system, counts in self_check().items():
        print("%-10s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
