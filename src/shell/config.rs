//! What a page tells a mount point through `data-*` attributes:
//! `<div data-meldwijzer data-region="…" data-view="sociale-kaart" data-lang="en"
//!       data-exit-url="https://…">`. Region data comes only from here, never from the URL a
//! visitor opened, so a crafted link cannot put false phone numbers on a gemeente's page.

use crate::ground::route::Screen;
use crate::i18n::Lang;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MountConfig {
    pub region_url: Option<String>,
    pub start: Option<Screen>,
    pub lang: Option<Lang>,
    pub exit_url: Option<String>,
    /// The app owns the whole page (our own index.html): it may set the document title.
    pub standalone: bool,
}

impl MountConfig {
    /// `attribute` returns a `data-*` attribute of the mount element; `page_lang` is `<html lang>`.
    pub fn read(attribute: impl Fn(&str) -> Option<String>, page_lang: Option<String>) -> Self {
        let non_empty = |name: &str| attribute(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        MountConfig {
            region_url: non_empty("data-region"),
            // A misspelt view starts at home, not at "page not found".
            start: non_empty("data-view").map(|v| Screen::from_slug(&v)).filter(|s| *s != Screen::NotFound),
            lang: non_empty("data-lang").or(page_lang).and_then(|v| Lang::parse(&v)),
            exit_url: non_empty("data-exit-url"),
            standalone: attribute("data-standalone").is_some(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn read(attrs: &[(&str, &str)], page_lang: Option<&str>) -> MountConfig {
        let map: HashMap<String, String> =
            attrs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        MountConfig::read(|name| map.get(name).cloned(), page_lang.map(String::from))
    }

    #[test]
    fn attributes_configure_region_view_language_and_exit() {
        let config = read(
            &[
                ("data-region", " regio/voorbeeldstad.json "),
                ("data-view", "sociale-kaart"),
                ("data-lang", "en"),
                ("data-exit-url", "https://nos.nl/"),
            ],
            Some("nl"),
        );
        assert_eq!(config.region_url.as_deref(), Some("regio/voorbeeldstad.json"));
        assert_eq!(config.start, Some(Screen::SocialMap));
        assert_eq!(config.lang, Some(Lang::En));
        assert_eq!(config.exit_url.as_deref(), Some("https://nos.nl/"));
        assert!(!config.standalone);
    }

    #[test]
    fn language_falls_back_to_the_host_page() {
        assert_eq!(read(&[], Some("en-GB")).lang, Some(Lang::En));
        assert_eq!(read(&[("data-lang", "")], Some("fr")).lang, None);
    }

    #[test]
    fn every_documented_view_starts_its_screen_and_an_unknown_one_starts_at_home() {
        for slug in ["zorgen", "professional", "meldcode", "routekaart", "sociale-kaart", "zelftest", "bronnen"] {
            let start = read(&[("data-view", slug)], None).start;
            assert_eq!(start.map(Screen::slug), Some(slug));
        }
        assert_eq!(read(&[("data-view", "zorg")], None).start, None);
    }

    #[test]
    fn nothing_configured_is_the_national_default() {
        assert_eq!(read(&[], None), MountConfig::default());
    }
}
