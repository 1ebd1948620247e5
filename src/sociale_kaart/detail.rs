//! A service's own page, `#/sociale-kaart/dienst/<id>`: the service as the one service view
//! draws it, or why a link to it finds nothing.

use super::directory::Found;
use super::my_list::ListToggle;
use super::service_view::{ServiceView, Variant};
use super::state::{use_social_map, MapState};
use crate::i18n::t_with;
use crate::shell::{state, tr};
use leptos::prelude::*;

#[component]
pub fn ServiceDetail(id: String) -> impl IntoView {
    let map = use_social_map();
    let app = state();
    move || match map.state.get() {
        MapState::Loading => view! { <p class="mw-notice" role="status">{tr("social_map.loading")}</p> }.into_any(),
        MapState::Ready(loaded) => match loaded.directory.find(&id) {
            Found::Shown(record) => {
                let (id, name) = (record.id.clone(), record.name.clone());
                view! {
                    <p class="mw-no-print"><a href=move || map.search_href()>{tr("social_map.back_to_search")}</a></p>
                    <ServiceView record=record.clone() variant=Variant::Page now=map.now taxonomy=loaded.directory.taxonomy().clone()>
                        <ListToggle id=id name=name/>
                    </ServiceView>
                }
                .into_any()
            }
            // Inactive or defunct: not shown, but a link to it says so.
            Found::Hidden { name, why } => {
                let name = name.to_string();
                view! {
                    <h1 class="mw-title" tabindex="-1">{tr("social_map.not_found.title")}</h1>
                    <p>{move || t_with(app.lang.get(), why.message_key(), &[("name", &name)])}</p>
                    <p><a href=map.search_href()>{tr("social_map.back_to_search")}</a></p>
                }
                .into_any()
            }
            Found::Unknown => view! {
                <h1 class="mw-title" tabindex="-1">{tr("social_map.not_found.title")}</h1>
                <p>{tr("social_map.not_found.text")}</p>
                <p><a href=map.search_href()>{tr("social_map.back_to_search")}</a></p>
            }
            .into_any(),
        },
        MapState::NoMap => view! {
            <h1 class="mw-title" tabindex="-1">{tr("social_map.not_found.title")}</h1>
            <p>{tr("social_map.no_map")}</p>
        }
        .into_any(),
    }
}
