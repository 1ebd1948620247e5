//! The files an editor opened in Beheer, by name, and what the checker says of them: the
//! same check as `meldwijzer-check` (`content::check`).

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
        Workspace::default()
    }

    /// Adds `file`, replacing one of the same name.
    pub fn open(&mut self, file: OpenedFile) {
        self.files.retain(|f| f.name != file.name);
        self.files.push(file);
    }

    /// The opened file that is a region pack (its JSON has `"format": "meldwijzer-regio"`).
    pub fn pack_name(&self) -> Option<&str> {
        None
    }

    /// The text of the opened file `name`, if it was opened and could be read.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.files.iter().find(|f| f.name == name).and_then(|f| f.text.as_deref().ok())
    }

    /// The checker's verdict on the pack and the files it names (none when no pack is open).
    pub fn check(&self, national: &NationalContent, today: chrono::NaiveDate) -> Option<crate::content::check::Checked> {
        let _ = (national, today);
        None
    }
}
