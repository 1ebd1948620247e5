//! The published JSON Schema and the validator the app and checker use must agree, so a gemeente
//! whose editor validates against the schema is not surprised by the app.
#![cfg(not(target_arch = "wasm32"))]

use meldwijzer::content::validate::parse_region_pack;
use meldwijzer::content::NationalContent;
use serde_json::Value;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn schema_accepts(text: &str) -> bool {
    let schema: Value = serde_json::from_str(&read("content/region-pack.schema.json")).unwrap();
    let validator = jsonschema::options().should_validate_formats(true).build(&schema).unwrap();
    validator.is_valid(&serde_json::from_str::<Value>(text).unwrap())
}

fn app_accepts(text: &str) -> bool {
    let national = NationalContent::load();
    parse_region_pack("pack.json", text, &national.number_ids(), chrono::Local::now().date_naive()).is_ok()
}

#[test]
fn schema_and_validator_agree_on_the_example_and_the_broken_packs() {
    let cases = [
        ("public/regions/voorbeeldstad.json", true),
        ("tests/e2e/hosts/organisation-region.json", true),
        ("tests/e2e/hosts/broken-region.json", false),
        ("tests/e2e/hosts/hostile-region.json", false),
        ("tests/e2e/hosts/new-version-region.json", false),
    ];
    for (path, valid) in cases {
        let text = read(path);
        assert_eq!(schema_accepts(&text), valid, "schema on {path}");
        assert_eq!(app_accepts(&text), valid, "validator on {path}");
    }
}

#[test]
fn schema_and_validator_agree_on_the_formats_of_sociale_kaart_files() {
    let mut pack: Value = serde_json::from_str(&read("public/regions/voorbeeldstad.json")).unwrap();
    for (format, valid) in [("hsds-tabular", true), ("hsds", true), ("csv", true), ("xlsx", false)] {
        pack["social_map"] = serde_json::json!({ "files": [{ "format": format, "path": "kaart/datapackage.json" }] });
        let text = pack.to_string();
        assert_eq!(schema_accepts(&text), valid, "schema on {format}");
        assert_eq!(app_accepts(&text), valid, "validator on {format}");
    }
}
