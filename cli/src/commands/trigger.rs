//! `cbctl trigger create|list|get|delete`: inbound webhooks that launch a directive.

use std::collections::BTreeMap;

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::trigger_service_client::TriggerServiceClient;
use serde::Serialize;

use super::Context;
use crate::output::{self, Format, time, words};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// GitHub webhooks (`X-Hub-Signature-256`); filters: --event, --ref.
    Github,
    /// Prometheus Alertmanager (bearer secret); --label-map, --cool-down.
    Alertmanager,
    /// Grafana alerting's webhook contact point with HMAC and a timestamp; --cool-down.
    Grafana,
    /// Anything signing with Standard Webhooks.
    Generic,
}

impl Kind {
    fn wire(self) -> pb::TriggerKind {
        match self {
            Kind::Github => pb::TriggerKind::Github,
            Kind::Alertmanager => pb::TriggerKind::Alertmanager,
            Kind::Grafana => pb::TriggerKind::Grafana,
            Kind::Generic => pb::TriggerKind::Generic,
        }
    }
}

fn kind_name(value: i32) -> &'static str {
    match pb::TriggerKind::try_from(value) {
        Ok(pb::TriggerKind::Github) => "github",
        Ok(pb::TriggerKind::Alertmanager) => "alertmanager",
        Ok(pb::TriggerKind::Grafana) => "grafana",
        Ok(pb::TriggerKind::Generic) => "generic",
        _ => "unknown",
    }
}

#[derive(Debug, clap::Subcommand)]
pub enum Verb {
    /// Make a trigger; prints its URL and its secret, which is shown this once.
    Create {
        /// The trigger's name (a-z, 0-9, '-', '_').
        name: String,
        /// Who sends to it, which fixes how deliveries are signed and read.
        #[arg(long, value_enum)]
        kind: Kind,
        /// The directive a delivery launches (its latest version).
        #[arg(long)]
        directive: String,
        /// GitHub: an `X-GitHub-Event` admitted, e.g. push (repeatable) [default: every event].
        #[arg(long = "event", value_name = "EVENT")]
        events: Vec<String>,
        /// GitHub: a ref admitted, e.g. refs/heads/main (repeatable) [default: every ref].
        #[arg(long = "ref", value_name = "REF")]
        refs: Vec<String>,
        /// Alertmanager: an alert label whose value selects agents by an agent label,
        /// ALERT_LABEL=AGENT_LABEL (repeatable); only these alert labels are read.
        #[arg(long = "label-map", value_name = "ALERT=AGENT")]
        label_map: Vec<String>,
        /// Alertmanager, Grafana: how long a repeat of the same notification launches nothing:
        /// 10m, 1h, 1d [default: 1h].
        #[arg(long, value_name = "DURATION", value_parser = crate::durations::parse_duration)]
        cool_down: Option<u64>,
    },
    /// List triggers (never their secrets).
    List,
    /// Show one trigger, with how many deliveries it remembers for de-duplication.
    Get {
        /// The trigger's name.
        name: String,
    },
    /// Delete a trigger (its runs stay; deliveries to its URL then get 404).
    Delete {
        /// The trigger's name.
        name: String,
        #[command(flatten)]
        yes: crate::confirm::Yes,
    },
}

/// A trigger as `cbctl` prints it (JSON and YAML keys).
#[derive(Debug, Serialize)]
struct TriggerView {
    name: String,
    kind: &'static str,
    directive: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    events: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    refs: Vec<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    label_map: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cool_down_seconds: Option<u32>,
    url: String,
    path: String,
    created_by: String,
    created_at: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    remembered_deliveries: Option<u64>,
    id: String,
}

impl TriggerView {
    fn new(t: &pb::Trigger, with_counts: bool) -> Self {
        TriggerView {
            name: t.name.clone(),
            kind: kind_name(t.kind),
            directive: t.directive_name.clone(),
            events: t.events.clone(),
            refs: t.refs.clone(),
            label_map: t.label_map.clone().into_iter().collect(),
            cool_down_seconds: (t.cool_down_seconds > 0).then_some(t.cool_down_seconds),
            url: t.url.clone(),
            path: t.path.clone(),
            created_by: t.created_by.clone(),
            created_at: time(&t.created_at),
            remembered_deliveries: with_counts.then_some(t.remembered_deliveries),
            id: t.id.clone(),
        }
    }

    fn filters(&self) -> String {
        let mut parts = Vec::new();
        if !self.events.is_empty() {
            parts.push(format!("event={}", self.events.join(",")));
        }
        if !self.refs.is_empty() {
            parts.push(format!("ref={}", self.refs.join(",")));
        }
        if !self.label_map.is_empty() {
            let map: Vec<String> = self
                .label_map
                .iter()
                .map(|(a, b)| format!("{a}→{b}"))
                .collect();
            parts.push(format!("labels={}", map.join(",")));
        }
        if let Some(s) = self.cool_down_seconds {
            parts.push(format!("cool-down={}", words::duration(u64::from(s))));
        }
        if parts.is_empty() {
            "-".into()
        } else {
            parts.join(" ")
        }
    }
}

/// What `create -o json|yaml` prints: where to send and what to sign with.
#[derive(Debug, Serialize)]
struct CreatedView {
    url: String,
    secret: String,
}

