//! The pack previewed as a citizen sees it: the routekaart for a postcode or wijk, the
//! sociale kaart with the pack's data, the meldcode's preset from the organisation, in the
//! gemeente's theme. Renders the app's own components with the opened files.
//!
//! How: the preview's subtree gets its own `AppState` (a `Provider`), whose content is the
//! national pack with the opened pack laid over it, "loaded from" an in-memory address
//! (`shell::region::MEMORY_SCHEME`) whose files the workspace serves, so the routekaart and
//! sociale kaart fetch and import them exactly as on a gemeente's page. The subtree's screen
//! is the preview's own: a link inside it that would change the page's address is caught and
//! moves the preview instead, so the editor never leaves Beheer, and so do the app's own moves
//! (`shell::navigate_with`). The meldcode is the app's own too, with the pack's preset, as a
//! professional on a first visit sees it: Beheer keeps everything in memory
//! (`storage::keep_in_memory`), so what is tried here is never stored, and this browser's own
//! dossiers are never shown.

use super::preview_model::{local_help_steps, parse_theme};
use super::state::use_beheer;
use super::workspace::Workspace;
use crate::content::{Content, NationalContent, RegionPack};
use crate::ground::route::{self, Screen};
use crate::i18n::{t, t_with, Lang};
use crate::routekaart::local::wijken;
use crate::routekaart::model::RouteMap;
use crate::meldcode::MeldcodeScreen;
use crate::routekaart::RoutekaartPreview;
use crate::shell::config::MountConfig;
use crate::shell::field::Field;
use crate::shell::region::{serve_from_memory, RegionStatus, MEMORY_SCHEME};
use crate::shell::{in_lang, navigate_with, set_if_changed, state, tr, AppState};
use crate::sociale_kaart::query::SearchQuery;
use crate::sociale_kaart::{SocialMapScreen, StartQuery};
use leptos::context::Provider;
use leptos::{html, prelude::*};
use wasm_bindgen::JsCast;

/// Shown by the preview and the print of every wijk while no pack is open: the example pack
/// in one press (also a way for an editor to see what a pack can hold).
#[component]
pub fn StartWithExample() -> impl IntoView {
    let beheer = use_beheer();
    view! {
        <p>{tr("beheer.preview.no_pack")}</p>
        <p>
            <button type="button" class="mw-button mw-button--secondary" on:click=move |_| beheer.workspace.set(Workspace::example())>
                {tr("beheer.preview.example")}
            </button>
        </p>
        <p><a href=super::links::href("")>{tr("beheer.nav.to_open")}</a></p>
    }
}

/// The preview's tabs: the screen each shows first.
const TABS: [(Screen, &str); 3] =
    [(Screen::Citizen, "beheer.preview.tab.routes"), (Screen::SocialMap, "beheer.preview.tab.social_map"), (Screen::Meldcode, "beheer.preview.tab.meldcode")];

