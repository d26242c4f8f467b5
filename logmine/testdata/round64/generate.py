#!/usr/bin/env python3
"""Round 64 blind labelled log corpus generator.

Standard library only and fully deterministic: no wall clock, no locale.
Base seed 20270184; system k (1..6) uses random.Random(20270184 * 10 + k).
All time comes from an integer nanosecond clock on 2026-03-14 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for every system and then self-checks every file, printing a summary.
"""
import base64
import csv
import os
import random
import re
import statistics
import sys
import zlib
from datetime import datetime, timezone

BASE_SEED = 20270184
OUT = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300
SEC = 10 ** 9
MS = 10 ** 6
US = 10 ** 3
DAY0 = int(datetime(2026, 3, 14, tzinfo=timezone.utc).timestamp()) * SEC
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]  # fixed list, never the locale


# ---------------------------------------------------------------- time helpers
def civil(ns):
    s, f = divmod(ns, SEC)
    return datetime.fromtimestamp(s, tz=timezone.utc), f


def ymd_hms(ns, dsep="-", mid="T"):
    d, _ = civil(ns)
    return (f"{d.year:04d}{dsep}{d.month:02d}{dsep}{d.day:02d}{mid}"
            f"{d.hour:02d}:{d.minute:02d}:{d.second:02d}")


def rfc3339(ns, digits=0, zone="Z"):
    _, f = civil(ns)
    s = ymd_hms(ns)
    if digits:
        s += "." + f"{f:09d}"[:digits]
    return s + zone


def go_time_string(ns):
    """Go time.Time.String() for a UTC time: trailing zeros of nanos trimmed."""
    _, f = civil(ns)
    s = ymd_hms(ns, mid=" ")
    if f:
        s += "." + f"{f:09d}".rstrip("0")
    return s + " +0000 UTC"


def go_duration(ns):
    """Go time.Duration.String()."""
    if ns < US:
        return f"{ns}ns"
    for unit, name, width in ((US, "\u00b5s", 3), (MS, "ms", 6), (SEC, "s", 9)):
        if ns < unit * 1000 or name == "s":
            whole, frac = divmod(ns, unit)
            fs = f"{frac:0{width}d}".rstrip("0")
            return f"{whole}.{fs}{name}" if fs else f"{whole}{name}"
    raise AssertionError


def go_hours(h):
    return f"{h}h0m0s"


# --------------------------------------------------------------- value helpers
HEX = "0123456789abcdef"
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
B64U = B62 + "-_"
XID = "0123456789abcdefghijklmnopqrstuv"


def hexs(r, n):
    return "".join(r.choice(HEX) for _ in range(n))


def rstr(r, alphabet, n):
    return "".join(r.choice(alphabet) for _ in range(n))


def uuid4(r):
    return (f"{hexs(r, 8)}-{hexs(r, 4)}-4{hexs(r, 3)}-"
            f"{r.choice('89ab')}{hexs(r, 3)}-{hexs(r, 12)}")


def ip_in(r, prefix):
    parts = prefix.rstrip(".").split(".")
    while len(parts) < 4:
        parts.append(str(r.randint(1, 254)))
    return ".".join(parts)


def port(r):
    return r.randint(32768, 60999)


def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\r" not in v, (template, v)
        out.append(v)
        out.append(p)
    return "".join(out)


def gq(s):
    """Escape like Go %q for the ASCII text we use (backslash and double quote)."""
    return s.replace("\\", "\\\\").replace('"', '\\"')


