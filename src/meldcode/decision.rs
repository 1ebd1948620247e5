//! Step 5: the afwegingskader with its outcome, preparing the melding, evaluation moments;
//! and who is responsible now.

use super::dossier::{evaluations_ics, Evaluation, Responsibility as Who};
use super::parts::{entry_list, guide_view, VeiligThuisCall};
use super::engine::{Decision, Question};
use super::fields::{date_input, text_area, use_editing, yes_no};
use super::report::{decision_rows, question_note};
use super::state::use_meldcode;
use crate::i18n::{long_date, t, t_with};
use crate::shell::{browser, in_lang, state, tr, SourceNote};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The five afwegingen, each with explanation, answer and motivation, and the outcome. A
/// question the path does not ask (or not yet) shows why instead of its answer buttons.
pub fn afwegingen() -> impl IntoView {
    let meldcode = use_meldcode();
    let editing = use_editing();
    let app = state();
    let outcome = Memo::new(move |_| editing.read(|d| d.outcome()));
    let texts = meldcode.content.with_value(|c| c.afwegingen.clone());
    view! {
        <h2>{tr("afwegingen.title")}</h2>
        <p>{tr("afwegingen.lead")}</p>
        {texts.into_iter().map(|a| {
            let number = a.number;
            let index = usize::from(number) - 1;
            let status = Memo::new(move |_| outcome.with(|o| o.question(number).unwrap_or(Question::Next)));
            // Only a change between "answer here" and a note rebuilds the body, so choosing an
            // answer keeps the focus on its radio button.
            let note = Memo::new(move |_| Some(status.get()).filter(|s| !s.answerable()));
            let state_class = move || match status.get() {
                Question::Next => "mw-afweging mw-afweging--next",
                Question::NotAsked(_) => "mw-afweging mw-afweging--not-asked",
                Question::Later { .. } => "mw-afweging mw-afweging--later",
                Question::ByDisclosure => "mw-afweging mw-afweging--by-disclosure",
                Question::Answered(_) => "mw-afweging",
            };
            let a = std::sync::Arc::new(a);
            let body = {
                let a = a.clone();
                move || {
                    let a = a.clone();
                    match note.get() {
                        None => {
                            let (question, explanation, considerations) = (a.question.clone(), a.explanation.clone(), a.considerations.clone());
                            view! {
                                <p>{in_lang(explanation)}</p>
                                {(!considerations.is_empty()).then(|| view! {
                                    <details>
                                        <summary>{tr("afweging.considerations")}</summary>
                                        <ul>{considerations.into_iter().map(|c| view! { <li>{in_lang(c)}</li> }).collect_view()}</ul>
                                    </details>
                                })}
                                {yes_no(
                                    format!("afweging-{number}"),
                                    in_lang(question),
                                    move |d| d.afwegingen.answer(number),
                                    move |d, v| d.afwegingen.set(number, v),
                                )}
                                {text_area(format!("afweging-{number}-motivation"), "afweging.motivation", move |d| d.motivations[index].clone(), move |d, v| d.motivations[index] = v)}
                            }.into_any()
                        }
                        Some(status) => {
                            let question = a.question.clone();
                            view! {
                                <p class="mw-afweging__question">{in_lang(question)}</p>
                                <p class="mw-afweging__status"><strong>{move || question_note(status, app.lang.get()).unwrap_or_default()}</strong></p>
                            }.into_any()
                        }
                    }
                }
            };
            view! {
                <section class=state_class aria-labelledby=format!("afweging-{number}-title")>
                    <h3 id=format!("afweging-{number}-title")>{move || t_with(app.lang.get(), "afweging.number", &[("number", &number.to_string())])}</h3>
                    {move || (number >= 3 && status.get().answerable() && outcome.with(|o| o.with_veilig_thuis)).then(|| view! { <p class="mw-hint">{tr("afweging.with_veilig_thuis")}</p> })}
                    {body}
                    <p><SourceNote source=a.source.clone()/></p>
                </section>
            }
        }).collect_view()}
        <Outcome/>
    }
}