#[component]
pub fn Preview() -> impl IntoView {
    let beheer = use_beheer();
    let app = state();
    let lang = move || app.lang.get();
    let steps = local_help_steps(&RouteMap::national());
    let first_step = StoredValue::new(steps.first().map(|(id, _)| id.clone()).unwrap_or_default());
    let steps = StoredValue::new(steps);

    let (preview, pack) = previewed_app(app.lang, Screen::Citizen, vec![first_step.get_value()]);
    let has_pack = move || pack.with(Option::is_some);
    let unreadable = move || beheer.checked.with(|c| c.as_ref().is_some_and(|c| c.pack.is_none()));

    // The place a burger typed: the preview's own fields and the routekaart's share it.
    let place = RwSignal::new(String::new());
    let all_wijken = move || preview.content.with(|c| wijken(c.contacts()));

    let theme_text = RwSignal::new(String::new());
    let theme = Memo::new(move |_| theme_text.with(|text| parse_theme(text)));
    let scope = NodeRef::<html::Div>::new();
    // Set through the element's style object (CSSOM), which a CSP without 'unsafe-inline'
    // allows, unlike a style attribute.
    let applied = StoredValue::new(Vec::<String>::new());
    Effect::new(move |_| {
        let (values, _) = theme.get();
        let Some(element) = scope.get() else { return };
        let style = web_sys::HtmlElement::style(&element);
        applied.with_value(|names| names.iter().for_each(|name| drop(style.remove_property(name))));
        for value in &values {
            let _ = style.set_property(&value.name, &value.value);
        }
        applied.set_value(values.into_iter().map(|v| v.name).collect());
    });
    let theme_errors = move || theme.with(|(_, errors)| errors.clone());

    // A link inside the preview moves the preview, not the page; a link to a search in the
    // sociale kaart opens it with that search.
    let left_for = RwSignal::new(None::<Screen>);
    let start_query = RwSignal::new(SearchQuery::default());
    // `focus`: after a link, the new screen's heading takes the focus, as in the app; not
    // after the route select, whose arrow keys change it one step at a time.
    let follow = move |href: &str, focus: bool| {
        let Some(screen) = Screen::from_hash(href) else { return };
        let screen = if screen == Screen::ProfessionalRoutes { Screen::Citizen } else { screen };
        if TABS.iter().any(|(tab, _)| *tab == screen) {
            left_for.set(None);
            start_query.set(SearchQuery::from_hash(href));
            set_if_changed(preview.screen, screen);
            set_if_changed(preview.sub_path, route::sub_path(href));
            if focus {
                request_animation_frame(move || focus_heading(scope));
            }
        } else {
            left_for.set(Some(screen));
        }
    };
    // The app's own moves (a new dossier opening at its first step) stay in the preview too.
    navigate_with(Some(std::rc::Rc::new(move |href: &str| follow(href, true))));
    on_cleanup(|| navigate_with(None));
    let on_click = links_inside(move |href| follow(href, true));
    // A tab starts its part afresh: the route at its first step with the local team.
    let tab_start = move |screen: Screen| {
        left_for.set(None);
        start_query.set(SearchQuery::default());
        set_if_changed(preview.screen, screen);
        set_if_changed(preview.sub_path, if screen == Screen::Citizen { vec![first_step.get_value()] } else { Vec::new() });
    };
    let on_route = move || preview.screen.get() == Screen::Citizen;
    let step_now = move || preview.sub_path.with(|p| p.first().cloned().unwrap_or_default());

    let screen_view = move || match preview.screen.get() {
        Screen::Citizen => view! { <RoutekaartPreview place=place/> }.into_any(),
        Screen::SocialMap => view! { <SocialMapScreen/> }.into_any(),
        _ => view! { <MeldcodePreset/> <MeldcodeScreen/> }.into_any(),
    };

    view! {
        <section class="mw-admin-section mw-admin-preview" aria-labelledby="mw-preview-title">
            <h2 id="mw-preview-title">{tr("beheer.preview.title")}</h2>
            {move || (!has_pack() && !unreadable()).then(|| view! { <StartWithExample/> })}
            {move || unreadable().then(|| view! { <p class="mw-notice mw-notice--warning">{tr("beheer.preview.unreadable")}</p> })}
            <Show when=has_pack>
                <p>{tr("beheer.preview.intro")}</p>
                <div class="mw-preview-controls">
                    <div class="mw-preview-tabs" role="group" aria-label=move || t(lang(), "beheer.preview.tabs")>
                        {TABS.into_iter().map(|(screen, key)| view! {
                            <button type="button" class="mw-button mw-button--secondary"
                                aria-pressed=move || (preview.screen.get() == screen).to_string()
                                on:click=move |_| tab_start(screen)>
                                {tr(key)}
                            </button>
                        }).collect_view()}
                    </div>
                    <Show when=on_route>
                        <Field id="mw-preview-step" label="beheer.preview.step">
                            <select id="mw-preview-step" on:change=move |ev| follow(&Screen::Citizen.href_to(&[&event_target_value(&ev)]), false)>
                                {steps.get_value().into_iter().map(|(id, title)| {
                                    let selected = { let id = id.clone(); move || step_now() == id };
                                    view! { <option value=id.clone() prop:selected=selected>{in_lang(title)}</option> }
                                }).collect_view()}
                            </select>
                        </Field>
                        <Field id="mw-preview-wijk" label="beheer.preview.wijk" hint="beheer.preview.wijk_hint">
                            <select id="mw-preview-wijk" on:change=move |ev| place.set(event_target_value(&ev))>
                                <option value="" prop:selected=move || place.with(|p| p.trim().is_empty())>{tr("beheer.preview.wijk_none")}</option>
                                {move || all_wijken().into_iter().map(|wijk| {
                                    let selected = { let wijk = wijk.clone(); move || place.with(|p| *p == wijk) };
                                    view! { <option value=wijk.clone() prop:selected=selected>{wijk.clone()}</option> }
                                }).collect_view()}
                            </select>
                        </Field>
                        <Field id="mw-preview-postcode" label="beheer.preview.postcode" hint="beheer.preview.postcode_hint">
                            <input id="mw-preview-postcode" type="text" autocomplete="off" inputmode="text"
                                prop:value=move || place.get()
                                on:input=move |ev| place.set(event_target_value(&ev))/>
                        </Field>
                    </Show>
                    <Field id="mw-preview-theme" label="beheer.preview.theme.label" hint="beheer.preview.theme.hint">
                        <textarea id="mw-preview-theme" rows="4" spellcheck="false"
                            prop:value=move || theme_text.get()
                            on:input=move |ev| theme_text.set(event_target_value(&ev))></textarea>
                    </Field>
                    {move || {
                        let errors = theme_errors();
                        (!errors.is_empty()).then(|| view! {
                            <ul class="mw-notice mw-notice--warning" id="mw-preview-theme-errors">
                                {errors.into_iter().map(|e| view! {
                                    <li>{move || t_with(lang(), "beheer.preview.theme.line", &[("line", &e.line.to_string()), ("problem", &t(lang(), e.key))])}</li>
                                }).collect_view()}
                            </ul>
                        })
                    }}
                </div>
                {move || left_for.get().map(|screen| view! {
                    <p class="mw-notice" role="status">
                        {move || t_with(lang(), "beheer.preview.left", &[("screen", &t(lang(), screen.title_key()))])}
                    </p>
                })}
                <p class="mw-preview-label" id="mw-preview-app-label">{tr("beheer.preview.app_label")}</p>
            </Show>
            // The citizen's screens, in the pack's theme. Always in the page (empty without a
            // pack), so the theme has an element to go on.
            <div class="mw-theme-scope mw-preview-app" node_ref=scope on:click=on_click
                role="region" aria-labelledby="mw-preview-app-label" hidden=move || !has_pack()>
                <Provider value=preview>
                    <Provider value=StartQuery(start_query)>
                        {move || has_pack().then(screen_view)}
                    </Provider>
                </Provider>
            </div>
        </section>
    }
}

