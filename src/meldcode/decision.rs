//! Step 5: the afwegingskader with its outcome, preparing the melding, evaluation moments;
//! and who is responsible now.

use super::dossier::{evaluations_ics, Evaluation, Responsibility as Who};
use super::editor::{entry_list, guide_view, VeiligThuisCall};
use super::engine::{Action, Decision};
use super::fields::{date_input, text_area, use_editing, yes_no};
use super::report::{decision_key, meldnorm_key};
use super::use_meldcode;
use crate::i18n::{long_date, t, t_with};
use crate::shell::{browser, state, tr, SourceNote};
use leptos::prelude::*;

/// The five afwegingen, each with explanation, answer and motivation, and the outcome.
pub fn afwegingen() -> impl IntoView {
    let meldcode = use_meldcode();
    let editing = use_editing();
    let app = state();
    let outcome = Memo::new(move |_| editing.read(|d| d.outcome()));
    let texts = meldcode.content.with_value(|c| c.afwegingen.clone());
    view! {
        <h2>{tr("afwegingen.title")}</h2>
        <p>{tr("afwegingen.lead")}</p>
        {move || editing.read(|d| d.afwegingen.disclosure).then(|| view! {
            <div class="mw-notice mw-notice--warning">
                <p><strong>{tr("disclosure.active")}</strong></p>
                <button type="button" class="mw-link-button" on:click=move |_| editing.edit(|d| d.afwegingen.disclosure = false)>
                    {tr("disclosure.undo")}
                </button>
            </div>
        })}
        {texts.into_iter().map(|a| {
            let number = a.number;
            let index = usize::from(number) - 1;
            let question = a.question.clone();
            let (explanation, considerations) = (a.explanation.clone(), a.considerations.clone());
            let state_class = move || {
                let o = outcome.get();
                if o.next == Some(number) { "mw-afweging mw-afweging--next" }
                else if o.skipped.contains(&number) { "mw-afweging mw-afweging--skipped" }
                else { "mw-afweging" }
            };
            view! {
                <section class=state_class>
                    <h3>{move || t_with(app.lang.get(), "afweging.number", &[("number", &number.to_string())])}</h3>
                    {move || outcome.with(|o| o.skipped.contains(&number)).then(|| view! { <p class="mw-hint">{tr("afweging.skipped")}</p> })}
                    {move || (number >= 3 && outcome.with(|o| o.with_veilig_thuis)).then(|| view! { <p class="mw-hint">{tr("afweging.with_veilig_thuis")}</p> })}
                    <p>{move || explanation.get(app.lang.get()).to_string()}</p>
                    {(!considerations.is_empty()).then(|| view! {
                        <details>
                            <summary>{tr("afweging.considerations")}</summary>
                            <ul>{move || considerations.iter().map(|c| view! { <li>{c.get(app.lang.get()).to_string()}</li> }).collect_view()}</ul>
                        </details>
                    })}
                    {yes_no(
                        format!("afweging-{number}"),
                        move || question.get(app.lang.get()).to_string(),
                        move |d| d.afwegingen.answer(number),
                        move |d, v| d.afwegingen.set(number, v),
                    )}
                    {text_area(format!("afweging-{number}-motivation"), "afweging.motivation", move |d| d.motivations[index].clone(), move |d, v| d.motivations[index] = v)}
                    <p><SourceNote source=a.source.clone()/></p>
                </section>
            }
        }).collect_view()}
        <Outcome/>
    }
}

#[component]
fn Outcome() -> impl IntoView {
    let meldcode = use_meldcode();
    let editing = use_editing();
    let app = state();
    let outcome = Memo::new(move |_| editing.read(|d| d.outcome()));
    let open_melden = meldcode.content.with_value(|c| c.open_melden.clone());
    let disclosure = meldcode.content.with_value(|c| c.disclosure.clone());
    view! {
        <section class="mw-outcome" aria-labelledby="mw-outcome-title">
            <h2 id="mw-outcome-title">{tr("outcome.title")}</h2>
            <dl class="mw-decisions">
                <dt>{tr("decision.melden")}</dt>
                <dd>{move || t(app.lang.get(), decision_key(outcome.get().melden))}</dd>
                <dt>{tr("decision.help")}</dt>
                <dd>{move || t(app.lang.get(), decision_key(outcome.get().help))}</dd>
                {move || outcome.get().meldnorm.map(|norm| view! {
                    <dt>{tr("decision.meldnorm")}</dt>
                    <dd>{move || t(app.lang.get(), meldnorm_key(norm))}</dd>
                })}
            </dl>
            {move || outcome.get().next.map(|n| view! {
                <p>{move || t_with(app.lang.get(), "outcome.next_question", &[("number", &n.to_string())])}</p>
            })}
            <h3>{tr("outcome.actions")}</h3>
            <ol class="mw-actions-list">
                {move || outcome.get().actions.into_iter().map(|action| view! {
                    <li>
                        {tr(action_key(action))}
                        {(action == Action::CallVeiligThuis).then(|| view! { <VeiligThuisCall/> })}
                    </li>
                }).collect_view()}
            </ol>
            {move || editing.read(|d| d.afwegingen.disclosure).then(|| guide_view(disclosure.clone()))}
            {move || (outcome.get().melden == Decision::Yes).then(|| guide_view(open_melden.clone()))}
        </section>
    }
}

fn action_key(action: Action) -> &'static str {
    match action {
        Action::RecordAndClose => "action_step.record_and_close",
        Action::EnsureSafetyNow => "action_step.ensure_safety",
        Action::CallVeiligThuis => "action_step.call_veilig_thuis",
        Action::InformClientFirst => "action_step.inform_client",
        Action::ContinueWithVeiligThuis => "action_step.continue_with_veilig_thuis",
        Action::OfferHelp => "action_step.offer_help",
        Action::PlanEvaluations => "action_step.plan_evaluations",
        Action::CloseWithAgreements => "action_step.close_with_agreements",
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
                        <strong>{move || title.get(app.lang.get()).to_string()}</strong>
                        <p>{move || text.get(app.lang.get()).to_string()}</p>
                        <p><SourceNote source=stage.source.clone()/></p>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
