//! The HSDS tabular form: a Frictionless Data package (`datapackage.json`) that lists one CSV
//! file per HSDS table (services.csv, locations.csv, phones.csv …), joined by id columns
//! (`service_id`, `location_id`, `organization_id`, `service_at_location_id`, `contact_id`,
//! and `link_id` for attributes).
//!
//! The rows of each service are joined into the JSON value HSDS JSON gives that service and
//! read by the HSDS JSON reader ([`super::hsds::read_value`]): one mapping from HSDS to the
//! domain for both forms. Each issue is then named by the CSV file, row and column its value
//! came from. A column is a JSON field of the same name, so unknown columns are ignored as
//! unknown fields are. Only the `service` table is required.

use super::hsds::read_value;
use super::template::Lines;
use super::{Checker, Import, ImportIssue, IssueOutcome, Problem, RecordRef, MAX_ISSUES_PER_FILE, MAX_SERVICES};
use crate::ground::limits::MAX_DATA_FILE_BYTES;
use crate::ground::problem::Problem as PackProblem;
use crate::sociale_kaart::model::Taxonomy;
use crate::ground::checks::is_relative_path;
use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::{Map, Value};

/// The texts of the tables of a region's tabular packages, by their path beside the region
/// pack. A table that does not exist is left out: HSDS makes every table but `service`
/// optional, and a package often lists them all.
pub type TableTexts = FxHashMap<String, Result<String, PackProblem>>;

/// The tables the reader uses, in the order of [`TABLES`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Table {
    Service,
    Organization,
    Location,
    ServiceAtLocation,
    Phone,
    Schedule,
    ServiceArea,
    Language,
    Address,
    Accessibility,
    Contact,
    CostOption,
    RequiredDocument,
    Attribute,
    TaxonomyTerm,
    Taxonomy,
}

/// Each table with its resource name and the file name Open Referral's examples give it.
const TABLES: [(Table, &str, &str); 16] = [
    (Table::Service, "service", "services"),
    (Table::Organization, "organization", "organizations"),
    (Table::Location, "location", "locations"),
    (Table::ServiceAtLocation, "service_at_location", "service_at_locations"),
    (Table::Phone, "phone", "phones"),
    (Table::Schedule, "schedule", "schedules"),
    (Table::ServiceArea, "service_area", "service_areas"),
    (Table::Language, "language", "languages"),
    (Table::Address, "address", "addresses"),
    (Table::Accessibility, "accessibility", "accessibilities"),
    (Table::Contact, "contact", "contacts"),
    (Table::CostOption, "cost_option", "cost_options"),
    (Table::RequiredDocument, "required_document", "required_documents"),
    (Table::Attribute, "attribute", "attributes"),
    (Table::TaxonomyTerm, "taxonomy_term", "taxonomy_terms"),
    (Table::Taxonomy, "taxonomy", "taxonomies"),
];

/// Keys this reader builds from the links between tables: a column of one of these names is
/// not copied, so it can never stand in for the rows it names.
const NESTED: [&str; 17] = [
    "organization", "phones", "contacts", "schedules", "service_areas", "service_at_locations",
    "languages", "cost_options", "required_documents", "attributes", "additional_urls",
    "service", "services", "location", "addresses", "accessibility", "taxonomy_term",
];

/// Joined rows may repeat a shared row (an organisation for each of its services), but not
/// without bound: at most this many times the package's bytes, plus this much, are copied.
const LINK_FACTOR: usize = 16;
const LINK_SLACK: usize = 16 << 20;

fn table_named(name: &str) -> Option<Table> {
    let name = name.trim().to_ascii_lowercase();
    let name = name.strip_suffix(".csv").unwrap_or(&name);
    TABLES.iter().find(|(_, one, many)| *one == name || *many == name).map(|(table, ..)| *table)
}

/// The file name messages give a table that is not in the package ("contacts.csv").
fn default_file(table: Table) -> String {
    format!("{}.csv", TABLES[table as usize].2)
}

struct Resource {
    table: Table,
    /// Beside the region pack: the package's folder joined with the resource's path.
    path: String,
    delimiter: u8,
}

/// A resource that cannot be read, named by its file where it has one.
struct Unusable {
    file: String,
    field: String,
    problem: Problem,
}

/// The resources of a package that the reader uses, and those it cannot.
fn listing(package: &str, text: &str) -> Result<(Vec<Resource>, Vec<Unusable>), Problem> {
    if text.len() > MAX_DATA_FILE_BYTES {
        return Err(Problem::Pack(PackProblem::TooLarge { size: text.len(), max: MAX_DATA_FILE_BYTES }));
    }
    let value: Value = serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text))
        .map_err(|e| Problem::Pack(PackProblem::NotJson { line: e.line(), column: e.column() }))?;
    let Some(Value::Array(listed)) = value.get("resources") else {
        return Err(Problem::Pack(PackProblem::MissingField { field: "resources".into() }));
    };
    let folder = package.rsplit_once('/').map_or("", |(folder, _)| folder);
    let (mut resources, mut unusable) = (Vec::<Resource>::new(), Vec::new());
    for (i, resource) in listed.iter().enumerate() {
        let path = resource.get("path");
        let name = resource.get("name").and_then(Value::as_str).and_then(table_named);
        let Some(table) = name.or_else(|| table_named(path?.as_str()?.rsplit('/').next()?)) else {
            continue;
        };
        // The first resource for a table counts; HSDS has one per table.
        if resources.iter().any(|r| r.table == table) {
            continue;
        }
        let field = format!("resources[{i}].path");
        let path = match path {
            Some(Value::String(path)) => path.trim(),
            None => {
                let problem = Problem::Pack(PackProblem::MissingField { field: "path".into() });
                unusable.push(Unusable { file: default_file(table), field, problem });
                continue;
            }
            // A list of parts, or anything else: one file per table is what HSDS publishes.
            Some(_) => {
                unusable.push(Unusable { file: default_file(table), field, problem: Problem::BadShape });
                continue;
            }
        };
        let path = if folder.is_empty() { path.to_string() } else { format!("{folder}/{path}") };
        if !is_relative_path(&path) {
            unusable.push(Unusable { file: default_file(table), field, problem: Problem::Pack(PackProblem::NotBesidePack) });
            continue;
        }
        let delimiter = resource.pointer("/dialect/delimiter").and_then(Value::as_str);
        let delimiter = match delimiter.map(str::as_bytes) {
            Some(&[byte]) if byte.is_ascii() && byte != b'"' && byte != b'\n' && byte != b'\r' => byte,
            _ => b',',
        };
        resources.push(Resource { table, path, delimiter });
    }
    Ok((resources, unusable))
}

