//! "Mijn lijstje": services a user picks to print or save as A4. It lives in memory; only when
//! the user chooses to keep it is it stored on the device (and from then on kept up to date).

use super::service_view::{ServiceView, Variant};
use super::state::{use_social_map, MapState};
use crate::i18n::{long_date, t, t_with};
use crate::ground::route::Screen;
use crate::shell::{browser, state, tr};
use leptos::prelude::*;

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
    // The services on the list that may be shown, and those that no longer may (id, name, why).
    let records = move || match map.state.get() {
        MapState::Ready(loaded) => list.ids.with(|ids| {
            let listed = loaded.directory.listed(ids);
            let hidden = listed.hidden.iter().map(|&(id, name, why)| (id.to_string(), name.to_string(), why)).collect::<Vec<_>>();
            (listed.shown.into_iter().cloned().collect::<Vec<_>>(), hidden)
        }),
        _ => (Vec::new(), Vec::new()),
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
            let (records, hidden) = records();
            // Inactive or defunct since the user picked them: said, with a way to take them off.
            let hidden = hidden.into_iter().map(|(id, name, why)| {
                let text = t_with(app.lang.get(), why.message_key(), &[("name", &name)]);
                view! {
                    <div class="mw-notice mw-no-print">
                        <p>{text}</p>
                        <ListToggle id=id name=name/>
                    </div>
                }
            }).collect_view();
            if records.is_empty() {
                return view! {
                    {hidden}
                    <p class="mw-notice">{tr("social_map.list.empty")}</p>
                }.into_any();
            }
            view! {
                {hidden}
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
                        let (id, name) = (record.id.clone(), record.name.clone());
                        view! {
                            <ServiceView record=record variant=Variant::Printed now=map.now>
                                <ListToggle id=id name=name/>
                            </ServiceView>
                        }
                    }).collect_view()}
                </article>
            }.into_any()
        }}
        <p class="mw-no-print"><a href=Screen::SocialMap.href()>{tr("social_map.new_search")}</a></p>
    }
}
