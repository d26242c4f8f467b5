#!/usr/bin/env python3
"""Sealed 60 corpus generator.

Writes <System>/<System>.log and <System>/<System>.log_structured.csv for six
workflow-engine style systems and self-checks them.  Python 3 standard
library only; fully deterministic (no wall clock, no locale).
"""
import csv
import datetime
import math
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270182
ROOT = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300
SEC = 10 ** 9
MS = 10 ** 6

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
YEAR, MONTH, DAY = 2026, 3, 14
WEEKDAY = WEEKDAYS[datetime.date(YEAR, MONTH, DAY).weekday()]
MON = MONTHS[MONTH - 1]
DATE_ISO = "%04d-%02d-%02d" % (YEAR, MONTH, DAY)


# --------------------------------------------------------------------------
# clock helpers (integer nanoseconds since 2026-03-14T00:00:00Z)
# --------------------------------------------------------------------------
def split_ns(t):
    assert 0 <= t < 86400 * SEC, t
    s = t // SEC
    return s // 3600, (s // 60) % 60, s % 60, t % SEC


def hms(t):
    h, m, s, _ = split_ns(t)
    return "%02d:%02d:%02d" % (h, m, s)


def millis(t):
    return (t // MS) % 1000


def exp_ns(rng, mean_s):
    return int(rng.expovariate(1.0) * mean_s * SEC)


def uni_ns(rng, lo_s, hi_s):
    return int(rng.uniform(lo_s, hi_s) * SEC)


# --------------------------------------------------------------------------
# value helpers
# --------------------------------------------------------------------------
HEX = "0123456789abcdef"
LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"


def hexstr(rng, n):
    return "".join(rng.choice(HEX) for _ in range(n))


def alnum(rng, n, chars=LOWER_ALNUM):
    return "".join(rng.choice(chars) for _ in range(n))


def uuid4(rng):
    h = hexstr(rng, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16],
                                  rng.choice("89ab"), h[17:20], h[20:32])


class Cycler:
    """Small pools cycle per (event, slot) so every slot takes >= 2 values."""

    def __init__(self):
        self.pos = {}

    def __call__(self, event, slot, pool):
        k = (event, slot)
        i = self.pos.get(k, 0)
        self.pos[k] = i + 1
        return pool[i % len(pool)]


def shuffle_plan(rng, events, counts, start, mean_gap_s):
    keys = []
    for key, _tpl in events:
        keys.extend([key] * counts[key])
    assert len(keys) == N_LINES, (len(keys), counts)
    rng.shuffle(keys)
    t = start
    plan = []
    for k in keys:
        t += exp_ns(rng, mean_gap_s)
        plan.append((t, k))
    return plan


class Sim:
    """Collects lines from simulated entities, each on its own clock."""

    def __init__(self):
        self.recs = []
        self.seq = 0

    def emit(self, t, key, vals, **hdr):
        self.recs.append((t, self.seq, key, tuple(str(v) for v in vals), hdr))
        self.seq += 1

    def first(self, n=N_LINES):
        self.recs.sort(key=lambda r: (r[0], r[1]))
        assert len(self.recs) >= n, len(self.recs)
        return [(t, k, v, h) for (t, _s, k, v, h) in self.recs[:n]]


# ==========================================================================
# 1. Snakemake (seeded shuffle)
# ==========================================================================
SNK_EVENTS = [
    ("ts", "[<*>]"),
    ("rule", "rule <*>:"),
    ("localrule", "localrule <*>:"),
    ("input", "input: <*>"),
    ("output", "output: <*>"),
    ("jobid", "jobid: <*>"),
    ("reason", "reason: Missing output files: <*>"),
    ("wildcards", "wildcards: sample=<*>"),
    ("threads", "threads: <*>"),
    ("resources", "resources: mem_mb=<*>, mem_mib=<*>, disk_mb=<*>, disk_mib=<*>, tmpdir=/tmp"),
    ("submitted", "Submitted job <*> with external jobid 'Submitted batch job <*>'."),
    ("finished", "Finished job <*>."),
    ("steps", "<*> of 48 steps (<*>) done"),
    ("removing", "Removing temporary output <*>."),
    ("select", "Select jobs to execute..."),
]
SNK_COUNTS = {"ts": 64, "rule": 26, "localrule": 5, "input": 28, "output": 30,
              "jobid": 30, "reason": 22, "wildcards": 20, "threads": 12,
              "resources": 18, "submitted": 9, "finished": 14, "steps": 8,
              "removing": 6, "select": 8}
SNK_INDENTED = {"input", "output", "jobid", "reason", "wildcards", "threads", "resources"}
SNK_SAMPLES = ["NA12878", "HG00733", "S17_tumor", "NA12891", "S17_normal",
               "HG00731", "NA12892", "S22_tumor"]
SNK_RULES = [
    ("bwa_map", ["resources/genome.fa", "data/reads/{s}_R1.fastq.gz", "data/reads/{s}_R2.fastq.gz"],
     ["results/mapped/{s}.unsorted.bam"]),
    ("samtools_sort", ["results/mapped/{s}.unsorted.bam"], ["results/sorted/{s}.bam"]),
    ("fastqc", ["data/reads/{s}_R1.fastq.gz"],
     ["qc/fastqc/{s}_R1_fastqc.html", "qc/fastqc/{s}_R1_fastqc.zip"]),
    ("samtools_index", ["results/sorted/{s}.bam"], ["results/sorted/{s}.bam.bai"]),
    ("mark_duplicates", ["results/sorted/{s}.bam"],
     ["results/dedup/{s}.bam", "qc/dedup/{s}.metrics.txt"]),
    ("trim_reads", ["data/reads/{s}_R1.fastq.gz", "data/reads/{s}_R2.fastq.gz"],
     ["results/trimmed/{s}_R1.fq.gz", "results/trimmed/{s}_R2.fq.gz"]),
    ("bcftools_call", ["resources/genome.fa", "results/dedup/{s}.bam", "results/dedup/{s}.bam.bai"],
     ["calls/{s}.vcf.gz"]),
    ("mosdepth", ["results/dedup/{s}.bam", "results/dedup/{s}.bam.bai"],
     ["qc/mosdepth/{s}.mosdepth.summary.txt"]),
]
SNK_LOCAL = ["all", "multiqc", "plot_coverage", "download_genome"]
SNK_TEMP = ["results/mapped/{s}.unsorted.bam", "results/trimmed/{s}_R1.fq.gz",
            "results/trimmed/{s}_R2.fq.gz"]