# ------------------------------------------------------------------ framework
class System:
    def __init__(self, k, name, mode, header_re, ts_key):
        self.k = k
        self.name = name
        self.mode = mode
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.header_re = header_re
        self.ts_key = ts_key
        self.events = []        # (eid, key, template, meta)
        self.by_key = {}
        self._cyc = {}
        self.lines = []         # (header, content, eid, template)

    def ev(self, key, template, **meta):
        eid = f"E{len(self.events) + 1}"
        self.events.append((eid, key, template, meta))
        self.by_key[key] = (eid, template, meta)

    def cyc(self, key, slot, pool):
        """Small pools cycle per (event, slot) so every slot takes >= 2 values."""
        i = self._cyc.get((key, slot), 0)
        self._cyc[(key, slot)] = i + 1
        return pool[i % len(pool)]

    def emit(self, header, key, values):
        eid, template, _ = self.by_key[key]
        content = fill(template, values)
        self.lines.append((header, content, eid, template))

    def write(self):
        d = os.path.join(OUT, self.name)
        os.makedirs(d, exist_ok=True)
        assert len(self.lines) == N_LINES, (self.name, len(self.lines))
        with open(os.path.join(d, self.name + ".log"), "w", encoding="utf-8", newline="\n") as f:
            for h, c, _, _ in self.lines:
                f.write(h + c + "\n")
        with open(os.path.join(d, self.name + ".log_structured.csv"), "w",
                  encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
            for i, (_, c, eid, t) in enumerate(self.lines, 1):
                w.writerow([i, c, eid, t])


def shuffle_clock(r, counts, start_ns, mean_gap_ns):
    """Seeded shuffle: fixed count per event, shuffled, stamped by a forward-only
    clock with exponential gaps."""
    seq = [key for key, n in counts for _ in range(n)]
    assert len(seq) == N_LINES, len(seq)
    r.shuffle(seq)
    t = start_ns
    out = []
    for key in seq:
        t += 1 + int(r.expovariate(1.0 / mean_gap_ns))
        out.append((t, key))
    return out


def logrus_ts_key(h):
    m = re.match(r'time="([^"]+)"', h)
    return m.group(1)


# =============================================================== 1. SpireServer
def build_spire():
    S = System(1, "SpireServer", "shuffle",
               r'time="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ" level=(debug|info|warning|error) ',
               logrus_ts_key)
    r = S.rng
    api = "method=AttestAgent"
    S.ev("attest_ok", 'msg="Agent attestation request completed" agent_id="<*>" caller_addr="<*>" '
         + api + ' node_attestor_type=<*> request_id=<*> service=agent.v1.Agent subsystem_name=api',
         level="info")
    S.ev("x509svid", 'msg="Signed X509 SVID" expiration="<*>" spiffe_id="<*>" subsystem_name=ca',
         level="debug")
    S.ev("jwtsvid", 'msg="Signed JWT SVID" audience="[<*>]" expires_at="<*>" spiffe_id="<*>" subsystem_name=ca',
         level="debug")
    S.ev("ca_prepared", 'msg="X509 CA prepared" expiration="<*>" issued_at="<*>" local_authority_id=<*> '
         'self_signed=true slot=<*> subsystem_name=ca_manager', level="info")
    S.ev("ca_activated", 'msg="X509 CA activated" expiration="<*>" issued_at="<*>" local_authority_id=<*> '
         'slot=<*> subsystem_name=ca_manager', level="info")
    S.ev("entry_created", 'msg="Registration entry created" entry_id=<*> parent_id="<*>" selectors="[<*>]" '
         'spiffe_id="<*>" subsystem_name=api', level="info")
    S.ev("entry_deleted", 'msg="Registration entry deleted" entry_id=<*> spiffe_id="<*>" subsystem_name=api',
         level="info")
    S.ev("pruned", 'msg="Pruned expired registration entries" count=<*> subsystem_name=ca_manager',
         level="info")
    S.ev("attest_fail", 'msg="Failed to attest" caller_addr="<*>" error="<*>" ' + api
         + ' node_attestor_type=<*> request_id=<*> service=agent.v1.Agent subsystem_name=api',
         level="error")
    S.ev("sql_connected", 'msg="Connected to SQL database" read_only=<*> subsystem_name=sql '
         'type=postgres version=15.6', level="info")
    S.ev("sql_opening", 'msg="Opening SQL database" db_type=postgres subsystem_name=sql', level="info")
    S.ev("fetch_agent_fail", 'msg="Failed to fetch agent" agent_id="<*>" caller_addr="<*>" error="<*>" '
         'method=<*> request_id=<*> service=agent.v1.Agent subsystem_name=api', level="error")
    S.ev("bundle_refreshed", 'msg="Bundle refreshed" subsystem_name=bundle_client trust_domain=<*>',
         level="info")
    S.ev("bundle_error", 'msg="Error updating bundle" error="<*>" subsystem_name=bundle_client '
         'trust_domain=<*>', level="error")

    counts = [("attest_ok", 38), ("x509svid", 90), ("jwtsvid", 34), ("ca_prepared", 5),
              ("ca_activated", 5), ("entry_created", 20), ("entry_deleted", 9), ("pruned", 7),
              ("attest_fail", 14), ("sql_connected", 4), ("sql_opening", 4),
              ("fetch_agent_fail", 10), ("bundle_refreshed", 48), ("bundle_error", 12)]

    TD = "wavecrest.internal"
    clusters = ["prod-use1", "prod-euw1", "stage-use2"]
    regions = ["us-east-1", "eu-west-1"]
    workloads = [("payments", "api"), ("payments", "ledger-worker"), ("checkout", "web"),
                 ("identity", "token-svc"), ("data", "kafka-connect"),
                 ("observability", "otel-collector"), ("search", "indexer")]
    node_nets = ["10.20.", "10.21.", "10.64."]

    def agent_id(typ):
        base = f"spiffe://{TD}/spire/agent/{typ}/"
        if typ == "k8s_psat":
            return base + f"{r.choice(clusters)}/{uuid4(r)}"
        if typ == "x509pop":
            return base + hexs(r, 40)
        if typ == "join_token":
            return base + uuid4(r)
        return base + f"{r.randint(10 ** 11, 10 ** 12 - 1)}/{r.choice(regions)}/i-{hexs(r, 17)}"

    def addr():
        return f"{ip_in(r, r.choice(node_nets))}:{port(r)}"

    def wl():
        ns, sa = r.choice(workloads)
        return f"spiffe://{TD}/ns/{ns}/sa/{sa}"

    attest_errors = [
        ("k8s_psat", "failed to attest: k8s_psat: unable to validate token with TokenReview API: "
                     "Unauthorized"),
        ("join_token", "failed to attest: join token does not exist or has already been used"),
        ("x509pop", "failed to attest: x509pop: certificate verification failed: x509: "
                    "certificate has expired or is not yet valid"),
        ("aws_iid", "failed to attest: aws_iid: the instance is not running: state=stopped"),
        ("k8s_psat", "failed to attest: k8s_psat: token audience mismatch"),
        ("x509pop", "failed to attest: x509pop: certificate verification failed: x509: "
                    "certificate signed by unknown authority"),
    ]
    fetch_errors = ["datastore-sql: sql: database is locked",
                    "datastore-sql: pq: canceling statement due to statement timeout",
                    "datastore-sql: dial tcp 10.20.0.12:5432: connect: connection refused",
                    "context deadline exceeded"]
    fed = ["partner-bank.example", "eu.wavecrest.internal", "legacy.corp.example"]

    t0 = DAY0 + 8 * 3600 * SEC + r.randint(0, 600) * SEC
    ca_ttl_h = [24, 24, 168]
    for t, key in shuffle_clock(r, counts, t0, 3 * SEC):
        lvl = S.by_key[key][2]["level"]
        h = f'time="{rfc3339(t)}" level={lvl} '
        if key == "attest_ok":
            typ = S.cyc(key, "type", ["k8s_psat", "x509pop", "k8s_psat", "join_token", "aws_iid"])
            v = [agent_id(typ), addr(), typ, uuid4(r)]
        elif key == "x509svid":
            ttl = S.cyc(key, "ttl", [3600, 3600, 14400, 1800])
            v = [rfc3339(t + ttl * SEC), wl()]
        elif key == "jwtsvid":
            aud = S.cyc(key, "aud", ["vault", "sts.amazonaws.com", "payments-api ledger", "kafka"])
            v = [aud, rfc3339(t + 300 * SEC), wl()]
        elif key in ("ca_prepared", "ca_activated"):
            issued = t - r.randint(0, 3) * SEC
            ttl = S.cyc(key, "ttl", ca_ttl_h)
            v = [rfc3339(issued + ttl * 3600 * SEC), rfc3339(issued), hexs(r, 40),
                 S.cyc(key, "slot", ["A", "B"])]
        elif key == "entry_created":
            ns, sa = S.cyc(key, "wl", workloads)
            sel = S.cyc(key, "selkind", ["k8s", "k8s", "unix"])
            sels = (f"k8s:ns:{ns} k8s:sa:{sa}" if sel == "k8s"
                    else f"unix:uid:{r.randint(1000, 1999)} unix:path:/usr/local/bin/{sa}")
            parent = f"spiffe://{TD}/spire/agent/k8s_psat/{r.choice(clusters)}/{uuid4(r)}"
            v = [uuid4(r), parent, sels, f"spiffe://{TD}/ns/{ns}/sa/{sa}"]
        elif key == "entry_deleted":
            v = [uuid4(r), wl()]
        elif key == "pruned":
            v = [S.cyc(key, "n", [3, 17, 1, 42, 8, 5, 26])]
        elif key == "attest_fail":
            typ, err = S.cyc(key, "err", attest_errors)
            v = [addr(), err, typ, uuid4(r)]
        elif key == "sql_connected":
            v = [S.cyc(key, "ro", ["false", "true"])]
        elif key == "sql_opening":
            v = []
        elif key == "fetch_agent_fail":
            typ = r.choice(["k8s_psat", "x509pop", "aws_iid"])
            v = [agent_id(typ), addr(), S.cyc(key, "err", fetch_errors),
                 S.cyc(key, "m", ["RenewAgent", "BatchNewX509SVID", "RenewAgent"]), uuid4(r)]
        elif key == "bundle_refreshed":
            v = [S.cyc(key, "td", fed)]
        elif key == "bundle_error":
            td = S.cyc(key, "td", fed)
            kind = S.cyc(key, "kind", [0, 1, 2])
            if kind == 0:
                err = gq(f'failed to fetch bundle: Get "https://spire.{td}:8443": dial tcp: lookup '
                         f'spire.{td} on 10.96.0.10:53: no such host')
            elif kind == 1:
                err = gq(f'failed to fetch bundle: Get "https://spire.{td}:8443": context deadline '
                         f'exceeded (Client.Timeout exceeded while awaiting headers)')
            else:
                err = ("failed to fetch bundle: tls: failed to verify certificate: x509: "
                       "certificate signed by unknown authority")
            v = [err, td]
        else:
            raise KeyError(key)
        S.emit(h, key, v)
    return S


# ===================================================================== 2. StepCa
UAS = [  # (user agent, protocol)
    ("CertbotACMEClient/2.9.0 (certbot; Ubuntu 22.04.4 LTS) Authenticator/nginx Installer/nginx "
     "(renew; flags: ) Py/3.10.12", "HTTP/1.1"),
    ("lego-cli/4.16.1 xenolf-acme/4.16.1 (release; linux; amd64)", "HTTP/2.0"),
    ("cert-manager-certificates-issuing/v1.14.4 (linux/amd64) cert-manager/f5b2bb3b", "HTTP/2.0"),
    ("acme.sh/3.0.7 (https://github.com/acmesh-official/acme.sh)", "HTTP/1.1"),
    ("Caddy/2.7.6 CertMagic acmez (linux; amd64)", "HTTP/2.0"),
]


def build_stepca():
    S = System(2, "StepCa", "simulation",
               r'(time="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ" level=(info|warning|error) '
               r'|\d{4}/\d\d/\d\d \d\d:\d\d:\d\d )',
               None)

    def ts_key(h):
        m = re.match(r'time="(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)Z"', h)
        if not m:
            m = re.match(r'(\d{4})/(\d\d)/(\d\d) (\d\d):(\d\d):(\d\d)', h)
        return "".join(m.groups())
    S.ts_key = ts_key
    r = S.rng

    def req(method, path, status, dur='duration=<*>', proto="<*>", ua='user-agent="<*>"',
            size="<*>", error=False):
        e = ' error="<*>"' if error else ""
        return (f'{dur} duration-ns=<*>{e} fields.time="<*>" method={method} name=ca path={path} '
                f'protocol={proto} referer= remote-address=<*> request-id=<*> size={size} '
                f'status={status} {ua} user-id=')

    S.ev("health", req("GET", "/health", 200, dur='duration="<*>"', proto="HTTP/1.1",
                       ua="user-agent=<*>", size="16"), level="info")
    S.ev("nonce", req("HEAD", "/acme/acme/new-nonce", 200, dur='duration="<*>"', size="0"),
         level="info")
    S.ev("account", req("POST", "/acme/acme/new-account", 200), level="info")
    S.ev("order", req("POST", "/acme/acme/new-order", 201), level="info")
    S.ev("authz", req("POST", "/acme/acme/authz/<*>", 200), level="info")
    S.ev("challenge", req("POST", "/acme/acme/challenge/<*>/<*>", 200), level="info")
    S.ev("finalize", req("POST", "/acme/acme/order/<*>/finalize", 200), level="info")
    S.ev("order_poll", req("POST", "/acme/acme/order/<*>", 200), level="info")
    S.ev("cert", req("POST", "/acme/acme/certificate/<*>", 200), level="info")
    S.ev("sign", req("POST", "/1.0/sign", 201, proto="HTTP/2.0"), level="info")
    S.ev("renew", req("POST", "/1.0/renew", 201, proto="HTTP/2.0"), level="info")
    S.ev("sign_denied", req("POST", "/1.0/sign", 401, proto="HTTP/2.0", error=True),
         level="warning")
    S.ev("order_rejected", req("POST", "/acme/acme/new-order", 400, error=True), level="warning")
    S.ev("tls_error", "http: TLS handshake error from <*>: <*>", level=None)

    T0 = DAY0 + 10 * 3600 * SEC + r.randint(0, 900) * SEC
    WINDOW = 20 * 60 * SEC
    recs = []  # (t, seq, key, builder)
    seq = [0]

    def add(t, key, fn):
        seq[0] += 1
        recs.append((t, seq[0], key, fn))

    def reqvals(t, dur_ns, pathvals, ip, proto, ua, size, err=None):
        start = t - dur_ns
        v = [go_duration(dur_ns), dur_ns]
        if err is not None:
            v.append(err)
        v.append(rfc3339(start))
        v.extend(pathvals)
        if proto is not None:
            v.append(proto)
        v.extend([ip, rstr(r, XID, 20)])
        if size is not None:
            v.append(size)
        v.append(ua)
        return v

    # entity: health probers (kubelet + load balancer), each on its own period
    probers = [("10.42.0.1", "kube-probe/1.29", 10 * SEC), ("10.0.3.14", "ELB-HealthChecker/2.0", 15 * SEC)]
    for ip, ua, period in probers:
        t = T0 + r.randint(0, period)
        while t < T0 + WINDOW:
            d = r.randint(45 * US, 420 * US)
            add(t + d, "health", (lambda t=t + d, d=d, ip=ip, ua=ua:
                                  reqvals(t, d, [], ip, None, ua, None)))
            t += period + r.randint(-300 * MS, 300 * MS)

    # entity: ACME orders
    names = ["git", "grafana", "vault", "registry", "wiki", "ci", "mail", "ldap", "nexus", "kibana",
             "jenkins", "minio", "argo", "prom"]
    zones = ["lab.tessera.test", "int.tessera.test", "dev.tessera.test"]
    client_nets = ["10.0.8.", "10.0.9.", "192.168.40.", "10.42.3."]
    t = T0
    oi = 0
    while t < T0 + WINDOW:
        t += int(r.expovariate(1 / (26 * SEC)))
        oi += 1
        ua, proto = UAS[oi % len(UAS)]
        ip = ip_in(r, client_nets[oi % len(client_nets)])
        n_names = 1 + (oi % 3 == 0)
        zone = zones[oi % len(zones)]
        doms = [f"{r.choice(names)}{r.randint(1, 9)}.{zone}" for _ in range(n_names)]
        tt = t

        # new-nonce
        d = r.randint(90 * US, 700 * US)
        tt += d
        add(tt, "nonce", (lambda tt=tt, d=d, ip=ip, proto=proto, ua=ua:
                          reqvals(tt, d, [], ip, proto, ua, None)))

        def nxt(lo_ms, hi_ms, dlo=1, dhi=40):
            nonlocal tt
            tt += r.randint(lo_ms * MS, hi_ms * MS)
            d = r.randint(dlo * MS + 1, dhi * MS)
            tt += d
            return tt, d

        tt_, d = nxt(30, 300, 2, 25)
        add(tt_, "account", (lambda tt=tt_, d=d, ip=ip, proto=proto, ua=ua:
                             reqvals(tt, d, [], ip, proto, ua, r.randint(560, 720))))
        tt_, d = nxt(20, 250, 3, 60)
        if oi % 7 == 4:
            dom = doms[0]
            err = S.cyc("order_rejected", "err", [
                f"The server will not issue certificates for the identifier: authority not allowed to "
                f"sign dns name {dom}",
                f"policy: the x509 policy of provisioner acme does not allow {dom}",
                f"The server will not issue certificates for the identifier: dns name {dom} is not "
                f"a permitted name"])
            add(tt_, "order_rejected", (lambda tt=tt_, d=d, ip=ip, proto=proto, ua=ua, err=err:
                                        reqvals(tt, d, [], ip, proto, ua, r.randint(180, 260), err)))
            continue
        order_id = rstr(r, B62, 32)
        add(tt_, "order", (lambda tt=tt_, d=d, ip=ip, proto=proto, ua=ua, nd=len(doms):
                           reqvals(tt, d, [], ip, proto, ua, 380 + 150 * nd + r.randint(0, 60))))
        authzs = [(rstr(r, B62, 32), rstr(r, B62, 32)) for _ in doms]
        for az, ch in authzs:
            tt_, d = nxt(20, 200, 1, 15)
            add(tt_, "authz", (lambda tt=tt_, d=d, az=az, ip=ip, proto=proto, ua=ua:
                               reqvals(tt, d, [az], ip, proto, ua, r.randint(640, 980))))
        for az, ch in authzs:
            tt_, d = nxt(200, 1500, 1, 30)
            add(tt_, "challenge", (lambda tt=tt_, d=d, az=az, ch=ch, ip=ip, proto=proto, ua=ua:
                                   reqvals(tt, d, [az, ch], ip, proto, ua, r.randint(250, 340))))
        for az, ch in authzs:
            for _ in range(1 + (r.random() < 0.45)):
                tt_, d = nxt(800, 3000, 1, 15)
                add(tt_, "authz", (lambda tt=tt_, d=d, az=az, ip=ip, proto=proto, ua=ua:
                                   reqvals(tt, d, [az], ip, proto, ua, r.randint(640, 980))))
        tt_, d = nxt(50, 400, 8, 90)
        add(tt_, "finalize", (lambda tt=tt_, d=d, oid=order_id, ip=ip, proto=proto, ua=ua:
                              reqvals(tt, d, [oid], ip, proto, ua, r.randint(520, 760))))
        for _ in range(oi % 3):
            tt_, d = nxt(500, 2000, 1, 12)
            add(tt_, "order_poll", (lambda tt=tt_, d=d, oid=order_id, ip=ip, proto=proto, ua=ua:
                                    reqvals(tt, d, [oid], ip, proto, ua, r.randint(520, 760))))
        tt_, d = nxt(30, 300, 1, 20)
        cert_id = rstr(r, B62, 32)
        add(tt_, "cert", (lambda tt=tt_, d=d, cid=cert_id, ip=ip, proto=proto, ua=ua:
                          reqvals(tt, d, [cid], ip, proto, ua, r.randint(1480, 1720))))

    # entity: step CLI sign / renew clients
    step_uas = ["Smallstep CLI/0.25.2 (linux/amd64)", "Smallstep CLI/0.26.0 (darwin/arm64)",
                "Smallstep CLI/0.25.0 (linux/arm64)"]
    sign_errors = [
        "authority.Authorize; error parsing token: square/go-jose: compact JWS format must have "
        "three parts",
        "authority.Authorize; authority.authorizeToken: token already used",
        "authority.Authorize; jwk.AuthorizeSign; jwk.authorizeToken; invalid token: "
        "square/go-jose/jwt: validation failed, token is expired (exp)",
        "authority.Authorize; authority.authorizeToken: provisioner not found or invalid audience "
        "(https://ca.tessera.test:9000/1.0/sign)",
    ]
    t = T0
    si = 0
    while t < T0 + WINDOW:
        t += int(r.expovariate(1 / (45 * SEC)))
        si += 1
        ip = ip_in(r, "10.0.12.")
        ua = step_uas[si % len(step_uas)]
        d = r.randint(4 * MS, 35 * MS)
        if si % 5 == 2:
            err = S.cyc("sign_denied", "err", sign_errors)
            add(t, "sign_denied", (lambda tt=t, d=d, ip=ip, ua=ua, err=err:
                                   reqvals(tt, d, [], ip, None, ua, r.randint(90, 140), err)))
            # retry with a fresh token a little later
            t2 = t + r.randint(3, 20) * SEC
            d = r.randint(4 * MS, 35 * MS)
            add(t2, "sign", (lambda tt=t2, d=d, ip=ip, ua=ua:
                             reqvals(tt, d, [], ip, None, ua, r.randint(1900, 2300))))
        else:
            add(t, "sign", (lambda tt=t, d=d, ip=ip, ua=ua:
                            reqvals(tt, d, [], ip, None, ua, r.randint(1900, 2300))))
    t = T0
    while t < T0 + WINDOW:
        t += int(r.expovariate(1 / (70 * SEC)))
        ip = ip_in(r, "10.0.12.")
        d = r.randint(3 * MS, 20 * MS)
        ua = S.cyc("renew", "ua", step_uas)
        add(t, "renew", (lambda tt=t, d=d, ip=ip, ua=ua:
                         reqvals(tt, d, [], ip, None, ua, r.randint(1900, 2300))))

    # entity: broken TLS clients / scanners
    tls_reasons = ["EOF", "remote error: tls: bad certificate", "tls: client offered only "
                   "unsupported versions: [302 301]", "remote error: tls: unknown certificate authority",
                   "read tcp 10.0.3.20:9000->{src}: read: connection reset by peer"]
    t = T0
    while t < T0 + WINDOW:
        t += int(r.expovariate(1 / (75 * SEC)))
        src = f"{ip_in(r, r.choice(['10.0.3.', '172.16.5.', '10.0.8.']))}:{port(r)}"
        reason = S.cyc("tls_error", "reason", tls_reasons).replace("{src}", src)
        add(t, "tls_error", (lambda src=src, reason=reason: [src, reason]))

    recs.sort(key=lambda x: (x[0], x[1]))
    for t, _, key, fn in recs[:N_LINES]:
        lvl = S.by_key[key][2]["level"]
        if lvl is None:
            h = ymd_hms(t, dsep="/", mid=" ") + " "
        else:
            h = f'time="{rfc3339(t)}" level={lvl} '
        S.emit(h, key, fn())
    return S


# ==================================================================== 3. Certbot
def build_certbot():
    S = System(3, "Certbot", "shuffle",
               r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}:(DEBUG|INFO|WARNING|ERROR):[A-Za-z0-9_.]+:",
               lambda h: h[:23])
    r = S.rng
    S.ev("http_resp", '<*>:443 "<*> <*> HTTP/1.1" <*> <*>', level="DEBUG",
         logger="urllib3.connectionpool")
    S.ev("nonce", "Storing nonce: <*>", level="DEBUG", logger="acme.client")
    S.ev("new_conn", "Starting new HTTPS connection (<*>): <*>:443", level="DEBUG",
         logger="urllib3.connectionpool")
    S.ev("sending", "Sending POST request to <*>:", level="DEBUG", logger="acme.client")
    S.ev("version", "certbot version: <*>", level="DEBUG", logger="certbot._internal.main")
    S.ev("arguments", "Arguments: [<*>]", level="DEBUG", logger="certbot._internal.main")
    S.ev("requested", "Requested authenticator <*> and installer <*>", level="DEBUG",
         logger="certbot._internal.plugins.selection")
    S.ev("not_due", "Cert not yet due for renewal", level="INFO", logger="certbot._internal.renewal")
    S.ev("due", "Cert is due for renewal, auto-renewing...", level="INFO",
         logger="certbot._internal.renewal")
    S.ev("http01", "http-01 challenge for <*>", level="INFO", logger="certbot._internal.auth_handler")
    S.ev("dns01", "dns-01 challenge for <*>", level="INFO", logger="certbot._internal.auth_handler")
    S.ev("prehook", "Running pre-hook command: <*>", level="INFO", logger="certbot._internal.hooks")
    S.ev("posthook", "Running post-hook command: <*>", level="INFO", logger="certbot._internal.hooks")
    S.ev("renew_failed", "Failed to renew certificate <*> with error: <*>", level="ERROR",
         logger="certbot._internal.renewal")
    S.ev("chall_failed", "Challenge failed for domain <*>", level="INFO",
         logger="certbot._internal.auth_handler")

    counts = [("http_resp", 74), ("nonce", 58), ("new_conn", 20), ("sending", 60), ("version", 10),
              ("arguments", 10), ("requested", 10), ("not_due", 14), ("due", 8), ("http01", 12),
              ("dns01", 6), ("prehook", 5), ("posthook", 5), ("renew_failed", 4),
              ("chall_failed", 4)]
    acme_hosts = ["acme-v02.api.letsencrypt.org", "acme-v02.api.letsencrypt.org",
                  "acme-staging-v02.api.letsencrypt.org"]
    domains = ["www.harrowgate-bakery.example", "mail.quillfeather.example", "shop.okapi-tools.example",
               "nextcloud.lindqvist.example", "git.marrowbone.example", "blog.pellucid.example",
               "api.saltmarsh.example", "vpn.tarnwood.example"]
    reqs = [("POST", "/acme/new-order", 201, (480, 720)),
            ("POST", "/acme/authz-v3/{n}", 200, (780, 1100)),
            ("POST", "/acme/chall-v3/{n}/{c}", 200, (240, 320)),
            ("HEAD", "/acme/new-nonce", 200, (0, 0)),
            ("POST", "/acme/finalize/{a}/{n}", 200, (500, 700)),
            ("POST", "/acme/cert/{s}", 200, (3800, 4200)),
            ("GET", "/directory", 200, (740, 760)),
            ("POST", "/acme/new-order", 429, (300, 360))]
    args = ["'renew'", "'-q'", "'--nginx', '-d', 'shop.okapi-tools.example'",
            "'renew', '--dry-run'", "'certonly', '--webroot', '-w', '/var/www/html', '-d', "
            "'blog.pellucid.example'",
            "'certonly', '--dns-cloudflare', '--dns-cloudflare-credentials', "
            "'/root/.secrets/cloudflare.ini', '-d', '*.saltmarsh.example'"]
    auths = [("nginx", "nginx"), ("webroot", "None"), ("standalone", "None"),
             ("dns-cloudflare", "None"), ("apache", "apache")]
    renew_errs = ["Some challenges have failed.",
                  "The requested nginx plugin does not appear to be installed",
                  "urn:ietf:params:acme:error:rateLimited :: There were too many requests of a given "
                  "type :: too many certificates (5) already issued for this exact set of domains in "
                  "the last 168h0m0s, retry after 2026-03-15T04:11:52Z",
                  "Could not bind TCP port 80 because it is already in use by another process on this "
                  "system (such as a web server). Please stop the program in question and then try "
                  "certbot again."]
    hooks_pre = ["systemctl stop nginx", "service haproxy stop", "/usr/local/bin/open-port-80.sh"]
    hooks_post = ["systemctl start nginx", "service haproxy start",
                  "/usr/local/bin/close-port-80.sh"]
    t0 = DAY0 + 2 * 3600 * SEC + 47 * 60 * SEC + r.randint(0, 59) * SEC
    for t, key in shuffle_clock(r, counts, t0, 1400 * MS):
        _, _, meta = S.by_key[key]
        d, f = civil(t)
        h = f"{ymd_hms(t, mid=' ')},{f // MS:03d}:{meta['level']}:{meta['logger']}:"
        if key == "http_resp":
            m, p, st, (lo, hi) = S.cyc(key, "req", reqs)
            p = p.format(n=r.randint(10 ** 10, 10 ** 12), c=rstr(r, B64U, 6),
                         a=r.randint(10 ** 8, 2 * 10 ** 9), s=hexs(r, 36))
            v = ["https://" + S.cyc(key, "host", acme_hosts), m, p, st, r.randint(lo, hi)]
        elif key == "nonce":
            v = [S.cyc(key, "pfx", ["0001", "0002", "0101"]) + rstr(r, B64U, 39)]
        elif key == "new_conn":
            v = [S.cyc(key, "n", [1, 1, 1, 2]), S.cyc(key, "host", acme_hosts)]
        elif key == "sending":
            host = S.cyc(key, "host", acme_hosts)
            p = S.cyc(key, "path", ["/acme/new-order", "/acme/authz-v3/{n}", "/acme/chall-v3/{n}/{c}",
                                    "/acme/finalize/{a}/{n}", "/acme/cert/{s}", "/acme/new-acct"])
            p = p.format(n=r.randint(10 ** 10, 10 ** 12), c=rstr(r, B64U, 6),
                         a=r.randint(10 ** 8, 2 * 10 ** 9), s=hexs(r, 36))
            v = [f"https://{host}{p}"]
        elif key == "version":
            v = [S.cyc(key, "v", ["2.9.0", "1.21.0", "2.11.0"])]
        elif key == "arguments":
            v = [S.cyc(key, "a", args)]
        elif key == "requested":
            v = list(S.cyc(key, "ai", auths))
        elif key in ("not_due", "due"):
            v = []
        elif key in ("http01", "dns01", "chall_failed"):
            v = [S.cyc(key, "d", domains)]
        elif key == "prehook":
            v = [S.cyc(key, "c", hooks_pre)]
        elif key == "posthook":
            v = [S.cyc(key, "c", hooks_post)]
        elif key == "renew_failed":
            v = [S.cyc(key, "d", domains[2:]), S.cyc(key, "e", renew_errs)]
        else:
            raise KeyError(key)
        S.emit(h, key, v)
    return S


