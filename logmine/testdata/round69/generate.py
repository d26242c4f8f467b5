#!/usr/bin/env python3
"""Round 69: blind labelled log corpus for a log template miner.

Python 3 standard library only and fully deterministic: no wall clock, no
locale, no network.  Base seed 20270193; system k (1..6) uses its own
random.Random(20270193 * 10 + k).  Time is an integer nanosecond clock on
2026-03-14 UTC (only Pip's log-file format actually prints it; the other five
tools print no timestamp by default, but the clock still orders the lines).

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for every system, then self-checks all files and prints a per-system summary.
"""
import csv
import os
import random
import re
import sys
from collections import Counter, defaultdict

BASE_SEED = 20270193
N_LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))

SEC = 1_000_000_000
MS = 1_000_000
US = 1_000
DAY = (2026, 3, 14)          # every clock value is ns since 2026-03-14T00:00:00Z
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")   # fixed list, never the locale


def pip_time(ns):
    """pip --log file prefix: %Y-%m-%dT%H:%M:%S,mmm (UTC here)."""
    assert 0 <= ns < 86400 * SEC, ns
    s, sub = divmod(ns, SEC)
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return "%04d-%02d-%02dT%02d:%02d:%02d,%03d" % (DAY[0], DAY[1], DAY[2], h, m, s, sub // MS)


def parse_pip_time(text):
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d),(\d{3})", text)
    y, mo, d, h, mi, s, ms = (int(x) for x in m.groups())
    return (y, mo, d, h, mi, s, ms)


def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) - 1 == len(values), (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        out.append(v)
        out.append(p)
    return "".join(out)


def template_regex(template):
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in template.split("<*>")) + "$")


class Gen:
    name = ""
    k = 0
    kind = ""            # "shuffle" or "simulation"
    header_re = ""
    has_ts = False

    def __init__(self):
        self.rng = random.Random(BASE_SEED * 10 + self.k)
        self.events = []          # (key, template) in declaration order
        self.eid = {}
        self.tpl = {}
        self._cyc = defaultdict(int)
        self._seq = 0
        self.declare()

    # -- helpers -------------------------------------------------------
    def ev(self, key, template):
        assert key not in self.tpl
        self.events.append((key, template))
        self.eid[key] = "E%d" % len(self.events)
        self.tpl[key] = template

    def cy(self, key, pool):
        """Small pools cycle per (event, slot) key, so every slot varies."""
        i = self._cyc[key]
        self._cyc[key] += 1
        return pool[i % len(pool)]

    def hexs(self, n):
        return "%0*x" % (n, self.rng.getrandbits(4 * n))

    def alnum(self, n, chars="abcdefghijklmnopqrstuvwxyz0123456789"):
        return "".join(self.rng.choice(chars) for _ in range(n))

    def rec(self, t, header, key, *values):
        self._seq += 1
        return (t, self._seq, header, key, tuple(str(v) for v in values))

    # -- shuffle machinery --------------------------------------------
    def shuffle(self, units, t0, mean_gap_ns):
        """units: list of lists of event keys (a unit is usually one line; a
        multi-line log record is one unit so its physical lines stay together).
        Shuffled with the system rng, stamped by a forward-only clock with
        exponential gaps."""
        self.rng.shuffle(units)
        t = t0
        recs = []
        for unit in units:
            t += 1 + int(self.rng.expovariate(1.0 / mean_gap_ns))
            for j, key in enumerate(unit):
                if j:
                    t += self.rng.randint(20, 400) * US
                header, values = self.line(key, t)
                recs.append(self.rec(t, header, key, *values))
        return recs

    def run(self):
        recs = sorted(self.build(), key=lambda r: (r[0], r[1]))[:N_LINES]
        assert len(recs) == N_LINES, (self.name, len(recs))
        out = []
        for t, _seq, header, key, values in recs:
            content = fill(self.tpl[key], values)
            out.append((t, header + content, content, key, values))
        return out


# ======================================================================
# 1. Conda (conda -vvv; stdout progress lines have no header, logging lines
#    use conda's "%(levelname)s %(name)s:%(funcName)s(%(lineno)d): " format)
# ======================================================================
class Conda(Gen):
    name, k, kind = "Conda", 1, "shuffle"
    header_re = (r"(?:(?P<level>TRACE|DEBUG|INFO|WARNING|ERROR) (?P<logger>[A-Za-z_][\w.]*)"
                 r":(?P<func>\w+)\((?P<lineno>\d+)\): | *)")

    HDR = {
        "conn": "DEBUG urllib3.connectionpool:_new_conn(1019): ",
        "get": "DEBUG urllib3.connectionpool:_make_request(474): ",
        "notmod": "DEBUG conda.gateways.repodata:fetch_latest(857): ",
        "extract": "TRACE conda.core.path_actions:execute(1269): ",
        "link": "INFO conda.core.link:_execute_actions(1041): ",
        "unlink": "INFO conda.core.link:_execute_actions(1041): ",
    }

    def declare(self):
        self.ev("collect", "Collecting package metadata (<*>): ...working... done")
        self.ev("solve_ok", "Solving environment: ...working... done")
        self.ev("solve_retry", "Solving environment: ...working... failed with initial frozen solve. "
                               "Retrying with flexible solve.")
        self.ev("envloc", "environment location: <*>")
        self.ev("prep", "Preparing transaction: ...working... done")
        self.ev("verify", "Verifying transaction: ...working... done")
        self.ev("exec", "Executing transaction: ...working... done")
        self.ev("conn", "Starting new HTTPS connection (<*>): <*>:443")
        self.ev("get", 'https://<*>:443 "GET <*> HTTP/1.1" <*> <*>')
        self.ev("notmod", "304 NOT MODIFIED for '<*>'. Updating mtime and loading from disk")
        self.ev("extract", "extracting <*> => <*>")
        self.ev("link", "===> LINKING PACKAGE: <*> <===")
        self.ev("unlink", "===> UNLINKING PACKAGE: <*> <===")
        self.ev("prefix", "prefix=<*>")
        self.ev("httperr", "CondaHTTPError: HTTP <*> for url <<*>>")

        r = self.rng
        raw = [
            ("conda-forge", "linux-64", "python", "3.11.8", "hab00c5b_0_cpython"),
            ("conda-forge", "linux-64", "numpy", "1.26.4", None),
            ("conda-forge", "linux-64", "pandas", "2.2.1", None),
            ("conda-forge", "linux-64", "scipy", "1.12.0", None),
            ("conda-forge", "linux-64", "libblas", "3.9.0", "21_linux64_openblas"),
            ("conda-forge", "linux-64", "openssl", "3.2.1", "lib"),
            ("conda-forge", "noarch", "ca-certificates", "2024.2.2", "lib"),
            ("conda-forge", "noarch", "tzdata", "2024a", "lib"),
            ("conda-forge", "linux-64", "libzlib", "1.2.13", "lib"),
            ("conda-forge", "noarch", "pip", "24.0", "pyhd8ed1ab_0"),
            ("conda-forge", "noarch", "setuptools", "69.1.1", "pyhd8ed1ab_0"),
            ("conda-forge", "linux-64", "matplotlib-base", "3.8.3", None),
            ("conda-forge", "linux-64", "pillow", "10.2.0", None),
            ("conda-forge", "linux-64", "gdal", "3.8.4", None),
            ("conda-forge", "linux-64", "proj", "9.3.1", "lib"),
            ("conda-forge", "noarch", "geopandas", "0.14.3", "pyhd8ed1ab_0"),
            ("bioconda", "linux-64", "samtools", "1.19.2", "lib"),
            ("bioconda", "noarch", "multiqc", "1.21", "pyhdfd78af_0"),
            ("pytorch", "linux-64", "pytorch", "2.2.1", "py3.11_cuda12.1_cudnn8.9.2_0"),
            ("pkgs/main", "linux-64", "libgcc-ng", "11.2.0", "h1234567_1"),
            ("pkgs/main", "linux-64", "xz", "5.4.6", "lib"),
        ]
        self.pkgs = []
        for ch, sub, name, ver, build in raw:
            if build is None:
                build = "py311h%s_0" % self.hexs(7)
            elif build == "lib":
                build = "h%s_%d" % (self.hexs(7), r.randint(0, 3))
            elif build == "h1234567_1":
                build = "h%s_1" % self.hexs(7)
            ext = ".conda" if r.random() < 0.8 else ".tar.bz2"
            self.pkgs.append((ch, sub, name, ver, build, ext))
        r.shuffle(self.pkgs)
        self.size = {p[2]: int(r.lognormvariate(14.2, 1.3)) for p in self.pkgs}
        self.roots = ["/opt/conda/pkgs", "/home/jtan/miniforge3/pkgs", "/srv/conda/pkgs"]
        self.prefixes = ["/opt/conda/envs/ml", "/home/jtan/miniforge3/envs/geo",
                         "/opt/conda", "/home/jtan/miniforge3/envs/bio-qc", "/srv/conda/envs/etl-py311"]

    def host_path(self, ch, sub, fname):
        if ch.startswith("pkgs/"):
            return "repo.anaconda.com", "/%s/%s/%s" % (ch, sub, fname)
        return "conda.anaconda.org", "/%s/%s/%s" % (ch, sub, fname)

    def line(self, key, t):
        r = self.rng
        hdr = self.HDR.get(key, "")
        if key == "collect":
            return "", [self.cy("collect.0", ["current_repodata.json", "repodata.json"])]
        if key in ("solve_ok", "solve_retry", "prep", "verify", "exec"):
            return "", []
        if key == "envloc":
            return "  ", [self.cy("envloc.0", self.prefixes)]
        if key == "conn":
            return hdr, [self.cy("conn.0", ["1", "1", "2", "1", "3"]),
                         self.cy("conn.1", ["conda.anaconda.org", "repo.anaconda.com",
                                            "conda.anaconda.org", "binstar-cio-packages-prod.s3.amazonaws.com"])]
        if key == "get":
            if r.random() < 0.55:
                ch, sub = self.cy("get.repo", [("conda-forge", "linux-64"), ("conda-forge", "noarch"),
                                               ("pkgs/main", "linux-64"), ("bioconda", "noarch"),
                                               ("pkgs/main", "noarch"), ("pytorch", "linux-64"),
                                               ("bioconda", "linux-64"), ("pkgs/r", "noarch")])
                fn = self.cy("get.fn", ["repodata.json", "current_repodata.json", "repodata.json"])
                host, path = self.host_path(ch, sub, fn)
                if r.random() < 0.6:
                    return hdr, [host, path, "304", "0"]
                big = fn == "repodata.json" and ch in ("conda-forge", "bioconda", "pkgs/main")
                return hdr, [host, path, "200", str(r.randint(9_000_000, 48_000_000) if big else r.randint(180_000, 4_000_000))]
            ch, sub, name, ver, build, ext = r.choice(self.pkgs)
            host, path = self.host_path(ch, sub, "%s-%s-%s%s" % (name, ver, build, ext))
            return hdr, [host, path, "200", str(self.size[name])]
        if key == "notmod":
            ch, sub = self.cy("notmod.repo", [("conda-forge", "linux-64"), ("conda-forge", "noarch"),
                                              ("pkgs/main", "linux-64"), ("bioconda", "noarch"),
                                              ("pkgs/main", "noarch"), ("nvidia", "linux-64")])
            host = "repo.anaconda.com" if ch.startswith("pkgs/") else "conda.anaconda.org"
            return hdr, ["https://%s/%s/%s/repodata.json" % (host, ch, sub)]
        if key == "extract":
            ch, sub, name, ver, build, ext = r.choice(self.pkgs)
            root = self.cy("extract.root", self.roots)
            base = "%s/%s-%s-%s" % (root, name, ver, build)
            return hdr, [base + ext, base]
        if key in ("link", "unlink"):
            ch, sub, name, ver, build, ext = r.choice(self.pkgs)
            return hdr, ["%s/%s::%s-%s-%s" % (ch, sub, name, ver, build)]
        if key == "prefix":
            return "  ", [self.cy("prefix.0", self.prefixes)]
        if key == "httperr":
            code = self.cy("httperr.0", ["000 CONNECTION FAILED", "404 NOT FOUND",
                                         "503 SERVICE UNAVAILABLE", "000 CONNECTION FAILED", "403 FORBIDDEN"])
            ch = self.cy("httperr.ch", ["conda-forge", "bioconda", "pytorch", "nvidia", "acme-internal"])
            fn = self.cy("httperr.fn", ["current_repodata.json", "repodata.json"])
            sub = self.cy("httperr.sub", ["linux-64", "noarch", "linux-64"])
            return "", [code, "https://conda.anaconda.org/%s/%s/%s" % (ch, sub, fn)]
        raise KeyError(key)

    def build(self):
        counts = {"collect": 12, "solve_ok": 9, "solve_retry": 4, "envloc": 9, "prep": 9,
                  "verify": 9, "exec": 8, "conn": 14, "get": 82, "notmod": 23, "extract": 40,
                  "httperr": 5}
        units = [[k] for k, n in counts.items() for _ in range(n)]
        units += [["link", "prefix"]] * 30 + [["unlink", "prefix"]] * 8
        units = [list(u) for u in units]
        return self.shuffle(units, (14 * 3600 + 7 * 60 + 12) * SEC + 381 * MS, 420 * MS)


