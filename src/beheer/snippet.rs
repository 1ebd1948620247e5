//! The embed snippet for a gemeente's page, with its fallback content and the CSP and CORS
//! lines the README prescribes.

use crate::i18n::Lang;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    /// The start view's slug: "zorgen", "professional", "sociale-kaart" …
    pub view: String,
    pub lang: Lang,
    /// Where the gemeente publishes its region pack; empty for the national default.
    pub region_url: String,
    /// Where "Snel weg" leads; empty for the pack's or the app's default.
    pub exit_url: String,
    /// Where the app's files (`embed.js`) are hosted: "/hulp/meldwijzer/".
    pub app_url: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// The `<div data-meldwijzer …>` with fallback content, and the `<script>` tag.
    pub html: String,
    /// The page's Content-Security-Policy line.
    pub csp: String,
    /// The CORS header the region pack's host must send, when it is on another origin.
    pub cors: Option<String>,
}

/// What is wrong with one option.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnippetError {
    /// "view", "region_url", "exit_url", "app_url"
    pub field: &'static str,
    /// A key in `content/ui/beheer.*.json`.
    pub key: &'static str,
}

pub fn snippet(options: &EmbedOptions) -> Result<Snippet, Vec<SnippetError>> {
    let _ = options;
    Err(Vec::new())
}
