//! The one check of a region pack and the sociale kaart files it names, used by the native
//! checker (`meldwijzer-check`) and by Beheer in the browser: same code, same messages.

use super::{Issue, Problem, RegionPack};
use crate::i18n::Lang;
use crate::sociale_kaart::import::Import;

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
    /// Nothing would be left out: the pack is valid and every record and file was read
    /// (warnings alone pass).
    pub fn is_valid(&self) -> bool {
        false
    }

    /// "312 diensten gelezen, 4 niet, 27 velden weggelaten".
    pub fn summary(&self, lang: Lang) -> String {
        let _ = lang;
        String::new()
    }
}

/// Checks the pack `pack_name` with text `pack_text`; `read` gives the text of a file the pack
/// names (`None`: not there; `Some(Err)`: there but unreadable).
pub fn check_pack(
    pack_name: &str,
    pack_text: &str,
    read: &dyn Fn(&str) -> Option<Result<String, Problem>>,
    national_ids: &[&str],
    today: chrono::NaiveDate,
) -> Checked {
    let _ = (pack_text, read, national_ids, today);
    Checked { pack_name: pack_name.to_string(), pack: None, pack_issues: Vec::new(), missing: Vec::new(), unread: Vec::new(), import: None }
}
