//! The one translation layer. UI strings live in `content/ui/` (flat keys, so an editor can fix
//! wording without Rust): `shell.nl.json`/`shell.en.json` for the shell and what every part
//! shares, and one pair per capability (`meldcode.nl.json`, `sociale-kaart.nl.json`, …) so each
//! part's text is found next to its name and travels in its own wasm module.
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

/// One pair of UI text files: `content/ui/<name>.nl.json` and `.en.json`, the shell's or a
/// capability's.
#[derive(Clone, Copy, Debug)]
pub struct UiText {
    pub name: &'static str,
    pub nl: &'static str,
    pub en: &'static str,
}

/// The pair of files `content/ui/<name>.nl.json` and `.en.json`, compiled in.
macro_rules! ui_text {
    ($name:literal) => {
        UiText {
            name: $name,
            nl: include_str!(concat!("../content/ui/", $name, ".nl.json")),
            en: include_str!(concat!("../content/ui/", $name, ".en.json")),
        }
    };
}

pub const SHELL: UiText = ui_text!("shell");
pub const MELDCODE: UiText = ui_text!("meldcode");
pub const SOCIAL_MAP: UiText = ui_text!("sociale-kaart");
pub const ROUTES: UiText = ui_text!("routekaart");
pub const SELF_CHECK: UiText = ui_text!("zelftest");
pub const ADMIN: UiText = ui_text!("beheer");
pub const ADMIN_PREVIEW: UiText = ui_text!("beheer-preview");

/// The text a capability module needs beyond the shell's. Only modules call this, so each
/// wasm module carries its own text and the shell only the shell's. The zelftest's practice
/// cases run the meldcode's decision and its import runs the meldcode's checks, with their text.
pub fn capability_text(capability: &str) -> &'static [UiText] {
    match capability {
        "meldcode" => &[MELDCODE],
        "sociale-kaart" => &[SOCIAL_MAP],
        "routekaart" => &[ROUTES],
        "zelftest" => &[SELF_CHECK, MELDCODE],
        // Beheer previews every capability with its own text.
        "beheer" => &[ADMIN, ADMIN_PREVIEW, ROUTES, SOCIAL_MAP, MELDCODE, SELF_CHECK],
        _ => &[],
    }
}

static ADDED: std::sync::Mutex<Vec<UiText>> = std::sync::Mutex::new(Vec::new());

/// Makes a capability's text available; the module's `mount` calls it before rendering.
pub fn add_text(texts: &[UiText]) {
    if let Ok(mut added) = ADDED.lock() {
        for text in texts {
            if !added.iter().any(|a| a.name == text.name) {
                added.push(*text);
            }
        }
    }
}

/// The files this program reads: natively (the checker, tests) all of them.
fn files() -> Vec<UiText> {
    if cfg!(target_arch = "wasm32") {
        let added = ADDED.lock().map(|a| a.clone()).unwrap_or_default();
        std::iter::once(SHELL).chain(added).collect()
    } else {
        vec![SHELL, MELDCODE, SOCIAL_MAP, ROUTES, SELF_CHECK, ADMIN, ADMIN_PREVIEW]
    }
}

