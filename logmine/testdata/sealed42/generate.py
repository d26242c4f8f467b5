#!/usr/bin/env python3
"""Sealed 42 corpus generator. Python 3 standard library only, deterministic.

Run: python3 generate.py   (writes <System>/<System>.log and .log_structured.csv, then self-checks)
"""
import csv
import heapq
import io
import os
import random
import re
import statistics

BASE_SEED = 20270146
N_LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
# 2026-03-14 00:00:00 UTC as integer seconds since the epoch (days * 86400), no clock involved
_DAYS_TO_2026_03_14 = (2026 - 1970) * 365 + 14 + (31 + 28 + 13)  # 14 leap days 1972..2024
DAY0_NS = _DAYS_TO_2026_03_14 * 86400 * 10**9
DATE_Y, DATE_M, DATE_D, DATE_WD = 2026, 3, 14, 5  # Saturday
SEC = 10**9
MS = 10**6


def split_day(t):
    """t: absolute ns. Returns (h, m, s, ms) within 2026-03-14, asserting we stay in the day."""
    d = t - DAY0_NS
    assert 0 <= d < 86400 * SEC, "clock left 2026-03-14"
    s_total, ns = divmod(d, SEC)
    h, rem = divmod(s_total, 3600)
    m, s = divmod(rem, 60)
    return h, m, s, ns // MS


def at(h, m=0, s=0):
    return DAY0_NS + ((h * 60 + m) * 60 + s) * SEC


class Ctx:
    def __init__(self, k):
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.cnt = {}

    def cyc(self, key, pool):
        """Cycle through a small pool per (event, slot) key."""
        i = self.cnt.get(key, 0)
        self.cnt[key] = i + 1
        return pool[i % len(pool)]

    def ip(self, net="192.168.1"):
        return "%s.%d" % (net, self.rng.randint(2, 250))

    def port(self):
        return self.rng.randint(32768, 60999)

    def hexs(self, n):
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def HEX(self, n):
        return self.hexs(n).upper()

    def exp_gap(self, mean_s, min_ms=1):
        return max(min_ms * MS, int(self.rng.expovariate(1.0 / mean_s) * SEC))


def fill(template, vals):
    parts = template.split("<*>")
    assert len(parts) == len(vals) + 1, (template, vals)
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\r" not in v, (template, v)
        out.append(v)
        out.append(p)
    return "".join(out)


def shuffle_records(ctx, counts, start, mean_gap_s, gen):
    """Seeded shuffle: fixed count per event, shuffled, forward-only clock, exponential gaps."""
    assert sum(counts) == N_LINES, sum(counts)
    order = [ei for ei, c in enumerate(counts) for _ in range(c)]
    ctx.rng.shuffle(order)
    t = start
    recs = []
    for ei in order:
        t += ctx.exp_gap(mean_gap_s)
        vals, hx = gen(ei)
        recs.append((t, ei, vals, hx))
    return recs


class Sim:
    """Entities produce lines on their own clocks; merged in time order, first 300 kept."""

    def __init__(self):
        self.out = []
        self.seq = 0

    def emit(self, t, ei, vals, hx):
        self.seq += 1
        self.out.append((t, self.seq, ei, vals, hx))

    def records(self):
        self.out.sort(key=lambda r: (r[0], r[1]))
        return [(t, ei, vals, hx) for (t, _s, ei, vals, hx) in self.out[:N_LINES]]


# ---------------------------------------------------------------------------------------------
# 1. ZwaveJs  (simulation: nodes interviewing / reporting / sleeping, UI api calls)
# ---------------------------------------------------------------------------------------------
ZWAVEJS_EVENTS = [
    ("Node <*>: value updated: <*> <*> => <*>", "INFO", "Z-WAVE"),          # E1
    ("Node <*>: value added: <*> => <*>", "INFO", "Z-WAVE"),                # E2
    ("Node <*>: metadata updated: <*>", "INFO", "Z-WAVE"),                  # E3
    ("Node <*>: interview started", "INFO", "Z-WAVE"),                      # E4
    ("Node <*>: interview stage <*> completed", "INFO", "Z-WAVE"),          # E5
    ("Node <*>: interview completed", "INFO", "Z-WAVE"),                    # E6
    ("Node <*> ready: <*> - <*> (<*>)", "INFO", "Z-WAVE"),                  # E7
    ("Node <*> is now asleep", "INFO", "Z-WAVE"),                           # E8
    ("Node <*> is now awake", "INFO", "Z-WAVE"),                            # E9
    ("Node <*> is now dead", "WARN", "Z-WAVE"),                             # E10
    ("Node <*> is now alive", "INFO", "Z-WAVE"),                            # E11
    ("Calling api <*> with args: <*>", "INFO", "Z-WAVE"),                   # E12
    ("Success zwave api call <*> <*>", "INFO", "Z-WAVE"),                   # E13
    ("Error while calling api <*>: <*>", "ERROR", "Z-WAVE"),                # E14
    ("Publishing discovery for node <*> on topic <*>", "INFO", "MQTT"),     # E15
]

ZW_DEVICES = [
    ("Aeotec Ltd.", "ZW100", "MultiSensor 6", True),
    ("Zooz", "ZEN27", "S2 Dimmer Wall Switch", False),
    ("Fibargroup", "FGS223", "Double Switch 2", False),
    ("Aeotec Ltd.", "ZWA024", "Multisensor 7", True),
    ("Silicon Labs", "ZST10-700", "USB Stick", False),
    ("Kwikset", "916", "SmartCode Deadbolt", True),
    ("Inovelli", "LZW31-SN", "Red Series Dimmer", False),
    ("Everspring", "ST814", "Temperature and Humidity Sensor", True),
]
ZW_VALUES_BATT = [("49-0-Air temperature", "num", 15.0, 27.0), ("49-0-Humidity", "int", 30, 70),
                  ("128-0-level", "int", 40, 100), ("113-0-Home Security-Motion sensor status", "cc", 0, 8),
                  ("49-0-Illuminance", "int", 0, 900)]
ZW_VALUES_MAINS = [("38-0-currentValue", "int", 0, 99), ("37-1-currentValue", "bool", 0, 1),
                   ("50-0-value-65537", "num", 0.0, 80.0), ("50-0-value-66049", "num", 0.0, 2200.0),
                   ("38-0-targetValue", "int", 0, 99)]
