//! The agent's only door to the Docker Engine.
//!
//! API boundary: [`DockerHost`] answers read-only questions — ping, containers, networks, one
//! container's log lines — in the task catalogue's types ([`cyberbrain_tasks`]) or in [`LogLine`].
//! No bollard type crosses it.
//!
//! Architecture invariants:
//! - Read-only. Only ping, version, container list/inspect, network list, container logs and
//!   the engine's kept events (`exits`) are called; nothing here starts, stops, creates, pulls
//!   or execs.
//! - The allowlist is enforced here a second time (the controller enforces it first): containers
//!   outside it are only counted by [`DockerHost::service_map`], and [`DockerHost::log_lines`]
//!   refuses them before a byte of their logs is read.
//! - Memory per log stream is bounded by the line cap, not by what a container writes.
//! - Environment values are read (for service map edges) but never returned: only variable names
//!   and the hosts they name leave this module.

use std::collections::{BTreeSet, VecDeque};

use bollard::Docker;
use bollard::container::LogOutput;
use bollard::errors::Error as BollardError;
use bollard::models::{ContainerInspectResponse, ContainerSummary, HealthStatusEnum, Network};
use bollard::query_parameters::{
    InspectContainerOptions, ListContainersOptions, ListNetworksOptions, LogsOptions,
};
use chrono::DateTime;
use cyberbrain_tasks::{
    Allowlist, ContainerCondition, ContainerInfo, ContainerLink, NetworkInfo, PortMapping,
    ServiceMapResult,
};
use futures_util::{Stream, StreamExt, TryStreamExt, stream};

use crate::host_graph;

mod exits;

pub use exits::last_exit_from_inspect;

/// Seconds bollard waits for the engine to answer a request.
const REQUEST_TIMEOUT_SECONDS: u64 = 120;

/// Docker's RFC3339Nano timestamps are at most 35 bytes; a longer first word is not a timestamp.
const MAX_TIMESTAMP_PREFIX: usize = 40;

/// What went wrong talking to the Docker Engine.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The engine could not be reached, or its API version could not be negotiated.
    #[error("cannot connect to docker at {endpoint}: {source}")]
    Connect {
        /// The socket or URL tried.
        endpoint: String,
        /// bollard's reason.
        source: BollardError,
    },
    /// A request to the engine failed.
    #[error("docker {operation} failed: {source}")]
    Engine {
        /// The request, e.g. `list containers`.
        operation: &'static str,
        /// bollard's reason.
        source: BollardError,
    },
    /// No container has this name or id (it may just have been removed).
    #[error("container {container} not found")]
    ContainerNotFound {
        /// The name or id asked for.
        container: String,
    },
    /// The allowlist does not permit reading this container.
    #[error("container {container} is not allowlisted")]
    NotAllowlisted {
        /// The name or id asked for.
        container: String,
    },
    /// The engine's answer lacked a field we cannot do without.
    #[error("docker returned {what} without {field}")]
    Malformed {
        /// The object, e.g. `a container`.
        what: &'static str,
        /// The missing field.
        field: &'static str,
    },
}

/// A container as listed: enough to pick which ones to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContainerRef {
    /// Docker's full id.
    pub id: String,
    /// Name without Docker's leading `/`.
    pub name: String,
    /// Image reference as the engine lists it (an image id when the tag has moved since).
    pub image: String,
    /// `running`, `exited`, …
    pub state: String,
}

/// The container that owns a GPU process, described only as far as the allowlist permits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcessContainer {
    /// The full id of an allowlisted container; only the 12-character short id of any other.
    pub id: String,
    /// Name without Docker's leading `/`; empty unless allowlisted.
    pub name: String,
    /// Image reference from its config; empty unless allowlisted.
    pub image: String,
    /// Its `com.docker.compose.service` label; empty unless allowlisted.
    pub compose_service: String,
    /// Whether the allowlist admits it.
    pub allowlisted: bool,
}

/// Which of a container's outputs a log line came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LogStream {
    /// Standard output. Containers with a TTY have one merged stream, reported as stdout.
    Stdout,
    /// Standard error.
    Stderr,
}

/// One line of a container's log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogLine {
    /// Where it was written.
    pub stream: LogStream,
    /// When the engine received it (its first fragment, for lines Docker split), in Unix
    /// milliseconds; 0 when the engine gave no timestamp.
    pub timestamp_unix_ms: i64,
    /// The line's bytes, as written (not necessarily UTF-8), without the timestamp and the line
    /// terminator, cut to the caller's `max_line_bytes`.
    pub text: Vec<u8>,
    /// The line's length before it was cut, so that byte counts stay true.
    pub full_len: usize,
}

impl LogLine {
    /// Whether `text` holds less than the whole line.
    pub fn is_truncated(&self) -> bool {
        self.full_len > self.text.len()
    }
}

