#!/usr/bin/env python3
"""Round 50: blind labelled log corpus generator (OpenWrt, Tasmota, Zephyr, Klipper, OctoPrint, Kodi).

Python 3 standard library only.  Fully deterministic: no wall clock, no locale.  Every system k (1..6)
uses its own random.Random(20270155 * 10 + k).  All times come from an integer nanosecond clock on
2026-03-14 UTC.  Running the script writes <System>/<System>.log and <System>/<System>.log_structured.csv
for every system and then self-checks all files, printing a per-system summary.
"""
import csv
import datetime
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270155
OUT = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
DAY = datetime.date(2026, 3, 14)
DAY_NS = (DAY.toordinal() - datetime.date(1970, 1, 1).toordinal()) * 86400 * 10 ** 9
SEC = 10 ** 9
MS = 10 ** 6
US = 10 ** 3


# ----------------------------------------------------------------------------------------------
# clock helpers (integer nanoseconds since the Unix epoch, always on 2026-03-14 UTC)
# ----------------------------------------------------------------------------------------------
def at(h, m, s=0):
    return DAY_NS + ((h * 60 + m) * 60 + s) * SEC


def clock(t):
    r = t - DAY_NS
    if not 0 <= r < 86400 * SEC:
        raise ValueError("clock left 2026-03-14: %d" % t)
    sec, ns = divmod(r, SEC)
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    return h, m, s, ns


def ctime(t):
    """'Sat Mar 14 07:30:12 2026' (C asctime layout, fixed English names)."""
    h, m, s, _ = clock(t)
    return "%s %s %2d %02d:%02d:%02d %04d" % (WEEKDAYS[DAY.weekday()], MONTHS[DAY.month - 1],
                                            DAY.day, h, m, s, DAY.year)


def ymd():
    return "%04d-%02d-%02d" % (DAY.year, DAY.month, DAY.day)


def hms(t):
    h, m, s, _ = clock(t)
    return "%02d:%02d:%02d" % (h, m, s)


def millis(t):
    return clock(t)[3] // MS


def exp_ns(rng, mean_s):
    return int(rng.expovariate(1.0 / mean_s) * SEC)


def fill(template, vals):
    parts = template.split("<*>")
    if len(parts) - 1 != len(vals):
        raise ValueError("slot count mismatch for %r: %r" % (template, vals))
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        if not v or "\n" in v or "\r" in v:
            raise ValueError("bad value %r for %r" % (v, template))
        out.append(v)
        out.append(p)
    return "".join(out)


class Cycler:
    """Small pools cycle per (event, slot) key, so every slot takes every pool value in turn."""

    def __init__(self):
        self.n = {}

    def __call__(self, key, pool):
        i = self.n.get(key, 0)
        self.n[key] = i + 1
        return pool[i % len(pool)]


class Events:
    """Declared events: EventId E<n> follows declaration order."""

    def __init__(self, decl):
        self.keys = [d[0] for d in decl]
        self.meta = {d[0]: d[1] for d in decl}
        self.tpl = {d[0]: d[2] for d in decl}
        self.idx = {k: i for i, k in enumerate(self.keys)}
        if len(set(self.tpl.values())) != len(decl):
            raise ValueError("duplicate templates")

    def templates(self):
        return [self.tpl[k] for k in self.keys]


def rand_mac(rng, local=False):
    b = [rng.randrange(256) for _ in range(6)]
    b[0] = (b[0] & 0xFC) | (0x02 if local else 0x00)
    return ":".join("%02x" % x for x in b)


def rand_public_ip(rng):
    return "%d.%d.%d.%d" % (rng.choice([13, 23, 34, 52, 104, 142, 151, 172, 185, 199, 216]),
                            rng.randrange(256), rng.randrange(256), rng.randrange(1, 255))


def shuffle_stamp(rng, ev, counts, t0, mean_gap_s):
    """Seeded shuffle: fixed count per event, shuffled, stamped by a forward-only clock."""
    order = []
    for key in ev.keys:
        order.extend([key] * counts[key])
    if len(order) != N_LINES:
        raise ValueError("counts sum to %d" % len(order))
    rng.shuffle(order)
    t = t0
    out = []
    for key in order:
        t += exp_ns(rng, mean_gap_s)
        out.append((t, key))
    return out


# ==============================================================================================
# 1. OpenWrt  (simulation: Wi-Fi stations with overlapping association lifetimes)
# ==============================================================================================
OPENWRT_EVENTS = Events([
    ("assoc", ("daemon.info", "hostapd"), "<*>: STA <*> IEEE 802.11: associated (aid <*>)"),
    ("wpa", ("daemon.info", "hostapd"), "<*>: STA <*> WPA: pairwise key handshake completed (RSN)"),
    ("sta_conn", ("daemon.notice", "hostapd"), "<*>: AP-STA-CONNECTED <*>"),
    ("dhcpreq", ("daemon.info", "dnsmasq-dhcp"), "DHCPREQUEST(<*>) <*> <*>"),
    ("dhcpack", ("daemon.info", "dnsmasq-dhcp"), "DHCPACK(<*>) <*> <*> <*>"),
    ("query", ("daemon.info", "dnsmasq"), "query[<*>] <*> from <*>"),
    ("forwarded", ("daemon.info", "dnsmasq"), "forwarded <*> to <*>"),
    ("reply", ("daemon.info", "dnsmasq"), "reply <*> is <*>"),
    ("cached", ("daemon.info", "dnsmasq"), "cached <*> is <*>"),
    ("disassoc", ("daemon.info", "hostapd"), "<*>: STA <*> IEEE 802.11: disassociated"),
    ("deauth", ("daemon.info", "hostapd"),
     "<*>: STA <*> IEEE 802.11: deauthenticated due to inactivity (timer DEAUTH/REMOVE)"),
    ("sta_disc", ("daemon.notice", "hostapd"), "<*>: AP-STA-DISCONNECTED <*>"),
    ("if_down", ("daemon.notice", "netifd"), "Interface '<*>' is now down"),
    ("if_up", ("daemon.notice", "netifd"), "Interface '<*>' is now up"),
    ("br_fwd", ("kern.info", "kernel"), "<*>: port <*>(<*>) entered forwarding state"),
])
OPENWRT_HEADER_RE = (r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                     r"[ \d]\d \d{2}:\d{2}:\d{2} \d{4} "
                     r"(?:kern|user|daemon|authpriv|cron|local\d)\.(?:emerg|alert|crit|err|warn|notice|info|debug) "
                     r"[\w.-]+(?:\[\d+\])?: (?:\[\s*\d+\.\d{6}\] )?")

OW_HOSTS = ["Pixel-7", "iPhone-Lena", "Galaxy-S23", "MacBook-Air", "LAPTOP-7KQ2M1", "raspberrypi",
            "esp-livingroom", "Chromecast", "kindle-paperwhite", "DESKTOP-J3F9QA", "Roku-Ultra",
            "ipad-emma", "BRW5CF370A1", "shelly1pm-84C2", "steamdeck", "ThinkPad-T14"]
