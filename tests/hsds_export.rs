//! The sociale kaart as HSDS 3.0 JSON (`meldwijzer-check --hsds-out`): valid against Open
//! Referral's own schema (in `../shared/hsds/` where present; skipped, saying so, where not)
//! and read back by Meldwijzer as it was read the first time.
#![cfg(not(target_arch = "wasm32"))]

use meldwijzer::sociale_kaart::export::to_hsds;
use meldwijzer::sociale_kaart::import::hsds::import_hsds;
use meldwijzer::sociale_kaart::import::tabular::import_tabular_after;
use meldwijzer::sociale_kaart::import::template::import_csv;
use meldwijzer::sociale_kaart::model::{ServiceRecord, Taxonomy};
use serde_json::Value;

fn inputs() -> Vec<(&'static str, Vec<ServiceRecord>)> {
    let taxonomy = Taxonomy::default();
    vec![
        ("the CSV template", import_csv("sjabloon.csv", include_str!("../public/regions/sociale-kaart-sjabloon.csv"), &taxonomy, chrono::Local::now().date_naive()).records),
        ("the CSV fixture", import_csv("kaart.csv", include_str!("fixtures/sociale-kaart/template.csv"), &taxonomy, chrono::Local::now().date_naive()).records),
        ("the HSDS fixture", import_hsds("kaart.json", include_str!("fixtures/sociale-kaart/hsds-example.json"), &taxonomy, chrono::Local::now().date_naive()).records),
        ("the HSDS tabular fixture", tabular(&taxonomy)),
        ("the example region", import_hsds("kaart.json", include_str!("../public/regions/voorbeeldstad-sociale-kaart.json"), &taxonomy, chrono::Local::now().date_naive()).records),
    ]
}

/// The tabular fixture, its tables read from disk as the checker reads them.
fn tabular(taxonomy: &Taxonomy) -> Vec<ServiceRecord> {
    use meldwijzer::sociale_kaart::source::{FileFormat, SourceFile};
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sociale-kaart");
    let file = SourceFile { format: FileFormat::HsdsTabular, path: "tabular/datapackage.json".into() };
    let text = std::fs::read_to_string(folder.join(&file.path)).unwrap();
    let tables = file.tables(&text).into_iter()
        .filter_map(|path| Some((path.clone(), Ok(std::fs::read_to_string(folder.join(&path)).ok()?))))
        .collect();
    import_tabular_after(&file.path, &text, &tables, taxonomy, Default::default(), chrono::Local::now().date_naive()).records
}

#[test]
fn what_is_written_out_reads_back_the_same() {
    let taxonomy = Taxonomy::default();
    for (what, records) in inputs() {
        assert!(!records.is_empty(), "{what}");
        let written = to_hsds(&records, &taxonomy).to_string();
        let read = import_hsds("uit.json", &written, &taxonomy, chrono::Local::now().date_naive());
        // A theme beyond the default list (the tabular fixture's mantelzorg) is told again.
        let unknown_theme = |i: &meldwijzer::sociale_kaart::import::ImportIssue| matches!(i.problem, meldwijzer::sociale_kaart::import::Problem::UnknownTheme { .. });
        assert!(read.issues.iter().all(unknown_theme), "{what}: {:?}", read.issues);
        assert_eq!(read.records.len(), records.len(), "{what}");
        for (before, after) in records.iter().zip(&read.records) {
            // Everything but a "not free": the model keeps an option as its text, without the
            // amount HSDS would need to say it.
            let (mut before, mut after) = (before.clone(), after.clone());
            if before.cost.free == Some(false) {
                before.cost.free = None;
            }
            // HSDS requires an id on an organisation and a location; where the input had
            // none, the export made one.
            for record in [&mut before, &mut after] {
                if let Some(organization) = &mut record.organization {
                    organization.id = None;
                }
                for at in &mut record.locations {
                    at.location.id = None;
                }
            }
            assert_eq!(before, after, "{what}: {}", before.id);
        }
    }
}

#[test]
fn what_is_written_out_is_valid_hsds_3_0() {
    let Some(schema) = official_schema("3.0") else { return };
    let mut schema: Value = serde_json::from_str(&schema).unwrap();
    // The inlined schema refers to its definitions as "#/definitions/…" or by file name.
    let text = schema.to_string();
    if text.contains("\"$ref\":\"") && !text.contains("#/definitions/") {
        let fixed = regex_free_refs(&text);
        schema = serde_json::from_str(&fixed).unwrap();
    }
    let validator = jsonschema::options().build(&schema).expect("the official schema compiles");
    // The validator does reject what HSDS does not allow.
    assert!(!validator.is_valid(&serde_json::json!({ "id": "x", "name": "X", "status": "open" })));
    assert!(!validator.is_valid(&serde_json::json!({ "id": "x", "name": "X", "status": "active", "phones": [{ "number": "1" }] })));
    let taxonomy = Taxonomy::default();
    for (what, records) in inputs() {
        for service in to_hsds(&records, &taxonomy).as_array().unwrap() {
            let errors: Vec<String> = validator.iter_errors(service).map(|e| format!("{} at {}", e, e.instance_path())).collect();
            assert!(errors.is_empty(), "{what}, {}: {errors:#?}", service["id"]);
        }
    }
}

