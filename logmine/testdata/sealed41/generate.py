#!/usr/bin/env python3
"""Sealed 41 corpus generator. Standard library only, fully deterministic."""
import csv
import os
import random
import re
import statistics

BASE_SEED = 20270143
OUT = os.path.dirname(os.path.abspath(__file__))
NLINES = 300
SEC = 10 ** 9
MS = 10 ** 6

# ---------------------------------------------------------------- clock / time formatting
# integer nanoseconds since 2026-03-14T00:00:00Z; every stream stays inside that day
DATE_DASH = "2026-03-14"
DATE_SLASH = "2026/03/14"


def _split(ns):
    assert 0 <= ns < 86400 * SEC, "clock left the day"
    s = ns // SEC
    return s // 3600, (s // 60) % 60, s % 60, ns % SEC


def ts_rfc3339(ns):
    h, m, s, _ = _split(ns)
    return "%sT%02d:%02d:%02dZ" % (DATE_DASH, h, m, s)


def ts_iso_ms(ns):
    h, m, s, f = _split(ns)
    return "%sT%02d:%02d:%02d.%03dZ" % (DATE_DASH, h, m, s, f // MS)


def ts_nlog(ns):
    h, m, s, f = _split(ns)
    return "%s %02d:%02d:%02d.%04d" % (DATE_DASH, h, m, s, f // 100000)


def ts_atlantis(ns):
    h, m, s, _ = _split(ns)
    return "%s %02d:%02d:%02d+0000" % (DATE_SLASH, h, m, s)


# ---------------------------------------------------------------- events and value helpers
class Cyc:
    """Small pool that cycles per (event, slot): one instance per slot."""

    def __init__(self, pool, start=0):
        self.pool = list(pool)
        assert len(set(self.pool)) >= 2
        self.i = start

    def __call__(self, r):
        v = self.pool[self.i % len(self.pool)]
        self.i += 1
        return v


class Ev:
    def __init__(self, tpl, slots=None, level="info", count=0, **hdr):
        self.tpl = tpl
        self.slots = slots
        self.level = level
        self.count = count
        self.hdr = hdr
        if slots is not None:
            assert tpl.count("<*>") == len(slots), tpl

    def fill(self, vals):
        parts = self.tpl.split("<*>")
        assert len(vals) == len(parts) - 1, (self.tpl, vals)
        out = parts[0]
        for v, p in zip(vals, parts[1:]):
            v = str(v)
            assert v and "\n" not in v and "\r" not in v
            out += v + p
        return out

    def draw(self, r):
        return self.fill([s(r) for s in self.slots])


HEXD = "0123456789abcdef"
B32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
ALNUM = "bcdfghjklmnpqrstvwxz2456789"


def hexs(r, n):
    return "".join(r.choice(HEXD) for _ in range(n))


def uuid(r):
    return "%s-%s-%s-%s-%s" % (hexs(r, 8), hexs(r, 4), "4" + hexs(r, 3),
                               r.choice("89ab") + hexs(r, 3), hexs(r, 12))


def ulid(r):
    return "01H" + "".join(r.choice(B32) for _ in range(23))


def kname(r, n=5):
    return "".join(r.choice(ALNUM) for _ in range(n))


def ip10(r):
    return "10.%d.%d.%d" % (r.randint(0, 40), r.randint(0, 255), r.randint(2, 254))


def ip_any(r):
    return r.choice([ip10(r), "172.%d.%d.%d" % (r.randint(16, 31), r.randint(0, 255), r.randint(2, 254)),
                     "192.168.%d.%d" % (r.randint(0, 20), r.randint(2, 254))])


def eport(r):
    return r.randint(32768, 60999)


def dur_ms(r, lo=1.0, hi=900.0):
    return "%.3fms" % r.uniform(lo, hi)


def dur_go(r):
    x = r.random()
    if x < 0.55:
        return "%.3fms" % r.uniform(1.0, 999.0)
    if x < 0.9:
        return "%.3fs" % r.uniform(1.0, 59.0)
    return "%dm%.3fs" % (r.randint(1, 9), r.uniform(0.0, 59.9))


def size_h(r):
    x = r.random()
    if x < 0.3:
        return "%d KB" % r.randint(12, 1023)
    if x < 0.9:
        return "%.1f MB" % r.uniform(1.0, 900.0)
    return "%.2f GB" % r.uniform(1.0, 6.0)


# ---------------------------------------------------------------- output + self check
def write_system(name, events, rows, hdr_re, kind):
    """rows: list of (header, content, event_index)."""
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    rows = rows[:NLINES]
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="") as f:
        for h, c, _ in rows:
            f.write(h + c + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_, c, e) in enumerate(rows, 1):
            w.writerow([i, c, "E%d" % (e + 1), events[e].tpl])
    return check_system(name, events, hdr_re, kind)


def tpl_regex(t):
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in t.split("<*>")) + "$", re.S)


