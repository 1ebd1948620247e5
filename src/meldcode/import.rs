//! Imports that cannot hurt: the rules for ids and nesting that every import file meets, and
//! writing a planned dossier import all or nothing. Plain Rust: the storage is a trait, so the
//! rollback is tested natively with a store that fills up half-way.

use super::dossier::{Dossier, ImportError, ImportPlan};
use crate::ground::problem::StorageError;

/// Where dossiers are stored, one text per id: browser storage in the app, a map in tests.
pub trait DossierSlots {
    /// The stored text of the dossier with this id, if any.
    fn read(&self, id: &str) -> Option<String>;
    /// Stores `text` under this id; a refused write leaves the previous text in place.
    fn write(&mut self, id: &str, text: &str) -> Result<(), StorageError>;
    fn remove(&mut self, id: &str);
    /// Whether `chars` more characters fit now (the app writes a probe of that size and
    /// removes it again).
    fn can_hold(&mut self, chars: usize) -> bool;
    /// Characters a stored dossier takes besides its text (its key).
    fn overhead(&self, id: &str) -> usize;
}

/// The dossiers an import writes: the new ones, and the duplicates only when `replace`.
pub fn to_write(plan: &ImportPlan, replace: bool) -> Vec<&Dossier> {
    plan.new.iter().chain(plan.duplicates.iter().filter(|_| replace)).collect()
}

/// Characters the import needs beyond what is stored now: each new dossier's key and text,
/// and for a replaced dossier only what its new text is longer than the old. Browsers count
/// storage in characters (UTF-16 code units), so this counts them the same way.
pub fn space_needed(writes: &[(&str, String)], slots: &impl DossierSlots) -> usize {
    writes
        .iter()
        .map(|(id, text)| {
            let new = text.encode_utf16().count();
            match slots.read(id) {
                Some(old) => new.saturating_sub(old.encode_utf16().count()),
                None => new + slots.overhead(id),
            }
        })
        .sum()
}

/// Writes a planned import all or nothing: first checks that the whole import fits, then
/// writes; a write refused half-way (another tab filled the storage meanwhile) undoes every
/// write of this import, so the store is as it was. Returns the dossiers written.
pub fn apply_import(plan: &ImportPlan, replace: bool, slots: &mut impl DossierSlots) -> Result<Vec<Dossier>, ImportError> {
    let dossiers = to_write(plan, replace);
    let writes: Vec<(&str, String)> = dossiers.iter().map(|d| (d.id.as_str(), d.to_stored())).collect();
    write_all(&writes, slots)?;
    Ok(dossiers.into_iter().cloned().collect())
}

