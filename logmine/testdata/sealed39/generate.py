#!/usr/bin/env python3
"""Sealed 39: blind labelled log corpus generator (stdlib only, deterministic).

Writes <System>/<System>.log and <System>/<System>.log_structured.csv for six
systems, then self-checks every file and prints a per-system summary.
"""
import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270139
HERE = os.path.dirname(os.path.abspath(__file__))
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, DAY = 2026, 3, 14
SEC = 10 ** 9
MS = 10 ** 6
US = 10 ** 3
DAY0_NS = 1773446400 * SEC          # 2026-03-14T00:00:00Z as integer ns
N_LINES = 300


# --------------------------------------------------------------------------
# clock helpers (pure integer arithmetic, no wall clock, no locale)
# --------------------------------------------------------------------------
def tparts(ns):
    off = ns - DAY0_NS
    assert 0 <= off < 86400 * SEC, "clock left 2026-03-14"
    s, frac = divmod(off, SEC)
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return h, m, sec, frac


def hms(ns):
    h, m, s, _ = tparts(ns)
    return "%02d:%02d:%02d" % (h, m, s)


def iso_date():
    return "%04d-%02d-%02d" % (YEAR, MONTH, DAY)


def at(h, m, s):
    return DAY0_NS + (h * 3600 + m * 60 + s) * SEC


# --------------------------------------------------------------------------
# value helpers
# --------------------------------------------------------------------------
def hexs(r, n):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


def uuid4(r):
    return "%s-%s-4%s-%s%s-%s" % (hexs(r, 8), hexs(r, 4), hexs(r, 3),
                                  r.choice("89ab"), hexs(r, 3), hexs(r, 12))


def ip10(r):
    return "10.%d.%d.%d" % (r.randint(0, 63), r.randint(0, 255), r.randint(1, 254))


def ip_pub(r):
    return "%d.%d.%d.%d" % (r.choice([23, 31, 46, 77, 89, 94, 141, 151, 178, 185, 193, 212]),
                            r.randint(0, 255), r.randint(0, 255), r.randint(1, 254))


def fill(tpl, vals):
    parts = tpl.split("<*>")
    assert len(parts) == len(vals) + 1, (tpl, vals)
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        out.append(v)
        out.append(p)
    return "".join(out)


def tpl_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")))


# --------------------------------------------------------------------------
# system container
# --------------------------------------------------------------------------
class System:
    def __init__(self, k, name, kind):
        self.k = k
        self.name = name
        self.kind = kind
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.events = []          # (key, template, header defaults)
        self.ix = {}
        self._cyc = {}
        self.lines = []           # (ns, key, values, ctx)
        self.header_re = None
        self.header = None        # f(ns, hdr) -> str
        self.ts_parse = None      # f(header) -> (format id, sortable value, whole seconds)

    def ev(self, key, tpl, **hdr):
        assert key not in self.ix
        self.ix[key] = len(self.events)
        self.events.append((key, tpl, hdr))

    def cyc(self, key, slot, pool):
        i = self._cyc.get((key, slot), 0)
        self._cyc[(key, slot)] = i + 1
        return pool[i % len(pool)]

    def render(self):
        rows = []
        for ns, key, vals, ctx in self.lines:
            idx = self.ix[key]
            _, tpl, hdr = self.events[idx]
            h = dict(hdr)
            h.update(ctx)
            content = fill(tpl, [str(v) for v in vals])
            raw = self.header(ns, h) + content
            rows.append((raw, content, "E%d" % (idx + 1), tpl))
        return rows


def run_shuffle(S, counts, gen, start_ns, mean_gap_ns):
    keys = []
    for key, _, _ in S.events:
        keys += [key] * counts[key]
    assert len(keys) == N_LINES, (S.name, len(keys))
    S.rng.shuffle(keys)
    t = start_ns
    for key in keys:
        t += max(1, int(S.rng.expovariate(1.0 / mean_gap_ns)))
        vals, ctx = gen(key, t)
        S.lines.append((t, key, vals, ctx))


def merge_sim(S, raw):
    raw.sort(key=lambda x: (x[0], x[1]))
    S.lines = [(t, key, vals, ctx) for t, _, key, vals, ctx in raw[:N_LINES]]
    assert len(S.lines) == N_LINES, (S.name, len(raw))


