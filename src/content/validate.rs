//! Region pack validation: data from a gemeente's server is hostile until proven otherwise.
//! Every problem names the file, the field path and what is wrong, in plain language, and all
//! problems are reported at once so an editor can fix a file in one go.

use super::{PhoneNumber, RegionPack};
use crate::ground::checks::{has_markup, is_content_id, is_email, is_phone, is_relative_path, is_web_url};
use crate::ground::contact::{Area, Contact};
use crate::ground::limits::{MAX_PACK_BYTES, MAX_URL_CHARS, REGION_FORMAT, REGION_VERSION};
use crate::ground::postcode::is_postcode_range;
use crate::ground::problem::{Issue, Problem};
use crate::ground::source::Source;
use crate::i18n::Text;
use serde_json::Value;
use std::collections::HashSet;

const MAX_NAME_CHARS: usize = 200;
const MAX_TEXT_CHARS: usize = 5_000;

/// Parses and checks a region pack. `national_ids` are the numbers a region may not replace;
/// `today` is the date its `checked` dates are held against (the caller reads the clock: the
/// app, the checker, or a test with a fixed date).
pub fn parse_region_pack(
    file: &str,
    text: &str,
    national_ids: &[&str],
    today: chrono::NaiveDate,
) -> Result<RegionPack, Vec<Issue>> {
    let whole = |problem| vec![Issue { file: file.to_string(), path: String::new(), problem }];
    if text.len() > MAX_PACK_BYTES {
        return Err(whole(Problem::TooLarge { size: text.len(), max: MAX_PACK_BYTES }));
    }
    let value: Value = serde_json::from_str(text)
        .map_err(|e| whole(Problem::NotJson { line: e.line(), column: e.column() }))?;

    // Format and version first: a pack for a newer app gets that message, not a list of
    // field errors it could not help.
    let field = |problem, path: &str| {
        vec![Issue { file: file.to_string(), path: path.to_string(), problem }]
    };
    match value.get("format").and_then(Value::as_str) {
        Some(REGION_FORMAT) => {}
        _ => return Err(field(Problem::WrongFormat, "format")),
    }
    match value.get("version") {
        Some(Value::Number(n)) if n.as_u64() == Some(REGION_VERSION as u64) => {}
        Some(other) => {
            return Err(field(Problem::UnsupportedVersion { found: other.to_string() }, "version"))
        }
        None => return Err(field(Problem::MissingField { field: "version".into() }, "")),
    }

    let mut pack: RegionPack = serde_path_to_error::deserialize(&value).map_err(|e| {
        let path = match e.path().to_string() {
            p if p == "." => String::new(),
            p => p,
        };
        field(shape_problem(&e.inner().to_string()), &path)
    })?;

    pack.loaded_from = None;
    let mut checker = Checker::new(file, today);
    checker.pack(&pack, national_ids);
    if checker.issues.is_empty() {
        Ok(pack)
    } else {
        Err(checker.issues)
    }
}

/// serde's messages are English and technical; the common ones get a plain Dutch sentence.
fn shape_problem(detail: &str) -> Problem {
    if let Some(rest) = detail.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest).to_string();
        return Problem::MissingField { field };
    }
    // Drop serde's " at line 1 column 2" (the path already says where).
    let detail = detail.split(" at line ").next().unwrap_or(detail);
    Problem::WrongType { detail: detail.to_string() }
}