/// Both decisions, the meldnormen, the kindcheck's conclusion and what to do now: the same
/// rows as the print (`report::decision_rows`).
#[component]
fn Outcome() -> impl IntoView {
    let meldcode = use_meldcode();
    let editing = use_editing();
    let app = state();
    let outcome = Memo::new(move |_| editing.read(|d| d.outcome()));
    let kindcheck = Memo::new(move |_| editing.read(|d| d.kindcheck_conclusion()));
    let open_melden = meldcode.content.with_value(|c| c.open_melden.clone());
    let source = meldcode.content.with_value(|c| c.afwegingskader.clone());
    view! {
        <section class="mw-outcome" aria-labelledby="mw-outcome-title">
            <h2 id="mw-outcome-title">{tr("outcome.title")}</h2>
            <dl class="mw-decisions">
                {move || outcome.with(|o| decision_rows(o, kindcheck.get(), app.lang.get())).into_iter().map(|row| view! {
                    <dt>{row.label}</dt>
                    <dd>{row.value}</dd>
                }).collect_view()}
            </dl>
            {move || outcome.get().next.map(|n| view! {
                <p>{move || t_with(app.lang.get(), "outcome.next_question", &[("number", &n.to_string())])}</p>
            })}
            <h3>{tr("outcome.actions")}</h3>
            <ol class="mw-actions-list">
                {move || outcome.get().actions.into_iter().map(|action| view! {
                    <li>
                        {tr(action.key())}
                        {action.calls_veilig_thuis().then(|| view! { <VeiligThuisCall/> })}
                    </li>
                }).collect_view()}
            </ol>
            <p class="mw-hint">{tr("decision.source")} ": " <SourceNote source=source/></p>
            {move || (outcome.get().melden == Decision::Yes).then(|| guide_view(open_melden.clone()))}
        </section>
    }
}

/// The disclosure fast path: what to do first, before any form. Focus moves here when the
/// professional presses the disclosure button (after the screen's own focus on its heading).
#[component]
pub fn AcuteGuidance() -> impl IntoView {
    let meldcode = use_meldcode();
    let editing = use_editing();
    let app = state();
    let disclosure = meldcode.content.with_value(|c| c.disclosure.clone());
    let active = Memo::new(move |_| editing.read(|d| d.afwegingen.disclosure));
    Effect::new(move |_| {
        if active.get() && meldcode.focus_acute.get() {
            meldcode.focus_acute.set(false);
            request_animation_frame(move || request_animation_frame(focus_acute));
        }
    });
    let emergency = move || app.content.with(|c| c.number("112").map(|n| n.tel_uri())).unwrap_or_else(|| "tel:112".into());
    move || active.get().then(|| view! {
        <section class="mw-acute" id="mw-acute" tabindex="-1" aria-labelledby="mw-acute-title">
            <h2 id="mw-acute-title">{tr("acute.title")}</h2>
            <p class="mw-acute__call">{tr("acute.call_112")} " " <a class="mw-call" href=emergency>"112"</a></p>
            <VeiligThuisCall/>
            <p><strong>{tr("disclosure.active")}</strong></p>
            <button type="button" class="mw-link-button" on:click=move |_| editing.edit(|d| d.afwegingen.disclosure = false)>
                {tr("disclosure.undo")}
            </button>
            {guide_view(disclosure.clone())}
        </section>
    })
}

