#!/usr/bin/env python3
"""Round 35 blind labelled log corpus generator.

Python 3 standard library only, fully deterministic: no wall clock, no locale.
Base seed 20270124; system k (1..6) uses random.Random(20270124 * 10 + k).
All time comes from an integer nanosecond clock on 2026-03-14 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for every system and then self-checks everything it wrote.
"""

import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270124
OUT_DIR = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
NS = 1_000_000_000
YEAR, MONTH, DAY = 2026, 3, 14


def days_from_civil(y, m, d):
    """Days since 1970-01-01 (proleptic Gregorian), integer arithmetic only."""
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


DAY0 = days_from_civil(YEAR, MONTH, DAY) * 86400 * NS   # 2026-03-14T00:00:00Z in ns
DAY_END = DAY0 + 86400 * NS


def sec(x):
    """Seconds (float from the seeded RNG) -> integer nanoseconds."""
    return int(round(x * NS))


def at(h, m, s, ms=0):
    return DAY0 + ((h * 60 + m) * 60 + s) * NS + ms * 1_000_000


def hms(ns):
    off = ns - DAY0
    assert 0 <= off < 86400 * NS, "clock left 2026-03-14"
    s = off // NS
    return s // 3600, (s // 60) % 60, s % 60, (off % NS) // 1_000_000


def syslog_ts(ns):
    h, m, s, _ = hms(ns)
    return "%s %2d %02d:%02d:%02d" % (MONTHS[MONTH - 1], DAY, h, m, s)


class Pools:
    """Small pools cycle per (event, slot) key so every slot takes >= 2 values."""

    def __init__(self):
        self.counters = {}

    def pick(self, key, pool):
        i = self.counters.get(key, 0)
        self.counters[key] = i + 1
        return pool[i % len(pool)]


def render(template, values):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\r" not in v and v == v.strip(), (template, v)
        out.append(v)
        out.append(p)
    return "".join(out)


def shuffle_stamp(rng, counts, start_ns, mean_gap_s):
    """Fixed count per event, shuffled, stamped by a forward-only clock with exponential gaps."""
    seq = [key for key, n in counts for _ in range(n)]
    assert len(seq) == N_LINES, len(seq)
    rng.shuffle(seq)
    t = start_ns
    out = []
    for key in seq:
        t += sec(rng.expovariate(1.0 / mean_gap_s))
        out.append((t, key))
    return out


# ---------------------------------------------------------------------------
# small value helpers
# ---------------------------------------------------------------------------

def hexs(rng, n, upper=False):
    s = "".join(rng.choice("0123456789abcdef") for _ in range(n))
    return s.upper() if upper else s


OUIS = ["3c:22:fb", "f0:18:98", "a4:83:e7", "dc:a6:32", "b8:27:eb", "48:2c:a0",
        "00:1e:c2", "ac:bc:32", "f4:f5:d8", "84:fc:e6", "5c:e9:1e", "c8:3a:35"]


def rand_mac(rng):
    if rng.random() < 0.45:   # randomised, locally administered (phones)
        first = rng.choice("0123456789abcdef") + rng.choice("26ae")
        return first + ":" + ":".join(hexs(rng, 2) for _ in range(5))
    return rng.choice(OUIS) + ":" + ":".join(hexs(rng, 2) for _ in range(3))


def rand_mac_upper(rng, oui):
    return oui + ":" + ":".join(hexs(rng, 2, True) for _ in range(3))


def ipv4_lan(rng, net="192.168.178"):
    return "%s.%d" % (net, rng.randint(2, 253))


def ipv6_ll(rng):
    return "fe80::%x:%x:%x:%x" % tuple(rng.randint(0x100, 0xffff) for _ in range(4))


# ---------------------------------------------------------------------------
# 1. Hostapd -- syslog, simulation of stations on four BSSes
# ---------------------------------------------------------------------------

HOSTAPD_EVENTS = [
    ("auth", "<*>: STA <*> IEEE 802.11: authenticated"),
    ("assoc", "<*>: STA <*> IEEE 802.11: associated (aid <*>)"),
    ("eap_ok", "<*>: STA <*> IEEE 802.1X: authenticated - EAP type: <*> (<*>)"),
    ("eap_fail", "<*>: STA <*> IEEE 802.1X: authentication failed - EAP type: <*> (<*>)"),
    ("ptk", "<*>: STA <*> WPA: pairwise key handshake completed (RSN)"),
    ("connected", "<*>: AP-STA-CONNECTED <*>"),
    ("acct_start", "<*>: STA <*> RADIUS: starting accounting session <*>"),
    ("gtk", "<*>: STA <*> WPA: group key handshake completed (RSN)"),
    ("disassoc", "<*>: STA <*> IEEE 802.11: disassociated"),
    ("deauth_local", "<*>: STA <*> IEEE 802.11: deauthenticated due to local deauth request"),
    ("deauth_inactive", "<*>: STA <*> IEEE 802.11: deauthenticated due to inactivity (timer DEAUTH/REMOVE)"),
    ("missing_acks", "<*>: STA <*> IEEE 802.11: disconnected due to excessive missing ACKs"),
    ("disconnected", "<*>: AP-STA-DISCONNECTED <*>"),
    ("psk_mismatch", "<*>: AP-STA-POSSIBLE-PSK-MISMATCH <*>"),
]
HOSTAPD_HEADER_RE = r"[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} ap-hallway hostapd\[\d+\]: "