/// A connection to one Docker Engine.
#[derive(Debug, Clone)]
pub struct DockerHost {
    /// Cheap to clone: bollard shares one connection pool between clones.
    docker: Docker,
}

impl DockerHost {
    /// The engine's client, for the worker containers (`crate::worker`), the one module that
    /// changes anything on the engine.
    pub fn client(&self) -> &Docker {
        &self.docker
    }

    /// Connects and negotiates the API version, so that older engines are spoken to in their own
    /// version.
    ///
    /// `socket`: `None` uses `DOCKER_HOST` or the default unix socket; `Some` takes
    /// `unix:///path`, a plain socket path, or a `tcp://`/`http://` URL.
    #[tracing::instrument(name = "docker.connect", level = "info", skip_all, err(Display))]
    pub async fn connect(socket: Option<&str>) -> Result<DockerHost, Error> {
        let endpoint = socket
            .unwrap_or("the default endpoint (DOCKER_HOST or /var/run/docker.sock)")
            .to_string();
        let connected = match socket {
            None => Docker::connect_with_defaults(),
            Some(url) if url.contains("://") && !url.starts_with("unix://") => {
                Docker::connect_with_host(url)
            }
            // connect_with_socket checks that the socket exists, which gives a clearer error than
            // a failed request later.
            Some(path) => Docker::connect_with_socket(
                path,
                REQUEST_TIMEOUT_SECONDS,
                bollard::API_DEFAULT_VERSION,
            ),
        };
        let docker = match connected {
            Ok(docker) => docker.negotiate_version().await,
            Err(source) => Err(source),
        }
        .map_err(|source| Error::Connect { endpoint, source })?;
        tracing::debug!(api_version = %docker.client_version(), "connected to docker");
        Ok(DockerHost { docker })
    }

    /// Checks that the engine answers.
    #[tracing::instrument(name = "docker.ping", level = "info", skip_all, err(Display))]
    pub async fn ping(&self) -> Result<(), Error> {
        self.docker.ping().await.map_err(engine("ping"))?;
        Ok(())
    }

