#!/usr/bin/env python3
"""Generate the "Sealed 18" labelled log corpus (Python 3 standard library only).

Deterministic: fixed seed, integer nanosecond clock on 2026-12-17, no locale
or wall-time dependence.  Writes <System>/<System>.log and
<System>/<System>.log_structured.csv for six systems, then self-checks.
"""
import csv
import os
import random
import re
import statistics

SEED = 20261226
N_LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
NS = 1_000_000_000
DATE = (2026, 12, 17)
MON_ABBR = "Dec"  # fixed, not from locale


# ---------------------------------------------------------------- helpers
class Gen:
    """Value generators bound to one system's RNG."""

    def __init__(self, rng):
        self.rng = rng

    def C(self, pool):
        """Cycle through a pool from a random offset (>= 2 values guaranteed)."""
        pool = list(pool)
        assert len(pool) >= 2 and pool[0] != pool[1]
        st = [self.rng.randrange(len(pool))]

        def g():
            v = pool[st[0] % len(pool)]
            st[0] += 1
            return v
        return g

    def I(self, a, b):
        return lambda: str(self.rng.randint(a, b))

    def Fl(self, a, b, nd):
        return lambda: "%.*f" % (nd, self.rng.uniform(a, b))

    def H(self, n):
        return lambda: "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def uuid(self):
        h = self.H(32)()
        return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16],
                                      self.rng.choice("89ab"), h[17:20], h[20:32])

    def dur_short(self):
        """Short duration, unit varies (us / ms)."""
        r = self.rng
        return lambda: ("%dus" % r.randint(40, 999)) if r.random() < 0.4 else ("%.3fms" % r.uniform(1, 90))

    def U(self):
        return self.uuid

    def dur(self):
        """Go/C++ style duration whose unit varies."""
        r = self.rng

        def g():
            k = r.random()
            if k < 0.45:
                return "%.3fms" % r.uniform(0.2, 999)
            if k < 0.85:
                return "%.3fs" % r.uniform(1, 59)
            if k < 0.95:
                return "%dm%.1fs" % (r.randint(1, 9), r.uniform(0, 59.9))
            return "%dus" % r.randint(80, 999)
        return g


def fill(tpl, vals):
    parts = tpl.split("<*>")
    assert len(parts) == len(vals) + 1, (tpl, vals)
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        assert v and v == v.strip(), (tpl, vals)
        out.append(v)
        out.append(p)
    return "".join(out)


def go_quote(s):
    """Go %q for printable ASCII (what logrus does to a msg that needs quoting)."""
    return s.replace("\\", "\\\\").replace('"', '\\"')


def hms(ns_of_day):
    s, frac = divmod(ns_of_day, NS)
    h, s = divmod(s, 3600)
    m, s = divmod(s, 60)
    assert h < 24
    return h, m, s, frac


def ev(tpl, gens, **kw):
    d = dict(tpl=tpl, gens=gens)
    d.update(kw)
    assert tpl.count("<*>") == len(gens), tpl
    return d


def run_shuffle(rng, events, counts, start_ns, gap_lo, gap_hi):
    assert sum(counts) == N_LINES and len(counts) == len(events)
    seq = []
    for i, n in enumerate(counts):
        seq += [i] * n
    rng.shuffle(seq)
    t = start_ns
    out = []
    for i in seq:
        t += rng.randint(gap_lo, gap_hi)
        out.append((t, i))
    return out


# ---------------------------------------------------------------- Debezium
def abbr3(cat):
    parts = cat.split(".")
    return ".".join([p[:3] for p in parts[:-1]] + [parts[-1]])