/// What a pack names in the national routes and zelftest: route node ids, check and theme ids.
/// Separate from [`parse_region_pack`] so the shell need not carry those contents; the checker
/// runs it, and a capability skips what does not resolve.
pub fn cross_references(file: &str, pack: &RegionPack) -> Vec<Issue> {
    // No dates are checked here.
    let mut checker = Checker::new(file, chrono::NaiveDate::MIN);
    let routes = crate::routekaart::model::RouteMap::national();
    for (i, step) in pack.routes.iter().flat_map(|r| r.local_steps.iter()).enumerate() {
        if routes.node(&step.node).is_none() {
            checker.report(&format!("routes.local_steps[{i}].node"), Problem::UnknownRouteNode { id: step.node.clone() });
        }
    }
    let checks = crate::self_check::model::SelfCheckContent::load();
    for (i, added) in pack.self_check.iter().flat_map(|s| s.items.iter()).enumerate() {
        let at = format!("self_check.items[{i}]");
        match checks.check(&added.check) {
            None => checker.report(&format!("{at}.check"), Problem::UnknownSelfCheck { id: added.check.clone() }),
            Some(check) if !check.themes.iter().any(|t| t.id == added.item.theme) => {
                checker.report(&format!("{at}.theme"), Problem::UnknownSelfCheck { id: added.item.theme.clone() })
            }
            Some(check) if check.items.iter().any(|item| item.id == added.item.id) => {
                checker.report(&format!("{at}.id"), Problem::DuplicateId { id: added.item.id.clone() })
            }
            Some(_) => {}
        }
    }
    checker.issues
}

struct Checker<'a> {
    file: &'a str,
    issues: Vec<Issue>,
    /// A `checked` date after this is in the future: today plus one day of slack for time
    /// zones between an editor and a user.
    tomorrow: chrono::NaiveDate,
}

impl<'a> Checker<'a> {
    fn new(file: &'a str, today: chrono::NaiveDate) -> Self {
        let tomorrow = today.checked_add_days(chrono::Days::new(1)).unwrap_or(chrono::NaiveDate::MAX);
        Checker { file, issues: Vec::new(), tomorrow }
    }
}