# ======================================================================
# 2. Pip (pip install -v --log FILE: "%Y-%m-%dT%H:%M:%S,mmm " + indentation,
#    WARNING:/ERROR: prefix for those levels)
# ======================================================================
class Pip(Gen):
    name, k, kind = "Pip", 2, "shuffle"
    has_ts = True
    header_re = r"(?P<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2},\d{3}) +(?:(?P<level>WARNING|ERROR): )?"

    def declare(self):
        self.ev("collect", "Collecting <*>")
        self.ev("collect_from", "Collecting <*> (from <*>)")
        self.ev("cached", "Using cached <*> (<*>)")
        self.ev("download", "Downloading <*> (<*>)")
        self.ev("satisfied", "Requirement already satisfied: <*> in <*> (from <*>) (<*>)")
        self.ev("tmpdir", "Created temporary directory: <*>")
        self.ev("conn", "Starting new HTTPS connection (<*>): <*>:443")
        self.ev("get", 'https://<*>:443 "GET <*> HTTP/1.1" <*> <*>')
        self.ev("bw_start", "Building wheel for <*> (pyproject.toml): started")
        self.ev("bw_done", "Building wheel for <*> (pyproject.toml): finished with status '<*>'")
        self.ev("wheel", "Created wheel for <*>: filename=<*> size=<*> sha256=<*>")
        self.ev("installing", "Installing collected packages: <*>")
        self.ev("installed", "Successfully installed <*>")
        self.ev("noversion", "Could not find a version that satisfies the requirement <*> (from versions: <*>)")
        self.ev("retry", "Retrying (Retry(total=<*>, connect=None, read=None, redirect=None, status=None)) "
                         "after connection broken by '<*>': <*>")
        self.wheels = [
            ("requests", "2.31.0", "py3-none-any", 62_574),
            ("urllib3", "2.2.1", "py3-none-any", 121_060),
            ("idna", "3.6", "py3-none-any", 61_567),
            ("certifi", "2024.2.2", "py3-none-any", 163_774),
            ("charset_normalizer", "3.3.2", "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64", 140_319),
            ("numpy", "1.26.4", "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64", 18_297_611),
            ("pandas", "2.2.1", "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64", 13_012_459),
            ("python_dateutil", "2.9.0.post0", "py2.py3-none-any", 229_892),
            ("six", "1.16.0", "py2.py3-none-any", 11_053),
            ("pytz", "2024.1", "py2.py3-none-any", 505_474),
            ("flask", "3.0.2", "py3-none-any", 101_300),
            ("werkzeug", "3.0.1", "py3-none-any", 226_669),
            ("Jinja2", "3.1.3", "py3-none-any", 133_236),
            ("MarkupSafe", "2.1.5", "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64", 28_215),
            ("click", "8.1.7", "py3-none-any", 97_941),
            ("PyYAML", "6.0.1", "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64", 757_892),
            ("packaging", "24.0", "py3-none-any", 53_488),
            ("sqlalchemy", "2.0.28", "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64", 3_221_071),
            ("greenlet", "3.0.3", "cp311-cp311-manylinux_2_24_x86_64.manylinux_2_28_x86_64", 620_531),
        ]
        self.top = ["requests==2.31.0", "flask>=3.0", "pandas", "PyYAML==6.0.1", "sqlalchemy[asyncio]>=2.0",
                    "numpy<2", "click", "docopt==0.6.2", "-r requirements.txt"]
        self.subs = [("urllib3<3,>=1.21.1", "requests", "2.2.1"), ("idna<4,>=2.5", "requests", "3.6"),
                     ("certifi>=2017.4.17", "requests", "2024.2.2"),
                     ("charset-normalizer<4,>=2", "requests", "3.3.2"),
                     ("python-dateutil>=2.8.2", "pandas", "2.9.0.post0"), ("pytz>=2020.1", "pandas", "2024.1"),
                     ("tzdata>=2022.7", "pandas", "2024.1"), ("six>=1.5", "python-dateutil>=2.8.2->pandas", "1.16.0"),
                     ("Werkzeug>=3.0.0", "flask", "3.0.1"), ("Jinja2>=3.1.2", "flask", "3.1.3"),
                     ("itsdangerous>=2.1.2", "flask", "2.1.2"), ("blinker>=1.6.2", "flask", "1.7.0"),
                     ("MarkupSafe>=2.0", "Jinja2>=3.1.2->flask", "2.1.5"),
                     ("greenlet!=0.4.17", "sqlalchemy[asyncio]>=2.0", "3.0.3"),
                     ("typing-extensions>=4.6.0", "sqlalchemy[asyncio]>=2.0", "4.10.0")]
        self.sdists = [("docopt", "0.6.2", "py2.py3-none-any"), ("sgmllib3k", "1.0.0", "py3-none-any"),
                       ("psycopg2", "2.9.9", "cp311-cp311-linux_x86_64"), ("jieba", "0.42.1", "py3-none-any"),
                       ("pyminizip", "0.2.6", "cp311-cp311-linux_x86_64"), ("crcmod", "1.7", "cp311-cp311-linux_x86_64")]
        self.sites = ["./.venv/lib/python3.11/site-packages", "/usr/local/lib/python3.11/site-packages",
                      "/home/rvale/.local/lib/python3.12/site-packages", "/opt/app/venv/lib/python3.11/site-packages"]

    def fmt_size(self, n):
        return "%d kB" % round(n / 1000) if n < 1_000_000 else "%.1f MB" % (n / 1_000_000)

    def wheel_name(self, w):
        name, ver, tag, size = w
        return "%s-%s-%s.whl" % (name, ver, tag)

    def line(self, key, t):
        r = self.rng
        ts = pip_time(t)
        if key == "collect":
            return ts + " ", [self.cy("collect.0", self.top)]
        if key == "collect_from":
            spec, parent, _v = self.cy("collect_from.01", self.subs)
            return ts + " ", [spec, parent]
        if key == "cached":
            w = self.cy("cached.0", self.wheels)
            return ts + "   ", [self.wheel_name(w), self.fmt_size(w[3])]
        if key == "download":
            w = self.wheels[r.randrange(len(self.wheels))]
            url = "https://files.pythonhosted.org/packages/%s/%s/%s/%s" % (
                self.hexs(2), self.hexs(2), self.hexs(60), self.wheel_name(w))
            return ts + "   ", [url, self.fmt_size(w[3])]
        if key == "satisfied":
            spec, parent, ver = self.cy("satisfied.023", self.subs)
            return ts + " ", [spec, self.cy("satisfied.1", self.sites), parent, ver]
        if key == "tmpdir":
            kind = self.cy("tmpdir.kind", ["pip-ephem-wheel-cache-", "pip-build-tracker-", "pip-install-",
                                           "pip-unpack-", "pip-ephem-wheel-cache-", "pip-build-env-",
                                           "pip-req-build-", "pip-modern-metadata-"])
            return ts + " ", ["/tmp/" + kind + self.alnum(8, "abcdefghijklmnopqrstuvwxyz0123456789_")]
        if key == "conn":
            return ts + " ", [self.cy("conn.0", ["1", "1", "2"]),
                              self.cy("conn.1", ["pypi.org", "files.pythonhosted.org", "pypi.org",
                                                 "pypi.nexus.corp-lan.net"])]
        if key == "get":
            if r.random() < 0.5:
                proj = self.cy("get.proj", ["requests", "urllib3", "flask", "numpy", "pandas", "pyyaml",
                                            "docopt", "click", "sqlalchemy", "greenlet", "six", "jinja2"])
                if r.random() < 0.55:
                    return ts + " ", ["pypi.org", "/simple/%s/" % proj, "304", "0"]
                return ts + " ", ["pypi.org", "/simple/%s/" % proj, "200", str(r.randint(2_500, 480_000))]
            w = self.wheels[r.randrange(len(self.wheels))]
            path = "/packages/%s/%s/%s/%s" % (self.hexs(2), self.hexs(2), self.hexs(60), self.wheel_name(w))
            return ts + " ", ["files.pythonhosted.org", path, "200", str(w[3])]
        if key == "bw_start":
            return ts + "   ", [self.cy("bw_start.0", self.sdists)[0]]
        if key == "bw_done":
            return ts + "   ", [self.cy("bw_done.0", self.sdists)[0], self.cy("bw_done.1", ["done"] * 4 + ["error"])]
        if key == "wheel":
            name, ver, tag = self.cy("wheel.0", self.sdists)
            return ts + "   ", [name, "%s-%s-%s.whl" % (name, ver, tag), str(r.randint(9_000, 1_900_000)),
                                self.hexs(64)]
        if key in ("installing", "installed"):
            n = self.cy(key + ".n", [3, 1, 5, 2, 7, 4])
            picks = r.sample(self.wheels, n)
            if key == "installing":
                names = [p[0].lower().replace("_", "-") for p in picks]
                return ts + " ", [", ".join(names)]
            return ts + " ", [" ".join("%s-%s" % (p[0].lower().replace("_", "-"), p[1]) for p in picks)]
        if key == "noversion":
            spec, avail = self.cy("noversion.01", [
                ("torch==1.4.0", "2.0.0, 2.0.1, 2.1.0, 2.1.1, 2.1.2, 2.2.0, 2.2.1"),
                ("acme-billing-utils==0.4.2", "none"),
                ("tensorflow==2.5.0", "2.12.0rc0, 2.12.0rc1, 2.12.0, 2.12.1, 2.13.0rc0, 2.13.0"),
                ("pywin32==306", "none"),
            ])
            return ts + " ERROR: ", [spec, avail]
        if key == "retry":
            total = self.cy("retry.0", ["4", "3", "2", "1", "0"])
            err = self.cy("retry.1", [
                "NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f%s>: "
                "Failed to establish a new connection: [Errno -3] Temporary failure in name resolution')" % self.hexs(10),
                "ReadTimeoutError(\"HTTPSConnectionPool(host='pypi.org', port=443): Read timed out. (read timeout=15)\")",
                "ProtocolError('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))",
                "SSLError(SSLEOFError(8, '[SSL: UNEXPECTED_EOF_WHILE_READING] EOF occurred in violation of protocol (_ssl.c:1006)'))",
            ])
            path = self.cy("retry.2", ["/simple/requests/", "/simple/pandas/", "/simple/numpy/", "/simple/flask/"])
            return ts + " WARNING: ", [total, err, path]
        raise KeyError(key)

    def build(self):
        counts = {"collect": 24, "collect_from": 30, "cached": 28, "download": 16, "satisfied": 45,
                  "tmpdir": 22, "conn": 12, "get": 75, "bw_start": 9, "bw_done": 9, "wheel": 8,
                  "installing": 7, "installed": 6, "noversion": 4, "retry": 5}
        units = [[k] for k, n in counts.items() for _ in range(n)]
        return self.shuffle(units, (10 * 3600 + 2 * 60 + 17) * SEC + 604 * MS, 140 * MS)


