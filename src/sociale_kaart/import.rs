//! Reading a sociale kaart from what gemeenten and organisations publish: Open Referral HSDS
//! 3.x JSON ([`hsds::import_hsds`]), its tabular form (`tabular`) or the CSV template a
//! gemeente fills in a spreadsheet ([`template::import_csv`]). Input is hostile until checked,
//! and one bad record never hides the rest: the good records come back together with every
//! issue, each naming the file, the record and the field, and what was done about it.

// Each reader imports this file's checker and issues; this file names none of them back.
pub mod hsds;
pub mod tabular;
pub mod template;

use super::fold::fold;
use super::model::{Phone, PhoneKind, ServiceRecord, Status, Taxonomy, Term};
use crate::ground::checks::{has_markup, is_email, is_hsds_id, is_phone, is_web_url};
use crate::ground::postcode::{postcode4, PostcodeRange};
use crate::ground::problem::Problem as PackProblem;
use crate::i18n::{t, t_count, t_with, Lang};
use chrono::NaiveDate;
use std::borrow::Cow;
use rustc_hash::{FxHashMap, FxHashSet};
use std::fmt::Display;

/// The template's columns (`template.rs`), in its order; also named in its problem messages. Only `id` and `naam` are required.
pub const TEMPLATE_COLUMNS: [&str; 26] = [
    "id",
    "naam",
    "organisatie",
    "omschrijving",
    "telefoon",
    "email",
    "website",
    "adres",
    "postcode",
    "plaats",
    "toegankelijkheid",
    "themas",
    "doelgroepen",
    "leeftijd_min",
    "leeftijd_max",
    "voorwaarden",
    "gratis",
    "kosten",
    "verwijzing_nodig",
    "talen",
    "openingstijden",
    "gebied",
    "gebied_postcodes",
    "status",
    "melding",
    "laatst_gecontroleerd",
];

/// Twice the 10,000 services a large region has.
pub const MAX_SERVICES: usize = 20_000;
/// Issues kept per file; the rest are counted. A broken file of a megabyte can have half a
/// million, and keeping (and showing) every one took the browser tab down.
pub const MAX_ISSUES_PER_FILE: usize = 300;
pub const MAX_TEXT_CHARS: usize = 5_000;
/// A theme or target group is a name, not a text.
const MAX_TERM_CHARS: usize = 100;
/// As `i64`: an age is read as any number first, to say when it is out of range.
const MAX_AGE: i64 = crate::ground::limits::MAX_AGE as i64;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Import {
    pub records: Vec<ServiceRecord>,
    pub issues: Vec<ImportIssue>,
    /// Themes and target groups the data uses beyond the default list, under the names the
    /// data gives them: kept, shown and searchable like the others.
    pub new_terms: NewTerms,
    /// Issues past [`MAX_ISSUES_PER_FILE`] in a file: counted, not kept.
    pub more_issues: usize,
}

/// Terms found in the data that the default [`Taxonomy`] lacks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewTerms {
    pub themes: Vec<Term>,
    pub target_groups: Vec<Term>,
}

impl Import {
    /// Adds what `other` read after what this one read; a new term both know is kept once.
    pub fn extend(&mut self, other: Import) {
        self.records.extend(other.records);
        self.issues.extend(other.issues);
        self.more_issues += other.more_issues;
        for (mine, theirs) in [(&mut self.new_terms.themes, other.new_terms.themes), (&mut self.new_terms.target_groups, other.new_terms.target_groups)] {
            for term in theirs {
                if !mine.iter().any(|t| t.id == term.id) {
                    mine.push(term);
                }
            }
        }
    }

