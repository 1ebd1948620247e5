//! Publishing: the sociale kaart as HSDS 3.0 JSON, the pack with its mechanical fixes, and a
//! new pack from a short form. Everything is made in this browser and offered as a download.

use super::fixes::fix_pack;
use super::new_pack::{new_pack, ContactForm, FormError, NewPackForm, WijkForm};
use super::state::use_beheer;
use super::workspace::{OpenedFile, Workspace};
use crate::content::check::Checked;
use crate::content::NationalContent;
use crate::i18n::{t_count, t_with};
use crate::shell::field::Field;
use crate::shell::{browser, state, tr};
use leptos::{html, prelude::*};
use wasm_bindgen::JsCast;

/// Reads every file chosen in `input`, each refused before reading when larger than a
/// sociale kaart file may be (the pack's own, smaller limit is the check's).
async fn read_chosen_files(input: &web_sys::HtmlInputElement) -> Vec<OpenedFile> {
    // Read as the opening screen reads them: refused by size before reading.
    let opened = match input.files() {
        Some(files) => super::open::read_all(files).await,
        None => Vec::new(),
    };
    input.set_value("");
    opened
}

/// While no pack is open: the example, or the editor's own files (read here, never sent).
#[component]
pub fn StartWithFiles(
    /// The file input's id: this part can be on the page twice.
    id: &'static str,
) -> impl IntoView {
    let beheer = use_beheer();
    let input = NodeRef::<html::Input>::new();
    let chosen = move |_| {
        let Some(element) = input.get_untracked() else { return };
        leptos::task::spawn_local(async move {
            let files = read_chosen_files(&element).await;
            beheer.workspace.update(|w| files.into_iter().for_each(|f| w.open(f)));
        });
    };
    let unread = move || {
        let lang = state().lang.get();
        beheer.workspace.with(|w| {
            w.files.iter().filter_map(|f| f.text.as_ref().err().map(|p| format!("{}: {}", f.name, p.message(lang)))).collect::<Vec<_>>()
        })
    };
    view! {
        <div class="mw-admin-start">
            <p>{tr("beheer.publish.no_pack")}</p>
            <button type="button" class="mw-button mw-button--secondary" on:click=move |_| beheer.workspace.set(Workspace::example())>
                {tr("beheer.publish.use_example")}
            </button>
            <Field id=id label="beheer.publish.choose_files" hint="beheer.publish.choose_files_hint">
                <input id=id type="file" multiple accept=".json,.csv,application/json,text/csv" node_ref=input on:change=chosen/>
            </Field>
            <ul class="mw-admin-unread">
                {move || unread().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
        </div>
    }
}

#[component]
pub fn Publish() -> impl IntoView {
    let beheer = use_beheer();
    let has_pack = move || beheer.checked.with(Option::is_some);
    view! {
        <section class="mw-admin-publish" aria-labelledby="mw-publish-title">
            <h2 id="mw-publish-title">{tr("beheer.publish.title")}</h2>
            <p>{tr("beheer.publish.local_only")}</p>
            <Show when=has_pack fallback=|| view! { <StartWithFiles id="mw-publish-files"/> }>
                <HsdsDownload/>
                <FixedPack/>
            </Show>
            <NewPack/>
        </section>
    }
}

#[component]
fn HsdsDownload() -> impl IntoView {
    let beheer = use_beheer();
    let lang = state().lang;
    let count = move || beheer.checked.with(|c| c.as_ref().and_then(|c| c.import.as_ref().map(|i| i.records.len())));
    let download = move |_| {
        let Some((text, id)) = beheer.checked.with_untracked(|c| c.as_ref().and_then(|c| Some((c.hsds_json()?, c.pack.as_ref()?.region.id.clone()))))
        else {
            return;
        };
        browser::download(&format!("{id}-sociale-kaart-hsds.json"), "application/json", &text);
    };
    view! {
        <h3>{tr("beheer.publish.hsds_title")}</h3>
        {move || match count() {
            Some(n) => view! {
                <p>{t_count(lang.get(), "beheer.publish.hsds_count", n, &[])}</p>
                <button type="button" class="mw-button" on:click=download>{tr("beheer.publish.hsds_download")}</button>
            }.into_any(),
            None => view! { <p>{tr("beheer.publish.hsds_none")}</p> }.into_any(),
        }}
    }
}

/// The opened pack's text with its fixes, and the check of the fixed pack (`None` when nothing
/// was fixed: then the check of the opened files says what remains).
#[derive(Clone, PartialEq)]
struct Fixed {
    name: String,
    text: String,
    fixes: Vec<super::fixes::Fix>,
    after: Option<Checked>,
}

/// What the check still finds, one line each: the pack's issues, unreadable and missing files,
/// and the sociale kaart's summary when it left something out (warnings alone leave nothing out).
fn remaining_lines(checked: &Checked, lang: crate::i18n::Lang) -> Vec<String> {
    let mut remaining: Vec<String> = checked.pack_issues.iter().map(|i| i.message(lang)).collect();
    remaining.extend(checked.unread.iter().map(|i| i.message(lang)));
    remaining.extend(checked.missing.iter().map(|m| t_with(lang, "beheer.publish.missing", &[("file", m)])));
    let left_out = checked.import.as_ref().is_some_and(|i| i.more_issues > 0 || !i.issues.iter().all(|issue| issue.is_warning()));
    if let Some(summary) = checked.summary(lang).filter(|_| left_out) {
        remaining.push(summary);
    }
    remaining
}

#[component]
fn FixedPack() -> impl IntoView {
    let beheer = use_beheer();
    let lang = state().lang;
    // The pack is checked again only when something was fixed (a sociale kaart of thousands
    // of services is read again with it).
    let fixed = Memo::new(move |_| {
        let name = beheer.checked.with(|c| c.as_ref().map(|c| c.pack_name.clone()))?;
        beheer.workspace.with(|w| {
            let original = w.file(&name)?.text.as_ref().ok()?;
            let (text, fixes) = fix_pack(original)?;
            let after = (!fixes.is_empty()).then(|| {
                let mut after = w.clone();
                after.open(OpenedFile { name: name.clone(), text: Ok(text.clone()) });
                after.check(&NationalContent::load(), chrono::Local::now().date_naive())
            });
            Some(Fixed { name, text, fixes, after: after.flatten() })
        })
    });
    let remaining = move || {
        let lang = lang.get();
        fixed.with(|f| match f.as_ref().and_then(|f| f.after.as_ref()) {
            Some(after) => remaining_lines(after, lang),
            None => beheer.checked.with(|c| c.as_ref().map(|c| remaining_lines(c, lang)).unwrap_or_default()),
        })
    };
    let download = move |_| {
        if let Some((name, text)) = fixed.with_untracked(|f| f.as_ref().map(|f| (f.name.clone(), f.text.clone()))) {
            browser::download(&name, "application/json", &text);
        }
    };
    view! {
        <h3>{tr("beheer.publish.fix_title")}</h3>
        {move || match fixed.with(|f| f.as_ref().map(|f| f.fixes.clone())) {
            None => view! { <p>{tr("beheer.publish.fix_not_json")}</p> }.into_any(),
            Some(fixes) => {
                let lang = lang.get();
                let remaining = remaining();
                let listed = (!fixes.is_empty()).then(|| view! {
                    <p>{t_count(lang, "beheer.publish.fix_count", fixes.len(), &[])}</p>
                    <ul class="mw-admin-fixes">
                        {fixes.iter().map(|fix| view! { <li>{fix.message(lang)}</li> }).collect_view()}
                    </ul>
                    <button type="button" class="mw-button" on:click=download>{tr("beheer.publish.fix_download")}</button>
                });
                let none = fixes.is_empty().then(|| view! { <p>{tr("beheer.publish.fix_none")}</p> });
                let remaining = if remaining.is_empty() {
                    view! { <p>{tr("beheer.publish.remaining_none")}</p> }.into_any()
                } else {
                    view! {
                        <h4>{tr("beheer.publish.remaining_title")}</h4>
                        <ul class="mw-admin-remaining">
                            {remaining.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                        </ul>
                    }.into_any()
                };
                view! { {listed} {none} {remaining} }.into_any()
            }
        }}
    }
}

/// The error shown for field `field` of the new pack's form, as a key.
fn error_for(errors: RwSignal<Vec<FormError>>, field: String) -> Signal<Option<&'static str>> {
    Signal::derive(move || errors.with(|e| e.iter().find(|e| e.field == field).map(|e| e.key)))
}

/// Moves focus to the form's control `mw-new-{field}` (in a group of choices, its first).
fn focus_field(field: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(element) = document.get_element_by_id(&format!("mw-new-{field}")) else { return };
    let target = if element.tag_name().eq_ignore_ascii_case("fieldset") {
        element.query_selector("input").ok().flatten().unwrap_or(element)
    } else {
        element
    };
    if let Ok(target) = target.dyn_into::<web_sys::HtmlElement>() {
        let _ = target.focus();
    }
}

/// A text input of the new pack's form, labelled, with its hint and error.
fn text_field(
    form: RwSignal<NewPackForm>,
    errors: RwSignal<Vec<FormError>>,
    field: String,
    label: &'static str,
    hint: Option<&'static str>,
    kind: &'static str,
    get: impl Fn(&NewPackForm) -> String + Send + Sync + 'static,
    set: impl Fn(&mut NewPackForm, String) + Send + Sync + 'static,
) -> impl IntoView {
    let id = format!("mw-new-{field}");
    let error = error_for(errors, field);
    view! {
        <Field id=id.clone() label=label hint=hint error=error>
            <input id=id type=kind prop:value=move || form.with(|f| get(f)) on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| set(f, v)); }/>
        </Field>
    }
}

