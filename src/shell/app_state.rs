//! What every screen of one mounted app reads: its state, its translated text, and the way to
//! another screen. Apart from the shell's layout (`mod.rs`), so the screens the layout shows can
//! use these without importing the layout back.

use super::config::MountConfig;
use super::region::RegionStatus;
use crate::content::Content;
use crate::ground::route::Screen;
use crate::i18n::{self, Lang, Text};
use leptos::prelude::*;

/// Everything the screens of one mounted app share. Plain domain values in signals.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub screen: RwSignal<Screen>,
    /// What follows the screen's slug in the hash, for screens with their own sub-screens.
    pub sub_path: RwSignal<Vec<String>>,
    pub content: RwSignal<Content>,
    pub region: RwSignal<RegionStatus>,
    pub config: StoredValue<MountConfig>,
}

pub fn state() -> AppState {
    expect_context::<AppState>()
}

/// A UI string that follows the language switch.
pub fn tr(key: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let lang = state().lang;
    move || i18n::t(lang.get(), key)
}

/// Content text (a `Text` from the content files) in the language shown now; follows the
/// language switch like [`tr`].
pub fn in_lang(text: Text) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let lang = state().lang;
    move || text.get(lang.get()).to_string()
}

thread_local! {
    /// Where the app's own moves go instead of the page's address (see [`navigate_with`]).
    static NAVIGATE: std::cell::RefCell<Option<std::rc::Rc<dyn Fn(&str)>>> = const { std::cell::RefCell::new(None) };
}

/// From now on [`go`] and [`replace_to`] in this wasm module call `navigate` instead of
/// changing the page's address: Beheer's preview runs the app's screens inside its own page
/// (`None` gives the address back).
pub fn navigate_with(navigate: Option<std::rc::Rc<dyn Fn(&str)>>) {
    NAVIGATE.with(|n| *n.borrow_mut() = navigate);
}

fn navigate_elsewhere(href: &str) -> bool {
    let navigate = NAVIGATE.with(|n| n.borrow().clone());
    navigate.map(|navigate| navigate(href)).is_some()
}

/// Moves to a hash such as `#/meldcode/d-1/2`, so Back and bookmarks work like links.
pub fn go(href: &str) {
    if navigate_elsewhere(href) {
        return;
    }
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(href);
    }
}

/// Puts `href` in the address without a history entry and without moving to it (a search as
/// it is typed); in a preview (see [`navigate_with`]) the page's address stays as it is.
pub fn show_in_address(href: &str) {
    if NAVIGATE.with(|n| n.borrow().is_some()) {
        return;
    }
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
    }
}

/// Moves to `href` in place of this address, so Back does not return to it.
pub fn replace_to(href: &str) {
    if navigate_elsewhere(href) {
        return;
    }
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(href);
    }
}

pub fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|current| *current != value) {
        signal.set(value);
    }
}