/// Writes `(id, text)` pairs all or nothing (see `apply_import`); the texts may be the
/// dossiers' plain stored form or, with protection, their encrypted form.
pub fn write_all(writes: &[(&str, String)], slots: &mut impl DossierSlots) -> Result<(), ImportError> {
    if !slots.can_hold(space_needed(writes, slots)) {
        return Err(ImportError::NoSpace);
    }
    let mut done: Vec<(&str, Option<String>)> = Vec::with_capacity(writes.len());
    for (id, text) in writes {
        let before = slots.read(id);
        if slots.write(id, text).is_err() {
            for (id, before) in done.into_iter().rev() {
                match before {
                    Some(old) => {
                        let _ = slots.write(id, &old);
                    }
                    None => slots.remove(id),
                }
            }
            return Err(ImportError::WriteFailed);
        }
        done.push((id, before));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meldcode::dossier::{export, plan_import, ItemPart, MAX_IMPORT_ITEMS};
    use crate::meldcode::profile::Profile;
    use chrono::{DateTime, Utc};
    use std::collections::BTreeMap;

    fn now() -> DateTime<Utc> {
        "2026-11-22T13:32:00Z".parse().unwrap()
    }

    fn dossier(id: &str) -> Dossier {
        Dossier::new(id.into(), format!("KO-{id}"), &Profile::default(), now())
    }

    /// A store of `capacity` characters that can also refuse the n-th write on its own.
    #[derive(Default)]
    struct Memory {
        items: BTreeMap<String, String>,
        capacity: usize,
        fail_write: Option<usize>,
        writes: usize,
    }

    impl Memory {
        fn used(&self) -> usize {
            self.items.iter().map(|(k, v)| k.len() + v.len()).sum()
        }
    }

    impl DossierSlots for Memory {
        fn read(&self, id: &str) -> Option<String> {
            self.items.get(id).cloned()
        }
        fn write(&mut self, id: &str, text: &str) -> Result<(), StorageError> {
            self.writes += 1;
            let old = self.items.get(id).map_or(0, |v| v.len() + id.len());
            if self.fail_write == Some(self.writes) || self.used() - old + id.len() + text.len() > self.capacity {
                return Err(StorageError::Full);
            }
            self.items.insert(id.into(), text.into());
            Ok(())
        }
        fn remove(&mut self, id: &str) {
            self.items.remove(id);
        }
        fn can_hold(&mut self, chars: usize) -> bool {
            self.used() + chars <= self.capacity
        }
        fn overhead(&self, id: &str) -> usize {
            id.len()
        }
    }

    fn store_with(ids: &[&str], capacity: usize) -> Memory {
        let mut store = Memory { capacity, ..Default::default() };
        for id in ids {
            store.items.insert(id.to_string(), dossier(id).to_stored());
        }
        store
    }

    fn plan(ids: &[&str], existing: &[&str]) -> ImportPlan {
        let file = export(&ids.iter().map(|id| dossier(id)).collect::<Vec<_>>(), now());
        plan_import(&file, &existing.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap()
    }

    #[test]
    fn an_import_that_does_not_fit_writes_nothing() {
        let plan = plan(&["a", "b", "c"], &[]);
        let one = dossier("a").to_stored().len() + 1;
        let mut store = store_with(&["x"], dossier("x").to_stored().len() + 1 + 2 * one);
        let before = store.items.clone();
        assert_eq!(apply_import(&plan, false, &mut store), Err(ImportError::NoSpace));
        assert_eq!(store.items, before);
        assert_eq!(store.writes, 0, "refused before the first write");
    }

    #[test]
    fn an_import_that_fits_writes_everything() {
        let plan = plan(&["a", "b", "x"], &["x"]);
        let mut store = store_with(&["x"], 1_000_000);
        let written = apply_import(&plan, false, &mut store).unwrap();
        assert_eq!(written.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(store.items.len(), 3);
        let written = apply_import(&plan, true, &mut store).unwrap();
        assert_eq!(written.len(), 3);
    }

    #[test]
    fn a_write_refused_half_way_undoes_the_whole_import() {
        let mut store = store_with(&["x", "y"], 1_000_000);
        store.items.insert("x".into(), "oude tekst van x".into());
        let before = store.items.clone();
        let plan = plan(&["a", "x", "b", "c"], &["x", "y"]);
        store.fail_write = Some(3);
        assert_eq!(apply_import(&plan, true, &mut store), Err(ImportError::WriteFailed));
        assert_eq!(store.items, before, "new dossiers removed, the replaced one restored");
    }

    #[test]
    fn a_replacement_needs_only_what_it_grows() {
        let store = store_with(&["x"], 0);
        let text = dossier("x").to_stored();
        assert_eq!(space_needed(&[("x", text.clone())], &store), 0);
        assert_eq!(space_needed(&[("x", text.clone() + "12345")], &store), 5);
        assert_eq!(space_needed(&[("new", "é€".into())], &store), 2 + 3, "UTF-16 units plus the key");
    }

    #[test]
    fn ten_thousand_dossiers_a_bad_id_and_a_double_id_are_refused_with_their_position() {
        let many: Vec<Dossier> = (0..MAX_IMPORT_ITEMS + 1).map(|i| dossier(&format!("d{i}"))).collect();
        assert_eq!(plan_import(&export(&many, now()), &[]), Err(ImportError::TooMany { count: MAX_IMPORT_ITEMS + 1 }));
        assert!(plan_import(&export(&many[..MAX_IMPORT_ITEMS], now()), &[]).is_ok());
        let file = export(&[dossier("a"), dossier("a/b")], now());
        assert_eq!(plan_import(&file, &[]), Err(ImportError::BadId { index: 2, code: "KO-a/b".into() }));
        let file = export(&[dossier("a"), dossier("b"), dossier("a")], now());
        assert_eq!(plan_import(&file, &[]), Err(ImportError::DuplicateInFile { index: 3, code: "KO-a".into() }));
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let deep = format!(r#"{{"format":"meldwijzer-dossiers","version":1,"dossiers":{}{}}}"#, "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(plan_import(&deep, &[]), Err(ImportError::TooDeep));
        assert_eq!(plan_import(&"[".repeat(100_000), &[]), Err(ImportError::TooDeep));
    }

    #[test]
    fn messages_are_plain_words_naming_the_dossier_never_parser_text() {
        use crate::i18n::{t, Lang};
        let mut file: serde_json::Value = serde_json::from_str(&export(&[dossier("a"), dossier("b")], now())).unwrap();
        file["dossiers"][1]["signals"] = "kapot".into();
        file["dossiers"][0].as_object_mut().unwrap().remove("version");
        let error = plan_import(&file.to_string(), &[]).unwrap_err();
        assert_eq!(error, ImportError::BadItem { index: 1, code: "KO-a".into(), part: ItemPart::Basics });
        file["dossiers"][0]["version"] = 1.into();
        let error = plan_import(&file.to_string(), &[]).unwrap_err();
        assert_eq!(error, ImportError::BadItem { index: 2, code: "KO-b".into(), part: ItemPart::Step(1) });
        assert_eq!(
            error.message(Lang::Nl),
            "Dossier 2 in dit bestand (KO-b) kan niet worden gelezen. Er ontbreekt iets of er is iets beschadigd in: stap 1 (Signalen in kaart brengen). Er is niets geïmporteerd."
        );
        let errors = [
            ImportError::TooLarge { size: 50 << 20 },
            ImportError::TooMany { count: 10_000 },
            ImportError::TooDeep,
            ImportError::NotJson,
            ImportError::WrongFormat,
            ImportError::NewerVersion { found: 2 },
            ImportError::BadItem { index: 1, code: String::new(), part: ItemPart::Basics },
            ImportError::BadItem { index: 1, code: String::new(), part: ItemPart::Result },
            ImportError::BadId { index: 1, code: "x".into() },
            ImportError::DuplicateInFile { index: 1, code: "x".into() },
            ImportError::NoSpace,
            ImportError::WriteFailed,
        ];
        for error in errors {
            for lang in Lang::ALL {
                let text = error.message(lang);
                assert_ne!(t(lang, error.message_key()), error.message_key(), "{error:?}");
                assert!(!text.contains('{') && !text.contains("missing field") && !text.contains("invalid type"), "{text}");
            }
        }
        assert!(ImportError::TooMany { count: 10_000 }.message(Lang::Nl).contains("1000"));
    }
}
