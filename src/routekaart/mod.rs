//! Routekaart: from worry to the right person. One route model (`model`, from
//! `content/routes.json` plus a region's local steps), shown plainly to burgers at `#/zorgen`
//! and precisely to professionals at `#/routekaart`, and printed per wijk. Its own module (see
//! `shell::capability`), and built into the citizen shell (`src/bin/citizen.rs`) for pages
//! opened on a route.

pub mod local;
pub mod model;
pub mod print;
mod screens;
mod state;

use crate::ground::route::Screen;
use crate::shell::state;
use leptos::prelude::*;
use model::RouteMap;
use state::{use_routekaart, Routekaart, WhereToGoAnswer};

/// `#/zorgen[/<node>]` for burgers, `#/routekaart[/<node>]` for professionals,
/// `#/zorgen/afdrukken` for the printable routekaart.
#[component]
pub fn RoutekaartScreen() -> impl IntoView {
    provide_context(Routekaart::new(RouteMap::national(), ask_the_sociale_kaart, RwSignal::new(String::new())));
    screens_for_hash()
}

/// Beheer's preview: the same screens, for the place its editor chose (`place`, shared with
/// its own postcode and wijk fields), under the preview's own `AppState`. Beheer carries the
/// importer and its files are in its own memory, so it reads them itself.
#[component]
pub fn RoutekaartPreview(place: RwSignal<String>) -> impl IntoView {
    fn read_here(content: crate::content::Content, postcode: u16) -> WhereToGoAnswer {
        Box::pin(async move { crate::sociale_kaart::where_to_go(&content, postcode).await })
    }
    provide_context(Routekaart::new(RouteMap::national(), read_here, place));
    screens_for_hash()
}

/// The shell's way to where to go: the sociale kaart's module answers (`src/bin/sociale-kaart.rs`),
/// so the routekaart in the shell's module carries none of the importer.
fn ask_the_sociale_kaart(content: crate::content::Content, postcode: u16) -> WhereToGoAnswer {
    Box::pin(async move {
        let answer = crate::shell::capability::ask("sociale-kaart", "where_to_go", &content, postcode.into()).await?;
        serde_json::from_str(&answer).ok()
    })
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
