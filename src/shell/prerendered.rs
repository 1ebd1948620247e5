//! The pre-rendered screens of our index.html (scripts/prerender.mjs), kept when the shell
//! replaces them: until a capability's module has arrived, its slot shows the same screen
//! from them, so a citizen reading the first question does not see it vanish into "loading"
//! for the seconds between the shell's start and the routekaart's.

use std::cell::RefCell;
use wasm_bindgen::JsCast;

/// A pre-rendered screen: its HTML, and whether it shows what a first visitor has (no
/// profile, no dossiers: `data-first-visit`).
struct Kept {
    path: String,
    html: String,
    first_visit: bool,
}

thread_local! {
    /// By screen path: "/zorgen/kind", as the prerender names them.
    static SCREENS: RefCell<Vec<Kept>> = const { RefCell::new(Vec::new()) };
}

/// Keeps the pre-rendered screens inside `mount_point` before the app replaces them.
pub(crate) fn keep(mount_point: &web_sys::Element) {
    let Ok(list) = mount_point.query_selector_all(".mw-prerender .mw-prerender__screen[data-screen]") else { return };
    let mut screens = Vec::new();
    for element in (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<web_sys::Element>().ok()) {
        let html = element.inner_html();
        let first_visit = element.has_attribute("data-first-visit");
        let names = element.get_attribute("data-screen").into_iter().chain(
            element.get_attribute("data-also").unwrap_or_default().split(' ').filter(|s| !s.is_empty()).map(String::from).collect::<Vec<_>>(),
        );
        screens.extend(names.map(|path| Kept { path, html: html.clone(), first_visit }));
    }
    SCREENS.with(|s| s.borrow_mut().extend(screens));
}

/// The pre-rendered HTML of the screen `hash` names, if there is one. A first visitor's
/// screen only while this browser holds nothing of ours (as embed.js decides before the
/// wasm): once anything is stored, it may not be this user's screen any more.
pub(crate) fn screen(hash: &str) -> Option<String> {
    let path = crate::ground::route::prerender_path(hash)?;
    let stored = || crate::storage::names(crate::storage::Area::Local, "").map_or(true, |names| !names.is_empty());
    SCREENS.with(|s| s.borrow().iter().find(|kept| kept.path == path).filter(|kept| !(kept.first_visit && stored())).map(|kept| kept.html.clone()))
}
