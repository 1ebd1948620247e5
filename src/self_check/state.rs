//! What the zelftest screens share: its content with the region's own items (`SelfCheck`,
//! `use_self_check`) and the saved results in browser storage. Apart from the root (`mod.rs`),
//! so the screens the root shows can use them without importing it back.

use super::model::{SavedResult, SelfCheckContent};
use crate::storage::{self, Area, StorageError};
use leptos::prelude::*;

const STORAGE_PREFIX: &str = "zelftest:";

/// Saved results of one check, oldest first.
pub fn load_saved(check: &str) -> Result<Vec<SavedResult>, StorageError> {
    storage::load::<Vec<SavedResult>>(Area::Local, &format!("{STORAGE_PREFIX}{check}")).map(Option::unwrap_or_default)
}

pub fn store_saved(check: &str, results: &[SavedResult]) -> Result<(), StorageError> {
    storage::save(Area::Local, &format!("{STORAGE_PREFIX}{check}"), &results)
}

#[derive(Clone, Copy)]
pub struct SelfCheck {
    pub content: Memo<SelfCheckContent>,
}

pub fn use_self_check() -> SelfCheck {
    expect_context::<SelfCheck>()
}
