//! Protection at rest, the plain-Rust part: the stored formats (a sealed dossier, the vault's
//! settings, an encrypted export file), the organisation's rules and when the store locks.
//! The cipher itself is the browser's WebCrypto (`storage::crypto`); nothing here encrypts.

use base64::{engine::general_purpose::STANDARD, Engine};
use serde::{Deserialize, Serialize};

/// PBKDF2-SHA-256 rounds for a new passphrase (OWASP's 2023 advice); a stored vault with
/// fewer is refused, so a crafted settings key cannot weaken the key derivation.
pub const ITERATIONS: u32 = 600_000;
pub const SALT_BYTES: usize = 16;
pub const IV_BYTES: usize = 12;
pub const CIPHER: &str = "aes-gcm";
pub const KDF: &str = "pbkdf2-sha256";
/// Encrypted to tell a wrong passphrase from a right one before any dossier is touched.
pub const CHECK_TEXT: &str = "meldwijzer-vault-check";
/// The shortest passphrase accepted: long enough that guessing it costs years at 600,000
/// rounds per guess, short enough to type.
pub const MIN_PASSPHRASE_CHARS: usize = 10;
pub const DEFAULT_LOCK_MINUTES: u32 = 15;
pub const MAX_LOCK_MINUTES: u32 = 480;
pub const ENCRYPTED_EXPORT_FORMAT: &str = "meldwijzer-dossiers-encrypted";

/// One encrypted text: AES-GCM-256 with its own random 12-byte IV, both base64.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sealed {
    pub enc: String,
    pub iv: String,
    pub data: String,
}

impl Sealed {
    pub fn new(iv: &[u8], data: &[u8]) -> Sealed {
        Sealed { enc: CIPHER.into(), iv: STANDARD.encode(iv), data: STANDARD.encode(data) }
    }

    /// The IV and ciphertext, when the text is a sealed value of our cipher.
    pub fn parts(&self) -> Option<(Vec<u8>, Vec<u8>)> {
        let iv = STANDARD.decode(&self.iv).ok().filter(|iv| iv.len() == IV_BYTES)?;
        let data = STANDARD.decode(&self.data).ok()?;
        (self.enc == CIPHER).then_some((iv, data))
    }

    pub fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A stored text that is a sealed value; a plaintext dossier (no `enc`) is `None`.
    pub fn from_text(text: &str) -> Option<Sealed> {
        serde_json::from_str::<Sealed>(text).ok().filter(|s| s.parts().is_some())
    }
}

/// What is kept in plain text to find the key again: the salt, the rounds and the check value.
/// The passphrase and the key are never stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyParams {
    pub kdf: String,
    pub iterations: u32,
    pub salt: String,
    pub check: Sealed,
}

impl KeyParams {
    pub fn new(salt: &[u8], iterations: u32, check: Sealed) -> KeyParams {
        KeyParams { kdf: KDF.into(), iterations, salt: STANDARD.encode(salt), check }
    }

    pub fn salt_bytes(&self) -> Option<Vec<u8>> {
        STANDARD.decode(&self.salt).ok().filter(|s| s.len() == SALT_BYTES)
    }

    /// Settings that can be used: our KDF, enough rounds, a salt of the right size.
    pub fn is_usable(&self) -> bool {
        self.kdf == KDF && self.iterations >= ITERATIONS && self.salt_bytes().is_some() && self.check.parts().is_some()
    }

    pub fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_text(text: &str) -> Option<KeyParams> {
        serde_json::from_str::<KeyParams>(text).ok().filter(KeyParams::is_usable)
    }
}

/// An exported file of encrypted dossiers: the export's plain text sealed with a key from the
/// same passphrase, with the salt and rounds to derive it again on another device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncryptedExport {
    pub format: String,
    pub version: u32,
    pub key: KeyParams,
    pub dossiers: Sealed,
}

impl EncryptedExport {
    pub fn new(key: KeyParams, dossiers: Sealed) -> EncryptedExport {
        EncryptedExport { format: ENCRYPTED_EXPORT_FORMAT.into(), version: 1, key, dossiers }
    }

    pub fn to_text(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The file, when it is an encrypted export (anything else goes to the plain import).
    pub fn from_text(text: &str) -> Option<EncryptedExport> {
        let file: EncryptedExport = serde_json::from_str(text).ok()?;
        (file.format == ENCRYPTED_EXPORT_FORMAT && file.key.is_usable() && file.dossiers.parts().is_some()).then_some(file)
    }
}

/// The organisation's rules from its pack (`meldcode_protection`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProtectionPolicy {
    /// Dossiers can only be made once protection is on.
    #[serde(default)]
    pub required: bool,
    /// Minutes without use until the store locks (1–480, default 15).
    #[serde(default)]
    pub lock_after_minutes: Option<u32>,
}

impl ProtectionPolicy {
    pub fn lock_after_ms(&self) -> f64 {
        f64::from(self.lock_after_minutes.unwrap_or(DEFAULT_LOCK_MINUTES).clamp(1, MAX_LOCK_MINUTES)) * 60_000.0
    }
}

/// Why a passphrase cannot be set; the translation key says it to the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PassphraseProblem {
    TooShort,
    DoNotMatch,
}

impl PassphraseProblem {
    pub fn message_key(self) -> &'static str {
        match self {
            PassphraseProblem::TooShort => "vault.too_short",
            PassphraseProblem::DoNotMatch => "vault.no_match",
        }
    }
}