# ==========================================================================
# 1. Ntopng (seeded shuffle)
# ==========================================================================
def build_ntopng():
    S = System(1, "Ntopng", "shuffle")
    E = S.ev
    E("reg", "Registered interface <*> [id: <*>]", src="Ntop.cpp:2874", lvl="")
    E("poll_start", "Started packet polling on interface <*> [id: <*>]...", src="NetworkInterface.cpp:3311", lvl="")
    E("poll_stop", "Terminated packet polling for <*>", src="PcapInterface.cpp:418", lvl="")
    E("redis_ok", "Successfully connected to redis <*>:<*>@<*>", src="Redis.cpp:145", lvl="")
    E("redis_err", "Redis connection error [<*>]: reconnecting in <*> sec", src="Redis.cpp:228", lvl="ERROR")
    E("dump", "Flows dump: exported <*> flows [<*> flows/sec][<*> dropped] to <*>", src="NetworkInterface.cpp:1902", lvl="")
    E("idle", "Purging idle flow <*>:<*> -> <*>:<*> [<*>][<*> pkts][<*> bytes]", src="Flow.cpp:5321", lvl="")
    E("alert_on", "Alert triggered [<*>][host: <*>][score: <*>]", src="AlertsManager.cpp:911", lvl="")
    E("alert_off", "Alert released [<*>][host: <*>][score: <*>]", src="AlertsManager.cpp:987", lvl="")
    E("hash_full", "Flow hash table is full on interface <*> [<*>/<*> entries]", src="NetworkInterface.cpp:2650", lvl="WARNING")
    E("license", "License <*> will expire on <*>", src="Ntop.cpp:1214", lvl="WARNING")
    E("resolve", "Unable to resolve address <*>: <*>", src="AddressResolution.cpp:96", lvl="ERROR")
    E("slow", "Periodic activity <*> is running late [<*> sec][max: <*> sec]", src="PeriodicActivities.cpp:402", lvl="WARNING")
    E("pools", "Reloading host pools [<*> pools][<*> members]", src="HostPools.cpp:533", lvl="")
    counts = dict(reg=4, poll_start=4, poll_stop=3, redis_ok=6, redis_err=8, dump=40, idle=90,
                  alert_on=30, alert_off=28, hash_full=20, license=5, resolve=18, slow=24, pools=20)

    ifaces = [("eno1", "1"), ("eno2", "2"), ("bond0", "3"), ("tcp://127.0.0.1:5556", "4")]
    protos = ["TLS.YouTube", "DNS.Google", "HTTP", "QUIC.Facebook", "SSH", "NTP", "SMBv23",
              "TLS.Microsoft365", "Unknown", "RDP", "TLS.AmazonAWS"]
    alerts = ["Blacklisted Country", "Remote to Remote", "Flow Flood Attacker", "Scan Detected",
              "Host Traffic Volume", "Unexpected DNS Server", "TLS Certificate Expired", "SYN Flood Victim"]
    r = S.rng

    def host(t):
        return r.choice([ip10(r), ip10(r), "ws-%03d.lab.lan" % r.randint(1, 240), ip_pub(r)])

    def gen(key, t):
        c = lambda i, p: S.cyc(key, i, p)
        if key in ("reg", "poll_start"):
            return list(c(0, ifaces)), {}
        if key == "poll_stop":
            return [c(0, ifaces)[0]], {}
        if key == "redis_ok":
            return [c(0, ["127.0.0.1", "redis-cache01"]), c(1, ["6379", "6380"]), c(2, ["0", "2"])], {}
        if key == "redis_err":
            return [c(0, ["Connection refused", "Connection reset by peer", "Server closed the connection",
                          "Operation timed out"]), c(1, ["1", "2", "5", "10"])], {}
        if key == "dump":
            n = r.randint(120, 48000)
            return [n, "%.2f" % (n / r.uniform(4.5, 6.0)), r.choice([0, 0, 0, r.randint(1, 900)]),
                    c(0, ["nIndex", "ClickHouse 127.0.0.1:9004", "MySQL 127.0.0.1:3306/ntopng",
                          "Elasticsearch http://es01:9200/_bulk"])], {}
        if key == "idle":
            return [ip10(r), r.randint(1024, 65535), r.choice([ip_pub(r), ip10(r)]),
                    r.choice([443, 53, 80, 22, 123, 445, 3389, 8443, r.randint(1024, 65535)]),
                    r.choice(protos), r.randint(1, 4200), r.randint(60, 6500000)], {}
        if key in ("alert_on", "alert_off"):
            return [c(0, alerts), host(t), r.choice([10, 50, 100, 150, 200, 250, 300])], {}
        if key == "hash_full":
            ifc, mx = c(0, [("eno1", 262144), ("bond0", 524288), ("tcp://127.0.0.1:5556", 131072)])
            return [ifc, mx - r.randint(0, 40), mx], {}
        if key == "license":
            return list(c(0, [("NTOPNG-PRO-8D2F-41C7-A39E", "2026-04-02 00:00:00"),
                              ("NPROBE-ENT-17B3-9E0A-C5D1", "2026-03-29 00:00:00")])), {}
        if key == "resolve":
            return [r.choice([ip10(r), ip_pub(r)]),
                    c(0, ["Name or service not known", "Temporary failure in name resolution",
                          "No address associated with hostname"])], {}
        if key == "slow":
            sc, mx = c(0, [("second.lua", 1), ("minute.lua", 60), ("5min.lua", 300),
                           ("housekeeping.lua", 3), ("timeseries.lua", 60)])
            return [sc, "%.2f" % (mx * r.uniform(1.05, 2.8)), mx], {}
        if key == "pools":
            return [r.randint(2, 14), r.randint(5, 380)], {}
        raise KeyError(key)

    def header(ns, h):
        hh, mm, ss, _ = tparts(ns)
        lvl = h["lvl"] + ": " if h["lvl"] else ""
        return "%02d/%s/%04d %02d:%02d:%02d [%s] %s" % (DAY, MONTHS[MONTH - 1], YEAR, hh, mm, ss, h["src"], lvl)

    S.header = header
    S.header_re = re.compile(r"\d\d/[A-Z][a-z]{2}/\d{4} \d\d:\d\d:\d\d \[[A-Za-z0-9_]+\.(?:cpp|h|c):\d+\] "
                             r"(?:(?:ERROR|WARNING): )?")

    def ts(hd):
        m = re.match(r"\d\d/[A-Z][a-z]{2}/\d{4} (\d\d):(\d\d):(\d\d)", hd)
        v = int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3))
        return 0, v, v
    S.ts_parse = ts
    run_shuffle(S, counts, gen, at(7, 41, 12) + r.randint(0, SEC), 2 * SEC)
    return S


