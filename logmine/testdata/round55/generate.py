#!/usr/bin/env python3
"""Round 55 blind labelled log corpus generator.

Python 3 standard library only, fully deterministic: no wall clock, no locale.
Base seed 20270164; system k (1..6) uses random.Random(20270164 * 10 + k).
All times come from an integer nanosecond clock on 2026-03-14 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for every system next to this file and then re-reads and self-checks them.
"""
import csv
import os
import random
import re
import statistics
from collections import Counter, defaultdict

BASE_SEED = 20270164
HERE = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
US = 1_000
MS = 1_000_000
NS = 1_000_000_000
DAY_NS = 86_400 * NS


# --------------------------------------------------------------------------
# integer clock helpers (proleptic Gregorian, UTC, no datetime / time module)
# --------------------------------------------------------------------------
def days_from_civil(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def civil_from_days(z):
    z += 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    return y + (m <= 2), m, d


T0 = days_from_civil(2026, 3, 14) * DAY_NS  # 2026-03-14T00:00:00Z in ns


def at(h, m, s=0, ms=0):
    return T0 + ((h * 60 + m) * 60 + s) * NS + ms * MS


def tparts(ns):
    days, rem = divmod(ns, DAY_NS)
    y, mo, d = civil_from_days(days)
    h, rem = divmod(rem, 3600 * NS)
    mi, rem = divmod(rem, 60 * NS)
    s, frac = divmod(rem, NS)
    return y, mo, d, h, mi, s, frac


def expo(rng, mean_ns):
    return int(rng.expovariate(1.0 / mean_ns))


# --------------------------------------------------------------------------
# generic helpers
# --------------------------------------------------------------------------
class Cycle:
    """Small pools cycle per (event, slot) so every slot takes several values."""

    def __init__(self):
        self.n = defaultdict(int)

    def __call__(self, ev, slot, pool):
        i = self.n[(ev, slot)]
        self.n[(ev, slot)] = i + 1
        return pool[i % len(pool)]


def fill(tpl, vals):
    parts = tpl.split("<*>")
    if len(parts) - 1 != len(vals):
        raise ValueError("slot/value mismatch for %r: %r" % (tpl, vals))
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        if not v or "\n" in v or "\r" in v:
            raise ValueError("bad value %r for %r" % (v, tpl))
        out.append(v)
        out.append(p)
    return "".join(out)


def rec(ts, key, vals=(), **hdr):
    return {"ts": ts, "ev": key, "vals": tuple(str(v) for v in vals), "hdr": hdr}


def stamp_units(rng, units, start, mean_gap):
    """Seeded shuffle: shuffle units, then stamp them with a forward-only clock
    with exponential gaps.  A unit is a list of (offset_ns, key, vals, hdr)
    with non-decreasing offsets (multi-line output stays together)."""
    rng.shuffle(units)
    t = start
    out = []
    for u in units:
        t += MS + expo(rng, mean_gap)
        base = t
        for off, key, vals, hdr in u:
            ts = base + off
            t = max(t, ts)
            out.append(rec(ts, key, vals, **(hdr or {})))
    return out


def single_units(key, n, make):
    return [[(0, key, make(), None)] for _ in range(n)]


def merge_entities(entities):
    """Simulation: every entity has its own clock; merge by time, keep first 300."""
    allr = []
    seq = 0
    for ent in entities:
        for r in ent:
            allr.append((r["ts"], seq, r))
            seq += 1
    allr.sort(key=lambda x: (x[0], x[1]))
    if len(allr) < N_LINES:
        raise RuntimeError("simulation produced only %d lines" % len(allr))
    last_ts = allr[N_LINES - 1][0]
    latest_start = max(min(r["ts"] for r in ent) for ent in entities if ent)
    if latest_start <= last_ts:
        raise RuntimeError("simulation horizon too short")
    return [r for _, _, r in allr[:N_LINES]]


def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid4(rng):
    h = hexs(rng, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16],
                                  rng.choice("89ab"), h[17:20], h[20:32])


def check_counts(recs, counts):
    got = Counter(r["ev"] for r in recs)
    if dict(got) != dict(counts):
        raise RuntimeError("count mismatch: %r vs %r" % (got, counts))


# ==========================================================================
# 1. GradleDaemon  (seeded shuffle)
# ==========================================================================
G_OPS = "org.gradle.internal.operations.DefaultBuildOperationRunner"
G_TASKLOG = "class org.gradle.internal.buildevents.TaskExecutionLogger"
G_RESULT = "org.gradle.internal.buildevents.BuildResultLogger"
G_LOCK = "org.gradle.cache.internal.DefaultFileLockManager"

GRADLE_EVENTS = [
    ("op_start", "Build operation '<*>' started", ("DEBUG", G_OPS)),
    ("op_done", "Build operation '<*>' completed", ("DEBUG", G_OPS)),
    ("task", "> Task <*>", ("LIFECYCLE", G_TASKLOG)),
    ("task_utd", "> Task <*> UP-TO-DATE", ("LIFECYCLE", G_TASKLOG)),
    ("skip_utd", "Skipping task '<*>' as it is up-to-date.",
     ("INFO", "org.gradle.internal.execution.steps.SkipUpToDateStep")),
    ("cache_off", "Caching disabled for task '<*>' because: <*>",
     ("INFO", "org.gradle.internal.execution.steps.ResolveCachingStateStep")),
    ("health", "Starting <*> build in daemon [uptime: <*>, performance: <*>%, "
               "GC rate: <*>/s, heap usage: <*>% of <*>, non-heap usage: <*>% of <*>]",
     ("INFO", "org.gradle.launcher.daemon.server.exec.LogAndCheckHealth")),
    ("ok", "BUILD SUCCESSFUL in <*>", ("LIFECYCLE", G_RESULT)),
    ("fail", "BUILD FAILED in <*>", ("LIFECYCLE", G_RESULT)),
    ("stats", "<*> actionable tasks: <*> executed, <*> up-to-date",
     ("LIFECYCLE", "class org.gradle.internal.buildevents.TaskExecutionStatisticsReporter")),
    ("cmd", "Starting executing command: Build{id=<*>, currentDir=<*>} with connection: "
            "socket connection from <*> to <*>.",
     ("INFO", "org.gradle.launcher.daemon.server.DefaultIncomingConnectionHandler")),
    ("lock_wait", "Waiting to acquire shared lock on <*>.", ("DEBUG", G_LOCK)),
    ("lock_ok", "Lock acquired on <*>.", ("DEBUG", G_LOCK)),
    ("lock_rel", "Releasing lock on <*>.", ("DEBUG", G_LOCK)),
    ("exec_fail", "Execution failed for task '<*>'.",
     ("ERROR", "org.gradle.internal.buildevents.BuildExceptionReporter")),
]
GRADLE_COUNTS = {"op_start": 70, "op_done": 60, "task": 30, "task_utd": 24, "skip_utd": 24,
                 "cache_off": 16, "health": 8, "ok": 7, "fail": 4, "stats": 11, "cmd": 8,
                 "lock_wait": 12, "lock_ok": 12, "lock_rel": 10, "exec_fail": 4}


