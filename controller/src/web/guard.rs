//! What every console request passes: changes (any method but GET and HEAD) must come from the
//! console's own pages, and every response carries the security headers (`/mcp` and `/hooks`
//! answers too, with a policy for data: `data_headers`).
//!
//! Cross-site request forgery is refused by the browser's own statement of where a request comes
//! from: `Sec-Fetch-Site` must be `same-origin` when sent (every current browser sends it), else
//! `Origin` must be this very origin (`https://` + `Host`). A POST with neither is refused: a
//! script or tool can add the header, a foreign page cannot.

use axum::extract::Request;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, HOST, ORIGIN, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS,
    X_FRAME_OPTIONS,
};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

use super::render;

/// Our script and stylesheet only, from this origin; no inline code, no framing, forms post here.
pub const CONTENT_SECURITY_POLICY_VALUE: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; \
     frame-ancestors 'none'; base-uri 'none'";

/// Refuses cross-site changes, then adds the security headers to whatever answers.
pub async fn check(request: Request, next: Next) -> Response {
    let changes = !matches!(*request.method(), Method::GET | Method::HEAD);
    let mut response = if changes && !same_origin(request.headers()) {
        render::error_page(
            StatusCode::FORBIDDEN,
            "Refused",
            "This change did not come from a page of this console (cross-site request refused). \
             Reload the page and try again.",
        )
    } else {
        next.run(request).await
    };
    add_security_headers(response.headers_mut(), CONTENT_SECURITY_POLICY_VALUE);
    response
}

/// For answers that are data, not pages (`/mcp`, `/hooks`): nothing may load, run or frame.
pub const DATA_CONTENT_SECURITY_POLICY_VALUE: &str =
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/// The console's security headers on the answers beside it (`/mcp`, `/hooks/{id}`), which have
/// their own authentication: never sniffed as HTML, never cached, never framed.
pub async fn data_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    add_security_headers(response.headers_mut(), DATA_CONTENT_SECURITY_POLICY_VALUE);
    response
}

/// The headers every answer of the web listener carries. A `Cache-Control` the handler chose
/// (server-sent events say `no-cache`) is kept.
fn add_security_headers(headers: &mut HeaderMap, csp: &'static str) {
    headers.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(csp));
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers
        .entry(CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    headers.insert(
        "strict-transport-security",
        HeaderValue::from_static("max-age=31536000"),
    );
}

/// Whether the browser says the request comes from this origin.
pub fn same_origin(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        return site.as_bytes() == b"same-origin";
    }
    let (Some(origin), Some(host)) = (headers.get(ORIGIN), headers.get(HOST)) else {
        return false;
    };
    let (Ok(origin), Ok(host)) = (origin.to_str(), host.to_str()) else {
        return false;
    };
    origin
        .strip_prefix("https://")
        .is_some_and(|rest| rest.eq_ignore_ascii_case(host))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn only_this_origin_may_change_things() {
        assert!(same_origin(&headers(&[("sec-fetch-site", "same-origin")])));
        assert!(!same_origin(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(!same_origin(&headers(&[("sec-fetch-site", "same-site")])));
        // Sec-Fetch-Site wins over a matching Origin.
        assert!(!same_origin(&headers(&[
            ("sec-fetch-site", "cross-site"),
            ("origin", "https://console:8443"),
            ("host", "console:8443"),
        ])));
        assert!(same_origin(&headers(&[
            ("origin", "https://console:8443"),
            ("host", "console:8443"),
        ])));
        assert!(!same_origin(&headers(&[
            ("origin", "https://evil.example"),
            ("host", "console:8443"),
        ])));
        assert!(!same_origin(&headers(&[
            ("origin", "http://console:8443"),
            ("host", "console:8443"),
        ])));
        assert!(!same_origin(&headers(&[("host", "console:8443")])));
        assert!(!same_origin(&headers(&[("origin", "null"), ("host", "x")])));
    }
}
