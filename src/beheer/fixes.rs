//! Mechanical fixes of a region pack an editor can download: postcodes and phone numbers
//! written the one way the app reads them, duplicates removed. Nothing is guessed: what
//! cannot be fixed without knowing more stays as it is, for the checker to report.
//!
//! Works on the pack's JSON as a `serde_json::Value`, since a pack with a bad postcode does
//! not parse into a `RegionPack`. serde_json here keeps no key order (its `preserve_order`
//! feature is off), so a fixed pack is written with its keys in alphabetical order; a pack
//! that needs no fix is given back exactly as it was.

use crate::ground::checks::is_phone;
use crate::ground::postcode::{is_postcode_range, postcode4, PostcodeRange};
use crate::i18n::{t_with, Lang};
use serde_json::Value;

/// One change made to the pack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub kind: FixKind,
    /// Where in the pack: `contacts[2].phone`.
    pub path: String,
    pub before: String,
    pub after: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixKind {
    Postcode,
    Phone,
    /// A second copy removed; `after` names the copy that stays.
    Duplicate,
}

impl Fix {
    /// "contacts[2].phone: „010.123 45 67” wordt „010 123 45 67”" in the editor's language.
    pub fn message(&self, lang: Lang) -> String {
        let key = match self.kind {
            FixKind::Postcode => "beheer.fix.postcode",
            FixKind::Phone => "beheer.fix.phone",
            FixKind::Duplicate => "beheer.fix.duplicate",
        };
        t_with(lang, key, &[("path", &self.path), ("before", &self.before), ("after", &self.after)])
    }
}

/// The pack's text with every mechanical fix made, and the list of fixes; `None` when the
/// text is not JSON (nothing to fix mechanically: the checker says why). Without fixes the
/// text is returned unchanged.
pub fn fix_pack(text: &str) -> Option<(String, Vec<Fix>)> {
    let mut value: Value = serde_json::from_str(text).ok()?;
    let mut fixes = Vec::new();
    fix_value(&mut value, &mut fixes);
    if fixes.is_empty() {
        return Some((text.to_string(), fixes));
    }
    let mut fixed = serde_json::to_string_pretty(&value).ok()?;
    fixed.push('\n');
    Some((fixed, fixes))
}

fn fix_value(pack: &mut Value, fixes: &mut Vec<Fix>) {
    // Exact copies first, so a copy's postcodes are not reported twice.
    for list in ["numbers", "contacts", "wijken"] {
        if let Some(Value::Array(items)) = pack.get_mut(list) {
            remove_copies(list, items, fixes);
        }
    }
    if let Some(Value::Array(numbers)) = pack.get_mut("numbers") {
        for (i, number) in numbers.iter_mut().enumerate() {
            fix_phone(&format!("numbers[{i}].number"), number.get_mut("number"), fixes);
        }
    }
    if let Some(Value::Array(contacts)) = pack.get_mut("contacts") {
        for (i, contact) in contacts.iter_mut().enumerate() {
            fix_phone(&format!("contacts[{i}].phone"), contact.get_mut("phone"), fixes);
            if let Some(Value::Array(areas)) = contact.get_mut("areas") {
                for (j, area) in areas.iter_mut().enumerate() {
                    fix_area(&format!("contacts[{i}].areas[{j}]"), area, fixes);
                }
            }
        }
    }
    if let Some(Value::Array(wijken)) = pack.get_mut("wijken") {
        for (j, area) in wijken.iter_mut().enumerate() {
            fix_area(&format!("wijken[{j}]"), area, fixes);
        }
    }
    if let Some(profile) = pack.get_mut("meldcode_profile") {
        fix_phone("meldcode_profile.aandachtsfunctionaris_phone", profile.get_mut("aandachtsfunctionaris_phone"), fixes);
    }
}

/// Removes every item that is exactly the same as one before it (same id and content).
fn remove_copies(list: &str, items: &mut Vec<Value>, fixes: &mut Vec<Fix>) {
    let mut kept: Vec<(usize, Value)> = Vec::new();
    for (i, item) in std::mem::take(items).into_iter().enumerate() {
        match kept.iter().find(|(_, k)| *k == item) {
            Some((first, _)) => fixes.push(Fix {
                kind: FixKind::Duplicate,
                path: format!("{list}[{i}]"),
                before: label(&item),
                after: format!("{list}[{first}]"),
            }),
            None => kept.push((i, item)),
        }
    }
    *items = kept.into_iter().map(|(_, item)| item).collect();
}

/// How a removed item is named in a message: its id, name or number.
fn label(item: &Value) -> String {
    ["id", "name", "number"]
        .iter()
        .find_map(|key| item.get(key).and_then(Value::as_str))
        .map(str::to_string)
        .unwrap_or_else(|| item.to_string())
}