# ====================================================================== 4. Cfssl
def build_cfssl():
    S = System(4, "Cfssl", "shuffle",
               r"\d{4}/\d\d/\d\d \d\d:\d\d:\d\d \[(DEBUG|INFO|WARNING|ERROR|CRITICAL)\] ",
               lambda h: h[:19])
    r = S.rng
    S.ev("access", '<*> - "POST <*>" <*>', level="INFO")
    S.ev("sig_req", "signature request received", level="INFO")
    S.ev("signed", "signed certificate with serial number <*>", level="INFO")
    S.ev("recv_csr", "received CSR", level="INFO")
    S.ev("genkey", "generating key: <*>", level="INFO")
    S.ev("enc_csr", "encoded CSR", level="INFO")
    S.ev("bundling", "bundling certificate for <*>", level="INFO")
    S.ev("ocsp_sign", "ocsp signing request for serial <*> with status <*>", level="INFO")
    S.ev("ocsp_miss", "No response found for request: serial <*>, request body <*>, "
         "response status <*>", level="INFO")
    S.ev("ep_enabled", "endpoint '<*>' is enabled", level="INFO")
    S.ev("ep_disabled", "endpoint '<*>' is disabled: <*>", level="WARNING")
    S.ev("sign_failed", "failed to sign request: <*>", level="ERROR")
    S.ev("listening", "Now listening on <*>", level="INFO")
    S.ev("keygen_setup", "setting up key / CSR generator", level="INFO")

    counts = [("access", 92), ("sig_req", 38), ("signed", 40), ("recv_csr", 16), ("genkey", 16),
              ("enc_csr", 16), ("bundling", 12), ("ocsp_sign", 20), ("ocsp_miss", 9),
              ("ep_enabled", 14), ("ep_disabled", 6), ("sign_failed", 8), ("listening", 4),
              ("keygen_setup", 9)]
    paths = ["/api/v1/cfssl/sign", "/api/v1/cfssl/sign", "/api/v1/cfssl/authsign",
             "/api/v1/cfssl/newcert", "/api/v1/cfssl/bundle", "/api/v1/cfssl/ocspsign",
             "/api/v1/cfssl/info", "/api/v1/cfssl/sign"]
    statuses = [200, 200, 200, 200, 200, 400, 200, 200, 200, 500, 200, 200, 403]
    endpoints_on = ["sign", "authsign", "info", "newcert", "bundle", "ocspsign", "scaninfo",
                    "certinfo", "init_ca", "newkey", "health"]
    endpoints_off = [("revoke", "cert db not configured (missing -db-config)"),
                     ("crl", "cert db not configured (missing -db-config)"),
                     ("gencrl", "cert db not configured (missing -db-config)"),
                     ("scan", "only available via CLI"),
                     ("ocspsign", "unable to create ocsp signer: open /etc/cfssl/ocsp-key.pem: "
                                  "no such file or directory")]
    hosts = ["www.brackenfield.example", "api.brackenfield.example", "intranet.kelvedon.example",
             "mq.kelvedon.example", "ldap.corp.ashgrove.example"]
    fails = ["Unable to parse certificate request",
             "Invalid policy: the policy denies the request: host vault-02.corp.ashgrove.example",
             "{\"code\":1002,\"message\":\"Invalid certificate request\"}",
             "x509: requested SignatureAlgorithm does not match private key type",
             "profile \"client-legacy\" not found", "Failed to decode PEM data"]
    clients = ["10.8.1.", "10.8.2.", "127.0.0.1"]
    t0 = DAY0 + 13 * 3600 * SEC + r.randint(0, 1800) * SEC
    for t, key in shuffle_clock(r, counts, t0, 2500 * MS):
        lvl = S.by_key[key][2]["level"]
        h = f"{ymd_hms(t, dsep='/', mid=' ')} [{lvl}] "
        if key == "access":
            v = [f"{ip_in(r, S.cyc(key, 'net', clients))}:{port(r)}", S.cyc(key, "p", paths),
                 S.cyc(key, "st", statuses)]
        elif key in ("sig_req", "recv_csr", "enc_csr", "keygen_setup"):
            v = []
        elif key == "signed":
            v = [str(r.getrandbits(159) | (1 << 150))]
        elif key == "genkey":
            v = [S.cyc(key, "k", ["ecdsa-256", "rsa-2048", "ecdsa-384", "rsa-4096"])]
        elif key == "bundling":
            v = [S.cyc(key, "h", hosts)]
        elif key == "ocsp_sign":
            v = [str(r.getrandbits(120) | (1 << 110)), S.cyc(key, "s", ["good", "good", "revoked"])]
        elif key == "ocsp_miss":
            body = base64.b64encode(bytes(r.getrandbits(8) for _ in range(r.randint(68, 84)))).decode()
            v = [hexs(r, 40), body, S.cyc(key, "st", [401, 401, 404])]
        elif key == "ep_enabled":
            v = ["/api/v1/cfssl/" + S.cyc(key, "e", endpoints_on)]
        elif key == "ep_disabled":
            e, why = S.cyc(key, "e", endpoints_off)
            v = [e, why]
        elif key == "sign_failed":
            v = [S.cyc(key, "f", fails)]
        elif key == "listening":
            v = [S.cyc(key, "a", ["127.0.0.1:8888", "0.0.0.0:8888", "10.8.0.5:8888"])]
        else:
            raise KeyError(key)
        S.emit(h, key, v)
    return S


