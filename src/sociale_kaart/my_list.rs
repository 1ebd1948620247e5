//! "Mijn lijstje": services a user picks to print or save as A4. It lives in memory; only when
//! the user chooses to keep it is it stored on the device (and from then on kept up to date).

use super::{detail::Reach, use_social_map, MapState};
use crate::i18n::{long_date, t, t_with};
use crate::shell::{browser, route::Screen, state, tr};
use crate::storage::{self, Area};
use leptos::prelude::*;

const STORAGE_NAME: &str = "sociale-kaart-lijstje";

#[derive(Clone, Copy)]
pub struct MyList {
    pub ids: RwSignal<Vec<String>>,
    /// The user asked to keep the list on this device.
    pub kept: RwSignal<bool>,
    /// Translation key of the last storage problem.
    pub problem: RwSignal<Option<&'static str>>,
}

impl MyList {
    pub fn load() -> MyList {
        let (ids, kept, problem) = match storage::load::<Vec<String>>(Area::Local, STORAGE_NAME) {
            Ok(Some(ids)) => (ids, true, None),
            Ok(None) => (Vec::new(), false, None),
            Err(e) => (Vec::new(), false, Some(e.message_key())),
        };
        MyList { ids: RwSignal::new(ids), kept: RwSignal::new(kept), problem: RwSignal::new(problem) }
    }

    pub fn contains(&self, id: &str) -> bool {
        self.ids.with(|ids| ids.iter().any(|i| i == id))
    }

    pub fn toggle(&self, id: &str) {
        self.ids.update(|ids| match ids.iter().position(|i| i == id) {
            Some(at) => {
                ids.remove(at);
            }
            None => ids.push(id.to_string()),
        });
        if self.kept.get_untracked() {
            self.keep();
        }
    }

    /// Stores the list; on failure the list stays in memory and the user is told why.
    pub fn keep(&self) {
        match storage::save(Area::Local, STORAGE_NAME, &self.ids.get_untracked()) {
            Ok(()) => {
                self.kept.set(true);
                self.problem.set(None);
            }
            Err(e) => self.problem.set(Some(e.message_key())),
        }
    }

    pub fn forget(&self) {
        match storage::remove(Area::Local, STORAGE_NAME) {
            Ok(()) => {
                self.kept.set(false);
                self.problem.set(None);
            }
            Err(e) => self.problem.set(Some(e.message_key())),
        }
    }
}

/// "Op mijn lijstje" as a toggle button.
#[component]
pub fn ListToggle(id: String, name: String) -> impl IntoView {
    let map = use_social_map();
    let app = state();
    let on_list = {
        let id = StoredValue::new(id.clone());
        move || id.with_value(|id| map.my_list.contains(id))
    };
    let label = move || t(app.lang.get(), if on_list() { "social_map.list.remove" } else { "social_map.list.add" });
    view! {
        <button type="button" class="mw-button mw-button--secondary mw-no-print"
            aria-pressed=move || on_list().to_string()
            on:click=move |_| map.my_list.toggle(&id)>
            {label}
            // The visible label comes first in the name, so voice control finds it (WCAG 2.5.3).
            <span class="mw-visually-hidden">{name}</span>
        </button>
    }
}

#[component]
pub fn MyListScreen() -> impl IntoView {
    let map = use_social_map();
    let app = state();
    let list = map.my_list;
    let records = move || match map.state.get() {
        MapState::Ready(loaded) => list.ids.with(|ids| {
            ids.iter().filter_map(|id| loaded.directory.get(id).cloned()).collect::<Vec<_>>()
        }),
        _ => Vec::new(),
    };
    let made = move || {
        let lang = app.lang.get();
        t_with(lang, "social_map.list.made", &[("date", &long_date(lang, map.now.get().date()))])
    };
    view! {
        <h1 class="mw-title" tabindex="-1">{tr("social_map.list.title")}</h1>
        <p class="mw-no-print"><a href=move || map.search_href()>{tr("social_map.back_to_search")}</a></p>
        {move || list.problem.get().map(|key| view! { <p class="mw-error" role="alert">{tr(key)}</p> })}
        {move || {
            let records = records();
            if records.is_empty() {
                return view! { <p class="mw-notice">{tr("social_map.list.empty")}</p> }.into_any();
            }
            view! {
                <div class="mw-actions mw-no-print">
                    <button type="button" class="mw-button" on:click=move |_| browser::print()>{tr("social_map.list.print")}</button>
                    {move || if list.kept.get() {
                        view! {
                            <button type="button" class="mw-button mw-button--secondary" on:click=move |_| list.forget()>
                                {tr("social_map.list.forget")}
                            </button>
                        }.into_any()
                    } else {
                        view! {
                            <button type="button" class="mw-button mw-button--secondary" on:click=move |_| list.keep()>
                                {tr("social_map.list.keep")}
                            </button>
                        }.into_any()
                    }}
                </div>
                <p class="mw-hint mw-no-print" role="status">
                    {move || tr(if list.kept.get() { "social_map.list.kept" } else { "social_map.list.not_kept" })()}
                </p>
                <article class="mw-print mw-service-list">
                    <p class="mw-print__meta">{made}</p>
                    {records.into_iter().map(|record| {
                        let lang = app.lang.get_untracked();
                        let today = map.now.get_untracked().date();
                        let hours = record.hours();
                        view! {
                            <section class="mw-print__section mw-service-list__item">
                                <h2>{record.name.clone()}</h2>
                                {record.organization.as_ref().map(|o| view! { <p class="mw-service__org">{o.name.clone()}</p> })}
                                {record.description.clone().map(|d| view! { <p>{d}</p> })}
                                <Reach record=record.clone()/>
                                {hours.lines(today, lang).into_iter().map(|line| view! {
                                    <p class="mw-service-list__hours">{line}</p>
                                }).collect_view()}
                                <div class="mw-no-print">
                                    <ListToggle id=record.id.clone() name=record.name.clone()/>
                                </div>
                            </section>
                        }
                    }).collect_view()}
                </article>
            }.into_any()
        }}
        <p class="mw-no-print"><a href=Screen::SocialMap.href()>{tr("social_map.new_search")}</a></p>
    }
}
