//! Zelftest for professionals, organisations and gemeenten. The checks, scoring, comparison
//! and practice cases are plain Rust (`model`); the screens render them. Answers live in
//! memory until the user saves a result (then in browser storage, with earlier saves kept
//! for the comparison).

mod check;
pub mod model;
mod practice;
mod state;

use crate::ground::route::Screen;
use crate::shell::{in_lang, state, tr, ScreenHeading};
use leptos::prelude::*;
use model::SelfCheckContent;
use state::{use_self_check, SelfCheck};

/// `#/zelftest` chooses a check; `#/zelftest/<check>`, `#/zelftest/kennis` and
/// `#/zelftest/oefenen/<case>` are its screens.
#[component]
pub fn SelfCheckScreen() -> impl IntoView {
    let app = state();
    // An organisation's or gemeente's own items join the checks they name, also when its pack
    // arrives after this screen opened.
    let content = Memo::new(move |_| {
        app.content.with(|c| SelfCheckContent::load().with_region(c.region.as_ref().and_then(|r| r.self_check.as_ref())))
    });
    provide_context(SelfCheck { content });
    move || {
        content.track();
        let path = app.sub_path.get();
        match path.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
            ["kennis"] => practice::Knowledge().into_any(),
            ["oefenen", id] => practice::Case(practice::CaseProps { id: id.to_string() }).into_any(),
            [id] => check::CheckScreen(check::CheckScreenProps { id: id.to_string() }).into_any(),
            _ => Choose().into_any(),
        }
    }
}

#[component]
fn Choose() -> impl IntoView {
    let checks = use_self_check().content.with_untracked(|c| c.checks.clone());
    view! {
        <ScreenHeading screen=Screen::SelfCheck/>
        <p class="mw-lead">{tr("self_check.lead")}</p>
        <ul class="mw-doors">
            {checks.into_iter().map(|check| view! {
                <li>
                    <a class="mw-door" href=Screen::SelfCheck.href_to(&[&check.id])>
                        <span class="mw-door__label">{in_lang(check.title.clone())}</span>
                        <span class="mw-door__hint">{in_lang(check.intro.clone())}</span>
                    </a>
                </li>
            }).collect_view()}
        </ul>
        <p class="mw-hint">{tr("self_check.privacy")}</p>
    }
}