def check_system(name, events, hdr_re, kind):
    d = os.path.join(OUT, name)
    raw = open(os.path.join(d, name + ".log"), "rb").read()
    assert raw.endswith(b"\n") and b"\r" not in raw, name
    lines = raw.decode("utf-8").split("\n")[:-1]
    assert len(lines) == NLINES, (name, len(lines))
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rd = list(csv.reader(f))
    assert rd[0] == ["LineId", "Content", "EventId", "EventTemplate"], name
    body = rd[1:]
    assert len(body) == NLINES, name
    hre = re.compile(hdr_re)
    declared = {"E%d" % (i + 1): ev.tpl for i, ev in enumerate(events)}
    assert len(set(declared.values())) == len(declared), "duplicate templates in " + name
    assert 12 <= len(events) <= 15, name
    tpl_of, counts, caps = {}, {}, {}
    last_ts = None
    for i, (row, line) in enumerate(zip(body, lines), 1):
        assert len(row) == 4, (name, i)
        lid, content, eid, tpl = row
        assert lid == str(i), (name, i)
        assert content and content == content.strip(), (name, i)
        assert line.endswith(content), (name, i)
        m = hre.fullmatch(line[: len(line) - len(content)])
        assert m, (name, i, line)
        ts = m.group("ts")
        assert last_ts is None or ts >= last_ts, (name, i, "time went back")
        last_ts = ts
        assert re.fullmatch(r"E\d+", eid), (name, i)
        assert declared.get(eid) == tpl, (name, i, eid)
        assert tpl_of.setdefault(eid, tpl) == tpl
        mm = tpl_regex(tpl).fullmatch(content)
        assert mm, (name, i, content, tpl)
        counts[eid] = counts.get(eid, 0) + 1
        for k, g in enumerate(mm.groups()):
            caps.setdefault((eid, k), set()).add(g)
    if os.environ.get("DEBUG_COUNTS"):
        print(name, sorted(counts.items(), key=lambda x: int(x[0][1:])))
    assert set(counts) == set(declared), (name, "unused", set(declared) - set(counts))
    for (eid, k), vals in caps.items():
        assert len(vals) >= 2, (name, eid, "slot", k, "constant", vals)
    cs = sorted(counts.values())
    assert cs[0] >= 3, (name, counts)
    assert sum(1 for c in cs if 3 <= c <= 10) >= 3, (name, counts)
    assert cs[-1] >= 3 * statistics.median(cs), (name, counts)
    print("%-16s %-10s lines=%d events=%d min=%d median=%g max=%d small(3-10)=%d" % (
        name, kind, len(lines), len(events), cs[0], statistics.median(cs), cs[-1],
        sum(1 for c in cs if 3 <= c <= 10)))
    return 2


def shuffle_rows(r, events, start_ns, mean_gap_s, header_fn):
    order = []
    for i, ev in enumerate(events):
        order += [i] * ev.count
    assert len(order) == NLINES, len(order)
    r.shuffle(order)
    t = start_ns
    rows = []
    for i in order:
        t += int(r.expovariate(1.0 / mean_gap_s) * SEC) + r.randint(0, 999999)
        ev = events[i]
        rows.append((header_fn(r, t, ev), ev.draw(r), i))
    return rows


def merge_sim(streams):
    """streams: list of lists of (ns, event_index, values, extra). merged by time, stable."""
    allrows = []
    seq = 0
    for s in streams:
        for item in s:
            allrows.append((item[0], seq) + tuple(item))
            seq += 1
    allrows.sort(key=lambda x: (x[0], x[1]))
    return [x[2:] for x in allrows][:NLINES]