/// The paths beside the region pack of the tables a package lists that the reader uses,
/// for a loader to fetch; none when the package cannot be read (its import says why).
pub fn table_paths(package: &str, text: &str) -> Vec<String> {
    listing(package, text).map(|(resources, _)| resources.into_iter().map(|r| r.path).collect()).unwrap_or_default()
}

/// One CSV table: its rows, each with its line as a spreadsheet numbers it.
struct Sheet {
    /// The name messages give it: the last part of its path.
    file: String,
    columns: FxHashMap<String, usize>,
    rows: Vec<csv::StringRecord>,
    lines: Vec<u64>,
}

impl Sheet {
    /// A cell with text in it, as it is.
    fn cell(&self, row: u32, column: &str) -> Option<&str> {
        let at = *self.columns.get(column)?;
        self.rows[row as usize].get(at).filter(|cell| !cell.trim().is_empty())
    }

    /// An id in a cell: trimmed.
    fn id(&self, row: u32, column: &str) -> Option<&str> {
        self.cell(row, column).map(str::trim)
    }
}

/// Issues of the package before any service is read, within the limit per file.
fn push(check: &mut Checker, file: &str, row: Option<u64>, field: &str, problem: Problem, outcome: IssueOutcome) {
    if check.import.issues.len() >= MAX_ISSUES_PER_FILE {
        check.import.more_issues += 1;
        return;
    }
    let record = row.map(|row| RecordRef { index: 0, row: Some(row), id: None });
    check.import.issues.push(ImportIssue { file: file.to_string(), record, field: field.to_string(), problem, outcome });
}

/// Reads a table one row at a time, each into a record of its own (so a wide row costs only
/// its own memory); a row that cannot be used is named and left out.
fn read_sheet(check: &mut Checker, file: &str, text: &str, delimiter: u8, table: Table) -> Option<Sheet> {
    let refuse = |check: &mut Checker, problem| {
        push(check, file, None, "", problem, IssueOutcome::Refused);
        None
    };
    if text.len() > MAX_DATA_FILE_BYTES {
        return refuse(check, Problem::Pack(PackProblem::TooLarge { size: text.len(), max: MAX_DATA_FILE_BYTES }));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut header = csv::StringRecord::new();
    match reader.read_record(&mut header) {
        Ok(true) => {}
        Ok(false) => return refuse(check, Problem::Pack(PackProblem::Empty)),
        Err(_) => return refuse(check, Problem::UnreadableRow),
    }
    let mut columns = FxHashMap::default();
    for (i, name) in header.iter().enumerate() {
        let name = name.trim().to_ascii_lowercase();
        if !name.is_empty() {
            columns.entry(name).or_insert(i);
        }
    }
    if !columns.contains_key("id") && table == Table::Service {
        return refuse(check, Problem::Pack(PackProblem::MissingField { field: "id".into() }));
    }
    // A bad row of services loses that service; of any other table, what that row gave.
    let outcome = if table == Table::Service { IssueOutcome::Skipped } else { IssueOutcome::Dropped };
    let mut sheet = Sheet { file: file.to_string(), columns, rows: Vec::new(), lines: Vec::new() };
    let mut lines = Lines::new(text.as_bytes());
    let mut services = 0;
    loop {
        let mut row = csv::StringRecord::new();
        match reader.read_record(&mut row) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map(|p| lines.of(p.byte()));
                push(check, file, line, "", Problem::UnreadableRow, outcome);
                continue;
            }
        }
        // Spreadsheets leave rows of empty cells below the data.
        if row.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let line = row.position().map_or(0, |p| lines.of(p.byte()));
        if table == Table::Service {
            // Past the limit only counted, for the message.
            services += 1;
            if services > MAX_SERVICES {
                continue;
            }
        }
        if row.len() != header.len() {
            push(check, file, Some(line), "", Problem::CellCount { found: row.len(), expected: header.len() }, outcome);
            continue;
        }
        sheet.rows.push(row);
        sheet.lines.push(line);
    }
    if services > MAX_SERVICES {
        return refuse(check, Problem::TooManyServices { count: services });
    }
    Some(sheet)
}

/// The package's tables, by [`Table`].
struct Sheets([Option<Sheet>; TABLES.len()]);

impl Sheets {
    fn get(&self, table: Table) -> Option<&Sheet> {
        self.0[table as usize].as_ref()
    }

    fn file(&self, table: Table) -> String {
        self.get(table).map_or_else(|| default_file(table), |sheet| sheet.file.clone())
    }
}

/// Which rows of one table belong to which row of another, by the other's id.
struct Links {
    /// Row of each id, per table.
    ids: Vec<FxHashMap<String, u32>>,
    /// Rows of a child table per owner table and owner id: `[child * TABLES + owner]`.
    children: Vec<FxHashMap<String, Vec<u32>>>,
}

impl Links {
    fn children(&self, child: Table, owner: Table, id: &str) -> &[u32] {
        self.children[child as usize * TABLES.len() + owner as usize].get(id).map_or(&[], Vec::as_slice)
    }

    fn row(&self, table: Table, id: &str) -> Option<u32> {
        self.ids[table as usize].get(id).copied()
    }
}

