#!/usr/bin/env python3
"""Sealed 37: blind labelled log corpus generator.

Python 3 standard library only.  Fully deterministic: no wall clock, no locale.
Base seed 20270133; system k (1..6) uses random.Random(20270133 * 10 + k).
All times come from an integer nanosecond clock on 2026-03-14 UTC.

Running this script writes <System>/<System>.log and
<System>/<System>.log_structured.csv for the six systems and then
self-checks every file, printing a per-system summary.
"""
import calendar
import csv
import os
import random
import re
import statistics
import sys
import time

BASE_SEED = 20270133
OUT = os.path.dirname(os.path.abspath(__file__))
NLINES = 300

NS = 10 ** 9
MS = 10 ** 6
US = 10 ** 3
DAY0 = calendar.timegm((2026, 3, 14, 0, 0, 0, 0, 0, 0)) * NS
DAY_END = DAY0 + 86400 * NS
# Fixed month names (never taken from the locale); only used for labels.
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


# ---------------------------------------------------------------- helpers
def tparts(ns):
    """(Y, M, D, h, m, s, frac_ns) of an absolute epoch-ns value, UTC."""
    sec, frac = divmod(ns, NS)
    tm = time.gmtime(sec)
    return tm.tm_year, tm.tm_mon, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, frac


def fill(tpl, vals):
    parts = tpl.split("<*>")
    if len(parts) != len(vals) + 1:
        raise ValueError("slot count mismatch: %r %r" % (tpl, vals))
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        if not v or "\n" in v or "\r" in v:
            raise ValueError("bad value %r for %r" % (v, tpl))
        out.append(v)
        out.append(p)
    return "".join(out)


class Gen:
    def __init__(self, k):
        self.rng = random.Random(BASE_SEED * 10 + k)
        self._cyc = {}

    def pick(self, event, slot, pool):
        """Cycle through a small pool per (event, slot)."""
        i = self._cyc.get((event, slot), 0)
        self._cyc[(event, slot)] = i + 1
        return pool[i % len(pool)]

    def hex(self, n):
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def uuid(self):
        h = self.hex(32)
        return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16],
                                      self.rng.choice("89ab"), h[17:20], h[20:32])

    def exp_ns(self, mean_ns):
        return max(1, int(self.rng.expovariate(1.0 / mean_ns)))


def shuffle_run(g, units, start_ns, mean_gap_ns, render):
    """Seeded shuffle: fixed count per unit kind, shuffled, forward-only clock.

    render(kind, t) returns a list of (dt_ns, key, values, ctx), dt_ns relative to
    the previous line of the unit; a unit can be a
    group of physical lines (a multi-line message), kept together."""
    order = []
    for kind, n in units:
        order.extend([kind] * n)
    g.rng.shuffle(order)
    t = start_ns
    recs = []
    for kind in order:
        t += g.exp_ns(mean_gap_ns)
        last = t
        for dt, key, vals, ctx in render(kind, t):
            last += dt  # offsets inside a unit are cumulative
            recs.append((last, key, vals, ctx))
        t = last
    return recs


def sim_merge(recs):
    """Simulation: (t, seq, key, vals, ctx) from many entities; merge by time,
    keep the first 300."""
    recs = sorted(recs, key=lambda x: (x[0], x[1]))
    return [(t, key, vals, ctx) for t, _, key, vals, ctx in recs[:NLINES]]


def go_duration(ns):
    if ns >= NS:
        s = ("%.9f" % (ns / NS)).rstrip("0").rstrip(".")
        return s + "s"
    s = ("%.6f" % (ns / MS)).rstrip("0").rstrip(".")
    return s + "ms"


# ============================================================ 1 TfServing
def build_tfserving():
    g = Gen(1)
    r = g.rng
    TSV = "tensorflow_serving/"
    TFX = "external/org_tensorflow/tensorflow/"
    LH = TSV + "core/loader_harness.cc"
    SV = "{name: <*> version: <*>}"
    EV = [
        ("no_versions", "No versions of servable <*> found under base path <*>. Did you forget to name your leaf directory as a number (eg. '/1/')?",
         ("W", TSV + "sources/storage_path/file_system_storage_path_source.cc", 267), 90),
        ("reserved", "Successfully reserved resources to load servable " + SV, ("I", TSV + "core/basic_manager.cc", 740), 28),
        ("approving", "Approving load for servable version " + SV, ("I", LH, 66), 26),
        ("loading", "Loading servable version " + SV, ("I", LH, 74), 24),
        ("reading", "Reading SavedModel from: <*>", ("I", TFX + "cc/saved_model/reader.cc", 83), 30),
        ("metagraph", "Reading meta graph with tags { serve }", ("I", TFX + "cc/saved_model/reader.cc", 51), 22),
        ("took", "SavedModel load for tags { serve }; Status: success: OK. Took <*> microseconds.",
         ("I", TFX + "cc/saved_model/loader.cc", 316), 20),
        ("loaded", "Successfully loaded servable version " + SV, ("I", LH, 95), 18),
        ("warmup", "Finished reading warmup data for model at <*>. Number of warmup records read: <*>. Elapsed time (microseconds): <*>.",
         ("I", TSV + "servables/tensorflow/saved_model_warmup_util.cc", 80), 14),
        ("quiescing", "Quiescing servable version " + SV, ("I", LH, 138), 10),
        ("done_quiescing", "Done quiescing servable version " + SV, ("I", LH, 146), 6),
        ("unloading", "Unloading servable version " + SV, ("I", LH, 120), 5),
        ("done_unloading", "Done unloading servable version " + SV, ("I", LH, 128), 4),
        ("load_failed", "Loading servable: " + SV + " failed: <*>", ("E", TSV + "util/retrier.cc", 37), 3),
    ]
    meta = {k: m for k, _, m, _ in EV}
    models = ["resnet50_v2", "bert_squad", "ctr_ranker", "wide_deep_ads", "t5_small_summarize"]
    versions = {m: sorted(r.sample(range(1, 48), 4)) for m in models}
    missing = ["fraud_gbt", "ocr_crnn", "query_rewriter"]
    roots = ["/models", "s3://acme-ml-prod/serving"]
    servable_keys = {"reserved", "approving", "loading", "loaded", "quiescing",
                     "done_quiescing", "unloading", "done_unloading"}

    def servable(key):
        m = g.pick(key, "model", models)
        v = g.pick(key, "ver:" + m, versions[m])
        return m, v

    def render(key, t):
        if key == "no_versions":
            m = g.pick(key, "model", missing)
            root = g.pick(key, "root", roots)
            vals = [m, "%s/%s" % (root, m)]
        elif key in servable_keys:
            vals = list(servable(key))
        elif key == "reading":
            m, v = servable(key)
            vals = ["/models/%s/%d" % (m, v)]
        elif key == "metagraph":
            vals = []
        elif key == "took":
            vals = [r.randint(180000, 9400000)]
        elif key == "warmup":
            m, v = servable(key)
            vals = ["/models/%s/%d/assets.extra/tf_serving_warmup_requests" % (m, v),
                    r.choice([1, 8, 16, 32, 64, 100, 128, 256, 500]),
                    r.randint(20000, 4800000)]
        elif key == "load_failed":
            m, v = servable(key)
            reason = g.pick(key, "reason", [
                "NOT_FOUND: Could not find SavedModel .pb or .pbtxt at supplied export directory path: /models/%s/%d" % (m, v),
                "DATA_LOSS: Unable to open table file /models/%s/%d/variables/variables.data-00000-of-00001: Data loss: not an sstable (bad magic number): perhaps your file is in a different file format and you need to use a different restore operator?" % (m, v),
                "RESOURCE_EXHAUSTED: OOM when allocating tensor with shape[30522,1024] and type float on /job:localhost/replica:0/task:0/device:GPU:0 by allocator GPU_0_bfc",
            ])
            vals = [m, v, reason]
        else:
            raise KeyError(key)
        return [(0, key, vals, None)]

    start = DAY0 + (7 * 3600 + 41 * 60 + 12) * NS + r.randrange(NS)
    recs = shuffle_run(g, [(k, n) for k, _, _, n in EV], start, 420 * MS, render)

    def header(t, key, ctx):
        Y, M, D, h, mi, s, f = tparts(t)
        lvl, fn, ln = meta[key]
        return "%04d-%02d-%02d %02d:%02d:%02d.%06d: %s %s:%d] " % (Y, M, D, h, mi, s, f // US, lvl, fn, ln)

    def parse_ts(hdr):
        m = re.match(r"(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{6}):", hdr)
        Y, M, D, h, mi, s, us = map(int, m.groups())
        return calendar.timegm((Y, M, D, h, mi, s, 0, 0, 0)) * NS + us * US

    return dict(
        name="TfServing", kind="shuffle", events=[(k, t) for k, t, _, _ in EV], recs=recs,
        header=header, parse_ts=parse_ts, ts_res=US,
        header_re=r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}: [IWEF] [\w/.\-]+\.cc:\d+\] ",
    )


