//! `cbctl ui`: opens the web console in a browser with a one-time sign-in link (valid 60 seconds,
//! once), as `nomad ui -authenticate` does; `--print` prints the link alone on stdout instead.
//!
//! The link is a credential for a minute, and a program's arguments are readable by every local
//! user (`/proc/<pid>/cmdline`, `ps`), so it never goes on the browser's command line. cbctl writes
//! a small page that forwards to the link into a private directory (0700, the file 0600, under
//! `TMPDIR`), opens that file, and removes both once the browser has read it (its access time
//! moves past its write time) or after `--keep-file-seconds`, whichever comes first.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::auth_service_client::AuthServiceClient;

use super::Context;

/// `cbctl ui` flags.
#[derive(Debug, clap::Args)]
pub struct Ui {
    /// Print the sign-in link alone on stdout instead of opening a browser.
    #[arg(long)]
    print: bool,
    /// Seconds the page that forwards the browser to the link may wait to be read before it is
    /// removed (it is removed as soon as it has been read).
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=60))]
    keep_file_seconds: u64,
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
    let page = LinkPage::write(&link.url)?;
    if open_browser(page.path()) {
        crate::noteln!(
            "opened the web console in your browser (the sign-in link works once, for 60 seconds)"
        );
        page.wait_until_read(Duration::from_secs(ui.keep_file_seconds))
            .await;
    } else {
        crate::noteln!(
            "no browser to open (xdg-open or $BROWSER); open this link within 60 seconds:"
        );
        crate::output::sink::out_exact(&format!("{}\n", link.url));
    }
    Ok(())
}

/// The page forwarding to the link, in its own private directory; both go when this is dropped.
struct LinkPage {
    dir: tempfile::TempDir,
    path: PathBuf,
}

impl LinkPage {
    /// Writes the page (the directory is 0700, the file 0600 and new).
    fn write(url: &str) -> anyhow::Result<LinkPage> {
        let dir = tempfile::Builder::new()
            .prefix("cbctl-ui-")
            .tempdir()
            .context("a private directory for the sign-in page")?;
        let path = dir.path().join("sign-in.html");
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
            std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700))?;
            options.mode(0o600);
        }
        let mut file = options
            .open(&path)
            .with_context(|| format!("writing {}", path.display()))?;
        std::io::Write::write_all(&mut file, forwarding_page(url).as_bytes())?;
        file.sync_all()?;
        Ok(LinkPage { dir, path })
    }

    fn path(&self) -> &Path {
        &self.path
    }

    /// Waits until the browser has read the page (its access time passes its write time), at
    /// most `longest`. Where access times are not kept, that is always `longest`.
    async fn wait_until_read(self, longest: Duration) {
        let started = Instant::now();
        while started.elapsed() < longest {
            if was_read(&self.path) {
                // The browser has the page; give it a moment to follow the forward.
                tokio::time::sleep(Duration::from_millis(500)).await;
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        drop(self.dir);
    }
}

/// Whether the file has been read since it was written.
fn was_read(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    match (meta.accessed(), meta.modified()) {
        (Ok(accessed), Ok(modified)) => accessed > modified,
        _ => false,
    }
}

/// A page that forwards to `url` at once, with the link to follow by hand; no referrer is sent.
fn forwarding_page(url: &str) -> String {
    let url = html_escape(url);
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"referrer\" content=\"no-referrer\">\
         <meta http-equiv=\"refresh\" content=\"0;url={url}\">\
         <title>Cyberbrain console</title></head>\n<body><p><a href=\"{url}\">Open the \
         Cyberbrain console</a> (a one-time sign-in link, valid for 60 seconds).</p></body></html>\n"
    )
}

fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Starts `$BROWSER` or `xdg-open` (`open` on macOS) with the page at `path`; whether one started.
/// The path goes as an argument, never through a shell.
fn open_browser(path: &Path) -> bool {
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
            .arg(path)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_forwards_to_the_link_and_is_private() {
        let page = LinkPage::write("https://console:8443/login/link?code=cbl_a_b&x=\"<").unwrap();
        let text = std::fs::read_to_string(page.path()).unwrap();
        assert!(text.contains("url=https://console:8443/login/link?code=cbl_a_b&amp;x=&quot;&lt;"));
        assert!(!text.contains("\"<"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(page.path()), 0o600);
            assert_eq!(mode(page.dir.path()), 0o700);
        }
        let dir = page.dir.path().to_path_buf();
        drop(page);
        assert!(!dir.exists(), "removed with the page");
    }
}