def gen_hostapd(rng, P):
    ent_ifaces = ["wlan0", "wlan1"]          # WPA2-Enterprise BSSes (RADIUS)
    guest_ifaces = ["wlan0_1", "wlan1_1"]    # WPA2-PSK guest BSSes
    eap_types = [("25", "PEAP"), ("13", "TLS"), ("25", "PEAP"), ("21", "TTLS")]
    recs = []

    def emit(t, key, *vals):
        recs.append((t, len(recs), key, vals))

    start = at(6, 17, 4, 318)
    horizon = start + 5 * 3600 * NS
    aid_held = {i: {} for i in ent_ifaces + guest_ifaces}
    sessions = []

    def leave(iface, mac, aid, tl):
        why = rng.choices(["disassoc", "deauth_inactive", "missing_acks", "deauth_local"],
                          [0.45, 0.22, 0.17, 0.16])[0]
        emit(tl, why, iface, mac)
        emit(tl + sec(rng.uniform(0.0001, 0.001)), "disconnected", iface, mac)
        aid_held[iface][aid] = tl

    # stations already associated when the log window opens: only rekeys and departures
    for n in range(18):
        iface = P.pick(("pre_iface",), ent_ifaces + guest_ifaces)
        mac = rand_mac(rng)
        aid = len(aid_held[iface]) + 1
        tl = start + sec(max(20.0, rng.expovariate(1.0 / 2400.0)))
        leave(iface, mac, aid, tl)
        sessions.append((iface, mac, start - 3600 * NS, tl))
    t = start
    while True:
        t += sec(rng.expovariate(1.0 / 70.0))
        if t > horizon:
            break
        guest = rng.random() < 0.4
        bad_creds = rng.random() < 0.15    # wrong PSK / wrong EAP password: client retries, gives up
        iface = P.pick(("sta_iface", guest, bad_creds), guest_ifaces if guest else ent_ifaces)
        mac = rand_mac(rng)
        code, name = P.pick(("eap", bad_creds), eap_types)   # a client keeps its EAP method
        tries = rng.randint(2, 4) if bad_creds else 1
        for attempt in range(tries):
            emit(t, "auth", iface, mac)
            ta = t + sec(rng.uniform(0.002, 0.02))
            held = aid_held[iface]
            aid = 1
            while held.get(aid, 0) > ta:
                aid += 1
            emit(ta, "assoc", iface, mac, str(aid))
            if bad_creds and guest:
                tm = ta + sec(rng.uniform(0.04, 0.3))
                emit(tm, "psk_mismatch", iface, mac)
                tend = tm + sec(rng.uniform(3.0, 5.5))
                emit(tend, "deauth_local", iface, mac)
            elif bad_creds:
                tm = ta + sec(rng.uniform(0.15, 1.2))
                emit(tm, "eap_fail", iface, mac, code, name)
                tend = tm + sec(rng.uniform(1.0, 6.0))
                emit(tend, "disassoc", iface, mac)
            else:
                break
            held[aid] = tend
            t = tend + sec(rng.uniform(2.0, 15.0))
        if bad_creds:
            continue
        tc = ta
        if not guest:
            tc += sec(rng.uniform(0.15, 1.2))
            emit(tc, "eap_ok", iface, mac, code, name)
        tp = tc + sec(rng.uniform(0.015, 0.08))
        emit(tp, "ptk", iface, mac)
        tconn = tp + sec(rng.uniform(0.0002, 0.002))
        emit(tconn, "connected", iface, mac)
        if not guest:
            emit(tconn + sec(rng.uniform(0.001, 0.004)), "acct_start", iface, mac,
                 "%016X" % rng.getrandbits(64))
        tl = tconn + sec(max(25.0, rng.expovariate(1.0 / 2400.0)))
        leave(iface, mac, aid, tl)
        sessions.append((iface, mac, tconn, tl))
    # GTK rekey: every 600 s per BSS, one group key handshake per connected station
    for ifc in ent_ifaces + guest_ifaces:
        tr = start + sec(rng.uniform(0, 600))
        while tr < horizon + 3600 * NS:
            for f, mac, a, b in sessions:
                if f == ifc and a < tr < b:
                    emit(tr + sec(rng.uniform(0.004, 0.09)), "gtk", ifc, mac)
            tr += 600 * NS
    recs.sort()
    recs = recs[:N_LINES]
    assert recs[-1][0] < horizon
    return [(t, key, vals, "%s ap-hallway hostapd[1342]: " % syslog_ts(t)) for t, _, key, vals in recs]


# ---------------------------------------------------------------------------
# 2. WpaSupplicant -- journal, seeded shuffle
# ---------------------------------------------------------------------------

WPA_EVENTS = [
    ("signal", "wlp0s20f3: CTRL-EVENT-SIGNAL-CHANGE above=<*> signal=<*> noise=9999 txrate=<*>"),
    ("bss_added", "wlp0s20f3: CTRL-EVENT-BSS-ADDED <*> <*>"),
    ("bss_removed", "wlp0s20f3: CTRL-EVENT-BSS-REMOVED <*> <*>"),
    ("sme_auth", "wlp0s20f3: SME: Trying to authenticate with <*> (SSID='<*>' freq=<*> MHz)"),
    ("try_assoc", "wlp0s20f3: Trying to associate with <*> (SSID='<*>' freq=<*> MHz)"),
    ("associated", "wlp0s20f3: Associated with <*>"),
    ("key_done", "wlp0s20f3: WPA: Key negotiation completed with <*> [PTK=CCMP GTK=CCMP]"),
    ("connected", "wlp0s20f3: CTRL-EVENT-CONNECTED - Connection to <*> completed [id=<*> id_str=]"),
    ("disc_local", "wlp0s20f3: CTRL-EVENT-DISCONNECTED bssid=<*> reason=<*> locally_generated=1"),
    ("disc", "wlp0s20f3: CTRL-EVENT-DISCONNECTED bssid=<*> reason=<*>"),
    ("subnet", "wlp0s20f3: CTRL-EVENT-SUBNET-STATUS-UPDATE status=0"),
    ("regdom", "<*>: CTRL-EVENT-REGDOM-CHANGE init=<*> type=<*>"),
    ("regdom_cc", "<*>: CTRL-EVENT-REGDOM-CHANGE init=<*> type=COUNTRY alpha2=<*>"),
    ("temp_disabled", "wlp0s20f3: CTRL-EVENT-SSID-TEMP-DISABLED id=<*> ssid=\"<*>\" auth_failures=<*> duration=<*> reason=<*>"),
    ("pmksa", "wlp0s20f3: PMKSA-CACHE-ADDED <*> <*>"),
]
WPA_COUNTS = {"signal": 70, "bss_added": 46, "bss_removed": 40, "sme_auth": 18, "try_assoc": 18,
              "associated": 17, "key_done": 16, "connected": 16, "disc_local": 8, "disc": 9,
              "subnet": 12, "regdom": 6, "regdom_cc": 4, "temp_disabled": 5, "pmksa": 15}
