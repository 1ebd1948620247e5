//! Routekaart: from worry to the right person. One route model (`model`, from
//! `content/routes.json` plus a region's local steps), shown plainly to burgers at `#/zorgen`
//! and precisely to professionals at `#/routekaart`, and printed per wijk. Its own module: see
//! `shell::capability`.

mod local;
pub mod model;
mod print;
mod screens;

use crate::content::Content;
use crate::ground::route::Screen;
use crate::shell::state;
use crate::sociale_kaart::{self, model::ServiceRecord};
use leptos::prelude::*;
use model::RouteMap;
use std::sync::Arc;

/// What the routekaart screens share. The place lives in memory only: citizen pages store
/// nothing.
#[derive(Clone, Copy)]
pub struct Routekaart {
    pub routes: StoredValue<RouteMap>,
    /// The postcode or wijk the user gave for local help.
    pub place: RwSignal<String>,
    /// The region's sociale kaart, fetched the first time a route points to a service in it.
    pub services: RwSignal<Option<Arc<Vec<ServiceRecord>>>>,
    /// Which region's sociale kaart was asked for: its pack's address.
    services_of: StoredValue<Option<String>>,
}

impl Routekaart {
    /// Fetches the region's sociale kaart unless it is here or on its way.
    pub fn want_services(&self, content: &Content) {
        let region = content.region.as_ref().and_then(|r| r.loaded_from.clone());
        if self.services_of.get_value() == region {
            return;
        }
        self.services_of.set_value(region);
        self.services.set(None);
        let (services, content) = (self.services, content.clone());
        leptos::task::spawn_local(async move {
            let imported = sociale_kaart::fetch_and_import(&content).await;
            services.set(imported.map(|(import, _)| Arc::new(import.records)));
        });
    }
}

pub fn use_routekaart() -> Routekaart {
    expect_context::<Routekaart>()
}

/// `#/zorgen[/<node>]` for burgers, `#/routekaart[/<node>]` for professionals,
/// `#/zorgen/afdrukken` for the printable routekaart.
#[component]
pub fn RoutekaartScreen() -> impl IntoView {
    let app = state();
    provide_context(Routekaart {
        routes: StoredValue::new(RouteMap::national()),
        place: RwSignal::new(String::new()),
        services: RwSignal::new(None),
        services_of: StoredValue::new(None),
    });
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
