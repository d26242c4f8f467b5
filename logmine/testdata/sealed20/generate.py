#!/usr/bin/env python3
"""Sealed 20: a blind corpus for the log template miner.

Writes six labelled log files (300 lines each) next to this script, then
re-reads everything it wrote and checks it.  Python 3 standard library only;
deterministic (seed 20261229, integer nanosecond clock, no wall time, no locale).
"""
import calendar
import csv
import datetime
import heapq
import itertools
import json
import os
import re
import random
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261229
N_LINES = 300
SEC = 10 ** 9
MS = 10 ** 6
DAY0 = calendar.timegm((2026, 5, 19, 0, 0, 0)) * SEC   # 2026-05-19 00:00:00 UTC
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
EPOCH = datetime.date(1970, 1, 1)


# ----------------------------------------------------------------- helpers
def civil(ns):
    s, frac = divmod(ns, SEC)
    days, sod = divmod(s, 86400)
    d = EPOCH + datetime.timedelta(days=days)
    hh, rem = divmod(sod, 3600)
    mm, ss = divmod(rem, 60)
    return d.year, d.month, d.day, hh, mm, ss, frac


def iso(ns, digits=3, zulu=True, sep="T"):
    y, mo, d, h, mi, s, f = civil(ns)
    out = "%04d-%02d-%02d%s%02d:%02d:%02d" % (y, mo, d, sep, h, mi, s)
    if digits:
        out += "." + ("%09d" % f)[:digits]
    return out + ("Z" if zulu else "")


def go_time(ns):
    y, mo, d, h, mi, s, _ = civil(ns)
    return "%04d-%02d-%02d %02d:%02d:%02d +0000 UTC" % (y, mo, d, h, mi, s)


def aero_time(ns):
    y, mo, d, h, mi, s, _ = civil(ns)
    return "%s %02d %04d %02d:%02d:%02d GMT" % (MONTHS[mo - 1], d, y, h, mi, s)


def gap(rng, mean_s):
    """Forward-only exponential gap in integer nanoseconds (>= 1 ns)."""
    return 1 + int(rng.expovariate(1.0 / (mean_s * SEC)))


def J(s):
    """A string as it appears inside a JSON string literal."""
    return json.dumps(s)[1:-1]


def go_dur(seconds):
    """Go-style short duration with glued units: 48s, 1m17s, 2h3m5s."""
    seconds = int(round(seconds))
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    if h:
        return "%dh%dm%ds" % (h, m, s)
    if m:
        return "%dm%ds" % (m, s)
    return "%ds" % s


def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def human_bytes(n):
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return ("%d %s" % (n, unit)) if unit == "B" else ("%.1f %s" % (n, unit))
        n /= 1000.0


class Pools:
    """Cycling value pools, one per (event, slot), so rare events still vary."""

    def __init__(self, rng):
        self.rng = rng
        self.pos = {}

    def pick(self, event, slot, items):
        key = (event, slot)
        if key not in self.pos:
            self.pos[key] = self.rng.randrange(len(items))
        v = items[self.pos[key] % len(items)]
        self.pos[key] += 1
        return v


def fill(template, values):
    parts = template.split("<*>")
    if len(parts) - 1 != len(values):
        raise ValueError("slot count mismatch for %r: %r" % (template, values))
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        if not v:
            raise ValueError("empty value in %r" % template)
        out.append(v)
        out.append(p)
    return "".join(out)


class Sim:
    """Collects timed records from a simulation; renders the first N in time order."""

    def __init__(self, jitter_rng=None):
        self.recs = []
        self.seq = itertools.count()
        self.jitter = jitter_rng   # sub-millisecond jitter for flows whose steps are >= 1 ms apart

    def emit(self, ns, event, values, header):
        # values / header may hold callables of ns (for clocks printed in the line)
        if self.jitter is not None:
            ns += self.jitter.randrange(MS)
        self.recs.append((ns, next(self.seq), event, values, header))

    def lines(self, templates, n=N_LINES):
        self.recs.sort(key=lambda r: (r[0], r[1]))
        out = []
        for ns, _, e, vals, hdr in self.recs[:n]:
            vals = [v(ns) if callable(v) else v for v in vals]
            hdr = hdr(ns) if callable(hdr) else hdr
            out.append((hdr, e, fill(templates[e], vals)))
        return out


def shuffled(rng, counts, start_ns, mean_gap_s):
    seq = []
    for e, c in enumerate(counts):
        seq.extend([e] * c)
    rng.shuffle(seq)
    t = start_ns
    out = []
    for e in seq:
        t += gap(rng, mean_gap_s)
        out.append((t, e))
    return out


# =================================================================== Gitaly
# logrus JSON formatter: keys sorted; everything before "msg" is the header,
# Content runs from the msg value to the closing brace (pid, time etc. follow msg).
GIT_TAIL = '","peer.address":"<*>","pid":2814,"span.kind":"server","system":"grpc","time":"<*>"}'
GIT_TAIL_U = ('","peer.address":"<*>","pid":2814,"remote_ip":"<*>","span.kind":"server",'
              '"system":"grpc","time":"<*>","user_id":"<*>","username":"<*>"}')
GITALY_T = [
    "finished unary call with code <*>" + GIT_TAIL,
    "finished unary call with code <*>" + GIT_TAIL_U,
    "finished streaming call with code <*>" + GIT_TAIL,
    "finished streaming call with code <*>" + GIT_TAIL_U,
    'pack-objects cache hit","peer.address":"<*>","pid":2814,"served_bytes":<*>,"span.kind":"server","system":"grpc","time":"<*>"}',
    'pack-objects cache miss","peer.address":"<*>","pid":2814,"span.kind":"server","system":"grpc","time":"<*>"}',
    'optimized repository","optimizations":<*>,"peer.address":"<*>","pid":2814,"span.kind":"server","system":"grpc","time":"<*>"}',
    "failed optimizing repository" + GIT_TAIL,
    'git command failed","peer.address":"<*>","pid":2814,"span.kind":"server","stderr":"<*>","system":"grpc","time":"<*>"}',
    'request queued by concurrency limiter","peer.address":"<*>","pid":2814,"queue_length":<*>,"span.kind":"server","system":"grpc","time":"<*>"}',
    'request dropped by concurrency limiter","peer.address":"<*>","pid":2814,"queue_length":<*>,"span.kind":"server","system":"grpc","time":"<*>"}',
    'spawn token acquired","peer.address":"<*>","pid":2814,"span.kind":"server","spawn_token_wait_ms":<*>,"system":"grpc","time":"<*>"}',
    'removed stale temporary files","pid":2814,"removed":<*>,"storage":"<*>","time":"<*>"}',
]
_JS = r'"(?:[^"\\]|\\.)*"'
_JV = r'(?:' + _JS + r'|\[(?:' + _JS + r'(?:,' + _JS + r')*)?\]|-?\d+(?:\.\d+)?|true|false|null)'
GITALY_HDR = (r'\{(?:"[A-Za-z0-9_.]+":' + _JV + r',)*"level":"(?:debug|info|warning|error)",'
              r'(?:"[A-Za-z0-9_.]+":' + _JV + r',)*"msg":"')
