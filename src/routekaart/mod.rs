//! Routekaart: from worry to the right person. One route model (`model`, from
//! `content/routes.json` plus a region's local steps), shown plainly to burgers at `#/zorgen`
//! and precisely to professionals at `#/routekaart`, and printed per wijk. Its own module: see
//! `shell::capability`.

mod local;
pub mod model;
mod print;
mod screens;

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
    /// The region's sociale kaart: its pack's address; `None` when it names none.
    services_of: Memo<Option<String>>,
    /// The region's records, tagged with the address they were fetched for.
    services: LocalResource<(Option<String>, Option<Arc<Vec<ServiceRecord>>>)>,
    wanted: RwSignal<bool>,
}

impl Routekaart {
    /// Asks for the region's sociale kaart: fetched once per region, when a route first points
    /// to a service in it.
    pub fn want_services(&self) {
        if !self.wanted.get_untracked() {
            self.wanted.set(true);
        }
    }

    /// The region's records, once they are here; `None` while they are on their way and
    /// without a sociale kaart.
    pub fn services(&self) -> Option<Arc<Vec<ServiceRecord>>> {
        let wanted = self.services_of.get().filter(|_| self.wanted.get())?;
        match self.services.get()? {
            (Some(of), services) if of == wanted => services,
            _ => None,
        }
    }

    fn new(routes: RouteMap) -> Routekaart {
        let app = state();
        let wanted = RwSignal::new(false);
        let services_of = Memo::new(move |_| {
            app.content.with(|c| c.region.as_ref().filter(|r| r.social_map.is_some()).and_then(|r| r.loaded_from.clone()))
        });
        let services = LocalResource::new(move || {
            // `wanted` read first and directly: it is set in the same pass that makes this
            // resource (the first "where to go" block), and a signal marks the resource dirty
            // where a memo would only ask it to check, which its first run does not see.
            let wanted = wanted.get();
            let of = services_of.get().filter(|_| wanted);
            async move {
                let records = match of {
                    Some(_) => {
                        let content = app.content.get_untracked();
                        sociale_kaart::fetch_and_import(&content).await.map(|(import, _)| Arc::new(import.records))
                    }
                    None => None,
                };
                (of, records)
            }
        });
        Routekaart { routes: StoredValue::new(routes), place: RwSignal::new(String::new()), services_of, services, wanted }
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
    provide_context(Routekaart::new(RouteMap::national()));
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