ZW_STAGES = ["ProtocolInfo", "NodeInfo", "CommandClasses", "OverwriteConfig", "Complete"]
ZW_API = ["setValue", "refreshValues", "healNode", "getAssociations", "pingNode", "refreshInfo"]
ZW_ERRORS = ["Node 14 did not respond after 3 attempts, it is presumed dead",
             "Timeout while waiting for a callback from the controller",
             "The node did not acknowledge the command",
             "Failed to send the command after 3 attempts (Status NoAck)",
             "Controller is busy, try again later"]


def zw_val(ctx, kind, lo, hi):
    r = ctx.rng
    if kind == "num":
        return "%.1f" % r.uniform(lo, hi)
    if kind == "int" or kind == "cc":
        return str(r.randint(lo, hi))
    return r.choice(["true", "false"])


def build_zwavejs(ctx):
    sim = Sim()
    r = ctx.rng
    start = at(9, 2, 11) + r.randint(0, 999) * MS
    ids = list(range(2, 40))
    r.shuffle(ids)
    nodes = []
    for i in range(16):
        dev = ZW_DEVICES[i % len(ZW_DEVICES)]
        nodes.append({"id": ids[i], "dev": dev, "batt": dev[3], "interview": i < 7})
    hx = {}

    def H(ei):
        return (ZWAVEJS_EVENTS[ei][1], ZWAVEJS_EVENTS[ei][2])

    for n in nodes:
        nid = str(n["id"])
        vals = ZW_VALUES_BATT if n["batt"] else ZW_VALUES_MAINS
        t = start + ctx.exp_gap(40 if n["interview"] else 5)
        if n["interview"]:
            sim.emit(t, 3, [nid], H(3))
            for st in r.sample(ZW_STAGES[:4], r.randint(2, 3)):
                t += ctx.exp_gap(1.5)
                sim.emit(t, 4, [nid, st], H(4))
            t += ctx.exp_gap(1.0)
            sim.emit(t, 5, [nid], H(5))
            t += r.randint(3, 80) * MS
            sim.emit(t, 6, [nid, n["dev"][0], n["dev"][1], n["dev"][2]], H(6))
            for v in r.sample(vals, 2):
                t += r.randint(2, 40) * MS
                sim.emit(t, 1, [nid, v[0], zw_val(ctx, v[1], v[2], v[3])], H(1))
            t += r.randint(50, 500) * MS
            sim.emit(t, 14, [nid, "zwave/nodeID_%s/%s" % (nid, r.choice(["sensor", "switch", "light", "lock"]))], H(14))
        # runtime: periodic reports, sleep/wake for battery, rare dead/alive for mains
        awake = True
        end = start + 55 * 60 * SEC
        while t < end:
            if n["batt"]:
                if awake:
                    for _ in range(r.randint(1, 3)):
                        v = r.choice(vals)
                        t += r.randint(20, 900) * MS
                        sim.emit(t, 0, [nid, v[0], zw_val(ctx, v[1], v[2], v[3]), zw_val(ctx, v[1], v[2], v[3])], H(0))
                    if r.random() < 0.12:
                        t += r.randint(10, 200) * MS
                        sim.emit(t, 2, [nid, r.choice(vals)[0]], H(2))
                    t += ctx.exp_gap(4)
                    sim.emit(t, 7, [nid], H(7))
                    awake = False
                else:
                    t += ctx.exp_gap(420)
                    sim.emit(t, 8, [nid], H(8))
                    awake = True
            else:
                t += ctx.exp_gap(75)
                x = r.random()
                if x < 0.035:
                    sim.emit(t, 9, [nid], H(9))
                    t += ctx.exp_gap(90)
                    sim.emit(t, 10, [nid], H(10))
                elif x < 0.08:
                    sim.emit(t, 2, [nid, r.choice(vals)[0]], H(2))
                else:
                    v = r.choice(vals)
                    sim.emit(t, 0, [nid, v[0], zw_val(ctx, v[1], v[2], v[3]), zw_val(ctx, v[1], v[2], v[3])], H(0))
    # UI api calls: each a short-lived request
    t = start
    mains = [n for n in nodes if not n["batt"]]
    while t < start + 55 * 60 * SEC:
        t += ctx.exp_gap(50)
        api = ctx.cyc((11, 0), ZW_API)
        n = r.choice(mains)
        if api == "setValue":
            args = '[{"nodeId":%d,"commandClass":38,"endpoint":0,"property":"targetValue"},%d]' % (n["id"], r.randint(0, 99))
        else:
            args = "[%d]" % n["id"]
        sim.emit(t, 11, [api, args], H(11))
        t2 = t + r.randint(40, 3000) * MS
        if r.random() < 0.78:
            res = ctx.cyc((12, 1), ['{"success":true}', "true", '{"status":255}', "[]"])
            sim.emit(t2, 12, [api, res], H(12))
        else:
            sim.emit(t2, 13, [api, r.choice(ZW_ERRORS)], H(13))
    return sim.records()


def hdr_zwavejs(t, hx):
    h, m, s, ms = split_day(t)
    return "%04d-%02d-%02d %02d:%02d:%02d.%03d %s %s: " % (DATE_Y, DATE_M, DATE_D, h, m, s, ms, hx[0], hx[1])


HDR_RE_ZWAVEJS = r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} (?:INFO|WARN|ERROR|DEBUG) (?:Z-WAVE|MQTT|APP|GATEWAY|STORE): "
TS_ZWAVEJS = r"^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3})"


