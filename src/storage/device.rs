//! What the browser says about its storage for this website: whether it promised to keep it
//! (`navigator.storage.persist()`), whether more fits (a probe write), and where it lives (the
//! page's host). Through `js_sys::Reflect`, so a browser without `navigator.storage` answers
//! "not known" instead of failing.

use super::{key, raw, Area};
use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const PROBE: &str = "probe";

async fn call_storage_manager(method: &str) -> Option<bool> {
    let navigator = web_sys::window()?.navigator();
    let manager = Reflect::get(&navigator, &"storage".into()).ok().filter(|m| !m.is_undefined() && !m.is_null())?;
    let function = Reflect::get(&manager, &method.into()).ok()?.dyn_into::<Function>().ok()?;
    let promise = function.call0(&manager).ok()?.dyn_into::<Promise>().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Asks the browser to keep this website's storage also when space runs low. Chromium
/// decides on its own, Firefox asks the user; `None` when the browser has no such request.
pub async fn request_persistence() -> Option<bool> {
    call_storage_manager("persist").await
}

/// Whether the browser has promised to keep this website's storage.
pub async fn is_persisted() -> Option<bool> {
    call_storage_manager("persisted").await
}

/// Whether `chars` more characters fit in local storage now: writes a probe of that size
/// and removes it at once. Browsers give a website about 5 MB and say no more than "full"
/// when a write does not fit, so trying is the only exact measure.
pub fn can_hold(chars: usize) -> bool {
    let Ok(storage) = raw(Area::Local) else { return false };
    if chars == 0 {
        return true;
    }
    let probe = key(PROBE);
    let fits = storage.set_item(&probe, &"0".repeat(chars.saturating_sub(probe.len()).max(1))).is_ok();
    let _ = storage.remove_item(&probe);
    fits
}

/// Characters (UTF-16 code units, as browsers count) local storage holds now for this
/// website, the host page's keys included.
pub fn used_chars() -> usize {
    let Ok(storage) = raw(Area::Local) else { return 0 };
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .map(|k| {
            let value = storage.get_item(&k).ok().flatten().unwrap_or_default();
            k.encode_utf16().count() + value.encode_utf16().count()
        })
        .sum()
}

/// The host of the page the app runs on: for an embedded app the gemeente's website, whose
/// storage the drafts are part of.
pub fn host() -> String {
    web_sys::window().and_then(|w| w.location().host().ok()).unwrap_or_default()
}

pub fn user_agent() -> String {
    web_sys::window().and_then(|w| w.navigator().user_agent().ok()).unwrap_or_default()
}

/// Whether the app runs installed (added to the home screen or as a desktop app), not in a tab.
pub fn is_installed() -> bool {
    let Some(window) = web_sys::window() else { return false };
    ["standalone", "minimal-ui", "fullscreen", "window-controls-overlay"].iter().any(|mode| {
        window.match_media(&format!("(display-mode: {mode})")).ok().flatten().is_some_and(|query| query.matches())
    })
}

/// Characters a stored item named `name` takes besides its value (its full key).
pub fn key_chars(name: &str) -> usize {
    key(name).encode_utf16().count()
}

