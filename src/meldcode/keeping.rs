//! Never lost, never kept too long: how old a dossier is, when to remind the user to move it
//! to their own client record, when an organisation's retention period deletes it (always
//! after a warning on two visits), and which browser may delete it on its own. Plain Rust;
//! the list screen renders these decisions.

use chrono::{DateTime, Duration, Local, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// After this many days a dossier reminds the user to copy it to their own client record.
pub const DEFAULT_REMIND_AFTER_DAYS: u32 = 30;
/// Warnings that a dossier will be deleted begin this many days before its deletion date.
pub const WARN_DAYS_BEFORE: i64 = 14;
/// Deletion needs a warning seen on this many different days before.
pub const WARNINGS_BEFORE_DELETION: usize = 2;
/// The longest period a pack may set (ten years).
pub const MAX_DAYS: u32 = 3_650;

/// An organisation's rules for keeping dossiers on a device, from its pack
/// (`meldcode_retention`). Without a pack: a reminder after 30 days, nothing deleted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetentionPolicy {
    /// Days after a dossier was made until the reminder to copy it and remove it here.
    #[serde(default)]
    pub remind_after_days: Option<u32>,
    /// Days after a dossier was last changed until it is deleted from the device.
    #[serde(default)]
    pub delete_after_days: Option<u32>,
}

impl RetentionPolicy {
    pub fn remind_after_days(&self) -> u32 {
        self.remind_after_days.unwrap_or(DEFAULT_REMIND_AFTER_DAYS)
    }
}

/// A moment as the user's calendar day.
pub fn local_day(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Local).date_naive()
}

/// Whole days since `created`, counted in calendar days (made yesterday: 1).
pub fn age_days(created: NaiveDate, today: NaiveDate) -> i64 {
    (today - created).num_days().max(0)
}

/// Whether a dossier made on `created` should remind the user to move it.
pub fn needs_reminder(created: NaiveDate, today: NaiveDate, policy: &RetentionPolicy) -> bool {
    age_days(created, today) >= i64::from(policy.remind_after_days())
}

/// The day from which a dossier last changed on `updated` is deleted, if the pack sets one.
pub fn deletion_day(updated: NaiveDate, policy: &RetentionPolicy) -> Option<NaiveDate> {
    policy.delete_after_days.map(|days| updated + Duration::days(i64::from(days)))
}

/// Per dossier id, the days on which its deletion warning was shown.
pub type Warnings = BTreeMap<String, Vec<NaiveDate>>;

/// What a visit to the dossier list does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VisitPlan {
    /// Dossiers to warn about now, with the day from which they are deleted.
    pub warn: Vec<(String, NaiveDate)>,
    /// Dossiers past their deletion day whose warning was seen on two days before today.
    pub delete: Vec<String>,
    /// The warnings to store, with today added for each warned dossier.
    pub warnings: Warnings,
}

/// Decides a visit on `today`: `dossiers` are (id, day of last change). A warning counts only
/// when it was shown on a day in the dossier's current warning window (a change moves the
/// deletion day, and earlier warnings no longer count), once per day.
pub fn plan_visit(dossiers: &[(String, NaiveDate)], today: NaiveDate, policy: &RetentionPolicy, warnings: &Warnings) -> VisitPlan {
    let mut plan = VisitPlan::default();
    for (id, updated) in dossiers {
        let Some(due) = deletion_day(*updated, policy) else { continue };
        let window_start = due - Duration::days(WARN_DAYS_BEFORE);
        if today < window_start {
            continue;
        }
        let mut days: Vec<NaiveDate> =
            warnings.get(id).map(|days| days.iter().copied().filter(|d| *d >= window_start && *d <= today).collect()).unwrap_or_default();
        days.sort();
        days.dedup();
        let before_today = days.iter().filter(|d| **d < today).count();
        if today >= due && before_today >= WARNINGS_BEFORE_DELETION {
            plan.delete.push(id.clone());
            continue;
        }
        if days.last() != Some(&today) {
            days.push(today);
        }
        plan.warn.push((id.clone(), due));
        plan.warnings.insert(id.clone(), days);
    }
    plan
}

/// Whether the browser is Safari, which deletes everything a website stored after seven days
/// without a visit (WebKit's Intelligent Tracking Prevention). Other browsers on iOS say
/// "Safari" too and name themselves as well (CriOS, FxiOS, EdgiOS); Chrome, Edge and Opera on
/// a computer or Android say "Chrome".
pub fn is_safari(user_agent: &str) -> bool {
    const OTHERS: [&str; 10] = ["Chrome", "Chromium", "CriOS", "FxiOS", "EdgiOS", "Edg/", "OPR/", "OPiOS", "Android", "Firefox"];
    user_agent.contains("Safari/") && user_agent.contains("AppleWebKit") && !OTHERS.iter().any(|o| user_agent.contains(o))
}

/// Whether a user must be told that their dossiers go after seven days without a visit:
/// Safari in a tab, not the app installed on the home screen, which WebKit leaves out of that
/// rule (WebKit, "Full Third-Party Cookie Blocking and More", 2020,
/// https://webkit.org/blog/10218/full-third-party-cookie-blocking-and-more/).
pub fn deleted_after_a_week_unvisited(user_agent: &str, installed: bool) -> bool {
    is_safari(user_agent) && !installed
}

/// Whether the browser promised to keep this website's storage (`navigator.storage`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// Kept until the user deletes it, also when the disk fills up.
    Granted,
    /// The browser may delete it when space runs low.
    NotGranted,
    /// The browser does not say (no `navigator.storage`).
    Unknown,
}

