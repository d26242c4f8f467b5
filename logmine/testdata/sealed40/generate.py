#!/usr/bin/env python3
"""Sealed 40 corpus generator (standard library only, fully deterministic)."""
import csv
import io
import os
import random
import re
import statistics

BASE_SEED = 20270142
N_LINES = 300
OUT = os.path.dirname(os.path.abspath(__file__))
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DATE = (2026, 3, 14)  # all timestamps fall on 2026-03-14 UTC
NS_S = 1_000_000_000
NS_MS = 1_000_000


# ---------------------------------------------------------------- time helpers
def split_ns(ns):
    ms_total = ns // NS_MS
    ms = ms_total % 1000
    s_total = ms_total // 1000
    return s_total // 3600, (s_total // 60) % 60, s_total % 60, ms


def ts_iso_z(ns):
    h, m, s, ms = split_ns(ns)
    return "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (DATE + (h, m, s, ms))


def ts_comma(ns):
    h, m, s, ms = split_ns(ns)
    return "%04d-%02d-%02d %02d:%02d:%02d,%03d" % (DATE + (h, m, s, ms))


# ---------------------------------------------------------------- value helpers
class Gen:
    """Per-system value factory wrapping its own Random plus pool cyclers."""

    def __init__(self, rng):
        self.r = rng
        self.cyc = {}

    def cycle(self, key, pool):
        i = self.cyc.get(key, self.r.randrange(len(pool)))
        self.cyc[key] = i + 1
        return pool[i % len(pool)]

    def hexs(self, n):
        return "".join(self.r.choice("0123456789abcdef") for _ in range(n))

    def alnum(self, n, alphabet="abcdefghijklmnopqrstuvwxyz0123456789"):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def ip(self):
        r = self.r
        return r.choice(["10.%d.%d.%d" % (r.randint(0, 40), r.randint(0, 255), r.randint(2, 250)),
                         "172.%d.%d.%d" % (r.randint(16, 31), r.randint(0, 255), r.randint(2, 250)),
                         "192.168.%d.%d" % (r.randint(0, 20), r.randint(2, 250))])

    def ms(self, lo=3, hi=9000):
        return "%dms" % self.r.randint(lo, hi)

    def secs(self, lo=0.2, hi=90.0):
        return "%.1fs" % self.r.uniform(lo, hi)

    def human_dur(self):
        r = self.r
        k = r.randint(0, 2)
        if k == 0:
            return "%d ms" % r.randint(4, 980)
        if k == 1:
            return "%.2f s" % r.uniform(1, 59)
        return "%d min %d s" % (r.randint(1, 14), r.randint(0, 59))

    def size_kb(self):
        r = self.r
        k = r.randint(0, 2)
        if k == 0:
            return "%.2f KB" % r.uniform(0.5, 999)
        if k == 1:
            return "%.2f MB" % r.uniform(1, 480)
        return "%d bytes" % r.randint(120, 1023)

    def size_mb(self):
        return "%.1f MB" % self.r.uniform(0.2, 900)


# ---------------------------------------------------------------- system base
class System:
    name = ""
    k = 0
    kind = "shuffle"
    header_re = ""
    events = []  # list of (key, level, logger, template)
    counts = []  # for shuffles, same order as events

    def __init__(self):
        self.rng = random.Random(BASE_SEED * 10 + self.k)
        self.g = Gen(self.rng)
        self.idx = {e[0]: i for i, e in enumerate(self.events)}

    # returns list of (ns, key, values, ctx)
    def produce(self):
        if self.kind == "shuffle":
            return self.shuffle()
        return self.simulate()

    def shuffle(self):
        r = self.rng
        seq = []
        for ev, c in zip(self.events, self.counts):
            seq.extend([ev[0]] * c)
        r.shuffle(seq)
        t = (7 * 3600 + r.randint(0, 3599)) * NS_S + r.randint(0, NS_S - 1)
        out = []
        for key in seq:
            t += int(r.expovariate(1.0 / self.mean_gap_s) * NS_S) + r.randint(0, NS_MS)
            out.append((t, key, self.values(key), None))
        return out

    def fill(self, template, values):
        parts = template.split("<*>")
        assert len(parts) == len(values) + 1, (template, values)
        s = parts[0]
        for v, p in zip(values, parts[1:]):
            s += str(v) + p
        return s

    def build(self):
        items = self.produce()
        items.sort(key=lambda x: x[0])
        items = items[:N_LINES]
        rows = []
        for t, key, vals, ctx in items:
            i = self.idx[key]
            _, level, logger, tpl = self.events[i]
            vals = [str(v) for v in vals]
            content = self.fill(tpl, vals)
            header = self.header(t, key, level, logger, ctx)
            rows.append((header + content, content, "E%d" % (i + 1), tpl))
        return rows


def merge_entities(entity_lists):
    allx = []
    for n, lst in enumerate(entity_lists):
        for j, it in enumerate(lst):
            allx.append((it[0], n, j, it))
    allx.sort(key=lambda x: (x[0], x[1], x[2]))
    return [x[3] for x in allx]