# ---------------------------------------------------------------------------------------------
# 2. EspHome  (seeded shuffle: device log through `esphome logs`)
# ---------------------------------------------------------------------------------------------
ESPHOME_EVENTS = [
    ("'<*>': Sending state <*> <*> with <*> decimals of accuracy", "D", "sensor:094"),     # E1
    ("'<*>': New state is <*>", "D", "binary_sensor:036"),                                   # E2
    ("'<*>' Turning ON.", "D", "switch:012"),                                                # E3
    ("'<*>' Turning OFF.", "D", "switch:016"),                                               # E4
    ("'<*>': Sending state '<*>'", "D", "text_sensor:064"),                                  # E5
    ("Disconnected ssid='<*>' bssid=<*> reason='<*>'", "W", "wifi_esp32:482"),             # E6
    ("WiFi Connecting to '<*>'...", "I", "wifi:313"),                                        # E7
    ("Accepted <*>", "D", "api:102"),                                                        # E8
    ("Home Assistant <*> (<*>): Connected successfully", "I", "api.connection:1321"),        # E9
    ("Home Assistant <*> (<*>): Reading failed: <*>", "W", "api.connection:1496"),           # E10
    ("Starting update from <*>...", "D", "ota:106"),                                         # E11
    ("OTA in progress: <*>%", "D", "ota:263"),                                               # E12
    ("Error receiving data for update, errno <*>", "W", "ota:298"),                          # E13
    ("Component <*> took a long time for an operation (<*>).", "W", "component:237"),      # E14
    ("ESPHome version <*> compiled on <*>", "C", "app:100"),                                 # E15
]
ESPHOME_COUNTS = [83, 35, 20, 18, 25, 8, 10, 15, 14, 7, 6, 20, 4, 30, 5]
EH_SENSORS = [("Living Room Temperature", "°C", 1, 17.0, 25.0), ("Living Room Humidity", "%", 0, 35, 65),
              ("Garage Pressure", "hPa", 1, 990.0, 1030.0), ("Porch Illuminance", "lx", 0, 0, 1800),
              ("Kitchen WiFi Signal", "dBm", 0, -85, -45), ("Shed Battery Voltage", "V", 2, 3.3, 4.2),
              ("Desk Power", "W", 1, 0.0, 180.0)]
EH_BIN = ["Hallway Motion", "Front Door Contact", "Garage Door", "Doorbell Button", "Mailbox"]
EH_SWITCH = ["Coffee Maker Relay", "Pump Relay", "Garden Lights", "Fan Switch"]
EH_TEXT = [("Uptime Human", None), ("IP Address", "ip"), ("ESPHome Version", "ver"), ("Connected SSID", "ssid")]
EH_SSID = ["IoT-2G", "Bellhaven", "shed-ap"]
EH_REASON = ["Beacon Timeout", "Association Leave", "Auth Expired", "No AP Found", "Handshake Timeout"]
EH_HAVER = ["2026.2.3", "2026.3.0", "2025.12.4"]
EH_COMPONENTS = ["api", "wifi", "sensor", "logger", "dallas_temp", "display", "esp32_ble_tracker"]
EH_ESPVER = ["2026.2.1", "2026.2.2", "2025.12.5"]


def build_esphome(ctx):
    r = ctx.rng

    def gen(ei):
        if ei == 0:
            n, u, d, lo, hi = ctx.cyc((0, 0), EH_SENSORS)
            return [n, "%.5f" % (round(r.uniform(lo, hi), d)), u, d], None
        if ei == 1:
            return [ctx.cyc((1, 0), EH_BIN), ctx.cyc((1, 1), ["ON", "OFF", "OFF", "ON", "ON"])], None
        if ei in (2, 3):
            return [ctx.cyc((ei, 0), EH_SWITCH)], None
        if ei == 4:
            n, kind = ctx.cyc((4, 0), EH_TEXT)
            if kind == "ip":
                v = ctx.ip("192.168.20")
            elif kind == "ver":
                v = r.choice(EH_ESPVER)
            elif kind == "ssid":
                v = r.choice(EH_SSID)
            else:
                v = "%dd %dh %dm %ds" % (r.randint(0, 40), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59))
            return [n, v], None
        if ei == 5:
            bssid = ":".join(ctx.HEX(2) for _ in range(6))
            return [ctx.cyc((5, 0), EH_SSID), bssid, ctx.cyc((5, 2), EH_REASON)], None
        if ei == 6:
            return [ctx.cyc((6, 0), EH_SSID)], None
        if ei == 7:
            return [ctx.ip("192.168.20")], None
        if ei in (8, 9):
            v = [ctx.cyc((ei, 0), EH_HAVER), ctx.ip("192.168.20")]
            if ei == 9:
                v.append(ctx.cyc((9, 2), ["errno=104", "errno=113", "Connection reset by peer errno=104", "Bad indicator byte"]))
            return v, None
        if ei == 10:
            return [ctx.ip("192.168.20")], None
        if ei == 11:
            return ["%.1f" % r.uniform(0.5, 99.9)], None
        if ei == 12:
            return [ctx.cyc((12, 0), ["11", "104", "113"])], None
        if ei == 13:
            c = ctx.cyc((13, 0), EH_COMPONENTS)
            return [c, "%d ms" % r.randint(31, 480)], None
        if ei == 14:
            cd = "%s %d %d, %02d:%02d:%02d" % (MONTHS[r.choice([1, 2])], r.randint(1, 28), 2026,
                                              r.randint(0, 23), r.randint(0, 59), r.randint(0, 59))
            return [ctx.cyc((14, 0), EH_ESPVER), cd], None
        raise ValueError(ei)

    return shuffle_records(ctx, ESPHOME_COUNTS, at(10, 14, 2), 9.0, gen)


def hdr_esphome(t, hx, ei=None):
    h, m, s, _ms = split_day(t)
    return "[%02d:%02d:%02d][%s][%s]: " % (h, m, s, hx[0], hx[1])


HDR_RE_ESPHOME = r"\[\d{2}:\d{2}:\d{2}\]\[[VDICWE]\]\[[a-z0-9_.]+:\d{3,4}\]: "
TS_ESPHOME = r"^\[(\d{2}:\d{2}:\d{2})\]"


