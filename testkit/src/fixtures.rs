//! Ready-made fleets for tests that share a shape.

use crate::checks::{launch_gpu_run, wait_agents_online, wait_for_job};
use crate::process::{AgentProcess, ControllerOptions, ControllerProcess, Pki};

/// Makes the stand-in NVML's `gpu_report` take 4 seconds (see `testkit/nvml/`), long enough to kill
/// or cut something while the job runs.
pub const SLOW_GPU: (&str, &str) = ("FAKE_NVML_UTILIZATION_DELAY_MS", "4000");

/// A controller on its own PostgreSQL and one agent whose `gpu_report` jobs are slow, online.
pub struct SlowGpuFleet {
    /// The agent.
    pub agent: AgentProcess,
    /// The controller.
    pub controller: ControllerProcess,
    /// The controller's database.
    pub db: String,
    /// The dev PKI.
    pub pki: Pki,
    /// The stand-in NVML library's path.
    pub library: String,
    /// The agent's name.
    pub agent_name: String,
    // Last, so that the processes above stop before their files go.
    /// The test's directory.
    pub dir: tempfile::TempDir,
}

impl SlowGpuFleet {
    /// Starts the controller with `options` and the slow agent `agent_name`, and waits until the
    /// agent is online.
    pub fn start(tag: &str, agent_name: &str, options: ControllerOptions) -> SlowGpuFleet {
        let dir = crate::temp_dir(tag);
        let pki = Pki::init(&dir.path().join("certs"), &[agent_name]);
        let library = crate::nvml::build(dir.path()).display().to_string();
        let controller = ControllerProcess::start_with(dir.path(), &pki, options);
        let link = format!("https://{}", controller.agents);
        let agent = AgentProcess::start_with(
            dir.path(),
            &pki,
            agent_name,
            &[&link],
            &["--nvml-library", &library],
            &[SLOW_GPU],
        );
        wait_agents_online(&pki, &controller, &[agent_name], || {
            agent.process.log_text()
        });
        SlowGpuFleet {
            db: controller.database_url(),
            agent,
            controller,
            pki,
            library,
            agent_name: agent_name.to_string(),
            dir,
        }
    }

    /// Starts the agent again (after its first process died), with `env` (fast when empty).
    pub fn restart_agent(&self, env: &[(&str, &str)]) -> AgentProcess {
        let link = format!("https://{}", self.controller.agents);
        AgentProcess::start_with(
            self.dir.path(),
            &self.pki,
            &self.agent_name,
            &[&link],
            &["--nvml-library", &self.library],
            env,
        )
    }

    /// Launches a `gpu_report` run on the agent and waits until its job is running; returns the
    /// run id.
    pub async fn launch_running_job(&self) -> String {
        let run_id = launch_gpu_run(&self.pki, &self.controller, &self.agent_name);
        wait_for_job(&self.db, "the job running", |s, _| s == "running").await;
        run_id
    }
}
