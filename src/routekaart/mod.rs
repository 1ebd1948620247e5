//! Routekaart: from worry to the right person. One route model (`model`, from
//! `content/routes.json` plus a region's local steps), shown plainly to burgers at `#/zorgen`
//! and precisely to professionals at `#/routekaart`, and printed per wijk. Its own module: see
//! `shell::capability`.

pub mod local;
pub mod model;
pub mod print;
mod screens;
mod state;

use crate::ground::route::Screen;
use crate::shell::state;
use leptos::prelude::*;
use model::RouteMap;
use state::{use_routekaart, Routekaart};

/// `#/zorgen[/<node>]` for burgers, `#/routekaart[/<node>]` for professionals,
/// `#/zorgen/afdrukken` for the printable routekaart.
#[component]
pub fn RoutekaartScreen() -> impl IntoView {
    provide_context(Routekaart::new(RouteMap::national()));
    screens_for_hash()
}

/// Beheer's preview: the same screens, for the place its editor chose (`place`, shared with
/// its own postcode and wijk fields), under the preview's own `AppState`.
#[component]
pub fn RoutekaartPreview(place: RwSignal<String>) -> impl IntoView {
    provide_context(Routekaart::new(RouteMap::national()).with_place(place));
    screens_for_hash()
}

/// The screen the app state's screen and sub-path name.
fn screens_for_hash() -> impl IntoView {
    let app = state();
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