def gen_gradle(rng, cyc):
    home = "/home/mrossi"
    projects = ["shop-api", "billing-core", "inventory-sync", "mobile-bff", "pricing-engine"]
    mods = ["app", "core", "api", "persistence", "web", "common", "client"]
    tasks = ["compileJava", "processResources", "classes", "jar", "compileTestJava",
             "processTestResources", "testClasses", "test", "compileKotlin", "javadoc",
             "checkstyleMain", "bootJar", "generateProto", "spotlessCheck"]

    def task():
        return ":%s:%s" % (rng.choice(mods), rng.choice(tasks))

    op_forms = ["Task {t}", "Snapshot inputs and outputs before executing task '{t}'",
                "Execute compile for {t}", "Resolve dependencies of :{m}:compileClasspath",
                "Fingerprint inputs for task '{t}'", "Store execution state for {t}",
                "Configure project :{m}", "Execute task action 1/1 for {t}",
                "Resolve files of :{m}:runtimeClasspath"]

    def opname(ev):
        f = cyc(ev, 0, op_forms)
        return f.format(t=task(), m=rng.choice(mods))

    def dur():
        form = cyc("dur", 0, ["s", "ms", "ms2", "m"])
        if form == "s":
            return "%ds" % rng.randint(2, 59)
        if form in ("ms", "ms2"):
            return "%dms" % rng.randint(180, 990)
        return "%dm %ds" % (rng.randint(1, 6), rng.randint(0, 59))

    reasons = ["Build cache is disabled", "Caching has not been enabled for the task",
               "Not worth caching", "Task output caching requires exactly one output",
               "Non-cacheable inputs: property 'classpath' was loaded with an unknown classloader"]

    def ordinal(n):
        suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return "%d%s" % (n, suf)

    def health():
        m = rng.randint(0, 95)
        s = rng.randint(0, 59)
        upt = ("%d mins %d.%03d secs" % (m, s, rng.randint(0, 999)) if m
               else "%d.%03d secs" % (s, rng.randint(0, 999)))
        return (ordinal(rng.randint(2, 48)), upt, rng.randint(93, 100),
                "%.2f" % (rng.randint(0, 180) / 100.0), rng.randint(3, 71),
                cyc("health", 5, ["512 MiB", "1 GiB", "2 GiB"]), rng.randint(8, 40),
                cyc("health", 7, ["384 MiB", "256 MiB"]))

    def stats():
        total = rng.randint(4, 60)
        ex = rng.randint(1, total)
        return (total, ex, total - ex)

    def cmd():
        return (uuid4(rng), "%s/src/%s" % (home, rng.choice(projects)),
                "/127.0.0.1:%d" % rng.randint(33000, 60999),
                "/127.0.0.1:%d" % rng.randint(33000, 60999))

    def lock_target(ev):
        p = rng.choice(projects)
        pool = ["daemon addresses registry",
                "journal cache ({h}/.gradle/caches/journal-1)",
                "file hash cache ({h}/src/{p}/.gradle/8.7/fileHashes)",
                "execution history cache ({h}/src/{p}/.gradle/8.7/executionHistory)",
                "checksums cache ({h}/src/{p}/.gradle/8.7/checksums)",
                "file content cache ({h}/.gradle/caches/8.7/fileContent)"]
        return (cyc(ev, 0, pool).format(h=home, p=p),)

    makers = {
        "op_start": lambda: (opname("op_start"),),
        "op_done": lambda: (opname("op_done"),),
        "task": lambda: (task(),),
        "task_utd": lambda: (task(),),
        "skip_utd": lambda: (task(),),
        "cache_off": lambda: (task(), cyc("cache_off", 1, reasons)),
        "health": health,
        "ok": lambda: (dur(),),
        "fail": lambda: (dur(),),
        "stats": stats,
        "cmd": cmd,
        "lock_wait": lambda: lock_target("lock_wait"),
        "lock_ok": lambda: lock_target("lock_ok"),
        "lock_rel": lambda: lock_target("lock_rel"),
        "exec_fail": lambda: (task(),),
    }
    units = []
    for key, _, _ in GRADLE_EVENTS:
        units += single_units(key, GRADLE_COUNTS[key], makers[key])
    recs = stamp_units(rng, units, at(9, 12, 3, 117), 420 * MS)
    check_counts(recs, GRADLE_COUNTS)
    return recs


