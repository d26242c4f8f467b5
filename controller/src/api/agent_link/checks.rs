//! What an agent may say: its identity, from the verified client certificate, and the checks every
//! message passes before anything reaches the store. Pure validation at the edge: a bad message
//! gets a precise error naming the field, and nothing is stored.

use std::collections::{BTreeMap, HashMap};

use cyberbrain_model::fleet::{AgentHello, Capabilities};
use cyberbrain_proto::agent::v1 as link;
use cyberbrain_tasks::TaskResult;
use tonic::{Request, Status};
use uuid::Uuid;

use crate::api::parse_id;
use crate::error::Error;

/// The longest agent name (a certificate's common name).
const MAX_NAME_LEN: usize = 63;

/// Who is on the other end of an mTLS connection, from its verified client certificate.
#[derive(Debug, Clone)]
pub struct PeerIdentity {
    /// The agent's name: the certificate's common name.
    pub name: String,
    /// The certificate's serial, lowercase hex.
    pub serial: String,
    /// Its expiry.
    pub expires_at: chrono::DateTime<chrono::Utc>,
}

/// The agent's identity: the name (common name), serial and expiry of the verified client
/// certificate. The TLS layer has checked the chain, the validity period and the key usage.
pub fn peer_identity<T>(request: &Request<T>) -> Result<PeerIdentity, Status> {
    let certs = request
        .peer_certs()
        .ok_or_else(|| Status::from(Error::unauthenticated("a client certificate is required")))?;
    let leaf = certs
        .first()
        .ok_or_else(|| Status::from(Error::unauthenticated("a client certificate is required")))?;
    let (_, cert) = x509_parser::parse_x509_certificate(leaf.as_ref()).map_err(|_| {
        Status::from(Error::unauthenticated(
            "the client certificate cannot be parsed",
        ))
    })?;
    let name = cert
        .subject()
        .iter_common_name()
        .next()
        .and_then(|cn| cn.as_str().ok())
        .map(str::to_string)
        .ok_or_else(|| {
            Status::from(Error::unauthenticated(
                "the client certificate has no common name",
            ))
        })?;
    let valid = !name.is_empty()
        && name.len() <= MAX_NAME_LEN
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !valid {
        return Err(Status::from(Error::unauthenticated(
            "the client certificate's common name is not an agent name",
        )));
    }
    let (serial, expires_at) = crate::pki::serial_and_expiry(leaf.as_ref()).ok_or_else(|| {
        Status::from(Error::unauthenticated(
            "the client certificate cannot be parsed",
        ))
    })?;
    Ok(PeerIdentity {
        name,
        serial,
        expires_at,
    })
}

/// An agent message after every check that needs no database: ids parsed, the result converted
/// to the task catalogue's types.
#[derive(Debug)]
pub enum CheckedMessage {
    /// The jobs the agent is running, whose leases it renews (unparseable ids are skipped).
    Heartbeat {
        /// Job ids.
        running: Vec<Uuid>,
    },
    /// The agent took a job.
    JobAccepted {
        /// Job id.
        job_id: Uuid,
        /// Attempt.
        attempt: u32,
    },
    /// A job's outcome: a result, or the one-line reason it failed.
    JobResult {
        /// Job id.
        job_id: Uuid,
        /// Attempt.
        attempt: u32,
        /// What to record; a malformed result is recorded as a failure.
        outcome: Result<TaskResult, String>,
        /// The W3C trace context of the agent's task span (`traceparent`, `tracestate`; anything
        /// else, or anything longer than 512 bytes, is dropped).
        trace_context: HashMap<String, String>,
    },
    /// A numbered piece of a running command's output.
    JobOutput {
        /// Job id.
        job_id: Uuid,
        /// Attempt.
        attempt: u32,
        /// From 1.
        sequence: u64,
        /// Complete lines, redacted by the agent.
        text: String,
    },
}

/// The largest piece of command output the agent sends at once.
pub const MAX_JOB_OUTPUT_PIECE_BYTES: usize = 64 * 1024;

/// The longest error text kept from a failed job.
const MAX_JOB_ERROR_CHARS: usize = 4096;