WPA_HEADER_RE = r"[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} thinkpad-x1 wpa_supplicant\[\d+\]: "


def gen_wpa(rng, P):
    networks = [  # (network id, ssid, [(bssid, freq)])
        ("0", "Lindenhof-5G", [(rand_mac(rng), "5180"), (rand_mac(rng), "5500")]),
        ("1", "eduroam", [(rand_mac(rng), "5240"), (rand_mac(rng), "2437"), (rand_mac(rng), "5745")]),
        ("2", "FRITZ!Box 7590 KL", [(rand_mac(rng), "2412")]),
        ("3", "Cafe Bohne Gast", [(rand_mac(rng), "2462"), (rand_mac(rng), "5200")]),
    ]
    flat = [(nid, ssid, b, f) for nid, ssid, bl in networks for b, f in bl]
    stamps = shuffle_stamp(rng, [(k, WPA_COUNTS[k]) for k, _ in WPA_EVENTS], at(7, 48, 22, 615), 27.0)
    bss_id = [38]
    out = []
    for t, key in stamps:
        nid, ssid, bssid, freq = P.pick(("net", key), flat)
        if key == "signal":
            sig = rng.randint(-84, -41)
            vals = ("1" if sig > -70 else "0", str(sig),
                    str(rng.choice([6500, 24000, 72200, 144400, 286700, 433300, 576500, 866700, 1200900])))
        elif key == "bss_added":
            bss_id[0] += rng.randint(1, 3)
            vals = (str(bss_id[0]), rand_mac(rng) if rng.random() < 0.6 else bssid)
        elif key == "bss_removed":
            vals = (str(rng.randint(max(0, bss_id[0] - 30), bss_id[0])), rand_mac(rng))
        elif key in ("sme_auth", "try_assoc"):
            vals = (bssid, ssid, freq)
        elif key in ("associated", "key_done"):
            vals = (bssid,)
        elif key == "connected":
            vals = (bssid, nid)
        elif key == "disc_local":
            vals = (bssid, P.pick(("reason", key), ["3", "3", "2", "3", "8"]))
        elif key == "disc":
            vals = (bssid, P.pick(("reason", key), ["4", "15", "6", "7", "2"]))
        elif key == "subnet":
            vals = ()
        elif key == "regdom":
            ifc = P.pick(("ifc", key), ["wlp0s20f3", "p2p-dev-wlp0s20f3"])
            init, typ = P.pick(("init", key), [("BEACON_HINT", "UNKNOWN"), ("CORE", "WORLD"),
                                                ("BEACON_HINT", "UNKNOWN"), ("DRIVER", "WORLD")])
            vals = (ifc, init, typ)
        elif key == "regdom_cc":
            ifc = P.pick(("ifc", key), ["wlp0s20f3", "p2p-dev-wlp0s20f3"])
            vals = (ifc, P.pick(("init", key), ["DRIVER", "USER"]), P.pick(("cc", key), ["DE", "NL", "DE"]))
        elif key == "temp_disabled":
            fails = P.pick(("fails", key), [1, 2, 3, 4])
            dur = {1: 10, 2: 20, 3: 60, 4: 120}[fails]
            vals = (nid, ssid, str(fails), str(dur),
                    P.pick(("why", key), ["WRONG_KEY", "CONN_FAILED", "AUTH_FAILED", "WRONG_KEY"]))
        elif key == "pmksa":
            vals = (bssid, nid)
        else:
            raise KeyError(key)
        out.append((t, key, vals, "%s thinkpad-x1 wpa_supplicant[1043]: " % syslog_ts(t)))
    return out


# ---------------------------------------------------------------------------
# 3. Bluetoothd -- journal, seeded shuffle
# ---------------------------------------------------------------------------

BT_EVENTS = [
    ("ep_reg", "Endpoint registered: sender=<*> path=<*>"),
    ("ep_unreg", "Endpoint unregistered: sender=<*> path=<*>"),
    ("fd_ready", "<*>: fd(<*>) ready"),
    ("svc_fail", "src/service.c:btd_service_connect() <*> profile connect failed for <*>: <*>"),
    ("ext_fail", "src/profile.c:ext_connect() <*> failed connect to <*>: <*>"),
    ("pl_reg", "Player registered: sender=<*> path=<*>"),
    ("pl_unreg", "Player unregistered: sender=<*> path=<*>"),
    ("no_agent", "No agent available for request type <*>"),
    ("resume", "Controller resume with wake event <*>"),
    ("wake_flags", "src/device.c:set_wake_allowed_complete() Set device flags return status: <*>"),
    ("hidp_reject", "profiles/input/device.c:hidp_add_connection() Rejected connection from !bonded device <*>"),
    ("search_err", "src/device.c:search_cb() <*>: error updating services: <*>"),
    ("set_mode", "Failed to set mode: <*>"),
    ("sdp_record", "src/profile.c:record_cb() Unable to get <*> SDP record: <*>"),
]
BT_COUNTS = {"ep_reg": 45, "ep_unreg": 38, "fd_ready": 60, "svc_fail": 22, "ext_fail": 18,
             "pl_reg": 30, "pl_unreg": 26, "no_agent": 8, "resume": 12, "wake_flags": 7,
             "hidp_reject": 5, "search_err": 9, "set_mode": 5, "sdp_record": 15}
