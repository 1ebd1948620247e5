//! Content as data: the national default pack (compiled in from `content/national.json`) and
//! the region pack a gemeente publishes. Every number and rule carries its source and the date
//! it was checked. Pure Rust, shared by the app and the `meldwijzer-check` binary.

pub mod check;
pub mod citation;
pub mod validate;
// Defined in the ground layer, which the capabilities import; here for the pack's users.
pub use crate::ground::checks::tel_uri;
pub use crate::ground::contact::{Area, Contact};
pub use crate::ground::limits::{MAX_DATA_FILE_BYTES, MAX_PACK_BYTES, REGION_FORMAT, REGION_VERSION};
pub use crate::ground::problem::{Issue, Problem};
pub use crate::ground::source::{Fact, Source};

use crate::i18n::{Lang, Text};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneNumber {
    pub id: String,
    pub name: Text,
    /// As people read it: "0800-2000".
    pub number: String,
    /// One line on when to call this number.
    pub when: Text,
    /// Shown on every screen, in the safety bar and when the app cannot start. Only the
    /// national pack can set it: a region cannot push its own numbers there.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub on_every_screen: bool,
    #[serde(flatten)]
    pub source: Source,
}

impl PhoneNumber {
    /// `tel:` URI with only digits and a leading plus, whatever the display form.
    pub fn tel_uri(&self) -> String {
        crate::ground::checks::tel_uri(&self.number)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NationalContent {
    pub version: u32,
    /// Neutral site the quick exit leaves to.
    pub exit_url: String,
    /// Generic name for the local team, until a region names its own.
    pub local_team: Text,
    pub numbers: Vec<PhoneNumber>,
    pub facts: Vec<Fact>,
}

pub const NATIONAL_JSON: &str = include_str!("../../content/national.json");

impl NationalContent {
    /// The compiled-in national pack; its validity is guarded by a native test.
    pub fn load() -> NationalContent {
        serde_json::from_str(NATIONAL_JSON).expect("content/national.json is checked by cargo test")
    }

    pub fn number(&self, id: &str) -> Option<&PhoneNumber> {
        self.numbers.iter().find(|n| n.id == id)
    }

    /// The numbers the safety bar shows on every screen, as `national.json` marks them.
    pub fn on_every_screen(&self) -> impl Iterator<Item = &PhoneNumber> {
        self.numbers.iter().filter(|n| n.on_every_screen)
    }

    /// The ids a region pack may not reuse.
    pub fn number_ids(&self) -> Vec<&str> {
        self.numbers.iter().map(|n| n.id.as_str()).collect()
    }
}

/// The region pack format, version 1. Documented in `content/region-pack.schema.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionPack {
    pub format: String,
    pub version: u32,
    pub region: Region,
    /// Extra local numbers; national numbers cannot be replaced by a region.
    #[serde(default)]
    pub numbers: Vec<PhoneNumber>,
    /// Local teams and services, each for the wijken and postcodes it serves.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// The region's wijken, each with its postcodes, written once: a sociale kaart service
    /// whose area names a wijk (as most published data does) covers those postcodes.
    #[serde(default)]
    pub wijken: Vec<Area>,
    /// An organisation's own meldcode details, preset for its professionals (they can change it).
    #[serde(default)]
    pub meldcode_profile: Option<crate::meldcode::profile::Profile>,
    /// How long the organisation lets dossiers stay on a device: a reminder, a deletion.
    #[serde(default)]
    pub meldcode_retention: Option<crate::meldcode::keeping::RetentionPolicy>,
    /// Whether the organisation requires its dossiers encrypted, and when they lock.
    #[serde(default)]
    pub meldcode_protection: Option<crate::meldcode::vault::ProtectionPolicy>,
    /// Local steps the gemeente adds to the national routes, by node id.
    #[serde(default)]
    pub routes: Option<crate::routekaart::model::RegionRoutes>,
    /// The organisation's or gemeente's own zelftest items.
    #[serde(default)]
    pub self_check: Option<crate::self_check::model::RegionSelfCheck>,
    /// The gemeente's sociale kaart: HSDS or spreadsheet files next to this pack.
    #[serde(default)]
    pub social_map: Option<crate::sociale_kaart::source::SocialMapSources>,
    /// Where the app loaded this pack from, so files next to it can be found. Set by the app
    /// after validation; whatever a file says here is ignored.
    #[serde(default)]
    pub loaded_from: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    pub id: String,
    /// "Gemeente Voorbeeldstad"
    pub name: String,
    /// What this gemeente calls its local team: wijkteam, OKT, buurtteam, sociaal team …
    #[serde(default)]
    pub local_team: Option<Text>,
    #[serde(default)]
    pub exit_url: Option<String>,
}

/// What the app shows: the national pack with a valid region pack laid over it.
#[derive(Clone, Debug, PartialEq)]
pub struct Content {
    pub national: NationalContent,
    pub region: Option<RegionPack>,
}

impl Content {
    pub fn new(national: NationalContent, region: Option<RegionPack>) -> Content {
        Content { national, region }
    }

    pub fn number(&self, id: &str) -> Option<&PhoneNumber> {
        self.numbers().find(|n| n.id == id)
    }

    /// National numbers first, then the region's own.
    pub fn numbers(&self) -> impl Iterator<Item = &PhoneNumber> {
        let regional = self.region.iter().flat_map(|r| r.numbers.iter());
        self.national.numbers.iter().chain(regional)
    }

    pub fn local_team(&self, lang: Lang) -> &str {
        self.region
            .as_ref()
            .and_then(|r| r.region.local_team.as_ref())
            .unwrap_or(&self.national.local_team)
            .get(lang)
    }

