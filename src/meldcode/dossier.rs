//! A meldcode dossier: one case, kept as a draft on this device. The stored form carries a
//! schema version; `Dossier::from_stored` reads every version ever written (fixtures of each
//! live in `tests/fixtures/`), so an update never locks a professional out of a draft.

use super::engine::{Answers, Circumstances, Decision, Outcome};
use super::profile::{ClientKind, Profile, Sector};
use crate::ground::checks::{is_record_id, nests_deeper_than};
use crate::ground::route::Screen;
use crate::ground::limits::megabytes;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub const DOSSIER_VERSION: u32 = 1;
pub const EXPORT_FORMAT: &str = "meldwijzer-dossiers";
// The import limits every import file meets live in the ground layer.
pub use crate::ground::limits::{MAX_IMPORT_BYTES, MAX_IMPORT_DEPTH, MAX_IMPORT_ITEMS};

/// A dated observation, keeping what was seen or heard apart from what it might mean.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SignalEntry {
    pub date: Option<NaiveDate>,
    pub observed: String,
    pub interpretation: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConsultationKind {
    #[default]
    Colleague,
    Aandachtsfunctionaris,
    VeiligThuisAdvies,
    Letselduiding,
}

impl ConsultationKind {
    pub const ALL: [ConsultationKind; 4] = [
        ConsultationKind::Colleague,
        ConsultationKind::Aandachtsfunctionaris,
        ConsultationKind::VeiligThuisAdvies,
        ConsultationKind::Letselduiding,
    ];

    pub fn label_key(self) -> &'static str {
        match self {
            ConsultationKind::Colleague => "consultation.colleague",
            ConsultationKind::Aandachtsfunctionaris => "consultation.aandachtsfunctionaris",
            ConsultationKind::VeiligThuisAdvies => "consultation.veilig_thuis",
            ConsultationKind::Letselduiding => "consultation.letselduiding",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Consultation {
    pub kind: ConsultationKind,
    pub who: String,
    pub date: Option<NaiveDate>,
    pub advice: String,
}

/// The only reasons the conversation with the client may be skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SkipReason {
    SafetyChild,
    SafetyClient,
    SafetyProfessional,
    ClientBreaksContact,
}

impl SkipReason {
    pub const ALL: [SkipReason; 4] = [
        SkipReason::SafetyChild,
        SkipReason::SafetyClient,
        SkipReason::SafetyProfessional,
        SkipReason::ClientBreaksContact,
    ];

