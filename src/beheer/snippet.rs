//! The embed snippet for a gemeente's page, with its fallback content and the CSP and CORS
//! lines the README prescribes ("Embedding on a gemeente website", "Content-Security-Policy").

use crate::content::NationalContent;
use crate::ground::checks::{escape_html, is_web_url, tel_uri};
use crate::ground::limits::MAX_URL_CHARS;
use crate::ground::route::Screen;
use crate::i18n::{t, t_with, Lang};

/// The start views an embed accepts (`data-view`, `shell::config`), home first (no attribute).
pub const VIEWS: [Screen; 8] = [
    Screen::Home,
    Screen::Citizen,
    Screen::Professional,
    Screen::Meldcode,
    Screen::ProfessionalRoutes,
    Screen::SocialMap,
    Screen::SelfCheck,
    Screen::Sources,
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    /// The start view's slug: "zorgen", "professional", "sociale-kaart" …; empty for home.
    pub view: String,
    pub lang: Lang,
    /// Where the gemeente publishes its region pack; empty for the national default.
    pub region_url: String,
    /// Where "Snel weg" leads; empty for the pack's or the app's default.
    pub exit_url: String,
    /// Where the app's files (`embed.js`) are hosted: "/hulp/meldwijzer/".
    pub app_url: String,
}

impl Default for EmbedOptions {
    fn default() -> Self {
        EmbedOptions { view: "zorgen".into(), lang: Lang::Nl, region_url: String::new(), exit_url: String::new(), app_url: "/hulp/meldwijzer/".into() }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// The `<div data-meldwijzer …>` with fallback content, and the `<script>` tag.
    pub html: String,
    /// The page's Content-Security-Policy line.
    pub csp: String,
    /// The CORS headers other origins must send: the app's host (its `.js` and `.wasm`) and
    /// the region pack's host (its `.json` and `.csv`), each only when given as a full address.
    pub cors: Vec<Cors>,
}

/// One host that must send a CORS header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cors {
    /// "https://cdn.voorbeeldstad.nl"
    pub origin: String,
    pub files: CorsFiles,
    /// "Access-Control-Allow-Origin: *"
    pub header: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CorsFiles {
    /// The app's `.js` and `.wasm` files.
    App,
    /// The region pack and the sociale kaart files beside it.
    Region,
}

impl Cors {
    /// "https://data.voorbeeldstad.nl must send this header with the region pack and the
    /// sociale kaart files (.json, .csv): Access-Control-Allow-Origin: *"
    pub fn message(&self, lang: Lang) -> String {
        let key = match self.files {
            CorsFiles::App => "beheer.snippet.cors_app",
            CorsFiles::Region => "beheer.snippet.cors_region",
        };
        t_with(lang, key, &[("origin", &self.origin), ("header", &self.header)])
    }
}

/// What is wrong with one option.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnippetError {
    /// "view", "region_url", "exit_url", "app_url"
    pub field: &'static str,
    /// A key in `content/ui/beheer.*.json`.
    pub key: &'static str,
}

impl SnippetError {
    pub fn message(&self, lang: Lang) -> String {
        t(lang, self.key)
    }
}

/// The header every other origin sends: the files are public, no cookies are sent.
const ALLOW_ANY: &str = "Access-Control-Allow-Origin: *";

/// A URL as the snippet uses it: on the page's own site (a path), or a full address whose
/// origin the CSP and CORS lines must name.
#[derive(Debug, PartialEq, Eq)]
enum Place {
    Relative,
    /// "https://cdn.voorbeeldstad.nl"
    Origin(String),
}