/// `"$ref":"phone.json"` → `"$ref":"#/definitions/phone"`.
fn regex_free_refs(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("\"$ref\":\"") {
        let (head, tail) = rest.split_at(at + 8);
        out.push_str(head);
        let end = tail.find('"').unwrap_or(0);
        let target = &tail[..end];
        match target.strip_suffix(".json") {
            Some(name) if !target.contains('/') => out.push_str(&format!("#/definitions/{name}")),
            _ => out.push_str(target),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// Open Referral's schema of `version` from `../shared/hsds/`, or `None` (saying so) where a
/// user's clone has no `../shared`.
fn official_schema(version: &str) -> Option<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../shared/hsds/{version}/schema/service_with_definitions.json"));
    let text = std::fs::read_to_string(&path).ok();
    if text.is_none() {
        eprintln!("skipped: {} is absent (a user's clone has no ../shared)", path.display());
    }
    text
}

fn own_schema() -> Value {
    serde_json::from_str(include_str!("../content/hsds-export.schema.json")).expect("our schema is JSON")
}

#[test]
fn what_is_written_out_meets_meldwijzer_s_own_schema() {
    let validator = jsonschema::options().build(&own_schema()).expect("our schema compiles");
    // Narrower than HSDS where Meldwijzer needs it.
    let minimal = serde_json::json!({ "id": "x", "name": "X", "status": "active" });
    assert!(validator.is_valid(&minimal));
    let mut bad = minimal.clone();
    bad["schedules"] = serde_json::json!([{ "id": "s", "byday": "2XX" }]);
    assert!(!validator.is_valid(&bad), "a day code RFC 5545 does not know");
    bad["schedules"] = serde_json::json!([]);
    bad["url"] = "https://www.voorbeeldstad.nl@evil.example/login".into();
    assert!(!validator.is_valid(&bad), "a link with user info");
    bad["url"] = "https://www.voorbeeldstad.nl/".into();
    bad["name"] = "Buurtteam\u{202e}".into();
    assert!(!validator.is_valid(&bad), "an invisible format character");
    let taxonomy = Taxonomy::default();
    for (what, records) in inputs() {
        for service in to_hsds(&records, &taxonomy).as_array().unwrap() {
            let errors: Vec<String> = validator.iter_errors(service).map(|e| format!("{} at {}", e, e.instance_path())).collect();
            assert!(errors.is_empty(), "{what}, {}: {errors:#?}", service["id"]);
        }
    }
}

/// Every property of our schema is a property of the official one (3.1, which adds
/// `additional_urls` to 3.0), of the same type: ours is HSDS narrowed, never HSDS changed.
#[test]
fn meldwijzer_s_schema_is_derived_from_the_official_one() {
    let Some(official) = official_schema("3.1") else { return };
    let official: Value = serde_json::from_str(&regex_free_refs(&official)).unwrap();
    let ours = own_schema();
    let mut differences = Vec::new();
    compare(&ours, &ours, &official, &official, "service", &mut differences);
    assert!(differences.is_empty(), "{differences:#?}");
}

fn resolve<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
    match node["$ref"].as_str().and_then(|r| r.strip_prefix("#/definitions/")) {
        Some(name) => &root["definitions"][name],
        None => node,
    }
}

fn compare(our_root: &Value, ours: &Value, their_root: &Value, theirs: &Value, at: &str, differences: &mut Vec<String>) {
    let (ours, theirs) = (resolve(our_root, ours), resolve(their_root, theirs));
    if let (Some(our_items), Some(their_items)) = (ours.get("items"), theirs.get("items")) {
        return compare(our_root, our_items, their_root, their_items, &format!("{at}[]"), differences);
    }
    let Some(properties) = ours["properties"].as_object() else { return };
    for (name, our_property) in properties {
        let Some(their_property) = theirs["properties"].get(name) else {
            differences.push(format!("{at}.{name}: not in HSDS 3.1"));
            continue;
        };
        let (our_type, their_type) = (resolve(our_root, our_property).get("type"), resolve(their_root, their_property).get("type"));
        // An enum of strings narrows "string".
        let narrowed = our_type.is_none() && their_type.is_some_and(|t| t == "string");
        if our_type.is_some() && their_type.is_some() && our_type != their_type && !(our_type == Some(&Value::from("number")) && their_type == Some(&Value::from("integer"))) {
            differences.push(format!("{at}.{name}: {our_type:?} where HSDS has {their_type:?}"));
        } else if !narrowed && our_type.is_none() && their_type.is_some() && resolve(our_root, our_property).get("properties").is_none() {
            differences.push(format!("{at}.{name}: no type where HSDS has {their_type:?}"));
        }
        compare(our_root, our_property, their_root, their_property, &format!("{at}.{name}"), differences);
    }
}