# ---------------------------------------------------------------------------------------------
# 3. Domoticz  (seeded shuffle)
# ---------------------------------------------------------------------------------------------
DOMOTICZ_EVENTS = [
    ("<*>: Temp + Humidity (<*>)", ""),                                                              # E1
    ("<*>: Light/Switch (<*>)", ""),                                                                 # E2
    ("<*>: General/kWh (<*>)", ""),                                                                  # E3
    ("User: <*> (IP: <*>) initiated a switch command (<*>/<*>/<*>)", "Status: "),                  # E4
    ('dzVents: Info: ------ Start internal script: <*>: Device: "<*> (<*>)", Index: <*>', "Status: "),  # E5
    ("dzVents: Info: ------ Finished <*>", "Status: "),                                              # E6
    ("EventSystem: Script event triggered: <*>", "Status: "),                                        # E7
    ("EventSystem: in <*>: <*>", "Error: "),                                                         # E8
    ("<*>: Worker started...", "Status: "),                                                          # E9
    ("<*>: Worker stopped...", "Status: "),                                                          # E10
    ("<*> hardware (<*>) thread seems to have ended unexpectedly", "Error: "),                       # E11
    ("<*> hardware (<*>) nothing received for more than <*> Minutes!!!!", "Error: "),                # E12
    ("Incoming connection from: <*>", "Status: "),                                                   # E13
    ("Notification sent (<*>) => Success", "Status: "),                                              # E14
]
DOMOTICZ_COUNTS = [70, 45, 35, 20, 28, 28, 15, 6, 8, 7, 4, 5, 18, 11]
DZ_HW = [("RFXtrx433e", 2), ("Zigbee2MQTT", 5), ("Shelly MQTT", 7), ("P1 Meter", 3), ("Dummy", 9)]
DZ_TEMP = ["Outside", "Bathroom", "Attic", "Greenhouse", "Bedroom Kids"]
DZ_LIGHT = ["Kitchen Spots", "Porch Light", "Hall Lamp", "TV Backlight", "Garden Pump"]
DZ_KWH = ["Washing Machine", "Heat Pump", "Solar Inverter", "Dishwasher"]
DZ_USERS = ["admin", "margot", "dennis"]
DZ_SCRIPTS = ["motion_hall", "night_mode", "pump_guard", "presence_sim", "boiler_ctrl"]
DZ_LUA = ["/home/pi/domoticz/scripts/lua/script_device_doorbell.lua",
          "/home/pi/domoticz/scripts/lua/script_time_frost.lua",
          "/opt/domoticz/userdata/scripts/lua/script_device_power.lua"]
DZ_LUA_ERR = ["[string \"-- pump guard...\"]:23: attempt to index a nil value (global 'otherdevices_svalues')",
              "[string \"-- frost...\"]:7: attempt to compare number with nil",
              "[string \"commandArray = {}...\"]:41: attempt to concatenate a nil value (field 'Temp')"]
DZ_NOTIF = ["telegram", "pushover", "gcm", "email"]


def build_domoticz(ctx):
    r = ctx.rng

    def gen(ei):
        lvl = DOMOTICZ_EVENTS[ei][1]
        if ei == 0:
            return [ctx.cyc((0, 0), DZ_HW)[0], ctx.cyc((0, 1), DZ_TEMP)], lvl
        if ei == 1:
            return [ctx.cyc((1, 0), DZ_HW)[0], ctx.cyc((1, 1), DZ_LIGHT)], lvl
        if ei == 2:
            return [ctx.cyc((2, 0), ["P1 Meter", "Shelly MQTT", "Zigbee2MQTT"]), ctx.cyc((2, 1), DZ_KWH)], lvl
        if ei == 3:
            return [ctx.cyc((3, 0), DZ_USERS), ctx.ip("192.168.0"), str(r.randint(1, 420)),
                    ctx.cyc((3, 3), DZ_LIGHT), ctx.cyc((3, 4), ["On", "Off", "Set Level"])], lvl
        if ei == 4:
            return [ctx.cyc((4, 0), DZ_SCRIPTS), ctx.cyc((4, 1), DZ_LIGHT + DZ_TEMP),
                    ctx.cyc((4, 2), ["On", "Off", "21.4;58;1", "Set Level: 40 %"]), str(r.randint(1, 420))], lvl
        if ei == 5:
            return [ctx.cyc((5, 0), DZ_SCRIPTS)], lvl
        if ei == 6:
            return [ctx.cyc((6, 0), DZ_LUA)], lvl
        if ei == 7:
            return [ctx.cyc((7, 0), ["Script_Device_pump", "Script_Time_frost", "Script_Device_power"]),
                    ctx.cyc((7, 1), DZ_LUA_ERR)], lvl
        if ei in (8, 9):
            return [ctx.cyc((ei, 0), DZ_HW)[0]], lvl
        if ei in (10, 11):
            hw = ctx.cyc((ei, 0), DZ_HW)
            v = [hw[0], str(hw[1])]
            if ei == 11:
                v.append(ctx.cyc((11, 2), ["5", "10", "30"]))
            return v, lvl
        if ei == 12:
            return [ctx.ip(r.choice(["192.168.0", "10.8.0"]))], lvl
        if ei == 13:
            return [ctx.cyc((13, 0), DZ_NOTIF)], lvl
        raise ValueError(ei)

    return shuffle_records(ctx, DOMOTICZ_COUNTS, at(6, 30, 0), 12.0, gen)


def hdr_domoticz(t, hx):
    h, m, s, ms = split_day(t)
    return "%04d-%02d-%02d %02d:%02d:%02d.%03d  %s" % (DATE_Y, DATE_M, DATE_D, h, m, s, ms, hx)


HDR_RE_DOMOTICZ = r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}  (?:(?:Status|Error): )?"
TS_DOMOTICZ = TS_ZWAVEJS


# ---------------------------------------------------------------------------------------------
# 4. Homebridge  (seeded shuffle)
# ---------------------------------------------------------------------------------------------
HOMEBRIDGE_EVENTS = [
    ("Loaded plugin: <*>", False),                                                       # E1
    ("Registering platform '<*>'", False),                                               # E2
    ("Initializing <*> platform...", True),                                              # E3
    ("Adding new accessory: <*>", True),                                                 # E4
    ("Restoring existing accessory from cache: <*>", True),                              # E5
    ("Removing accessory from cache: <*>", True),                                        # E6
    ("<*>: set homekit <*> from <*> to <*>", True),                                      # E7
    ("This plugin generated a warning from the characteristic '<*>': Characteristic value expected "
     "valid finite number and received \"<*>\" (<*>). See https://homebridge.io/w/JtMGR for more info.", True),  # E8
    ("Launched child bridge with PID <*>", True),                                        # E9
    ("Process Ended. Code: <*>, Signal: <*>", True),                                     # E10
    ("Restarting Process...", True),                                                     # E11
    ("<*>: Snapshot requested: <*> x <*>", True),                                        # E12
    ("<*>: request error: <*>", True),                                                   # E13
    ("Homebridge v<*> (HAP v<*>) (<*>) is running on port <*>.", False),                 # E14
]
HOMEBRIDGE_COUNTS = [12, 12, 14, 20, 50, 6, 105, 9, 8, 5, 5, 30, 20, 4]
HB_PLUGINS = [("homebridge-hue@0.13.71", "Hue", "Hue"), ("homebridge-camera-ffmpeg@3.1.4", "Camera-ffmpeg", "Cameras"),
              ("homebridge-shelly-ng@1.6.0", "ShellyNG", "Shelly"), ("homebridge-ring@12.3.1", "Ring", "Ring"),
              ("homebridge-mqttthing@1.1.47", "mqttthing", "MQTT Thing")]