    /// `base` (the default taxonomy, or a pack's) with the terms this import found.
    pub fn taxonomy(&self, base: Taxonomy) -> Taxonomy {
        base.with(&self.new_terms.themes, &self.new_terms.target_groups)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportIssue {
    pub file: String,
    /// None for the file as a whole.
    pub record: Option<RecordRef>,
    /// `phones[0].number` in HSDS, a column name in CSV; empty for the whole record or file.
    pub field: String,
    pub problem: Problem,
    pub outcome: IssueOutcome,
}

/// Which record an issue is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordRef {
    /// Position among the services in the file, from 0.
    pub index: usize,
    /// The CSV line, as the spreadsheet numbers its rows.
    pub row: Option<u64>,
    pub id: Option<String>,
}

/// What the import did about an issue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IssueOutcome {
    /// A warning: the value was imported as it is.
    Kept,
    /// The value was left out; the rest of the record was imported.
    Dropped,
    /// The record was not imported.
    Skipped,
    /// Nothing in the file was imported.
    Refused,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A problem the region pack checker knows too, with the same message.
    Pack(PackProblem),
    NotAServiceList,
    TooManyServices {
        count: usize,
    },
    UnreadableRow,
    CellCount {
        found: usize,
        expected: usize,
    },
    UnknownColumn,
    BadHours {
        value: String,
    },
    NotWeekly,
    /// Hours valid only before or after today.
    NotCurrent,
    BadDate {
        value: String,
    },
    NotANumber {
        value: String,
    },
    OutOfRange {
        value: String,
        min: String,
        max: String,
    },
    AgeOrder,
    BadYesNo {
        value: String,
    },
    BadStatus {
        value: String,
    },
    BadLanguage {
        value: String,
    },
    /// A field of another shape than HSDS gives it (text where a number belongs, a list
    /// where one value belongs).
    BadShape,
    /// A theme the default list does not have: kept under its own name (reported once).
    UnknownTheme {
        value: String,
    },
    UnknownTargetGroup {
        value: String,
    },
    /// A tabular package's row names a row of another table (`location_id`) that is not there.
    NoSuchRow {
        file: String,
        id: String,
    },
    /// A tabular package without its `service` table.
    NoServiceTable,
    /// A tabular package whose rows share rows so often that joining them would not be linear.
    TooManyLinks,
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        let value = |key: &str, value: &str| t_with(lang, key, &[("value", value)]);
        match self {
            Problem::Pack(problem) => problem.message(lang),
            Problem::NotAServiceList => t(lang, "social_map.problem.not_a_list"),
            Problem::TooManyServices { count } => t_with(
                lang,
                "social_map.problem.too_many",
                &[("count", &count.to_string()), ("max", &MAX_SERVICES.to_string())],
            ),
            Problem::UnreadableRow => t(lang, "social_map.problem.unreadable_row"),
            Problem::CellCount { found, expected } => t_with(
                lang,
                "social_map.problem.cell_count",
                &[("found", &found.to_string()), ("expected", &expected.to_string())],
            ),
            Problem::UnknownColumn => t_with(
                lang,
                "social_map.problem.unknown_column",
                &[("known", &TEMPLATE_COLUMNS.join(", "))],
            ),
            Problem::BadHours { value: v } => value("social_map.problem.bad_hours", v),
            Problem::NotWeekly => t(lang, "social_map.problem.not_weekly"),
            Problem::NotCurrent => t(lang, "social_map.problem.not_current"),
            Problem::BadDate { value: v } => value("social_map.problem.bad_date", v),
            Problem::NotANumber { value: v } => value("social_map.problem.not_a_number", v),
            Problem::OutOfRange { value, min, max } => t_with(
                lang,
                "social_map.problem.out_of_range",
                &[("value", value), ("min", min), ("max", max)],
            ),
            Problem::AgeOrder => t(lang, "social_map.problem.age_order"),
            Problem::BadYesNo { value: v } => value("social_map.problem.bad_yes_no", v),
            Problem::BadStatus { value: v } => value("social_map.problem.bad_status", v),
            Problem::BadLanguage { value: v } => value("social_map.problem.bad_language", v),
            Problem::BadShape => t(lang, "social_map.problem.bad_shape"),
            Problem::UnknownTheme { value: v } => value("social_map.problem.unknown_theme", v),
            Problem::UnknownTargetGroup { value: v } => value("social_map.problem.unknown_target_group", v),
            Problem::NoSuchRow { file, id } => t_with(lang, "social_map.problem.no_such_row", &[("file", file), ("id", id)]),
            Problem::NoServiceTable => t(lang, "social_map.problem.no_service_table"),
            Problem::TooManyLinks => t(lang, "social_map.problem.too_many_links"),
        }
    }
}

impl IssueOutcome {
    pub fn message(self, lang: Lang) -> String {
        match self {
            IssueOutcome::Kept => t(lang, "social_map.outcome.kept"),
            IssueOutcome::Dropped => t(lang, "social_map.outcome.dropped"),
            IssueOutcome::Skipped => t(lang, "social_map.outcome.skipped"),
            IssueOutcome::Refused => t(lang, "social_map.outcome.refused"),
        }
    }
}

impl ImportIssue {
    pub fn is_warning(&self) -> bool {
        self.outcome == IssueOutcome::Kept
    }

