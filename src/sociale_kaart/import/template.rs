//! The CSV template: one row per service, as a gemeente employee fills it in a spreadsheet.
//! Comma, semicolon (what Dutch Excel saves) or tab between cells; headers in any case, with
//! or without spaces or apostrophes ("thema's", "Laatst gecontroleerd"). Lists within a cell
//! are separated by semicolons (or commas); opening hours use the compact form of
//! [`parse_compact`]: `ma-vr 09:00-17:00; za 10:00-12:00` or `24/7`.

use super::{Checker, Import, IssueOutcome, Problem, MAX_SERVICES, TEMPLATE_COLUMNS};
use crate::ground::limits::MAX_DATA_FILE_BYTES;
use crate::ground::problem::Problem as PackProblem;
use crate::sociale_kaart::hours::parse_compact;
use crate::sociale_kaart::model::{Address, Location, Organization, ServiceArea, ServiceAtLocation, ServiceRecord, Taxonomy};
use crate::sociale_kaart::fold::fold;

/// Reads the spreadsheet template; its dates are held against `today`.
pub fn import_csv(file: &str, text: &str, taxonomy: &Taxonomy, today: chrono::NaiveDate) -> Import {
    import_csv_after(file, text, taxonomy, Default::default(), today)
}

/// As [`import_csv`], after other files with the services `known` (a repeated id is reported).
pub fn import_csv_after(file: &str, text: &str, taxonomy: &Taxonomy, known: rustc_hash::FxHashSet<String>, today: chrono::NaiveDate) -> Import {
    let mut check = Checker::new(file, taxonomy, today);
    check.known_ids(known);
    if text.len() > MAX_DATA_FILE_BYTES {
        return check.refuse("", Problem::Pack(PackProblem::TooLarge { size: text.len(), max: MAX_DATA_FILE_BYTES }));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut header = csv::StringRecord::new();
    match reader.read_record(&mut header) {
        Ok(true) => {}
        Ok(false) => return check.refuse("", Problem::Pack(PackProblem::Empty)),
        Err(_) => return check.refuse("", Problem::UnreadableRow),
    }
    // Where each known column is; unknown columns are named once and left out.
    let mut position = [None; TEMPLATE_COLUMNS.len()];
    for (i, name) in header.iter().enumerate() {
        match column(&column_key(name)) {
            Some(column) => position[column] = Some(i),
            None if name.trim().is_empty() => {}
            None => check.report(name.trim(), Problem::UnknownColumn, IssueOutcome::Dropped),
        }
    }
    for required in ["id", "naam"] {
        if column(required).and_then(|c| position[c]).is_none() {
            let problem = PackProblem::MissingField { field: required.into() };
            return check.refuse("", Problem::Pack(problem));
        }
    }
    // One row at a time in one reused record: memory stays the size of the widest row, not
    // every row kept with the bounds of the widest (a 185 KB file once took 5 GB).
    let mut row = csv::StringRecord::new();
    let mut count = 0;
    let mut lines = Lines::new(text.as_bytes());
    loop {
        let index = count;
        match reader.read_record(&mut row) {
            Ok(false) => break,
            Ok(true) => count += 1,
            Err(e) => {
                count += 1;
                if index < MAX_SERVICES {
                    check.start_record(index, e.position().map(|p| lines.of(p.byte())), None);
                    check.report("", Problem::UnreadableRow, IssueOutcome::Skipped);
                }
                continue;
            }
        }
        // Past the limit only counted, for the message.
        if index >= MAX_SERVICES {
            continue;
        }
        // Spreadsheets leave rows of empty cells below the data.
        if row.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let cell = |name: &str| {
            let at = column(name).and_then(|c| position[c]);
            at.and_then(|i| row.get(i)).map(str::trim).filter(|c| !c.is_empty())
        };
        check.start_record(index, row.position().map(|p| lines.of(p.byte())), cell("id"));
        if row.len() != header.len() {
            let problem = Problem::CellCount { found: row.len(), expected: header.len() };
            check.report("", problem, IssueOutcome::Skipped);
            continue;
        }
        if let Some(record) = service(&mut check, &cell) {
            check.accept(record);
        }
    }
    if count > MAX_SERVICES {
        return check.refuse("", Problem::TooManyServices { count });
    }
    check.finish()
}

/// The spreadsheet's row number of a byte offset, counted as rows are read (offsets only go
/// up), so naming rows stays linear. After a CRLF line ending (what Excel writes) the csv
/// reader puts a record's start on the `\n` before it, and its own line count is one short.
pub(super) struct Lines<'t> {
    text: &'t [u8],
    at: usize,
    line: u64,
}

