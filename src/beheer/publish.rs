//! Placeholder: filled in by the Beheer work.

use leptos::prelude::*;

#[component]
pub fn Publish() -> impl IntoView {
    view! {}
}