def snk_build(rng, cyc):
    start = (8 * 3600 + 17 * 60 + rng.randint(0, 900)) * SEC + rng.randint(0, SEC - 1)
    plan = shuffle_plan(rng, SNK_EVENTS, SNK_COUNTS, start, 7.0)
    slurm = 51337210 + rng.randint(0, 4000)
    n_steps = SNK_COUNTS["steps"]
    done_values = sorted(rng.sample(range(2, 48), n_steps))
    step_i = 0
    out = []
    for t, k in plan:
        if k == "ts":
            v = ("%s %s %d %s %d" % (WEEKDAY, MON, DAY, hms(t), YEAR),)
        elif k == "rule":
            v = (cyc(k, 0, [r[0] for r in SNK_RULES]),)
        elif k == "localrule":
            v = (cyc(k, 0, SNK_LOCAL),)
        elif k in ("input", "output", "reason"):
            r = cyc(k, "rule", SNK_RULES)
            s = cyc(k, "sample", SNK_SAMPLES)
            files = r[1] if k == "input" else r[2]
            v = (", ".join(f.format(s=s) for f in files),)
        elif k == "jobid":
            v = (rng.randint(1, 47),)
        elif k == "wildcards":
            v = (cyc(k, 0, SNK_SAMPLES),)
        elif k == "threads":
            v = (cyc(k, 0, [8, 4, 16, 2]),)
        elif k == "resources":
            mb = cyc(k, 0, [4000, 8000, 1000, 16000, 32000, 2000])
            if rng.random() < 0.35:
                disk = 1000
            else:
                disk = rng.randint(1001, 48000)
            v = (mb, math.ceil(mb * 10 ** 6 / 2 ** 20), disk, math.ceil(disk * 10 ** 6 / 2 ** 20))
        elif k == "submitted":
            slurm += rng.randint(1, 40)
            v = (rng.randint(1, 47), slurm)
        elif k == "finished":
            v = (rng.randint(1, 47),)
        elif k == "steps":
            d = done_values[step_i]
            step_i += 1
            v = (d, format(d / 48, ".0%"))
        elif k == "removing":
            v = (cyc(k, 0, SNK_TEMP).format(s=cyc(k, "sample", SNK_SAMPLES)),)
        elif k == "select":
            v = ()
        else:
            raise KeyError(k)
        out.append((t, k, v, {"indent": k in SNK_INDENTED}))
    return out


def snk_header(key, hdr, t):
    return "    " if hdr["indent"] else ""


SNK_HEADER_RE = r"(?:    )?"
_SNK_TS = re.compile(r"\[(\w{3}) (\w{3}) +(\d+) (\d\d):(\d\d):(\d\d) (\d{4})\]")


def snk_ts(header, content):
    m = _SNK_TS.fullmatch(content)
    if not m:
        return None
    return (int(m.group(7)), MONTHS.index(m.group(2)), int(m.group(3)),
            int(m.group(4)), int(m.group(5)), int(m.group(6)))


# ==========================================================================
# 2. Cromwell (simulation: workflows, each with scattered calls)
# ==========================================================================
CRM_EVENTS = [
    ("fetched", "<*> new workflows fetched by cromid-5c2e1a7: <*>"),
    ("started", "WorkflowManagerActor: Successfully started WorkflowActor-<*>"),
    ("parsing", "MaterializeWorkflowDescriptorActor [<*>]: Parsing workflow as WDL <*>"),
    ("keys", "SLURM [<*>]: Key/s [<*>] is/are not supported by backend. "
             "Unsupported attributes will not be part of job executions."),
    ("assign", "MaterializeWorkflowDescriptorActor [<*>]: Call-to-Backend assignments: <*>"),
    ("starting", "WorkflowExecutionActor-<*> [<*>]: Starting calls: <*>"),
    ("tokens", "Assigned new job execution tokens to the following groups: <*>"),
    ("cached", "WorkflowExecutionActor-<*> [<*>]: Job results retrieved (CallCached): "
               "'<*>' (scatter index: <*>, attempt 1)"),
    ("executing", "DispatchedConfigAsyncJobExecutionActor [<*>]: executing: <*>"),
    ("jobid", "DispatchedConfigAsyncJobExecutionActor [<*>]: job id: <*>"),
    ("status", "DispatchedConfigAsyncJobExecutionActor [<*>]: Status change from <*> to <*>"),
    ("failed", "WorkflowManagerActor: Workflow <*> failed (during <*>): <*>"),
    ("terminal", "WorkflowManagerActor: WorkflowActor-<*> is in a terminal state: <*>"),
    ("completed", "WorkflowManagerActor: Workflow actor for <*> completed with status '<*>'. "
                  "The workflow will be removed from the workflow store."),
]
CRM_WFS = [
    ("germline_snv", "1.0", [("fastp", None), ("bwa_mem", 3), ("merge_bams", None),
                             ("haplotype_caller", 2)]),
    ("rnaseq_quant", "1.0", [("star_align", 2), ("salmon_quant", 2), ("tximport", None)]),
    ("bam_to_cram", "draft-2", [("samtools_convert", 2), ("md5sum", None)]),
    ("chip_peaks", "draft-2", [("bowtie2_align", 2), ("macs2_callpeak", None)]),
    ("sv_calling", "1.0", [("manta", None), ("delly_call", 3)]),
]
CRM_OUTCOMES = ["ok", "fail_mat", "fail_exec", "ok", "ok", "fail_mat", "fail_exec", "ok", "ok"]
CRM_KEYS = ["preemptible, disks", "zones", "bootDiskSizeGb, preemptible", "disks"]
CRM_MAT_REASONS = [
    "Workflow input processing failed: Required workflow input '{wf}.ref_fasta' not specified",
    "Workflow input processing failed: Unable to build WOM node for WdlTaskCall '{task}': "
    "Cannot lookup value 'sample_id', it is never declared",
    "Workflow input processing failed: Failed to evaluate input 'reads' (reason 1 of 1): "
    "File not found /data/incoming/run_{n}/reads_R1.fastq.gz",
]


