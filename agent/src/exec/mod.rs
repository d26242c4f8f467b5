//! Commands on this host: only those it declares (`[exec]`, `--allow-command`), run without a
//! shell, in their own process group, under their entry's user, timeout and output cap. The host
//! logs every refusal and every execution itself, whatever the controller records.
//!
//! Architecture invariants: the controller sends a name and arguments, never a path; an
//! undeclared name or an argument outside its slot's pattern is refused before anything starts;
//! no process outlives its command's job (the group is stopped on exit, timeout and cancel).

pub mod catalog;
pub mod output;
pub mod process;

use cyberbrain_tasks::{CommandParams, CommandResult};

pub use catalog::{Catalog, CommandEntry, Refusal};

/// Admits and runs one command task. The error is one line for the job's record: the refusal,
/// or why the command could not start.
pub async fn run_declared(
    catalog: &Catalog,
    task: &CommandParams,
    sink: Option<output::OutputSink>,
) -> Result<CommandResult, String> {
    let entry = match catalog.admit(task) {
        Ok(entry) => entry,
        Err(refusal) => {
            tracing::warn!(command = %task.name, args = ?task.args, reason = %refusal,
                "command refused");
            return Err(format!("refused by the agent: {refusal}"));
        }
    };
    tracing::info!(command = %entry.name, path = %entry.path.display(), args = ?task.args,
        user = entry.user.as_deref().unwrap_or("(the agent's)"), "running declared command");
    let result = process::run(entry, &task.args, sink).await;
    match &result {
        Ok(r) => tracing::info!(command = %entry.name, outcome = %r.outcome(),
            duration_ms = r.duration_ms, output_bytes = r.output_bytes, truncated = r.truncated,
            "command ended"),
        Err(error) => tracing::warn!(command = %entry.name, %error, "command did not start"),
    }
    result
}
