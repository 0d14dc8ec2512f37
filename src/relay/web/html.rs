//! The pages' one shell: a complete, plain, accessible HTML document (language, title,
//! one heading, a main landmark), no scripts, styles or external assets. Callers escape
//! what they put in (`escape`).

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

pub use crate::relay::notify::digest::escape;

/// A page with `status`, `title` (escaped here) and a body of trusted markup.
pub fn page(status: u16, title: &str, body: &str) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let title = escape(title);
    let doc = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title></head><body><main><h1>{title}</h1>{body}</main></body></html>\n"
    );
    (status, Html(doc)).into_response()
}

/// A form that posts `token` back to `action` with one button.
pub fn form(action: &str, token: &str, button: &str) -> String {
    format!(
        "<form method=\"post\" action=\"{}\"><input type=\"hidden\" name=\"t\" value=\"{}\"><button type=\"submit\">{}</button></form>",
        escape(action),
        escape(token),
        escape(button)
    )
}
