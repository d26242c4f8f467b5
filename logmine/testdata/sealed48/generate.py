#!/usr/bin/env python3
"""Sealed 48 corpus generator (standard library only, fully deterministic).

Writes <System>/<System>.log and <System>/<System>.log_structured.csv for six
systems next to this file, then self-checks every file it wrote.
"""
import csv
import math
import os
import re
import random
import statistics
import sys

OUT = os.path.dirname(os.path.abspath(__file__))
BASE_SEED = 20270157
N_LINES = 300
NS = 1_000_000_000
MS = 1_000_000
US = 1_000
DAY_NS = 86400 * NS
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, DAY = 2026, 3, 14


def _days_from_civil(y, m, d):
    # days since 1970-01-01 (proleptic Gregorian), no locale, no clock
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


DAY_EPOCH_S = _days_from_civil(YEAR, MONTH, DAY) * 86400
DATE = "%04d-%02d-%02d" % (YEAR, MONTH, DAY)
DATE_COMPACT = "%04d%02d%02d" % (YEAR, MONTH, DAY)
assert MONTHS[MONTH - 1] == "Mar"


def at(h, m, s=0):
    return ((h * 60 + m) * 60 + s) * NS


def _split(ns):
    assert 0 <= ns < DAY_NS, ns
    s = ns // NS
    return s // 3600, (s // 60) % 60, s % 60, ns % NS