OW_DOMAINS = ["connectivitycheck.gstatic.com", "time.apple.com", "www.google.com", "api.openweathermap.org",
              "chat.signal.org", "mqtt.home-hub.net", "i.ytimg.com", "www.wikipedia.org", "pool.ntp.org",
              "updates.drift-os.io", "www.bbc.co.uk", "gateway.icloud.com", "play.googleapis.com",
              "cdn.jsdelivr.net", "api.spotify.com", "github.com", "firmware.shelly.cloud",
              "dns.msftncsi.com", "static.xx.fbcdn.net", "www.netflix.com", "ocsp.digicert.com",
              "graph.microsoft.com", "sync.fieldnote.app", "push.kobo-reader.net"]
OW_CNAMES = {"www.netflix.com": "www.dradis.netflix.com", "www.bbc.co.uk": "www.bbc.map.fastly.net",
             "gateway.icloud.com": "gateway.fe2.apple-dns.net", "i.ytimg.com": "ytimg.l.google.com"}
OW_RADIOS = [("wlan0", "br-lan", "192.168.1.", 2), ("wlan1", "br-lan", "192.168.1.", 3),
             ("wlan1-1", "br-guest", "192.168.3.", 1)]


def build_openwrt(rng, cy):
    ev = OPENWRT_EVENTS
    T0 = at(7, 30, 12) + 118 * MS
    BOOT = T0 - (3 * 86400 + 4 * 3600 + 51 * 60 + 9) * SEC - 412337 * US
    END = T0 + 4 * 3600 * SEC
    DNSMASQ_PID = 2417
    lines = []

    def emit(t, key, vals):
        fac, prog = ev.meta[key]
        hdr = "%s %s %s" % (ctime(t), fac, prog)
        if prog.startswith("dnsmasq"):
            hdr += "[%d]" % DNSMASQ_PID
        hdr += ": "
        if prog == "kernel":
            up = t - BOOT
            hdr += "[%5d.%06d] " % (up // SEC, (up % SEC) // US)
        lines.append((t, len(lines), key, hdr, fill(ev.tpl[key], vals)))

    dom_a, dom_aaaa = {}, {}

    def answer(d, qtype):
        if qtype == "A":
            if d not in dom_a:
                dom_a[d] = rand_public_ip(rng)
            return dom_a[d]
        if d not in dom_aaaa:
            dom_aaaa[d] = ("NODATA-IPv6" if rng.random() < 0.35 else
                           "2%03x:%x:%x::%x" % (rng.randrange(0x400, 0x800), rng.randrange(0x10000),
                                                 rng.randrange(0x10000), rng.randrange(1, 0x10000)))
        return dom_aaaa[d]

    def lookup(t, ip):
        d = rng.choice(OW_DOMAINS)
        qtypes = ["A", "AAAA"] if rng.random() < 0.45 else ["A"]
        for qt in qtypes:
            emit(t, "query", [qt, d, ip])
            t += rng.randint(0, 2) * MS + 150 * US
            if rng.random() < 0.4:  # answered from dnsmasq's cache
                if d in OW_CNAMES:
                    emit(t, "cached", [d, "<CNAME>"])
                    t += 40 * US
                    emit(t, "cached", [OW_CNAMES[d], answer(d, qt)])
                else:
                    emit(t, "cached", [d, answer(d, qt)])
            else:
                emit(t, "forwarded", [d, cy(("forwarded", 2), ["1.1.1.1", "9.9.9.9"])])
                t += rng.randint(8, 90) * MS
                if d in OW_CNAMES:
                    emit(t, "reply", [d, "<CNAME>"])
                    t += 30 * US
                    emit(t, "reply", [OW_CNAMES[d], answer(d, qt)])
                else:
                    emit(t, "reply", [d, answer(d, qt)])
            t += rng.randint(1, 5) * MS
        return t

    def station(t):
        iface, br, net, _port = cy(("station", "radio"), OW_RADIOS)
        mac = rand_mac(rng, local=rng.random() < 0.4)
        host = cy(("station", "host"), OW_HOSTS)
        ip = net + str(rng.randrange(100, 250))
        emit(t, "assoc", [iface, mac, rng.randint(1, 9)])
        t += rng.randint(30, 260) * MS
        emit(t, "wpa", [iface, mac])
        t += rng.randint(1, 4) * MS
        emit(t, "sta_conn", [iface, mac])
        t += rng.randint(900, 3500) * MS
        emit(t, "dhcpreq", [br, ip, mac])
        t += rng.randint(2, 15) * MS
        emit(t, "dhcpack", [br, ip, mac, host])
        end = t + int(max(90.0, rng.expovariate(1.0 / 600)) * SEC)
        q = t + rng.randint(200, 2500) * MS
        while q < end:
            q = lookup(q, ip)
            q += exp_ns(rng, 240)
        end = max(end, q)
        if rng.random() < 0.3:  # client vanished silently; hostapd times it out
            end += 300 * SEC
            emit(end, "deauth", [iface, mac])
        else:
            emit(end, "disassoc", [iface, mac])
        emit(end + rng.randint(1, 3) * MS, "sta_disc", [iface, mac])

    t = T0
    while t < END:
        station(t)
        t += exp_ns(rng, 150)

    # the router itself: uplink flaps (netifd) and radio reconfiguration (kernel bridge ports)
    t = T0 + exp_ns(rng, 700)
    while t < END:
        emit(t, "if_down", ["wan"])
        emit(t + 3 * MS, "if_down", ["wan6"])
        u = t + rng.randint(8000, 45000) * MS
        emit(u, "if_up", ["wan"])
        emit(u + rng.randint(1500, 6000) * MS, "if_up", ["wan6"])
        t = u + exp_ns(rng, 1200)
    t = T0 + exp_ns(rng, 600)
    while t < END:
        for iface, br, _net, port in OW_RADIOS:
            t += rng.randint(40, 400) * MS
            emit(t, "br_fwd", [br, port, iface])
        t += exp_ns(rng, 1100)
    return lines


def ts_openwrt(hdr, content):
    m = re.search(r" (\d{2}):(\d{2}):(\d{2}) \d{4} ", hdr)
    return int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3))