impl Persistence {
    pub fn from_answer(answer: Option<bool>) -> Persistence {
        match answer {
            Some(true) => Persistence::Granted,
            Some(false) => Persistence::NotGranted,
            None => Persistence::Unknown,
        }
    }

    pub fn message_key(self) -> &'static str {
        match self {
            Persistence::Granted => "keeping.persist.granted",
            Persistence::NotGranted => "keeping.persist.not_granted",
            Persistence::Unknown => "keeping.persist.unknown",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn a_dossier_reminds_after_thirty_days_or_what_the_organisation_sets() {
        let made = day("2026-11-01");
        let default = RetentionPolicy::default();
        assert_eq!(age_days(made, day("2026-11-01")), 0);
        assert_eq!(age_days(made, day("2026-11-30")), 29);
        assert!(!needs_reminder(made, day("2026-11-30"), &default));
        assert!(needs_reminder(made, day("2026-12-01"), &default));
        let org = RetentionPolicy { remind_after_days: Some(7), delete_after_days: None };
        assert!(needs_reminder(made, day("2026-11-08"), &org));
        assert!(!needs_reminder(made, day("2026-11-07"), &org));
        assert_eq!(age_days(made, day("2026-10-01")), 0, "a clock set back shows no negative age");
    }

    #[test]
    fn without_a_retention_period_nothing_is_deleted_or_warned() {
        let plan = plan_visit(&[("a".into(), day("2020-01-01"))], day("2026-11-22"), &RetentionPolicy::default(), &Warnings::new());
        assert_eq!(plan, VisitPlan::default());
    }

    #[test]
    fn deletion_comes_only_after_warnings_on_two_earlier_days() {
        let policy = RetentionPolicy { remind_after_days: None, delete_after_days: Some(60) };
        let changed = day("2026-10-01");
        let due = day("2026-11-30");
        let dossiers = [("a".to_string(), changed)];
        let visit = |today: &str, warnings: &Warnings| plan_visit(&dossiers, day(today), &policy, warnings);

        assert_eq!(visit("2026-11-15", &Warnings::new()), VisitPlan::default(), "before the warning window");
        // First visit long after the deletion day: warned, not deleted.
        let first = visit("2027-01-10", &Warnings::new());
        assert_eq!(first.warn, [("a".to_string(), due)]);
        assert!(first.delete.is_empty());
        // Again the same day: still only one warning day.
        let same_day = visit("2027-01-10", &first.warnings);
        assert!(same_day.delete.is_empty());
        assert_eq!(same_day.warnings["a"], [day("2027-01-10")]);
        // Second day: warned again.
        let second = visit("2027-01-11", &same_day.warnings);
        assert!(second.delete.is_empty());
        assert_eq!(second.warnings["a"].len(), 2);
        // Third day: deleted.
        let third = visit("2027-01-12", &second.warnings);
        assert_eq!(third.delete, ["a"]);
        assert!(third.warn.is_empty());
    }

    #[test]
    fn warnings_in_the_window_before_the_deletion_day_count() {
        let policy = RetentionPolicy { remind_after_days: None, delete_after_days: Some(60) };
        let dossiers = [("a".to_string(), day("2026-10-01"))];
        let warnings: Warnings = [("a".to_string(), vec![day("2026-11-20"), day("2026-11-25")])].into();
        let on_due = plan_visit(&dossiers, day("2026-11-30"), &policy, &warnings);
        assert_eq!(on_due.delete, ["a"]);
        let before_due = plan_visit(&dossiers, day("2026-11-29"), &policy, &warnings);
        assert!(before_due.delete.is_empty(), "never before the deletion day");
    }

    #[test]
    fn a_change_moves_the_deletion_day_and_old_warnings_stop_counting() {
        let policy = RetentionPolicy { remind_after_days: None, delete_after_days: Some(30) };
        let warnings: Warnings = [("a".to_string(), vec![day("2026-11-01"), day("2026-11-02")])].into();
        // Changed on 11-03: due 12-03, window from 11-19; the November warnings are older.
        let plan = plan_visit(&[("a".to_string(), day("2026-11-03"))], day("2026-12-05"), &policy, &warnings);
        assert!(plan.delete.is_empty());
        assert_eq!(plan.warnings["a"], [day("2026-12-05")]);
    }

    #[test]
    fn safari_is_told_apart_from_the_browsers_that_also_say_safari() {
        let safari_mac = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15";
        let safari_ios = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
        let safari_ipad = "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1";
        for ua in [safari_mac, safari_ios, safari_ipad] {
            assert!(is_safari(ua), "{ua}");
        }
        let others = [
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.0.0 Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/125.0 Mobile/15E148 Safari/605.1.15",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 EdgiOS/124.0.2478.89 Mobile/15E148 Safari/605.1.15",
            "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
            "",
        ];
        for ua in others {
            assert!(!is_safari(ua), "{ua}");
        }
    }

    #[test]
    fn an_installed_app_is_not_warned_about_the_seven_days() {
        let safari_ios = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
        assert!(deleted_after_a_week_unvisited(safari_ios, false));
        assert!(!deleted_after_a_week_unvisited(safari_ios, true));
        let chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
        assert!(!deleted_after_a_week_unvisited(chrome, false));
    }

    #[test]
    fn persistence_has_a_message_for_every_answer() {
        use crate::i18n::{t, Lang};
        for answer in [Some(true), Some(false), None] {
            let key = Persistence::from_answer(answer).message_key();
            for lang in Lang::ALL {
                assert_ne!(t(lang, key), key);
            }
        }
    }
}
