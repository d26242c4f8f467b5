#!/usr/bin/env python3
"""Sealed 69: blind labelled log corpus generator.

Python 3 standard library only and fully deterministic: no wall clock, no
locale.  Base seed 20270199; system k (1..6) uses random.Random(20270199*10+k).
All times come from an integer nanosecond clock on 2026-03-14 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for the six systems plus README.md, then re-reads every file and self-checks it.
"""
import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270199
OUT_DIR = os.path.dirname(os.path.abspath(__file__))
YEAR, MONTH, DAY = 2026, 3, 14
DATE = "%04d-%02d-%02d" % (YEAR, MONTH, DAY)
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
NS = 1_000_000_000
MS = 1_000_000
US = 1_000
DAY_NS = 86400 * NS
N_LINES = 300
LEVELS = "(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)"


# ----------------------------------------------------------------------------
# clock helpers (nanoseconds since 2026-03-14 00:00:00 UTC)
# ----------------------------------------------------------------------------
def _hms(ns):
    if not 0 <= ns < DAY_NS:
        raise ValueError("clock left 2026-03-14: %d" % ns)
    sec, frac = divmod(ns, NS)
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    return h, m, s, frac


def ts_ms(ns, sep=","):
    h, m, s, frac = _hms(ns)
    return "%s %02d:%02d:%02d%s%03d" % (DATE, h, m, s, sep, frac // MS)


def ts_s(ns):
    h, m, s, _ = _hms(ns)
    return "%s %02d:%02d:%02d" % (DATE, h, m, s)


def at(h, m, s=0):
    return ((h * 60 + m) * 60 + s) * NS


def secs(x):
    """float seconds -> integer nanoseconds (at least 1 microsecond)"""
    return max(US, int(round(x * NS)))


# ----------------------------------------------------------------------------
# generator state shared by all systems
# ----------------------------------------------------------------------------
class Gen:
    def __init__(self, k, events):
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.events = events                      # [(key, template, meta)]
        self.tpl = {e[0]: e[1] for e in events}
        self.meta = {e[0]: e[2] for e in events}
        self._cyc = {}
        self.recs = []

    def cyc(self, ev, slot, pool):
        """cycle through a small pool per (event, slot), random start"""
        st = self._cyc.get((ev, slot))
        if st is None:
            st = self._cyc[(ev, slot)] = [self.rng.randrange(len(pool)), 0]
        v = pool[(st[0] + st[1]) % len(pool)]
        st[1] += 1
        return v

    def fill(self, ev, vals):
        parts = self.tpl[ev].split("<*>")
        if len(parts) != len(vals) + 1:
            raise ValueError("%s: %d slots, %d values" % (ev, len(parts) - 1, len(vals)))
        out = [parts[0]]
        for v, p in zip(vals, parts[1:]):
            out.append(str(v))
            out.append(p)
        return "".join(out)

    def emit(self, ns, ev, vals, meta=None):
        self.recs.append((ns, len(self.recs), ev, tuple(vals),
                          self.meta[ev] if meta is None else meta))

    def lines(self, hdr):
        recs = sorted(self.recs, key=lambda r: (r[0], r[1]))[:N_LINES]
        if len(recs) != N_LINES:
            raise ValueError("only %d records" % len(recs))
        out = []
        for ns, _, ev, vals, meta in recs:
            out.append((ns, hdr(ns, meta), self.fill(ev, vals), ev))
        return out

    # ---- shuffle mode --------------------------------------------------
    def shuffle(self, counts, makers, start_ns, mean_gap_s, min_gap_s=0.001):
        bag = []
        for ev, _, _ in self.events:
            bag.extend([ev] * counts[ev])
        if len(bag) != N_LINES:
            raise ValueError("shuffle counts sum to %d" % len(bag))
        self.rng.shuffle(bag)
        ns = start_ns
        for ev in bag:
            ns += secs(max(min_gap_s, self.rng.expovariate(1.0 / mean_gap_s)))
            self.emit(ns, ev, makers[ev](self, ev))


def uuid4(rng):
    h = "%032x" % rng.getrandbits(128)
    return "%s-%s-4%s-%x%s-%s" % (h[:8], h[8:12], h[13:16],
                                   8 + rng.randrange(4), h[17:20], h[20:32])


def hexs(rng, n):
    return "%0*x" % (n, rng.getrandbits(4 * n))


def ipv4_lan(rng):
    return "192.168.%d.%d" % (rng.choice((1, 1, 0, 178)), rng.randint(2, 250))


def gcode_cs(s):
    c = 0
    for ch in s:
        c ^= ord(ch)
    return c


# ============================================================================
# 1. Moonraker  (simulation: websocket client sessions, print jobs, klippy)
# ============================================================================
MOON_EVENTS = [
    ("ws_req", "101 GET /websocket (<*>) [<*>] <*>", "application.py:log_request()"),
    ("ws_open", "Websocket Opened: ID: <*>, Proxied: <*>, User Agent: <*>, Host Name: <*>",
     "websockets.py:open()"),
    ("ws_ident", "Websocket <*> Client Identified - Name: <*>, Version: <*>, Type: <*>",
     "websockets.py:_handle_identify()"),
    ("ws_close", "Websocket Closed: ID: <*> Close Code: <*>, Close Reason: <*>, Pong Time Elapsed: <*>",
     "websockets.py:on_close()"),
    ("get_req", "200 GET <*> (<*>) [<*>] <*>", "application.py:log_request()"),
    ("post_req", "200 POST <*> (<*>) [<*>] <*>", "application.py:log_request()"),
    ("upload", "Processing Uploaded File: <*> (<*>)", "file_manager.py:finalize_upload()"),
    ("meta", "Metadata extraction for '<*>' complete in <*>", "metadata.py:_extract_metadata()"),
    ("job_state", "Job State Changed: <*> -> <*>", "job_state.py:_status_update()"),
    ("hist_fin", "Job <*> finished, file: <*>, status: <*>, print time: <*>",
     "history.py:_finish_job()"),
    ("k_disc", "Klippy Disconnected", "klippy_connection.py:_on_connection_closed()"),
    ("k_conn", "Klippy Connection Established", "klippy_connection.py:_do_connect()"),
    ("throttle", "Detected new throttled state: <*>", "proc_stats.py:_check_throttled_state()"),
    ("git", "Git Repo <*>: Refresh complete, current version: <*>, remote version: <*>",
     "git_deploy.py:refresh()"),
]
MOON_HDR_RE = r"(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}) \[[A-Za-z_]+\.py:[A-Za-z_]+\(\)\] - "

MOON_PROFILES = [
    ("mainsail", "2.10.0", "web",
     "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36"),
    ("fluidd", "v1.28.1", "web",
     "Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0"),
    ("KlipperScreen", "v0.3.9-41-gd2e81f0", "display", "Python/3.11 aiohttp/3.9.3"),
    ("moonraker-obico", "1.7.2", "agent", "Python/3.9 websocket-client/1.7.0"),
    ("mainsail", "2.9.1", "web",
     "Mozilla/5.0 (iPad; CPU OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Mobile/15E148 Safari/604.1"),
    ("mooncord", "1.3.0", "bot", "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)"),
]
MOON_IPS = ["192.168.1.23", "192.168.1.57", "192.168.1.112", "10.0.0.41", "127.0.0.1", "192.168.1.8"]
MOON_HOSTS = ["voron24.local", "192.168.1.140", "ender3-klipper.lan", "192.168.1.140:7125", "trident.local"]
MOON_USERS = ["_TRUSTED_USER_", "_API_KEY_USER_", "_TRUSTED_USER_", "maker_jo"]
MOON_GET = [
    "/server/files/gcodes/.thumbs/xyz_cube_0.2mm_PLA-300x300.png",
    "/printer/objects/query?webhooks&print_stats&virtual_sdcard",
    "/server/info", "/machine/system_info", "/server/files/list?root=gcodes",
    "/server/history/list?limit=50&start=0&order=desc", "/access/oneshot_token",
    "/server/database/item?namespace=mainsail&key=general", "/printer/info",
    "/server/webcams/list", "/machine/update/status?refresh=false",
    "/server/files/config/printer.cfg", "/server/files/metadata?filename=benchy_petg.gcode",
]
MOON_POST = [
    "/printer/gcode/script?script=G28", "/machine/update/refresh",
    "/printer/gcode/script?script=BED_MESH_CALIBRATE", "/server/database/item",
    "/printer/print/pause", "/printer/print/resume", "/access/refresh_jwt",
    "/printer/gcode/script?script=SET_HEATER_TEMPERATURE%20HEATER=extruder%20TARGET=215",
]
MOON_FILES = ["benchy_petg.gcode", "xyz_cube_0.2mm_PLA.gcode", "fan_duct_v3_ASA.gcode",
              "cable_clip x4.gcode", "spool_holder_arm.gcode", "Voron_Design_Cube_v7.gcode"]
MOON_THROTTLE = ["Under-Voltage Detected, Currently Throttled",
                 "Previously Under-Volted", "Frequency Capped, Previously Throttled",
                 "Soft Temperature Limit Active"]
MOON_REPOS = [("moonraker", "v0.9.3-12", "v0.9.3-18"), ("klipper", "v0.12.0-196", "v0.12.0-203"),
              ("mainsail", "v2.10.0", "v2.11.0"), ("crowsnest", "v4.1.9", "v4.1.10"),
              ("KlipperScreen", "v0.3.9-41", "v0.3.9-44")]


def build_moonraker(k):
    g = Gen(k, MOON_EVENTS)
    rng = g.rng
    t0 = at(7, 41, 12) + rng.randrange(NS)
    horizon = 110 * 60 * NS

    def ms_dur(lo, hi):
        return "%.2fms" % rng.uniform(lo, hi)

    # ---- websocket client sessions -----------------------------------
    t = t0
    while t < t0 + horizon:
        t += secs(rng.expovariate(1 / 140.0))
        name, version, ctype, ua = g.cyc("ws_ident", "profile", MOON_PROFILES)
        ip = g.cyc("ws_req", "ip", MOON_IPS)
        user = g.cyc("ws_req", "user", MOON_USERS)
        wsid = rng.randrange(0x7f0000000000, 0x7fffffffffff) & ~0xf
        s = t
        g.emit(s, "ws_req", (ip, user, ms_dur(0.8, 6.5)))
        s += secs(rng.uniform(0.001, 0.02))
        g.emit(s, "ws_open", (wsid, g.cyc("ws_open", "proxied", ["False", "True"]), ua,
                              g.cyc("ws_open", "host", MOON_HOSTS)))
        s += secs(rng.uniform(0.05, 0.6))
        g.emit(s, "ws_ident", (wsid, name, version, ctype))
        end = s + secs(30 + rng.expovariate(1 / 620.0))
        while True:
            s += secs(rng.expovariate(1 / 150.0))
            if s >= end:
                break
            if rng.random() < 0.84:
                g.emit(s, "get_req", (g.cyc("get_req", "path", MOON_GET), ip, user,
                                      ms_dur(1.2, 95.0)))
            else:
                g.emit(s, "post_req", (g.cyc("post_req", "path", MOON_POST), ip, user,
                                       ms_dur(3.0, 480.0)))
        g.emit(end, "ws_close", (wsid, g.cyc("ws_close", "code", [1001, 1000, 1006, 1001]),
                                 g.cyc("ws_close", "reason", ["None", "None", "Going Away"]),
                                 "%.2f" % rng.uniform(0.4, 9.8)))

    # ---- print jobs ------------------------------------------------------
    job_no = rng.randint(180, 240)
    t = t0 + secs(rng.uniform(120, 300))
    while t < t0 + horizon:
        fname = g.cyc("upload", "file", MOON_FILES)
        ip = g.cyc("post_req", "job_ip", MOON_IPS[:4])
        user = g.cyc("post_req", "job_user", MOON_USERS)
        s = t
        g.emit(s, "post_req", ("/server/files/upload", ip, user, ms_dur(400, 4200)))
        s -= secs(rng.uniform(0.05, 0.3))
        g.emit(s, "upload", (fname, "%.1f %s" % (rng.uniform(0.2, 28.0), rng.choice(["MiB", "MiB", "KiB"]))))
        s += secs(rng.uniform(0.4, 1.5))
        g.emit(s, "meta", (fname, "%.3fs" % rng.uniform(0.08, 2.4)))
        s += secs(rng.uniform(8, 90))
        g.emit(s, "post_req", ("/printer/print/start?filename=" + fname.replace(" ", "%20"),
                               ip, user, ms_dur(5, 60)))
        s += secs(rng.uniform(0.2, 1.2))
        g.emit(s, "job_state", ("standby", "printing"))
        dur = rng.uniform(5 * 60, 24 * 60)
        final = g.cyc("hist_fin", "status", ["completed", "completed", "cancelled", "completed", "error"])
        if final == "cancelled":
            dur *= 0.4
            g.emit(s + secs(dur - 2), "post_req", ("/printer/print/cancel", ip, user, ms_dur(4, 40)))
        s += secs(dur)
        g.emit(s, "job_state", ("printing", {"completed": "complete"}.get(final, final)))
        s += secs(rng.uniform(0.01, 0.2))
        g.emit(s, "hist_fin", ("%06X" % job_no, fname, final,
                               "%dh %02dm %02ds" % (int(dur) // 3600, int(dur) // 60 % 60, int(dur) % 60)
                               if dur >= 3600 else "%dm %02ds" % (int(dur) // 60, int(dur) % 60)))
        job_no += 1
        t = s + secs(rng.uniform(60, 400))

    # ---- klippy restarts -------------------------------------------------
    for _ in range(5):
        s = t0 + secs(rng.uniform(60, horizon / NS * 0.85))
        g.emit(s, "k_disc", ())
        g.emit(s + secs(rng.uniform(1.5, 6.0)), "k_conn", ())

    # ---- throttling + update manager --------------------------------------
    for _ in range(6):
        g.emit(t0 + secs(rng.uniform(10, horizon / NS * 0.8)), "throttle",
               (g.cyc("throttle", "flags", MOON_THROTTLE),))
    s = t0 + secs(rng.uniform(30, 200))
    while s < t0 + horizon:
        repo, cur, rem = g.cyc("git", "repo", MOON_REPOS)
        g.emit(s, "git", (repo, cur, rem))
        s += secs(rng.uniform(300, 1100))

    def hdr(ns, src):
        return "%s [%s] - " % (ts_ms(ns), src)
    return g, g.lines(hdr)


# ============================================================================
# 2. Spoolman  (seeded shuffle)
# ============================================================================
SPOOL_EVENTS = [
    ("ws_conn", "Websocket client <*> subscribed to <*>", ("INFO", "spoolman.ws")),
    ("ws_disc", "Websocket client <*> disconnected", ("INFO", "spoolman.ws")),
    ("use_g", "Using <*> g of filament from spool <*>", ("INFO", "spoolman.database.spool")),
    ("use_mm", "Using <*> mm of filament from spool <*>", ("INFO", "spoolman.database.spool")),
    ("created", "Created spool <*> for filament \"<*>\"", ("INFO", "spoolman.database.spool")),
    ("archived", "Spool <*> archived", ("INFO", "spoolman.database.spool")),
    ("unarchived", "Spool <*> unarchived", ("INFO", "spoolman.database.spool")),
    ("negative", "Spool <*> remaining weight went negative (<*> g), clamping to 0",
     ("WARNING", "spoolman.database.spool")),
    ("bk_start", "Backing up database to <*>", ("INFO", "spoolman.database.database")),
    ("bk_done", "Database backup complete: <*> written in <*>", ("INFO", "spoolman.database.database")),
    ("bk_rm", "Deleting old backup <*>", ("INFO", "spoolman.database.database")),
    ("ext_sync", "Syncing external filament database from <*>", ("INFO", "spoolman.externaldb")),
    ("ext_done", "External database synced: <*> filaments, <*> materials", ("INFO", "spoolman.externaldb")),
    ("ext_fail", "Failed to sync external database: <*>", ("WARNING", "spoolman.externaldb")),
]
SPOOL_HDR_RE = r"(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}):" + LEVELS + r":[a-z_]+(?:\.[a-z_]+)*:"
SPOOL_COUNTS = {"use_g": 82, "use_mm": 44, "ws_conn": 35, "ws_disc": 25, "created": 20,
                "ext_sync": 18, "ext_done": 15, "archived": 14, "bk_start": 12, "bk_done": 10,
                "unarchived": 8, "bk_rm": 7, "ext_fail": 5, "negative": 5}
SPOOL_FILAMENTS = ["Prusament PLA Galaxy Black", "Polymaker PolyTerra PLA Cotton White",
                   "eSUN PETG Solid Blue", "Sunlu PLA+ Grey", "Elegoo ASA Black",
                   "Overture TPU 95A Red", "Generic PETG Transparent"]
SPOOL_WS_PATHS = ["/api/v1/spool", "/api/v1/spool/", "/api/v1/filament", "/api/v1/vendor", "/api/v1/"]
SPOOL_CLIENTS = ["172.18.0.1", "192.168.1.20", "192.168.1.77", "10.10.0.5"]
SPOOL_EXT_URLS = ["https://donkie.github.io/SpoolmanDB/", "http://192.168.1.10:8088/SpoolmanDB/"]
SPOOL_EXT_ERR = ["Connection timed out", "HTTP 503 Service Unavailable",
                 "[Errno -3] Temporary failure in name resolution",
                 "Invalid JSON in filaments.json at line 1 column 1"]


def build_spoolman(k):
    g = Gen(k, SPOOL_EVENTS)
    rng = g.rng
    st = {"bk": rng.randint(30, 60), "spool": rng.randint(90, 140)}
    active = [rng.randint(1, 120) for _ in range(9)]

    def client(g, ev):
        return "%s:%d" % (g.cyc(ev, "ip", SPOOL_CLIENTS), rng.randint(32768, 60999))

    def bkpath(n):
        return "/home/app/.local/share/spoolman/backups/spoolman.db.%d" % n

    def m_bk_start(g, ev):
        st["bk"] += 1
        return (bkpath(st["bk"]),)

    def m_created(g, ev):
        st["spool"] += 1
        return (st["spool"], g.cyc(ev, "fil", SPOOL_FILAMENTS))

    makers = {
        "ws_conn": lambda g, ev: (client(g, ev), g.cyc(ev, "path", SPOOL_WS_PATHS)
                                  .replace("/spool/", "/spool/%d" % rng.choice(active))),
        "ws_disc": lambda g, ev: (client(g, ev),),
        "use_g": lambda g, ev: ("%.2f" % rng.uniform(0.05, 38.0), rng.choice(active)),
        "use_mm": lambda g, ev: ("%.2f" % rng.uniform(4.0, 9500.0), rng.choice(active)),
        "created": m_created,
        "archived": lambda g, ev: (rng.randint(1, 120),),
        "unarchived": lambda g, ev: (rng.randint(1, 120),),
        "negative": lambda g, ev: (rng.choice(active), "-%.2f" % rng.uniform(0.1, 14.0)),
        "bk_start": m_bk_start,
        "bk_done": lambda g, ev: ("%.1f %s" % (rng.uniform(0.2, 3.9), g.cyc(ev, "unit", ["MB", "kB", "MB"])),
                                  "%.3fs" % rng.uniform(0.02, 1.8)),
        "bk_rm": lambda g, ev: (bkpath(rng.randint(1, 29)),),
        "ext_sync": lambda g, ev: (g.cyc(ev, "url", SPOOL_EXT_URLS),),
        "ext_done": lambda g, ev: (rng.randint(5200, 6900), rng.randint(18, 34)),
        "ext_fail": lambda g, ev: (g.cyc(ev, "err", SPOOL_EXT_ERR),),
    }
    g.shuffle(SPOOL_COUNTS, makers, at(9, 2, 40) + rng.randrange(NS), mean_gap_s=38.0)

    def hdr(ns, meta):
        return "%s:%s:%s:" % (ts_s(ns), meta[0], meta[1])
    return g, g.lines(hdr)


# ============================================================================
# 3. Obico  (simulation: celery tasks with overlapping lifetimes)
# ============================================================================
OB_EVENTS = [
    ("received", "Task <*>[<*>] received", "main"),
    ("succeeded", "Task <*>[<*>] succeeded in <*>: None", "worker"),
    ("raised", "Task <*>[<*>] raised unexpected: <*>", "worker"),
    ("retry", "Task <*>[<*>] retry: Retry in <*>: <*>", "worker"),
    ("predict", "Prediction for printer <*>: p=<*> ewm_mean=<*> adjusted_p=<*>", "task"),
    ("failure", "Possible failure detected on printer <*> (print <*>), alerting owner", "task"),
    ("pause", "Pausing print <*> on printer <*> per user setting", "task"),
    ("compile", "Compiling timelapse for print <*>: <*> frames at <*> fps", "task"),
    ("tl_upload", "Uploaded <*> to <*> (<*>)", "task"),
    ("notify", "Sending <*> notification for print <*> via <*>", "task"),
    ("notify_fail", "Failed to send <*> notification via <*>: <*>", "task"),
    ("print_end", "Print <*> on printer <*> ended with status <*>", "task"),
    ("cleanup", "Deleted <*> print shots older than <*> days", "task"),
]
OB_HDR_RE = (r"\[(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}): " + LEVELS +
             r"/(?:MainProcess|ForkPoolWorker-\d+)\] "
             r"(?:[a-z_]+(?:\.[a-z_]+)+\[[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\]: )?")
T_PIC = "app.tasks.process_print_pic"
T_END = "app.tasks.process_print_end_event"
T_TL = "app.tasks.compile_timelapse"
T_NOTE = "notifications.tasks.send_print_notification"
T_CLEAN = "app.tasks.clean_up_print_shots"
OB_CHANNELS = ["email", "telegram", "discord", "pushover", "slack"]
OB_NOTE_ERR = [("HTTPError('502 Server Error: Bad Gateway for url: https://api.telegram.org/bot/sendPhoto')",
                "502 Server Error: Bad Gateway"),
               ("SMTPServerDisconnected('Connection unexpectedly closed')", "Connection unexpectedly closed"),
               ("ConnectionError('Max retries exceeded with url: /api/webhooks')",
                "Max retries exceeded with url: /api/webhooks"),
               ("ReadTimeout('HTTPSConnectionPool: Read timed out. (read timeout=10)')",
                "Read timed out (read timeout=10)")]
OB_UPLOAD_ERR = ["ClientError('An error occurred (SlowDown) when calling the PutObject operation')",
                 "EndpointConnectionError('Could not connect to the endpoint URL')"]
OB_RAISE_ERR = ["CalledProcessError(1, 'ffmpeg')", "TimeoutError('ML API request timed out after 20s')",
                "OSError(28, 'No space left on device')", "KeyError('print_id')"]


def build_obico(k):
    g = Gen(k, OB_EVENTS)
    rng = g.rng
    t0 = at(13, 5, 47) + rng.randrange(NS)
    horizon = 45 * 60 * NS
    printers = [rng.randint(40, 2900) for _ in range(11)]
    prints = {p: rng.randint(81000, 86000) for p in printers}
    state = {"print": max(prints.values())}

    def run_time(lo, hi):
        return "%ss" % repr(rng.uniform(lo, hi))

    def worker():
        return "ForkPoolWorker-%d" % rng.randint(1, 4)

    def received(s, name, tid):
        g.emit(s, "received", (name, tid), ("INFO", "MainProcess", None))

    def notify_task(s, kind, pid, attempt_tid=None, attempt=0, chan=None):
        tid = attempt_tid or uuid4(rng)
        name = T_NOTE
        received(s, name, tid)
        w = worker()
        ctx = lambda lvl: (lvl, w, (name, tid))
        s += secs(rng.uniform(0.02, 0.4))
        chan = chan or g.cyc("notify", "chan", OB_CHANNELS)
        g.emit(s, "notify", (kind, pid, chan), ctx("INFO"))
        s += secs(rng.uniform(0.3, 4.0))
        if rng.random() < 0.22 + 0.2 * attempt:
            err, why = g.cyc("notify_fail", "err", OB_NOTE_ERR)
            g.emit(s, "notify_fail", (kind, chan, why), ctx("WARNING"))
            s += secs(rng.uniform(0.001, 0.01))
            if attempt >= 1:
                g.emit(s, "raised", (name, tid, err), ("ERROR", w, None))
            else:
                delay = 60 * (attempt + 1) + rng.choice((0, 60))
                g.emit(s, "retry", (name, tid, "%ds" % delay, err), ("INFO", w, None))
                notify_task(s + secs(delay + rng.uniform(0.01, 0.5)), kind, pid, tid, attempt + 1, chan)
            return
        g.emit(s, "succeeded", (name, tid, run_time(0.3, 4.5)), ("INFO", w, None))

    def timelapse_task(s, pid, tid=None, attempt=0):
        tid = tid or uuid4(rng)
        received(s, T_TL, tid)
        w = worker()
        s += secs(rng.uniform(0.05, 2.0))
        frames = rng.randint(140, 2600)
        fps = g.cyc("compile", "fps", [30, 24, 30, 60])
        g.emit(s, "compile", (pid, frames, fps), ("INFO", w, (T_TL, tid)))
        took = frames / fps * rng.uniform(0.8, 2.2)
        s += secs(took)
        r = rng.random()
        if r < 0.22:
            g.emit(s, "raised", (T_TL, tid, g.cyc("raised", "err", OB_RAISE_ERR)), ("ERROR", w, None))
            return
        if r < 0.40 and attempt == 0:
            delay = g.cyc("retry", "tl_delay", [30, 45])
            g.emit(s, "retry", (T_TL, tid, "%ds" % delay, g.cyc("retry", "tl_err", OB_UPLOAD_ERR)),
                   ("INFO", w, None))
            timelapse_task(s + secs(delay + rng.uniform(0.01, 0.5)), pid, tid, 1)
            return
        g.emit(s, "tl_upload", ("tl_%d_%s.mp4" % (pid, hexs(rng, 8)),
                                g.cyc("tl_upload", "bucket", ["s3://obico-tsd/timelapses/",
                                                              "/app/static_build/media/tsd-timelapses/"]),
                                "%.1f MB" % (frames / fps * rng.uniform(0.15, 0.6))),
               ("INFO", w, (T_TL, tid)))
        s += secs(rng.uniform(0.05, 0.5))
        g.emit(s, "succeeded", (T_TL, tid, run_time(took, took + 3)), ("INFO", w, None))

    # ---- incoming tasks ---------------------------------------------------
    t = t0
    while t < t0 + horizon:
        t += secs(rng.expovariate(1 / 13.0))
        p = rng.choice(printers)
        if rng.random() < 0.88:
            tid = uuid4(rng)
            received(t, T_PIC, tid)
            w = worker()
            s = t + secs(rng.uniform(0.2, 1.6))
            fail = rng.random() < 0.07
            prob = rng.uniform(0.62, 0.97) if fail else rng.uniform(0.0, 0.21)
            ewm = prob * rng.uniform(0.55, 0.9)
            g.emit(s, "predict", (p, "%.4f" % prob, "%.4f" % ewm, "%.4f" % (prob * rng.uniform(0.7, 1.1))),
                   ("INFO", w, (T_PIC, tid)))
            if rng.random() < 0.012:
                g.emit(s + secs(0.01), "raised", (T_PIC, tid, g.cyc("raised", "err", OB_RAISE_ERR)),
                       ("ERROR", w, None))
                continue
            if fail:
                s += secs(rng.uniform(0.01, 0.1))
                g.emit(s, "failure", (p, prints[p]), ("WARNING", w, (T_PIC, tid)))
                if rng.random() < 0.75:
                    s += secs(rng.uniform(0.01, 0.2))
                    g.emit(s, "pause", (prints[p], p), ("INFO", w, (T_PIC, tid)))
                notify_task(s + secs(rng.uniform(0.1, 0.8)), "FailureAlert", prints[p])
            s += secs(rng.uniform(0.01, 0.3))
            g.emit(s, "succeeded", (T_PIC, tid, run_time(0.2, 2.4)), ("INFO", w, None))
        else:
            tid = uuid4(rng)
            received(t, T_END, tid)
            w = worker()
            s = t + secs(rng.uniform(0.05, 0.5))
            status = g.cyc("print_end", "status", ["FINISHED", "FINISHED", "CANCELLED", "FINISHED"])
            pid = prints[p]
            g.emit(s, "print_end", (pid, p, status), ("INFO", w, (T_END, tid)))
            s += secs(rng.uniform(0.05, 0.6))
            g.emit(s, "succeeded", (T_END, tid, run_time(0.05, 0.9)), ("INFO", w, None))
            notify_task(s + secs(rng.uniform(0.05, 0.4)),
                        "PrintDone" if status == "FINISHED" else "PrintCancelled", pid)
            timelapse_task(s + secs(rng.uniform(0.1, 1.0)), pid)
            state["print"] += rng.randint(3, 40)
            prints[p] = state["print"]

    # ---- periodic cleanup ----------------------------------------------------
    s = t0 + secs(rng.uniform(20, 200))
    while s < t0 + horizon:
        tid = uuid4(rng)
        received(s, T_CLEAN, tid)
        w = worker()
        took = rng.uniform(0.5, 9.0)
        g.emit(s + secs(took * 0.9), "cleanup", (rng.randint(120, 9800), g.cyc("cleanup", "days", [7, 30])),
               ("INFO", w, (T_CLEAN, tid)))
        g.emit(s + secs(took), "succeeded", (T_CLEAN, tid, run_time(took, took + 0.1)), ("INFO", w, None))
        s += secs(rng.uniform(240, 380))

    def hdr(ns, meta):
        lvl, proc, task = meta
        h = "[%s: %s/%s] " % (ts_ms(ns), lvl, proc)
        if task:
            h += "%s[%s]: " % task
        return h
    return g, g.lines(hdr)


# ============================================================================
# 4. Marlin  (seeded shuffle; serial console as written by the host)
# ============================================================================
MARLIN_EVENTS = [
    ("send_m105", "Send: N<*> M105*<*>", None),
    ("ok_temp", "Recv: ok T:<*> /<*> B:<*> /<*> @:<*> B@:<*>", None),
    ("auto_temp", "Recv:  T:<*> /<*> B:<*> /<*> @:<*> B@:<*>", None),
    ("send_g1", "Send: N<*> G1 X<*> Y<*> E<*>*<*>", None),
    ("ok", "Recv: ok", None),
    ("busy", "Recv: echo:busy: processing", None),
    ("sd_byte", "Recv: SD printing byte <*>/<*>", None),
    ("resend", "Recv: Resend: <*>", None),
    ("line_err", "Recv: Error:Line Number is not Last Line Number+1, Last Line: <*>", None),
    ("pos", "Recv: X:<*> Y:<*> Z:<*> E:<*> Count X:<*> Y:<*> Z:<*>", None),
    ("unknown", "Recv: echo:Unknown command: \"<*>\"", None),
    ("file_open", "Recv: File opened: <*> Size: <*>", None),
    ("done", "Recv: Done printing file", None),
    ("stored", "Recv: echo:Settings Stored (<*> bytes; crc <*>)", None),
    ("state", "Changing monitoring state from \"<*>\" to \"<*>\"", None),
]
MARLIN_HDR_RE = r"(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}) - "
MARLIN_COUNTS = {"send_m105": 70, "ok_temp": 45, "send_g1": 35, "ok": 25, "auto_temp": 20,
                 "busy": 18, "sd_byte": 15, "pos": 14, "resend": 12, "line_err": 10,
                 "state": 9, "unknown": 8, "file_open": 7, "stored": 6, "done": 6}
MARLIN_FILES = [("BENCHY~1.GCO", 2843117), ("CUBE20~1.GCO", 612094), ("CLIPS_~1.GCO", 1397452)]
MARLIN_UNKNOWN = ["M355 S1", "M876 S1", "M4001", "G29 P1 V4", "M1000"]
MARLIN_STATES = [("Operational", "Starting"), ("Starting", "Printing"), ("Printing", "Finishing"),
                 ("Finishing", "Operational"), ("Printing", "Pausing"), ("Pausing", "Paused"),
                 ("Paused", "Resuming"), ("Resuming", "Printing"), ("Printing", "Cancelling")]


def build_marlin(k):
    g = Gen(k, MARLIN_EVENTS)
    rng = g.rng
    st = {"n": rng.randint(2100, 4800), "xyz": [117.3, 102.9, 0.6], "e": 0.0}

    def nextn():
        st["n"] += rng.randint(1, 6)
        return st["n"]

    def m_m105(g, ev):
        n = nextn()
        return (n, gcode_cs("N%d M105" % n))

    def m_g1(g, ev):
        n = nextn()
        x, y = "%.3f" % rng.uniform(20, 215), "%.3f" % rng.uniform(20, 205)
        e = "%.5f" % rng.uniform(0.002, 1.8)
        return (n, x, y, e, gcode_cs("N%d G1 X%s Y%s E%s" % (n, x, y, e)))

    def temps(g, ev):
        ht = g.cyc(ev, "hotend", ["215.00", "240.00", "210.00"])
        bt = g.cyc(ev, "bed", ["60.00", "85.00", "70.00"])
        return ("%.2f" % (float(ht) + rng.uniform(-2.2, 1.8)), ht,
                "%.2f" % (float(bt) + rng.uniform(-0.8, 0.6)), bt,
                rng.randint(18, 127), rng.randint(0, 127))

    def m_sd(g, ev):
        _, size = g.cyc(ev, "file", MARLIN_FILES)
        return (rng.randint(1000, size - 1), size)

    def m_pos(g, ev):
        x, y, z = rng.uniform(0, 230), rng.uniform(0, 220), rng.choice((0.2, 0.4, 0.6, 2.35, 10.0, 15.2))
        e = rng.uniform(-2, 900)
        return ("%.2f" % x, "%.2f" % y, "%.2f" % z, "%.2f" % e,
                int(round(x * 80)), int(round(y * 80)), int(round(z * 400)))

    def m_resend(g, ev):
        return (st["n"] - rng.randint(0, 4),)

    makers = {
        "send_m105": m_m105, "send_g1": m_g1, "ok_temp": temps, "auto_temp": temps,
        "ok": lambda g, ev: (), "busy": lambda g, ev: (), "done": lambda g, ev: (),
        "sd_byte": m_sd, "pos": m_pos, "resend": m_resend,
        "line_err": lambda g, ev: (st["n"] - rng.randint(1, 5),),
        "unknown": lambda g, ev: (g.cyc(ev, "cmd", MARLIN_UNKNOWN),),
        "file_open": lambda g, ev: g.cyc(ev, "file", MARLIN_FILES),
        "stored": lambda g, ev: (g.cyc(ev, "bytes", [731, 652, 731]), rng.randint(1000, 65535)),
        "state": lambda g, ev: g.cyc(ev, "pair", MARLIN_STATES),
    }
    g.shuffle(MARLIN_COUNTS, makers, at(16, 22, 8) + rng.randrange(NS), mean_gap_s=0.9, min_gap_s=0.004)

    def hdr(ns, meta):
        return "%s - " % ts_ms(ns)
    return g, g.lines(hdr)


# ============================================================================
# 5. Repetier  (seeded shuffle; Repetier-Server server log)
# ============================================================================
REP_EVENTS = [
    ("job_start", "Starting print job <*> on printer <*>", None),
    ("job_done", "Print job <*> on printer <*> finished. Print time: <*>", None),
    ("job_stop", "Print job <*> on printer <*> stopped by user <*>", None),
    ("conn", "Printer <*> connected to <*> with baudrate <*>", None),
    ("disc", "Printer <*> disconnected: <*>", None),
    ("login", "User <*> logged in from <*>", None),
    ("logout", "User <*> logged out", None),
    ("upload", "Model <*> uploaded to printer <*> (<*>)", None),
    ("delete", "Model <*> deleted from printer <*>", None),
    ("timelapse", "Timelapse <*> rendered: <*> frames in <*>", None),
    ("webcam", "Webcam <*> of printer <*> not reachable: <*>", None),
    ("macro", "Executing G-Code macro <*> on printer <*>", None),
    ("firmware", "Detected firmware <*> on printer <*>", None),
    ("disk", "Low disk space: <*> free on <*>", None),
]
REP_HDR_RE = r"(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}): "
REP_COUNTS = {"webcam": 84, "macro": 41, "job_start": 34, "job_done": 27, "upload": 22,
              "login": 18, "logout": 15, "conn": 13, "delete": 12, "disc": 10, "timelapse": 9,
              "job_stop": 7, "firmware": 5, "disk": 3}
REP_PRINTERS = ["Prusa_i3_MK3S", "Ender_3_V2", "Voron_24_350", "Anycubic_Kobra", "Sovol_SV06"]
REP_JOBS = ["Benchy_0.2mm_PLA_MK3S.gcode", "gear_box_lid.gcode", "desk_hook_x6.gcode",
            "raspi4_case_top.gcode", "calibration_tower_temp.gcode", "plant_pot_vase.gcode"]
REP_USERS = ["admin", "werkstatt", "lena.k", "tobias", "guest"]
REP_IPS = ["192.168.178.24", "192.168.178.51", "192.168.178.60", "10.8.0.3"]
REP_PORTS = ["/dev/ttyACM0", "/dev/ttyUSB0", "/dev/serial/by-id/usb-Prusa_Research__prusa3d.com__Original_Prusa_i3_MK3_CZPX1021X004XK63055-if00",
             "/dev/ttyUSB1"]
REP_DISC = ["Connection timeout - no response for 30 seconds", "Port closed by operating system",
            "Too many communication errors", "Device not configured"]
REP_WEBCAM_ERR = ["Connection refused", "Timeout after 5000 ms", "HTTP 404 Not Found",
                  "Could not resolve host octopi-cam.local"]
REP_MACROS = ["PreheatPLA", "Level bed", "Unload filament", "Park head", "Cooldown", "Load filament"]
REP_FW = ["Prusa-Firmware 3.13.3", "Marlin 2.1.2.1", "Klipper", "Marlin bugfix-2.1.x"]


def build_repetier(k):
    g = Gen(k, REP_EVENTS)
    rng = g.rng

    def ptime():
        sec = rng.randint(240, 7 * 3600)
        return "%d:%02d:%02d" % (sec // 3600, sec // 60 % 60, sec % 60)

    makers = {
        "job_start": lambda g, ev: (g.cyc(ev, "job", REP_JOBS), g.cyc(ev, "pr", REP_PRINTERS)),
        "job_done": lambda g, ev: (g.cyc(ev, "job", REP_JOBS), g.cyc(ev, "pr", REP_PRINTERS), ptime()),
        "job_stop": lambda g, ev: (g.cyc(ev, "job", REP_JOBS), g.cyc(ev, "pr", REP_PRINTERS),
                                   g.cyc(ev, "user", REP_USERS)),
        "conn": lambda g, ev: (g.cyc(ev, "pr", REP_PRINTERS), g.cyc(ev, "port", REP_PORTS),
                               g.cyc(ev, "baud", [115200, 250000, 115200])),
        "disc": lambda g, ev: (g.cyc(ev, "pr", REP_PRINTERS), g.cyc(ev, "why", REP_DISC)),
        "login": lambda g, ev: (g.cyc(ev, "user", REP_USERS), g.cyc(ev, "ip", REP_IPS)),
        "logout": lambda g, ev: (g.cyc(ev, "user", REP_USERS),),
        "upload": lambda g, ev: (g.cyc(ev, "job", REP_JOBS), g.cyc(ev, "pr", REP_PRINTERS),
                                 "%.2f MB" % rng.uniform(0.3, 42.0)),
        "delete": lambda g, ev: (g.cyc(ev, "job", REP_JOBS), g.cyc(ev, "pr", REP_PRINTERS)),
        "timelapse": lambda g, ev: ("%s_%s.mp4" % (g.cyc(ev, "pr", REP_PRINTERS), hexs(rng, 6)),
                                    rng.randint(90, 1800), "%.1f s" % rng.uniform(3.0, 95.0)),
        "webcam": lambda g, ev: (g.cyc(ev, "cam", [1, 2, 1]), g.cyc(ev, "pr", REP_PRINTERS),
                                 g.cyc(ev, "err", REP_WEBCAM_ERR)),
        "macro": lambda g, ev: (g.cyc(ev, "macro", REP_MACROS), g.cyc(ev, "pr", REP_PRINTERS)),
        "firmware": lambda g, ev: (g.cyc(ev, "fw", REP_FW), g.cyc(ev, "pr", REP_PRINTERS)),
        "disk": lambda g, ev: ("%d MB" % rng.randint(120, 980),
                               g.cyc(ev, "dir", ["/var/lib/Repetier-Server", "/mnt/usbstick/repetier"])),
    }
    g.shuffle(REP_COUNTS, makers, at(5, 58, 3) + rng.randrange(NS), mean_gap_s=95.0)

    def hdr(ns, meta):
        return "%s: " % ts_s(ns)
    return g, g.lines(hdr)


# ============================================================================
# 6. Prusalink  (seeded shuffle)
# ============================================================================
PL_EVENTS = [
    ("state", "Changing state from <*> to <*>", ("INFO", "state_manager", "_change_state", 402, "printer_polling")),
    ("state_why", "Changing state from <*> to <*>, reason: <*>",
     ("INFO", "state_manager", "_change_state", 407, "printer_polling")),
    ("job_start", "Job id <*> started, path: <*>", ("INFO", "job", "job_started", 96, "printer_polling")),
    ("job_end", "Job id <*> ended with state <*>", ("INFO", "job", "job_ended", 131, "printer_polling")),
    ("telemetry", "Telemetry sent to Connect, status <*>, took <*>",
     ("DEBUG", "telemetry_passer", "_send", 214, "telemetry_passer")),
    ("cmd_ok", "Command id <*> (<*>) accepted", ("INFO", "command_handlers", "run_command", 77, "command_runner")),
    ("cmd_rej", "Command id <*> (<*>) rejected: <*>",
     ("WARNING", "command_handlers", "run_command", 84, "command_runner")),
    ("ser_open", "Serial port <*> opened at <*> baud", ("INFO", "serial", "_reopen", 158, "serial_read")),
    ("ser_close", "Serial port <*> closed: <*>", ("WARNING", "serial", "_reopen", 171, "serial_read")),
    ("download", "Download of <*> from <*> finished: <*> in <*>",
     ("INFO", "download_mgr", "transfer", 262, "download_mgr")),
    ("unexpected", "Unexpected printer output: \"<*>\"", ("WARNING", "serial_parser", "decide", 119, "serial_read")),
    ("http", "HTTP <*> <*> from <*> handled in <*>", ("DEBUG", "wsgi", "__call__", 58, None)),
    ("ip", "Network interface <*> has new address <*>", ("INFO", "ip_updater", "update", 88, "ip_updater")),
    ("storage_on", "Storage <*> attached at <*>", ("INFO", "storage_controller", "attach", 63, "MainThread")),
    ("storage_off", "Storage <*> detached", ("INFO", "storage_controller", "detach", 79, "MainThread")),
]
PL_HDR_RE = (r"(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}) " + LEVELS +
             r" \{[a-z_]+\.[a-z_]+\(\):\d+\} \[[A-Za-z_0-9-]+\]: ")
PL_COUNTS = {"telemetry": 72, "http": 46, "state": 33, "unexpected": 25, "cmd_ok": 20, "job_start": 18,
             "job_end": 15, "state_why": 14, "download": 12, "cmd_rej": 10, "ser_open": 9,
             "ser_close": 8, "ip": 7, "storage_on": 6, "storage_off": 5}
PL_STATES = [("IDLE", "PRINTING"), ("PRINTING", "FINISHED"), ("FINISHED", "IDLE"), ("PRINTING", "PAUSED"),
             ("PAUSED", "PRINTING"), ("IDLE", "BUSY"), ("BUSY", "IDLE"), ("PRINTING", "STOPPED")]
PL_REASONS = [("PRINTING", "PAUSED", "Printer sent action: pause"),
              ("PRINTING", "FINISHED", "Serial print ended"),
              ("PRINTING", "STOPPED", "User pressed stop on the printer"),
              ("PRINTING", "ATTENTION", "Filament runout detected"),
              ("IDLE", "PRINTING", "Connect command START_PRINT")]
PL_FILES = ["/PrusaLink gcodes/benchy_0.15mm_PETG_MK3S_2h3m.gcode", "/SD Card/SHAPE-~1.GCO",
            "/PrusaLink gcodes/Voronoi_vase.gcode", "/PrusaLink gcodes/hinge_test_0.2mm_PLA.gcode"]
PL_CMDS = ["START_PRINT", "SEND_INFO", "PAUSE_PRINT", "RESUME_PRINT", "STOP_PRINT", "START_URL_DOWNLOAD"]
PL_REJ = ["Printer is busy", "File not found", "Cannot pause, printer is not printing",
          "Another transfer in progress"]
PL_SERIAL = ["/dev/ttyAMA0", "/dev/ttyACM0"]
PL_SER_ERR = ["[Errno 5] Input/output error", "device reports readiness to read but returned no data",
              "Printer did not respond to M110 within 10s"]
PL_OUTPUT = ["echo:enqueing \"M24\"", "LA10 K-factor out of range", "Unknown M code: M862.3",
             "MMU not responding", "fsensor: auto-recovery disabled"]
PL_HTTP = [("GET", "/api/v1/status"), ("GET", "/api/printer"), ("GET", "/api/v1/files/usb/"),
           ("PUT", "/api/v1/files/usb/hinge.gcode"), ("POST", "/api/v1/job/pause"),
           ("GET", "/api/job"), ("GET", "/thumb/s/usb/VORONO~1.GCO")]
PL_CLIENTS = ["192.168.0.31", "192.168.0.104", "127.0.0.1", "192.168.0.77"]
PL_URLS = ["https://connect.prusa3d.com/f/8c1b22e0/raw", "https://files.printables.com/media/prints/441078/gcodes/hinge.gcode",
           "http://192.168.0.5:8000/shared/spacer.gcode"]


def build_prusalink(k):
    g = Gen(k, PL_EVENTS)
    rng = g.rng
    st = {"job": rng.randint(140, 260), "cmd": rng.randint(2000, 9000)}

    def m_job_start(g, ev):
        st["job"] += 1
        return (st["job"], g.cyc(ev, "path", PL_FILES))

    def m_cmd(g, ev):
        st["cmd"] += rng.randint(1, 9)
        return (st["cmd"], g.cyc(ev, "cmd", PL_CMDS))

    def m_cmd_rej(g, ev):
        return m_cmd(g, ev) + (g.cyc(ev, "why", PL_REJ),)

    def m_http(g, ev):
        method, path = g.cyc(ev, "req", PL_HTTP)
        return (method, path, g.cyc(ev, "ip", PL_CLIENTS), "%.1fms" % rng.uniform(0.8, 140.0))

    def m_download(g, ev):
        url = g.cyc(ev, "url", PL_URLS)
        return (url.rsplit("/", 1)[1], url, "%.2f MB" % rng.uniform(0.4, 38.0), "%.1fs" % rng.uniform(0.8, 60.0))

    makers = {
        "state": lambda g, ev: g.cyc(ev, "pair", PL_STATES),
        "state_why": lambda g, ev: g.cyc(ev, "why", PL_REASONS),
        "job_start": m_job_start,
        "job_end": lambda g, ev: (st["job"] - rng.randint(0, 2), g.cyc(ev, "st", ["FINISHED", "STOPPED", "FINISHED"])),
        "telemetry": lambda g, ev: (g.cyc(ev, "status", [200, 200, 200, 204, 503, 200]),
                                    "%dms" % rng.randint(38, 1900)),
        "cmd_ok": m_cmd, "cmd_rej": m_cmd_rej,
        "ser_open": lambda g, ev: (g.cyc(ev, "port", PL_SERIAL), g.cyc(ev, "baud", [115200, 230400])),
        "ser_close": lambda g, ev: (g.cyc(ev, "port", PL_SERIAL), g.cyc(ev, "why", PL_SER_ERR)),
        "download": m_download,
        "unexpected": lambda g, ev: (g.cyc(ev, "out", PL_OUTPUT),),
        "http": m_http,
        "ip": lambda g, ev: (g.cyc(ev, "if", ["wlan0", "eth0"]),
                             "192.168.0.%d" % rng.randint(2, 250)),
        "storage_on": lambda g, ev: g.cyc(ev, "st", [("SD Card", "/SD Card"),
                                                     ("PrusaLink gcodes", "/home/pi/PrusaLink gcodes"),
                                                     ("usb", "/media/usb0")]),
        "storage_off": lambda g, ev: (g.cyc(ev, "st", ["SD Card", "usb"]),),
    }
    g.shuffle(PL_COUNTS, makers, at(19, 12, 55) + rng.randrange(NS), mean_gap_s=11.0)

    def hdr(ns, meta):
        lvl, mod, func, lineno, thread = meta
        if thread is None:
            thread = "http-worker-%d" % (ns // MS % 4)
        return "%s %s {%s.%s():%d} [%s]: " % (ts_ms(ns), lvl, mod, func, lineno, thread)
    return g, g.lines(hdr)


# ============================================================================
# registry, writing, README, self-check
# ============================================================================
SYSTEMS = [
    # (k, name, builder, events, header regex, mode, entities)
    (1, "Moonraker", build_moonraker, MOON_EVENTS, MOON_HDR_RE, "simulation",
     "websocket client sessions with their HTTP requests, print jobs, Klippy reconnects, "
     "update-manager refreshes and throttling checks"),
    (2, "Spoolman", build_spoolman, SPOOL_EVENTS, SPOOL_HDR_RE, "shuffle", None),
    (3, "Obico", build_obico, OB_EVENTS, OB_HDR_RE, "simulation",
     "Celery tasks (received, running on a pool worker, finished, failed or retried), "
     "follow-up notification and timelapse tasks, periodic clean-up tasks"),
    (4, "Marlin", build_marlin, MARLIN_EVENTS, MARLIN_HDR_RE, "shuffle", None),
    (5, "Repetier", build_repetier, REP_EVENTS, REP_HDR_RE, "shuffle", None),
    (6, "Prusalink", build_prusalink, PL_EVENTS, PL_HDR_RE, "shuffle", None),
]

FORMATS = {
    "Moonraker": ("moonraker.log: `asctime [file.py:function()] - message`",
                  "text after `] - `"),
    "Spoolman": ("spoolman.log file handler: `asctime:LEVEL:logger:message` (seconds)",
                 "text after the third colon of the header (the logger name's colon)"),
    "Obico": ("Celery worker: `[asctime: LEVEL/process] message`; task-context lines add "
              "`task_name[task_id]: ` after the bracket",
              "text after `] ` or after the optional `task[id]: ` part"),
    "Marlin": ("host serial log: `asctime - message` (message keeps the `Send:`/`Recv:` direction tag)",
               "text after ` - `, including `Send:`/`Recv:`"),
    "Repetier": ("Repetier-Server server log: `YYYY-MM-DD HH:MM:SS: message`",
                 "text after the timestamp's `: `"),
    "Prusalink": ("`asctime LEVEL {module.function():line} [thread]: message`",
                  "text after `]: `"),
}


def write_system(name, events, lines):
    d = os.path.join(OUT_DIR, name)
    os.makedirs(d, exist_ok=True)
    eid = {e[0]: "E%d" % (i + 1) for i, e in enumerate(events)}
    tpl = {e[0]: e[1] for e in events}
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="\n") as f:
        for _, header, content, _ in lines:
            f.write(header + content + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_, _, content, ev) in enumerate(lines, 1):
            w.writerow([i, content, eid[ev], tpl[ev]])
    return [os.path.join(d, name + ".log"), os.path.join(d, name + ".log_structured.csv")]


def tpl_regex(t):
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in t.split("<*>")) + "$", re.S)


def check_system(name, events, header_re):
    errs = []
    d = os.path.join(OUT_DIR, name)
    with open(os.path.join(d, name + ".log"), "rb") as f:
        raw = f.read()
    with open(os.path.join(d, name + ".log_structured.csv"), "rb") as f:
        rawcsv = f.read()
    for label, blob in (("log", raw), ("csv", rawcsv)):
        if not blob.endswith(b"\n"):
            errs.append("%s does not end with newline" % label)
        if b"\r" in blob:
            errs.append("%s contains \\r" % label)
    loglines = raw.decode("utf-8").split("\n")[:-1]
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header")
    rows = rows[1:]
    if len(loglines) != N_LINES or len(rows) != N_LINES:
        errs.append("line/row count %d/%d" % (len(loglines), len(rows)))
    hre = re.compile(header_re)
    declared = ["E%d" % (i + 1) for i in range(len(events))]
    declared_tpl = {"E%d" % (i + 1): e[1] for i, e in enumerate(events)}
    tpl_of = {}
    counts = {}
    caps = {}
    last_ts = None
    for i, (line, row) in enumerate(zip(loglines, rows), 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errs.append("LineId %s at row %d" % (lid, i))
        if not content or content != content.strip():
            errs.append("row %d: empty or unstripped content" % i)
        if "\n" in line or "\n" in content:
            errs.append("row %d: newline inside" % i)
        if not line.endswith(content):
            errs.append("row %d: line does not end with content" % i)
            continue
        header = line[:len(line) - len(content)]
        m = hre.fullmatch(header)
        if not m:
            errs.append("row %d: header does not match: %r" % (i, header))
            continue
        ts = m.group("ts").replace(",", ".")
        if last_ts is not None and ts < last_ts:
            errs.append("row %d: timestamp goes back" % i)
        last_ts = ts
        if not re.fullmatch(r"E\d+", eid):
            errs.append("row %d: bad EventId %s" % (i, eid))
        if tpl_of.setdefault(eid, tpl) != tpl:
            errs.append("EventId %s has several templates" % eid)
        if declared_tpl.get(eid) != tpl:
            errs.append("row %d: template differs from declaration" % i)
        counts[eid] = counts.get(eid, 0) + 1
        mm = tpl_regex(tpl).fullmatch(content)
        if not mm:
            errs.append("row %d: template does not match content" % i)
            continue
        for j, v in enumerate(mm.groups()):
            caps.setdefault((eid, j), set()).add(v)
    if len(set(tpl_of.values())) != len(tpl_of):
        errs.append("two EventIds share a template")
    if len(set(declared_tpl.values())) != len(declared_tpl):
        errs.append("declared templates not distinct")
    if sorted(tpl_of) != sorted(declared):
        errs.append("declared events not all used: %s" % sorted(set(declared) - set(tpl_of)))
    for eid, t in tpl_of.items():
        for j in range(t.count("<*>")):
            if len(caps.get((eid, j), ())) < 2:
                errs.append("%s slot %d takes fewer than 2 values" % (eid, j + 1))
    c = sorted(counts.values())
    if not 12 <= len(c) <= 15:
        errs.append("%d event types" % len(c))
    if c and c[0] < 3:
        errs.append("an event has fewer than 3 lines")
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines")
    if c and c[-1] < 3 * statistics.median(c):
        errs.append("largest event < 3x median")
    return errs, counts


def write_readme(headers):
    L = []
    L.append("# Sealed 69: a blind corpus for the log template miner")
    L.append("")
    L.append("Six labelled logs from the 3D-printing software stack, 300 lines each: **Moonraker** "
             "(the Klipper API server, its moonraker.log), **Spoolman** (the filament spool "
             "inventory server, its default log output), **Obico** (The Spaghetti Detective server, "
             "its Celery task worker log), **Marlin** (printer firmware serial console as logged by "
             "the host), **Repetier** (Repetier-Server log output) and **Prusalink** (the PrusaLink "
             "daemon log). Each system has a folder `<System>/` holding the raw log "
             "`<System>/<System>.log` and the ground truth `<System>/<System>.log_structured.csv` "
             "with columns `LineId,Content,EventId,EventTemplate`. `generate.py` (Python 3 standard "
             "library only) regenerates every file deterministically and self-checks them.")
    L.append("")
    L.append("**Blind:** this corpus was written without running the miner or any other log parser "
             "or template miner, and without reading the miner's source, tests, docs or earlier "
             "corpora. No Loghub data and no per-system analysis from any paper was used. Every "
             "message was invented in each project's style from memory of the program's default log "
             "format and usual messages; no line, template or value list was copied from a public "
             "log or data set. Host names, addresses, ids and user names are made up.")
    L.append("")
    L.append("## Scores")
    L.append("")
    L.append("(filled in by the maintainer)")
    L.append("")
    L.append("## How it was made")
    L.append("")
    L.append("Base seed `%d`; system *k* (1..6 in the order Moonraker, Spoolman, Obico, Marlin, "
             "Repetier, Prusalink) uses its own `random.Random(%d*10 + k)`. Time comes from an "
             "integer nanosecond clock on %s UTC; no wall clock, no locale." % (BASE_SEED, BASE_SEED, DATE))
    L.append("")
    for k, name, _, _, _, mode, ents in SYSTEMS:
        if mode == "simulation":
            L.append("- **%s** is a simulation: %s, each on its own clock with overlapping lifetimes, "
                     "merged in time order, first 300 lines kept." % (name, ents))
        else:
            L.append("- **%s** is a seeded shuffle: a fixed count per event, shuffled, stamped by a "
                     "forward-only clock with exponential gaps." % name)
    L.append("")
    L.append("Pool-valued slots cycle through their pool per (event, slot), so each slot takes "
             "at least two values; other values (ids, sizes, durations, addresses) are drawn at random.")
    L.append("")
    L.append("| system | format (default shape) | Content is |")
    L.append("|---|---|---|")
    for k, name, _, _, _, _, _ in SYSTEMS:
        fmt, content = FORMATS[name]
        L.append("| %s | %s; example header `%s` | %s |" % (name, fmt, headers[name].rstrip(), content))
    L.append("")
    L.append("## Ground-truth convention (Loghub style)")
    L.append("")
    L.append("- One `<*>` per value. A value that contains spaces still gets one `<*>` (free-text "
             "errors, SQL, lists, `2 MB`, glued durations like `1.2s` or `350ms`, timestamps inside "
             "the message).")
    L.append("- Punctuation around a value stays literal (`(<*>)`, `[<*>]`, `<*>,`, `\"<*>\"`, `key=<*>`).")
    L.append("- Words that name a different event stay literal; different words mean different events.")
    L.append("- An optional field makes a separate event type.")
    L.append("- Text that never changes within an event type stays literal, even if it looks like a number.")
    L.append("- Every `<*>` takes at least two distinct values in the data.")
    L.append("")
    L.append("Example templates:")
    L.append("")
    picks = {"Moonraker": (1, 4, 8), "Spoolman": (2, 3, 9), "Obico": (1, 3, 7),
             "Marlin": (1, 3, 9), "Repetier": (1, 5, 10), "Prusalink": (0, 1, 9)}
    for k, name, _, events, _, _, _ in SYSTEMS:
        ex = ", ".join("`E%d %s`" % (i + 1, events[i][1]) for i in picks[name])
        L.append("- %s: %s" % (name, ex))
    L.append("")
    path = os.path.join(OUT_DIR, "README.md")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(L))
    return path


def main():
    written = []
    headers = {}
    for k, name, builder, events, hre, mode, _ in SYSTEMS:
        _, lines = builder(k)
        headers[name] = lines[0][1]
        written += write_system(name, events, lines)
    written.append(write_readme(headers))
    ok = True
    for k, name, builder, events, hre, mode, _ in SYSTEMS:
        errs, counts = check_system(name, events, hre)
        c = sorted(counts.values())
        print("%-10s %-10s lines=%d events=%d max=%d median=%s min=%d small(3-10)=%d %s" % (
            name, mode, sum(c), len(c), c[-1] if c else 0, statistics.median(c) if c else 0,
            c[0] if c else 0, sum(1 for x in c if 3 <= x <= 10), "OK" if not errs else "FAIL"))
        for e in errs[:20]:
            print("    " + e)
        ok = ok and not errs
    print("files written: %d (+ generate.py)" % len(written))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