    pub fn label_key(self) -> &'static str {
        match self {
            SkipReason::SafetyChild => "skip.safety_child",
            SkipReason::SafetyClient => "skip.safety_client",
            SkipReason::SafetyProfessional => "skip.safety_professional",
            SkipReason::ClientBreaksContact => "skip.breaks_contact",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Conversation {
    pub date: Option<NaiveDate>,
    pub said: String,
    pub reaction: String,
    pub skipped: Option<SkipReason>,
    pub skip_note: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Kindcheck {
    pub children_in_care: Option<bool>,
    pub safety_established: Option<bool>,
    pub note: String,
}

/// What the kindcheck concludes, for the decision and the print.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KindcheckConclusion {
    /// Not (yet) asked whether there are children in the client's care.
    NotDone,
    NoChildren,
    /// There are children; whether they are safe is not yet assessed.
    SafetyOpen,
    ChildrenSafe,
    /// The professional cannot establish that the children are safe: consult Veilig Thuis.
    CannotEstablishSafety,
}

impl KindcheckConclusion {
    pub fn key(self) -> &'static str {
        match self {
            KindcheckConclusion::NotDone => "kindcheck.conclusion.not_done",
            KindcheckConclusion::NoChildren => "kindcheck.conclusion.no_children",
            KindcheckConclusion::SafetyOpen => "kindcheck.conclusion.open",
            KindcheckConclusion::ChildrenSafe => "kindcheck.conclusion.safe",
            KindcheckConclusion::CannotEstablishSafety => "kindcheck.doubt",
        }
    }
}

impl Kindcheck {
    pub fn conclusion(&self) -> KindcheckConclusion {
        match (self.children_in_care, self.safety_established) {
            (None, _) => KindcheckConclusion::NotDone,
            (Some(false), _) => KindcheckConclusion::NoChildren,
            (Some(true), None) => KindcheckConclusion::SafetyOpen,
            (Some(true), Some(true)) => KindcheckConclusion::ChildrenSafe,
            (Some(true), Some(false)) => KindcheckConclusion::CannotEstablishSafety,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Weighing {
    pub risk: String,
    pub nature: String,
    pub severity: String,
}

/// What goes to Veilig Thuis, ordered like its melding form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Melding {
    pub betrokkenen: String,
    pub network: String,
    pub other: String,
    /// Date the melding was made; from then on Veilig Thuis is responsible.
    pub made_on: Option<NaiveDate>,
    pub client_informed: Option<bool>,
    /// Why the client was not told first (open melden, tenzij).
    pub not_informed_reason: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Evaluation {
    pub date: Option<NaiveDate>,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dossier {
    pub version: u32,
    pub id: String,
    pub case_code: String,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    /// Counts the writes to storage, so a write made from an older copy (another tab's) is
    /// merged, never written over a newer one.
    #[serde(default)]
    pub revision: u64,
    /// Texts two tabs changed at once: the other version of a field, until the user settles it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<TextConflict>,
    /// How many writes each tab (a random id per opened app) has made, as far as this version
    /// knows: whether a version stands on another tab's write (a vector clock).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub writes: Vec<(String, u64)>,
    #[serde(default)]
    pub sector: Sector,
    #[serde(default)]
    pub client: ClientKind,
    #[serde(default)]
    pub doctor: bool,
    #[serde(default)]
    pub signals: Vec<SignalEntry>,
    /// Ticked checklist items (child and parent signals, forms of abuse), by id.
    #[serde(default)]
    pub ticked: Vec<String>,
    #[serde(default)]
    pub kindcheck: Kindcheck,
    #[serde(default)]
    pub consultations: Vec<Consultation>,
    #[serde(default)]
    pub conversation: Conversation,
    #[serde(default)]
    pub weighing: Weighing,
    #[serde(default)]
    pub afwegingen: Answers,
    #[serde(default)]
    pub motivations: [String; 5],
    #[serde(default)]
    pub melding: Melding,
    #[serde(default)]
    pub evaluations: Vec<Evaluation>,
}

/// The other version of a text field (a JSON pointer into the dossier, "/weighing/risk").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextConflict {
    pub field: String,
    pub other: String,
}

/// Who holds responsibility for the child's or client's safety now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Responsibility {
    /// No melding (yet): the professional, also after asking Veilig Thuis for advice.
    Professional { asked_advice: bool },
    /// After a melding, Veilig Thuis follows the safety; the professional may still help.
    VeiligThuis { since: NaiveDate },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DossierError {
    NotJson,
    NewerVersion { found: u64 },
    Invalid { detail: String },
}

impl DossierError {
    pub fn message_key(&self) -> &'static str {
        match self {
            DossierError::NotJson => "dossier.error.not_json",
            DossierError::NewerVersion { .. } => "dossier.error.newer",
            DossierError::Invalid { .. } => "dossier.error.invalid",
        }
    }
}

impl Dossier {
    pub fn new(id: String, case_code: String, profile: &Profile, now: DateTime<Utc>) -> Dossier {
        Dossier {
            version: DOSSIER_VERSION,
            id,
            case_code,
            created: now,
            updated: now,
            revision: 0,
            conflicts: Vec::new(),
            writes: Vec::new(),
            sector: profile.sector,
            client: profile.client,
            doctor: profile.doctor,
            signals: Vec::new(),
            ticked: Vec::new(),
            kindcheck: Kindcheck::default(),
            consultations: Vec::new(),
            conversation: Conversation::default(),
            weighing: Weighing::default(),
            afwegingen: Answers::default(),
            motivations: Default::default(),
            melding: Melding::default(),
            evaluations: Vec::new(),
        }
    }

    /// Reads a stored or exported dossier of any version this app has ever written.
    pub fn from_value(value: Value) -> Result<Dossier, DossierError> {
        let version = value.get("version").and_then(Value::as_u64).unwrap_or(0);
        if version > u64::from(DOSSIER_VERSION) {
            return Err(DossierError::NewerVersion { found: version });
        }
        // Version 1 is the first; a version 2 adds its migration step here, before parsing.
        serde_path_to_error::deserialize(value).map_err(|e| DossierError::Invalid {
            detail: format!("{}: {}", e.path(), e.inner()),
        })
    }

    pub fn from_stored(text: &str) -> Result<Dossier, DossierError> {
        let value: Value = serde_json::from_str(text).map_err(|_| DossierError::NotJson)?;
        Dossier::from_value(value)
    }

    pub fn to_stored(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The kindcheck's conclusion, for a dossier about an adult (the kindcheck applies only
    /// there; `None` for a child).
    pub fn kindcheck_conclusion(&self) -> Option<KindcheckConclusion> {
        (self.client == ClientKind::Adult).then(|| self.kindcheck.conclusion())
    }

    /// The outcome of the afwegingen for this dossier: the one way to it for a dossier, so the
    /// rules of the dossier and its professional (a doctor consults Veilig Thuis first) are
    /// never left out.
    pub fn outcome(&self) -> Outcome {
        self.afwegingen.outcome(self.circumstances())
    }

    fn circumstances(&self) -> Circumstances {
        Circumstances { consult_veilig_thuis_first: self.needs_veilig_thuis_consultation() }
    }

    /// Doctors must consult Veilig Thuis before a melding (KNMG meldcode).
    pub fn needs_veilig_thuis_consultation(&self) -> bool {
        self.doctor && !self.consultations.iter().any(|c| c.kind == ConsultationKind::VeiligThuisAdvies)
    }

    pub fn responsibility(&self) -> Responsibility {
        match self.melding.made_on {
            Some(since) => Responsibility::VeiligThuis { since },
            None => Responsibility::Professional {
                asked_advice: self.consultations.iter().any(|c| c.kind == ConsultationKind::VeiligThuisAdvies),
            },
        }
    }

    /// Which of the five steps still have nothing in them, for "what is still open".
    pub fn open_steps(&self) -> Vec<u8> {
        let outcome = self.outcome();
        let done = [
            !self.signals.is_empty() || !self.ticked.is_empty(),
            !self.consultations.is_empty(),
            self.conversation.date.is_some() || self.conversation.skipped.is_some(),
            ![&self.weighing.risk, &self.weighing.nature, &self.weighing.severity].iter().all(|t| t.trim().is_empty()),
            outcome.decided() && outcome.melden != Decision::Undecided,
        ];
        (1..=5).zip(done).filter(|(_, done)| !done).map(|(step, _)| step).collect()
    }

    /// Gives the dossier another case code (without the spaces around it), changed `now`.
    pub fn rename(&mut self, case_code: &str, now: DateTime<Utc>) {
        self.case_code = case_code.trim().to_string();
        self.updated = now;
    }

    /// A new dossier with the same content, for a similar case.
    pub fn duplicate(&self, id: String, case_code: String, now: DateTime<Utc>) -> Dossier {
        Dossier { id, case_code, created: now, updated: now, ..self.clone() }
    }
}

/// Puts `dossier` in the list the screens show: in place of the one with its id, or first
/// when it is new.
pub fn put(list: &mut Vec<Dossier>, dossier: Dossier) {
    match list.iter_mut().find(|d| d.id == dossier.id) {
        Some(existing) => *existing = dossier,
        None => list.insert(0, dossier),
    }
}

/// Puts the dossiers an import wrote in the list, then orders it most recently changed first.
pub fn put_imported(list: &mut Vec<Dossier>, written: &[Dossier]) {
    for dossier in written {
        put(list, dossier.clone());
    }
    list.sort_by(|a, b| b.updated.cmp(&a.updated));
}

/// Takes dossier `id` out of the list (after it was deleted from storage).
pub fn remove(list: &mut Vec<Dossier>, id: &str) {
    list.retain(|d| d.id != id);
}

/// Link to a dossier's step or view.
pub fn dossier_href(id: &str, view: &str) -> String {
    Screen::Meldcode.href_to(&[id, view])
}

/// A real name in the case code field would put a client's identity in browser storage.
pub fn looks_like_a_name(case_code: &str) -> bool {
    let words: Vec<&str> = case_code.split_whitespace().collect();
    let capitalised = |word: &str| {
        let mut chars = word.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.clone().count() >= 1 && chars.all(char::is_lowercase)
    };
    words.len() >= 2 && words.iter().filter(|w| capitalised(w)).count() >= 2
}

/// What an import file holds, sorted by what the user must decide.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPlan {
    /// Not on this device yet: added without asking.
    pub new: Vec<Dossier>,
    /// Same id as a dossier here: replaced only when the user agrees.
    pub duplicates: Vec<Dossier>,
}

/// Which part of an imported item is wrong, said in the user's words (a step of the meldcode,
/// never a field name of ours).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemPart {
    /// The dossier's own details: id, case code, dates, version, sector, client.
    Basics,
    /// A field of one of the five steps.
    Step(u8),
    /// A saved zelftest result.
    Result,
}

impl ItemPart {
    /// The step a top-level dossier field belongs to.
    pub fn of_dossier_field(field: &str) -> ItemPart {
        match field {
            "signals" | "ticked" | "kindcheck" => ItemPart::Step(1),
            "consultations" => ItemPart::Step(2),
            "conversation" => ItemPart::Step(3),
            "weighing" => ItemPart::Step(4),
            "afwegingen" | "motivations" | "melding" | "evaluations" => ItemPart::Step(5),
            _ => ItemPart::Basics,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge { size: usize },
    TooMany { count: usize },
    TooDeep,
    NotJson,
    WrongFormat,
    NewerVersion { found: u64 },
    /// Item `index` (counted from 1) cannot be read; `code` is its case code when it has one.
    BadItem { index: usize, code: String, part: ItemPart },
    /// An id a screen's address cannot carry (see `ground::checks::is_record_id`).
    BadId { index: usize, code: String },
    /// Two items of the file have the same id.
    DuplicateInFile { index: usize, code: String },
    /// The file does not fit in what the browser leaves for this website; nothing written.
    NoSpace,
    /// A write failed half-way (another tab filled the storage); what was written is undone.
    WriteFailed,
}

impl ImportError {
    /// The message in plain words, with the numbers filled in.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::{t, t_with};
        let item_code = |code: &str| {
            if code.is_empty() { t(lang, "import.no_code") } else { code.to_string() }
        };
        let args: Vec<(&str, String)> = match self {
            ImportError::TooLarge { size } => {
                vec![("size", megabytes(*size, lang)), ("max", megabytes(MAX_IMPORT_BYTES, lang))]
            }
            ImportError::TooMany { count } => vec![("count", count.to_string()), ("max", MAX_IMPORT_ITEMS.to_string())],
            ImportError::NewerVersion { found } => vec![("found", found.to_string())],
            ImportError::BadItem { index, code, part } => {
                let part = match part {
                    ItemPart::Basics | ItemPart::Result => t(lang, "import.part.basics"),
                    ItemPart::Step(step) => t_with(
                        lang,
                        "import.part.step",
                        &[("step", &step.to_string()), ("name", &t(lang, &format!("step.{step}")))],
                    ),
                };
                vec![("index", index.to_string()), ("code", item_code(code)), ("part", part)]
            }
            ImportError::BadId { index, code } | ImportError::DuplicateInFile { index, code } => {
                vec![("index", index.to_string()), ("code", item_code(code))]
            }
            ImportError::TooDeep | ImportError::NotJson | ImportError::WrongFormat | ImportError::NoSpace | ImportError::WriteFailed => Vec::new(),
        };
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        t_with(lang, self.message_key(), &args)
    }

    pub fn message_key(&self) -> &'static str {
        match self {
            ImportError::TooLarge { .. } => "import.error.too_large",
            ImportError::TooMany { .. } => "import.error.too_many",
            ImportError::TooDeep => "import.error.too_deep",
            ImportError::NotJson => "import.error.not_json",
            ImportError::WrongFormat => "import.error.wrong_format",
            ImportError::NewerVersion { .. } => "import.error.newer",
            ImportError::BadItem { part: ItemPart::Result, .. } => "import.error.bad_result",
            ImportError::BadItem { .. } => "import.error.bad_item",
            ImportError::BadId { .. } => "import.error.bad_id",
            ImportError::DuplicateInFile { .. } => "import.error.duplicate_in_file",
            ImportError::NoSpace => "import.error.no_space",
            ImportError::WriteFailed => "import.error.write_failed",
        }
    }
}

#[derive(Serialize, Deserialize)]
struct ExportFile {
    format: String,
    version: u32,
    exported: DateTime<Utc>,
    dossiers: Vec<Value>,
}

pub fn export(dossiers: &[Dossier], now: DateTime<Utc>) -> String {
    let file = ExportFile {
        format: EXPORT_FORMAT.to_string(),
        version: DOSSIER_VERSION,
        exported: now,
        dossiers: dossiers.iter().filter_map(|d| serde_json::to_value(d).ok()).collect(),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// The list `field` of an export file of `format`, refused when too large, nested too deep,
/// not JSON, of another format, of a newer `version` than this app writes or with more than
/// `MAX_IMPORT_ITEMS` items. Shared by every export. Linear in the file's length.
pub fn open_export(text: &str, format: &str, version: u32, field: &str) -> Result<Vec<Value>, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { size: text.len() });
    }
    if nests_deeper_than(text, MAX_IMPORT_DEPTH) {
        return Err(ImportError::TooDeep);
    }
    let mut value: Value = serde_json::from_str(text).map_err(|_| ImportError::NotJson)?;
    if value.get("format").and_then(Value::as_str) != Some(format) {
        return Err(ImportError::WrongFormat);
    }
    let found = value.get("version").and_then(Value::as_u64).unwrap_or(0);
    if found > u64::from(version) {
        return Err(ImportError::NewerVersion { found });
    }
    match value.get_mut(field).map(Value::take) {
        Some(Value::Array(items)) if items.len() > MAX_IMPORT_ITEMS => Err(ImportError::TooMany { count: items.len() }),
        Some(Value::Array(items)) => Ok(items),
        _ => Err(ImportError::WrongFormat),
    }
}

/// Checks a whole import file before anything is stored: all or nothing. Ids are checked
/// against those on this device and earlier in the file with hash sets (linear time); an id
/// a screen's address cannot carry, or one that occurs twice in the file, refuses the file.
pub fn plan_import(text: &str, existing_ids: &[String]) -> Result<ImportPlan, ImportError> {
    let items = open_export(text, EXPORT_FORMAT, DOSSIER_VERSION, "dossiers")?;
    let existing: std::collections::HashSet<&str> = existing_ids.iter().map(String::as_str).collect();
    let mut seen = std::collections::HashSet::with_capacity(items.len());
    let mut plan = ImportPlan::default();
    for (index, item) in items.into_iter().enumerate() {
        let index = index + 1;
        let code = item.get("case_code").and_then(Value::as_str).unwrap_or_default().chars().take(80).collect::<String>();
        let dossier = Dossier::from_value(item).map_err(|e| match e {
            DossierError::NewerVersion { found } => ImportError::NewerVersion { found },
            DossierError::Invalid { detail } => {
                let field = detail.split(['.', '[', ':']).next().unwrap_or_default();
                ImportError::BadItem { index, code: code.clone(), part: ItemPart::of_dossier_field(field) }
            }
            DossierError::NotJson => ImportError::NotJson,
        })?;
        if !is_record_id(&dossier.id) {
            return Err(ImportError::BadId { index, code });
        }
        if !seen.insert(dossier.id.clone()) {
            return Err(ImportError::DuplicateInFile { index, code });
        }
        if existing.contains(dossier.id.as_str()) {
            plan.duplicates.push(dossier);
        } else {
            plan.new.push(dossier);
        }
    }
    Ok(plan)
}

/// Evaluation moments (afweging 5) as an iCalendar file for the user's own agenda.
pub fn evaluations_ics(dossier: &Dossier, summary: &str, now: DateTime<Utc>) -> String {
    let stamp = now.format("%Y%m%dT%H%M%SZ");
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Meldwijzer//Meldcode//NL".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
    ];
    for evaluation in &dossier.evaluations {
        let Some(date) = evaluation.date else { continue };
        let next = date.succ_opt().unwrap_or(date);
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}-{}@meldwijzer", dossier.id, date.format("%Y%m%d")),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", date.format("%Y%m%d")),
            format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")),
            format!("SUMMARY:{}", ics_text(summary)),
            format!("DESCRIPTION:{}", ics_text(&evaluation.note)),
            "END:VEVENT".to_string(),
        ]);
    }
    lines.push("END:VCALENDAR".to_string());
    lines.iter().map(|l| fold(l)).collect::<Vec<_>>().join("\r\n") + "\r\n"
}

