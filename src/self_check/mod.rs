//! Zelftest for professionals, organisations and gemeenten (issue 6).

pub mod model;

use crate::shell::{route::Screen, ComingSoon};
use leptos::prelude::*;

#[component]
pub fn SelfCheckScreen() -> impl IntoView {
    view! { <ComingSoon screen=Screen::SelfCheck text="coming_soon.self_check"/> }
}