# ======================================================================
# 3. Poetry (poetry install -vvv: no timestamp; solver lines carry the
#    "{attempt:>4}: " prefix, third-party loggers "[package:logger] ")
# ======================================================================
class Poetry(Gen):
    name, k, kind = "Poetry", 3, "shuffle"
    header_re = r"(?: *(?P<depth>\d+): |\[(?P<source>[\w.-]+:[\w.-]+)\] | *)"

    def declare(self):
        self.ev("config", "Loading configuration file <*>")
        self.ev("venv", "Using virtualenv: <*>")
        self.ev("keyring", "Loading <*>")
        self.ev("conn", "Starting new HTTPS connection (<*>): <*>:443")
        self.ev("get", 'https://<*>:443 "GET <*> HTTP/1.1" <*> <*>')
        self.ev("fact", "fact: <*> depends on <*> (<*>)")
        self.ev("selecting", "selecting <*> (<*>)")
        self.ev("derived", "derived: <*>")
        self.ev("took", "Version solving took <*> seconds.")
        self.ev("source", "Source (<*>): <*> packages found for <*> <*>")
        self.ev("install", "- Installing <*> (<*>)")
        self.ev("update", "- Updating <*> (<*> -> <*>)")
        self.ev("lock_acq", "Lock <*> acquired on <*>")
        self.ev("lock_rel", "Lock <*> released on <*>")
        self.ev("fail", "Because <*> depends on <*> (<*>) which doesn't match any versions, version solving failed.")
        self.pk = [("requests", "2.31.0", "^2.31.0"), ("urllib3", "2.2.1", ">=1.21.1,<3"),
                   ("idna", "3.6", ">=2.5,<4"), ("certifi", "2024.2.2", ">=2017.4.17"),
                   ("charset-normalizer", "3.3.2", ">=2,<4"), ("pydantic", "2.6.3", "^2.6"),
                   ("pydantic-core", "2.16.3", "2.16.3"), ("annotated-types", "0.6.0", ">=0.4.0"),
                   ("typing-extensions", "4.10.0", ">=4.6.1"), ("fastapi", "0.110.0", "^0.110.0"),
                   ("starlette", "0.36.3", ">=0.36.3,<0.37.0"), ("anyio", "4.3.0", ">=3.4.0,<5"),
                   ("sniffio", "1.3.1", ">=1.1"), ("uvicorn", "0.27.1", "^0.27.1"), ("h11", "0.14.0", ">=0.8"),
                   ("sqlalchemy", "2.0.28", "^2.0"), ("greenlet", "3.0.3", "!=0.4.17"),
                   ("pytest", "8.1.1", "^8.0"), ("pluggy", "1.4.0", ">=1.4,<2.0"), ("iniconfig", "2.0.0", "*"),
                   ("numpy", "1.26.4", "^1.26"), ("polars", "0.20.15", "^0.20")]
        self.roots = ["billing-api", "ml-pipeline", "docs-site"]
        self.ids = [140_000_000_000_000 + self.rng.randrange(10 ** 12) for _ in range(40)]
        self.home = "/home/ana/.cache/pypoetry"

    def lockpath(self):
        h = self.hexs(56)
        return "%s/cache/repositories/%s/_http/%s/%s/%s/%s/%s/%s.lock" % (
            self.home, self.cy("lock.repo", ["PyPI", "PyPI", "lumen-internal"]), h[0], h[1], h[2], h[3], h[4], h)

    def line(self, key, t):
        r = self.rng
        if key == "config":
            return "", [self.cy("config.0", ["/home/ana/.config/pypoetry/config.toml",
                                             "/srv/builds/billing-api/poetry.toml",
                                             "/home/ana/.config/pypoetry/config.toml",
                                             "/srv/builds/ml-pipeline/poetry.toml"])]
        if key == "venv":
            return "", [self.cy("venv.0", ["%s/virtualenvs/billing-api-Xk3dP0qa-py3.11" % self.home,
                                           "/srv/builds/ml-pipeline/.venv",
                                           "%s/virtualenvs/docs-site-q7LmZ2wB-py3.12" % self.home])]
        if key == "keyring":
            return "[keyring:keyring.backend] ", [self.cy("keyring.0", ["KWallet", "SecretService", "Windows",
                                                                        "chainer", "libsecret", "macOS"])]
        if key == "conn":
            return "[urllib3:urllib3.connectionpool] ", [
                self.cy("conn.0", ["1", "1", "2"]),
                self.cy("conn.1", ["pypi.org", "files.pythonhosted.org", "pypi.lumen-internal.dev"])]
        if key == "get":
            name, ver, _c = r.choice(self.pk)
            if r.random() < 0.6:
                host, path = "pypi.org", "/pypi/%s/%s/json" % (name, ver)
                st = self.cy("get.st", ["200", "200", "304", "200"])
                ln = "None" if st == "200" and r.random() < 0.3 else ("0" if st == "304" else str(r.randint(1_800, 96_000)))
                return "[urllib3:urllib3.connectionpool] ", [host, path, st, ln]
            if r.random() < 0.5:
                return "[urllib3:urllib3.connectionpool] ", ["pypi.lumen-internal.dev", "/simple/%s/" % name,
                                                             self.cy("get.st2", ["200", "404", "200"]),
                                                             str(r.randint(400, 22_000))]
            return "[urllib3:urllib3.connectionpool] ", [
                "files.pythonhosted.org",
                "/packages/%s/%s/%s/%s-%s-py3-none-any.whl.metadata" % (self.hexs(2), self.hexs(2), self.hexs(60),
                                                                        name.replace("-", "_"), ver),
                "200", str(r.randint(1_200, 64_000))]
        depth = "%4d: " % self.cy("depth", [1, 1, 1, 2, 1, 1, 3, 1, 2])
        if key == "fact":
            name, ver, c = r.choice(self.pk)
            return depth, [self.cy("fact.0", self.roots), name, c]
        if key == "selecting":
            name, ver, c = r.choice(self.pk)
            return depth, [name, ver]
        if key == "derived":
            name, ver, c = r.choice(self.pk)
            form = self.cy("derived.form", [0, 0, 1, 0, 2])
            if form == 0:
                return depth, ["%s (%s)" % (name, c)]
            if form == 1:
                return depth, ["not %s (==%s)" % (name, ver)]
            return depth, [name]
        if key == "took":
            return depth, ["%.3f" % (r.uniform(0.05, 14.0))]
        if key == "source":
            name, ver, c = r.choice(self.pk)
            return "", [self.cy("source.0", ["PyPI", "PyPI", "lumen-internal", "pytorch-cpu"]),
                        str(r.randint(1, 140)), name, c]
        if key == "install":
            name, ver, c = r.choice(self.pk)
            return "  ", [name, ver]
        if key == "update":
            name, old, ver = self.cy("update.012", [("urllib3", "1.26.18", "2.2.1"), ("pydantic", "2.5.3", "2.6.3"),
                                                    ("fastapi", "0.103.2", "0.110.0"), ("idna", "3.4", "3.6"),
                                                    ("pytest", "7.4.4", "8.1.1"), ("polars", "0.19.19", "0.20.15"),
                                                    ("sqlalchemy", "2.0.25", "2.0.28")])
            return "  ", [name, old, ver]
        if key in ("lock_acq", "lock_rel"):
            return "[filelock:filelock] ", [str(r.choice(self.ids)), self.lockpath()]
        if key == "fail":
            root = self.cy("fail.0", self.roots)
            dep, c = self.cy("fail.12", [("lumen-auth", "^2.4"), ("torch", "2.2.1+cpu"),
                                         ("pydantic", "^3.0"), ("legacy-cgi", ">=2.6,<2.7")])
            return "", [root, dep, c]
        raise KeyError(key)

    def build(self):
        counts = {"config": 8, "venv": 6, "keyring": 9, "conn": 14, "get": 61, "fact": 22, "selecting": 38,
                  "derived": 30, "took": 5, "source": 25, "install": 40, "update": 10, "lock_acq": 14,
                  "lock_rel": 14, "fail": 4}
        units = [[k] for k, n in counts.items() for _ in range(n)]
        return self.shuffle(units, (16 * 3600 + 48 * 60 + 3) * SEC + 77 * MS, 260 * MS)


