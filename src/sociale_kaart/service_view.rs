//! One service, drawn the same way wherever it appears: a search result, its own page and a
//! section of the printed "mijn lijstje" (the routekaart's "where to go" draws a
//! `model::ServiceLink`). It reads only the model and the hours, never the search index or the
//! sociale kaart's screen state, so Beheer's report can draw a service too; what a user can do
//! with the service (the list toggle) comes in as children.

use super::hours::{Hours, OpenState};
use super::model::{service_href, CheckedStatement, CostStatement, PhoneKind, ReferralStatement, ServiceRecord, Status, Taxonomy};
use super::hours::ALL_DAYS;
use crate::i18n::{long_date, t, t_with, Lang};
use crate::shell::{state, tr};
use chrono::NaiveDateTime;
use leptos::prelude::*;

/// Where a service is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    /// A search result (`li`): the name (`h3`) as a link to its page, the organisation, the
    /// first sentence, "Nu open", the first number and the website.
    Card,
    /// Its own page (`h1`), with everything known.
    Page,
    /// A section (`h2`) of the printed list: how to reach it and its hours in lines.
    Printed,
}

/// A service as `variant` draws it. `now` is the local time "Nu open" and the hours are
/// worked out for (the moment it is drawn when not given); `taxonomy` names the page's themes
/// and target groups.
#[component]
pub fn ServiceView(
    record: ServiceRecord,
    variant: Variant,
    #[prop(optional, into)] now: Option<Signal<NaiveDateTime>>,
    #[prop(optional)] taxonomy: Taxonomy,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let now = move || now.unwrap_or_else(|| Signal::stored(chrono::Local::now().naive_local()));
    match variant {
        Variant::Card => card(record, now(), children),
        Variant::Page => page(record, now(), taxonomy, children),
        Variant::Printed => printed(record, now(), children),
    }
}

/// `#/sociale-kaart/dienst/<id>`.
fn href(record: &ServiceRecord) -> String {
    service_href(&record.id)
}

fn organization(record: &ServiceRecord) -> Option<AnyView> {
    record.organization.as_ref().map(|o| view! { <p class="mw-service__org">{o.name.clone()}</p> }.into_any())
}

fn card(record: ServiceRecord, now: Signal<NaiveDateTime>, children: Option<Children>) -> AnyView {
    view! {
        <li class="mw-card mw-result">
            <h3 class="mw-card__title"><a href=href(&record)>{record.name.clone()}</a></h3>
            {organization(&record)}
            {record.summary().map(|s| view! { <p>{s}</p> })}
            <OpenNow record=record.clone() now=now/>
            <Reach record=record.clone() compact=true/>
            {children.map(|children| children())}
        </li>
    }
    .into_any()
}

fn printed(record: ServiceRecord, now: Signal<NaiveDateTime>, children: Option<Children>) -> AnyView {
    let lang = state().lang.get_untracked();
    let lines = record.hours().lines(now.get_untracked().date(), lang);
    view! {
        <section class="mw-print__section mw-service-list__item">
            <h2>{record.name.clone()}</h2>
            {organization(&record)}
            {record.description.clone().map(|d| view! { <p>{d}</p> })}
            <Reach record=record.clone()/>
            {lines.into_iter().map(|line| view! { <p class="mw-service-list__hours">{line}</p> }).collect_view()}
            <div class="mw-no-print">{children.map(|children| children())}</div>
        </section>
    }
    .into_any()
}