/// A wijk's postcodes: each written as the pack's schema says, then copies removed.
fn fix_area(at: &str, area: &mut Value, fixes: &mut Vec<Fix>) {
    let Some(Value::Array(postcodes)) = area.get_mut("postcodes") else { return };
    let mut written: Vec<Value> = Vec::new();
    for (k, postcode) in std::mem::take(postcodes).into_iter().enumerate() {
        let path = format!("{at}.postcodes[{k}]");
        let before = match &postcode {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            _ => {
                written.push(postcode);
                continue;
            }
        };
        if postcode.is_string() && is_postcode_range(&before) {
            written.push(postcode);
            continue;
        }
        match normal_postcodes(&before) {
            Some(parts) => {
                fixes.push(Fix { kind: FixKind::Postcode, path, before, after: parts.join(", ") });
                written.extend(parts.into_iter().map(Value::String));
            }
            None => written.push(postcode),
        }
    }
    let mut kept: Vec<Value> = Vec::new();
    for (k, postcode) in written.into_iter().enumerate() {
        if postcode.is_string() && kept.contains(&postcode) {
            let text = postcode.as_str().unwrap_or_default().to_string();
            fixes.push(Fix { kind: FixKind::Duplicate, path: format!("{at}.postcodes[{k}]"), before: text.clone(), after: text });
        } else {
            kept.push(postcode);
        }
    }
    *postcodes = kept;
}

/// "3312 ab" → ["3312"], " 3311 – 3313 " → ["3311-3313"], "3311, 3314" → ["3311", "3314"];
/// `None` when any part is not certainly a postcode or range.
fn normal_postcodes(text: &str) -> Option<Vec<String>> {
    let parts: Vec<&str> = text.split([',', ';']).map(str::trim).filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        return None;
    }
    parts.into_iter().map(normal_postcode).collect()
}

pub(super) fn normal_postcode(text: &str) -> Option<String> {
    let text = text.replace(['\u{2013}', '\u{2014}', '\u{2010}', '\u{2011}', '\u{2012}'], "-");
    let range = match text.split_once('-') {
        Some((from, to)) => {
            let (from, to) = (postcode4(from.trim())?, postcode4(to.trim())?);
            (from <= to).then_some(PostcodeRange { from, to })?
        }
        None => {
            let pc = postcode4(text.trim())?;
            PostcodeRange { from: pc, to: pc }
        }
    };
    Some(range.to_string())
}

/// A phone number the app refuses, written so it accepts it, only when the digits (and a
/// leading plus) stay exactly the same: "tel: 010.123.45.67" → "010 123 45 67".
fn fix_phone(path: &str, phone: Option<&mut Value>, fixes: &mut Vec<Fix>) {
    let Some(Value::String(number)) = phone else { return };
    if number.is_empty() || is_phone(number) {
        return;
    }
    if let Some(after) = normal_phone(number) {
        fixes.push(Fix { kind: FixKind::Phone, path: path.to_string(), before: number.clone(), after: after.clone() });
        *number = after;
    }
}

