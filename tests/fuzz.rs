//! A fuzz harness on stable Rust for every importer of outside data: the region pack, HSDS
//! JSON (at once and a slice at a time), the HSDS tabular form and the CSV template. Each case is a real file
//! mutated by a seeded generator (bytes flipped, cut, repeated, nested deep, values swapped
//! for ones of another type); every importer must answer with a value, never a panic or a
//! hang, and the sliced HSDS import must agree with the whole one.
//!
//! `cargo test --test fuzz` runs a bounded number of cases (CI); `scripts/fuzz` runs millions:
//! `MELDWIJZER_FUZZ_CASES=1000000 cargo test --release --test fuzz`.

use meldwijzer::content::parse_region_pack;
use meldwijzer::sociale_kaart::import::{import_csv, import_hsds, import_tabular_after, HsdsReader, TableTexts};
use meldwijzer::sociale_kaart::model::Taxonomy;

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
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&text)));
        assert!(result.is_ok(), "{name}: case {case} panicked; replay it with that case number");
    }
}

#[test]
fn the_region_pack_reader_answers_every_input() {
    run("region", REGION, |text| {
        let _ = parse_region_pack("regio.json", text, &["112", "veilig-thuis"]);
    });
}

#[test]
fn the_hsds_reader_answers_every_input_and_slices_agree_with_the_whole() {
    let taxonomy = Taxonomy::default();
    run("hsds", HSDS, |text| {
        let whole = import_hsds("kaart.json", text, &taxonomy);
        let mut reader = HsdsReader::new("kaart.json", text, &taxonomy);
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
        let import = import_csv("kaart.csv", text, &taxonomy);
        assert!(import.issues.len() <= meldwijzer::sociale_kaart::import::MAX_ISSUES_PER_FILE);
    });
}

#[test]
fn the_hsds_tabular_reader_answers_every_input() {
    let taxonomy = Taxonomy::default();
    let fixture = || -> TableTexts { TABLES.iter().map(|(name, text)| (format!("kaart/{name}"), Ok(text.to_string()))).collect() };
    // The package itself mutated, with its tables as they are.
    run("tabular", PACKAGE, |text| {
        let import = import_tabular_after("kaart/datapackage.json", text, &fixture(), &taxonomy, Default::default());
        assert!(import.issues.len() <= meldwijzer::sociale_kaart::import::MAX_ISSUES_PER_FILE);
    });
    // Each table mutated in turn, the others as they are.
    for (name, seed) in TABLES {
        run(name, seed, |text| {
            let mut tables = fixture();
            tables.insert(format!("kaart/{name}"), Ok(text.to_string()));
            let import = import_tabular_after("kaart/datapackage.json", PACKAGE, &tables, &taxonomy, Default::default());
            assert!(import.issues.len() <= meldwijzer::sociale_kaart::import::MAX_ISSUES_PER_FILE);
        });
    }
}
