//! One dossier: step navigation, the save status, the disclosure fast path, and steps 1–4.
//! Step 5 and the afwegingen are in `decision`.

use super::dossier::{Consultation, ConsultationKind, SignalEntry, SkipReason};
use super::fields::{date_input, text_area, text_input, use_editing, yes_no, Editing};
use super::list::StorageProblem;
use super::profile::ClientKind;
use super::parts::{entry_list, guide_view, VeiligThuisCall};
use super::dossier::dossier_href;
use super::state::use_meldcode;
use super::{decision, print};
use crate::i18n::{t, t_with};
use crate::ground::route::Screen;
use crate::shell::{go, in_lang, state, tr};
use crate::shell::field::Field;
use leptos::prelude::*;

const STEP_KEYS: [&str; 5] = ["step.1", "step.2", "step.3", "step.4", "step.5"];

#[component]
pub fn Editor(id: String, view: String) -> impl IntoView {
    let meldcode = use_meldcode();
    let Some(dossier) = meldcode.dossier(&id) else {
        return view! {
            <h1 class="mw-title" tabindex="-1">{tr("dossier.not_found")}</h1>
            <p>{tr("dossier.not_found_text")}</p>
            <p><a href=Screen::Meldcode.href()>{tr("meldcode.back_to_list")}</a></p>
        }
        .into_any();
    };
    let editing = Editing { known: StoredValue::new(super::merge::Known::new(&meldcode.writer.get_value(), dossier.clone())), dossier: RwSignal::new(dossier), saved_at: RwSignal::new(None), meldcode };
    provide_context(editing);
    let app = state();
    let changed_elsewhere = RwSignal::new(false);

    // Another tab saved this dossier: merge its changes in rather than overwrite them later.
    // Not while the user types in a text field: its text would change under the cursor. Each
    // keystroke's own write merges the other tab's changes meanwhile, and leaving the field
    // takes the rest.
    let this_id = StoredValue::new(id.clone());
    let adopt = move || {
        let stored = this_id.with_value(|id| meldcode.dossiers.with_untracked(|all| all.iter().find(|d| &d.id == id).cloned()));
        if let Some(stored) = stored {
            let elsewhere = editing.dossier.with_untracked(|d| *d != stored);
            if editing.adopt(stored) && elsewhere {
                changed_elsewhere.set(true);
            }
        }
    };
    Effect::new(move |_| {
        meldcode.dossiers.track();
        if !typing_in_a_text_field() {
            adopt();
        }
    });
    let left_field = move |_: leptos::ev::FocusEvent| {
        // After the focus has moved: to another text field, it still waits.
        leptos::task::spawn_local(async move {
            crate::shell::browser::next_task().await;
            // The editor may be gone meanwhile (the store locked as the field lost focus).
            if this_id.try_with_value(|_| ()).is_none() {
                return;
            }
            if !typing_in_a_text_field() {
                adopt();
            }
        });
    };

    let case_code = move || editing.read(|d| d.case_code.clone());
    let open_steps = Memo::new(move |_| editing.read(|d| d.open_steps()));
    let dossier_id = editing.dossier.with_untracked(|d| d.id.clone());
    // The step that holds the afwegingen, where a disclosure leads.
    let decision_step = meldcode.profile.get_untracked().unwrap_or_default().afwegingen_in.step();
    let disclose = {
        let dossier_id = dossier_id.clone();
        move |_| {
            meldcode.focus_acute.set(true);
            editing.edit(|d| d.afwegingen.disclosure = true);
            go(&dossier_href(&dossier_id, &decision_step.to_string()));
        }
    };
    let saved = move || editing.save_status(app.lang.get());

    let body = match view.as_str() {
        "1" => step_one().into_any(),
        "2" => step_two().into_any(),
        "3" => step_three().into_any(),
        "4" => step_four().into_any(),
        "5" => decision::step_five().into_any(),
        "verantwoordelijkheid" => decision::Responsibility().into_any(),
        "afdrukken" => print::PrintView().into_any(),
        _ => view! { <p>{tr("title.not_found")}</p> }.into_any(),
    };
    let current = view.clone();
    let acute = (view == decision_step.to_string()).then(decision::AcuteGuidance);

    view! {
        <div class="mw-dossier-head mw-no-print">
            <p><a href=Screen::Meldcode.href()>{tr("meldcode.back_to_list")}</a></p>
            <h1 class="mw-title" tabindex="-1">{move || t_with(app.lang.get(), "dossier.title", &[("code", &case_code())])}</h1>
            <p class="mw-saved" role="status" aria-live="polite">{saved}</p>
            <StorageProblem/>
            {move || changed_elsewhere.get().then(|| view! {
                <p class="mw-notice" role="status">{tr("dossier.changed_elsewhere")}</p>
            })}
            <TextConflicts/>
            <nav class="mw-stepnav" aria-label=move || t(app.lang.get(), "stepnav.label")>
                <ol>
                    {(1..=5u8).map(|step| {
                        let key = STEP_KEYS[usize::from(step) - 1];
                        let is_current = current == step.to_string();
                        let open = move || open_steps.with(|open| open.contains(&step));
                        view! {
                            <li>
                                <a href=dossier_href(&dossier_id, &step.to_string())
                                    aria-current=if is_current { Some("step") } else { None }>
                                    <span class="mw-stepnav__number">{step}</span> " " {tr(key)}
                                    {move || open().then(|| view! { <span class="mw-stepnav__open">" (" {tr("stepnav.open")} ")"</span> })}
                                </a>
                            </li>
                        }
                    }).collect_view()}
                </ol>
                <ul class="mw-stepnav__more">
                    {["verantwoordelijkheid", "afdrukken"].into_iter().map(|v| view! {
                        <li><a href=dossier_href(&dossier_id, v) aria-current=if current == v { Some("page") } else { None }>{tr(if v == "afdrukken" { "print.link" } else { "responsibility.title" })}</a></li>
                    }).collect_view()}
                </ul>
            </nav>
            <button type="button" class="mw-button mw-button--danger mw-disclose" on:click=disclose>{tr("disclosure.button")}</button>
        </div>
        <div class="mw-step" on:focusout=left_field>{acute}{body}</div>
    }
    .into_any()
}

