#!/usr/bin/env python3
"""Writes round 14, a blind, labelled log corpus (see README.md beside this file).

Six systems, 300 lines each: LlamaCppServer, JupyterHub, VictoriaMetrics, Teleport, Sonarr,
KafkaConnect. Every line is made here from event formats written for this corpus, following each
program's default log layout (written from memory), with values from generators of this file.
No line, template or value list is copied from a real log or data set; the messages are invented
in each project's style. The corpus was written without running any template miner or log parser
on it and without reading the miner's source.

Deterministic: fixed seed 20261217, integer clock, no dependence on locale or wall time;
`python3 generate.py` rewrites the same files. Each system gets `<System>/<System>.log` (the raw
lines, header included) and `<System>/<System>.log_structured.csv` (LineId, Content, EventId,
EventTemplate).

Ground truth convention (Loghub style): one `<*>` per value; a value that holds spaces (a
free-text reason or error, a command line, a list, a title, a query) is one `<*>`; punctuation
around a value stays literal (`(<*>)`, `'<*>'`, `"<*>"`, `[<*>]`, `{<*>}`, `key=<*>`, `key:<*>`,
`<*>:` before a message, a sentence-final `.`); a unit attached to a number stays literal after it
(`<*>ms`, `<*> ms`, `<*> bytes`, `<*>s`) unless the unit varies within the slot (a Go duration);
printf padding belongs to the value it pads; text that never changes within an event type stays
literal. Event formats are written directly as their templates: each `<*>` in a format is filled
with one generated value, and every `<*>` slot takes at least two different values within its
event type (checked when the lines are made and again on read-back).

At the end the files are read back and checked (see `self_check` and `check_clock_order`).
"""
import calendar
import csv
import os
import random
import re
import time

SEED = 20261217
R = random.Random(SEED)
LINES = 300
MIN_EVENTS, MAX_EVENTS = 12, 15
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["LlamaCppServer", "JupyterHub", "VictoriaMetrics", "Teleport", "Sonarr", "KafkaConnect"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DAY = calendar.timegm((2026, 12, 17, 0, 0, 0))


# ------------------------------------------------------------------------------------------
# Small value generators (pools written for this corpus).
def pick(seq):
    return R.choice(seq)


def num(a, b):
    return str(R.randint(a, b))


def hexid(n, digits="0123456789abcdef"):
    return "".join(R.choice(digits) for _ in range(n))


def uuid4():
    h = hexid(32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], R.choice("89ab"), h[17:20], h[20:])


def go_duration(ns):
    """Go's `time.Duration.String()`: `845ns`, `123.456µs`, `1.234567ms`, `2.5s`, `1m9.5s`."""
    if ns < 1000:
        return "%dns" % ns
    if ns < 10 ** 6:
        unit, div, prec = "µs", 10 ** 3, 3
    elif ns < 10 ** 9:
        unit, div, prec = "ms", 10 ** 6, 6
    elif ns < 60 * 10 ** 9:
        unit, div, prec = "s", 10 ** 9, 9
    else:
        minutes, rest = divmod(ns, 60 * 10 ** 9)
        return "%dm%s" % (minutes, go_duration(rest) if rest >= 10 ** 9 else "0s")
    whole, frac = divmod(ns, div)
    f = ("%0*d" % (prec, frac)).rstrip("0")
    return "%d%s%s" % (whole, "." + f if f else "", unit)


class Cycle:
    """Draws from a pool in seeded shuffled rounds: two draws in a row differ whenever the pool
    holds two different values (used for slots of rare event types)."""

    def __init__(self, pool):
        self.pool = list(pool)
        assert len(set(map(repr, self.pool))) >= 2, pool
        self.queue = []

    def __call__(self):
        if not self.queue:
            q = self.pool[:]
            R.shuffle(q)
            self.queue = q
        return self.queue.pop()


