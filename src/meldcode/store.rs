//! Dossiers in browser storage, one key each (`meldwijzer:meldcode:dossier:<id>`): a draft that
//! no longer parses never hides the others, and a refused write never touches another draft.

use super::dossier::{Dossier, DossierError};
use super::merge::Known;
use super::profile::Profile;
use super::vault::{KeyParams, Sealed};
use crate::storage::crypto::{self, CryptoError};
use crate::storage::{self, Area, StorageError};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::future::Future;
use std::pin::Pin;
use web_sys::CryptoKey;

pub(super) const DOSSIER_PREFIX: &str = "meldcode:dossier:";
const PROFILE: &str = "meldcode:profile";
/// The vault's settings (salt, rounds, check value), in plain text; present while protection
/// is on. Never the key or the passphrase.
pub(super) const VAULT: &str = "meldcode:vault";

/// Whether the drafts are encrypted and, if so, whether this tab holds the key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Protection {
    Off,
    Locked,
    Unlocked,
}

/// The unlocked vault, in this tab's memory only: the key (which cannot be read out) and the
/// stored dossiers decrypted, so a save merges against them without waiting for WebCrypto.
struct Unlocked {
    key: CryptoKey,
    params: KeyParams,
    /// Plain stored text by storage name, as `load_raw` would give it without encryption.
    plain: BTreeMap<String, String>,
}

thread_local! {
    static OPEN: RefCell<Option<Unlocked>> = const { RefCell::new(None) };
    /// Per storage name, the number of the newest sealed write, so a slower encryption of an
    /// older version never overwrites a newer one. Kept across a lock: a write under way still
    /// lands.
    static WRITES: RefCell<HashMap<String, u64>> = RefCell::new(HashMap::new());
}

/// A write still encrypting; resolves when the browser accepted it (or refused it).
pub type Pending = Pin<Box<dyn Future<Output = Result<(), StorageError>>>>;

pub fn vault_params() -> Option<KeyParams> {
    storage::load_raw(Area::Local, VAULT).ok().flatten().and_then(|t| KeyParams::from_text(&t))
}

pub fn protection() -> Protection {
    if OPEN.with_borrow(Option::is_some) {
        Protection::Unlocked
    } else if storage::load_raw(Area::Local, VAULT).ok().flatten().is_some() {
        Protection::Locked
    } else {
        Protection::Off
    }
}

fn from_crypto(error: CryptoError) -> StorageError {
    match error {
        CryptoError::Unavailable => StorageError::Unavailable,
        CryptoError::WrongKey => StorageError::Unreadable,
    }
}

/// Why a vault action failed, as a translation key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VaultError {
    WrongPassphrase,
    Storage(StorageError),
    NoCrypto,
}

impl VaultError {
    pub fn message_key(self) -> &'static str {
        match self {
            VaultError::WrongPassphrase => "vault.wrong",
            VaultError::Storage(e) => e.message_key(),
            VaultError::NoCrypto => "vault.no_crypto",
        }
    }
}

impl From<StorageError> for VaultError {
    fn from(e: StorageError) -> Self {
        VaultError::Storage(e)
    }
}

fn vault_error(e: CryptoError) -> VaultError {
    match e {
        CryptoError::Unavailable => VaultError::NoCrypto,
        CryptoError::WrongKey => VaultError::WrongPassphrase,
    }
}

/// Every stored dossier's text by storage name, as it lies in storage.
fn stored_texts() -> Result<Vec<(String, String)>, StorageError> {
    let mut all = Vec::new();
    for name in storage::names(Area::Local, DOSSIER_PREFIX)? {
        if let Some(raw) = storage::load_raw(Area::Local, &name)? {
            all.push((name, raw));
        }
    }
    Ok(all)
}

/// Writes `(name, text)` pairs; on a refusal writes back what was there, so nothing is half
/// done, and says why.
fn write_or_restore(writes: &[(String, String)], before: &HashMap<String, String>) -> Result<(), StorageError> {
    for (i, (name, text)) in writes.iter().enumerate() {
        if let Err(e) = storage::save_raw(Area::Local, name, text) {
            for (name, _) in &writes[..i] {
                match before.get(name) {
                    Some(old) => drop(storage::save_raw(Area::Local, name, old)),
                    None => drop(storage::remove(Area::Local, name)),
                }
            }
            return Err(e);
        }
    }
    Ok(())
}

