//! "Wie kan ik bellen?": a one-page A4 routekaart per wijk, made from the same data as the
//! screens, with the date it was made and the date its data was last checked.

use super::local::{contacts_for, oldest_check, wijken};
use super::model::RouteMap;
use crate::ground::contact::Contact;
use super::screens::PlaceField;
use super::state::use_routekaart;
use crate::i18n::{long_date, t, t_with};
use crate::ground::route::Screen;
use crate::shell::{browser, in_lang, state, tr};
use leptos::prelude::*;

#[component]
pub fn PrintedRoutekaart() -> impl IntoView {
    let app = state();
    let routekaart = use_routekaart();
    let contacts = move || app.content.with(|c| c.contacts().to_vec());
    let local = move || {
        let all = contacts();
        routekaart.place.with(|place| contacts_for(&all, place).into_iter().cloned().collect::<Vec<_>>())
    };
    let checked = move || {
        let local = local();
        app.content.with(|c| oldest_check(c.numbers().map(|n| n.source.checked), &local))
    };
    let all_wijken = move || wijken(&contacts());
    view! {
        <h1 class="mw-title" tabindex="-1">{tr("routes.print.title")}</h1>
        <div class="mw-no-print">
            <p>{tr("routes.print.intro")}</p>
            {move || {
                let wijken = all_wijken();
                (!wijken.is_empty()).then(|| view! { <PlaceField wijken=wijken/> })
            }}
            <p class="mw-actions">
                <button type="button" class="mw-button" on:click=move |_| browser::print()>{tr("routes.print.print")}</button>
                <a href=Screen::Citizen.href()>{tr("routes.start_again")}</a>
            </p>
        </div>
        <PrintedPage place=Signal::derive(move || routekaart.place.get()) local=Signal::derive(local) checked=Signal::derive(checked) routes=routekaart.routes/>
    }
}

/// One printed routekaart: the numbers, who to call for which worry, and the local team for
/// `place` (`local`), with the date it was made and `checked`, the oldest check of what is on
/// it. The routekaart's own print and Beheer's print of every wijk both show it.
#[component]
pub fn PrintedPage(
    place: Signal<String>,
    local: Signal<Vec<Contact>>,
    checked: Signal<Option<chrono::NaiveDate>>,
    routes: StoredValue<RouteMap>,
) -> impl IntoView {
    let app = state();
    let lang = move || app.lang.get();
    let numbers = move || app.content.with(|c| c.numbers().cloned().collect::<Vec<_>>());
    // The burger paths: each worry with the first number to call (`RouteMap::printed_paths`).
    let paths = move || {
        routes.with_value(|r| {
            r.printed_paths().into_iter().map(|(answer, call)| (answer.label.clone(), call.to_string())).collect::<Vec<_>>()
        })
    };
    let heading = move || {
        let place = place.get();
        let region = app.content.with(|c| c.region_name().map(str::to_string));
        match (region, place.trim()) {
            (Some(region), "") => t_with(lang(), "routes.print.for_region", &[("region", &region)]),
            (Some(region), place) => t_with(lang(), "routes.print.for_place", &[("region", &region), ("place", place)]),
            (None, _) => t(lang(), "routes.print.national"),
        }
    };
    view! {
        <article class="mw-print mw-routekaart-print">
            <h2>{heading}</h2>
            <p class="mw-print__meta">
                {move || t_with(lang(), "routes.print.made", &[("date", &long_date(lang(), chrono::Local::now().date_naive()))])}
                " "
                {move || checked.get().map(|date| t_with(lang(), "routes.print.checked", &[("date", &long_date(lang(), date))]))}
            </p>
            <section class="mw-print__section">
                <h3>{tr("routes.print.danger")}</h3>
                <ul class="mw-print-numbers">
                    {move || numbers().into_iter().map(|n| {
                        let name = n.name.clone();
                        let when = n.when.clone();
                        view! {
                            <li>
                                <strong><a href=n.tel_uri()>{n.number.clone()}</a> " " {in_lang(name)}</strong>
                                " – " {in_lang(when)}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
            <section class="mw-print__section">
                <h3>{tr("routes.print.who")}</h3>
                <ul>
                    {move || paths().into_iter().map(|(label, call)| {
                        let number = app.content.with(|c| c.number(&call).map(|n| n.number.clone())).unwrap_or_default();
                        view! { <li>{in_lang(label)} ": " <strong>{number}</strong></li> }
                    }).collect_view()}
                </ul>
            </section>
            <section class="mw-print__section">
                <h3>{move || t_with(lang(), "routes.local_team", &[("team", &app.content.with(|c| c.local_team(lang()).to_string()))])}</h3>
                {move || {
                    let local = local.get();
                    if local.is_empty() {
                        view! { <p>{tr("routes.print.no_local")}</p> }.into_any()
                    } else {
                        local.into_iter().map(|c| view! {
                            <p>
                                <strong>{c.name.clone()}</strong>
                                {c.phone.clone().map(|phone| view! { " – " {tr("contact.call")} " " {phone} })}
                                {c.website.clone().map(|url| view! { " – " {url} })}
                            </p>
                        }).collect_view().into_any()
                    }
                }}
            </section>
        </article>
    }
}