HB_ACC = ["Kitchen Ceiling", "Bedroom Lamp", "Hallway Sensor", "Patio Plug", "Office Strip", "Stairs Motion",
          "Garage Opener", "Nursery Nightlight"]
HB_CAMS = ["Front Door", "Driveway", "Backyard Cam", "Side Gate"]
HB_CHARS = [("On", "bool"), ("Brightness", "int"), ("Hue", "int"), ("ColorTemperature", "int")]
HB_ERR = ["connect ETIMEDOUT 10.0.4.21:80", "getaddrinfo ENOTFOUND api.ring.com",
          "socket hang up", "Request failed with status code 503", "read ECONNRESET"]
HB_WARN_CH = ["Current Temperature", "Current Relative Humidity", "Battery Level", "Brightness"]


def build_homebridge(ctx):
    r = ctx.rng

    def plug(ei):
        return ctx.cyc((ei, "plugin"), HB_PLUGINS)

    def gen(ei):
        if ei == 0:
            return [ctx.cyc((0, 0), HB_PLUGINS)[0]], None
        if ei == 1:
            return [ctx.cyc((1, 0), HB_PLUGINS)[2]], None
        if ei == 2:
            p = plug(ei)
            return [p[2]], p[1]
        if ei in (3, 4, 5):
            p = plug(ei)
            return [ctx.cyc((ei, 0), HB_ACC)], p[1]
        if ei == 6:
            p = ctx.cyc((6, "plugin"), [HB_PLUGINS[0], HB_PLUGINS[2], HB_PLUGINS[4]])
            ch, kind = ctx.cyc((6, 1), HB_CHARS)
            if kind == "bool":
                a = r.choice(["true", "false"])
                b = "false" if a == "true" else "true"
            elif ch == "ColorTemperature":
                a, b = str(r.randint(153, 500)), str(r.randint(153, 500))
            elif ch == "Hue":
                a, b = str(r.randint(0, 360)), str(r.randint(0, 360))
            else:
                a, b = str(r.randint(0, 100)), str(r.randint(0, 100))
            return [ctx.cyc((6, 0), HB_ACC), ch.lower() if kind == "bool" else ch[0].lower() + ch[1:], a, b], p[1]
        if ei == 7:
            p = ctx.cyc((7, "plugin"), [HB_PLUGINS[4], HB_PLUGINS[2]])
            return [ctx.cyc((7, 0), HB_WARN_CH), ctx.cyc((7, 1), ["NaN", "undefined", "null", "--"]),
                    ctx.cyc((7, 2), ["number", "undefined", "object", "string"])], p[1]
        if ei == 8:
            return [str(r.randint(300, 9999))], plug(ei)[0].split("@")[0]
        if ei == 9:
            return [ctx.cyc((9, 0), ["1", "143", "0"]), ctx.cyc((9, 1), ["null", "SIGTERM"])], plug(ei)[0].split("@")[0]
        if ei == 10:
            return [], plug(ei)[0].split("@")[0]
        if ei == 11:
            return [ctx.cyc((11, 0), HB_CAMS), ctx.cyc((11, 1), ["640", "1280", "480"]),
                    ctx.cyc((11, 2), ["360", "720", "270"])], "Camera-ffmpeg"
        if ei == 12:
            p = ctx.cyc((12, "plugin"), [HB_PLUGINS[3], HB_PLUGINS[2], HB_PLUGINS[0]])
            return [ctx.cyc((12, 0), HB_ACC + HB_CAMS), ctx.cyc((12, 1), HB_ERR)], p[1]
        if ei == 13:
            return [ctx.cyc((13, 0), ["1.8.5", "1.9.0"]), ctx.cyc((13, 1), ["0.11.1", "0.11.2"]),
                    "Homebridge %s" % ctx.HEX(4), str(r.choice([51826, 51827, 52100, 53088]))], None
        raise ValueError(ei)

    return shuffle_records(ctx, HOMEBRIDGE_COUNTS, at(7, 3, 40), 10.0, gen)


def hdr_homebridge(t, hx):
    h, m, s, _ms = split_day(t)
    ap = "AM" if h < 12 else "PM"
    h12 = h % 12 or 12
    base = "[%d/%d/%d, %d:%02d:%02d %s] " % (DATE_M, DATE_D, DATE_Y, h12, m, s, ap)
    return base + ("[%s] " % hx if hx else "")


HDR_RE_HOMEBRIDGE = r"\[\d{1,2}/\d{1,2}/\d{4}, \d{1,2}:\d{2}:\d{2} (?:AM|PM)\] (?:\[[^\]]+\] )?"
TS_HOMEBRIDGE = r"^\[\d{1,2}/\d{1,2}/\d{4}, (\d{1,2}:\d{2}:\d{2} (?:AM|PM))\]"


# ---------------------------------------------------------------------------------------------
# 5. Scrypted  (simulation: cameras with prebuffer sessions, stream clients, motion episodes)
# ---------------------------------------------------------------------------------------------
SCRYPTED_EVENTS = [
    ("[<*>] prebuffer session started", "Rebroadcast Plugin"),                               # E1
    ("[<*>] prebuffer session ended", "Rebroadcast Plugin"),                                 # E2
    ("[<*>] rebroadcast client connected <*>", "Rebroadcast Plugin"),                        # E3
    ("[<*>] rebroadcast client disconnected <*>", "Rebroadcast Plugin"),                     # E4
    ("[<*>] ffmpeg exited with code <*>: <*>", "Rebroadcast Plugin"),                       # E5
    ("[<*>] video stream <*> resolution: <*>, codec: <*>", "Rebroadcast Plugin"),            # E6
    ("[<*>] motion detected", "Video Analysis Plugin"),                                      # E7
    ("[<*>] motion ended", "Video Analysis Plugin"),                                         # E8
    ("[<*>] detected <*> (score <*>)", "Video Analysis Plugin"),                             # E9
    ("[<*>] recording session started", "HomeKit"),                                          # E10
    ("[<*>] recording session ended, duration <*>", "HomeKit"),                              # E11
    ("[<*>] snapshot request <*>", "HomeKit"),                                               # E12
    ("rpc peer <*> connected from <*>", "Scrypted"),                                         # E13
    ("rpc peer <*> disconnected: <*>", "Scrypted"),                                          # E14
]
SC_CAMS = ["Front Door", "Driveway", "Garage Cam", "Backyard", "Nursery", "Side Gate"]
SC_STREAMS = ["Main Stream", "Sub Stream", "Remote Stream"]
SC_RES = {"Main Stream": "2560x1440", "Sub Stream": "640x360", "Remote Stream": "1280x720"}
SC_CODEC = ["h264", "h265"]
SC_OBJ = ["person", "car", "dog", "cat", "package"]
SC_FFERR = ["Connection timed out", "method DESCRIBE failed: 401 Unauthorized",
            "Invalid data found when processing input", "End of file", "Connection refused"]
