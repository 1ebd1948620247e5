//! The shell around every screen: safety bar (quick exit, emergency numbers), region notice,
//! language, screen switching and focus. Screens themselves live in their capability folders.

mod app_state;
pub mod browser;
pub mod capability;
pub mod config;
mod facts;
pub mod field;
// Beheer's snippet screen shows the shell's own screens as the embed will.
pub(crate) mod home;
mod language;
pub mod mount;
mod prerendered;
pub mod quick_exit;
pub mod region;
mod region_notice;
mod release_notice;
// Route parsing is pure and lives in the ground layer; here for code written before the move.
pub use crate::ground::route;

pub use app_state::{go, in_lang, navigate_with, replace_to, set_if_changed, show_in_address, state, tr, AppState};
pub use facts::{CitationText, ContactList, FactList, NumberList, SourceNote};
pub use home::ScreenHeading;

use crate::content::{Content, NationalContent};
use crate::i18n;
use browser::current_hash;
use config::MountConfig;
use leptos::{ev, html, prelude::*};
use region::RegionStatus;
use region_notice::RegionNotice;
use route::Screen;
use wasm_bindgen::JsCast;

/// The screen a hash shows: the page's start view for an empty hash (also on Back to it), and
/// `None` for a host page's own `#anchor`.
fn screen_for(hash: &str, config: &MountConfig) -> Option<Screen> {
    if hash.is_empty() || hash == "#" {
        Some(config.start.unwrap_or(Screen::Home))
    } else {
        Screen::from_hash(hash)
    }
}

fn initial_screen(config: &MountConfig) -> Screen {
    screen_for(&current_hash(), config).unwrap_or(config.start.unwrap_or(Screen::Home))
}

#[component]
pub fn App(config: MountConfig) -> impl IntoView {
    let lang = language::initial(&config);
    let app = AppState {
        lang: RwSignal::new(lang),
        screen: RwSignal::new(initial_screen(&config)),
        sub_path: RwSignal::new(route::sub_path(&current_hash())),
        content: RwSignal::new(Content::new(NationalContent::load(), None)),
        region: RwSignal::new(RegionStatus::National),
        config: StoredValue::new(config.clone()),
    };
    provide_context(app);

    if let Some(url) = config.region_url.clone() {
        app.region.set(RegionStatus::Loading);
        leptos::task::spawn_local(async move {
            let national = app.content.with_untracked(|c| c.national.clone());
            match region::load(&url, &national.number_ids()).await {
                Ok(pack) => {
                    app.content.set(Content::new(national, Some(pack)));
                    app.region.set(RegionStatus::Loaded);
                    // After the slot's attribute has been updated with the new data.
                    request_animation_frame(capability::announce_data);
                }
                Err(issues) => app.region.set(RegionStatus::Failed(issues)),
            }
        });
    }

    let start = config.clone();
    let hash_listener = window_event_listener(ev::hashchange, move |_| {
        let hash = current_hash();
        if let Some(screen) = screen_for(&hash, &start) {
            // Only real changes: setting the same screen would rebuild it, and remount a
            // capability module, on every step inside it.
            set_if_changed(app.screen, screen);
            set_if_changed(app.sub_path, route::sub_path(&hash));
        }
    });
    on_cleanup(move || hash_listener.remove());

    let root = NodeRef::<html::Div>::new();
    // After a screen change: title (own page only) and focus on the new heading, so screen
    // reader and keyboard users start at the top of what changed.
    Effect::new(move |_| capability::announce_language(app.lang.get()));
    Effect::new(move |previous: Option<(Screen, Vec<String>)>| {
        let screen = app.screen.get();
        let here = (screen, app.sub_path.get());
        let title = i18n::t(app.lang.get(), screen.title_key());
        if config.standalone {
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                document.set_title(&format!("{title} · Meldwijzer"));
            }
        }
        if previous.is_some_and(|p| p != here) {
            // Marks the app as navigated: a capability module that arrives later focuses its
            // heading too. Not on the first screen: there Tab must reach "Snel weg" first.
            if let Some(root) = root.get_untracked() {
                let _ = root.set_attribute(capability::NAVIGATED, "");
            }
            request_animation_frame(move || focus_heading(root));
        }
        here
    });

    let screen_view = move || {
        let screen = app.screen.get();
        match (screen.capability(), screen) {
            (Some(name), _) => capability::Slot(capability::SlotProps { name }).into_any(),
            (None, Screen::Professional) => home::ProfessionalHome().into_any(),
            (None, Screen::Sources) => home::Sources().into_any(),
            (None, Screen::NotFound) => home::NotFound().into_any(),
            (None, _) => home::Home().into_any(),
        }
    };

    view! {
        <div class="meldwijzer" lang=move || app.lang.get().code() node_ref=root>
            // First in tab order and sticky, so the exit is one key or tap away at any scroll.
            <quick_exit::QuickExit/>
            <div class="mw-safety">
                <facts::EmergencyNumbers/>
            </div>
            <RegionNotice/>
            <release_notice::ReleaseNotice/>
            <div class="mw-bar">
                <a class="mw-bar__home" href=Screen::Home.href()>{tr("app.name")}</a>
                <language::LanguageSwitch/>
            </div>
            <div class="mw-screen">{screen_view}</div>
            <div class="mw-footer">
                <a href=Screen::Sources.href()>{tr("footer.sources")}</a>
            </div>
        </div>
    }
}

fn focus_heading(root: NodeRef<html::Div>) {
    let heading = root
        .get_untracked()
        .and_then(|root| root.query_selector(".mw-screen h1").ok().flatten())
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(heading) = heading {
        let _ = heading.focus();
    }
}
