//! The layout of a signed-in caller's pages: navigation by role, sign-out, the main landmark.

use axum::http::StatusCode;
use axum::response::Response;
use maud::{DOCTYPE, Markup, html};

use super::render::{head, html_response};
use super::session::Signed;

/// The navigation: (path, label, the method whose access shows it).
const NAV: &[(&str, &str, &str)] = &[
    ("/", "Overview", "/cyberbrain.v1.RunService/ListRuns"),
    (
        "/agents",
        "Agents",
        "/cyberbrain.v1.FleetService/ListAgents",
    ),
    ("/runs", "Runs", "/cyberbrain.v1.RunService/ListRuns"),
    ("/gpus", "GPUs", "/cyberbrain.v1.RunService/GetRunReport"),
    (
        "/directives",
        "Directives",
        "/cyberbrain.v1.DirectiveService/ListDirectives",
    ),
    (
        "/allowlist",
        "Allowlist",
        "/cyberbrain.v1.AllowlistService/ListAllowlistEntries",
    ),
    ("/usage", "Usage", "/cyberbrain.v1.UsageService/TokenStats"),
    (
        "/audit",
        "Audit",
        "/cyberbrain.v1.AuditService/ListAuditEvents",
    ),
];

/// A whole page for a signed-in caller.
pub fn page(status: StatusCode, title: &str, signed: &Signed, body: Markup) -> Response {
    let markup = html! {
        (DOCTYPE)
        html lang="en" {
            (head(title))
            body {
                a.skip href="#main" { "Skip to content" }
                header {
                    nav aria-label="Main" {
                        span.brand { "Cyberbrain" }
                        ul {
                            @for (path, label, method) in NAV {
                                @if signed.allowed(method) {
                                    li { a href=(path) { (label) } }
                                }
                            }
                        }
                        form.signout method="post" action="/logout" {
                            span.who { (signed.caller.name) " (" (signed.caller.role.as_str()) ")" }
                            " "
                            button type="submit" { "Sign out" }
                        }
                    }
                }
                main #main {
                    h1 { (title) }
                    (body)
                }
            }
        }
    };
    html_response(status, markup)
}
