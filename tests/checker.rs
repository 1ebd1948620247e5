//! The region pack checker as a gemeente editor runs it.

use std::process::Command;

fn check(args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_meldwijzer-check"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("checker runs");
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    (output.status.code().unwrap_or(-1), text)
}

#[test]
fn the_example_region_passes() {
    let (code, text) = check(&["public/regions/voorbeeldstad.json"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("voorbeeldstad.json: in orde. Gemeente Voorbeeldstad. Contacten: 4."), "{text}");
}

#[test]
fn a_broken_region_lists_every_problem_with_its_field() {
    let (code, text) = check(&["tests/e2e/hosts/broken-region.json"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("broken-region.json, veld contacts[2]: het veld description ontbreekt."), "{text}");
}

#[test]
fn a_hostile_region_is_refused_with_the_same_messages_as_the_app() {
    let (code, text) = check(&["tests/e2e/hosts/hostile-region.json", "--lang", "en"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("field numbers[0].id: the id \"112\" is a national number"), "{text}");
    assert!(text.contains("field contacts[0].website: this is not a valid web address"), "{text}");
    assert!(text.contains("field contacts[0].name: this contains HTML"), "{text}");
    assert!(text.contains("field numbers[0].number: this is not a valid phone number"), "{text}");
}

#[test]
fn several_files_are_checked_in_one_run() {
    let (code, text) = check(&["public/regions/voorbeeldstad.json", "tests/e2e/hosts/new-version-region.json"]);
    assert_eq!(code, 1);
    assert!(text.contains("in orde") && text.contains("dit bestand heeft versie 2"), "{text}");
}

#[test]
fn a_missing_file_or_no_arguments_is_explained() {
    let (code, text) = check(&["bestaat-niet.json"]);
    assert_eq!(code, 1);
    assert!(text.contains("bestaat-niet.json: het bestand kon niet worden gelezen"), "{text}");
    let (code, text) = check(&[]);
    assert_eq!(code, 2);
    assert!(text.contains("Gebruik: meldwijzer-check"), "{text}");
}

#[test]
fn the_sociale_kaart_files_of_a_pack_are_checked_too() {
    let (code, text) = check(&["public/regions/voorbeeldstad.json"]);
    assert!(text.contains("Sociale kaart: 60 diensten gelezen uit voorbeeldstad-sociale-kaart.json."), "{text}");
    assert_eq!(code, 0, "{text}");

    let (code, text) = check(&["tests/e2e/hosts/hostile-map-region.json"]);
    assert_eq!(code, 1, "a skipped service or missing file fails the check: {text}");
    assert!(text.contains("bestaat-niet.csv: het bestand kon niet worden gelezen"), "{text}");
    assert!(text.contains("hostile-map.json, dienst 2 (vals-loket), veld url: dit is geen geldig webadres"), "{text}");
    assert!(text.contains("dienst 4 (fout-type), veld name: dit veld heeft niet de vorm die HSDS ervoor gebruikt"), "{text}");
    assert!(text.contains("Deze dienst is niet overgenomen."), "{text}");
}

#[test]
fn steps_and_zelftest_items_must_name_what_exists_nationally() {
    let (code, text) = check(&["tests/fixtures/region-bad-references.json"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("veld routes.local_steps[0].node: er is geen stap in de routekaart met id \"bestaat-niet\""), "{text}");
    assert!(text.contains("veld self_check.items[0].check: er is geen zelftest of thema met id \"school\""), "{text}");
}

/// A folder of its own with the example pack naming one sociale kaart file (`format`, `path`).
fn pack_folder(name: &str, format: &str, path: &str) -> std::path::PathBuf {
    let folder = std::env::temp_dir().join(format!("meldwijzer-check-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let mut pack: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("public/regions/voorbeeldstad.json").unwrap()).unwrap();
    pack["social_map"] = serde_json::json!({ "files": [{ "format": format, "path": path }] });
    std::fs::write(folder.join("regio.json"), pack.to_string()).unwrap();
    folder
}

#[test]
fn a_team_with_another_number_in_the_sociale_kaart_is_reported_to_the_editor() {
    let folder = pack_folder("conflict", "hsds", "kaart.json");
    let map = serde_json::json!([{ "id": "buurtteam-noord", "name": "Buurtteam Noord", "phones": [{ "number": "010-5559999" }] }]);
    std::fs::write(folder.join("kaart.json"), map.to_string()).unwrap();
    let (code, text) = check(&[folder.join("regio.json").to_str().unwrap()]);
    assert_eq!(code, 0, "a warning, not a refusal: {text}");
    assert!(text.contains("Buurtteam Noord heeft in het regiobestand nummer 010-5550101, maar in de sociale kaart (Buurtteam Noord, buurtteam-noord) 010-5559999"), "{text}");
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn the_sociale_kaart_is_written_out_as_hsds_from_the_spreadsheet_template() {
    let folder = pack_folder("hsds", "csv", "sjabloon.csv");
    std::fs::copy("public/regions/sociale-kaart-sjabloon.csv", folder.join("sjabloon.csv")).unwrap();
    let out = folder.join("uit.json");
    let (code, text) = check(&[folder.join("regio.json").to_str().unwrap(), "--hsds-out", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("De sociale kaart staat als HSDS 3.0 in"), "{text}");
    let written: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let services = written.as_array().unwrap();
    assert!(!services.is_empty());
    assert!(services.iter().all(|s| s["id"].is_string() && s["status"].is_string()));
    let _ = std::fs::remove_dir_all(&folder);
}

/// The tabular fixture beside a pack folder's `regio.json`, in `kaart/`.
fn tabular_pack(name: &str) -> std::path::PathBuf {
    let folder = pack_folder(name, "hsds-tabular", "kaart/datapackage.json");
    std::fs::create_dir_all(folder.join("kaart")).unwrap();
    for entry in std::fs::read_dir("tests/fixtures/sociale-kaart/tabular").unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, folder.join("kaart").join(path.file_name().unwrap())).unwrap();
    }
    folder
}

#[test]
fn a_tabular_sociale_kaart_is_checked_with_each_problem_named_by_file_row_and_column() {
    let folder = tabular_pack("tabular");
    let (code, text) = check(&[folder.join("regio.json").to_str().unwrap()]);
    assert_eq!(code, 1, "a dropped field fails the check: {text}");
    assert!(text.contains("Sociale kaart: 4 diensten gelezen uit kaart/datapackage.json."), "{text}");
    assert!(text.contains("addresses.csv, rij 4 (jgz), veld postal_code: "), "{text}");
    assert!(!text.contains("required_documents.csv"), "an optional table that is not there is fine: {text}");
    // Without its services it says what is missing.
    std::fs::remove_file(folder.join("kaart/services.csv")).unwrap();
    let (code, text) = check(&[folder.join("regio.json").to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("datapackage.json: This package has no table of services"), "{text}");
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn a_tabular_sociale_kaart_is_written_out_as_hsds() {
    let folder = tabular_pack("tabular-out");
    let out = folder.join("uit.json");
    let (_, text) = check(&[folder.join("regio.json").to_str().unwrap(), "--hsds-out", out.to_str().unwrap()]);
    assert!(text.contains("De sociale kaart staat als HSDS 3.0 in"), "{text}");
    let written: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let services = written.as_array().unwrap();
    let ids: Vec<_> = services.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["opvoedsteun", "maatjes", "jgz", "schuldhulp"]);
    let places = services[0]["service_at_locations"].as_array().unwrap();
    assert_eq!(places.len(), 2);
    assert!(places.iter().all(|p| !p["schedules"].as_array().unwrap().is_empty()), "each place keeps its own hours: {places:#?}");
    let _ = std::fs::remove_dir_all(&folder);
}
