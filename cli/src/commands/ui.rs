//! `cbctl ui`: opens the web console in a browser with a one-time sign-in link (valid 60 seconds,
//! once), as `nomad ui -authenticate` does; `--print` prints the link alone on stdout instead.

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::auth_service_client::AuthServiceClient;

use super::Context;

/// `cbctl ui` flags.
#[derive(Debug, clap::Args)]
pub struct Ui {
    /// Print the sign-in link alone on stdout instead of opening a browser.
    #[arg(long)]
    print: bool,
}

pub async fn run(ctx: &Context, ui: Ui) -> anyhow::Result<()> {
    let link = AuthServiceClient::new(ctx.server.connect().await?)
        .create_web_sign_in_link(pb::CreateWebSignInLinkRequest {})
        .await?
        .into_inner();
    if ui.print {
        // The link alone, so `cbctl ui --print | xargs chromium` works.
        crate::output::sink::out_exact(&format!("{}\n", link.url));
        return Ok(());
    }
    if open_browser(&link.url) {
        crate::noteln!(
            "opened the web console in your browser (the sign-in link works once, for 60 seconds)"
        );
    } else {
        crate::noteln!(
            "no browser to open (xdg-open or $BROWSER); open this link within 60 seconds:"
        );
        crate::output::sink::out_exact(&format!("{}\n", link.url));
    }
    Ok(())
}

/// Starts `$BROWSER` or `xdg-open` (`open` on macOS) with `url`; whether one started. The link
/// goes as an argument, never through a shell.
fn open_browser(url: &str) -> bool {
    let mut candidates: Vec<String> = Vec::new();
    if let Ok(browser) = std::env::var("BROWSER")
        && !browser.trim().is_empty()
    {
        candidates.push(browser);
    }
    candidates.push(
        if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        }
        .to_string(),
    );
    candidates.into_iter().any(|program| {
        std::process::Command::new(program)
            .arg(url)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .is_ok()
    })
}