def crm_build(rng, cyc):
    sim = Sim()
    t_batch = (9 * 3600 + 2 * 60 + rng.randint(0, 900)) * SEC + rng.randint(0, SEC - 1)
    state = {"slurm": 7720000 + rng.randint(0, 9999), "wf": 0, "call": 0}

    def run_wf(t, uid, wfdef, outcome):
        wf, ver, stages = wfdef
        short = uid[:8]
        t += uni_ns(rng, 0.05, 0.4)
        sim.emit(t, "started", (uid,), level="info")
        t += uni_ns(rng, 0.3, 1.5)
        sim.emit(t, "parsing", (short, ver), level="info")
        t += uni_ns(rng, 0.05, 0.3)
        if state["wf"] % 2 == 0:
            sim.emit(t, "keys", (short, cyc("keys", 1, CRM_KEYS)), level="warn")
            t += uni_ns(rng, 0.01, 0.05)
        state["wf"] += 1
        if outcome == "fail_mat":
            t += uni_ns(rng, 0.2, 1.2)
            reason = cyc("failed", "mat", CRM_MAT_REASONS).format(
                wf=wf, task=stages[-1][0], n=rng.randint(100, 999))
            sim.emit(t, "failed", (uid, "MaterializingWorkflowDescriptorState", reason), level="error")
            t += uni_ns(rng, 0.01, 0.1)
            sim.emit(t, "terminal", (uid, "WorkflowFailedState"), level="info")
            t += uni_ns(rng, 0.01, 0.1)
            sim.emit(t, "completed", (uid, "Failed"), level="info")
            return
        sim.emit(t, "assign", (short, ", ".join("%s.%s -> SLURM" % (wf, s[0]) for s in stages)),
                 level="info")
        t += uni_ns(rng, 1.0, 3.0)
        fail_stage = rng.randint(1, len(stages) - 1) if outcome == "fail_exec" else -1
        for si, (task, n) in enumerate(stages):
            idxs = list(range(n)) if n else ["NA"]
            sim.emit(t, "starting", (uid, short, ", ".join("%s.%s:%s:1" % (wf, task, i) for i in idxs)),
                     level="info")
            sim.emit(t + uni_ns(rng, 0.005, 0.05), "tokens", ("%s: %d" % (short, len(idxs)),), level="info")
            ends = []
            failing = False
            for ci, i in enumerate(idxs):
                tc = t + uni_ns(rng, 0.1, 0.9)
                tag = "%s%s.%s:%s:1" % (short, wf, task, i)
                this_fails = (si == fail_stage and ci == 0)
                state["call"] += 1
                if not this_fails and state["call"] % 6 == 2:
                    sim.emit(tc, "cached", (uid, short, "%s.%s" % (wf, task),
                                            "None" if i == "NA" else "Some(%d)" % i), level="info")
                    ends.append(tc)
                    continue
                calldir = "/cromwell-executions/%s/%s/call-%s" % (wf, uid, task)
                if i != "NA":
                    calldir += "/shard-%d" % i
                cpu = cyc("executing", "cpu", [4, 1, 8, 2])
                cmd = ("sbatch -J cromwell_%s_%s -D %s -o %s/execution/stdout -e %s/execution/stderr "
                       "-t %d -c %d --mem=%d --wrap \"/bin/bash %s/execution/script\"" %
                       (short, task, calldir, calldir, calldir, cyc("executing", "min", [120, 60, 240, 720]),
                        cpu, cpu * 4096, calldir))
                sim.emit(tc, "executing", (tag, cmd), level="info")
                tc += uni_ns(rng, 0.2, 0.8)
                state["slurm"] += rng.randint(1, 25)
                sim.emit(tc, "jobid", (tag, state["slurm"]), level="info")
                tc += uni_ns(rng, 0.005, 0.03)
                sim.emit(tc, "status", (tag, "-", "WaitingForReturnCode"), level="info")
                tc += exp_ns(rng, 110) + 3 * SEC
                sim.emit(tc, "status", (tag, "WaitingForReturnCode", "Failed" if this_fails else "Done"),
                         level="info")
                failing = failing or this_fails
                ends.append(tc)
            t = max(ends) + uni_ns(rng, 0.5, 2.0)
            if failing:
                ftask = "%s.%s:%s:1" % (wf, task, idxs[0])
                rc = cyc("failed", "rc", [137, 1, 2])
                reason = ("Job %s exited with return code %d which has not been declared as a valid "
                          "return code. See 'continueOnReturnCode' runtime attribute for more details."
                          % (ftask, rc))
                sim.emit(t, "failed", (uid, "ExecutingWorkflowState", reason), level="error")
                t += uni_ns(rng, 0.01, 0.1)
                sim.emit(t, "terminal", (uid, "WorkflowFailedState"), level="info")
                t += uni_ns(rng, 0.01, 0.1)
                sim.emit(t, "completed", (uid, "Failed"), level="info")
                return
        sim.emit(t, "terminal", (uid, "WorkflowSucceededState"), level="info")
        t += uni_ns(rng, 0.01, 0.1)
        sim.emit(t, "completed", (uid, "Succeeded"), level="info")

    wfi = 0
    for _b in range(14):
        size = cyc("batch", "size", [1, 2, 1, 1, 3, 1])
        ids = [uuid4(rng) for _ in range(size)]
        sim.emit(t_batch, "fetched", (size, ", ".join(ids)), level="info")
        for uid in ids:
            wfdef = CRM_WFS[wfi % len(CRM_WFS)]
            outcome = CRM_OUTCOMES[wfi % len(CRM_OUTCOMES)]
            wfi += 1
            run_wf(t_batch + uni_ns(rng, 0.01, 0.2), uid, wfdef, outcome)
        t_batch += exp_ns(rng, 70) + 5 * SEC
    return sim.first()


def crm_header(key, hdr, t):
    return "[%s %s,%02d] [%s] " % (DATE_ISO, hms(t), millis(t), hdr["level"])


CRM_HEADER_RE = r"\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{2,3}\] \[(?:info|warn|error|debug)\] "
_CRM_TS = re.compile(r"\[(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d),(\d{2,3})\] ")


def crm_ts(header, content):
    m = _CRM_TS.match(header)
    return tuple(int(x) for x in m.groups())


# ==========================================================================
# 3. Galaxy server (seeded shuffle)
# ==========================================================================
GAL_EVENTS = [
    ("grabbed", "Grabbed Job(s): <*>"),
    ("queued", "Job [<*>] queued (<*>)"),
    ("workdir", "(<*>) Working directory for job is: <*>"),
    ("dispatch", "(<*>) Dispatching to <*> runner"),
    ("built", "Built script [<*>] for tool command [<*>]"),
    ("queuedas", "(<*>) queued as <*>"),
    ("state", "(<*>/<*>) state change: <*>"),
    ("finish", "job_wrapper.finish for job <*> executed (<*>)"),
    ("handled", "Handled output named <*> for tool <*> (<*>)"),
    ("handler", "(Job[id=<*>,tool_id=<*>]) Handler '_default_' assigned using 'db-skip-locked' "
                "assignment method"),
    ("access", "<*> - \"<*> <*> HTTP/1.1\" <*>"),
    ("jobfail", "(<*>/<*>) Job failed: <*>"),
    ("collection", "Created collection with <*> elements"),
    ("persist", "(<*>) Persisting job outputs to working directory"),
    ("metrics", "Collecting metrics for Job <*> in <*>"),
]
GAL_COUNTS = {"grabbed": 14, "queued": 20, "workdir": 20, "dispatch": 18, "built": 16,
              "queuedas": 12, "state": 45, "finish": 15, "handled": 22, "handler": 10,
              "access": 80, "jobfail": 5, "collection": 7, "persist": 9, "metrics": 7}
# logger, level, processName, threadName(s)
GAL_META = {
    "grabbed": ("galaxy.jobs.handler", "DEBUG", "handler", ["JobHandlerQueue.monitor_thread"]),
    "queued": ("galaxy.jobs.runners", "DEBUG", "handler", ["JobHandlerQueue.monitor_thread"]),
    "workdir": ("galaxy.jobs", "DEBUG", "handler", ["JobHandlerQueue.monitor_thread"]),
    "dispatch": ("galaxy.jobs.handler", "DEBUG", "handler", ["JobHandlerQueue.monitor_thread"]),
    "built": ("galaxy.jobs.command_factory", "INFO", "handler",
              ["DRMAARunner.work_thread-0", "DRMAARunner.work_thread-2", "LocalRunner.work_thread-1"]),
    "queuedas": ("galaxy.jobs.runners.drmaa", "INFO", "handler",
                 ["DRMAARunner.work_thread-1", "DRMAARunner.work_thread-3"]),
    "state": ("galaxy.jobs.runners.drmaa", "DEBUG", "handler", ["DRMAARunner.monitor_thread"]),
    "finish": ("galaxy.jobs", "DEBUG", "handler",
               ["DRMAARunner.work_thread-2", "DRMAARunner.work_thread-0", "LocalRunner.work_thread-0"]),
    "handled": ("galaxy.tools.actions", "INFO", "main", ["AnyIO worker thread"]),
    "handler": ("galaxy.web_stack.handlers", "INFO", "main", ["AnyIO worker thread"]),
    "access": ("uvicorn.access", "INFO", "main", ["MainThread"]),
    "jobfail": ("galaxy.jobs.runners.slurm", "WARNING", "handler", ["DRMAARunner.monitor_thread"]),
    "collection": ("galaxy.managers.collections", "DEBUG", "main", ["AnyIO worker thread"]),
    "persist": ("galaxy.jobs", "DEBUG", "handler",
                ["DRMAARunner.work_thread-1", "LocalRunner.work_thread-1"]),
    "metrics": ("galaxy.jobs", "INFO", "handler",
                ["DRMAARunner.work_thread-3", "DRMAARunner.work_thread-0"]),
}
GAL_PROCS = {"main": [("main.1", 41807), ("main.2", 41811), ("main.3", 41815)],
             "handler": [("handler_0", 41823), ("handler_1", 41829)]}