/// Whether the keyboard is in a field where the user types text.
fn typing_in_a_text_field() -> bool {
    let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    active.is_some_and(|element| match element.tag_name().as_str() {
        "TEXTAREA" => true,
        "INPUT" => !matches!(element.get_attribute("type").as_deref(), Some("checkbox" | "radio" | "button" | "submit")),
        _ => false,
    })
}

/// Texts that two tabs changed at once: both versions, and the user chooses.
#[component]
fn TextConflicts() -> impl IntoView {
    let editing = use_editing();
    let conflicts = move || editing.read(|d| d.conflicts.iter().map(|c| (c.clone(), super::merge::field_text(d, &c.field).unwrap_or_default())).collect::<Vec<_>>());
    let settle = move |field: String, text: String| {
        editing.edit(|d| *d = super::merge::settle(d, &field, text));
    };
    move || {
        conflicts().into_iter().enumerate().map(|(i, (conflict, here))| {
            let (field, other) = (conflict.field.clone(), conflict.other.clone());
            let keep_here = { let (field, here) = (field.clone(), here.clone()); move |_| settle(field.clone(), here.clone()) };
            let keep_other = { let (field, other) = (field.clone(), other.clone()); move |_| settle(field.clone(), other.clone()) };
            let keep_both = { let (field, both) = (field.clone(), format!("{here}\n\n{other}")); move |_| settle(field.clone(), both.clone()) };
            let heading = format!("mw-conflict-{i}");
            view! {
                <section class="mw-notice mw-notice--warning mw-conflict" role="region" aria-labelledby=heading.clone()>
                    <h2 id=heading.clone()>{tr("dossier.conflict.title")}</h2>
                    <p>{tr("dossier.conflict.text")}</p>
                    <h3>{tr("dossier.conflict.here")}</h3>
                    <blockquote class="mw-conflict__text">{here.clone()}</blockquote>
                    <h3>{tr("dossier.conflict.other")}</h3>
                    <blockquote class="mw-conflict__text">{other.clone()}</blockquote>
                    <p class="mw-actions">
                        <button type="button" class="mw-button" on:click=keep_both>{tr("dossier.conflict.keep_both")}</button>
                        <button type="button" class="mw-button mw-button--secondary" on:click=keep_here>{tr("dossier.conflict.keep_here")}</button>
                        <button type="button" class="mw-button mw-button--secondary" on:click=keep_other>{tr("dossier.conflict.keep_other")}</button>
                    </p>
                </section>
            }
        }).collect_view()
    }
}

fn step_guide(step: u8) -> impl IntoView {
    let meldcode = use_meldcode();
    meldcode.content.with_value(|c| c.step(step).cloned()).map(guide_view)
}

