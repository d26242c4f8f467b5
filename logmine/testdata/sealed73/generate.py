#!/usr/bin/env python3
"""Sealed 73: blind labelled log corpus generator.

Python 3 standard library only, fully deterministic: no wall clock, no locale.
Base seed 20270207; system k (1..6) uses random.Random(20270207 * 10 + k).
All times come from an integer nanosecond clock on 2026-03-14 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for every system, then re-reads and self-checks them and prints a summary.
"""
import csv
import datetime
import os
import random
import re
import sys

BASE_SEED = 20270207
HERE = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DAY = (2026, 3, 14)
DAY0_NS = (datetime.date(*DAY) - datetime.date(1970, 1, 1)).days * 86400 * 10**9
NS = 1
US = 10**3
MS = 10**6
SEC = 10**9


def clock(h, m, s=0):
    return DAY0_NS + ((h * 60 + m) * 60 + s) * SEC


def hms(t):
    assert DAY0_NS <= t < DAY0_NS + 86400 * SEC, "clock left 2026-03-14"
    x = t - DAY0_NS
    s, ns = divmod(x, SEC)
    h, s = divmod(s, 3600)
    m, s = divmod(s, 60)
    return h, m, s, ns


# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------
class Cycler:
    """Small pools cycle per (event, slot)."""

    def __init__(self):
        self.n = {}
        self.key = None
        self.slot = 0

    def bind(self, key):
        self.key = key
        self.slot = 0

    def __call__(self, pool):
        k = (self.key, self.slot)
        self.slot += 1
        i = self.n.get(k, 0)
        self.n[k] = i + 1
        return pool[i % len(pool)]


class Rot:
    """A named rotating pool for simulation entities."""

    def __init__(self, pool):
        self.pool = list(pool)
        self.i = 0

    def __call__(self):
        v = self.pool[self.i % len(self.pool)]
        self.i += 1
        return v


def hexs(r, n):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


def sha256(r):
    return "sha256:" + hexs(r, 64)


def uuid4(r):
    h = hexs(r, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16],
                                  "89ab"[int(h[16], 16) % 4], h[17:20], h[20:32])


def go_dur(ns):
    if ns < 1000:
        return "%dns" % ns
    if ns < MS:
        v, u = ns / 1e3, "\u00b5s"
    elif ns < SEC:
        v, u = ns / 1e6, "ms"
    else:
        v, u = ns / 1e9, "s"
    return ("%.6f" % v).rstrip("0").rstrip(".") + u


def human_bytes(n):
    # go-humanize style (SI)
    if n < 1000:
        return "%d B" % n
    for unit in ("kB", "MB", "GB"):
        n /= 1000.0
        if n < 999.95:
            return ("%.1f %s" % (n, unit)) if n < 10 else ("%.0f %s" % (n, unit))
    return "%.0f TB" % (n / 1000.0)


