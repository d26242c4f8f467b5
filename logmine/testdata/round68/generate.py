#!/usr/bin/env python3
"""Round 68 blind labelled log corpus generator.

Python 3 standard library only.  Fully deterministic: no wall clock, no locale.
Base seed 20270192; system k (1..6) uses random.Random(20270192 * 10 + k).
All times come from an integer nanosecond clock on 2026-03-14 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for every system and then self-checks every file it wrote.
"""
import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270192
OUT = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300

# Fixed month list (never the locale).  The formats used here are numeric,
# but the list is kept so no code path can ever consult the locale.
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, DAY = 2026, 3, 14
DATE_TEXT = "%04d-%02d-%02d" % (YEAR, MONTH, DAY)
assert MONTHS[MONTH - 1] == "Mar"

NS = 1_000_000_000
MS = 1_000_000
US = 1_000
SEC = NS


# --------------------------------------------------------------------------
# time helpers (integer nanoseconds since 2026-03-14T00:00:00Z)
# --------------------------------------------------------------------------
def ts_parts(ns):
    assert 0 <= ns < 86400 * NS, "clock left 2026-03-14"
    ms_total = ns // MS
    h, rem = divmod(ms_total, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return h, m, s, ms


def iso_z(ns):
    h, m, s, ms = ts_parts(ns)
    return "%sT%02d:%02d:%02d.%03dZ" % (DATE_TEXT, h, m, s, ms)


def hms(ns):
    h, m, s, ms = ts_parts(ns)
    return "%02d:%02d:%02d.%03d" % (h, m, s, ms)


def at(h, m, s=0):
    return ((h * 60 + m) * 60 + s) * NS


def _trim(n, unit):
    i, f = divmod(n, unit)
    if f == 0:
        return str(i)
    width = len(str(unit)) - 1
    return "%d.%s" % (i, str(f).rjust(width, "0").rstrip("0"))


def go_dur(ns):
    """Go time.Duration.String()."""
    if ns < US:
        return "%dns" % ns
    if ns < MS:
        return _trim(ns, US) + "\u00b5s"
    if ns < NS:
        return _trim(ns, MS) + "ms"
    h, rem = divmod(ns, 3600 * NS)
    m, rem = divmod(rem, 60 * NS)
    out = ""
    if h:
        out += "%dh" % h
    if h or m:
        out += "%dm" % m
    return out + _trim(rem, NS) + "s"


def round_ms(ns):
    return (ns // MS) * MS


# --------------------------------------------------------------------------
# value helpers
# --------------------------------------------------------------------------
HEX = "0123456789abcdef"


def hexs(r, n):
    return "".join(r.choice(HEX) for _ in range(n))


def uuid4(r):
    h = hexs(r, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], r.choice("89ab"), h[17:20], h[20:])


def fill(tpl, vals):
    parts = tpl.split("<*>")
    if len(vals) != len(parts) - 1:
        raise ValueError("template %r wants %d values, got %r" % (tpl, len(parts) - 1, vals))
    out = parts[0]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        if not v or "\n" in v or "\r" in v:
            raise ValueError("bad value %r for %r" % (v, tpl))
        out += v + p
    return out


class Ev:
    """One event type: template, header fields, count (shuffles), generator."""

    def __init__(self, key, tpl, hdr, count=0, gen=None):
        self.key = key
        self.tpl = tpl
        self.hdr = hdr
        self.count = count
        self.gen = gen


class Cycler:
    """Small pools cycle per (event, slot) so every slot sees several values."""

    def __init__(self):
        self.n = {}

    def for_event(self, ev_key):
        def cy(slot, pool):
            k = (ev_key, slot)
            i = self.n.get(k, 0)
            self.n[k] = i + 1
            return pool[i % len(pool)]
        return cy


def build_shuffle(events, r, start_ns, mean_gap_s):
    """Fixed count per event, shuffled, forward-only clock with exponential gaps."""
    seq = []
    for i, ev in enumerate(events):
        seq += [i] * ev.count
    assert len(seq) == N_LINES, "counts sum to %d" % len(seq)
    r.shuffle(seq)
    cyc = Cycler()
    t = start_ns
    rows = []
    for i in seq:
        t += max(1, int(r.expovariate(1.0 / mean_gap_s) * NS))
        ev = events[i]
        res = ev.gen(r, cyc.for_event(ev.key))
        if isinstance(res, tuple):
            vals, extra = res
        else:
            vals, extra = res, {}
        rows.append((t, i, list(vals), extra))
    return rows


class Sim:
    """Collector for simulations: entities emit on their own clocks."""

    def __init__(self, events):
        self.events = events
        self.ix = {ev.key: i for i, ev in enumerate(events)}
        self.out = []
        self.cyc = Cycler()

    def cy(self, key):
        return self.cyc.for_event(key)

    def emit(self, t, key, vals, extra=None):
        self.out.append((int(t), len(self.out), self.ix[key], list(vals), extra or {}))

    def rows(self):
        s = sorted(self.out, key=lambda x: (x[0], x[1]))
        return [(t, i, v, x) for (t, _o, i, v, x) in s[:N_LINES]]


# --------------------------------------------------------------------------
# header formats
# --------------------------------------------------------------------------
def beats_header(t, ev, x):
    """Beats / Elastic Agent zap console encoder: tab separated; logger optional."""
    level = x.get("level", ev.hdr["level"])
    logger = x.get("logger", ev.hdr.get("logger"))
    caller = x.get("caller", ev.hdr["caller"])
    parts = [iso_z(t), level]
    if logger:
        parts.append("[%s]" % logger)
    parts.append(caller)
    return "\t".join(parts) + "\t" + ev.hdr.get("pad", "")


BEATS_HEADER_RE = re.compile(
    r"(?P<ts>2026-03-14T\d{2}:\d{2}:\d{2}\.\d{3}Z)\t(?:DEBUG|INFO|WARN|ERROR)\t"
    r"(?:\[[a-z][A-Za-z0-9_.\-]*\]\t)?[a-z][A-Za-z0-9_/.\-]*\.go:\d+\t *")


def osd_header(t, ev, x):
    """OpenSearch Dashboards legacy text logger: type padded to 7, HH:mm:ss.SSS, tags."""
    if ev.hdr["type"] == "response":
        return "respons [%s]  " % hms(t)
    tags = x.get("tags", ev.hdr["tags"])
    return "  log   [%s] %s " % (hms(t), "".join("[%s]" % g for g in tags))


OSD_HEADER_RE = re.compile(
    r"(?:  log   \[(?P<ts>\d{2}:\d{2}:\d{2}\.\d{3})\] (?:\[[A-Za-z][A-Za-z0-9_.:@\-]*\])+ "
    r"|respons \[(?P<ts2>\d{2}:\d{2}:\d{2}\.\d{3})\]  )")


def B(level, caller, logger=None, pad=""):
    d = {"level": level, "caller": caller}
    if logger:
        d["logger"] = logger
    if pad:
        d["pad"] = pad
    return d


def monitoring_tpl(beat_section):
    return ('Non-zero metrics in the last 30s\t{"monitoring": {"metrics": {"beat":{"cpu":{"total":{"ticks":<*>}},'
            '"memstats":{"memory_alloc":<*>},"runtime":{"goroutines":<*>}},' + beat_section +
            '"libbeat":{"output":{"events":{"acked":<*>,"total":<*>}},"pipeline":{"events":{"published":<*>}}},'
            '"system":{"load":{"1":<*>,"5":<*>}}}}, "ecs.version": "1.6.0"}')


_TICKS = {}


def monitoring_vals(r, beat_vals):
    """cpu ticks are cumulative, so they only grow within one log."""
    ticks = _TICKS.get(id(r), r.randint(900, 4000)) + r.randint(30, 900)
    _TICKS[id(r)] = ticks
    acked = r.randint(40, 2600)
    load1 = r.randint(3, 290) / 100.0
    load5 = r.randint(10, 240) / 100.0
    return ([ticks, r.randint(18_000_000, 96_000_000), r.randint(38, 140)] + beat_vals +
            [acked, acked + r.choice([0, 0, 0, r.randint(1, 50)]), acked + r.randint(0, 40),
             "%.2f" % load1, "%.2f" % load5])


# ==========================================================================
# 1. OpenSearchDashboards  (seeded shuffle)
# ==========================================================================
OSD_VERSION = "1.3.14"
OSD_PLUGINS = [
    "usageCollection", "opensearchDashboardsUsageCollection", "opensearchDashboardsLegacy", "mapsLegacy",
    "share", "legacyExport", "embeddable", "expressions", "data", "home", "console", "apmOss",
    "management", "indexPatternManagement", "advancedSettings", "savedObjects", "securityDashboards",
    "visualizations", "visTypeVega", "visTypeTimeline", "timeline", "visTypeTable", "visTypeMarkdown",
    "tileMap", "regionMap", "inputControlVis", "dashboard", "discover", "savedObjectsManagement",
    "charts", "visTypeTimeseries", "visTypeTagcloud", "visTypeVislib", "alertingDashboards",
    "anomalyDetectionDashboards", "indexManagementDashboards", "notebooksDashboards",
    "observabilityDashboards", "queryWorkbenchDashboards", "reportsDashboards", "ganttChartDashboards",
    "traceAnalyticsDashboards", "customImportMapDashboards", "visTypeMetric", "bfetch", "uiActions",
]
OSD_DISABLED = ["visTypeXy", "ganttChartDashboards", "customImportMapDashboards", "notebooksDashboards",
                "queryWorkbenchDashboards", "reportsDashboards", "anomalyDetectionDashboards"]
OSD_NODES = [("os-data-01.search.lab-ams.internal", "10.12.0.21"),
             ("os-data-02.search.lab-ams.internal", "10.12.0.22"),
             ("os-data-03.search.lab-ams.internal", "10.12.0.23")]


def osd_plugin_list(r, drop):
    chosen = [p for p in OSD_PLUGINS if r.random() > drop]
    return [len(chosen), ",".join(chosen)]


def osd_status(r, cy):
    frm, to, msg = cy("trans", [("uninitialized", "green", "Ready"),
                               ("uninitialized", "yellow", "Waiting for OpenSearch"),
                               ("yellow", "green", "Ready"),
                               ("green", "red", "Unable to connect to OpenSearch."),
                               ("red", "green", "Ready"),
                               ("green", "yellow", "Waiting for OpenSearch")])
    plugin = cy("plugin", ["opensearchDashboards", "opensearch", "securityDashboards", "alertingDashboards",
                           "indexManagementDashboards"])
    level = {"green": "info", "yellow": "warning", "red": "error"}[to]
    return [frm, to, msg], {"tags": [level, "status", "plugin:%s@%s" % (plugin, OSD_VERSION)]}


def osd_conn_error(r, cy):
    host, ipaddr = OSD_NODES[r.randrange(len(OSD_NODES))]
    kind = cy("kind", ["refused", "notfound", "timeout", "refused", "hangup"])
    if kind == "refused":
        return ["connect ECONNREFUSED %s:9200" % ipaddr]
    if kind == "notfound":
        return ["getaddrinfo ENOTFOUND %s" % host]
    if kind == "timeout":
        return ["connect ETIMEDOUT %s:9200" % ipaddr]
    return ["socket hang up"]


def osd_size(r, lo, hi):
    b = r.randint(lo, hi)
    if b < 1024:
        return "%.1fB" % b
    if b < 1024 * 1024:
        return "%.1fKB" % (b / 1024.0)
    return "%.1fMB" % (b / 1048576.0)


OSD_BUILD = ["4b1c8a0e", "f27d1e93"]


def osd_response(r, cy):
    k = r.random()
    ms = r.randint(3, 90)
    if k < 0.22:
        m, p, st, sz = "GET", "/api/status", 200, osd_size(r, 14000, 26000)
    elif k < 0.40:
        m, p, st, sz = "POST", "/internal/search/opensearch", r.choice([200] * 9 + [400, 500]), osd_size(r, 600, 480000)
        ms = r.randint(40, 2400)
    elif k < 0.50:
        m, p, st, sz = "POST", "/api/saved_objects/_bulk_get", 200, osd_size(r, 1200, 90000)
    elif k < 0.57:
        m = "GET"
        p = "/api/saved_objects/_find?fields=title&per_page=10000&type=%s" % r.choice(["index-pattern", "dashboard", "visualization"])
        st, sz = 200, osd_size(r, 300, 12000)
    elif k < 0.64:
        m = "GET"
        p = "/api/saved_objects/%s/%s" % (r.choice(["dashboard", "visualization", "search"]), uuid4(r))
        st = r.choice([200, 200, 200, 404])
        sz = osd_size(r, 120, 30000) if st == 200 else "119.0B"
    elif k < 0.68:
        m = r.choice(["PUT", "DELETE"])
        p = "/api/saved_objects/%s/%s" % (r.choice(["index-pattern", "visualization"]), uuid4(r))
        st, sz = 200, osd_size(r, 2, 4000)
    elif k < 0.75:
        m, p, st, sz = "POST", "/api/ui_metric/report", 200, "15.0B"
    elif k < 0.82:
        m, p = "GET", "/api/v1/auth/authinfo"
        st = r.choice([200, 200, 200, 401])
        sz = osd_size(r, 400, 900) if st == 200 else "81.0B"
    elif k < 0.86:
        m, p = "POST", "/auth/login"
        st = r.choice([200, 401])
        sz = osd_size(r, 200, 600) if st == 200 else "97.0B"
    elif k < 0.94:
        m = "GET"
        plug = r.choice(["discover", "dashboard", "visualize", "securityDashboards"])
        p = "/%s/bundles/plugin/%s/%s.plugin.js" % (r.choice(OSD_BUILD), plug, plug)
        st = r.choice([200, 304, 304])
        sz = osd_size(r, 9000, 2400000) if st == 200 else "9.0B"
    elif k < 0.97:
        m, p, st, sz = "GET", "/app/%s" % r.choice(["home", "discover", "dashboards", "visualize", "management"]), 200, osd_size(r, 60000, 130000)
    else:
        m, p, st, sz = "GET", "/", 302, "9.0B"
    return [m, p, st, "%dms" % ms, sz]


def osd_events():
    L = lambda *tags: {"type": "log", "tags": list(tags)}
    return [
        Ev("plugin_disabled", 'Plugin "<*>" is disabled.', L("info", "plugins-service"), 12,
           lambda r, cy: [cy("p", OSD_DISABLED)]),
        Ev("setting_up", "Setting up [<*>] plugins: [<*>]", L("info", "plugins-system"), 3,
           lambda r, cy: osd_plugin_list(r, 0.05)),
        Ev("starting_plugins", "Starting [<*>] plugins: [<*>]", L("info", "plugins-system"), 3,
           lambda r, cy: osd_plugin_list(r, 0.12)),
        Ev("waiting_nodes", "Waiting until all OpenSearch nodes are compatible with OpenSearch Dashboards "
                            "before starting saved objects migrations...", L("info", "savedobjects-service"), 4,
           lambda r, cy: []),
        Ev("start_migrations", "Starting saved objects migrations", L("info", "savedobjects-service"), 4,
           lambda r, cy: []),
        Ev("creating_index", "Creating index <*>.", L("info", "savedobjects-service"), 6,
           lambda r, cy: [cy("i", [".kibana_2", ".kibana_92668751_admin_2", ".kibana_3",
                                   ".kibana_-152937574_sre_1", ".kibana_1"])]),
        Ev("pointing_alias", "Pointing alias <*> to <*>.", L("info", "savedobjects-service"), 6,
           lambda r, cy: list(cy("a", [(".kibana", ".kibana_2"), (".kibana_92668751_admin", ".kibana_92668751_admin_2"),
                                       (".kibana", ".kibana_3"), (".kibana_-152937574_sre", ".kibana_-152937574_sre_1")]))),
        Ev("finished_in", "Finished in <*>.", L("info", "savedobjects-service"), 6,
           lambda r, cy: ["%dms" % r.randint(38, 2600)]),
        Ev("server_running", "Server running at <*>", L("info", "listening"), 3,
           lambda r, cy: [cy("u", ["http://0.0.0.0:5601", "https://dashboards.lab-ams.internal:5601"])]),
        Ev("status_changed", "Status changed from <*> to <*> - <*>", L("info", "status", "plugin:opensearchDashboards@" + OSD_VERSION), 24,
           osd_status),
        Ev("deprecated", '"<*>" is deprecated and has been replaced by "<*>"', L("warning", "config", "deprecation"), 8,
           lambda r, cy: list(cy("d", [("opensearch.requestHeadersWhitelist", "opensearch.requestHeadersAllowlist"),
                                       ("cpu.cgroup.path.override", "ops.cGroupOverrides.cpuPath"),
                                       ("cpuacct.cgroup.path.override", "ops.cGroupOverrides.cpuAcctPath"),
                                       ("opensearch_security.cookie.secure_cookies", "opensearch_security.cookie.secure")]))),
        Ev("conn_error", "[ConnectionError]: <*>", L("error", "data", "opensearch"), 30, osd_conn_error),
        Ev("no_version", "Unable to retrieve version information from OpenSearch nodes.", L("error", "opensearch"), 9,
           lambda r, cy: []),
        Ev("response", "<*> <*> <*> <*> - <*>", {"type": "response"}, 182, osd_response),
    ]


# ==========================================================================
# 2. Metricbeat  (seeded shuffle)
# ==========================================================================
MB_ES = ["https://es-hot-01.obs.fra2.internal:9200", "https://es-hot-02.obs.fra2.internal:9200",
         "http://10.40.2.15:9200"]


def mb_fetch_error(r, cy):
    ms = cy("ms", ["docker.cpu", "mysql.status", "nginx.stubstatus", "system.filesystem", "redis.info",
                   "kubernetes.node", "postgresql.activity"])
    o = r.randint(2, 250)
    if ms == "docker.cpu":
        e = "error getting docker stats: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?"
    elif ms == "mysql.status":
        e = "Error 1045: Access denied for user 'metricbeat'@'10.40.7.%d' (using password: YES)" % o
    elif ms == "nginx.stubstatus":
        port = r.choice([8080, 8081, 80])
        e = 'error making http request: Get "http://127.0.0.1:%d/nginx_status": dial tcp 127.0.0.1:%d: connect: connection refused' % (port, port)
    elif ms == "system.filesystem":
        e = "error getting filesystem usage for %s: error in Statfs syscall: permission denied" % r.choice(
            ["/run/user/1000/doc", "/run/user/1003/gvfs", "/var/lib/docker/overlay2/%s/merged" % hexs(r, 12)])
    elif ms == "redis.info":
        e = "failed to fetch INFO: dial tcp 10.40.6.%d:6379: i/o timeout" % o
    elif ms == "kubernetes.node":
        e = "error doing HTTP request to fetch 'node' Metricset data: HTTP error 401 in : 401 Unauthorized"
    else:
        e = 'error in mapping: pq: password authentication failed for user "%s"' % r.choice(["metricbeat", "monitor_ro"])
    return [ms, e]


def mb_connect_fail(r, cy):
    url = cy("u", MB_ES)
    host = url.split("//")[1].split(":")[0]
    kind = cy("k", ["refused", "eof", "compat", "tls"])
    if kind == "refused":
        e = 'Get "%s": dial tcp 10.40.2.%d:9200: connect: connection refused' % (url, r.randint(10, 30))
    elif kind == "eof":
        e = 'Get "%s": EOF' % url
    elif kind == "compat":
        e = ("Connection marked as failed because the onConnect callback failed: could not connect to a compatible "
             "version of Elasticsearch: 503 Service Unavailable: {\"error\":{\"type\":\"master_not_discovered_exception\"},\"status\":503}")
    else:
        e = 'Get "%s": x509: certificate is valid for %s, not %s' % (url, r.choice(["es-hot-0x", "localhost"]), host)
    return [url, e]


def mb_events():
    return [
        Ev("metrics", monitoring_tpl('"metricbeat":{"system":{"cpu":{"events":<*>,"success":<*>}}},'),
           B("INFO", "log/log.go:187", "monitoring"), 60,
           lambda r, cy: (lambda n: monitoring_vals(r, [n, n - r.choice([0, 0, 0, 1, 2])]))(r.randint(3, 9))),
        Ev("setup_beat", "Setup Beat: metricbeat; Version: <*>", B("INFO", "instance/beat.go:354"), 3,
           lambda r, cy: [cy("v", ["8.12.2", "8.13.1"])]),
        Ev("start_running", "metricbeat start running.", B("INFO", "instance/beat.go:472"), 3, lambda r, cy: []),
        Ev("connecting", "Connecting to backoff(elasticsearch(<*>))", B("INFO", "pipeline/client_worker.go:141", "publisher_pipeline_output"), 14,
           lambda r, cy: [cy("u", MB_ES)]),
        Ev("established", "Connection to backoff(elasticsearch(<*>)) established", B("INFO", "pipeline/client_worker.go:149", "publisher_pipeline_output"), 12,
           lambda r, cy: [cy("u", MB_ES)]),
        Ev("es_version", "Attempting to connect to Elasticsearch version <*>", B("INFO", "eslegclient/connection.go:317", "esclientleg"), 12,
           lambda r, cy: [cy("v", ["8.12.2", "8.13.1"])]),
        Ev("connect_failed", "Failed to connect to backoff(elasticsearch(<*>)): <*>", B("ERROR", "pipeline/client_worker.go:145", "publisher_pipeline_output"), 20,
           mb_connect_fail),
        Ev("unwait", "retryer: send unwait signal to consumer", B("INFO", "pipeline/retry.go:213", "publisher"), 18,
           lambda r, cy: []),
        Ev("done", "done", B("INFO", "pipeline/retry.go:217", "publisher", pad="  "), 18, lambda r, cy: []),
        Ev("beta", "BETA: The <*> metricset is beta.", B("WARN", "mb/mb.go:220", "cfgwarn"), 4,
           lambda r, cy: (lambda t: ([t[0]], {"caller": t[1]}))(
               cy("m", [("linux pageinfo", "pageinfo/pageinfo.go:46"), ("docker network_summary", "network_summary/network_summary.go:53"),
                        ("kubernetes state_cronjob", "state_cronjob/state_cronjob.go:71")]))),
        Ev("fetch_error", "Error fetching data for metricset <*>: <*>", B("ERROR", "module/wrapper.go:256"), 120, mb_fetch_error),
        Ev("reload_done", "Loading of config files completed.", B("INFO", "cfgfile/reload.go:227"), 3, lambda r, cy: []),
        Ev("no_cloud", "add_cloud_metadata: hosting provider type not detected.", B("INFO", "add_cloud_metadata/add_cloud_metadata.go:101", "add_cloud_metadata"), 3,
           lambda r, cy: []),
        Ev("dns_failure", 'DNS lookup failure "<*>": lookup <*> on <*>: no such host', B("WARN", "transport/tcp.go:52", "transport"), 10,
           lambda r, cy: (lambda h: [h, h, cy("ns", ["127.0.0.53:53", "10.40.0.2:53", "10.40.0.3:53"])])(
               cy("h", ["es-hot-03.obs.fra2.internal", "es-warm-01.obs.fra2.internal", "kibana.obs.fra2.internal"]))),
    ]


# ==========================================================================
# 3. Heartbeat  (simulation: monitors, output, config reloads)
# ==========================================================================
def hb_events():
    return [
        Ev("mon_start", "Starting monitor id=<*> type=<*> schedule=<*>", B("INFO", "monitors/monitor.go:212", "monitors")),
        Ev("mon_stop", "Stopping monitor id=<*> type=<*>", B("INFO", "monitors/monitor.go:238", "monitors")),
        Ev("run_up", "Monitor run finished id=<*> url=<*> status=up duration=<*>", B("INFO", "monitors/task.go:119", "monitor-job")),
        Ev("run_down", "Monitor run finished id=<*> url=<*> status=down duration=<*> error=<*>", B("WARN", "monitors/task.go:124", "monitor-job")),
        Ev("now_down", "Monitor <*> is now down (was up for <*>)", B("WARN", "monitors/status.go:88", "monitor-status")),
        Ev("now_up", "Monitor <*> is now up (was down for <*>)", B("INFO", "monitors/status.go:94", "monitor-status")),
        Ev("skip_run", "Job <*> is taking longer than its schedule interval of <*>, skipping next run", B("WARN", "scheduler/scheduler.go:253", "scheduler")),
        Ev("metrics", monitoring_tpl('"heartbeat":{"scheduler":{"jobs":{"active":<*>},"tasks":{"active":<*>}}},'),
           B("INFO", "log/log.go:187", "monitoring")),
        Ev("connecting", "Connecting to backoff(elasticsearch(<*>))", B("INFO", "pipeline/client_worker.go:141", "publisher_pipeline_output")),
        Ev("established", "Connection to backoff(elasticsearch(<*>)) established", B("INFO", "pipeline/client_worker.go:149", "publisher_pipeline_output")),
        Ev("publish_failed", "failed to publish events: <*>", B("ERROR", "elasticsearch/client.go:248", "elasticsearch")),
        Ev("reload", "Config reload triggered by change in <*>", B("INFO", "cfgfile/reload.go:262")),
        Ev("resolve_error", "Error resolving host <*> for monitor <*>: <*>", B("ERROR", "monitors/stdfields.go:77", "monitors")),
    ]


def sim_heartbeat(r):
    sim = Sim(hb_events())
    T0 = at(7, 41, 12) + r.randint(0, NS - 1)
    S = lambda s: T0 + int(s * NS)
    # monitors: id, type, url, interval (s), added (s), removed (s), down windows, dns-failure window, down errors
    mons = [
        dict(id="api-gateway-health", type="http", url="https://api.mercury-retail.io/healthz", every=10,
             add=0, rem=None, down=[(205, 262)], dns=None, err="timeout"),
        dict(id="web-frontend", type="http", url="https://www.mercury-retail.io/", every=15,
             add=0, rem=140, down=[], dns=None, err=None),
        dict(id="payments-svc", type="http", url="http://10.20.4.17:8443/status", every=30,
             add=0, rem=None, down=[(58, 122), (318, 392)], dns=None, err="http"),
        dict(id="pg-primary", type="tcp", url="tcp://db-pg01.int.mercury-retail.io:5432", every=15,
             add=0, rem=None, down=[(452, 512)], dns=None, err="tcptimeout"),
        dict(id="redis-cache", type="tcp", url="tcp://10.20.6.41:6379", every=10,
             add=0, rem=None, down=[], dns=None, err=None),
        dict(id="edge-router", type="icmp", url="icmp://192.168.40.1", every=30,
             add=0, rem=430, down=[], dns=None, err=None),
        dict(id="ldap-auth", type="tcp", url="tcp://ldap02.corp.mercury-retail.io:636", every=60,
             add=0, rem=430, down=[], dns=None, err=None),
        dict(id="search-api", type="http", url="https://search-api.mercury-retail.io/_health", every=15,
             add=140, rem=None, down=[], dns=("search-api.mercury-retail.io", 200), err=None),
        dict(id="kafka-broker-3", type="tcp", url="tcp://kafka-3.stream.mercury-retail.io:9092", every=20,
             add=290, rem=None, down=[], dns=("kafka-3.stream.mercury-retail.io", 360), err=None),
        dict(id="web-frontend", type="http", url="https://www.mercury-retail.io/", every=20,
             add=430, rem=None, down=[], dns=None, err=None),
    ]
    H = 1500
    cy_res = sim.cy("resolve_error")
    cy_pub = sim.cy("publish_failed")
    for mon in mons:
        add_t = S(mon["add"]) + (r.randint(2, 40) * MS if mon["add"] else r.randint(300, 900) * MS)
        sim.emit(add_t, "mon_start", [mon["id"], mon["type"], "@every %ds" % mon["every"]])
        end_t = S(mon["rem"]) + r.randint(2, 40) * MS if mon["rem"] is not None else S(H)
        if mon["rem"] is not None:
            sim.emit(end_t, "mon_stop", [mon["id"], mon["type"]])
        iv = mon["every"] * NS
        t = add_t + r.randint(5, 400) * MS
        state, since = None, None
        while t < end_t:
            rel = (t - T0) / NS
            in_dns = mon["dns"] is not None and rel < mon["dns"][1]
            down = in_dns or any(a <= rel < b for a, b in mon["down"])
            if in_dns:
                host = mon["dns"][0]
                dur = r.randint(900, 30000) * US
                nsrv = cy_res("ns", ["10.20.0.2:53", "10.20.0.3:53"])
                sim.emit(t + dur // 2, "resolve_error", [host, mon["id"], "lookup %s on %s: no such host" % (host, nsrv)])
                err = "lookup %s: no such host" % host
            elif down and mon["err"] == "timeout":
                dur = 10 * NS + r.randint(200, 9000) * US
                err = 'Get "%s": context deadline exceeded (Client.Timeout exceeded while awaiting headers)' % mon["url"]
            elif down and mon["err"] == "http":
                if r.random() < 0.5:
                    dur = r.randint(40, 260) * MS + r.randint(0, 999) * US
                    err = "received status code %d expecting [200]" % r.choice([502, 503, 503])
                else:
                    dur = r.randint(300, 1900) * US
                    err = 'Get "%s": dial tcp 10.20.4.17:8443: connect: connection refused' % mon["url"]
            elif down and mon["err"] == "tcptimeout":
                dur = 16 * NS + r.randint(100, 4000) * US
                err = "dial tcp 10.20.2.30:5432: i/o timeout"
            else:
                err = None
                if mon["type"] == "http":
                    dur = r.randint(18, 420) * MS + r.randint(0, 999_999)
                elif mon["type"] == "tcp":
                    dur = r.randint(250, 6000) * US + r.randint(0, 999)
                else:
                    dur = r.randint(400, 19000) * US + r.randint(0, 999)
            fin = t + dur
            if fin >= end_t and mon["rem"] is not None:
                break
            if down:
                sim.emit(fin, "run_down", [mon["id"], mon["url"], go_dur(dur), err])
            else:
                sim.emit(fin, "run_up", [mon["id"], mon["url"], go_dur(dur)])
            new_state = "down" if down else "up"
            if state is not None and new_state != state:
                key = "now_down" if down else "now_up"
                sim.emit(fin + r.randint(1, 900) * US, key, [mon["id"], go_dur(round_ms(fin - since))])
            if state != new_state:
                state, since = new_state, fin
            if dur > iv:
                sim.emit(t + iv + r.randint(0, 800) * US, "skip_run", [mon["id"], go_dur(iv)])
                t += 2 * iv + r.randint(-3, 3) * MS
            else:
                t += iv + r.randint(-3, 3) * MS
    # background: monitoring metrics every 30s
    k = 1
    while k * 30 < H:
        active = sum(1 for m in mons if m["add"] <= k * 30 and (m["rem"] is None or m["rem"] > k * 30))
        sim.emit(S(k * 30) + r.randint(0, 30) * MS, "metrics", monitoring_vals(r, [active, r.randint(0, 4)]))
        k += 1
    # output: initial connect, then outages
    es = ["https://es-obs-01.mercury-retail.io:9200", "https://es-obs-02.mercury-retail.io:9200"]
    t = T0 + r.randint(600, 1200) * MS
    sim.emit(t, "connecting", [es[0]])
    sim.emit(t + r.randint(20, 120) * MS, "established", [es[0]])
    for n, start in enumerate([100, 250, 390, 600, 820]):
        t = S(start) + r.randint(0, 4000) * MS
        e = cy_pub("e", ["temporary bulk send failure",
                         'Post "%s/_bulk": EOF' % es[n % 2],
                         'Post "%s/_bulk": dial tcp 10.20.9.%d:9200: connect: connection refused' % (es[n % 2], 11 + n % 2)])
        sim.emit(t, "publish_failed", [e])
        url = es[(n + 1) % 2]
        t += r.randint(900, 1500) * MS
        sim.emit(t, "connecting", [url])
        sim.emit(t + r.randint(2000, 9000) * MS, "established", [url])
    for s, f in [(140, "/etc/heartbeat/monitors.d/http.yml"), (290, "/etc/heartbeat/monitors.d/tcp.yml"),
                 (430, "/etc/heartbeat/monitors.d/legacy.yml")]:
        sim.emit(S(s), "reload", [f])
    return sim.events, sim.rows()


# ==========================================================================
# 4. Auditbeat  (seeded shuffle)
# ==========================================================================
AB_WATCH = ['"/bin", "/usr/bin", "/sbin", "/usr/sbin", "/etc"',
            '"/etc", "/usr/local/bin", "/opt/payments/bin"',
            '"/bin", "/usr/bin", "/etc", "/root/.ssh"']
AB_FILES = ["/etc/passwd", "/etc/shadow", "/etc/group", "/etc/sudoers", "/etc/ssh/sshd_config", "/etc/hosts",
            "/usr/bin/sudo", "/usr/bin/curl", "/usr/local/bin/node_exporter", "/etc/cron.d/logrotate",
            "/opt/payments/bin/settle", "/etc/resolv.conf", "/usr/sbin/sshd", "/root/.ssh/authorized_keys"]
AB_PKGS = [("openssl", "3.0.2-0ubuntu1.15"), ("curl", "7.81.0-1ubuntu1.16"), ("linux-image-5.15.0-101-generic", "5.15.0-101.111"),
           ("nginx", "1.18.0-6ubuntu14.4"), ("libssl3", "3.0.2-0ubuntu1.15"), ("sudo", "1.9.9-1ubuntu2.4")]


def ab_fsnotify(r, cy):
    f = r.choice(AB_FILES)
    if r.random() < 0.3:
        f = "%s.%s" % (r.choice(["/etc/passwd", "/etc/shadow", "/etc/group"]), r.choice(["lock", "tmp%04d" % r.randint(0, 9999), "+"]))
    flags = r.choice(["WRITE", "WRITE", "CREATE", "REMOVE", "RENAME", "CHMOD", "WRITE|CHMOD", "CREATE|WRITE"])
    return [f, flags]


def ab_hash_fail(r, cy):
    kind = cy("k", ["big", "gone", "changed"])
    if kind == "big":
        f = r.choice(["/usr/lib/x86_64-linux-gnu/libLLVM-15.so.1", "/opt/payments/bin/settle-archive.bin",
                      "/usr/local/bin/terraform", "/opt/payments/bin/jre-bundle.tar"])
    else:
        f = r.choice(AB_FILES)
    if kind == "big":
        e = "hash calculation failed: file size %d exceeds max file size of 104857600 bytes" % r.randint(110_000_000, 900_000_000)
    elif kind == "gone":
        e = "failed to open file for hashing: open %s: no such file or directory" % f
    else:
        e = "file changed while hashing, expected size %d but read %d bytes" % (r.randint(2000, 90000), r.randint(100, 1999))
    return [f, e]


def ab_events():
    return [
        Ev("running_as", "auditd module is running as euid=0 on kernel=<*>", B("INFO", "auditd/audit_linux.go:112", "auditd"), 3,
           lambda r, cy: [cy("k", ["5.15.0-97-generic", "5.15.0-101-generic"])]),
        Ev("start_running", "auditbeat start running.", B("INFO", "instance/beat.go:472"), 3, lambda r, cy: []),
        Ev("rules_added", "Successfully added <*> of <*> audit rules.", B("INFO", "auditd/audit_linux.go:219", "auditd"), 4,
           lambda r, cy: list(cy("n", [(47, 47), (45, 47), (52, 53)]))),
        Ev("rule_failure", 'Failure adding audit rule\t{"error": "<*>", "rule": "<*>"}', B("WARN", "auditd/audit_linux.go:211", "auditd"), 6,
           lambda r, cy: list(cy("f", [("failed to add audit rule: failed to convert rule: no such file or directory", "-w /etc/sudoers.d -p wa -k privileged"),
                                       ("failed to add audit rule: rule exists", "-a always,exit -F arch=b64 -S execve -k exec"),
                                       ("failed to add audit rule: failed to convert rule: unknown syscall: open", "-a always,exit -F arch=b64 -S open -F exit=-EACCES -k access")]))),
        Ev("lost_events", "Kernel reported <*> lost audit events since last check (backlog=<*>)", B("WARN", "auditd/audit_linux.go:387", "auditd"), 10,
           lambda r, cy: [r.randint(1, 4800), r.randint(0, 8192)]),
        Ev("fsnotify_started", 'Started fsnotify watcher\t{"file_path": [<*>], "recursive": <*>}', B("INFO", "file_integrity/eventreader_fsnotify.go:71", "file_integrity"), 3,
           lambda r, cy: [cy("p", AB_WATCH), cy("rec", ["false", "true"])]),
        Ev("scanner_starting", 'File system scanner is starting\t{"file_path": [<*>]}', B("INFO", "file_integrity/scanner.go:78", "file_integrity"), 4,
           lambda r, cy: [cy("p", AB_WATCH)]),
        Ev("scan_completed", 'File system scan completed\t{"scanner_id": <*>, "took": "<*>", "file_count": <*>, "total_bytes": <*>}',
           B("INFO", "file_integrity/scanner.go:116", "file_integrity"), 5,
           lambda r, cy: [r.randint(1, 9), go_dur(round_ms(r.randint(800, 90000) * MS)), r.randint(900, 14000), r.randint(50_000_000, 900_000_000)]),
        Ev("hash_failed", 'Failed to hash file\t{"file_path": "<*>", "error": "<*>"}', B("WARN", "file_integrity/metricset.go:259", "file_integrity"), 12,
           ab_hash_fail),
        Ev("fsnotify_event", 'Received fsnotify event\t{"file_path": "<*>", "event_flags": "<*>"}', B("INFO", "file_integrity/eventreader_fsnotify.go:118", "file_integrity"), 150,
           ab_fsnotify),
        Ev("login_records", "Read <*> new records from <*>", B("INFO", "login/utmp.go:146", "login"), 20,
           lambda r, cy: [r.randint(1, 14), cy("f", ["/var/log/wtmp", "/var/log/btmp", "/var/log/wtmp.1"])]),
        Ev("proc_info", "failed to get process info for PID <*>: <*>", B("WARN", "process/process.go:318", "process"), 14,
           lambda r, cy: (lambda pid: [pid, cy("e", ["open /proc/%d/status: no such file or directory" % pid,
                                                     "process exited before its info could be read",
                                                     "read /proc/%d/cmdline: permission denied" % pid])])(r.randint(300, 3999999))),
        Ev("pkg_installed", "Package <*> (version <*>) installed", B("INFO", "package/package.go:402", "package"), 5,
           lambda r, cy: list(cy("p", AB_PKGS))),
        Ev("pkg_removed", "Package <*> (version <*>) removed", B("INFO", "package/package.go:409", "package"), 3,
           lambda r, cy: list(cy("p", [("linux-image-5.15.0-97-generic", "5.15.0-97.107"), ("telnet", "0.17-44build1"), ("nginx", "1.18.0-6ubuntu14.3")]))),
        Ev("metrics", monitoring_tpl('"auditd":{"received_msgs":<*>,"lost":<*>},'), B("INFO", "log/log.go:187", "monitoring"), 58,
           lambda r, cy: monitoring_vals(r, [r.randint(200, 90000), r.choice([0, 0, r.randint(1, 300)])])),
    ]


# ==========================================================================
# 5. Packetbeat  (seeded shuffle)
# ==========================================================================
PB_HOSTS = ["10.8.3.%d" % i for i in (11, 12, 27, 40, 41, 88)] + ["172.16.5.%d" % i for i in (2, 9, 31)]


def pb_ep(r, ports):
    return "%s:%d" % (r.choice(PB_HOSTS), r.choice(ports))


def pb_events():
    return [
        Ev("sniffer_type", "Sniffer type: <*> device: <*>", B("INFO", "sniffer/sniffer.go:193"), 3,
           lambda r, cy: [cy("t", ["af_packet", "pcap"]), cy("d", ["ens5", "any", "bond0"])]),
        Ev("bpf", "Setting BPF filter: <*>", B("INFO", "sniffer/sniffer.go:211", "sniffer"), 4,
           lambda r, cy: [cy("f", ["(tcp port 80 or tcp port 8080 or tcp port 3306 or udp port 53) or (vlan and (tcp port 80 or udp port 53))",
                                   "tcp port 5432 or tcp port 6379 or udp port 53",
                                   "not port 9200 and (tcp or udp)"])]),
        Ev("procs_disabled", "Process watcher disabled", B("INFO", "procs/procs.go:101"), 3, lambda r, cy: []),
        Ev("procs_enabled", "Process watcher enabled", B("INFO", "procs/procs.go:110"), 3, lambda r, cy: []),
        Ev("stream_cap", "Stream data dropped, TCP stream cap (<*>) reached for <*> -> <*>", B("WARN", "tcp/tcp.go:241", "tcp"), 30,
           lambda r, cy: [cy("c", ["10485760 bytes", "1048576 bytes"]), pb_ep(r, [r.randint(32768, 60999)]), pb_ep(r, [80, 8080, 3306, 5432])]),
        Ev("unknown_tx", "Response from unknown transaction. Ignoring.", B("WARN", "http/http.go:427", "http"), 120, lambda r, cy: []),
        Ev("dns_nomatch", "DNS response has no matching request: id=<*> question=<*> from <*>", B("WARN", "dns/dns.go:312", "dns"), 10,
           lambda r, cy: [r.randint(1, 65535), cy("q", ["api.stripe.com.", "registry.npmjs.org.", "db-pg01.int.lan.", "_ldap._tcp.corp.lan."]),
                          cy("s", ["10.8.0.2:53", "10.8.0.3:53", "1.1.1.1:53"])]),
        Ev("mysql_parse", "Failed to parse MySQL packet: <*>", B("ERROR", "mysql/mysql.go:512", "mysql"), 8,
           lambda r, cy: [cy("e", ["unexpected packet length %d" % r.randint(5, 70000), "unknown command 0x%02x" % r.randint(32, 250),
                                   "EOF marker missing after %d columns" % r.randint(2, 40)])]),
        Ev("tls_record", "Unsupported TLS record type <*> from <*>", B("WARN", "tls/tls.go:186", "tls"), 5,
           lambda r, cy: [cy("t", ["0x18", "0x47", "0x7f"]), pb_ep(r, [443, 8443])]),
        Ev("flows", "Flows enabled with timeout=<*> period=<*>", B("INFO", "flows/flows.go:73", "flows"), 3,
           lambda r, cy: list(cy("f", [("30s", "10s"), ("1m0s", "30s")]))),
        Ev("metrics", monitoring_tpl('"packetbeat":{"flows":{"published":<*>},"tcp":{"dropped_because_of_gaps":<*>}},'),
           B("INFO", "log/log.go:187", "monitoring"), 60,
           lambda r, cy: monitoring_vals(r, [r.randint(100, 9000), r.randint(0, 80)])),
        Ev("publish_failed", "failed to publish events: <*>", B("ERROR", "elasticsearch/client.go:248", "elasticsearch"), 6,
           lambda r, cy: [cy("e", ["temporary bulk send failure",
                                   'Post "https://es-net-01.fra2.internal:9200/_bulk": net/http: request canceled (Client.Timeout exceeded while awaiting headers)',
                                   'Post "https://es-net-02.fra2.internal:9200/_bulk": dial tcp 10.8.9.%d:9200: connect: connection refused' % r.randint(10, 20)])]),
        Ev("kernel_drops", "Packets dropped by kernel: <*> (received: <*>)", B("WARN", "sniffer/afpacket_linux.go:162", "sniffer"), 25,
           lambda r, cy: [r.randint(1, 90000), r.randint(100_000, 40_000_000)]),
        Ev("http_noresp", "HTTP request without response after <*>: <*> <*> from <*>", B("WARN", "http/http.go:602", "http"), 20,
           lambda r, cy: [cy("d", ["10s", "30s"]), r.choice(["GET", "GET", "POST", "PUT"]),
                          r.choice(["/v1/orders/%d" % r.randint(1000, 99999), "/healthz", "/api/cart?session=%s" % hexs(r, 16),
                                    "/metrics", "/v2/payments/%s/capture" % hexs(r, 12)]),
                          pb_ep(r, [r.randint(32768, 60999)])]),
    ]


# ==========================================================================
# 6. ElasticAgent  (simulation: fleet gateway, components/units, policy changes)
# ==========================================================================
def ea_events():
    return [
        Ev("checkin_ok", "Fleet checkin completed in <*> (actions received: <*>)", B("INFO", "fleet/fleet_gateway.go:192")),
        Ev("checkin_transient", 'Possible transient error during checkin with fleet-server, retrying\t{"error": {"message":"<*>"}, '
                                '"request_duration_ns": <*>, "failed_checkins": 1, "retry_after_ns": <*>}', B("WARN", "fleet/fleet_gateway.go:197")),
        Ev("checkin_fail", 'Cannot checkin in with fleet-server, retrying\t{"error": {"message":"<*>"}, '
                           '"request_duration_ns": <*>, "failed_checkins": <*>, "retry_after_ns": <*>}', B("ERROR", "fleet/fleet_gateway.go:206")),
        Ev("update_model", "Updating running component model", B("INFO", "coordinator/coordinator.go:1235")),
        Ev("spawned", "Spawned new component <*>: Starting: spawned pid '<*>'", B("INFO", "runtime/command.go:212", "component.runtime")),
        Ev("comp_state", "Component state changed <*> (<*>-><*>): <*>", B("INFO", "coordinator/coordinator.go:1612")),
        Ev("unit_state", "Unit state changed <*> (<*>-><*>): <*>", B("INFO", "coordinator/coordinator.go:1642")),
        Ev("policy_action", "Policy change action <*> received for revision <*>", B("INFO", "handlers/handler_action_policy_change.go:139")),
        Ev("acked", "Acked <*> action(s) to fleet-server: [<*>]", B("INFO", "fleet/fleet_acker.go:93", "acker")),
        Ev("proc_exited", "Component <*> process exited: <*>", B("WARN", "runtime/command.go:355", "component.runtime")),
        Ev("stopping", "Stopping component <*> (removed from policy revision <*>)", B("INFO", "coordinator/coordinator.go:1280")),
        Ev("agent_state", "Elastic Agent state changed to <*>: <*>", B("INFO", "coordinator/coordinator.go:612")),
    ]


def sim_agent(r):
    sim = Sim(ea_events())
    T0 = at(10, 2, 17) + r.randint(0, NS - 1)
    S = lambda s: T0 + int(s * NS)
    fleet = "https://fleet.ops.nimbus-labs.dev:8220"
    agent_id = uuid4(r)
    pid = [41_000 + r.randint(0, 900)]

    def new_pid():
        pid[0] += r.randint(3, 400)
        return pid[0]

    def comp(cid, inputs):
        return {"id": cid, "units": [cid] + ["%s-%s" % (cid, i) for i in inputs], "pid": None}

    comps = {}
    catalog = {
        "log-default": ["logfile-system-" + uuid4(r)],
        "system/metrics-default": ["system/metrics-system-" + uuid4(r)],
        "filestream-monitoring": ["filestream-monitoring-agent"],
        "beat/metrics-monitoring": ["beat/metrics-monitoring-metrics-monitoring-beats"],
        "http/metrics-monitoring": ["http/metrics-monitoring-metrics-monitoring-agent"],
        "filestream-default": ["filestream-nginx-" + uuid4(r)],
        "tcp-default": ["tcp-syslog-" + uuid4(r)],
    }
    agent_state = ["STARTING"]
    AGENT_MSG = {"STARTING": "Starting", "HEALTHY": "Running", "DEGRADED": "1 or more components/units in a degraded state",
                 "FAILED": "1 or more components/units in a failed state", "CONFIGURING": "Applying policy changes"}

    def set_agent(t, st):
        if agent_state[0] != st:
            agent_state[0] = st
            sim.emit(t, "agent_state", [st, AGENT_MSG[st]])

    def spawn(t, cid, from_state=None):
        c = comps.setdefault(cid, comp(cid, catalog[cid]))
        c["pid"] = new_pid()
        sim.emit(t, "spawned", [cid, c["pid"]])
        t += r.randint(5, 60) * MS
        if from_state:
            sim.emit(t, "comp_state", [cid, from_state, "STARTING", "Starting: spawned pid '%d'" % c["pid"]])
            t += r.randint(5, 60) * MS
        t += r.randint(200, 1400) * MS
        sim.emit(t, "comp_state", [cid, "STARTING", "HEALTHY", "Healthy: communicating with pid '%d'" % c["pid"]])
        for u in c["units"]:
            t += r.randint(3, 250) * MS
            sim.emit(t, "unit_state", [u, from_state or "STARTING", "HEALTHY", "Healthy"])
        return t

    def stop(t, cid, rev):
        c = comps.pop(cid)
        sim.emit(t, "stopping", [cid, rev])
        for u in c["units"]:
            t += r.randint(3, 80) * MS
            sim.emit(t, "unit_state", [u, "HEALTHY", "STOPPING", "Stopping"])
        for u in c["units"]:
            t += r.randint(20, 600) * MS
            sim.emit(t, "unit_state", [u, "STOPPING", "STOPPED", "Stopped"])
        t += r.randint(10, 200) * MS
        sim.emit(t, "comp_state", [cid, "HEALTHY", "STOPPED", "Stopped: pid '%d' exited" % c["pid"]])
        return t

    def reconfigure(t, keep):
        for cid in keep:
            for u in comps[cid]["units"][1:]:
                t += r.randint(2, 90) * MS
                sim.emit(t, "unit_state", [u, "HEALTHY", "CONFIGURING", "Configuring"])
                t += r.randint(20, 700) * MS
                sim.emit(t, "unit_state", [u, "CONFIGURING", "HEALTHY", "Healthy"])
        return t

    # --- policy revisions: (time s, [(revision, adds, removes, reconfigure?)])
    policy_times = [(0, [(7, ["log-default", "system/metrics-default", "filestream-monitoring",
                             "beat/metrics-monitoring", "http/metrics-monitoring"], [])]),
                    (88, [(8, ["filestream-default"], [])]),
                    (205, [(9, ["tcp-default"], ["http/metrics-monitoring"])]),
                    (330, [(10, [], []), (11, [], ["filestream-default"])]),
                    (452, [(12, ["http/metrics-monitoring"], ["tcp-default"])]),
                    (566, [(13, [], [])]),
                    (690, [(14, ["filestream-default"], [])]),
                    (812, [(15, [], [])]),
                    (955, [(16, [], ["filestream-default"])]),
                    (1080, [(17, [], [])])]
    outages = [(112, 168), (236, 279), (368, 404), (600, 640), (880, 925)]
    H = 1300

    def in_outage(s):
        return any(a <= s < b for a, b in outages)

    # fleet gateway: long-poll checkins, failures during outages, policy delivery
    err_pool = sim.cy("checkin_fail")
    errs = [
        'fail to checkin to fleet-server: all hosts failed: requester 0/1 to host %s/ errored: Post \\"%s/api/fleet/agents/%s/checkin?\\": dial tcp 10.31.4.%d:8220: connect: connection refused' % (fleet, fleet, agent_id, 17),
        'fail to checkin to fleet-server: all hosts failed: requester 0/1 to host %s/ errored: Post \\"%s/api/fleet/agents/%s/checkin?\\": context deadline exceeded' % (fleet, fleet, agent_id),
        "fail to checkin to fleet-server: status code: 503, fleet-server returned an error: ServiceUnavailable, message: server is stopping",
    ]
    # crashes (local, independent of fleet connectivity); handled in time order
    crash_err = {"filestream-default": ("exit status 2", "exited with code '2'"),
                 "log-default": ("signal: killed", "was killed by signal 'killed'"),
                 "system/metrics-default": ("exit status 1", "exited with code '1'")}
    crashes = [(150, "filestream-default"), (282, "log-default"), (420, "system/metrics-default")]

    def crash(s, cid):
        c = comps[cid]
        t = S(s) + r.randint(0, 900) * MS
        e, why = crash_err[cid]
        sim.emit(t, "proc_exited", [cid, e])
        t += r.randint(1, 30) * MS
        sim.emit(t, "comp_state", [cid, "HEALTHY", "FAILED", "Failed: pid '%d' %s" % (c["pid"], why)])
        for u in c["units"]:
            t += r.randint(1, 20) * MS
            sim.emit(t, "unit_state", [u, "HEALTHY", "FAILED", "Failed: component process exited"])
        t += r.randint(2, 30) * MS
        sim.emit(t, "agent_state", ["FAILED", AGENT_MSG["FAILED"]])
        t += r.randint(9000, 11000) * MS
        c["pid"] = new_pid()
        sim.emit(t, "spawned", [cid, c["pid"]])
        t += r.randint(5, 60) * MS
        sim.emit(t, "comp_state", [cid, "FAILED", "STARTING", "Starting: spawned pid '%d'" % c["pid"]])
        t += r.randint(300, 1500) * MS
        sim.emit(t, "comp_state", [cid, "STARTING", "HEALTHY", "Healthy: communicating with pid '%d'" % c["pid"]])
        for u in c["units"]:
            t += r.randint(3, 200) * MS
            sim.emit(t, "unit_state", [u, "FAILED", "HEALTHY", "Healthy"])
        t += r.randint(20, 200) * MS
        sim.emit(t, "agent_state", ["HEALTHY", AGENT_MSG["HEALTHY"]])

    def run_crashes(upto):
        while crashes and crashes[0][0] <= upto:
            cs, cid = crashes.pop(0)
            if cid in comps:
                crash(cs, cid)

    pending = list(policy_times)
    t_s = 0.35
    failed = 0
    last_ok = 0.0
    pending_acks = []
    while t_s < H:
        run_crashes(t_s)
        if in_outage(t_s):
            failed += 1
            e = err_pool("e", errs)
            req = r.randint(900_000, 3_000_000) if "refused" in e else (r.randint(29_990_000_000, 30_020_000_000) if "deadline" in e else r.randint(4_000_000, 40_000_000))
            retry = int(min(60, 4 * (2 ** (failed - 1))) * NS) + r.randint(0, 999_999_999)
            if failed == 1:
                sim.emit(S(t_s), "checkin_transient", [e, req, retry])
            else:
                sim.emit(S(t_s), "checkin_fail", [e, req, failed, retry])
            t_s += req / NS + retry / NS
            continue
        failed = 0
        # long poll: returns when a policy is pending or after a random poll time
        poll = r.uniform(24, 75)
        due = [p for p in pending if p[0] <= t_s + poll]
        if due and t_s > 0.35:
            ret = max(t_s + 0.2, due[0][0])
            batch = [due[0]]
        elif due:
            ret = t_s + r.uniform(0.25, 0.9)
            batch = [due[0]]
        else:
            ret = t_s + poll
            batch = []
        if in_outage(ret):
            t_s = ret
            continue
        for b in batch:
            pending.remove(b)
        n_actions = sum(len(b[1]) for b in batch)
        took = S(ret) - S(t_s if not batch else max(t_s, last_ok))
        sim.emit(S(ret), "checkin_ok", [go_dur(round_ms(max(took, 180 * MS))), n_actions])
        if pending_acks:
            sim.emit(S(ret) + r.randint(3, 40) * MS, "acked", [len(pending_acks), ",".join(pending_acks)])
            pending_acks = []
        t = S(ret) + r.randint(5, 40) * MS
        for _tm, revs in batch:
            for rev, adds, removes in revs:
                aid = uuid4(r)
                sim.emit(t, "policy_action", [aid, rev])
                t += r.randint(10, 120) * MS
                if comps:
                    set_agent(t, "CONFIGURING")
                sim.emit(t, "update_model", [])
                keep = [c for c in comps if c not in removes]
                t = reconfigure(t, keep)
                for cid in removes:
                    t = stop(t + r.randint(5, 100) * MS, cid, rev)
                for cid in adds:
                    t = spawn(t + r.randint(5, 100) * MS, cid)
                t += r.randint(50, 300) * MS
                set_agent(t, "HEALTHY")
                pending_acks.append(aid)
        last_ok = ret
        t_s = ret + r.uniform(0.05, 0.5)
    run_crashes(H)

    # degraded flaps of input units (reason fits the unit); kept clear of crashes and policy changes
    flaps = [("system/metrics-default-" + catalog["system/metrics-default"][0],
              ["Degraded: Error fetching data for metricset system.process: error getting process details for pid {n}: open /proc/{n}/io: permission denied",
               "Degraded: Error fetching data for metricset system.filesystem: error getting filesystem usage for /run/user/{u}/doc: permission denied"]),
             ("log-default-" + catalog["log-default"][0],
              ["Degraded: failed to open /var/log/auth.log.{k}: permission denied",
               "Degraded: harvester for /var/log/syslog stopped: file was truncated"])]
    busy = [c[0] for c in [(150,), (282,), (420,)]] + [p[0] for p in policy_times]
    s = r.uniform(40, 60)
    k = 0
    while s < H:
        if not any(s - 5 <= b <= s + 45 for b in busy):
            u, rs = flaps[k % 2]
            msg = rs[(k // 2) % 2].format(n=r.randint(1000, 60000), u=r.choice([1000, 1001, 1003]), k=r.randint(1, 4))
            t = S(s)
            sim.emit(t, "unit_state", [u, "HEALTHY", "DEGRADED", msg])
            sim.emit(t + r.randint(2, 30) * MS, "agent_state", ["DEGRADED", AGENT_MSG["DEGRADED"]])
            t += r.randint(8000, 38000) * MS
            sim.emit(t, "unit_state", [u, "DEGRADED", "HEALTHY", "Healthy"])
            sim.emit(t + r.randint(2, 30) * MS, "agent_state", ["HEALTHY", AGENT_MSG["HEALTHY"]])
            k += 1
        s += r.uniform(30, 70)
    # the initial STARTING state line
    sim.emit(T0, "agent_state", ["STARTING", AGENT_MSG["STARTING"]])
    return sim.events, sim.rows()


# ==========================================================================
# systems
# ==========================================================================
SYSTEMS = [
    # name, k, kind, header fn, header regex, header example description
    ("OpenSearchDashboards", 1, "shuffle", osd_header, OSD_HEADER_RE),
    ("Metricbeat", 2, "shuffle", beats_header, BEATS_HEADER_RE),
    ("Heartbeat", 3, "simulation", beats_header, BEATS_HEADER_RE),
    ("Auditbeat", 4, "shuffle", beats_header, BEATS_HEADER_RE),
    ("Packetbeat", 5, "shuffle", beats_header, BEATS_HEADER_RE),
    ("ElasticAgent", 6, "simulation", beats_header, BEATS_HEADER_RE),
]

SHUFFLE_SETUP = {
    "OpenSearchDashboards": (osd_events, at(9, 14, 2), 2.4),
    "Metricbeat": (mb_events, at(6, 58, 40), 1.7),
    "Auditbeat": (ab_events, at(13, 20, 5), 1.1),
    "Packetbeat": (pb_events, at(16, 5, 51), 0.9),
}
SIM_SETUP = {"Heartbeat": sim_heartbeat, "ElasticAgent": sim_agent}


def generate(name, k, kind, hfn):
    r = random.Random(BASE_SEED * 10 + k)
    if kind == "shuffle":
        mk, start, gap = SHUFFLE_SETUP[name]
        events = mk()
        start += r.randint(0, NS - 1)
        rows = build_shuffle(events, r, start, gap)
    else:
        events, rows = SIM_SETUP[name](r)
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    raw, recs = [], []
    for n, (t, i, vals, extra) in enumerate(rows, 1):
        ev = events[i]
        content = fill(ev.tpl, vals)
        assert content == content.strip() and content, (name, content)
        raw.append(hfn(t, ev, extra) + content)
        recs.append([n, content, "E%d" % (i + 1), ev.tpl])
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(raw) + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(recs)
    return events


def tpl_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")))


def check(name, events, hre):
    d = os.path.join(OUT, name)
    problems = []

    def need(cond, msg):
        if not cond:
            problems.append(msg)

    for fn in (name + ".log", name + ".log_structured.csv"):
        with open(os.path.join(d, fn), "rb") as f:
            data = f.read()
        need(data.endswith(b"\n"), fn + " does not end with newline")
        need(b"\r" not in data, fn + " contains CR")
    with open(os.path.join(d, name + ".log"), encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")[:-1]
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    need(rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], "bad CSV header")
    rows = rows[1:]
    need(len(lines) == N_LINES, "%d raw lines" % len(lines))
    need(len(rows) == N_LINES, "%d csv rows" % len(rows))
    declared = {"E%d" % (i + 1): ev.tpl for i, ev in enumerate(events)}
    need(len(set(declared.values())) == len(declared), "duplicate templates declared")
    tpl_of = {}
    caps = {}
    counts = {}
    last_ts = None
    for n, (row, line) in enumerate(zip(rows, lines), 1):
        need(len(row) == 4, "row %d has %d columns" % (n, len(row)))
        if len(row) != 4:
            continue
        lid, content, eid, tpl = row
        need(lid == str(n), "LineId %s at row %d" % (lid, n))
        need(content != "" and content == content.strip(), "content not stripped at %d" % n)
        need(line.endswith(content), "line %d does not end with content" % n)
        header = line[: len(line) - len(content)]
        m = hre.fullmatch(header)
        need(m is not None, "line %d header %r does not match" % (n, header))
        if m:
            ts = next(v for k, v in m.groupdict().items() if k.startswith("ts") and v)
            need(last_ts is None or ts >= last_ts, "timestamp goes back at line %d" % n)
            last_ts = ts
        need(re.fullmatch(r"E\d+", eid) is not None, "bad EventId %s" % eid)
        need(declared.get(eid) == tpl, "EventId %s has template %r" % (eid, tpl))
        tpl_of.setdefault(eid, set()).add(tpl)
        mm = tpl_regex(tpl).fullmatch(content)
        need(mm is not None, "line %d content does not match its template" % n)
        if mm:
            for si, g in enumerate(mm.groups()):
                caps.setdefault((eid, si), set()).add(g)
        counts[eid] = counts.get(eid, 0) + 1
    need(all(len(v) == 1 for v in tpl_of.values()), "an EventId has several templates")
    need(set(counts) == set(declared), "declared but unused: %s" % sorted(set(declared) - set(counts)))
    for eid, tpl in declared.items():
        for si in range(tpl.count("<*>")):
            need(len(caps.get((eid, si), ())) >= 2, "%s slot %d has < 2 distinct values" % (eid, si + 1))
    c = sorted(counts.values())
    med = statistics.median(c) if c else 0
    need(12 <= len(declared) <= 15, "%d event types" % len(declared))
    need(all(x >= 3 for x in c), "an event has fewer than 3 lines: %s" % counts)
    need(sum(1 for x in c if 3 <= x <= 10) >= 3, "fewer than 3 events with 3-10 lines")
    need(c and c[-1] >= 3 * med, "largest %s < 3 x median %s" % (c[-1] if c else 0, med))
    return problems, counts, med


def main():
    ok = True
    for name, k, kind, hfn, hre in SYSTEMS:
        events = generate(name, k, kind, hfn)
        problems, counts, med = check(name, events, hre)
        order = ["E%d" % (i + 1) for i in range(len(events))]
        print("%-21s %-10s seed=%d events=%d max=%d median=%s counts=%s" % (
            name, kind, BASE_SEED * 10 + k, len(events), max(counts.values()), med,
            " ".join("%s:%d" % (e, counts.get(e, 0)) for e in order)))
        for p in problems:
            ok = False
            print("  FAIL:", p)
    print("self-check:", "PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
