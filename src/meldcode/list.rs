//! The dossier list with create, rename, duplicate, delete, export and import; the profile;
//! and the extra sector routes (kinderopvang, onderwijs).

use super::dossier::{self, looks_like_a_name, Dossier, ImportError, ImportPlan};
use super::profile::{AfwegingenStep, ClientKind, Profile, Sector};
use super::store::Protection;
use super::vault::EncryptedExport;
use super::dossier::dossier_href;
use super::state::{use_meldcode, Meldcode};
use super::{device_store, import, keeping_view, store, vault_view};
use crate::i18n::{long_date, t, t_count, t_with};
use crate::ground::route::Screen;
use crate::shell::{browser, go, in_lang, replace_to, state, tr, ScreenHeading, SourceNote};
use crate::shell::field::Field;
use chrono::{Local, Utc};
use leptos::{html, prelude::*};

/// A storage problem in plain words, shown where it happened.
#[component]
pub fn StorageProblem() -> impl IntoView {
    let meldcode = use_meldcode();
    move || meldcode.problem.get().map(|key| view! { <p class="mw-error" role="alert">{tr(key)}</p> })
}

fn export_name(what: &str) -> String {
    format!("meldwijzer-{what}-{}.json", Local::now().format("%Y-%m-%d"))
}

/// Starts a dossier and opens it at `step`, replacing this address so Back does not start
/// another. Without a profile, asks for that first.
#[component]
pub fn NewDossier(step: String) -> impl IntoView {
    let meldcode = use_meldcode();
    let Some(profile) = meldcode.profile.get_untracked() else {
        return view! {
            <ScreenHeading screen=Screen::Meldcode/>
            <div class="mw-notice">
                <p>{tr("profile.first")}</p>
                <p><a href=Screen::Meldcode.href_to(&["profiel"])>{tr("profile.set")}</a></p>
            </div>
        }
        .into_any();
    };
    if must_protect_first(meldcode) {
        return view! { <ScreenHeading screen=Screen::Meldcode/> <vault_view::ProtectionSection/> }.into_any();
    }
    let dossier = Dossier::new(store::new_id(), String::new(), &profile, Utc::now());
    let was_first = meldcode.dossiers.with_untracked(Vec::is_empty);
    if meldcode.save(&dossier) {
        keeping_view::after_create(was_first);
        replace_to(&dossier_href(&dossier.id, &step));
    }
    view! { <ScreenHeading screen=Screen::Meldcode/> <StorageProblem/> }.into_any()
}

/// The organisation requires protection and it is not on yet: no dossier can be made.
fn must_protect_first(meldcode: Meldcode) -> bool {
    vault_view::policy(state()).required && meldcode.protection.get_untracked() == Protection::Off
}

/// Downloads dossiers: encrypted with the vault's key when protected, else plain text.
fn download_dossiers(file: String, dossiers: Vec<Dossier>, encrypted: bool) {
    let text = dossier::export(&dossiers, Utc::now());
    if !encrypted {
        browser::download(&file, "application/json", &text);
        return;
    }
    leptos::task::spawn_local(async move {
        if let Some(sealed) = vault_view::encrypted_export(text).await {
            browser::download(&file, "application/json", &sealed);
        }
    });
}

