//! Search as you type, with filters, over the region's sociale kaart. The search and filters
//! live in the URL; results are shown a page at a time so thousands of matches stay smooth.

use super::service_view::{language_name, ServiceView, Variant};
use super::model::Term;
use crate::sociale_kaart::directory::Directory;
use super::my_list::ListToggle;
use super::import::{group_issues, summary};
use super::model::number_conflicts;
use super::query::SearchQuery;
use super::state::{use_social_map, Loaded, MapState};
use crate::i18n::{t, t_count, t_with, Lang, Text};
use crate::ground::route::Screen;
use crate::shell::{in_lang, state, tr, ScreenHeading};
use crate::shell::field::Field;
use leptos::{html, prelude::*};
use std::sync::Arc;

const PAGE: usize = 20;

#[component]
pub fn SearchScreen() -> impl IntoView {
    let map = use_social_map();
    let list_count = move || map.my_list.ids.with(Vec::len);
    view! {
        <ScreenHeading screen=Screen::SocialMap/>
        <p class="mw-lead">{tr("social_map.lead")}</p>
        <p>
            <a href=Screen::SocialMap.href_to(&["lijstje"])>
                {move || t_with(state().lang.get(), "social_map.list.link", &[("count", &list_count().to_string())])}
            </a>
        </p>
        {move || match map.state.get() {
            MapState::Loading => view! { <p class="mw-notice" role="status">{tr("social_map.loading")}</p> }.into_any(),
            MapState::NoMap => view! { <NoMap/> }.into_any(),
            MapState::Ready(loaded) => view! {
                <ImportNotice loaded=loaded.clone()/>
                <Search loaded=loaded/>
            }.into_any(),
        }}
    }
}

/// Without a region's sociale kaart: say so, and what still helps.
#[component]
fn NoMap() -> impl IntoView {
    view! {
        <div class="mw-notice">
            <p>{tr("social_map.no_map")}</p>
            <p><a href=Screen::Citizen.href()>{tr("social_map.no_map_routes")}</a></p>
        </div>
    }
}

/// What the import left out, for the gemeente's editor, folded away: a summary, the problems
/// grouped by kind with counts and the first examples, and the full report as a download.
/// Users see that some data is missing.
#[component]
fn ImportNotice(loaded: Arc<Loaded>) -> impl IntoView {
    let app = state();
    let has_problems = loaded.issues.iter().any(|i| !i.is_warning());
    let conflicts: Vec<String> = app.content.with_untracked(|c| {
        number_conflicts(c.contacts(), loaded.directory.records()).iter().map(|conflict| conflict.message(app.lang.get_untracked())).collect()
    });
    if !has_problems && loaded.unread.is_empty() && loaded.more_issues == 0 && conflicts.is_empty() {
        return None;
    }
    let unread = loaded.unread.clone();
    let more = loaded.more_issues.to_string();
    let report = loaded.clone();
    let download = move |_| {
        let lang = app.lang.get_untracked();
        let lines: Vec<String> = std::iter::once(summary(report.directory.records().len(), &report.issues, lang))
            .chain(report.unread.iter().map(|i| i.message(lang)))
            .chain(report.issues.iter().map(|i| i.message(lang)))
            .collect();
        crate::shell::browser::download("sociale-kaart-verslag.txt", "text/plain;charset=utf-8", &(lines.join("\n") + "\n"));
    };
    Some(view! {
        <div class="mw-notice mw-notice--warning">
            <p>{tr("social_map.import_problems")}</p>
            <details>
                <summary>{tr("social_map.import_details")}</summary>
                <p>{{
                    let loaded = loaded.clone();
                    move || summary(loaded.directory.records().len(), &loaded.issues, app.lang.get())
                }}</p>
                <ul class="mw-report">
                    {move || {
                        let lang = app.lang.get();
                        let unread = unread.iter().map(|i| view! { <li>{i.message(lang)}</li> }.into_any());
                        let groups = group_issues(&loaded.issues).into_iter().map(|group| {
                            let examples = group.examples_line(lang);
                            view! { <li>{group.message(lang)} {examples.map(|e| view! { <br/> {e} })}</li> }.into_any()
                        });
                        let conflicts = conflicts.iter().map(|c| view! { <li>{c.clone()}</li> }.into_any());
                        unread.chain(groups).chain(conflicts).collect_view()
                    }}
                </ul>
                <button type="button" class="mw-button mw-button--secondary" on:click=download>{tr("social_map.report.download")}</button>
                {(more != "0").then(|| view! { <p>{move || t_with(app.lang.get(), "social_map.more_issues", &[("count", &more)])}</p> })}
            </details>
        </div>
    })
}