/// What a row of each table belongs to, most specific first; the first link given counts,
/// so a row is read once. `(service_id, location_id)` without a `service_at_location_id`
/// means the service at that location when the package has it.
#[derive(Clone, Copy)]
enum Owner {
    By(&'static str, Table),
    ServiceAtLocationPair,
}

fn owners(table: Table) -> &'static [Owner] {
    use Owner::*;
    use Table::*;
    match table {
        Phone => &[By("contact_id", Contact), By("service_at_location_id", ServiceAtLocation), ServiceAtLocationPair,
                   By("service_id", Service), By("location_id", Location), By("organization_id", Organization)],
        Schedule => &[By("service_at_location_id", ServiceAtLocation), ServiceAtLocationPair, By("service_id", Service), By("location_id", Location)],
        ServiceArea => &[By("service_at_location_id", ServiceAtLocation), By("service_id", Service)],
        // HSDS JSON gives these on a service; on anything else the JSON reader does not read them.
        Language | Contact | CostOption | RequiredDocument | ServiceAtLocation => &[By("service_id", Service)],
        Address | Accessibility => &[By("location_id", Location)],
        Attribute => &[By("link_id", Service)],
        Table::Service | Organization | Location | TaxonomyTerm | Table::Taxonomy => &[],
    }
}

fn links(check: &mut Checker, sheets: &Sheets) -> Links {
    let mut ids: Vec<FxHashMap<String, u32>> = vec![FxHashMap::default(); TABLES.len()];
    for (table, ..) in TABLES {
        let Some(sheet) = sheets.get(table) else { continue };
        for row in 0..sheet.rows.len() as u32 {
            let Some(id) = sheet.id(row, "id") else { continue };
            if ids[table as usize].contains_key(id) {
                // Services are told by the checker, with the services of other files.
                if table != Table::Service {
                    let problem = Problem::Pack(PackProblem::DuplicateId { id: id.to_string() });
                    push(check, &sheet.file, Some(sheet.lines[row as usize]), "id", problem, IssueOutcome::Dropped);
                }
                continue;
            }
            ids[table as usize].insert(id.to_string(), row);
        }
    }
    let mut pairs: FxHashMap<(&str, &str), &str> = FxHashMap::default();
    if let Some(sheet) = sheets.get(Table::ServiceAtLocation) {
        for row in 0..sheet.rows.len() as u32 {
            if let (Some(service), Some(location), Some(id)) = (sheet.id(row, "service_id"), sheet.id(row, "location_id"), sheet.id(row, "id")) {
                pairs.entry((service, location)).or_insert(id);
            }
        }
    }
    let mut children: Vec<FxHashMap<String, Vec<u32>>> = vec![FxHashMap::default(); TABLES.len() * TABLES.len()];
    for (table, ..) in TABLES {
        let Some(sheet) = sheets.get(table) else { continue };
        for row in 0..sheet.rows.len() as u32 {
            let line = sheet.lines[row as usize];
            // An attribute of another kind of record (`link_entity` "location" …).
            if table == Table::Attribute && sheet.id(row, "link_entity").is_some_and(|e| !matches!(&*e.to_ascii_lowercase(), "service" | "services")) {
                continue;
            }
            // A link that names a row that is not there is told; the row then belongs to the
            // next record it names, if any (a service area with a wrong place but a right service).
            let mut owner = None;
            let mut broken = Vec::new();
            for link in owners(table) {
                let (column, target, id) = match *link {
                    Owner::By(column, target) => match sheet.id(row, column) {
                        Some(id) => (column, target, id),
                        None => continue,
                    },
                    Owner::ServiceAtLocationPair => {
                        let pair = (sheet.id(row, "service_id"), sheet.id(row, "location_id"));
                        match pair {
                            (Some(service), Some(location)) => match pairs.get(&(service, location)) {
                                Some(&id) => ("service_id", Table::ServiceAtLocation, id),
                                None => continue,
                            },
                            _ => continue,
                        }
                    }
                };
                if ids[target as usize].contains_key(id) {
                    owner = Some((target, id));
                    break;
                }
                broken.push((column, target, id));
            }
            let outcome = if owner.is_some() { IssueOutcome::Kept } else { IssueOutcome::Dropped };
            for (column, target, id) in broken {
                let problem = Problem::NoSuchRow { file: sheets.file(target), id: id.to_string() };
                push(check, &sheet.file, Some(line), column, problem, outcome);
            }
            let Some((owner, id)) = owner else { continue };
            let named = |check: &mut Checker, column: &str, target: Table, id: &str| {
                let found = ids[target as usize].contains_key(id);
                if !found {
                    let problem = Problem::NoSuchRow { file: sheets.file(target), id: id.to_string() };
                    push(check, &sheet.file, Some(line), column, problem, IssueOutcome::Dropped);
                }
                found
            };
            // A place without its location, or a term that is not there, links nothing.
            let needs = match table {
                Table::ServiceAtLocation => Some(("location_id", Table::Location)),
                Table::Attribute => Some(("taxonomy_term_id", Table::TaxonomyTerm)),
                _ => None,
            };
            if let Some((column, target)) = needs {
                match sheet.id(row, column) {
                    Some(id) if named(check, column, target, id) => {}
                    Some(_) => continue,
                    None => {
                        let problem = Problem::Pack(PackProblem::MissingField { field: column.into() });
                        push(check, &sheet.file, Some(line), column, problem, IssueOutcome::Dropped);
                        continue;
                    }
                }
            }
            children[table as usize * TABLES.len() + owner as usize].entry(id.to_string()).or_default().push(row);
        }
    }
    Links { ids, children }
}

/// Joins one service's rows into an HSDS JSON service, remembering which row each object
/// came from.
struct Join<'s> {
    sheets: &'s Sheets,
    links: &'s Links,
    /// Each object's path in the service (`service_at_locations[0].location`), with its row.
    spans: Vec<(String, Table, u32)>,
    /// Bytes that may still be copied; below zero, the package links too much.
    budget: usize,
    exhausted: bool,
}

