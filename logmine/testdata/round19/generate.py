#!/usr/bin/env python3
"""Round 19 corpus generator: six systems, 300 labelled lines each.

Deterministic: fixed seed, integer nanosecond clock on 2026-12-17, no locale
or wall-time dependence. Python 3 standard library only.
Run:  python3 generate.py   (writes <System>/<System>.log and
<System>/<System>.log_structured.csv, then runs the self-check).
"""
import csv
import os
import random
import re
import statistics

SEED = 20261225
N_LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
SEC = 10 ** 9
MS = 10 ** 6
DATE = (2026, 12, 17)
MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep',
          'Oct', 'Nov', 'Dec']


# ---------------------------------------------------------------- helpers
class Cycler:
    """Cycling pools: every slot that draws from a pool through the same key
    gets a different element on consecutive draws, so rare events vary."""

    def __init__(self, rng):
        self.rng = rng
        self.state = {}

    def __call__(self, key, pool):
        if key not in self.state:
            self.state[key] = [self.rng.randrange(len(pool)), 0]
        st = self.state[key]
        v = pool[(st[0] + st[1]) % len(pool)]
        st[1] += 1
        return v


def fill(template, values):
    parts = template.split('<*>')
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v, (template, values)
        out.append(v)
        out.append(p)
    return ''.join(out)


def hexid(rng, n=32):
    return '%0*x' % (n, rng.getrandbits(4 * n))


def uuid4(rng):
    h = hexid(rng, 32)
    h = h[:12] + '4' + h[13:16] + '89ab'[int(h[16], 16) % 4] + h[17:]
    return '%s-%s-%s-%s-%s' % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def split_ns(ns):
    """ns since midnight of DATE -> (h, m, s, frac_ns)."""
    s, frac = divmod(ns, SEC)
    assert 0 <= s < 86400
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return h, m, s, frac


def iso_date():
    return '%04d-%02d-%02d' % DATE


def go_dur(ns):
    """Go time.Duration.String() for durations >= 1ms."""
    if ns >= 60 * SEC:
        m, rest = divmod(ns, 60 * SEC)
        s, frac = divmod(rest, SEC)
        fs = ('%d.%09d' % (s, frac)).rstrip('0').rstrip('.')
        return '%dm%ss' % (m, fs)
    if ns >= SEC:
        s, frac = divmod(ns, SEC)
        return ('%d.%09d' % (s, frac)).rstrip('0').rstrip('.') + 's'
    ms, frac = divmod(ns, MS)
    return ('%d.%06d' % (ms, frac)).rstrip('0').rstrip('.') + 'ms'


def logfmt_val(v):
    v = str(v)
    if v == '' or any(c in v for c in ' ="\\') or any(ord(c) < 32 for c in v):
        return '"' + v.replace('\\', '\\\\').replace('"', '\\"') + '"'
    return v


def human_bytes(rng, lo, hi):
    n = rng.randint(lo, hi)
    for unit in ('B', 'K', 'M', 'G'):
        if n < 1024 or unit == 'G':
            if unit == 'B':
                return '%dB' % n
            return '%.2f%s' % (n, unit)
        n = n / 1024.0
    return '%dB' % n


class Line:
    __slots__ = ('ns', 'seq', 'key', 'values', 'hdr')

    def __init__(self, ns, seq, key, values, hdr):
        self.ns, self.seq, self.key, self.values, self.hdr = ns, seq, key, values, hdr


def shuffle_stamp(rng, counts, start_ns, mean_gap_ms):
    keys = []
    for k, c in counts.items():
        keys.extend([k] * c)
    assert len(keys) == N_LINES, len(keys)
    rng.shuffle(keys)
    t = start_ns
    out = []
    for k in keys:
        t += int(rng.expovariate(1.0 / mean_gap_ms) * MS) + rng.randint(1000, 999999)
        out.append((t, k))
    return out


def fill_top(counts):
    keys = list(counts)
    rest = sum(counts[k] for k in keys[1:])
    counts[keys[0]] = N_LINES - rest
    return counts


# ================================================================== KUDU
KUDU_P = '9c4e1a7f2b3d48e5a61f0c8d7e2b4a91'   # this tablet server's own uuid
KUDU_EVENTS = [
    # key, level, file:line, tid pool name, template, count
    ('flush', 'I', 'tablet.cc:1874', 'mm',
     'T <*> P %s: flushed MRS <*> to disk: <*> rows, <*> bytes, took <*> ms' % KUDU_P, 0),
    ('sched', 'I', 'maintenance_manager.cc:419', 'mm_sched',
     'P %s: scheduling <*>(<*>): perf score=<*>, mem anchored=<*>' % KUDU_P, 50),
    ('vote', 'I', 'raft_consensus.cc:3151', 'raft',
     'T <*> P %s [term <*> <*>]: stepping to term <*> after vote request from <*>' % KUDU_P, 30),
    ('scanner', 'W', 'tablet_service.cc:2967', 'rpc',
     'Scanner <*> on tablet <*> expired after <*> ms idle (client <*>)', 16),
    ('hbfail', 'E', 'heartbeater.cc:566', 'hb',
     'Failed to heartbeat to <*>: <*>', 14),
    ('hbok', 'I', 'heartbeater.cc:402', 'hb',
     'Connected to master <*> after <*> attempts', 10),
    ('created', 'I', 'ts_tablet_manager.cc:1338', 'rpc',
     'T <*> P %s: created tablet with schema (<*>)' % KUDU_P, 9),
    ('deleted', 'I', 'ts_tablet_manager.cc:1902', 'rpc',
     'T <*> P %s: deleted tablet data' % KUDU_P, 7),
    ('deleted_tomb', 'I', 'ts_tablet_manager.cc:1902', 'rpc',
     'T <*> P %s: deleted tablet data (tombstoned at <*>)' % KUDU_P, 5),
    ('container', 'W', 'log_block_manager.cc:2211', 'mm',
     'Container <*> in <*> is <*>% full: <*> live blocks, <*> dead blocks', 12),
    ('copy_start', 'I', 'tablet_copy_client.cc:318', 'copy',
     'T <*> P %s: starting tablet copy from <*>' % KUDU_P, 6),
    ('copy_done', 'I', 'tablet_copy_client.cc:671', 'copy',
     'T <*> P %s: finished tablet copy from <*>' % KUDU_P, 4),
    ('pool', 'I', 'server_base.cc:812', 'diag',
     '<*> threads busy in pool <*>, queue length <*>', 8),
    ('mem', 'W', 'process_memory.cc:285', 'diag',
     'Memory pressure: <*> used of <*> limit (<*>%), tracked: block_cache=<*> '
     'tablets=<*> log_cache=<*> rpc=<*> server=<*> untracked=<*>', 5),
    ('noop', 'I', 'maintenance_manager.cc:377', 'mm_sched',
     'Maintenance manager: no ops eligible to run', 4),
]


