#!/usr/bin/env python3
"""Sealed 19: a blind corpus for the log template miner.

Writes six systems (300 lines each) next to this script:
  <System>/<System>.log                 raw lines, header included
  <System>/<System>.log_structured.csv  LineId,Content,EventId,EventTemplate

Deterministic: seed 20261228, system k uses random.Random(20261228*10 + k),
an integer nanosecond clock on 2026-03-14 (UTC), no wall time, no locale.
Python 3 standard library only.  Ends with a self-check.
"""
import csv
import hashlib
import heapq
import json
import os
import re
import statistics
from collections import deque
from datetime import datetime, timedelta, timezone
import random

SEED = 20261228
HERE = os.path.dirname(os.path.abspath(__file__))
BASE = datetime(2026, 3, 14, tzinfo=timezone.utc)   # the fixed date
NS = 1_000_000_000
MS = 1_000_000
N_LINES = 300
MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun',
          'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']


# ---------------------------------------------------------------- helpers

def when(t):
    """t is integer nanoseconds since 2026-03-14 00:00:00 UTC."""
    return BASE + timedelta(microseconds=t // 1000)


def msec(t):
    return (t // MS) % 1000


def ymd_hms(t, dsep='-', tsep=' '):
    d = when(t)
    return (f'{d.year:04d}{dsep}{d.month:02d}{dsep}{d.day:02d}{tsep}'
            f'{d.hour:02d}:{d.minute:02d}:{d.second:02d}')


def epoch_s(t):
    return int(BASE.timestamp()) + t // NS


def hexs(rng, n):
    return ''.join(rng.choice('0123456789abcdef') for _ in range(n))


def uuid4(rng):
    h = hexs(rng, 32)
    return f'{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice("89ab")}{h[17:20]}-{h[20:32]}'


def godur(ns):
    """Go time.Duration.String()-like, rounded the way loggers usually do."""
    if ns < NS:
        v = f'{ns / MS:.3f}'.rstrip('0').rstrip('.')
        return v + 'ms'
    s = ns / NS
    if s < 60:
        return f'{s:.3f}'.rstrip('0').rstrip('.') + 's'
    total = int(s)
    m, sec = divmod(total, 60)
    if m < 60:
        return f'{m}m{sec}s'
    h, m = divmod(m, 60)
    return f'{h}h{m}m{sec}s'


def expgap(rng, mean_s, floor_ns=MS):
    return floor_ns + int(rng.expovariate(1.0) * mean_s * NS)


class Sim:
    """Tiny discrete-event loop: actions run in time order."""

    def __init__(self):
        self.q = []
        self.n = 0
        self.now = 0

    def at(self, t, fn, *args):
        heapq.heappush(self.q, (t, self.n, fn, args))
        self.n += 1

    def run(self, system, enough=N_LINES + 160):
        while self.q and len(system.lines) < enough:
            t, _, fn, args = heapq.heappop(self.q)
            self.now = t
            fn(t, *args)


class System:
    def __init__(self, name, k, header_re, header_fn, escape=None):
        self.name = name
        self.rng = random.Random(SEED * 10 + k)
        self.header_re = re.compile(header_re)
        self.header_fn = header_fn
        self.escape = escape
        self.templates = {}
        self.info = {}
        self.order = []
        self.lines = []
        self.seq = 0
        self.pools = {}

    def declare(self, key, template, **info):
        assert key not in self.templates
        self.templates[key] = template
        self.info[key] = info
        self.order.append(key)

    def cyc(self, key, slot, pool):
        """Cycling pool per (event, slot): even rare events get >= 2 values."""
        i = self.pools.get((key, slot), 0)
        self.pools[(key, slot)] = i + 1
        return pool[i % len(pool)]

    def fill(self, key, values):
        parts = self.templates[key].split('<*>')
        assert len(parts) - 1 == len(values), (key, values)
        out = [parts[0]]
        for v, p in zip(values, parts[1:]):
            v = str(v)
            if self.escape:
                v = self.escape(v)
            assert v != '', (key, values)
            out.append(v)
            out.append(p)
        return ''.join(out)

    def emit(self, t, key, values=(), **meta):
        content = self.fill(key, list(values))
        header = self.header_fn(t, self.info[key], meta)
        self.lines.append((t, self.seq, header, content, key))
        self.seq += 1

    def finish(self, cut_after=None):
        self.lines.sort(key=lambda x: (x[0], x[1]))
        assert len(self.lines) >= N_LINES, (self.name, len(self.lines))
        if cut_after is not None:
            # everything up to the 300th line was already simulated
            assert self.lines[N_LINES - 1][0] <= cut_after, self.name
        self.lines = self.lines[:N_LINES]

    def write(self):
        d = os.path.join(HERE, self.name)
        os.makedirs(d, exist_ok=True)
        eid = {k: f'E{i + 1}' for i, k in enumerate(self.order)}
        with open(os.path.join(d, self.name + '.log'), 'w', encoding='utf-8', newline='\n') as f:
            for _, _, h, c, _ in self.lines:
                f.write(h + c + '\n')
        with open(os.path.join(d, self.name + '.log_structured.csv'), 'w',
                  encoding='utf-8', newline='') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['LineId', 'Content', 'EventId', 'EventTemplate'])
            for i, (_, _, _, c, k) in enumerate(self.lines, 1):
                w.writerow([i, c, eid[k], self.templates[k]])


# ====================================================== 0. NexusRepository
# logback, nexus.log default pattern:
# %d{"yyyy-MM-dd HH:mm:ss,SSSZ"} %-5p [%thread] %mdc{userId:-*SYSTEM} %c - %m%n

NEXUS_RE = (r'^(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3})\+0000 '
            r'(?:TRACE|DEBUG|INFO |WARN |ERROR) \[[^\]]+\] \S+ [A-Za-z0-9_.$]+ - $')


def nexus_header(t, info, meta):
    lvl = meta.get('level', info['level'])
    return (f'{ymd_hms(t)},{msec(t):03d}+0000 {lvl:<5} [{meta["thread"]}] '
            f'{meta["user"]} {info["logger"]} - ')


def build_nexus():
    S = System('NexusRepository', 0, NEXUS_RE, nexus_header)
    r = S.rng
    Q = 'org.sonatype.nexus.'
    S.declare('state', "Task '<*>' [<*>] state change <*> -> <*>",
              level='INFO', logger=Q + 'quartz.internal.task.QuartzTaskInfo')
    S.declare('tasklog', 'Task log: <*>',
              level='INFO', logger=Q + 'quartz.internal.task.QuartzTaskJob')
    S.declare('nocache', 'Exception <*> checking remote for update, proxy repo <*> '
              'failed to fetch <*>, content not in cache.',
              level='WARN', logger=Q + 'repository.proxy.ProxyFacetSupport')
    S.declare('cached', 'Exception <*> checking remote for update, proxy repo <*> '
              'failed to fetch <*>, using cached content.',
              level='WARN', logger=Q + 'repository.proxy.ProxyFacetSupport')
    S.declare('blocked', 'Repository status for <*> changed from READY to '
              'AUTO_BLOCKED_UNAVAILABLE - reason <*> for <*>',
              level='WARN', logger=Q + 'repository.httpclient.internal.HttpClientFacetImpl')
    S.declare('unblocked', 'Repository status for <*> changed from '
              'AUTO_BLOCKED_UNAVAILABLE to READY',
              level='INFO', logger=Q + 'repository.httpclient.internal.HttpClientFacetImpl')
    S.declare('cleaned', '<*> components cleaned up for repository <*>',
              level='INFO', logger=Q + 'cleanup.internal.service.CleanupServiceImpl')
    S.declare('elapsed', 'Elapsed time: <*>, processed: <*>/<*>',
              level='INFO', logger=Q + 'blobstore.compact.internal.CompactBlobStoreTask')
    S.declare('unexpected', '(ID <*>) Unexpected exception: <*>',
              level='ERROR', logger=Q + 'siesta.internal.UnexpectedExceptionMapper')
    S.declare('blob_missing', 'Attempt to access non-existent blob <*> (<*>)',
              level='WARN', logger=Q + 'blobstore.file.FileBlobStore')
    S.declare('blob_deleted', 'Attempt to access soft-deleted blob <*> (<*>)',
              level='WARN', logger=Q + 'blobstore.file.FileBlobStore')
    S.declare('health', 'Refreshing status health checks',
              level='INFO', logger=Q + 'internal.status.StatusHealthCheckStoreImpl')
    S.declare('upload', 'Component <*>:<*>:<*> of format <*> in repository <*> uploaded by '
              '<*> from <*> (<*> assets, <*> bytes)',
              level='INFO', logger=Q + 'repository.upload.internal.UploadManagerImpl')

    counts = {'state': 60, 'tasklog': 30, 'nocache': 75, 'cached': 14, 'blocked': 6,
              'unblocked': 5, 'cleaned': 18, 'elapsed': 30, 'unexpected': 8,
              'blob_missing': 16, 'blob_deleted': 7, 'health': 4, 'upload': 27}
    assert sum(counts.values()) == N_LINES

    tasks = [('Cleanup service', 'repository.cleanup'),
             ('Compact blob store default', 'blobstore.compact'),
             ('Storage facet cleanup', 'repository.storage-facet-cleanup'),
             ('Docker - Delete unused manifests and images', 'repository.docker.gc'),
             ('Rebuild Maven repository metadata', 'repository.maven.rebuild-metadata'),
             ('Purge npm-proxy unused', 'repository.purge-unused')]
    transitions = [('WAITING', 'RUNNING'), ('RUNNING', 'WAITING (OK)'),
                   ('WAITING', 'RUNNING'), ('RUNNING', 'WAITING (OK)'),
                   ('WAITING', 'RUNNING'), ('RUNNING', 'WAITING (FAILED)'),
                   ('WAITING', 'RUNNING'), ('RUNNING', 'WAITING (OK)')]
    users = ['admin', 'anonymous', 'anonymous', 'jenkins-ci', 'svc-deploy', 'anonymous']
    remotes = {
        'maven-central': ('repo1.maven.org', '151.101.12.209', 'https://repo1.maven.org/maven2/',
                          ['org/springframework/boot/spring-boot-starter-web/3.2.4/'
                           'spring-boot-starter-web-3.2.4.pom',
                           'com/google/guava/guava/maven-metadata.xml',
                           'io/netty/netty-handler/4.1.108.Final/netty-handler-4.1.108.Final.jar',
                           'junit/junit/4.13.2/junit-4.13.2.jar.sha1']),
        'npm-proxy': ('registry.npmjs.org', '104.16.27.34', 'https://registry.npmjs.org/',
                      ['lodash', '@types/node', '@babel/core/-/core-7.24.3.tgz',
                       'left-pad']),
        'docker-hub': ('registry-1.docker.io', '54.227.20.253', 'https://registry-1.docker.io/',
                       ['/v2/library/nginx/manifests/1.25-alpine',
                        '/v2/library/postgres/blobs/sha256:6c5f2f3b8a1d9e0c4b7a2f1e3d5c8b9a'
                        '0e1f2d3c4b5a69788796a5b4c3d2e1f0',
                        '/v2/bitnami/redis/manifests/latest']),
        'pypi-proxy': ('pypi.org', '151.101.0.223', 'https://pypi.org/',
                       ['/simple/requests/', '/simple/numpy/',
                        '/packages/3f/1c/requests-2.31.0-py3-none-any.whl']),
    }
    proxy_repos = list(remotes)
    exceptions = [
        'java.net.SocketTimeoutException: Read timed out',
        'org.apache.http.conn.ConnectTimeoutException: Connect to {h}:443 [{h}/{ip}] '
        'failed: connect timed out',
        'java.net.UnknownHostException: {h}',
        'org.apache.http.NoHttpResponseException: {h}:443 failed to respond',
        'javax.net.ssl.SSLHandshakeException: PKIX path building failed: '
        'sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid '
        'certification path to requested target',
        'java.io.IOException: Premature EOF',
    ]
    reasons = ['Connect to {h}:443 [{h}/{ip}] failed: connect timed out',
               '{h}: Name or service not known',
               'Remote Auto Blocked, status 503 Service Unavailable']
    hosted = ['maven-snapshots', 'maven-releases', 'npm-hosted', 'docker-hosted', 'raw-site']
    uploads = [('com.acme.billing', 'invoice-service', '2.14.0', 'maven2', 'maven-releases'),
               ('com.acme', 'commons-logging-bridge', '1.0.3-20260314.091522-7', 'maven2',
                'maven-snapshots'),
               ('@acme', 'ui-kit', '3.1.0', 'npm', 'npm-hosted'),
               ('org.example.tools', 'x', '0.1', 'maven2', 'maven-releases'),
               ('@platform', 'eslint-config-platform-shared-defaults', '12.0.0-rc.2', 'npm',
                'npm-hosted')]
    unexpected = [
        'java.lang.NullPointerException: Cannot invoke "String.length()" because "name" is null',
        'java.lang.IllegalStateException: Closed',
        'javax.ws.rs.NotSupportedException: HTTP 415 Unsupported Media Type',
        'com.orientechnologies.orient.core.exception.ODatabaseException: Database instance '
        'is not set in current thread. Assure to set it with: '
        'ODatabaseRecordThreadLocal.instance().set(db);',
    ]
    stores = [('default', '/nexus-data/blobs/default'),
              ('npm-blobs', '/nexus-data/blobs/npm-blobs'),
              ('S3 archive', '/mnt/blob stores/S3 archive')]
    clients = ['10.20.4.17', '10.20.4.33', '172.18.0.1', '192.168.88.240']

    def qtp():
        return {'thread': f'qtp1283928880-{r.randint(38, 262)}', 'user': r.choice(users)}

    def quartz():
        return {'thread': f'quartz-9-thread-{r.randint(1, 20)}', 'user': '*SYSTEM'}

    def gen(key, t):
        if key == 'state':
            name, typ = S.cyc(key, 'task', tasks)
            a, b = S.cyc(key, 'tr', transitions)
            return [name, typ, a, b], quartz()
        if key == 'tasklog':
            typ = S.cyc(key, 'task', tasks)[1]
            d = when(t)
            stamp = (f'{d.year:04d}{d.month:02d}{d.day:02d}{d.hour:02d}{d.minute:02d}'
                     f'{d.second:02d}{msec(t):03d}')
            return [f'/nexus-data/log/tasks/{typ}-{stamp}.log'], quartz()
        if key in ('nocache', 'cached'):
            repo = S.cyc(key, 'repo', proxy_repos)
            h, ip, _, paths = remotes[repo]
            exc = S.cyc(key, 'exc', exceptions).format(h=h, ip=ip)
            return [exc, repo, r.choice(paths)], qtp()
        if key == 'blocked':
            repo = S.cyc(key, 'repo', proxy_repos)
            h, ip, url, _ = remotes[repo]
            return [repo, S.cyc(key, 'reason', reasons).format(h=h, ip=ip), url], qtp()
        if key == 'unblocked':
            return [S.cyc(key, 'repo', proxy_repos)], qtp()
        if key == 'cleaned':
            n = r.choice([0, 0, 3, 17, 128, 2045, 41])
            return [n, S.cyc(key, 'repo', hosted)], quartz()
        if key == 'elapsed':
            total = r.choice([412, 1200, 5731, 88])
            done = r.randint(1, total)
            secs = f'{r.uniform(0.2, 900):.3f} s'
            return [secs, done, total], quartz()
        if key == 'unexpected':
            return [uuid4(r), S.cyc(key, 'exc', unexpected)], qtp()
        if key in ('blob_missing', 'blob_deleted'):
            store, root = S.cyc(key, 'store', stores)
            bid = uuid4(r)
            vol, chap = r.randint(1, 43), r.randint(1, 47)
            return [f'{store}@{bid}',
                    f'{root}/content/vol-{vol:02d}/chap-{chap:02d}/{bid}.properties'], qtp()
        if key == 'health':
            return [], {'thread': 'pool-32-thread-1', 'user': '*SYSTEM'}
        if key == 'upload':
            g, a, v, fmt, repo = S.cyc(key, 'comp', uploads)
            m = qtp()
            m['user'] = S.cyc(key, 'user', ['jenkins-ci', 'svc-deploy', 'admin'])
            assets = r.choice([1, 2, 4, 6])
            size = r.choice([r.randint(300, 4000), r.randint(40_000, 900_000),
                             r.randint(10_000_000, 180_000_000)])
            return [g, a, v, fmt, repo, m['user'], r.choice(clients), assets, size], m
        raise KeyError(key)

    keys = [k for k, n in counts.items() for _ in range(n)]
    r.shuffle(keys)
    t = 9 * 3600 * NS + r.randrange(NS)
    for key in keys:
        t += expgap(r, 38)
        values, meta = gen(key, t)
        S.emit(t, key, values, **meta)
    S.finish()
    return S


# ============================================================ 1. Woodpecker
# zerolog default JSON output (WOODPECKER_LOG_LEVEL, pretty printing off):
# {"level":"info",<context/event fields>,"time":"RFC3339","message":"..."}
# Content = the message text as it stands in the line (JSON-escaped) plus the
# closing '"}' that ends every line.

WP_RE = (r'^\{"level":"(?:trace|debug|info|warn|error|fatal)",'
         r'(?:"[a-z_]+":(?:"(?:[^"\\]|\\.)*"|-?\d+|true|false),)*'
         r'"time":"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)","message":"$')


def json_escape(v):
    return json.dumps(v)[1:-1]


def wp_header(t, info, meta):
    fields = ''.join(f'{json.dumps(k)}:{json.dumps(v)},' for k, v in meta.get('fields', []))
    return (f'{{"level":"{meta.get("level", info["level"])}",{fields}'
            f'"time":"{ymd_hms(t, "-", "T")}Z","message":"')


def build_woodpecker():
    S = System('Woodpecker', 1, WP_RE, wp_header, escape=json_escape)
    r = S.rng
    E = '"}'
    S.declare('connected', 'agent connected: <*>: polling' + E, level='debug')
    S.declare('request', 'request next execution' + E, level='debug')
    S.declare('hook', "hook parsed: repo '<*>', event '<*>', ref '<*>'" + E, level='debug')
    S.declare('skip', 'ignoring hook: [CI SKIP] found in commit <*>' + E, level='info')
    S.declare('noconfig', "cannot fetch config for repo '<*>': <*>" + E, level='error')
    S.declare('created', "pipeline #<*> of repo '<*>' created with <*> workflows" + E,
              level='info')
    S.declare('assigned', "queue: task <*> (repo '<*>', pipeline #<*>, workflow '<*>', "
              "labels {<*>}) assigned to agent <*> after <*>" + E, level='debug')
    S.declare('done', "workflow '<*>' done with state <*>" + E, level='info')
    S.declare('done_err', "workflow '<*>' done with state <*>, error: <*>" + E, level='warn')
    S.declare('grpc_done', 'grpc error: done(): code: <*>' + E, level='error')
    S.declare('grpc_extend', 'grpc error: extend(): code: <*>' + E, level='error')
    S.declare('finished', "pipeline #<*> of repo '<*>' finished with status <*> after <*>" + E,
              level='info')
    S.declare('canceled', "pipeline #<*> of repo '<*>' canceled by <*>" + E, level='info')
    S.declare('queueinfo', '<*> pending tasks in queue, <*> workers idle' + E, level='debug')
    S.declare('lost', 'agent <*> lost: no heartbeat for <*>' + E, level='warn')

    agents = ['woodpecker-agent-1', 'woodpecker-agent-2', 'ci-runner-arm64-7f3c2a']
    repos = {'acme/web': [1184, ['build', 'test', 'lint']],
             'acme/api-gateway': [342, ['build', 'test', 'e2e']],
             'tooling/infra-live': [57, ['plan', 'apply']],
             'jdoe/dotfiles': [9, ['lint']],
             'platform/helm-charts-internal': [2210, ['lint', 'package', 'publish']],
             'ml/feature-store': [131, ['test', 'build-image']]}
    repo_w = [5, 4, 2, 1, 2, 2]
    labels = {'build-image': 'platform=linux/arm64, backend=docker',
              'apply': 'platform=linux/amd64, repo=tooling/infra-live',
              'test': 'platform=linux/amd64, backend=docker',
              'package': 'platform=linux/arm64'}
    users = ['jdoe', 'admin', 'mkowalski', 'renovate-bot']
    grpc_errs = [('Unavailable', 'rpc error: code = Unavailable desc = error reading from server: EOF'),
                 ('DeadlineExceeded', 'rpc error: code = DeadlineExceeded desc = context deadline exceeded'),
                 ('Unavailable', 'rpc error: code = Unavailable desc = connection error: desc = '
                                 '"transport: Error while dialing: dial tcp 10.0.0.3:9000: connect: '
                                 'connection refused"'),
                 ('Internal', 'rpc error: code = Internal desc = stream terminated by RST_STREAM '
                              'with error code: PROTOCOL_ERROR')]
    cfg_errs = ['yaml: line 14: did not find expected key',
                'template: pipeline:3: unexpected "}" in operand',
                'could not load config from forge: 404 Not Found',
                'EOF']
    wf_errs = ['exit code 1', 'exit code 137',
               "Error response from daemon: pull access denied for ghcr.io/acme/builder, "
               "repository does not exist or may require 'docker login': denied: requested "
               "access to the resource is denied",
               'exit code 2', 'step "deploy" timed out after 1h0m0s']

    sim = Sim()
    idle = []
    online = set()
    pending = deque()
    tasks = {}
    pipes = {}
    ctr = {'task': 4810, 'hook': 0, 'pipe': 0, 'start': 0, 'fin': 0}

    def dispatch(t):
        while idle and pending:
            tid = pending.popleft()
            tk = tasks[tid]
            if pipes[tk['pipe']]['canceled']:
                continue
            ag = idle.pop(0)
            tk['agent'] = ag
            p = pipes[tk['pipe']]
            S.emit(t, 'assigned', [tid, p['repo'], p['num'], tk['wf'],
                                   labels.get(tk['wf'], 'platform=linux/amd64'), ag,
                                   godur(t - tk['queued'])])
            ctr['start'] += 1
            dur = NS * 6 + int(r.expovariate(1.0) * 80 * NS)
            tk['end'] = t + dur
            if ctr['start'] % 9 == 4:
                sim.at(t + dur // 2, grpc_extend, tid)
            sim.at(t + dur, wf_end, tid, False)

    def ctx(tk):
        p = pipes[tk['pipe']]
        return [('repo', p['repo']), ('pipeline', str(p['num'])), ('id', str(tk['id']))]

    def grpc_extend(t, tid):
        tk = tasks[tid]
        if tk['done']:
            return
        code, err = S.cyc('grpc_extend', 'e', grpc_errs)
        S.emit(t, 'grpc_extend', [code], fields=ctx(tk) + [('error', err)])

    def agent_ready(t, ag):
        if ag not in online:
            return
        S.emit(t, 'request', [])
        idle.append(ag)
        dispatch(t)

    def wf_end(t, tid, killed):
        tk = tasks[tid]
        if tk['done']:
            return
        tk['done'] = True
        p = pipes[tk['pipe']]
        ctr['fin'] += 1
        if killed:
            state = 'killed'
            S.emit(t, 'done_err', [tk['wf'], state, 'context canceled'], fields=ctx(tk))
        else:
            x = r.random()
            if x < 0.70:
                state = 'success'
                S.emit(t, 'done', [tk['wf'], state], fields=ctx(tk))
            elif x < 0.82:
                state = 'failure'
                S.emit(t, 'done', [tk['wf'], state], fields=ctx(tk))
            else:
                state = r.choice(['failure', 'error'])
                S.emit(t, 'done_err', [tk['wf'], state, S.cyc('done_err', 'e', wf_errs)],
                       fields=ctx(tk))
        tk['state'] = state
        if ctr['fin'] % 11 == 5:
            code, err = S.cyc('grpc_done', 'e', grpc_errs)
            S.emit(t + 3 * MS, 'grpc_done', [code], fields=ctx(tk) + [('error', err)])
        sim.at(t + 40 * MS + r.randrange(60 * MS), agent_ready, tk['agent'])
        p['left'] -= 1
        if p['left'] == 0 and not p['canceled']:
            sts = [tasks[i]['state'] for i in p['tasks']]
            status = ('success' if all(s == 'success' for s in sts)
                      else 'error' if 'error' in sts else 'failure')
            S.emit(t + 9 * MS, 'finished', [p['num'], p['repo'], status,
                                            godur(t - p['created'])])

    def cancel(t, pid):
        p = pipes[pid]
        if p['left'] == 0:
            return
        p['canceled'] = True
        S.emit(t, 'canceled', [p['num'], p['repo'], S.cyc('canceled', 'u', users)])
        for tid in p['tasks']:
            tk = tasks[tid]
            if tk['done']:
                continue
            if tk['agent']:
                sim.at(t + 150 * MS + r.randrange(400 * MS), wf_end, tid, True)
            else:
                tk['done'] = True
                tk['state'] = 'killed'

    def hook(t):
        sim.at(t + expgap(r, 30), hook)
        ctr['hook'] += 1
        n = ctr['hook']
        repo = r.choices(list(repos), repo_w)[0]
        ev = r.choices(['push', 'pull_request', 'tag', 'deployment'], [6, 3, 1, 1])[0]
        if ev == 'push':
            ref = r.choice(['refs/heads/main', 'refs/heads/main',
                            'refs/heads/feature/PROJ-4412-retry-webhooks', 'refs/heads/dev'])
        elif ev == 'pull_request':
            ref = f'refs/pull/{r.randint(3, 880)}/head'
        elif ev == 'tag':
            ref = f'refs/tags/v{r.randint(0, 4)}.{r.randint(0, 30)}.{r.randint(0, 9)}'
        else:
            ref = 'refs/heads/main'
        S.emit(t, 'hook', [repo, ev, ref])
        t2 = t + 20 * MS + r.randrange(200 * MS)
        if n % 10 == 4:
            sha = hexs(r, 40)
            S.emit(t2, 'skip', [sha])
            return
        if n % 13 == 7:
            S.emit(t2, 'noconfig', [repo, S.cyc('noconfig', 'e', cfg_errs)])
            return
        repos[repo][0] += 1
        num = repos[repo][0]
        wfs = repos[repo][1]
        k = r.randint(1, len(wfs))
        chosen = wfs[:k]
        ctr['pipe'] += 1
        pid = ctr['pipe']
        p = {'repo': repo, 'num': num, 'created': t2, 'left': len(chosen), 'tasks': [],
             'canceled': False}
        pipes[pid] = p
        S.emit(t2, 'created', [num, repo, len(chosen)])
        for wf in chosen:
            ctr['task'] += 1
            tid = ctr['task']
            tasks[tid] = {'id': tid, 'pipe': pid, 'wf': wf, 'queued': t2, 'agent': None,
                          'done': False, 'state': None}
            p['tasks'].append(tid)
            pending.append(tid)
        if pid % 7 == 3:
            sim.at(t2 + NS * r.randint(8, 45), cancel, pid)
        dispatch(t2 + MS)

    def queueinfo(t):
        sim.at(t + 60 * NS + r.randrange(2 * NS), queueinfo)
        S.emit(t, 'queueinfo', [len(pending), len(idle)])

    def lost(t):
        if not idle:
            sim.at(t + 3 * NS, lost)
            return
        ag = idle.pop(r.randrange(len(idle)))
        online.discard(ag)
        S.emit(t, 'lost', [ag, S.cyc('lost', 'd', ['45s', '1m12s', '30s', '2m5s'])])
        sim.at(t + NS * r.randint(20, 90), reconnect, ag)

    def reconnect(t, ag):
        online.add(ag)
        S.emit(t, 'connected', [ag])
        sim.at(t + 5 * MS, agent_ready, ag)

    t0 = 7 * 3600 * NS + 55 * 60 * NS + r.randrange(NS)
    for i, ag in enumerate(agents):
        sim.at(t0 + i * 2 * NS + r.randrange(NS), reconnect, ag)
    sim.at(t0 + 20 * NS, hook)
    sim.at(t0 + 31 * NS, queueinfo)
    for mins in (2, 6, 10):
        sim.at(t0 + mins * 60 * NS, lost)
    sim.run(S)
    S.finish(sim.now)
    return S


# ================================================================ 2. APISIX
# nginx error_log: "YYYY/MM/DD HH:MM:SS [level] pid#tid: *conn message",
# the "*conn " part only when the line belongs to a (request or timer) connection.

APISIX_RE = (r'^(?P<ts>\d{4}/\d\d/\d\d \d\d:\d\d:\d\d) '
             r'\[(?:debug|info|notice|warn|error|crit|alert|emerg)\] \d+#\d+: (?:\*\d+ )?$')


def apisix_header(t, info, meta):
    conn = f'*{meta["conn"]} ' if meta.get('conn') else ''
    return f'{ymd_hms(t, "/", " ")} [{info["level"]}] {meta["pid"]}#{meta["pid"]}: {conn}'


def build_apisix():
    S = System('APISIX', 2, APISIX_RE, apisix_header)
    r = S.rng
    REQ = ', client: <*>, server: _, request: "<*> <*> HTTP/1.1"'
    HC = "[lua] healthcheck.lua:1150: log(): [healthcheck] (upstream#/apisix/routes/<*>) "
    S.declare('refused', 'connect() failed (111: Connection refused) while connecting to '
              'upstream' + REQ + ', upstream: "<*>", host: "<*>"', level='error')
    S.declare('timeout', 'upstream timed out (110: Connection timed out) while reading '
              'response header from upstream' + REQ + ', upstream: "<*>", host: "<*>"',
              level='error')
    S.declare('buffered', 'an upstream response is buffered to a temporary file <*> while '
              'reading upstream' + REQ + ', upstream: "<*>", host: "<*>"', level='warn')
    S.declare('jwt', '[lua] jwt-auth.lua:316: phase_func(): failed to verify jwt: <*>'
              + REQ + ', host: "<*>"', level='warn')
    S.declare('hc_tcp', HC + "unhealthy TCP increment (<*>/<*>) for '<*>(<*>)', "
              "context: ngx.timer", level='warn')
    S.declare('hc_timeout', HC + "unhealthy TIMEOUT increment (<*>/<*>) for '<*>(<*>)', "
              "context: ngx.timer", level='warn')
    S.declare('hc_ok', HC + "healthy SUCCESS increment (<*>/<*>) for '<*>(<*>)', "
              "context: ngx.timer", level='warn')
    S.declare('etcd_check', '[lua] config_etcd.lua:585: sync_data(): failed to check item '
              'data of [<*>] err:<*> ,val: <*>, context: ngx.timer', level='error')
    S.declare('etcd_wait', '[lua] config_etcd.lua:659: sync_data(): waitdir [<*>] err: <*>, '
              'will retry it after <*>, context: ngx.timer', level='error')
    S.declare('sighup', 'signal 1 (SIGHUP) received from <*>, reconfiguring', level='notice')
    S.declare('start', 'start worker process <*>', level='notice')
    S.declare('graceful', 'gracefully shutting down', level='notice')
    S.declare('sigchld', 'signal 17 (SIGCHLD) received from <*>', level='notice')
    S.declare('exited', 'worker process <*> exited with code 0', level='notice')

    def node(name, addr):
        return {'name': name, 'addr': addr, 'down': [], 'slow': [], 'bad': False,
                'fails': 0, 'oks': 0}

    M = 60 * NS
    routes = [
        {'id': '1', 'host': 'api.example.com', 'w': 5, 'jwt': True, 'big': 0.05,
         'thr': 2, 'ok': 2,
         'reqs': [('GET', '/api/v1/orders?id={n}'), ('POST', '/api/v1/orders'),
                  ('GET', '/api/v1/orders/{n}/items?page=2&per_page=50')],
         'nodes': [node('10.0.3.7', '10.0.3.7:8080'), node('10.0.3.8', '10.0.3.8:8080')]},
        {'id': '42', 'host': 'static.example.com', 'w': 6, 'jwt': False, 'big': 0.45,
         'thr': 3, 'ok': 2,
         'reqs': [('GET', '/downloads/reports/2026-03/q1-summary.pdf'),
                  ('GET', '/assets/app.9f3c1e.js'),
                  ('GET', '/downloads/installer/acme-agent-4.2.1-linux-amd64.tar.gz'),
                  ('POST', '/exports?format=csv&range=2026-Q1')],
         'nodes': [node('files.svc.cluster.local', '10.0.4.21:9000')]},
        {'id': '431876553374140416', 'host': '10.20.0.4:9080', 'w': 3, 'jwt': False,
         'big': 0.1, 'thr': 2, 'ok': 3,
         'reqs': [('POST', '/graphql'), ('GET', '/')],
         'nodes': [node('gql-1', '172.20.1.5:3000'), node('gql-2', '172.20.1.6:3000')]},
        {'id': '7', 'host': 'shop.internal', 'w': 3, 'jwt': True, 'big': 0.0,
         'thr': 3, 'ok': 3,
         'reqs': [('PUT', '/cart/checkout'), ('DELETE', '/api/v2/users/{n}/avatar'),
                  ('GET', '/cart')],
         'nodes': [node('10.0.5.11', '10.0.5.11:80'), node('10.0.5.12', '10.0.5.12:80')]},
    ]
    t0 = 14 * 3600 * NS + 2 * M + r.randrange(NS)
    # incidents: (route index, node index, kind, start min, end min)
    for ri, ni, kind, a, b in [(0, 1, 'down', 2, 6), (2, 1, 'slow', 7, 10),
                               (1, 0, 'down', 11, 13), (3, 0, 'down', 14, 18),
                               (1, 0, 'slow', 19, 21), (0, 0, 'down', 22, 25),
                               (2, 0, 'slow', 26, 29), (3, 1, 'slow', 30, 33)]:
        routes[ri]['nodes'][ni][kind].append((t0 + a * M, t0 + b * M))

    clients = ['203.0.113.45', '198.51.100.7', '10.20.0.1', '192.0.2.188', '172.31.9.250']
    jwt_errs = ["'exp' claim expired at Sat, 14 Mar 2026 13:41:07 GMT",
                'invalid jwt string',
                'signature mismatch: Xq3kV0dL2m9YzA1b8cN4eR7tU6wPjHgFsD5oIuK0lQ',
                "'nbf' claim not valid until Sat, 14 Mar 2026 15:00:00 GMT"]
    sim = Sim()
    st = {'workers': [45, 46, 47, 48], 'conn': 2381, 'temp': 61, 'lastpid': 48}

    def conn():
        st['conn'] += r.randint(1, 37)
        return st['conn']

    def inw(wins, t):
        return any(a <= t < b for a, b in wins)

    def hc(t, key, route, nd, k, thr):
        S.emit(t, key, [route['id'], k, thr, nd['name'], nd['addr']],
               pid=r.choice(st['workers']), conn=conn())

    def passive_fail(t, route, nd, key):
        if nd['bad']:
            return
        nd['fails'] += 1
        hc(t + r.randrange(2 * MS, 40 * MS), key, route, nd, nd['fails'], route['thr'])
        if nd['fails'] >= route['thr']:
            nd['bad'] = True
            nd['fails'] = 0
            nd['oks'] = 0
            sim.at(t + 5 * NS, active, route, nd)

    def active(t, route, nd):
        if inw(nd['down'], t) or inw(nd['slow'], t):
            sim.at(t + 5 * NS, active, route, nd)
            return
        nd['oks'] += 1
        hc(t, 'hc_ok', route, nd, nd['oks'], route['ok'])
        if nd['oks'] >= route['ok']:
            nd['bad'] = False
            nd['oks'] = 0
        else:
            sim.at(t + 5 * NS, active, route, nd)

    def request(t):
        sim.at(t + expgap(r, 3.0), request)
        route = r.choices(routes, [x['w'] for x in routes])[0]
        nodes = [n for n in route['nodes'] if not n['bad']] or route['nodes']
        nd = r.choice(nodes)
        method, uri = r.choice(route['reqs'])
        uri = uri.format(n=r.randint(1, 99999))
        cl = r.choice(clients)
        pid = r.choice(st['workers'])
        c = conn()
        up = f'http://{nd["addr"]}{uri}'
        if inw(nd['down'], t):
            S.emit(t, 'refused', [cl, method, uri, up, route['host']], pid=pid, conn=c)
            passive_fail(t, route, nd, 'hc_tcp')
        elif inw(nd['slow'], t):
            S.emit(t, 'timeout', [cl, method, uri, up, route['host']], pid=pid, conn=c)
            passive_fail(t, route, nd, 'hc_timeout')
        elif r.random() < route['big']:
            st['temp'] += r.randint(1, 9)
            n = f'{st["temp"]:010d}'
            path = f'/usr/local/apisix/proxy_temp/{n[-1]}/{n[-3:-1]}/{n}'
            S.emit(t, 'buffered', [path, cl, method, uri, up, route['host']], pid=pid, conn=c)
        elif route['jwt'] and r.random() < 0.12:
            S.emit(t, 'jwt', [S.cyc('jwt', 'e', jwt_errs), cl, method, uri, route['host']],
                   pid=pid, conn=c)

    def etcd_wait(t, d, err):
        for pid in st['workers']:
            S.emit(t + r.randrange(300 * MS), 'etcd_wait',
                   [d, err, r.choice(['1s', '2s', '4s'])], pid=pid, conn=conn())

    def etcd_check(t, key, err, val):
        for pid in st['workers']:
            S.emit(t + r.randrange(80 * MS), 'etcd_check', [key, err, val], pid=pid,
                   conn=conn())

    def reload(t):
        old = st['workers']
        S.emit(t, 'sighup', [r.randint(3000, 9800)], pid=1)
        new = []
        for _ in old:
            st['lastpid'] += r.randint(1, 3)
            new.append(st['lastpid'])
            S.emit(t + r.randrange(5 * MS, 20 * MS), 'start', [st['lastpid']], pid=1)
        st['workers'] = new
        for pid in old:
            tg = t + r.randrange(30 * MS, 90 * MS)
            S.emit(tg, 'graceful', [], pid=pid)
            te = tg + NS * r.randint(1, 25)
            S.emit(te, 'sigchld', [pid], pid=1)
            S.emit(te + MS, 'exited', [pid], pid=1)

    sim.at(t0 + NS, request)
    for m in (5, 16, 27):
        sim.at(t0 + m * M + r.randrange(M), reload)
    sim.at(t0 + 10 * M, etcd_wait, '/apisix/routes', 'timeout')
    sim.at(t0 + 22 * M, etcd_wait, '/apisix/upstreams', 'closed')
    sim.at(t0 + 13 * M, etcd_check, '/apisix/routes/431876553374140417',
           'property "uri" validation failed: wrong type: expected string, got table',
           '{"id":"431876553374140417","uri":["/v2/graphql"],"upstream_id":"3"}')
    sim.at(t0 + 25 * M, etcd_check, '/apisix/upstreams/9',
           'invalid configuration: value should match only one schema, but matches none',
           '{"nodes":{"10.0.6.2:8080":1},"type":"chash"}')
    sim.run(S)
    S.finish(sim.now)
    return S


# ================================================================ 3. Nebula
# logrus TextFormatter (not a TTY, full timestamp):
# time="RFC3339" level=info msg="..." key=value ...   (data keys sorted)

NEBULA_RE = (r'^time="(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)" '
             r'level=(?:trace|debug|info|warning|error|fatal|panic) $')


def nebula_header(t, info, meta):
    return f'time="{ymd_hms(t, "-", "T")}Z" level={meta.get("level", info["level"])} '


def fnv32a(s):
    h = 0x811c9dc5
    for b in s.encode():
        h = ((h ^ b) * 0x01000193) & 0xffffffff
    return h


def build_nebula():
    S = System('Nebula', 3, NEBULA_RE, nebula_header)
    r = S.rng
    issuer = hexs(r, 64)
    HS1 = 'handshake="map[stage:1 style:ix_psk0]"'
    HS2 = 'handshake="map[stage:2 style:ix_psk0]"'
    S.declare('sent1', f'msg="Handshake message sent" {HS1} initiatorIndex=<*> '
              'udpAddrs="[<*>]" vpnIp=<*>', level='info')
    S.declare('sent2', f'msg="Handshake message sent" certName=<*> fingerprint=<*> {HS2} '
              f'initiatorIndex=<*> issuer={issuer} remoteIndex=0 responderIndex=<*> '
              'sentCachedPackets=<*> udpAddr="<*>" vpnIp=<*>', level='info')
    S.declare('recv1', f'msg="Handshake message received" certName=<*> fingerprint=<*> {HS1} '
              f'initiatorIndex=<*> issuer={issuer} remoteIndex=0 responderIndex=0 '
              'udpAddr="<*>" vpnIp=<*>', level='info')
    S.declare('recv2', f'msg="Handshake message received" certName=<*> durationNs=<*> '
              f'fingerprint=<*> {HS2} initiatorIndex=<*> issuer={issuer} remoteIndex=<*> '
              'responderIndex=<*> sentCachedPackets=<*> udpAddr="<*>" vpnIp=<*>', level='info')
    S.declare('timeout', f'msg="Handshake timed out" durationNs=<*> {HS1} initiatorIndex=<*> '
              'remoteIndex=0 udpAddrs="[<*>]" vpnIp=<*>', level='info')
    S.declare('dead', 'msg="Tunnel status" certName=<*> localIndex=<*> remoteIndex=<*> '
              'tunnelCheck="map[method:<*> state:dead]" vpnIp=<*>', level='info')
    S.declare('closed', 'msg="Close tunnel received, tearing down." certName=<*> '
              'localIndex=<*> remoteIndex=<*> udpAddr="<*>" vpnIp=<*>', level='info')
    S.declare('roamed', 'msg="Host roamed to new udp ip/port." certName=<*> newAddr="<*>" '
              'udpAddr="<*>" vpnIp=<*>', level='info')
    S.declare('sendfail', 'msg="Failed to send handshake message" error="<*>" udpAddr="<*>" '
              'vpnIp=<*>', level='error')
    S.declare('badcert', 'msg="Invalid certificate from host" error="<*>" udpAddr="<*>" '
              'vpnIp=<*>', level='info')
    S.declare('hup', 'msg="Caught HUP, reloading config"', level='info')
    S.declare('rule', 'msg="Firewall rule added" firewallRule="map[caName: caSha: '
              'direction:<*> endPort:<*> groups:[] host:<*> ip: localIp: proto:<*> '
              'startPort:<*>]"', level='info')
    S.declare('fwstart', 'msg="Firewall started" firewallHashes="SHA:<*>,FNV:<*>"',
              level='info')
    S.declare('takenew', 'msg="Taking new handshake" vpnIp=<*>', level='info')

    peers = []
    spec = [('lighthouse-1', '10.42.0.1', ['198.51.100.10:4242'], 6, []),
            ('db-primary', '10.42.0.21', ['192.168.10.21:4242', '203.0.113.80:4242'], 5, []),
            ('db-replica-2', '10.42.0.23', ['192.168.10.23:4242'], 3, []),
            ('build-runner-07', '10.42.1.107', ['203.0.113.81:51820', '172.17.0.1:4242'], 4, []),
            ('laptop-jmartinez', '10.42.7.66', ['100.64.12.9:40123'], 3,
             [(3, 9), (25, 31), (44, 60)]),
            ('k8s-node-a3', '10.42.2.13', ['10.1.0.13:4242', '[2001:db8:a3::13]:4242',
                                           '198.51.100.77:4242'], 4, []),
            ('nas', '10.42.0.5', ['192.168.10.5:4242'], 2, []),
            ('grafana', '10.42.0.30', ['192.168.10.30:4242'], 2, []),
            ('vpn-gw-fra1', '10.42.9.1', ['185.199.110.42:4242'], 3, []),
            ('edge-cache-syd-02', '10.42.11.202', ['[2001:db8:5d::2]:4242',
                                                   '45.76.113.9:4242'], 2, [(12, 20), (38, 46)])]
    t0 = 11 * 3600 * NS + 7 * 60 * NS + r.randrange(NS)
    M = 60 * NS
    for name, vpn, addrs, w, off in spec:
        peers.append({'name': name, 'vpn': vpn, 'addrs': addrs, 'w': w, 'fp': hexs(r, 64),
                      'off': [(t0 + a * M, t0 + b * M) for a, b in off],
                      'state': None, 'li': 0, 'ri': 0, 'addr': addrs[0]})
    bad = [('10.42.5.9', '192.168.10.99:4242'), ('10.42.5.14', '100.64.3.22:37001')]
    cert_errs = ['certificate is expired', 'certificate validation failed',
                 'certificate is in the block list']
    send_errs = ['sendto: network is unreachable',
                 'write udp [::]:4242->[2001:db8:5d::2]:4242: sendmsg: no route to host',
                 'sendmsg: operation not permitted']
    sim = Sim()
    st = {'blip': [(t0 + 14 * M, t0 + 14 * M + 40 * NS), (t0 + 33 * M, t0 + 33 * M + 25 * NS)]}

    def idx():
        return r.getrandbits(32) or 1

    def offline(p, t):
        return any(a <= t < b for a, b in p['off'])

    def blip(t):
        return any(a <= t < b for a, b in st['blip'])

    def outbound(t):
        sim.at(t + expgap(r, 16), outbound)
        p = r.choices(peers, [x['w'] for x in peers])[0]
        if p['state'] is None:
            p['state'] = 'hs'
            p['li'] = idx()
            hs_try(t, p, 1, t)

    def hs_try(t, p, k, start):
        if p['state'] != 'hs':
            return
        S.emit(t, 'sent1', [p['li'], ' '.join(p['addrs']), p['vpn']])
        if blip(t):
            for a in p['addrs'][:2]:
                S.emit(t + MS, 'sendfail', [S.cyc('sendfail', 'e', send_errs), a, p['vpn']],
                       )
        if offline(p, t) or blip(t):
            if k < 5:
                sim.at(t + k * 1200 * MS + r.randrange(100 * MS), hs_try, p, k + 1, start)
            else:
                end = t + 2400 * MS + r.randrange(200 * MS)
                sim.at(end, hs_timeout, p, start)
            return
        rtt = r.randrange(6 * MS, 320 * MS)
        if r.random() < 0.08:
            S.emit(t + rtt // 2, 'takenew', [p['vpn']])
        p['ri'] = idx()
        p['addr'] = r.choice(p['addrs'])
        S.emit(t + rtt, 'recv2', [p['name'], (t + rtt - start) + r.randrange(1000, 90000), p['fp'],
                                  p['li'], p['ri'], p['ri'], r.choice([0, 1, 1, 2, 7]),
                                  p['addr'], p['vpn']])
        p['state'] = 'up'
        sim.at(t + rtt + expgap(r, 200), tunnel_end, p)

    def hs_timeout(t, p, start):
        if p['state'] != 'hs':
            return
        S.emit(t, 'timeout', [t - start, p['li'], ' '.join(p['addrs']), p['vpn']])
        p['state'] = None

    def inbound(t):
        sim.at(t + expgap(r, 75), inbound)
        cands = [p for p in peers if p['state'] is None and not offline(p, t)]
        if not cands:
            return
        p = r.choice(cands)
        p['ri'] = idx()
        p['li'] = idx()
        p['addr'] = r.choice(p['addrs'])
        S.emit(t, 'recv1', [p['name'], p['fp'], p['ri'], p['addr'], p['vpn']])
        S.emit(t + r.randrange(MS // 5, 3 * MS), 'sent2',
               [p['name'], p['fp'], p['ri'], p['li'], r.choice([0, 0, 1, 3]),
                p['addr'], p['vpn']])
        p['state'] = 'up'
        sim.at(t + expgap(r, 200), tunnel_end, p)

    def tunnel_end(t, p):
        if p['state'] != 'up':
            return
        x = r.random()
        if x < 0.40 or (offline(p, t) and x < 0.9):
            S.emit(t, 'dead', [p['name'], p['li'], p['ri'],
                               S.cyc('dead', 'm', ['active', 'passive', 'active']), p['vpn']])
            p['state'] = None
        elif x < 0.80:
            S.emit(t, 'closed', [p['name'], p['li'], p['ri'], p['addr'], p['vpn']])
            p['state'] = None
        else:
            new = r.choice([a for a in p['addrs'] if a != p['addr']] or
                           [f'203.0.113.{r.randint(100, 250)}:{r.randint(20000, 60000)}'])
            S.emit(t, 'roamed', [p['name'], new, p['addr'], p['vpn']])
            p['addr'] = new
            sim.at(t + expgap(r, 150), tunnel_end, p)

    def badcert(t):
        sim.at(t + expgap(r, 150), badcert)
        vpn, addr = S.cyc('badcert', 'host', bad)
        S.emit(t, 'badcert', [S.cyc('badcert', 'e', cert_errs), addr, vpn])

    rulesets = [
        [('outgoing', 0, 'any', 0, 0), ('incoming', 0, 'any', 1, 0),
         ('incoming', 22, 'build-runner-07', 6, 22), ('incoming', 443, 'any', 6, 443),
         ('incoming', 5432, 'db-replica-2', 6, 5432)],
        [('outgoing', 0, 'any', 0, 0), ('incoming', 0, 'any', 1, 0),
         ('incoming', 443, 'any', 6, 443), ('incoming', 9100, 'grafana', 6, 9100)],
        [('outgoing', 0, 'any', 0, 0), ('incoming', 0, 'any', 1, 0),
         ('incoming', 443, 'any', 6, 443), ('incoming', 9100, 'grafana', 6, 9100),
         ('incoming', 53, 'lighthouse-1', 17, 53), ('incoming', 22, 'laptop-jmartinez', 6, 22)],
    ]

    def hup(t, n):
        S.emit(t, 'hup', [], level='info')
        rules = rulesets[n]
        tt = t + 2 * MS
        for d, ep, h, pr, sp in rules:
            tt += r.randrange(20_000, 400_000)
            S.emit(tt, 'rule', [d, ep, h, pr, sp])
        text = repr(rules)
        S.emit(tt + MS, 'fwstart', [hashlib.sha256(text.encode()).hexdigest(), fnv32a(text)])

    sim.at(t0 + NS, outbound)
    sim.at(t0 + 4 * NS, inbound)
    sim.at(t0 + 70 * NS, badcert)
    for n, m in enumerate((4, 14, 26)):
        sim.at(t0 + m * M + r.randrange(M), hup, n)
    sim.run(S)
    S.finish(sim.now)
    return S


# ================================================================= 4. Storm
# log4j2 (cluster.xml / worker.xml):
# %d{yyyy-MM-dd HH:mm:ss.SSS} %c{1.} %t [%p] %msg%n

STORM_RE = (r'^(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) [A-Za-z0-9_.$]+ .+ '
            r'\[(?:TRACE|DEBUG|INFO|WARN|ERROR|FATAL)\] $')


def storm_header(t, info, meta):
    return (f'{ymd_hms(t)}.{msec(t):03d} {info["logger"]} {meta["thread"]} '
            f'[{meta.get("level", info["level"])}] ')


def build_storm():
    S = System('Storm', 4, STORM_RE, storm_header)
    r = S.rng
    NIM, SLOT = 'o.a.s.d.n.Nimbus', 'o.a.s.d.s.Slot'
    S.declare('upload', 'Finished uploading file from client: <*>', level='INFO', logger=NIM)
    S.declare('submit', 'Received topology submission for <*> (storm-<*> JDK-<*>) with conf <*>',
              level='INFO', logger=NIM)
    S.declare('activate', 'Activating <*>: <*>', level='INFO', logger=NIM)
    S.declare('assign', 'Setting new assignment for topology id <*>: Assignment('
              'master_code_dir:/var/storm/nimbus/stormdist/<*>, node_host:{<*>}, '
              'executor_node_port:{<*>}, executor_start_time_secs:{<*>}, owner:<*>)',
              level='INFO', logger=NIM)
    S.declare('launch', 'Launching worker with assignment LocalAssignment(topology_id:<*>, '
              'executors:[<*>], resources:WorkerResources(mem_on_heap:<*>, mem_off_heap:0.0, '
              'cpu:<*>), owner:<*>) for this supervisor <*> on port <*> with id <*>',
              level='INFO', logger=SLOT)
    S.declare('state', 'STATE <*> msInState: <*> -> <*> msInState: 0 topo:<*> worker:<*>',
              level='INFO', logger=SLOT)
    S.declare('state_empty', 'STATE KILL msInState: <*> -> EMPTY msInState: 0',
              level='INFO', logger=SLOT)
    S.declare('preparing', 'Preparing bolt <*>:[<*>, <*>]', level='INFO',
              logger='o.a.s.e.b.BoltExecutor')
    S.declare('prepared', 'Prepared bolt <*>:[<*>, <*>]', level='INFO',
              logger='o.a.s.e.b.BoltExecutor')
    S.declare('opened', 'Opened spout <*>:[<*>, <*>]', level='INFO',
              logger='o.a.s.e.s.SpoutExecutor')
    S.declare('netty', 'connection attempt <*> to <*> failed: <*>', level='ERROR',
              logger='o.a.s.m.n.Client')
    S.declare('loopdied', 'Async loop died!', level='ERROR', logger='o.a.s.u.Utils')
    S.declare('exited', 'Worker Process <*> exited with code: <*>', level='INFO',
              logger='o.a.s.d.s.BasicContainer')
    S.declare('delay', 'Delaying event :remove for <*> secs for <*>', level='INFO', logger=NIM)
    S.declare('cleanup', 'Cleaning up <*>', level='INFO', logger=NIM)

    sups = [{'id': uuid4(r), 'host': 'storm-sup-01', 'ip': '10.0.0.11',
             'ports': {p: None for p in (6700, 6701, 6702, 6703)}, 'idle': {}},
            {'id': uuid4(r), 'host': 'storm-sup-02.dc1.example.net', 'ip': '10.0.0.12',
             'ports': {p: None for p in (6700, 6701, 6702, 6703)}, 'idle': {}}]
    M = 60 * NS
    t0 = 10 * 3600 * NS + 41 * M + r.randrange(NS)
    for s in sups:
        for p in s['ports']:
            s['idle'][p] = t0 - r.randint(5, 4000) * NS
    topo_specs = [
        ('wordcount', 'storm', '2.6.1', '11.0.22', 2, 768.0, 40.0,
         {'sentence': ('spout', 2), 'split': ('bolt', 3), 'count': ('bolt', 3)}, 0, 21),
        ('clickstream-enrich', 'etl-svc', '2.6.1', '17.0.10', 2, 1024.0, 60.0,
         {'kafka-clicks': ('spout', 2), 'enrich-geoip': ('bolt', 3), 'sessionize': ('bolt', 2),
          'hdfs-writer': ('bolt', 1)}, 3, None),
        ('fraud-scoring', 'jdoe', '2.5.0', '11.0.22', 2, 512.0, 40.0,
         {'txn-spout': ('spout', 1), 'feature-join': ('bolt', 2), 'score': ('bolt', 2),
          'alert-sink': ('bolt', 1)}, 8, 30),
        ('log-ingest', 'etl-svc', '2.6.1', '17.0.10', 1, 2048.0, 100.0,
         {'kafka-logs': ('spout', 2), 'parse': ('bolt', 2), 'es-bolt': ('bolt', 1)}, 14, 38),
        ('wordcount', 'storm', '2.6.1', '11.0.22', 2, 768.0, 40.0,
         {'sentence': ('spout', 1), 'split': ('bolt', 2), 'count': ('bolt', 2)}, 25, None),
    ]
    sim = Sim()
    ctr = {'topo': 0, 'pool': 0, 'thread': 12, 'sthread': 3}
    topos = {}

    def pool_thread():
        return f'pool-14-thread-{r.randint(1, 64)}'

    def submit(t, spec):
        name, owner, sv, jdk, nw, heap, cpu, comps, _, kill_at = spec
        ctr['topo'] += 1
        tid = f'{name}-{ctr["topo"]}-{epoch_s(t)}'
        th = pool_thread()
        S.emit(t, 'upload', [f'/var/storm/nimbus/inbox/stormjar-{uuid4(r)}.jar'], thread=th)
        t += r.randrange(300 * MS, 2 * NS)
        conf = (f'{{topology.workers={nw}, topology.debug=false, topology.name={name}, '
                f'topology.acker.executors=null, topology.worker.max.heap.size.mb={heap}, '
                f'topology.submitter.user={owner}, storm.zookeeper.servers=[zk1, zk2, zk3]}}')
        S.emit(t, 'submit', [name, sv, jdk, conf], thread=pool_thread())
        # executors: acker per worker, components in sorted order, __system per worker
        comps = dict(comps)
        comps['__acker'] = ('bolt', nw)
        execs = []
        task = 1
        for c in sorted(comps):
            kind, n = comps[c]
            for _ in range(n):
                execs.append((c, kind, task))
                task += 1
        workers = []
        for w in range(nw):
            mine = [e for i, e in enumerate(execs) if i % nw == w]
            mine.append(('__system', 'bolt', -1))
            workers.append({'execs': mine, 'id': uuid4(r), 'sup': None, 'port': None,
                            'threads': {}})
        # place workers on free slots, alternating supervisors
        for i, w in enumerate(workers):
            order = sups[i % 2:] + sups[:i % 2]
            for s in order:
                free = [p for p, v in s['ports'].items() if v is None]
                if free:
                    w['sup'], w['port'] = s, free[0]
                    s['ports'][free[0]] = w
                    break
        top = {'id': tid, 'name': name, 'owner': owner, 'workers': workers, 'heap': heap,
               'cpu': cpu, 'alive': True}
        topos[tid] = top
        t += r.randrange(100 * MS, 900 * MS)
        S.emit(t, 'activate', [name, tid], thread=pool_thread())
        sim.at(t + r.randrange(1 * NS, 9 * NS), assign, tid)
        if kill_at is not None:
            sim.at(t0 + kill_at * M + r.randrange(M), kill, tid)

    def assign(t, tid):
        top = topos[tid]
        if not top['alive']:
            return
        nh = ', '.join(sorted({f'{w["sup"]["id"]}={w["sup"]["host"]}' for w in top['workers']}))
        enp, ests = [], []
        for w in top['workers']:
            for c, kind, task in w['execs']:
                if task < 0:
                    continue
                enp.append(f'[{task}, {task}]=NodeInfo(node:{w["sup"]["id"]}, port:[{w["port"]}])')
                ests.append(f'[{task}, {task}]={epoch_s(t)}')
        S.emit(t, 'assign', [tid, tid, nh, ', '.join(enp), ', '.join(ests), top['owner']],
               thread='timer')
        for w in top['workers']:
            sim.at(t + r.randrange(200 * MS, 3 * NS), slot_start, tid, w)

    def slot_state(t, w, a, since, b, tid):
        S.emit(t, 'state', [a, (t - since) // MS, b, tid, w['id']],
               thread=f'SLOT_{w["port"]}')

    def slot_start(t, tid, w):
        s = w['sup']
        slot_state(t, w, 'EMPTY', s['idle'][w['port']], 'WAITING_FOR_BLOB_LOCALIZATION', tid)
        t1 = t + r.randrange(400 * MS, 4 * NS)
        launch(t1, tid, w, 'WAITING_FOR_BLOB_LOCALIZATION', t)

    def launch(t, tid, w, frm, since):
        top = topos[tid]
        s = w['sup']
        ex = ', '.join(f'ExecutorInfo(task_start:{k}, task_end:{k})'
                       for _, _, k in w['execs'])
        S.emit(t, 'launch', [tid, ex, top['heap'], top['cpu'], top['owner'], s['id'],
                             w['port'], w['id']], thread=f'SLOT_{w["port"]}')
        slot_state(t + MS, w, frm, since, 'WAITING_FOR_WORKER_START', tid)
        tw = t + r.randrange(3 * NS, 9 * NS)
        for c, kind, k in w['execs']:
            ctr['thread'] += 1
            th = f'Thread-{ctr["thread"]}-{c}-executor[{k}, {k}]'
            w['threads'][c] = th
            tw += r.randrange(2 * MS, 60 * MS)
            if kind == 'spout':
                S.emit(tw, 'opened', [c, k, k], thread=th)
            else:
                S.emit(tw, 'preparing', [c, k, k], thread=th)
                S.emit(tw + r.randrange(MS // 2, 30 * MS), 'prepared', [c, k, k], thread=th)
        w['running_since'] = tw + r.randrange(1 * NS, 3 * NS)
        slot_state(w['running_since'], w, 'WAITING_FOR_WORKER_START', t + MS, 'RUNNING', tid)

    def crash(t):
        sim.at(t + expgap(r, 260, 60 * NS), crash)
        live = [(top, w) for top in topos.values() if top['alive'] for w in top['workers']
                if w.get('running_since', t) < t and len(top['workers']) > 1]
        if not live:
            return
        top, w = r.choice(live)
        user = [e for e in w['execs'] if e[0] not in ('__system', '__acker')]
        c = r.choice(user)[0]
        S.emit(t, 'loopdied', [], thread=w['threads'][c])
        ctr['sthread'] += 1
        te = t + r.randrange(300 * MS, 2 * NS)
        S.emit(te, 'exited', [w['id'], S.cyc('exited', 'code', [20, 1, 137])],
               thread=f'Thread-{ctr["sthread"]}')
        # peers in the same topology lose their netty connection to it
        s = w['sup']
        dest = f'Netty-Client-{s["host"]}/{s["ip"]}:{w["port"]}'
        errs = [f'java.net.ConnectException: Connection refused: {s["host"]}/{s["ip"]}:{w["port"]}',
                f'io.netty.channel.ConnectTimeoutException: connection timed out: '
                f'{s["host"]}/{s["ip"]}:{w["port"]}']
        tn = t + r.randrange(100 * MS, 600 * MS)
        for a in range(1, r.randint(2, 4) + 1):
            tn += a * 100 * MS + r.randrange(50 * MS)
            S.emit(tn, 'netty', [a, dest, S.cyc('netty', 'e', errs)],
                   thread=f'client-worker-{r.randint(1, 2)}')
        tr = te + r.randrange(1 * NS, 4 * NS)
        slot_state(tr, w, 'RUNNING', w['running_since'], 'KILL_AND_RELAUNCH', top['id'])
        w['id'] = uuid4(r)
        launch(tr + r.randrange(100 * MS, NS), top['id'], w, 'KILL_AND_RELAUNCH', tr)

    def kill(t, tid):
        top = topos[tid]
        secs = S.cyc('delay', 's', [30, 10, 0, 30])
        S.emit(t, 'delay', [secs, tid], thread=pool_thread())
        tk = t + secs * NS + r.randrange(NS)
        sim.at(tk, remove, tid)

    def remove(t, tid):
        top = topos[tid]
        top['alive'] = False
        for w in top['workers']:
            tt = t + r.randrange(200 * MS, 3 * NS)
            slot_state(tt, w, 'RUNNING', w.get('running_since', tt), 'KILL', tid)
            tz = tt + r.randrange(500 * MS, 4 * NS)
            S.emit(tz, 'state_empty', [(tz - tt) // MS], thread=f'SLOT_{w["port"]}')
            w['sup']['ports'][w['port']] = None
            w['sup']['idle'][w['port']] = tz
        S.emit(t + r.randrange(10 * NS, 40 * NS), 'cleanup', [tid], thread='timer')

    for spec in topo_specs:
        sim.at(t0 + spec[8] * M + r.randrange(M), submit, spec)
    sim.at(t0 + 5 * M, crash)
    sim.run(S)
    S.finish(sim.now)
    return S


# ================================================================== 5. Ntpd
# ntpd through syslog (RFC 3164 file format):  "Mmm dd HH:MM:SS host ntpd[pid]: msg"

NTPD_RE = (r'^(?P<ts>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d '
           r'\d\d:\d\d:\d\d) [A-Za-z0-9.-]+ ntpd(?:_intres)?\[\d+\]: $')


def ntpd_header(t, info, meta):
    d = when(t)
    return (f'{MONTHS[d.month - 1]} {d.day:2d} {d.hour:02d}:{d.minute:02d}:{d.second:02d} '
            f'{meta["host"]} {info["prog"]}[{meta["pid"]}]: ')


def build_ntpd():
    S = System('Ntpd', 5, NTPD_RE, ntpd_header)
    r = S.rng
    S.declare('mobilize', '<*> <*> 81 mobilize assoc <*>', prog='ntpd')
    S.declare('reachable', '<*> <*> 84 reachable', prog='ntpd')
    S.declare('unreachable', '<*> <*> 83 unreachable', prog='ntpd')
    S.declare('syspeer', '<*> <*> 8a sys_peer', prog='ntpd')
    S.declare('step', '0.0.0.0 <*> 0c clock_step <*> s', prog='ntpd')
    S.declare('sync', '0.0.0.0 <*> 05 clock_sync', prog='ntpd')
    S.declare('synced', 'synchronized to <*>, stratum <*>', prog='ntpd')
    S.declare('listen', 'Listen normally on <*> <*> <*>:123', prog='ntpd')
    S.declare('delete', 'Deleting interface #<*> <*>, <*>#123, interface stats: received=<*>, '
              'sent=<*>, dropped=<*>, active_time=<*> secs', prog='ntpd')
    S.declare('exit', 'ntpd exiting on signal 15 (Terminated)', prog='ntpd')
    S.declare('timeerr', 'kernel reports TIME_ERROR: <*>: Clock Unsynchronized', prog='ntpd')
    S.declare('hostnf', 'host name not found: <*>', prog='ntpd_intres')
    S.declare('solicit', 'Soliciting pool server <*>', prog='ntpd')
    S.declare('origin', 'receive: Unexpected origin timestamp <*> does not match aorg <*> from '
              'server@<*> xmt <*>', prog='ntpd')
    S.declare('leap', "leapsecond file ('<*>'): will expire in less than <*> days", prog='ntpd')

    counts = {'mobilize': 25, 'reachable': 80, 'unreachable': 20, 'syspeer': 25, 'step': 8,
              'sync': 6, 'synced': 22, 'listen': 16, 'delete': 14, 'exit': 4, 'timeerr': 5,
              'hostnf': 7, 'solicit': 30, 'origin': 30, 'leap': 8}
    assert sum(counts.values()) == N_LINES
    peers = ['192.0.2.10', '198.51.100.23', '203.0.113.5', '162.159.200.123', '10.20.0.1',
             '185.125.190.57', '2001:db8:4::123']
    ifaces = [('lo', '127.0.0.1'), ('eth0', '192.168.10.5'), ('docker0', '172.17.0.1'),
              ('wg0', '10.99.0.2'), ('ens192', '10.40.7.18')]
    del_ifaces = [('docker0', '172.17.0.1'), ('veth3a9c2e1', 'fe80::42:acff:fe11:2%5'),
                  ('wg0', '10.99.0.2'), ('br-4f1e0c2d9a7b', 'fe80::1c7b:9aff:fe3e:d102%12')]
    hosts = {'ntp-a': 1187, 'timesrv2.corp.example.net': 803}

    def ntpts():
        return f'0x{hexs(r, 8)}.{hexs(r, 8)}'

    keys = [k for k, n in counts.items() for _ in range(n)]
    r.shuffle(keys)
    t = 6 * 3600 * NS + 12 * 60 * NS + r.randrange(NS)
    for key in keys:
        t += expgap(r, 55, NS // 10)
        host = 'ntp-a' if r.random() < 0.62 else 'timesrv2.corp.example.net'
        pid = hosts[host]
        if key == 'hostnf':
            pid += r.choice([1, 2, 5])
        v = {
            'mobilize': lambda: [S.cyc(key, 'ip', peers), S.cyc(key, 'st', ['8011', '9011']),
                                 r.randint(10000, 65530)],
            'reachable': lambda: [r.choice(peers), S.cyc(key, 'st', ['9014', '9024', '9034'])],
            'unreachable': lambda: [r.choice(peers), S.cyc(key, 'st', ['8043', '8013', '9043'])],
            'syspeer': lambda: [r.choice(peers), S.cyc(key, 'st', ['961a', '963a', '941a'])],
            'step': lambda: [S.cyc(key, 'st', ['c61c', 'c51c', 'c41c']),
                             f'{r.choice("+-")}{r.choice([r.uniform(0.13, 2.9), r.uniform(20, 90)]):.6f}'],
            'sync': lambda: [S.cyc(key, 'st', ['c615', 'c515'])],
            'synced': lambda: [r.choice(peers), S.cyc(key, 'sr', ['2', '1', '3', '2'])],
            'listen': lambda: [r.randint(2, 9), *S.cyc(key, 'if', ifaces)],
            'delete': lambda: [r.randint(3, 14), *S.cyc(key, 'if', del_ifaces),
                               r.choice([0, 0, r.randint(1, 90000)]),
                               r.choice([0, r.randint(1, 90000)]),
                               S.cyc(key, 'dr', [0, 0, 0, 3]), r.randint(30, 2_000_000)],
            'exit': lambda: [],
            'timeerr': lambda: [S.cyc(key, 'c', ['0x41', '0x2041', '0x6041'])],
            'hostnf': lambda: [S.cyc(key, 'h', ['0.debian.pool.ntp.org', 'ntp.corp.example.net',
                                                 '2.pool.ntp.org', 'time-b'])],
            'solicit': lambda: [r.choice(peers)],
            'origin': lambda: [ntpts(), r.choice(['0000000000.00000000', ntpts()]),
                               r.choice(peers), ntpts()],
            'leap': lambda: [S.cyc(key, 'f', ['/usr/share/zoneinfo/leap-seconds.list',
                                              '/var/lib/ntp/leap-seconds.list']),
                             S.cyc(key, 'd', ['28', '14', '7'])],
        }[key]()
        S.emit(t, key, v, host=host, pid=pid)
        if key == 'exit':
            hosts[host] += r.randint(300, 40000)
    S.finish()
    return S


# ============================================================ self-check

def self_check(systems):
    for S in systems:
        d = os.path.join(HERE, S.name)
        with open(os.path.join(d, S.name + '.log'), encoding='utf-8', newline='') as f:
            raw = f.read()
        assert raw.endswith('\n'), S.name
        raw_lines = raw[:-1].split('\n')
        assert len(raw_lines) == N_LINES, (S.name, len(raw_lines))
        with open(os.path.join(d, S.name + '.log_structured.csv'), encoding='utf-8',
                  newline='') as f:
            rows = list(csv.reader(f))
        assert rows[0] == ['LineId', 'Content', 'EventId', 'EventTemplate'], S.name
        rows = rows[1:]
        assert len(rows) == N_LINES, (S.name, len(rows))
        tmpl_of = {}
        caps = {}
        counts = {}
        last_ts = None
        for i, (row, line) in enumerate(zip(rows, raw_lines), 1):
            assert len(row) == 4, (S.name, i)
            lid, content, eid, tmpl = row
            assert lid == str(i), (S.name, i, lid)
            assert content and content == content.strip(), (S.name, i)
            assert line.endswith(content), (S.name, i)
            head = line[:len(line) - len(content)]
            m = S.header_re.fullmatch(head)
            assert m, (S.name, i, head)
            ts = m.group('ts')   # fixed-width, one date: text order is time order
            assert last_ts is None or ts >= last_ts, (S.name, i, ts, last_ts)
            last_ts = ts
            assert re.fullmatch(r'E\d+', eid), (S.name, i, eid)
            assert tmpl_of.setdefault(eid, tmpl) == tmpl, (S.name, eid)
            rx = '^' + '(.+?)'.join(re.escape(p) for p in tmpl.split('<*>')) + '$'
            mm = re.fullmatch(rx, content)
            assert mm, (S.name, i, tmpl, content)
            for g, v in enumerate(mm.groups()):
                caps.setdefault((eid, g), set()).add(v)
            counts[eid] = counts.get(eid, 0) + 1
        assert len(set(tmpl_of.values())) == len(tmpl_of), S.name
        declared = [f'E{i + 1}' for i in range(len(S.order))]
        assert sorted(counts, key=lambda e: int(e[1:])) == declared, (S.name, counts)
        for (eid, g), vals in caps.items():
            assert len(vals) >= 2, (S.name, eid, g, vals)
        n = list(counts.values())
        assert 12 <= len(n) <= 15, (S.name, len(n))
        assert min(n) >= 3, (S.name, counts)
        assert sum(1 for x in n if 3 <= x <= 10) >= 3, (S.name, counts)
        assert max(n) >= 3 * statistics.median(n), (S.name, counts)
        print(f'{S.name}: {len(n)} events; ' +
              ' '.join(f'{e}={counts[e]}' for e in declared))
    print('self-check passed')


def main():
    systems = [build_nexus(), build_woodpecker(), build_apisix(), build_nebula(),
               build_storm(), build_ntpd()]
    for S in systems:
        S.write()
    self_check(systems)


if __name__ == '__main__':
    main()