def fill(tmpl, values):
    parts = tmpl.split("<*>")
    assert len(parts) == len(values) + 1, (tmpl, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\r" not in v, (tmpl, values)
        out.append(v)
        out.append(p)
    s = "".join(out)
    assert s == s.strip() and s, (tmpl, values)
    return s


def shuffle_records(rng, cyc, events, counts, gens, t_start, mean_gap_ns, min_gap_ns=1):
    keys = [e[0] for e in events]
    rest = [k for k in keys if counts[k] is None]
    assert len(rest) <= 1
    fixed = sum(counts[k] for k in keys if counts[k] is not None)
    if rest:
        counts = dict(counts)
        counts[rest[0]] = N_LINES - fixed
    seq = []
    for k in keys:
        seq += [k] * counts[k]
    assert len(seq) == N_LINES, len(seq)
    rng.shuffle(seq)
    t = t_start
    out = []
    for k in seq:
        t += max(min_gap_ns, int(rng.expovariate(1.0 / mean_gap_ns)))
        cyc.bind(k)
        out.append((t, k, tuple(gens[k](rng, cyc))))
    return out


def merge_first(entity_lines):
    """entity_lines: list of lists of (t, key, values); merge by time, keep first 300."""
    allv = []
    for ei, lines in enumerate(entity_lines):
        for li, (t, k, v) in enumerate(lines):
            allv.append((t, ei, li, k, v))
    allv.sort(key=lambda x: (x[0], x[1], x[2]))
    assert len(allv) >= N_LINES, len(allv)
    return [(t, k, v) for (t, _e, _l, k, v) in allv[:N_LINES]]


# ==========================================================================
# 1. Grype (seeded shuffle) -- debug level
# ==========================================================================
GRYPE_EVENTS = [
    ("db_check", "DEBUG", "checking for available database updates"),
    ("db_none", "DEBUG", "no database update available"),
    ("db_dl", "INFO", "downloading new vulnerability DB url=<*>"),
    ("db_loaded", "DEBUG", "loaded DB built=<*> schema=<*> location=<*>"),
    ("image", "DEBUG", "image: source=<*> location=<*>"),
    ("distro", "INFO", "identified distro: <*>"),
    ("cat_done", "DEBUG", "cataloger completed cataloger=<*> packages=<*> took=<*>"),
    ("cache_hit", "DEBUG", "layer cache hit digest=<*>"),
    ("cache_miss", "DEBUG", "layer cache miss digest=<*> size=<*>"),
    ("jar_fail", "DEBUG", "failed to parse java archive path=<*>: <*>"),
    ("ignore", "DEBUG", "ignoring match vulnerability=<*> package=<*> fix-state=<*>"),
    ("cred_warn", "WARN", "unable to load registry credentials registry=<*>: <*>"),
    ("manifest_err", "ERROR", "failed to fetch image manifest image=<*>: <*>"),
    ("found", "INFO", "found <*> vulnerability matches across <*> packages"),
    ("found_none", "INFO", "found no vulnerability matches across <*> packages"),
]
GRYPE_COUNTS = {
    "db_check": 5, "db_none": 4, "db_dl": 3, "db_loaded": 6, "image": 9,
    "distro": 8, "cat_done": None, "cache_hit": 40, "cache_miss": 22,
    "jar_fail": 10, "ignore": 18, "cred_warn": 4, "manifest_err": 3,
    "found": 7, "found_none": 3,
}
GRYPE_IMAGES = [
    "docker.io/library/nginx:1.25.4", "registry.corp.internal:5000/payments/api:2.14.0",
    "ghcr.io/acme-labs/ingest-worker:v0.9.3", "docker.io/library/postgres:16.2-alpine",
    "quay.io/orbit/edge-proxy:3.1.1", "public.ecr.aws/lambda/python:3.12",
    "harbor.lab.local/platform/ledger-svc:1.7.22", "docker.io/bitnami/redis:7.2.4-debian-12-r9",
]
GRYPE_CATALOGERS = [
    "apk-db-cataloger", "dpkg-db-cataloger", "rpm-db-cataloger", "java-archive-cataloger",
    "python-installed-package-cataloger", "go-module-binary-cataloger",
    "javascript-package-cataloger", "ruby-installed-gemspec-cataloger",
    "binary-classifier-cataloger", "dotnet-deps-cataloger", "php-composer-installed-cataloger",
    "rust-cargo-lock-cataloger", "linux-kernel-cataloger", "portage-cataloger",
]
GRYPE_PKGS = [
    "openssl", "libcrypto3", "busybox", "zlib", "libxml2", "curl", "glibc", "expat",
    "log4j-core", "jackson-databind", "spring-web", "urllib3", "requests", "golang.org/x/net",
    "github.com/docker/docker", "lodash", "semver", "ncurses-base", "perl-base", "sqlite-libs",
]


def _grype_gens():
    def db_dl(r, c):
        day = c([12, 13, 14])
        hh, mm, ss = 1, r.randint(0, 59), r.randint(0, 59)
        epoch = (DAY0_NS // SEC) - (14 - day) * 86400 + hh * 3600 + mm * 60 + ss
        return ("https://toolbox-data.anchore.io/grype/databases/vulnerability-db_v5_"
                "2026-03-%02dT%02d:%02d:%02dZ_%d.tar.gz" % (day, hh, mm, ss, epoch),)

    def db_loaded(r, c):
        day = c([13, 14, 12])
        built = "2026-03-%02dT01:%02d:%02dZ" % (day, r.randint(0, 59), r.randint(0, 59))
        return (built, c(["5", "5", "6"]), c(["/root/.cache/grype/db/5", "/home/runner/.cache/grype/db/5",
                                              "/var/lib/grype/db/5", "/home/jenkins/.cache/grype/db/5"]))

    def image(r, c):
        src = c(["OciRegistry", "DockerDaemon", "OciArchive", "PodmanDaemon", "OciRegistry"])
        if src == "OciArchive":
            loc = c(["/builds/platform/out/image-%s.tar" % hexs(r, 7)])
        else:
            loc = c(GRYPE_IMAGES)
        return (src, loc)

    def distro(r, c):
        return (c(["Alpine Linux v3.19.1", "Debian GNU/Linux 12 (bookworm)", "Ubuntu 22.04.4 LTS",
                   "Red Hat Enterprise Linux 9.3 (Plow)", "Amazon Linux 2023", "Wolfi",
                   "Debian GNU/Linux 11 (bullseye)"]),)

    def cat_done(r, c):
        cat = c(GRYPE_CATALOGERS)
        n = 0 if r.random() < 0.35 else int(r.expovariate(1 / 40.0)) + 1
        took = int(r.expovariate(1.0 / (40 * MS))) + r.randint(20 * US, 400 * US)
        return (cat, str(n), go_dur(took))

    def cache_hit(r, c):
        return (sha256(r),)

    def cache_miss(r, c):
        return (sha256(r), human_bytes(int(r.expovariate(1 / 18e6)) + r.randint(2000, 90000)))

    def jar_fail(r, c):
        path = c(["/usr/share/java/commons-io-2.11.0.jar", "/opt/app/lib/app.jar:BOOT-INF/lib/netty-codec-4.1.94.Final.jar",
                  "/srv/tomcat/webapps/ROOT.war", "/opt/keycloak/lib/lib/main/org.bouncycastle.bcprov-jdk18on-1.76.jar",
                  "/app/plugins/legacy-report.jar"])
        why = c(["zip: not a valid zip file", "unexpected EOF",
                 "unable to find manifest: META-INF/MANIFEST.MF",
                 "zip: checksum error", "read /tmp/stereoscope-%d/file.jar: file already closed" % r.randint(100000, 999999)])
        return (path, why)

    def ignore(r, c):
        year = c(["2023", "2024", "2025", "2022"])
        vuln = c(["CVE-%s-%d" % (year, r.randint(1000, 52000)), "GHSA-%s-%s-%s" % (hexs(r, 4), hexs(r, 4), hexs(r, 4))])
        return (vuln, c(GRYPE_PKGS), c(["not-fixed", "wont-fix", "unknown"]))

    def cred_warn(r, c):
        reg = c(["registry.corp.internal:5000", "harbor.lab.local", "123456789012.dkr.ecr.eu-west-1.amazonaws.com"])
        why = c(["open /home/runner/.docker/config.json: permission denied",
                 "error getting credentials - err: exit status 1, out: `credentials not found in native keychain`",
                 "no credential helper found for docker-credential-ecr-login"])
        return (reg, why)

    def manifest_err(r, c):
        img = c(GRYPE_IMAGES[1:5])
        why = c(["GET https://%s/v2/: UNAUTHORIZED: authentication required" % img.split("/")[0],
                 "context deadline exceeded",
                 "MANIFEST_UNKNOWN: manifest unknown; unknown tag=%s" % img.rsplit(":", 1)[-1]])
        return (img, why)

    def found(r, c):
        pk = r.randint(40, 900)
        return (str(r.randint(1, max(2, pk // 3))), str(pk))

    def found_none(r, c):
        return (str(r.randint(3, 120)),)

    return {
        "db_check": lambda r, c: (), "db_none": lambda r, c: (), "db_dl": db_dl,
        "db_loaded": db_loaded, "image": image, "distro": distro, "cat_done": cat_done,
        "cache_hit": cache_hit, "cache_miss": cache_miss, "jar_fail": jar_fail,
        "ignore": ignore, "cred_warn": cred_warn, "manifest_err": manifest_err,
        "found": found, "found_none": found_none,
    }


GRYPE_T0 = clock(10, 15, 41) + 118 * MS


def build_grype(rng):
    cyc = Cycler()
    return shuffle_records(rng, cyc, GRYPE_EVENTS, GRYPE_COUNTS, _grype_gens(),
                           GRYPE_T0 + 3 * MS, 260 * MS, min_gap_ns=15 * US)


def header_grype(t, lvl, ev):
    el = (t - GRYPE_T0) // SEC
    return "[%04d] %5s " % (el, lvl)


HEADER_RE_GRYPE = r"\[(\d{4})\] (?: INFO|DEBUG| WARN|ERROR) "


def ts_grype(m):
    return int(m.group(1))


# ==========================================================================
# 2. Clair v4 (simulation: HTTP clients scanning manifests + updaters)
#    zerolog console rendering: time, level, message, then sorted fields
# ==========================================================================
CLAIR_EVENTS = [
    ("http", "INF", "handled HTTP request component=httptransport/New duration=<*> method=<*> "
                    "remote_addr=<*> request_id=<*> request_uri=<*> status=<*>"),
    ("idx_start", "DBG", "manifest to be scanned component=indexer/controller/Controller.Index "
                         "manifest=<*> state=CheckManifest"),
    ("idx_known", "DBG", "manifest already indexed component=indexer/controller/Controller.Index "
                         "manifest=<*> state=CheckManifest"),
    ("layer_ok", "DBG", "layer fetched component=indexer/fetcher/Fetcher.Fetch layer=<*> manifest=<*> size=<*>"),
    ("layer_retry", "WRN", "layer fetch failed, retrying error=\"<*>\" component=indexer/fetcher/Fetcher.Fetch "
                           "layer=<*> manifest=<*>"),
    ("layers_scanned", "DBG", "layers scanned component=indexer/controller/scanLayers layers=<*> "
                              "manifest=<*> state=ScanLayers"),
    ("idx_done", "INF", "index report written component=indexer/controller/Controller.Index "
                        "manifest=<*> packages=<*> state=IndexFinished"),
    ("match_pkgs", "DBG", "interested packages component=internal/matcher/Match interested=<*> "
                          "manifest=<*> matcher=<*>"),
    ("match_vulns", "DBG", "found vulnerabilities component=internal/matcher/Match count=<*> "
                           "manifest=<*> matcher=<*>"),
    ("report_404", "WRN", "index report not found component=httptransport/MatcherV1.vulnerabilityReport manifest=<*>"),
    ("upd_start", "INF", "starting update component=libvuln/updates/Manager.driveUpdater updater=<*>"),
    ("upd_same", "INF", "vulnerability database unchanged component=libvuln/updates/Manager.driveUpdater updater=<*>"),
    ("upd_new", "INF", "vulnerabilities updated component=libvuln/updates/Manager.driveUpdater "
                       "count=<*> ref=<*> updater=<*>"),
    ("upd_fail", "WRN", "updater failed error=\"<*>\" component=libvuln/updates/Manager.driveUpdater updater=<*>"),
    ("upd_done", "INF", "finished update component=libvuln/updates/Manager.driveUpdater updater=<*>"),
]
CLAIR_UPDATERS = [
    "alpine-main-v3.19-updater", "alpine-community-v3.18-updater", "debian/updater/bookworm",
    "debian/updater/bullseye", "ubuntu/updater/jammy", "ubuntu/updater/noble", "rhel-vex",
    "osv/pypi", "osv/go", "osv/maven", "photon-updater-4.0", "aws-updater-repository-2023",
]
CLAIR_OUTCOMES = ["same", "new", "same", "fail", "new", "same", "new", "fail",
                  "same", "new", "fail", "same"]
CLAIR_FAILS = [
    "fetch: unexpected response: 503 Service Unavailable",
    "Get \\\"https://security-tracker.debian.org/tracker/data/json\\\": dial tcp 199.232.18.132:443: i/o timeout",
    "openvex: unable to decompress: gzip: invalid header",
    "context canceled",
]
CLAIR_DISTROS = {
    "alpine": ["alpine-matcher", "python", "gobin"],
    "debian": ["debian-matcher", "python", "java-maven"],
    "ubuntu": ["ubuntu-matcher", "python", "gobin", "ruby-gem"],
    "rhel": ["rhel-container-matcher", "rhel", "java-maven"],
    "photon": ["photon", "gobin"],
}
CLAIR_CLIENTS = ["10.42.3.17", "10.42.7.102", "10.42.1.9", "172.18.0.4", "10.42.5.66"]
CLAIR_LAYER_ERRORS = [
    "GET https://quay.corp.internal/v2/app/blobs/sha256:%s: unexpected EOF",
    "read tcp 10.42.0.31:%d->10.40.2.8:443: read: connection reset by peer",
    "fetcher: digest mismatch for layer sha256:%s",
]


def build_clair(rng):
    T0 = clock(9, 12, 7) + 381 * MS
    ents = []
    # updaters: started at boot, finish on their own clocks
    for i, up in enumerate(CLAIR_UPDATERS):
        t = T0 + int(rng.uniform(0.2, 4.0) * SEC)
        lines = [(t, "upd_start", (up,))]
        t += int(rng.expovariate(1 / 35.0) * SEC) + 2 * SEC
        out = CLAIR_OUTCOMES[i]
        if out == "fail":
            e = CLAIR_FAILS[i % len(CLAIR_FAILS)]
            lines.append((t, "upd_fail", (e, up)))
        else:
            if out == "same":
                lines.append((t, "upd_same", (up,)))
            else:
                lines.append((t, "upd_new", (str(rng.randint(3, 4800)), uuid4(rng), up)))
            t += int(rng.uniform(5, 400) * MS)
            lines.append((t, "upd_done", (up,)))
        ents.append(lines)

    # HTTP clients
    client = Rot(CLAIR_CLIENTS)
    distro_rot = Rot(["debian", "alpine", "ubuntu", "rhel", "alpine", "debian", "photon", "ubuntu"])
    indexed = []  # (finish_t, manifest, distro)
    t = T0 + int(1.5 * SEC)
    layer_no = 0

    def http(tt, start, method, uri, status, addr):
        dur = (tt - start) / 1e6
        return (tt, "http", ("%.3f" % dur, method, addr, hexs(rng, 16), uri, str(status)))

    for n in range(160):
        t += int(rng.expovariate(1 / 5.5) * SEC) + 50 * MS
        addr = "%s:%d" % (client(), rng.randint(32768, 60999))
        lines = []
        if n % 9 == 4:
            # stale report request for an unknown manifest
            m = sha256(rng)
            tt = t + int(rng.uniform(1, 6) * MS)
            lines.append((tt, "report_404", (m,)))
            tt += int(rng.uniform(0.1, 1.0) * MS)
            lines.append(http(tt, t, "GET", "/matcher/api/v1/vulnerability_report/" + m, 404, addr))
            ents.append(lines)
            continue
        done_before = [x for x in indexed if x[0] < t]
        if n % 6 == 2 and done_before:
            _ft, m, distro = done_before[(n // 6) % len(done_before)]
            tt = t + int(rng.uniform(2, 9) * MS)
            lines.append((tt, "idx_known", (m,)))
            tt += int(rng.uniform(1, 20) * MS)
            lines.append(http(tt, t, "POST", "/indexer/api/v1/index_report", 200, addr))
        else:
            m = sha256(rng)
            distro = distro_rot()
            tt = t + int(rng.uniform(2, 9) * MS)
            lines.append((tt, "idx_start", (m,)))
            nl = rng.randint(2, 7)
            for _ in range(nl):
                layer_no += 1
                layer = sha256(rng)
                tt += int(rng.expovariate(1 / 0.9) * SEC) + 30 * MS
                if layer_no % 17 == 5:
                    e = CLAIR_LAYER_ERRORS[(layer_no // 17) % len(CLAIR_LAYER_ERRORS)]
                    e = e % (hexs(rng, 64),) if "%s" in e else e % (rng.randint(32768, 60999),)
                    lines.append((tt, "layer_retry", (e, layer, m)))
                    tt += int(rng.uniform(1.0, 2.5) * SEC)
                size = int(rng.expovariate(1 / 25e6)) + rng.randint(400, 90000)
                lines.append((tt, "layer_ok", (layer, m, str(size))))
            tt += int(rng.expovariate(1 / 1.2) * SEC) + 80 * MS
            lines.append((tt, "layers_scanned", (str(nl), m)))
            tt += int(rng.uniform(20, 300) * MS)
            lines.append((tt, "idx_done", (m, str(rng.randint(12, 640)))))
            tt += int(rng.uniform(1, 8) * MS)
            lines.append(http(tt, t, "POST", "/indexer/api/v1/index_report", 201, addr))
            indexed.append((tt, m, distro))
        # the client then asks for the vulnerability report
        t2 = tt + int(rng.uniform(0.05, 0.9) * SEC)
        tt = t2
        for mt in CLAIR_DISTROS[distro]:
            tt += int(rng.uniform(3, 60) * MS)
            lines.append((tt, "match_pkgs", (str(rng.randint(1, 180)), m, mt)))
            if rng.random() < 0.6:
                tt += int(rng.uniform(10, 400) * MS)
                lines.append((tt, "match_vulns", (str(rng.randint(1, 95)), m, mt)))
        tt += int(rng.uniform(2, 30) * MS)
        lines.append(http(tt, t2, "GET", "/matcher/api/v1/vulnerability_report/" + m, 200, addr))
        ents.append(lines)
    return merge_first(ents)


def header_clair(t, lvl, ev):
    h, m, s, _ = hms(t)
    return "2026-03-14T%02d:%02d:%02dZ %s " % (h, m, s, lvl)


HEADER_RE_CLAIR = r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ) (?:DBG|INF|WRN|ERR) "


def ts_clair(m):
    return m.group(1)


# ==========================================================================
# 3. Semgrep CLI (simulation: rule configs + target files on parallel jobs)
# ==========================================================================
SEMGREP_EVENTS = [
    ("fetch", "INFO", "Fetching rules from <*>"),
    ("loaded", "INFO", "Loaded <*> rules from <*>"),
    ("bad_rule", "WARNING", "Rule <*> was skipped because of an invalid pattern: <*>"),
    ("run_lang", "INFO", "Running <*> <*> rules on <*> files"),
    ("ignored", "INFO", "Ignoring <*> due to .semgrepignore"),
    ("too_big", "INFO", "Skipping <*>: file size <*> exceeds limit of 1.0 MB"),
    ("minified", "INFO", "Skipping <*>: file appears to be minified"),
    ("scan", "INFO", "Scanning <*> with <*> rules"),
    ("done", "INFO", "Done with <*> in <*>"),
    ("matched", "INFO", "Rule <*> matched <*> time(s) in <*>"),
    ("partial", "WARNING", "Partially parsed <*>: <*> unparsed lines"),
    ("syntax", "WARNING", "Syntax error at line <*>:<*>: <*>"),
    ("timeout", "WARNING", "Rule <*> timed out on <*>"),
    ("fatal", "ERROR", "Failed to scan <*>: <*>"),
]
SEMGREP_CONFIGS = ["p/default", "p/secrets", "p/python", "p/dockerfile"]
SEMGREP_LANGS = [
    # lang, exts, dirs, rule count
    ("python", [".py"], ["src/api", "src/worker", "services/billing", "tools", "tests/unit"], 0),
    ("javascript", [".js"], ["web/static/js", "web/src/components", "scripts"], 0),
    ("typescript", [".ts", ".tsx"], ["web/src/pages", "web/src/hooks", "packages/ui/src"], 0),
    ("go", [".go"], ["internal/auth", "cmd/gateway", "pkg/ledger"], 0),
    ("dockerfile", ["Dockerfile"], ["deploy/docker", "services/billing", "tools/ci"], 0),
    ("terraform", [".tf"], ["deploy/terraform/aws", "deploy/terraform/modules/vpc"], 0),
    ("yaml", [".yaml", ".yml"], ["deploy/k8s", ".github/workflows", "charts/api/templates"], 0),
]
SEMGREP_STEMS = ["handlers", "models", "client", "views", "settings", "utils", "auth", "invoice",
                 "session", "router", "queue", "config", "export", "payment", "crypto_helpers",
                 "upload", "middleware", "report", "cache", "webhook", "index", "admin", "sync", "main"]
SEMGREP_RULES = {
    "python": ["python.lang.security.audit.dangerous-subprocess-use.dangerous-subprocess-use",
               "python.django.security.injection.sql.sql-injection-using-raw",
               "python.lang.security.deserialization.pickle.avoid-pickle",
               "python.requests.security.disabled-cert-validation.disabled-cert-validation"],
    "javascript": ["javascript.browser.security.insecure-document-method.insecure-document-method",
                   "javascript.lang.security.audit.detect-non-literal-regexp.detect-non-literal-regexp"],
    "typescript": ["typescript.react.security.audit.react-dangerouslysetinnerhtml.react-dangerouslysetinnerhtml",
                   "javascript.jsonwebtoken.security.jwt-hardcode.hardcoded-jwt-secret"],
    "go": ["go.lang.security.audit.net.use-tls.use-tls",
           "go.lang.security.audit.crypto.math_random.math-random-used"],
    "dockerfile": ["dockerfile.security.missing-user.missing-user",
                   "dockerfile.security.last-user-is-root.last-user-is-root"],
    "terraform": ["terraform.aws.security.aws-s3-bucket-public-read.aws-s3-bucket-public-read",
                  "terraform.aws.security.aws-ec2-has-public-ip.aws-ec2-has-public-ip"],
    "yaml": ["yaml.github-actions.security.run-shell-injection.run-shell-injection",
             "yaml.kubernetes.security.privileged-container.privileged-container"],
}
SEMGREP_SYNTAX = [
    "`)` was unexpected", "unexpected token `=>`", "missing `:` after `if` condition",
    "`<<` was unexpected", "unterminated string literal",
]
SEMGREP_FATAL = [
    "Stack overflow", "Out of memory",
    "Fatal error: exception Invalid_argument(\"index out of bounds\")",
    "Lexing error: unrecognized token `\\x00`",
]


def build_semgrep(rng):
    T0 = clock(14, 3, 22)
    el = lambda s: T0 + int(s * SEC)
    ents = []
    # configs fetched concurrently
    load_end = 0
    bad_rules = [("generic.secrets.gitleaks.hashicorp-tf-password.hashicorp-tf-password",
                  "Invalid pattern for HCL: unexpected token `...`"),
                 ("python.flask.security.xss.audit.template-unescaped-with-safe.template-unescaped-with-safe",
                  "Invalid pattern for Python: missing closing `)`"),
                 ("dockerfile.best-practice.missing-yum-clean-all.missing-yum-clean-all",
                  "Invalid pattern for Dockerfile: `RUN yum $...ARGS` could not be parsed")]
    for i, cfg in enumerate(SEMGREP_CONFIGS):
        t = el(0.31 + 0.004 * i)
        lines = [(t, "fetch", ("https://semgrep.dev/c/" + cfg,))]
        t += int(rng.uniform(0.4, 2.2) * SEC)
        lines.append((t, "loaded", (str(rng.randint(14, 1100)), cfg)))
        if i < 3:
            t += int(rng.uniform(5, 40) * MS)
            lines.append((t, "bad_rule", bad_rules[i]))
        load_end = max(load_end, t)
        ents.append(lines)
    # targeting
    files = []
    used = set()
    lang_rot = Rot([0, 0, 1, 2, 0, 3, 6, 2, 0, 4, 1, 3, 5, 6, 0, 2])
    while len(files) < 260:
        li = lang_rot()
        lang, exts, dirs, _ = SEMGREP_LANGS[li]
        d = rng.choice(dirs)
        ext = rng.choice(exts)
        if ext == "Dockerfile":
            p = "%s/Dockerfile" % d if rng.random() < 0.5 else "%s/Dockerfile.%s" % (d, rng.choice(["dev", "ci", "prod", "base"]))
        else:
            p = "%s/%s%s" % (d, rng.choice(SEMGREP_STEMS), ext)
        if p in used:
            continue
        used.add(p)
        files.append((p, lang))
    t = load_end + int(rng.uniform(60, 200) * MS)
    pre = []
    for k in range(9):
        t += int(rng.uniform(0.2, 3) * MS)
        pre.append((t, "ignored", (rng.choice(["node_modules/lodash/lodash.js", "vendor/github.com/pkg/errors/errors.go",
                                               "tests/fixtures/secrets_%d.py" % rng.randint(1, 40),
                                               "build/lib/app-%s.js" % hexs(rng, 8),
                                               "dist/main.%s.js" % hexs(rng, 8),
                                               "venv/lib/python3.11/site-packages/six.py"]),)))
    for k in range(4):
        t += int(rng.uniform(0.2, 3) * MS)
        pre.append((t, "too_big", (rng.choice(["web/static/js/vendor.bundle.js", "data/seed/customers.json",
                                               "docs/openapi.generated.yaml", "testdata/large_fixture.py"]) .replace(".", "%d." % k, 1),
                                   "%.1f MB" % rng.uniform(1.1, 24.0))))
    for k in range(4):
        t += int(rng.uniform(0.2, 3) * MS)
        pre.append((t, "minified", ("web/static/js/%s.min.js" % rng.choice(["chart", "jquery", "select2", "moment", "d3"]) ,)))
    ents.append(pre)
    # rule counts per language and run announcements
    rule_n = {}
    counts = {}
    for p, lang in files:
        counts[lang] = counts.get(lang, 0) + 1
    t_run = t + int(rng.uniform(30, 90) * MS)
    ann = []
    for lang, _e, _d, _n in SEMGREP_LANGS:
        rule_n[lang] = rng.randint(18, 420)
        t_run += int(rng.uniform(0.1, 1.5) * MS)
        ann.append((t_run, "run_lang", (str(rule_n[lang]), lang, str(counts.get(lang, 0) or 1))))
    ents.append(ann)
    # parallel jobs, each with its own clock
    jobs = 4
    job_t = [t_run + int(rng.uniform(1, 20) * MS) for _ in range(jobs)]
    for i, (p, lang) in enumerate(files):
        j = min(range(jobs), key=lambda x: job_t[x])
        t = job_t[j]
        lines = [(t, "scan", (p, str(rule_n[lang])))]
        dur = int(rng.expovariate(1 / 0.35) * SEC) + int(rng.uniform(5, 40) * MS)
        tt = t
        if i % 13 == 6:
            tt += int(dur * 0.3)
            lines.append((tt, "partial", (p, str(rng.randint(1, 60)))))
        if i % 17 == 9:
            tt += int(dur * 0.3) + 1
            lines.append((tt, "syntax", (p, str(rng.randint(2, 900)), SEMGREP_SYNTAX[(i // 17) % len(SEMGREP_SYNTAX)])))
        if i % 19 == 11:
            rule = SEMGREP_RULES[lang][(i // 19) % len(SEMGREP_RULES[lang])]
            dur += 5 * SEC
            tt = t + dur - int(rng.uniform(2, 30) * MS)
            lines.append((tt, "timeout", (rule, p)))
        if i % 23 == 15:
            tt = t + int(dur * 0.8)
            lines.append((tt, "fatal", (p, SEMGREP_FATAL[(i // 23) % len(SEMGREP_FATAL)])))
            job_t[j] = tt + int(rng.uniform(1, 10) * MS)
            ents.append(lines)
            continue
        if rng.random() < 0.3:
            rules = SEMGREP_RULES[lang]
            for rr in rng.sample(rules, rng.randint(1, min(2, len(rules)))):
                tt = max(tt, t + int(dur * rng.uniform(0.5, 0.95)))
                lines.append((tt, "matched", (rr, str(rng.randint(1, 7)), p)))
        end = max(t + dur, tt + 1)
        lines.append((end, "done", (p, "%.2fs" % ((end - t) / 1e9))))
        job_t[j] = end + int(rng.uniform(0.2, 4) * MS)
        ents.append(lines)
    return merge_first(ents)


SEMGREP_T0 = clock(14, 3, 22)


def header_semgrep(t, lvl, ev):
    cs = (t - SEMGREP_T0) // (10 * MS)
    return "[%02d.%02d][%s]: " % (cs // 100, cs % 100, lvl)


HEADER_RE_SEMGREP = r"\[(\d{2,}\.\d{2})\]\[(?:INFO|WARNING|ERROR)\]: "


def ts_semgrep(m):
    a, b = m.group(1).split(".")
    return int(a) * 100 + int(b)


# ==========================================================================
# 4. Gitleaks (seeded shuffle) -- zerolog console, Kitchen time
# ==========================================================================
GITLEAKS_EVENTS = [
    ("commits", "INF", "<*> commits scanned."),
    ("completed", "INF", "scan completed in <*>"),
    ("leaks", "WRN", "leaks found: <*>"),
    ("noleaks", "INF", "no leaks found"),
    ("git_log", "DBG", "executing: /usr/bin/git -C <*> log -p -U0 --full-history --all"),
    ("git_diff", "DBG", "executing: /usr/bin/git -C <*> diff -U0 --no-ext-diff --staged ."),
    ("cfg_found", "DBG", "using gitleaks config from <*>"),
    ("cfg_default", "DBG", "no gitleaks config found in path <*>, using default gitleaks config"),
    ("skip_global", "DBG", "skipping file: global allowlist path=<*>"),
    ("skip_rule", "DBG", "skipping finding: rule allowlist commit=<*> path=<*> rule-id=<*>"),
    ("skip_binary", "DBG", "skipping binary file path=<*>"),
    ("skip_large", "DBG", "skipping file: too large path=<*> size=<*>"),
    ("read_fail", "WRN", "unable to read file error=\"<*>\" path=<*>"),
    ("repo_fail", "ERR", "failed to scan Git repository error=\"<*>\""),
]
GITLEAKS_COUNTS = {
    "commits": 6, "completed": 7, "leaks": 4, "noleaks": 3, "git_log": 6, "git_diff": 3,
    "cfg_found": 4, "cfg_default": 5, "skip_global": None, "skip_rule": 30,
    "skip_binary": 45, "skip_large": 9, "read_fail": 5, "repo_fail": 3,
}
GITLEAKS_REPOS = ["/builds/platform/billing-api", "/home/runner/work/ledger/ledger", "/src",
                  "/workspace/infra-live", "/var/lib/jenkins/workspace/web-frontend_main"]


def _gitleaks_gens():
    def commits(r, c):
        return (str(c([1, 1, 2]) if r.random() < 0.2 else r.randint(3, 4200)),)

    def completed(r, c):
        return (go_dur(int(r.expovariate(1 / 2.5) * SEC) + r.randint(2 * MS, 90 * MS)),)

    def leaks(r, c):
        return (str(r.randint(1, 37)),)

    def skip_global(r, c):
        pat = c(["node_modules/%s/package.json", "vendor/github.com/%s/LICENSE", "go.sum",
                 "package-lock.json", "assets/img/%s.png", "docs/%s.pdf", "yarn.lock",
                 "third_party/%s/README.md", "gradle/wrapper/gradle-wrapper.jar"])
        name = r.choice(["lodash", "spf13-cobra", "logo-dark", "architecture", "protobuf",
                         "chalk", "grpc-gateway", "onboarding", "sirupsen-logrus", "banner"])
        return (pat % name if "%s" in pat else pat,)

    def skip_rule(r, c):
        path = c(["config/settings_test.py", "deploy/k8s/secrets.example.yaml", "tests/fixtures/id_rsa",
                  "docs/examples/aws.md", "src/test/resources/application-test.properties", "scripts/seed_db.sh"])
        return (hexs(r, 40), path, c(["generic-api-key", "aws-access-token", "private-key",
                                      "slack-webhook-url", "github-pat", "jwt", "stripe-access-token"]))

    def skip_binary(r, c):
        pat = c(["assets/fonts/%s.woff2", "bin/%s", "public/images/%s.jpg", "testdata/%s.bin",
                 "libs/%s.so", "release/%s.zip", "docs/diagrams/%s.vsdx"])
        return (pat % r.choice(["inter-regular", "migrate", "hero", "fuzz_corpus_%d" % r.randint(1, 99),
                                "libssl", "installer-%s" % hexs(r, 6), "network-topology"]),)

    def skip_large(r, c):
        path = c(["data/dumps/customers-%d.sql", "ml/models/classifier-v%d.onnx", "fixtures/events-%d.json",
                  "vendor/bundle/app-%d.js"]) % r.randint(1, 30)
        return (path, str(r.randint(10_500_000, 480_000_000)))

    def read_fail(r, c):
        err = c(["open %s: permission denied", "read %s: is a directory", "lstat %s: no such file or directory"])
        path = c(["secrets/.vault-token", "var/run/docker.sock", "tmp/cache/.lock", "mnt/data/fifo"])
        return (err % path, path)

    def repo_fail(r, c):
        return (c(["fatal: not a git repository (or any of the parent directories): .git",
                   "fatal: detected dubious ownership in repository at '/src'",
                   "signal: killed"]),)

    return {
        "commits": commits, "completed": completed, "leaks": leaks, "noleaks": lambda r, c: (),
        "git_log": lambda r, c: (c(GITLEAKS_REPOS),), "git_diff": lambda r, c: (c(GITLEAKS_REPOS[::-1]),),
        "cfg_found": lambda r, c: (c(GITLEAKS_REPOS[1:]) + "/.gitleaks.toml",),
        "cfg_default": lambda r, c: (c(GITLEAKS_REPOS) + "/.gitleaks.toml",),
        "skip_global": skip_global, "skip_rule": skip_rule, "skip_binary": skip_binary,
        "skip_large": skip_large, "read_fail": read_fail, "repo_fail": repo_fail,
    }


def build_gitleaks(rng):
    cyc = Cycler()
    return shuffle_records(rng, cyc, GITLEAKS_EVENTS, GITLEAKS_COUNTS, _gitleaks_gens(),
                           clock(9, 57, 31) + 402 * MS, 850 * MS)


def header_gitleaks(t, lvl, ev):
    h, m, _s, _ = hms(t)
    h12 = h % 12 or 12
    return "%d:%02d%s %s " % (h12, m, "AM" if h < 12 else "PM", lvl)


HEADER_RE_GITLEAKS = r"((?:1[0-2]|[1-9]):[0-5]\d(?:AM|PM)) (?:DBG|INF|WRN|ERR) "


def ts_gitleaks(m):
    s = m.group(1)
    hh, rest = s.split(":")
    mm, ap = int(rest[:2]), rest[2:]
    hh = int(hh) % 12 + (12 if ap == "PM" else 0)
    return hh * 60 + mm


# ==========================================================================
# 5. kube-bench (seeded shuffle) -- glog, -v 3
# ==========================================================================
KUBEBENCH_EVENTS = [
    ("bench_file", "I", "common.go:374", "Using benchmark file: <*>"),
    ("k8s_ver", "I", "util.go:493", "Kubernetes version: \"<*>\" to Benchmark version: \"<*>\""),
    ("cis_ver", "I", "util.go:118", "Looking for config specific CIS version \"<*>\""),
    ("look_file", "I", "util.go:122", "Looking for file: <*>"),
    ("comp_cfg", "I", "util.go:245", "Component <*> uses config file '<*>'"),
    ("missing_cfg", "I", "util.go:238", "Missing config file for <*>"),
    ("default_cfg", "I", "util.go:252", "Using default config file name '<*>' for component <*>"),
    ("command", "I", "check.go:110", "Command: \"<*>\""),
    ("run_items", "I", "check.go:206", "Running <*> test_items"),
    ("check_res", "I", "check.go:253", "Check.ID: <*> Command: \"<*>\" TestResult: <*> State: <*>"),
    ("flag_yes", "I", "test.go:141", "Flag '<*>' exists"),
    ("flag_no", "I", "test.go:144", "Flag '<*>' does not exist"),
    ("not_running", "I", "util.go:156", "Component <*> not running"),
    ("run_fail", "W", "check.go:124", "failed to run: \"<*>\", error: <*>"),
]
KUBEBENCH_COUNTS = {
    "bench_file": 5, "k8s_ver": 4, "cis_ver": 4, "look_file": 9, "comp_cfg": 12,
    "missing_cfg": 5, "default_cfg": 8, "command": 80, "run_items": 28, "check_res": None,
    "flag_yes": 36, "flag_no": 22, "not_running": 6, "run_fail": 4,
}
KB_BENCH = ["cis-1.8", "cis-1.9", "cis-1.7", "eks-1.4.0", "gke-1.4.0"]
KB_TARGETS = ["master", "node", "etcd", "controlplane", "policies"]
KB_AUDITS = [
    ("1.1.1", "/bin/sh -c 'if test -e /etc/kubernetes/manifests/kube-apiserver.yaml; then stat -c permissions=%a /etc/kubernetes/manifests/kube-apiserver.yaml; fi'"),
    ("1.1.12", "ps -ef | grep etcd | grep -- --data-dir | sed 's%.*data-dir[= ]\\([^ ]*\\).*%\\1%' | xargs stat -c %U:%G"),
    ("1.2.1", "/bin/ps -ef | grep kube-apiserver | grep -v grep"),
    ("1.2.16", "/bin/ps -ef | grep kube-apiserver | grep -v grep"),
    ("1.3.2", "/bin/ps -ef | grep kube-controller-manager | grep -v grep"),
    ("1.4.1", "/bin/ps -ef | grep kube-scheduler | grep -v grep"),
    ("2.1", "/bin/ps -ef | grep etcd | grep -v grep"),
    ("4.1.1", "/bin/sh -c 'if test -e /lib/systemd/system/kubelet.service; then stat -c permissions=%a /lib/systemd/system/kubelet.service; fi'"),
    ("4.1.9", "/bin/sh -c 'if test -e /var/lib/kubelet/config.yaml; then stat -c permissions=%a /var/lib/kubelet/config.yaml; fi'"),
    ("4.2.1", "/bin/ps -fC kubelet"),
    ("4.2.6", "/bin/ps -fC kubelet"),
    ("4.2.10", "cat /var/lib/kubelet/config.yaml"),
    ("5.1.5", "kubectl get serviceaccount -A -o json"),
]
KB_FLAGS = ["--anonymous-auth", "--profiling", "--authorization-mode", "--kubelet-certificate-authority",
            "--audit-log-path", "--tls-cert-file", "--read-only-port", "--protect-kernel-defaults",
            "--make-iptables-util-chains", "--rotate-certificates", "--event-qps", "--terminated-pod-gc-threshold"]
KB_COMPONENTS = ["apiserver", "scheduler", "controllermanager", "etcd", "kubelet", "proxy", "flanneld", "kube-proxy"]
KB_CFG = {
    "apiserver": "/etc/kubernetes/manifests/kube-apiserver.yaml",
    "scheduler": "/etc/kubernetes/manifests/kube-scheduler.yaml",
    "controllermanager": "/etc/kubernetes/manifests/kube-controller-manager.yaml",
    "etcd": "/etc/kubernetes/manifests/etcd.yaml",
    "kubelet": "/var/lib/kubelet/config.yaml",
    "proxy": "/var/lib/kube-proxy/config.conf",
    "flanneld": "/etc/kube-flannel/net-conf.json",
    "kube-proxy": "/var/lib/kube-proxy/kubeconfig.conf",
}


def _kubebench_gens():
    def bench_file(r, c):
        return ("cfg/%s/%s.yaml" % (c(KB_BENCH), c(KB_TARGETS)),)

    def k8s_ver(r, c):
        v = c(["1.28", "1.29", "1.27", "1.26"])
        return (v, {"1.28": "cis-1.8", "1.29": "cis-1.9", "1.27": "cis-1.8", "1.26": "cis-1.7"}[v])

    def look_file(r, c):
        return ("cfg/%s/%s" % (c(KB_BENCH), c(["config.yaml", "master.yaml", "node.yaml", "etcd.yaml", "policies.yaml"])),)

    def comp_cfg(r, c):
        comp = c(KB_COMPONENTS[:6])
        return (comp, KB_CFG[comp])

    def default_cfg(r, c):
        comp = c(["kubelet", "proxy", "apiserver", "etcd", "scheduler"])
        return (KB_CFG[comp], comp)

    def command(r, c):
        return (c(KB_AUDITS)[1],)

    def check_res(r, c):
        cid, cmd = c(KB_AUDITS)
        st = c(["PASS", "PASS", "FAIL", "PASS", "WARN", "FAIL", "PASS"])
        return (cid, cmd, "true" if st == "PASS" else "false", st)

    def run_fail(r, c):
        cmd = c(["/bin/ps -fC kube-proxy", "journalctl -u kubelet --no-pager", "kubectl get pods -A -o json",
                 "cat /etc/kubernetes/admin.conf"])
        err = c(["exit status 1", "exec: \"journalctl\": executable file not found in $PATH",
                 "signal: killed", "exit status 127"])
        return (cmd, err)

    return {
        "bench_file": bench_file, "k8s_ver": k8s_ver,
        "cis_ver": lambda r, c: (c(KB_BENCH),), "look_file": look_file, "comp_cfg": comp_cfg,
        "missing_cfg": lambda r, c: (c(["flanneld", "kube-proxy", "etcd", "controllermanager"]),),
        "default_cfg": default_cfg, "command": command,
        "run_items": lambda r, c: (str(c([1, 1, 2, 1, 3, 1, 2])),), "check_res": check_res,
        "flag_yes": lambda r, c: (c(KB_FLAGS),), "flag_no": lambda r, c: (c(KB_FLAGS[::-1]),),
        "not_running": lambda r, c: (c(["kube-proxy", "flanneld", "etcd", "scheduler"]),),
        "run_fail": run_fail,
    }


KUBEBENCH_PID = 1


def build_kubebench(rng):
    cyc = Cycler()
    return shuffle_records(rng, cyc, KUBEBENCH_EVENTS, KUBEBENCH_COUNTS, _kubebench_gens(),
                           clock(3, 0, 4) + 217 * MS, 9 * MS, min_gap_ns=3 * US)


def header_kubebench(t, lvl, ev):
    h, m, s, ns = hms(t)
    return "%s%02d%02d %02d:%02d:%02d.%06d %7d %s] " % (lvl, DAY[1], DAY[2], h, m, s, ns // 1000,
                                                       KUBEBENCH_PID, ev[2])


HEADER_RE_KUBEBENCH = r"[IWEF](\d{4} \d\d:\d\d:\d\d\.\d{6}) +\d+ [\w.]+\.go:\d+\] "


def ts_kubebench(m):
    return m.group(1)


# ==========================================================================
# 6. Kubescape (seeded shuffle) -- pretty logger
# ==========================================================================
KUBESCAPE_EVENTS = [
    ("pol_loading", "info", "Downloading/Loading policy definitions"),
    ("pol_loaded", "success", "Downloaded/Loaded policy"),
    ("fw_loaded", "info", "Loaded framework. name: <*>; controls: <*>"),
    ("accessing", "info", "Accessing Kubernetes objects"),
    ("accessed", "success", "Accessed to Kubernetes objects"),
    ("scanning", "info", "Scanning. Cluster: <*>"),
    ("done", "success", "Done scanning. Cluster: <*>"),
    ("res_fail", "warning", "failed to list resources. resource: <*>; error: <*>"),
    ("skip_res", "debug", "skipping resource. kind: <*>; name: <*>; namespace: <*>"),
    ("ctrl", "debug", "control processed. controlID: <*>; status: <*>; failedResources: <*>"),
    ("img_fail", "warning", "failed to pull image. image: <*>; error: <*>"),
    ("submit_fail", "error", "failed to submit scan results. url: <*>; error: <*>"),
    ("exception", "debug", "resource matched exception policy. policy: <*>; resourceID: <*>"),
    ("cloud_fail", "warning", "failed to get cloud provider metadata. provider: <*>; error: <*>"),
    ("k8s_ver", "info", "Kubernetes cluster version. version: <*>"),
]
KUBESCAPE_COUNTS = {
    "pol_loading": 5, "pol_loaded": 5, "fw_loaded": 8, "accessing": 4, "accessed": 4,
    "scanning": 6, "done": 5, "res_fail": 9, "skip_res": 40, "ctrl": None, "img_fail": 10,
    "submit_fail": 3, "exception": 25, "cloud_fail": 3, "k8s_ver": 4,
}
KS_CONTROLS = [
    ("C-0002", 0), ("C-0005", 1), ("C-0012", 0), ("C-0013", 7), ("C-0016", 3), ("C-0017", 11),
    ("C-0030", 2), ("C-0034", 5), ("C-0038", 0), ("C-0041", 1), ("C-0044", 4), ("C-0046", 6),
    ("C-0055", 9), ("C-0057", 0), ("C-0066", 1), ("C-0067", 0), ("C-0069", 0), ("C-0070", 0),
    ("C-0260", 14), ("C-0270", 8), ("C-0271", 8),
]
KS_CLUSTERS = ["kind-kind", "gke_acme-prod_europe-west1_core", "arn:aws:eks:us-east-1:481516234200:cluster/staging",
               "minikube", "k3d-dev-01"]


def _kubescape_gens():
    def fw_loaded(r, c):
        fw = c(["nsa", "mitre", "cis-v1.23-t1.0.1", "allcontrols", "soc2", "armobest"])
        n = {"nsa": 24, "mitre": 27, "cis-v1.23-t1.0.1": 117, "allcontrols": 248, "soc2": 11, "armobest": 83}[fw]
        return (fw, str(n))

    def res_fail(r, c):
        res = c(["rbac.authorization.k8s.io/v1/clusterrolebindings", "networking.k8s.io/v1/networkpolicies",
                 "policy/v1/poddisruptionbudgets", "apps/v1/daemonsets", "/v1/secrets"])
        err = c(["the server could not find the requested resource",
                 "%s is forbidden: User \"system:serviceaccount:kubescape:kubescape\" cannot list resource \"%s\" at the cluster scope"
                 % (res.rsplit("/", 1)[-1], res.rsplit("/", 1)[-1]),
                 "Get \"https://10.96.0.1:443/apis/%s\": context deadline exceeded" % res.strip("/")])
        return (res, err)

    def skip_res(r, c):
        kind = c(["Pod", "ReplicaSet", "Job", "Secret", "Event", "EndpointSlice"])
        ns = c(["kube-system", "default", "monitoring", "payments", "ingress-nginx", "cert-manager"])
        name = "%s-%s" % (r.choice(["coredns", "prometheus", "checkout", "ingress-nginx-controller",
                                    "cert-manager-webhook", "node-exporter", "ledger-cron"]), hexs(r, 5))
        return (kind, name, ns)

    def ctrl(r, c):
        cid, fails = c(KS_CONTROLS)
        st = c(["passed", "failed", "skipped", "passed", "failed", "irrelevant", "passed"])
        n = 0 if st in ("passed", "skipped", "irrelevant") else r.randint(1, 40)
        return (cid, st, str(n))

    def img_fail(r, c):
        img = c(["registry.corp.internal/payments/checkout:4.2.1", "ghcr.io/acme-labs/ledger:v0.18.0",
                 "docker.io/library/busybox:1.36", "quay.io/prometheus/node-exporter:v1.7.0"])
        err = c(["unauthorized: authentication required", "manifest unknown",
                 "GET https://%s/v2/: dial tcp: lookup %s: no such host" % (img.split("/")[0], img.split("/")[0]),
                 "context deadline exceeded"])
        return (img, err)

    def submit_fail(r, c):
        url = c(["https://api.armosec.io/k8s/v2/postureReport?customerGUID=%s&contextName=%s" % (uuid4(r), c(KS_CLUSTERS)),
                 "https://report.armo.cloud/k8s/v2/postureReport?clusterName=%s&customerGUID=%s" % (c(KS_CLUSTERS), uuid4(r))])
        err = c(["413 Request Entity Too Large", "Post \"%s\": EOF" % url.split("?")[0],
                 "x509: certificate signed by unknown authority"])
        return (url, err)

    def exception(r, c):
        pol = c(["exclude-kube-system", "allow-privileged-cni", "ignore-monitoring-hostpath", "legacy-batch-root"])
        ns = c(["kube-system", "monitoring", "batch", "kube-flannel"])
        kind = c(["DaemonSet", "Deployment", "CronJob", "StatefulSet"])
        return (pol, "apps/v1/%s/%s/%s-%s" % (ns, kind, r.choice(["calico-node", "fluent-bit", "loki", "nightly-etl", "kube-flannel-ds"]), hexs(r, 4)))

    def cloud_fail(r, c):
        prov = c(["eks", "gke", "aks"])
        err = c(["failed to load AWS config: no EC2 IMDS role found",
                 "google: could not find default credentials",
                 "AZURE_SUBSCRIPTION_ID not set"])
        return (prov, err)

    return {
        "pol_loading": lambda r, c: (), "pol_loaded": lambda r, c: (), "fw_loaded": fw_loaded,
        "accessing": lambda r, c: (), "accessed": lambda r, c: (),
        "scanning": lambda r, c: (c(KS_CLUSTERS),), "done": lambda r, c: (c(KS_CLUSTERS[::-1]),),
        "res_fail": res_fail, "skip_res": skip_res, "ctrl": ctrl, "img_fail": img_fail,
        "submit_fail": submit_fail, "exception": exception, "cloud_fail": cloud_fail,
        "k8s_ver": lambda r, c: (c(["v1.28.3", "v1.29.1-gke.1589018", "v1.27.8-eks-8cb36c9", "v1.30.0+k3s1"]),),
    }


def build_kubescape(rng):
    cyc = Cycler()
    return shuffle_records(rng, cyc, KUBESCAPE_EVENTS, KUBESCAPE_COUNTS, _kubescape_gens(),
                           clock(16, 40, 2), 120 * MS)


def header_kubescape(t, lvl, ev):
    return "[%s] " % lvl


HEADER_RE_KUBESCAPE = r"\[(?:debug|info|success|warning|error|fatal)\] "


def ts_kubescape(m):
    return None  # the pretty logger writes no timestamp


# ==========================================================================
SYSTEMS = [
    # name, k, kind, events, build, header fn, header regex, ts key
    ("Grype", 1, "shuffle", GRYPE_EVENTS, build_grype, header_grype, HEADER_RE_GRYPE, ts_grype),
    ("Clair", 2, "simulation", CLAIR_EVENTS, build_clair, header_clair, HEADER_RE_CLAIR, ts_clair),
    ("Semgrep", 3, "simulation", SEMGREP_EVENTS, build_semgrep, header_semgrep, HEADER_RE_SEMGREP, ts_semgrep),
    ("Gitleaks", 4, "shuffle", GITLEAKS_EVENTS, build_gitleaks, header_gitleaks, HEADER_RE_GITLEAKS, ts_gitleaks),
    ("KubeBench", 5, "shuffle", KUBEBENCH_EVENTS, build_kubebench, header_kubebench, HEADER_RE_KUBEBENCH, ts_kubebench),
    ("Kubescape", 6, "shuffle", KUBESCAPE_EVENTS, build_kubescape, header_kubescape, HEADER_RE_KUBESCAPE, ts_kubescape),
]


def ev_level(ev):
    return ev[1]


def ev_template(ev):
    return ev[-1]


def write_system(name, k, events, build, header):
    rng = random.Random(BASE_SEED * 10 + k)
    recs = build(rng)
    assert len(recs) == N_LINES
    idx = {ev[0]: i for i, ev in enumerate(events)}
    d = os.path.join(HERE, name)
    os.makedirs(d, exist_ok=True)
    raw, rows = [], []
    prev = None
    for n, (t, key, vals) in enumerate(recs, 1):
        assert prev is None or t >= prev
        prev = t
        ev = events[idx[key]]
        content = fill(ev_template(ev), vals)
        raw.append(header(t, ev_level(ev), ev) + content)
        rows.append([str(n), content, "E%d" % (idx[key] + 1), ev_template(ev)])
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(raw) + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)
    return 2


def tmpl_regex(tmpl):
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in tmpl.split("<*>")) + "$", re.S)


def check_system(name, events, header_re, ts_key):
    d = os.path.join(HERE, name)
    errs = []

    def need(cond, msg):
        if not cond:
            errs.append(msg)

    for fn in (name + ".log", name + ".log_structured.csv"):
        with open(os.path.join(d, fn), "rb") as f:
            data = f.read()
        need(data.endswith(b"\n"), fn + " must end with newline")
        need(b"\r" not in data, fn + " contains CR")
    with open(os.path.join(d, name + ".log"), encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")[:-1]
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    need(len(lines) == N_LINES, "raw line count %d" % len(lines))
    need(rows and rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], "csv header")
    rows = rows[1:]
    need(len(rows) == N_LINES, "csv row count %d" % len(rows))
    hre = re.compile(header_re)
    declared = ["E%d" % (i + 1) for i in range(len(events))]
    tmpl_of = {}
    counts = {}
    caps = {}
    last_ts = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        need(len(row) == 4, "row %d columns" % i)
        if len(row) != 4:
            continue
        lid, content, eid, tmpl = row
        need(lid == str(i), "LineId %s at %d" % (lid, i))
        need(content != "" and content == content.strip(), "content not stripped at %d" % i)
        need(line.endswith(content), "line %d does not end with content" % i)
        head = line[:len(line) - len(content)]
        m = hre.fullmatch(head)
        need(m is not None, "header mismatch at %d: %r" % (i, head))
        if m is not None:
            ts = ts_key(m)
            if ts is not None:
                need(last_ts is None or ts >= last_ts, "time goes back at %d" % i)
                last_ts = ts
        need(re.fullmatch(r"E\d+", eid) is not None, "bad EventId %s" % eid)
        need(eid in declared, "undeclared %s" % eid)
        if eid in tmpl_of:
            need(tmpl_of[eid] == tmpl, "EventId %s has two templates" % eid)
        else:
            tmpl_of[eid] = tmpl
        if eid in declared:
            need(tmpl == ev_template(events[declared.index(eid)]), "template of %s differs from declaration" % eid)
        counts[eid] = counts.get(eid, 0) + 1
        mm = tmpl_regex(tmpl).fullmatch(content)
        need(mm is not None, "template does not match content at %d" % i)
        if mm is not None:
            for gi, g in enumerate(mm.groups()):
                caps.setdefault((eid, gi), set()).add(g)
    need(len(set(tmpl_of.values())) == len(tmpl_of), "templates not distinct")
    need(set(counts) == set(declared), "not all declared events used: %s" % sorted(set(declared) - set(counts)))
    for eid, tmpl in tmpl_of.items():
        for gi in range(tmpl.count("<*>")):
            need(len(caps.get((eid, gi), ())) >= 2, "slot %d of %s has < 2 values" % (gi, eid))
    cs = sorted(counts.values())
    need(12 <= len(declared) <= 15, "event type count %d" % len(declared))
    need(all(c >= 3 for c in cs), "event with < 3 lines: %s" % counts)
    need(sum(1 for c in cs if 3 <= c <= 10) >= 3, "fewer than 3 events with 3-10 lines: %s" % counts)
    n = len(cs)
    med = cs[n // 2] if n % 2 else (cs[n // 2 - 1] + cs[n // 2]) / 2.0
    need(cs and cs[-1] >= 3 * med, "largest %s < 3x median %s" % (cs[-1] if cs else None, med))
    return errs, counts, med


def main():
    written = 0
    for name, k, kind, events, build, header, hre, tsk in SYSTEMS:
        written += write_system(name, k, events, build, header)
    ok = True
    print("%-10s %-10s %6s %6s %5s %7s %6s" % ("system", "kind", "lines", "events", "min", "median", "max"))
    for name, k, kind, events, build, header, hre, tsk in SYSTEMS:
        errs, counts, med = check_system(name, events, hre, tsk)
        cs = sorted(counts.values())
        print("%-10s %-10s %6d %6d %5d %7s %6d %s" % (name, kind, sum(cs), len(counts), cs[0], med, cs[-1],
                                                     "OK" if not errs else "FAIL"))
        for e in errs[:20]:
            print("    " + e)
        ok = ok and not errs
    print("files written: %d" % written)
    if not ok:
        sys.exit(1)
    print("self-check passed")


if __name__ == "__main__":
    main()
