//! One node of a route: a question with its answers, or the steps with who to call, what
//! happens next and local help.

use super::local::{contacts_for, wijken};
use super::model::{RouteAction, ActionKind, Node, NodeKind, Steps};
use super::state::use_routekaart;
use crate::i18n::{t, t_with, Text};
use crate::sociale_kaart::query::SearchQuery;
use crate::ground::route::Screen;
use crate::shell::{in_lang, state, tr, ContactList, SourceNote};
use crate::shell::field::Field;
use leptos::prelude::*;

#[component]
pub fn NodeScreen(screen: Screen, start: String, id: String) -> impl IntoView {
    let routekaart = use_routekaart();
    let app = state();
    let Some(node) = routekaart.routes.with_value(|r| r.node(&id).cloned()) else {
        return view! {
            <h1 class="mw-title" tabindex="-1">{tr("routes.not_found")}</h1>
            <p><a href=screen.href()>{tr("routes.start_again")}</a></p>
        }
        .into_any();
    };
    let path: Vec<(String, String, crate::i18n::Text)> = routekaart.routes.with_value(|r| {
        r.path_to(&start, &id).into_iter().map(|(q, a)| (q.id.clone(), q.title.nl.clone(), a.label.clone())).collect()
    });
    let lang = move || app.lang.get();
    let title = node.title.clone();
    let text = node.text.clone();
    let citizen = screen == Screen::Citizen;
    view! {
        {(!path.is_empty()).then(|| view! {
            <nav class="mw-route-path" aria-label=move || t(lang(), "routes.path")>
                <p>{tr("routes.path")}</p>
                <ol>
                    {path.into_iter().map(|(question, _, answer)| view! {
                        <li>
                            <a href=screen.href_to(&[&question])>{in_lang(answer.clone())}</a>
                        </li>
                    }).collect_view()}
                </ol>
            </nav>
        })}
        <h1 class="mw-title" tabindex="-1">{in_lang(title.clone())}</h1>
        <p class="mw-lead">{in_lang(text.clone())}</p>
        {match node.kind.clone() {
            NodeKind::Question { answers } => view! {
                <ul class="mw-doors mw-doors--small mw-answers">
                    {answers.into_iter().map(|answer| view! {
                        <li>
                            <a class="mw-door" href=screen.href_to(&[&answer.next])>
                                <span class="mw-door__label">{in_lang(answer.label.clone())}</span>
                            </a>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any(),
            NodeKind::Steps(steps) => view! { <StepsView node=node.clone() steps=steps screen=screen/> }.into_any(),
        }}
        {citizen.then(|| view! { <SafeUse/> })}
        <p><SourceNote source=node.source.clone()/></p>
        <p class="mw-actions">
            {(id != start).then(|| view! { <a href=screen.href()>{tr("routes.start_again")}</a> })}
            {citizen.then(|| view! { <a href=Screen::Citizen.href_to(&["afdrukken"])>{tr("routes.print_link")}</a> })}
        </p>
    }
    .into_any()
}

#[component]
fn StepsView(node: Node, steps: Steps, screen: Screen) -> impl IntoView {
    let app = state();
    let routekaart = use_routekaart();
    let lang = move || app.lang.get();
    let local_steps = move || {
        app.content.with(|c| {
            let routes = c.region.as_ref().and_then(|r| r.routes.as_ref());
            routes.map(|r| r.steps_for(&node.id).into_iter().cloned().collect::<Vec<_>>()).unwrap_or_default()
        })
    };
    let next = steps.next.as_ref().and_then(|id| routekaart.routes.with_value(|r| r.node(id).cloned()));
    view! {
        {steps.sections.into_iter().map(|section| view! {
            <h2>{in_lang(section.heading.clone())}</h2>
            <ul>
                {section.items.into_iter().map(|item| view! { <li>{in_lang(item.clone())}</li> }).collect_view()}
            </ul>
        }).collect_view()}
        {move || {
            let steps = local_steps();
            (!steps.is_empty()).then(|| {
                let region = app.content.with(|c| c.region_name().unwrap_or_default().to_string());
                view! {
                    <h2>{move || t_with(lang(), "routes.local_steps", &[("region", &region)])}</h2>
                    <ul class="mw-list">
                        {steps.into_iter().map(|step| view! {
                            <li class="mw-card">
                                <p>{in_lang(step.text.clone())}</p>
                                <p><SourceNote source=step.source.clone()/></p>
                            </li>
                        }).collect_view()}
                    </ul>
                }
            })
        }}
        {(!steps.actions.is_empty()).then(|| view! {
            <h2>{tr(if screen == Screen::Citizen { "routes.actions_citizen" } else { "routes.actions" })}</h2>
            <ul class="mw-list mw-route-actions">
                {steps.actions.into_iter().map(|action| view! { <ActionItem action=action/> }).collect_view()}
            </ul>
        })}
        {(!steps.stages.is_empty()).then(|| view! {
            <h2>{tr("routes.stages")}</h2>
            <ol class="mw-stages">
                {steps.stages.into_iter().map(|stage| view! {
                    <li>
                        <strong>{in_lang(stage.who.clone())}</strong>
                        {stage.when.clone().map(|when| view! { " (" {in_lang(when.clone())} ")" })}
                        ": " {in_lang(stage.what.clone())}
                    </li>
                }).collect_view()}
            </ol>
        })}
        {steps.local_help.then(|| view! { <LocalHelp/> })}
        {steps.meldcode_step.map(|step| view! {
            <p class="mw-notice">
                <a href=Screen::Meldcode.href_to(&["nieuw", &step.to_string()])>
                    {move || t_with(lang(), "routes.meldcode", &[("step", &step.to_string())])}
                </a>
            </p>
        })}
        {next.map(|next| {
            let href = screen.href_to(&[&next.id]);
            view! {
                <p><a class="mw-button mw-button--secondary" href=href>
                    {move || t_with(lang(), "routes.next", &[("title", next.title.get(lang()))])}
                </a></p>
            }
        })}
    }
}

/// A number to call (from the content pack, so with its source) or a thing to do.
#[component]
fn ActionItem(action: RouteAction) -> impl IntoView {
    let app = state();
    match action {
        RouteAction::Call { call, why } => {
            let number = app.content.with_untracked(|c| c.number(&call).cloned());
            number.map(|number| {
                let name = number.name.clone();
                view! {
                    <li class="mw-card mw-route-call">
                        <p class="mw-card__title">
                            <a href=number.tel_uri()>{tr("routes.call")} " " {number.number.clone()} " (" {in_lang(name.clone())} ")"</a>
                        </p>
                        <p>{in_lang(why.clone())}</p>
                    </li>
                }
            }).into_any()
        }
        RouteAction::Find { find, why } => view! { <FindService theme=find why=why/> }.into_any(),
        RouteAction::Do { kind, text } => {
            let key = match kind {
                ActionKind::Talk => "routes.do.talk",
                ActionKind::Write => "routes.do.write",
                ActionKind::Look => "routes.do.look",
            };
            view! { <li class="mw-card"><strong>{tr(key)}</strong> " " {in_lang(text.clone())}</li> }.into_any()
        }
    }
}

/// A service from the region's sociale kaart by theme: the one serving the user's postcode,
/// else a search by theme (and wijk) in the sociale kaart. Nothing without a sociale kaart.
#[component]
fn FindService(theme: String, why: Text) -> impl IntoView {
    let app = state();
    let routekaart = use_routekaart();
    let lang = move || app.lang.get();
    // The pack's own label for the theme where it gives one.
    let taxonomy = app.content.with_untracked(crate::sociale_kaart::region_taxonomy);
    let label = taxonomy.theme(&theme).map(|term| term.label.clone());
    let label = StoredValue::new(label.unwrap_or_else(|| Text { nl: theme.clone(), en: None }));
    let label = move || label.with_value(|label| label.get(lang()).to_string());
    let (theme, why) = (StoredValue::new(theme), StoredValue::new(why));
    let found = move || theme.with_value(|theme| routekaart.where_to_go(theme));
    let search_href = move || {
        let area = routekaart.place.get().trim().to_string();
        SearchQuery { theme: Some(theme.get_value()), area, ..SearchQuery::default() }.href()
    };
    let has_social_map = move || app.content.with(|c| c.region.as_ref().is_some_and(|r| r.social_map.is_some()));
    // Asked once this block is drawn and a postcode given: only then do the files load.
    routekaart.want_services();
    // The region pack may arrive after this screen is drawn (an embedding page's data).
    move || {
        if !has_social_map() {
            return ().into_any();
        }
        view! {
            <li class="mw-card mw-route-find">
                <p class="mw-card__title">{move || t_with(lang(), "routes.find.title", &[("theme", &label())])}</p>
                <p>{move || why.with_value(|why| why.get(lang()).to_string())}</p>
                {move || match found() {
                    Some(service) => view! {
                        <p>
                            {tr("routes.find.for_place")} " " <a href=service.href()>{service.name.clone()}</a>
                            {service.phone.clone().map(|(uri, number)| view! { ", " {tr("routes.call")} " " <a href=uri>{number}</a> })}
                        </p>
                    }.into_any(),
                    None => view! { <p><a href=search_href()>{move || t_with(lang(), "routes.find.search", &[("theme", &label())])}</a></p> }.into_any(),
                }}
            </li>
        }
        .into_any()
    }
}

/// The local team for the user's postcode or wijk; without a region, the national numbers.
#[component]
fn LocalHelp() -> impl IntoView {
    let app = state();
    let routekaart = use_routekaart();
    let contacts = move || app.content.with(|c| c.contacts().to_vec());
    let team = move || app.content.with(|c| c.local_team(app.lang.get()).to_string());
    let found = move || {
        let all = contacts();
        routekaart.place.with(|place| contacts_for(&all, place).into_iter().cloned().collect::<Vec<_>>())
    };
    move || {
        let all = contacts();
        if all.is_empty() {
            return view! {
                <h2>{tr("routes.local")}</h2>
                <p>{tr("routes.local_none")}</p>
            }.into_any();
        }
        view! {
            <h2>{move || t_with(app.lang.get(), "routes.local_team", &[("team", &team())])}</h2>
            <PlaceField wijken=wijken(&all)/>
            <div role="status">
                {move || {
                    let place = routekaart.place.get();
                    let found = found();
                    if place.trim().is_empty() {
                        view! { <p>{tr("routes.place_first")}</p> }.into_any()
                    } else if found.is_empty() {
                        view! { <p>{tr("routes.place_unknown")}</p> }.into_any()
                    } else {
                        view! { <ContactList contacts=found/> }.into_any()
                    }
                }}
            </div>
        }.into_any()
    }
}

/// The postcode or wijk for local help, kept in memory only.
#[component]
pub fn PlaceField(wijken: Vec<String>) -> impl IntoView {
    let routekaart = use_routekaart();
    view! {
        <Field id="mw-route-place" label="routes.place" hint="routes.place_hint" hint_args=vec![("wijken", wijken.join(", "))]>
            <input id="mw-route-place" type="text" autocomplete="off"
                prop:value=move || routekaart.place.get()
                on:input=move |ev| routekaart.place.set(event_target_value(&ev))/>
        </Field>
    }
}

/// Using this page safely: nothing is stored, but the phone and browser remember.
#[component]
fn SafeUse() -> impl IntoView {
    view! {
        <details class="mw-disclose mw-safe-use">
            <summary>{tr("routes.safe.title")}</summary>
            <ul>
                <li>{tr("routes.safe.stored")}</li>
                <li>{tr("routes.safe.exit")}</li>
                <li>{tr("routes.safe.calls")}</li>
                <li>{tr("routes.safe.history")}</li>
                <li>{tr("routes.safe.shared")}</li>
            </ul>
        </details>
    }
}