    /// All containers, running and stopped.
    #[tracing::instrument(
        name = "docker.list_containers",
        level = "info",
        skip_all,
        err(Display)
    )]
    pub async fn containers(&self) -> Result<Vec<ContainerRef>, Error> {
        let options = ListContainersOptions {
            all: true,
            ..Default::default()
        };
        let summaries = self
            .docker
            .list_containers(Some(options))
            .await
            .map_err(engine("list containers"))?;
        Ok(summaries.into_iter().filter_map(container_ref).collect())
    }

    /// The host's containers and networks. Allowlisted containers are described in full; the
    /// others are only counted in `hidden_containers`.
    #[tracing::instrument(name = "docker.service_map", level = "info", skip_all, err(Display))]
    pub async fn service_map(&self, allowlist: &Allowlist) -> Result<ServiceMapResult, Error> {
        let mut map = ServiceMapResult::default();
        // Environments stay here: only variable names and targets go into the result.
        let mut described = Vec::new();
        for container in self.containers().await? {
            if !allowlist.permits(&container.name, &container.image) {
                map.hidden_containers += 1;
                continue;
            }
            match self.inspect(&container.id).await {
                Ok(details) => described.push(container_info(&container, details)),
                // Removed between list and inspect: it is no longer part of the map.
                Err(Error::ContainerNotFound { .. }) => {
                    tracing::debug!(container_id = %container.id, "container vanished during service map");
                }
                Err(error) => return Err(error),
            }
        }
        described.sort_by(|a, b| a.0.name.cmp(&b.0.name));
        let (mut containers, environments): (Vec<_>, Vec<_>) = described.into_iter().unzip();
        host_graph::resolve_env_references(&mut containers, &environments);
        drop(environments);
        map.edges = host_graph::edges(&containers);
        map.containers = containers;

        let networks = self
            .docker
            .list_networks(None::<ListNetworksOptions>)
            .await
            .map_err(engine("list networks"))?;
        map.networks = networks.into_iter().filter_map(network_info).collect();
        map.networks.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(map)
    }

    /// Describes the container with this id (found in a process's cgroup) for GPU attribution: in
    /// full when the allowlist admits it (by the name and image its inspect reports), otherwise
    /// only by its short id. [`Error::ContainerNotFound`] when Docker does not know it (another
    /// runtime's container, or one just removed).
    #[tracing::instrument(name = "docker.inspect", level = "info", skip_all, err(Display))]
    pub async fn process_container(
        &self,
        allowlist: &Allowlist,
        container_id: &str,
    ) -> Result<ProcessContainer, Error> {
        let details = self.inspect(container_id).await?;
        let id = details.id.unwrap_or_else(|| container_id.to_string());
        let name = details
            .name
            .as_deref()
            .map(|name| name.strip_prefix('/').unwrap_or(name))
            .unwrap_or_default();
        let image = details
            .config
            .as_ref()
            .and_then(|config| config.image.as_deref())
            .unwrap_or_default();
        if allowlist.permits(name, image) {
            let compose_service = details
                .config
                .as_ref()
                .and_then(|config| config.labels.as_ref())
                .and_then(|labels| labels.get("com.docker.compose.service"))
                .cloned()
                .unwrap_or_default();
            return Ok(ProcessContainer {
                id,
                name: name.to_string(),
                image: image.to_string(),
                compose_service,
                allowlisted: true,
            });
        }
        Ok(ProcessContainer {
            id: cyberbrain_tasks::short_container_id(&id).to_string(),
            name: String::new(),
            image: String::new(),
            compose_service: String::new(),
            allowlisted: false,
        })
    }

    /// Streams one container's log lines, stdout and stderr, oldest first, after checking that
    /// the allowlist permits the container (by the name and image its inspect reports). Refused
    /// containers yield one [`Error::NotAllowlisted`] and nothing is read.
    ///
    /// `container`: a name or id. `tail`: the most recent lines to read (counted by the engine,
    /// which counts each 16 KiB fragment of a long line as one; 0 reads none).
    /// `since_unix_seconds`: only newer lines, when above 0. `max_line_bytes`: each line's text is
    /// cut to this many bytes; [`LogLine::full_len`] keeps the real length.
    ///
    /// Lines that Docker split across frames are joined, frames holding several lines are split,
    /// and TTY containers (whose logs come as one raw stream) are read too. Docker cannot mark the
    /// fragments of a long TTY line, so such a line comes out as several.
    pub fn log_lines<'a>(
        &'a self,
        allowlist: &'a Allowlist,
        container: &'a str,
        tail: u32,
        since_unix_seconds: u64,
        max_line_bytes: usize,
    ) -> impl Stream<Item = Result<LogLine, Error>> + 'a {
        stream::once(self.permitted_container_id(allowlist, container))
            .map_ok(move |container_id| {
                self.read_log_lines(container_id, tail, since_unix_seconds, max_line_bytes)
            })
            .try_flatten()
    }

    /// The full id of `container` if the allowlist permits it.
    async fn permitted_container_id(
        &self,
        allowlist: &Allowlist,
        container: &str,
    ) -> Result<String, Error> {
        let details = self.inspect(container).await?;
        let name = details.name.as_deref().unwrap_or_default();
        let image = details
            .config
            .as_ref()
            .and_then(|config| config.image.as_deref())
            .unwrap_or_default();
        if !allowlist.permits(name, image) {
            tracing::warn!(
                container,
                "refused to read logs of a container outside the allowlist"
            );
            return Err(Error::NotAllowlisted {
                container: container.to_string(),
            });
        }
        // Reading by the inspected id, not the caller's name, means a container renamed after the
        // check cannot be swapped in.
        details.id.ok_or(Error::Malformed {
            what: "a container",
            field: "an id",
        })
    }

    /// The log lines of a container already checked against the allowlist.
    fn read_log_lines(
        &self,
        container_id: String,
        tail: u32,
        since_unix_seconds: u64,
        max_line_bytes: usize,
    ) -> impl Stream<Item = Result<LogLine, Error>> + 'static {
        let options = LogsOptions {
            follow: false,
            stdout: true,
            stderr: true,
            // Docker's `since` is a 32-bit field here; later than 2038 means "nothing yet".
            since: i32::try_from(since_unix_seconds).unwrap_or(i32::MAX),
            until: 0,
            // Always on: the timestamps fill LogLine, and because every raw (TTY) line then starts
            // with a digit, bollard cannot mistake it for a multiplexed frame header.
            timestamps: true,
            tail: tail.to_string(),
        };
        let reader = LogReader {
            frames: Box::pin(self.docker.logs(&container_id, Some(options))),
            lines: LineAssembler::new(max_line_bytes),
            ready: VecDeque::new(),
            finished: false,
            container_id,
        };
        stream::unfold(reader, |mut reader| async move {
            loop {
                if let Some(line) = reader.ready.pop_front() {
                    return Some((Ok(line), reader));
                }
                if reader.finished {
                    return None;
                }
                match reader.frames.next().await {
                    Some(Ok(output)) => reader.lines.push(output, &mut reader.ready),
                    Some(Err(source)) => {
                        reader.finished = true;
                        let error = not_found_or(source, &reader.container_id, "read logs");
                        return Some((Err(error), reader));
                    }
                    None => {
                        reader.finished = true;
                        reader.lines.finish(&mut reader.ready);
                    }
                }
            }
        })
    }

    /// What Docker's inspect says about a container for the report's incidents: restarts, exit
    /// code, the OOM killer, health (the last check's output redacted) and its compose labels.
    #[tracing::instrument(name = "docker.inspect", level = "info", skip_all, err(Display))]
    pub async fn condition(&self, container: &str) -> Result<ContainerCondition, Error> {
        Ok(container_condition(self.inspect(container).await?))
    }

    async fn inspect(&self, container: &str) -> Result<ContainerInspectResponse, Error> {
        self.docker
            .inspect_container(container, None::<InspectContainerOptions>)
            .await
            .map_err(|source| not_found_or(source, container, "inspect container"))
    }
}

