//! Language switch. The choice is kept on the device only when the user ticks the box.

use super::app_state::{state, tr};
use super::config::MountConfig;
use crate::i18n::{self, Lang};
use crate::storage::{self, Area};
use leptos::prelude::*;

const KEY: &str = "lang";

/// A remembered choice wins over the page's setting.
pub fn initial(config: &MountConfig) -> Lang {
    storage::load::<Lang>(Area::Local, KEY).ok().flatten().or(config.lang).unwrap_or_default()
}

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let app = state();
    let remembered = storage::load::<Lang>(Area::Local, KEY).ok().flatten().is_some();
    let remember = RwSignal::new(remembered);
    let problem = RwSignal::new(None::<&'static str>);

    let keep = move |lang: Lang, keep: bool| {
        let result = if keep {
            storage::save(Area::Local, KEY, &lang)
        } else {
            storage::remove(Area::Local, KEY)
        };
        problem.set(result.err().map(|e| e.message_key()));
    };

    let other = move || match app.lang.get() {
        Lang::Nl => Lang::En,
        Lang::En => Lang::Nl,
    };
    let switch = move |_| {
        let lang = other();
        app.lang.set(lang);
        if remember.get_untracked() {
            keep(lang, true);
        }
    };
    let toggle = move |ev| {
        let checked = event_target_checked(&ev);
        remember.set(checked);
        keep(app.lang.get_untracked(), checked);
    };

    view! {
        <div class="mw-lang">
            <button type="button" class="mw-link-button" lang=move || other().code() on:click=switch>
                {move || i18n::t(other(), "lang.switch_to")}
            </button>
            <label class="mw-lang__remember">
                <input type="checkbox" prop:checked=move || remember.get() on:change=toggle/>
                {tr("lang.remember")}
            </label>
            {move || problem.get().map(|key| view! {
                <p class="mw-error" role="alert">{move || i18n::t(app.lang.get(), key)}</p>
            })}
        </div>
    }
}