fn table(lang: Lang) -> &'static Table {
    static NL: OnceLock<Table> = OnceLock::new();
    static EN: OnceLock<Table> = OnceLock::new();
    // A broken file degrades to showing its keys, never to a panic.
    let load = || {
        let mut table = Table::new();
        for text in files() {
            let json = if lang == Lang::Nl { text.nl } else { text.en };
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

/// The plural form of `key` for `count`, with `{count}` and `args` filled in. A key with
/// forms has `key.one` (for 1) and `key.other` (for every other number: Dutch and English
/// share these two), and may have `key.zero` for a sentence of its own when there are none
/// ("Geen diensten gevonden"). A key without forms is used as it is, so a text that needs no
/// forms in one language keeps working.
pub fn t_count(lang: Lang, key: &str, count: usize, args: &[(&str, &str)]) -> String {
    let form = plural_key(key, count);
    let number = count.to_string();
    let mut all: Vec<(&str, &str)> = vec![("count", &number)];
    all.extend_from_slice(args);
    t_with(lang, &form, &all)
}

fn plural_key(key: &str, count: usize) -> String {
    let has = |k: &str| table(Lang::Nl).contains_key(k);
    let zero = format!("{key}.zero");
    if count == 0 && has(&zero) {
        return zero;
    }
    let form = format!("{key}.{}", if count == 1 { "one" } else { "other" });
    if has(&form) {
        form
    } else {
        key.to_string()
    }
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

    const ALL: [UiText; 7] = [SHELL, MELDCODE, SOCIAL_MAP, ROUTES, SELF_CHECK, ADMIN, ADMIN_PREVIEW];

    /// The file a text comes from: `content/ui/en.json` for the shell, `content/ui/zelftest.en.json` …
    fn file(text: &UiText, lang: &str) -> String {
        if text.name == SHELL.name { format!("content/ui/{lang}.json") } else { format!("content/ui/{}.{lang}.json", text.name) }
    }

    /// The keys of `a` that `b` lacks, in order: what a failure names instead of two whole lists.
    fn missing_from(a: &[String], b: &[String]) -> Vec<String> {
        a.iter().filter(|key| !b.contains(key)).cloned().collect()
    }

    #[test]
    fn dutch_and_english_have_the_same_keys() {
        let mut differences = Vec::new();
        for text in ALL {
            let (nl, en) = (keys(text.nl), keys(text.en));
            let (no_en, no_nl) = (missing_from(&nl, &en), missing_from(&en, &nl));
            if !no_en.is_empty() {
                differences.push(format!("{} lacks {no_en:?}", file(&text, "en")));
            }
            if !no_nl.is_empty() {
                differences.push(format!("{} lacks {no_nl:?}", file(&text, "nl")));
            }
        }
        assert!(differences.is_empty(), "Dutch and English differ: {differences:#?}");
    }

    #[test]
    fn a_difference_in_keys_names_only_the_keys_that_differ() {
        // Not key-shaped, or the test that every key in the source exists would look for them.
        let nl = ["both".to_string(), "only-nl".to_string(), "also-both".to_string()];
        let en = ["both".to_string(), "also-both".to_string(), "only-en".to_string()];
        assert_eq!(missing_from(&nl, &en), ["only-nl"]);
        assert_eq!(missing_from(&en, &nl), ["only-en"]);
    }

    #[test]
    fn no_key_is_in_two_files() {
        let mut seen: std::collections::BTreeMap<String, String> = std::collections::BTreeMap::new();
        let mut twice = Vec::new();
        for text in ALL {
            for key in keys(text.nl) {
                if let Some(first) = seen.insert(key.clone(), file(&text, "nl")) {
                    twice.push(format!("{key} (in {first} and {})", file(&text, "nl")));
                }
            }
        }
        assert!(twice.is_empty(), "keys defined in more than one file in content/ui: {twice:#?}");
    }

    #[test]
    fn every_key_used_in_the_source_exists() {
        // Every key-shaped string literal ("home.lead") must be in a file the code's module
        // loads, so a typo fails here instead of showing a raw key to a user: the shell's file
        // for shared code, plus the capability's own for a capability folder, all for the
        // native checker. File names and the field paths of region pack messages
        // ("region.name", "meldcode_profile.decider") are not keys.
        let mut missing = Vec::new();
        for path in rust_files(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))) {
            let source = std::fs::read_to_string(&path).unwrap();
            let folder = path.to_string_lossy().replace('\\', "/");
            let texts: Vec<UiText> = if folder.ends_with("bin/meldwijzer-check.rs") {
                ALL.to_vec()
            } else {
                let capability = [("/meldcode/", "meldcode"), ("/sociale_kaart/", "sociale-kaart"), ("/routekaart/", "routekaart"), ("/self_check/", "zelftest"), ("/beheer/", "beheer")]
                    .iter()
                    .find(|(dir, _)| folder.contains(dir))
                    .map(|(_, name)| *name)
                    .unwrap_or("");
                std::iter::once(SHELL).chain(capability_text(capability).iter().copied()).collect()
            };
            let known: Vec<String> = texts.iter().flat_map(|text| keys(text.nl)).collect();
            for literal in source.split('"').skip(1).step_by(2) {
                let plural = |k: &String| k.strip_suffix(".other").is_some_and(|base| base == literal);
                if is_key_shaped(literal) && !known.iter().any(|k| k == literal || plural(k)) {
                    missing.push(format!("{}: {literal}", path.display()));
                }
            }
        }
        missing.sort();
        missing.dedup();
        assert!(missing.is_empty(), "keys missing from the content/ui file their code loads: {missing:#?}");
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
            && !["region", "meldcode_profile", "meldcode_retention", "meldcode_protection"].contains(&first)
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
    fn plural_forms_follow_the_count() {
        assert_eq!(t_count(Lang::Nl, "import.done", 1, &[]), "1 dossier geïmporteerd.");
        assert_eq!(t_count(Lang::Nl, "import.done", 2, &[]), "2 dossiers geïmporteerd.");
        assert_eq!(t_count(Lang::Nl, "import.done", 0, &[]), "0 dossiers geïmporteerd.");
        assert_eq!(t_count(Lang::En, "import.done", 1, &[]), "1 case file imported.");
        assert_eq!(t_count(Lang::En, "import.done", 12, &[]), "12 case files imported.");
        assert_eq!(t_count(Lang::Nl, "social_map.count", 0, &[]), t(Lang::Nl, "social_map.count.zero"));
        assert_eq!(t_count(Lang::Nl, "social_map.count", 1, &[]), "1 dienst gevonden.");
        assert_eq!(t_count(Lang::En, "social_map.count", 59, &[]), "59 services found.");
        assert_eq!(t_count(Lang::Nl, "self_check.imported", 1, &[]), "1 resultaat geïmporteerd.");
        assert_eq!(t_count(Lang::En, "self_check.imported", 3, &[]), "3 results imported.");
        assert_eq!(t_count(Lang::Nl, "keeping.age", 0, &[]), "Vandaag gemaakt");
        assert_eq!(t_count(Lang::Nl, "keeping.age", 1, &[]), "1 dag oud");
        assert_eq!(t_count(Lang::En, "keeping.age", 31, &[]), "31 days old");
        assert_eq!(
            t_count(Lang::Nl, "check.invalid", 1, &[("file", "regio.json")]),
            "regio.json: niet in orde. 1 probleem:"
        );
        assert_eq!(t_count(Lang::En, "import.duplicates", 2, &[("codes", "A, B")]).split('.').next(), Some("2 new case files"));
        let whole = [("file", "a.csv"), ("problem", "Kapot."), ("outcome", "Weggelaten.")];
        assert_eq!(t_count(Lang::En, "social_map.report.group_whole", 1, &whole), "Once in a.csv: Kapot. Weggelaten.");
        assert_eq!(t_count(Lang::En, "social_map.report.group_whole", 3, &whole), "3 times in a.csv: Kapot. Weggelaten.");
        // A key without forms is used as it is, with {count} filled in.
        assert_eq!(t_count(Lang::Nl, "social_map.list.link", 4, &[]), "Mijn lijstje (4)");
    }

    #[test]
    fn every_plural_has_its_other_form_and_no_text_says_s_in_brackets() {
        for text in ALL {
            for (lang, json) in [("nl", text.nl), ("en", text.en)] {
                let keys = keys(json);
                for key in &keys {
                    for form in [".one", ".zero"] {
                        if let Some(base) = key.strip_suffix(form) {
                            let other = format!("{base}.other");
                            assert!(keys.contains(&other), "content/ui/{} ({lang}): {key} without {other}", text.name);
                        }
                    }
                }
                let table: Table = serde_json::from_str(json).unwrap();
                for (key, value) in table {
                    assert!(
                        !value.contains("(s)") && !value.contains("(en)") && !value.contains("/problemen") && !value.contains("/resultaten"),
                        "content/ui/{} ({lang}): {key} picks no form: {value:?}; give it .one and .other",
                        text.name
                    );
                }
            }
        }
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