# ==========================================================================
# 2. LibreNms (seeded shuffle; dispatcher service + Laravel log)
# ==========================================================================
def build_librenms():
    S = System(2, "LibreNms", "shuffle")
    E = S.ev
    E("poll", "Completed poller run for <*> in <*>", fmt="d", thr="Poller", lvl="INFO")
    E("disc", "Completed discovery run for <*> in <*>", fmt="d", thr="Discovery", lvl="INFO")
    E("lock", "Lock for device <*> is held by <*>, skipping", fmt="d", thr="Poller", lvl="WARNING")
    E("mod_load", "#### Load poller module <*> ####", fmt="l", lvl="DEBUG")
    E("mod_unload", "#### Unload poller module <*> ####", fmt="l", lvl="DEBUG")
    E("mod_rt", ">> Runtime for poller module '<*>': <*> seconds with <*> bytes", fmt="l", lvl="DEBUG")
    E("down", "Device <*> status changed to Down from <*> check.", fmt="l", lvl="WARNING")
    E("up", "Device <*> status changed to Up from <*> check.", fmt="l", lvl="INFO")
    E("snmp", "SNMP query failed for <*>: <*>", fmt="l", lvl="ERROR")
    E("al_on", "Alert rule \"<*>\" triggered for <*> (alert #<*>)", fmt="l", lvl="INFO")
    E("al_off", "Alert rule \"<*>\" recovered for <*> (alert #<*>)", fmt="l", lvl="INFO")
    E("transport", "Transport <*> failed for alert #<*>: <*>", fmt="l", lvl="ERROR")
    E("rrd", "rrdtool update failed for <*>: <*>", fmt="l", lvl="ERROR")
    E("added", "Added device <*> (<*>) using SNMP <*>", fmt="l", lvl="NOTICE")
    counts = dict(poll=90, disc=10, lock=6, mod_load=34, mod_unload=32, mod_rt=54, down=8, up=7,
                  snmp=20, al_on=15, al_off=12, transport=4, rrd=5, added=3)
    r = S.rng
    modules = ["core", "os", "availability", "ports", "ucd-mib", "ipSystemStats", "processors",
               "mempools", "storage", "sensors", "bgp-peers", "wireless", "netstats", "entity-physical",
               "ospf", "hr-mib", "applications", "mpls"]
    hosts = ["core-sw01.hq.example.net", "dist-sw04.hq.example.net", "fw-edge02", "ap-lobby-3",
             "rtr-branch17.example.net", "ups-dc2-a", "esx-host09.dc2", "acc-sw112", "10.44.0.17",
             "pdu-r12-b", "wlc01.campus", "rtr-mpls-pe3"]
    rules = ["Devices up/down", "Port status up/down", "Sensor over limit", "Disk usage above 90%",
             "BGP Session down", "Port utilisation over threshold", "Service up/down"]
    pollers = ["librenms-poller01", "librenms-poller02", "librenms-poller03"]

    def gen(key, t):
        c = lambda i, p: S.cyc(key, i, p)
        ctx = {}
        if key == "poll":
            ctx["thr"] = "Poller_0-%d" % r.randint(1, 16)
            return [r.randint(1, 214), "%.2fs" % r.uniform(0.8, 95.0)], ctx
        if key == "disc":
            ctx["thr"] = "Discovery_0-%d" % r.randint(1, 4)
            return [r.randint(1, 214), "%.2fs" % r.uniform(12.0, 410.0)], ctx
        if key == "lock":
            ctx["thr"] = "Poller_0-%d" % r.randint(1, 16)
            return [r.randint(1, 214), c(0, pollers)], ctx
        if key in ("mod_load", "mod_unload"):
            return [c(0, modules)], ctx
        if key == "mod_rt":
            return [c(0, modules), "%.4f" % r.uniform(0.001, 14.0), r.randint(-40000, 2600000)], ctx
        if key in ("down", "up"):
            return [c(0, hosts), c(1, ["icmp", "snmp"])], ctx
        if key == "snmp":
            h = c(0, hosts)
            return [h, c(1, ["Timeout: No Response from udp:%s:161" % ip10(r),
                             "snmpget: Unknown user name",
                             "Authentication failure (incorrect password, community or key)",
                             "Timeout: No Response from udp:%s:1161" % ip10(r)])], ctx
        if key in ("al_on", "al_off"):
            return [c(0, rules), c(1, hosts), r.randint(1200, 9800)], ctx
        if key == "transport":
            return [c(0, ["Mail", "Slack", "Opsgenie", "Telegram"]), r.randint(1200, 9800),
                    c(1, ["Connection could not be established with host smtp.example.net :stream_socket_client(): "
                          "unable to connect to smtp.example.net:587 (Connection timed out)",
                          "HTTP 429 Too Many Requests",
                          "cURL error 28: Operation timed out after 10001 milliseconds with 0 bytes received",
                          "Bad Request: chat not found"])], ctx
        if key == "rrd":
            h = c(0, hosts)
            path = "/opt/librenms/rrd/%s/port-id%d.rrd" % (h, r.randint(100, 9999))
            return [path, c(1, ["illegal attempt to update using time %d when last update time is %d "
                                "(minimum one second step)" % (1773470000 + r.randint(0, 999), 1773470000 + r.randint(1000, 1999)),
                                "opening '%s': No such file or directory" % path,
                                "could not lock RRD"])], ctx
        if key == "added":
            return [c(0, ["acc-sw113.hq.example.net", "ap-floor2-7", "rtr-branch21.example.net"]),
                    ip10(r), c(1, ["v2c", "v3"])], ctx
        raise KeyError(key)

    def header(ns, h):
        hh, mm, ss, frac = tparts(ns)
        if h["fmt"] == "d":
            return "%s %02d:%02d:%02d,%03d %s(%s):" % (iso_date(), hh, mm, ss, frac // MS, h["thr"], h["lvl"])
        return "[%s %02d:%02d:%02d] production.%s: " % (iso_date(), hh, mm, ss, h["lvl"])

    S.header = header
    S.header_re = re.compile(r"(?:\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} [A-Za-z][A-Za-z0-9_\-]*"
                             r"\((?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\):"
                             r"|\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] [a-z]+\."
                             r"(?:DEBUG|INFO|NOTICE|WARNING|ERROR|CRITICAL|ALERT|EMERGENCY): )")

    def ts(hd):
        m = re.match(r"\[?\d{4}-\d\d-\d\d (\d\d):(\d\d):(\d\d)(?:,(\d{3}))?", hd)
        v = int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3))
        if m.group(4) is not None:
            return 0, v * 1000 + int(m.group(4)), v
        return 1, v, v
    S.ts_parse = ts
    run_shuffle(S, counts, gen, at(11, 2, 40) + r.randint(0, SEC), int(1.6 * SEC))
    return S