# ======================================================= 1. Artifactory (shuffle)
class Artifactory(System):
    name, k, kind = "Artifactory", 1, "shuffle"
    mean_gap_s = 9.0
    header_re = (r"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})Z \[jfrt \] \[(?:INFO |WARN |ERROR|DEBUG)\] "
                 r"\[(?:[0-9a-f]{16}| {16})\] \[[a-z](?:\.[a-z]+)*\.[A-Za-z]+:\d+\] \[[\w-]+\] - ")
    events = [
        ("dl_start", "INFO", "o.a.r.HttpRepo:442", "<*> downloading <*> <*>"),
        ("dl_done", "INFO", "o.a.r.HttpRepo:461", "<*> downloaded <*> <*> at <*>"),
        ("deploy", "INFO", "o.a.r.s.RepositoryServiceImpl:1288", "Deploy to '<*>' Content-Length: <*>"),
        ("mvn_meta", "INFO", "o.a.m.MavenMetadataCalculator:117", "Calculating maven metadata on '<*>'"),
        ("auth_ok", "INFO", "o.a.s.a.ArtifactoryAuthenticationFilterChain:204", "Successfully authenticated '<*>' from <*>"),
        ("gc_start", "INFO", "o.a.s.g.GarbageCollectorStrategy:86", "Starting GC strategy '<*>'"),
        ("gc_done", "INFO", "o.a.s.g.GarbageCollectorStrategy:131",
         "Finished GC strategy '<*>': <*> binaries removed, <*> freed, total execution time: <*>"),
        ("repl_start", "INFO", "o.a.a.r.PushReplicator:173", "Starting push replication of '<*>' to '<*>'"),
        ("repl_done", "INFO", "o.a.a.r.PushReplicator:219",
         "Completed push replication of '<*>' to '<*>': <*> artifacts (<*>) in <*>"),
        ("auth_fail", "WARN", "o.a.s.a.ArtifactoryAuthenticationFilterChain:231",
         "Failed to authenticate '<*>' from <*>: <*>"),
        ("repl_fail", "ERROR", "o.a.a.r.PushReplicator:248", "Failed to replicate '<*>' to '<*>': <*>"),
        ("remote_status", "WARN", "o.a.r.HttpRepo:503", "<*>: remote returned status <*> for <*>"),
        ("free_space", "WARN", "o.a.b.p.FileBinaryProviderBase:322",
         "Binary provider '<*>' free space is below threshold: <*> of <*> left (<*>%)"),
        ("checksum", "ERROR", "o.a.b.s.BinaryServiceImpl:689",
         "Checksum mismatch for '<*>': expected sha1 <*> but calculated <*>"),
    ]
    counts = [70, 55, 40, 30, 25, 20, 15, 12, 8, 7, 6, 5, 4, 3]
    remotes = ["maven-central-remote", "npm-remote", "docker-hub-remote", "pypi-remote", "gradle-plugins-remote"]
    locals_ = ["libs-release-local", "libs-snapshot-local", "docker-dev-local", "npm-internal-local",
               "generic-tools-local"]
    urls = {"maven-central-remote": "https://repo1.maven.org/maven2/",
            "npm-remote": "https://registry.npmjs.org/",
            "docker-hub-remote": "https://registry-1.docker.io/v2/",
            "pypi-remote": "https://files.pythonhosted.org/packages/",
            "gradle-plugins-remote": "https://plugins.gradle.org/m2/"}
    groups = ["org/apache/commons", "com/fasterxml/jackson/core", "io/netty", "org/slf4j", "com/google/guava",
              "com/acme/payments", "com/acme/ledger", "org/springframework/boot"]
    arts = ["commons-lang3", "jackson-databind", "netty-handler", "slf4j-api", "guava", "payments-core",
            "ledger-api", "spring-boot-starter-web"]
    users = ["admin", "ci-deployer", "jenkins", "mkowalski", "tnguyen", "release-bot", "anonymous", "aperez"]

    def artpath(self):
        r = self.rng
        i = r.randrange(len(self.groups))
        v = "%d.%d.%d" % (r.randint(1, 9), r.randint(0, 30), r.randint(0, 12))
        ext = r.choice(["jar", "pom", "jar.sha1", "module"])
        return "%s/%s/%s/%s-%s.%s" % (self.groups[i], self.arts[i], v, self.arts[i], v, ext)

    def values(self, key):
        g, r = self.g, self.rng
        c = lambda s, pool: g.cycle((key, s), pool)
        if key in ("dl_start", "dl_done"):
            rep = c(0, self.remotes)
            url = self.urls[rep] + self.artpath()
            if key == "dl_start":
                return [rep, url, g.size_kb()]
            return [rep, url, g.size_kb(), "%.2f KB/sec" % r.uniform(40, 98000)]
        if key == "deploy":
            return ["%s:%s" % (c(0, self.locals_), self.artpath()), r.randint(400, 250000000)]
        if key == "mvn_meta":
            i = r.randrange(len(self.groups))
            return ["%s:%s/%s" % (c(0, self.locals_[:2]), self.groups[i], self.arts[i])]
        if key == "auth_ok":
            return [c(0, self.users), g.ip()]
        if key == "auth_fail":
            return [c(0, self.users), g.ip(), c(2, ["Bad credentials", "User is locked out",
                                                      "Token has expired", "Invalid API key",
                                                      "User account is disabled"])]
        if key == "gc_start":
            return [c(0, ["TrashCanStrategy", "BinaryStoreStrategy", "UnusedArtifactsCleanup"])]
        if key == "gc_done":
            return [c(0, ["TrashCanStrategy", "BinaryStoreStrategy", "UnusedArtifactsCleanup"]),
                    r.randint(0, 8400), g.size_mb(), g.ms(20, 600000)]
        tgt = ["https://art-dr.eu-west.acme.io/artifactory/", "https://artifactory-backup.corp.local/artifactory/",
               "https://edge-syd01.acme.io/artifactory/"]
        if key == "repl_start":
            rep = c(0, self.locals_)
            return [rep, c(1, tgt) + rep]
        if key == "repl_done":
            rep = c(0, self.locals_)
            return [rep, c(1, tgt) + rep, r.randint(0, 3200), g.size_mb(), g.secs(0.4, 1800)]
        if key == "repl_fail":
            rep = c(0, self.locals_)
            return [rep, c(1, tgt) + rep, c(2, ["Connection reset by peer", "Read timed out",
                                                 "HTTP 401 Unauthorized from target",
                                                 "target repository does not exist"])]
        if key == "remote_status":
            rep = c(0, self.remotes)
            return [rep, c(1, ["404", "403", "502", "429", "500"]), self.urls[rep] + self.artpath()]
        if key == "free_space":
            return [c(0, ["file-system", "cache-fs", "s3-eventual"]), "%.1f GB" % r.uniform(1, 40),
                    "%d GB" % r.choice([500, 1000, 2000]), r.randint(1, 9)]
        if key == "checksum":
            return ["%s:%s" % (c(0, self.locals_), self.artpath()), g.hexs(40), g.hexs(40)]
        raise KeyError(key)

    def header(self, t, key, level, logger, ctx):
        g, r = self.g, self.rng
        req = key in ("dl_start", "dl_done", "deploy", "auth_ok", "auth_fail", "remote_status", "checksum",
                      "mvn_meta")
        trace = g.hexs(16) if (req and r.random() < 0.92) else " " * 16
        if req:
            thread = "http-nio-8081-exec-%d" % r.randint(1, 60)
        else:
            thread = r.choice(["art-exec-%d" % r.randint(1, 30), "replication-pool-%d" % r.randint(1, 6),
                               "pool-%d-thread-%d" % (r.randint(10, 40), r.randint(1, 4))])
        return "%s [jfrt ] [%-5s] [%s] [%s] [%s] - " % (ts_iso_z(t), level, trace, logger, thread)


