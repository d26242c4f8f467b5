//! Alert notifications (Alertmanager's webhook payload version 4; Grafana alerting sends the same
//! shape): the de-duplication key and the agents the alert's labels select.

use std::collections::BTreeMap;

use serde::Deserialize;

use cyberbrain_model::fleet::TargetSelector;

/// The parts of a notification read here; everything else is ignored.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AlertNotification {
    /// `firing` or `resolved`.
    #[serde(default)]
    pub status: String,
    /// Identifies the alert group.
    #[serde(default)]
    pub group_key: String,
    /// Labels all alerts of the group share.
    #[serde(default)]
    pub common_labels: BTreeMap<String, String>,
    /// The alerts.
    #[serde(default)]
    pub alerts: Vec<Alert>,
}

/// One alert.
#[derive(Debug, Deserialize)]
pub struct Alert {
    /// Identifies the alert (its label set).
    #[serde(default)]
    pub fingerprint: String,
}

impl AlertNotification {
    /// Parses a body; `None` when it is not such a notification (no group key).
    pub fn parse(body: &[u8]) -> Option<AlertNotification> {
        let parsed: AlertNotification = serde_json::from_slice(body).ok()?;
        (!parsed.group_key.is_empty()).then_some(parsed)
    }

    /// The key a repeat of this notification shares: status, group and fingerprints.
    pub fn dedupe_key(&self) -> String {
        let fingerprints: Vec<String> = self.alerts.iter().map(|a| a.fingerprint.clone()).collect();
        cyberbrain_model::triggers::alert_dedupe_key(&self.status, &self.group_key, &fingerprints)
    }

    /// The agents selected through `mapping` (alert label → agent label): only mapped labels are
    /// read, and only from the labels every alert of the group shares. `Ok(None)`: no mapped
    /// label present, use the directive's target. `Err`: a mapped value is not a valid label.
    pub fn target(
        &self,
        mapping: &BTreeMap<String, String>,
    ) -> Result<Option<TargetSelector>, &'static str> {
        let mut wanted = BTreeMap::new();
        for (alert_label, agent_label) in mapping {
            if let Some(value) = self.common_labels.get(alert_label) {
                let (key, value) = cyberbrain_tasks::parse_label(&format!("{agent_label}={value}"))
                    .map_err(|_| "a mapped alert label's value is not a valid agent label")?;
                wanted.insert(key, value);
            }
        }
        Ok((!wanted.is_empty()).then_some(TargetSelector::Labels(wanted)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = r#"{"version":"4","status":"firing","groupKey":"{}:{alertname=\"Disk\"}",
        "commonLabels":{"alertname":"Disk","instance":"db1","zone":"eu"},
        "alerts":[{"fingerprint":"aa","labels":{}},{"fingerprint":"bb"}]}"#;

    #[test]
    fn only_mapped_labels_select_agents() {
        let n = AlertNotification::parse(BODY.as_bytes()).unwrap();
        let mapping = BTreeMap::from([("instance".to_string(), "host".to_string())]);
        let Some(TargetSelector::Labels(labels)) = n.target(&mapping).unwrap() else {
            panic!("labels expected");
        };
        assert_eq!(labels, BTreeMap::from([("host".into(), "db1".into())]));
        assert!(n.target(&BTreeMap::new()).unwrap().is_none());
    }

    #[test]
    fn repeats_share_a_key() {
        let a = AlertNotification::parse(BODY.as_bytes()).unwrap();
        let b = AlertNotification::parse(BODY.replace("firing", "resolved").as_bytes()).unwrap();
        assert_eq!(a.dedupe_key(), a.dedupe_key());
        assert_ne!(a.dedupe_key(), b.dedupe_key());
        assert!(AlertNotification::parse(b"{}").is_none());
    }
}
