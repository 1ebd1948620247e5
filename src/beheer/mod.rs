//! Beheer: a gemeente's editor opens its region pack and sociale kaart files in the browser,
//! sees what the checker says of them, previews them as a citizen would see them, and
//! downloads fixed files and the embed snippet. Nothing is uploaded.
//!
//! Pure files (tested natively): `workspace`, `fixes`, `new_pack`, `snippet`, `staleness`,
//! `links`, `preview_model`, `wijk_pages`. Components: this file's screen and its parts `open`,
//! `report`, `preview`, `print_all`, `publish`, `staleness_view`, `snippet_view`; `state` is
//! what they share.

pub mod fixes;
pub mod links;
pub mod new_pack;
pub mod open;
pub mod preview;
pub mod preview_model;
pub mod print_all;
pub mod publish;
pub mod report;
pub mod snippet;
pub mod snippet_view;
pub mod staleness;
pub mod staleness_view;
pub mod state;
pub mod wijk_pages;
pub mod workspace;

use crate::ground::route::Screen;
use links::href;
use crate::shell::{state, tr, ScreenHeading};
use leptos::prelude::*;

/// Beheer's sub-screens, by the hash's sub-path.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Part {
    /// `#/beheer`: open the files and read the check.
    Open,
    Preview,
    Print,
    Publish,
    Staleness,
    Snippet,
    /// `#/beheer/dienst/<id>`: one service the report names.
    Record(String),
}

/// The parts in the navigation, with their sub-path and label.
const NAV: [(Part, &str, &str); 6] = [
    (Part::Open, "", "beheer.nav.open"),
    (Part::Preview, "bekijken", "beheer.nav.preview"),
    (Part::Print, "afdrukken", "beheer.nav.print"),
    (Part::Publish, "publiceren", "beheer.nav.publish"),
    (Part::Staleness, "controledatum", "beheer.nav.staleness"),
    (Part::Snippet, "insluiten", "beheer.nav.snippet"),
];

impl Part {
    /// An unknown sub-path opens the first part.
    fn from_path(path: &[String]) -> Part {
        match path.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
            ["dienst", id] => Part::Record(id.to_string()),
            [slug] => NAV.iter().find(|(_, s, _)| s == slug).map(|(part, _, _)| part.clone()).unwrap_or(Part::Open),
            _ => Part::Open,
        }
    }

    /// Whether the part shows the opened pack (the snippet and the opening itself do not).
    fn needs_pack(&self) -> bool {
        // The others say themselves what to do without a readable pack: the preview and the
        // print offer the example, the new-pack form is for a gemeente with none, and the
        // corrected pack is for one that does not parse.
        matches!(self, Part::Record(_))
    }
}

/// The Beheer screen, mounted by its own wasm module (`src/bin/beheer.rs`). Its parts are
/// sub-screens: `#/beheer` (open and check), `#/beheer/bekijken` (preview),
/// `#/beheer/afdrukken` (every wijk), `#/beheer/publiceren` (downloads, new pack),
/// `#/beheer/controledatum` (last checked), `#/beheer/insluiten` (embed snippet), and
/// `#/beheer/dienst/<id>` (a service the report names). The opened files are kept while the
/// editor moves between them.
#[component]
pub fn BeheerScreen() -> impl IntoView {
    // Nothing Beheer shows is kept in this browser: the previewed meldcode and sociale kaart
    // work in memory, and never show a professional's own dossiers or lists.
    crate::storage::keep_in_memory();
    provide_context(state::BeheerState::new());
    let app = state();
    let beheer = state::use_beheer();
    let part = Memo::new(move |_| Part::from_path(&app.sub_path.get()));
    let has_pack = Memo::new(move |_| beheer.checked.with(|c| c.as_ref().is_some_and(|c| c.pack.is_some())));
    let body = move || {
        let part = part.get();
        if part.needs_pack() && !has_pack.get() {
            return view! {
                <p class="mw-admin-needs-pack">{tr("beheer.nav.needs_pack")}" "<a href=href("")>{tr("beheer.nav.to_open")}</a></p>
            }
            .into_any();
        }
        match part {
            Part::Open => view! { <open::OpenFiles/><report::Report/> }.into_any(),
            Part::Preview => view! { <preview::Preview/> }.into_any(),
            Part::Print => view! { <print_all::PrintAllWijken/> }.into_any(),
            Part::Publish => view! { <publish::Publish/> }.into_any(),
            Part::Staleness => view! { <staleness_view::Staleness/> }.into_any(),
            Part::Snippet => view! { <snippet_view::SnippetBuilder/> }.into_any(),
            Part::Record(id) => view! { <report::RecordDetail id=id/> }.into_any(),
        }
    };
    view! {
        <ScreenHeading screen=Screen::Admin/>
        <p class="mw-lead">{tr("beheer.lead")}</p>
        <nav class="mw-admin-nav mw-no-print" aria-label=tr("beheer.nav.label")>
            <ul>
                {NAV.iter().map(|(this, sub, label)| {
                    let this = this.clone();
                    let current = move || (part.get() == this).then_some("page");
                    view! { <li><a href=href(sub) aria-current=current>{tr(label)}</a></li> }
                }).collect_view()}
            </ul>
        </nav>
        <div class="mw-admin-part">{body}</div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_has_its_sub_path_and_an_unknown_one_opens_the_first() {
        let path = |hash: &str| Part::from_path(&crate::ground::route::sub_path(hash));
        for (part, sub, _) in NAV {
            assert_eq!(path(&href(sub)), part);
        }
        assert_eq!(path("#/beheer/dienst/buurtteam-noord"), Part::Record("buurtteam-noord".into()));
        assert_eq!(path("#/beheer/bestaat-niet"), Part::Open);
        assert!(!Part::Snippet.needs_pack() && !Part::Open.needs_pack() && !Part::Preview.needs_pack());
        assert!(Part::Record("x".into()).needs_pack());
    }
}
