//! The meldcode's texts as data (`content/meldcode.json`): guidance per step, checklists, the
//! five afwegingen, sector routes and what Veilig Thuis does after a melding. Every item names
//! its source, so an editor can correct wording without touching Rust.

use crate::ground::source::{Fact, Source};
use crate::i18n::Text;
use serde::{Deserialize, Serialize};

/// Guidance for one situation: what to do, what not to do, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guide {
    pub id: String,
    pub title: Text,
    pub intro: Text,
    #[serde(default)]
    pub do_list: Vec<Text>,
    #[serde(default)]
    pub dont_list: Vec<Text>,
    pub why: Text,
    #[serde(flatten)]
    pub source: Source,
}

/// One item to tick in a checklist; the dossier stores its `id`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistItem {
    pub id: String,
    pub label: Text,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checklist {
    pub id: String,
    pub title: Text,
    pub items: Vec<ChecklistItem>,
    #[serde(flatten)]
    pub source: Source,
}

/// One of the five afwegingen: the question, its explanation and what to consider.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AfwegingText {
    pub number: u8,
    pub question: Text,
    pub explanation: Text,
    #[serde(default)]
    pub considerations: Vec<Text>,
    #[serde(flatten)]
    pub source: Source,
}

/// A route a sector has besides the meldcode itself (kinderopvang, onderwijs).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectorRoute {
    pub id: String,
    /// Sector ids (see `Sector::id`) that offer this route.
    pub sectors: Vec<String>,
    pub title: Text,
    pub intro: Text,
    pub steps: Vec<Text>,
    #[serde(flatten)]
    pub source: Source,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeldcodeContent {
    pub version: u32,
    /// Exactly five, ids "signalen", "consultatie", "gesprek", "wegen", "beslissen".
    pub steps: Vec<Guide>,
    pub child_signals: Checklist,
    pub parent_signals: Checklist,
    /// Forms of abuse (Baartman 2010), one checklist per group.
    pub abuse_forms: Vec<Checklist>,
    pub kindcheck: Guide,
    pub conversation_tips: Guide,
    /// Exactly five, numbers 1 to 5.
    pub afwegingen: Vec<AfwegingText>,
    /// Where the decisions, meldnormen and actions of each path come from (`engine`).
    pub afwegingskader: Source,
    pub disclosure: Guide,
    pub open_melden: Guide,
    pub sector_routes: Vec<SectorRoute>,
    pub after_melding: Vec<Fact>,
}

pub const MELDCODE_JSON: &str = include_str!("../../content/meldcode.json");

impl MeldcodeContent {
    /// The compiled-in pack; its validity is guarded by a native test.
    pub fn load() -> MeldcodeContent {
        serde_json::from_str(MELDCODE_JSON).expect("content/meldcode.json is checked by cargo test")
    }

    pub fn step(&self, number: u8) -> Option<&Guide> {
        self.steps.get(usize::from(number).checked_sub(1)?)
    }

    pub fn afweging(&self, number: u8) -> Option<&AfwegingText> {
        self.afwegingen.iter().find(|a| a.number == number)
    }

    pub fn routes_for(&self, sector: &str) -> impl Iterator<Item = &SectorRoute> + '_ {
        let sector = sector.to_string();
        self.sector_routes.iter().filter(move |r| r.sectors.contains(&sector))
    }

    /// Label of a checklist item by id, searching every checklist.
    pub fn item_label(&self, id: &str) -> Option<&Text> {
        self.checklists().flat_map(|c| c.items.iter()).find(|i| i.id == id).map(|i| &i.label)
    }

    pub fn checklists(&self) -> impl Iterator<Item = &Checklist> {
        [&self.child_signals, &self.parent_signals].into_iter().chain(self.abuse_forms.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meldcode::Sector;

    #[test]
    fn the_meldcode_pack_is_complete_and_sourced() {
        let content = MeldcodeContent::load();
        let ids: Vec<&str> = content.steps.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["signalen", "consultatie", "gesprek", "wegen", "beslissen"]);
        let numbers: Vec<u8> = content.afwegingen.iter().map(|a| a.number).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5]);
        assert!(content.child_signals.items.len() >= 8);
        assert!(content.parent_signals.items.len() >= 6);
        assert!(content.abuse_forms.len() >= 5);
        assert!(content.after_melding.len() >= 3);
        let today = chrono::Utc::now().date_naive();
        let sources = content
            .steps
            .iter()
            .chain([&content.kindcheck, &content.conversation_tips, &content.disclosure, &content.open_melden])
            .map(|g| &g.source)
            .chain(content.checklists().map(|c| &c.source))
            .chain(content.afwegingen.iter().map(|a| &a.source))
            .chain(content.sector_routes.iter().map(|r| &r.source))
            .chain(content.after_melding.iter().map(|s| &s.source))
            .chain([&content.afwegingskader]);
        for source in sources {
            assert!(!source.source.trim().is_empty() && source.checked <= today, "{source:?}");
        }
    }

    /// What states the afwegingskader names public sources, never an internal note or a line.
    #[test]
    fn the_decision_s_sources_are_public() {
        let content = MeldcodeContent::load();
        let decision = [&content.steps[3].source, &content.steps[4].source, &content.kindcheck.source, &content.disclosure.source, &content.afwegingskader]
            .into_iter()
            .chain(content.afwegingen.iter().map(|a| &a.source));
        for source in decision {
            let text = source.source.to_lowercase();
            assert!(!text.contains("seed") && !text.contains(" r. "), "{source:?}");
            assert!(text.contains("https://"), "{source:?}");
        }
    }

    #[test]
    fn every_text_has_english_and_every_checklist_id_is_unique() {
        let content = MeldcodeContent::load();
        let json: serde_json::Value = serde_json::from_str(MELDCODE_JSON).unwrap();
        fn walk(value: &serde_json::Value, path: &str, missing: &mut Vec<String>) {
            match value {
                serde_json::Value::Object(map) => {
                    if map.contains_key("nl") && !map.contains_key("en") {
                        missing.push(path.to_string());
                    }
                    for (k, v) in map {
                        walk(v, &format!("{path}.{k}"), missing);
                    }
                }
                serde_json::Value::Array(items) => {
                    for (i, v) in items.iter().enumerate() {
                        walk(v, &format!("{path}[{i}]"), missing);
                    }
                }
                _ => {}
            }
        }
        let mut missing = Vec::new();
        walk(&json, "", &mut missing);
        assert!(missing.is_empty(), "texts without English: {missing:#?}");
        let mut ids: Vec<&str> = content.checklists().flat_map(|c| c.items.iter().map(|i| i.id.as_str())).collect();
        let count = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), count, "checklist item ids must be unique");
    }

    #[test]
    fn kinderopvang_and_onderwijs_have_their_extra_routes() {
        let content = MeldcodeContent::load();
        for sector in [Sector::Kinderopvang, Sector::Onderwijs] {
            let routes: Vec<&str> = content.routes_for(sector.id()).map(|r| r.id.as_str()).collect();
            assert!(routes.contains(&"geweld-door-medewerker"), "{sector:?}: {routes:?}");
            assert!(routes.contains(&"seksueel-gedrag-tussen-kinderen"), "{sector:?}: {routes:?}");
        }
        assert_eq!(content.routes_for(Sector::Gezondheidszorg.id()).count(), 0);
    }
}
