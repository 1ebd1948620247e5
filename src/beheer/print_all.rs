//! Every wijk's routekaart on its own A4 page, in one print job.

use leptos::prelude::*;

#[component]
pub fn PrintAllWijken() -> impl IntoView {
    view! {}
}
