//! The zelftest: checks with items per theme (content/self-check.json), answers, a
//! red/amber/green score per theme, an action list, the comparison with a saved result, and
//! practice cases walked through the meldcode's own afwegingskader engine. Pure Rust.

use crate::ground::source::Source;
use crate::i18n::Text;
use crate::meldcode::dossier::{open_export, ImportError, ItemPart};
use crate::meldcode::engine::{Answers as Afwegingen, Circumstances, Decision, Outcome};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelfCheckContent {
    pub version: u32,
    pub checks: Vec<Check>,
    pub knowledge: Vec<KnowledgeQuestion>,
    pub cases: Vec<PracticeCase>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    pub id: String,
    pub title: Text,
    pub intro: Text,
    pub themes: Vec<Theme>,
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    pub id: String,
    pub title: Text,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub theme: String,
    pub question: Text,
    pub explanation: Text,
    /// What to do when the answer is not yes.
    pub next_step: Text,
    /// 3 most important, 1 least: orders the action list.
    pub weight: u8,
    #[serde(flatten)]
    pub source: Source,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnowledgeQuestion {
    pub id: String,
    pub question: Text,
    pub options: Vec<Text>,
    pub correct: usize,
    pub explanation: Text,
    #[serde(flatten)]
    pub source: Source,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PracticeCase {
    pub id: String,
    pub sector: String,
    pub title: Text,
    pub story: Text,
    /// The model answer to each afweging; `None` where the model path does not ask it.
    pub answers: [Option<bool>; 5],
    pub reasoning: [Option<Text>; 5],
    pub expect: Expected,
    #[serde(flatten)]
    pub source: Source,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expected {
    pub melden: Decision,
    pub help: Decision,
}

impl PracticeCase {
    /// The model answer through the same engine as the meldcode flow.
    pub fn model_outcome(&self) -> Outcome {
        practice_outcome(&Afwegingen { answers: self.answers, disclosure: false })
    }
}

/// The outcome of answers to a practice case, the user's or the model's: the afwegingskader
/// alone, as a practice case has no dossier and no professional's circumstances.
pub fn practice_outcome(answers: &Afwegingen) -> Outcome {
    answers.outcome(Circumstances::default())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    Yes,
    Partly,
    No,
    NotApplicable,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rating {
    Green,
    Amber,
    Red,
    /// Nothing answered yet (or nothing applies).
    Open,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ThemeScore {
    pub theme: String,
    pub rating: Rating,
    pub answered: usize,
    pub total: usize,
}

pub type AnswerSheet = BTreeMap<String, Answer>;

/// What an organisation or region pack adds: its own items in an existing check and theme.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionSelfCheck {
    pub items: Vec<RegionItem>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionItem {
    /// "professional", "organisatie" or "gemeente".
    pub check: String,
    #[serde(flatten)]
    pub item: Item,
}

pub const SELF_CHECK_JSON: &str = include_str!("../../content/self-check.json");

impl SelfCheckContent {
    pub fn load() -> SelfCheckContent {
        serde_json::from_str(SELF_CHECK_JSON).expect("content/self-check.json is checked by cargo test")
    }

    pub fn check(&self, id: &str) -> Option<&Check> {
        self.checks.iter().find(|c| c.id == id)
    }

    /// The national checks with a pack's own items added to their checks.
    pub fn with_region(mut self, region: Option<&RegionSelfCheck>) -> SelfCheckContent {
        for added in region.iter().flat_map(|r| r.items.iter()) {
            if let Some(check) = self.checks.iter_mut().find(|c| c.id == added.check) {
                check.items.push(added.item.clone());
            }
        }
        self
    }
}

impl Check {
    /// Per theme: green when (almost) everything that applies is in place, red when little is.
    /// "Partly" counts half.
    pub fn scores(&self, answers: &AnswerSheet) -> Vec<ThemeScore> {
        self.themes
            .iter()
            .map(|theme| {
                let items: Vec<&Item> = self.items.iter().filter(|i| i.theme == theme.id).collect();
                let given: Vec<Answer> = items.iter().filter_map(|i| answers.get(&i.id).copied()).collect();
                let applicable: Vec<Answer> = given.iter().copied().filter(|a| *a != Answer::NotApplicable).collect();
                let points: f32 = applicable
                    .iter()
                    .map(|a| match a {
                        Answer::Yes => 1.0,
                        Answer::Partly => 0.5,
                        _ => 0.0,
                    })
                    .sum();
                let rating = if applicable.is_empty() {
                    Rating::Open
                } else {
                    match points / applicable.len() as f32 {
                        share if share >= 0.8 => Rating::Green,
                        share if share >= 0.5 => Rating::Amber,
                        _ => Rating::Red,
                    }
                };
                ThemeScore { theme: theme.id.clone(), rating, answered: given.len(), total: items.len() }
            })
            .collect()
    }

    /// What to do, most important first: weight, then "no" before "partly", then the order of
    /// the check.
    pub fn actions(&self, answers: &AnswerSheet) -> Vec<&Item> {
        let mut todo: Vec<(usize, &Item, Answer)> = self
            .items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| match answers.get(&item.id) {
                Some(a @ (Answer::No | Answer::Partly)) => Some((i, item, *a)),
                _ => None,
            })
            .collect();
        todo.sort_by_key(|(i, item, answer)| (std::cmp::Reverse(item.weight), *answer != Answer::No, *i));
        todo.into_iter().map(|(_, item, _)| item).collect()
    }
}

/// A check's answers as the user saved them, dated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedResult {
    pub check: String,
    pub saved: DateTime<Utc>,
    pub answers: AnswerSheet,
}

/// An item whose answer differs from the saved result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub item: String,
    pub before: Option<Answer>,
    pub after: Option<Answer>,
}

pub fn changes(before: &AnswerSheet, after: &AnswerSheet) -> Vec<Change> {
    let mut ids: Vec<&String> = before.keys().chain(after.keys()).collect();
    ids.sort();
    ids.dedup();
    ids.into_iter()
        .filter_map(|id| {
            let (b, a) = (before.get(id).copied(), after.get(id).copied());
            (b != a).then(|| Change { item: id.clone(), before: b, after: a })
        })
        .collect()
}

const EXPORT_FORMAT: &str = "meldwijzer-zelftest";
const EXPORT_VERSION: u32 = 1;

#[derive(Serialize)]
struct ExportFile<'a> {
    format: &'a str,
    version: u32,
    exported: DateTime<Utc>,
    results: &'a [SavedResult],
}

pub fn export(results: &[SavedResult], now: DateTime<Utc>) -> String {
    let file = ExportFile { format: EXPORT_FORMAT, version: EXPORT_VERSION, exported: now, results };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads an export file, all or nothing, with the same checks as dossier imports (size,
/// nesting, format, version, at most `MAX_IMPORT_ITEMS` results); a broken result is named
/// by its position, in plain words.
pub fn import(text: &str) -> Result<Vec<SavedResult>, ImportError> {
    let items = open_export(text, EXPORT_FORMAT, EXPORT_VERSION, "results")?;
    items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            serde_json::from_value(item).map_err(|_| ImportError::BadItem { index: index + 1, code: String::new(), part: ItemPart::Result })
        })
        .collect()
}

/// The saved results of `check` with the imported ones added: only results of that check,
/// each once (linear time: a set of what is there), oldest first. Returns all and how many
/// were added.
pub fn merge_import(saved: &[SavedResult], imported: Vec<SavedResult>, check: &str) -> (Vec<SavedResult>, usize) {
    let key = |r: &SavedResult| serde_json::to_string(r).unwrap_or_default();
    let mut seen: std::collections::HashSet<String> = saved.iter().map(key).collect();
    let mut all = saved.to_vec();
    let before = all.len();
    all.extend(imported.into_iter().filter(|r| r.check == check && seen.insert(key(r))));
    let added = all.len() - before;
    all.sort_by_key(|r| r.saved);
    (all, added)
}

/// An import file read and added to the saved results of `check`: what to store (one write
/// of the whole list, so it is stored whole or not at all) and how many results are new; the
/// file's problem when it is refused, with nothing added.
pub fn import_into(saved: &[SavedResult], text: &str, check: &str) -> Result<(Vec<SavedResult>, usize), ImportError> {
    import(text).map(|imported| merge_import(saved, imported, check))
}

/// The saved results with the answers of `check` saved `now` added, oldest first.
pub fn with_saved(saved: &[SavedResult], check: &str, answers: AnswerSheet, now: DateTime<Utc>) -> Vec<SavedResult> {
    let mut all = saved.to_vec();
    all.push(SavedResult { check: check.to_string(), saved: now, answers });
    all.sort_by_key(|r| r.saved);
    all
}

/// The result saved last ("Laatst opgeslagen op …"), by its time, whatever order the list
/// came in (another tab's or an older version's write).
pub fn latest(saved: &[SavedResult]) -> Option<&SavedResult> {
    saved.iter().max_by_key(|r| r.saved)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(pairs: &[(&str, Answer)]) -> AnswerSheet {
        pairs.iter().map(|(id, a)| (id.to_string(), *a)).collect()
    }

    #[test]
    fn every_practice_case_model_answer_runs_through_the_meldcode_engine() {
        let content = SelfCheckContent::load();
        assert!(content.cases.len() >= 3);
        for case in &content.cases {
            let outcome = case.model_outcome();
            assert_eq!(outcome.next, None, "{}: the model answer reaches a decision", case.id);
            assert_eq!((outcome.melden, outcome.help), (case.expect.melden, case.expect.help), "{}", case.id);
            for q in 1..=5u8 {
                let asked = !outcome.not_asked().contains(&q) && case.answers[usize::from(q) - 1].is_some();
                assert_eq!(asked, case.reasoning[usize::from(q) - 1].is_some(), "{}: reasoning for afweging {q}", case.id);
            }
        }
    }

    #[test]
    fn the_content_is_complete_and_sourced() {
        let content = SelfCheckContent::load();
        let ids: Vec<&str> = content.checks.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["professional", "organisatie", "gemeente"]);
        for check in &content.checks {
            for item in &check.items {
                assert!(check.themes.iter().any(|t| t.id == item.theme), "{}: theme {}", item.id, item.theme);
                // Where in a public document (tests/sources.rs checks the whole citation).
                let source = &item.source.source;
                let located = source.contains("https://")
                    || ["hoofdstuk", "bijlage", "thema", "artikel", "inleiding"].iter().any(|p| source.contains(p));
                assert!(located, "{}: the source says where in the document: {source}", item.id);
                assert!((1..=3).contains(&item.weight));
            }
        }
        for question in &content.knowledge {
            assert!(question.correct < question.options.len(), "{}", question.id);
        }
    }

    #[test]
    fn themes_score_red_amber_green_and_not_applicable_does_not_count() {
        let content = SelfCheckContent::load();
        let org = content.check("organisatie").unwrap();
        let answers = sheet(&[
            ("org-vastgesteld", Answer::Yes),
            ("org-stap-voor-stap", Answer::Yes),
            ("org-toegesneden", Answer::Yes),
            ("org-stappen-kindcheck", Answer::Partly),
            ("org-aandachtsfunctionaris", Answer::No),
            ("org-wie-beslist", Answer::Partly),
            ("org-scholing", Answer::NotApplicable),
        ]);
        let scores = org.scores(&answers);
        let rating = |theme: &str| scores.iter().find(|s| s.theme == theme).unwrap().rating;
        assert_eq!(rating("meldcode"), Rating::Green, "3.5 of 4");
        assert_eq!(rating("rollen"), Rating::Red, "0.5 of 2");
        assert_eq!(rating("deskundigheid"), Rating::Open, "only not applicable");
        let todo: Vec<&str> = org.actions(&answers).iter().map(|i| i.id.as_str()).collect();
        assert_eq!(todo, ["org-aandachtsfunctionaris", "org-stappen-kindcheck", "org-wie-beslist"]);
    }

    #[test]
    fn an_organisation_adds_its_own_items() {
        let text = r#"{"items": [{"check": "organisatie", "id": "eigen-af", "theme": "rollen",
            "question": {"nl": "Kent iedereen onze aandachtsfunctionaris S. Bakker?"},
            "explanation": {"nl": "Zij is bereikbaar op 010-5550900."}, "next_step": {"nl": "Zet haar nummer op het prikbord."},
            "weight": 3, "source": "Eigen meldcode, bijlage 1", "checked": "2026-11-01"}]}"#;
        let region: RegionSelfCheck = serde_json::from_str(text).unwrap();
        let content = SelfCheckContent::load().with_region(Some(&region));
        let org = content.check("organisatie").unwrap();
        assert_eq!(org.items.last().unwrap().id, "eigen-af");
        let answers = sheet(&[("eigen-af", Answer::No)]);
        assert_eq!(org.actions(&answers)[0].next_step.nl, "Zet haar nummer op het prikbord.");
    }

    #[test]
    fn a_retake_shows_what_changed() {
        let before = sheet(&[("a", Answer::No), ("b", Answer::Yes)]);
        let after = sheet(&[("a", Answer::Yes), ("b", Answer::Yes), ("c", Answer::Partly)]);
        assert_eq!(
            changes(&before, &after),
            [
                Change { item: "a".into(), before: Some(Answer::No), after: Some(Answer::Yes) },
                Change { item: "c".into(), before: None, after: Some(Answer::Partly) },
            ]
        );
    }

    #[test]
    fn results_survive_export_and_bad_files_are_refused() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-22T10:00:00Z").unwrap().with_timezone(&Utc);
        let result = SavedResult { check: "gemeente".into(), saved: now, answers: sheet(&[("gm-toezicht", Answer::Partly)]) };
        let file = export(std::slice::from_ref(&result), now);
        assert_eq!(import(&file).unwrap(), [result]);
        assert_eq!(import("{").unwrap_err(), ImportError::NotJson);
        assert_eq!(import(r#"{"format":"meldwijzer-dossiers","version":1}"#).unwrap_err(), ImportError::WrongFormat);
        assert_eq!(
            import(r#"{"format":"meldwijzer-zelftest","version":9,"results":[]}"#).unwrap_err(),
            ImportError::NewerVersion { found: 9 }
        );
        assert!(matches!(
            import(r#"{"format":"meldwijzer-zelftest","version":1,"results":[{"check":1}]}"#),
            Err(ImportError::BadItem { index: 1, part: ItemPart::Result, .. })
        ));
    }

    #[test]
    fn a_zelftest_import_follows_the_same_limits_and_adds_each_result_once() {
        use crate::meldcode::dossier::{MAX_IMPORT_BYTES, MAX_IMPORT_ITEMS};
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-22T10:00:00Z").unwrap().with_timezone(&Utc);
        let result = |check: &str, minutes: i64| SavedResult {
            check: check.into(),
            saved: now + chrono::Duration::minutes(minutes),
            answers: sheet(&[("a", Answer::Yes)]),
        };
        let many: Vec<SavedResult> = (0..=MAX_IMPORT_ITEMS as i64).map(|i| result("gemeente", i)).collect();
        assert_eq!(import(&export(&many, now)).unwrap_err(), ImportError::TooMany { count: MAX_IMPORT_ITEMS + 1 });
        let deep = format!(r#"{{"format":"meldwijzer-zelftest","version":1,"results":{}}}"#, "[".repeat(100_000));
        assert_eq!(import(&deep).unwrap_err(), ImportError::TooDeep);
        assert!(matches!(import(&" ".repeat(MAX_IMPORT_BYTES + 1)), Err(ImportError::TooLarge { .. })));

        let saved = vec![result("gemeente", 5)];
        let imported = vec![result("gemeente", 5), result("gemeente", 1), result("organisatie", 2), result("gemeente", 1)];
        let (all, added) = merge_import(&saved, imported, "gemeente");
        assert_eq!(added, 1);
        assert_eq!(all, [result("gemeente", 1), result("gemeente", 5)]);
        // Ten thousand results against ten thousand saved: a set, not a list scan.
        let saved: Vec<SavedResult> = (0..10_000).map(|i| result("gemeente", i)).collect();
        let started = std::time::Instant::now();
        let (all, added) = merge_import(&saved, saved.clone(), "gemeente");
        assert_eq!((all.len(), added), (10_000, 0));
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "{:?}", started.elapsed());
    }

    #[test]
    fn an_import_into_the_saved_results_adds_only_new_results_of_this_check_or_nothing() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-22T10:00:00Z").unwrap().with_timezone(&Utc);
        let result = |check: &str, minutes: i64| SavedResult {
            check: check.into(),
            saved: now + chrono::Duration::minutes(minutes),
            answers: sheet(&[("a", Answer::Yes)]),
        };
        let saved = vec![result("gemeente", 5)];
        let file = export(&[result("gemeente", 5), result("gemeente", 1), result("organisatie", 2)], now);
        let (all, added) = import_into(&saved, &file, "gemeente").unwrap();
        assert_eq!(added, 1);
        assert_eq!(all, [result("gemeente", 1), result("gemeente", 5)]);
        assert_eq!(import_into(&saved, "{", "gemeente"), Err(ImportError::NotJson));
        let (all, added) = import_into(&saved, &file, "professional").unwrap();
        assert_eq!((all, added), (saved.clone(), 0), "another check's results are not added");
    }

    #[test]
    fn the_latest_result_is_the_one_saved_last_whatever_the_order() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-22T10:00:00Z").unwrap().with_timezone(&Utc);
        let at = |minutes: i64| SavedResult { check: "gemeente".into(), saved: now + chrono::Duration::minutes(minutes), answers: sheet(&[]) };
        assert_eq!(latest(&[]), None);
        assert_eq!(latest(&[at(3), at(9), at(1)]), Some(&at(9)));
        // A new result goes in its place by time: the list stays oldest first.
        let all = with_saved(&[at(1), at(9)], "gemeente", sheet(&[("a", Answer::No)]), now + chrono::Duration::minutes(5));
        let times: Vec<i64> = all.iter().map(|r| (r.saved - now).num_minutes()).collect();
        assert_eq!(times, [1, 5, 9]);
        assert_eq!(all[1].answers, sheet(&[("a", Answer::No)]));
        let all = with_saved(&all, "gemeente", sheet(&[]), now + chrono::Duration::minutes(20));
        assert_eq!(latest(&all).map(|r| (r.saved - now).num_minutes()), Some(20));
    }
}