# ======================================================= 2. Bamboo (simulation: builds, agents, deployments)
class Bamboo(System):
    name, k, kind = "Bamboo", 2, "sim"
    header_re = (r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) (?:INFO|WARN|ERROR|DEBUG) "
                 r"\[[^\]]+\] \[[A-Za-z]+\] ")
    events = [
        ("changes", "INFO", "ChangeDetectionListenerAction", "Detected <*> new change(s) in repository '<*>' for plan <*>"),
        ("manual", "INFO", "ManualBuildTriggerAction", "Build <*> was manually triggered by <*>"),
        ("queued", "INFO", "BuildQueueManagerImpl", "Build <*> added to the build queue (<*> capable agents)"),
        ("started", "INFO", "ExecuteBuildJob", "Build <*> started building on agent <*>"),
        ("task_start", "INFO", "TaskExecutorImpl", "Starting task '<*>' of type '<*>'"),
        ("task_end", "INFO", "TaskExecutorImpl", "Finished task '<*>' with result: <*>"),
        ("rc_fail", "ERROR", "ProcessServiceImpl", "Failing task since return code of [<*>] was <*> while expected 0"),
        ("artifact", "INFO", "ArtifactManagerImpl", "Publishing an artifact: <*> (<*>)"),
        ("finished", "INFO", "BuildAgentControllerImpl", "Finished building <*>."),
        ("result", "INFO", "BuildResultsSummaryManagerImpl", "Build <*> completed with state <*> in <*>"),
        ("agent_off", "WARN", "AgentManagerImpl", "Remote agent '<*>' went offline"),
        ("agent_on", "INFO", "AgentManagerImpl", "Remote agent '<*>' came online from <*>"),
        ("dep_start", "INFO", "DeploymentExecutionServiceImpl", "Deployment of release '<*>' to environment '<*>' started"),
        ("dep_end", "INFO", "DeploymentExecutionServiceImpl", "Deployment of release '<*>' to environment '<*>' finished with state <*>"),
        ("cleanup", "WARN", "WorkingDirectoryCleaner", "Unable to clean working directory <*>: <*>"),
    ]
    plans = ["CORE-API", "CORE-WEB", "PAY-GW", "PAY-BATCH", "MOB-ANDROID", "MOB-IOS", "OPS-TERRAFORM", "DATA-ETL"]
    repos = {"CORE-API": "core-api", "CORE-WEB": "core-web", "PAY-GW": "payment-gateway",
             "PAY-BATCH": "payment-batch", "MOB-ANDROID": "android-app", "MOB-IOS": "ios-app",
             "OPS-TERRAFORM": "infra-terraform", "DATA-ETL": "etl-pipelines"}
    tasks = [("Source Code Checkout", "com.atlassian.bamboo.plugins.vcs:task.vcs.checkout", "/usr/bin/git fetch --depth 50"),
             ("Maven 3.x", "com.atlassian.bamboo.plugins.maven:task.builder.mvn3", "/opt/maven/bin/mvn clean install -B"),
             ("Gradle build", "com.atlassian.bamboo.plugins.scripttask:task.builder.script", "./gradlew assemble"),
             ("npm test", "com.atlassian.bamboo.plugins.bamboo-nodejs-plugin:task.builder.npm", "/usr/bin/npm test"),
             ("Docker push", "com.atlassian.bamboo.plugins.bamboo-docker-plugin:task.docker.cli", "/usr/bin/docker push"),
             ("JUnit Parser", "com.atlassian.bamboo.plugins.testresultparser:task.testresultparser.junit", None),
             ("Run integration tests", "com.atlassian.bamboo.plugins.scripttask:task.builder.script", "/bin/sh run-it.sh")]
    agents = ["Default Agent", "linux-agent-01", "linux-agent-02", "linux-agent-07", "mac-agent-03",
              "docker-agent-12", "win-agent-05"]
    people = ["Sofia Marquez", "dkim", "Rahul Iyer", "jbrennan", "Chloe Dubois", "opsbot"]

    def simulate(self):
        g, r = self.g, self.rng
        ents = []
        t0 = 8 * 3600 * NS_S + r.randint(0, 600) * NS_S
        t = t0
        num = {p: r.randint(40, 900) for p in self.plans}
        for b in range(40):
            t += int(r.expovariate(1 / 55.0) * NS_S)
            plan = self.plans[b % len(self.plans)] if b < 8 else r.choice(self.plans)
            num[plan] += r.randint(1, 3)
            job = r.choice(["JOB1", "JOB1", "UT", "IT", "PKG"])
            key = "%s-%s-%d" % (plan, job, num[plan])
            pool = "BAM::PlanExec:pool-11-thread-%d" % r.randint(1, 8)
            lst = []
            c = t
            step = lambda a, b_: int(r.uniform(a, b_) * NS_S)
            if r.random() < 0.25:
                lst.append((c, "manual", ["%s-%d" % (plan, num[plan]), g.cycle(("manual", 1), self.people)], pool))
            else:
                lst.append((c, "changes", [r.randint(1, 9), self.repos[plan], plan], "AtlassianEvent::0-BAM::EVENTS:pool-1-thread-%d" % r.randint(1, 4)))
            c += step(0.05, 1.5)
            lst.append((c, "queued", [key, r.randint(1, 6)], pool))
            c += step(1, 40)
            agent = g.cycle(("started", 1), self.agents)
            athread = "%d-BAM::%s::Agent:pool-%d-thread-1" % (r.randint(0, 3), agent, r.randint(2, 6))
            lst.append((c, "started", [key, agent], athread))
            ntask = r.randint(2, 6)
            ok = (b % 5 != 2) and r.random() < 0.92
            state = "Successful"
            for ti in range(ntask):
                name, typ, cmd = self.tasks[0] if ti == 0 else r.choice(self.tasks[1:])
                if not ok and ti == ntask - 1 and cmd is None:
                    name, typ, cmd = self.tasks[1 + b % 4]
                c += step(0.1, 3)
                lst.append((c, "task_start", [name, typ], athread))
                c += step(2, 120)
                last = ti == ntask - 1
                if not ok and last and cmd:
                    lst.append((c, "rc_fail", [cmd, r.choice([1, 1, 2, 127, 137])], athread))
                    c += step(0.01, 0.2)
                    lst.append((c, "task_end", [name, "Failed"], athread))
                    state = "Failed"
                else:
                    lst.append((c, "task_end", [name, g.cycle(("task_end", 1), ["Success", "Success", "Success", "Skipped"])], athread))
            if state == "Failed" and not ok:
                pass
            elif not ok:
                state = "Failed"
            if state == "Successful":
                for _ in range(r.choice([0, 0, 1, 1, 2])):
                    c += step(0.2, 5)
                    lst.append((c, "artifact", [r.choice(["JAR", "WAR bundle", "test-reports", "docker-image-tag", "dist"]), g.size_mb()], athread))
            c += step(0.1, 2)
            lst.append((c, "finished", [key], athread))
            if b % 5 == 3:
                c += step(0.1, 1)
                lst.append((c, "cleanup", ["/home/bamboo/bamboo-agent-home/xml-data/build-dir/" + key,
                                           g.cycle(("cleanup", 1), ["Permission denied", "Directory not empty",
                                                                   "Device or resource busy"])], athread))
            c += step(0.1, 2)
            lst.append((c, "result", [key, state, g.human_dur()], pool))
            if state == "Successful" and b % 3 == 0:
                c += step(5, 60)
                rel = "release-%d.%d.%d" % (r.randint(1, 5), r.randint(0, 20), num[plan])
                env = g.cycle(("dep", 1), ["QA", "Staging", "Production", "Perf"])
                dthread = "BAM::DeploymentExec:pool-14-thread-%d" % r.randint(1, 4)
                lst.append((c, "dep_start", [rel, env], dthread))
                c += step(20, 120)
                lst.append((c, "dep_end", [rel, env, g.cycle(("dep_end", 2), ["SUCCESS", "SUCCESS", "FAILED"])], dthread))
            ents.append(lst)
        # remote agents flapping
        t = t0
        for a in range(8):
            t += int(r.expovariate(1 / 110.0) * NS_S)
            name = self.agents[1 + a % (len(self.agents) - 1)]
            th = "ActiveMQ Session Task-%d" % r.randint(100, 9999)
            off = t + int(r.uniform(1, 20) * NS_S)
            on = off + int(r.uniform(20, 150) * NS_S)
            ents.append([(off, "agent_off", [name], th), (on, "agent_on", [name, g.ip()], th)])
        return merge_entities(ents)

    def header(self, t, key, level, logger, ctx):
        return "%s %s [%s] [%s] " % (ts_comma(t), level, ctx, logger)