    /// "kaart.csv, rij 4 (buurtteam-noord), veld telefoon: … Dit veld is weggelaten."
    pub fn message(&self, lang: Lang) -> String {
        let mut args = vec![
            ("file", self.file.clone()),
            ("field", self.field.clone()),
            ("problem", self.problem.message(lang)),
            ("outcome", self.outcome.message(lang)),
        ];
        let key = match &self.record {
            None if self.field.is_empty() => "social_map.issue.file",
            None => "social_map.issue.column",
            Some(record) => {
                let number = |key: &str, n: String| t_with(lang, key, &[("number", &n)]);
                let mut name = match record.row {
                    Some(row) => number("social_map.issue.row", row.to_string()),
                    None => number("social_map.issue.service", (record.index + 1).to_string()),
                };
                if let Some(id) = &record.id {
                    name = format!("{name} ({id})");
                }
                args.push(("record", name));
                if self.field.is_empty() {
                    "social_map.issue.record"
                } else {
                    "social_map.issue.field"
                }
            }
        };
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        t_with(lang, key, &args)
    }

    /// The record this issue is about, as the messages name it ("dienst 3 (vals-loket)").
    pub fn record_name(&self, lang: Lang) -> Option<String> {
        let record = self.record.as_ref()?;
        let number = |key: &str, n: String| t_with(lang, key, &[("number", &n)]);
        let name = match record.row {
            Some(row) => number("social_map.issue.row", row.to_string()),
            None => number("social_map.issue.service", (record.index + 1).to_string()),
        };
        Some(match &record.id {
            Some(id) => format!("{name} ({id})"),
            None => name,
        })
    }
}

/// Issues of one kind: the same problem, with the same outcome, in the same field of the
/// same file (`phones[0]` and `phones[3]` are one field), for an editor to fix in one go.
pub struct IssueGroup<'a> {
    pub count: usize,
    /// The first few, in file order.
    pub examples: Vec<&'a ImportIssue>,
}

impl IssueGroup<'_> {
    /// "12 keer in kaart.json, veld url: … Dit veld is weggelaten."
    pub fn message(&self, lang: Lang) -> String {
        let first = self.examples[0];
        let (problem, outcome) = (first.problem.message(lang), first.outcome.message(lang));
        let args = [("file", first.file.as_str()), ("field", &first.field), ("problem", &problem), ("outcome", &outcome)];
        // A whole row or file has no field to name ("veld : …" read as broken).
        let key = if first.field.is_empty() { "social_map.report.group_whole" } else { "social_map.report.group" };
        t_count(lang, key, self.count, &args)
    }

    /// "Bijvoorbeeld: dienst 2 (vals-loket), dienst 7.", when the issues name records.
    pub fn examples_line(&self, lang: Lang) -> Option<String> {
        let records: Vec<String> = self.examples.iter().filter_map(|i| i.record_name(lang)).collect();
        (!records.is_empty()).then(|| t_with(lang, "social_map.report.examples", &[("records", &records.join(", "))]))
    }
}

/// Examples kept per group.
const EXAMPLES: usize = 3;

/// The issues grouped by kind: whole files refused first, then skipped services, dropped
/// fields and warnings; within each, the largest group first. Linear in the issues.
pub fn group_issues(issues: &[ImportIssue]) -> Vec<IssueGroup<'_>> {
    let mut groups: Vec<IssueGroup> = Vec::new();
    let mut by_key: FxHashMap<(String, String, std::mem::Discriminant<Problem>, u8), usize> = FxHashMap::default();
    for issue in issues {
        let field: String = issue.field.chars().filter(|c| !c.is_ascii_digit()).collect();
        let key = (issue.file.clone(), field, std::mem::discriminant(&issue.problem), issue.outcome as u8);
        let at = *by_key.entry(key).or_insert_with(|| {
            groups.push(IssueGroup { count: 0, examples: Vec::new() });
            groups.len() - 1
        });
        let group = &mut groups[at];
        group.count += 1;
        if group.examples.len() < EXAMPLES {
            group.examples.push(issue);
        }
    }
    let weight = |outcome: IssueOutcome| match outcome {
        IssueOutcome::Refused => 0,
        IssueOutcome::Skipped => 1,
        IssueOutcome::Dropped => 2,
        IssueOutcome::Kept => 3,
    };
    groups.sort_by_key(|g| (weight(g.examples[0].outcome), std::cmp::Reverse(g.count)));
    groups
}

/// "312 diensten gelezen, 4 niet, 27 velden weggelaten": the first line of a report.
pub fn summary(read: usize, issues: &[ImportIssue], lang: Lang) -> String {
    let count = |outcome: IssueOutcome| issues.iter().filter(|i| i.outcome == outcome).count();
    let args = [
        ("read", read.to_string()),
        ("skipped", count(IssueOutcome::Skipped).to_string()),
        ("dropped", count(IssueOutcome::Dropped).to_string()),
        ("warnings", count(IssueOutcome::Kept).to_string()),
    ];
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    t_with(lang, "social_map.report.summary", &args)
}

