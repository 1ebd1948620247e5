//! Routekaart: who to call and what happens next. For now the citizen start with the numbers
//! and the region's local teams; the route model follows (issue 5). Its own module: see
//! `shell::capability`.

use crate::shell::{state, tr, ComingSoon, ContactList, NumberList, ScreenHeading};
use crate::shell::route::Screen;
use leptos::prelude::*;

/// `#/zorgen` for burgers, `#/routekaart` for professionals.
#[component]
pub fn RoutekaartScreen() -> impl IntoView {
    let app = state();
    move || match app.screen.get() {
        Screen::ProfessionalRoutes => ProfessionalRoutes().into_any(),
        _ => CitizenStart().into_any(),
    }
}

#[component]
fn CitizenStart() -> impl IntoView {
    let app = state();
    let numbers = move || app.content.with(|c| c.numbers().cloned().collect::<Vec<_>>());
    let contacts = move || app.content.with(|c| c.contacts().to_vec());
    let local_heading = move || {
        app.content.with(|c| {
            let lang = app.lang.get();
            let team = c.local_team(lang).to_string();
            let region = c.region_name().unwrap_or_default().to_string();
            crate::i18n::t_with(lang, "citizen.local", &[("team", &team), ("region", &region)])
        })
    };
    view! {
        <ScreenHeading screen=Screen::Citizen/>
        <p class="mw-lead">{tr("citizen.lead")}</p>
        <p class="mw-notice">{tr("citizen.coming")}</p>
        <h2>{tr("citizen.numbers")}</h2>
        {move || view! { <NumberList numbers=numbers()/> }}
        {move || {
            let contacts = contacts();
            (!contacts.is_empty()).then(|| view! {
                <h2>{local_heading}</h2>
                <ContactList contacts=contacts/>
            })
        }}
    }
}

#[component]
fn ProfessionalRoutes() -> impl IntoView {
    view! { <ComingSoon screen=Screen::ProfessionalRoutes text="coming_soon.professional_routes"/> }
}