/// `https://…` (or `http://` on this computer, `localhost` or `127.0.0.1`, for a test page),
/// or a path on the page's own site: `/data/regio.json`, `regio.json`.
fn place(url: &str, field: &'static str) -> Result<Place, SnippetError> {
    let bad = |key| SnippetError { field, key };
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        if !is_web_url(url) {
            return Err(bad("beheer.snippet.error.url"));
        }
        let scheme_end = url.find("://").map(|i| i + 3).unwrap_or(0);
        let host = url[scheme_end..].split(['/', '?', '#']).next().unwrap_or("");
        let host_name = host.rsplit_once(':').map(|(name, port)| if port.chars().all(|c| c.is_ascii_digit()) { name } else { host }).unwrap_or(host);
        // A host the CSP line can name as it is: letters, digits, dots, hyphens, a port.
        let plain = !host_name.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || ".-:".contains(c));
        if !plain {
            return Err(bad("beheer.snippet.error.url"));
        }
        let local = matches!(host_name.to_ascii_lowercase().as_str(), "localhost" | "127.0.0.1");
        if lower.starts_with("http://") && !local {
            return Err(bad("beheer.snippet.error.not_https"));
        }
        return Ok(Place::Origin(format!("{}{}", &lower[..scheme_end], host.to_ascii_lowercase())));
    }
    // A path: no other scheme ("javascript:"), no "//host", nothing that is not part of a link.
    let scheme = url.split('/').next().unwrap_or("").contains(':');
    let allowed = url.chars().all(|c| c.is_ascii_graphic() && !"<>\"'`\\".contains(c));
    if scheme || url.starts_with("//") || !allowed || url.len() > MAX_URL_CHARS {
        return Err(bad("beheer.snippet.error.url"));
    }
    Ok(Place::Relative)
}

/// The address of `embed.js` under `app_url`: "/hulp/meldwijzer/" gives
/// "/hulp/meldwijzer/embed.js"; an address ending in ".js" is used as it is.
fn script_src(app_url: &str) -> String {
    if app_url.ends_with(".js") {
        app_url.to_string()
    } else if app_url.ends_with('/') {
        format!("{app_url}embed.js")
    } else {
        format!("{app_url}/embed.js")
    }
}

/// The content a visitor sees until the app starts, and what stays when it cannot: the
/// national numbers on every screen, in the embed's language.
pub fn fallback(national: &NationalContent, lang: Lang) -> String {
    let number = |id: &str| national.numbers.iter().find(|n| n.id == id);
    let link = |n: &crate::content::PhoneNumber| format!("<a href=\"{}\">{}</a>", escape_html(&tel_uri(&n.number)), escape_html(&n.number));
    let mut lines = Vec::new();
    if let Some(n) = number("112") {
        lines.push(t_with(lang, "beheer.snippet.fallback_danger", &[("number", &link(n))]));
    }
    if let Some(n) = number("veilig-thuis") {
        lines.push(t_with(lang, "beheer.snippet.fallback_worried", &[("name", &escape_html(n.name.get(lang))), ("number", &link(n))]));
    }
    lines.iter().map(|line| format!("  <p>{line}</p>\n")).collect()
}

