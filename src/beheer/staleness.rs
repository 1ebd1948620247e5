//! Services and contacts by the date they were last checked, the oldest first, with a CSV
//! to send round for checking.
//!
//! A pack's contacts and numbers always carry `checked` (the schema requires it). A sociale
//! kaart service's date is its HSDS `assured_date` (the template's `laatst_gecontroleerd`);
//! where the data gives none it is unknown, never guessed, and counts as stale.

use crate::content::RegionPack;
use crate::i18n::{t, Lang};
use crate::sociale_kaart::model::{CheckedStatement, ServiceRecord};

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
    /// A contact of the region pack (a local team, a service per wijk).
    Contact,
    /// An extra local number of the region pack.
    Number,
    /// A service of the sociale kaart.
    Service,
}

impl RowKind {
    pub fn label(self, lang: Lang) -> String {
        t(lang, match self {
            RowKind::Contact => "beheer.stale.kind.contact",
            RowKind::Number => "beheer.stale.kind.number",
            RowKind::Service => "beheer.stale.kind.service",
        })
    }
}

impl CheckedRow {
    /// "2025-06-01", or "onbekend" / "unknown".
    pub fn checked_text(&self, lang: Lang) -> String {
        match self.checked {
            Some(date) => date.format("%Y-%m-%d").to_string(),
            None => t(lang, "beheer.stale.unknown"),
        }
    }
}

/// Every contact and number of the pack and service of the sociale kaart: the stale ones
/// first (those without a date before the oldest), then by date, oldest first; the same date
/// by name.
pub fn by_last_checked(pack: &RegionPack, records: &[ServiceRecord], today: chrono::NaiveDate) -> Vec<CheckedRow> {
    // The one rule of "more than a year ago", as the sociale kaart shows it to citizens.
    let stale = |checked: Option<chrono::NaiveDate>| {
        let mut probe = ServiceRecord::new("", "");
        probe.assured_date = checked;
        !matches!(probe.checked_statement(today), CheckedStatement::Recent(_))
    };
    let contacts = pack.contacts.iter().map(|contact| CheckedRow {
        kind: RowKind::Contact,
        id: contact.id.clone(),
        name: contact.name.clone(),
        checked: Some(contact.source.checked),
        stale: stale(Some(contact.source.checked)),
        source: contact.source.source.clone(),
    });
    let numbers = pack.numbers.iter().map(|number| CheckedRow {
        kind: RowKind::Number,
        id: number.id.clone(),
        name: number.name.nl.clone(),
        checked: Some(number.source.checked),
        stale: stale(Some(number.source.checked)),
        source: number.source.source.clone(),
    });
    let services = records.iter().map(|record| CheckedRow {
        kind: RowKind::Service,
        id: record.id.clone(),
        name: record.name.clone(),
        checked: record.assured_date,
        stale: stale(record.assured_date),
        source: service_source(record),
    });
    let mut rows: Vec<CheckedRow> = contacts.chain(numbers).chain(services).collect();
    rows.sort_by(|a, b| b.stale.cmp(&a.stale).then(a.checked.cmp(&b.checked)).then_with(|| a.name.cmp(&b.name)));
    rows
}

/// A service's source as the data gives it: its organisation, and the website it links to.
fn service_source(record: &ServiceRecord) -> String {
    let organization = record.organization.as_ref().map(|o| o.name.trim()).filter(|n| !n.is_empty());
    let website = record.website.as_deref().or_else(|| record.organization.as_ref().and_then(|o| o.website.as_deref()));
    match (organization, website) {
        (Some(name), Some(url)) => format!("{name} ({url})"),
        (Some(name), None) => name.to_string(),
        (None, Some(url)) => url.to_string(),
        (None, None) => String::new(),
    }
}

