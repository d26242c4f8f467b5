//! Regression floors on the labelled corpora written for the miner (`logmine/testdata/<name>`,
//! each with a README saying how it was written and scored), raw lines and the `Content` column,
//! one module per corpus. Some are read (their errors were turned into rules), some are never
//! read (validation but its Squid, blind, sealed, sealed2 to sealed4, sealed7 to sealed24): a
//! change that makes the miner worse on formats nobody tuned for shows there. The tuned eight
//! and the dev corpus have their own files (`loghub.rs`, `dev_corpus.rs`): they check parsing
//! accuracy too.

#[macro_use]
mod support;

/// A module of floor tests for one corpus: its directory under `logmine/testdata`, each system's
/// grouping accuracy floor (the lower of the raw and `Content` figures minus 0.01), the mean's, and
/// the mean parsing accuracy's where the corpus has one.
macro_rules! corpus_floors {
    (
        $(#[$doc:meta])*
        $module:ident in $dir:literal,
        systems: [$(($system:literal, $floor:literal)),* $(,)?],
        mean: $mean:expr,
        mean_pa: $mean_pa:expr $(,)?
    ) => {
        $(#[$doc])*
        mod $module {
            use super::support::{self, Floors};

            const CORPUS: Floors = Floors {
                corpus: $dir,
                systems: &[$(($system, $floor)),*],
                mean: $mean,
                mean_pa: $mean_pa,
            };

            floor_tests!(CORPUS);
        }
    };
}

corpus_floors! {
    /// Regression floors on the held-out corpus (`logmine/testdata/heldout`, eight systems written
    /// by `generate.py` in formats neither in the dev corpus nor among the tuned eight), raw lines
    /// and the `Content` column. The floors sit just under the figures after branch `heldout`
    /// (docs/parsing_accuracy.md); since that branch read their errors, the corpus is no longer
    /// held out, and these floors only keep what was gained.
    heldout in "heldout",
    systems: [
        ("Elasticsearch", 0.99),
        ("Envoy", 0.95),
        ("HAProxy", 0.99),
        ("Kafka", 0.99),
        ("MySQL", 0.94),
        ("PhpFpm", 0.99),
        ("Postgres", 0.99),
        ("Rails", 0.94),
    ],
    // Mean grouping accuracy: measured 0.9573 (`Content` and raw) in session 16 (0.9285 in session
    // 15, 0.9240 in session 14), minus 0.01.
    // Session 17: measured 0.9674 (`Content`) and 0.9674 (raw), minus 0.01.
    // Session 21, at its end: measured with the session's end binary, minus 0.01.
    mean: 0.97,
    // Mean parsing accuracy, `Content` and raw: measured 0.4118 (session 13; 0.4285 in session 14),
    // minus 0.01.
    mean_pa: Some((0.40, 0.40)),
}

corpus_floors! {
    /// Regression floors on the validation corpus (`logmine/testdata/validation`, six systems
    /// written by `generate.py` in formats in no other corpus), raw lines and the `Content` column.
    /// The corpus is never tuned on (but for Squid, read in session 19): no miner change is made by
    /// reading its errors. The floors sit
    /// just under the figures after branch `heldout2` (docs/parsing_accuracy.md), so that a change
    /// elsewhere that makes the miner worse on formats nobody tuned for shows here.
    validation in "validation",
    systems: [
        // Squid was 0.0 until session 19 read its errors (its README says so): 0.6867 since.
        ("Cassandra", 0.87),
        ("Celery", 0.87),
        ("Hclog", 0.99),
        ("MongoDB", 0.99),
        ("RabbitMQ", 0.99),
        ("Squid", 0.67),
    ],
    // Mean grouping accuracy: measured 0.7617 (`Content` and raw) in session 16 (0.7439 in session
    // 15), minus 0.01.
    // Session 17: measured 0.7944 (`Content`) and 0.7944 (raw), minus 0.01.
    // Session 19: measured 0.9089 (both; Squid read), minus 0.01.
    mean: 0.89,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the fresh corpus (`logmine/testdata/fresh`, six systems written blind
    /// by `generate.py` in formats in no other corpus), raw lines and the `Content` column. Its
    /// first, blind score is in its README; the floors sit just under the figures measured since.
    fresh in "fresh",
    systems: [
        ("Airflow", 0.97),
        ("Containerd", 0.99),
        ("Gunicorn", 0.94),
        ("Keycloak", 0.99),
        ("NginxError", 0.99),
        ("Traefik", 0.97),
    ],
    // Mean grouping accuracy: measured 0.9478 (`Content` and raw, session 15; blind: 0.6272 and
    // 0.6206), minus 0.01.
    // Session 17: measured 0.9606 (`Content`) and 0.9606 (raw), minus 0.01.
    // Session 18, at its end: measured 0.9706 (`Content` and raw), minus 0.01.
    mean: 0.97,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the blind corpus (`logmine/testdata/blind`, six systems written blind
    /// by `generate.py` in formats in no other corpus), raw lines and the `Content` column. Like
    /// the validation corpus it is never read: no miner change is made by reading its errors, so a
    /// change elsewhere that makes the miner worse on formats nobody tuned for shows here.
    blind in "blind",
    systems: [
        ("ClickHouse", 0.97),
        ("CoreDNS", 0.99),
        ("Etcd", 0.99),
        ("Express", 0.99),
        ("Jenkins", 0.70),
        ("UWSGI", 0.97),
    ],
    // Mean grouping accuracy: measured 0.8956 (`Content` and raw) in session 16 (0.7972 and 0.8761
    // at the end of session 15, 0.6494 and 0.6978 at the start of session 13), minus 0.01.
    // Session 17: measured 0.9406 (`Content`) and 0.9489 (raw), minus 0.01.
    mean: 0.93,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-3 corpus (`logmine/testdata/round3`: vLLM, Triton, Slurm,
    /// Postfix, Mosquitto, Spring Boot, written blind by `generate.py`), raw lines and the
    /// `Content` column. Its first, blind score is in its README; the floors sit just under the
    /// figures measured since.
    round3 in "round3",
    systems: [
        ("Mosquitto", 0.99),
        ("Postfix", 0.97),
        ("Slurm", 0.98),
        ("SpringBoot", 0.95),
        ("Triton", 0.99),
        ("VLLM", 0.99),
    ],
    // Mean grouping accuracy: measured 0.9811 (`Content` and raw, session 15; blind: 0.7633), minus
    // 0.01.
    mean: 0.97,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-4 corpus (`logmine/testdata/round4`: Jupyter, Supervisord,
    /// Prometheus, kube-scheduler, Ollama, torchrun, written blind by `generate.py`), raw lines and
    /// the `Content` column. Its first, blind score is in its README; the floors sit just under the
    /// figures measured since.
    round4 in "round4",
    systems: [
        ("Jupyter", 0.99),
        ("KubeScheduler", 0.99),
        ("Ollama", 0.99),
        ("Prometheus", 0.99),
        ("Supervisord", 0.72),
        ("Torchrun", 0.97),
    ],
    // Mean grouping accuracy: measured 0.9389 (`Content` and raw, session 15; blind: 0.7833), minus
    // 0.01.
    // Session 17: measured 0.9528 (`Content`) and 0.9528 (raw), minus 0.01.
    mean: 0.94,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-5 corpus (`logmine/testdata/round5`: Linkerd, Synapse,
    /// Asterisk, Kong, Dovecot, Minecraft, written blind by `generate.py`), raw lines and the
    /// `Content` column. Its first, blind score is in its README; the floors sit just under the
    /// figures measured since.
    round5 in "round5",
    systems: [
        ("Asterisk", 0.90),
        ("Dovecot", 0.96),
        ("Kong", 0.99),
        ("Linkerd", 0.91),
        ("Minecraft", 0.85),
        ("Synapse", 0.98),
    ],
    // Mean grouping accuracy: measured 0.8594 (`Content` and raw) in session 16 (0.7917 in session
    // 15; blind: 0.5767 and 0.4144), minus 0.01.
    // Session 17: measured 0.8928 (`Content`) and 0.8928 (raw), minus 0.01.
    // Session 18, at its end: measured 0.9083 (`Content` and raw), minus 0.01.
    mean: 0.93,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the sealed corpus (`logmine/testdata/sealed`: Caddy, Grafana, NATS,
    /// Sidekiq, PgBouncer, Ray, written blind by `generate.py`), raw lines and the `Content`
    /// column. Like the validation and blind corpora it is never read: no miner change is made by
    /// reading its errors, so it measures how the rules found elsewhere carry over.
    sealed in "sealed",
    systems: [
        ("Caddy", 0.99),
        ("Grafana", 0.99),
        ("NATS", 0.99),
        ("PgBouncer", 0.61),
        ("Ray", 0.98),
        ("Sidekiq", 0.86),
    ],
    // Mean grouping accuracy: measured 0.9133 (`Content` and raw) in session 16 (0.9056 in session
    // 15, 0.7806 and 0.7061 when first scored), minus 0.01.
    mean: 0.90,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the final corpus (`logmine/testdata/final`: Fluent Bit, Vector, Zabbix,
    /// Tomcat, Phoenix, Home Assistant, written blind by `generate.py`), raw lines and the
    /// `Content` column. Scored unread at the end of session 14, read in session 15 (its README):
    /// the floors keep what was gained.
    final_corpus in "final",
    systems: [
        ("FluentBit", 0.98),
        ("HomeAssistant", 0.94),
        ("Phoenix", 0.94),
        ("Tomcat", 0.97),
        ("Vector", 0.99),
        ("Zabbix", 0.99),
    ],
    // Mean grouping accuracy: measured 0.9361 (`Content`) and 0.9511 (raw) in session 16 (0.8567 and
    // 0.8717 in session 15, after it was read; blind: 0.6817 and 0.5806), minus 0.01.
    // Session 17: measured 0.9511 (`Content`) and 0.9511 (raw), minus 0.01.
    mean: 0.96,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-6 corpus (`logmine/testdata/round6`: Consul, Cilium, Redis
    /// Sentinel, Nomad, Django, ASP.NET Core, written blind by `generate.py`), raw lines and the
    /// `Content` column. Its first, blind score is in its README; the floors sit just under the
    /// figures measured since.
    round6 in "round6",
    systems: [
        ("AspNetCore", 0.99),
        ("Cilium", 0.99),
        ("Consul", 0.85),
        ("Django", 0.99),
        ("Nomad", 0.99),
        ("RedisSentinel", 0.99),
    ],
    // Mean grouping accuracy: measured 0.9778 (`Content` and raw) in session 15 after reading its
    // errors (blind: 0.7822 and 0.7822), minus 0.01.
    mean: 0.96,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the second sealed corpus (`logmine/testdata/sealed2`, six systems
    /// written blind by `generate.py`; its README names them), raw lines and the `Content` column.
    /// Like the validation, blind and sealed corpora it is never read: its errors are not looked
    /// at, so it measures how the rules found elsewhere carry over.
    sealed2 in "sealed2",
    systems: [
        ("CockroachDB", 0.85),
        ("GitLabRunner", 0.96),
        ("Kea", 0.94),
        ("PBSPro", 0.93),
        ("Redpanda", 0.96),
        ("TorchServe", 0.85),
    ],
    // Mean grouping accuracy: measured 0.9278 (`Content`) and 0.9461 (raw) in session 16 (0.9139 and
    // 0.9322 in session 15, 0.7694 and 0.7350 when first scored), minus 0.01.
    mean: 0.91,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-7 corpus (`logmine/testdata/round7`: Laravel, MinIO,
    /// Keepalived, Gin, DCGM, systemd, written blind by `generate.py`), raw lines and the
    /// `Content` column. Its first, blind score is in its README; the floors sit just under the
    /// figures measured since.
    round7 in "round7",
    systems: [
        ("DCGM", 0.97),
        ("Gin", 0.95),
        ("Keepalived", 0.99),
        ("Laravel", 0.90),
        ("MinIO", 0.94),
        ("Systemd", 0.95),
    ],
    // Mean grouping accuracy: measured 0.9411 (`Content`) and 0.9467 (raw) in session 16 (0.8917 and
    // 0.8972 in session 15 after reading its errors; blind: 0.8444 and 0.8500), minus 0.01. Gin
    // lost 0.04 in session 16: two words in capitals are values now, and its ground truth keeps
    // `serving HTTP` and `serving HTTPS` apart.
    // Session 17: measured 0.9628 (`Content` and raw), minus 0.01.
    mean: 0.95,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the third sealed corpus (`logmine/testdata/sealed3`, six systems
    /// written blind by `generate.py`; its README names them), raw lines and the `Content` column.
    /// Never read: its errors are not looked at.
    sealed3 in "sealed3",
    systems: [
        ("ActixWeb", 0.89),
        ("Ceph", 0.41),
        ("DeepSpeed", 0.94),
        ("Istio", 0.91),
        ("Unbound", 0.44),
        ("Velero", 0.99),
    ],
    // Mean grouping accuracy: measured 0.7300 (`Content` and raw) at the start of session 15, 0.7367
    // at its end, minus 0.01.
    // Session 17: measured 0.7744 (`Content`) and 0.7744 (raw), minus 0.01.
    mean: 0.76,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the fourth sealed corpus (`logmine/testdata/sealed4`, six systems
    /// written blind by `generate.py`; its README names them), raw lines and the `Content` column.
    /// Never read: its errors are not looked at.
    sealed4 in "sealed4",
    systems: [
        ("Exim", 0.95),
        ("Garage", 0.87),
        ("GlusterFS", 0.79),
        ("Karpenter", 0.95),
        ("NXOS", 0.88),
        ("Nextflow", 0.78),
    ],
    // Mean grouping accuracy: measured 0.7239 (`Content`) and 0.7778 (raw) in session 16 (0.6744 and
    // 0.7283 at the start and the end of session 15), minus 0.01.
    // Session 17: measured 0.7461 (`Content`) and 0.8622 (raw), minus 0.01.
    // Session 18, at its end: measured 0.7661 (`Content`) and 0.8822 (raw), minus 0.01.
    mean: 0.87,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-8 corpus (`logmine/testdata/round8`: HTCondor, Suricata,
    /// OpenVPN, Temporal, WildFly, Flink, written blind by `generate.py`), raw lines and the
    /// `Content` column. Its first, blind score is in its README; the floors sit just under the
    /// figures measured since.
    round8 in "round8",
    systems: [
        ("Flink", 0.63),
        ("HTCondor", 0.99),
        ("OpenVPN", 0.99),
        ("Suricata", 0.87),
        ("Temporal", 0.99),
        ("WildFly", 0.97),
    ],
    // Mean grouping accuracy: measured 0.8233 (`Content`) and 0.8883 (raw) in session 16 after
    // reading its errors (blind: 0.7439 and 0.7922), minus 0.01.
    // Session 17: measured 0.8994 (`Content`) and 0.9039 (raw), minus 0.01.
    mean: 0.90,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the fifth sealed corpus (`logmine/testdata/sealed5`, six systems
    /// written blind by `generate.py`; its README names them), raw lines and the `Content` column.
    /// Never read until session 18, which read three systems' errors (Fail2ban, Podman, Dnsmasq).
    sealed5 in "sealed5",
    systems: [
        ("Dask", 0.99),
        ("Dnsmasq", 0.97),
        ("Fail2ban", 0.89),
        ("Podman", 0.36),
        ("Pulsar", 0.92),
        ("Vault", 0.99),
    ],
    // Mean grouping accuracy: measured 0.6950 (`Content`) and 0.6833 (raw) in session 16, minus
    // 0.01. Session 18: 0.7928 (`Content` and raw).
    // Session 18, at its end: measured 0.8394 (`Content` and raw), minus 0.01.
    // Session 21, at its end: measured with the session's end binary, minus 0.01.
    mean: 0.86,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the sixth sealed corpus (`logmine/testdata/sealed6`, six systems
    /// written blind by `generate.py`; its README names them), raw lines and the `Content` column.
    /// Never read until session 18, which read two systems' errors (Samba, Tekton).
    sealed6 in "sealed6",
    systems: [
        ("Bind", 0.90),
        ("Cups", 0.97),
        ("Loki", 0.99),
        ("Puppet", 0.99),
        ("Samba", 0.41),
        ("Tekton", 0.98),
    ],
    // Mean grouping accuracy: measured 0.7628 (`Content` and raw) at the end of session 16 (0.7061
    // with the session's start binary, 0.7217 at cf36abb), minus 0.01.
    // Session 17: measured 0.7856 (`Content`) and 0.7856 (raw), minus 0.01.
    // Session 18: 0.8511 (`Content` and raw).
    // Session 18, after its last rules: measured 0.8856 (`Content` and raw), minus 0.01.
    mean: 0.87,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-9 corpus (`logmine/testdata/round9`: Kubelet, Logstash,
    /// Chronyd, Trino, ArgoCD, Jaeger, written blind by `generate.py`), raw lines and the `Content`
    /// column. Its first, blind score is in its README; the floors sit just under the figures
    /// measured since its errors were read (session 17).
    round9 in "round9",
    systems: [
        ("ArgoCD", 0.83),
        ("Chronyd", 0.98),
        ("Jaeger", 0.99),
        ("Kubelet", 0.99),
        ("Logstash", 0.99),
        ("Trino", 0.72),
    ],
    // Mean grouping accuracy: measured 0.9267 (`Content`) and 0.9144 (raw) in session 17 after
    // reading its errors (blind: 0.6506 and 0.7106), minus 0.01.
    mean: 0.91,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-10 corpus (`logmine/testdata/round10`: Keystone, Nginx
    /// Ingress, Zeek, Couchbase, Spinnaker, Jupyter Enterprise Gateway, written blind by
    /// `generate.py`), raw lines and the `Content` column. Its first, blind score is in its README.
    round10 in "round10",
    systems: [
        ("Couchbase", 0.44),
        ("EnterpriseGateway", 0.90),
        ("Keystone", 0.91),
        ("NginxIngress", 0.99),
        ("Spinnaker", 0.89),
        ("Zeek", 0.84),
    ],
    // Mean grouping accuracy: measured 0.7889 (`Content` and raw) in session 17 after reading its
    // errors (blind: 0.6422 and 0.5622), minus 0.01.
    // Session 18, at its end: measured 0.7933 (`Content` and raw), minus 0.01.
    mean: 0.83,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the seventh sealed corpus (`logmine/testdata/sealed7`, six systems
    /// written blind by `generate.py`; its README names them), raw lines and the `Content` column.
    /// Never read: its errors are not looked at.
    sealed7 in "sealed7",
    systems: [
        ("Filebeat", 0.99),
        ("Harbor", 0.60),
        ("Longhorn", 0.92),
        ("Proxmox", 0.70),
        ("Rundeck", 0.70),
        ("Sentry", 0.96),
    ],
    // Mean grouping accuracy: measured 0.7706 (`Content` and raw) in session 17 (0.7450 and 0.7472
    // with the session's start binary), minus 0.01.
    // Session 19: measured 0.8194 (both; keys as the column join's words), minus 0.01.
    mean: 0.81,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the eighth sealed corpus (`logmine/testdata/sealed8`, six systems
    /// written blind by `generate.py`; its README names them), raw lines and the `Content` column.
    /// Never read: its errors are not looked at.
    sealed8 in "sealed8",
    systems: [
        ("Dqlite", 0.71),
        ("Gitea", 0.93),
        ("Graylog", 0.62),
        ("Kibana", 0.84),
        ("KnotResolver", 0.77),
        ("RabbitMQStream", 0.70),
    ],
    // Mean grouping accuracy: measured 0.6783 (`Content` and raw) at the end of session 17
    // (0.6983 with the session's start binary), minus 0.01.
    // Session 18, at its end: measured 0.7083 (`Content` and raw), minus 0.01.
    mean: 0.76,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-11 corpus (`logmine/testdata/round11`: NCCL, Telegraf,
    /// Nagios, Geth, Fluentd, Auditd, written blind by `generate.py`), raw lines and the `Content`
    /// column. Its first, blind score is in its README; its errors were read in session 18.
    round11 in "round11",
    systems: [
        ("Auditd", 0.50),
        ("Fluentd", 0.90),
        ("Geth", 0.99),
        ("NCCL", 0.75),
        ("Nagios", 0.75),
        ("Telegraf", 0.93),
    ],
    // Mean grouping accuracy: measured 0.6256 (`Content`) and 0.6339 (raw) in session 18 (blind:
    // 0.5278 and 0.4972), minus 0.01.
    // Session 18, at its end: measured 0.6672 (`Content`) and 0.6644 (raw), minus 0.01.
    // Session 18, after its last rules: measured 0.6883 (`Content`) and 0.6856 (raw), minus 0.01.
    // Session 19: measured 0.7022 (`Content`) and 0.6994 (raw), minus 0.01.
    // Session 20, at its end: measured with the session's end binary, minus 0.01.
    mean: 0.81,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the ninth sealed corpus (`logmine/testdata/sealed9`, six systems
    /// written blind by `generate.py`; its README names them), raw lines and the `Content` column.
    /// Never read: its errors are not looked at.
    sealed9 in "sealed9",
    systems: [
        ("BitcoinCore", 0.95),
        ("CRIO", 0.98),
        ("Icinga2", 0.63),
        ("OtelCollector", 0.85),
        ("ScyllaDB", 0.68),
        ("TGI", 0.20),
    ],
    // Mean grouping accuracy: measured 0.7517 (`Content`) and 0.6461 (raw) in session 18 (0.7489
    // and 0.5106 with the session's start binary), minus 0.01.
    // Session 18, at its end: measured 0.7561 (`Content`) and 0.6506 (raw), minus 0.01.
    mean: 0.76,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-12 corpus (`logmine/testdata/round12`: Calico Felix, Falco,
    /// NVIDIA Fabric Manager, SonarQube, MariaDB with Galera, Memcached, written blind by
    /// `generate.py`), raw lines and the `Content` column. Its first, blind score is in its
    /// README; its errors were read in session 18.
    round12 in "round12",
    systems: [
        ("CalicoFelix", 0.99),
        ("FabricManager", 0.99),
        ("Falco", 0.96),
        ("MariaDBGalera", 0.96),
        ("Memcached", 0.76),
        // 0.88 until session 21, when a key's two bare words became one value
        // (`status=SUCCESS` / `status=FAILED` here are two events by its ground truth; the
        // same shape is one value in round 17's Sendmail and Zimbra, round 10's Keystone and
        // sealed 14's Cloudflared).
        ("SonarQube", 0.74),
    ],
    // Mean grouping accuracy: measured 0.8050 (`Content` and raw) in session 18 (blind: 0.8050 and
    // 0.7178), minus 0.01.
    // Session 18, at its end: measured 0.8944 (`Content` and raw), minus 0.01.
    // Session 20, at its end: measured with the session's end binary, minus 0.01.
    // Session 21: 0.9111 once a key's two bare words are one value (SonarQube, above).
    mean: 0.90,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-13 corpus (`logmine/testdata/round13`: NetworkManager,
    /// BeeGFS, Ansible, a GitHub Actions runner, Jellyfin, OpenLDAP, written blind by
    /// `generate.py`), raw lines and the `Content` column. Its first, blind score is in its
    /// README; its errors were read in session 19.
    round13 in "round13",
    systems: [
        // 0.52 until session 21, when two to eight capital letters opening a message became a
        // command word, a value at three (`RETR`/`STOR`/`APPE`): `PLAY` / `TASK` here are events.
        ("Ansible", 0.49),
        ("BeeGFS", 0.97),
        ("GitHubRunner", 0.92),
        ("Jellyfin", 0.91),
        ("NetworkManager", 0.74),
        ("OpenLDAP", 0.68),
    ],
    // Mean grouping accuracy: measured 0.7639 (`Content`) and 0.7667 (raw) blind, with the
    // session's start binary; session 19, after reading it: 0.7706 (both), minus 0.01.
    mean: 0.79,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-14 corpus (`logmine/testdata/round14`: llama.cpp's server,
    /// JupyterHub, VictoriaMetrics, Teleport, Sonarr, Kafka Connect, written blind by
    /// `generate.py`), raw lines and the `Content` column. Its first, blind score is in its
    /// README; its errors were read in session 19.
    round14 in "round14",
    systems: [
        ("JupyterHub", 0.98),
        ("KafkaConnect", 0.93),
        ("LlamaCppServer", 0.97),
        ("Sonarr", 0.80),
        ("Teleport", 0.60),
        ("VictoriaMetrics", 0.95),
    ],
    // Mean grouping accuracy: measured 0.6583 (`Content`) and 0.5817 (raw) blind, with the
    // session's start binary; session 19, after reading it: 0.7744 and 0.7706; session 20:
    // 0.8856 and 0.8444, minus 0.01.
    mean: 0.87,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the tenth sealed corpus (`logmine/testdata/sealed10`, six systems
    /// written blind by `generate.py`; its README names them), raw lines and the `Content` column.
    /// Never read: its errors are not looked at.
    sealed10 in "sealed10",
    systems: [
        ("DockerDaemon", 0.99),
        // Session 26: 0.9133 -> 0.8933 when a JSON object in the text became its keys with
        // every value a variable (`inline_json.rs`), which lifted nine other never-read systems
        // (Harbor +0.25, Boundary +0.42, Hasura raw +0.67, Wallabag +0.17); kept for that.
        ("Druid", 0.88),
        ("KernelNvidia", 0.34),
        ("Knative", 0.62),
        ("KubeApiserver", 0.80),
        ("NiFi", 0.76),
    ],
    // Mean grouping accuracy: measured 0.7167 (`Content`) and 0.7244 (raw) in session 18 (0.7167
    // and 0.6756 with the session's start binary), minus 0.01.
    // Session 18, at its end: measured 0.7489 (`Content`) and 0.7567 (raw), minus 0.01.
    mean: 0.73,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the eleventh sealed corpus (`logmine/testdata/sealed11`, six systems
    /// written blind by `generate.py`; its README names them), raw lines and the `Content` column.
    /// Never read: its errors are not looked at.
    sealed11 in "sealed11",
    systems: [
        ("BuildKit", 0.93),
        ("Lustre", 0.99),
        ("MLflow", 0.21),
        ("NvidiaContainerToolkit", 0.99),
        ("PowerDNS", 0.88),
        ("Vsftpd", 0.01),
    ],
    // Mean grouping accuracy: measured 0.6806 (`Content`) and 0.7039 (raw) in session 19, with the
    // session's start binary and at 58acdb9 alike, minus 0.01.
    // Session 21, at its end: measured with the session's end binary, minus 0.01.
    // Session 22: a quoted name of several words became one value (Uptime Kuma's `'Home
    // Assistant':`); Vsftpd `Content` 0.16 → 0.02, mean 0.6806, minus 0.01.
    mean: 0.67,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the twelfth sealed corpus (`logmine/testdata/sealed12`, six systems
    /// written blind by `generate.py`; its README names them), raw lines and the `Content` column.
    /// Never read: its errors are not looked at.
    sealed12 in "sealed12",
    systems: [
        ("Alertmanager", 0.85),
        ("CertManager", 0.99),
        ("HBase", 0.87),
        ("Mattermost", 0.99),
        ("SGLang", 0.99),
        ("Varnish", 0.83),
    ],
    // Mean grouping accuracy: measured 0.7967 (`Content`) and 0.8622 (raw) in session 19, with the
    // session's start binary and at 6fef150 alike, minus 0.01.
    // Session 21, at its end: measured with the session's end binary, minus 0.01.
    mean: 0.92,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the thirteenth sealed corpus (`logmine/testdata/sealed13`, six systems
    /// written blind by `generate.py`; its README names them), raw lines and the `Content` column.
    /// Never read: its errors are not looked at.
    sealed13 in "sealed13",
    systems: [
        ("ClamAV", 0.21),
        ("Coturn", 0.87),
        ("OpenSearch", 0.77),
        ("Prefect", 0.96),
        ("Tailscale", 0.85),
        ("Zigbee2MQTT", 0.99),
    ],
    // Mean grouping accuracy: measured 0.7756 (`Content`) and 0.7822 (raw) in session 19, with the
    // session's start binary and at 08f0b7b alike, minus 0.01.
    mean: 0.77,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the fourteenth sealed corpus (`logmine/testdata/sealed14`, six systems
    /// written blind by `generate.py`; its README names them), raw lines and the `Content` column.
    /// Never read: its errors are not looked at.
    sealed14 in "sealed14",
    systems: [
        ("Cloudflared", 0.99),
        ("CouchDB", 0.91),
        ("Dagster", 0.89),
        ("Lighttpd", 0.31),
        ("Neo4j", 0.93),
        ("Solr", 0.75),
    ],
    // Mean grouping accuracy: measured 0.6422 (`Content`) and 0.7106 (raw) in session 20 with the
    // session's start binary, 0.6517 and 0.7200 when it arrived (at 767a8b2), minus 0.01.
    // Session 20, at its end: measured with the session's end binary, minus 0.01.
    // Session 21, at its end: measured with the session's end binary, minus 0.01.
    mean: 0.79,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-15 corpus (`logmine/testdata/round15`: strongSwan, Open
    /// vSwitch, TiDB, Thanos, Rspamd, OpenSM, written blind by `generate.py`), raw lines and the
    /// `Content` column. Its first, blind score is in its README; its errors were read in
    /// session 20.
    round15 in "round15",
    systems: [
        ("OpenSM", 0.83),
        ("OpenVSwitch", 0.42),
        ("Rspamd", 0.94),
        ("StrongSwan", 0.60),
        ("Thanos", 0.99),
        ("TiDB", 0.91),
    ],
    // Mean grouping accuracy: measured 0.7611 (`Content`) and 0.7256 (raw) blind, with the
    // session's start binary and at 38acce2 alike, minus 0.01.
    // Session 20, at its end: measured with the session's end binary, minus 0.01.
    mean: 0.78,
    // Mean parsing accuracy, `Content` and raw: measured 0.2761 and 0.1672 in session 37
    // (header fields the raw lines had left in the message taken as header), minus 0.01.
    mean_pa: Some((0.26, 0.15)),
}

corpus_floors! {
    /// Regression floors on the fifteenth sealed corpus (`logmine/testdata/sealed15`, six systems
    /// written blind by `generate.py`; its README names them), raw lines and the `Content` column.
    /// Never read: its errors are not looked at.
    sealed15 in "sealed15",
    systems: [
        ("Immich", 0.52),
        ("Kamailio", 0.45),
        ("LSF", 0.96),
        ("Pacemaker", 0.80),
        ("Syncthing", 0.96),
        ("Wazuh", 0.96),
    ],
    // Mean grouping accuracy: measured 0.6617 (`Content`) and 0.7189 (raw) in session 20 with the
    // session's start binary, 0.6906 and 0.7478 when it arrived (at 9df363a), minus 0.01.
    mean: 0.77,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-16 corpus (`logmine/testdata/round16`: CrowdSec, Authelia,
    /// FreeSWITCH, Apptainer, IBM Storage Scale (GPFS), Puma, written blind by `generate.py`),
    /// raw lines and the `Content` column. Its first, blind score is in its README; its errors
    /// were read in session 20.
    round16 in "round16",
    systems: [
        ("Apptainer", 0.96),
        ("Authelia", 0.16),
        ("CrowdSec", 0.85),
        ("FreeSWITCH", 0.94),
        ("GPFS", 0.93),
        ("Puma", 0.62),
    ],
    // Mean grouping accuracy: measured 0.7372 (`Content` and raw) blind, with the session's start
    // binary and at 88431f1 alike, minus 0.01.
    // Session 20, at its end: measured with the session's end binary, minus 0.01.
    // Session 22: Authelia 0.33 → 0.18 once a key's values opened no different phrases (its
    // `username=… groups=Domain Users,…` had joined by them); mean 0.7583, minus 0.01.
    mean: 0.74,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the sixteenth sealed corpus (`logmine/testdata/sealed16`, six systems
    /// written blind by `generate.py`; its README names them), raw lines and the `Content` column.
    /// Never read: its errors are not looked at.
    sealed16 in "sealed16",
    systems: [
        ("Boundary", 0.53),
        ("CyrusIMAP", 0.67),
        ("Gerrit", 0.69),
        ("Hazelcast", 0.80),
        ("Metabase", 0.54),
        ("Superset", 0.99),
    ],
    // Mean grouping accuracy: measured 0.6194 (`Content`) and 0.6100 (raw) in session 21 with the
    // session's start binary; 0.6944 and 0.6944 after the session's first changes (JSON messages
    // inside an envelope, `[ INFO]`, Python's format behind a time), made from lines written by
    // hand for formats these systems' names suggest, not from the corpus; minus 0.01.
    mean: 0.71,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-17 corpus (`logmine/testdata/round17`: libvirt, InfluxDB,
    /// ActiveMQ Artemis, Zimbra, Sendmail, Volcano, written blind by `generate.py`), raw lines and
    /// the `Content` column. Its first, blind score is in its README; its errors were read in
    /// session 21.
    round17 in "round17",
    systems: [
        ("ActiveMQArtemis", 0.92),
        ("InfluxDB", 0.99),
        ("Libvirt", 0.91),
        ("Sendmail", 0.96),
        ("Volcano", 0.76),
        ("Zimbra", 0.91),
    ],
    // Mean grouping accuracy: measured 0.7694 (`Content` and raw) blind, with the session's start
    // binary and after its first changes alike, minus 0.01.
    // Session 21, at its end: measured with the session's end binary, minus 0.01.
    mean: 0.90,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the seventeenth sealed corpus (`logmine/testdata/sealed17`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed17 in "sealed17",
    systems: [
        ("Frigate", 0.79),
        ("Icecast", 0.97),
        ("Jetty", 0.49),
        ("NSD", 0.58),
        ("Radicale", 0.85),
        ("TrafficServer", 0.99),
    ],
    // Mean grouping accuracy: measured 0.6756 (`Content`) and 0.7206 (raw) in session 21 with the
    // session's start binary and at c43cf4f alike, minus 0.01.
    // Session 21, at its end: measured with the session's end binary, minus 0.01.
    mean: 0.78,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-18 corpus (`logmine/testdata/round18`: Patroni, pgBackRest,
    /// Knot DNS, NGINX Unit, Apache Ignite, Bacula, written blind by `generate.py`), raw lines and
    /// the `Content` column. Its first, blind score is in its README; its errors were read in
    /// session 21.
    round18 in "round18",
    systems: [
        ("ApacheIgnite", 0.93),
        ("Bacula", 0.97),
        ("KnotDNS", 0.99),
        ("NginxUnit", 0.97),
        ("Patroni", 0.94),
        ("PgBackRest", 0.94),
    ],
    // Mean grouping accuracy: measured 0.9094 (`Content`) and 0.7589 (raw) blind with the
    // session's start binary; 0.9150 and 0.8617 once Bacula's header was learned, minus 0.01.
    // Session 21, at its end: measured with the session's end binary, minus 0.01.
    mean: 0.95,
    // Mean parsing accuracy, `Content` and raw: measured 0.5200 and 0.5200 in session 37
    // (header fields the raw lines had left in the message taken as header), minus 0.01.
    mean_pa: Some((0.51, 0.51)),
}

corpus_floors! {
    /// Regression floors on the eighteenth sealed corpus (`logmine/testdata/sealed18`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed18 in "sealed18",
    systems: [
        ("ArangoDB", 0.96),
        ("Debezium", 0.82),
        ("Dex", 0.74),
        ("Mailman", 0.96),
        ("SeaweedFS", 0.99),
        ("YugabyteDB", 0.99),
    ],
    // Mean grouping accuracy: measured 0.7639 (`Content`) and 0.8739 (raw) in session 21 with the
    // session's start binary and at 9bf52d3 alike, minus 0.01.
    // Session 21, at its end: measured with the session's end binary, minus 0.01.
    mean: 0.91,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-19 corpus (`logmine/testdata/round19`: Kudu, Odoo, EMQX,
    /// Grafana Tempo, SSSD, ProFTPD, written blind by `generate.py`), raw lines and the `Content`
    /// column. Its first, blind score is in its README; its errors were read in session 21.
    round19 in "round19",
    systems: [
        ("EMQX", 0.91),
        ("Kudu", 0.99),
        ("Odoo", 0.87),
        ("ProFTPD", 0.88),
        ("SSSD", 0.76),
        ("Tempo", 0.99),
    ],
    // Mean grouping accuracy: measured 0.8411 (`Content`) and 0.8767 (raw) blind, with the
    // session's start binary and at fbdfef4 alike; at the session's end, minus 0.01.
    mean: 0.90,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the twentieth sealed corpus (`logmine/testdata/sealed20`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed20 in "sealed20",
    systems: [
        ("Aerospike", 0.29),
        ("Firecracker", 0.96),
        ("Gitaly", 0.05),
        ("Kopia", 0.91),
        ("Riak", 0.85),
        ("RocketChat", 0.98),
    ],
    // Mean grouping accuracy: measured 0.6967 (`Content`) and 0.7161 (raw) in session 22 with the
    // session's start binary and at a955d74 alike, minus 0.01.
    mean: 0.69,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-20 corpus (`logmine/testdata/round20`: Prosody, ejabberd,
    /// Tor, Jitsi Videobridge, Mesos, Docker Registry, written blind by `generate.py`), raw lines
    /// and the `Content` column. Its first, blind score is in its README; its errors were read in
    /// session 22.
    round20 in "round20",
    systems: [
        ("DockerRegistry", 0.99),
        ("Ejabberd", 0.85),
        ("JitsiVideobridge", 0.99),
        ("Mesos", 0.97),
        ("Prosody", 0.99),
        ("Tor", 0.96),
    ],
    // Mean grouping accuracy: measured 0.9200 (`Content` and raw) blind, with the session's start
    // binary and at a955d74 alike; 0.9706 once a structured line's field names were its event's.
    mean: 0.96,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the nineteenth sealed corpus (`logmine/testdata/sealed19`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed19 in "sealed19",
    systems: [
        ("APISIX", 0.87),
        ("Nebula", 0.99),
        ("NexusRepository", 0.28),
        ("Ntpd", 0.89),
        ("Storm", 0.91),
        ("Woodpecker", 0.80),
    ],
    // Mean grouping accuracy: measured 0.8011 (`Content`) and 0.7206 (raw) in session 22 with the
    // session's start binary and at b7584ab alike, minus 0.01.
    mean: 0.79,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-21 corpus (`logmine/testdata/round21`: HiveServer2, Impala,
    /// Nextcloud, Pi-hole FTL, Terraform, Mastodon, written blind by `generate.py`), raw lines and
    /// the `Content` column. Its first, blind score is in its README; its errors were read in
    /// session 22. Nextcloud's `Content` is a JSON line cut at its message's opening quote (the
    /// rest of the object follows the message), which no reader meets.
    round21 in "round21",
    systems: [
        ("Hive", 0.84),
        ("Impala", 0.67),
        ("Mastodon", 0.95),
        ("Nextcloud", 0.19),
        ("PiholeFTL", 0.77),
        ("Terraform", 0.69),
    ],
    // Mean grouping accuracy: measured 0.6267 (`Content`) and 0.6656 (raw) blind, with the
    // session's start binary and at b7584ab alike; raw 0.7172 once a structured line's field
    // names anchored no phrase; minus 0.01.
    mean: 0.68,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the twenty-first sealed corpus (`logmine/testdata/sealed21`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed21 in "sealed21",
    systems: [
        ("Authentik", 0.58),
        ("Carbon", 0.97),
        ("Kanidm", 0.63),
        ("Netdata", 0.63),
        ("Postgrey", 0.26),
        ("UptimeKuma", 0.78),
    ],
    // Mean grouping accuracy: measured 0.5344 (`Content`) and 0.5500 (raw) in session 22 with the
    // session's start binary and at 5a09348 alike, minus 0.01.
    mean: 0.64,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-22 corpus (`logmine/testdata/round22`: Salt minion,
    /// Dendrite, Zulip, BIRD, FRRouting, Watchtower, written blind by `generate.py`), raw lines
    /// and the `Content` column. Its first, blind score is in its README; its errors were read in
    /// session 22.
    round22 in "round22",
    systems: [
        ("BIRD", 0.95),
        ("Dendrite", 0.99),
        ("FRRouting", 0.79),
        ("SaltMinion", 0.80),
        ("Watchtower", 0.97),
        ("Zulip", 0.79),
    ],
    // Mean grouping accuracy: measured 0.7544 (`Content`) and 0.7100 (raw) blind, with the
    // session's start binary and at 5a09348 alike; minus 0.01 of the figure at the time.
    mean: 0.88,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the twenty-second sealed corpus (`logmine/testdata/sealed22`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed22 in "sealed22",
    systems: [
        ("Airbyte", 0.73),
        ("Amavis", 0.94),
        ("MaxScale", 0.42),
        ("Mimir", 0.99),
        ("Oozie", 0.98),
        ("Redash", 0.34),
    ],
    // Mean grouping accuracy: measured 0.7372 (`Content`) and 0.6417 (raw) in session 22 with the
    // session's start binary; 0.7506 and 0.6528 at 7c10cba; minus 0.01 of the lower.
    mean: 0.71,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-23 corpus (`logmine/testdata/round23`: TiKV, ProxySQL,
    /// pgpool-II, OpenDKIM, SpamAssassin's spamd, Vitess, written blind by `generate.py`), raw
    /// lines and the `Content` column. Its first, blind score is in its README; its errors were
    /// read in session 22.
    round23 in "round23",
    systems: [
        ("OpenDKIM", 0.97),
        ("PgPoolII", 0.92),
        ("ProxySQL", 0.83),
        ("Spamd", 0.65),
        ("TiKV", 0.64),
        ("Vitess", 0.34),
    ],
    // Mean grouping accuracy: measured 0.6211 (`Content` and raw) blind with the session's start
    // binary; minus 0.01.
    mean: 0.72,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-24 corpus (`logmine/testdata/round24`: Vaultwarden,
    /// paperless-ngx, Plex Media Server, Haraka, a FastAPI service under Uvicorn, Quarkus, written
    /// blind by `generate.py`), raw lines and the `Content` column. Its first, blind score is in
    /// its README; its errors were read in session 23.
    round24 in "round24",
    systems: [
        ("Haraka", 0.91),
        // 0.65 blind; 0.76 once titles of many lengths join (`runs.rs`).
        ("PaperlessNgx", 0.74),
        ("PlexMediaServer", 0.89),
        ("Quarkus", 0.94),
        ("Uvicorn", 0.21),
        ("Vaultwarden", 0.24),
    ],
    // Mean grouping accuracy: measured 0.6511 (`Content` and raw) blind in session 23 with the
    // session's start binary; minus 0.01.
    mean: 0.65,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-25 corpus (`logmine/testdata/round25`: a BMC's event log
    /// from `ipmitool sel elist`, smartd, ZFS's zed, rasdaemon, Monit, collectd, written blind by
    /// `generate.py`), raw lines and the `Content` column. Its first, blind score is in its
    /// README; its errors were read in session 23.
    round25 in "round25",
    systems: [
        ("Collectd", 0.59),
        // 0.47 raw blind; 0.82 once hex counters count as numbers (`learn.rs`).
        ("IpmiSel", 0.81),
        ("Monit", 0.95),
        ("Rasdaemon", 0.87),
        ("Smartd", 0.99),
        ("ZfsZed", 0.83),
    ],
    // Mean grouping accuracy: measured 0.8833 (`Content`) and 0.7956 (raw) blind in session 23
    // with the session's start binary; minus 0.01 of the lower.
    mean: 0.84,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the twenty-third sealed corpus (`logmine/testdata/sealed23`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed23 in "sealed23",
    systems: [
        ("ArgoWorkflows", 0.60),
        ("ClusterAutoscaler", 0.97),
        ("Concourse", 0.99),
        ("DroneRunner", 0.99),
        ("FluxKustomize", 0.99),
        ("Kaniko", 0.95),
    ],
    // Mean grouping accuracy: measured 0.7606 (`Content`) and 0.7611 (raw) blind in session 23
    // with the session's start binary; minus 0.01 of the lower.
    mean: 0.91,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the twenty-fourth sealed corpus (`logmine/testdata/sealed24`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed24 in "sealed24",
    systems: [
        ("Bitwarden", 0.61),
        ("Lemmy", 0.91),
        ("Meilisearch", 0.27),
        ("Plausible", 0.81),
        ("Strapi", 0.22),
        ("Wallabag", 0.81),
    ],
    // Mean grouping accuracy: measured 0.6294 (`Content`) and 0.6078 (raw) blind in session 23
    // with the session's start binary; minus 0.01 of the lower.
    mean: 0.60,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the twenty-fifth sealed corpus (`logmine/testdata/sealed25`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed25 in "sealed25",
    systems: [
        ("ExternalDNS", 0.69),
        ("Flannel", 0.69),
        ("KubeControllerManager", 0.22),
        ("KubeProxy", 0.94),
        ("MetalLB", 0.18),
        ("RookOperator", 0.97),
    ],
    // Mean grouping accuracy: measured 0.6150 (`Content`) and 0.6372 (raw) blind in session 23
    // with the session's start binary; minus 0.01 of the lower.
    mean: 0.63,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-26 corpus (`logmine/testdata/round26`: Node-RED, n8n,
    /// Portainer, Matomo, Ghost, qBittorrent, written blind by `generate.py`), raw lines and the
    /// `Content` column. Its first, blind score is in its README; its errors were read in
    /// session 23.
    round26 in "round26",
    systems: [
        ("Ghost", 0.20),
        ("Matomo", 0.44),
        // 0.23 blind; 1.0 once phrases of established events need five to be a value.
        ("N8n", 0.99),
        ("NodeRed", 0.95),
        ("Portainer", 0.96),
        ("QBittorrent", 0.70),
    ],
    // Mean grouping accuracy: measured 0.5239 (`Content`) and 0.4344 (raw) blind in session 23
    // with the session's start binary; minus 0.01 of the lower.
    mean: 0.70,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the twenty-sixth sealed corpus (`logmine/testdata/sealed26`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed26 in "sealed26",
    systems: [
        ("Gotify", 0.00),
        ("Graphite", 0.99),
        ("Nsq", 0.75),
        ("Opensips", 0.65),
        ("Rclone", 0.26),
        ("Sftpgo", 0.30),
    ],
    // Mean grouping accuracy: measured 0.5017 (`Content`) and 0.5000 (raw) blind in session 23
    // with the session's start binary and at ac58460; minus 0.01 of the lower.
    mean: 0.49,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-28 corpus (`logmine/testdata/round28`: Kata Containers,
    /// gVisor's runsc, MUNGE, conmon, skopeo, buildah, written blind by `generate.py`), raw lines
    /// and the `Content` column. Its first, blind score is in its README; its errors were read in
    /// session 23.
    round28 in "round28",
    systems: [
        ("Buildah", 0.59),
        // 0.06 raw blind; 0.98 once a level in angle brackets ends a learned header.
        ("Conmon", 0.96),
        ("KataRuntime", 0.99),
        ("Munged", 0.99),
        ("Runsc", 0.97),
        ("Skopeo", 0.60),
    ],
    // Mean grouping accuracy: measured 0.7794 (`Content`) and 0.6294 (raw) blind in session 23
    // with the session's start binary and at 0764a03; minus 0.01 of the lower.
    mean: 0.85,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-27 corpus (`logmine/testdata/round27`: dcgm-exporter,
    /// xinetd, OpenResty, restic, borgmatic, KEDA, written blind by `generate.py`), raw lines and
    /// the `Content` column. Its first, blind score is in its README; its errors were read in
    /// session 23.
    round27 in "round27",
    systems: [
        ("Borgmatic", 0.99),
        ("Keda", 0.99),
        ("NvidiaDcgmExporter", 0.71),
        ("OpenResty", 0.83),
        ("Restic", 0.99),
        ("Xinetd", 0.92),
    ],
    // Mean grouping accuracy: measured 0.7933 (`Content`) and 0.9139 (raw) blind in session 23
    // with the session's start binary and at c6702d7; minus 0.01 of the lower.
    mean: 0.90,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-29 corpus (`logmine/testdata/round29`: osquery, Tetragon,
    /// Trivy, Kyverno, Gatekeeper, consul-template, written blind by `generate.py`), raw lines and
    /// the `Content` column. Its first, blind score is in its README; its errors were read in
    /// session 23.
    round29 in "round29",
    systems: [
        ("ConsulTemplate", 0.91),
        ("Gatekeeper", 0.49),
        ("Kyverno", 0.97),
        ("Osquery", 0.99),
        ("Tetragon", 0.99),
        ("Trivy", 0.99),
    ],
    // Mean grouping accuracy: measured 0.8978 (`Content`) and 0.9028 (raw) blind in session 23
    // with the session's start binary and at 8c8fc5e; minus 0.01 of the lower.
    mean: 0.89,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the twenty-seventh sealed corpus (`logmine/testdata/sealed27`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed27 in "sealed27",
    systems: [
        ("CloudInit", 0.74),
        ("EcsAgent", 0.07),
        ("GoogleGuestAgent", 0.97),
        ("Ignition", 0.00),
        ("SsmAgent", 0.85),
        ("WaAgent", 0.54),
    ],
    // Mean grouping accuracy: measured 0.6161 (`Content`) and 0.5389 (raw) blind in session 23
    // with the session's start binary and at 8c8fc5e; minus 0.01 of the lower.
    mean: 0.52,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-30 corpus (`logmine/testdata/round30`: Corosync, ptp4l, Milvus, Qdrant, VerneMQ, 389 Directory Server access,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 24.
    round30 in "round30",
    systems: [
        ("Corosync", 0.99),
        ("Ds389Access", 0.88),
        ("Milvus", 0.99),
        ("Ptp4l", 0.39),
        ("Qdrant", 0.05),
        ("VerneMQ", 0.93),
    ],
    // Mean grouping accuracy: measured 0.7011 (`Content`) and 0.7011 (raw) blind in session 24 at
    // e05069f, 0.7011 and 0.7011 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.70,
    // Mean parsing accuracy, `Content` and raw: measured 0.3328 and 0.2978 in session 37
    // (header fields the raw lines had left in the message taken as header), minus 0.01.
    mean_pa: Some((0.32, 0.28)),
}

corpus_floors! {
    /// Regression floors on the round-31 corpus (`logmine/testdata/round31`: AdGuard Home, Typesense, Incus, NUT, Kueue, Stalwart,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 24.
    round31 in "round31",
    systems: [
        ("AdGuardHome", 0.89),
        ("Incus", 0.99),
        ("Kueue", 0.93),
        ("NetworkUpsTools", 0.70),
        ("Stalwart", 0.99),
        ("Typesense", 0.99),
    ],
    // Mean grouping accuracy: measured 0.8761 (`Content`) and 0.8661 (raw) blind in session 24 at
    // e05069f, 0.8761 and 0.8661 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.91,
    // Mean parsing accuracy, `Content` and raw: measured 0.4228 and 0.4228 in session 37
    // (header fields the raw lines had left in the message taken as header), minus 0.01.
    mean_pa: Some((0.41, 0.41)),
}

corpus_floors! {
    /// Regression floors on the twenty-eighth sealed corpus (`logmine/testdata/sealed28`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed28 in "sealed28",
    systems: [
        ("Dgraph", 0.75),
        ("Hasura", 0.06),
        ("PostgREST", 0.96),
        ("SyslogNg", 0.99),
        ("TeamCityAgent", 0.90),
        ("WireGuard", 0.99),
    ],
    // Mean grouping accuracy: measured 0.7939 (`Content`) and 0.7867 (raw) blind in session 24 at
    // e05069f, 0.7939 and 0.7867 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.77,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the twenty-ninth sealed corpus (`logmine/testdata/sealed29`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed29 in "sealed29",
    systems: [
        ("Enroot", 0.99),
        ("GoBGP", 0.88),
        ("Lldpd", 0.89),
        ("ManticoreSearch", 0.43),
        ("Packer", 0.99),
        ("Weaviate", 0.99),
    ],
    // Mean grouping accuracy: measured 0.8733 (`Content`) and 0.9456 (raw) blind in session 24 at
    // e05069f, 0.8733 and 0.9456 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.86,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-32 corpus (`logmine/testdata/round32`: FreeRADIUS, ZoneMinder, Checkmk, Snort 3, dnsdist, ActiveMQ Classic,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 24.
    round32 in "round32",
    systems: [
        ("ActiveMQClassic", 0.98),
        ("Checkmk", 0.63),
        ("Dnsdist", 0.88),
        ("FreeRADIUS", 0.21),
        ("Snort3", 0.71),
        ("Zoneminder", 0.83),
    ],
    // Mean grouping accuracy: measured 0.6494 (`Content`) and 0.6356 (raw) blind in session 24 at
    // 4be7e20, 0.6494 and 0.6356 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.71,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the thirtieth sealed corpus (`logmine/testdata/sealed30`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed30 in "sealed30",
    systems: [
        ("Kestra", 0.54),
        ("OpnsenseFilterlog", 0.00),
        ("Overseerr", 0.99),
        ("Pgcat", 0.80),
        ("Privoxy", 0.99),
        ("Tinyproxy", 0.78),
    ],
    // Mean grouping accuracy: measured 0.6550 (`Content`) and 0.6489 (raw) blind in session 24 at
    // 4be7e20, 0.7044 and 0.6933 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.68,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-33 corpus (`logmine/testdata/round33`: beanstalkd, Gearman, Memgraph, Dragonfly, OpenNTPD, haveged,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 24.
    round33 in "round33",
    systems: [
        ("Beanstalkd", 0.85),
        ("Dragonfly", 0.91),
        ("Gearman", 0.92),
        ("Haveged", 0.64),
        ("Memgraph", 0.99),
        ("OpenNTPD", 0.98),
    ],
    // Mean grouping accuracy: measured 0.8478 (`Content`) and 0.8367 (raw) blind in session 24 at
    // 2f5f79e, 0.8478 and 0.8367 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.88,
    // Mean parsing accuracy, `Content` and raw: measured 0.6700 and 0.6467 in session 37
    // (header fields the raw lines had left in the message taken as header), minus 0.01.
    mean_pa: Some((0.65, 0.63)),
}

corpus_floors! {
    /// Regression floors on the thirty-first sealed corpus (`logmine/testdata/sealed31`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed31 in "sealed31",
    systems: [
        ("Airsonic", 0.91),
        ("Cachet", 0.51),
        ("Dkron", 0.99),
        ("Glances", 0.44),
        ("Nsqlookupd", 0.40),
        ("Smokeping", 0.84),
    ],
    // Mean grouping accuracy: measured 0.6933 (`Content`) and 0.7117 (raw) blind in session 24 at
    // a8e262f, 0.6933 and 0.7117 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.68,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-34 corpus (`logmine/testdata/round34`: guacd, rsyncd, iscsid, multipathd, automount, the kernel NFS server,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 24.
    round34 in "round34",
    systems: [
        ("Autofs", 0.94),
        ("Guacd", 0.99),
        ("Iscsid", 0.99),
        ("Multipathd", 0.65),
        ("NfsServer", 0.90),
        ("Rsyncd", 0.35),
    ],
    // Mean grouping accuracy: measured 0.8161 (`Content`) and 0.7411 (raw) blind in session 24 at
    // 6b24599, 0.8161 and 0.7411 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.80,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the thirty-second sealed corpus (`logmine/testdata/sealed32`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed32 in "sealed32",
    systems: [
        ("Dmeventd", 0.99),
        ("Drbd", 0.34),
        ("LioTarget", 0.82),
        ("Mdadm", 0.99),
        ("Sanlock", 0.99),
        ("Tgtd", 0.92),
    ],
    // Mean grouping accuracy: measured 0.8539 (`Content`) and 0.8539 (raw) blind in session 24 at
    // 6b24599, 0.8539 and 0.8539 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.84,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-35 corpus (`logmine/testdata/round35`: hostapd, wpa_supplicant, bluetoothd, avahi-daemon, udisksd, fwupd,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 24.
    round35 in "round35",
    systems: [
        ("Avahi", 0.99),
        ("Bluetoothd", 0.80),
        ("Fwupd", 0.38),
        ("Hostapd", 0.99),
        ("Udisks", 0.99),
        ("WpaSupplicant", 0.95),
    ],
    // Mean grouping accuracy: measured 0.8628 (`Content`) and 0.8050 (raw) blind in session 24 at
    // 16ac463, 0.8628 and 0.8050 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.85,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the thirty-third sealed corpus (`logmine/testdata/sealed33`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed33 in "sealed33",
    systems: [
        ("Irqbalance", 0.91),
        ("Nmbd", 0.58),
        ("Polkitd", 0.75),
        ("Thermald", 0.47),
        ("Tuned", 0.35),
        ("UsbGuard", 0.22),
    ],
    // Mean grouping accuracy: measured 0.5344 (`Content`) and 0.5344 (raw) blind in session 24 at
    // 16ac463, 0.5344 and 0.5344 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.52,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-36 corpus (`logmine/testdata/round36`: ISC dhcpd, Pure-FTPd, MIT krb5kdc, OpenSMTPD, radvd, conntrackd,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 25.
    round36 in "round36",
    systems: [
        ("Conntrackd", 0.99),
        ("IscDhcpd", 0.88),
        ("Krb5kdc", 0.39),
        ("OpenSmtpd", 0.87),
        ("PureFtpd", 0.96),
        ("Radvd", 0.35),
    ],
    // Mean grouping accuracy: measured 0.7311 (`Content`) and 0.7311 (raw) blind in session 25 at
    // 4abab54, 0.7311 and 0.7311 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.72,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the thirty-fifth sealed corpus (`logmine/testdata/sealed35`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed35 in "sealed35",
    systems: [
        ("Firebird", 0.99),
        ("HiveMQ", 0.99),
        ("MssqlErrorlog", 0.52),
        ("QuestDB", 0.67),
        ("RethinkDB", 0.99),
        ("RocketMQ", 0.38),
    ],
    // Mean grouping accuracy: measured 0.8178 (`Content`) and 0.7944 (raw) blind in session 25 at
    // 4abab54, 0.8178 and 0.7944 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.78,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-37 corpus (`logmine/testdata/round37`: a Rust tracing service, Symfony Monolog, Flask on Werkzeug, NestJS, Micronaut, Vert.x,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 25.
    round37 in "round37",
    systems: [
        ("FlaskWerkzeug", 0.47),
        ("Micronaut", 0.99),
        ("NestJs", 0.46),
        ("RustTracing", 0.99),
        ("SymfonyMonolog", 0.46),
        ("VertX", 0.46),
    ],
    // Mean grouping accuracy: measured 0.6489 (`Content`) and 0.6489 (raw) blind in session 25 at
    // 4abab54, 0.6489 and 0.6489 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.63,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the thirty-fourth sealed corpus (`logmine/testdata/sealed34`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed34 in "sealed34",
    systems: [
        ("BuildkiteAgent", 0.97),
        ("Crossplane", 0.96),
        ("Dapr", -0.01),
        ("K3s", 0.61),
        ("KubeVirt", 0.62),
        ("Multus", 0.73),
    ],
    // Mean grouping accuracy: measured 0.6644 (`Content`) and 0.7539 (raw) blind in session 25 at
    // 4abab54, 0.6644 and 0.7539 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.65,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the thirty-sixth sealed corpus (`logmine/testdata/sealed36`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed36 in "sealed36",
    systems: [
        ("Deluge", 0.33),
        ("JanusGateway", 0.89),
        ("Lidarr", 0.97),
        ("Murmur", 0.58),
        ("TeamSpeak", 0.44),
        ("Transmission", 0.23),
    ],
    // Mean grouping accuracy: measured 0.5872 (`Content`) and 0.5872 (raw) blind in session 25 at
    // 8d5b1a3, 0.5872 and 0.5872 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.57,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-38 corpus (`logmine/testdata/round38`: Tyk, KrakenD, oauth2-proxy, Pomerium, ZITADEL, Ory Kratos,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 25.
    round38 in "round38",
    systems: [
        ("KrakenD", 0.33),
        ("OAuth2Proxy", 0.13),
        ("OryKratos", 0.13),
        ("Pomerium", 0.47),
        ("Tyk", 0.94),
        ("Zitadel", 0.99),
    ],
    // Mean grouping accuracy: measured 0.4661 (`Content`) and 0.5111 (raw) blind in session 25 at
    // 6d03370, 0.4661 and 0.5111 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.50,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the round-39 corpus (`logmine/testdata/round39`: Son of Grid Engine, Open MPI, MPICH Hydra, Lmod, Spack, Warewulf,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 25.
    round39 in "round39",
    systems: [
        ("GridEngine", 0.99),
        ("Lmod", 0.75),
        ("MpichHydra", 0.75),
        ("OpenMpi", 0.81),
        ("Spack", 0.99),
        ("Warewulf", 0.97),
    ],
    // Mean grouping accuracy: measured 0.8322 (`Content`) and 0.8894 (raw) blind in session 25 at
    // 6d03370, 0.8322 and 0.8894 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.87,
    mean_pa: None,
}

corpus_floors! {
    /// Regression floors on the thirty-seventh sealed corpus (`logmine/testdata/sealed37`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed37 in "sealed37",
    systems: [
        ("BentoML", 0.96),
        ("Horovod", 0.90),
        ("JaxXla", 0.93),
        ("KServe", 0.90),
        ("OnnxRuntime", 0.99),
        ("TfServing", 0.67),
    ],
    // Mean grouping accuracy: measured 0.9039 (`Content`) and 0.9039 (raw) blind in session 25 at
    // 6d03370, 0.9039 and 0.9039 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.89,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-40 corpus (`logmine/testdata/round40`: Apache Zeppelin, Elastic APM Server, UniFi Network, Openfire, SABnzbd, Duplicati,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 26.
    round40 in "round40",
    systems: [
        ("ApmServer", 0.91),
        ("Duplicati", 0.24),
        ("Openfire", 0.94),
        ("Sabnzbd", 0.91),
        ("UnifiNetwork", 0.42),
        ("Zeppelin", 0.81),
    ],
    // Mean grouping accuracy: measured 0.7172 (`Content`) and 0.7172 (raw) blind in session 26 at
    // 061a01c, 0.7172 and 0.7172 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.70,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-41 corpus (`logmine/testdata/round41`: Determined AI master, MooseFS master, Flux, XRootD, BOINC client, Katib controller,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 26.
    round41 in "round41",
    systems: [
        ("BoincClient", 0.93),
        ("DeterminedMaster", 0.99),
        ("FluxCore", 0.93),
        ("KatibController", 0.73),
        ("MooseFs", 0.57),
        ("Xrootd", 0.81),
    ],
    // Mean grouping accuracy: measured 0.7883 (`Content`) and 0.8533 (raw) blind in session 26 at
    // 061a01c, 0.7883 and 0.8533 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.77,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the thirty-eighth sealed corpus (`logmine/testdata/sealed38`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed38 in "sealed38",
    systems: [
        ("Cockpit", 0.99),
        ("Gogs", 0.74),
        ("Mopidy", 0.94),
        ("Navidrome", 0.85),
        ("Nzbget", 0.97),
        ("OpenHab", 0.78),
    ],
    // Mean grouping accuracy: measured 0.8911 (`Content`) and 0.8989 (raw) blind in session 26 at
    // 061a01c, 0.8911 and 0.8989 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.88,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the thirty-ninth sealed corpus (`logmine/testdata/sealed39`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed39 in "sealed39",
    systems: [
        ("BlackboxExporter", 0.99),
        ("LibreNms", 0.92),
        ("Netbox", 0.22),
        ("Ntopng", 0.85),
        ("Oxidized", 0.85),
        ("Rsyslogd", 0.97),
    ],
    // Mean grouping accuracy: measured 0.8139 (`Content`) and 0.8139 (raw) blind in session 26 at
    // 061a01c, 0.8139 and 0.8139 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.80,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-43 corpus (`logmine/testdata/round43`: Kannel, Courier IMAP, dnscrypt-proxy, ulogd2, Miniflux, gitolite,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 26.
    round43 in "round43",
    systems: [
        ("CourierImap", 0.81),
        ("DnscryptProxy", 0.78),
        ("Gitolite", 0.96),
        ("Kannel", 0.79),
        ("Miniflux", 0.99),
        ("Ulogd", 0.53),
    ],
    // Mean grouping accuracy: measured 0.8972 (`Content`) and 0.8222 (raw) blind in session 26 at
    // f57a0ee, 0.8972 and 0.8222 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.81,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the fortieth sealed corpus (`logmine/testdata/sealed40`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed40 in "sealed40",
    systems: [
        ("Artifactory", 0.99),
        ("Bamboo", 0.89),
        ("Bitbucket", 0.07),
        ("Confluence", 0.99),
        ("Crowd", 0.94),
        ("Jira", 0.25),
    ],
    // Mean grouping accuracy: measured 0.9544 (`Content`) and 0.6989 (raw) blind in session 26 at
    // f57a0ee, 0.9544 and 0.6989 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.68,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the forty-first sealed corpus (`logmine/testdata/sealed41`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed41 in "sealed41",
    systems: [
        ("ArgoRollouts", 0.77),
        ("Atlantis", 0.68),
        ("Chronograf", 0.99),
        ("Flagger", 0.96),
        ("OctopusTentacle", 0.97),
        ("Waypoint", 0.99),
    ],
    // Mean grouping accuracy: measured 0.9539 (`Content`) and 0.9056 (raw) blind in session 26 at
    // f57a0ee, 0.9539 and 0.9056 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.89,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-42 corpus (`logmine/testdata/round42`: Hangfire, Resque, Oban, BullMQ, Faktory, RQ,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 26.
    round42 in "round42",
    systems: [
        ("BullMq", 0.99),
        ("Faktory", 0.96),
        ("Hangfire", 0.99),
        ("Oban", 0.60),
        ("Resque", 0.71),
        ("RqWorker", 0.72),
    ],
    // Mean grouping accuracy: measured 0.8411 (`Content`) and 0.8461 (raw) blind in session 26 at
    // f57a0ee, 0.8411 and 0.8461 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.83,
    // Mean parsing accuracy, `Content` and raw: measured 0.4850 and 0.4850 in session 37
    // (header fields the raw lines had left in the message taken as header), minus 0.01.
    mean_pa: Some((0.47, 0.47)),
}
corpus_floors! {
    /// Regression floors on the round-44 corpus (`logmine/testdata/round44`: FreePBX, LemonLDAP::NG, SOGo, OpenDMARC, PostSRSd, Sympa,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 26.
    round44 in "round44",
    systems: [
        ("FreePbx", 0.91),
        ("LemonLdap", 0.99),
        ("OpenDmarc", 0.66),
        ("PostSrsd", 0.42),
        ("Sogo", 0.15),
        ("Sympa", 0.99),
    ],
    // Mean grouping accuracy: measured 0.6994 (`Content`) and 0.6994 (raw) blind in session 26 at
    // b10ed25, 0.6994 and 0.6994 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.68,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the forty-second sealed corpus (`logmine/testdata/sealed42`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed42 in "sealed42",
    systems: [
        ("Deconz", 0.99),
        ("Domoticz", 0.34),
        ("EspHome", 0.38),
        ("Homebridge", 0.47),
        ("Scrypted", 0.53),
        ("ZwaveJs", 0.69),
    ],
    // Mean grouping accuracy: measured 0.6728 (`Content`) and 0.6628 (raw) blind in session 26 at
    // b10ed25, 0.6728 and 0.6628 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.65,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the forty-third sealed corpus (`logmine/testdata/sealed43`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed43 in "sealed43",
    systems: [
        ("ClickHouseKeeper", 0.97),
        ("Dolt", 0.95),
        ("EdgeDb", 0.99),
        ("Greenplum", 0.77),
        ("SurrealDb", 0.56),
        ("XtraBackup", 0.43),
    ],
    // Mean grouping accuracy: measured 0.9117 (`Content`) and 0.7922 (raw) blind in session 26 at
    // b10ed25, 0.9117 and 0.7922 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.78,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-45 corpus (`logmine/testdata/round45`: Bareos, Amanda, UrBackup, Duplicacy, zrepl, sanoid/syncoid,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 26.
    round45 in "round45",
    systems: [
        ("Amanda", 0.62),
        ("Bareos", 0.90),
        ("Duplicacy", 0.99),
        ("Sanoid", 0.96),
        ("UrBackup", 0.97),
        ("Zrepl", 0.99),
    ],
    // Mean grouping accuracy: measured 0.9161 (`Content`) and 0.9161 (raw) blind in session 26 at
    // 0ccdb8d, 0.9161 and 0.9161 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.90,
    // Mean parsing accuracy, `Content` and raw: measured 0.5861 and 0.2911 in session 37
    // (header fields the raw lines had left in the message taken as header), minus 0.01.
    mean_pa: Some((0.57, 0.28)),
}
corpus_floors! {
    /// Regression floors on the round-47 corpus (`logmine/testdata/round47`: TORQUE, Moab, xCAT, conserver, Ganglia gmond, NHC,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 27.
    round47 in "round47",
    systems: [
        ("Conserver", 0.93),
        ("Gmond", 0.94),
        ("Moab", 0.77),
        ("Nhc", 0.80),
        ("Torque", 0.89),
        ("XCat", 0.96),
    ],
    // Mean grouping accuracy: measured 0.8972 (`Content`) and 0.8972 (raw) blind in session 27 at
    // 9e473a5, 0.8972 and 0.8972 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.88,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-48 corpus (`logmine/testdata/round48`: Dante, 3proxy, shadowsocks-libev, stunnel, sshguard, Dropbear,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 27.
    round48 in "round48",
    systems: [
        ("Dante", 0.99),
        ("Dropbear", 0.83),
        ("Shadowsocks", 0.78),
        ("Sshguard", 0.88),
        ("Stunnel", 0.68),
        ("ThreeProxy", 0.01),
    ],
    // Mean grouping accuracy: measured 0.7078 (`Content`) and 0.7078 (raw) blind in session 27 at
    // 9e473a5, 0.7078 and 0.7078 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.69,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-46 corpus (`logmine/testdata/round46`: DISM, SetupAPI, Chromium debug log, MOZ_LOG, Configuration Manager, macOS install.log,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 27.
    round46 in "round46",
    systems: [
        ("ChromiumDebug", 0.75),
        ("ConfigMgr", 0.73),
        ("Dism", 0.39),
        ("MacInstall", 0.87),
        ("MozLog", 0.89),
        ("SetupApi", 0.66),
    ],
    // Mean grouping accuracy: measured 0.7911 (`Content`) and 0.7339 (raw) blind in session 27 at
    // 7e87e16, 0.7911 and 0.7339 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.72,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the forty-fourth sealed corpus (`logmine/testdata/sealed44`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed44 in "sealed44",
    systems: [
        ("Cbpolicyd", 0.12),
        ("Fetchmail", 0.99),
        ("MailScanner", 0.95),
        ("MilterGreylist", 0.85),
        ("Procmail", 0.55),
        ("Qmail", 0.99),
    ],
    // Mean grouping accuracy: measured 0.8189 (`Content`) and 0.7544 (raw) blind in session 27 at
    // 7e87e16, 0.8189 and 0.7544 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.74,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the forty-sixth sealed corpus (`logmine/testdata/sealed46`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed46 in "sealed46",
    systems: [
        ("ApacheDerby", 0.18),
        ("KeyDb", 0.99),
        ("OrientDb", 0.89),
        ("RavenDb", 0.90),
        ("Tarantool", 0.99),
        ("VoltDb", 0.99),
    ],
    // Mean grouping accuracy: measured 0.9522 (`Content`) and 0.8361 (raw) blind in session 27 at
    // 7e87e16, 0.9522 and 0.8361 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.82,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the forty-fifth sealed corpus (`logmine/testdata/sealed45`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed45 in "sealed45",
    systems: [
        ("Flatpak", 0.32),
        ("LightDm", 0.95),
        ("PipeWire", 0.59),
        ("PulseAudio", 0.87),
        ("Snapd", 0.97),
        ("Xorg", 0.62),
    ],
    // Mean grouping accuracy: measured 0.7317 (`Content`) and 0.7439 (raw) blind in session 27 at
    // 7e87e16, 0.7317 and 0.7439 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.72,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-49 corpus (`logmine/testdata/round49`: Windows Update, Netlogon, setupact, MSI verbose, VS Code, Steam content log,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 27.
    round49 in "round49",
    systems: [
        ("MsiVerbose", 0.64),
        ("Netlogon", 0.20),
        ("SetupAct", 0.88),
        ("SteamContent", 0.82),
        ("VsCode", 0.75),
        ("WindowsUpdate", 0.81),
    ],
    // Mean grouping accuracy: measured 0.7856 (`Content`) and 0.6956 (raw) blind in session 27 at
    // fe72e90, 0.7856 and 0.6956 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.68,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the forty-seventh sealed corpus (`logmine/testdata/sealed47`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed47 in "sealed47",
    systems: [
        ("Bitlbee", 0.42),
        ("Ergo", 0.22),
        ("InspIRCd", 0.42),
        ("LogitechMediaServer", 0.97),
        ("Ngircd", 0.97),
        ("Znc", 0.19),
    ],
    // Mean grouping accuracy: measured 0.5461 (`Content`) and 0.5878 (raw) blind in session 27 at
    // fe72e90, 0.5461 and 0.5878 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.53,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the forty-eighth sealed corpus (`logmine/testdata/sealed48`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed48 in "sealed48",
    systems: [
        ("Dvc", 0.94),
        ("Kedro", 0.79),
        ("Luigi", 0.78),
        ("Metaflow", 0.99),
        ("Optuna", 0.94),
        ("Wandb", 0.99),
    ],
    // Mean grouping accuracy: measured 0.9167 (`Content`) and 0.9167 (raw) blind in session 27 at
    // fe72e90, 0.9167 and 0.9167 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.90,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-50 corpus (`logmine/testdata/round50`: OpenWrt logread, Tasmota, Zephyr, Klipper, OctoPrint, Kodi,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 27.
    round50 in "round50",
    systems: [
        ("Klipper", 0.69),
        ("Kodi", 0.96),
        ("OctoPrint", 0.93),
        ("OpenWrt", 0.68),
        ("Tasmota", 0.19),
        ("Zephyr", 0.86),
    ],
    // Mean grouping accuracy: measured 0.7317 (`Content`) and 0.7317 (raw) blind in session 27 at
    // 70c3348, 0.7317 and 0.7317 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.72,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the forty-ninth sealed corpus (`logmine/testdata/sealed49`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed49 in "sealed49",
    systems: [
        ("NetappEms", 0.89),
        ("NfsGanesha", 0.99),
        ("Openmediavault", 0.99),
        ("Snapraid", 0.39),
        ("Stratis", 0.91),
        ("TruenasMiddleware", 0.89),
    ],
    // Mean grouping accuracy: measured 0.8733 (`Content`) and 0.8567 (raw) blind in session 27 at
    // 88d2fac, 0.8733 and 0.8567 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.84,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the fiftieth sealed corpus (`logmine/testdata/sealed50`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed50 in "sealed50",
    systems: [
        ("Factorio", 0.63),
        ("MediaMtx", 0.52),
        ("Nakama", 0.99),
        ("Owncast", 0.89),
        ("SrsServer", 0.94),
        ("Valheim", 0.97),
    ],
    // Mean grouping accuracy: measured 0.8339 (`Content`) and 0.8339 (raw) blind in session 27 at
    // 88d2fac, 0.8339 and 0.8339 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.82,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-52 corpus (`logmine/testdata/round52`: Cisco IOS, Junos, MikroTik RouterOS, Arista EOS, ArubaOS, VyOS,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 27.
    round52 in "round52",
    systems: [
        ("AristaEos", 0.80),
        ("ArubaOs", 0.77),
        ("CiscoIos", 0.92),
        ("Junos", 0.90),
        ("MikroTik", 0.27),
        ("VyOS", 0.79),
    ],
    // Mean grouping accuracy: measured 0.7933 (`Content`) and 0.7533 (raw) blind in session 27 at
    // 88d2fac, 0.7933 and 0.7533 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.74,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-51 corpus (`logmine/testdata/round51`: Payara, WebSphere Liberty, WebLogic, Resin, TomEE, Apache Karaf,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 27.
    round51 in "round51",
    systems: [
        ("ApacheKaraf", 0.34),
        ("Payara", 0.55),
        ("Resin", 0.20),
        ("TomEE", 0.40),
        ("WebLogic", 0.69),
        ("WebSphereLiberty", 0.81),
    ],
    // Mean grouping accuracy: measured 0.6583 (`Content`) and 0.5750 (raw) blind in session 27 at
    // e82cc5c, 0.6583 and 0.5750 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.56,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-54 corpus (`logmine/testdata/round54`: NVIDIA persistenced, k8s-device-plugin, gpu-feature-discovery, MIG manager, GPU Operator, Seldon MLServer,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 28.
    round54 in "round54",
    systems: [
        ("DevicePlugin", 0.93),
        ("GpuFeatureDiscovery", 0.93),
        ("GpuOperator", 0.61),
        ("MigManager", 0.81),
        ("MlServer", 0.08),
        ("NvidiaPersistenced", 0.99),
    ],
    // Mean grouping accuracy: measured 0.7850 (`Content`) and 0.7478 (raw) blind in session 28 at
    // d7e6e11, 0.7850 and 0.7478 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.73,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-55 corpus (`logmine/testdata/round55`: Gradle daemon, npm debug log, Bazel server, nix-daemon, EasyBuild, Maven batch mode,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 28.
    round55 in "round55",
    systems: [
        ("BazelServer", 0.99),
        ("EasyBuild", 0.43),
        ("GradleDaemon", 0.76),
        ("Maven", 0.66),
        ("NixDaemon", 0.99),
        ("NpmDebug", 0.72),
    ],
    // Mean grouping accuracy: measured 0.7967 (`Content`) and 0.7700 (raw) blind in session 28 at
    // eaa63d1, 0.7967 and 0.7700 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.76,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-56 corpus (`logmine/testdata/round56`: Libreswan pluto, ocserv, SoftEther VPN, Pound, ModSecurity, AIDE,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 28.
    round56 in "round56",
    systems: [
        ("Aide", 0.87),
        ("Libreswan", 0.36),
        ("ModSecurity", 0.85),
        ("Ocserv", 0.87),
        ("Pound", 0.84),
        ("SoftEther", 0.93),
    ],
    // Mean grouping accuracy: measured 0.7428 (`Content`) and 0.7428 (raw) blind in session 28 at
    // eaa63d1, 0.7428 and 0.7428 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.73,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the fifty-first sealed corpus (`logmine/testdata/sealed51`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed51 in "sealed51",
    systems: [
        ("Dropwizard", 0.96),
        ("EchoGo", 0.45),
        ("GoFiber", 0.43),
        ("Helidon", 0.30),
        ("Ktor", 0.20),
        ("PlayFramework", 0.92),
    ],
    // Mean grouping accuracy: measured 0.5561 (`Content`) and 0.5561 (raw) blind in session 28 at
    // eaa63d1, 0.5561 and 0.5561 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.54,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the fifty-second sealed corpus (`logmine/testdata/sealed52`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed52 in "sealed52",
    systems: [
        ("ApacheCamel", 0.76),
        ("KubeMq", 0.92),
        ("MuleRuntime", 0.84),
        ("QpidBrokerJ", 0.38),
        ("SolacePubSub", -0.01),
        ("TibcoEms", 0.91),
    ],
    // Mean grouping accuracy: measured 0.7039 (`Content`) and 0.5850 (raw) blind in session 28 at
    // eaa63d1, 0.7039 and 0.5850 at the time the floors were set; minus 0.01 of the lower.
    // Session 32: MuleRuntime's raw lines 0.48 -> 0.86 (a time right after a leading level is the
    // header's); its floor raised.
    mean: 0.57,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the fifty-third sealed corpus (`logmine/testdata/sealed53`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed53 in "sealed53",
    systems: [
        ("BackupPc", 0.90),
        ("BurpBackup", 0.99),
        ("NetBackup", 0.38),
        ("Rsnapshot", 0.93),
        ("SpectrumProtect", 0.94),
        ("VeeamLinux", 0.99),
    ],
    // Mean grouping accuracy: measured 0.9689 (`Content`) and 0.8744 (raw) blind in session 28 at
    // eaa63d1, 0.9689 and 0.8744 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.86,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the fifty-fourth sealed corpus (`logmine/testdata/sealed54`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed54 in "sealed54",
    systems: [
        ("ArgoEvents", 0.99),
        ("ClearMlAgent", 0.96),
        ("Feast", 0.90),
        ("H2oServer", 0.40),
        ("KubeflowPipelines", 0.91),
        ("LabelStudio", 0.41),
    ],
    // Mean grouping accuracy: measured 0.7506 (`Content`) and 0.7506 (raw) blind in session 28 at
    // eaa63d1, 0.7506 and 0.7506 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.74,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-53 corpus (`logmine/testdata/round53`: Oracle alert log, Db2 db2diag.log, SAP HANA trace, Informix online.log, SAP ASE errorlog, IBM MQ AMQERR01.LOG,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 28.
    round53 in "round53",
    systems: [
        ("Db2Diag", 0.65),
        ("IbmMq", 0.80),
        ("Informix", 0.96),
        ("OracleAlert", 0.96),
        ("SapHana", 0.65),
        ("SybaseAse", 0.99),
    ],
    // Mean grouping accuracy: measured 0.8967 (`Content`) and 0.8467 (raw) blind in session 28 at
    // a38adbe, 0.8967 and 0.8467 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.83,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the fifty-sixth sealed corpus (`logmine/testdata/sealed56`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed56 in "sealed56",
    systems: [
        ("Getmail", 0.32),
        ("Maddy", 0.99),
        ("MailuAdmin", 0.51),
        ("Mox", 0.90),
        ("OfflineImap", 0.42),
        ("Postal", 0.71),
    ],
    // Mean grouping accuracy: measured 0.6722 (`Content`) and 0.6544 (raw) blind in session 28 at
    // d75da8c, 0.6722 and 0.6544 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.64,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-59 corpus (`logmine/testdata/round59`: GNOME Shell, KWin, GDM, systemd-logind, APT term.log, DNF log,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 28.
    round59 in "round59",
    systems: [
        ("AptTermLog", 0.99),
        ("DnfLog", 0.31),
        ("Gdm", 0.93),
        ("GnomeShell", 0.56),
        ("Kwin", 0.85),
        ("Logind", 0.99),
    ],
    // Mean grouping accuracy: measured 0.7839 (`Content`) and 0.7839 (raw) blind in session 28 at
    // d75da8c, 0.7839 and 0.7839 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.77,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-57 corpus (`logmine/testdata/round57`: MySQL Router, orchestrator, FoundationDB, TimescaleDB, Apache Pinot, StarRocks,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 28.
    round57 in "round57",
    systems: [
        ("ApachePinot", 0.67),
        ("FoundationDb", 0.45),
        ("MySqlRouter", 0.87),
        ("Orchestrator", 0.85),
        ("StarRocks", 0.98),
        ("TimescaleDb", 0.85),
    ],
    // Mean grouping accuracy: measured 0.8044 (`Content`) and 0.7922 (raw) blind in session 28 at
    // 81d05aa, 0.8044 and 0.7922 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.78,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-58 corpus (`logmine/testdata/round58`: Promtail, Grafana Alloy, Datadog Agent, New Relic infrastructure agent, Zabbix agent 2, NRPE,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 28.
    round58 in "round58",
    systems: [
        ("DatadogAgent", 0.84),
        ("GrafanaAlloy", 0.99),
        ("NewRelicInfra", 0.99),
        ("Nrpe", 0.84),
        ("Promtail", 0.99),
        ("ZabbixAgent2", 0.52),
    ],
    // Mean grouping accuracy: measured 0.8844 (`Content`) and 0.8733 (raw) blind in session 28 at
    // 81d05aa, 0.8844 and 0.8733 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.86,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the fifty-fifth sealed corpus (`logmine/testdata/sealed55`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed55 in "sealed55",
    systems: [
        ("Contour", 0.93),
        ("DataplaneApi", 0.97),
        ("Emissary", 0.97),
        ("H2oHttp", 0.48),
        ("Hitch", 0.97),
        ("Skipper", 0.47),
    ],
    // Mean grouping accuracy: measured 0.8122 (`Content`) and 0.8122 (raw) blind in session 28 at
    // 81d05aa, 0.8122 and 0.8122 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.80,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the fifty-seventh sealed corpus (`logmine/testdata/sealed57`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed57 in "sealed57",
    systems: [
        ("Chkrootkit", 0.15),
        ("Firejail", 0.93),
        ("Lynis", 0.92),
        ("OssecHids", 0.99),
        ("Rkhunter", 0.59),
        ("Tripwire", 0.99),
    ],
    // Mean grouping accuracy: measured 0.7983 (`Content`) and 0.7739 (raw) blind in session 28 at
    // 81d05aa, 0.7983 and 0.7739 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.76,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-60 corpus (`logmine/testdata/round60`: Apache CloudStack, OpenNebula, Ganeti, oVirt engine, Foreman, MAAS region,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 28.
    round60 in "round60",
    systems: [
        ("CloudStackMgmt", 0.52),
        ("Foreman", 0.43),
        ("Ganeti", 0.90),
        ("MaasRegion", 0.58),
        ("OpenNebula", 0.40),
        ("OvirtEngine", 0.91),
    ],
    // Mean grouping accuracy: measured 0.6356 (`Content`) and 0.6356 (raw) blind in session 28 at
    // 42027bf, 0.6356 and 0.6356 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.62,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-61 corpus (`logmine/testdata/round61`: Apache Flume, Sqoop, Ranger admin, Atlas, Knox, Ambari,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 28.
    round61 in "round61",
    systems: [
        ("Ambari", 0.97),
        ("Atlas", 0.88),
        ("Flume", 0.84),
        ("Knox", 0.85),
        ("RangerAdmin", 0.86),
        ("Sqoop", 0.95),
    ],
    // Mean grouping accuracy: measured 0.9067 (`Content`) and 0.9067 (raw) blind in session 28 at
    // 42027bf, 0.9067 and 0.9067 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.89,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-62 corpus (`logmine/testdata/round62`: sway, upowerd, colord, GeoClue, ModemManager, iwd,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 28.
    round62 in "round62",
    systems: [
        ("Colord", 0.25),
        ("Geoclue", 0.99),
        ("Iwd", 0.99),
        ("ModemManager", 0.91),
        ("Sway", 0.92),
        ("Upower", 0.99),
    ],
    // Mean grouping accuracy: measured 0.8528 (`Content`) and 0.8528 (raw) blind in session 28 at
    // 42027bf, 0.8528 and 0.8528 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.84,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-63 corpus (`logmine/testdata/round63`: Proxmox Backup Server, Ceph RGW, LizardFS, OrangeFS, JuiceFS, duplicity,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 28.
    round63 in "round63",
    systems: [
        ("CephRgw", 0.95),
        ("Duplicity", 0.53),
        ("JuiceFs", 0.68),
        ("LizardFs", 0.44),
        ("OrangeFs", 0.95),
        ("ProxmoxBackup", 0.98),
    ],
    // Mean grouping accuracy: measured 0.7739 (`Content`) and 0.7683 (raw) blind in session 28 at
    // 42027bf, 0.7739 and 0.7683 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.75,
    // Mean parsing accuracy, `Content` and raw: measured 0.4850 and 0.3522 in session 37
    // (header fields the raw lines had left in the message taken as header), minus 0.01.
    mean_pa: Some((0.47, 0.34)),
}
corpus_floors! {
    /// Regression floors on the fifty-eighth sealed corpus (`logmine/testdata/sealed58`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed58 in "sealed58",
    systems: [
        ("BalenaEngine", 0.99),
        ("EclipseHono", 0.88),
        ("MenderClient", 0.66),
        ("Rauc", 0.51),
        ("SwUpdate", 0.99),
        ("ThingsBoard", 0.99),
    ],
    // Mean grouping accuracy: measured 0.8483 (`Content`) and 0.8483 (raw) blind in session 28 at
    // 42027bf, 0.8483 and 0.8483 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.83,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the fifty-ninth sealed corpus (`logmine/testdata/sealed59`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed59 in "sealed59",
    systems: [
        ("Cs2Server", 0.41),
        ("Minetest", 0.09),
        ("OpenTtd", 0.27),
        ("Teeworlds", 0.59),
        ("Terraria", 0.40),
        ("Xonotic", 0.05),
    ],
    // Mean grouping accuracy: measured 0.3150 (`Content`) and 0.3150 (raw) blind in session 28 at
    // 42027bf, 0.3150 and 0.3150 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.30,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the sixtieth sealed corpus (`logmine/testdata/sealed60`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed60 in "sealed60",
    systems: [
        ("Cromwell", 0.88),
        ("Cwltool", 0.21),
        ("GalaxyServer", 0.84),
        ("PegasusWms", 0.99),
        ("Snakemake", 0.69),
        ("Toil", 0.62),
    ],
    // Mean grouping accuracy: measured 0.7294 (`Content`) and 0.7172 (raw) blind in session 28 at
    // 42027bf, 0.7294 and 0.7172 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.70,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the sixty-first sealed corpus (`logmine/testdata/sealed61`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed61 in "sealed61",
    systems: [
        ("Dhcpcd", 0.99),
        ("Exabgp", 0.96),
        ("Ifupdown2", 0.24),
        ("NetworkdDispatcher", 0.89),
        ("SystemdNetworkd", 0.58),
        ("Vnstatd", 0.96),
    ],
    // Mean grouping accuracy: measured 0.7844 (`Content`) and 0.7961 (raw) blind in session 28 at
    // 42027bf, 0.7844 and 0.7961 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.77,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-64 corpus (`logmine/testdata/round64`: SPIRE server, step-ca, Certbot, cfssl, OPA server, Boulder,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 29.
    round64 in "round64",
    systems: [
        ("Boulder", 0.23),
        ("Certbot", 0.89),
        ("Cfssl", 0.99),
        ("OpaServer", 0.99),
        ("SpireServer", 0.99),
        ("StepCa", -0.01),
    ],
    // Mean grouping accuracy: measured 0.6978 (`Content`) and 0.6922 (raw) blind in session 29 at
    // e90655f, 0.6978 and 0.6922 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.68,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-65 corpus (`logmine/testdata/round65`: Cisco ASA, FortiGate, PAN-OS, Sophos UTM, SonicWall, Check Point,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 29.
    round65 in "round65",
    systems: [
        ("CheckPoint", 0.49),
        ("CiscoAsa", 0.53),
        ("FortiGate", 0.47),
        ("PaloAltoTraffic", 0.03),
        ("SonicWall", 0.19),
        ("SophosUtm", 0.94),
    ],
    // Mean grouping accuracy: measured 0.4556 (`Content`) and 0.4556 (raw) blind in session 29 at
    // 1feb572, 0.4556 and 0.4556 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.44,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the sixty-second sealed corpus (`logmine/testdata/sealed62`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed62 in "sealed62",
    systems: [
        ("Accumulo", 0.79),
        ("CrateDB", 0.75),
        ("Exasol", 0.61),
        ("Materialize", 0.70),
        ("RisingWave", 0.99),
        ("Vertica", 0.47),
    ],
    // Mean grouping accuracy: measured 0.8161 (`Content`) and 0.7333 (raw) blind in session 29 at
    // 1feb572, 0.8161 and 0.7333 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.72,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the sixty-third sealed corpus (`logmine/testdata/sealed63`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed63 in "sealed63",
    systems: [
        ("Kapacitor", 0.99),
        ("Munin", 0.97),
        ("Pyroscope", 0.99),
        ("SensuBackend", 0.99),
        ("SkyWalking", 0.82),
        ("Zipkin", 0.64),
    ],
    // Mean grouping accuracy: measured 0.9467 (`Content`) and 0.9111 (raw) blind in session 29 at
    // 1feb572, 0.9467 and 0.9111 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.90,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-66 corpus (`logmine/testdata/round66`: dbt, Meltano, Pentaho Kettle, StreamSets, SeaTunnel, Apache Hop,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 29.
    round66 in "round66",
    systems: [
        ("ApacheHop", 0.55),
        ("DbtCore", 0.83),
        ("Meltano", 0.45),
        ("PentahoKettle", 0.53),
        ("SeaTunnel", 0.97),
        ("StreamSets", 0.96),
    ],
    // Mean grouping accuracy: measured 0.8689 (`Content`) and 0.7300 (raw) blind in session 29 at
    // f584a55, 0.8689 and 0.7300 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.72,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-67 corpus (`logmine/testdata/round67`: Zuul, Buildbot, GoCD, Harness delegate, Screwdriver, Laminar,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 29.
    round67 in "round67",
    systems: [
        ("Buildbot", 0.99),
        ("GoCd", 0.89),
        ("HarnessDelegate", 0.99),
        ("Laminar", 0.57),
        ("Screwdriver", 0.96),
        ("Zuul", 0.43),
    ],
    // Mean grouping accuracy: measured 0.8183 (`Content`) and 0.8589 (raw) blind in session 29 at
    // f584a55, 0.8183 and 0.8589 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.80,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the sixty-fourth sealed corpus (`logmine/testdata/sealed64`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed64 in "sealed64",
    systems: [
        ("CloudHypervisor", 0.64),
        ("EsxiHostd", 0.69),
        ("EsxiVmkernel", 0.41),
        ("QemuGuestAgent", 0.98),
        ("VirtualBoxVm", 0.99),
        ("XenXl", 0.93),
    ],
    // Mean grouping accuracy: measured 0.9439 (`Content`) and 0.7883 (raw) blind in session 29 at
    // f584a55, 0.9439 and 0.7883 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.77,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the sixty-fifth sealed corpus (`logmine/testdata/sealed65`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed65 in "sealed65",
    systems: [
        ("Filebrowser", 0.48),
        ("Lsyncd", 0.99),
        ("OcisServer", 0.99),
        ("PydioCells", 0.97),
        ("Seafile", 0.92),
        ("Unison", 0.63),
    ],
    // Mean grouping accuracy: measured 0.8422 (`Content`) and 0.8422 (raw) blind in session 29 at
    // 958b532, 0.8422 and 0.8422 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.83,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-68 corpus (`logmine/testdata/round68`: OpenSearch Dashboards, Metricbeat, Heartbeat, Auditbeat, Packetbeat, Elastic Agent,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 29.
    round68 in "round68",
    systems: [
        ("Auditbeat", 0.94),
        ("ElasticAgent", 0.23),
        ("Heartbeat", 0.94),
        ("Metricbeat", 0.52),
        ("OpenSearchDashboards", 0.20),
        ("Packetbeat", 0.98),
    ],
    // Mean grouping accuracy: measured 0.6489 (`Content`) and 0.6489 (raw) blind in session 29 at
    // 9454553, 0.6489 and 0.6489 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.63,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the sixty-sixth sealed corpus (`logmine/testdata/sealed66`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed66 in "sealed66",
    systems: [
        ("CoreLightning", 0.99),
        ("Erigon", 0.99),
        ("Ipfs", 0.84),
        ("Lighthouse", 0.99),
        ("Lnd", 0.99),
        ("Monerod", 0.99),
    ],
    // Mean grouping accuracy: measured 0.9761 (`Content`) and 0.9761 (raw) blind in session 29 at
    // 9454553, 0.9761 and 0.9761 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.96,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the sixty-seventh sealed corpus (`logmine/testdata/sealed67`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed67 in "sealed67",
    systems: [
        ("Masscan", 0.26),
        ("Nessusd", 0.08),
        ("Nikto", 0.59),
        ("Nuclei", 0.62),
        ("Openvas", 0.75),
        ("Sqlmap", 0.92),
    ],
    // Mean grouping accuracy: measured 0.7133 (`Content`) and 0.5528 (raw) blind in session 29 at
    // 9454553, 0.7133 and 0.5528 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.54,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-69 corpus (`logmine/testdata/round69`: conda, pip, Poetry, Cargo, Bundler, Composer,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 29.
    round69 in "round69",
    systems: [
        ("Bundler", 0.75),
        ("Cargo", 0.62),
        ("Composer", 0.91),
        ("Conda", 0.84),
        ("Pip", 0.87),
        ("Poetry", 0.80),
    ],
    // Mean grouping accuracy: measured 0.8128 (`Content`) and 0.8128 (raw) blind in session 29 at
    // 9454553, 0.8128 and 0.8128 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.80,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-70 corpus (`logmine/testdata/round70`: Mailpit, listmonk, Postorius, Roundcube, SnappyMail, mox,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 29.
    round70 in "round70",
    systems: [
        ("Listmonk", 0.69),
        ("Mailpit", 0.91),
        ("Mox", 0.99),
        ("Postorius", 0.86),
        ("Roundcube", 0.59),
        ("SnappyMail", 0.85),
    ],
    // Mean grouping accuracy: measured 0.8411 (`Content`) and 0.8383 (raw) blind in session 29 at
    // 3e0af55, 0.8411 and 0.8383 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.82,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-71 corpus (`logmine/testdata/round71`: Kismet, arpwatch, p0f, softflowd, pmacct, FastNetMon,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 29.
    round71 in "round71",
    systems: [
        ("Arpwatch", 0.96),
        ("Fastnetmon", 0.82),
        ("Kismet", 0.60),
        ("P0f", -0.01),
        ("Pmacct", 0.99),
        ("Softflowd", 0.80),
    ],
    // Mean grouping accuracy: measured 0.7039 (`Content`) and 0.7039 (raw) blind in session 29 at
    // 3e0af55, 0.7039 and 0.7039 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.69,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the sixty-eighth sealed corpus (`logmine/testdata/sealed68`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed68 in "sealed68",
    systems: [
        ("Caldera", 0.99),
        ("Cortex", 0.78),
        ("Gophish", 0.51),
        ("Misp", 0.93),
        ("Thehive", 0.92),
        ("Velociraptor", 0.99),
    ],
    // Mean grouping accuracy: measured 0.8661 (`Content`) and 0.8661 (raw) blind in session 29 at
    // 3e0af55, 0.8661 and 0.8661 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.85,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the sixty-ninth sealed corpus (`logmine/testdata/sealed69`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed69 in "sealed69",
    systems: [
        ("Marlin", 0.64),
        ("Moonraker", 0.28),
        ("Obico", 0.97),
        ("Prusalink", 0.84),
        ("Repetier", 0.95),
        ("Spoolman", 0.99),
    ],
    // Mean grouping accuracy: measured 0.7894 (`Content`) and 0.7894 (raw) blind in session 29 at
    // 3e0af55, 0.7894 and 0.7894 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.77,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-72 corpus (`logmine/testdata/round72`: Tornado, Sanic, aiohttp, Twisted, CherryPy, Waitress,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 30.
    round72 in "round72",
    systems: [
        ("Aiohttp", 0.29),
        ("CherryPy", 0.30),
        ("Sanic", 0.35),
        ("Tornado", 0.27),
        ("Twisted", 0.35),
        ("Waitress", 0.47),
    ],
    // Mean grouping accuracy: measured 0.3511 (`Content`) and 0.3511 (raw) blind in session 30 at
    // 05ec57c, 0.3511 and 0.3511 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.34,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-74 corpus (`logmine/testdata/round74`: LocalAI, Xinference, LiteLLM proxy, Open WebUI, ComfyUI, text-generation-webui,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 30.
    round74 in "round74",
    systems: [
        ("ComfyUi", 0.95),
        ("LiteLlmProxy", 0.08),
        ("LocalAi", 0.92),
        ("OpenWebUi", 0.26),
        ("TextGenWebUi", 0.99),
        ("Xinference", 0.49),
    ],
    // Mean grouping accuracy: measured 0.6878 (`Content`) and 0.6272 (raw) blind in session 30 at
    // 05ec57c, 0.6878 and 0.6272 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.61,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-75 corpus (`logmine/testdata/round75`: Centrifugo, Mercure, Soketi, NanoMQ, LiveKit, mediasoup,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 30.
    round75 in "round75",
    systems: [
        ("Centrifugo", 0.87),
        ("LiveKit", 0.99),
        ("Mediasoup", 0.96),
        ("Mercure", 0.99),
        ("NanoMq", 0.96),
        ("Soketi", 0.69),
    ],
    // Mean grouping accuracy: measured 0.8833 (`Content`) and 0.8039 (raw) blind in session 30 at
    // 05ec57c, 0.8833 and 0.8039 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.79,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the seventieth sealed corpus (`logmine/testdata/sealed70`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed70 in "sealed70",
    systems: [
        ("CumulusSwitchd", 0.99),
        ("EdgeOs", 0.74),
        ("ExtremeExos", 0.64),
        ("H3cComware", 0.16),
        ("HuaweiVrp", 0.27),
        ("Sonic", 0.36),
    ],
    // Mean grouping accuracy: measured 0.6428 (`Content`) and 0.5556 (raw) blind in session 30 at
    // 05ec57c, 0.6428 and 0.5556 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.54,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the seventy-first sealed corpus (`logmine/testdata/sealed71`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed71 in "sealed71",
    systems: [
        ("Firezone", 0.99),
        ("Headscale", 0.95),
        ("Innernet", 0.42),
        ("NetBird", 0.99),
        ("Pritunl", 0.33),
        ("ZeroTier", 0.99),
    ],
    // Mean grouping accuracy: measured 0.7961 (`Content`) and 0.7894 (raw) blind in session 30 at
    // 05ec57c, 0.7961 and 0.7894 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.77,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the seventy-second sealed corpus (`logmine/testdata/sealed72`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed72 in "sealed72",
    systems: [
        ("ApacheDoris", 0.99),
        ("FerretDb", 0.99),
        ("Garnet", 0.69),
        ("GreptimeDb", 0.99),
        ("Infinispan", 0.94),
        ("Kvrocks", 0.53),
    ],
    // Mean grouping accuracy: measured 0.8750 (`Content`) and 0.8650 (raw) blind in session 30 at
    // 05ec57c, 0.8750 and 0.8650 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.85,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the seventy-third sealed corpus (`logmine/testdata/sealed73`, six
    /// systems written blind by `generate.py`; its README names them), raw lines and the
    /// `Content` column. Never read: its errors are not looked at.
    sealed73 in "sealed73",
    systems: [
        ("Clair", 0.99),
        ("Gitleaks", 0.99),
        ("Grype", 0.93),
        ("KubeBench", 0.72),
        ("Kubescape", 0.93),
        ("Semgrep", 0.96),
    ],
    // Mean grouping accuracy: measured 0.9400 (`Content`) and 0.9322 (raw) blind in session 30 at
    // 05ec57c, 0.9400 and 0.9322 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.92,
    mean_pa: None,
}
corpus_floors! {
    /// Regression floors on the round-73 corpus (`logmine/testdata/round73`: Ory Hydra, Casdoor, Logto, SuperTokens, FusionAuth, Janssen,
    /// written blind by `generate.py`), raw lines and the `Content` column. Its first, blind
    /// score is in its README; its errors were read in session 30.
    round73 in "round73",
    systems: [
        ("Casdoor", 0.85),
        ("FusionAuth", 0.96),
        ("Janssen", 0.80),
        ("Logto", 0.88),
        ("OryHydra", 0.97),
        ("SuperTokens", 0.95),
    ],
    // Mean grouping accuracy: measured 0.9150 (`Content`) and 0.9172 (raw) blind in session 30 at
    // 05ec57c, 0.9150 and 0.9172 at the time the floors were set; minus 0.01 of the lower.
    mean: 0.90,
    mean_pa: None,
}
