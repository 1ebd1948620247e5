//! One service with everything known about it; the ways to reach it are `reach.rs` (shared
//! with the result list and the printed list).

use super::model::{CheckedStatement, CostStatement, ReferralStatement, ServiceRecord, Status};
use crate::sociale_kaart::hours::ALL_DAYS;
use super::my_list::ListToggle;
use super::reach::Reach;
use super::{use_social_map, MapState};
use crate::i18n::{long_date, t, t_with, Lang};
use crate::shell::{state, tr};
use leptos::prelude::*;

/// "Nu open tot 17:00", or nothing when the hours are not known.
#[component]
pub fn OpenNow(record: ServiceRecord) -> impl IntoView {
    let app = state();
    let map = use_social_map();
    move || {
        let now = map.now.get();
        record.open_state(now).map(|open| {
            let class = if open.is_open() { "mw-open mw-open--open" } else { "mw-open mw-open--closed" };
            view! { <p class=class>{open.describe(app.lang.get(), now)}</p> }
        })
    }
}

/// A week's hours, day by day, and below it what a week table cannot show ("elke 2e dinsdag
/// van de maand").
#[component]
fn HoursTable(hours: super::hours::Hours) -> impl IntoView {
    let app = state();
    let map = use_social_map();
    let lang = move || app.lang.get();
    move || {
        let today = map.now.get().date();
        let table = hours.table(today);
        let lines = hours.other_lines(today, lang());
        view! {
            {(!table.is_empty()).then(|| view! {
                <table class="mw-hours">
                    <caption class="mw-visually-hidden">{tr("social_map.hours")}</caption>
                    <tbody>
                        {ALL_DAYS.iter().map(|&day| view! {
                            <tr>
                                <th scope="row">{t(lang(), &format!("weekday.{}", day.number_from_monday()))}</th>
                                <td>{table.describe_day(day, lang())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            {lines.into_iter().map(|line| view! { <p class="mw-hours__note">{line}</p> }).collect_view()}
        }
    }
}

/// "Nu open tot 17:00" for one place of a service.
#[component]
fn PlaceOpenNow(hours: super::hours::Hours, closed: bool) -> impl IntoView {
    let app = state();
    let map = use_social_map();
    move || {
        let now = map.now.get();
        let open = if closed { super::hours::OpenState::Closed } else { hours.state_at(now) };
        let class = if open.is_open() { "mw-open mw-open--open" } else { "mw-open mw-open--closed" };
        view! { <p class=class>{open.describe(app.lang.get(), now)}</p> }
    }
}

#[component]
pub fn ServiceDetail(id: String) -> impl IntoView {
    let map = use_social_map();
    move || match map.state.get() {
        MapState::Loading => view! { <p class="mw-notice" role="status">{tr("social_map.loading")}</p> }.into_any(),
        MapState::Ready(loaded) => match loaded.directory.get(&id) {
            Some(record) => view! { <Service record=record.clone()/> }.into_any(),
            None => view! {
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

#[component]
fn Service(record: ServiceRecord) -> impl IntoView {
    let app = state();
    let map = use_social_map();
    let lang = move || app.lang.get();
    let hours = record.hours();
    // Two places with their own hours: each card has its own table and "Nu open".
    let per_place = record.hours_per_place();
    let one_table = !hours.is_empty() && per_place.is_none();
    let taxonomy = match map.state.get_untracked() {
        MapState::Ready(loaded) => loaded.directory.taxonomy().clone(),
        _ => Default::default(),
    };
    let labels = |ids: &[String], find: &dyn Fn(&str) -> Option<String>| -> String {
        ids.iter().map(|id| find(id).unwrap_or_else(|| id.clone())).collect::<Vec<_>>().join(", ")
    };
    let themes = {
        let taxonomy = taxonomy.clone();
        let record = record.clone();
        move || labels(&record.themes, &|id| taxonomy.theme(id).map(|t| t.label.get(lang()).to_string()))
    };
    let groups = {
        let record = record.clone();
        move || labels(&record.target_groups, &|id| taxonomy.target_group(id).map(|t| t.label.get(lang()).to_string()))
    };
    let languages = {
        let codes = record.languages.clone();
        move || codes.iter().map(|code| language_name(lang(), code)).collect::<Vec<_>>().join(", ")
    };
    let ages = age_range(&record);
    let checked = {
        let record = StoredValue::new(record.clone());
        move || record.with_value(|r| r.checked_statement(map.now.get().date()))
    };
    let stale = move || matches!(checked(), CheckedStatement::Stale(_));
    let checked_text = move || match checked() {
        CheckedStatement::Recent(date) | CheckedStatement::Stale(date) => {
            t_with(lang(), "social_map.checked", &[("date", &long_date(lang(), date))])
        }
        CheckedStatement::Unknown => t(lang(), "social_map.checked_unknown"),
    };
    let cost = record.cost_statement();
    let referral = match record.referral_statement() {
        ReferralStatement::Needed => "social_map.referral.needed",
        ReferralStatement::NotNeeded => "social_map.referral.not_needed",
        ReferralStatement::Unknown => "social_map.referral.unknown",
    };
    let areas: Vec<String> = record.area_names().map(str::to_string).collect();
    let status = record.status;

    view! {
        <p class="mw-no-print"><a href=move || map.search_href()>{tr("social_map.back_to_search")}</a></p>
        <h1 class="mw-title" tabindex="-1">{record.name.clone()}</h1>
        {record.organization.as_ref().map(|o| view! { <p class="mw-service__org">{o.name.clone()}</p> })}
        {(status != Status::Active).then(|| view! {
            <p class="mw-notice mw-notice--warning">{move || status.label(lang())}</p>
        })}
        {record.alert.clone().map(|alert| view! {
            <p class="mw-notice mw-notice--warning"><strong>{tr("social_map.alert")}</strong> " " {alert}</p>
        })}
        {per_place.is_none().then(|| view! { <OpenNow record=record.clone()/> })}
        {record.description.clone().map(|d| view! { <p class="mw-lead">{d}</p> })}
        <ListToggle id=record.id.clone() name=record.name.clone()/>

        <h2>{tr("social_map.reach")}</h2>
        <Reach record=record.clone()/>

        {(one_table || !record.hours_notes.is_empty()).then(|| view! { <h2>{tr("social_map.hours")}</h2> })}
        {one_table.then(|| view! { <HoursTable hours=hours.clone()/> })}
        // What the data says in words where a week's hours cannot ("Op afspraak").
        {record.hours_notes.iter().map(|note| view! { <p class="mw-hours__note">{note.clone()}</p> }).collect_view()}

        {(!record.locations.is_empty()).then(|| view! {
            <h2>{tr("social_map.locations")}</h2>
            <ul class="mw-list">
                {record.locations.iter().enumerate().map(|(i, at)| {
                    let closed = status == Status::TemporarilyClosed;
                    let place_hours = per_place.as_ref().and_then(|all| all.get(i).cloned()).filter(|h| !h.is_empty());
                    let location = at.location.clone();
                    let address = location.address.clone().map(|a| {
                        [a.street, a.postal_code, a.city].into_iter().flatten().collect::<Vec<_>>().join(", ")
                    });
                    view! {
                        <li class="mw-card">
                            {location.name.clone().map(|n| view! { <p class="mw-card__title">{n}</p> })}
                            {address.map(|address| view! { <p>{address}</p> })}
                            {location.accessibility.clone().map(|a| view! {
                                <p><strong>{tr("social_map.accessibility")}</strong> " " {a}</p>
                            })}
                            {location.accessibility_url.clone().map(|url| view! {
                                <p><a href=url>{tr("social_map.accessibility_link")}</a></p>
                            })}
                            {place_hours.map(|hours| view! {
                                <PlaceOpenNow hours=hours.clone() closed=closed/>
                                <HoursTable hours=hours/>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        })}

        {record.application_process.clone().map(|text| view! {
            <h2>{tr("social_map.apply")}</h2>
            <p>{text}</p>
        })}
        {(!record.required_documents.is_empty()).then(|| view! {
            <h2>{tr("social_map.bring")}</h2>
            <ul>{record.required_documents.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}</ul>
        })}
        {(!record.links.is_empty()).then(|| view! {
            <h2>{tr("social_map.links")}</h2>
            <ul>{record.links.iter().map(|link| {
                let text = link.title.clone().unwrap_or_else(|| link.url.clone());
                view! { <li><a href=link.url.clone()>{text}</a></li> }
            }).collect_view()}</ul>
        })}
        <h2>{tr("social_map.details")}</h2>
        <dl class="mw-facts">
            {record.eligibility.clone().map(|text| view! { <dt>{tr("social_map.for_whom")}</dt><dd>{text}</dd> })}
            {ages.map(|(key, args)| view! {
                <dt>{tr("social_map.age")}</dt>
                <dd>{move || t_with(lang(), key, &args.iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>())}</dd>
            })}
            {(!record.target_groups.is_empty()).then(|| view! { <dt>{tr("social_map.target_groups")}</dt><dd>{groups}</dd> })}
            {(!record.themes.is_empty()).then(|| view! { <dt>{tr("social_map.themes")}</dt><dd>{themes}</dd> })}
            {(!record.languages.is_empty()).then(|| view! { <dt>{tr("social_map.languages")}</dt><dd>{languages}</dd> })}
            {(cost.is_some() || !record.cost.options.is_empty()).then(|| view! {
                <dt>{tr("social_map.cost")}</dt>
                <dd>
                    {cost.map(|cost| match cost {
                        CostStatement::Described(text) => text.into_any(),
                        CostStatement::Free => tr("social_map.cost.free").into_any(),
                        CostStatement::Paid => tr("social_map.cost.paid").into_any(),
                    })}
                    {record.cost.options.iter().map(|option| view! { <span class="mw-cost-option">{option.clone()}</span> }).collect_view()}
                </dd>
            })}
            <dt>{tr("social_map.referral")}</dt>
            <dd>{tr(referral)}</dd>
            {(!areas.is_empty()).then(|| view! { <dt>{tr("social_map.areas")}</dt><dd>{areas.join(", ")}</dd> })}
        </dl>
        <p class=move || if stale() { "mw-notice mw-notice--warning" } else { "mw-source" }>
            {checked_text}
            {move || stale().then(|| view! { " " {tr("social_map.stale")} })}
        </p>
    }
}

/// "4 tot en met 12 jaar", "vanaf 18 jaar": the translation key and its values.
fn age_range(record: &ServiceRecord) -> Option<(&'static str, Vec<(&'static str, String)>)> {
    match (record.minimum_age, record.maximum_age) {
        (Some(min), Some(max)) => Some(("social_map.age.between", vec![("min", min.to_string()), ("max", max.to_string())])),
        (Some(min), None) => Some(("social_map.age.from", vec![("min", min.to_string())])),
        (None, Some(max)) => Some(("social_map.age.until", vec![("max", max.to_string())])),
        (None, None) => None,
    }
}

/// "Arabisch" for `ar`; a code without a name shows as the code.
pub fn language_name(lang: Lang, code: &str) -> String {
    let key = format!("social_map.language.{code}");
    let name = t(lang, &key);
    if name == key {
        code.to_uppercase()
    } else {
        name
    }
}
