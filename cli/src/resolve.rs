//! Short ids: a run or an agent named by a unique prefix of its id (or, for agents, of its
//! name), as `git` and `docker` accept them.

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::fleet_service_client::FleetServiceClient;
use cyberbrain_proto::v1::run_service_client::RunServiceClient;

use crate::client::Api;
use crate::exit::UsageError;

/// The shortest prefix accepted, so that a typo does not pick a run at random.
pub const MIN_PREFIX: usize = 4;

/// How many candidates an ambiguous prefix lists.
const SHOWN: usize = 5;

/// The full id of the run that `given` names: a whole id, or a unique prefix of at least
/// [`MIN_PREFIX`] characters, looked up by the controller (`ListRuns.id_prefix`).
pub async fn run_id(client: &mut RunServiceClient<Api>, given: &str) -> anyhow::Result<String> {
    let prefix = given.trim().to_ascii_lowercase();
    if uuid_like(&prefix) {
        return Ok(prefix);
    }
    check_prefix(&prefix, "<ID>", "a run id")?;
    if !prefix.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
        return Err(UsageError(format!(
            "invalid value for '<ID>': a run id has only 0-9, a-f and '-', not {:?}",
            short(given)
        ))
        .into());
    }
    let page = client
        .list_runs(pb::ListRunsRequest {
            page_size: SHOWN as u32 + 1,
            id_prefix: prefix.clone(),
            ..Default::default()
        })
        .await?
        .into_inner();
    let ids: Vec<String> = page.runs.into_iter().map(|r| r.id).collect();
    one_of(ids, &prefix, "run", !page.next_page_token.is_empty())
}

/// The name of the agent that `given` names: its name, or a unique prefix of at least
/// [`MIN_PREFIX`] characters of its name or id.
pub async fn agent_name(
    client: &mut FleetServiceClient<Api>,
    given: &str,
) -> anyhow::Result<String> {
    let agents = client
        .list_agents(pb::ListAgentsRequest {})
        .await?
        .into_inner()
        .agents;
    if agents.iter().any(|a| a.name == given) {
        return Ok(given.to_string());
    }
    check_prefix(given, "<NAME>", "an agent name or id")?;
    let lower = given.to_ascii_lowercase();
    let names: Vec<String> = agents
        .into_iter()
        .filter(|a| a.name.starts_with(given) || a.id.starts_with(&lower))
        .map(|a| a.name)
        .collect();
    one_of(names, given, "agent", false)
}

fn uuid_like(text: &str) -> bool {
    text.len() == 36 && text.parse::<u128>().is_err() && {
        let hex: String = text.chars().filter(|c| *c != '-').collect();
        hex.len() == 32 && hex.chars().all(|c| c.is_ascii_hexdigit())
    }
}

fn check_prefix(prefix: &str, argument: &str, what: &str) -> anyhow::Result<()> {
    if prefix.chars().count() < MIN_PREFIX {
        return Err(UsageError(format!(
            "invalid value {:?} for '{argument}': give {what}, or at least {MIN_PREFIX} \
             characters of it",
            short(prefix)
        ))
        .into());
    }
    Ok(())
}

/// The one match, or an error that says there is none or lists the candidates.
fn one_of(matches: Vec<String>, prefix: &str, what: &str, more: bool) -> anyhow::Result<String> {
    match matches.as_slice() {
        [one] => Ok(one.clone()),
        [] => anyhow::bail!("no {what} matches {:?}", short(prefix)),
        many => {
            let mut shown: Vec<&str> = many.iter().take(SHOWN).map(String::as_str).collect();
            if more || many.len() > SHOWN {
                shown.push("…");
            }
            anyhow::bail!(
                "{:?} matches more than one {what}: {}; give more of it",
                short(prefix),
                shown.join(", ")
            )
        }
    }
}

/// At most 40 characters of a value, for messages.
fn short(text: &str) -> String {
    let mut s: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_shorter_than_four_are_usage_errors() {
        let err = check_prefix("abc", "<ID>", "a run id").unwrap_err();
        assert!(err.downcast_ref::<UsageError>().is_some());
        assert!(err.to_string().contains("<ID>"), "{err}");
        assert!(check_prefix("abcd", "<ID>", "a run id").is_ok());
    }

    #[test]
    fn candidates_are_listed_and_bounded() {
        assert_eq!(one_of(vec!["a1".into()], "a", "run", false).unwrap(), "a1");
        let err = one_of(vec!["abcd1".into(), "abcd2".into()], "abcd", "run", false)
            .unwrap_err()
            .to_string();
        assert!(err.contains("abcd1, abcd2"), "{err}");
        let err = one_of(Vec::new(), "abcd", "run", false)
            .unwrap_err()
            .to_string();
        assert!(err.contains("no run matches"), "{err}");
        assert!(uuid_like("578e6f05-1c2d-4e5f-8a9b-0c1d2e3f4a5b"));
        assert!(!uuid_like("578e6f05"));
    }
}