# ==========================================================================
# 3. Netbox (simulation: gunicorn workers, client sessions, RQ jobs)
# ==========================================================================
def build_netbox():
    S = System(3, "Netbox", "simulation")
    E = S.ev
    E("g_boot", "Booting worker with pid: <*>", fmt="g", lvl="INFO")
    E("g_auto", "Autorestarting worker after current request.", fmt="g", lvl="INFO")
    E("g_timeout", "WORKER TIMEOUT (pid:<*>)", fmt="g", lvl="CRITICAL")
    E("g_exit", "Worker exiting (pid: <*>)", fmt="g", lvl="INFO")
    E("get200", "\"GET <*> HTTP/1.1\" 200 <*> \"<*>\" \"<*>\"", fmt="a")
    E("get404", "\"GET <*> HTTP/1.1\" 404 <*> \"<*>\" \"<*>\"", fmt="a")
    E("post201", "\"POST <*> HTTP/1.1\" 201 <*> \"-\" \"<*>\"", fmt="a")
    E("patch200", "\"PATCH <*> HTTP/1.1\" 200 <*> \"-\" \"<*>\"", fmt="a")
    E("del204", "\"DELETE <*> HTTP/1.1\" 204 0 \"-\" \"<*>\"", fmt="a")
    E("rq_hook", "default: extras.webhooks_worker.process_webhook(webhook=<Webhook: <*>>, model_name='<*>', "
                 "event='<*>', timestamp='<*>', username='<*>', request_id=UUID('<*>')) (<*>)", fmt="r")
    E("rq_script", "default: extras.scripts.run_script(data=<*>, job=<Job: <*>>, "
                   "request=<utilities.request.NetBoxFakeRequest object at <*>>, commit=<*>) (<*>)", fmt="r")
    E("rq_ok", "default: Job OK (<*>)", fmt="r")
    E("rq_kept", "Result is kept for 500 seconds", fmt="r")
    E("rq_exc", "[Job <*>]: exception raised while executing (<*>)", fmt="r")
    E("rq_clean", "Cleaning registries for queue: <*>", fmt="r")
    r = S.rng
    raw = []

    def emit(t, key, vals, **ctx):
        raw.append((t, len(raw), key, [str(v) for v in vals], ctx))

    T0 = at(9, 12, 5) + r.randint(0, SEC)
    HORIZON = T0 + 1500 * SEC

    # --- gunicorn worker lifecycle: timeouts and max_requests restarts ---
    master = 27
    workers = [34, 35, 36, 37, 38]
    nextpid = [611]
    t = T0 + 9 * SEC
    kinds = ["timeout", "auto", "auto", "timeout", "auto", "timeout", "auto", "timeout"]
    for i, kind in enumerate(kinds):
        t += int(r.uniform(8, 21) * SEC)
        w = i % len(workers)
        old = workers[w]
        new = nextpid[0]
        nextpid[0] += r.randint(1, 40)
        workers[w] = new
        if kind == "timeout":
            emit(t, "g_timeout", [old], pid=master, lvl="CRITICAL")
            emit(t + r.randint(2, 9) * MS, "g_exit", [old], pid=old, lvl="INFO")
            emit(t + r.randint(40, 120) * MS, "g_boot", [new], pid=master, lvl="INFO")
        else:
            emit(t, "g_auto", [], pid=old, lvl="INFO")
            emit(t + r.randint(150, 900) * MS, "g_exit", [old], pid=old, lvl="INFO")
            emit(t + r.randint(1000, 1300) * MS, "g_boot", [new], pid=master, lvl="INFO")

    # --- RQ registry maintenance ---
    t = T0 + 37 * SEC
    while t < HORIZON:
        for j, q in enumerate(["high", "default", "low"]):
            emit(t + j * 3 * MS, "rq_clean", [q])
        t += 600 * SEC

    # --- RQ jobs ---
    hooks_done = [0]
    hook_names = ["Slack #netops", "Ansible AWX sync", "DNS updater", "CMDB push"]

    def webhook_job(t, model, event, user):
        jid = uuid4(r)
        ts = t - r.randint(20, 400) * MS
        h, m, s, frac = tparts(ts)
        stamp = "%s %02d:%02d:%02d.%06d+00:00" % (iso_date(), h, m, s, frac // US)
        emit(t, "rq_hook", [S.cyc("rq_hook", 0, hook_names), model, event, stamp, user, uuid4(r), jid])
        hooks_done[0] += 1
        end = t + int(r.uniform(0.08, 3.2) * SEC)
        if hooks_done[0] % 6 == 2:
            emit(end, "rq_exc", [jid, "extras.webhooks_worker.process_webhook"])
        else:
            emit(end, "rq_ok", [jid])
            emit(end + r.randint(1, 4) * MS, "rq_kept", [])

    scripts = [("{'site': 4, 'dry_run': False}", "True"), ("{}", "False"),
               ("{'prefix_length': 24, 'vlan_group': 2}", "True"), ("{'rack': 118}", "False")]
    t = T0 + 14 * SEC
    n = 0
    while t < HORIZON:
        jid = uuid4(r)
        data, commit = scripts[n % len(scripts)]
        emit(t, "rq_script", [data, uuid4(r), "0x7f%s" % hexs(r, 10), commit, jid])
        end = t + int(r.uniform(1.5, 24.0) * SEC)
        if n % 3 == 1:
            emit(end, "rq_exc", [jid, "extras.scripts.run_script"])
        else:
            emit(end, "rq_ok", [jid])
            emit(end + r.randint(1, 4) * MS, "rq_kept", [])
        n += 1
        t += int(r.uniform(35, 80) * SEC)

    # --- client sessions ---
    ui_paths = ["/dcim/devices/%d/", "/dcim/devices/?q=%d", "/ipam/prefixes/%d/", "/dcim/sites/%d/",
                "/ipam/ip-addresses/?parent=10.%d.0.0/16", "/circuits/circuits/%d/", "/dcim/racks/%d/",
                "/dcim/interfaces/%d/", "/extras/scripts/results/%d/", "/virtualization/virtual-machines/%d/"]
    api_get = ["/api/dcim/devices/?limit=50&offset=%d", "/api/ipam/ip-addresses/?address=10.20.%d.1/24",
               "/api/dcim/interfaces/?device_id=%d", "/api/ipam/prefixes/%d/", "/api/status/?_=%d",
               "/api/dcim/sites/?slug=site-%d", "/api/virtualization/virtual-machines/?cluster_id=%d",
               "/api/extras/custom-fields/?limit=%d"]
    writable = [("dcim/devices", "device"), ("dcim/interfaces", "interface"),
                ("ipam/ip-addresses", "ipaddress"), ("ipam/prefixes", "prefix"), ("dcim/cables", "cable")]
    ua_ui = ["Mozilla/5.0 (X11; Linux x86_64; rv:124.0) Gecko/20100101 Firefox/124.0",
             "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
             "Chrome/122.0.0.0 Safari/537.36",
             "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15 (KHTML, like Gecko) "
             "Version/17.3 Safari/605.1.15"]
    ua_api = ["python-requests/2.31.0", "pynetbox/7.3.3", "ansible-httpget",
              "Go-http-client/1.1", "curl/8.5.0", "Terraform/1.7.4 terraform-provider-netbox/3.8.1"]
    users = ["jkowalski", "mfernandes", "automation", "svc-awx", "tnguyen", "admin", "okarlsson"]
    t = T0
    sess = 0
    while t < HORIZON:
        t += int(r.expovariate(1.0 / 9.0) * SEC) + 1
        sess += 1
        ui = (sess % 3 != 0)
        ip = ip10(r)
        user = r.choice(users)
        ua = r.choice(ua_ui) if ui else r.choice(ua_api)
        tt = t
        ref = "-"
        for _ in range(r.randint(3, 16) if ui else r.randint(4, 22)):
            tt += int(r.expovariate(1.0 / (5.5 if ui else 0.7)) * SEC) + r.randint(5, 90) * MS
            x = r.random()
            size = r.randint(180, 96000)
            if ui:
                path = r.choice(ui_paths) % r.randint(1, 4200)
                if x < 0.93:
                    emit(tt, "get200", [path, size, ref, ua], ip=ip)
                    ref = "https://netbox.example.net" + path
                else:
                    emit(tt, "get404", [path, r.randint(4800, 5200), ref, ua], ip=ip)
                continue
            coll, model = r.choice(writable)
            if x < 0.56:
                emit(tt, "get200", [r.choice(api_get) % r.randint(0, 900), size, "-", ua], ip=ip)
            elif x < 0.64:
                emit(tt, "get404", ["/api/%s/%d/" % (coll, r.randint(1, 9999)), r.randint(20, 40), "-", ua], ip=ip)
            elif x < 0.80:
                emit(tt, "post201", ["/api/%s/" % coll, r.randint(900, 4200), ua], ip=ip)
                if r.random() < 0.7:
                    webhook_job(tt + r.randint(20, 300) * MS, model, "created", user)
            elif x < 0.93:
                emit(tt, "patch200", ["/api/%s/%d/" % (coll, r.randint(1, 9999)), r.randint(900, 4200), ua], ip=ip)
                if r.random() < 0.7:
                    webhook_job(tt + r.randint(20, 300) * MS, model, "updated", user)
            else:
                emit(tt, "del204", ["/api/%s/%d/" % (coll, r.randint(1, 9999)), ua], ip=ip)
                if r.random() < 0.7:
                    webhook_job(tt + r.randint(20, 300) * MS, model, "deleted", user)

    def header(ns, h):
        hh, mm, ss, _ = tparts(ns)
        if h["fmt"] == "g":
            return "[%s %02d:%02d:%02d +0000] [%d] [%s] " % (iso_date(), hh, mm, ss, h["pid"], h["lvl"])
        if h["fmt"] == "a":
            return "%s - - [%02d/%s/%04d:%02d:%02d:%02d +0000] " % (h["ip"], DAY, MONTHS[MONTH - 1], YEAR, hh, mm, ss)
        return "%02d:%02d:%02d " % (hh, mm, ss)

    S.header = header
    S.header_re = re.compile(r"(?:\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}\] \[\d+\] "
                             r"\[(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\] "
                             r"|\d{1,3}(?:\.\d{1,3}){3} - \S+ \[\d\d/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}\] "
                             r"|\d\d:\d\d:\d\d )")

    def ts(hd):
        m = (re.match(r"\[\d{4}-\d\d-\d\d (\d\d):(\d\d):(\d\d)", hd)
             or re.match(r"\S+ - \S+ \[\d\d/[A-Z][a-z]{2}/\d{4}:(\d\d):(\d\d):(\d\d)", hd)
             or re.match(r"(\d\d):(\d\d):(\d\d) ", hd))
        v = int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3))
        return 0, v, v
    S.ts_parse = ts
    merge_sim(S, raw)
    return S