/// The day the tests run, for the tests whose data is dated relative to it (a test that is
/// about a date fixes its own).
#[cfg(test)]
pub(crate) fn test_today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Checks the fields of one record after another, collecting the good records and the issues.
struct Checker<'a> {
    file: &'a str,
    themes: Terms,
    target_groups: Terms,
    /// The record being checked (index, CSV row), and its id as far as known, for messages:
    /// written only when an issue is reported, as most records have none.
    record: Option<(usize, Option<u64>)>,
    record_id: String,
    ids: FxHashSet<String>,
    /// The record's texts about when it can be reached, beside its hours.
    notes: Vec<String>,
    import: Import,
    /// Tomorrow: one day of slack for time zones between an editor and a user.
    latest_check: NaiveDate,
}

impl<'a> Checker<'a> {
    /// `today` is the caller's (the app reads the clock once per load, the checker once per
    /// run, a test fixes it): dates in the file are held against it.
    fn new(file: &'a str, taxonomy: &Taxonomy, today: NaiveDate) -> Checker<'a> {
        Checker {
            file,
            themes: Terms::new(&taxonomy.themes),
            target_groups: Terms::new(&taxonomy.target_groups),
            record: None,
            record_id: String::new(),
            ids: FxHashSet::default(),
            notes: Vec::new(),
            import: Import::default(),
            latest_check: today.checked_add_days(chrono::Days::new(1)).unwrap_or(NaiveDate::MAX),
        }
    }

    /// The whole file is refused: its one issue says why.
    fn refuse(mut self, field: &str, problem: Problem) -> Import {
        self.record = None;
        self.import = Import::default();
        self.report(field, problem, IssueOutcome::Refused);
        self.import
    }

    fn start_record(&mut self, index: usize, row: Option<u64>, id: Option<&str>) {
        self.notes.clear();
        self.record = Some((index, row));
        self.record_id.clear();
        self.record_id.push_str(id.unwrap_or_default());
    }

    /// Today, as the caller gave it.
    fn today(&self) -> NaiveDate {
        self.latest_check - chrono::Days::new(1)
    }

    /// A text about when a service can be reached that is not a week's hours ("Op afspraak",
    /// "elke tweede maandag van de maand"): shown as it is.
    fn note(&mut self, text: String) {
        if !self.notes.contains(&text) {
            self.notes.push(text);
        }
    }

    fn take_notes(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notes)
    }

    /// Ids the files read before this one have: a service in two files is shown once.
    fn known_ids(&mut self, ids: FxHashSet<String>) {
        self.ids = ids;
    }

    /// Keeps a record whose id and name passed.
    fn accept(&mut self, record: ServiceRecord) {
        self.ids.insert(record.id.clone());
        self.import.records.push(record);
    }

    fn finish(self) -> Import {
        self.import
    }

    fn report(&mut self, field: impl Display + Copy, problem: Problem, outcome: IssueOutcome) {
        if self.import.issues.len() >= MAX_ISSUES_PER_FILE {
            self.import.more_issues += 1;
            return;
        }
        self.import.issues.push(ImportIssue {
            file: self.file.to_string(),
            record: self.record.map(|(index, row)| RecordRef {
                index,
                row,
                id: (!self.record_id.is_empty()).then(|| self.record_id.clone()),
            }),
            field: field.to_string(),
            problem,
            outcome,
        });
    }

    fn pack(&mut self, field: impl Display + Copy, problem: PackProblem, outcome: IssueOutcome) {
        self.report(field, Problem::Pack(problem), outcome);
    }

    /// Optional text: trimmed, None when empty. Markup is kept as text, with a warning: the
    /// UI only ever renders text.
    fn text(&mut self, field: impl Display + Copy, value: Option<&str>) -> Option<String> {
        self.checked_text(field, value, IssueOutcome::Dropped)
    }

    fn checked_text(
        &mut self,
        field: impl Display + Copy,
        value: Option<&str>,
        on_fail: IssueOutcome,
    ) -> Option<String> {
        let value = value.map(str::trim).filter(|v| !v.is_empty())?;
        if value.len() > MAX_TEXT_CHARS && value.chars().count() > MAX_TEXT_CHARS {
            self.pack(field, PackProblem::TooLong { max: MAX_TEXT_CHARS }, on_fail);
            return None;
        }
        if has_markup(value) {
            self.pack(field, PackProblem::Markup, IssueOutcome::Kept);
        }
        Some(value.to_string())
    }

