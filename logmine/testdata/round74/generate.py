#!/usr/bin/env python3
"""Round 74 blind corpus generator (standard library only, fully deterministic).

Writes <System>/<System>.log and <System>/<System>.log_structured.csv for six
LLM-serving / GenAI front-end programs, then self-checks every file.

Never reads the wall clock or the locale: time comes from an integer
nanosecond clock counted from 2026-03-14 00:00:00 UTC.
"""
import csv
import os
import re
import statistics
import sys
import random

BASE_SEED = 20270204
ROOT = os.path.dirname(os.path.abspath(__file__))
DATE = "2026-03-14"          # every line of the corpus falls on this UTC day
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]   # fixed list (no locale)
N_LINES = 300

NS = 1_000_000_000
MS = 1_000_000
US = 1_000
DAY_NS = 86400 * NS


def at(h, m, s, ms=0):
    return ((h * 60 + m) * 60 + s) * NS + ms * MS


def hms(t):
    s = t // NS
    return s // 3600, (s // 60) % 60, s % 60


def ts_date_hms(t, sep, digits):
    h, m, s = hms(t)
    frac = (t % NS) // (10 ** (9 - digits))
    return f"{DATE} {h:02d}:{m:02d}:{s:02d}{sep}{frac:0{digits}d}"


def ts_hms(t):
    h, m, s = hms(t)
    return f"{h:02d}:{m:02d}:{s:02d}"


def ts_kitchen(t):           # Go time.Kitchen, "3:04PM"
    h, m, _ = hms(t)
    return f"{h % 12 or 12}:{m:02d}{'AM' if h < 12 else 'PM'}"


def go_dur(ns):              # Go time.Duration.String()
    if ns >= NS:
        whole, frac = divmod(ns, NS)
        txt = f"{whole}.{frac:09d}".rstrip("0").rstrip(".")
        return txt + "s"
    if ns >= MS:
        whole, frac = divmod(ns, MS)
        return f"{whole}.{frac:06d}".rstrip("0").rstrip(".") + "ms"
    whole, frac = divmod(ns, US)
    return f"{whole}.{frac:03d}".rstrip("0").rstrip(".") + "\u00b5s"


def fill(tpl, vals):
    parts = tpl.split("<*>")
    if len(parts) - 1 != len(vals):
        raise ValueError(f"{tpl!r} needs {len(parts) - 1} values, got {vals!r}")
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        out.append(str(v))
        out.append(p)
    return "".join(out)


class System:
    name = ""
    k = 0
    kind = ""                # "simulation" or "shuffle"
    HEADER_RE = ""

    def __init__(self):
        self.rng = random.Random(BASE_SEED * 10 + self.k)
        self.events = []     # (key, template, meta) in declaration order
        self.index = {}
        self.ctr = {}
        self.recs = []
        self.seq = 0
        self.declare()

    # -- declaration helpers -------------------------------------------------
    def ev(self, key, tpl, **meta):
        assert key not in self.index
        self.index[key] = len(self.events)
        self.events.append((key, tpl, meta))

    def eid(self, key):
        return f"E{self.index[key] + 1}"

    # -- value helpers -------------------------------------------------------
    def cyc(self, slot, pool):
        """Cycle through a small pool per (event, slot), random start."""
        i = self.ctr.get(slot)
        if i is None:
            i = self.rng.randrange(len(pool))
        self.ctr[slot] = i + 1
        return pool[i % len(pool)]

    def hexs(self, n):
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def uuid4(self):
        r = self.rng
        return (f"{r.getrandbits(32):08x}-{r.getrandbits(16):04x}-4{r.getrandbits(12):03x}-"
                f"{8 + r.randrange(4):x}{r.getrandbits(12):03x}-{r.getrandbits(48):012x}")

    def ms(self, lo, hi):
        return self.rng.randint(int(lo * MS), int(hi * MS))

    def sec(self, lo, hi):
        return self.rng.randint(int(lo * NS), int(hi * NS))

    def gap(self, mean_s):
        return max(US, int(self.rng.expovariate(1.0 / mean_s) * NS))

    # -- record emission -----------------------------------------------------
    def emit(self, t, key, *vals, **kw):
        tpl = self.events[self.index[key]][1]
        self.recs.append((t, self.seq, key, fill(tpl, vals), kw))
        self.seq += 1

    def rows(self):
        recs = sorted(self.recs, key=lambda r: (r[0], r[1]))[:N_LINES]
        out = []
        for t, _, key, content, kw in recs:
            meta = self.events[self.index[key]][2]
            hdr = self.header(t, key, meta, kw)
            raw = (hdr + content).rstrip()
            out.append((raw, content.strip(), self.eid(key), self.events[self.index[key]][1]))
        return out

    def tskey(self, s):
        return s


