//! The files an editor opened in Beheer, by name, and what the checker says of them: the
//! same check as `meldwijzer-check` (`content::check`).

use crate::content::check::{check_pack, Checked};
use crate::content::{NationalContent, Problem, MAX_DATA_FILE_BYTES};
use crate::ground::limits::{megabytes, MEGABYTE};
use crate::i18n::Lang;

/// A file as the editor chose it: its name and its text, or why it could not be read (too
/// large, not text). Sizes are refused before reading, as in the app.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenedFile {
    pub name: String,
    pub text: Result<String, Problem>,
}

impl OpenedFile {
    /// Its size in bytes: the text's, or the size it was refused for (`None`: unreadable).
    pub fn size(&self) -> Option<usize> {
        match &self.text {
            Ok(text) => Some(text.len()),
            Err(Problem::TooLarge { size, .. }) => Some(*size),
            Err(_) => None,
        }
    }

    /// A chosen file of `size` bytes, refused before reading when it is larger than any file
    /// a pack may name (the pack itself is held to its own, smaller limit by the check).
    pub fn refused_by_size(name: &str, size: usize) -> Option<OpenedFile> {
        (size > MAX_DATA_FILE_BYTES).then(|| OpenedFile { name: name.to_string(), text: Err(Problem::TooLarge { size, max: MAX_DATA_FILE_BYTES }) })
    }
}

/// "12 kB" below a megabyte, else "1,5 MB" (both rounded up, as the size refusals write them).
pub fn size_text(bytes: usize, lang: Lang) -> String {
    if bytes < MEGABYTE {
        crate::i18n::t_with(lang, "beheer.open.size_kb", &[("size", &bytes.div_ceil(1024).max(1).to_string())])
    } else {
        megabytes(bytes, lang)
    }
}

/// What a file's text is, as far as finding the pack goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// JSON that says it is a region pack (`"format": "meldwijzer-region"`).
    Pack,
    /// A JSON object with `format` or `region`: a pack of another format or version.
    OtherPack,
    /// Any other JSON: an HSDS list, a tabular package.
    Other,
    NotJson,
}

