//! The one module that touches browser storage. Keys carry a prefix because an embedded app
//! shares localStorage with its host page. Every failure is a value, never a panic: sandboxed
//! iframes throw on access, partitioned iframes forget, quotas fill up.

pub mod crypto;
pub mod device;

use gloo_storage::{errors::StorageError as GlooError, LocalStorage, SessionStorage, Storage};
use serde::{de::DeserializeOwned, Serialize};

/// Defined in the ground layer: domain code (the import's `DossierSlots`) names it too.
pub use crate::ground::problem::StorageError;

pub const PREFIX: &str = "meldwijzer:";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    /// Kept across visits; only for what a user asked us to keep.
    Local,
    /// Gone when the tab closes; wiped by the quick exit.
    Session,
}

fn key(name: &str) -> String {
    format!("{PREFIX}{name}")
}

/// gloo-storage throws when storage is missing (sandboxed iframe); probe with web-sys first.
fn raw(area: Area) -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    let storage = match area {
        Area::Local => window.local_storage(),
        Area::Session => window.session_storage(),
    };
    storage.ok().flatten().ok_or(StorageError::Unavailable)
}

fn from_gloo(error: GlooError) -> StorageError {
    match error {
        GlooError::SerdeError(_) => StorageError::Unreadable,
        GlooError::JsError(e) if e.name == "QuotaExceededError" => StorageError::Full,
        _ => StorageError::Unavailable,
    }
}

pub fn load<T: DeserializeOwned>(area: Area, name: &str) -> Result<Option<T>, StorageError> {
    raw(area)?;
    let result = match area {
        Area::Local => LocalStorage::get(key(name)),
        Area::Session => SessionStorage::get(key(name)),
    };
    match result {
        Ok(value) => Ok(Some(value)),
        Err(GlooError::KeyNotFound(_)) => Ok(None),
        Err(e) => Err(from_gloo(e)),
    }
}

pub fn save<T: Serialize>(area: Area, name: &str, value: &T) -> Result<(), StorageError> {
    raw(area)?;
    match area {
        Area::Local => LocalStorage::set(key(name), value),
        Area::Session => SessionStorage::set(key(name), value),
    }
    .map_err(from_gloo)
}

pub fn remove(area: Area, name: &str) -> Result<(), StorageError> {
    raw(area)?.remove_item(&key(name)).map_err(|_| StorageError::Unavailable)
}

/// Stored text as it is, for data that must survive even when it no longer parses.
pub fn load_raw(area: Area, name: &str) -> Result<Option<String>, StorageError> {
    raw(area)?.get_item(&key(name)).map_err(|_| StorageError::Unavailable)
}

/// Writes text as it is. A refused write leaves the previous value in place.
pub fn save_raw(area: Area, name: &str, text: &str) -> Result<(), StorageError> {
    raw(area)?.set_item(&key(name), text).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string());
        if name.as_deref() == Some("QuotaExceededError") {
            StorageError::Full
        } else {
            StorageError::Unavailable
        }
    })
}

/// Names (without our prefix) of the stored items that start with `prefix`.
pub fn names(area: Area, prefix: &str) -> Result<Vec<String>, StorageError> {
    let storage = raw(area)?;
    let count = storage.length().map_err(|_| StorageError::Unavailable)?;
    let full = key(prefix);
    Ok((0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|k| k.strip_prefix(PREFIX).filter(|_| k.starts_with(&full)).map(String::from))
        .collect())
}

/// Removes every key of ours from session storage; the host page's own keys stay.
pub fn clear_session() {
    for name in names(Area::Session, "").unwrap_or_default() {
        let _ = remove(Area::Session, &name);
    }
}

#[cfg(test)]
mod tests {
    use super::StorageError;
    use crate::i18n::{t, Lang};

    #[test]
    fn every_storage_error_has_a_message_in_both_languages() {
        for error in [StorageError::Unavailable, StorageError::Full, StorageError::Unreadable, StorageError::Locked] {
            for lang in Lang::ALL {
                assert_ne!(t(lang, error.message_key()), error.message_key(), "{error:?} {lang:?}");
            }
        }
    }
}