def ts_comma(ns):
    h, m, s, f = _split(ns)
    return "%s %02d:%02d:%02d,%03d" % (DATE, h, m, s, f // MS)


def ts_dot(ns):
    h, m, s, f = _split(ns)
    return "%s %02d:%02d:%02d.%03d" % (DATE, h, m, s, f // MS)


def ts_micro(ns):
    h, m, s, f = _split(ns)
    return "%s %02d:%02d:%02d.%06d" % (DATE, h, m, s, f // US)


def hhmmss(ns):
    h, m, s, _ = _split(ns)
    return "%02d%02d%02d" % (h, m, s)


def epoch_us(ns):
    return DAY_EPOCH_S * 1_000_000 + ns // US


def fill(tpl, vals):
    parts = tpl.split("<*>")
    assert len(parts) == len(vals) + 1, (tpl, vals)
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\r" not in v, (tpl, v)
        out.append(v)
        out.append(p)
    return "".join(out)


class System:
    def __init__(self, k, name, mode, header_re, events):
        self.k = k
        self.name = name
        self.mode = mode
        self.header_re = re.compile(header_re)
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.events = events
        self.tpl = {}
        self.eid = {}
        for i, (key, tpl) in enumerate(events):
            assert key not in self.tpl
            self.tpl[key] = tpl
            self.eid[key] = "E%d" % (i + 1)
        assert len(set(self.tpl.values())) == len(events)
        self._cyc = {}
        self.rows = []  # (sortkey, header, content, key)

    def cycle(self, key, slot, pool):
        i = self._cyc.get((key, slot), 0)
        self._cyc[(key, slot)] = i + 1
        return pool[i % len(pool)]

    def hexs(self, n):
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def b36(self, n):
        return "".join(self.rng.choice("0123456789abcdefghijklmnopqrstuvwxyz") for _ in range(n))

    def uuid4(self):
        r = self.rng
        return "%08x-%04x-4%03x-%04x-%012x" % (
            r.getrandbits(32), r.getrandbits(16), r.getrandbits(12),
            0x8000 | r.getrandbits(14), r.getrandbits(48))

    def add(self, sortkey, header, key, vals):
        self.rows.append((sortkey, header, fill(self.tpl[key], vals), key))

    def shuffled_keys(self, counts):
        assert list(counts) == [k for k, _ in self.events]
        keys = [k for k, _ in self.events for _ in range(counts[k])]
        assert len(keys) == N_LINES, len(keys)
        self.rng.shuffle(keys)
        return keys

    def gap(self, mean_s):
        return int(self.rng.expovariate(1.0 / mean_s) * NS) + self.rng.randrange(MS)

    def finish(self):
        self.rows.sort(key=lambda r: r[0])
        self.rows = self.rows[:N_LINES]
        assert len(self.rows) == N_LINES, (self.name, len(self.rows))


# ---------------------------------------------------------------------------
# 1. Kedro  (seeded shuffle)
# ---------------------------------------------------------------------------
KEDRO_EVENTS = [
    ("project", "Kedro project <*>"),
    ("logconf", "Using '<*>' as logging configuration. You can change this by setting the "
                "KEDRO_LOGGING_CONFIG environment variable accordingly."),
    ("load", "Loading data from '<*>' (<*>)..."),
    ("save", "Saving data to '<*>' (<*>)..."),
    ("run_node", "Running node: <*>"),
    ("completed", "Completed <*> out of <*> tasks"),
    ("pipeline_ok", "Pipeline execution completed successfully."),
    ("sync", "Using synchronous mode for loading and saving data. Use the --async flag for "
             "potential performance gains. https://docs.kedro.org/en/stable/nodes_and_pipelines/"
             "run_a_pipeline.html#load-and-save-asynchronously"),
    ("async", "Asynchronous mode is enabled for loading and saving data"),
    ("r2", "Model has a coefficient R^2 of <*> on test data."),
    ("node_failed", "Node <*> failed with error: <*>"),
    ("not_run", "There are <*> nodes that have not run."),
    ("hooks", "Registered hooks from <*> installed plugin(s): <*>"),
]
KEDRO_COUNTS = {
    "project": 9, "logconf": 9, "load": 78, "save": 56, "run_node": 52, "completed": 52,
    "pipeline_ok": 7, "sync": 6, "async": 4, "r2": 5, "node_failed": 8, "not_run": 8, "hooks": 6,
}


def gen_kedro(S):
    r = S.rng
    projects = ["spaceflights", "churn-forecast", "iris-pipelines", "pricing-engine"]
    logconfs = ["conf/logging.yml",
                "/home/nadia/work/churn-forecast/conf/logging.yml",
                "/opt/venv/lib/python3.11/site-packages/kedro/framework/project/rich_logging.yml",
                "/srv/pipelines/pricing-engine/conf/base/logging.yml"]
    datasets_in = [("companies", "CSVDataset"), ("reviews", "CSVDataset"),
                   ("shuttles", "ExcelDataset"), ("params:model_options", "MemoryDataset"),
                   ("raw_events", "SQLQueryDataset"), ("params:feature_window", "MemoryDataset")]
    datasets_mid = [("preprocessed_companies", "ParquetDataset"),
                    ("preprocessed_shuttles", "ParquetDataset"),
                    ("model_input_table", "ParquetDataset"), ("X_train", "MemoryDataset"),
                    ("X_test", "MemoryDataset"), ("y_train", "MemoryDataset"),
                    ("y_test", "MemoryDataset"), ("regressor", "PickleDataset"),
                    ("customer_features", "SparkDataset"), ("churn_scores", "DeltaTableDataset"),
                    ("metrics", "MetricsDataset"), ("feature_importance_plot", "MatplotlibWriter")]
    nodes = [
        "preprocess_companies_node: preprocess_companies([companies]) -> [preprocessed_companies]",
        "preprocess_shuttles_node: preprocess_shuttles([shuttles]) -> [preprocessed_shuttles]",
        "create_model_input_table_node: create_model_input_table([preprocessed_shuttles,"
        "preprocessed_companies,reviews]) -> [model_input_table]",
        "split_data_node: split_data([model_input_table,params:model_options]) -> "
        "[X_train,X_test,y_train,y_test]",
        "train_model_node: train_model([X_train,y_train]) -> [regressor]",
        "evaluate_model_node: evaluate_model([regressor,X_test,y_test]) -> None",
        "build_features_node: build_features([raw_events,params:feature_window]) -> "
        "[customer_features]",
        "score_churn_node: score_churn([customer_features,regressor]) -> [churn_scores]",
    ]
    errors = [
        "[Errno 2] No such file or directory: 'data/01_raw/companies.csv'",
        "Input contains NaN, infinity or a value too large for dtype('float64').",
        "could not convert string to float: 'n/a'",
        "\"['price', 'engines'] not in index\"",
        "Found input variables with inconsistent numbers of samples: [6027, 6028]",
        "(psycopg2.OperationalError) connection to server at \"10.40.2.17\", port 5432 failed: "
        "timeout expired",
    ]
    hooks = [("1", "kedro-mlflow-0.12.2"), ("2", "kedro-viz-9.1.0, kedro-telemetry-0.4.0"),
             ("3", "kedro-datasets-3.0.1, kedro-mlflow-0.12.2, kedro-airflow-0.9.1")]
    runners = ["kedro.runner.sequential_runner", "kedro.runner.thread_runner",
               "kedro.runner.parallel_runner"]
    totals = [6, 4, 9, 7]

    def produce(key):
        if key == "project":
            return "kedro.framework.session.session", "INFO", [S.cycle(key, 0, projects)]
        if key == "logconf":
            return "kedro.framework.project", "INFO", [S.cycle(key, 0, logconfs)]
        if key == "load":
            d = r.choice(datasets_in + datasets_mid)
            return "kedro.io.data_catalog", "INFO", list(d)
        if key == "save":
            d = r.choice(datasets_mid)
            return "kedro.io.data_catalog", "INFO", list(d)
        if key == "run_node":
            return "kedro.pipeline.node", "INFO", [r.choice(nodes)]
        if key == "completed":
            tot = S.cycle(key, 1, totals)
            return r.choice(runners), "INFO", [r.randint(1, tot), tot]
        if key == "pipeline_ok":
            return r.choice(runners), "INFO", []
        if key == "sync":
            return "kedro.runner.sequential_runner", "INFO", []
        if key == "async":
            return r.choice(runners[1:]), "INFO", []
        if key == "r2":
            return "spaceflights.pipelines.data_science.nodes", "INFO", ["%.3f" % r.uniform(0.31, 0.94)]
        if key == "node_failed":
            return "kedro.pipeline.node", "ERROR", [r.choice(nodes), S.cycle(key, 1, errors)]
        if key == "not_run":
            return r.choice(runners), "WARNING", [r.randint(1, 6)]
        if key == "hooks":
            n, p = S.cycle(key, 0, hooks)
            return "kedro.framework.hooks.manager", "DEBUG", [n, p]
        raise KeyError(key)

    t = at(8, 41, 7) + r.randrange(NS)
    for key in S.shuffled_keys(KEDRO_COUNTS):
        t += S.gap(2.7)
        logger, level, vals = produce(key)
        S.add(t, "%s - %s - %s - " % (ts_comma(t), logger, level), key, vals)


# ---------------------------------------------------------------------------
# 2. Dvc  (seeded shuffle)
# ---------------------------------------------------------------------------
DVC_EVENTS = [
    ("version", "<*> (<*>), CPython <*> on <*>"),
    ("command", "command: <*>"),
    ("prep_transfer", "Preparing to transfer data from '<*>' to '<*>'"),
    ("prep_status", "Preparing to collect status from '<*>'"),
    ("collect_status", "Collecting status from '<*>'"),
    ("querying", "Querying <*> oids via object_exists"),
    ("estimated", "Estimated remote size: <*> files"),
    ("uploading", "Uploading '<*>' to '<*>'"),
    ("downloading", "Downloading '<*>' to '<*>'"),
    ("upload_failed", "failed to upload '<*>' to '<*>' - <*>"),
    ("dep_changed", "Dependency '<*>' of stage: '<*>' changed because it is '<*>'."),
    ("stage_changed", "stage: '<*>' changed."),
    ("computed", "Computed stage: '<*>' md5: '<*>'"),
    ("analytics_on", "Analytics is enabled."),
    ("analytics_off", "Analytics is disabled."),
]
DVC_COUNTS = {
    "version": 8, "command": 8, "prep_transfer": 30, "prep_status": 12, "collect_status": 14,
    "querying": 40, "estimated": 6, "uploading": 72, "downloading": 48, "upload_failed": 5,
    "dep_changed": 18, "stage_changed": 14, "computed": 12, "analytics_on": 9, "analytics_off": 4,
}


def gen_dvc(S):
    r = S.rng
    roots = ["/home/maya/src/fraud-model", "/home/oskar/work/nlp-intents",
             "/builds/ml-platform/demand-forecast", "/Users/jlee/code/vision-seg"]
    remotes = ["s3://ml-artifacts-eu1/dvcstore/files/md5", "gs://acme-dvc-cache/store/files/md5",
               "ssh://dvc@10.20.3.14:2222/srv/dvc/files/md5",
               "azure://models-dvc/cache/files/md5", "/mnt/nfs/dvc-remote/files/md5",
               "https://dvc.lab.internal/remote/files/md5"]
    versions = ["v3.48.4", "v3.50.1", "v3.49.0"]
    installs = ["pip", "conda", "deb", "brew"]
    pythons = ["3.11.8", "3.12.2", "3.10.13"]
    platforms = ["Linux-6.5.0-25-generic-x86_64-with-glibc2.35", "macOS-14.3.1-arm64-arm-64bit",
                 "Linux-5.15.0-1055-aws-x86_64-with-glibc2.31"]
    bins = ["/home/maya/.venv/bin/dvc", "/usr/local/bin/dvc", "/opt/conda/bin/dvc",
            "/usr/bin/dvc"]
    cmds = ["push -v", "pull -v -r storage", "status -c -v", "repro -v train",
            "fetch -v --jobs 8", "push -v -r backup data/features.dvc", "gc -w -c -v"]
    stages = ["prepare", "featurize", "train", "evaluate", "data/raw.dvc", "models/encoder.dvc"]
    deps = ["data/prepared", "src/featurization.py", "params.yaml", "data/raw/transactions.csv",
            "src/train.py", "data/features", "src/evaluate.py"]
    reasons = ["modified", "deleted", "new"]
    fails = ["An error occurred (AccessDenied) when calling the PutObject operation: Access Denied",
             "[Errno 104] Connection reset by peer",
             "[Errno 28] No space left on device",
             "Read timed out. (read timeout=60)",
             "403 Forbidden: service account lacks storage.objects.create"]

    def obj(base):
        h = S.hexs(32)
        return "%s/%s/%s" % (base, h[:2], h[2:])

    def cache():
        return r.choice(roots) + "/.dvc/cache/files/md5"

    def produce(key):
        if key == "version":
            return "DEBUG", [S.cycle(key, 0, versions), S.cycle(key, 1, installs),
                             S.cycle(key, 2, pythons), S.cycle(key, 3, platforms)]
        if key == "command":
            return "DEBUG", ["%s %s" % (r.choice(bins), S.cycle(key, 0, cmds))]
        if key == "prep_transfer":
            a, b = cache(), r.choice(remotes)
            if r.random() < 0.4:
                a, b = b, a
            return "DEBUG", [a, b]
        if key == "prep_status":
            return "DEBUG", [r.choice(remotes)]
        if key == "collect_status":
            return "DEBUG", [r.choice(remotes + [cache()])]
        if key == "querying":
            return "DEBUG", [r.choice([1, 2, 3, 5, 8, 13, 27, 64, 118, 256, 1024])]
        if key == "estimated":
            return "DEBUG", [r.choice([256, 4096, 8192, 65536, 1048576])]
        if key == "uploading":
            h = S.hexs(32)
            c, m = cache(), r.choice(remotes)
            return "DEBUG", ["%s/%s/%s" % (c, h[:2], h[2:]), "%s/%s/%s" % (m, h[:2], h[2:])]
        if key == "downloading":
            h = S.hexs(32)
            c, m = cache(), r.choice(remotes)
            return "DEBUG", ["%s/%s/%s" % (m, h[:2], h[2:]), "%s/%s/%s" % (c, h[:2], h[2:])]
        if key == "upload_failed":
            h = S.hexs(32)
            c, m = cache(), r.choice(remotes)
            return "ERROR", ["%s/%s/%s" % (c, h[:2], h[2:]), "%s/%s/%s" % (m, h[:2], h[2:]),
                             S.cycle(key, 2, fails)]
        if key == "dep_changed":
            return "DEBUG", [r.choice(deps), r.choice(stages[:4]), S.cycle(key, 2, reasons)]
        if key == "stage_changed":
            return "DEBUG", [r.choice(stages[:4])]
        if key == "computed":
            return "DEBUG", [r.choice(stages), S.hexs(32)]
        if key in ("analytics_on", "analytics_off"):
            return "DEBUG", []
        raise KeyError(key)

    t = at(13, 5, 44) + r.randrange(NS)
    for key in S.shuffled_keys(DVC_COUNTS):
        t += S.gap(0.9)
        level, vals = produce(key)
        S.add(t, "%s %s: " % (ts_comma(t), level), key, vals)


# ---------------------------------------------------------------------------
# 3. Wandb  (seeded shuffle)
# ---------------------------------------------------------------------------
WANDB_EVENTS = [
    ("handle_request", "handle_request: <*>"),
    ("send", "send: <*>"),
    ("send_request", "send_request: <*>"),
    ("handle_defer", "handle defer: <*>"),
    ("sender_defer", "handle sender defer: <*>"),
    ("send_defer", "send defer: <*>"),
    ("created", "file/dir created: <*>"),
    ("modified", "file/dir modified: <*>"),
    ("uploaded", "Uploaded file <*>"),
    ("saving", "saving file <*> with policy <*>"),
    ("mon_started", "Started <*> monitoring"),
    ("mon_joined", "Joined <*> monitor"),
    ("server", "W&B internal server running at pid: <*>, started at: <*>"),
    ("internal_logs", "Logging internal logs to <*>"),
    ("graphql", "<*> response executing GraphQL."),
]
WANDB_COUNTS = {
    "handle_request": 80, "send": 55, "send_request": 25, "handle_defer": 12, "sender_defer": 12,
    "send_defer": 12, "created": 20, "modified": 30, "uploaded": 15, "saving": 10,
    "mon_started": 9, "mon_joined": 8, "server": 4, "internal_logs": 5, "graphql": 3,
}
WANDB_SRC = {
    # key: (level, thread, file, func, lineno)
    "handle_request": ("DEBUG", "HandlerThread", "handler.py", "handle_request", 146),
    "send": ("DEBUG", "SenderThread", "sender.py", "send", 379),
    "send_request": ("DEBUG", "SenderThread", "sender.py", "send_request", 403),
    "handle_defer": ("INFO", "HandlerThread", "handler.py", "handle_request_defer", 172),
    "sender_defer": ("INFO", "SenderThread", "sender.py", "send_request_defer", 609),
    "send_defer": ("INFO", "SenderThread", "sender.py", "transition_state", 613),
    "created": ("INFO", None, "dir_watcher.py", "_on_file_created", 271),
    "modified": ("INFO", None, "dir_watcher.py", "_on_file_modified", 288),
    "uploaded": ("INFO", None, "upload_job.py", "push", 131),
    "saving": ("INFO", "SenderThread", "sender.py", "_save_file", 1390),
    "mon_started": ("INFO", "SystemMonitor", "interfaces.py", "start", 190),
    "mon_joined": ("INFO", "HandlerThread", "interfaces.py", "finish", 202),
    "server": ("INFO", "StreamThr", "internal.py", "wandb_internal", 86),
    "internal_logs": ("INFO", "MainThread", "wandb_init.py", "_log_setup", 527),
    "graphql": ("ERROR", None, "internal_api.py", "execute", 373),
}


def gen_wandb(S):
    r = S.rng
    homes = ["/home/ines/projects/diffusion-ft", "/workspace/llm-sft", "/home/kwame/exp/ppo-cartpole",
             "/mnt/scratch/tfeld/segformer"]
    runs = []
    for i, home in enumerate(homes):
        rid = S.b36(8)
        stamp = hhmmss(at(6 + i * 2, r.randrange(60), r.randrange(60)))
        runs.append({"dir": "%s/wandb/run-%s_%s-%s" % (home, DATE_COMPACT, stamp, rid),
                     "rid": rid, "upid": r.randint(3000, 60000), "ipid": 0})
        runs[-1]["ipid"] = runs[-1]["upid"] + r.randint(20, 400)
    req = ["status_report", "keepalive", "poll_exit", "partial_history", "internal_messages",
           "sender_read", "stop_status", "network_status", "get_summary", "sampled_history",
           "pause", "resume", "server_info", "defer", "shutdown"]
    snd = ["history", "summary", "stats", "files", "config", "telemetry", "metric", "output_raw",
           "header", "run", "request", "exit", "final", "footer", "alert"]
    sreq = ["status_report", "keepalive", "poll_exit", "defer", "server_info", "check_version",
            "run_start", "summary_record", "get_system_metrics", "network_status"]
    files = ["output.log", "wandb-summary.json", "config.yaml", "requirements.txt",
             "wandb-metadata.json", "media/images/val_samples_1200_9c1e2f7a0b3d4e5f6a7b.png",
             "media/table/eval/predictions_800_3f9ab2c1d0e4f5a6b7c8.table.json",
             "conda-environment.yaml", "diff.patch"]
    policies = ["end", "live", "now"]
    monitors = ["cpu", "disk", "memory", "network", "gpu", "gpuapple"]
    codes = ["500", "502", "503", "429"]

    def produce(key, t):
        run = r.choice(runs)
        level, thread, fname, func, line = WANDB_SRC[key]
        pid = run["ipid"]
        if thread is None:
            thread = "Thread-%d" % r.randint(9, 48)
        if key == "handle_request":
            vals = [S.cycle(key, 0, req)]
        elif key == "send":
            vals = [S.cycle(key, 0, snd)]
        elif key == "send_request":
            vals = [S.cycle(key, 0, sreq)]
        elif key in ("handle_defer", "sender_defer", "send_defer"):
            vals = [r.randint(0, 16)]
        elif key in ("created", "modified"):
            vals = ["%s/files/%s" % (run["dir"], S.cycle(key, 0, files))]
        elif key == "uploaded":
            if r.random() < 0.3:
                vals = ["/tmp/tmp%s%s/wandb/%s-wandb-metadata.json" % (S.b36(4), S.b36(4), S.hexs(8))]
            else:
                vals = ["%s/files/%s" % (run["dir"], S.cycle(key, 0, files))]
        elif key == "saving":
            vals = [S.cycle(key, 0, files), S.cycle(key, 1, policies)]
        elif key in ("mon_started", "mon_joined"):
            vals = [S.cycle(key, 0, monitors)]
        elif key == "server":
            vals = [pid, ts_micro(t - r.randrange(NS // 5, 2 * NS))]
        elif key == "internal_logs":
            pid = run["upid"]
            vals = ["%s/logs/debug-internal.log" % run["dir"]]
        elif key == "graphql":
            vals = [S.cycle(key, 0, codes)]
        else:
            raise KeyError(key)
        hdr = "%s %-7s %-10s:%d [%s:%s():%d] " % (ts_comma(t), level, thread, pid, fname, func, line)
        return hdr, vals

    t = at(10, 17, 2) + r.randrange(NS)
    for key in S.shuffled_keys(WANDB_COUNTS):
        t += S.gap(1.6)
        hdr, vals = produce(key, t)
        S.add(t, hdr, key, vals)


# ---------------------------------------------------------------------------
# 4. Optuna  (simulation: trials of sequential studies running on n_jobs workers)
# ---------------------------------------------------------------------------
OPTUNA_EVENTS = [
    ("created_memory", "A new study created in memory with name: <*>"),
    ("created_rdb", "A new study created in RDB with name: <*>"),
    ("existing", "Using an existing study with name '<*>' instead of creating a new one."),
    ("finished", "Trial <*> finished with value: <*> and parameters: <*>. Best is trial <*> "
                 "with value: <*>."),
    ("finished_multi", "Trial <*> finished with values: <*> and parameters: <*>."),
    ("pruned_reason", "Trial <*> pruned. <*>"),
    ("pruned", "Trial <*> pruned."),
    ("failed_params", "Trial <*> failed with parameters: <*> because of the following error: <*>."),
    ("failed_value", "Trial <*> failed with value <*>."),
    ("independent", "The parameter '<*>' in trial#<*> is sampled independently instead of being "
                    "sampled by multivariate TPE sampler. (optimization performance may be "
                    "degraded). You can suppress this warning by setting `warn_independent_sampling` "
                    "to `False` in the constructor of `TPESampler`, if this independent sampling is "
                    "intended behavior."),
    ("cmaes", "`CmaEsSampler` only supports two or more dimensional continuous search space. "
              "`RandomSampler` is used instead of `CmaEsSampler`."),
    ("grid", "GridSampler is re-evaluating a configuration because the grid has been exhausted. "
             "This may happen due to a timing issue during distributed optimization or when "
             "re-running optimizations on already finished studies."),
    ("reported_twice", "The reported value is ignored because this `step` <*> is already reported."),
]
OPTUNA_LEVEL = {
    "created_memory": "I", "created_rdb": "I", "existing": "I", "finished": "I",
    "finished_multi": "I", "pruned_reason": "I", "pruned": "I", "failed_params": "W",
    "failed_value": "W", "independent": "W", "cmaes": "I", "grid": "W", "reported_twice": "W",
}

OPTUNA_PLANS = [
    dict(create="memory", space="lgbm", sampler="TPE", jobs=4, trials=34, prune=True, mean=21.0),
    dict(create="rdb", name="resnet18-lr-search", space="torch", sampler="TPEmv", jobs=2,
         trials=18, prune=True, mean=75.0),
    dict(create="memory", space="x1", sampler="CmaEs", jobs=1, trials=12, prune=False, mean=0.04),
    dict(create="existing", name="resnet18-lr-search", space="torch", sampler="TPEmv", jobs=2,
         trials=16, prune=True, mean=80.0),
    dict(create="rdb", name="sklearn-clf-select", space="clf", sampler="TPEmv", jobs=4,
         trials=26, prune=False, mean=3.5),
    dict(create="memory", space="enet", sampler="Grid", jobs=3, trials=15, prune=False, mean=1.2),
    dict(create="rdb", name="pareto-latency-acc", space="nas", sampler="NSGAII", jobs=4,
         trials=22, prune=False, mean=40.0),
    dict(create="memory", space="x1", sampler="CmaEs", jobs=2, trials=10, prune=False, mean=0.03),
    dict(create="existing", name="sklearn-clf-select", space="clf", sampler="TPEmv", jobs=4,
         trials=20, prune=False, mean=3.1),
    dict(create="memory", space="x1", sampler="CmaEs", jobs=1, trials=10, prune=False, mean=0.02),
    dict(create="rdb", name="xgb-fraud-v2", space="lgbm", sampler="TPE", jobs=4, trials=30,
         prune=True, mean=18.0),
    dict(create="memory", space="enet", sampler="Grid", jobs=2, trials=13, prune=False, mean=0.9),
    dict(create="existing", name="pareto-latency-acc", space="nas", sampler="NSGAII", jobs=4,
         trials=20, prune=False, mean=38.0),
    dict(create="rdb", name="bert-ner-hpo", space="torch", sampler="TPEmv", jobs=2, trials=30,
         prune=True, mean=95.0),
]


def gen_optuna(S):
    r = S.rng
    study_state = {}
    ent = 0
    t = at(7, 12, 40) + r.randrange(NS)
    reasons_iter = ["Trial was pruned at iteration %d.", "Trial was pruned at epoch %d.",
                    "pruned at step %d by MedianPruner"]
    exc_pool = ['ValueError("Input contains NaN, infinity or a value too large for dtype(\'float32\').")',
                "RuntimeError('CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 15.78 GiB total "
                "capacity; 13.12 GiB already allocated)')",
                "The value nan is not acceptable",
                "ZeroDivisionError('float division by zero')"]
    grid_vals = [(a, l) for a in (0.001, 0.01, 0.1, 1.0) for l in (0.2, 0.5, 0.8)]

    def loguni(a, b):
        return math.exp(r.uniform(math.log(a), math.log(b)))

    def sample(space, grid_order, idx):
        warn = None
        if space == "lgbm":
            p = {"learning_rate": loguni(1e-3, 0.3), "num_leaves": r.randint(16, 256),
                 "feature_fraction": r.uniform(0.5, 1.0), "min_child_samples": r.randint(5, 100)}
            v = r.uniform(0.81, 0.93)
        elif space == "torch":
            opt = r.choice(["adam", "sgd", "adamw"])
            p = {"optimizer": opt, "lr": loguni(1e-5, 1e-1), "batch_size": r.choice([32, 64, 128])}
            if opt == "sgd":
                p["momentum"] = r.uniform(0.5, 0.99)
                warn = "momentum"
            v = r.uniform(0.18, 1.45)
        elif space == "x1":
            x = r.uniform(-10, 10)
            p = {"x": x}
            v = (x - 2) ** 2
        elif space == "clf":
            c = r.choice(["SVC", "RandomForest"])
            p = {"classifier": c}
            if c == "SVC":
                p["svc_c"] = loguni(1e-10, 1e10)
                warn = "svc_c"
            else:
                p["rf_max_depth"] = r.randint(2, 32)
                warn = "rf_max_depth"
            v = r.uniform(0.86, 0.98)
        elif space == "enet":
            a, l = grid_order[idx % len(grid_order)]
            p = {"alpha": a, "l1_ratio": l}
            v = r.uniform(3.1, 7.9)
        elif space == "nas":
            p = {"n_layers": r.randint(1, 6), "width": r.choice([64, 128, 256, 512]),
                 "dropout": r.uniform(0.0, 0.5)}
            v = [r.uniform(0.71, 0.95), r.uniform(3.0, 48.0)]
        else:
            raise KeyError(space)
        return p, v, warn

    for plan in OPTUNA_PLANS:
        lines = []  # (ns, seq, key, payload)
        seq = 0
        name = plan.get("name")
        if plan["create"] == "memory":
            name = "no-name-" + S.uuid4()
            lines.append((t, seq, "created_memory", [name])); seq += 1
        elif plan["create"] == "rdb":
            lines.append((t, seq, "created_rdb", [name])); seq += 1
        else:
            lines.append((t, seq, "existing", [name])); seq += 1
        st = study_state.setdefault(name, {"n": 0, "best": None})
        maximize = plan["space"] in ("lgbm", "clf")
        grid_order = grid_vals[:]
        r.shuffle(grid_order)
        free = [t + r.randrange(50 * MS, 400 * MS) for _ in range(plan["jobs"])]
        end_max = t
        for i in range(plan["trials"]):
            w = min(range(len(free)), key=lambda j: free[j])
            s = free[w] + r.randrange(2 * MS, 40 * MS)
            number = st["n"]
            st["n"] += 1
            params, value, warn = sample(plan["space"], grid_order, i)
            dur = int(r.expovariate(1.0 / plan["mean"]) * NS) + 5 * MS
            outcome = "ok"
            x = r.random()
            if x < 0.03:
                outcome = "fail"
            elif plan["prune"] and x < 0.33:
                outcome = "prune"
                dur = dur // 3 + MS
            e = s + dur
            free[w] = e
            end_max = max(end_max, e)
            if plan["sampler"] == "TPEmv" and warn and i >= 10:
                lines.append((s + r.randrange(MS, 9 * MS), seq, "independent", [warn, number])); seq += 1
            if plan["sampler"] == "CmaEs" and i == 1:
                lines.append((s + r.randrange(MS), seq, "cmaes", [])); seq += 1
            if plan["sampler"] == "Grid" and i >= len(grid_order):
                lines.append((s + r.randrange(MS), seq, "grid", [])); seq += 1
            if plan["prune"] and r.random() < 0.06:
                lines.append((s + (e - s) // 2, seq, "reported_twice", [r.randint(1, 60)])); seq += 1
            if outcome == "fail":
                err = S.cycle("failed_params", 2, exc_pool)
                lines.append((e, seq, "failed_params", [number, repr(params), err])); seq += 1
                lines.append((e + r.randrange(MS, 4 * MS), seq, "failed_value",
                              [number, "nan" if err.startswith("The value") else "None"])); seq += 1
            elif outcome == "prune":
                if r.random() < 0.45:
                    reason = r.choice(reasons_iter) % r.randint(1, 240)
                    lines.append((e, seq, "pruned_reason", [number, reason])); seq += 1
                else:
                    lines.append((e, seq, "pruned", [number])); seq += 1
            elif plan["space"] == "nas":
                lines.append((e, seq, "finished_multi", [number, repr(value), repr(params)])); seq += 1
            else:
                lines.append((e, seq, "finished", [number, value, params])); seq += 1
        lines.sort(key=lambda x: (x[0], x[1]))
        for ns, sq, key, payload in lines:
            if key == "finished":
                number, value, params = payload
                b = st["best"]
                if b is None or (value > b[1] if maximize else value < b[1]):
                    st["best"] = b = (number, value)
                payload = [number, repr(value), repr(params), b[0], repr(b[1])]
            S.add((ns, ent, sq), "[%s %s] " % (OPTUNA_LEVEL[key], ts_comma(ns)), key, payload)
        ent += 1
        t = end_max + int(r.uniform(20, 400) * NS)


# ---------------------------------------------------------------------------
# 5. Luigi  (simulation: overlapping worker invocations, each running a task graph)
# ---------------------------------------------------------------------------
LUIGI_EVENTS = [
    ("checking", "Checking if <*> is complete"),
    ("informed", "Informed scheduler that task   <*>   has status   <*>"),
    ("done_scheduling", "Done scheduling tasks"),
    ("running_with", "Running Worker with <*> processes"),
    ("running", "[pid <*>] Worker <*> running   <*>"),
    ("done", "[pid <*>] Worker <*> done      <*>"),
    ("failed", "[pid <*>] Worker <*> failed    <*>"),
    ("asking", "Asking scheduler for work..."),
    ("pending", "Pending tasks: <*>"),
    ("done_plain", "Done"),
    ("no_more", "There are no more tasks to run at this time"),
    ("stopped", "Worker <*> was stopped. Shutting down Keep-Alive thread"),
    ("skip_email", "Skipping error email. Set `error-email` in the `core` section of the luigi "
                   "config file or override `owner_email` in the task to receive error emails."),
    ("died", "Task <*> died unexpectedly with exit code <*>"),
]
LUIGI_LEVEL = {
    "checking": "DEBUG", "informed": "INFO", "done_scheduling": "INFO", "running_with": "INFO",
    "running": "INFO", "done": "INFO", "failed": "ERROR", "asking": "DEBUG", "pending": "DEBUG",
    "done_plain": "DEBUG", "no_more": "DEBUG", "stopped": "INFO", "skip_email": "WARNING",
    "died": "ERROR",
}


def gen_luigi(S):
    r = S.rng
    dates = ["2026-03-13", "2026-03-14", "2026-03-12", "2026-03-11"]
    pipelines = [
        ("etl-worker-01", "airflow", [
            [("FetchOrders", [("date", "D")]), ("FetchRefunds", [("date", "D")])],
            [("CleanOrders", [("date", "D")])],
            [("AggregateDailySales", [("date", "D"), ("currency", "EUR")])],
            [("ExportSalesReport", [("date", "D"), ("fmt", "parquet")])]]),
        ("ml-batch-3", "svc-ranker", [
            [("DownloadClickstream", [("date", "D"), ("hour", "H")]),
             ("DownloadClickstream", [("date", "D"), ("hour", "H2")])],
            [("SessionizeEvents", [("date", "D")])],
            [("BuildUserFeatures", [("date", "D"), ("window", "7")])],
            [("TrainRanker", [("date", "D"), ("model", "lambdamart")])]]),
        ("backup-node", "root", [
            [("DumpPostgres", [("db", "billing"), ("date", "D")]),
             ("DumpPostgres", [("db", "accounts"), ("date", "D")])],
            [("CompressDump", [("db", "billing"), ("date", "D")]),
             ("CompressDump", [("db", "accounts"), ("date", "D")])],
            [("UploadToS3", [("bucket", "acme-backups"), ("date", "D")])]]),
        ("etl-worker-02", "airflow", [
            [("IngestCrmExport", [("date", "D"), ("source", "sftp")])],
            [("NormalizeContacts", [("date", "D")]), ("DedupeAccounts", [("date", "D")])],
            [("LoadToRedshift", [("date", "D"), ("table", "crm.contacts")])]]),
    ]
    fails = ["OSError", "died"]
    ids = {}

    def task_repr(fam, params):
        return "%s(%s)" % (fam, ", ".join("%s=%s" % kv for kv in params))

    def task_id(fam, params):
        k = task_repr(fam, params)
        if k not in ids:
            vals = [v for _, v in sorted(params)][:3]
            summ = re.sub(r"[^A-Za-z0-9_]", "_", "_".join(v[:16] for v in vals))[:16]
            ids[k] = "%s_%s_%s" % (fam, summ, S.hexs(10))
        return ids[k]

    t = at(2, 0, 3) + r.randrange(NS)
    for run_no in range(14):
        host, user, layers_t = pipelines[run_no % len(pipelines)]
        d = dates[run_no % len(dates)]
        hour = "%02d" % r.randrange(24)
        hour2 = "%02d" % ((int(hour) + 1) % 24)
        layers = []
        for layer in layers_t:
            lay = []
            for fam, ps in layer:
                ps2 = [(k, {"D": d, "H": hour, "H2": hour2}.get(v, v)) for k, v in ps]
                lay.append((fam, ps2))
            layers.append(lay)
        pid = r.randint(1200, 64000)
        nproc = [1, 2, 4, 3, 1, 8][run_no % 6]
        worker = "Worker(salt=%09d, workers=%d, host=%s, username=%s, pid=%d)" % (
            r.randrange(10 ** 9), nproc, host, user, pid)
        lines = []
        seq = [0]

        def emit(ns, key, vals, p=pid):
            lines.append((ns, seq[0], p, key, vals))
            seq[0] += 1

        c = t
        complete = set()
        for li in range(len(layers) - 1, -1, -1):
            for fam, ps in layers[li]:
                c += r.randrange(2 * MS, 60 * MS)
                emit(c, "checking", [task_repr(fam, ps)])
                done_already = li == 0 and r.random() < 0.25
                c += r.randrange(3 * MS, 30 * MS)
                emit(c, "informed", [task_id(fam, ps), "DONE" if done_already else "PENDING"])
                if done_already:
                    complete.add(task_repr(fam, ps))
        c += r.randrange(MS, 5 * MS)
        emit(c, "done_scheduling", [])
        c += r.randrange(MS, 5 * MS)
        emit(c, "running_with", [nproc])
        todo = [(li, fam, ps) for li, lay in enumerate(layers) for fam, ps in lay
                if task_repr(fam, ps) not in complete]
        slots = [c] * nproc
        layer_end = {}
        failed_layer = None
        child = pid
        pending = len(todo)
        last_start = c
        for li, fam, ps in todo:
            if failed_layer is not None and li > failed_layer:
                break
            ready = max([layer_end[j] for j in layer_end if j < li] + [c])
            w = min(range(nproc), key=lambda j: slots[j])
            s = max(slots[w], ready, last_start + 4 * MS) + r.randrange(5 * MS, 400 * MS)
            last_start = s
            emit(s, "asking", [])
            emit(s + r.randrange(MS, 3 * MS), "pending", [pending])
            pending -= 1
            if nproc > 1:
                child += r.randint(1, 40)
                cp = child
            else:
                cp = pid
            s2 = s + r.randrange(3 * MS, 20 * MS)
            emit(s2, "running", [cp, worker, task_repr(fam, ps)], cp)
            e = s2 + int(r.expovariate(1 / 45.0) * NS) + 200 * MS
            outcome = "ok"
            if r.random() < 0.13:
                outcome = S.cycle("outcome", 0, fails)
            if outcome == "ok":
                emit(e, "done", [cp, worker, task_repr(fam, ps)], cp)
                emit(e + r.randrange(MS, 15 * MS), "informed", [task_id(fam, ps), "DONE"])
            elif outcome == "died":
                emit(e, "died", [task_id(fam, ps), r.choice([-9, 137, -11, 1])])
                emit(e + r.randrange(MS, 15 * MS), "informed", [task_id(fam, ps), "FAILED"])
                failed_layer = li
            else:
                emit(e, "failed", [cp, worker, task_repr(fam, ps)], cp)
                emit(e + r.randrange(MS, 4 * MS), "skip_email", [])
                emit(e + r.randrange(5 * MS, 15 * MS), "informed", [task_id(fam, ps), "FAILED"])
                failed_layer = li
            slots[w] = e + 20 * MS
            layer_end[li] = max(layer_end.get(li, 0), e + 20 * MS)
        fin = max(slots) + r.randrange(50 * MS, 900 * MS)
        emit(fin, "asking", [])
        emit(fin + r.randrange(MS, 3 * MS), "done_plain", [])
        emit(fin + r.randrange(4 * MS, 6 * MS), "no_more", [])
        emit(fin + r.randrange(8 * MS, 30 * MS), "stopped", [worker])
        for ns, sq, p, key, vals in lines:
            S.add((ns, run_no, sq), "%s luigi-interface[%d] %s: " % (ts_comma(ns), p, LUIGI_LEVEL[key]),
                  key, vals)
        t += int(r.expovariate(1 / 70.0) * NS) + 5 * NS


# ---------------------------------------------------------------------------
# 6. Metaflow  (simulation: tasks of sequential runs, foreach branches in parallel)
# ---------------------------------------------------------------------------
METAFLOW_EVENTS = [
    ("wf_start", "Workflow starting (run-id <*>):"),
    ("done_all", "Done!"),
    ("task_start", "Task is starting."),
    ("task_retry", "Task is starting (retry)."),
    ("task_ok", "Task finished successfully."),
    ("task_failed", "Task failed."),
    ("wf_failed", "Workflow failed."),
    ("terminating", "Terminating <*> active tasks..."),
    ("foreach", "Foreach yields <*> child steps."),
    ("batch_status", "[<*>] Task is starting (status <*>)..."),
    ("batch_setup", "[<*>] Setting up task environment."),
    ("batch_dl", "[<*>] Downloading code package..."),
    ("batch_dl_ok", "[<*>] Code package downloaded."),
    ("batch_exit", "[<*>] Task finished with exit code <*>."),
    ("loaded", "Loaded <*> rows from <*>"),
]

METAFLOW_PLANS = [
    # (foreach width, remote branches, run fails, one branch retried ok, max workers)
    (5, False, False, False, 4),
    (4, True, True, False, 4),
    (6, False, False, True, 3),
    (3, True, False, True, 16),
    (7, False, True, False, 4),
    (4, True, False, False, 16),
    (5, False, True, True, 2),
    (3, True, True, False, 16),
    (6, False, False, False, 4),
    (4, True, False, True, 16),
    (5, False, False, False, 3),
]


def gen_metaflow(S):
    r = S.rng
    sources = ["s3://acme-ml-data/churn/2026-03-13/events.parquet",
               "s3://acme-ml-data/pricing/snapshots/latest.csv",
               "/data/warehouse/exports/orders_20260313.parquet",
               "gs://lab-datasets/reviews/train.jsonl"]
    statuses = ["SUBMITTED", "RUNNABLE", "STARTING", "RUNNING"]
    t = at(15, 2, 11) + r.randrange(NS)
    pid = r.randint(20000, 40000)
    for run_no, (width, remote, fails, retry_ok, maxw) in enumerate(METAFLOW_PLANS):
        ev = []  # (ns, ent, seq, prefix or None, key, vals)
        rid = str(epoch_us(t))
        seqc = [0]

        def emit(ns, ent, prefix, key, vals):
            ev.append((ns, ent, seqc[0], prefix, key, vals))
            seqc[0] += 1

        emit(t, 0, None, "wf_start", [rid])
        task_no = [0]

        def new_task(step):
            task_no[0] += 1
            return task_no[0]

        def local_task(step, s, dur, extra, ent, retry=False, ok=True, tid=None):
            nonlocal pid
            pid += r.randint(1, 30)
            tid = tid or new_task(step)
            pre = "[%s/%s/%d (pid %d)] " % (rid, step, tid, pid)
            emit(s, ent, pre, "task_retry" if retry else "task_start", [])
            c = s
            for key, vals in extra:
                c += r.randrange(300 * MS, 3 * NS)
                emit(c, ent, pre, key, vals)
            e = max(c, s + dur) + r.randrange(MS, 50 * MS)
            emit(e, ent, pre, "task_ok" if ok else "task_failed", [])
            return e, tid

        def batch_task(step, s, dur, ent, retry=False, ok=True, tid=None):
            nonlocal pid
            pid += r.randint(1, 30)
            tid = tid or new_task(step)
            pre = "[%s/%s/%d (pid %d)] " % (rid, step, tid, pid)
            job = S.uuid4()
            emit(s, ent, pre, "task_retry" if retry else "task_start", [])
            c = s + r.randrange(400 * MS, 2 * NS)
            for stt in statuses:
                emit(c, ent, pre, "batch_status", [job, stt])
                c += int(r.expovariate(1 / 9.0) * NS) + 500 * MS
            for key in ("batch_setup", "batch_dl", "batch_dl_ok"):
                emit(c, ent, pre, key, [job])
                c += r.randrange(200 * MS, 4 * NS)
            e = c + dur
            emit(e, ent, pre, "batch_exit", [job, 0 if ok else 1])
            e += r.randrange(300 * MS, 2 * NS)
            emit(e, ent, pre, "task_ok" if ok else "task_failed", [])
            return e

        s0 = t + r.randrange(200 * MS, 900 * MS)
        rows_n = r.randint(12000, 4800000)
        e0, _ = local_task("start", s0, int(r.uniform(2, 20) * NS),
                           [("loaded", [rows_n, S.cycle("loaded", 1, sources)]),
                            ("foreach", [width])], 1)
        # foreach branches
        free = [e0 + r.randrange(100 * MS, 600 * MS)] * min(maxw, width)
        fail_branch = r.randrange(width) if fails else None
        retry_branch = r.randrange(width) if retry_ok else None
        ends = []
        fail_time = None
        busy = []  # (start, end, ent) of branch attempts for active count
        for b in range(width):
            ent = 2 + b
            w = min(range(len(free)), key=lambda j: free[j])
            s = free[w] + r.randrange(5 * MS, 120 * MS)
            attempts = 1
            if b == fail_branch:
                attempts = 2
            elif b == retry_branch:
                attempts = 2
            tid = None
            for a in range(attempts):
                ok = not (b == fail_branch or (b == retry_branch and a == 0))
                dur = int(r.expovariate(1 / (40.0 if remote else 12.0)) * NS) + NS
                if remote:
                    if tid is None:
                        tid = new_task("train")
                    e = batch_task("train", s, dur, ent, retry=a > 0, ok=ok, tid=tid)
                else:
                    e, tid = local_task("train", s, dur, [], ent, retry=a > 0, ok=ok, tid=tid)
                busy.append((s, e, ent))
                if b == fail_branch and a == attempts - 1:
                    fail_time = e
                s = e + r.randrange(50 * MS, 300 * MS)
            free[w] = e + 10 * MS
            ends.append(e)
        if fail_time is not None:
            active = sum(1 for (s, e, ent) in busy if s <= fail_time < e)
            ev = [x for x in ev if x[0] <= fail_time]
            emit(fail_time + r.randrange(MS, 5 * MS), 99, None, "wf_failed", [])
            emit(fail_time + r.randrange(6 * MS, 12 * MS), 99, None, "terminating", [active])
            t_end = fail_time + NS
        else:
            e1, _ = local_task("join", max(ends) + r.randrange(100 * MS, 700 * MS),
                               int(r.uniform(1, 6) * NS), [], 90)
            e2, _ = local_task("end", e1 + r.randrange(100 * MS, 700 * MS),
                               int(r.uniform(0.2, 2) * NS), [], 91)
            emit(e2 + r.randrange(5 * MS, 60 * MS), 99, None, "done_all", [])
            t_end = e2
        for ns, ent, sq, pre, key, vals in ev:
            S.add((ns, run_no, ent, sq), "%s %s" % (ts_dot(ns), pre or ""), key, vals)
        t = t_end + int(r.uniform(40, 600) * NS)


# ---------------------------------------------------------------------------
SYSTEMS = [
    (1, "Kedro", "shuffle",
     r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) - [A-Za-z_][\w.]* - "
     r"(?:DEBUG|INFO|WARNING|ERROR|CRITICAL) - ",
     KEDRO_EVENTS, gen_kedro),
    (2, "Dvc", "shuffle",
     r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) (?:TRACE|DEBUG|INFO|WARNING|ERROR|CRITICAL): ",
     DVC_EVENTS, gen_dvc),
    (3, "Wandb", "shuffle",
     r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) (?:DEBUG|INFO|WARNING|ERROR|CRITICAL) +"
     r"[A-Za-z][\w-]* *:\d+ \[[\w.]+:\w+\(\):\d+\] ",
     WANDB_EVENTS, gen_wandb),
    (4, "Optuna", "simulation",
     r"\[(?:D|I|W|E|C) (?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3})\] ",
     OPTUNA_EVENTS, gen_optuna),
    (5, "Luigi", "simulation",
     r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) [\w.-]+\[\d+\] "
     r"(?:DEBUG|INFO|WARNING|ERROR|CRITICAL): ",
     LUIGI_EVENTS, gen_luigi),
    (6, "Metaflow", "simulation",
     r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) (?:\[\d+/\w+/\d+ \(pid \d+\)\] )?",
     METAFLOW_EVENTS, gen_metaflow),
]


def write_system(S):
    d = os.path.join(OUT, S.name)
    os.makedirs(d, exist_ok=True)
    raw_path = os.path.join(d, S.name + ".log")
    csv_path = os.path.join(d, S.name + ".log_structured.csv")
    with open(raw_path, "w", encoding="utf-8", newline="") as f:
        for _, header, content, _ in S.rows:
            f.write(header + content + "\n")
    with open(csv_path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_, _, content, key) in enumerate(S.rows, 1):
            w.writerow([i, content, S.eid[key], S.tpl[key]])
    return [raw_path, csv_path]


def tpl_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")))


def check_system(S):
    errs = []
    d = os.path.join(OUT, S.name)
    with open(os.path.join(d, S.name + ".log"), "rb") as f:
        rawb = f.read()
    with open(os.path.join(d, S.name + ".log_structured.csv"), "rb") as f:
        csvb = f.read()
    for label, b in (("log", rawb), ("csv", csvb)):
        if not b.endswith(b"\n"):
            errs.append("%s does not end with newline" % label)
        if b"\r" in b:
            errs.append("%s contains \\r" % label)
    raw = rawb.decode("utf-8").split("\n")[:-1]
    rows = list(csv.reader(csvb.decode("utf-8").splitlines()))
    if len(raw) != N_LINES:
        errs.append("log has %d lines" % len(raw))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header %r" % rows[0])
    rows = rows[1:]
    if len(rows) != N_LINES:
        errs.append("csv has %d rows" % len(rows))
    declared = {S.eid[k]: S.tpl[k] for k, _ in S.events}
    tpl_of = {}
    counts = {}
    captures = {}
    last_ts = None
    for i, (line, row) in enumerate(zip(raw, rows), 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errs.append("row %d LineId %r" % (i, lid))
        if not content or content != content.strip():
            errs.append("row %d content empty or not stripped" % i)
        if not line.endswith(content):
            errs.append("row %d raw line does not end with content" % i)
            continue
        header = line[:len(line) - len(content)]
        m = S.header_re.fullmatch(header)
        if not m:
            errs.append("row %d header %r does not match" % (i, header))
            continue
        ts = m.group("ts")
        if last_ts is not None and ts < last_ts:
            errs.append("row %d timestamp goes back" % i)
        last_ts = ts
        if not re.fullmatch(r"E\d+", eid):
            errs.append("row %d bad EventId %r" % (i, eid))
        if tpl_of.setdefault(eid, tpl) != tpl:
            errs.append("EventId %s has two templates" % eid)
        if declared.get(eid) != tpl:
            errs.append("row %d template not the declared one for %s" % (i, eid))
        mm = tpl_regex(tpl).fullmatch(content)
        if not mm:
            errs.append("row %d content does not match its template" % i)
            continue
        counts[eid] = counts.get(eid, 0) + 1
        for j, g in enumerate(mm.groups()):
            captures.setdefault((eid, j), set()).add(g)
    if len(set(tpl_of.values())) != len(tpl_of):
        errs.append("two EventIds share a template")
    for eid, tpl in declared.items():
        if eid not in counts:
            errs.append("declared event %s unused" % eid)
            continue
        for j in range(tpl.count("<*>")):
            if len(captures.get((eid, j), ())) < 2:
                errs.append("%s slot %d captures fewer than 2 distinct values" % (eid, j + 1))
    c = [counts.get(e, 0) for e in declared]
    if not 12 <= len(declared) <= 15:
        errs.append("%d event types" % len(declared))
    if min(c) < 3:
        errs.append("an event has fewer than 3 lines: %r" % dict(zip(declared, c)))
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines: %r" % dict(zip(declared, c)))
    med = statistics.median(c)
    if max(c) < 3 * med:
        errs.append("largest %d < 3 x median %s" % (max(c), med))
    return errs, c, med


def main():
    written = []
    systems = []
    for k, name, mode, hre, events, gen in SYSTEMS:
        S = System(k, name, mode, hre, events)
        gen(S)
        S.finish()
        written += write_system(S)
        systems.append(S)
    ok = True
    for S in systems:
        errs, c, med = check_system(S)
        status = "OK" if not errs else "FAIL"
        ok = ok and not errs
        print("%-9s %-10s lines=%d events=%d min=%d median=%s max=%d small(3-10)=%d  %s" % (
            S.name, S.mode, N_LINES, len(c), min(c), med, max(c),
            sum(1 for x in c if 3 <= x <= 10), status))
        print("          counts: " + " ".join("E%d=%d" % (i + 1, x) for i, x in enumerate(c)))
        for e in errs[:20]:
            print("    ERROR: " + e)
    print("files written: %d" % len(written))
    print("self-check: %s" % ("PASSED" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