/// The shape of `text`, read for its top-level `format` and `region` only: the other values
/// are skipped, not built, so a 20 MB sociale kaart is scanned and not held twice in memory.
fn shape(text: &str) -> Shape {
    use serde_json::error::Category;
    #[derive(serde::Deserialize)]
    struct Probe {
        #[serde(default)]
        format: Option<serde_json::Value>,
        #[serde(default)]
        region: Option<serde::de::IgnoredAny>,
    }
    let of = |format: Option<&serde_json::Value>, region: bool| match format {
        Some(format) if format.as_str() == Some(crate::ground::limits::REGION_FORMAT) => Shape::Pack,
        Some(_) => Shape::OtherPack,
        None if region => Shape::OtherPack,
        None => Shape::Other,
    };
    if !text.trim_start_matches([' ', '\t', '\n', '\r']).starts_with('{') {
        // Not an object (an HSDS list): only whether it is JSON at all.
        return if serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() { Shape::Other } else { Shape::NotJson };
    }
    match serde_json::from_str::<Probe>(text) {
        Ok(probe) => of(probe.format.as_ref(), probe.region.is_some()),
        // An object the probe cannot take (a key twice): read whole, the last of a key winning.
        Err(e) if e.classify() == Category::Data => match serde_json::from_str::<serde_json::Value>(text) {
            Ok(value) => of(value.get("format"), value.get("region").is_some()),
            Err(_) => Shape::NotJson,
        },
        Err(_) => Shape::NotJson,
    }
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

    /// The opened file that is the region pack: the one whose JSON says it is one
    /// (`"format": "meldwijzer-region"`); else one that looks like a pack of another format or
    /// version (a JSON object with `format` or `region`); else a `.json` file that is not a
    /// sociale kaart's (not an HSDS list or a tabular package) and could not be read as JSON,
    /// so a broken pack is still checked, and its problem shown, as the pack the editor chose.
    pub fn pack_name(&self) -> Option<&str> {
        let is_json_name = |file: &OpenedFile| file.name.to_ascii_lowercase().ends_with(".json") && !file.name.eq_ignore_ascii_case("datapackage.json");
        let shapes: Vec<(&OpenedFile, Shape)> = self.files.iter().map(|f| (f, f.text.as_deref().map_or(Shape::NotJson, shape))).collect();
        let first = |wanted: &dyn Fn(&OpenedFile, Shape) -> bool| shapes.iter().find(|(file, shape)| wanted(file, *shape)).map(|(file, _)| file.name.as_str());
        first(&|_, shape| shape == Shape::Pack)
            .or_else(|| first(&|_, shape| shape == Shape::OtherPack))
            .or_else(|| first(&|file, shape| is_json_name(file) && shape == Shape::NotJson))
    }

    /// Removes the file named `name`.
    pub fn remove(&mut self, name: &str) {
        self.files.retain(|f| f.name != name);
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
        let pack = self.files.iter().find(|f| f.name == name)?;
        let text = match &pack.text {
            Ok(text) => text,
            Err(problem) => return Some(Checked::refused(name, problem.clone())),
        };
        // The pack is never one of its own data files, even when it names itself.
        let read = |path: &str| self.file(path).filter(|f| f.name != name).map(|f| f.text.clone());
        Some(check_pack(name, text, &read, &national.number_ids(), today))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_told_apart_by_its_top_level_only() {
        assert_eq!(shape(r#"{"format": "meldwijzer-region", "contacts": [{"x": [1, 2]}]}"#), Shape::Pack);
        assert_eq!(shape(r#" {"region": {"id": "x"}}"#), Shape::OtherPack);
        assert_eq!(shape(r#"{"format": 3}"#), Shape::OtherPack);
        // A key twice: the last one counts, as for the parser that reads the pack.
        assert_eq!(shape(r#"{"format": "oud", "format": "meldwijzer-region"}"#), Shape::Pack);
        assert_eq!(shape(r#"[{"id": "a", "format": "meldwijzer-region"}]"#), Shape::Other);
        assert_eq!(shape(r#"{"services": []}"#), Shape::Other);
        for broken in ["{", "[1,", "", "\u{feff}{}", "{} x"] {
            assert_eq!(shape(broken), Shape::NotJson, "{broken:?}");
        }
    }

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

    fn opened(name: &str, text: &str) -> OpenedFile {
        OpenedFile { name: name.to_string(), text: Ok(text.to_string()) }
    }

    #[test]
    fn a_broken_pack_is_still_the_pack_the_editor_chose() {
        let map = Workspace::example().files[1].clone();
        let today = crate::sociale_kaart::import::test_today();
        // Not JSON at all, opened after the sociale kaart: the one .json file that is not one.
        let mut workspace = Workspace::default();
        workspace.open(map.clone());
        workspace.open(opened("regio.json", "{ \"format\": \"meldwijzer-region\", "));
        assert_eq!(workspace.pack_name(), Some("regio.json"));
        let checked = workspace.check(&NationalContent::load(), today).unwrap();
        assert!(matches!(checked.pack_issues[0].problem, Problem::NotJson { .. }), "{checked:?}");
        assert!(!checked.is_valid());
        // JSON of another format: a pack, not the HSDS list beside it.
        let mut workspace = Workspace::default();
        workspace.open(map.clone());
        workspace.open(opened("regio.json", r#"{ "format": "meldwijzer-regio", "version": 1 }"#));
        assert_eq!(workspace.pack_name(), Some("regio.json"));
        // A pack too large to read is checked as the pack, with the refusal as its issue.
        let mut workspace = Workspace::default();
        workspace.open(OpenedFile { name: "regio.json".into(), text: Err(Problem::TooLarge { size: 30 << 20, max: 20 << 20 }) });
        let checked = workspace.check(&NationalContent::load(), today).unwrap();
        assert_eq!(checked.pack_issues.len(), 1);
        assert!(matches!(checked.pack_issues[0].problem, Problem::TooLarge { .. }));
        // A sociale kaart alone (an HSDS list), or a CSV, is no pack.
        let mut workspace = Workspace::default();
        workspace.open(map);
        workspace.open(opened("diensten.csv", "id,name\n"));
        assert_eq!(workspace.pack_name(), None);
    }

    #[test]
    fn files_are_refused_by_size_before_reading_and_sizes_read_as_people_write_them() {
        assert_eq!(OpenedFile::refused_by_size("kaart.json", MAX_DATA_FILE_BYTES), None);
        let refused = OpenedFile::refused_by_size("kaart.json", MAX_DATA_FILE_BYTES + 1).unwrap();
        assert_eq!(refused.size(), Some(MAX_DATA_FILE_BYTES + 1));
        assert_eq!(size_text(1, Lang::Nl), "1 kB");
        assert_eq!(size_text(1500, Lang::En), "2 kB");
        assert_eq!(size_text(MEGABYTE * 3 / 2, Lang::Nl), "1,5 MB");
    }

    #[test]
    fn a_valid_pack_wins_over_a_broken_json_file_and_files_are_removed_by_name() {
        let mut workspace = Workspace::example();
        workspace.open(opened("kapot.json", "{"));
        assert_eq!(workspace.pack_name(), Some("voorbeeldstad.json"));
        workspace.remove("voorbeeldstad.json");
        assert_eq!(workspace.pack_name(), Some("kapot.json"));
        assert_eq!(workspace.files.len(), 2);
    }
}