/// RFC 5545 §3.3.11 text escaping.
fn ics_text(text: &str) -> String {
    text.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace("\r\n", "\\n").replace('\n', "\\n")
}

/// RFC 5545 §3.1: lines longer than 75 octets continue on the next line after a space.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-11-22T13:32:00Z".parse().unwrap()
    }

    fn dossier(id: &str) -> Dossier {
        Dossier::new(id.into(), "Casus A".into(), &Profile::default(), now())
    }

    #[test]
    fn every_stored_version_still_opens() {
        let fixture = include_str!("../../tests/fixtures/dossier-v1.json");
        let dossier = Dossier::from_stored(fixture).expect("version 1 fixture opens");
        assert_eq!(dossier.case_code, "KO-2026-014");
        assert_eq!(dossier.signals.len(), 2);
        assert_eq!(dossier.client, ClientKind::Adult);
        assert_eq!(dossier.outcome().melden, Decision::Yes);
    }

    #[test]
    fn a_draft_round_trips_through_storage() {
        let mut d = dossier("a");
        d.signals.push(SignalEntry { date: NaiveDate::from_ymd_opt(2026, 11, 2), observed: "blauwe plek".into(), interpretation: "".into() });
        d.afwegingen.set(1, Some(true));
        assert_eq!(Dossier::from_stored(&d.to_stored()), Ok(d));
    }

    #[test]
    fn a_newer_or_broken_draft_is_reported_not_guessed() {
        assert_eq!(Dossier::from_stored("{oops"), Err(DossierError::NotJson));
        let newer = r#"{"version": 9, "id": "x"}"#;
        assert_eq!(Dossier::from_stored(newer), Err(DossierError::NewerVersion { found: 9 }));
        let broken = r#"{"version": 1, "id": "x", "case_code": 12}"#;
        assert!(matches!(Dossier::from_stored(broken), Err(DossierError::Invalid { .. })));
    }

    #[test]
    fn export_then_import_finds_new_and_duplicate_dossiers() {
        let file = export(&[dossier("a"), dossier("b")], now());
        let plan = plan_import(&file, &["b".to_string()]).unwrap();
        assert_eq!(plan.new.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["a"]);
        assert_eq!(plan.duplicates.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["b"]);
    }

    #[test]
    fn bad_import_files_are_refused_whole() {
        assert_eq!(plan_import("niet json", &[]), Err(ImportError::NotJson));
        assert_eq!(plan_import(r#"{"format":"iets anders"}"#, &[]), Err(ImportError::WrongFormat));
        let newer = r#"{"format":"meldwijzer-dossiers","version":3,"dossiers":[]}"#;
        assert_eq!(plan_import(newer, &[]), Err(ImportError::NewerVersion { found: 3 }));
        let mut file: Value = serde_json::from_str(&export(&[dossier("a"), dossier("b")], now())).unwrap();
        file["dossiers"][1]["signals"] = "kapot".into();
        let result = plan_import(&file.to_string(), &[]);
        assert!(matches!(result, Err(ImportError::BadItem { index: 2, .. })), "{result:?}");
        let huge = " ".repeat(MAX_IMPORT_BYTES + 1);
        assert!(matches!(plan_import(&huge, &[]), Err(ImportError::TooLarge { .. })));
    }

    #[test]
    fn responsibility_passes_to_veilig_thuis_with_a_melding_not_with_advice() {
        let mut d = dossier("a");
        assert_eq!(d.responsibility(), Responsibility::Professional { asked_advice: false });
        d.consultations.push(Consultation { kind: ConsultationKind::VeiligThuisAdvies, ..Default::default() });
        assert_eq!(d.responsibility(), Responsibility::Professional { asked_advice: true });
        let since = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        d.melding.made_on = Some(since);
        assert_eq!(d.responsibility(), Responsibility::VeiligThuis { since });
    }

    #[test]
    fn doctors_must_consult_veilig_thuis_first() {
        let mut d = dossier("a");
        assert!(!d.needs_veilig_thuis_consultation());
        d.doctor = true;
        assert!(d.needs_veilig_thuis_consultation());
        d.consultations.push(Consultation { kind: ConsultationKind::VeiligThuisAdvies, ..Default::default() });
        assert!(!d.needs_veilig_thuis_consultation());
    }

    #[test]
    fn a_doctor_s_dossier_outcome_has_veilig_thuis_consulted_before_the_melding() {
        use crate::meldcode::engine::Action;
        let mut d = dossier("a");
        d.doctor = true;
        d.afwegingen.answers = [Some(true), Some(true), Some(false), None, None];
        // The answers alone (what a caller used to get from `afwegingen`) miss the KNMG rule.
        let answers_alone = d.afwegingen.outcome(Circumstances::default());
        assert_eq!(answers_alone.actions, [Action::CallVeiligThuis, Action::InformClientFirst]);
        assert_eq!(d.outcome().actions, [Action::ConsultVeiligThuisFirst, Action::CallVeiligThuis, Action::InformClientFirst]);
        assert_eq!((d.outcome().melden, d.outcome().help), (answers_alone.melden, answers_alone.help));
        // Once Veilig Thuis gave its advice, or for someone who is not a doctor, they agree.
        d.consultations.push(Consultation { kind: ConsultationKind::VeiligThuisAdvies, ..Default::default() });
        assert_eq!(d.outcome(), answers_alone);
        d.consultations.clear();
        d.doctor = false;
        assert_eq!(d.outcome(), answers_alone);
        // No melding, nothing to consult about first.
        d.doctor = true;
        d.afwegingen.answers = [Some(false), None, None, None, None];
        assert!(!d.outcome().actions.contains(&Action::ConsultVeiligThuisFirst));
    }

    #[test]
    fn renaming_trims_the_case_code_and_counts_as_a_change() {
        let mut d = dossier("a");
        let later = now() + chrono::Duration::minutes(5);
        d.rename("  KO-2026-015 ", later);
        assert_eq!((d.case_code.as_str(), d.updated, d.created, d.id.as_str()), ("KO-2026-015", later, now(), "a"));
    }

    #[test]
    fn the_list_puts_a_changed_dossier_in_its_place_a_new_one_first_and_removes_by_id() {
        let ids = |list: &[Dossier]| list.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
        let mut list = vec![dossier("a"), dossier("b")];
        let mut changed = dossier("b");
        changed.case_code = "Casus B".into();
        put(&mut list, changed);
        assert_eq!(ids(&list), ["a", "b"]);
        assert_eq!(list[1].case_code, "Casus B");
        put(&mut list, dossier("c"));
        assert_eq!(ids(&list), ["c", "a", "b"]);
        remove(&mut list, "a");
        assert_eq!(ids(&list), ["c", "b"]);
        remove(&mut list, "bestaat-niet");
        assert_eq!(ids(&list), ["c", "b"]);
        // An import: replaced and added, then the most recently changed first.
        let at = |id: &str, minutes: i64| Dossier { updated: now() + chrono::Duration::minutes(minutes), ..dossier(id) };
        put_imported(&mut list, &[at("b", 30), at("d", 10)]);
        assert_eq!(ids(&list), ["b", "d", "c"]);
    }

    #[test]
    fn open_steps_follow_what_is_filled_in() {
        let mut d = dossier("a");
        assert_eq!(d.open_steps(), [1, 2, 3, 4, 5]);
        d.ticked.push("kind-angstig".into());
        d.conversation.skipped = Some(SkipReason::SafetyChild);
        d.afwegingen.set(1, Some(false));
        assert_eq!(d.open_steps(), [2, 4]);
    }

    #[test]
    fn the_kind_of_client_is_the_dossier_s_own_and_the_kindcheck_concludes_for_an_adult() {
        let mut d = dossier("a");
        assert_eq!(d.client, ClientKind::Child, "the profile's default");
        assert_eq!(d.kindcheck_conclusion(), None);
        d.client = ClientKind::Adult;
        assert_eq!(d.kindcheck_conclusion(), Some(KindcheckConclusion::NotDone));
        d.kindcheck.children_in_care = Some(false);
        assert_eq!(d.kindcheck_conclusion(), Some(KindcheckConclusion::NoChildren));
        d.kindcheck.children_in_care = Some(true);
        assert_eq!(d.kindcheck_conclusion(), Some(KindcheckConclusion::SafetyOpen));
        d.kindcheck.safety_established = Some(true);
        assert_eq!(d.kindcheck_conclusion(), Some(KindcheckConclusion::ChildrenSafe));
        d.kindcheck.safety_established = Some(false);
        assert_eq!(d.kindcheck_conclusion(), Some(KindcheckConclusion::CannotEstablishSafety));
        let adult = Profile { client: ClientKind::Adult, ..Profile::default() };
        assert_eq!(Dossier::new("b".into(), "X".into(), &adult, now()).client, ClientKind::Adult);
    }

    #[test]
    fn real_names_are_recognised_case_codes_are_not() {
        assert!(looks_like_a_name("Jan de Vries"));
        assert!(looks_like_a_name("Fatima Yilmaz"));
        assert!(!looks_like_a_name("KO-2026-014"));
        assert!(!looks_like_a_name("casus groep 3"));
    }

    #[test]
    fn evaluation_moments_become_an_ics_file() {
        let mut d = dossier("abc");
        d.evaluations.push(Evaluation { date: NaiveDate::from_ymd_opt(2027, 1, 15), note: "Veiligheid, afspraken; ouders".into() });
        d.evaluations.push(Evaluation { date: None, note: "nog geen datum".into() });
        let ics = evaluations_ics(&d, "Evaluatie meldcode KO-1", now());
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
        assert!(ics.contains("DTSTART;VALUE=DATE:20270115\r\nDTEND;VALUE=DATE:20270116"));
        assert!(ics.contains("DESCRIPTION:Veiligheid\\, afspraken\\; ouders"));
        assert!(ics.lines().all(|l| l.trim_end_matches('\r').len() <= 75));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
    }
}