fn step_one() -> impl IntoView {
    let meldcode = use_meldcode();
    let editing = use_editing();
    let app = state();
    let checklists: Vec<_> = meldcode.content.with_value(|c| c.checklists().cloned().collect());
    let kindcheck = meldcode.content.with_value(|c| c.kindcheck.clone());
    view! {
        {step_guide(1)}
        {client_kind()}
        <h2>{tr("signals.title")}</h2>
        <p class="mw-hint">{tr("signals.hint")}</p>
        {entry_list(
            |d| d.signals.len(),
            move |i| view! {
                <fieldset class="mw-fieldset">
                    <legend>{move || t_with(app.lang.get(), "signals.entry", &[("number", &(i + 1).to_string())])}</legend>
                    {date_input(format!("signal-{i}-date"), "signal.date", move |d| d.signals.get(i).and_then(|s| s.date), move |d, v| if let Some(s) = d.signals.get_mut(i) { s.date = v })}
                    {text_area(format!("signal-{i}-observed"), "signal.observed", move |d| d.signals.get(i).map(|s| s.observed.clone()).unwrap_or_default(), move |d, v| if let Some(s) = d.signals.get_mut(i) { s.observed = v })}
                    {text_area(format!("signal-{i}-interpretation"), "signal.interpretation", move |d| d.signals.get(i).map(|s| s.interpretation.clone()).unwrap_or_default(), move |d, v| if let Some(s) = d.signals.get_mut(i) { s.interpretation = v })}
                </fieldset>
            }.into_any(),
            "signals.add",
            |d| d.signals.push(SignalEntry { date: Some(chrono::Local::now().date_naive()), ..Default::default() }),
            |d, i| { if i < d.signals.len() { d.signals.remove(i); } },
        )}
        <h2>{tr("checklists.title")}</h2>
        {checklists.into_iter().map(|list| {
            let title = list.title.clone();
            view! {
                <details class="mw-checklist">
                    <summary>{in_lang(title)}</summary>
                    <fieldset class="mw-fieldset">
                        <legend class="mw-visually-hidden">{in_lang(list.title.clone())}</legend>
                        {list.items.iter().map(|item| {
                            let item_id = item.id.clone();
                            let checked_id = item.id.clone();
                            let label = item.label.clone();
                            view! {
                                <label class="mw-choice">
                                    <input type="checkbox" prop:checked=move || editing.read(|d| d.ticked.contains(&checked_id))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            let id = item_id.clone();
                                            editing.edit(move |d| {
                                                d.ticked.retain(|t| *t != id);
                                                if on { d.ticked.push(id); }
                                            });
                                        }/>
                                    {in_lang(label)}
                                </label>
                            }
                        }).collect_view()}
                    </fieldset>
                </details>
            }
        }).collect_view()}
        {move || (editing.read(|d| d.client) == ClientKind::Adult).then(|| view! {
            {guide_view(kindcheck.clone())}
            {yes_no("kindcheck-children".into(), tr("kindcheck.children_in_care"), |d| d.kindcheck.children_in_care, |d, v| d.kindcheck.children_in_care = v)}
            {yes_no("kindcheck-safe".into(), tr("kindcheck.safety_established"), |d| d.kindcheck.safety_established, |d, v| d.kindcheck.safety_established = v)}
            {move || (editing.read(|d| d.kindcheck.children_in_care == Some(true) && d.kindcheck.safety_established == Some(false))).then(|| view! {
                <p class="mw-notice mw-notice--warning">{tr("kindcheck.doubt")}</p>
            })}
            {text_area("kindcheck-note".into(), "kindcheck.note", |d| d.kindcheck.note.clone(), |d, v| d.kindcheck.note = v)}
        })}
    }
}

/// Who the dossier is about: the profile's usual client to start with, changeable here. The
/// kindcheck follows from it.
fn client_kind() -> impl IntoView {
    let editing = use_editing();
    view! {
        <fieldset class="mw-fieldset">
            <legend>{tr("dossier.client")}</legend>
            <p class="mw-hint">{tr("dossier.client_hint")}</p>
            <div class="mw-choices">
                {[(ClientKind::Child, "child", "client.child"), (ClientKind::Adult, "adult", "client.adult")].into_iter().map(|(kind, id, label)| view! {
                    <label class="mw-choice" for=format!("dossier-client-{id}")>
                        <input type="radio" id=format!("dossier-client-{id}") name="dossier-client"
                            prop:checked=move || editing.read(|d| d.client) == kind
                            on:change=move |_| editing.edit(move |d| d.client = kind)/>
                        {tr(label)}
                    </label>
                }).collect_view()}
            </div>
        </fieldset>
    }
}

