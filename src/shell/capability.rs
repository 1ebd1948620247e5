//! Capabilities are separate wasm modules, loaded when a user opens them, so the first load
//! stays small however much the app grows. The shell renders a slot; the capability's module
//! (`meldcode.js`, built by `scripts/build-capability`) mounts into it with its own state,
//! following the shell's language and region pack through window events. A capability's own
//! stylesheet (`style/<name>.css`) is loaded with it. One that a quick journey needs can be
//! built into a shell instead (`build_in`), and a module can answer the shell a question
//! without being mounted (`ask`).

use super::app_state::{set_if_changed, state, tr, AppState};
use super::region_notice::RegionNotice;
use super::{browser::current_hash, config::MountConfig, region::RegionStatus};
use crate::ground::route;
use crate::content::{Content, Issue, NationalContent, Problem, RegionPack};
use crate::i18n::Lang;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const LANG_EVENT: &str = "meldwijzer-lang";
/// On the app's root once the user has moved from the first screen.
pub const NAVIGATED: &str = "data-meldwijzer-navigated";
/// Sent when the slot data may have changed (a region pack arrived after the module mounted).
const DATA_EVENT: &str = "meldwijzer-capability-data";

#[wasm_bindgen(inline_js = "
// Each module imported and started once, whether it is mounted or only asked (`ask`); a
// failed load is forgotten, so \"Opnieuw proberen\" tries again.
const modules = new Map();
function started(name) {
  let module = modules.get(name);
  if (!module) {
    module = import(file(name, 'js')).then(async (m) => { await m.default(); return m; });
    module.catch(() => modules.delete(name));
    modules.set(name, module);
  }
  return module;
}
// This snippet sits in snippets/<crate>/; the capability modules sit at the build's root.
function file(name, ext) { return new URL(`../../${name}.${ext}`, import.meta.url).href; }
export function load_capability(name, style) {
  if (style && !document.querySelector(`link[data-meldwijzer-style='${name}']`)) {
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = file(name, 'css');
    style.dataset.meldwijzerStyle = name;
    document.head.append(style);
  }
  return started(name).then((m) => m.mount());
}
export function ask_capability(name, question, data, arg) {
  return started(name).then((m) => m[question](data, arg));
}")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn load_capability(name: &str, style: bool) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn ask_capability(name: &str, question: &str, data: String, arg: JsValue) -> Result<js_sys::Promise, JsValue>;
}

/// Asks capability `name`'s module a `question` (one of its exported functions, called with the
/// region pack as JSON and `arg`), loading the module first but not mounting it: the shell
/// draws what the module knows without carrying its code. `None` when the module cannot load or
/// answers nothing.
pub async fn ask(name: &str, question: &str, content: &Content, arg: JsValue) -> Option<String> {
    let promise = ask_capability(name, question, content.region_json(), arg).ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.as_string()
}

/// The region pack a shell sent with a question (`ask`), as the module's content; the
/// national content alone when it cannot be read.
pub fn asked_content(region_json: &str) -> Content {
    Content::new(NationalContent::load(), read_slot(region_json).ok().flatten())
}

/// Capabilities whose styles are in the shell's `meldwijzer.css`: the routekaart, as the
/// citizen shell (`src/bin/citizen.rs`) has it built in (`scripts/build-capability` writes no
/// stylesheet for it).
const STYLED_BY_SHELL: &[&str] = &["routekaart"];

