//! One check: its items per theme, answered yes / partly / no / not applicable; the result as
//! red/amber/green per theme and an action list; saving, comparing, printing and files.

use super::model::{changes, export, import_into, latest, with_saved, Answer, AnswerSheet, Check, Rating, SavedResult};
use super::state::{load_saved, store_saved, use_self_check};
use crate::i18n::{long_date, t, t_count, t_with};
use crate::meldcode::dossier::ImportError;
use crate::ground::limits::{megabytes, MAX_IMPORT_BYTES};
use crate::ground::route::Screen;
use crate::shell::{browser, in_lang, state, tr, SourceNote};
use crate::shell::field::Field;
use chrono::Utc;
use leptos::{html, prelude::*};

const ANSWERS: [(Answer, &str); 4] = [
    (Answer::Yes, "self_check.answer.yes"),
    (Answer::Partly, "self_check.answer.partly"),
    (Answer::No, "self_check.answer.no"),
    (Answer::NotApplicable, "self_check.answer.na"),
];

fn rating_key(rating: Rating) -> &'static str {
    match rating {
        Rating::Green => "self_check.rating.green",
        Rating::Amber => "self_check.rating.amber",
        Rating::Red => "self_check.rating.red",
        Rating::Open => "self_check.rating.open",
    }
}

fn answer_key(answer: Option<Answer>) -> &'static str {
    ANSWERS.iter().find(|(a, _)| Some(*a) == answer).map(|(_, key)| *key).unwrap_or("self_check.answer.none")
}

