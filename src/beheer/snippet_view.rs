//! The embed snippet builder: the options as a form, the snippet, its CSP and CORS lines with
//! copy buttons, the block as a visitor sees it before the app starts (the fallback content,
//! rendered here as the page will show it), and the app itself as it starts with those
//! settings (the opened pack, or the national content without one). Works without opened files.

use super::snippet::{fallback, snippet, EmbedOptions, Snippet, SnippetError, VIEWS};
use crate::content::NationalContent;
use crate::i18n::{t, Lang};
use super::preview::{links_inside, previewed_app};
use crate::ground::route::{self, Screen};
use crate::shell::field::Field;
use crate::shell::home::{Home, NotFound, ProfessionalHome, Sources};
use crate::shell::{navigate_with, set_if_changed, state, tr};
use leptos::context::Provider;
use leptos::{html, prelude::*};

/// The error of `field` among `errors`, as a key for [`Field`].
fn error_of(result: Memo<Result<Snippet, Vec<SnippetError>>>, field: &'static str) -> Signal<Option<&'static str>> {
    Signal::derive(move || result.with(|r| r.as_ref().err().and_then(|errors| errors.iter().find(|e| e.field == field).map(|e| e.key))))
}

/// A read-only text with its label and a copy button; when the clipboard refuses, the text is
/// selected for Ctrl+C.
#[component]
fn CopyBlock(id: &'static str, label: &'static str, button: &'static str, text: Signal<String>, #[prop(optional)] rows: Option<u32>) -> impl IntoView {
    let lang = state().lang;
    let area = NodeRef::<html::Textarea>::new();
    let said = RwSignal::new(None::<&'static str>);
    let copy = move |_| {
        let value = text.get_untracked();
        leptos::task::spawn_local(async move {
            if crate::shell::browser::copy_text(&value).await {
                said.set(Some("beheer.snippet.copied"));
            } else {
                if let Some(area) = area.get_untracked() {
                    let _ = area.focus();
                    area.select();
                }
                said.set(Some("beheer.snippet.copy_failed"));
            }
        });
    };
    view! {
        <Field id=id label=label>
            <textarea id=id class="mw-admin-code" readonly rows=rows.unwrap_or(3) node_ref=area prop:value=move || text.get()></textarea>
        </Field>
        <p>
            <button type="button" class="mw-button mw-button--secondary" on:click=copy>{tr(button)}</button>
            " "<span role="status" class="mw-admin-said">{move || said.get().map(|key| t(lang.get(), key))}</span>
        </p>
    }
}

#[component]
pub fn SnippetBuilder() -> impl IntoView {
    let app = state();
    let national = StoredValue::new(NationalContent::load());
    let options = RwSignal::new(EmbedOptions { lang: app.lang.get_untracked(), ..EmbedOptions::default() });
    let result = Memo::new(move |_| options.with(|o| national.with_value(|n| snippet(o, n))));
    let text = move |pick: fn(&Snippet) -> String| Signal::derive(move || result.with(|r| r.as_ref().map(pick).unwrap_or_default()));
    let html_text = text(|s| s.html.clone());
    let csp_text = text(|s| s.csp.clone());
    // A text field's value is taken when it is left (or Enter is pressed), so an error is not
    // announced at every key while typing.
    let set = move |apply: fn(&mut EmbedOptions, String)| move |ev: leptos::ev::Event| options.update(|o| apply(o, event_target_value(&ev)));

    // The app as it starts with these settings: its own screens in a state of their own, whose
    // links and moves stay in this preview.
    let live_lang = RwSignal::new(options.with_untracked(|o| o.lang));
    let (live, pack) = previewed_app(live_lang, options.with_untracked(|o| Screen::from_slug(&o.view)), Vec::new());
    Effect::new(move |_| {
        let (lang, screen) = options.with(|o| (o.lang, Screen::from_slug(&o.view)));
        set_if_changed(live_lang, lang);
        set_if_changed(live.screen, screen);
        set_if_changed(live.sub_path, Vec::new());
    });
    let follow = move |href: &str| {
        if let Some(screen) = Screen::from_hash(href) {
            set_if_changed(live.screen, screen);
            set_if_changed(live.sub_path, route::sub_path(href));
        }
    };
    navigate_with(Some(std::rc::Rc::new(follow)));
    on_cleanup(|| navigate_with(None));
    let live_view = move || match live.screen.get() {
        Screen::Home => Home().into_any(),
        Screen::Professional => ProfessionalHome().into_any(),
        Screen::Citizen | Screen::ProfessionalRoutes => crate::routekaart::RoutekaartScreen().into_any(),
        Screen::SocialMap => crate::sociale_kaart::SocialMapScreen().into_any(),
        Screen::Meldcode => crate::meldcode::MeldcodeScreen().into_any(),
        Screen::SelfCheck => crate::self_check::SelfCheckScreen().into_any(),
        Screen::Sources => Sources().into_any(),
        Screen::Admin | Screen::NotFound => NotFound().into_any(),
    };
    let live_data = move || if pack.with(Option::is_some) { "beheer.snippet.live_pack" } else { "beheer.snippet.live_national" };

    view! {
        <section class="mw-admin-snippet" aria-labelledby="mw-admin-snippet-title">
            <h2 id="mw-admin-snippet-title">{tr("beheer.snippet.title")}</h2>
            <p>{tr("beheer.snippet.lead")}</p>
            <form class="mw-admin-snippet__form" on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()>
                <Field id="mw-admin-snippet-view" label="beheer.snippet.view" error=error_of(result, "view")>
                    <select id="mw-admin-snippet-view" on:change=set(|o, v| o.view = v)>
                        {VIEWS.iter().map(|screen| {
                            let slug = screen.slug();
                            let label = if slug.is_empty() { "beheer.snippet.view_home" } else { screen.title_key() };
                            view! { <option value=slug selected=move || options.with(|o| o.view == slug)>{tr(label)}</option> }
                        }).collect_view()}
                    </select>
                </Field>
                <Field id="mw-admin-snippet-lang" label="beheer.snippet.lang">
                    <select id="mw-admin-snippet-lang" on:change=move |ev| options.update(|o| o.lang = Lang::parse(&event_target_value(&ev)).unwrap_or(Lang::Nl))>
                        <option value="nl" selected=move || options.with(|o| o.lang == Lang::Nl)>{tr("beheer.snippet.lang_nl")}</option>
                        <option value="en" selected=move || options.with(|o| o.lang == Lang::En)>{tr("beheer.snippet.lang_en")}</option>
                    </select>
                </Field>
                <Field id="mw-admin-snippet-region" label="beheer.snippet.region_url" hint="beheer.snippet.region_url_hint" error=error_of(result, "region_url")>
                    <input type="text" inputmode="url" id="mw-admin-snippet-region" autocomplete="off" spellcheck="false" on:change=set(|o, v| o.region_url = v)/>
                </Field>
                <Field id="mw-admin-snippet-exit" label="beheer.snippet.exit_url" hint="beheer.snippet.exit_url_hint" error=error_of(result, "exit_url")>
                    <input type="text" inputmode="url" id="mw-admin-snippet-exit" autocomplete="off" spellcheck="false" on:change=set(|o, v| o.exit_url = v)/>
                </Field>
                <Field id="mw-admin-snippet-app" label="beheer.snippet.app_url" hint="beheer.snippet.app_url_hint" error=error_of(result, "app_url")>
                    <input type="text" inputmode="url" id="mw-admin-snippet-app" autocomplete="off" spellcheck="false"
                        prop:value=options.with_untracked(|o| o.app_url.clone()) on:change=set(|o, v| o.app_url = v)/>
                </Field>
            </form>
            {move || match result.get() {
                Err(_) => view! { <p class="mw-error" role="status">{tr("beheer.snippet.errors")}</p> }.into_any(),
                Ok(made) => {
                    let lang = app.lang.get();
                    view! {
                        <CopyBlock id="mw-admin-snippet-html" label="beheer.snippet.code" button="beheer.snippet.copy" text=html_text rows=10/>
                        <CopyBlock id="mw-admin-snippet-csp" label="beheer.snippet.csp" button="beheer.snippet.copy_csp" text=csp_text rows=4/>
                        <h3>{t(lang, "beheer.snippet.cors")}</h3>
                        {if made.cors.is_empty() {
                            view! { <p>{t(lang, "beheer.snippet.cors_none")}</p> }.into_any()
                        } else {
                            view! { <ul class="mw-admin-cors">{made.cors.iter().map(|c| view! { <li>{c.message(lang)}</li> }).collect_view()}</ul> }.into_any()
                        }}
                    }.into_any()
                }
            }}
            <h3>{tr("beheer.snippet.preview")}</h3>
            <p class="mw-hint">{tr("beheer.snippet.preview_hint")}</p>
            // The fallback as the page shows it: made from the national content and escaped by
            // `snippet::fallback`, never from what was typed.
            <div class="mw-admin-snippet__preview" lang=move || options.with(|o| o.lang.code()) inner_html=move || options.with(|o| national.with_value(|n| fallback(n, o.lang)))></div>
            <h3 id="mw-admin-snippet-live">{tr("beheer.snippet.live")}</h3>
            <p class="mw-hint">{move || t(app.lang.get(), live_data())}</p>
            <div class="mw-theme-scope mw-preview-app mw-admin-snippet__live" role="region" aria-labelledby="mw-admin-snippet-live"
                lang=move || live_lang.get().code() on:click=links_inside(follow)>
                <Provider value=live>{live_view}</Provider>
            </div>
        </section>
    }
}
