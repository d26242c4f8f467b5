#!/usr/bin/env python3
"""Sealed 54: blind labelled log corpus generator.

Python 3 standard library only and fully deterministic: no wall clock, no locale.
Base seed 20270169; system k (1..6) uses random.Random(20270169 * 10 + k).
All time comes from an integer nanosecond clock on 2026-03-14 UTC.

Running it writes, next to this file,
  <System>/<System>.log                 300 raw lines
  <System>/<System>.log_structured.csv  LineId,Content,EventId,EventTemplate
  README.md
and then self-checks everything, printing a per-system summary.
"""

import csv
import datetime
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270169
N_LINES = 300
OUT = os.path.dirname(os.path.abspath(__file__))
NS = 10 ** 9
MS = 10 ** 6
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
EPOCH_ORD = datetime.date(1970, 1, 1).toordinal()
DAY_ORD = datetime.date(2026, 3, 14).toordinal()
DAY_NS = (DAY_ORD - EPOCH_ORD) * 86400 * NS      # 2026-03-14 00:00:00 UTC
DAY_END_NS = DAY_NS + 86400 * NS


def tparts(ns):
    """(year, month, day, hour, minute, second, nanos) of an epoch-ns instant, UTC."""
    sec, frac = divmod(ns, NS)
    days, rem = divmod(sec, 86400)
    d = datetime.date.fromordinal(EPOCH_ORD + days)
    hh, rem = divmod(rem, 3600)
    mm, ss = divmod(rem, 60)
    return d.year, d.month, d.day, hh, mm, ss, frac


def iso_ns(ns, sep=" "):
    y, mo, d, hh, mm, ss, _ = tparts(ns)
    return "%04d-%02d-%02d%s%02d:%02d:%02d" % (y, mo, d, sep, hh, mm, ss)


# ----------------------------------------------------------------------------
# value helpers
# ----------------------------------------------------------------------------
HEX = "0123456789abcdef"
ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"


def hexs(rng, n):
    return "".join(rng.choice(HEX) for _ in range(n))


def alnum(rng, n):
    return "".join(rng.choice(ALNUM) for _ in range(n))


def uuid4(rng):
    h = hexs(rng, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], rng.choice("89ab"),
                                   h[17:20], h[20:32])


def ms_str(rng, lo, hi):
    """Glued millisecond duration like 350ms."""
    return "%dms" % rng.randint(lo, hi)


def sec_str(rng, lo, hi, nd=2):
    return ("%." + str(nd) + "f" + "s") % rng.uniform(lo, hi)


def go_dur(ns):
    """Go time.Duration style string (truncated to ms)."""
    total_ms = ns // MS
    if total_ms < 1000:
        return "%dms" % max(total_ms, 1)
    m, rest = divmod(total_ms, 60000)
    s = rest / 1000.0
    if m == 0:
        return ("%.3f" % s).rstrip("0").rstrip(".") + "s"
    h, m = divmod(m, 60)
    sstr = ("%.3f" % s).rstrip("0").rstrip(".") + "s"
    if h:
        return "%dh%dm%s" % (h, m, sstr)
    return "%dm%s" % (m, sstr)


def size_str(rng, lo_kb, hi_kb):
    kb = rng.uniform(lo_kb, hi_kb)
    if kb >= 1024:
        return "%.1f MB" % (kb / 1024.0)
    return "%.1f KB" % kb


def fill(template, values):
    parts = template.split("<*>")
    if len(parts) - 1 != len(values):
        raise ValueError("slot/value mismatch for %r: %r" % (template, values))
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        out.append(v)
        out.append(p)
    return "".join(out)


# ----------------------------------------------------------------------------
# system scaffolding
# ----------------------------------------------------------------------------
class Event(object):
    def __init__(self, key, eid, level, template, count, gen, meta):
        self.key = key
        self.eid = eid
        self.level = level
        self.template = template
        self.count = count
        self.gen = gen
        self.meta = meta