/// Phone numbers as `tel:` links, e-mail and website. Addresses were checked on import
/// (http and https only; numbers of digits and spaces), so every link here is safe.
#[component]
fn Reach(record: ServiceRecord, #[prop(optional)] compact: bool) -> impl IntoView {
    let phones: Vec<_> = record.all_phones().into_iter().cloned().collect();
    let phones = if compact { phones.into_iter().take(1).collect() } else { phones };
    let email = (!compact).then(|| record.any_email().map(str::to_string)).flatten();
    let website = record.any_website().map(str::to_string);
    view! {
        <ul class="mw-contact__ways">
            {phones.into_iter().map(|phone| {
                let kind = match phone.kind {
                    PhoneKind::Text => Some("social_map.phone.text"),
                    PhoneKind::Textphone => Some("social_map.phone.textphone"),
                    PhoneKind::Video => Some("social_map.phone.video"),
                    PhoneKind::Fax => Some("social_map.phone.fax"),
                    _ => None,
                };
                view! {
                    <li>
                        {tr("social_map.phone")} " "
                        <a href=phone.tel_uri()>{phone.number.clone()}</a>
                        {phone.extension.clone().map(|extension| view! { " " {move || t_with(state().lang.get(), "social_map.phone.extension", &[("extension", &extension)])} })}
                        {kind.map(|key| view! { " (" {tr(key)} ")" })}
                        {phone.description.clone().map(|d| view! { " – " {d} })}
                    </li>
                }
            }).collect_view()}
            {email.map(|email| view! {
                <li>{tr("social_map.email")} " " <a href=format!("mailto:{email}")>{email.clone()}</a></li>
            })}
            {website.map(|url| {
                let text = url.clone();
                view! { <li>{tr("social_map.website")} " " <a href=url>{text}</a></li> }
            })}
        </ul>
    }
}

/// "Nu open tot 17:00", or nothing when the hours are not known. `data-clock`: true only at
/// the moment it is drawn, so scripts/prerender.mjs leaves it out of a pre-rendered screen.
#[component]
fn OpenNow(record: ServiceRecord, now: Signal<NaiveDateTime>) -> impl IntoView {
    let app = state();
    move || {
        let now = now.get();
        record.open_state(now).map(|open| {
            let class = if open.is_open() { "mw-open mw-open--open" } else { "mw-open mw-open--closed" };
            view! { <p class=class data-clock="">{open.describe(app.lang.get(), now)}</p> }
        })
    }
}

/// A week's hours, day by day, and below it what a week table cannot show ("elke 2e dinsdag
/// van de maand").
#[component]
fn HoursTable(hours: Hours, now: Signal<NaiveDateTime>) -> impl IntoView {
    let app = state();
    let lang = move || app.lang.get();
    move || {
        let today = now.get().date();
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
fn PlaceOpenNow(hours: Hours, closed: bool, now: Signal<NaiveDateTime>) -> impl IntoView {
    let app = state();
    move || {
        let now = now.get();
        let open = if closed { OpenState::Closed } else { hours.state_at(now) };
        let class = if open.is_open() { "mw-open mw-open--open" } else { "mw-open mw-open--closed" };
        view! { <p class=class data-clock="">{open.describe(app.lang.get(), now)}</p> }
    }
}

/// Its own page: everything known about it.
fn page(record: ServiceRecord, now: Signal<NaiveDateTime>, taxonomy: Taxonomy, children: Option<Children>) -> AnyView {
    let app = state();
    let lang = move || app.lang.get();
    let hours = record.hours();
    // Two places with their own hours: each card has its own table and "Nu open".
    let per_place = record.hours_per_place();
    let one_table = !hours.is_empty() && per_place.is_none();
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
        move || record.with_value(|r| r.checked_statement(now.get().date()))
    };
    let stale = move || checked().is_stale();
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
        <h1 class="mw-title" tabindex="-1">{record.name.clone()}</h1>
        {organization(&record)}
        {(status != Status::Active).then(|| view! {
            <p class="mw-notice mw-notice--warning">{move || status.label(lang())}</p>
        })}
        {record.alert.clone().map(|alert| view! {
            <p class="mw-notice mw-notice--warning"><strong>{tr("social_map.alert")}</strong> " " {alert}</p>
        })}
        {per_place.is_none().then(|| view! { <OpenNow record=record.clone() now=now/> })}
        {record.description.clone().map(|d| view! { <p class="mw-lead">{d}</p> })}
        {children.map(|children| children())}

        <h2>{tr("social_map.reach")}</h2>
        <Reach record=record.clone()/>

        {(one_table || !record.hours_notes.is_empty()).then(|| view! { <h2>{tr("social_map.hours")}</h2> })}
        {one_table.then(|| view! { <HoursTable hours=hours.clone() now=now/> })}
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
                                <PlaceOpenNow hours=hours.clone() closed=closed now=now/>
                                <HoursTable hours=hours now=now/>
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
    .into_any()
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
