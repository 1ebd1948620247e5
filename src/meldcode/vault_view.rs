//! Protection at rest on screen: setting a passphrase (offered on the list, required when the
//! organisation's pack says so), the unlock screen, changing the passphrase, and what locks
//! the store (inactivity, "Snel weg", leaving the page). Rules and formats are `vault`'s, the
//! key and the encrypted writes `store`'s.

use super::store::{self, Protection, VaultError};
use super::vault::{self, EncryptedExport, ProtectionPolicy};
use super::state::{use_meldcode, Meldcode};
use crate::i18n::t_with;
use crate::ground::route::Screen;
use crate::shell::{go, state, tr, AppState};
use crate::shell::field::Field;
use crate::storage::crypto;
use leptos::{ev, html, prelude::*};
use wasm_bindgen::JsCast;

/// Sent on the window by "Snel weg" before it leaves: the store locks at once.
pub const LOCK_EVENT: &str = "meldwijzer:lock";

/// The organisation's rules from its pack, or the defaults (offered, 15 minutes).
pub fn policy(app: AppState) -> ProtectionPolicy {
    // Tracked: an organisation's pack can arrive after the meldcode has opened.
    app.content.with(|c| c.region.as_ref().and_then(|r| r.meldcode_protection.clone())).unwrap_or_default()
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Locks on inactivity, on "Snel weg" and when the page goes (reload, close, back-forward
/// cache): the key lives only in this page's memory and is dropped. Call once per mount.
pub fn watch_lock(meldcode: Meldcode) {
    let app = state();
    let idle = StoredValue::new(vault::IdleLock::new(now_ms(), policy(app).lock_after_ms()));
    let touch = move || idle.update_value(|i| i.touch(now_ms()));
    let handles = [
        window_event_listener(ev::keydown, move |_| touch()),
        window_event_listener(ev::pointerdown, move |_| touch()),
        window_event_listener(ev::input, move |_| touch()),
    ];
    let on_hide = window_event_listener(ev::pagehide, move |_| meldcode.lock());
    let on_exit = window_event_listener_untyped(LOCK_EVENT, move |_| meldcode.lock());
    // A new unlock starts the time again.
    Effect::new(move |_| {
        if meldcode.protection.get() == Protection::Unlocked {
            idle.set_value(vault::IdleLock::new(now_ms(), policy(app).lock_after_ms()));
        }
    });
    let timer = set_interval_with_handle(
        move || {
            idle.update_value(|i| i.set_after_ms(policy(app).lock_after_ms()));
            if meldcode.protection.get_untracked() == Protection::Unlocked && idle.with_value(|i| i.is_due(now_ms())) {
                meldcode.lock();
            }
        },
        std::time::Duration::from_secs(5),
    )
    .ok();
    on_cleanup(move || {
        for handle in handles {
            handle.remove();
        }
        on_hide.remove();
        on_exit.remove();
        if let Some(timer) = timer {
            timer.clear();
        }
    });
}

fn focus(node: NodeRef<html::Input>) {
    request_animation_frame(move || {
        if let Some(input) = node.get_untracked() {
            let _ = input.focus();
            input.select();
        }
    });
}

/// A labelled password field with its hint and error tied to it.
#[component]
fn PassphraseField(
    id: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    value: RwSignal<String>,
    error: Signal<Option<&'static str>>,
    autocomplete: &'static str,
    #[prop(optional)] node: Option<NodeRef<html::Input>>,
) -> impl IntoView {
    let node = node.unwrap_or_default();
    view! {
        <Field id=id label=label hint=hint error=error>
            <input id=id type="password" required autocomplete=autocomplete spellcheck="false" node_ref=node
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
        </Field>
    }
}

/// A new passphrase typed twice, with the warning that it cannot be recovered before it is set.
/// `done` runs with the checked passphrase; its result's error is shown under the form.
#[component]
fn NewPassphraseForm(
    prefix: &'static str,
    submit_label: &'static str,
    done: Callback<(String, RwSignal<Option<&'static str>>, RwSignal<bool>)>,
) -> impl IntoView {
    let first = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<vault::PassphraseProblem>);
    let failed = RwSignal::new(None::<&'static str>);
    let busy = RwSignal::new(false);
    let first_node = NodeRef::<html::Input>::new();
    let again_node = NodeRef::<html::Input>::new();
    let submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        failed.set(None);
        match vault::check_new_passphrase(&first.get_untracked(), &again.get_untracked()) {
            Err(p) => {
                problem.set(Some(p));
                focus(if p == vault::PassphraseProblem::TooShort { first_node } else { again_node });
            }
            Ok(()) => {
                problem.set(None);
                busy.set(true);
                done.run((first.get_untracked(), failed, busy));
                first.set(String::new());
                again.set(String::new());
            }
        }
    };
    let first_error = Signal::derive(move || problem.get().filter(|p| *p == vault::PassphraseProblem::TooShort).map(|p| p.message_key()));
    let again_error = Signal::derive(move || problem.get().filter(|p| *p == vault::PassphraseProblem::DoNotMatch).map(|p| p.message_key()));
    let (first_id, again_id) = match prefix {
        "change" => ("mw-vault-change-new", "mw-vault-change-again"),
        _ => ("mw-vault-new", "mw-vault-again"),
    };
    let label = if prefix == "change" { "vault.new_passphrase" } else { "vault.passphrase" };
    view! {
        <p class="mw-notice mw-notice--warning mw-vault__warning"><strong>{tr("vault.warning")}</strong></p>
        <form class="mw-form" on:submit=submit>
            <PassphraseField id=first_id label=label hint="vault.passphrase_hint" value=first error=first_error autocomplete="new-password" node=first_node/>
            <PassphraseField id=again_id label="vault.again" value=again error=again_error autocomplete="new-password" node=again_node/>
            <button type="submit" class="mw-button" aria-disabled=move || busy.get().then_some("true")>{tr(submit_label)}</button>
        </form>
        <div role="status">
            {move || busy.get().then(|| view! { <p>{tr("vault.working")}</p> })}
        </div>
        {move || failed.get().map(|key| view! { <p class="mw-error" role="alert">{tr(key)}</p> })}
    }
}

/// On the list: the offer (or the organisation's demand) to protect the drafts, or, when on,
/// what protects them, "Nu vergrendelen" and changing the passphrase.
#[component]
pub fn ProtectionSection() -> impl IntoView {
    let meldcode = use_meldcode();
    let app = state();
    let done_message = RwSignal::new(None::<&'static str>);
    let changing = RwSignal::new(false);
    let enable = Callback::new(move |(passphrase, failed, busy): (String, RwSignal<Option<&'static str>>, RwSignal<bool>)| {
        leptos::task::spawn_local(async move {
            let result = store::enable(&passphrase).await;
            busy.try_set(false);
            match result {
                Ok(()) => {
                    meldcode.reload();
                    done_message.try_set(Some("vault.enabled"));
                }
                Err(e) => drop(failed.try_set(Some(e.message_key()))),
            }
        });
    });
    let change = Callback::new(move |(passphrase, failed, busy): (String, RwSignal<Option<&'static str>>, RwSignal<bool>)| {
        leptos::task::spawn_local(async move {
            let result = store::change_passphrase(&passphrase).await;
            busy.try_set(false);
            match result {
                Ok(()) => {
                    changing.try_set(false);
                    done_message.try_set(Some("vault.changed"));
                }
                Err(e) => drop(failed.try_set(Some(e.message_key()))),
            }
        });
    });
    let minutes = move || (policy(app).lock_after_ms() / 60_000.0).round().to_string();
    view! {
        <section class="mw-notice mw-vault" aria-labelledby="mw-vault-title">
            <h2 id="mw-vault-title">{tr("vault.title")}</h2>
            {move || match meldcode.protection.get() {
                Protection::Off => view! {
                    <p>{tr(if policy(app).required { "vault.required" } else { "vault.recommend" })}</p>
                    <NewPassphraseForm prefix="enable" submit_label="vault.enable" done=enable/>
                }.into_any(),
                _ => view! {
                    <p class="mw-vault__on">{move || t_with(app.lang.get(), "vault.on", &[("minutes", &minutes())])}</p>
                    <p><button type="button" class="mw-button mw-button--secondary" on:click=move |_| meldcode.lock()>{tr("vault.lock_now")}</button></p>
                    <Show when=move || !changing.get()>
                        <p><button type="button" class="mw-link-button" on:click=move |_| { done_message.set(None); changing.set(true); }>{tr("vault.change")}</button></p>
                    </Show>
                    <Show when=move || changing.get()>
                        <h3>{tr("vault.change")}</h3>
                        <NewPassphraseForm prefix="change" submit_label="vault.change" done=change/>
                        <p><button type="button" class="mw-button mw-button--secondary" on:click=move |_| changing.set(false)>{tr("action.cancel")}</button></p>
                    </Show>
                }.into_any(),
            }}
            <div role="status">{move || done_message.get().map(|key| view! { <p>{tr(key)}</p> })}</div>
        </section>
    }
}

/// While locked, the only meldcode screen: the passphrase, and the way out when it is lost.
#[component]
pub fn UnlockScreen() -> impl IntoView {
    let meldcode = use_meldcode();
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let busy = RwSignal::new(false);
    let forgot = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let input = NodeRef::<html::Input>::new();
    let heading = NodeRef::<html::H1>::new();
    // A lock while the user was elsewhere on the page: say so where focus goes.
    request_animation_frame(move || {
        let inside = heading.get_untracked().and_then(|h| h.parent_element());
        let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
        let lost = active.is_none_or(|a| a.tag_name() == "BODY" || inside.is_some_and(|p| !p.contains(Some(a.unchecked_ref()))));
        if lost {
            if let Some(h) = heading.get_untracked() {
                let _ = h.focus();
            }
        }
    });
    let submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let typed = passphrase.get_untracked();
        leptos::task::spawn_local(async move {
            let result = store::unlock(&typed).await;
            busy.try_set(false);
            match result {
                Ok(()) => {
                    passphrase.try_set(String::new());
                    meldcode.reload();
                }
                Err(e) => {
                    error.try_set(Some(e.message_key()));
                    focus(input);
                }
            }
        });
    };
    let wipe = move |_| {
        if meldcode.wipe_all() {
            // The dossier the address named is gone: back to the (empty) list.
            go(&Screen::Meldcode.href());
        }
    };
    view! {
        <h1 class="mw-title" tabindex="-1" node_ref=heading>{tr("vault.locked_title")}</h1>
        <p class="mw-lead">{tr("vault.locked_text")}</p>
        <form class="mw-form mw-vault__unlock" on:submit=submit>
            <PassphraseField id="mw-vault-unlock" label="vault.passphrase" value=passphrase error=Signal::derive(move || error.get())
                autocomplete="current-password" node=input/>
            <button type="submit" class="mw-button" aria-disabled=move || busy.get().then_some("true")>{tr("vault.unlock")}</button>
        </form>
        <div role="status">{move || busy.get().then(|| view! { <p>{tr("vault.unlocking")}</p> })}</div>
        <p><button type="button" class="mw-link-button" aria-expanded=move || forgot.get().to_string()
            on:click=move |_| forgot.update(|f| *f = !*f)>{tr("vault.forgot")}</button></p>
        <Show when=move || forgot.get()>
            <div class="mw-notice mw-notice--warning">
                <p>{tr("vault.forgot_text")}</p>
                <p><button type="button" class="mw-button mw-button--danger" on:click=move |_| confirming.set(true)>{tr("keeping.wipe")}</button></p>
                <Show when=move || confirming.get()>
                    <div class="mw-confirm" role="alert">
                        <p>{tr("vault.wipe_confirm")}</p>
                        <button type="button" class="mw-button mw-button--danger" on:click=wipe>{tr("keeping.wipe_now")}</button>
                        <button type="button" class="mw-button mw-button--secondary" on:click=move |_| confirming.set(false)>{tr("action.cancel")}</button>
                    </div>
                </Show>
            </div>
        </Show>
    }
}

/// The dossiers' export text sealed with the vault's key, with its salt and rounds, so the
/// same passphrase opens it on another device. `None` when the store is not unlocked.
pub async fn encrypted_export(plain_export: String) -> Option<String> {
    let (key, params) = store::export_key()?;
    let sealed = crypto::encrypt(&key, &plain_export).await.ok()?;
    Some(EncryptedExport::new(params, sealed).to_text())
}

/// The plain export text inside an encrypted export file, with the passphrase it was made with.
pub async fn open_encrypted_export(file: &EncryptedExport, passphrase: &str) -> Result<String, VaultError> {
    let to_error = |e| match e {
        crypto::CryptoError::Unavailable => VaultError::NoCrypto,
        crypto::CryptoError::WrongKey => VaultError::WrongPassphrase,
    };
    let key = crypto::open_key(passphrase, &file.key).await.map_err(to_error)?;
    crypto::decrypt(&key, &file.dossiers).await.map_err(to_error)
}