/// `at.key[index]`, or `key[index]` at the top.
fn path(at: &str, key: &str, index: Option<usize>) -> String {
    let mut path = if at.is_empty() { key.to_string() } else { format!("{at}.{key}") };
    if let Some(index) = index {
        path.push_str(&format!("[{index}]"));
    }
    path
}

impl<'s> Join<'s> {
    /// A row as a JSON object: every cell with text, under its column's name.
    fn object(&mut self, at: String, table: Table, row: u32) -> Map<String, Value> {
        let mut object = Map::new();
        let Some(sheet) = self.sheets.get(table) else { return object };
        for (name, &column) in &sheet.columns {
            if NESTED.contains(&name.as_str()) {
                continue;
            }
            let Some(cell) = sheet.rows[row as usize].get(column).filter(|cell| !cell.trim().is_empty()) else { continue };
            match self.budget.checked_sub(cell.len() + name.len()) {
                Some(left) => self.budget = left,
                None => {
                    self.exhausted = true;
                    return object;
                }
            }
            object.insert(name.clone(), Value::String(cell.to_string()));
        }
        self.spans.push((at, table, row));
        object
    }

    /// The rows of `child` that belong to `owner`'s row `id`, as the list `key` of `parent`.
    fn list(&mut self, parent: &mut Map<String, Value>, at: &str, key: &str, child: Table, owner: Table, id: Option<&str>) {
        let links = self.links;
        let rows = id.map_or(&[][..], |id| links.children(child, owner, id));
        if rows.is_empty() {
            return;
        }
        let items = rows.iter().enumerate().map(|(i, &row)| Value::Object(self.object(path(at, key, Some(i)), child, row))).collect();
        parent.insert(key.into(), Value::Array(items));
    }

    fn id(&self, table: Table, row: u32) -> Option<&'s str> {
        self.sheets.get(table)?.id(row, "id")
    }

    fn service(&mut self, row: u32) -> Value {
        use Table::*;
        let mut service = self.object(String::new(), Service, row);
        let id = self.id(Service, row);
        let organization = self.sheets.get(Service).and_then(|s| s.id(row, "organization_id")).and_then(|id| Some((id, self.links.row(Organization, id)?)));
        if let Some((id, org_row)) = organization {
            let mut org = self.object("organization".into(), Organization, org_row);
            self.list(&mut org, "organization", "phones", Phone, Organization, Some(id));
            service.insert("organization".into(), Value::Object(org));
        }
        self.list(&mut service, "", "phones", Phone, Service, id);
        let contacts = id.map_or(&[][..], |id| self.links.children(Contact, Service, id));
        if !contacts.is_empty() {
            let mut list = Vec::new();
            for (i, &contact) in contacts.iter().enumerate() {
                let at = path("", "contacts", Some(i));
                let mut object = self.object(at.clone(), Contact, contact);
                self.list(&mut object, &at, "phones", Phone, Contact, self.id(Contact, contact));
                list.push(Value::Object(object));
            }
            service.insert("contacts".into(), Value::Array(list));
        }
        self.list(&mut service, "", "schedules", Schedule, Service, id);
        self.list(&mut service, "", "service_areas", ServiceArea, Service, id);
        let places = id.map_or(&[][..], |id| self.links.children(ServiceAtLocation, Service, id));
        if !places.is_empty() {
            let mut list = Vec::new();
            for (i, &place) in places.iter().enumerate() {
                let at = path("", "service_at_locations", Some(i));
                let mut object = self.object(at.clone(), ServiceAtLocation, place);
                let place_id = self.id(ServiceAtLocation, place);
                self.list(&mut object, &at, "phones", Phone, ServiceAtLocation, place_id);
                self.list(&mut object, &at, "schedules", Schedule, ServiceAtLocation, place_id);
                self.list(&mut object, &at, "service_areas", ServiceArea, ServiceAtLocation, place_id);
                // Linked only when the location is there (see `links`).
                let location_id = self.sheets.get(ServiceAtLocation).and_then(|s| s.id(place, "location_id"));
                if let Some((location_id, location)) = location_id.and_then(|id| Some((id, self.links.row(Location, id)?))) {
                    let at = path(&at, "location", None);
                    let mut object_location = self.object(at.clone(), Location, location);
                    for (key, child) in [("addresses", Address), ("accessibility", Accessibility), ("phones", Phone), ("schedules", Schedule)] {
                        self.list(&mut object_location, &at, key, child, Location, Some(location_id));
                    }
                    object.insert("location".into(), Value::Object(object_location));
                }
                list.push(Value::Object(object));
            }
            service.insert("service_at_locations".into(), Value::Array(list));
        }
        for (key, child) in [("languages", Language), ("cost_options", CostOption), ("required_documents", RequiredDocument)] {
            self.list(&mut service, "", key, child, Service, id);
        }
        let attributes = id.map_or(&[][..], |id| self.links.children(Attribute, Service, id));
        if !attributes.is_empty() {
            let mut list = Vec::new();
            for &attribute in attributes {
                let term = self.sheets.get(Attribute).and_then(|s| s.id(attribute, "taxonomy_term_id")).and_then(|id| self.links.row(TaxonomyTerm, id));
                let Some(term) = term else { continue };
                let mut object = self.object(format!("attributes[{}].taxonomy_term", list.len()), TaxonomyTerm, term);
                // The taxonomy by its id when the term does not name it.
                if !object.contains_key("taxonomy") {
                    let taxonomy = self.sheets.get(TaxonomyTerm).and_then(|s| s.id(term, "taxonomy_id")).and_then(|id| self.links.row(Table::Taxonomy, id));
                    if let Some(name) = taxonomy.and_then(|row| self.sheets.get(Table::Taxonomy)?.cell(row, "name")) {
                        object.insert("taxonomy".into(), Value::String(name.to_string()));
                    }
                }
                list.push(serde_json::json!({ "taxonomy_term": object }));
            }
            service.insert("attributes".into(), Value::Array(list));
        }
        Value::Object(service)
    }

    /// The table, row and column an issue's field (`service_at_locations[0].location.latitude`)
    /// came from: the innermost object on its path, and the field's name in it.
    fn locate(&self, field: &str) -> Option<(Table, u32, String)> {
        let (at, table, row) = self
            .spans
            .iter()
            .filter(|(at, ..)| at.is_empty() || (field.starts_with(at.as_str()) && matches!(field.as_bytes().get(at.len()), None | Some(b'.'))))
            .max_by_key(|(at, ..)| at.len())?;
        let rest = field[at.len()..].trim_start_matches('.');
        let column = rest.split(['.', '[']).next().unwrap_or_default();
        let known = column.is_empty() || self.sheets.get(*table).is_some_and(|s| s.columns.contains_key(column));
        if !known {
            // A text made of several rows (a location's accessibility): named by the first.
            let first = format!("{field}[0]");
            if let Some((_, table, row)) = self.spans.iter().find(|(at, ..)| *at == first) {
                return Some((*table, *row, String::new()));
            }
        }
        Some((*table, *row, column.to_string()))
    }
}

