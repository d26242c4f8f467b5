#!/usr/bin/env python3
"""Sealed 57: blind labelled log corpus generator.

Python 3 standard library only, fully deterministic: no wall clock, no locale.
Base seed 20270175; system k (1..6) uses random.Random(20270175 * 10 + k).
Time comes from an integer nanosecond clock on 2026-03-14 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for the six systems and then self-checks every file.
"""
import csv
import datetime
import os
import re
import random
import statistics
import sys

BASE_SEED = 20270175
N_LINES = 300
NS = 10 ** 9
OUT_DIR = os.path.dirname(os.path.abspath(__file__))

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_RE = "(?:" + "|".join(MONTHS) + ")"
EPOCH = datetime.date(1970, 1, 1)
DAY0_NS = (datetime.date(2026, 3, 14) - EPOCH).days * 86400 * NS


# ---------------------------------------------------------------- time helpers
def at(h, m, s=0, frac_ns=0):
    """Nanosecond clock value for a time of day on 2026-03-14 UTC."""
    return DAY0_NS + ((h * 60 + m) * 60 + s) * NS + frac_ns


def split_ns(t):
    days, rem = divmod(t, 86400 * NS)
    d = EPOCH + datetime.timedelta(days=days)
    sec, frac = divmod(rem, NS)
    hh, r = divmod(sec, 3600)
    mm, ss = divmod(r, 60)
    return d.year, d.month, d.day, hh, mm, ss, frac, d.weekday()


def ts_syslog(t):
    _, mo, d, hh, mm, ss, _, _ = split_ns(t)
    return "%s %2d %02d:%02d:%02d" % (MONTHS[mo - 1], d, hh, mm, ss)


def ts_unix_date(t):
    """Like `date` in the C locale: Sat Mar 14 03:10:02 UTC 2026."""
    y, mo, d, hh, mm, ss, _, wd = split_ns(t)
    return "%s %s %2d %02d:%02d:%02d UTC %04d" % (
        WEEKDAYS[wd], MONTHS[mo - 1], d, hh, mm, ss, y)


def ts_tripwire(t):
    """Tripwire report date: Sat 14 Mar 2026 03:15:02 AM UTC."""
    y, mo, d, hh, mm, ss, _, wd = split_ns(t)
    ampm = "AM" if hh < 12 else "PM"
    h12 = hh % 12
    if h12 == 0:
        h12 = 12
    return "%s %02d %s %04d %02d:%02d:%02d %s UTC" % (
        WEEKDAYS[wd], d, MONTHS[mo - 1], y, h12, mm, ss, ampm)


def ts_compact(t):
    y, mo, d, hh, mm, ss, _, _ = split_ns(t)
    return "%04d%02d%02d%02d%02d%02d" % (y, mo, d, hh, mm, ss)


def syslog_key(header):
    m = re.match(r"(%s) +(\d+) (\d\d):(\d\d):(\d\d) " % MONTH_RE, header)
    return (MONTHS.index(m.group(1)), int(m.group(2)), int(m.group(3)),
            int(m.group(4)), int(m.group(5)))


def expo_ns(rng, mean_s):
    return max(1, int(rng.expovariate(1.0 / mean_s) * NS))


# ---------------------------------------------------------------- value helpers
class Cycler:
    """Small pools cycle per (event, slot), from a seeded start offset."""

    def __init__(self, rng):
        self.rng = rng
        self.pos = {}

    def cyc(self, event, slot, pool):
        key = (event, slot)
        if key not in self.pos:
            self.pos[key] = self.rng.randrange(len(pool))
        value = pool[self.pos[key] % len(pool)]
        self.pos[key] += 1
        return value