/// The state of one log stream being cut into lines.
struct LogReader<S> {
    frames: S,
    lines: LineAssembler,
    /// Lines cut but not yet handed out: one frame may hold many.
    ready: VecDeque<LogLine>,
    finished: bool,
    /// For the error message if the container goes away mid-read.
    container_id: String,
}

/// Cuts Docker's log output into lines.
///
/// Multiplexed (non-TTY) output arrives in frames of one log message each, every frame starting
/// with its own timestamp; messages longer than 16 KiB are split into several frames sharing one
/// timestamp, only the last ending in `\n`. Raw (TTY) output is a plain byte stream with a timestamp at each line's
/// start, chunked anywhere.
struct LineAssembler {
    max_line_bytes: usize,
    stdout: PartialLine,
    stderr: PartialLine,
    /// Raw output, kept with its timestamp prefix until the line is complete, because the prefix
    /// itself may arrive in pieces.
    raw: PartialLine,
}

/// A line not yet complete.
#[derive(Debug, Default)]
struct PartialLine {
    /// The bytes kept, at most the cap.
    text: Vec<u8>,
    /// All bytes seen.
    len: usize,
    /// The last byte seen, to drop a `\r` before `\n` even when it fell past the cap.
    last_byte: Option<u8>,
    /// Nanoseconds, not milliseconds, because fragments of one line are told by equal timestamps.
    timestamp_unix_ns: i64,
    /// Whether any of the line has been seen.
    open: bool,
}

impl PartialLine {
    fn extend(&mut self, bytes: &[u8], cap: usize) {
        let room = cap.saturating_sub(self.text.len());
        self.text.extend_from_slice(&bytes[..bytes.len().min(room)]);
        self.len += bytes.len();
        if let Some(&last) = bytes.last() {
            self.last_byte = Some(last);
        }
        self.open = true;
    }
}

impl LineAssembler {
    fn new(max_line_bytes: usize) -> Self {
        LineAssembler {
            max_line_bytes,
            stdout: PartialLine::default(),
            stderr: PartialLine::default(),
            raw: PartialLine::default(),
        }
    }

    fn push(&mut self, output: LogOutput, ready: &mut VecDeque<LogLine>) {
        match output {
            LogOutput::StdOut { message } => self.push_frame(LogStream::Stdout, &message, ready),
            LogOutput::StdErr { message } => self.push_frame(LogStream::Stderr, &message, ready),
            LogOutput::Console { message } => self.push_raw(&message, ready),
            // We never ask for stdin, so the engine has no reason to send it.
            LogOutput::StdIn { .. } => {}
        }
    }

    /// One multiplexed frame: a timestamp, then the message.
    fn push_frame(&mut self, stream: LogStream, frame: &[u8], ready: &mut VecDeque<LogLine>) {
        let (timestamp, mut rest) = split_timestamp(frame);
        let max_line_bytes = self.max_line_bytes;
        let partial = match stream {
            LogStream::Stdout => &mut self.stdout,
            LogStream::Stderr => &mut self.stderr,
        };
        // Docker gives every fragment of a split line the same timestamp, so a different one means
        // the open line has ended without its newline (Docker 20.10's local driver drops the last
        // fragment's newline).
        if partial.open && timestamp != 0 && timestamp != partial.timestamp_unix_ns {
            let line = std::mem::take(partial);
            ready.push_back(finish_line(stream, line, false, max_line_bytes));
        }
        if !partial.open {
            partial.timestamp_unix_ns = timestamp;
        }
        while let Some(newline) = rest.iter().position(|&b| b == b'\n') {
            partial.extend(&rest[..newline], max_line_bytes);
            let line = std::mem::take(partial);
            ready.push_back(finish_line(stream, line, false, max_line_bytes));
            // Further lines in the same frame were written at the same time.
            partial.timestamp_unix_ns = timestamp;
            rest = &rest[newline + 1..];
        }
        if !rest.is_empty() {
            partial.extend(rest, max_line_bytes);
        }
    }