BT_HEADER_RE = r"[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} fedora-desk bluetoothd\[\d+\]: "


def gen_bluetoothd(rng, P):
    devices = [rand_mac_upper(rng, o) for o in ["00:1B:66", "AC:80:0A", "F4:4E:FC", "38:18:4C", "E4:17:D8"]]
    audio_devs = devices[:4]
    hid_devs = [devices[4], rand_mac_upper(rng, "C8:3A:35")]
    senders = [":1.%d" % n for n in sorted(rng.sample(range(40, 220), 5))]
    endpoints = ["/MediaEndpoint/A2DPSink/sbc", "/MediaEndpoint/A2DPSource/sbc",
                 "/MediaEndpoint/A2DPSink/aac", "/MediaEndpoint/A2DPSource/aac",
                 "/MediaEndpoint/A2DPSource/ldac", "/MediaEndpoint/A2DPSink/sbc_xq_552",
                 "/MediaEndpoint/A2DPSource/aptx_hd"]
    stamps = shuffle_stamp(rng, [(k, BT_COUNTS[k]) for k, _ in BT_EVENTS], at(12, 4, 51, 77), 31.0)

    def dpath(mac):
        return "/org/bluez/hci0/dev_" + mac.replace(":", "_")

    out = []
    for t, key in stamps:
        if key in ("ep_reg", "ep_unreg"):
            vals = (P.pick(("snd", key), senders), P.pick(("ep", key), endpoints))
        elif key == "fd_ready":
            mac = P.pick(("dev", key), audio_devs)
            vals = ("%s/sep%d/fd%d" % (dpath(mac), rng.choice([1, 1, 2, 3]), rng.randint(0, 14)),
                    str(rng.randint(23, 61)))
        elif key == "svc_fail":
            vals = (P.pick(("prof", key), ["a2dp-sink", "hfp-hf", "a2dp-source", "avrcp-controller"]),
                    P.pick(("dev", key), audio_devs),
                    P.pick(("why", key), ["Protocol not available", "Device or resource busy",
                                          "Host is down", "Connection refused"]))
        elif key == "ext_fail":
            vals = (P.pick(("prof", key), ["Hands-Free Voice gateway", "Headset Voice gateway"]),
                    P.pick(("dev", key), audio_devs),
                    P.pick(("why", key), ["Connection refused (111)", "Host is down (112)",
                                          "Connection timed out (110)", "Connection refused (111)"]))
        elif key in ("pl_reg", "pl_unreg"):
            vals = (P.pick(("snd", key), senders), P.pick(("pl", key), ["/media_player0", "/media_player1"]))
        elif key == "no_agent":
            vals = (P.pick(("rt", key), ["2", "0", "2"]),)
        elif key == "resume":
            vals = (P.pick(("wake", key), ["0x0", "0x0", "0x2", "0x1"]),)
        elif key == "wake_flags":
            vals = (P.pick(("st", key), ["Invalid Parameters", "Not Supported", "Invalid Parameters"]),)
        elif key == "hidp_reject":
            vals = (dpath(P.pick(("dev", key), hid_devs)),)
        elif key == "search_err":
            vals = (P.pick(("dev", key), devices),
                    P.pick(("why", key), ["Host is down (112)", "Connection timed out (110)",
                                          "Software caused connection abort (103)"]))
        elif key == "set_mode":
            vals = (P.pick(("why", key), ["Blocked through rfkill (0x12)", "Busy (0x0a)", "Failed (0x03)"]),)
        elif key == "sdp_record":
            vals = (P.pick(("prof", key), ["Hands-Free Voice gateway", "Headset Voice gateway",
                                           "Hands-Free unit"]),
                    P.pick(("why", key), ["Host is down", "Connection timed out", "Connection refused",
                                          "Operation already in progress"]))
        else:
            raise KeyError(key)
        out.append((t, key, vals, "%s fedora-desk bluetoothd[902]: " % syslog_ts(t)))
    return out


# ---------------------------------------------------------------------------
# 4. Avahi -- syslog, seeded shuffle
# ---------------------------------------------------------------------------

AVAHI_EVENTS = [
    ("join", "Joining mDNS multicast group on interface <*> with address <*>."),
    ("leave", "Leaving mDNS multicast group on interface <*> with address <*>."),
    ("new_if", "New relevant interface <*> for mDNS."),
    ("drop_if", "Interface <*> no longer relevant for mDNS."),
    ("reg_addr", "Registering new address record for <*> on <*>."),
    ("wd_addr", "Withdrawing address record for <*> on <*>."),
    ("svc_ok", "Service \"<*>\" (<*>) successfully established."),
    ("conflict", "Host name conflict, retrying with <*>"),
    ("startup", "Server startup complete. Host name is <*>. Local service cookie is <*>."),
    ("bad_port", "Received response from host <*> with invalid source port <*> on interface '<*>'"),
    ("bad_resp", "Invalid response packet from host <*>."),
    ("load_svc", "Loading service file <*>."),
    ("files_changed", "Files changed, reloading."),
    ("wd_ws", "Withdrawing workstation service for <*>."),
]
AVAHI_COUNTS = {"join": 40, "leave": 34, "new_if": 28, "drop_if": 24, "reg_addr": 57, "wd_addr": 52,
                "svc_ok": 8, "conflict": 4, "startup": 3, "bad_port": 18, "bad_resp": 12,
                "load_svc": 10, "files_changed": 4, "wd_ws": 6}
AVAHI_HEADER_RE = r"[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} nas-basement avahi-daemon\[\d+\]: "