# ======================================================= 3. Confluence (shuffle)
class Confluence(System):
    name, k, kind = "Confluence", 3, "shuffle"
    mean_gap_s = 7.0
    header_re = (r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) (?:INFO|WARN|ERROR|DEBUG) "
                 r"\[[^\]]+\] \[[a-z]+(?:\.[a-z0-9]+)*\.[A-Za-z]+\] [a-zA-Z]+ ")
    events = [
        ("flush", "INFO", "confluence.impl.index.IndexQueueFlusher", "flushQueue", "Flushed <*> items in <*> milliseconds"),
        ("job_done", "INFO", "impl.schedule.caesium.JobRunnerWrapper", "runJob", "Scheduled job '<*>' completed in <*>"),
        ("macro_fail", "WARN", "confluence.macro.xhtml.ViewMacroMarshaller", "marshal", "Macro '<*>' on page <*> failed to render: <*>"),
        ("login_ok", "INFO", "confluence.user.ConfluenceAuthenticator", "login", "Successful login for user '<*>' from <*>"),
        ("attach", "INFO", "confluence.pages.DefaultAttachmentManager", "saveAttachment", "Attachment '<*>' (<*>) uploaded to page <*> by <*>"),
        ("slow_req", "WARN", "confluence.util.profiling.SlowRequestMonitor", "afterRequest", "Request to <*> took <*> which exceeds the threshold of 10000ms"),
        ("cache_clear", "INFO", "confluence.cache.hazelcast.ClusterCacheManager", "clear", "Cluster cache '<*>' cleared (<*> entries)"),
        ("login_fail", "WARN", "confluence.user.ConfluenceAuthenticator", "login", "Failed login attempt for user '<*>' from <*>"),
        ("plugin_en", "INFO", "plugin.manager.DefaultPluginManager", "enablePlugins", "Enabled plugin '<*>' version <*>"),
        ("plugin_dis", "INFO", "plugin.manager.DefaultPluginManager", "disablePlugin", "Disabled plugin '<*>' version <*>"),
        ("synchrony", "WARN", "confluence.plugins.synchrony.SynchronyMonitor", "checkHealth", "Synchrony connection for content <*> restored after <*>"),
        ("reindex", "INFO", "confluence.search.v2.ReIndexTask", "reIndex", "Rebuilding index for space <*>: <*> of <*> pages done"),
        ("mail_fail", "ERROR", "confluence.mail.MailServerConnector", "connect", "Unable to connect to mail server <*>:<*>: <*>"),
    ]
    counts = [72, 48, 40, 34, 28, 22, 16, 11, 9, 7, 6, 4, 3]
    users = ["jmiller", "akhan", "lpetrov", "confluence-admin", "rsato", "mgarcia", "ewilson", "bchen"]
    spaces = ["ENG", "HR", "OPS", "SALES", "DOCS", "~jmiller", "PLAT"]
    plugins = [("com.atlassian.confluence.plugins.confluence-roadmap-plugin", "9.1.4"),
               ("com.atlassian.plugins.atlassian-connect-plugin", "1.2711.0"),
               ("com.gliffy.integration.confluence", "10.3.2"),
               ("com.atlassian.confluence.extra.team-calendars", "8.0.17"),
               ("net.customware.confluence.plugin.scaffolding", "9.3.0"),
               ("com.atlassian.confluence.plugins.confluence-questions", "3.0.11")]

    def values(self, key):
        g, r = self.g, self.rng
        c = lambda s, pool: g.cycle((key, s), pool)
        if key == "flush":
            return [r.randint(0, 400), r.randint(1, 4200)]
        if key == "job_done":
            return [c(0, ["IndexQueueFlusher", "ClusterSafetyJob", "DailyReportJob", "TrashCleanupJob",
                          "mailQueueFlushJob", "AnalyticsUploadJob"]), g.ms(1, 60000)]
        if key == "macro_fail":
            return [c(0, ["jira", "include", "excerpt-include", "gliffy", "roadmap", "code"]),
                    r.randint(100000, 98000000),
                    c(2, ["Unable to resolve page link", "The included page could not be found.",
                          "Read timed out", "Error rendering macro: java.lang.NullPointerException",
                          "Application link is not configured"])]
        if key == "login_ok":
            return [c(0, self.users), g.ip()]
        if key == "login_fail":
            return [c(0, self.users + ["admin", "root"]), g.ip()]
        if key == "attach":
            return [c(0, ["architecture.png", "Q1-report.pdf", "release-notes.docx", "screenshot 2026-03-13.png",
                          "budget.xlsx", "diagram.drawio"]), g.size_kb(), r.randint(100000, 98000000), c(3, self.users)]
        if key == "slow_req":
            return [c(0, ["/rest/api/content/search", "/display/ENG/Home", "/pages/viewpage.action",
                          "/rest/quickreload/latest/", "/plugins/servlet/gliffy/edit"]), "%dms" % r.randint(10001, 95000)]
        if key == "cache_clear":
            return [c(0, ["com.atlassian.confluence.core.ContentEntityObject", "com.atlassian.user.impl.DefaultUser",
                          "bandana", "com.atlassian.confluence.security.PermissionCheck"]), r.randint(0, 90000)]
        if key in ("plugin_en", "plugin_dis"):
            p = c(0, self.plugins)
            return list(p)
        if key == "synchrony":
            return [r.randint(100000, 98000000), g.secs(1, 600)]
        if key == "reindex":
            tot = r.randint(50, 9000)
            return [c(0, self.spaces), r.randint(1, tot), tot]
        if key == "mail_fail":
            return [c(0, ["smtp.corp.example", "mail.internal.lan", "smtp.office-relay.net"]),
                    c(1, ["25", "587", "465"]),
                    c(2, ["Connection refused", "Connection timed out", "535 Authentication failed",
                          "Could not convert socket to TLS"])]
        raise KeyError(key)

    def __init__(self):
        self.events = [(k, lv, lg, tpl) for (k, lv, lg, _m, tpl) in Confluence.events]
        self.methods = {e[0]: e[3] for e in Confluence.events}
        System.__init__(self)

    def header(self, t, key, level, logger, ctx):
        r = self.rng
        if key in ("login_ok", "login_fail", "attach", "slow_req", "macro_fail"):
            th = "http-nio-8090-exec-%d" % r.randint(1, 48)
        elif key in ("plugin_en", "plugin_dis"):
            th = r.choice(["UpmAsynchronousTaskManager:thread-%d" % r.randint(1, 3), "ThreadPoolAsyncTaskExecutor::Thread %d" % r.randint(1, 40)])
        else:
            th = "Caesium-%d-%d" % (r.randint(1, 2), r.randint(1, 4))
        return "%s %s [%s] [%s] %s " % (ts_comma(t), level, th, logger, self.methods[key])