    /// Text the record cannot do without: its name.
    fn required(&mut self, field: impl Display + Copy, value: Option<&str>) -> Option<String> {
        match value {
            None => self.pack(
                field,
                PackProblem::MissingField { field: field.to_string() },
                IssueOutcome::Skipped,
            ),
            Some(v) if v.trim().is_empty() => {
                self.pack(field, PackProblem::Empty, IssueOutcome::Skipped)
            }
            Some(_) => {}
        }
        self.checked_text(field, value, IssueOutcome::Skipped)
    }

    /// Lower-case letters, digits, hyphens and underscores (valid in HSDS and safe in a
    /// link), unique in the file and in the files read before it. Upper case is lowered:
    /// some publishers write their UUIDs that way.
    fn id(&mut self, field: impl Display + Copy, value: Option<&str>) -> Option<String> {
        let mut id = self.required(field, value)?;
        id.make_ascii_lowercase();
        if !is_hsds_id(&id) {
            self.pack(field, PackProblem::BadId, IssueOutcome::Skipped);
            return None;
        }
        if self.ids.contains(&id) {
            self.pack(field, PackProblem::DuplicateId { id }, IssueOutcome::Skipped);
            return None;
        }
        self.record_id.clone_from(&id);
        Some(id)
    }

    /// Checked whole, so markup in it drops it rather than warning.
    fn website(&mut self, field: impl Display + Copy, value: Option<&str>) -> Option<String> {
        self.checked(field, value, is_web_url, PackProblem::BadUrl)
    }

    fn email(&mut self, field: impl Display + Copy, value: Option<&str>) -> Option<String> {
        self.checked(field, value, is_email, PackProblem::BadEmail)
    }

    fn checked(
        &mut self,
        field: impl Display + Copy,
        value: Option<&str>,
        valid: fn(&str) -> bool,
        problem: PackProblem,
    ) -> Option<String> {
        let value = value.map(str::trim).filter(|v| !v.is_empty())?;
        if valid(value) {
            Some(value.to_string())
        } else {
            self.pack(field, problem, IssueOutcome::Dropped);
            None
        }
    }

    /// Only numbers that make a safe `tel:` link.
    fn phone(
        &mut self,
        field: impl Display + Copy,
        number: &str,
        kind: Option<&str>,
        description: Option<String>,
    ) -> Option<Phone> {
        let number = number.trim();
        if !is_phone(number) {
            self.pack(field, PackProblem::BadPhone, IssueOutcome::Dropped);
            return None;
        }
        let kind = kind.map(str::trim).unwrap_or_default();
        let kind = [
            ("text", PhoneKind::Text),
            ("sms", PhoneKind::Text),
            ("fax", PhoneKind::Fax),
            ("cell", PhoneKind::Cell),
            ("mobile", PhoneKind::Cell),
            ("video", PhoneKind::Video),
            ("pager", PhoneKind::Pager),
            ("textphone", PhoneKind::Textphone),
        ]
        .into_iter()
        .find_map(|(name, phone_kind)| kind.eq_ignore_ascii_case(name).then_some(phone_kind))
        .unwrap_or(PhoneKind::Voice);
        Some(Phone { number: number.to_string(), kind, description, extension: None })
    }

    /// "3311 AB" in that form; None with an issue for anything else.
    fn postal_code(&mut self, field: impl Display + Copy, value: Option<&str>) -> Option<String> {
        let value = self.text(field, value)?;
        // Most files write it so already: kept as it is, without copies.
        let b = value.as_bytes();
        if b.len() == 7
            && b[..4].iter().all(u8::is_ascii_digit)
            && b[4] == b' '
            && b[5..].iter().all(u8::is_ascii_uppercase)
        {
            return Some(value);
        }
        let compact: String = value.chars().filter(|c| !c.is_whitespace()).collect();
        match postcode4(&compact) {
            Some(digits) if compact.len() == 6 => {
                Some(format!("{digits} {}", compact[4..].to_ascii_uppercase()))
            }
            Some(digits) => Some(digits.to_string()),
            None => {
                self.pack(field, PackProblem::BadPostcode, IssueOutcome::Dropped);
                None
            }
        }
    }

