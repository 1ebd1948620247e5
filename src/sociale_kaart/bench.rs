//! The sociale kaart's speed on a large region, for `scripts/bench`, which runs this inside
//! Chromium through the sociale kaart module: start-up (import and index) and each keystroke's
//! search with filters, through the index and as a plain linear scan over every record, so the
//! index's gain is a measured ratio. The clock is passed in: `performance.now()` in a browser.

use super::import::hsds::import_hsds;
use super::model::Taxonomy;
use crate::sociale_kaart::directory::Directory;
use super::query::SearchQuery;
use super::search::linear_search;
use chrono::NaiveDateTime;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Report {
    pub services: usize,
    pub import_ms: f64,
    pub index_ms: f64,
    pub keystrokes: usize,
    pub indexed: Spread,
    /// Every third keystroke: the scan is too slow to run them all in a benchmark.
    pub linear_keystrokes: usize,
    pub linear: Spread,
}

#[derive(Debug, Serialize)]
pub struct Spread {
    pub median_ms: f64,
    pub p95_ms: f64,
    pub max_ms: f64,
}

/// What people type, a letter at a time (one with a typo), under the filters they use.
const PHRASES: [&str; 6] = ["schuldhulp", "opvoeden", "huiselijk geweld", "buurtteam noord", "vrouwenopvnag", "jongerenwerk"];

fn searches() -> Vec<SearchQuery> {
    let filters = [
        SearchQuery::default(),
        SearchQuery { theme: Some("wijkteam".into()), ..SearchQuery::default() },
        SearchQuery { open_now: true, ..SearchQuery::default() },
        SearchQuery { area: "3312".into(), target_group: Some("ouders".into()), age: Some(8), ..SearchQuery::default() },
    ];
    let mut searches = Vec::new();
    for filter in &filters {
        for phrase in PHRASES {
            for end in 1..=phrase.chars().count() {
                searches.push(SearchQuery { text: phrase.chars().take(end).collect(), ..filter.clone() });
            }
        }
    }
    searches
}

/// `files`: the region's sociale kaart files, each within the limit of one file.
pub fn run(files: &[&str], now: NaiveDateTime, clock: &dyn Fn() -> f64) -> Report {
    let taxonomy = Taxonomy::default();
    let started = clock();
    let records = files.iter().flat_map(|hsds| import_hsds("bench.json", hsds, &taxonomy, now.date()).records).collect();
    let imported = clock();
    let directory = Directory::new(records, taxonomy.clone());
    let indexed_at = clock();

    let searches = searches();
    let time = |search: &dyn Fn(&SearchQuery) -> Vec<usize>, every: usize| {
        let times: Vec<f64> = searches
            .iter()
            .step_by(every)
            .map(|query| {
                let start = clock();
                std::hint::black_box(search(query));
                clock() - start
            })
            .collect();
        spread(times)
    };
    let indexed = time(&|q| directory.search(&q.text, &q.filters(now)), 1);
    let linear = time(&|q| linear_search(directory.records(), &taxonomy, &q.text, &q.filters(now)), 3);
    Report {
        services: directory.records().len(),
        import_ms: imported - started,
        index_ms: indexed_at - imported,
        keystrokes: searches.len(),
        indexed,
        linear_keystrokes: searches.len().div_ceil(3),
        linear,
    }
}

fn spread(mut times: Vec<f64>) -> Spread {
    times.sort_by(f64::total_cmp);
    let at = |share: usize| times.get((times.len() * share / 100).min(times.len().saturating_sub(1))).copied().unwrap_or(0.0);
    Spread { median_ms: at(50), p95_ms: at(95), max_ms: times.last().copied().unwrap_or(0.0) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_benchmark_times_every_keystroke_of_every_search() {
        let hsds = include_str!("../../public/regions/voorbeeldstad-sociale-kaart.json");
        let ticks = std::cell::Cell::new(0.0);
        let clock = || {
            ticks.set(ticks.get() + 1.0);
            ticks.get()
        };
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap().and_hms_opt(10, 0, 0).unwrap();
        let report = run(&[hsds], now, &clock);
        assert_eq!(report.services, 60);
        let letters: usize = PHRASES.iter().map(|p| p.chars().count()).sum();
        assert_eq!(report.keystrokes, letters * 4);
        assert_eq!(report.linear_keystrokes, report.keystrokes.div_ceil(3));
        assert_eq!(report.indexed.p95_ms, 1.0, "each search is timed between two clock readings");
    }
}
