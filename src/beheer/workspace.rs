//! The files an editor opened in Beheer, by name, and what the checker says of them: the
//! same check as `meldwijzer-check` (`content::check`).

use crate::content::check::{check_pack, Checked};
use crate::content::{NationalContent, Problem};

/// A file as the editor chose it: its name and its text, or why it could not be read (too
/// large, not text). Sizes are refused before reading, as in the app.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenedFile {
    pub name: String,
    pub text: Result<String, Problem>,
}

/// Every file opened so far; a file opened again under the same name replaces the first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Workspace {
    pub files: Vec<OpenedFile>,
}

impl Workspace {
    /// The example pack and the sociale kaart files it names, as shipped in `public/regions/`.
    pub fn example() -> Workspace {
        let file = |name: &str, text: &str| OpenedFile { name: name.to_string(), text: Ok(text.to_string()) };
        Workspace {
            files: vec![
                file("voorbeeldstad.json", include_str!("../../public/regions/voorbeeldstad.json")),
                file("voorbeeldstad-sociale-kaart.json", include_str!("../../public/regions/voorbeeldstad-sociale-kaart.json")),
            ],
        }
    }

    /// Adds `file`, replacing one of the same name.
    pub fn open(&mut self, file: OpenedFile) {
        self.files.retain(|f| f.name != file.name);
        self.files.push(file);
    }

    /// The opened file that is a region pack (its JSON has `"format": "meldwijzer-regio"`).
    pub fn pack_name(&self) -> Option<&str> {
        #[derive(serde::Deserialize)]
        struct Format {
            format: String,
        }
        let is_pack = |text: &str| serde_json::from_str::<Format>(text).is_ok_and(|f| f.format == crate::ground::limits::REGION_FORMAT);
        self.files.iter().find(|f| f.text.as_deref().is_ok_and(is_pack)).map(|f| f.name.as_str())
    }

    /// The opened file a pack names by `path` ("data/diensten.csv" is found as "diensten.csv":
    /// a browser gives a chosen file's name, not its folder).
    pub fn file(&self, path: &str) -> Option<&OpenedFile> {
        let name = path.rsplit('/').next().unwrap_or(path);
        self.files.iter().find(|f| f.name == path).or_else(|| self.files.iter().find(|f| f.name == name))
    }

    /// The checker's verdict on the pack and the files it names (none when no pack is open).
    pub fn check(&self, national: &NationalContent, today: chrono::NaiveDate) -> Option<Checked> {
        let name = self.pack_name()?;
        let text = self.file(name)?.text.as_deref().ok()?;
        let read = |path: &str| self.file(path).map(|f| f.text.clone());
        Some(check_pack(name, text, &read, &national.number_ids(), today))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_is_a_valid_pack_with_its_sociale_kaart() {
        let example = Workspace::example();
        assert_eq!(example.pack_name(), Some("voorbeeldstad.json"));
        let checked = example.check(&NationalContent::load(), crate::sociale_kaart::import::test_today()).unwrap();
        assert!(checked.is_valid(), "{:?} {:?}", checked.pack_issues, checked.import.as_ref().map(|i| &i.issues));
        assert!(checked.records().len() > 10);
    }

    #[test]
    fn a_file_the_pack_names_but_not_opened_is_missing_by_name() {
        let mut only_pack = Workspace::default();
        only_pack.open(Workspace::example().files[0].clone());
        let checked = only_pack.check(&NationalContent::load(), crate::sociale_kaart::import::test_today()).unwrap();
        assert_eq!(checked.missing, vec!["voorbeeldstad-sociale-kaart.json".to_string()]);
        assert!(!checked.is_valid());
        assert_eq!(Workspace::default().check(&NationalContent::load(), crate::sociale_kaart::import::test_today()), None);
    }
}
