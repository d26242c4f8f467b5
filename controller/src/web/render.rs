//! The small pieces every page uses, the bare layout and the error pages. maud escapes every interpolated string,
//! so text from agents and containers is always text; `PreEscaped` is used only for the report's
//! HTML, which `markdown` made safe.

use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use maud::{DOCTYPE, Markup, html};

/// A page for someone not signed in (login, errors before sign-in).
pub fn bare_page(status: StatusCode, title: &str, body: Markup) -> Response {
    let markup = html! {
        (DOCTYPE)
        html lang="en" {
            (head(title))
            body {
                header { nav aria-label="Main" { span.brand { "Cyberbrain" } } }
                main #main.narrow {
                    h1 { (title) }
                    (body)
                }
            }
        }
    };
    html_response(status, markup)
}

/// The `<head>` of every page.
pub fn head(title: &str) -> Markup {
    html! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            title { (title) " · Cyberbrain" }
            link rel="stylesheet" href="/assets/style.css";
            script src="/assets/app.js" defer {}
        }
    }
}

/// A rendered page as a response.
pub fn html_response(status: StatusCode, markup: Markup) -> Response {
    (
        status,
        [(CONTENT_TYPE, "text/html; charset=utf-8")],
        markup.into_string(),
    )
        .into_response()
}

/// An error page: what happened and what to do, no internals.
pub fn error_page(status: StatusCode, title: &str, message: &str) -> Response {
    bare_page(
        status,
        title,
        html! {
            p.error role="alert" { (message) }
            p { a href="/" { "Back to the overview" } }
        },
    )
}

/// The 404 page for paths nobody routes.
pub async fn not_found() -> Response {
    error_page(
        StatusCode::NOT_FOUND,
        "Not found",
        "There is no page at this address.",
    )
}

/// A store or domain error as a page: the API's own mapping decides the code and the safe
/// message (internal causes are logged there, never shown).
pub fn store_error(error: impl Into<crate::error::Error>) -> Response {
    status_page(tonic::Status::from(error.into()))
}

/// A gRPC status as a page with the matching HTTP code.
pub fn status_page(status: tonic::Status) -> Response {
    use tonic::Code;
    let (code, title) = match status.code() {
        Code::NotFound => (StatusCode::NOT_FOUND, "Not found"),
        Code::InvalidArgument | Code::OutOfRange => (StatusCode::BAD_REQUEST, "Bad request"),
        Code::FailedPrecondition | Code::AlreadyExists | Code::Aborted => {
            (StatusCode::CONFLICT, "Not possible now")
        }
        Code::PermissionDenied => (StatusCode::FORBIDDEN, "Not allowed"),
        Code::Unauthenticated => (StatusCode::UNAUTHORIZED, "Not signed in"),
        Code::ResourceExhausted => (StatusCode::TOO_MANY_REQUESTS, "Too many requests"),
        Code::Unavailable | Code::DeadlineExceeded | Code::Cancelled => {
            (StatusCode::SERVICE_UNAVAILABLE, "Unavailable")
        }
        Code::Ok | Code::Unknown | Code::Internal | Code::Unimplemented | Code::DataLoss => {
            (StatusCode::INTERNAL_SERVER_ERROR, "Error")
        }
    };
    error_page(code, title, status.message())
}

/// A time shown relative to now, with the absolute UTC time on hover and for machines.
pub fn when(at: DateTime<Utc>) -> Markup {
    let absolute = at.format("%Y-%m-%d %H:%M:%S UTC").to_string();
    html! {
        time datetime=(at.to_rfc3339()) title=(absolute) { (relative(Utc::now(), at)) }
    }
}

/// `at` relative to `now`, in words: "12 s ago", "3 min ago", "in 5 min".
pub fn relative(now: DateTime<Utc>, at: DateTime<Utc>) -> String {
    let seconds = (now - at).num_seconds();
    let (ahead, seconds) = (seconds < 0, seconds.unsigned_abs());
    let amount = match seconds {
        0..=59 => format!("{seconds} s"),
        60..=3599 => format!("{} min", seconds / 60),
        3600..=86_399 => format!("{} h", seconds / 3600),
        _ => format!("{} d", seconds / 86_400),
    };
    if ahead {
        format!("in {amount}")
    } else {
        format!("{amount} ago")
    }
}

/// A status as a badge: the word itself (readable without colour), styled by its class.
pub fn badge(status: &str) -> Markup {
    let class = match status {
        "succeeded" | "online" => "ok",
        "failed" | "lost" | "unreachable" | "revoked" | "critical" => "bad",
        "partially_failed" | "cancelled" | "offline" | "warning" => "warn",
        _ => "busy",
    };
    html! { span class={"badge " (class)} { (status) } }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_words() {
        let now = Utc::now();
        assert_eq!(
            relative(now, now - chrono::TimeDelta::seconds(5)),
            "5 s ago"
        );
        assert_eq!(
            relative(now, now - chrono::TimeDelta::seconds(125)),
            "2 min ago"
        );
        assert_eq!(relative(now, now - chrono::TimeDelta::hours(5)), "5 h ago");
        assert_eq!(relative(now, now + chrono::TimeDelta::days(2)), "in 2 d");
    }

    #[test]
    fn hostile_text_is_escaped() {
        let markup = badge("<script>alert(1)</script>");
        assert!(!markup.into_string().contains("<script>"));
    }
}