# ==============================================================================================
# 2. Tasmota  (seeded shuffle)
# ==============================================================================================
TAS_TOPIC = "tasmota_5C9A3F"
TASMOTA_EVENTS = Events([
    ("sensor", None,
     'MQT: tele/tasmota_5C9A3F/SENSOR = {"Time":"<*>","ENERGY":{"TotalStartTime":"2025-11-02T17:41:09",'
     '"Total":<*>,"Yesterday":1.874,"Today":<*>,"Period":<*>,"Power":<*>,"ApparentPower":<*>,'
     '"ReactivePower":<*>,"Factor":<*>,"Voltage":<*>,"Current":<*>}}'),
    ("state", None,
     'MQT: tele/tasmota_5C9A3F/STATE = {"Time":"<*>","Uptime":"<*>","UptimeSec":<*>,"Heap":<*>,'
     '"SleepMode":"Dynamic","Sleep":50,"LoadAvg":<*>,"MqttCount":<*>,"POWER":"<*>","Wifi":{"AP":<*>,'
     '"SSId":"<*>","BSSId":"<*>","Channel":<*>,"Mode":"11n","RSSI":<*>,"Signal":<*>,"LinkCount":<*>,'
     '"Downtime":"<*>"}}'),
    ("result", None, 'MQT: stat/tasmota_5C9A3F/RESULT = {"POWER":"<*>"}'),
    ("power", None, "MQT: stat/tasmota_5C9A3F/POWER = <*>"),
    ("src", None, "SRC: <*>"),
    ("cmd", None, "CMD: Grp 0, Cmd '<*>', Idx <*>, Len <*>, Pld <*>, Data '<*>'"),
    ("wif_connecting", None, "WIF: Connecting to AP<*> <*> in mode <*> as tasmota-5C9A3F-6719..."),
    ("wif_connected", None, "WIF: Connected"),
    ("wif_failed", None, "WIF: Connect failed with AP timeout"),
    ("mqt_attempt", None, "MQT: Attempting connection..."),
    ("mqt_connected", None, "MQT: Connected"),
    ("mqt_failed", None, "MQT: Connect failed to 192.168.1.10:1883, rc <*>. Retry in <*> sec"),
    ("http", None, "HTP: Web server active on tasmota-5C9A3F-6719 with IP address 192.168.1.57"),
    ("cfg", None, "CFG: Saved to flash at <*>, Count <*>, Bytes 4096"),
])
TASMOTA_COUNTS = {"sensor": 90, "state": 40, "result": 30, "power": 30, "src": 30, "cmd": 28,
                  "wif_connecting": 8, "wif_connected": 6, "wif_failed": 4, "mqt_attempt": 7,
                  "mqt_connected": 6, "mqt_failed": 9, "http": 5, "cfg": 7}
TASMOTA_HEADER_RE = r"\d{2}:\d{2}:\d{2}\.\d{3} "


