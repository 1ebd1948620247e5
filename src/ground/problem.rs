//! What can be wrong with what the app reads or keeps, as values with a plain message: a
//! problem with a field of a file a gemeente or organisation publishes ([`Problem`], located by
//! an [`Issue`]), and a problem of browser storage ([`StorageError`]).

use super::limits::{megabytes, REGION_FORMAT, REGION_VERSION};
use crate::i18n::{t, t_with, Lang};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The pack could not be fetched: network, CORS or an HTTP status.
    NotLoaded { status: Option<u16> },
    /// A local file that could not be read (the checker).
    NotReadable,
    TooLarge { size: usize, max: usize },
    NotJson { line: usize, column: usize },
    WrongFormat,
    UnsupportedVersion { found: String },
    MissingField { field: String },
    WrongType { detail: String },
    Empty,
    TooLong { max: usize },
    Markup,
    BadId,
    BadUrl,
    BadPhone,
    BadEmail,
    BadPostcode,
    DuplicateId { id: String },
    ReplacesNationalNumber { id: String },
    CheckedInFuture,
    /// A data file given as a web address or outside the pack's folder.
    NotBesidePack,
    /// A local step for a route node that does not exist.
    UnknownRouteNode { id: String },
    /// A zelftest item for a check or theme that does not exist.
    UnknownSelfCheck { id: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub file: String,
    /// Field path such as `contacts[2].phone`; empty for the file as a whole.
    pub path: String,
    pub problem: Problem,
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Problem::NotLoaded { status: None } => t(lang, "pack.problem.not_loaded"),
            Problem::NotLoaded { status: Some(code) } => {
                t_with(lang, "pack.problem.not_loaded_status", &[("status", &code.to_string())])
            }
            Problem::NotReadable => t(lang, "pack.problem.not_readable"),
            Problem::TooLarge { size, max } => t_with(
                lang,
                "pack.problem.too_large",
                &[("size", &megabytes(*size, lang)), ("max", &megabytes(*max, lang))],
            ),
            Problem::NotJson { line, column } => t_with(
                lang,
                "pack.problem.not_json",
                &[("line", &line.to_string()), ("column", &column.to_string())],
            ),
            Problem::WrongFormat => {
                t_with(lang, "pack.problem.wrong_format", &[("format", REGION_FORMAT)])
            }
            Problem::UnsupportedVersion { found } => t_with(
                lang,
                "pack.problem.unsupported_version",
                &[("found", found), ("supported", &REGION_VERSION.to_string())],
            ),
            Problem::MissingField { field } => {
                t_with(lang, "pack.problem.missing_field", &[("field", field)])
            }
            Problem::WrongType { detail } => {
                t_with(lang, "pack.problem.wrong_type", &[("detail", detail)])
            }
            Problem::Empty => t(lang, "pack.problem.empty"),
            Problem::TooLong { max } => {
                t_with(lang, "pack.problem.too_long", &[("max", &max.to_string())])
            }
            Problem::Markup => t(lang, "pack.problem.markup"),
            Problem::BadId => t(lang, "pack.problem.bad_id"),
            Problem::BadUrl => t(lang, "pack.problem.bad_url"),
            Problem::BadPhone => t(lang, "pack.problem.bad_phone"),
            Problem::BadEmail => t(lang, "pack.problem.bad_email"),
            Problem::BadPostcode => t(lang, "pack.problem.bad_postcode"),
            Problem::DuplicateId { id } => t_with(lang, "pack.problem.duplicate_id", &[("id", id)]),
            Problem::ReplacesNationalNumber { id } => {
                t_with(lang, "pack.problem.replaces_national", &[("id", id)])
            }
            Problem::CheckedInFuture => t(lang, "pack.problem.checked_in_future"),
            Problem::NotBesidePack => t(lang, "pack.problem.not_beside_pack"),
            Problem::UnknownRouteNode { id } => t_with(lang, "pack.problem.unknown_route_node", &[("id", id)]),
            Problem::UnknownSelfCheck { id } => t_with(lang, "pack.problem.unknown_self_check", &[("id", id)]),
        }
    }
}

impl Issue {
    /// "voorbeeldstad.json, veld contacts[2].phone: …"
    pub fn message(&self, lang: Lang) -> String {
        let problem = self.problem.message(lang);
        if self.path.is_empty() {
            t_with(lang, "pack.issue.file", &[("file", &self.file), ("problem", &problem)])
        } else {
            t_with(
                lang,
                "pack.issue.field",
                &[("file", &self.file), ("path", &self.path), ("problem", &problem)],
            )
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// This browser or this embedding does not let us store anything.
    Unavailable,
    /// The storage quota is full; what was stored before is still there.
    Full,
    /// What is stored could not be read back (changed by hand, or another version).
    Unreadable,
    /// The drafts are protected and locked: nothing can be read or written until unlocked.
    Locked,
}

impl StorageError {
    /// Translation key of the message shown to the user.
    pub fn message_key(&self) -> &'static str {
        match self {
            StorageError::Unavailable => "storage.unavailable",
            StorageError::Full => "storage.full",
            StorageError::Unreadable => "storage.unreadable",
            StorageError::Locked => "storage.locked",
        }
    }
}