SC_DISC = ["socket closed", "peer timeout after 60000ms", "client requested close", "ECONNRESET"]


def build_scrypted(ctx):
    sim = Sim()
    r = ctx.rng
    start = at(11, 40, 5) + r.randint(0, 999) * MS
    end = start + 80 * 60 * SEC
    H = [e[1] for e in SCRYPTED_EVENTS]
    codec = {c: SC_CODEC[i % 2] for i, c in enumerate(SC_CAMS)}
    for cam in SC_CAMS:
        # prebuffer lifecycle
        t = start + ctx.exp_gap(3)
        while t < end:
            sim.emit(t, 0, [cam], H[0])
            st = ctx.cyc((5, 1), SC_STREAMS[:2])
            t += r.randint(200, 2500) * MS
            sim.emit(t, 5, [cam, st, SC_RES[st], codec[cam]], H[5])
            t += ctx.exp_gap(1500)
            if t >= end:
                break
            sim.emit(t, 4, [cam, ctx.cyc((4, 1), ["1", "255", "1", "-22"]), r.choice(SC_FFERR)], H[4])
            t += r.randint(5, 60) * MS
            sim.emit(t, 1, [cam], H[1])
            t += r.randint(2, 15) * SEC
        # motion episodes
        t = start + ctx.exp_gap(120)
        while t < end:
            sim.emit(t, 6, [cam], H[6])
            rec = r.random() < 0.55
            t1 = t + r.randint(100, 900) * MS
            if rec:
                sim.emit(t1, 9, [cam], H[9])
            tt = t
            for _ in range(r.randint(1, 5)):
                tt += r.randint(300, 6000) * MS
                sim.emit(tt, 8, [cam, ctx.cyc((8, 1), SC_OBJ), "%.3f" % r.uniform(0.41, 0.97)], H[8])
            tt += r.randint(8, 40) * SEC
            sim.emit(tt, 7, [cam], H[7])
            if rec:
                d = (tt - t1) // MS + r.randint(2000, 6000)
                sim.emit(tt + r.randint(2000, 6000) * MS, 10, [cam, "%.1fs" % (d / 1000.0)], H[10])
            t = tt + ctx.exp_gap(600)
        # snapshots
        t = start + ctx.exp_gap(60)
        while t < end:
            sim.emit(t, 11, [cam, ctx.cyc((11, 1), ["640x360", "1280x720", "320x180"])], H[11])
            t += ctx.exp_gap(220)
    # stream clients (viewers): overlap each other
    t = start
    while t < end:
        t += ctx.exp_gap(90)
        cam = r.choice(SC_CAMS)
        peer = "%s:%d" % (ctx.ip("192.168.10"), ctx.port())
        sim.emit(t, 2, [cam, peer], H[2])
        st = "Remote Stream" if r.random() < 0.3 else "Main Stream"
        sim.emit(t + r.randint(50, 400) * MS, 5, [cam, st, SC_RES[st], codec[cam]], H[5])
        sim.emit(t + ctx.exp_gap(200), 3, [cam, peer], H[3])
    # rpc peers (browser / app sessions)
    t = start
    while t < end:
        t += ctx.exp_gap(420)
        pid = "%s-%s" % (ctx.hexs(8), ctx.hexs(4))
        sim.emit(t, 12, [pid, ctx.ip(r.choice(["192.168.10", "100.64.3"]))], H[12])
        sim.emit(t + ctx.exp_gap(300), 13, [pid, ctx.cyc((13, 1), SC_DISC)], H[13])
    return sim.records()


def hdr_scrypted(t, hx):
    h, m, s, ms = split_day(t)
    return "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ [%s]: " % (DATE_Y, DATE_M, DATE_D, h, m, s, ms, hx)


HDR_RE_SCRYPTED = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z \[[A-Za-z][A-Za-z ]*\]: "
TS_SCRYPTED = r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})Z"


# ---------------------------------------------------------------------------------------------
# 6. Deconz  (seeded shuffle)
# ---------------------------------------------------------------------------------------------
DECONZ_EVENTS = [
    "APS-DATA.indication srcAddr: <*>, srcEp: <*> dstAddrMode: <*>, profile: <*>, cluster: <*>, lqi: <*>, rssi: <*>",  # E1
    "APS-DATA.request id: <*>, addrmode: <*>, addr: <*>, profile: <*>, cluster: <*>, ep: <*> -> <*> queue: <*> len: <*> tx.options <*>",  # E2
    "APS-DATA.confirm id: <*>, status: <*>",                                                  # E3
    "ZCL attribute report <*> for cluster: <*>, ep: <*>, frame control: <*>, mfcode: <*>",    # E4
    "Websocket <*> send message: <*> (ret = <*>)",                                            # E5
    "New websocket <*> (state: <*>)",                                                         # E6
    "Websocket disconnected <*>, state: <*>, close-code: <*>, reason: <*>",                   # E7
    "DB saved in <*>",                                                                        # E8
    "<*> error APSDE-DATA.confirm: <*> on task",                                              # E9
    "Device TTL <*> flags: <*>",                                                              # E10
    "ZDP Mgmt_Lqi_req zdpSeq: <*> to <*> start: <*>",                                         # E11
    "HTTP API <*> <*> - <*>",                                                                 # E12
    "discovery server date: <*>",                                                             # E13
    "sensor <*> (<*>): disable presence",                                                     # E14
]
DECONZ_COUNTS = [75, 35, 35, 40, 30, 5, 4, 12, 6, 3, 8, 30, 7, 10]
DC_CLUSTERS = ["0x0006", "0x0008", "0x0402", "0x0405", "0x0406", "0x0001", "0x0500", "0x0300"]
DC_PROFILES = ["0x0104", "0x0000"]
DC_MODELS = ["lumi.weather", "lumi.sensor_motion.aq2", "TRADFRI motion sensor", "SML001", "lumi.sensor_magnet.aq2"]
DC_PATHS = ["/api/%s/lights", "/api/%s/sensors", "/api/%s/config", "/api/%s/groups/3/action",
            "/api/%s/lights/7/state", "/api/%s/sensors/12"]