type BuiltIn = (&'static str, fn() -> AnyView);

thread_local! {
    /// Capabilities compiled into the shell's own module (`bin/citizen.rs`): drawn in place, never
    /// loaded. A journey that must be quick on a phone pays for one runtime, not two.
    static BUILT_IN: RefCell<Vec<BuiltIn>> = const { RefCell::new(Vec::new()) };
}

/// Makes capability `name` part of the shell: its slot draws `view` with the shell's state.
pub fn build_in(name: &'static str, view: fn() -> AnyView) {
    crate::i18n::add_text(crate::i18n::capability_text(name));
    BUILT_IN.with(|b| b.borrow_mut().push((name, view)));
}

fn built_in(name: &str) -> Option<fn() -> AnyView> {
    BUILT_IN.with(|b| b.borrow().iter().find(|(n, _)| *n == name).map(|(_, view)| *view))
}

/// Where a capability appears in the shell; shows a message if its module cannot load. The
/// slot carries the validated region pack as JSON, which the module reads into its own state.
/// A capability built into this shell is drawn in place, with the shell's state.
#[component]
pub fn Slot(name: &'static str) -> impl IntoView {
    if let Some(view) = built_in(name) {
        return view();
    }
    let app = state();
    let data = move || app.content.with(Content::region_json);
    let failed = RwSignal::new(false);
    let load = move || {
        failed.set(false);
        leptos::task::spawn_local(async move {
            let loaded = match load_capability(name, !STYLED_BY_SHELL.contains(&name)) {
                Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
                Err(_) => false,
            };
            failed.set(!loaded);
        });
    };
    request_animation_frame(load);
    // The shell's screen, for a module mounted while the hash is empty (the page's data-view).
    let screen = move || app.screen.get().slug();
    // Until the module arrives: the screen the hash names as our page pre-rendered it (in
    // Dutch, as it was rendered), else "loading". The module empties the slot when it mounts;
    // until then a link followed in the copy shows the next copy. Plain DOM, not a reactive
    // view: the nodes are gone once the module is there.
    let copy_of = move || (app.lang.get_untracked() == Lang::Nl).then(|| super::prerendered::screen(&current_hash())).flatten();
    let first = copy_of();
    let copy = NodeRef::<leptos::html::Div>::new();
    let loading = NodeRef::<leptos::html::P>::new();
    let follow = window_event_listener(leptos::ev::hashchange, move |_| {
        let (Some(copy), Some(loading)) = (copy.get_untracked(), loading.get_untracked()) else { return };
        if !copy.is_connected() {
            return;
        }
        let html = copy_of();
        copy.set_inner_html(html.as_deref().unwrap_or(""));
        copy.set_hidden(html.is_none());
        loading.set_hidden(html.is_some());
    });
    on_cleanup(move || follow.remove());
    view! {
        <div data-meldwijzer-capability=name data-capability-data=data data-capability-screen=screen>
            <div class="mw-prerender-copy" node_ref=copy hidden=first.is_none() inner_html=first.clone().unwrap_or_default()></div>
            <p class="mw-notice" role="status" node_ref=loading hidden=first.is_some()>{tr("capability.loading")}</p>
        </div>
        {move || failed.get().then(|| view! {
            <div class="mw-notice mw-notice--warning" role="alert">
                <p>{tr("capability.failed")}</p>
                <button type="button" class="mw-button" on:click=move |_| load()>{tr("capability.retry")}</button>
            </div>
        })}
    }
    .into_any()
}

/// The attribute through which the shell hands a capability the validated region pack.
const DATA_ATTRIBUTE: &str = "data-capability-data";

/// The region pack the shell put on a slot, and the region's status for the capability: the
/// national default alone when there is none, and also, with the reason shown as a region
/// problem, when the slot's data cannot be read (a shell and module of different builds).
fn slot_content(slot: &web_sys::HtmlElement) -> (Content, RegionStatus) {
    let (region, status) = match read_slot(&slot.get_attribute(DATA_ATTRIBUTE).unwrap_or_default()) {
        Ok(Some(pack)) => (Some(pack), RegionStatus::Loaded),
        Ok(None) => (None, RegionStatus::National),
        Err(issue) => (None, RegionStatus::Failed(vec![issue])),
    };
    (Content::new(NationalContent::load(), region), status)
}

/// A slot's data: empty for no region pack, else the pack as the shell wrote it. What cannot
/// be read is an issue named after the attribute; the data itself (the gemeente's public
/// pack) is not repeated in it.
fn read_slot(json: &str) -> Result<Option<RegionPack>, Issue> {
    if json.trim().is_empty() {
        return Ok(None);
    }
    serde_json::from_str(json).map(Some).map_err(|e| {
        let problem = match e.classify() {
            // The shape this module expects: where it differs, as line:column.
            serde_json::error::Category::Data => Problem::WrongType { detail: format!("{}:{}", e.line(), e.column()) },
            _ => Problem::NotJson { line: e.line(), column: e.column() },
        };
        Issue { file: DATA_ATTRIBUTE.to_string(), path: String::new(), problem }
    })
}

/// The screen a module mounted in `slot` shows: the hash's, when it names one of this
/// capability's screens; otherwise the shell's (an empty hash shows the page's `data-view`).
fn slot_screen(slot: &web_sys::HtmlElement, hash: &str, name: &str) -> route::Screen {
    let shell = slot.get_attribute("data-capability-screen").map(|slug| route::Screen::from_slug(&slug));
    route::Screen::from_hash(hash)
        .filter(|screen| screen.capability() == Some(name))
        .or(shell)
        .unwrap_or(route::Screen::Home)
}

/// Tells loaded capabilities that the language changed.
pub fn announce_language(lang: Lang) {
    announce(LANG_EVENT, lang.code());
}

/// Tells loaded capabilities to read their slot's region pack again.
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

/// Called by a capability module: mounts `view` into every slot named `name`, with the same
/// [`AppState`] the shell has, so a capability reads language, screen and content the same way.
pub fn mount<V: IntoView + 'static>(name: &'static str, view: fn() -> V) {
    crate::i18n::add_text(crate::i18n::capability_text(name));
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
        // The page's pre-rendered copy of this screen stays, in front of the module's own
        // screen, until the module says its screen is there (`keep_copy_until`).
        let copy = slot.query_selector(":scope > .mw-prerender-copy:not([hidden])").ok().flatten();
        slot.set_inner_html("");
        if let Some(copy) = &copy {
            let _ = slot.append_child(copy);
        }
        let held = HeldCopy { copy: StoredValue::new_local(copy.map(|copy| (copy, slot.clone()))) };
        let kept = slot.clone();
        let element = slot.clone();
        let handle = leptos::mount::mount_to(slot, move || {
            let hash = current_hash();
            let (content, region) = slot_content(&element);
            let app = AppState {
                lang: RwSignal::new(lang),
                screen: RwSignal::new(slot_screen(&element, &hash, name)),
                sub_path: RwSignal::new(route::sub_path(&hash)),
                region: RwSignal::new(region),
                content: RwSignal::new(content),
                config: StoredValue::new(MountConfig::default()),
            };
            provide_context(app);
            provide_context(held);
            follow_shell(app, name, element);
            // A slot whose data could not be read says so, as the shell says a refused pack.
            view! { <RegionNotice/> {view()} }
        });
        // Unless the module's screen asked to keep it (`keep_copy_until`), the copy goes now.
        if !kept.has_attribute(COPY_SHOWN) {
            held.release();
        }
        MOUNTED.with(|m| m.borrow_mut().push(Box::new(handle)));
    }
    // The user moved to this screen: start reading at its heading. On the first screen of a
    // page focus stays where the browser put it, so Tab reaches "Snel weg" first.
    if let Some(heading) = document
        .query_selector(&format!(".meldwijzer[{NAVIGATED}] [data-meldwijzer-capability=\"{name}\"] h1"))
        .ok()
        .flatten()
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = heading.focus();
    }
}