CROCK = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def gen_gitaly(rng):
    P = Pools(rng)
    sim = Sim()
    unary = [("gitaly.CommitService", "FindCommit", 14), ("gitaly.RefService", "FindDefaultBranchName", 10),
             ("gitaly.RepositoryService", "RepositoryExists", 9), ("gitaly.CommitService", "CommitIsAncestor", 4),
             ("gitaly.RefService", "RefExists", 5), ("gitaly.RepositoryService", "HasLocalBranches", 3),
             ("gitaly.SmartHTTPService", "PostUploadPackWithSidechannel", 9),
             ("gitaly.SSHService", "SSHUploadPackWithSidechannel", 5),
             ("gitaly.RepositoryService", "OptimizeRepository", 4), ("gitaly.RepositoryService", "RepositorySize", 2),
             ("gitaly.RefService", "FindBranch", 3)]
    stream = [("gitaly.CommitService", "ListCommits", 5), ("gitaly.BlobService", "GetBlobs", 4),
              ("gitaly.RefService", "FindAllBranches", 3), ("gitaly.CommitService", "TreeEntry", 5),
              ("gitaly.DiffService", "CommitDiff", 3), ("gitaly.CommitService", "ListLastCommitsForTree", 3),
              ("gitaly.SmartHTTPService", "PostReceivePack", 2), ("gitaly.SSHService", "SSHReceivePack", 2)]
    rpcs = [(s, m, w, False) for s, m, w in unary] + [(s, m, w, True) for s, m, w in stream]
    weights = [r[2] for r in rpcs]
    projects = [("gitlab-org/gitlab-runner", 17), ("acme/web-frontend", 204), ("acme/payments-service", 311),
                ("data/etl", 58), ("infra/terraform-modules", 97), ("jdoe/dotfiles", 1203),
                ("acme/mobile/ios-app", 412), ("research/thesis-2026", 877)]
    repo_hash = {}
    for name, pid in projects:
        h = hexs(rng, 64)
        repo_hash[name] = "@hashed/%s/%s/%s.git" % (h[:2], h[2:4], h)
    users = [("4", "root"), ("57", "alice"), ("112", "bob.smith"), ("2031", "carol"),
             ("88", "d.okonkwo"), ("415", "eve"), ("9", "project_97_bot_3f1c2a")]
    clients = ["gitlab-web", "gitlab-sidekiq", "gitlab-workhorse", "gitlab-shell"]
    remote_ips = ["203.0.113.24", "198.51.100.7", "192.0.2.141", "2001:db8::4c1f", "10.8.0.33"]
    peers_tcp = ["10.20.0.5", "10.20.0.6", "10.20.0.11"]
    stderr_pool = [
        "fatal: bad object %s" % hexs(rng, 40),
        "error: cannot lock ref 'refs/heads/feature/login': is at %s but expected %s" % (hexs(rng, 40), hexs(rng, 40)),
        "fatal: the remote end hung up unexpectedly",
        'fatal: ambiguous argument "main..release/2.4": unknown revision or path not in the working tree.',
        "error: object file objects/%s/%s is empty" % (hexs(rng, 2), hexs(rng, 38)),
    ]
    opt_pool = [
        '{"packed_objects_geometric":"success","pruned_objects":"success","written_commit_graph_incremental":"success"}',
        '{"packed_refs":"success"}',
        '{"packed_objects_full_with_cruft":"success","written_bitmap":"success","written_multi_pack_index":"success"}',
        '{"written_commit_graph_incremental":"success"}',
    ]

    def ulid():
        return "01J" + "".join(rng.choice(CROCK) for _ in range(23))

    t = DAY0 + 10 * 3600 * SEC + 5 * 60 * SEC
    next_clean = t + 40 * SEC
    for _ in range(260):
        t += gap(rng, 2.2)
        while next_clean < t:
            removed = rng.choice([1, 2, 3, 4, 7, 12, 31])
            hdr = '{"component":"housekeeping","level":"info","msg":"'
            sim.emit(next_clean, 12, [removed, P.pick(12, 1, ["default", "gitaly-2"]), lambda ns: iso(ns)], hdr)
            next_clean += 95 * SEC + rng.randrange(30 * SEC)
        svc, meth, _, streaming = rng.choices(rpcs, weights)[0]
        client = "gitlab-sidekiq" if meth == "OptimizeRepository" else rng.choice(clients)
        if meth in ("SSHUploadPackWithSidechannel", "SSHReceivePack"):
            client = "gitlab-shell"
        if meth in ("PostUploadPackWithSidechannel", "PostReceivePack"):
            client = "gitlab-workhorse"
        proj, glid = rng.choice(projects)
        user = None
        if client in ("gitlab-web", "gitlab-workhorse", "gitlab-shell") and rng.random() < 0.45:
            user = rng.choice(users)
        peer = "@" if client in ("gitlab-workhorse", "gitlab-shell") and rng.random() < 0.6 else \
            "%s:%d" % (rng.choice(peers_tcp), rng.randrange(32768, 61000))
        start = t
        corr = ulid()
        base = {
            "correlation_id": corr,
            "grpc.meta.auth_version": "v2",
            "grpc.meta.client_name": client,
            "grpc.method": meth,
            "grpc.request.fullMethod": "/%s/%s" % (svc, meth),
            "grpc.request.glProjectPath": proj,
            "grpc.request.glRepository": "project-%d" % glid,
            "grpc.request.repoPath": repo_hash[proj],
            "grpc.request.repoStorage": "default",
            "grpc.service": svc,
            "grpc.start_time": iso(start),
        }
        if client == "gitlab-sidekiq" or rng.random() < 0.3:
            base["grpc.meta.deadline_type"] = "none"
        else:
            base["grpc.meta.deadline_type"] = "regular"
            base["grpc.request.deadline"] = iso(start + 55 * SEC)

        def hdr_of(fields, level):
            f = dict(fields)
            f["level"] = level
            return "{" + ",".join('"%s":%s' % (k, json.dumps(f[k], separators=(",", ":"))) for k in sorted(f)) + ',"msg":"'

        dur_ms = min(58000.0, rng.lognormvariate(2.3, 1.2))
        if meth in ("PostUploadPackWithSidechannel", "SSHUploadPackWithSidechannel", "PostReceivePack"):
            dur_ms = rng.lognormvariate(6.5, 0.9)
        r = rng.random()
        code = "OK"
        if r < 0.05:
            code = "NotFound"
        elif r < 0.08:
            code = "Canceled"
        elif r < 0.115:
            code = "Internal"
        elif r < 0.125:
            code = "DeadlineExceeded"
        if meth == "OptimizeRepository":
            code = "Internal" if rng.random() < 0.35 else "OK"
        cursor = start
        if meth in ("PostUploadPackWithSidechannel", "SSHUploadPackWithSidechannel") and rng.random() < 0.32:
            cursor += rng.randrange(1, 40) * MS
            qlen = rng.choice([1, 2, 3, 5, 8, 13, 21])
            if rng.random() < 0.35:
                sim.emit(cursor, 10, [peer, qlen + 60, lambda ns: iso(ns)], hdr_of(base, "warning"))
                code = "ResourceExhausted"
                dur_ms = (cursor - start) / MS + rng.random()
            else:
                sim.emit(cursor, 9, [peer, qlen, lambda ns: iso(ns)], hdr_of(base, "info"))
                dur_ms += rng.randrange(100, 9000)
        if code != "ResourceExhausted" and rng.random() < 0.035:
            w = rng.choice([12, 48, 150, 730, 2210, 9])
            cursor += w * MS
            sim.emit(cursor, 11, [peer, w, lambda ns: iso(ns)], hdr_of(base, "info"))
            dur_ms += w
        end = start + int(dur_ms * MS) + 1
        if code == "OK" and meth in ("PostUploadPackWithSidechannel", "SSHUploadPackWithSidechannel"):
            when = cursor + (end - cursor) // 2
            if rng.random() < 0.6:
                served = rng.choice([rng.randrange(900, 9000), rng.randrange(10 ** 5, 10 ** 8)])
                sim.emit(when, 4, [peer, served, lambda ns: iso(ns)], hdr_of(base, "info"))
            else:
                f = dict(base)
                f["generated_bytes"] = rng.randrange(2000, 5 * 10 ** 7)
                sim.emit(when, 5, [peer, lambda ns: iso(ns)], hdr_of(f, "info"))
        if meth == "OptimizeRepository" and code in ("OK", "Internal"):
            when = end - 1
            if code == "OK":
                sim.emit(when, 6, [P.pick(6, 0, opt_pool), peer, lambda ns: iso(ns)], hdr_of(base, "info"))
            else:
                f = dict(base)
                f["error"] = P.pick(7, 9, ["repacking objects: exit status 128",
                                           "writing commit-graph: context deadline exceeded"])
                sim.emit(when, 7, [peer, lambda ns: iso(ns)], hdr_of(f, "error"))
        if code == "Internal":
            f = dict(base)
            f["command.args"] = ["git", "--git-dir", "/var/opt/gitlab/git-data/repositories/" + repo_hash[proj],
                                 rng.choice(["rev-parse", "cat-file", "update-ref", "repack"])]
            sim.emit(end - 2, 8, [peer, J(P.pick(8, 1, stderr_pool)), lambda ns: iso(ns)], hdr_of(f, "error"))
        fin = dict(base)
        fin["grpc.code"] = code
        fin["grpc.time_ms"] = round(dur_ms, 3)
        if code != "OK":
            fin["error"] = {
                "NotFound": rng.choice(["repository not found", "reference not found",
                                        "commit not found: %s" % hexs(rng, 40)]),
                "Canceled": "context canceled",
                "Internal": rng.choice(["exit status 128", "signal: killed"]),
                "DeadlineExceeded": "context deadline exceeded",
                "ResourceExhausted": "maximum queue size reached",
            }[code]
        level = {"OK": "info", "NotFound": "info", "Canceled": "info", "Internal": "error",
                 "DeadlineExceeded": "warning", "ResourceExhausted": "warning"}[code]
        ev = (2 if streaming else 0) + (1 if user else 0)
        if user:
            vals = [code, peer, rng.choice(remote_ips), lambda ns: iso(ns), user[0], user[1]]
        else:
            vals = [code, peer, lambda ns: iso(ns)]
        sim.emit(end, ev, vals, hdr_of(fin, level))
    return sim.lines(GITALY_T)


