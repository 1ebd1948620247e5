//! Routekaart: from worry to the right person. One route model (`model`, from
//! `content/routes.json` plus a region's local steps), shown plainly to burgers at `#/zorgen`
//! and precisely to professionals at `#/routekaart`, and printed per wijk. Its own module: see
//! `shell::capability`.

mod local;
pub mod model;
mod print;
mod screens;

use crate::shell::{route::Screen, state};
use leptos::prelude::*;
use model::RouteMap;

/// What the routekaart screens share. The place lives in memory only: citizen pages store
/// nothing.
#[derive(Clone, Copy)]
pub struct Routekaart {
    pub routes: StoredValue<RouteMap>,
    /// The postcode or wijk the user gave for local help.
    pub place: RwSignal<String>,
}

pub fn use_routekaart() -> Routekaart {
    expect_context::<Routekaart>()
}

/// `#/zorgen[/<node>]` for burgers, `#/routekaart[/<node>]` for professionals,
/// `#/zorgen/afdrukken` for the printable routekaart.
#[component]
pub fn RoutekaartScreen() -> impl IntoView {
    let app = state();
    provide_context(Routekaart { routes: StoredValue::new(RouteMap::national()), place: RwSignal::new(String::new()) });
    move || {
        let screen = app.screen.get();
        let path = app.sub_path.get();
        match (screen, path.first().map(String::as_str)) {
            (Screen::Citizen, Some("afdrukken")) => print::PrintedRoutekaart().into_any(),
            (screen, node) => {
                let routes = use_routekaart().routes;
                let start = routes.with_value(|r| {
                    if screen == Screen::ProfessionalRoutes { r.professional_start.clone() } else { r.citizen_start.clone() }
                });
                let id = node.map(str::to_string).unwrap_or_else(|| start.clone());
                screens::NodeScreen(screens::NodeScreenProps { screen, start, id }).into_any()
            }
        }
    }
}