#[component]
pub fn CheckScreen(id: String) -> impl IntoView {
    let app = state();
    let lang = move || app.lang.get();
    let Some(check) = use_self_check().content.with_untracked(|c| c.check(&id).cloned()) else {
        return view! {
            <h1 class="mw-title" tabindex="-1">{tr("self_check.not_found")}</h1>
            <p><a href=Screen::SelfCheck.href()>{tr("self_check.choose")}</a></p>
        }
        .into_any();
    };
    let check = StoredValue::new(check);
    let answers = RwSignal::new(AnswerSheet::new());
    let problem = RwSignal::new(None::<String>);
    let saved = RwSignal::new(Vec::<SavedResult>::new());
    let reload = move || match load_saved(&id_of(check)) {
        Ok(results) => saved.set(results),
        Err(e) => problem.set(Some(t(app.lang.get_untracked(), e.message_key()))),
    };
    reload();
    // Another tab saved a result for this check.
    let listener = window_event_listener(leptos::ev::storage, move |event| {
        if event.key().is_some_and(|k| k.ends_with(&format!("zelftest:{}", id_of(check)))) {
            reload();
        }
    });
    on_cleanup(move || listener.remove());

    let save = move |_| {
        let results = saved.with_untracked(|all| with_saved(all, &id_of(check), answers.get_untracked(), Utc::now()));
        match store_saved(&id_of(check), &results) {
            Ok(()) => {
                saved.set(results);
                problem.set(None);
            }
            Err(e) => problem.set(Some(t(app.lang.get_untracked(), e.message_key()))),
        }
    };
    let retake = move |_| {
        answers.set(AnswerSheet::new());
    };
    let download = move |_| {
        let name = format!("meldwijzer-zelftest-{}-{}.json", id_of(check), chrono::Local::now().format("%Y-%m-%d"));
        browser::download(&name, "application/json", &export(&saved.get_untracked(), Utc::now()));
    };
    let input = NodeRef::<html::Input>::new();
    let chosen = move |_| {
        let Some(element) = input.get_untracked() else { return };
        leptos::task::spawn_local(async move {
            let imported = browser::read_import_file(&element)
                .await
                .and_then(|text| saved.with_untracked(|all| import_into(all, &text, &id_of(check))));
            let lang = app.lang.get_untracked();
            match imported {
                Err(error) => problem.set(Some(error.message(lang))),
                Ok((all, count)) => {
                    match store_saved(&id_of(check), &all) {
                        Ok(()) => {
                            saved.set(all);
                            problem.set(Some(t_count(lang, "self_check.imported", count, &[])));
                        }
                        Err(crate::storage::StorageError::Full) => problem.set(Some(ImportError::NoSpace.message(lang))),
                        Err(e) => problem.set(Some(t(lang, e.message_key()))),
                    }
                }
            }
        });
    };

    let last = move || saved.with(|all| latest(all).cloned());
    let is_professional = id == "professional";
    view! {
        <p class="mw-no-print"><a href=Screen::SelfCheck.href()>{tr("self_check.choose")}</a></p>
        <h1 class="mw-title" tabindex="-1">{in_lang(check.with_value(|c| c.title.clone()))}</h1>
        <p class="mw-lead">{in_lang(check.with_value(|c| c.intro.clone()))}</p>
        {is_professional.then(|| view! { <PracticeLinks/> })}
        <div role="status" class="mw-no-print">{move || problem.get().map(|p| view! { <p class="mw-notice">{p}</p> })}</div>
        {move || last().map(|result| view! {
            <div class="mw-notice mw-no-print">
                <p>{move || t_with(lang(), "self_check.last_saved", &[("date", &long_date(lang(), result.saved.date_naive()))])}</p>
                <button type="button" class="mw-button mw-button--secondary" on:click=move |_| answers.set(result.answers.clone())>
                    {tr("self_check.load_last")}
                </button>
            </div>
        })}
        <form class="mw-form mw-no-print" on:submit=|ev| ev.prevent_default()>
            {move || check.with_value(|c| c.themes.clone()).into_iter().map(|theme| {
                let items: Vec<_> = check.with_value(|c| c.items.iter().filter(|i| i.theme == theme.id).cloned().collect());
                view! {
                    <h2>{in_lang(theme.title.clone())}</h2>
                    {items.into_iter().map(|item| {
                        let name = format!("mw-item-{}", item.id);
                        let item_id = item.id.clone();
                        view! {
                            <fieldset class="mw-fieldset mw-check-item">
                                <legend>{in_lang(item.question.clone())}</legend>
                                <p class="mw-hint">{in_lang(item.explanation.clone())} " " <SourceNote source=item.source.clone()/></p>
                                <div class="mw-choices mw-choices--inline">
                                    {ANSWERS.iter().map(|(answer, key)| {
                                        let answer = *answer;
                                        let id = format!("{name}-{key}");
                                        let item_id = item_id.clone();
                                        let current = item_id.clone();
                                        view! {
                                            <div class="mw-choice">
                                                <input type="radio" id=id.clone() name=name.clone()
                                                    prop:checked=move || answers.with(|a| a.get(&current) == Some(&answer))
                                                    on:change=move |_| answers.update(|a| { a.insert(item_id.clone(), answer); })/>
                                                <label for=id>{tr(key)}</label>
                                            </div>
                                        }
                                    }).collect_view()}
                                </div>
                            </fieldset>
                        }
                    }).collect_view()}
                }
            }).collect_view()}
        </form>
        <Result check=check answers=answers/>
        {move || last().map(|result| {
            let diff = answers.with(|now| changes(&result.answers, now));
            view! {
                <section class="mw-print__section">
                    <h2>{move || t_with(lang(), "self_check.changes", &[("date", &long_date(lang(), result.saved.date_naive()))])}</h2>
                    {if diff.is_empty() {
                        view! { <p>{tr("self_check.no_changes")}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="mw-changes">
                                {diff.into_iter().map(|change| {
                                    let question = check.with_value(|c| c.items.iter().find(|i| i.id == change.item).map(|i| i.question.clone()));
                                    view! {
                                        <li>
                                            {question.map(in_lang)} ": "
                                            {tr(answer_key(change.before))} " → " <strong>{tr(answer_key(change.after))}</strong>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </section>
            }
        })}
        <div class="mw-actions mw-no-print">
            <button type="button" class="mw-button" on:click=save>{tr("self_check.save")}</button>
            <button type="button" class="mw-button mw-button--secondary" on:click=move |_| browser::print()>{tr("self_check.print")}</button>
            <button type="button" class="mw-button mw-button--secondary" on:click=retake>{tr("self_check.retake")}</button>
            {move || (!saved.with(Vec::is_empty)).then(|| view! {
                <button type="button" class="mw-button mw-button--secondary" on:click=download>{tr("self_check.export")}</button>
            })}
        </div>
        <Field id="mw-self-check-import" label="self_check.import" hint="self_check.import_hint"
            hint_args=vec![("max", megabytes(MAX_IMPORT_BYTES, app.lang.get_untracked()))] class="mw-no-print">
            <input id="mw-self-check-import" type="file" accept=".json,application/json" node_ref=input on:change=chosen/>
        </Field>
        <p class="mw-hint mw-no-print">{tr("self_check.privacy")}</p>
    }
    .into_any()
}

fn id_of(check: StoredValue<Check>) -> String {
    check.with_value(|c| c.id.clone())
}

/// Red/amber/green per theme and what to do first: on screen and on paper.
#[component]
fn Result(check: StoredValue<Check>, answers: RwSignal<AnswerSheet>) -> impl IntoView {
    let app = state();
    let lang = move || app.lang.get();
    view! {
        <article class="mw-print mw-self-check-result" aria-labelledby="mw-result-title">
            <h2 id="mw-result-title">{tr("self_check.result")}</h2>
            <p class="mw-print__meta">
                {in_lang(check.with_value(|c| c.title.clone()))} " · "
                {move || long_date(lang(), chrono::Local::now().date_naive())}
            </p>
            <table class="mw-ratings">
                <thead><tr><th scope="col">{tr("self_check.theme")}</th><th scope="col">{tr("self_check.score")}</th><th scope="col">{tr("self_check.answered")}</th></tr></thead>
                <tbody>
                    {move || {
                        let scores = answers.with(|a| check.with_value(|c| c.scores(a)));
                        scores.into_iter().map(|score| {
                            let title = check.with_value(|c| c.themes.iter().find(|t| t.id == score.theme).map(|t| t.title.clone()));
                            let class = format!("mw-rating mw-rating--{}", rating_key(score.rating).rsplit('.').next().unwrap_or(""));
                            view! {
                                <tr>
                                    <th scope="row">{title.map(in_lang)}</th>
                                    <td><span class=class>{tr(rating_key(score.rating))}</span></td>
                                    <td>{format!("{} / {}", score.answered, score.total)}</td>
                                </tr>
                            }
                        }).collect_view()
                    }}
                </tbody>
            </table>
            <h3>{tr("self_check.actions")}</h3>
            {move || {
                let todo: Vec<_> = answers.with(|a| check.with_value(|c| c.actions(a).into_iter().cloned().collect()));
                if todo.is_empty() {
                    view! { <p>{tr("self_check.no_actions")}</p> }.into_any()
                } else {
                    view! {
                        <ol class="mw-action-list">
                            {todo.into_iter().map(|item| view! {
                                <li>
                                    <strong>{in_lang(item.next_step.clone())}</strong>
                                    <br/>{in_lang(item.question.clone())}
                                </li>
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }
            }}
        </article>
    }
}

#[component]
fn PracticeLinks() -> impl IntoView {
    let cases = use_self_check().content.with_untracked(|c| c.cases.clone());
    view! {
        <div class="mw-notice mw-no-print">
            <p><a href=Screen::SelfCheck.href_to(&["kennis"])>{tr("self_check.knowledge")}</a></p>
            <p>{tr("self_check.cases")}</p>
            <ul>
                {cases.into_iter().map(|case| view! {
                    <li><a href=Screen::SelfCheck.href_to(&["oefenen", &case.id])>{in_lang(case.title)}</a></li>
                }).collect_view()}
            </ul>
        </div>
    }
}