# ================================================================== 5. OpaServer
def build_opa():
    S = System(5, "OpaServer", "shuffle",
               r'time="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ" level=(debug|info|warning|error) ',
               logrus_ts_key)
    r = S.rng
    S.ev("recv", 'msg="Received request." client_addr="<*>" req_id=<*> req_method=<*> req_path=<*>',
         level="info")
    S.ev("sent", 'msg="Sent response." client_addr="<*>" req_id=<*> req_method=<*> req_path=<*> '
         'resp_bytes=<*> resp_duration=<*> resp_status=<*>', level="info")
    S.ev("decision", 'msg="Decision Log" decision_id=<*> input="<*>" '
         'labels="map[id:9b6a2c41-7e3d-4f0a-8c55-1d2e3f4a5b6c version:0.63.0]" metrics="<*>" '
         'path=<*> requested_by="<*>" result=<*> timestamp="<*>" type=openpolicyagent.org/decision_logs',
         level="info")
    S.ev("bundle_start", 'msg="Starting bundle loader." name=<*> plugin=bundle', level="info")
    S.ev("bundle_stop", 'msg="Stopping bundle loader." name=<*> plugin=bundle', level="info")
    S.ev("bundle_ok", 'msg="Bundle loaded and activated successfully." name=<*> plugin=bundle',
         level="info")
    S.ev("bundle_fail", 'msg="Bundle load failed: <*>" name=<*> plugin=bundle', level="error")
    S.ev("dl_start", 'msg="Starting decision logger." plugin=decision_logs', level="info")
    S.ev("dl_uploaded", 'msg="Logs uploaded successfully. Response status <*>." plugin=decision_logs',
         level="debug")
    S.ev("dl_failed", 'msg="Log upload failed: <*>" plugin=decision_logs', level="error")
    S.ev("dl_dropped", 'msg="Dropped <*> events from buffer. Reduce reporting interval or increase '
         'buffer size." plugin=decision_logs', level="error")
    S.ev("status_failed", 'msg="Status update failed, server replied with HTTP <*>." plugin=status',
         level="error")
    S.ev("init", 'msg="Initializing server." addrs="[<*>]" diagnostic-addrs="[]"', level="info")
    S.ev("shutdown", 'msg="Shutting down..."', level="info")

    counts = [("recv", 93), ("sent", 89), ("decision", 45), ("bundle_start", 8), ("bundle_stop", 4),
              ("bundle_ok", 16), ("bundle_fail", 9), ("dl_start", 5), ("dl_uploaded", 12),
              ("dl_failed", 6), ("dl_dropped", 3), ("status_failed", 4), ("init", 3),
              ("shutdown", 3)]
    routes = [("POST", "/v1/data/authz/allow"), ("POST", "/v1/data/httpapi/authz/decision"),
              ("GET", "/health"), ("POST", "/v1/data/authz/allow"),
              ("POST", "/v1/data/kafka/authz/allow"), ("GET", "/v1/data/rbac/roles"),
              ("GET", "/metrics")]
    statuses = [200, 200, 200, 200, 200, 200, 400, 200, 200, 200, 404, 200, 500]
    dpaths = ["authz/allow", "httpapi/authz/decision", "kafka/authz/allow"]
    users = ["alice", "bob", "svc-billing", "mallory", "carol", "svc-reports"]
    bundles = ["authz", "kafka-acl", "rbac"]
    callers = ["10.12.4.", "10.12.5.", "127.0.0.1"]
    bundle_errs = [
        gq('request failed: Get "https://bundles.corp.okapi.example/bundles/{b}.tar.gz": dial tcp '
           '10.40.2.7:443: connect: connection refused'),
        "server replied with Not Found",
        "bundle {b}: 1 error occurred: policies/{b}/main.rego:14: rego_parse_error: unexpected } token",
        gq('request failed: Get "https://bundles.corp.okapi.example/bundles/{b}.tar.gz": '
           'context deadline exceeded (Client.Timeout exceeded while awaiting headers)')]
    upload_errs = [
        gq('Post "https://logs.corp.okapi.example/logs": dial tcp 10.40.2.9:443: i/o timeout'),
        "log upload failed, server replied with HTTP 502 Bad Gateway",
        gq('Post "https://logs.corp.okapi.example/logs": EOF')]
    state = {"req": 1000 + r.randint(0, 500), "pending": []}
    t0 = DAY0 + 15 * 3600 * SEC + r.randint(0, 1800) * SEC
    for t, key in shuffle_clock(r, counts, t0, 1200 * MS):
        lvl = S.by_key[key][2]["level"]
        h = f'time="{rfc3339(t)}" level={lvl} '
        caddr = f"{ip_in(r, r.choice(callers))}:{port(r)}"
        if key == "recv":
            state["req"] += 1
            m, p = S.cyc(key, "route", routes)
            state["pending"].append((state["req"], caddr, m, p))
            v = [caddr, state["req"], m, p]
        elif key == "sent":
            if state["pending"]:
                rid, caddr, m, p = state["pending"].pop(0)
            else:
                state["req"] += 1
                m, p = S.cyc(key, "route", routes)
                rid = state["req"]
            st = S.cyc(key, "st", statuses)
            size = 2 if p == "/health" else r.randint(16, 420)
            durv = f"{r.uniform(0.08, 14.0):.6f}"
            v = [caddr, rid, m, p, size, durv, st]
        elif key == "decision":
            user = S.cyc(key, "u", users)
            path = S.cyc(key, "p", dpaths)
            method = r.choice(["GET", "POST", "DELETE"])
            inp = (f"map[method:{method} path:[v1 orders {r.randint(1000, 99999)}] user:{user}]"
                   if path != "kafka/authz/allow" else
                   f"map[action:map[operation:{r.choice(['READ', 'WRITE'])} resourcePattern:map["
                   f"name:{r.choice(['payments', 'audit', 'clicks'])} resourceType:TOPIC]] "
                   f"requestContext:map[principal:map[name:{user} principalType:User]]]")
            ev = r.randint(40000, 900000)
            metrics = (f"map[counter_server_query_cache_hit:{S.cyc(key, 'hit', [0, 1])} "
                       f"timer_rego_input_parse_ns:{r.randint(9000, 60000)} "
                       f"timer_rego_query_eval_ns:{ev} timer_server_handler_ns:{ev + r.randint(50000, 400000)}]")
            v = [uuid4(r), inp, metrics, path, f"{ip_in(r, r.choice(callers))}:{port(r)}",
                 S.cyc(key, "res", ["true", "false", "true"]), go_time_string(t - r.randint(1, 900) * US)]
        elif key in ("bundle_start", "bundle_stop", "bundle_ok"):
            v = [S.cyc(key, "b", bundles)]
        elif key == "bundle_fail":
            b = S.cyc(key, "b", bundles)
            v = [S.cyc(key, "e", bundle_errs).replace("{b}", b), b]
        elif key in ("dl_start", "shutdown"):
            v = []
        elif key == "dl_uploaded":
            v = [S.cyc(key, "s", [200, 204])]
        elif key == "dl_failed":
            v = [S.cyc(key, "e", upload_errs)]
        elif key == "dl_dropped":
            v = [S.cyc(key, "n", [128, 1044, 37])]
        elif key == "status_failed":
            v = [S.cyc(key, "c", ["503 Service Unavailable", "502 Bad Gateway", "504 Gateway Timeout"])]
        elif key == "init":
            v = [S.cyc(key, "a", [":8181", "0.0.0.0:8181", "127.0.0.1:8181"])]
        else:
            raise KeyError(key)
        S.emit(h, key, v)
    return S