/// Checks a new passphrase and its repetition. Characters, not bytes, count.
pub fn check_new_passphrase(passphrase: &str, again: &str) -> Result<(), PassphraseProblem> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        Err(PassphraseProblem::TooShort)
    } else if passphrase != again {
        Err(PassphraseProblem::DoNotMatch)
    } else {
        Ok(())
    }
}

/// When the store locks for inactivity: `touch` on every use, `is_due` on a timer. Times are
/// milliseconds since the epoch (`Date.now()`, which Playwright's clock moves in tests).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IdleLock {
    last_use_ms: f64,
    after_ms: f64,
}

impl IdleLock {
    pub fn new(now_ms: f64, after_ms: f64) -> IdleLock {
        IdleLock { last_use_ms: now_ms, after_ms }
    }

    pub fn touch(&mut self, now_ms: f64) {
        self.last_use_ms = self.last_use_ms.max(now_ms);
    }

    /// The organisation's time, which may arrive after the store was unlocked.
    pub fn set_after_ms(&mut self, after_ms: f64) {
        self.after_ms = after_ms;
    }

    pub fn is_due(&self, now_ms: f64) -> bool {
        now_ms - self.last_use_ms >= self.after_ms
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sealed() -> Sealed {
        Sealed::new(&[7; IV_BYTES], b"ciphertext")
    }

    #[test]
    fn a_sealed_value_reads_back_and_a_plain_dossier_is_not_one() {
        let text = sealed().to_text();
        assert!(text.starts_with(r#"{"enc":"aes-gcm","iv":""#), "{text}");
        assert_eq!(Sealed::from_text(&text), Some(sealed()));
        assert_eq!(Sealed::from_text(r#"{"version":3,"id":"d-1"}"#), None);
        assert_eq!(Sealed::from_text("{not json"), None);
        let short_iv = Sealed::new(&[1; 4], b"x").to_text();
        assert_eq!(Sealed::from_text(&short_iv), None);
        let other = sealed().to_text().replace("aes-gcm", "rot13");
        assert_eq!(Sealed::from_text(&other), None);
    }

    #[test]
    fn key_params_need_our_kdf_enough_rounds_and_a_full_salt() {
        let params = KeyParams::new(&[1; SALT_BYTES], ITERATIONS, sealed());
        assert_eq!(KeyParams::from_text(&params.to_text()), Some(params.clone()));
        let weak = KeyParams { iterations: 1_000, ..params.clone() };
        assert_eq!(KeyParams::from_text(&weak.to_text()), None, "a crafted key with few rounds is refused");
        let short_salt = KeyParams::new(&[1; 8], ITERATIONS, sealed());
        assert_eq!(KeyParams::from_text(&short_salt.to_text()), None);
        let other_kdf = KeyParams { kdf: "md5".into(), ..params };
        assert_eq!(KeyParams::from_text(&other_kdf.to_text()), None);
    }

    #[test]
    fn an_encrypted_export_is_told_apart_from_a_plain_one() {
        let file = EncryptedExport::new(KeyParams::new(&[2; SALT_BYTES], ITERATIONS, sealed()), sealed());
        assert_eq!(EncryptedExport::from_text(&file.to_text()), Some(file));
        let plain = crate::meldcode::dossier::export(&[], "2026-11-22T13:32:00Z".parse().unwrap());
        assert_eq!(EncryptedExport::from_text(&plain), None);
    }

    #[test]
    fn the_pack_sets_whether_protection_is_required_and_when_it_locks() {
        let policy: ProtectionPolicy = serde_json::from_str(r#"{"required": true, "lock_after_minutes": 5}"#).unwrap();
        assert!(policy.required);
        assert_eq!(policy.lock_after_ms(), 300_000.0);
        assert_eq!(ProtectionPolicy::default().lock_after_ms(), 15.0 * 60_000.0);
        assert!(!ProtectionPolicy::default().required);
        assert!(serde_json::from_str::<ProtectionPolicy>(r#"{"lock": 5}"#).is_err());
    }

    #[test]
    fn a_new_passphrase_is_long_enough_and_typed_twice_the_same() {
        assert_eq!(check_new_passphrase("kort", "kort"), Err(PassphraseProblem::TooShort));
        assert_eq!(check_new_passphrase("paard-batterij-niet", "paard-batterij-nie"), Err(PassphraseProblem::DoNotMatch));
        assert_eq!(check_new_passphrase("paard-batterij-niet", "paard-batterij-niet"), Ok(()));
        // Ten letters with accents are ten characters, not twenty bytes.
        assert_eq!(check_new_passphrase("éééééééééé", "éééééééééé"), Ok(()));
        assert_eq!(check_new_passphrase("ééééé", "ééééé"), Err(PassphraseProblem::TooShort));
    }

    #[test]
    fn the_store_locks_after_the_set_time_without_use() {
        let minute = 60_000.0;
        let mut lock = IdleLock::new(0.0, 15.0 * minute);
        assert!(!lock.is_due(14.0 * minute));
        assert!(lock.is_due(15.0 * minute));
        lock.touch(10.0 * minute);
        assert!(!lock.is_due(24.0 * minute), "use starts the time again");
        assert!(lock.is_due(25.0 * minute));
        lock.touch(5.0 * minute);
        assert!(lock.is_due(25.0 * minute), "an older moment never moves the time back");
        lock.set_after_ms(5.0 * minute);
        assert!(lock.is_due(15.0 * minute), "a pack that arrives later sets a shorter time");
    }
}