    /// "3311-3313, 3314" or with semicolons or spaces between; a bad part is left out alone.
    fn postcodes(&mut self, field: impl Display + Copy, value: &str) -> Vec<PostcodeRange> {
        let value = if value.contains(" -") || value.contains("- ") {
            Cow::Owned(value.replace(" -", "-").replace("- ", "-"))
        } else {
            Cow::Borrowed(value)
        };
        let mut ranges = Vec::new();
        for part in value.split([',', ';', ' ', '\n']).filter(|p| !p.trim().is_empty()) {
            match PostcodeRange::parse(part) {
                Some(range) => ranges.push(range),
                None => self.pack(field, PackProblem::BadPostcode, IssueOutcome::Dropped),
            }
        }
        ranges
    }

    fn age(&mut self, field: impl Display + Copy, value: &str) -> Option<u8> {
        let value = value.trim();
        match value.parse::<i64>() {
            Ok(age) if (0..=MAX_AGE).contains(&age) => Some(age as u8),
            Ok(_) => {
                let (min, max) = ("0".into(), MAX_AGE.to_string());
                self.report(
                    field,
                    Problem::OutOfRange { value: value.into(), min, max },
                    IssueOutcome::Dropped,
                );
                None
            }
            Err(_) => {
                self.report(field, Problem::NotANumber { value: value.into() }, IssueOutcome::Dropped);
                None
            }
        }
    }

    /// Both ages, unless the minimum is above the maximum.
    fn age_range(
        &mut self,
        field: impl Display + Copy,
        min: Option<u8>,
        max: Option<u8>,
    ) -> (Option<u8>, Option<u8>) {
        match (min, max) {
            (Some(min), Some(max)) if min > max => {
                self.report(field, Problem::AgeOrder, IssueOutcome::Dropped);
                (None, None)
            }
            range => range,
        }
    }

    /// A "laatst gecontroleerd" date: never in the future.
    fn date(&mut self, field: impl Display + Copy, value: Option<&str>) -> Option<NaiveDate> {
        let date = self.any_date(field, value)?;
        if date > self.latest_check {
            self.pack(field, PackProblem::CheckedInFuture, IssueOutcome::Dropped);
            return None;
        }
        Some(date)
    }

    /// ISO dates, or the Dutch day-month-year a spreadsheet shows; past or future.
    fn any_date(&mut self, field: impl Display + Copy, value: Option<&str>) -> Option<NaiveDate> {
        let value = value.map(str::trim).filter(|v| !v.is_empty())?;
        // HSDS may give a full timestamp; the day is what "laatst gecontroleerd" shows.
        let day = value.split(['T', ' ']).next().unwrap_or(value);
        // ISO first, read directly: most files use it, and a large region has thousands.
        let parsed = iso_date(day).or_else(|| {
            ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"]
                .iter()
                .find_map(|format| NaiveDate::parse_from_str(day, format).ok())
        });
        if parsed.is_none() {
            self.report(field, Problem::BadDate { value: value.into() }, IssueOutcome::Dropped);
        }
        parsed
    }

    /// ISO 639-1 ("nl") or ISO 639-2/3 ("nld", "pap"), also with a region ("nl-NL"). A
    /// three-letter code with a two-letter one is stored as that ("nld" is "nl"), so a filter
    /// finds both; the pairs are those of the ISO 639-2 code list (Library of Congress,
    /// https://www.loc.gov/standards/iso639-2/php/code_list.php, checked 2026-12-01).
    fn language(&mut self, field: impl Display + Copy, value: &str) -> Option<String> {
        const TWO_LETTERS: [(&str, &str); 24] = [
            ("nld", "nl"), ("dut", "nl"), ("eng", "en"), ("tur", "tr"), ("ara", "ar"), ("deu", "de"),
            ("ger", "de"), ("fra", "fr"), ("fre", "fr"), ("spa", "es"), ("pol", "pl"), ("por", "pt"),
            ("ron", "ro"), ("rum", "ro"), ("rus", "ru"), ("ukr", "uk"), ("bul", "bg"), ("som", "so"),
            ("tir", "ti"), ("fas", "fa"), ("per", "fa"), ("urd", "ur"), ("zho", "zh"), ("fry", "fy"),
        ];
        let primary = value.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        if (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_lowercase()) {
            let two = TWO_LETTERS.iter().find(|(three, _)| *three == primary).map(|(_, two)| two.to_string());
            Some(two.unwrap_or(primary))
        } else {
            self.report(
                field,
                Problem::BadLanguage { value: value.trim().into() },
                IssueOutcome::Dropped,
            );
            None
        }
    }

