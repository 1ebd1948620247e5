//! Capabilities are separate wasm modules, loaded when a user opens them, so the first load
//! stays small however much the app grows. The shell renders a slot; the capability's module
//! (`meldcode.js`, built by `scripts/build-capability`) mounts into it with its own state,
//! following the shell's language through a window event.

use super::{config::MountConfig, region::RegionStatus, route, set_if_changed, tr, AppState};
use crate::content::{Content, NationalContent};
use crate::i18n::Lang;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const LANG_EVENT: &str = "meldwijzer-lang";
/// Sent when the slot data may have changed (a region pack arrived after the module mounted).
pub const DATA_EVENT: &str = "meldwijzer-capability-data";

#[wasm_bindgen(inline_js = "
export function load_capability(name) {
  // This snippet sits in snippets/<crate>/; the capability modules sit at the build's root.
  const url = new URL(`../../${name}.js`, import.meta.url).href;
  return import(url).then(async (module) => { await module.default(); module.mount(); });
}")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn load_capability(name: &str) -> Result<js_sys::Promise, JsValue>;
}

/// Where a capability appears in the shell; shows a message if its module cannot load.
/// `data` is what the shell hands the module (such as a preset from the region pack); the
/// module reads it with [`SlotElement::data`].
#[component]
pub fn Slot(name: &'static str, #[prop(into)] data: Signal<String>) -> impl IntoView {
    let failed = RwSignal::new(false);
    let load = move || {
        failed.set(false);
        leptos::task::spawn_local(async move {
            let loaded = match load_capability(name) {
                Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
                Err(_) => false,
            };
            failed.set(!loaded);
        });
    };
    request_animation_frame(load);
    view! {
        <div data-meldwijzer-capability=name data-capability-data=move || data.get()>
            <p class="mw-notice" role="status">{tr("capability.loading")}</p>
        </div>
        {move || failed.get().then(|| view! {
            <div class="mw-notice mw-notice--warning" role="alert">
                <p>{tr("capability.failed")}</p>
                <button type="button" class="mw-button" on:click=move |_| load()>{tr("capability.retry")}</button>
            </div>
        })}
    }
}

/// The data the shell put on this capability's slot, read when the module needs it.
#[derive(Clone, Copy)]
pub struct SlotElement(pub StoredValue<Option<web_sys::HtmlElement>, LocalStorage>);

impl SlotElement {
    /// The slot of the capability being built now (call while building its view).
    pub fn current() -> Option<SlotElement> {
        use_context::<SlotElement>()
    }

    pub fn data(&self) -> String {
        self.0
            .with_value(|el| el.as_ref().and_then(|el| el.get_attribute("data-capability-data")))
            .unwrap_or_default()
    }
}

/// Tells loaded capabilities that the language changed.
pub fn announce_language(lang: Lang) {
    announce(LANG_EVENT, lang.code());
}

/// Tells loaded capabilities to read their slot data again.
pub fn announce_data() {
    announce(DATA_EVENT, "");
}

fn announce(name: &str, detail: &str) {
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&JsValue::from_str(detail));
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::CustomEvent::new_with_event_init_dict(name, &init)) {
        let _ = window.dispatch_event(&event);
    }
}

thread_local! {
    /// The capability apps mounted now; replaced on the next mount, when the shell has made
    /// a fresh slot.
    static MOUNTED: RefCell<Vec<Box<dyn std::any::Any>>> = const { RefCell::new(Vec::new()) };
}

/// Called by a capability module: mounts `view` into every slot named `name`.
pub fn mount<V: IntoView + 'static>(name: &str, screen: route::Screen, view: fn() -> V) {
    MOUNTED.with(|m| m.borrow_mut().clear());
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(slots) = document.query_selector_all(&format!("[data-meldwijzer-capability=\"{name}\"]")) else { return };
    for slot in (0..slots.length()).filter_map(|i| slots.item(i)).filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
        let lang = slot
            .closest(".meldwijzer")
            .ok()
            .flatten()
            .and_then(|root| root.get_attribute("lang"))
            .and_then(|l| Lang::parse(&l))
            .unwrap_or_default();
        slot.set_inner_html("");
        let element = slot.clone();
        let handle = leptos::mount::mount_to(slot, move || {
            provide_context(SlotElement(StoredValue::new_local(Some(element))));
            let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
            let app = AppState {
                lang: RwSignal::new(lang),
                screen: RwSignal::new(screen),
                sub_path: RwSignal::new(route::sub_path(&hash)),
                content: RwSignal::new(Content::new(NationalContent::load(), None)),
                region: RwSignal::new(RegionStatus::National),
                config: StoredValue::new(MountConfig::default()),
            };
            provide_context(app);
            follow_shell(app);
            view()
        });
        MOUNTED.with(|m| m.borrow_mut().push(Box::new(handle)));
    }
    // The user asked for this screen: start reading at its heading.
    if let Some(heading) = document
        .query_selector(&format!("[data-meldwijzer-capability=\"{name}\"] h1"))
        .ok()
        .flatten()
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = heading.focus();
    }
}

/// Keeps a capability's language and sub-path in step with the shell around it.
fn follow_shell(app: AppState) {
    let lang = window_event_listener_untyped(LANG_EVENT, move |event| {
        let code = event.dyn_into::<web_sys::CustomEvent>().ok().and_then(|e| e.detail().as_string());
        if let Some(lang) = code.as_deref().and_then(Lang::parse) {
            app.lang.set(lang);
        }
    });
    let hash = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
        if route::Screen::from_hash(&hash) == Some(app.screen.get_untracked()) {
            set_if_changed(app.sub_path, route::sub_path(&hash));
        }
    });
    on_cleanup(move || {
        lang.remove();
        hash.remove();
    });
}