GAL_TOOLS = [
    ("toolshed.g2.bx.psu.edu/repos/devteam/bwa/bwa_mem/0.7.17.2", "bam_output",
     "bwa mem -t \"${GALAXY_SLOTS:-1}\" -v 1 reference.fa input_f.fastq.gz input_r.fastq.gz "
     "| samtools sort -@${GALAXY_SLOTS:-2} -O bam -o '{out}'"),
    ("toolshed.g2.bx.psu.edu/repos/devteam/fastqc/fastqc/0.74+galaxy0", "html_file",
     "fastqc --outdir /srv/galaxy/tmp/fastqc_out --threads ${GALAXY_SLOTS:-2} --quiet "
     "--extract 'SRR1553607_1.fastq'"),
    ("sort1", "out_file1", "python '/srv/galaxy/server/tools/filters/sorter.py' --input='{inp}' "
     "--output='{out}' --key=2,2n"),
    ("Cut1", "out_file1", "perl '/srv/galaxy/server/tools/filters/cutWrapper.pl' '{inp}' 'c1,c4' T '{out}'"),
    ("toolshed.g2.bx.psu.edu/repos/iuc/featurecounts/featurecounts/2.0.3+galaxy2", "output_short",
     "featureCounts -a 'annotation.gtf' -F GTF -o 'output' -T ${GALAXY_SLOTS:-2} -s 2 'alignment.bam'"),
    ("__DATA_FETCH__", "output0", "python '/srv/galaxy/server/lib/galaxy/tools/data_fetch.py' "
     "--galaxy-root '/srv/galaxy/server' --request 'request.json'"),
]
GAL_STATES = ["job is queued and active", "job is running", "job finished normally",
              "job is running", "job finished normally", "job finished, but failed"]
GAL_FAILS = ["job exceeded its memory limit of 16384 MB on node {n}",
             "job hit walltime limit of 24:00:00",
             "node failure on {n}, job will be requeued",
             "job was cancelled via SLURM (e.g. with scancel(1))"]
GAL_PATHS = [
    ("GET", "/api/histories/{h}/contents?v=dev&keys=hid,state,name&limit=500&order=hid"),
    ("GET", "/api/jobs/{j}?full=true"),
    ("GET", "/history/current_history_json"),
    ("POST", "/api/tools/fetch"),
    ("GET", "/api/datasets/{d}?view=summary"),
    ("PUT", "/api/histories/{h}"),
    ("GET", "/api/histories/{h}/contents/{d}/display?preview=true"),
    ("POST", "/api/tools"),
    ("GET", "/api/users/current"),
    ("DELETE", "/api/histories/{h}/contents/{d}"),
    ("GET", "/api/tools/{tool}/build?history_id={h}"),
]