#[component]
fn NewPack() -> impl IntoView {
    let beheer = use_beheer();
    let lang = state().lang;
    let form = RwSignal::new(NewPackForm { wijken: vec![WijkForm::default()], contacts: vec![ContactForm::default()], ..Default::default() });
    let errors = RwSignal::new(Vec::<FormError>::new());
    let made = RwSignal::new(None::<(String, String)>);
    let summary = NodeRef::<html::Div>::new();
    let wijk_count = Memo::new(move |_| form.with(|f| f.wijken.len()));
    let contact_count = Memo::new(move |_| form.with(|f| f.contacts.len()));
    let wijk_names = Memo::new(move |_| form.with(|f| f.wijken.iter().map(|w| w.name.trim().to_string()).filter(|n| !n.is_empty()).collect::<Vec<_>>()));

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match form.with_untracked(|f| new_pack(f, chrono::Local::now().date_naive())) {
            Ok(text) => {
                errors.set(Vec::new());
                let id = serde_json::from_str::<serde_json::Value>(&text)
                    .ok()
                    .and_then(|v| v["region"]["id"].as_str().map(str::to_string))
                    .unwrap_or_else(|| "regio".to_string());
                let name = format!("{id}.json");
                browser::download(&name, "application/json", &text);
                made.set(Some((name, text)));
            }
            Err(list) => {
                made.set(None);
                errors.set(list);
                request_animation_frame(move || {
                    if let Some(s) = summary.get_untracked() {
                        let _ = s.focus();
                    }
                });
            }
        }
    };
    let open_made = move |_| {
        if let Some((name, text)) = made.get_untracked() {
            beheer.workspace.update(|w| w.open(OpenedFile { name, text: Ok(text) }));
        }
    };
    let add_wijk = move |_| {
        form.update(|f| f.wijken.push(WijkForm::default()));
        let i = form.with_untracked(|f| f.wijken.len() - 1);
        request_animation_frame(move || focus_field(&format!("wijk-{i}-name")));
    };
    let add_contact = move |_| {
        form.update(|f| f.contacts.push(ContactForm::default()));
        let i = form.with_untracked(|f| f.contacts.len() - 1);
        request_animation_frame(move || focus_field(&format!("contact-{i}-name")));
    };
    let number = |i: usize| (i + 1).to_string();

    let wijk_row = move |i: usize| {
        let remove = move |_| {
            form.update(|f| {
                if i < f.wijken.len() {
                    f.wijken.remove(i);
                }
            });
            request_animation_frame(|| focus_field("add-wijk"));
        };
        view! {
            <fieldset class="mw-fieldset mw-admin-row">
                <legend>{move || t_with(lang.get(), "beheer.new_pack.wijk", &[("number", &number(i))])}</legend>
                {text_field(form, errors, format!("wijk-{i}-name"), "beheer.new_pack.wijk_name", None, "text",
                    move |f| f.wijken.get(i).map(|w| w.name.clone()).unwrap_or_default(),
                    move |f, v| if let Some(w) = f.wijken.get_mut(i) { w.name = v })}
                {text_field(form, errors, format!("wijk-{i}-postcodes"), "beheer.new_pack.postcodes", Some("beheer.new_pack.postcodes_hint"), "text",
                    move |f| f.wijken.get(i).map(|w| w.postcodes.clone()).unwrap_or_default(),
                    move |f, v| if let Some(w) = f.wijken.get_mut(i) { w.postcodes = v })}
                <button type="button" class="mw-button mw-button--secondary" on:click=remove>
                    {move || t_with(lang.get(), "beheer.new_pack.remove_wijk", &[("number", &number(i))])}
                </button>
            </fieldset>
        }
    };

    let contact_row = move |i: usize| {
        let remove = move |_| {
            form.update(|f| {
                if i < f.contacts.len() {
                    f.contacts.remove(i);
                }
            });
            request_animation_frame(|| focus_field("add-contact"));
        };
        let wijken_id = format!("mw-new-contact-{i}-wijken");
        let wijken_error = error_for(errors, format!("contact-{i}-wijken"));
        let description_error = error_for(errors, format!("contact-{i}-description"));
        let description_id = format!("mw-new-contact-{i}-description");
        let error_id = format!("{wijken_id}-error");
        view! {
            <fieldset class="mw-fieldset mw-admin-row">
                <legend>{move || t_with(lang.get(), "beheer.new_pack.contact", &[("number", &number(i))])}</legend>
                {text_field(form, errors, format!("contact-{i}-name"), "beheer.new_pack.contact_name", Some("beheer.new_pack.contact_name_hint"), "text",
                    move |f| f.contacts.get(i).map(|c| c.name.clone()).unwrap_or_default(),
                    move |f, v| if let Some(c) = f.contacts.get_mut(i) { c.name = v })}
                <Field id=description_id.clone() label="beheer.new_pack.description" error=description_error>
                    <textarea id=description_id rows="3"
                        prop:value=move || form.with(|f| f.contacts.get(i).map(|c| c.description.clone()).unwrap_or_default())
                        on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| if let Some(c) = f.contacts.get_mut(i) { c.description = v }); }></textarea>
                </Field>
                {text_field(form, errors, format!("contact-{i}-phone"), "beheer.new_pack.phone", Some("beheer.new_pack.reach_hint"), "tel",
                    move |f| f.contacts.get(i).map(|c| c.phone.clone()).unwrap_or_default(),
                    move |f, v| if let Some(c) = f.contacts.get_mut(i) { c.phone = v })}
                {text_field(form, errors, format!("contact-{i}-email"), "beheer.new_pack.email", None, "email",
                    move |f| f.contacts.get(i).map(|c| c.email.clone()).unwrap_or_default(),
                    move |f, v| if let Some(c) = f.contacts.get_mut(i) { c.email = v })}
                {text_field(form, errors, format!("contact-{i}-website"), "beheer.new_pack.website", Some("beheer.new_pack.website_hint"), "url",
                    move |f| f.contacts.get(i).map(|c| c.website.clone()).unwrap_or_default(),
                    move |f, v| if let Some(c) = f.contacts.get_mut(i) { c.website = v })}
                <fieldset class="mw-fieldset" id=wijken_id
                    aria-describedby=move || wijken_error.get().map(|_| error_id.clone())>
                    <legend>{tr("beheer.new_pack.contact_wijken")}</legend>
                    {move || wijken_error.get().map(|key| view! {
                        <p class="mw-error" id=format!("mw-new-contact-{i}-wijken-error")>{tr(key)}</p>
                    })}
                    <div class="mw-choices">
                        {move || {
                            let names = wijk_names.get();
                            if names.is_empty() {
                                return view! { <p class="mw-hint">{tr("beheer.new_pack.no_wijk_names")}</p> }.into_any();
                            }
                            names.into_iter().map(|name| {
                                let checked_name = name.clone();
                                let changed_name = name.clone();
                                view! {
                                    <label class="mw-choice">
                                        <input type="checkbox"
                                            prop:checked=move || form.with(|f| f.contacts.get(i).is_some_and(|c| c.wijken.contains(&checked_name)))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                let name = changed_name.clone();
                                                form.update(|f| if let Some(c) = f.contacts.get_mut(i) {
                                                    c.wijken.retain(|w| *w != name);
                                                    if on { c.wijken.push(name); }
                                                });
                                            }/>
                                        {name}
                                    </label>
                                }
                            }).collect_view().into_any()
                        }}
                    </div>
                </fieldset>
                <button type="button" class="mw-button mw-button--secondary" on:click=remove>
                    {move || t_with(lang.get(), "beheer.new_pack.remove_contact", &[("number", &number(i))])}
                </button>
            </fieldset>
        }
    };

    let error_summary = move || {
        let list = errors.get();
        (!list.is_empty()).then(|| {
            let lang = lang.get();
            view! {
                <div class="mw-error-summary" role="alert" tabindex="-1" node_ref=summary aria-labelledby="mw-new-errors-title">
                    <h4 id="mw-new-errors-title">{t_count(lang, "beheer.new_pack.errors_title", list.len(), &[])}</h4>
                    <ul>
                        {list.into_iter().map(|error| {
                            let field = error.field.clone();
                            view! {
                                <li><a href=format!("#mw-new-{}", error.field)
                                    on:click=move |ev| { ev.prevent_default(); focus_field(&field); }>{error.message(lang)}</a></li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    };

    view! {
        <h3 id="mw-new-pack-title">{tr("beheer.new_pack.title")}</h3>
        <p>{tr("beheer.new_pack.lead")}</p>
        <form class="mw-form mw-admin-new-pack" aria-labelledby="mw-new-pack-title" novalidate on:submit=submit>
            {error_summary}
            {text_field(form, errors, "gemeente".into(), "beheer.new_pack.gemeente", Some("beheer.new_pack.gemeente_hint"), "text", |f| f.gemeente.clone(), |f, v| f.gemeente = v)}
            {text_field(form, errors, "local-team".into(), "beheer.new_pack.local_team", Some("beheer.new_pack.local_team_hint"), "text", |f| f.local_team.clone(), |f, v| f.local_team = v)}
            <h4>{tr("beheer.new_pack.wijken")}</h4>
            {move || (0..wijk_count.get()).map(wijk_row).collect_view()}
            {move || errors.with(|e| e.iter().find(|e| e.field == "add-wijk").map(|e| e.key)).map(|key| view! { <p class="mw-error" id="mw-new-add-wijk-error">{tr(key)}</p> })}
            <p><button type="button" id="mw-new-add-wijk" class="mw-button mw-button--secondary" on:click=add_wijk>{tr("beheer.new_pack.add_wijk")}</button></p>
            <h4>{tr("beheer.new_pack.contacts")}</h4>
            {move || (0..contact_count.get()).map(contact_row).collect_view()}
            {move || errors.with(|e| e.iter().find(|e| e.field == "add-contact").map(|e| e.key)).map(|key| view! { <p class="mw-error" id="mw-new-add-contact-error">{tr(key)}</p> })}
            <p><button type="button" id="mw-new-add-contact" class="mw-button mw-button--secondary" on:click=add_contact>{tr("beheer.new_pack.add_contact")}</button></p>
            {text_field(form, errors, "source".into(), "beheer.new_pack.source", Some("beheer.new_pack.source_hint"), "text", |f| f.source.clone(), |f, v| f.source = v)}
            <button type="submit" class="mw-button">{tr("beheer.new_pack.download")}</button>
        </form>
        {move || made.get().map(|(name, _)| view! {
            <div class="mw-notice" role="status">
                <p>{t_with(lang.get(), "beheer.new_pack.made", &[("file", &name)])}</p>
                <button type="button" class="mw-button mw-button--secondary" on:click=open_made>{tr("beheer.new_pack.open_here")}</button>
            </div>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_sociale_kaart_downloads_as_hsds_that_reads_back_the_same() {
        let today = crate::sociale_kaart::import::test_today();
        let checked = Workspace::example().check(&NationalContent::load(), today).unwrap();
        let text = checked.hsds_json().expect("the example names a sociale kaart");
        let mut again = Workspace::example();
        again.open(OpenedFile { name: "voorbeeldstad-sociale-kaart.json".into(), text: Ok(text) });
        let reread = again.check(&NationalContent::load(), today).unwrap();
        assert!(reread.is_valid(), "{:?}", reread.import.as_ref().map(|i| &i.issues));
        assert_eq!(reread.records().len(), checked.records().len());
    }

    #[test]
    fn what_remains_after_fixing_is_each_issue_the_check_still_finds() {
        let today = crate::sociale_kaart::import::test_today();
        let lang = crate::i18n::Lang::Nl;
        let example = Workspace::example();
        assert_eq!(remaining_lines(&example.check(&NationalContent::load(), today).unwrap(), lang), Vec::<String>::new());
        let mut pack: serde_json::Value = serde_json::from_str(include_str!("../../public/regions/voorbeeldstad.json")).unwrap();
        pack["contacts"][0]["phone"] = "bel ons".into();
        let mut broken = Workspace::default();
        broken.open(OpenedFile { name: "voorbeeldstad.json".into(), text: Ok(pack.to_string()) });
        let lines = remaining_lines(&broken.check(&NationalContent::load(), today).unwrap(), lang);
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(lines[0].contains("contacts[0].phone"), "{lines:?}");
    }
}
