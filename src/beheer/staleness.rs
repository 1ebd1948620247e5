//! Services and contacts by the date they were last checked, the oldest first, with a CSV
//! to send round for checking.

use crate::content::RegionPack;
use crate::i18n::Lang;
use crate::sociale_kaart::model::ServiceRecord;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedRow {
    pub kind: RowKind,
    pub id: String,
    pub name: String,
    /// `None` when the data gives no date.
    pub checked: Option<chrono::NaiveDate>,
    /// Checked more than a year before today, or never.
    pub stale: bool,
    /// Where the data says it comes from (a contact's source, a service's organisation or URL).
    pub source: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    Contact,
    Service,
}

/// Every contact of the pack and service of the sociale kaart: the stale ones first, then by
/// date, oldest first.
pub fn by_last_checked(pack: &RegionPack, records: &[ServiceRecord], today: chrono::NaiveDate) -> Vec<CheckedRow> {
    let _ = (pack, records, today);
    Vec::new()
}

/// The rows as CSV with a header in `lang`, for a spreadsheet.
pub fn to_csv(rows: &[CheckedRow], lang: Lang) -> String {
    let _ = (rows, lang);
    String::new()
}
