//! The pack previewed as a citizen sees it: the routekaart for a postcode or wijk, the
//! sociale kaart with the pack's data, the meldcode with the organisation's preset, in the
//! gemeente's theme. Renders the app's own components with the opened files.

use leptos::prelude::*;

#[component]
pub fn Preview() -> impl IntoView {
    view! {}
}