class System(object):
    def __init__(self, k, name, kind, header_re, header_fn, ts_fn, fmt_desc,
                 content_desc, sim_desc):
        self.k = k
        self.name = name
        self.kind = kind            # "simulation" or "shuffle"
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.header_re = re.compile(header_re)
        self.header_fn = header_fn
        self.ts_fn = ts_fn
        self.fmt_desc = fmt_desc
        self.content_desc = content_desc
        self.sim_desc = sim_desc
        self.events = []
        self.by_key = {}
        self.cyc = {}
        self.cur = None
        self.records = []
        self.lines = []
        self.now = 0             # (raw, content, event)

    def ev(self, key, level, template, count=0, gen=None, **meta):
        e = Event(key, "E%d" % (len(self.events) + 1), level, template, count, gen, meta)
        assert key not in self.by_key
        self.events.append(e)
        self.by_key[key] = e
        return e

    def pick(self, slot, pool, ev=None):
        """Cycle through a small pool per (event, slot)."""
        key = (ev if ev is not None else self.cur, slot)
        i = self.cyc.get(key, 0)
        self.cyc[key] = i + 1
        return pool[i % len(pool)]

    def emit(self, ns, key, values, **hdr):
        self.records.append((ns, len(self.records), key, [str(v) for v in values], hdr))

    # seeded shuffle: fixed count per event, shuffled, forward-only clock
    def shuffle(self, start_ns, mean_gap_s, min_gap_ns=MS):
        keys = []
        for e in self.events:
            keys.extend([e.key] * e.count)
        assert len(keys) == N_LINES, (self.name, len(keys))
        self.rng.shuffle(keys)
        t = start_ns
        for key in keys:
            t += max(min_gap_ns, int(self.rng.expovariate(1.0 / mean_gap_s) * NS))
            self.cur = key
            self.now = t
            r = self.by_key[key].gen(self)
            if isinstance(r, tuple):
                vals, hdr = r
            else:
                vals, hdr = r, {}
            self.emit(t, key, vals, **hdr)
        self.cur = None

    def render(self):
        recs = sorted(self.records, key=lambda r: (r[0], r[1]))[:N_LINES]
        assert len(recs) == N_LINES, (self.name, len(recs))
        self.lines = []
        for ns, _seq, key, vals, hdr in recs:
            assert DAY_NS <= ns < DAY_END_NS, (self.name, ns)
            e = self.by_key[key]
            content = fill(e.template, vals)
            header = self.header_fn(ns, e, hdr)
            self.lines.append((header + content, content, e))

    def write(self):
        d = os.path.join(OUT, self.name)
        if not os.path.isdir(d):
            os.makedirs(d)
        with open(os.path.join(d, self.name + ".log"), "w", encoding="utf-8", newline="") as f:
            for raw, _c, _e in self.lines:
                f.write(raw + "\n")
        with open(os.path.join(d, self.name + ".log_structured.csv"), "w",
                  encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
            for i, (_raw, content, e) in enumerate(self.lines, 1):
                w.writerow([i, content, e.eid, e.template])


# ----------------------------------------------------------------------------
# 1. Feast feature server  (seeded shuffle)
# ----------------------------------------------------------------------------
def build_feast():
    def header(ns, e, h):
        y, mo, d, hh, mm, ss, _ = tparts(ns)
        lvl = h.get("level", e.level)
        if e.meta["kind"] == "G":
            return "[%04d-%02d-%02d %02d:%02d:%02d +0000] [%d] [%s] " % (
                y, mo, d, hh, mm, ss, h["pid"], lvl)
        h12 = hh % 12 or 12
        ampm = "AM" if hh < 12 else "PM"
        return "%02d/%02d/%04d %02d:%02d:%02d %s %s %s: " % (
            mo, d, y, h12, mm, ss, ampm, e.meta["logger"], lvl)

    re_py = re.compile(r"(\d{2})/(\d{2})/(\d{4}) (\d{2}):(\d{2}):(\d{2}) (AM|PM) ")
    re_gu = re.compile(r"\[(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) \+0000\]")

    def ts(hdr):
        m = re_py.match(hdr)
        if m:
            mo, d, y, h12, mi, s, ap = m.groups()
            hh = int(h12) % 12 + (12 if ap == "PM" else 0)
            return (int(y), int(mo), int(d), hh, int(mi), int(s))
        m = re_gu.match(hdr)
        return tuple(int(x) for x in m.groups())

    S = System(
        1, "Feast", "shuffle",
        r"(?:\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2} (?:AM|PM) [a-z_]+(?:\.[a-z_]+)* "
        r"(?:DEBUG|INFO|WARNING|ERROR|CRITICAL): "
        r"|\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+0000\] \[\d+\] "
        r"\[(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\] )",
        header, ts,
        "Python logging `%(asctime)s %(name)s %(levelname)s: %(message)s` with "
        "`%m/%d/%Y %I:%M:%S %p`, plus gunicorn/uvicorn worker lines `[date +0000] [pid] [LEVEL]`",
        "text after `LEVEL: ` or after `[LEVEL] `",
        None)
    rng = S.rng
    MASTER = 1
    projects = ["driver_ranking", "fraud_scoring", "recsys_prod"]
    services = ["driver_activity_v1", "driver_activity_v2", "customer_risk_v3",
                "fraud_detection_v1", "item_ranking_features"]
    fviews = ["driver_hourly_stats", "customer_profile", "transaction_aggregates_7d",
              "item_embeddings", "merchant_risk_daily", "user_session_features"]
    push_sources = ["driver_stats_push_source", "clickstream_push", "txn_events_push"]
    reg_paths = ["gs://feast-registry-prod/registry.db",
                 "s3://ml-feature-store-eu/feast/registry.pb",
                 "/opt/feast/feature_repo/data/registry.db"]
    redis_hosts = ["redis-feast-0.redis-headless", "10.42.7.19", "feast-online.cache.internal"]

    def wpid():
        return rng.randint(9, 460)

    def g_boot(S):
        return [wpid()], {"pid": MASTER}

    def g_started(S):
        p = wpid()
        return [p], {"pid": p}

    def g_startup(S):
        return [], {"pid": wpid()}

    def g_shutdown(S):
        return [], {"pid": wpid()}

    def g_sent(S):
        return [wpid(), S.pick("sig", ["SIGABRT", "SIGTERM", "SIGSEGV"])], {"pid": MASTER}

    def g_gof(S):
        rows = S.pick("rows", [1, 1, 5, 20, 1, 100, 3, 250, 1, 64])
        if rows != 1:
            rows = max(2, rows + rng.randint(-2, 30))
        return [rows, rng.randint(2, 38), S.pick("svc", services),
                "%.1fms" % rng.uniform(1.2, 95.0)]

    def g_push(S):
        return [rng.randint(1, 800), S.pick("src", push_sources),
                S.pick("to", ["online", "online_and_offline", "offline"])]

    def g_reg_exp(S):
        return [S.pick("ttl", ["60s", "600s", "300s"]), S.pick("path", reg_paths)]

    def g_reg_ok(S):
        return [rng.randint(8, 64), rng.randint(3, 14), rng.randint(2, 20),
                "%.2fs" % rng.uniform(0.05, 2.8)]

    def g_redis(S):
        h = S.pick("host", redis_hosts)
        return [h, S.pick("port", ["6379", "6380"]),
                S.pick("reason", ["Connection reset by peer",
                                  "Timeout reading from socket",
                                  "Error 111 connecting. Connection refused.",
                                  "Connection closed by server."]),
                S.pick("delay", ["100ms", "500ms", "1s", "2s"])]

    def g_fail(S):
        fv = S.pick("fv", fviews)
        return [S.pick("reason", [
            "FeatureViewNotFoundException: Feature view %s does not exist in project %s"
            % (fv, S.pick("proj", projects)),
            "Entity key driver_id is missing from entity_rows",
            "FeatureNameCollisionError: Duplicate feature names found: conv_rate",
            "Online store read timed out after %d ms" % rng.choice([500, 1000, 5000]),
            "ValueError: Entity rows must not be empty"])]

    def g_mat_start(S):
        end = DAY_NS - rng.randint(0, 6) * 3600 * NS
        start = end - S.pick("win", [1, 7, 1, 30]) * 86400 * NS
        return [S.pick("fv", fviews), iso_ns(start) + "+00:00", iso_ns(end) + "+00:00",
                S.pick("store", ["redis", "dynamodb", "sqlite"])]

    def g_mat_done(S):
        return [rng.randint(120, 2400000), S.pick("fv", fviews),
                "%.1fs" % rng.uniform(0.4, 780.0)]

    def g_missing(S):
        key = S.pick("ent", ["driver_id=%d" % rng.randint(1001, 1999),
                             "customer_id=C%06d" % rng.randint(1, 999999),
                             "item_id=sku-%s" % alnum(rng, 7)])
        return [key, S.pick("fv", fviews)]

    G, F = "G", "F"
    S.ev("boot", "INFO", "Booting worker with pid: <*>", 6, g_boot, kind=G)
    S.ev("started", "INFO", "Started server process [<*>]", 6, g_started, kind=G)
    S.ev("startup", "INFO", "Application startup complete.", 5, g_startup, kind=G)
    S.ev("shutdown", "INFO", "Application shutdown complete.", 3, g_shutdown, kind=G)
    S.ev("sent", "ERROR", "Worker (pid:<*>) was sent <*>!", 4, g_sent, kind=G)
    S.ev("gof", "INFO",
         "get_online_features: <*> entity rows, <*> features, feature_service=<*>, took <*>",
         105, g_gof, kind=F, logger="feast.feature_server")
    S.ev("push", "INFO", "Pushed <*> rows to push source '<*>' (to=<*>)", 38, g_push,
         kind=F, logger="feast.feature_server")
    S.ev("reg_exp", "INFO", "Registry cache expired after <*>, refreshing from <*>", 30,
         g_reg_exp, kind=F, logger="feast.infra.registry.caching_registry")
    S.ev("reg_ok", "INFO",
         "Registry refreshed: <*> feature views, <*> entities, <*> feature services in <*>",
         24, g_reg_ok, kind=F, logger="feast.infra.registry.caching_registry")
    S.ev("redis", "WARNING", "Connection to Redis at <*>:<*> lost (<*>), retrying in <*>", 9,
         g_redis, kind=F, logger="feast.infra.online_stores.redis")
    S.ev("fail", "ERROR", "Failed to serve get_online_features: <*>", 12, g_fail,
         kind=F, logger="feast.feature_server")
    S.ev("mat_start", "INFO",
         "Materializing feature view '<*>' from <*> to <*> into the <*> online store", 16,
         g_mat_start, kind=F, logger="feast.infra.materialization.local_engine")
    S.ev("mat_done", "INFO", "Materialized <*> rows for feature view '<*>' in <*>", 14,
         g_mat_done, kind=F, logger="feast.infra.materialization.local_engine")
    S.ev("missing", "WARNING", "Entity key <*> not found in online store for feature view '<*>'",
         28, g_missing, kind=F, logger="feast.feature_server")
    S.shuffle(DAY_NS + 8 * 3600 * NS + rng.randint(0, 1800) * NS, 14.0, min_gap_ns=3 * MS)
    return S


# ----------------------------------------------------------------------------
# 2. Label Studio server  (seeded shuffle)
# ----------------------------------------------------------------------------
def build_labelstudio():
    def header(ns, e, h):
        y, mo, d, hh, mm, ss, frac = tparts(ns)
        return "[%04d-%02d-%02d %02d:%02d:%02d,%03d] [%s] [%s] " % (
            y, mo, d, hh, mm, ss, frac // MS, e.meta["src"], h.get("level", e.level))

    def ts(hdr):
        return re.sub(r"\D", "", hdr[1:24])

    S = System(
        2, "LabelStudio", "shuffle",
        r"\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}\] \[[a-z_]+(?:\.[a-z0-9_]+)*::\w+::\d+\] "
        r"\[(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\] ",
        header, ts,
        "Django logging `[%(asctime)s] [%(name)s::%(funcName)s::%(lineno)d] [%(levelname)s] %(message)s`",
        "text after `[LEVEL] `",
        None)
    rng = S.rng

    def lvl_for(status):
        return "ERROR" if status >= 500 else ("WARNING" if status >= 400 else "INFO")

    def proj():
        return rng.randint(1, 48)

    def task():
        return rng.randint(1000, 98000)

    def g_get(S):
        p, t = proj(), task()
        path = S.pick("path", [
            "/api/projects/%d/" % p,
            "/api/tasks/%d/?project=%d" % (t, p),
            "/api/dm/views?project=%d" % p,
            "/api/projects/%d/next/" % p,
            "/static/js/main.%s.js" % hexs(rng, 8),
            "/api/current-user/whoami",
            "/projects/%d/data?tab=%d&task=%d" % (p, rng.randint(1, 200), t),
            "/data/upload/%d/%s-img_%04d.jpg" % (p, hexs(rng, 8), rng.randint(1, 9999)),
            "/api/tasks?page=%d&page_size=30&view=%d&project=%d" % (
                rng.randint(1, 40), rng.randint(1, 200), p),
            "/api/ml?project=%d" % p,
            "/api/annotations/%d/" % rng.randint(500, 250000),
        ])
        st = S.pick("status", [200, 200, 200, 304, 200, 200, 404, 200, 200, 304, 200])
        size = rng.randint(120, 98000) if st == 200 else (0 if st == 304 else rng.randint(60, 180))
        return ['%s' % path, st, size], {"level": lvl_for(st)}

    def g_post(S):
        p, t = proj(), task()
        path = S.pick("path", [
            "/api/tasks/%d/annotations/?project=%d" % (t, p),
            "/api/dm/actions?id=next_task&project=%d" % p,
            "/api/projects/%d/import?commit_to_project=false" % p,
            "/user/login/?next=/projects/",
            "/api/projects/%d/exports/" % p,
            "/api/ml/%d/train" % rng.randint(1, 9),
        ])
        st = S.pick("status", [201, 200, 201, 302, 400, 200, 201])
        return [path, st, rng.randint(40, 6200)], {"level": lvl_for(st)}

    def g_patch(S):
        path = S.pick("path", ["/api/annotations/%d/" % rng.randint(500, 250000),
                               "/api/projects/%d/" % proj(),
                               "/api/dm/views/%d/?project=%d" % (rng.randint(1, 200), proj())])
        st = S.pick("status", [200, 200, 400, 200])
        return [path, st, rng.randint(40, 9000)], {"level": lvl_for(st)}

    def g_delete(S):
        path = S.pick("path", ["/api/annotations/%d/" % rng.randint(500, 250000),
                               "/api/tasks/%d/" % task(),
                               "/api/projects/%d/" % proj()])
        st = S.pick("status", [204, 204, 404])
        return [path, st, 0 if st == 204 else rng.randint(60, 120)], {"level": lvl_for(st)}

    def g_notfound(S):
        return [S.pick("path", ["/api/tasks/%d/" % task(), "/favicon.ico",
                                "/api/projects/%d/" % rng.randint(60, 99),
                                "/data/upload/%d/%s-img_%04d.jpg" % (proj(), hexs(rng, 8),
                                                                     rng.randint(1, 9999))])]

    def g_badreq(S):
        return [S.pick("path", ["/api/tasks/%d/annotations/" % task(),
                                "/api/projects/%d/import" % proj(),
                                "/api/dm/views/%d/" % rng.randint(1, 200)])]

    def g_scan(S):
        return [rng.randint(0, 4800), S.pick("kind", ["S3", "GCS", "Azure", "LocalFiles"]),
                rng.randint(1, 40), rng.randint(0, 900)]

    def g_jobok(S):
        return [S.pick("q", ["default", "high", "low", "critical"]), uuid4(rng)]

    def g_mlerr(S):
        url = S.pick("url", ["http://ml-backend:9090/predict", "http://10.20.4.51:9090/predict",
                             "http://yolo-backend.labeling.svc:9090/train"])
        return [url, S.pick("reason", [
            "HTTPConnectionPool(host='ml-backend', port=9090): Read timed out. (read timeout=100)",
            "500 Server Error: INTERNAL SERVER ERROR",
            "Max retries exceeded with url: /predict (Caused by NewConnectionError)",
        ])]

    def g_pred(S):
        return [rng.randint(1, 30), S.pick("name", ["yolov8-detector", "sam-vit-b",
                                                  "bert-ner", "whisper-small"]),
                "%.2fs" % rng.uniform(0.08, 14.0)]

    def g_webhook(S):
        return [S.pick("url", ["https://hooks.example-corp.net/ls/annotations",
                               "http://10.20.9.3:8000/webhook"]),
                S.pick("action", ["ANNOTATION_CREATED", "TASKS_CREATED", "ANNOTATION_UPDATED"]),
                S.pick("reason", ["Read timed out. (read timeout=1.0)",
                                  "404 Client Error: Not Found",
                                  "Connection refused"])]

    def g_export(S):
        return [rng.randint(1, 600), proj(), rng.randint(10, 25000), rng.randint(10, 40000)]

    def g_upload(S):
        return [rng.randint(1, 120), size_str(rng, 4, 350000), proj()]

    def g_labeled(S):
        return [proj(), rng.randint(1, 1200), "%.2fs" % rng.uniform(0.01, 6.0)]

    srv = "django.server::log_message::187"
    S.ev("get", "INFO", '"GET <*> HTTP/1.1" <*> <*>', 108, g_get, src=srv)
    S.ev("post", "INFO", '"POST <*> HTTP/1.1" <*> <*>', 38, g_post, src=srv)
    S.ev("patch", "INFO", '"PATCH <*> HTTP/1.1" <*> <*>', 17, g_patch, src=srv)
    S.ev("delete", "INFO", '"DELETE <*> HTTP/1.1" <*> <*>', 6, g_delete, src=srv)
    S.ev("notfound", "WARNING", "Not Found: <*>", 15, g_notfound,
         src="django.request::log_response::241")
    S.ev("badreq", "WARNING", "Bad Request: <*>", 8, g_badreq,
         src="django.request::log_response::241")
    S.ev("scan", "INFO", "Scanned <*> keys in <*> storage <*>, created <*> new tasks", 12, g_scan,
         src="io_storages.base_models::scan_and_create_links::389")
    S.ev("jobok", "INFO", "<*>: Job OK (<*>)", 26, g_jobok, src="rq.worker::handle_job_success::1349")
    S.ev("mlerr", "ERROR", "Error in ML backend request to <*>: <*>", 9, g_mlerr,
         src="ml.api_connector::_request::143")
    S.ev("pred", "INFO", "Received predictions for <*> tasks from ML backend '<*>' in <*>", 20,
         g_pred, src="ml.models::get_predictions::290")
    S.ev("webhook", "WARNING", "Webhook <*> for action <*> failed: <*>", 5, g_webhook,
         src="webhooks.utils::run_webhook::84")
    S.ev("export", "INFO", "Export <*> for project <*> finished: <*> tasks, <*> annotations", 7,
         g_export, src="data_export.models::convert_file::312")
    S.ev("upload", "INFO", "Uploaded <*> files (<*>) to project <*>", 10, g_upload,
         src="data_import.uploader::load_tasks::206")
    S.ev("labeled", "INFO", "Project <*>: updated is_labeled for <*> tasks in <*>", 19, g_labeled,
         src="projects.models::update_tasks_states::512")
    S.shuffle(DAY_NS + 9 * 3600 * NS + rng.randint(0, 1800) * NS, 6.0)
    return S


# ----------------------------------------------------------------------------
# 3. ClearML agent daemon  (simulation: workers pulling tasks)
# ----------------------------------------------------------------------------
def build_clearml():
    def header(ns, e, h):
        return "%d %s %s " % (ns // MS, h["worker"], h.get("level", e.level))

    def ts(hdr):
        return int(hdr.split(" ", 1)[0])

    S = System(
        3, "ClearMlAgent", "simulation",
        r"\d{13} [A-Za-z0-9.-]+:[A-Za-z0-9,]+ (?:DEBUG|INFO|WARNING|ERROR) ",
        header, ts,
        "reported console line `<epoch ms> <worker id> <LEVEL> <message>`",
        "text after `<LEVEL> `",
        "agent workers (each listening to its queues, polling, pulling tasks, "
        "building a venv and running the task)")
    rng = S.rng
    S.ev("pulled", "INFO", "task <*> pulled from <*> by worker <*>")
    S.ev("running", "INFO", "Running task '<*>'")
    S.ev("storing", "INFO", "Storing stdout and stderr log to '<*>', '<*>'")
    S.ev("config", "DEBUG", "Current configuration (clearml_agent <*>, location: <*>):")
    S.ev("cached", "DEBUG", 'Using cached repository in "<*>"')
    S.ev("venv", "INFO", "created virtual environment <*> in <*>")
    S.ev("collect", "INFO", "Collecting <*>")
    S.ev("satisfied", "INFO", "Requirement already satisfied: <*> in <*> (<*>)")
    S.ev("installed", "INFO", "Successfully installed <*>")
    S.ev("exec", "DEBUG", "Starting Task Execution:")
    S.ev("ok", "INFO", "Process completed successfully")
    S.ev("failed", "ERROR", "Process failed, exit code <*>")
    S.ev("noq", "DEBUG", "No tasks in queue <*>")
    S.ev("sleep", "DEBUG", "No tasks in Queues, sleeping for 5.0 seconds")

    queues = [hexs(rng, 32) for _ in range(4)]
    workers = [
        ("gpu-node-07:gpu0", "v1.9.2", "3.10", [queues[0], queues[1]]),
        ("gpu-node-07:gpu1", "v1.9.2", "3.10", [queues[0]]),
        ("ws-train-3:0", "v1.8.1", "3.9", [queues[2], queues[3]]),
    ]
    pkgs = [("numpy", "1.26.4"), ("pandas", "2.2.1"), ("torch", "2.2.1"),
            ("torchvision", "0.17.1"), ("scikit-learn", "1.4.1.post1"), ("clearml", "1.14.4"),
            ("tqdm", "4.66.2"), ("pyyaml", "6.0.1"), ("matplotlib", "3.8.3"),
            ("requests", "2.31.0"), ("pillow", "10.2.0"), ("transformers", "4.38.2"),
            ("lightgbm", "4.3.0"), ("xgboost", "2.0.3"), ("boto3", "1.34.58"),
            ("attrs", "23.2.0"), ("six", "1.16.0"), ("protobuf", "4.25.3"),
            ("psutil", "5.9.8"), ("urllib3", "2.2.1"), ("certifi", "2024.2.2"),
            ("opencv-python-headless", "4.9.0.80"), ("tensorboard", "2.16.2")]
    repos = ["ml-training", "detectron-finetune", "demand-forecasting", "nlp-distill"]
    pyvers = {"3.10": "CPython3.10.12.final.0-64", "3.9": "CPython3.9.18.final.0-64"}
    start = DAY_NS + 10 * 3600 * NS + rng.randint(0, 900) * NS
    horizon = start + 4 * 3600 * NS
    fail_cycle = [False, True, False, False, True, False, True]
    exit_codes = [1, 137, 2]
    task_no = [0]

    for wi, (wid, ver, pyv, qs) in enumerate(workers):
        t = start + wi * rng.randint(3, 40) * NS + rng.randint(1, 999) * MS
        while t < horizon:
            # idle: poll queues a few times
            for _ in range(rng.randint(1, 3)):
                for q in qs:
                    S.emit(t, "noq", [q], worker=wid)
                    t += rng.randint(20, 180) * MS
                S.emit(t, "sleep", [], worker=wid)
                t += 5 * NS + rng.randint(10, 400) * MS
            # a task arrives
            n = task_no[0]
            task_no[0] += 1
            tid = hexs(rng, 32)
            q = qs[rng.randrange(len(qs))]
            S.emit(t, "pulled", [tid, q, wid], worker=wid)
            t += rng.randint(2, 30) * MS
            S.emit(t, "running", [tid], worker=wid)
            t += rng.randint(1, 8) * MS
            out = "/tmp/.clearml_agent_out.%s.txt" % alnum(rng, 8)
            S.emit(t, "storing", [out, out], worker=wid)
            t += rng.randint(600, 2500) * MS
            loc = S.pick("loc", ["/tmp/.clearml_agent.%s.cfg" % alnum(rng, 8),
                                 "/root/clearml.conf",
                                 "/tmp/.clearml_agent.%s.cfg" % alnum(rng, 8),
                                 "/home/ubuntu/clearml.conf"], ev="config")
            S.emit(t, "config", [ver, loc], worker=wid)
            t += rng.randint(200, 1500) * MS
            if rng.random() < 0.55:
                repo = repos[rng.randrange(len(repos))]
                S.emit(t, "cached", ["/root/.clearml/vcs-cache/%s.git.%s/%s.git"
                                     % (repo, hexs(rng, 32), repo)], worker=wid)
                t += rng.randint(300, 2500) * MS
            else:
                t += rng.randint(3000, 9000) * MS
            S.emit(t, "venv", [pyvers[pyv], "%dms" % rng.randint(180, 1400)], worker=wid)
            t += rng.randint(400, 3000) * MS
            chosen = rng.sample(pkgs, rng.randint(9, 17))
            installed = []
            site = "/root/.clearml/venvs-builds/%s/lib/python%s/site-packages" % (pyv, pyv)
            for name, v in chosen:
                if rng.random() < 0.55:
                    S.emit(t, "collect", ["%s==%s" % (name, v)], worker=wid)
                    installed.append("%s-%s" % (name, v))
                else:
                    S.emit(t, "satisfied", [name, site, v], worker=wid)
                t += rng.randint(80, 4000) * MS
            if installed:
                t += rng.randint(2000, 40000) * MS
                S.emit(t, "installed", [" ".join(installed)], worker=wid)
            t += rng.randint(500, 3000) * MS
            S.emit(t, "exec", [], worker=wid)
            t += rng.randint(20, 240) * NS + rng.randint(0, 999) * MS
            if fail_cycle[n % len(fail_cycle)]:
                S.emit(t, "failed", [S.pick("code", exit_codes, ev="failed")], worker=wid)
            else:
                S.emit(t, "ok", [], worker=wid)
            t += rng.randint(50, 900) * MS
    return S


# ----------------------------------------------------------------------------
# 4. Kubeflow Pipelines API server  (simulation: runs, UI, uploads, archivers)
# ----------------------------------------------------------------------------
def build_kfp():
    def header(ns, e, h):
        _y, mo, d, hh, mm, ss, frac = tparts(ns)
        return "%s%02d%02d %02d:%02d:%02d.%06d %7d %s] " % (
            e.meta["sev"], mo, d, hh, mm, ss, frac // 1000, 1, e.meta["src"])

    def ts(hdr):
        return hdr[1:21]

    S = System(
        4, "KubeflowPipelines", "simulation",
        r"[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d{6} +\d+ [a-z_]+\.go:\d+\] ",
        header, ts,
        "glog `Lmmdd hh:mm:ss.uuuuuu threadid file:line] msg`",
        "text after `file.go:line] `",
        "pipeline runs (create, persistence-agent reports, client polling, terminal state), "
        "the UI list poller, pipeline uploads and users archiving/unarchiving/reading artifacts "
        "of older runs")
    rng = S.rng
    S.ev("h_start", "I", "<*> handler starting", sev="I", src="interceptor.go:30")
    S.ev("h_finish", "I", "<*> handler finished", sev="I", src="interceptor.go:39")
    S.ev("creating", "I", 'Creating run "<*>" in experiment <*> from pipeline version <*>',
         sev="I", src="resource_manager.go:428")
    S.ev("created", "I", "Created run <*> with workflow <*> in namespace <*>",
         sev="I", src="resource_manager.go:517")
    S.ev("create_failed", "E", 'Failed to create run "<*>": <*>', sev="E", src="run_server.go:118")
    S.ev("report", "I", "Reporting workflow <*> in phase <*> for run <*>",
         sev="I", src="report_server.go:87")
    S.ev("stale", "W", "Skipping stale report for workflow <*>: resourceVersion <*> is older than <*>",
         sev="W", src="resource_manager.go:1196")
    S.ev("terminal", "I", "Run <*> reached terminal state <*> after <*>",
         sev="I", src="resource_manager.go:1231")
    S.ev("terminating", "I", "Terminating run <*> (workflow <*>)",
         sev="I", src="resource_manager.go:702")
    S.ev("archived", "I", "Archived run <*> in namespace <*>", sev="I", src="resource_manager.go:655")
    S.ev("unarchived", "I", "Unarchived run <*> in namespace <*>",
         sev="I", src="resource_manager.go:680")
    S.ev("artifact_failed", "E", "Failed to read artifact <*> of node <*> in run <*>: <*>",
         sev="E", src="run_server.go:402")
    S.ev("uploading", "I", 'Uploading pipeline "<*>" from file <*> (<*>)',
         sev="I", src="pipeline_upload_server.go:96")
    S.ev("pipeline_created", "I", "Created pipeline <*> with version <*>",
         sev="I", src="pipeline_upload_server.go:151")

    V1 = "/kubeflow.pipelines.backend.api.v1beta1."
    V2 = "/kubeflow.pipelines.backend.api.v2beta1."
    CREATE = [V2 + "RunService/CreateRun", V2 + "RunService/CreateRun", V1 + "RunService/CreateRunV1"]
    GETRUN = [V2 + "RunService/GetRun", V1 + "RunService/GetRunV1"]
    REPORT = V1 + "ReportService/ReportWorkflowV1"
    UI = [V2 + "RunService/ListRuns", V2 + "ExperimentService/ListExperiments",
          V2 + "RunService/ListRuns", V2 + "PipelineService/ListPipelines",
          V2 + "RecurringRunService/ListRecurringRuns"]
    pipes = ["churn-training", "xgboost-tabular", "bert-finetune", "daily-etl", "image-augment"]
    namespaces = ["kubeflow-user-amara", "team-mlops", "kubeflow-user-jdoe"]

    def handler(t, method, body):
        S.emit(t, "h_start", [method])
        t += rng.randint(200, 3000) * 1000
        t = body(t)
        t += rng.randint(200, 90000) * 1000
        S.emit(t, "h_finish", [method])
        return t

    start = DAY_NS + 13 * 3600 * NS + rng.randint(0, 900) * NS
    horizon = start + 2 * 3600 * NS
    state = {"rv": rng.randint(400000, 900000)}

    def report(t, wf, phase, run_id):
        def body(tb):
            if rng.random() < 0.2:
                old = state["rv"] - rng.randint(3, 400)
                S.emit(tb, "stale", [wf, old, state["rv"]])
            else:
                S.emit(tb, "report", [wf, phase, run_id])
            state["rv"] += rng.randint(1, 60)
            return tb
        return handler(t, REPORT, body)

    # runs
    t = start
    i = 0
    while t < horizon:
        t += int(rng.expovariate(1.0 / 20.0) * NS) + NS
        pipe = S.pick("pipe", pipes, ev="run")
        ns_ = S.pick("ns", namespaces, ev="run")
        display = "Run of %s (%s)" % (pipe, alnum(rng, 5))
        exp_id, pv = uuid4(rng), uuid4(rng)
        cm = S.pick("create", CREATE, ev="run")
        fails = (i % 3 == 1)
        run_id = uuid4(rng)
        wf = "%s-%s" % (pipe, alnum(rng, 5))
        box = {}

        def create_body(tb, display=display, exp_id=exp_id, pv=pv, fails=fails,
                        run_id=run_id, wf=wf, ns_=ns_):
            S.emit(tb, "creating", [display, exp_id, pv])
            tb += rng.randint(5, 400) * MS
            if fails:
                S.emit(tb, "create_failed", [display, S.pick("reason", [
                    "Invalid input error: pipeline spec is invalid: component \"train-model\" not found",
                    "Failed to fetch pipeline version %s: record not found" % pv,
                    "admission webhook \"validation.gatekeeper.sh\" denied the request: "
                    "container has no resource limits",
                    "Experiment %s is archived" % exp_id], ev="create_failed")])
            else:
                S.emit(tb, "created", [run_id, wf, ns_])
            return tb

        t_created = handler(t, cm, create_body)
        i += 1
        if fails:
            continue
        dur = rng.randint(20, 150) * NS + rng.randint(0, 999) * MS
        terminate = (i % 4 == 3)
        end = t_created + dur
        tr = t_created + rng.randint(2, 6) * NS
        report(tr, wf, "Pending", run_id)
        tr += rng.randint(6, 20) * NS
        if tr < end:
            report(tr, wf, "Running", run_id)
        tr += rng.randint(30, 110) * NS
        while tr < end - 5 * NS:
            report(tr, wf, "Running", run_id)
            tr += rng.randint(30, 110) * NS
        if terminate:
            tt = t_created + dur * 2 // 5
            handler(tt, V2 + "RunService/TerminateRun",
                    lambda tb, r=run_id, w=wf: (S.emit(tb, "terminating", [r, w]), tb)[1])
            end = tt + rng.randint(3, 12) * NS
            final, term = "Failed", "CANCELED"
        elif i % 5 == 2:
            final, term = "Failed", "FAILED"
        else:
            final, term = "Succeeded", "SUCCEEDED"
        tf = report(end, wf, final, run_id)
        S.emit(tf + rng.randint(1, 40) * MS, "terminal", [run_id, term, go_dur(end - t)])
        # the client polls GetRun until it sees a terminal state
        gm = S.pick("get", GETRUN, ev="run")
        tp = t_created + rng.randint(10, 45) * NS
        while tp < end + 20 * NS:
            handler(tp, gm, lambda tb: tb)
            tp += rng.randint(40, 120) * NS

    # UI list poller
    t = start + rng.randint(0, 10) * NS + rng.randint(1, 999999) * 1000
    while t < horizon:
        handler(t, S.pick("m", UI, ev="ui"), lambda tb: tb)
        t += int(rng.expovariate(1.0 / 35.0) * NS) + 4 * NS

    # pipeline uploads (HTTP upload endpoint, no gRPC interceptor)
    t = start + rng.randint(10, 60) * NS
    while t < horizon:
        t += int(rng.expovariate(1.0 / 50.0) * NS) + 5 * NS
        name = S.pick("name", pipes, ev="uploading")
        fname = "%s_%s.yaml" % (name.replace("-", "_"), S.pick("suffix", ["v2", "pipeline", "final"],
                                                                 ev="uploading"))
        S.emit(t, "uploading", [name, fname, "%.1f KiB" % rng.uniform(3.0, 90.0)])
        S.emit(t + rng.randint(30, 700) * MS, "pipeline_created", [uuid4(rng), uuid4(rng)])

    # users tidying older runs: archive, sometimes unarchive, open artifacts
    t = start + rng.randint(5, 40) * NS
    k = 0
    while t < horizon:
        t += int(rng.expovariate(1.0 / 25.0) * NS) + 3 * NS
        old_run = uuid4(rng)
        ns_ = S.pick("ns", namespaces, ev="archiver%d" % (k % 3))
        act = k % 3
        k += 1
        if act == 0:
            handler(t, V2 + "RunService/ArchiveRun",
                    lambda tb, r=old_run, n=ns_: (S.emit(tb, "archived", [r, n]), tb)[1])
            tu = t + rng.randint(15, 120) * NS
            handler(tu, V2 + "RunService/UnarchiveRun",
                    lambda tb, r=old_run, n=ns_: (S.emit(tb, "unarchived", [r, n]), tb)[1])
        elif act == 1:
            handler(t, V2 + "RunService/ArchiveRun",
                    lambda tb, r=old_run, n=ns_: (S.emit(tb, "archived", [r, n]), tb)[1])
        else:
            node = "%s-%d" % (S.pick("wfp", pipes, ev="artifact_failed"), rng.randint(100000000, 4294967295))
            art = S.pick("art", ["mlpipeline-ui-metadata", "mlpipeline-metrics", "model", "dataset"],
                         ev="artifact_failed")
            reason = S.pick("reason", [
                "The specified key does not exist.",
                "failed to get object from minio-service.kubeflow:9000: context deadline exceeded",
                "artifact is larger than 10 MiB"], ev="artifact_failed")
            handler(t, V2 + "RunService/ReadArtifact",
                    lambda tb, a=art, n=node, r=old_run, rs=reason:
                    (S.emit(tb, "artifact_failed", [a, n, r, rs]), tb)[1])
    return S


# ----------------------------------------------------------------------------
# 5. H2O-3 server  (seeded shuffle)
# ----------------------------------------------------------------------------
def build_h2o():
    NODE = "10.0.4.17"
    PORT = 54321
    PID = 14602

    def header(ns, e, h):
        _y, mo, d, hh, mm, ss, frac = tparts(ns)
        return "%02d-%02d %02d:%02d:%02d.%03d %s:%d %10d  %-13s %s water.default: " % (
            mo, d, hh, mm, ss, frac // MS, NODE, PORT, PID, h["thread"], e.level)

    def ts(hdr):
        return hdr[:18]

    S = System(
        5, "H2oServer", "shuffle",
        r"\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} \d{1,3}(?:\.\d{1,3}){3}:\d+ +\d+ +\S+ +"
        r"(?:TRACE|DEBUG|INFO|WARN|ERRR|FATAL) water\.default: ",
        header, ts,
        "H2O `MM-dd HH:mm:ss.SSS ip:port pid thread LEVEL water.default: msg`",
        "text after `water.default: `",
        None)
    rng = S.rng

    def rest_thread():
        return S.pick("thr", ["qtp1291823-%d" % rng.randint(14, 96), "#%d:%d" % (rng.randint(2, 60), PORT)])

    def fj():
        return "FJ-%d-%d" % (rng.randint(0, 3), rng.randint(1, 31))

    def jobkey():
        return "$0301%s%s$_%s" % ("0a000411", "d4ffffffff", hexs(rng, 32))

    frames = ["train.hex", "valid.hex", "creditcard.hex", "py_3_sid_%s" % hexs(rng, 4),
              "churn_data.hex", "Key_Frame__upload_%s.hex" % hexs(rng, 32)]
    algos = ["GBM", "DRF", "GLM", "XGBoost", "DeepLearning"]

    def model_id():
        return "%s_model_python_%d_%d" % (S.pick("algo", algos), 1773400000 + rng.randint(0, 99999),
                                          rng.randint(1, 40))

    def g_get(S):
        which = S.pick("path", ["cloud", "job", "summary", "model", "job", "schemas", "frame", "job"])
        if which == "cloud":
            return ["/3/Cloud", "{}"], {"thread": rest_thread()}
        if which == "job":
            return ["/3/Jobs/%s" % jobkey(), "{}"], {"thread": rest_thread()}
        if which == "summary":
            return ["/3/Frames/%s/summary" % S.pick("f", frames),
                    S.pick("sparms", ["{row_count=10, row_offset=0, column_count=-1}",
                                      "{row_count=100, row_offset=0, column_count=-1}"])], \
                {"thread": rest_thread()}
        if which == "model":
            return ["/3/Models/%s" % model_id(), "{}"], {"thread": rest_thread()}
        if which == "schemas":
            return ["/3/Metadata/schemas", "{}"], {"thread": rest_thread()}
        return ["/3/Frames/%s" % S.pick("f2", frames),
                "{exclude_fields=frames/__meta,frames/chunk_summary,frames/default_percentiles}"], \
            {"thread": rest_thread()}

    def g_post(S):
        sid = hexs(rng, 4)
        path = S.pick("path", ["/99/Rapids", "/3/ParseSetup", "/3/Parse", "/3/ModelBuilders/%s"
                               % S.pick("algo", ["gbm", "drf", "glm", "xgboost"]), "/99/Rapids",
                               "/3/ImportFiles"])
        parms = S.pick("parms", [
            "{ast=(tmp= py_%d_sid_%s (cols_py train.hex [0 1 2 3])), session_id=_sid_%s}"
            % (rng.randint(1, 90), sid, sid),
            "{source_frames=[\"nfs://data/%s.csv\"], check_header=1}" % S.pick("csv", ["churn", "creditcard", "sales_2025"]),
            "{destination_frame=%s, chunk_size=4194304, number_columns=%d}" % (S.pick("f", frames), rng.randint(4, 80)),
            "{training_frame=train.hex, response_column=%s, ntrees=%d, seed=%d}" % (
                S.pick("resp", ["label", "Class", "churned"]), rng.randint(20, 500), rng.randint(1, 99999)),
            "{ast=(rm py_%d_sid_%s), session_id=_sid_%s}" % (rng.randint(1, 90), sid, sid),
            "{path=s3://h2o-datasets-%s/input/, pattern=*.csv}" % alnum(rng, 4)])
        return [path, parms], {"thread": rest_thread()}

    def g_delete(S):
        path = S.pick("path", ["/3/Frames/%s" % S.pick("f", frames), "/3/Models/%s" % model_id(),
                               "/3/DKV/%s" % S.pick("f2", frames)])
        return [path, "{}" if rng.random() < 0.5 else "{cascade=true}"], {"thread": rest_thread()}

    def g_setup(S):
        cols = rng.randint(3, 120)
        total = rng.randint(2000, 900000000)
        chunk = S.pick("chunk", [4194304, 1048576, 65536])
        nch = max(1, total // chunk)
        return [S.pick("cloud", [1, 3, 1, 4]), S.pick("cores", [8, 16, 32]), cols,
                rng.randint(40, 4000), total, total, chunk, nch, nch * cols], {"thread": rest_thread()}

    def g_fsize(S):
        return [size_str(rng, 2, 900000)], {"thread": rest_thread()}

    def g_parse(S):
        return [S.pick("f", frames), rng.randint(100, 9000000), rng.randint(3, 120)], {"thread": fj()}

    def g_build(S):
        return [S.pick("algo", algos)], {"thread": fj()}

    def g_done(S):
        return [model_id(), "%.3f sec" % rng.uniform(0.4, 900.0)], {"thread": fj()}

    def g_cloud(S):
        n = S.pick("n", [1, 3, 2])
        nodes = ", ".join("/10.0.4.%d:54321" % (17 + j) for j in range(n))
        return [n, nodes], {"thread": "main"}

    def g_drop(S):
        cols = S.pick("cols", ["C5", "C5, C9", "id, customer_uuid", "Time", "row_id, batch, C14"])
        return [cols], {"thread": fj()}

    def g_missing(S):
        n = rng.randint(1, 9000)
        return [S.pick("resp", ["label", "Class", "churned"]), n], {"thread": fj()}

    def g_jobfail(S):
        return [jobkey(), S.pick("reason", [
            "java.lang.IllegalArgumentException: Response column 'target' not found in frame",
            "water.exceptions.H2OModelBuilderIllegalArgumentException: Illegal argument(s) for GBM model",
            "java.lang.OutOfMemoryError: Java heap space",
            "water.exceptions.H2OKeyNotFoundArgumentException: Object 'valid.hex' not found"])], {"thread": fj()}

    def g_saved(S):
        m = model_id()
        return [m, S.pick("dir", ["/opt/h2o/models/%s" % m, "hdfs://nn01:8020/user/h2o/models/%s" % m,
                                  "s3://ml-models-prod/h2o/%s.zip" % m])], {"thread": rest_thread()}

    def g_loaded(S):
        m = model_id()
        return [m, S.pick("dir", ["/opt/h2o/models/%s" % m, "s3://ml-models-prod/h2o/%s.zip" % m])], \
            {"thread": rest_thread()}

    S.ev("get", "INFO", "GET <*>, parms: <*>", 118, g_get)
    S.ev("post", "INFO", "POST <*>, parms: <*>", 50, g_post)
    S.ev("delete", "INFO", "DELETE <*>, parms: <*>", 8, g_delete)
    S.ev("setup", "INFO",
         "ParseSetup heuristic: cloudSize: <*>, cores: <*>, numCols: <*>, maxLineLength: <*>, "
         "totalSize: <*>, localParseSize:<*>, chunkSize: <*>, numChunks: <*>, numChunks * cols: <*>",
         14, g_setup)
    S.ev("fsize", "INFO", "Total file size: <*>", 14, g_fsize)
    S.ev("parse", "INFO", "Parse result for <*> (<*> rows, <*> cols):", 14, g_parse)
    S.ev("build", "INFO", "Building H2O <*> model with these parameters:", 18, g_build)
    S.ev("done", "INFO", "Done building model <*> in <*>", 18, g_done)
    S.ev("cloud", "INFO", "Cloud of size <*> formed [<*>]", 4, g_cloud)
    S.ev("drop", "WARN", "Dropping bad and constant columns: [<*>]", 16, g_drop)
    S.ev("missing", "WARN", "Response column <*> has <*> missing values, those rows will be skipped", 6,
         g_missing)
    S.ev("jobfail", "ERRR", "Job <*> failed: <*>", 5, g_jobfail)
    S.ev("saved", "INFO", "Model <*> saved to <*>", 9, g_saved)
    S.ev("loaded", "INFO", "Model <*> loaded from <*>", 6, g_loaded)
    S.shuffle(DAY_NS + 11 * 3600 * NS + rng.randint(0, 1800) * NS, 9.0)
    return S


# ----------------------------------------------------------------------------
# 6. Argo Events sensor / eventsource  (seeded shuffle)
# ----------------------------------------------------------------------------
def build_argo():
    def header(ns, e, h):
        sec, frac = divmod(ns, NS)
        f = ("%09d" % frac)[:7].rstrip("0") or "0"
        return '{"level":"%s","ts":%d.%s,"logger":"argo-events.%s","caller":"%s",' % (
            e.level, sec, f, e.meta["comp"], e.meta["caller"])

    def ts(hdr):
        m = re.search(r'"ts":(\d+)\.(\d+)', hdr)
        return int(m.group(1)) * NS + int((m.group(2) + "000000000")[:9])

    S = System(
        6, "ArgoEvents", "shuffle",
        r'\{"level":"(?:debug|info|warn|error)","ts":\d{10}\.\d{1,7},"logger":"argo-events\.'
        r'(?:sensor|eventsource)","caller":"[a-z0-9_/-]+\.go:\d+",',
        header, ts,
        "zap JSON `{\"level\",\"ts\",\"logger\",\"caller\",\"msg\",...fields}`",
        "from `\"msg\":` to the closing brace (message plus context fields)",
        None)
    rng = S.rng
    es_names = ["webhook", "github-events", "minio-bucket", "kafka-orders", "calendar-nightly"]
    hooks = [("webhook", "example", "/example", "12000"), ("webhook", "deploy", "/deploy", "12000"),
             ("webhook-ci", "push", "/push", "13000"), ("webhook", "retrain", "/models/retrain", "12001")]
    sensors = ["webhook-sensor", "ci-pipeline", "model-retrain", "minio-ingest"]
    triggers = ["workflow-trigger", "argo-workflow", "slack-notify", "http-trigger", "k8s-job-trigger"]
    deps = ['"test-dep"', '"push-dep"', '"minio-dep","kafka-dep"', '"retrain-dep"']
    objs = [("Workflow", "argo"), ("Job", "batch-jobs"), ("Workflow", "ml-pipelines"),
            ("ConfigMap", "argo-events")]
    STACK_ES = ("github.com/argoproj/argo-events/eventsources.(*EventSourceAdaptor).run.func1\\n"
                "\\t/home/runner/work/argo-events/argo-events/eventsources/eventing.go:553")
    STACK_SN = ("github.com/argoproj/argo-events/sensors.(*SensorContext).listenEvents.func1.3\\n"
                "\\t/home/runner/work/argo-events/argo-events/sensors/listener.go:445")

    def hook(S):
        return S.pick("hook", hooks)

    def ev_ids(n):
        return ",".join('"%s"' % hexs(rng, 32) for _ in range(n))

    def g_req(S):
        es, name, ep, port = hook(S)
        return [es, name, ep, port]

    def g_publish(S):
        es = S.pick("es", es_names)
        typ = {"webhook": "webhook", "github-events": "github", "minio-bucket": "minio",
               "kafka-orders": "kafka", "calendar-nightly": "calendar"}[es]
        name = S.pick("name", ["example", "push", "put-object", "orders", "nightly", "deploy"])
        return [es, name, typ, hexs(rng, 32)]

    def g_pubfail(S):
        es = S.pick("es", es_names)
        return [es, S.pick("name", ["example", "orders", "put-object"]),
                S.pick("typ", ["webhook", "kafka", "minio"]),
                S.pick("err", ["failed to publish event, nats: timeout",
                               "nats: connection closed",
                               "context deadline exceeded"])]

    def g_cal(S):
        step = S.pick("step", [3600, 1800, 900]) * NS
        nxt = (S.now // step + 1) * step
        return [S.pick("es", ["calendar-nightly", "calendar-hourly"]),
                S.pick("name", ["nightly", "hourly", "report"]), iso_ns(nxt) + " +0000 UTC"]

    def g_start(S):
        es = S.pick("es", es_names)
        return [es, S.pick("typ", ["webhook", "github", "minio", "kafka", "calendar"])]

    def g_ok(S):
        tr = S.pick("tr", triggers)
        d = S.pick("deps", deps)
        return [tr, S.pick("sn", sensors), tr, S.pick("tt", ["ArgoWorkflow", "Kubernetes", "Slack", "HTTP"]),
                d, ev_ids(d.count(",") + 1)]

    def g_trfail(S):
        tr = S.pick("tr", triggers)
        d = S.pick("deps", deps[:2])
        return [S.pick("sn", sensors), S.pick("err", [
            "failed to execute trigger: timed out waiting for the condition",
            "failed to execute trigger: workflows.argoproj.io \\\"ci-run-x8k2f\\\" is forbidden: "
            "User \\\"system:serviceaccount:argo-events:operate-workflow-sa\\\" cannot create resource",
            "failed to execute trigger: Post \\\"https://hooks.slack.example/services/T0/B1\\\": "
            "dial tcp 10.96.0.10:443: i/o timeout"]), tr, d, ev_ids(1)]

    def g_discard(S):
        src = S.pick("src", ["webhook", "github-events", "minio-bucket"])
        when = S.now - rng.randint(1, 900) * MS
        data = S.pick("data", ['{\\"message\\":\\"this is my first webhook\\"}',
                               '{\\"ref\\":\\"refs/heads/dev\\"}',
                               '{\\"Key\\":\\"tmp/part-0001.parquet\\"}'])
        return [hexs(rng, 32), src, iso_ns(when, "T") + "Z", data, S.pick("sn", sensors),
                S.pick("dep", ["test-dep", "push-dep", "minio-dep"])]

    def g_sub(S):
        tr = S.pick("tr", triggers)
        return [tr, "%s-%s-%d" % (S.pick("sn", sensors), tr, rng.randint(1000, 99999)), S.pick("sn2", sensors)]

    def g_obj(S):
        kind, ns_ = S.pick("obj", objs)
        return [S.pick("sn", sensors), S.pick("tr", triggers), kind, ns_]

    def g_bus(S):
        return [S.pick("sn", sensors), S.pick("err", ["nats: connection closed", "EOF",
                                                       "read tcp 10.244.3.17:41862->10.96.112.4:4222: "
                                                       "read: connection reset by peer"])]

    ES, SN = "eventsource", "sensor"
    wh_fields = '"eventSourceName":"<*>","eventSourceType":"webhook","eventName":"<*>","endpoint":"<*>","port":"<*>"}'
    S.ev("req", "info", '"msg":"a request received, processing it...",' + wh_fields, 66, g_req,
         comp=ES, caller="webhook/webhook.go:110")
    S.ev("dispatch", "info", '"msg":"dispatching event on route\'s data channel",' + wh_fields, 50, g_req,
         comp=ES, caller="webhook/webhook.go:131")
    S.ev("publish", "info",
         '"msg":"Succeeded to publish an event","eventSourceName":"<*>","eventName":"<*>",'
         '"eventSourceType":"<*>","id":"<*>"}', 58, g_publish, comp=ES, caller="eventsources/eventing.go:564")
    S.ev("pubfail", "error",
         '"msg":"Failed to publish an event","eventSourceName":"<*>","eventName":"<*>",'
         '"eventSourceType":"<*>","error":"<*>","stacktrace":"' + STACK_ES + '"}', 6, g_pubfail,
         comp=ES, caller="eventsources/eventing.go:553")
    S.ev("inactive", "info", '"msg":"route is not active",' + wh_fields, 5, g_req,
         comp=ES, caller="webhook/webhook.go:103")
    S.ev("cal", "info",
         '"msg":"expected next calendar event","eventSourceName":"<*>","eventSourceType":"calendar",'
         '"eventName":"<*>","nextTime":"<*>"}', 10, g_cal, comp=ES, caller="calendar/start.go:263")
    S.ev("start", "info", '"msg":"Starting event source server...","eventSourceName":"<*>",'
         '"eventSourceType":"<*>"}', 4, g_start, comp=ES, caller="eventsources/eventing.go:412")
    S.ev("ok", "info",
         '"msg":"Successfully processed trigger \'<*>\'","sensorName":"<*>","triggerName":"<*>",'
         '"triggerType":"<*>","triggeredBy":[<*>],"triggeredByEvents":[<*>]}', 40, g_ok,
         comp=SN, caller="sensors/listener.go:449")
    S.ev("trfail", "error",
         '"msg":"Failed to execute a trigger","sensorName":"<*>","error":"<*>","triggerName":"<*>",'
         '"triggeredBy":[<*>],"triggeredByEvents":[<*>],"stacktrace":"' + STACK_SN + '"}', 7, g_trfail,
         comp=SN, caller="sensors/listener.go:445")
    S.ev("discard", "info",
         '"msg":"Event [ID \'<*>\', Source \'<*>\', Time \'<*>\', Data \'<*>\'] discarded due to filtering",'
         '"sensorName":"<*>","dependencyName":"<*>"}', 14, g_discard, comp=SN, caller="sensors/listener.go:362")
    S.ev("sub", "info",
         '"msg":"Started subscribing to events for trigger \'<*>\' with client \'<*>\'","sensorName":"<*>"}',
         8, g_sub, comp=SN, caller="sensors/listener.go:291")
    S.ev("unsub", "info",
         '"msg":"Stopped subscribing to events for trigger \'<*>\' with client \'<*>\'","sensorName":"<*>"}',
         4, g_sub, comp=SN, caller="sensors/listener.go:302")
    S.ev("obj", "info",
         '"msg":"creating the object...","sensorName":"<*>","triggerName":"<*>","kind":"<*>","namespace":"<*>"}',
         22, g_obj, comp=SN, caller="standard-k8s/standar-k8s.go:207")
    S.ev("bus", "warn",
         '"msg":"connection to eventbus lost, reconnecting","sensorName":"<*>","error":"<*>"}', 6, g_bus,
         comp=SN, caller="sensors/listener.go:236")
    S.shuffle(DAY_NS + 15 * 3600 * NS + rng.randint(0, 1800) * NS, 11.0)
    return S


# ----------------------------------------------------------------------------
# self-check
# ----------------------------------------------------------------------------
def tmpl_regex(t):
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in t.split("<*>")) + "$", re.S)


def check(S):
    errs = []
    d = os.path.join(OUT, S.name)
    logp = os.path.join(d, S.name + ".log")
    csvp = os.path.join(d, S.name + ".log_structured.csv")
    with open(logp, "rb") as f:
        rawb = f.read()
    with open(csvp, "rb") as f:
        csvb = f.read()
    for label, b in (("log", rawb), ("csv", csvb)):
        if not b.endswith(b"\n"):
            errs.append("%s does not end with newline" % label)
        if b"\r" in b:
            errs.append("%s contains \\r" % label)
    raw = rawb.decode("utf-8").split("\n")[:-1]
    if len(raw) != N_LINES:
        errs.append("log has %d lines" % len(raw))
    with open(csvp, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header %r" % rows[0])
    rows = rows[1:]
    if len(rows) != N_LINES:
        errs.append("csv has %d rows" % len(rows))
    tmpl_of = {}
    counts = {}
    caps = {}
    prev_ts = None
    for i, (line, row) in enumerate(zip(raw, rows), 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tmpl = row
        if lid != str(i):
            errs.append("LineId %r at row %d" % (lid, i))
        if not content or content != content.strip():
            errs.append("content empty/unstripped at %d" % i)
        if "\n" in content or "\n" in tmpl:
            errs.append("newline inside row %d" % i)
        if not line.endswith(content):
            errs.append("line %d does not end with its content" % i)
            continue
        header = line[:len(line) - len(content)]
        if not S.header_re.fullmatch(header):
            errs.append("header %d does not match: %r" % (i, header))
            continue
        tsv = S.ts_fn(header)
        if prev_ts is not None and tsv < prev_ts:
            errs.append("timestamp goes back at line %d" % i)
        prev_ts = tsv
        if not re.fullmatch(r"E\d+", eid):
            errs.append("bad EventId %r" % eid)
        if tmpl_of.setdefault(eid, tmpl) != tmpl:
            errs.append("EventId %s has two templates" % eid)
        counts[eid] = counts.get(eid, 0) + 1
        m = tmpl_regex(tmpl).match(content)
        if not m:
            errs.append("template of %s does not match line %d: %r / %r" % (eid, i, tmpl, content))
            continue
        for j, g in enumerate(m.groups()):
            caps.setdefault((eid, j), set()).add(g)
    if len(set(tmpl_of.values())) != len(tmpl_of):
        errs.append("two EventIds share a template")
    declared = [e.eid for e in S.events]
    for e in S.events:
        if e.eid not in counts:
            errs.append("declared event %s unused" % e.eid)
        elif tmpl_of[e.eid] != e.template:
            errs.append("template mismatch for %s" % e.eid)
    for eid in counts:
        if eid not in declared:
            errs.append("undeclared EventId %s" % eid)
    for eid, t in tmpl_of.items():
        for j in range(t.count("<*>")):
            if len(caps.get((eid, j), ())) < 2:
                errs.append("slot %d of %s takes fewer than 2 values" % (j, eid))
    c = sorted(counts.values())
    if not 12 <= len(c) <= 15:
        errs.append("%d event types" % len(c))
    if c and c[0] < 3:
        errs.append("an event has only %d lines" % c[0])
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines: %r" % c)
    if c and c[-1] < 3 * statistics.median(c):
        errs.append("largest %d < 3x median %s" % (c[-1], statistics.median(c)))
    return errs, counts


# ----------------------------------------------------------------------------
# README
# ----------------------------------------------------------------------------
def write_readme(systems):
    sims = [S for S in systems if S.kind == "simulation"]
    shuf = [S for S in systems if S.kind == "shuffle"]
    L = []
    L.append("# Sealed 54: a blind corpus for the log template miner")
    L.append("")
    L.append(
        "Six invented logs for exercising a log template miner: **Feast** (feature server, "
        "with its gunicorn/uvicorn worker lines), **LabelStudio** (Label Studio Django server), "
        "**ClearMlAgent** (ClearML agent daemon console), **KubeflowPipelines** (Kubeflow "
        "Pipelines API server), **H2oServer** (H2O-3 node log) and **ArgoEvents** (Argo Events "
        "sensor and eventsource pods). Each system has a folder `<System>/` holding "
        "`<System>.log` (exactly 300 raw lines with the program's default header) and "
        "`<System>.log_structured.csv` (`LineId,Content,EventId,EventTemplate`, LineId 1..300, "
        "EventIds `E1`, `E2`, ... in the order the events are declared in `generate.py`). "
        "`generate.py` rewrites every file, including this README, and self-checks them.")
    L.append("")
    L.append(
        "**Blind:** written without running the miner or any other log parser, without reading "
        "the miner's source, tests, docs or earlier corpora; no Loghub data or per-system "
        "analysis was used; messages were invented in each project's style from memory; no line, "
        "template or value list was copied from a public log or data set; hosts, addresses, ids "
        "and users are made up.")
    L.append("")
    L.append("## Scores")
    L.append("")
    L.append("(filled in by the maintainer)")
    L.append("")
    L.append("## How it was made")
    L.append("")
    L.append(
        "`python3 generate.py` (standard library only, deterministic, no wall clock, no locale). "
        "Base seed `%d`; system *k* (1..6 in the order Feast, LabelStudio, ClearMlAgent, "
        "KubeflowPipelines, H2oServer, ArgoEvents) uses `random.Random(%d*10 + k)`. Time comes "
        "from an integer nanosecond clock on 2026-03-14 UTC." % (BASE_SEED, BASE_SEED))
    L.append("")
    L.append("Simulations (entities with overlapping lifetimes, each on its own clock, merged in "
             "time order, first 300 lines kept):")
    L.append("")
    for S in sims:
        L.append("- %s: %s." % (S.name, S.sim_desc))
    L.append("")
    L.append("Seeded shuffles (fixed count per event, shuffled, stamped by a forward-only clock "
             "with exponential gaps): %s." % ", ".join(S.name for S in shuf))
    L.append("")
    L.append("| system | format (default shape) | Content is |")
    L.append("|---|---|---|")
    for S in systems:
        raw, content, _e = S.lines[0]
        hdr = raw[:len(raw) - len(content)].rstrip()
        L.append("| %s | %s; e.g. `%s` | %s |" % (S.name, S.fmt_desc, hdr, S.content_desc))
    L.append("")
    L.append("## Ground-truth convention (Loghub style)")
    L.append("")
    L.append("- One `<*>` per value. A value that contains spaces still gets one `<*>` (free-text "
             "errors, SQL, lists, `2 MB`, glued durations like `1.2s` or `350ms`, timestamps "
             "inside the message).")
    L.append("- Punctuation around a value stays literal (`(<*>)`, `[<*>]`, `<*>,`, `\"<*>\"`, "
             "`key=<*>`).")
    L.append("- Words that name a different event stay literal; different words mean different events.")
    L.append("- An optional field makes a separate event type.")
    L.append("- Text that never changes within an event type stays literal, even if it looks like a number.")
    L.append("- Every `<*>` takes at least two distinct values in the data.")
    L.append("")
    L.append("Example templates:")
    L.append("")
    for S in systems:
        ex = S.events[:1] + S.events[len(S.events) // 2: len(S.events) // 2 + 1] + S.events[-1:]
        for e in ex:
            L.append("- %s %s: `%s`" % (S.name, e.eid, e.template))
    L.append("")
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(L).rstrip("\n") + "\n")


def main():
    builders = [build_feast, build_labelstudio, build_clearml, build_kfp, build_h2o, build_argo]
    systems = []
    for k, b in enumerate(builders, 1):
        S = b()
        assert S.k == k
        S.render()
        S.write()
        systems.append(S)
    write_readme(systems)
    bad = False
    for S in systems:
        errs, counts = check(S)
        c = sorted(counts.values())
        print("%-18s %-10s lines=%d events=%d largest=%d median=%s smallest=%d small(3-10)=%d %s"
              % (S.name, S.kind, len(S.lines), len(counts), c[-1], statistics.median(c), c[0],
                 sum(1 for x in c if 3 <= x <= 10), "OK" if not errs else "FAIL"))
        for e in errs[:15]:
            print("    " + e)
        bad = bad or bool(errs)
    if bad:
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