/// The app's state for a preview in `lang`, starting at `screen`: the national pack with the
/// opened pack laid over it, "loaded from" a new in-memory address whenever the files change
/// (the sociale kaart keeps its directory per address, so a changed file is read again). Also
/// the pack itself, `None` while none can be read.
pub fn previewed_app(lang: RwSignal<Lang>, screen: Screen, sub_path: Vec<String>) -> (AppState, Memo<Option<RegionPack>>) {
    let beheer = use_beheer();
    let national = NationalContent::load();
    let pack = Memo::new(move |_| {
        let (name, pack) = beheer.checked.with(|c| c.as_ref().and_then(|c| Some((c.pack_name.clone(), c.pack.clone()?))))?;
        // One count for every preview of this page, so no two ever share an address.
        static GENERATION: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let number = GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        let base = format!("{MEMORY_SCHEME}/{number}/");
        // Read from the workspace when asked (no second copy of large files); its files are
        // this address's until the next change makes a new one.
        let workspace = beheer.workspace;
        serve_from_memory(&base, std::rc::Rc::new(move |path: &str| workspace.try_with_untracked(|w| w.file(path).map(|f| f.text.clone())).flatten()));
        let mut pack = pack;
        pack.loaded_from = Some(format!("{base}{name}"));
        Some(pack)
    });
    let preview = AppState {
        lang,
        screen: RwSignal::new(screen),
        sub_path: RwSignal::new(sub_path),
        content: RwSignal::new(Content::new(national.clone(), pack.get_untracked())),
        region: RwSignal::new(RegionStatus::Loaded),
        config: StoredValue::new(MountConfig::default()),
    };
    Effect::new(move |_| {
        let pack = pack.get();
        set_if_changed(preview.content, Content::new(national.clone(), pack));
    });
    (preview, pack)
}

/// A click handler for a preview's container: a link to one of the app's screens (`#/…`) goes
/// to `follow` instead of the page's address; tel: and web links do what they do in the app.
pub fn links_inside(follow: impl Fn(&str) + Copy + 'static) -> impl Fn(leptos::ev::MouseEvent) + Copy + 'static {
    move |ev: leptos::ev::MouseEvent| {
        let link = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|t| t.closest("a[href]").ok().flatten());
        let Some(href) = link.and_then(|a| a.get_attribute("href")) else { return };
        if href.starts_with('#') {
            ev.prevent_default();
            follow(&href);
        }
    }
}

/// After a link in the preview: the new screen's heading, as the app moves focus.
fn focus_heading(scope: NodeRef<html::Div>) {
    let heading = scope.get_untracked().and_then(|s| s.query_selector("h1").ok().flatten()).and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(heading) = heading {
        let _ = heading.focus();
    }
}

/// What an organisation's pack presets in the meldcode for its professionals (they can
/// change it in their profile), as the meldcode will use it.
#[component]
fn MeldcodePreset() -> impl IntoView {
    let app = state();
    let profile = move || app.content.with(|c| c.region.as_ref().and_then(|r| r.meldcode_profile.clone()));
    view! {
        <h3>{tr("beheer.preview.meldcode.title")}</h3>
        {move || match profile() {
            None => view! { <p>{tr("beheer.preview.meldcode.none")}</p> }.into_any(),
            Some(profile) => {
                let row = |key: &'static str, value: String| {
                    (!value.trim().is_empty()).then(|| view! { <dt>{tr(key)}</dt> <dd>{value}</dd> })
                };
                let lang = app.lang.get_untracked();
                view! {
                    <p>{tr("beheer.preview.meldcode.lead")}</p>
                    <dl class="mw-preview-preset">
                        {row("beheer.preview.meldcode.sector", t(lang, profile.sector.label_key()))}
                        {row("beheer.preview.meldcode.organisation", profile.organisation.clone())}
                        {row("beheer.preview.meldcode.aandachtsfunctionaris", profile.aandachtsfunctionaris.clone())}
                        {row("beheer.preview.meldcode.phone", profile.aandachtsfunctionaris_phone.clone())}
                        {row("beheer.preview.meldcode.decider", profile.decider.clone())}
                        {row("beheer.preview.meldcode.afwegingen", t_with(lang, "beheer.preview.meldcode.step", &[("step", &profile.afwegingen_in.step().to_string())]))}
                    </dl>
                }
                .into_any()
            }
        }}
    }
}
