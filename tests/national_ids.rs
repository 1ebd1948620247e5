//! A national number's id must not be one a region pack already uses for its own number: the
//! app refuses a pack that would replace a national number, so an editor who adds an id to
//! `content/national.json` could otherwise make a gemeente's pack refused whole. This test loads
//! every region pack in the repository (the example, the test hosts' packs, the fixtures) and
//! names the pack and the id of each collision.
//!
//! Contacts have ids of their own kind: the app looks numbers up only among numbers
//! (`Content::number`), so a contact id equal to a national number's id changes nothing and is
//! not a collision.
#![cfg(not(target_arch = "wasm32"))]

use meldwijzer::content::validate::parse_region_pack;
use meldwijzer::content::{NationalContent, Problem};
use meldwijzer::i18n::Lang;
use serde_json::Value;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Packs that reuse a national id on purpose, to test that the app refuses them.
const DELIBERATE: &[(&str, &str)] = &[("tests/e2e/hosts/hostile-region.json", "112")];

/// Every JSON file under `dir` that says it is a region pack.
fn region_packs(dir: &Path, found: &mut Vec<(String, Value)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() {
            if !["node_modules", "target", "dist", "test-results"].contains(&name) {
                region_packs(&path, found);
            }
        } else if name.ends_with(".json") {
            let Ok(text) = std::fs::read_to_string(&path) else { continue };
            let Ok(value) = serde_json::from_str::<Value>(&text) else { continue };
            if value.get("format").and_then(Value::as_str) == Some("meldwijzer-region") {
                let relative = path.strip_prefix(ROOT).unwrap_or(&path).to_string_lossy().replace('\\', "/");
                found.push((relative, value));
            }
        }
    }
}

fn all_region_packs() -> Vec<(String, Value)> {
    let mut found = Vec::new();
    for dir in ["public", "tests", "content"] {
        region_packs(&Path::new(ROOT).join(dir), &mut found);
    }
    found
}

/// `(field, id)` for each of the pack's own numbers whose id is a national number's.
fn collisions(pack: &Value, national_ids: &[&str]) -> Vec<(String, String)> {
    let numbers = pack.get("numbers").and_then(Value::as_array).cloned().unwrap_or_default();
    numbers
        .iter()
        .enumerate()
        .filter_map(|(i, number)| {
            let id = number.get("id").and_then(Value::as_str)?;
            national_ids.contains(&id).then(|| (format!("numbers[{i}].id"), id.to_string()))
        })
        .collect()
}

#[test]
fn no_region_pack_in_the_repository_uses_a_national_id_for_its_own_number() {
    let national = NationalContent::load();
    let ids = national.number_ids();
    let packs = all_region_packs();
    assert!(packs.len() >= 5 && packs.iter().any(|(path, _)| path == "public/regions/voorbeeldstad.json"),
        "found too few region packs: {:?}", packs.iter().map(|(p, _)| p).collect::<Vec<_>>());
    let mut problems = Vec::new();
    for (path, pack) in &packs {
        for (field, id) in collisions(pack, &ids) {
            if !DELIBERATE.contains(&(path.as_str(), id.as_str())) {
                problems.push(format!(
                    "{path}, {field}: \"{id}\" is also a national number's id in content/national.json; \
                     the app would refuse this pack whole. Give one of them another id."
                ));
            }
        }
    }
    for (path, id) in DELIBERATE {
        let still = packs.iter().any(|(p, pack)| p == path && collisions(pack, &ids).iter().any(|(_, i)| i == id));
        if !still {
            problems.push(format!("{path} no longer reuses the national id \"{id}\" it is meant to test with"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_national_id_reused_by_a_pack_is_refused_with_a_dutch_sentence_naming_it() {
    let national = NationalContent::load();
    let ids = national.number_ids();
    let example: Value = serde_json::from_str(&std::fs::read_to_string(format!("{ROOT}/public/regions/voorbeeldstad.json")).unwrap()).unwrap();
    assert!(example["numbers"].as_array().is_some_and(|n| !n.is_empty()), "the example pack has its own numbers");
    for id in &ids {
        let mut pack = example.clone();
        pack["numbers"][0]["id"] = Value::from(*id);
        let issues = parse_region_pack("regio.json", &pack.to_string(), &ids, chrono::Local::now().date_naive()).expect_err("a pack replacing a national number is refused");
        let issue = issues
            .iter()
            .find(|issue| issue.problem == Problem::ReplacesNationalNumber { id: id.to_string() })
            .unwrap_or_else(|| panic!("no message about the national id {id}: {issues:?}"));
        assert_eq!(issue.path, "numbers[0].id");
        let dutch = issue.message(Lang::Nl);
        assert!(dutch.starts_with("regio.json, veld numbers[0].id: ") && dutch.contains(&format!("\"{id}\"")) && dutch.contains("landelijk nummer"),
            "{dutch}");
        assert!(issue.message(Lang::En).contains(&format!("\"{id}\"")), "{}", issue.message(Lang::En));
    }
}