/// Reads a tabular package after the services `known` of files read before it. `package` is
/// its `datapackage.json`'s path beside the region pack, `tables` the texts of its tables;
/// its dates are held against `today`.
pub fn import_tabular_after(package: &str, text: &str, tables: &TableTexts, taxonomy: &Taxonomy, known: FxHashSet<String>, today: chrono::NaiveDate) -> Import {
    let mut reader = TabularReader::new(package, text, tables, taxonomy, known, today);
    loop {
        if let Some(import) = reader.read(usize::MAX) {
            return import;
        }
    }
}

/// A tabular import that stops between services, as [`super::HsdsReader`] does: the tables
/// are read when it is made, and their rows joined and checked a slice of services at a time.
pub struct TabularReader<'a> {
    state: Option<Reading<'a>>,
    /// The answer known before any service is read (a refused package).
    early: Option<Import>,
}

struct Reading<'a> {
    check: Checker<'a>,
    sheets: Sheets,
    links: Links,
    budget: usize,
    /// A problem in a row several services share (their organisation, a location) is told once.
    told: FxHashSet<(u8, u32, String, std::mem::Discriminant<Problem>)>,
    next: usize,
}

impl<'a> TabularReader<'a> {
    pub fn new(package: &'a str, text: &str, tables: &TableTexts, taxonomy: &'a Taxonomy, known: FxHashSet<String>, today: chrono::NaiveDate) -> Self {
        let early = |import| TabularReader { state: None, early: Some(import) };
        let name = package.rsplit('/').next().unwrap_or(package);
        let mut check = Checker::new(name, taxonomy, today);
        check.known_ids(known);
        let (resources, unusable) = match listing(package, text) {
            Ok(listing) => listing,
            Err(problem) => return early(check.refuse("", problem)),
        };
        for Unusable { file, field, problem } in unusable {
            push(&mut check, &file, None, &field, problem, IssueOutcome::Refused);
        }
        let mut sheets = Sheets(Default::default());
        let mut size = 0;
        for resource in &resources {
            let file = resource.path.rsplit('/').next().unwrap_or(&resource.path);
            match tables.get(&resource.path) {
                // Not there: every table but the services is optional.
                None => {}
                Some(Err(problem)) => push(&mut check, file, None, "", Problem::Pack(problem.clone()), IssueOutcome::Refused),
                Some(Ok(text)) => {
                    size += text.len();
                    sheets.0[resource.table as usize] = read_sheet(&mut check, file, text, resource.delimiter, resource.table);
                }
            }
        }
        if sheets.get(Table::Service).is_none() {
            // What went wrong with the services file says so already.
            let told = check.import.issues.iter().any(|i| i.outcome == IssueOutcome::Refused && resources.iter().any(|r| r.table == Table::Service && r.path.ends_with(&i.file)));
            if !told {
                push(&mut check, name, None, "", Problem::NoServiceTable, IssueOutcome::Refused);
            }
            return early(check.finish());
        }
        let links = links(&mut check, &sheets);
        let budget = size.saturating_mul(LINK_FACTOR) + LINK_SLACK;
        TabularReader { state: Some(Reading { check, sheets, links, budget, told: FxHashSet::default(), next: 0 }), early: None }
    }

