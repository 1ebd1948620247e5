//! The pre-rendered screens of our index.html (scripts/prerender.mjs), kept when the shell
//! replaces them: until a capability's module has arrived, its slot shows the same screen
//! from them, so a citizen reading the first question does not see it vanish into "loading"
//! for the seconds between the shell's start and the routekaart's.

use std::cell::RefCell;
use wasm_bindgen::JsCast;

thread_local! {
    /// (screen path, its HTML): "/zorgen/kind", as the prerender names them.
    static SCREENS: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

/// Keeps the pre-rendered screens inside `mount_point` before the app replaces them.
pub(crate) fn keep(mount_point: &web_sys::Element) {
    let Ok(list) = mount_point.query_selector_all(".mw-prerender .mw-prerender__screen[data-screen]") else { return };
    let mut screens = Vec::new();
    for element in (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<web_sys::Element>().ok()) {
        let html = element.inner_html();
        let names = element.get_attribute("data-screen").into_iter().chain(
            element.get_attribute("data-also").unwrap_or_default().split(' ').filter(|s| !s.is_empty()).map(String::from).collect::<Vec<_>>(),
        );
        screens.extend(names.map(|name| (name, html.clone())));
    }
    SCREENS.with(|s| s.borrow_mut().extend(screens));
}

/// The pre-rendered HTML of the screen `hash` names, if there is one.
pub(crate) fn screen(hash: &str) -> Option<String> {
    let path = crate::ground::route::prerender_path(hash)?;
    SCREENS.with(|s| s.borrow().iter().find(|(name, _)| *name == path).map(|(_, html)| html.clone()))
}