# ==================================================================== 6. Boulder
def boulder_checksum(msg):
    """Short line checksum: CRC32 of the message, uvarint, base64url without padding."""
    x = zlib.crc32(msg.encode("utf-8"))
    b = bytearray()
    while True:
        if x < 0x80:
            b.append(x)
            break
        b.append((x & 0x7F) | 0x80)
        x >>= 7
    return base64.urlsafe_b64encode(bytes(b)).decode().rstrip("=")


def build_boulder():
    S = System(6, "Boulder", "simulation",
               r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00 [a-z0-9.-]+ "
               r"boulder-(wfe2|ra|va|sa)\[\d+\]: [3467] boulder-(wfe2|ra|va|sa) [A-Za-z0-9_-]{2,7} ",
               lambda h: h[:26])
    r = S.rng

    def wfe(method, endpoint, code, slug=True, requester=True, extra=""):
        s = '"Slug":"<*>",' if slug else ""
        q = '"Requester":<*>,' if requester else ""
        return (f'JSON={{"ID":"<*>","RealIP":"<*>","Method":"{method}","Endpoint":"{endpoint}",{s}{q}'
                f'"Code":{code},"Latency":<*>,"UserAgent":"<*>"{extra}}}')

    S.ev("nonce", wfe("HEAD", "/acme/new-nonce", 200, slug=False, requester=False),
         svc="wfe2", lvl=6)
    S.ev("new_order", wfe("POST", "/acme/new-order", 201, slug=False,
                          extra=',"Created":"<*>","Extra":{"DNSNames":[<*>]}'), svc="wfe2", lvl=6)
    S.ev("authz", wfe("POST", "/acme/authz-v3/", 200), svc="wfe2", lvl=6)
    S.ev("chall", wfe("POST", "/acme/chall-v3/", 200, extra=',"Extra":{"ChallengeType":"<*>"}'),
         svc="wfe2", lvl=6)
    S.ev("finalize", wfe("POST", "/acme/finalize/", 200), svc="wfe2", lvl=6)
    S.ev("cert", wfe("POST", "/acme/cert/", 200), svc="wfe2", lvl=6)
    S.ev("ratelimited", wfe("POST", "/acme/new-order", 429, slug=False,
                            extra=',"Error":"429 :: rateLimited :: <*>"'), svc="wfe2", lvl=6)
    S.ev("caa", '[AUDIT] Checked CAA records for <*>, [Present: true, Account ID: <*>, Challenge: <*>, '
         'Valid for issuance: true, Found at: "<*>"] Response="<*>"', svc="va", lvl=6)
    S.ev("valid", '[AUDIT] Validation result JSON={"ID":"<*>","Requester":<*>,"Hostname":"<*>",'
         '"Challenge":{"type":"<*>","status":"valid","token":"<*>","validated":"<*>"},'
         '"ValidationLatency":<*>}', svc="va", lvl=6)
    S.ev("invalid", '[AUDIT] Validation result JSON={"ID":"<*>","Requester":<*>,"Hostname":"<*>",'
         '"Challenge":{"type":"<*>","status":"invalid","token":"<*>","error":{"type":'
         '"urn:ietf:params:acme:error:<*>","detail":"<*>","status":403}},"ValidationLatency":<*>}',
         svc="va", lvl=6)
    S.ev("issued", '[AUDIT] Certificate request - successful JSON={"ID":"<*>","Requester":<*>,'
         '"OrderID":<*>,"SerialNumber":"<*>","Names":[<*>],"NotBefore":"<*>","NotAfter":"<*>",'
         '"Error":""}', svc="ra", lvl=6)
    S.ev("issue_error", '[AUDIT] Certificate request - error JSON={"ID":"<*>","Requester":<*>,'
         '"OrderID":<*>,"Names":[<*>],"Error":"<*>"}', svc="ra", lvl=3)
    S.ev("sa_precert", "Added precertificate serial <*> for regID <*>", svc="sa", lvl=6)
    S.ev("sa_cert", "Added certificate serial <*> for regID <*>", svc="sa", lvl=6)
    S.ev("internal", "[AUDIT] Internal error - Error finalizing order - rpc error: code = <*> desc = <*>",
         svc="wfe2", lvl=3)

    hosts = {"wfe2": [("wfe-a1.ca.lhr.test", 2211), ("wfe-b2.ca.lhr.test", 2307)],
             "ra": [("ra-a1.ca.lhr.test", 1408), ("ra-b1.ca.lhr.test", 1532)],
             "va": [("va-a1.ca.lhr.test", 1730), ("va-b2.ca.lhr.test", 1694)],
             "sa": [("sa-a1.ca.lhr.test", 990), ("sa-b1.ca.lhr.test", 1012)]}
    T0 = DAY0 + 18 * 3600 * SEC + r.randint(0, 1800) * SEC
    WINDOW = 15 * 60 * SEC
    recs = []
    seq = [0]

    def add(t, key, fn):
        seq[0] += 1
        recs.append((t, seq[0], key, fn))

    def rid():
        return rstr(r, B64U, 43)

    def lat():
        return f"{r.uniform(0.004, 0.35):.6f}".rstrip("0")

    labels = ["www", "mail", "app", "shop", "cdn", "api", "blog", "status", "git", "docs"]
    sites = ["larkspur-cafe.example", "norrland-forge.example", "quietharbor.example",
             "tinder-and-twine.example", "bellweather.example", "odalys-atelier.example",
             "rookery-labs.example", "sunfold.example"]
    chall_types = ["http-01", "dns-01", "http-01", "tls-alpn-01"]
    client_ips = ["203.0.113.", "198.51.100.", "192.0.2."]
    invalid = {  # per challenge type: (ACME problem type, detail)
        "http-01": [("unauthorized", "{ip}: Invalid response from http://{d}/.well-known/acme-challenge/"
                                     "{tok}: 404"),
                    ("connection", "{ip}: Fetching http://{d}/.well-known/acme-challenge/{tok}: Timeout "
                                   "during connect (likely firewall problem)")],
        "dns-01": [("unauthorized", "Incorrect TXT record \\\"{tok8}\\\" found at _acme-challenge.{d}"),
                   ("dns", "DNS problem: NXDOMAIN looking up TXT for _acme-challenge.{d} - check that a "
                           "DNS record exists for this domain")],
        "tls-alpn-01": [("connection", "{ip}: Timeout during connect (likely firewall problem)"),
                        ("unauthorized", "{ip}: Incorrect validation certificate for tls-alpn-01 "
                                         "challenge. Requested {d} from {ip}:443. Received certificate "
                                         "containing 'localhost'")],
    }
    rl_msgs = [
        "too many certificates (5) already issued for this exact set of identifiers in the last "
        "168h0m0s, retry after {ra}: see https://letsencrypt.org/docs/rate-limits/#new-certificates-per-exact-set-of-hostnames",
        "too many new orders (300) from this account in the last 3h0m0s, retry after {ra}: see "
        "https://letsencrypt.org/docs/rate-limits/#new-orders-per-account",
        "too many certificates (50) already issued for \\\"{site}\\\" in the last 168h0m0s, retry "
        "after {ra}: see https://letsencrypt.org/docs/rate-limits/#new-certificates-per-registered-domain",
    ]
    ra_errs = ["400 :: badCSR :: key is too small",
               "400 :: badCSR :: CSR contains a public key of a known weak RSA key",
               "403 :: unauthorized :: authorizations for these identifiers not found: {d}",
               "500 :: serverInternal :: issuing precertificate: rpc error: code = DeadlineExceeded "
               "desc = context deadline exceeded"]
    rpc_errs = [("Unavailable", 'connection error: desc = "transport: Error while dialing: dial tcp '
                                '10.77.0.21:9095: connect: connection refused"'),
                ("DeadlineExceeded", "context deadline exceeded"),
                ("Unknown", "sa.AddPrecertificate: Error 1213: Deadlock found when trying to get lock; "
                            "try restarting transaction")]
    resp = [";; opcode: QUERY, status: NOERROR, id: {id}\\n;; flags: qr rd ra ad; QUERY: 1, ANSWER: 1, "
            "AUTHORITY: 0, ADDITIONAL: 1\\n\\n;; ANSWER SECTION:\\n{fa}.\\t3600\\tIN\\tCAA\\t0 issue "
            "\\\"letsencrypt.org\\\"",
            ";; opcode: QUERY, status: NOERROR, id: {id}\\n;; flags: qr rd ra; QUERY: 1, ANSWER: 0, "
            "AUTHORITY: 1, ADDITIONAL: 1"]

    outcome_cycle = ["ok", "ok", "rl", "ok", "bad", "ok", "internal", "raerr", "ok", "ok", "internal",
                     "bad", "ok", "rl", "ok", "raerr", "ok", "internal"]
    t = T0
    oi = 0
    reg_pool = [r.randint(100000000, 1900000000) for _ in range(12)]
    while t < T0 + WINDOW:
        t += int(r.expovariate(1 / (5 * SEC)))
        outcome = outcome_cycle[oi % len(outcome_cycle)]
        oi += 1
        reg = reg_pool[oi % len(reg_pool)]
        ua = UAS[oi % len(UAS)][0]
        cip = ip_in(r, client_ips[oi % len(client_ips)])
        site = sites[oi % len(sites)]
        n = 1 + (oi % 4 == 1) + (oi % 7 == 3)
        doms = [site] + [f"{lab}.{site}" for lab in r.sample(labels, n - 1)] if n > 1 else \
            [f"{r.choice(labels)}.{site}" if oi % 2 else site]
        names_json = ",".join(f'"{d}"' for d in doms)
        ctype = chall_types[oi % len(chall_types)]
        tt = [t]

        def at(lo_ms, hi_ms):
            tt[0] += r.randint(lo_ms * MS, hi_ms * MS) + r.randint(0, 999)
            return tt[0]

        def W(key, vals_fn):
            X("wfe2", key, 20, 400, vals_fn)

        def X(svc, key, lo, hi, vals_fn):
            # values are drawn eagerly, right after the entity's clock moves on
            host, pid = hosts[svc][r.randint(0, 1)]
            when = at(lo, hi)
            add(when, key, (host, pid, vals_fn()))

        W("nonce", lambda: [rid(), cip, lat(), ua])
        if outcome == "rl":
            def rlv():
                ra = rfc3339(t + r.randint(2, 160) * 3600 * SEC)
                msg = S.cyc("ratelimited", "m", rl_msgs).format(ra=ra, site=site)
                return [rid(), cip, reg, lat(), ua, msg]
            W("ratelimited", rlv)
            continue
        order_id = r.randint(10 ** 9, 4 * 10 ** 10)
        W("new_order", lambda: [rid(), cip, reg, lat(), ua, rfc3339(t, 6), names_json])
        authz = [(d, r.randint(10 ** 11, 4 * 10 ** 11), rstr(r, B64U, 43)) for d in doms]
        bad_i = r.randrange(len(doms)) if outcome == "bad" else -1
        for d, az, tok in authz:
            W("authz", lambda az=az: [rid(), cip, az, reg, lat(), ua])
        for i, (d, az, tok) in enumerate(authz):
            W("chall", lambda az=az: [rid(), cip, f"{az}/{rstr(r, B64U, 6)}", reg, lat(), ua, ctype])
            fa = d if r.random() < 0.5 else site
            X("va", "caa", 30, 200, lambda d=d, fa=fa: [
                d, reg, ctype, fa,
                S.cyc("caa", "resp", resp).format(id=r.randint(1000, 65000), fa=fa)])
            if i == bad_i:
                def badv(d=d, tok=tok):
                    et, det = S.cyc("invalid", "e" + ctype, invalid[ctype])
                    det = det.format(ip=ip_in(r, "203.0.113."), d=d, tok=tok, tok8=rstr(r, B64U, 43))
                    return [rid(), reg, d, ctype, tok, et, det, f"{r.uniform(0.2, 9.5):.3f}"]
                X("va", "invalid", 100, 1500, badv)
            else:
                X("va", "valid", 100, 1500, lambda d=d, tok=tok: [
                    rid(), reg, d, ctype, tok, rfc3339(tt[0], 0), f"{r.uniform(0.15, 2.5):.3f}"])
        for d, az, tok in authz:
            for _ in range(1 + (r.random() < 0.5)):
                W("authz", lambda az=az: [rid(), cip, az, reg, lat(), ua])
        if outcome == "bad":
            continue
        if outcome == "internal":
            code, desc = S.cyc("internal", "e", rpc_errs)
            host, pid = hosts["wfe2"][r.randint(0, 1)]
            add(at(300, 5200), "internal", (host, pid, [code, desc]))
            continue
        if outcome == "raerr":
            X("ra", "issue_error", 50, 400, lambda: [
                rid(), reg, order_id, names_json,
                S.cyc("issue_error", "e", ra_errs).format(d=doms[-1])])
            continue
        serial = "04" + hexs(r, 34)
        X("sa", "sa_precert", 40, 300, lambda: [serial, reg])
        X("sa", "sa_cert", 200, 900, lambda: [serial, reg])
        nb = t - 3600 * SEC
        X("ra", "issued", 5, 40, lambda nb=nb: [
            rid(), reg, order_id, serial, names_json, rfc3339(nb), rfc3339(nb + 90 * 86400 * SEC - SEC)])
        W("finalize", lambda: [rid(), cip, f"{reg}/{order_id}", reg, lat(), ua])
        W("cert", lambda: [rid(), cip, serial, reg, lat(), ua])

    recs.sort(key=lambda x: (x[0], x[1]))
    for t, _, key, (host, pid, vals) in recs[:N_LINES]:
        _, template, meta = S.by_key[key]
        content = fill(template, vals)
        svc = meta["svc"]
        h = (f"{rfc3339(t, 6, '+00:00')} {host} boulder-{svc}[{pid}]: {meta['lvl']} boulder-{svc} "
             f"{boulder_checksum(content)} ")
        S.emit(h, key, vals)
    return S


