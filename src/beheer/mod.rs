//! Beheer: a gemeente's editor opens its region pack and sociale kaart files in the browser,
//! sees what the checker says of them, previews them as a citizen would see them, and
//! downloads fixed files and the embed snippet. Nothing is uploaded.
//!
//! Pure files (tested natively): `workspace`, `fixes`, `new_pack`, `snippet`, `staleness`.
//! Components: this file's screen and its parts `open`, `report`, `preview`, `print_all`,
//! `publish`, `staleness_view`, `snippet_view`; `state` is what they share.

pub mod fixes;
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
use crate::shell::tr;
use crate::shell::ScreenHeading;
use leptos::prelude::*;

/// The Beheer screen, mounted by its own wasm module (`src/bin/beheer.rs`). Its parts are
/// sub-screens: `#/beheer` (open and check), `#/beheer/bekijken` (preview),
/// `#/beheer/afdrukken` (every wijk), `#/beheer/publiceren` (downloads, new pack),
/// `#/beheer/controledatum` (last checked), `#/beheer/insluiten` (embed snippet).
#[component]
pub fn BeheerScreen() -> impl IntoView {
    provide_context(state::BeheerState::new());
    view! {
        <ScreenHeading screen=Screen::Admin/>
        <p class="mw-lead">{tr("beheer.lead")}</p>
        <open::OpenFiles/>
        <report::Report/>
        <preview::Preview/>
        <print_all::PrintAllWijken/>
        <publish::Publish/>
        <staleness_view::Staleness/>
        <snippet_view::SnippetBuilder/>
    }
}