# ======================================================================
# 6. Composer (composer install -vvv: no timestamp, no level; nested steps
#    are indented)
# ======================================================================
class Composer(Gen):
    name, k, kind = "Composer", 6, "shuffle"
    header_re = r" *"

    def declare(self):
        self.ev("readjson", "Reading ./composer.json (<*>)")
        self.ev("config", "Loading config file <*>")
        self.ev("cmd", "Executing command (<*>): <*>")
        self.ev("dl", "Downloading <*>")
        self.ev("dl_ifmod", "Downloading <*> if modified")
        self.ev("status", "[<*>] <*>")
        self.ev("cache_read", "Reading <*> from cache")
        self.ev("cache_write", "Writing <*> into cache")
        self.ev("ops", "Package operations: <*> installs, <*> updates, <*> removals")
        self.ev("pkg_dl", "- Downloading <*> (<*>)")
        self.ev("pkg_inst", "- Installing <*> (<*>): Extracting archive")
        self.ev("async", "Executing async command (CWD): <*>")
        self.ev("autoload", "Generating autoload files")
        self.ev("autoload_opt", "Generating optimized autoload files")
        self.ev("dist_fail", "Failed to download <*> from dist: <*>")
        self.pk = [("symfony/console", "v6.4.4", "symfony/console"), ("symfony/http-kernel", "v6.4.4", "symfony/http-kernel"),
                   ("symfony/polyfill-mbstring", "v1.29.0", "symfony/polyfill-mbstring"),
                   ("monolog/monolog", "3.5.0", "Seldaek/monolog"), ("psr/log", "3.0.0", "php-fig/log"),
                   ("psr/container", "2.0.2", "php-fig/container"), ("guzzlehttp/guzzle", "7.8.1", "guzzle/guzzle"),
                   ("guzzlehttp/psr7", "2.6.2", "guzzle/psr7"), ("guzzlehttp/promises", "2.0.2", "guzzle/promises"),
                   ("doctrine/dbal", "3.8.2", "doctrine/dbal"), ("doctrine/inflector", "2.0.10", "doctrine/inflector"),
                   ("nesbot/carbon", "2.72.3", "briannesbitt/Carbon"), ("laravel/framework", "v10.48.2", "laravel/framework"),
                   ("phpunit/phpunit", "10.5.11", "sebastianbergmann/phpunit"), ("nikic/php-parser", "v5.0.1", "nikic/PHP-Parser"),
                   ("vlucas/phpdotenv", "v5.6.0", "vlucas/phpdotenv"), ("ramsey/uuid", "4.7.5", "ramsey/uuid"),
                   ("brick/math", "0.11.0", "brick/math"), ("league/flysystem", "3.25.0", "thephpleague/flysystem")]
        self.apps = ["/var/www/shop-api", "/srv/app", "/builds/acme/portal", "/home/deploy/releases/20260314-1402"]
        self.home = ["/home/deploy/.cache/composer", "/root/.cache/composer", "/tmp/composer-cache"]

    def cache_file(self, name):
        v = self.cy("cachefile.kind", ["p2", "provider", "p2-dev"])
        base = self.cy("cachefile.home", self.home) + "/repo/https---repo.packagist.org/"
        if v == "p2":
            return base + "provider-%s.json" % name.replace("/", "~")
        if v == "p2-dev":
            return base + "provider-%s~dev.json" % name.replace("/", "~")
        return base + "packages.json"

    def line(self, key, t):
        r = self.rng
        if key == "readjson":
            return "", [self.cy("readjson.0", self.apps) + "/composer.json"]
        if key == "config":
            return "", [self.cy("config.0", ["/home/deploy/.config/composer/config.json",
                                             "/home/deploy/.config/composer/auth.json",
                                             "/root/.composer/config.json", "/srv/app/auth.json",
                                             "/var/www/shop-api/composer.json"])]
        if key == "cmd":
            cwd = self.cy("cmd.0", ["CWD", "CWD", "CWD", "/srv/app/vendor/acme/billing-sdk",
                                    "/var/www/shop-api/vendor/acme/theme-kit"])
            c = self.cy("cmd.1", ["git branch -a --no-color --no-abbrev -v", "git describe --exact-match --tags",
                                  'git log --pretty="%H" -n1 HEAD --no-show-signature',
                                  "git rev-list --count HEAD", "git remote -v",
                                  "hg branch", "fossil branch list", "git rev-parse --abbrev-ref HEAD"])
            return "", [cwd, c]
        if key == "dl":
            if r.random() < 0.35:
                return "", [self.cy("dl.meta", ["https://repo.packagist.org/packages.json",
                                                "https://packages.acme-internal.io/packages.json"])]
            name, ver, gh = r.choice(self.pk)
            return "", ["https://api.github.com/repos/%s/zipball/%s" % (gh, self.hexs(40))]
        if key == "dl_ifmod":
            name, ver, gh = r.choice(self.pk)
            return "", ["https://repo.packagist.org/p2/%s%s.json" % (name, self.cy("dl_ifmod.dev", ["", "", "~dev"]))]
        if key == "status":
            name, ver, gh = r.choice(self.pk)
            st = self.cy("status.0", ["304", "200", "304", "304", "200", "404"])
            if st == "404":
                url = "https://repo.packagist.org/p2/%s~dev.json" % name
            elif r.random() < 0.75:
                url = "https://repo.packagist.org/p2/%s.json" % name
            else:
                url = "https://api.github.com/repos/%s/zipball/%s" % (gh, self.hexs(40))
            return "", [st, url]
        if key == "cache_read":
            name, ver, gh = r.choice(self.pk)
            return "", [self.cache_file(name)]
        if key == "cache_write":
            name, ver, gh = r.choice(self.pk)
            return "", [self.cache_file(name)]
        if key == "ops":
            return "", [str(r.randint(3, 96)), self.cy("ops.1", ["0", "0", "2", "0", "5"]),
                        self.cy("ops.2", ["0", "0", "0", "1"])]
        if key == "pkg_dl":
            name, ver, gh = r.choice(self.pk)
            return "  ", [name, ver]
        if key == "pkg_inst":
            name, ver, gh = r.choice(self.pk)
            return "  ", [name, ver]
        if key == "async":
            app = self.cy("async.app", self.apps)
            return "", ["'unzip' -qq '%s/vendor/composer/tmp-%s.zip' -d '%s/vendor/composer/%s'" % (
                app, self.hexs(32), app, self.hexs(8))]
        if key in ("autoload", "autoload_opt"):
            return "", []
        if key == "dist_fail":
            name, ver, gh = self.cy("dist_fail.pkg", self.pk[3:8])
            z = "https://api.github.com/repos/%s/zipball/%s" % (gh, self.hexs(40))
            why = self.cy("dist_fail.why", [
                'The "%s" file could not be downloaded (HTTP/2 404 )' % z,
                "curl error 28 while downloading %s: Operation timed out after 300000 milliseconds with 0 bytes received" % z,
                'The "%s" file could not be downloaded (HTTP/2 403 )' % z,
                "curl error 6 while downloading %s: Could not resolve host: api.github.com" % z,
            ])
            return "", [name, why]
        raise KeyError(key)

    def build(self):
        counts = {"readjson": 6, "config": 14, "cmd": 18, "dl": 30, "dl_ifmod": 40, "status": 70,
                  "cache_read": 22, "cache_write": 16, "ops": 7, "pkg_dl": 24, "pkg_inst": 28,
                  "async": 12, "autoload": 4, "autoload_opt": 5, "dist_fail": 4}
        units = [[k] for k, n in counts.items() for _ in range(n)]
        return self.shuffle(units, (11 * 3600 + 26 * 60 + 40) * SEC + 912 * MS, 90 * MS)