/// The snippet for `options`, or every option to correct.
pub fn snippet(options: &EmbedOptions, national: &NationalContent) -> Result<Snippet, Vec<SnippetError>> {
    let mut errors = Vec::new();
    let view = options.view.trim();
    if !view.is_empty() && !VIEWS.iter().any(|s| s.slug() == view) {
        errors.push(SnippetError { field: "view", key: "beheer.snippet.error.view" });
    }
    let app_url = options.app_url.trim();
    let app = if app_url.is_empty() {
        errors.push(SnippetError { field: "app_url", key: "beheer.snippet.error.app_url_empty" });
        None
    } else {
        place(app_url, "app_url").map_err(|e| errors.push(e)).ok()
    };
    let region_url = options.region_url.trim();
    let region = if region_url.is_empty() { Some(Place::Relative) } else { place(region_url, "region_url").map_err(|e| errors.push(e)).ok() };
    let exit_url = options.exit_url.trim();
    if !exit_url.is_empty() && !is_web_url(exit_url) {
        errors.push(SnippetError { field: "exit_url", key: "beheer.snippet.error.exit_url" });
    }
    let (Some(app), Some(region)) = (app, region) else { return Err(errors) };
    if !errors.is_empty() {
        return Err(errors);
    }

    let mut attributes = Vec::new();
    if !region_url.is_empty() {
        attributes.push(format!("data-region=\"{}\"", escape_html(region_url)));
    }
    let mut line = Vec::new();
    if !view.is_empty() {
        line.push(format!("data-view=\"{}\"", escape_html(view)));
    }
    line.push(format!("data-lang=\"{}\"", options.lang.code()));
    attributes.push(line.join(" "));
    if !exit_url.is_empty() {
        attributes.push(format!("data-exit-url=\"{}\"", escape_html(exit_url)));
    }
    let html = format!(
        "<div data-meldwijzer\n     {}>\n{}</div>\n<script type=\"module\" src=\"{}\"></script>\n",
        attributes.join("\n     "),
        fallback(national, options.lang),
        escape_html(&script_src(app_url)),
    );

    let origin = |place: &Place| match place {
        Place::Origin(origin) => Some(origin.clone()),
        Place::Relative => None,
    };
    let (app_origin, region_origin) = (origin(&app), origin(&region));
    let with = |sources: &[&Option<String>]| {
        let mut list = vec!["'self'".to_string()];
        for source in sources.iter().copied().flatten() {
            if !list.contains(source) {
                list.push(source.clone());
            }
        }
        list.join(" ")
    };
    let csp = format!(
        "Content-Security-Policy: default-src 'self'; script-src {} 'wasm-unsafe-eval'; style-src {}; connect-src {}; img-src 'self' data:; object-src 'none'; base-uri 'self'",
        with(&[&app_origin]),
        with(&[&app_origin]),
        with(&[&app_origin, &region_origin]),
    );
    let mut cors = Vec::new();
    if let Some(origin) = app_origin {
        cors.push(Cors { origin, files: CorsFiles::App, header: ALLOW_ANY.into() });
    }
    if let Some(origin) = region_origin {
        cors.push(Cors { origin, files: CorsFiles::Region, header: ALLOW_ANY.into() });
    }
    Ok(Snippet { html, csp, cors })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(region: &str, app: &str) -> EmbedOptions {
        EmbedOptions { region_url: region.into(), app_url: app.into(), ..EmbedOptions::default() }
    }

    fn made(options: &EmbedOptions) -> Snippet {
        snippet(options, &NationalContent::load()).unwrap()
    }

    fn errors(options: &EmbedOptions) -> Vec<(&'static str, &'static str)> {
        snippet(options, &NationalContent::load()).unwrap_err().into_iter().map(|e| (e.field, e.key)).collect()
    }

    #[test]
    fn on_its_own_site_the_snippet_is_the_readmes_with_the_first_policy_and_no_cors() {
        let snippet = made(&options("/data/meldwijzer-regio.json", "/hulp/meldwijzer/"));
        assert!(snippet.html.starts_with("<div data-meldwijzer\n     data-region=\"/data/meldwijzer-regio.json\"\n     data-view=\"zorgen\" data-lang=\"nl\">\n"), "{}", snippet.html);
        assert!(snippet.html.ends_with("</div>\n<script type=\"module\" src=\"/hulp/meldwijzer/embed.js\"></script>\n"), "{}", snippet.html);
        assert_eq!(
            snippet.csp,
            "Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'"
        );
        assert!(snippet.cors.is_empty());
        assert!(!snippet.csp.contains("unsafe-inline"));
    }

    #[test]
    fn the_fallback_has_the_national_numbers_from_the_content_as_links() {
        let national = NationalContent::load();
        let html = made(&EmbedOptions::default()).html;
        for id in ["112", "veilig-thuis"] {
            let number = national.numbers.iter().find(|n| n.id == id).unwrap();
            assert!(html.contains(&format!("<a href=\"{}\">{}</a>", tel_uri(&number.number), number.number)), "{id}: {html}");
        }
        let english = made(&EmbedOptions { lang: Lang::En, ..EmbedOptions::default() }).html;
        assert!(english.contains("data-lang=\"en\"") && english.contains(t(Lang::En, "beheer.snippet.fallback_danger").split('{').next().unwrap()), "{english}");
    }

    #[test]
    fn other_origins_are_named_in_the_policy_and_get_their_cors_header() {
        let snippet = made(&options("https://data.voorbeeldstad.nl/regio/pack.json", "https://CDN.voorbeeldstad.nl/meldwijzer/"));
        assert!(snippet.csp.contains("script-src 'self' https://cdn.voorbeeldstad.nl 'wasm-unsafe-eval';"), "{}", snippet.csp);
        assert!(snippet.csp.contains("style-src 'self' https://cdn.voorbeeldstad.nl;"), "{}", snippet.csp);
        assert!(snippet.csp.contains("connect-src 'self' https://cdn.voorbeeldstad.nl https://data.voorbeeldstad.nl;"), "{}", snippet.csp);
        let origins: Vec<_> = snippet.cors.iter().map(|c| (c.origin.as_str(), c.files)).collect();
        assert_eq!(origins, [("https://cdn.voorbeeldstad.nl", CorsFiles::App), ("https://data.voorbeeldstad.nl", CorsFiles::Region)]);
        assert!(snippet.cors.iter().all(|c| c.header == "Access-Control-Allow-Origin: *"));
        // The same origin for both is named once.
        let same = made(&options("https://www.voorbeeldstad.nl/regio.json", "https://www.voorbeeldstad.nl/app/"));
        assert!(same.csp.contains("connect-src 'self' https://www.voorbeeldstad.nl;"), "{}", same.csp);
        // Only the region elsewhere: only the data server in connect-src, only its CORS line.
        let data_only = made(&options("https://data.voorbeeldstad.nl:8443/r.json", "/app/embed.js"));
        assert!(data_only.csp.contains("script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' https://data.voorbeeldstad.nl:8443;"), "{}", data_only.csp);
        assert_eq!(data_only.cors.len(), 1);
        assert!(data_only.html.contains("src=\"/app/embed.js\""));
    }

    #[test]
    fn a_test_page_on_this_computer_may_use_http() {
        let snippet = made(&options("http://127.0.0.1:4174/voorbeeldstad.json", "http://127.0.0.1:4175/meldwijzer"));
        assert!(snippet.html.contains("src=\"http://127.0.0.1:4175/meldwijzer/embed.js\""), "{}", snippet.html);
        assert!(snippet.csp.contains("connect-src 'self' http://127.0.0.1:4175 http://127.0.0.1:4174;"), "{}", snippet.csp);
        assert_eq!(errors(&options("http://data.voorbeeldstad.nl/r.json", "/app/")), [("region_url", "beheer.snippet.error.not_https")]);
    }

    #[test]
    fn hostile_or_broken_addresses_are_refused_by_field_and_never_reach_the_snippet() {
        for bad in [
            "javascript:alert(1)",
            "//evil.example/r.json",
            "https://a.nl/\"><script>alert(1)</script>",
            "/r.json\"><script>alert(1)</script>",
            "https://a.nl;script-src *",
            "https://www.voorbeeldstad.nl@evil.example/r.json",
            "data:text/html,x",
            "regio .json",
        ] {
            assert_eq!(errors(&options(bad, "/app/")), [("region_url", "beheer.snippet.error.url")], "{bad}");
            assert_eq!(errors(&options("", bad)).first().map(|e| e.0), Some("app_url"), "{bad}");
        }
        let all = EmbedOptions { view: "beheer".into(), exit_url: "javascript:alert(1)".into(), app_url: " ".into(), ..EmbedOptions::default() };
        assert_eq!(
            errors(&all),
            [("view", "beheer.snippet.error.view"), ("app_url", "beheer.snippet.error.app_url_empty"), ("exit_url", "beheer.snippet.error.exit_url")]
        );
        for e in snippet(&all, &NationalContent::load()).unwrap_err() {
            assert!(!e.message(Lang::Nl).starts_with("beheer."), "{}", e.key);
            assert!(!e.message(Lang::En).starts_with("beheer."), "{}", e.key);
        }
    }

    #[test]
    fn what_the_snippet_writes_is_escaped() {
        assert_eq!(escape_html("<script>alert(\"x\" & 'y')</script>"), "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;");
        let snippet = made(&EmbedOptions { exit_url: "https://nos.nl/?a=1&b=2".into(), region_url: "regio.json?v=1&x=2".into(), ..EmbedOptions::default() });
        assert!(snippet.html.contains("data-exit-url=\"https://nos.nl/?a=1&amp;b=2\""), "{}", snippet.html);
        assert!(snippet.html.contains("data-region=\"regio.json?v=1&amp;x=2\""), "{}", snippet.html);
    }

    #[test]
    fn every_view_an_embed_accepts_is_offered_and_home_needs_no_attribute() {
        for screen in VIEWS {
            let html = made(&EmbedOptions { view: screen.slug().into(), ..EmbedOptions::default() }).html;
            assert_eq!(html.contains("data-view="), screen != Screen::Home, "{html}");
        }
    }
}