    /// HSDS's English values or their Dutch names; active when empty.
    fn status(&mut self, field: impl Display + Copy, value: Option<&str>) -> Status {
        let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
            return Status::Active;
        };
        match &*slug(value) {
            "active" | "actief" => Status::Active,
            "inactive" | "inactief" | "niet-actief" => Status::Inactive,
            "defunct" | "opgeheven" => Status::Defunct,
            "temporarily-closed" | "tijdelijk-gesloten" => Status::TemporarilyClosed,
            _ => {
                self.report(field, Problem::BadStatus { value: value.into() }, IssueOutcome::Dropped);
                Status::Active
            }
        }
    }

    fn theme(&mut self, field: impl Display + Copy, value: &str) -> Option<String> {
        self.term(field, value, None, false)
    }

    fn target_group(&mut self, field: impl Display + Copy, value: &str) -> Option<String> {
        self.term(field, value, None, true)
    }

    /// A known theme or target group by any of its names; an unknown one is kept under the
    /// name the data gives it (`label`, else `value`), and told to the editor once per file,
    /// not once per record.
    fn term(&mut self, field: impl Display + Copy, value: &str, label: Option<&str>, group: bool) -> Option<String> {
        let terms = if group { &self.target_groups } else { &self.themes };
        if let Some(id) = terms.find(value) {
            return Some(id.to_string());
        }
        let id = slug(value.trim()).into_owned();
        let label = label.unwrap_or(value).trim();
        let refused = if id.is_empty() {
            Some(PackProblem::Empty)
        } else if label.chars().count() > MAX_TERM_CHARS {
            Some(PackProblem::TooLong { max: MAX_TERM_CHARS })
        } else if has_markup(label) {
            Some(PackProblem::Markup)
        } else {
            None
        };
        if let Some(problem) = refused {
            self.pack(field, problem, IssueOutcome::Dropped);
            return None;
        }
        let term = Term { id: id.clone(), label: crate::i18n::Text { nl: label.to_string(), en: None } };
        let (terms, found, problem) = if group {
            (&mut self.target_groups, &mut self.import.new_terms.target_groups, Problem::UnknownTargetGroup { value: label.into() })
        } else {
            (&mut self.themes, &mut self.import.new_terms.themes, Problem::UnknownTheme { value: label.into() })
        };
        terms.add(&term);
        found.push(term);
        self.report(field, problem, IssueOutcome::Kept);
        Some(id)
    }
}

/// "2026-09-04" and nothing else.
fn iso_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() });
    let number = |from: usize, to: usize| text[from..to].parse::<u32>().ok();
    shaped.then(|| NaiveDate::from_ymd_opt(number(0, 4)? as i32, number(5, 7)?, number(8, 10)?))?
}

/// Finds a theme or target group however it is written: "huiselijk-geweld", "Huiselijk
/// geweld" and "Domestic violence" are one theme.
struct Terms {
    by_slug: FxHashMap<String, String>,
}

impl Terms {
    fn new(terms: &[Term]) -> Terms {
        let mut found = Terms { by_slug: FxHashMap::default() };
        for term in terms {
            found.add(term);
        }
        found
    }

    fn add(&mut self, term: &Term) {
        let labels = [Some(term.label.nl.as_str()), term.label.en.as_deref()];
        for name in labels.into_iter().flatten().chain([term.id.as_str()]) {
            self.by_slug.entry(slug(name).into_owned()).or_insert_with(|| term.id.clone());
        }
    }

    fn find(&self, value: &str) -> Option<&str> {
        self.by_slug.get(&*slug(value)).map(String::as_str)
    }
}

