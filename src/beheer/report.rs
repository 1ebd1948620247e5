//! Placeholder: filled in by the Beheer work.

use leptos::prelude::*;

#[component]
pub fn Report() -> impl IntoView {
    view! {}
}
