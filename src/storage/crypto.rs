//! The browser's WebCrypto, the only cipher the app uses: a passphrase becomes a
//! non-extractable AES-GCM-256 key through PBKDF2-SHA-256; every text is sealed with its own
//! random 12-byte IV. Formats and rules are `meldcode::vault`'s; this only calls the browser.

use crate::meldcode::vault::{KeyParams, Sealed, CHECK_TEXT, ITERATIONS, IV_BYTES, SALT_BYTES};
use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CryptoError {
    /// No WebCrypto here (an insecure http page, a very old browser).
    Unavailable,
    /// The passphrase is not the one the text was sealed with, or the text was changed.
    WrongKey,
}

fn crypto() -> Result<web_sys::Crypto, CryptoError> {
    web_sys::window().and_then(|w| w.crypto().ok()).ok_or(CryptoError::Unavailable)
}

fn subtle() -> Result<SubtleCrypto, CryptoError> {
    Ok(crypto()?.subtle())
}

pub fn random_bytes<const N: usize>() -> Result<[u8; N], CryptoError> {
    let mut bytes = [0u8; N];
    crypto()?.get_random_values_with_u8_array(&mut bytes).map_err(|_| CryptoError::Unavailable)?;
    Ok(bytes)
}

async fn call(promise: Result<js_sys::Promise, JsValue>, error: CryptoError) -> Result<JsValue, CryptoError> {
    JsFuture::from(promise.map_err(|_| error)?).await.map_err(|_| error)
}

/// The key for `passphrase` with this salt and rounds. It can encrypt and decrypt and can
/// never be read out, not even by our own code.
pub async fn derive_key(passphrase: &str, salt: &[u8], iterations: u32) -> Result<CryptoKey, CryptoError> {
    let subtle = subtle()?;
    let usages = Array::of1(&"deriveKey".into());
    let secret = Uint8Array::from(passphrase.as_bytes());
    let base = call(subtle.import_key_with_str("raw", &secret, "PBKDF2", false, &usages), CryptoError::Unavailable).await?;
    let salt = Uint8Array::from(salt);
    let params = Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", iterations, &salt);
    let target = AesDerivedKeyParams::new("AES-GCM", 256);
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let key = subtle.derive_key_with_object_and_object(&params, base.unchecked_ref(), &target, false, &usages);
    Ok(call(key, CryptoError::Unavailable).await?.unchecked_into())
}

pub async fn encrypt(key: &CryptoKey, text: &str) -> Result<Sealed, CryptoError> {
    let iv = random_bytes::<IV_BYTES>()?;
    let params = AesGcmParams::new_with_u8_array("AES-GCM", &Uint8Array::from(&iv[..]));
    let data = Uint8Array::from(text.as_bytes());
    let sealed = call(subtle()?.encrypt_with_object_and_buffer_source(&params, key, &data), CryptoError::Unavailable).await?;
    Ok(Sealed::new(&iv, &Uint8Array::new(&sealed).to_vec()))
}

/// The text inside; AES-GCM's tag refuses a wrong key or a changed ciphertext.
pub async fn decrypt(key: &CryptoKey, sealed: &Sealed) -> Result<String, CryptoError> {
    let (iv, data) = sealed.parts().ok_or(CryptoError::WrongKey)?;
    let params = AesGcmParams::new_with_u8_array("AES-GCM", &Uint8Array::from(&iv[..]));
    let data = Uint8Array::from(&data[..]);
    let plain = call(subtle()?.decrypt_with_object_and_buffer_source(&params, key, &data), CryptoError::WrongKey).await?;
    String::from_utf8(Uint8Array::new(&plain).to_vec()).map_err(|_| CryptoError::WrongKey)
}

/// A new key for `passphrase`: a fresh random salt, 600,000 rounds, and the check value that
/// tells a wrong passphrase later.
pub async fn new_key(passphrase: &str) -> Result<(CryptoKey, KeyParams), CryptoError> {
    let salt = random_bytes::<SALT_BYTES>()?;
    let key = derive_key(passphrase, &salt, ITERATIONS).await?;
    let check = encrypt(&key, CHECK_TEXT).await?;
    Ok((key, KeyParams::new(&salt, ITERATIONS, check)))
}

/// The key for `passphrase` under stored `params`, or `WrongKey` when the check value does not
/// open with it.
pub async fn open_key(passphrase: &str, params: &KeyParams) -> Result<CryptoKey, CryptoError> {
    let salt = params.salt_bytes().ok_or(CryptoError::WrongKey)?;
    let key = derive_key(passphrase, &salt, params.iterations).await?;
    match decrypt(&key, &params.check).await {
        Ok(text) if text == CHECK_TEXT => Ok(key),
        _ => Err(CryptoError::WrongKey),
    }
}