class Clock:
    """Integer nanosecond clock starting on 2026-12-17 at a given or random second (UTC)."""

    def __init__(self, start_s=None, lo_ms=5, hi_ms=3000):
        if start_s is None:
            start_s = R.randint(7 * 3600, 10 * 3600)
        self.ns = (DAY + start_s) * 10 ** 9 + R.randint(0, 10 ** 9 - 1)
        self.lo, self.hi = lo_ms, hi_ms

    def tick(self, lo=None, hi=None):
        lo = self.lo if lo is None else lo
        hi = self.hi if hi is None else hi
        self.ns += R.randint(lo * 10 ** 6, hi * 10 ** 6)

    def g(self):
        return time.gmtime(self.ns // 10 ** 9)

    def frac(self, digits):
        return "%0*d" % (digits, (self.ns % 10 ** 9) // 10 ** (9 - digits))

    def ymd(self, sep="-"):
        g = self.g()
        return "%04d%s%02d%s%02d" % (g.tm_year, sep, g.tm_mon, sep, g.tm_mday)

    def hms(self):
        g = self.g()
        return "%02d:%02d:%02d" % (g.tm_hour, g.tm_min, g.tm_sec)

    def epoch_ms(self):
        return self.ns // 10 ** 6

    def jhub(self):
        """JupyterHub's `%Y-%m-%d %H:%M:%S` plus `.%(msecs)03d`."""
        return "%s %s.%s" % (self.ymd(), self.hms(), self.frac(3))

    def chp(self):
        """configurable-http-proxy (winston): `10:00:00.123`."""
        return "%s.%s" % (self.hms(), self.frac(3))

    def vm(self):
        """VictoriaMetrics: `2026-12-17T10:00:00.123Z`."""
        return "%sT%s.%sZ" % (self.ymd(), self.hms(), self.frac(3))

    def rfc3339(self):
        """Teleport's text log: `2026-12-17T10:00:00Z`."""
        return "%sT%sZ" % (self.ymd(), self.hms())

    def rfc3339nano(self, ns=None):
        """Go's RFC3339Nano (trailing zeros of the fraction dropped)."""
        ns = self.ns if ns is None else ns
        g = time.gmtime(ns // 10 ** 9)
        f = ("%09d" % (ns % 10 ** 9)).rstrip("0")
        return "%04d-%02d-%02dT%02d:%02d:%02d%sZ" % (g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec,
                                                    "." + f if f else "")

    def sonarr(self):
        """NLog `yyyy-MM-dd HH:mm:ss.f`."""
        return "%s %s.%s" % (self.ymd(), self.hms(), self.frac(1))

    def kafka(self):
        """log4j `%d` (ISO8601): `2026-12-17 10:00:00,123`."""
        return "%s %s,%s" % (self.ymd(), self.hms(), self.frac(3))

    def ncsa(self):
        """Jetty request log: `17/Dec/2026:10:00:00 +0000`."""
        g = self.g()
        return "%02d/%s/%04d:%s +0000" % (g.tm_mday, MONTHS[g.tm_mon - 1], g.tm_year, self.hms())


# ------------------------------------------------------------------------------------------
# Filling a template.
def fill(template, values, padded=False):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v.strip() and "\n" not in v and "\r" not in v and "\t" not in v, (template, values)
        assert padded or v == v.strip(), (template, values)
        out += [v, p]
    return "".join(out)


def ev(template, *values):
    """(content, template, values) of one line of an event type."""
    values = tuple(str(v) for v in values)
    return fill(template, values), template, values


def ev_padded(template, *values):
    """Like `ev`, for values that carry their own printf padding (`%2d`, `%10.2f`)."""
    values = tuple(str(v) for v in values)
    return fill(template, values, padded=True), template, values


# ------------------------------------------------------------------------------------------
def emit(system, n_events, items):
    """items: list of (event index k, raw line, content, template, values) in file order.
    Checks the per-type invariants while writing, then writes both files."""
    assert len(items) == LINES, (system, len(items))
    assert MIN_EVENTS <= n_events <= MAX_EVENTS, system
    rows, raw = [], []
    slot_values, templates = {}, {}
    for i, (k, line, content, template, values) in enumerate(items):
        assert templates.setdefault(k, template) == template, (system, template)
        assert "\n" not in line and "\r" not in line, (system, line)
        assert content == content.strip() and content, (system, line)
        assert line.endswith(content), (system, line)
        rows.append([i + 1, content, "E%d" % (k + 1), template])
        raw.append(line)
        seen = slot_values.setdefault(k, [set() for _ in values])
        assert len(seen) == len(values), (system, template)
        for s, v in zip(seen, values):
            s.add(v)
    assert sorted(templates) == list(range(n_events)), (system, sorted(templates))
    for k, seen in slot_values.items():
        for j, s in enumerate(seen):
            assert len(s) >= 2, (system, "E%d" % (k + 1), "slot %d" % (j + 1), s)
    folder = os.path.join(HERE, system)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, system + ".log"), "w", newline="", encoding="utf-8") as f:
        f.write("\n".join(raw) + "\n")
    with open(os.path.join(folder, system + ".log_structured.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


def write(system, clock, events, render, blocks=(), block_gap=(2, 400)):
    """events: list of (count, tag, gen); gen() -> ev(...), called after the clock ticked for
    the line; render(tag, content) -> the raw line. Lines are a seeded shuffle of units: one unit
    per single line (count of each event) plus the given blocks, lists of (k, gen) written in a
    row, with a short clock step inside a block. Everything sums to LINES."""
    units = [[(k, e[2])] for k, e in enumerate(events) for _ in range(e[0])]
    units += [list(b) for b in blocks]
    assert sum(len(u) for u in units) == LINES, (system, sum(len(u) for u in units))
    R.shuffle(units)
    items = []
    for unit in units:
        for j, (k, gen) in enumerate(unit):
            if j == 0:
                clock.tick()
            else:
                clock.tick(*block_gap)
            tag = events[k][1]
            content, template, values = gen()
            items.append((k, render(tag, content), content, template, values))
    emit(system, len(events), items)


# ------------------------------------------------------------------------------------------
# 1. llama.cpp `llama-server`, run as a systemd service and read back with `journalctl -u
#    llama-server` (short format): `Dec 17 09:12:44 gpu-node-03 llama-server[41872]: message`.
#    The messages are the server's own default output (no `--log-prefix`, no
#    `--log-timestamps`): `srv  %12.*s: ` and `slot %12.*s: id %2d | task %d | ` prefixes with
#    the C function name cut or padded to 12 characters. journald splits the multi-line timing
#    report into one entry per line and strips leading and trailing whitespace of each.
#    Content is what follows `llama-server[<pid>]: `.
def llama_server():
    T = [
        ("request", "srv  log_server_r: request: <*> <*> <*> <*>"),
        ("chat_format", "srv  params_from_: Chat format: <*>"),
        ("launch", "slot launch_slot_: id <*> | task <*> | processing task"),
        ("new_prompt", "slot update_slots: id <*> | task <*> | new prompt, n_ctx_slot = 8192, n_keep = 0, n_prompt_tokens = <*>"),
        ("kv_rm", "slot update_slots: id <*> | task <*> | kv cache rm [<*>, end)"),
        ("progress", "slot update_slots: id <*> | task <*> | prompt processing progress, n_past = <*>, n_tokens = <*>, "
                     "progress = <*>"),
        ("prompt_done", "slot update_slots: id <*> | task <*> | prompt done, n_past = <*>, n_tokens = <*>"),
        ("release", "slot      release: id <*> | task <*> | stop processing: n_past = <*>, truncated = 0"),
        ("timing", "slot print_timing: id <*> | task <*> |"),
        ("prompt_eval", "prompt eval time = <*> ms / <*> tokens (<*> ms per token, <*> tokens per second)"),
        ("eval", "eval time = <*> ms / <*> tokens (<*> ms per token, <*> tokens per second)"),
        ("total", "total time = <*> ms / <*> tokens"),
        ("idle", "srv  update_slots: all slots are idle"),
        ("send_error", "srv    send_error: task id = <*>, error: <*>"),
        ("cancel", "srv  cancel_tasks: cancel task, id_task = <*>"),
    ]
    K = {name: i for i, (name, _) in enumerate(T)}
    TPL = dict(T)
    host, pid = "gpu-node-03", R.randint(20000, 60000)
    out = []  # (t_ms, seq, k, content, template, values)
    seq = {"n": 0}

    def add(t, name, *values, seq_at=None):
        content, template, vals = ev_padded(TPL[name], *values)
        s = seq["n"] if seq_at is None else seq_at
        seq["n"] += 1
        out.append((t, s, K[name], content, template, vals))
        return s

    t0 = (DAY + R.randint(8 * 3600 + 600, 8 * 3600 + 3000)) * 1000 + R.randint(0, 999)
    span = 40 * 60 * 1000
    arrivals = []
    t = t0 + R.randint(0, 9000)
    while t < t0 + span:
        arrivals.append((t, "health"))
        t += 10000 + R.randint(-30, 30)
    t = t0 + R.randint(0, 29000)
    while t < t0 + span:
        arrivals.append((t, "metrics"))
        t += 30000 + R.randint(-20, 20)
    t = t0 + R.randint(1500, 12000)
    while t < t0 + span:
        arrivals.append((t, "gen"))
        t += int(R.expovariate(1 / 19000.0)) + 700
    for _ in range(14):
        arrivals.append((t0 + R.randint(0, span), pick(["models", "stray"])))
    arrivals.sort()

    busy = [0, 0, 0, 0]
    intervals = []  # (slot, launch_t, release_t, seq of the line the idle message follows)
    task = {"n": R.randint(1200, 4000)}

    def next_task():
        task["n"] += 1
        return task["n"]

    CANCEL, CTX, GRAMMAR = {2, 7, 12, 17, 21}, {4, 10, 15, 19}, {6, 14, 23}
    ctx_errors = ["the request exceeds the available context size, try increasing it"]
    gi = 0
    chats = 0
    for t, kind in arrivals:
        if kind == "health":
            add(t + R.randint(0, 2), "request", "GET", "/health", "127.0.0.1", "200")
            continue
        if kind == "metrics":
            next_task()
            add(t + R.randint(1, 4), "request", "GET", "/metrics", "10.8.3.14", "200")
            continue
        if kind == "models":
            add(t + R.randint(0, 3), "request", "GET", "/v1/models", "10.8.0.21", "200")
            continue
        if kind == "stray":
            add(t + R.randint(0, 2), "request", "GET", pick(["/api/tags", "/api/version", "/api/tags"]), "10.8.1.133", "404")
            continue
        gi += 1
        if gi in GRAMMAR:
            kind = "completion"
        else:
            kind = R.choices(["chat", "completion", "infill"], [55, 25, 20])[0]
        path, ip = {"chat": ("/v1/chat/completions", "10.8.0.21"), "completion": ("/completion", "10.8.2.57"),
                    "infill": ("/infill", "10.8.1.133")}[kind]
        tid = next_task()
        if kind == "chat":
            chats += 1
            add(t, "chat_format", "Hermes 2 Pro" if chats % 4 == 2 else "Content-only")
        if gi in GRAMMAR:
            add(t + 1, "send_error", tid, "Failed to parse grammar")
            add(t + R.randint(2, 4), "request", "POST", path, ip, "400")
            continue
        free = [s for s in range(4) if busy[s] <= t]
        if not free:
            t = min(busy) + 1
            free = [s for s in range(4) if busy[s] <= t]
        s = pick(free)
        sid = "%2d" % s
        tl = t + R.randint(1, 3)
        add(tl, "launch", sid, tid)
        if gi in CTX:
            n_prompt = R.randint(8300, 15500)
        else:
            n_prompt = {"chat": R.randint(250, 7600), "completion": R.randint(40, 1900), "infill": R.randint(500, 3100)}[kind]
        add(tl, "new_prompt", sid, tid, n_prompt)
        if gi in CTX:
            add(tl + 1, "release", sid, tid, 0)
            anchor = add(tl + 1, "send_error", tid, pick(ctx_errors))
            intervals.append((s, tl, tl + 1, anchor))
            busy[s] = tl + 2
            add(tl + R.randint(2, 5), "request", "POST", path, ip, "400")
            continue
        if kind == "chat" and R.random() < 0.75:
            cached = R.randint(n_prompt // 2, n_prompt - 1)
        elif kind == "infill":
            cached = R.randint(n_prompt // 3, n_prompt - 1)
        else:
            cached = 0 if R.random() < 0.6 else R.randint(1, max(1, n_prompt // 4))
        add(tl, "kv_rm", sid, tid, cached)
        pp = R.uniform(0.26, 0.48)
        n_past, left, tcur, prompt_ms = cached, n_prompt - cached, tl, 0.0
        while left > 0:
            b = min(2048, left)
            n_past += b
            left -= b
            add(tcur, "progress", sid, tid, n_past, b, "%f" % (n_past / n_prompt))
            if left == 0:
                add(tcur, "prompt_done", sid, tid, n_past, b)
            dt = b * pp + R.uniform(4, 9)
            prompt_ms += dt
            tcur += int(dt) + 1
        n_gen = {"chat": R.randint(40, 900), "completion": R.randint(16, 420), "infill": R.randint(6, 110)}[kind]
        tg = R.uniform(16.5, 24.0)
        if gi in CANCEL:
            k = R.randint(5, n_gen - 1)
            tc = tcur + int(k * tg)
            add(tc, "cancel", tid)
            anchor = add(tc + 1, "release", sid, tid, n_prompt + k)
            intervals.append((s, tl, tc + 1, anchor))
            busy[s] = tc + 2
            add(tc + R.randint(2, 6), "request", "POST", path, ip, "200")
            continue
        eval_ms = n_gen * tg
        tend = tcur + int(eval_ms)
        add(tend, "release", sid, tid, n_prompt + n_gen)
        add(tend, "timing", sid, tid)
        n_proc = n_prompt - cached
        add(tend, "prompt_eval", "%10.2f" % prompt_ms, "%5d" % n_proc, "%8.2f" % (prompt_ms / n_proc),
            "%8.2f" % (1000.0 * n_proc / prompt_ms))
        add(tend, "eval", "%10.2f" % eval_ms, "%5d" % n_gen, "%8.2f" % (eval_ms / n_gen), "%8.2f" % (1000.0 * n_gen / eval_ms))
        anchor = add(tend, "total", "%10.2f" % (prompt_ms + eval_ms), "%5d" % (n_proc + n_gen))
        intervals.append((s, tl, tend, anchor))
        busy[s] = tend + 1
        add(tend + R.randint(1, 5), "request", "POST", path, ip, "200")

    for i, (s, a, b, anchor) in enumerate(intervals):
        if not any(a2 <= b < b2 for j, (s2, a2, b2, _) in enumerate(intervals) if j != i):
            add(b, "idle", seq_at=anchor + 0.5)
    out.sort(key=lambda x: (x[0], x[1]))
    items = []
    for t, _, k, content, template, values in out[:LINES]:
        g = time.gmtime(t // 1000)
        stamp = "%s %02d %02d:%02d:%02d" % (MONTHS[g.tm_mon - 1], g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec)
        items.append((k, "%s %s llama-server[%d]: %s" % (stamp, host, pid, content), content, template, values))
    emit("LlamaCppServer", len(T), items)


# ------------------------------------------------------------------------------------------
# 2. JupyterHub (KubeSpawner, configurable-http-proxy started by the hub, both on the hub's
#    stdout). The hub's default log format is `[%(levelname)1.1s %(asctime)s.%(msecs).03d
#    %(name)s %(module)s:%(lineno)d] %(message)s`: `[I 2026-12-17 10:00:00.123 JupyterHub
#    log:192] message`. The proxy's lines are `10:00:00.123 [ConfigProxy] info: message`.
#    Content is what follows `] ` (hub) or `<level>: ` (proxy).
def jupyterhub():
    c = Clock(lo_ms=40, hi_ms=34000)
    names = ["lfernandes", "t.nakamura", "priya.r", "okoye", "hkowalczyk", "svenja", "mrossi", "dchen7", "a.baptiste", "zuri.m",
             "jbergstrom", "ahmadi"]

    def escape(n):
        return "".join(ch if (ch.islower() or ch.isdigit()) else "-%02x" % ord(ch) for ch in n)

    users = [{"name": n, "pod": "jupyter-" + escape(n), "ip": "10.42.%d.%d" % (R.randint(1, 9), R.randint(2, 250)),
              "client": "172.20.%d.%d" % (R.randint(10, 40), R.randint(2, 250))} for n in names]
    cur = {"level": "I"}

    def ms():
        return "%.2f" % (R.uniform(0.8, 40) if R.random() < 0.9 else R.uniform(40, 1900))

    def request():
        u = pick(users)
        r = R.random()
        culler = ("jupyterhub-idle-culler", "127.0.0.1")
        if r < 0.56:
            st, m, uri, who = "200", "POST", "/hub/api/users/%s/activity" % u["name"], (u["name"], u["ip"])
        elif r < 0.68:
            st, m, uri, who = "200", "GET", "/hub/api/users/%s/server/progress" % u["name"], (u["name"], u["client"])
        elif r < 0.75:
            st, m, uri, who = "200", "GET", "/hub/home", (u["name"], u["client"])
        elif r < 0.81:
            st, m, uri, who = "200", "GET", "/hub/api/users?state=ready&offset=0&limit=200", culler
        elif r < 0.86:
            st, m, uri, who = "202", "POST", "/hub/api/users/%s/server" % u["name"], (u["name"], u["client"])
        elif r < 0.90:
            st, m, uri, who = "204", "DELETE", "/hub/api/users/%s/server" % u["name"], culler
        elif r < 0.96:
            st, m, uri, who = "424", "GET", "/hub/user/%s/api/kernels?%d" % (u["name"], c.epoch_ms()), (u["name"], u["client"])
        else:
            st, m, uri, who = "403", "POST", "/hub/api/users/%s/activity" % pick(users)["name"], (u["name"], u["ip"])
        cur["level"] = "I" if int(st) < 400 else "W"
        return ev("<*> <*> <*> (<*>@<*>) <*>ms", st, m, uri, who[0], who[1], ms())

    def redirect():
        u = pick(users)
        n = u["name"]
        r = R.randint(0, 5)
        if r == 0:
            st, m, uri, loc = "302", "GET", "/hub/", "/hub/home"
        elif r == 1:
            st, m, uri, loc = "302", "GET", "/hub/spawn/%s" % n, "/hub/spawn-pending/%s" % n
        elif r == 2:
            st, m, uri, loc = "302", "GET", "/hub/user/%s/lab" % n, "/user/%s/lab" % n
        elif r == 3:
            st, m = "302", "GET"
            uri = ("/hub/api/oauth2/authorize?client_id=jupyterhub-user-%s&redirect_uri=%%2Fuser%%2F%s%%2Foauth_callback"
                   "&response_type=code&state=[secret]" % (n, n))
            loc = "/user/%s/oauth_callback?code=[secret]&state=[secret]" % n
        elif r == 4:
            st, m, uri, loc = "303", "POST", "/hub/spawn/%s" % n, "/hub/spawn-pending/%s" % n
        else:
            st, m, uri, loc = "302", "POST", "/hub/login?next=%2Fhub%2F", "/hub/"
        return ev("<*> <*> <*> -> <*> (<*>@<*>) <*>ms", st, m, uri, loc, n, u["client"], ms())

    def uname():
        return pick(users)["name"]

    def pod():
        return ev("Attempting to create pod <*>, with timeout 3", pick(users)["pod"])

    def add_user():
        u = pick(users)
        return ev("Adding user <*> to proxy <*> => <*>", u["name"], "/user/%s/" % u["name"], "http://%s:8888" % u["ip"])

    def chp_add():
        u = pick(users)
        return ev("Adding route <*> -> <*>", "/user/%s" % u["name"], "http://%s:8888" % u["ip"])

    def remove_user():
        u = pick(users)
        return ev("Removing user <*> from proxy (<*>)", u["name"], "/user/%s/" % u["name"])

    failed_names = Cycle(["admin", "Priya Raman", "t.nakamura@uni.example", "root", "test' OR '1'='1"])
    spawn_errors = Cycle([
        lambda u: "Timeout",
        lambda u: "Server at http://%s:8888/user/%s/ didn't respond in 30 seconds" % (u["ip"], u["name"]),
        lambda u: "pod %s failed to start: 0/6 nodes are available: 2 Insufficient nvidia.com/gpu, 4 node(s) didn't match "
                  "Pod's node affinity/selector." % u["pod"],
    ])

    def spawn_failed():
        u = pick(users)
        return ev("Previous spawn for <*> failed: <*>", u["name"], spawn_errors()(u))

    def chp_503():
        u = pick(users)
        path = pick(["/user/%s/api/kernels/%s/channels?session_id=%s" % (u["name"], uuid4(), uuid4()), "/user/%s/lab" % u["name"],
                     "/user/%s/api/contents/work?content=1" % u["name"], "/user/%s/api/sessions" % u["name"]])
        return ev("503 <*> <*> connect ECONNREFUSED <*>", pick(["GET", "GET", "POST"]), path, "%s:8888" % u["ip"])

    events = [
        (131, ("hub", None, "log:192"), request),
        (28, ("hub", "I", "log:192"), redirect),
        (18, ("chp", "info", None), lambda: ev("200 GET /api/routes")),
        (18, ("hub", "I", "spawner:2763"), pod),
        (16, ("hub", "I", "proxy:330"), add_user),
        (16, ("chp", "info", None), chp_add),
        (16, ("hub", "I", "base:1103"), lambda: ev("User <*> took <*> seconds to start", uname(), "%.3f" % R.uniform(2.5, 95))),
        (14, ("hub", "I", "base:963"), lambda: ev("User logged in: <*>", uname())),
        (8, ("hub", "I", "proxy:357"), remove_user),
        (8, ("chp", "info", None), lambda: ev("Removing route <*>", "/user/%s" % uname())),
        (8, ("hub", "I", "base:1257"), lambda: ev("User <*> server took <*> seconds to stop", uname(), "%.3f" % R.uniform(0.2, 12))),
        (6, ("hub", "W", "base:1121"), lambda: ev("User <*> is slow to start (timeout=10)", uname())),
        (5, ("hub", "W", "login:182"), lambda: ev("Failed login for <*>", failed_names())),
        (5, ("chp", "error", None), chp_503),
        (3, ("hub", "E", "base:1049"), spawn_failed),
    ]

    def render(tag, content):
        kind, level, where = tag
        if kind == "chp":
            return "%s [ConfigProxy] %s: %s" % (c.chp(), level, content)
        return "[%s %s JupyterHub %s] %s" % (level or cur["level"], c.jhub(), where, content)
    write("JupyterHub", c, events, render)


# ------------------------------------------------------------------------------------------
# 3. VictoriaMetrics single-node (`victoria-metrics-prod`), its default log format
#    (`-loggerFormat=default`, UTC): tab-separated `2026-12-17T10:00:00.123Z<TAB>warn<TAB>
#    VictoriaMetrics/lib/promscrape/scrapework.go:491<TAB>message`. Levels `info`, `warn`,
#    `error`; the caller is the source file and line. Content is what follows the third tab.
def victoriametrics():
    c = Clock(lo_ms=200, hi_ms=52000)
    targets = [
        ("http://10.42.3.17:9100/metrics", '{instance="10.42.3.17:9100",job="node-exporter"}'),
        ("http://10.42.5.4:9100/metrics", '{instance="10.42.5.4:9100",job="node-exporter"}'),
        ("http://10.42.7.31:8080/actuator/prometheus",
         '{instance="10.42.7.31:8080",job="billing-api",namespace="billing",pod="billing-api-6d9f7c5b8-x2vqk"}'),
        ("https://10.42.0.1:10250/metrics/cadvisor", '{instance="k3s-worker-3",job="kubelet",metrics_path="/metrics/cadvisor"}'),
        ("http://10.42.9.8:9187/metrics", '{instance="10.42.9.8:9187",job="postgres-exporter"}'),
        ("http://10.42.2.50:9113/metrics", '{instance="10.42.2.50:9113",job="nginx"}'),
    ]

    def scrape():
        url, labels = pick(targets)
        hostport = url.split("/")[2]
        q = '"%s"' % url
        r = R.random()
        if r < 0.45:
            err = "cannot read data: cannot perform request to %s: dial tcp4 %s: connect: connection refused" % (q, hostport)
        elif r < 0.65:
            err = ("cannot read data: cannot perform request to %s: timeout exceeded while waiting for response; try increasing "
                   "scrape_timeout (current value: 10s)" % q)
        elif r < 0.8:
            err = ('unexpected status code returned when scraping %s: 503; expecting 200; response body: "upstream connect error '
                   'or disconnect/reset before headers. reset reason: connection failure"' % q)
        elif r < 0.9:
            err = "cannot read data: unexpected EOF"
        else:
            err = ("the response from %s exceeds -promscrape.maxScrapeSize=16777216 or max_scrape_size in the scrape config; either "
                   "reduce the response size for the target or increase max_scrape_size" % q)
        total = R.randint(2, 31)
        return ev('cannot scrape target "<*>" (<*>) <*> out of <*> times during -promscrape.suppressScrapeErrorsDelay=5m0s; '
                  'the last error: <*>', url, labels, R.randint(1, total), total, err)

    cur = {"caller": None}
    idb = hexid(16, "0123456789ABCDEF")

    def merged():
        n = R.randint(2, 15)
        rows = R.randint(20000, 90000000) if R.random() < 0.8 else R.randint(90000000, 900000000)
        blocks = max(1, rows // R.randint(1500, 8000))
        size = rows * R.randint(3, 9) // 10
        out_rows = rows - (R.randint(0, rows // 50) if R.random() < 0.3 else 0)
        secs = R.uniform(0.02, 1.5) * (1 + rows / 20000000.0)
        if R.random() < 0.3:
            cur["caller"] = "VictoriaMetrics/lib/mergeset/table.go:1102"
            path = "/victoria-metrics-data/indexdb/%s/%s" % (idb, hexid(16, "0123456789ABCDEF"))
        else:
            cur["caller"] = "VictoriaMetrics/lib/storage/partition.go:1437"
            path = "/victoria-metrics-data/data/%s/2026_12/%s" % (pick(["small", "small", "small", "big"]), hexid(16, "0123456789ABCDEF"))
        return ev('merged (<*> parts, <*> rows, <*> blocks, <*> bytes) into (1 part, <*> rows, <*> blocks, <*> bytes) in <*> seconds '
                  'at <*> rows/sec to "<*>"', n, rows, blocks, size, out_rows, blocks - R.randint(0, blocks // 20),
                  size - R.randint(0, size // 10), "%.3f" % secs, int(rows / secs), path)

    clients = ["10.42.0.15", "10.42.4.77", "10.42.8.3"]

    def api_error():
        addr = "%s:%d" % (pick(clients), R.randint(32768, 60999))
        r = R.randint(0, 4)
        if r == 0:
            uri = "/api/v1/query_range"
            err = ('error when executing query="sum(rate(container_cpu_usage_seconds_total{namespace=~\\"prod|staging\\"}[5m])) by '
                   '(pod)" on the time range (start=%d000, end=%d000, step=15000): cannot execute query: not enough memory for '
                   'processing %d data points across %d time series with 240 points in each time series; total available memory '
                   'for concurrent requests: 2147483648 bytes; requested memory: %d bytes; possible solutions are: reducing the '
                   'number of matching time series; increasing `step` query arg (step=15s); increasing -search.maxMemoryPerQuery'
                   % (c.epoch_ms() // 1000 - 3600, c.epoch_ms() // 1000, 240 * 172031, 172031, 330298880))
        elif r == 1:
            uri = '/api/v1/export?match[]={__name__=~"node_.*"}&start=-7d'
            err = ("the number of matching timeseries exceeds 300000; either narrow down the search or increase "
                   "-search.maxUniqueTimeseries command-line flag value")
        elif r == 2:
            uri = "/api/v1/query?query=rate(http_requests_total[5m)&time=%d" % (c.epoch_ms() // 1000)
            err = 'cannot parse query "rate(http_requests_total[5m)": unexpected token ")"; want "]"'
        elif r == 3:
            uri = "/api/v1/labels?start=yesterday"
            err = 'cannot parse "start" arg: cannot parse "yesterday" as timestamp'
        else:
            uri = "/api/v1/write"
            err = "cannot read request body: unexpected EOF"
        return ev('remoteAddr: "<*>"; requestURI: <*>; <*>', addr, uri, err)

    k8s_urls = ["https://10.96.0.1:443/api/v1/pods", "https://10.96.0.1:443/api/v1/endpoints", "https://10.96.0.1:443/api/v1/services",
                "https://10.96.0.1:443/apis/discovery.k8s.io/v1/endpointslices", "https://10.96.0.1:443/api/v1/nodes"]
    rv = {"n": R.randint(40000000, 48000000)}

    def reloaded():
        rv["n"] += R.randint(50, 90000)
        return ev('reloaded <*> objects from "<*>" in <*>s; updated=<*>, removed=<*>, added=<*>, resourceVersion="<*>"',
                  R.randint(6, 2400), pick(k8s_urls), "%.3f" % R.uniform(0.004, 2.8), R.randint(0, 40), R.randint(0, 6),
                  R.randint(0, 6), rv["n"])

    queries = [
        'sum by (namespace, pod) (rate(container_cpu_usage_seconds_total{namespace=~\\"prod|staging\\",container!=\\"\\"}[5m]))',
        'histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket{job=\\"billing-api\\"}[10m])) by (le, route))',
        'count(up == 0)',
        'topk(10, sum by (instance) (node_filesystem_avail_bytes{fstype!~\\"tmpfs|overlay\\"}))',
        'increase(pg_stat_database_xact_commit{datname=\\"billing\\"}[1h])',
    ]

    def slow():
        end = c.epoch_ms() // 1000
        rng = pick([3600, 21600, 86400, 604800])
        return ev('slow query according to -search.logSlowQueryDuration=5s: remoteAddr="<*>", duration=<*> seconds, start=<*>, '
                  'end=<*>, step=<*>, query="<*>"', "%s:%d" % (pick(clients), R.randint(32768, 60999)), "%.3f" % R.uniform(5, 48),
                  (end - rng) * 1000, end * 1000, pick([15000, 30000, 60000, 300000]), pick(queries))

    sd_names = ["static_configs", "kubernetes_sd_configs", "file_sd_configs", "consul_sd_configs"]

    def added():
        return ev("<*>: added targets: <*>, removed targets: <*>; total targets: <*>", pick(sd_names), R.randint(0, 14),
                  R.randint(0, 9), R.randint(12, 460))

    bad_lines = Cycle([
        ('http_requests_total{method=\\"GET\\",path=\\"/api/v1/orders} 1027', "cannot find closing quote for label value"),
        ('queue_depth{queue=\\"emails\\"} 12,5', 'cannot parse value "12,5": strconv.ParseFloat: parsing "12,5": invalid syntax'),
        ("process_start_time_seconds", "missing value"),
        ('jvm_gc_pause_seconds_count{action=\\"end of minor GC\\",cause=\\"G1 Evacuation Pause\\"} 41 17975x',
         'cannot parse timestamp "17975x": strconv.ParseInt: parsing "17975x": invalid syntax'),
    ])

    def unmarshal():
        line, err = bad_lines()
        return ev('cannot unmarshal Prometheus line "<*>": <*>', line, err)

    old_series = ['{__name__="backup_last_success_timestamp",instance="nas-01",job="pushgateway"}',
                  '{__name__="batch_rows_processed_total",exported_job="nightly-export",job="pushgateway"}',
                  '{__name__="meter_reading_kwh",site="plant 4, hall B",job="iot-bridge"}']

    def too_small():
        now = c.epoch_ms()
        lo = now - 90 * 86400 * 1000
        return ev("cannot insert row with too small timestamp <*> outside the retention; minimum allowed timestamp is <*>; probably "
                  "you need updating -retentionPeriod command-line flag; metricName: <*>", lo - R.randint(3600000, 900000000), lo,
                  pick(old_series))

    snaps = []

    def snapshot_created():
        g = c.g()
        name = "%04d%02d%02d%02d%02d%02d-%s" % (g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec,
                                                hexid(16, "0123456789ABCDEF"))
        snaps.append(name)
        return ev('created snapshot "<*>" in <*> seconds', name, "%.3f" % R.uniform(0.05, 2.4))

    def snapshot_deleted():
        if snaps:
            name = snaps.pop(0)
        else:
            g = c.g()
            name = "%04d%02d%02d%02d%02d%02d-%s" % (g.tm_year, g.tm_mon, g.tm_mday - 1, g.tm_hour, g.tm_min, g.tm_sec,
                                                    hexid(16, "0123456789ABCDEF"))
        return ev('deleted snapshot "<*>" in <*> seconds', name, "%.3f" % R.uniform(0.01, 0.9))

    snap_errors = Cycle([
        'cannot create hard link from "/victoria-metrics-data/data/small/2026_12/181A5F4C9E3D7B21/values.bin" to '
        '"/victoria-metrics-data/snapshots/tmp/181A5F4C9E3D7B21/values.bin": no space left on device',
        "cannot flush pending rows: context canceled",
        "another snapshot is already in progress",
    ])

    events = [
        (119, ("warn", ["VictoriaMetrics/lib/promscrape/scrapework.go:491"]), scrape),
        (60, ("info", None), merged),
        (25, ("warn", ["VictoriaMetrics/lib/httpserver/httpserver.go:694"]), api_error),
        (22, ("info", ["VictoriaMetrics/lib/promscrape/discovery/kubernetes/api_watcher.go:602"]), reloaded),
        (18, ("warn", ["VictoriaMetrics/app/vmselect/promql/exec.go:62"]), slow),
        (14, ("info", ["VictoriaMetrics/lib/promscrape/config.go:417"]), added),
        (12, ("warn", ["VictoriaMetrics/lib/protoparser/prometheus/parser.go:64"]), unmarshal),
        (10, ("warn", ["VictoriaMetrics/lib/storage/storage.go:1911"]), too_small),
        (7, ("info", ["VictoriaMetrics/lib/storage/storage.go:370"]), snapshot_created),
        (6, ("info", ["VictoriaMetrics/lib/storage/storage.go:452"]), snapshot_deleted),
        (4, ("info", ["VictoriaMetrics/lib/promscrape/scraper.go:172"]),
         lambda: ev('SIGHUP received; reloading Prometheus configs from "/etc/victoriametrics/promscrape.yml"')),
        (3, ("error", ["VictoriaMetrics/app/vmstorage/main.go:378"]), lambda: ev("cannot create snapshot: <*>", snap_errors())),
    ]

    def render(tag, content):
        level, callers = tag
        caller = cur["caller"] if callers is None else callers[0]
        return "%s\t%s\t%s\t%s" % (c.vm(), level, caller, content)
    write("VictoriaMetrics", c, events, render)


# ------------------------------------------------------------------------------------------
# 4. Teleport (auth and proxy service in one `teleport` process), its default text log on
#    stderr: `2026-12-17T10:00:00Z INFO [AUDIT]     message key:value ... file.go:123`. The level
#    is cut to four letters (`INFO`, `WARN`, `ERRO`); the component in brackets is padded to 11
#    characters and followed by a space; after the message come the logrus fields, sorted by key,
#    as `key:value`, then the caller. Audit events are logged by the `[AUDIT]` component with the
#    event type as the message. Content is what follows the padded component (the fields and the
#    caller are part of it).
def teleport():
    c = Clock(lo_ms=40, hi_ms=30000)
    cluster = "tele.acme-corp.net"
    users = ["m.okafor@acme-corp.net", "lena.vogt@acme-corp.net", "r.iyer@acme-corp.net", "t.haddad@acme-corp.net", "ci-deployer",
             "oncall-bot"]
    people = users[:4]
    logins = ["ubuntu", "ec2-user", "root", "deploy", "postgres"]
    nodes = [("ip-10-40-8-21", "10.40.8.21:3022", uuid4(), "env:prod team:payments"),
             ("db-replica-2", "10.40.12.7:3022", uuid4(), "env:prod role:db team:data"),
             ("bastion-eu1", "10.40.0.10:3022", uuid4(), "env:prod"),
             ("build-runner-07", "10.40.20.57:3022", uuid4(), "env:ci pool:arm64"),
             ("k3s-worker-3", "10.40.30.3:3022", uuid4(), "env:staging team:platform")]
    sessions = []

    def remote():
        return "%s:%d" % (pick(["203.0.113.45", "198.51.100.7", "192.0.2.88", "10.40.0.10", "100.64.12.9"]), R.randint(32768, 65000))

    def session_start():
        host, addr, sid_, labels = pick(nodes)
        s = {"sid": uuid4(), "node": (host, addr, sid_), "user": pick(users), "login": pick(logins), "start": c.ns}
        sessions.append(s)
        return ev("session.start addr.remote:<*> cluster_name:" + cluster + " code:T2000I ei:0 event:session.start login:<*> "
                  "namespace:default private_key_policy:none proto:ssh server_addr:<*> server_hostname:<*> server_id:<*> "
                  "server_labels:map[<*>] session_recording:node sid:<*> size:<*> time:<*> uid:<*> user:<*> events/emitter.go:263",
                  remote(), s["login"], addr, host, sid_, labels, s["sid"], pick(["80:24", "212:58", "157:43", "120:40"]),
                  c.rfc3339nano(), uuid4(), s["user"])

    def session_end():
        if sessions and R.random() < 0.85:
            s = sessions.pop(0)
        else:
            host, addr, sid_, _ = pick(nodes)
            s = {"sid": uuid4(), "node": (host, addr, sid_), "user": pick(users), "login": pick(logins),
                 "start": c.ns - R.randint(60, 7200) * 10 ** 9}
        host, addr, sid_ = s["node"]
        parts = s["user"] if R.random() < 0.8 else "%s %s" % (s["user"], pick([p for p in people if p != s["user"]]))
        return ev("session.end cluster_name:" + cluster + " code:T2004I ei:<*> enhanced_recording:false event:session.end "
                  "interactive:true login:<*> namespace:default participants:[<*>] private_key_policy:none proto:ssh server_addr:<*> "
                  "server_hostname:<*> server_id:<*> session_recording:node session_start:<*> session_stop:<*> sid:<*> time:<*> "
                  "uid:<*> user:<*> events/emitter.go:263", R.randint(3, 2400), s["login"], parts, addr, host, sid_,
                  c.rfc3339nano(s["start"]), c.rfc3339nano(), s["sid"], c.rfc3339nano(), uuid4(), s["user"])

    agents = ["Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "tsh/17.1.4",
              "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
              "tsh/17.0.2", "teleport-connect/17.1.4"]

    def login_ok():
        u = pick(users)
        method = "local" if u in ("ci-deployer", "oncall-bot") else pick(["github", "saml", "saml"])
        return ev("user.login addr.remote:<*> cluster_name:" + cluster + " code:T1000I ei:0 event:user.login method:<*> success:true "
                  "time:<*> uid:<*> user:<*> user_agent:<*> events/emitter.go:263", remote(), method, c.rfc3339nano(), uuid4(), u,
                  pick(agents))

    login_errors = Cycle([("local", "invalid username, password or second factor", "oncall-bot"),
                          ("local", 'user(name="ci-deployer") is locked until 2026-12-17 11:20:04.018 +0000 UTC: 5 failed login attempts',
                           "ci-deployer"),
                          ("github", "user \"r.iyer@acme-corp.net\" does not belong to any teams configured in \"github\" connector",
                           "r.iyer@acme-corp.net"),
                          ("saml", "access denied", "t.haddad@acme-corp.net")])

    def login_failed():
        method, err, u = login_errors()
        return ev("user.login addr.remote:<*> cluster_name:" + cluster + " code:T1000W ei:0 error:<*> event:user.login method:<*> "
                  "success:false time:<*> uid:<*> user:<*> user_agent:<*> events/emitter.go:263", remote(), err, method,
                  c.rfc3339nano(), uuid4(), u, pick(agents))

    roles = {"m.okafor@acme-corp.net": "access editor", "lena.vogt@acme-corp.net": "access", "r.iyer@acme-corp.net": "access dba",
             "t.haddad@acme-corp.net": "access auditor", "ci-deployer": "bot-ci-deployer", "oncall-bot": "access oncall"}

    def cert_create():
        u = pick(users)
        exp = c.rfc3339nano(c.ns + pick([8, 12, 1]) * 3600 * 10 ** 9)
        ident = "expires:%s logins:[%s] roles:[%s] route_to_cluster:%s user:%s" % (exp, " ".join(R.sample(logins, R.randint(1, 3))),
                                                                                   roles[u], cluster, u)
        return ev("cert.create cert_type:<*> cluster_name:" + cluster + " code:TC000I ei:0 event:cert.create identity:map[<*>] "
                  "time:<*> uid:<*> events/emitter.go:263", pick(["user", "user", "user", "db"]), ident, c.rfc3339nano(), uuid4())

    commands = ["df -h", "sudo systemctl restart nginx", "uptime",
                "bash -c 'journalctl -u billing-api --since \"10 min ago\" | tail -n 50'",
                "cat /etc/os-release", "kubectl -n payments rollout status deploy/ledger --timeout=120s",
                "psql -c \"select count(*) from pg_stat_activity where state = 'active'\"", "ls"]

    def exec_():
        host, addr, sid_, _ = pick(nodes)
        code = "0" if R.random() < 0.8 else pick(["1", "2", "127"])
        return ev("exec addr.local:<*> addr.remote:<*> cluster_name:" + cluster + " code:<*> command:<*> ei:0 event:exec exitCode:<*> "
                  "login:<*> namespace:default private_key_policy:none proto:ssh server_hostname:<*> server_id:<*> sid:<*> time:<*> "
                  "uid:<*> user:<*> events/emitter.go:263", addr, remote(), "T3002I" if code == "0" else "T3002E", pick(commands), code,
                  pick(logins), host, sid_, uuid4(), c.rfc3339nano(), uuid4(), pick(users))

    def upload():
        return ev("Session upload completed. duration:<*> session-id:<*> events/filesessions/fileasync.go:455",
                  go_duration(R.randint(8 * 10 ** 6, 9 * 10 ** 9)), uuid4())

    alpn_errors = ["EOF", "tls: first record does not look like a TLS handshake",
                   "read tcp [2001:db8:40::5]:443->[2001:db8:ff::17]:52144: read: connection reset by peer",
                   "remote error: tls: unknown certificate authority", "tls: client offered only unsupported versions: [302 301]",
                   "read tcp 10.40.1.5:443->198.51.100.7:40112: i/o timeout"]

    def alpn():
        return ev("Failed to handle client connection. error:[<*>] src_addr:<*> alpnproxy/proxy.go:373", pick(alpn_errors), remote())

    reqs = []
    reasons = Cycle(["INC-4821 prod db failover", "deploy hotfix", "investigating billing export job: stuck since 03:00 UTC, see #ops",
                     "on-call"])
    req_roles = Cycle(["dba-prod", "k8s-admin-prod", "dba-prod prod-ssh-root"])

    def access_create():
        rid = uuid4()
        reqs.append(rid)
        return ev("access_request.create cluster_name:" + cluster + " code:T5000I ei:0 event:access_request.create id:<*> reason:<*> "
                  "roles:[<*>] state:PENDING time:<*> uid:<*> user:<*> events/emitter.go:263", rid, reasons(), req_roles(),
                  c.rfc3339nano(), uuid4(), pick(people))

    states = Cycle(["APPROVED", "DENIED", "APPROVED"])

    def access_update():
        rid = reqs.pop(0) if reqs else uuid4()
        return ev("access_request.update cluster_name:" + cluster + " code:T5001I ei:0 event:access_request.update id:<*> state:<*> "
                  "time:<*> uid:<*> updated_by:<*> events/emitter.go:263", rid, states(), c.rfc3339nano(), uuid4(),
                  pick(["m.okafor@acme-corp.net", "lena.vogt@acme-corp.net"]))

    leaf_errors = Cycle([("edge-fra1", "no tunnel connection found: no edge-fra1 reverse tunnel available"),
                         ("lab-sg", "context deadline exceeded"), ("edge-fra1", "ping failed: ssh: unexpected packet in response to channel open")])
    dial_errors = Cycle([("db-replica-2", "dial tcp 10.40.12.7:3022: connect: no route to host"),
                         ("k3s-worker-3", "ssh: handshake failed: EOF"), ("build-runner-07", "failed to find node: not found")])
    locks = Cycle([("ci-deployer", "2026-12-17T11:20:04Z"), ("oncall-bot", "2026-12-17T11:48:31Z")])

    events = [
        (97, ("WARN", "ALPN:PROX"), alpn),
        (40, ("INFO", "AUDIT"), cert_create),
        (32, ("INFO", "AUDIT"), session_start),
        (28, ("INFO", "AUDIT"), session_end),
        (26, ("INFO", "UPLOAD:1"), upload),
        (24, ("INFO", "AUDIT"), login_ok),
        (20, ("INFO", "AUDIT"), exec_),
        (8, ("INFO", "AUDIT"), login_failed),
        (6, ("INFO", "AUDIT"), access_create),
        (5, ("INFO", "AUDIT"), access_update),
        (6, ("WARN", "PROXY:SER"), lambda: ev("Failed to ping remote cluster. cluster:<*> error:[<*>] reversetunnel/remotesite.go:417",
                                              *leaf_errors())),
        (5, ("ERRO", "SSH:PROXY"), lambda: ev("Failed to dial target host. error:[<*>] target:<*> proxy/router.go:274",
                                              *reversed(dial_errors()))),
        (3, ("WARN", "AUTH"), lambda: ev("User exceeded the number of failed login attempts and was locked. locked_until:<*> user:<*> "
                                         "auth/auth.go:2316", *reversed(locks()))),
    ]

    def render(tag, content):
        level, comp = tag
        return "%s %s %-11s %s" % (c.rfc3339(), level, "[%s]" % comp, content)
    write("Teleport", c, events, render)


# ------------------------------------------------------------------------------------------
# 5. Sonarr (v4, .NET), its log file `logs/sonarr.txt`, NLog layout
#    `${date:format=yyyy-MM-dd HH\:mm\:ss.f}|${level}|${logger}|${message}`:
#    `2026-12-17 10:00:00.1|Info|RssSyncService|message`. Levels `Info`, `Warn`, `Error`; the
#    logger is the short class name. Content is what follows the third `|`.
def sonarr():
    c = Clock(lo_ms=100, hi_ms=42000)
    series = [("The Expanse", 280619, "The.Expanse"), ("Star Trek: Strange New Worlds", 382389, "Star.Trek.Strange.New.Worlds"),
              ("Love, Death & Robots", 357888, "Love.Death.and.Robots"), ("Welcome to Chippendales", 401620, "Welcome.to.Chippendales"),
              ("Shōgun (2024)", 392573, "Shogun.2024"), ("Mr. & Mrs. Smith (2024)", 418271, "Mr.and.Mrs.Smith.2024"),
              ("The Bear", 403245, "The.Bear"), ("Only Murders in the Building", 383275, "Only.Murders.in.the.Building"),
              ("Bluey (2018)", 353546, "Bluey.2018"), ("Slow Horses", 388447, "Slow.Horses"),
              ("Law & Order: Special Victims Unit", 75692, "Law.and.Order.SVU"), ("Severance", 371980, "Severance"),
              ("Frieren: Beyond Journey's End", 424536, None)]
    groups = ["ETHEL", "NTb", "FLUX", "EDITH", "SuccessfulCrab", "playWEB", "KOGi", "GLHF"]

    def release_name():
        title, _, scene = pick(series)
        s, e = R.randint(1, 5), R.randint(1, 12)
        if scene is None:
            return "[SubsPlease] Sousou no Frieren - %02d (1080p) [%s]" % (R.randint(1, 28), hexid(8, "0123456789ABCDEF"))
        q = pick(["1080p.WEB.h264", "2160p.ATVP.WEB-DL.DDP5.1.DV.HDR.H.265", "720p.HDTV.x264", "1080p.AMZN.WEB-DL.DDP5.1.H.264",
                  "1080p.BluRay.x264"])
        return "%s.S%02dE%02d.%s-%s" % (scene, s, e, q, pick(groups))

    indexer_urls = [
        "http://prowlarr:9696/4/api?t=tvsearch&cat=5030,5040,5045&extended=1&apikey=(removed)&offset=0&limit=100",
        "http://prowlarr:9696/7/api?t=tvsearch&cat=5000,5070&extended=1&apikey=(removed)&offset=0&limit=100&tvdbid=%d&season=2&ep=5",
        "https://api.nzbgeek.info/api?t=tvsearch&cat=5030,5040&extended=1&apikey=(removed)&offset=0&limit=100&q=Slow%20Horses",
        "https://skyhook.sonarr.tv/v1/tvdb/shows/en/%d",
        "http://qbittorrent:8080/api/v2/torrents/add",
        "http://sabnzbd:8080/api?mode=queue&output=json&apikey=(removed)",
    ]
    statuses = {"prowlarr": ["429.TooManyRequests", "503.ServiceUnavailable", "500.InternalServerError"],
                "nzbgeek": ["429.TooManyRequests", "401.Unauthorized"], "skyhook": ["502.BadGateway", "504.GatewayTimeout"],
                "qbittorrent": ["403.Forbidden"], "sabnzbd": ["503.ServiceUnavailable"]}

    def http_error():
        url = pick(indexer_urls)
        if "%d" in url:
            url = url % pick(series)[1]
        key = next(k for k in statuses if k in url)
        method = "POST" if "torrents/add" in url else "GET"
        return ev("HTTP Error - Res: HTTP/1.1 [<*>] <*>: <*> (<*> bytes)", method, url, pick(statuses[key]),
                  pick(["0", "0", str(R.randint(40, 2400))]) if key != "qbittorrent" else "9")

    indexers = ["NZBgeek (Prowlarr)", "Nyaa.si (Prowlarr)", "TorrentLeech (Prowlarr)", "DrunkenSlug"]

    def report_sent():
        name = release_name()
        idx = "Nyaa.si (Prowlarr)" if name.startswith("[") else pick([i for i in indexers if "Nyaa" not in i])
        client = "qBittorrent" if idx in ("Nyaa.si (Prowlarr)", "TorrentLeech (Prowlarr)") else "SABnzbd"
        return ev("Report sent to <*> from indexer <*>. <*>", client, idx, name)

    ep_titles = ["Part One", "The Long Way Home", "Charades", "Exit Strategies", "Hunting Season", "Fishes", "Who's There?",
                 "A Man, a Plan, a Canal", "Pilot", "Reunion - Part 2"]

    def moving():
        title, _, scene = pick([s for s in series if s[2]])
        s, e = R.randint(1, 5), R.randint(1, 12)
        rel = "%s.S%02dE%02d.1080p.WEB.h264-%s" % (scene, s, e, pick(groups))
        folder = title.replace(":", " -")
        dest = "/tv/%s/Season %d/%s - S%02dE%02d - %s WEBDL-1080p.mkv" % (folder, s, folder, s, e, pick(ep_titles))
        return ev("Moving episode file: <*> to <*>", "/downloads/complete/tv-sonarr/%s/%s.mkv" % (rel, rel.lower()), dest)

    def title():
        return pick(series)[0]

    import_errors = Cycle([
        ("/downloads/complete/tv-sonarr/The.Bear.S03E04.1080p.WEB.h264-ETHEL/the.bear.s03e04.1080p.web.h264-ethel.mkv",
         "Access to the path '/tv/The Bear/Season 3' is denied."),
        ("/downloads/complete/tv-sonarr/Slow.Horses.S04E03.2160p.ATVP.WEB-DL.DDP5.1.DV.HDR.H.265-FLUX/Slow.Horses.S04E03.mkv",
         "No space left on device : '/tv/Slow Horses/Season 4/Slow Horses - S04E03 - Hunting Season WEBDL-2160p.mkv'"),
        ("/downloads/complete/anime/[SubsPlease] Sousou no Frieren - 27 (1080p) [4E1F9A2B].mkv", "File is locked"),
    ])
    auth_ips = ["192.168.1.24", "192.168.1.31", "10.13.0.6", "203.0.113.201"]
    bad_users = Cycle(["admin", "sonarr", "o'brien", "Administrator", "root"])
    queue_errors = Cycle([("qBittorrent", "Unable to connect to qBittorrent, please check your settings"),
                          ("SABnzbd", "Connection refused (sabnzbd:8080)")])

    events = [
        (81, ("Warn", "HttpClient"), http_error),
        (40, ("Info", "DownloadDecisionMaker"), lambda: ev("Processing <*> releases", R.randint(0, 480))),
        (30, ("Info", "RefreshSeriesService"), lambda: ev("Skipping refresh of series: <*>", title())),
        (26, ("Info", "DownloadService"), report_sent),
        (20, ("Info", "RssSyncService"), lambda: ev("Starting RSS Sync")),
        (20, ("Info", "RssSyncService"), lambda: ev("RSS Sync Completed. Reports found: <*>, Reports grabbed: <*>", R.randint(0, 480),
                                                    pick(["0", "0", "0", "1", "2"]))),
        (20, ("Info", "EpisodeFileMovingService"), moving),
        (18, ("Info", "RefreshSeriesService"), lambda: ev("Updating info for <*>", title())),
        (18, ("Info", "DiskScanService"), lambda: ev("Completed scanning disk for <*>", title())),
        (9, ("Info", "Auth"), lambda: ev("Auth-Success ip <*> username '<*>'", pick(auth_ips[:3]), pick(["admin", "media"]))),
        (6, ("Warn", "ImportApprovedEpisodes"), lambda: ev("Couldn't import episode <*>: <*>", *import_errors())),
        (5, ("Warn", "Auth"), lambda: ev("Auth-Failure ip <*> username '<*>'", pick(auth_ips), bad_users())),
        (4, ("Error", "DownloadMonitoringService"), lambda: ev("Unable to retrieve queue and history items from <*>: <*>",
                                                               *queue_errors())),
        (3, ("Info", "HousekeepingService"), lambda: ev("Running housecleaning tasks")),
    ]

    def render(tag, content):
        level, logger = tag
        return "%s|%s|%s|%s" % (c.sonarr(), level, logger, content)
    write("Sonarr", c, events, render)


# ------------------------------------------------------------------------------------------
# 6. Kafka Connect (distributed worker), stdout with the default `connect-log4j.properties`
#    pattern `[%d] %p %X{connector.context}%m (%c:%L)%n`: `[2026-12-17 10:00:00,123] INFO
#    [s3-archive-clicks|task-1] message (org.apache.kafka.connect.runtime.WorkerSinkTask:353)`.
#    The connector context is `[<connector>|task-<n>] `, `[<connector>|task-<n>|offsets] ` on the
#    offset-commit thread, and empty on the herder, REST and producer network threads. The
#    `[Worker clientId=..., groupId=...]` and `[Consumer ...]` / `[Producer ...]` prefixes come
#    from Kafka's LogContext and are part of the message. Content is what follows the level and
#    the connector context; the `(logger:line)` at the end is part of it.
def kafka_connect():
    c = Clock(lo_ms=30, hi_ms=16000)
    me = "connect-10.20.4.11:8083"
    W = "[Worker clientId=" + me + ", groupId=connect-cluster] "
    H = "org.apache.kafka.connect.runtime.distributed.DistributedHerder"
    sinks = {"s3-archive-clicks": ("clicks.raw", 3, 12), "es-sink-catalog": ("catalog.products.v2", 2, 6)}
    sources = ["pg-cdc-billing", "mysql-cdc-inventory"]
    connectors = list(sinks) + sources
    all_tasks = ["%s-%d" % (n, i) for n, (_, nt, _) in sinks.items() for i in range(nt)] + ["%s-0" % s for s in sources]
    cur = {"ctx": ""}
    offsets, seqno, epochs = {}, {}, {}

    def sink_task():
        name = pick(list(sinks))
        return name, R.randint(0, sinks[name][1] - 1)

    def parts_of(name, i):
        topic, nt, np_ = sinks[name]
        return ["%s-%d" % (topic, p) for p in range(np_) if p % nt == i]

    def rest():
        r = R.random()
        conn = pick(connectors)
        ip, agent = pick([("10.20.9.3", "curl/8.5.0"), ("10.20.9.17", "Apache-HttpClient/5.2.1 (Java/17.0.9)"),
                          ("10.20.9.40", "Go-http-client/1.1")])
        if r < 0.3:
            m, path, st, size = "GET", "/", "200", str(R.randint(88, 92))
            ip, agent = "10.20.4.1", "kube-probe/1.30"
        elif r < 0.5:
            m, path, st, size = "GET", "/connectors?expand=status", "200", str(R.randint(2700, 3100))
        elif r < 0.72:
            m, path, st, size = "GET", "/connectors/%s/status" % conn, "200", str(R.randint(240, 520))
        elif r < 0.8:
            m, path, st, size = "GET", "/connectors/%s/tasks/0/status" % conn, "200", str(R.randint(60, 140))
        elif r < 0.85:
            m, path, st, size = "GET", "/connector-plugins", "200", str(R.randint(1400, 1600))
        elif r < 0.9:
            m, path, st, size = "PUT", "/connectors/%s/config" % conn, "200", str(R.randint(700, 1300))
            ip, agent = "10.20.4.12", "Jetty/9.4.56.v20240826"
        elif r < 0.95:
            m, path, st, size = "POST", "/connectors/%s/restart?includeTasks=true&onlyFailed=true" % conn, "202", str(R.randint(200, 400))
        else:
            m, path, st, size = "GET", "/connectors/%s-v2/status" % conn, "404", str(R.randint(70, 90))
        return ev('<*> - - [<*>] "<*> <*> HTTP/1.1" <*> <*> "-" "<*>" <*> (org.apache.kafka.connect.runtime.rest.RestServer:62)',
                  ip, c.ncsa(), m, path, st, size, agent, R.randint(1, 40) if R.random() < 0.9 else R.randint(40, 3100))

    def sink_commit():
        name, i = sink_task()
        tid = "%s-%d" % (name, i)
        cur["ctx"] = "%s|task-%d" % (name, i)
        seqno[tid] = seqno.get(tid, R.randint(300, 5000)) + 1
        entries = []
        for p in parts_of(name, i):
            offsets[p] = offsets.get(p, R.randint(10 ** 6, 9 * 10 ** 7)) + R.randint(0, 40000)
            entries.append("%s=OffsetAndMetadata{offset=%d, leaderEpoch=null, metadata=''}" % (p, offsets[p]))
        return ev("WorkerSinkTask{id=<*>} Committing offsets asynchronously using sequence number <*>: {<*>} "
                  "(org.apache.kafka.connect.runtime.WorkerSinkTask:353)", tid, seqno[tid], ", ".join(entries))

    def source_ctx():
        s = pick(sources)
        cur["ctx"] = "%s|task-0|offsets" % s
        return s + "-0"

    def source_commit():
        return ev("WorkerSourceTask{id=<*>} Committing offsets for <*> acknowledged messages "
                  "(org.apache.kafka.connect.runtime.WorkerSourceTask:236)", source_ctx(), R.randint(1, 4800))

    def source_empty():
        return ev("WorkerSourceTask{id=<*>} Either no records were produced by the task since the last offset commit, or every "
                  "record has been filtered out by a transformation or dropped due to transformation or conversion errors. "
                  "(org.apache.kafka.connect.runtime.WorkerSourceTask:227)", source_ctx())

    brokers = [("kafka-%d.kafka-headless.data.svc.cluster.local" % i, "10.20.7.%d" % (10 + i), "eu-central-1%s" % "abc"[i])
               for i in range(3)]

    def producer_error():
        s = pick(sources)
        topic = {"pg-cdc-billing": "billing.public.invoices", "mysql-cdc-inventory": "inventory.stock_levels"}[s]
        cur["ctx"] = ""
        return ev("[Producer clientId=connector-producer-<*>] Got error produce response with correlation id <*> on topic-partition "
                  "<*>, retrying (<*> attempts left). Error: <*> (org.apache.kafka.clients.producer.internals.Sender:641)",
                  s + "-0", R.randint(10000, 900000), "%s-%d" % (topic, R.randint(0, 5)), 2147483647 - R.randint(1, 4),
                  pick(["NOT_LEADER_OR_FOLLOWER", "REQUEST_TIMED_OUT", "NETWORK_EXCEPTION"]))

    def network_warn():
        name, i = sink_task()
        cur["ctx"] = "%s|task-%d" % (name, i)
        if R.random() < 0.3:
            node, where = "-1", "kafka-bootstrap.data.svc.cluster.local/10.20.7.5:9092"
        else:
            b = R.randint(0, 2)
            node, where = str(b), "%s/%s:9092" % (brokers[b][0], brokers[b][1])
        return ev("[Consumer clientId=<*>, groupId=<*>] Connection to node <*> (<*>) could not be established. Broker may not be "
                  "available. (org.apache.kafka.clients.NetworkClient:814)", "connector-consumer-%s-%d" % (name, i),
                  "connect-" + name, node, where)

    flush_sources = Cycle(sources)

    def flush_timeout():
        s = flush_sources()
        cur["ctx"] = "%s|task-0|offsets" % s
        return ev("WorkerSourceTask{id=<*>} Failed to flush, timed out while waiting for producer to flush outstanding <*> messages "
                  "(org.apache.kafka.connect.runtime.WorkerSourceTask:517)", s + "-0", R.randint(120, 26000))

    gen_state = {"gen": R.randint(30, 90), "offset": R.randint(400, 900)}
    leaders = Cycle(["connect-10.20.4.11:8083", "connect-10.20.4.12:8083", "connect-10.20.4.13:8083"])

    def herder():
        cur["ctx"] = ""

    events = [
        [0, ("INFO", ), rest],
        [50, ("INFO", ), sink_commit],
        [36, ("INFO", ), source_commit],
        [22, ("INFO", ), source_empty],
        [0, ("INFO", ), None],  # Rebalance started (blocks only)
        [0, ("INFO", ), None],  # Joined group (blocks only)
        [0, ("INFO", ), None],  # Starting task (blocks only)
        [0, ("INFO", ), None],  # Finished starting connectors and tasks (blocks only)
        [0, ("INFO", ), None],  # Sink task finished initialization (blocks only)
        [0, ("INFO", ), None],  # Resetting offset (blocks only)
        [0, ("INFO", ), None],  # Connector config updated (blocks only)
        [0, ("INFO", ), None],  # Tasks configs updated (blocks only)
        [9, ("WARN", ), producer_error],
        [7, ("WARN", ), network_warn],
        [4, ("ERROR", ), flush_timeout],
    ]

    cfg_conns = Cycle(["s3-archive-clicks", "es-sink-catalog", "mysql-cdc-inventory"])

    def make_block(with_config):
        block = []
        conn = cfg_conns() if with_config else None
        if with_config:
            def cfg(conn=conn):
                herder()
                return ev(W + "Connector <*> config updated (" + H + ":2298)", conn)

            def tcfg(conn=conn):
                herder()
                n = sinks[conn][1] if conn in sinks else 1
                return ev(W + "Tasks [<*>] configs updated (" + H + ":2344)", ", ".join("%s-%d" % (conn, i) for i in range(n)))
            block += [(10, cfg), (11, tcfg)]

        def started():
            herder()
            return ev(W + "Rebalance started (org.apache.kafka.connect.runtime.distributed.WorkerCoordinator:231)")
        if with_config:
            to_start = [t for t in all_tasks if t.rsplit("-", 1)[0] == conn]
            others = [t for t in all_tasks if t not in to_start]
            assigned = sorted(to_start + R.sample(others, R.randint(1, 2)))
        else:
            n_start = R.randint(1, 3)
            assigned = sorted(R.sample(all_tasks, R.randint(n_start + 1, 5)))
            to_start = R.sample(assigned, n_start)

        def joined():
            herder()
            gen_state["gen"] += R.randint(1, 3)
            gen_state["offset"] += R.randint(1, 12)
            leader = leaders()
            conns = sorted({t.rsplit("-", 1)[0] for t in assigned})
            return ev(W + "Joined group at generation <*> with protocol version 2 and got assignment: Assignment{error=0, "
                      "leader='<*>', leaderUrl='<*>', offset=<*>, connectorIds=[<*>], taskIds=[<*>], revokedConnectorIds=[], "
                      "revokedTaskIds=[], delay=0} with rebalance delay: 0 (" + H + ":2447)", gen_state["gen"],
                      "%s-%s" % (leader, uuid4()), "http://%s/" % leader[len("connect-"):], gen_state["offset"], ", ".join(conns),
                      ", ".join(assigned))
        block += [(4, started), (5, joined)]
        for t in to_start:
            def start(t=t):
                herder()
                return ev(W + "Starting task <*> (" + H + ":1866)", t)
            block.append((6, start))

        def finished():
            herder()
            return ev(W + "Finished starting connectors and tasks (" + H + ":1721)")
        block.append((7, finished))
        for t in to_start:
            name, i = t.rsplit("-", 1)
            if name not in sinks:
                continue

            def init(t=t, name=name, i=i):
                cur["ctx"] = "%s|task-%s" % (name, i)
                return ev("WorkerSinkTask{id=<*>} Sink task finished initialization and start "
                          "(org.apache.kafka.connect.runtime.WorkerSinkTask:325)", t)
            block.append((8, init))
            for p in R.sample(parts_of(name, int(i)), R.randint(1, 2)):
                def reset(p=p, name=name, i=i):
                    cur["ctx"] = "%s|task-%s" % (name, i)
                    offsets[p] = offsets.get(p, R.randint(10 ** 6, 9 * 10 ** 7))
                    b = int(p.rsplit("-", 1)[1]) % 3
                    epochs[p] = epochs.get(p, R.randint(3, 41))
                    return ev("[Consumer clientId=<*>, groupId=<*>] Resetting offset for partition <*> to position "
                              "FetchPosition{offset=<*>, offsetEpoch=Optional.empty, currentLeader=LeaderAndEpoch{leader=Optional[<*>], "
                              "epoch=<*>}}. (org.apache.kafka.clients.consumer.internals.SubscriptionState:398)",
                              "connector-consumer-%s-%s" % (name, i), "connect-" + name, p, offsets[p],
                              "%s:9092 (id: %d rack: %s)" % (brokers[b][0], b, brokers[b][2]), epochs[p])
                block.append((9, reset))
        return block

    # Blocks are drawn until every block-only event has lines and the rare ones have 3 to 10.
    while True:
        blocks = [make_block(i < 3) for i in range(5)]
        counts = {}
        for b in blocks:
            for k, _ in b:
                counts[k] = counts.get(k, 0) + 1
        if counts.get(8, 0) >= 3 and counts.get(9, 0) >= 4:
            break
    events[0][0] = LINES - sum(e[0] for e in events) - sum(len(b) for b in blocks)
    events = [tuple(e) for e in events]

    def render(tag, content):
        level = tag[0]
        ctx = cur["ctx"]
        cur["ctx"] = ""
        return "[%s] %s %s%s" % (c.kafka(), level, "[%s] " % ctx if ctx else "", content)
    write("KafkaConnect", c, events, render, blocks=blocks, block_gap=(1, 900))


# ------------------------------------------------------------------------------------------
def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


# Per system: the header that must precede Content on every raw line.
HEADERS = {
    "LlamaCppServer": re.compile(r"Dec 17 \d\d:\d\d:\d\d gpu-node-03 llama-server\[\d+\]: "),
    "JupyterHub": re.compile(r"(\[[DIWE] \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} JupyterHub [a-z_]+:\d+\] "
                             r"|\d\d:\d\d:\d\d\.\d{3} \[ConfigProxy\] (info|warn|error): )"),
    "VictoriaMetrics": re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\t(info|warn|error)\tVictoriaMetrics/[a-z0-9_/]+\.go:\d+\t"),
    "Teleport": re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ (INFO|WARN|ERRO) \[[A-Z0-9:]+\] +"),
    "Sonarr": re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d\|(Info|Warn|Error)\|[A-Za-z]+\|"),
    "KafkaConnect": re.compile(r"\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\] (INFO|WARN|ERROR) (\[[a-z0-9-]+\|task-\d+(\|offsets)?\] )?"),
}


def teleport_header_ok(header):
    """The component field is `%-11s ` exactly."""
    m = re.fullmatch(r"\S+ (INFO|WARN|ERRO) (\[[A-Z0-9:]+\])( +)", header)
    return bool(m) and len(m.group(2)) + len(m.group(3)) == max(12, len(m.group(2)) + 1)


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
        templates, counts, slots = {}, {}, {}
        for i, (row, line) in enumerate(zip(rows, lines)):
            assert len(row) == 4, (system, row)
            line_id, content, event_id, template = row
            assert line_id == str(i + 1), (system, line_id)
            assert re.fullmatch(r"E[0-9]+", event_id), (system, event_id)
            assert content and content == content.strip(), (system, i + 1)
            assert line.endswith(content), (system, i + 1)
            header = line[:len(line) - len(content)]
            assert HEADERS[system].fullmatch(header), (system, i + 1, line)
            assert system != "Teleport" or teleport_header_ok(header), (system, i + 1, line)
            assert "<*><*>" not in template and template == template.strip(), (system, template)
            m = template_regex(template).fullmatch(content)
            assert m, (system, i + 1, template, content)
            assert templates.setdefault(event_id, template) == template, (system, event_id)
            counts[event_id] = counts.get(event_id, 0) + 1
            seen = slots.setdefault(event_id, [set() for _ in m.groups()])
            for s, v in zip(seen, m.groups()):
                s.add(v)
        assert len(set(templates.values())) == len(templates), system
        assert MIN_EVENTS <= len(counts) <= MAX_EVENTS, (system, len(counts))
        assert min(counts.values()) >= 3, (system, counts)
        assert sum(1 for n in counts.values() if 3 <= n <= 10) >= 3, (system, counts)
        top = sorted(counts.values(), reverse=True)
        assert top[0] >= 3 * top[len(top) // 2], (system, counts)  # skewed frequencies
        for event_id, seen in slots.items():
            for j, s in enumerate(seen):
                assert len(s) >= 2, (system, event_id, "slot %d" % (j + 1), s)
        summary[system] = dict(sorted(counts.items(), key=lambda kv: int(kv[0][1:])))
    return summary


def check_clock_order():
    """Timestamps never go back: the header times, read back in a sortable form. All systems stay
    within 2026-12-17 (UTC), so for JupyterHub the proxy's time of day can be compared with the
    hub's."""
    parsers = {
        "LlamaCppServer": lambda l: l[7:15],
        "JupyterHub": lambda l: l[14:26] if l.startswith("[") else l[:12],
        "VictoriaMetrics": lambda l: l[:24],
        "Teleport": lambda l: l[:20],
        "Sonarr": lambda l: l[:21],
        "KafkaConnect": lambda l: l[1:24],
    }
    for system, key in parsers.items():
        with open(os.path.join(HERE, system, system + ".log"), encoding="utf-8") as f:
            ls = f.read().splitlines()
        stamps = [key(l) for l in ls]
        assert len(stamps) == LINES, system
        assert all(re.fullmatch(r"[\dTZ:.,\- ]+", s) for s in stamps), system
        if system not in ("LlamaCppServer", "JupyterHub"):
            assert all(s.startswith("2026-12-17") for s in stamps), system
        assert stamps == sorted(stamps), system


if __name__ == "__main__":
    llama_server()
    jupyterhub()
    victoriametrics()
    teleport()
    sonarr()
    kafka_connect()
    check_clock_order()
    for system, counts in self_check().items():
        print("%-16s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
