//! The one translation layer. UI strings live in `content/ui/` (flat keys, so an editor can fix
//! wording without Rust): `nl.json`/`en.json` for the shell and meldcode, and one pair per
//! capability (`sociale-kaart.nl.json`, …) so each part's text is found next to its name.
//! Content strings carry both languages in a `Text`.
//! Pure Rust: the native pack checker prints the same messages as the app.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// Accepts "nl", "NL", "nl-NL", "en-GB"; anything else is not a language we have.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Text in content data: Dutch always, English where the editor wrote it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub nl: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => self.en.as_deref().unwrap_or(&self.nl),
            Lang::Nl => &self.nl,
        }
    }
}

type Table = HashMap<String, String>;

/// Every UI string file as (name, Dutch, English); compiled in and checked by tests.
pub const FILES: [(&str, &str, &str); 4] = [
    ("ui", include_str!("../content/ui/nl.json"), include_str!("../content/ui/en.json")),
    (
        "sociale-kaart",
        include_str!("../content/ui/sociale-kaart.nl.json"),
        include_str!("../content/ui/sociale-kaart.en.json"),
    ),
    (
        "routekaart",
        include_str!("../content/ui/routekaart.nl.json"),
        include_str!("../content/ui/routekaart.en.json"),
    ),
    (
        "zelftest",
        include_str!("../content/ui/zelftest.nl.json"),
        include_str!("../content/ui/zelftest.en.json"),
    ),
];

fn table(lang: Lang) -> &'static Table {
    static NL: OnceLock<Table> = OnceLock::new();
    static EN: OnceLock<Table> = OnceLock::new();
    // A broken file degrades to showing its keys, never to a panic.
    let load = || {
        let mut table = Table::new();
        for (_, nl, en) in FILES {
            let json = if lang == Lang::Nl { nl } else { en };
            table.extend(serde_json::from_str::<Table>(json).unwrap_or_default());
        }
        table
    };
    match lang {
        Lang::Nl => NL.get_or_init(load),
        Lang::En => EN.get_or_init(load),
    }
}

/// The string for `key`; falls back to Dutch, then to the key itself (never panics).
pub fn t(lang: Lang, key: &str) -> String {
    table(lang)
        .get(key)
        .or_else(|| table(Lang::Nl).get(key))
        .cloned()
        .unwrap_or_else(|| key.to_string())
}

/// Like [`t`], with `{name}` placeholders filled in.
pub fn t_with(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    args.iter().fold(t(lang, key), |text, (name, value)| {
        text.replace(&format!("{{{name}}}"), value)
    })
}

/// "22 november 2026" / "22 November 2026": dates in running text.
pub fn long_date(lang: Lang, date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let month = t(lang, &format!("month.{}", date.month()));
    format!("{} {} {}", date.day(), month, date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(json: &str) -> Vec<String> {
        let table: Table = serde_json::from_str(json).expect("locale file is valid JSON");
        let mut keys: Vec<String> = table.into_keys().collect();
        keys.sort();
        keys
    }

    #[test]
    fn dutch_and_english_have_the_same_keys() {
        for (name, nl, en) in FILES {
            assert_eq!(keys(nl), keys(en), "content/ui/{name}: Dutch and English differ");
        }
    }

    #[test]
    fn no_key_is_in_two_files() {
        let mut all: Vec<String> = FILES.iter().flat_map(|(_, nl, _)| keys(nl)).collect();
        let count = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), count, "a key is defined in more than one file in content/ui");
    }

    #[test]
    fn every_key_used_in_the_source_exists() {
        // Every key-shaped string literal ("home.lead") must be in the locale file, so a typo
        // fails here instead of showing a raw key to a user. File names and the field paths
        // of region pack messages ("region.name", "meldcode_profile.decider") are not keys.
        let known: Vec<String> = FILES.iter().flat_map(|(_, nl, _)| keys(nl)).collect();
        let mut missing = Vec::new();
        for path in rust_files(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))) {
            let source = std::fs::read_to_string(&path).unwrap();
            for literal in source.split('"').skip(1).step_by(2) {
                if is_key_shaped(literal) && !known.iter().any(|k| k == literal) {
                    missing.push(format!("{}: {literal}", path.display()));
                }
            }
        }
        missing.sort();
        missing.dedup();
        assert!(missing.is_empty(), "keys missing from content/ui: {missing:#?}");
    }

    fn is_key_shaped(literal: &str) -> bool {
        let mut parts = literal.split('.');
        let first = parts.next().unwrap_or("");
        let rest: Vec<&str> = parts.collect();
        let word = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        let file = ["json", "rs", "html", "css", "js", "txt", "ics", "wasm", "nl", "csv"];
        !rest.is_empty()
            && first.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && word(first)
            && rest.iter().all(|p| word(p))
            && !file.contains(rest.last().unwrap_or(&""))
            && !["region", "meldcode_profile"].contains(&first)
    }

    fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut files = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files.extend(rust_files(&path));
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
        files
    }

    #[test]
    fn missing_key_falls_back_to_the_key_not_a_panic() {
        assert_eq!(t(Lang::En, "no.such.key"), "no.such.key");
    }

    #[test]
    fn placeholders_are_filled() {
        let text = t_with(Lang::Nl, "pack.problem.too_large", &[("size", "30 MB"), ("max", "20 MB")]);
        assert!(text.contains("30 MB") && text.contains("20 MB"), "{text}");
    }

    #[test]
    fn english_text_falls_back_to_dutch() {
        let text = Text { nl: "buurtteam".into(), en: None };
        assert_eq!(text.get(Lang::En), "buurtteam");
    }

    #[test]
    fn language_tags_are_parsed_leniently() {
        assert_eq!(Lang::parse("nl-NL"), Some(Lang::Nl));
        assert_eq!(Lang::parse("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::parse("fy"), None);
    }

    #[test]
    fn long_dates_read_naturally() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(long_date(Lang::Nl, date), "22 november 2026");
        assert_eq!(long_date(Lang::En, date), "22 November 2026");
    }
}
