#!/usr/bin/env python3
"""Writes the round-3 blind, labelled log corpus (see README.md beside this file).

Six systems, 300 lines each: VLLM, Triton, Slurm, Postfix, Mosquitto, SpringBoot. Every line is
made here from event formats written for this corpus from each project's documented default
log layout (written from memory), with values from generators of this file; no line, template
or value list is copied from a real log or data set. The corpus was written without running
any template miner or evaluation tool on it.

Deterministic: fixed seed 20261207, integer clock, no dependence on locale or wall time;
`python3 generate.py` rewrites the same files. Each system gets `<System>/<System>.log` (the raw
lines) and `<System>/<System>.log_structured.csv` (LineId, Content, EventId, EventTemplate).

Ground truth convention (Loghub style): one `<*>` per value; a value that holds spaces (a
quoted string, a free-text reason, a status phrase, a list) is one `<*>`; punctuation around a
value stays literal (`(<*>)`, `'<*>'`, `<<*>>`, `key=<*>`, `[<*>]`); a unit glued to a number
stays literal after it (`<*>ms`, `<*>s`, `<*>%`, `<*>x`); text that never changes within an
event type stays literal even when it looks like a value. Event formats are written directly
as their templates: each `<*>` in a format is filled with one generated value, and every slot
is checked to take at least two different values within its event type.

At the end the files are read back and checked (see `self_check`).
"""
import calendar
import csv
import os
import random
import re
import time

SEED = 20261207
R = random.Random(SEED)
LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["VLLM", "Triton", "Slurm", "Postfix", "Mosquitto", "SpringBoot"]
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
SLOT_VALUES = {}  # system -> event id -> list of sets of generated slot values


# ------------------------------------------------------------------------------------------
# Small value generators (pools written for this corpus).
def pick(seq):
    return R.choice(seq)


def num(a, b):
    return str(R.randint(a, b))


def fl(a, b, digits):
    return "%.*f" % (digits, R.uniform(a, b))


def hexid(n, digits="0123456789abcdef"):
    return "".join(R.choice(digits) for _ in range(n))


def deck(pool):
    """Deals the pool in a seeded shuffled order, reshuffling when it runs out, so that the
    first len(pool) draws are all different (used for rare events' value slots)."""
    state = []

    def draw():
        if not state:
            state.extend(R.sample(list(pool), len(pool)))
        return state.pop()
    return draw


class Clock:
    """Integer nanosecond clock starting on 2026-12-04 at a random second of the morning."""

    def __init__(self):
        start = calendar.timegm((2026, 12, 4, 0, 0, 0)) + 6 * 3600 + R.randint(0, 5 * 3600)
        self.ns = start * 10 ** 9 + R.randint(0, 10 ** 9 - 1)

    def tick(self):
        self.ns += R.randint(2 * 10 ** 6, 2400 * 10 ** 6)

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

    def md(self, sep=""):
        g = self.g
        return "%02d%s%02d" % (g.tm_mon, sep, g.tm_mday)

    def hms(self):
        g = self.g
        return "%02d:%02d:%02d" % (g.tm_hour, g.tm_min, g.tm_sec)

    def syslog(self):
        g = self.g
        return "%s %2d %s" % (MONTHS[g.tm_mon - 1], g.tm_mday, self.hms())


# ------------------------------------------------------------------------------------------
def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v and "\n" not in v, template
        out += [v, p]
    return "".join(out)


def ev(template, *values):
    values = [str(v) for v in values]
    return fill(template, values), template, values