/// The pre-rendered copy in a slot, with the slot, until the module's own screen replaces it.
#[derive(Clone, Copy)]
struct HeldCopy {
    copy: StoredValue<Option<(web_sys::Element, web_sys::HtmlElement)>, LocalStorage>,
}

/// On a slot while its module asked to keep the copy (`keep_copy_until`): the stylesheet hides
/// the module's screen behind it.
const COPY_SHOWN: &str = "data-copy-shown";

impl HeldCopy {
    fn hold(self) {
        self.copy.with_value(|held| {
            if let Some((_, slot)) = held {
                let _ = slot.set_attribute(COPY_SHOWN, "");
            }
        });
    }

    /// The module's own screen shows; the copy is gone. Focus that was in the copy, or that
    /// the module could not give the hidden heading of a screen the user moved to, goes to it.
    fn release(self) {
        let Some((copy, slot)) = self.copy.try_update_value(Option::take).flatten() else { return };
        let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
        let in_copy = active.as_ref().is_some_and(|a| copy.contains(Some(a)));
        let moved_here = slot.closest(&format!("[{NAVIGATED}]")).ok().flatten().is_some()
            && active.as_ref().is_none_or(|a| a.tag_name().eq_ignore_ascii_case("body"));
        copy.remove();
        let _ = slot.remove_attribute(COPY_SHOWN);
        if in_copy || moved_here {
            if let Some(heading) = slot.query_selector("h1").ok().flatten().and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = heading.focus();
            }
        }
    }
}