def gitaly_time(line):
    return re.search(r'"time":"([^"]+)"', line[line.index('"msg":"'):]).group(1)


# =============================================================== RocketChat
# pino JSON: {"level","time","pid","hostname","name",[bindings...],"msg"} -- msg is last,
# so Content is the msg value plus the closing '"}'.
ROCKET_T = [
    '<*> <*> <*> - <*> ms"}',
    'DDP connection <*> opened from <*>"}',
    'DDP connection <*> closed after <*>"}',
    'User <*> logged in with <*>"}',
    'Login failed for user <*>: <*>"}',
    'Presence: user <*> is now <*>"}',
    'Error, too many requests. Please slow down. You must wait <*> seconds before trying this endpoint again."}',
    'Exception in callback of async function: <*>"}',
    'Webhook <*> attempt <*>/<*> to <*> failed: <*>; retrying in <*> ms"}',
    'Webhook <*> delivered to <*> on attempt <*>"}',
    'Using GridFS for custom sounds storage"}',
    'Using GridFS for custom emoji storage"}',
    'Not migrating, already at version 304"}',
    'Omnichannel: inquiry <*> routed to agent <*>"}',
]
ROCKET_HDR = (r'\{"level":(?:20|30|35|40|50|60),"time":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z",'
              r'"pid":\d+,"hostname":"[a-z0-9-]+","name":"[A-Za-z]+",'
              r'(?:"[A-Za-z]+":"(?:[^"\\]|\\.)*",)*"msg":"')
METEOR_ID = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz"


def gen_rocket(rng):
    P = Pools(rng)
    sim = Sim(rng)

    def mid():
        return "".join(rng.choice(METEOR_ID) for _ in range(17))

    def podname():
        return "rocketchat-7c9d4b6f8-" + "".join(rng.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(5))

    def hdr(level, pod, name, extra=None):
        def f(ns):
            s = '{"level":%d,"time":"%s","pid":%d,"hostname":"%s","name":"%s",' % (
                level, iso(ns), pod["pid"], pod["host"], name)
            for k, v in (extra or []):
                s += '"%s":"%s",' % (k, J(v))
            return s + '"msg":"'
        return f

    T0 = DAY0 + 14 * 3600 * SEC + 20 * 60 * SEC
    pods = [{"host": podname(), "pid": rng.choice([7, 8, 9]), "up": T0 - 3 * 3600 * SEC, "down": None}
            for _ in range(3)]
    # rolling restart: each old pod replaced by a new one
    restart_at = [T0 + 3 * 60 * SEC, T0 + 7 * 60 * SEC, T0 + 12 * 60 * SEC]
    all_pods = list(pods)
    for i, when in enumerate(restart_at):
        pods[i]["down"] = when
        new = {"host": podname(), "pid": rng.choice([7, 8, 9, 10]), "up": when + 40 * SEC, "down": None}
        all_pods.append(new)
        t = new["up"]
        sim.emit(t, 10, [], hdr(30, new, "FileUpload"))
        sim.emit(t + 3 * MS + rng.randrange(MS), 11, [], hdr(30, new, "FileUpload"))
        sim.emit(t + 210 * MS + rng.randrange(90 * MS), 12, [], hdr(30, new, "Migrations"))

    def alive(ns):
        return [p for p in all_pods if p["up"] <= ns and (p["down"] is None or ns < p["down"])]

    users = ["alice", "bob", "carol", "dmitri", "eve", "farah", "gus", "hana", "ivan", "jules",
             "kenji", "lena", "marta", "nils", "oona", "priya", "j.doe", "maria.garcia-lopez",
             "svc-jenkins", "rafael", "sofia", "tomas", "wen", "yusuf"]
    uid = {u: mid() for u in users}
    agents = ["support.anna", "support.ben", "li.wei"]
    ips = ["10.12.0.%d" % i for i in (14, 15, 31, 87, 102)] + ["172.16.4.9", "192.168.77.20"]
    auth_calls = [("GET", "/api/v1/subscriptions.get"), ("GET", "/api/v1/me"),
                  ("GET", "/api/v1/rooms.get?updatedSince=%s"),
                  ("POST", "/api/v1/method.call/sendMessage"), ("POST", "/api/v1/chat.postMessage"),
                  ("GET", "/api/v1/channels.history?roomId=GENERAL&count=50"),
                  ("GET", "/api/v1/im.list"), ("POST", "/api/v1/users.setStatus"),
                  ("POST", "/api/v1/rooms.upload/%s"), ("GET", "/api/v1/users.presence")]
    auth_w = [14, 8, 9, 9, 5, 6, 4, 2, 2, 5]
    anon_calls = [("GET", "/api/info"), ("GET", "/api/v1/settings.public"),
                  ("GET", "/api/v1/livechat/config?token=%s"), ("GET", "/api/v1/settings.oauth")]
    webhooks = [(mid(), "https://hooks.ci.example.net/rocket/notify", 5),
                (mid(), "https://jira.internal.example.com/rest/webhooks/1.0/rocketchat?projectKey=OPS", 3)]
    hook_errors = ["connect ECONNREFUSED 10.4.0.9:443", "Request failed with status code 502",
                   "socket hang up", "getaddrinfo ENOTFOUND jira.internal.example.com",
                   "timeout of 10000ms exceeded"]
    exceptions = [
        'MongoServerError: E11000 duplicate key error collection: rocketchat.rocketchat_subscription '
        'index: rid_1_u._id_1 dup key: { rid: "GENERAL", u._id: "%s" }' % mid(),
        "TypeError: Cannot read properties of undefined (reading '_id')",
        "Error: read ECONNRESET",
        "FetchError: request to https://cloud.rocket.chat/api/v2/register/workspace failed, reason: "
        "getaddrinfo EAI_AGAIN cloud.rocket.chat",
    ]
    login_fail = ["Incorrect password", "User not found", "TOTP Required [totp-required]",
                  "User has no password set [error-invalid-user]"]

    def api(ns, pod, method, path, status, user=None):
        extra = [("userId", uid[user])] if user else None
        ms = "%.3f" % (rng.lognormvariate(2.4, 0.9))
        sim.emit(ns, 0, [method, J(path), status, ms], hdr(35, pod, "API", extra))

    def webhook(ns, pod):
        hid, url, maxa = P.pick("webhook", 0, webhooks)
        attempt = 1
        t = ns + rng.randrange(20, 400) * MS
        while attempt < maxa and rng.random() < 0.5:
            delay = [1000, 5000, 25000, 125000][attempt - 1]
            sim.emit(t, 8, [hid, attempt, maxa, J(url), J(rng.choice(hook_errors)), delay], hdr(40, pod, "Integrations"))
            t += delay * MS + rng.randrange(50, 900) * MS
            attempt += 1
        sim.emit(t, 9, [hid, J(url), attempt], hdr(30, pod, "Integrations"))

    def session(start, user, method):
        pods_now = alive(start)
        pod = rng.choice(pods_now)
        length = rng.choice([rng.uniform(40, 400), rng.uniform(400, 5000)])
        end = start + int(length * SEC)
        cut = pod["down"] is not None and pod["down"] < end
        if cut:
            end = pod["down"] - rng.randrange(1, 900) * MS
        if end <= start:
            return
        conn = mid()
        ip = rng.choice(ips)
        sim.emit(start, 1, [conn, ip], hdr(30, pod, "DDP"))
        t = start + rng.randrange(30, 900) * MS
        if method != "resume":
            fails = 1 if rng.random() < 0.3 else 0
            for _ in range(fails):
                sim.emit(t, 4, [J(user), J(P.pick(4, 1, login_fail))], hdr(40, pod, "Accounts"))
                api(t + MS, pod, "POST", "/api/v1/login", 401)
                t += rng.randrange(3, 20) * SEC
            api(t, pod, "POST", "/api/v1/login", 200)
            t += 2 * MS
        sim.emit(t, 3, [J(user), method], hdr(30, pod, "Accounts"))
        sim.emit(t + 40 * MS, 5, [J(user), "online"], hdr(30, pod, "Presence", [("userId", uid[user])]))
        while True:
            t += gap(rng, 55)
            if t >= end:
                break
            r = rng.random()
            if r < 0.08:
                sim.emit(t, 5, [J(user), rng.choice(["away", "busy", "online"])],
                         hdr(30, pod, "Presence", [("userId", uid[user])]))
                continue
            method_, path = rng.choices(auth_calls, auth_w)[0]
            if "%s" in path:
                path = path % (iso(t - 90 * SEC).replace(":", "%3A") if "updatedSince" in path
                               else rng.choice(["GENERAL", mid()]))
            status = rng.choices([200, 400, 403, 404], [90, 3, 2, 3])[0]
            if rng.random() < 0.035:
                sim.emit(t, 6, [rng.choice([3, 7, 12, 46, 58])], hdr(40, pod, "API", [("userId", uid[user])]))
                status = 429
            api(t + rng.randrange(1, 30) * MS, pod, method_, path, status, user)
            if status == 200 and ("sendMessage" in path or "postMessage" in path) and rng.random() < 0.35:
                webhook(t, pod)
        if not cut:
            sim.emit(end, 5, [J(user), "offline"], hdr(30, pod, "Presence", [("userId", uid[user])]))
        sim.emit(end + rng.randrange(2, 60) * MS, 2, [conn, go_dur((end - start) / SEC)], hdr(30, pod, "DDP"))
        if cut:
            session(pod["down"] + rng.randrange(1, 8) * SEC, user, "resume")

    t = T0
    for u in users:
        t += gap(rng, 45)
        session(t, u, rng.choices(["password", "ldap", "saml", "resume"], [4, 3, 1, 4])[0])
    # anonymous traffic, omnichannel routing and stray exceptions
    t = T0
    for _ in range(40):
        t += gap(rng, 30)
        pod = rng.choice(alive(t))
        m, p = rng.choice(anon_calls)
        if "%s" in p:
            p = p % hexs(rng, 24)
        api(t, pod, m, p, rng.choices([200, 404], [5, 1])[0] if "token=" in p else rng.choice([200, 200, 304]))
    t = T0
    for _ in range(14):
        t += gap(rng, 150)
        sim.emit(t, 13, [mid(), P.pick(13, 1, agents)], hdr(30, rng.choice(alive(t)), "Livechat"))
    t = T0
    for _ in range(6):
        t += gap(rng, 140)
        sim.emit(t, 7, [J(P.pick(7, 0, exceptions))], hdr(50, rng.choice(alive(t)), "Meteor"))
    return sim.lines(ROCKET_T)


