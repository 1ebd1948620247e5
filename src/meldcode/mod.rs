//! Meldcode: the five steps, the afwegingskader and the dossier.
//! Pure domain: `content`, `engine`, `dossier`, `profile`, `report`, `merge`, `import`,
//! `keeping`, `vault`. Components: `list` (dossiers, profile, import/export), `editor` (the
//! steps), `decision` (afwegingen, outcome, responsibility), `parts` (what both draw),
//! `print`; `state` (the `Meldcode` the screens share); `store` keeps drafts in browser storage.

pub mod content;
mod decision;
pub mod dossier;
mod device_store;
mod editor;
pub mod engine;
mod fields;
pub mod import;
pub mod keeping;
mod keeping_view;
pub mod merge;
mod list;
mod parts;
mod print;
pub mod profile;
pub mod report;
mod state;
mod store;
pub mod vault;
mod vault_view;

pub use profile::{ClientKind, Profile, Sector};

use crate::shell::state;
use leptos::{ev, prelude::*};
use state::Meldcode;

/// `#/meldcode` lists dossiers; `#/meldcode/profiel`, `#/meldcode/route/<id>`,
/// `#/meldcode/<dossier>/<step>` and `#/meldcode/nieuw/<step>` (a new dossier opened at a
/// step, the routekaart's way in) are its sub-screens.
#[component]
pub fn MeldcodeScreen() -> impl IntoView {
    let app = state();
    let meldcode = Meldcode::load();
    provide_context(meldcode);

    // Another tab saved or deleted a dossier: show the current state, never an old copy.
    let listener = window_event_listener(ev::storage, move |event| {
        let Some(key) = event.key() else { return };
        if store::is_vault_key(&key) {
            // Protection went on, off or to another passphrase elsewhere: this key is stale.
            store::lock();
            meldcode.reload();
        } else if store::is_dossier_key(&key) {
            if store::protection() == store::Protection::Unlocked {
                let name = key.strip_prefix(crate::storage::PREFIX).unwrap_or(&key).to_string();
                leptos::task::spawn_local(async move {
                    store::refresh(name, event.new_value()).await;
                    meldcode.reload();
                });
            } else {
                meldcode.reload();
            }
        }
    });
    vault_view::watch_lock(meldcode);
    // The organisation's preset arrived after this module mounted.
    Effect::new(move |first: Option<()>| {
        app.content.track();
        if first.is_some() {
            meldcode.reload();
        }
    });
    on_cleanup(move || listener.remove());

    // Only locking and unlocking change the screen; turning protection on keeps it (and its
    // message).
    let locked = Memo::new(move |_| meldcode.protection.get() == store::Protection::Locked);
    move || {
        // While locked nothing of a dossier is shown, whatever the address.
        if locked.get() {
            return vault_view::UnlockScreen().into_any();
        }
        let path = app.sub_path.get();
        let segments: Vec<&str> = path.iter().map(String::as_str).collect();
        match segments.as_slice() {
            [] => list::DossierList().into_any(),
            ["profiel"] => list::ProfileScreen().into_any(),
            ["route", id] => list::SectorRouteScreen(list::SectorRouteScreenProps { id: id.to_string() }).into_any(),
            ["nieuw", step] => list::NewDossier(list::NewDossierProps { step: step.to_string() }).into_any(),
            [id, rest @ ..] => {
                let view = rest.first().map(|s| s.to_string()).unwrap_or_else(|| "1".into());
                editor::Editor(editor::EditorProps { id: id.to_string(), view }).into_any()
            }
        }
    }
}