# ======================================================================
# 4. Cargo (cargo build --verbose: status word right-aligned in 12 columns,
#    rustc diagnostics at column 0 with their "-->"/"= note" gutter lines)
#    SIMULATION: a developer's edit-build loop; every compilation unit (job)
#    runs on its own clock in up to 6 parallel job slots.
# ======================================================================
class Cargo(Gen):
    name, k, kind = "Cargo", 4, "simulation"
    header_re = r" *"
    WS = "/home/mara/src/quill"
    REG = "/home/mara/.cargo/registry/src/index.crates.io-6f17d22bba15001f"
    JSON = "--error-format=json --json=diagnostic-rendered-ansi,artifacts,future-incompat"

    # name, version, deps, has build script, edition, weight, features, proc-macro
    DEPS = [
        ("unicode-ident", "1.0.12", [], False, "2018", 0.4, [], False),
        ("proc-macro2", "1.0.78", ["unicode-ident"], True, "2021", 1.2, ["default", "proc-macro"], False),
        ("quote", "1.0.35", ["proc-macro2"], False, "2018", 0.6, ["default", "proc-macro"], False),
        ("syn", "2.0.52", ["proc-macro2", "quote", "unicode-ident"], False, "2021", 5.5,
         ["clone-impls", "default", "derive", "parsing", "printing", "proc-macro"], False),
        ("serde_derive", "1.0.197", ["proc-macro2", "quote", "syn"], False, "2015", 3.2, ["default"], True),
        ("serde", "1.0.197", ["serde_derive"], True, "2018", 2.4, ["default", "derive", "serde_derive", "std"], False),
        ("itoa", "1.0.10", [], False, "2018", 0.3, [], False),
        ("ryu", "1.0.17", [], False, "2018", 0.5, [], False),
        ("memchr", "2.7.1", [], False, "2021", 1.1, ["alloc", "default", "std"], False),
        ("serde_json", "1.0.114", ["serde", "itoa", "ryu"], True, "2021", 3.9, ["default", "std"], False),
        ("anyhow", "1.0.80", [], True, "2018", 0.9, ["default", "std"], False),
        ("log", "0.4.21", [], False, "2021", 0.5, ["std"], False),
        ("aho-corasick", "1.1.2", ["memchr"], False, "2021", 2.8, ["perf-literal", "std"], False),
        ("regex-syntax", "0.8.2", [], False, "2021", 4.6, ["default", "std", "unicode"], False),
        ("regex", "1.10.3", ["aho-corasick", "memchr", "regex-syntax"], False, "2021", 4.1,
         ["default", "perf", "std", "unicode"], False),
        ("thiserror-impl", "1.0.57", ["proc-macro2", "quote", "syn"], False, "2021", 1.6, [], True),
        ("thiserror", "1.0.57", ["thiserror-impl"], True, "2021", 0.4, [], False),
    ]
    GROUP_A = ["unicode-ident", "proc-macro2", "quote", "syn", "serde_derive", "serde", "itoa", "ryu",
               "memchr", "serde_json"]
    # profile, new deps, member diagnostics
    PLAN = [
        ("dev", GROUP_A, {"quill-core": ("warn", ["import"])}),
        ("dev", [], {"quill-core": ("warn", ["var", "var"])}),
        ("dev", ["anyhow", "log"], {"quill-core": ("err", 2)}),
        ("dev", [], {"quill-cli": ("warn", ["var"])}),
        ("release", [], {}),
        ("dev", ["aho-corasick", "regex-syntax", "regex"], {"quill-cli": ("err", 3)}),
        ("dev", [], {"quill-core": ("warn", ["import", "var"])}),
        ("dev", [], {"quill-core": ("err", 2)}),
        ("dev", ["thiserror-impl", "thiserror"], {"quill-cli": ("warn", ["import", "import"])}),
        ("dev", [], {}),
        ("release", [], {"quill-core": ("warn", ["var"])}),
        ("dev", [], {"quill-cli": ("err", 2)}),
        ("dev", [], {}),
    ]
    MEMBERS = {
        "quill-core": ("quill-core", "v0.3.1", "lib", "quill_core", "crates/quill-core/src/lib.rs",
                 ["serde", "serde_json", "memchr", "log", "regex", "thiserror"],
                 ["crates/quill-core/src/lib.rs", "crates/quill-core/src/parser.rs",
                  "crates/quill-core/src/render.rs", "crates/quill-core/src/index.rs"]),
        "quill-cli": ("quill-cli", "v0.2.0", 'bin "quill"', "quill", "crates/quill-cli/src/main.rs",
                ["anyhow", "serde_json", "quill-core"],
                ["crates/quill-cli/src/main.rs", "crates/quill-cli/src/cmd/export.rs",
                 "crates/quill-cli/src/cmd/serve.rs"]),
    }

    def declare(self):
        self.ev("compiling", "Compiling <*> <*>")
        self.ev("compiling_path", "Compiling <*> <*> (<*>)")
        self.ev("running", "Running `<*>`")
        self.ev("fresh", "Fresh <*> <*>")
        self.ev("downloaded", "Downloaded <*> <*>")
        self.ev("downloaded_n", "Downloaded <*> crates (<*>) in <*>")
        self.ev("updating", "Updating crates.io index")
        self.ev("finished", "Finished `<*>` profile [<*>] target(s) in <*>")
        self.ev("w_var", "warning: unused variable: `<*>`")
        self.ev("w_import", "warning: unused import: `<*>`")
        self.ev("arrow", "--> <*>:<*>:<*>")
        self.ev("note", "= note: `#[warn(<*>)]` on by default")
        self.ev("generated", "warning: `<*>` (<*>) generated <*>")
        self.ev("error", "error[<*>]: <*>")
        self.ev("couldnt", "error: could not compile `<*>` (<*>) due to <*> previous errors")
        self.dep = {d[0]: d for d in self.DEPS}
        self.h = {}
        for prof in ("dev", "release"):
            for d in self.DEPS:
                for part in ("lib", "bsc", "bsr"):
                    self.h[(prof, d[0], part)] = self.hexs(16)
            for m in self.MEMBERS:
                self.h[(prof, m, "lib")] = self.hexs(16)
        self.kb = {d[0]: self.rng.uniform(12, 260) for d in self.DEPS}

    @staticmethod
    def st(status):
        return " " * (12 - len(status))

    def tgt(self, prof):
        return "%s/target/%s" % (self.WS, "debug" if prof == "dev" else "release")

    def opt(self, prof):
        return "-C embed-bitcode=no -C debuginfo=2" if prof == "dev" else "-C opt-level=3 -C embed-bitcode=no"

    def extern(self, prof, name):
        if name in self.MEMBERS:
            cn = self.MEMBERS[name][3]
            return "--extern %s=%s/deps/lib%s-%s.rlib" % (cn, self.tgt(prof), cn, self.h[(prof, name, "lib")])
        d = self.dep[name]
        cn = name.replace("-", "_")
        ext = "so" if d[7] else "rlib"
        return "--extern %s=%s/deps/lib%s-%s.%s" % (cn, self.tgt(prof), cn, self.h[(prof, name, "lib")], ext)

    def rustc_dep(self, prof, name):
        _n, ver, deps, _bs, ed, _w, feats, pm = self.dep[name]
        tgt = self.tgt(prof)
        h = self.h[(prof, name, "lib")]
        parts = ["rustc --crate-name %s --edition=%s %s/%s-%s/src/lib.rs %s" % (
            name.replace("-", "_"), ed, self.REG, name, ver, self.JSON)]
        parts.append("--crate-type proc-macro --emit=dep-info,link -C prefer-dynamic" if pm
                     else "--crate-type lib --emit=dep-info,metadata,link")
        parts.append(self.opt(prof))
        parts += ["--cfg 'feature=\"%s\"'" % f for f in feats]
        parts.append("-C metadata=%s -C extra-filename=-%s --out-dir %s/deps -L dependency=%s/deps" % (h, h, tgt, tgt))
        parts += [self.extern(prof, x) for x in deps]
        if pm:
            parts.append("--extern proc_macro")
        parts.append("--cap-lints allow")
        return " ".join(parts)

    def rustc_bs(self, prof, name):
        _n, ver, deps, _bs, ed, _w, feats, pm = self.dep[name]
        tgt = self.tgt(prof)
        h = self.h[(prof, name, "bsc")]
        feat = " ".join("--cfg 'feature=\"%s\"'" % f for f in feats)
        return ("rustc --crate-name build_script_build --edition=%s %s/%s-%s/build.rs %s --crate-type bin "
                "--emit=dep-info,link %s %s-C metadata=%s -C extra-filename=-%s --out-dir %s/build/%s-%s "
                "-L dependency=%s/deps --cap-lints allow" % (
                    ed, self.REG, name, ver, self.JSON, self.opt(prof), feat + " " if feat else "", h, h,
                    tgt, name, h, tgt))

    def run_bs(self, prof, name):
        return "%s/build/%s-%s/build-script-build" % (self.tgt(prof), name, self.h[(prof, name, "bsr")])

    def rustc_member(self, prof, m, known):
        pkg, ver, kind, cn, src, deps, _files = self.MEMBERS[m]
        tgt = self.tgt(prof)
        h = self.h[(prof, m, "lib")]
        ct = "--crate-type bin --emit=dep-info,link" if kind.startswith("bin") else \
            "--crate-type lib --emit=dep-info,metadata,link"
        ex = " ".join(self.extern(prof, x) for x in deps if x in known or x in self.MEMBERS)
        return ("rustc --crate-name %s --edition=2021 %s %s %s %s -C metadata=%s -C extra-filename=-%s "
                "--out-dir %s/deps -L dependency=%s/deps %s" % (cn, src, self.JSON, ct, self.opt(prof), h, h,
                                                                 tgt, tgt, ex))

    @staticmethod
    def fmt_elapsed(ns):
        s = ns / SEC
        if s >= 60:
            return "%dm %02ds" % (int(s // 60), int(s % 60))
        return "%.2fs" % s

    def diagnostics(self, out, m, spec, t, span):
        """rustc diagnostics of member m between t and t+span; returns end time."""
        pkg, ver, kind, cn, src, deps, files = self.MEMBERS[m]
        r = self.rng
        kind_, arg = spec
        lines = []
        if kind_ == "warn":
            seen = set()
            for w in arg:
                key = "w_var" if w == "var" else "w_import"
                val = self.cy(key, ["conn", "idx", "retry_count", "buf", "tmp_path", "cfg"] if w == "var" else
                              ["std::collections::HashMap", "std::io::Write", "serde::Deserialize",
                               "anyhow::Context", "std::fmt"])
                ln = r.randint(3, 420)
                lines.append(("", key, [val]))
                lines.append((" " * len(str(ln)), "arrow", [self.cy("arrow.f", files), ln, r.randint(5, 33)]))
                lint = "unused_variables" if w == "var" else "unused_imports"
                if lint not in seen:
                    seen.add(lint)
                    lines.append((" " * (len(str(ln)) + 1), "note", [lint]))
            n = len(arg)
            lines.append(("", "generated", [pkg, kind, "%d warning%s" % (n, "" if n == 1 else "s")]))
        else:
            for _ in range(arg):
                code, msg = self.cy("error.01", [
                    ("E0308", "mismatched types"),
                    ("E0425", "cannot find value `cfg` in this scope"),
                    ("E0599", "no method named `as_str` found for enum `Token` in the current scope"),
                    ("E0433", "failed to resolve: use of undeclared type `HashMap`"),
                    ("E0061", "this function takes 2 arguments but 1 argument was supplied"),
                    ("E0382", "borrow of moved value: `buf`"),
                    ("E0277", "the `?` operator can only be used in a function that returns `Result` or "
                              "`Option` (or another type that implements `FromResidual`)"),
                ])
                ln = r.randint(3, 420)
                lines.append(("", "error", [code, msg]))
                lines.append((" " * len(str(ln)), "arrow", [self.cy("arrow.f", files), ln, r.randint(5, 41)]))
            lines.append(("", "couldnt", [pkg, kind, arg]))
        step = span // (len(lines) + 1)
        for i, (hdr, key, vals) in enumerate(lines):
            tt = t + (i + 1) * step
            out.append(self.rec(tt, hdr, key, *vals))
        return t + span

    def build(self):
        r = self.rng
        out = []
        known = []            # deps in the lock file so far (dependency order)
        compiled = {"dev": set(), "release": set()}
        t = (9 * 3600 + 41 * 60 + 5) * SEC + 233 * MS
        for prof, new, diags in self.PLAN:
            t0 = t
            tc = t0 + r.randint(30, 90) * MS
            if new:
                out.append(self.rec(t0 + r.randint(20, 60) * MS, self.st("Updating"), "updating"))
                td = t0 + r.randint(700, 2900) * MS
                ends = []
                for name in new:
                    e = td + r.randint(90, 1300) * MS
                    ends.append(e)
                    out.append(self.rec(e, self.st("Downloaded"), "downloaded", name, "v" + self.dep[name][1]))
                te = max(ends) + r.randint(1, 4) * MS
                kb = sum(self.kb[n] for n in new)
                size = "%.1f KB" % kb if kb < 1024 else "%.1f MB" % (kb / 1024)
                out.append(self.rec(te, self.st("Downloaded"), "downloaded_n", len(new), size,
                                    self.fmt_elapsed(te - td)))
                tc = te + r.randint(5, 40) * MS
                known += new
            # list scheduling on 6 job slots, dependency order
            slots = [tc] * 6
            finish = {}
            scale = 1.0 if prof == "dev" else 1.9
            for name in known:
                deps = self.dep[name][2]
                ready = max([finish[d] for d in deps] + [tc])
                i = min(range(len(slots)), key=lambda j: slots[j])
                s = max(ready, slots[i])
                ver = "v" + self.dep[name][1]
                if name in compiled[prof]:
                    d = r.randint(300, 2500) * US
                    out.append(self.rec(s, self.st("Fresh"), "fresh", name, ver))
                else:
                    d = int(self.dep[name][5] * scale * r.uniform(0.6, 1.5) * SEC)
                    out.append(self.rec(s, self.st("Compiling"), "compiling", name, ver))
                    if self.dep[name][3]:
                        out.append(self.rec(s + r.randint(2, 9) * MS, self.st("Running"), "running",
                                            self.rustc_bs(prof, name)))
                        out.append(self.rec(s + int(d * 0.35), self.st("Running"), "running",
                                            self.run_bs(prof, name)))
                        out.append(self.rec(s + int(d * 0.45), self.st("Running"), "running",
                                            self.rustc_dep(prof, name)))
                    else:
                        out.append(self.rec(s + r.randint(2, 9) * MS, self.st("Running"), "running",
                                            self.rustc_dep(prof, name)))
                    compiled[prof].add(name)
                slots[i] = s + d
                finish[name] = s + d
            end = max(finish.values())
            failed = False
            for m in ("quill-core", "quill-cli"):
                pkg, ver, kind, cn, src, deps, files = self.MEMBERS[m]
                ready = max([finish[x] for x in deps if x in finish] + [tc])
                s = ready
                d = int((3.4 if m == "quill-core" else 1.8) * scale * r.uniform(0.7, 1.4) * SEC)
                out.append(self.rec(s, self.st("Compiling"), "compiling_path", pkg, ver, "%s/crates/%s" % (self.WS, pkg)))
                out.append(self.rec(s + r.randint(2, 9) * MS, self.st("Running"), "running",
                                    self.rustc_member(prof, m, known)))
                finish[m] = s + d
                end = max(end, s + d)
                if m in diags:
                    self.diagnostics(out, m, diags[m], s + int(d * 0.6), int(d * 0.4) - MS)
                    if diags[m][0] == "err":
                        failed = True
                        break
            if not failed:
                fe = end + r.randint(2, 30) * MS
                out.append(self.rec(fe, self.st("Finished"), "finished", prof,
                                    "unoptimized + debuginfo" if prof == "dev" else "optimized",
                                    self.fmt_elapsed(fe - t0)))
            t = end + r.randint(25, 360) * SEC + r.randint(0, 999) * MS
        return out


# ======================================================================
# 5. Bundler (bundle install --verbose: no timestamp; parallel-installer
#    debug lines carry the worker number "N:  ")
#    SIMULATION: several CI jobs; compact-index HTTP requests and gem
#    installs (4 workers) each run on their own clock.
# ======================================================================
class Bundler(Gen):
    name, k, kind = "Bundler", 5, "simulation"
    header_re = r"(?:(?P<worker>\d+):  )?"

    GEMS = {
        "rack": ("3.0.9.1", False), "rack-protection": ("4.0.0", False), "mustermann": ("3.0.0", False),
        "ruby2_keywords": ("0.0.5", False), "tilt": ("2.3.0", False), "sinatra": ("4.0.0", False),
        "puma": ("6.4.2", True), "nio4r": ("2.7.0", True), "json": ("2.7.1", True), "pg": ("1.5.6", True),
        "sequel": ("5.77.0", False), "dotenv": ("3.1.0", False), "rake": ("13.1.0", False),
        "bcrypt": ("3.1.20", True), "msgpack": ("1.7.2", True), "redis-client": ("0.20.0", False),
        "connection_pool": ("2.4.1", False), "sidekiq": ("7.2.2", False), "faraday": ("2.9.0", False),
        "faraday-net_http": ("3.1.0", False), "net-http": ("0.4.1", False), "uri": ("0.13.0", False),
        "zeitwerk": ("2.6.13", False), "concurrent-ruby": ("1.2.3", False), "i18n": ("1.14.1", False),
        "tzinfo": ("2.0.6", False), "mysql2": ("0.5.6", True), "ffi": ("1.16.3", True),
        "racc": ("1.7.3", True), "minitest": ("5.22.2", False), "diff-lcs": ("1.5.1", False),
        "rspec-support": ("3.13.1", False), "rspec-core": ("3.13.0", False),
        "rspec-expectations": ("3.13.0", False), "rspec-mocks": ("3.13.0", False), "oj": ("3.16.3", True),
        "activesupport": ("7.1.3.2", False), "base64": ("0.2.0", False), "logger": ("1.6.0", False),
    }
    SINATRA = ["base64", "dotenv", "json", "mustermann", "nio4r", "pg", "puma", "rack", "rack-protection",
               "rake", "ruby2_keywords", "sequel", "sinatra", "tilt"]
    WORKER = ["bcrypt", "concurrent-ruby", "connection_pool", "logger", "msgpack", "pg", "rake",
              "redis-client", "sidekiq", "zeitwerk", "rspec-core", "rspec-support", "diff-lcs"]
    BOT = ["faraday", "faraday-net_http", "net-http", "uri", "json", "oj", "dotenv", "minitest", "rake",
           "zeitwerk", "logger"]
    LEDGER = ["activesupport", "concurrent-ruby", "i18n", "tzinfo", "minitest", "mysql2", "rake", "racc",
              "base64", "zeitwerk", "connection_pool", "logger"]
    NOTIFY = ["ffi", "faraday", "faraday-net_http", "net-http", "uri", "rspec-core", "rspec-expectations",
              "rspec-mocks", "rspec-support", "diff-lcs", "rake", "json"]
    # app, gem list, sources, bundler version, gem dir, share already installed, failing gem, Gemfile deps
    RUNS = [
        ("billing-worker", WORKER, ["https://gems.lumen-internal.dev/", "https://rubygems.org/"], "2.5.6",
         "/builds/lumen/billing-worker/vendor/bundle/ruby/3.3.0", 0.3, "pg", 6),
        ("catalog-api", SINATRA, ["https://rubygems.org/"], "2.5.6", "/usr/local/bundle", 0.0, None, 7),
        ("ledger-sync", LEDGER, ["https://rubygems.org/"], "2.5.6", "/usr/local/bundle", 0.4, "mysql2", 6),
        ("docs-bot", BOT, ["https://rubygems.org/"], "2.4.22", "/home/ci/.gem/ruby/3.2.0", 0.5, None, 5),
        ("notify-svc", NOTIFY, ["https://gems.lumen-internal.dev/", "https://rubygems.org/"], "2.4.22",
         "/home/ci/.gem/ruby/3.2.0", 0.5, "ffi", 5),
        ("catalog-api", SINATRA, ["https://rubygems.org/"], "2.5.6", "/usr/local/bundle", 0.85, None, 7),
        ("billing-worker", WORKER, ["https://gems.lumen-internal.dev/", "https://rubygems.org/"], "2.5.6",
         "/builds/lumen/billing-worker/vendor/bundle/ruby/3.3.0", 0.7, None, 6),
        ("ledger-sync", LEDGER, ["https://rubygems.org/"], "2.5.6", "/usr/local/bundle", 0.8, None, 6),
    ]

    def declare(self):
        self.ev("running", "Running `bundle install --verbose` with bundler <*>")
        self.ev("metadata", "Fetching gem metadata from <*>")
        self.ev("http_get", "HTTP GET <*>")
        self.ev("http_200", "HTTP 200 OK <*>")
        self.ev("http_304", "HTTP 304 Not Modified <*>")
        self.ev("resolving", "Resolving dependencies...")
        self.ev("using", "Using <*> <*>")
        self.ev("fetching", "Fetching <*> <*>")
        self.ev("installing", "Installing <*> <*>")
        self.ev("installing_native", "Installing <*> <*> with native extensions")
        self.ev("worker", "<*> (<*>) from <*>")
        self.ev("complete", "Bundle complete! <*> Gemfile dependencies, <*> gems now installed.")
        self.ev("info_hint", "Use `bundle info [gemname]` to see where a bundled gem is installed.")
        self.ev("build_error", "Gem::Ext::BuildError: ERROR: Failed to build gem native extension.")
        self.ev("install_error", "An error occurred while installing <*> (<*>), and Bundler cannot continue.")

    @staticmethod
    def index_base(src):
        return "https://index.rubygems.org/" if "rubygems.org" in src else src

    def build(self):
        r = self.rng
        out = []
        t = (7 * 3600 + 55 * 60 + 31) * SEC + 18 * MS
        for app, gems, sources, bver, gdir, share, fail, ndeps in self.RUNS:
            t0 = t
            out.append(self.rec(t0, "", "running", bver))
            tt = t0 + r.randint(40, 160) * MS
            # compact index: one request per source for /versions, then /info/<gem> in parallel (4 threads)
            for src in sources:
                dots = "." * r.randint(1, 9)
                out.append(self.rec(tt, "", "metadata", src + dots))
                base = self.index_base(src)
                urls = [base + "versions"]
                names = list(gems)
                r.shuffle(names)
                urls += [base + "info/" + g for g in names[: r.randint(2, 5)]]
                threads = [tt + MS] * 4
                ends = []
                for i, u in enumerate(urls):
                    j = min(range(4), key=lambda x: threads[x])
                    s = threads[j] + r.randint(1, 15) * MS
                    d = r.randint(35, 420) * MS
                    out.append(self.rec(s, "", "http_get", u))
                    code = "http_304" if r.random() < 0.45 else "http_200"
                    out.append(self.rec(s + d, "", code, u))
                    threads[j] = s + d
                    ends.append(s + d)
                    if i == 0:      # /versions first, the rest fan out afterwards
                        threads = [s + d] * 4
                tt = max(ends) + r.randint(5, 60) * MS
            out.append(self.rec(tt, "", "resolving"))
            ti = tt + r.randint(300, 1900) * MS
            # parallel installer, 4 workers
            order = sorted(gems)
            n_cached = int(round(share * len(order)))
            cached = set(r.sample(order, n_cached))
            if fail:
                cached.discard(fail)
            workers = [ti] * 4
            t_fail = None
            ends = []
            installed = 0
            for g in order:
                w = min(range(4), key=lambda x: workers[x])
                s = workers[w] + r.randint(1, 6) * MS
                if t_fail is not None and s >= t_fail:
                    break
                ver, native = self.GEMS[g]
                spec = "%s/specifications/%s-%s.gemspec" % (gdir, g, ver)
                if g in cached:
                    out.append(self.rec(s, "", "using", g, ver))
                    e = s + r.randint(1, 4) * MS
                    out.append(self.rec(e, "%d:  " % w, "worker", g, ver, spec))
                    installed += 1
                else:
                    out.append(self.rec(s, "", "fetching", g, ver))
                    td = s + r.randint(80, 1400) * MS
                    out.append(self.rec(td, "", "installing_native" if native else "installing", g, ver))
                    e = td + (r.randint(3500, 38000) if native else r.randint(60, 1500)) * MS
                    if g == fail:
                        t_fail = e
                    else:
                        out.append(self.rec(e, "%d:  " % w, "worker", g, ver, spec))
                        installed += 1
                workers[w] = e
                ends.append(e)
            tend = max(ends) + r.randint(5, 80) * MS
            if fail:
                out.append(self.rec(tend, "", "build_error"))
                out.append(self.rec(tend + r.randint(1, 3) * MS, "", "install_error", fail, self.GEMS[fail][0]))
            else:
                out.append(self.rec(tend, "", "using", "bundler", bver))
                out.append(self.rec(tend + 2 * MS, "", "complete", ndeps, installed + 1))
                out.append(self.rec(tend + 3 * MS, "", "info_hint"))
            t = tend + r.randint(40, 900) * SEC + r.randint(0, 999) * MS
        return out


SYSTEMS = [Conda, Pip, Poetry, Cargo, Bundler, Composer]


# ======================================================================
# writing and self-check
# ======================================================================
def write_system(gen, lines):
    d = os.path.join(HERE, gen.name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, gen.name + ".log"), "w", encoding="utf-8", newline="") as f:
        for _t, raw, _c, _k, _v in lines:
            f.write(raw + "\n")
    with open(os.path.join(d, gen.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_t, _raw, content, key, _v) in enumerate(lines, 1):
            w.writerow([i, content, gen.eid[key], gen.tpl[key]])


def median(xs):
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def check_system(gen, lines):
    errs = []
    d = os.path.join(HERE, gen.name)
    logp = os.path.join(d, gen.name + ".log")
    csvp = os.path.join(d, gen.name + ".log_structured.csv")
    for p in (logp, csvp):
        b = open(p, "rb").read()
        if not b.endswith(b"\n"):
            errs.append("%s: no final newline" % p)
        if b"\r" in b:
            errs.append("%s: contains \\r" % p)
    raw_lines = open(logp, encoding="utf-8", newline="").read().split("\n")[:-1]
    if len(raw_lines) != N_LINES:
        errs.append("log has %d lines" % len(raw_lines))
    with open(csvp, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header %r" % rows[0])
    rows = rows[1:]
    if len(rows) != N_LINES:
        errs.append("csv has %d rows" % len(rows))
    hre = re.compile(gen.header_re)
    declared = dict((gen.eid[k], t) for k, t in gen.events)
    tpl_of = {}
    slots = defaultdict(set)
    counts = Counter()
    last_ts = None
    ts_first = ts_last = None
    for i, (row, raw) in enumerate(zip(rows, raw_lines), 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errs.append("row %d LineId %s" % (i, lid))
        if not content or content != content.strip():
            errs.append("row %d content empty or unstripped" % i)
        if not raw.endswith(content):
            errs.append("row %d raw line does not end with content" % i)
            continue
        header = raw[: len(raw) - len(content)]
        hm = hre.fullmatch(header)
        if not hm:
            errs.append("row %d header %r does not match" % (i, header))
            continue
        if gen.has_ts:
            ts = parse_pip_time(hm.group("ts"))
            if last_ts is not None and ts < last_ts:
                errs.append("row %d timestamp goes back" % i)
            last_ts = ts
            ts_first = ts_first or hm.group("ts")
            ts_last = hm.group("ts")
        if not re.fullmatch(r"E\d+", eid):
            errs.append("row %d bad EventId %s" % (i, eid))
        if declared.get(eid) != tpl:
            errs.append("row %d template differs from declared one for %s" % (i, eid))
        if tpl_of.setdefault(eid, tpl) != tpl:
            errs.append("%s has two templates" % eid)
        m = template_regex(tpl).fullmatch(content)
        if not m:
            errs.append("row %d: template %r does not match %r" % (i, tpl, content))
            continue
        # stricter: the lazy regex must split the line exactly at the generated values
        if tuple(m.groups()) != lines[i - 1][4]:
            errs.append("row %d: captures %r != values %r" % (i, m.groups(), lines[i - 1][4]))
        for j, g in enumerate(m.groups()):
            slots[(eid, j)].add(g)
        counts[eid] += 1
    if len(set(tpl_of.values())) != len(tpl_of):
        errs.append("two EventIds share a template")
    if set(counts) != set(declared):
        errs.append("declared but unused: %s" % sorted(set(declared) - set(counts)))
    for eid, tpl in declared.items():
        for j in range(tpl.count("<*>")):
            if len(slots[(eid, j)]) < 2:
                errs.append("%s slot %d has %d distinct values" % (eid, j + 1, len(slots[(eid, j)])))
    cs = list(counts.values())
    if not 12 <= len(declared) <= 15:
        errs.append("%d event types" % len(declared))
    if min(cs) < 3:
        errs.append("an event has fewer than 3 lines: %s" % sorted(counts.items(), key=lambda x: x[1])[:3])
    if sum(1 for c in cs if 3 <= c <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines")
    if max(cs) < 3 * median(cs):
        errs.append("largest %d < 3 x median %s" % (max(cs), median(cs)))
    times = [l[0] for l in lines]
    if any(b < a for a, b in zip(times, times[1:])):
        errs.append("internal clock goes back")
    return errs, counts, (ts_first, ts_last)


def main():
    ok = True
    for gen_cls in SYSTEMS:
        gen = gen_cls()
        lines = gen.run()
        write_system(gen, lines)
        errs, counts, (tf, tl) = check_system(gen, lines)
        cs = [counts[gen.eid[k]] for k, _ in gen.events]
        span = "%s .. %s" % (tf, tl) if gen.has_ts else "no timestamp in default format"
        print("%-9s %-10s seed=%d events=%d lines=%d counts=%s median=%s max=%d  [%s]  %s" % (
            gen.name, gen.kind, BASE_SEED * 10 + gen.k, len(gen.events), sum(cs), cs, median(cs), max(cs),
            span, "OK" if not errs else "FAIL"))
        for e in errs[:25]:
            print("    " + e)
        ok = ok and not errs
    print("self-check:", "PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