fn normal_phone(number: &str) -> Option<String> {
    let mut rest = number.trim();
    for prefix in ["telefoon:", "telefoon", "tel.:", "tel:", "tel.", "tel", "phone:"] {
        if rest.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix)) {
            rest = rest[prefix.len()..].trim_start();
            break;
        }
    }
    let spaced: String = rest.chars().map(|c| if c == '.' || c == '/' || c.is_whitespace() { ' ' } else { c }).collect();
    let after = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let same = digits(&after) == digits(number) && after.starts_with('+') == number.trim().starts_with('+');
    (same && is_phone(&after)).then_some(after)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::validate::{cross_references, parse_region_pack};

    const EXAMPLE: &str = include_str!("../../public/regions/voorbeeldstad.json");
    const FIXABLE: &str = include_str!("../../tests/fixtures/beheer-publish/fixable.json");

    fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn national() -> Vec<&'static str> {
        vec!["112", "veilig-thuis"]
    }

    fn example_with(change: impl FnOnce(&mut Value)) -> String {
        let mut value: Value = serde_json::from_str(EXAMPLE).unwrap();
        change(&mut value);
        serde_json::to_string_pretty(&value).unwrap()
    }

    fn fixed(text: &str) -> (Value, Vec<Fix>) {
        let (text, fixes) = fix_pack(text).expect("JSON");
        (serde_json::from_str(&text).unwrap(), fixes)
    }

    #[test]
    fn the_valid_example_is_left_exactly_as_it_is() {
        let (text, fixes) = fix_pack(EXAMPLE).unwrap();
        assert_eq!(fixes, Vec::new());
        assert_eq!(text, EXAMPLE);
    }

    #[test]
    fn text_that_is_not_json_has_nothing_to_fix() {
        assert_eq!(fix_pack("{ niet af"), None);
    }

    #[test]
    fn postcodes_are_written_as_the_pack_reads_them() {
        let cases = [
            ("3312 ab", vec!["3312"]),
            (" 3312", vec!["3312"]),
            ("3312AB", vec!["3312"]),
            ("3311 - 3313", vec!["3311-3313"]),
            ("3311 – 3313", vec!["3311-3313"]),
            ("3311AA-3313ZZ", vec!["3311-3313"]),
            ("3311, 3314", vec!["3311", "3314"]),
        ];
        for (before, after) in cases {
            let pack = example_with(|v| v["wijken"][0]["postcodes"][0] = before.into());
            let (value, fixes) = fixed(&pack);
            let want: Vec<Value> = after.iter().map(|s| Value::from(*s)).collect();
            assert_eq!(value["wijken"][0]["postcodes"].as_array().unwrap()[..want.len()], want[..], "{before:?}");
            assert_eq!(fixes.len(), 1, "{before:?}: {fixes:?}");
            assert_eq!(fixes[0].kind, FixKind::Postcode);
            assert_eq!(fixes[0].path, "wijken[0].postcodes[0]");
            assert_eq!(fixes[0].before, before);
        }
    }

    #[test]
    fn a_postcode_written_as_a_number_becomes_text() {
        let pack = example_with(|v| v["contacts"][1]["areas"][0]["postcodes"][0] = 3314.into());
        let (value, fixes) = fixed(&pack);
        assert_eq!(value["contacts"][1]["areas"][0]["postcodes"][0], "3314");
        assert_eq!(fixes[0].path, "contacts[1].areas[0].postcodes[0]");
    }

    #[test]
    fn what_is_not_certainly_a_postcode_stays() {
        for before in ["33AB", "331", "3315-3311", "Noord", "33123", "0999", ""] {
            let pack = example_with(|v| v["wijken"][0]["postcodes"][0] = before.into());
            let (value, fixes) = fixed(&pack);
            assert_eq!(value["wijken"][0]["postcodes"][0], before, "{before:?}");
            assert!(fixes.iter().all(|f| f.kind != FixKind::Postcode), "{before:?}: {fixes:?}");
        }
    }

    #[test]
    fn a_postcode_twice_in_a_wijk_is_kept_once() {
        let pack = example_with(|v| v["wijken"][1]["postcodes"] = serde_json::json!(["3314", "3315", "3314 AB"]));
        let (value, fixes) = fixed(&pack);
        assert_eq!(value["wijken"][1]["postcodes"], serde_json::json!(["3314", "3315"]));
        assert_eq!(fixes.iter().map(|f| f.kind).collect::<Vec<_>>(), vec![FixKind::Postcode, FixKind::Duplicate]);
        assert_eq!(fixes[1].path, "wijken[1].postcodes[2]");
    }

    #[test]
    fn phone_numbers_are_fixed_only_when_the_digits_stay_the_same() {
        let cases = [
            ("010.555.01.01", "010 555 01 01"),
            ("tel: 010-5550101", "010-5550101"),
            ("Tel. 010 / 555 01 01", "010 555 01 01"),
            ("+31\u{a0}10\u{a0}555\u{a0}0101", "+31 10 555 0101"),
            ("010\t5550101", "010 5550101"),
        ];
        for (before, after) in cases {
            let pack = example_with(|v| v["contacts"][0]["phone"] = before.into());
            let (value, fixes) = fixed(&pack);
            assert_eq!(value["contacts"][0]["phone"], after, "{before:?}");
            assert_eq!(fixes, vec![Fix { kind: FixKind::Phone, path: "contacts[0].phone".into(), before: before.into(), after: after.into() }]);
        }
        let pack = example_with(|v| v["numbers"][0]["number"] = "0900.1234567".into());
        assert_eq!(fixed(&pack).0["numbers"][0]["number"], "0900 1234567");
    }

    #[test]
    fn phone_numbers_the_app_accepts_or_that_need_a_guess_stay() {
        // Accepted as they are: never rewritten.
        for kept in ["010 - 123 45 67", "+31 10 555 0101", "+31 (0)10 555 0101", "(010) 555 0101"] {
            let (value, fixes) = fixed(&example_with(|v| v["contacts"][0]["phone"] = kept.into()));
            assert_eq!(value["contacts"][0]["phone"], kept);
            assert!(fixes.is_empty(), "{kept:?}");
        }
        // Letters, an extension or a second number: which digits to dial is a guess.
        for unsure in ["010-55501O1", "010 555 0101 toestel 12", "010 5550101 of 010 5550102", "bel ons"] {
            let (value, fixes) = fixed(&example_with(|v| v["contacts"][0]["phone"] = unsure.into()));
            assert_eq!(value["contacts"][0]["phone"], unsure);
            assert!(fixes.is_empty(), "{unsure:?}: {fixes:?}");
        }
    }

    #[test]
    fn exact_copies_of_contacts_numbers_and_wijken_are_removed_and_others_kept() {
        let pack = example_with(|v| {
            let contact = v["contacts"][0].clone();
            v["contacts"].as_array_mut().unwrap().push(contact.clone());
            let mut same_id = contact;
            same_id["name"] = "Buurtteam Noord (oud)".into();
            v["contacts"].as_array_mut().unwrap().push(same_id);
            let number = v["numbers"][0].clone();
            v["numbers"].as_array_mut().unwrap().push(number);
            let wijk = v["wijken"][2].clone();
            v["wijken"].as_array_mut().unwrap().push(wijk);
        });
        let (value, fixes) = fixed(&pack);
        let contacts = value["contacts"].as_array().unwrap();
        assert_eq!(contacts.len(), 5, "the copy goes, the other contact with the same id stays");
        assert_eq!(contacts[4]["name"], "Buurtteam Noord (oud)");
        assert_eq!(value["numbers"].as_array().unwrap().len(), 1);
        assert_eq!(value["wijken"].as_array().unwrap().len(), 4);
        let paths: Vec<&str> = fixes.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, vec!["numbers[1]", "contacts[4]", "wijken[4]"]);
        assert!(fixes.iter().all(|f| f.kind == FixKind::Duplicate));
        assert_eq!(fixes[1].before, "buurtteam-noord");
        assert_eq!(fixes[1].after, "contacts[0]");
        // What the fix cannot settle stays for the checker: the same id twice.
        let text = serde_json::to_string(&value).unwrap();
        let issues = parse_region_pack("regio.json", &text, &national(), today()).unwrap_err();
        assert!(issues.iter().any(|i| i.path == "contacts[4].id"), "{issues:?}");
    }

    #[test]
    fn the_fixable_fixture_passes_the_checker_once_fixed() {
        assert!(parse_region_pack("regio.json", FIXABLE, &national(), today()).is_err());
        let (text, fixes) = fix_pack(FIXABLE).unwrap();
        let kinds = |kind| fixes.iter().filter(|f| f.kind == kind).count();
        assert!(kinds(FixKind::Postcode) >= 2 && kinds(FixKind::Phone) >= 2 && kinds(FixKind::Duplicate) >= 2, "{fixes:?}");
        let pack = parse_region_pack("regio.json", &text, &national(), today()).expect("fixed pack is valid");
        assert_eq!(cross_references("regio.json", &pack), Vec::new());
        assert!(crate::beheer::new_pack::schema_accepts(&text), "the published schema accepts the fixed pack");
        assert!(!crate::beheer::new_pack::schema_accepts(FIXABLE));
        // Fixing again finds nothing more.
        assert_eq!(fix_pack(&text).unwrap(), (text.clone(), Vec::new()));
    }

    #[test]
    fn what_cannot_be_fixed_stays_for_the_editor() {
        let pack = example_with(|v| {
            v["contacts"][0]["phone"] = "bel ons".into();
            v["contacts"][1]["areas"][0]["postcodes"][0] = "3314 ab".into();
            v["wijken"][0]["postcodes"][0] = "Noord".into();
        });
        let (text, fixes) = fix_pack(&pack).unwrap();
        assert_eq!(fixes.len(), 1);
        let issues = parse_region_pack("regio.json", &text, &national(), today()).unwrap_err();
        let paths: Vec<&str> = issues.iter().map(|i| i.path.as_str()).collect();
        assert_eq!(paths, vec!["contacts[0].phone", "wijken[0].postcodes[0]"]);
    }

    #[test]
    fn every_fix_says_what_changed_in_both_languages() {
        let fix = Fix { kind: FixKind::Phone, path: "contacts[0].phone".into(), before: "010.5550101".into(), after: "010 5550101".into() };
        for lang in [Lang::Nl, Lang::En] {
            let message = fix.message(lang);
            assert!(message.contains("contacts[0].phone") && message.contains("010.5550101") && message.contains("010 5550101"), "{message}");
            assert!(!message.contains('{'), "{message}");
        }
        assert_ne!(fix.message(Lang::Nl), fix.message(Lang::En));
    }
}