async fn seal_all(key: &CryptoKey, plain: &BTreeMap<String, String>) -> Result<Vec<(String, String)>, VaultError> {
    let mut sealed = Vec::with_capacity(plain.len());
    for (name, text) in plain {
        sealed.push((name.clone(), crypto::encrypt(key, text).await.map_err(vault_error)?.to_text()));
    }
    Ok(sealed)
}

/// Turns protection on: a new key from `passphrase`, then every dossier (also drafts that no
/// longer open) re-written encrypted. All are encrypted before the first write, and a refused
/// write puts the plain texts back and removes the settings, so no state is half protected.
pub async fn enable(passphrase: &str) -> Result<(), VaultError> {
    let (key, params) = crypto::new_key(passphrase).await.map_err(vault_error)?;
    let before: HashMap<String, String> = stored_texts()?.into_iter().collect();
    let plain: BTreeMap<String, String> = before.iter().map(|(n, t)| (n.clone(), t.clone())).collect();
    let sealed = seal_all(&key, &plain).await?;
    storage::save_raw(Area::Local, VAULT, &params.to_text())?;
    if let Err(e) = write_or_restore(&sealed, &before) {
        let _ = storage::remove(Area::Local, VAULT);
        return Err(e.into());
    }
    OPEN.set(Some(Unlocked { key, params, plain }));
    Ok(())
}

/// Opens the vault with `passphrase`; a wrong one is told by the check value before any
/// dossier is read. A dossier still in plain text (an earlier enable cut short) is encrypted now.
pub async fn unlock(passphrase: &str) -> Result<(), VaultError> {
    let params = vault_params().ok_or(VaultError::Storage(StorageError::Unreadable))?;
    let key = crypto::open_key(passphrase, &params).await.map_err(vault_error)?;
    let mut plain = BTreeMap::new();
    for (name, raw) in stored_texts()? {
        match Sealed::from_text(&raw) {
            Some(sealed) => {
                // A draft that does not open with this key is shown as broken, in its sealed form.
                let text = crypto::decrypt(&key, &sealed).await.unwrap_or(raw);
                plain.insert(name, text);
            }
            None => {
                let sealed = crypto::encrypt(&key, &raw).await.map_err(vault_error)?;
                storage::save_raw(Area::Local, &name, &sealed.to_text())?;
                plain.insert(name, raw);
            }
        }
    }
    OPEN.set(Some(Unlocked { key, params, plain }));
    Ok(())
}

/// A new passphrase for an unlocked vault: a new salt and key, every dossier encrypted again,
/// then the new settings; a refused write puts the old texts and settings back.
pub async fn change_passphrase(passphrase: &str) -> Result<(), VaultError> {
    let plain = OPEN.with_borrow(|o| o.as_ref().map(|o| o.plain.clone())).ok_or(VaultError::Storage(StorageError::Unavailable))?;
    let (key, params) = crypto::new_key(passphrase).await.map_err(vault_error)?;
    let sealed = seal_all(&key, &plain).await?;
    let mut before: HashMap<String, String> = stored_texts()?.into_iter().collect();
    let mut writes = sealed;
    if let Some(old) = storage::load_raw(Area::Local, VAULT)? {
        before.insert(VAULT.to_string(), old);
    }
    writes.push((VAULT.to_string(), params.to_text()));
    write_or_restore(&writes, &before)?;
    OPEN.set(Some(Unlocked { key, params, plain }));
    Ok(())
}

/// Forgets the key and the decrypted copies: what is left is ciphertext.
pub fn lock() {
    OPEN.set(None);
}

/// The key and settings, for an encrypted export with the same passphrase.
pub fn export_key() -> Option<(CryptoKey, KeyParams)> {
    OPEN.with_borrow(|o| o.as_ref().map(|o| (o.key.clone(), o.params.clone())))
}

/// Another tab wrote `name`: decrypt its new text into this tab's copy (`None`: removed).
pub async fn refresh(name: String, text: Option<String>) {
    let Some(key) = export_key().map(|(k, _)| k) else { return };
    let plain = match text {
        None => None,
        Some(raw) => match Sealed::from_text(&raw) {
            Some(sealed) => Some(crypto::decrypt(&key, &sealed).await.unwrap_or(raw)),
            None => Some(raw),
        },
    };
    OPEN.with_borrow_mut(|o| {
        if let Some(o) = o {
            match plain {
                Some(text) => o.plain.insert(name, text),
                None => o.plain.remove(&name),
            };
        }
    });
}

