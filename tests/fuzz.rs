//! A fuzz harness on stable Rust for every importer of outside data: the region pack, HSDS
//! JSON (at once and a slice at a time), the HSDS tabular form, the CSV template, and the files
//! a user imports: the meldcode's dossier export and the zelftest's saved results. Each case is a real file
//! mutated by a seeded generator (bytes flipped, cut, repeated, nested deep, values swapped
//! for ones of another type); every importer must answer with a value, never a panic or a
//! hang, and the sliced HSDS import must agree with the whole one.
//!
//! `cargo test --test fuzz` runs a bounded number of cases (CI); `scripts/fuzz` runs millions:
//! `MELDWIJZER_FUZZ_CASES=1000000 cargo test --release --test fuzz`.

use meldwijzer::content::validate::parse_region_pack;
use meldwijzer::sociale_kaart::import::hsds::{import_hsds, HsdsReader};
use meldwijzer::sociale_kaart::import::tabular::{import_tabular_after, TableTexts};
use meldwijzer::sociale_kaart::import::template::import_csv;
use meldwijzer::sociale_kaart::model::Taxonomy;
use meldwijzer::meldcode::dossier::{plan_import, MAX_IMPORT_ITEMS};
use meldwijzer::ground::checks::is_record_id;
use std::time::{Duration, Instant};

const REGION: &str = include_str!("../public/regions/voorbeeldstad.json");
const HSDS: &str = include_str!("fixtures/sociale-kaart/hsds-example.json");
const CSV: &str = include_str!("fixtures/sociale-kaart/template.csv");
const PACKAGE: &str = include_str!("fixtures/sociale-kaart/tabular/datapackage.json");
/// The tabular fixture's tables that join most: each is mutated in turn.
const TABLES: [(&str, &str); 6] = [
    ("services.csv", include_str!("fixtures/sociale-kaart/tabular/services.csv")),
    ("service_at_location.csv", include_str!("fixtures/sociale-kaart/tabular/service_at_location.csv")),
    ("locations.csv", include_str!("fixtures/sociale-kaart/tabular/locations.csv")),
    ("phones.csv", include_str!("fixtures/sociale-kaart/tabular/phones.csv")),
    ("schedules.csv", include_str!("fixtures/sociale-kaart/tabular/schedules.csv")),
    ("attributes.csv", include_str!("fixtures/sociale-kaart/tabular/attributes.csv")),
];
const DOSSIER: &str = include_str!("fixtures/dossier-v1.json");
const RESULTS: &str = r#"{"format":"meldwijzer-zelftest","version":1,"exported":"2026-11-22T10:00:00Z","results":[
  {"check":"gemeente","saved":"2026-11-20T09:00:00Z","answers":{"gm-toezicht":"partly","gm-veilig-thuis":"yes"}},
  {"check":"professional","saved":"2026-11-21T09:00:00Z","answers":{"pro-kennis":"no"}}]}"#;

/// An export file of the version 1 fixture, a second copy with another id and case code.
fn dossier_export() -> String {
    let second = DOSSIER.replacen("\"id\"", "\"id\": \"d-2\", \"old_id\"", 1);
    format!(r#"{{"format":"meldwijzer-dossiers","version":1,"exported":"2026-11-22T10:00:00Z","dossiers":[{DOSSIER},{second}]}}"#)
}

/// The longest any one generated case may take, however it is mutated: a case that takes
/// longer is a hang or a worse-than-linear import.
const MAX_CASE_TIME: Duration = Duration::from_secs(2);

fn cases() -> u64 {
    std::env::var("MELDWIJZER_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(400)
}

/// A small, seeded generator (SplitMix64): the same case number gives the same input, so a
/// failure found by the long run can be replayed by its number.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// What outside data does wrong, a few times over.
const TOKENS: &[&str] = &[
    "null", "true", "-1", "1e999", "\"\"", "[]", "{}", "\"\\u0000\"", "\"\\ud800\"", "\"<script>\"",
    "\"javascript:alert(1)\"", "\"\u{202e}\"", "\"(0)(0)112\"", ",", ":", "\"", "]", "}", ";", "\n", "\r\n",
    "\"2026-02-30\"", "\"25:00\"", "\"MO,XX\"", "\"nld\"", "\"0.00\"", "99999999999999999999",
];

fn mutate(seed: &str, random: &mut Random) -> Vec<u8> {
    let mut bytes = seed.as_bytes().to_vec();
    for _ in 0..1 + random.below(4) {
        let at = random.below(bytes.len() + 1);
        match random.below(7) {
            0 if !bytes.is_empty() => {
                let i = random.below(bytes.len());
                bytes[i] ^= 1 << random.below(8);
            }
            1 => bytes.truncate(at),
            2 => {
                let end = (at + random.below(200)).min(bytes.len());
                let piece = bytes[at..end].to_vec();
                bytes.splice(at..at, piece.iter().copied().cycle().take(piece.len() * (1 + random.below(20))));
            }
            3 => {
                let end = (at + random.below(100)).min(bytes.len());
                bytes.drain(at..end);
            }
            4 => {
                let depth = 1 + random.below(5_000);
                let nested = "[".repeat(depth) + &"]".repeat(random.below(depth + 1));
                bytes.splice(at..at, nested.bytes());
            }
            _ => {
                let token = TOKENS[random.below(TOKENS.len())];
                bytes.splice(at..at, token.bytes());
            }
        }
    }
    bytes
}

fn run(name: &str, seed: &str, check: impl Fn(&str)) {
    let cases = cases();
    for case in 0..cases {
        let mut random = Random(case.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ name.len() as u64);
        let bytes = mutate(seed, &mut random);
        let text = String::from_utf8_lossy(&bytes);
        let started = Instant::now();
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&text)));
        assert!(result.is_ok(), "{name}: case {case} panicked; replay it with that case number");
        assert!(started.elapsed() < MAX_CASE_TIME, "{name}: case {case} took {:?}", started.elapsed());
    }
}