# =============================================================================
# 1. LocalAI  (simulation: API requests + gRPC backend processes)
# =============================================================================
class LocalAi(System):
    name, k, kind = "LocalAi", 1, "simulation"
    # zerolog ConsoleWriter, TimeFormat time.Kitchen: "3:04PM INF message"
    HEADER_RE = r"(?P<ts>\d{1,2}:\d{2}(?:AM|PM)) (?:DBG|INF|WRN|ERR) "

    def tskey(self, s):
        hh, rest = s.split(":")
        return (int(hh) % 12 + (12 if rest[2:] == "PM" else 0)) * 60 + int(rest[:2])

    def declare(self):
        E = self.ev
        E("req", "Request received: <*>", lvl="DBG")
        E("loaded", "Model already loaded in memory: <*>", lvl="DBG")
        E("ok", "Success ip=<*> latency=<*> method=<*> status=200 url=<*>", lvl="INF")
        E("cerr", "Client error ip=<*> latency=<*> method=POST status=<*> url=<*>", lvl="WRN")
        E("serr", "Server error ip=<*> latency=<*> method=POST status=500 url=<*>", lvl="ERR")
        E("loading", "Loading model '<*>' with backend <*>", lvl="INF")
        E("bl", "BackendLoader starting backend=<*> modelID=<*> o.model=<*>", lvl="INF")
        E("attempt", "[<*>] Attempting to load", lvl="INF")
        E("fails", "[<*>] Fails: <*>", lvl="INF")
        E("loadsok", "[<*>] Loads OK", lvl="INF")
        E("grpc_at", "GRPC Service for <*> will be running at: '<*>'", lvl="DBG")
        E("grpc_ready", "GRPC Service Ready", lvl="DBG")
        E("idle", "[WatchDog] Address <*> is idle for too long, killing it", lvl="WRN")
        E("delete", "Deleting process <*>", lvl="DBG")

    def header(self, t, key, meta, kw):
        return f"{ts_kitchen(t)} {meta['lvl']} "

    def build(self):
        rng = self.rng
        GREEDY = ["llama-cpp-avx2", "llama-cpp-fallback", "llama-ggml"]
        M = {
            "phi-2": ("chat", "llama-cpp", "phi-2.Q8_0.gguf", 0),
            "mistral-7b-instruct": ("chat", "llama-cpp", "mistral-7b-instruct-v0.2.Q4_K_M.gguf", 0),
            "llama-3.2-1b-instruct": ("chat", None, "Llama-3.2-1B-Instruct-Q4_K_M.gguf", 0),
            "qwen2.5-7b-instruct": ("chat", None, "qwen2.5-7b-instruct-q4_k_m.gguf", 1),
            "hermes-2-pro-mistral": ("chat", None, "Hermes-2-Pro-Mistral-7B.Q6_K.gguf", 2),
            "gemma-2-9b-it": ("chat", None, "gemma-2-9b-it-Q4_K_M.gguf", 3),
            "text-embedding-ada-002": ("embed", "bert-embeddings", "bert-MiniLM-L6-v2q4_0.bin", 0),
            "stablediffusion": ("image", "diffusers", "stabilityai/stable-diffusion-2-1-base", 0),
            "tts-1": ("tts", "piper", "en-us-amy-low.onnx", 0),
            "whisper-1": ("audio", "whisper", "ggml-whisper-base.bin", 0),
        }
        POOL = (["phi-2"] * 7 + ["mistral-7b-instruct"] * 4 + ["llama-3.2-1b-instruct"] * 3
                + ["qwen2.5-7b-instruct"] * 2 + ["hermes-2-pro-mistral"] * 2
                + ["text-embedding-ada-002"] * 4 + ["stablediffusion", "tts-1", "whisper-1"]
                + ["gemma-2-9b-it"] + ["GET"] * 2 + ["CLIENT"] * 2)
        URLS = {
            "chat": ["/v1/chat/completions", "/v1/chat/completions", "/v1/completions"],
            "embed": ["/v1/embeddings", "/embeddings"],
            "image": ["/v1/images/generations"],
            "tts": ["/v1/audio/speech", "/tts"],
            "audio": ["/v1/audio/transcriptions"],
        }
        IPS = ["172.17.0.1", "10.0.3.15", "10.0.3.22", "192.168.1.40", "127.0.0.1"]
        PROMPTS = ["How do I rotate nginx logs with logrotate?",
                   "Summarize this changelog in three bullet points",
                   "Write a haiku about a failing CI pipeline",
                   "Translate 'the invoice is overdue' to German",
                   "What is the difference between TCP and UDP?",
                   "Explain kubectl rollout undo",
                   "Give me a regex for ISO dates"]
        EMBED_IN = ["invoice 4471 overdue reminder", "reset password link expired",
                    "quarterly revenue grew 12 percent", "pump station 7 pressure alarm"]
        IMG = ["a lighthouse at dusk, oil painting", "isometric server room, pastel colors",
               "a fox reading a newspaper"]
        TTS = ["Your build finished.", "Backup completed with warnings.", "Meeting starts in five minutes."]
        FAIL_REASONS = [
            "could not load model: rpc error: code = Unavailable desc = error reading from server: EOF",
            "could not load model: rpc error: code = Canceled desc = ",
            "failed to load model with internal loader: could not load model: rpc error: code = Unknown desc = failed loading model",
            "grpc process not found in /tmp/localai/backend_data/backend-assets/grpc/llama-ggml: stat /tmp/localai/backend_data/backend-assets/grpc/llama-ggml: no such file or directory",
        ]
        CLIENT = [(404, "/api/tags"), (400, "/v1/chat/completions"), (404, "/v1/assistants"),
                  (401, "/v1/models"), (404, "/api/generate")]
        IDLE = 5 * 60 * NS
        TICK = 30 * NS
        state = {}

        def body(m, kind):
            if kind == "chat":
                p = self.cyc(("req", "prompt"), PROMPTS)
                temp = self.cyc(("req", "temp"), ["0.7", "0.2", "1", "0.9"])
                st = self.cyc(("req", "stream"), ["false", "true", "false"])
                return ('{"model":"%s","messages":[{"role":"user","content":"%s"}],'
                        '"temperature":%s,"stream":%s}' % (m, p, temp, st))
            if kind == "embed":
                return '{"input":"%s","model":"%s"}' % (self.cyc(("req", "emb"), EMBED_IN), m)
            if kind == "image":
                size = self.cyc(("req", "size"), ["512x512", "768x768"])
                return '{"prompt":"%s","model":"%s","size":"%s"}' % (self.cyc(("req", "img"), IMG), m, size)
            voice = self.cyc(("req", "voice"), ["alloy", "nova"])
            return '{"model":"%s","input":"%s","voice":"%s"}' % (m, self.cyc(("req", "tts"), TTS), voice)

        def load(m, t):
            _, backend, fname, nfail = M[m]
            if backend:
                port = rng.randint(33000, 45999)
                self.emit(t, "loading", m, backend)
                t += self.ms(0.2, 2)
                self.emit(t, "bl", backend, m, fname)
                t += self.ms(1, 8)
                addr = f"127.0.0.1:{port}"
                self.emit(t, "grpc_at", m, addr)
                t += self.sec(1.5, 14)
                self.emit(t, "grpc_ready")
                state[m] = {"ready": t, "addr": addr, "last": t}
                return t, True
            for i, b in enumerate(GREEDY):
                port = rng.randint(33000, 45999)
                addr = f"127.0.0.1:{port}"
                self.emit(t, "attempt", b)
                t += self.ms(0.1, 1)
                self.emit(t, "bl", b, m, fname)
                t += self.ms(1, 6)
                self.emit(t, "grpc_at", m, addr)
                if i < nfail:
                    t += self.sec(0.4, 3.5)
                    self.emit(t, "fails", b, self.cyc(("fails", "why"), FAIL_REASONS))
                    t += self.ms(1, 20)
                    continue
                t += self.sec(2, 12)
                self.emit(t, "grpc_ready")
                t += self.ms(0.1, 2)
                self.emit(t, "loadsok", b)
                state[m] = {"ready": t, "addr": addr, "last": t}
                return t, True
            return t, False

        def watchdog(now):
            for m in list(state):
                st = state[m]
                due = st["last"] + IDLE
                kill = (due // TICK + 1) * TICK
                if kill <= now and st["ready"] <= st["last"]:
                    self.emit(kill, "idle", st["addr"])
                    self.emit(kill + self.ms(0.2, 3), "delete", m)
                    del state[m]

        t = at(10, 41, 7, 212)
        for _ in range(230):
            t += self.gap(22)
            watchdog(t)
            what = rng.choice(POOL)
            ip = self.cyc(("req", "ip"), IPS)
            if what == "GET":
                lat = rng.randint(90 * US, 900 * US)
                self.emit(t + lat, "ok", ip, go_dur(lat), "GET",
                          self.cyc(("ok", "geturl"), ["/v1/models", "/models", "/readyz"]))
                continue
            if what == "CLIENT":
                status, url = self.cyc(("cerr", "pair"), CLIENT)
                if status == 400:
                    self.emit(t + self.ms(0.1, 0.5), "req",
                              '{"model":"phi-2","messages":"%s"}' % self.cyc(("req", "bad"), PROMPTS))
                lat = rng.randint(40 * US, 2 * MS)
                self.emit(t + lat, "cerr", ip, go_dur(lat), status, url)
                continue
            m = what
            kind = M[m][0]
            url = self.cyc(("url", kind), URLS[kind])
            tt = t + self.ms(0.1, 0.9)
            if kind != "audio":
                self.emit(tt, "req", body(m, kind))
            tt += self.ms(0.5, 3)
            st = state.get(m)
            if st:
                tt = max(tt, st["ready"])
                self.emit(tt, "loaded", m)
                ready = tt + self.ms(0.1, 1)
            else:
                ready, ok = load(m, tt)
                if not ok:
                    self.emit(ready + self.ms(0.1, 1), "serr", ip, go_dur(ready - t), url)
                    continue
            dur = {"chat": self.sec(0.6, 24), "embed": self.ms(15, 240), "image": self.sec(9, 40),
                   "tts": self.sec(0.4, 3), "audio": self.sec(2, 18)}[kind]
            end = ready + dur
            if self.cyc(("serr", "roll"), [False] * 14 + [True]):
                self.emit(end, "serr", ip, go_dur(end - t), url)
            else:
                self.emit(end, "ok", ip, go_dur(end - t), "POST", url)
            state[m]["last"] = max(state[m]["last"], end)


# =============================================================================
# 2. Xinference  (seeded shuffle of supervisor / worker units)
# =============================================================================
class Xinference(System):
    name, k, kind = "Xinference", 2, "shuffle"
    # logging format "%(asctime)s %(name)-12s %(process)d %(levelname)-8s %(message)s";
    # traceback continuation lines carry no header.
    HEADER_RE = (r"(?:(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}) xinference(?:\.\w+)+ \d+ "
                 r"(?:DEBUG|INFO|WARNING|ERROR) +| *)")

    def declare(self):
        E = self.ev
        E("endpoint", "Starting Xinference at endpoint: http://<*>:<*>", lg="xinference.deploy.local", p="sup", lvl="INFO")
        E("sup_started", "Xinference supervisor <*>:<*> started", lg="xinference.core.supervisor", p="sup", lvl="INFO")
        E("wrk_started", "Xinference worker <*>:<*> started", lg="xinference.core.worker", p="wrk", lvl="INFO")
        E("enter_kw", "[request <*>] Enter <*>, args: <*>, kwargs: <*>", lvl="DEBUG")
        E("enter", "[request <*>] Enter <*>, args: <*>, kwargs:", lvl="DEBUG")
        E("leave", "[request <*>] Leave <*>, elapsed time: <*> s", lvl="DEBUG")
        E("hf", "Caching from Hugging Face: <*>", lg="xinference.model.llm.llm_family", p="wrk", lvl="INFO")
        E("ms", "Caching from Modelscope: <*>", lg="xinference.model.llm.llm_family", p="wrk", lvl="INFO")
        E("cache_exists", "Cache <*> exists", lg="xinference.model.utils", p="wrk", lvl="INFO")
        E("fail_load", "Failed to load model <*>", lg="xinference.core.worker", p="wrk", lvl="ERROR")
        E("tb", "Traceback (most recent call last):", bare=True)
        E("tb_file", 'File "<*>", line <*>, in <*>', bare=True, indent="  ")
        E("rt_err", "RuntimeError: <*>", bare=True)
        E("not_found", "[address=<*>, pid=<*>] Model not found in the model list, uid: <*>",
          lg="xinference.api.restful_api", p="sup", lvl="ERROR")
        E("wrk_timeout", "Worker timeout. address: <*>, check count remaining <*>...",
          lg="xinference.core.supervisor", p="sup", lvl="WARNING")

    def header(self, t, key, meta, kw):
        if meta.get("bare"):
            return meta.get("indent", "")
        lg = kw.get("lg", meta.get("lg"))
        pid = kw["pid"]
        return f"{ts_date_hms(t, ',', 3)} {lg} {pid} {meta['lvl']:<8} "

    def build(self):
        rng = self.rng
        units = (["start"] * 4 + ["worker_join"] * 2 + ["call"] * 96 + ["launch"] * 14
                 + ["cache_exists"] * 9 + ["hf_only"] * 6 + ["ms_only"] * 3 + ["fail"] * 4
                 + ["not_found"] * 11 + ["timeout"] * 7)
        rng.shuffle(units)
        units.remove("start")
        units.insert(0, "start")
        MODELS = [("qwen2.5-instruct", "Qwen/Qwen2.5-7B-Instruct", "qwen/Qwen2.5-7B-Instruct", "qwen2_5-instruct-pytorch-7b"),
                  ("llama-3.1-instruct", "meta-llama/Llama-3.1-8B-Instruct", "LLM-Research/Meta-Llama-3.1-8B-Instruct", "llama-3_1-instruct-pytorch-8b"),
                  ("glm4-chat", "THUDM/glm-4-9b-chat", "ZhipuAI/glm-4-9b-chat", "glm4-chat-pytorch-9b"),
                  ("bge-m3", "BAAI/bge-m3", "Xorbits/bge-m3", "bge-m3"),
                  ("deepseek-r1-distill-qwen", "deepseek-ai/DeepSeek-R1-Distill-Qwen-14B", "deepseek-ai/DeepSeek-R1-Distill-Qwen-14B", "deepseek-r1-distill-qwen-pytorch-14b"),
                  ("qwen2-vl-instruct", "Qwen/Qwen2-VL-7B-Instruct", "qwen/Qwen2-VL-7B-Instruct", "qwen2-vl-instruct-pytorch-7b")]
        ENGINES = ["vLLM", "Transformers", "SGLang", "llama.cpp"]
        HOSTS = ["0.0.0.0", "10.20.1.11"]
        node = self.hexs(12)
        ep = {}

        def new_epoch():
            ep["sup_pid"] = rng.randint(1000, 65000)
            ep["wrk_pid"] = ep["sup_pid"] + rng.randint(40, 400)
            ep["sup_port"] = rng.randint(20000, 64999)
            ep["wrk_port"] = rng.randint(20000, 64999)
            ep["sup_obj"] = "0x7f" + self.hexs(9) + "0"
            ep["wrk_obj"] = "0x7f" + self.hexs(9) + "0"
            ep["host"] = self.cyc(("start", "host"), HOSTS)
            ep["api_port"] = self.cyc(("endpoint", "port"), [9997, 9997, 9998])
            ep["model_pids"] = []

        def rid():
            return f"{self.hexs(8)}-{self.hexs(4)}-11f1-{self.hexs(4)}-{node}"

        t = at(8, 55, 12, 481)
        for u in units:
            t += self.gap(38)
            if u == "start":
                new_epoch()
                self.emit(t, "endpoint", ep["host"], ep["api_port"], pid=ep["sup_pid"])
                t += self.ms(300, 2500)
                self.emit(t, "sup_started", ep["host"], ep["sup_port"], pid=ep["sup_pid"])
                t += self.ms(500, 3000)
                self.emit(t, "wrk_started", ep["host"], ep["wrk_port"], pid=ep["wrk_pid"])
            elif u == "worker_join":
                ep["wrk_port"] = rng.randint(20000, 64999)
                ep["wrk_pid"] = ep["wrk_pid"] + rng.randint(5, 90)
                self.emit(t, "wrk_started", "10.20.1.12", ep["wrk_port"], pid=ep["wrk_pid"])
            elif u == "call":
                func = self.cyc(("enter", "func"), ["get_model", "describe_model", "list_models",
                                                    "get_model", "describe_model", "terminate_model"])
                m = self.cyc(("enter", "model"), MODELS)[0]
                r = rid()
                sup = f"<xinference.core.supervisor.SupervisorActor object at {ep['sup_obj']}>"
                if func == "list_models":
                    self.emit(t, "enter_kw", r, func, sup, self.cyc(("enter_kw", "detailed"), ["detailed=False", "detailed=True"]),
                              lg="xinference.core.supervisor", pid=ep["sup_pid"])
                else:
                    self.emit(t, "enter", r, func, f"{sup},{m}", lg="xinference.core.supervisor", pid=ep["sup_pid"])
                t += self.ms(1, 30)
                el = 0 if func != "terminate_model" else rng.randint(1, 6)
                self.emit(t, "leave", r, func, el, lg="xinference.core.supervisor", pid=ep["sup_pid"])
            elif u == "launch":
                name, hf, msrepo, cdir = self.cyc(("launch", "model"), MODELS)
                eng = self.cyc(("launch", "engine"), ENGINES)
                r = rid()
                sup = f"<xinference.core.supervisor.SupervisorActor object at {ep['sup_obj']}>"
                kw = (f"model_uid=None,model_name={name},model_size_in_billions={self.cyc(('launch', 'size'), [7, 8, 14])},"
                      f"model_format=pytorch,quantization=none,model_engine={eng},model_type=LLM,replica=1,"
                      f"n_gpu=auto,request_limits=None,wait_ready=True")
                self.emit(t, "enter_kw", r, "launch_builtin_model", sup, kw, lg="xinference.core.supervisor", pid=ep["sup_pid"])
                t += self.ms(5, 60)
                r2 = rid()
                wrk = f"<xinference.core.worker.WorkerActor object at {ep['wrk_obj']}>"
                kw2 = f"model_uid={name}-0,model_name={name},model_engine={eng},gpu_idx=None,download_hub=None"
                self.emit(t, "enter_kw", r2, "launch_builtin_model", wrk, kw2, lg="xinference.core.worker", pid=ep["wrk_pid"])
                t += self.ms(20, 400)
                c = self.cyc(("launch", "cache"), ["hf", "hf", "ms", "exists"])
                if c == "hf":
                    self.emit(t, "hf", hf, pid=ep["wrk_pid"])
                elif c == "ms":
                    self.emit(t, "ms", msrepo, pid=ep["wrk_pid"])
                else:
                    self.emit(t, "cache_exists", f"/root/.xinference/cache/{cdir}", pid=ep["wrk_pid"])
                t += self.sec(8, 95)
                e2 = rng.randint(8, 95)
                self.emit(t, "leave", r2, "launch_builtin_model", e2, lg="xinference.core.worker", pid=ep["wrk_pid"])
                t += self.ms(2, 40)
                self.emit(t, "leave", r, "launch_builtin_model", e2 + rng.randint(0, 1), lg="xinference.core.supervisor", pid=ep["sup_pid"])
            elif u == "cache_exists":
                cdir = self.cyc(("cache_exists", "dir"), MODELS)[3]
                self.emit(t, "cache_exists", f"/root/.xinference/cache/{cdir}", pid=ep["wrk_pid"])
            elif u == "hf_only":
                self.emit(t, "hf", self.cyc(("hf", "repo"), MODELS)[1], pid=ep["wrk_pid"])
            elif u == "ms_only":
                self.emit(t, "ms", self.cyc(("ms", "repo"), MODELS)[2], pid=ep["wrk_pid"])
            elif u == "fail":
                name = self.cyc(("fail_load", "model"), MODELS)[0]
                self.emit(t, "fail_load", f"{name}-0", pid=ep["wrk_pid"])
                t += self.ms(0.1, 1)
                self.emit(t, "tb")
                site = "/opt/conda/lib/python3.10/site-packages"
                frames = [(f"{site}/xinference/core/worker.py", 1036, "launch_builtin_model"),
                          (f"{site}/xoscar/backends/context.py", 231, "send"),
                          (f"{site}/xinference/core/model.py", 409, "load"),
                          (f"{site}/xinference/model/llm/vllm/core.py", 271, "load")]
                nfr = self.cyc(("tb_file", "n"), [3, 4])
                for f in frames[:nfr]:
                    t += US
                    self.emit(t, "tb_file", *f)
                t += US
                self.emit(t, "rt_err", self.cyc(("rt_err", "msg"), [
                    "CUDA error: out of memory",
                    "No available slot found for the model",
                    "Cannot allocate memory for model weights: requested 15.23 GiB, free 9.80 GiB",
                    "Engine core initialization failed. See root cause above."]))
            elif u == "not_found":
                uid = self.cyc(("not_found", "uid"), ["my-llama", "qwen2.5-instruct", "bge-large-zh", "gpt-4", "glm4-chat-1"])
                self.emit(t, "not_found", f"0.0.0.0:{ep['sup_port']}", ep["sup_pid"], uid, pid=ep["sup_pid"])
            elif u == "timeout":
                self.emit(t, "wrk_timeout", f"10.20.1.12:{ep['wrk_port']}",
                          self.cyc(("wrk_timeout", "n"), [4, 3, 2, 1]), pid=ep["sup_pid"])


# =============================================================================
# 3. LiteLLM proxy  (simulation: client requests, k8s probes)
# =============================================================================
class LiteLlmProxy(System):
    name, k, kind = "LiteLlmProxy", 3, "simulation"
    # litellm logger: "%(asctime)s - %(name)s:%(levelname)s: %(filename)s:%(lineno)s - %(message)s"
    # (datefmt %H:%M:%S; ANSI colour codes stripped); uvicorn access lines: "INFO:     ..."
    HEADER_RE = (r"(?:(?P<ts>\d{2}:\d{2}:\d{2}) - LiteLLM(?: Proxy| Router)?:(?:DEBUG|INFO|WARNING|ERROR): "
                 r"\w+\.py:\d+ - |(?:INFO|WARNING|ERROR): +)")

    def declare(self):
        E = self.ev
        E("acc_post", '<*>:<*> - "POST <*> HTTP/1.1" 200 OK', uv="INFO")
        E("acc_get", '<*>:<*> - "GET <*> HTTP/1.1" 200 OK', uv="INFO")
        E("acc_429", '<*>:<*> - "POST <*> HTTP/1.1" 429 Too Many Requests', uv="INFO")
        E("acc_401", '<*>:<*> - "POST <*> HTTP/1.1" 401 Unauthorized', uv="INFO")
        E("acc_500", '<*>:<*> - "POST <*> HTTP/1.1" 500 Internal Server Error', uv="INFO")
        E("acomp_ok", "litellm.acompletion(model=<*>) 200 OK", lg="LiteLLM Router", lvl="INFO", src="router.py:1032")
        E("aemb_ok", "litellm.aembedding(model=<*>) 200 OK", lg="LiteLLM Router", lvl="INFO", src="router.py:2589")
        E("acomp_exc", "litellm.acompletion(model=<*>) Exception <*>", lg="LiteLLM Router", lvl="INFO", src="router.py:1058")
        E("aemb_exc", "litellm.aembedding(model=<*>) Exception <*>", lg="LiteLLM Router", lvl="INFO", src="router.py:2611")
        E("retry", "Retrying request with num_retries: <*>", lg="LiteLLM Router", lvl="INFO", src="router.py:3447")
        E("cooldown", "Cooling down deployment: <*> for <*> seconds", lg="LiteLLM Router", lvl="WARNING", src="cooldown_handlers.py:182")
        E("proxy_exc", "litellm.proxy.proxy_server.chat_completion(): Exception occured - <*>",
          lg="LiteLLM Proxy", lvl="ERROR", src="proxy_server.py:3784")
        E("auth_exc", "litellm.proxy.proxy_server.user_api_key_auth(): Exception occured - <*>",
          lg="LiteLLM Proxy", lvl="ERROR", src="user_api_key_auth.py:1215")

    def header(self, t, key, meta, kw):
        if "uv" in meta:
            lvl = meta["uv"] + ":"
            return f"{lvl:<9} "
        return f"{ts_hms(t)} - {meta['lg']}:{meta['lvl']}: {meta['src']} - "

    def build(self):
        rng = self.rng
        GROUPS = {   # model group: (deployments, num_retries, cooldown_time)
            "gpt-4o": (["azure/gpt-4o-prod-eastus2", "azure/gpt-4o-prod-swedencentral"], 2, 60),
            "gpt-4o-mini": (["gpt-4o-mini"], 3, 5),
            "claude-3-5-sonnet": (["anthropic/claude-3-5-sonnet-20241022"], 2, 30),
            "claude-3-haiku": (["bedrock/anthropic.claude-3-haiku-20240307-v1:0"], 1, 5),
            "llama3.1-local": (["ollama/llama3.1:8b"], 1, 10),
        }
        GPOOL = ["gpt-4o"] * 5 + ["gpt-4o-mini"] * 4 + ["claude-3-5-sonnet"] * 3 + ["claude-3-haiku"] * 2 + ["llama3.1-local"]
        EMB = ["text-embedding-3-small", "azure/text-embedding-ada-002", "ollama/nomic-embed-text"]
        CLIENTS = ["10.12.4.17", "10.12.4.31", "10.12.7.5", "172.20.0.9", "10.12.4.88"]
        CHAT_URL = ["/chat/completions", "/v1/chat/completions", "/chat/completions"]
        EMB_URL = ["/embeddings", "/v1/embeddings"]

        def rate_err(dep):
            if dep.startswith("azure/"):
                return ("litellm.RateLimitError: AzureException RateLimitError - Requests to the ChatCompletions_Create "
                        "Operation under Azure OpenAI API version 2024-08-01-preview have exceeded token rate limit of "
                        f"your current AIServices S0 pricing tier. Please retry after {rng.randint(3, 59)} seconds.")
            if dep.startswith("anthropic/") or dep.startswith("bedrock/"):
                return ("litellm.RateLimitError: AnthropicException - {\"type\":\"error\",\"error\":{\"type\":"
                        "\"rate_limit_error\",\"message\":\"Number of request tokens has exceeded your per-minute rate limit\"}}")
            used = rng.randint(28000, 29990)
            return ("litellm.RateLimitError: RateLimitError: OpenAIException - Rate limit reached for gpt-4o-mini in "
                    f"organization org-{self.hexs(8)} on tokens per min (TPM): Limit 30000, Used {used}, Requested {rng.randint(600, 4000)}.")

        def server_err(dep):
            if dep.startswith("ollama/"):
                return "litellm.APIConnectionError: OllamaException - [Errno 111] Connection refused"
            if dep.startswith("anthropic/"):
                return "litellm.InternalServerError: AnthropicException - Overloaded. Handle with `litellm.InternalServerError`."
            return self.cyc(("acomp_exc", "srv"), [
                "litellm.Timeout: Connection timed out after 600.0 seconds.",
                "litellm.InternalServerError: AzureException InternalServerError - The server had an error while processing your request.",
                "litellm.ServiceUnavailableError: BedrockException - upstream connect error or disconnect/reset before headers"])

        def auth_err(t):
            if self.cyc(("auth", "kind"), [True, True, False]):
                return ("Authentication Error, Invalid proxy server token passed. Received API Key = sk-..."
                        f"{self.hexs(4)}, Key Hash (Token) ={self.hexs(64)}. Unable to find token in cache or "
                        "`LiteLLM_VerificationTokenTable`")
            d = self.cyc(("auth", "exp"), ["2026-03-01 00:00:00+00:00", "2026-02-28 12:00:00+00:00", "2026-03-13 23:59:59+00:00"])
            h, m, s = hms(t)
            return f"Authentication Error - Expired Key. Key Expiry time {d} and current time {DATE} {h:02d}:{m:02d}:{s:02d}"

        cool_until = {}
        t0 = at(14, 3, 29, 118)
        # k8s probes
        t = t0 + self.sec(0, 10)
        while t < t0 + 3 * 3600 * NS:
            path = self.cyc(("acc_get", "probe"), ["/health/liveliness", "/health/readiness"])
            self.emit(t, "acc_get", "10.42.1.1", rng.randint(33000, 60999), path)
            t += 20 * NS + self.ms(0, 900)
        # clients
        t = t0
        for _ in range(160):
            t += self.gap(9)
            ip = self.cyc(("acc", "ip"), CLIENTS)
            port = rng.randint(32768, 60999)
            r = self.cyc(("req", "kind"), ["c", "c", "e", "c", "c", "c", "e", "c", "a", "c",
                                           "c", "e", "c", "m", "c", "c", "e", "c", "a"])
            if r == "m":
                self.emit(t + self.ms(1, 8), "acc_get", ip, port, self.cyc(("acc_get", "models"), ["/v1/models", "/models", "/v1/model/info"]))
                continue
            if r == "a":
                url = self.cyc(("acc_401", "url"), CHAT_URL + EMB_URL)
                tt = t + self.ms(2, 15)
                self.emit(tt, "auth_exc", auth_err(tt))
                self.emit(tt + self.ms(0.5, 2), "acc_401", ip, port, url)
                continue
            if r == "e":
                dep = self.cyc(("aemb", "dep"), EMB)
                url = self.cyc(("acc", "emburl"), EMB_URL)
                tt = t + self.ms(40, 900)
                if self.cyc(("aemb_exc", "roll"), [False] * 6 + [True]):
                    self.emit(tt, "aemb_exc", dep, server_err(dep))
                    self.emit(tt + self.ms(1, 5), "acc_500", ip, port, url)
                else:
                    self.emit(tt, "aemb_ok", dep)
                    self.emit(tt + self.ms(1, 4), "acc_post", ip, port, url)
                continue
            group = rng.choice(GPOOL)
            deps, retries, cool = GROUPS[group]
            url = self.cyc(("acc", "chaturl"), CHAT_URL)
            live = [d for d in deps if cool_until.get(d, 0) <= t] or deps
            dep = rng.choice(live)
            tt = t + self.ms(3, 20)
            x = self.cyc(("chat", "outcome"), ["ok"] * 6 + ["rate"] + ["ok"] * 5 + ["rate_fail"]
                         + ["ok"] * 3 + ["server"])
            if x == "ok":
                end = tt + self.sec(0.5, 14)
                self.emit(end, "acomp_ok", dep)
                self.emit(end + self.ms(1, 6), "acc_post", ip, port, url)
            elif x in ("rate", "rate_fail"):
                tt += self.ms(150, 1200)
                self.emit(tt, "acomp_exc", dep, rate_err(dep))
                self.emit(tt + self.ms(0.2, 2), "cooldown", dep, cool)
                cool_until[dep] = tt + cool * NS
                tt += self.ms(3, 10)
                self.emit(tt, "retry", retries)
                other = [d for d in deps if d != dep]
                if other and x == "rate":
                    end = tt + self.sec(0.6, 9)
                    self.emit(end, "acomp_ok", other[0])
                    self.emit(end + self.ms(1, 6), "acc_post", ip, port, url)
                else:
                    tt += self.sec(1, 6)
                    err = rate_err(dep)
                    self.emit(tt, "acomp_exc", dep, err)
                    self.emit(tt + self.ms(0.5, 3), "proxy_exc", err)
                    self.emit(tt + self.ms(4, 9), "acc_429", ip, port, url)
            else:
                tt += self.sec(0.2, 30)
                err = server_err(dep)
                self.emit(tt, "acomp_exc", dep, err)
                self.emit(tt + self.ms(0.5, 3), "proxy_exc", err)
                self.emit(tt + self.ms(4, 9), "acc_500", ip, port, url)


# =============================================================================
# 4. Open WebUI  (seeded shuffle)
# =============================================================================
class OpenWebUi(System):
    name, k, kind = "OpenWebUi", 4, "shuffle"
    # loguru: "{time:YYYY-MM-DD HH:mm:ss.SSS} | {level: <8} | {name}:{function}:{line} - {message} - {extra}"
    HEADER_RE = (r"(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}) \| (?:DEBUG|INFO|WARNING|ERROR) +\| "
                 r"[\w.]+:\w+:\d+ - ")

    def declare(self):
        E = self.ev
        UV = "uvicorn.protocols.http.httptools_impl:send:476"
        E("get200", '<*>:<*> - "GET <*> HTTP/1.1" 200 - {}', lvl="INFO", src=UV)
        E("post200", '<*>:<*> - "POST <*> HTTP/1.1" 200 - {}', lvl="INFO", src=UV)
        E("get401", '<*>:<*> - "GET <*> HTTP/1.1" 401 - {}', lvl="INFO", src=UV)
        E("post500", '<*>:<*> - "POST <*> HTTP/1.1" 500 - {}', lvl="INFO", src=UV)
        E("models", "get_all_models() - {}", lvl="INFO", src=None)
        E("conn_err", "Connection error: <*> - {}", lvl="ERROR", src="open_webui.routers.ollama:send_get_request:106")
        E("telemetry", "Failed to send telemetry event <*>: capture() takes 1 positional argument but 3 were given - {}",
          lvl="ERROR", src="chromadb.telemetry.product.posthog:capture:61")
        E("connected", "user <*>(<*>) connected with session ID <*> - {}", lvl="INFO", src="open_webui.socket.main:connect:262")
        E("disconnected", "user <*>(<*>) disconnected with session ID <*> - {}", lvl="INFO", src="open_webui.socket.main:disconnect:318")
        E("ctype", "file.content_type: <*> - {}", lvl="INFO", src="open_webui.routers.files:upload_file:92")
        E("save_docs", "save_docs_to_vector_db: document <*> file-<*> - {}", lvl="INFO",
          src="open_webui.routers.retrieval:save_docs_to_vector_db:1003")
        E("adding", "adding to collection file-<*> - {}", lvl="INFO", src="open_webui.routers.retrieval:save_docs_to_vector_db:1090")
        E("unexpected", "Unexpected error: <*> - {}", lvl="ERROR", src="open_webui.routers.openai:generate_chat_completion:847")

    def header(self, t, key, meta, kw):
        src = kw.get("src") or meta["src"]
        return f"{ts_date_hms(t, '.', 3)} | {meta['lvl']:<8} | {src} - "

    def build(self):
        rng = self.rng
        units = (["get"] * 134 + ["post"] * 50 + ["get401"] * 5 + ["post500"] * 4 + ["models"] * 30
                 + ["conn_err"] * 8 + ["telemetry"] * 12 + ["connected"] * 15 + ["disconnected"] * 13
                 + ["upload"] * 6 + ["unexpected"] * 5)
        rng.shuffle(units)
        USERS = [("Admin", self.uuid4()), ("mira.k", self.uuid4()), ("jonas", self.uuid4()), ("Priya S", self.uuid4())]
        CHATS = [self.uuid4() for _ in range(6)]
        IPS = ["172.18.0.1", "172.18.0.1", "10.0.0.54", "192.168.10.23"]

        def sid():
            return "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") for _ in range(16)) + "AAA" + rng.choice("BCDEF")

        def get_path():
            p = self.cyc(("get200", "path"), [
                "/api/v1/chats/?page=1", "/api/models", "/api/config", "/api/v1/users/user/settings",
                "/ollama/api/version", "/api/v1/chats/{c}", "/static/favicon.png", "/api/v1/folders/",
                "/api/v1/prompts/", "/api/version/updates", "/ws/socket.io/?EIO=4&transport=polling&t={tq}",
                "/api/v1/chats/{c}/tags", "/api/v1/auths/", "/_app/version.json", "/api/changelog"])
            return p.format(c=rng.choice(CHATS), tq="P" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(6)))

        def post_path():
            p = self.cyc(("post200", "path"), [
                "/api/chat/completions", "/api/chat/completed", "/api/v1/chats/{c}", "/api/v1/chats/new",
                "/api/v1/tasks/title/completions", "/ws/socket.io/?EIO=4&transport=polling&t={tq}&sid={s}"])
            return p.format(c=rng.choice(CHATS), tq="P" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(6)), s=sid())

        t = at(19, 12, 44, 903)
        for u in units:
            t += self.gap(4.5)
            ip = self.cyc(("acc", "ip"), IPS)
            port = rng.randint(40000, 63999)
            if u == "get":
                self.emit(t, "get200", ip, port, get_path())
            elif u == "post":
                self.emit(t, "post200", ip, port, post_path())
            elif u == "get401":
                self.emit(t, "get401", ip, port, self.cyc(("get401", "path"), ["/api/v1/auths/", "/api/v1/users/user/settings", "/api/models"]))
            elif u == "post500":
                self.emit(t, "post500", ip, port, self.cyc(("post500", "path"), ["/api/chat/completions", "/api/v1/files/", "/api/v1/tasks/title/completions"]))
            elif u == "models":
                src = self.cyc(("models", "src"), ["open_webui.routers.openai:get_all_models:380",
                                                   "open_webui.routers.ollama:get_all_models:303"])
                self.emit(t, "models", src=src)
            elif u == "conn_err":
                self.emit(t, "conn_err", self.cyc(("conn_err", "why"), [
                    "Cannot connect to host host.docker.internal:11434 ssl:default [Connect call failed ('192.168.65.254', 11434)]",
                    "Cannot connect to host ollama:11434 ssl:default [Name or service not known]",
                    "Server disconnected",
                    "Connection timeout to host http://10.0.0.7:11434/api/tags"]))
            elif u == "telemetry":
                self.emit(t, "telemetry", self.cyc(("telemetry", "ev"), ["ClientStartEvent", "ClientCreateCollectionEvent",
                                                                         "CollectionAddEvent", "CollectionQueryEvent"]))
            elif u in ("connected", "disconnected"):
                name, uid = self.cyc((u, "user"), USERS)
                self.emit(t, u, name, uid, sid())
            elif u == "upload":
                fname, ctype = self.cyc(("upload", "file"), [
                    ("Q4-board-minutes.pdf", "application/pdf"), ("runbook_postgres.md", "text/markdown"),
                    ("vendor-contract-2026.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                    ("incident 0312 notes.txt", "text/plain")])
                fid = self.uuid4()
                self.emit(t, "ctype", ctype)
                t += self.ms(30, 400)
                self.emit(t, "save_docs", fname, fid)
                t += self.ms(200, 4000)
                self.emit(t, "adding", fid)
                t += self.ms(50, 900)
                self.emit(t, "post200", ip, port, "/api/v1/files/")
            elif u == "unexpected":
                self.emit(t, "unexpected", self.cyc(("unexpected", "why"), [
                    "400, message='Bad Request', url='https://api.openai.com/v1/chat/completions'",
                    "Expecting value: line 1 column 1 (char 0)",
                    "429, message='Too Many Requests', url='https://openrouter.ai/api/v1/chat/completions'",
                    "Cannot connect to host api.groq.com:443 ssl:default [Temporary failure in name resolution]"]))


# =============================================================================
# 5. ComfyUI  (simulation: queued prompts, serial executor)
# =============================================================================
class ComfyUi(System):
    name, k, kind = "ComfyUi", 5, "simulation"
    # console output as captured in comfyui.log: "[YYYY-MM-DD HH:MM:SS.mmm] message"
    HEADER_RE = r"\[(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3})\] *"

    def declare(self):
        E = self.ev
        E("got", "got prompt")
        E("dtype", "model weight dtype <*>, manual cast: <*>")
        E("mtype", "model_type <*>")
        E("vae", "Using pytorch attention in VAE")
        E("req_load", "Requested to load <*>")
        E("full", "loaded completely <*> <*> <*>")
        E("partial", "loaded partially <*> <*> <*>")
        E("tqdm", "100%|\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588| <*>/<*> [<*><00:00, <*>]")
        E("done", "Prompt executed in <*> seconds")
        E("exc", "!!! Exception during processing !!! <*>")
        E("tb", "Traceback (most recent call last):")
        E("tb_file", 'File "<*>", line <*>, in <*>', indent="  ")
        E("oom", "torch.OutOfMemoryError: <*>")
        E("fail_val", "Failed to validate prompt for output <*>:")
        E("invalid", "invalid prompt: <*>")

    def header(self, t, key, meta, kw):
        return f"[{ts_date_hms(t, '.', 3)}] " + meta.get("indent", "")

    def build(self):
        rng = self.rng
        CKPT = {  # name: (dtype, cast, model_type, clip, unet, unet MB, clip MB, rate range, steps)
            "sd_xl_base_1.0.safetensors": ("torch.float16", "None", "EPS", "SDXLClipModel", "SDXL", 4897.05, 1560.80, (10.2, 14.8), [25, 30, 20]),
            "v1-5-pruned-emaonly.safetensors": ("torch.float16", "None", "EPS", "SD1ClipModel", "BaseModel", 1639.41, 235.84, (18.0, 31.0), [20, 25]),
            "sd3.5_medium.safetensors": ("torch.bfloat16", "torch.float16", "FLOW", "SD3ClipModel_", "SD3", 4713.31, 5043.59, (10.1, 12.9), [28, 40]),
            "juggernautXL_v9Rdphoto2Lightning.safetensors": ("torch.float16", "None", "EPS", "SDXLClipModel", "SDXL", 4897.05, 1560.80, (10.5, 15.5), [6, 8]),
        }
        ORDER = ["sd_xl_base_1.0.safetensors", "sd3.5_medium.safetensors", "v1-5-pruned-emaonly.safetensors",
                 "juggernautXL_v9Rdphoto2Lightning.safetensors", "sd_xl_base_1.0.safetensors",
                 "sd3.5_medium.safetensors"]
        HOME = "/home/mira/ComfyUI"
        VRAM_FREE = 22100.0
        cur = {"ckpt": None, "next": None, "left": 0}
        free_at = [at(21, 5, 3, 40)]

        def loadline(t, name, size):
            self.emit(t, "req_load", name)
            t += self.ms(5, 60)
            if size > 4800 and self.cyc(("partial", "roll"), [False, True, False]):
                have = rng.uniform(2600, 4700)
                self.emit(t, "partial", f"{have:.4f}", repr(size + self.cyc(("partial", "frac"), [0.00390625, 0.0078125])), self.cyc(("partial", "patches"), [0, 0, 12]))
            else:
                need = round(rng.uniform(size + 800, VRAM_FREE), 1)
                self.emit(t, "full", need, repr(size + self.cyc(("full", "frac"), [0.0, 0.00390625, 0.0078125])),
                          self.cyc(("full", "flag"), ["True", "True", "True", "False"]))
            return t + self.sec(0.3, 2.4)

        t = at(21, 5, 3, 40)
        for _ in range(75):
            t += self.gap(24) if rng.random() < 0.7 else self.ms(300, 3000)
            self.emit(t, "got")
            v = rng.random()
            if v < 0.06:
                self.emit(t + self.ms(1, 10), "fail_val", self.cyc(("fail_val", "out"), [9, 27, 54]))
                self.emit(t + self.ms(11, 15), "invalid", "{'type': 'prompt_outputs_failed_validation', 'message': "
                          "'Prompt outputs failed validation', 'details': '', 'extra_info': {}}")
                continue
            if v < 0.11:
                self.emit(t + self.ms(1, 10), "invalid", "{'type': 'invalid_prompt', 'message': 'Cannot execute because a node "
                          f"is missing the class_type property.', 'details': \"Node ID '#{rng.randint(3, 60)}'\", 'extra_info': {{}}}}")
                continue
            start = max(t + self.ms(2, 20), free_at[0])
            tt = start
            if v < 0.20:   # identical prompt resubmitted: everything cached
                tt += self.ms(2, 15)
                self.emit(tt, "done", f"{(tt - start) / NS:.2f}")
                free_at[0] = tt
                continue
            if cur["left"] <= 0:     # the user switches checkpoint after a run of prompts
                cur["next"] = self.cyc(("ckpt", "order"), ORDER)
                cur["left"] = self.cyc(("ckpt", "run"), [6, 9, 5, 8, 7])
            cur["left"] -= 1
            ck = cur["next"]
            dtype, cast, mtype, clip, unet, usz, csz, rr, steps = CKPT[ck]
            if ck != cur["ckpt"]:
                tt += self.ms(100, 900)
                self.emit(tt, "dtype", dtype, cast)
                self.emit(tt + self.ms(1, 5), "mtype", mtype)
                tt += self.sec(0.6, 3)
                self.emit(tt, "vae")
                self.emit(tt + self.ms(0.5, 2), "vae")
                tt += self.ms(20, 300)
                tt = loadline(tt, clip, csz)
                tt = loadline(tt, unet, usz)
                cur["ckpt"] = ck
            elif rng.random() < 0.25:
                tt = loadline(tt + self.ms(5, 40), unet, usz)
            n = self.cyc(("tqdm", ck), steps)
            rate = rng.uniform(*rr)
            samp = int(n / rate * NS)
            if mtype == "FLOW" and self.cyc(("oom", "roll"), [False, True, False]):
                tt += samp // 3
                msg = (f"CUDA out of memory. Tried to allocate {rng.uniform(0.5, 4):.2f} GiB. GPU 0 has a total capacity "
                       f"of 23.65 GiB of which {rng.uniform(0.1, 1.4):.2f} GiB is free. Including non-PyTorch memory, this "
                       f"process has {rng.uniform(20, 23):.2f} GiB memory in use.")
                self.emit(tt, "exc", msg)
                self.emit(tt + US, "tb")
                frames = [(f"{HOME}/execution.py", 327, "execute"),
                          (f"{HOME}/execution.py", 202, "get_output_data"),
                          (f"{HOME}/nodes.py", 1519, "sample"),
                          (f"{HOME}/comfy/sample.py", 45, "sample")]
                for i, f in enumerate(frames[:self.cyc(("tb_file", "n"), [2, 3, 4])]):
                    self.emit(tt + (2 + i) * US, "tb_file", *f)
                self.emit(tt + 9 * US, "oom", msg)
                tt += self.ms(5, 30)
                self.emit(tt, "done", f"{(tt - start) / NS:.2f}")
                free_at[0] = tt
                continue
            tt += samp
            el = samp // NS
            self.emit(tt, "tqdm", n, n, f"{el // 60:02d}:{el % 60:02d}", f"{rate:.2f}it/s")
            tt += self.ms(5, 30)
            if rng.random() < 0.3:
                tt = loadline(tt, "AutoencoderKL", 159.56)
            tt += self.sec(0.3, 1.8)
            self.emit(tt, "done", f"{(tt - start) / NS:.2f}")
            free_at[0] = tt


# =============================================================================
# 6. text-generation-webui  (seeded shuffle)
# =============================================================================
class TextGenWebUi(System):
    name, k, kind = "TextGenWebUi", 6, "shuffle"
    # own logger "%H:%M:%S-%f LEVEL    msg"; print() output, llama.cpp stderr and
    # tracebacks carry no header; uvicorn (openai extension) lines "INFO:     ..."
    HEADER_RE = (r"(?:(?P<ts>\d{2}:\d{2}:\d{2}-\d{6}) (?:DEBUG|INFO|WARNING|ERROR|CRITICAL) +"
                 r"|(?:INFO|WARNING|ERROR): +| *)")

    def declare(self):
        E = self.ev
        E("loading", 'Loading "<*>"', lvl="INFO")
        E("loaded", 'Loaded "<*>" in <*> seconds.', lvl="INFO")
        E("loader", 'LOADER: "<*>"', lvl="INFO")
        E("trunc", "TRUNCATION LENGTH: <*>", lvl="INFO")
        E("itempl", 'INSTRUCTION TEMPLATE: "<*>"', lvl="INFO")
        E("ext", 'Loading the extension "<*>"', lvl="INFO")
        E("out", "Output generated in <*> seconds (<*> tokens/s, <*> tokens, context <*>, seed <*>)")
        E("acc", '<*>:<*> - "POST <*> HTTP/1.1" 200 OK', uv="INFO")
        E("prefix", "Llama.generate: <*> prefix-match hit, remaining <*> prompt tokens to eval")
        E("meta", "llama_model_loader: loaded meta data with <*> key-value pairs and <*> tensors from <*> (version GGUF V3 (latest))")
        E("offload", "llm_load_tensors: offloaded <*>/<*> layers to GPU")
        E("fail", "Failed to load the model.", lvl="ERROR")
        E("tb", "Traceback (most recent call last):")
        E("tb_file", 'File "<*>", line <*>, in <*>', indent="  ")
        E("valerr", "ValueError: Failed to load model from file: <*>")

    def header(self, t, key, meta, kw):
        if "lvl" in meta:
            h, m, s = hms(t)
            return f"{h:02d}:{m:02d}:{s:02d}-{(t % NS) // US:06d} {meta['lvl']:<8} "
        if "uv" in meta:
            return f"{meta['uv'] + ':':<9} "
        return meta.get("indent", "")

    def build(self):
        rng = self.rng
        MODELS = [  # folder/file, loader, truncation, template, gguf (kv, tensors, layers)
            ("Meta-Llama-3.1-8B-Instruct-Q5_K_M.gguf", "llama.cpp", 8192, "Llama-v3", (29, 292, 33)),
            ("mistral-nemo-instruct-2407.Q6_K.gguf", "llama.cpp", 16384, "Mistral", (35, 363, 41)),
            ("turboderp_Llama-3.1-8B-Instruct-exl2_6.0bpw", "ExLlamav2_HF", 8192, "Llama-v3", None),
            ("qwen2.5-14b-instruct-q4_k_m.gguf", "llama.cpp", 32768, "ChatML", (34, 579, 49)),
            ("microsoft_Phi-3-mini-4k-instruct", "Transformers", 4096, "Phi-3-Chat", None),
            ("TheBloke_Mistral-7B-Instruct-v0.2-GPTQ", "ExLlamav2_HF", 4096, "Mistral", None),
        ]
        units = ["start"] * 3 + ["load"] * 8 + ["fail"] * 3
        HOME = "/home/kai/text-generation-webui"
        # decide generation units so that the total is exactly N_LINES
        plan = []
        for u in units:
            plan.append((u, None))
        rng.shuffle(plan)

        def unit_lines(u, opt):
            if u == "start":
                return 2
            if u == "load":
                return 5 + (2 if opt[4] else 0)
            if u == "fail":
                return 4 + opt
            return opt

        # resolve options for fixed units
        resolved = []
        for u, _ in plan:
            if u == "load":
                resolved.append((u, self.cyc(("load", "model"), MODELS)))
            elif u == "fail":
                resolved.append((u, self.cyc(("tb_file", "n"), [3, 4])))
            else:
                resolved.append((u, None))
        total = sum(unit_lines(u, o) for u, o in resolved)
        gens = []
        while total < N_LINES:
            left = N_LINES - total
            size = min(left, rng.choice([1, 2, 2, 2, 3, 3]))
            gens.append(("gen", size))
            total += size
        allu = resolved + gens
        rng.shuffle(allu)
        allu.sort(key=lambda x: 0 if x[0] == "start" else 1)  # first startup first...
        first, rest = allu[0], allu[1:]
        rng.shuffle(rest)
        allu = [first] + rest
        cur = {"gguf": True}
        t = at(16, 20, 58, 377)
        for u, opt in allu:
            t += self.gap(52)
            if u == "start":
                for _ in range(2):
                    self.emit(t, "ext", self.cyc(("ext", "name"), ["openai", "gallery", "superboogav2", "whisper_stt"]))
                    t += self.ms(30, 1500)
            elif u == "load":
                name, loader, trunc, tmpl, gg = opt
                self.emit(t, "loading", name)
                if gg:
                    t += self.ms(80, 400)
                    self.emit(t, "meta", gg[0], gg[1], f"models/{name}")
                    t += self.sec(1, 4)
                    self.emit(t, "offload", gg[2], gg[2])
                dt = self.sec(2, 40)
                t += dt
                self.emit(t, "loaded", name, f"{dt / NS:.2f}")
                self.emit(t + US, "loader", loader)
                self.emit(t + 2 * US, "trunc", trunc)
                self.emit(t + 3 * US, "itempl", tmpl)
                cur["gguf"] = bool(gg)
            elif u == "fail":
                name = self.cyc(("fail", "model"), ["gemma-2-27b-it-Q5_K_S.gguf", "Llama-3.3-70B-Instruct-IQ2_XS.gguf",
                                                    "qwen2.5-coder-32b-instruct-q4_0.gguf"])
                self.emit(t, "loading", name)
                t += self.ms(300, 3000)
                self.emit(t, "fail")
                self.emit(t + US, "tb")
                frames = [(f"{HOME}/modules/ui_model_menu.py", 232, "load_model_wrapper"),
                          (f"{HOME}/modules/models.py", 93, "load_model"),
                          (f"{HOME}/modules/models.py", 274, "llamacpp_loader"),
                          (f"{HOME}/modules/llamacpp_model.py", 102, "from_pretrained")]
                for i, f in enumerate(frames[:opt]):
                    self.emit(t + (2 + i) * US, "tb_file", *f)
                self.emit(t + 8 * US, "valerr", f"models/{name}")
            else:
                size = opt
                parts = ["out"]
                if size >= 2:
                    parts = ["prefix", "out"] if (size == 3 or rng.random() < 0.45) else ["out", "acc"]
                if size == 3:
                    parts = ["prefix", "out", "acc"]
                for p in parts:
                    if p == "prefix":
                        ctx = rng.randint(200, 6000)
                        self.emit(t, "prefix", ctx, rng.randint(1, 60))
                        t += self.ms(5, 40)
                    elif p == "out":
                        toks = rng.randint(12, 900)
                        rate = rng.uniform(9, 48)
                        secs = toks / rate
                        t += int(secs * NS)
                        self.emit(t, "out", f"{secs:.2f}", f"{rate:.2f}", toks, rng.randint(40, 7000), rng.randint(0, 2 ** 31 - 1))
                    else:
                        t += self.ms(1, 20)
                        self.emit(t, "acc", self.cyc(("acc", "ip"), ["127.0.0.1", "127.0.0.1", "192.168.1.71"]), rng.randint(40000, 64999),
                                  self.cyc(("acc", "path"), ["/v1/chat/completions", "/v1/completions", "/v1/chat/completions"]))


SYSTEMS = [LocalAi, Xinference, LiteLlmProxy, OpenWebUi, ComfyUi, TextGenWebUi]


# =============================================================================
# writing and self-check
# =============================================================================
def write(sysobj):
    d = os.path.join(ROOT, sysobj.name)
    os.makedirs(d, exist_ok=True)
    rows = sysobj.rows()
    with open(os.path.join(d, sysobj.name + ".log"), "w", encoding="utf-8", newline="\n") as f:
        for raw, *_ in rows:
            f.write(raw + "\n")
    with open(os.path.join(d, sysobj.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_, content, eid, tpl) in enumerate(rows, 1):
            w.writerow([i, content, eid, tpl])


def tpl_regex(tpl):
    return re.compile("".join("(.+?)" if p == "<*>" else re.escape(p) for p in re.split(r"(<\*>)", tpl)))


def check(sysobj):
    errs = []
    d = os.path.join(ROOT, sysobj.name)
    with open(os.path.join(d, sysobj.name + ".log"), "rb") as f:
        data = f.read()
    if not data.endswith(b"\n") or b"\r" in data:
        errs.append("log must end with \\n and contain no \\r")
    lines = data.decode("utf-8").split("\n")[:-1]
    with open(os.path.join(d, sysobj.name + ".log_structured.csv"), "rb") as f:
        cdata = f.read()
    if not cdata.endswith(b"\n") or b"\r" in cdata:
        errs.append("csv must end with \\n and contain no \\r")
    with open(os.path.join(d, sysobj.name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header")
    rows = rows[1:]
    if len(lines) != N_LINES or len(rows) != N_LINES:
        errs.append(f"need {N_LINES} lines/rows, got {len(lines)}/{len(rows)}")
    hre = re.compile(sysobj.HEADER_RE)
    declared = {f"E{i + 1}": tpl for i, (_, tpl, _) in enumerate(sysobj.events)}
    if len(set(declared.values())) != len(declared):
        errs.append("two declared events share a template")
    tpl_of = {}
    counts = {}
    caps = {}
    last = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            errs.append(f"row {i}: {len(row)} columns")
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errs.append(f"row {i}: LineId {lid}")
        if not content or content != content.strip():
            errs.append(f"row {i}: content empty or not stripped")
        if not line.endswith(content):
            errs.append(f"line {i}: does not end with its Content")
            continue
        hdr = line[:len(line) - len(content)]
        m = hre.fullmatch(hdr)
        if not m:
            errs.append(f"line {i}: header {hdr!r} does not match")
            continue
        ts = m.groupdict().get("ts")
        if ts:
            key = sysobj.tskey(ts)
            if last is not None and key < last:
                errs.append(f"line {i}: timestamp goes back ({ts})")
            last = key
        if not re.fullmatch(r"E\d+", eid):
            errs.append(f"row {i}: bad EventId {eid}")
        if declared.get(eid) != tpl:
            errs.append(f"row {i}: {eid} template differs from declaration")
        if tpl_of.setdefault(eid, tpl) != tpl:
            errs.append(f"{eid}: more than one template")
        mm = tpl_regex(tpl).fullmatch(content)
        if not mm:
            errs.append(f"row {i}: template {tpl!r} does not match {content!r}")
            continue
        counts[eid] = counts.get(eid, 0) + 1
        for j, g in enumerate(mm.groups()):
            caps.setdefault((eid, j), set()).add(g)
    if len(set(tpl_of.values())) != len(tpl_of):
        errs.append("two EventIds share a template")
    unused = [e for e in declared if e not in counts]
    if unused:
        errs.append(f"declared events unused: {unused}")
    for e, tpl in declared.items():
        for j in range(tpl.count("<*>")):
            if len(caps.get((e, j), ())) < 2:
                errs.append(f"{e} slot {j + 1} takes fewer than 2 values: {caps.get((e, j))}")
    c = sorted(counts.values())
    n = len(declared)
    if not 12 <= n <= 15:
        errs.append(f"{n} event types, need 12..15")
    if c and min(c) < 3:
        errs.append(f"an event has fewer than 3 lines: {counts}")
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        errs.append("fewer than 3 events with 3..10 lines")
    if c and max(c) < 3 * statistics.median(c):
        errs.append(f"largest {max(c)} < 3x median {statistics.median(c)}")
    return errs, counts


def main():
    bad = False
    for cls in SYSTEMS:
        s = cls()
        s.build()
        write(s)
        errs, counts = check(s)
        c = sorted(counts.values())
        order = sorted(counts, key=lambda e: int(e[1:]))
        print(f"{s.name:13s} {s.kind:10s} events={len(s.events):2d} lines={sum(c)} "
              f"median={statistics.median(c) if c else 0} max={max(c) if c else 0} "
              f"counts=" + " ".join(f"{e}:{counts[e]}" for e in order))
        for e in errs:
            bad = True
            print(f"  FAIL {s.name}: {e}")
    print("self-check:", "FAILED" if bad else "all passed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
