//! What every Beheer screen shares: the opened files and the checker's verdict on them.

use super::workspace::Workspace;
use crate::content::check::Checked;
use crate::content::NationalContent;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct BeheerState {
    /// The files the editor opened (nothing is uploaded: they stay in this page's memory).
    pub workspace: RwSignal<Workspace>,
    /// The check of the opened pack and its files; `None` while no pack is open.
    pub checked: Memo<Option<Checked>>,
}

impl BeheerState {
    pub fn new() -> BeheerState {
        let workspace = RwSignal::new(Workspace::default());
        let national = NationalContent::load();
        let checked = Memo::new(move |_| workspace.with(|w| w.check(&national, chrono::Local::now().date_naive())));
        BeheerState { workspace, checked }
    }
}

/// The state the Beheer screen provided.
pub fn use_beheer() -> BeheerState {
    expect_context::<BeheerState>()
}
