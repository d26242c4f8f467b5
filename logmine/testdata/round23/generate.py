#!/usr/bin/env python3
"""Round 23: a blind corpus for the log template miner.

Writes six systems x 300 labelled log lines next to this script and then
self-checks the result.  Python 3 standard library only; fully deterministic
(seed 20270101, integer nanosecond clock on 2026-03-14 UTC, no wall time, no
locale-dependent formatting).
"""
import csv
import heapq
import os
import random
import re
import statistics
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20270101
NS = 10 ** 9
N_LINES = 300
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
DAY = int((datetime(2026, 3, 14, tzinfo=timezone.utc) - EPOCH).total_seconds()) * NS
MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def civil(ns):
    """(datetime to the second, nanoseconds within the second), UTC."""
    return EPOCH + timedelta(seconds=ns // NS), ns % NS


def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v and v == v.strip(), (template, v)
        out.append(v)
        out.append(p)
    return "".join(out)


class System:
    def __init__(self, name, k, header_re, time_re):
        self.name = name
        self.rng = random.Random(SEED * 10 + k)
        self.header_re = header_re
        self.time_re = time_re
        self.events = []          # (key, template, meta)
        self.index = {}
        self.lines = []           # (ns, seq, header, content, eid)
        self.seq = 0
        self.cycles = {}

    def declare(self, key, template, **meta):
        assert key not in self.index
        self.index[key] = len(self.events)
        self.events.append((key, template, meta))

    def eid(self, key):
        return "E%d" % (self.index[key] + 1)

    def meta(self, key):
        return self.events[self.index[key]][2]

    def cyc(self, key, slot, pool):
        """Cycling pool per (event, slot): every value shows up in turn."""
        k = (key, slot)
        if k not in self.cycles:
            self.cycles[k] = self.rng.randrange(len(pool))
        v = pool[self.cycles[k] % len(pool)]
        self.cycles[k] += 1
        return v

    def add(self, ns, header, key, *values):
        content = fill(self.events[self.index[key]][1], values)
        self.lines.append((int(ns), self.seq, header, content, self.eid(key)))
        self.seq += 1

    def finish(self):
        self.lines.sort(key=lambda x: (x[0], x[1]))
        assert len(self.lines) >= N_LINES, (self.name, len(self.lines))
        self.lines = self.lines[:N_LINES]


def shuffled_run(S, counts, start_ns, mean_gap_s, gen):
    """Seeded shuffle of fixed per-event counts, stamped by a forward-only
    clock with exponential gaps."""
    assert sum(counts.values()) == N_LINES, (S.name, sum(counts.values()))
    seq = [k for k, _, _ in S.events for _ in range(counts[k])]
    S.rng.shuffle(seq)
    t = start_ns
    for key in seq:
        t += int(S.rng.expovariate(1.0 / mean_gap_s) * NS) + 1000
        gen(key, t)


def hexs(rng, n, alphabet="0123456789ABCDEF"):
    return "".join(rng.choice(alphabet) for _ in range(n))


# ---------------------------------------------------------------------------
# TiKV  (k=0, shuffle)
#   [2026/03/14 02:00:01.123 +00:00] [INFO] [raft.rs:1330] ["msg"] [k=v] ...
# ---------------------------------------------------------------------------
def build_tikv(S):
    D = S.declare
    D("follower", '["became follower at term <*>"] [term=<*>] [raft_id=<*>] [region_id=<*>]',
      lvl="INFO", src="raft.rs:1330")
    D("candidate", '["became candidate at term <*>"] [term=<*>] [raft_id=<*>] [region_id=<*>]',
      lvl="INFO", src="raft.rs:1288")
    D("leader", '["became leader at term <*>"] [term=<*>] [raft_id=<*>] [region_id=<*>]',
      lvl="INFO", src="raft.rs:1357")
    D("election", '["starting a new election"] [term=<*>] [raft_id=<*>] [region_id=<*>]',
      lvl="INFO", src="raft.rs:1543")
    D("votes", '["received votes response"] [term=<*>] [type=<*>] [approvals=<*>] '
      '[rejections=<*>] [from=<*>] [vote=<*>] [raft_id=<*>] [region_id=<*>]',
      lvl="INFO", src="raft.rs:1620")
    D("batch_split", '["try to batch split region"] [region_id=<*>] '
      '[new_region_ids="[new_region_id: <*> new_peer_ids: [<*>, <*>, <*>]]"] '
      '[region="id: <*> start_key: <*> end_key: <*> region_epoch { conf_ver: <*> version: <*> }"] '
      '[task=batch_split]', lvl="INFO", src="pd.rs:562")
    D("on_split", '["on split"] [split_keys="<*>"] [peer_id=<*>] [region_id=<*>]',
      lvl="INFO", src="peer.rs:3416")
    D("snap_del", '["deleting applied snap file"] [snap_file=<*>]',
      lvl="INFO", src="snap.rs:1290")
    D("snap_begin", '["begin to apply snapshot"] [peer_id=<*>] [region_id=<*>]',
      lvl="INFO", src="peer_storage.rs:1068")
    D("apply_data", '["apply new data"] [time_takes=<*>] [region_id=<*>]',
      lvl="INFO", src="region.rs:462")
    D("send_fail_peer", '["failed to send raft message"] [err="<*>"] [to_peer_id=<*>] [region_id=<*>]',
      lvl="WARN", src="raft_client.rs:1021")
    D("send_fail", '["failed to send raft message"] [err="<*>"] [region_id=<*>]',
      lvl="ERROR", src="raft_client.rs:1043")
    D("gc_start", '["gc_worker: auto gc starts"] [safe_point=<*>]',
      lvl="INFO", src="gc_manager.rs:391")
    D("gc_done", '["gc_worker: auto gc finishes"] [processed_regions=<*>]',
      lvl="INFO", src="gc_manager.rs:452")
    D("hb_closed", '["region heartbeat stream closed, reconnecting to PD"]',
      lvl="WARN", src="client.rs:548")

    rng = S.rng
    counts = dict(follower=80, candidate=12, leader=12, election=12, votes=36,
                  batch_split=6, on_split=6, snap_del=30, snap_begin=14,
                  apply_data=14, send_fail_peer=25, send_fail=8, gc_start=5,
                  gc_done=5, hb_closed=35)
    next_id = [41000]

    def new_id():
        next_id[0] += rng.randint(1, 3)
        return next_id[0]

    regions = {}
    for rid in sorted(rng.sample(range(2, 9000), 30)):
        regions[rid] = dict(peers=[new_id() for _ in range(3)], term=rng.randint(5, 40),
                            index=rng.randint(10, 90000), conf=rng.randint(1, 6),
                            ver=rng.randint(1, 120))
    rids = sorted(regions)
    errs_peer = [
        'Grpc(RpcFailure(RpcStatus { code: 14-UNAVAILABLE, message: \\"failed to connect to all addresses\\", details: [] }))',
        'Grpc(RpcFailure(RpcStatus { code: 4-DEADLINE_EXCEEDED, message: \\"Deadline Exceeded\\", details: [] }))',
        "channel is full",
        "store 4 is tombstone",
    ]
    errs = ["channel is disconnected", "raft client is shutting down",
            'Grpc(RpcFailure(RpcStatus { code: 1-CANCELLED, message: \\"Cancelled\\", details: [] }))']

    def key_hex():
        return "7480000000000000FF" + hexs(rng, rng.choice([6, 14, 30, 44]))

    def duration():
        kind = rng.choice("mmmus")
        if kind == "m":
            return "%.6fms" % rng.uniform(1.0, 950.0)
        if kind == "u":
            return "%.1f\u00b5s" % rng.uniform(80.0, 999.0)
        return "%.6fs" % rng.uniform(1.0, 14.0)

    def header(key, t):
        d, frac = civil(t)
        m = S.meta(key)
        return "[%s.%03d +00:00] [%s] [%s] " % (d.strftime("%Y/%m/%d %H:%M:%S"),
                                                frac // 10 ** 6, m["lvl"], m["src"])

    def gen(key, t):
        rid = rng.choice(rids)
        r = regions[rid]
        me = r["peers"][0]
        h = header(key, t)
        if key == "follower":
            r["term"] += rng.choice([0, 1, 1])
            S.add(t, h, key, r["term"], r["term"], me, rid)
        elif key == "candidate":
            r["term"] += 1
            S.add(t, h, key, r["term"], r["term"], me, rid)
        elif key == "leader":
            S.add(t, h, key, r["term"], r["term"], me, rid)
        elif key == "election":
            S.add(t, h, key, r["term"], me, rid)
        elif key == "votes":
            S.add(t, h, key, r["term"],
                  S.cyc(key, "type", ["MsgRequestVoteResponse", "MsgRequestPreVoteResponse"]),
                  rng.randint(1, 3), rng.randint(0, 1), rng.choice(r["peers"][1:]),
                  S.cyc(key, "vote", ["true", "true", "false"]), me, rid)
        elif key == "batch_split":
            nr = new_id()
            peers = [new_id() for _ in range(3)]
            r["ver"] += 1
            S.add(t, h, key, rid, nr, peers[0], peers[1], peers[2], rid, key_hex(), key_hex(),
                  r["conf"], r["ver"])
        elif key == "on_split":
            n = S.cyc(key, "nkeys", [1, 2, 1, 3])
            keys = ", ".join("key " + key_hex() for _ in range(n))
            S.add(t, h, key, keys, me, rid)
        elif key == "snap_del":
            r["index"] += rng.randint(5, 4000)
            S.add(t, h, key, "%d_%d_%d_%s" % (rid, r["term"], r["index"],
                                              S.cyc(key, "cf", ["default", "lock", "write"])))
        elif key == "snap_begin":
            S.add(t, h, key, me, rid)
        elif key == "apply_data":
            S.add(t, h, key, duration(), rid)
        elif key == "send_fail_peer":
            S.add(t, h, key, S.cyc(key, "err", errs_peer), rng.choice(r["peers"][1:]), rid)
        elif key == "send_fail":
            S.add(t, h, key, S.cyc(key, "err", errs), rid)
        elif key == "gc_start":
            physical_ms = (t - 10 * 60 * NS) // 10 ** 6
            S.add(t, h, key, (physical_ms << 18) + rng.randint(0, 40))
        elif key == "gc_done":
            S.add(t, h, key, rng.randint(3, 2400))
        elif key == "hb_closed":
            S.add(t, h, key)

    shuffled_run(S, counts, DAY + 2 * 3600 * NS + 117 * 10 ** 6, 0.9, gen)


# ---------------------------------------------------------------------------
# ProxySQL  (k=1, shuffle)
#   2026-03-14 04:00:01 MySQL_Monitor.cpp:1466:monitor_ping_thread(): [ERROR] msg
#   2026-03-14 04:00:01 [INFO] msg
# ---------------------------------------------------------------------------
def build_proxysql(S):
    D = S.declare
    D("shun", "Shunning server <*>:<*> with <*> errors/sec. Shunning for <*> seconds",
      lvl="ERROR", src=["MySQL_HostGroups_Manager.cpp:254:connect_error()"])
    D("missed_hb", "Server <*>:<*> missed <*> heartbeats, shunning it and killing all the "
      "connections. Disabling other checks until the node comes back online.",
      lvl="ERROR", src=["MySQL_Monitor.cpp:2835:monitor_ping()"])
    D("err_after", "Error after <*> on server <*>:<*> : <*>",
      lvl="ERROR", src=["MySQL_Monitor.cpp:1466:monitor_ping_thread()",
                        "MySQL_Monitor.cpp:1218:monitor_connect_thread()"])
    D("ro_timeout", "Timeout on read_only check for <*>:<*> after <*>. Unable to create a "
      "connection. If the server is overload, increase mysql-monitor_connect_timeout. "
      "Error: <*>.", lvl="ERROR", src=["MySQL_Monitor.cpp:1729:monitor_read_only_thread()"])
    D("broken", "Detected a broken connection while running query on (<*>,<*>,<*>,<*>) , "
      "FD (Conn:<*> , MyDS:<*>) , user <*> , last_used <*> ago : <*>, <*>",
      lvl="ERROR", src=["MySQL_Session.cpp:4189:handler_minus1_ClientLibraryError()"])
    D("query_err", "Error during query on (<*>,<*>,<*>,<*>): <*>, <*>",
      lvl="WARNING", src=["MySQL_Session.cpp:4263:handler_minus1_LogErrorDuringQuery()"])
    D("denied", "ProxySQL Error: Access denied for user '<*>'@'<*>' (using password: <*>)",
      lvl="ERROR",
      src=["MySQL_Session.cpp:5921:handler___status_CONNECTING_CLIENT___STATE_SERVER_HANDSHAKE()"])
    D("load", "Received LOAD MYSQL <*> TO RUNTIME command",
      lvl="INFO", src=["ProxySQL_Admin.cpp:3882:admin_session_handler()"])
    D("save", "Received SAVE MYSQL <*> TO DISK command",
      lvl="INFO", src=["ProxySQL_Admin.cpp:4021:admin_session_handler()"])
    D("dump_all", "Dumping current MySQL Servers structures for hostgroup ALL",
      lvl="INFO", src=["MySQL_HostGroups_Manager.cpp:1876:commit()"])
    D("dump", "Dumping <*>", lvl="INFO", src=[None])
    D("unhealthy", "Closing unhealthy client connection <*>:<*>",
      lvl="WARNING", src=["MySQL_Thread.cpp:3967:process_all_sessions()"])
    D("checksum", "Cluster: detected a new checksum for <*> from peer <*>:6032, version <*>, "
      "epoch <*>, checksum <*> . Not syncing yet ...",
      lvl="INFO", src=["ProxySQL_Cluster.cpp:849:set_checksums()"])
    D("peer_sync", "Cluster: detected peer <*>:6032 with <*> version <*>, epoch <*>, "
      "diff_check <*>. Own version: <*>, epoch: <*>. Proceeding with remote sync",
      lvl="INFO", src=["ProxySQL_Cluster.cpp:1016:set_checksums()"])
    D("fetching", "Cluster: Fetching <*> from peer <*>:6032 started. Expected checksum <*>",
      lvl="INFO", src=[None])

    rng = S.rng
    counts = dict(shun=12, missed_hb=6, err_after=40, ro_timeout=8, broken=30, query_err=80,
                  denied=25, load=9, save=6, dump_all=9, dump=18, unhealthy=20,
                  checksum=15, peer_sync=12, fetching=10)
    servers = [("10.20.0.11", 3306), ("10.20.0.12", 3306), ("10.20.0.13", 3307),
               ("10.20.0.14", 3306)]
    hg_of = {"10.20.0.11": 10, "10.20.0.12": 20, "10.20.0.13": 20, "10.20.0.14": 30}
    peers = ["10.20.1.5", "10.20.1.6", "10.20.1.7"]
    modules = ["mysql_servers", "mysql_users", "mysql_query_rules", "mysql_variables",
               "proxysql_servers"]
    clients = ["10.20.8.31", "10.20.8.32", "10.20.9.104", "172.16.4.9"]
    users = ["app", "reporting", "etl_loader", "grafana"]
    versions = {m: rng.randint(3, 40) for m in modules}
    epoch0 = (DAY + 4 * 3600 * NS) // NS

    def conn_err(host):
        return S.cyc("err_after", "err", [
            "timeout on creating new connection: Can't connect to MySQL server on '%s' (115)" % host,
            "timeout",
            "Lost connection to MySQL server at 'reading initial communication packet', system error: 104",
            "Access denied for user 'monitor'@'10.20.1.5' (using password: YES)",
        ])

    query_errs = [
        (1146, "Table 'shop.orders_2019' doesn't exist"),
        (1062, "Duplicate entry '%d' for key 'PRIMARY'"),
        (1205, "Lock wait timeout exceeded; try restarting transaction"),
        (1213, "Deadlock found when trying to get lock; try restarting transaction"),
        (1064, "You have an error in your SQL syntax; check the manual that corresponds to your "
               "MySQL server version for the right syntax to use near 'FORM customers WHERE id=%d' "
               "at line 1"),
        (3024, "Query execution was interrupted, maximum statement execution time exceeded"),
    ]

    def header(key, t):
        d, _ = civil(t)
        m = S.meta(key)
        src = rng.choice(m["src"])
        ts = d.strftime("%Y-%m-%d %H:%M:%S")
        if src is None:
            return "%s [%s] " % (ts, m["lvl"])
        return "%s %s: [%s] " % (ts, src, m["lvl"])

    def gen(key, t):
        h = header(key, t)
        if key == "shun":
            host, port = S.cyc(key, "srv", servers)
            S.add(t, h, key, host, port, rng.randint(5, 60), S.cyc(key, "for", [10, 10, 30]))
        elif key == "missed_hb":
            host, port = S.cyc(key, "srv", servers)
            S.add(t, h, key, host, port, S.cyc(key, "n", [3, 3, 5]))
        elif key == "err_after":
            host, port = S.cyc(key, "srv", servers)
            S.add(t, h, key, "%dms" % rng.randint(1000, 2400), host, port, conn_err(host))
        elif key == "ro_timeout":
            host, port = S.cyc(key, "srv", servers)
            S.add(t, h, key, host, port, "%dms" % rng.randint(600, 1500),
                  "timeout on creating new connection: Can't connect to MySQL server on '%s' (%d)"
                  % (host, S.cyc(key, "errno", [110, 115])))
        elif key == "broken":
            host, port = S.cyc(key, "srv", servers)
            fd = rng.randint(18, 240)
            errno, msg = S.cyc(key, "e", [(2013, "Lost connection to MySQL server during query"),
                                          (2006, "MySQL server has gone away")])
            S.add(t, h, key, hg_of[host], host, port, rng.randint(1000, 99999), fd, fd,
                  S.cyc(key, "user", users), "%dms" % rng.choice([rng.randint(0, 90),
                                                                  rng.randint(1000, 900000)]),
                  errno, msg)
        elif key == "query_err":
            host, port = rng.choice(servers)
            errno, msg = rng.choice(query_errs)
            if "%d" in msg:
                msg = msg % rng.randint(10, 99999)
            S.add(t, h, key, hg_of[host], host, port, rng.randint(1000, 99999), errno, msg)
        elif key == "denied":
            S.add(t, h, key, S.cyc(key, "user", ["app", "root", "reporting", "wordpress"]),
                  rng.choice(clients), S.cyc(key, "pw", ["YES", "YES", "NO"]))
        elif key == "load":
            S.add(t, h, key, S.cyc(key, "what", ["SERVERS", "USERS", "QUERY RULES", "VARIABLES"]))
        elif key == "save":
            S.add(t, h, key, S.cyc(key, "what", ["SERVERS", "USERS", "QUERY RULES", "VARIABLES"]))
        elif key == "dump_all":
            S.add(t, h, key)
        elif key == "dump":
            S.add(t, h, key, S.cyc(key, "what", [
                "mysql_servers_incoming", "mysql_servers",
                "mysql_servers LEFT JOIN mysql_servers_incoming",
                "mysql_replication_hostgroups"]))
        elif key == "unhealthy":
            S.add(t, h, key, rng.choice(clients), rng.randint(32768, 60999))
        elif key == "checksum":
            mod = S.cyc(key, "mod", modules)
            versions[mod] += 1
            S.add(t, h, key, mod, S.cyc(key, "peer", peers), versions[mod],
                  t // NS - rng.randint(0, 3), "0x" + hexs(rng, 16))
        elif key == "peer_sync":
            mod = S.cyc(key, "mod", modules)
            v = versions[mod]
            S.add(t, h, key, S.cyc(key, "peer", peers), mod, v + 1, t // NS - rng.randint(1, 4),
                  rng.randint(3, 12), v, epoch0 - rng.randint(60, 86400))
        elif key == "fetching":
            S.add(t, h, key, S.cyc(key, "mod", modules), S.cyc(key, "peer", peers),
                  "0x" + hexs(rng, 16))

    shuffled_run(S, counts, DAY + 4 * 3600 * NS + 3 * NS, 2.4, gen)


# ---------------------------------------------------------------------------
# pgpool-II  (k=2, simulation: client sessions, health checks, failover)
#   2026-03-14 09:00:02.118: shop-api pid 1187: LOG:  msg
# ---------------------------------------------------------------------------
def build_pgpool(S):
    D = S.declare
    D("newconn", "new connection received")
    D("connecting", "connecting host=<*> port=<*>")
    D("stmt", "statement: <*>")
    D("node_stmt", "DB node id: <*> backend pid: <*> statement: <*>")
    D("disconn", "frontend disconnection: session time: <*> user=<*> database=<*> host=<*> port=<*>")
    D("hc_retry", "health check retrying on DB node: <*> (round:<*>)")
    D("persist_fail", "failed to make persistent db connection")
    D("conn_host_fail", 'connection to host:"<*>:<*>" failed')
    D("hc_failed", "health check failed on node <*> (timeout:<*>)")
    D("degenerate", "received degenerate backend request for node_id: <*> from pid [<*>]")
    D("failback", "received failback request for node_id: <*> from pid [<*>]")
    D("degeneration", "starting degeneration. shutdown host <*>(<*>)")
    D("new_primary", "failover: set new primary node: <*>")
    D("new_main", "failover: set new main node: <*>")
    D("sr_behind", "Replication of node: <*> is behind <*> bytes from the primary server (node: <*>)")

    rng = S.rng
    T0 = DAY + 9 * 3600 * NS + 2 * NS + 118 * 10 ** 6
    nodes = [("pg-node1", 5432), ("pg-node2", 5432), ("pg-node3", 5433)]
    main_pid, sr_pid = 1104, 1130
    hc_pid = {0: 1131, 1: 1132, 2: 1133}
    children = sorted(rng.sample(range(1140, 1420), 32))
    child_free = {c: 0.0 for c in children}
    # (node, fail at, back at, connect timed out?)
    outages = [(2, 48.0, 109.0, 0), (1, 146.0, 203.0, 1), (0, 238.0, 291.0, 0)]

    def header(t, app, pid, lvl):
        d, frac = civil(T0 + int(t * NS))
        return "%s.%03d: %s pid %d: %s:  " % (d.strftime("%Y-%m-%d %H:%M:%S"), frac // 10 ** 6,
                                              app, pid, lvl)

    def add(t, app, pid, lvl, key, *v):
        S.add(T0 + int(t * NS), header(t, app, pid, lvl), key, *v)

    def up(n, t):
        return not any(o[0] == n and o[1] <= t < o[2] for o in outages)

    switch = [float("inf")]   # when pgpool promotes node 1 (set by the node-0 failover)

    def primary(t):
        return 0 if t < switch[0] else 1

    def epoch(n, t):
        return sum(1 for o in outages if o[0] == n and o[1] <= t)

    backend = {}

    def bpid(child, n, t):
        k = (child, n, epoch(n, t))
        if k not in backend:
            backend[k] = rng.randint(20000, 64000)
        return backend[k]

    # --- outages, failover and failback ---
    blackout = []   # no client session straddles a failover (pgpool restarts its children)
    for n, tf, tb, to in outages:
        host, port = nodes[n]
        t = tf
        for rnd in range(1, 4):
            add(t, "health_check%d" % n, hc_pid[n], "ERROR", "persist_fail")
            add(t, "health_check%d" % n, hc_pid[n], "DETAIL", "conn_host_fail", host, port)
            add(t + 0.001, "health_check%d" % n, hc_pid[n], "LOG", "hc_retry", n, rnd)
            t += 1.0 + (10.0 if to else rng.uniform(0.001, 0.01))
        add(t, "health_check%d" % n, hc_pid[n], "ERROR", "persist_fail")
        add(t, "health_check%d" % n, hc_pid[n], "DETAIL", "conn_host_fail", host, port)
        add(t + 0.001, "health_check%d" % n, hc_pid[n], "LOG", "hc_failed", n, to)
        t += rng.uniform(0.003, 0.02)
        add(t, "main", main_pid, "LOG", "degenerate", n, hc_pid[n])
        add(t + 0.002, "main", main_pid, "LOG", "degeneration", host, port)
        p = 1 if n == 0 else 0
        if n == 0:
            switch[0] = t + 0.04
        add(t + 0.04, "main", main_pid, "LOG", "new_primary", p)
        add(t + 0.041, "main", main_pid, "LOG", "new_main", p)
        blackout.append((tf - 12.0, t + 0.5))
        pcp = rng.randint(30000, 39999)
        add(tb, "main", main_pid, "LOG", "failback", n, pcp)
        add(tb + 0.03, "main", main_pid, "LOG", "new_primary", primary(tb))
        add(tb + 0.031, "main", main_pid, "LOG", "new_main", primary(tb))

    # --- streaming replication check worker ---
    t = 5.0
    while t < 700:
        for n in range(3):
            if n != primary(t) and up(n, t) and rng.random() < 0.22:
                add(t, "sr_check_worker", sr_pid, "LOG", "sr_behind", n,
                    rng.choice([rng.randint(10 ** 7, 9 * 10 ** 7), rng.randint(10 ** 7, 2 * 10 ** 9)]),
                    primary(t))
        t += 10.0

    # --- client sessions ---
    apps = {
        "shop-api": dict(user="shop", db="shop", hosts=["10.30.5.11", "10.30.5.12"], w=5),
        "billing-worker": dict(user="billing", db="shop", hosts=["10.30.5.40"], w=2),
        "psql": dict(user="postgres", db="postgres", hosts=["10.30.9.2", "192.168.40.17"], w=1),
        "metabase": dict(user="metabase_ro", db="shop", hosts=["10.30.7.40"], w=2),
    }
    app_names = [a for a in apps for _ in range(apps[a]["w"])]
    rng.shuffle(app_names)

    def script(app):
        n = rng.randint(10, 99999)
        c = rng.randint(1, 9000)
        if app == "shop-api":
            browse = ["SELECT id, name, price FROM products WHERE id = %d" % rng.randint(10, 99999)
                      for _ in range(rng.randint(1, 3))]
            return rng.choice([
                browse,
                browse + ["BEGIN",
                          "UPDATE stock SET qty = qty - 1 WHERE product_id = %d" % n,
                          "INSERT INTO orders (customer_id, product_id, qty) VALUES (%d, %d, 1) RETURNING id" % (c, n),
                          "INSERT INTO order_events (order_id, kind) VALUES (%d, 'created')" % rng.randint(10 ** 5, 10 ** 6),
                          "COMMIT"],
                ["SELECT * FROM customers WHERE id = %d" % c,
                 "SELECT id, status, total FROM orders WHERE customer_id = %d ORDER BY id DESC LIMIT 20" % c,
                 "SELECT count(*) FROM cart_items WHERE customer_id = %d" % c],
            ])
        if app == "billing-worker":
            out = ["SELECT id FROM invoices WHERE status = 'pending' ORDER BY id LIMIT 50"]
            for _ in range(rng.randint(1, 3)):
                out += ["BEGIN",
                        "UPDATE invoices SET status = 'sent', sent_at = now() WHERE id = %d" % rng.randint(10, 99999),
                        "COMMIT"]
            return out
        if app == "psql":
            return rng.choice([["SELECT 1"],
                               ["SELECT pg_is_in_recovery()",
                                "SELECT count(*) FROM orders WHERE created_at > now() - interval '1 day'"],
                               ["SHOW pool_nodes", "SELECT now()"]])
        return ["SET extra_float_digits = 3", "SET application_name = 'Metabase v0.49.6'",
                "SELECT date_trunc('day', created_at) AS day, sum(total) FROM orders "
                "WHERE created_at >= '2026-03-01' GROUP BY 1 ORDER BY 1",
                "SELECT status, count(*) FROM orders GROUP BY status"]

    writes = ("BEGIN", "UPDATE", "INSERT", "COMMIT", "SET")
    t = 1.3
    while t < 700:
        t += rng.expovariate(1.0 / 22.0)
        for b0, b1 in blackout:
            if b0 <= t < b1:
                t = b1 + rng.uniform(0.5, 4.0)
        free = [c for c in children if child_free[c] <= t]
        child = rng.choice(free)
        app = S.cyc("disconn", "app", app_names)
        a = apps[app]
        host = rng.choice(a["hosts"])
        port = rng.randint(40000, 60999)
        add(t, "child", child, "LOG", "newconn")
        add(t, "child", child, "DETAIL", "connecting", host, port)
        ups = [n for n in range(3) if up(n, t)]
        lb = rng.choice(ups)
        st = t + rng.uniform(0.002, 0.02)
        for sql in script(app):
            st += rng.uniform(0.001, 0.4) if app != "metabase" else rng.uniform(0.2, 2.5)
            add(st, app, child, "LOG", "stmt", sql)
            node = primary(st) if sql.startswith(writes) else (lb if up(lb, st) else primary(st))
            add(st + 0.0004, app, child, "LOG", "node_stmt", node, bpid(child, node, st), sql)
        end = st + rng.uniform(0.001, 0.05)
        dur = end - t
        ms = int(dur * 1000)
        add(end, app, child, "LOG", "disconn",
            "%d:%02d:%02d.%03d" % (ms // 3600000, ms // 60000 % 60, ms // 1000 % 60, ms % 1000),
            a["user"], a["db"], host, port)
        child_free[child] = end


# ---------------------------------------------------------------------------
# OpenDKIM via syslog  (k=3, simulation: messages through two MTAs, restarts)
#   Mar 14 11:00:03 mx1 opendkim[812]: 4F2A31C0E3: DKIM verification successful
# ---------------------------------------------------------------------------
def build_opendkim(S):
    D = S.declare
    D("signed", "<*>: DKIM-Signature field added (s=<*>, d=<*>)")
    D("verified", "<*>: DKIM verification successful")
    D("not_internal", "<*>: <*> [<*>] not internal")
    D("not_auth", "<*>: not authenticated")
    D("no_sig", "<*>: no signature data")
    D("bad_sig", "<*>: bad signature data")
    D("ssl_err", "<*>: s=<*> d=<*> SSL error:<*>")
    D("key_nf", "<*>: key retrieval failed (s=<*>, d=<*>): '<*>' record not found")
    D("key_fail", "<*>: key retrieval failed (s=<*>, d=<*>)")
    D("no_table", "<*>: no signing table match for '<*>'")
    D("spoof", "<*>: external host <*> attempted to send as <*>")
    D("starting", "OpenDKIM Filter v<*> starting (args: <*>)")
    D("terminating", "OpenDKIM Filter v<*> terminating with status 0, errno = 0")
    D("has_sigs", "<*>: message has signatures from <*>")

    rng = S.rng
    T0 = DAY + 11 * 3600 * NS + 3 * NS
    hosts = {
        "mx1": dict(pid=812, ver="2.11.0", long_ids=False,
                    args="-P /run/opendkim/opendkim.pid -p local:/run/opendkim/opendkim.sock",
                    own=["example.org", "lists.example.org"]),
        "mx2": dict(pid=1409, ver="2.10.3", long_ids=True,
                    args="-x /etc/opendkim.conf -u opendkim -P /var/run/opendkim/opendkim.pid "
                         "-p inet:8891@localhost",
                    own=["example.net"]),
    }
    senders = [  # (client host, ip, selector, domain)
        ("mail-ej1-f51.google.com", "209.85.218.51", "20230601", "gmail.com"),
        ("mail-wr1-f44.google.com", "209.85.221.44", "20230601", "gmail.com"),
        ("out-18.smtp.github.com", "192.30.252.201", "pf2023", "github.com"),
        ("a8-33.smtp-out.amazonses.com", "54.240.8.33",
         "224i4yxa5dv7c2xz3womw6peuasteono", "amazonses.com"),
        ("mail132-17.atl131.mcdlv.net", "198.2.132.17", "k2", "mcdlv.net"),
        ("mo4-p00-ob.smtp.rzone.de", "81.169.146.161", "strato-dkim-0002", "strato.de"),
        ("[203.0.113.77]", "203.0.113.77", "default", "shop-deals.example.com"),
        ("[198.51.100.240]", "198.51.100.240", "s1", "newsletter.example.biz"),
    ]
    deck = (["in_ok"] * 38 + ["in_multi"] * 9 + ["in_unsigned"] * 25 + ["in_badsig"] * 4 +
            ["in_nokey"] * 4 + ["in_keyfail"] * 4 + ["in_spoof"] * 3 +
            ["out_signed"] * 28 + ["out_nomatch"] * 4)
    rng.shuffle(deck)
    # restarts before these message indexes
    restarts = {18: "mx1", 47: "mx2", 70: "mx1"}
    qchars = "0123456789ABCDEFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz"
    seen = set()

    def qid(hn):
        while True:
            if hosts[hn]["long_ids"]:
                q = "4d" + hexs(rng, rng.randint(9, 12), qchars)
            else:
                q = hexs(rng, rng.choice([10, 10, 11]))
            if q not in seen:
                seen.add(q)
                return q

    def header(t, hn, pid):
        d, _ = civil(T0 + int(t * NS))
        return "%s %2d %s %s opendkim[%d]: " % (MON[d.month - 1], d.day, d.strftime("%H:%M:%S"),
                                               hn, pid)

    def add(t, hn, key, *v, pid=None):
        S.add(T0 + int(t * NS), header(t, hn, pid or hosts[hn]["pid"]), key, *v)

    t = 0.0
    for i, kind in enumerate(deck):
        t += rng.expovariate(1.0 / 3.2)
        if i in restarts:
            hn = restarts[i]
            h = hosts[hn]
            t += 4.0
            add(t, hn, "terminating", h["ver"])
            h["pid"] = rng.randint(2000, 32000)
            t += rng.uniform(0.8, 2.5)
            add(t, hn, "starting", h["ver"], h["args"])
            t += rng.uniform(1.0, 3.0)
        hn = rng.choice(["mx1", "mx1", "mx2"])
        h = hosts[hn]
        q = qid(hn)
        if kind.startswith("out"):
            if kind == "out_signed":
                add(t, hn, "signed", q, S.cyc("signed", "s", ["mail2026", "default"]),
                    rng.choice(h["own"]))
            else:
                user = S.cyc("no_table", "u", ["root@%s" % hn, "noreply@monitoring.example.org",
                                               "cron@backup01.example.net", "www-data@web3"])
                add(t, hn, "no_table", q, user)
            continue
        client, ip, sel, dom = rng.choice(senders)
        if kind == "in_spoof":
            client, ip = S.cyc("spoof", "host", [("mail.spoofer-mx.biz", "192.0.2.66"),
                                                 ("[198.18.7.12]", "198.18.7.12")])
        add(t, hn, "not_internal", q, client, ip)
        add(t, hn, "not_auth", q)
        tv = t + rng.uniform(0.2, 1.6)
        if kind == "in_spoof":
            add(tv, hn, "spoof", q, client, rng.choice(h["own"]))
            add(tv, hn, "no_sig", q)
        elif kind == "in_unsigned":
            add(tv, hn, "no_sig", q)
        elif kind == "in_ok":
            add(tv, hn, "verified", q)
        elif kind == "in_multi":
            extra = S.cyc("has_sigs", "extra", ["google.com", "mailgun.org, %s" % dom,
                                                "sendgrid.net", ""])
            add(tv, hn, "has_sigs", q, dom + (", " + extra if extra else ""))
            add(tv, hn, "verified", q)
        elif kind == "in_badsig":
            add(tv, hn, "ssl_err", q, sel, dom,
                S.cyc("ssl_err", "e", ["04091068:rsa routines:INT_RSA_VERIFY:bad signature",
                                       "02000068:rsa routines::bad signature"]))
            add(tv, hn, "bad_sig", q)
        elif kind == "in_nokey":
            s2, d2 = S.cyc("key_nf", "sd", [("k3", "newsletter.example.com"),
                                            ("mta", "bounce.shop-deals.example.com"),
                                            ("sel2025", "mailer.example.info")])
            add(tv, hn, "key_nf", q, s2, d2, "%s._domainkey.%s" % (s2, d2))
        elif kind == "in_keyfail":
            add(tv, hn, "key_fail", q, sel, dom)


# ---------------------------------------------------------------------------
# SpamAssassin spamd via syslog  (k=4, simulation: preforked children, messages)
#   Mar 14 13:00:04 mail spamd[24511]: spamd: connection from ...
# ---------------------------------------------------------------------------
def build_spamd(S):
    D = S.declare
    D("conn", "spamd: connection from <*> [<*>]:<*> to port 783, fd <*>")
    D("setuid", "spamd: setuid to <*> succeeded")
    D("processing", "spamd: processing message <<*>> for <*>:<*>")
    D("checking", "spamd: checking message <<*>> for <*>:<*>")
    D("clean", "spamd: clean message (<*>/<*>) for <*>:<*> in <*> seconds, <*> bytes.")
    D("spam", "spamd: identified spam (<*>/<*>) for <*>:<*> in <*> seconds, <*> bytes.")
    D("result", "spamd: result: <*> <*> - <*> scantime=<*>,size=<*>,user=<*>,uid=<*>,"
      "required_score=<*>,rhost=<*>,raddr=<*>,rport=<*>,mid=<<*>>,bayes=<*>,autolearn=<*> "
      "autolearn_force=<*>")
    D("states", "prefork: child states: <*>")
    D("spawned", "spamd: server successfully spawned child process, pid <*>")
    D("cleanup", "spamd: handled cleanup of child pid [<*>] due to SIGCHLD: exit <*>")
    D("adjust", "prefork: adjust: <*> idle children more than 2 maximum idle children. "
      "Decreasing spamd children: <*> killed.")
    D("no_user", "spamd: handle_user unable to find user: '<*>'")
    D("as_root", "spamd: still running as root: user not specified with -u, not found, "
      "or set to root, falling back to nobody")
    D("bayes", "bayes: cannot open bayes databases <*> <*>: tie failed: <*>")

    rng = S.rng
    T0 = DAY + 13 * 3600 * NS + 4 * NS
    parent = 1873
    users = {"alice": (1001, "5.0"), "bob": (1002, "6.0"), "carol": (1003, "4.0"),
             "debian-spamd": (112, "5.0"), "nobody": (65534, "5.0")}
    user_pool = ["alice", "alice", "bob", "carol", "debian-spamd", "debian-spamd", "bob"]
    ham_tests = ["DKIM_SIGNED", "DKIM_VALID", "DKIM_VALID_AU", "HTML_MESSAGE", "MAILING_LIST_MULTI",
                 "RCVD_IN_DNSWL_NONE", "RCVD_IN_MSPIKE_H2", "SPF_HELO_NONE", "SPF_PASS",
                 "T_SCC_BODY_TEXT_LINE"]
    spam_tests = ["FREEMAIL_FROM", "HTML_IMAGE_ONLY_24", "MIME_HTML_ONLY", "RAZOR2_CF_RANGE_51_100",
                  "RAZOR2_CHECK", "RCVD_IN_SBL_CSS", "RDNS_NONE", "SPF_FAIL", "URIBL_ABUSE_SURBL",
                  "URIBL_DBL_SPAM", "PYZOR_CHECK", "HK_RANDOM_FROM"]
    domains = ["mail.gmail.com", "example.org", "mx.newsletter.example.biz", "eu-west-1.amazonses.com"]

    def header(t, pid):
        d, _ = civil(T0 + int(t * NS))
        return "%s %2d %s mail spamd[%d]: " % (MON[d.month - 1], d.day, d.strftime("%H:%M:%S"), pid)

    def add(t, pid, key, *v):
        S.add(T0 + int(t * NS), header(t, pid), key, *v)

    def msgid():
        style = rng.randint(0, 3)
        if style == 0:
            return "CAH+w=7%s@mail.gmail.com" % hexs(rng, 28, "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789_-")
        if style == 1:
            return "20260314%02d%02d%02d.%s@example.org" % (rng.randint(0, 23), rng.randint(0, 59),
                                                          rng.randint(0, 59), hexs(rng, 5))
        if style == 2:
            return "0102018e3c%s-000000@eu-west-1.amazonses.com" % hexs(rng, 20, "0123456789abcdef")
        return "%s.%d@%s" % (hexs(rng, 8, "0123456789abcdef"), rng.randint(1, 99), rng.choice(domains))

    children = {}   # pid -> busy?  (ordered by pid)
    next_pid = [24511]

    def spawn_pid():
        next_pid[0] += rng.randint(1, 40)
        return next_pid[0]

    for _ in range(2):
        children[spawn_pid()] = False

    def states():
        return "".join("B" if children[p] else "I" for p in sorted(children))

    heap = []
    hseq = [0]

    def push(t, kind, data=None):
        hseq[0] += 1
        heapq.heappush(heap, (t, hseq[0], kind, data))

    # message arrivals, with bursts (mailing lists)
    t = 0.5
    for _ in range(64):
        t += rng.expovariate(1.0 / 22.0)
        push(t, "msg")
        if rng.random() < 0.15:
            for _ in range(rng.randint(2, 3)):
                t += rng.uniform(0.05, 0.5)
                push(t, "msg")

    bad_user_at = {5, 23, 40, 57}
    bayes_at = {9, 30, 31, 52}
    crash_at = {17}
    adjust_pending = [False]
    n_msg = 0
    while heap:
        t, _, kind, data = heapq.heappop(heap)
        if kind == "msg":
            idle = [p for p in sorted(children) if not children[p]]
            if not idle:
                push(t + 0.3, "msg")   # waits in the listen queue
                continue
            c = idle[0]
            children[c] = True
            i = n_msg
            n_msg += 1
            v6 = rng.random() < 0.3
            rhost, raddr, fd = ("ip6-localhost", "::1", 6) if v6 else ("localhost", "127.0.0.1", 5)
            rport = rng.randint(32768, 60999)
            add(t, c, "conn", rhost, raddr, rport, fd)
            if i in bad_user_at:
                add(t, c, "no_user", S.cyc("no_user", "u", ["postmaster", "info", "sales-team"]))
                add(t, c, "as_root")
                user = "nobody"
            elif i in bayes_at:
                user = S.cyc("bayes", "user", ["bob", "debian-spamd", "carol"])
            else:
                user = rng.choice(user_pool)
            uid, req = users[user]
            add(t, c, "setuid", user)
            mid = msgid()
            check_only = rng.random() < 0.14
            add(t + 0.01, c, "checking" if check_only else "processing", mid, user, uid)
            if i in bayes_at:
                path = "/home/%s/.spamassassin/bayes_*" % user if user != "debian-spamd" else \
                    "/var/lib/spamassassin/.spamassassin/bayes_*"
                add(t + 0.05, c, "bayes", path, S.cyc("bayes", "mode", ["R/O", "R/W"]),
                    S.cyc("bayes", "err", ["Permission denied", "Resource temporarily unavailable"]))
            scan = round(rng.lognormvariate(0.3, 0.8), 1) + 0.1
            size = rng.choice([rng.randint(900, 9000), rng.randint(9000, 400000)])
            is_spam = rng.random() < 0.24
            if is_spam:
                score = round(rng.uniform(float(req) + 0.1, 34.0), 1)
                tests = ",".join(sorted(rng.sample(spam_tests, rng.randint(3, 9))))
                bayes = "%.6f" % rng.uniform(0.9, 1.0)
                learn = "spam" if score >= 12 else "no"
            else:
                score = round(rng.uniform(-3.0, float(req) - 0.1), 1)
                k = rng.randint(0, 7)
                tests = ",".join(["BAYES_00"] + sorted(rng.sample(ham_tests, k))) if k else "none"
                bayes = "%.6f" % rng.uniform(0.0, 0.05)
                learn = "ham" if score < 0.1 else "no"
            if user == "nobody":
                learn = "disabled"
            force = "yes" if score >= 20 else "no"
            te = t + scan
            add(te, c, "spam" if is_spam else "clean", "%.1f" % score, req, user, uid,
                "%.1f" % scan, size)
            add(te, c, "result", "Y" if is_spam else ".", int(score), tests, "%.1f" % scan,
                size, user, uid, req, rhost, raddr, rport, mid, bayes, learn, force)
            push(te + 0.001, "done", (c, i in crash_at))
            if not any(not b for b in children.values()) and len(children) < 5:
                p = spawn_pid()
                children[p] = False
                add(t + 0.02, parent, "spawned", p)
                add(t + 0.021, parent, "states", states())
        elif kind == "done":
            c, crashed = data
            if crashed:
                del children[c]
                add(t + 0.004, parent, "cleanup", c, 255)
                p = spawn_pid()
                children[p] = False
                add(t + 0.03, parent, "spawned", p)
                add(t + 0.031, parent, "states", states())
                continue
            children[c] = False
            if not adjust_pending[0]:
                adjust_pending[0] = True
                push(t + 2.5, "adjust")
        elif kind == "adjust":
            adjust_pending[0] = False
            idle = [p for p in sorted(children) if not children[p]]
            if len(idle) > 2:
                while len(idle) > 2:
                    victim = idle.pop()
                    add(t, parent, "adjust", len(idle) + 1, victim)
                    del children[victim]
                    t += 0.002
                    add(t, parent, "cleanup", victim, 0)
                add(t + 0.001, parent, "states", states())


# ---------------------------------------------------------------------------
# Vitess vttablet, glog  (k=5, shuffle)
#   I0314 15:00:01.123456   28311 state_manager.go:221] msg
# ---------------------------------------------------------------------------
def build_vitess(S):
    D = S.declare
    D("exec_err", '<*> (errno <*>) (sqlstate <*>) (CallerID: <*>): Sql: "<*>", BindVars: {<*>}',
      lvl=None, src="tabletserver.go:1602")
    D("ts_transition", "TabletServer transition: <*>: <*>, <*> -> <*>: <*> for tablet :commerce/-80",
      lvl="I", src="state_manager.go:221")
    D("start_transition", "Starting transition to <*> <*>, timestamp: <*>",
      lvl="I", src="state_manager.go:356")
    D("txengine", "TxEngine transition: <*>", lvl="I", src="tx_engine.go:178")
    D("publish", 'Publishing state: alias:{cell:"zone1" uid:101} hostname:"vttablet-zone1-101" '
      'port_map:{key:"grpc" value:16101} port_map:{key:"vt" value:15101} keyspace:"commerce" '
      'shard:"-80" key_range:{end:"\\x80"} type:<*> db_name_override:"vt_commerce" '
      'mysql_hostname:"10.40.2.17" mysql_port:3306 primary_term_start_time:{seconds:<*> nanoseconds:<*>}',
      lvl="I", src="tm_state.go:403")
    D("kill_tx", "killing transaction (exceeded timeout: <*>): <*>", lvl="W", src="tx_pool.go:133")
    D("vplayer", "Starting VReplication player id: <*>, startPos: <*>, stop: , filter: <*>",
      lvl="I", src="vplayer.go:112")
    D("open_stream", "VReplication engine: opening stream <*> for workflow <*>",
      lvl="I", src="engine.go:290")
    D("close_stream", "VReplication engine: closing stream <*> for workflow <*>",
      lvl="I", src="engine.go:318")
    D("rows_lastpk", "Streaming rows for query <*>, lastpk: <*>", lvl="I", src="rowstreamer.go:237")
    D("version", "Version: <*> (Git revision <*> branch '<*>') built on <*> by "
      "vitess@buildkitsandbox using <*> linux/amd64", lvl="I", src="servenv.go:102")
    D("lameduck", "Entering lameduck mode for <*>", lvl="I", src="run.go:58")
    D("shutdown", "Shutting down gracefully", lvl="I", src="run.go:71")
    D("rows", "Streaming rows for query <*>", lvl="I", src="rowstreamer.go:229")

    rng = S.rng
    counts = dict(exec_err=70, ts_transition=12, start_transition=12, txengine=20, publish=25,
                  kill_tx=15, vplayer=8, open_stream=20, close_stream=18, rows_lastpk=50,
                  version=4, lameduck=4, shutdown=4, rows=38)
    pid = [28311]
    builds = [("19.0.4", "3f0c6b0a1e", "HEAD", "Tue Feb 10 09:12:44 UTC 2026", "go1.22.5"),
              ("19.0.5", "b71d2e44c9", "release-19.0", "Thu Mar  5 17:40:03 UTC 2026", "go1.22.7")]
    errors = [  # (level, message, errno, sqlstate, sql, bindvars)
        ("I", "Duplicate entry '%d' for key 'customer.PRIMARY'", 1062, "23000",
         "insert into customer(customer_id, email) values (:vtg1 /* INT64 */, :vtg2 /* VARCHAR */)",
         'vtg1: "type:INT64 value:\\"%d\\"", vtg2: "type:VARCHAR value:\\"%s@example.com\\""'),
        ("W", "Lock wait timeout exceeded; try restarting transaction", 1205, "HY000",
         "update product set price = :vtg1 /* DECIMAL */ where sku = :vtg2 /* VARCHAR */",
         'vtg1: "type:DECIMAL value:\\"%d.99\\"", vtg2: "type:VARCHAR value:\\"SKU-%s\\""'),
        ("W", "Deadlock found when trying to get lock; try restarting transaction", 1213, "40001",
         "update corder set status = :vtg1 /* VARCHAR */ where order_id = :vtg2 /* INT64 */",
         'vtg1: "type:VARCHAR value:\\"shipped\\"", vtg2: "type:INT64 value:\\"%d\\""'),
        ("E", "Table 'vt_commerce.corder_archive' doesn't exist", 1146, "42S02",
         "select order_id, sku from corder_archive where customer_id = :vtg1 /* INT64 */ limit 10001",
         'vtg1: "type:INT64 value:\\"%d\\""'),
        ("E", "Unknown column 'sku2' in 'field list'", 1054, "42S22",
         "select sku2, description from product where sku = :vtg1 /* VARCHAR */ limit 10001",
         'vtg1: "type:VARCHAR value:\\"SKU-%s\\""'),
    ]
    types = ["PRIMARY", "REPLICA", "REPLICA", "RDONLY", "DRAINED"]
    tstates = ["Serving", "Not Serving", "Serving", "Not Connected"]
    queries = ["select customer_id, email from customer",
               "select order_id, customer_id, sku, price from corder",
               "select * from product",
               "select sku, description, price from product where price > 0"]
    workflows = ["commerce2customer", "corder_reshard", "product_lookup_vdx"]

    def gotime(t):
        d, frac = civil(t)
        return "%s.%09d +0000 UTC" % (d.strftime("%Y-%m-%d %H:%M:%S"), frac)

    def human(t):
        d, _ = civil(t)
        return "%s %d, %d at %s (UTC)" % (MON[d.month - 1], d.day, d.year, d.strftime("%H:%M:%S"))

    def gtid():
        return "MySQL56/%s-%s-11f0-%s-%s:1-%d" % (hexs(rng, 8, "0123456789abcdef"),
                                                 hexs(rng, 4, "0123456789abcdef"),
                                                 hexs(rng, 4, "0123456789abcdef"),
                                                 hexs(rng, 12, "0123456789abcdef"),
                                                 rng.randint(1000, 9999999))

    def lastpk(q):
        col = q.split()[1].rstrip(",")
        if col == "*":
            col = "sku"
        if col == "sku":
            return 'fields:{name:"sku" type:VARBINARY} rows:{lengths:9 values:"SKU-%05d"}' % rng.randint(0, 99999)
        n = str(rng.randint(1, 10 ** rng.randint(1, 7)))
        return 'fields:{name:"%s" type:INT64} rows:{lengths:%d values:"%s"}' % (col, len(n), n)

    def header(lvl, src, t):
        d, frac = civil(t)
        return "%s%02d%02d %s.%06d %7d %s] " % (lvl, d.month, d.day, d.strftime("%H:%M:%S"),
                                                 frac // 1000, pid[0], src)

    def gen(key, t):
        m = S.meta(key)
        if key == "version":
            pid[0] = rng.randint(1000, 60000)
        if key == "exec_err":
            lvl, msg, errno, state, sql, bv = rng.choice(errors)
            n = rng.randint(1, 99999)
            msg = msg % n if "%d" in msg else msg
            if bv.count("%") == 2:
                bv = bv % (n, hexs(rng, 5, "abcdefghijklmnopqrstuvwxyz"))
            else:
                bv = bv % (n if "%d" in bv else hexs(rng, 5, "0123456789"))
            S.add(t, header(lvl, m["src"], t), key, msg, errno, state,
                  S.cyc(key, "caller", ["userData1", "app", "reporting-svc"]), sql, bv)
            return
        h = header(m["lvl"], m["src"], t)
        if key == "ts_transition":
            a, b = rng.choice(types), rng.choice(types)
            when = "Jan 1, 0001 at 00:00:00 (UTC)" if rng.random() < 0.3 else \
                human(t - rng.randint(60, 86400) * NS)
            S.add(t, h, key, a, S.cyc(key, "s1", tstates), when, b, S.cyc(key, "s2", tstates))
        elif key == "start_transition":
            S.add(t, h, key, rng.choice(types), S.cyc(key, "st", ["Serving", "Not Serving"]),
                  gotime(t - rng.randint(1, 900) * 10 ** 6))
        elif key == "txengine":
            S.add(t, h, key, S.cyc(key, "st", ["AcceptingReadAndWrite", "NotServing",
                                                "Transitioning", "AcceptingReadOnly"]))
        elif key == "publish":
            ts = t - rng.randint(0, 7200) * NS
            S.add(t, h, key, S.cyc(key, "type", ["PRIMARY", "REPLICA", "REPLICA"]), ts // NS,
                  rng.randint(0, NS - 1))
        elif key == "kill_tx":
            S.add(t, h, key, S.cyc(key, "to", ["30s", "1m0s", "30s", "5s"]),
                  str(t // 1000 + rng.randint(1, 99999)))
        elif key == "vplayer":
            wf = S.cyc(key, "wf", [
                'rules:{match:"customer" filter:"select * from customer where in_keyrange(customer_id, \'hash\', \'-80\')"}',
                'rules:{match:"corder"}',
                'rules:{match:"product_lookup" filter:"select sku, keyspace_id from product"}'])
            S.add(t, h, key, rng.randint(1, 12), gtid(), wf)
        elif key in ("open_stream", "close_stream"):
            S.add(t, h, key, rng.randint(1, 12), S.cyc(key, "wf", workflows))
        elif key == "rows_lastpk":
            q = rng.choice(queries)
            S.add(t, h, key, q, lastpk(q))
        elif key == "rows":
            S.add(t, h, key, rng.choice(queries))
        elif key == "version":
            v, rev, br, built, go = S.cyc(key, "b", [builds[0], builds[0], builds[1], builds[1]])
            S.add(t, h, key, v, rev, br, built, go)
        elif key == "lameduck":
            S.add(t, h, key, S.cyc(key, "d", ["50ms", "10s"]))
        elif key == "shutdown":
            S.add(t, h, key)

    shuffled_run(S, counts, DAY + 15 * 3600 * NS + 1 * NS, 1.7, gen)


# ---------------------------------------------------------------------------
SYSTEMS = [
    # name, k, builder, header regex, time regex (groups -> ints, compared in order)
    ("TiKV", 0, build_tikv,
     r"\[\d{4}/\d\d/\d\d \d\d:\d\d:\d\d\.\d{3} [+-]\d\d:\d\d\] \[(?:DEBUG|INFO|WARN|ERROR|FATAL)\] "
     r"\[[\w.-]+\.rs:\d+\] ",
     r"\[(\d{4})/(\d\d)/(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{3})"),
    ("ProxySQL", 1, build_proxysql,
     r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (?:\w+\.cpp:\d+:\w+\(\): )?\[(?:INFO|WARNING|ERROR)\] ",
     r"(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)"),
    ("PgPoolII", 2, build_pgpool,
     r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}: \S+ pid \d+: "
     r"(?:DEBUG\d?|LOG|INFO|NOTICE|WARNING|ERROR|FATAL|DETAIL|HINT|CONTEXT):  ",
     r"(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{3})"),
    ("OpenDKIM", 3, build_opendkim,
     r"[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d [\w.-]+ opendkim\[\d+\]: ",
     r"([A-Z][a-z]{2}) ([ \d]\d) (\d\d):(\d\d):(\d\d)"),
    ("Spamd", 4, build_spamd,
     r"[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d [\w.-]+ spamd\[\d+\]: ",
     r"([A-Z][a-z]{2}) ([ \d]\d) (\d\d):(\d\d):(\d\d)"),
    ("Vitess", 5, build_vitess,
     r"[IWEF]\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ [\w.-]+\.go:\d+\] ",
     r"[IWEF](\d\d)(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{6})"),
]


def write(S):
    d = os.path.join(HERE, S.name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, S.name + ".log"), "w", encoding="utf-8", newline="\n") as f:
        for _, _, header, content, _ in S.lines:
            f.write(header + content + "\n")
    tmpl = {S.eid(k): t for k, t, _ in S.events}
    with open(os.path.join(d, S.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_, _, _, content, eid) in enumerate(S.lines, 1):
            w.writerow([i, content, eid, tmpl[eid]])


def time_key(m):
    out = []
    for g in m.groups():
        g = g.strip()
        out.append(MON.index(g) if g in MON else int(g))
    return tuple(out)


def self_check(name, header_re, time_re, n_declared):
    d = os.path.join(HERE, name)
    with open(os.path.join(d, name + ".log"), encoding="utf-8", newline="") as f:
        raw = f.read()
    assert raw.endswith("\n") and "\r" not in raw, name
    raw_lines = raw[:-1].split("\n")
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], name
    rows = rows[1:]
    assert len(raw_lines) == N_LINES and len(rows) == N_LINES, (name, len(raw_lines), len(rows))
    hre, tre = re.compile(header_re), re.compile(time_re)
    templates, counts, caps = {}, {}, {}
    last = None
    for i, (row, line) in enumerate(zip(rows, raw_lines), 1):
        assert len(row) == 4, (name, i)
        lid, content, eid, tpl = row
        assert lid == str(i), (name, i)
        assert content and content == content.strip(), (name, i)
        assert line.endswith(content), (name, i)
        head = line[:len(line) - len(content)]
        assert hre.fullmatch(head), (name, i, head)
        tk = time_key(tre.match(head))
        assert last is None or tk >= last, (name, i, "time went back")
        last = tk
        assert re.fullmatch(r"E[1-9]\d*", eid), (name, i, eid)
        assert templates.setdefault(eid, tpl) == tpl, (name, eid, "two templates")
        rx = "^" + "(.+?)".join(re.escape(p) for p in tpl.split("<*>")) + "$"
        m = re.fullmatch(rx, content, re.S)
        assert m, (name, i, tpl, content)
        counts[eid] = counts.get(eid, 0) + 1
        for gi, g in enumerate(m.groups()):
            caps.setdefault((eid, gi), set()).add(g)
    assert len(set(templates.values())) == len(templates), (name, "templates not distinct")
    ids = sorted(counts, key=lambda e: int(e[1:]))
    assert ids == ["E%d" % k for k in range(1, n_declared + 1)], (name, ids)
    for (eid, gi), vals in caps.items():
        assert len(vals) >= 2, (name, eid, "slot %d has one value" % (gi + 1), vals)
    c = [counts[e] for e in ids]
    assert 12 <= len(c) <= 15, (name, len(c))
    assert min(c) >= 3, (name, counts)
    assert sum(1 for x in c if 3 <= x <= 10) >= 3, (name, counts)
    med = statistics.median(c)
    assert max(c) >= 3 * med, (name, max(c), med)
    print("%-9s %d events, median %g, max %d: %s" % (
        name, len(c), med, max(c), " ".join("%s=%d" % (e, counts[e]) for e in ids)))


def main():
    built = []
    for name, k, builder, hre, tre in SYSTEMS:
        S = System(name, k, hre, tre)
        builder(S)
        S.finish()
        write(S)
        built.append((name, hre, tre, len(S.events)))
    for name, hre, tre, n in built:
        self_check(name, hre, tre, n)
    print("self-check passed")


if __name__ == "__main__":
    main()
