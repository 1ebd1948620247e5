//! What the routekaart screens share: the routes, the place the user gave and the region's
//! services (`Routekaart`), and `use_routekaart` to reach them. Apart from the root (`mod.rs`),
//! so the screens the root shows can use them without importing it back.

use super::model::RouteMap;
use crate::shell::state;
use crate::sociale_kaart::{self, model::ServiceRecord};
use leptos::prelude::*;
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

    pub(super) fn new(routes: RouteMap) -> Routekaart {
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

impl Routekaart {
    /// The same, with the place kept in `place` (Beheer's preview sets it from its fields).
    pub(super) fn with_place(self, place: RwSignal<String>) -> Routekaart {
        Routekaart { place, ..self }
    }
}

pub fn use_routekaart() -> Routekaart {
    expect_context::<Routekaart>()
}