    /// A chunk of raw (TTY) output.
    fn push_raw(&mut self, mut chunk: &[u8], ready: &mut VecDeque<LogLine>) {
        let cap = self.max_line_bytes.saturating_add(MAX_TIMESTAMP_PREFIX);
        while let Some(newline) = chunk.iter().position(|&b| b == b'\n') {
            self.raw.extend(&chunk[..newline], cap);
            let line = std::mem::take(&mut self.raw);
            ready.push_back(finish_line(
                LogStream::Stdout,
                line,
                true,
                self.max_line_bytes,
            ));
            chunk = &chunk[newline + 1..];
        }
        if !chunk.is_empty() {
            self.raw.extend(chunk, cap);
        }
    }

    /// Hands out lines left without a final newline when the stream ended.
    fn finish(&mut self, ready: &mut VecDeque<LogLine>) {
        let max_line_bytes = self.max_line_bytes;
        for (stream, partial, raw) in [
            (LogStream::Stdout, &mut self.stdout, false),
            (LogStream::Stderr, &mut self.stderr, false),
            (LogStream::Stdout, &mut self.raw, true),
        ] {
            if partial.open {
                let line = std::mem::take(partial);
                ready.push_back(finish_line(stream, line, raw, max_line_bytes));
            }
        }
    }
}

/// Turns a complete line into a [`LogLine`]: takes the timestamp off raw lines, drops a `\r`
/// before the newline (TTYs write `\r\n`) and applies the cap.
fn finish_line(stream: LogStream, line: PartialLine, raw: bool, max_line_bytes: usize) -> LogLine {
    let (timestamp_unix_ns, prefix_len) = if raw {
        let (timestamp, text) = split_timestamp(&line.text);
        (timestamp, line.text.len() - text.len())
    } else {
        (line.timestamp_unix_ns, 0)
    };
    let mut text = line.text;
    text.drain(..prefix_len);
    let mut full_len = line.len - prefix_len;
    if full_len > 0 && line.last_byte == Some(b'\r') {
        full_len -= 1;
        text.truncate(full_len);
    }
    text.truncate(max_line_bytes);
    LogLine {
        stream,
        timestamp_unix_ms: timestamp_unix_ns.div_euclid(1_000_000),
        text,
        full_len,
    }
}

/// Splits Docker's `RFC3339Nano ` prefix from a log message: (Unix ns, rest). Without a valid
/// prefix (or one past 2262) the time is 0 and the message is returned whole.
fn split_timestamp(message: &[u8]) -> (i64, &[u8]) {
    let window = &message[..message.len().min(MAX_TIMESTAMP_PREFIX)];
    let Some(space) = window.iter().position(|&b| b == b' ') else {
        return (0, message);
    };
    let parsed = std::str::from_utf8(&window[..space])
        .ok()
        .and_then(|prefix| DateTime::parse_from_rfc3339(prefix).ok())
        .and_then(|time| time.timestamp_nanos_opt());
    match parsed {
        Some(nanos) => (nanos, &message[space + 1..]),
        None => (0, message),
    }
}

fn engine(operation: &'static str) -> impl FnOnce(BollardError) -> Error {
    move |source| Error::Engine { operation, source }
}

/// Maps the engine's 404 to [`Error::ContainerNotFound`], anything else to [`Error::Engine`].
fn not_found_or(source: BollardError, container: &str, operation: &'static str) -> Error {
    match source {
        BollardError::DockerResponseServerError {
            status_code: 404, ..
        } => Error::ContainerNotFound {
            container: container.to_string(),
        },
        source => Error::Engine { operation, source },
    }
}

/// A listed container, or `None` (logged) when the engine left out its id.
fn container_ref(summary: ContainerSummary) -> Option<ContainerRef> {
    let Some(id) = summary.id else {
        tracing::warn!("docker listed a container without an id; skipping it");
        return None;
    };
    // Linked containers also carry names like `/other/alias`; the one without an inner `/` is its
    // own.
    let names = summary.names.unwrap_or_default();
    let name = names
        .iter()
        .map(|name| name.strip_prefix('/').unwrap_or(name))
        .find(|name| !name.contains('/'))
        .or_else(|| names.first().map(String::as_str))
        .unwrap_or_default()
        .to_string();
    Some(ContainerRef {
        id,
        name,
        image: summary.image.unwrap_or_default(),
        state: summary
            .state
            .map(|state| state.to_string())
            .unwrap_or_default(),
    })
}