fn parse_label_map(pairs: &[String]) -> anyhow::Result<BTreeMap<String, String>> {
    let mut map = BTreeMap::new();
    for pair in pairs {
        let (alert, agent) = pair
            .split_once('=')
            .filter(|(a, b)| !a.trim().is_empty() && !b.trim().is_empty())
            .with_context(|| format!("--label-map {pair:?} must be ALERT_LABEL=AGENT_LABEL"))?;
        map.insert(alert.trim().to_string(), agent.trim().to_string());
    }
    Ok(map)
}

/// How to point the sender at the trigger, printed after the secret.
fn sender_hint(kind: Kind) -> &'static str {
    match kind {
        Kind::Github => {
            "in the repository's webhook settings, set the payload URL, content type \
             application/json and the secret"
        }
        Kind::Alertmanager => {
            "in the Alertmanager receiver, set webhook_configs url and \
             http_config.authorization.credentials to the secret"
        }
        Kind::Grafana => {
            "in the webhook contact point, set the URL and under HMAC signature the secret, \
             header X-Grafana-Alerting-Signature and timestamp header \
             X-Grafana-Alerting-Signature-Timestamp (required)"
        }
        Kind::Generic => "sign each delivery with the Standard Webhooks headers and the secret",
    }
}

pub async fn run(ctx: &Context, verb: Verb) -> anyhow::Result<()> {
    let format = ctx.read_format()?;
    let mut client = TriggerServiceClient::new(ctx.server.connect().await?);
    let (triggers, single, with_counts) = match verb {
        Verb::Create {
            name,
            kind,
            directive,
            events,
            refs,
            label_map,
            cool_down,
        } => {
            let request = pb::CreateTriggerRequest {
                name,
                kind: kind.wire() as i32,
                directive_name: directive,
                events,
                refs,
                label_map: parse_label_map(&label_map)?.into_iter().collect(),
                cool_down_seconds: cool_down.map_or(0, |s| u32::try_from(s).unwrap_or(u32::MAX)),
            };
            let created = client.create_trigger(request).await?.into_inner();
            let trigger = created
                .trigger
                .ok_or_else(|| anyhow::anyhow!("the controller sent no trigger"))?;
            return print_created(format, kind, &trigger, created.secret);
        }
        Verb::List => (
            client
                .list_triggers(pb::ListTriggersRequest {})
                .await?
                .into_inner()
                .triggers,
            false,
            false,
        ),
        Verb::Get { name } => (
            vec![
                client
                    .get_trigger(pb::GetTriggerRequest { name })
                    .await?
                    .into_inner(),
            ],
            true,
            true,
        ),
        Verb::Delete { name, yes } => {
            crate::confirm::confirm(yes, &format!("Delete trigger {name}?"))?;
            client
                .delete_trigger(pb::DeleteTriggerRequest { name: name.clone() })
                .await?;
            crate::noteln!("deleted trigger {name}");
            return Ok(());
        }
    };
    let views: Vec<TriggerView> = triggers
        .iter()
        .map(|t| TriggerView::new(t, with_counts))
        .collect();
    let wide = format == Format::Wide;
    let rows = views
        .iter()
        .map(|v| {
            let mut row = vec![
                v.name.clone(),
                v.kind.to_string(),
                v.directive.clone(),
                v.filters(),
                if v.url.is_empty() {
                    v.path.clone()
                } else {
                    v.url.clone()
                },
            ];
            if wide || with_counts {
                row.push(v.created_by.clone());
                row.push(words::when(&v.created_at, wide));
                row.push(
                    v.remembered_deliveries
                        .map_or("-".into(), |n| n.to_string()),
                );
            }
            row
        })
        .collect();
    let mut header = vec!["NAME", "KIND", "DIRECTIVE", "FILTERS", "URL"];
    if wide || with_counts {
        header.extend(["CREATED BY", "CREATED", "REMEMBERED"]);
    }
    output::print_views(format, &views, single, &header, rows)
}

/// The URL and the secret: with `-o json|yaml` an object of exactly those two; in a table the
/// secret alone on stdout (so `… > secret.txt` keeps just it) and the URL in the note.
fn print_created(
    format: Format,
    kind: Kind,
    trigger: &pb::Trigger,
    secret: String,
) -> anyhow::Result<()> {
    let url = if trigger.url.is_empty() {
        crate::noteln!(
            "this controller's web listener is off: post to {} on a replica whose web listener \
             is on",
            trigger.path
        );
        trigger.path.clone()
    } else {
        trigger.url.clone()
    };
    if format.is_table() {
        crate::outln!("{secret}");
        crate::noteln!(
            "trigger {:?} created; the secret above is shown once\nURL: {url}\n{}",
            trigger.name,
            sender_hint(kind)
        );
        return Ok(());
    }
    output::print(format, &CreatedView { url, secret }, &[], vec![])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_maps_need_both_names() {
        let map = parse_label_map(&["instance=host".into(), " zone = zone ".into()]).unwrap();
        assert_eq!(map.get("instance").map(String::as_str), Some("host"));
        assert_eq!(map.get("zone").map(String::as_str), Some("zone"));
        assert!(parse_label_map(&["instance".into()]).is_err());
        assert!(parse_label_map(&["=host".into()]).is_err());
    }
}