def gal_build(rng, cyc):
    start = (10 * 3600 + 41 * 60 + rng.randint(0, 900)) * SEC + rng.randint(0, SEC - 1)
    plan = shuffle_plan(rng, GAL_EVENTS, GAL_COUNTS, start, 1.7)
    jid = 48210 + rng.randint(0, 50)
    sid = 9912000 + rng.randint(0, 900)
    clients = ["10.44.%d.%d" % (rng.randint(0, 7), rng.randint(2, 250)) for _ in range(6)]
    out = []

    def job():
        return jid - rng.randint(0, 30)

    def jdir(j):
        return "/srv/galaxy/database/jobs_directory/%03d/%d" % (j // 1000, j)

    for t, k in plan:
        jid += rng.choice([0, 0, 1, 1, 2])
        if k == "grabbed":
            n = cyc(k, "n", [1, 1, 2, 1, 3])
            v = (", ".join(str(jid + i) for i in range(n)),)
        elif k == "queued":
            v = (job(), "%.3f ms" % rng.uniform(8, 240))
        elif k == "workdir":
            j = job()
            v = (j, jdir(j))
        elif k == "dispatch":
            v = (job(), cyc(k, 1, ["slurm", "slurm", "local", "pulsar_rest"]))
        elif k == "built":
            j = job()
            tool = cyc(k, "tool", GAL_TOOLS)
            cmd = tool[2].replace(
                "{out}", "/srv/galaxy/database/objects/%s/%s/%s/dataset_%s.dat" % (
                    hexstr(rng, 1), hexstr(rng, 1), hexstr(rng, 1), uuid4(rng))).replace(
                "{inp}", "/srv/galaxy/database/objects/%s/%s/%s/dataset_%s.dat" % (
                    hexstr(rng, 1), hexstr(rng, 1), hexstr(rng, 1), uuid4(rng)))
            v = (jdir(j) + "/tool_script.sh", cmd)
        elif k == "queuedas":
            sid += rng.randint(1, 30)
            v = (job(), sid)
        elif k == "state":
            v = (job(), sid - rng.randint(0, 25), cyc(k, 2, GAL_STATES))
        elif k == "finish":
            v = (job(), "%.3f ms" % rng.uniform(40, 4200))
        elif k == "handled":
            tool = cyc(k, "tool", GAL_TOOLS)
            v = (tool[1], tool[0], "%.3f ms" % rng.uniform(0.8, 60))
        elif k == "handler":
            v = (jid + 1, cyc(k, 1, [x[0] for x in GAL_TOOLS]))
        elif k == "access":
            meth, path = cyc(k, "path", GAL_PATHS)
            path = path.format(h=hexstr(rng, 16), j=hexstr(rng, 16), d=hexstr(rng, 16),
                               tool=cyc(k, "tool", ["sort1", "Cut1", "cat1", "Grep1"]))
            status = cyc(k, "status", [200, 200, 200, 200, 204, 200, 200, 404, 200, 400, 200, 500])
            if meth == "DELETE":
                status = 200
            v = ("%s:%d" % (cyc(k, "client", clients), rng.randint(32768, 60999)), meth, path, status)
        elif k == "jobfail":
            v = (job(), sid - rng.randint(0, 25),
                 cyc(k, 2, GAL_FAILS).format(n="cn%04d" % rng.randint(1, 480)))
        elif k == "collection":
            v = (cyc(k, 0, [2, 12, 4, 96, 24, 8]),)
        elif k == "persist":
            v = (job(),)
        elif k == "metrics":
            j = job()
            v = (j, jdir(j))
        else:
            raise KeyError(k)
        logger, level, pkind, threads = GAL_META[k]
        pname, pid = cyc("proc", pkind, GAL_PROCS[pkind])
        thread = cyc("thread", k, threads)
        out.append((t, k, v, {"logger": logger, "level": level, "pname": pname, "pid": pid,
                              "thread": thread}))
    return out


def gal_header(key, hdr, t):
    return "%s %-5.5s %s %s,%03d [pN:%s,p:%d,tN:%s] " % (
        hdr["logger"], hdr["level"], DATE_ISO, hms(t), millis(t), hdr["pname"], hdr["pid"],
        hdr["thread"])


GAL_HEADER_RE = (r"[A-Za-z_][\w.]* (?:DEBUG|INFO |WARNI|ERROR|CRITI) \d{4}-\d\d-\d\d "
                 r"\d\d:\d\d:\d\d,\d{3} \[pN:[\w.]+,p:\d+,tN:[^\]]+\] ")
_GAL_TS = re.compile(r"\S+ \S+ +(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d),(\d{3}) ")


def gal_ts(header, content):
    return tuple(int(x) for x in _GAL_TS.match(header).groups())


# ==========================================================================
# 4. cwltool (seeded shuffle)
# ==========================================================================
CWL_EVENTS = [
    ("cmd", "[job <*>] <*>$ <*> \\"),
    ("cont", "<*> \\"),
    ("stdout", "<*> > <*>"),
    ("stderr", "<*> 2> <*>"),
    ("jobdone", "[job <*>] completed <*>"),
    ("stepstart", "[step <*>] start"),
    ("stepdone", "[step <*>] completed <*>"),
    ("wfstep", "[workflow <*>] starting step <*>"),
    ("wfstart", "[workflow <*>] start"),
    ("wfdone", "[workflow <*>] completed <*>"),
    ("resolved", "Resolved '<*>' to '<*>'"),
    ("final", "Final process status is <*>"),
    ("maxmem", "[job <*>] Max memory used: <*>"),
    ("skipmem", "[job <*>] Skipping Docker software container '--memory' limit despite presence "
                "of ResourceRequirement with ramMin and/or ramMax setting. Consider running with "
                "--strict-memory-limit for increased portability assurance."),
    ("skipped", "[step <*>] will be skipped"),
]
CWL_COUNTS = {"cmd": 22, "cont": 116, "stdout": 14, "stderr": 8, "jobdone": 24, "stepstart": 20,
              "stepdone": 20, "wfstep": 20, "wfstart": 9, "wfdone": 8, "resolved": 6, "final": 6,
              "maxmem": 18, "skipmem": 4, "skipped": 5}
CWL_CONT = {"cont", "stdout", "stderr"}
CWL_STEPS = ["bwa_mem", "samtools_sort", "fastqc", "trim_galore", "samtools_index",
             "picard_markdup", "gatk_haplotypecaller", "multiqc", "bcftools_stats"]
CWL_WFS = ["main", "align_sample", "qc_subworkflow", "variant_calling"]
CWL_TOOLS = ["bwa", "samtools", "fastqc", "trim_galore", "java", "gatk", "docker", "multiqc"]
CWL_STATUS = ["success", "success", "success", "success", "permanentFail", "success", "success"]
CWL_FILES = ["genome.fa", "NA12878_R1.fastq.gz", "NA12878_R2.fastq.gz", "HG00733.bam",
             "dbsnp_146.hg38.vcf.gz", "targets.bed", "S17_tumor_R1.fq.gz", "sample_sheet.tsv"]
CWL_ARGS = ["mem", "-t", "-R", "sort", "-@", "--outdir", "-o", "--paired", "-q", "index",
            "-jar", "HaplotypeCaller", "--java-options", "-Xmx7g", "run", "--rm",
            "--cidfile", "-M", "--quality", "-f", "stats"]
CWL_DOCS = ["workflows/align.cwl", "wf/germline.cwl", "tools/fastqc.cwl", "main.cwl",
            "pipelines/rnaseq-qc.cwl"]
CWL_USERS = ["jdoe", "mkovacs", "a.osei", "lfernandez"]


def cwl_tmp(rng):
    return "/tmp/" + alnum(rng, 8, "abcdefghijklmnopqrstuvwxyz0123456789_")


def cwl_stg(rng, f):
    return "/var/lib/cwl/stg%s-%s-%s-%s-%s/%s" % (hexstr(rng, 8), hexstr(rng, 4), hexstr(rng, 4),
                                                  hexstr(rng, 4), hexstr(rng, 12), f)


def cwl_job(rng, cyc, k, slot="job"):
    name = cyc(k, slot, CWL_STEPS)
    sfx = cyc(k, slot + "sfx", ["", "", "_2", "", "_3", ""])
    return name + sfx


def cwl_build(rng, cyc):
    start = (13 * 3600 + 5 * 60 + rng.randint(0, 900)) * SEC + rng.randint(0, SEC - 1)
    plan = shuffle_plan(rng, CWL_EVENTS, CWL_COUNTS, start, 4.0)
    out = []
    for t, k in plan:
        level = "INFO"
        if k == "cmd":
            v = (cwl_job(rng, cyc, k), cwl_tmp(rng), cyc(k, 2, CWL_TOOLS))
        elif k == "cont":
            kind = cyc(k, "kind", ["arg", "num", "path", "arg", "path", "opt"])
            if kind == "arg":
                a = cyc(k, "arg", CWL_ARGS)
            elif kind == "num":
                a = str(cyc(k, "num", [4, 8, 2, 20, 16, 1]))
            elif kind == "path":
                a = cwl_stg(rng, cyc(k, "file", CWL_FILES))
            else:
                a = cyc(k, "opt", ["--workdir=/%s" % alnum(rng, 6, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"),
                                   "--volume=%s:/var/spool/cwl:rw" % cwl_tmp(rng),
                                   "--env=TMPDIR=/tmp", "--env=HOME=/var/spool/cwl",
                                   "--user=%d:%d" % (rng.randint(1000, 1400), rng.randint(1000, 1400))])
            v = (a,)
        elif k == "stdout":
            f = cyc(k, "file", CWL_FILES)
            v = (cwl_stg(rng, f), "%s/%s" % (cwl_tmp(rng), cyc(k, "out", ["aligned.sam", "stats.txt",
                                                                         "flagstat.txt", "counts.tsv"])))
        elif k == "stderr":
            v = (cyc(k, 0, ["--quiet", "-v", "3", "--verbose"]),
                 "%s/%s" % (cwl_tmp(rng), cyc(k, "log", ["bwa.log", "trim.log", "gatk.err", "stderr.txt"])))
        elif k in ("jobdone", "stepdone", "wfdone", "final"):
            st = cyc(k, "status", CWL_STATUS)
            if st != "success":
                level = "WARNING"
            if k == "jobdone":
                v = (cwl_job(rng, cyc, k), st)
            elif k == "stepdone":
                v = (cyc(k, 0, CWL_STEPS), st)
            elif k == "wfdone":
                v = (cyc(k, 0, CWL_WFS), st)
            else:
                v = (st,)
        elif k == "stepstart":
            v = (cyc(k, 0, CWL_STEPS),)
        elif k == "wfstep":
            v = (cyc(k, 0, CWL_WFS), cyc(k, 1, CWL_STEPS))
        elif k == "wfstart":
            v = (cyc(k, 0, CWL_WFS),)
        elif k == "resolved":
            doc = cyc(k, 0, CWL_DOCS)
            v = (doc, "file:///home/%s/projects/%s/%s" % (
                cyc(k, "user", CWL_USERS), cyc(k, "proj", ["wgs-2026", "rnaseq-pilot", "cohort-b"]), doc))
        elif k == "maxmem":
            v = (cwl_job(rng, cyc, k), "%dMiB" % rng.randint(12, 14800))
        elif k == "skipmem":
            level = "WARNING"
            v = (cwl_job(rng, cyc, k),)
        elif k == "skipped":
            v = (cyc(k, 0, CWL_STEPS[::-1]),)
        else:
            raise KeyError(k)
        out.append((t, k, v, {"level": level, "cont": k in CWL_CONT}))
    return out


def cwl_header(key, hdr, t):
    return "    " if hdr["cont"] else hdr["level"] + " "


CWL_HEADER_RE = r"(?:(?:DEBUG|INFO|WARNING|ERROR|CRITICAL) |    )"


def cwl_ts(header, content):
    return None  # cwltool's default format carries no timestamp


# ==========================================================================
# 5. Toil leader (seeded shuffle)
# ==========================================================================
TOIL_EVENTS = [
    ("version", "Running Toil version <*> on host <*>."),
    ("realtime", "Starting real-time logging."),
    ("issued", "Issued job '<*>' <*> with job batch system ID: <*> and disk: <*>, memory: <*>, "
               "cores: <*>, accelerators: [], preemptible: <*>"),
    ("ended", "Job ended: '<*>' <*>"),
    ("running", "<*> jobs are running, <*> jobs are issued and waiting to run"),
    ("failed", "Job failed with exit value <*>: '<*>' <*>"),
    ("exitreason", "Exit reason: <*>"),
    ("finished", "Finished toil run successfully."),
    ("deleted", "Successfully deleted the job store: <*>"),
    ("message", "Got message from job at time <*>: <*>"),
    ("graph", "Saving graph of <*> jobs, <*> non-service, <*> new"),
    ("compfail", "Job '<*>' <*> is completely failed"),
    ("reissued", "Reissued any over long jobs"),
    ("continues", "Job '<*>' <*> continues to exist (i.e. has more to do)"),
]
TOIL_COUNTS = {"version": 4, "realtime": 4, "issued": 70, "ended": 62, "running": 30, "failed": 8,
               "exitreason": 8, "finished": 3, "deleted": 3, "message": 34, "graph": 12,
               "compfail": 4, "reissued": 28, "continues": 30}
TOIL_META = {  # logger, level letter
    "version": ("toil", "I"), "realtime": ("toil.realtimeLogger", "I"),
    "issued": ("toil.leader", "I"), "ended": ("toil.leader", "I"), "running": ("toil.leader", "I"),
    "failed": ("toil.leader", "W"), "exitreason": ("toil.leader", "W"),
    "finished": ("toil.leader", "I"), "deleted": ("toil.common", "I"),
    "message": ("toil.statsAndLogging", "I"), "graph": ("toil.job", "I"),
    "compfail": ("toil.leader", "W"), "reissued": ("toil.leader", "I"),
    "continues": ("toil.leader", "I"),
}
TOIL_JOBS = ["bwa_alignment", "CWLJob", "run_fastqc", "CWLWorkflow", "haplotype_caller",
             "ResolveIndirect", "merge_vcfs", "download_reference", "CWLScatter", "index_bam"]
TOIL_MSGS = ["Downloaded {n} input files ({s} GiB) from the job store",
             "Computing alignments for sample {smp}",
             "Wrote {n} records to {smp}.g.vcf.gz",
             "Sample {smp} has {n} reads after filtering",
             "Uploading {s} GiB of outputs to s3://lab-results-{b}/runs/{smp}/"]
TOIL_SAMPLES = ["NA12878", "HG00733", "S17_tumor", "HG00512", "NA19240"]


def toil_desc(rng, cyc, k):
    name = cyc(k, "name", TOIL_JOBS)
    return name, "kind-%s/instance-%s v%d" % (name, alnum(rng, 8), cyc(k, "ver", [1, 2, 1, 3, 4, 1, 5]))


def toil_build(rng, cyc):
    start = (7 * 3600 + 48 * 60 + rng.randint(0, 900)) * SEC + rng.randint(0, SEC - 1)
    plan = shuffle_plan(rng, TOIL_EVENTS, TOIL_COUNTS, start, 9.0)
    bsid = rng.randint(3, 20)
    out = []
    for t, k in plan:
        if k == "version":
            v = (cyc(k, 0, ["6.1.0-3f2c6e8b1a7d4e5f9c0b2a1d8e7f6c5b4a3d2e1f",
                            "7.0.0-a9b81c4e22d07f3b5a6c8d9e0f1a2b3c4d5e6f70"]),
                 cyc(k, 1, ["ip-10-20-3-77.us-west-2.compute.internal", "login02.hpc.lab.internal",
                            "ws-genomics-14"]))
        elif k == "realtime" or k == "finished" or k == "reissued":
            v = ()
        elif k == "issued":
            bsid += rng.randint(1, 3)
            name, desc = toil_desc(rng, cyc, k)
            v = (name, desc, bsid, cyc(k, "disk", ["2.0 Gi", "3.0 Gi", "10.0 Gi", "500.0 Mi"]),
                 cyc(k, "mem", ["2.0 Gi", "7.5 Gi", "2.0 Gi", "16.0 Gi", "500.0 Mi"]),
                 cyc(k, "cores", [1, 4, 1, 8, 0.1, 2]),
                 cyc(k, "preempt", ["False", "False", "True"]))
        elif k in ("ended", "compfail", "continues"):
            name, desc = toil_desc(rng, cyc, k)
            v = (name, desc)
        elif k == "running":
            v = (rng.randint(0, 24), rng.randint(0, 40))
        elif k == "failed":
            name, desc = toil_desc(rng, cyc, k)
            v = (cyc(k, 0, [1, 137, 2, 1, 255]), name, desc)
        elif k == "exitreason":
            v = (cyc(k, 0, ["BatchJobExitReason.FAILED", "BatchJobExitReason.MEMLIMIT", "None",
                            "BatchJobExitReason.KILLED"]),)
        elif k == "deleted":
            v = (cyc(k, 0, ["FileJobStore(/scratch/jdoe/toil-js-%s)" % alnum(rng, 6),
                            "AWSJobStore(us-west-2:wgs-run-%s)" % alnum(rng, 6)]),)
        elif k == "message":
            mt = t - uni_ns(rng, 0.5, 8)
            stamp = "%02d-%02d-%04d %s" % (MONTH, DAY, YEAR, hms(mt))
            msg = cyc(k, "msg", TOIL_MSGS).format(
                n=rng.randint(2, 480000), s="%.1f" % rng.uniform(0.2, 60),
                smp=cyc(k, "smp", TOIL_SAMPLES), b=alnum(rng, 4))
            v = (stamp, msg)
        elif k == "graph":
            a = rng.randint(2, 40)
            b = a - rng.randint(0, 2)
            v = (a, b, rng.randint(1, b))
        else:
            raise KeyError(k)
        logger, lvl = TOIL_META[k]
        thread = "MainThread"
        if k == "message":
            thread = cyc("thread", k, ["Thread-1", "Thread-3"])
        out.append((t, k, v, {"logger": logger, "lvl": lvl, "thread": thread}))
    return out


def toil_header(key, hdr, t):
    return "[%sT%s+0000] [%-10s] [%s] [%s] " % (DATE_ISO, hms(t), hdr["thread"], hdr["lvl"],
                                               hdr["logger"])


TOIL_HEADER_RE = (r"\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}\] \[[\w\-. ]{10,}\] "
                  r"\[[DIWEC]\] \[[\w.]+\] ")
_TOIL_TS = re.compile(r"\[(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)")


def toil_ts(header, content):
    return tuple(int(x) for x in _TOIL_TS.match(header).groups())


# ==========================================================================
# 6. Pegasus WMS monitord (simulation: sub-workflows and their jobs)
# ==========================================================================
PEG_EVENTS = [
    ("wfstart", "start of workflow <*> detected, wf_uuid=<*>"),
    ("follow", "following <*> from offset <*>"),
    ("submitted", "job <*> submitted to condor as <*>"),
    ("state", "job <*> changed state from <*> to <*>"),
    ("held", "job <*> was held: <*>"),
    ("kickstart", "parsing kickstart output <*>"),
    ("kserr", "unable to parse kickstart output <*>: <*>"),
    ("exit", "job <*> finished on <*> with exitcode <*> after <*>"),
    ("retry", "job <*> failed with exitcode <*>, retry <*> of 3"),
    ("notify", "launching notification <*> for event <*>"),
    ("flush", "sent <*> events to the stampede database"),
    ("idle", "no activity in <*> for <*>, checking DAGMan status"),
    ("dagend", "DAGMan finished with exitcode <*> for workflow <*>"),
    ("wfend", "workflow <*> finished with status <*>: <*> jobs succeeded, <*> failed"),
]
PEG_META = {  # file, lineno, level
    "wfstart": ("workflow.py", 418, "INFO"),
    "follow": ("pegasus-monitord", 1187, "INFO"),
    "submitted": ("job.py", 241, "INFO"),
    "state": ("workflow.py", 1532, "INFO"),
    "held": ("job.py", 309, "WARNING"),
    "kickstart": ("job.py", 612, "INFO"),
    "kserr": ("job.py", 655, "WARNING"),
    "exit": ("job.py", 704, "INFO"),
    "retry": ("workflow.py", 1719, "WARNING"),
    "notify": ("notifications.py", 296, "INFO"),
    "flush": ("event_output.py", 187, "INFO"),
    "idle": ("pegasus-monitord", 1422, "INFO"),
    "dagend": ("workflow.py", 1877, "INFO"),
    "wfend": ("workflow.py", 1912, "INFO"),
}
PEG_SUBWFS = [
    ("blackdiamond", [["create_dir_{w}_0_local"], ["stage_in_local_local_0_0"], ["preprocess_ID0000001"],
                      ["findrange_ID0000002", "findrange_ID0000003"], ["analyze_ID0000004"],
                      ["stage_out_local_local_2_0"]]),
    ("split", [["create_dir_{w}_0_condorpool"], ["split_ID0000001"],
               ["wc_ID0000002", "wc_ID0000003", "wc_ID0000004"], ["stage_out_condorpool_local_1_0"]]),
    ("montage", [["create_dir_{w}_0_condorpool"], ["mProject_ID0000001", "mProject_ID0000002"],
                 ["mDiffFit_ID0000003"], ["mBgModel_ID0000004"], ["mAdd_ID0000005"]]),
    ("rnaseq", [["create_dir_{w}_0_condorpool"], ["stage_in_local_condorpool_0_0"],
                ["tophat_ID0000001", "tophat_ID0000002"], ["cufflinks_ID0000003"],
                ["cleanup_{w}_0_condorpool"]]),
]
PEG_HOSTS = ["node-a17.grid.internal", "node-b03.grid.internal", "node-a22.grid.internal",
             "worker-12.osg.example.net", "node-c09.grid.internal"]
PEG_HELD = [
    "Error from slot1_3@{h}: Job has gone over memory limit of 2048 megabytes. Peak usage: {p} megabytes.",
    "The job attribute PeriodicHold expression '(JobStatus == 2) && (time() - EnteredCurrentStatus) > 7200' "
    "evaluated to TRUE",
    "Failed to initialize user log to {d}/{j}.log",
]
PEG_KSERR = ["no invocation record found", "premature end of file at line {n}", "file is empty"]


def peg_build(rng, cyc):
    sim = Sim()
    t0 = (11 * 3600 + 26 * 60 + rng.randint(0, 900)) * SEC + rng.randint(0, SEC - 1)
    user = "kwatanabe"
    top = "/home/%s/runs/%s/pegasus/hier-analysis/run0007" % (user, user)
    st = {"condor": 88412 + rng.randint(0, 500), "job": 0, "end": t0}

    def emit(t, k, vals):
        f, ln, lvl = PEG_META[k]
        sim.emit(t, k, vals, file=f, line=ln, level=lvl)

    def run_job(t, jname, wdir, permanent_fail):
        g = st["job"]
        st["job"] += 1
        attempt = 0
        held_done = False
        while True:
            st["condor"] += rng.randint(1, 6)
            emit(t, "submitted", (jname, "%d.0" % st["condor"]))
            t += exp_ns(rng, 6) + 200 * MS
            emit(t, "state", (jname, "SUBMIT", "EXECUTE"))
            if g % 6 == 4 and not held_done:
                held_done = True
                t += exp_ns(rng, 5) + MS
                emit(t, "state", (jname, "EXECUTE", "JOB_HELD"))
                reason = cyc("held", 1, PEG_HELD).format(h=cyc("held", "h", PEG_HOSTS),
                                                         p=rng.randint(2100, 3900), d=wdir, j=jname)
                emit(t + uni_ns(rng, 0.01, 0.1), "held", (jname, reason))
                t += exp_ns(rng, 20) + SEC
                emit(t, "state", (jname, "JOB_HELD", "JOB_RELEASED"))
                t += uni_ns(rng, 0.5, 4)
                emit(t, "state", (jname, "JOB_RELEASED", "EXECUTE"))
            run = exp_ns(rng, 18) + 2 * SEC
            t += run
            emit(t, "state", (jname, "EXECUTE", "JOB_TERMINATED"))
            fails = permanent_fail or (g % 7 == 3 and attempt == 0)
            rc = cyc("exit", "rc", [1, 137, 2]) if fails else 0
            t += uni_ns(rng, 0.05, 0.6)
            ks = "%s/00/%02d/%s.out.%03d" % (wdir, g % 8, jname, attempt)
            if g % 6 == 1 and attempt == 0:
                emit(t, "kserr", (ks, cyc("kserr", 1, PEG_KSERR).format(n=rng.randint(40, 400))))
            else:
                emit(t, "kickstart", (ks,))
                t += uni_ns(rng, 0.01, 0.2)
                emit(t, "exit", (jname, cyc("exit", "host", PEG_HOSTS), rc, "%.3fs" % (run / SEC)))
            t += uni_ns(rng, 0.05, 0.5)
            emit(t, "state", (jname, "JOB_TERMINATED", "JOB_FAILURE" if fails else "JOB_SUCCESS"))
            t += uni_ns(rng, 0.5, 3)
            emit(t, "state", (jname, "JOB_FAILURE" if fails else "JOB_SUCCESS", "POST_SCRIPT_STARTED"))
            t += uni_ns(rng, 1, 4)
            emit(t, "state", (jname, "POST_SCRIPT_STARTED", "POST_SCRIPT_TERMINATED"))
            t += uni_ns(rng, 0.05, 0.4)
            emit(t, "state", (jname, "POST_SCRIPT_TERMINATED",
                              "POST_SCRIPT_FAILURE" if fails else "POST_SCRIPT_SUCCESS"))
            if not fails:
                return t, True
            if attempt >= 3:
                return t, False
            attempt += 1
            t += uni_ns(rng, 0.05, 0.3)
            emit(t, "retry", (jname, rc, attempt))
            if attempt == 1:
                emit(t + uni_ns(rng, 0.01, 0.1), "notify",
                     (cyc("notify", 0, ["/home/%s/bin/notify-slack.sh" % user,
                                        "/usr/share/pegasus/notification/email"]), "on_error"))
            t += uni_ns(rng, 2, 6)

    def run_wf(t, idx, wname, levels, permanent_fail):
        w = "%s-%d" % (wname, idx % 2)
        wdir = "%s/00/00/%s_ID%07d.000" % (top, wname, idx + 1)
        dag = "%s/%s.dag.dagman.out" % (wdir, w)
        emit(t, "wfstart", (w, uuid4(rng)))
        t += uni_ns(rng, 0.01, 0.3)
        emit(t, "follow", (dag, 0 if idx != 2 else rng.randint(40000, 400000)))
        t += uni_ns(rng, 3, 8)
        ok = fail = 0
        stop = False
        for li, level in enumerate(levels):
            ends = []
            for ji, j in enumerate(level):
                jn = j.format(w=wname)
                pf = permanent_fail and li == 2 and ji == 0
                te, good = run_job(t + uni_ns(rng, 0, 1.5), jn, wdir, pf)
                ends.append(te)
                if good:
                    ok += 1
                else:
                    fail += 1
                    stop = True
            t = max(ends) + uni_ns(rng, 4, 9)
            if li == 1:
                emit(t - uni_ns(rng, 1, 3), "idle", (dag, cyc("idle", 1, ["60s", "120s", "300s"])))
            if stop:
                break
        emit(t, "dagend", (1 if fail else 0, w))
        t += uni_ns(rng, 0.05, 0.5)
        emit(t, "wfend", (w, "FAILURE" if fail else "SUCCESS", ok, fail))
        if fail or idx % 2 == 0:
            emit(t + uni_ns(rng, 0.01, 0.2), "notify",
                 (cyc("notify", 0, ["/home/%s/bin/notify-slack.sh" % user,
                                    "/usr/share/pegasus/notification/email"]),
                  "on_error" if fail else "at_end"))
        st["end"] = max(st["end"], t)

    t = t0
    for idx in range(8):
        wname, levels = PEG_SUBWFS[idx % len(PEG_SUBWFS)]
        run_wf(t, idx, wname, levels, permanent_fail=(idx == 1))
        t += exp_ns(rng, 60) + 140 * SEC
    tf = t0 + uni_ns(rng, 5, 20)
    while tf < st["end"]:
        emit(tf, "flush", (rng.randint(3, 140),))
        tf += exp_ns(rng, 45) + 5 * SEC
    return sim.first()


def peg_header(key, hdr, t):
    return "%s %s,%03d:%s:%d: %s: " % (DATE_ISO, hms(t), millis(t), hdr["file"], hdr["line"],
                                       hdr["level"])


PEG_HEADER_RE = (r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}:[\w.\-]+:\d+: "
                 r"(?:DEBUG|INFO|WARNING|ERROR|CRITICAL): ")
_PEG_TS = re.compile(r"(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d),(\d{3}):")


def peg_ts(header, content):
    return tuple(int(x) for x in _PEG_TS.match(header).groups())


# ==========================================================================
# system table (order defines k)
# ==========================================================================
SYSTEMS = [
    ("Snakemake", "shuffle", SNK_EVENTS, snk_build, snk_header, SNK_HEADER_RE, snk_ts),
    ("Cromwell", "simulation", CRM_EVENTS, crm_build, crm_header, CRM_HEADER_RE, crm_ts),
    ("GalaxyServer", "shuffle", GAL_EVENTS, gal_build, gal_header, GAL_HEADER_RE, gal_ts),
    ("Cwltool", "shuffle", CWL_EVENTS, cwl_build, cwl_header, CWL_HEADER_RE, cwl_ts),
    ("Toil", "shuffle", TOIL_EVENTS, toil_build, toil_header, TOIL_HEADER_RE, toil_ts),
    ("PegasusWms", "simulation", PEG_EVENTS, peg_build, peg_header, PEG_HEADER_RE, peg_ts),
]


def fill(tpl, vals):
    parts = tpl.split("<*>")
    if len(parts) - 1 != len(vals):
        raise ValueError("slot count mismatch for %r: %r" % (tpl, vals))
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        if not v or v != v.strip() or "\n" in v or "\r" in v:
            raise ValueError("bad value %r for %r" % (v, tpl))
        out.append(v)
        out.append(p)
    return "".join(out)


def generate():
    written = []
    for k, (name, _kind, events, build, header, _hre, _ts) in enumerate(SYSTEMS, start=1):
        rng = random.Random(BASE_SEED * 10 + k)
        cyc = Cycler()
        recs = build(rng, cyc)
        assert len(recs) == N_LINES
        eid = {key: "E%d" % (i + 1) for i, (key, _t) in enumerate(events)}
        tpl = dict(events)
        raw_lines, rows = [], []
        for i, (t, key, vals, hdr) in enumerate(recs, start=1):
            content = fill(tpl[key], vals)
            raw_lines.append(header(key, hdr, t) + content)
            rows.append([i, content, eid[key], tpl[key]])
        d = os.path.join(ROOT, name)
        os.makedirs(d, exist_ok=True)
        log_path = os.path.join(d, name + ".log")
        csv_path = os.path.join(d, name + ".log_structured.csv")
        with open(log_path, "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(raw_lines) + "\n")
        with open(csv_path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
            w.writerows(rows)
        written += [log_path, csv_path]
    return written


# ==========================================================================
# self-check
# ==========================================================================
def tpl_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")), re.S)


def check_system(name, kind, events, header_re, ts_of):
    errs = []
    d = os.path.join(ROOT, name)
    log_path = os.path.join(d, name + ".log")
    csv_path = os.path.join(d, name + ".log_structured.csv")
    for p in (log_path, csv_path):
        with open(p, "rb") as f:
            data = f.read()
        if not data.endswith(b"\n"):
            errs.append("%s does not end with newline" % p)
        if b"\r" in data:
            errs.append("%s contains CR" % p)
    with open(log_path, "r", encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")[:-1]
    with open(csv_path, "r", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header %r" % rows[0])
    rows = rows[1:]
    if len(lines) != N_LINES:
        errs.append("log has %d lines" % len(lines))
    if len(rows) != N_LINES:
        errs.append("csv has %d rows" % len(rows))
    hre = re.compile(header_re)
    declared = {"E%d" % (i + 1): t for i, (_k, t) in enumerate(events)}
    if not 12 <= len(declared) <= 15:
        errs.append("%d event types" % len(declared))
    if len(set(declared.values())) != len(declared):
        errs.append("declared templates not distinct")
    seen_tpl = {}
    counts = {}
    captures = {}
    last_ts = None
    for i, (line, row) in enumerate(zip(lines, rows), start=1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, ev, tpl = row
        if lid != str(i):
            errs.append("row %d LineId %r" % (i, lid))
        if not content or content != content.strip():
            errs.append("row %d content empty or not stripped" % i)
        if not line.endswith(content):
            errs.append("line %d does not end with its content" % i)
            continue
        header = line[:len(line) - len(content)]
        if not hre.fullmatch(header):
            errs.append("line %d header %r does not match" % (i, header))
        ts = ts_of(header, content)
        if ts is not None:
            if last_ts is not None and ts < last_ts:
                errs.append("line %d timestamp goes back" % i)
            last_ts = ts
        if not re.fullmatch(r"E\d+", ev):
            errs.append("row %d bad EventId %r" % (i, ev))
        if ev in seen_tpl and seen_tpl[ev] != tpl:
            errs.append("EventId %s has two templates" % ev)
        seen_tpl[ev] = tpl
        if declared.get(ev) != tpl:
            errs.append("row %d template differs from declaration of %s" % (i, ev))
        m = tpl_regex(tpl).fullmatch(content)
        if not m:
            errs.append("row %d template does not match content" % i)
            continue
        counts[ev] = counts.get(ev, 0) + 1
        caps = captures.setdefault(ev, [set() for _ in m.groups()])
        for s, g in zip(caps, m.groups()):
            s.add(g)
    if len(set(seen_tpl.values())) != len(seen_tpl):
        errs.append("two EventIds share a template")
    if set(counts) != set(declared):
        errs.append("unused events: %s" % sorted(set(declared) - set(counts)))
    for ev, caps in captures.items():
        for j, s in enumerate(caps):
            if len(s) < 2:
                errs.append("%s slot %d takes only %r" % (ev, j + 1, s))
    vals = sorted(counts.values())
    if vals:
        if min(vals) < 3:
            errs.append("an event has fewer than 3 lines: %s" % counts)
        if sum(1 for c in vals if 3 <= c <= 10) < 3:
            errs.append("fewer than 3 events with 3-10 lines")
        med = statistics.median(vals)
        if max(vals) < 3 * med:
            errs.append("largest %d < 3 x median %s" % (max(vals), med))
    return errs, counts


def main():
    written = generate()
    all_ok = True
    for name, kind, events, _b, _h, header_re, ts_of in SYSTEMS:
        errs, counts = check_system(name, kind, events, header_re, ts_of)
        vals = sorted(counts.values())
        med = statistics.median(vals) if vals else 0
        print("%-13s %-10s lines=%d events=%d max=%d median=%s min=%d small(3-10)=%d  %s" % (
            name, kind, sum(vals), len(counts), max(vals or [0]), med, min(vals or [0]),
            sum(1 for c in vals if 3 <= c <= 10), "OK" if not errs else "FAIL"))
        for e in errs[:20]:
            print("   - " + e)
        all_ok = all_ok and not errs
    print("%d files written; self-check %s" % (len(written), "passed" if all_ok else "FAILED"))
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
