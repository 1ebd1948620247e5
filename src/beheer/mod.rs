//! Beheer: a gemeente's editor opens its region pack and sociale kaart files in the browser,
//! sees what the checker says of them, previews them as a citizen would see them, and
//! downloads fixed files and the embed snippet. Nothing is uploaded.
//!
//! Pure files (tested natively): `workspace`, `fixes`, `new_pack`, `snippet`, `staleness`.
//! Components: this file's screen, `preview`, `print_all`.

pub mod fixes;
pub mod new_pack;
pub mod preview;
pub mod print_all;
pub mod snippet;
pub mod staleness;
pub mod workspace;

use crate::shell::tr;
use crate::shell::ScreenHeading;
use crate::ground::route::Screen;
use leptos::prelude::*;

/// The Beheer screen, mounted by its own wasm module (`src/bin/beheer.rs`).
#[component]
pub fn BeheerScreen() -> impl IntoView {
    view! {
        <ScreenHeading screen=Screen::Admin/>
        <p class="mw-lead">{tr("beheer.lead")}</p>
    }
}
