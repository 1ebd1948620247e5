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

thread_local! {
    /// Set by [`keep_in_memory`]: every read and write of this wasm module goes here instead
    /// of the browser's storage.
    static MEMORY: std::cell::RefCell<Option<std::collections::BTreeMap<(bool, String), String>>> =
        const { std::cell::RefCell::new(None) };
}

/// From now on this module stores nothing in the browser: what its screens keep lives in this
/// page's memory and is gone when it closes. Beheer calls it, so the meldcode and sociale kaart
/// it previews never touch (or show) the dossiers and lists a professional keeps in this
/// browser. Beheer is its own wasm module, so the app's other modules keep their storage.
pub fn keep_in_memory() {
    MEMORY.with(|m| {
        m.borrow_mut().get_or_insert_with(Default::default);
    });
}

/// `Some(result)` when storage is in memory (see [`keep_in_memory`]).
fn in_memory<R>(f: impl FnOnce(&mut std::collections::BTreeMap<(bool, String), String>) -> R) -> Option<R> {
    MEMORY.with(|m| m.borrow_mut().as_mut().map(f))
}

fn memory_key(area: Area, name: &str) -> (bool, String) {
    (area == Area::Local, key(name))
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
    if let Some(text) = in_memory(|m| m.get(&memory_key(area, name)).cloned()) {
        return text.map(|text| serde_json::from_str(&text).map_err(|_| StorageError::Unreadable)).transpose();
    }
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
    if in_memory(|_| ()).is_some() {
        let text = serde_json::to_string(value).map_err(|_| StorageError::Unreadable)?;
        return save_raw(area, name, &text);
    }
    raw(area)?;
    match area {
        Area::Local => LocalStorage::set(key(name), value),
        Area::Session => SessionStorage::set(key(name), value),
    }
    .map_err(from_gloo)
}

pub fn remove(area: Area, name: &str) -> Result<(), StorageError> {
    if in_memory(|m| m.remove(&memory_key(area, name))).is_some() {
        return Ok(());
    }
    raw(area)?.remove_item(&key(name)).map_err(|_| StorageError::Unavailable)
}

/// Stored text as it is, for data that must survive even when it no longer parses.
pub fn load_raw(area: Area, name: &str) -> Result<Option<String>, StorageError> {
    if let Some(text) = in_memory(|m| m.get(&memory_key(area, name)).cloned()) {
        return Ok(text);
    }
    raw(area)?.get_item(&key(name)).map_err(|_| StorageError::Unavailable)
}

/// Writes text as it is. A refused write leaves the previous value in place.
pub fn save_raw(area: Area, name: &str, text: &str) -> Result<(), StorageError> {
    if in_memory(|m| m.insert(memory_key(area, name), text.to_string())).is_some() {
        return Ok(());
    }
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
    let full = key(prefix);
    let local = area == Area::Local;
    let kept = in_memory(|m| {
        m.keys().filter(|(l, k)| *l == local && k.starts_with(&full)).filter_map(|(_, k)| k.strip_prefix(PREFIX).map(String::from)).collect()
    });
    if let Some(kept) = kept {
        return Ok(kept);
    }
    let storage = raw(area)?;
    let count = storage.length().map_err(|_| StorageError::Unavailable)?;
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
    fn kept_in_memory_everything_reads_back_and_nothing_needs_a_browser() {
        use super::*;
        keep_in_memory();
        save(Area::Local, "meldcode:profile", &vec![1, 2]).unwrap();
        save_raw(Area::Local, "meldcode:dossier:d-1", "{}").unwrap();
        save_raw(Area::Session, "meldcode:dossier:d-2", "{}").unwrap();
        assert_eq!(load::<Vec<u8>>(Area::Local, "meldcode:profile"), Ok(Some(vec![1, 2])));
        assert_eq!(load::<Vec<u8>>(Area::Local, "missing"), Ok(None));
        assert_eq!(load::<u8>(Area::Local, "meldcode:dossier:d-1"), Err(StorageError::Unreadable));
        assert_eq!(names(Area::Local, "meldcode:dossier:"), Ok(vec!["meldcode:dossier:d-1".to_string()]));
        remove(Area::Local, "meldcode:dossier:d-1").unwrap();
        assert_eq!(load_raw(Area::Local, "meldcode:dossier:d-1"), Ok(None));
        assert_eq!(load_raw(Area::Session, "meldcode:dossier:d-2"), Ok(Some("{}".to_string())));
    }

    #[test]
    fn every_storage_error_has_a_message_in_both_languages() {
        for error in [StorageError::Unavailable, StorageError::Full, StorageError::Unreadable, StorageError::Locked] {
            for lang in Lang::ALL {
                assert_ne!(t(lang, error.message_key()), error.message_key(), "{error:?} {lang:?}");
            }
        }
    }
}