/// A container's condition from its inspect. A never-set time (Docker's year 1) reads 0.
fn container_condition(details: ContainerInspectResponse) -> ContainerCondition {
    let state = details.state.unwrap_or_default();
    let unix_ms = |time: Option<&str>| {
        time.and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            .map_or(0, |t| t.timestamp_millis().max(0))
    };
    let started_at_unix_ms = unix_ms(state.started_at.as_deref());
    let finished_at_unix_ms = unix_ms(state.finished_at.as_deref());
    let health = state.health.unwrap_or_default();
    let last_check = health.log.unwrap_or_default().pop();
    let health_output = last_check
        .as_ref()
        .and_then(|check| check.output.as_deref())
        .map(|output| {
            let redacted = cyberbrain_logmine::redact::redact(output.trim().as_bytes());
            redacted
                .chars()
                .take(ContainerCondition::MAX_HEALTH_OUTPUT_CHARS)
                .collect()
        })
        .unwrap_or_default();
    let labels = details
        .config
        .and_then(|config| config.labels)
        .unwrap_or_default();
    let label = |key: &str| labels.get(key).cloned().unwrap_or_default();
    ContainerCondition {
        status: state.status.map(|s| s.to_string()).unwrap_or_default(),
        restart_count: details
            .restart_count
            .map_or(0, |count| u32::try_from(count).unwrap_or(u32::MAX)),
        // Docker reports 0 for a container that never exited: only an exit that happened counts.
        exit_code: state.exit_code.filter(|_| finished_at_unix_ms > 0),
        oom_killed: state.oom_killed.unwrap_or(false),
        health: match health.status {
            None | Some(HealthStatusEnum::EMPTY) | Some(HealthStatusEnum::NONE) => String::new(),
            Some(status) => status.to_string(),
        },
        health_failing_streak: health
            .failing_streak
            .map_or(0, |n| u32::try_from(n).unwrap_or(u32::MAX)),
        health_output,
        health_exit_code: last_check.and_then(|check| check.exit_code),
        started_at_unix_ms,
        finished_at_unix_ms,
        restart_policy: details
            .host_config
            .and_then(|host| host.restart_policy)
            .and_then(|policy| policy.name)
            .map(|name| name.to_string())
            .unwrap_or_default(),
        compose_project: label("com.docker.compose.project"),
        compose_service: label("com.docker.compose.service"),
        last_lines_before_exit: Vec::new(),
        exits: Vec::new(),
    }
}

/// Describes an allowlisted container from its inspect, and returns its environment as
/// (name, value) pairs beside it, for [`host_graph::resolve_env_references`] only.
fn container_info(
    container: &ContainerRef,
    details: ContainerInspectResponse,
) -> (ContainerInfo, Vec<(String, String)>) {
    let state = details.state.unwrap_or_default();
    let health = match state.health.and_then(|health| health.status) {
        // `none` means no health check, which the result spells as empty.
        None | Some(HealthStatusEnum::EMPTY) | Some(HealthStatusEnum::NONE) => String::new(),
        Some(status) => status.to_string(),
    };
    let config = details.config.unwrap_or_default();
    let labels = config.labels.unwrap_or_default();
    let label = |key: &str| labels.get(key).cloned().unwrap_or_default();
    let settings = details.network_settings.unwrap_or_default();
    let endpoints = settings.networks.unwrap_or_default();
    let mut networks: Vec<String> = endpoints.keys().cloned().collect();
    networks.sort();
    // Docker adds the container's own name and short id as DNS names; those are not aliases.
    let short_id = cyberbrain_tasks::short_container_id(&container.id);
    let own_name = |name: &str| name == container.name || name == short_id || name == container.id;
    let mut aliases = BTreeSet::new();
    let mut links = BTreeSet::new();
    for endpoint in endpoints.values() {
        let names = endpoint.aliases.iter().flatten();
        for alias in names.chain(endpoint.dns_names.iter().flatten()) {
            if !own_name(alias) {
                aliases.insert(alias.clone());
            }
        }
        links.extend(
            endpoint
                .links
                .iter()
                .flatten()
                .filter_map(|link| host_graph::parse_link(link)),
        );
    }
    let host_config = details.host_config.unwrap_or_default();
    links.extend(
        host_config
            .links
            .iter()
            .flatten()
            .filter_map(|link| host_graph::parse_link(link)),
    );
    let environment = config
        .env
        .iter()
        .flatten()
        .filter_map(|pair| pair.split_once('='))
        .map(|(name, value)| (name.to_string(), value.to_string()))
        .collect();
    let info = ContainerInfo {
        id: container.id.clone(),
        name: container.name.clone(),
        image: config
            .image
            .clone()
            .unwrap_or_else(|| container.image.clone()),
        state: state
            .status
            .map(|status| status.to_string())
            .unwrap_or_else(|| container.state.clone()),
        health,
        restart_count: details
            .restart_count
            .map_or(0, |count| u32::try_from(count).unwrap_or(u32::MAX)),
        compose_project: label("com.docker.compose.project"),
        compose_service: label("com.docker.compose.service"),
        networks,
        ports: port_mappings(
            settings.ports.unwrap_or_default(),
            config.exposed_ports.clone().unwrap_or_default(),
        ),
        aliases: aliases.into_iter().collect(),
        hostname: config.hostname.clone().unwrap_or_default(),
        links: links
            .into_iter()
            .map(|(target, alias)| ContainerLink { target, alias })
            .collect(),
        depends_on: labels
            .get("com.docker.compose.depends_on")
            .map(|label| host_graph::compose_depends_on(label))
            .unwrap_or_default(),
        // Filled by host_graph once every container is known.
        env_references: Vec::new(),
    };
    (info, environment)
}