    /// Reads up to `services` more services; the whole import once the package is done.
    pub fn read(&mut self, services: usize) -> Option<Import> {
        if let Some(import) = self.early.take() {
            return Some(import);
        }
        let Reading { check, sheets, links, budget, told, next } = self.state.as_mut()?;
        let total = sheets.get(Table::Service).map_or(0, |s| s.rows.len());
        let mut join = Join { sheets, links, spans: Vec::new(), budget: *budget, exhausted: false };
        let end = next.saturating_add(services).min(total);
        for index in *next..end {
            join.spans.clear();
            let value = join.service(index as u32);
            if join.exhausted {
                let state = self.state.take()?;
                return Some(state.check.refuse("", Problem::TooManyLinks));
            }
            let earlier = std::mem::take(&mut check.import.issues);
            read_value(check, index, value);
            let new = std::mem::replace(&mut check.import.issues, earlier);
            for mut issue in new {
                let Some((table, row, column)) = join.locate(&issue.field) else { continue };
                let key = (table as u8, row, column.clone(), std::mem::discriminant(&issue.problem));
                if table != Table::Service && !told.insert(key) {
                    continue;
                }
                let Some(sheet) = sheets.get(table) else { continue };
                issue.file.clone_from(&sheet.file);
                issue.field = column;
                if let Some(record) = &mut issue.record {
                    record.row = Some(sheet.lines[row as usize]);
                }
                if check.import.issues.len() >= MAX_ISSUES_PER_FILE {
                    check.import.more_issues += 1;
                } else {
                    check.import.issues.push(issue);
                }
            }
        }
        *budget = join.budget;
        *next = end;
        if end < total {
            return None;
        }
        self.state.take().map(|state| state.check.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::sociale_kaart::model::{PhoneKind, ServiceRecord};
    use crate::sociale_kaart::source::{FileFormat, SourceFile};
    use chrono::{NaiveTime, Weekday};

    const PACKAGE: &str = "tabular/datapackage.json";

    fn folder() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sociale-kaart")
    }

    /// The fixture package's text and its tables as a loader gives them: those that are there.
    fn fixture() -> (String, TableTexts) {
        let text = std::fs::read_to_string(folder().join(PACKAGE)).unwrap();
        let file = SourceFile { format: FileFormat::HsdsTabular, path: PACKAGE.into() };
        let tables = file.tables(&text).into_iter()
            .filter_map(|path| Some((path.clone(), Ok(std::fs::read_to_string(folder().join(&path)).ok()?))))
            .collect();
        (text, tables)
    }

    fn read(text: &str, tables: &TableTexts) -> Import {
        import_tabular_after(PACKAGE, text, tables, &Taxonomy::default(), Default::default(), crate::sociale_kaart::import::test_today())
    }

    /// The fixture with one table's text changed by `edit`.
    fn edited(table: &str, edit: impl Fn(&str) -> String) -> Import {
        let (text, mut tables) = fixture();
        let path = format!("tabular/{table}");
        let changed = edit(tables[&path].as_ref().unwrap());
        tables.insert(path, Ok(changed));
        read(&text, &tables)
    }

    fn record<'i>(import: &'i Import, id: &str) -> &'i ServiceRecord {
        import.records.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("{id} missing"))
    }

    fn time(text: &str) -> NaiveTime {
        NaiveTime::parse_from_str(text, "%H:%M").unwrap()
    }

    #[test]
    fn every_table_adds_to_its_service_what_it_says_no_more_no_less() {
        let (text, tables) = fixture();
        assert!(!tables.contains_key("tabular/required_documents.csv"), "listed, but not in the folder");
        let import = read(&text, &tables);
        let ids: Vec<_> = import.records.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["opvoedsteun", "maatjes", "jgz", "schuldhulp"]);

        // Two places, each with its own hours: one by service_at_location_id, one by the pair
        // of service_id and location_id.
        let opvoed = record(&import, "opvoedsteun");
        let places: Vec<_> = opvoed.locations.iter().map(|at| at.location.name.as_deref().unwrap()).collect();
        assert_eq!(places, ["Wijkcentrum Noord", "Buurthuis Zuid"]);
        let noord = &opvoed.locations[0];
        assert_eq!(noord.description.as_deref(), Some("Spreekuur in het wijkcentrum."));
        assert_eq!(noord.schedules.len(), 1);
        assert_eq!((noord.schedules[0].days.as_slice(), noord.schedules[0].opens_at, noord.schedules[0].closes_at),
                   (&[Weekday::Mon, Weekday::Wed][..], time("09:00"), time("12:00")));
        assert_eq!(noord.location.address.as_ref().unwrap().street.as_deref(), Some("Marktplein 1"));
        assert_eq!(noord.location.postcode(), Some(3311));
        assert_eq!(noord.location.accessibility.as_deref(), Some("Rolstoeltoegankelijk; er is een invalidentoilet."));
        assert_eq!((noord.location.latitude, noord.location.longitude), (Some(52.1012), Some(5.1123)));
        let zuid = &opvoed.locations[1];
        assert_eq!(zuid.schedules[0].days, [Weekday::Tue, Weekday::Thu]);
        assert!(zuid.location.schedules.is_empty() && opvoed.schedules.is_empty(), "hours only where the data puts them");
        // The service's phone on the service, the organisation's on the organisation.
        let numbers = |phones: &[crate::sociale_kaart::model::Phone]| phones.iter().map(|p| p.number.clone()).collect::<Vec<_>>();
        assert_eq!(numbers(&opvoed.phones), ["010-5550201"]);
        assert_eq!(opvoed.phones[0].description.as_deref(), Some("Algemeen nummer"));
        let organization = opvoed.organization.as_ref().unwrap();
        assert_eq!(organization.name, "Stichting Welzijn Voorbeeldstad");
        assert_eq!(numbers(&organization.phones), ["010-5550200"]);
        assert_eq!(opvoed.languages, ["nl", "tr"], "the location's English is not the service's");
        assert_eq!((opvoed.themes.as_slice(), opvoed.target_groups.as_slice()), (&["opvoeden".to_string()][..], &["ouders".to_string()][..]),
                   "a location's attribute is not the service's");
        assert_eq!((opvoed.referral, opvoed.cost.free), (Some(false), Some(true)));
        assert_eq!(opvoed.cost.options, ["Eerste gesprek"]);
        assert_eq!(opvoed.areas.iter().map(|a| a.name.as_deref().unwrap()).collect::<Vec<_>>(), ["Voorbeeldstad"]);
        assert_eq!(opvoed.application_process.as_deref(), Some("Loop binnen tijdens het spreekuur of bel voor een afspraak."));

        // A contact with a phone: the phone is the service's, said to be the contact's.
        let maatjes = record(&import, "maatjes");
        assert_eq!(numbers(&maatjes.phones), ["06-12345678"]);
        assert_eq!(maatjes.phones[0].kind, PhoneKind::Cell);
        assert_eq!(maatjes.phones[0].description.as_deref(), Some("Mw. De Vries, coördinator"));
        assert_eq!(maatjes.cost.options, ["Eigen bijdrage: € 25,00 per maand"]);
        assert_eq!((maatjes.cost.free, maatjes.minimum_age, maatjes.maximum_age), (Some(false), Some(18), None));
        assert_eq!(maatjes.themes, ["mantelzorg"]);
        assert!(maatjes.locations.is_empty() && maatjes.languages.is_empty() && maatjes.areas.is_empty());
        assert_eq!(maatjes.referral, None, "the data says nothing about a referral");

        // Phones and hours on the location itself.
        let jgz = record(&import, "jgz");
        let place = &jgz.locations[0].location;
        assert_eq!(numbers(&place.phones), ["010-5550301"]);
        assert_eq!((place.schedules[0].days.len(), place.schedules[0].opens_at), (5, time("08:30")));
        assert!(jgz.phones.is_empty());
        assert_eq!(jgz.languages, ["nl", "ar"]);
        assert_eq!((jgz.minimum_age, jgz.maximum_age), (Some(0), Some(4)));
        assert_eq!(jgz.target_groups, ["kinderen"]);
        assert_eq!(jgz.coverage_of(3315).is_some(), true, "3314-3316");

        let schuld = record(&import, "schuldhulp");
        assert_eq!(schuld.phones[0].extension.as_deref(), Some("12"));
        assert_eq!(schuld.hours_notes, ["Op afspraak"]);
        assert_eq!(schuld.referral, Some(true));
        assert_eq!(schuld.areas[0].name.as_deref(), Some("Noord"));
    }

    #[test]
    fn a_bad_cell_drops_that_field_and_is_named_by_file_row_and_column() {
        let (text, tables) = fixture();
        let import = read(&text, &tables);
        let named: Vec<_> = import.issues.iter().map(|i| (i.file.as_str(), i.record.as_ref().and_then(|r| r.row), i.field.as_str(), &i.problem, i.outcome)).collect();
        assert_eq!(named, [
            ("taxonomy_terms.csv", Some(4), "code", &Problem::UnknownTheme { value: "Mantelzorg".into() }, IssueOutcome::Kept),
            ("addresses.csv", Some(4), "postal_code", &Problem::Pack(PackProblem::BadPostcode), IssueOutcome::Dropped),
        ], "an unknown column, an unused table and a missing optional file say nothing");
        let address = record(&import, "jgz").locations[0].location.address.clone().unwrap();
        assert_eq!((address.street.as_deref(), address.postal_code, address.city.as_deref()), (Some("Stationsstraat 10"), None, Some("Voorbeeldstad")));
        let message = import.issues[1].message(Lang::Nl);
        assert!(message.starts_with("addresses.csv, rij 4 (jgz), veld postal_code: ") && message.ends_with("Dit veld is weggelaten; de rest van de dienst is wel overgenomen."), "{message}");
        let english = import.issues[1].message(Lang::En);
        assert!(english.starts_with("addresses.csv, row 4 (jgz), field postal_code: "), "{english}");

        // A bad row in a file with CRLF line endings and a byte order mark: its own row, as a
        // spreadsheet numbers it.
        let import = edited("phones.csv", |text| text.replace("010-5550301", "geen nummer"));
        let issue = import.issues.iter().find(|i| i.file == "phones.csv").unwrap();
        assert_eq!((issue.record.as_ref().unwrap().row, issue.field.as_str(), issue.outcome), (Some(3), "number", IssueOutcome::Dropped));
        assert!(record(&import, "jgz").locations[0].location.phones.is_empty());
        assert_eq!(import.records.len(), 4);
        // A number that is not one, in a service's own row.
        let import = edited("services.csv", |text| text.replace(",0,4,", ",nul,4,"));
        let issue = import.issues.iter().find(|i| i.file == "services.csv").unwrap();
        assert_eq!((issue.record.as_ref().unwrap().row, issue.field.as_str()), (Some(4), "minimum_age"));
        assert_eq!(record(&import, "jgz").maximum_age, Some(4));
    }

    #[test]
    fn a_package_gives_what_its_json_form_gives() {
        let (text, tables) = fixture();
        let tabular = read(&text, &tables);
        let json = super::super::hsds::import_hsds("tabular-as-json.json", include_str!("../../../tests/fixtures/sociale-kaart/tabular-as-json.json"), &Taxonomy::default(), crate::sociale_kaart::import::test_today());
        assert_eq!(tabular.records, json.records);
        let problems = |import: &Import| import.issues.iter().map(|i| (i.problem.clone(), i.outcome)).collect::<Vec<_>>();
        assert_eq!(problems(&tabular), problems(&json));
        assert_eq!(tabular.new_terms, json.new_terms);
    }

    #[test]
    fn read_in_slices_a_package_gives_exactly_what_it_gives_at_once() {
        let (text, tables) = fixture();
        let taxonomy = Taxonomy::default();
        let mut reader = TabularReader::new(PACKAGE, &text, &tables, &taxonomy, Default::default(), crate::sociale_kaart::import::test_today());
        let mut slices = 1;
        let sliced = loop {
            match reader.read(1) {
                Some(import) => break import,
                None => slices += 1,
            }
        };
        assert_eq!(sliced, read(&text, &tables));
        assert_eq!(slices, 4, "one service a slice");
    }

    #[test]
    fn without_its_services_a_package_is_refused_with_a_clear_message() {
        let (text, mut tables) = fixture();
        tables.remove("tabular/services.csv");
        let import = read(&text, &tables);
        assert!(import.records.is_empty());
        assert_eq!(import.issues.len(), 1);
        let issue = &import.issues[0];
        assert_eq!((issue.file.as_str(), &issue.problem, issue.outcome), ("datapackage.json", &Problem::NoServiceTable, IssueOutcome::Refused));
        assert!(issue.message(Lang::Nl).contains("geen tabel met diensten"), "{}", issue.message(Lang::Nl));
        // Nor when the package does not list them, or is not a package.
        let refused = |text: &str| read(text, &TableTexts::default()).issues[0].problem.clone();
        assert_eq!(refused(r#"{"resources": [{"name": "location", "path": "locations.csv"}]}"#), Problem::NoServiceTable);
        assert_eq!(refused(r#"{"name": "x"}"#), Problem::Pack(PackProblem::MissingField { field: "resources".into() }));
        assert!(matches!(refused("{\"resources\": ["), Problem::Pack(PackProblem::NotJson { .. })));
        // A services file that cannot be read says why, once.
        let (text, mut tables) = fixture();
        tables.insert("tabular/services.csv".into(), Err(PackProblem::TooLarge { size: 30 << 20, max: MAX_DATA_FILE_BYTES }));
        let import = read(&text, &tables);
        assert_eq!(import.issues.iter().map(|i| (i.file.as_str(), i.outcome)).collect::<Vec<_>>(), [("services.csv", IssueOutcome::Refused)]);
    }

    #[test]
    fn paths_stay_beside_the_pack_and_tables_are_found_by_name_or_file() {
        let text = r#"{"resources": [{"name": "service", "path": "../geheim.csv"}, {"path": "data/locations.csv"},
            {"name": "phone", "path": ["a.csv", "b.csv"]}, {"name": "funding", "path": "funding.csv"},
            {"name": "schedules", "path": "tijden-tab.csv", "dialect": {"delimiter": "\t"}}]}"#;
        assert_eq!(table_paths("kaart/datapackage.json", text), ["kaart/data/locations.csv", "kaart/tijden-tab.csv"]);
        let (resources, unusable) = listing("datapackage.json", text).unwrap();
        assert_eq!(resources[1].delimiter, b'\t');
        let told: Vec<_> = unusable.iter().map(|u| (u.file.as_str(), u.field.as_str(), &u.problem)).collect();
        assert_eq!(told, [("services.csv", "resources[0].path", &Problem::Pack(PackProblem::NotBesidePack)),
                          ("phones.csv", "resources[2].path", &Problem::BadShape)]);
    }

    #[test]
    fn a_row_that_names_a_missing_row_or_has_too_many_cells_is_named_and_left_out() {
        let import = edited("phones.csv", |text| text.replace("ph-opvoed,,opvoedsteun", "ph-opvoed,,bestaat-niet"));
        let issue = import.issues.iter().find(|i| i.file == "phones.csv").unwrap();
        assert_eq!(issue.problem, Problem::NoSuchRow { file: "services.csv".into(), id: "bestaat-niet".into() });
        assert_eq!((issue.record.as_ref().unwrap().row, issue.field.as_str()), (Some(2), "service_id"));
        assert!(record(&import, "opvoedsteun").phones.is_empty());
        // A wrong place, but a right service: the area is the service's, and the editor hears.
        let import = edited("service_areas.csv", |text| text.replace("area-jgz,jgz,,", "area-jgz,jgz,sal-bestaat-niet,"));
        let issue = import.issues.iter().find(|i| i.file == "service_areas.csv").unwrap();
        assert_eq!((issue.field.as_str(), issue.outcome), ("service_at_location_id", IssueOutcome::Kept));
        assert_eq!(record(&import, "jgz").areas.len(), 1);
        let import = edited("service_at_location.csv", |text| text.replace("sal-opvoed-zuid,opvoedsteun,loc-zuid,", "sal-opvoed-zuid,opvoedsteun,loc-zuid,,extra"));
        let issue = import.issues.iter().find(|i| i.file == "service_at_location.csv").unwrap();
        assert_eq!((&issue.problem, issue.outcome), (&Problem::CellCount { found: 5, expected: 4 }, IssueOutcome::Dropped));
        assert_eq!(record(&import, "opvoedsteun").locations.len(), 1);
        let groups = super::super::group_issues(&import.issues);
        let group = groups.iter().find(|g| g.examples[0].file == "service_at_location.csv").unwrap();
        assert!(group.message(Lang::Nl).starts_with("1 keer in service_at_location.csv: Deze rij heeft 5 cellen"), "{}", group.message(Lang::Nl));
        // An organisation's bad website, shared by three services, is told once.
        let import = edited("organizations.csv", |text| text.replace("https://www.welzijnvoorbeeldstad.nl", "javascript:alert(1)"));
        let told: Vec<_> = import.issues.iter().filter(|i| i.file == "organizations.csv").collect();
        assert_eq!(told.len(), 1, "{told:?}");
        assert_eq!((told[0].field.as_str(), told[0].record.as_ref().unwrap().row), ("website", Some(2)));
    }

    #[test]
    fn rows_shared_without_bound_are_refused_not_joined_for_ever() {
        let services: String = (0..3_000).map(|i| format!("s{i},Dienst {i}\n")).collect();
        let places: String = (0..3_000).map(|i| format!("p{i},s{i},loc\n")).collect();
        let phones: String = (0..3_000).map(|i| format!("f{i},loc,010-5550{:03}\n", i % 1000)).collect();
        let text = r#"{"resources": [{"name": "service", "path": "s.csv"}, {"name": "service_at_location", "path": "sal.csv"},
            {"name": "location", "path": "l.csv"}, {"name": "phone", "path": "p.csv"}]}"#;
        let tables: TableTexts = [("s.csv", format!("id,name\n{services}")), ("sal.csv", format!("id,service_id,location_id\n{places}")),
            ("l.csv", "id,name\nloc,Plek\n".to_string()), ("p.csv", format!("id,location_id,number\n{phones}"))]
            .into_iter().map(|(path, text)| (path.to_string(), Ok(text))).collect();
        // Refused by count, not by a clock: the suite has no timed tests (speed is the bench's).
        let import = import_tabular_after("datapackage.json", text, &tables, &Taxonomy::default(), Default::default(), crate::sociale_kaart::import::test_today());
        assert_eq!(import.issues.iter().map(|i| &i.problem).collect::<Vec<_>>(), [&Problem::TooManyLinks]);
    }
}