# ================================================================ 1. ArgoRollouts (simulation)
def sys_argo(r):
    F4 = " generation=<*> namespace=<*> resourceVersion=<*> rollout=<*>"
    NR = " namespace=<*> rollout=<*>"
    AN = " analysisrun=<*> metric=<*> namespace=<*>"
    events = [
        Ev('msg="Started syncing rollout"' + F4),                                   # E1
        Ev('msg="Reconciliation completed"' + F4 + " time_ms=<*>"),                  # E2
        Ev('msg="Scaled up ReplicaSet <*> (revision <*>) from <*> to <*>"' + NR),    # E3
        Ev('msg="Scaled down ReplicaSet <*> (revision <*>) from <*> to <*>"' + NR),  # E4
        Ev('msg="Traffic weight updated from <*> to <*>"' + NR),                     # E5
        Ev('msg="Patched: <*>"' + NR),                                               # E6
        Ev('msg="Created AnalysisRun \'<*>\' for step <*>"' + NR),                   # E7
        Ev('msg="Started syncing Analysis" analysisrun=<*> namespace=<*>'),          # E8
        Ev('msg="Measurement Completed. Result: Successful"' + AN),                  # E9
        Ev('msg="Measurement Completed. Result: Failed"' + AN, level="warning"),     # E10
        Ev('msg="Step Analysis Run \'<*>\' Status New: \'<*>\' Previous: \'<*>\'"' + NR),  # E11
        Ev('msg="Rollout paused at step <*>"' + NR),                                 # E12
        Ev('msg="Rollout resumed at step <*>"' + NR),                                # E13
        Ev('msg="Aborting rollout: <*>"' + NR, level="warning"),                     # E14
        Ev('msg="Rollout completed update to revision <*> (<*>)"' + NR),             # E15
    ]
    names = ["guestbook", "checkout-api", "payments-svc", "search-web", "cart-service",
             "ledger-worker", "notifier", "inventory-api", "auth-gateway", "catalog-web",
             "pricing-engine", "orders-api"]
    nss = ["default", "shop", "payments", "platform", "staging", "edge"]
    metrics = ["success-rate", "latency-p95", "error-ratio", "http-5xx"]
    abort_reasons = ["Metric \\\"success-rate\\\" assessed Failed due to failed (3) > failureLimit (2)",
                     "Metric \\\"latency-p95\\\" assessed Failed due to failed (2) > failureLimit (1)",
                     "Metric \\\"error-ratio\\\" assessed Failed due to failed (4) > failureLimit (3)",
                     "Rollout aborted by user"]
    streams = []
    t0 = 6 * 3600 * SEC + 12 * 60 * SEC
    for k in range(len(names)):
        name = names[k]
        ns = nss[k % len(nss)]
        out = []
        st = {"t": t0 + k * r.randint(10, 40) * SEC + r.randint(0, SEC),
              "gen": r.randint(2, 40), "rv": r.randint(120000, 990000)}

        def emit(e, vals, gap_ms=(2, 40)):
            st["t"] += r.randint(gap_ms[0] * MS, gap_ms[1] * MS)
            out.append((st["t"], e, vals))

        def cycle(action, wait_s=(3, 25)):
            emit(0, [st["gen"], ns, st["rv"], name])
            action()
            emit(1, [st["gen"], ns, st["rv"], name, "%.3f" % r.uniform(1.5, 140.0)])
            st["rv"] += r.randint(3, 60)
            st["t"] += r.randint(wait_s[0] * SEC, wait_s[1] * SEC)

        rev = r.randint(2, 14)
        new_rs = "%s-%s" % (name, hexs(r, 9))
        old_rs = "%s-%s" % (name, hexs(r, 9))
        replicas = r.choice([3, 4, 5, 6, 8, 10])
        steps = r.choice([[20, 40, "pause", 50, "analysis", 100],
                          [10, 30, "analysis", 60, "pause", 100],
                          [25, "analysis", 50, 75, 100],
                          [20, "pause", 40, 60, 80, 100]])
        fail = k in (0, 2, 3, 5, 8, 11)
        st["gen"] += 1
        cur = {"w": 0, "up": 0, "idx": 0, "old": replicas}

        def scale_up(target):
            def a():
                emit(2, [new_rs, rev, cur["up"], target, ns, name])
                cur["up"] = target
            return a

        for idx, step in enumerate(steps):
            cur["idx"] = idx
            if isinstance(step, int):
                target = max(1, (replicas * step + 99) // 100)

                def act(step=step, target=target, idx=idx):
                    if target != cur["up"]:
                        emit(2, [new_rs, rev, cur["up"], target, ns, name])
                        cur["up"] = target
                    keep = max(1, replicas - target)
                    if 0 < step < 100 and keep < cur["old"]:
                        emit(3, [old_rs, rev - 1, cur["old"], keep, ns, name])
                        cur["old"] = keep
                    emit(4, [cur["w"], step, ns, name])
                    cur["w"] = step
                    emit(5, ['{\\"status\\":{\\"currentStepIndex\\":%d,\\"observedGeneration\\":\\"%s\\"}}'
                             % (idx + 1, hexs(r, 8)), ns, name])
                cycle(act)
            elif step == "pause":
                cycle(lambda idx=idx: emit(11, [idx, ns, name]), wait_s=(30, 120))
                cycle(lambda idx=idx: emit(12, [idx, ns, name]))
            else:
                run = "%s-%s-%d-%d" % (name, hexs(r, 9), rev, idx)

                def act(run=run, idx=idx):
                    emit(6, [run, idx, ns, name])
                    emit(10, [run, "Running", "Pending", ns, name])
                cycle(act, wait_s=(1, 3))
                # the analysis run on its own clock
                at = st["t"]
                failed = False
                for mi in range(r.randint(2, 4)):
                    at += r.randint(8 * SEC, 25 * SEC)
                    out.append((at, 7, [run, ns]))
                    at += r.randint(20 * MS, 900 * MS)
                    met = metrics[(k + k // 4 + mi) % len(metrics)]
                    if fail and mi >= 1:
                        out.append((at, 9, [run, met, ns]))
                        failed = True
                        break
                    out.append((at, 8, [run, met, ns]))
                st["t"] = at + r.randint(1 * SEC, 5 * SEC)
                if failed:
                    def act(run=run):
                        emit(10, [run, "Failed", "Running", ns, name])
                        emit(13, [abort_reasons[k % len(abort_reasons)], ns, name])
                        emit(3, [new_rs, rev, cur["up"], 0, ns, name])
                        emit(4, [cur["w"], 0, ns, name])
                    cycle(act)
                    break
                cycle(lambda run=run: emit(10, [run, "Successful", "Running", ns, name]))
        else:
            def fin():
                emit(3, [old_rs, rev - 1, cur["old"], 0, ns, name])
                emit(14, [rev, new_rs.rsplit("-", 1)[1], ns, name])
            cycle(fin)
            for _ in range(r.randint(1, 3)):
                cycle(lambda: None, wait_s=(60, 300))
        streams.append(out)
    merged = merge_sim(streams)
    rows = []
    for t, e, vals in merged:
        ev = events[e]
        rows.append(('time="%s" level=%s ' % (ts_rfc3339(t), ev.level), ev.fill(vals), e))
    hdr = r'time="(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)" level=(debug|info|warning|error) '
    return write_system("ArgoRollouts", events, rows, hdr, "simulation")


# ================================================================ 2. Flagger (shuffle)
def sys_flagger(r):
    canaries = ["podinfo.test", "frontend.prod", "checkout.shop", "backend.prod", "search.staging",
                "api-gateway.edge", "reviews.bookinfo", "ratings.bookinfo"]

    def C(start=0):
        return Cyc(canaries, start)

    def prim(start):
        c = Cyc(canaries, start)
        return lambda r: "%s-primary.%s" % tuple(c(r).split(".", 1))

    CJ = '","canary":"<*>"}'
    events = [
        Ev('"msg":"Starting canary analysis for <*>' + CJ, [C(0), C(0)],
           count=15, caller="controller/events.go:33"),                                       # E1
        Ev('"msg":"Advance <*> canary weight <*>' + CJ,
           [C(1), Cyc([5, 10, 15, 20, 25, 30, 40, 50]), C(1)], count=110, caller="controller/events.go:33"),
        Ev('"msg":"Advance <*> canary iteration <*>/<*>' + CJ,
           [C(2), Cyc([1, 2, 3, 4, 5, 6, 7, 8, 9]), Cyc([10, 5, 8, 12]), C(2)],
           count=49, caller="controller/events.go:33"),
        Ev('"msg":"Halt advancement <*> waiting for rollout to finish: <*> of <*> updated replicas are available'
           + CJ, [prim(3), Cyc([0, 1, 2, 3]), Cyc([2, 3, 4, 6, 5]), C(3)],
           count=20, caller="controller/events.go:33"),
        Ev('"msg":"Halt <*> advancement request duration <*> > <*>' + CJ,
           [C(4), lambda r: "%.3fs" % r.uniform(0.5, 4.0), Cyc(["500ms", "1s", "300ms"]), C(4)],
           count=8, caller="controller/events.go:45", level="info"),
        Ev('"msg":"Halt <*> advancement success rate <*>% < <*>%' + CJ,
           [C(5), lambda r: "%.2f" % r.uniform(40.0, 98.9), Cyc([99, 95, 98]), C(5)],
           count=6, caller="controller/events.go:45"),
        Ev('"msg":"Copying <*> template spec to <*>' + CJ, [C(6), prim(6), C(6)],
           count=14, caller="controller/events.go:33"),
        Ev('"msg":"Routing all traffic to primary' + CJ, [C(7)], count=14, caller="controller/events.go:33"),
        Ev('"msg":"Promotion completed! Scaling down <*>' + CJ, [C(0), C(0)],
           count=12, caller="controller/events.go:33"),
        Ev('"msg":"Rolling back <*> failed checks threshold reached <*>' + CJ,
           [C(1), Cyc([5, 3, 10, 2]), C(1)], count=4, caller="controller/events.go:45", level="info"),
        Ev('"msg":"Canary failed! Scaling down <*>' + CJ, [C(2), C(2)],
           count=5, caller="controller/events.go:45"),
        Ev('"msg":"New revision detected! Scaling up <*>' + CJ, [C(3), C(3)],
           count=16, caller="controller/events.go:33"),
        Ev('"msg":"Metric query <*> failed for <*>: <*>' + CJ,
           [Cyc(["request-success-rate", "request-duration", "error-rate", "latency-p99"]), C(4),
            Cyc(["prometheus query failed: Post \\\"http://prometheus.istio-system:9090/api/v1/query\\\": context deadline exceeded",
                 "no values found for metric error-rate",
                 "prometheus query failed: 422 Unprocessable Entity: parse error at char 41: unexpected right parenthesis",
                 "Get \\\"http://prometheus.monitoring:9090/api/v1/query\\\": dial tcp 10.96.12.7:9090: connect: connection refused"]),
            C(4)],
           count=7, caller="controller/events.go:45", level="error"),
        Ev('"msg":"Pre-rollout check <*> passed' + CJ,
           [Cyc(["acceptance-test", "smoke-test", "db-migration-check", "conformance"]), C(5)],
           count=20, caller="controller/events.go:33"),
    ]
    # the canary field agrees with the name in the message: both slots cycle in step

    def header(r, t, ev):
        return '{"level":"%s","ts":"%s","caller":"%s",' % (ev.level, ts_iso_ms(t), ev.hdr["caller"])
    rows = shuffle_rows(r, events, 9 * 3600 * SEC + 3 * 60 * SEC, 18.0, header)
    hdr = (r'\{"level":"(debug|info|warn|error)","ts":"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)",'
           r'"caller":"[a-z_/]+\.go:\d+",')
    return write_system("Flagger", events, rows, hdr, "shuffle")


# ================================================================ 3. OctopusTentacle (shuffle)
def sys_tentacle(r):
    thumbs = [hexs(r, 40).upper() for _ in range(4)]
    reasons = ["Unable to read data from the transport connection: An existing connection was forcibly closed by the remote host.",
               "The remote certificate was rejected by the provided RemoteCertificateValidationCallback.",
               "Authentication failed because the remote party has closed the transport stream.",
               "The operation has timed out.",
               "Received an unexpected EOF or 0 bytes from the transport stream."]
    pkgs = ["Acme.Web", "Acme.Worker", "Contoso.Billing.Api", "Fabrikam.Portal", "Northwind.Reports"]

    def ticket(r):
        return hexs(r, 32)

    def workdir(r):
        return "C:\\Octopus\\Work\\20260314%02d%02d%02d-%d-%d" % (
            r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), r.randint(1000, 99999), r.randint(1, 60))

    events = [
        Ev("Accepted TCP client: <*>:<*>", [ip_any, eport], count=70),                              # E1
        Ev("Client at <*>:<*> authenticated as <*>", [ip_any, eport, Cyc(thumbs)], count=55),       # E2
        Ev("Client <*>:<*> disconnected", [ip_any, eport], count=45),                                # E3
        Ev("Starting script <*> in workspace <*>", [ticket, workdir], count=25),                     # E4
        Ev("Script <*> completed with exit code <*> after <*>",
           [ticket, Cyc([0, 0, 0, 1, 0, 0, 255, 0, 2, 0]), lambda r: "%02d:%02d:%02d.%07d" % (
               0, r.randint(0, 12), r.randint(0, 59), r.randint(0, 9999999))], count=25),            # E5
        Ev("Script <*> was cancelled", [ticket], level="WARN", count=4),                             # E6
        Ev("Package <*> version <*> downloaded to <*> (<*>)",
           [Cyc(pkgs), lambda r: "%d.%d.%d" % (r.randint(1, 9), r.randint(0, 30), r.randint(0, 400)),
            Cyc(["C:\\Octopus\\Files", "D:\\Octopus\\Files", "C:\\Octopus\\Packages"]), size_h], count=12),
        Ev("Package <*> version <*> found in cache, skipping download",
           [Cyc(pkgs, 2), lambda r: "%d.%d.%d" % (r.randint(1, 9), r.randint(0, 30), r.randint(0, 400))],
           count=8),
        Ev("Health check requested by server <*>",
           [Cyc(["octopus.corp.local", "deploy01.contoso.net", "octo-ha-2.fabrikam.io"])], count=20),
        Ev("Free disk space on drive <*> is below <*> (<*> remaining)",
           [Cyc(["C:", "D:"]), Cyc(["500 MB", "1 GB", "2 GB"]),
            lambda r: "%d MB" % r.randint(40, 480)], level="WARN", count=5),
        Ev("Unhandled error when handling request from client <*>:<*>: <*>",
           [ip_any, eport, Cyc(reasons)], level="ERROR", count=6),
        Ev("Connection from <*>:<*> rejected: thumbprint <*> is not trusted",
           [ip_any, eport, lambda r: hexs(r, 40).upper()], level="WARN", count=7),
        Ev("Deleting workspace <*>", [workdir], count=10),
        Ev("Cleaned up <*> old workspaces, freed <*>", [lambda r: r.randint(2, 60), size_h], count=8),
    ]
    pid = 4312

    def header(r, t, ev):
        return "%s %6d %6d %5s  " % (ts_nlog(t), pid, r.randint(1, 48), ev.level.upper())
    rows = shuffle_rows(r, events, 11 * 3600 * SEC + 41 * 60 * SEC, 12.0, header)
    hdr = (r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{4}) +\d+ +\d+ +(TRACE|DEBUG|INFO|WARN|ERROR|FATAL)  ")
    return write_system("OctopusTentacle", events, rows, hdr, "shuffle")


# ================================================================ 4. Atlantis (shuffle)
def sys_atlantis(r):
    repos = ["acme-corp/infra-live", "acme-corp/terraform-aws-network", "globex/platform-tf",
             "initech/k8s-clusters", "umbrella/dns-records"]
    dirs = ["envs/prod", "envs/staging", "modules/vpc", "stacks/eks", "dns", "iam/roles"]
    wss = ["default", "prod", "staging", "dev"]

    def lockid(r):
        return "%s/%s/%s" % (r.choice(repos), r.choice(dirs), r.choice(wss))
    plan_errs = ["exit status 1: Error: No valid credential sources found for AWS Provider",
                 "exit status 1: Error: Error acquiring the state lock: ConditionalCheckFailedException",
                 "exit status 1: Error: Unsupported argument on main.tf line 42",
                 "running git clone: exit status 128",
                 "exit status 1: Error: Failed to query available provider packages"]
    projs = ["prod-vpc", "staging-eks", "dns-zones", "iam-roles", "network-core", "default"]
    events = [
        Ev('Parsed comment as command="<*>" verbose=<*> dir="<*>" workspace="<*>" project="<*>"',
           [Cyc(["plan", "apply", "plan", "unlock"]), Cyc(["false", "false", "true"]), Cyc(dirs), Cyc(wss), Cyc(projs)],
           level="DBUG", count=75, src="pr"),                                                         # E1
        Ev('Running plan in directory "<*>" workspace "<*>"', [Cyc(dirs, 1), Cyc(wss, 1)], count=35, src="pr"),
        Ev("Plan succeeded for project <*>: <*> to add, <*> to change, <*> to destroy",
           [Cyc(projs, 1), lambda r: r.randint(0, 40), lambda r: r.randint(0, 12), lambda r: r.randint(0, 5)],
           count=25, src="pr"),
        Ev("Plan failed for project <*>: <*>", [Cyc(projs, 2), Cyc(plan_errs)], level="EROR", count=6, src="pr"),
        Ev('Running apply in directory "<*>" workspace "<*>"', [Cyc(dirs, 2), Cyc(wss, 2)], count=15, src="pr"),
        Ev("Apply succeeded for project <*> in <*>", [Cyc(projs, 3), dur_go], count=12, src="pr"),
        Ev('Acquired lock with id "<*>"', [lockid], count=30, src="pr"),
        Ev('Released lock with id "<*>"', [lockid], count=25, src="pr"),
        Ev("Project <*> is locked by pull request #<*>", [Cyc(projs, 4), lambda r: r.randint(100, 2400)],
           level="WARN", count=4, src="pr"),
        Ev("Handling GitHub Pull Request '<*>' event",
           [Cyc(["opened", "synchronize", "synchronize", "closed", "reopened"])], count=22, src="server"),
        Ev('Ignoring non-command comment: "<*>"',
           [Cyc(["LGTM", "can you rerun this?", "looks good, merging after apply",
                 "why does this destroy the NAT gateway?", "ship it"])], level="DBUG", count=12, src="server"),
        Ev("Deleted locks and workspace for repo <*>, pull <*>", [Cyc(repos), lambda r: r.randint(100, 2400)],
           count=8, src="pr"),
        Ev("<*> projects are to be planned based on their when_modified config",
           [Cyc([1, 2, 3, 1, 4, 2, 6])], count=26, src="pr"),
        Ev("Webhook signature validation failed for request from <*>: <*>",
           [ip_any, Cyc(["payload signature check failed", "missing X-Hub-Signature-256 header",
                         "request body too short"])], level="WARN", count=5, src="server"),
    ]

    def header(r, t, ev):
        src = "server" if ev.hdr["src"] == "server" else "%s#%d" % (r.choice(repos), r.randint(100, 2400))
        return "%s [%s] %s: " % (ts_atlantis(t), ev.level, src)
    for ev in events:
        if ev.level == "info":
            ev.level = "INFO"
    rows = shuffle_rows(r, events, 13 * 3600 * SEC + 7 * 60 * SEC, 9.0, header)
    hdr = r"(?P<ts>\d{4}/\d\d/\d\d \d\d:\d\d:\d\d\+0000) \[(DBUG|INFO|WARN|EROR)\] (server|[\w.-]+/[\w.-]+#\d+): "
    return write_system("Atlantis", events, rows, hdr, "shuffle")


# ================================================================ 5. Waypoint (shuffle)
def sys_waypoint(r):
    apps = ["web", "api", "worker", "frontend", "billing"]
    projects = ["marketplace", "example-nodejs", "internal-tools", "payments"]
    methods = ["/hashicorp.waypoint.Waypoint/GetJobStream", "/hashicorp.waypoint.Waypoint/RunnerJobStream",
               "/hashicorp.waypoint.Waypoint/UpsertDeployment", "/hashicorp.waypoint.Waypoint/GetLatestBuild",
               "/hashicorp.waypoint.Waypoint/ListDeployments", "/hashicorp.waypoint.Waypoint/UpsertBuild",
               "/hashicorp.waypoint.Waypoint/GetConfig"]
    runners = [ulid(r) for _ in range(4)]

    def rid(r):
        return ulid(r)

    def dur(r):
        return "%.6fms" % r.uniform(0.2, 950.0) if r.random() < 0.7 else "%.6fs" % r.uniform(1.0, 90.0)
    errs = ['"rpc error: code = Unavailable desc = connection closed"',
            '"failed to pull image \\"registry.local/api:1.4.2\\": manifest unknown"',
            '"exit status 1"',
            '"context deadline exceeded"']
    events = [
        Ev("request: method=<*>", [Cyc(methods)], level="DEBUG", count=80, name="waypoint.server.grpc"),   # E1
        Ev("response: method=<*> duration=<*>", [Cyc(methods, 3), dur], level="DEBUG", count=70,
           name="waypoint.server.grpc"),
        Ev("job assigned: job_id=<*> runner_id=<*>", [rid, Cyc(runners)], count=22, name="waypoint.server"),
        Ev("job complete: job_id=<*> duration=<*>", [rid, dur], count=15, name="waypoint.server"),
        Ev("starting build: app=<*> project=<*> builder=<*>",
           [Cyc(apps), Cyc(projects), Cyc(["docker", "pack", "docker-ref"])], count=14, name="waypoint.runner.agent"),
        Ev("build complete: app=<*> artifact_id=<*> duration=<*>", [Cyc(apps, 1), rid, dur], count=12,
           name="waypoint.runner.agent"),
        Ev("deployment created: app=<*> deployment_id=<*> platform=<*>",
           [Cyc(apps, 2), rid, Cyc(["kubernetes", "nomad", "docker", "aws-ecs"])], count=10,
           name="waypoint.runner.agent"),
        Ev("releasing deployment: app=<*> deployment_id=<*> url=<*>",
           [Cyc(apps, 3), rid, lambda r: "https://%s-%s.waypoint.run" % (
               r.choice(["neatly", "wildly", "gently", "boldly"]) + "-" + r.choice(["brave", "quiet", "amber", "solid"]),
               r.choice(["koala", "otter", "heron", "lynx"]) + "-v%d" % r.randint(1, 40))],
           count=8, name="waypoint.runner.agent"),
        Ev("runner connected: runner_id=<*> remote_addr=<*>", [Cyc(runners), lambda r: "%s:%d" % (ip10(r), eport(r))],
           count=9, name="waypoint.server"),
        Ev("runner disconnected: runner_id=<*> remote_addr=<*>",
           [Cyc(runners, 1), lambda r: "%s:%d" % (ip10(r), eport(r))], count=7, name="waypoint.server"),
        Ev("job timed out waiting for runner: job_id=<*> timeout=<*>", [rid, Cyc(["60s", "5m0s", "2m0s"])],
           level="WARN", count=4, name="waypoint.server"),
        Ev("error running job: job_id=<*> error=<*>", [rid, Cyc(errs)], level="ERROR", count=5,
           name="waypoint.runner.agent"),
        Ev("queueing poll job: application=<*> interval=<*>", [Cyc(apps, 4), Cyc(["30s", "1m0s", "5m0s", "2m0s"])],
           level="DEBUG", count=40, name="waypoint.poll.application"),
        Ev("pruning old jobs: count=<*> duration=<*>", [lambda r: r.randint(1, 400), dur], count=4,
           name="waypoint.server.singleprocess"),
    ]
    for ev in events:
        if ev.level == "info":
            ev.level = "INFO"

    def header(r, t, ev):
        return "%s %-7s %s: " % (ts_iso_ms(t), "[%s]" % ev.level, ev.hdr["name"])
    rows = shuffle_rows(r, events, 15 * 3600 * SEC + 22 * 60 * SEC, 6.0, header)
    hdr = (r"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z) \[(TRACE|DEBUG|INFO|WARN|ERROR)\] {1,2}"
           r"[a-z][a-z0-9_.\-]*: ")
    return write_system("Waypoint", events, rows, hdr, "shuffle")


# ================================================================ 6. Chronograf (simulation)
def sys_chronograf(r):
    events = [
        Ev('msg="Request" component=server method=<*> remote_addr="<*>" url=<*>'),             # E1
        Ev('msg="Response: OK" component=server response_time=<*> status=200'),                  # E2
        Ev('msg="Response: Not Found" component=server response_time=<*> status=404'),           # E3
        Ev('msg="Response: Unauthorized" component=server response_time=<*> status=401'),        # E4
        Ev('msg="Response: Bad Gateway" component=server response_time=<*> status=502'),         # E5
        Ev('msg="User <*> is authorized" component=auth remote_addr="<*>"'),                     # E6
        Ev('msg="Invalid token: <*>" component=auth remote_addr="<*>"', level="error"),          # E7
        Ev('msg="Created dashboard <*> (<*>)" component=server user=<*>'),                        # E8
        Ev('msg="Deleted dashboard <*> (<*>)" component=server user=<*>'),                        # E9
        Ev('msg="Error proxying to source <*>: <*>" component=server', level="error"),           # E10
        Ev('msg="Unable to reach Kapacitor at <*>: <*>" component=server', level="warning"),     # E11
        Ev('msg="Updated source <*> URL to <*>" component=server'),                               # E12
        Ev('msg="Session expired for user <*>" component=auth'),                                  # E13
    ]
    users = ["alice@example.org", "bob.ng@example.org", "carla@ops.example.net", "devops-bot@example.org",
             "erik.s@example.net", "fatima@example.org", "gus@analytics.example.com", "hana.k@example.net"]
    get_urls = ["/chronograf/v1/me", "/chronograf/v1/sources", "/chronograf/v1/dashboards",
                "/chronograf/v1/sources/1/kapacitors", "/chronograf/v1/layouts", "/chronograf/v1/config",
                "/chronograf/v1/organizations", "/chronograf/v1/mappings", "/chronograf/v1/sources/2/dbs"]
    proxy_urls = ["/chronograf/v1/sources/1/proxy", "/chronograf/v1/sources/2/proxy", "/chronograf/v1/sources/3/proxy"]
    bad_tokens = ["token is expired", "signature is invalid", "token contains an invalid number of segments",
                  "Token used before issued"]
    proxy_errs = ["dial tcp 10.4.2.18:8086: connect: connection refused",
                  "Post http://influxdb-prod:8086/query: context deadline exceeded",
                  "dial tcp: lookup influx-eu.internal on 10.0.0.2:53: no such host",
                  "unexpected EOF"]
    kapas = ["http://kapacitor:9092", "http://10.4.2.30:9092", "https://kapa.ops.example.net:9092"]
    dash_names = ["'System Overview'", "'Kafka Brokers'", "'Nginx Edge'", "'Postgres Primary'", "'API Latency'",
                  "'Billing Jobs'"]
    specials = ["create", "delete", "proxyerr", "kapa", "update", 0.3]
    perr, kapa, dname = Cyc(proxy_errs), Cyc(kapas), Cyc(dash_names)
    kerr = Cyc(["Get http://kapacitor:9092/kapacitor/v1/ping: dial tcp 10.4.2.30:9092: i/o timeout",
                "unexpected status code 503", "x509: certificate signed by unknown authority"])
    sidc = Cyc([2, 1, 4, 3])
    surl = Cyc(["http://influxdb-prod:8086", "https://influx.eu.example.net:8086", "http://10.4.2.18:8086"])
    streams = []
    nsess = 34
    t_base = 17 * 3600 * SEC + 48 * 60 * SEC
    dash_id = [r.randint(3, 20)]

    def rt(r, slow=False):
        if slow:
            return "%.3fs" % r.uniform(1.0, 30.0)
        return "%.6fms" % r.uniform(0.8, 250.0)

    for si in range(nsess):
        out = []
        user = users[si % len(users)]
        addr_ip = ip_any(r)
        t = t_base + si * r.randint(6, 16) * SEC + r.randint(0, SEC)

        def req(t, method, url, resp, slow=False):
            out.append((t, 0, [method, "%s:%d" % (addr_ip, eport(r)), url]))
            t2 = t + r.randint(1 * MS, 300 * MS) if not slow else t + r.randint(1 * SEC, 30 * SEC)
            out.append((t2, resp, [rt(r, slow)]))
            return t2
        # auth
        if si % 7 == 3:
            out.append((t, 6, [bad_tokens[si % len(bad_tokens)], "%s:%d" % (addr_ip, eport(r))]))
            req(t + MS, "GET", "/chronograf/v1/me", 3)
            streams.append(out)
            continue
        out.append((t, 5, [user, "%s:%d" % (addr_ip, eport(r))]))
        t = req(t + MS, "GET", "/chronograf/v1/me", 1)
        short = (si % 4 == 1)
        nq = r.randint(2, 3) if short else r.randint(3, 9)
        special = specials[si % len(specials)]
        spos = r.randint(0, nq - 1)
        for q in range(nq):
            t += r.randint(500 * MS, 20 * SEC)
            if q == spos:
                x = special
            else:
                x = r.random() * 0.88
            num = not isinstance(x, str)
            if num and x < 0.55:
                t = req(t, "GET", r.choice(get_urls), 1)
            elif num and x < 0.8:
                t = req(t, "POST", r.choice(proxy_urls), 1, slow=r.random() < 0.2)
            elif num:
                t = req(t, "GET", "/chronograf/v1/dashboards/%d" % r.randint(1, 40), 2)
            elif x == "proxyerr":
                url = r.choice(proxy_urls)
                out.append((t, 0, ["POST", "%s:%d" % (addr_ip, eport(r)), url]))
                t += r.randint(1 * SEC, 10 * SEC)
                out.append((t, 9, [url.split("/")[4], perr(r)]))
                out.append((t + 1000, 4, [rt(r, True)]))
            elif x == "create":
                dash_id[0] += r.randint(1, 3)
                out.append((t, 0, ["POST", "%s:%d" % (addr_ip, eport(r)), "/chronograf/v1/dashboards"]))
                t += r.randint(3 * MS, 60 * MS)
                out.append((t, 7, [dname(r), dash_id[0], user]))
                out.append((t + 500, 1, [rt(r)]))
            elif x == "delete":
                did = r.randint(1, 40)
                out.append((t, 0, ["DELETE", "%s:%d" % (addr_ip, eport(r)), "/chronograf/v1/dashboards/%d" % did]))
                t += r.randint(3 * MS, 60 * MS)
                out.append((t, 8, [dname(r), did, user]))
                out.append((t + 500, 1, [rt(r)]))
            elif x == "update":
                sid = sidc(r)
                out.append((t, 0, ["PATCH", "%s:%d" % (addr_ip, eport(r)), "/chronograf/v1/sources/%d" % sid]))
                t += r.randint(3 * MS, 60 * MS)
                out.append((t, 11, [sid, surl(r)]))
                out.append((t + 500, 1, [rt(r)]))
            else:
                out.append((t, 0, ["GET", "%s:%d" % (addr_ip, eport(r)), "/chronograf/v1/sources/1/kapacitors/1/proxy"]))
                t += r.randint(1 * SEC, 5 * SEC)
                out.append((t, 10, [kapa(r), kerr(r)]))
                out.append((t + 1000, 4, [rt(r, True)]))
        if short:
            t += r.randint(20 * SEC, 70 * SEC)
            out.append((t, 12, [user]))
            req(t + MS, "GET", "/chronograf/v1/me", 3)
        streams.append(out)
    merged = merge_sim(streams)
    rows = []
    for t, e, vals in merged:
        ev = events[e]
        rows.append(('time="%s" level=%s ' % (ts_rfc3339(t), ev.level), ev.fill(vals), e))
    hdr = r'time="(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)" level=(debug|info|warning|error) '
    return write_system("Chronograf", events, rows, hdr, "simulation")


SYSTEMS = [sys_argo, sys_flagger, sys_tentacle, sys_atlantis, sys_waypoint, sys_chronograf]


def main():
    n = 0
    for k, fn in enumerate(SYSTEMS, 1):
        n += fn(random.Random(BASE_SEED * 10 + k))
    print("all self-checks passed; %d data files written" % n)


if __name__ == "__main__":
    main()
