//! Meldcode: the five steps, the afwegingskader and the dossier (issue 3).

use crate::shell::{route::Screen, ComingSoon};
use leptos::prelude::*;

#[component]
pub fn MeldcodeScreen() -> impl IntoView {
    view! { <ComingSoon screen=Screen::Meldcode text="coming_soon.meldcode"/> }
}