def gen_avahi(rng, P):
    ifaces = ["eth0", "docker0"] + ["veth%s" % hexs(rng, 7) for _ in range(5)] + ["br-%s" % hexs(rng, 12)]
    v4 = {"eth0": "192.168.178.23", "docker0": "172.17.0.1"}
    for i, ifc in enumerate(ifaces):
        v4.setdefault(ifc, "172.%d.0.1" % (18 + i))
    v6 = {ifc: ipv6_ll(rng) for ifc in ifaces}
    v6["eth0.global"] = "2a02:8108:%x:%x::23" % (rng.randint(0x1000, 0xffff), rng.randint(0x100, 0xfff))
    services = [("nas-basement", "/services/ssh.service"), ("nas-basement SMB", "/services/smb.service"),
                ("Jellyfin on nas-basement", "/services/jellyfin.service"),
                ("nas-basement", "/services/sftp-ssh.service"),
                ("Time Machine on nas-basement", "/services/timemachine.service")]
    peers = [ipv4_lan(rng) for _ in range(6)] + ["192.168.178.1"]
    stamps = shuffle_stamp(rng, [(k, AVAHI_COUNTS[k]) for k, _ in AVAHI_EVENTS], at(3, 12, 40, 902), 26.0)
    out = []
    for t, key in stamps:
        ifc = P.pick(("if", key), ifaces)
        six = P.pick(("fam", key), [False, True, False]) or ifc.startswith("veth")   # host-side veths: link-local only
        if key in ("join", "leave"):
            vals = (ifc + (".IPv6" if six else ".IPv4"), v6[ifc] if six else v4[ifc])
        elif key in ("new_if", "drop_if"):
            vals = (ifc + (".IPv6" if six else ".IPv4"),)
        elif key == "reg_addr":
            if six and ifc == "eth0" and rng.random() < 0.5:
                vals = (v6["eth0.global"], "eth0.*")
            else:
                vals = (v6[ifc], ifc + ".*") if six else (v4[ifc], ifc + ".IPv4")
        elif key == "wd_addr":
            vals = (v6[ifc] if six else v4[ifc], ifc)
        elif key == "svc_ok":
            vals = P.pick(("svc", key), services)
        elif key == "conflict":
            vals = (P.pick(("n", key), ["nas-basement-2", "nas-basement-3", "nas-basement-2"]),)
        elif key == "startup":
            vals = (P.pick(("n", key), ["nas-basement.local", "nas-basement-2.local"]),
                    str(rng.randint(10 ** 9, 4294967295)))
        elif key == "bad_port":
            vals = (P.pick(("peer", key), peers), str(rng.choice([1900, 53, 49152, 32768 + rng.randint(0, 28000)])),
                    P.pick(("ifn", key), ["eth0.0", "eth0.1", "docker0.0"]))
        elif key == "bad_resp":
            vals = (P.pick(("peer", key), peers),)
        elif key == "load_svc":
            vals = (P.pick(("svc", key), services)[1],)
        elif key == "files_changed":
            vals = ()
        elif key == "wd_ws":
            vals = (P.pick(("ws", key), ["lo", ifaces[2], "eth0", ifaces[3]]),)
        else:
            raise KeyError(key)
        out.append((t, key, vals, "%s nas-basement avahi-daemon[688]: " % syslog_ts(t)))
    return out


# ---------------------------------------------------------------------------
# 5. Udisks -- journal, simulation of USB drives, loop images and housekeeping
# ---------------------------------------------------------------------------

UDISKS_EVENTS = [
    ("mount", "Mounted <*> at <*> on behalf of uid <*>"),
    ("unmount", "Unmounted <*> on behalf of uid <*>"),
    ("cleanup_gone", "Cleaning up mount point <*> (device <*> no longer exists)"),
    ("cleanup_unmounted", "Cleaning up mount point <*> (device <*> is not mounted)"),
    ("unlock", "Unlocked device <*> as <*>"),
    ("lock", "Locked device <*>"),
    ("loop_setup", "Set up loop device <*> (backed by <*>)"),
    ("loop_cleanup", "Cleaned up loop device <*> (backed by <*>)"),
    ("scsi_stop", "Successfully sent SCSI command START STOP UNIT to <*>"),
    ("poweroff", "Powered off <*> - successfully wrote to sysfs path <*>"),
    ("housekeeping", "Error performing housekeeping for drive <*>: Error updating SMART data: <*>"),
    ("probe_err", "Error probing device: Error sending ATA command IDENTIFY DEVICE to '<*>': <*>"),
    ("mount_sys", "Mounted <*> (system) at <*> on behalf of uid <*>"),
]
UDISKS_HEADER_RE = r"[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} workstation udisksd\[\d+\]: "