#[component]
pub fn DossierList() -> impl IntoView {
    let meldcode = use_meldcode();
    let app = state();
    let case_code = RwSignal::new(String::new());
    let name_warning = move || case_code.with(|c| looks_like_a_name(c));

    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if must_protect_first(meldcode) {
            return;
        }
        let code = case_code.get_untracked().trim().to_string();
        let profile = meldcode.profile.get_untracked().unwrap_or_default();
        let dossier = Dossier::new(store::new_id(), code, &profile, Utc::now());
        let was_first = meldcode.dossiers.with_untracked(Vec::is_empty);
        if meldcode.save(&dossier) {
            keeping_view::after_create(was_first);
            case_code.set(String::new());
            go(&dossier_href(&dossier.id, "1"));
        }
    };
    let protected = move || meldcode.protection.get() == Protection::Unlocked;
    let export_all = move |encrypted: bool| download_dossiers(export_name("dossiers"), meldcode.dossiers.get_untracked(), encrypted);

    view! {
        <ScreenHeading screen=Screen::Meldcode/>
        <p class="mw-lead">{tr("meldcode.lead")}</p>
        <StorageProblem/>
        {move || match meldcode.profile.get() {
            None => view! {
                <div class="mw-notice">
                    <p>{tr("profile.first")}</p>
                    <p><a href=Screen::Meldcode.href_to(&["profiel"])>{tr("profile.set")}</a></p>
                </div>
            }.into_any(),
            Some(profile) => view! {
                <p>
                    {tr("profile.summary")} " " <strong>{move || t(app.lang.get(), profile.sector.label_key())}</strong>
                    " · " <a href=Screen::Meldcode.href_to(&["profiel"])>{tr("profile.change")}</a>
                </p>
                <SectorRouteLinks sector=profile.sector/>
            }.into_any(),
        }}
        <keeping_view::StorageNotice/>
        {keeping_view::retention_visit()}

        // Offered before the first dossier is made, and kept on the list to turn on later, to
        // lock or to change the passphrase.
        <vault_view::ProtectionSection/>

        <h2>{tr("dossier.new")}</h2>
        // The organisation requires protection: the form appears once a passphrase is set.
        <Show when=move || !(vault_view::policy(app).required && meldcode.protection.get() == Protection::Off)
            fallback=|| view! { <p class="mw-notice mw-notice--warning mw-vault__required">{tr("vault.required")}</p> }>
        <form class="mw-form" on:submit=create>
            <Field id="mw-case-code" label="dossier.case_code" hint="dossier.case_code_hint"
                error=Signal::derive(move || name_warning().then_some("dossier.name_warning"))>
                <input id="mw-case-code" type="text" required
                    prop:value=move || case_code.get()
                    on:input=move |ev| case_code.set(event_target_value(&ev))/>
            </Field>
            <button type="submit" class="mw-button">{tr("dossier.create")}</button>
        </form>
        </Show>

        <h2>{tr("dossier.list")}</h2>
        {move || {
            let dossiers = meldcode.dossiers.get();
            if dossiers.is_empty() {
                view! { <p>{tr("dossier.none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="mw-list">
                        {dossiers.into_iter().map(|d| view! { <DossierItem dossier=d/> }).collect_view()}
                    </ul>
                    {move || if protected() {
                        view! {
                            <p><button type="button" class="mw-button mw-button--secondary" on:click=move |_| export_all(true)>
                                {tr("vault.export_encrypted")}
                            </button></p>
                            <p class="mw-hint" id="mw-export-plain-warning">{tr("vault.export_plain_warning")}</p>
                            <p><button type="button" class="mw-button mw-button--secondary" aria-describedby="mw-export-plain-warning"
                                on:click=move |_| export_all(false)>{tr("vault.export_plain")}</button></p>
                        }.into_any()
                    } else {
                        view! {
                            <p><button type="button" class="mw-button mw-button--secondary" on:click=move |_| export_all(false)>
                                {tr("dossier.export_all")}
                            </button></p>
                        }.into_any()
                    }}
                }.into_any()
            }
        }}
        <BrokenDrafts/>
        <Import/>
    }
}

#[component]
fn DossierItem(dossier: Dossier) -> impl IntoView {
    let meldcode = use_meldcode();
    let app = state();
    let renaming = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let new_code = RwSignal::new(dossier.case_code.clone());
    let id = dossier.id.clone();
    let updated = dossier.updated.with_timezone(&Local);
    let open = dossier.open_steps().len();
    let rename_input = NodeRef::<html::Input>::new();
    let rename_id = StoredValue::new(format!("rename-{}", dossier.id));

    let stored = StoredValue::new(dossier.clone());
    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if stored.with_value(|d| meldcode.rename(d, &new_code.get_untracked())) {
            renaming.set(false);
        }
    };
    let duplicate = move |_| {
        let d = stored.get_value();
        let code = t_with(app.lang.get_untracked(), "dossier.copy_of", &[("code", &d.case_code)]);
        meldcode.save(&d.duplicate(store::new_id(), code, Utc::now()));
    };
    let delete = move |_| {
        meldcode.delete(&stored.with_value(|d| d.id.clone()));
    };
    let export_one = move |_| {
        let d = stored.get_value();
        let file = export_name(&d.case_code.replace(|c: char| !c.is_alphanumeric(), "-"));
        download_dossiers(file, vec![d], meldcode.protection.get_untracked() == Protection::Unlocked);
    };

    view! {
        <li class="mw-card mw-dossier">
            <h3 class="mw-card__title"><a href=dossier_href(&id, "1")>{dossier.case_code.clone()}</a></h3>
            <p class="mw-hint">
                {move || {
                    let lang = app.lang.get();
                    let when = format!("{} {}", long_date(lang, updated.date_naive()), updated.format("%H:%M"));
                    t_with(lang, "dossier.updated", &[("when", &when), ("open", &open.to_string())])
                }}
            </p>
            <keeping_view::DossierAge id=id.clone() created=dossier.created/>
            <Show when=move || renaming.get()>
                <form class="mw-form mw-form--inline" on:submit=rename>
                    <Field id=rename_id.get_value() label="dossier.new_case_code"
                        error=Signal::derive(move || new_code.with(|c| looks_like_a_name(c)).then_some("dossier.name_warning"))>
                        <input type="text" required id=rename_id.get_value() node_ref=rename_input
                            prop:value=move || new_code.get() on:input=move |ev| new_code.set(event_target_value(&ev))/>
                    </Field>
                    <button type="submit" class="mw-button">{tr("action.save")}</button>
                    <button type="button" class="mw-button mw-button--secondary" on:click=move |_| renaming.set(false)>{tr("action.cancel")}</button>
                </form>
            </Show>
            <Show when=move || confirming.get()>
                <div class="mw-confirm" role="alert">
                    <p>{move || t_with(app.lang.get(), "dossier.confirm_delete", &[("code", &stored.with_value(|d| d.case_code.clone()))])}</p>
                    <button type="button" class="mw-button mw-button--danger" on:click=delete>{tr("dossier.delete_now")}</button>
                    <button type="button" class="mw-button mw-button--secondary" on:click=move |_| confirming.set(false)>{tr("action.cancel")}</button>
                </div>
            </Show>
            <div class="mw-actions">
                <button type="button" class="mw-link-button" on:click=move |_| { renaming.set(true); request_animation_frame(move || { if let Some(i) = rename_input.get_untracked() { let _ = i.focus(); } }); }>{tr("dossier.rename")}</button>
                <button type="button" class="mw-link-button" on:click=duplicate>{tr("dossier.duplicate")}</button>
                <button type="button" class="mw-link-button" on:click=export_one>{tr("dossier.export")}</button>
                <button type="button" class="mw-link-button" on:click=move |_| confirming.set(true)>{tr("dossier.delete")}</button>
            </div>
        </li>
    }
}

