//! What the routekaart screens share: the routes, the place the user gave and where to go for
//! it (`Routekaart`), and `use_routekaart` to reach them. Apart from the root (`mod.rs`), so
//! the screens the root shows can use them without importing it back.

use super::model::RouteMap;
use crate::content::Content;
use crate::ground::postcode::postcode4;
use crate::shell::state;
use crate::sociale_kaart::model::ServiceLink;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

/// Per theme, the service serving a postcode (`sociale_kaart::where_to_go`).
pub type WhereToGo = BTreeMap<String, ServiceLink>;

/// How the routekaart learns where to go for a postcode: the shell asks the sociale kaart's
/// module (it carries no importer); Beheer, which does, reads the files itself.
pub type FindWhereToGo = fn(Content, u16) -> WhereToGoAnswer;
pub type WhereToGoAnswer = Pin<Box<dyn Future<Output = Option<WhereToGo>>>>;

/// A region's sociale kaart (its pack's address) and a postcode.
type Asked = (String, u16);

/// What the routekaart screens share. The place lives in memory only: citizen pages store
/// nothing.
#[derive(Clone, Copy)]
pub struct Routekaart {
    pub routes: StoredValue<RouteMap>,
    /// The postcode or wijk the user gave for local help.
    pub place: RwSignal<String>,
    /// The region's sociale kaart (its pack's address) and the place's postcode, when both are
    /// known: what `found` is asked for.
    asked: Memo<Option<Asked>>,
    /// Where to go, tagged with what it was asked for.
    found: LocalResource<Option<(Asked, Rc<WhereToGo>)>>,
    wanted: RwSignal<bool>,
}

impl Routekaart {
    /// A route points to a service: ask where to go once the user has given a postcode. The
    /// sociale kaart's files (and, in the shell, its module) load only then.
    pub fn want_services(&self) {
        if !self.wanted.get_untracked() {
            self.wanted.set(true);
        }
    }

    /// The service for `theme` at the place's postcode, once it is known; `None` while it is
    /// on its way, without a postcode or sociale kaart, or when none serves it.
    pub fn where_to_go(&self, theme: &str) -> Option<ServiceLink> {
        let asked = self.asked.get().filter(|_| self.wanted.get())?;
        match self.found.get()? {
            Some((of, found)) if of == asked => found.get(theme).cloned(),
            _ => None,
        }
    }

    /// `place`: a signal of its own, or Beheer's, which its preview's fields share.
    pub(super) fn new(routes: RouteMap, find: FindWhereToGo, place: RwSignal<String>) -> Routekaart {
        let app = state();
        let wanted = RwSignal::new(false);
        let asked = Memo::new(move |_| {
            let of = app.content.with(|c| c.region.as_ref().filter(|r| r.social_map.is_some()).and_then(|r| r.loaded_from.clone()))?;
            Some((of, place.with(|p| postcode4(p))?))
        });
        let found = LocalResource::new(move || {
            // `wanted` read first and directly: it is set in the same pass that makes this
            // resource (the first "where to go" block), and a signal marks the resource dirty
            // where a memo would only ask it to check, which its first run does not see.
            let wanted = wanted.get();
            let asked = asked.get().filter(|_| wanted);
            async move {
                let asked = asked?;
                let found = find(app.content.get_untracked(), asked.1).await?;
                Some((asked, Rc::new(found)))
            }
        });
        Routekaart { routes: StoredValue::new(routes), place, asked, found, wanted }
    }
}

pub fn use_routekaart() -> Routekaart {
    expect_context::<Routekaart>()
}