/// Published ports (one entry per host binding, from the live network settings, so only while
/// running) and exposed ports that are not published, sorted and without duplicates.
fn port_mappings(published: bollard::models::PortMap, exposed: Vec<String>) -> Vec<PortMapping> {
    let mut ports = BTreeSet::new();
    let mut bound = BTreeSet::new();
    // Network settings list exposed ports too, with no bindings; those join the unpublished ones.
    let mut unbound = exposed;
    for (key, bindings) in published {
        let Some((container_port, protocol)) = parse_port_key(&key) else {
            continue;
        };
        let bindings = bindings.unwrap_or_default();
        if bindings.is_empty() {
            unbound.push(key);
        }
        for binding in bindings {
            bound.insert((container_port, protocol.clone()));
            ports.insert((
                container_port,
                protocol.clone(),
                binding.host_ip.unwrap_or_default(),
                binding
                    .host_port
                    .and_then(|port| port.parse().ok())
                    .unwrap_or(0),
            ));
        }
    }
    for key in unbound {
        let Some((container_port, protocol)) = parse_port_key(&key) else {
            continue;
        };
        if !bound.contains(&(container_port, protocol.clone())) {
            ports.insert((container_port, protocol, String::new(), 0));
        }
    }
    ports
        .into_iter()
        .map(
            |(container_port, protocol, host_ip, host_port)| PortMapping {
                container_port,
                protocol,
                host_ip,
                host_port,
            },
        )
        .collect()
}

/// `8080/tcp` → (8080, `tcp`); a bare port is TCP, as in Docker.
fn parse_port_key(key: &str) -> Option<(u32, String)> {
    let (port, protocol) = key.split_once('/').unwrap_or((key, "tcp"));
    match port.parse() {
        Ok(port) => Some((port, protocol.to_string())),
        Err(_) => {
            tracing::debug!(key, "skipping a port docker reported in an unknown form");
            None
        }
    }
}

