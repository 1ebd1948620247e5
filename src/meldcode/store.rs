//! Dossiers in browser storage, one key each (`meldwijzer:meldcode:dossier:<id>`): a draft that
//! no longer parses never hides the others, and a refused write never touches another draft.

use super::dossier::{Dossier, DossierError};
use super::merge::Known;
use super::profile::Profile;
use crate::storage::{self, Area, StorageError};

pub(super) const DOSSIER_PREFIX: &str = "meldcode:dossier:";
const PROFILE: &str = "meldcode:profile";

/// A stored draft that could not be read: kept as it is, shown with its raw text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broken {
    pub name: String,
    pub raw: String,
    pub error: DossierError,
}

pub fn load_all() -> Result<(Vec<Dossier>, Vec<Broken>), StorageError> {
    let mut dossiers = Vec::new();
    let mut broken = Vec::new();
    for name in storage::names(Area::Local, DOSSIER_PREFIX)? {
        let Some(raw) = storage::load_raw(Area::Local, &name)? else { continue };
        match Dossier::from_stored(&raw) {
            Ok(dossier) => dossiers.push(dossier),
            Err(error) => broken.push(Broken { name, raw, error }),
        }
    }
    dossiers.sort_by(|a, b| b.updated.cmp(&a.updated));
    Ok((dossiers, broken))
}

/// The stored version of a dossier, if it reads.
pub fn load(id: &str) -> Result<Option<Dossier>, StorageError> {
    let raw = storage::load_raw(Area::Local, &format!("{DOSSIER_PREFIX}{id}"))?;
    Ok(raw.and_then(|raw| Dossier::from_stored(&raw).ok()))
}

/// Stores `mine`, changed from what this tab `known`s; what another tab stored since is
/// merged in. Returns what was stored and what the tab knows now.
pub fn save(known: &Known, mine: &Dossier) -> Result<(Dossier, Known), StorageError> {
    let stored = load(&mine.id)?;
    let (next, known) = known.write(mine, stored.as_ref());
    storage::save_raw(Area::Local, &format!("{DOSSIER_PREFIX}{}", mine.id), &next.to_stored())?;
    Ok((next, known))
}

pub fn delete(id: &str) -> Result<(), StorageError> {
    storage::remove(Area::Local, &format!("{DOSSIER_PREFIX}{id}"))
}

pub fn load_profile() -> Result<Option<Profile>, StorageError> {
    storage::load(Area::Local, PROFILE)
}

pub fn save_profile(profile: &Profile) -> Result<(), StorageError> {
    storage::save(Area::Local, PROFILE, profile)
}

/// Whether a `storage` event from another tab concerns dossiers.
pub fn is_dossier_key(key: &str) -> bool {
    key.starts_with(&format!("{}{DOSSIER_PREFIX}", storage::PREFIX))
}

/// A random id; dossiers carry no names, so it needs to be unique, not secret.
pub fn new_id() -> String {
    let mut bytes = [0u8; 8];
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("d-{hex}")
}