impl Checker<'_> {
    fn report(&mut self, path: &str, problem: Problem) {
        self.issues.push(Issue { file: self.file.to_string(), path: path.to_string(), problem });
    }

    fn text(&mut self, path: &str, value: &str, max: usize) {
        if value.trim().is_empty() {
            self.report(path, Problem::Empty);
        } else if value.chars().count() > max {
            self.report(path, Problem::TooLong { max });
        } else if has_markup(value) || value.chars().any(|c| c.is_control() && c != '\n') {
            self.report(path, Problem::Markup);
        }
    }

    fn localized(&mut self, path: &str, value: &Text, max: usize) {
        self.text(&format!("{path}.nl"), &value.nl, max);
        if let Some(en) = &value.en {
            self.text(&format!("{path}.en"), en, max);
        }
    }

    fn url(&mut self, path: &str, url: &str) {
        if !is_web_url(url) {
            self.report(path, Problem::BadUrl);
        }
    }

    /// A set, not a list: a pack with thousands of contacts is checked in linear time.
    fn id<'p>(&mut self, path: &str, id: &'p str, seen: &mut HashSet<&'p str>) {
        if !is_content_id(id) {
            self.report(path, Problem::BadId);
        } else if !seen.insert(id) {
            self.report(path, Problem::DuplicateId { id: id.to_string() });
        }
    }

    fn source(&mut self, path: &str, source: &Source) {
        self.text(&format!("{path}.source"), &source.source, MAX_URL_CHARS);
        if source.checked > self.tomorrow {
            self.report(&format!("{path}.checked"), Problem::CheckedInFuture);
        }
    }

    fn pack(&mut self, pack: &RegionPack, national_ids: &[&str]) {
        let region = &pack.region;
        if !is_content_id(&region.id) {
            self.report("region.id", Problem::BadId);
        }
        self.text("region.name", &region.name, MAX_NAME_CHARS);
        if let Some(team) = &region.local_team {
            self.localized("region.local_team", team, MAX_NAME_CHARS);
        }
        if let Some(url) = &region.exit_url {
            self.url("region.exit_url", url);
        }

        let mut ids = HashSet::new();
        for (i, number) in pack.numbers.iter().enumerate() {
            self.number(&format!("numbers[{i}]"), number, national_ids, &mut ids);
        }
        let mut contact_ids = HashSet::new();
        for (i, contact) in pack.contacts.iter().enumerate() {
            self.contact(&format!("contacts[{i}]"), contact, &mut contact_ids);
        }
        for (i, area) in pack.wijken.iter().enumerate() {
            self.area(&format!("wijken[{i}]"), area);
        }
        if let Some(profile) = &pack.meldcode_profile {
            self.profile(profile);
        }
        if let Some(retention) = &pack.meldcode_retention {
            let max = crate::meldcode::keeping::MAX_DAYS;
            for (name, days) in [("remind_after_days", retention.remind_after_days), ("delete_after_days", retention.delete_after_days)] {
                if days.is_some_and(|d| d == 0 || d > max) {
                    self.report(&format!("meldcode_retention.{name}"), Problem::WrongType { detail: format!("1–{max}") });
                }
            }
        }
        if let Some(minutes) = pack.meldcode_protection.as_ref().and_then(|p| p.lock_after_minutes) {
            let max = crate::meldcode::vault::MAX_LOCK_MINUTES;
            if minutes == 0 || minutes > max {
                self.report("meldcode_protection.lock_after_minutes", Problem::WrongType { detail: format!("1–{max}") });
            }
        }
        for (i, step) in pack.routes.iter().flat_map(|r| r.local_steps.iter()).enumerate() {
            let at = format!("routes.local_steps[{i}]");
            self.localized(&format!("{at}.text"), &step.text, MAX_TEXT_CHARS);
            self.source(&at, &step.source);
        }
        let mut item_ids = HashSet::new();
        for (i, added) in pack.self_check.iter().flat_map(|s| s.items.iter()).enumerate() {
            let at = format!("self_check.items[{i}]");
            let item = &added.item;
            self.id(&format!("{at}.id"), &item.id, &mut item_ids);
            for (field, text) in [("question", &item.question), ("explanation", &item.explanation), ("next_step", &item.next_step)] {
                self.localized(&format!("{at}.{field}"), text, MAX_TEXT_CHARS);
            }
            if !(1..=3).contains(&item.weight) {
                self.report(&format!("{at}.weight"), Problem::WrongType { detail: "1–3".into() });
            }
            self.source(&at, &item.source);
        }
        if let Some(map) = &pack.social_map {
            for (kind, terms) in [("themes", &map.themes), ("target_groups", &map.target_groups)] {
                let mut ids = HashSet::new();
                for (i, term) in terms.iter().enumerate() {
                    let at = format!("social_map.{kind}[{i}]");
                    self.id(&format!("{at}.id"), &term.id, &mut ids);
                    self.localized(&format!("{at}.label"), &term.label, MAX_NAME_CHARS);
                }
            }
        }
        for (i, file) in pack.social_map.iter().flat_map(|m| m.files.iter()).enumerate() {
            if !is_relative_path(&file.path) {
                self.report(&format!("social_map.files[{i}].path"), Problem::NotBesidePack);
            }
        }
    }

    fn profile(&mut self, profile: &crate::meldcode::profile::Profile) {
        let fields = [
            ("organisation", &profile.organisation),
            ("aandachtsfunctionaris", &profile.aandachtsfunctionaris),
            ("decider", &profile.decider),
        ];
        for (name, value) in fields {
            if !value.is_empty() {
                self.text(&format!("meldcode_profile.{name}"), value, MAX_NAME_CHARS);
            }
        }
        let phone = &profile.aandachtsfunctionaris_phone;
        if !phone.is_empty() && !is_phone(phone) {
            self.report("meldcode_profile.aandachtsfunctionaris_phone", Problem::BadPhone);
        }
    }

    fn number<'p>(&mut self, at: &str, number: &'p PhoneNumber, national: &[&str], ids: &mut HashSet<&'p str>) {
        if national.contains(&number.id.as_str()) {
            self.report(
                &format!("{at}.id"),
                Problem::ReplacesNationalNumber { id: number.id.clone() },
            );
        } else {
            self.id(&format!("{at}.id"), &number.id, ids);
        }
        self.localized(&format!("{at}.name"), &number.name, MAX_NAME_CHARS);
        if !is_phone(&number.number) {
            self.report(&format!("{at}.number"), Problem::BadPhone);
        }
        self.localized(&format!("{at}.when"), &number.when, MAX_TEXT_CHARS);
        self.source(at, &number.source);
    }

    fn contact<'p>(&mut self, at: &str, contact: &'p Contact, ids: &mut HashSet<&'p str>) {
        self.id(&format!("{at}.id"), &contact.id, ids);
        self.text(&format!("{at}.name"), &contact.name, MAX_NAME_CHARS);
        self.localized(&format!("{at}.description"), &contact.description, MAX_TEXT_CHARS);
        if let Some(phone) = &contact.phone {
            if !is_phone(phone) {
                self.report(&format!("{at}.phone"), Problem::BadPhone);
            }
        }
        if let Some(email) = &contact.email {
            if !is_email(email) {
                self.report(&format!("{at}.email"), Problem::BadEmail);
            }
        }
        if let Some(website) = &contact.website {
            self.url(&format!("{at}.website"), website);
        }
        for (i, area) in contact.areas.iter().enumerate() {
            self.area(&format!("{at}.areas[{i}]"), area);
        }
        self.source(at, &contact.source);
    }

    fn area(&mut self, at: &str, area: &Area) {
        self.text(&format!("{at}.name"), &area.name, MAX_NAME_CHARS);
        for (i, postcode) in area.postcodes.iter().enumerate() {
            if !is_postcode_range(postcode) {
                self.report(&format!("{at}.postcodes[{i}]"), Problem::BadPostcode);
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::i18n::Lang;

    pub(crate) const EXAMPLE: &str = include_str!("../../public/regions/voorbeeldstad.json");
    const NATIONAL: &[&str] = &["112", "veilig-thuis"];

    /// The day the tests run: the example's dates are checked against it as the app would.
    fn today() -> chrono::NaiveDate {
        chrono::Local::now().date_naive()
    }

    fn issues(text: &str) -> Vec<Issue> {
        parse_region_pack("regio.json", text, NATIONAL, today()).expect_err("pack should be refused")
    }

    fn example_with(change: impl FnOnce(&mut Value)) -> String {
        let mut value: Value = serde_json::from_str(EXAMPLE).unwrap();
        change(&mut value);
        value.to_string()
    }




    #[test]
    fn a_local_step_must_name_a_route_node_that_exists() {
        let text = example_with(|v| v["routes"]["local_steps"][0]["node"] = "bestaat-niet".into());
        let pack = parse_region_pack("regio.json", &text, NATIONAL, today()).expect("the shape is fine");
        let found = cross_references("regio.json", &pack);
        assert_eq!(found[0].path, "routes.local_steps[0].node");
        let message = found[0].message(Lang::Nl);
        assert!(message.contains("bestaat-niet"), "{message}");
    }

    #[test]
    fn own_zelftest_items_must_name_an_existing_check_and_theme() {
        let item = |check: &str, theme: &str| serde_json::json!({"items": [{"check": check, "id": "eigen", "theme": theme,
            "question": {"nl": "Vraag?"}, "explanation": {"nl": "Uitleg."}, "next_step": {"nl": "Stap."},
            "weight": 2, "source": "Eigen meldcode", "checked": "2026-11-01"}]});
        let pack = parse_region_pack("r.json", &example_with(|v| v["self_check"] = item("organisatie", "rollen")), NATIONAL, today());
        assert_eq!(pack.unwrap().self_check.unwrap().items.len(), 1);
        let refs = |v: Value| {
            let pack = parse_region_pack("r.json", &example_with(|p| p["self_check"] = v), NATIONAL, today()).unwrap();
            cross_references("r.json", &pack)
        };
        assert!(refs(item("organisatie", "rollen")).is_empty());
        let found = refs(item("school", "rollen"));
        assert_eq!(found[0].path, "self_check.items[0].check");
        let found = refs(item("organisatie", "koffie"));
        assert_eq!(found[0].path, "self_check.items[0].theme");
        assert!(found[0].message(Lang::Nl).contains("koffie"));
    }

    #[test]
    fn sociale_kaart_files_must_sit_beside_the_pack() {
        let found = issues(&example_with(|v| {
            v["social_map"]["files"][0]["path"] = "https://elders.nl/kaart.json".into();
            v["loaded_from"] = "https://elders.nl/".into();
        }));
        assert_eq!(found[0].path, "social_map.files[0].path");
        assert_eq!(found[0].problem, Problem::NotBesidePack);
        let pack = parse_region_pack("r.json", &example_with(|v| v["loaded_from"] = "https://elders.nl/".into()), NATIONAL, today());
        assert_eq!(pack.unwrap().loaded_from, None, "only the app says where a pack came from");
    }

    #[test]
    fn the_example_region_is_valid() {
        let pack = parse_region_pack("voorbeeldstad.json", EXAMPLE, NATIONAL, today()).unwrap();
        assert_eq!(pack.region.id, "voorbeeldstad");
        assert!(pack.contacts.len() >= 4);
    }

    #[test]
    fn broken_json_names_line_and_column() {
        let found = issues("{\n  \"format\": \"meldwijzer-region\",\n  oops\n}");
        assert_eq!(found[0].problem, Problem::NotJson { line: 3, column: 3 });
        let message = found[0].message(Lang::Nl);
        assert!(message.contains("regio.json") && message.contains("regel 3"), "{message}");
    }

    #[test]
    fn a_pack_for_another_version_says_so() {
        let found = issues(&example_with(|v| v["version"] = 7.into()));
        assert_eq!(found[0].path, "version");
        assert_eq!(found[0].problem, Problem::UnsupportedVersion { found: "7".into() });
        assert!(found[0].message(Lang::Nl).contains("versie 7"));
    }

    #[test]
    fn another_kind_of_file_is_not_read_as_a_pack() {
        let found = issues(r#"{"type": "FeatureCollection"}"#);
        assert_eq!(found[0].problem, Problem::WrongFormat);
    }

    #[test]
    fn a_missing_field_names_its_path() {
        let found = issues(&example_with(|v| {
            v["contacts"][1].as_object_mut().unwrap().remove("description");
        }));
        assert_eq!(found[0].path, "contacts[1]");
        assert_eq!(found[0].problem, Problem::MissingField { field: "description".into() });
        let message = found[0].message(Lang::Nl);
        assert!(message.contains("contacts[1]") && message.contains("description"), "{message}");
    }

    #[test]
    fn a_wrong_type_names_its_path() {
        let found = issues(&example_with(|v| v["contacts"][0]["areas"] = "noord".into()));
        assert_eq!(found[0].path, "contacts[0].areas");
        assert!(matches!(found[0].problem, Problem::WrongType { .. }));
    }

    #[test]
    fn hostile_content_is_refused_field_by_field() {
        let found = issues(&example_with(|v| {
            v["contacts"][0]["website"] = "javascript:alert(1)".into();
            v["contacts"][0]["name"] = "<img src=x onerror=alert(1)>".into();
            v["contacts"][1]["phone"] = "0800<script>".into();
            v["contacts"][1]["email"] = "a@b.nl\"><script>".into();
            v["region"]["exit_url"] = "data:text/html,hoi".into();
        }));
        let at = |path: &str| found.iter().find(|i| i.path == path).map(|i| i.problem.clone());
        assert_eq!(at("contacts[0].website"), Some(Problem::BadUrl));
        assert_eq!(at("contacts[0].name"), Some(Problem::Markup));
        assert_eq!(at("contacts[1].phone"), Some(Problem::BadPhone));
        assert_eq!(at("contacts[1].email"), Some(Problem::BadEmail));
        assert_eq!(at("region.exit_url"), Some(Problem::BadUrl));
    }

    #[test]
    fn an_organisation_can_set_how_long_dossiers_stay_and_it_is_checked() {
        let pack = parse_region_pack("org.json", &example_with(|v| {
            v["meldcode_retention"] = serde_json::json!({"remind_after_days": 14, "delete_after_days": 90});
        }), NATIONAL, today()).unwrap();
        let retention = pack.meldcode_retention.unwrap();
        assert_eq!((retention.remind_after_days(), retention.delete_after_days), (14, Some(90)));
        let found = issues(&example_with(|v| v["meldcode_retention"] = serde_json::json!({"delete_after_days": 0})));
        let found_lock = issues(&example_with(|v| v["meldcode_protection"] = serde_json::json!({"required": true, "lock_after_minutes": 0})));
        assert_eq!(found_lock[0].path, "meldcode_protection.lock_after_minutes");
        let fine = parse_region_pack("org.json", &example_with(|v| v["meldcode_protection"] = serde_json::json!({"required": true, "lock_after_minutes": 5})), NATIONAL, today()).unwrap();
        assert_eq!(fine.meldcode_protection.unwrap().lock_after_ms(), 300_000.0);
        assert_eq!(found[0].path, "meldcode_retention.delete_after_days");
        let found = issues(&example_with(|v| v["meldcode_retention"] = serde_json::json!({"remind_after_days": 99999})));
        assert_eq!(found[0].path, "meldcode_retention.remind_after_days");
    }

    #[test]
    fn an_organisation_can_preset_the_meldcode_profile_and_it_is_checked() {
        let pack = parse_region_pack("org.json", &example_with(|v| {
            v["meldcode_profile"] = serde_json::json!({"sector": "kinderopvang", "aandachtsfunctionaris": "M. de Boer", "afwegingen_in": "Four"});
        }), NATIONAL, today()).unwrap();
        let profile = pack.meldcode_profile.unwrap();
        assert_eq!(profile.sector, crate::meldcode::profile::Sector::Kinderopvang);
        assert_eq!(profile.afwegingen_in.step(), 4);
        let found = issues(&example_with(|v| {
            v["meldcode_profile"] = serde_json::json!({"aandachtsfunctionaris_phone": "bel <b>mij</b>", "decider": "<script>"});
        }));
        let paths: Vec<&str> = found.iter().map(|i| i.path.as_str()).collect();
        assert!(paths.contains(&"meldcode_profile.aandachtsfunctionaris_phone"), "{paths:?}");
        assert!(paths.contains(&"meldcode_profile.decider"), "{paths:?}");
        let found = issues(&example_with(|v| v["meldcode_profile"] = serde_json::json!({"sector": "ruimtevaart"})));
        assert_eq!(found[0].path, "meldcode_profile.sector");
    }

    #[test]
    fn a_region_cannot_replace_a_national_number() {
        let found = issues(&example_with(|v| v["numbers"][0]["id"] = "112".into()));
        assert_eq!(found[0].path, "numbers[0].id");
        assert_eq!(found[0].problem, Problem::ReplacesNationalNumber { id: "112".into() });
    }

    #[test]
    fn duplicate_ids_bad_postcodes_and_future_dates_are_reported() {
        let found = issues(&example_with(|v| {
            let first = v["contacts"][0]["id"].clone();
            v["contacts"][1]["id"] = first;
            v["contacts"][2]["areas"][0]["postcodes"][0] = "33AB".into();
            v["contacts"][3]["checked"] = "2999-01-01".into();
        }));
        let problems: Vec<_> = found.iter().map(|i| (i.path.as_str(), &i.problem)).collect();
        assert!(problems.iter().any(|(p, pr)| *p == "contacts[1].id"
            && matches!(pr, Problem::DuplicateId { .. })));
        assert!(problems.contains(&("contacts[2].areas[0].postcodes[0]", &Problem::BadPostcode)));
        assert!(problems.contains(&("contacts[3].checked", &Problem::CheckedInFuture)));
    }

    #[test]
    fn the_day_the_caller_gives_decides_which_checked_dates_are_in_the_future() {
        let day = |text: &str| chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
        let text = example_with(|v| v["contacts"][0]["checked"] = "2027-03-10".into());
        let future = |today: &str| match parse_region_pack("regio.json", &text, NATIONAL, day(today)) {
            Ok(_) => Vec::new(),
            Err(issues) => issues.into_iter().filter(|i| i.problem == Problem::CheckedInFuture).map(|i| i.path).collect(),
        };
        // Checked two days ahead: in the future. One day ahead is allowed (time zones).
        assert_eq!(future("2027-03-08"), ["contacts[0].checked"]);
        assert!(future("2027-03-09").is_empty());
        assert!(future("2027-03-10").is_empty());
        // The example's own dates (November 2026) were in the future before they were checked.
        assert!(!future("2026-01-01").is_empty());
    }

    #[test]
    fn a_crafted_pack_with_links_that_lie_is_refused_field_by_field() {
        let text = example_with(|v| {
            v["contacts"][0]["email"] = "noord@buurtteam.voorbeeldstad.nl?bcc=spy%40evil.example&subject=x".into();
            v["contacts"][0]["website"] = "https://www.voorbeeldstad.nl@evil.example/login".into();
            v["contacts"][0]["phone"] = "(0)(0)(0)112".into();
            v["contacts"][1]["name"] = "Buurtteam \u{202e}dorN".into();
            v["contacts"][1]["description"]["nl"] = "Hulp\u{200b} bij opvoeden".into();
        });
        let found = issues(&text);
        let problems: Vec<_> = found.iter().map(|i| (i.path.as_str(), &i.problem)).collect();
        for expected in [
            ("contacts[0].email", &Problem::BadEmail),
            ("contacts[0].website", &Problem::BadUrl),
            ("contacts[0].phone", &Problem::BadPhone),
            ("contacts[1].name", &Problem::Markup),
            ("contacts[1].description.nl", &Problem::Markup),
        ] {
            assert!(problems.contains(&expected), "{expected:?} in {problems:?}");
        }
    }

    #[test]
    fn a_pack_s_own_themes_are_checked_like_everything_else() {
        let found = issues(&example_with(|v| {
            v["social_map"]["themes"] = serde_json::json!([
                { "id": "Mantel Zorg", "label": { "nl": "Mantelzorg" } },
                { "id": "ontmoeten", "label": { "nl": "<b>Ontmoeten</b>" } },
            ]);
        }));
        let paths: Vec<_> = found.iter().map(|i| (i.path.as_str(), &i.problem)).collect();
        assert!(paths.contains(&("social_map.themes[0].id", &Problem::BadId)), "{paths:?}");
        assert!(paths.contains(&("social_map.themes[1].label.nl", &Problem::Markup)), "{paths:?}");
    }

    #[test]
    fn oversized_packs_are_refused_before_parsing() {
        let huge = " ".repeat(MAX_PACK_BYTES + 1);
        let found = issues(&huge);
        assert!(matches!(found[0].problem, Problem::TooLarge { .. }));
        assert!(found[0].message(Lang::Nl).contains("te groot (1,1 MB). Het mag hoogstens 1 MB zijn."), "{}", found[0].message(Lang::Nl));
    }

    #[test]
    fn a_pack_at_the_size_limit_is_read_and_a_repeated_id_among_thousands_is_found() {
        let example: Value = serde_json::from_str(EXAMPLE).unwrap();
        let contact = example["contacts"][0].clone();
        let size = contact.to_string().len();
        let many: Vec<Value> = (0..MAX_PACK_BYTES / (size + 8) - 20)
            .map(|i| {
                let mut c = contact.clone();
                c["id"] = format!("team-{i}").into();
                c
            })
            .collect();
        let count = many.len();
        let mut pack = example.clone();
        pack["contacts"] = Value::from(many.clone());
        let text = pack.to_string();
        assert!(text.len() <= MAX_PACK_BYTES && text.len() > MAX_PACK_BYTES * 9 / 10, "{}", text.len());
        let read = parse_region_pack("regio.json", &text, NATIONAL, today()).expect("a large valid pack");
        assert_eq!(read.contacts.len(), count);

        let mut repeated = many;
        repeated[count - 1]["id"] = "team-7".into();
        pack["contacts"] = Value::from(repeated);
        let found = issues(&pack.to_string());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, format!("contacts[{}].id", count - 1));
        assert_eq!(found[0].problem, Problem::DuplicateId { id: "team-7".into() });
    }

    #[test]
    fn overlong_text_is_refused() {
        let found = issues(&example_with(|v| v["region"]["name"] = "x".repeat(10_000).into()));
        assert_eq!(found[0].problem, Problem::TooLong { max: MAX_NAME_CHARS });
    }

    #[test]
    fn deeply_nested_input_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        assert!(matches!(issues(&deep)[0].problem, Problem::NotJson { .. }));
    }

    #[test]
    fn messages_exist_in_english_too() {
        let issue = Issue { file: "a.json".into(), path: "x".into(), problem: Problem::BadUrl };
        assert_ne!(issue.message(Lang::En), issue.message(Lang::Nl));
    }
}