/// Checks a message that follows hello on the stream. Pure: the fuzz target `agent_message` and
/// its corpus test call it too.
pub fn check_agent_message(message: link::AgentMessage) -> Result<CheckedMessage, Status> {
    use link::agent_message::Message;
    use link::job_result::Outcome;
    match message.message {
        Some(Message::Heartbeat(heartbeat)) => Ok(CheckedMessage::Heartbeat {
            running: heartbeat
                .running
                .iter()
                .filter_map(|j| Uuid::parse_str(&j.job_id).ok())
                .collect(),
        }),
        Some(Message::JobAccepted(accepted)) => Ok(CheckedMessage::JobAccepted {
            job_id: parse_id("job_accepted.job_id", &accepted.job_id)?,
            attempt: accepted.attempt,
        }),
        Some(Message::JobResult(result)) => {
            let job_id = parse_id("job_result.job_id", &result.job_id)?;
            let outcome = match result.outcome {
                Some(Outcome::Result(r)) => TaskResult::try_from(r)
                    .map_err(|e| format!("the agent sent a malformed result: {e}"))
                    .and_then(storable),
                Some(Outcome::Error(e)) => Err(e.chars().take(MAX_JOB_ERROR_CHARS).collect()),
                None => Err("the agent sent neither a result nor an error".to_string()),
            };
            let trace_context = result
                .trace_context
                .into_iter()
                .filter(|(k, v)| (k == "traceparent" || k == "tracestate") && v.len() <= 512)
                .collect();
            Ok(CheckedMessage::JobResult {
                job_id,
                attempt: result.attempt,
                outcome,
                trace_context,
            })
        }
        Some(Message::JobOutput(piece)) => {
            let job_id = parse_id("job_output.job_id", &piece.job_id)?;
            if piece.sequence == 0 {
                return Err(Status::from(Error::invalid(
                    "job_output.sequence",
                    "numbered from 1",
                )));
            }
            if piece.text.len() > MAX_JOB_OUTPUT_PIECE_BYTES {
                return Err(Status::from(Error::invalid(
                    "job_output.text",
                    format!("at most {MAX_JOB_OUTPUT_PIECE_BYTES} bytes"),
                )));
            }
            Ok(CheckedMessage::JobOutput {
                job_id,
                attempt: piece.attempt,
                sequence: piece.sequence,
                text: piece.text,
            })
        }
        Some(Message::Hello(_)) => Err(Status::from(Error::precondition(
            "hello",
            "hello was already received",
        ))),
        None => Err(Status::from(Error::invalid(
            "message",
            "an empty agent message",
        ))),
    }
}

/// A result the store can hold and read back: a number JSON cannot hold (NaN, an infinity) would
/// read back as `null` and break the run's report, so such a result is refused here, naming the
/// field. (NUL characters, which PostgreSQL refuses, are replaced where the store writes.)
fn storable(result: TaskResult) -> Result<TaskResult, String> {
    match result.non_finite_field() {
        Some(field) => Err(format!(
            "the agent sent a malformed result: {field} is not finite"
        )),
        None => Ok(result),
    }
}

/// A hello that passed [`check_hello`].
#[derive(Debug)]
pub struct CheckedHello {
    /// What the agent says about itself, with the identity from its certificate.
    pub agent: AgentHello,
    /// The jobs it holds (running, or with a result not yet acknowledged); ids that are not
    /// UUIDs are skipped.
    pub in_flight: Vec<Uuid>,
}

/// Checks the hello that opens a stream, with the identity the TLS layer verified. Pure, like
/// [`check_agent_message`].
pub fn check_hello(peer: PeerIdentity, mut hello: link::Hello) -> Result<CheckedHello, Status> {
    tidy_diagnostics(&mut hello);
    // The one input check, on the hello as it travels, so errors name `hello.<field>`.
    let message = link::AgentMessage {
        message: Some(link::agent_message::Message::Hello(hello)),
    };
    crate::api::input::check(&message)?;
    let Some(link::agent_message::Message::Hello(hello)) = message.message else {
        return Err(Status::from(Error::invalid("hello", "not a hello")));
    };
    // Only now, with their number and size checked.
    let in_flight = hello
        .in_flight
        .iter()
        .filter_map(|j| Uuid::parse_str(&j.job_id).ok())
        .collect();
    let caps = hello.capabilities.unwrap_or_default();
    let agent = AgentHello {
        name: peer.name,
        cert_serial: Some(peer.serial),
        cert_expires_at: Some(peer.expires_at),
        hostname: hello.hostname,
        labels: hello.labels.into_iter().collect::<BTreeMap<_, _>>(),
        version: hello.version,
        capabilities: Capabilities {
            docker_reachable: caps.docker_reachable,
            nvml_available: caps.nvml_available,
            gpu_count: caps.gpu_count,
            driver_version: caps.driver_version,
            // The agent checks its names; one that is not a name is dropped, not shown.
            commands: caps
                .commands
                .into_iter()
                .filter(|name| cyberbrain_tasks::CommandParams::is_valid_name(name))
                .collect(),
            // Pinned references only (`NAME@sha256:*` stands for any digest of NAME).
            images: caps
                .images
                .into_iter()
                .filter(|image| {
                    let any = image
                        .strip_suffix("@sha256:*")
                        .map(|name| format!("{name}@sha256:{}", "0".repeat(64)));
                    cyberbrain_tasks::ContainerParams::is_pinned(any.as_deref().unwrap_or(image))
                })
                .collect(),
        },
    };
    Ok(CheckedHello { agent, in_flight })
}

/// The longest driver version kept (the input check's limit for it).
const MAX_DRIVER_VERSION_BYTES: usize = 255;

/// The hello's diagnostic text (what the Docker daemon or a proxy in front of it answered, the
/// driver's version) is the outside world's, not the agent's: a `\r` or an over-long error page
/// there must not keep the agent from attaching, as a refused hello would on every retry. So it
/// is not refused like the identity fields (hostname, labels) but made safe: control characters
/// shown as visible stand-ins (`report::controls::neutralise`, newlines and tabs as spaces in the
/// one-line driver version) and the text cut to its limit on a character boundary.
fn tidy_diagnostics(hello: &mut link::Hello) {
    let Some(caps) = hello.capabilities.as_mut() else {
        return;
    };
    caps.docker_error = tidy(
        &caps.docker_error,
        crate::api::input::MAX_FREE_TEXT_BYTES,
        false,
    );
    caps.driver_version = tidy(&caps.driver_version, MAX_DRIVER_VERSION_BYTES, true);
}