impl<'t> Lines<'t> {
    pub(super) fn new(text: &'t [u8]) -> Lines<'t> {
        Lines { text, at: 0, line: 1 }
    }

    pub(super) fn of(&mut self, byte: u64) -> u64 {
        let mut to = (byte as usize).min(self.text.len());
        if self.text.get(to) == Some(&b'\n') {
            to += 1;
        }
        if to > self.at {
            self.line += self.text[self.at..to].iter().filter(|&&b| b == b'\n').count() as u64;
            self.at = to;
        }
        self.line
    }
}

fn column(name: &str) -> Option<usize> {
    TEMPLATE_COLUMNS.iter().position(|c| *c == name)
}

/// "Thema's" → "themas", "Laatst gecontroleerd" → "laatst_gecontroleerd", "E-mail" → "email".
fn column_key(header: &str) -> String {
    let mut key = String::new();
    for c in fold(&header.replace(['\'', '’', '-'], "")).chars() {
        key.push(if c == ' ' { '_' } else { c });
    }
    key.trim_matches('_').to_string()
}

/// The separator that occurs most in the first line.
fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first.bytes().filter(|b| b == d).count())
        .unwrap_or(b',')
}

fn list(value: Option<&str>) -> impl Iterator<Item = &str> {
    value.unwrap_or("").split([';', ',']).map(str::trim).filter(|v| !v.is_empty())
}

fn service<'c>(
    check: &mut Checker,
    cell: &impl Fn(&str) -> Option<&'c str>,
) -> Option<ServiceRecord> {
    let id = check.id("id", cell("id").or(Some("")));
    let name = check.required("naam", cell("naam").or(Some("")));
    let passed = id.is_some() && name.is_some();
    let mut record = ServiceRecord::new(id.unwrap_or_default(), name.unwrap_or_default());
    record.organization = check.text("organisatie", cell("organisatie")).map(|name| Organization {
        id: None,
        name,
        description: None,
        website: None,
        email: None,
        phones: Vec::new(),
    });
    record.description = check.text("omschrijving", cell("omschrijving"));
    // Semicolons only: "(010) 555 01 01" has no comma, but a list of numbers might.
    for number in cell("telefoon").unwrap_or("").split(';').map(str::trim).filter(|n| !n.is_empty())
    {
        record.phones.extend(check.phone("telefoon", number, None, None));
    }
    record.email = check.email("email", cell("email"));
    record.website = check.website("website", cell("website"));
    let address = Address {
        street: check.text("adres", cell("adres")),
        postal_code: check.postal_code("postcode", cell("postcode")),
        city: check.text("plaats", cell("plaats")),
    };
    let accessibility = check.text("toegankelijkheid", cell("toegankelijkheid"));
    let has_address =
        address.street.is_some() || address.postal_code.is_some() || address.city.is_some();
    if has_address || accessibility.is_some() {
        let mut location = Location::at(has_address.then_some(address));
        location.accessibility = accessibility;
        record.locations.push(ServiceAtLocation::at(location));
    }
    for theme in list(cell("themas")) {
        record.themes.extend(check.theme("themas", theme).filter(|id| !record.themes.contains(id)));
    }
    for group in list(cell("doelgroepen")) {
        let found = check.target_group("doelgroepen", group);
        record.target_groups.extend(found.filter(|id| !record.target_groups.contains(id)));
    }
    let min = cell("leeftijd_min").and_then(|v| check.age("leeftijd_min", v));
    let max = cell("leeftijd_max").and_then(|v| check.age("leeftijd_max", v));
    (record.minimum_age, record.maximum_age) = check.age_range("leeftijd_min", min, max);
    record.eligibility = check.text("voorwaarden", cell("voorwaarden"));
    record.cost.free = yes_no(check, "gratis", cell("gratis"));
    record.cost.description = check.text("kosten", cell("kosten"));
    record.referral = yes_no(check, "verwijzing_nodig", cell("verwijzing_nodig"));
    for language in list(cell("talen")) {
        record
            .languages
            .extend(check.language("talen", language).filter(|l| !record.languages.contains(l)));
    }
    if let Some(hours) = cell("openingstijden") {
        match parse_compact(hours) {
            Some(schedules) => record.schedules = schedules,
            None => check.report(
                "openingstijden",
                Problem::BadHours { value: hours.into() },
                IssueOutcome::Dropped,
            ),
        }
    }
    // "Almelo; Rijssen-Holten" is two areas, as every list in a cell is.
    let names: Vec<String> = cell("gebied")
        .map(|v| v.split(';').filter_map(|name| check.text("gebied", Some(name.trim()))).collect())
        .unwrap_or_default();
    let postcodes = cell("gebied_postcodes")
        .map(|v| check.postcodes("gebied_postcodes", v))
        .unwrap_or_default();
    match names.as_slice() {
        [] if postcodes.is_empty() => {}
        [] => record.areas.push(ServiceArea { name: None, postcodes }),
        [one] => record.areas.push(ServiceArea { name: Some(one.clone()), postcodes }),
        several => {
            record.areas.extend(several.iter().map(|name| ServiceArea { name: Some(name.clone()), postcodes: Vec::new() }));
            if !postcodes.is_empty() {
                record.areas.push(ServiceArea { name: None, postcodes });
            }
        }
    }
    record.status = check.status("status", cell("status"));
    record.alert = check.text("melding", cell("melding"));
    record.assured_date = check.date("laatst_gecontroleerd", cell("laatst_gecontroleerd"));
    passed.then_some(record)
}

