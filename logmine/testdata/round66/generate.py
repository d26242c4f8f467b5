#!/usr/bin/env python3
"""Round 66 blind labelled log corpus.

Python 3 standard library only, fully deterministic: no wall clock, no locale.
Every system k (1..6) draws from its own random.Random(20270188 * 10 + k).
Time is an integer nanosecond clock counted from 2026-03-14T00:00:00Z.

Running this script writes, for every system, <System>/<System>.log (300 raw
lines) and <System>/<System>.log_structured.csv (LineId,Content,EventId,
EventTemplate), then re-reads the files and self-checks them.
"""
import csv
import io
import os
import random
import re
import statistics
import sys
from collections import Counter

BASE_SEED = 20270188
HERE = os.path.dirname(os.path.abspath(__file__))
NS = 10 ** 9
US = 10 ** 3
MS = 10 ** 6
N_LINES = 300
DATE_DASH = "2026-03-14"      # every line of the corpus falls on this UTC day
DATE_SLASH = "2026/03/14"
DAY0_EPOCH_S = 1773446400     # 2026-03-14T00:00:00Z, for reference only


# --------------------------------------------------------------------------
# time formatting (t = integer nanoseconds since 2026-03-14T00:00:00Z)
# --------------------------------------------------------------------------
def f_hms(t):
    if not 0 <= t < 86400 * NS:
        raise ValueError("clock left 2026-03-14: %d" % t)
    s = t // NS
    return "%02d:%02d:%02d" % (s // 3600, (s // 60) % 60, s % 60)


def f_frac(t, digits):
    return "%0*d" % (digits, (t % NS) // 10 ** (9 - digits))


def hexs(rng, n):
    return "%0*x" % (n, rng.getrandbits(4 * n))


def uuid4(rng):
    return "%s-%s-4%s-%s%s-%s" % (hexs(rng, 8), hexs(rng, 4), hexs(rng, 3),
                                  rng.choice("89ab"), hexs(rng, 3), hexs(rng, 12))


# --------------------------------------------------------------------------
# templates
# --------------------------------------------------------------------------
def fill(template, vals):
    parts = template.split("<*>")
    if len(parts) != len(vals) + 1:
        raise ValueError("slot count mismatch for %r: %r" % (template, vals))
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        out.append(str(v))
        out.append(p)
    return "".join(out)


def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


class System:
    def __init__(self, k, name, kind, header_re):
        self.k = k
        self.name = name
        self.kind = kind                      # "simulation" or "shuffle"
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.header_re = re.compile(header_re)
        self.keys = []
        self.templates = []
        self.counts = []                      # shuffles only
        self.cycles = {}
        self.rows = []
        self.seq = 0

    # events are numbered E1, E2, ... in declaration order
    def ev(self, key, template, count=None):
        if key in self.keys or template in self.templates:
            raise ValueError("duplicate event %s" % key)
        self.keys.append(key)
        self.templates.append(template)
        self.counts.append(count)

    def eid(self, key):
        return "E%d" % (self.keys.index(key) + 1)

    def cyc(self, key, slot, pool):
        """Small pools cycle per (event, slot) so every slot varies."""
        c = self.cycles.get((key, slot), 0)
        self.cycles[(key, slot)] = c + 1
        return pool[c % len(pool)]

    def add(self, t, key, header, vals):
        content = fill(self.templates[self.keys.index(key)], vals)
        self.rows.append((t, self.seq, header, content, self.eid(key)))
        self.seq += 1

    def shuffle_plan(self, t0, mean_gap_s):
        order = []
        for key, n in zip(self.keys, self.counts):
            order += [key] * n
        if len(order) != N_LINES:
            raise ValueError("%s: counts sum to %d" % (self.name, len(order)))
        self.rng.shuffle(order)
        t = t0
        plan = []
        for key in order:
            t += 1 + int(self.rng.expovariate(1.0) * mean_gap_s * NS)
            plan.append((t, key))
        return plan

    def final_rows(self):
        rows = sorted(self.rows)
        return rows[:N_LINES]

    def write(self):
        d = os.path.join(HERE, self.name)
        os.makedirs(d, exist_ok=True)
        rows = self.final_rows()
        with open(os.path.join(d, self.name + ".log"), "w", encoding="utf-8", newline="") as f:
            for _t, _s, header, content, _e in rows:
                f.write(header + content + "\n")
        with open(os.path.join(d, self.name + ".log_structured.csv"), "w",
                  encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
            for i, (_t, _s, _h, content, eid) in enumerate(rows, 1):
                w.writerow([i, content, eid, self.templates[int(eid[1:]) - 1]])


# ==========================================================================
# 1. DbtCore -- simulation: dbt invocations whose nodes run on worker threads
# ==========================================================================
def gen_dbtcore():
    S = System(1, "DbtCore", "simulation",
               r"(?P<ts>\d{2}:\d{2}:\d{2}\.\d{6}) \[(?:debug|info |warn |error)\] "
               r"\[(?:MainThread|Thread-\d+ \()\]: ")
    S.ev("concurrency", "Concurrency: <*> threads (target='<*>')")
    S.ev("began", "Began running node <*>")
    S.ev("start_model", "<*> of <*> START sql <*> model <*> <*> [RUN]")
    S.ev("start_test", "<*> of <*> START test <*> <*> [RUN]")
    S.ev("timing_compile", "Timing info for <*> (compile): <*> => <*>")
    S.ev("using", 'Using postgres connection "<*>"')
    S.ev("begin", "On <*>: BEGIN")
    S.ev("sql_status", "SQL status: <*> in <*> seconds")
    S.ev("commit", "On <*>: COMMIT")
    S.ev("timing_execute", "Timing info for <*> (execute): <*> => <*>")
    S.ev("ok", "<*> of <*> OK created sql <*> model <*> <*> [<*> in <*>]")
    S.ev("pass", "<*> of <*> PASS <*> <*> [PASS in <*>]")
    S.ev("fail", "<*> of <*> FAIL <*> <*> <*> [FAIL <*> in <*>]")
    S.ev("error", "<*> of <*> ERROR creating sql <*> model <*> <*> [ERROR in <*>]")
    S.ev("finished", "Finished running node <*>")

    rng = S.rng
    proj = "harbor_metrics"
    models = [("stg_orders", "view"), ("stg_customers", "view"), ("stg_payments", "view"),
              ("stg_shipments", "view"), ("stg_products", "view"),
              ("int_payments_pivoted", "table"), ("dim_customers", "table"),
              ("dim_products", "table"), ("fct_orders", "incremental"),
              ("fct_daily_revenue", "table"), ("fct_shipments", "incremental"),
              ("int_order_items", "view")]
    test_names = ["not_null_stg_orders_order_id", "unique_stg_orders_order_id",
                  "not_null_dim_customers_customer_id", "unique_dim_customers_customer_id",
                  "accepted_values_stg_orders_status__placed__shipped__returned",
                  "relationships_fct_orders_customer_id__customer_id__ref_dim_customers_",
                  "not_null_fct_daily_revenue_revenue_date", "unique_fct_shipments_shipment_id",
                  "not_null_stg_payments_amount", "dbt_utils_expression_is_true_fct_orders_amount_0"]
    tests = [(n, "test.%s.%s.%s" % (proj, n, hexs(rng, 10))) for n in test_names]
    targets = [("dev", "dbt_mlopez"), ("ci", "dbt_ci_pr_2291"), ("prod", "analytics"),
               ("dev", "dbt_kchen")]
    thread_pool = [4, 8, 6, 4, 8, 6]

    def ts(t):
        return "%s.%s" % (f_hms(t), f_frac(t, 6))

    def hdr(t, lvl, th):
        return "%s [%s] [%s]: " % (ts(t), lvl, th)

    def us(a, b):
        return rng.randint(a, b) * US

    def dots(prefix):
        return "." * max(3, 80 - len(prefix))

    def secs3(d):
        return "%.3f" % (d / NS)

    def run_model(node, th, s, idx, n, schema, failing):
        name, mat = node
        nid = "model.%s.%s" % (proj, name)
        rel = "%s.%s" % (schema, name)
        thn = "Thread-%d (" % (th + 1)
        t = s
        S.add(t, "began", hdr(t, "debug", thn), [nid])
        t += us(300, 1500)
        pre = "%d of %d START sql %s model %s " % (idx, n, mat, rel)
        S.add(t, "start_model", hdr(t, "info ", thn), [idx, n, mat, rel, dots(pre)])
        c0 = t + us(200, 800)
        c1 = c0 + us(4000, 90000)
        t = c1 + us(50, 300)
        S.add(t, "timing_compile", hdr(t, "debug", thn), [nid, ts(c0), ts(c1)])
        e0 = t + us(100, 500)
        t = e0

        def stmt(status, lo, hi):
            nonlocal t
            t += us(100, 600)
            S.add(t, "using", hdr(t, "debug", thn), [nid])
            d = us(lo, hi)
            t += d
            S.add(t, "sql_status", hdr(t, "debug", thn), [status, secs3(d)])

        t += us(100, 600)
        S.add(t, "using", hdr(t, "debug", thn), [nid])
        t += us(50, 200)
        S.add(t, "begin", hdr(t, "debug", thn), [nid])
        d = us(600, 9000)
        t += d
        S.add(t, "sql_status", hdr(t, "debug", thn), ["BEGIN", secs3(d)])
        if failing:
            t += us(100, 600)
            S.add(t, "using", hdr(t, "debug", thn), [nid])
            t += us(5000, 400000)
            S.add(t, "timing_execute", hdr(t, "debug", thn), [nid, ts(e0), ts(t)])
            t += us(200, 900)
            pre = "%d of %d ERROR creating sql %s model %s " % (idx, n, mat, rel)
            S.add(t, "error", hdr(t, "error", thn),
                  [idx, n, mat, rel, dots(pre), "%.2fs" % ((t - s) / NS)])
            t += us(100, 400)
            S.add(t, "finished", hdr(t, "debug", thn), [nid])
            return t
        rows = rng.randint(40, 250000)
        if mat == "view":
            stmt("CREATE VIEW", 3000, 60000)
            stmt("ALTER TABLE", 1000, 9000)
            label, post = "CREATE VIEW", "DROP VIEW"
        elif mat == "table":
            stmt("SELECT %d" % rows, 80000, 4000000)
            stmt("ALTER TABLE", 1000, 9000)
            stmt("ALTER TABLE", 1000, 9000)
            label, post = "SELECT %d" % rows, "DROP TABLE"
        else:
            stmt("SELECT %d" % rows, 50000, 2000000)
            stmt("INSERT 0 %d" % rows, 50000, 3000000)
            label, post = "INSERT 0 %d" % rows, None
        t += us(100, 500)
        S.add(t, "commit", hdr(t, "debug", thn), [nid])
        t += us(50, 300)
        S.add(t, "using", hdr(t, "debug", thn), [nid])
        d = us(800, 20000)
        t += d
        S.add(t, "sql_status", hdr(t, "debug", thn), ["COMMIT", secs3(d)])
        if post:
            stmt(post, 1000, 30000)
        t += us(100, 400)
        S.add(t, "timing_execute", hdr(t, "debug", thn), [nid, ts(e0), ts(t)])
        t += us(200, 900)
        pre = "%d of %d OK created sql %s model %s " % (idx, n, mat, rel)
        S.add(t, "ok", hdr(t, "info ", thn),
              [idx, n, mat, rel, dots(pre), label, "%.2fs" % ((t - s) / NS)])
        t += us(100, 400)
        S.add(t, "finished", hdr(t, "debug", thn), [nid])
        return t

    def run_test(test, th, s, idx, n, failing):
        name, nid = test
        thn = "Thread-%d (" % (th + 1)
        t = s
        S.add(t, "began", hdr(t, "debug", thn), [nid])
        t += us(300, 1500)
        pre = "%d of %d START test %s " % (idx, n, name)
        S.add(t, "start_test", hdr(t, "info ", thn), [idx, n, name, dots(pre)])
        c0 = t + us(200, 800)
        c1 = c0 + us(3000, 40000)
        t = c1 + us(50, 300)
        S.add(t, "timing_compile", hdr(t, "debug", thn), [nid, ts(c0), ts(c1)])
        e0 = t + us(100, 500)
        t = e0 + us(100, 600)
        S.add(t, "using", hdr(t, "debug", thn), [nid])
        d = us(2000, 900000)
        t += d
        S.add(t, "sql_status", hdr(t, "debug", thn), ["SELECT 1", secs3(d)])
        t += us(100, 400)
        S.add(t, "timing_execute", hdr(t, "debug", thn), [nid, ts(e0), ts(t)])
        t += us(200, 900)
        el = "%.2fs" % ((t - s) / NS)
        if failing:
            nf = rng.choice([1, 2, 3, 7, 12, 48, 311])
            pre = "%d of %d FAIL %d %s " % (idx, n, nf, name)
            S.add(t, "fail", hdr(t, "error", thn), [idx, n, nf, name, dots(pre), nf, el])
        else:
            pre = "%d of %d PASS %s " % (idx, n, name)
            S.add(t, "pass", hdr(t, "info ", thn), [idx, n, name, dots(pre), el])
        t += us(100, 400)
        S.add(t, "finished", hdr(t, "debug", thn), [nid])
        return t

    t = (7 * 3600 + 42 * 60 + 5) * NS + rng.randint(0, NS)
    for inv in range(6):
        target, schema = targets[inv % len(targets)]
        nthreads = thread_pool[inv % len(thread_pool)]
        S.add(t, "concurrency", hdr(t, "info ", "MainThread"), [nthreads, target])
        sel_models = rng.sample(models, [4, 5, 3, 4, 5, 3][inv])
        sel_tests = rng.sample(tests, [3, 3, 4, 4, 3, 4][inv])
        err_i = rng.randrange(len(sel_models))
        fail_i = rng.randrange(len(sel_tests))
        queue = [("model", m, i == err_i) for i, m in enumerate(sel_models)]
        queue += [("test", x, i == fail_i) for i, x in enumerate(sel_tests)]
        n = len(queue)
        free = sorted(t + us(20000, 400000) for _ in range(nthreads))
        last = t
        for idx, (kind, node, bad) in enumerate(queue, 1):
            th = min(range(nthreads), key=lambda i: (free[i], i))
            s = free[th]
            if kind == "model":
                end = run_model(node, th, s, idx, n, schema, bad)
            else:
                end = run_test(node, th, s, idx, n, bad)
            free[th] = end + us(100, 3000)
            last = max(last, end)
        t = last + rng.randint(90, 1400) * NS + rng.randint(0, NS)
    return S


# ==========================================================================
# 2. Meltano -- seeded shuffle (structlog console renderer)
# ==========================================================================
def gen_meltano():
    S = System(2, "Meltano", "shuffle",
               r"(?P<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z) "
               r"\[(?=[a-z ]{9}\])(?:debug|info|warning|error|critical) *\] ")
    tapkv = " cmd_type=elb consumer=False name=<*> producer=True stdio=stderr string_id=<*>"
    tgtkv = " cmd_type=elb consumer=True name=<*> producer=False stdio=stderr string_id=<*>"
    S.ev("env", "Environment '<*>' is active", 6)
    S.ev("nostate", "No state was found, complete import.", 4)
    S.ev("fullrefresh", "Performing full refresh, ignoring state left behind by any previous runs.", 3)
    S.ev("sync", "INFO Starting sync of stream: <*>" + tapkv, 24)
    S.ev("m_counter", 'INFO METRIC: {"type": "counter", "metric": "record_count", "value": <*>, '
                      '"tags": {"endpoint": "<*>"}}' + tapkv, 95)
    S.ev("m_timer", 'INFO METRIC: {"type": "timer", "metric": "http_request_duration", "value": <*>, '
                    '"tags": {"endpoint": "<*>", "http_status_code": <*>, "status": "<*>"}}' + tapkv, 60)
    S.ev("loading", "INFO Loading <*> rows into '<*>'" + tgtkv, 40)
    S.ev("emit_state", 'INFO Emitting state {"bookmarks": {"<*>": {"replication_key": "<*>", '
                       '"replication_key_value": "<*>"}}}' + tgtkv, 20)
    S.ev("critical", "CRITICAL <*>" + tapkv, 5)
    S.ev("extract_failed", "Extraction failed (<*>): <*>", 4)
    S.ev("load_failed", "Loading failed (<*>): <*>", 3)
    S.ev("state_updated", "Incremental state has been updated at <*>.", 18)
    S.ev("block_done", "Block run completed." + " " * 11 +
         "block_type=ExtractLoadBlocks err=<*> set_number=<*> success=<*>", 12)
    S.ev("el_complete", "Extract & load complete!", 6)

    rng = S.rng
    taps = [("tap-github", ["issues", "pull_requests", "commits", "stargazers", "releases"],
             "updated_at", "tap_github"),
            ("tap-stripe", ["charges", "invoices", "customers", "payouts"], "created", "tap_stripe"),
            ("tap-hubspot", ["contacts", "deals", "companies"], "updatedAt", "tap_hubspot"),
            ("tap-postgres", ["public-orders", "public-line_items", "billing-accounts"],
             "modified_at", "tap_postgres")]
    targets = ["target-postgres", "target-snowflake", "target-jsonl"]
    criticals = [
        "401 Client Error: Unauthorized for url: https://api.github.com/repos/northwind-labs/ledger/issues?state=all&per_page=100",
        "tap_stripe.client.RateLimitError: Request rate limit exceeded after 5 retries",
        "psycopg2.OperationalError: could not connect to server: Connection refused (10.40.2.17:5432)",
        "KeyError: 'properties' while parsing record from stream deals",
        "requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='api.hubapi.com', port=443): Read timed out. (read timeout=300)",
    ]
    extract_errs = [
        "requests.exceptions.HTTPError: 403 Client Error: rate limit exceeded for url: https://api.github.com/graphql",
        "singer_sdk.exceptions.FatalAPIError: 404 Client Error: Not Found for path: /v1/payouts/po_1Hx9bLq2",
        "psycopg2.errors.InsufficientPrivilege: permission denied for table accounts",
        "TypeError: 'NoneType' object is not subscriptable",
    ]
    load_errs = [
        'psycopg2.errors.UndefinedColumn: column "closed_at" of relation "issues" does not exist',
        "snowflake.connector.errors.ProgrammingError: 002003 (02000): Schema 'RAW.TAP_STRIPE' does not exist or not authorized.",
        "OSError: [Errno 28] No space left on device: 'output/deals-20260314T0412.jsonl'",
    ]

    def hdr(t, lvl):
        return "%sT%s.%sZ [%s] " % (DATE_DASH, f_hms(t), f_frac(t, 6), lvl.ljust(9))

    def stamp(t):
        return "%s %s.%s" % (DATE_DASH, f_hms(t), f_frac(t, 6))

    for t, key in S.shuffle_plan((3 * 3600 + 58 * 60) * NS + rng.randint(0, 60 * NS), 4.0):
        tap, streams, rkey, schema = S.cyc(key, "tap", taps)
        stream = rng.choice(streams)
        if key == "env":
            S.add(t, key, hdr(t, "info"), [S.cyc(key, 0, ["prod", "dev", "staging"])])
        elif key in ("nostate", "fullrefresh", "el_complete"):
            S.add(t, key, hdr(t, "info" if key != "nostate" else "warning"), [])
        elif key == "sync":
            S.add(t, key, hdr(t, "info"), [stream, tap, tap])
        elif key == "m_counter":
            v = rng.choice([0, rng.randint(1, 100), rng.randint(100, 20000)])
            S.add(t, key, hdr(t, "info"), [v, stream, tap, tap])
        elif key == "m_timer":
            ok = rng.random() < 0.9
            code = 200 if ok else rng.choice([429, 500, 502, 503])
            S.add(t, key, hdr(t, "info"),
                  ["%.6f" % rng.uniform(0.04, 3.2), stream, code,
                   "succeeded" if ok else "failed", tap, tap])
        elif key == "loading":
            tgt = S.cyc(key, "tgt", targets)
            S.add(t, key, hdr(t, "info"),
                  [rng.randint(1, 50000), "%s.%s" % (schema, stream.replace("-", "_")), tgt, tgt])
        elif key == "emit_state":
            tgt = S.cyc(key, "tgt", targets)
            b = t - rng.randint(5, 3 * 3600) * NS - rng.randint(0, NS)
            val = "%sT%s.%s+00:00" % (DATE_DASH, f_hms(b), f_frac(b, 6))
            S.add(t, key, hdr(t, "info"), [stream, rkey, val, tgt, tgt])
        elif key == "critical":
            S.add(t, key, hdr(t, "info"), [S.cyc(key, 0, criticals), tap, tap])
        elif key == "extract_failed":
            S.add(t, key, hdr(t, "error"), [S.cyc(key, 0, [1, 1, 2]), S.cyc(key, 1, extract_errs)])
        elif key == "load_failed":
            S.add(t, key, hdr(t, "error"), [S.cyc(key, 0, [1, 2]), S.cyc(key, 1, load_errs)])
        elif key == "state_updated":
            S.add(t, key, hdr(t, "info"), [stamp(t - rng.randint(1, 900) * MS)])
        elif key == "block_done":
            err, ok = S.cyc(key, 0, [("None", "True"), ("None", "True"),
                                     ("RunnerError('Extractor failed')", "False"), ("None", "True"),
                                     ("RunnerError('Loader failed')", "False")])
            S.add(t, key, hdr(t, "info" if ok == "True" else "error"),
                  [err, S.cyc(key, 1, [0, 0, 1]), ok])
    return S


# ==========================================================================
# 3. PentahoKettle -- seeded shuffle (kitchen / pan console log)
# ==========================================================================
KETTLE_ERR = ("ERROR (version 9.4.0.0-343, build 9.4.0.0-343 from 2022-11-08 07.50.27 "
              "by buildguy) : ")


def gen_kettle():
    S = System(3, "PentahoKettle", "shuffle",
               r"(?P<ts>\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}) - (?:[^ ].*?) - "
               r"(?:ERROR \(version [^)]+\) : )?")
    S.ev("start_run", "Start of run.", 5)
    S.ev("job_start", "Start of job execution", 6)
    S.ev("entry_start", "Starting entry [<*>]", 47)
    S.ev("load_trans", "Loading transformation from XML file [<*>]", 22)
    S.ev("dispatch", "Dispatching started for transformation [<*>]", 22)
    S.ev("connected", "Connected to database [<*>] (commit=<*>)", 18)
    S.ev("query_done", "Finished reading query, closing connection.", 16)
    S.ev("step_done", "Finished processing (I=<*>, O=<*>, R=<*>, W=<*>, U=<*>, E=<*>)", 100)
    S.ev("entry_done", "Finished job entry [<*>] (result=[<*>])", 38)
    S.ev("job_done", "Job execution finished", 6)
    S.ev("start_stop", "Start=<*>, Stop=<*>", 5)
    S.ev("ended", "Processing ended after <*> seconds.", 5)
    S.ev("step_abort", "Because of an error, this step can't continue:", 4)
    S.ev("batch_err", "Error batch inserting rows into table [<*>].", 3)
    S.ev("with_errors", "Finished with errors", 3)

    rng = S.rng
    jobs = ["jb_load_dwh", "jb_nightly_sales", "jb_refresh_marts", "jb_import_crm"]
    entries = ["Transform customers", "Transform orders", "Load fact_sales", "Check source files",
               "Truncate staging", "Update dim_product", "Write to log", "Mail on failure"]
    trans_files = ["file:///opt/etl/dwh/tr_customers.ktr", "file:///opt/etl/dwh/tr_orders.ktr",
                   "file:///opt/etl/sales/tr_fact_sales.ktr", "file:///opt/etl/dwh/tr_dim_product.ktr",
                   "file:///srv/pdi/repo/crm/tr_import_contacts.ktr"]
    trans_names = ["tr_customers", "tr_orders", "tr_fact_sales", "tr_dim_product", "tr_import_contacts"]
    in_steps = ["Table input.0", "CSV file input.0", "Table input 2.0", "Text file input.0"]
    mid_steps = ["Select values.0", "Sort rows.0", "Filter rows.0", "Stream lookup.0",
                 "Add constants.0", "Calculator.0", "Sort rows.1"]
    out_steps = ["Table output.0", "Insert / update.0", "Table output.1", "Dimension lookup/update.0"]
    dbs = ["dwh_postgres", "staging_mysql", "crm_oracle"]
    tables = ["dwh.fact_sales", "staging.stg_orders", "dwh.dim_customer", "crm.contacts"]

    def hdr(t, subject, err=False):
        return "%s %s - %s - %s" % (DATE_SLASH, f_hms(t), subject, KETTLE_ERR if err else "")

    for t, key in S.shuffle_plan((1 * 3600 + 5 * 60) * NS + rng.randint(0, 60 * NS), 3.0):
        if key == "start_run":
            S.add(t, key, hdr(t, S.cyc(key, "s", ["Kitchen", "Pan"])), [])
        elif key in ("job_start", "job_done"):
            S.add(t, key, hdr(t, S.cyc(key, "s", jobs)), [])
        elif key == "entry_start":
            S.add(t, key, hdr(t, rng.choice(jobs)), [S.cyc(key, 0, entries)])
        elif key == "load_trans":
            S.add(t, key, hdr(t, rng.choice(entries[:4] + entries[5:6])), [S.cyc(key, 0, trans_files)])
        elif key == "dispatch":
            name = S.cyc(key, 0, trans_names)
            S.add(t, key, hdr(t, name), [name])
        elif key == "connected":
            S.add(t, key, hdr(t, rng.choice(out_steps + in_steps[:1])),
                  [S.cyc(key, 0, dbs), S.cyc(key, 1, [1000, 1000, 500, 100])])
        elif key == "query_done":
            S.add(t, key, hdr(t, S.cyc(key, "s", ["Table input.0", "Table input 2.0"])), [])
        elif key == "step_done":
            role = rng.random()
            n = rng.choice([0, rng.randint(1, 500), rng.randint(500, 900000)])
            e = S.cyc(key, "e", [0] * 12 + [1])
            if role < 0.3:
                subj, vals = rng.choice(in_steps), [n, 0, 0, n, 0, e]
            elif role < 0.65:
                subj, vals = rng.choice(mid_steps), [0, 0, n, n, 0, e]
            else:
                subj = rng.choice(out_steps)
                u = rng.randint(0, n) if subj.startswith(("Insert", "Dimension")) else 0
                vals = [0, n - u, n, n, u, e]
            S.add(t, key, hdr(t, subj, err=False), vals)
        elif key == "entry_done":
            S.add(t, key, hdr(t, rng.choice(jobs)),
                  [S.cyc(key, 0, entries), S.cyc(key, 1, ["true"] * 7 + ["false"])])
        elif key == "start_stop":
            dur = rng.randint(2, 59) * NS + rng.randint(0, NS)
            a = max(0, t - dur)
            S.add(t, key, hdr(t, S.cyc(key, "s", ["Kitchen", "Pan"])),
                  ["%s %s.%s" % (DATE_SLASH, f_hms(a), f_frac(a, 3)),
                   "%s %s.%s" % (DATE_SLASH, f_hms(t), f_frac(t, 3))])
        elif key == "ended":
            S.add(t, key, hdr(t, S.cyc(key, "s", ["Kitchen", "Pan"])), [rng.randint(2, 59)])
        elif key in ("step_abort", "batch_err"):
            vals = [] if key == "step_abort" else [S.cyc(key, 0, tables)]
            S.add(t, key, hdr(t, rng.choice(out_steps), err=True), vals)
        elif key == "with_errors":
            S.add(t, key, hdr(t, S.cyc(key, "s", ["Kitchen", "Pan"]), err=True), [])
    return S


# ==========================================================================
# 4. StreamSets -- seeded shuffle (sdc.log, log4j default pattern)
# ==========================================================================
def gen_streamsets():
    S = System(4, "StreamSets", "shuffle",
               r"(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}) \[user:[^\]]*\] "
               r"\[pipeline:[^\]]*\] \[runner:[^\]]*\] \[thread:[^\]]+\] \[stage:[^\]]*\] "
               r"(?:TRACE|DEBUG|INFO |WARN |ERROR) [A-Za-z0-9$]+ - ")
    S.ev("state", "Changing state of pipeline '<*>' to '<*>' in execution mode: 'STANDALONE';"
                  "status msg: '<*>'", 72)
    S.ev("starting", "Starting pipeline <*> <*>", 14)
    S.ev("stopping", "Stopping pipeline <*> <*>", 9)
    S.ev("kafka_version", "Kafka version : <*>", 10)
    S.ev("kafka_commit", "Kafka commitId : <*>", 10)
    S.ev("assigned", "[Consumer clientId=<*>, groupId=<*>] Setting newly assigned partitions: <*>", 16)
    S.ev("revoked", "[Consumer clientId=<*>, groupId=<*>] Revoke previously assigned partitions <*>", 7)
    S.ev("batch", "Processed batch <*>: <*> records, <*> error records in <*>", 90)
    S.ev("offset", "Committed offset '<*>' for origin '<*>'", 40)
    S.ev("hk_starting", "<*> - Starting...", 6)
    S.ev("hk_started", "<*> - Start completed.", 6)
    S.ev("hk_shutdown", "<*> - Shutdown initiated...", 4)
    S.ev("retry", "Pipeline '<*>' will be retried in <*> seconds, attempt <*> of <*>", 8)
    S.ev("exception", "An exception occurred while running the pipeline, <*>", 8)

    rng = S.rng
    defs = [("Orders Kafka to S3", "kafka", "*admin", "orders", "sdc-orders-s3", "KafkaMultitopicConsumer_01"),
            ("Postgres Inventory CDC", "jdbc", "*etl_ops", None, None, "JDBCQueryConsumer_01"),
            ("Clickstream Enrichment", "kafka", "*dgarcia", "clickstream.raw", "sdc-clickstream", "KafkaConsumer_01"),
            ("Billing Files to HDFS", "file", "*admin", None, None, "Directory_01"),
            ("Customer 360 Sync", "jdbc", "*etl_ops", None, None, "JDBCMultitableConsumer_01")]
    pipes = []
    for title, kind, user, topic, group, origin in defs:
        pid = re.sub(r"[^A-Za-z0-9]", "", title) + uuid4(rng)
        pipes.append(dict(title=title, kind=kind, user=user, topic=topic, group=group,
                          origin=origin, id=pid, rev=str(rng.choice([0, 1, 2, 3, 5, 8, 11]))))
    kafka = [p for p in pipes if p["kind"] == "kafka"]
    jdbc = [p for p in pipes if p["kind"] == "jdbc"]
    states = [("STARTING", "null"), ("RUNNING", "null"), ("STOPPING", "null"),
              ("STOPPED", "Stopped by user"), ("STARTING", "null"), ("RUNNING", "null"),
              ("RUN_ERROR", "KAFKA_29 - Error fetching data from Kafka: Timeout expired while fetching topic metadata"),
              ("RETRY", "null"), ("STARTING", "null"), ("RUNNING", "null"),
              ("FINISHING", "null"), ("FINISHED", "null"),
              ("START_ERROR", "JDBC_00 - Cannot connect to specified database: HikariPool-2 - Connection is not available, request timed out after 30001ms.")]
    excs = ["com.streamsets.pipeline.api.StageException: KAFKA_29 - Error fetching data from Kafka: org.apache.kafka.common.errors.TimeoutException: Timeout expired while fetching topic metadata",
            "com.streamsets.pipeline.api.StageException: JDBC_06 - Failed to initialize connection pool: com.zaxxer.hikari.pool.HikariPool$PoolInitializationException: Failed to initialize pool: FATAL: password authentication failed for user \"sdc\"",
            "com.streamsets.pipeline.api.StageException: SPOOLDIR_01 - Failed to process file '/data/billing/in/invoices-20260314-017.csv' at position '4096': java.io.IOException: Stream closed",
            "com.streamsets.datacollector.runner.PipelineRuntimeException: CONTAINER_0800 - Pipeline validation error: S3_21 - Unable to write object to Amazon S3, reason: Access Denied"]

    def hdr(t, lvl, cls, p, runner="", thread="", stage="", user=True):
        pl = "%s/%s" % (p["title"], p["id"]) if p else ""
        u = p["user"] if (p and user) else ""
        return ("%s %s,%s [user:%s] [pipeline:%s] [runner:%s] [thread:%s] [stage:%s] %-5s %s - "
                % (DATE_DASH, f_hms(t), f_frac(t, 3), u, pl, runner, thread, stage, lvl, cls))

    def runnable(p):
        return "ProductionPipelineRunnable-%s-%s" % (p["id"], p["title"])

    batch_no = {p["id"]: rng.randint(1, 40000) for p in pipes}
    offsets = {p["id"]: rng.randint(1000, 900000) for p in pipes}

    for t, key in S.shuffle_plan((9 * 3600 + 12 * 60) * NS + rng.randint(0, 60 * NS), 8.0):
        if key == "state":
            p = S.cyc(key, "p", pipes)
            st, msg = S.cyc(key, 0, states)
            if st in ("STARTING", "STOPPING", "STOPPED"):
                h = hdr(t, "INFO", "CachePipelineStateStore", p, "", "webserver-%d" % rng.randint(10, 60))
            else:
                h = hdr(t, "INFO", "CachePipelineStateStore", p, "0", runnable(p))
            S.add(t, key, h, [p["id"], st, msg])
        elif key in ("starting", "stopping"):
            p = S.cyc(key, "p", pipes)
            S.add(t, key, hdr(t, "INFO", "StandaloneRunner", p, "", "webserver-%d" % rng.randint(10, 60)),
                  [p["id"], p["rev"]])
        elif key in ("kafka_version", "kafka_commit"):
            p = S.cyc(key, "p", kafka)
            val = (S.cyc(key, 0, ["2.8.1", "3.4.0", "2.0.0"]) if key == "kafka_version"
                   else S.cyc(key, 0, ["839b886f9b732b15", "2c6fb6c54472e90a", "3402a8361b734732"]))
            S.add(t, key, hdr(t, "INFO", "AppInfoParser", p, "0", runnable(p), p["origin"]), [val])
        elif key in ("assigned", "revoked"):
            p = S.cyc(key, "p", kafka)
            nparts = rng.choice([1, 2, 3, 6])
            first = rng.randint(0, 2)
            parts = ", ".join("%s-%d" % (p["topic"], i) for i in range(first, first + nparts))
            S.add(t, key, hdr(t, "INFO", "ConsumerCoordinator", p, "0", runnable(p), p["origin"]),
                  ["consumer-%s-%d" % (p["group"], rng.randint(1, 4)), p["group"], parts])
        elif key == "batch":
            p = rng.choice(pipes)
            batch_no[p["id"]] += rng.randint(1, 30)
            n = rng.choice([0, rng.randint(1, 1000), rng.randint(1000, 50000)])
            errs = S.cyc(key, "e", [0, 0, 0, 0, 0, 0, 3, 0, 0, 17])
            S.add(t, key, hdr(t, "INFO", "ProductionPipelineRunner", p, "0", runnable(p)),
                  [batch_no[p["id"]], n, min(errs, n), "%d ms" % rng.randint(2, 9000)])
        elif key == "offset":
            p = rng.choice(pipes)
            offsets[p["id"]] += rng.randint(1, 5000)
            o = offsets[p["id"]]
            if p["kind"] == "kafka":
                off = "%s::%d::%d" % (p["topic"], rng.randint(0, 5), o)
            elif p["kind"] == "jdbc":
                off = "id=%d" % o
            else:
                off = "/data/billing/in/invoices-20260314-%03d.csv::%d" % (rng.randint(1, 40), o)
            S.add(t, key, hdr(t, "INFO", "ProductionSourceOffsetTracker", p, "0", runnable(p)),
                  [off, p["origin"]])
        elif key in ("hk_starting", "hk_started", "hk_shutdown"):
            p = S.cyc(key, "p", jdbc)
            S.add(t, key, hdr(t, "INFO", "HikariDataSource", p, "0", runnable(p), p["origin"]),
                  [S.cyc(key, 0, ["HikariPool-1", "HikariPool-2", "HikariPool-3"])])
        elif key == "retry":
            p = S.cyc(key, "p", pipes)
            a = S.cyc(key, 2, [1, 2, 3, 1])
            S.add(t, key, hdr(t, "WARN", "StandaloneRunner", p, "", "runner-pool-2-thread-%d" % rng.randint(1, 20)),
                  [p["id"], min(300, 15 * 2 ** a), a, S.cyc(key, 3, [5, 10])])
        elif key == "exception":
            p = S.cyc(key, "p", pipes)
            S.add(t, key, hdr(t, "ERROR", "ProductionPipelineRunnable", p, "0", runnable(p)),
                  [S.cyc(key, 0, excs)])
    return S


# ==========================================================================
# 5. SeaTunnel -- simulation: Zeta engine jobs with pipelines, tasks, checkpoints
# ==========================================================================
def gen_seatunnel():
    S = System(5, "SeaTunnel", "simulation",
               r"(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}) (?:TRACE|DEBUG|INFO |WARN |ERROR) "
               r"\[[^\]]{30}\] \[[^\]]+\] - "
               r"(?:\[\d+\.\d+\.\d+\.\d+\]:\d+ \[[\w-]+\] \[\d+\.\d+\] )?")
    S.ev("submit", "Start submit job, job id: <*>, with plugin jar [<*>]")
    S.ev("slot_req", "received slot request, jobID: <*>, resource profile: ResourceProfile{cpu=CPU{core=0}, "
                     "heapMemory=Memory{bytes=0}}, return: SlotProfile{worker=[<*>]:5801, slotID=<*>, "
                     "ownerJobID=<*>, assigned=true}")
    S.ev("job_state", "Job <*> (<*>) turned from state <*> to <*>.")
    S.ev("pipe_state", "Job <*> (<*>), Pipeline: [(<*>/<*>)] turned from state <*> to <*>.")
    S.ev("task_state", "Job <*> (<*>), Pipeline: [(<*>/<*>)], task: [<*>] turned from state <*> to <*>.")
    S.ev("ckpt_enabled", "checkpoint is enabled, start schedule trigger pending checkpoint.")
    S.ev("ckpt_pending", "pending checkpoint(<*>/<*>@<*>) notify finished!")
    S.ev("ckpt_notify", "start notify checkpoint completed, job id: <*>, pipeline id: <*>, checkpoint id:<*>")
    S.ev("ckpt_wait", "wait checkpoint completed: <*>")
    S.ev("ckpt_timeout", "Checkpoint <*> of job <*> pipeline <*> expired before completing, timeout <*>")
    S.ev("exception", "Exception in <*>")
    S.ev("task_end", "Received task end from execution TaskGroupLocation{jobId=<*>, pipelineId=<*>, "
                     "taskGroupId=<*>}, state <*>")
    S.ev("slot_release", "received slot release request, jobID: <*>, slot: SlotProfile{worker=[<*>]:5801, "
                         "slotID=<*>, ownerJobID=<*>, assigned=true}")
    S.ev("job_end", "Job <*> (<*>) end with state <*>")

    rng = S.rng
    master = "10.20.3.10"
    hz = "[%s]:5801 [seatunnel-prod] [5.1] " % master
    workers = ["10.20.3.11", "10.20.3.12", "10.20.3.13", master]
    slot_seq = {w: rng.randint(0, 40) for w in workers}
    L_COORD = "o.a.s.e.s.CoordinatorService"
    L_SLOT = "o.a.s.e.s.s.s.DefaultSlotService"
    L_PLAN = "o.a.s.e.s.d.p.PhysicalPlan"
    L_SUB = "o.a.s.e.s.d.p.SubPlan"
    L_VERTEX = "o.a.s.e.s.d.p.PhysicalVertex"
    L_CKPT = "o.a.s.e.s.c.CheckpointCoordinator"
    L_TES = "o.a.s.e.s.TaskExecutionService"
    L_MASTER = "o.a.s.e.s.m.JobMaster"
    specs = [("SeaTunnel_Job", "FakeSource", "Console", "fake", "console"),
             ("mysql_orders_to_doris", "Jdbc", "Doris", "jdbc", "doris"),
             ("kafka_clickstream_ods", "Kafka", "Hive", "kafka", "hive"),
             ("pg_cdc_inventory", "Postgres-CDC", "Jdbc", "cdc-postgres", "jdbc"),
             ("s3_logs_to_hive", "S3File", "Hive", "file-s3", "hive"),
             ("SeaTunnel_Job", "MySQL-CDC", "Doris", "cdc-mysql", "doris")]

    def lg(name):
        return name[-30:] if len(name) > 30 else name.ljust(30)

    def hdr(t, lvl, logger, thread, pre=False):
        return "%s %s,%s %-5s [%s] [%s] - %s" % (DATE_DASH, f_hms(t), f_frac(t, 3), lvl, lg(logger),
                                                  thread, hz if pre else "")

    def ms(a, b):
        return rng.randint(a, b) * MS

    def coord():
        return "seatunnel-coordinator-service-%d" % rng.randint(1, 24)

    def gen_op():
        return "hz.main.generic-operation.thread-%d" % rng.randint(1, 8)

    fates = ["FINISHED", "FAILED", "FAILED", "FINISHED", "FAILED", "CANCELED", "FINISHED",
             "FAILED", "FINISHED", "CANCELED", "FINISHED", "FAILED"]
    t_sub = (10 * 3600 + 3 * 60) * NS + rng.randint(0, 60 * NS)
    for j in range(16):
        t_sub += int(rng.expovariate(1.0) * 15 * NS) + 2 * NS
        t = t_sub
        jid = rng.randint(8 * 10 ** 17, 9 * 10 ** 17 - 1)
        jname, src, snk, sjar, kjar = specs[j % len(specs)]
        npipe = 2 if j % 3 == 0 else 1
        par = 2 if j % 4 == 0 else 1
        fate = fates[j % len(fates)]
        dur = rng.randint(8, 25) * NS if fate == "FAILED" else rng.randint(30, 150) * NS
        interval = rng.choice([5, 8, 10]) * NS
        ckpt_timeout = [5000, 8000, 6000][j % 3]
        jars = ", ".join("file:/opt/seatunnel/connectors/connector-%s-2.3.8.jar" % c for c in (sjar, kjar))
        S.add(t, "submit", hdr(t, "INFO", L_COORD, gen_op(), True), [jid, jars])
        t += ms(20, 300)
        S.add(t, "job_state", hdr(t, "INFO", L_PLAN, coord()), [jname, jid, "CREATED", "SCHEDULED"])
        pipes = []
        for pi in range(1, npipe + 1):
            groups = []
            enum = "pipeline-%d [Source[0]-%s]-SplitEnumerator (1/1)" % (pi, src)
            groups.append((10000 * pi, [enum]))
            for g in range(1, par + 1):
                groups.append((10000 * pi + g,
                               ["pipeline-%d [Source[0]-%s]-SourceTask (%d/%d)" % (pi, src, g, par),
                                "pipeline-%d [Sink[0]-%s-MultiTableSink]-SinkTask (%d/%d)" % (pi, snk, g, par)]))
            slots = []
            for tg, _tasks in groups:
                w = workers[(j + tg) % len(workers)]
                slot_seq[w] += 1
                slots.append((w, slot_seq[w]))
                t += ms(2, 40)
                S.add(t, "slot_req", hdr(t, "INFO", L_SLOT, gen_op(), True), [jid, w, slot_seq[w], jid])
            pipes.append((pi, groups, slots))
        t += ms(20, 200)
        S.add(t, "job_state", hdr(t, "INFO", L_PLAN, coord()), [jname, jid, "SCHEDULED", "RUNNING"])
        run_start = t
        for pi, groups, slots in pipes:
            pp = [jname, jid, pi, npipe]
            tp = run_start + ms(5, 80)
            S.add(tp, "pipe_state", hdr(tp, "INFO", L_SUB, coord()), pp + ["CREATED", "SCHEDULED"])
            tp += ms(5, 60)
            S.add(tp, "pipe_state", hdr(tp, "INFO", L_SUB, coord()), pp + ["SCHEDULED", "DEPLOYING"])
            for _tg, tasks in groups:
                for task in tasks:
                    tp += ms(3, 60)
                    S.add(tp, "task_state", hdr(tp, "INFO", L_VERTEX, coord()), pp + [task, "CREATED", "DEPLOYING"])
            for _tg, tasks in groups:
                for task in tasks:
                    tp += ms(20, 700)
                    S.add(tp, "task_state", hdr(tp, "INFO", L_VERTEX, coord()), pp + [task, "DEPLOYING", "RUNNING"])
            tp += ms(5, 80)
            S.add(tp, "pipe_state", hdr(tp, "INFO", L_SUB, coord()), pp + ["DEPLOYING", "RUNNING"])
            tp += ms(2, 30)
            ck_thread = "pool-%d-thread-1" % rng.randint(3, 60)
            S.add(tp, "ckpt_enabled", hdr(tp, "INFO", L_CKPT, ck_thread), [])
            t_end = run_start + dur
            tc = tp + interval
            cid = 0
            while tc < t_end - 2 * NS:
                cid += 1
                if rng.random() < 0.15:
                    tx = tc + ckpt_timeout * MS
                    if tx < t_end:
                        S.add(tx, "ckpt_timeout", hdr(tx, "WARN", L_CKPT, ck_thread),
                              [cid, jid, pi, "%dms" % ckpt_timeout])
                else:
                    tq = tc + ms(40, 2500)
                    S.add(tq, "ckpt_pending", hdr(tq, "INFO", L_CKPT, ck_thread), [cid, pi, jid])
                    tq += ms(1, 20)
                    S.add(tq, "ckpt_notify", hdr(tq, "INFO", L_CKPT, ck_thread), [jid, pi, cid])
                    tq += ms(1, 40)
                    S.add(tq, "ckpt_wait", hdr(tq, "INFO", L_CKPT, ck_thread), [cid])
                tc += interval
            # end of the pipeline
            te = t_end + ms(0, 300)
            if fate == "FAILED" and pi == 1:
                bad_tg, bad_tasks = groups[1]
                S.add(te, "exception",
                      hdr(te, "ERROR", L_TES,
                          "BlockingWorker-TaskGroupLocation{jobId=%d, pipelineId=%d, taskGroupId=%d}"
                          % (jid, pi, bad_tg), True),
                      ["org.apache.seatunnel.engine.server.task.%s@%s"
                       % (S.cyc("exception", 0, ["SourceSeaTunnelTask", "SinkSeaTunnelTask"]), hexs(rng, 8))])
                bad_task = bad_tasks[0]
            else:
                bad_tg, bad_task = None, None
            pfate = fate if (fate != "FAILED" or pi == 1) else "CANCELED"
            for tg, tasks in groups:
                for task in tasks:
                    te += ms(2, 120)
                    to = ("FAILED" if task == bad_task else
                          "CANCELED" if pfate in ("FAILED", "CANCELED") else "FINISHED")
                    S.add(te, "task_state", hdr(te, "INFO", L_VERTEX, coord()), pp + [task, "RUNNING", to])
                te += ms(1, 30)
                st = "FAILED" if tg == bad_tg else ("CANCELED" if pfate != "FINISHED" else "FINISHED")
                S.add(te, "task_end", hdr(te, "INFO", L_MASTER,
                                          "hz.main.seaTunnel.task.thread-%d" % rng.randint(1, 16), True),
                      [jid, pi, tg, st])
            te += ms(5, 90)
            S.add(te, "pipe_state", hdr(te, "INFO", L_SUB, coord()), pp + ["RUNNING", pfate])
            for w, sid in slots:
                te += ms(2, 30)
                S.add(te, "slot_release", hdr(te, "INFO", L_SLOT, gen_op(), True), [jid, w, sid, jid])
            t = max(t, te)
        t += ms(10, 200)
        S.add(t, "job_state", hdr(t, "INFO", L_PLAN, coord()), [jname, jid, "RUNNING", fate])
        t += ms(1, 50)
        S.add(t, "job_end", hdr(t, "INFO", L_COORD, coord(), True), [jname, jid, fate])
    return S


# ==========================================================================
# 6. ApacheHop -- seeded shuffle (hop-run console log)
# ==========================================================================
def gen_hop():
    S = System(6, "ApacheHop", "shuffle",
               r"(?P<ts>\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}) - (?:[^ ].*?) - (?:ERROR: )?")
    S.ev("project", "Enabling project '<*>'", 5)
    S.ev("wf_start", "Start of workflow execution", 6)
    S.ev("action_start", "Starting action [<*>]", 40)
    S.ev("action_done", "Finished action [<*>] (result=[<*>])", 38)
    S.ev("local_engine", "Executing this pipeline using the Local Pipeline Engine with run configuration '<*>'", 20)
    S.ev("exec_started", "Execution started for pipeline [<*>]", 20)
    S.ev("transform_done", "Finished processing (I=<*>, O=<*>, R=<*>, W=<*>, U=<*>, E=<*>)", 105)
    S.ev("pipe_duration", "Pipeline duration : <*> seconds [ <*> ]", 18)
    S.ev("exec_finished", "Execution finished on a local pipeline engine with run configuration '<*>'", 18)
    S.ev("wf_done", "Workflow execution finished", 6)
    S.ev("wf_duration", "Workflow duration : <*> seconds [ <*> ]", 6)
    S.ev("transform_abort", "Because of an error, this transform can't continue:", 8)
    S.ev("detected", "Pipeline detected one or more transforms with errors.", 5)
    S.ev("killing", "Pipeline is killing the other transforms!", 5)

    rng = S.rng
    workflows = ["wf-nightly-dwh", "wf-refresh-marts", "wf-ingest-crm"]
    pipelines = ["load-customers", "stage-orders", "dim-products", "fact-sales", "export-invoices"]
    transforms_in = ["Table input.0", "CSV file input.0", "JSON input.0", "Get file names.0"]
    transforms_mid = ["Select values.0", "Sort rows.0", "Filter rows.0", "Stream lookup.0",
                      "Add sequence.0", "Calculator.0", "Value mapper.0", "Sort rows.1"]
    transforms_out = ["Table output.0", "Insert / update.0", "Text file output.0", "Table output.1"]
    actions = ["Start", "Check source files", "Run load-customers", "Run stage-orders",
               "Truncate staging", "Run fact-sales", "Write to log", "Success", "Mail on failure"]
    runcfgs = ["local", "local-8g", "local"]

    def hdr(t, subject, err=False):
        return "%s %s - %s - %s" % (DATE_SLASH, f_hms(t), subject, "ERROR: " if err else "")

    def dur_pair(x):
        if x < 60:
            human = '%.3f"' % x
        else:
            human = "%d' %06.3f\"" % (int(x // 60), x % 60)
        return ["%.3f" % x, human]

    for t, key in S.shuffle_plan((5 * 3600 + 30 * 60) * NS + rng.randint(0, 60 * NS), 3.0):
        if key == "project":
            S.add(t, key, hdr(t, "HopRun"), [S.cyc(key, 0, ["dwh", "crm-sync", "finance"])])
        elif key in ("wf_start", "wf_done"):
            S.add(t, key, hdr(t, S.cyc(key, "s", workflows)), [])
        elif key == "action_start":
            S.add(t, key, hdr(t, rng.choice(workflows)), [S.cyc(key, 0, actions)])
        elif key == "action_done":
            S.add(t, key, hdr(t, rng.choice(workflows)),
                  [S.cyc(key, 0, actions), S.cyc(key, 1, ["true"] * 6 + ["false"])])
        elif key in ("local_engine", "exec_finished"):
            S.add(t, key, hdr(t, S.cyc(key, "s", pipelines)), [S.cyc(key, 0, runcfgs)])
        elif key == "exec_started":
            p = S.cyc(key, 0, pipelines)
            S.add(t, key, hdr(t, p), [p])
        elif key == "transform_done":
            role = rng.random()
            n = rng.choice([0, rng.randint(1, 800), rng.randint(800, 2500000)])
            e = S.cyc(key, "e", [0] * 10 + [1])
            if role < 0.3:
                subj, vals = rng.choice(transforms_in), [n, 0, 0, n, 0, e]
            elif role < 0.65:
                subj, vals = rng.choice(transforms_mid), [0, 0, n, n, 0, e]
            else:
                subj = rng.choice(transforms_out)
                u = rng.randint(0, n) if subj.startswith("Insert") else 0
                vals = [0, n - u, n, n, u, e]
            S.add(t, key, hdr(t, subj), vals)
        elif key == "pipe_duration":
            x = rng.choice([rng.uniform(0.2, 20), rng.uniform(20, 400)])
            S.add(t, key, hdr(t, rng.choice(pipelines)), dur_pair(x))
        elif key == "wf_duration":
            x = rng.uniform(3, 1500)
            S.add(t, key, hdr(t, S.cyc(key, "s", workflows)), dur_pair(x))
        elif key == "transform_abort":
            S.add(t, key, hdr(t, rng.choice(transforms_out + transforms_in), err=True), [])
        elif key in ("detected", "killing"):
            S.add(t, key, hdr(t, S.cyc(key, "s", pipelines), err=True), [])
    return S


# ==========================================================================
# self-check (reads the written files back)
# ==========================================================================
def check(S):
    problems = []
    d = os.path.join(HERE, S.name)
    logb = open(os.path.join(d, S.name + ".log"), "rb").read()
    csvb = open(os.path.join(d, S.name + ".log_structured.csv"), "rb").read()
    for label, b in (("log", logb), ("csv", csvb)):
        if not b.endswith(b"\n"):
            problems.append("%s does not end with \\n" % label)
        if b"\r" in b:
            problems.append("%s contains \\r" % label)
    lines = logb.decode("utf-8")[:-1].split("\n")
    rows = list(csv.reader(io.StringIO(csvb.decode("utf-8"), newline="")))
    if len(lines) != N_LINES:
        problems.append("log has %d lines" % len(lines))
    if not rows or rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        problems.append("bad csv header")
    body = rows[1:]
    if len(body) != N_LINES:
        problems.append("csv has %d rows" % len(body))
    declared = {"E%d" % (i + 1): tpl for i, tpl in enumerate(S.templates)}
    seen_tpl = {}
    caps = {}
    counts = Counter()
    prev_ts = None
    regs = {}
    for i, (line, row) in enumerate(zip(lines, body), 1):
        if len(row) != 4:
            problems.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            problems.append("row %d LineId %r" % (i, lid))
        if not content or content != content.strip():
            problems.append("row %d content empty or unstripped" % i)
        if "\n" in content or "\r" in content:
            problems.append("row %d content multi-line" % i)
        if not line.endswith(content):
            problems.append("line %d does not end with its content" % i)
            continue
        header = line[:len(line) - len(content)]
        m = S.header_re.fullmatch(header)
        if not m:
            problems.append("line %d header %r does not match" % (i, header))
        else:
            ts = m.group("ts")
            if prev_ts is not None and ts < prev_ts:
                problems.append("line %d timestamp goes back" % i)
            prev_ts = ts
        if not re.fullmatch(r"E\d+", eid):
            problems.append("row %d bad EventId %r" % (i, eid))
        if seen_tpl.setdefault(eid, tpl) != tpl:
            problems.append("EventId %s has two templates" % eid)
        if declared.get(eid) != tpl:
            problems.append("row %d template differs from declaration of %s" % (i, eid))
        rx = regs.setdefault(tpl, template_regex(tpl))
        mm = rx.fullmatch(content)
        if not mm:
            problems.append("row %d content does not match template %s" % (i, eid))
        else:
            for j, g in enumerate(mm.groups()):
                caps.setdefault((eid, j), set()).add(g)
        counts[eid] += 1
    if len(set(seen_tpl.values())) != len(seen_tpl):
        problems.append("two EventIds share a template")
    for eid in declared:
        if counts[eid] == 0:
            problems.append("declared event %s unused" % eid)
        nslots = declared[eid].count("<*>")
        for j in range(nslots):
            if counts[eid] and len(caps.get((eid, j), ())) < 2:
                problems.append("%s slot %d captures only %r" % (eid, j + 1, caps.get((eid, j))))
    cs = [counts[e] for e in declared]
    if not 12 <= len(declared) <= 15:
        problems.append("%d event types" % len(declared))
    if min(cs) < 3:
        problems.append("an event has fewer than 3 lines: %r" % dict(counts))
    small = sum(1 for c in cs if 3 <= c <= 10)
    if small < 3:
        problems.append("only %d events with 3-10 lines" % small)
    med = statistics.median(cs)
    if max(cs) < 3 * med:
        problems.append("largest %d < 3 x median %s" % (max(cs), med))
    return problems, cs, med, lines


def main():
    systems = [gen_dbtcore(), gen_meltano(), gen_kettle(), gen_streamsets(), gen_seatunnel(), gen_hop()]
    assert [s.k for s in systems] == [1, 2, 3, 4, 5, 6]
    ok = True
    for S in systems:
        S.write()
    print("%-14s %-10s %6s %5s %5s %6s %5s  %s" % ("system", "kind", "events", "min", "median", "max",
                                                   "3-10", "status"))
    for S in systems:
        problems, cs, med, lines = check(S)
        small = sum(1 for c in cs if 3 <= c <= 10)
        print("%-14s %-10s %6d %5d %5s %6d %5d  %s" % (S.name, S.kind, len(cs), min(cs), med, max(cs), small,
                                                      "OK" if not problems else "FAIL"))
        print("    counts: " + " ".join("E%d=%d" % (i + 1, c) for i, c in enumerate(cs)))
        print("    first: " + lines[0][:60] + " ... last: " + lines[-1][:40])
        for p in problems[:20]:
            print("    PROBLEM: " + p)
        ok = ok and not problems
    print("self-check: " + ("all systems passed" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