/// Encrypts `text` and writes it under `name` unless a newer write of it started meanwhile.
fn seal_and_write(key: CryptoKey, name: String, text: String) -> Pending {
    let number = WRITES.with_borrow_mut(|w| {
        let n = w.entry(name.clone()).or_insert(0);
        *n += 1;
        *n
    });
    Box::pin(async move {
        let sealed = crypto::encrypt(&key, &text).await.map_err(from_crypto)?;
        if WRITES.with_borrow(|w| w.get(&name) == Some(&number)) {
            storage::save_raw(Area::Local, &name, &sealed.to_text())?;
        }
        Ok(())
    })
}

/// Encrypts texts for an import written all at once (`import::write_all`).
pub async fn seal_for_import(texts: Vec<(String, String)>) -> Result<Vec<(String, String)>, VaultError> {
    let (key, _) = export_key().ok_or(VaultError::Storage(StorageError::Unavailable))?;
    let mut sealed = Vec::with_capacity(texts.len());
    for (id, text) in texts {
        sealed.push((id, crypto::encrypt(&key, &text).await.map_err(vault_error)?.to_text()));
    }
    Ok(sealed)
}

/// An import was written encrypted: the decrypted copy gets its plain texts.
pub fn imported(texts: &[(String, String)]) {
    OPEN.with_borrow_mut(|o| {
        if let Some(o) = o {
            for (id, text) in texts {
                o.plain.insert(format!("{DOSSIER_PREFIX}{id}"), text.clone());
            }
        }
    });
}

/// A stored draft that could not be read: kept as it is, shown with its raw text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broken {
    pub name: String,
    pub raw: String,
    pub error: DossierError,
}

/// Every dossier; while locked none (nothing of them is shown), while unlocked the decrypted copy.
pub fn load_all() -> Result<(Vec<Dossier>, Vec<Broken>), StorageError> {
    let texts = match protection() {
        Protection::Off => stored_texts()?,
        Protection::Locked => Vec::new(),
        Protection::Unlocked => OPEN.with_borrow(|o| o.as_ref().map(|o| o.plain.clone().into_iter().collect()).unwrap_or_default()),
    };
    let mut dossiers = Vec::new();
    let mut broken = Vec::new();
    for (name, raw) in texts {
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
    let name = format!("{DOSSIER_PREFIX}{id}");
    let raw = match protection() {
        Protection::Off => storage::load_raw(Area::Local, &name)?,
        Protection::Locked => return Err(StorageError::Locked),
        Protection::Unlocked => OPEN.with_borrow(|o| o.as_ref().and_then(|o| o.plain.get(&name).cloned())),
    };
    Ok(raw.and_then(|raw| Dossier::from_stored(&raw).ok()))
}

/// Stores `mine`, changed from what this tab `known`s; what another tab stored since is
/// merged in. Returns what was stored and what the tab knows now. With protection the merge
/// is against the decrypted copy (at once) and the write follows when encrypted (`Pending`).
pub fn save(known: &Known, mine: &Dossier) -> Result<(Dossier, Known, Option<Pending>), StorageError> {
    let stored = load(&mine.id)?;
    let (next, known) = known.write(mine, stored.as_ref());
    let name = format!("{DOSSIER_PREFIX}{}", mine.id);
    let text = next.to_stored();
    let key = OPEN.with_borrow_mut(|o| {
        o.as_mut().map(|o| {
            o.plain.insert(name.clone(), text.clone());
            o.key.clone()
        })
    });
    match key {
        Some(key) => Ok((next, known, Some(seal_and_write(key, name, text)))),
        None => {
            storage::save_raw(Area::Local, &name, &text)?;
            Ok((next, known, None))
        }
    }
}

pub fn delete(id: &str) -> Result<(), StorageError> {
    let name = format!("{DOSSIER_PREFIX}{id}");
    // A write still encrypting must not bring the dossier back.
    WRITES.with_borrow_mut(|w| *w.entry(name.clone()).or_insert(0) += 1);
    storage::remove(Area::Local, &name)?;
    OPEN.with_borrow_mut(|o| {
        if let Some(o) = o {
            o.plain.remove(&name);
        }
    });
    Ok(())
}

pub fn load_profile() -> Result<Option<Profile>, StorageError> {
    storage::load(Area::Local, PROFILE)
}

pub fn save_profile(profile: &Profile) -> Result<(), StorageError> {
    storage::save(Area::Local, PROFILE, profile)
}

/// Whether a `storage` event from another tab concerns the vault's settings.
pub fn is_vault_key(key: &str) -> bool {
    key == format!("{}{VAULT}", storage::PREFIX)
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