/// Drafts that no longer open: reported, kept, downloadable as raw text.
#[component]
fn BrokenDrafts() -> impl IntoView {
    let meldcode = use_meldcode();
    let app = state();
    move || {
        let broken = meldcode.broken.get();
        (!broken.is_empty()).then(|| view! {
            <div class="mw-notice mw-notice--warning">
                <h2>{tr("broken.title")}</h2>
                <p>{tr("broken.text")}</p>
                <ul>
                    {broken.into_iter().map(|b| {
                        let raw = b.raw.clone();
                        let file = format!("{}.txt", b.name.replace(':', "-"));
                        let reason = b.error.message_key();
                        view! {
                            <li>
                                {b.name.clone()} ": " {move || t(app.lang.get(), reason)} " "
                                <button type="button" class="mw-link-button"
                                    on:click=move |_| { browser::download(&file, "text/plain", &raw); }>
                                    {tr("broken.download")}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        })
    }
}


/// Import checks the whole file first; new dossiers are added, existing ones only replaced
/// when the user says so.
#[component]
fn Import() -> impl IntoView {
    let meldcode = use_meldcode();
    let app = state();
    let input = NodeRef::<html::Input>::new();
    let message = RwSignal::new(None::<String>);
    let pending = RwSignal::new(None::<ImportPlan>);
    // An encrypted export waiting for its passphrase.
    let sealed_file = RwSignal::new(None::<EncryptedExport>);
    let file_passphrase = RwSignal::new(String::new());
    let file_error = RwSignal::new(None::<&'static str>);
    let passphrase_input = NodeRef::<html::Input>::new();

    let imported = move |written: Vec<Dossier>| {
        let lang = app.lang.get_untracked();
        meldcode.imported(&written);
        message.set(Some(t_count(lang, "import.done", written.len(), &[])));
    };
    // All or nothing: `write_all` checks the space first and undoes a write refused half-way.
    let apply = move |replace: bool| {
        let Some(plan) = pending.get_untracked() else { return };
        pending.set(None);
        let lang = app.lang.get_untracked();
        if meldcode.protection.get_untracked() != Protection::Unlocked {
            match import::apply_import(&plan, replace, &mut device_store::BrowserSlots) {
                Ok(written) => imported(written),
                Err(error) => message.set(Some(error.message(lang))),
            }
            return;
        }
        // Protected: encrypted first, then written all or nothing like a plain import.
        let dossiers: Vec<Dossier> = import::to_write(&plan, replace).into_iter().cloned().collect();
        leptos::task::spawn_local(async move {
            let plain: Vec<(String, String)> = dossiers.iter().map(|d| (d.id.clone(), d.to_stored())).collect();
            let result = match store::seal_for_import(plain.clone()).await {
                Err(e) => Err(t(lang, e.message_key())),
                Ok(sealed) => {
                    let writes: Vec<(&str, String)> = sealed.iter().map(|(id, t)| (id.as_str(), t.clone())).collect();
                    import::write_all(&writes, &mut device_store::BrowserSlots).map_err(|e| e.message(lang))
                }
            };
            match result {
                Ok(()) => {
                    store::imported(&plain);
                    imported(dossiers);
                }
                Err(m) => drop(message.try_set(Some(m))),
            }
        });
    };
    // Plans the import of a plain export text; with duplicates the user is asked first.
    let plan_text = move |text: Result<String, ImportError>| {
        let lang = app.lang.get_untracked();
        let existing = meldcode.ids_in_use();
        match text.and_then(|text| dossier::plan_import(&text, &existing)) {
            Err(error) => message.set(Some(error.message(lang))),
            Ok(plan) if plan.duplicates.is_empty() => {
                pending.set(Some(plan));
                apply(false);
            }
            Ok(plan) => {
                message.set(None);
                pending.set(Some(plan));
            }
        }
    };
    let chosen = move |_| {
        let Some(element) = input.get_untracked() else { return };
        leptos::task::spawn_local(async move {
            let text = browser::read_import_file(&element).await;
            sealed_file.set(None);
            match text {
                Ok(text) => match EncryptedExport::from_text(&text) {
                    Some(file) => {
                        message.set(None);
                        file_error.set(None);
                        sealed_file.set(Some(file));
                        request_animation_frame(move || {
                            if let Some(i) = passphrase_input.get_untracked() {
                                let _ = i.focus();
                            }
                        });
                    }
                    None => plan_text(Ok(text)),
                },
                Err(error) => plan_text(Err(error)),
            }
        });
    };
    let open_sealed = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(file) = sealed_file.get_untracked() else { return };
        let passphrase = file_passphrase.get_untracked();
        file_error.set(None);
        leptos::task::spawn_local(async move {
            match vault_view::open_encrypted_export(&file, &passphrase).await {
                Ok(text) => {
                    sealed_file.try_set(None);
                    file_passphrase.try_set(String::new());
                    plan_text(Ok(text));
                }
                Err(e) => {
                    file_error.try_set(Some(e.message_key()));
                    if let Some(i) = passphrase_input.get_untracked() {
                        let _ = i.focus();
                        i.select();
                    }
                }
            }
        });
    };

    view! {
        <h2>{tr("import.title")}</h2>
        <Field id="mw-import" label="import.label" hint="import.hint">
            <input id="mw-import" type="file" accept=".json,application/json" node_ref=input on:change=chosen/>
        </Field>
        <Show when=move || sealed_file.with(Option::is_some)>
            <form class="mw-form mw-import-sealed" on:submit=open_sealed>
                <Field id="mw-import-passphrase" label="vault.import_passphrase" hint="vault.import_encrypted" error=file_error>
                    <input id="mw-import-passphrase" type="password" required autocomplete="current-password" node_ref=passphrase_input
                        prop:value=move || file_passphrase.get() on:input=move |ev| file_passphrase.set(event_target_value(&ev))/>
                </Field>
                <button type="submit" class="mw-button">{tr("vault.import_open")}</button>
                <button type="button" class="mw-button mw-button--secondary" on:click=move |_| sealed_file.set(None)>{tr("action.cancel")}</button>
            </form>
        </Show>
        <div role="status">
            {move || message.get().map(|m| view! { <p class="mw-notice">{m}</p> })}
        </div>
        {move || pending.get().map(|plan| {
            let lang = app.lang.get();
            let codes: Vec<String> = plan.duplicates.iter().map(|d| d.case_code.clone()).collect();
            view! {
                <div class="mw-confirm" role="alert">
                    <p>{t_count(lang, "import.duplicates", plan.new.len(), &[("codes", &codes.join(", "))])}</p>
                    <button type="button" class="mw-button mw-button--danger" on:click=move |_| apply(true)>{tr("import.replace")}</button>
                    <button type="button" class="mw-button" on:click=move |_| apply(false)>{tr("import.keep")}</button>
                    <button type="button" class="mw-button mw-button--secondary" on:click=move |_| pending.set(None)>{tr("action.cancel")}</button>
                </div>
            }
        })}
    }
}

#[component]
fn SectorRouteLinks(sector: Sector) -> impl IntoView {
    let meldcode = use_meldcode();
    let routes: Vec<_> = meldcode.content.with_value(|c| c.routes_for(sector.id()).cloned().collect());
    (!routes.is_empty()).then(|| view! {
        <h2>{tr("sector_routes.title")}</h2>
        <ul>
            {routes.into_iter().map(|r| {
                let title = r.title.clone();
                view! { <li><a href=Screen::Meldcode.href_to(&["route", &r.id])>{in_lang(title)}</a></li> }
            }).collect_view()}
        </ul>
    })
}

#[component]
pub fn SectorRouteScreen(id: String) -> impl IntoView {
    let meldcode = use_meldcode();
    let route = meldcode.content.with_value(|c| c.sector_routes.iter().find(|r| r.id == id).cloned());
    let back = view! { <p><a href=Screen::Meldcode.href()>{tr("meldcode.back_to_list")}</a></p> };
    match route {
        None => view! { <h1 class="mw-title" tabindex="-1">{tr("title.not_found")}</h1> {back} }.into_any(),
        Some(route) => {
            let (title, intro, steps) = (route.title.clone(), route.intro.clone(), route.steps.clone());
            view! {
                <h1 class="mw-title" tabindex="-1">{in_lang(title)}</h1>
                <p class="mw-lead">{in_lang(intro)}</p>
                <ol class="mw-steps-list">
                    {steps.into_iter().map(|s| view! { <li>{in_lang(s)}</li> }).collect_view()}
                </ol>
                <p><SourceNote source=route.source.clone()/></p>
                {back}
            }.into_any()
        }
    }
}

#[component]
pub fn ProfileScreen() -> impl IntoView {
    let meldcode = use_meldcode();
    let draft = RwSignal::new(meldcode.profile.get_untracked().unwrap_or_default());
    let saved = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match store::save_profile(&draft.get_untracked()) {
            Ok(()) => {
                meldcode.profile.set(Some(draft.get_untracked()));
                meldcode.problem.set(None);
                go(&Screen::Meldcode.href());
            }
            Err(e) => meldcode.problem.set(Some(e.message_key())),
        }
        saved.set(true);
    };
    let text = move |id: &'static str, label: &'static str, get: fn(&Profile) -> String, set: fn(&mut Profile, String)| view! {
        <Field id=id label=label>
            <input id=id type="text" prop:value=move || draft.with(get)
                on:input=move |ev| { let v = event_target_value(&ev); draft.update(|p| set(p, v)); }/>
        </Field>
    };
    /// One radio button per option of a profile setting.
    fn choice<T: Copy + PartialEq + Send + Sync + 'static>(
        name: &'static str,
        legend: &'static str,
        options: [(T, &'static str); 2],
        get: fn(&Profile) -> T,
        set: fn(&mut Profile, T),
    ) -> impl IntoView {
        let draft = expect_context::<RwSignal<Profile>>();
        view! {
            <fieldset class="mw-fieldset">
                <legend>{tr(legend)}</legend>
                {options.into_iter().map(|(value, label)| view! {
                    <label class="mw-choice">
                        <input type="radio" name=name prop:checked=move || draft.with(|p| get(p) == value)
                            on:change=move |_| draft.update(|p| set(p, value))/>
                        {tr(label)}
                    </label>
                }).collect_view()}
            </fieldset>
        }
    }
    provide_context(draft);

    view! {
        <h1 class="mw-title" tabindex="-1">{tr("profile.title")}</h1>
        <p class="mw-lead">{tr("profile.lead")}</p>
        <StorageProblem/>
        <form class="mw-form" on:submit=save>
            <Field id="mw-sector" label="profile.sector">
                <select id="mw-sector" on:change=move |ev| {
                    if let Some(sector) = Sector::from_id(&event_target_value(&ev)) { draft.update(|p| p.sector = sector); }
                }>
                    {Sector::ALL.into_iter().map(|s| view! {
                        <option value=s.id() selected=move || draft.with(|p| p.sector == s)>{tr(s.label_key())}</option>
                    }).collect_view()}
                </select>
            </Field>
            {choice("mw-client", "profile.client", [(ClientKind::Child, "client.child"), (ClientKind::Adult, "client.adult")], |p| p.client, |p, v| p.client = v)}
            <div class="mw-field">
                <label class="mw-choice">
                    <input type="checkbox" prop:checked=move || draft.with(|p| p.doctor)
                        on:change=move |ev| { let v = event_target_checked(&ev); draft.update(|p| p.doctor = v); }/>
                    {tr("profile.doctor")}
                </label>
            </div>
            {text("mw-organisation", "profile.organisation", |p| p.organisation.clone(), |p, v| p.organisation = v)}
            {text("mw-af", "profile.aandachtsfunctionaris", |p| p.aandachtsfunctionaris.clone(), |p, v| p.aandachtsfunctionaris = v)}
            {text("mw-af-phone", "profile.aandachtsfunctionaris_phone", |p| p.aandachtsfunctionaris_phone.clone(), |p, v| p.aandachtsfunctionaris_phone = v)}
            {text("mw-decider", "profile.decider", |p| p.decider.clone(), |p, v| p.decider = v)}
            {choice("mw-afwegingen-in", "profile.afwegingen_in", [(AfwegingenStep::Four, "profile.afwegingen_step4"), (AfwegingenStep::Five, "profile.afwegingen_step5")], |p| p.afwegingen_in, |p, v| p.afwegingen_in = v)}
            <button type="submit" class="mw-button">{tr("profile.save")}</button>
        </form>
        <p><a href=Screen::Meldcode.href()>{tr("meldcode.back_to_list")}</a></p>
    }
}