fn network_info(network: Network) -> Option<NetworkInfo> {
    let Some(id) = network.id else {
        tracing::warn!("docker listed a network without an id; skipping it");
        return None;
    };
    let subnets = network
        .ipam
        .and_then(|ipam| ipam.config)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|config| config.subnet)
        .collect();
    Some(NetworkInfo {
        id,
        name: network.name.unwrap_or_default(),
        driver: network.driver.unwrap_or_default(),
        subnets,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TS: &str = "2024-05-07T21:09:36.123456789Z";
    const TS_MS: i64 = 1_715_116_176_123;
    const TS_NS: i64 = 1_715_116_176_123_456_789;

    fn frame(stream: LogStream, timestamp: &str, body: &[u8]) -> LogOutput {
        let mut message = format!("{timestamp} ").into_bytes();
        message.extend_from_slice(body);
        let message = message.into();
        match stream {
            LogStream::Stdout => LogOutput::StdOut { message },
            LogStream::Stderr => LogOutput::StdErr { message },
        }
    }

    fn raw(bytes: &[u8]) -> LogOutput {
        LogOutput::Console {
            message: bytes.to_vec().into(),
        }
    }

    /// Feeds the outputs through an assembler and returns every line, ended stream included.
    fn check(max_line_bytes: usize, outputs: Vec<LogOutput>) -> Vec<LogLine> {
        let mut assembler = LineAssembler::new(max_line_bytes);
        let mut ready = VecDeque::new();
        for output in outputs {
            assembler.push(output, &mut ready);
        }
        assembler.finish(&mut ready);
        ready.into()
    }

    fn line(stream: LogStream, timestamp_unix_ms: i64, text: &[u8]) -> LogLine {
        LogLine {
            stream,
            timestamp_unix_ms,
            text: text.to_vec(),
            full_len: text.len(),
        }
    }

    #[test]
    fn timestamps_parse_to_unix_ms() {
        assert_eq!(
            split_timestamp(format!("{TS} hi").as_bytes()),
            (TS_NS, &b"hi"[..])
        );
        assert_eq!(
            split_timestamp(b"not-a-time hi"),
            (0, &b"not-a-time hi"[..])
        );
        assert_eq!(split_timestamp(b"no prefix"), (0, &b"no prefix"[..]));
        assert_eq!(split_timestamp(b""), (0, &b""[..]));
    }

    #[test]
    fn fragments_of_a_long_line_are_joined_under_the_first_timestamp() {
        let later = "2024-05-07T21:09:37Z";
        let lines = check(
            1 << 20,
            vec![
                frame(LogStream::Stderr, TS, b"abc"),
                frame(LogStream::Stdout, later, b"between\n"),
                frame(LogStream::Stderr, TS, b"def"),
                frame(LogStream::Stderr, TS, b"ghi\n"),
            ],
        );
        assert_eq!(
            lines,
            vec![
                line(LogStream::Stdout, TS_MS + 877, b"between"),
                line(LogStream::Stderr, TS_MS, b"abcdefghi"),
            ]
        );
    }

    #[test]
    fn a_new_timestamp_ends_a_line_that_lost_its_newline() {
        let later = "2024-05-07T21:09:37Z";
        let lines = check(
            64,
            vec![
                frame(LogStream::Stderr, TS, b"abc"),
                frame(LogStream::Stderr, TS, b"def"),
                frame(LogStream::Stderr, later, b"next\n"),
            ],
        );
        assert_eq!(
            lines,
            vec![
                line(LogStream::Stderr, TS_MS, b"abcdef"),
                line(LogStream::Stderr, TS_MS + 877, b"next"),
            ]
        );
    }

    #[test]
    fn a_frame_with_several_lines_gives_several_lines() {
        let lines = check(64, vec![frame(LogStream::Stdout, TS, b"one\n\ntwo\nthr")]);
        assert_eq!(
            lines,
            vec![
                line(LogStream::Stdout, TS_MS, b"one"),
                line(LogStream::Stdout, TS_MS, b""),
                line(LogStream::Stdout, TS_MS, b"two"),
                line(LogStream::Stdout, TS_MS, b"thr"),
            ]
        );
    }

    #[test]
    fn long_lines_are_cut_but_counted() {
        let lines = check(
            4,
            vec![
                frame(LogStream::Stdout, TS, b"abcdef"),
                frame(LogStream::Stdout, TS, b"gh\xff\r\n"),
            ],
        );
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text, b"abcd");
        assert_eq!(lines[0].full_len, 9);
        assert!(lines[0].is_truncated());
    }

    #[test]
    fn raw_output_is_split_anywhere_and_keeps_invalid_utf8() {
        let text = format!("{TS} tty one\r\n{TS} bad \u{0}\r\nno timestamp\n{TS} last");
        let mut bytes = text.into_bytes();
        let second_last = bytes.len() - 2;
        bytes[second_last] = 0xff;
        // Cut inside a timestamp, at a line's start, inside a line and between `\r` and `\n`.
        let cuts = [0, 5, 40, 41, 50, 77, 85, bytes.len()];
        let outputs = cuts.windows(2).map(|w| raw(&bytes[w[0]..w[1]])).collect();
        let lines = check(1024, outputs);
        assert_eq!(
            lines,
            vec![
                line(LogStream::Stdout, TS_MS, b"tty one"),
                line(LogStream::Stdout, TS_MS, b"bad \0"),
                line(LogStream::Stdout, 0, b"no timestamp"),
                line(LogStream::Stdout, TS_MS, b"la\xfft"),
            ]
        );
    }

    #[test]
    fn raw_lines_are_cut_after_the_timestamp_is_removed() {
        let lines = check(3, vec![raw(format!("{TS} abcdef\r\n").as_bytes())]);
        assert_eq!(lines[0].text, b"abc");
        assert_eq!(lines[0].full_len, 6);
        assert_eq!(lines[0].timestamp_unix_ms, TS_MS);
    }

    #[test]
    fn ports_list_bindings_and_unpublished_exposed_ports() {
        let published = [
            (
                "8080/tcp".to_string(),
                Some(vec![
                    bollard::models::PortBinding {
                        host_ip: Some("127.0.0.1".into()),
                        host_port: Some("49153".into()),
                    },
                    bollard::models::PortBinding {
                        host_ip: Some("::1".into()),
                        host_port: Some("49153".into()),
                    },
                ]),
            ),
            ("53/udp".to_string(), None),
        ]
        .into_iter()
        .collect();
        let exposed = vec!["8080/tcp".into(), "9000/tcp".into(), "bogus".into()];
        let ports = port_mappings(published, exposed);
        let summary: Vec<_> = ports
            .iter()
            .map(|p| {
                (
                    p.container_port,
                    p.protocol.as_str(),
                    p.host_ip.as_str(),
                    p.host_port,
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                (53, "udp", "", 0),
                (8080, "tcp", "127.0.0.1", 49153),
                (8080, "tcp", "::1", 49153),
                (9000, "tcp", "", 0),
            ]
        );
    }
}