/// `text` neutralised and cut to `max_bytes`; `one_line` turns tab and newline into spaces too.
fn tidy(text: &str, max_bytes: usize, one_line: bool) -> String {
    let shown = cyberbrain_report::controls::neutralise(text);
    let mut out: String = if one_line {
        shown
            .chars()
            .map(|c| if matches!(c, '\t' | '\n') { ' ' } else { c })
            .collect()
    } else {
        shown.into_owned()
    };
    out.truncate(out.floor_char_boundary(max_bytes));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use cyberbrain_tasks::{ContainerLogDigest, LogTriageResult};
    use prost::Message;

    fn peer() -> PeerIdentity {
        PeerIdentity {
            name: "a".into(),
            serial: "01".into(),
            expires_at: chrono::Utc::now(),
        }
    }

    #[test]
    fn a_hello_with_control_characters_or_a_huge_label_key_is_refused_without_echoing_it() {
        let nul_host = link::Hello {
            hostname: "host\0".into(),
            ..Default::default()
        };
        let refused = check_hello(peer(), nul_host).unwrap_err();
        assert_eq!(refused.code(), tonic::Code::InvalidArgument);
        assert!(refused.message().contains("hello.hostname"), "{refused:?}");
        let escape_label = link::Hello {
            labels: [("zone".to_string(), "\u{1b}[31ma".to_string())].into(),
            ..Default::default()
        };
        assert!(check_hello(peer(), escape_label).is_err());
        let huge_key = "k".repeat(100_000);
        let huge = link::Hello {
            labels: [(huge_key.clone(), "v".to_string())].into(),
            ..Default::default()
        };
        let refused = check_hello(peer(), huge).unwrap_err();
        assert!(refused.message().len() < 200, "{}", refused.message().len());
        let fine = link::Hello {
            hostname: "gpu-7.lab".into(),
            version: "0.1.0".into(),
            labels: [("zone".to_string(), "a".to_string())].into(),
            ..Default::default()
        };
        assert!(check_hello(peer(), fine).is_ok());
    }

    #[test]
    fn diagnostic_text_is_neutralised_and_cut_not_refused() {
        let proxy_page = format!("502 Bad Gateway\r\n{}\u{1b}[2J", "é".repeat(5_000));
        let hello = link::Hello {
            hostname: "gpu-7".into(),
            capabilities: Some(link::Capabilities {
                docker_error: proxy_page,
                driver_version: "535.104\r\n\0".into(),
                ..Default::default()
            }),
            ..Default::default()
        };
        assert!(hello.encoded_len() > 10_000);
        let accepted = check_hello(peer(), hello).expect("a hello with a 10 KB docker error");
        assert_eq!(accepted.agent.capabilities.driver_version, "535.104␍ ␀");
        let mut tidied = link::Hello {
            capabilities: Some(link::Capabilities {
                docker_error: format!("a\rb{}", "é".repeat(5_000)),
                ..Default::default()
            }),
            ..Default::default()
        };
        tidy_diagnostics(&mut tidied);
        let error = tidied.capabilities.unwrap_or_default().docker_error;
        assert!(error.starts_with("a␍bé"), "{error}");
        assert!(error.len() <= crate::api::input::MAX_FREE_TEXT_BYTES);
        assert!(error.len() > crate::api::input::MAX_FREE_TEXT_BYTES - 2);
        // Identity fields stay strict.
        let carriage_host = link::Hello {
            hostname: "host\r".into(),
            ..Default::default()
        };
        assert!(check_hello(peer(), carriage_host).is_err());
    }

    #[test]
    fn results_with_numbers_json_cannot_hold_are_refused_by_field() {
        let nan = TaskResult::GpuReport(cyberbrain_tasks::GpuReportResult {
            gpus: vec![cyberbrain_tasks::GpuStats {
                utilization_gpu_sampled: Some(cyberbrain_tasks::SampleStats {
                    min: 0.0,
                    mean: f64::NAN,
                    max: 1.0,
                }),
                ..Default::default()
            }],
            ..Default::default()
        });
        let refused = storable(nan).unwrap_err();
        assert!(refused.contains("not finite"), "{refused}");
        assert!(
            refused.contains("gpus[0].utilization_gpu_sampled.mean"),
            "{refused}"
        );
        let fine = TaskResult::GpuReport(Default::default());
        assert_eq!(storable(fine.clone()).unwrap(), fine);
        let with_nul = TaskResult::LogTriage(LogTriageResult {
            containers: vec![ContainerLogDigest {
                name: "web\0".into(),
                ..Default::default()
            }],
            skipped_containers: 0,
        });
        assert_eq!(
            storable(with_nul.clone()).unwrap(),
            with_nul,
            "the store replaces NULs"
        );
    }
}