def hexstr(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def alnum(rng, n):
    chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return "".join(rng.choice(chars) for _ in range(n))


def fill(template, values):
    parts = template.split("<*>")
    if len(parts) - 1 != len(values):
        raise ValueError("slot count mismatch for %r: %r" % (template, values))
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        out.append(str(v))
        out.append(p)
    return "".join(out)


def shuffle_records(rng, events, t0, mean_gap_s, make):
    """Fixed count per event, shuffled, forward-only clock with exponential gaps."""
    seq = [i for i, ev in enumerate(events) for _ in range(ev[2])]
    assert len(seq) == N_LINES, (len(seq), events[0])
    rng.shuffle(seq)
    t = t0
    out = []
    for i in seq:
        t += expo_ns(rng, mean_gap_s)
        header, values = make(i, t)
        out.append((t, header, fill(events[i][1], values), i))
    return out


def merge_entities(lines):
    """lines: (t, entity, seq, header, content, event) -> first N_LINES in time order."""
    lines.sort(key=lambda x: (x[0], x[1], x[2]))
    return [(t, h, c, e) for (t, _, _, h, c, e) in lines[:N_LINES]]


# ============================================================ 1. OssecHids
OSSEC_EVENTS = [
    ("started", "Started (pid: <*>).", 14),
    ("rules", "Reading rules file: '<*>'", 78),
    ("mondir", "Monitoring directory: '<*>'.", 26),
    ("analyzing", "Analyzing file: '<*>'.", 44),
    ("sc_start", "Starting syscheck scan (forwarding database).", 9),
    ("sc_end", "Ending syscheck scan (forwarding database).", 8),
    ("rc_start", "Starting rootcheck scan.", 6),
    ("rc_end", "Ending rootcheck scan.", 5),
    ("badmsg", "Incorrectly formated message from '<*>'.", 31),
    ("badid", "Invalid ID <*> for the source ip: '<*>'.", 12),
    ("counter", "Assigning counter for agent <*>: '<*>:<*>'.", 33),
    ("fopen", "Could not open file '<*>' due to [(<*>)-(<*>)].", 7),
    ("rules_total", "Total rules enabled: '<*>'", 4),
    ("waiting", "Waiting for server reply (not started). Tried: '<*>'.", 11),
    ("not_avail", "File not available, ignoring it: '<*>'.", 12),
]
OSSEC_HEADER_RE = (r"\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2} ossec-[a-z]+(?:\(\d{4}\))?: "
                   r"(?:(?:INFO|WARN|ERROR|DEBUG|CRITICAL): )?")


def ossec_key(header):
    return header[:19]


def gen_ossec(rng):
    cy = Cycler(rng)
    daemons = ["ossec-analysisd", "ossec-remoted", "ossec-syscheckd", "ossec-logcollector",
               "ossec-monitord", "ossec-execd", "ossec-maild", "ossec-csyslogd"]
    rule_files = ["rules_config.xml", "pam_rules.xml", "sshd_rules.xml", "telnetd_rules.xml",
                  "syslog_rules.xml", "arpwatch_rules.xml", "symantec-av_rules.xml",
                  "pix_rules.xml", "named_rules.xml", "smbd_rules.xml", "vsftpd_rules.xml",
                  "pure-ftpd_rules.xml", "proftpd_rules.xml", "ms_ftpd_rules.xml",
                  "ftpd_rules.xml", "hordeimp_rules.xml", "roundcube_rules.xml",
                  "vpopmail_rules.xml", "vmpop3d_rules.xml", "courier_rules.xml",
                  "web_rules.xml", "web_appsec_rules.xml", "apache_rules.xml",
                  "nginx_rules.xml", "php_rules.xml", "mysql_rules.xml",
                  "postgresql_rules.xml", "ids_rules.xml", "squid_rules.xml",
                  "firewall_rules.xml", "cisco-ios_rules.xml", "netscreenfw_rules.xml",
                  "sonicwall_rules.xml", "postfix_rules.xml", "sendmail_rules.xml",
                  "imapd_rules.xml", "mailscanner_rules.xml", "dovecot_rules.xml",
                  "ms-exchange_rules.xml", "racoon_rules.xml", "vpn_concentrator_rules.xml",
                  "spamd_rules.xml", "msauth_rules.xml", "mcafee_av_rules.xml",
                  "trend-osce_rules.xml", "ms-se_rules.xml", "zeus_rules.xml",
                  "solaris_bsm_rules.xml", "vmware_rules.xml", "ms_dhcp_rules.xml",
                  "asterisk_rules.xml", "ossec_rules.xml", "attack_rules.xml",
                  "openbsd_rules.xml", "clam_av_rules.xml", "dropbear_rules.xml",
                  "sysmon_rules.xml", "systemd_rules.xml", "unbound_rules.xml",
                  "local_rules.xml"]
    mon_dirs = ["/etc", "/usr/bin", "/usr/sbin", "/bin", "/sbin", "/boot",
                "/var/www/html", "/opt/billing/conf", "/usr/local/bin", "/srv/git/hooks"]
    log_files = ["/var/log/messages", "/var/log/secure", "/var/log/maillog",
                 "/var/log/httpd/access_log", "/var/log/httpd/error_log",
                 "/var/ossec/logs/active-responses.log", "/var/log/nginx/access.log",
                 "/var/log/audit/audit.log", "/var/log/cron", "/var/log/dpkg.log",
                 "/opt/billing/logs/app.log", "/var/log/postgresql/postgresql-14-main.log"]
    missing_files = ["/var/log/mysqld.log", "/var/log/exim/mainlog",
                     "/opt/billing/logs/worker-2.log", "/var/log/vsftpd.log",
                     "/var/log/squid/access.log", "/srv/legacy/logs/error.log"]
    errnos = [(2, "No such file or directory"), (13, "Permission denied"),
              (24, "Too many open files")]
    agents = ["web-fe01", "web-fe02", "pay-api03", "mx-relay", "db-replica2", "jumphost",
              "ci-worker07", "fileshare", "kiosk-lobby", "dns-int1"]
    servers = ["10.14.0.21", "10.14.0.22", "ossec-mgr.corp.example"]
    idx = {ev[0]: i for i, ev in enumerate(OSSEC_EVENTS)}

    def hdr(t, daemon, code, level):
        y, mo, d, hh, mm, ss, _, _ = split_ns(t)
        return "%04d/%02d/%02d %02d:%02d:%02d %s%s: %s" % (
            y, mo, d, hh, mm, ss, daemon, "(%d)" % code if code else "",
            level + ": " if level else "")

    def ip():
        return "%d.%d.%d.%d" % (rng.choice([10, 172, 192, 203]), rng.randint(0, 254),
                                rng.randint(0, 254), rng.randint(1, 254))

    def make(i, t):
        k = OSSEC_EVENTS[i][0]
        if k == "started":
            return hdr(t, cy.cyc(i, "daemon", daemons), None, "INFO"), [rng.randint(380, 31990)]
        if k == "rules":
            return hdr(t, "ossec-analysisd", None, "INFO"), [cy.cyc(i, 0, rule_files)]
        if k == "mondir":
            return hdr(t, "ossec-syscheckd", None, "INFO"), [cy.cyc(i, 0, mon_dirs)]
        if k == "analyzing":
            return hdr(t, "ossec-logcollector", 1950, "INFO"), [cy.cyc(i, 0, log_files)]
        if k in ("sc_start", "sc_end"):
            return hdr(t, "ossec-syscheckd", None, "INFO"), []
        if k in ("rc_start", "rc_end"):
            return hdr(t, "ossec-rootcheck", None, "INFO"), []
        if k == "badmsg":
            return hdr(t, "ossec-remoted", 1403, "ERROR"), [ip()]
        if k == "badid":
            return hdr(t, "ossec-remoted", 1408, "ERROR"), ["%03d" % rng.randint(1, 140), ip()]
        if k == "counter":
            return hdr(t, "ossec-remoted", None, "INFO"), [
                cy.cyc(i, 0, agents), rng.randint(0, 9), rng.randint(10, 9999)]
        if k == "fopen":
            en, es = cy.cyc(i, 1, errnos)
            return hdr(t, "ossec-logcollector", 1103, "ERROR"), [cy.cyc(i, 0, missing_files), en, es]
        if k == "rules_total":
            return hdr(t, "ossec-analysisd", None, "INFO"), [rng.randint(1180, 1960)]
        if k == "waiting":
            return hdr(t, "ossec-agentd", 4101, "WARN"), [cy.cyc(i, 0, servers)]
        if k == "not_avail":
            return hdr(t, "ossec-logcollector", 1904, "INFO"), [cy.cyc(i, 0, missing_files)]
        raise KeyError(k)

    assert len(idx) == len(OSSEC_EVENTS)
    return shuffle_records(rng, OSSEC_EVENTS, at(6, 12, 31, 120_000_000), 40.0, make)


# ============================================================ 2. Tripwire
TRIPWIRE_EVENTS = [
    ("complete", "Integrity Check Complete: TWReport <*> <*> V:<*> S:<*> A:<*> R:<*> C:<*> L:<*> M:<*> H:<*>"),
    ("created", "Report created on:            <*>"),
    ("dbupdated", "Database last updated on:     <*>"),
    ("hostname", "Host name:                    <*>"),
    ("hostip", "Host IP address:              <*>"),
    ("cmdline", "Command line used:            <*>"),
    ("objects", "Total objects scanned:  <*>"),
    ("violations", "Total violations found:  <*>"),
    ("rule", "Rule Name: <*> (<*>)"),
    ("severity", "Severity Level: <*>"),
    ("added", "Added:"),
    ("modified", "Modified:"),
    ("removed", "Removed:"),
    ("object", "\"<*>\""),
    ("title", "Open Source Tripwire(R) <*> Integrity Check Report"),
]
TRIPWIRE_HEADER_RE = MONTH_RE + r" [ 1-3]\d \d\d:\d\d:\d\d [a-z0-9-]+ tripwire(?:\[\d+\])?: "


def gen_tripwire(rng):
    cy = Cycler(rng)
    ev = {e[0]: i for i, e in enumerate(TRIPWIRE_EVENTS)}
    hosts = [("web01", "10.20.1.11"), ("web02", "10.20.1.12"), ("db-main", "10.20.2.5"),
             ("mail-gw", "10.20.3.7"), ("bastion", "10.20.0.4"), ("ci-runner3", "10.20.4.23"),
             ("nfs01", "10.20.2.40"), ("ldap2", "10.20.0.9"), ("proxy-edge", "10.20.5.2"),
             ("backup01", "10.20.2.61"), ("mon01", "10.20.0.30"), ("kvm-host4", "10.20.6.14"),
             ("vpn1", "10.20.0.6"), ("git01", "10.20.4.8"), ("cache-r1", "10.20.5.31"),
             ("print-srv", "10.20.7.3"), ("jenkins", "10.20.4.2"), ("ntp-b", "10.20.0.12"),
             ("redis-s2", "10.20.2.77"), ("wiki", "10.20.7.19")]
    # (rule name, start point, severity, candidate objects)
    rules = [
        ("Other configuration files", "/etc", 66,
         ["/etc", "/etc/hosts", "/etc/resolv.conf", "/etc/ssh/sshd_config", "/etc/cron.d/backup",
          "/etc/apt/sources.list.d/docker.list", "/etc/nginx/sites-enabled/default",
          "/etc/logrotate.d/billing", "/etc/ld.so.cache", "/etc/fstab", "/etc/motd"]),
        ("Critical configuration files", "/etc/passwd", 100,
         ["/etc/passwd", "/etc/shadow", "/etc/group", "/etc/gshadow", "/etc/sudoers"]),
        ("Other binaries", "/usr/sbin", 66,
         ["/usr/sbin", "/usr/sbin/sshd", "/usr/sbin/nginx", "/usr/sbin/postfix",
          "/usr/sbin/iptables-legacy", "/usr/sbin/runc-helper"]),
        ("Other binaries", "/usr/local/bin", 66,
         ["/usr/local/bin", "/usr/local/bin/node_exporter", "/usr/local/bin/deploy.sh",
          "/usr/local/bin/kubectl", "/usr/local/bin/restic"]),
        ("Critical system boot files", "/boot", 100,
         ["/boot", "/boot/grub/grub.cfg", "/boot/initrd.img-6.1.0-18-amd64",
          "/boot/vmlinuz-6.1.0-18-amd64", "/boot/System.map-6.1.0-18-amd64",
          "/boot/config-6.1.0-18-amd64"]),
        ("Root config files", "/root", 100,
         ["/root", "/root/.bash_history", "/root/.viminfo", "/root/.ssh/authorized_keys",
          "/root/.lesshst", "/root/.selected_editor"]),
        ("Libraries", "/usr/lib", 66,
         ["/usr/lib", "/usr/lib/x86_64-linux-gnu/libssl.so.3",
          "/usr/lib/x86_64-linux-gnu/libcrypto.so.3", "/usr/lib/x86_64-linux-gnu/libz.so.1.2.13",
          "/usr/lib/python3/dist-packages/apt_pkg.cpython-311-x86_64-linux-gnu.so"]),
        ("System boot changes", "/var/log", 33,
         ["/var/log", "/var/log/wtmp", "/var/log/lastlog", "/var/log/syslog.1",
          "/var/log/auth.log.2.gz", "/var/log/kern.log.1"]),
        ("Devices & Kernel information", "/dev", 100,
         ["/dev/shm/.x11-lock", "/dev/mqueue", "/dev/pts"]),
        ("Tripwire Data Files", "/var/lib/tripwire", 0,
         ["/var/lib/tripwire", "/var/lib/tripwire/report"]),
        ("Security Control", "/etc/pam.d", 66,
         ["/etc/pam.d", "/etc/pam.d/sshd", "/etc/pam.d/common-auth", "/etc/pam.d/sudo"]),
        ("Invariant Directories", "/home", 33,
         ["/home", "/home/deploy", "/home/svc-backup"]),
    ]
    versions = ["2.4.3.7", "2.4.2.2"]
    cmdlines = ["tripwire --check", "/usr/sbin/tripwire --check --quiet",
                "/usr/sbin/tripwire -m c -s -c /etc/tripwire/tw.cfg"]
    base = at(3, 15, 0)
    lines = []
    for hi, (host, hip) in enumerate(hosts):
        start = base + int(rng.uniform(0.5, 150.0) * NS)
        done = start + int(rng.uniform(35.0, 240.0) * NS)
        t = done
        seq = [0]
        own = []

        def emit(name, values, pid=None, gap=0.3):
            nonlocal t
            t += expo_ns(rng, gap)
            own.append((t, name, values, pid))

        n_rules = rng.choice([0, 2, 3, 3, 4, 4, 5, 5])
        chosen = rng.sample(range(len(rules)), n_rules)
        sections = []
        for ri in chosen:
            rname, rpoint, sev, objs = rules[ri]
            sec = []
            if rng.random() < 0.22:
                sec.append(("added", rng.sample(objs, rng.randint(1, min(3, len(objs))))))
            if rng.random() < 0.9 or not sec:
                sec.append(("modified", rng.sample(objs, rng.randint(2, min(6, len(objs))))))
            if rng.random() < 0.12:
                sec.append(("removed", rng.sample(objs, 1)))
            sections.append((rname, rpoint, sev, sec))
        a = sum(len(o) for s in sections for k, o in s[3] if k == "added")
        r = sum(len(o) for s in sections for k, o in s[3] if k == "removed")
        c = sum(len(o) for s in sections for k, o in s[3] if k == "modified")
        v = a + r + c
        sev_max = max([s[2] for s in sections], default=0)
        low = sum(len(o) for s in sections if s[2] <= 33 for k, o in s[3])
        med = sum(len(o) for s in sections if s[2] == 66 for k, o in s[3])
        high = sum(len(o) for s in sections if s[2] == 100 for k, o in s[3])
        pid = rng.randint(1500, 64000)
        if hi % 2 == 0:  # only hosts with SYSLOGREPORTING=true in tw.cfg
            emit("complete", [host, ts_compact(start), v, sev_max, a, r, c, low, med, high],
                 pid=pid)
        emit("title", [cy.cyc("title", 0, versions)], gap=1.2)
        emit("created", [ts_tripwire(start)])
        if rng.random() < 0.3:
            emit("dbupdated", ["Never"])
        else:
            emit("dbupdated", [ts_tripwire(at(rng.randint(0, 2), rng.randint(0, 59),
                                              rng.randint(0, 59)) - rng.randint(1, 40) * 86400 * NS)])
        emit("hostname", [host])
        emit("hostip", [hip])
        emit("cmdline", [cy.cyc("cmdline", 0, cmdlines)])
        emit("objects", [rng.randint(18000, 96000)])
        emit("violations", [v])
        for rname, rpoint, sev, sec in sections:
            emit("rule", [rname, rpoint])
            emit("severity", [sev])
            for kind, objs in sec:
                emit(kind, [])
                for o in objs:
                    emit("object", [o], gap=0.15)
        for n, (tt, name, values, p) in enumerate(own):
            header = "%s %s tripwire%s: " % (ts_syslog(tt), host, "[%d]" % p if p else "")
            lines.append((tt, hi, n, header, fill(TRIPWIRE_EVENTS[ev[name]][1], values), ev[name]))
    return merge_entities(lines)


# ============================================================ 3. Rkhunter
RKHUNTER_EVENTS = [
    ("test", "Info: Starting test name '<*>'", 24),
    ("rk_notfound", "Checking for <*> [ Not found ]", 92),
    ("file_ok", "<*> [ OK ]", 68),
    ("file_warn", "<*> [ Warning ]", 12),
    ("script", "Warning: The command '<*>' has been replaced by a script: <*>: <*>", 6),
    ("hidden", "Warning: Hidden file found: <*>: <*>", 9),
    ("listening", "Warning: Process '<*>' (PID <*>) is listening on the network.", 8),
    ("whitelisted", "Info: Found file '<*>': it is whitelisted for the '<*>' check.", 14),
    ("disabled", "Info: Test '<*>' disabled at users request.", 11),
    ("start_date", "Info: Start date is <*>", 4),
    ("end_date", "Info: End date is <*>", 4),
    ("props_changed", "Warning: The file properties have changed:", 10),
    ("prop_file", "File: <*>", 13),
    ("cur_hash", "Current hash: <*>", 13),
    ("stored_hash", "Stored hash : <*>", 12),
]
RKHUNTER_HEADER_RE = r"\[\d{2}:\d{2}:\d{2}\] +"


def rkhunter_key(header):
    return header[1:9]


def gen_rkhunter(rng):
    cy = Cycler(rng)
    width = 52
    tests = ["properties", "rootkits", "known_rkts", "additional_rkts", "malware",
             "possible_rkt_files", "possible_rkt_strings", "network", "local_host",
             "group_accounts", "system_configs", "filesystem", "os_specific", "startup_files"]
    rootkits = ["55808 Trojan - Variant A", "ADM Worm", "AjaKit Rootkit", "Adore Rootkit",
                "aPa Kit", "Apache Worm", "Ambient (ark) Rootkit", "Balaur Worm",
                "BeastKit Rootkit", "beX2 Rootkit", "BOBKit Rootkit", "cb Rootkit",
                "CiNIK Worm (Slapper.B variant)", "Danny-Boy's Abuse Kit", "Devil RootKit",
                "Diamorphine LKM", "Dica-Kit Rootkit", "Dreams Rootkit", "Duarawkz Rootkit",
                "Ebury backdoor", "Enye LKM", "Flea Linux Rootkit", "Fu Rootkit",
                "GasKit Rootkit", "Heroin LKM", "HjC Kit", "ignoKit Rootkit",
                "IntoXonia-NG Rootkit", "Irix Rootkit", "Jynx Rootkit", "Jynx2 Rootkit",
                "KBeast Rootkit", "Kitko Rootkit", "Knark Rootkit", "ld-linuxv.so Rootkit",
                "Li0n Worm", "Lockit / LJK2 Rootkit", "Mokes backdoor", "Mood-NT Rootkit",
                "MRK Rootkit", "Ni0 Rootkit", "Ohhara Rootkit", "Optic Kit (Tux) Worm",
                "Oz Rootkit", "Phalanx Rootkit", "Phalanx2 Rootkit", "Portacelo Rootkit",
                "R3dstorm Toolkit", "RH-Sharpe's Rootkit", "RSHA's Rootkit", "Scalper Worm",
                "Sebek LKM", "Shutdown Rootkit", "SHV4 Rootkit", "SHV5 Rootkit", "Sin Rootkit",
                "Slapper Worm", "Sneakin Rootkit", "Suckit Rootkit", "Superkit Rootkit",
                "TBD (Telnet BackDoor)", "TeLeKiT Rootkit", "T0rn Rootkit", "trNkit Rootkit",
                "Trojanit Kit", "Tuxtendo Rootkit", "URK Rootkit", "Vampire Rootkit",
                "VcKit Rootkit", "Volc Rootkit", "Xzibit Rootkit", "zaRwT.KiT Rootkit",
                "ZK Rootkit", "suspicious shared memory segments", "Linux kernel module 'xt_gorgon'"]
    ok_files = ["/usr/sbin/adduser", "/usr/sbin/chroot", "/usr/sbin/cron", "/usr/sbin/depmod",
                "/usr/sbin/groupadd", "/usr/sbin/groupdel", "/usr/sbin/ifconfig",
                "/usr/sbin/inetd", "/usr/sbin/init", "/usr/sbin/insmod", "/usr/sbin/ip",
                "/usr/sbin/lsmod", "/usr/sbin/modprobe", "/usr/sbin/nologin", "/usr/sbin/pwck",
                "/usr/sbin/rsyslogd", "/usr/sbin/runlevel", "/usr/sbin/sshd", "/usr/sbin/sulogin",
                "/usr/sbin/useradd", "/usr/sbin/usermod", "/usr/sbin/vipw", "/usr/bin/awk",
                "/usr/bin/basename", "/usr/bin/bash", "/usr/bin/cat", "/usr/bin/chattr",
                "/usr/bin/chmod", "/usr/bin/chown", "/usr/bin/cp", "/usr/bin/curl",
                "/usr/bin/cut", "/usr/bin/date", "/usr/bin/df", "/usr/bin/diff", "/usr/bin/du",
                "/usr/bin/echo", "/usr/bin/env", "/usr/bin/file", "/usr/bin/find",
                "/usr/bin/grep", "/usr/bin/groups", "/usr/bin/head", "/usr/bin/id",
                "/usr/bin/kill", "/usr/bin/killall", "/usr/bin/last", "/usr/bin/lastlog",
                "/usr/bin/ldd", "/usr/bin/less", "/usr/bin/logger", "/usr/bin/login",
                "/usr/bin/ls", "/usr/bin/lsattr", "/usr/bin/lsof", "/usr/bin/md5sum",
                "/usr/bin/mount", "/usr/bin/netstat", "/usr/bin/newgrp", "/usr/bin/passwd",
                "/usr/bin/perl", "/usr/bin/pgrep", "/usr/bin/ps", "/usr/bin/pstree",
                "/usr/bin/readlink", "/usr/bin/sha256sum", "/usr/bin/ss", "/usr/bin/stat",
                "/usr/bin/su", "/usr/bin/sudo", "/usr/bin/systemctl", "/usr/bin/top",
                "/usr/bin/wget", "/usr/bin/who", "/usr/bin/whoami", "/usr/lib/systemd/systemd"]
    warn_files = ["/usr/bin/lwp-request", "/usr/bin/GET", "/usr/bin/HEAD", "/usr/bin/POST",
                  "/usr/bin/egrep", "/usr/bin/fgrep", "/usr/bin/which", "/usr/bin/ldd",
                  "/usr/bin/curl", "/usr/sbin/sshd"]
    scripts = [("/usr/bin/lwp-request", "Perl script text executable"),
               ("/usr/bin/egrep", "POSIX shell script, ASCII text executable"),
               ("/usr/bin/which", "POSIX shell script, ASCII text executable"),
               ("/usr/bin/ldd", "Bourne-Again shell script, ASCII text executable"),
               ("/usr/bin/fgrep", "POSIX shell script, ASCII text executable")]
    hidden = [("/etc/.pwd.lock", "empty"), ("/etc/.resolv.conf.systemd-resolved.bak", "ASCII text"),
              ("/dev/.blkid.tab", "ASCII text"), ("/dev/.udev", "directory"),
              ("/etc/.java", "directory"), ("/etc/.updated", "ASCII text"),
              ("/dev/.lxc", "directory"), ("/usr/share/man/man5/.k5login.5.gz",
                                           "gzip compressed data, max compression, from Unix")]
    listeners = ["/usr/sbin/dhclient", "/usr/sbin/avahi-daemon", "/usr/bin/node",
                 "/usr/sbin/nginx", "/usr/lib/jvm/java-17-openjdk-amd64/bin/java",
                 "/usr/sbin/ntpd", "/usr/bin/python3.11", "/opt/splunkforwarder/bin/splunkd"]
    whitelisted = [("/usr/bin/lwp-request", "script replacement"),
                   ("/usr/bin/egrep", "script replacement"),
                   ("/etc/.pwd.lock", "hidden file"), ("/dev/.udev", "hidden directory"),
                   ("/usr/bin/ssh", "file properties"), ("/usr/sbin/unhide", "file properties"),
                   ("/etc/.java", "hidden directory")]
    disabled = ["apps", "suspscan", "hidden_procs", "deleted_files", "packet_cap_apps",
                "avail_modules", "ipc_shared_mem"]
    prop_files = ["/usr/bin/curl", "/usr/bin/sudo", "/usr/sbin/sshd", "/usr/bin/ssh",
                  "/usr/bin/passwd", "/usr/bin/openssl", "/usr/lib/systemd/systemd",
                  "/usr/bin/dpkg", "/usr/bin/bash", "/usr/sbin/rsyslogd"]

    def pad(prefix, value):
        return value + " " * max(0, width - len(prefix) - len(value))

    def make(i, t):
        _, _, _, hh, mm, ss, _, _ = split_ns(t)
        stamp = "[%02d:%02d:%02d]" % (hh, mm, ss)
        h1, h3, h10 = stamp + " ", stamp + "   ", stamp + "          "
        k = RKHUNTER_EVENTS[i][0]
        if k == "test":
            return h1, [cy.cyc(i, 0, tests)]
        if k == "rk_notfound":
            return h3, [pad("Checking for ", cy.cyc(i, 0, rootkits))]
        if k == "file_ok":
            return h3, [pad("", cy.cyc(i, 0, ok_files))]
        if k == "file_warn":
            return h3, [pad("", cy.cyc(i, 0, warn_files))]
        if k == "script":
            path, kind = cy.cyc(i, 0, scripts)
            return h1, [path, path, kind]
        if k == "hidden":
            path, kind = cy.cyc(i, 0, hidden)
            return h1, [path, kind]
        if k == "listening":
            return h1, [cy.cyc(i, 0, listeners), rng.randint(300, 48000)]
        if k == "whitelisted":
            path, check = cy.cyc(i, 0, whitelisted)
            return h1, [path, check]
        if k == "disabled":
            return h1, [cy.cyc(i, 0, disabled)]
        if k in ("start_date", "end_date"):
            return h1, [ts_unix_date(t)]
        if k == "props_changed":
            return h1, []
        if k == "prop_file":
            return h10, [cy.cyc(i, 0, prop_files)]
        if k in ("cur_hash", "stored_hash"):
            return h10, [hexstr(rng, 64)]
        raise KeyError(k)

    return shuffle_records(rng, RKHUNTER_EVENTS, at(3, 10, 2, 40_000_000), 0.8, make)


# ============================================================ 4. Lynis
LYNIS_EVENTS = [
    ("starting", "Starting Lynis <*> with PID <*>, build date <*>", 3),
    ("performing", "Performing test ID <*> (<*>)", 96),
    ("skipped", "Skipped test <*> (<*>)", 22),
    ("reason", "Reason to skip: <*>", 20),
    ("exists", "Result: file <*> exists", 30),
    ("not_exists", "Result: file <*> does not exist", 18),
    ("checking_file", "Test: Checking file <*>", 26),
    ("suggestion", "Suggestion: <*> [test:<*>] [details:<*>] [solution:<*>]", 14),
    ("warning", "Warning: <*> [test:<*>] [details:<*>] [solution:<*>]", 6),
    ("hard_max", "Hardening: assigned maximum number of hardening points for this item (<*>). "
                 "Currently having <*> points (out of <*>)", 24),
    ("hard_partial", "Hardening: assigned partial number of hardening points (<*> of <*>). "
                     "Currently having <*> points (out of <*>)", 9),
    ("perms", "Checking permissions of <*>", 18),
    ("tmp_created", "Action: created temporary file <*>", 7),
    ("tmp_removed", "Action: removed temporary file <*>", 7),
]
LYNIS_HEADER_RE = r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} "