def write(system, clock, events, render):
    """events: list of (count, tag, gen); gen() -> (content, template, values), called after the
    clock ticked for the line; render(tag, content) -> the raw line. Counts sum to LINES; the
    order of lines is a seeded shuffle."""
    assert sum(e[0] for e in events) == LINES, (system, sum(e[0] for e in events))
    assert 10 <= len(events) <= 16, system
    order = [k for k, e in enumerate(events) for _ in range(e[0])]
    R.shuffle(order)
    rows, raw = [], []
    slots = SLOT_VALUES.setdefault(system, {})
    for i, k in enumerate(order):
        _, tag, gen = events[k]
        clock.tick()
        content, template, values = gen()
        line = render(tag, content)
        assert line.endswith(content) and "\n" not in line, (system, line)
        event_id = "E%d" % (k + 1)
        seen = slots.setdefault(event_id, [set() for _ in values])
        assert len(seen) == len(values), (system, event_id)
        for s, v in zip(seen, values):
            s.add(v)
        rows.append([i + 1, content, event_id, template])
        raw.append(line)
    folder = os.path.join(HERE, system)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, system + ".log"), "w", newline="", encoding="utf-8") as f:
        f.write("\n".join(raw) + "\n")
    with open(os.path.join(folder, system + ".log_structured.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


# ------------------------------------------------------------------------------------------
# 1. vLLM OpenAI-compatible server. Python logging `%(levelname)s %(asctime)s
#    [%(filename)s:%(lineno)d] %(message)s` with datefmt `%m-%d %H:%M:%S` (Content = after
#    `] `), mixed with uvicorn's access lines `INFO:     <client> - "<request line>" <status>`
#    (Content = after `INFO:     `).
def vllm():
    c = Clock()

    def req_id():
        if R.random() < 0.65:
            return "chatcmpl-" + hexid(32)
        return "cmpl-%s-0" % hexid(32)

    def client():
        return "10.%d.%d.%d:%d" % (R.randint(0, 3), R.randint(0, 255), R.randint(2, 254), R.randint(32768, 60999))

    routes = ([("POST", "/v1/chat/completions")] * 7 + [("POST", "/v1/completions")] * 3 +
              [("GET", "/v1/models"), ("GET", "/health"), ("GET", "/health"), ("GET", "/metrics"),
               ("POST", "/tokenize"), ("POST", "/v1/embeddings")])
    statuses = ([("200", "OK")] * 14 + [("400", "Bad Request")] * 2 +
                [("404", "Not Found"), ("500", "Internal Server Error"), ("503", "Service Unavailable")])

    def access():
        method, path = pick(routes)
        code, phrase = pick(statuses)
        return ev('<*> - "<*> <*> HTTP/1.1" <*> <*>', client(), method, path, code, phrase)

    def stats():
        running = R.choice([0, R.randint(1, 12), R.randint(8, 64), R.randint(8, 64)])
        waiting = R.choice([0, 0, 0, R.randint(1, 40)]) if running else 0
        prompt = R.uniform(40, 9000) if running else R.choice([0.0, R.uniform(0, 30)])
        gen = R.uniform(30, 2600) if running else 0.0
        kv = R.uniform(0.5, 97) if running else 0.0
        return ev("Engine <*>: Avg prompt throughput: <*> tokens/s, Avg generation throughput: <*> tokens/s, "
                  "Running: <*> reqs, Waiting: <*> reqs, GPU KV cache usage: <*>%, Prefix cache hit rate: <*>%",
                  pick(["000", "000", "001"]), "%.1f" % prompt, "%.1f" % gen, running, waiting, "%.1f" % kv, fl(0, 78, 1))

    prompts = ["Summarize the incident notes for the morning handover",
               "Translate to Portuguese: the nightly build is green again",
               "Write a short poem about a cache that forgets",
               "List three reasons a database migration should not run on a Friday",
               "Explain p50 versus p99 latency to a new engineer",
               "Draft a polite reminder about the overdue travel report",
               "Is this review positive or negative? Arrived late, works fine",
               "Rewrite the query below without the correlated subquery",
               "Give me a regex that matches an ISO week number"]

    def received():
        ids = ", ".join(num(1, 151000) for _ in range(R.randint(6, 18)))
        return ev("Received request <*>: prompt: '<*>', params: SamplingParams(n=<*>, temperature=<*>, top_p=<*>, "
                  "max_tokens=<*>, seed=<*>), prompt_token_ids: [<*>], lora_request: None.",
                  req_id(), pick(prompts), pick(["1", "1", "1", "2", "4"]), pick(["0.0", "0.2", "0.7", "0.7", "1.0"]),
                  pick(["1.0", "1.0", "0.9", "0.95"]), pick(["64", "256", "512", "1024", "2048"]),
                  pick(["None", "None", "None", num(1, 99999)]), ids)

    def finished():
        return ev("Finished request <*> in <*>s: prompt_tokens=<*>, completion_tokens=<*>, finish_reason=<*>",
                  req_id(), fl(0.05, 40, 3), num(8, 6000), num(1, 2048), pick(["stop", "stop", "stop", "length", "abort"]))

    def too_long():
        p = R.randint(26000, 40000)
        return ev("Request <*> rejected: <*> prompt tokens plus <*> max_tokens exceed max_model_len 32768",
                  req_id(), p, R.randint(max(1, 32769 - p), 8192))

    preprocess_errors = deck(["prompt is empty",
                              "token id 152211 is outside the vocabulary",
                              "chat template rendering failed: roles must alternate between user and assistant",
                              "image inputs are not supported by this model",
                              "logprobs=40 exceeds the maximum of 20"])

    def preempt():
        total = pick(["18432", "18432", "9216"])
        return ev("Preempting request <*> (<*> running, <*> waiting); free KV cache blocks: <*>/<*>",
                  req_id(), num(20, 64), num(1, 90), num(0, 40), total)

    weight_formats = deck(["'*.safetensors'", "'*.bin', '*.pt'", "'*.safetensors', '*.pt'"])
    served = deck([("/srv/models/northwind-chat-14b", "northwind-chat"),
                   ("/srv/models/northwind-coder-7b-awq", "coder-7b"),
                   ("/srv/models/tinyllm-3b-instruct", "tiny-3b")])
    api_index = deck(["0", "1", "2", "3"])
    events = [
        (93, ("uvicorn",), access),
        (58, ("INFO", "loggers.py:116"), stats),
        (40, ("INFO", "logger.py:43"), received),
        (33, ("INFO", "async_llm.py:271"), lambda: ev("Added request <*>.", req_id())),
        (25, ("INFO", "async_llm.py:418"), finished),
        (10, ("WARNING", "serving_chat.py:212"), too_long),
        (7, ("INFO", "gpu_model_runner.py:1885"), lambda: ev("Model loading took <*> GiB and <*> seconds", fl(3, 29, 4), fl(4, 180, 6))),
        (6, ("INFO", "kv_cache_utils.py:716"), lambda: ev("GPU KV cache size: <*> tokens", "{:,}".format(R.randint(90000, 640000)))),
        (5, ("INFO", "kv_cache_utils.py:720"), lambda: ev("Maximum concurrency for 32768 tokens per request: <*>x", fl(2.5, 19.5, 2))),
        (4, ("INFO", "api_server.py:1351"), lambda: ev("Starting vLLM API server <*> on http://0.0.0.0:8000", api_index())),
        (6, ("ERROR", "serving_completion.py:142"), lambda: ev("Error in preprocessing prompt inputs for request <*>: <*>", req_id(), preprocess_errors())),
        (4, ("WARNING", "scheduler.py:603"), preempt),
        (3, ("INFO", "weight_utils.py:284"), lambda: ev("Using model weights format [<*>]", weight_formats())),
        (3, ("INFO", "core.py:89"), lambda: ev("Engine core initialized in <*>s (profile run <*>s, cudagraph capture <*>s)", fl(20, 140, 2), fl(2, 30, 2), fl(5, 60, 2))),
        (3, ("INFO", "api_server.py:1402"), lambda: ev("Serving model <*> as <*>", *served())),
    ]

    def render(tag, content):
        if tag[0] == "uvicorn":
            return "INFO:     " + content
        level, where = tag
        return "%s %s %s [%s] %s" % (level, c.md("-"), c.hms(), where, content)
    write("VLLM", c, events, render)


# ------------------------------------------------------------------------------------------
# 2. NVIDIA Triton Inference Server, glog-style header `Lmmdd hh:mm:ss.uuuuuu pid file:line] `
#    (L = I, W or E). Content = after `] `.
def triton():
    c = Clock()
    models = ["resnet50_onnx", "bert_qa_trt", "text_embedder", "ocr_ensemble", "detector_trt", "tokenizer_py"]

    def model_state():
        return ev("Model '<*>' version <*> transitioned to <*>", pick(models), pick(["1", "1", "2", "3"]),
                  pick(["LOADING", "READY", "READY", "UNLOADING", "UNAVAILABLE"]))

    def instance():
        gpu = R.randint(0, 3)
        return ev("Created instance <*> on GPU <*> with compute capability <*>",
                  "%s_%d_%d" % (pick(models), gpu, R.randint(0, 2)), gpu, pick(["8.0", "8.0", "9.0"]))

    def batch():
        return ev("Dynamic batcher for '<*>' formed batch of <*> requests (<*> pending, queue delay <*> us)",
                  pick(models), num(1, 64), pick(["0", "0", num(1, 120)]), num(3, 5000))

    load_errors = [("Internal", "out of memory"),
                   ("Invalid argument", "model.onnx is not a valid ONNX file"),
                   ("Internal", "plan file was built with TensorRT 10.3 but the runtime is 10.6, rebuild the engine"),
                   ("Not found", "no version directory found under /models/tokenizer_py"),
                   ("Invalid argument", "input 'pixel_values' is declared as TYPE_FP16 but the model expects TYPE_FP32"),
                   ("Unavailable", "GPU 2 is not available to this server")]
    backends = deck([("onnxruntime", "/opt/tritonserver/backends/onnxruntime/libtriton_onnxruntime.so"),
                     ("tensorrt", "/opt/tritonserver/backends/tensorrt/libtriton_tensorrt.so"),
                     ("python", "/opt/tritonserver/backends/python/libtriton_python.so"),
                     ("pytorch", "/opt/tritonserver/backends/pytorch/libtriton_pytorch.so")])
    grpc_addr = deck(["0.0.0.0:8001", "0.0.0.0:9001"])
    http_addr = deck(["0.0.0.0:8000", "0.0.0.0:9000"])
    shapes = deck([("-1,3,224,224", "1,224,224,3"), ("-1,384", "1,512"), ("-1,3,640,640", "2,3,608,608"), ("-1,128", "1,129")])
    request_ids = deck(["<id_unknown>", "req-%s" % hexid(12), "req-%s" % hexid(12), "7713"])

    def shape_error():
        want, got = shapes()
        return ev("[request id: <*>] input '<*>' expected shape [<*>], got [<*>]",
                  request_ids(), pick(["INPUT__0", "input_ids", "images", "pixel_values"]), want, got)

    unload_models = deck(models)
    events = [
        (90, ("I", "model_lifecycle.cc:469"), model_state),
        (58, ("I", "backend_model_instance.cc:106"), instance),
        (42, ("I", "dynamic_batch_scheduler.cc:388"), batch),
        (25, ("W", "pinned_memory_manager.cc:190"), lambda: ev("Pinned memory pool exhausted, falling back to pageable host memory for <*> bytes", num(4096, 268435456))),
        (20, ("I", "cuda_memory_manager.cc:117"), lambda: ev("CUDA memory pool on device <*> reserved <*> bytes (<*> bytes in use)", num(0, 3), pick(["67108864", "134217728", "268435456"]), num(0, 67108864))),
        (14, ("E", "model_lifecycle.cc:652"), lambda: ev("failed to load '<*>' version <*>: <*>: <*>", pick(models), pick(["1", "2", "3"]), *pick(load_errors))),
        (12, ("I", "backend_manager.cc:138"), lambda: ev("Loaded backend '<*>' from <*> (API version <*>)", *backends(), pick(["1.17", "1.19"]))),
        (9, ("W", "model_config_utils.cc:1870"), lambda: ev("Autofilled max_batch_size to <*> for model '<*>' because it supports batching", pick(["4", "8", "16", "32", "64"]), pick(models))),
        (8, ("I", "server.cc:307"), lambda: ev("Shutdown pending: <*> models still loaded, <*> in-flight inference requests", num(0, 6), num(0, 40))),
        (6, ("I", "grpc_server.cc:2511"), lambda: ev("GRPCInferenceService listening at <*> (<*> completion queues)", grpc_addr(), pick(["1", "2", "4"]))),
        (5, ("I", "http_server.cc:4730"), lambda: ev("HTTPService listening at <*> with <*> worker threads", http_addr(), pick(["8", "16", "32"]))),
        (4, ("I", "metrics.cc:877"), lambda: ev("Collecting metrics for <*> GPUs every <*> ms", pick(["2", "4", "8"]), pick(["1000", "2000"]))),
        (4, ("E", "infer_request.cc:832"), shape_error),
        (3, ("W", "server.cc:342"), lambda: ev("Model '<*>' has <*> pending requests at unload, waiting up to <*> seconds", unload_models(), num(1, 60), pick(["5", "30", "30"]))),
    ]

    def render(tag, content):
        level, where = tag
        return "%s%s %s.%s 1 %s] %s" % (level, c.md(), c.hms(), c.frac(6), where, content)
    write("Triton", c, events, render)


# ------------------------------------------------------------------------------------------
# 3. Slurm controller (slurmctld) log: `[YYYY-MM-DDThh:mm:ss.mmm] message`; errors start with
#    `error: `. Content = after `] `.
def slurm():
    c = Clock()
    state = {"job": R.randint(4810000, 4830000)}

    def job():  # a recent job id
        return state["job"] - R.randint(0, 900)

    def new_job():
        state["job"] += R.randint(1, 7)
        return state["job"]

    def node_range(prefix, lo, hi, width):
        a = R.randint(lo, hi - 1)
        b = R.randint(a + 1, min(hi, a + 7))
        return "%s[%0*d-%0*d]" % (prefix, width, a, width, b)

    def nodelist():
        kind = pick(["gpu", "gpu", "cpu", "cpu", "hm"])
        if kind == "gpu":
            return pick(["gpu%02d" % R.randint(1, 16), node_range("gpu", 1, 16, 2), "gpu[%02d,%02d-%02d]" % (R.randint(1, 4), R.randint(6, 9), R.randint(10, 14))])
        if kind == "cpu":
            return pick(["cpu%03d" % R.randint(1, 128), node_range("cpu", 1, 128, 3)])
        return "hm%02d" % R.randint(1, 4)

    def allocate():
        nodes = nodelist()
        part = "gpu" if nodes.startswith("gpu") else ("himem" if nodes.startswith("hm") else pick(["cpu", "cpu", "debug"]))
        return ev("sched: Allocate JobId=<*> NodeList=<*> #CPUs=<*> Partition=<*>", job(), nodes, pick(["1", "4", "8", "16", "32", "64", "128"]), part)

    reasons = ["kernel panic", "GPU 3 fell off the bus", "reboot requested by admin for BIOS update",
               "Not responding", "bad DIMM in slot B2", "maint"]
    reg_reasons = deck(["Invalid argument", "Node configuration differs from hardware", "Invalid node name specified", "Unexpected missing socket error"])
    slow_funcs = deck(["_slurm_rpc_dump_jobs", "_slurmctld_background", "schedule", "_slurm_rpc_node_registration"])
    versions = deck(["24.05.4", "24.11.1"])

    def began():
        return "%s.%03d" % (c.hms(), R.randint(0, 999))

    events = [
        (75, "", lambda: ev("_slurm_rpc_submit_batch_job: JobId=<*> InitPrio=<*> usec=<*>", new_job(), pick([num(4294900000, 4294901759), num(1000, 99999)]), num(180, 25000))),
        (64, "", allocate),
        (42, "", lambda: ev("_job_complete: JobId=<*> WEXITSTATUS <*>", job(), pick(["0", "0", "0", "0", "1", "2", "127", "137"]))),
        (30, "", lambda: ev("_job_complete: JobId=<*> done", job())),
        (20, "", lambda: ev("_slurm_rpc_kill_job: REQUEST_KILL_JOB JobId=<*> uid <*>", job(), pick(["0", "1004", "1187", "2203", "2311"]))),
        (15, "error", lambda: ev("error: Nodes <*> not responding", nodelist())),
        (12, "", lambda: ev("update_node: node <*> state set to <*>", nodelist(), pick(["DRAINING", "DRAINED", "DOWN", "IDLE", "RESUME"]))),
        (10, "", lambda: ev("update_node: node <*> reason set to: <*>", nodelist(), pick(reasons))),
        (8, "", lambda: ev("Node <*> now responding", nodelist())),
        (6, "", lambda: ev("Time limit exhausted for JobId=<*>", job())),
        (5, "", lambda: ev("backfill: Started JobId=<*> in <*> on <*>", job(), pick(["cpu", "debug", "gpu", "himem"]), nodelist())),
        (4, "error", lambda: ev("error: _slurm_rpc_node_registration node=<*>: <*>", nodelist(), reg_reasons())),
        (4, "", lambda: ev("Warning: Note very large processing time from <*>: usec=<*> began=<*>", slow_funcs(), num(1000001, 9000000), began())),
        (3, "", lambda: ev("_pick_best_nodes: JobId=<*> never runnable in partition <*>", job(), pick(["gpu", "himem", "debug"]))),
        (2, "", lambda: ev("slurmctld version <*> started on cluster hpc-north", versions())),
    ]

    def render(tag, content):
        return "[%sT%s.%s] %s" % (c.ymd(), c.hms(), c.frac(3), content)
    write("Slurm", c, events, render)


# ------------------------------------------------------------------------------------------
# 4. Postfix via syslog (RFC 3164): `Mmm dd hh:mm:ss host postfix/<daemon>[pid]: message`.
#    Content = after `]: `.
def postfix():
    c = Clock()
    pids = {"smtpd": [R.randint(3000, 60000) for _ in range(5)], "qmgr": [R.randint(900, 2000)],
            "cleanup": [R.randint(3000, 60000) for _ in range(2)], "smtp": [R.randint(3000, 60000) for _ in range(4)],
            "local": [R.randint(3000, 60000)], "bounce": [R.randint(3000, 60000)]}

    def qid():
        return hexid(R.choice([10, 11]), "0123456789ABCDEF")

    remote_hosts = [("mail-out.harbourfreight-example.com", "198.51.100.%d"), ("smtp3.lists.example.org", "203.0.113.%d"),
                    ("mx-relay.partner.example.net", "192.0.2.%d"), ("unknown", "185.%d.77.14"),
                    ("bulk.newsletter-example.io", "203.0.113.%d"), ("unknown", "45.%d.12.201")]

    def remote():
        host, ip = pick(remote_hosts)
        return host, ip % R.randint(2, 250)

    users = ["j.ortega", "billing", "support", "m.lindqvist", "noreply", "h.sato", "ops-alerts", "k.adeyemi"]
    local_domains = ["corp.example.com", "lists.corp.example.com"]
    far_domains = ["gmail.example", "partner.example.net", "customer-mail.example.org", "outlook.example"]

    def local_addr():
        return "%s@%s" % (pick(users), pick(local_domains))

    def far_addr():
        return "%s@%s" % (pick(["anna", "info", "r.chen", "accounts", "team", "p.novak"]), pick(far_domains))

    mx = [("gmail-smtp-in.gmail.example", "192.0.2.%d"), ("mx1.partner.example.net", "198.51.100.%d"),
          ("inbound.customer-mail.example.org", "203.0.113.%d"), ("mx.outlook.example", "192.0.2.%d")]

    def secs(x):  # postfix prints delays with two significant digits, never in exponent form
        if x >= 10:
            return "%d" % x
        return ("%.2g" % x) if x >= 0.01 else "0"

    def delays(total, queued=False):
        """before qmgr / in the active queue / connection setup / transmission."""
        if queued:  # a deferred message spent nearly all its time waiting in the queue
            c, d = R.uniform(0.01, 30), R.choice([0.0, R.uniform(0, 2)])
            b = R.uniform(0, 0.2 * total)
            return "/".join(secs(p) for p in [max(0.0, total - b - c - d), b, c, d])
        a, b = R.uniform(0, total * 0.2), R.uniform(0, total * 0.1)
        d = max(0.0, total - a - b)
        return "/".join(secs(p) for p in [a, b, d * 0.4, d * 0.6])

    def disconnect():
        host, ip = remote()
        ehlo, mail = pick(["1", "1", "2"]), pick(["1", "1", "2"])
        rcpt, data = pick(["1", "1", "2", "0/1", "3"]), pick(["1", "1", "0/1"])
        ok = sum(int(x.split("/")[0]) for x in (ehlo, mail, rcpt, data)) + 1
        total = sum(int(x.split("/")[-1]) for x in (ehlo, mail, rcpt, data)) + 1
        commands = str(total) if ok == total else "%d/%d" % (ok, total)
        return ev("disconnect from <*>[<*>] ehlo=<*> mail=<*> rcpt=<*> data=<*> quit=1 commands=<*>", host, ip, ehlo, mail, rcpt, data, commands)

    def sent():
        host, ip = pick(mx)
        total = R.uniform(0.2, 9)
        reply = pick(["250 2.0.0 OK  %d %s - gsmtp" % (R.randint(1764800000, 1764899999), hexid(8)),
                      "250 2.0.0 Ok: queued as %s" % qid(),
                      "250 Message accepted for delivery",
                      "250 2.6.0 <%s@corp.example.com> Queued mail for delivery" % hexid(16)])
        return ev("<*>: to=<<*>>, relay=<*>[<*>]:25, delay=<*>, delays=<*>, dsn=2.0.0, status=sent (<*>)",
                  qid(), far_addr(), host, ip % R.randint(2, 250), secs(total), delays(total), reply)

    def deferred():
        host, ip = pick(mx)
        ip = ip % R.randint(2, 250)
        total = R.uniform(30, 90000)
        code, reason = pick([("4.2.0", "host %s[%s] said: 450 4.2.0 Recipient address rejected: Greylisted, try again later (in reply to RCPT TO command)"),
                             ("4.4.1", "connect to %s[%s]:25: Connection timed out"),
                             ("4.7.0", "host %s[%s] said: 421 4.7.0 Try again later, closing connection. (in reply to end of DATA command)"),
                             ("4.4.2", "lost connection with %s[%s] while receiving the initial server greeting")])
        return ev("<*>: to=<<*>>, relay=<*>[<*>]:25, delay=<*>, delays=<*>, dsn=<*>, status=deferred (<*>)",
                  qid(), far_addr(), host, ip, secs(total), delays(total, queued=True), code, reason % (host, ip))

    def noqueue():
        host, ip = remote()
        code, dsn, why = pick([("554", "5.7.1", "Relay access denied"),
                               ("550", "5.1.1", "Recipient address rejected: User unknown in local recipient table"),
                               ("450", "4.7.1", "Recipient address rejected: too many connections from your network, slow down"),
                               ("554", "5.7.1", "Sender address rejected: Access denied")])
        rcpt = far_addr() if code == "554" and why.startswith("Relay") else local_addr()
        return ev("NOQUEUE: reject: RCPT from <*>[<*>]: <*> <*> <<*>>: <*>; from=<<*>> to=<<*>> proto=<*> helo=<<*>>",
                  host, ip, code, dsn, rcpt, why, far_addr(), rcpt, pick(["ESMTP", "ESMTP", "SMTP"]),
                  pick(["localhost", "ylmf-pc", host if host != "unknown" else "mail.example.test", "[%s]" % ip]))

    def local():
        total = R.uniform(0.01, 2)
        return ev("<*>: to=<<*>>, relay=local, delay=<*>, delays=<*>, dsn=2.0.0, status=sent (<*>)",
                  qid(), "%s@corp.example.com" % pick(users), secs(total), delays(total),
                  pick(["delivered to mailbox", "delivered to command: /usr/local/bin/ticket-intake --queue support",
                        "delivered to file: /var/spool/archive/inbound"]))

    dns_reasons = deck(["Name or service not known", "Temporary failure in name resolution", "No address associated with hostname"])
    lost_after = deck(["AUTH", "CONNECT", "EHLO", "DATA (0 bytes)"])
    sasl_mechs = deck(["LOGIN", "PLAIN"])
    sasl_reasons = deck(["authentication failure", "UGFzc3dvcmQ6", "Connection lost to authentication server"])

    sasl_hosts = deck(remote_hosts)

    def sasl_failed():
        host, ip = sasl_hosts()
        ip = ip % R.randint(2, 250)
        return ev("warning: <*>[<*>]: SASL <*> authentication failed: <*>", host, ip, sasl_mechs(), sasl_reasons())

    def client_line():
        host, ip = remote()
        return ev("<*>: client=<*>[<*>]", qid(), host, ip)

    events = [
        (66, "smtpd", lambda: ev("connect from <*>[<*>]", *remote())),
        (62, "smtpd", disconnect),
        (40, "qmgr", lambda: ev("<*>: from=<<*>>, size=<*>, nrcpt=<*> (queue active)", qid(), pick([local_addr, far_addr])(), num(900, 4800000), pick(["1", "1", "1", "2", "5"]))),
        (35, "smtp", sent),
        (25, "cleanup", lambda: ev("<*>: message-id=<<*>>", qid(), "%s.%s@%s" % (num(20261204000000, 20261204235959), hexid(10), pick(["corp.example.com", "mail.partner.example.net", "gmail.example"])))),
        (20, "smtpd", client_line),
        (12, "qmgr", lambda: ev("<*>: removed", qid())),
        (10, "smtpd", noqueue),
        (8, "smtp", deferred),
        (6, "local", local),
        (5, "smtpd", lambda: ev("warning: hostname <*> does not resolve to address <*>: <*>", pick(["static-77.dsl.example.net", "host-45-12.isp.example", "ns1.parked-example.biz"]), "45.%d.12.%d" % (R.randint(1, 250), R.randint(1, 250)), dns_reasons())),
        (4, "smtpd", lambda: ev("lost connection after <*> from <*>[<*>]", lost_after(), *remote())),
        (3, "bounce", lambda: ev("<*>: sender non-delivery notification: <*>", qid(), qid())),
        (2, "smtpd", sasl_failed),
        (2, "qmgr", lambda: ev("<*>: from=<<*>>, status=expired, returned to sender", qid(), local_addr())),
    ]

    def render(daemon, content):
        return "%s mail01 postfix/%s[%d]: %s" % (c.syslog(), daemon, pick(pids[daemon]), content)
    write("Postfix", c, events, render)


# ------------------------------------------------------------------------------------------
# 5. Mosquitto broker log with the default `log_timestamp true`: `<unix seconds>: message`.
#    Content = after the first `: `.
def mosquitto():
    c = Clock()
    clients = (["sensor-%04d" % R.randint(1, 4000) for _ in range(8)] +
               ["gw-%s-%d" % (pick(["north", "south", "dock"]), R.randint(1, 9)) for _ in range(4)] +
               ["auto-%s-%s-%s" % (hexid(8, "0123456789ABCDEF"), hexid(4, "0123456789ABCDEF"), hexid(4, "0123456789ABCDEF")) for _ in range(3)] +
               ["nodered-flow", "grafana-live", "mqttx_%s" % hexid(8)])

    def peer():
        return "%s:%d" % (pick(["10.20.%d.%d" % (R.randint(0, 15), R.randint(2, 254)), "192.168.40.%d" % R.randint(2, 254), "172.16.9.%d" % R.randint(2, 254)]), R.randint(32768, 60999))

    def connected():
        cid = pick(clients)
        user = "grafana" if cid == "grafana-live" else ("nodered" if cid == "nodered-flow" else pick(["device", "device", "gateway", "ops"]))
        return ev("New client connected from <*> as <*> (p<*>, c<*>, k<*>, u'<*>').", peer(), cid, pick(["2", "2", "5"]), pick(["1", "1", "0"]), pick(["15", "30", "60", "60", "120"]), user)

    topics = ["plant/+/temperature", "plant/line3/#", "fleet/+/gps", "$SYS/broker/clients/#", "alerts/#", "cmd/%s/set" % hexid(6)]
    corrupt = deck(["unexpected end of file", "bad magic number", "chunk length exceeds file size"])
    sockets = deck([("ipv4", "1883"), ("ipv6", "1883"), ("ipv4", "8883"), ("ipv6", "9001")])
    builds = deck([("2.0.18", "2024-07-02"), ("2.0.20", "2024-11-12")])
    wills = deck(clients)
    takeovers = deck(clients)
    events = [
        (75, None, lambda: ev("New connection from <*> on port <*>.", peer(), pick(["1883", "1883", "8883"]))),
        (64, None, connected),
        (42, None, lambda: ev("Client <*> closed its connection.", pick(clients))),
        (26, None, lambda: ev("Client <*> has exceeded timeout, disconnecting.", pick(clients))),
        (22, None, lambda: ev("Socket error on client <*>, disconnecting.", pick(clients))),
        (18, None, lambda: ev("Client <*> subscribed to '<*>' (QoS <*>).", pick(clients), pick(topics), pick(["0", "1", "1", "2"]))),
        (12, None, lambda: ev("Saving in-memory database to /var/lib/mosquitto/mosquitto.db.")),
        (10, None, lambda: ev("Client <*> disconnected, not authorised.", pick(clients))),
        (9, None, lambda: ev("Warning: Dropping message for client <*>, queue full (<*> queued, limit 1000).", pick(clients), num(1000, 1400))),
        (6, None, lambda: ev("Opening <*> listen socket on port <*>.", *sockets())),
        (5, None, lambda: ev("Starting mosquitto <*> (build <*>).", *builds())),
        (4, None, lambda: ev("Error: Persistence file /var/lib/mosquitto/mosquitto.db is corrupt (<*>), starting with empty database.", corrupt())),
        (4, None, lambda: ev("Client <*> reconnected, taking over session from old connection.", takeovers())),
        (3, None, lambda: ev("Will message for client <*> published to '<*>'.", wills(), pick(["status/offline", "plant/line3/heartbeat", "fleet/lost"]))),
    ]

    def render(_, content):
        return "%d: %s" % (c.unix, content)
    write("Mosquitto", c, events, render)


# ------------------------------------------------------------------------------------------
# 6. Spring Boot 3 default console pattern:
#    `%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5p ${PID} --- [${spring.application.name}] [%15.15t]
#     %-40.40logger{39} : %m`. Content = after the logger's ` : `.
def abbreviate(name, target=39):
    """logback's target-length abbreviation: shorten package segments, left to right, to their
    first character until the name fits (the class name is never shortened)."""
    parts = name.split(".")
    i = 0
    while len(".".join(parts)) > target and i < len(parts) - 1:
        parts[i] = parts[i][0]
        i += 1
    return ".".join(parts)


def logger_field(name):
    s = abbreviate(name)
    return s[-40:].ljust(40)  # %-40.40: left-justify, truncate from the left


def thread_field(name):
    return name[-15:].rjust(15)  # %15.15t: right-justify, truncate from the left


def springboot():
    c = Clock()
    http = lambda: "http-nio-8080-exec-%d" % R.randint(1, 40)

    def customer():
        return "C-%06d" % R.randint(1, 250000)

    def order():
        return "ORD-2026-%07d" % R.randint(1, 9999999)

    def created():
        return ev("Created order <*> for customer <*> with <*> items, total <*> <*>",
                  order(), customer(), pick(["1", "1", "2", "3", "7", "12"]), fl(3, 2400, 2), pick(["EUR", "EUR", "USD", "GBP"]))

    def payment():
        return ev("Payment <*> for order <*> completed with status <*> in <*>ms",
                  "pay_" + hexid(14, "0123456789abcdefghijklmnopqrstuvwxyz"), order(),
                  pick(["AUTHORIZED", "AUTHORIZED", "AUTHORIZED", "DECLINED", "PENDING_REVIEW"]), num(40, 4200))

    inventory_reasons = ["503 Service Unavailable", "Read timed out",
                         "Connection refused: inventory-service/10.4.2.19:8080",
                         "409 Conflict: insufficient stock in warehouse WH-EAST"]
    resolved = [("org.springframework.web.HttpRequestMethodNotSupportedException", "Request method 'PATCH' is not supported"),
                ("org.springframework.http.converter.HttpMessageNotReadableException", "Required request body is missing"),
                ("org.springframework.web.method.annotation.MethodArgumentTypeMismatchException", "Method parameter 'orderId': Failed to convert value of type 'java.lang.String' to required type 'java.util.UUID'"),
                ("org.springframework.web.servlet.resource.NoResourceFoundException", "No static resource favicon.ico."),
                ("com.example.orders.web.OrderNotFoundException", "Order not found")]
    unhandled = ["Connection is closed",
                 "could not execute statement; SQL [n/a]; constraint [uk_orders_idempotency_key]",
                 "Index 3 out of bounds for length 3",
                 "Timeout waiting for idle object"]
    servlet_causes = deck(["Request processing failed: java.lang.NullPointerException: Cannot invoke \"com.example.orders.domain.Customer.getTier()\" because \"customer\" is null",
                           "Request processing failed: java.lang.IllegalStateException: Order ORD-2026-0000042 is already settled",
                           "Request processing failed: org.springframework.dao.DataIntegrityViolationException: duplicate key value violates unique constraint",
                           "Request processing failed: java.lang.ArithmeticException: / by zero"])
    tomcat = deck([("8080", "/orders"), ("8081", "/")])
    groups = deck([("orders-service-group", "order-events-0, order-events-1, order-events-2"),
                   ("payment-events-group", "payment-events-1"),
                   ("orders-service-group", "order-events-3"),
                   ("payment-events-group", "payment-events-0, payment-events-2")])
    caches = deck(["customerTiers", "productPrices", "shippingZones"])
    events = [
        (80, ("INFO", http, "com.example.orders.web.OrderController"), created),
        (57, ("INFO", lambda: "scheduling-1", "com.example.orders.scheduling.OutboxRelay"),
         lambda: ev("Relayed <*> outbox events to topic '<*>' in <*>ms", num(1, 250), pick(["order-events", "order-events", "payment-events", "audit-log"]), num(2, 900))),
        (40, ("INFO", http, "com.example.orders.payment.PaymentClient"), payment),
        (30, (" WARN", http, "com.example.orders.inventory.InventoryClient"),
         lambda: ev("Reservation for SKU <*> failed on attempt <*> of 3: <*>", "%s-%05d" % (pick(["BK", "TL", "HW", "EL"]), R.randint(1, 60000)), pick(["1", "2", "3"]), pick(inventory_reasons))),
        (20, (" WARN", http, "org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver"),
         lambda: ev("Resolved [<*>: <*>]", *pick(resolved))),
        (18, (" WARN", http, "com.zaxxer.hikari.pool.HikariPool"),
         lambda: ev("HikariPool-1 - Connection is not available, request timed out after <*>ms (total=10, active=10, idle=0, waiting=<*>)", num(30000, 30011), num(1, 37))),
        (15, ("ERROR", http, "com.example.orders.web.GlobalExceptionHandler"),
         lambda: ev("Unhandled exception on <*> <*>: <*>", pick(["POST", "GET", "PUT", "DELETE"]), pick(["/orders/api/v2/orders", "/orders/api/v2/orders/%s" % order(), "/orders/api/v2/customers/%s/orders" % customer()]), pick(unhandled))),
        (10, ("INFO", lambda: "org.springframework.kafka.KafkaListenerEndpointContainer#0-0-C-1", "org.springframework.kafka.listener.KafkaMessageListenerContainer"),
         lambda: ev("<*>: partitions assigned: [<*>]", *groups())),
        (8, ("ERROR", http, "org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]"),
         lambda: ev("Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [<*>] with root cause", servlet_causes())),
        (6, ("INFO", lambda: "main", "org.springframework.boot.web.embedded.tomcat.TomcatWebServer"),
         lambda: ev("Tomcat started on port <*> (http) with context path '<*>'", *tomcat())),
        (5, ("INFO", lambda: "main", "com.example.orders.OrdersApplication"),
         lambda: ev("Started OrdersApplication in <*> seconds (process running for <*>)", fl(4, 30, 3), fl(5, 34, 3))),
        (4, ("INFO", lambda: "main", "com.zaxxer.hikari.HikariDataSource"), lambda: ev("HikariPool-1 - Start completed.")),
        (4, ("INFO", lambda: "main", "org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean"),
         lambda: ev("Initialized JPA EntityManagerFactory for persistence unit 'default'")),
        (3, (" WARN", lambda: "task-%d" % R.randint(1, 8), "com.example.orders.config.CacheConfig"),
         lambda: ev("Cache '<*>' evicted <*> entries after reaching its maximum size", caches(), num(100, 5000))),
    ]

    def render(tag, content):
        level, thread, logger = tag
        return "%sT%s.%sZ %5s 1 --- [orders-service] [%s] %s : %s" % (
            c.ymd(), c.hms(), c.frac(3), level.strip(), thread_field(thread()), logger_field(logger), content)
    write("SpringBoot", c, events, render)


# ------------------------------------------------------------------------------------------
HEADERS = {
    # (regex with groups `content` and optionally `ts`; alternatives tried in order)
    "VLLM": [r"(?:INFO|WARNING|ERROR) (?P<ts>\d\d-\d\d \d\d:\d\d:\d\d) \[[a-z_]+\.py:\d+\] (?P<content>\S.*)",
             r"INFO:     (?P<content>\S.*)"],
    "Triton": [r"[IWE](?P<ts>\d{4} \d\d:\d\d:\d\d\.\d{6}) 1 [a-z_]+\.cc:\d+\] (?P<content>\S.*)"],
    "Slurm": [r"\[(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})\] (?P<content>\S.*)"],
    "Postfix": [r"(?P<ts>Dec  4 \d\d:\d\d:\d\d) mail01 postfix/(?:smtpd|qmgr|cleanup|smtp|local|bounce)\[\d+\]: (?P<content>\S.*)"],
    "Mosquitto": [r"(?P<ts>\d{10}): (?P<content>\S.*)"],
    "SpringBoot": [r"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z) (?: INFO| WARN|ERROR) 1 --- \[orders-service\] "
                   r"\[[ \S]{15}\] [ \S]{40} : (?P<content>\S.*)"],
}


def template_regex(template, group=False):
    hole = "(.+?)" if group else ".+?"
    return re.compile(hole.join(re.escape(p) for p in template.split("<*>")), re.S)


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
        templates, counts, parsed_slots = {}, {}, {}
        last_ts = None
        for i, (row, line) in enumerate(zip(rows, lines)):
            assert len(row) == 4, (system, row)
            line_id, content, event_id, template = row
            assert line_id == str(i + 1), (system, line_id)
            assert re.fullmatch(r"E[0-9]+", event_id), (system, event_id)
            assert content and line.endswith(content), (system, i + 1)
            # The header is the documented layout and Content is exactly what follows it.
            for pattern in HEADERS[system]:
                m = re.fullmatch(pattern, line)
                if m:
                    break
            assert m and m.group("content") == content, (system, i + 1, line)
            ts = m.groupdict().get("ts")
            if ts is not None:
                assert last_ts is None or ts >= last_ts, (system, i + 1, ts, last_ts)
                last_ts = ts
            assert "<*><*>" not in template, (system, template)
            m = template_regex(template, group=True).fullmatch(content)
            assert m, (system, i + 1, template, content)
            for k, v in enumerate(m.groups()):
                parsed_slots.setdefault(event_id, {}).setdefault(k, set()).add(v)
            assert templates.setdefault(event_id, template) == template, (system, event_id)
            counts[event_id] = counts.get(event_id, 0) + 1
        assert len(set(templates.values())) == len(templates), system
        assert 10 <= len(counts) <= 16, (system, len(counts))
        assert min(counts.values()) >= 2, (system, counts)
        assert sum(1 for n in counts.values() if 2 <= n <= 10) >= 3, (system, counts)
        assert max(counts.values()) >= 40, (system, counts)
        # Every slot takes at least two different values within its event type, both as
        # generated and as read back from the files (non-greedy split of the Content).
        for event_id, seen in SLOT_VALUES[system].items():
            for k, s in enumerate(seen):
                assert len(s) >= 2, (system, event_id, k, templates[event_id], s)
            assert len(seen) == templates[event_id].count("<*>"), (system, event_id)
        for event_id, slots in parsed_slots.items():
            for k, s in slots.items():
                assert len(s) >= 2, (system, event_id, k, templates[event_id], s)
        summary[system] = dict(sorted(counts.items(), key=lambda kv: int(kv[0][1:])))
    return summary


if __name__ == "__main__":
    vllm()
    triton()
    slurm()
    postfix()
    mosquitto()
    springboot()
    for system, counts in self_check().items():
        print("%-10s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