/// For a capability whose first screen needs more than its module (the sociale kaart reads the
/// gemeente's files): the page's pre-rendered copy of the screen stays until `ready` is true,
/// or until the user follows a link, so the screen does not drop back to "loading" in between.
pub fn keep_copy_until(ready: impl Fn() -> bool + 'static) {
    let Some(held) = use_context::<HeldCopy>() else { return };
    if held.copy.with_value(Option::is_none) {
        return;
    }
    held.hold();
    Effect::new(move |_| {
        if ready() {
            held.release();
        }
    });
    let moved = window_event_listener(leptos::ev::hashchange, move |_| held.release());
    on_cleanup(move || moved.remove());
}

/// Keeps a capability's language, screen, sub-path and region pack in step with the shell.
fn follow_shell(app: AppState, name: &'static str, slot: web_sys::HtmlElement) {
    let lang = window_event_listener_untyped(LANG_EVENT, move |event| {
        let code = event.dyn_into::<web_sys::CustomEvent>().ok().and_then(|e| e.detail().as_string());
        if let Some(lang) = code.as_deref().and_then(Lang::parse) {
            app.lang.set(lang);
        }
    });
    let hash = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = current_hash();
        // Only this capability's screens: the shell is about to remove it otherwise. An empty
        // hash is the page's start view, which is ours if the shell still shows us.
        let screen = match hash.as_str() {
            "" | "#" => Some(app.screen.get_untracked()),
            _ => route::Screen::from_hash(&hash).filter(|s| s.capability() == Some(name)),
        };
        if let Some(screen) = screen {
            set_if_changed(app.screen, screen);
            set_if_changed(app.sub_path, route::sub_path(&hash));
        }
    });
    let data = window_event_listener_untyped(DATA_EVENT, move |_| {
        let (content, region) = slot_content(&slot);
        set_if_changed(app.region, region);
        set_if_changed(app.content, content);
    });
    on_cleanup(move || {
        lang.remove();
        hash.remove();
        data.remove();
    });
}

/// The whole of a capability module's binary (`src/bin/<name>.rs`): a `mount()` the shell
/// calls after importing the module, mounting `$screen` into the slots named `$name`.
#[macro_export]
macro_rules! capability_module {
    ($name:literal, $screen:path) => {
        #[cfg(target_arch = "wasm32")]
        #[wasm_bindgen::prelude::wasm_bindgen]
        pub fn mount() {
            $crate::shell::capability::mount($name, || $screen());
        }

        fn main() {}
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slot_without_data_is_national_and_broken_data_is_said_not_swallowed() {
        assert_eq!(read_slot(""), Ok(None));
        let pack = crate::content::validate::parse_region_pack("regio.json", include_str!("../../public/regions/voorbeeldstad.json"), &["112", "veilig-thuis"], crate::sociale_kaart::import::test_today()).unwrap();
        let json = serde_json::to_string(&pack).unwrap();
        assert_eq!(read_slot(&json), Ok(Some(pack)));
        let cut = read_slot(&json[..json.len() / 2]).unwrap_err();
        assert_eq!(cut.file, DATA_ATTRIBUTE);
        assert!(matches!(cut.problem, Problem::NotJson { line: 1, .. }), "{:?}", cut.problem);
        let other = read_slot(r#"{"region": 3}"#).unwrap_err();
        assert!(matches!(other.problem, Problem::WrongType { .. }), "{:?}", other.problem);
        assert!(!other.message(Lang::Nl).contains("\"region\""), "the data is not repeated: {}", other.message(Lang::Nl));
    }

    #[test]
    fn a_question_carries_the_shells_pack_and_garbage_leaves_the_national_content() {
        let pack = crate::content::validate::parse_region_pack("regio.json", include_str!("../../public/regions/voorbeeldstad.json"), &["112", "veilig-thuis"], crate::sociale_kaart::import::test_today()).unwrap();
        let content = Content::new(NationalContent::load(), Some(pack.clone()));
        assert_eq!(asked_content(&content.region_json()).region, Some(pack));
        assert_eq!(asked_content("").region, None);
        assert_eq!(asked_content("{\"region\": 3}").region, None);
    }
}