def gen_udisks(rng, P):
    users = [("1000", "alice"), ("1001", "tomasz")]
    models = [("SanDisk_Ultra", False), ("Samsung_PSSD_T7", False), ("WDC_WD20SPZX-22UA7T0", True),
              ("Kingston_DataTraveler_3.0", False), ("Seagate_Expansion_HDD", True),
              ("TOSHIBA_TransMemory", False), ("Intenso_External_USB_3.0", True)]
    labels = ["KINGSTON", "BACKUP_2TB", "3E8A-11F0", "Fotos 2025", "ESD-USB", "data", "Ventoy",
              "T7 Shield", "music", "B4C2-77D1"]
    isos = [("/home/alice/Downloads/Fedora-Workstation-Live-x86_64-41-1.4.iso", "Fedora-WS-Live-41-1-4", 0),
            ("/home/tomasz/iso/ubuntu-24.04.2-desktop-amd64.iso", "Ubuntu 24.04.2 LTS amd64", 1),
            ("/home/alice/vm/debian-12.9.0-amd64-netinst.iso", "Debian 12.9.0 amd64 n", 0),
            ("/home/tomasz/Downloads/archlinux-2026.03.01-x86_64.iso", "ARCH_202603", 1)]
    smart_reasons = ["sk_disk_check_sleep_mode: Operation not supported (udisks-error-quark, 0)",
                     "Error sending ATA command CHECK POWER MODE: Unexpected sense data returned:"
                     " 0x72 0x05 0x20 0x00 (udisks-error-quark, 0)",
                     "sk_disk_smart_read_data: Input/output error (udisks-error-quark, 0)"]
    probe_reasons = ["Unexpected sense data returned: 0x70 0x00 0x05 0x00 0x00 0x00 0x00 0x0a (g-io-error-quark, 0)",
                     "Timeout was reached (g-io-error-quark, 24)",
                     "Operation not permitted (g-io-error-quark, 14)"]
    recs = []

    def emit(t, key, *vals):
        recs.append((t, len(recs), key, vals))

    start = at(9, 3, 51, 204)
    horizon = start + 9 * 3600 * NS
    letter_busy = {"a": horizon * 2, "b": horizon * 2}   # sda internal, sdb permanent USB enclosure
    loop_busy = {}
    mp_busy = {}
    dm_next = [1]
    present = [("/org/freedesktop/UDisks2/drives/JMicron_Generic_DISK00_%s" % hexs(rng, 16, True),
                start - 3600 * NS, horizon * 2, smart_reasons[0])]
    t = start
    while True:
        t += sec(rng.expovariate(1.0 / 290.0))
        if t > horizon:
            break
        uid, user = P.pick(("user",), users)
        if rng.random() < 0.2:    # loop-mounted disk image
            idx = 0
            while loop_busy.get(idx, 0) > t:
                idx += 1
            path, label, owner = P.pick(("iso",), isos)
            uid, user = users[owner]
            dev = "/dev/loop%d" % idx
            emit(t, "loop_setup", dev, path)
            tm = t + sec(rng.uniform(0.3, 2.0))
            mp = "/run/media/%s/%s" % (user, label)
            emit(tm, "mount", dev, mp, uid)
            te = tm + sec(max(40.0, rng.expovariate(1.0 / 700.0)))
            emit(te, "unmount", dev, uid)
            tc = te + sec(rng.uniform(0.05, 0.4))
            emit(tc, "loop_cleanup", dev, path)
            loop_busy[idx] = tc
            continue
        li = 2
        while letter_busy.get("abcdefghijklmnop"[li], 0) > t:
            li += 1
        letter = "abcdefghijklmnop"[li]
        disk = "/dev/sd" + letter
        model, hdd = P.pick(("model",), models)
        drive = "/org/freedesktop/UDisks2/drives/%s_%s" % (model, hexs(rng, 12, True))
        port = P.pick(("port",), ["2-1", "2-2", "1-4", "3-1.2", "1-3", "2-4"])
        sysfs = "/sys/devices/pci0000:00/0000:00:14.0/usb%s/%s/remove" % (port.split("-")[0], port)
        nparts = rng.choices([1, 2, 3], [0.68, 0.22, 0.10])[0]
        luks = nparts == 1 and rng.random() < 0.25
        if hdd and rng.random() < 0.35:
            emit(t + sec(rng.uniform(0.3, 1.5)), "probe_err", disk, P.pick(("why", "probe"), probe_reasons))
        tt = t + sec(rng.uniform(1.0, 3.5))
        mounts = []
        for p in range(1, nparts + 1):
            dev = "%s%d" % (disk, p)
            label = P.pick(("label",), labels)
            if luks:
                tt += sec(rng.uniform(4.0, 25.0))
                mdev = "/dev/dm-%d" % dm_next[0]
                majmin = "253:%d" % dm_next[0]
                dm_next[0] += 1
                emit(tt, "unlock", dev, mdev)
                tt += sec(rng.uniform(0.2, 0.9))
            else:
                mdev, majmin = dev, "8:%d" % (16 * li + p)
            system = rng.random() < 0.11
            mp = ("/mnt/" + label.lower().replace(" ", "_")) if system else "/run/media/%s/%s" % (user, label)
            if not system and mp_busy.get(mp, 0) > tt:
                mp += "1"
            emit(tt, "mount_sys" if system else "mount", mdev, mp, uid)
            mounts.append((mdev, mp, majmin, system))
            tt += sec(rng.uniform(0.1, 0.6))
        dwell = max(60.0, rng.expovariate(1.0 / 800.0))
        te = tt + sec(dwell)
        for mdev, mp, majmin, system in mounts:     # user unmounts and remounts while the stick is in
            if rng.random() < 0.4:
                tu = tt + sec(rng.uniform(0.1, 0.5) * dwell)
                emit(tu, "unmount", mdev, uid)
                emit(tu + sec(rng.uniform(5.0, 0.3 * dwell)), "mount_sys" if system else "mount", mdev, mp, uid)
        end = rng.choices(["eject", "unmount_only", "yank"], [0.55, 0.25, 0.20])[0]
        if end == "yank":
            for mdev, mp, majmin, system in mounts:
                te += sec(rng.uniform(0.001, 0.05))
                if not system:      # udisks only cleans up mount points it created itself
                    emit(te, "cleanup_gone", mp, majmin)
                mp_busy[mp] = te
        else:
            for mdev, mp, majmin, system in mounts:
                te += sec(rng.uniform(0.05, 0.5))
                if rng.random() < 0.13 and not system:
                    emit(te, "cleanup_unmounted", mp, majmin)
                else:
                    emit(te, "unmount", mdev, uid)
                mp_busy[mp] = te
            if luks:
                te += sec(rng.uniform(0.1, 0.6))
                emit(te, "lock", disk + "1")
            if end == "eject":
                te += sec(rng.uniform(0.2, 1.2))
                emit(te, "scsi_stop", disk)
                te += sec(rng.uniform(0.4, 2.5))
                emit(te, "poweroff", disk, sysfs)
            te += sec(rng.uniform(3.0, 60.0))
        letter_busy[letter] = te
        if hdd and rng.random() < 0.6:
            present.append((drive, t, te, P.pick(("why", "smart"), smart_reasons)))
    # housekeeping runs every 10 minutes over all drives
    th = start + sec(rng.uniform(0, 600))
    while th < horizon + 3600 * NS:
        for drive, a, b, why in present:
            if a < th < b:
                emit(th + sec(rng.uniform(0.01, 0.9)), "housekeeping", drive, why)
        th += 600 * NS
    recs.sort()
    recs = recs[:N_LINES]
    assert recs[-1][0] < horizon
    return [(t, key, vals, "%s workstation udisksd[1011]: " % syslog_ts(t)) for t, _, key, vals in recs]


