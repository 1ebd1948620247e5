//! What the sociale kaart screens share: the directory as loaded (`MapState`), the search,
//! "Mijn lijstje" and the clock (`SocialMap`), and `use_social_map` to reach them. Apart from
//! the root (`mod.rs`), so the screens the root shows can use them without importing it back.

use super::directory::Directory;
use super::import::ImportIssue;
use super::query::SearchQuery;
use crate::content::Issue;
use crate::shell::{set_if_changed, show_in_address};
use crate::storage::{self, Area};
use chrono::NaiveDateTime;
use leptos::prelude::*;
use std::sync::Arc;

/// The sociale kaart as loaded from the region's files.
pub struct Loaded {
    pub directory: Directory,
    /// Records or fields the import left out or warned about, for the gemeente's editor.
    pub issues: Vec<ImportIssue>,
    /// Files that could not be fetched.
    pub unread: Vec<Issue>,
    /// Issues past the number kept per file.
    pub more_issues: usize,
}

#[derive(Clone)]
pub enum MapState {
    /// The region pack names no sociale kaart (or there is no region).
    NoMap,
    Loading,
    Ready(Arc<Loaded>),
}

/// What the sociale kaart screens share.
#[derive(Clone, Copy)]
pub struct SocialMap {
    /// Derived from the region's files and the directory built from them.
    pub state: Signal<MapState>,
    pub query: RwSignal<SearchQuery>,
    pub my_list: MyList,
    /// The local time opening states are computed for; moves on every minute.
    pub now: RwSignal<NaiveDateTime>,
}

pub fn use_social_map() -> SocialMap {
    expect_context::<SocialMap>()
}

impl SocialMap {
    /// Shows `query` and puts it in the URL without a history entry per keystroke.
    pub fn set_query(&self, query: SearchQuery) {
        show_in_address(&query.href());
        set_if_changed(self.query, query);
    }

    /// `#/sociale-kaart?…`: back to the search as the user left it.
    pub fn search_href(&self) -> String {
        self.query.with(SearchQuery::href)
    }
}

const STORAGE_NAME: &str = "sociale-kaart-lijstje";

#[derive(Clone, Copy)]
pub struct MyList {
    pub ids: RwSignal<Vec<String>>,
    /// The user asked to keep the list on this device.
    pub kept: RwSignal<bool>,
    /// Translation key of the last storage problem.
    pub problem: RwSignal<Option<&'static str>>,
}

impl MyList {
    pub fn load() -> MyList {
        let (ids, kept, problem) = match storage::load::<Vec<String>>(Area::Local, STORAGE_NAME) {
            Ok(Some(ids)) => (ids, true, None),
            Ok(None) => (Vec::new(), false, None),
            Err(e) => (Vec::new(), false, Some(e.message_key())),
        };
        MyList { ids: RwSignal::new(ids), kept: RwSignal::new(kept), problem: RwSignal::new(problem) }
    }

    pub fn contains(&self, id: &str) -> bool {
        self.ids.with(|ids| ids.iter().any(|i| i == id))
    }

    pub fn toggle(&self, id: &str) {
        self.ids.update(|ids| match ids.iter().position(|i| i == id) {
            Some(at) => {
                ids.remove(at);
            }
            None => ids.push(id.to_string()),
        });
        if self.kept.get_untracked() {
            self.keep();
        }
    }

    /// Stores the list; on failure the list stays in memory and the user is told why.
    pub fn keep(&self) {
        match storage::save(Area::Local, STORAGE_NAME, &self.ids.get_untracked()) {
            Ok(()) => {
                self.kept.set(true);
                self.problem.set(None);
            }
            Err(e) => self.problem.set(Some(e.message_key())),
        }
    }

    pub fn forget(&self) {
        match storage::remove(Area::Local, STORAGE_NAME) {
            Ok(()) => {
                self.kept.set(false);
                self.problem.set(None);
            }
            Err(e) => self.problem.set(Some(e.message_key())),
        }
    }
}