# ==========================================================================
# 4. Oxidized (simulation: nodes with fetch jobs, retries, git + hooks)
# ==========================================================================
def build_oxidized():
    S = System(4, "Oxidized", "simulation")
    E = S.ev
    E("parallel", "lib/oxidized/worker.rb: <*> jobs running in parallel", lvl="DEBUG")
    E("queued", "lib/oxidized/worker.rb: Added <*> to the job queue", lvl="DEBUG")
    E("conn_ssh", "lib/oxidized/input/ssh.rb: Connecting to <*>", lvl="DEBUG")
    E("conn_telnet", "lib/oxidized/input/telnet.rb: Connecting to <*>", lvl="DEBUG")
    E("raised", "<*> raised <*> with msg \"<*>\"", lvl="WARN")
    E("retry", "<*> status no_connection, retry attempt <*>", lvl="WARN")
    E("giveup", "<*> status no_connection, retries exhausted, giving up", lvl="WARN")
    E("fetched", "lib/oxidized/worker.rb: Config fetched for <*> at <*>", lvl="DEBUG")
    E("updated", "Configuration updated for <*>", lvl="INFO")
    E("nochange", "lib/oxidized/output/git.rb: No changes for <*>, skipping commit", lvl="DEBUG")
    E("commit", "lib/oxidized/output/git.rb: Committing <*> to <*>", lvl="DEBUG")
    E("push", "GithubRepo: Pushing local repository(<*>)", lvl="INFO")
    E("remote", "GithubRepo: to remote: <*>", lvl="INFO")
    E("hookfail", "Hook <*> (<*>) failed (<*>) for event <*>", lvl="ERROR")
    E("loaded", "lib/oxidized/nodes.rb: Loaded <*> nodes", lvl="INFO")
    r = S.rng
    raw = []

    def emit(t, key, vals, **ctx):
        raw.append((t, len(raw), key, [str(v) for v in vals], ctx))

    T0 = at(2, 30, 0) + r.randint(0, SEC)
    HORIZON = T0 + 5400 * SEC
    groups = ["dc1", "dc2", "branch"]
    roles = ["core-sw", "dist-sw", "acc-sw", "edge-rtr", "fw", "wan-rtr", "oob-sw"]
    nodes = []
    for i in range(42):
        g = groups[i % 3]
        name = "%s%02d-%s" % (roles[(i * 5) % len(roles)], i + 1, g if g != "branch" else "br%d" % (i % 9 + 1))
        nodes.append(dict(name="%s/%s" % (g, name), group=g, ip=ip10(r),
                          telnet=(i % 8 == 5), dead=(i % 9 == 4)))
    retries = 3
    errors = [("Net::SSH::ConnectionTimeout", "Net::SSH::ConnectionTimeout"),
              ("Errno::ECONNREFUSED", "Connection refused - connect(2) for %s:22"),
              ("Timeout::Error", "execution expired"),
              ("Errno::EHOSTUNREACH", "No route to host - connect(2) for %s:22"),
              ("Net::SSH::AuthenticationFailed", "Authentication failed for user oxidized@%s")]

    # build job list first (start, end, node, attempt)
    jobs = []
    pending = []
    for nd in nodes:
        pending.append((T0 + int(r.uniform(2, 900) * SEC), nd, 0))
    counters = {"pushes": 0, "fails": 0}
    pending.sort(key=lambda x: x[0])
    while pending:
        pending.sort(key=lambda x: x[0])
        start, nd, attempt = pending.pop(0)
        if start > HORIZON:
            continue
        fail = nd["dead"] or (r.random() < 0.06)
        if fail:
            end = start + int(r.uniform(20, 31) * SEC)
        else:
            end = start + int(r.uniform(1.5, 38) * SEC)
        jobs.append((start, end, nd, attempt, fail))
        if fail and attempt < retries:
            pending.append((end + int(r.uniform(1, 6) * SEC), nd, attempt + 1))
        elif start + 1800 * SEC < HORIZON:
            pending.append((start + int(r.uniform(1700, 1900) * SEC), nd, 0))

    for start, end, nd, attempt, fail in jobs:
        active = sum(1 for s2, e2, _, _, _ in jobs if s2 <= start < e2)
        emit(start, "queued", [nd["name"]])
        emit(start + r.randint(1, 4) * MS, "parallel", [active])
        emit(start + r.randint(10, 60) * MS, "conn_telnet" if nd["telnet"] else "conn_ssh", [nd["ip"]])
        if fail:
            cls, msg = errors[counters["fails"] % len(errors)] if nd["dead"] else errors[2]
            counters["fails"] += 1
            emit(end, "raised", [nd["name"], cls, msg % nd["ip"] if "%s" in msg else msg])
            if attempt < retries:
                emit(end + r.randint(1, 5) * MS, "retry", [nd["name"], attempt + 1])
            else:
                emit(end + r.randint(1, 5) * MS, "giveup", [nd["name"]])
                emit(end + r.randint(300, 2500) * MS, "hookfail",
                     ["notify_ops", "#<ExecHook:0x00007f%s>" % hexs(r, 10),
                      "#<Timeout::Error: execution expired>", "node_fail"])
            continue
        h, m, s, _ = tparts(end)
        emit(end, "fetched", [nd["name"], "%s %02d:%02d:%02d UTC" % (iso_date(), h, m, s)])
        if r.random() < 0.38:
            repo = "/var/lib/oxidized/repos/%s.git" % nd["group"]
            emit(end + r.randint(2, 9) * MS, "commit", [nd["name"], repo])
            emit(end + r.randint(40, 180) * MS, "updated", [nd["name"]])
            emit(end + r.randint(200, 400) * MS, "push", [repo])
            t2 = end + r.randint(400, 600) * MS
            emit(t2, "remote", ["git@git.example.net:netops/%s-configs.git" % nd["group"]])
            counters["pushes"] += 1
            if counters["pushes"] % 5 == 3:
                emit(t2 + r.randint(800, 9000) * MS, "hookfail",
                     ["push_to_remote", "#<GithubRepo:0x00007f%s>" % hexs(r, 10),
                      S.cyc("hookfail", 2, ["#<Rugged::NetworkError: failed to connect to git.example.net: "
                                            "Connection timed out>",
                                            "#<Rugged::SshError: Failed to authenticate SSH session: "
                                            "Unable to open public key file>"]),
                      "post_store"])
        else:
            emit(end + r.randint(2, 9) * MS, "nochange", [nd["name"]])

    t = T0 + r.randint(100, 900) * MS
    cnt = len(nodes)
    while t < HORIZON:
        emit(t, "loaded", [cnt])
        cnt += r.choice([0, 1, 1, -1, 2])
        t += int(r.uniform(170, 230) * SEC)

    def header(ns, h):
        hh, mm, ss, frac = tparts(ns)
        return "%s, [%sT%02d:%02d:%02d.%06d #%d] %5s -- : " % (h["lvl"][0], iso_date(), hh, mm, ss,
                                                             frac // US, 1187, h["lvl"])

    S.header = header
    S.header_re = re.compile(r"[DIWEFA], \[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6} #\d+\] +"
                             r"(?:DEBUG|INFO|WARN|ERROR|FATAL|ANY) -- [^:]*: ")

    def ts(hd):
        m = re.search(r"T(\d\d):(\d\d):(\d\d)\.(\d{6})", hd)
        v = int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3))
        return 0, v * 10 ** 6 + int(m.group(4)), v
    S.ts_parse = ts
    merge_sim(S, raw)
    return S