/// The rows as CSV (RFC 4180: comma-separated, quoted where needed, CRLF line ends) with a
/// header in `lang`, for a spreadsheet.
pub fn to_csv(rows: &[CheckedRow], lang: Lang) -> String {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let header = ["kind", "name", "id", "checked", "stale", "source"].map(|column| t(lang, &format!("beheer.stale.column.{column}")));
    let _ = writer.write_record(&header);
    let (yes, no) = (t(lang, "beheer.stale.yes"), t(lang, "beheer.stale.no"));
    for row in rows {
        let stale = if row.stale { &yes } else { &no };
        let _ = writer.write_record([&row.kind.label(lang), &row.name, &row.id, &row.checked_text(lang), stale, &row.source]);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beheer::workspace::Workspace;
    use crate::content::NationalContent;
    use chrono::NaiveDate;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn example_rows(today: NaiveDate) -> Vec<CheckedRow> {
        let checked = Workspace::example().check(&NationalContent::load(), date(2026, 12, 1)).unwrap();
        by_last_checked(checked.pack.as_ref().unwrap(), checked.records(), today)
    }

    #[test]
    fn every_contact_number_and_service_is_listed_the_stale_first_then_oldest_first() {
        let checked = Workspace::example().check(&NationalContent::load(), date(2026, 12, 1)).unwrap();
        let pack = checked.pack.as_ref().unwrap();
        let rows = by_last_checked(pack, checked.records(), date(2026, 12, 1));
        assert_eq!(rows.len(), pack.contacts.len() + pack.numbers.len() + checked.records().len());
        for pair in rows.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            assert!(a.stale >= b.stale, "{a:?} before {b:?}");
            if a.stale == b.stale {
                assert!(a.checked <= b.checked, "{a:?} before {b:?}");
            }
        }
        let contact = rows.iter().find(|r| r.kind == RowKind::Contact && r.id == "buurtteam-noord").unwrap();
        assert_eq!(contact.kind, RowKind::Contact);
        assert_eq!(contact.checked, Some(date(2026, 11, 1)));
        assert!(!contact.stale);
        assert_eq!(contact.source, "Voorbeeld: verzonnen gegevens voor de demoregio");
        assert!(rows.iter().any(|r| r.kind == RowKind::Number));
        // Each service's date is its own assured_date, or none.
        for record in checked.records() {
            let row = rows.iter().find(|r| r.kind == RowKind::Service && r.id == record.id).unwrap();
            assert_eq!(row.checked, record.assured_date);
            assert_eq!(row.stale, !matches!(record.checked_statement(date(2026, 12, 1)), CheckedStatement::Recent(_)));
        }
    }

    #[test]
    fn a_year_and_a_day_is_stale_a_year_is_not_and_no_date_is_stale_first() {
        let mut pack: RegionPack = serde_json::from_str(include_str!("../../public/regions/voorbeeldstad.json")).unwrap();
        pack.contacts.truncate(2);
        pack.numbers.clear();
        pack.contacts[0].source.checked = date(2025, 12, 1);
        pack.contacts[1].source.checked = date(2025, 11, 30);
        let mut dated = ServiceRecord::new("oud", "Oude dienst");
        dated.assured_date = Some(date(2020, 1, 1));
        let undated = ServiceRecord::new("zonder", "Dienst zonder datum");
        let rows = by_last_checked(&pack, &[dated, undated], date(2026, 12, 1));
        let order: Vec<(&str, bool)> = rows.iter().map(|r| (r.id.as_str(), r.stale)).collect();
        assert_eq!(order, vec![("zonder", true), ("oud", true), ("buurtteam-centrum", true), ("buurtteam-noord", false)]);
        assert_eq!(rows[0].checked, None);
        assert_eq!(rows[0].checked_text(Lang::Nl), "onbekend");
        assert_eq!(rows[0].checked_text(Lang::En), "unknown");
    }

    #[test]
    fn a_service_names_its_organisation_and_website_as_its_source() {
        let mut record = ServiceRecord::new("s", "Dienst");
        assert_eq!(service_source(&record), "");
        record.website = Some("https://dienst.example".into());
        assert_eq!(service_source(&record), "https://dienst.example");
        record.organization = Some(crate::sociale_kaart::model::Organization {
            id: None,
            name: "Stichting Voorbeeld".into(),
            description: None,
            website: None,
            email: None,
            phones: Vec::new(),
        });
        assert_eq!(service_source(&record), "Stichting Voorbeeld (https://dienst.example)");
    }

    #[test]
    fn the_csv_has_a_header_in_the_editors_language_and_quotes_per_rfc_4180() {
        let rows = vec![CheckedRow {
            kind: RowKind::Service,
            id: "s-1".into(),
            name: "Hulp, \"thuis\" en meer".into(),
            checked: None,
            stale: true,
            source: "Regel 1\nRegel 2".into(),
        }];
        let nl = to_csv(&rows, Lang::Nl);
        let header_nl = ["kind", "name", "id", "checked", "stale", "source"].map(|c| t(Lang::Nl, &format!("beheer.stale.column.{c}"))).join(",");
        assert!(nl.starts_with(&format!("{header_nl}\r\n")), "{nl}");
        let body = format!(
            "{},\"Hulp, \"\"thuis\"\" en meer\",s-1,{},{},\"Regel 1\nRegel 2\"\r\n",
            t(Lang::Nl, "beheer.stale.kind.service"),
            t(Lang::Nl, "beheer.stale.unknown"),
            t(Lang::Nl, "beheer.stale.yes")
        );
        assert_eq!(nl, format!("{header_nl}\r\n{body}"));
        let en = to_csv(&rows, Lang::En);
        assert!(en.starts_with("Kind,Name,"), "{en}");
        assert_ne!(nl.lines().next(), en.lines().next());
        // Read back by a CSV reader, every field is what it was.
        let mut reader = csv::Reader::from_reader(nl.as_bytes());
        let record = reader.records().next().unwrap().unwrap();
        assert_eq!(&record[1], "Hulp, \"thuis\" en meer");
        assert_eq!(&record[5], "Regel 1\nRegel 2");
    }

    #[test]
    fn the_example_as_csv_has_one_line_per_row() {
        let rows = example_rows(date(2026, 12, 1));
        let csv = to_csv(&rows, Lang::Nl);
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        assert_eq!(reader.records().count(), rows.len());
    }
}
