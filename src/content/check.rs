//! The one check of a region pack and the sociale kaart files it names, used by the native
//! checker (`meldwijzer-check`) and by Beheer in the browser: same code, same messages.

use super::{Issue, Problem, RegionPack};
use crate::i18n::Lang;
use crate::sociale_kaart::import::tabular::TableTexts;
use crate::sociale_kaart::import::Import;
use crate::sociale_kaart::source::import_all;

/// What the checker says of a pack and its files.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub pack_name: String,
    /// The pack, when it could be read (also when it has cross-reference issues).
    pub pack: Option<RegionPack>,
    /// What is wrong with the pack itself.
    pub pack_issues: Vec<Issue>,
    /// Files the pack names that were not given.
    pub missing: Vec<String>,
    /// Files the pack names that could not be read (too large, not text).
    pub unread: Vec<Issue>,
    /// The sociale kaart as the app would read it; `None` when the pack names no files.
    pub import: Option<Import>,
}

impl Checked {
    /// Nothing would be left out: the pack is valid and every file and record was read
    /// (warnings alone pass).
    pub fn is_valid(&self) -> bool {
        let import_ok = self.import.as_ref().is_none_or(|i| i.more_issues == 0 && i.issues.iter().all(|issue| issue.is_warning()));
        self.pack.is_some() && self.pack_issues.is_empty() && self.missing.is_empty() && self.unread.is_empty() && import_ok
    }

    /// The sociale kaart's records read (none without a sociale kaart).
    pub fn records(&self) -> &[crate::sociale_kaart::model::ServiceRecord] {
        self.import.as_ref().map(|i| i.records.as_slice()).unwrap_or(&[])
    }

    /// A pack that could not be read at all (too large, not text): its one issue.
    pub fn refused(pack_name: &str, problem: Problem) -> Checked {
        Checked {
            pack_name: pack_name.to_string(),
            pack: None,
            pack_issues: vec![Issue { file: pack_name.to_string(), path: String::new(), problem }],
            missing: Vec::new(),
            unread: Vec::new(),
            import: None,
        }
    }

    /// Warnings beside the verdict: a contact of the pack and a service of the sociale kaart
    /// that are the same team with different numbers (each is shown as its own data says).
    pub fn number_conflicts(&self) -> Vec<crate::sociale_kaart::model::NumberConflict<'_>> {
        match &self.pack {
            Some(pack) => crate::sociale_kaart::model::number_conflicts(&pack.contacts, self.records()),
            None => Vec::new(),
        }
    }

    /// The sociale kaart read, as HSDS 3.0 JSON (the checker's `--hsds-out`, Beheer's
    /// download); `None` when the pack names no sociale kaart or could not be read.
    pub fn hsds_json(&self) -> Option<String> {
        let map = self.pack.as_ref()?.social_map.as_ref()?;
        let import = self.import.as_ref()?;
        let value = crate::sociale_kaart::export::to_hsds(&import.records, &import.taxonomy(map.taxonomy()));
        serde_json::to_string_pretty(&value).ok().map(|text| text + "\n")
    }

    /// "312 diensten gelezen, 4 niet, 27 velden weggelaten"; `None` without a sociale kaart.
    pub fn summary(&self, lang: Lang) -> Option<String> {
        self.import.as_ref().map(|i| crate::sociale_kaart::import::summary(i.records.len(), &i.issues, lang))
    }
}

/// Checks the pack `pack_name` with text `pack_text` as the app reads it (same validation,
/// cross-references and sociale kaart import); `read` gives the text of a file the pack names
/// by its path (`None`: not there; `Some(Err)`: there but unreadable or too large).
pub fn check_pack(
    pack_name: &str,
    pack_text: &str,
    read: &dyn Fn(&str) -> Option<Result<String, Problem>>,
    national_ids: &[&str],
    today: chrono::NaiveDate,
) -> Checked {
    let mut checked = Checked { pack_name: pack_name.to_string(), pack: None, pack_issues: Vec::new(), missing: Vec::new(), unread: Vec::new(), import: None };
    let pack = match super::validate::parse_region_pack(pack_name, pack_text, national_ids, today) {
        Ok(pack) => pack,
        Err(issues) => {
            checked.pack_issues = issues;
            return checked;
        }
    };
    checked.pack_issues = super::validate::cross_references(pack_name, &pack);
    if let Some(map) = &pack.social_map {
        let mut texts = Vec::new();
        let mut tables = TableTexts::default();
        for file in &map.files {
            match read(&file.path) {
                None => checked.missing.push(file.path.clone()),
                Some(Err(problem)) => checked.unread.push(Issue { file: file.path.clone(), path: String::new(), problem }),
                Some(Ok(text)) => {
                    // A tabular package's tables; one that is not there is left out (every
                    // table but the services is optional).
                    for table in file.tables(&text) {
                        if let Some(read) = read(&table) {
                            tables.insert(table, read);
                        }
                    }
                    texts.push((file, text));
                }
            }
        }
        checked.import = Some(import_all(texts.iter().map(|(file, text)| (*file, text.as_str())), &tables, &map.taxonomy(), today));
    }
    checked.pack = Some(pack);
    checked
}