def build_tasmota(rng, cy):
    ev = TASMOTA_EVENTS
    T0 = at(6, 2, 41) + 377 * MS
    BOOT = T0 - (2 * 86400 + 7 * 3600 + 13 * 60 + 5) * SEC
    st = {"power": "ON", "total": 212.417, "mqtt": 1, "link": 1, "cfg": 318}
    lines = []
    aps = [(1, "HomeNet", "B0:4E:26:91:7A:C2", 6), (2, "HomeNet-Attic", "B0:4E:26:91:7A:C7", 11)]
    cmds = [("POWER", 1, "toggle", -99), ("POWER", 1, "ON", 1), ("POWER", 1, "OFF", 0),
            ("STATUS", 1, "8", 8), ("TELEPERIOD", 1, "300", 300), ("VAR", 3, "1", 1), ("RULE", 1, "1", 1)]
    for t, key in shuffle_stamp(rng, ev, TASMOTA_COUNTS, T0, 62):
        iso = "%sT%s" % (ymd(), hms(t))
        up = (t - BOOT) // SEC
        if key == "sensor":
            on = st["power"] == "ON"
            st["total"] += rng.uniform(0.001, 0.012) if on else 0.0
            volt = rng.randint(226, 241)
            if on:
                pw = rng.randint(38, 1240)
                cur = pw / volt / rng.uniform(0.88, 0.99)
                app = int(volt * cur)
                react = int(max(0, (app * app - pw * pw)) ** 0.5)
                fac = pw / app if app else 0.0
            else:
                pw, cur, app, react, fac = 0, 0.0, 0, 0, 0.0
            h = clock(t)[0]
            today = 0.05 + (st["total"] - 212.0) + h * 0.02
            vals = [iso, "%.3f" % st["total"], "%.3f" % today, rng.randint(0, 90) if on else 0, pw, app,
                    react, "%.2f" % fac, volt, "%.3f" % cur]
        elif key == "state":
            ap, ssid, bssid, ch = aps[st["link"] % 2]
            rssi = rng.randint(62, 94)
            vals = [iso, "%dT%02d:%02d:%02d" % (up // 86400, up // 3600 % 24, up // 60 % 60, up % 60), up,
                    rng.randint(22, 27), rng.randint(19, 27), st["mqtt"], st["power"], ap, ssid, bssid, ch,
                    rssi, -100 + rssi // 2, st["link"], "0T00:00:%02d" % rng.randint(3, 14)]
        elif key == "result":
            st["power"] = cy(("result", 1), ["ON", "OFF"])
            vals = [st["power"]]
        elif key == "power":
            vals = [cy(("power", 1), ["OFF", "ON"])]
        elif key == "src":
            vals = [cy(("src", 1), ["Button", "WebGui", "MQTT", "Timer", "Backlog", "WebConsole"])]
        elif key == "cmd":
            c, idx, data, pld = cy(("cmd", 1), cmds)
            vals = [c, idx, len(data), pld, data]
        elif key == "wif_connecting":
            st["link"] += 1
            ap, ssid, _b, _c = aps[st["link"] % 2]
            vals = [ap, ssid, cy(("wif_connecting", 3), ["11n", "11g"])]
        elif key == "mqt_connected":
            st["mqtt"] += 1
            vals = []
        elif key == "mqt_failed":
            vals = [cy(("mqt_failed", 1), [-2, -4, -2, -3]), cy(("mqt_failed", 2), [10, 20, 30, 40, 50])]
        elif key == "cfg":
            st["cfg"] += rng.randint(1, 3)
            vals = [cy(("cfg", 1), ["F5", "F4", "F6", "F3"]), st["cfg"]]
        else:
            vals = []
        hdr = "%s.%03d " % (hms(t), millis(t))
        lines.append((t, len(lines), key, hdr, fill(ev.tpl[key], vals)))
    return lines


def ts_hms_ms(hdr, content):
    m = re.match(r"(\d{2}):(\d{2}):(\d{2})\.(\d{3})", hdr)
    return ((int(m.group(1)) * 60 + int(m.group(2))) * 60 + int(m.group(3))) * 1000 + int(m.group(4))


# ==============================================================================================
# 3. Zephyr  (simulation: BLE sensor nodes connected to a central/gateway, overlapping connections)
# ==============================================================================================
ZEPHYR_EVENTS = Events([
    ("found", ("inf", "central", None), "Device found: <*> (RSSI <*>)"),
    ("scan_stop", ("inf", "central", None), "Scanning stopped"),
    ("connected", ("inf", "central", None), "Connected: <*>"),
    ("conn_fail", ("err", "central", None), "Failed to connect to <*> (<*>)"),
    ("scan_start", ("inf", "central", None), "Scanning started"),
    ("mtu", ("inf", "central", None), "MTU exchange successful (mtu <*>)"),
    ("attr", ("dbg", "central", "discover_func"), "[ATTRIBUTE] handle <*>"),
    ("subscribed", ("inf", "central", None), "Subscribed (value handle <*>, ccc handle <*>)"),
    ("notify", ("dbg", "central", "notify_func"), "[NOTIFICATION] handle <*> len <*>"),
    ("sample", ("inf", "gateway", None), "Sample from <*>: temp=<*> hum=<*> batt=<*>"),
    ("published", ("inf", "gateway", None), "Published <*> bytes to <*> (msg id <*>)"),
    ("pub_fail", ("err", "gateway", None), "MQTT publish failed (err <*>)"),
    ("l2cap", ("wrn", "bt_l2cap", None), "Ignoring data for unknown channel ID <*>"),
    ("nobuf", ("wrn", "bt_conn", None), "Unable to allocate buffer within timeout"),
    ("disconnected", ("inf", "central", None), "Disconnected: <*> (reason <*>)"),
])
ZEPHYR_HEADER_RE = (r"\[\d{2}:\d{2}:\d{2}\.\d{3},\d{3}\] "
                    r"(?:<dbg> [a-z0-9_]+: [a-z0-9_]+: |<(?:err|wrn|inf)> [a-z0-9_]+: )")
ZEPHYR_KINDS = [  # (service handle, value handle, ccc handle, notify len, mtu, interval s)
    (16, 18, 19, 8, 247, 90),
    (22, 24, 25, 6, 65, 120),
    (16, 18, 19, 8, 185, 60),
]


def build_zephyr(rng, cy):
    ev = ZEPHYR_EVENTS
    T0 = at(9, 0, 4) + 731 * MS
    BOOT = T0 - (5 * 3600 + 17 * 60 + 36) * SEC - 250118 * US
    END = T0 + 3 * 3600 * SEC
    lines = []

    def emit(t, key, vals):
        lvl, mod, func = ev.meta[key]
        up_us = (t - BOOT) // US
        h, r = divmod(up_us, 3600 * 10 ** 6)
        m, r = divmod(r, 60 * 10 ** 6)
        s, r = divmod(r, 10 ** 6)
        hdr = "[%02d:%02d:%02d.%03d,%03d] <%s> %s: " % (h, m, s, r // 1000, r % 1000, lvl, mod)
        if func:
            hdr += func + ": "
        lines.append((t, len(lines), key, hdr, fill(ev.tpl[key], vals)))

    def addr_random():
        b = [rng.randrange(256) for _ in range(6)]
        b[0] |= 0xC0
        return ":".join("%02X" % x for x in b) + " (random)"

    def addr_public():
        oui = rng.choice(["D4:CA:6E", "F0:08:D1", "AC:23:3F", "60:55:F9"])
        return oui + ":" + ":".join("%02X" % rng.randrange(256) for _ in range(3)) + " (public)"

    def node(t, addr=None, retry=False):
        addr = addr or addr_random()
        svc, vh, ccc, nlen, mtu, interval = cy(("node", "kind"), ZEPHYR_KINDS)
        emit(t, "found", [addr, -rng.randint(48, 92)])
        t += rng.randint(1000, 3000) * US
        emit(t, "scan_stop", [])
        if not retry and rng.random() < 0.3:
            t += rng.randint(2900000, 3100000) * US
            emit(t, "conn_fail", [addr, cy(("conn_fail", 2), [62, 8])])
            emit(t + 2 * MS, "scan_start", [])
            node(t + exp_ns(rng, 90) + 5 * SEC, addr, retry=True)
            return
        t += rng.randint(35000, 160000) * US
        emit(t, "connected", [addr])
        emit(t + 2 * MS, "scan_start", [])
        t += rng.randint(60000, 220000) * US
        emit(t, "mtu", [mtu])
        for h in (svc, vh, ccc):
            t += rng.randint(15000, 60000) * US
            emit(t, "attr", [h])
        t += rng.randint(10000, 40000) * US
        emit(t, "subscribed", [vh, ccc])
        end = t + int(max(240.0, rng.expovariate(1.0 / 800)) * SEC)
        batt = rng.randint(2750, 3050)
        temp = rng.uniform(17.0, 24.0)
        hum = rng.uniform(32.0, 58.0)
        t += rng.randint(1000, interval * 1000) * MS
        while t < end:
            emit(t, "notify", [vh, nlen])
            temp += rng.uniform(-0.3, 0.3)
            hum += rng.uniform(-0.8, 0.8)
            batt -= rng.randint(0, 2)
            emit(t + rng.randint(200, 900) * US, "sample",
                 [addr, "%d.%02d" % (int(temp), int(temp * 100) % 100), "%d.%d" % (int(hum), int(hum * 10) % 10),
                  "%dmV" % batt])
            r = rng.random()
            if r < 0.08:
                emit(t + rng.randint(3000, 40000) * US, "l2cap", ["0x%04x" % rng.choice([0x003a, 0x0041, 0x0052, 0x0077])])
            elif r < 0.15:
                emit(t + rng.randint(3000, 40000) * US, "nobuf", [])
            t += interval * SEC + rng.randint(-400000, 400000) * US
        emit(end, "disconnected", [addr, cy(("disconnected", 2), ["0x13", "0x08", "0x22"])])
        emit(end + rng.randint(1000, 3000) * US, "scan_start", [])

    t = T0
    while t < END:
        node(t)
        t += exp_ns(rng, 240)

    # other advertisers seen by the scanner (phones, beacons, a TV)
    t = T0 + exp_ns(rng, 60)
    while t < END:
        emit(t, "found", [addr_public() if rng.random() < 0.5 else addr_random(), -rng.randint(60, 99)])
        t += exp_ns(rng, 70)

    # gateway uplink: periodic MQTT publish of the latest samples
    t = T0 + rng.randint(5000000, 55000000) * US
    msg_id = rng.randint(1200, 4000)
    topics = ["gw/3f21a0/telemetry", "gw/3f21a0/telemetry", "gw/3f21a0/telemetry", "gw/3f21a0/status"]
    while t < END:
        if rng.random() < 0.15:
            emit(t, "pub_fail", [cy(("pub_fail", 1), [-128, -116, -11])])
        else:
            msg_id += 1
            emit(t, "published", [rng.randint(96, 460), cy(("published", 2), topics), msg_id])
        t += 60 * SEC + rng.randint(-150000, 150000) * US
    return lines


def ts_zephyr(hdr, content):
    m = re.match(r"\[(\d{2}):(\d{2}):(\d{2})\.(\d{3}),(\d{3})\]", hdr)
    h, mi, s, ms_, us_ = (int(x) for x in m.groups())
    return (((h * 60 + mi) * 60 + s) * 1000 + ms_) * 1000 + us_


# ==============================================================================================
# 4. Klipper  (seeded shuffle; klippy.log lines carry no header of their own)
# ==============================================================================================
KLIPPER_EVENTS = Events([
    ("stats", None,
     "Stats <*>: gcodein=<*>  mcu: mcu_awake=<*> mcu_task_avg=<*> mcu_task_stddev=<*> bytes_write=<*> "
     "bytes_read=<*> bytes_retransmit=<*> bytes_invalid=0 send_seq=<*> receive_seq=<*> retransmit_seq=<*> "
     "srtt=<*> rttvar=<*> rto=0.025 ready_bytes=<*> upcoming_bytes=<*> freq=<*> heater_bed: target=<*> "
     "temp=<*> pwm=<*> sysload=<*> cputime=<*> memavail=<*> print_time=<*> buffer_time=<*> print_stall=0 "
     "extruder: target=<*> temp=<*> pwm=<*>"),
    ("wh_new", None, "webhooks client <*>: New connection"),
    ("wh_disc", None, "webhooks client <*>: Disconnected"),
    ("wh_info", None, "webhooks client <*>: Client info {'program': '<*>', 'version': '<*>'}"),
    ("serial", None, "mcu '<*>': Starting serial connect"),
    ("loaded", None, "Loaded MCU '<*>' <*> commands (<*> / <*>)"),
    ("configured", None, "Configured MCU '<*>' (<*> moves)"),
    ("oor", None, "Move out of range: <*> <*> <*> [<*>]"),
    ("timeout", None, "Timeout with MCU '<*>' (eventtime=<*>)"),
    ("shutdown", None, "Transition to shutdown state: MCU '<*>' shutdown: <*>"),
    ("sd_start", None, "Starting SD card print (position <*>)"),
    ("sd_exit", None, "Exiting SD card print (position <*>)"),
    ("bad_option", None, "Option '<*>' is not valid in section '<*>'"),
    ("unknown_cmd", None, 'Unknown command:"<*>"'),
    ("start", None, "Start printer at <*> (<*> <*>)"),
])
KLIPPER_COUNTS = {"stats": 110, "wh_new": 30, "wh_disc": 28, "wh_info": 30, "serial": 8, "loaded": 8,
                  "configured": 8, "oor": 6, "timeout": 4, "shutdown": 4, "sd_start": 20, "sd_exit": 18,
                  "bad_option": 5, "unknown_cmd": 13, "start": 8}
KLIPPER_HEADER_RE = r""


def build_klipper(rng, cy):
    ev = KLIPPER_EVENTS
    T0 = at(10, 14, 52) + 906 * MS
    BOOT = T0 - (11 * 3600 + 27 * 60 + 3) * SEC - 118 * MS
    lines = []
    st = {"gcodein": 1832211, "cpu": 412.6, "target_e": 0, "target_b": 0, "sd": 0, "restarts": 0}
    client_ids = [281473107742512, 281473064321664, 281473107749280, 281473095112448, 281473064402112]
    programs = {281473107742512: ("Moonraker", "v0.9.3-24-g1e8b2a4"),
                281473064321664: ("KlipperScreen", "v0.4.4-8-gd07e2b1"),
                281473107749280: ("mobileraker", "2.7.4-2a91c3f"),
                281473095112448: ("Moonraker", "v0.9.3-24-g1e8b2a4"),
                281473064402112: ("KlipperScreen", "v0.4.4-8-gd07e2b1")}
    mcus = [("mcu", 131, "v0.12.0-396-gf8ad1d1b", 1024), ("toolboard", 109, "v0.12.0-388-g2c4b7e19", 500)]
    builds = ["gcc: (15:12.2.rel1-1) 12.2.1 20221205 binutils: (2.40-2+18+b1) 2.40",
              "gcc: (15:10.3-2021.07-4) 10.3.1 20210621 (release) binutils: (2.38-4ubuntu2+18) 2.38"]
    shutdowns = ["Timer too close", "Missed scheduling of next digital out event", "ADC out of range",
                 "Rescheduled timer in the past"]
    options = [("rotation_distnace", "extruder"), ("max_z_velocty", "printer"),
               ("sensor_pin", "heater_fan hotend_fan"), ("pid_kp", "heater_bed"), ("speeed", "bed_mesh")]
    gcodes = ["M900", "M205", "G29", "M420", "M593", "M851", "M500"]

    def mono_str(t, decimals):
        ms_ = (t - BOOT) // MS
        if decimals == 1:
            return "%d.%d" % (ms_ // 1000, (ms_ % 1000) // 100)
        return "%d.%03d" % (ms_ // 1000, ms_ % 1000)

    for t, key in shuffle_stamp(rng, ev, KLIPPER_COUNTS, T0, 9):
        mono = (t - BOOT) / SEC
        st["cpu"] += rng.uniform(0.05, 0.4)
        if key == "stats":
            st["gcodein"] += rng.randint(0, 4000)
            printing = rng.random() < 0.7
            if printing:
                st["target_e"] = cy(("stats", "target_e"), [215, 240, 205])
                st["target_b"] = cy(("stats", "target_b"), [60, 70, 60, 100])
            else:
                st["target_e"], st["target_b"] = cy(("stats", "idle"), [(0, 0), (0, 60), (150, 60)])
            te, tb = st["target_e"], st["target_b"]
            etemp = te + rng.uniform(-0.8, 0.8) if te else rng.uniform(24.0, 31.0)
            btemp = tb + rng.uniform(-0.3, 0.3) if tb else rng.uniform(22.0, 25.0)
            pt = mono - 11.8 + rng.uniform(0, 2)
            vals = [mono_str(t, 1), st["gcodein"], "%.3f" % rng.uniform(0.002, 0.02),
                    "%.6f" % rng.uniform(0.000008, 0.00003), "%.6f" % rng.uniform(0.000006, 0.00002),
                    int(mono * 41.3), int(mono * 12.9), rng.randint(17, 61), int(mono * 3.1),
                    int(mono * 3.1) - rng.randint(0, 3), rng.randint(9, 40),
                    "%.3f" % rng.uniform(0.001, 0.004), "%.3f" % rng.uniform(0.000, 0.002),
                    rng.choice([0, 0, 12, 31, 47]), rng.choice([0, 0, 0, 14, 88]),
                    rng.randint(63999550, 64000490), tb, "%.1f" % btemp,
                    "%.3f" % (rng.uniform(0.25, 0.55) if tb else 0.0), "%.2f" % rng.uniform(0.08, 1.6),
                    "%.3f" % st["cpu"], rng.randint(612000, 781000), "%.3f" % pt,
                    "%.3f" % (rng.uniform(1.2, 2.4) if printing else 0.0), te, "%.1f" % etemp,
                    "%.3f" % (rng.uniform(0.2, 0.7) if te else 0.0)]
        elif key in ("wh_new", "wh_disc"):
            vals = [cy((key, 1), client_ids)]
        elif key == "wh_info":
            cid = cy(("wh_info", 1), client_ids)
            vals = [cid, programs[cid][0], programs[cid][1]]
        elif key == "serial":
            vals = [cy(("serial", 1), mcus)[0]]
        elif key == "loaded":
            name, ncmd, ver, _m = cy(("loaded", 1), mcus)
            vals = [name, ncmd, ver, builds[0] if name == "mcu" else builds[1]]
        elif key == "configured":
            name, _n, _v, moves = cy(("configured", 1), mcus)
            vals = [name, moves]
        elif key == "oor":
            vals = ["%.3f" % rng.uniform(-3, 260), "%.3f" % rng.uniform(-3, 260),
                    "%.3f" % rng.uniform(0.2, 4), "%.3f" % rng.uniform(100, 9000)]
        elif key == "timeout":
            vals = [cy(("timeout", 1), ["mcu", "toolboard"]), mono_str(t, 3)]
        elif key == "shutdown":
            vals = [cy(("shutdown", 1), ["mcu", "toolboard"]), cy(("shutdown", 2), shutdowns)]
        elif key == "sd_start":
            st["sd"] = cy(("sd_start", 1), [0, 0, 0, rng.randint(100000, 3000000)])
            vals = [st["sd"]]
        elif key == "sd_exit":
            vals = [rng.randint(4000, 9000000)]
        elif key == "bad_option":
            vals = list(cy(("bad_option", 1), options))
        elif key == "unknown_cmd":
            vals = [cy(("unknown_cmd", 1), gcodes)]
        elif key == "start":
            vals = [ctime(t), mono_str(t, 1), "%.1f" % rng.uniform(1.1, 4.8)]
        else:
            vals = []
        lines.append((t, len(lines), key, "", fill(ev.tpl[key], vals)))
    return lines


def ts_klipper(hdr, content):
    m = (re.match(r"Stats (\d+\.\d+):", content) or re.search(r"\(eventtime=(\d+\.\d+)\)$", content)
         or re.match(r"Start printer at .* \((\d+\.\d+) \d+\.\d+\)$", content))
    return float(m.group(1)) if m else None


# ==============================================================================================
# 5. OctoPrint  (seeded shuffle)
# ==============================================================================================
OCTOPRINT_EVENTS = Events([
    ("sock_new", ("octoprint.server.util.sockjs", "INFO"), "New connection from client: <*>"),
    ("sock_closed", ("octoprint.server.util.sockjs", "INFO"), "Client connection closed: <*>"),
    ("sock_user", ("octoprint.server.util.sockjs", "INFO"), "User <*> logged in on the socket from client <*>"),
    ("passive", ("octoprint.server.util.flask", "INFO"), "Passively logging in user <*> from <*>"),
    ("active", ("octoprint.server.api", "INFO"), "Actively logging in user <*> from <*>"),
    ("job_started", ("octoprint.printer.standard.job", "INFO"),
     "Print job started - origin: <*>, path: <*>, owner: <*>, user: <*>"),
    ("job_done", ("octoprint.printer.standard.job", "INFO"),
     "Print job done - origin: <*>, path: <*>, owner: <*>, user: <*>"),
    ("job_cancelled", ("octoprint.printer.standard.job", "INFO"),
     "Print job cancelled - origin: <*>, path: <*>, owner: <*>, user: <*>"),
    ("state", ("octoprint.util.comm", "INFO"), 'Changing monitoring state from "<*>" to "<*>"'),
    ("analysis_start", ("octoprint.filemanager.analysis", "INFO"), "Starting analysis of <*>"),
    ("analysis_done", ("octoprint.filemanager.analysis", "INFO"), "Analysis of entry <*> finished, needed <*>"),
    ("heartbeat", ("octoprint.server.heartbeat", "INFO"), "Server heartbeat <3"),
    ("http404", ("tornado.access", "WARNING"), "404 GET <*> (<*>) <*>"),
    ("comm_timeout", ("octoprint.util.comm", "INFO"),
     "Communication timeout while printing, trying to trigger response from printer. Configure long "
     "running commands or increase communication timeout if that happens regularly on specific commands "
     "or long moves."),
    ("fw_error", ("octoprint.util.comm", "WARNING"), "Received an error from the printer's firmware: <*>"),
])
OCTOPRINT_COUNTS = {"sock_new": 55, "sock_closed": 52, "sock_user": 40, "passive": 35, "active": 6,
                    "job_started": 9, "job_done": 6, "job_cancelled": 3, "state": 31, "analysis_start": 10,
                    "analysis_done": 10, "heartbeat": 14, "http404": 20, "comm_timeout": 5, "fw_error": 4}
OCTOPRINT_HEADER_RE = (r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3} - [A-Za-z_][\w.]* - "
                       r"(?:DEBUG|INFO|WARNING|ERROR|CRITICAL) - ")


def build_octoprint(rng, cy):
    ev = OCTOPRINT_EVENTS
    T0 = at(8, 45, 17) + 52 * MS
    lines = []
    ips = ["192.168.1.34", "192.168.1.20", "10.8.0.6", "192.168.1.51", "192.168.1.112"]
    users = ["admin", "jonas", "printfarm"]
    files = ["benchy.gcode", "calicat_0.2mm_PLA_MK3S_1h12m.gcode", "brackets/shelf_bracket_v3.gcode",
             "filament_clip_x4.gcode", "Voron/stealthburner_main_body.gcode", "lid_PETG_0.28mm.gcode"]
    transitions = [("Operational", "Starting"), ("Starting", "Printing"), ("Printing", "Finishing"),
                   ("Finishing", "Operational"), ("Printing", "Cancelling"), ("Cancelling", "Operational"),
                   ("Offline", "Detecting serial connection"), ("Detecting serial connection", "Connecting"),
                   ("Connecting", "Operational"), ("Printing", "Pausing"), ("Pausing", "Paused"),
                   ("Paused", "Resuming"), ("Resuming", "Printing")]
    paths404 = ["/plugin/octolapse/static/js/octolapse.snapshot_plan.js", "/static/webassets/packed_plugins.js.map",
                "/plugin/bedlevelvisualizer/static/img/bed.png", "/favicon-32x32.png", "/api/plugin/psucontrol",
                "/plugin/themeify/static/css/theme.css.map"]
    fw_errors = ["Heating failed, system stopped! Heater_ID: 0", "MINTEMP triggered, system stopped! Heater_ID: bed",
                 "Printer halted. kill() called!", "Thermal Runaway, system stopped! Heater_ID: 0"]
    for t, key in shuffle_stamp(rng, ev, OCTOPRINT_COUNTS, T0, 38):
        if key in ("sock_new", "sock_closed"):
            vals = [cy((key, 1), ips)]
        elif key == "sock_user":
            vals = [cy((key, 1), users), cy((key, 2), ips)]
        elif key in ("passive", "active"):
            vals = [cy((key, 1), users), cy((key, 2), ips[::-1])]
        elif key.startswith("job_"):
            user = cy((key, 3), users)
            vals = [cy((key, 1), ["local", "local", "sdcard"]), cy((key, 2), files), user, user]
        elif key == "state":
            vals = list(cy((key, 1), transitions))
        elif key == "analysis_start":
            vals = ["local:" + cy((key, 1), files)]
        elif key == "analysis_done":
            vals = ["local:" + cy((key, 1), files), "%.2fs" % rng.uniform(0.4, 48.0)]
        elif key == "http404":
            vals = [cy((key, 1), paths404), cy((key, 2), ips), "%.2fms" % rng.uniform(0.9, 14.0)]
        elif key == "fw_error":
            vals = [cy((key, 1), fw_errors)]
        else:
            vals = []
        logger, level = ev.meta[key]
        hdr = "%s %s,%03d - %s - %s - " % (ymd(), hms(t), millis(t), logger, level)
        lines.append((t, len(lines), key, hdr, fill(ev.tpl[key], vals)))
    return lines


def ts_datetime_ms(hdr, content):
    m = re.match(r"(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})[,.](\d{3})", hdr)
    return tuple(int(x) for x in m.groups())


# ==============================================================================================
# 6. Kodi  (seeded shuffle)
# ==============================================================================================
KODI_EVENTS = Events([
    ("openfile", "info", "VideoPlayer::OpenFile: <*>"),
    ("inputstream", "info", "Creating InputStream"),
    ("demuxer", "info", "Creating Demuxer"),
    ("opening", "info", "Opening stream: <*> source: <*>"),
    ("codec", "info", "CDVDVideoCodecFFmpeg::Open() Using codec: <*>"),
    ("closefile", "info", "CVideoPlayer::CloseFile()"),
    ("json_new", "info", "JSONRPC Server: New connection detected"),
    ("json_disc", "info", "JSONRPC Server: Disconnection detected"),
    ("repeats", "info", "Previous line repeats <*> times."),
    ("skin", "info", "Loading skin file: <*>, load type: <*>"),
    ("curl_stat", "warning", "CCurlFile::Stat - Failed: <*> for <*>"),
    ("py_ok", "info", "CPythonInvoker(<*>, <*>): script successfully run"),
    ("thread", "debug", "Thread <*> start, auto delete: <*>"),
    ("py_leak", "warning",
     "CPythonInvoker(<*>, <*>): the python script \"<*>\" has left several classes in memory that we "
     "couldn't clean up. The classes include: <*>"),
    ("curl_fill", "error", "CCurlFile::FillBuffer - Failed: <*>"),
])
KODI_COUNTS = {"openfile": 8, "inputstream": 8, "demuxer": 8, "opening": 20, "codec": 8, "closefile": 7,
               "json_new": 30, "json_disc": 28, "repeats": 25, "skin": 70, "curl_stat": 18, "py_ok": 20,
               "thread": 40, "py_leak": 4, "curl_fill": 6}
KODI_HEADER_RE = (r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} T:\d+ *"
                  r" (?:debug|info|warning|error|fatal) <[\w.]+>: ")


def build_kodi(rng, cy):
    ev = KODI_EVENTS
    T0 = at(18, 3, 29) + 640 * MS
    lines = []
    tids = {"main": 1843, "player": 2211, "jobs": [1907, 1911, 1930, 2388], "py": [2102, 2140, 2377],
            "json": 1876}
    media = ["smb://nas-basement/Movies/Heat (1995)/Heat (1995) Bluray-1080p.mkv",
             "nfs://192.168.1.40/volume1/tv/Severance/Season 02/Severance - S02E04 - Woe's Hollow.mkv",
             "/storage/recordings/Tagesschau 2026-03-13 20-00.ts",
             "plugin://plugin.video.ardmediathek/?mode=play&id=Y3JpZDovL2Rhc2Vyc3Rl",
             "smb://nas-basement/Music Videos/Daft Punk - Around the World.mp4",
             "nfs://192.168.1.40/volume1/movies/Arrival (2016)/Arrival.2016.2160p.mkv"]
    codecs = ["H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10", "H.265 / HEVC (High Efficiency Video Coding)",
              "MPEG-2 video", "Google VP9"]
    skins = [("DialogBusy.xml", "KEEP_IN_MEMORY"), ("Home.xml", "KEEP_IN_MEMORY"),
             ("MyVideoNav.xml", "LOAD_ON_GUI_INIT"), ("DialogVideoInfo.xml", "KEEP_IN_MEMORY"),
             ("VideoOSD.xml", "LOAD_ON_GUI_INIT"), ("DialogSeekBar.xml", "KEEP_IN_MEMORY"),
             ("MyPVRChannels.xml", "LOAD_ON_GUI_INIT"), ("DialogNotification.xml", "KEEP_IN_MEMORY")]
    urls = ["https://image.tmdb.org/t/p/original/8Y43POKjjKDGI9MH89NW0NAzzp8.jpg",
            "https://assets.fanart.tv/fanart/movies/949/moviethumb/heat-5a0d3f1e2c9b7.jpg",
            "http://jellyfin.lan:8096/Items/5f2c1e/Images/Primary?maxWidth=400",
            "https://artworks.thetvdb.com/banners/v4/series/371980/posters/61f3a1.jpg"]
    curl_errs = ["HTTP response code said error(22)", "Timeout was reached(28)",
                 "Couldn't resolve host name(6)", "SSL connect error(35)"]
    scripts = ["/storage/.kodi/addons/service.xbmc.versioncheck/resources/lib/runner.py",
               "/storage/.kodi/addons/script.trakt/default.py",
               "/storage/.kodi/addons/service.subtitles.opensubtitles_by_opensubtitles/service.py",
               "/storage/.kodi/addons/script.module.youtube.dl/lib/service.py"]
    threads = [("JobWorker", "true"), ("VideoPlayer", "false"), ("ActiveAE", "false"),
               ("VideoPlayerAudio", "false"), ("PeripEventScanner", "false"), ("LanguageInvoker", "true"),
               ("VideoPlayerVideo", "false"), ("CurlFile", "true")]
    py_id = 17
    for t, key in shuffle_stamp(rng, ev, KODI_COUNTS, T0, 36):
        tid = tids["main"]
        if key == "openfile":
            vals = [cy((key, 1), media)]
        elif key in ("inputstream", "demuxer", "opening", "codec", "closefile"):
            tid = tids["player"]
            if key == "opening":
                vals = [cy((key, 1), [0, 1, 2, 0, 1]), cy((key, 2), [256, 257, 512, 258])]
            elif key == "codec":
                vals = [cy((key, 1), codecs)]
            else:
                vals = []
        elif key in ("json_new", "json_disc"):
            tid = tids["json"]
            vals = []
        elif key == "repeats":
            tid = cy((key, "tid"), [tids["main"], tids["json"], tids["player"]])
            vals = [rng.choice([2, 2, 3, 4, 6, 11, 27])]
        elif key == "skin":
            vals = list(cy((key, 1), skins))
        elif key == "curl_stat":
            tid = cy((key, "tid"), tids["jobs"])
            vals = [cy((key, 1), curl_errs), cy((key, 2), urls)]
        elif key == "curl_fill":
            tid = cy((key, "tid"), tids["jobs"])
            vals = [cy((key, 1), curl_errs[1:] + curl_errs[:1])]
        elif key == "py_ok":
            py_id += rng.randint(1, 4)
            tid = cy((key, "tid"), tids["py"])
            vals = [py_id, cy((key, 2), scripts)]
        elif key == "py_leak":
            py_id += rng.randint(1, 4)
            tid = cy((key, "tid"), tids["py"])
            s = cy((key, 2), scripts[1:])
            vals = [py_id, s, s, cy((key, 4), ["traktPlayer, traktMonitor", "SubtitleService, KodiMonitor",
                                                 "YoutubeDLMonitor, Player", "traktPlayer, traktMonitor"])]
        elif key == "thread":
            tid = cy((key, "tid"), tids["jobs"] + [tids["main"], tids["player"]])
            vals = list(cy((key, 1), threads))
        else:
            vals = []
        level = ev.meta[key]
        hdr = "%s %s.%03d T:%-5d %7s <general>: " % (ymd(), hms(t), millis(t), tid, level)
        lines.append((t, len(lines), key, hdr, fill(ev.tpl[key], vals)))
    return lines


# ==============================================================================================
# driver: write, then self-check
# ==============================================================================================
SYSTEMS = [
    # (name, k, mode, events, builder, header regex, timestamp extractor)
    ("OpenWrt", 1, "simulation (Wi-Fi stations)", OPENWRT_EVENTS, build_openwrt, OPENWRT_HEADER_RE, ts_openwrt),
    ("Tasmota", 2, "shuffle", TASMOTA_EVENTS, build_tasmota, TASMOTA_HEADER_RE, ts_hms_ms),
    ("Zephyr", 3, "simulation (BLE sensor connections)", ZEPHYR_EVENTS, build_zephyr, ZEPHYR_HEADER_RE,
     ts_zephyr),
    ("Klipper", 4, "shuffle", KLIPPER_EVENTS, build_klipper, KLIPPER_HEADER_RE, ts_klipper),
    ("OctoPrint", 5, "shuffle", OCTOPRINT_EVENTS, build_octoprint, OCTOPRINT_HEADER_RE, ts_datetime_ms),
    ("Kodi", 6, "shuffle", KODI_EVENTS, build_kodi, KODI_HEADER_RE, ts_datetime_ms),
]


def write_system(name, k, ev, builder):
    rng = random.Random(BASE_SEED * 10 + k)
    cy = Cycler()
    lines = builder(rng, cy)
    lines.sort(key=lambda r: (r[0], r[1]))
    lines = lines[:N_LINES]
    if len(lines) != N_LINES:
        raise SystemExit("%s: only %d lines generated" % (name, len(lines)))
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="\n") as f:
        for _t, _s, _key, hdr, content in lines:
            f.write(hdr + content + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_t, _s, key, _hdr, content) in enumerate(lines, 1):
            w.writerow([i, content, "E%d" % (ev.idx[key] + 1), ev.tpl[key]])


def tpl_regex(template):
    return re.compile("(?s)" + "(.+?)".join(re.escape(p) for p in template.split("<*>")))


def check_system(name, ev, header_re, ts_fn):
    errors = []
    d = os.path.join(OUT, name)
    raw_path = os.path.join(d, name + ".log")
    csv_path = os.path.join(d, name + ".log_structured.csv")
    for p in (raw_path, csv_path):
        with open(p, "rb") as f:
            b = f.read()
        if not b.endswith(b"\n"):
            errors.append("%s does not end with newline" % p)
        if b"\r" in b:
            errors.append("%s contains CR" % p)
    with open(raw_path, encoding="utf-8", newline="") as f:
        raw = f.read().split("\n")[:-1]
    with open(csv_path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errors.append("bad csv header %r" % rows[0])
    rows = rows[1:]
    if len(raw) != N_LINES or len(rows) != N_LINES:
        errors.append("line/row count %d/%d" % (len(raw), len(rows)))
    hre = re.compile(header_re)
    declared = {"E%d" % (i + 1): tpl for i, tpl in enumerate(ev.templates())}
    eid_tpl, counts, caps = {}, {}, {}
    last_ts = None
    span = [None, None]
    for i, (line, row) in enumerate(zip(raw, rows), 1):
        if len(row) != 4:
            errors.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errors.append("row %d LineId %r" % (i, lid))
        if not content or content != content.strip():
            errors.append("row %d Content empty or not stripped" % i)
        if not line.endswith(content):
            errors.append("line %d does not end with its Content" % i)
            continue
        hdr = line[:len(line) - len(content)]
        if not hre.fullmatch(hdr):
            errors.append("line %d header %r does not match" % (i, hdr))
        ts = ts_fn(hdr, content)
        if ts is not None:
            if last_ts is not None and ts < last_ts:
                errors.append("line %d timestamp goes back" % i)
            last_ts = ts
            span[0] = ts if span[0] is None else span[0]
            span[1] = ts
        if not re.fullmatch(r"E\d+", eid):
            errors.append("row %d bad EventId %r" % (i, eid))
        if eid_tpl.setdefault(eid, tpl) != tpl:
            errors.append("EventId %s has two templates" % eid)
        if declared.get(eid) != tpl:
            errors.append("row %d template differs from declared %s" % (i, eid))
        m = tpl_regex(tpl).fullmatch(content)
        if not m:
            errors.append("row %d content does not match template %s" % (i, eid))
            continue
        counts[eid] = counts.get(eid, 0) + 1
        for j, g in enumerate(m.groups()):
            caps.setdefault((eid, j), set()).add(g)
    if len(set(eid_tpl.values())) != len(eid_tpl):
        errors.append("two EventIds share a template")
    if set(eid_tpl) != set(declared):
        errors.append("declared events unused: %s" % sorted(set(declared) - set(eid_tpl)))
    for eid, tpl in declared.items():
        for j in range(tpl.count("<*>")):
            if len(caps.get((eid, j), ())) < 2:
                errors.append("%s slot %d captures <2 distinct values" % (eid, j + 1))
    cnt = sorted(counts.values())
    if not 12 <= len(declared) <= 15:
        errors.append("%d event types" % len(declared))
    if cnt and min(cnt) < 3:
        errors.append("an event has <3 lines: %s" % {e: c for e, c in counts.items() if c < 3})
    if sum(1 for c in cnt if 3 <= c <= 10) < 3:
        errors.append("fewer than 3 events with 3-10 lines")
    med = statistics.median(cnt) if cnt else 0
    if cnt and max(cnt) < 3 * med:
        errors.append("largest %d < 3 x median %s" % (max(cnt), med))
    return errors, counts, med, span


def main():
    for name, k, _mode, ev, builder, _hre, _ts in SYSTEMS:
        write_system(name, k, ev, builder)
    failed = False
    print("Round 50 corpus, base seed %d, output %s" % (BASE_SEED, OUT))
    for name, k, mode, ev, _builder, hre, ts_fn in SYSTEMS:
        errors, counts, med, span = check_system(name, ev, hre, ts_fn)
        order = sorted(counts, key=lambda e: int(e[1:]))
        print("%-9s k=%d %-37s events=%2d min=%3d median=%5.1f max=%3d  %s" % (
            name, k, mode, len(counts), min(counts.values()), med, max(counts.values()),
            "OK" if not errors else "FAIL"))
        print("          counts: " + " ".join("%s:%d" % (e, counts[e]) for e in order))
        for e in errors[:20]:
            print("          ERROR: " + e)
        failed = failed or bool(errors)
    if failed:
        print("SELF-CHECK FAILED")
        sys.exit(1)
    print("SELF-CHECK PASSED")


if __name__ == "__main__":
    main()