# ========================================================== 2 OnnxRuntime
def build_onnxruntime():
    g = Gen(2)
    r = g.rng
    EV = [
        ("extending", "Extending BFCArena for <*>. bin_num:<*> (requested) num_bytes: <*> (actual) rounded_bytes:<*>",
         ("I", "Default", "bfc_arena.cc", 347, "AllocateRawInternal"), 82),
        ("extended", "Extended allocation by <*> bytes.", ("I", "Default", "bfc_arena.cc", 206, "Extend"), 45),
        ("total", "Total allocated bytes: <*>", ("I", "Default", "bfc_arena.cc", 210, "Extend"), 35),
        ("allocated", "Allocated memory at <*> to <*>", ("I", "Default", "bfc_arena.cc", 213, "Extend"), 30),
        ("nonzero", "Non-zero status code returned while running <*> node. Name:'<*>' Status Message: <*>",
         ("E", "", "sequential_executor.cc", 514, "ExecuteKernel"), 22),
        ("shape", "Expected shape from model of {<*>} does not match actual shape of {<*>} for output <*>",
         ("W", "", "execution_frame.cc", 857, "VerifyOutputSizes"), 18),
        ("removing", "Removing initializer '<*>'. It is not used by any node and should be removed from the model.",
         ("W", "", "graph.cc", 3593, "CleanUnusedInitializersAndNodeArgs"), 15),
        ("cuda_kernel", "CUDA kernel not found in registries for Op type: <*> node name: <*>",
         ("W", "Default", "cuda_execution_provider.cc", 2472, "GetCapability"), 13),
        ("initializing", "Initializing session.", ("I", "", "inference_session.cc", 1583, "Initialize"), 10),
        ("memcpy", "<*> Memcpy nodes are added to the graph <*> for CUDAExecutionProvider. It might have negative impact on performance (including unable to run CUDA graph). Set session_options.log_severity_level=1 to see the detail logs before this message.",
         ("W", "", "transformer_memcpy.cc", 74, "ApplyImpl"), 9),
        ("success", "Session successfully initialized.", ("I", "", "inference_session.cc", 1969, "Initialize"), 8),
        ("alloc_fail", "Failed to allocate memory for requested buffer of size <*>",
         ("E", "Default", "bfc_arena.cc", 376, "AllocateRawInternal"), 6),
        ("threadpools", "Creating and using per session threadpools since use_per_session_threads_ is true",
         ("I", "", "inference_session.cc", 335, "ConstructorCommon"), 4),
        ("unassigned", "Some nodes were not assigned to the preferred execution providers which may or may not have an negative impact on performance. e.g. ORT explicitly assigns shape related ops to CPU to improve perf.",
         ("W", "", "session_state.cc", 1166, "VerifyEachNodeIsAssignedToAnEp"), 3),
    ]
    meta = {k: m for k, _, m, _ in EV}
    state = {"total": r.randint(40, 90) * 1048576, "addr": 0x7f3a00000000 + r.randrange(1 << 16) * 4096}
    failures = [
        ("Reshape", "/encoder/layer.3/attention/Reshape_1",
         "/onnxruntime_src/onnxruntime/core/providers/cpu/tensor/reshape_helper.h:41 onnxruntime::ReshapeHelper::ReshapeHelper(const onnxruntime::TensorShape&, onnxruntime::TensorShapeVector&, bool) input_shape_size == size was false. The input tensor cannot be reshaped to the requested shape. Input shape:{3,197,768}, requested shape:{1,197,12,64}"),
        ("Gather", "/embeddings/word_embeddings/Gather",
         "indices element out of data bounds, idx=30522 must be within the inclusive range [-30522,30521]"),
        ("Conv", "/backbone/stage2/conv1/Conv",
         "/onnxruntime_src/onnxruntime/core/framework/bfc_arena.cc:376 void* onnxruntime::BFCArena::AllocateRawInternal(size_t, bool, onnxruntime::Stream*, bool, onnxruntime::WaitNotificationFn) Failed to allocate memory for requested buffer of size 1207959552"),
        ("Concat", "/decoder/Concat_7",
         "concat.cc:157 PrepareForCompute Non concat axis dimensions must match: Axis 2 has mismatched dimensions of 77 and 64"),
        ("MatMul", "/classifier/MatMul",
         "matmul_helper.h:61 Compute MatMul dimension mismatch"),
    ]
    shapes = [("1,1000", "%d,1000", "logits"), ("1,2", "%d,2", "output"), ("1,128,768", "%d,128,768", "last_hidden_state")]
    inits = ["onnx::Conv_512", "classifier.bias", "pooler.dense.weight", "/Constant_12_output_0", "onnx::MatMul_1893", "embeddings.position_ids"]
    cuda_ops = [("NonMaxSuppression", "/postprocess/NonMaxSuppression"), ("TopK", "/head/TopK_2"),
                ("Range", "/decoder/Range"), ("RoiAlign", "/roi_heads/box_pooler/RoiAlign"), ("Loop", "/generate/Loop_0")]

    def render(key, t):
        if key == "extending":
            arena = g.pick(key, "arena", ["Cuda", "CudaPinned", "Cuda", "Cpu"])
            nbytes = r.choice([r.randint(256, 65536), r.randint(65536, 16777216), r.randint(16777216, 402653184)])
            rounded = (nbytes + 255) // 256 * 256
            binn = min(20, max(0, nbytes.bit_length() - 9))
            vals = [arena, binn, nbytes, rounded]
        elif key == "extended":
            vals = [1 << r.randint(20, 30)]
        elif key == "total":
            state["total"] += (1 << r.randint(20, 28))
            vals = [state["total"]]
        elif key == "allocated":
            size = 1 << r.randint(20, 29)
            a = state["addr"]
            state["addr"] += size + r.randint(0, 16) * 0x100000
            vals = ["0x%x" % a, "0x%x" % (a + size)]
        elif key == "nonzero":
            op, node, msg = g.pick(key, "failure", failures)
            vals = [op, node, msg]
        elif key == "shape":
            exp, act, out = g.pick(key, "shape", shapes)
            vals = [exp, act % r.choice([2, 4, 8, 16, 32]), out]
        elif key == "removing":
            vals = [g.pick(key, "init", inits)]
        elif key == "cuda_kernel":
            op, node = g.pick(key, "op", cuda_ops)
            vals = [op, node]
        elif key == "memcpy":
            vals = [r.randint(2, 48), g.pick(key, "graph", ["main_graph", "torch_jit", "tf2onnx"])]
        elif key == "alloc_fail":
            vals = [r.randint(50, 4000) * 1048576 + r.randint(0, 1048575)]
        else:
            vals = []
        return [(0, key, vals, None)]

    start = DAY0 + (13 * 3600 + 5 * 60 + 47) * NS + r.randrange(NS)
    recs = shuffle_run(g, [(k, n) for k, _, _, n in EV], start, 260 * MS, render)

    def header(t, key, ctx):
        Y, M, D, h, mi, s, f = tparts(t)
        lvl, logid, fn, ln, func = meta[key]
        return "%04d-%02d-%02d %02d:%02d:%02d.%09d [%s:onnxruntime:%s, %s:%d %s] " % (
            Y, M, D, h, mi, s, f, lvl, logid, fn, ln, func)

    def parse_ts(hdr):
        m = re.match(r"(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{9}) ", hdr)
        Y, M, D, h, mi, s, ns = map(int, m.groups())
        return calendar.timegm((Y, M, D, h, mi, s, 0, 0, 0)) * NS + ns

    return dict(
        name="OnnxRuntime", kind="shuffle", events=[(k, t) for k, t, _, _ in EV], recs=recs,
        header=header, parse_ts=parse_ts, ts_res=1,
        header_re=r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \[[VIWEF]:onnxruntime:(?:[\w\-]+)?, [\w.]+\.(?:cc|h):\d+ [\w:~()<>]+\] ",
    )