def gen_kudu():
    rng = random.Random(SEED * 10 + 1)
    C = Cycler(rng)
    tablets = [hexid(rng) for _ in range(18)]
    peers = [hexid(rng) for _ in range(4)]
    tids = {'mm': [4805, 4806, 4807], 'mm_sched': [4801], 'raft': [13412, 13415, 13420, 213877],
            'rpc': [13077, 13081, 13090, 13102, 987], 'hb': [4790], 'copy': [226104, 226131],
            'diag': [4779]}
    masters = ['kudu-master-1.dc2.internal:7051', 'kudu-master-2.dc2.internal:7051',
               '10.40.7.13:7051']
    ops = ['FlushMRSOp', 'FlushDeltaMemStoresOp', 'CompactRowSetsOp', 'LogGCOp',
           'MajorDeltaCompactionOp', 'UndoDeltaBlockGCOp']
    clients = ["{username='etl'} at 10.40.9.21:41234", "{username='impala'} at 10.40.9.35:50110",
               "{username='spark', real_user='svc-spark@DC2.INTERNAL'} at 10.40.11.4:39802",
               "{username='kudu'} at 127.0.0.1:52016"]
    hb_errors = [
        'Network error: Failed to ping master at 10.40.7.13:7051: Client connection negotiation '
        'failed: client connection to 10.40.7.13:7051: connect: Connection refused (error 111)',
        'Timed out: Heartbeat RPC to kudu-master-2.dc2.internal:7051 timed out after 15.000s (SENT)',
        'Service unavailable: leader not ready',
        'Remote error: Not the leader',
        'Illegal state: master has not finished loading catalog [term 12]',
    ]
    schemas = [
        'id INT64 NOT NULL, ts UNIXTIME_MICROS NULLABLE, payload STRING NULLABLE, PRIMARY KEY (id)',
        'host STRING NOT NULL, metric STRING NOT NULL, ts UNIXTIME_MICROS NOT NULL, '
        'value DOUBLE NULLABLE, PRIMARY KEY (host, metric, ts)',
        'k INT32 NOT NULL, PRIMARY KEY (k)',
        'order_id INT64 NOT NULL, amount DECIMAL(18, 2) NULLABLE, note VARCHAR(200) NULLABLE, '
        'PRIMARY KEY (order_id)',
    ]
    data_dirs = ['/data/1/kudu/tserver/data', '/data/2/kudu/tserver/data',
                 '/data/3/kudu/tserver/data']
    pools = ['service-queue', 'raft', 'prepare', 'apply', 'tablet-copy']
    ev = {e[0]: e for e in KUDU_EVENTS}
    counts = fill_top({e[0]: e[5] for e in KUDU_EVENTS})
    lines = []
    for i, (t, k) in enumerate(shuffle_stamp(rng, counts, 7 * 3600 * SEC + 12 * 60 * SEC, 9000)):
        c = lambda slot, pool: C((k, slot), pool)
        if k == 'flush':
            v = [c('t', tablets), rng.randint(3, 4000), rng.randint(1, 900000),
                 rng.randint(2 ** 10, 2 ** 28), rng.randint(1, 9000)]
        elif k == 'sched':
            v = [c('op', ops), c('t', tablets), '%.6f' % rng.uniform(0, 2),
                 c('mem', ['0B', '2.35M', '11.04M', '512.00K', '67.9M'])]
        elif k == 'vote':
            v = [c('t', tablets), rng.randint(2, 40), c('role', ['FOLLOWER', 'LEADER', 'LEARNER']),
                 rng.randint(41, 60), c('p', peers)]
        elif k == 'scanner':
            v = [hexid(rng), c('t', tablets), rng.randint(60000, 90000), c('cl', clients)]
        elif k == 'hbfail':
            v = [c('m', masters), c('err', hb_errors)]
        elif k == 'hbok':
            v = [c('m', masters), c('n', [1, 2, 3, 5, 8])]
        elif k == 'created':
            v = [c('t', tablets), c('s', schemas)]
        elif k == 'deleted':
            v = [c('t', tablets)]
        elif k == 'deleted_tomb':
            v = [c('t', tablets), '%d.%d' % (rng.randint(1, 30), rng.randint(1, 99999))]
        elif k == 'container':
            v = [hexid(rng), c('d', data_dirs), rng.randint(80, 99), rng.randint(100, 9000),
                 rng.randint(0, 5000)]
        elif k in ('copy_start', 'copy_done'):
            v = [c('t', tablets), c('p', peers)]
        elif k == 'pool':
            v = [rng.randint(8, 64), c('p', pools), rng.randint(0, 300)]
        elif k == 'mem':
            v = [c('u', ['3.71G', '3.92G', '4.08G', '4.11G']), c('l', ['4.00G', '4.50G']),
                 rng.randint(80, 103), human_bytes(rng, 2 ** 28, 2 ** 31),
                 human_bytes(rng, 2 ** 20, 2 ** 30), human_bytes(rng, 2 ** 20, 2 ** 29),
                 human_bytes(rng, 2 ** 10, 2 ** 26), human_bytes(rng, 2 ** 10, 2 ** 24),
                 human_bytes(rng, 2 ** 20, 2 ** 30)]
        else:
            v = []
        lines.append(Line(t, i, k, v, {'level': ev[k][1], 'src': ev[k][2],
                                       'tid': c('tid', tids[ev[k][3]])}))
    return {e[0]: e[4] for e in KUDU_EVENTS}, [e[0] for e in KUDU_EVENTS], lines


