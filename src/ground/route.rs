//! Screens and their place in the URL. The app keeps its screen in `#/slug` so it works from any
//! path, on a file server without rewrites, and inside a host page without touching the host's
//! own links or history handling (leptos_router would: see README).

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Home,
    /// Burgers: "Ik maak me zorgen over iemand".
    Citizen,
    /// Professionals: "Ik werk met kinderen of gezinnen".
    Professional,
    Meldcode,
    ProfessionalRoutes,
    SocialMap,
    SelfCheck,
    Sources,
    /// A gemeente's editor: check, preview and publish its data (not linked from citizen screens).
    Admin,
    NotFound,
}

const SLUGS: [(Screen, &str); 9] = [
    (Screen::Home, ""),
    (Screen::Citizen, "zorgen"),
    (Screen::Professional, "professional"),
    (Screen::Meldcode, "meldcode"),
    (Screen::ProfessionalRoutes, "routekaart"),
    (Screen::SocialMap, "sociale-kaart"),
    (Screen::SelfCheck, "zelftest"),
    (Screen::Sources, "bronnen"),
    (Screen::Admin, "beheer"),
];

impl Screen {
    pub fn slug(self) -> &'static str {
        SLUGS.iter().find(|(s, _)| *s == self).map(|(_, slug)| *slug).unwrap_or("niet-gevonden")
    }

    pub fn from_slug(slug: &str) -> Screen {
        let slug = slug.trim_matches('/').split('/').next().unwrap_or("");
        SLUGS.iter().find(|(_, s)| *s == slug).map(|(screen, _)| *screen).unwrap_or(Screen::NotFound)
    }

    /// `#/zorgen`; Home is `#/`.
    pub fn href(self) -> String {
        format!("#/{}", self.slug())
    }

    /// The screen a location hash names, or `None` when the hash is not ours (a host page's
    /// own `#section` anchor), in which case the app stays where it is.
    pub fn from_hash(hash: &str) -> Option<Screen> {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        if path.is_empty() {
            return Some(Screen::Home);
        }
        let path = path.strip_prefix('/')?;
        let path = path.split(['?', '#']).next().unwrap_or("");
        Some(Screen::from_slug(path))
    }

    /// `#/meldcode/d-1/3` for `Meldcode` with sub-path `["d-1", "3"]`.
    pub fn href_to(self, sub_path: &[&str]) -> String {
        let mut href = self.href();
        for segment in sub_path {
            href.push('/');
            href.push_str(segment);
        }
        href
    }

    /// The capability module that renders this screen (`scripts/build-capability` builds one
    /// per name), or `None` for the shell's own screens.
    pub fn capability(self) -> Option<&'static str> {
        match self {
            Screen::Meldcode => Some("meldcode"),
            Screen::Citizen | Screen::ProfessionalRoutes => Some("routekaart"),
            Screen::SocialMap => Some("sociale-kaart"),
            Screen::SelfCheck => Some("zelftest"),
            Screen::Admin => Some("beheer"),
            Screen::Home | Screen::Professional | Screen::Sources | Screen::NotFound => None,
        }
    }

    /// Translation key of the screen's title (also its `<h1>`).
    pub fn title_key(self) -> &'static str {
        match self {
            Screen::Home => "title.home",
            Screen::Citizen => "title.citizen",
            Screen::Professional => "title.professional",
            Screen::Meldcode => "title.meldcode",
            Screen::ProfessionalRoutes => "title.professional_routes",
            Screen::SocialMap => "title.social_map",
            Screen::SelfCheck => "title.self_check",
            Screen::Sources => "title.sources",
            Screen::Admin => "title.admin",
            Screen::NotFound => "title.not_found",
        }
    }
}

/// The name scripts/prerender.mjs gives the screen a hash shows: `#/zorgen/kind` is
/// `/zorgen/kind`, the empty hash `/`; `None` for a hash that is not ours (`#contact`) and for
/// one with a query (`#/sociale-kaart?q=jeugd`): what it asks for was not rendered.
pub fn prerender_path(hash: &str) -> Option<String> {
    let path = hash.strip_prefix('#').unwrap_or(hash);
    let path = if path.is_empty() { "/" } else { path };
    if path.contains(['?', '#']) {
        return None;
    }
    path.starts_with('/').then(|| match path.trim_end_matches('/') {
        "" => "/".to_string(),
        trimmed => trimmed.to_string(),
    })
}

/// The segments after the screen's slug: `#/meldcode/d-1/3` gives `["d-1", "3"]`.
pub fn sub_path(hash: &str) -> Vec<String> {
    let path = hash.trim_start_matches('#').trim_start_matches('/');
    let path = path.split(['?', '#']).next().unwrap_or("");
    path.split('/').skip(1).filter(|s| !s.is_empty()).map(String::from).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_round_trips_through_its_hash() {
        for (screen, _) in SLUGS {
            assert_eq!(Screen::from_hash(&screen.href()), Some(screen), "{screen:?}");
        }
    }

    #[test]
    fn a_sub_path_belongs_to_its_screen() {
        let href = Screen::Meldcode.href_to(&["d-1", "3"]);
        assert_eq!(href, "#/meldcode/d-1/3");
        assert_eq!(Screen::from_hash(&href), Some(Screen::Meldcode));
        assert_eq!(sub_path(&href), ["d-1", "3"]);
        assert!(sub_path("#/meldcode").is_empty());
    }

    #[test]
    fn empty_hash_is_home() {
        assert_eq!(Screen::from_hash(""), Some(Screen::Home));
        assert_eq!(Screen::from_hash("#"), Some(Screen::Home));
        assert_eq!(Screen::from_hash("#/"), Some(Screen::Home));
    }

    #[test]
    fn host_anchors_are_left_alone() {
        assert_eq!(Screen::from_hash("#contact"), None);
    }

    #[test]
    fn unknown_slugs_show_not_found_instead_of_nothing() {
        assert_eq!(Screen::from_hash("#/bestaat-niet"), Some(Screen::NotFound));
    }

    #[test]
    fn a_query_after_the_slug_does_not_change_the_screen() {
        assert_eq!(Screen::from_hash("#/sociale-kaart?q=wijkteam"), Some(Screen::SocialMap));
    }

    #[test]
    fn a_hash_names_its_pre_rendered_screen_as_the_build_does() {
        assert_eq!(prerender_path("#/zorgen/kind").as_deref(), Some("/zorgen/kind"));
        assert_eq!(prerender_path("#/sociale-kaart?q=jeugd"), None, "a search was not pre-rendered");
        assert_eq!(prerender_path("#/zorgen/").as_deref(), Some("/zorgen"));
        assert_eq!(prerender_path("").as_deref(), Some("/"));
        assert_eq!(prerender_path("#/").as_deref(), Some("/"));
        assert_eq!(prerender_path("#contact"), None);
    }
}