def lynis_key(header):
    return header[:19]


def gen_lynis(rng):
    cy = Cycler(rng)
    tests = [("BOOT-5122", "Check for GRUB boot password"),
             ("BOOT-5184", "Check permissions for boot files/scripts"),
             ("KRNL-5788", "Checking availability new Linux kernel"),
             ("KRNL-5820", "Checking core dumps configuration"),
             ("AUTH-9228", "Check password file consistency with pwck"),
             ("AUTH-9262", "Checking presence password strength testing tools (PAM)"),
             ("AUTH-9328", "Default umask values"),
             ("FILE-6310", "Checking /tmp, /home and /var directory"),
             ("FILE-6344", "Checking proc mount options"),
             ("USB-1000", "Check if USB storage is disabled"),
             ("STRG-1846", "Check if firewire storage is disabled"),
             ("NAME-4028", "Check domain name"),
             ("PKGS-7392", "Check for Debian/Ubuntu security updates"),
             ("PKGS-7398", "Check for package audit tool"),
             ("NETW-3032", "Checking for ARP monitoring software"),
             ("FIRE-4513", "Check iptables for unused rules"),
             ("SSH-7408", "Checking SSH specific defined options"),
             ("LOGG-2154", "Checking syslog configuration file"),
             ("LOGG-2190", "Checking for deleted files in use"),
             ("ACCT-9622", "Check for available Linux accounting information"),
             ("TIME-3104", "Check for running NTP daemon or client"),
             ("CRYP-7902", "Check expire date of SSL certificates"),
             ("MALW-3280", "Check if anti-virus tool is installed"),
             ("SCHD-7704", "Check crontab/cronjobs"),
             ("HRDN-7222", "Check compiler permissions"),
             ("TOOL-5002", "Checking for automation tools"),
             ("INSE-8116", "Insecure services"),
             ("PROC-3612", "Check for zombie processes")]
    skips = [("PHP-2211", "Check php.ini presence"),
             ("HTTP-6622", "Checking Apache vhost configuration"),
             ("DBS-1826", "Checking active PostgreSQL processes"),
             ("MAIL-8818", "Postfix configuration"),
             ("SNMP-3306", "Check running SNMP daemon"),
             ("KRNL-5622", "Determine Linux default run level"),
             ("STRG-1930", "Check for Bluetooth storage support"),
             ("SQD-3613", "Check Squid file permissions")]
    reasons = ["Incorrect guest OS (Linux only)",
               "Prerequisites not met (ie missing tool, other type of Linux distribution)",
               "Test not in category to perform", "No Apache installation found",
               "Required file /etc/php.ini not found", "Test skipped by profile (skip-test)"]
    exists = ["/etc/ssh/sshd_config", "/etc/login.defs", "/etc/pam.d/common-password",
              "/etc/rsyslog.conf", "/etc/crontab", "/etc/default/grub", "/boot/grub/grub.cfg",
              "/etc/issue", "/etc/issue.net", "/etc/sysctl.conf", "/etc/hosts.allow",
              "/var/log/wtmp", "/etc/apt/sources.list"]
    missing = ["/etc/php.ini", "/etc/nginx/nginx.conf", "/etc/postfix/main.cf",
               "/etc/security/opasswd", "/etc/audit/auditd.conf", "/etc/ntp.conf",
               "/etc/modprobe.d/usb-storage.conf", "/var/account/pacct"]
    suggestions = [("Set a password on GRUB boot loader to prevent altering boot configuration "
                    "(e.g. boot in single user mode without password)", "BOOT-5122", "-", "-"),
                   ("Consider hardening SSH configuration", "SSH-7408",
                    "AllowTcpForwarding (set YES to NO)", "-"),
                   ("Install a PAM module for password strength testing like pam_cracklib or "
                    "pam_passwdqc", "AUTH-9262", "-", "-"),
                   ("Disable the 'usb-storage' driver when not used, to prevent unauthorized "
                    "storage or data theft", "USB-1000", "-", "-"),
                   ("Enable process accounting", "ACCT-9622", "-", "-"),
                   ("Harden compilers like restricting access to root user only", "HRDN-7222",
                    "-", "-"),
                   ("Consider hardening SSH configuration", "SSH-7408",
                    "MaxAuthTries (set 6 to 3)", "-"),
                   ("Default umask in /etc/login.defs could be more strict like 027",
                    "AUTH-9328", "/etc/login.defs", "Set UMASK to 027")]
    warnings = [("Couldn't find 2 responsive nameservers", "NETW-2705", "/etc/resolv.conf", "-"),
                ("No running NTP daemon or available client found", "TIME-3104", "-", "-"),
                ("iptables module(s) loaded, but no rules active", "FIRE-4512", "iptables", "-"),
                ("Found one or more vulnerable packages.", "PKGS-7392", "-",
                 "Run apt-get upgrade"),
                ("Reboot of system is most likely needed", "KRNL-5830", "-",
                 "text:reboot")]
    perm_files = ["/etc/crontab", "/etc/cron.d", "/etc/cron.daily", "/etc/ssh/sshd_config",
                  "/boot/grub/grub.cfg", "/root/.ssh", "/etc/at.deny", "/etc/cron.allow",
                  "/etc/group", "/etc/passwd", "/etc/shadow", "/etc/hosts.deny"]
    versions = [("3.0.9", "2023-08-03"), ("3.1.1", "2024-07-15")]

    def make(i, t):
        y, mo, d, hh, mm, ss, _, _ = split_ns(t)
        h = "%04d-%02d-%02d %02d:%02d:%02d " % (y, mo, d, hh, mm, ss)
        k = LYNIS_EVENTS[i][0]
        if k == "starting":
            ver, bdate = cy.cyc(i, 0, versions)
            return h, [ver, rng.randint(2000, 60000), bdate]
        if k == "performing":
            return h, list(cy.cyc(i, 0, tests))
        if k == "skipped":
            return h, list(cy.cyc(i, 0, skips))
        if k == "reason":
            return h, [cy.cyc(i, 0, reasons)]
        if k in ("exists", "checking_file"):
            return h, [cy.cyc(i, 0, exists)]
        if k == "not_exists":
            return h, [cy.cyc(i, 0, missing)]
        if k == "suggestion":
            return h, list(cy.cyc(i, 0, suggestions))
        if k == "warning":
            return h, list(cy.cyc(i, 0, warnings))
        if k == "hard_max":
            pts = rng.randint(1, 3)
            total = rng.randint(40, 260)
            return h, [pts, rng.randint(total // 2, total), total]
        if k == "hard_partial":
            mx = rng.randint(2, 5)
            total = rng.randint(40, 260)
            return h, [rng.randint(0, mx - 1), mx, rng.randint(total // 2, total), total]
        if k == "perms":
            return h, [cy.cyc(i, 0, perm_files)]
        if k in ("tmp_created", "tmp_removed"):
            return h, ["/tmp/lynis." + alnum(rng, 10)]
        raise KeyError(k)

    return shuffle_records(rng, LYNIS_EVENTS, at(4, 0, 3, 510_000_000), 1.5, make)


# ============================================================ 5. Chkrootkit
CHKROOTKIT_EVENTS = [
    ("not_infected", "Checking `<*>'... not infected", 120),
    ("not_found", "Checking `<*>'... not found", 40),
    ("not_tested", "Checking `<*>'... not tested", 8),
    ("searching", "Searching for <*>... nothing found", 70),
    ("sniffer", "Checking `sniffer'... <*>: PACKET SNIFFER(<*>[<*>])", 6),
    ("z2", "Checking `z2'... user <*> deleted or never logged from lastlog!", 7),
    ("chkutmp", "Checking `chkutmp'... The tty of the following user process(es) were not "
                "found in /var/run/utmp !", 5),
    ("suspicious", "Searching for suspicious files and dirs, it may take a while... "
                   "The following suspicious files and directories were found:", 8),
    ("infected", "INFECTED: Possible Malicious <*> installed", 3),
    ("lkm_ok", "Checking `lkm'... chkproc: nothing detected", 9),
    ("lkm_warn", "Checking `lkm'... chkproc: Warning: Possible LKM Trojan installed", 4),
    ("wted_del", "Checking `wted'... chkwtmp: <*> deletion(s) between <*> and <*>", 4),
    ("wted_ok", "Checking `wted'... chkwtmp: nothing deleted", 8),
    ("bindshell", "Checking `bindshell'... INFECTED PORTS: ( <*>)", 3),
    ("promisc", "Checking `sniffer'... <*>: not promisc and no packet sniffer sockets", 5),
]
CHKROOTKIT_HEADER_RE = MONTH_RE + r" [ 1-3]\d \d\d:\d\d:\d\d [a-z0-9-]+ chkrootkit: "


def gen_chkrootkit(rng):
    cy = Cycler(rng)
    hosts = ["fw-edge2", "mx-relay", "nas01", "build-07", "pve-node3"]
    infected_cmds = ["amd", "basename", "biff", "chfn", "chsh", "cron", "crontab", "date",
                     "du", "dirname", "echo", "egrep", "env", "find", "grep", "hdparm", "su",
                     "ifconfig", "init", "killall", "ldsopreload", "login", "ls", "lsof",
                     "mail", "netstat", "passwd", "pidof", "ps", "pstree", "rpcinfo", "slogin",
                     "sshd", "syslogd", "tar", "tcpd", "tcpdump", "top", "traceroute", "vdir",
                     "w", "write", "aliens", "asp", "bindshell", "w55808", "scalper", "slapper",
                     "rexedcs", "wted", "chkutmp", "OSX_RSPLUG", "mingetty"]
    not_found_cmds = ["amd", "biff", "fingerd", "gpm", "identd", "inetd", "mingetty", "named",
                      "pop2", "pop3", "rlogind", "rshd", "timed", "telnetd", "sendmail",
                      "rexedcs", "lkm"]
    not_tested_cmds = ["inetdconf", "identd", "OSX_RSPLUG", "rexedcs", "inetd"]
    searches = ["Suckit rootkit", "sniffer's logs, it may take a while",
                "HiDrootkit's default dir", "t0rn's default files", "t0rn's v8 defaults",
                "Lion Worm default files and dirs", "RSHA's default files and dir",
                "RH-Sharpe's default files", "Ambient's rootkit (ark) default files and dirs",
                "ShitC Worm", "Omega Worm", "Sadmind/IIS Worm", "MonKit", "Showtee", "OpticKit",
                "T.R.K", "Mithra", "LOC rootkit", "Romanian rootkit", "Volc rootkit",
                "Gold2 rootkit", "TC2 Worm default files and dirs",
                "Anonoying rootkit default files and dirs", "ZK rootkit", "ShKit rootkit",
                "AjaKit rootkit", "zaRwT rootkit", "Madalin rootkit default files",
                "Fu rootkit default files", "ESRK rootkit default files", "rootedoor",
                "ENYELKM rootkit default files", "common ssh-scanners default files",
                "Linux/Ebury - Operation Windigo ssh", "64-bit Linux Rootkit",
                "Mumblehard Linux", "Backdoor.Linux.Mokes.a", "Linux.Proxy.1.0",
                "suspect PHP files", "Kovid rootkit", "Umbreon lrk", "Diamorphine LKM"]
    ifaces = ["eth0", "ens18", "wlp2s0", "br0", "enp3s0"]
    sniffers = ["/usr/sbin/dhclient", "/usr/sbin/NetworkManager", "/usr/bin/tcpdump",
                "/usr/sbin/wpa_supplicant", "/usr/sbin/dhcpcd"]
    users = ["oleg", "backup", "pkoenig", "deploy", "svc-nagios", "marta"]
    malware = ["Linux.Xor.DDoS", "Linux.Proxy.1.0", "Linux.Mirai.B"]
    ports = ["465", "114 465", "31337", "1524 31337"]

    def wdate(t):
        y, mo, d, hh, mm, ss, _, wd = split_ns(t)
        return "%s %s %2d %02d:%02d:%02d %04d" % (WEEKDAYS[wd], MONTHS[mo - 1], d, hh, mm, ss, y)

    def make(i, t):
        h = "%s %s chkrootkit: " % (ts_syslog(t), cy.cyc(i, "host", hosts))
        k = CHKROOTKIT_EVENTS[i][0]
        if k == "not_infected":
            return h, [cy.cyc(i, 0, infected_cmds)]
        if k == "not_found":
            return h, [cy.cyc(i, 0, not_found_cmds)]
        if k == "not_tested":
            return h, [cy.cyc(i, 0, not_tested_cmds)]
        if k == "searching":
            return h, [cy.cyc(i, 0, searches)]
        if k == "sniffer":
            return h, [cy.cyc(i, 0, ifaces), cy.cyc(i, 1, sniffers), rng.randint(380, 4200)]
        if k == "z2":
            return h, [cy.cyc(i, 0, users)]
        if k == "infected":
            return h, [cy.cyc(i, 0, malware)]
        if k == "wted_del":
            first = t - rng.randint(2, 30) * 86400 * NS - rng.randint(0, 86399) * NS
            last = first + rng.randint(40, 5400) * NS
            return h, [rng.randint(1, 4), wdate(first), wdate(last)]
        if k == "bindshell":
            return h, [cy.cyc(i, 0, ports)]
        if k == "promisc":
            return h, [cy.cyc(i, 0, ["lo"] + ifaces)]
        return h, []

    return shuffle_records(rng, CHKROOTKIT_EVENTS, at(3, 25, 1, 7_000_000), 3.0, make)


# ============================================================ 6. Firejail
FIREJAIL_EVENTS = [
    ("profile", "Reading profile <*>"),
    ("pids", "Parent pid <*>, child pid <*>"),
    ("basefs", "Base filesystem installed in <*>"),
    ("child_init", "Child process initialized in <*>"),
    ("groups", "Warning: cleaning all supplementary groups"),
    ("seccomp_list", "Seccomp list in: <*>, check list: <*>, prelist: <*>"),
    ("caps", "Dropping all Linux capabilities and enforcing default seccomp filter"),
    ("tracelog", "Blacklist violations are logged to syslog"),
    ("violation", "blacklist violation - sandbox <*>, exe <*>, syscall <*>, path <*>"),
    ("monitor", "Sandbox monitor: waitpid <*> retval <*> status <*>"),
    ("shutdown", "Parent is shutting down, bye..."),
    ("rshell", "user <*> entering restricted shell"),
    ("nonet", "Warning: networking feature is disabled in Firejail configuration file"),
    ("noparent", "Error: cannot establish communication with the parent, exiting..."),
    ("nested", "Warning: an existing sandbox was detected. <*> will run without any "
               "additional sandboxing features"),
]
FIREJAIL_HEADER_RE = MONTH_RE + r" [ 1-3]\d \d\d:\d\d:\d\d [a-z0-9-]+ firejail\[\d+\]: "


def gen_firejail(rng):
    cy = Cycler(rng)
    ev = {e[0]: i for i, e in enumerate(FIREJAIL_EVENTS)}
    hosts = [("lt-maren", "maren"), ("ws-oduya", "oduya"), ("devbox-17", "tpetrak"),
             ("kiosk-lobby", "kiosk")]
    apps = ["firefox", "thunderbird", "vlc", "evince", "chromium", "transmission-gtk",
            "libreoffice", "gimp", "mpv", "keepassxc", "telegram-desktop", "zoom", "spotify",
            "okular", "signal-desktop"]
    includes = ["/etc/firejail/disable-common.inc", "/etc/firejail/disable-devel.inc",
                "/etc/firejail/disable-exec.inc", "/etc/firejail/disable-interpreters.inc",
                "/etc/firejail/disable-programs.inc", "/etc/firejail/whitelist-common.inc",
                "/etc/firejail/whitelist-var-common.inc", "/etc/firejail/globals.local",
                "/etc/firejail/whitelist-runuser-common.inc", "/etc/firejail/disable-xdg.inc"]
    rusers = ["guest", "kiosk", "contractor2", "exam07"]
    seccomp_in = ["@clock,@cpu-emulation,@debug,@module,@mount,@obsolete,@raw-io,@reboot,"
                  "@resources,@swap,acct,add_key,bpf,fanotify_init",
                  "@default,!chroot", "@default-nodebuggers,!ptrace", "@default"]
    seccomp_check = ["@default-keep", "@default-keep,mbind", "@default-keep,!io_uring_setup"]
    seccomp_pre = ["unknown,", "(null),"]
    syscalls = ["open64", "openat", "fopen64", "access", "stat", "opendir", "mkdir",
                "unlink", "readlink", "rename"]
    vpaths = ["/home/{u}/.ssh/id_ed25519", "/home/{u}/.gnupg/pubring.kbx", "/etc/shadow",
              "/home/{u}/.bash_history", "/home/{u}/.config/keepassxc/keepassxc.ini",
              "/run/user/1000/keyring/control", "/usr/bin/sudo", "/home/{u}/.aws/credentials",
              "/home/{u}/.local/share/recently-used.xbel", "/home/{u}/Documents/taxes-2025.ods",
              "/home/{u}/.config/autostart", "/etc/ssh/ssh_host_ed25519_key"]
    statuses = [0, 0, 256, 0, 9, 15, 0, 512]
    n_sb = 46
    rare = {}
    slots = rng.sample(range(1, 26), 15)
    for name, cnt in (("rshell", 4), ("nonet", 4), ("noparent", 3), ("nested", 4)):
        for _ in range(cnt):
            rare[slots.pop()] = name
    lines = []
    start = at(9, 2, 11, 300_000_000)
    for sb in range(n_sb):
        start += expo_ns(rng, 50.0)
        host, user = hosts[rng.randrange(len(hosts))]
        feature = rare.get(sb)
        app = "bash" if feature == "rshell" else apps[rng.randrange(len(apps))]
        pid = rng.randint(1800, 64000)
        child = pid + rng.choice([1, 1, 1, 2, 3])
        t = start
        own = []

        def emit(name, values, gap=0.012):
            nonlocal t
            t += expo_ns(rng, gap)
            own.append((t, name, values))

        if feature == "nested":
            emit("nested", [cy.cyc("nested", 0, apps)])
        else:
            if feature == "rshell":
                user = cy.cyc("rshell", 0, rusers)
                emit("rshell", [user])
            if rng.random() < 0.12:
                emit("profile", ["/home/%s/.config/firejail/%s.profile" % (user, app)])
            emit("profile", ["/etc/firejail/%s.profile" % (
                "default" if app == "bash" else app)])
            for inc in rng.sample(includes, rng.randint(1, 3)):
                emit("profile", [inc])
            if feature == "nonet":
                emit("nonet", [])
            emit("pids", [pid, child])
            if feature == "noparent":
                emit("noparent", [], gap=0.4)
            else:
                if rng.random() < 0.35:
                    emit("groups", [])
                emit("basefs", ["%.2f ms" % rng.uniform(8.0, 240.0)], gap=0.09)
                if rng.random() < 0.5:
                    emit("seccomp_list", [cy.cyc("sl", 0, seccomp_in),
                                          cy.cyc("sl", 1, seccomp_check),
                                          cy.cyc("sl", 2, seccomp_pre)])
                if rng.random() < 0.5:
                    emit("caps", [])
                traced = rng.random() < 0.28
                if traced:
                    emit("tracelog", [])
                emit("child_init", ["%.2f ms" % rng.uniform(40.0, 900.0)], gap=0.15)
                life = rng.uniform(15.0, 1100.0)
                end = t + int(life * NS)
                if traced:
                    for vt in sorted(rng.uniform(0.5, life) for _ in range(rng.randint(1, 5))):
                        path = cy.cyc("viol", 1, vpaths).format(u=user)
                        own.append((t + int(vt * NS), "violation",
                                    [pid, app, cy.cyc("viol", 0, syscalls), path]))
                t = max(end, own[-1][0])
                if rng.random() < 0.45:
                    emit("shutdown", [], gap=0.002)
                else:
                    emit("monitor", [child, child, cy.cyc("mon", 0, statuses)], gap=0.002)
        for n, (tt, name, values) in enumerate(own):
            header = "%s %s firejail[%d]: " % (ts_syslog(tt), host, pid)
            lines.append((tt, sb, n, header, fill(FIREJAIL_EVENTS[ev[name]][1], values), ev[name]))
    return merge_entities(lines)


# ============================================================ driver and self-check
SYSTEMS = [
    # (number, name, events, generator, header regex, timestamp key, kind)
    (1, "OssecHids", OSSEC_EVENTS, gen_ossec, OSSEC_HEADER_RE, ossec_key, "shuffle"),
    (2, "Tripwire", TRIPWIRE_EVENTS, gen_tripwire, TRIPWIRE_HEADER_RE, syslog_key, "simulation"),
    (3, "Rkhunter", RKHUNTER_EVENTS, gen_rkhunter, RKHUNTER_HEADER_RE, rkhunter_key, "shuffle"),
    (4, "Lynis", LYNIS_EVENTS, gen_lynis, LYNIS_HEADER_RE, lynis_key, "shuffle"),
    (5, "Chkrootkit", CHKROOTKIT_EVENTS, gen_chkrootkit, CHKROOTKIT_HEADER_RE, syslog_key,
     "shuffle"),
    (6, "Firejail", FIREJAIL_EVENTS, gen_firejail, FIREJAIL_HEADER_RE, syslog_key, "simulation"),
]


def write_system(name, events, records):
    d = os.path.join(OUT_DIR, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="") as f:
        for _, header, content, _ in records:
            f.write(header + content + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8",
              newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for n, (_, _, content, e) in enumerate(records, 1):
            w.writerow([n, content, "E%d" % (e + 1), events[e][1]])


def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


def check_system(name, events, header_re, ts_key):
    errors = []
    d = os.path.join(OUT_DIR, name)
    log_path = os.path.join(d, name + ".log")
    csv_path = os.path.join(d, name + ".log_structured.csv")
    for p in (log_path, csv_path):
        with open(p, "rb") as f:
            data = f.read()
        if not data.endswith(b"\n"):
            errors.append("%s does not end with newline" % p)
        if b"\r" in data:
            errors.append("%s contains CR" % p)
    with open(log_path, encoding="utf-8", newline="") as f:
        raw = f.read().split("\n")[:-1]
    with open(csv_path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errors.append("bad csv header")
    rows = rows[1:]
    if len(raw) != N_LINES or len(rows) != N_LINES:
        errors.append("line/row count %d/%d" % (len(raw), len(rows)))
    hre = re.compile(header_re)
    declared = {"E%d" % (i + 1): ev[1] for i, ev in enumerate(events)}
    tmpl_of = {}
    counts = {}
    captures = {}
    prev = None
    for n, (line, row) in enumerate(zip(raw, rows), 1):
        if len(row) != 4:
            errors.append("row %d has %d columns" % (n, len(row)))
            continue
        lid, content, eid, tmpl = row
        if lid != str(n):
            errors.append("row %d LineId %s" % (n, lid))
        if not content or content != content.strip() or "\n" in content:
            errors.append("row %d content empty or unstripped" % n)
        if not line.endswith(content):
            errors.append("line %d does not end with its content" % n)
            continue
        header = line[:len(line) - len(content)]
        if not hre.fullmatch(header):
            errors.append("line %d header %r does not match" % (n, header))
            continue
        key = ts_key(header)
        if prev is not None and key < prev:
            errors.append("line %d timestamp goes back" % n)
        prev = key
        if not re.fullmatch(r"E\d+", eid):
            errors.append("row %d bad EventId %s" % (n, eid))
        if tmpl_of.setdefault(eid, tmpl) != tmpl:
            errors.append("EventId %s has two templates" % eid)
        if declared.get(eid) != tmpl:
            errors.append("row %d template differs from declaration" % n)
        counts[eid] = counts.get(eid, 0) + 1
        m = template_regex(tmpl).fullmatch(content)
        if not m:
            errors.append("row %d content does not match template" % n)
            continue
        for s, v in enumerate(m.groups()):
            captures.setdefault((eid, s), set()).add(v)
    if len(set(tmpl_of.values())) != len(tmpl_of):
        errors.append("two EventIds share a template")
    if len(set(declared.values())) != len(declared):
        errors.append("declared templates not distinct")
    unused = sorted(set(declared) - set(counts), key=lambda e: int(e[1:]))
    if unused:
        errors.append("declared events unused: %s" % ",".join(unused))
    for (eid, s), vals in sorted(captures.items()):
        if len(vals) < 2:
            errors.append("%s slot %d has a single value %r" % (eid, s + 1, next(iter(vals))))
    for eid, tmpl in declared.items():
        if eid in counts and tmpl.count("<*>") and any(
                (eid, s) not in captures for s in range(tmpl.count("<*>"))):
            errors.append("%s slots not captured" % eid)
    c = sorted(counts.values())
    if not 12 <= len(declared) <= 15:
        errors.append("%d event types" % len(declared))
    if c and c[0] < 3:
        errors.append("an event has fewer than 3 lines: %s" % {
            k: v for k, v in counts.items() if v < 3})
    if sum(1 for v in c if 3 <= v <= 10) < 3:
        errors.append("fewer than 3 events with 3-10 lines")
    med = statistics.median(c) if c else 0
    if c and c[-1] < 3 * med:
        errors.append("largest %d < 3 x median %s" % (c[-1], med))
    return errors, counts, med


def main():
    failed = False
    for k, name, events, gen, header_re, ts_key, kind in SYSTEMS:
        rng = random.Random(BASE_SEED * 10 + k)
        records = gen(rng)
        ts = [r[0] for r in records]
        if len(records) != N_LINES or ts != sorted(ts):
            print("%s: generator produced %d records or unsorted times" % (name, len(records)))
            failed = True
        write_system(name, events, records)
        errors, counts, med = check_system(name, events, header_re, ts_key)
        c = sorted(counts.values())
        print("%-11s %-10s events=%2d lines=%d min=%d median=%s max=%d small(3-10)=%d  %s" % (
            name, kind, len(counts), sum(c), c[0] if c else 0, med, c[-1] if c else 0,
            sum(1 for v in c if 3 <= v <= 10), "OK" if not errors else "FAIL"))
        for e in errors:
            print("    " + e)
        failed = failed or bool(errors)
    if failed:
        print("self-check FAILED")
        sys.exit(1)
    print("self-check passed")


if __name__ == "__main__":
    main()