def gradle_header(r, meta, n):
    y, mo, d, h, mi, s, f = tparts(r["ts"])
    return "%04d-%02d-%02dT%02d:%02d:%02d.%03d+0000 [%s] [%s] " % (
        y, mo, d, h, mi, s, f // MS, meta[0], meta[1])


GRADLE_HEADER_RE = (r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d{4} "
                    r"\[(?:DEBUG|INFO|LIFECYCLE|WARN|QUIET|ERROR)\] \[[^\]]+\] ")


def gradle_ts(header, i):
    return header[:28]


# ==========================================================================
# 2. NpmDebug  (simulation: packages resolved then reified, overlapping)
# ==========================================================================
NPM_EVENTS = [
    ("manifest", "fetch manifest <*>", "silly"),
    ("pc_miss", "packumentCache full:<*> cache-miss", "silly"),
    ("pc_set", "packumentCache full:<*> set size:<*> disposed:false", "silly"),
    ("http", "fetch GET <*> <*> <*> (cache <*>)", "http"),
    ("place_ok", "placeDep <*> <*> OK for: <*> want: <*>", "silly"),
    ("place_replace", "placeDep <*> <*> REPLACE for: <*> want: <*>", "silly"),
    ("deprecated", "deprecated <*>: <*>", "warn"),
    ("ideal", "idealTree:<*> Completed in <*>", "timing"),
    ("tarball", "tarball no local data for <*>. Extracting by manifest.", "silly"),
    ("reify_node", "reifyNode:<*> Completed in <*>", "timing"),
    ("add", "ADD <*>", "silly"),
    ("retry", "fetch GET <*> attempt <*> failed with <*>", "http"),
    ("opt_fail", "reify failed optional dependency <*>", "verbose"),
    ("pc_hit", "packumentCache full:<*> cache-hit", "silly"),
    ("place_keep", "placeDep <*> <*> KEEP for: <*> want: <*>", "silly"),
]

NPM_NAMES = ["lodash", "debug", "ms", "chalk", "semver", "commander", "yargs", "glob",
             "minimatch", "rimraf", "uuid", "axios", "follow-redirects", "form-data",
             "mime-types", "mime-db", "ansi-styles", "supports-color", "has-flag",
             "color-convert", "color-name", "js-yaml", "argparse", "picomatch",
             "micromatch", "braces", "fill-range", "to-regex-range", "is-number",
             "balanced-match", "brace-expansion", "inherits", "once", "wrappy",
             "@babel/parser", "@babel/types", "@types/node", "source-map", "tslib",
             "react", "react-dom", "scheduler", "loose-envify", "js-tokens", "esbuild",
             "postcss", "nanoid", "picocolors", "zod", "dayjs"]
NPM_OPTIONAL = ["fsevents", "@esbuild/darwin-arm64", "@rollup/rollup-darwin-x64",
                "@parcel/watcher-darwin-arm64", "dtrace-provider"]


def gen_npm(rng, cyc):
    cwd = "/home/dana/src/storefront-ui"
    root = "storefront-ui@2.3.0"
    reg = "https://registry.npmjs.org/"
    names = list(NPM_NAMES)
    rng.shuffle(names)
    n_pkg = 40
    optional_idx = [3, 10, 17, 22]
    keep_idx = [8, 15, 21, 27]
    replace_idx = [5, 13, 24]
    deprec_idx = [2, 9, 18, 25, 31]
    retry_idx = [6, 14, 26]
    deprec_msgs = ["This package is no longer maintained, switch to the built-in alternative",
                   "Versions below 4 leak file descriptors under load; please upgrade",
                   "Use the native structuredClone() instead",
                   "Renamed; install the scoped package instead"]
    pkgs = []
    opt_iter = iter(NPM_OPTIONAL)
    nm_iter = iter(names)
    for i in range(n_pkg):
        if i in optional_idx:
            name = next(opt_iter)
        elif i in keep_idx:
            name = pkgs[i - 4]["name"]
        else:
            name = next(nm_iter)
        if i in keep_idx:
            ver = pkgs[i - 4]["ver"]
        else:
            ver = "%d.%d.%d" % (rng.choice([0, 1, 2, 3, 4, 5, 7, 10, 18]),
                                rng.randint(0, 24), rng.randint(0, 15))
        major, minor, _ = ver.split(".")
        rform = cyc("range", 0, ["^", "^", "~", "", ">="])
        if rform == ">=":
            rng_spec = ">=%s.0.0" % major
        elif rform == "":
            rng_spec = ver
        else:
            rng_spec = "%s%s.%s.0" % (rform, major, minor)
        cands = [q for j, q in enumerate(pkgs) if j not in optional_idx]
        if i < 3 or not cands or rng.random() < 0.35:
            parent = root
        else:
            q = rng.choice(cands)
            parent = "%s@%s" % (q["name"], q["ver"])
        nested = (i % 6 == 4) and i not in keep_idx and parent != root
        if (i in keep_idx or i in replace_idx) and cyc("place_loc", 0, [False, True]):
            nested = parent != root
            if not nested:
                parent = "%s@%s" % (pkgs[0]["name"], pkgs[0]["ver"])
                nested = True
        loc = "node_modules/%s" % parent.rsplit("@", 1)[0] if nested else "ROOT"
        path = ("%s/node_modules/%s" % (loc, name)) if nested else "node_modules/%s" % name
        pkgs.append({"name": name, "ver": ver, "range": rng_spec, "parent": parent,
                     "loc": loc, "path": path})

    def pack_url(name):
        return reg + name.replace("/", "%2f")

    def tar_url(name, ver):
        base = name.split("/")[-1]
        return "%s%s/-/%s-%s.tgz" % (reg, name, base, ver)

    entities = []
    t = at(14, 2, 11, 406)
    ends = []
    for i, p in enumerate(pkgs):
        t += MS + expo(rng, 28 * MS)
        tt = t
        ent = [rec(tt, "manifest", ("%s@%s" % (p["name"], p["range"]),))]
        purl = pack_url(p["name"])
        if i in keep_idx:
            tt += expo(rng, MS // 2) + 50 * US
            ent.append(rec(tt, "pc_hit", (purl,)))
        else:
            tt += expo(rng, MS) + 100 * US
            ent.append(rec(tt, "pc_miss", (purl,)))
            if i in retry_idx:
                tt += expo(rng, 400 * MS) + 30 * MS
                ent.append(rec(tt, "retry", (purl, cyc("retry", 1, ["1", "2"]),
                                             cyc("retry", 2, ["ECONNRESET", "ETIMEDOUT", "EAI_AGAIN"]))))
            took = expo(rng, 140 * MS) + 9 * MS
            tt += took
            st, cache = cyc("http_m", 0, [("200", "miss"), ("304", "revalidated"),
                                          ("200", "miss"), ("200", "stale")])
            ent.append(rec(tt, "http", (st, purl, "%dms" % (took // MS), cache)))
            tt += expo(rng, 2 * MS) + 50 * US
            ent.append(rec(tt, "pc_set", (purl, rng.randint(4_000, 2_900_000))))
        tt += expo(rng, 3 * MS) + 100 * US
        spec = "%s@%s" % (p["name"], p["ver"])
        pkey = "place_keep" if i in keep_idx else (
            "place_replace" if i in replace_idx else "place_ok")
        ent.append(rec(tt, pkey, (p["loc"], spec, p["parent"], p["range"])))
        if i in deprec_idx:
            tt += expo(rng, MS) + 20 * US
            ent.append(rec(tt, "deprecated", (spec, cyc("deprecated", 1, deprec_msgs))))
        if i % 4 == 1 and i not in keep_idx:
            took = expo(rng, 30 * MS) + 2 * MS
            tt += took
            ent.append(rec(tt, "ideal", (p["path"], "%dms" % (took // MS))))
        ends.append(tt)
        entities.append(ent)

    # reify phase: every package entity continues on its own clock
    r = max(ends) + 180 * MS + expo(rng, 60 * MS)
    for i, p in enumerate(pkgs):
        r += expo(rng, 9 * MS) + 200 * US
        if i in keep_idx:
            continue
        tt = r
        ent = entities[i]
        if i in optional_idx:
            tt += expo(rng, 40 * MS) + 3 * MS
            ent.append(rec(tt, "opt_fail", ("%s/%s" % (cwd, p["path"]),)))
            continue
        start = tt
        turl = tar_url(p["name"], p["ver"])
        if i % 5 in (0, 2):
            ent.append(rec(tt, "tarball", ("%s@%s" % (p["name"], turl),)))
            took = expo(rng, 110 * MS) + 12 * MS
            tt += took
            ent.append(rec(tt, "http", ("200", turl, "%dms" % (took // MS), "miss")))
        else:
            took = expo(rng, 6 * MS) + MS
            tt += took
            ent.append(rec(tt, "http", ("200", turl, "%dms" % (took // MS), "hit")))
        tt += expo(rng, 25 * MS) + MS
        ent.append(rec(tt, "reify_node", (p["path"], "%dms" % ((tt - start) // MS))))
        tt += expo(rng, 3 * MS) + 100 * US
        ent.append(rec(tt, "add", (p["path"],)))
    # a sentinel entity far in the future proves the horizon covers line 300
    entities.append([rec(r + 3600 * NS, "add", ("node_modules/.package-lock.json",))])
    return merge_entities(entities)


def npm_header(r, meta, n):
    return "%d %s " % (n, meta)


NPM_HEADER_RE = r"\d+ (?:silly|verbose|http|timing|info|notice|warn|error) "


def npm_ts(header, i):
    return int(header.split(" ", 1)[0])


# ==========================================================================
# 3. BazelServer  (seeded shuffle; exceptions stay together as a unit)
# ==========================================================================
B = "com.google.devtools.build.lib."
BAZEL_EVENTS = [
    ("worker_new", "Created new sandboxed <*> worker (id <*>, key hash <*>), logging to <*>",
     ("I", B + "worker.WorkerFactory.create")),
    ("worker_del", "Destroying <*> worker (id <*>, key hash <*>)",
     ("I", B + "worker.WorkerFactory.destroyObject")),
    ("cmd_start", "Starting command <*> with invocation id <*>",
     ("I", B + "runtime.BlazeCommandDispatcher.execExclusively")),
    ("scan", "About to scan skyframe graph checking for filesystem nodes of types [<*>]",
     ("I", B + "skyframe.SequencedSkyframeExecutor.handleDiffsWithMissingDiffInformation")),
    ("modified", "Found <*> modified files from last build",
     ("I", B + "skyframe.FilesystemValueChecker.getDirtyKeys")),
    ("analyzed", "Analyzed <*> targets (<*> packages loaded, <*> targets configured).",
     ("I", B + "buildtool.AnalysisPhaseRunner.execute")),
    ("procs", "<*> processes: <*> internal, <*> linux-sandbox.",
     ("I", B + "buildtool.ExecutionTool.executeBuild")),
    ("build_ok", "Build completed successfully, <*> total actions",
     ("I", B + "buildtool.BuildTool.buildTargets")),
    ("build_bad", "Build did NOT complete successfully",
     ("I", B + "buildtool.BuildTool.buildTargets")),
    ("cmd_done", "Finished command <*> in <*> with exit code <*>",
     ("I", B + "runtime.BlazeCommandDispatcher.execExclusively")),
    ("download", "Downloading <*> to <*>",
     ("I", B + "bazel.repository.downloader.HttpDownloader.download")),
    ("sandbox_warn", "Failed to clean up sandbox directory <*>",
     ("W", B + "sandbox.SandboxHelpers.cleanExisting")),
    ("ioexc", "java.io.IOException: <*>", "bare"),
    ("frame", "at <*>", "tab"),
    ("idle_gc", "Idle GC: heap <*> -> <*> in <*>",
     ("I", B + "server.IdleServerTasks.idle")),
]
BAZEL_COUNTS = {"worker_new": 40, "worker_del": 10, "cmd_start": 30, "scan": 24,
                "modified": 20, "analyzed": 18, "procs": 16, "build_ok": 12, "build_bad": 6,
                "cmd_done": 14, "download": 74, "sandbox_warn": 4, "ioexc": 4, "frame": 20,
                "idle_gc": 8}


def gen_bazel(rng, cyc):
    user = "tkaur"
    obase = "/home/%s/.cache/bazel/_bazel_%s/%s" % (user, user, hexs(rng, 32))
    threads = [1, 23, 37, 41, 58, 112, 189, 240, 317]
    mnemonics = ["Javac", "KotlinCompile", "TypeScriptCompile", "ScalaCompile",
                 "AaptCompile", "Javac"]
    commands = ["build", "test", "query", "run", "build", "cquery", "info"]

    def tid():
        return {"tid": rng.choice(threads)}

    def worker_new():
        m = cyc("worker_new", 0, mnemonics)
        wid = rng.randint(1, 240)
        return (m, wid, rng.randint(-2_000_000_000, 2_000_000_000),
                "%s/bazel-workers/worker-%d-%s.log" % (obase, wid, m))

    def dsize():
        return "%d MiB" % rng.randint(180, 3900)

    repos = [("https://github.com/bazelbuild/rules_java/releases/download/{v}/rules_java-{v}.tar.gz",
              "rules_java", ["7.4.0", "7.5.0", "7.6.1"]),
             ("https://github.com/protocolbuffers/protobuf/archive/v{v}.tar.gz",
              "com_google_protobuf", ["25.3", "26.1", "21.7"]),
             ("https://mirror.bazel.build/github.com/bazelbuild/rules_go/releases/download/v{v}/rules_go-v{v}.zip",
              "io_bazel_rules_go", ["0.46.0", "0.47.1"]),
             ("https://repo1.maven.org/maven2/com/google/guava/guava/{v}/guava-{v}.jar",
              "maven", ["33.0.0-jre", "32.1.3-jre"]),
             ("https://github.com/abseil/abseil-cpp/archive/{v}.tar.gz",
              "com_google_absl", ["20240116.1", "20230802.2"]),
             ("https://static.rust-lang.org/dist/rust-std-{v}-x86_64-unknown-linux-gnu.tar.xz",
              "rust_linux_x86_64__x86_64-unknown-linux-gnu__stable_tools", ["1.77.2", "1.76.0"]),
             ("https://registry.npmjs.org/typescript/-/typescript-{v}.tgz",
              "npm_typescript", ["5.4.3", "5.3.3"])]

    def download():
        url, repo, vers = rng.choice(repos)
        v = rng.choice(vers)
        u = url.format(v=v)
        return (u, "%s/external/%s/temp%d/%s" % (obase, repo, rng.randint(10 ** 17, 10 ** 18),
                                                 u.rsplit("/", 1)[1]))

    def secs():
        return "%d.%03ds" % (rng.randint(0, 240), rng.randint(0, 999))

    makers = {
        "worker_new": worker_new,
        "worker_del": lambda: (cyc("worker_del", 0, mnemonics), rng.randint(1, 240),
                               rng.randint(-2_000_000_000, 2_000_000_000)),
        "cmd_start": lambda: (cyc("cmd_start", 0, commands), uuid4(rng)),
        "scan": lambda: (cyc("scan", 0, ["FILE_STATE, DIRECTORY_LISTING_STATE", "FILE_STATE",
                                         "DIRECTORY_LISTING_STATE"]),),
        "modified": lambda: (rng.choice([0, 1, 2, 3, 5, 8, 13, 41, 117]),),
        "analyzed": lambda: (rng.randint(1, 420), rng.randint(0, 900), rng.randint(40, 18000)),
        "procs": lambda: (lambda a, b: (a + b, a, b))(rng.randint(1, 300), rng.randint(0, 900)),
        "build_ok": lambda: (rng.randint(1, 4200),),
        "build_bad": lambda: (),
        "cmd_done": lambda: (cyc("cmd_done", 0, commands), secs(),
                             cyc("cmd_done", 2, ["0", "0", "1", "0", "3", "8"])),
        "download": download,
        "idle_gc": lambda: (dsize(), dsize(), "%dms" % rng.randint(40, 2600)),
    }
    units = []
    for key in ("worker_new", "worker_del", "cmd_start", "scan", "modified", "analyzed",
                "procs", "build_ok", "build_bad", "cmd_done", "download", "idle_gc"):
        n = BAZEL_COUNTS[key]
        units += [[(0, key, makers[key](), tid())] for _ in range(n)]
    frames = ["com.google.devtools.build.lib.unix.NativePosixFiles.remove(Native Method)",
              "com.google.devtools.build.lib.unix.UnixFileSystem.delete(UnixFileSystem.java:412)",
              "com.google.devtools.build.lib.vfs.Path.delete(Path.java:389)",
              "com.google.devtools.build.lib.vfs.Path.deleteTree(Path.java:447)",
              "com.google.devtools.build.lib.sandbox.SandboxHelpers.cleanExisting(SandboxHelpers.java:206)",
              "com.google.devtools.build.lib.sandbox.SandboxModule.afterCommand(SandboxModule.java:531)",
              "java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)"]
    reasons = ["(Directory not empty)", "(Permission denied)", "(Device or resource busy)",
               "(Read-only file system)"]
    for k in range(BAZEL_COUNTS["sandbox_warn"]):
        d = "%s/sandbox/linux-sandbox/%d/execroot/_main" % (obase, rng.randint(1, 9000))
        th = tid()
        u = [(0, "sandbox_warn", (d,), th),
             (0, "ioexc", ("%s/bazel-out %s" % (d, cyc("ioexc", 0, reasons)),), None)]
        start = k % 3
        for j in range(5):
            u.append((0, "frame", (frames[start + j],), None))
        units.append(u)
    recs = stamp_units(rng, units, at(10, 47, 52, 8), 3 * NS)
    check_counts(recs, BAZEL_COUNTS)
    return recs


def bazel_header(r, meta, n):
    if meta == "bare":
        return ""
    if meta == "tab":
        return "\t"
    y, mo, d, h, mi, s, f = tparts(r["ts"])
    return "%02d%02d%02d %02d:%02d:%02d.%03d:%s %d [%s] " % (
        y % 100, mo, d, h, mi, s, f // MS, meta[0], r["hdr"]["tid"], meta[1])


BAZEL_HEADER_RE = r"(?:\d{6} \d\d:\d\d:\d\d\.\d{3}:[IWSE] \d+ \[[\w.$<>]+\] |\t|)"


def bazel_ts(header, i):
    return header[:19] if header[:1].isdigit() else None


# ==========================================================================
# 4. NixDaemon  (simulation: client connections, each a forked daemon child)
# ==========================================================================
NIX_EVENTS = [
    ("acc_trusted", "accepted connection from pid <*>, user <*> (trusted)"),
    ("acc", "accepted connection from pid <*>, user <*>"),
    ("untrusted_sub", "warning: ignoring untrusted substituter '<*>'"),
    ("restricted", "warning: ignoring the client-specified setting '<*>', because it is a "
                   "restricted setting and you are not a trusted user"),
    ("copy", "copying path '<*>' from '<*>'..."),
    ("dl_retry", "warning: error: unable to download '<*>': <*> (<*>); retrying in <*> ms"),
    ("building", "building '<*>'..."),
    ("builder_fail", "error: builder for '<*>' failed with exit code <*>"),
    ("conn_err", "error processing connection: <*>"),
    ("gc_roots", "finding garbage collector roots..."),
    ("gc_start", "deleting garbage..."),
    ("gc_delete", "deleting '<*>'"),
    ("gc_links", "deleting unused links..."),
    ("gc_note", "note: currently hard linking saves <*>"),
    ("gc_done", "<*> store paths deleted, <*> freed"),
]
NIX32 = "0123456789abcdfghijklmnpqrsvwxyz"
NIX_NAMES = ["glibc-2.39-52", "openssl-3.0.13", "python3-3.11.9", "zlib-1.3.1",
             "gcc-13.2.0-lib", "bash-5.2p26", "coreutils-9.5", "curl-8.7.1", "libffi-3.4.6",
             "ncurses-6.4", "perl-5.38.2", "nodejs-20.12.2", "rustc-1.77.2", "git-2.44.1",
             "sqlite-3.45.3", "source", "libxml2-2.12.6", "python3.11-numpy-1.26.4",
             "systemd-255.4", "boost-1.81.0", "cmake-3.29.2", "postgresql-16.2",
             "ghc-9.6.5", "texlive-combined-2023", "linux-6.6.30-modules"]
NIX_DRVS = ["hello-2.12.1", "billing-worker-0.9.3", "nixos-system-hydra-w2-24.05",
            "python3.11-tracectl-1.4.0", "docs-site-2026-03-13", "rust-ledger-0.17.2",
            "home-manager-generation", "etc", "unit-script-grafana-start", "tracectl-wrapped"]


def gen_nix(rng, cyc):
    def store(name):
        return "/nix/store/%s-%s" % ("".join(rng.choice(NIX32) for _ in range(32)), name)

    subs = ["https://cache.nixos.org", "https://nix-community.cachix.org",
            "https://attic.build.example.net/main"]
    untrusted_subs = ["https://devenv.cachix.org", "http://10.20.4.17:5000",
                      "https://cache.ngi0.example.org", "s3://nix-cache-eu?region=eu-west-1"]
    users_untrusted = ["alice", "bpatel", "ci-runner", "mkowalski", "devops", "jsato"]
    users_trusted = ["root", "hydra", "hydra-queue-runner"]
    restricted = ["sandbox", "extra-sandbox-paths", "substituters", "post-build-hook",
                  "builders", "allowed-users"]
    curl_errs = [("Couldn't resolve host name", "6"), ("Timeout was reached", "28"),
                 ("Failure when receiving data from the peer", "56")]
    conn_errs = ["unexpected end-of-file", "writing to file: Broken pipe",
                 "interrupted by the user",
                 "cannot add path '%s' because it lacks a signature by a trusted key"]

    entities = []
    t = at(6, 40, 12, 503)
    pid = 41210
    bi = 0
    for i in range(60):
        t += NS + expo(rng, 38 * NS)
        pid += rng.randint(2, 460)
        cpid = pid - rng.randint(1, 40)
        tt = t
        ent = []
        if i % 8 == 1:   # garbage collection client
            ent.append(rec(tt, "acc_trusted", (cpid, cyc("acc_trusted", 1, users_trusted)), pid=pid))
            tt += 200 * MS + expo(rng, 300 * MS)
            ent.append(rec(tt, "gc_roots", (), pid=pid))
            tt += NS + expo(rng, 2 * NS)
            ent.append(rec(tt, "gc_start", (), pid=pid))
            n_del = rng.randint(8, 15)
            for _ in range(n_del):
                tt += expo(rng, 180 * MS)
                ent.append(rec(tt, "gc_delete", (store(rng.choice(NIX_NAMES)),), pid=pid))
            tt += 300 * MS + expo(rng, 600 * MS)
            ent.append(rec(tt, "gc_links", (), pid=pid))
            tt += NS + expo(rng, 3 * NS)
            ent.append(rec(tt, "gc_note", ("%d.%02d MiB" % (rng.randint(200, 9000), rng.randint(0, 99)),), pid=pid))
            tt += expo(rng, 200 * MS)
            ent.append(rec(tt, "gc_done", (rng.randint(n_del, 4000),
                                           "%d.%02d MiB" % (rng.randint(30, 21000), rng.randint(0, 99))), pid=pid))
            entities.append(ent)
            continue
        if bi % 3 == 1:
            user = cyc("acc_trusted", 1, users_trusted)
            ent.append(rec(tt, "acc_trusted", (cpid, user), pid=pid))
            trusted = True
        else:
            user = cyc("acc", 1, users_untrusted)
            ent.append(rec(tt, "acc", (cpid, user), pid=pid))
            trusted = False
        if not trusted and bi % 4 in (0, 2):
            tt += expo(rng, 5 * MS) + MS
            ent.append(rec(tt, "untrusted_sub", (cyc("untrusted_sub", 0, untrusted_subs),), pid=pid))
        if not trusted and bi % 5 == 3:
            tt += expo(rng, 5 * MS) + MS
            ent.append(rec(tt, "restricted", (cyc("restricted", 0, restricted),), pid=pid))
        n_copy = rng.choice([0, 1, 2, 3, 3, 4, 5, 6, 8, 11])
        for j in range(n_copy):
            tt += 100 * MS + expo(rng, 1400 * MS)
            sub = cyc("copy", 1, subs) if j == 0 else rng.choice(subs[:2])
            if j == 0 and bi % 5 == 2:
                err, code = cyc("dl_retry", 1, curl_errs)
                delay = rng.randint(180, 2400)
                ent.append(rec(tt, "dl_retry", ("%s/%s.narinfo" % (sub, "".join(
                    rng.choice(NIX32) for _ in range(32))), err, code, delay), pid=pid))
                tt += delay * MS + expo(rng, 300 * MS)
            ent.append(rec(tt, "copy", (store(rng.choice(NIX_NAMES)), sub), pid=pid))
        if bi % 2 == 0 or n_copy == 0:
            tt += 300 * MS + expo(rng, 2 * NS)
            drv = store(rng.choice(NIX_DRVS) + ".drv")
            ent.append(rec(tt, "building", (drv,), pid=pid))
            if bi % 6 == 4:
                tt += 5 * NS + expo(rng, 40 * NS)
                ent.append(rec(tt, "builder_fail", (drv, cyc("builder_fail", 1, ["2", "1", "100"])), pid=pid))
        if bi % 6 == 5:
            tt += 200 * MS + expo(rng, 3 * NS)
            msg = cyc("conn_err", 0, conn_errs)
            if "%s" in msg:
                msg = msg % store(rng.choice(NIX_NAMES))
            ent.append(rec(tt, "conn_err", (msg,), pid=pid))
        bi += 1
        entities.append(ent)
    return merge_entities(entities)


NIX_HOST = "hydra-w2"


def nix_header(r, meta, n):
    y, mo, d, h, mi, s, f = tparts(r["ts"])
    return "%s %02d %02d:%02d:%02d %s nix-daemon[%d]: " % (
        MONTHS[mo - 1], d, h, mi, s, NIX_HOST, r["hdr"]["pid"])


NIX_HEADER_RE = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d "
                 r"\d\d:\d\d:\d\d [\w.-]+ [\w.@-]+\[\d+\]: ")


def nix_ts(header, i):
    return (MONTHS.index(header[:3]), header[4:15])


# ==========================================================================
# 5. EasyBuild  (seeded shuffle; command output stays with its command)
# ==========================================================================
EASYBUILD_EVENTS = [
    ("method", "Running method <*> part of step <*>", ("easyblock.py", 4213, "INFO")),
    ("run", "running cmd: <*> (in <*>)", ("run.py", 262, "INFO")),
    ("run_done", 'cmd "<*>" exited with exit code <*> and output:', ("run.py", 675, "INFO")),
    ("checking", "checking for <*>... <*>", None),
    ("make_in", "make[<*>]: Entering directory '<*>'", None),
    ("make_out", "make[<*>]: Leaving directory '<*>'", None),
    ("checksum", "Checksum verification passed for <*>", ("easyblock.py", 2538, "INFO")),
    ("found", "Found file <*> at <*>", ("easyblock.py", 974, "INFO")),
    ("env", "Environment variable <*> set to <*> (previously undefined)",
     ("environment.py", 91, "INFO")),
    ("sanity_file", "Sanity check: found file <*>", ("easyblock.py", 3497, "INFO")),
    ("sanity_dir", "Sanity check: found non-empty directory <*>", ("easyblock.py", 3480, "INFO")),
    ("patch", "Applying patch <*>", ("filetools.py", 1633, "INFO")),
    ("dl_fail", "Failed to download <*> from <*>: <*>", ("filetools.py", 806, "WARNING")),
    ("modload", "Running 'module load <*>'", ("modules.py", 1418, "INFO")),
]
EASYBUILD_COUNTS = {"method": 30, "run": 20, "run_done": 20, "checking": 60, "make_in": 12,
                    "make_out": 12, "checksum": 8, "found": 10, "env": 80, "sanity_file": 18,
                    "sanity_dir": 9, "patch": 5, "dl_fail": 4, "modload": 12}


def gen_easybuild(rng, cyc):
    tc = "GCCcore-12.3.0"
    build = "/tmp/easybuild/build/X11/20230603/" + tc
    inst = "/apps/software/X11/20230603-" + tc
    srcd = "/apps/sources/x/X11"
    comps = [("xorgproto", "2023.1"), ("libXau", "1.0.11"), ("libXdmcp", "1.1.4"),
             ("xcb-proto", "1.15.2"), ("libxcb", "1.15"), ("xtrans", "1.5.0"),
             ("libX11", "1.8.5"), ("libXext", "1.3.5"), ("libfontenc", "1.1.7"),
             ("libXfixes", "6.0.1"), ("libXi", "1.8.1"), ("libXrender", "0.9.11"),
             ("libXrandr", "1.5.3"), ("libXcursor", "1.2.1"), ("libXinerama", "1.1.5"),
             ("libICE", "1.1.1"), ("libSM", "1.2.4"), ("libXt", "1.3.0"), ("libXmu", "1.1.4"),
             ("libXpm", "3.5.16"), ("libXft", "2.3.8"), ("libXdamage", "1.1.6"),
             ("libXtst", "1.2.4"), ("libXv", "1.0.12")]

    def comp():
        n, v = rng.choice(comps)
        return n, v, "%s-%s" % (n, v)

    steps = [("fetch_step", "source"), ("checksum_step", "source"), ("extract_step", "source"),
             ("patch_step", "patch"), ("prepare_step", "prepare"), ("configure_step", "configure"),
             ("build_step", "build"), ("test_step", "test"), ("install_step", "install"),
             ("post_install_step", "postiter"), ("sanity_check_step", "sanitycheck"),
             ("cleanup_step", "cleanup"), ("make_module_step", "module"),
             ("permissions_step", "permissions"), ("package_step", "package")]
    checks = [("gcc", "gcc"), ("a BSD-compatible install", "/usr/bin/install -c"),
              ("a thread-safe mkdir -p", "/usr/bin/mkdir -p"), ("gawk", "gawk"),
              ("pkg-config", "/apps/software/pkgconf/1.9.5-%s/bin/pkg-config" % tc),
              ("grep that handles long lines and -e", "/usr/bin/grep"),
              ("egrep", "/usr/bin/grep -E"), ("sys/types.h", "yes"), ("stdint.h", "yes"),
              ("unistd.h", "yes"), ("ld used by gcc",
                                    "/apps/software/binutils/2.40-%s/bin/ld" % tc),
              ("a sed that does not truncate output", "/usr/bin/sed"), ("fgrep", "/usr/bin/grep -F"),
              ("xmlto", "no"), ("library containing gethostbyname", "none required"),
              ("dlfcn.h", "yes"), ("xsltproc", "/usr/bin/xsltproc"), ("strlcpy", "no"),
              ("reallocarray", "yes"), ("working alloca.h", "yes"), ("XPROTO", "yes")]
    tc_env = [("CC", "gcc"), ("CXX", "g++"), ("F77", "gfortran"), ("F90", "gfortran"),
              ("FC", "gfortran"), ("CFLAGS", "-O2 -ftree-vectorize -march=native -fno-math-errno"),
              ("CXXFLAGS", "-O2 -ftree-vectorize -march=native -fno-math-errno"),
              ("FFLAGS", "-O2 -ftree-vectorize -march=native -fno-math-errno"),
              ("OPTFLAGS", "-O2 -ftree-vectorize -march=native"), ("PRECFLAGS", "-fno-math-errno"),
              ("LIBS", "-lm -lpthread")]
    deps = ["GCCcore/12.3.0", "binutils/2.40-" + tc, "pkgconf/1.9.5-" + tc,
            "fontconfig/2.14.2-" + tc, "freetype/2.13.0-" + tc, "bzip2/1.0.8-" + tc,
            "libpng/1.6.39-" + tc, "zlib/1.2.13-" + tc, "xz/5.4.2-" + tc,
            "expat/2.5.0-" + tc, "util-linux/2.39-" + tc, "Python/3.11.3-" + tc]

    def env():
        form = cyc("env", 0, ["tc", "root", "ver", "path", "tc", "root"])
        if form == "tc":
            return cyc("env_tc", 0, tc_env)
        dep = rng.choice(deps)
        dn, dv = dep.split("/")
        envn = dn.upper().replace("-", "MIN")
        if form == "root":
            return ("EBROOT" + envn, "/apps/software/%s/%s" % (dn, dv))
        if form == "ver":
            return ("EBVERSION" + envn, dv.split("-")[0])
        var = rng.choice(["LDFLAGS", "CPPFLAGS", "PKG_CONFIG_PATH", "ACLOCAL_PATH", "CPATH",
                          "LIBRARY_PATH", "XDG_DATA_DIRS"])
        sub = {"LDFLAGS": "-L%s/lib64 -L%s/lib", "CPPFLAGS": "-I%s/include",
               "PKG_CONFIG_PATH": "%s/lib/pkgconfig:%s/share/pkgconfig",
               "ACLOCAL_PATH": "%s/share/aclocal", "CPATH": "%s/include",
               "LIBRARY_PATH": "%s/lib64:%s/lib", "XDG_DATA_DIRS": "%s/share"}[var]
        root = "/apps/software/%s/%s" % (dn, dv)
        return (var, sub.replace("%s", root))

    files = ["lib/libX11.so", "lib/libXext.so", "lib/libxcb.so", "lib/libXt.so",
             "include/X11/Xlib.h", "include/X11/extensions/Xrender.h", "lib/libXau.a",
             "lib/libXft.so", "lib/libICE.so", "lib/libSM.so", "include/xcb/xcb.h",
             "lib/libXrandr.so", "lib/libXi.so", "lib/libXpm.so"]
    dirs = ["include/X11", "lib/pkgconfig", "share/doc", "lib", "include", "share/X11",
            "share/man/man3"]
    patches = ["libX11-1.8.5_fix-XkbGetMap-overflow.patch", "libXt-1.3.0_gcc13-prototypes.patch",
               "libxcb-1.15_python311-compat.patch", "xtrans-1.5.0_no-stropts.patch",
               "libXpm-3.5.16_CVE-fix.patch"]
    dl_reasons = ["HTTP Error 404: Not Found",
                  "<urlopen error [Errno -2] Name or service not known>",
                  "The read operation timed out"]

    makers = {
        "method": lambda: cyc("method", 0, steps),
        "checksum": lambda: ("%s/%s.tar.xz" % (srcd, comp()[2]),),
        "found": lambda: (lambda c: ("%s.tar.gz" % c, "%s/%s.tar.gz" % (srcd, c)))(comp()[2]),
        "env": env,
        "sanity_file": lambda: (cyc("sanity_file", 0, files),),
        "sanity_dir": lambda: (cyc("sanity_dir", 0, dirs),),
        "patch": lambda: (cyc("patch", 0, patches),),
        "dl_fail": lambda: (lambda c: ("%s.tar.gz" % c, cyc("dl_fail", 1, [
            "https://www.x.org/releases/individual/lib/%s.tar.gz" % c,
            "https://xorg.freedesktop.org/archive/individual/lib/%s.tar.gz" % c,
            "https://xcb.freedesktop.org/dist/%s.tar.gz" % c]),
            cyc("dl_fail", 2, dl_reasons)))(comp()[2]),
        "modload": lambda: (cyc("modload", 0, deps),),
    }
    units = []
    for key in ("method", "checksum", "found", "env", "sanity_file", "sanity_dir", "patch",
                "dl_fail", "modload"):
        units += single_units(key, EASYBUILD_COUNTS[key], makers[key])
    # configure commands: 8 units, 60 "checking for" lines in all
    flags = ["--disable-static", "--enable-shared --disable-specs", "--without-xmlto",
             "--disable-static --enable-xthreads", "--with-pic"]
    for k in range(8):
        n, v, c = comp()
        cmdline = "./configure --prefix=%s %s" % (inst, cyc("run", 0, flags))
        took = 2 * NS + expo(rng, 25 * NS)
        u = [(0, "run", (cmdline, "%s/%s" % (build, c)), None),
             (took, "run_done", (cmdline, "0"), None)]
        for _ in range(8 if k < 4 else 7):
            w, res = cyc("checking", 0, checks)
            u.append((took, "checking", (w, res), None))
        units.append(u)
    # make commands: 12 units, one Entering/Leaving pair each
    for k in range(12):
        n, v, c = comp()
        cmdline = cyc("run_make", 0, ["make -j 16", "make install -j 16", "make -j 16 check"])
        code = "2" if k == 7 else "0"
        took = NS + expo(rng, 40 * NS)
        sub = cyc("make_in", 1, ["src", "include", "man", "specs", "src/xcms", "modules/im"])
        lvl = cyc("make_in", 0, ["1", "2", "1"])
        d = "%s/%s/%s" % (build, c, sub)
        units.append([(0, "run", (cmdline, "%s/%s" % (build, c)), None),
                      (took, "run_done", (cmdline, code), None),
                      (took, "make_in", (lvl, d), None),
                      (took, "make_out", (lvl, d), None)])
    recs = stamp_units(rng, units, at(11, 5, 41, 730), 2 * NS)
    check_counts(recs, EASYBUILD_COUNTS)
    return recs


def easybuild_header(r, meta, n):
    if meta is None:
        return ""
    y, mo, d, h, mi, s, f = tparts(r["ts"])
    return "== %04d-%02d-%02d %02d:%02d:%02d,%03d %s:%d %s " % (
        y, mo, d, h, mi, s, f // MS, meta[0], meta[1], meta[2])


EASYBUILD_HEADER_RE = (r"(?:== \d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} [\w.]+\.py:\d+ "
                       r"(?:DEBUG|INFO|WARNING|ERROR) |)")


def easybuild_ts(header, i):
    return header[3:26] if header else None


# ==========================================================================
# 6. Maven -B  (seeded shuffle; batch mode has no timestamp, only [LEVEL])
# ==========================================================================
MAVEN_EVENTS = [
    ("dl", "Downloading from <*>: <*>", "INFO"),
    ("dled", "Downloaded from <*>: <*> (<*> at <*>)", "INFO"),
    ("plugin", "--- <*>:<*>:<*> (<*>) @ <*> ---", "INFO"),
    ("jar", "Building jar: <*>", "INFO"),
    ("compile", "Compiling <*> source files with javac [debug release <*>] to <*>", "INFO"),
    ("nothing", "Nothing to compile - all classes are up to date", "INFO"),
    ("resources", "Copying <*> resources from <*> to <*>", "INFO"),
    ("running", "Running <*>", "INFO"),
    ("tests_in", "Tests run: <*>, Failures: 0, Errors: 0, Skipped: <*>, Time elapsed: <*> s -- in <*>",
     "INFO"),
    ("tests_fail", "Tests run: <*>, Failures: <*>, Errors: <*>, Skipped: <*>, Time elapsed: <*> s "
                   "<<< FAILURE! -- in <*>", "ERROR"),
    ("tests_sum", "Tests run: <*>, Failures: <*>, Errors: <*>, Skipped: <*>", None),
    ("pom_missing", "The POM for <*> is missing, no dependency information available", "WARNING"),
    ("param", "Parameter '<*>' is unknown for plugin '<*>'", "WARNING"),
    ("install", "Installing <*> to <*>", "INFO"),
    ("changes", "Changes detected - recompiling the module! :<*>", "INFO"),
]
MAVEN_COUNTS = {"dl": 70, "dled": 66, "plugin": 40, "jar": 10, "compile": 12, "nothing": 8,
                "resources": 14, "running": 20, "tests_in": 17, "tests_fail": 3,
                "tests_sum": 10, "pom_missing": 4, "param": 6, "install": 14, "changes": 6}


def gen_maven(rng, cyc):
    ws = "/home/jenkins/workspace/orders-ci"
    m2 = "/home/jenkins/.m2/repository"
    modules = ["orders-api", "orders-core", "orders-web", "common-util", "billing-client"]
    ver = "1.4.0-SNAPSHOT"
    repos = [("central", "https://repo.maven.apache.org/maven2"),
             ("nexus-public", "https://nexus.acme-corp.example/repository/maven-public"),
             ("central", "https://repo.maven.apache.org/maven2"),
             ("acme-releases", "https://nexus.acme-corp.example/repository/releases")]
    arts = [("org.apache.commons", "commons-lang3", "3.14.0"), ("com.google.guava", "guava", "33.0.0-jre"),
            ("com.fasterxml.jackson.core", "jackson-databind", "2.16.1"),
            ("com.fasterxml.jackson.core", "jackson-core", "2.16.1"),
            ("org.slf4j", "slf4j-api", "2.0.12"), ("ch.qos.logback", "logback-classic", "1.4.14"),
            ("org.junit.jupiter", "junit-jupiter-api", "5.10.2"),
            ("org.junit.jupiter", "junit-jupiter-engine", "5.10.2"),
            ("org.opentest4j", "opentest4j", "1.3.0"), ("org.mockito", "mockito-core", "5.10.0"),
            ("net.bytebuddy", "byte-buddy", "1.14.12"), ("org.objenesis", "objenesis", "3.3"),
            ("org.assertj", "assertj-core", "3.25.3"), ("org.codehaus.plexus", "plexus-utils", "3.5.1"),
            ("commons-io", "commons-io", "2.15.1"), ("com.google.guava", "failureaccess", "1.0.2"),
            ("org.checkerframework", "checker-qual", "3.42.0"),
            ("io.micrometer", "micrometer-core", "1.12.3"),
            ("jakarta.validation", "jakarta.validation-api", "3.0.2"),
            ("org.apache.maven.surefire", "surefire-api", "3.2.5"),
            ("com.acme.platform", "acme-audit-client", "2.7.1"),
            ("org.postgresql", "postgresql", "42.7.2")]

    def art_url(base):
        g, a, v = rng.choice(arts)
        ext = cyc("ext", 0, ["pom", "jar", "pom"])
        return "%s/%s/%s/%s/%s-%s.%s" % (base, g.replace(".", "/"), a, v, a, v, ext)

    def size():
        f = cyc("size", 0, ["kB", "kB", "B", "MB"])
        if f == "B":
            return "%d B" % rng.randint(180, 999)
        if f == "kB":
            return "%d kB" % rng.randint(1, 980)
        return "%.1f MB" % (rng.randint(11, 80) / 10.0)

    def rate():
        f = cyc("rate", 0, ["kB/s", "MB/s", "kB/s"])
        if f == "kB/s":
            return "%d kB/s" % rng.randint(12, 990)
        return "%.1f MB/s" % (rng.randint(10, 120) / 10.0)

    plugins = [("clean", "3.3.2", "clean", "default-clean"), ("enforcer", "3.4.1", "enforce", "enforce-maven"),
               ("resources", "3.3.1", "resources", "default-resources"),
               ("compiler", "3.11.0", "compile", "default-compile"),
               ("resources", "3.3.1", "testResources", "default-testResources"),
               ("compiler", "3.11.0", "testCompile", "default-testCompile"),
               ("surefire", "3.2.5", "test", "default-test"), ("jar", "3.3.0", "jar", "default-jar"),
               ("install", "3.1.1", "install", "default-install"),
               ("jacoco", "0.8.11", "prepare-agent", "default")]
    tests = ["com.acme.orders.core.OrderServiceTest", "com.acme.orders.core.PricingRulesTest",
             "com.acme.orders.api.OrderControllerTest", "com.acme.orders.api.JsonMappingTest",
             "com.acme.util.MoneyTest", "com.acme.util.RetryPolicyTest",
             "com.acme.billing.client.InvoiceClientTest", "com.acme.orders.web.CheckoutFlowIT",
             "com.acme.orders.core.repo.OrderRepositoryTest", "com.acme.util.IdGeneratorTest"]

    def repo(ev):
        return cyc(ev, 0, repos)

    def dl():
        rid, base = repo("dl")
        return (rid, art_url(base))

    def dled():
        rid, base = repo("dled")
        return (rid, art_url(base), size(), rate())

    def elapsed():
        return "%d.%03d" % (rng.randint(0, 9), rng.randint(1, 999))

    def tests_in():
        return (rng.randint(1, 40), cyc("tests_in", 1, ["0", "0", "1", "2"]), elapsed(),
                rng.choice(tests))

    def tests_fail():
        return (rng.randint(3, 25), cyc("tests_fail", 1, ["1", "2"]), cyc("tests_fail", 2, ["0", "1"]),
                cyc("tests_fail", 3, ["0", "1"]), elapsed(), rng.choice(tests))

    def tests_sum():
        return (rng.randint(20, 260), cyc("tests_sum", 1, ["0", "0", "1"]),
                cyc("tests_sum", 2, ["0", "0", "0", "1"]), cyc("tests_sum", 3, ["0", "3"]))

    def install():
        m = rng.choice(modules)
        kind = cyc("install", 0, ["pom", "jar"])
        if kind == "pom":
            src = "%s/%s/pom.xml" % (ws, m)
        else:
            src = "%s/%s/target/%s-%s.jar" % (ws, m, m, ver)
        return (src, "%s/com/acme/orders/%s/%s/%s-%s.%s" % (m2, m, ver, m, ver, kind))

    makers = {
        "dl": dl, "dled": dled,
        "plugin": lambda: cyc("plugin", 0, plugins) + (rng.choice(modules),),
        "jar": lambda: (lambda m: ("%s/%s/target/%s-%s.jar" % (ws, m, m, ver),))(rng.choice(modules)),
        "compile": lambda: (rng.randint(1, 160), cyc("compile", 1, ["17", "21"]),
                            cyc("compile", 2, ["target/classes", "target/test-classes"])),
        "nothing": lambda: (),
        "resources": lambda: (lambda k: (rng.randint(1, 14), "src/%s/resources" % k,
                                         "target/%s" % ("classes" if k == "main" else "test-classes")))(
            cyc("resources", 1, ["main", "test"])),
        "running": lambda: (rng.choice(tests),),
        "tests_in": tests_in,
        "tests_fail": tests_fail,
        "tests_sum": tests_sum,
        "pom_missing": lambda: (cyc("pom_missing", 0, ["com.acme.legacy:legacy-utils:jar:2.1.0",
                                                      "javax.activation:activation:jar:1.1",
                                                      "com.acme.platform:acme-metrics:jar:0.9.4"]),),
        "param": lambda: cyc("param", 0, [("skipTest", "maven-surefire-plugin:3.2.5:test (default-test)"),
                                          ("compilerVersion", "maven-compiler-plugin:3.11.0:compile (default-compile)"),
                                          ("forkMode", "maven-surefire-plugin:3.2.5:test (default-test)")]),
        "install": install,
        "changes": lambda: (cyc("changes", 0, ["source", "dependency", "input tree"]),),
    }
    units = []
    for key, _, _ in MAVEN_EVENTS:
        n = MAVEN_COUNTS[key]
        for _ in range(n):
            hdr = None
            if key == "tests_sum":
                vals = makers[key]()
                hdr = {"level": "ERROR" if (vals[1] != "0" or vals[2] != "0") else "INFO"}
                units.append([(0, key, vals, hdr)])
            else:
                units.append([(0, key, makers[key](), hdr)])
    recs = stamp_units(rng, units, at(13, 30, 7, 0), 350 * MS)
    check_counts(recs, MAVEN_COUNTS)
    return recs


def maven_header(r, meta, n):
    return "[%s] " % (meta or r["hdr"]["level"])


MAVEN_HEADER_RE = r"\[(?:INFO|WARNING|ERROR)\] "


def maven_ts(header, i):
    return None  # batch mode prints no timestamp by default


# ==========================================================================
# driver, writer and self-check
# ==========================================================================
SYSTEMS = [
    # name, k, events (key, template, meta), generator, header fn, header regex, ts parser, mode
    ("GradleDaemon", 1, GRADLE_EVENTS, gen_gradle, gradle_header, GRADLE_HEADER_RE, gradle_ts,
     "shuffle"),
    ("NpmDebug", 2, NPM_EVENTS, gen_npm, npm_header, NPM_HEADER_RE, npm_ts, "simulation"),
    ("BazelServer", 3, BAZEL_EVENTS, gen_bazel, bazel_header, BAZEL_HEADER_RE, bazel_ts,
     "shuffle"),
    ("NixDaemon", 4, [(k, t, None) for k, t in NIX_EVENTS], gen_nix, nix_header, NIX_HEADER_RE,
     nix_ts, "simulation"),
    ("EasyBuild", 5, EASYBUILD_EVENTS, gen_easybuild, easybuild_header, EASYBUILD_HEADER_RE,
     easybuild_ts, "shuffle"),
    ("Maven", 6, MAVEN_EVENTS, gen_maven, maven_header, MAVEN_HEADER_RE, maven_ts, "shuffle"),
]


def write_system(name, k, events, gen, header_fn):
    rng = random.Random(BASE_SEED * 10 + k)
    cyc = Cycle()
    recs = gen(rng, cyc)
    if len(recs) != N_LINES:
        raise RuntimeError("%s: %d records" % (name, len(recs)))
    index = {key: i for i, (key, _, _) in enumerate(events)}
    d = os.path.join(HERE, name)
    os.makedirs(d, exist_ok=True)
    raw_lines = []
    rows = []
    for n, r in enumerate(recs):
        i = index[r["ev"]]
        _, tpl, meta = events[i]
        content = fill(tpl, r["vals"])
        header = header_fn(r, meta, n)
        raw_lines.append(header + content)
        rows.append([str(n + 1), content, "E%d" % (i + 1), tpl])
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(raw_lines) + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8",
              newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


def tpl_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")), re.S)


def self_check(name, events, header_re, ts_of):
    d = os.path.join(HERE, name)
    problems = []

    def need(cond, msg):
        if not cond:
            problems.append(msg)

    logp = os.path.join(d, name + ".log")
    csvp = os.path.join(d, name + ".log_structured.csv")
    raw = open(logp, "rb").read()
    need(raw.endswith(b"\n"), "log does not end with newline")
    need(b"\r" not in raw, "log contains CR")
    craw = open(csvp, "rb").read()
    need(craw.endswith(b"\n") and b"\r" not in craw, "csv line ending")
    lines = raw.decode("utf-8")[:-1].split("\n")
    with open(csvp, encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    need(table[0] == ["LineId", "Content", "EventId", "EventTemplate"], "csv header")
    rows = table[1:]
    need(len(lines) == N_LINES, "log has %d lines" % len(lines))
    need(len(rows) == N_LINES, "csv has %d rows" % len(rows))
    hre = re.compile(header_re)
    tpl_of = {}
    caps = defaultdict(lambda: defaultdict(set))
    counts = Counter()
    last = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            need(False, "row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        need(lid == str(i), "LineId %r at %d" % (lid, i))
        need(bool(content) and content == content.strip(), "content not stripped at %d" % i)
        need(line.endswith(content), "line %d does not end with content" % i)
        header = line[:len(line) - len(content)]
        need(hre.fullmatch(header) is not None, "header mismatch at %d: %r" % (i, header))
        t = ts_of(header, i)
        if t is not None:
            need(last is None or t >= last, "time goes back at line %d" % i)
            last = t
        need(re.fullmatch(r"E\d+", eid) is not None, "bad EventId %r" % eid)
        if eid in tpl_of:
            need(tpl_of[eid] == tpl, "EventId %s has two templates" % eid)
        else:
            tpl_of[eid] = tpl
        counts[eid] += 1
        m = tpl_regex(tpl).fullmatch(content)
        need(m is not None, "template does not match content at %d" % i)
        if m:
            for j, g in enumerate(m.groups()):
                caps[eid][j].add(g)
    need(len(set(tpl_of.values())) == len(tpl_of), "two EventIds share a template")
    for i, (_, tpl, _) in enumerate(events):
        eid = "E%d" % (i + 1)
        need(tpl_of.get(eid) == tpl, "%s unused or wrong template" % eid)
        for j in range(tpl.count("<*>")):
            need(len(caps[eid][j]) >= 2, "%s slot %d has <2 distinct values" % (eid, j + 1))
    need(set(tpl_of) == {"E%d" % (i + 1) for i in range(len(events))}, "undeclared EventId")
    c = [counts["E%d" % (i + 1)] for i in range(len(events))]
    med = statistics.median(c)
    need(12 <= len(events) <= 15, "%d event types" % len(events))
    need(min(c) >= 3, "an event has fewer than 3 lines")
    need(sum(1 for x in c if 3 <= x <= 10) >= 3, "fewer than 3 events with 3-10 lines")
    need(max(c) >= 3 * med, "largest %d < 3 x median %s" % (max(c), med))
    return problems, c, med


def main():
    ok = True
    for name, k, events, gen, hfn, hre, tsf, mode in SYSTEMS:
        write_system(name, k, events, gen, hfn)
    for name, k, events, gen, hfn, hre, tsf, mode in SYSTEMS:
        problems, c, med = self_check(name, events, hre, tsf)
        status = "OK" if not problems else "FAIL"
        print("%-13s %-10s events=%2d lines=%d min=%d median=%s max=%d  counts=%s  %s" % (
            name, mode, len(events), sum(c), min(c), med, max(c),
            " ".join("E%d:%d" % (i + 1, x) for i, x in enumerate(c)), status))
        for p in problems:
            print("    - " + p)
        ok = ok and not problems
    if not ok:
        raise SystemExit(1)
    print("all self-checks passed")


if __name__ == "__main__":
    main()
