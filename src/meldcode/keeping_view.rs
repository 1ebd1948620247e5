//! On the dossier list: where the drafts live and whether the browser keeps them, Safari's
//! seven days, each dossier's age and reminder, the organisation's retention period, and
//! "Alles wissen". The decisions are `keeping`'s; this renders them and sends the events.

use super::keeping::{self, Persistence, RetentionPolicy};
use super::device_store;
use super::state::use_meldcode;
use crate::i18n::{long_date, t, t_count, t_with};
use crate::shell::{state, tr, AppState};
use crate::storage::device;
use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The organisation's rules from its pack, or the defaults (a reminder after 30 days).
fn policy(app: AppState) -> RetentionPolicy {
    app.content.with(|c| c.region.as_ref().and_then(|r| r.meldcode_retention.clone())).unwrap_or_default()
}

/// Call after a dossier was stored: the first one asks the browser to keep the storage.
pub fn after_create(was_first: bool) {
    if was_first {
        leptos::task::spawn_local(async {
            let _ = device::request_persistence().await;
        });
    }
}

/// Dossiers warned about on this visit, with the day from which each is deleted.
#[derive(Clone, Copy)]
pub struct Warned(RwSignal<BTreeMap<String, NaiveDate>>);

/// Applies the organisation's retention period on this visit (warn, or delete after two
/// warned visits) and provides the warnings to the dossier cards. Returns a notice of what
/// was deleted.
pub fn retention_visit() -> impl IntoView {
    let meldcode = use_meldcode();
    let app = state();
    let warned = Warned(RwSignal::new(BTreeMap::new()));
    provide_context(warned);
    let deleted = RwSignal::new(0usize);
    Effect::new(move |_| {
        let policy = policy(app);
        if policy.delete_after_days.is_none() {
            return;
        }
        let dossiers: Vec<(String, NaiveDate)> =
            meldcode.dossiers.with(|all| all.iter().map(|d| (d.id.clone(), keeping::local_day(d.updated))).collect());
        let today = keeping::local_day(Utc::now());
        let plan = keeping::plan_visit(&dossiers, today, &policy, &device_store::load_warnings());
        // Through the model, like a delete on the list: storage and list together, and a
        // refusal shown as a storage problem.
        let removed = plan.delete.iter().filter(|id| meldcode.delete(id)).count();
        let _ = device_store::save_warnings(&plan.warnings);
        warned.0.set(plan.warn.into_iter().collect());
        if removed > 0 {
            deleted.update(|n| *n += removed);
        }
    });
    move || {
        let count = deleted.get();
        (count > 0).then(|| view! {
            <p class="mw-notice" role="status">{move || t_count(app.lang.get(), "keeping.deleted", count, &[])}</p>
        })
    }
}

/// Where the drafts live, whether the browser keeps them, Safari's seven days, Alles wissen.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let meldcode = use_meldcode();
    let app = state();
    let persistence = RwSignal::new(None::<Persistence>);
    leptos::task::spawn_local(async move {
        let answer = device::is_persisted().await;
        persistence.try_set(Some(Persistence::from_answer(answer)));
    });
    let host = device::host();
    let safari = keeping::deleted_after_a_week_unvisited(&device::user_agent(), device::is_installed());
    let wiped = RwSignal::new(false);
    view! {
        <section class="mw-notice mw-keeping" aria-labelledby="mw-keeping-title">
            <h2 id="mw-keeping-title">{tr("keeping.title")}</h2>
            <p class="mw-keeping__where">{move || t_with(app.lang.get(), "keeping.where", &[("host", &host)])}</p>
            <p>{tr("meldcode.privacy")}</p>
            <p class="mw-keeping__persist">{move || persistence.get().map(|p| t(app.lang.get(), p.message_key()))}</p>
            {safari.then(|| view! { <p class="mw-keeping__safari"><strong>{tr("keeping.safari")}</strong></p> })}
            {move || (!meldcode.dossiers.with(Vec::is_empty) || !meldcode.broken.with(Vec::is_empty)).then(|| view! { <WipeAll wiped/> })}
            <div role="status">{move || wiped.get().then(|| view! { <p>{tr("keeping.wiped")}</p> })}</div>
        </section>
    }
}

#[component]
fn WipeAll(wiped: RwSignal<bool>) -> impl IntoView {
    let meldcode = use_meldcode();
    let app = state();
    let confirming = RwSignal::new(false);
    let wipe = move |_| {
        // The key goes too: protection is off until a new passphrase is set.
        if meldcode.wipe_all() {
            confirming.set(false);
            wiped.set(true);
        }
    };
    let count = move || meldcode.dossiers.with(Vec::len) + meldcode.broken.with(Vec::len);
    view! {
        <p class="mw-hint">{tr("keeping.wipe_hint")}</p>
        <p><button type="button" class="mw-button mw-button--danger" on:click=move |_| confirming.set(true)>{tr("keeping.wipe")}</button></p>
        <Show when=move || confirming.get()>
            <div class="mw-confirm" role="alert">
                <p>{move || t_count(app.lang.get(), "keeping.wipe_confirm", count(), &[])}</p>
                <button type="button" class="mw-button mw-button--danger" on:click=wipe>{tr("keeping.wipe_now")}</button>
                <button type="button" class="mw-button mw-button--secondary" on:click=move |_| confirming.set(false)>{tr("action.cancel")}</button>
            </div>
        </Show>
    }
}

/// A dossier's age, and the reminder or retention warning when they apply.
#[component]
pub fn DossierAge(id: String, created: DateTime<Utc>) -> impl IntoView {
    let app = state();
    let warned = use_context::<Warned>();
    let made = keeping::local_day(created);
    let today = keeping::local_day(Utc::now());
    let days = keeping::age_days(made, today);
    let age = move || {
        let lang = app.lang.get();
        t_count(lang, "keeping.age", days.try_into().unwrap_or(0), &[])
    };
    let remind = move || keeping::needs_reminder(made, today, &policy(app));
    let due = move || warned.and_then(|w| w.0.with(|all| all.get(&id).copied()));
    view! {
        <p class="mw-hint mw-dossier__age">{age}</p>
        {move || remind().then(|| view! {
            <p class="mw-notice mw-notice--warning mw-dossier__remind">
                {move || t_with(app.lang.get(), "keeping.remind", &[("days", &days.to_string())])}
            </p>
        })}
        {move || due().map(|due| view! {
            <p class="mw-notice mw-notice--warning mw-dossier__retention">
                {move || {
                    let lang = app.lang.get();
                    let period = policy(app).delete_after_days.unwrap_or_default().to_string();
                    t_with(lang, "keeping.delete_warning", &[("days", &period), ("date", &long_date(lang, due))])
                }}
            </p>
        })}
    }
}