    pub fn region_name(&self) -> Option<&str> {
        self.region.as_ref().map(|r| r.region.name.as_str())
    }

    /// Every named area the pack knows with its postcodes: its wijken, its contacts' areas,
    /// and the gemeente itself as all of them together.
    pub fn named_areas(&self) -> Vec<(String, Vec<String>)> {
        let Some(region) = &self.region else { return Vec::new() };
        let mut areas: Vec<(String, Vec<String>)> = Vec::new();
        for area in region.wijken.iter().chain(region.contacts.iter().flat_map(|c| &c.areas)) {
            if area.postcodes.is_empty() {
                continue;
            }
            match areas.iter_mut().find(|(name, _)| *name == area.name) {
                Some((_, postcodes)) => postcodes.extend(area.postcodes.iter().filter(|p| !postcodes.contains(p)).cloned().collect::<Vec<_>>()),
                None => areas.push((area.name.clone(), area.postcodes.clone())),
            }
        }
        let all: Vec<String> = areas.iter().flat_map(|(_, p)| p.iter().cloned()).collect();
        if !all.is_empty() {
            areas.push((region.region.name.clone(), all));
        }
        areas
    }

    pub fn contacts(&self) -> &[Contact] {
        self.region.as_ref().map(|r| r.contacts.as_slice()).unwrap_or_default()
    }

    /// The region pack as JSON, handed to capability modules through their slot.
    pub fn region_json(&self) -> String {
        self.region.as_ref().and_then(|r| serde_json::to_string(r).ok()).unwrap_or_default()
    }

    /// The page's own setting wins, then the region's, then the national default.
    pub fn exit_url<'a>(&'a self, page_setting: Option<&'a str>) -> &'a str {
        page_setting
            .filter(|url| crate::ground::checks::is_web_url(url))
            .or_else(|| self.region.as_ref().and_then(|r| r.region.exit_url.as_deref()))
            .unwrap_or(&self.national.exit_url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::validate::parse_region_pack;

    #[test]
    fn national_pack_parses_and_names_a_source_for_everything() {
        let national = NationalContent::load();
        assert!(!national.numbers.is_empty() && !national.facts.is_empty());
        let today = chrono::Utc::now().date_naive();
        for source in national
            .numbers
            .iter()
            .map(|n| &n.source)
            .chain(national.facts.iter().map(|f| &f.source))
        {
            assert!(!source.source.trim().is_empty());
            assert!(source.checked <= today, "checked date in the future: {source:?}");
        }
    }

    #[test]
    fn national_pack_has_the_emergency_numbers_in_both_languages() {
        let national = NationalContent::load();
        let emergency = national.number("112").expect("112");
        assert_eq!(emergency.tel_uri(), "tel:112");
        let veilig_thuis = national.number("veilig-thuis").expect("Veilig Thuis");
        // Its number is content (an editor may change it): only its shape is checked here.
        let uri = veilig_thuis.tel_uri();
        assert!(uri.strip_prefix("tel:").is_some_and(|d| d.len() >= 4 && d.chars().all(|c| c.is_ascii_digit())), "{uri}");
        for number in &national.numbers {
            assert!(number.name.en.is_some() && number.when.en.is_some(), "{}", number.id);
        }
        for fact in &national.facts {
            assert!(fact.title.en.is_some() && fact.text.en.is_some(), "{}", fact.id);
        }
        // The safety bar shows what national.json marks, and that always includes 112.
        let bar: Vec<&str> = national.on_every_screen().map(|n| n.id.as_str()).collect();
        assert!(bar.contains(&"112"), "112 is on every screen: {bar:?}");
    }

    #[test]
    fn the_pack_s_named_areas_are_its_wijken_its_teams_areas_and_the_gemeente_as_a_whole() {
        let national = NationalContent::load();
        let example = crate::content::validate::tests::EXAMPLE;
        let region = parse_region_pack("voorbeeldstad.json", example, &national.number_ids(), chrono::Local::now().date_naive()).unwrap();
        let content = Content::new(national, Some(region));
        let areas = content.named_areas();
        let find = |name: &str| areas.iter().find(|(n, _)| n == name).map(|(_, p)| p.clone());
        assert_eq!(find("Noord"), Some(vec!["3311-3313".to_string()]));
        assert_eq!(find("Havenkwartier"), Some(vec!["3319".to_string()]));
        assert!(find("Gemeente Voorbeeldstad").is_some_and(|all| all.contains(&"3314".to_string()) && all.contains(&"3319".to_string())));
    }

    #[test]
    fn region_renames_the_local_team_and_adds_numbers() {
        let national = NationalContent::load();
        let example = crate::content::validate::tests::EXAMPLE;
        let region = parse_region_pack("voorbeeldstad.json", example, &national.number_ids(), chrono::Local::now().date_naive())
            .expect("example region is valid");
        let content = Content::new(national, Some(region));
        assert_eq!(content.local_team(Lang::Nl), "buurtteam");
        assert_eq!(content.region_name(), Some("Gemeente Voorbeeldstad"));
        assert!(content.number("112").is_some());
        assert!(content.number("voorbeeldstad-huisartsenpost").is_some());
        assert!(!content.contacts().is_empty());
    }

    #[test]
    fn exit_url_prefers_page_then_region_then_national() {
        let national = NationalContent::load();
        let content = Content::new(national.clone(), None);
        assert_eq!(content.exit_url(None), national.exit_url);
        assert_eq!(content.exit_url(Some("javascript:alert(1)")), national.exit_url);
        assert_eq!(content.exit_url(Some("https://nos.nl/")), "https://nos.nl/");
    }
}