#[test]
fn the_region_pack_reader_answers_every_input() {
    run("region", REGION, |text| {
        let _ = parse_region_pack("regio.json", text, &["112", "veilig-thuis"], chrono::Local::now().date_naive());
    });
}

#[test]
fn the_hsds_reader_answers_every_input_and_slices_agree_with_the_whole() {
    let taxonomy = Taxonomy::default();
    run("hsds", HSDS, |text| {
        let whole = import_hsds("kaart.json", text, &taxonomy, chrono::Local::now().date_naive());
        let mut reader = HsdsReader::new("kaart.json", text, &taxonomy, chrono::Local::now().date_naive());
        let sliced = loop {
            if let Some(import) = reader.read(2) {
                break import;
            }
        };
        assert_eq!(sliced, whole);
        assert!(whole.issues.len() <= meldwijzer::sociale_kaart::import::MAX_ISSUES_PER_FILE);
    });
}

#[test]
fn the_csv_template_reader_answers_every_input() {
    let taxonomy = Taxonomy::default();
    run("csv", CSV, |text| {
        let import = import_csv("kaart.csv", text, &taxonomy, chrono::Local::now().date_naive());
        assert!(import.issues.len() <= meldwijzer::sociale_kaart::import::MAX_ISSUES_PER_FILE);
    });
}

#[test]
fn the_hsds_tabular_reader_answers_every_input() {
    let taxonomy = Taxonomy::default();
    let fixture = || -> TableTexts { TABLES.iter().map(|(name, text)| (format!("kaart/{name}"), Ok(text.to_string()))).collect() };
    // The package itself mutated, with its tables as they are.
    run("tabular", PACKAGE, |text| {
        let import = import_tabular_after("kaart/datapackage.json", text, &fixture(), &taxonomy, Default::default(), chrono::Local::now().date_naive());
        assert!(import.issues.len() <= meldwijzer::sociale_kaart::import::MAX_ISSUES_PER_FILE);
    });
    // Each table mutated in turn, the others as they are.
    for (name, seed) in TABLES {
        run(name, seed, |text| {
            let mut tables = fixture();
            tables.insert(format!("kaart/{name}"), Ok(text.to_string()));
            let import = import_tabular_after("kaart/datapackage.json", PACKAGE, &tables, &taxonomy, Default::default(), chrono::Local::now().date_naive());
            assert!(import.issues.len() <= meldwijzer::sociale_kaart::import::MAX_ISSUES_PER_FILE);
        });
    }
}

#[test]
fn the_dossier_import_answers_every_input_and_never_lets_a_bad_dossier_in() {
    let seed = dossier_export();
    assert_eq!(plan_import(&seed, &[]).map(|plan| plan.new.len()), Ok(2), "the seed itself imports");
    let existing = vec!["d-2".to_string()];
    run("dossiers", &seed, |text| {
        if let Ok(plan) = plan_import(text, &existing) {
            assert!(plan.new.len() + plan.duplicates.len() <= MAX_IMPORT_ITEMS);
            for dossier in plan.new.iter().chain(&plan.duplicates) {
                assert!(is_record_id(&dossier.id), "{:?}", dossier.id);
            }
            assert!(plan.new.iter().all(|d| d.id != "d-2"), "a dossier already here is never new");
        }
    });
}

#[test]
fn the_zelftest_import_answers_every_input() {
    assert_eq!(meldwijzer::self_check::model::import(RESULTS).map(|r| r.len()), Ok(2), "the seed itself imports");
    run("zelftest", RESULTS, |text| {
        if let Ok(results) = meldwijzer::self_check::model::import(text) {
            assert!(results.len() <= MAX_IMPORT_ITEMS);
        }
    });
}

#[test]
fn a_ten_megabyte_dossier_file_is_read_in_linear_time() {
    // A thousand dossiers of 10 KB each (10 MB) against a thousand on the device: a list scan of ids
    // made this 37 s in the browser; hash sets keep it to one pass.
    let dossier: serde_json::Value = serde_json::from_str(DOSSIER).unwrap();
    let items: Vec<serde_json::Value> = (0..MAX_IMPORT_ITEMS)
        .map(|i| {
            let mut d = dossier.clone();
            d["id"] = format!("d-{i:04}").into();
            d["signals"][0]["observed"] = "x".repeat(8_000).into();
            d
        })
        .collect();
    let file = serde_json::json!({"format": "meldwijzer-dossiers", "version": 1, "dossiers": items}).to_string();
    assert!(file.len() > 8_000_000 && file.len() < meldwijzer::meldcode::dossier::MAX_IMPORT_BYTES);
    let existing: Vec<String> = (0..MAX_IMPORT_ITEMS).step_by(2).map(|i| format!("d-{i:04}")).collect();
    let started = Instant::now();
    let plan = plan_import(&file, &existing).unwrap();
    assert_eq!((plan.new.len(), plan.duplicates.len()), (500, 500));
    assert!(started.elapsed() < Duration::from_secs(10), "{:?}", started.elapsed());
}
