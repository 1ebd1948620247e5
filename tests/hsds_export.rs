//! The sociale kaart as HSDS 3.0 JSON (`meldwijzer-check --hsds-out`): valid against Open
//! Referral's own schema (in `../shared/hsds/` where present; skipped, saying so, where not)
//! and read back by Meldwijzer as it was read the first time.
#![cfg(not(target_arch = "wasm32"))]

use meldwijzer::sociale_kaart::export::to_hsds;
use meldwijzer::sociale_kaart::import::{import_csv, import_hsds, import_tabular_after};
use meldwijzer::sociale_kaart::model::{ServiceRecord, Taxonomy};
use serde_json::Value;

fn inputs() -> Vec<(&'static str, Vec<ServiceRecord>)> {
    let taxonomy = Taxonomy::default();
    vec![
        ("the CSV template", import_csv("sjabloon.csv", include_str!("../public/regions/sociale-kaart-sjabloon.csv"), &taxonomy).records),
        ("the CSV fixture", import_csv("kaart.csv", include_str!("fixtures/sociale-kaart/template.csv"), &taxonomy).records),
        ("the HSDS fixture", import_hsds("kaart.json", include_str!("fixtures/sociale-kaart/hsds-example.json"), &taxonomy).records),
        ("the HSDS tabular fixture", tabular(&taxonomy)),
        ("the example region", import_hsds("kaart.json", include_str!("../public/regions/voorbeeldstad-sociale-kaart.json"), &taxonomy).records),
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
    import_tabular_after(&file.path, &text, &tables, taxonomy, Default::default()).records
}

#[test]
fn what_is_written_out_reads_back_the_same() {
    let taxonomy = Taxonomy::default();
    for (what, records) in inputs() {
        assert!(!records.is_empty(), "{what}");
        let written = to_hsds(&records, &taxonomy).to_string();
        let read = import_hsds("uit.json", &written, &taxonomy);
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
    let schema = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/hsds/3.0/schema/service_with_definitions.json");
    let Ok(schema) = std::fs::read_to_string(&schema) else {
        eprintln!("skipped: {} is absent (a user's clone has no ../shared)", schema.display());
        return;
    };
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