# ---------------------------------------------------------------------------
# 6. Fwupd -- journal; fwupd writes its own "HH:MM:SS:mmmm Domain<pad>" prefix
# ---------------------------------------------------------------------------

FWUPD_EVENTS = [
    ("hsi", "failed to record HSI attributes: <*>"),
    ("add_fail", "failed to add device <*>: <*>"),
    ("ready", "Daemon ready for requests (locale en_GB.UTF-8)"),
    ("coldplug", "failed to coldplug <*>: <*>"),
    ("startup", "failed to startup <*>: <*>"),
    ("open_fail", "failed to open <*>: <*>"),
    ("dev_added", "::added <*>"),
    ("dev_removed", "::removed <*>"),
    ("dev_changed", "::changed <*>"),
    ("status", "Emitting PropertyChanged('Status'='<*>')"),
    ("percentage", "Emitting PropertyChanged('Percentage'='<*>%')"),
    ("releases", "failed to get releases for <*>: <*>"),
    ("swaps", "could not parse /proc/swaps: <*>"),
]
FWUPD_COUNTS = {"status": 90, "percentage": 45, "dev_changed": 35, "dev_added": 28, "dev_removed": 24,
                "add_fail": 16, "releases": 14, "coldplug": 12, "startup": 10, "open_fail": 8,
                "ready": 6, "hsi": 5, "swaps": 7}
FWUPD_DOMAIN = {"hsi": "FuEngine", "add_fail": "FuEngine", "ready": "FuMain", "coldplug": "FuEngine",
                "startup": "FuEngine", "open_fail": "FuUdevDevice", "dev_added": "FuDeviceList",
                "dev_removed": "FuDeviceList", "dev_changed": "FuDeviceList", "status": "FuEngine",
                "percentage": "FuEngine", "releases": "FuEngine", "swaps": "FuPluginLinuxSwap"}
FWUPD_HEADER_RE = (r"[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} thinkpad-t14 fwupd\[\d+\]: "
                   r"\d{2}:\d{2}:\d{2}:\d{4} [A-Za-z]+ +")


def gen_fwupd(rng, P):
    devs = {name: hexs(rng, 40) for name in
            ["System Firmware", "UEFI dbx", "Thunderbolt Controller", "Embedded Controller",
             "SAMSUNG MZVL2512HCJQ-00BL7", "Integrated Camera", "Prometheus", "UEFI Device Firmware",
             "TPM", "USB4 Retimer"]}
    names = list(devs)
    statuses = ["idle", "loading", "decompressing", "device-write", "device-verify",
                "device-restart", "scheduling", "downloading", "idle"]
    stamps = shuffle_stamp(rng, [(k, FWUPD_COUNTS[k]) for k, _ in FWUPD_EVENTS], at(10, 26, 9, 440), 33.0)
    pid = 1533
    out = []
    for t, key in stamps:
        if key == "hsi":
            vals = (P.pick(("w", key), ["failed to get HSI attribute org.fwupd.hsi.Tpm.Version20: no TPM device",
                                        "attribute org.fwupd.hsi.Kernel.Lockdown not ready",
                                        "cannot write to /var/lib/fwupd/pending.db: No space left on device"]),)
        elif key == "add_fail":
            vals = (P.pick(("d", key), ["/sys/devices/pci0000:00/0000:00:0d.2/domain0",
                                        "/sys/devices/platform/USBC000:00/typec/port0",
                                        "/sys/devices/pci0000:00/0000:00:14.0/usb3/3-9"]),
                    P.pick(("w", key), ["failed to probe: Not supported",
                                        "no version found for device",
                                        "failed to read descriptor: Permission denied",
                                        "device version format is invalid"]))
        elif key == "ready":
            pid += rng.randint(180, 4200)   # D-Bus re-activated daemon: new process
            vals = ()
        elif key == "coldplug":
            vals = (P.pick(("p", key), ["dell_dock", "synaptics_mst", "logitech_hidpp", "thunderbolt", "nvme"]),
                    P.pick(("w", key), ["failed to open device: Permission denied",
                                        "no SMBIOS data available",
                                        "Timed out waiting for HID++ response after 1000ms",
                                        "failed to read DPCD register 0x0004C4: Input/output error"]))
        elif key == "startup":
            vals = (P.pick(("p", key), ["uefi_capsule", "tpm", "msr", "linux_lockdown"]),
                    P.pick(("w", key), ["UEFI capsule updates not available or enabled in firmware setup",
                                        "no TPM device found", "/dev/cpu/0/msr: No such file or directory",
                                        "failed to open /sys/kernel/security/lockdown: Permission denied"]))
        elif key == "open_fail":
            vals = (P.pick(("d", key), ["/dev/hidraw2", "/dev/nvme0", "/dev/i2c-7", "/dev/hidraw5"]),
                    P.pick(("w", key), ["Permission denied", "No such device", "Device or resource busy"]))
        elif key in ("dev_added", "dev_removed", "dev_changed"):
            vals = (devs[P.pick(("d", key), names)],)
        elif key == "status":
            vals = (P.pick(("s", key), statuses),)
        elif key == "percentage":
            vals = (str(rng.randint(0, 100)),)
        elif key == "releases":
            vals = (P.pick(("d", key), names),
                    P.pick(("w", key), ["No releases found", "No releases found for device",
                                        "failed to verify metadata signature: no signature found",
                                        "No releases found"]))
        elif key == "swaps":
            vals = (P.pick(("w", key), ["failed to open /proc/swaps: Permission denied",
                                        "unexpected swap device /dev/zram0: not on disk",
                                        "failed to get device for /swap.img: No such file or directory"]),)
        else:
            raise KeyError(key)
        h, m, s, ms = hms(t)
        header = "%s thinkpad-t14 fwupd[%d]: %02d:%02d:%02d:%04d %-20s " % (
            syslog_ts(t), pid, h, m, s, ms, FWUPD_DOMAIN[key])
        out.append((t, key, vals, header))
    return out