def kudu_header(ln):
    h, m, s, frac = split_ns(ln.ns)
    return '%s%02d%02d %02d:%02d:%02d.%06d %5d %s] ' % (
        ln.hdr['level'], DATE[1], DATE[2], h, m, s, frac // 1000, ln.hdr['tid'], ln.hdr['src'])


KUDU_HDR_RE = r'[IWEF]\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ [\w.]+:\d+\] '


def kudu_time(hdr):
    return hdr[1:21]


# ================================================================== EMQX
EMQX_EVENTS = [
    ('keepalive', 'warning',
     'clientid: <*>, msg: keepalive_timeout, peername: <*>, keepalive: <*>', 0),
    ('authn', 'warning',
     'tag: AUTHN, clientid: <*>, msg: authentication_failed, peername: <*>, username: <*>, reason: <*>', 50),
    ('authz', 'warning',
     'tag: AUTHZ, clientid: <*>, msg: publish_denied, peername: <*>, username: <*>, topic: <*>, action: <*>', 28),
    ('mqueue', 'warning',
     'clientid: <*>, msg: message_dropped, peername: <*>, reason: queue_full, topic: <*>, mqueue_len: <*>', 18),
    ('health', 'error',
     'tag: RESOURCE, msg: health_check_failed, resource_id: <*>, status: <*>, reason: <*>', 14),
    ('alarm_on', 'warning', 'msg: alarm_is_activated, name: <*>, message: <<"<*>">>', 8),
    ('alarm_off', 'warning', 'msg: alarm_is_deactivated, name: <*>, message: <<"<*>">>', 6),
    ('frame', 'warning',
     'clientid: <*>, msg: frame_too_large, peername: <*>, size: <*>, max_size: <*>', 12),
    ('listener', 'error', 'Failed to start listener <*> on <*>: <*>', 4),
    ('longsched', 'warning',
     'msg: long_schedule, pid: <*>, timeout: <*>, initial_call: <*>, current_function: <*>, '
     'memory: <*>, message_queue_len: <*>, reductions: <*>, registered_name: <*>, status: <*>', 7),
    ('kicked', 'warning', 'clientid: <*>, msg: session_kicked, peername: <*>', 10),
    ('kicked_user', 'warning', 'clientid: <*>, msg: session_kicked, peername: <*>, username: <*>', 5),
    ('catchup', 'error', 'tag: CLUSTER_RPC, msg: catch_up_failed_will_retry_later', 4),
    ('rule', 'error',
     'tag: RULE, msg: action_failed, rule_id: <*>, action: <*>, reason: <*>', 9),
]


def gen_emqx():
    rng = random.Random(SEED * 10 + 2)
    C = Cycler(rng)

    def clientid():
        return rng.choice(['sensor-%06x' % rng.getrandbits(24), 'mqttx_%08x' % rng.getrandbits(32),
                           'gw-line%d-%02d' % (rng.randint(1, 9), rng.randint(1, 40)),
                           'app/%s/%d' % (rng.choice(['ios', 'android']), rng.randint(100, 9999))])

    def peer():
        return '%s:%d' % (rng.choice(['10.12.%d.%d' % (rng.randint(0, 9), rng.randint(2, 254)),
                                      '172.31.%d.%d' % (rng.randint(0, 40), rng.randint(2, 254)),
                                      '198.51.100.%d' % rng.randint(2, 254)]),
                          rng.randint(1024, 65535))
    users = ['plant4', 'telemetry', 'undefined', 'fw-updater', 'admin', 'dev_42']
    topics = ['factory/line4/temp', 'fleet/truck-17/gps', '$SYS/brokers/emqx@10.12.0.5/uptime',
              'cmd/device/8812/set', 'tenants/acme/alerts/#']
    actions = ['#{action_type => publish,qos => 1,retain => false}',
               '#{action_type => publish,qos => 0,retain => true}',
               '#{action_type => publish,qos => 2,retain => false}']
    resources = ['connector:http:alert_webhook', 'connector:postgresql:pg_sink',
                 'connector:kafka_producer:events', 'connector:mysql:audit']
    health_reasons = ['timeout', '{shutdown,econnrefused}', 'econnrefused',
                      '#{cause => "connection closed by peer", host => "10.12.4.11:5432"}',
                      '{error,{tls_alert,{unknown_ca,"TLS client: received SERVER ALERT: Fatal - Unknown CA"}}}']
    alarms = [('high_system_memory_usage', 'System memory usage is higher than 70%'),
              ('high_cpu_usage', 'cpu_usage 92.14% is above the high watermark 80%'),
              ('conn_congestion/gw-line3-11/plant4', 'connection congested: sending queue blocked'),
              ('license_quota', 'License: sessions quota exceeds 90%')]
    listeners = ['ssl:default', 'ws:default', 'tcp:internal', 'wss:default']
    binds = ['0.0.0.0:8883', '0.0.0.0:8083', '127.0.0.1:11883', '[::]:8084']
    listen_errs = ['eaddrinuse', '{bad_cert_file,"/etc/emqx/certs/cert.pem"}',
                   'eacces', '{shutdown,{failed_to_start_child,ranch_acceptors_sup,enfile}}']
    init_calls = ['emqx_connection:init/4', 'emqx_cm:init/1', 'emqx_router_helper:init/1',
                  'erlang:apply/2']
    cur_funcs = ['{ets,select_delete,2}', '{emqx_session_mem,deliver,3}', '{gen,do_call,4}',
                 '{lists,foldl,3}']
    rules = ['rule_alerts', 'rule_3f8a', 'pg_sink_rule', 'rule:to_kafka']
    rule_actions = ['http:alert_webhook', 'postgresql:pg_sink', 'kafka_producer:events']
    rule_reasons = ['{unrecoverable_error,<<"bad request: 400">>}', 'timeout',
                    '{recoverable_error,{closed,"The connection was lost."}}',
                    'resource_is_stopped']
    ev = {e[0]: e for e in EMQX_EVENTS}
    counts = fill_top({e[0]: e[3] for e in EMQX_EVENTS})
    lines = []
    for i, (t, k) in enumerate(shuffle_stamp(rng, counts, 9 * 3600 * SEC + 3 * 60 * SEC, 7000)):
        c = lambda slot, pool: C((k, slot), pool)
        if k == 'keepalive':
            v = [clientid(), peer(), c('ka', [30, 60, 120, 15, 300])]
        elif k == 'authn':
            v = [clientid(), peer(), c('u', users), c('r', ['bad_username_or_password',
                                                          'not_authorized', 'banned'])]
        elif k == 'authz':
            v = [clientid(), peer(), c('u', users), c('t', topics), c('a', actions)]
        elif k == 'mqueue':
            v = [clientid(), peer(), c('t', topics), c('l', [1000, 1000, 5000, 10000])]
        elif k == 'health':
            v = [c('r', resources), c('s', ['disconnected', 'connecting']), c('why', health_reasons)]
        elif k in ('alarm_on', 'alarm_off'):
            a = c('al', alarms)
            v = [a[0], a[1]]
        elif k == 'frame':
            v = [clientid(), peer(), rng.randint(1048577, 9000000), c('m', [1048576, 262144])]
        elif k == 'listener':
            j = C(('listener', 'j'), [0, 1, 2, 3])
            v = [listeners[j], binds[j], c('e', listen_errs)]
        elif k == 'longsched':
            v = ['<0.%d.0>' % rng.randint(100, 99999), rng.randint(240, 3000),
                 c('ic', init_calls), c('cf', cur_funcs), rng.randint(10000, 9000000),
                 rng.randint(0, 4000), rng.randint(1000, 9000000),
                 c('rn', ['[]', 'emqx_router_helper', 'emqx_cm', '[]']),
                 c('st', ['running', 'runnable', 'waiting'])]
        elif k == 'kicked':
            v = [clientid(), peer()]
        elif k == 'kicked_user':
            v = [clientid(), peer(), c('u', users)]
        elif k == 'rule':
            v = [c('id', rules), c('a', rule_actions), c('r', rule_reasons)]
        else:
            v = []
        lines.append(Line(t, i, k, v, {'level': ev[k][1]}))
    return {e[0]: e[2] for e in EMQX_EVENTS}, [e[0] for e in EMQX_EVENTS], lines


def emqx_header(ln):
    h, m, s, frac = split_ns(ln.ns)
    return '%sT%02d:%02d:%02d.%06d+00:00 [%s] ' % (iso_date(), h, m, s, frac // 1000, ln.hdr['level'])


EMQX_HDR_RE = r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00 \[(debug|info|notice|warning|error|critical|alert|emergency)\] '


def emqx_time(hdr):
    return hdr[:26]


# ================================================================== TEMPO
TEMPO_EVENTS = [
    # key, level, caller, header has tenant=, template
    ('seal', 'info', 'instance.go:283', True, 'msg="sealed head block" block=<*> traces=<*> bytes=<*>'),
    ('completing', 'info', 'instance.go:331', True, 'msg="completing block" block=<*>'),
    ('completed', 'info', 'instance.go:356', True, 'msg="block completed" block=<*> duration=<*>'),
    ('flushing', 'info', 'flush.go:244', False, 'msg="flushing block" tenant=<*> block=<*>'),
    ('flushing_retry', 'info', 'flush.go:244', False,
     'msg="flushing block" tenant=<*> block=<*> attempt=<*>'),
    ('flushed', 'info', 'flush.go:273', False,
     'msg="block flushed" tenant=<*> block=<*> size=<*> duration=<*>'),
    ('flushfail', 'error', 'flush.go:262', False,
     'msg="failed to flush block" tenant=<*> block=<*> err=<*>'),
    ('cjob', 'info', 'compactor.go:152', False,
     'msg="compaction job started" tenant=<*> compactionLevel=<*> blocks=<*>'),
    ('cblock', 'info', 'compactor.go:188', False,
     'msg="compacting block" tenant=<*> block=<*> objects=<*> start=<*> end=<*>'),
    ('cdone', 'info', 'compactor.go:231', False,
     'msg="compaction job finished" tenant=<*> inputs=<*> outputs=<*> objects=<*> bytesIn=<*> '
     'bytesOut=<*> spansDeduped=<*> tracesDropped=<*> duration=<*>'),
    ('cskip', 'warn', 'compactor.go:170', False,
     'msg="skipping compaction, blocks already claimed" tenant=<*> owner=<*>'),
    ('lookup', 'info', 'querier.go:412', False,
     'msg="trace lookup" tenant=<*> traceID=<*> blocksSearched=<*> found=<*> duration=<*>'),
    ('slow', 'warn', 'search_sharder.go:199', False,
     'msg="slow search" tenant=<*> query=<*> start=<*> end=<*> duration=<*>'),
    ('pushfail', 'warn', 'distributor.go:402', False, 'msg="push failed" tenant=<*> err=<*>'),
    ('poll', 'info', 'poller.go:160', False, 'msg="blocklist poll complete"'),
]


def gen_tempo():
    rng = random.Random(SEED * 10 + 3)
    C = Cycler(rng)
    tenants = ['acme-prod', 'payments', 'team-search']
    owners = ['tempo-compactor-0', 'tempo-compactor-1', 'tempo-compactor-2']
    flush_errs = ['context deadline exceeded',
                  's3: PutObject: 503 SlowDown: reduce your request rate',
                  'write tcp 10.0.2.4:51234->10.0.9.9:443: write: broken pipe']
    push_errs = ['EOF', 'context canceled',
                 'rpc error: code = Unavailable desc = connection error: desc = "transport: '
                 'error while dialing: dial tcp 10.0.1.7:9095: connect: connection refused"',
                 'tenant over span budget (limit=25000/s, burst=50000)', 'io.ErrUnexpectedEOF']
    queries = ['{ resource.service.name = "checkout" }',
               '{ span.http.status_code >= 500 && duration > 2s }',
               '{ name = "GET /api/cart" } | count() > 3',
               '{ resource.k8s.namespace.name =~ "prod-.*" && status = error }']
    events = []   # (ns, key, values, hdr)
    END = 8 * 3600 * SEC + 10 * 60 * SEC   # generate well past the cut
    T0 = 7 * 3600 * SEC + 40 * 60 * SEC

    def rfc3339(ns):
        h, m, s, _ = split_ns(ns)
        return '%sT%02d:%02d:%02dZ' % (iso_date(), h, m, s)

    def emit(ns, key, values, tenant=None):
        events.append((ns, key, values, tenant))

    # ingester: per tenant, periodic head-block cuts; flush queue with retries
    for ten in tenants:
        t = T0 + rng.randint(0, 40 * SEC)
        while t < END:
            blk = uuid4(rng)
            emit(t, 'seal', [blk, rng.randint(200, 60000), rng.randint(10 ** 6, 5 * 10 ** 8)], ten)
            t1 = t + rng.randint(200 * MS, 3 * SEC)
            emit(t1, 'completing', [blk], ten)
            d = rng.randint(300 * MS, 14 * SEC)
            emit(t1 + d, 'completed', [blk, go_dur(d)], ten)
            t2 = t1 + d + rng.randint(1 * MS, 400 * MS)
            emit(t2, 'flushing', [ten, blk])
            attempt = 1
            nfail = C('nfail', [1, 2]) if rng.random() < 0.3 else 0
            while True:
                fd = rng.randint(150 * MS, 9 * SEC)
                if attempt <= nfail:
                    emit(t2 + fd, 'flushfail', [ten, blk, logfmt_val(C('ferr', flush_errs))])
                    attempt += 1
                    t2 = t2 + fd + rng.randint(5 * SEC, 20 * SEC)
                    emit(t2, 'flushing_retry', [ten, blk, attempt])
                    continue
                emit(t2 + fd, 'flushed', [ten, blk, rng.randint(10 ** 6, 5 * 10 ** 8), go_dur(fd)])
                break
            t += rng.randint(35 * SEC, 75 * SEC)
    # compactor jobs
    t = T0 + rng.randint(5 * SEC, 30 * SEC)
    while t < END:
        ten = C('cten', tenants)
        if rng.random() < 0.35:
            emit(t, 'cskip', [ten, C('owner', owners)])
        else:
            nb = rng.randint(2, 4)
            lvl = C('lvl', [0, 1, 2, 0])
            emit(t, 'cjob', [ten, lvl, nb])
            tt = t
            tot = 0
            for _ in range(nb):
                tt += rng.randint(20 * MS, 2 * SEC)
                objs = rng.randint(1000, 90000)
                tot += objs
                st = T0 - rng.randint(3600, 7200) * SEC
                emit(tt, 'cblock', [ten, uuid4(rng), objs, rfc3339(st),
                                    rfc3339(st + rng.randint(300, 3600) * SEC)])
            d = rng.randint(2 * SEC, 95 * SEC)
            bi = rng.randint(10 ** 7, 3 * 10 ** 9)
            emit(tt + d, 'cdone', [ten, nb, C('outs', [1, 1, 2]), tot, bi, bi - rng.randint(0, bi // 5),
                                   rng.randint(0, 4000), rng.randint(0, 30), go_dur(d)])
        t += rng.randint(20 * SEC, 50 * SEC)
    # queries
    t = T0
    while t < END:
        t += int(rng.expovariate(1 / 1.6) * SEC) + 1
        ten = rng.choice(tenants)
        if rng.random() < 0.05:
            d = rng.randint(5 * SEC, 80 * SEC)
            end = t - rng.randint(0, 600) * SEC
            emit(t + d, 'slow', [ten, logfmt_val(C('q', queries)),
                                 rfc3339(end - rng.choice([1800, 3600, 21600]) * SEC),
                                 rfc3339(end), go_dur(d)])
        else:
            d = rng.randint(2 * MS, 3 * SEC)
            emit(t + d, 'lookup', [ten, hexid(rng), rng.randint(1, 400),
                                   C('found', ['true', 'true', 'false']), go_dur(d)])
    # distributor push failures
    t = T0
    while t < END:
        t += rng.randint(30 * SEC, 90 * SEC)
        emit(t, 'pushfail', [C('pten', tenants), logfmt_val(C('perr', push_errs))])
    # blocklist poller
    t = T0 + 17 * SEC
    while t < END:
        emit(t, 'poll', [])
        t += 60 * SEC + rng.randint(0, 900) * MS
    events.sort(key=lambda e: e[0])
    ev = {e[0]: e for e in TEMPO_EVENTS}
    lines = []
    for i, (ns, k, v, ten) in enumerate(events[:N_LINES]):
        lines.append(Line(ns, i, k, v, {'level': ev[k][1], 'caller': ev[k][2], 'tenant': ten}))
    return {e[0]: e[4] for e in TEMPO_EVENTS}, [e[0] for e in TEMPO_EVENTS], lines


def tempo_ts(ns):
    h, m, s, frac = split_ns(ns)
    base = '%sT%02d:%02d:%02d' % (iso_date(), h, m, s)
    if frac:
        base += ('.%09d' % frac).rstrip('0')
    return base + 'Z'


def tempo_header(ln):
    hdr = 'level=%s ts=%s caller=%s ' % (ln.hdr['level'], tempo_ts(ln.ns), ln.hdr['caller'])
    if ln.hdr['tenant']:
        hdr += 'tenant=%s ' % ln.hdr['tenant']
    return hdr


TEMPO_HDR_RE = r'level=(debug|info|warn|error) ts=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z caller=[\w.]+:\d+ (tenant=[\w-]+ )?'


def tempo_time(hdr):
    ts = re.search(r'ts=(\S+)Z', hdr).group(1)
    main, _, frac = ts.partition('.')
    return main + '.' + frac.ljust(9, '0')


# ================================================================== ODOO
ODOO_EVENTS = [
    # key, level, logger, template
    ('http', 'INFO', 'werkzeug', '<*> - - [<*>] "<*> <*> HTTP/1.1" <*> - <*> <*> <*>'),
    ('login', 'INFO', 'odoo.addons.base.models.res_users',
     "Authenticated login '<*>' (uid <*>) on db <*> from <*>"),
    ('loginfail', 'WARNING', 'odoo.addons.base.models.res_users',
     "Failed login for '<*>' on db <*> from <*>"),
    ('cronstart', 'INFO', 'odoo.addons.base.models.ir_cron', "Cron job '<*>' (<*>) started"),
    ('crondone', 'INFO', 'odoo.addons.base.models.ir_cron', "Cron job '<*>' (<*>) finished in <*>s"),
    ('cronfail', 'ERROR', 'odoo.addons.base.models.ir_cron', "Cron job '<*>' (<*>) failed: <*>"),
    ('mail', 'INFO', 'odoo.addons.mail.models.mail_mail',
     'Outgoing mail <*> delivered to <*> recipient(s) via <*>'),
    ('forbidden', 'WARNING', 'odoo.http', 'Forbidden <*> on <*> for uid <*> (records: [<*>])'),
    ('unlink', 'INFO', 'odoo.models.unlink', 'Autovacuum removed <*> record(s) of <*>: [<*>]'),
    ('logout', 'INFO', 'odoo.http', 'Logout: session <*> closed for uid <*>'),
    ('slowsql', 'WARNING', 'odoo.sql_db', 'Query took <*>s: <*>'),
    ('recycle', 'INFO', 'odoo.service.server', 'HTTP worker reached its request quota, recycling'),
    ('spawn', 'INFO', 'odoo.service.server', 'Spawned HTTP worker <*>'),
    ('slowreq', 'WARNING', 'odoo.http',
     'Slow request <*> <*> by uid <*>: <*> queries, <*>s in SQL, <*>s in Python, response <*> bytes'),
]


def gen_odoo():
    rng = random.Random(SEED * 10 + 4)
    C = Cycler(rng)
    MAIN_PID = 2114
    workers = [2131, 2133, 2136, 2140]
    cron_pids = [2142, 2143]
    next_pid = [2187]
    users = [('m.dubois@acme.example', 7), ('admin', 2), ('k.osei@acme.example', 19),
             ('warehouse.lyon', 23), ('j.martin@acme.example', 31), ('portal.client8', 58)]
    ips = ['192.0.2.44', '203.0.113.7', '10.8.0.23', '10.8.0.61', '198.51.100.90']
    paths = [('POST', '/web/dataset/call_kw/sale.order/web_search_read'),
             ('POST', '/web/dataset/call_kw/res.partner/web_read'),
             ('POST', '/web/action/load'),
             ('POST', '/mail/data'),
             ('GET', '/web/image/res.partner/7/avatar_128'),
             ('GET', '/web/webclient/translations/4f1b9a2e?lang=fr_FR'),
             ('POST', '/web/dataset/call_button'),
             ('GET', '/odoo/action-sale.action_quotations_with_onboarding'),
             ('POST', '/bus/im_status'),
             ('GET', '/web/assets/1a2b3c4/web.assets_web.min.js')]
    dbs = ['acme_prod', 'acme_prod', 'acme_prod', 'acme_staging']
    crons = [('Mail: Email Queue Manager', 3), ('Base: Auto-vacuum internal data', 1),
             ('Calendar: Event Reminder', 12), ("Payment: Post-process transactions", 27),
             ('Snailmail: process letters queue', 33)]
    cron_errs = ['timeout',
                 'psycopg2.errors.SerializationFailure: could not serialize access due to concurrent update',
                 "ValueError: Expected singleton: res.partner(7, 12)",
                 "SMTP server 'smtp.acme-mail.example:587' refused the connection: [Errno 111] Connection refused"]
    smtp = ['smtp.acme-mail.example:587', 'localhost:25']
    models = ['ir.attachment', 'bus.bus', 'mail.message', 'res.users.log', 'ir.cron.trigger']
    sqls = ['VACUUM ANALYZE mail_message',
            'SELECT "res_partner"."id" FROM "res_partner" WHERE ("res_partner"."active" = true) '
            'ORDER BY "res_partner"."complete_name" LIMIT 80',
            "DELETE FROM bus_bus WHERE create_date < (now() at time zone 'UTC' - interval '1 day')",
            'UPDATE "ir_attachment" SET "res_id" = NULL WHERE id IN (4412, 4413, 4419)']
    events = []   # (ns, key, values, hdr)
    T0 = 6 * 3600 * SEC + 55 * 60 * SEC
    END = T0 + 3 * 3600 * SEC

    def emit(ns, key, values, pid, db):
        events.append((ns, key, values, {'pid': pid, 'db': db}))

    def wz_date(ns):
        h, m, s, _ = split_ns(ns)
        return '%02d/%s/%04d %02d:%02d:%02d' % (DATE[2], MONTHS[DATE[1] - 1], DATE[0], h, m, s)

    def http(ns, ip, meth, path, status, db, pid=None):
        pid = pid or rng.choice(workers)
        emit(ns, 'http', [ip, wz_date(ns), meth, path, status, rng.randint(1, 90),
                          '%.3f' % rng.uniform(0.001, 0.4), '%.3f' % rng.uniform(0.002, 0.9)],
             pid, db)
        return pid

    # web sessions
    t = T0
    while t < END:
        t += rng.randint(8 * SEC, 70 * SEC)
        login, uid = rng.choice(users)
        ip = rng.choice(ips)
        db = rng.choice(dbs)
        tt = t
        if rng.random() < 0.12:
            pid = rng.choice(workers)
            emit(tt, 'loginfail', [login, db, ip], pid, db)
            http(tt + rng.randint(2, 40) * MS, ip, 'POST', '/web/login', 200, db, pid)
            tt += rng.randint(4, 20) * SEC
            if rng.random() < 0.4:
                continue
        pid = rng.choice(workers)
        emit(tt, 'login', [login, uid, db, ip], pid, db)
        http(tt + rng.randint(2, 40) * MS, ip, 'POST', '/web/login', 303, db, pid)
        for _ in range(rng.randint(2, 9)):
            tt += rng.randint(300 * MS, 25 * SEC)
            meth, path = rng.choice(paths)
            pid = rng.choice(workers)
            status = 200
            if meth == 'GET' and rng.random() < 0.3:
                status = 304
            r = rng.random()
            if r < 0.045:
                recs = ', '.join(str(rng.randint(1, 500)) for _ in range(rng.randint(1, 4)))
                emit(tt, 'forbidden', [C('fop', ['read', 'write', 'unlink']),
                                       C('fm', ['hr.employee', 'account.move', 'res.partner']),
                                       uid, recs], pid, db)
            elif r < 0.09:
                emit(tt, 'slowreq', [meth, path, uid, rng.randint(300, 4000),
                                     '%.3f' % rng.uniform(1, 6), '%.3f' % rng.uniform(0.5, 9),
                                     rng.randint(200, 4000000)], pid, db)
            http(tt + rng.randint(2, 400) * MS, ip, meth, path, status, db, pid)
        if rng.random() < 0.5:
            tt += rng.randint(1, 60) * SEC
            emit(tt, 'logout', [hexid(rng, 10), uid], rng.choice(workers), db)
    # cron worker
    t = T0 + 20 * SEC
    while t < END:
        t += rng.randint(25 * SEC, 80 * SEC)
        name, cid = C('cron', crons)
        pid = rng.choice(cron_pids)
        db = 'acme_prod'
        emit(t, 'cronstart', [name, cid], pid, db)
        tt = t
        if cid == 3:
            for _ in range(rng.randint(0, 4)):
                tt += rng.randint(50 * MS, 2 * SEC)
                emit(tt, 'mail', [rng.randint(9000, 99999), rng.randint(1, 12), C('smtp', smtp)], pid, db)
        if cid == 1:
            for _ in range(rng.randint(1, 2)):
                tt += rng.randint(50 * MS, 2 * SEC)
                ids = ', '.join(str(rng.randint(100, 99999)) for _ in range(rng.randint(1, 5)))
                emit(tt, 'unlink', [len(ids.split(', ')), C('um', models), ids], pid, db)
        if rng.random() < 0.18:
            tt += rng.randint(1 * SEC, 9 * SEC)
            emit(tt, 'slowsql', ['%.3f' % rng.uniform(3, 40), C('sql', sqls)], pid, db)
        tt += rng.randint(100 * MS, 20 * SEC)
        if rng.random() < 0.09:
            emit(tt, 'cronfail', [name, cid, C('cerr', cron_errs)], pid, db)
        else:
            emit(tt, 'crondone', [name, cid, '%.3f' % ((tt - t) / SEC)], pid, db)
    # worker recycling
    t = T0 + 90 * SEC
    while t < END:
        t += rng.randint(2 * 60 * SEC, 5 * 60 * SEC)
        old = rng.choice(workers)
        emit(t, 'recycle', [], old, '?')
        new = next_pid[0]
        next_pid[0] += rng.randint(3, 40)
        workers[workers.index(old)] = new
        emit(t + rng.randint(5 * MS, 200 * MS), 'spawn', [new], MAIN_PID, '?')
    events.sort(key=lambda e: e[0])
    ev = {e[0]: e for e in ODOO_EVENTS}
    lines = []
    for i, (ns, k, v, hdr) in enumerate(events[:N_LINES]):
        hdr = dict(hdr, level=ev[k][1], logger=ev[k][2])
        lines.append(Line(ns, i, k, v, hdr))
    return {e[0]: e[3] for e in ODOO_EVENTS}, [e[0] for e in ODOO_EVENTS], lines


def odoo_header(ln):
    h, m, s, frac = split_ns(ln.ns)
    return '%s %02d:%02d:%02d,%03d %d %s %s %s: ' % (
        iso_date(), h, m, s, frac // MS, ln.hdr['pid'], ln.hdr['level'], ln.hdr['db'], ln.hdr['logger'])


ODOO_HDR_RE = r'\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} \d+ (DEBUG|INFO|WARNING|ERROR|CRITICAL) \S+ [\w.]+: '


def odoo_time(hdr):
    return hdr[:23]


# ================================================================== SSSD
SSSD_EVENTS = [
    # key, debug level, function(s), template
    ('acct', '0x0200', 'dp_get_account_info_handler', 'Account lookup requested: type [<*>] filter [<*>]'),
    ('cachehit', '0x0400', 'dp_account_check_cache', 'Entry [<*>] still valid in cache, skipping server lookup'),
    ('search', '0x0400', None, 'Searching for <*> with base [<*>]'),
    ('ldapreq', '0x0400', 'sdap_get_generic_ext_step',
     'Sending search request with filter [<*>] and <*> attributes'),
    ('results', '0x0400', 'sdap_get_generic_op_finished', '<*> result(s) returned by [<*>]'),
    ('store', '0x0400', None, 'Storing <*> [<*>] in the cache'),
    ('done', '0x0400', 'dp_req_reply_std', 'Request [<*>] done: [<*>]: [<*>]'),
    ('searchfail', '0x0040', 'sdap_get_generic_op_finished', 'Search request failed [<*>]: <*>'),
    ('srvstate', '0x0100', 'fo_set_port_status', "Server '<*>' changed state to '<*>'"),
    ('connect', '0x0400', 'sdap_connect_host_send', 'Opening connection to [<*>] (attempt <*>)'),
    ('ptask', '0x0400', 'be_ptask_schedule', 'Task [<*>]: next execution in <*> seconds'),
    ('offline', '0x0040', 'be_mark_offline', 'Backend is now offline'),
    ('online', '0x0200', 'be_reset_offline', 'Backend is now online'),
    ('refresh', '0x0400', 'be_refresh_done',
     'Refresh of expired entries done: users [<*>], groups [<*>], netgroups [<*>], '
     'initgroups [<*>], errors [<*>], took [<*>] ms'),
    ('tgt', '0x0400', 'sss_krb5_check_tgt', 'Machine TGT for [<*>] valid until [<*>]'),
]


def gen_sssd():
    rng = random.Random(SEED * 10 + 5)
    C = Cycler(rng)
    dom = 'example.com'
    users = ['jdoe', 'asmith', 'svc-backup', 'k.nakamura', 'mlopez', 'build-bot', 'r.oconnor']
    groups = ['domain users', 'linux-admins', 'devops', 'sudo-prod', 'vpn_users', 'finance-ro']
    servers = ['dc1.example.com', 'dc2.example.com', 'ldap-ro.example.com']
    base_users = 'ou=people,dc=example,dc=com'
    base_groups = 'ou=groups,dc=example,dc=com'
    fail_errs = ["Can't contact LDAP server", 'Timed out',
                 'Server is unwilling to perform: paged results control rejected (size limit 1000)',
                 'Size limit exceeded']
    tasks = ['Refresh Records', 'Dyndns update', 'Subdomains Refresh', 'Cleanup of expired entries']
    events = []
    T0 = 10 * 3600 * SEC + 2 * 60 * SEC
    END = T0 + 40 * 60 * SEC
    rid = [0]
    offline = []   # intervals

    def emit(ns, key, values, func=None, rid_=None):
        events.append((ns, key, values, func, rid_))

    # offline episodes first, so requests during them fail fast
    t = T0 + rng.randint(20, 40) * SEC
    while t < END:
        srv = C('osrv', servers)
        emit(t, 'srvstate', [srv, 'not working'])
        emit(t + rng.randint(1, 30) * MS, 'offline', [])
        back = t + rng.randint(25, 60) * SEC
        att = C('natt', [1, 2])
        for a in range(1, att + 1):
            emit(back - (att - a) * 5 * SEC - rng.randint(10, 900) * MS, 'connect',
                 ['ldaps://%s' % C('csrv', servers), a])
        emit(back + rng.randint(20, 300) * MS, 'srvstate', [srv, C('st', ['working', 'neutral'])])
        emit(back + rng.randint(301, 900) * MS, 'online', [])
        offline.append((t, back))
        t = back + rng.randint(35, 70) * SEC

    def is_off(ns):
        return any(a <= ns <= b for a, b in offline)

    # account requests
    t = T0
    while t < END:
        t += int(rng.expovariate(1 / 3.2) * SEC) + 1
        rid[0] += 1
        r = rid[0]
        kind = rng.choice(['BE_REQ_USER', 'BE_REQ_USER', 'BE_REQ_GROUP', 'BE_REQ_INITGROUPS'])
        if kind == 'BE_REQ_GROUP':
            name = rng.choice(groups)
        else:
            name = rng.choice(users)
        fq = '%s@%s' % (name, dom)
        emit(t, 'acct', [kind, 'name=%s' % fq], rid_=r)
        tt = t + rng.randint(1, 30) * MS
        reqname = 'Account #%d: %s by name' % (r, {'BE_REQ_USER': 'Users', 'BE_REQ_GROUP': 'Groups',
                                                   'BE_REQ_INITGROUPS': 'Initgroups'}[kind])
        if rng.random() < 0.35 and not is_off(t):
            emit(tt, 'cachehit', [fq], rid_=r)
            emit(tt + rng.randint(1, 9) * MS, 'done', [reqname, 0, 'Success'], rid_=r)
            continue
        if is_off(t):
            emit(tt, 'done', [reqname, 11, 'Resource temporarily unavailable'], rid_=r)
            continue
        if kind == 'BE_REQ_GROUP':
            what, base, func = 'groups', base_groups, 'sdap_get_groups_next_base'
            filt = '(&(cn=%s)(objectClass=posixGroup))' % name
            nattr = 9
        else:
            what, base, func = 'users', base_users, 'sdap_search_user_next_base'
            filt = '(&(uid=%s)(objectClass=posixAccount)(uid=*))' % name
            nattr = 27
        emit(tt, 'search', [what, base], func=func, rid_=r)
        tt += rng.randint(1, 5) * MS
        if kind == 'BE_REQ_INITGROUPS':
            filt = '(&(memberUid=%s)(objectClass=posixGroup)(cn=*))' % name
            nattr = 9
        emit(tt, 'ldapreq', [filt, nattr], rid_=r)
        tt += rng.randint(3, 900) * MS
        if rng.random() < 0.07:
            emit(tt, 'searchfail', [C('fcode', [-1, 85, 51, 4]), C('ferr', fail_errs)], rid_=r)
            emit(tt + rng.randint(1, 9) * MS, 'done', [reqname, 5, 'Input/output error'], rid_=r)
            continue
        if kind == 'BE_REQ_INITGROUPS':
            n = rng.randint(2, 6)
            names = rng.sample(groups, n)
            ent, sfunc = 'group', 'sdap_save_group'
        elif rng.random() < 0.12:
            n, names, ent, sfunc = 0, [], 'user', 'sdap_save_user'
        else:
            n, names = 1, [name]
            ent, sfunc = ('group', 'sdap_save_group') if kind == 'BE_REQ_GROUP' else ('user', 'sdap_save_user')
        emit(tt, 'results', [n, 'ldaps://%s' % rng.choice(servers[:2])], rid_=r)
        for nm in names:
            tt += rng.randint(1, 40) * MS
            emit(tt, 'store', [ent, '%s@%s' % (nm, dom)], func=sfunc, rid_=r)
        tt += rng.randint(1, 9) * MS
        if n == 0:
            emit(tt, 'done', [reqname, 2, 'No such file or directory'], rid_=r)
        else:
            emit(tt, 'done', [reqname, 0, 'Success'], rid_=r)
    # periodic tasks
    t = T0 + 11 * SEC
    while t < END:
        emit(t, 'ptask', [C('task', tasks), C('delay', [300, 3600, 86400, 10800, 600])])
        t += rng.randint(15, 35) * SEC
    t = T0 + 25 * SEC
    while t < END:
        emit(t, 'refresh', [rng.randint(0, 40), rng.randint(0, 25), C('ng', [0, 0, 2]),
                            rng.randint(0, 40), C('errs', [0, 1, 0, 3]), rng.randint(20, 4000)])
        t += rng.randint(40, 70) * SEC
    t = T0 + 47 * SEC
    while t < END:
        h, m, s, _ = split_ns(t + 10 * 3600 * SEC)
        emit(t, 'tgt', [C('host', ['HOST/app07.example.com@EXAMPLE.COM', 'APP07$@EXAMPLE.COM']),
                        '%s %02d:%02d:%02d' % (iso_date(), h, m, s)])
        t += rng.randint(45, 80) * SEC
    events.sort(key=lambda e: e[0])
    ev = {e[0]: e for e in SSSD_EVENTS}
    lines = []
    for i, (ns, k, v, func, r) in enumerate(events[:N_LINES]):
        lines.append(Line(ns, i, k, v, {'lvl': ev[k][1], 'func': func or ev[k][2], 'rid': r}))
    return {e[0]: e[3] for e in SSSD_EVENTS}, [e[0] for e in SSSD_EVENTS], lines


def sssd_header(ln):
    h, m, s, _ = split_ns(ln.ns)
    hdr = '(%s %02d:%02d:%02d): [be[example.com]] [%s] (%s): ' % (
        iso_date(), h, m, s, ln.hdr['func'], ln.hdr['lvl'])
    if ln.hdr['rid'] is not None:
        hdr += '[RID#%d] ' % ln.hdr['rid']
    return hdr


SSSD_HDR_RE = r'\(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\): \[be\[example\.com\]\] \[\w+\] \(0x[0-9a-f]{4}\): (\[RID#\d+\] )?'


def sssd_time(hdr):
    return hdr[1:20]


# ================================================================== PROFTPD
PROFTPD_EVENTS = [
    # key, session header?, template, count
    ('xfer', True, "<*> of '<*>' complete: <*> bytes in <*> seconds", 0),
    ('open', True, 'control connection accepted', 40),
    ('close', True, 'control connection closed', 34),
    ('auth', True, "USER <*>: authenticated, home is '<*>'", 30),
    ('auth_class', True, "USER <*>: authenticated, home is '<*>' (class <*>)", 8),
    ('reject', True, 'USER <*>: rejected (<*>)', 14),
    ('chroot', True, "changing root to '<*>'", 12),
    ('port', True, 'Refused PORT <*> (address mismatch)', 6),
    ('pasv', True, 'passive data connection from <*> timed out after <*> seconds', 9),
    ('maxinst', False, 'MaxInstances (<*>) reached, refusing connection from <*>', 5),
    ('sighup', False, 'SIGHUP received, re-reading configuration', 3),
    ('tls', True, 'mod_tls/2.9.2: handshake with client failed: <*>', 7),
    ('home', True, "notice: cannot use '<*>' as home directory: <*>", 4),
    ('summary', True,
     'transfer summary: user=<*> files_in=<*> files_out=<*> bytes_in=<*> bytes_out=<*> dirs=<*> duration=<*>s', 10),
    ('idle', True, '<*> seconds idle timeout reached, closing session', 6),
]


def gen_proftpd():
    rng = random.Random(SEED * 10 + 6)
    C = Cycler(rng)
    users = ['alice', 'bob.k', 'scanner01', 'deploy', 'edi_partner', 'ftpuser', 'marta']
    clients = [('ws-114.corp.example.net', '10.20.1.114'), ('10.20.3.9', '10.20.3.9'),
               ('::ffff:198.51.100.23', '::ffff:198.51.100.23'),
               ('edi.partner.example.org', '203.0.113.40'), ('printer-3f.corp.example.net', '10.20.7.31'),
               ('::ffff:192.0.2.77', '::ffff:192.0.2.77')]
    files = ['/srv/ftp/alice/reports/q4-2026.xlsx', '/incoming/ORDERS_20261217_0815.edi',
             '/scans/SCAN_000417.pdf', '/srv/ftp/deploy/releases/app-3.14.2.tar.gz',
             '/pub/readme.txt', '/incoming/with space/photo 01.jpg']
    reject_reasons = ['no such user', 'wrong password', 'wrong password (attempt 3 of 3)',
                      'shell /usr/sbin/nologin not listed in /etc/shells',
                      "account expired: denied by PAM (module 'pam_unix')"]
    tls_errs = ['(1) error:0A000416:SSL routines::sslv3 alert certificate unknown',
                'unexpected EOF from client', 'no shared cipher',
                '(1) error:0A00010B:SSL routines::wrong version number']
    home_errs = ['No such file or directory', 'Permission denied']
    pids = {}
    ev = {e[0]: e for e in PROFTPD_EVENTS}
    counts = fill_top({e[0]: e[3] for e in PROFTPD_EVENTS})
    lines = []
    for i, (t, k) in enumerate(shuffle_stamp(rng, counts, 13 * 3600 * SEC + 30 * 60 * SEC, 14000)):
        c = lambda slot, pool: C((k, slot), pool)
        cl = rng.choice(clients)
        u = rng.choice(users)
        if k == 'xfer':
            v = [c('cmd', ['RETR', 'STOR', 'APPE', 'RETR']), rng.choice(files),
                 rng.randint(0, 900000000), '%.3f' % rng.uniform(0, 60)]
        elif k in ('auth', 'auth_class'):
            v = [u, '/srv/ftp/%s' % u] + ([c('cl', ['staff', 'partners', 'scanners'])]
                                          if k == 'auth_class' else [])
        elif k == 'reject':
            v = [c('u', users + ['root', 'test']), c('r', reject_reasons)]
        elif k == 'chroot':
            v = ['/srv/ftp/%s' % c('u', users)]
        elif k == 'port':
            ip = cl[1].replace('::ffff:', '')
            p = rng.randint(1025, 65535)
            v = ['%s,%d,%d' % (ip.replace('.', ','), p // 256, p % 256)]
        elif k == 'pasv':
            v = [cl[1], c('s', [300, 600, 30])]
        elif k == 'maxinst':
            v = [c('mi', [30, 50]), cl[1]]
        elif k == 'tls':
            v = [c('e', tls_errs)]
        elif k == 'home':
            v = ['/home/%s' % c('u', users), c('e', home_errs)]
        elif k == 'summary':
            v = [u, rng.randint(0, 40), rng.randint(0, 40), rng.randint(0, 10 ** 9),
                 rng.randint(0, 10 ** 9), rng.randint(0, 12), rng.randint(1, 7200)]
        elif k == 'idle':
            v = [c('s', [600, 300, 900])]
        else:
            v = []
        if ev[k][1]:
            pid = pids.setdefault(cl, rng.randint(20000, 39999))
            if rng.random() < 0.15:
                pid = pids[cl] = rng.randint(20000, 39999)
            hdr = {'pid': pid, 'client': cl}
        else:
            hdr = {'pid': 1187, 'client': None}
        lines.append(Line(t, i, k, v, hdr))
    return {e[0]: e[2] for e in PROFTPD_EVENTS}, [e[0] for e in PROFTPD_EVENTS], lines


def proftpd_header(ln):
    h, m, s, frac = split_ns(ln.ns)
    hdr = '%s %02d:%02d:%02d,%03d ftp01 proftpd[%d] ftp01.example.com' % (
        iso_date(), h, m, s, frac // MS, ln.hdr['pid'])
    if ln.hdr['client']:
        hdr += ' (%s[%s])' % ln.hdr['client']
    return hdr + ': '


PROFTPD_HDR_RE = (r'\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ftp01 proftpd\[\d+\] ftp01\.example\.com'
                  r'( \([^\s\[\]()]+\[[0-9a-f.:]+\]\))?: ')


def proftpd_time(hdr):
    return hdr[:23]


# ================================================================== driver
SYSTEMS = [
    ('Kudu', gen_kudu, kudu_header, KUDU_HDR_RE, kudu_time),
    ('Odoo', gen_odoo, odoo_header, ODOO_HDR_RE, odoo_time),
    ('EMQX', gen_emqx, emqx_header, EMQX_HDR_RE, emqx_time),
    ('Tempo', gen_tempo, tempo_header, TEMPO_HDR_RE, tempo_time),
    ('SSSD', gen_sssd, sssd_header, SSSD_HDR_RE, sssd_time),
    ('ProFTPD', gen_proftpd, proftpd_header, PROFTPD_HDR_RE, proftpd_time),
]


def write_system(name, gen, header):
    templates, order, lines = gen()
    assert len(lines) == N_LINES, (name, len(lines))
    lines.sort(key=lambda l: (l.ns, l.seq))
    present = set(l.key for l in lines)
    ids = {}
    for k in order:
        if k in present:
            ids[k] = 'E%d' % (len(ids) + 1)
    d = os.path.join(HERE, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + '.log'), 'w', encoding='utf-8', newline='\n') as f:
        for l in lines:
            f.write(header(l) + fill(templates[l.key], l.values) + '\n')
    with open(os.path.join(d, name + '.log_structured.csv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f)
        w.writerow(['LineId', 'Content', 'EventId', 'EventTemplate'])
        for i, l in enumerate(lines, 1):
            w.writerow([i, fill(templates[l.key], l.values), ids[l.key], templates[l.key]])


def self_check(name, hdr_re, time_key):
    d = os.path.join(HERE, name)
    with open(os.path.join(d, name + '.log'), encoding='utf-8', newline='') as f:
        raw = f.read()
    assert raw.endswith('\n')
    raw_lines = raw[:-1].split('\n')
    assert len(raw_lines) == N_LINES, (name, len(raw_lines))
    with open(os.path.join(d, name + '.log_structured.csv'), encoding='utf-8', newline='') as f:
        rows = list(csv.reader(f))
    assert rows[0] == ['LineId', 'Content', 'EventId', 'EventTemplate'], rows[0]
    rows = rows[1:]
    assert len(rows) == N_LINES, (name, len(rows))
    hre = re.compile(hdr_re)
    tmpl_of = {}
    caps = {}
    count = {}
    prev = None
    for i, (row, rl) in enumerate(zip(rows, raw_lines), 1):
        assert len(row) == 4, row
        lid, content, eid, tmpl = row
        assert lid == str(i), (name, lid, i)
        assert content == content.strip() and content, (name, i, content)
        assert rl.endswith(content), (name, i)
        hdr = rl[:len(rl) - len(content)]
        assert hre.fullmatch(hdr), (name, i, hdr)
        tk = time_key(hdr)
        assert prev is None or tk >= prev, (name, i, prev, tk)
        prev = tk
        assert re.fullmatch(r'E\d+', eid), eid
        assert tmpl_of.setdefault(eid, tmpl) == tmpl, (name, eid)
        rx = '^' + '(.+?)'.join(re.escape(p) for p in tmpl.split('<*>')) + '$'
        m = re.fullmatch(rx, content, re.S)
        assert m, (name, i, tmpl, content)
        caps.setdefault(eid, [set() for _ in m.groups()])
        for s, g in zip(caps[eid], m.groups()):
            s.add(g)
        count[eid] = count.get(eid, 0) + 1
    assert len(set(tmpl_of.values())) == len(tmpl_of), (name, 'duplicate templates')
    for eid, sets in caps.items():
        for j, s in enumerate(sets):
            assert len(s) >= 2, (name, eid, tmpl_of[eid], 'slot', j + 1, s)
    n = len(count)
    assert 12 <= n <= 15, (name, n)
    assert sorted(count, key=lambda e: int(e[1:])) == ['E%d' % k for k in range(1, n + 1)]
    assert min(count.values()) >= 3, (name, count)
    assert sum(1 for c in count.values() if 3 <= c <= 10) >= 3, (name, count)
    med = statistics.median(count.values())
    assert max(count.values()) >= 3 * med, (name, count, med)
    return count


def main():
    for name, gen, header, _, _ in SYSTEMS:
        write_system(name, gen, header)
    for name, _, _, hdr_re, time_key in SYSTEMS:
        count = self_check(name, hdr_re, time_key)
        print('%-8s %d event types: %s' % (
            name, len(count), ' '.join('%s=%d' % (e, count[e]) for e in
                                       sorted(count, key=lambda e: int(e[1:])))))
    print('self-check passed')


if __name__ == '__main__':
    main()