# ================================================================== self-check
def check(S):
    errs = []
    d = os.path.join(OUT, S.name)
    raw = open(os.path.join(d, S.name + ".log"), "rb").read()
    craw = open(os.path.join(d, S.name + ".log_structured.csv"), "rb").read()
    for nm, b in (("log", raw), ("csv", craw)):
        if not b.endswith(b"\n"):
            errs.append(f"{nm} does not end with newline")
        if b"\r" in b:
            errs.append(f"{nm} contains CR")
    lines = raw.decode("utf-8").split("\n")[:-1]
    with open(os.path.join(d, S.name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header")
    rows = rows[1:]
    if len(lines) != N_LINES or len(rows) != N_LINES:
        errs.append(f"{len(lines)} lines / {len(rows)} rows")
    hre = re.compile(S.header_re)
    declared = {eid: t for eid, _, t, _ in S.events}
    tmpl_of = {}
    caps = {}
    counts = {}
    last = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            errs.append(f"row {i}: {len(row)} columns")
            continue
        lid, content, eid, tmpl = row
        if lid != str(i):
            errs.append(f"row {i}: LineId {lid}")
        if not content or content != content.strip():
            errs.append(f"row {i}: content empty or not stripped")
        if not line.endswith(content):
            errs.append(f"row {i}: raw line does not end with Content")
            continue
        header = line[:len(line) - len(content)]
        if not hre.fullmatch(header):
            errs.append(f"row {i}: header {header!r} does not match")
            continue
        ts = S.ts_key(header)
        if last is not None and ts < last:
            errs.append(f"row {i}: timestamp goes back {ts} < {last}")
        last = ts
        if not re.fullmatch(r"E\d+", eid):
            errs.append(f"row {i}: bad EventId {eid}")
        if tmpl_of.setdefault(eid, tmpl) != tmpl:
            errs.append(f"row {i}: {eid} has two templates")
        if declared.get(eid) != tmpl:
            errs.append(f"row {i}: {eid} template differs from declaration")
        counts[eid] = counts.get(eid, 0) + 1
        rx = "^" + "(.+?)".join(re.escape(p) for p in tmpl.split("<*>")) + "$"
        m = re.fullmatch(rx, content)
        if not m:
            errs.append(f"row {i}: template {eid} does not match content")
            continue
        for j, g in enumerate(m.groups()):
            caps.setdefault((eid, j), set()).add(g)
    if len(set(tmpl_of.values())) != len(tmpl_of):
        errs.append("two EventIds share a template")
    if len(set(declared.values())) != len(declared):
        errs.append("two declared events share a template")
    if set(counts) != set(declared):
        errs.append(f"declared but unused: {sorted(set(declared) - set(counts))}")
    for eid, t in declared.items():
        for j in range(t.count("<*>")):
            if len(caps.get((eid, j), ())) < 2:
                errs.append(f"{eid} slot {j} takes < 2 values")
    c = sorted(counts.values())
    if not 12 <= len(c) <= 15:
        errs.append(f"{len(c)} event types")
    if c and c[0] < 3:
        errs.append("an event has < 3 lines")
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines")
    if c and c[-1] < 3 * statistics.median(c):
        errs.append(f"largest {c[-1]} < 3 x median {statistics.median(c)}")
    return errs, counts


def main():
    builders = [build_spire, build_stepca, build_certbot, build_cfssl, build_opa, build_boulder]
    systems = []
    for b in builders:
        S = b()
        S.write()
        systems.append(S)
    ok = True
    for S in systems:
        errs, counts = check(S)
        order = [eid for eid, _, _, _ in S.events]
        cs = sorted(counts.values())
        print(f"{S.k}. {S.name:12s} {S.mode:10s} lines={N_LINES} events={len(counts)} "
              f"median={statistics.median(cs) if cs else 0} max={cs[-1] if cs else 0} "
              f"{'OK' if not errs else 'FAIL'}")
        print("   " + " ".join(f"{e}:{counts.get(e, 0)}" for e in order))
        for e in errs[:20]:
            print("   !!", e)
        ok = ok and not errs
    if not ok:
        sys.exit(1)
    print("all self-checks passed")


if __name__ == "__main__":
    main()