def sys_debezium(rng):
    g = Gen(rng)
    coord = "debezium-postgresconnector-inventory-change-event-source-coordinator"
    snap = "debezium-postgresconnector-inventory-snapshot"
    kprod = "kafka-producer-network-thread | producer-1"
    tables = ["public.customers", "public.orders", "public.order_lines", "public.products",
              "billing.invoices", "billing.payments", "public.shipments", "audit.events"]
    lsn = lambda: "%X/%08X" % (rng.randint(1, 0x2F), rng.randint(0, 0xFFFFFFFF))
    errs = ["Connection refused",
            "org.postgresql.util.PSQLException: ERROR: replication slot \"dbz_inventory\" is active for PID 48213",
            "Database connection failed when reading from copy",
            "An I/O error occurred while sending to the backend. [cause: Broken pipe (Write failed)]",
            "Timed out after 30000ms waiting for the sink to acknowledge batch #4417",
            "io.debezium.DebeziumException: Failed to flush offsets: topic=dbz-offsets, partition=0, reason='record too large'"]
    kerr = ["NOT_LEADER_OR_FOLLOWER", "REQUEST_TIMED_OUT",
            "Disconnected from node 2 (kafka-2.data.svc:9092): connection reset by peer",
            "NETWORK_EXCEPTION", "broker kafka-1:9092 unavailable, metadata age=31s"]
    events = [
        ev("<*> change events emitted since last report (<*>), latest offset for partition {<*>} is {lsn=<*>, txId=<*>, ts_usec=<*>}",
           [g.I(1, 4096), g.C(["00:00:10.013", "00:00:09.998", "00:00:10.421", "00:00:11.2", "00:00:10.0"]),
            g.C(["server=inventory", "server=inventory, task=0", "server=inventory, task=1"]), lsn, g.I(700000, 999999),
            g.I(1797400000000000, 1797499999999999)],
           lvl="INFO", cat="io.debezium.connector.common.BaseSourceTask", thr=g.C(["pool-7-thread-1", "pool-7-thread-2"])),
        ev("Flushed offsets for task <*>: <*> pending records committed in <*>ms",
           [g.C(["0", "1"]), g.I(0, 2048), g.I(1, 480)],
           lvl="INFO", cat="io.debezium.embedded.async.AsyncEmbeddedEngine", thr=g.C(["pool-7-thread-1", "pool-7-thread-2"])),
        ev("Acknowledged LSN <*> to replication slot '<*>' (flushed=<*>, received=<*>)",
           [lsn, g.C(["dbz_inventory", "dbz_inventory_tmp"]), lsn, lsn],
           lvl="INFO", cat="io.debezium.connector.postgresql.PostgresStreamingChangeEventSource", thr=lambda: coord),
        ev("[Producer clientId=<*>] Produce request to <*> for partition <*> failed (<*>), will retry in <*>ms",
           [g.C(["producer-1", "dbz-sink-producer"]), g.C(["kafka-0.data.svc:9092", "kafka-1.data.svc:9092", "10.42.7.19:9092"]),
            g.C(["inventory.public.orders-0", "inventory.public.customers-2", "inventory.billing.invoices-1"]),
            g.C(kerr), g.C(["100", "250", "500", "1000"])],
           lvl="WARN", cat="org.apache.kafka.clients.producer.internals.Sender", thr=lambda: kprod),
        ev("Exporting data from table '<*>' (<*> of <*> tables)",
           [g.C(tables), g.I(1, 8), g.C(["8", "12", "31"])],
           lvl="INFO", cat="io.debezium.relational.RelationalSnapshotChangeEventSource", thr=lambda: snap),
        ev("Finished exporting <*> records for table '<*>' (<*> of <*> tables); duration '<*>'",
           [g.I(0, 2500000), g.C(tables), g.I(1, 8), g.C(["8", "12", "31"]),
            g.C(["00:00:00.412", "00:01:13.9", "00:12:40.07", "00:00:03.3"])],
           lvl="INFO", cat="io.debezium.relational.RelationalSnapshotChangeEventSource", thr=lambda: snap),
        ev("Replication slot '<*>' lag is <*> bytes behind server WAL position <*>",
           [g.C(["dbz_inventory", "dbz_inventory_tmp"]), g.I(1048576, 9999999999), lsn],
           lvl="WARN", cat="io.debezium.connector.postgresql.PostgresStreamingChangeEventSource", thr=lambda: coord),
        ev("Streaming from replication slot \"<*>\" using plugin <*> starting at LSN <*>",
           [g.C(["dbz_inventory", "dbz_inventory_tmp"]), g.C(["pgoutput", "decoderbufs"]), lsn],
           lvl="INFO", cat="io.debezium.connector.postgresql.connection.PostgresReplicationConnection", thr=lambda: coord),
        ev("Producer failure: <*>",
           [g.C(errs)],
           lvl="ERROR", cat="io.debezium.pipeline.ErrorHandler", thr=g.C([coord, "pool-7-thread-1"])),
        ev("Engine executor started",
           [],
           lvl="INFO", cat="io.debezium.server.DebeziumServer", thr=lambda: "main"),
        ev("Schema change detected for table '<*>': column <*> added",
           [g.C(tables), g.C(["discount_code", "\"Region\"", "updated_at", "vat_rate"])],
           lvl="INFO", cat="io.debezium.connector.postgresql.PostgresSchema", thr=lambda: coord),
        ev("Schema change detected for table '<*>': column <*> dropped",
           [g.C(tables), g.C(["legacy_flag", "fax", "\"OldStatus\""])],
           lvl="INFO", cat="io.debezium.connector.postgresql.PostgresSchema", thr=lambda: coord),
        ev("Unknown OID <*> requested for column <*> of table <*>, treating it as <*>",
           [g.I(16384, 99999), g.C(["geo", "tags", "payload"]), g.C(tables),
            g.C(["bytes", "string", "STRUCT(srid INT32, wkb BYTES)"])],
           lvl="WARN", cat="io.debezium.connector.postgresql.TypeRegistry", thr=lambda: coord),
        ev("Flushed offsets: <*> pending records committed in <*>ms",
           [g.I(0, 2048), g.I(1, 480)],
           lvl="INFO", cat="io.debezium.embedded.async.AsyncEmbeddedEngine", thr=g.C(["pool-7-thread-1", "pool-7-thread-2"])),
    ]
    counts = [88, 57, 33, 26, 21, 15, 12, 10, 9, 8, 7, 6, 5, 3]
    seq = run_shuffle(rng, events, counts, 9 * 3600 * NS + 17 * NS, 5_000_000, 900_000_000)
    out = []
    for t, i in seq:
        e = events[i]
        h, m, s, frac = hms(t)
        hdr = "%04d-%02d-%02d %02d:%02d:%02d,%03d %-5s [%s] (%s) " % (
            DATE + (h, m, s, frac // 1_000_000, e["lvl"], abbr3(e["cat"]), e["thr"]()))
        vals = [x() for x in e["gens"]]
        out.append((hdr, fill(e["tpl"], vals), i, e["tpl"]))
    return out


DEBEZIUM_HDR = re.compile(
    r"(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}) (?:INFO |WARN |ERROR|DEBUG|TRACE|FATAL) \[[\w.$]+\] \([^()]+\) ")


# ---------------------------------------------------------------- YugabyteDB
def sys_yugabyte(rng):
    g = Gen(rng)
    tablets = [g.H(32)() for _ in range(7)]
    peers = [g.H(32)() for _ in range(3)]
    tids = ["812", "4711", "25768", "25771", "130442", "9034", "31207"]
    T = g.C(tablets)
    P = g.C(peers)
    ipport = g.C(["10.12.0.4:7100", "10.12.0.5:7100", "10.12.0.6:7100", "[fd00:12::6]:7100"])
    opid = lambda: "%d.%d" % (rng.randint(1, 9), rng.randint(1, 999999))
    status = ["Network error (yb/util/net/socket.cc:540): recvmsg error: Connection refused (system error 111)",
              "Timed out (yb/rpc/outbound_call.cc:512): Write RPC to 10.12.0.6:9100 timed out after 60.000s",
              "Service unavailable: Leader not ready to serve requests",
              "Illegal state (yb/tablet/tablet.cc:1284): Transaction 3f0c metadata missing, status=ABORTED, \"retry\" advised",
              "Aborted: shutting down"]
    events = [
        ev("T <*> P <*> [term <*> <*>]: Replicated batch of <*> ops, committed op id <*>",
           [T, P, g.I(1, 9), g.C(["LEADER", "FOLLOWER", "LEADER"]), g.I(1, 64), opid],
           file="raft_consensus.cc:2214", lvl="I"),
        ev("T <*> P <*>: Log GC removed <*> segments (<*> bytes), <*> segments retained",
           [T, P, g.I(1, 12), g.I(1048576, 805306368), g.I(2, 40)],
           file="log.cc:1577", lvl="I"),
        ev("T <*> P <*>: Memstore flush finished: <*> entries, <*> bytes, took <*>",
           [T, P, g.I(10, 900000), g.I(4096, 134217728), g.dur()],
           file="tablet.cc:2089", lvl="I"),
        ev("Slow RPC <*> from <*> took <*>ms (deadline <*>ms, timeout <*>), trace: <*>",
           [g.C(["yb.tserver.TabletServerService.Write", "yb.tserver.TabletServerService.Read",
                 "yb.consensus.ConsensusService.UpdateConsensus"]), ipport, g.I(500, 9999), g.I(3000, 60000),
            g.C(["60.000s", "5.000s", "30.500s"]),
            g.C(["queue wait 1201ms", "Waiting for safe time: 3.3s, read_time={ physical: 1797478022124511 }",
                 "acquired locks; applied, replicated to 2 of 3 (raft), responded", "none"])],
           file="inbound_call.cc:219", lvl="W"),
        ev("Heartbeat to master <*> acknowledged; <*> tablets reported, <*> pending, sequence number <*>",
           [g.C(["10.12.0.1:7100", "10.12.0.2:7100", "10.12.0.3:7100"]), g.I(0, 80), g.I(0, 5), g.I(1, 99999)],
           file="heartbeater.cc:488", lvl="I"),
        ev("T <*> P <*>: Compaction of <*> SST files into <*> finished, input size <*>, output size <*>, took <*>",
           [T, P, g.I(2, 18), g.C(["000412.sst", "000977.sst", "001204.sst", "000038.sst"]),
            g.C(["12.40 MB", "1.02 GB", "887.1 KB", "63.0 MB"]), g.C(["9.87 MB", "611.5 MB", "812.9 KB", "40.2 MB"]),
            g.dur()],
           file="tablet.cc:3321", lvl="I"),
        ev("T <*> P <*> [term <*> FOLLOWER]: Leader lease expired, no heartbeat from <*> for <*>ms",
           [T, P, g.I(1, 9), g.C(peers), g.I(2000, 9000)],
           file="raft_consensus.cc:1031", lvl="W"),
        ev("T <*> P <*> [term <*> <*>]: Starting election with <*> voters (pre-election: <*>, reason: <*>)",
           [T, P, g.I(1, 9), g.C(["FOLLOWER", "CANDIDATE"]), g.C(["3", "5"]), g.C(["true", "false"]),
            g.C(["leader lease expired", "stepdown requested by 10.12.0.2:9100", "tablet bootstrap, no leader"])],
           file="raft_consensus.cc:873", lvl="I"),
        ev("Failed to write <*> rows to tablet <*>: <*>",
           [g.I(1, 512), T, g.C(status)],
           file="write_query.cc:306", lvl="E"),
        ev("Transaction <*> aborted: <*>",
           [g.U(), g.C(["Conflict", "Transaction expired or aborted by a conflict: 40001",
                        "Deadline exceeded (yb/client/transaction.cc:1117): heartbeat timed out"])],
           file="transaction_coordinator.cc:745", lvl="W"),
        ev("T <*> P <*>: Leader lease expired, no heartbeat from <*> for <*>ms",
           [T, P, g.C(peers), g.I(2000, 9000)],
           file="raft_consensus.cc:1031", lvl="W"),
        ev("T <*> P <*>: Bootstrap complete. Replayed <*> ops in <*> segments, took <*>",
           [T, P, g.I(0, 500000), g.I(1, 30), g.dur()],
           file="tablet_bootstrap.cc:661", lvl="I"),
        ev("Rejecting write: memory usage <*> exceeds soft limit <*> (<*>%)",
           [g.C(["6.91G", "7.20G", "7.04G"]), g.C(["6.80G", "6.40G", "6.80G"]), g.C(["101", "105", "110"])],
           file="tablet_service.cc:1743", lvl="W"),
        ev("Successfully reloaded server certificates",
           [], file="secure_stream.cc:402", lvl="I"),
    ]
    counts = [96, 48, 37, 24, 19, 16, 13, 10, 8, 8, 6, 7, 4, 4]
    seq = run_shuffle(rng, events, counts, 11 * 3600 * NS + 5 * NS, 100_000, 700_000_000)
    tidg = g.C(tids)
    out = []
    for t, i in seq:
        e = events[i]
        h, m, s, frac = hms(t)
        hdr = "%s%02d%02d %02d:%02d:%02d.%06d %5s %s] " % (
            e["lvl"], DATE[1], DATE[2], h, m, s, frac // 1000, tidg(), e["file"])
        vals = [x() for x in e["gens"]]
        out.append((hdr, fill(e["tpl"], vals), i, e["tpl"]))
    return out


YUGABYTE_HDR = re.compile(
    r"[IWEF](\d{4} \d{2}:\d{2}:\d{2}\.\d{6}) (?: {4}\d| {3}\d{2}| {2}\d{3}| \d{4}|\d{5,}) [\w.\-]+:\d+\] ")


# ---------------------------------------------------------------- ArangoDB
def sys_arangodb(rng):
    g = Gen(rng)
    shards = g.C(["s1000217", "s1000218", "s1000431", "s2004412", "s2004413"])
    servers = ["PRMR-4b1c2a77-0e6d-4a8f-9b2e-1f0c6d3a9e51", "PRMR-9d07f3b2-61aa-4c5e-8b40-7e2f1a0c4d68",
               "PRMR-c3e8a1d4-2f95-47b6-a0d1-5b9e6c7f8a23"]
    srv = g.C(servers)
    dbs = g.C(["_system", "shop", "analytics", "my-db"])
    colls = g.C(["orders", "users", "sessions", "edges_follows"])
    events = [
        ev("follower <*> applied <*> operations for shard '<*>' up to tick <*>",
           [srv, g.I(1, 5000), shards, g.I(10**14, 10**15)],
           lvl="INFO", lid="7c1fe", topic="replication"),
        ev("slow query: '<*>', database: <*>, user: <*>, bind vars: <*>, took: <*> s",
           [g.C(["FOR d IN orders FILTER d.status == @status LIMIT @limit RETURN d",
                 "FOR u IN users SORT u.created DESC RETURN u._key",
                 "LET x = (FOR s IN sessions FILTER s.ttl < DATE_NOW() RETURN s) REMOVE x[0] IN sessions",
                 "RETURN LENGTH(edges_follows)"]),
            dbs, g.C(["root", "app", "reporting"]),
            g.C(['{"limit": 10, "status": "open"}', '{}', '{"@coll": "users", "x": 3}']),
            g.Fl(1.0, 90.0, 6)],
           lvl="WARNING", lid="8bcee", topic="queries"),
        ev("flushing column family '<*>': <*> memtables, <*> bytes, reason: <*>",
           [g.C(["Documents", "PrimaryIndex", "EdgeIndex", "VPackIndex", "Definitions"]), g.I(1, 6),
            g.I(65536, 268435456), g.C(["write buffer full", "manual", "WAL size limit reached (128 MB)"])],
           lvl="INFO", lid="3a0d9", topic="rocksdb"),
        ev("heartbeat sent to agency in <*>ms, current leader <*>, term <*>",
           [g.I(1, 900), g.C(["AGNT-11e9c5d0-3b5a-4f0e-a7a9-2d3c4b5e6f70", "AGNT-0a4b7c2e-91f3-4d8a-b6c5-8e7f6a5d4c31"]),
            g.I(1, 40)],
           lvl="INFO", lid="f2a41", topic="heartbeat"),
        ev("maintenance action <*> (<*>) for shard <*> of collection '<*>' in database '<*>' finished in <*> s with result <*> after <*> attempts",
           [g.I(1, 99999), g.C(["SynchronizeShard", "UpdateCollection", "TakeoverShardLeadership", "EnsureIndex"]),
            shards, colls, dbs, g.Fl(0.001, 120, 3), g.C(["ok", "failed", "ok", "aborted"]), g.I(1, 4)],
           lvl="INFO", lid="c9e07", topic="maintenance"),
        ev("shard <*> of collection '<*>' is out of sync on follower <*>, scheduling resync",
           [shards, colls, srv],
           lvl="WARNING", lid="5d2b8", topic="cluster"),
        ev("could not synchronize shard <*> from leader <*>: <*>",
           [shards, srv, g.C(["timeout", "got error from leader: HTTP 503 (Service Unavailable), errorNum: 1486",
                              "revision mismatch: expected 'rev_4Fq2', got 'rev_4Fq9'",
                              "connection closed by peer [tcp://10.3.0.12:8530]"])],
           lvl="ERROR", lid="a17c4", topic="replication"),
        ev("user '<*>' authenticated via <*>",
           [g.C(["root", "app", "reporting", "Jane Smith"]), g.C(["JWT", "basic", "JWT"])],
           lvl="INFO", lid="2e6fb", topic="authentication"),
        ev("memory usage <*> exceeds configured soft limit <*>",
           [g.C(["7.81 GiB", "8.02 GiB", "9.4 GiB"]), g.C(["7.50 GiB", "8.00 GiB"])],
           lvl="WARNING", lid="b04e3", topic="memory"),
        ev("all database shards are in sync",
           [], lvl="INFO", lid="6f8a1", topic="cluster"),
        ev("started moving shard <*> from <*> to <*>",
           [shards, srv, srv], lvl="INFO", lid="d3c52", topic="cluster"),
        ev("stopped moving shard <*> from <*> to <*>",
           [shards, srv, srv], lvl="INFO", lid="d3c53", topic="cluster"),
        ev("TLS handshake with <*> failed: <*>",
           [g.C(["10.3.0.12:49122", "[2001:db8::17]:51002", "192.168.40.7:3333"]),
            g.C(["certificate verify failed", "wrong version number (SSL routines: ssl3_get_record)",
                 "unexpected EOF"])],
           lvl="ERROR", lid="0e9d7", topic="ssl"),
        ev("slow query: '<*>', database: <*>, took: <*> s",
           [g.C(["RETURN 1", "FOR d IN orders COLLECT WITH COUNT INTO n RETURN n", "FOR v IN 1..3 OUTBOUND 'users/7' edges_follows RETURN v"]),
            dbs, g.Fl(1.0, 90.0, 6)],
           lvl="WARNING", lid="8bcef", topic="queries"),
    ]
    counts = [82, 61, 36, 27, 20, 14, 12, 9, 10, 7, 7, 6, 5, 4]
    seq = run_shuffle(rng, events, counts, 13 * 3600 * NS + 44 * NS, 20_000_000, 2_500_000_000)
    out = []
    for t, i in seq:
        e = events[i]
        h, m, s, _ = hms(t)
        hdr = "%04d-%02d-%02dT%02d:%02d:%02dZ [%d] %s [%s] {%s} " % (
            DATE + (h, m, s, 2417, e["lvl"], e["lid"], e["topic"]))
        vals = [x() for x in e["gens"]]
        out.append((hdr, fill(e["tpl"], vals), i, e["tpl"]))
    return out


ARANGODB_HDR = re.compile(
    r"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})Z \[\d+\] (?:INFO|WARNING|ERROR|DEBUG|FATAL|TRACE) \[[0-9a-f]{5}\] \{[a-z\-]+\} ")


# ---------------------------------------------------------------- Dex (simulation)
def sys_dex(rng):
    g = Gen(rng)
    r = rng
    clients = ["example-app", "grafana", "argo-cd", "kubectl-oidc", "private-portal"]
    conns = ["github", "ldap", "google", "local", "okta-saml"]
    users = [("jdoe", "jdoe@example.com"), ("a.ivanova", "a.ivanova@corp.example"),
             ("mchen", "mchen@example.com"), ("Kim Lee", "kim.lee@corp.example"), ("svc-ci", "svc-ci@example.com")]
    scopes = ["openid", "openid email", "openid email groups offline_access", "openid profile"]
    groups = ['"devs"', '"devs" "ops"', '"admins"', '"sre" "oncall" "platform"']
    fails = ["invalid credentials",
             "ldap: search returned 0 entries for filter (uid=kim.lee)",
             "github: user is not a member of any allowed org: [acme acme-labs]",
             "saml: response signature invalid: \"x509: certificate has expired\""]
    cbfails = ["oauth2: cannot fetch token: 401 Unauthorized", "state mismatch",
               "google: failed to verify ID token: id token issued by a different provider, expected \"https://accounts.google.com\""]
    rejects = ["invalid_grant: refresh token not found", "unauthorized_client",
               "invalid_client: client secret mismatch (client_id=grafana)"]
    rejects_g, fails_g, cbfails_g, groups_g, scopes_g = g.C(rejects), g.C(fails), g.C(cbfails), g.C(groups), g.C(scopes)
    redir_g = g.C(["https://grafana.example.com/login/generic_oauth", "http://localhost:8000/callback?x=1",
                   "https://evil.example.net/cb"])
    events = [
        ("auth request <*> created for client <*> (connector=<*>, scopes=[<*>])", "info"),   # 0
        ("login successful: connector \"<*>\", user=\"<*>\", email=\"<*>\", groups=[<*>], auth request <*>", "info"),  # 1
        ("issued <*> token for client <*> to subject <*>, expires in <*>", "info"),  # 2
        ("authentication failed for connector \"<*>\": <*>", "error"),  # 3
        ("refresh token <*> for client <*> rotated", "info"),  # 4
        ("keys expired, rotating", "info"),  # 5
        ("keys rotated, next rotation at <*>", "info"),  # 6
        ("storage gc finished: <*> expired auth requests, <*> auth codes, <*> device tokens removed in <*>", "info"),  # 7
        ("invalid redirect_uri \"<*>\" for client <*>", "error"),  # 8
        ("connector <*> callback failed: <*>", "error"),  # 9
        ("consent required for client <*>, showing approval page to <*>", "info"),  # 10
        ("user <*> denied access to client <*>", "warning"),  # 11
        ("token request from client <*> rejected: <*>", "error"),  # 12
        ("login successful: connector \"<*>\", user=\"<*>\", email=\"<*>\", auth request <*>", "info"),  # 13 (no groups)
    ]
    evs = []  # (t, idx, vals)
    day0 = 14 * 3600 * NS + 2 * NS
    t = day0
    ttl = g.C(["23h59m59s", "24h0m0s", "1h0m0s", "10m0s"])
    sub = lambda: "Cg" + "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(14))
    rid = lambda: "".join(r.choice("abcdefghijklmnopqrstuvwxyz234567") for _ in range(25))
    cl_g = g.C(clients)
    for _ in range(260):
        t += int(r.expovariate(1 / 2.6) * NS) + r.randint(1, 999)
        kind = r.random()
        c = cl_g()
        if kind < 0.10:
            evs.append((t, 4, [rid(), c]))
            evs.append((t + r.randint(2_000_000, 90_000_000), 2,
                        [r.choice(["access", "refresh"]), c, sub(), ttl()]))
            continue
        if kind < 0.145:
            evs.append((t, 12, [c, rejects_g()]))
            continue
        if kind < 0.17:
            evs.append((t, 8, [redir_g(), c]))
            continue
        a = rid()
        conn = r.choice(conns)
        u, mail = r.choice(users)
        evs.append((t, 0, [a, c, conn, scopes_g()]))
        t1 = t + r.randint(2, 40) * NS + r.randint(0, NS)
        if r.random() < 0.10:
            evs.append((t1, 10, [c, u]))
            t1 += r.randint(3, 30) * NS
            if r.random() < 0.6:
                evs.append((t1, 11, [u, c]))
                continue
        o = r.random()
        if o < 0.80:
            if r.random() < 0.8:
                evs.append((t1, 1, [conn, u, mail, groups_g(), a]))
            else:
                evs.append((t1, 13, [conn, u, mail, a]))
            evs.append((t1 + r.randint(5_000_000, 400_000_000), 2, [r.choice(["ID", "ID", "access"]), c, sub(), ttl()]))
        elif o < 0.93:
            evs.append((t1, 3, [conn, fails_g()]))
        else:
            evs.append((t1, 9, [conn, cbfails_g()]))
    # background: place before the cut of the request stream
    bg_counts = {5: 3, 6: 3, 7: 5}
    nbg = sum(bg_counts.values())
    evs.sort(key=lambda x: x[0])
    t_cut = evs[N_LINES - nbg - 1][0]
    bg = []
    for k in range(3):
        tk = day0 + (k * 2 + 1) * (t_cut - day0) // 7 + r.randint(0, NS)
        bg.append((tk, 5, []))
        nxt = tk + 6 * 3600 * NS + r.randint(0, 10**9 - 1)
        h, m, s, f = hms(nxt)
        bg.append((tk + r.randint(3_000_000, 80_000_000), 6,
                   ["%04d-%02d-%02d %02d:%02d:%02d.%09d +0000 UTC" % (DATE + (h, m, s, f))]))
    for k in range(5):
        tk = day0 + (k * 2 + 1) * (t_cut - day0) // 11 + r.randint(0, NS)
        bg.append((tk, 7, [str(r.randint(0, 40)), str(r.randint(0, 12)), str(r.randint(0, 3)),
                           r.choice(["1.2ms", "840us", "3.71ms", "12.4ms", "1.002s"])]))
    assert all(b[0] < t_cut for b in bg)
    allv = sorted(evs[:N_LINES - nbg] + bg, key=lambda x: x[0])
    out = []
    for tt, i, vals in allv:
        tpl, lvl = events[i]
        h, m, s, _ = hms(tt)
        hdr = 'time="%04d-%02d-%02dT%02d:%02d:%02dZ" level=%s msg=' % (DATE + (h, m, s, lvl))
        qt = '"' + "<*>".join(go_quote(p) for p in tpl.split("<*>")) + '"'
        content = '"' + go_quote(fill(tpl, vals)) + '"'
        out.append((hdr, content, i, qt))
    return out


DEX_HDR = re.compile(r'time="(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})Z" level=(?:debug|info|warning|error|fatal|panic) msg=')


# ---------------------------------------------------------------- Mailman (simulation)
def sys_mailman(rng):
    r = rng
    pid = {"lmtp": 3184, "in": 3176, "pipeline": 3181, "out": 3180, "bounce": 3174, "archive": 3172,
           "digest": 3178, "retry": 3183, "rest": 3182, "master": 3161, "virgin": 3185}
    lists = ["dev@lists.example.org", "announce@lists.example.org", "users@lists.example.net",
             "board-private@lists.example.org", "mm3-test@lists.example.net"]
    senders = ["alice@example.com", "bob.smith@mail.example.net", "carol+lists@example.org",
               "dmitri@example.ru", "eve@corp.example"]
    holds = ["Post by non-member to a members-only list",
             "Message has implicit destination",
             "The message is larger than the 40 KB maximum size",
             "Message body is too big: 51234 bytes with a limit of 40 KB",
             "Header \"X-Spam-Flag: YES\" matched a header rule (action: hold)",
             "Too many recipients to the message"]
    smtpfail = ["User unknown", "Mailbox full (quota exceeded)",
                "Requested action aborted: local error in processing",
                "Message rejected due to content restrictions, see https://postmaster.example.net/?code=5.7.1"]
    events = [
        ("Message <*> received via LMTP for <*> (<*> bytes)", "lmtp"),  # 0
        ("<*> posted to <*> by <*>, <*> recipients", "pipeline"),  # 1
        ("Holding message <*> for list <*>: <*>", "pipeline"),  # 2
        ("<*> delivered to <*> recipients of <*> in <*> seconds", "out"),  # 3
        ("<*> delivery to <*> failed with SMTP code <*>: <*>", "out"),  # 4
        ("Bounce score for <*> on list <*> increased to <*>", "bounce"),  # 5
        ("Delivery disabled for <*> on list <*> after <*> bounces", "bounce"),  # 6
        ("Archived <*> for <*> via <*>", "archive"),  # 7
        ("Digest volume <*>, number <*> sent for list <*> (<*> messages)", "digest"),  # 8
        ("Message <*> discarded by <*>: <*>", "pipeline"),  # 9
        ("Subscription request for <*> to <*> is pending <*>", "rest"),  # 10
        ("Runner <*> (pid <*>) exited with signal <*>; restarting", "master"),  # 11
        ("Retry queue is empty", "retry"),  # 12
        ("<*> delivered to <*> recipients of <*> in <*> seconds, <*> refused", "out"),  # 13 optional field
    ]
    g = Gen(rng)
    holds_g, smtpfail_g = g.C(holds), g.C(smtpfail)
    disc_by = g.C(["spam filter", "moderator rule", "sender filter (discard_these_nonmembers)"])
    disc_why = g.C(["Header matched ^X-Spam-Score: [*]{5,}", "auto-discard", "sender in ban list", "duplicate Message-ID"])
    code_g = g.C(["550", "552", "451", "554"])
    evs = []
    day0 = 16 * 3600 * NS + 31 * NS
    t = day0
    seq = [0]
    for _ in range(200):
        t += int(r.expovariate(1 / 7.0) * NS) + 1
        seq[0] += 1
        mid = "<%d.%d.%d@%s>" % (1797000000 + r.randint(0, 999999), r.randint(1000, 99999), seq[0],
                                  r.choice(["mail.example.com", "example.org", "laptop.local"]))
        lst = r.choice(lists)
        snd = r.choice(senders)
        evs.append((t, 0, [mid, lst, str(r.randint(900, 250000))]))
        t1 = t + r.randint(50_000_000, 2_500_000_000)
        o = r.random()
        if o < 0.10:
            evs.append((t1, 2, [mid, lst, holds_g()]))
            continue
        if o < 0.14:
            evs.append((t1, 9, [mid, disc_by(),
                                disc_why()]))
            continue
        nrec = r.randint(2, 1800)
        evs.append((t1, 1, [mid, lst, snd, str(nrec)]))
        t2 = t1 + r.randint(200_000_000, 9 * NS)
        if r.random() < 0.85:
            if r.random() < 0.9:
                evs.append((t2, 3, [mid, str(nrec), lst, "%.3f" % r.uniform(0.05, 40)]))
            else:
                evs.append((t2, 13, [mid, str(nrec), lst, "%.3f" % r.uniform(0.05, 40), str(r.randint(1, 9))]))
        else:
            rcpt = r.choice(senders)
            evs.append((t2, 4, [mid, rcpt, code_g(), smtpfail_g()]))
            t3 = t2 + r.randint(5, 60) * NS
            evs.append((t3, 5, [rcpt, lst, "%.1f" % r.choice([1.0, 2.0, 3.0, 4.0, 5.0, 1.5])]))
        if r.random() < 0.35:
            evs.append((t1 + r.randint(1, 5) * NS, 7, [mid, lst, r.choice(["hyperkitty", "mhonarc", "prototype"])]))
    bg = {6: 3, 8: 4, 10: 7, 11: 3, 12: 5}
    nbg = sum(bg.values())
    evs.sort(key=lambda x: x[0])
    t_cut = evs[N_LINES - nbg - 1][0]
    extra = []
    cyc = {}
    for i, n in bg.items():
        for k in range(n):
            tk = day0 + (2 * k + 1) * (t_cut - day0) // (2 * n + 1) + r.randint(0, 3 * NS)
            c = cyc.setdefault(i, [0])
            c[0] += 1
            j = c[0]
            if i == 6:
                vals = [senders[j % 5], lists[(j + 1) % 5], str(5 + j % 3)]
            elif i == 8:
                vals = [str(3 + j % 2), str(40 + j), lists[j % 5], str(3 + 7 * j)]
            elif i == 10:
                vals = [["new.user@example.com", "Frank O'Neil <frank@example.org>", "guest@example.net"][j % 3],
                        lists[j % 5], ["confirmation", "approval", "moderator approval and confirmation"][j % 3]]
            elif i == 11:
                vals = [["out", "bounce", "archive", "virgin"][j % 4], str(3190 + j * 7),
                        ["SIGTERM", "SIGKILL", "SIGSEGV"][j % 3]]
            else:
                vals = []
            extra.append((tk, i, vals))
    assert all(x[0] < t_cut for x in extra)
    allv = sorted(evs[:N_LINES - nbg] + extra, key=lambda x: x[0])
    out = []
    for tt, i, vals in allv:
        tpl, runner = events[i]
        h, m, s, _ = hms(tt)
        hdr = "%s %02d %02d:%02d:%02d %04d (%d) " % (MON_ABBR, DATE[2], h, m, s, DATE[0], pid[runner])
        out.append((hdr, fill(tpl, vals), i, tpl))
    return out


MAILMAN_HDR = re.compile(r"([A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2}) \d{4} \(\d+\) ")


# ---------------------------------------------------------------- SeaweedFS
def sys_seaweedfs(rng):
    g = Gen(rng)
    vid = g.I(1, 420)
    fid = lambda: "%x%08x" % (rng.randint(1, 0xFFFFF), rng.getrandbits(32))
    masters = g.C(["10.20.0.2:9333", "10.20.0.3:9333", "master-0.seaweedfs:9333", "[fd00:20::4]:9333"])
    errs = ["not found", "needle 3f0a1b2c cookie mismatch, expected 0x7d21e9aa",
            "volume 17 is read only", "write /data/vol/col_17.dat: no space left on device"]
    gerr = ["rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while dialing: dial tcp 10.20.0.3:19333: connect: connection refused\"",
            "context deadline exceeded", "EOF",
            "rpc error: code = Canceled desc = grpc: the client connection is closing"]
    events = [
        ev("volume <*> appended needle <*> (<*> bytes, cookie <*>) in <*>",
           [vid, fid, g.I(12, 4194304), lambda: "%08x" % rng.getrandbits(32), g.dur_short()],
           f="store_write.go:58", lvl="I"),
        ev("heartbeat to master <*>: <*> volumes, <*> ec shards, max volume count <*>, free slots <*>, data center <*>, rack <*>",
           [masters, g.I(1, 120), g.I(0, 40), g.C(["200", "8", "64"]), g.I(0, 80), g.C(["dc1", "dc2", "DefaultDataCenter"]),
            g.C(["rack-a", "rack-b", "DefaultRack"])],
           f="volume_grpc_client_to_master.go:218", lvl="I"),
        ev("read needle <*> from volume <*> at offset <*> size <*>",
           [fid, vid, g.I(8, 34359738368), g.I(12, 4194304)],
           f="volume_read.go:91", lvl="I"),
        ev("volume <*> is read only: <*>",
           [vid, g.C(["disk usage 96.1%", "replica placement mismatch: want 010, got 001 (rack \"rack-b\" missing)",
                      "marked by master", "volume size 30001234688 exceeds limit 30000000000"])],
           f="volume.go:307", lvl="W"),
        ev("compacting volume <*> in collection <*> with garbage ratio <*>",
           [vid, g.C(["\"\"", "photos", "logs-2026", "buckets_tmp"]), g.Fl(0.3, 0.99, 4)],
           f="volume_vacuum.go:41", lvl="I"),
        ev("commit compaction of volume <*>: <*> -> <*> bytes, took <*>",
           [vid, g.I(10**8, 3 * 10**10), g.I(10**7, 10**10), g.dur()],
           f="volume_vacuum.go:97", lvl="I"),
        ev("failed to delete needle <*> in volume <*>: <*>",
           [fid, vid, g.C(errs)], f="volume_grpc_batch_delete.go:66", lvl="E"),
        ev("loading volume <*> from <*> (<*> needles, version <*>)",
           [vid, g.C(["/data/vol/17.idx", "/data/vol/photos_203.idx", "/mnt/disk2/logs-2026_8.idx"]), g.I(0, 900000),
            g.C(["3", "2"])],
           f="volume_loading.go:142", lvl="I"),
        ev("<*> <*> from <*> status <*>, <*> bytes in <*>",
           [g.C(["GET", "PUT", "DELETE", "GET", "POST"]),
            g.C(["/3,01637037d6", "/17,0a3f21b4c9e7?readDeleted=true", "/status", "/photos/2026/12/cat.jpg"]),
            g.C(["10.20.1.7:51234", "10.20.1.8:40022", "[fd00:20::9]:60110"]), g.C(["200", "404", "201", "500"]),
            g.I(0, 5000000), g.dur()],
           f="volume_server_handlers.go:49", lvl="I"),
        ev("connect to master <*> failed: <*>",
           [masters, g.C(gerr)], f="volume_grpc_client_to_master.go:71", lvl="E"),
        ev("volume <*> is mounted",
           [vid], f="volume_grpc_admin.go:88", lvl="I"),
        ev("volume <*> is unmounted",
           [vid], f="volume_grpc_admin.go:104", lvl="I"),
        ev("connected to master, waiting for the first heartbeat response",
           [], f="volume_grpc_client_to_master.go:142", lvl="I"),
        ev("volume <*> is read only",
           [vid], f="volume.go:311", lvl="W"),
    ]
    counts = [101, 44, 38, 23, 22, 15, 11, 10, 9, 7, 6, 6, 5, 3]
    seq = run_shuffle(rng, events, counts, 19 * 3600 * NS + 3 * NS, 50_000, 400_000_000)
    out = []
    for t, i in seq:
        e = events[i]
        h, m, s, frac = hms(t)
        hdr = "%s%02d%02d %02d:%02d:%02d.%06d %s] " % (e["lvl"], DATE[1], DATE[2], h, m, s, frac // 1000, e["f"])
        vals = [x() for x in e["gens"]]
        out.append((hdr, fill(e["tpl"], vals), i, e["tpl"]))
    return out


SEAWEEDFS_HDR = re.compile(r"[IWEF](\d{4} \d{2}:\d{2}:\d{2}\.\d{6}) [\w.\-]+:\d+\] ")


SYSTEMS = [
    ("Debezium", sys_debezium, DEBEZIUM_HDR),
    ("YugabyteDB", sys_yugabyte, YUGABYTE_HDR),
    ("ArangoDB", sys_arangodb, ARANGODB_HDR),
    ("Dex", sys_dex, DEX_HDR),
    ("Mailman", sys_mailman, MAILMAN_HDR),
    ("SeaweedFS", sys_seaweedfs, SEAWEEDFS_HDR),
]


def write_system(name, recs):
    d = os.path.join(HERE, name)
    os.makedirs(d, exist_ok=True)
    assert len(recs) == N_LINES, (name, len(recs))
    # EventIds by first appearance order of the definition index (E1..En by definition order)
    used = sorted({r[2] for r in recs})
    eid = {i: "E%d" % (k + 1) for k, i in enumerate(used)}
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="\n") as f:
        for hdr, content, _, _ in recs:
            f.write(hdr + content + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for n, (hdr, content, i, tpl) in enumerate(recs, 1):
            w.writerow([n, content, eid[i], tpl])


def self_check():
    for name, _, hre in SYSTEMS:
        d = os.path.join(HERE, name)
        with open(os.path.join(d, name + ".log"), encoding="utf-8", newline="\n") as f:
            raw = f.read().split("\n")
        assert raw[-1] == "", name
        raw = raw[:-1]
        assert len(raw) == N_LINES, (name, len(raw))
        with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], name
        rows = rows[1:]
        assert len(rows) == N_LINES, (name, len(rows))
        tpl_of = {}
        caps = {}
        counts = {}
        last_t = None
        for k, (row, line) in enumerate(zip(rows, raw), 1):
            assert len(row) == 4, (name, k)
            lid, content, eid, tpl = row
            assert lid == str(k), (name, k)
            assert content and content == content.strip(), (name, k)
            assert line.endswith(content), (name, k)
            hdr = line[:len(line) - len(content)]
            m = hre.fullmatch(hdr)
            assert m, (name, k, "header")
            tm = m.group(1)
            assert last_t is None or tm >= last_t, (name, k, "time went back")
            last_t = tm
            assert re.fullmatch(r"E\d+", eid), (name, k)
            assert tpl_of.setdefault(eid, tpl) == tpl, (name, eid, "two templates")
            rx = "^" + "(.+?)".join(re.escape(p) for p in tpl.split("<*>")) + "$"
            mm = re.fullmatch(rx, content)
            assert mm, (name, k, "template does not match")
            caps.setdefault(eid, [set() for _ in mm.groups()])
            for s, v in zip(caps[eid], mm.groups()):
                s.add(v)
            counts[eid] = counts.get(eid, 0) + 1
        assert len(set(tpl_of.values())) == len(tpl_of), (name, "duplicate templates")
        assert 12 <= len(tpl_of) <= 15, (name, len(tpl_of))
        ids = sorted(tpl_of, key=lambda e: int(e[1:]))
        assert ids == ["E%d" % i for i in range(1, len(ids) + 1)], name
        for eid, sets in caps.items():
            for j, s in enumerate(sets):
                assert len(s) >= 2, (name, eid, "slot", j + 1, "constant")
        cs = sorted(counts.values(), reverse=True)
        assert min(cs) >= 3, (name, counts)
        assert sum(1 for c in cs if 3 <= c <= 10) >= 3, (name, counts)
        assert cs[0] >= 3 * statistics.median(cs), (name, cs)
        print("%-10s %2d event types, counts %s" % (
            name, len(ids), " ".join("%s=%d" % (e, counts[e]) for e in ids)))
    print("self-check passed")


def main():
    for k, (name, fn, _) in enumerate(SYSTEMS):
        rng = random.Random(SEED * 100 + k)
        write_system(name, fn(rng))
    self_check()


if __name__ == "__main__":
    main()
