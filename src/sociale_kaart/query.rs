//! A search as it lives in the URL, so it can be bookmarked or sent:
//! `#/sociale-kaart?q=schulden&thema=schulden&open=ja&gebied=3312`.

use super::search::{Area, Filters};
use chrono::NaiveDateTime;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchQuery {
    pub text: String,
    pub theme: Option<String>,
    pub target_group: Option<String>,
    pub age: Option<u8>,
    pub open_now: bool,
    pub language: Option<String>,
    /// As the user typed it: a postcode, wijk or gemeente.
    pub area: String,
    pub free: bool,
    pub without_referral: bool,
}

const YES: &str = "ja";

impl SearchQuery {
    /// The part of a location hash after `?`; unknown or malformed parts are ignored.
    pub fn from_hash(hash: &str) -> SearchQuery {
        let query = hash.split_once('?').map(|(_, q)| q).unwrap_or("");
        let query = query.split('#').next().unwrap_or("");
        let mut search = SearchQuery::default();
        let some = |value: &str| Some(value.trim().to_string()).filter(|v| !v.is_empty());
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            match key.as_ref() {
                "q" => search.text = value.chars().take(200).collect(),
                "thema" => search.theme = some(&value),
                "doelgroep" => search.target_group = some(&value),
                "leeftijd" => search.age = super::model::age_from(&value),
                "open" => search.open_now = value == YES,
                "taal" => search.language = some(&value),
                "gebied" => search.area = value.chars().take(100).collect(),
                "gratis" => search.free = value == YES,
                "zonder-verwijzing" => search.without_referral = value == YES,
                _ => {}
            }
        }
        search
    }

    /// `#/sociale-kaart?…`: this search as a link, from anywhere in the app.
    pub fn href(&self) -> String {
        format!("{}{}", crate::ground::route::Screen::SocialMap.href(), self.to_query_string())
    }

    /// `?q=…&thema=…` with only what is set; empty for an empty search.
    pub fn to_query_string(&self) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        let age = self.age.map(|a| a.to_string());
        let pairs = [
            ("q", Some(self.text.as_str()).filter(|t| !t.trim().is_empty())),
            ("thema", self.theme.as_deref()),
            ("doelgroep", self.target_group.as_deref()),
            ("leeftijd", age.as_deref()),
            ("open", self.open_now.then_some(YES)),
            ("taal", self.language.as_deref()),
            ("gebied", Some(self.area.as_str()).filter(|a| !a.trim().is_empty())),
            ("gratis", self.free.then_some(YES)),
            ("zonder-verwijzing", self.without_referral.then_some(YES)),
        ];
        for (key, value) in pairs {
            if let Some(value) = value {
                query.append_pair(key, value);
            }
        }
        let query = query.finish();
        if query.is_empty() {
            query
        } else {
            format!("?{query}")
        }
    }

    /// The domain filters for this search at local time `now` (for "nu open").
    pub fn filters(&self, now: NaiveDateTime) -> Filters {
        Filters {
            theme: self.theme.clone(),
            target_group: self.target_group.clone(),
            age: self.age,
            open_at: self.open_now.then_some(now),
            language: self.language.clone(),
            area: Area::parse(&self.area),
            free: self.free,
            without_referral: self.without_referral,
        }
    }

    /// Any filter set, apart from the words typed.
    pub fn has_filters(&self) -> bool {
        SearchQuery { text: String::new(), ..self.clone() } != SearchQuery::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_survives_the_round_trip_through_the_url() {
        let search = SearchQuery {
            text: "schuld & opvoeden".into(),
            theme: Some("schulden".into()),
            target_group: Some("ouders".into()),
            age: Some(14),
            open_now: true,
            language: Some("ar".into()),
            area: "3312 AB".into(),
            free: true,
            without_referral: true,
        };
        let hash = search.href();
        assert!(hash.starts_with("#/sociale-kaart?q=schuld+%26+opvoeden&thema=schulden"), "{hash}");
        assert_eq!(SearchQuery::from_hash(&hash), search);
    }

    #[test]
    fn an_empty_search_has_no_query_string() {
        assert_eq!(SearchQuery::default().href(), "#/sociale-kaart");
        assert_eq!(SearchQuery::from_hash("#/sociale-kaart"), SearchQuery::default());
    }

    #[test]
    fn hand_edited_urls_never_break_the_search() {
        let search = SearchQuery::from_hash("#/sociale-kaart?leeftijd=999&open=misschien&onbekend=1&q=%ZZ&thema=");
        assert_eq!(search.age, None);
        assert!(!search.open_now);
        assert_eq!(search.theme, None);
        assert_eq!(search.text, "%ZZ");
        let long = format!("#/sociale-kaart?q={}", "a".repeat(10_000));
        assert_eq!(SearchQuery::from_hash(&long).text.len(), 200);
    }

    #[test]
    fn open_now_uses_the_given_moment_and_the_area_is_parsed() {
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap().and_hms_opt(10, 0, 0).unwrap();
        let search = SearchQuery { open_now: true, area: "3312AB".into(), ..SearchQuery::default() };
        let filters = search.filters(now);
        assert_eq!(filters.open_at, Some(now));
        assert_eq!(filters.area, Some(Area::Postcode(3312)));
        assert!(search.has_filters());
        assert!(!SearchQuery { text: "x".into(), ..SearchQuery::default() }.has_filters());
    }
}