/// Empty is no; spreadsheets also mark yes with an x.
/// An empty cell says nothing, so it is `None`, not "no".
fn yes_no(check: &mut Checker, field: &str, value: Option<&str>) -> Option<bool> {
    match value.map(str::to_lowercase).as_deref() {
        None => None,
        Some("nee" | "n" | "no" | "onwaar" | "false" | "0") => Some(false),
        Some("ja" | "j" | "yes" | "y" | "waar" | "true" | "1" | "x") => Some(true),
        Some(other) => {
            check.report(field, Problem::BadYesNo { value: other.into() }, IssueOutcome::Dropped);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sociale_kaart::model::Status;
    use chrono::NaiveDate;

    const TEMPLATE: &str = include_str!("../../../tests/fixtures/sociale-kaart/template.csv");

    fn import(text: &str) -> Import {
        import_csv("kaart.csv", text, &Taxonomy::default(), crate::sociale_kaart::import::test_today())
    }

    #[test]
    fn one_very_wide_row_costs_memory_once_and_is_named() {
        let header = TEMPLATE_COLUMNS.join(";");
        let narrow = |i: usize| {
            let mut cells = vec![String::new(); TEMPLATE_COLUMNS.len()];
            cells[0] = format!("dienst-{i}");
            cells[1] = "Dienst".into();
            cells.join(";")
        };
        // Kept as the rows were read, this took gigabytes: every row with the wide row's bounds.
        let wide = format!("breed{}", ";".repeat(60_000));
        let rows: Vec<String> = (0..3_000).map(narrow).collect();
        let text = format!("{header}\n{wide}\n{}\n", rows.join("\n"));
        let import = import(&text);
        assert_eq!(import.records.len(), 3_000);
        assert_eq!(import.issues.len(), 1);
        assert!(matches!(import.issues[0].problem, Problem::CellCount { found: 60_001, .. }));
        assert_eq!(import.issues[0].record.as_ref().and_then(|r| r.row), Some(2));

        // Excel writes CRLF: the row named is still the row the spreadsheet shows.
        let crlf = format!("{header}\r\n{}\r\n{wide}\r\n{}\r\n", narrow(1), narrow(2));
        let import = super::import_csv("kaart.csv", &crlf, &Taxonomy::default(), crate::sociale_kaart::import::test_today());
        assert_eq!(import.issues[0].record.as_ref().and_then(|r| r.row), Some(3), "{:?}", import.issues);
    }

    #[test]
    fn an_area_cell_with_several_names_is_several_areas() {
        let header = TEMPLATE_COLUMNS.join(";");
        // As a spreadsheet saves it: a cell with the separator in it is quoted.
        let row = |area: &str, postcodes: &str| {
            TEMPLATE_COLUMNS.iter().map(|c| match *c {
                "id" => "twente".to_string(),
                "naam" => "Steunpunt Twente".to_string(),
                "gebied" => format!("\"{area}\""),
                "gebied_postcodes" => postcodes.to_string(),
                _ => String::new(),
            }).collect::<Vec<_>>().join(";")
        };
        let areas = |area: &str, postcodes: &str| {
            let import = import(&format!("{header}\n{}\n", row(area, postcodes)));
            assert!(!import.records.is_empty(), "{:?}", import.issues);
            import.records[0].areas.iter().map(|a| (a.name.clone(), a.postcodes.len())).collect::<Vec<_>>()
        };
        assert_eq!(areas("Almelo; Rijssen-Holten", ""), [(Some("Almelo".into()), 0), (Some("Rijssen-Holten".into()), 0)]);
        assert_eq!(areas("Almelo; Rijssen-Holten", "7601-7609"), [(Some("Almelo".into()), 0), (Some("Rijssen-Holten".into()), 0), (None, 1)]);
        assert_eq!(areas("Noord", "3311-3313"), [(Some("Noord".into()), 1)]);
    }

    #[test]
    fn the_template_imports_and_the_broken_row_is_named() {
        let import = import(TEMPLATE);
        let ids: Vec<&str> = import.records.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "buurtteam-noord",
                "schuldhulp-voorbeeldstad",
                "vrouwenopvang-de-vuurtoren",
                "jongerenwerk-zuid"
            ]
        );
        let broken: Vec<_> =
            import.issues.iter().filter(|i| i.outcome == IssueOutcome::Skipped).collect();
        assert_eq!(broken.len(), 1, "{:#?}", import.issues);
        let record = broken[0].record.as_ref().unwrap();
        assert_eq!((record.row, record.id.as_deref()), (Some(4), Some("opvoedpunt-centrum")));
        assert_eq!(broken[0].field, "naam");
        assert_eq!(broken[0].problem, Problem::Pack(PackProblem::Empty));
        // The same row's other problems are named too, so it can be fixed in one go.
        let same_row = |field: &str| {
            import.issues.iter().any(|i| i.record.as_ref() == Some(record) && i.field == field)
        };
        assert!(same_row("telefoon") && same_row("openingstijden"), "{:#?}", import.issues);

        let team = &import.records[0];
        assert_eq!(team.organization.as_ref().unwrap().name, "Stichting Buurtwerk Voorbeeldstad");
        assert_eq!(team.themes, ["wijkteam", "opvoeden", "huiselijk-geweld"]);
        assert_eq!(team.target_groups, ["ouders", "kinderen"]);
        assert_eq!(
            team.locations[0].location.address.as_ref().unwrap().postal_code.as_deref(),
            Some("3312 AB")
        );
        assert_eq!(team.schedules.len(), 2);
        assert!(team.eligibility.is_some() && team.locations[0].location.accessibility.is_some());
        assert_eq!(team.areas[0].postcodes[0].to_string(), "3311-3313");
        assert_eq!(team.assured_date, NaiveDate::from_ymd_opt(2026, 11, 1));
        assert!(team.cost.free == Some(true) && team.referral == Some(false));
        let debt = &import.records[1];
        assert_eq!(
            debt.assured_date,
            NaiveDate::from_ymd_opt(2026, 10, 12),
            "Dutch day-month-year"
        );
        assert_eq!(debt.languages, ["nl", "en", "ar"]);
        assert_eq!(
            debt.cost.description.as_deref(),
            Some("Gratis voor inwoners van Voorbeeldstad.")
        );
        let shelter = &import.records[2];
        assert_eq!(shelter.schedules, vec![crate::sociale_kaart::hours::Schedule::day_and_night()]);
        assert!(shelter.referral == Some(true) && shelter.locations.is_empty());
        let youth = &import.records[3];
        assert_eq!((youth.minimum_age, youth.maximum_age), (Some(12), Some(23)));
        assert_eq!(youth.status, Status::TemporarilyClosed);
        assert!(youth.alert.is_some());
    }

    #[test]
    fn semicolons_headers_in_other_forms_and_a_byte_order_mark() {
        let text = "\u{feff}ID;Naam;Thema's;E-mail;Laatst gecontroleerd;Opmerking\n\
                    a;Eerste;Huiselijk geweld; a@b.nl ;2026-01-02;x\n\
                    ;;;;;\n\
                    b;\"Tweede; met puntkomma\";jeugd;;;\n";
        let import = import(text);
        assert_eq!(import.records.len(), 2, "{:#?}", import.issues);
        assert_eq!(import.records[0].themes, ["huiselijk-geweld"]);
        assert_eq!(import.records[0].email.as_deref(), Some("a@b.nl"));
        assert_eq!(import.records[1].name, "Tweede; met puntkomma");
        let unknown = &import.issues[0];
        assert_eq!(
            (unknown.field.as_str(), &unknown.problem, unknown.record.is_none()),
            ("Opmerking", &Problem::UnknownColumn, true)
        );
        assert_eq!(import.issues.len(), 1);
    }

    #[test]
    fn hostile_cells() {
        let long = "y".repeat(5_001);
        let text = format!(
            "id,naam,website,telefoon,omschrijving,gratis,leeftijd_min,status,talen,doelgroepen\n\
             x,<img src=x onerror=alert(1)>,javascript:alert(1),0800<script>,{long},misschien,twaalf,weg,Nederlands,marsmannetjes\n"
        );
        let import = import(&text);
        let record = &import.records[0];
        assert_eq!(record.name, "<img src=x onerror=alert(1)>");
        assert!(
            record.website.is_none() && record.phones.is_empty() && record.description.is_none()
        );
        let problem = |field: &str| {
            import.issues.iter().find(|i| i.field == field).map(|i| (i.problem.clone(), i.outcome))
        };
        assert_eq!(problem("naam"), Some((Problem::Pack(PackProblem::Markup), IssueOutcome::Kept)));
        assert_eq!(
            problem("website"),
            Some((Problem::Pack(PackProblem::BadUrl), IssueOutcome::Dropped))
        );
        assert_eq!(
            problem("telefoon"),
            Some((Problem::Pack(PackProblem::BadPhone), IssueOutcome::Dropped))
        );
        assert_eq!(
            problem("omschrijving"),
            Some((Problem::Pack(PackProblem::TooLong { max: 5_000 }), IssueOutcome::Dropped))
        );
        assert!(matches!(problem("gratis"), Some((Problem::BadYesNo { .. }, IssueOutcome::Dropped))));
        assert!(matches!(
            problem("leeftijd_min"),
            Some((Problem::NotANumber { .. }, IssueOutcome::Dropped))
        ));
        assert!(matches!(problem("status"), Some((Problem::BadStatus { .. }, IssueOutcome::Dropped))));
        assert!(matches!(problem("talen"), Some((Problem::BadLanguage { .. }, IssueOutcome::Dropped))));
        assert!(matches!(
            problem("doelgroepen"),
            Some((Problem::UnknownTargetGroup { .. }, IssueOutcome::Kept))
        ));
    }

    #[test]
    fn files_that_cannot_be_a_template_are_refused() {
        let refused = |text: &str| {
            let import = import(text);
            assert!(import.records.is_empty());
            assert_eq!(import.issues.last().unwrap().outcome, IssueOutcome::Refused);
            import.issues.last().unwrap().problem.clone()
        };
        assert_eq!(refused(""), Problem::Pack(PackProblem::Empty));
        assert_eq!(
            refused("naam,plaats\nA,B\n"),
            Problem::Pack(PackProblem::MissingField { field: "id".into() })
        );
        let many = format!("id,naam\n{}", "a,b\n".repeat(MAX_SERVICES + 1));
        assert_eq!(refused(&many), Problem::TooManyServices { count: MAX_SERVICES + 1 });
        assert!(matches!(
            refused(&" ".repeat(MAX_DATA_FILE_BYTES + 1)),
            Problem::Pack(PackProblem::TooLarge { .. })
        ));
    }

    #[test]
    fn a_row_with_too_many_cells_is_skipped_not_shifted() {
        let import = import("id,naam,plaats\na,Eerste,Stad\nb,Tweede, met komma,Stad\n");
        assert_eq!(import.records.len(), 1);
        assert_eq!(import.issues[0].problem, Problem::CellCount { found: 4, expected: 3 });
        assert_eq!(import.issues[0].record.as_ref().unwrap().row, Some(3));
    }
}