/// Nothing found: the themes this sociale kaart has, as searches, and who to call anyway.
#[component]
fn NothingFound(directory: Arc<Loaded>) -> impl IntoView {
    let app = state();
    let records = directory.directory.records();
    let themes: Vec<Term> = directory.directory.taxonomy().themes.iter()
        .filter(|term| records.iter().any(|r| r.themes.contains(&term.id)))
        .cloned()
        .collect();
    let numbers = app.content.with_untracked(|c| ["veilig-thuis", "112"].iter().filter_map(|id| c.number(id).cloned()).collect::<Vec<_>>());
    view! {
        <div class="mw-notice">
            <h3>{tr("social_map.none.themes")}</h3>
            <ul class="mw-actions mw-none-themes">
                {themes.into_iter().map(|term| {
                    let href = SearchQuery { theme: Some(term.id.clone()), ..SearchQuery::default() }.href();
                    view! { <li><a href=href>{in_lang(term.label.clone())}</a></li> }
                }).collect_view()}
            </ul>
            <h3>{tr("social_map.none.call")}</h3>
            <crate::shell::NumberList numbers=numbers/>
        </div>
    }
}

#[component]
fn Search(loaded: Arc<Loaded>) -> impl IntoView {
    let map = use_social_map();
    let app = state();
    let shown = RwSignal::new(PAGE);
    let results = {
        let loaded = loaded.clone();
        Memo::new(move |_| {
            let filters = map.query.with(|q| q.filters(map.now.get()));
            map.query.with(|q| loaded.directory.search(&q.text, &filters))
        })
    };
    // A new search starts at its first page.
    Effect::new(move |_| {
        results.track();
        shown.set(PAGE);
    });
    let count = move || {
        t_count(app.lang.get(), "social_map.count", results.with(Vec::len), &[])
    };
    let list_ref = NodeRef::<html::Ol>::new();
    let show_more = move |_| {
        let before = shown.get_untracked();
        shown.set(before + PAGE);
        // Keyboard and screen reader users continue at the first new result.
        request_animation_frame(move || {
            let first_new = list_ref
                .get_untracked()
                .and_then(|list| list.query_selector(&format!("li:nth-child({}) h3 a", before + 1)).ok().flatten())
                .and_then(|a| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(a).ok());
            if let Some(link) = first_new {
                let _ = link.focus();
            }
        });
    };
    let directory = loaded.clone();
    let directory_for_help = loaded.clone();
    view! {
        <SearchForm directory=loaded.clone()/>
        <h2 class="mw-results__heading">{tr("social_map.results")}</h2>
        <p role="status" class="mw-results__count">{count}</p>
        {move || results.with(Vec::is_empty).then(|| view! { <NothingFound directory=directory_for_help.clone()/> })}
        <ol class="mw-list mw-results" node_ref=list_ref>
            {move || {
                let records = directory.directory.records();
                results.with(|found| {
                    found.iter().take(shown.get()).map(|&i| {
                        let record = records[i].clone();
                        let (id, name) = (record.id.clone(), record.name.clone());
                        view! {
                            <ServiceView record=record variant=Variant::Card now=map.now>
                                <ListToggle id=id name=name/>
                            </ServiceView>
                        }
                    }).collect_view()
                })
            }}
        </ol>
        {move || (results.with(Vec::len) > shown.get()).then(|| view! {
            <button type="button" class="mw-button mw-button--secondary" on:click=show_more>
                {move || t_with(app.lang.get(), "social_map.more", &[
                    ("shown", &shown.get().min(results.with(Vec::len)).to_string()),
                    ("count", &results.with(Vec::len).to_string()),
                ])}
            </button>
        })}
    }
}