# ============================================================== 3 BentoML
def build_bentoml():
    g = Gen(3)
    r = g.rng
    SVC = "fraud_detector"
    EV = [
        ("api_access", "<*> (scheme=http,method=POST,path=<*>,type=application/json,length=<*>) (status=<*>,type=application/json,length=<*>) <*> (trace=<*>,span=<*>,sampled=0,service.name=" + SVC + ")", "INFO"),
        ("runner_access", "_ (scheme=http,method=POST,path=<*>,type=application/octet-stream,length=<*>) (status=200,type=application/vnd.bentoml.NdarrayContainer,length=<*>) <*> (trace=<*>,span=<*>,sampled=0,service.name=<*>)", "INFO"),
        ("probe_access", "<*> (scheme=http,method=GET,path=<*>,type=,length=) (status=200,type=text/plain; charset=utf-8,length=<*>) <*> (trace=<*>,span=<*>,sampled=0,service.name=" + SVC + ")", "INFO"),
        ("max_latency", "BentoML has detected that a service has a max latency that is likely too low for serving. If many 503 errors are encountered, try raising the 'runner.max_latency' in your BentoML configuration YAML file.", "WARNING"),
        ("runner_timeout", "Timed out waiting for response from runner \"<*>\" after <*> (path=<*>)", "ERROR"),
        ("invalid_json", "Invalid JSON input received: <*>", "ERROR"),
        ("started", "Started server process [<*>]", "INFO"),
        ("waiting_startup", "Waiting for application startup.", "INFO"),
        ("startup_complete", "Application startup complete.", "INFO"),
        ("shutting_down", "Shutting down", "INFO"),
        ("waiting_shutdown", "Waiting for application shutdown.", "INFO"),
        ("shutdown_complete", "Application shutdown complete.", "INFO"),
        ("finished", "Finished server process [<*>]", "INFO"),
        ("worker_exit", "Worker api_server:" + SVC + ":<*> (pid <*>) exited unexpectedly with code <*>; respawning", "WARNING"),
        ("restarting", "Restarting worker api_server:" + SVC + ":<*> after <*> requests", "INFO"),
    ]
    level = {k: l for k, _, l in EV}
    T0 = DAY0 + (9 * 3600 + 12 * 60 + 7) * NS + r.randrange(NS)
    recs = []

    def emit(t, key, vals, comp):
        recs.append((t, len(recs), key, vals, comp))

    api_comp = lambda n: "api_server:%s:%d" % (SVC, n)
    XGB, EMB = "xgb_fraud_clf", "txn_embedder"
    runner_comp = lambda name: "runner:%s:1" % name
    clients = ["10.12.%d.%d" % (r.randint(0, 9), r.randint(2, 250)) for _ in range(7)]
    kubelet = "10.42.%d.1" % r.randint(0, 7)
    pids = {n: r.randint(40, 180) for n in range(1, 5)}
    served = {n: r.randint(300, 2000) for n in range(1, 5)}
    next_pid = [max(pids.values()) + r.randint(200, 900)]

    # --- requests (entities): arrival process, each on its own clock
    n_req = 190
    special = r.sample(range(4, 96), 15)
    fate = {}
    for i, idx in enumerate(special):
        fate[idx] = ("invalid", "timeout", "overload")[i % 3]
    t = T0
    for i in range(n_req):
        t += g.exp_ns(400 * MS)
        worker = r.randint(1, 4)
        served[worker] += 1
        cip = "%s:%d" % (r.choice(clients), r.randint(32768, 60999))
        path = r.choice(["/predict"] * 6 + ["/score_batch"] * 3 + ["/explain"] * 2)
        trace = g.hex(32)
        reqlen = r.randint(180, 900) if path != "/score_batch" else r.randint(4000, 64000)
        f = fate.get(i, "ok")
        if f == "invalid":
            reason = g.pick("invalid_json", "reason", [
                "Expecting value: line 1 column 1 (char 0)",
                "Unterminated string starting at: line 1 column 58 (char 57)",
                "Expecting ',' delimiter: line 3 column 5 (char 41)",
            ])
            d = r.randint(600, 2400) * US
            emit(t + d - 150 * US, "invalid_json", [reason], api_comp(worker))
            emit(t + d, "api_access", [cip, path, reqlen, 400, r.randint(60, 120), "%.3fms" % (d / MS), trace, g.hex(16)], api_comp(worker))
        elif f == "overload":
            d = r.randint(2, 9) * MS + r.randrange(MS)
            emit(t + d // 2, "max_latency", [], runner_comp(XGB))
            emit(t + d, "api_access", [cip, path, reqlen, 503, r.randint(20, 60), "%.3fms" % (d / MS), trace, g.hex(16)], api_comp(worker))
        elif f == "timeout":
            tmo = g.pick("runner_timeout", "timeout", ["5.0s", "10.0s"])
            d = int(float(tmo[:-1]) * NS) + r.randint(1, 9) * MS
            runner = g.pick("runner_timeout", "runner", [XGB, EMB])
            emit(t + d - r.randint(100, 900) * US, "runner_timeout", [runner, tmo, path], api_comp(worker))
            emit(t + d, "api_access", [cip, path, reqlen, 500, r.randint(30, 90), "%.3fms" % (d / MS), trace, g.hex(16)], api_comp(worker))
        else:
            calls = [(EMB, "/encode"), (XGB, "/predict_proba")] if path == "/explain" else [(XGB, "/predict_proba" if path != "/score_batch" else "/predict")]
            cur = t + r.randint(300, 1500) * US
            for name, rpath in calls:
                rd = (r.randint(800, 9000) if name == XGB else r.randint(9000, 45000)) * US
                if path == "/score_batch":
                    rd *= 4
                cur += rd
                emit(cur, "runner_access", ["%s" % rpath, r.randint(200, 60000), r.randint(90, 30000),
                                            "%.3fms" % (rd / MS), trace, g.hex(16), name], runner_comp(name))
                cur += r.randint(100, 600) * US
            d = cur - t
            emit(cur, "api_access", [cip, path, reqlen, 200, r.randint(20, 4000), "%.3fms" % (d / MS), trace, g.hex(16)], api_comp(worker))

    # --- kubelet probes (entities: two probes with their own period)
    for probe_path, plen, off in (("/livez", 1, 1.3), ("/readyz", 2, 6.1)):
        t = T0 + int(off * NS)
        while t < T0 + 200 * NS:
            d = r.randint(150, 900) * US
            n = r.randint(1, 4)
            emit(t + d, "probe_access", ["%s:%d" % (kubelet, r.randint(32768, 60999)), probe_path, plen,
                                         "%.3fms" % (d / MS), g.hex(32), g.hex(16)], api_comp(n))
            t += 10 * NS + r.randint(-40, 40) * MS

    # --- worker processes (entities): crashes and graceful recycles
    at = [5.5, 12.0, 19.5, 27.0, 34.5, 43.0]
    kinds = ["crash", "graceful", "graceful", "crash", "graceful", "crash"]
    for i, (sec, kind) in enumerate(zip(at, kinds)):
        t = T0 + int(sec * NS) + r.randrange(700 * MS)
        n = (i % 4) + 1
        old = pids[n]
        if kind == "crash":
            emit(t, "worker_exit", [n, old, g.pick("worker_exit", "code", [137, 1, -11])], "cli")
            t += r.randint(150, 600) * MS
        else:
            emit(t, "restarting", [n, served[n] + r.randint(900, 4000)], "cli")
            t += r.randint(5, 40) * MS
            emit(t, "shutting_down", [], api_comp(n))
            t += r.randint(20, 300) * MS
            emit(t, "waiting_shutdown", [], api_comp(n))
            t += r.randint(1, 12) * MS
            emit(t, "shutdown_complete", [], api_comp(n))
            t += r.randint(1, 8) * MS
            emit(t, "finished", [old], api_comp(n))
            t += r.randint(100, 400) * MS
        served[n] = 0
        new = next_pid[0]
        next_pid[0] += r.randint(3, 60)
        pids[n] = new
        emit(t, "started", [new], api_comp(n))
        t += r.randint(2, 9) * MS
        emit(t, "waiting_startup", [], api_comp(n))
        t += r.randint(300, 1800) * MS
        emit(t, "startup_complete", [], api_comp(n))

    recs = sim_merge(recs)

    def header(t, key, comp):
        Y, M, D, h, mi, s, f = tparts(t)
        return "%04d-%02d-%02dT%02d:%02d:%02d+0000 [%s] [%s] " % (Y, M, D, h, mi, s, level[key], comp)

    def parse_ts(hdr):
        m = re.match(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)\+0000 ", hdr)
        Y, M, D, h, mi, s = map(int, m.groups())
        return calendar.timegm((Y, M, D, h, mi, s, 0, 0, 0)) * NS

    return dict(
        name="BentoML", kind="simulation", events=[(k, t) for k, t, _ in EV], recs=recs,
        header=header, parse_ts=parse_ts, ts_res=NS,
        header_re=r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000 \[(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\] \[(?:cli|api_server:[\w\-]+:\d+|runner:[\w\-]+:\d+)\] ",
    )


# =============================================================== 4 KServe
def build_kserve():
    g = Gen(4)
    r = g.rng
    RFL = "pkg/mod/k8s.io/client-go@v0.28.4/tools/cache/reflector.go:229: "
    CG = '"controllerGroup": "serving.kserve.io"'
    EV = [
        ("reconcile", 'Reconciling inference service\t{"apiVersion": "serving.kserve.io/v1beta1", "isvc": "<*>"}', ("zap", "INFO", "v1beta1Controllers")),
        ("deploy_mode", 'Inference service deployment mode \t{"deployment mode ": "<*>"}', ("zap", "INFO", "v1beta1Controllers")),
        ("ksvc_update", 'Updating knative service\t{"namespace": "<*>", "name": "<*>"}', ("zap", "INFO", "KsvcReconciler")),
        ("ksvc_create", 'Creating knative service\t{"namespace": "<*>", "name": "<*>"}', ("zap", "INFO", "KsvcReconciler")),
        ("validate_create", 'validate create\t{"name": "<*>"}', ("zap", "INFO", "inferenceservice-v1beta1-validator")),
        ("validate_update", 'validate update\t{"name": "<*>"}', ("zap", "INFO", "inferenceservice-v1beta1-validator")),
        ("validate_delete", 'validate delete\t{"name": "<*>"}', ("zap", "INFO", "inferenceservice-v1beta1-validator")),
        ("not_ready", 'Inference service is not ready yet\t{"isvc": "<*>", "namespace": "<*>", "reason": "<*>"}', ("zap", "INFO", "v1beta1Controllers")),
        ("throttle", "Waited for <*> due to client-side throttling, not priority and fairness, request: <*>", ("klog", "I", "request.go", 697)),
        ("watch_fail", RFL + "Failed to watch <*>: <*>", ("klog", "E", "reflector.go", 147)),
        ("list_fail", RFL + "failed to list <*>: <*>", ("klog", "W", "reflector.go", 535)),
        ("event_source", 'Starting EventSource\t{"controller": "<*>", ' + CG + ', "controllerKind": "<*>", "source": "kind source: <*>"}', ("zap", "INFO", None)),
        ("start_ctrl", 'Starting Controller\t{"controller": "<*>", ' + CG + ', "controllerKind": "<*>"}', ("zap", "INFO", None)),
        ("start_workers", 'Starting workers\t{"controller": "<*>", ' + CG + ', "controllerKind": "<*>", "worker count": 1}', ("zap", "INFO", None)),
    ]
    meta = {k: m for k, _, m in EV}
    T0 = DAY0 + (11 * 3600 + 20 * 60 + 5) * NS + r.randrange(NS)
    recs = []

    def emit(t, key, vals):
        recs.append((t, len(recs), key, vals, None))

    # --- controllers starting (entities: one per controller)
    ctrls = [("inferenceservice", "InferenceService",
              ["*v1beta1.InferenceService", "*v1.Service", "*v1.Deployment", "*v1beta1.VirtualService", "*v1.Service"]),
             ("trainedmodel", "TrainedModel", ["*v1alpha1.TrainedModel", "*v1beta1.InferenceService"]),
             ("inferencegraph", "InferenceGraph", ["*v1alpha1.InferenceGraph", "*v1.Deployment"])]
    for name, kind, srcs in ctrls:
        t = T0 + r.randint(0, 40) * MS + r.randrange(MS)
        for s in srcs:
            t += r.randrange(2 * MS) + 1
            emit(t, "event_source", [name, kind, s])
        t += r.randint(1, 3) * MS
        emit(t, "start_ctrl", [name, kind])
        t += r.randint(100, 900) * MS
        emit(t, "start_workers", [name, kind])

    # --- failing reflectors (entities: missing RBAC, retried with backoff until fixed)
    for res, plural, fixed_after in (("*v1alpha1.LocalModelCache", "localmodelcaches", 95),
                                     ("*v1alpha1.ClusterStorageContainer", "clusterstoragecontainers", 40)):
        t = T0 + r.randint(5, 40) * MS
        back = 0.8
        while t < T0 + fixed_after * NS:
            reason = ('%s.serving.kserve.io is forbidden: User "system:serviceaccount:kserve:kserve-controller-manager" '
                      'cannot list resource "%s" in API group "serving.kserve.io" at the cluster scope' % (plural, plural))
            emit(t, "list_fail", [res, reason])
            emit(t + r.randint(30, 400) * US, "watch_fail", [res, "failed to list %s: %s" % (res, reason)])
            t += int(back * NS * (1 + 0.25 * r.random()))
            back = min(back * 2, 30.0)

    namespaces = ["ml-prod", "team-a", "kserve-test", "default"]
    api = "https://10.96.0.1:443"

    def throttle(t, ns, name):
        d = r.randint(140, 2600) * MS + r.randrange(MS)
        req = g.pick("throttle", "req", [
            "GET:%s/apis/serving.knative.dev/v1/namespaces/%s/services/%s-predictor" % (api, ns, name),
            "GET:%s/api/v1/namespaces/%s/configmaps/inferenceservice-config" % (api, "kserve"),
            "PUT:%s/apis/serving.kserve.io/v1beta1/namespaces/%s/inferenceservices/%s/status" % (api, ns, name),
            "GET:%s/apis/networking.istio.io/v1beta1/namespaces/%s/virtualservices/%s" % (api, ns, name),
        ])
        emit(t, "throttle", [go_duration(d), req])

    reasons = [
        "RevisionMissing: Configuration %s-predictor is waiting for a Revision to become ready.",
        "IngressNotConfigured: Ingress has not yet been reconciled.",
        "PredictorConfigurationReady: Revision %s-predictor-00001 failed with message: Back-off pulling image.",
        "MinimumReplicasUnavailable: Deployment does not have minimum availability.",
    ]

    def round_(t, name, ns, mode, ksvc=None, not_ready=None):
        emit(t, "reconcile", [name])
        t += r.randint(200, 900) * US
        emit(t, "deploy_mode", [mode])
        t += r.randint(1, 5) * MS + r.randrange(MS)
        if ksvc and mode == "Serverless":
            emit(t, ksvc, [ns, name + "-predictor"])
            t += r.randint(2, 25) * MS + r.randrange(MS)
        if not_ready:
            rs = g.pick("not_ready", "reason", reasons)
            emit(t, "not_ready", [name, ns, rs % name if "%s" in rs else rs])
            t += r.randint(1, 4) * MS
        return t

    # --- existing InferenceServices picked up at start
    names = ["sklearn-iris", "torchserve-mnist", "bert-qa", "xgb-churn", "llama-chat", "fraud-gbt", "tf-flowers",
             "pmml-credit", "lgb-ranker", "paddle-ocr", "custom-echo", "t5-summarizer", "whisper-asr",
             "resnet-batch", "onnx-yolo", "hf-sentiment", "triton-ensemble", "catboost-ltv", "mlflow-wine", "sd-turbo",
             "prophet-demand", "sentence-embed", "yolo-defects", "gbm-pricing", "clip-search", "lstm-anomaly", "mt5-translate"]
    modes = ["Serverless", "Serverless", "RawDeployment"]
    existing = names[:7]
    for i, name in enumerate(existing):
        ns = namespaces[i % len(namespaces)]
        mode = g.pick("isvc", "mode", modes)
        t = T0 + int((1.2 + 0.45 * i) * NS) + r.randrange(300 * MS)
        if i % 3 == 1:
            throttle(t - r.randint(2, 30) * MS, ns, name)
        t = round_(t, name, ns, mode, ksvc="ksvc_update" if i % 2 == 0 else None)
        if i in (2, 5):  # later spec update / delete of an existing service
            t2 = T0 + r.randint(60, 260) * NS
            emit(t2, "validate_update" if i == 2 else "validate_delete", [name])
            t2 += r.randint(15, 80) * MS
            round_(t2, name, ns, mode, ksvc="ksvc_update" if i == 2 else None, not_ready=(i == 2))

    # --- newly created InferenceServices (entities with overlapping lifetimes)
    t_arr = T0 + 14 * NS
    for j, name in enumerate(names[7:]):
        t_arr += r.randint(12, 34) * NS + r.randrange(NS)
        t = t_arr
        ns = g.pick("isvc", "ns", namespaces)
        mode = g.pick("isvc", "mode", modes)
        emit(t, "validate_create", [name])
        t += r.randint(15, 70) * MS
        if j % 4 == 2:
            throttle(t, ns, name)
            t += r.randint(150, 1500) * MS
        t = round_(t, name, ns, mode, ksvc="ksvc_create", not_ready=True)
        for _ in range(r.randint(1, 3)):
            t += r.randint(2, 14) * NS + r.randrange(NS)
            t = round_(t, name, ns, mode, not_ready=True)
        t += r.randint(2, 20) * NS
        t = round_(t, name, ns, mode)
        if r.random() < 0.45:
            t += r.randint(25, 90) * NS
            emit(t, "validate_update", [name])
            t += r.randint(15, 80) * MS
            t = round_(t, name, ns, mode, ksvc="ksvc_update", not_ready=True)
            t += r.randint(3, 15) * NS
            t = round_(t, name, ns, mode)
        if j % 3 == 1:
            t += r.randint(20, 80) * NS
            emit(t, "validate_delete", [name])
            t += r.randint(15, 80) * MS
            round_(t, name, ns, mode)

    recs = sim_merge(recs)

    def header(t, key, ctx):
        Y, M, D, h, mi, s, f = tparts(t)
        m = meta[key]
        if m[0] == "zap":
            return "%04d-%02d-%02dT%02d:%02d:%02dZ\t%s\t%s" % (Y, M, D, h, mi, s, m[1], (m[2] + "\t") if m[2] else "")
        return "%s%02d%02d %02d:%02d:%02d.%06d %7d %s:%d] " % (m[1], M, D, h, mi, s, f // US, 1, m[2], m[3])

    def parse_ts(hdr):
        m = re.match(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)Z\t", hdr)
        if m:
            Y, M, D, h, mi, s = map(int, m.groups())
            return calendar.timegm((Y, M, D, h, mi, s, 0, 0, 0)) * NS
        m = re.match(r"[IWEF](\d\d)(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{6}) ", hdr)
        M, D, h, mi, s, us = map(int, m.groups())
        return calendar.timegm((2026, M, D, h, mi, s, 0, 0, 0)) * NS + us * US

    return dict(
        name="KServe", kind="simulation", events=[(k, t) for k, t, _ in EV], recs=recs,
        header=header, parse_ts=parse_ts, ts_res=NS,
        header_re=r"(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\t(?:DEBUG|INFO|ERROR)\t(?:[\w.\-]+\t)?|[IWEF]\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ [\w.]+\.go:\d+\] )",
    )


# ============================================================== 5 Horovod
def build_horovod():
    g = Gen(5)
    r = g.rng
    EV = [
        ("train", "Train Epoch: <*> [<*>/15000 (<*>%)]\tLoss: <*>", 96),
        ("p2p", "NCCL INFO Channel <*>/0 : <*>[<*>] -> <*>[<*>] via <*>", 50),
        ("ring", "NCCL INFO Channel <*>/02 :    0   1   2   3", 30),
        ("bootstrap", "NCCL INFO Bootstrap : Using eth0:<*><0>", 22),
        ("init", "NCCL INFO comm <*> rank <*> nranks 4 cudaDev <*> busId <*> - Init COMPLETE", 20),
        ("connected", "NCCL INFO Connected all rings", 18),
        ("nccl_warn", "misc/socket.cc:484 NCCL WARN Net : Connect to <*> failed : <*>", 12),
        ("test", "Test set: Average loss: <*>, Accuracy: <*>%", 10),
        ("checking", "Checking whether extension <*> was built with <*>.", 8),
        ("ext_built", "Extension <*> was built with MPI.", 8),
        ("ext_not", "Extension <*> was NOT built with MPI.", 6),
        ("stall", "One or more tensors were submitted to be reduced, gathered or broadcasted by subset of ranks and are waiting for remainder of ranks for more than 60 seconds. This may indicate that different ranks are trying to submit different tensors or that only subset of ranks is submitting tensors, which will cause deadlock.", 6),
        ("missing", "Missing ranks:", 6),
        ("missing_list", "<*>: [<*>]", 8),
    ]
    hosts = ["gpu-node-07", "gpu-node-12"]
    host_ip = {"gpu-node-07": "10.20.7.%d" % r.randint(10, 99), "gpu-node-12": "10.20.12.%d" % r.randint(10, 99)}
    rank_pid = {k: r.randint(20000, 65000) for k in range(4)}
    rank_host = {k: hosts[k // 2] for k in range(4)}
    bus = ["1b000", "1c000"]
    STALL = ("/tmp/pip-install-q7zv1m3k/horovod_5b1e0f9c2d4a4e7b9a0c6d8e/horovod/common/stall_inspector.cc", 107)
    pos = {k: [1, 0] for k in range(4)}
    loss = {k: 2.30 + r.random() * 0.02 for k in range(4)}
    test_state = {"epoch": 0}
    tensors = ["allreduce.conv1.weight", "allreduce.conv1.bias", "allreduce.conv2.weight", "allreduce.conv2.bias",
               "allreduce.fc1.weight", "allreduce.fc1.bias", "allreduce.fc2.weight", "allreduce.fc2.bias"]

    def nccl(rank, proxy=False):
        return ("nccl", rank, rank_pid[rank] + (r.randint(30, 90) if proxy else 0))

    def render(kind, t):
        if kind == "train":
            k = g.pick(kind, "rank", [0, 1, 2, 3])
            ep, bi = pos[k]
            loss[k] = max(0.02, loss[k] * (0.90 + 0.08 * r.random()))
            out = [(0, "train", [ep, bi * 64, "%.0f" % (100.0 * bi / 235), "%.6f" % loss[k]], ("out", k))]
            bi += 40
            if bi >= 235:
                ep, bi = ep + 1, 0
            pos[k] = [ep, bi]
            return out
        if kind == "test":
            test_state["epoch"] += 1
            e = test_state["epoch"]
            return [(0, "test", ["%.4f" % (0.35 / e + 0.02 * r.random()), "%.2f" % min(99.4, 90.0 + 2.2 * e + r.random())], ("out", 0))]
        if kind == "p2p":
            k = g.pick(kind, "rank", [0, 1, 2, 3])
            nk = (k + 1) % 4
            via = "P2P/IPC/read" if rank_host[k] == rank_host[nk] else "NET/Socket/0"
            return [(0, "p2p", [g.pick(kind, "ch", ["00", "01"]), k, k % 2, nk, nk % 2, via], nccl(k))]
        if kind == "ring":
            k = g.pick(kind, "rank", [0, 1, 2, 3])
            return [(0, "ring", [g.pick(kind, "ch", ["00", "01"])], nccl(k))]
        if kind == "bootstrap":
            k = g.pick(kind, "rank", [0, 2, 1, 3])
            return [(0, "bootstrap", [host_ip[rank_host[k]]], nccl(k))]
        if kind == "init":
            k = g.pick(kind, "rank", [0, 1, 2, 3])
            return [(0, "init", ["0x%x" % (0x55d000000000 + r.randrange(1 << 32) * 16), k, k % 2, bus[k % 2]], nccl(k))]
        if kind == "connected":
            k = g.pick(kind, "rank", [0, 1, 2, 3])
            return [(0, "connected", [], nccl(k))]
        if kind == "nccl_warn":
            k = g.pick(kind, "rank", [1, 3, 0, 2])
            peer = rank_host[(k + 2) % 4]
            reason = g.pick(kind, "reason", ["Connection refused", "Connection timed out", "No route to host"])
            return [(0, "nccl_warn", ["%s<%d>" % (host_ip[peer], r.randint(32768, 60999)), reason], nccl(k, proxy=True))]
        if kind == "checking":
            return [(0, "checking", [g.pick(kind, "ext", ["tensorflow", "torch", "mxnet"]), g.pick(kind, "flag", ["MPI", "Gloo", "NCCL"])], ("drv",))]
        if kind == "ext_built":
            return [(0, "ext_built", [g.pick(kind, "ext", ["torch", "tensorflow"])], ("drv",))]
        if kind == "ext_not":
            return [(0, "ext_not", [g.pick(kind, "ext", ["mxnet", "tensorflow"])], ("drv",))]
        if kind == "stall":
            out = [(0, "stall", [], ("cxx", 0, "W") + STALL),
                   (r.randint(5, 60) * US, "missing", [], ("err", 0))]
            nlist = 2 if g.pick(kind, "n", [1, 1, 2]) == 2 and state_lists[0] < 2 else 1
            if nlist == 2:
                state_lists[0] += 1
            ranks = r.sample([1, 2, 3], nlist)
            for rk in sorted(ranks):
                ts = sorted(r.sample(tensors, r.randint(1, 4)), key=tensors.index)
                out.append((r.randint(5, 60) * US, "missing_list", [rk, ", ".join(ts)], ("err", 0)))
            return out
        raise KeyError(kind)

    state_lists = [0]
    units = [(k, n) for k, _, n in EV if k not in ("stall", "missing", "missing_list")] + [("stall", 6)]
    start = DAY0 + (15 * 3600 + 33 * 60 + 2) * NS + r.randrange(NS)
    recs = shuffle_run(g, units, start, 900 * MS, render)

    def header(t, key, ctx):
        if ctx[0] == "out":
            return "[1,%d]<stdout>:" % ctx[1]
        if ctx[0] == "nccl":
            k = ctx[1]
            return "[1,%d]<stdout>:%s:%d:%d [%d] " % (k, rank_host[k], rank_pid[k], ctx[2], k % 2)
        if ctx[0] == "cxx":
            Y, M, D, h, mi, s, f = tparts(t)
            return "[1,%d]<stderr>:[%04d-%02d-%02d %02d:%02d:%02d.%06d: %s %s:%d] " % (
                ctx[1], Y, M, D, h, mi, s, f // US, ctx[2], ctx[3], ctx[4])
        if ctx[0] == "err":
            return "[1,%d]<stderr>:" % ctx[1]
        return ""

    def parse_ts(hdr):
        m = re.search(r"<stderr>:\[(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{6}): ", hdr)
        if not m:
            return None
        Y, M, D, h, mi, s, us = map(int, m.groups())
        return calendar.timegm((Y, M, D, h, mi, s, 0, 0, 0)) * NS + us * US

    return dict(
        name="Horovod", kind="shuffle", events=[(k, t) for k, t, _ in EV], recs=recs,
        header=header, parse_ts=parse_ts, ts_res=US,
        header_re=r"(?:\[1,[0-9]+\]<stdout>:(?:[a-z0-9\-]+:\d+:\d+ \[\d+\] )?|\[1,[0-9]+\]<stderr>:(?:\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}: [IWEF] [\w/.\-]+:\d+\] )?)?",
    )


# =============================================================== 6 JaxXla
def build_jaxxla():
    g = Gen(6)
    r = g.rng
    EV = [
        ("train", "[<*>] train/loss=<*>, train/accuracy=<*>, train/learning_rate=<*>", ("py", "I", "logging_writer.py", 48), 116),
        ("eval", "[<*>] eval/loss=<*>, eval/accuracy=<*>", ("py", "I", "logging_writer.py", 48), 30),
        ("saving", "Saving checkpoint at step: <*>", ("py", "I", "checkpoints.py", 571), 20),
        ("saved", "Saved checkpoint at <*>", ("py", "I", "checkpoints.py", 617), 20),
        ("removing", "Removing checkpoint at <*>", ("py", "I", "checkpoints.py", 380), 14),
        ("compiling", "Compiling <*> with global shapes and types <*>. Argument mapping: <*>.", ("py", "W", "pxla.py", 1917), 16),
        ("tracing", "Finished tracing + transforming <*> for pjit in <*> sec", ("py", "W", "dispatch.py", 177), 16),
        ("mlir", "Finished jaxpr to MLIR module conversion jit(<*>) in <*> sec", ("py", "W", "dispatch.py", 177), 16),
        ("xla", "Finished XLA compilation of jit(<*>) in <*> sec", ("py", "W", "dispatch.py", 177), 16),
        ("backend", "Unable to initialize backend '<*>': <*>", ("py", "I", "xla_bridge.py", 889), 8),
        ("service", "XLA service <*> initialized for platform CUDA (this does not guarantee that XLA will be used). Devices:", ("cc", "I", "service.cc", 145), 4),
        ("device", "StreamExecutor device (<*>): <*>, Compute Capability <*>", ("cc", "I", "service.cc", 153), 16),
        ("cudnn", "Loaded cuDNN version <*>", ("cc", "I", "cuda_dnn.cc", 529), 5),
        ("oom", "Allocator (GPU_<*>_bfc) ran out of memory trying to allocate <*> (rounded to <*>)requested by op", ("cc", "W", "bfc_allocator.cc", 482), 3),
    ]
    meta = {k: m for k, _, m, _ in EV}
    main_tid = 139870000000000 + r.randrange(10 ** 9) * 64
    ckpt_tid = main_tid - r.randint(1, 9000) * 4096 * 256
    cc_tid = r.randint(1000, 99999)
    st = {"step": 0, "loss": 6.9, "acc": 0.001, "saved": []}
    CKDIR = "gs://acme-jax-runs/vit-b16-i1k/run-0314/ckpt"
    fns = [
        ("train_step", "[ShapedArray(float32[256,224,224,3]), ShapedArray(int32[256])]", "(GSPMDSharding({devices=[4,1,1,1]0,1,2,3}), GSPMDSharding({devices=[4]0,1,2,3}))"),
        ("eval_step", "[ShapedArray(float32[512,224,224,3]), ShapedArray(int32[512])]", "(GSPMDSharding({devices=[4,1,1,1]0,1,2,3}), GSPMDSharding({devices=[4]0,1,2,3}))"),
        ("init_fn", "[ShapedArray(uint32[2])]", "(GSPMDSharding({replicated}),)"),
        ("_multi_slice", "[ShapedArray(float32[1000,768])]", "(GSPMDSharding({replicated}),)"),
    ]
    gpus = [("NVIDIA A100-SXM4-80GB", "8.0"), ("NVIDIA H100 80GB HBM3", "9.0")]
    backends = [("rocm", "module 'jaxlib.xla_extension' has no attribute 'GpuAllocatorConfig'"),
                ("tpu", "INTERNAL: Failed to open libtpu.so: libtpu.so: cannot open shared object file: No such file or directory"),
                ("rocm", 'NOT_FOUND: Could not find registered platform with name: "rocm". Available platform names are: CUDA')]

    def fmt(x):
        return "%.6g" % x

    def render(kind, t):
        tid = main_tid
        if kind == "train":
            st["step"] += 100
            st["loss"] = max(0.4, st["loss"] * (0.975 + 0.02 * r.random()))
            st["acc"] = min(0.82, st["acc"] + 0.008 + 0.006 * r.random())
            s = st["step"]
            lr = 0.001 * min(1.0, s / 2000.0)
            return [(0, "train", [s, fmt(st["loss"]), fmt(st["acc"]), fmt(lr)], tid)]
        if kind == "eval":
            s = st["step"]
            return [(0, "eval", [s, fmt(st["loss"] * (1.02 + 0.05 * r.random())), fmt(st["acc"] * (0.97 + 0.02 * r.random()))], tid)]
        if kind in ("ckpt", "ckpt_rm"):
            if st["step"] in st["saved"]:
                st["step"] += 100
            s = st["step"]
            path = "%s/checkpoint_%d" % (CKDIR, s)
            out = [(0, "saving", [s], tid), (r.randint(800, 6000) * MS, "saved", [path], ckpt_tid)]
            if kind == "ckpt_rm" and st["saved"]:
                old = st["saved"].pop(0)
                out.append((r.randint(5, 90) * MS, "removing", ["%s/checkpoint_%d" % (CKDIR, old)], ckpt_tid))
            elif kind == "ckpt_rm":
                out.append((r.randint(5, 90) * MS, "removing", ["%s/checkpoint_%d.orbax-checkpoint-tmp-%d" % (CKDIR, s, r.randint(10 ** 9, 2 * 10 ** 9))], ckpt_tid))
            st["saved"].append(s)
            return out
        if kind == "compile":
            fn, shapes, mapping = g.pick(kind, "fn", fns)
            xs = 0.8 + 40 * r.random()
            return [(0, "tracing", [fn, "%.7f" % (0.002 + 0.3 * r.random())], tid),
                    (r.randint(1, 20) * MS, "compiling", [fn, shapes, mapping], tid),
                    (r.randint(20, 400) * MS, "mlir", [fn, "%.7f" % (0.01 + 0.5 * r.random())], tid),
                    (int(xs * NS) + r.randint(1, 30) * MS, "xla", [fn, "%.7f" % xs], tid)]
        if kind == "backend":
            b, msg = g.pick(kind, "b", backends)
            return [(0, "backend", [b, msg], tid)]
        if kind == "service":
            name, cap = g.pick(kind, "gpu", gpus)
            out = [(0, "service", ["0x%x" % (0x55d000000000 + r.randrange(1 << 28) * 16)], cc_tid)]
            for i in range(4):
                out.append((r.randint(5, 80) * US, "device", [i, name, cap], cc_tid))
            return out
        if kind == "cudnn":
            return [(0, "cudnn", [g.pick(kind, "v", ["90100", "8907"])], cc_tid)]
        if kind == "oom":
            dev = g.pick(kind, "dev", [0, 2, 3])
            nbytes = r.randint(6, 40) * 1073741824 + r.randrange(1073741824) // 256 * 256
            return [(0, "oom", [dev, "%.2fGiB" % (nbytes / 1073741824.0), nbytes], cc_tid)]
        raise KeyError(kind)

    units = [("train", 116), ("eval", 30), ("ckpt_rm", 14), ("ckpt", 6), ("compile", 16),
             ("backend", 8), ("service", 4), ("cudnn", 5), ("oom", 3)]
    start = DAY0 + (18 * 3600 + 2 * 60 + 51) * NS + r.randrange(NS)
    recs = shuffle_run(g, units, start, 7 * NS, render)

    def header(t, key, tid):
        m = meta[key]
        Y, M, D, h, mi, s, f = tparts(t)
        if m[0] == "py":
            return "%s%02d%02d %02d:%02d:%02d.%06d %5d %s:%d] " % (m[1], M, D, h, mi, s, f // US, tid, m[2], m[3])
        ind = "  " if key == "device" else ""
        return "%s0000 00:00:%d.%06d %7d %s:%d] %s" % (m[1], t // NS, (t % NS) // US, tid, m[2], m[3], ind)

    def parse_ts(hdr):
        m = re.match(r"[IWEF]0000 00:00:(\d+)\.(\d{6}) ", hdr)
        if m:
            return int(m.group(1)) * NS + int(m.group(2)) * US
        m = re.match(r"[IWEF](\d\d)(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{6}) ", hdr)
        M, D, h, mi, s, us = map(int, m.groups())
        return calendar.timegm((2026, M, D, h, mi, s, 0, 0, 0)) * NS + us * US

    return dict(
        name="JaxXla", kind="shuffle", events=[(k, t) for k, t, _, _ in EV], recs=recs,
        header=header, parse_ts=parse_ts, ts_res=US,
        header_re=r"(?:[IWEF]\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ [\w.]+\.py:\d+\] |[IWEF]0000 00:00:\d{10}\.\d{6} +\d+ [\w.]+\.cc:\d+\] {1,3})",
    )


# ================================================================ writing
def write_system(sysd):
    name = sysd["name"]
    ev = sysd["events"]
    eid = {k: "E%d" % (i + 1) for i, (k, _) in enumerate(ev)}
    tpl = dict(ev)
    recs = sysd["recs"]
    if len(recs) != NLINES:
        raise SystemExit("%s: %d records" % (name, len(recs)))
    lines, rows = [], []
    for i, (t, key, vals, ctx) in enumerate(recs, 1):
        if not (DAY0 <= t < DAY_END):
            raise SystemExit("%s: time outside 2026-03-14" % name)
        content = fill(tpl[key], vals)
        if content != content.strip():
            raise SystemExit("%s: unstripped content %r" % (name, content))
        lines.append(sysd["header"](t, key, ctx) + content)
        rows.append([i, content, eid[key], tpl[key]])
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


# ============================================================= self-check
def tpl_regex(t):
    return re.compile("".join("(.+?)" if p == "<*>" else re.escape(p) for p in re.split(r"(<\*>)", t) if p != ""))


def check_system(sysd):
    name = sysd["name"]
    errs = []
    d = os.path.join(OUT, name)
    logp = os.path.join(d, name + ".log")
    csvp = os.path.join(d, name + ".log_structured.csv")
    for p in (logp, csvp):
        with open(p, "rb") as f:
            raw = f.read()
        if not raw.endswith(b"\n"):
            errs.append("%s does not end with newline" % p)
        if b"\r" in raw:
            errs.append("%s contains CR" % p)
    with open(logp, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")[:-1]
    with open(csvp, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header")
    rows = rows[1:]
    if len(lines) != NLINES or len(rows) != NLINES:
        errs.append("line/row count %d/%d" % (len(lines), len(rows)))
    hre = re.compile(sysd["header_re"])
    declared = ["E%d" % (i + 1) for i in range(len(sysd["events"]))]
    declared_tpl = {"E%d" % (i + 1): t for i, (_, t) in enumerate(sysd["events"])}
    ev_tpl, caps, counts = {}, {}, {}
    last_ts = None
    res = sysd["ts_res"]
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, e, t = row
        if lid != str(i):
            errs.append("LineId %s at row %d" % (lid, i))
        if not content or content != content.strip():
            errs.append("row %d: empty or unstripped content" % i)
        if not line.endswith(content):
            errs.append("row %d: line does not end with content" % i)
            continue
        hdr = line[:len(line) - len(content)]
        if not hre.fullmatch(hdr):
            errs.append("row %d: header %r does not match" % (i, hdr))
        ts = sysd["parse_ts"](hdr) if hre.fullmatch(hdr) else None
        if ts is not None:
            q = ts // res
            if last_ts is not None and q < last_ts:
                errs.append("row %d: timestamp goes back" % i)
            last_ts = q
        if not re.fullmatch(r"E\d+", e):
            errs.append("row %d: bad EventId %r" % (i, e))
        if ev_tpl.setdefault(e, t) != t:
            errs.append("EventId %s has two templates" % e)
        if declared_tpl.get(e) != t:
            errs.append("row %d: template differs from declaration" % i)
        m = tpl_regex(t).fullmatch(content)
        if not m:
            errs.append("row %d: template does not match content" % i)
            continue
        counts[e] = counts.get(e, 0) + 1
        c = caps.setdefault(e, [set() for _ in m.groups()])
        for j, v in enumerate(m.groups()):
            c[j].add(v)
    if len(set(ev_tpl.values())) != len(ev_tpl):
        errs.append("two EventIds share a template")
    if sorted(ev_tpl, key=lambda x: int(x[1:])) != declared:
        errs.append("not all declared events used: %s" % sorted(set(declared) - set(ev_tpl)))
    for e, c in caps.items():
        for j, s in enumerate(c):
            if len(s) < 2:
                errs.append("%s slot %d has only %r" % (e, j + 1, s))
    n = len(counts)
    if not 12 <= n <= 15:
        errs.append("%d event types" % n)
    vals = list(counts.values())
    if vals and min(vals) < 3:
        errs.append("events below 3 lines: %s" % {k: v for k, v in counts.items() if v < 3})
    if sum(1 for v in vals if 3 <= v <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines")
    if vals and max(vals) < 3 * statistics.median(vals):
        errs.append("largest %d < 3 x median %s" % (max(vals), statistics.median(vals)))
    return errs, counts


def main():
    builders = [build_tfserving, build_onnxruntime, build_bentoml, build_kserve, build_horovod, build_jaxxla]
    systems = [b() for b in builders]
    for s in systems:
        write_system(s)
    ok = True
    for k, s in enumerate(systems, 1):
        errs, counts = check_system(s)
        vals = sorted(counts.values())
        print("%d %-12s %-10s lines=%d events=%d max=%d median=%s min=%d small(3-10)=%d  %s" % (
            k, s["name"], s["kind"], NLINES, len(counts), max(vals), statistics.median(vals), min(vals),
            sum(1 for v in vals if 3 <= v <= 10), "OK" if not errs else "FAIL"))
        print("   counts: " + " ".join("%s=%d" % (e, counts[e]) for e in sorted(counts, key=lambda x: int(x[1:]))))
        for e in errs[:25]:
            print("   ! " + e)
        ok = ok and not errs
    print("self-check: %s" % ("PASSED" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