# ==========================================================================
# 5. Rsyslogd (seeded shuffle; traditional file format)
# ==========================================================================
def build_rsyslogd():
    S = System(5, "Rsyslogd", "shuffle")
    E = S.ev
    V = "v8.2312.0"
    E("hup", "[origin software=\"rsyslogd\" swVersion=\"8.2312.0\" x-pid=\"<*>\" "
             "x-info=\"https://www.rsyslog.com\"] rsyslogd was HUPed", pid=False)
    E("start", "[origin software=\"rsyslogd\" swVersion=\"8.2312.0\" x-pid=\"<*>\" "
               "x-info=\"https://www.rsyslog.com\"] start", pid=False)
    E("exit", "[origin software=\"rsyslogd\" swVersion=\"8.2312.0\" x-pid=\"<*>\" "
              "x-info=\"https://www.rsyslog.com\"] exiting on signal <*>.", pid=False)
    E("jreload", "imjournal: journal files changed, reloading...  [%s try https://www.rsyslog.com/e/0 ]" % V, pid=True)
    E("jlost", "imjournal: <*> messages lost due to rate-limiting (20000 allowed within 600 seconds)", pid=True)
    E("susp", "action 'action-<*>-builtin:omfwd' suspended (module 'builtin:omfwd'), retry <*>. There should "
              "be messages before this one giving the reason for suspension. [%s try "
              "https://www.rsyslog.com/e/2007 ]" % V, pid=True)
    E("resum", "action 'action-<*>-builtin:omfwd' resumed (module 'builtin:omfwd') [%s try "
               "https://www.rsyslog.com/e/2359 ]" % V, pid=True)
    E("closed", "omfwd: remote server at <*>:<*> seems to have closed connection. This often happens when the "
                "remote peer (or an interim system like a load balancer or firewall) shuts down or aborts a "
                "connection. Rsyslog will re-open the connection if configured to do so (we saw a generic IO "
                "Error, which usually goes along with that behaviour). [%s try https://www.rsyslog.com/e/2027 ]" % V,
      pid=True)
    E("noconn", "omfwd: cannot connect to <*>:<*>: <*> [%s try https://www.rsyslog.com/e/2027 ]" % V, pid=True)
    E("daq", "<*>: queue files exist on disk, re-starting with <*> messages. This will keep the disk queue file "
             "open, details: https://rainer.gerhards.net/2013/07/rsyslog-why-disk-assisted-queues-keep-a-file-"
             "open.html [%s try https://www.rsyslog.com/e/0 ]" % V, pid=True)
    E("gid", "rsyslogd's groupid changed to <*>", pid=True)
    E("uid", "rsyslogd's userid changed to <*>", pid=True)
    E("sock", "imuxsock: Acquired UNIX socket '<*>' (fd <*>) from systemd.  [%s]" % V, pid=True)
    E("openerr", "file '<*>': open error: <*> [%s try https://www.rsyslog.com/e/2433 ]" % V, pid=True)
    counts = dict(hup=12, start=4, exit=3, jreload=60, jlost=10, susp=75, resum=64, closed=20, noconn=25,
                  daq=5, gid=4, uid=4, sock=6, openerr=8)
    r = S.rng
    pids = ["812", "23871", "24102", "1377"]
    targets = [("10.60.0.21", "514"), ("logs.corp.example.net", "6514"), ("10.60.0.22", "10514"),
               ("siem-collector01", "514")]

    def gen(key, t):
        c = lambda i, p: S.cyc(key, i, p)
        ctx = {"p": "812"}
        if key in ("hup", "start"):
            return [c(0, pids)], ctx
        if key == "exit":
            return [c(0, pids), c(1, ["15", "2"])], ctx
        if key == "jreload":
            return [], ctx
        if key == "jlost":
            return [r.randint(12, 48000)], ctx
        if key == "susp":
            return [c(0, ["0", "1", "2", "4"]), r.randint(0, 40)], ctx
        if key == "resum":
            return [c(0, ["0", "1", "2", "4"])], ctx
        if key == "closed":
            return list(c(0, targets)), ctx
        if key == "noconn":
            h, p = c(0, targets)
            return [h, p, c(1, ["Connection refused", "No route to host", "Connection timed out",
                                "Network is unreachable"])], ctx
        if key == "daq":
            return [c(0, ["main Q:DAq", "action-1-builtin:omfwd queue:DAq"]), r.randint(40, 210000)], ctx
        if key == "gid":
            return [c(0, ["110", "4"])], ctx
        if key == "uid":
            return [c(0, ["104", "107"])], ctx
        if key == "sock":
            return [c(0, ["/run/systemd/journal/syslog", "/dev/log"]), c(1, ["3", "4"])], ctx
        if key == "openerr":
            return [c(0, ["/var/log/remote/fw-edge02/messages.log", "/var/log/haproxy.log",
                          "/srv/logs/%d/auth.log" % r.randint(2, 9)]),
                    c(1, ["Permission denied", "No such file or directory", "Read-only file system"])], ctx
        raise KeyError(key)

    def header(ns, h):
        hh, mm, ss, _ = tparts(ns)
        tag = "rsyslogd[%s]:" % h["p"] if h["pid"] else "rsyslogd:"
        return "%s %2d %02d:%02d:%02d logrelay01 %s " % (MONTHS[MONTH - 1], DAY, hh, mm, ss, tag)

    S.header = header
    S.header_re = re.compile(r"[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d [A-Za-z0-9._\-]+ rsyslogd(?:\[\d+\])?: ")

    def ts(hd):
        m = re.match(r"[A-Z][a-z]{2} [ \d]\d (\d\d):(\d\d):(\d\d)", hd)
        v = int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3))
        return 0, v, v
    S.ts_parse = ts
    run_shuffle(S, counts, gen, at(0, 6, 25) + r.randint(0, SEC), 45 * SEC)
    return S