# ---------------------------------------------------------------------------
# driver
# ---------------------------------------------------------------------------

SYSTEMS = [  # (k, name, events, generator, header regex, kind)
    (1, "Hostapd", HOSTAPD_EVENTS, gen_hostapd, HOSTAPD_HEADER_RE, "simulation"),
    (2, "WpaSupplicant", WPA_EVENTS, gen_wpa, WPA_HEADER_RE, "shuffle"),
    (3, "Bluetoothd", BT_EVENTS, gen_bluetoothd, BT_HEADER_RE, "shuffle"),
    (4, "Avahi", AVAHI_EVENTS, gen_avahi, AVAHI_HEADER_RE, "shuffle"),
    (5, "Udisks", UDISKS_EVENTS, gen_udisks, UDISKS_HEADER_RE, "simulation"),
    (6, "Fwupd", FWUPD_EVENTS, gen_fwupd, FWUPD_HEADER_RE, "shuffle"),
]


def write_system(k, name, events, gen):
    rng = random.Random(BASE_SEED * 10 + k)
    recs = gen(rng, Pools())
    assert len(recs) == N_LINES, (name, len(recs))
    eid = {key: "E%d" % (i + 1) for i, (key, _) in enumerate(events)}
    tmpl = dict(events)
    d = os.path.join(OUT_DIR, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="") as f:
        for t, key, vals, header in recs:
            f.write(header + render(tmpl[key], vals) + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (t, key, vals, header) in enumerate(recs, 1):
            w.writerow([i, render(tmpl[key], vals), eid[key], tmpl[key]])


def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


def header_time(header):
    stamps = re.findall(r"(\d{2}):(\d{2}):(\d{2})(?::(\d{4}))?", header)
    return [tuple(int(x or 0) for x in st) for st in stamps]


def check_system(name, events, header_re):
    d = os.path.join(OUT_DIR, name)
    with open(os.path.join(d, name + ".log"), "rb") as f:
        raw = f.read()
    with open(os.path.join(d, name + ".log_structured.csv"), "rb") as f:
        rawcsv = f.read()
    for blob in (raw, rawcsv):
        assert blob.endswith(b"\n"), name + ": missing final newline"
        assert b"\r" not in blob, name + ": CR found"
    lines = raw.decode("utf-8").split("\n")[:-1]
    assert len(lines) == N_LINES, (name, len(lines))
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], rows[0]
    rows = rows[1:]
    assert len(rows) == N_LINES, (name, len(rows))
    hre = re.compile(header_re)
    declared = {"E%d" % (i + 1): t for i, (_, t) in enumerate(events)}
    assert len(set(declared.values())) == len(declared), name + ": duplicate templates"
    seen_tmpl = {}
    captures = {}
    counts = {}
    last = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        assert len(row) == 4, (name, i, row)
        lid, content, ev, tp = row
        assert lid == str(i), (name, i, lid)
        assert content and content == content.strip(), (name, i, content)
        assert line.endswith(content), (name, i)
        header = line[: len(line) - len(content)]
        assert hre.fullmatch(header), (name, i, header)
        ts = header_time(header)
        if last is not None:
            assert ts >= last, (name, i, "time went back", header)
        last = ts
        assert re.fullmatch(r"E\d+", ev), (name, i, ev)
        assert declared.get(ev) == tp, (name, i, ev, tp)
        assert seen_tmpl.setdefault(ev, tp) == tp, (name, i)
        m = template_regex(tp).fullmatch(content)
        assert m, (name, i, tp, content)
        for j, g in enumerate(m.groups()):
            captures.setdefault((ev, j), set()).add(g)
        counts[ev] = counts.get(ev, 0) + 1
    assert set(counts) == set(declared), (name, "unused events", set(declared) - set(counts))
    for (ev, j), vals in captures.items():
        assert len(vals) >= 2, (name, ev, "slot", j, vals)
    n = list(counts.values())
    assert 12 <= len(declared) <= 15, (name, len(declared))
    assert min(n) >= 3, (name, counts)
    assert sum(1 for c in n if 3 <= c <= 10) >= 3, (name, counts)
    med = statistics.median(n)
    assert max(n) >= 3 * med, (name, max(n), med)
    return counts, med


def main():
    for k, name, events, gen, hre, kind in SYSTEMS:
        write_system(k, name, events, gen)
    ok = True
    for k, name, events, gen, hre, kind in SYSTEMS:
        try:
            counts, med = check_system(name, events, hre)
        except AssertionError as e:
            ok = False
            print("%-14s FAILED: %s" % (name, e))
            continue
        order = sorted(counts, key=lambda e: int(e[1:]))
        print("%-14s %-10s events=%2d lines=%d max=%d median=%s small(3-10)=%d  %s" % (
            name, kind, len(counts), sum(counts.values()), max(counts.values()), med,
            sum(1 for c in counts.values() if 3 <= c <= 10),
            " ".join("%s:%d" % (e, counts[e]) for e in order)))
    if not ok:
        sys.exit(1)
    print("self-check passed")


if __name__ == "__main__":
    main()
