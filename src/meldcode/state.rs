//! What the meldcode screens share: the `Meldcode` state (profile, dossiers, storage problems,
//! protection) with its storing and reading, and `use_meldcode` to reach it. Apart from the root
//! (`mod.rs`), so the screens the root shows can use it without importing the root back.

use super::content::MeldcodeContent;
use super::dossier::{self, Dossier};
use super::profile::Profile;
use super::store::{self, Broken};
use super::{device_store, merge};
use crate::shell::{state, AppState};
use leptos::prelude::*;

/// What the meldcode screens share.
#[derive(Clone, Copy)]
pub struct Meldcode {
    pub content: StoredValue<MeldcodeContent>,
    pub profile: RwSignal<Option<Profile>>,
    pub dossiers: RwSignal<Vec<Dossier>>,
    pub broken: RwSignal<Vec<Broken>>,
    /// Translation key of the last storage problem, shown until the next success.
    pub problem: RwSignal<Option<&'static str>>,
    /// The disclosure button was pressed: the acute guidance takes the focus once it shows.
    pub focus_acute: RwSignal<bool>,
    /// Dossiers whose latest edit is on screen but could not be stored (see `fields`).
    pub unsaved: RwSignal<Vec<String>>,
    /// Whether the drafts are encrypted and this tab holds the key (`store::Protection`).
    pub protection: RwSignal<store::Protection>,
    /// This tab's id in a dossier's write counts (`merge::Known`).
    pub writer: StoredValue<String>,
    /// The content, whose region or organisation pack may preset the profile.
    app: AppState,
}

impl Meldcode {
    pub(super) fn load() -> Meldcode {
        let meldcode = Meldcode {
            content: StoredValue::new(MeldcodeContent::load()),
            profile: RwSignal::new(None),
            dossiers: RwSignal::new(Vec::new()),
            broken: RwSignal::new(Vec::new()),
            problem: RwSignal::new(None),
            focus_acute: RwSignal::new(false),
            unsaved: RwSignal::new(Vec::new()),
            protection: RwSignal::new(store::Protection::Off),
            writer: StoredValue::new(store::new_id()),
            app: state(),
        };
        meldcode.reload();
        meldcode
    }

    /// Reads storage again: at start and when another tab changed a dossier. Without a stored
    /// profile, the organisation's preset from its pack (if any) serves until the user saves.
    pub(super) fn reload(&self) {
        self.protection.set(store::protection());
        let preset = self.app.content.with_untracked(|c| c.region.as_ref().and_then(|r| r.meldcode_profile.clone()));
        match store::load_profile() {
            Ok(profile) => self.profile.set(profile.or(preset)),
            Err(e) => {
                self.profile.set(preset);
                self.problem.set(Some(e.message_key()));
            }
        }
        match store::load_all() {
            Ok((dossiers, broken)) => {
                self.dossiers.set(dossiers);
                self.broken.set(broken);
            }
            Err(e) => self.problem.set(Some(e.message_key())),
        }
    }

    /// Forgets the key and every decrypted dossier; the screens show the unlock form.
    pub fn lock(&self) {
        if self.protection.get_untracked() == store::Protection::Unlocked {
            // Leave the field first: its change and focusout handlers store the last edit
            // while the editor (and the key) still exist, not after they are gone.
            if let Some(active) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element()) {
                if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(active) {
                    let _ = element.blur();
                }
            }
            store::lock();
            self.reload();
        }
    }

    pub fn dossier(&self, id: &str) -> Option<Dossier> {
        self.dossiers.with_untracked(|all| all.iter().find(|d| d.id == id).cloned())
    }

    /// Stores a dossier changed from the list's copy and updates the list; on failure the
    /// stored version stays as it was.
    pub fn save(&self, dossier: &Dossier) -> bool {
        let known = merge::Known::new(&self.writer.get_value(), self.dossier(&dossier.id).unwrap_or_else(|| dossier.clone()));
        self.store(&known, dossier).is_some()
    }

    /// Stores `dossier`, changed from what the caller `known`s, merged with what another tab
    /// stored since; returns what was stored and what the caller knows now, `None` when
    /// storing failed.
    pub fn store(&self, known: &merge::Known, dossier: &Dossier) -> Option<(Dossier, merge::Known)> {
        match store::save(known, dossier) {
            Ok((stored, known, pending)) => {
                self.problem.set(None);
                if let Some(pending) = pending {
                    // Encrypted writes land a moment later; a refusal is shown as for a plain one.
                    let (meldcode, id) = (*self, stored.id.clone());
                    leptos::task::spawn_local(async move {
                        if let Err(e) = pending.await {
                            meldcode.problem.try_set(Some(e.message_key()));
                            meldcode.unsaved.try_update(|ids| if !ids.contains(&id) { ids.push(id) });
                        }
                    });
                }
                self.dossiers.update(|all| dossier::put(all, stored.clone()));
                Some((stored, known))
            }
            Err(e) => {
                self.problem.set(Some(e.message_key()));
                None
            }
        }
    }
}

impl Meldcode {
    /// Gives a dossier another case code and stores it; `false` when storing failed.
    pub fn rename(&self, dossier: &Dossier, case_code: &str) -> bool {
        let mut renamed = dossier.clone();
        renamed.rename(case_code, chrono::Utc::now());
        self.save(&renamed)
    }

    /// Deletes a dossier from storage and from the list; `false` (with the problem shown)
    /// when storage refused.
    pub fn delete(&self, id: &str) -> bool {
        match store::delete(id) {
            Ok(()) => {
                self.dossiers.update(|all| dossier::remove(all, id));
                true
            }
            Err(e) => {
                self.problem.set(Some(e.message_key()));
                false
            }
        }
    }

    /// "Alles wissen": every dossier, the drafts that no longer open, the retention warnings
    /// and the encryption key (`device_store::wipe_all`); protection is off until a new
    /// passphrase is set. `false` (with the problem shown) when storage refused.
    pub fn wipe_all(&self) -> bool {
        match device_store::wipe_all() {
            Ok(_) => {
                self.dossiers.set(Vec::new());
                self.broken.set(Vec::new());
                self.unsaved.set(Vec::new());
                self.problem.set(None);
                self.reload();
                true
            }
            Err(e) => {
                self.problem.set(Some(e.message_key()));
                false
            }
        }
    }

    /// The dossiers an import wrote: in the list, and the last storage problem gone.
    pub fn imported(&self, written: &[Dossier]) {
        self.problem.set(None);
        self.dossiers.update(|all| dossier::put_imported(all, written));
    }

    /// Every dossier id in storage, also of drafts that no longer open: an import never
    /// overwrites one unasked.
    pub fn ids_in_use(&self) -> Vec<String> {
        let mut ids: Vec<String> = self.dossiers.with_untracked(|all| all.iter().map(|d| d.id.clone()).collect());
        ids.extend(self.broken.with_untracked(|all| {
            all.iter().filter_map(|b| b.name.strip_prefix(store::DOSSIER_PREFIX).map(String::from)).collect::<Vec<_>>()
        }));
        ids
    }
}

pub fn use_meldcode() -> Meldcode {
    expect_context::<Meldcode>()
}