def rocket_time(line):
    return re.match(r'\{"level":\d+,"time":"([^"]+)"', line).group(1)


# ==================================================================== Kopia
KOPIA_T = [
    "Snapshotting <*> ...",
    "Created snapshot with root <*> and ID <*> in <*>",
    "Snapshot stats for <*>: files=<*> dirs=<*> hashed=<*> cached=<*> excluded=<*> errors=<*>",
    'Ignored error when processing "<*>": <*>',
    "served <*> <*> status=<*> duration=<*>",
    "next snapshot of <*> due at <*>",
    "Running <*> maintenance...",
    "Finished <*> maintenance.",
    "Looking for active contents...",
    "Looking for unreferenced contents...",
    "GC found <*> unused contents (<*>)",
    "Retrying after error (attempt <*> of 10): <*>",
    "Rewriting <*> contents from short packs",
]
KOPIA_HDR = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z (?:DEBUG|INFO|WARN|ERROR) [a-z]+(?:/[a-z]+)? "


def gen_kopia(rng):
    P = Pools(rng)
    sim = Sim(rng)

    def hdr(level, mod):
        return lambda ns: "%s %s %s " % (iso(ns, 6), level, mod)

    T0 = DAY0 + 1 * 3600 * SEC + 12 * 60 * SEC
    END = T0 + 12 * 3600 * SEC
    sources = [
        ("alice@nas:/home/alice", 3600, 9000, 0.4),
        ("alice@nas:/srv/photos", 3600, 60000, 0.1),
        ("backup@db01:/var/lib/postgresql/backups", 7200, 40, 0.0),
        ("carol@WIN-7Q2L0:C:\\Users\\carol", 3600, 14000, 0.5),
    ]
    ignored = {
        "alice@nas:/home/alice": [(".cache/tracker3/meta.db-wal", "open /home/alice/.cache/tracker3/meta.db-wal: permission denied"),
                                  ("snap/firefox/common/.mozilla/lock", "lstat /home/alice/snap/firefox/common/.mozilla/lock: no such file or directory")],
        "carol@WIN-7Q2L0:C:\\Users\\carol": [("NTUSER.DAT", "open C:\\Users\\carol\\NTUSER.DAT: The process cannot access the file because it is being used by another process."),
                                             ("Documents/Tax Returns/2025 draft (1).xlsx", "read C:\\Users\\carol\\Documents\\Tax Returns\\2025 draft (1).xlsx: The device is not ready.")],
        "alice@nas:/srv/photos": [("2026/05/IMG_2231.HEIC", "open /srv/photos/2026/05/IMG_2231.HEIC: input/output error")],
    }
    retry_errs = [
        "error writing pack file p%s-s%s: PUT https://s3.eu-central-1.amazonaws.com/acme-kopia/p%s: 503 Service Unavailable" % (hexs(rng, 32), hexs(rng, 12), hexs(rng, 8)),
        "unable to get blob q%s: context deadline exceeded" % hexs(rng, 32),
        "error listing blobs with prefix xn0_: read tcp 10.0.4.7:49822->52.219.170.29:443: read: connection reset by peer",
    ]
    for src, every, nfiles, ign_p in sources:
        t = T0 - rng.randrange(every) * SEC
        while t < END:
            t += every * SEC
            if t < T0:
                continue
            sim.emit(t, 0, [src], hdr("INFO", "kopia/server"))
            took = rng.uniform(4, 40) if nfiles < 1000 else rng.uniform(30, 400)
            cur = t
            if src in ignored and rng.random() < ign_p:
                cur += rng.randrange(1, int(took) + 1) * SEC
                path, err = P.pick(3, src, ignored[src])
                sim.emit(cur, 3, [path, err], hdr("WARN", "uploader"))
            if rng.random() < 0.16:
                for a in range(1, rng.choice([2, 2, 3, 4])):
                    cur += rng.randrange(1, 20) * SEC
                    sim.emit(cur, 11, [a, P.pick(11, 0, retry_errs)],
                             hdr("WARN" if a < 3 else "ERROR", "kopia/repo"))
            done = max(cur + SEC, t + int(took * SEC))
            sim.emit(done, 1, ["k" + hexs(rng, 32), hexs(rng, 32), go_dur(took)], hdr("INFO", "kopia/server"))
            hashed = rng.randrange(0, max(2, nfiles // 20))
            sim.emit(done + 3 * MS, 2, [src, nfiles + rng.randrange(-30, 60), nfiles // 40 + rng.randrange(3),
                                        hashed, nfiles - hashed, rng.choice([0, 0, 12, 3]),
                                        rng.choice([0, 0, 0, 1])], hdr("INFO", "uploader"))
            sim.emit(done + 5 * MS, 5, [src, go_time(t + every * SEC)], hdr("INFO", "kopia/server"))
    # maintenance: quick hourly, full every 3h
    t = T0 + 17 * 60 * SEC
    k = 0
    while t < END:
        full = (k % 3 == 1)
        kind = "full" if full else "quick"
        sim.emit(t, 6, [kind], hdr("INFO", "kopia/maintenance"))
        cur = t + rng.randrange(200, 900) * MS
        if full:
            sim.emit(cur, 8, [], hdr("INFO", "kopia/snapshotgc"))
            cur += rng.randrange(2, 30) * SEC
            sim.emit(cur, 9, [], hdr("INFO", "kopia/snapshotgc"))
            cur += rng.randrange(1, 9) * SEC
            n = rng.choice([0, 17, 312, 4821, 96])
            sim.emit(cur, 10, [n, human_bytes(n * rng.randrange(800, 90000))], hdr("INFO", "kopia/snapshotgc"))
        cur += rng.randrange(1, 6) * SEC
        sim.emit(cur, 12, [rng.choice([0, 4, 38, 211, 1290])], hdr("INFO", "kopia/content"))
        cur += rng.randrange(1, 4) * SEC
        sim.emit(cur, 7, [kind], hdr("INFO", "kopia/maintenance"))
        t += 3600 * SEC + rng.randrange(-90, 90) * SEC
        k += 1
    # UI sessions polling the API
    calls = [("GET", "/api/v1/tasks-summary"), ("GET", "/api/v1/sources"), ("GET", "/api/v1/repo/status"),
             ("GET", "/api/v1/tasks?offset=0&limit=50"), ("GET", "/api/v1/current-user"),
             ("GET", "/api/v1/snapshots?source=%s"), ("POST", "/api/v1/sources/upload?%s"),
             ("GET", "/api/v1/policy?userName=alice&host=nas&path=%2Fhome%2Falice")]
    cw = [40, 18, 14, 8, 3, 6, 4, 2]
    for s0, dur in [(T0 + 40 * 60 * SEC, 7 * 60), (T0 + 4 * 3600 * SEC, 4 * 60), (T0 + 8 * 3600 * SEC, 9 * 60)]:
        t = s0
        while t < s0 + dur * SEC:
            t += gap(rng, 4.5)
            m, p = rng.choices(calls, cw)[0]
            if p.endswith("source=%s"):
                p = p.replace("%s", rng.choice(["alice%40nas%3A%2Fhome%2Falice", "backup%40db01%3A%2Fvar%2Flib%2Fpostgresql%2Fbackups"]))
            elif p.endswith("?%s"):
                p = p.replace("%s", rng.choice(["userName=alice&host=nas&path=%2Fsrv%2Fphotos", "userName=carol&host=WIN-7Q2L0&path=C%3A%5CUsers%5Ccarol"]))
            status = rng.choices([200, 304, 401, 500], [90, 6, 2, 1])[0]
            d = rng.lognormvariate(0.4, 1.3)
            dtxt = ("%.3fms" % d) if d < 1000 else ("%.2fs" % (d / 1000))
            if d < 0.9:
                dtxt = "%.1fµs" % (d * 1000)
            sim.emit(t, 4, [m, p, status, dtxt], hdr("DEBUG", "kopia/server"))
    return sim.lines(KOPIA_T)


def kopia_time(line):
    return line[:27]


# ===================================================================== Riak
RIAK_NODE = "riak@10.0.0.11"
RIAK_T = [
    "Starting ownership transfer of <*> from 'riak@10.0.0.11' <*> to '<*>' <*>",
    "Starting hinted transfer of <*> from 'riak@10.0.0.11' <*> to '<*>' <*>",
    "ownership transfer of <*> from 'riak@10.0.0.11' <*> to '<*>' <*> completed: sent <*> bytes in <*> of <*> objects in <*> seconds (<*>/second)",
    "hinted transfer of <*> from 'riak@10.0.0.11' <*> to '<*>' <*> completed: sent <*> bytes in <*> of <*> objects in <*> seconds (<*>/second)",
    "Repaired <*> keys during active anti-entropy exchange of <*> between <*> and <*>",
    "monitor long_gc <*> <*> <*>",
    "monitor large_heap <*> <*> <*>",
    "Application <*> started on node 'riak@10.0.0.11'",
    "Handoff receiver for partition <*> exited abnormally after processing <*> objects from <*>: <*>",
    "gen_server <*> terminated with reason: <*>",
    "CRASH REPORT Process <*> with <*> neighbours exited with reason: <*> in <*> line <*>",
    "Merged <*> in <*> seconds.",
    "Pipe worker startup failed:fitting was gone before startup",
    "Supervisor <*> had child undefined started with <*> at <*> exit with reason <*> in context <*>",
]
RIAK_COUNTS = [20, 25, 18, 22, 90, 30, 8, 12, 6, 5, 4, 40, 7, 13]
RIAK_HDR = (r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \[(?:debug|info|notice|warning|error|critical)\] "
            r"<\d+\.\d+\.\d+>(?:@[a-z_0-9]+:[a-z_0-9]+:\d+)? ")


def gen_riak(rng):
    P = Pools(rng)
    ring = 2 ** 160 // 64
    others = ["riak@10.0.0.12", "riak@10.0.0.13", "riak@10.0.0.14", "riak@10.0.0.15"]

    def idx():
        return str(rng.randrange(64) * ring)

    def pid():
        return "<0.%d.0>" % rng.choice([rng.randrange(300, 3000), rng.randrange(3000, 32000)])

    def sz(n):
        return "%.2f %s" % ((n / 1024.0, "KB") if n < 1024 * 1024 else (n / 1048576.0, "MB"))

    gc_inits = ["{riak_core_vnode,init,1}", "{riak_kv_get_fsm,init,1}", "{proc_lib,init_p,5}",
                "{riak_kv_put_fsm,init,1}"]
    cur_funs = ["{gen_fsm,loop,7}", "{bitcask_fileops,read,3}", "{lists,reverse,1}", "{eleveldb,iterator_move,2}"]
    out = []
    for t, e in shuffled(rng, RIAK_COUNTS, DAY0 + 3 * 3600 * SEC + 11 * 60 * SEC, 21.0):
        where = None
        lvl = "info"
        p = pid()
        if e in (0, 1):
            i = idx()
            vals = [P.pick(e, 0, ["riak_kv_vnode", "riak_kv_vnode", "riak_pipe_vnode"]), i,
                    P.pick(e, 1, others), i]
            where = "riak_core_handoff_sender:start_fold:126"
        elif e in (2, 3):
            i = idx()
            nobj = rng.choice([rng.randrange(0, 40), rng.randrange(400, 90000)])
            nbytes = nobj * rng.randrange(300, 4000) + rng.randrange(1, 999)
            secs = max(0.01, nobj / rng.uniform(800, 9000))
            vals = [P.pick(e, 0, ["riak_kv_vnode", "riak_kv_vnode", "riak_pipe_vnode"]), i,
                    P.pick(e, 1, others), i, sz(nbytes), nobj, nobj,
                    "%.2f" % secs, sz(int(nbytes / secs))]
            where = "riak_core_handoff_sender:start_fold:282"
        elif e == 4:
            a = rng.randrange(64) * ring
            vals = [rng.choice([1, 1, 2, 3, 7, 19, 244]), "{%d,3}" % a,
                    "{%d,'%s'}" % (a, RIAK_NODE), "{%d,'%s'}" % ((a + ring) % 2 ** 160, rng.choice(others))]
            where = "riak_kv_exchange_fsm:key_exchange:263"
        elif e in (5, 6):
            info = "[{initial_call,%s},{almost_current_function,%s},{message_queue_len,%d}]" % (
                rng.choice(gc_inits), rng.choice(cur_funs), rng.choice([0, 0, 1, 14, 1203]))
            if e == 5:
                gc = ("[{timeout,%d},{old_heap_block_size,0},{heap_block_size,%d},{mbuf_size,0},"
                      "{stack_size,%d},{old_heap_size,0},{heap_size,%d}]") % (
                    rng.randrange(101, 2400), rng.choice([6772, 196418, 514229, 1346269]),
                    rng.randrange(20, 90), rng.randrange(2000, 900000))
            else:
                gc = ("[{old_heap_block_size,%d},{heap_block_size,%d},{mbuf_size,0},{stack_size,%d},"
                      "{old_heap_size,0},{heap_size,%d}]") % (
                    rng.choice([0, 95360811]), rng.choice([95360811, 122002778]),
                    rng.randrange(20, 60), rng.randrange(30000000, 60000000))
            who = p if rng.random() < 0.8 else rng.choice(["riak_kv_stat_worker", "riak_core_vnode_manager"])
            vals = [who, info, gc]
            where = "riak_core_sysmon_handler:handle_event:92"
        elif e == 7:
            vals = [P.pick(e, 0, ["riak_core", "riak_kv", "riak_pipe", "riak_api", "bitcask", "sasl", "riak_repl"])]
            p = "<0.7.0>"
        elif e == 8:
            vals = [idx(), rng.choice([0, 12, 4811, 90233]),
                    '{"%s",%d}' % (rng.choice(["10.0.0.12", "10.0.0.14"]), rng.randrange(40000, 61000)),
                    P.pick(e, 3, ["{timeout,{gen_server,call,[riak_kv_vnode_master,sync_command]}}",
                                  "closed", "{badmatch,{error,einval}}"])]
            where = "riak_core_handoff_receiver:handle_info:105"
            lvl = "error"
        elif e == 9:
            vals = [P.pick(e, 0, ["riak_core_vnode_manager", "riak_kv_entropy_manager", pid()]),
                    P.pick(e, 1, ["no match of right hand value {error,{already_started,%s}}" % pid(),
                                  "{timeout,{gen_server,call,[riak_core_ring_manager,get_my_ring]}}",
                                  "bad argument"])]
            lvl = "error"
        elif e == 10:
            vals = [p, rng.choice([0, 0, 1, 2]),
                    P.pick(e, 2, ["{timeout,{gen_server,call,[riak_core_vnode_manager,all_vnodes]}}",
                                  "no function clause matching riak_kv_get_fsm:waiting_vnode_r({r,{error,notfound}})",
                                  "killed"]),
                    P.pick(e, 3, ["gen_server:call/2", "gen_fsm:terminate/7", "riak_kv_vnode:do_get_term/3"]),
                    P.pick(e, 4, ["204", "600", "1408"])]
            lvl = "error"
        elif e == 11:
            base = "/var/lib/riak/bitcask/" + idx()
            k = rng.randrange(1, 200)
            files = ['"%s/%d.bitcask.data"' % (base, k + j) for j in range(rng.choice([1, 2, 3, 5]))]
            vals = ["{[%s],[]}" % ",".join(files), "%.4f" % rng.uniform(0.05, 140)]
            where = "riak_kv_bitcask_backend:maybe_merge:611"
        elif e == 12:
            vals = []
            where = "riak_pipe_vnode:new_worker:768"
            lvl = "error"
        else:
            sup = P.pick(e, 0, ["riak_pipe_fitting_sup", "riak_pipe_builder_sup", "riak_kv_get_fsm_sup"])
            vals = [sup,
                    P.pick(e, 2, ["{riak_pipe_fitting,start_link,undefined}", "{riak_pipe_builder,start_link,undefined}",
                                  "{riak_kv_get_fsm,start_link,undefined}"]),
                    pid(), P.pick(e, 4, ["killed", "normal", "{shutdown,timeout}"]),
                    P.pick(e, 5, ["child_terminated", "shutdown_error"])]
            lvl = "error"
        header = "%s [%s] %s%s " % (iso(t, 3, False, " "), lvl, p, ("@" + where) if where else "")
        out.append((header, e, fill(RIAK_T[e], vals)))
    return out


def riak_time(line):
    return line[:23]


# ================================================================ Aerospike
AERO_NODE = "bb9a3e2c4d10f07"
AERO_T = [
    "NODE-ID bb9a3e2c4d10f07 CLUSTER-SIZE <*>",
    "cluster-clock: skew-ms <*>",
    "system: total-cpu-pct <*> user-cpu-pct <*> kernel-cpu-pct <*> free-mem-kbytes <*> free-mem-pct <*> thp-mem-kbytes <*>",
    "process: cpu-pct <*> threads <*> heap-kbytes <*> heap-efficiency-pct <*>",
    "in-progress: info-q <*> rw-hash <*> proxy-hash <*> tree-gc-q <*>",
    "fds: proto <*> heartbeat <*> fabric <*>",
    "{<*>} objects: all <*> master <*> prole <*> non-replica <*>",
    "{<*>} client: tsvc <*> proxy <*> read <*> write <*> delete <*> udf <*> lang <*>",
    "{<*>} migrations: complete",
    "{<*>} migrations: remaining <*> active <*> complete-pct <*>",
    "node arrived <*>",
    "node departed <*>",
    "permitted | client: <*> | authenticated user: <*> | action: <*> | detail: <*>",
    "{<*>} write_master: record too big <Digest>:0x<*>",
]
AERO_COUNTS = [14, 14, 14, 14, 14, 14, 28, 28, 16, 8, 4, 4, 122, 6]
AERO_WHERE = [("INFO", "info", "ticker.c:172", 0), ("INFO", "info", "ticker.c:201", 3),
              ("INFO", "info", "ticker.c:245", 3), ("INFO", "info", "ticker.c:271", 3),
              ("INFO", "info", "ticker.c:300", 3), ("INFO", "info", "ticker.c:318", 3),
              ("INFO", "info", "ticker.c:493", 0), ("INFO", "info", "ticker.c:622", 0),
              ("INFO", "info", "ticker.c:513", 0), ("INFO", "info", "ticker.c:520", 0),
              ("INFO", "hb", "hb.c:4319", 0), ("INFO", "hb", "hb.c:4336", 0),
              ("INFO", "audit", "security.c:5840", 0), ("WARNING", "rw", "write.c:1089", 0)]
AERO_HDR = (r"[A-Z][a-z]{2} \d\d \d{4} \d\d:\d\d:\d\d GMT: (?:DEBUG|DETAIL|INFO|WARNING|FAILED|CRITICAL) "
            r"\([a-z_-]+\): \([a-z_0-9]+\.c:\d+\) {1,4}")


def gen_aerospike(rng):
    P = Pools(rng)
    peers = ["bb9a3e2c4d10f12", "bb91c07e5a60f0e", "bb9f77d0211a3c5"]
    users = ["admin", "app_rw", "reporting", "svc-etl"]
    out = []
    for t, e in shuffled(rng, AERO_COUNTS, DAY0 + 6 * 3600 * SEC + 44 * 60 * SEC, 1.3):
        ns = P.pick(e, "ns", ["test", "users", "test", "sessions"])
        if e == 0:
            vals = [P.pick(e, 0, ["3", "4", "4"])]
        elif e == 1:
            vals = [rng.choice([0, 0, 0, 1, 2])]
        elif e == 2:
            u = rng.randrange(3, 60)
            k = rng.randrange(1, 15)
            vals = [u + k, u, k, rng.randrange(20000000, 30000000), rng.randrange(78, 92),
                    P.pick(e, 5, ["0", "0", "2048", "135168"])]
        elif e == 3:
            th = rng.randrange(40, 70)
            vals = [rng.randrange(2, 90), "(%d,%d,%d,%d)" % (rng.randrange(8, 12), th, th - 17, th - 17),
                    "(%d,%d,%d)" % tuple(sorted(rng.randrange(1200000, 2600000) for _ in range(3))),
                    "%.1f" % rng.uniform(70, 95)]
        elif e == 4:
            vals = [P.pick(e, i, ["0", "0", "1", "0", "3"]) for i in range(4)]
        elif e == 5:
            a = rng.randrange(20, 400)
            vals = ["(%d,%d,%d)" % (a, 118000 + a, 118000), "(%d,%d,%d)" % (rng.randrange(2, 4), 12, 9),
                    "(%d,%d,%d)" % (48, 48, P.pick(e, 2, [0, 0, 1]))]
        elif e == 6:
            m = rng.randrange(100000, 9000000)
            nr = P.pick(e, 4, ["0", "0", str(rng.randrange(1, 5000))])
            vals = [ns, 2 * m + int(nr), m, m, nr]
        elif e == 7:
            vals = [ns, "(%d,%d)" % (rng.randrange(3), rng.randrange(3)), "(0,0,%d)" % rng.randrange(2),
                    "(%d,%d,%d,%d,%d)" % (rng.randrange(10 ** 4, 10 ** 8), rng.randrange(20), 0, rng.randrange(900), 0),
                    "(%d,%d,%d,%d)" % (rng.randrange(10 ** 3, 10 ** 7), rng.randrange(9), 0, 0),
                    "(%d,%d,%d,%d)" % (rng.randrange(10 ** 4), 0, 0, rng.randrange(50)),
                    "(%d,%d,%d,%d)" % (P.pick(e, 6, [0, 0, 1231, 88]), 0, 0, 0),
                    "(%d,%d,%d,%d)" % (P.pick(e, 7, [0, 1201, 0, 77]), 0, P.pick(e, 8, [0, 0, 3]), 0)]
        elif e == 8:
            vals = [ns]
        elif e == 9:
            r = rng.randrange(1, 1024)
            vals = [ns, "(%d,%d,%d)" % (r, r - rng.randrange(r + 1), 0),
                    "(%d,%d,%d)" % (rng.randrange(1, 3), rng.randrange(1, 3), 0), "%.2f" % rng.uniform(1, 99)]
        elif e in (10, 11):
            vals = [P.pick(e, 0, peers)]
        elif e == 12:
            user = P.pick(e, 1, users)
            action = rng.choice(["login", "authenticate", "authenticate", "query", "grant-roles", "create-user"])
            detail = {
                "login": "user=%s" % user,
                "authenticate": "user=%s" % user,
                "query": "{%s|orders} filter=bin(total) range 100 500" % ns,
                "grant-roles": "user=%s roles=read-write" % rng.choice(["etl_reader", "svc-etl"]),
                "create-user": "user=%s roles=read" % rng.choice(["tmp_audit", "qa.bot"]),
            }[action]
            vals = ["%s:%d" % (rng.choice(["10.0.2.31", "10.0.2.32", "10.0.9.140"]), rng.randrange(40000, 65000)),
                    user, action, detail]
        else:
            vals = [ns, hexs(rng, 40)]
        lvl, ctx, where, indent = AERO_WHERE[e]
        header = "%s: %s (%s): (%s)%s" % (aero_time(t), lvl, ctx, where, " " * (indent + 1))
        out.append((header, e, fill(AERO_T[e], vals)))
    return out


def aero_time_key(line):
    m = re.match(r"([A-Z][a-z]{2}) (\d\d) (\d{4}) (\d\d:\d\d:\d\d)", line)
    return (m.group(3), "%02d" % (MONTHS.index(m.group(1)) + 1), m.group(2), m.group(4))


# ============================================================== Firecracker
FIRE_T = [
    'The API server received a <*> request on "<*>" with body "<*>".',
    'The API server received a Get request on "<*>".',
    "The request was executed successfully. Status code: <*>.",
    "Received Error. Status code: 400 Bad Request. Message: <*>",
    "Running Firecracker v<*>",
    "Guest-boot-time = <*> us <*> ms, <*> CPU us <*> CPU ms",
    "Failed to trigger i8042 kbd interrupt (disabled by guest OS)",
    "Received KVM_EXIT_SHUTDOWN signal",
    "Vmm is stopping.",
    "Failed to execute <*> virtio block request: <*>",
    "Failed to write to tap: <*>",
    "Failed to read from tap: <*>",
    "Unexpected exit reason on vcpu run: <*>",
    "Artificially kick devices.",
]
FIRE_COUNTS = [95, 28, 104, 12, 4, 4, 20, 4, 4, 9, 5, 4, 4, 3]
FIRE_WHERE = [("INFO", "api", "src/firecracker/src/api_server/parsed_request.rs:178"),
              ("INFO", "api", "src/firecracker/src/api_server/parsed_request.rs:178"),
              ("INFO", "api", "src/firecracker/src/api_server/parsed_request.rs:231"),
              ("ERROR", "api", "src/firecracker/src/api_server/parsed_request.rs:245"),
              ("INFO", "main", "src/firecracker/src/main.rs:257"),
              ("INFO", "vcpu0", "src/vmm/src/devices/pseudo/boot_timer.rs:52"),
              ("WARN", "vcpu", "src/vmm/src/devices/legacy/i8042.rs:231"),
              ("INFO", "vcpu", "src/vmm/src/vstate/vcpu/mod.rs:487"),
              ("INFO", "main", "src/vmm/src/lib.rs:912"),
              ("ERROR", "main", "src/vmm/src/devices/virtio/block/virtio/device.rs:402"),
              ("ERROR", "main", "src/vmm/src/devices/virtio/net/device.rs:447"),
              ("ERROR", "main", "src/vmm/src/devices/virtio/net/device.rs:361"),
              ("ERROR", "vcpu", "src/vmm/src/vstate/vcpu/mod.rs:512"),
              ("INFO", "main", "src/vmm/src/persist.rs:433")]
FIRE_HDR = (r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9} \[[A-Za-z0-9-]+:(?:main|fc_api|fc_vcpu \d+)"
            r"(?::(?:ERROR|WARN|INFO|DEBUG|TRACE):[A-Za-z0-9_/.]+\.rs:\d+)?\] ")


def gen_firecracker(rng):
    P = Pools(rng)
    instances = [("anonymous-instance", False), ("7d3e1c0a-2b4f-4e8a-9c51-0f6d2a9b8e13", False),
                 ("ci-runner-042", True), ("a91f06c2-55d1-4b0e-8f3a-c2e7d9104b6f", True)]
    bodies = [
        ("Put", "/machine-config", '{\\"vcpu_count\\": %d, \\"mem_size_mib\\": %d, \\"smt\\": false}',
         lambda: (rng.choice([1, 2, 4]), rng.choice([256, 512, 1024, 2048]))),
        ("Put", "/boot-source", '{\\"kernel_image_path\\": \\"/srv/fc/vmlinux-6.1.%d\\", \\"boot_args\\": \\"console=ttyS0 reboot=k panic=1 pci=off\\"}',
         lambda: (rng.choice([102, 141]),)),
        ("Put", "/drives/rootfs", '{\\"drive_id\\": \\"rootfs\\", \\"path_on_host\\": \\"/srv/fc/images/%s.ext4\\", \\"is_root_device\\": true, \\"is_read_only\\": false}',
         lambda: (rng.choice(["ubuntu-24.04", "alpine-3.20", "ci-runner"]),)),
        ("Put", "/network-interfaces/eth0", '{\\"iface_id\\": \\"eth0\\", \\"guest_mac\\": \\"06:00:AC:10:00:%02X\\", \\"host_dev_name\\": \\"tap%d\\"}',
         lambda: (rng.randrange(2, 250), rng.randrange(0, 9))),
        ("Put", "/actions", '{\\"action_type\\": \\"%s\\"}', lambda: (rng.choice(["InstanceStart", "FlushMetrics", "SendCtrlAltDel"]),)),
        ("Patch", "/vm", '{\\"state\\": \\"%s\\"}', lambda: (rng.choice(["Paused", "Resumed"]),)),
        ("Put", "/snapshot/create", '{\\"snapshot_type\\": \\"%s\\", \\"snapshot_path\\": \\"/srv/fc/snap/%s.vmstate\\", \\"mem_file_path\\": \\"/srv/fc/snap/%s.mem\\"}',
         lambda: (lambda n: (rng.choice(["Full", "Diff"]), n, n))(rng.choice(["golden", "job-8812", "job-8813"]))),
        ("Patch", "/drives/scratch", '{\\"drive_id\\": \\"scratch\\", \\"path_on_host\\": \\"/srv/fc/scratch/%d.img\\"}', lambda: (rng.randrange(1000, 9999),)),
        ("Put", "/mmds", '{\\"latest\\": {\\"meta-data\\": {\\"instance-id\\": \\"i-%s\\", \\"local-ipv4\\": \\"172.16.0.%d\\"}}}',
         lambda: (hexs(rng, 8), rng.randrange(2, 250))),
        ("Put", "/metrics", '{\\"metrics_path\\": \\"/srv/fc/run/%s.metrics\\"}', lambda: (hexs(rng, 6),)),
        ("Patch", "/balloon", '{\\"amount_mib\\": %d}', lambda: (rng.choice([0, 64, 256, 512]),)),
    ]
    bw = [12, 10, 10, 9, 16, 7, 3, 3, 5, 4, 4]
    gets = ["/", "/machine-config", "/vm/config", "/balloon/statistics", "/mmds", "/version"]
    api_errors = [
        "Invalid request method and/or path: PUT /drive/rootfs.",
        "The requested operation is not supported after starting the microVM.",
        'Unable to create the block device: BackingFile(Os { code: 2, kind: NotFound, message: "No such file or directory" }, "/srv/fc/images/ubuntu-22.04.ext4")',
        "Cannot create snapshot: the microVM is not paused.",
        "An error occurred when deserializing the json body of a request: missing field `state` at line 1 column 2.",
    ]
    blk_errors = ['IoError(Os { code: 5, kind: Uncategorized, message: "Input/output error" })',
                  "DescriptorChainTooShort", "GuestMemory(InvalidGuestAddress(GuestAddress(4294967296)))"]
    tap_errors = ['Os { code: 5, kind: Uncategorized, message: "Input/output error" }',
                  'Os { code: 11, kind: WouldBlock, message: "Resource temporarily unavailable" }',
                  'Os { code: 77, kind: Uncategorized, message: "File descriptor in bad state" }']
    out = []
    for t, e in shuffled(rng, FIRE_COUNTS, DAY0 + 22 * 3600 * SEC + 3 * 60 * SEC, 4.0):
        inst, verbose = rng.choice(instances)
        lvl, thr, origin = FIRE_WHERE[e]
        if thr == "api":
            thread = "fc_api"
        elif thr == "main":
            thread = "main"
        elif thr == "vcpu0":
            thread = "fc_vcpu 0"
        else:
            thread = "fc_vcpu %d" % rng.choice([0, 1, 1, 3])
        if e == 0:
            meth, path, fmt, argf = rng.choices(bodies, bw)[0]
            vals = [meth, path, fmt % argf()]
        elif e == 1:
            vals = [rng.choice(gets)]
        elif e == 2:
            vals = [rng.choices(["204 No Content", "200 OK"], [4, 1])[0]]
        elif e == 3:
            vals = [P.pick(e, 0, api_errors)]
        elif e == 4:
            vals = [P.pick(e, 0, ["1.7.0", "1.8.0"])]
        elif e == 5:
            us = rng.randrange(90000, 420000)
            cpu = rng.randrange(20000, 90000)
            vals = [us, us // 1000, cpu, cpu // 1000]
        elif e == 9:
            vals = [P.pick(e, 0, ["In", "Out", "Flush"]), P.pick(e, 1, blk_errors)]
        elif e in (10, 11):
            vals = [P.pick(e, 0, tap_errors)]
        elif e == 12:
            vals = [P.pick(e, 0, ["InternalError", "FailEntry(0x0, 1)", "SystemEvent(2, 0)"])]
        else:
            vals = []
        bracket = "%s:%s" % (inst, thread)
        if verbose:
            bracket += ":%s:%s" % (lvl, origin)
        header = "%s [%s] " % (iso(t, 9, False), bracket)
        out.append((header, e, fill(FIRE_T[e], vals)))
    return out


def fire_time(line):
    return line[:29]


# ============================================================ write & check
SYSTEMS = [
    ("Gitaly", gen_gitaly, GITALY_T, GITALY_HDR, gitaly_time),
    ("RocketChat", gen_rocket, ROCKET_T, ROCKET_HDR, rocket_time),
    ("Kopia", gen_kopia, KOPIA_T, KOPIA_HDR, kopia_time),
    ("Riak", gen_riak, RIAK_T, RIAK_HDR, riak_time),
    ("Aerospike", gen_aerospike, AERO_T, AERO_HDR, aero_time_key),
    ("Firecracker", gen_firecracker, FIRE_T, FIRE_HDR, fire_time),
]


def write_system(k, name, gen, templates):
    rng = random.Random(SEED * 10 + k)
    lines = gen(rng)
    d = os.path.join(HERE, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="\n") as f:
        for hdr, e, content in lines:
            f.write(hdr + content + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (hdr, e, content) in enumerate(lines, 1):
            w.writerow([i, content, "E%d" % (e + 1), templates[e]])


def check_system(name, templates, hdr_re, time_of):
    def fail(msg):
        raise SystemExit("self-check FAILED for %s: %s" % (name, msg))

    d = os.path.join(HERE, name)
    with open(os.path.join(d, name + ".log"), encoding="utf-8", newline="") as f:
        raw = f.read()
    if not raw.endswith("\n"):
        fail("raw file not newline-terminated")
    lines = raw[:-1].split("\n")
    if len(lines) != N_LINES:
        fail("%d raw lines" % len(lines))
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        fail("bad CSV header")
    rows = rows[1:]
    if len(rows) != N_LINES:
        fail("%d CSV rows" % len(rows))
    hdr = re.compile(hdr_re)
    declared = ["E%d" % (i + 1) for i in range(len(templates))]
    tpl_of = {}
    groups = {}
    counts = {}
    prev = None
    for i, (row, line) in enumerate(zip(rows, lines), 1):
        if len(row) != 4:
            fail("row %d has %d fields" % (i, len(row)))
        lid, content, eid, tpl = row
        if lid != str(i):
            fail("LineId %r at row %d" % (lid, i))
        if content != content.strip() or not content:
            fail("line %d: Content has surrounding whitespace or is empty" % i)
        if not line.endswith(content):
            fail("line %d does not end with its Content" % i)
        head = line[:len(line) - len(content)]
        if not hdr.fullmatch(head):
            fail("line %d header does not match: %r" % (i, head))
        tm = time_of(line)
        if prev is not None and tm < prev:
            fail("line %d: time goes back (%r < %r)" % (i, tm, prev))
        prev = tm
        if eid not in declared:
            fail("line %d: undeclared EventId %s" % (i, eid))
        if tpl_of.setdefault(eid, tpl) != tpl:
            fail("EventId %s has more than one template" % eid)
        if templates[int(eid[1:]) - 1] != tpl:
            fail("EventId %s template differs from declaration" % eid)
        rx = "^" + "(.+?)".join(re.escape(p) for p in tpl.split("<*>")) + "$"
        m = re.fullmatch(rx, content, re.S)
        if not m:
            fail("line %d: template does not match Content" % i)
        g = groups.setdefault(eid, [set() for _ in range(tpl.count("<*>"))])
        for j, v in enumerate(m.groups()):
            g[j].add(v)
        counts[eid] = counts.get(eid, 0) + 1
    if sorted(tpl_of) != sorted(declared):
        fail("declared events without lines: %s" % sorted(set(declared) - set(tpl_of)))
    if len(set(tpl_of.values())) != len(tpl_of):
        fail("two EventIds share a template")
    for eid, g in groups.items():
        for j, s in enumerate(g):
            if len(s) < 2:
                fail("%s slot %d takes only %r" % (eid, j + 1, s))
    c = [counts[e] for e in declared]
    if not 12 <= len(c) <= 15:
        fail("%d event types" % len(c))
    if min(c) < 3:
        fail("an event type has fewer than 3 lines: %s" % counts)
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        fail("fewer than three types with 3-10 lines: %s" % counts)
    if max(c) < 3 * statistics.median(c):
        fail("most frequent type (%d) < 3x median (%s)" % (max(c), statistics.median(c)))
    return "%s: %d event types, %d lines; %s" % (
        name, len(c), sum(c), " ".join("%s=%d" % (e, counts[e]) for e in declared))


def main():
    for k, (name, gen, templates, _, _) in enumerate(SYSTEMS):
        write_system(k, name, gen, templates)
    for name, _, templates, hdr_re, time_of in SYSTEMS:
        print(check_system(name, templates, hdr_re, time_of))
    print("self-check passed")


if __name__ == "__main__":
    main()
