//! Knowledge questions with their explanation, and practice cases walked through the five
//! afwegingen with the model answer's reasoning, using the meldcode's own engine.

use super::model::practice_outcome;
use super::state::use_self_check;
use crate::i18n::t;
use crate::meldcode::content::MeldcodeContent;
use crate::meldcode::engine::Answers;
use crate::meldcode::report::decision_key;
use crate::ground::route::Screen;
use crate::shell::{in_lang, state, tr, SourceNote};
use leptos::prelude::*;

#[component]
pub fn Knowledge() -> impl IntoView {
    let questions = use_self_check().content.with_untracked(|c| c.knowledge.clone());
    view! {
        <p><a href=Screen::SelfCheck.href_to(&["professional"])>{tr("self_check.back")}</a></p>
        <h1 class="mw-title" tabindex="-1">{tr("self_check.knowledge")}</h1>
        {questions.into_iter().enumerate().map(|(n, question)| {
            let chosen = RwSignal::new(None::<usize>);
            let name = format!("mw-kennis-{}", question.id);
            let correct = question.correct;
            let explanation = question.explanation.clone();
            view! {
                <fieldset class="mw-fieldset mw-knowledge">
                    <legend>{format!("{}. ", n + 1)} {in_lang(question.question.clone())}</legend>
                    <div class="mw-choices">
                        {question.options.iter().cloned().enumerate().map(|(i, option)| {
                            let id = format!("{name}-{i}");
                            view! {
                                <div class="mw-choice">
                                    <input type="radio" id=id.clone() name=name.clone() on:change=move |_| chosen.set(Some(i))/>
                                    <label for=id>{in_lang(option)}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                    <div role="status">
                        {move || chosen.get().map(|i| {
                            let key = if i == correct { "self_check.right" } else { "self_check.wrong" };
                            let explanation = explanation.clone();
                            view! { <p class="mw-notice"><strong>{tr(key)}</strong> " " {in_lang(explanation)}</p> }
                        })}
                    </div>
                    <p><SourceNote source=question.source.clone()/></p>
                </fieldset>
            }
        }).collect_view()}
    }
}

#[component]
pub fn Case(id: String) -> impl IntoView {
    let app = state();
    let lang = move || app.lang.get();
    let Some(case) = use_self_check().content.with_untracked(|c| c.cases.iter().find(|k| k.id == id).cloned()) else {
        return view! {
            <h1 class="mw-title" tabindex="-1">{tr("self_check.case_not_found")}</h1>
            <p><a href=Screen::SelfCheck.href_to(&["professional"])>{tr("self_check.back")}</a></p>
        }
        .into_any();
    };
    let afwegingen = MeldcodeContent::load().afwegingen;
    // The user's own answers, run through the same engine as the model answer.
    let mine = RwSignal::new(Answers::default());
    let model = case.model_outcome();
    let asked: Vec<u8> = (1..=5u8).filter(|q| case.answers[usize::from(*q) - 1].is_some()).collect();
    let done = {
        let asked = asked.clone();
        move || mine.with(|m| asked.iter().all(|q| m.answer(*q).is_some()))
    };
    view! {
        <p><a href=Screen::SelfCheck.href_to(&["professional"])>{tr("self_check.back")}</a></p>
        <h1 class="mw-title" tabindex="-1">{in_lang(case.title.clone())}</h1>
        <p class="mw-lead">{in_lang(case.story.clone())}</p>
        <p>{tr("self_check.case_intro")}</p>
        {asked.into_iter().map(|q| {
            let text = afwegingen.iter().find(|a| a.number == q).map(|a| a.question.clone());
            let model_answer = case.answers[usize::from(q) - 1].unwrap_or_default();
            let reasoning = case.reasoning[usize::from(q) - 1].clone();
            let name = format!("mw-case-{q}");
            let answered = move || mine.with(|m| m.answer(q));
            let choice = move |value: bool| mine.update(|m| m.set(q, Some(value)));
            view! {
                <fieldset class="mw-fieldset mw-afweging">
                    <legend>{format!("{q}. ")} {text.map(in_lang)}</legend>
                    <div class="mw-choices mw-choices--inline">
                        <div class="mw-choice">
                            <input type="radio" id=format!("{name}-ja") name=name.clone() on:change=move |_| choice(true)/>
                            <label for=format!("{name}-ja")>{tr("answer.yes")}</label>
                        </div>
                        <div class="mw-choice">
                            <input type="radio" id=format!("{name}-nee") name=name.clone() on:change=move |_| choice(false)/>
                            <label for=format!("{name}-nee")>{tr("answer.no")}</label>
                        </div>
                    </div>
                    <div role="status">
                        {move || answered().map(|mine| {
                            let same = mine == model_answer;
                            let reasoning = reasoning.clone();
                            view! {
                                <p class=if same { "mw-notice" } else { "mw-notice mw-notice--warning" }>
                                    <strong>{tr(if same { "self_check.same" } else { "self_check.different" })}</strong>
                                    " " {tr(if model_answer { "self_check.model_yes" } else { "self_check.model_no" })}
                                    " " {reasoning.map(in_lang)}
                                </p>
                            }
                        })}
                    </div>
                </fieldset>
            }
        }).collect_view()}
        {move || done().then(|| {
            let yours = mine.with(practice_outcome);
            let model = model.clone();
            view! {
                <section class="mw-outcome">
                    <h2>{tr("self_check.case_outcome")}</h2>
                    <table class="mw-compare">
                        <thead><tr><th scope="col"></th><th scope="col">{tr("self_check.yours")}</th><th scope="col">{tr("self_check.model")}</th></tr></thead>
                        <tbody>
                            <tr><th scope="row">{tr("decision.melden")}</th><td>{t(lang(), decision_key(yours.melden))}</td><td>{t(lang(), decision_key(model.melden))}</td></tr>
                            <tr><th scope="row">{tr("decision.help")}</th><td>{t(lang(), decision_key(yours.help))}</td><td>{t(lang(), decision_key(model.help))}</td></tr>
                        </tbody>
                    </table>
                </section>
            }
        })}
        <p><SourceNote source=case.source.clone()/></p>
    }
    .into_any()
}