# ======================================================= 4. Jira (shuffle)
class Jira(System):
    name, k, kind = "Jira", 4, "shuffle"
    mean_gap_s = 6.0
    header_re = (r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3})\+0000 \S+ (?:INFO|WARN|ERROR|DEBUG) "
                 r"(?:\S+ \d+x\d+x\d+ [a-z0-9]+ [\d.]+ /\S* |ServiceRunner     |      )"
                 r"\[[a-z](?:\.[a-z]+)*\.[A-Za-z]+\] ")
    events = [
        ("wh_send", "INFO", "c.a.w.i.publish.WebhookPublisher", "Sending webhook '<*>' for event <*> to <*>", "svc"),
        ("job_run", "INFO", "c.a.j.s.ServiceRunner", "Running scheduled job '<*>'", "svc"),
        ("job_fin", "INFO", "c.a.j.s.ServiceRunner", "Scheduled job '<*>' finished in <*>", "svc"),
        ("transition", "INFO", "c.a.j.w.OSWorkflowManager", "Issue <*> transitioned from '<*>' to '<*>' by <*>", "req"),
        ("reindexed", "INFO", "c.a.j.i.index.DefaultIndexManager", "Re-indexed <*> issues in <*>", "svc"),
        ("login_ok", "INFO", "c.a.j.s.login.LoginLoggers", "Login succeeded for user '<*>' from <*>", "req"),
        ("mail_ok", "INFO", "c.a.j.s.util.handler.CreateOrCommentHandler", "Mail handler '<*>' processed <*> message(s) from <*>", "svc"),
        ("wh_fail", "WARN", "c.a.w.i.publish.WebhookPublisher", "Webhook '<*>' delivery to <*> failed with status <*>, will retry in <*>", "svc"),
        ("login_fail", "WARN", "c.a.j.s.login.LoginLoggers", "Login failed for user '<*>' from <*>", "req"),
        ("perm", "WARN", "c.a.j.w.a.issue.ViewIssue", "Permission denied: user <*> cannot browse project <*>", "req"),
        ("outmail", "INFO", "c.a.j.m.queue.MailQueueImpl", "Outgoing mail queue flushed: <*> sent, <*> failed", "svc"),
        ("slowsql", "WARN", "c.a.j.o.DatabaseSlowQueryLogger", "Slow query detected (<*>): <*>", "req"),
        ("mail_err", "ERROR", "c.a.j.s.util.handler.CreateOrCommentHandler", "Mail handler '<*>' could not create issue from message <*>: <*>", "svc"),
        ("attach_big", "WARN", "c.a.j.w.a.issue.AttachFile", "Attachment '<*>' for issue <*> exceeds the maximum size of <*>", "req"),
    ]
    counts = [66, 45, 43, 34, 26, 22, 18, 13, 10, 8, 6, 3, 3, 3]
    users = ["j.smith", "p.oconnor", "hsuzuki", "admin", "m.rossi", "kwame.a", "sys-integration", "l.fischer"]
    projects = ["WEB", "OPS", "SUP", "FIN", "MOB", "DATA"]
    jobs = ["com.atlassian.jira.service.JiraService:10000", "MailQueueService", "LDAP Sync",
            "com.atlassian.jira.index.ha.ReplicatedIndexManager", "Backup Service", "IssueEscalationJob"]

    def __init__(self):
        self.kinds = {e[0]: e[4] for e in Jira.events}
        self.events = [e[:4] for e in Jira.events]
        System.__init__(self)

    def issue(self):
        return "%s-%d" % (self.rng.choice(self.projects), self.rng.randint(1, 9800))

    def values(self, key):
        g, r = self.g, self.rng
        c = lambda s, pool: g.cycle((key, s), pool)
        hooks = ["Slack notifier", "CI trigger", "ServiceNow sync", "Audit forwarder", "Zapier bridge"]
        if key == "wh_send":
            return [c(0, hooks), c(1, ["jira:issue_created", "jira:issue_updated", "comment_created",
                                       "jira:issue_deleted", "sprint_started"]),
                    c(2, ["https://hooks.slack.example/services/T02/B7/x9", "https://ci.acme.io/jira-hook",
                          "https://acme.service-now.example/api/jira", "https://audit.acme.io/ingest"]) ]
        if key == "wh_fail":
            return [c(0, hooks), c(1, ["https://ci.acme.io/jira-hook", "https://audit.acme.io/ingest",
                                       "https://hooks.zapier.example/h/81233"]),
                    c(2, ["500", "503", "404", "408"]), c(3, ["30 seconds", "2 minutes", "10 minutes"])]
        if key == "job_run":
            return [c(0, self.jobs)]
        if key == "job_fin":
            return [c(0, self.jobs), g.ms(2, 240000)]
        if key == "transition":
            st = ["Open", "In Progress", "In Review", "Done", "Reopened", "Blocked", "To Do"]
            a = c(1, st)
            b = c(2, st[::-1])
            if a == b:
                b = "Closed"
            return [self.issue(), a, b, c(3, self.users)]
        if key == "reindexed":
            return [r.randint(1, 20000), g.ms(5, 900000)]
        if key in ("login_ok", "login_fail"):
            return [c(0, self.users), g.ip()]
        if key == "mail_ok":
            return [c(0, ["Support inbox", "Ops alerts", "Finance requests"]), r.randint(0, 40),
                    c(2, ["support@acme.example", "alerts@acme.example", "finance@acme.example"])]
        if key == "mail_err":
            return [c(0, ["Support inbox", "Ops alerts", "Finance requests"]),
                    "<%s@mail.acme.example>" % g.hexs(12),
                    c(2, ["No default reporter configured", "Project FIN does not exist",
                          "Field 'Component' is required", "message body could not be decoded"])]
        if key == "perm":
            return [c(0, self.users), c(1, self.projects)]
        if key == "outmail":
            return [r.randint(0, 300), r.randint(0, 12)]
        if key == "slowsql":
            return [g.ms(1200, 40000), c(1, [
                "select ID, pkey, issuenum, PROJECT from jiraissue where PROJECT = ? order by UPDATED desc",
                "SELECT COUNT(*) FROM changegroup cg JOIN changeitem ci ON ci.groupid = cg.ID WHERE cg.issueid = ?",
                "update propertystring set propertyvalue = ? where ID = ?",
                "select * from AO_60DB71_RAPIDVIEW where ID in (?, ?, ?)"])]
        if key == "attach_big":
            return [c(0, ["heapdump.hprof", "video-repro.mp4", "logs-2026-03-13.tar.gz", "export.csv"]),
                    self.issue(), c(2, ["10.00 MB", "25.00 MB", "100.00 MB"])]
        raise KeyError(key)

    def header(self, t, key, level, logger, ctx):
        g, r = self.g, self.rng
        ts = ts_comma(t) + "+0000"
        if self.kinds[key] == "req":
            th = "http-nio-8080-exec-%d" % r.randint(1, 80)
            u = r.choice(self.users)
            minute = (t // NS_S // 60) % 1440
            reqid = "%dx%dx%d" % (minute, r.randint(100, 99999), r.randint(1, 4))
            sess = g.alnum(7)
            url = r.choice(["/rest/api/2/issue", "/secure/Dashboard.jspa", "/login.jsp", "/browse/",
                            "/secure/AttachFile.jspa", "/rest/api/2/search", "/secure/WorkflowUIDispatcher.jspa"])
            return "%s %s %s %s %s %s %s %s [%s] " % (ts, th, level, u, reqid, sess, g.ip(), url, logger)
        if r.random() < 0.85:
            th = "Caesium-1-%d" % r.randint(1, 4)
            return "%s %s %s ServiceRunner     [%s] " % (ts, th, level, logger)
        th = r.choice(["JiraTaskExecutionThread-%d" % r.randint(1, 4), "pool-%d-thread-%d" % (r.randint(5, 30), r.randint(1, 9))])
        return "%s %s %s       [%s] " % (ts, th, level, logger)


# ======================================================= 5. Bitbucket (simulation: SSH/HTTP git sessions, PR merges, repo GC)
class Bitbucket(System):
    name, k, kind = "Bitbucket", 5, "sim"
    header_re = (r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) (?:INFO |WARN |ERROR|DEBUG) \[[^\]]+\] "
                 r"(?:\S+ @[0-9A-Z]+x\d+x\d+x\d+ [a-z0-9]+ [\d.]+ (?:\"[A-Z]+ \S+ HTTP/1\.1\"|SSH - git-[a-z-]+ '\S+') | )"
                 r"[a-z](?:\.[a-z]+)*\.[A-Za-z]+ ")
    events = [
        ("ssh_open", "INFO", "c.a.b.i.s.s.SshSessionManager", "SSH session <*> opened for user <*> with key <*>"),
        ("ssh_close", "INFO", "c.a.b.i.s.s.SshSessionManager", "SSH session <*> closed after <*>"),
        ("push", "INFO", "c.a.b.i.s.g.p.GitReceivePackHandler", "Processing push to <*>: <*> ref change(s)"),
        ("hook_ok", "INFO", "c.a.b.i.h.r.DefaultRepositoryHookService", "Pre-receive hook '<*>' accepted push to <*>"),
        ("hook_rej", "WARN", "c.a.b.i.h.r.DefaultRepositoryHookService", "Pre-receive hook '<*>' rejected push to <*>: <*>"),
        ("post_hook", "INFO", "c.a.b.i.h.r.DefaultRepositoryHookService", "Post-receive hook '<*>' completed for <*> in <*>"),
        ("cache_hit", "INFO", "c.a.b.i.s.c.ScmCacheFilter", "Serving <*> for <*> from the SCM cache (<*>)"),
        ("cache_miss", "INFO", "c.a.b.i.s.c.ScmCacheFilter", "SCM cache miss for <*>, streaming <*> directly"),
        ("rescope", "INFO", "c.a.b.i.p.PullRequestRescopeListener", "Rescoping <*> open pull request(s) in <*> after update of <*>"),
        ("pr_merge", "INFO", "c.a.b.i.p.DefaultPullRequestService", "Pull request #<*> in <*> merged into <*> by <*> using strategy '<*>'"),
        ("pr_decline", "INFO", "c.a.b.i.p.DefaultPullRequestService", "Pull request #<*> in <*> declined by <*>"),
        ("git_exit", "ERROR", "c.a.b.i.s.g.c.GitCommandExitHandler", "<*> exited with code <*>: <*>"),
        ("gc_start", "INFO", "c.a.b.i.s.g.g.GitGcExecutor", "Starting git gc for repository <*> (<*> loose objects)"),
        ("gc_end", "INFO", "c.a.b.i.s.g.g.GitGcExecutor", "Finished git gc for repository <*> in <*>"),
    ]
    users = ["nhall", "priya.s", "tomasz", "build-svc", "eva.lind", "okoro", "g.mueller", "yuki"]
    repos = ["PLAT/platform-core", "PLAT/auth-service", "WEB/storefront", "WEB/design-system", "DATA/airflow-dags",
             "MOB/android", "~nhall/dotfiles", "OPS/helm-charts"]
    hooks_pre = ["Reject Force Push", "Verify Committer", "Yet Another Commit Checker", "Protect branch master",
                 "Jira Issue Key Checker"]
    hooks_post = ["Bamboo Trigger", "Webhook to Jenkins", "Slack Notifications", "Mirror Sync"]

    def rid(self, t):
        g, r = self.g, self.rng
        minute = (t // NS_S // 60) % 1440
        return "@%s" % g.alnum(7, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") + "x%dx%dx%d" % (minute, r.randint(100, 9999), r.randint(0, 3))

    def simulate(self):
        g, r = self.g, self.rng
        ents = []
        t0 = 9 * 3600 * NS_S + r.randint(0, 1200) * NS_S
        step = lambda a, b: int(r.uniform(a, b) * NS_S)
        t = t0
        for e in range(110):
            t += int(r.expovariate(1 / 14.0) * NS_S)
            user = g.cycle(("user",), self.users)
            repo = r.choice(self.repos)
            slug = "/%s.git" % repo.lower()
            ip = g.ip()
            sess = g.alnum(7)
            lst = []
            c = t
            kind = r.random()
            if e % 12 == 7:
                kind = 1.0
            elif kind >= 0.96:
                kind = 0.9
            if kind < 0.55:  # SSH session
                sid = "%d" % r.randint(1000, 999999)
                fp = ":".join(g.hexs(2) for _ in range(6)) + "..."
                fp = "SHA256:" + g.alnum(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
                push = r.random() < 0.5
                action = "SSH - git-%s '%s'" % ("receive-pack" if push else "upload-pack", slug)
                th = "ssh-scm-request-handler"
                hctx = (th, user, self.rid(c), sess, ip, action)
                lst.append((c, "ssh_open", [sid, user, fp], hctx))
                c += step(0.05, 0.5)
                lst += self.operation(c, push, repo, user, hctx)
                c = lst[-1][0] + step(0.05, 2)
                lst.append((c, "ssh_close", [sid, g.ms(80, 60000)], hctx))
            elif kind < 0.85:  # HTTP
                push = r.random() < 0.3
                action = '"%s /scm/%s.git/%s HTTP/1.1"' % ("POST", repo.lower(), "git-receive-pack" if push else "git-upload-pack")
                th = "http-nio-7990-exec-%d" % r.randint(1, 200)
                hctx = (th, user, self.rid(c), sess, ip, action)
                lst += self.operation(c, push, repo, user, hctx)
            elif kind < 0.96:  # PR action via REST
                th = "http-nio-7990-exec-%d" % r.randint(1, 200)
                prid = r.randint(1, 4200)
                action = '"POST /rest/api/latest/projects/%s/repos/%s/pull-requests/%d/%s HTTP/1.1"' % (
                    repo.split("/")[0], repo.split("/")[1], prid, "merge")
                hctx = (th, user, self.rid(c), sess, ip, action)
                if r.random() < 0.6:
                    lst.append((c, "pr_merge", [prid, repo, g.cycle(("pr", 2), ["master", "main", "develop", "release/2026.03"]), user,
                                                g.cycle(("pr", 4), ["merge-commit", "squash", "rebase-no-ff", "fast-forward"])], hctx))
                else:
                    hctx = hctx[:5] + (hctx[5].replace("/merge ", "/decline "),)
                    lst.append((c, "pr_decline", [prid, repo, user], hctx))
            else:  # background GC
                th = "threadpool:thread-%d" % r.randint(1, 12)
                hctx = (th,)
                lst.append((c, "gc_start", [repo, r.randint(300, 90000)], hctx))
                lst.append((c + step(3, 60), "gc_end", [repo, g.secs(2, 190)], hctx))
            ents.append(lst)
        return merge_entities(ents)

    def operation(self, c, push, repo, user, hctx):
        g, r = self.g, self.rng
        step = lambda a, b: int(r.uniform(a, b) * NS_S)
        out = []
        if not push:
            if r.random() < 0.6:
                out.append((c, "cache_hit", [g.cycle(("hit", 0), ["git-upload-pack", "info/refs", "clone pack"]), repo,
                                             g.size_mb()], hctx))
            else:
                out.append((c, "cache_miss", [repo, g.cycle(("miss", 1), ["git-upload-pack", "git-upload-pack --stateless-rpc", "info/refs"])], hctx))
            if r.random() < 0.06:
                c += step(0.5, 30)
                out.append((c, "git_exit", ["git-upload-pack", r.choice([128, 1, 141]),
                                            g.cycle(("gx", 2), ["fatal: the remote end hung up unexpectedly",
                                                                 "error: pack-objects died of signal 13",
                                                                 "fatal: early EOF"])], hctx))
            return out
        nref = r.randint(1, 4)
        out.append((c, "push", [repo, nref], hctx))
        rejected = False
        for h in r.sample(self.hooks_pre, r.randint(2, 5)):
            c += step(0.02, 1.5)
            self.npush = getattr(self, "npush", 0) + 1
            if self.npush % 13 == 6:
                out.append((c, "hook_rej", [h, repo, g.cycle(("rej", 2), [
                    "commit 3f9ac12 does not reference a Jira issue", "force push to refs/heads/master is not allowed",
                    "committer email does not match the pushing user", "branch master is read-only"])], hctx))
                rejected = True
                break
            out.append((c, "hook_ok", [h, repo], hctx))
        if rejected:
            c += step(0.01, 0.3)
            out.append((c, "git_exit", ["git-receive-pack", 1, "pre-receive hook declined"], hctx))
            return out
        for h in r.sample(self.hooks_post, r.randint(1, 2)):
            c += step(0.1, 4)
            out.append((c, "post_hook", [h, repo, g.ms(5, 9000)], (hctx[0].replace("ssh-scm-request-handler", "AtlassianEvent::thread-%d" % r.randint(1, 9)),) + hctx[1:]))
        if r.random() < 0.6:
            c += step(0.2, 5)
            out.append((c, "rescope", [r.randint(1, 14), repo, g.cycle(("rs", 2), ["refs/heads/master", "refs/heads/develop",
                                                                                   "refs/heads/feature/SHOP-%d" % r.randint(10, 999)])],
                        ("pullrequest-rescope:thread-%d" % r.randint(1, 4),)))
        return out

    def header(self, t, key, level, logger, ctx):
        ts = ts_comma(t)
        if len(ctx) == 1:
            return "%s %-5s [%s]  %s " % (ts, level, ctx[0], logger)
        th, user, rid, sess, ip, action = ctx
        return "%s %-5s [%s] %s %s %s %s %s %s " % (ts, level, th, user, rid, sess, ip, action, logger)


# ======================================================= 6. Crowd (shuffle)
class Crowd(System):
    name, k, kind = "Crowd", 6, "shuffle"
    mean_gap_s = 11.0
    header_re = (r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) \S+ (?:INFO|WARN|ERROR|DEBUG) "
                 r"\[[a-z]+(?:\.[a-z]+)*\.[A-Za-z]+\] ")
    events = [
        ("auth_ok", "INFO", "crowd.manager.application.ApplicationServiceGeneric", "User [ <*> ] authenticated successfully for application [ <*> ]"),
        ("tok_new", "INFO", "crowd.manager.token.TokenAuthenticationManagerImpl", "Created SSO session token for user [ <*> ] from <*>"),
        ("found_users", "INFO", "crowd.directory.ldap.cache.RemoteDirectoryCacheRefresher", "found [ <*> ] remote users in [ <*> ]"),
        ("found_groups", "INFO", "crowd.directory.ldap.cache.RemoteDirectoryCacheRefresher", "found [ <*> ] remote groups in [ <*> ]"),
        ("tok_inv", "INFO", "crowd.manager.token.TokenAuthenticationManagerImpl", "Invalidated SSO session token for user [ <*> ]"),
        ("sync_start", "INFO", "crowd.manager.directory.DirectorySynchroniserImpl", "synchronisation for directory [ <*> ] starting"),
        ("sync_done", "INFO", "crowd.manager.directory.DirectorySynchroniserImpl", "synchronisation complete for directory [ <*> ] in [ <*> ]"),
        ("auth_fail", "WARN", "crowd.manager.application.ApplicationServiceGeneric", "Authentication failed for user [ <*> ] in application [ <*> ]: <*>"),
        ("added", "INFO", "crowd.directory.DbCachingRemoteChangeOperations", "added [ <*> ] users successfully in [ <*> ]"),
        ("reaper", "INFO", "crowd.manager.token.reaper.TokenReaper", "Token reaper removed [ <*> ] expired tokens in [ <*> ]"),
        ("incr_fallback", "WARN", "crowd.manager.directory.DirectorySynchroniserImpl",
         "INCREMENTAL synchronisation for directory [ <*> ] was not completed, falling back to a full synchronisation"),
        ("client_denied", "WARN", "crowd.integration.rest.filter.ApplicationAuthorizationFilter",
         "Client <*> is not permitted to connect to application [ <*> ]"),
        ("dir_down", "ERROR", "crowd.directory.ldap.SpringLDAPConnector", "Directory [ <*> ] is unreachable: <*>"),
    ]
    counts = [75, 52, 38, 30, 27, 24, 18, 12, 8, 6, 4, 3, 3]
    users = ["aramos", "b.okafor", "clee", "dvorak", "e.santos", "f.hassan", "gwen.t", "svc-jira", "svc-confluence"]
    apps = ["jira", "confluence", "bitbucket", "bamboo", "crowd", "fisheye", "google-apps"]
    dirs = ["32769", "65537", "98305", "131073"]

    def values(self, key):
        g, r = self.g, self.rng
        c = lambda s, pool: g.cycle((key, s), pool)
        if key == "auth_ok":
            return [c(0, self.users), c(1, self.apps)]
        if key == "auth_fail":
            return [c(0, self.users + ["admin", "test"]), c(1, self.apps),
                    c(2, ["Failed to authenticate principal, password was invalid", "Account is inactive",
                          "User does not exist in any directory", "Password has expired",
                          "Maximum failed login attempts reached"])]
        if key == "tok_new":
            return [c(0, self.users), g.ip()]
        if key == "tok_inv":
            return [c(0, self.users)]
        if key in ("found_users", "found_groups", "added", "reaper"):
            return [r.randint(0, 12000), g.ms(1, 45000)]
        if key == "sync_start":
            return [c(0, self.dirs)]
        if key == "sync_done":
            return [c(0, self.dirs), g.ms(30, 900000)]
        if key == "incr_fallback":
            return [c(0, self.dirs)]
        if key == "client_denied":
            return [g.ip(), c(1, self.apps)]
        if key == "dir_down":
            return [c(0, ["Corporate AD", "OpenLDAP (EU)", "Partner LDAP"]),
                    c(1, ["ldap.corp.example:636; nested exception is javax.naming.CommunicationException",
                          "Connection timed out", "[LDAP: error code 49 - Invalid Credentials]",
                          "ldaps://dc02.corp.example:636: connection refused"])]
        raise KeyError(key)

    def header(self, t, key, level, logger, ctx):
        r = self.rng
        if key in ("auth_ok", "auth_fail", "tok_new", "tok_inv", "client_denied"):
            th = "http-nio-8095-exec-%d" % r.randint(1, 60)
        else:
            th = "Caesium-1-%d" % r.randint(1, 4)
        return "%s %s %s [%s] " % (ts_comma(t), th, level, logger)


SYSTEMS = [Artifactory, Bamboo, Confluence, Jira, Bitbucket, Crowd]


# ---------------------------------------------------------------- writing + self-check
def write_system(sysobj):
    rows = sysobj.build()
    d = os.path.join(OUT, sysobj.name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, sysobj.name + ".log"), "w", encoding="utf-8", newline="\n") as f:
        for raw, _, _, _ in rows:
            f.write(raw + "\n")
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
    for i, (_, content, eid, tpl) in enumerate(rows, 1):
        w.writerow([i, content, eid, tpl])
    with open(os.path.join(d, sysobj.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    return 2


def check_system(sysobj):
    name = sysobj.name
    d = os.path.join(OUT, name)
    with open(os.path.join(d, name + ".log"), "rb") as f:
        data = f.read()
    assert data.endswith(b"\n") and b"\r" not in data, name
    raw_lines = data.decode("utf-8").split("\n")[:-1]
    assert len(raw_lines) == N_LINES, (name, len(raw_lines))
    with open(os.path.join(d, name + ".log_structured.csv"), "rb") as f:
        cdata = f.read()
    assert cdata.endswith(b"\n") and b"\r" not in cdata, name
    rows = list(csv.reader(io.StringIO(cdata.decode("utf-8"), newline="")))
    assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], name
    rows = rows[1:]
    assert len(rows) == N_LINES, name
    hre = re.compile(sysobj.header_re)
    last_ts = -1
    tpl_of = {}
    counts = {}
    caps = {}
    for i, (row, raw) in enumerate(zip(rows, raw_lines), 1):
        assert len(row) == 4, (name, i)
        lid, content, eid, tpl = row
        assert lid == str(i), (name, i)
        assert content and content == content.strip(), (name, i)
        assert "\n" not in content and "\n" not in raw
        assert raw.endswith(content), (name, i)
        head = raw[: len(raw) - len(content)]
        m = hre.fullmatch(head)
        assert m, (name, i, head)
        ts = int(re.sub(r"\D", "", m.group("ts")))
        assert ts >= last_ts, (name, i, "time went back")
        last_ts = ts
        assert re.fullmatch(r"E\d+", eid), (name, i)
        if eid in tpl_of:
            assert tpl_of[eid] == tpl, (name, eid)
        tpl_of[eid] = tpl
        counts[eid] = counts.get(eid, 0) + 1
        rx = "".join("(.+?)" if p == "<*>" else re.escape(p) for p in re.split(r"(<\*>)", tpl))
        mm = re.fullmatch(rx, content)
        assert mm, (name, i, tpl, content)
        for j, v in enumerate(mm.groups()):
            caps.setdefault((eid, j), set()).add(v)
    assert len(set(tpl_of.values())) == len(tpl_of), (name, "templates not distinct")
    declared = ["E%d" % (i + 1) for i in range(len(sysobj.events))]
    assert sorted(tpl_of, key=lambda e: int(e[1:])) == declared, (name, "not all declared events used", sorted(counts))
    for e, (_, _, _, tpl) in zip(declared, sysobj.events):
        assert tpl_of[e] == tpl, (name, e)
    for key, vals in caps.items():
        assert len(vals) >= 2, (name, key, vals)
    for e in declared:
        n_slots = tpl_of[e].count("<*>")
        for j in range(n_slots):
            assert (e, j) in caps
    cs = sorted(counts.values())
    assert 12 <= len(cs) <= 15, (name, len(cs))
    assert min(cs) >= 3, (name, counts)
    assert sum(1 for c in cs if 3 <= c <= 10) >= 3, (name, counts)
    med = statistics.median(cs)
    assert max(cs) >= 3 * med, (name, counts, med)
    return counts


def main():
    nfiles = 0
    for cls in SYSTEMS:
        s = cls()
        nfiles += write_system(s)
    for cls in SYSTEMS:
        s = cls()
        counts = check_system(s)
        cs = sorted(counts.values(), reverse=True)
        print("%-12s %-7s events=%2d lines=%d max=%d median=%s min=%d  OK" % (
            s.name, s.kind, len(counts), sum(cs), cs[0], statistics.median(cs), cs[-1]))
    print("files written by generate.py: %d" % nfiles)


if __name__ == "__main__":
    main()