fn step_two() -> impl IntoView {
    let editing = use_editing();
    let app = state();
    view! {
        {step_guide(2)}
        {move || editing.read(|d| d.needs_veilig_thuis_consultation()).then(|| view! {
            <p class="mw-notice mw-notice--warning">{tr("consultation.doctor_required")}</p>
        })}
        <h2>{tr("consultation.title")}</h2>
        {entry_list(
            |d| d.consultations.len(),
            move |i| view! {
                <fieldset class="mw-fieldset">
                    <legend>{move || t_with(app.lang.get(), "consultation.entry", &[("number", &(i + 1).to_string())])}</legend>
                    <Field id=format!("consultation-{i}-kind") label="consultation.kind">
                        <select id=format!("consultation-{i}-kind") on:change=move |ev| {
                            let value = event_target_value(&ev);
                            if let Some(kind) = ConsultationKind::ALL.into_iter().find(|k| k.label_key() == value) {
                                editing.edit(move |d| if let Some(c) = d.consultations.get_mut(i) { c.kind = kind });
                            }
                        }>
                            {ConsultationKind::ALL.into_iter().map(|kind| view! {
                                <option value=kind.label_key() selected=move || editing.read(|d| d.consultations.get(i).map(|c| c.kind)) == Some(kind)>
                                    {tr(kind.label_key())}
                                </option>
                            }).collect_view()}
                        </select>
                    </Field>
                    {text_input(format!("consultation-{i}-who"), "consultation.who", move |d| d.consultations.get(i).map(|c| c.who.clone()).unwrap_or_default(), move |d, v| if let Some(c) = d.consultations.get_mut(i) { c.who = v })}
                    {date_input(format!("consultation-{i}-date"), "consultation.date", move |d| d.consultations.get(i).and_then(|c| c.date), move |d, v| if let Some(c) = d.consultations.get_mut(i) { c.date = v })}
                    {text_area(format!("consultation-{i}-advice"), "consultation.advice", move |d| d.consultations.get(i).map(|c| c.advice.clone()).unwrap_or_default(), move |d, v| if let Some(c) = d.consultations.get_mut(i) { c.advice = v })}
                </fieldset>
            }.into_any(),
            "consultation.add",
            |d| d.consultations.push(Consultation { date: Some(chrono::Local::now().date_naive()), ..Default::default() }),
            |d, i| { if i < d.consultations.len() { d.consultations.remove(i); } },
        )}
        <VeiligThuisCall/>
    }
}

fn step_three() -> impl IntoView {
    let meldcode = use_meldcode();
    let editing = use_editing();
    let tips = meldcode.content.with_value(|c| c.conversation_tips.clone());
    view! {
        {step_guide(3)}
        <h2>{tr("conversation.title")}</h2>
        {date_input("conversation-date".into(), "conversation.date", |d| d.conversation.date, |d, v| d.conversation.date = v)}
        {text_area("conversation-said".into(), "conversation.said", |d| d.conversation.said.clone(), |d, v| d.conversation.said = v)}
        {text_area("conversation-reaction".into(), "conversation.reaction", |d| d.conversation.reaction.clone(), |d, v| d.conversation.reaction = v)}
        <fieldset class="mw-fieldset">
            <legend>{tr("conversation.skipped")}</legend>
            <p class="mw-hint">{tr("conversation.skipped_hint")}</p>
            <label class="mw-choice">
                <input type="radio" name="conversation-skip" prop:checked=move || editing.read(|d| d.conversation.skipped.is_none())
                    on:change=move |_| editing.edit(|d| d.conversation.skipped = None)/>
                {tr("conversation.not_skipped")}
            </label>
            {SkipReason::ALL.into_iter().map(|reason| view! {
                <label class="mw-choice">
                    <input type="radio" name="conversation-skip" prop:checked=move || editing.read(|d| d.conversation.skipped == Some(reason))
                        on:change=move |_| editing.edit(move |d| d.conversation.skipped = Some(reason))/>
                    {tr(reason.label_key())}
                </label>
            }).collect_view()}
        </fieldset>
        {move || editing.read(|d| d.conversation.skipped.is_some()).then(|| {
            text_area("conversation-skip-note".into(), "conversation.skip_note", |d| d.conversation.skip_note.clone(), |d, v| d.conversation.skip_note = v)
        })}
        {guide_view(tips)}
    }
}

fn step_four() -> impl IntoView {
    let meldcode = use_meldcode();
    let in_four = meldcode.profile.get_untracked().unwrap_or_default().afwegingen_in.step() == 4;
    view! {
        {step_guide(4)}
        <h2>{tr("weighing.title")}</h2>
        {text_area("weighing-risk".into(), "weighing.risk", |d| d.weighing.risk.clone(), |d, v| d.weighing.risk = v)}
        {text_area("weighing-nature".into(), "weighing.nature", |d| d.weighing.nature.clone(), |d, v| d.weighing.nature = v)}
        {text_area("weighing-severity".into(), "weighing.severity", |d| d.weighing.severity.clone(), |d, v| d.weighing.severity = v)}
        <div class="mw-notice">
            <p><strong>{tr("weighing.doubt")}</strong></p>
            <VeiligThuisCall/>
        </div>
        {in_four.then(decision::afwegingen)}
    }
}
