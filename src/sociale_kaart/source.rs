//! Where a region publishes its sociale kaart: data files next to its region pack, in HSDS 3
//! JSON, the HSDS tabular form (a `datapackage.json` with its CSV tables beside it) or the
//! spreadsheet template. Paths only, never other sites: the app fetches nothing beyond the
//! pack's own server.

use super::import::hsds::HsdsReader;
use super::import::tabular::{table_paths, TableTexts, TabularReader};
use super::import::template::import_csv_after;
use super::import::Import;
use super::model::{Taxonomy, Term};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SocialMapSources {
    pub files: Vec<SourceFile>,
    /// The gemeente's own themes and target groups with their labels in both languages:
    /// added to the default twelve, or renaming one of them by its id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<Term>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target_groups: Vec<Term>,
}

impl SocialMapSources {
    /// The default taxonomy with the pack's own terms laid over it.
    pub fn taxonomy(&self) -> Taxonomy {
        Taxonomy::default().with(&self.themes, &self.target_groups)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceFile {
    pub format: FileFormat,
    /// Relative to the region pack: `sociale-kaart.json`, `data/diensten.csv`.
    pub path: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FileFormat {
    Hsds,
    /// The HSDS tabular form: `path` names the package's `datapackage.json`; the CSV tables it
    /// lists are read relative to it.
    #[serde(rename = "hsds-tabular")]
    HsdsTabular,
    Csv,
}

impl SourceFile {
    /// The name messages use: the last part of the path.
    pub fn name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or(&self.path)
    }

    pub fn import(&self, text: &str, taxonomy: &Taxonomy, today: chrono::NaiveDate) -> Import {
        import_all([(self, text)], &TableTexts::default(), taxonomy, today)
    }

    /// The other files this file needs, beside the region pack, once its `text` is read: the
    /// tables a tabular package lists. A loader fetches them into a [`TableTexts`], leaving
    /// out those that do not exist.
    pub fn tables(&self, text: &str) -> Vec<String> {
        match self.format {
            FileFormat::HsdsTabular => table_paths(&self.path, text),
            FileFormat::Hsds | FileFormat::Csv => Vec::new(),
        }
    }
}

/// All records of all files, in file order; each file's issues name that file. `tables` has
/// the tables of tabular packages (see [`SourceFile::tables`]); the files' dates are held
/// against `today`.
pub fn import_all<'a>(files: impl IntoIterator<Item = (&'a SourceFile, &'a str)>, tables: &'a TableTexts, taxonomy: &'a Taxonomy, today: chrono::NaiveDate) -> Import {
    let mut reader = ImportReader::new(files.into_iter().collect(), tables, taxonomy, today);
    loop {
        if let Some(import) = reader.read(usize::MAX) {
            return import;
        }
    }
}

/// The import of a region's files a slice at a time, so the page can answer its user between
/// slices (see [`HsdsReader`], [`TabularReader`]); a CSV file is read in one go.
pub struct ImportReader<'a> {
    files: std::vec::IntoIter<(&'a SourceFile, &'a str)>,
    tables: &'a TableTexts,
    current: Option<Current<'a>>,
    taxonomy: &'a Taxonomy,
    today: chrono::NaiveDate,
    all: Import,
}

