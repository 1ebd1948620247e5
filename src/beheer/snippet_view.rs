//! Placeholder: filled in by the Beheer work.

use leptos::prelude::*;

#[component]
pub fn SnippetBuilder() -> impl IntoView {
    view! {}
}
