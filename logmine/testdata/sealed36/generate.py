#!/usr/bin/env python3
"""Sealed 36 corpus generator.

Standard library only, fully deterministic: no wall clock, no locale.
Base seed 20270131; system k (1..6) uses random.Random(20270131 * 10 + k).
Time comes from an integer nanosecond clock on 2026-03-14 UTC.
Running it writes every corpus file and then self-checks them.
"""
import csv
import os
import random
import re
import statistics
import string
import sys

BASE_SEED = 20270131
OUT = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300

YEAR, MONTH, DAY = 2026, 3, 14
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

SEC = 10 ** 9
MS = 10 ** 6
MIN = 60 * SEC
HOUR = 60 * MIN


def weekday(y, m, d):
    """Sakamoto's method, 0 = Sunday."""
    t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
    if m < 3:
        y -= 1
    return (y + y // 4 - y // 100 + y // 400 + t[m - 1] + d) % 7


DATE_ISO = "%04d-%02d-%02d" % (YEAR, MONTH, DAY)
MON = MONTHS[MONTH - 1]
WDAY = WEEKDAYS[weekday(YEAR, MONTH, DAY)]


def split_ns(ns):
    assert 0 <= ns < 24 * HOUR, "clock left the day"
    s, frac = divmod(ns, SEC)
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return h, m, s, frac


# --------------------------------------------------------------------------
# Shared machinery
# --------------------------------------------------------------------------

class Event:
    def __init__(self, key, template, gen=None, count=0, **meta):
        self.key = key
        self.template = template
        self.gen = gen
        self.count = count
        self.meta = meta
        self.nslots = template.count("<*>")


def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) - 1 == len(values), (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        out.append(str(v))
        out.append(p)
    return "".join(out)


class Ctx:
    """Per-system value helpers on top of the system's own Random."""

    def __init__(self, rng):
        self.rng = rng
        self._cyc = {}

    def cyc(self, key, pool):
        """Cycle through a small pool per (event, slot) key."""
        i = self._cyc.get(key)
        if i is None:
            i = self.rng.randrange(len(pool))
        self._cyc[key] = i + 1
        return pool[i % len(pool)]

    def hexs(self, n):
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def ip_lan(self):
        r = self.rng
        k = r.randrange(3)
        if k == 0:
            return "192.168.%d.%d" % (r.choice([0, 1, 10, 50]), r.randint(2, 250))
        if k == 1:
            return "10.%d.%d.%d" % (r.randint(0, 40), r.randint(0, 255), r.randint(2, 250))
        return "172.%d.%d.%d" % (r.randint(16, 31), r.randint(0, 255), r.randint(2, 250))

    def ip_wan(self):
        r = self.rng
        first = r.choice([31, 46, 62, 77, 84, 91, 95, 109, 141, 176, 185, 188, 212, 217])
        return "%d.%d.%d.%d" % (first, r.randint(0, 255), r.randint(0, 255), r.randint(1, 254))

    def eport(self):
        return self.rng.randint(32768, 60999)

    def b64(self, n):
        alphabet = string.ascii_letters + string.digits + "+/"
        return "".join(self.rng.choice(alphabet) for _ in range(n))


class System:
    def __init__(self, k, name, kind, events, header_re, header_fn, ts_key):
        self.k = k
        self.name = name
        self.kind = kind              # "shuffle" or "simulation"
        self.events = events
        self.by_key = {e.key: i for i, e in enumerate(events)}
        assert len(self.by_key) == len(events)
        self.header_re = re.compile(header_re)
        self.header_fn = header_fn    # (ns, meta) -> header string
        self.ts_key = ts_key          # (match) -> comparable time key
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.ctx = Ctx(self.rng)


def shuffle_records(system, start_ns, mean_gap_ns):
    """Fixed count per event, shuffled, stamped by a forward-only clock."""
    rng = system.rng
    order = []
    for i, ev in enumerate(system.events):
        order.extend([i] * ev.count)
    assert len(order) == N_LINES, (system.name, len(order))
    rng.shuffle(order)
    t = start_ns
    recs = []
    for i in order:
        t += 1 + int(rng.expovariate(1.0 / mean_gap_ns))
        ev = system.events[i]
        values, meta = ev.gen(system.ctx)
        m = dict(ev.meta)
        m.update(meta or {})
        recs.append((t, i, tuple(values), m))
    return recs


class Sim:
    """Collects lines emitted by entities living on their own clocks."""

    def __init__(self, system):
        self.system = system
        self.buf = []
        self.seq = 0

    def emit(self, t, key, values=(), **meta):
        i = self.system.by_key[key]
        m = dict(self.system.events[i].meta)
        m.update(meta)
        self.buf.append((int(t), self.seq, i, tuple(values), m))
        self.seq += 1

    def records(self):
        self.buf.sort(key=lambda r: (r[0], r[1]))
        return [(t, i, v, m) for (t, _s, i, v, m) in self.buf[:N_LINES]]


# --------------------------------------------------------------------------
# 1. Lidarr
# --------------------------------------------------------------------------

LIDARR_ARTISTS = [
    "The Velvet Hours", "Marrow Lake", "Kestrel & The Tide", "Ossian Vale",
    "Neon Tundra", "Hollow Pines", "Saint Agathe", "Copperline", "Dune Orchard",
    "Lena Morvay", "Quiet Harbour", "Glass Animals Society", "Vireo", "The Paper Lanterns",
    "Ashgrove Collective", "Mira Solenne", "Black Fennel", "Halcyon Drift",
    "Tomasz Wieland Trio", "Ember & Ash", "Loess", "Northbound Static",
    "The Cormorants", "Ivy Calder", "Pale Meridian", "Rusted Satellites",
]
LIDARR_ALBUMS = [
    "Low Tide Letters", "Paper Moons", "Signal Fires", "Winter Cartography",
    "Borrowed Light", "Salt Roads", "Quiet Machines", "The Long Thaw",
    "Atlas of Small Things", "Glasshouse", "Midnight Orchard", "Static Hymns",
    "Second Skin", "Harbour Lights", "Open Country", "Sleepwalker Suite",
]
LIDARR_CLIENTS = ["qBittorrent", "SABnzbd", "Deluge", "NZBGet"]
LIDARR_INDEXERS = ["NZBplanet", "OrpheusProxy", "DrunkenSlug", "Jackett-Music", "nzbgeek"]
LIDARR_IDX_HOSTS = ["nzb.hollowpine.net", "idx.quietharbour.io", "api.slugfeed.org",
                    "jackett.lan:9117", "search.marrowlake.cc"]
LIDARR_FORMATS = ["FLAC", "FLAC 24bit", "MP3 320", "MP3 V0", "AAC 256"]
LIDARR_HTTP = ["503.ServiceUnavailable", "429.TooManyRequests", "502.BadGateway",
               "500.InternalServerError", "524.Timeout"]


def lidarr_events():
    def artist(c):
        return c.rng.choice(LIDARR_ARTISTS)

    def album(c):
        return c.rng.choice(LIDARR_ALBUMS)

    def rss_done(c):
        return ([c.rng.randint(40, 400), c.cyc("rss.grab", [0, 0, 1, 2, 0, 3])], {})

    def search(c):
        return (["%s - %s" % (artist(c), album(c)), c.cyc("search.idx", [3, 4, 5, 2])], {})

    def sent(c):
        rel = "%s - %s (%d) [%s]" % (artist(c), album(c), c.rng.randint(1998, 2025),
                                     c.rng.choice(LIDARR_FORMATS))
        return ([c.cyc("sent.client", LIDARR_CLIENTS), c.cyc("sent.idx", LIDARR_INDEXERS), rel], {})

    def http_err(c):
        host = c.rng.choice(LIDARR_IDX_HOSTS)
        q = "+".join(c.rng.choice(LIDARR_ARTISTS).lower().replace("&", "and").split())
        url = "https://%s/api?t=music&cat=3000,3010,3040&extended=1&apikey=(removed)&offset=0&limit=100&q=%s" % (host, q)
        return ([c.cyc("http.meth", ["GET", "GET", "POST"]), url,
                 c.cyc("http.code", LIDARR_HTTP), "%d ms" % c.rng.randint(35, 30000)], {})

    def recycle(c):
        a = artist(c)
        path = "/music/%s/%s (%d)/%02d - %s.flac" % (
            a, album(c), c.rng.randint(1998, 2025), c.rng.randint(1, 14),
            c.rng.choice(["Intro", "Lanterns", "Harbour", "Glass", "Outro", "Low Tide", "Meridian"]))
        return ([path], {})

    E = Event
    return [
        E("refresh", "Updating Info for <*>", lambda c: ([artist(c)], {}), 83,
          level="Info", logger="RefreshArtistService"),
        E("skip", "Skipping refresh of artist: <*>", lambda c: ([artist(c)], {}), 60,
          level="Info", logger="RefreshArtistService"),
        E("scan", "Scanning disk for <*>", lambda c: ([artist(c)], {}), 35,
          level="Info", logger="DiskScanService"),
        E("scandone", "Completed scanning disk for <*>", lambda c: ([artist(c)], {}), 33,
          level="Info", logger="DiskScanService"),
        E("rss", "Starting RSS Sync", lambda c: ([], {}), 12,
          level="Info", logger="RssSyncService"),
        E("rssdone", "RSS Sync Completed. Reports found: <*>, Reports grabbed: <*>", rss_done, 11,
          level="Info", logger="RssSyncService"),
        E("search", "Searching indexers for [<*>]. <*> active indexers", search, 16,
          level="Info", logger="ReleaseSearchService"),
        E("searchdone", "Album search completed. <*> reports downloaded.",
          lambda c: ([c.cyc("sdone.n", [0, 1, 0, 2, 1])], {}), 14,
          level="Info", logger="AlbumSearchService"),
        E("sent", "Report sent to <*> from indexer <*>. <*>", sent, 8,
          level="Info", logger="DownloadService"),
        E("import", "Importing album '<*>' with <*> tracks",
          lambda c: (["%s - %s" % (artist(c), album(c)), c.rng.randint(6, 18)], {}), 9,
          level="Info", logger="ImportApprovedTracks"),
        E("httperr", "HTTP Error - Res: HTTP/1.1 [<*>] <*>: <*> (<*>)", http_err, 6,
          level="Warn", logger="HttpClient"),
        E("queue", "Unable to retrieve queue and history items from <*>",
          lambda c: ([c.cyc("queue.client", LIDARR_CLIENTS)], {}), 5,
          level="Warn", logger="DownloadMonitoringService"),
        E("house", "Running housecleaning tasks", lambda c: ([], {}), 4,
          level="Info", logger="HousekeepingService"),
        E("recycle", "Recycling Bin has not been configured, deleting permanently. <*>", recycle, 4,
          level="Info", logger="RecycleBinProvider"),
    ]


def lidarr_header(ns, meta):
    h, m, s, frac = split_ns(ns)
    return "%s %02d:%02d:%02d.%d|%s|%s|" % (DATE_ISO, h, m, s, frac // (SEC // 10),
                                            meta["level"], meta["logger"])


LIDARR_RE = (r"(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d)"
             r"\|(?:Trace|Debug|Info|Warn|Error|Fatal)\|[A-Za-z]+\|")


def build_lidarr(sysobj):
    return shuffle_records(sysobj, 7 * HOUR + 12 * MIN, 55 * SEC)


# --------------------------------------------------------------------------
# 2. Transmission (simulation: torrents)
# --------------------------------------------------------------------------

TR_HOST = "seedbox"
TR_PID = 1187
TR_NAMES = [
    "debian-12.9.0-amd64-netinst.iso", "archlinux-2026.03.01-x86_64.iso",
    "Fedora-Workstation-Live-x86_64-43", "ubuntu-25.10-desktop-amd64.iso",
    "Big Buck Bunny (2008) [1080p]", "Sintel.2010.4K.WEB", "linuxmint-22.1-cinnamon-64bit.iso",
    "openSUSE-Tumbleweed-DVD-x86_64-Snapshot20260310", "Tears of Steel 4K",
    "Internet Archive - Prelinger Collection vol 3", "kali-linux-2026.1-installer-amd64.iso",
    "FreeBSD-14.2-RELEASE-amd64-dvd1.iso", "Elephants Dream (2006) 1080p",
    "alpine-standard-3.21.2-x86_64.iso", "pop-os_24.04_amd64_nvidia_12.iso",
    "NixOS-minimal-25.11-x86_64", "Cosmos Laundromat 2015 WEBRip", "rocky-9.5-x86_64-dvd.iso",
    "LibriVox - Moby Dick Unabridged", "tails-amd64-6.12.img", "manjaro-kde-25.0.1-minimal.iso",
    "Spring - Blender Open Movie (2019)", "endeavouros-2026.02.14-x86_64.iso",
    "Project Gutenberg DVD 2010",
]
TR_ANN_ERR = ["Could not connect to tracker", "Connection timed out",
              "Tracker gave HTTP response code 502 (Bad Gateway)",
              "Couldn't resolve host name", "Torrent not registered with this tracker"]
TR_WARN = ["Unregistered torrent", "Rate limited, slow down",
           "Tracker is in maintenance mode", "Your client is not up to date"]
TR_SCRAPE = ["Connection failed", "Tracker did not respond", "Could not parse scrape response"]


def transmission_events():
    E = Event
    return [
        E("queued", "<*>: Queued for verification (verify.c:281)"),
        E("verify", "<*>: Verifying torrent (verify.c:228)"),
        E("start", "<*>: Starting (torrent.c:1742)"),
        E("pause", "<*>: Pausing (torrent.c:1890)"),
        E("dht", "<*>: Starting DHT announce (<*>, <*> nodes) (tr-dht.c:706)"),
        E("annerr", "<*>: Announce error: <*> (announcer.c:1071)"),
        E("trwarn", "<*>: Tracker warning: \"<*>\" (announcer.c:1015)"),
        E("scrape", "<*>: Scrape error: <*> (announcer.c:1384)"),
        E("piece", "<*>: Piece <*>, which was just downloaded, failed its checksum test (torrent.c:3309)"),
        E("state", "<*>: State changed from \"<*>\" to \"<*>\" (torrent.c:2051)"),
        E("saved", "Saved \"<*>\" (variant.c:1221)"),
        E("remove", "<*>: Removing torrent (torrent.c:1962)"),
        E("natpmp", "Port Forwarding (NAT-PMP): Found public address \"<*>\" (natpmp.c:111)"),
    ]


def transmission_header(ns, meta):
    h, m, s, frac = split_ns(ns)
    return "%s %02d %02d:%02d:%02d %s transmission-daemon[%d]: [%s %02d:%02d:%02d.%03d] " % (
        MON, DAY, h, m, s, TR_HOST, TR_PID, DATE_ISO, h, m, s, frac // MS)


TRANSMISSION_RE = (r"[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} [\w.-]+ transmission-daemon\[\d+\]: "
                   r"\[(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3})\] ")


def build_transmission(sysobj):
    sim = Sim(sysobj)
    c = sysobj.ctx
    r = c.rng
    resume_dir = "/var/lib/transmission-daemon/.config/transmission-daemon/resume"
    t0 = 9 * HOUR + 3 * MIN
    horizon = t0 + 9 * HOUR

    # background: public address refresh from the router
    t = t0 + int(r.uniform(5, 30) * MIN)
    while t < horizon:
        sim.emit(t, "natpmp", [c.cyc("nat.ip", ["84.17.203.61", "84.17.198.222", "84.17.203.61", "84.17.211.9"])])
        t += int(r.uniform(35, 70) * MIN)

    t = t0
    idx = 0
    names = list(TR_NAMES)
    r.shuffle(names)
    while t < horizon:
        t += int(r.expovariate(1.0 / (11 * MIN))) + SEC
        name = names[idx % len(names)]
        if idx >= len(names):
            name = "%s.%d" % (name, idx // len(names) + 1)
        hsh = c.hexs(16)
        resume = "%s/%s.%s.resume" % (resume_dir, name, hsh)
        tt = t
        if idx % 3 == 1:
            sim.emit(tt, "queued", [name])
            tt += int(r.uniform(0.3, 40) * SEC)
            sim.emit(tt, "verify", [name])
            tt += int(r.uniform(20, 400) * SEC)
        sim.emit(tt, "start", [name])
        sim.emit(tt + int(r.uniform(5, 90) * MS), "saved", [resume])
        life = int(r.uniform(40, 240) * MIN)
        end = tt + life
        done_at = tt + int(life * r.uniform(0.2, 0.8))
        # periodic DHT announces while active
        d = tt + int(r.uniform(1, 20) * SEC)
        while d < end:
            sim.emit(d, "dht", [name, c.cyc("dht.st", ["good", "good", "good", "firewalled", "good", "poor"]),
                                r.randint(60, 420)])
            d += int(r.uniform(18, 34) * MIN)
        if idx % 4 == 2:
            e = tt + int(r.uniform(2, 60) * MIN)
            sim.emit(e, "annerr", [name, c.cyc("ann.err", TR_ANN_ERR)])
            if idx % 8 == 2:
                sim.emit(e + int(r.uniform(5, 30) * MIN), "annerr", [name, c.cyc("ann.err", TR_ANN_ERR)])
        if idx % 6 == 3:
            sim.emit(tt + int(r.uniform(1, 50) * MIN), "trwarn", [name, c.cyc("tr.warn", TR_WARN)])
        if idx % 7 == 4:
            sim.emit(tt + int(r.uniform(3, 80) * MIN), "scrape", [name, c.cyc("scrape", TR_SCRAPE)])
        if idx % 5 == 0:
            p = tt + int(r.uniform(1, 30) * MIN)
            sim.emit(p, "piece", [name, r.randint(0, 6200)])
        sim.emit(done_at, "state", [name, "Incomplete", "Complete"])
        sim.emit(done_at + int(r.uniform(10, 200) * MS), "saved", [resume])
        if idx % 3 == 0:
            sd = done_at + int(r.uniform(10, 60) * MIN)
            if sd < end:
                sim.emit(sd, "state", [name, "Complete", "Done"])
                sim.emit(sd + int(r.uniform(10, 200) * MS), "saved", [resume])
        sim.emit(end, "pause", [name])
        sim.emit(end + int(r.uniform(10, 300) * MS), "saved", [resume])
        if idx % 2 == 0:
            sim.emit(end + int(r.uniform(1, 40) * SEC), "remove", [name])
        idx += 1
    return sim.records()


# --------------------------------------------------------------------------
# 3. Deluge (shuffle)
# --------------------------------------------------------------------------

DL_NAMES = [
    "debian-live-12.9.0-amd64-kde.iso", "ubuntu-24.04.2-live-server-amd64.iso",
    "Night of the Living Dead (1968) [720p]", "archlinux-2026.02.01-x86_64.iso",
    "Wikipedia_en_all_maxi_2026-01.zim", "Caminandes 3 - Llamigos", "gparted-live-1.7.0-1-amd64.iso",
    "OpenStreetMap planet-260302.osm.pbf", "The General (1926) Buster Keaton",
    "Agent 327 Operation Barbershop", "proxmox-ve_8.3-1.iso", "clonezilla-live-3.2.0-5-amd64.iso",
    "NASA Apollo 11 Flight Journal Audio", "raspios-bookworm-arm64-lite.img.xz",
    "Nosferatu 1922 restored", "Sprite Fright (2021) 2160p",
]
DL_USERS = ["localclient", "admin", "mira", "jonas", "seedbot"]
DL_STATE_KEYS = ["dht_nodes", "has_incoming_connections", "upload_rate", "num_peers",
                 "dht_global_nodes", "payload_download_rate"]
DL_PLUGINS = ["Label", "AutoAdd", "Scheduler", "Execute", "Blocklist", "Extractor", "Notifications"]
DL_DISC = ["Connection was closed cleanly.",
           "Connection to the other side was lost in a non-clean fashion: Connection lost.",
           "Connection lost"]
DL_TRK = ["Service Unavailable", "Connection refused", "timed out", "unregistered torrent",
          "Host not found (authoritative)", "tracker sent a failure message: Torrent not found"]


def deluge_events():
    def tname(c):
        return c.rng.choice(DL_NAMES)

    def client_ip(c):
        return c.cyc("conn.ip", ["127.0.0.1", "127.0.0.1", "192.168.1.34", "10.8.0.6", "192.168.1.52"])

    def save(c):
        kind = c.cyc("save.kind", ["state", "fastresume", "state"])
        path = "/var/lib/deluged/config/state/torrents.%s" % kind
        return ([kind, path], {})

    def move(c):
        dest = c.rng.choice(["/srv/torrents/complete", "/mnt/storage/seeding", "/srv/torrents/iso",
                             "/mnt/usb2/archive", "/srv/media/films"])
        return ([c.hexs(40), dest], {})

    E = Event
    TM = "deluge.core.torrentmanager"
    return [
        E("added", "Torrent <*> from user \"<*>\" added",
          lambda c: ([tname(c), c.cyc("added.user", DL_USERS)], {}), 70,
          level="INFO", logger=TM, lineno=1001),
        E("loaded", "Torrent <*> from user \"<*>\" loaded",
          lambda c: ([tname(c), c.cyc("loaded.user", DL_USERS)], {}), 40,
          level="INFO", logger=TM, lineno=1001),
        E("removed", "Torrent <*> removed by user: <*>",
          lambda c: ([tname(c), c.cyc("removed.user", DL_USERS)], {}), 30,
          level="INFO", logger=TM, lineno=1080),
        E("conn", "Deluge Client connection made from: <*>:<*>",
          lambda c: ([client_ip(c), c.eport()], {}), 35,
          level="INFO", logger="deluge.core.rpcserver", lineno=179),
        E("disc", "Deluge client disconnected: <*>",
          lambda c: ([c.cyc("disc.reason", DL_DISC)], {}), 33,
          level="INFO", logger="deluge.core.rpcserver", lineno=206),
        E("trkerr", "Tracker error for torrent <*>: <*>",
          lambda c: ([tname(c), c.cyc("trk.err", DL_TRK)], {}), 20,
          level="WARNING", logger=TM, lineno=1492),
        E("saving", "Saving the <*> at: <*>", save, 25,
          level="INFO", logger=TM, lineno=842),
        E("statkey", "Session status key not valid: <*>",
          lambda c: ([c.cyc("stat.key", DL_STATE_KEYS)], {}), 15,
          level="WARNING", logger="deluge.core.core", lineno=731),
        E("plugon", "Plugin <*> enabled...",
          lambda c: ([c.cyc("plug.on", DL_PLUGINS)], {}), 8,
          level="INFO", logger="deluge.pluginmanagerbase", lineno=238),
        E("plugoff", "Plugin <*> disabled...",
          lambda c: ([c.cyc("plug.off", DL_PLUGINS)], {}), 5,
          level="INFO", logger="deluge.pluginmanagerbase", lineno=258),
        E("notfound", "Unable to find torrent id: <*>",
          lambda c: ([c.hexs(40)], {}), 6,
          level="WARNING", logger=TM, lineno=467),
        E("dupe", "Unable to add torrent: Torrent already in session (<*>).",
          lambda c: ([c.hexs(40)], {}), 5,
          level="ERROR", logger="deluge.core.core", lineno=417),
        E("move", "Moving storage <*> to <*>", move, 8,
          level="INFO", logger="deluge.core.torrent", lineno=1376),
    ]


def deluge_header(ns, meta):
    h, m, s, frac = split_ns(ns)
    return "%02d:%02d:%02d.%03d [%-8s][%-30s:%-4d] " % (h, m, s, frac // MS, meta["level"],
                                                       meta["logger"], meta["lineno"])


DELUGE_RE = (r"(?P<ts>\d{2}:\d{2}:\d{2}\.\d{3}) \[(?:DEBUG|INFO|WARNING|ERROR|CRITICAL) *\]"
             r"\[[a-z_.]+ *:\d+ *\] ")


def build_deluge(sysobj):
    return shuffle_records(sysobj, 6 * HOUR + 41 * MIN, 70 * SEC)


# --------------------------------------------------------------------------
# 4. Murmur (simulation: user connections)
# --------------------------------------------------------------------------

MU_USERS = ["fennec", "Kalla", "drozdov", "m1ra", "Oskar_B", "tinker", "wrenna", "Bastian",
            "lowfreq", "Pelle", "saoirse", "zed_", "Hanno", "quill", "Rook", "juniper",
            "nadia.k", "Thorvald", "ellipsis", "Greta", "vox", "marek77", "Ilse", "sundew"]
MU_CHANNELS = [("Root", 0, 0), ("Lobby", 1, 0), ("Gaming", 2, 0), ("AFK", 3, 0),
               ("Raid Night", 4, 2), ("Music", 5, 0), ("Quiet Room", 6, 0), ("Squad B", 7, 2)]
MU_VERSIONS = [("1.5.735", "Linux", "Arch Linux"), ("1.5.634", "Win", "Windows 11 24H2"),
               ("1.4.287", "Win", "Windows 10 22H2"), ("1.5.735", "OSX", "macOS 15.3"),
               ("1.3.4", "X11", "Ubuntu 22.04.4 LTS"), ("1.5.517", "Linux", "Fedora Linux 41")]
MU_CLOSE = [("The remote host closed the connection", 1), ("Timeout", -1),
            ("Connection refused", 0), ("The remote host closed the connection", 1),
            ("Remote host closed connection", 1)]
MU_REJECT = ["Invalid server password", "Wrong certificate or password for existing user",
             "Username already in use", "Server is full"]
MU_SSL = ["The remote host closed the connection", "Error while reading: tlsv1 alert unknown ca",
          "The TLS/SSL connection has been closed", "Connection reset by peer"]
MU_KICK = ["spamming the lobby", "mic feedback, fix your setup", "AFK in raid channel", "be nice"]
MU_NEWCHAN = ["Movie Night", "Duo Queue", "Late Shift", "Study Hall", "Board Games", "Tavern"]


def murmur_events():
    E = Event
    return [
        E("newconn", "<<*>:(-1)> New connection: <*>:<*>"),
        E("version", "<<*>:(-1)> Client version <*> (<*>: <*>)"),
        E("auth", "<<*>:<*>(<*>)> Authenticated"),
        E("reject", "<<*>:<*>(-1)> Rejected connection from <*>:<*>: <*>"),
        E("ssl", "<<*>:(-1)> SSL Error: <*>"),
        E("moved", "<<*>:<*>(<*>)> Moved <*>:<*>(<*>) to <*>[<*>:<*>]"),
        E("closed", "<<*>:<*>(<*>)> Connection closed: <*> [<*>]"),
        E("ghost", "<<*>:<*>(<*>)> Disconnecting ghost"),
        E("addchan", "<<*>:<*>(<*>)> Added channel <*> under <*>"),
        E("rmchan", "<<*>:<*>(<*>)> Removed channel <*>"),
        E("renchan", "<<*>:<*>(<*>)> Renamed channel <*> to <*>"),
        E("kick", "<<*>:<*>(<*>)> Kicked <*>:<*>(<*>) for \"<*>\""),
    ]


def murmur_header(ns, meta):
    h, m, s, frac = split_ns(ns)
    sid = meta.get("sid")
    srv = "%d => " % sid if sid is not None else ""
    return "<%s>%s %02d:%02d:%02d.%03d %s" % (meta.get("lvl", "W"), DATE_ISO, h, m, s, frac // MS, srv)


MURMUR_RE = (r"<[DWCFX]>(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}) (?:\d+ => )?")


def build_murmur(sysobj):
    sim = Sim(sysobj)
    c = sysobj.ctx
    r = c.rng
    t0 = 18 * HOUR + 2 * MIN
    horizon = t0 + 5 * HOUR
    session = {1: 41, 2: 7}
    admins = [("Hanno", 3, 2), ("Greta", 4, 5)]  # name, user id, session (long-lived)
    users = [u for u in MU_USERS if u not in ("Hanno", "Greta")]
    uids = {u: (r.randint(6, 160) if i % 3 else -1) for i, u in enumerate(users)}
    t = t0
    idx = 0
    while t < horizon:
        t += int(r.expovariate(1.0 / (95 * SEC))) + 200 * MS
        sid = 1 if idx % 5 else 2
        session[sid] += 1
        sess = session[sid]
        name = users[(idx * 7 + r.randrange(3)) % len(users)]
        uid = uids[name]
        ip = c.ip_wan() if idx % 4 else c.ip_lan()
        port = c.eport()
        tt = t
        sim.emit(tt, "newconn", [sess, ip, port], sid=sid)
        tt += int(r.uniform(20, 400) * MS)
        if idx % 11 == 6:
            sim.emit(tt, "ssl", [sess, c.cyc("ssl", MU_SSL)], sid=sid)
            idx += 1
            continue
        ver, osn, osv = c.cyc("ver", MU_VERSIONS)
        sim.emit(tt, "version", [sess, ver, osn, osv], sid=sid)
        tt += int(r.uniform(30, 600) * MS)
        if idx % 13 == 9:
            sim.emit(tt, "reject", [sess, name, ip, port, c.cyc("rej", MU_REJECT)], sid=sid)
            idx += 1
            continue
        if idx % 14 == 4:
            sim.emit(tt, "ghost", [sess, name, uid], sid=sid)
            tt += int(r.uniform(1, 30) * MS)
        sim.emit(tt, "auth", [sess, name, uid], sid=sid)
        stay = int(r.expovariate(1.0 / (38 * MIN))) + 30 * SEC
        end = tt + stay
        nmoves = r.choice([1, 1, 2, 2, 3, 4, 5])
        for j in range(nmoves):
            mt = tt + int(stay * r.uniform(0.02, 0.95))
            ch = c.cyc("mv.chan", MU_CHANNELS[1:])
            if j == 1 and idx % 6 == 0:
                admin = c.cyc("mv.admin", admins)
                sim.emit(mt, "moved", [admin[2], admin[0], admin[1], name, sess, uid,
                                       ch[0], ch[1], ch[2]], sid=sid)
            else:
                sim.emit(mt, "moved", [sess, name, uid, name, sess, uid, ch[0], ch[1], ch[2]], sid=sid)
        if idx % 6 == 5:
            nc = "%s %d" % (c.cyc("newchan", MU_NEWCHAN), r.randint(1, 9)) if r.random() < 0.3 else c.cyc("newchan", MU_NEWCHAN)
            parent = c.cyc("parent", ["Root", "Gaming", "Lobby"])
            at = tt + int(stay * r.uniform(0.05, 0.4))
            sim.emit(at, "addchan", [sess, name, uid, nc, parent], sid=sid)
            if idx % 18 == 5:
                sim.emit(at + int(stay * 0.3), "renchan", [sess, name, uid, nc, nc + " (old)"], sid=sid)
            sim.emit(tt + int(stay * r.uniform(0.5, 0.97)), "rmchan", [sess, name, uid, nc], sid=sid)
        if idx % 10 == 7:
            kt = tt + int(stay * r.uniform(0.3, 0.9))
            admin = c.cyc("kick.admin", admins)
            sim.emit(kt, "kick", [admin[2], admin[0], admin[1], name, sess, uid, c.cyc("kick", MU_KICK)], sid=sid)
            sim.emit(kt + int(r.uniform(1, 50) * MS), "closed",
                     [sess, name, uid, "Kicked", -1], sid=sid)
            idx += 1
            continue
        reason, code = c.cyc("close", MU_CLOSE)
        sim.emit(end, "closed", [sess, name, uid, reason, code], sid=sid)
        idx += 1
    # a few standing renames by the admin (session 2 on server 1)
    rt = t0 + 25 * MIN
    for k in range(4):
        old = c.cyc("ren.old", ["Squad B", "Quiet Room", "Music", "Raid Night"])
        new = c.cyc("ren.new", ["Squad Bravo", "Silent Room", "Music & Chill", "Raid Night (Tue)"])
        admin = admins[k % 2]
        sim.emit(rt, "renchan", [admin[2], admin[0], admin[1], old, new], sid=1)
        rt += int(r.uniform(20, 70) * MIN)
    return sim.records()


# --------------------------------------------------------------------------
# 5. Janus Gateway (shuffle)
# --------------------------------------------------------------------------

JA_PLUGINS = ["JANUS VideoRoom plugin", "JANUS EchoTest plugin", "JANUS AudioBridge plugin",
              "JANUS Streaming plugin", "JANUS TextRoom plugin"]
JA_HANGUP = ["DTLS alert", "ICE failed", "close PC request", "timeout"]
JA_BADPLUG = ["janus.plugin.videoroomx", "janus.plugin.sipre", "janus.plugin.nosip2",
              "janus.plugin.recordplayer"]


def janus_events():
    def jid(c):
        return c.rng.randint(10 ** 14, 9 * 10 ** 15)

    def ptr(c):
        return "0x7f" + c.hexs(10)

    E = Event
    return [
        E("newsess", "Creating new session: <*>; <*>", lambda c: ([jid(c), ptr(c)], {}), 30),
        E("newhandle", "Creating new handle in session <*>: <*>; <*> <*>",
          lambda c: ([jid(c), jid(c), ptr(c), ptr(c)], {}), 103),
        E("timeout", "Timeout expired for session <*>...", lambda c: ([jid(c)], {}), 12),
        E("destroy", "Destroying session <*>; <*>", lambda c: ([jid(c), ptr(c)], {}), 22),
        E("detach", "Detaching handle from <*>; <*> <*> <*>",
          lambda c: ([c.cyc("detach.plugin", JA_PLUGINS), ptr(c), ptr(c), ptr(c)], {}), 40),
        E("freed", "[<*>] WebRTC resources freed; <*> <*>", lambda c: ([jid(c), ptr(c), ptr(c)], {}), 30),
        E("dtls", "[<*>] The DTLS handshake has been completed", lambda c: ([jid(c)], {}), 18),
        E("iceagent", "[<*>] Creating ICE agent (ICE Full mode, <*>)",
          lambda c: ([jid(c), c.cyc("ice.role", ["controlled", "controlled", "controlling"])], {}), 20),
        E("hangup", "[<*>] Hanging up PeerConnection because of a <*>",
          lambda c: ([jid(c), c.cyc("hangup", JA_HANGUP)], {}), 9),
        E("icewarn", "[<*>] ICE failed for component 1 in stream 1, but let's give it some time... "
                     "(trickle <*>, answer <*>, alert not set)",
          lambda c: ([jid(c), c.cyc("icew.tr", ["received", "pending"]),
                      c.cyc("icew.ans", ["received", "received", "pending"])], {}), 6,
          prefix="[WARN] "),
        E("iceerr", "[<*>] ICE failed for component 1 in stream 1...", lambda c: ([jid(c)], {}), 4,
          prefix="[ERR] [ice.c:janus_ice_cb_component_state_changed:1894] "),
        E("nomedia", "[<*>] No WebRTC media anymore; <*> <*>", lambda c: ([jid(c), ptr(c), ptr(c)], {}), 3),
        E("badplugin", "Couldn't attach to plugin '<*>', no such plugin",
          lambda c: ([c.cyc("badplug", JA_BADPLUG)], {}), 3,
          prefix="[ERR] [janus.c:janus_process_incoming_request:1412] "),
    ]


def janus_header(ns, meta):
    h, m, s, frac = split_ns(ns)
    return "[%s %s %2d %02d:%02d:%02d %d] %s" % (WDAY, MON, DAY, h, m, s, YEAR, meta.get("prefix", ""))


JANUS_RE = (r"\[(?P<ts>(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat) [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4})\] "
            r"(?:\[WARN\] |\[ERR\] \[[\w./-]+:\w+:\d+\] )?")


def build_janus(sysobj):
    return shuffle_records(sysobj, 11 * HOUR + 27 * MIN, 9 * SEC)


# --------------------------------------------------------------------------
# 6. TeamSpeak 3 server (simulation: client and query connections)
# --------------------------------------------------------------------------

TS_NICKS = ["Falkenauge", "crumpet", "NoScope_Nils", "Birte", "valkyr", "Moss", "DerBaecker",
            "kitsune", "Lorcan", "pixelwitch", "Quade", "sternchen", "Jorvik", "tallboy",
            "Ymir", "honeybadger", "Rasmus", "olive_oyl", "Kasimir", "nightjar"]
TS_GROUPS = [("Admin", 6), ("Member", 9), ("Guest", 8), ("Moderator", 11), ("Streamer", 14)]
TS_CHANNELS = ["Lounge", "Raid Planning", "Trio Queue", "Movie Night", "Talk 1", "Talk 2",
               "Private - Lorcan", "Stream Lobby", "Offtopic"]
TS_PERMS = [("i_channel_needed_join_power", 8467), ("b_client_ignore_antiflood", 8294),
            ("i_client_talk_power", 8412), ("b_virtualserver_channel_create_temporary", 8262),
            ("i_group_show_sort_id", 8227)]
TS_BANREASON = ["spam in channel chat", "harassment", "impersonating admin", "mic spam", "bot account"]
TS_QUERY = ["serveradmin", "musicbot", "webpanel"]


def teamspeak_events():
    E = Event
    VSB = "VirtualServerBase"
    return [
        E("conn", "client connected '<*>'(id:<*>) from <*>:<*>", level="INFO", chan=VSB),
        E("disc", "client disconnected '<*>'(id:<*>) reason 'reasonmsg=<*>'", level="INFO", chan=VSB),
        E("kick", "client disconnected '<*>'(id:<*>) reason 'invokerid=<*> invokername=<*> "
                  "invokeruid=<*> reasonmsg=<*>'", level="INFO", chan=VSB),
        E("sgadd", "client '<*>'(id:<*>) was added to servergroup '<*>'(id:<*>) by client '<*>'(id:<*>)",
          level="INFO", chan=VSB),
        E("sgdel", "client '<*>'(id:<*>) was removed from servergroup '<*>'(id:<*>) by client '<*>'(id:<*>)",
          level="INFO", chan=VSB),
        E("chcreate", "channel '<*>'(id:<*>) created by '<*>'(id:<*>)", level="INFO", chan=VSB),
        E("chdelete", "channel '<*>'(id:<*>) deleted by '<*>'(id:<*>)", level="INFO", chan=VSB),
        E("chedit", "channel '<*>'(id:<*>) edited by '<*>'(id:<*>)", level="INFO", chan=VSB),
        E("qconn", "query client connected '<*> from <*>:<*>'(id:<*>)", level="INFO", chan=VSB),
        E("qdisc", "query client disconnected '<*> from <*>:<*>'(id:<*>) reason 'reasonmsg=disconnecting'",
          level="INFO", chan=VSB),
        E("ban", "ban added reason='<*>' cluid='<*>' bantime=<*> by client '<*>'(id:<*>)",
          level="INFO", chan=VSB),
        E("perm", "permission '<*>'(id:<*>) with values (value:<*>, negated:<*>, skipchannel:<*>) "
                  "was added by '<*>'(id:<*>) to servergroup '<*>'(id:<*>)", level="INFO", chan=VSB),
    ]


def teamspeak_header(ns, meta):
    h, m, s, frac = split_ns(ns)
    sid = meta.get("sid")
    return "%s %02d:%02d:%02d.%06d|%-8s|%-14s|%-3s|" % (DATE_ISO, h, m, s, frac // 1000, meta["level"],
                                                       meta["chan"], "" if sid is None else str(sid))


TEAMSPEAK_RE = (r"(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6})"
                r"\|(?:INFO|WARNING|ERROR|CRITICAL|DEVELOP) *\|[A-Za-z]+ *\|(?:\d+)? *\|")


def build_teamspeak(sysobj):
    sim = Sim(sysobj)
    c = sysobj.ctx
    r = c.rng
    t0 = 16 * HOUR + 48 * MIN
    horizon = t0 + 7 * HOUR
    next_clid = {1: 17, 2: 4}
    next_chid = {1: 48, 2: 12}
    admins = {1: [("Falkenauge", 5, c.b64(27) + "="), ("Birte", 11, c.b64(27) + "=")],
              2: [("Jorvik", 2, c.b64(27) + "="), ("Moss", 3, c.b64(27) + "=")]}
    admin_names = set(a[0] for v in admins.values() for a in v)
    nicks = [n for n in TS_NICKS if n not in admin_names]

    # query clients (webpanel / bots) connecting now and then
    t = t0 + int(r.uniform(1, 6) * MIN)
    q = 0
    while t < horizon:
        sid = 1 if q % 4 else 2
        qname = TS_QUERY[(q + q // 3) % len(TS_QUERY)]
        qip = "127.0.0.1" if q % 3 else c.ip_lan()
        qport = c.eport()
        next_clid[sid] += 1
        qid = next_clid[sid]
        sim.emit(t, "qconn", [qname, qip, qport, qid], sid=sid)
        tt = t + int(r.uniform(0.05, 4) * SEC)
        if q % 3 == 1:
            perm, pid = c.cyc("perm", TS_PERMS)
            grp = c.cyc("perm.grp", TS_GROUPS)
            sim.emit(tt, "perm", [perm, pid, c.cyc("perm.val", [75, 1, 50, 100, 1]),
                                  c.cyc("perm.neg", [0, 0, 1]), c.cyc("perm.skip", [0, 1]),
                                  qname, qid, grp[0], grp[1]], sid=sid)
            tt += int(r.uniform(0.01, 1) * SEC)
        if q % 5 == 2:
            sim.emit(tt, "ban", [c.cyc("ban.reason", TS_BANREASON), c.b64(27) + "=",
                                 c.cyc("ban.time", [3600, 86400, 0, 600]), qname, qid], sid=sid)
            tt += int(r.uniform(0.01, 1) * SEC)
        sim.emit(tt + int(r.uniform(0.1, 3) * SEC), "qdisc", [qname, qip, qport, qid], sid=sid)
        t += int(r.expovariate(1.0 / (21 * MIN))) + SEC
        q += 1

    t = t0
    idx = 0
    while t < horizon:
        t += int(r.expovariate(1.0 / (4 * MIN))) + 300 * MS
        sid = 1 if idx % 4 else 2
        next_clid[sid] += 1
        clid = next_clid[sid]
        nick = nicks[(idx * 3 + r.randrange(4)) % len(nicks)]
        if idx % 17 == 8:
            nick = nick + "1"
        ip = c.ip_wan()
        sim.emit(t, "conn", [nick, clid, ip, c.eport()], sid=sid)
        stay = int(r.expovariate(1.0 / (55 * MIN))) + 20 * SEC
        end = t + stay
        adm = c.cyc("adm.%d" % sid, admins[sid])
        if idx % 7 == 3:
            g = c.cyc("sg.add", TS_GROUPS[1:])
            sim.emit(t + int(r.uniform(5, 120) * SEC), "sgadd", [nick, clid, g[0], g[1], adm[0], adm[1]], sid=sid)
            if idx % 14 == 3:
                sim.emit(t + int(stay * r.uniform(0.5, 0.9)), "sgdel",
                         [nick, clid, g[0], g[1], adm[0], adm[1]], sid=sid)
        if idx % 5 == 1:
            next_chid[sid] += 1
            chid = next_chid[sid]
            cname = c.cyc("ch.name", TS_CHANNELS)
            ct = t + int(stay * r.uniform(0.05, 0.3))
            sim.emit(ct, "chcreate", [cname, chid, nick, clid], sid=sid)
            if idx % 10 == 1:
                sim.emit(ct + int(stay * r.uniform(0.05, 0.3)), "chedit", [cname, chid, nick, clid], sid=sid)
            deleter = (nick, clid) if idx % 3 else ("Server", 0)
            sim.emit(end - int(r.uniform(1, 20) * SEC) if idx % 3 else end + int(r.uniform(5, 30) * SEC),
                     "chdelete", [cname, chid, deleter[0], deleter[1]], sid=sid)
        if idx % 9 == 4:
            sim.emit(end, "kick", [nick, clid, adm[1], adm[0], adm[2],
                                   c.cyc("kick.msg", ["calm down", "AFK too long", "wrong server, sorry",
                                                      "no recording allowed"])], sid=sid)
        else:
            sim.emit(end, "disc", [nick, clid, c.cyc("disc.msg", ["leaving", "connection lost", "leaving",
                                                                  "Bis morgen", "gn8", "connection lost"])],
                     sid=sid)
        idx += 1
    return sim.records()


# --------------------------------------------------------------------------
# Writing and self-check
# --------------------------------------------------------------------------

def all_systems():
    return [
        (System(1, "Lidarr", "shuffle", lidarr_events(), LIDARR_RE, lidarr_header, None), build_lidarr),
        (System(2, "Transmission", "simulation", transmission_events(), TRANSMISSION_RE,
                transmission_header, None), build_transmission),
        (System(3, "Deluge", "shuffle", deluge_events(), DELUGE_RE, deluge_header, None), build_deluge),
        (System(4, "Murmur", "simulation", murmur_events(), MURMUR_RE, murmur_header, None), build_murmur),
        (System(5, "JanusGateway", "shuffle", janus_events(), JANUS_RE, janus_header, None), build_janus),
        (System(6, "TeamSpeak", "simulation", teamspeak_events(), TEAMSPEAK_RE,
                teamspeak_header, None), build_teamspeak),
    ]


def ts_key(s):
    """Comparable key for every declared timestamp shape (all on the same day)."""
    m = re.search(r"(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?", s)
    h, mi, se = int(m.group(1)), int(m.group(2)), int(m.group(3))
    frac = m.group(4) or ""
    return (h, mi, se, int((frac + "000000000")[:9]))


def write_system(sysobj, builder):
    recs = builder(sysobj)
    assert len(recs) == N_LINES, (sysobj.name, len(recs))
    d = os.path.join(OUT, sysobj.name)
    os.makedirs(d, exist_ok=True)
    raw_lines = []
    rows = []
    for n, (t, i, values, meta) in enumerate(recs, 1):
        ev = sysobj.events[i]
        content = fill(ev.template, values)
        raw_lines.append(sysobj.header_fn(t, meta) + content)
        rows.append([n, content, "E%d" % (i + 1), ev.template])
    with open(os.path.join(d, sysobj.name + ".log"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(raw_lines) + "\n")
    with open(os.path.join(d, sysobj.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)
    return 2


def template_regex(t):
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in t.split("<*>")) + "$")


def check_system(sysobj):
    name = sysobj.name
    d = os.path.join(OUT, name)
    with open(os.path.join(d, name + ".log"), "rb") as f:
        raw = f.read()
    assert raw.endswith(b"\n"), name
    assert b"\r" not in raw, name
    lines = raw.decode("utf-8").split("\n")[:-1]
    assert len(lines) == N_LINES, (name, len(lines))
    with open(os.path.join(d, name + ".log_structured.csv"), "rb") as f:
        craw = f.read()
    assert craw.endswith(b"\n") and b"\r" not in craw, name
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rd = list(csv.reader(f))
    assert rd[0] == ["LineId", "Content", "EventId", "EventTemplate"], name
    rows = rd[1:]
    assert len(rows) == N_LINES, (name, len(rows))
    tmpl_of = {}
    counts = {}
    caps = {}
    prev = None
    for n, (row, line) in enumerate(zip(rows, lines), 1):
        assert len(row) == 4, (name, n)
        lid, content, eid, tmpl = row
        assert lid == str(n), (name, n)
        assert content and content == content.strip(), (name, n)
        assert "\n" not in line
        assert line.endswith(content), (name, n)
        header = line[:len(line) - len(content)]
        m = sysobj.header_re.fullmatch(header)
        assert m, (name, n, header)
        k = ts_key(m.group("ts"))
        assert prev is None or k >= prev, (name, n, "time went back")
        prev = k
        assert re.fullmatch(r"E\d+", eid), (name, n)
        assert tmpl_of.setdefault(eid, tmpl) == tmpl, (name, eid, "two templates")
        counts[eid] = counts.get(eid, 0) + 1
        mm = template_regex(tmpl).fullmatch(content)
        assert mm, (name, n, tmpl, content)
        for j, g in enumerate(mm.groups()):
            caps.setdefault((eid, j), set()).add(g)
    # EventIds are E1..En in declaration order, all used, distinct templates
    expected = ["E%d" % (i + 1) for i in range(len(sysobj.events))]
    assert sorted(counts, key=lambda e: int(e[1:])) == expected, (name, sorted(counts))
    for i, ev in enumerate(sysobj.events):
        assert tmpl_of["E%d" % (i + 1)] == ev.template, (name, i)
    assert len(set(tmpl_of.values())) == len(tmpl_of), (name, "duplicate templates")
    for eid, t in tmpl_of.items():
        for j in range(t.count("<*>")):
            assert len(caps.get((eid, j), ())) >= 2, (name, eid, j, "slot has a single value")
    # count rules
    cs = sorted(counts.values())
    assert 12 <= len(cs) <= 15, (name, len(cs))
    assert cs[0] >= 3, (name, "event under 3 lines", counts)
    assert sum(1 for x in cs if 3 <= x <= 10) >= 3, (name, "too few rare events", counts)
    assert cs[-1] >= 3 * statistics.median(cs), (name, "not skewed", counts)
    return counts, lines[0], lines[-1]


def main():
    systems = all_systems()
    written = 0
    for sysobj, builder in systems:
        written += write_system(sysobj, builder)
    ok = True
    for sysobj, _ in systems:
        try:
            counts, first, last = check_system(sysobj)
        except AssertionError as e:
            ok = False
            print("%-13s FAILED: %r" % (sysobj.name, e.args))
            continue
        cs = sorted(counts.values())
        print("%-13s %-10s events=%2d lines=%d max=%d median=%s min=%d rare(3-10)=%d  %s .. %s" % (
            sysobj.name, sysobj.kind, len(counts), sum(cs), cs[-1], statistics.median(cs), cs[0],
            sum(1 for x in cs if 3 <= x <= 10), ts_key(first)[:3], ts_key(last)[:3]))
    print("files written: %d" % written)
    if not ok:
        sys.exit(1)
    print("self-check passed")


if __name__ == "__main__":
    main()