# ==========================================================================
# 6. BlackboxExporter (seeded shuffle; go-kit logfmt)
# ==========================================================================
def build_blackbox():
    S = System(6, "BlackboxExporter", "shuffle")
    E = S.ev
    E("begin", "msg=\"Beginning probe\" probe=<*> timeout_seconds=<*>", caller="handler.go:184", lvl="debug", mt=True)
    E("resolving", "msg=\"Resolving target address\" target=<*> ip_protocol=<*>", caller="utils.go:61", lvl="debug", mt=True)
    E("resolved", "msg=\"Resolved target address\" target=<*> ip=<*>", caller="utils.go:96", lvl="debug", mt=True)
    E("http_req", "msg=\"Making HTTP request\" url=<*> host=<*>", caller="http.go:470", lvl="debug", mt=True)
    E("http_resp", "msg=\"Received HTTP response\" status_code=<*>", caller="http.go:557", lvl="debug", mt=True)
    E("http_bad", "msg=\"Invalid HTTP response status code, wanted 2xx\" status_code=<*>", caller="http.go:583",
      lvl="info", mt=True)
    E("ok", "msg=\"Probe succeeded\" duration_seconds=<*>", caller="handler.go:184", lvl="info", mt=True)
    E("fail", "msg=\"Probe failed\" duration_seconds=<*>", caller="handler.go:184", lvl="error", mt=True)
    E("http_err", "msg=\"Error for HTTP request\" err=\"<*>\"", caller="http.go:544", lvl="error", mt=True)
    E("tcp_dial", "msg=\"Dialing TCP without TLS\"", caller="tcp.go:104", lvl="debug", mt=True)
    E("tcp_err", "msg=\"Error dialing TCP\" err=\"<*>\"", caller="tcp.go:120", lvl="error", mt=True)
    E("icmp_pkt", "msg=\"Creating ICMP packet\" seq=<*> id=<*>", caller="icmp.go:205", lvl="debug", mt=True)
    E("cfg_ok", "msg=\"Loaded config file\"", caller="main.go:91", lvl="info", mt=False)
    E("cfg_err", "msg=\"Error reloading config\" err=\"<*>\"", caller="main.go:144", lvl="error", mt=False)
    counts = dict(begin=50, resolving=45, resolved=40, http_req=30, http_resp=28, http_bad=8, ok=40, fail=14,
                  http_err=7, tcp_dial=12, tcp_err=6, icmp_pkt=12, cfg_ok=4, cfg_err=4)
    r = S.rng
    http_t = [("http_2xx", "https://intranet.example.org/healthz"), ("http_2xx", "https://status.example.com"),
              ("http_post_2xx", "https://api.shop.example.com/v1/ping"), ("http_2xx", "http://10.30.4.18:8080/metrics"),
              ("http_2xx_ipv4", "https://sso.corp.example.net/auth/realms/master")]
    tcp_t = [("tcp_connect", "db01.corp.example.net:5432"), ("tcp_connect", "10.30.7.40:6379"),
             ("tcp_connect", "mq02.corp.example.net:5672")]
    icmp_t = [("icmp", "10.30.0.1"), ("icmp_ipv4", "gw-branch04.corp.example.net"), ("icmp", "10.31.255.254")]
    dns_t = [("dns_udp", "10.30.0.53"), ("dns_udp", "10.31.0.53")]
    probe_of = {"htt": "http", "tcp": "tcp", "icm": "icmp", "dns": "dns"}

    def hostpart(target):
        t = target.split("://")[-1]
        t = t.split("/")[0]
        return t.rsplit(":", 1)[0] if re.search(r":\d+$", t) else t

    def gen(key, t):
        c = lambda i, p: S.cyc(key, i, p)
        ctx = {}
        if key in ("http_req", "http_resp", "http_bad", "http_err"):
            mod, tgt = c(8, http_t)
        elif key in ("tcp_dial", "tcp_err"):
            mod, tgt = c(8, tcp_t)
        elif key == "icmp_pkt":
            mod, tgt = c(8, icmp_t)
        else:
            mod, tgt = c(8, http_t + tcp_t + icmp_t + dns_t)
        ctx["mod"], ctx["tgt"] = mod, tgt
        kind = probe_of[mod[:3]]
        if key == "begin":
            return [kind, c(0, ["119.5", "9.5", "4.5", "14.5"])], ctx
        if key == "resolving":
            return [hostpart(tgt), c(0, ["ip4", "ip6"])], ctx
        if key == "resolved":
            h = hostpart(tgt)
            return [h, h if re.match(r"^\d+\.\d+\.\d+\.\d+$", h) else ip10(r)], ctx
        if key == "http_req":
            h = hostpart(tgt)
            ip = h if re.match(r"^\d+\.\d+\.\d+\.\d+$", h) else ip10(r)
            u = tgt.replace(h, ip, 1)
            return [u, h], ctx
        if key == "http_resp":
            return [c(0, ["200", "200", "204", "301", "200", "503", "404"])], ctx
        if key == "http_bad":
            return [c(0, ["503", "404", "502", "401"])], ctx
        if key in ("ok", "fail"):
            return ["%.6f" % r.uniform(0.0008, 9.9), ], ctx
        if key == "http_err":
            h = hostpart(tgt)
            return [c(0, ["Get \\\"%s\\\": context deadline exceeded" % tgt,
                          "Get \\\"%s\\\": dial tcp %s:443: connect: connection refused" % (tgt, ip10(r)),
                          "Post \\\"%s\\\": tls: failed to verify certificate: x509: certificate has expired "
                          "or is not yet valid" % tgt,
                          "Get \\\"%s\\\": dial tcp: lookup %s on 127.0.0.53:53: no such host" % (tgt, h)])], ctx
        if key == "tcp_dial":
            return [], ctx
        if key == "tcp_err":
            return [c(0, ["dial tcp %s: connect: connection refused" % ip10(r),
                          "dial tcp %s: i/o timeout" % ip10(r),
                          "dial tcp %s: connect: no route to host" % ip10(r)])], ctx
        if key == "icmp_pkt":
            return [r.randint(1, 65535), r.randint(1, 65535)], ctx
        if key == "cfg_ok":
            return [], ctx
        if key == "cfg_err":
            return [c(0, ["error parsing config file: yaml: line 41: did not find expected key",
                          "error parsing config file: unknown module prober \\\"htttp\\\"",
                          "error parsing config file: yaml: unmarshal errors: line 12: field valid_status "
                          "not found in type config.HTTPProbe"])], ctx
        raise KeyError(key)

    def header(ns, h):
        hh, mm, ss, frac = tparts(ns)
        s = "ts=%sT%02d:%02d:%02d.%03dZ caller=%s " % (iso_date(), hh, mm, ss, frac // MS, h["caller"])
        if h["mt"]:
            s += "module=%s target=%s " % (h["mod"], h["tgt"])
        return s + "level=%s " % h["lvl"]

    S.header = header
    S.header_re = re.compile(r"ts=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z caller=[A-Za-z0-9_]+\.go:\d+ "
                             r"(?:module=\S+ target=\S+ )?level=(?:debug|info|warn|error) ")

    def ts(hd):
        m = re.match(r"ts=\d{4}-\d\d-\d\dT(\d\d):(\d\d):(\d\d)\.(\d{3})Z", hd)
        v = int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3))
        return 0, v * 1000 + int(m.group(4)), v
    S.ts_parse = ts
    run_shuffle(S, counts, gen, at(16, 20, 3) + r.randint(0, SEC), 400 * MS)
    return S