/// The file being read a slice at a time.
enum Current<'a> {
    Hsds(HsdsReader<'a>),
    Tabular(TabularReader<'a>),
}

impl<'a> ImportReader<'a> {
    /// The ids of the services read so far: a service in two of a region's files is shown once.
    fn known_ids(&self) -> rustc_hash::FxHashSet<String> {
        self.all.records.iter().map(|r| r.id.clone()).collect()
    }

    pub fn new(files: Vec<(&'a SourceFile, &'a str)>, tables: &'a TableTexts, taxonomy: &'a Taxonomy, today: chrono::NaiveDate) -> Self {
        ImportReader { files: files.into_iter(), tables, current: None, taxonomy, today, all: Import::default() }
    }

    /// Reads about `services` more services; every record and issue once all files are read.
    pub fn read(&mut self, services: usize) -> Option<Import> {
        let mut left = services;
        while left > 0 {
            let import = match &mut self.current {
                Some(reader) => {
                    let read = match reader {
                        Current::Hsds(reader) => reader.read(left),
                        Current::Tabular(reader) => reader.read(left),
                    };
                    match read {
                        Some(import) => import,
                        None => return None,
                    }
                }
                None => match self.files.next() {
                    None => return Some(std::mem::take(&mut self.all)),
                    Some((file, text)) => match file.format {
                        FileFormat::Hsds => {
                            self.current = Some(Current::Hsds(HsdsReader::new(file.name(), text, self.taxonomy, self.today).after(self.known_ids())));
                            continue;
                        }
                        FileFormat::Csv => {
                            left = left.saturating_sub(1);
                            import_csv_after(file.name(), text, self.taxonomy, self.known_ids(), self.today)
                        }
                        FileFormat::HsdsTabular => {
                            // The tables are read here, in one go; their services a slice at a time.
                            left = left.saturating_sub(1);
                            let reader = TabularReader::new(&file.path, text, self.tables, self.taxonomy, self.known_ids(), self.today);
                            self.current = Some(Current::Tabular(reader));
                            continue;
                        }
                    },
                },
            };
            self.current = None;
            self.all.extend(import);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ground::problem::Problem as PackProblem;
    use crate::sociale_kaart::import::{IssueOutcome, Problem};

    #[test]
    fn files_of_both_formats_are_read_together() {
        let hsds = SourceFile { format: FileFormat::Hsds, path: "data/kaart.json".into() };
        let csv = SourceFile { format: FileFormat::Csv, path: "extra.csv".into() };
        let json = include_str!("../../tests/fixtures/sociale-kaart/hsds-example.json");
        let sheet = include_str!("../../tests/fixtures/sociale-kaart/template.csv");
        let taxonomy = Taxonomy::default();
        let mut ids: Vec<String> = hsds.import(json, &taxonomy, crate::sociale_kaart::import::test_today()).records.into_iter().chain(csv.import(sheet, &taxonomy, crate::sociale_kaart::import::test_today()).records).map(|r| r.id).collect();
        ids.sort();
        ids.dedup();
        let both = import_all([(&hsds, json), (&csv, sheet)], &TableTexts::default(), &taxonomy, crate::sociale_kaart::import::test_today());
        assert_eq!(both.records.len(), ids.len(), "each service once, also when both files have it");
        assert!(!ids.is_empty());
        assert!(both.issues.iter().all(|issue| issue.file == "kaart.json" || issue.file == "extra.csv"));
    }

    #[test]
    fn a_tabular_package_is_read_a_slice_at_a_time_after_the_files_before_it() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sociale-kaart");
        let package = SourceFile { format: FileFormat::HsdsTabular, path: "tabular/datapackage.json".into() };
        let text = std::fs::read_to_string(folder.join(&package.path)).unwrap();
        let tables: TableTexts = package.tables(&text).into_iter()
            .filter_map(|path| Some((path.clone(), Ok(std::fs::read_to_string(folder.join(&path)).ok()?)))).collect();
        let json = SourceFile { format: FileFormat::Hsds, path: "tabular-as-json.json".into() };
        let same = include_str!("../../tests/fixtures/sociale-kaart/tabular-as-json.json");
        let taxonomy = Taxonomy::default();
        let whole = import_all([(&package, text.as_str()), (&json, same)], &tables, &taxonomy, crate::sociale_kaart::import::test_today());
        let mut reader = ImportReader::new(vec![(&package, text.as_str()), (&json, same)], &tables, &taxonomy, crate::sociale_kaart::import::test_today());
        let (sliced, slices) = (1..).find_map(|slice| reader.read(1).map(|import| (import, slice))).unwrap();
        assert_eq!(sliced, whole);
        assert!(slices >= 4, "{slices}");
        assert_eq!(whole.records.len(), 4, "the JSON form's services are the package's, shown once");
    }

    #[test]
    fn a_service_in_two_of_a_region_s_files_is_shown_once_and_reported() {
        let hsds = SourceFile { format: FileFormat::Hsds, path: "kaart.json".into() };
        let json = include_str!("../../tests/fixtures/sociale-kaart/hsds-example.json");
        let taxonomy = Taxonomy::default();
        let both = import_all([(&hsds, json), (&hsds, json)], &TableTexts::default(), &taxonomy, crate::sociale_kaart::import::test_today());
        let alone = import_all([(&hsds, json)], &TableTexts::default(), &taxonomy, crate::sociale_kaart::import::test_today());
        assert_eq!(both.records, alone.records, "the second copy adds nothing");
        let repeated: Vec<_> = both.issues.iter().filter(|i| matches!(i.problem, Problem::Pack(PackProblem::DuplicateId { .. }))).collect();
        assert_eq!(repeated.len(), alone.records.len(), "each repeated id is named");
        assert!(repeated.iter().all(|i| i.file == "kaart.json" && i.outcome == IssueOutcome::Skipped));
        // Ids with underscores, as HSDS allows.
        let underscored = import_all([(&hsds, r#"[{"id": "team_noord_01", "name": "Team"}]"#)], &TableTexts::default(), &taxonomy, crate::sociale_kaart::import::test_today());
        assert_eq!(underscored.records[0].id, "team_noord_01");
    }

    #[test]
    fn a_pack_s_own_themes_have_its_labels_in_both_languages_and_raise_no_remark() {
        let sources: SocialMapSources = serde_json::from_value(serde_json::json!({
            "files": [{ "format": "hsds", "path": "kaart.json" }],
            "themes": [{ "id": "mantelzorg", "label": { "nl": "Mantelzorg", "en": "Informal care" } },
                       { "id": "wijkteam", "label": { "nl": "Buurtteam", "en": "Neighbourhood team" } }]
        })).unwrap();
        let taxonomy = sources.taxonomy();
        assert_eq!(taxonomy.theme("mantelzorg").and_then(|t| t.label.en.as_deref()), Some("Informal care"));
        assert_eq!(taxonomy.theme("wijkteam").map(|t| t.label.nl.as_str()), Some("Buurtteam"), "renamed by its id");
        assert_eq!(taxonomy.themes.len(), Taxonomy::default().themes.len() + 1);
        let data = r#"[{"id": "m", "name": "M", "attributes": [{"taxonomy_term": {"code": "Mantelzorg"}}]}]"#;
        let import = import_all([(&sources.files[0], data)], &TableTexts::default(), &taxonomy, crate::sociale_kaart::import::test_today());
        assert_eq!(import.records[0].themes, ["mantelzorg"]);
        assert!(import.issues.is_empty(), "{:?}", import.issues);
    }

    #[test]
    fn the_published_spreadsheet_template_reads_without_a_single_remark() {
        let template = include_str!("../../public/regions/sociale-kaart-sjabloon.csv");
        let header: Vec<&str> = template.lines().next().unwrap().split(';').collect();
        assert_eq!(header, super::super::import::TEMPLATE_COLUMNS);
        let file = SourceFile { format: FileFormat::Csv, path: "sociale-kaart-sjabloon.csv".into() };
        let import = file.import(template, &Taxonomy::default(), crate::sociale_kaart::import::test_today());
        assert!(import.issues.is_empty(), "{:?}", import.issues);
        let record = &import.records[0];
        assert_eq!(record.name, "Buurtteam Noord");
        assert_eq!(record.themes, ["wijkteam", "opvoeden", "huiselijk-geweld"]);
        assert!(record.cost.free == Some(true) && record.referral == Some(false));
        assert!(!record.hours().is_empty());
    }
}
