//! The doors into the app and the screens that belong to no single capability.

use crate::ground::route::Screen;
use super::app_state::{state, tr};
use super::{facts::CitationText, facts::FactList, facts::NumberList, region::RegionStatus};
use crate::content::citation::all_sources;
use crate::i18n::{long_date, t, t_with};
use leptos::prelude::*;

/// Every screen's heading: the screen title, focusable so a screen change can move focus here.
#[component]
pub fn ScreenHeading(screen: Screen) -> impl IntoView {
    view! { <h1 class="mw-title" tabindex="-1">{tr(screen.title_key())}</h1> }
}

#[component]
fn Door(screen: Screen, label: &'static str, hint: &'static str) -> impl IntoView {
    view! {
        <li>
            <a class="mw-door" href=screen.href()>
                <span class="mw-door__label">{tr(label)}</span>
                <span class="mw-door__hint">{tr(hint)}</span>
            </a>
        </li>
    }
}

#[component]
pub fn Home() -> impl IntoView {
    view! {
        <ScreenHeading screen=Screen::Home/>
        <p class="mw-lead">{tr("home.lead")}</p>
        <ul class="mw-doors">
            <Door screen=Screen::Citizen label="home.citizen" hint="home.citizen_hint"/>
            <Door screen=Screen::Professional label="home.professional" hint="home.professional_hint"/>
        </ul>
        <ul class="mw-doors mw-doors--small">
            <Door screen=Screen::SocialMap label="home.social_map" hint="home.social_map_hint"/>
            <Door screen=Screen::SelfCheck label="home.self_check" hint="home.self_check_hint"/>
        </ul>
    }
}

#[component]
pub fn ProfessionalHome() -> impl IntoView {
    let app = state();
    let facts = move || {
        app.content.with(|c| {
            ["meldcode-wet", "afwegingskader", "advies-of-melding", "meldrecht"]
                .iter()
                .filter_map(|id| c.national.facts.iter().find(|f| f.id == *id).cloned())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <ScreenHeading screen=Screen::Professional/>
        <p class="mw-lead">{tr("professional.lead")}</p>
        <ul class="mw-doors">
            <Door screen=Screen::Meldcode label="professional.meldcode" hint="professional.meldcode_hint"/>
            <Door screen=Screen::ProfessionalRoutes label="professional.routes" hint="professional.routes_hint"/>
            <Door screen=Screen::SelfCheck label="home.self_check" hint="home.self_check_hint"/>
        </ul>
        <h2>{tr("professional.facts")}</h2>
        {move || view! { <FactList facts=facts()/> }}
    }
}

/// Every number and fact the app states, with its source and check date.
#[component]
pub fn Sources() -> impl IntoView {
    let app = state();
    let numbers = move || app.content.with(|c| c.numbers().cloned().collect::<Vec<_>>());
    let facts = move || app.content.with(|c| c.national.facts.clone());
    let region = move || match app.region.get() {
        RegionStatus::Loaded => app.content.with(|c| c.region_name().map(String::from)),
        _ => None,
    };
    view! {
        <ScreenHeading screen=Screen::Sources/>
        <p class="mw-lead">{tr("sources.lead")}</p>
        {move || region().map(|name| view! { <p>{tr("sources.region")} " " <strong>{name}</strong></p> })}
        <h2>{tr("sources.numbers")}</h2>
        {move || view! { <NumberList numbers=numbers()/> }}
        <h2>{tr("sources.facts")}</h2>
        {move || view! { <FactList facts=facts()/> }}
        // Beheer is for a gemeente's editors, so it is reached from here, not from citizen screens.
        <p><a href=Screen::Admin.href()>{tr("sources.admin")}</a></p>
        <h2 id="mw-sources-all">{tr("sources.all")}</h2>
        <p>{tr("sources.all_lead")}</p>
        <div class="mw-sources">
            {all_sources().into_iter().map(|(publisher, items)| view! {
                <h3>{publisher}</h3>
                <ul class="mw-sources__list">
                    {items.into_iter().map(|(citation, listed)| {
                        let checked = listed.checked;
                        let parts = listed.parts.clone();
                        view! {
                            <li>
                                <CitationText citation=citation/>
                                <br/>
                                <span class="mw-hint">
                                    {move || {
                                        let lang = app.lang.get();
                                        let used: Vec<String> = parts.iter().map(|p| t(lang, &format!("sources.part.{p}"))).collect();
                                        format!(
                                            "{} · {}",
                                            t_with(lang, "source.checked", &[("date", &long_date(lang, checked))]),
                                            t_with(lang, "sources.used_in", &[("parts", &used.join(", "))]),
                                        )
                                    }}
                                </span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }).collect_view()}
        </div>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <ScreenHeading screen=Screen::NotFound/>
        <p>{tr("not_found.text")}</p>
        <p><a href=Screen::Home.href()>{tr("nav.home")}</a></p>
    }
}