BUILDERS = [build_ntopng, build_librenms, build_netbox, build_oxidized, build_rsyslogd, build_blackbox]


# --------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------
def write_system(S):
    d = os.path.join(HERE, S.name)
    os.makedirs(d, exist_ok=True)
    rows = S.render()
    with open(os.path.join(d, S.name + ".log"), "w", encoding="utf-8", newline="") as f:
        for raw, _, _, _ in rows:
            f.write(raw + "\n")
    with open(os.path.join(d, S.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_, content, eid, tpl) in enumerate(rows, 1):
            w.writerow([i, content, eid, tpl])


# --------------------------------------------------------------------------
# self-check
# --------------------------------------------------------------------------
def check_system(S):
    d = os.path.join(HERE, S.name)
    errs = []
    with open(os.path.join(d, S.name + ".log"), "rb") as f:
        logb = f.read()
    with open(os.path.join(d, S.name + ".log_structured.csv"), "rb") as f:
        csvb = f.read()
    for nm, b in (("log", logb), ("csv", csvb)):
        if not b.endswith(b"\n"):
            errs.append("%s does not end with newline" % nm)
        if b"\r" in b:
            errs.append("%s contains CR" % nm)
    lines = logb.decode("utf-8").split("\n")[:-1]
    rows = list(csv.reader(csvb.decode("utf-8").splitlines()))
    if not rows or rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header")
    rows = rows[1:]
    if len(lines) != N_LINES:
        errs.append("log has %d lines" % len(lines))
    if len(rows) != N_LINES:
        errs.append("csv has %d rows" % len(rows))
    declared = ["E%d" % (i + 1) for i in range(len(S.events))]
    tpl_of = {}
    counts = {}
    slot_vals = {}
    last_fmt = {}
    last_sec = -1
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errs.append("row %d LineId %s" % (i, lid))
        if not content or content != content.strip():
            errs.append("row %d content empty/unstripped" % i)
        if not line.endswith(content):
            errs.append("line %d does not end with content" % i)
            continue
        hdr = line[:len(line) - len(content)]
        if not S.header_re.fullmatch(hdr):
            errs.append("line %d header mismatch: %r" % (i, hdr))
            continue
        fmt, val, whole = S.ts_parse(hdr)
        if whole < last_sec or (fmt in last_fmt and val < last_fmt[fmt]):
            errs.append("line %d timestamp goes back" % i)
        last_sec = max(last_sec, whole)
        last_fmt[fmt] = val
        if not re.fullmatch(r"E\d+", eid) or eid not in declared:
            errs.append("row %d bad EventId %s" % (i, eid))
            continue
        if tpl != S.events[int(eid[1:]) - 1][1]:
            errs.append("row %d template differs from declaration" % i)
        if tpl_of.setdefault(eid, tpl) != tpl:
            errs.append("EventId %s has two templates" % eid)
        m = tpl_regex(tpl).fullmatch(content)
        if not m:
            errs.append("row %d template does not match content" % i)
            continue
        counts[eid] = counts.get(eid, 0) + 1
        for j, g in enumerate(m.groups()):
            slot_vals.setdefault((eid, j), set()).add(g)
    if len(set(tpl_of.values())) != len(tpl_of):
        errs.append("two EventIds share a template")
    missing = [e for e in declared if e not in counts]
    if missing:
        errs.append("declared events unused: %s" % missing)
    for eid, tpl in tpl_of.items():
        for j in range(tpl.count("<*>")):
            if len(slot_vals.get((eid, j), ())) < 2:
                errs.append("%s slot %d has < 2 distinct values" % (eid, j + 1))
    c = sorted(counts.values())
    n_ev = len(S.events)
    if not 12 <= n_ev <= 15:
        errs.append("%d event types" % n_ev)
    if c and min(c) < 3:
        errs.append("some event has < 3 lines: %s" % {e: n for e, n in counts.items() if n < 3})
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines")
    med = statistics.median(c) if c else 0
    if c and max(c) < 3 * med:
        errs.append("largest %d < 3x median %.1f" % (max(c), med))
    return errs, counts, med


def main():
    systems = [b() for b in BUILDERS]
    for S in systems:
        write_system(S)
    ok = True
    print("%-18s %-10s %6s %6s %5s %5s %6s  %s" % ("system", "kind", "lines", "events", "min", "max", "median", "status"))
    for S in systems:
        errs, counts, med = check_system(S)
        c = list(counts.values())
        print("%-18s %-10s %6d %6d %5d %5d %6.1f  %s" % (S.name, S.kind, sum(c), len(counts),
                                                        min(c) if c else 0, max(c) if c else 0, med,
                                                        "OK" if not errs else "FAIL"))
        for e in errs[:25]:
            print("    - " + e)
        ok = ok and not errs
    if not ok:
        print("SELF-CHECK FAILED")
        sys.exit(1)
    print("self-check passed")


if __name__ == "__main__":
    main()