def build_deconz(ctx):
    r = ctx.rng
    nwk = ["0x%s" % ctx.HEX(4) for _ in range(10)]
    ext = ["0x00158d000%s" % ctx.hexs(7) for _ in range(4)] + ["0x00178801%s" % ctx.hexs(8) for _ in range(3)] + \
          ["0x000d6ffff%s" % ctx.hexs(7) for _ in range(3)]
    apikey = ctx.HEX(10)
    ws_clients = ["%s:%d" % (ctx.ip("192.168.178"), ctx.port()) for _ in range(4)] + ["172.17.0.1:%d" % ctx.port()]
    aps_id = [r.randint(1, 200)]
    state = {"t": at(13, 5, 0)}

    def gen(ei):
        if ei == 0:
            return [r.choice(nwk), "0x%02X" % ctx.cyc((0, 1), [1, 1, 2, 11]), ctx.cyc((0, 2), ["2", "3", "1"]),
                    ctx.cyc((0, 3), DC_PROFILES), ctx.cyc((0, 4), DC_CLUSTERS), str(r.randint(40, 255)),
                    str(r.randint(-92, -38))], None
        if ei == 1:
            aps_id[0] = aps_id[0] % 255 + 1
            return [str(aps_id[0]), ctx.cyc((1, 1), ["0x02", "0x03", "0x01"]), r.choice(nwk),
                    ctx.cyc((1, 3), DC_PROFILES), ctx.cyc((1, 4), DC_CLUSTERS), "0x%02X" % ctx.cyc((1, 5), [1, 11, 2]),
                    "0x%02X" % ctx.cyc((1, 6), [1, 1, 2]), str(r.randint(0, 4)), str(r.randint(3, 24)),
                    ctx.cyc((1, 9), ["0x04", "0x00"])], None
        if ei == 2:
            return [str(r.randint(1, 255)), ctx.cyc((2, 1), ["0x00 SUCCESS", "0x00 SUCCESS", "0x00 SUCCESS", "0xE9 MAC_NO_ACK",
                                                              "0xD0 NWK_ROUTE_ERROR"])], None
        if ei == 3:
            return [r.choice(ext), ctx.cyc((3, 1), DC_CLUSTERS), "0x%02X" % ctx.cyc((3, 2), [1, 1, 2]),
                    ctx.cyc((3, 3), ["0x18", "0x1C", "0x08"]), ctx.cyc((3, 4), ["0x0000", "0x115F", "0x100B"])], None
        if ei == 4:
            rid = r.randint(1, 40)
            kind = ctx.cyc((4, 1), ["lights", "sensors", "groups"])
            if kind == "lights":
                msg = '{"e":"changed","id":"%d","r":"lights","state":{"on":%s,"reachable":true},"t":"event"}' % (
                    rid, r.choice(["true", "false"]))
            elif kind == "sensors":
                msg = '{"e":"changed","id":"%d","r":"sensors","state":{"lastupdated":"2026-03-14T%02d:%02d:%02d.%03d","temperature":%d},"t":"event"}' % (
                    rid, r.randint(13, 14), r.randint(0, 59), r.randint(0, 59), r.randint(0, 999), r.randint(1500, 2600))
            else:
                msg = '{"e":"changed","id":"%d","r":"groups","state":{"all_on":false,"any_on":true},"t":"event"}' % rid
            return [ctx.cyc((4, 0), ws_clients), msg, str(len(msg) + r.choice([0, 0, 2]))], None
        if ei == 5:
            return [ctx.cyc((5, 0), ws_clients), ctx.cyc((5, 1), ["3", "1"])], None
        if ei == 6:
            return [ctx.cyc((6, 0), ws_clients), ctx.cyc((6, 1), ["0", "3"]), ctx.cyc((6, 2), ["1000", "1001", "1006"]),
                    ctx.cyc((6, 3), ["Going away", "remote closed", "timeout"])], None
        if ei == 7:
            return ["%d ms" % r.randint(4, 180)], None
        if ei == 8:
            return [r.choice(ext), ctx.cyc((8, 1), ["0xE9", "0xA7", "0xD0"])], None
        if ei == 9:
            return ["%d s" % r.randint(600, 7200), ctx.cyc((9, 1), ["0x7", "0x3", "0x1"])], None
        if ei == 10:
            return [str(r.randint(1, 255)), r.choice(nwk), ctx.cyc((10, 2), ["0", "3", "0", "6"])], None
        if ei == 11:
            return [ctx.cyc((11, 0), ["GET", "PUT", "GET", "POST"]), ctx.cyc((11, 1), DC_PATHS) % apikey,
                    ctx.ip("192.168.178")], None
        if ei == 12:
            h, m, s, _ = split_day(state["t"])
            return ["%s, %02d %s %d %02d:%02d:%02d GMT" % (WDAYS[DATE_WD], DATE_D, MONTHS[DATE_M - 1], DATE_Y, h, m, s)], None
        if ei == 13:
            return [str(ctx.cyc((13, 0), [4, 12, 17, 23])), ctx.cyc((13, 1), DC_MODELS)], None
        raise ValueError(ei)

    # wrap the shuffle so the discovery-date value reflects the running clock
    assert sum(DECONZ_COUNTS) == N_LINES
    order = [ei for ei, c in enumerate(DECONZ_COUNTS) for _ in range(c)]
    r.shuffle(order)
    t = state["t"]
    recs = []
    for ei in order:
        t += ctx.exp_gap(2.5)
        state["t"] = t
        vals, hx = gen(ei)
        recs.append((t, ei, vals, hx))
    return recs