/// The search box and filters. Each change updates the results and the URL at once; the
/// submit button is there for users who expect one (and for Enter).
#[component]
fn SearchForm(directory: Arc<Loaded>) -> impl IntoView {
    let map = use_social_map();
    let app = state();
    let lang = move || app.lang.get();
    let change = move |edit: &dyn Fn(&mut SearchQuery)| {
        let mut query = map.query.get_untracked();
        edit(&mut query);
        map.set_query(query);
    };
    let directory_ref: &Directory = &directory.directory;
    let taxonomy = directory_ref.taxonomy().clone();
    let mut codes: Vec<String> = directory_ref.records().iter().flat_map(|r| r.languages.iter().cloned()).collect();
    codes.sort();
    codes.dedup();
    let languages: Vec<(String, Text)> = codes
        .into_iter()
        .map(|code| {
            let name = Text { nl: language_name(Lang::Nl, &code), en: Some(language_name(Lang::En, &code)) };
            (code, name)
        })
        .collect();
    let terms = |terms: &[Term]| terms.iter().map(|t| (t.id.clone(), t.label.clone())).collect::<Vec<_>>();
    let themes = terms(&taxonomy.themes);
    let groups = terms(&taxonomy.target_groups);

    view! {
        <form role="search" class="mw-form mw-search" on:submit=|ev| ev.prevent_default()>
            <Field id="mw-sk-q" label="social_map.search" hint="social_map.search_hint">
                <input id="mw-sk-q" type="search" autocomplete="off"
                    prop:value=move || map.query.with(|q| q.text.clone())
                    on:input=move |ev| { let text = event_target_value(&ev); change(&|q| q.text = text.clone()) }/>
            </Field>
            <fieldset class="mw-fieldset mw-filters">
                <legend>{tr("social_map.filters")}</legend>
                <Pick id="mw-sk-theme" label="social_map.theme" options=themes
                    get=|q| q.theme.clone() set=|q, v| q.theme = v/>
                <Pick id="mw-sk-group" label="social_map.target_group" options=groups
                    get=|q| q.target_group.clone() set=|q, v| q.target_group = v/>
                <Field id="mw-sk-age" label="social_map.age_filter">
                    <input id="mw-sk-age" type="text" inputmode="numeric" class="mw-input--short" autocomplete="off"
                        prop:value=move || map.query.with(|q| q.age.map(|a| a.to_string()).unwrap_or_default())
                        on:input=move |ev| {
                            let age = super::model::age_from(&event_target_value(&ev));
                            change(&|q| q.age = age)
                        }/>
                </Field>
                <Field id="mw-sk-area" label="social_map.area" hint="social_map.area_hint">
                    <input id="mw-sk-area" type="text" autocomplete="off"
                        prop:value=move || map.query.with(|q| q.area.clone())
                        on:input=move |ev| { let area = event_target_value(&ev); change(&|q| q.area = area.clone()) }/>
                </Field>
                <Pick id="mw-sk-lang" label="social_map.language" options=languages
                    get=|q| q.language.clone() set=|q, v| q.language = v/>
                <div class="mw-choices">
                    <Check id="mw-sk-open" label="social_map.open_now" get=|q| q.open_now set=|q, on| q.open_now = on/>
                    <Check id="mw-sk-free" label="social_map.free" get=|q| q.free set=|q, on| q.free = on/>
                    <Check id="mw-sk-referral" label="social_map.without_referral" get=|q| q.without_referral set=|q, on| q.without_referral = on/>
                </div>
                {move || map.query.with(SearchQuery::has_filters).then(|| view! {
                    <button type="button" class="mw-link-button" on:click=move |_| change(&|q| *q = SearchQuery { text: q.text.clone(), ..SearchQuery::default() })>
                        {tr("social_map.clear_filters")}
                    </button>
                })}
            </fieldset>
        </form>
        {move || (lang() != crate::i18n::Lang::Nl).then(|| view! { <p class="mw-hint">{t(lang(), "social_map.data_in_dutch")}</p> })}
    }
}

/// One filter as a choice from a list, with "Alles" for no filter.
#[component]
fn Pick(
    id: &'static str,
    label: &'static str,
    options: Vec<(String, Text)>,
    get: fn(&SearchQuery) -> Option<String>,
    set: fn(&mut SearchQuery, Option<String>),
) -> impl IntoView {
    let map = use_social_map();
    let chosen = move || map.query.with(get);
    view! {
        <Field id=id label=label>
            <select id=id on:change=move |ev| {
                let value = Some(event_target_value(&ev)).filter(|v| !v.is_empty());
                let mut query = map.query.get_untracked();
                set(&mut query, value);
                map.set_query(query);
            }>
                <option value="" selected=move || chosen().is_none()>{tr("social_map.all")}</option>
                {options.into_iter().map(|(value, text)| {
                    let this = value.clone();
                    view! {
                        <option value=value selected=move || chosen().as_deref() == Some(this.as_str())>
                            {in_lang(text)}
                        </option>
                    }
                }).collect_view()}
            </select>
        </Field>
    }
}

/// One yes/no filter as a checkbox.
#[component]
fn Check(id: &'static str, label: &'static str, get: fn(&SearchQuery) -> bool, set: fn(&mut SearchQuery, bool)) -> impl IntoView {
    let map = use_social_map();
    view! {
        <div class="mw-choice">
            <input type="checkbox" id=id prop:checked=move || map.query.with(get)
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    let mut query = map.query.get_untracked();
                    set(&mut query, on);
                    map.set_query(query);
                }/>
            <label for=id>{tr(label)}</label>
        </div>
    }
}