fn focus_acute() {
    let section = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("mw-acute"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(section) = section {
        let _ = section.focus();
    }
}

/// Step 5: decide. Holds the afwegingen unless the organisation asks them in step 4.
pub fn step_five() -> impl IntoView {
    let meldcode = use_meldcode();
    let editing = use_editing();
    let app = state();
    let in_five = meldcode.profile.get_untracked().unwrap_or_default().afwegingen_in.step() == 5;
    let guide = meldcode.content.with_value(|c| c.step(5).cloned());
    let melden = Memo::new(move |_| editing.read(|d| d.outcome().melden == Decision::Yes));
    let helping = Memo::new(move |_| editing.read(|d| d.outcome().help == Decision::Yes));
    let download_ics = move |_| {
        let (d, lang) = (editing.dossier.get_untracked(), app.lang.get_untracked());
        let summary = t_with(lang, "evaluation.summary", &[("code", &d.case_code)]);
        browser::download(&format!("evaluatie-{}.ics", d.id), "text/calendar", &evaluations_ics(&d, &summary, chrono::Utc::now()));
    };
    view! {
        {guide.map(guide_view)}
        {if in_five { afwegingen().into_any() } else { view! { <Outcome/> }.into_any() }}
        <Show when=move || melden.get()>
            <section class="mw-melding">
                <h2>{tr("melding.title")}</h2>
                <p>{tr("melding.lead")}</p>
                {text_area("melding-betrokkenen".into(), "melding.betrokkenen", |d| d.melding.betrokkenen.clone(), |d, v| d.melding.betrokkenen = v)}
                {text_area("melding-network".into(), "melding.network", |d| d.melding.network.clone(), |d, v| d.melding.network = v)}
                {text_area("melding-other".into(), "melding.other", |d| d.melding.other.clone(), |d, v| d.melding.other = v)}
                {yes_no("melding-informed".into(), tr("melding.client_informed"), |d| d.melding.client_informed, |d, v| d.melding.client_informed = v)}
                {move || (editing.read(|d| d.melding.client_informed) == Some(false)).then(|| {
                    text_area("melding-not-informed".into(), "melding.not_informed_reason", |d| d.melding.not_informed_reason.clone(), |d, v| d.melding.not_informed_reason = v)
                })}
                {date_input("melding-made-on".into(), "melding.made_on", |d| d.melding.made_on, |d, v| d.melding.made_on = v)}
            </section>
        </Show>
        <Show when=move || helping.get()>
            <section class="mw-evaluations">
                <h2>{tr("evaluation.title")}</h2>
                <p>{tr("evaluation.lead")}</p>
                {entry_list(
                    |d| d.evaluations.len(),
                    move |i| view! {
                        {date_input(format!("evaluation-{i}-date"), "evaluation.date", move |d| d.evaluations.get(i).and_then(|e| e.date), move |d, v| if let Some(e) = d.evaluations.get_mut(i) { e.date = v })}
                        {text_area(format!("evaluation-{i}-note"), "evaluation.note", move |d| d.evaluations.get(i).map(|e| e.note.clone()).unwrap_or_default(), move |d, v| if let Some(e) = d.evaluations.get_mut(i) { e.note = v })}
                    }.into_any(),
                    "evaluation.add",
                    |d| d.evaluations.push(Evaluation::default()),
                    |d, i| { if i < d.evaluations.len() { d.evaluations.remove(i); } },
                )}
                " "
                <button type="button" class="mw-button" on:click=download_ics>{tr("evaluation.ics")}</button>
            </section>
        </Show>
    }
}

/// Who is responsible now, and what Veilig Thuis does next and when.
#[component]
pub fn Responsibility() -> impl IntoView {
    let meldcode = use_meldcode();
    let editing = use_editing();
    let app = state();
    let stages = meldcode.content.with_value(|c| c.after_melding.clone());
    view! {
        <h2>{tr("responsibility.title")}</h2>
        {move || {
            let lang = app.lang.get();
            match editing.read(|d| d.responsibility()) {
                Who::Professional { asked_advice } => view! {
                    <p class="mw-responsible"><strong>{t(lang, "responsibility.professional")}</strong></p>
                    {asked_advice.then(|| view! { <p>{t(lang, "responsibility.advice_only")}</p> })}
                }.into_any(),
                Who::VeiligThuis { since } => view! {
                    <p class="mw-responsible"><strong>{t_with(lang, "responsibility.veilig_thuis", &[("date", &long_date(lang, since))])}</strong></p>
                }.into_any(),
            }
        }}
        <h3>{tr("responsibility.after_melding")}</h3>
        <ol class="mw-steps-list">
            {stages.into_iter().map(|stage| {
                let (title, text) = (stage.title.clone(), stage.text.clone());
                view! {
                    <li>
                        <strong>{in_lang(title)}</strong>
                        <p>{in_lang(text)}</p>
                        <p><SourceNote source=stage.source.clone()/></p>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