def hdr_deconz(t, hx):
    h, m, s, ms = split_day(t)
    return "%02d:%02d:%02d:%03d " % (h, m, s, ms)


HDR_RE_DECONZ = r"\d{2}:\d{2}:\d{2}:\d{3} "
TS_DECONZ = r"^(\d{2}:\d{2}:\d{2}:\d{3})"


# ---------------------------------------------------------------------------------------------
SYSTEMS = [
    # name, k, templates, builder, header fn, header regex, timestamp regex, kind
    ("ZwaveJs", 1, [e[0] for e in ZWAVEJS_EVENTS], build_zwavejs, hdr_zwavejs, HDR_RE_ZWAVEJS, TS_ZWAVEJS, "simulation"),
    ("EspHome", 2, [e[0] for e in ESPHOME_EVENTS], build_esphome, None, HDR_RE_ESPHOME, TS_ESPHOME, "shuffle"),
    ("Domoticz", 3, [e[0] for e in DOMOTICZ_EVENTS], build_domoticz, hdr_domoticz, HDR_RE_DOMOTICZ, TS_DOMOTICZ, "shuffle"),
    ("Homebridge", 4, [e[0] for e in HOMEBRIDGE_EVENTS], build_homebridge, hdr_homebridge, HDR_RE_HOMEBRIDGE,
     TS_HOMEBRIDGE, "shuffle"),
    ("Scrypted", 5, [e[0] for e in SCRYPTED_EVENTS], build_scrypted, hdr_scrypted, HDR_RE_SCRYPTED, TS_SCRYPTED,
     "simulation"),
    ("Deconz", 6, DECONZ_EVENTS, build_deconz, hdr_deconz, HDR_RE_DECONZ, TS_DECONZ, "shuffle"),
]


def write_system(name, k, templates, builder, hdrfn):
    ctx = Ctx(k)
    recs = builder(ctx)
    assert len(recs) == N_LINES, (name, len(recs))
    d = os.path.join(HERE, name)
    os.makedirs(d, exist_ok=True)
    lines, rows = [], []
    for i, (t, ei, vals, hx) in enumerate(recs, 1):
        content = fill(templates[ei], vals)
        if name == "EspHome":
            header = hdr_esphome(t, (ESPHOME_EVENTS[ei][1], ESPHOME_EVENTS[ei][2]))
        else:
            header = hdrfn(t, hx)
        lines.append(header + content)
        rows.append([str(i), content, "E%d" % (ei + 1), templates[ei]])
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines) + "\n")
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
    w.writerows(rows)
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    return 2


def ts_key(name, s):
    if name == "Homebridge":
        hms, ap = s.split(" ")
        h, m, sec = (int(x) for x in hms.split(":"))
        h = h % 12 + (12 if ap == "PM" else 0)
        return (h, m, sec)
    return tuple(int(x) for x in re.findall(r"\d+", s))


def template_regex(tpl):
    return re.compile("".join("(.+?)" if p == "<*>" else re.escape(p) for p in re.split(r"(<\*>)", tpl)), re.S)


def check_system(name, templates, hdr_re, ts_re):
    d = os.path.join(HERE, name)
    with open(os.path.join(d, name + ".log"), "rb") as f:
        raw = f.read()
    assert raw.endswith(b"\n") and b"\r" not in raw, name
    lines = raw.decode("utf-8").split("\n")[:-1]
    assert len(lines) == N_LINES, (name, len(lines))
    with open(os.path.join(d, name + ".log_structured.csv"), "rb") as f:
        rawc = f.read()
    assert b"\r" not in rawc and rawc.endswith(b"\n")
    rows = list(csv.reader(io.StringIO(rawc.decode("utf-8"), newline="")))
    assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], rows[0]
    rows = rows[1:]
    assert len(rows) == N_LINES
    hre = re.compile(hdr_re)
    tre = re.compile(ts_re)
    tpl_of = {}
    counts = {}
    caps = {}
    last = None
    for i, (row, line) in enumerate(zip(rows, lines), 1):
        assert len(row) == 4, row
        lid, content, eid, tpl = row
        assert lid == str(i)
        assert content and content == content.strip(), (name, i, content)
        assert line.endswith(content), (name, i)
        header = line[: len(line) - len(content)]
        assert hre.fullmatch(header), (name, i, header)
        m = tre.match(line)
        assert m, (name, i)
        key = ts_key(name, m.group(1))
        assert last is None or key >= last, (name, i, "time went back")
        last = key
        assert re.fullmatch(r"E\d+", eid), eid
        assert tpl_of.setdefault(eid, tpl) == tpl, (name, eid)
        mm = template_regex(tpl).fullmatch(content)
        assert mm, (name, i, tpl, content)
        for j, g in enumerate(mm.groups()):
            caps.setdefault((eid, j), set()).add(g)
        counts[eid] = counts.get(eid, 0) + 1
    assert len(set(tpl_of.values())) == len(tpl_of), (name, "duplicate templates")
    expected = ["E%d" % (i + 1) for i in range(len(templates))]
    assert sorted(tpl_of, key=lambda e: int(e[1:])) == expected, (name, "not all events used", sorted(counts))
    for e in expected:
        assert tpl_of[e] == templates[int(e[1:]) - 1]
    for key, s in caps.items():
        assert len(s) >= 2, (name, key, s)
    c = sorted(counts.values())
    assert 12 <= len(c) <= 15, (name, len(c))
    assert min(c) >= 3, (name, counts)
    assert sum(1 for x in c if 3 <= x <= 10) >= 3, (name, counts)
    assert c[-1] >= 3 * statistics.median(c), (name, counts)
    return counts


def main():
    written = 0
    for name, k, templates, builder, hdrfn, hre, tre, kind in SYSTEMS:
        written += write_system(name, k, templates, builder, hdrfn)
    for name, k, templates, builder, hdrfn, hre, tre, kind in SYSTEMS:
        counts = check_system(name, templates, hre, tre)
        c = sorted(counts.values())
        print("%-11s %-10s events=%2d lines=%d max=%d median=%s min=%d small(3-10)=%d  OK" % (
            name, kind, len(c), sum(c), c[-1], statistics.median(c), c[0], sum(1 for x in c if 3 <= x <= 10)))
    print("files written: %d" % written)


if __name__ == "__main__":
    main()
