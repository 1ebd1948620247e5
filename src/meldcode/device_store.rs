//! Browser storage for what keeps dossiers safe: writing an import all or nothing, the
//! retention warnings seen per dossier, and "Alles wissen". Apart from `store` (the drafts'
//! own reading and writing) so the two change independently.

use super::import::DossierSlots;
use super::keeping::Warnings;
use super::store::DOSSIER_PREFIX;
use crate::storage::{self, device, Area, StorageError};

/// Days on which each dossier's deletion warning was shown (see `keeping::plan_visit`).
const WARNINGS: &str = "meldcode:retention-warnings";

fn name(id: &str) -> String {
    format!("{DOSSIER_PREFIX}{id}")
}

/// Dossiers in local storage, one key each, for `import::apply_import`.
pub struct BrowserSlots;

impl DossierSlots for BrowserSlots {
    fn read(&self, id: &str) -> Option<String> {
        storage::load_raw(Area::Local, &name(id)).ok().flatten()
    }

    fn write(&mut self, id: &str, text: &str) -> Result<(), StorageError> {
        storage::save_raw(Area::Local, &name(id), text)
    }

    fn remove(&mut self, id: &str) {
        let _ = storage::remove(Area::Local, &name(id));
    }

    fn can_hold(&mut self, chars: usize) -> bool {
        device::can_hold(chars)
    }

    fn overhead(&self, id: &str) -> usize {
        device::key_chars(&name(id))
    }
}

pub fn load_warnings() -> Warnings {
    storage::load(Area::Local, WARNINGS).ok().flatten().unwrap_or_default()
}

/// Stores the warnings; none left removes the key.
pub fn save_warnings(warnings: &Warnings) -> Result<(), StorageError> {
    if warnings.is_empty() {
        storage::remove(Area::Local, WARNINGS)
    } else {
        storage::save(Area::Local, WARNINGS, warnings)
    }
}

/// Protection at rest ends: the vault's settings (salt, check value) go and this tab forgets
/// the key and its decrypted copies. Called by `wipe_all`, after the dossiers are gone.
pub fn forget_encryption_key() -> Result<(), StorageError> {
    super::store::lock();
    storage::remove(Area::Local, super::store::VAULT)
}

/// "Alles wissen": every dossier (also those that no longer open), the retention warnings and
/// the encryption key. The profile stays: it holds no case data. Returns how many dossiers
/// were removed; on failure, what could be removed is gone and the error says why.
pub fn wipe_all() -> Result<usize, StorageError> {
    let names = storage::names(Area::Local, DOSSIER_PREFIX)?;
    for name in &names {
        storage::remove(Area::Local, name)?;
    }
    storage::remove(Area::Local, WARNINGS)?;
    forget_encryption_key()?;
    Ok(names.len())
}