/// "Huiselijk geweld" → "huiselijk-geweld". A value that is a slug already, as ids in
/// published data are, comes back as it is.
fn slug(text: &str) -> Cow<'_, str> {
    // One pass over the bytes: no empty part before, between or after hyphens.
    let mut previous = b'-';
    let is_slug = text.bytes().all(|b| {
        let fits = b.is_ascii_lowercase() || b.is_ascii_digit() || (b == b'-' && previous != b'-');
        previous = b;
        fits
    }) && previous != b'-';
    if is_slug {
        return Cow::Borrowed(text);
    }
    Cow::Owned(fold(text).split_whitespace().collect::<Vec<_>>().join("-"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::hsds::import_hsds;

    #[test]
    fn a_report_groups_issues_by_kind_with_counts_and_first_examples() {
        let services: Vec<_> = (0..40)
            .map(|i| serde_json::json!({ "id": format!("s-{i}"), "name": if i == 7 { serde_json::json!(3) } else { serde_json::json!("Dienst") },
                "phones": [{ "number": "geen" }, { "number": "ook geen" }], "email": if i % 10 == 0 { "x" } else { "a@b.nl" } }))
            .collect();
        let import = import_hsds("kaart.json", &serde_json::Value::from(services).to_string(), &Taxonomy::default(), crate::sociale_kaart::import::test_today());
        let groups = group_issues(&import.issues);
        let kinds: Vec<_> = groups.iter().map(|g| (g.examples[0].field.as_str(), g.count, g.examples[0].outcome)).collect();
        assert_eq!(kinds, [("name", 1, IssueOutcome::Skipped), ("phones[0].number", 78, IssueOutcome::Dropped), ("email", 4, IssueOutcome::Dropped)]);
        assert!(groups.iter().all(|g| g.examples.len() <= 3));
        assert_eq!(summary(import.records.len(), &import.issues, Lang::Nl), "39 diensten gelezen, 1 niet, 82 velden weggelaten, 0 waarschuwingen.");
        assert_eq!(groups[0].examples[0].record_name(Lang::Nl).as_deref(), Some("dienst 8 (s-7)"));
    }

    #[test]
    fn dates_read_as_iso_or_as_a_spreadsheet_shows_them() {
        let mut check = Checker::new("kaart.json", &Taxonomy::default(), crate::sociale_kaart::import::test_today());
        let day = NaiveDate::from_ymd_opt(2026, 9, 4);
        for text in ["2026-09-04", "2026-9-4", "04-09-2026", "4/9/2026", "04.09.2026", "2026-09-04T10:00:00Z"] {
            assert_eq!(check.date("assured_date", Some(text)), day, "{text}");
        }
        assert!(check.import.issues.is_empty());
        for text in ["2026-13-04", "2026-02-30", "vorige week", "2026-09-0x"] {
            assert_eq!(check.date("assured_date", Some(text)), None, "{text}");
        }
        assert_eq!(check.import.issues.len(), 4);
    }

    #[test]
    fn postcodes_are_written_one_way() {
        let mut check = Checker::new("kaart.csv", &Taxonomy::default(), crate::sociale_kaart::import::test_today());
        for (text, expected) in
            [("3312 AB", "3312 AB"), ("3312ab", "3312 AB"), (" 3312  ab ", "3312 AB"), ("3312", "3312")]
        {
            assert_eq!(check.postal_code("postcode", Some(text)).as_deref(), Some(expected), "{text}");
        }
        assert!(check.import.issues.is_empty());
        assert_eq!(check.postal_code("postcode", Some("Dorpsstraat")), None);
        assert_eq!(check.import.issues.len(), 1);
    }

    #[test]
    fn a_slug_comes_back_as_it_is_and_anything_else_is_made_one() {
        for text in ["huiselijk-geweld", "veilig-thuis-2", "cjg"] {
            assert!(matches!(slug(text), Cow::Borrowed(t) if t == text), "{text}");
        }
        for (text, expected) in [
            ("Huiselijk Geweld", "huiselijk-geweld"),
            ("-cjg", "cjg"),
            ("cjg-", "cjg"),
            ("jeugd--zorg", "jeugd-zorg"),
            ("Zorg & Welzijn", "zorg-welzijn"),
            ("", ""),
        ] {
            assert!(matches!(slug(text), Cow::Owned(t) if t == expected), "{text}");
        }
    }

    #[test]
    fn terms_are_found_by_id_or_label_in_either_language() {
        let themes = Terms::new(&Taxonomy::default().themes);
        assert_eq!(themes.find("huiselijk-geweld"), Some("huiselijk-geweld"));
        assert_eq!(themes.find(" Huiselijk Geweld "), Some("huiselijk-geweld"));
        assert_eq!(themes.find("Domestic violence"), Some("huiselijk-geweld"));
        assert_eq!(themes.find("Geld en schulden"), Some("schulden"));
        assert_eq!(themes.find("ruimtevaart"), None);
    }

    #[test]
    fn an_issue_names_file_record_and_field() {
        let issue = ImportIssue {
            file: "kaart.csv".into(),
            record: Some(RecordRef { index: 2, row: Some(4), id: Some("buurtteam-noord".into()) }),
            field: "telefoon".into(),
            problem: Problem::Pack(PackProblem::BadPhone),
            outcome: IssueOutcome::Dropped,
        };
        let other = ImportIssue { problem: Problem::NotWeekly, ..issue.clone() };
        let message = issue.message(Lang::Nl);
        assert!(
            message.starts_with("kaart.csv, rij ")
                && message.contains("(buurtteam-noord), veld telefoon: ")
                && message.ends_with("Dit veld is weggelaten; de rest van de dienst is wel overgenomen."),
            "{message}"
        );
        assert_ne!(message, other.message(Lang::Nl));
    }
}
